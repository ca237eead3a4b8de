"""The JSON API v1: OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs."""

from __future__ import annotations

import uuid
from typing import Any

from django.http import Http404, HttpRequest
from ninja import Field, NinjaAPI, Query, Schema

from tweespraak.accounts.models import Person
from tweespraak.api.auth import TokenAuth
from tweespraak.api.errors import install
from tweespraak.api.pagination import DEFAULT_LIMIT, MAX_LIMIT, page_by_name


class ErrorDetail(Schema):
    code: str
    message: str
    fields: dict[str, list[str]]


class ErrorOut(Schema):
    error: ErrorDetail


class TeamOut(Schema):
    id: uuid.UUID
    name: str


class PersonRef(Schema):
    id: uuid.UUID
    name: str


class MeOut(Schema):
    id: uuid.UUID
    name: str
    email: str
    language: str
    time_zone: str
    roles: list[str]
    manager: PersonRef | None
    teams: list[TeamOut]


class PersonOut(Schema):
    id: uuid.UUID
    name: str
    job_title: str
    manager_id: uuid.UUID | None
    teams: list[TeamOut]


class PeoplePage(Schema):
    items: list[PersonOut]
    next_cursor: str | None


class PageQuery(Schema):
    cursor: str | None = None
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)


ERRORS: dict[int, Any] = {401: ErrorOut, 403: ErrorOut, 422: ErrorOut, 429: ErrorOut}

api = NinjaAPI(
    version="1",
    title="Tweespraak API",
    urls_namespace="api",
    auth=TokenAuth(),
    description="Send a personal access token as `Authorization: Bearer <token>`.",
)
install(api)


def roles_of(person: Person) -> list[str]:
    roles = [
        code
        for code, has in (
            ("workspace_admin", person.is_workspace_admin),
            ("hr", person.is_hr),
            ("manager", person.is_manager),
        )
        if has
    ]
    return [*roles, "employee"]


def caller(request: HttpRequest) -> Person:
    return request.auth.person  # type: ignore[attr-defined]


@api.get("/me", response={200: MeOut, **ERRORS}, tags=["people"])
def me(request: HttpRequest) -> dict[str, Any]:
    person = caller(request)
    return {
        "id": person.pk,
        "name": person.name,
        "email": person.email,
        "language": person.language,
        "time_zone": person.time_zone,
        "roles": roles_of(person),
        "manager": person.manager,
        "teams": list(person.teams.order_by("name")),
    }


def _people(request: HttpRequest) -> Any:
    return Person.objects.in_workspace(caller(request).workspace).active().prefetch_related("teams")


@api.get("/people", response={200: PeoplePage, **ERRORS}, tags=["people"])
def people(request: HttpRequest, page: Query[PageQuery]) -> dict[str, Any]:
    return page_by_name(_people(request), page.cursor, page.limit)


@api.get("/people/{person_id}", response={200: PersonOut, 404: ErrorOut, **ERRORS}, tags=["people"])
def person(request: HttpRequest, person_id: uuid.UUID) -> Person:
    found = _people(request).filter(pk=person_id).first()
    if found is None:
        raise Http404
    return found
