"""Overdue agreements: one mail a week at most, listing only the person's own."""

from __future__ import annotations

import datetime

import pytest
import time_machine

from tweespraak.meetings.models import Agreement
from tweespraak.notify.background import queue_overdue_reminders
from tweespraak.notify.models import Mail, MailKind, NotificationPreferences
from tweespraak.notify.worker import Worker


def run_worker(rounds: int = 20) -> None:
    worker = Worker(name="test")
    for _round in range(rounds):
        if not worker.run_once():
            return


def at(day: int, hour: int = 10) -> datetime.datetime:
    """A moment in February 2026 (Monday 2, Monday 9, Monday 16 …), Amsterdam time."""
    return datetime.datetime(
        2026, 2, day, hour, tzinfo=datetime.timezone(datetime.timedelta(hours=1))
    )


def overdue_mails(smtp_server) -> list:  # type: ignore[no-untyped-def]
    return [m for m in smtp_server.messages if "overdue" in m["Subject"]]


@pytest.fixture
def agreements(cast, series):  # type: ignore[no-untyped-def]
    series.meetings.update(status="held")  # no reminders in the way
    made = {
        "late": Agreement.objects.create(
            series=series,
            owner=cast.bram,
            text="Update the manual",
            due_on=datetime.date(2026, 1, 30),
            created_by=cast.anouk,
        ),
        "later": Agreement.objects.create(
            series=series,
            owner=cast.bram,
            text="Plan the training",
            due_on=datetime.date(2026, 2, 10),
            created_by=cast.anouk,
        ),
        "anouks": Agreement.objects.create(
            series=series,
            owner=cast.anouk,
            text="Ask finance",
            due_on=datetime.date(2026, 3, 1),
            created_by=cast.anouk,
        ),
    }
    return made


def test_the_owner_gets_one_mail_with_their_overdue_agreements(cast, agreements, smtp_server):
    with time_machine.travel(at(3)):
        run_worker()
    [message] = overdue_mails(smtp_server)
    assert message["To"].addresses[0].addr_spec == cast.bram.email
    assert message["Subject"] == "You have an overdue agreement"
    text = message.get_body(("plain",)).get_content()
    assert "Update the manual (with Anouk de Vries, due 30 January)" in text
    assert "Plan the training" not in text  # not due yet
    assert "Ask finance" not in text  # Anouk's
    assert smtp_server.link_path(message) == "/agreements/"


def test_at_most_one_overdue_mail_a_week(cast, agreements, smtp_server):
    for day in (3, 4, 6, 8):  # Tuesday to Sunday of one week
        with time_machine.travel(at(day)):
            run_worker()
            run_worker()
    assert len(overdue_mails(smtp_server)) == 1
    with time_machine.travel(at(11)):  # the next week, now two are overdue
        run_worker()
    assert len(overdue_mails(smtp_server)) == 2
    assert overdue_mails(smtp_server)[1]["Subject"] == "You have 2 overdue agreements"


def test_the_overdue_mail_waits_for_eight_in_the_morning(cast, agreements, smtp_server):
    with time_machine.travel(at(2, hour=0)):  # Monday, just after midnight
        assert queue_overdue_reminders() == 1
        run_worker()
    assert overdue_mails(smtp_server) == []
    with time_machine.travel(at(2, hour=8)):
        run_worker()
    assert len(overdue_mails(smtp_server)) == 1


def test_no_mail_once_the_agreements_are_done(cast, agreements, smtp_server):
    with time_machine.travel(at(3)):
        queue_overdue_reminders()
        agreements["late"].mark_done()
        run_worker()
    assert overdue_mails(smtp_server) == []
    assert Mail.objects.filter(kind=MailKind.OVERDUE, sent_at=None, state="done").count() == 1


def test_who_switched_overdue_mail_off_gets_none(cast, agreements, smtp_server):
    NotificationPreferences.objects.create(person=cast.bram, overdue=False)
    with time_machine.travel(at(3)):
        assert queue_overdue_reminders() == 0
        run_worker()
    assert overdue_mails(smtp_server) == []


def test_a_deactivated_owner_gets_no_overdue_mail(cast, agreements, smtp_server):
    cast.bram.deactivate()
    with time_machine.travel(at(3)):
        assert queue_overdue_reminders() == 0
    assert overdue_mails(smtp_server) == []


def test_an_ended_series_sends_no_overdue_mail(cast, series, agreements, smtp_server):
    series.end("Bram moved to another team")
    with time_machine.travel(at(3)):
        assert queue_overdue_reminders() == 0


def test_a_dutch_owner_gets_the_mail_in_dutch(cast, agreements, smtp_server):
    cast.bram.language = "nl"
    cast.bram.save(update_fields=["language"])
    with time_machine.travel(at(3)):
        run_worker()
    [message] = smtp_server.messages
    assert 'lang="nl"' in message.get_body(("html",)).get_content()
    assert "januari" in message.get_body(("plain",)).get_content()


def test_the_overdue_scheduler_costs_the_same_for_many_owners(
    cast, series, agreements, django_assert_max_num_queries
):
    for owner in (cast.anouk, cast.bram):
        for number in range(5):
            Agreement.objects.create(
                series=series, owner=owner, text=f"Task {number}", due_on=datetime.date(2026, 1, 1)
            )
    with time_machine.travel(at(3)):
        assert queue_overdue_reminders() == 2
        with django_assert_max_num_queries(2):
            assert queue_overdue_reminders() == 0


def test_an_agreement_is_overdue_by_the_owners_own_calendar(cast, series):
    import zoneinfo

    cast.bram.time_zone = "America/New_York"
    cast.bram.save(update_fields=["time_zone"])
    Agreement.objects.create(
        series=series, owner=cast.bram, text="Cursus", due_on=datetime.date(2026, 2, 1)
    )
    amsterdam = zoneinfo.ZoneInfo("Europe/Amsterdam")
    # Monday 00:30 in Amsterdam is still Sunday 1 February in New York: not overdue yet.
    with time_machine.travel(datetime.datetime(2026, 2, 2, 0, 30, tzinfo=amsterdam)):
        assert queue_overdue_reminders() == 0
    with time_machine.travel(datetime.datetime(2026, 2, 2, 7, 0, tzinfo=amsterdam)):
        assert queue_overdue_reminders() == 1
