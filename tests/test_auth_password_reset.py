"""Forgot your password: a reset link by e-mail that reveals nothing about who has an account."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.conftest import PASSWORD, anonymous_client
from tweespraak.accounts.models import Person

NEW_PASSWORD = "a-long-new-pass-phrase"


def request_reset(client: Client, email: str):
    return client.post(reverse("password_reset"), {"email": email})


def set_new_password(client: Client, path: str, password: str = NEW_PASSWORD):
    """Follow the mailed link (which redirects to a URL without the token) and submit."""
    form_page = client.get(path, follow=True)
    assert form_page.context["validlink"], "the reset link should work"
    return client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": password, "new_password2": password},
    )


def log_in(email: str, password: str):
    return anonymous_client().post(reverse("login"), {"username": email, "password": password})


def test_login_page_links_to_the_reset_page(db):
    response = anonymous_client().get(reverse("login"))
    assert reverse("password_reset") in response.content.decode()
    assert "Forgot your password?" in response.content.decode()


def test_reset_page_asks_for_an_email_address(db):
    response = anonymous_client().get(reverse("password_reset"))
    assert response.status_code == 200
    assert 'type="email"' in response.content.decode()


def test_reset_end_to_end(cast, smtp_server):
    client = anonymous_client()

    response = request_reset(client, "bram@werkplaats.test")

    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    [message] = smtp_server.messages
    assert message["To"] == "Bram Jansen <bram@werkplaats.test>"
    done = set_new_password(client, smtp_server.link_path(message))
    assert done["Location"] == reverse("password_reset_complete")
    assert "Log in" in client.get(done["Location"]).content.decode()
    assert log_in("bram@werkplaats.test", NEW_PASSWORD).status_code == 302
    assert log_in("bram@werkplaats.test", PASSWORD).status_code == 200


def test_address_in_other_case_still_gets_the_mail(cast, smtp_server):
    request_reset(anonymous_client(), "Bram@Werkplaats.TEST")
    assert len(smtp_server.messages) == 1


def test_reset_link_works_only_once(cast, smtp_server):
    request_reset(anonymous_client(), "bram@werkplaats.test")
    path = smtp_server.link_path(smtp_server.messages[0])
    set_new_password(anonymous_client(), path)

    response = anonymous_client().get(path, follow=True)

    assert not response.context["validlink"]
    assert "This link no longer works" in response.content.decode()


def test_reset_link_expires(cast, smtp_server, settings):
    request_reset(anonymous_client(), "bram@werkplaats.test")
    path = smtp_server.link_path(smtp_server.messages[0])
    timeout = datetime.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT)
    # Django's token clock is naive local time: keep well clear of time zone offsets.
    with time_machine.travel(timezone.now() + timeout - datetime.timedelta(hours=3)):
        assert anonymous_client().get(path, follow=True).context["validlink"]
    with time_machine.travel(timezone.now() + timeout + datetime.timedelta(hours=3)):
        assert not anonymous_client().get(path, follow=True).context["validlink"]


def test_unknown_address_gets_the_same_page_and_no_mail(cast, smtp_server):
    known = request_reset(anonymous_client(), "bram@werkplaats.test")
    unknown = request_reset(anonymous_client(), "nobody@werkplaats.test")

    assert unknown.status_code == known.status_code == 302
    assert unknown["Location"] == known["Location"]
    assert len(smtp_server.messages) == 1
    sent_page = anonymous_client().get(unknown["Location"]).content.decode()
    assert "If this e-mail address belongs to an active account" in sent_page


def test_deactivated_person_gets_no_mail(cast, smtp_server):
    cast.bram.deactivate()
    response = request_reset(anonymous_client(), "bram@werkplaats.test")
    assert response["Location"] == reverse("password_reset_done")
    assert smtp_server.messages == []


def test_person_with_a_pending_invitation_gets_no_mail(cast, smtp_server):
    Person.objects.create_user(
        email="eva@werkplaats.test", workspace=cast.workspace, name="Eva Peters"
    )
    response = request_reset(anonymous_client(), "eva@werkplaats.test")
    assert response["Location"] == reverse("password_reset_done")
    assert smtp_server.messages == []


def test_mail_failure_shows_the_same_page(cast, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 9  # nothing listens on the discard port
    response = request_reset(anonymous_client(), "bram@werkplaats.test")
    assert response["Location"] == reverse("password_reset_done")


def test_invalid_address_is_explained_and_kept(db):
    response = request_reset(anonymous_client(), "not an address")
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert 'value="not an address"' in response.content.decode()


def test_weak_new_password_is_refused(cast, smtp_server):
    client = anonymous_client()
    request_reset(client, "bram@werkplaats.test")
    response = set_new_password(client, smtp_server.link_path(smtp_server.messages[0]), "bram")
    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]
    cast.bram.refresh_from_db()
    assert cast.bram.check_password(PASSWORD)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_mail_is_in_the_recipients_language(cast, smtp_server, language):
    cast.bram.language = language
    cast.bram.save(update_fields=["language"])

    request_reset(anonymous_client(), "bram@werkplaats.test")

    message = smtp_server.messages[0]
    html = message.get_body(("html",)).get_content()
    assert f'<html lang="{language}">' in html
    assert message["Subject"].strip()
    assert "bram@werkplaats.test" in message.get_body(("plain",)).get_content()


def test_reset_form_speaks_the_persons_language(cast, smtp_server):
    cast.bram.language = "en"
    cast.bram.save(update_fields=["language"])
    client = anonymous_client()
    request_reset(client, "bram@werkplaats.test")

    response = client.get(smtp_server.link_path(smtp_server.messages[0]), follow=True)

    assert response["Content-Language"] == "en"
    assert '<html lang="en">' in response.content.decode()
