"""Completing a meeting: recorded as held, open points and agreements move on."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from tweespraak.meetings.agenda import add_point
from tweespraak.meetings.models import Agreement, Meeting, MeetingStatus


@pytest.fixture
def meeting(series) -> Meeting:  # type: ignore[no-untyped-def]
    return series.upcoming_meeting()


def agenda_of(cast, person, meeting) -> str:  # type: ignore[no-untyped-def]
    response = cast.client_for(person).get(reverse("meetings:detail", args=[meeting.pk]))
    assert response.status_code == 200
    return response.content.decode()


def discuss(point, meeting) -> None:  # type: ignore[no-untyped-def]
    point.discussed_in = meeting
    point.save(update_fields=["discussed_in"])


def test_completing_asks_for_confirmation_first(cast, series, meeting):
    add_point(series, cast.bram, "Still open")
    response = cast.client_for(cast.bram).get(reverse("meetings:complete", args=[meeting.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Complete this meeting?" in html
    assert "One talking point is not marked as discussed" in html
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED


def test_either_participant_completes_and_lands_on_the_summary(cast, series, meeting):
    response = cast.client_for(cast.bram).post(reverse("meetings:complete", args=[meeting.pk]))
    assert response.status_code == 302
    assert response.url == reverse("meetings:summary", args=[meeting.pk])
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD
    assert meeting.completed_by == cast.bram
    assert series.upcoming_meeting() is not None


def test_a_meeting_is_completed_only_once(cast, meeting):
    meeting.complete(by=cast.anouk)
    held_at = Meeting.objects.get(pk=meeting.pk).held_at
    response = cast.client_for(cast.bram).post(
        reverse("meetings:complete", args=[meeting.pk]), follow=True
    )
    assert "This meeting is no longer planned." in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.held_at == held_at
    assert meeting.completed_by == cast.anouk


def test_a_skipped_meeting_cannot_be_completed(cast, meeting):
    meeting.skip("Sick", by=cast.bram)
    cast.client_for(cast.anouk).post(reverse("meetings:complete", args=[meeting.pk]))
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SKIPPED


def test_undiscussed_points_appear_on_the_next_meeting_after_completing(cast, series, meeting):
    done = add_point(series, cast.anouk, "Discussed today")
    add_point(series, cast.bram, "Not reached today")
    discuss(done, meeting)
    cast.client_for(cast.anouk).post(reverse("meetings:complete", args=[meeting.pk]))
    following = series.upcoming_meeting()
    assert following != meeting
    html = agenda_of(cast, cast.anouk, following)
    assert "Not reached today" in html
    assert "Discussed today" not in html


def test_undiscussed_points_appear_on_the_next_meeting_after_a_skip(cast, series, meeting):
    add_point(series, cast.bram, "Waiting for a skip")
    following = meeting.skip("Anouk is ill", by=cast.anouk)
    assert following is not None
    assert "Waiting for a skip" in agenda_of(cast, cast.bram, following)


def test_undiscussed_points_stay_on_a_rescheduled_meeting(cast, series, meeting):
    add_point(series, cast.bram, "Waiting for a new date")
    meeting.reschedule(meeting.scheduled_at + datetime.timedelta(days=2), "Clash", by=cast.anouk)
    assert "Waiting for a new date" in agenda_of(cast, cast.anouk, meeting)


def test_open_agreements_come_back_on_every_next_agenda_until_done(cast, series, meeting):
    agreement = Agreement.objects.create(
        series=series, meeting=meeting, owner=cast.bram, text="Finish the forklift course"
    )
    meeting.complete(by=cast.anouk)
    second = series.upcoming_meeting()
    assert "Finish the forklift course" in _earlier(agenda_of(cast, cast.anouk, second))
    second.complete(by=cast.anouk)
    third = series.upcoming_meeting()
    assert "Finish the forklift course" in _earlier(agenda_of(cast, cast.anouk, third))
    agreement.mark_done()
    assert "Finish the forklift course" not in _earlier(agenda_of(cast, cast.anouk, third))


def _earlier(html: str) -> str:
    """The agreements still open from earlier meetings, listed on the meeting page."""
    if "Still open from earlier meetings" not in html:
        return ""
    start = html.index("Still open from earlier meetings")
    return html[start : html.index("</ul>", start)]
