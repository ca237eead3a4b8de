from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tweespraak.accounts.access import current_person
from tweespraak.accounts.models import Person, Team


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """What exists for me now: my manager, my teams and their members, my reports."""
    me = current_person(request)
    active_people = Person.objects.active().only("id", "name", "job_title", "email")
    teams = me.teams.prefetch_related(
        Prefetch("members", queryset=active_people.order_by("name"), to_attr="active_members")
    )
    reports = me.direct_reports.active().only("id", "name", "job_title", "email")
    context = {
        "me": me,
        "manager": me.manager,
        "teams": teams,
        "reports": reports,
        "workspace_counts": _workspace_counts(me) if me.is_workspace_admin or me.is_hr else None,
    }
    return render(request, "accounts/home.html", context)


def _workspace_counts(me: Person) -> dict[str, int]:
    people = Person.objects.in_workspace(me.workspace)
    return {
        "active": people.active().count(),
        "invited": people.invitation_pending().count(),
        "teams": Team.objects.filter(workspace=me.workspace).count(),
    }
