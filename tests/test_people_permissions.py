"""Who may open which people page.

Anonymous visitors log in first; another workspace's person is a 404; people without
the admin or HR role get a 403; HR reads but changes nothing; the workspace admin does it all.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

# (url name, HTTP method, whether it needs a person, HR may use it)
VIEWS = [
    ("people:list", "get", False, True),
    ("people:add", "get", False, False),
    ("people:add", "post", False, False),
    ("people:detail", "get", True, True),
    ("people:edit", "get", True, False),
    ("people:edit", "post", True, False),
    ("people:invite", "post", True, False),
    ("people:deactivate", "get", True, False),
    ("people:deactivate", "post", True, False),
    ("people:reactivate", "post", True, False),
]
IDS = [f"{method}-{name}" for name, method, *_ in VIEWS]
OBJECT_VIEWS = [view for view in VIEWS if view[2]]
OBJECT_IDS = [f"{method}-{name}" for name, method, *_ in OBJECT_VIEWS]


def url_for(name: str, needs_person: bool, person) -> str:
    return reverse(name, args=[person.pk]) if needs_person else reverse(name)


@pytest.mark.parametrize(("name", "method", "needs_person", "hr_may"), VIEWS, ids=IDS)
def test_anonymous_visitor_is_sent_to_login(client, cast, name, method, needs_person, hr_may):
    response = getattr(client, method)(url_for(name, needs_person, cast.anouk))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(("name", "method", "needs_person", "hr_may"), OBJECT_VIEWS, ids=OBJECT_IDS)
def test_someone_from_another_workspace_gets_404(cast, name, method, needs_person, hr_may):
    client = cast.client_for(cast.dana)  # admin and HR, but of Elders BV
    response = getattr(client, method)(url_for(name, needs_person, cast.anouk))
    assert response.status_code == 404
    cast.anouk.refresh_from_db()
    assert cast.anouk.is_active


def test_someone_from_another_workspace_gets_404_for_an_unknown_id(cast):
    response = cast.client_for(cast.willem).get("/people/00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404


@pytest.mark.parametrize("who", ["bram", "chris", "anouk"])
@pytest.mark.parametrize(("name", "method", "needs_person", "hr_may"), VIEWS, ids=IDS)
def test_people_without_admin_or_hr_role_get_403(cast, who, name, method, needs_person, hr_may):
    client = cast.client_for(getattr(cast, who))
    target = cast.willem  # never their own record
    response = getattr(client, method)(url_for(name, needs_person, target))
    assert response.status_code == 403


@pytest.mark.parametrize(("name", "method", "needs_person", "hr_may"), VIEWS, ids=IDS)
def test_hr_reads_but_changes_nothing(cast, name, method, needs_person, hr_may):
    client = cast.client_for(cast.hanna)
    data = {"name": "Changed", "email": "changed@werkplaats.test"} if method == "post" else {}
    response = getattr(client, method)(url_for(name, needs_person, cast.bram), data)
    assert response.status_code == (200 if hr_may else 403)
    cast.bram.refresh_from_db()
    assert (cast.bram.name, cast.bram.is_active) == ("Bram Jansen", True)


@pytest.mark.parametrize(
    ("name", "method", "needs_person", "expected"),
    [
        ("people:list", "get", False, 200),
        ("people:add", "get", False, 200),
        ("people:detail", "get", True, 200),
        ("people:edit", "get", True, 200),
        ("people:invite", "post", True, 302),
        ("people:deactivate", "get", True, 200),
        ("people:reactivate", "post", True, 302),
    ],
)
def test_the_workspace_admin_may_use_every_page(cast, name, method, needs_person, expected):
    response = getattr(cast.client_for(cast.willem), method)(url_for(name, needs_person, cast.bram))
    assert response.status_code == expected


def test_a_person_without_a_role_may_see_their_own_record(cast):
    response = cast.client_for(cast.bram).get(reverse("people:detail", args=[cast.bram.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Anouk de Vries" in text
    # No links to pages Bram may not open.
    assert f'href="{reverse("people:list")}"' not in text
    assert reverse("people:detail", args=[cast.anouk.pk]) not in text
    assert reverse("people:edit", args=[cast.bram.pk]) not in text


def test_hr_sees_no_buttons_to_change_anything(cast):
    response = cast.client_for(cast.hanna).get(reverse("people:detail", args=[cast.bram.pk]))
    text = response.content.decode()
    assert reverse("people:edit", args=[cast.bram.pk]) not in text
    assert reverse("people:deactivate", args=[cast.bram.pk]) not in text
    assert reverse("people:invite", args=[cast.bram.pk]) not in text
    listing = cast.client_for(cast.hanna).get(reverse("people:list")).content.decode()
    assert reverse("people:add") not in listing


@pytest.mark.parametrize("name", ["people:invite", "people:reactivate"])
def test_actions_that_change_something_refuse_get(cast, name):
    response = cast.client_for(cast.willem).get(reverse(name, args=[cast.bram.pk]))
    assert response.status_code == 405
