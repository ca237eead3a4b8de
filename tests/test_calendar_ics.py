"""The calendar invitation files themselves: parsed back with icalendar, field by field."""

from __future__ import annotations

import datetime
import zoneinfo

import icalendar
import pytest

from tweespraak.calendars import ics
from tweespraak.meetings.models import Series

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


def parse(content: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(content)


def events(calendar: icalendar.Calendar) -> list[icalendar.Event]:
    return list(calendar.walk("VEVENT"))


def timezones(calendar: icalendar.Calendar) -> list[str]:
    return [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")]


def make_series(cast, **extra) -> Series:
    fields = {
        "workspace": cast.workspace,
        "manager": cast.anouk,
        "report": cast.bram,
        "cadence": "weekly",
        "starts_at": datetime.datetime(2026, 3, 3, 9, 0, tzinfo=AMSTERDAM),
        "location": "Kamer 2.14",
        "created_by": cast.anouk,
        **extra,
    }
    series = Series.objects.create(**fields)
    series.ensure_next_meeting()
    return series


def test_an_invitation_has_the_series_time_zone_and_local_start(cast):
    calendar = parse(ics.invitation(make_series(cast), 0))
    assert str(calendar["METHOD"]) == "REQUEST"
    assert timezones(calendar) == ["Europe/Amsterdam"]
    (event,) = events(calendar)
    start = event.decoded("DTSTART")
    assert start == datetime.datetime(2026, 3, 3, 9, 0, tzinfo=AMSTERDAM)
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert event.decoded("DURATION") == datetime.timedelta(minutes=30)
    assert str(event["LOCATION"]) == "Kamer 2.14"
    assert str(event["SUMMARY"]) == "1:1 Anouk – Bram"  # noqa: RUF001


def test_a_series_in_another_time_zone_carries_that_zone(cast):
    start = datetime.datetime(2026, 3, 3, 9, 0, tzinfo=NEW_YORK)
    series = make_series(cast, time_zone="America/New_York", starts_at=start)
    calendar = parse(ics.invitation(series, 0))
    assert timezones(calendar) == ["America/New_York"]
    (event,) = events(calendar)
    assert event["DTSTART"].params["TZID"] == "America/New_York"
    assert event.decoded("DTSTART").hour == 9


@pytest.mark.parametrize(
    ("cadence", "rule", "expected"),
    [
        ("weekly", "", {"FREQ": ["WEEKLY"]}),
        ("biweekly", "", {"FREQ": ["WEEKLY"], "INTERVAL": [2]}),
        ("monthly", "", {"FREQ": ["MONTHLY"]}),
        (
            "custom",
            "FREQ=WEEKLY;INTERVAL=3;BYDAY=TU",
            {"FREQ": ["WEEKLY"], "INTERVAL": [3], "BYDAY": ["TU"]},
        ),
    ],
)
def test_the_recurrence_rule_follows_the_cadence(cast, cadence, rule, expected):
    series = make_series(cast, cadence=cadence, custom_rule=rule)
    (event,) = events(parse(ics.invitation(series, 0)))
    assert dict(event["RRULE"]) == expected


def test_organizer_is_the_creator_and_both_attend(cast):
    series = make_series(cast, created_by=cast.bram)
    (event,) = events(parse(ics.invitation(series, 0)))
    assert str(event["ORGANIZER"]) == "mailto:bram@werkplaats.test"
    attendees = sorted(str(one) for one in event["ATTENDEE"])
    assert attendees == ["mailto:anouk@werkplaats.test", "mailto:bram@werkplaats.test"]
    assert event["ATTENDEE"][0].params["CN"] in {"Anouk de Vries", "Bram Jansen"}


def test_the_uid_is_stable_and_the_sequence_is_the_one_given(cast):
    series = make_series(cast)
    first, second = (events(parse(ics.invitation(series, n)))[0] for n in (0, 3))
    assert str(first["UID"]) == str(second["UID"]) == f"{series.pk}@tweespraak"
    assert (first["SEQUENCE"], second["SEQUENCE"]) == (0, 3)


def test_a_skipped_meeting_is_an_exdate_and_a_moved_one_an_override(cast):
    series = make_series(cast)
    first = series.upcoming_meeting()
    second = first.skip("Holiday")
    second.reschedule(second.planned_at + datetime.timedelta(hours=2), "Training")
    calendar = parse(ics.invitation(series, 2))
    master, override = events(calendar)
    assert master.decoded("EXDATE").dts[0].dt == datetime.datetime(
        2026, 3, 3, 9, 0, tzinfo=AMSTERDAM
    )
    assert override.decoded("RECURRENCE-ID") == datetime.datetime(
        2026, 3, 10, 9, 0, tzinfo=AMSTERDAM
    )
    assert override.decoded("DTSTART") == datetime.datetime(2026, 3, 10, 11, 0, tzinfo=AMSTERDAM)
    assert str(override["UID"]) == str(master["UID"])


def test_one_cancelled_meeting_is_a_cancel_with_its_recurrence_id(cast):
    series = make_series(cast)
    meeting = series.upcoming_meeting()
    meeting.cancel("Ill")
    calendar = parse(ics.occurrence_cancel(meeting, 1))
    assert str(calendar["METHOD"]) == "CANCEL"
    assert timezones(calendar) == ["Europe/Amsterdam"]
    (event,) = events(calendar)
    assert event.decoded("RECURRENCE-ID") == datetime.datetime(2026, 3, 3, 9, 0, tzinfo=AMSTERDAM)
    assert event["RECURRENCE-ID"].params["TZID"] == "Europe/Amsterdam"
    assert (str(event["STATUS"]), event["SEQUENCE"]) == ("CANCELLED", 1)


def test_a_moved_meeting_is_a_request_for_that_occurrence(cast):
    series = make_series(cast)
    meeting = series.upcoming_meeting()
    meeting.reschedule(meeting.planned_at + datetime.timedelta(days=1), "Training")
    calendar = parse(ics.occurrence_update(meeting, 4))
    (event,) = events(calendar)
    assert str(calendar["METHOD"]) == "REQUEST"
    assert "RRULE" not in event
    assert event.decoded("RECURRENCE-ID") == datetime.datetime(2026, 3, 3, 9, 0, tzinfo=AMSTERDAM)
    assert event.decoded("DTSTART") == datetime.datetime(2026, 3, 4, 9, 0, tzinfo=AMSTERDAM)
    assert event["SEQUENCE"] == 4


def test_ending_the_series_cancels_all_of_it(cast):
    series = make_series(cast)
    calendar = parse(ics.series_cancel(series, 5))
    (event,) = events(calendar)
    assert str(calendar["METHOD"]) == "CANCEL"
    assert "RECURRENCE-ID" not in event
    assert (str(event["UID"]), str(event["STATUS"])) == (f"{series.pk}@tweespraak", "CANCELLED")
    assert timezones(calendar) == ["Europe/Amsterdam"]
