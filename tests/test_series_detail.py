"""The series page: next meeting, adherence, the change log and a searchable timeline.

The search covers talking points the searcher may see, shared notes, agreements and
the searcher's own private notes, never the other person's. The page runs the same
number of queries with 2 or with 12 past meetings.
"""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tweespraak.meetings.models import Agreement, Meeting, MeetingStatus, Note, TalkingPoint


def hold(series, count, cast):
    """`count` held meetings in the past, each with a point, notes and an agreement."""
    start = timezone.now() - datetime.timedelta(days=14 * (count + 1))
    for number in range(count):
        when = start + datetime.timedelta(days=14 * number)
        meeting = Meeting.objects.create(
            series=series,
            planned_at=when,
            scheduled_at=when,
            status=MeetingStatus.HELD,
            held_at=when,
        )
        TalkingPoint.objects.create(
            series=series, author=cast.bram, text=f"Rooster {number}", discussed_in=meeting
        )
        Note.objects.create(meeting=meeting, body=f"Gedeeld verslag {number}")
        Agreement.objects.create(
            series=series, meeting=meeting, owner=cast.bram, text=f"Cursus {number}"
        )
    return series


def page(cast, person, series, query=""):
    url = reverse("series:detail", args=[series.pk])
    return cast.client_for(person).get(url, {"q": query} if query else {})


def test_the_page_shows_both_people_the_cadence_and_the_next_meeting(cast, series):
    text = page(cast, cast.bram, series).content.decode()
    assert "1:1 with Anouk de Vries" in text
    assert "Every two weeks, Tuesday 09:00 (Europe/Amsterdam)" in text
    assert "Tuesday 6 January 2026, 09:00" in text
    meeting = series.upcoming_meeting()
    assert reverse("meetings:reschedule", args=[meeting.pk]) in text
    assert reverse("meetings:skip", args=[meeting.pk]) in text


def test_adherence_counts_show_to_both_participants(cast, series):
    hold(series, 2, cast)
    late = series.meetings.filter(status=MeetingStatus.HELD).first()
    late.held_at = late.planned_at + datetime.timedelta(days=2)
    late.save(update_fields=["held_at"])
    for person in (cast.anouk, cast.bram):
        text = page(cast, person, series).content.decode()
        assert "<strong>1</strong> of 3 held on time" in text
        assert "1 moved" in text
        assert "1 not held yet" in text  # the planned one in January


def test_the_change_log_lists_moves_skips_and_cancellations_with_reasons(cast, series):
    meeting = series.upcoming_meeting()
    meeting.reschedule(meeting.scheduled_at + datetime.timedelta(days=1), "Ziek", by=cast.bram)
    meeting.skip("Vakantie", by=cast.anouk)
    text = page(cast, cast.anouk, series).content.decode()
    assert "Ziek" in text
    assert "Vakantie" in text
    assert "Moved" in text
    assert "Skipped" in text


def test_the_timeline_shows_past_meetings_with_points_and_agreements(cast, series):
    hold(series, 2, cast)
    text = page(cast, cast.anouk, series).content.decode()
    assert "Cursus 0" in text
    assert "Cursus 1" in text
    assert "1 point discussed" not in text  # English plural: "One point discussed"
    assert "One point discussed" in text


def test_search_finds_points_shared_notes_and_agreements_and_highlights_them(cast, series):
    hold(series, 3, cast)
    text = page(cast, cast.anouk, series, "verslag 1").content.decode()
    assert "One meeting mentions “verslag 1”." in text
    assert "<mark>verslag 1</mark>" in text
    assert "Cursus 1" in text
    assert "Cursus 2" not in text
    text = page(cast, cast.anouk, series, "cursus").content.decode()
    assert "3 meetings mention" in text
    assert "<mark>Cursus</mark> 2" in text


def test_search_includes_my_private_notes_but_never_the_others(cast, series):
    hold(series, 1, cast)
    meeting = series.meetings.get(status=MeetingStatus.HELD)
    Note.objects.create(meeting=meeting, is_private=True, author=cast.anouk, body="Zorgen om Bram")
    Note.objects.create(meeting=meeting, is_private=True, author=cast.bram, body="Zorgen om werk")
    mine = page(cast, cast.anouk, series, "zorgen").content.decode()
    assert "<mark>Zorgen</mark> om Bram" in mine
    assert "om werk" not in mine
    theirs = page(cast, cast.bram, series, "zorgen om bram").content.decode()
    assert "No meeting mentions this." in theirs
    assert "Zorgen om Bram" not in theirs


def test_search_never_finds_the_others_private_talking_points(cast, series):
    hold(series, 1, cast)
    meeting = series.meetings.get(status=MeetingStatus.HELD)
    TalkingPoint.objects.create(
        series=series,
        author=cast.bram,
        text="Geheim salaris",
        is_private=True,
        discussed_in=meeting,
    )
    assert "Geheim" not in page(cast, cast.anouk, series, "geheim").content.decode()
    assert "<mark>Geheim</mark> salaris" in page(cast, cast.bram, series, "geheim").content.decode()


def test_the_search_escapes_what_it_shows(cast, series):
    hold(series, 1, cast)
    meeting = series.meetings.get(status=MeetingStatus.HELD)
    Note.objects.filter(meeting=meeting).update(body="<script>alert(1)</script> loon")
    text = page(cast, cast.anouk, series, "loon").content.decode()
    assert "<script>alert(1)" not in text
    assert "&lt;script&gt;" in text


def test_an_htmx_search_gets_only_the_timeline(cast, series):
    hold(series, 1, cast)
    response = cast.client_for(cast.anouk).get(
        reverse("series:detail", args=[series.pk]), {"q": "rooster"}, headers={"HX-Request": "true"}
    )
    text = response.content.decode()
    assert text.lstrip().startswith('<div id="timeline-results"')
    assert "<mark>Rooster</mark> 0" in text


@pytest.mark.parametrize("query", ["", "cursus"])
def test_the_query_count_does_not_grow_with_history(cast, series, django_assert_num_queries, query):
    client = cast.client_for(cast.anouk)
    url = reverse("series:detail", args=[series.pk])
    hold(series, 2, cast)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert client.get(url, {"q": query}).status_code == 200
    hold(series, 10, cast)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url, {"q": query})
    assert response.context["page"].paginator.count == 12
