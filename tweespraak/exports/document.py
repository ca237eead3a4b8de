"""What an export contains, independent of its format.

`build_export(reader, scope)` collects one meeting, a series or a person's whole
1:1 history into plain dataclasses, with every date already written out in the
reader's language. The PDF, DOCX and Markdown renderers only lay that out, so
the three formats can never disagree about what is in them.

Privacy lives here and only here: shared talking points and notes, plus the
reader's own private points and notes. Someone else's private things are never
fetched, so no renderer can leak them.
"""

from __future__ import annotations

import datetime
import uuid
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from django.db.models import Prefetch, Q
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tweespraak.accounts.models import Person
from tweespraak.meetings.models import (
    Agreement,
    ChangeKind,
    Meeting,
    MeetingChange,
    Note,
    Series,
    TalkingPoint,
)

ScopeKind = Literal["meeting", "series", "person"]
Progress = Callable[[int, int], None]


class NothingToExport(LookupError):
    """The reader may not see this scope (or it does not exist)."""


@dataclass(frozen=True)
class Scope:
    kind: ScopeKind
    id: uuid.UUID


@dataclass
class PointLine:
    text: str
    author: str
    private: bool  # only ever True for the reader's own private points


@dataclass
class AgreementLine:
    owner: str
    text: str
    due: str  # "" when there is no date
    status: str


@dataclass
class ChangeLine:
    kind: str
    when: str
    reason: str
    by: str
    moved: str  # "from → to" for a move, else ""


@dataclass
class MeetingPart:
    heading: str
    when: str
    status: str
    location: str
    points: list[PointLine] = field(default_factory=list)
    shared_notes: str = ""  # Markdown
    private_notes: str = ""  # Markdown, the reader's own only
    agreements: list[AgreementLine] = field(default_factory=list)
    changes: list[ChangeLine] = field(default_factory=list)


@dataclass
class SeriesPart:
    heading: str
    people: tuple[str, str]
    period: str
    meetings: list[MeetingPart] = field(default_factory=list)
    loose_agreements: list[AgreementLine] = field(default_factory=list)


@dataclass
class ExportDocument:
    title: str
    people: list[str]
    reader: str
    language: str
    created: str
    file_stem: str
    series: list[SeriesPart] = field(default_factory=list)

    @property
    def meeting_count(self) -> int:
        return sum(len(part.meetings) for part in self.series)


def readable_series(reader: Person, scope: Scope) -> list[Series]:
    """The series of this scope the reader takes part in; empty when there are none."""
    mine = Series.objects.with_participant(reader).select_related("manager", "report")
    if scope.kind == "meeting":
        return list(mine.filter(meetings=scope.id))
    if scope.kind == "series":
        return list(mine.filter(pk=scope.id))
    if scope.id == reader.pk:
        return list(mine.order_by("starts_at"))
    return list(mine.filter(Q(manager=scope.id) | Q(report=scope.id)).order_by("starts_at"))


def reader_zone(reader: Person) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(reader.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("Europe/Amsterdam")


def count_meetings(reader: Person, scope: Scope) -> int:
    if scope.kind == "meeting":
        return 1
    return Meeting.objects.filter(series__in=readable_series(reader, scope)).count()


def build_export(reader: Person, scope: Scope, progress: Progress | None = None) -> ExportDocument:
    """The content of an export for `reader`, in the reader's language."""
    with translation.override(reader.language):
        series_list = readable_series(reader, scope)
        if not series_list:
            raise NothingToExport(scope)
        meetings = _meetings(reader, scope, series_list)
        loose = _loose_agreements(scope, series_list)
        total = len(meetings)
        parts = {one.pk: _series_part(one) for one in series_list}
        for done, meeting in enumerate(meetings, start=1):
            parts[meeting.series_id].meetings.append(_meeting_part(reader, meeting))
            if progress is not None:
                progress(done, total)
        for agreement in loose:
            parts[agreement.series_id].loose_agreements.append(_agreement_line(agreement))
        document = _document(reader, scope, series_list, meetings)
        document.series = [
            part for part in parts.values() if part.meetings or scope.kind != "meeting"
        ]
        return document


def _meetings(reader: Person, scope: Scope, series_list: list[Series]) -> list[Meeting]:
    notes = Note.objects.filter(Q(is_private=False) | Q(is_private=True, author=reader))
    points = TalkingPoint.objects.visible_to(reader).select_related("author")
    meetings = (
        Meeting.objects.filter(series__in=series_list)
        .select_related("series__manager", "series__report")
        .prefetch_related(
            Prefetch("discussed_points", queryset=points, to_attr="export_points"),
            Prefetch("notes", queryset=notes, to_attr="export_notes"),
            Prefetch(
                "agreements",
                queryset=Agreement.objects.select_related("owner"),
                to_attr="export_agreements",
            ),
            Prefetch(
                "changes",
                queryset=MeetingChange.objects.select_related("by"),
                to_attr="export_changes",
            ),
        )
        .order_by("scheduled_at")
    )
    if scope.kind == "meeting":
        meetings = meetings.filter(pk=scope.id)
    return list(meetings)


def _loose_agreements(scope: Scope, series_list: list[Series]) -> list[Agreement]:
    """Agreements made outside any meeting belong to a series export, not a meeting's."""
    if scope.kind == "meeting":
        return []
    return list(
        Agreement.objects.filter(series__in=series_list, meeting=None).select_related("owner")
    )


def _local(moment: datetime.datetime, series: Series, pattern: str = "j F Y, H:i") -> str:
    return date_format(timezone.localtime(moment, series.zone), pattern)


def _series_part(series: Series) -> SeriesPart:
    start = _local(series.starts_at, series, "j F Y")
    if series.ended_at is not None:
        period = _("%(start)s to %(end)s") % {
            "start": start,
            "end": _local(series.ended_at, series, "j F Y"),
        }
    else:
        period = _("Since %(start)s") % {"start": start}
    return SeriesPart(
        heading=_("%(manager)s and %(report)s")
        % {
            "manager": series.manager.name,
            "report": series.report.name,
        },
        people=(series.manager.name, series.report.name),
        period=period,
    )


def _agreement_line(agreement: Agreement) -> AgreementLine:
    return AgreementLine(
        owner=agreement.owner.name,
        text=agreement.text,
        due=date_format(agreement.due_on, "j F Y") if agreement.due_on else "",
        status=str(agreement.get_status_display()),
    )


def _change_line(change: MeetingChange, series: Series) -> ChangeLine:
    moved = ""
    if change.kind == ChangeKind.RESCHEDULED and change.moved_from and change.moved_to:
        moved = f"{_local(change.moved_from, series)} → {_local(change.moved_to, series)}"
    return ChangeLine(
        kind=str(change.get_kind_display()),
        when=_local(change.at, series),
        reason=change.reason,
        by=change.by.name if change.by else "",
        moved=moved,
    )


def _meeting_part(reader: Person, meeting: Meeting) -> MeetingPart:
    series = meeting.series
    notes = meeting.export_notes  # type: ignore[attr-defined]
    shared = next((note.body for note in notes if not note.is_private), "")
    private = next(
        (note.body for note in notes if note.is_private and note.author_id == reader.pk), ""
    )
    end = date_format(timezone.localtime(meeting.ends_at, series.zone), "H:i")
    return MeetingPart(
        heading=_local(meeting.scheduled_at, series, "l j F Y"),
        when=f"{_local(meeting.scheduled_at, series)}\u2013{end}",
        status=str(meeting.get_status_display()),
        location=meeting.location,
        points=[
            PointLine(text=point.text, author=point.author.name, private=point.is_private)
            for point in meeting.export_points  # type: ignore[attr-defined]
        ],
        shared_notes=shared.strip(),
        private_notes=private.strip(),
        agreements=[_agreement_line(one) for one in meeting.export_agreements],  # type: ignore[attr-defined]
        changes=[_change_line(one, series) for one in meeting.export_changes],  # type: ignore[attr-defined]
    )


def _document(
    reader: Person, scope: Scope, series_list: list[Series], meetings: list[Meeting]
) -> ExportDocument:
    others = sorted({one.other_participant(reader).name for one in series_list})
    first = series_list[0]
    if scope.kind == "meeting":
        meeting = meetings[0]
        title = _("1:1 of %(day)s") % {"day": _local(meeting.scheduled_at, first, "j F Y")}
        stem = f"{first.manager.name} {first.report.name} {meeting.scheduled_at:%Y-%m-%d}"
    elif scope.kind == "series":
        title = _("1:1 series of %(manager)s and %(report)s") % {
            "manager": first.manager.name,
            "report": first.report.name,
        }
        stem = f"{first.manager.name} {first.report.name}"
    elif scope.id == reader.pk:
        title = _("All 1:1s of %(name)s") % {"name": reader.name}
        stem = f"{reader.name} all"
    else:
        title = _("1:1 history of %(reader)s and %(other)s") % {
            "reader": reader.name,
            "other": others[0],
        }
        stem = f"{reader.name} {others[0]} history"
    return ExportDocument(
        title=title,
        people=[reader.name, *others],
        reader=reader.name,
        language=reader.language,
        created=date_format(timezone.localtime(timezone.now(), reader_zone(reader)), "j F Y, H:i"),
        file_stem=f"1on1-{slugify(stem)}"[:120],
    )
