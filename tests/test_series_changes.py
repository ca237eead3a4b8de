"""Changing a series from the next meeting on, ending it, and moving, skipping or
cancelling one meeting: each with a reason both participants see."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from tweespraak.meetings.models import MeetingChange, MeetingStatus, Series, TalkingPoint

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def future(cast):
    """Anouk and Bram, weekly on a day next week at 10:00 Amsterdam time."""
    day = timezone.localdate() + datetime.timedelta(days=7)
    series = Series.objects.create(
        workspace=cast.workspace,
        manager=cast.anouk,
        report=cast.bram,
        cadence="weekly",
        starts_at=datetime.datetime.combine(day, datetime.time(10, 0), AMSTERDAM),
        location="Kamer 1",
    )
    series.ensure_next_meeting()
    return series


def edit_data(series, **extra):
    local = timezone.localtime(series.starts_at, AMSTERDAM)
    data = {
        "cadence": series.cadence,
        "custom_rule": "",
        "day": local.date().isoformat(),
        "time": local.strftime("%H:%M"),
        "duration_minutes": str(series.duration_minutes),
        "time_zone": series.time_zone,
        "location": series.location,
        "template": "",
    }
    from tweespraak.guide.builtin import default_template_version

    data["template"] = str(default_template_version().template_id)
    data.update(extra)
    return data


def test_editing_updates_the_series_and_the_planned_meeting(cast, future):
    day = timezone.localdate() + datetime.timedelta(days=9)
    response = cast.client_for(cast.bram).post(
        reverse("series:edit", args=[future.pk]),
        edit_data(future, day=day.isoformat(), time="14:00", location="Teams", cadence="biweekly"),
    )
    assert response.status_code == 302
    future.refresh_from_db()
    meeting = future.meetings.get()
    expected = datetime.datetime.combine(day, datetime.time(14, 0), AMSTERDAM)
    assert (future.cadence, future.location) == ("biweekly", "Teams")
    assert meeting.scheduled_at == meeting.planned_at == expected
    assert meeting.location == "Teams"


def test_editing_leaves_a_meeting_moved_by_hand_alone(cast, future):
    meeting = future.upcoming_meeting()
    moved = meeting.scheduled_at + datetime.timedelta(hours=3)
    meeting.reschedule(moved, "Tandarts", by=cast.bram)
    response = cast.client_for(cast.anouk).post(
        reverse("series:edit", args=[future.pk]), edit_data(future, location="Teams")
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.scheduled_at, meeting.location) == (moved, "Kamer 1")
    future.refresh_from_db()
    assert future.location == "Teams"


def test_editing_to_a_past_moment_is_refused_with_values_kept(cast, future):
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = cast.client_for(cast.anouk).post(
        reverse("series:edit", args=[future.pk]),
        edit_data(future, day=yesterday, location="Nieuwe plek"),
    )
    text = response.content.decode()
    assert "This moment has passed." in text
    assert 'value="Nieuwe plek"' in text
    future.refresh_from_db()
    assert future.location == "Kamer 1"


def test_an_overdue_series_can_change_its_place_without_a_new_date(cast, series):
    response = cast.client_for(cast.anouk).post(
        reverse("series:edit", args=[series.pk]), edit_data(series, location="Kantine")
    )
    assert response.status_code == 302
    assert series.upcoming_meeting().location == "Kantine"


def test_editing_with_an_invalid_rule_is_refused(cast, future):
    response = cast.client_for(cast.anouk).post(
        reverse("series:edit", args=[future.pk]),
        edit_data(future, cadence="custom", custom_rule="FREQ=NOOIT"),
    )
    assert "This is not a valid recurrence rule" in response.content.decode()
    future.refresh_from_db()
    assert future.cadence == "weekly"


def test_ending_needs_a_reason_and_keeps_the_history(cast, future):
    url = reverse("series:end", args=[future.pk])
    client = cast.client_for(cast.bram)
    assert "This field is required." in client.post(url, {"reason": "   "}).content.decode()
    assert "at most 300" in client.post(url, {"reason": "x" * 301}).content.decode()
    future.refresh_from_db()
    assert future.ended_at is None
    response = client.post(url, {"reason": "Bram vertrekt"})
    assert response.status_code == 302
    future.refresh_from_db()
    assert future.end_reason == "Bram vertrekt"
    assert future.meetings.get().status == MeetingStatus.CANCELLED
    text = cast.client_for(cast.anouk).get(reverse("series:detail", args=[future.pk]))
    assert "Bram vertrekt" in text.content.decode()


def test_the_end_page_asks_for_confirmation(cast, future):
    text = cast.client_for(cast.anouk).get(reverse("series:end", args=[future.pk])).content
    assert "End your 1:1s with Bram Jansen?" in text.decode()


def test_moving_a_meeting_is_recorded_with_its_reason(cast, future):
    meeting = future.upcoming_meeting()
    new = timezone.localtime(meeting.scheduled_at, AMSTERDAM) + datetime.timedelta(days=1)
    response = cast.client_for(cast.bram).post(
        reverse("meetings:reschedule", args=[meeting.pk]),
        {"day": new.date().isoformat(), "time": "10:00", "reason": "Training"},
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.scheduled_at == new
    change = MeetingChange.objects.get()
    assert (change.kind, change.reason, change.by) == ("rescheduled", "Training", cast.bram)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"day": "2020-01-01", "time": "10:00", "reason": "Oud"}, "This moment has passed."),
        ({"time": "10:00", "reason": "Geen dag"}, "This field is required."),
        ({"day": "2099-01-01", "time": "10:00", "reason": ""}, "This field is required."),
        ({"day": "2099-01-01", "time": "10:00", "reason": "x" * 301}, "at most 300"),
    ],
)
def test_bad_reschedules_are_refused_with_values_kept(cast, future, data, message):
    meeting = future.upcoming_meeting()
    response = cast.client_for(cast.anouk).post(
        reverse("meetings:reschedule", args=[meeting.pk]), data
    )
    text = response.content.decode()
    assert message in text
    if data.get("reason"):
        assert data["reason"] in text
    assert not MeetingChange.objects.exists()


def test_moving_onto_another_1on1_of_a_participant_is_refused(cast, future):
    meeting = future.upcoming_meeting()
    when = meeting.scheduled_at + datetime.timedelta(days=1)
    other = Series.objects.create(
        workspace=cast.workspace, manager=cast.anouk, report=cast.chris, starts_at=when
    )
    other.ensure_next_meeting()
    local = timezone.localtime(when, AMSTERDAM)
    response = cast.client_for(cast.bram).post(
        reverse("meetings:reschedule", args=[meeting.pk]),
        {"day": local.date().isoformat(), "time": "10:15", "reason": "Beter"},
    )
    text = response.content.decode()
    assert "Anouk de Vries already has a 1:1 planned on" in text
    assert "Chris" not in text.split("already has a 1:1")[1].split("</li>")[0]
    assert not MeetingChange.objects.exists()


@pytest.mark.parametrize("action", ["skip", "cancel"])
def test_skip_and_cancel_plan_the_next_meeting_and_nothing_is_lost(cast, future, action):
    meeting = future.upcoming_meeting()
    point = TalkingPoint.objects.create(series=future, author=cast.bram, text="Rooster")
    url = reverse(f"meetings:{action}", args=[meeting.pk])
    client = cast.client_for(cast.bram)
    confirm = client.get(url).content.decode()
    assert "Nothing is lost: open talking points and agreements simply show" in confirm
    assert "This field is required." in client.post(url, {"reason": " "}).content.decode()
    response = client.post(url, {"reason": "Vakantie"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == ("skipped" if action == "skip" else "cancelled")
    following = future.upcoming_meeting()
    assert following.planned_at == meeting.planned_at + datetime.timedelta(weeks=1)
    point.refresh_from_db()
    assert point.discussed_in is None
    assert MeetingChange.objects.get().reason == "Vakantie"


def test_a_meeting_no_longer_planned_cannot_be_changed(cast, future):
    meeting = future.upcoming_meeting()
    meeting.complete(by=cast.anouk)
    response = cast.client_for(cast.anouk).post(
        reverse("meetings:skip", args=[meeting.pk]), {"reason": "Te laat"}
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD
