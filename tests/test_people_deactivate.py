"""Deactivating a leaver blocks the login and keeps the history; reactivating undoes it."""

from __future__ import annotations

from django.urls import reverse

from tests.conftest import PASSWORD, anonymous_client, make_person
from tweespraak.accounts.forms_people import deactivation_refusal


def can_log_in(email: str) -> bool:
    """Through the login page, as a person would."""
    response = anonymous_client().post(reverse("login"), {"username": email, "password": PASSWORD})
    return response.status_code == 302


def deactivate_url(person) -> str:
    return reverse("people:deactivate", args=[person.pk])


def test_the_confirmation_page_explains_and_changes_nothing(cast):
    response = cast.client_for(cast.willem).get(deactivate_url(cast.anouk))
    text = response.content.decode()
    assert response.status_code == 200
    assert "will no longer be able to log in" in text
    assert "kept" in text
    assert "One person still reports to Anouk de Vries" in text
    assert reverse("people:edit", args=[cast.bram.pk]) in text
    cast.anouk.refresh_from_db()
    assert cast.anouk.is_active


def test_deactivating_blocks_login_and_keeps_the_history(cast):
    brams_session = cast.client_for(cast.bram)
    response = cast.client_for(cast.willem).post(deactivate_url(cast.bram), follow=True)
    text = response.content.decode()
    assert "Bram Jansen is deactivated and can no longer log in" in text
    assert "history" in text
    cast.bram.refresh_from_db()
    assert not cast.bram.is_active
    assert cast.bram.reporting_lines.get().manager == cast.anouk
    assert list(cast.bram.teams.all()) == [cast.team]
    assert not can_log_in("bram@werkplaats.test")
    # An open session ends too.
    assert brams_session.get(reverse("home")).status_code == 302


def test_the_admin_cannot_deactivate_themself(cast):
    make_person(cast.workspace, "Iris Admin", "iris@werkplaats.test", is_workspace_admin=True)
    client = cast.client_for(cast.willem)
    response = client.post(deactivate_url(cast.willem), follow=True)
    assert "You cannot deactivate yourself" in response.content.decode()
    cast.willem.refresh_from_db()
    assert cast.willem.is_active
    page = client.get(reverse("people:detail", args=[cast.willem.pk])).content.decode()
    assert deactivate_url(cast.willem) not in page


def test_the_last_workspace_admin_cannot_be_deactivated(cast):
    # Iris is an admin but inactive: she cannot deactivate Willem, and nobody else can.
    iris = make_person(
        cast.workspace, "Iris Admin", "iris@werkplaats.test", is_workspace_admin=True
    )
    iris.deactivate()
    assert deactivation_refusal(cast.willem, by=iris) == (
        "Willem Smit is the last workspace admin and cannot be deactivated. "
        "Make someone else a workspace admin first."
    )


def test_another_admin_can_be_deactivated(cast):
    iris = make_person(
        cast.workspace, "Iris Admin", "iris@werkplaats.test", is_workspace_admin=True
    )
    response = cast.client_for(cast.willem).post(deactivate_url(iris))
    assert response.status_code == 302
    iris.refresh_from_db()
    assert not iris.is_active


def test_reactivating_lets_them_log_in_again(cast):
    cast.bram.deactivate()
    url = reverse("people:reactivate", args=[cast.bram.pk])
    response = cast.client_for(cast.willem).post(url, follow=True)
    assert "Bram Jansen is active again and can log in." in response.content.decode()
    cast.bram.refresh_from_db()
    assert cast.bram.is_active
    assert cast.bram.deactivated_at is None
    assert can_log_in("bram@werkplaats.test")


def test_reactivating_someone_without_a_password_suggests_an_invitation(cast):
    cast.bram.set_unusable_password()
    cast.bram.save()
    cast.bram.deactivate()
    url = reverse("people:reactivate", args=[cast.bram.pk])
    response = cast.client_for(cast.willem).post(url, follow=True)
    assert "Send an invitation so they can set a password." in response.content.decode()


def test_the_detail_page_of_a_leaver_offers_reactivation(cast):
    cast.bram.deactivate()
    text = cast.client_for(cast.willem).get(reverse("people:detail", args=[cast.bram.pk]))
    text = text.content.decode()
    assert "Deactivated on" in text
    assert reverse("people:reactivate", args=[cast.bram.pk]) in text
    assert deactivate_url(cast.bram) not in text


def test_deactivating_twice_says_it_is_already_done(cast):
    cast.bram.deactivate()
    response = cast.client_for(cast.willem).post(deactivate_url(cast.bram), follow=True)
    assert "Bram Jansen is already deactivated." in response.content.decode()


def test_reactivation_and_invitation_refuse_get(cast):
    client = cast.client_for(cast.willem)
    for name in ("people:reactivate", "people:invite"):
        assert client.get(reverse(name, args=[cast.bram.pk])).status_code == 405
    assert client.put(deactivate_url(cast.bram)).status_code == 405
