"""The meeting page: agenda, notes and agreements side by side, for both participants."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tweespraak.meetings.agenda import add_point
from tweespraak.meetings.models import Agreement, Meeting, Note


@pytest.fixture
def meeting(series) -> Meeting:  # type: ignore[no-untyped-def]
    return series.upcoming_meeting()


def page_of(cast, person, meeting) -> str:  # type: ignore[no-untyped-def]
    response = cast.client_for(person).get(reverse("meetings:detail", args=[meeting.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_meeting_page_shows_agenda_notes_agreements_and_polls_for_changes(
    cast, series, meeting
):
    add_point(series, cast.bram, "My training budget")
    html = page_of(cast, cast.anouk, meeting)
    assert "1:1 with Bram Jansen" in html
    assert "My training budget" in html
    assert f'id="notes-panel-{meeting.pk}"' in html
    assert f'id="agreements-panel-{meeting.pk}"' in html
    assert reverse("meetings:live", args=[meeting.pk]) in html
    assert 'hx-trigger="every 4s"' in html


def test_the_add_form_sits_outside_the_refreshed_lists(cast, series, meeting):
    html = page_of(cast, cast.anouk, meeting)
    form_at = html.index('id="point-add"')
    lists = [html.index(f'id="agenda-list-{index}"') for index in range(6)]
    assert all(form_at > at for at in lists)
    # The polled lists hold only buttons; nothing to type in.
    for index in range(6):
        start = html.index(f'id="agenda-list-{index}"')
        block = html[start : html.index("</ul>", start)]
        assert "<textarea" not in block
        assert 'type="text"' not in block


def test_template_sections_come_with_their_questions_folded_away(cast, series, meeting):
    add_point(series, cast.bram, "How the new rota works out", section="progress")
    html = page_of(cast, cast.bram, meeting)
    assert "Progress and priorities" in html
    assert "<details" in html
    assert "What is getting in your way right now?" in html
    section_at = html.index("Progress and priorities")
    assert html.index("How the new rota works out") > section_at


def test_a_private_point_shows_only_to_its_author(cast, series, meeting):
    add_point(series, cast.bram, "Thinking about a raise", is_private=True)
    assert "Thinking about a raise" in page_of(cast, cast.bram, meeting)
    assert "Thinking about a raise" not in page_of(cast, cast.anouk, meeting)


def test_open_agreements_from_earlier_meetings_lead_the_agenda_and_overdue_ones_stand_out(
    cast, series, meeting
):
    Agreement.objects.create(
        series=series,
        owner=cast.bram,
        text="Send the safety report",
        due_on=timezone.localdate() - datetime.timedelta(days=3),
    )
    Agreement.objects.create(
        series=series,
        owner=cast.anouk,
        text="Book the course",
        due_on=timezone.localdate() + datetime.timedelta(days=3),
    )
    Agreement.objects.create(series=series, owner=cast.anouk, text="Old and done", status="done")
    html = page_of(cast, cast.anouk, meeting)
    start = html.index('id="agenda-earlier"')
    pointer = html[start : html.index("</div>", start)]
    assert "2 open agreements from earlier meetings" in pointer
    assert "1 overdue" in pointer
    panel_start = html.index("Still open from earlier meetings")
    earlier = html[panel_start : html.index("</ul>", panel_start)]
    assert "Send the safety report" in earlier
    assert "Book the course" in earlier
    assert "Old and done" not in earlier
    overdue_item = earlier[: earlier.index("Send the safety report")]
    assert "is-overdue" in overdue_item.rsplit("<li", 1)[1]
    assert earlier.count("is-overdue") == 1


def test_a_held_meeting_shows_what_was_discussed_and_agreed_read_only(cast, series, meeting):
    point = add_point(series, cast.anouk, "Holiday planning")
    add_point(series, cast.anouk, "Left for next time")
    point.discussed_in = meeting
    point.save(update_fields=["discussed_in"])
    Agreement.objects.create(
        series=series, meeting=meeting, owner=cast.bram, text="Plan two weeks in July"
    )
    meeting.complete(by=cast.anouk)
    html = page_of(cast, cast.bram, meeting)
    assert "Holiday planning" in html
    assert "Plan two weeks in July" in html
    assert "Left for next time" not in html
    assert "This meeting was held on" in html
    assert 'id="live-poll"' not in html
    assert 'id="point-add"' not in html
    assert reverse("points:discussed", args=[point.pk]) not in html


def test_the_meeting_page_never_shows_the_other_persons_private_notes(cast, meeting):
    Note.objects.create(
        meeting=meeting, is_private=True, author=cast.bram, body="Nervous about this"
    )
    assert "Nervous about this" not in page_of(cast, cast.anouk, meeting)
    assert "Nervous about this" in page_of(cast, cast.bram, meeting)


def _fill(series, meeting, cast, count: int) -> None:  # type: ignore[no-untyped-def]
    for number in range(count):
        add_point(series, cast.anouk if number % 2 else cast.bram, f"Point {number}")
        add_point(series, cast.bram, f"Private {number}", is_private=True, section="feedback")
        Agreement.objects.create(series=series, owner=cast.bram, text=f"Earlier {number}")
        Agreement.objects.create(
            series=series, meeting=meeting, owner=cast.anouk, text=f"Here {number}"
        )
    Note.objects.get_or_create(meeting=meeting, is_private=False, defaults={"body": "Shared"})


def _count_queries(cast, url) -> int:  # type: ignore[no-untyped-def]
    client = cast.client_for(cast.anouk)
    client.get(url)  # warm up: the standard template is installed on first use
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("view", ["meetings:detail", "meetings:live", "meetings:prepare"])
def test_the_page_costs_the_same_queries_for_1_or_10_points_and_agreements(
    cast, series, meeting, view
):
    url = reverse(view, args=[meeting.pk])
    _fill(series, meeting, cast, 1)
    few = _count_queries(cast, url)
    _fill(series, meeting, cast, 9)
    many = _count_queries(cast, url)
    assert many == few
    assert few <= 15, few
