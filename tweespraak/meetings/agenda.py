"""The shared agenda of a meeting: talking points grouped by template section.

Points belong to the series and stay open until marked discussed, so the
agenda of any planned meeting is simply "the open points of the series", plus
the points that were discussed in that meeting itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tweespraak.accounts.models import Person
from tweespraak.guide.builtin import default_template_version
from tweespraak.guide.models import TemplateVersion
from tweespraak.meetings.models import (
    Agreement,
    Meeting,
    MeetingStatus,
    Series,
    TalkingPoint,
)
from tweespraak.meetings.panels import AgreementRow

UP, DOWN = "up", "down"


@dataclass
class Section:
    key: str
    title: str
    guidance: str = ""
    prompts: list[str] = field(default_factory=list)
    points: list[TalkingPoint] = field(default_factory=list)


def template_for(meeting: Meeting) -> TemplateVersion | None:
    return meeting.template or meeting.series.template or default_template_version()


def template_sections(template: TemplateVersion | None) -> list[dict[str, Any]]:
    return template.localized_sections() if template is not None else []


def section_choices(template: TemplateVersion | None) -> list[tuple[str, str]]:
    return [("", _("No section"))] + [
        (section["key"], section["title"]) for section in template_sections(template)
    ]


def agenda_points(meeting: Meeting, me: Person) -> list[TalkingPoint]:
    """The points on this meeting's agenda that `me` may see.

    A planned meeting shows every open point of the series and the ones already
    ticked off in it; a held meeting shows what was discussed in it.
    """
    points = TalkingPoint.objects.filter(series=meeting.series_id).visible_to(me)
    if meeting.status == MeetingStatus.PLANNED:
        points = points.filter(Q(discussed_in=None) | Q(discussed_in=meeting))
    else:
        points = points.filter(discussed_in=meeting)
    return list(points.select_related("author").order_by("position", "created_at"))


def group_by_section(points: list[TalkingPoint], template: TemplateVersion | None) -> list[Section]:
    """Points without a (known) section first, then each template section in order."""
    general = Section(key="", title=str(_("Talking points")))
    sections = [general] + [
        Section(
            key=spec["key"],
            title=spec["title"],
            guidance=spec["guidance"],
            prompts=spec["prompts"],
        )
        for spec in template_sections(template)
    ]
    by_key = {section.key: section for section in sections}
    for point in points:
        by_key.get(point.section, general).points.append(point)
    return sections


def earlier_agreements(meeting: Meeting) -> list[AgreementRow]:
    """Open agreements of the series made before this meeting: they come back until done."""
    today = timezone.localdate()
    agreements = (
        Agreement.objects.open()
        .filter(series=meeting.series_id)
        .exclude(meeting=meeting)
        .select_related("owner")
        .order_by("due_on", "created_at")
    )
    return [
        AgreementRow(each, each.due_on is not None and each.due_on < today) for each in agreements
    ]


def is_live(meeting: Meeting) -> bool:
    """Can the agenda of this meeting still change?"""
    return meeting.status == MeetingStatus.PLANNED and meeting.series.ended_at is None


def agenda_context(meeting: Meeting, me: Person, back: str) -> dict[str, Any]:
    template = template_for(meeting)
    points = agenda_points(meeting, me)
    live = is_live(meeting)
    earlier = earlier_agreements(meeting) if live else []
    return {
        "meeting": meeting,
        "me": me,
        "back": back,
        "live": live,
        "sections": group_by_section(points, template),
        "point_count": len(points),
        "earlier": earlier,
        "earlier_overdue": sum(1 for row in earlier if row.overdue),
    }


def add_point(
    series: Series, author: Person, text: str, section: str = "", is_private: bool = False
) -> TalkingPoint:
    with transaction.atomic():
        last = TalkingPoint.objects.filter(series=series).aggregate(last=Max("position"))["last"]
        return TalkingPoint.objects.create(
            series=series,
            author=author,
            text=text,
            section=section,
            is_private=is_private,
            position=0 if last is None else last + 1,
        )


def move_point(point: TalkingPoint, direction: str, me: Person) -> bool:
    """Swap `point` with its neighbour in the same section as `me` sees the agenda.

    All open points of the series are numbered afresh first, so equal positions
    (from concurrent adds) never make a move a no-op. False when already at the edge.
    """
    with transaction.atomic():
        ordered = list(
            TalkingPoint.objects.select_for_update()
            .filter(series=point.series_id, discussed_in=None)
            .order_by("position", "created_at")
        )
        ids = [each.pk for each in ordered]
        if point.pk not in ids:
            return False
        index = ids.index(point.pk)
        step = -1 if direction == UP else 1
        neighbour = None
        other = index + step
        while 0 <= other < len(ordered):
            candidate = ordered[other]
            visible = not candidate.is_private or candidate.author_id == me.pk
            if visible and candidate.section == ordered[index].section:
                neighbour = other
                break
            other += step
        if neighbour is None:
            return False
        ordered[index], ordered[neighbour] = ordered[neighbour], ordered[index]
        for position, each in enumerate(ordered):
            each.position = position
        TalkingPoint.objects.bulk_update(ordered, ["position"])
        return True
