"""Agreements: add and edit from a meeting, mark done or reopen, and my list across series."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tweespraak.accounts.access import current_person
from tweespraak.meetings.access import get_agreement_for, get_meeting_for
from tweespraak.meetings.forms_notes import AgreementForm
from tweespraak.meetings.models import Agreement, Meeting
from tweespraak.meetings.my_agreements import my_agreements_context
from tweespraak.meetings.panels import agreement_form, agreements_panel_context
from tweespraak.meetings.views.common import back_to_meeting, is_htmx, safe_next


def _panel(
    request: HttpRequest, meeting: Meeting, form: AgreementForm | None = None
) -> HttpResponse:
    me = current_person(request)
    context = agreements_panel_context(meeting, me, form=form) | {
        "meeting": meeting,
        "can_edit": True,
    }
    return render(request, "meetings/fragments/agreements_panel.html", context)


@require_POST
@login_required
def add(request: HttpRequest, meeting_id: uuid.UUID) -> HttpResponse:
    meeting, can_edit = get_meeting_for(request, meeting_id)
    if not can_edit:
        raise PermissionDenied
    me = current_person(request)
    form = agreement_form(meeting, me, request.POST)
    if form.is_valid():
        form.instance.meeting = meeting
        form.instance.created_by = me
        form.save()
        if is_htmx(request):
            return _panel(request, meeting)
        messages.success(request, _("The agreement is added."))
        return back_to_meeting(request, meeting)
    if is_htmx(request):
        return _panel(request, meeting, form)
    context = {"form": form, "meeting": meeting, "next": safe_next(request)}
    return render(request, "meetings/agreements_form.html", context, status=400)


@login_required
def edit(request: HttpRequest, agreement_id: uuid.UUID) -> HttpResponse:
    agreement, can_edit = get_agreement_for(request, agreement_id)
    if not can_edit:
        raise PermissionDenied
    me = current_person(request)
    form = AgreementForm(request.POST or None, instance=agreement, series=agreement.series, me=me)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The agreement is saved."))
        return _back(request, agreement)
    context = {"form": form, "agreement": agreement, "next": safe_next(request)}
    status = 400 if form.is_bound else 200
    return render(request, "meetings/agreements_form.html", context, status=status)


def _back(request: HttpRequest, agreement: Agreement) -> HttpResponse:
    target = safe_next(request)
    if target:
        return redirect(target)
    if agreement.meeting_id:
        meeting = Meeting(pk=agreement.meeting_id)
        return back_to_meeting(request, meeting)
    return redirect("agreements:mine")


def _set_status(request: HttpRequest, agreement_id: uuid.UUID, done: bool) -> HttpResponse:
    agreement, can_edit = get_agreement_for(request, agreement_id)
    if not can_edit:
        raise PermissionDenied
    if done:
        agreement.mark_done()
    else:
        agreement.reopen()
    if not is_htmx(request):
        return _back(request, agreement)
    meeting_id = request.POST.get("meeting")
    if meeting_id:
        # Ticked on a meeting page: answer with that meeting's agreements panel.
        meeting, _can_edit = get_meeting_for(request, meeting_id)
        if meeting.series_id != agreement.series_id:
            raise Http404
        return _panel(request, meeting)
    context = my_agreements_context(current_person(request), request.POST.get("status", ""))
    return render(request, "meetings/fragments/agreements_mine_list.html", context)


@require_POST
@login_required
def done(request: HttpRequest, agreement_id: uuid.UUID) -> HttpResponse:
    return _set_status(request, agreement_id, done=True)


@require_POST
@login_required
def reopen(request: HttpRequest, agreement_id: uuid.UUID) -> HttpResponse:
    return _set_status(request, agreement_id, done=False)


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    context = my_agreements_context(current_person(request), request.GET.get("status", ""))
    return render(request, "meetings/agreements_mine.html", context)
