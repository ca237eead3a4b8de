"""Who may open which team page.

Anonymous visitors log in first; another workspace's team is a 404; HR and members read
a team, only the workspace admin changes one; people without a role see no team list.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from tweespraak.accounts.models import Team

# (url name, HTTP method, whether it needs a team, HR may use it)
VIEWS = [
    ("teams:list", "get", False, True),
    ("teams:add", "get", False, False),
    ("teams:add", "post", False, False),
    ("teams:detail", "get", True, True),
    ("teams:edit", "get", True, False),
    ("teams:edit", "post", True, False),
    ("teams:delete", "get", True, False),
    ("teams:delete", "post", True, False),
]
IDS = [f"{method}-{name}" for name, method, *_ in VIEWS]
OBJECT_VIEWS = [view for view in VIEWS if view[2]]
OBJECT_IDS = [f"{method}-{name}" for name, method, *_ in OBJECT_VIEWS]


@pytest.fixture
def office(cast) -> Team:
    """A team without Bram, Chris or Anouk in it."""
    team = Team.objects.create(workspace=cast.workspace, name="Kantoor")
    team.members.add(cast.willem)
    return team


def url_for(name: str, needs_team: bool, team: Team) -> str:
    return reverse(name, args=[team.pk]) if needs_team else reverse(name)


@pytest.mark.parametrize(("name", "method", "needs_team", "hr_may"), VIEWS, ids=IDS)
def test_anonymous_visitor_is_sent_to_login(client, cast, name, method, needs_team, hr_may):
    response = getattr(client, method)(url_for(name, needs_team, cast.team))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(("name", "method", "needs_team", "hr_may"), OBJECT_VIEWS, ids=OBJECT_IDS)
def test_someone_from_another_workspace_gets_404(cast, name, method, needs_team, hr_may):
    response = getattr(cast.client_for(cast.dana), method)(url_for(name, needs_team, cast.team))
    assert response.status_code == 404
    assert Team.objects.filter(pk=cast.team.pk).exists()


def test_someone_from_another_workspace_sees_only_their_own_teams(cast):
    Team.objects.create(workspace=cast.other_workspace, name="Verkoop")
    response = cast.client_for(cast.dana).get(reverse("teams:list"))
    text = response.content.decode()
    assert "Verkoop" in text
    assert "Productie" not in text


@pytest.mark.parametrize("who", ["bram", "chris", "anouk"])
@pytest.mark.parametrize(("name", "method", "needs_team", "hr_may"), VIEWS, ids=IDS)
def test_people_without_admin_or_hr_role_get_403(
    cast, office, who, name, method, needs_team, hr_may
):
    client = cast.client_for(getattr(cast, who))
    response = getattr(client, method)(url_for(name, needs_team, office))
    assert response.status_code == 403


@pytest.mark.parametrize("name", ["teams:edit", "teams:delete"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_member_without_admin_role_cannot_change_their_team(cast, name, method):
    client = cast.client_for(cast.bram)
    response = getattr(client, method)(reverse(name, args=[cast.team.pk]), {"name": "Changed"})
    assert response.status_code == 403
    cast.team.refresh_from_db()
    assert cast.team.name == "Productie"


def test_a_member_reads_their_own_team(cast):
    response = cast.client_for(cast.bram).get(reverse("teams:detail", args=[cast.team.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Chris Bakker" in text
    assert reverse("people:detail", args=[cast.chris.pk]) not in text  # he may not open it
    assert reverse("teams:edit", args=[cast.team.pk]) not in text


@pytest.mark.parametrize(("name", "method", "needs_team", "hr_may"), VIEWS, ids=IDS)
def test_hr_reads_but_changes_nothing(cast, name, method, needs_team, hr_may):
    client = cast.client_for(cast.hanna)
    response = getattr(client, method)(url_for(name, needs_team, cast.team), {"name": "Changed"})
    assert response.status_code == (200 if hr_may else 403)
    assert list(Team.objects.filter(workspace=cast.workspace).values_list("name", flat=True)) == [
        "Productie"
    ]


def test_hr_sees_no_buttons_to_change_anything(cast):
    client = cast.client_for(cast.hanna)
    listing = client.get(reverse("teams:list")).content.decode()
    assert reverse("teams:add") not in listing
    assert reverse("teams:edit", args=[cast.team.pk]) not in listing
    page = client.get(reverse("teams:detail", args=[cast.team.pk])).content.decode()
    assert reverse("teams:delete", args=[cast.team.pk]) not in page


@pytest.mark.parametrize(
    ("name", "needs_team"),
    [
        ("teams:list", False),
        ("teams:add", False),
        ("teams:detail", True),
        ("teams:edit", True),
        ("teams:delete", True),
    ],
)
def test_the_workspace_admin_may_open_every_page(cast, name, needs_team):
    response = cast.client_for(cast.willem).get(url_for(name, needs_team, cast.team))
    assert response.status_code == 200
