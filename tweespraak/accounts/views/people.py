"""The people pages: workspace admins manage people; HR reads along."""

from __future__ import annotations

import logging
import smtplib
import uuid
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tweespraak.accounts.access import (
    admin_required,
    can_read_people,
    current_person,
    get_person_for,
    people_reader_required,
    workspace_people,
)
from tweespraak.accounts.forms_people import (
    AddPersonForm,
    EditPersonForm,
    PeopleFilterForm,
    deactivation_refusal,
)
from tweespraak.accounts.invitations import send_invitation
from tweespraak.accounts.models import Invitation, Person, Team
from tweespraak.htmx import render_page_or_fragment

logger = logging.getLogger(__name__)

PAGE_SIZE = 50


@people_reader_required
def people_list(request: HttpRequest) -> HttpResponse:
    """Everyone in the workspace, searchable and filtered; htmx gets just the table."""
    me = current_person(request)
    filters = PeopleFilterForm(request.GET, workspace=me.workspace)
    people = (
        filters.apply(workspace_people(request))
        .select_related("manager")
        .prefetch_related(Prefetch("teams", queryset=Team.objects.only("id", "name")))
        .order_by("name", "email")
    )
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"filters": filters, "page": page, "can_edit": me.is_workspace_admin}
    return render_page_or_fragment(
        request, "accounts/people_list.html", "accounts/fragments/people_table.html", context
    )


@admin_required
def person_add(request: HttpRequest) -> HttpResponse:
    me = current_person(request)
    form = AddPersonForm(request.POST or None, workspace=me.workspace, editor=me)
    if request.method == "POST" and form.is_valid():
        try:
            person = form.save()
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(name)s is added.") % {"name": person.name})
            if form.cleaned_data["send_invitation"]:
                _invite(request, person, me)
            return redirect("people:detail", person_id=person.pk)
    return render(request, "accounts/people_form.html", {"form": form, "adding": True})


@login_required
def person_detail(request: HttpRequest, person_id: uuid.UUID) -> HttpResponse:
    person, can_edit = get_person_for(request, person_id)
    me = current_person(request)
    context = {
        "person": person,
        "can_edit": can_edit,
        "can_read_people": can_read_people(me),
        "is_me": person.pk == me.pk,
        "teams": person.teams.all(),
        "reports": person.direct_reports.order_by("-is_active", "name"),
        "lines": person.reporting_lines.select_related("manager", "created_by"),
        "invitation": InvitationState.of(person),
    }
    return render(request, "accounts/people_detail.html", context)


@admin_required
def person_edit(request: HttpRequest, person_id: uuid.UUID) -> HttpResponse:
    person, _can_edit = get_person_for(request, person_id)
    me = current_person(request)
    form = EditPersonForm(request.POST or None, instance=person, workspace=me.workspace, editor=me)
    if request.method == "POST" and form.is_valid():
        try:
            form.save()
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The changes are saved."))
            return redirect("people:detail", person_id=person.pk)
    return render(request, "accounts/people_form.html", {"form": form, "person": person})


@require_POST
@admin_required
def person_invite(request: HttpRequest, person_id: uuid.UUID) -> HttpResponse:
    person, _can_edit = get_person_for(request, person_id)
    if not person.is_active:
        messages.error(
            request, _("Reactivate %(name)s before inviting them.") % {"name": person.name}
        )
    elif person.has_usable_password():
        messages.info(
            request,
            _(
                "%(name)s has already set a password. If they forgot it, they can "
                "reset it from the login page."
            )
            % {"name": person.name},
        )
    else:
        _invite(request, person, current_person(request))
    return redirect("people:detail", person_id=person.pk)


@require_http_methods(["GET", "POST"])
@admin_required
def person_deactivate(request: HttpRequest, person_id: uuid.UUID) -> HttpResponse:
    """A confirmation page; the POST blocks the login and keeps all history."""
    person, _can_edit = get_person_for(request, person_id)
    refusal = deactivation_refusal(person, by=current_person(request))
    if refusal:
        messages.error(request, refusal)
        return redirect("people:detail", person_id=person.pk)
    if request.method == "POST":
        person.deactivate()
        messages.success(
            request,
            _(
                "%(name)s is deactivated and can no longer log in. Their history, "
                "such as reporting lines and 1:1s, is kept."
            )
            % {"name": person.name},
        )
        return redirect("people:detail", person_id=person.pk)
    reports = person.direct_reports.active().order_by("name")
    return render(
        request, "accounts/people_deactivate.html", {"person": person, "reports": reports}
    )


@require_POST
@admin_required
def person_reactivate(request: HttpRequest, person_id: uuid.UUID) -> HttpResponse:
    person, _can_edit = get_person_for(request, person_id)
    if not person.is_active:
        person.reactivate()
        if person.has_usable_password():
            text = _("%(name)s is active again and can log in.")
        else:
            text = _("%(name)s is active again. Send an invitation so they can set a password.")
        messages.success(request, text % {"name": person.name})
    return redirect("people:detail", person_id=person.pk)


def _invite(request: HttpRequest, person: Person, invited_by: Person) -> None:
    """Send the invitation mail; a mail server problem becomes a message, not an error page."""
    try:
        send_invitation(person, invited_by=invited_by)
    except (smtplib.SMTPException, OSError):
        logger.exception("Sending the invitation to %s failed", person.pk)
        messages.error(
            request,
            _(
                "The invitation to %(email)s could not be sent: the mail server did not "
                "accept it. Try again later with “Send invitation again”."
            )
            % {"email": person.email},
        )
    else:
        messages.success(
            request, _("An invitation is on its way to %(email)s.") % {"email": person.email}
        )


@dataclass
class InvitationState:
    """Where a person stands with their invitation: the latest one and what it means."""

    status: str  # "none", "pending", "expired", "accepted" or "password"
    invitation: Invitation | None

    @classmethod
    def of(cls, person: Person) -> InvitationState:
        latest = person.invitations.order_by("-created_at").first()
        if person.has_usable_password():
            used = latest is not None and latest.used_at is not None
            return cls("accepted" if used else "password", latest)
        if latest is None or latest.revoked or latest.used_at is not None:
            return cls("none", latest)
        if latest.expires_at <= timezone.now():
            return cls("expired", latest)
        return cls("pending", latest)

    @property
    def can_resend(self) -> bool:
        return self.status in {"none", "pending", "expired"}
