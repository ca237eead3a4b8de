"""The summary after a meeting: shared content, and one's own private things only."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from tweespraak.meetings.agenda import add_point
from tweespraak.meetings.models import Agreement, Meeting, Note


@pytest.fixture
def held(cast, series) -> Meeting:  # type: ignore[no-untyped-def]
    meeting = series.upcoming_meeting()
    for author, text, private in [
        (cast.anouk, "Team outing", False),
        (cast.bram, "My own worry", True),
        (cast.anouk, "Anouk reminder", True),
    ]:
        point = add_point(series, author, text, is_private=private)
        point.discussed_in = meeting
        point.save(update_fields=["discussed_in"])
    add_point(series, cast.bram, "For next time")
    add_point(series, cast.bram, "Private for later", is_private=True)
    Agreement.objects.create(
        series=series,
        meeting=meeting,
        owner=cast.bram,
        text="Ask the team about dates",
        due_on=datetime.date(2026, 2, 1),
    )
    Note.objects.create(meeting=meeting, body="We chose **June**.")
    Note.objects.create(meeting=meeting, is_private=True, author=cast.bram, body="Felt heard")
    Note.objects.create(meeting=meeting, is_private=True, author=cast.anouk, body="Follow up")
    meeting.complete(by=cast.anouk)
    return meeting


def summary_for(cast, person, meeting) -> str:  # type: ignore[no-untyped-def]
    response = cast.client_for(person).get(reverse("meetings:summary", args=[meeting.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_summary_shows_discussed_agreed_carried_and_the_next_date(cast, series, held):
    html = summary_for(cast, cast.anouk, held)
    assert "Team outing" in html
    assert "Ask the team about dates" in html
    assert "Bram Jansen" in html
    assert "1 February 2026" in html
    assert "For next time" in html
    next_meeting = series.upcoming_meeting()
    assert reverse("meetings:detail", args=[next_meeting.pk]) in html
    assert "<strong>June</strong>" in html


def test_the_summary_keeps_private_points_and_notes_to_their_author(cast, held):
    anouk = summary_for(cast, cast.anouk, held)
    bram = summary_for(cast, cast.bram, held)
    assert "My own worry" not in anouk
    assert "Private for later" not in anouk
    assert "Felt heard" not in anouk
    assert "Follow up" in anouk
    assert "Anouk reminder" in anouk
    assert "My own worry" in bram
    assert "Private for later" in bram
    assert "Felt heard" in bram
    assert "Follow up" not in bram
    assert "Anouk reminder" not in bram


def test_a_meeting_not_yet_held_has_no_summary(cast, series):
    meeting = series.upcoming_meeting()
    response = cast.client_for(cast.anouk).get(reverse("meetings:summary", args=[meeting.pk]))
    assert response.status_code == 302
    assert response.url == reverse("meetings:detail", args=[meeting.pk])


def test_the_summary_costs_the_same_queries_however_much_was_said(
    cast, series, held, django_assert_max_num_queries
):
    client = cast.client_for(cast.anouk)
    url = reverse("meetings:summary", args=[held.pk])
    client.get(url)
    for number in range(10):
        point = add_point(series, cast.anouk, f"Extra {number}")
        point.discussed_in = held
        point.save(update_fields=["discussed_in"])
        Agreement.objects.create(series=series, meeting=held, owner=cast.bram, text=f"A{number}")
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200
