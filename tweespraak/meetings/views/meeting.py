"""The meeting page (agenda, notes, agreements), its live refresh, completing a
meeting with its summary, and the preparation view before it."""

from __future__ import annotations

import copy
import hashlib
import re
import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from tweespraak.accounts.access import current_person
from tweespraak.accounts.models import Person
from tweespraak.meetings.access import get_meeting_for
from tweespraak.meetings.agenda import agenda_context, section_choices, template_for
from tweespraak.meetings.forms_points import AddPointForm
from tweespraak.meetings.models import (
    Agreement,
    Meeting,
    MeetingStatus,
    TalkingPoint,
)
from tweespraak.meetings.panels import (
    SHARED,
    agreements_panel_context,
    notes_for,
    notes_panel_context,
)
from tweespraak.notify.background import queue_summary

REFLECTION_PROMPTS = [
    gettext_lazy("What went well since your last 1:1, and what made it work?"),
    gettext_lazy("What is getting in your way at the moment?"),
    gettext_lazy("What do you need from your manager to do your work well?"),
    gettext_lazy("What would you like to learn or try next?"),
]

_CSRF_VALUE = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def _page_context(meeting: Meeting, me: Person, back: str) -> dict[str, Any]:
    """Agenda, notes and agreements of a meeting, as one template context."""
    context = agenda_context(meeting, me, back)
    context |= notes_panel_context(meeting, me)
    context |= agreements_panel_context(meeting, me)
    context["can_edit"] = context["live"]
    return context


def _as_page(request: HttpRequest, meeting: Meeting) -> HttpRequest:
    """The request as if for the meeting page itself.

    The panels use `request.get_full_path` as the place to come back to; polled
    fragments must point there too, not at the polling URL.
    """
    page = copy.copy(request)
    page.path = page.path_info = reverse("meetings:detail", args=[meeting.pk])
    page.META = {**request.META, "QUERY_STRING": ""}
    return page


def _live_payload(request: HttpRequest, context: dict[str, Any]) -> tuple[str, str]:
    """The parts the live poll refreshes, and a fingerprint of what they show."""
    page = _as_page(request, context["meeting"])
    html = render_to_string("meetings/fragments/agenda_live.html", context, page)
    fingerprint = hashlib.sha256(_CSRF_VALUE.sub("", html).encode()).hexdigest()[:20]
    return html, fingerprint


@login_required
@require_GET
def meeting_detail(request: HttpRequest, meeting_id: uuid.UUID) -> HttpResponse:
    meeting, _can_edit = get_meeting_for(request, meeting_id)
    me = current_person(request)
    context = _page_context(meeting, me, reverse("meetings:detail", args=[meeting.pk]))
    if context["live"]:
        _html, context["fingerprint"] = _live_payload(request, context)
        context["add_form"] = AddPointForm(sections=section_choices(template_for(meeting)))
    return render(request, "meetings/meeting_detail.html", context)


@login_required
@require_GET
def meeting_live(request: HttpRequest, meeting_id: uuid.UUID) -> HttpResponse:
    """The agenda lists and agreements, for polling; 204 when nothing changed."""
    meeting, _can_edit = get_meeting_for(request, meeting_id)
    me = current_person(request)
    context = _page_context(meeting, me, reverse("meetings:detail", args=[meeting.pk]))
    if not context["live"]:
        # 286 tells htmx to stop polling: the meeting was completed or the series ended.
        return HttpResponse(status=286, headers={"HX-Refresh": "true"})
    html, fingerprint = _live_payload(request, context)
    if request.GET.get("v") == fingerprint:
        return HttpResponse(status=204)
    poller = render_to_string(
        "meetings/fragments/agenda_poller.html", {"meeting": meeting, "fingerprint": fingerprint}
    )
    return HttpResponse(poller + html)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_complete(request: HttpRequest, meeting_id: uuid.UUID) -> HttpResponse:
    meeting, can_edit = get_meeting_for(request, meeting_id)
    if not can_edit:
        raise PermissionDenied
    if meeting.status != MeetingStatus.PLANNED:
        messages.error(request, _("This meeting is no longer planned."))
        target = "meetings:summary" if meeting.status == MeetingStatus.HELD else "meetings:detail"
        return redirect(target, meeting_id=meeting.pk)
    if request.method == "POST":
        meeting.complete(by=current_person(request))
        queue_summary(meeting)
        messages.success(request, _("The meeting is recorded as held."))
        return redirect("meetings:summary", meeting_id=meeting.pk)
    me = current_person(request)
    open_points = TalkingPoint.objects.filter(series=meeting.series_id).visible_to(me).open()
    context = {"meeting": meeting, "open_count": open_points.count()}
    return render(request, "meetings/meeting_complete.html", context)


@login_required
@require_GET
def meeting_summary(request: HttpRequest, meeting_id: uuid.UUID) -> HttpResponse:
    """What was discussed and agreed, and what goes on to the next meeting."""
    meeting, _can_edit = get_meeting_for(request, meeting_id)
    if meeting.status != MeetingStatus.HELD:
        return redirect("meetings:detail", meeting_id=meeting.pk)
    me = current_person(request)
    points = (
        TalkingPoint.objects.filter(series=meeting.series_id)
        .visible_to(me)
        .select_related("author")
    )
    notes = notes_for(meeting, me)
    context = {
        "meeting": meeting,
        "series": meeting.series,
        "other_person": meeting.series.other_participant(me),
        "discussed": points.filter(discussed_in=meeting),
        "carried": points.open(),
        "agreements": Agreement.objects.filter(meeting=meeting).select_related("owner"),
        "shared_note": notes[SHARED],
        "private_note": notes["private"],
        "next_meeting": meeting.series.upcoming_meeting(),
    }
    return render(request, "meetings/meeting_summary.html", context)


@login_required
@require_GET
def meeting_prepare(request: HttpRequest, meeting_id: uuid.UUID) -> HttpResponse:
    """Before the meeting: last agreements, open points, a few questions to think about."""
    meeting, _can_edit = get_meeting_for(request, meeting_id)
    me = current_person(request)
    context = agenda_context(meeting, me, reverse("meetings:prepare", args=[meeting.pk]))
    last_held = (
        Meeting.objects.filter(
            series=meeting.series_id,
            status=MeetingStatus.HELD,
            scheduled_at__lt=meeting.scheduled_at,
        )
        .order_by("-scheduled_at")
        .first()
    )
    context |= {
        "series": meeting.series,
        "other_person": meeting.series.other_participant(me),
        "last_held": last_held,
        "last_agreements": (
            Agreement.objects.filter(meeting=last_held).select_related("owner") if last_held else []
        ),
        "prompts": REFLECTION_PROMPTS,
    }
    if context["live"]:
        context["add_form"] = AddPointForm(sections=section_choices(template_for(meeting)))
    return render(request, "meetings/prepare.html", context)
