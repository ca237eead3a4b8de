"""Repeated failed logins lock the e-mail address + IP pair for a while (django-axes).

The lock behaves the same for addresses with and without an account, so it
cannot be used to find out who has one.
"""

from __future__ import annotations

import datetime
import re

import pytest
import time_machine
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.conftest import PASSWORD, anonymous_client

LIMIT = 3


@pytest.fixture(autouse=True)
def small_limit(settings):
    settings.AXES_FAILURE_LIMIT = LIMIT
    settings.AXES_COOLOFF_TIME = 15 / 60  # hours


def log_in(client: Client, email: str, password: str):
    return client.post(reverse("login"), {"username": email, "password": password})


def fail(client: Client, email: str, times: int) -> list[int]:
    return [log_in(client, email, "wrong-password").status_code for _ in range(times)]


@pytest.mark.parametrize("email", ["bram@werkplaats.test", "nobody@werkplaats.test"])
def test_locked_after_the_limit_whether_or_not_the_address_exists(cast, email):
    client = anonymous_client()
    statuses = fail(client, email, LIMIT)
    assert statuses[:-1] == [200] * (LIMIT - 1)
    assert statuses[-1] == 429
    assert log_in(client, email, "wrong-password").status_code == 429


def test_existing_and_unknown_addresses_get_identical_lockout_pages(cast):
    known = anonymous_client()
    unknown = anonymous_client()
    fail(known, "bram@werkplaats.test", LIMIT)
    fail(unknown, "nobody@werkplaats.test", LIMIT)
    a = log_in(known, "bram@werkplaats.test", "wrong-password")
    b = log_in(unknown, "nobody@werkplaats.test", "wrong-password")
    assert a.status_code == b.status_code == 429
    strip = [("bram@werkplaats.test", ""), ("nobody@werkplaats.test", "")]
    texts = []
    for response in (a, b):
        text = response.content.decode()
        for old, new in strip:
            text = text.replace(old, new)
        texts.append(_without_csrf(text))
    assert texts[0] == texts[1]


def _without_csrf(text: str) -> str:
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)
    return re.sub(r'"X-CSRFToken": "[^"]+"', "", text)


def test_lockout_page_explains_when_to_try_again(cast):
    client = anonymous_client()
    fail(client, "bram@werkplaats.test", LIMIT)
    response = log_in(client, "bram@werkplaats.test", PASSWORD)
    text = response.content.decode()
    assert response.status_code == 429
    assert "Too many attempts" in text
    assert "try again in 15 minutes" in text
    assert reverse("password_reset") in text


def test_right_password_does_not_get_in_while_locked(cast):
    client = anonymous_client()
    fail(client, "bram@werkplaats.test", LIMIT)
    response = log_in(client, "bram@werkplaats.test", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_case_of_the_address_does_not_bypass_the_lock(cast):
    client = anonymous_client()
    fail(client, "bram@werkplaats.test", LIMIT)
    assert log_in(client, "BRAM@werkplaats.test", PASSWORD).status_code == 429


def test_other_addresses_are_not_locked(cast):
    client = anonymous_client()
    fail(client, "bram@werkplaats.test", LIMIT)
    assert log_in(client, "chris@werkplaats.test", PASSWORD).status_code == 302


def test_still_locked_shortly_before_the_cool_off_ends(cast):
    client = anonymous_client()
    fail(client, "bram@werkplaats.test", LIMIT)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=14)):
        assert log_in(client, "bram@werkplaats.test", PASSWORD).status_code == 429


def test_login_works_again_after_the_cool_off(cast):
    client = anonymous_client()
    fail(client, "bram@werkplaats.test", LIMIT)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=16)):
        response = log_in(client, "bram@werkplaats.test", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")


def test_trying_during_the_lockout_starts_the_wait_again(cast):
    client = anonymous_client()
    fail(client, "bram@werkplaats.test", LIMIT)
    start = timezone.now()
    with time_machine.travel(start + datetime.timedelta(minutes=10)):
        assert log_in(client, "bram@werkplaats.test", PASSWORD).status_code == 429
    with time_machine.travel(start + datetime.timedelta(minutes=20)):
        assert log_in(client, "bram@werkplaats.test", PASSWORD).status_code == 429
    with time_machine.travel(start + datetime.timedelta(minutes=36)):
        assert log_in(client, "bram@werkplaats.test", PASSWORD).status_code == 302


def test_a_successful_login_resets_the_count(cast):
    client = anonymous_client()
    fail(client, "bram@werkplaats.test", LIMIT - 1)
    assert log_in(client, "bram@werkplaats.test", PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username="bram@werkplaats.test").exists()
    assert fail(anonymous_client(), "bram@werkplaats.test", LIMIT - 1) == [200] * (LIMIT - 1)
