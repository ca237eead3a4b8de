"""Logging in and out: one generic error, `next` is honoured, deactivated people are out."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD, anonymous_client

GENERIC = "This e-mail address and password do not match an active account."


def log_in(client: Client, email: str, password: str, **extra: str):
    return client.post(reverse("login"), {"username": email, "password": password, **extra})


def test_login_page_has_labelled_fields(db):
    text = anonymous_client().get(reverse("login")).content.decode()
    assert '<label for="id_username">' in text
    assert '<label for="id_password">' in text


def test_right_password_logs_in_and_goes_home(cast):
    client = anonymous_client()
    response = log_in(client, "bram@werkplaats.test", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert client.get(reverse("home")).context["user"] == cast.bram


def test_email_is_not_case_sensitive(cast):
    response = log_in(anonymous_client(), "  Bram@Werkplaats.TEST ", PASSWORD)
    assert response.status_code == 302


def test_wrong_password_shows_the_generic_message_and_keeps_the_email(cast):
    response = log_in(anonymous_client(), "bram@werkplaats.test", "wrong-password")
    assert response.status_code == 200
    text = response.content.decode()
    assert GENERIC in text
    assert 'value="bram@werkplaats.test"' in text


def test_unknown_email_shows_the_same_message(db):
    response = log_in(anonymous_client(), "nobody@werkplaats.test", "wrong-password")
    assert response.status_code == 200
    assert GENERIC in response.content.decode()


def test_login_redirects_to_next(cast):
    next_url = reverse("settings")
    response = log_in(anonymous_client(), "bram@werkplaats.test", PASSWORD, next=next_url)
    assert response["Location"] == next_url


def test_login_ignores_a_next_on_another_site(cast):
    response = log_in(
        anonymous_client(), "bram@werkplaats.test", PASSWORD, next="https://evil.test/"
    )
    assert response["Location"] == reverse("home")


def test_anonymous_visitor_is_sent_to_login_with_next(db):
    response = anonymous_client().get(reverse("settings"))
    assert response["Location"] == f"{reverse('login')}?next={reverse('settings')}"


def test_logged_in_person_opening_login_goes_home(cast):
    response = cast.client_for(cast.bram).get(reverse("login"))
    assert response["Location"] == reverse("home")


def test_logout_is_post_only(cast):
    client = cast.client_for(cast.bram)
    assert client.get(reverse("logout")).status_code == 405
    assert client.get(reverse("home")).status_code == 200


def test_logout_ends_the_session(cast):
    client = cast.client_for(cast.bram)
    response = client.post(reverse("logout"))
    assert response["Location"] == reverse("login")
    assert client.get(reverse("home")).status_code == 302


def test_deactivated_person_gets_the_same_generic_message(cast):
    cast.bram.deactivate()
    response = log_in(anonymous_client(), "bram@werkplaats.test", PASSWORD)
    assert response.status_code == 200
    assert GENERIC in response.content.decode()


def test_session_of_a_deactivated_person_stops_on_the_next_request(cast):
    client = anonymous_client()
    log_in(client, "bram@werkplaats.test", PASSWORD)
    assert client.get(reverse("home")).status_code == 200

    cast.bram.deactivate()

    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_person_with_pending_invitation_cannot_log_in(cast):
    cast.chris.set_unusable_password()
    cast.chris.save(update_fields=["password"])
    response = log_in(anonymous_client(), "chris@werkplaats.test", PASSWORD)
    assert response.status_code == 200
    assert "_auth_user_id" not in response.client.session
