"""iCalendar (RFC 5545 / iTIP RFC 5546) for 1:1 series: invitations and the personal feed.

Event times carry the series' own time zone (a TZID plus its VTIMEZONE), so a
weekly 09:00 stays 09:00 across daylight-saving changes in every calendar.
Nothing here holds content: no talking points, notes or agreements.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import icalendar
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tweespraak.meetings.models import Cadence, Meeting, MeetingStatus, Series

if TYPE_CHECKING:
    from tweespraak.accounts.models import Person

PRODID = "-//Tweespraak//1:1 calendar//EN"
REQUEST = "REQUEST"
CANCEL = "CANCEL"


def series_uid(series: Series) -> str:
    """The same UID in every version of a series' invitation."""
    return f"{series.pk}@tweespraak"


def title(series: Series) -> str:
    return _("1:1 %(manager)s – %(report)s") % {  # noqa: RUF001 (the dash is meant)
        "manager": series.manager.first_name,
        "report": series.report.first_name,
    }


def absolute_url(name: str, pk: object) -> str:
    return f"{settings.SITE_URL}{reverse(name, args=[pk])}"


def _local(series: Series, moment: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(moment, series.zone)


def new_calendar(method: str | None = None) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    return calendar


def finish(calendar: icalendar.Calendar) -> bytes:
    """Add a VTIMEZONE for every TZID used, and serialise.

    The time zone rules cover a year before the earliest event up to twenty years
    ahead: enough for every client, and far shorter than 1970-2038.
    """
    starts = [event.decoded("DTSTART") for event in calendar.walk("VEVENT")]
    first = min(starts, default=timezone.now()).date() - datetime.timedelta(days=366)
    last = datetime.date(max(timezone.now().year, first.year) + 20, 1, 1)
    calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()


def rrule_of(series: Series) -> icalendar.vRecur:
    if series.cadence == Cadence.WEEKLY:
        return icalendar.vRecur({"FREQ": "WEEKLY"})
    if series.cadence == Cadence.BIWEEKLY:
        return icalendar.vRecur({"FREQ": "WEEKLY", "INTERVAL": 2})
    if series.cadence == Cadence.MONTHLY:
        days = series.monthly_days()
        if days is None:
            return icalendar.vRecur({"FREQ": "MONTHLY"})
        return icalendar.vRecur({"FREQ": "MONTHLY", "BYMONTHDAY": list(days), "BYSETPOS": -1})
    text = series.custom_rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    return icalendar.vRecur.from_ical(text)


def _address(person: Person, role: str | None = None) -> icalendar.vCalAddress:
    address = icalendar.vCalAddress(f"mailto:{person.email}")
    address.params["CN"] = person.name
    if role:
        address.params["ROLE"] = role
        address.params["PARTSTAT"] = "NEEDS-ACTION"
        address.params["RSVP"] = "TRUE"
    return address


def _base_event(series: Series, sequence: int) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", series_uid(series))
    event.add("dtstamp", timezone.now())
    event.add("sequence", sequence)
    event.add("summary", title(series))
    organizer = series.created_by or series.manager
    event.add("organizer", _address(organizer))
    for person in series.participants():
        event.add("attendee", _address(person, "REQ-PARTICIPANT"))
    event.add("url", absolute_url("series:detail", series.pk))
    return event


def _timed(event: icalendar.Event, series: Series, start: datetime.datetime, minutes: int) -> None:
    event.add("dtstart", _local(series, start))
    event.add("duration", datetime.timedelta(minutes=minutes))


def invitation(series: Series, sequence: int) -> bytes:
    """METHOD:REQUEST for the whole series, with today's exceptions.

    Each version is complete: skipped or cancelled meetings from the current rule
    on are EXDATEs, and a moved upcoming meeting is an override, so the newest
    version is right by itself whatever versions a calendar has missed.
    """
    calendar = new_calendar(REQUEST)
    master = _base_event(series, sequence)
    _timed(master, series, series.starts_at, series.duration_minutes)
    master.add("rrule", rrule_of(series))
    if series.location:
        master.add("location", series.location)
    master.add("status", "CONFIRMED")
    exceptions = series.meetings.filter(planned_at__gte=series.starts_at).order_by("planned_at")
    overrides = []
    for meeting in exceptions:
        if meeting.status in (MeetingStatus.SKIPPED, MeetingStatus.CANCELLED):
            master.add("exdate", _local(series, meeting.planned_at))
        elif meeting.status == MeetingStatus.PLANNED and (
            meeting.scheduled_at != meeting.planned_at
            or meeting.duration_minutes != series.duration_minutes
            or meeting.location != series.location
        ):
            overrides.append(_occurrence_event(meeting, sequence))
    calendar.add_component(master)
    for override in overrides:
        calendar.add_component(override)
    return finish(calendar)


def _occurrence_event(meeting: Meeting, sequence: int) -> icalendar.Event:
    series = meeting.series
    event = _base_event(series, sequence)
    event.add("recurrence-id", _local(series, meeting.planned_at))
    _timed(event, series, meeting.scheduled_at, meeting.duration_minutes)
    if meeting.location:
        event.add("location", meeting.location)
    event.add("status", "CONFIRMED")
    return event


def occurrence_update(meeting: Meeting, sequence: int) -> bytes:
    """METHOD:REQUEST for one meeting that was moved (RECURRENCE-ID = its planned time)."""
    calendar = new_calendar(REQUEST)
    calendar.add_component(_occurrence_event(meeting, sequence))
    return finish(calendar)


def occurrence_cancel(meeting: Meeting, sequence: int) -> bytes:
    """METHOD:CANCEL for one skipped or cancelled meeting."""
    series = meeting.series
    calendar = new_calendar(CANCEL)
    event = _base_event(series, sequence)
    event.add("recurrence-id", _local(series, meeting.planned_at))
    _timed(event, series, meeting.scheduled_at, meeting.duration_minutes)
    event.add("status", "CANCELLED")
    calendar.add_component(event)
    return finish(calendar)


def series_cancel(series: Series, sequence: int) -> bytes:
    """METHOD:CANCEL for the whole series, when it ends."""
    calendar = new_calendar(CANCEL)
    event = _base_event(series, sequence)
    _timed(event, series, series.starts_at, series.duration_minutes)
    event.add("rrule", rrule_of(series))
    event.add("status", "CANCELLED")
    calendar.add_component(event)
    return finish(calendar)
