"""Access helpers for 1:1 content. Only the two participants ever see it.

Anyone else, in the workspace or not, HR and admins included, gets a 404: the
content of a 1:1 is not theirs to know about. A participant may read an ended
series; changes need a running series.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest

from tweespraak.accounts.access import current_person, parse_id
from tweespraak.meetings.models import Agreement, Meeting, Series, TalkingPoint


def get_series_for(request: HttpRequest, series_id: Any) -> tuple[Series, bool]:
    me = current_person(request)
    series = (
        Series.objects.with_participant(me)
        .select_related("manager", "report", "template__template")
        .filter(pk=parse_id(series_id))
        .first()
    )
    if series is None:
        raise Http404
    return series, series.ended_at is None


def get_meeting_for(request: HttpRequest, meeting_id: Any) -> tuple[Meeting, bool]:
    me = current_person(request)
    meeting = (
        Meeting.objects.filter(
            pk=parse_id(meeting_id), series__in=Series.objects.with_participant(me)
        )
        .select_related("series", "series__manager", "series__report", "template")
        .first()
    )
    if meeting is None:
        raise Http404
    return meeting, meeting.series.ended_at is None


def get_point_for(request: HttpRequest, point_id: Any) -> tuple[TalkingPoint, bool]:
    """A talking point the caller may see: shared, or private and their own."""
    me = current_person(request)
    point = (
        TalkingPoint.objects.visible_to(me)
        .filter(pk=parse_id(point_id), series__in=Series.objects.with_participant(me))
        .select_related("series")
        .first()
    )
    if point is None:
        raise Http404
    return point, point.series.ended_at is None


def get_agreement_for(request: HttpRequest, agreement_id: Any) -> tuple[Agreement, bool]:
    me = current_person(request)
    agreement = (
        Agreement.objects.filter(
            pk=parse_id(agreement_id), series__in=Series.objects.with_participant(me)
        )
        .select_related("series", "owner")
        .first()
    )
    if agreement is None:
        raise Http404
    return agreement, agreement.series.ended_at is None
