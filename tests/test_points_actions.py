"""Sharing, ordering, ticking off, editing and removing talking points."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tweespraak.meetings.agenda import add_point
from tweespraak.meetings.models import MAX_TEXT, Meeting, TalkingPoint


@pytest.fixture
def meeting(series) -> Meeting:  # type: ignore[no-untyped-def]
    return series.upcoming_meeting()


def post(cast, person, name, point, htmx=False, **data):  # type: ignore[no-untyped-def]
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    return cast.client_for(person).post(reverse(name, args=[point.pk]), data, **headers)


def order(series) -> list[str]:  # type: ignore[no-untyped-def]
    return list(
        TalkingPoint.objects.filter(series=series, discussed_in=None)
        .order_by("position", "created_at")
        .values_list("text", flat=True)
    )


def test_the_author_shares_a_private_point_and_then_both_see_it(cast, series, meeting):
    point = add_point(series, cast.bram, "Workload", is_private=True)
    detail = reverse("meetings:detail", args=[meeting.pk])
    assert "Workload" not in cast.client_for(cast.anouk).get(detail).content.decode()
    response = post(cast, cast.bram, "points:share", point)
    assert response.status_code == 302
    point.refresh_from_db()
    assert not point.is_private
    assert "Workload" in cast.client_for(cast.anouk).get(detail).content.decode()


def test_moving_swaps_a_point_with_its_neighbour(cast, series, meeting):
    first = add_point(series, cast.anouk, "One")
    add_point(series, cast.bram, "Two")
    third = add_point(series, cast.anouk, "Three")
    post(cast, cast.bram, "points:move", third, direction="up")
    assert order(series) == ["One", "Three", "Two"]
    post(cast, cast.bram, "points:move", first, direction="down")
    assert order(series) == ["Three", "One", "Two"]


def test_moving_past_the_edge_changes_nothing(cast, series):
    first = add_point(series, cast.anouk, "One")
    add_point(series, cast.anouk, "Two")
    response = post(cast, cast.anouk, "points:move", first, direction="up")
    assert response.status_code == 302
    assert order(series) == ["One", "Two"]


def test_moving_skips_points_the_mover_cannot_see_and_other_sections(cast, series):
    add_point(series, cast.anouk, "One")
    add_point(series, cast.bram, "Bram's secret", is_private=True)
    add_point(series, cast.anouk, "In a section", section="feedback")
    three = add_point(series, cast.anouk, "Three")
    post(cast, cast.anouk, "points:move", three, direction="up")
    assert order(series) == ["Three", "Bram's secret", "In a section", "One"]


def test_moving_needs_a_direction(cast, series):
    point = add_point(series, cast.anouk, "One")
    response = post(cast, cast.anouk, "points:move", point, direction="sideways")
    assert response.status_code == 400


def test_points_with_equal_positions_still_move(cast, series):
    one = add_point(series, cast.anouk, "One")
    two = add_point(series, cast.anouk, "Two")
    TalkingPoint.objects.update(position=0)
    post(cast, cast.anouk, "points:move", two, direction="up")
    assert order(series) == ["Two", "One"]
    one.refresh_from_db()
    assert one.position == 1


def test_marking_discussed_ties_the_point_to_the_meeting_and_again_undoes_it(cast, series, meeting):
    point = add_point(series, cast.anouk, "Holidays")
    post(cast, cast.bram, "points:discussed", point, meeting=str(meeting.pk))
    point.refresh_from_db()
    assert point.discussed_in == meeting
    post(cast, cast.anouk, "points:discussed", point, meeting=str(meeting.pk))
    point.refresh_from_db()
    assert point.discussed_in is None


def test_marking_discussed_needs_a_meeting_that_is_still_planned(cast, series, meeting):
    point = add_point(series, cast.anouk, "Holidays")
    assert post(cast, cast.bram, "points:discussed", point).status_code == 400
    meeting.complete(by=cast.anouk)
    response = post(cast, cast.bram, "points:discussed", point, meeting=str(meeting.pk))
    assert response.status_code == 400
    point.refresh_from_db()
    assert point.discussed_in is None


def test_a_point_discussed_earlier_cannot_be_unticked_from_another_meeting(cast, series, meeting):
    point = add_point(series, cast.anouk, "Holidays")
    point.discussed_in = meeting
    point.save(update_fields=["discussed_in"])
    meeting.complete(by=cast.anouk)
    following = series.upcoming_meeting()
    response = post(cast, cast.bram, "points:discussed", point, meeting=str(following.pk))
    assert response.status_code == 400
    point.refresh_from_db()
    assert point.discussed_in == meeting


def test_the_author_edits_a_point_and_others_may_not(cast, series, meeting):
    point = add_point(series, cast.anouk, "Original")
    form = cast.client_for(cast.anouk).get(reverse("points:edit", args=[point.pk]))
    assert form.status_code == 200
    assert "Original" in form.content.decode()
    response = post(cast, cast.anouk, "points:edit", point, text="Better", section="progress")
    assert response.status_code == 302
    point.refresh_from_db()
    assert (point.text, point.section) == ("Better", "progress")
    assert post(cast, cast.bram, "points:edit", point, text="Hijacked").status_code == 403
    point.refresh_from_db()
    assert point.text == "Better"


def test_an_over_long_edit_keeps_the_typed_text_and_says_why(cast, series):
    point = add_point(series, cast.anouk, "Original")
    text = "y" * (MAX_TEXT + 5)
    response = post(cast, cast.anouk, "points:edit", point, text=text, section="")
    assert response.status_code == 400
    html = response.content.decode()
    assert text in html
    assert "characters at most" in html
    point.refresh_from_db()
    assert point.text == "Original"


def test_the_author_removes_a_point_and_others_may_not(cast, series):
    point = add_point(series, cast.anouk, "Remove me")
    assert post(cast, cast.bram, "points:delete", point).status_code == 403
    assert TalkingPoint.objects.filter(pk=point.pk).exists()
    assert post(cast, cast.anouk, "points:delete", point).status_code == 302
    assert not TalkingPoint.objects.filter(pk=point.pk).exists()


def test_only_the_author_shares(cast, series):
    point = add_point(series, cast.anouk, "Shared already")
    assert post(cast, cast.bram, "points:share", point).status_code == 403


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("points:share", {}),
        ("points:move", {"direction": "down"}),
        ("points:discussed", {}),
        ("points:edit", {"text": "Edited", "section": ""}),
        ("points:delete", {}),
    ],
)
def test_with_htmx_every_action_answers_with_the_agenda_lists(cast, series, meeting, name, data):
    point = add_point(series, cast.anouk, "Mine", is_private=True)
    add_point(series, cast.anouk, "Another")
    response = post(cast, cast.anouk, name, point, htmx=True, meeting=str(meeting.pk), **data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert 'id="agenda-list-0" class="point-list" data-live hx-swap-oob="true"' in html
    assert "Another" in html


def test_only_gets_and_posts_are_allowed(cast, series):
    point = add_point(series, cast.anouk, "Mine")
    client = cast.client_for(cast.anouk)
    assert client.get(reverse("points:share", args=[point.pk])).status_code == 405
    assert client.get(reverse("points:delete", args=[point.pk])).status_code == 405
