"""Accepting an invitation: the mailed link, choosing a password, single use, expiry."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.conftest import Cast, SmtpServer, anonymous_client
from tweespraak.accounts.invitations import send_invitation
from tweespraak.accounts.models import Invitation, Person

NEW_PASSWORD = "a-long-new-pass-phrase"


@pytest.fixture
def eva(cast: Cast) -> Person:
    """A new employee whose account exists but who has not chosen a password yet."""
    return Person.objects.create_user(
        email="eva@werkplaats.test", workspace=cast.workspace, name="Eva Peters", language="en"
    )


def invite(person: Person, cast: Cast, smtp_server: SmtpServer) -> str:
    """Send the invitation over SMTP and return the path of the link in the mail."""
    send_invitation(person, invited_by=cast.willem)
    return smtp_server.link_path(smtp_server.messages[-1])


def choose_password(client: Client, path: str, password: str = NEW_PASSWORD):
    return client.post(path, {"new_password1": password, "new_password2": password})


def test_invitation_mail_reaches_the_person_with_a_link(cast, eva, smtp_server):
    path = invite(eva, cast, smtp_server)
    message = smtp_server.messages[0]
    assert message["To"] == "Eva Peters <eva@werkplaats.test>"
    assert "De Werkplaats" in message["Subject"]
    assert path.startswith("/account/invitation/")


def test_link_shows_name_and_email_read_only_and_asks_for_a_password(cast, eva, smtp_server):
    response = anonymous_client().get(invite(eva, cast, smtp_server))
    assert response.status_code == 200
    form = response.context["form"]
    assert form["name"].initial == "Eva Peters"
    assert form["email"].initial == "eva@werkplaats.test"
    assert form.fields["name"].disabled
    assert form.fields["email"].disabled
    text = response.content.decode()
    assert 'name="new_password1"' in text
    assert 'name="new_password2"' in text


def test_choosing_a_password_logs_in_and_welcomes_on_the_home_page(cast, eva, smtp_server):
    client = anonymous_client()
    path = invite(eva, cast, smtp_server)

    response = choose_password(client, path)

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    eva.refresh_from_db()
    assert eva.check_password(NEW_PASSWORD)
    assert Invitation.objects.get(person=eva).used_at is not None
    home = client.get(reverse("home"))
    assert home.context["user"] == eva
    assert "Welcome to Tweespraak, Eva" in home.content.decode()


def test_then_eva_logs_in_with_her_new_password(cast, eva, smtp_server):
    choose_password(anonymous_client(), invite(eva, cast, smtp_server))
    response = anonymous_client().post(
        reverse("login"), {"username": "eva@werkplaats.test", "password": NEW_PASSWORD}
    )
    assert response.status_code == 302


def test_link_works_only_once(cast, eva, smtp_server):
    path = invite(eva, cast, smtp_server)
    choose_password(anonymous_client(), path)

    stranger = anonymous_client()
    assert stranger.get(path).status_code == 410
    response = choose_password(stranger, path, "another-long-pass-phrase")

    assert response.status_code == 410
    eva.refresh_from_db()
    assert eva.check_password(NEW_PASSWORD)


def test_a_link_claimed_between_form_and_submit_says_already_used(
    cast, eva, smtp_server, monkeypatch
):
    path = invite(eva, cast, smtp_server)
    client = anonymous_client()
    claim = Invitation.mark_used

    def another_request_claims_it_first(invitation: Invitation) -> bool:
        Invitation.objects.filter(pk=invitation.pk).update(used_at=timezone.now())
        return claim(invitation)

    monkeypatch.setattr(Invitation, "mark_used", another_request_claims_it_first)
    response = choose_password(client, path)

    assert response.status_code == 410
    assert "has just been used" in response.content.decode()
    eva.refresh_from_db()
    assert not eva.has_usable_password()
    assert "_auth_user_id" not in client.session


def test_expired_link_explains_and_reveals_no_address(cast, eva, smtp_server):
    path = invite(eva, cast, smtp_server)
    later = timezone.now() + datetime.timedelta(days=15)
    with time_machine.travel(later, tick=False):
        response = anonymous_client().get(path)
        posted = choose_password(anonymous_client(), path)
    assert response.status_code == 410
    assert posted.status_code == 410
    text = response.content.decode()
    assert "This link no longer works" in text
    assert "Ask the admin of your workspace" in text
    assert "eva@werkplaats.test" not in text
    assert "Eva" not in text
    eva.refresh_from_db()
    assert not eva.has_usable_password()


def test_link_still_works_on_its_last_day(cast, eva, smtp_server):
    path = invite(eva, cast, smtp_server)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=13, hours=23)):
        assert anonymous_client().get(path).status_code == 200


def test_newer_invitation_revokes_the_older_link(cast, eva, smtp_server):
    old_path = invite(eva, cast, smtp_server)
    new_path = invite(eva, cast, smtp_server)

    assert old_path != new_path
    assert choose_password(anonymous_client(), old_path).status_code == 410
    assert choose_password(anonymous_client(), new_path).status_code == 302


def test_unknown_token_gets_the_same_page(db):
    response = anonymous_client().get(reverse("invitation_accept", args=["not-a-real-token"]))
    assert response.status_code == 410
    assert "This link no longer works" in response.content.decode()


def test_deactivated_person_cannot_accept(cast, eva, smtp_server):
    path = invite(eva, cast, smtp_server)
    eva.deactivate()
    response = choose_password(anonymous_client(), path)
    assert response.status_code == 410
    eva.refresh_from_db()
    assert not eva.has_usable_password()


def test_person_deactivated_without_revoking_cannot_accept_either(cast, eva, smtp_server):
    path = invite(eva, cast, smtp_server)
    Person.objects.filter(pk=eva.pk).update(is_active=False)
    assert anonymous_client().get(path).status_code == 410


def test_weak_or_mismatched_password_is_refused_with_a_message(cast, eva, smtp_server):
    path = invite(eva, cast, smtp_server)
    client = anonymous_client()

    short = choose_password(client, path, "short")
    mismatch = client.post(
        path, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD + "x"}
    )

    assert short.status_code == 200
    assert short.context["form"].errors["new_password2"]
    assert mismatch.context["form"].errors["new_password2"]
    eva.refresh_from_db()
    assert not eva.has_usable_password()
    assert Invitation.objects.get(person=eva).used_at is None
    # The link still works after a mistake.
    assert choose_password(client, path).status_code == 302


def test_someone_else_logged_in_is_asked_to_log_out_first(cast, eva, smtp_server):
    path = invite(eva, cast, smtp_server)
    client = cast.client_for(cast.anouk)

    response = choose_password(client, path)

    assert response.status_code == 409
    text = response.content.decode()
    assert "This invitation is for someone else" in text
    assert "Anouk de Vries" in text
    eva.refresh_from_db()
    assert not eva.has_usable_password()
    assert client.session["_auth_user_id"] == str(cast.anouk.pk)


def test_logging_out_from_that_page_returns_to_the_invitation(cast, eva, smtp_server):
    path = invite(eva, cast, smtp_server)
    client = cast.client_for(cast.anouk)

    response = client.post(reverse("logout"), {"next": path})

    assert response["Location"] == path
    assert client.get(path).status_code == 200
    assert choose_password(client, path).status_code == 302
    assert client.session["_auth_user_id"] == str(eva.pk)


@pytest.mark.parametrize(("language", "other"), [("en", "nl"), ("nl", "en")])
def test_mail_is_in_the_recipients_language(cast, eva, smtp_server, language, other):
    eva.language = language
    eva.save(update_fields=["language"])
    send_invitation(eva, invited_by=cast.willem)
    html = smtp_server.messages[0].get_body(("html",)).get_content()
    assert f'<html lang="{language}">' in html
    assert f'lang="{other}"' not in html


def test_page_speaks_the_invited_persons_language(cast, eva, smtp_server):
    response = anonymous_client().get(invite(eva, cast, smtp_server))
    assert response["Content-Language"] == "en"
    assert '<html lang="en">' in response.content.decode()


def test_a_language_the_visitor_chose_wins(cast, eva, smtp_server):
    client = anonymous_client()
    client.cookies["django_language"] = "nl"
    response = client.get(invite(eva, cast, smtp_server))
    assert response["Content-Language"] == "nl"
    assert '<html lang="nl">' in response.content.decode()
