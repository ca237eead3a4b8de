"""The 1:1 loop at model level: recurrence, the next meeting, carry-over, adherence."""

from __future__ import annotations

import datetime
import itertools
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError

from tweespraak.meetings.models import (
    Agreement,
    Meeting,
    MeetingStatus,
    Series,
    TalkingPoint,
    parse_rule,
)

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")


def local(meeting: Meeting) -> datetime.datetime:
    return meeting.scheduled_at.astimezone(AMS)


def test_the_first_meeting_is_planned_at_the_start(series):
    meeting = series.upcoming_meeting()
    assert local(meeting) == datetime.datetime(2026, 1, 6, 9, 0, tzinfo=AMS)


def test_completing_plans_the_next_meeting_two_weeks_later(series, cast):
    first = series.upcoming_meeting()
    following = first.complete(by=cast.anouk)
    assert first.status == MeetingStatus.HELD
    assert local(following) == datetime.datetime(2026, 1, 20, 9, 0, tzinfo=AMS)


def test_meetings_stay_at_nine_across_daylight_saving_time(cast):
    start = datetime.datetime(2026, 3, 17, 9, 0, tzinfo=AMS)
    weekly = Series.objects.create(
        workspace=cast.workspace,
        manager=cast.anouk,
        report=cast.chris,
        cadence="weekly",
        starts_at=start,
    )
    times = [
        moment.astimezone(AMS) for moment in itertools.islice(weekly.occurrences_after(start), 4)
    ]
    after_switch = next(moment for moment in times if moment.date() > datetime.date(2026, 3, 29))
    assert (after_switch.hour, after_switch.minute) == (9, 0)


def test_a_custom_rule_plans_by_it(cast):
    weekly = Series.objects.create(
        workspace=cast.workspace,
        manager=cast.anouk,
        report=cast.chris,
        cadence="custom",
        custom_rule="FREQ=WEEKLY;INTERVAL=3;BYDAY=TH",
        starts_at=datetime.datetime(2026, 1, 8, 14, 0, tzinfo=AMS),
    )
    first = weekly.ensure_next_meeting()
    second = first.complete()
    assert (local(second) - local(first)).days == 21


@pytest.mark.parametrize("rule", ["FREQ=SOMETIMES", "hello", "FREQ=WEEKLY;BYDAY=XX"])
def test_an_invalid_rule_is_a_clear_error(rule):
    with pytest.raises(ValidationError, match="not a valid recurrence rule"):
        parse_rule(rule, datetime.datetime(2026, 1, 1, 9, 0))


def test_undiscussed_points_stay_on_the_agenda_after_completing(series, cast):
    meeting = series.upcoming_meeting()
    kept = TalkingPoint.objects.create(series=series, author=cast.bram, text="#werkdruk")
    done = TalkingPoint.objects.create(series=series, author=cast.anouk, text="Rooster")
    done.discussed_in = meeting
    done.save(update_fields=["discussed_in"])
    meeting.complete(by=cast.anouk)
    assert list(series.points.open()) == [kept]


@pytest.mark.parametrize("action", ["skip", "cancel"])
def test_skipping_or_cancelling_plans_the_next_and_loses_no_point(series, cast, action):
    meeting = series.upcoming_meeting()
    point = TalkingPoint.objects.create(series=series, author=cast.bram, text="Cursus")
    following = getattr(meeting, action)("Ziek", by=cast.anouk)
    assert following is not None
    assert following.pk != meeting.pk
    assert series.upcoming_meeting() == following
    assert list(series.points.open()) == [point]
    assert meeting.changes.get().reason == "Ziek"


def test_a_moved_meeting_keeps_its_planned_time_and_records_the_move(series, cast):
    meeting = series.upcoming_meeting()
    new_time = datetime.datetime(2026, 1, 8, 13, 0, tzinfo=AMS)
    meeting.reschedule(new_time, "Klant op bezoek", by=cast.bram)
    meeting.refresh_from_db()
    assert meeting.scheduled_at == new_time
    change = meeting.changes.get()
    assert (change.moved_to, change.reason, change.by) == (new_time, "Klant op bezoek", cast.bram)


def test_adherence_counts_on_time_moved_and_skipped(series, cast):
    with time_machine.travel(datetime.datetime(2026, 1, 6, 9, 30, tzinfo=AMS)):
        second = series.upcoming_meeting().complete(by=cast.anouk)
    with time_machine.travel(datetime.datetime(2026, 1, 22, 10, 0, tzinfo=AMS)):
        second.reschedule(datetime.datetime(2026, 1, 22, 11, 0, tzinfo=AMS), "Drukte")
        third = second.complete()
    third.skip("Vakantie")
    until = datetime.datetime(2026, 3, 1, tzinfo=AMS)
    assert series.adherence(until) == {
        "planned": 4,
        "held_on_time": 1,
        "moved": 1,
        "skipped": 1,
        "cancelled": 0,
        "open": 1,
    }


def test_ending_a_series_cancels_what_was_planned_and_keeps_history(series, cast):
    meeting = series.upcoming_meeting()
    series.end("Bram krijgt een nieuwe leidinggevende", by=cast.anouk)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    assert series.ensure_next_meeting() is None
    assert Series.objects.with_participant(cast.bram).get() == series


def test_private_points_are_visible_only_to_their_author(series, cast):
    TalkingPoint.objects.create(series=series, author=cast.bram, text="Salaris", is_private=True)
    TalkingPoint.objects.create(series=series, author=cast.anouk, text="Planning")
    assert [p.text for p in series.points.visible_to(cast.bram)] == ["Salaris", "Planning"]
    assert [p.text for p in series.points.visible_to(cast.anouk)] == ["Planning"]


def test_open_and_overdue_agreements(series, cast):
    old = Agreement.objects.create(
        series=series, owner=cast.bram, text="Cursus zoeken", due_on=datetime.date(2026, 1, 1)
    )
    Agreement.objects.create(series=series, owner=cast.anouk, text="Rooster aanpassen")
    done = Agreement.objects.create(series=series, owner=cast.bram, text="Klaar")
    done.mark_done()
    assert series.agreements.open().count() == 2
    assert list(series.agreements.overdue(datetime.date(2026, 2, 1))) == [old]


def test_an_agreement_owner_must_take_part(series, cast):
    agreement = Agreement(series=series, owner=cast.chris, text="Iets")
    with pytest.raises(ValidationError, match="two participants"):
        agreement.clean()


def test_the_same_person_twice_is_not_a_one_on_one(cast):
    series = Series(
        workspace=cast.workspace,
        manager=cast.anouk,
        report=cast.anouk,
        starts_at=datetime.datetime(2026, 1, 6, 9, tzinfo=AMS),
    )
    with pytest.raises(ValidationError, match="two different people"):
        series.clean()


def test_the_standard_template_is_installed_with_five_sections(db):
    from tweespraak.guide.builtin import default_template_version

    version = default_template_version()
    assert version.section_keys() == [
        "check-in",
        "progress",
        "feedback",
        "development",
        "agreements",
    ]
    sections = version.localized_sections("nl")
    assert sections[0]["title"] == "Even bijpraten"
    assert version.localized_sections("en")[2]["title"] == "Feedback both ways"


def test_two_tabs_completing_and_skipping_at_once_leave_one_outcome(series, cast):
    first_tab = Meeting.objects.get(pk=series.upcoming_meeting().pk)
    second_tab = Meeting.objects.get(pk=first_tab.pk)
    first_tab.skip("Ziek", by=cast.bram)
    with pytest.raises(ValidationError, match="no longer planned"):
        second_tab.complete(by=cast.anouk)
    second_tab.refresh_from_db()
    assert second_tab.status == MeetingStatus.SKIPPED
    assert series.meetings.filter(status=MeetingStatus.PLANNED).count() == 1


def test_a_meeting_moved_later_is_followed_by_one_after_it(cast):
    weekly = Series.objects.create(
        workspace=cast.workspace,
        manager=cast.anouk,
        report=cast.chris,
        cadence="weekly",
        starts_at=datetime.datetime(2026, 1, 6, 9, 0, tzinfo=AMS),
    )
    first = weekly.ensure_next_meeting()
    first.reschedule(datetime.datetime(2026, 1, 14, 9, 0, tzinfo=AMS), "Drukte")
    following = first.complete()
    assert local(following) == datetime.datetime(2026, 1, 20, 9, 0, tzinfo=AMS)


def test_a_monthly_series_from_the_31st_meets_every_month(cast):
    monthly = Series.objects.create(
        workspace=cast.workspace,
        manager=cast.anouk,
        report=cast.chris,
        cadence="monthly",
        starts_at=datetime.datetime(2026, 1, 31, 9, 0, tzinfo=AMS),
    )
    days = [
        moment.astimezone(AMS).date()
        for moment in itertools.islice(monthly.occurrences_after(monthly.starts_at), 3)
    ]
    assert days == [
        datetime.date(2026, 2, 28),
        datetime.date(2026, 3, 31),
        datetime.date(2026, 4, 30),
    ]


def test_a_custom_rule_may_end_with_an_until_in_utc(cast):
    series = Series.objects.create(
        workspace=cast.workspace,
        manager=cast.anouk,
        report=cast.chris,
        cadence="custom",
        custom_rule="FREQ=WEEKLY;UNTIL=20260120T080000Z",
        starts_at=datetime.datetime(2026, 1, 6, 9, 0, tzinfo=AMS),
    )
    series.clean()
    days = [moment.astimezone(AMS).date() for moment in series.occurrences_after(series.starts_at)]
    assert days == [datetime.date(2026, 1, 13), datetime.date(2026, 1, 20)]
