"""The preparation view before a meeting."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tweespraak.meetings.agenda import add_point
from tweespraak.meetings.models import Agreement, Meeting


@pytest.fixture
def meeting(cast, series) -> Meeting:  # type: ignore[no-untyped-def]
    first = series.upcoming_meeting()
    Agreement.objects.create(
        series=series, meeting=first, owner=cast.bram, text="Try the new planning board"
    )
    done = Agreement.objects.create(
        series=series, meeting=first, owner=cast.anouk, text="Order safety shoes"
    )
    done.mark_done()
    first.complete(by=cast.anouk)
    return series.upcoming_meeting()


def prepare(cast, person, meeting) -> str:  # type: ignore[no-untyped-def]
    response = cast.client_for(person).get(reverse("meetings:prepare", args=[meeting.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_employee_sees_last_agreements_with_their_status(cast, meeting):
    html = prepare(cast, cast.bram, meeting)
    assert "Prepare your 1:1 with Anouk de Vries" in html
    assert "Try the new planning board" in html
    assert "Order safety shoes" in html
    assert "Done" in html
    assert "Open" in html


def test_the_view_offers_reflection_prompts_and_a_link_to_the_meeting(cast, meeting):
    html = prepare(cast, cast.bram, meeting)
    assert "What is getting in your way at the moment?" in html
    assert "What do you need from your manager to do your work well?" in html
    assert reverse("meetings:detail", args=[meeting.pk]) in html


def test_open_points_mine_and_shared_show_but_not_the_others_private_ones(cast, series, meeting):
    add_point(series, cast.bram, "My private thought", is_private=True)
    add_point(series, cast.anouk, "Anouk shared this")
    add_point(series, cast.anouk, "Anouk keeps this", is_private=True)
    html = prepare(cast, cast.bram, meeting)
    assert "My private thought" in html
    assert "Anouk shared this" in html
    assert "Anouk keeps this" not in html


def test_a_point_added_here_comes_back_here(cast, series, meeting):
    html = prepare(cast, cast.bram, meeting)
    url = reverse("meetings:prepare", args=[meeting.pk])
    assert 'id="point-add"' in html
    assert 'name="is_private"' in html
    assert f'name="next" value="{url}"' in html
    response = cast.client_for(cast.bram).post(
        reverse("points:add", args=[series.pk]),
        {"text": "Prepared at home", "is_private": "on", "next": url, "meeting": meeting.pk},
    )
    assert response.url == url
    assert "Prepared at home" in prepare(cast, cast.bram, meeting)
    assert "Prepared at home" not in prepare(cast, cast.anouk, meeting)


def test_the_first_meeting_of_a_series_says_so(cast, series):
    html = prepare(cast, cast.anouk, series.upcoming_meeting())
    assert "This is your first meeting in this series." in html


def test_a_past_meeting_has_nothing_left_to_prepare(cast, series, meeting):
    meeting.complete(by=cast.anouk)
    html = prepare(cast, cast.bram, meeting)
    assert "nothing left to prepare" in html
    assert 'id="point-add"' not in html
