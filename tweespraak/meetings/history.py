"""Series overviews and history: adherence in bulk, overlaps, the timeline and its search.

Every function here runs a fixed number of queries, however many series or
meetings there are, so the pages built on them stay fast as history grows.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Max, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from tweespraak.accounts.models import Person
from tweespraak.meetings.models import (
    Agreement,
    Cadence,
    Meeting,
    MeetingStatus,
    Note,
    Series,
    SeriesQuerySet,
    TalkingPoint,
)

MAX_DURATION = 240
SNIPPET_RADIUS = 60


def with_schedule(series: SeriesQuerySet) -> SeriesQuerySet:
    """Annotate the next planned meeting (id and time) and the last held date."""
    upcoming = Meeting.objects.filter(series=OuterRef("pk"), status=MeetingStatus.PLANNED).order_by(
        "scheduled_at"
    )
    return series.annotate(
        next_meeting_id=Subquery(upcoming.values("id")[:1]),
        next_meeting_at=Subquery(upcoming.values("scheduled_at")[:1]),
        last_held_at=Max("meetings__held_at", filter=Q(meetings__status=MeetingStatus.HELD)),
    )


def outcome_counts(
    zone: datetime.tzinfo, rows: Iterable[tuple[str, datetime.datetime, Any]]
) -> dict[str, int]:
    """The same counts as Series.adherence(), from (status, planned_at, held_at) rows."""
    counts = {"planned": 0, "held_on_time": 0, "moved": 0, "skipped": 0, "cancelled": 0, "open": 0}
    for status, planned_at, held_at in rows:
        counts["planned"] += 1
        if status == MeetingStatus.HELD:
            same_day = (
                held_at is not None
                and timezone.localtime(held_at, zone).date()
                == timezone.localtime(planned_at, zone).date()
            )
            counts["held_on_time" if same_day else "moved"] += 1
        elif status in (MeetingStatus.SKIPPED, MeetingStatus.CANCELLED):
            counts[str(status)] += 1
        else:
            counts["open"] += 1
    return counts


def attach_adherence(series_list: Sequence[Series]) -> None:
    """Set `.adherence_counts` on each series, with one query for all of them."""
    rows: dict[Any, list[tuple[str, datetime.datetime, Any]]] = defaultdict(list)
    due = Meeting.objects.filter(
        series__in=[one.pk for one in series_list], planned_at__lt=timezone.now()
    ).values_list("series_id", "status", "planned_at", "held_at")
    for series_id, status, planned_at, held_at in due:
        rows[series_id].append((status, planned_at, held_at))
    for one in series_list:
        one.adherence_counts = outcome_counts(one.zone, rows[one.pk])  # type: ignore[attr-defined]


def adherence_percent(counts: dict[str, int]) -> int | None:
    if not counts["planned"]:
        return None
    return round(100 * counts["held_on_time"] / counts["planned"])


def cadence_in_words(series: Series) -> str:
    """E.g. 'Every two weeks, Tuesday 09:00 (Europe/Amsterdam)'."""
    from django.utils.formats import date_format

    local = timezone.localtime(series.starts_at, series.zone)
    when = date_format(local, "l H:i")
    if series.cadence == Cadence.CUSTOM:
        return _("Custom rule %(rule)s, from %(when)s (%(zone)s)") % {
            "rule": series.custom_rule,
            "when": when,
            "zone": series.time_zone,
        }
    return _("%(cadence)s, %(when)s (%(zone)s)") % {
        "cadence": series.get_cadence_display(),
        "when": when,
        "zone": series.time_zone,
    }


# Overlaps ------------------------------------------------------------------


@dataclass
class Overlap:
    meeting: Meeting
    person: Person  # the participant who already has a meeting then


def find_overlap(
    people: Sequence[Person],
    start: datetime.datetime,
    duration_minutes: int,
    exclude: Meeting | None = None,
) -> Overlap | None:
    """A planned meeting of any of `people` that overlaps [start, start + duration)."""
    end = start + datetime.timedelta(minutes=duration_minutes)
    ids = [person.pk for person in people]
    candidates = (
        Meeting.objects.filter(
            status=MeetingStatus.PLANNED,
            scheduled_at__lt=end,
            scheduled_at__gt=start - datetime.timedelta(minutes=MAX_DURATION),
            series__ended_at=None,
        )
        .filter(Q(series__manager__in=ids) | Q(series__report__in=ids))
        .select_related("series__manager", "series__report")
        .order_by("scheduled_at")
    )
    if exclude is not None:
        candidates = candidates.exclude(pk=exclude.pk)
    for meeting in candidates:
        if meeting.ends_at > start:
            person = next(p for p in people if meeting.series.is_participant(p))
            return Overlap(meeting, person)
    return None


def overlap_message(overlap: Overlap, me: Person) -> str:
    """Name the meeting for the caller's own; only the time for the other person's."""
    meeting = overlap.meeting
    from django.utils.formats import date_format

    start = date_format(timezone.localtime(meeting.scheduled_at), "l j F Y, H:i")
    end = date_format(timezone.localtime(meeting.ends_at), "H:i")
    if meeting.series.is_participant(me):
        return _(
            "This overlaps with your 1:1 with %(other)s on %(start)s to %(end)s. "
            "Choose another time."
        ) % {
            "other": meeting.series.other_participant(me).name,
            "start": start,
            "end": end,
        }
    return _("%(name)s already has a 1:1 planned on %(start)s to %(end)s. Choose another time.") % {
        "name": overlap.person.name,
        "start": start,
        "end": end,
    }


# Timeline and search --------------------------------------------------------


def highlight(text: str, query: str, radius: int | None = SNIPPET_RADIUS) -> SafeString:
    """`text` escaped, with matches of `query` in <mark>; cut to a snippet around the first."""
    if not query:
        return escape(text)
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    if radius is not None:
        found = pattern.search(text)
        if found:
            start = max(found.start() - radius, 0)
            end = min(found.end() + radius, len(text))
            text = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    parts: list[str] = []
    position = 0
    for match in pattern.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


@dataclass
class TimelineEntry:
    meeting: Meeting
    discussed: int
    agreements: list[Agreement]
    matches: list[tuple[str, SafeString]] = field(default_factory=list)


def timeline(series_ids: Sequence[Any], me: Person, query: str = "") -> list[TimelineEntry]:
    """Past meetings (held, skipped, cancelled) of these series, newest first.

    With a query, only meetings where it occurs in a talking point the caller may
    see, the shared notes, an agreement, or the caller's own private notes; each
    with highlighted snippets. Other people's private notes are never searched.
    """
    query = query.strip()
    visible_discussed = Q(discussed_points__is_private=False) | Q(discussed_points__author=me)
    meetings = (
        Meeting.objects.filter(series__in=series_ids)
        .exclude(status=MeetingStatus.PLANNED)
        .select_related("series__manager", "series__report")
        .annotate(discussed=Count("discussed_points", filter=visible_discussed, distinct=True))
        .prefetch_related(
            Prefetch("agreements", queryset=Agreement.objects.select_related("owner"))
        )
        .order_by("-scheduled_at")
    )
    matches: dict[Any, list[tuple[str, SafeString]]] = defaultdict(list)
    if query:
        _collect_matches(series_ids, me, query, matches)
        meetings = meetings.filter(pk__in=list(matches))
    return [
        TimelineEntry(
            meeting=meeting,
            discussed=meeting.discussed,
            agreements=list(meeting.agreements.all()),
            matches=matches.get(meeting.pk, []),
        )
        for meeting in meetings
    ]


def _collect_matches(
    series_ids: Sequence[Any],
    me: Person,
    query: str,
    matches: dict[Any, list[tuple[str, SafeString]]],
) -> None:
    points = (
        TalkingPoint.objects.visible_to(me)
        .filter(series__in=series_ids, discussed_in__isnull=False, text__icontains=query)
        .values_list("discussed_in_id", "text")
    )
    for meeting_id, text in points:
        matches[meeting_id].append((_("Talking point"), highlight(text, query)))
    notes = (
        Note.objects.filter(meeting__series__in=series_ids, body__icontains=query)
        .filter(Q(is_private=False) | Q(is_private=True, author=me))
        .values_list("meeting_id", "is_private", "body")
    )
    for meeting_id, is_private, body in notes:
        label = _("Your private notes") if is_private else _("Shared notes")
        matches[meeting_id].append((label, highlight(body, query)))
    agreements = Agreement.objects.filter(
        series__in=series_ids, meeting__isnull=False, text__icontains=query
    ).values_list("meeting_id", "text")
    for meeting_id, text in agreements:
        matches[meeting_id].append((_("Agreement"), highlight(text, query)))
