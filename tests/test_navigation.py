"""The main navigation follows the person's roles."""

from __future__ import annotations

from django.urls import reverse


def nav_urls(client):
    return [item["url"] for item in client.get(reverse("home")).context["nav_items"]]


def test_employee_sees_home_their_one_on_ones_and_agreements(cast):
    assert nav_urls(cast.client_for(cast.bram)) == [
        reverse("home"),
        reverse("series:list"),
        reverse("agreements:mine"),
    ]


def test_admin_and_hr_see_people_and_teams(cast):
    for person in (cast.willem, cast.hanna):
        urls = nav_urls(cast.client_for(person))
        assert reverse("people:list") in urls
        assert reverse("teams:list") in urls
        assert reverse("series:overview") in urls


def test_current_page_is_marked_for_screen_readers(cast):
    response = cast.client_for(cast.bram).get(reverse("home"))
    assert 'aria-current="page"' in response.content.decode()


def test_workspace_figures_on_home_only_for_admin_and_hr(cast):
    assert cast.client_for(cast.bram).get(reverse("home")).context["workspace_counts"] is None
    counts = cast.client_for(cast.willem).get(reverse("home")).context["workspace_counts"]
    assert counts == {"active": 5, "invited": 0, "teams": 1}


def test_home_page_queries_stay_few(cast, django_assert_max_num_queries):
    client = cast.client_for(cast.anouk)
    with django_assert_max_num_queries(8):
        client.get(reverse("home"))
