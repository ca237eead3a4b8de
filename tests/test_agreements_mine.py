"""My agreements: one list across all my series, grouped by when they are due."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tweespraak.meetings.models import Agreement, Series
from tweespraak.meetings.my_agreements import my_agreements_context

HTMX = {"HTTP_HX_REQUEST": "true"}


def new_series(cast, manager, report):  # type: ignore[no-untyped-def]
    series = Series.objects.create(
        workspace=cast.workspace,
        manager=manager,
        report=report,
        starts_at=timezone.now() + datetime.timedelta(days=3),
        created_by=manager,
    )
    series.ensure_next_meeting()
    return series


def agree(series, owner, text, due_on=None):  # type: ignore[no-untyped-def]
    return Agreement.objects.create(
        series=series, meeting=series.upcoming_meeting(), owner=owner, text=text, due_on=due_on
    )


def test_my_open_agreements_are_grouped_by_when_they_are_due(cast, series):
    today = datetime.date(2026, 3, 4)  # a Wednesday
    agree(series, cast.anouk, "Late", datetime.date(2026, 3, 1))
    agree(series, cast.anouk, "Friday", datetime.date(2026, 3, 6))
    agree(series, cast.anouk, "Sunday", datetime.date(2026, 3, 8))
    agree(series, cast.anouk, "Next month", datetime.date(2026, 4, 1))
    agree(series, cast.anouk, "Whenever")
    agree(series, cast.bram, "Bram's own")
    agree(series, cast.anouk, "Finished").mark_done()
    groups = my_agreements_context(cast.anouk, today=today)["groups"]
    assert [(g.key, [r.agreement.text for r in g.rows]) for g in groups] == [
        ("overdue", ["Late"]),
        ("week", ["Friday", "Sunday"]),
        ("later", ["Next month"]),
        ("no-date", ["Whenever"]),
    ]
    assert groups[0].rows[0].overdue
    assert groups[0].rows[0].other_person == cast.bram


def test_the_page_shows_the_other_person_a_badge_for_overdue_and_a_link(cast, series):
    agreement = agree(series, cast.bram, "Send the report", datetime.date(2020, 1, 1))
    html = cast.client_for(cast.bram).get(reverse("agreements:mine")).content.decode()
    assert "Send the report" in html
    assert "with Anouk de Vries" in html
    assert '<span class="badge badge-danger">Overdue</span>' in html
    assert f'href="/meetings/{agreement.meeting_id}/"' in html


def test_agreements_across_my_series_with_different_people(cast, series):
    mentor = new_series(cast, cast.chris, cast.anouk)
    agree(series, cast.anouk, "For Bram")
    agree(mentor, cast.anouk, "For Chris")
    html = cast.client_for(cast.anouk).get(reverse("agreements:mine")).content.decode()
    assert "For Bram" in html
    assert "with Bram Jansen" in html
    assert "For Chris" in html
    assert "with Chris Bakker" in html


def test_the_done_filter_shows_the_finished_ones(cast, series):
    agree(series, cast.anouk, "Still open")
    agree(series, cast.anouk, "All finished").mark_done()
    client = cast.client_for(cast.anouk)
    html = client.get(reverse("agreements:mine"), {"status": "done"}).content.decode()
    assert "All finished" in html
    assert "Still open" not in html
    assert "Reopen" in html


def test_nothing_open_says_so(cast, series):
    html = cast.client_for(cast.anouk).get(reverse("agreements:mine")).content.decode()
    assert "You have no open agreements" in html


def test_marking_done_from_the_list_answers_with_the_list(cast, series):
    agreement = agree(series, cast.anouk, "Tick me")
    url = reverse("agreements:done", args=[agreement.pk])
    response = cast.client_for(cast.anouk).post(url, {"status": "open"}, **HTMX)
    html = response.content.decode()
    assert 'id="my-agreements"' in html
    assert "Tick me" not in html
    agreement.refresh_from_db()
    assert agreement.status == "done"


def test_an_ended_series_shows_its_open_agreements_without_buttons(cast, series):
    agree(series, cast.anouk, "Left over")
    series.end("Bram left", by=cast.anouk)
    html = cast.client_for(cast.anouk).get(reverse("agreements:mine")).content.decode()
    assert "Left over" in html
    assert "Series ended" in html
    assert "Mark done" not in html


def _count_queries(client) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("agreements:mine"))
    assert response.status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_agreements_or_series(
    cast, series, django_assert_max_num_queries
):
    client = cast.client_for(cast.anouk)
    agree(series, cast.anouk, "Only one", datetime.date(2020, 1, 1))
    with django_assert_max_num_queries(8):
        client.get(reverse("agreements:mine"))
    few = _count_queries(client)
    more = [new_series(cast, cast.chris, cast.anouk), new_series(cast, cast.anouk, cast.hanna)]
    for number in range(9):
        agree([series, *more][number % 3], cast.anouk, f"Item {number}", None)
    assert Agreement.objects.filter(owner=cast.anouk).count() == 10
    assert _count_queries(client) == few
    done = cast.client_for(cast.anouk)
    with CaptureQueriesContext(connection) as queries:
        done.get(reverse("agreements:mine"), {"status": "done"})
    assert len(queries) <= few


@pytest.mark.parametrize("who", ["bram", "chris", "hanna", "willem", "dana"])
def test_everyone_sees_only_their_own_agreements(cast, series, who):
    agree(series, cast.anouk, "Anouk's task")
    response = cast.client_for(getattr(cast, who)).get(reverse("agreements:mine"))
    assert response.status_code == 200
    assert "Anouk's task" not in response.content.decode()


def test_anonymous_visitors_go_to_login(client, db):
    response = client.get(reverse("agreements:mine"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
