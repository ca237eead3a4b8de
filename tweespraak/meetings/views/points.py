"""Talking points: add, edit, share, move, tick off and delete.

Every endpoint takes a plain form POST (and redirects back to `next`) or an
htmx request (and answers with the agenda fragment of the meeting in view).
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tweespraak.accounts.access import current_person, parse_id
from tweespraak.htmx import HtmxHttpRequest
from tweespraak.meetings.access import get_point_for, get_series_for
from tweespraak.meetings.agenda import (
    DOWN,
    UP,
    add_point,
    agenda_context,
    move_point,
    section_choices,
    template_for,
)
from tweespraak.meetings.forms_points import AddPointForm, PointForm
from tweespraak.meetings.models import Meeting, MeetingStatus, Series, TalkingPoint


def _meeting_in_view(request: HtmxHttpRequest, series: Series) -> Meeting | None:
    """The meeting whose agenda the request came from (POST `meeting`), else the upcoming one."""
    meeting_id = request.POST.get("meeting") or request.GET.get("meeting")
    if meeting_id:
        meeting = (
            series.meetings.filter(pk=parse_id(meeting_id))
            .select_related("series", "template")
            .first()
        )
        if meeting is None:
            raise Http404
        return meeting
    meeting = series.upcoming_meeting()
    if meeting is not None:
        meeting.series = series
    return meeting


def _back(request: HtmxHttpRequest, meeting: Meeting | None) -> str:
    """Where to return: a safe `next`, else the meeting page."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    if meeting is not None:
        return reverse("meetings:detail", args=[meeting.pk])
    return reverse("home")


def _done(request: HtmxHttpRequest, series: Series, **extra: Any) -> HttpResponse:
    """The agenda fragment for htmx, a redirect back for a plain POST."""
    meeting = _meeting_in_view(request, series)
    back = _back(request, meeting)
    if not request.htmx or meeting is None:
        return redirect(back)
    context = agenda_context(meeting, current_person(request), back) | extra
    return render(request, "meetings/fragments/agenda_lists.html", context)


def _editable(can_edit: bool) -> None:
    if not can_edit:
        raise PermissionDenied


def _own(point: TalkingPoint, request: HtmxHttpRequest) -> None:
    if point.author_id != current_person(request).pk:
        raise PermissionDenied


@require_POST
@login_required
def point_add(request: HtmxHttpRequest, series_id: uuid.UUID) -> HttpResponse:
    series, can_edit = get_series_for(request, series_id)
    _editable(can_edit)
    me = current_person(request)
    meeting = _meeting_in_view(request, series)
    sections = section_choices(template_for(meeting) if meeting else series.template)
    form = AddPointForm(request.POST, sections=sections)
    if form.is_valid():
        data = form.cleaned_data
        add_point(series, me, data["text"], data["section"], data["is_private"])
        if not request.htmx:
            messages.success(request, _("Your talking point is on the agenda."))
        fresh = AddPointForm(sections=sections)
        return _done(request, series, add_form=fresh, add_form_oob=True)
    back = _back(request, meeting)
    context = {"form": form, "series": series, "meeting": meeting, "back": back}
    if request.htmx:
        response = render(request, "meetings/fragments/point_add_form.html", context)
        response["HX-Retarget"] = "#point-add"
        response["HX-Reswap"] = "outerHTML"
        return response
    return render(request, "meetings/meeting_point_add.html", context, status=400)


@require_http_methods(["GET", "POST"])
@login_required
def point_edit(request: HtmxHttpRequest, point_id: uuid.UUID) -> HttpResponse:
    point, can_edit = get_point_for(request, point_id)
    _editable(can_edit)
    _own(point, request)
    meeting = _meeting_in_view(request, point.series)
    sections = section_choices(template_for(meeting) if meeting else point.series.template)
    form = PointForm(request.POST or None, instance=point, sections=sections)
    if request.method == "POST" and form.is_valid():
        point.save(update_fields=["text", "section"])
        if not request.htmx:
            messages.success(request, _("The talking point is changed."))
        return _done(request, point.series)
    context = {"form": form, "point": point, "meeting": meeting, "back": _back(request, meeting)}
    status = 400 if request.method == "POST" else 200
    return render(request, "meetings/meeting_point_edit.html", context, status=status)


@require_POST
@login_required
def point_share(request: HtmxHttpRequest, point_id: uuid.UUID) -> HttpResponse:
    point, can_edit = get_point_for(request, point_id)
    _editable(can_edit)
    _own(point, request)
    if point.is_private:
        point.is_private = False
        point.save(update_fields=["is_private"])
    return _done(request, point.series)


@require_POST
@login_required
def point_move(request: HtmxHttpRequest, point_id: uuid.UUID) -> HttpResponse:
    point, can_edit = get_point_for(request, point_id)
    _editable(can_edit)
    direction = request.POST.get("direction")
    if direction not in (UP, DOWN):
        return HttpResponse(_("Choose a direction: up or down."), status=400)
    if point.discussed_in_id is not None:
        return HttpResponse(_("A discussed point keeps its place."), status=400)
    move_point(point, direction, current_person(request))
    return _done(request, point.series)


@require_POST
@login_required
def point_discussed(request: HtmxHttpRequest, point_id: uuid.UUID) -> HttpResponse:
    """Tick a point off in the meeting given in POST, or put it back on the agenda."""
    point, can_edit = get_point_for(request, point_id)
    _editable(can_edit)
    if not request.POST.get("meeting"):
        return HttpResponse(_("Say in which meeting the point was discussed."), status=400)
    meeting = _meeting_in_view(request, point.series)
    assert meeting is not None
    if meeting.status != MeetingStatus.PLANNED:
        return HttpResponse(_("This meeting is no longer planned."), status=400)
    if point.discussed_in_id is None:
        point.discussed_in = meeting
    elif point.discussed_in_id == meeting.pk:
        point.discussed_in = None
    else:
        return HttpResponse(_("This point was discussed in another meeting."), status=400)
    point.save(update_fields=["discussed_in"])
    return _done(request, point.series)


@require_POST
@login_required
def point_delete(request: HtmxHttpRequest, point_id: uuid.UUID) -> HttpResponse:
    point, can_edit = get_point_for(request, point_id)
    _editable(can_edit)
    _own(point, request)
    series = point.series
    point.delete()
    if not request.htmx:
        messages.success(request, _("The talking point is removed."))
    return _done(request, series)
