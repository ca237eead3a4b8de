"""E-mail preferences on the settings page: each kind can be switched off, reminders timed."""

from __future__ import annotations

import re

from django.urls import reverse

from tweespraak.notify.mailer import queue_mail
from tweespraak.notify.models import Mail, MailKind, NotificationPreferences
from tweespraak.notify.worker import Worker

URL = reverse("notify:preferences")
ALL_ON = {
    "reminder": "on",
    "reminder_hours": "24",
    "summary": "on",
    "overdue": "on",
    "series_invite": "on",
}


def is_checked(html: str, name: str) -> bool:
    tag = re.search(rf'<input type="checkbox" name="{name}"[^>]*>', html)
    assert tag, f"no checkbox {name}"
    return " checked" in tag.group()


def test_anonymous_visitors_go_to_the_login_page(client):
    response = client.post(URL, ALL_ON)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_settings_page_shows_the_email_section_with_the_defaults(cast):
    html = cast.client_for(cast.bram).get(reverse("settings")).content.decode()
    assert "Reminder before each 1:1" in html
    assert f'action="{URL}"' in html
    assert '<option value="24" selected>The day before (24 hours)</option>' in html
    assert is_checked(html, "summary")


def test_a_person_switches_summaries_off_and_chooses_two_hours(cast):
    response = cast.client_for(cast.bram).post(
        URL, {**ALL_ON, "summary": "", "reminder_hours": "2"}, follow=True
    )
    assert "Your e-mail settings are saved." in response.content.decode()
    saved = NotificationPreferences.objects.get(person=cast.bram)
    assert (saved.summary, saved.reminder_hours, saved.reminder) == (False, 2, True)
    assert not NotificationPreferences.person_allows(cast.bram, MailKind.SUMMARY)
    assert NotificationPreferences.person_allows(cast.bram, MailKind.REMINDER)
    assert NotificationPreferences.person_allows(cast.bram, MailKind.PASSWORD_RESET)
    html = cast.client_for(cast.bram).get(reverse("settings")).content.decode()
    assert '<option value="2" selected>' in html


def test_each_person_has_their_own_preferences(cast):
    cast.client_for(cast.bram).post(URL, {"reminder_hours": "24"})
    assert not NotificationPreferences.person_allows(cast.bram, MailKind.OVERDUE)
    assert NotificationPreferences.person_allows(cast.anouk, MailKind.OVERDUE)


def test_htmx_gets_the_section_back_with_a_saved_message(cast):
    response = cast.client_for(cast.bram).post(
        URL, {**ALL_ON, "overdue": ""}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Saved." in html
    assert 'id="notify-settings"' in html
    assert "<html" not in html


def test_an_impossible_timing_is_refused_and_the_other_choices_are_kept(cast):
    response = cast.client_for(cast.bram).post(
        URL, {"reminder": "on", "reminder_hours": "5", "summary": "on"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Select a valid choice" in html
    assert is_checked(html, "summary")
    assert not is_checked(html, "overdue")
    assert 'name="name"' in html  # the rest of the settings page is there too
    assert not NotificationPreferences.objects.filter(person=cast.bram).exists()


def test_the_preferences_are_only_saved_by_post(cast):
    assert cast.client_for(cast.bram).get(URL).status_code == 405


def test_a_deactivated_person_is_allowed_nothing(cast):
    cast.bram.deactivate()
    assert not NotificationPreferences.person_allows(cast.bram, MailKind.REMINDER)
    assert not NotificationPreferences.person_allows(cast.bram, MailKind.PASSWORD_RESET)


def test_switched_off_calendar_invitations_are_not_sent(cast, smtp_server):
    NotificationPreferences.objects.create(person=cast.bram, series_invite=False)
    queue_mail(cast.bram, MailKind.SERIES_INVITE, "series_invite:test", {"series": "x"})
    Worker(name="test").run_once()
    assert smtp_server.messages == []
    mail = Mail.objects.get()
    assert (mail.state, mail.sent_at) == ("done", None)
