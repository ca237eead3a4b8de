"""One access helper per object type. No view fetches these objects any other way.

Another workspace's object is always a 404, never a 403: its existence is not
revealed. A person in the right workspace without the right role gets a 403.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from tweespraak.accounts.models import Person, PersonQuerySet, Team


def current_person(request: HttpRequest) -> Person:
    user = request.user
    if not isinstance(user, Person):
        raise PermissionDenied
    return user


def can_read_people(person: Person) -> bool:
    """The people pages (names, roles, teams, reporting lines): admins and HR."""
    return person.is_workspace_admin or person.is_hr


def workspace_people(request: HttpRequest) -> PersonQuerySet:
    return Person.objects.in_workspace(current_person(request).workspace)


def parse_id(value: Any) -> uuid.UUID:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        raise Http404 from None


def get_person_for(request: HttpRequest, person_id: Any) -> tuple[Person, bool]:
    """A person of the caller's workspace for the people pages, and whether they may edit.

    Outside the workspace: 404. Inside it without admin or HR role: 403, except the
    caller's own record. Only workspace admins edit.
    """
    me = current_person(request)
    person = (
        workspace_people(request)
        .select_related("manager", "workspace")
        .filter(pk=parse_id(person_id))
        .first()
    )
    if person is None:
        raise Http404
    if not (can_read_people(me) or person.pk == me.pk):
        raise PermissionDenied
    return person, me.is_workspace_admin


def get_team_for(request: HttpRequest, team_id: Any) -> tuple[Team, bool]:
    """A team of the caller's workspace; members and admins/HR may read, admins edit."""
    me = current_person(request)
    team = Team.objects.filter(workspace=me.workspace, pk=parse_id(team_id)).first()
    if team is None:
        raise Http404
    if not (can_read_people(me) or team.members.filter(pk=me.pk).exists()):
        raise PermissionDenied
    return team, me.is_workspace_admin


def admin_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Logged in (else to the login page) and workspace admin (else 403)."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not current_person(request).is_workspace_admin:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def people_reader_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Logged in (else to the login page) and workspace admin or HR (else 403)."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not can_read_people(current_person(request)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
