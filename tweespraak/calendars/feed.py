"""A person's 1:1s as a subscribable calendar: times, places and links, never content.

Held and planned meetings of the last twelve months and everything planned ahead.
Only the next meeting of a series exists as a row; the ones after it follow from the
series' rule, so they are added for half a year ahead and link to the series page.
Skipped and cancelled meetings are left out.
"""

from __future__ import annotations

import datetime
import itertools

import icalendar
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import override

from tweespraak.accounts.models import Person
from tweespraak.calendars.ics import absolute_url, finish, new_calendar, title
from tweespraak.meetings.models import Meeting, MeetingStatus, Series

HISTORY = datetime.timedelta(days=365)
AHEAD = datetime.timedelta(days=183)
MAX_AHEAD_PER_SERIES = 200


def _event(
    uid: str, series: Series, start: datetime.datetime, minutes: int, location: str, url: str
) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", timezone.now())
    event.add("summary", title(series))
    event.add("dtstart", timezone.localtime(start, series.zone))
    event.add("duration", datetime.timedelta(minutes=minutes))
    if location:
        event.add("location", location)
    event.add("url", url)
    event.add("status", "CONFIRMED")
    return event


def person_feed(person: Person) -> bytes:
    now = timezone.now()
    mine = Series.objects.with_participant(person)
    meetings = (
        Meeting.objects.filter(
            series__in=mine,
            status__in=[MeetingStatus.PLANNED, MeetingStatus.HELD],
            scheduled_at__gte=now - HISTORY,
        )
        .select_related("series__manager", "series__report")
        .order_by("scheduled_at")
    )
    running = (
        mine.filter(ended_at=None)
        .select_related("manager", "report")
        .annotate(last_planned=Max("meetings__planned_at"))
    )
    calendar = new_calendar()
    with override(person.language):
        calendar.add("x-wr-calname", "Tweespraak")
        for meeting in meetings:
            calendar.add_component(
                _event(
                    f"meeting-{meeting.pk}@tweespraak",
                    meeting.series,
                    meeting.scheduled_at,
                    meeting.duration_minutes,
                    meeting.location,
                    absolute_url("meetings:detail", meeting.pk),
                )
            )
        for series in running:
            last: datetime.datetime | None = series.last_planned  # type: ignore[attr-defined]
            after = last or series.starts_at - datetime.timedelta(seconds=1)
            ahead = itertools.takewhile(
                lambda moment: moment <= now + AHEAD, series.occurrences_after(after)
            )
            for moment in itertools.islice(ahead, MAX_AHEAD_PER_SERIES):
                calendar.add_component(
                    _event(
                        f"series-{series.pk}-{moment:%Y%m%dT%H%M%SZ}@tweespraak",
                        series,
                        moment,
                        series.duration_minutes,
                        series.location,
                        absolute_url("series:detail", series.pk),
                    )
                )
    return finish(calendar)
