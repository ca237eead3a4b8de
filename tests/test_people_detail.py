"""A person's page: profile, roles, teams, manager, reports, history and invitation."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from tweespraak.accounts.models import Invitation


def detail(cast, person, viewer=None) -> str:
    client = cast.client_for(viewer or cast.willem)
    response = client.get(reverse("people:detail", args=[person.pk]))
    assert response.status_code == 200
    return response.content.decode()


def invitation_card(text: str) -> str:
    return text.split('id="invitation-heading"')[1].split("</section>")[0]


def test_the_page_shows_profile_roles_teams_and_reports(cast):
    text = detail(cast, cast.anouk)
    assert "anouk@werkplaats.test" in text
    assert "manager</span>" in text
    assert "Productie" in text
    assert reverse("people:detail", args=[cast.bram.pk]) in text  # her report
    assert "No manager." in text


def test_the_page_shows_the_current_manager_and_the_history(cast):
    text = detail(cast, cast.bram)
    assert reverse("people:detail", args=[cast.anouk.pk]) in text
    history = text.split('id="history-heading"')[1]
    assert "Anouk de Vries" in history
    assert "now" in history


def test_hr_reads_the_same_page(cast):
    assert "bram@werkplaats.test" in detail(cast, cast.bram, viewer=cast.hanna)


def test_someone_with_a_password_and_no_invitation_can_log_in(cast):
    assert "has a password and can log in" in invitation_card(detail(cast, cast.bram))


def test_a_pending_invitation_can_be_sent_again(cast):
    cast.bram.set_unusable_password()
    cast.bram.save()
    Invitation.issue(cast.bram, invited_by=cast.willem)
    card = invitation_card(detail(cast, cast.bram))
    assert "pending" in card
    assert "Send invitation again" in card


def test_an_expired_invitation_says_so(cast):
    cast.bram.set_unusable_password()
    cast.bram.save()
    invitation, _token = Invitation.issue(cast.bram)
    invitation.expires_at = timezone.now() - datetime.timedelta(days=1)
    invitation.save()
    card = invitation_card(detail(cast, cast.bram))
    assert "expired" in card
    assert "Send invitation again" in card


def test_an_accepted_invitation_says_so(cast):
    invitation, _token = Invitation.issue(cast.bram)
    invitation.mark_used()
    card = invitation_card(detail(cast, cast.bram))
    assert "Accepted on" in card
    assert "Send invitation" not in card


def test_someone_never_invited_can_be_invited(cast):
    cast.bram.set_unusable_password()
    cast.bram.save()
    card = invitation_card(detail(cast, cast.bram))
    assert "No invitation has been sent yet." in card
    assert "Send invitation" in card


def test_sending_the_invitation_again_replaces_the_old_link(cast, mailoutbox):
    cast.bram.set_unusable_password()
    cast.bram.save()
    old, _token = Invitation.issue(cast.bram)
    url = reverse("people:invite", args=[cast.bram.pk])
    response = cast.client_for(cast.willem).post(url, follow=True)
    assert "An invitation is on its way to bram@werkplaats.test" in response.content.decode()
    assert len(mailoutbox) == 1
    old.refresh_from_db()
    assert old.revoked
    assert Invitation.objects.usable().filter(person=cast.bram).count() == 1


def test_no_invitation_for_someone_who_has_a_password(cast, mailoutbox):
    url = reverse("people:invite", args=[cast.bram.pk])
    response = cast.client_for(cast.willem).post(url, follow=True)
    assert "has already set a password" in response.content.decode()
    assert mailoutbox == []


def test_no_invitation_for_a_deactivated_person(cast, mailoutbox):
    cast.bram.set_unusable_password()
    cast.bram.save()
    cast.bram.deactivate()
    url = reverse("people:invite", args=[cast.bram.pk])
    response = cast.client_for(cast.willem).post(url, follow=True)
    assert "Reactivate Bram Jansen before inviting them." in response.content.decode()
    assert mailoutbox == []
