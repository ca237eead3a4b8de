"""Who may open the meeting pages and change talking points.

Only the two participants of a series see its meetings and points. Everyone
else gets a 404, whatever their role: the manager's manager, another manager,
HR, the workspace admin and someone from another workspace. Anonymous visitors
go to the login page. On an ended series the participants still read, but every
change answers 403.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse

from tweespraak.meetings.agenda import add_point
from tweespraak.meetings.models import Meeting, Series, TalkingPoint


@dataclass
class Endpoint:
    method: str
    url: str
    data: dict[str, str]
    changes: bool


@dataclass
class World:
    series: Series
    meeting: Meeting
    held: Meeting
    point: TalkingPoint  # Anouk's, shared


@pytest.fixture
def world(cast, series) -> World:  # type: ignore[no-untyped-def]
    held = series.upcoming_meeting()
    held.complete(by=cast.anouk)
    meeting = series.upcoming_meeting()
    point = add_point(series, cast.anouk, "Planning for the holidays")
    return World(series, meeting, held, point)


ENDPOINTS: dict[str, Callable[[World], Endpoint]] = {
    "meeting page": lambda w: Endpoint(
        "get", reverse("meetings:detail", args=[w.meeting.pk]), {}, False
    ),
    "preparation": lambda w: Endpoint(
        "get", reverse("meetings:prepare", args=[w.meeting.pk]), {}, False
    ),
    "live fragment": lambda w: Endpoint(
        "get", reverse("meetings:live", args=[w.meeting.pk]), {}, False
    ),
    "summary": lambda w: Endpoint("get", reverse("meetings:summary", args=[w.held.pk]), {}, False),
    "complete (confirm)": lambda w: Endpoint(
        "get", reverse("meetings:complete", args=[w.meeting.pk]), {}, True
    ),
    "complete": lambda w: Endpoint(
        "post", reverse("meetings:complete", args=[w.meeting.pk]), {}, True
    ),
    "add point": lambda w: Endpoint(
        "post", reverse("points:add", args=[w.series.pk]), {"text": "Something new"}, True
    ),
    "edit point (form)": lambda w: Endpoint(
        "get", reverse("points:edit", args=[w.point.pk]), {}, True
    ),
    "edit point": lambda w: Endpoint(
        "post", reverse("points:edit", args=[w.point.pk]), {"text": "Changed", "section": ""}, True
    ),
    "share point": lambda w: Endpoint("post", reverse("points:share", args=[w.point.pk]), {}, True),
    "move point": lambda w: Endpoint(
        "post", reverse("points:move", args=[w.point.pk]), {"direction": "down"}, True
    ),
    "mark point discussed": lambda w: Endpoint(
        "post",
        reverse("points:discussed", args=[w.point.pk]),
        {"meeting": str(w.meeting.pk)},
        True,
    ),
    "delete point": lambda w: Endpoint(
        "post", reverse("points:delete", args=[w.point.pk]), {}, True
    ),
}
# Edit, share and delete are the author's (Anouk's); Bram gets a 403 there.
AUTHOR_ONLY = {"edit point (form)", "edit point", "share point", "delete point"}


def call(client: Client, endpoint: Endpoint):  # type: ignore[no-untyped-def]
    if endpoint.method == "get":
        return client.get(endpoint.url)
    return client.post(endpoint.url, endpoint.data)


@pytest.mark.parametrize("name", ENDPOINTS)
def test_anonymous_visitors_go_to_the_login_page(client, world, name):
    response = call(client, ENDPOINTS[name](world))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("name", ENDPOINTS)
def test_the_author_and_participant_may(cast, world, name):
    response = call(cast.client_for(cast.anouk), ENDPOINTS[name](world))
    assert response.status_code in (200, 204, 302)


@pytest.mark.parametrize("name", ENDPOINTS)
def test_the_other_participant_may_except_changing_someone_elses_point(cast, world, name):
    response = call(cast.client_for(cast.bram), ENDPOINTS[name](world))
    if name in AUTHOR_ONLY:
        assert response.status_code == 403
    else:
        assert response.status_code in (200, 204, 302)


@pytest.mark.parametrize("name", ENDPOINTS)
@pytest.mark.parametrize("who", ["managers_manager", "other_manager", "hr", "admin", "elsewhere"])
def test_everyone_else_gets_404(cast, world, name, who):
    if who == "managers_manager":
        cast.anouk.set_manager(cast.willem)
        person = cast.willem
    elif who == "other_manager":
        cast.chris.is_manager = True
        cast.chris.save(update_fields=["is_manager"])
        person = cast.chris
    else:
        person = {"hr": cast.hanna, "admin": cast.willem, "elsewhere": cast.dana}[who]
    response = call(cast.client_for(person), ENDPOINTS[name](world))
    assert response.status_code == 404


@pytest.mark.parametrize("name", ENDPOINTS)
def test_on_an_ended_series_participants_read_but_cannot_change(cast, world, name):
    world.series.end("Bram moved to another team", by=cast.anouk)
    endpoint = ENDPOINTS[name](world)
    response = call(cast.client_for(cast.anouk), endpoint)
    if endpoint.changes:
        assert response.status_code == 403
    else:
        assert response.status_code in (200, 286)


def test_a_private_point_is_a_404_for_the_other_participant(cast, world):
    secret = add_point(world.series, cast.bram, "Thinking about leaving", is_private=True)
    anouk = cast.client_for(cast.anouk)
    for name in ("points:edit", "points:share", "points:move", "points:delete", "points:discussed"):
        response = anouk.post(
            reverse(name, args=[secret.pk]), {"meeting": str(world.meeting.pk), "direction": "up"}
        )
        assert response.status_code == 404, name
    secret.refresh_from_db()
    assert secret.is_private
    assert secret.discussed_in is None
