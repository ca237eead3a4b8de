"""Adding talking points, from the meeting page, the preparation view or anywhere."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tweespraak.meetings.models import MAX_TEXT, Meeting, TalkingPoint


@pytest.fixture
def meeting(series) -> Meeting:  # type: ignore[no-untyped-def]
    return series.upcoming_meeting()


def add(cast, person, series, htmx: bool = False, **data):  # type: ignore[no-untyped-def]
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    return cast.client_for(person).post(reverse("points:add", args=[series.pk]), data, **headers)


def test_a_participant_adds_a_point_and_returns_to_the_meeting(cast, series, meeting):
    response = add(cast, cast.bram, series, text="  Working from home on Fridays  ")
    assert response.status_code == 302
    assert response.url == reverse("meetings:detail", args=[meeting.pk])
    point = TalkingPoint.objects.get()
    assert point.text == "Working from home on Fridays"
    assert point.author == cast.bram
    assert not point.is_private
    assert point.section == ""


def test_a_point_goes_back_to_the_page_it_came_from(cast, series, meeting):
    prepare = reverse("meetings:prepare", args=[meeting.pk])
    response = add(cast, cast.bram, series, text="A", next=prepare)
    assert response.url == prepare


def test_a_foreign_next_address_is_ignored(cast, series, meeting):
    response = add(cast, cast.bram, series, text="A", next="https://evil.example/")
    assert response.url == reverse("meetings:detail", args=[meeting.pk])


def test_a_point_can_be_private_and_placed_in_a_template_section(cast, series):
    add(cast, cast.bram, series, text="Salary", section="development", is_private="on")
    point = TalkingPoint.objects.get()
    assert point.is_private
    assert point.section == "development"


def test_new_points_go_to_the_end_of_the_agenda(cast, series):
    for text in ("First", "Second", "Third"):
        add(cast, cast.anouk, series, text=text)
    assert list(TalkingPoint.objects.values_list("text", flat=True)) == ["First", "Second", "Third"]


def test_an_unknown_section_is_refused_and_the_text_is_kept(cast, series):
    response = add(cast, cast.bram, series, text="Keep me", section="nonsense")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Select a valid choice" in html
    assert "Keep me" in html
    assert not TalkingPoint.objects.exists()


def test_an_empty_point_gets_a_clear_message(cast, series):
    response = add(cast, cast.bram, series, text="   ")
    assert response.status_code == 400
    assert "Write what you want to talk about." in response.content.decode()


def test_an_over_long_point_is_refused_with_the_limit_and_the_text_kept(cast, series):
    text = "x" * (MAX_TEXT + 1)
    response = add(cast, cast.bram, series, text=text)
    html = response.content.decode()
    assert response.status_code == 400
    assert f"Keep a talking point to {MAX_TEXT} characters at most" in html
    assert text in html
    assert not TalkingPoint.objects.exists()


def test_with_htmx_the_agenda_lists_come_back_with_an_empty_form(cast, series, meeting):
    response = add(cast, cast.bram, series, htmx=True, text="Via htmx", meeting=str(meeting.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Via htmx" in html
    assert 'id="agenda-list-0"' in html
    assert 'hx-swap-oob="true"' in html
    assert 'id="point-add"' in html
    assert "<html" not in html


def test_with_htmx_an_error_re_renders_the_form_in_place(cast, series, meeting):
    response = add(cast, cast.bram, series, htmx=True, text="", meeting=str(meeting.pk))
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#point-add"
    assert response["HX-Reswap"] == "outerHTML"
    assert "Write what you want to talk about." in response.content.decode()


def test_a_meeting_of_another_series_is_a_404(cast, series):
    from tweespraak.meetings.models import Series

    other = Series.objects.create(
        workspace=cast.workspace,
        manager=cast.anouk,
        report=cast.chris,
        starts_at=series.starts_at,
        kind="mentor",
    )
    foreign = other.ensure_next_meeting()
    response = add(cast, cast.anouk, series, htmx=True, text="x", meeting=str(foreign.pk))
    assert response.status_code == 404
    assert not TalkingPoint.objects.filter(text="x").exists()
