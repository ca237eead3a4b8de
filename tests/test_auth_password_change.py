"""Changing one's own password while logged in."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD, anonymous_client

NEW_PASSWORD = "a-long-new-pass-phrase"


def change(client: Client, old: str, new: str = NEW_PASSWORD, repeat: str | None = None):
    return client.post(
        reverse("password_change"),
        {"old_password": old, "new_password1": new, "new_password2": repeat or new},
    )


def test_anonymous_visitor_is_sent_to_login(db):
    for method in (anonymous_client().get, anonymous_client().post):
        response = method(reverse("password_change"))
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('login')}?next={reverse('password_change')}"


def test_settings_page_needs_login_and_links_to_the_password_change(cast):
    assert anonymous_client().get(reverse("settings"))["Location"].startswith(reverse("login"))
    response = cast.client_for(cast.bram).get(reverse("settings"))
    assert reverse("password_change") in response.content.decode()


def test_form_asks_for_the_current_and_the_new_password_twice(cast):
    response = cast.client_for(cast.bram).get(reverse("password_change"))
    assert response.status_code == 200
    text = response.content.decode()
    for name in ("old_password", "new_password1", "new_password2"):
        assert f'name="{name}"' in text
        assert f'<label for="id_{name}">' in text


def test_password_change_keeps_this_session_and_confirms(cast):
    client = cast.client_for(cast.bram)

    response = change(client, PASSWORD)

    assert response["Location"] == reverse("settings")
    cast.bram.refresh_from_db()
    assert cast.bram.check_password(NEW_PASSWORD)
    page = client.get(reverse("settings"))
    assert page.status_code == 200
    assert "Your new password is saved." in page.content.decode()


def test_other_sessions_end_after_a_password_change(cast):
    other_device = anonymous_client()
    other_device.post(reverse("login"), {"username": "bram@werkplaats.test", "password": PASSWORD})
    assert other_device.get(reverse("home")).status_code == 200

    change(cast.client_for(cast.bram), PASSWORD)

    assert other_device.get(reverse("home")).status_code == 302


def test_wrong_current_password_is_refused(cast):
    response = change(cast.client_for(cast.bram), "not-my-password")
    assert response.status_code == 200
    assert response.context["form"].errors["old_password"]
    cast.bram.refresh_from_db()
    assert cast.bram.check_password(PASSWORD)


def test_weak_or_mismatched_new_password_is_refused(cast):
    client = cast.client_for(cast.bram)
    weak = change(client, PASSWORD, "12345")
    mismatch = change(client, PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x")
    assert weak.context["form"].errors["new_password2"]
    assert mismatch.context["form"].errors["new_password2"]
    cast.bram.refresh_from_db()
    assert cast.bram.check_password(PASSWORD)
