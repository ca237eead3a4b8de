"""Queue calendar invitations when a series or one of its meetings changes.

The series views call these after a successful save. Every change takes the next
SEQUENCE number, and the mail's idempotency key includes it: each version goes
out once to each participant, however often a worker retries.

Both participants get the invitation: the creator plans the series in Tweespraak,
not in their own calendar, so without it the series would be missing there too.
"""

from __future__ import annotations

from collections.abc import Iterable

from tweespraak.calendars.models import SeriesCalendar
from tweespraak.meetings.models import Meeting, Series
from tweespraak.notify.mailer import queue_mail
from tweespraak.notify.models import MailKind

SERIES = "series"  # REQUEST for the whole series (new or changed)
MOVED = "moved"  # REQUEST for one meeting, with RECURRENCE-ID
CLOSED = "closed"  # CANCEL for one skipped or cancelled meeting
ENDED = "ended"  # CANCEL for the whole series


def _queue(series: Series, change: str, meeting: Meeting | None = None) -> int:
    sequence = SeriesCalendar.next_sequence(series)
    context = {
        "series": str(series.pk),
        "sequence": sequence,
        "change": change,
        "meeting": str(meeting.pk) if meeting is not None else None,
    }
    for person in series.participants():
        queue_mail(
            person,
            MailKind.SERIES_INVITE,
            f"series_invite:{series.pk}:{sequence}:{person.pk}",
            context,
        )
    return sequence


def series_planned(series: Series) -> int:
    """A new series, or a change to its time, rhythm, duration or place."""
    return _queue(series, SERIES)


# Form fields of the series edit form that change what a calendar shows.
CALENDAR_FIELDS = frozenset(
    {"cadence", "custom_rule", "day", "time", "duration_minutes", "time_zone", "location"}
)


def series_edited(series: Series, changed: Iterable[str]) -> int | None:
    """After the edit form saved: a new version only when the calendar would change."""
    if CALENDAR_FIELDS.isdisjoint(changed):
        return None
    return _queue(series, SERIES)


def meeting_moved(meeting: Meeting) -> int:
    return _queue(meeting.series, MOVED, meeting)


def meeting_closed(meeting: Meeting) -> int:
    """A skipped or cancelled meeting drops out of both calendars."""
    return _queue(meeting.series, CLOSED, meeting)


def series_ended(series: Series) -> int:
    return _queue(series, ENDED)
