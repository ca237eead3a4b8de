"""Who may open which series page, and who may change a series or move a meeting.

Participants (Anouk and Bram) use every page of their series. Everyone else gets a
404, the manager's manager, HR and the admin included: a 1:1 is not theirs to see.
An ended series stays readable, but changing it is a 403. HR and admins have their
own overview with metadata only; for everyone else that page is a 403.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from tweespraak.meetings.models import MeetingStatus

# (url name, method, kind of object in the URL)
SERIES_VIEWS = [
    ("series:detail", "get", "series"),
    ("series:edit", "get", "series"),
    ("series:edit", "post", "series"),
    ("series:end", "get", "series"),
    ("series:end", "post", "series"),
    ("series:person", "get", "person"),
    ("meetings:reschedule", "get", "meeting"),
    ("meetings:reschedule", "post", "meeting"),
    ("meetings:skip", "get", "meeting"),
    ("meetings:skip", "post", "meeting"),
    ("meetings:cancel", "get", "meeting"),
    ("meetings:cancel", "post", "meeting"),
]
CHANGES = [view for view in SERIES_VIEWS if view[2] != "person" and view[0] != "series:detail"]
OPEN_VIEWS = [("series:list", "get"), ("series:add", "get"), ("series:add", "post")]
IDS = [f"{method}-{name}" for name, method, _kind in SERIES_VIEWS]
CHANGE_IDS = [f"{method}-{name}" for name, method, _kind in CHANGES]
OUTSIDERS = ["manager_of_manager", "chris", "hanna", "willem", "dana"]


def url_for(name, kind, series, person):
    obj = {
        "series": series,
        "meeting": series.upcoming_meeting(),
        "person": person,
    }[kind]
    return reverse(name, args=[obj.pk])


def who(cast, name):
    if name == "manager_of_manager":
        cast.anouk.set_manager(cast.willem)
        return cast.willem
    return getattr(cast, name)


@pytest.mark.parametrize(("name", "method", "kind"), SERIES_VIEWS, ids=IDS)
def test_anonymous_visitor_is_sent_to_login(client, series, cast, name, method, kind):
    response = getattr(client, method)(url_for(name, kind, series, cast.bram))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(("name", "method"), [*OPEN_VIEWS, ("series:overview", "get")])
def test_anonymous_visitor_is_sent_to_login_for_lists(client, db, name, method):
    response = getattr(client, method)(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("participant", ["anouk", "bram"])
@pytest.mark.parametrize(("name", "method", "kind"), SERIES_VIEWS, ids=IDS)
def test_both_participants_may_use_every_page(series, cast, participant, name, method, kind):
    me = getattr(cast, participant)
    other = series.other_participant(me)
    response = getattr(cast.client_for(me), method)(url_for(name, kind, series, other))
    # A POST without data re-renders the form with errors: 200, nothing changed.
    assert response.status_code == 200
    series.refresh_from_db()
    assert series.ended_at is None
    assert series.upcoming_meeting().status == MeetingStatus.PLANNED


@pytest.mark.parametrize("outsider", OUTSIDERS)
@pytest.mark.parametrize(("name", "method", "kind"), SERIES_VIEWS, ids=IDS)
def test_everyone_else_gets_404(series, cast, outsider, name, method, kind):
    person = who(cast, outsider)
    response = getattr(cast.client_for(person), method)(
        url_for(name, kind, series, cast.bram),
        *([{"reason": "Weg", "day": "2099-01-01", "time": "10:00"}] if method == "post" else []),
    )
    assert response.status_code == 404
    series.refresh_from_db()
    assert series.ended_at is None
    assert series.meetings.get().status == MeetingStatus.PLANNED


@pytest.mark.parametrize("participant", ["anouk", "bram"])
@pytest.mark.parametrize(("name", "method", "kind"), CHANGES, ids=CHANGE_IDS)
def test_an_ended_series_cannot_be_changed(series, cast, participant, name, method, kind):
    meeting = series.upcoming_meeting()
    series.end("Bram gaat naar een ander team", by=cast.anouk)
    url = reverse(name, args=[meeting.pk if kind == "meeting" else series.pk])
    data = {"reason": "Toch", "day": "2099-01-01", "time": "10:00"}
    response = getattr(cast.client_for(getattr(cast, participant)), method)(url, data)
    assert response.status_code == 403


@pytest.mark.parametrize("participant", ["anouk", "bram"])
def test_an_ended_series_stays_readable_for_both(series, cast, participant):
    series.end("Bram gaat naar een ander team", by=cast.anouk)
    client = cast.client_for(getattr(cast, participant))
    response = client.get(reverse("series:detail", args=[series.pk]))
    assert response.status_code == 200
    assert "Bram gaat naar een ander team" in response.content.decode()
    other = series.other_participant(getattr(cast, participant))
    assert client.get(reverse("series:person", args=[other.pk])).status_code == 200


@pytest.mark.parametrize("person", ["anouk", "bram", "chris", "hanna", "willem", "dana"])
@pytest.mark.parametrize(("name", "method"), OPEN_VIEWS)
def test_everyone_logged_in_has_a_list_and_may_start_a_series(cast, person, name, method):
    response = getattr(cast.client_for(getattr(cast, person)), method)(reverse(name))
    assert response.status_code == 200


@pytest.mark.parametrize("person", ["anouk", "bram", "chris"])
def test_the_overview_is_403_without_hr_or_admin_role(cast, series, person):
    response = cast.client_for(getattr(cast, person)).get(reverse("series:overview"))
    assert response.status_code == 403


def test_the_overview_is_403_for_the_managers_manager_without_a_role(cast, series):
    cast.chris.is_manager = True
    cast.chris.save(update_fields=["is_manager"])
    cast.anouk.set_manager(cast.chris)
    response = cast.client_for(cast.chris).get(reverse("series:overview"))
    assert response.status_code == 403


@pytest.mark.parametrize("person", ["hanna", "willem"])
def test_hr_and_admin_open_the_overview(cast, series, person):
    response = cast.client_for(getattr(cast, person)).get(reverse("series:overview"))
    assert response.status_code == 200
    assert "Bram Jansen" in response.content.decode()


def test_another_workspace_sees_none_of_our_series(cast, series):
    client = cast.client_for(cast.dana)
    for name in ("series:overview", "series:list", "series:add"):
        text = client.get(reverse(name)).content.decode()
        assert "Bram Jansen" not in text
        assert "Anouk de Vries" not in text


def test_someone_from_another_workspace_cannot_start_a_series_with_our_people(cast):
    response = cast.client_for(cast.dana).post(
        reverse("series:add"),
        {"kind": "mentor", "person": str(cast.bram.pk), "cadence": "weekly"},
    )
    assert response.status_code == 200
    assert "Choose a colleague from the list." in response.content.decode()
    assert not cast.bram.joined_series.exists()


def test_a_person_i_share_no_series_with_is_404(cast, series):
    client = cast.client_for(cast.anouk)
    assert client.get(reverse("series:person", args=[cast.chris.pk])).status_code == 404
    assert client.get(reverse("series:person", args=[cast.anouk.pk])).status_code == 404
    assert client.get(reverse("series:person", args=[cast.dana.pk])).status_code == 404
