"""The people list: search, filters, htmx updates, pagination and bounded queries."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import make_person
from tweespraak.accounts.models import Person, Team

URL = "/people/"


def names(response) -> set[str]:
    return {person.name for person in response.context["page"].object_list}


@pytest.fixture
def willem(cast):
    return cast.client_for(cast.willem)


def test_the_url_is_people(cast):
    assert reverse("people:list") == URL


def test_the_admin_sees_everyone_with_teams_manager_roles_and_status(cast, willem):
    cast.chris.set_unusable_password()
    cast.chris.save()
    response = willem.get(URL)
    assert names(response) == {
        "Anouk de Vries",
        "Bram Jansen",
        "Chris Bakker",
        "Hanna Visser",
        "Willem Smit",
    }
    text = response.content.decode()
    assert "bram@werkplaats.test" in text
    assert "Productie" in text
    assert "workspace admin" in text
    assert "invitation pending" in text
    assert 'data-label="Manager">Anouk de Vries' in text


def test_the_header_links_to_import_and_export(cast, willem):
    text = willem.get(URL).content.decode()
    assert reverse("imports:upload") in text
    assert reverse("imports:export") in text
    assert reverse("people:add") in text


def test_someone_from_another_workspace_sees_only_their_own_people(cast):
    response = cast.client_for(cast.dana).get(URL)
    assert response.status_code == 200
    assert names(response) == {"Dana Mulder"}
    text = response.content.decode()
    for person in (cast.anouk, cast.bram, cast.chris, cast.hanna, cast.willem):
        assert person.name not in text
    assert "Productie" not in text  # not even in the team filter


def test_search_finds_by_name_and_by_email(cast, willem):
    assert names(willem.get(URL, {"q": "jans"})) == {"Bram Jansen"}
    assert names(willem.get(URL, {"q": "HANNA@"})) == {"Hanna Visser"}


def test_filter_by_team(cast, willem):
    office = Team.objects.create(workspace=cast.workspace, name="Kantoor")
    office.members.add(cast.hanna)
    assert names(willem.get(URL, {"team": str(office.pk)})) == {"Hanna Visser"}
    assert names(willem.get(URL, {"team": "none"})) == {"Willem Smit"}


def test_filter_by_role(cast, willem):
    assert names(willem.get(URL, {"role": "admin"})) == {"Willem Smit"}
    assert names(willem.get(URL, {"role": "hr"})) == {"Hanna Visser"}
    assert names(willem.get(URL, {"role": "manager"})) == {"Anouk de Vries"}


def test_filter_by_manager(cast, willem):
    assert names(willem.get(URL, {"manager": str(cast.anouk.pk)})) == {"Bram Jansen"}
    assert "Bram Jansen" not in names(willem.get(URL, {"manager": "none"}))


def test_filter_by_status(cast, willem):
    cast.chris.set_unusable_password()
    cast.chris.save()
    cast.anouk.deactivate()
    assert names(willem.get(URL, {"status": "pending"})) == {"Chris Bakker"}
    assert names(willem.get(URL, {"status": "deactivated"})) == {"Anouk de Vries"}
    assert names(willem.get(URL, {"status": "active"})) == {
        "Bram Jansen",
        "Hanna Visser",
        "Willem Smit",
    }
    default = names(willem.get(URL))
    assert "Anouk de Vries" not in default
    assert "Chris Bakker" in default
    assert len(names(willem.get(URL, {"status": "all"}))) == 5


def test_search_and_filters_combine(cast, willem):
    response = willem.get(URL, {"q": "a", "team": str(cast.team.pk), "role": "manager"})
    assert names(response) == {"Anouk de Vries"}


def test_a_filter_with_a_bad_value_is_ignored(cast, willem):
    response = willem.get(URL, {"team": "not-a-team", "manager": str(cast.dana.pk)})
    assert response.status_code == 200
    assert len(names(response)) == 5


def test_nobody_matching_says_so(cast, willem):
    text = willem.get(URL, {"q": "zzz"}).content.decode()
    assert "Nobody matches this search" in text


def test_the_filters_update_the_table_with_htmx(cast, willem):
    text = willem.get(URL).content.decode()
    assert 'hx-get="/people/"' in text
    assert 'hx-trigger="input changed delay:300ms, change"' in text
    assert 'hx-target="#people-table"' in text
    assert 'hx-push-url="true"' in text


def test_an_htmx_request_gets_only_the_table(cast, willem):
    response = willem.get(URL, {"q": "bram"}, headers={"HX-Request": "true"})
    text = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in text
    assert "<table" in text
    assert "Bram Jansen" in text
    assert "Hanna Visser" not in text
    assert "HX-Request" in response["Vary"]


def test_an_htmx_history_restore_gets_the_whole_page(cast, willem):
    headers = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    assert "<html" in willem.get(URL, headers=headers).content.decode()


def test_the_list_has_pages_of_50_that_keep_the_filters(cast, willem):
    for number in range(60):
        make_person(cast.workspace, f"Medewerker {number:02d}", f"m{number}@werkplaats.test")
    first = willem.get(URL, {"q": "medewerker"})
    assert len(names(first)) == 50
    text = first.content.decode()
    assert "Page 1 of 2" in text
    assert 'href="?q=medewerker&amp;page=2"' in text
    second = willem.get(URL, {"q": "medewerker", "page": "2"})
    assert len(names(second)) == 10
    assert "Medewerker 59" in names(second)
    assert "Willem Smit" not in names(second)


def test_a_page_number_out_of_range_shows_the_last_page(cast, willem):
    response = willem.get(URL, {"page": "99"})
    assert response.status_code == 200
    assert len(names(response)) == 5


def test_the_number_of_queries_does_not_grow_with_the_people(
    cast, willem, django_assert_max_num_queries
):
    office = Team.objects.create(workspace=cast.workspace, name="Kantoor")
    for number in range(35):
        person = make_person(
            cast.workspace, f"Medewerker {number:02d}", f"m{number}@werkplaats.test"
        )
        person.set_manager(cast.anouk)
        person.teams.add(cast.team, office)
    assert Person.objects.in_workspace(cast.workspace).count() == 40
    with django_assert_max_num_queries(10):
        response = willem.get(URL)
    assert len(names(response)) == 40
    with django_assert_max_num_queries(10):
        willem.get(URL, headers={"HX-Request": "true"})
