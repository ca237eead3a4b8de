"""The team pages: admins add, change and remove teams; HR and members read."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tweespraak.accounts.access import (
    admin_required,
    can_read_people,
    current_person,
    get_team_for,
    people_reader_required,
)
from tweespraak.accounts.forms_people import TeamForm
from tweespraak.accounts.models import Team


@people_reader_required
def team_list(request: HttpRequest) -> HttpResponse:
    me = current_person(request)
    teams = Team.objects.filter(workspace=me.workspace).annotate(
        member_count=Count("members", filter=Q(members__is_active=True))
    )
    return render(
        request, "accounts/team_list.html", {"teams": teams, "can_edit": me.is_workspace_admin}
    )


@login_required
def team_detail(request: HttpRequest, team_id: uuid.UUID) -> HttpResponse:
    team, can_edit = get_team_for(request, team_id)
    members = team.members.active().select_related("manager").order_by("name")
    context = {
        "team": team,
        "members": members,
        "can_edit": can_edit,
        "can_read_people": can_read_people(current_person(request)),
    }
    return render(request, "accounts/team_detail.html", context)


@admin_required
def team_add(request: HttpRequest) -> HttpResponse:
    form = TeamForm(request.POST or None, workspace=current_person(request).workspace)
    if request.method == "POST" and form.is_valid():
        team = form.save()
        messages.success(request, _("The team %(name)s is added.") % {"name": team.name})
        return redirect("teams:detail", team_id=team.pk)
    return render(request, "accounts/team_form.html", {"form": form})


@admin_required
def team_edit(request: HttpRequest, team_id: uuid.UUID) -> HttpResponse:
    team, _can_edit = get_team_for(request, team_id)
    form = TeamForm(request.POST or None, instance=team, workspace=team.workspace)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The changes are saved."))
        return redirect("teams:detail", team_id=team.pk)
    return render(request, "accounts/team_form.html", {"form": form, "team": team})


@require_http_methods(["GET", "POST"])
@admin_required
def team_delete(request: HttpRequest, team_id: uuid.UUID) -> HttpResponse:
    """A confirmation page; the POST removes the team, its members stay in the workspace."""
    team, _can_edit = get_team_for(request, team_id)
    if request.method == "POST":
        name = team.name
        team.delete()
        messages.success(
            request,
            _("The team %(name)s is removed. Its members are still in the workspace.")
            % {"name": name},
        )
        return redirect("teams:list")
    member_count = team.members.count()
    return render(
        request, "accounts/team_delete.html", {"team": team, "member_count": member_count}
    )
