"""Who may add, edit, tick off and reopen agreements.

Participants (Anouk and Bram) may. Everyone else gets a 404: Anouk's own
manager, another manager, HR, the workspace admin, someone from another
workspace. Anonymous visitors go to login. On an ended series: 403.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from tweespraak.meetings.models import Agreement, AgreementStatus

HTMX = {"HTTP_HX_REQUEST": "true"}
OUTSIDERS = ["willem", "chris", "hanna", "dana"]


@pytest.fixture
def world(cast, series):  # type: ignore[no-untyped-def]
    cast.anouk.set_manager(cast.willem)  # Willem: admin and Anouk's own manager
    cast.chris.is_manager = True
    cast.chris.save(update_fields=["is_manager"])
    meeting = series.upcoming_meeting()
    open_one = Agreement.objects.create(
        series=series, meeting=meeting, owner=cast.bram, text="Open one"
    )
    done_one = Agreement.objects.create(
        series=series, meeting=meeting, owner=cast.anouk, text="Done one"
    )
    done_one.mark_done()
    return meeting, open_one, done_one


def endpoints(world, cast):  # type: ignore[no-untyped-def]
    meeting, open_one, done_one = world
    change = {"text": "Changed", "owner": str(cast.anouk.pk)}
    return {
        "add": ("post", reverse("agreements:add", args=[meeting.pk]), change),
        "edit page": ("get", reverse("agreements:edit", args=[open_one.pk]), {}),
        "edit": ("post", reverse("agreements:edit", args=[open_one.pk]), change),
        "done": ("post", reverse("agreements:done", args=[open_one.pk]), {}),
        "reopen": ("post", reverse("agreements:reopen", args=[done_one.pk]), {}),
    }


NAMES = ["add", "edit page", "edit", "done", "reopen"]


def unchanged(world) -> bool:  # type: ignore[no-untyped-def]
    _meeting, open_one, done_one = world
    return (
        Agreement.objects.count() == 2
        and Agreement.objects.get(pk=open_one.pk).text == "Open one"
        and Agreement.objects.get(pk=open_one.pk).status == AgreementStatus.OPEN
        and Agreement.objects.get(pk=done_one.pk).status == AgreementStatus.DONE
    )


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("who", ["anouk", "bram"])
def test_participants_may(cast, world, name, who):
    method, url, data = endpoints(world, cast)[name]
    response = getattr(cast.client_for(getattr(cast, who)), method)(url, data)
    assert response.status_code in (200, 302)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("who", OUTSIDERS)
def test_everyone_else_gets_a_404_and_changes_nothing(cast, world, name, who):
    method, url, data = endpoints(world, cast)[name]
    for headers in (HTMX, {}):
        response = getattr(cast.client_for(getattr(cast, who)), method)(url, data, **headers)
        assert response.status_code == 404
    assert unchanged(world)


@pytest.mark.parametrize("name", NAMES)
def test_anonymous_visitors_go_to_login(client, cast, world, name):
    method, url, data = endpoints(world, cast)[name]
    response = getattr(client, method)(url, data)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert unchanged(world)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("who", ["anouk", "bram"])
def test_participants_of_an_ended_series_get_a_403(cast, series, world, name, who):
    series.end("New manager", by=cast.anouk)
    method, url, data = endpoints(world, cast)[name]
    response = getattr(cast.client_for(getattr(cast, who)), method)(url, data, **HTMX)
    assert response.status_code == 403
    assert unchanged(world)


@pytest.mark.parametrize("name", ["add", "done", "reopen"])
def test_changes_need_a_post(cast, world, name):
    _method, url, _data = endpoints(world, cast)[name]
    assert cast.client_for(cast.anouk).get(url).status_code == 405
