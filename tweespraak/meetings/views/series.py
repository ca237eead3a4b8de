"""1:1 series pages: mine, start one, its history, change and end it; HR's overview.

Also moving, skipping and cancelling a meeting, which belong to the series' rhythm.
"""

from __future__ import annotations

import contextlib
import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tweespraak.accounts.access import current_person, parse_id, people_reader_required
from tweespraak.accounts.models import Person
from tweespraak.calendars import invites
from tweespraak.htmx import render_page_or_fragment
from tweespraak.meetings.access import get_meeting_for, get_series_for
from tweespraak.meetings.forms_series import (
    OverviewFilterForm,
    ReasonForm,
    RescheduleForm,
    SeriesAddForm,
    SeriesEditForm,
)
from tweespraak.meetings.history import (
    attach_adherence,
    cadence_in_words,
    timeline,
    with_schedule,
)
from tweespraak.meetings.models import Meeting, MeetingChange, MeetingStatus, Series

OVERVIEW_PAGE_SIZE = 50
TIMELINE_PAGE_SIZE = 25


def _meeting_links(meeting: Meeting | None) -> dict[str, str]:
    """Links to the meeting page and preparation, when those pages exist."""
    links: dict[str, str] = {}
    if meeting is None:
        return links
    for key, name in (("page", "meetings:detail"), ("prepare", "meetings:prepare")):
        with contextlib.suppress(NoReverseMatch):
            links[key] = reverse(name, args=[meeting.pk])
    return links


def _decorate(series_list: list[Series]) -> list[Series]:
    attach_adherence(series_list)
    for one in series_list:
        one.cadence_words = cadence_in_words(one)  # type: ignore[attr-defined]
    return series_list


@login_required
def series_list(request: HttpRequest) -> HttpResponse:
    me = current_person(request)
    mine = list(
        with_schedule(Series.objects.with_participant(me))
        .select_related("manager", "report")
        .order_by("ended_at", "report__name", "manager__name")
    )
    _decorate(mine)
    for one in mine:
        one.other = one.other_participant(me)  # type: ignore[attr-defined]
    running = [one for one in mine if one.ended_at is None]
    context = {
        "leading": [one for one in running if one.manager_id == me.pk],
        "joining": [one for one in running if one.report_id == me.pk],
        "ended": [one for one in mine if one.ended_at is not None],
        "can_see_overview": me.is_hr or me.is_workspace_admin,
    }
    return render(request, "meetings/series_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def series_add(request: HttpRequest) -> HttpResponse:
    me = current_person(request)
    zone = timezone.get_current_timezone()
    # ?with=<person id> (from "Start one" on the home page) preselects that person; an id
    # that is not among the choices simply preselects nothing.
    initial = {"person": request.GET.get("with", "")[:40]}
    form = SeriesAddForm(request.POST or None, me=me, zone=zone, initial=initial)
    if request.method == "POST" and form.is_valid():
        series = form.save()
        invites.series_planned(series)
        messages.success(
            request,
            _("Your 1:1 series with %(name)s is planned.") % {"name": series.report.name},
        )
        return redirect("series:detail", series_id=series.pk)
    return render(request, "meetings/series_form.html", {"form": form, "adding": True})


@login_required
def series_detail(request: HttpRequest, series_id: uuid.UUID) -> HttpResponse:
    series, can_edit = get_series_for(request, series_id)
    me = current_person(request)
    query = request.GET.get("q", "").strip()[:100]
    upcoming = series.upcoming_meeting() if can_edit else None
    _decorate([series])
    changes = (
        MeetingChange.objects.filter(meeting__series=series)
        .select_related("by", "meeting")
        .order_by("-at")
    )
    page = Paginator(timeline([series.pk], me, query), TIMELINE_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "series": series,
        "other": series.other_participant(me),
        "can_edit": can_edit,
        "upcoming": upcoming,
        "links": _meeting_links(upcoming),
        "changes": changes,
        "page": page,
        "query": query,
        "search_url": reverse("series:detail", args=[series.pk]),
    }
    return render_page_or_fragment(
        request, "meetings/series_detail.html", "meetings/fragments/series_timeline.html", context
    )


@login_required
def series_person(request: HttpRequest, person_id: uuid.UUID) -> HttpResponse:
    """My history with one person across all our series, e.g. after a manager change."""
    me = current_person(request)
    shared = list(
        Series.objects.with_participant(me)
        .filter(Q(manager=parse_id(person_id)) | Q(report=parse_id(person_id)))
        .exclude(manager=me, report=me)
        .select_related("manager", "report")
        .order_by("-starts_at")
    )
    if not shared or parse_id(person_id) == me.pk:
        raise Http404
    person: Person = shared[0].other_participant(me)
    query = request.GET.get("q", "").strip()[:100]
    entries = timeline([one.pk for one in shared], me, query)
    page = Paginator(entries, TIMELINE_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "person": person,
        "shared": _decorate(shared),
        "page": page,
        "query": query,
        "show_series": len(shared) > 1,
        "search_url": reverse("series:person", args=[person.pk]),
    }
    return render_page_or_fragment(
        request, "meetings/series_person.html", "meetings/fragments/series_timeline.html", context
    )


def _editable_series(request: HttpRequest, series_id: uuid.UUID) -> Series:
    series, can_edit = get_series_for(request, series_id)
    if not can_edit:
        raise PermissionDenied
    return series


@login_required
@require_http_methods(["GET", "POST"])
def series_edit(request: HttpRequest, series_id: uuid.UUID) -> HttpResponse:
    series = _editable_series(request, series_id)
    me = current_person(request)
    form = SeriesEditForm(
        request.POST or None, series=series, me=me, zone=timezone.get_current_timezone()
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        invites.series_edited(series, form.changed_data)
        if form.moved_by_hand:
            messages.success(
                request,
                _(
                    "The changes are saved. The next meeting was moved by hand, so it "
                    "keeps its time; the changes apply from the meeting after it."
                ),
            )
        else:
            messages.success(request, _("The changes are saved; they apply from the next meeting."))
        return redirect("series:detail", series_id=series.pk)
    context = {"form": form, "series": series, "other": series.other_participant(me)}
    return render(request, "meetings/series_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def series_end(request: HttpRequest, series_id: uuid.UUID) -> HttpResponse:
    series = _editable_series(request, series_id)
    me = current_person(request)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        series.end(form.cleaned_data["reason"], by=me)
        invites.series_ended(series)
        messages.success(
            request,
            _("The series has ended. Its history stays readable for both of you."),
        )
        return redirect("series:detail", series_id=series.pk)
    context = {"form": form, "series": series, "other": series.other_participant(me)}
    return render(request, "meetings/series_end.html", context)


@people_reader_required
def series_overview(request: HttpRequest) -> HttpResponse:
    """For HR and admins: whether 1:1s take place. Dates and counts only, never content."""
    me = current_person(request)
    filters = OverviewFilterForm(request.GET, workspace=me.workspace)
    series = filters.apply(
        with_schedule(Series.objects.filter(workspace=me.workspace))
        .select_related("manager", "report")
        .order_by("ended_at", "manager__name", "report__name")
    )
    page = Paginator(series, OVERVIEW_PAGE_SIZE).get_page(request.GET.get("page"))
    _decorate(list(page.object_list))
    context = {"filters": filters, "page": page}
    return render_page_or_fragment(
        request,
        "meetings/series_overview.html",
        "meetings/fragments/series_overview_table.html",
        context,
    )


# Moving, skipping and cancelling one meeting ---------------------------------


def _planned_meeting(request: HttpRequest, meeting_id: uuid.UUID) -> Meeting:
    meeting, can_edit = get_meeting_for(request, meeting_id)
    if not can_edit:
        raise PermissionDenied
    return meeting


def _not_planned(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    messages.error(request, _("This meeting is no longer planned, so it cannot be changed."))
    return redirect("series:detail", series_id=meeting.series_id)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_reschedule(request: HttpRequest, meeting_id: uuid.UUID) -> HttpResponse:
    meeting = _planned_meeting(request, meeting_id)
    if meeting.status != MeetingStatus.PLANNED:
        return _not_planned(request, meeting)
    me = current_person(request)
    form = RescheduleForm(
        request.POST or None, meeting=meeting, me=me, zone=timezone.get_current_timezone()
    )
    if request.method == "POST" and form.is_valid():
        meeting.reschedule(form.cleaned_data["when"], form.cleaned_data["reason"], by=me)
        invites.meeting_moved(meeting)
        messages.success(request, _("The meeting is moved. Both of you see the new time."))
        return redirect("series:detail", series_id=meeting.series_id)
    return _change_page(request, meeting, form, "reschedule")


def _close_meeting(request: HttpRequest, meeting_id: uuid.UUID, action: str) -> HttpResponse:
    meeting = _planned_meeting(request, meeting_id)
    if meeting.status != MeetingStatus.PLANNED:
        return _not_planned(request, meeting)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        close = meeting.skip if action == "skip" else meeting.cancel
        try:
            close(form.cleaned_data["reason"], by=current_person(request))
        except ValidationError:
            return _not_planned(request, meeting)
        invites.meeting_closed(meeting)
        messages.success(
            request,
            _(
                "Done. Nothing is lost: open talking points and agreements show on the "
                "next meeting."
            ),
        )
        return redirect("series:detail", series_id=meeting.series_id)
    return _change_page(request, meeting, form, action)


def _change_page(request: HttpRequest, meeting: Meeting, form: Any, action: str) -> HttpResponse:
    context = {
        "meeting": meeting,
        "series": meeting.series,
        "other": meeting.series.other_participant(current_person(request)),
        "form": form,
        "action": action,
        "next_after": next(meeting.series.occurrences_after(meeting.planned_at), None),
    }
    return render(request, "meetings/series_meeting_change.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_skip(request: HttpRequest, meeting_id: uuid.UUID) -> HttpResponse:
    return _close_meeting(request, meeting_id, "skip")


@login_required
@require_http_methods(["GET", "POST"])
def meeting_cancel(request: HttpRequest, meeting_id: uuid.UUID) -> HttpResponse:
    return _close_meeting(request, meeting_id, "cancel")
