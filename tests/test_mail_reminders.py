"""Reminders before a 1:1: at each person's chosen time, once, in their language."""

from __future__ import annotations

import datetime

import pytest
import time_machine

from tweespraak.meetings.models import Agreement, Series
from tweespraak.notify.background import queue_reminders
from tweespraak.notify.models import Mail, MailKind, NotificationPreferences
from tweespraak.notify.worker import Worker


def run_worker(rounds: int = 20) -> None:
    worker = Worker(name="test")
    for _round in range(rounds):
        if not worker.run_once():
            return


def to(message) -> str:  # type: ignore[no-untyped-def]
    return message["To"].addresses[0].addr_spec


def html_of(message) -> str:  # type: ignore[no-untyped-def]
    return message.get_body(("html",)).get_content()


def text_of(message) -> str:  # type: ignore[no-untyped-def]
    return message.get_body(("plain",)).get_content()


@pytest.fixture
def meeting(series):  # type: ignore[no-untyped-def]
    return series.upcoming_meeting()


def before(meeting, hours: float) -> datetime.datetime:  # type: ignore[no-untyped-def]
    return meeting.scheduled_at - datetime.timedelta(hours=hours)


def test_both_participants_get_a_reminder_the_day_before(cast, meeting, smtp_server):
    Agreement.objects.create(
        series=meeting.series, owner=cast.bram, text="Send the planning", created_by=cast.bram
    )
    with time_machine.travel(before(meeting, 23)):
        run_worker()
    assert sorted(to(message) for message in smtp_server.messages) == [
        cast.anouk.email,
        cast.bram.email,
    ]
    message = next(m for m in smtp_server.messages if to(m) == cast.bram.email)
    assert "Your 1:1 with Anouk de Vries on Tuesday 6 January" in message["Subject"]
    assert "add your talking points" in message["Subject"]
    text = text_of(message)
    assert "Send the planning" in text
    assert f"/meetings/{meeting.pk}/prepare/" in smtp_server.link_path(message)
    assert "09:00" in text  # Amsterdam time, not UTC
    assert 'lang="en"' in html_of(message)


def test_nothing_is_sent_before_the_reminder_time(cast, meeting, smtp_server):
    with time_machine.travel(before(meeting, 25)):
        run_worker()
    assert smtp_server.messages == []
    assert not Mail.objects.exists()


def test_a_reminder_is_sent_exactly_once_however_often_the_worker_runs(cast, meeting, smtp_server):
    for hours in (23, 20, 12, 2, 0.5):
        with time_machine.travel(before(meeting, hours)):
            run_worker()
            run_worker()
    assert len(smtp_server.messages) == 2
    assert Mail.objects.filter(kind=MailKind.REMINDER, sent_at__isnull=False).count() == 2


def test_each_person_chooses_how_long_before(cast, meeting, smtp_server):
    NotificationPreferences.objects.create(person=cast.anouk, reminder_hours=2)
    NotificationPreferences.objects.create(person=cast.bram, reminder_hours=48)
    with time_machine.travel(before(meeting, 47)):
        run_worker()
    assert [to(m) for m in smtp_server.messages] == [cast.bram.email]
    with time_machine.travel(before(meeting, 3)):
        run_worker()
    assert len(smtp_server.messages) == 1
    with time_machine.travel(before(meeting, 1.5)):
        run_worker()
    assert [to(m) for m in smtp_server.messages] == [cast.bram.email, cast.anouk.email]


def test_a_dutch_speaker_gets_the_reminder_in_dutch(cast, meeting, smtp_server):
    cast.bram.language = "nl"
    cast.bram.save(update_fields=["language"])
    with time_machine.travel(before(meeting, 23)):
        run_worker()
    dutch = next(m for m in smtp_server.messages if to(m) == cast.bram.email)
    english = next(m for m in smtp_server.messages if to(m) == cast.anouk.email)
    assert 'lang="nl"' in html_of(dutch)
    assert dutch["Content-Language"] == "nl"
    assert "dinsdag" in dutch["Subject"]  # Django's own Dutch day names
    assert english["Content-Language"] == "en"


def test_a_moved_meeting_skips_the_old_reminder_and_sends_a_new_one(cast, meeting, smtp_server):
    with time_machine.travel(before(meeting, 23)):
        assert queue_reminders() == 2
        meeting.reschedule(meeting.scheduled_at + datetime.timedelta(days=2), "Ill", by=cast.bram)
        run_worker()
        assert smtp_server.messages == []
        assert Mail.objects.filter(state="done", sent_at=None).count() == 2
    with time_machine.travel(before(meeting, 23)):
        run_worker()
    assert len(smtp_server.messages) == 2
    assert "Thursday 8 January" in smtp_server.messages[0]["Subject"]


def test_a_cancelled_meeting_sends_no_reminder(cast, meeting, smtp_server):
    with time_machine.travel(before(meeting, 23)):
        queue_reminders()
        meeting.cancel("Holiday", by=cast.anouk)
        run_worker()
    assert smtp_server.messages == []


def test_switching_reminders_off_stops_them_even_when_already_queued(cast, meeting, smtp_server):
    NotificationPreferences.objects.create(person=cast.anouk, reminder=False)
    with time_machine.travel(before(meeting, 23)):
        assert queue_reminders() == 1  # Bram's only
        NotificationPreferences.objects.create(person=cast.bram, reminder=False)
        run_worker()
    assert smtp_server.messages == []


def test_a_deactivated_person_gets_no_reminder(cast, meeting, smtp_server):
    cast.bram.deactivate()
    with time_machine.travel(before(meeting, 23)):
        run_worker()
    assert [to(m) for m in smtp_server.messages] == [cast.anouk.email]


def test_an_ended_series_sends_no_reminders(cast, meeting, smtp_server):
    meeting.series.end("Bram left the team", by=cast.anouk)
    with time_machine.travel(before(meeting, 23)):
        run_worker()
    assert smtp_server.messages == []


def test_the_reminder_scheduler_costs_the_same_for_many_meetings(
    cast, meeting, django_assert_max_num_queries
):
    for report in (cast.chris, cast.hanna, cast.willem):
        Series.objects.create(
            workspace=cast.workspace,
            manager=cast.anouk,
            report=report,
            starts_at=meeting.scheduled_at,
            created_by=cast.anouk,
        ).ensure_next_meeting()
    with time_machine.travel(before(meeting, 23)):
        assert queue_reminders() == 8
        with django_assert_max_num_queries(2):
            assert queue_reminders() == 0
