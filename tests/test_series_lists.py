"""My 1:1s, my history with one person, and HR's overview: metadata only, constant queries."""

from __future__ import annotations

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.conftest import make_person
from tweespraak.meetings.models import Agreement, Meeting, MeetingStatus, Note, Series, TalkingPoint

_numbers = itertools.count()


def one_on_one(cast, manager, report=None, held=1, **extra):
    """A series with `held` past meetings full of content, and its next meeting."""
    number = next(_numbers)
    if report is None:
        report = make_person(cast.workspace, f"Medewerker {number}", f"m{number}@werkplaats.test")
        report.set_manager(manager)
    start = timezone.now() - datetime.timedelta(days=7 * (held + 1))
    series = Series.objects.create(
        workspace=cast.workspace,
        manager=manager,
        report=report,
        cadence="weekly",
        starts_at=start,
        **extra,
    )
    for week in range(held):
        when = start + datetime.timedelta(weeks=week)
        meeting = Meeting.objects.create(
            series=series,
            planned_at=when,
            scheduled_at=when,
            status=MeetingStatus.HELD,
            held_at=when,
        )
        TalkingPoint.objects.create(
            series=series, author=report, text="GEHEIM-PUNT", discussed_in=meeting
        )
        Note.objects.create(meeting=meeting, body="GEHEIM-VERSLAG")
        Note.objects.create(meeting=meeting, is_private=True, author=manager, body="GEHEIM-PRIVE")
        Agreement.objects.create(
            series=series, meeting=meeting, owner=report, text="GEHEIM-AFSPRAAK"
        )
    series.ensure_next_meeting()
    return series


def queries(client, url, **params):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    return len(captured.captured_queries)


def test_my_list_shows_both_roles_and_ended_series_apart(cast, series):
    mentor = one_on_one(cast, cast.chris, cast.anouk, kind="mentor")
    ended = one_on_one(cast, cast.anouk)
    ended.end("Vertrokken")
    text = cast.client_for(cast.anouk).get(reverse("series:list")).content.decode()
    leading, rest = text.split("With my manager or mentor")
    joining, ended_part = rest.split("Ended series")
    assert "Bram Jansen" in leading
    assert "Chris Bakker" in joining
    assert ended.report.name in ended_part
    assert ended.report.name not in leading
    assert reverse("series:detail", args=[mentor.pk]) in joining
    assert "Tuesday 6 January 2026, 09:00" in leading
    assert "of 1 held on time" in leading


def test_my_list_keeps_its_query_count_as_series_grow(cast):
    client = cast.client_for(cast.anouk)
    url = reverse("series:list")
    one_on_one(cast, cast.anouk)
    few = queries(client, url)
    for _ in range(9):
        one_on_one(cast, cast.anouk, held=3)
    assert queries(client, url) == few


def test_my_history_with_a_person_spans_all_our_series(cast, series):
    old = one_on_one(cast, cast.hanna, cast.bram, held=2)
    old.end("Nieuwe manager")
    TalkingPoint.objects.filter(series=old).update(text="Scholing aangevraagd")
    text = cast.client_for(cast.bram).get(reverse("series:person", args=[cast.hanna.pk]))
    assert "History with Hanna Visser" in text.content.decode()
    response = cast.client_for(cast.bram).get(
        reverse("series:person", args=[cast.hanna.pk]), {"q": "scholing"}
    )
    assert "2 meetings mention" in response.content.decode()
    assert "<mark>Scholing</mark> aangevraagd" in response.content.decode()


def test_history_with_a_person_keeps_its_query_count(cast):
    client = cast.client_for(cast.anouk)
    first = one_on_one(cast, cast.anouk, held=2)
    url = reverse("series:person", args=[first.report.pk])
    few = queries(client, url, q="geheim")
    second = one_on_one(cast, cast.anouk, first.report, held=12)
    first.end("Opnieuw begonnen")
    assert second.meetings.count() == 13
    assert queries(client, url, q="geheim") == few


@pytest.mark.parametrize("person", ["hanna", "willem"])
def test_the_overview_shows_metadata_and_never_content(cast, person):
    one_on_one(cast, cast.anouk, cast.bram, held=3, location="GEHEIM-PLEK")
    text = cast.client_for(getattr(cast, person)).get(reverse("series:overview")).content.decode()
    assert "Anouk de Vries" in text
    assert "Bram Jansen" in text
    assert "3 of 4" in text  # and the fourth, planned a week ago, is overdue
    assert "GEHEIM" not in text


def test_the_overview_filters_by_manager_and_team(cast):
    one_on_one(cast, cast.anouk, cast.bram)
    other = one_on_one(cast, cast.willem, cast.hanna)
    client = cast.client_for(cast.hanna)
    by_manager = client.get(reverse("series:overview"), {"manager": str(cast.willem.pk)})
    assert "Bram Jansen" not in by_manager.content.decode()
    assert other.report.name in by_manager.content.decode()
    by_team = client.get(reverse("series:overview"), {"team": str(cast.team.pk)})
    assert "Bram Jansen" in by_team.content.decode()
    assert "Willem Smit" not in by_team.content.decode().split("<table")[1]
    assert by_team.context["page"].paginator.count == 1


def test_the_overview_is_paginated_and_keeps_its_query_count(cast, settings):
    client = cast.client_for(cast.willem)
    url = reverse("series:overview")
    one_on_one(cast, cast.anouk)
    few = queries(client, url)
    for _ in range(9):
        one_on_one(cast, cast.anouk, held=2)
    assert queries(client, url) == few
    from tweespraak.meetings.views import series as views

    views.OVERVIEW_PAGE_SIZE, original = 4, views.OVERVIEW_PAGE_SIZE
    try:
        response = client.get(url, {"page": 3})
    finally:
        views.OVERVIEW_PAGE_SIZE = original
    assert "Page 3 of 3" in response.content.decode()
