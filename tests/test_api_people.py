"""GET /api/v1/me, /api/v1/people (cursor pages) and /api/v1/people/{id}."""

from __future__ import annotations

import uuid

from django.test import Client

from tests.conftest import make_person
from tweespraak.accounts.models import Person
from tweespraak.api.models import AccessToken


def client_with_token(person: Person) -> Client:
    _, secret = AccessToken.issue(person)
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_me_describes_the_tokens_person(cast):
    body = client_with_token(cast.bram).get("/api/v1/me").json()
    assert body == {
        "id": str(cast.bram.pk),
        "name": "Bram Jansen",
        "email": "bram@werkplaats.test",
        "language": "en",
        "time_zone": cast.bram.time_zone,
        "roles": ["employee"],
        "manager": {"id": str(cast.anouk.pk), "name": "Anouk de Vries"},
        "teams": [{"id": str(cast.team.pk), "name": "Productie"}],
    }


def test_me_lists_machine_readable_roles(cast):
    assert client_with_token(cast.willem).get("/api/v1/me").json()["roles"] == [
        "workspace_admin",
        "employee",
    ]
    assert client_with_token(cast.dana).get("/api/v1/me").json()["manager"] is None


def test_people_lists_the_active_people_of_the_callers_workspace_only(cast):
    cast.chris.deactivate()
    body = client_with_token(cast.bram).get("/api/v1/people").json()
    names = [item["name"] for item in body["items"]]
    assert names == ["Anouk de Vries", "Bram Jansen", "Hanna Visser", "Willem Smit"]
    assert body["next_cursor"] is None
    bram = body["items"][1]
    assert bram == {
        "id": str(cast.bram.pk),
        "name": "Bram Jansen",
        "job_title": "",
        "manager_id": str(cast.anouk.pk),
        "teams": [{"id": str(cast.team.pk), "name": "Productie"}],
    }


def test_people_pages_through_120_people_without_duplicates_or_gaps(
    cast, django_assert_max_num_queries
):
    for number in range(120):
        person = make_person(cast.workspace, f"Person {number % 7}", f"p{number}@werkplaats.test")
        person.teams.add(cast.team)
    client = client_with_token(cast.hanna)
    expected = list(
        Person.objects.filter(workspace=cast.workspace, is_active=True)
        .order_by("name", "id")
        .values_list("id", flat=True)
    )
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        query = {"limit": 50, **({"cursor": cursor} if cursor else {})}
        with django_assert_max_num_queries(5):
            body = client.get("/api/v1/people", query).json()
        seen += [item["id"] for item in body["items"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert pages == 3
    assert seen == [str(pk) for pk in expected]
    assert len(set(seen)) == len(seen) == 125


def test_people_refuses_a_bad_cursor_or_limit_with_422_json(cast):
    client = client_with_token(cast.bram)
    response = client.get("/api/v1/people", {"cursor": "not-a-cursor!"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid"
    assert "cursor" in response.json()["error"]["fields"]
    response = client.get("/api/v1/people", {"limit": 0})
    assert response.status_code == 422
    assert "limit" in response.json()["error"]["fields"]


def test_one_person_of_the_workspace_is_shown(cast):
    response = client_with_token(cast.bram).get(f"/api/v1/people/{cast.chris.pk}")
    assert response.status_code == 200
    assert response.json()["name"] == "Chris Bakker"


def test_a_person_of_another_workspace_is_404_json(cast):
    client = client_with_token(cast.bram)
    for person_id in (cast.dana.pk, uuid.uuid4()):
        response = client.get(f"/api/v1/people/{person_id}")
        assert response.status_code == 404
        assert response.json()["error"] == {
            "code": "not_found",
            "message": "Not found.",
            "fields": {},
        }


def test_a_malformed_person_id_is_422_json(cast):
    response = client_with_token(cast.bram).get("/api/v1/people/not-a-uuid")
    assert response.status_code == 422
    assert list(response.json()["error"]["fields"]) == ["person_id"]
