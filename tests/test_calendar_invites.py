"""Calendar invitations by e-mail: a new series, its changes, moved, skipped and
cancelled meetings, and its end, each version sent once to both participants."""

from __future__ import annotations

import datetime
import zoneinfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from tweespraak.calendars import invites
from tweespraak.guide.builtin import default_template_version
from tweespraak.meetings.models import Series
from tweespraak.notify.models import Mail
from tweespraak.notify.worker import Worker

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def run_worker() -> None:
    worker = Worker(name="t")
    for _round in range(50):
        if not worker.run_once():
            return


def calendar_mails(smtp_server):
    """(recipient, parsed ICS, MIME part) of every mail that carries a calendar."""
    found = []
    for message in smtp_server.messages:
        for part in message.walk():
            if part.get_content_type() == "text/calendar":
                content = part.get_content()
                raw = content.encode() if isinstance(content, str) else content
                found.append((message["To"], icalendar.Calendar.from_ical(raw), part))
    return found


def the_event(calendar: icalendar.Calendar) -> icalendar.Event:
    return next(iter(calendar.walk("VEVENT")))


def series_form(person, day: datetime.date, **extra):
    data = {
        "kind": "report",
        "person": str(person.pk),
        "cadence": "weekly",
        "custom_rule": "",
        "day": day.isoformat(),
        "time": "10:00",
        "duration_minutes": "30",
        "time_zone": "Europe/Amsterdam",
        "location": "Kamer 1",
        "template": str(default_template_version().template_id),
    }
    data.update(extra)
    return data


@pytest.fixture
def next_week() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=7)


@pytest.fixture
def planned(cast, next_week) -> Series:
    """Anouk plans a weekly 1:1 with Bram through the page."""
    response = cast.client_for(cast.anouk).post(
        reverse("series:add"), series_form(cast.bram, next_week)
    )
    assert response.status_code == 302
    return Series.objects.get()


def test_a_new_series_invites_both_participants_with_an_ics_request(cast, planned, smtp_server):
    run_worker()
    mails = calendar_mails(smtp_server)
    assert sorted(to for to, _cal, _part in mails) == [
        "Anouk de Vries <anouk@werkplaats.test>",
        "Bram Jansen <bram@werkplaats.test>",
    ]
    for _to, calendar, part in mails:
        assert part.get_param("method") == "REQUEST"
        assert part.get_filename() == "invite.ics"
        assert str(calendar["METHOD"]) == "REQUEST"
        assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
        event = the_event(calendar)
        assert str(event["UID"]) == f"{planned.pk}@tweespraak"
        assert event["SEQUENCE"] == 0
        assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
        assert dict(event["RRULE"]) == {"FREQ": ["WEEKLY"]}
    bram_mail = next(m for m in smtp_server.messages if "bram@" in m["To"])
    assert bram_mail["Subject"] == "Invitation: 1:1 Anouk – Bram"  # noqa: RUF001
    text = bram_mail.get_body(("plain",)).get_content()
    assert "Anouk de Vries" in text
    assert "Kamer 1" in text


def test_each_version_goes_out_once_however_often_the_worker_runs(cast, planned, smtp_server):
    run_worker()
    invites.series_planned(planned)  # a change: version 1
    run_worker()
    run_worker()
    sequences = sorted(the_event(cal)["SEQUENCE"] for _to, cal, _p in calendar_mails(smtp_server))
    assert sequences == [0, 0, 1, 1]
    assert Mail.objects.filter(kind="series_invite").count() == 4


def test_editing_time_or_place_sends_an_update_with_a_higher_sequence(
    cast, planned, smtp_server, next_week
):
    data = series_form(cast.bram, next_week, time="14:00", location="Teams")
    del data["kind"], data["person"]
    response = cast.client_for(cast.bram).post(reverse("series:edit", args=[planned.pk]), data)
    assert response.status_code == 302
    run_worker()
    updates = [cal for _to, cal, _p in calendar_mails(smtp_server) if the_event(cal)["SEQUENCE"]]
    assert len(updates) == 2
    event = the_event(updates[0])
    assert event["SEQUENCE"] == 1
    assert str(event["UID"]) == f"{planned.pk}@tweespraak"
    assert event.decoded("DTSTART").hour == 14
    assert str(event["LOCATION"]) == "Teams"
    assert any("Updated: " in m["Subject"] for m in smtp_server.messages)


def test_saving_the_edit_form_unchanged_sends_nothing(cast, planned, next_week):
    data = series_form(cast.bram, next_week)
    del data["kind"], data["person"]
    cast.client_for(cast.anouk).post(reverse("series:edit", args=[planned.pk]), data)
    assert Mail.objects.filter(kind="series_invite").count() == 2


def test_a_moved_meeting_sends_a_request_for_that_occurrence(cast, planned, smtp_server):
    meeting = planned.upcoming_meeting()
    new = timezone.localtime(meeting.scheduled_at, AMSTERDAM) + datetime.timedelta(days=1)
    response = cast.client_for(cast.bram).post(
        reverse("meetings:reschedule", args=[meeting.pk]),
        {"day": new.date().isoformat(), "time": "11:00", "reason": "Training"},
    )
    assert response.status_code == 302
    run_worker()
    moved = [cal for _to, cal, _p in calendar_mails(smtp_server) if the_event(cal)["SEQUENCE"]]
    assert len(moved) == 2
    event = the_event(moved[0])
    assert str(moved[0]["METHOD"]) == "REQUEST"
    assert event.decoded("RECURRENCE-ID") == meeting.planned_at
    assert event["RECURRENCE-ID"].params["TZID"] == "Europe/Amsterdam"
    assert event.decoded("DTSTART") == new.replace(hour=11)


@pytest.mark.parametrize("action", ["skip", "cancel"])
def test_a_skipped_or_cancelled_meeting_sends_a_cancel_for_that_occurrence(
    cast, planned, smtp_server, action
):
    meeting = planned.upcoming_meeting()
    response = cast.client_for(cast.anouk).post(
        reverse(f"meetings:{action}", args=[meeting.pk]), {"reason": "Holiday"}
    )
    assert response.status_code == 302
    run_worker()
    cancels = [
        (cal, part) for _to, cal, part in calendar_mails(smtp_server) if cal["METHOD"] == "CANCEL"
    ]
    assert len(cancels) == 2
    calendar, part = cancels[0]
    assert part.get_param("method") == "CANCEL"
    event = the_event(calendar)
    assert event.decoded("RECURRENCE-ID") == meeting.planned_at
    assert (event["SEQUENCE"], str(event["STATUS"])) == (1, "CANCELLED")


def test_ending_the_series_cancels_it_in_both_calendars(cast, planned, smtp_server):
    response = cast.client_for(cast.anouk).post(
        reverse("series:end", args=[planned.pk]), {"reason": "Bram leaves"}
    )
    assert response.status_code == 302
    run_worker()
    cancels = [cal for _to, cal, _p in calendar_mails(smtp_server) if cal["METHOD"] == "CANCEL"]
    assert len(cancels) == 2
    event = the_event(cancels[0])
    assert "RECURRENCE-ID" not in event
    assert (str(event["UID"]), event["SEQUENCE"]) == (f"{planned.pk}@tweespraak", 1)
    # The invitations still queued are dropped: the cancellation says it all.
    subjects = [m["Subject"].strip() for m in smtp_server.messages]
    assert subjects == ["Cancelled: 1:1 Anouk – Bram (the series has ended)"] * 2  # noqa: RUF001


def test_an_update_queued_before_the_end_is_not_sent_after_it(cast, planned, smtp_server):
    run_worker()
    invites.series_planned(planned)
    planned.end("Reorganisation")
    invites.series_ended(planned)
    run_worker()
    methods = sorted(
        (the_event(cal)["SEQUENCE"], str(cal["METHOD"]))
        for _to, cal, _p in calendar_mails(smtp_server)
    )
    assert methods == [(0, "REQUEST"), (0, "REQUEST"), (2, "CANCEL"), (2, "CANCEL")]


def test_a_dutch_speaking_recipient_gets_the_invitation_too(cast, planned, smtp_server):
    cast.bram.language = "nl"
    cast.bram.save(update_fields=["language"])
    run_worker()
    bram_mail = next(m for m in smtp_server.messages if "bram@" in m["To"])
    assert "Kamer 1" in bram_mail.get_body(("plain",)).get_content()
