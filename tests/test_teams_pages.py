"""Teams: the list with member counts, a team's members, adding, editing and removing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import make_person
from tweespraak.accounts.models import Person, Team


@pytest.fixture
def willem(cast):
    return cast.client_for(cast.willem)


def test_the_list_shows_name_description_and_active_member_count(
    cast, willem, django_assert_max_num_queries
):
    cast.team.description = "De werkvloer"
    cast.team.save()
    cast.chris.deactivate()
    for number in range(12):
        Team.objects.create(workspace=cast.workspace, name=f"Team {number:02d}")
    with django_assert_max_num_queries(6):
        response = willem.get(reverse("teams:list"))
    text = response.content.decode()
    assert "De werkvloer" in text
    productie = next(team for team in response.context["teams"] if team.name == "Productie")
    assert productie.member_count == 2
    assert reverse("teams:add") in text
    assert reverse("teams:edit", args=[cast.team.pk]) in text


def test_a_team_shows_its_active_members_with_their_manager(
    cast, willem, django_assert_max_num_queries
):
    cast.chris.deactivate()
    for number in range(20):
        person = make_person(cast.workspace, f"Medewerker {number:02d}", f"m{number}@w.test")
        person.set_manager(cast.anouk)
        cast.team.members.add(person)
    with django_assert_max_num_queries(6):
        response = willem.get(reverse("teams:detail", args=[cast.team.pk]))
    members = list(response.context["members"])
    assert len(members) == 22
    assert cast.chris not in members
    text = response.content.decode()
    assert 'data-label="Manager">Anouk de Vries' in text
    assert "Chris Bakker" not in text


def test_the_admin_adds_a_team_with_members(cast, willem):
    response = willem.post(
        reverse("teams:add"),
        {
            "name": "  Kantoor  ",
            "description": "Planning",
            "members": [str(cast.hanna.pk), str(cast.willem.pk)],
        },
    )
    team = Team.objects.get(workspace=cast.workspace, name="Kantoor")
    assert response.status_code == 302
    assert response["Location"] == reverse("teams:detail", args=[team.pk])
    assert team.description == "Planning"
    assert set(team.members.all()) == {cast.hanna, cast.willem}


def test_members_are_chosen_from_active_people_of_the_workspace(cast, willem):
    cast.chris.deactivate()
    form = willem.get(reverse("teams:add")).context["form"]
    names = {str(person) for person in form.fields["members"].queryset}
    assert names == {"Anouk de Vries", "Bram Jansen", "Hanna Visser", "Willem Smit"}
    response = willem.post(reverse("teams:add"), {"name": "X", "members": [str(cast.dana.pk)]})
    assert response.context["form"].errors["members"]


def test_a_team_name_is_unique_in_the_workspace(cast, willem):
    response = willem.post(reverse("teams:add"), {"name": "productie", "description": "Typed"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "There is already a team called productie" in text
    assert "Typed" in text
    assert Team.objects.filter(workspace=cast.workspace).count() == 1


def test_another_workspace_may_use_the_same_name(cast):
    response = cast.client_for(cast.dana).post(reverse("teams:add"), {"name": "Productie"})
    assert response.status_code == 302
    assert Team.objects.filter(name="Productie").count() == 2


def test_editing_changes_name_and_members_and_keeps_leavers(cast, willem):
    cast.chris.deactivate()
    form = willem.get(reverse("teams:edit", args=[cast.team.pk])).context["form"]
    assert set(form.initial["members"]) == {cast.anouk.pk, cast.bram.pk}
    response = willem.post(
        reverse("teams:edit", args=[cast.team.pk]),
        {"name": "Productie Noord", "members": [str(cast.anouk.pk), str(cast.hanna.pk)]},
    )
    assert response.status_code == 302
    cast.team.refresh_from_db()
    assert cast.team.name == "Productie Noord"
    assert set(cast.team.members.all()) == {cast.anouk, cast.hanna, cast.chris}


def test_editing_refuses_the_name_of_another_team(cast, willem):
    Team.objects.create(workspace=cast.workspace, name="Kantoor")
    response = willem.post(reverse("teams:edit", args=[cast.team.pk]), {"name": "Kantoor"})
    assert "There is already a team called Kantoor" in response.content.decode()


def test_keeping_the_teams_own_name_is_fine(cast, willem):
    response = willem.post(reverse("teams:edit", args=[cast.team.pk]), {"name": "Productie"})
    assert response.status_code == 302


def test_removing_asks_first(cast, willem):
    response = willem.get(reverse("teams:delete", args=[cast.team.pk]))
    text = response.content.decode()
    assert "Its 3 members stay in the workspace" in text
    assert Team.objects.filter(pk=cast.team.pk).exists()


def test_removing_a_team_keeps_its_people(cast, willem):
    response = willem.post(reverse("teams:delete", args=[cast.team.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("teams:list")
    assert "The team Productie is removed" in response.content.decode()
    assert not Team.objects.filter(pk=cast.team.pk).exists()
    assert Person.objects.in_workspace(cast.workspace).active().count() == 5
    cast.bram.refresh_from_db()
    assert cast.bram.manager == cast.anouk
    assert not cast.bram.teams.exists()


def test_removing_refuses_other_methods(cast, willem):
    assert willem.put(reverse("teams:delete", args=[cast.team.pk])).status_code == 405
    assert Team.objects.filter(pk=cast.team.pk).exists()
