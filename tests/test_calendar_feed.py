"""The secret calendar feed: a person's own 1:1s as valid iCalendar, times and places only."""

from __future__ import annotations

import datetime
import itertools
import zoneinfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from tweespraak.calendars.models import CalendarFeed
from tweespraak.meetings.models import Agreement, Meeting, Note, Series, TalkingPoint

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
SECRETS = ["Salary worries", "Private thought", "Shared note text", "Fix the forklift"]


def feed_url(person) -> str:
    return reverse("calendars:feed", args=[CalendarFeed.for_person(person).token])


def fetch(client, person) -> icalendar.Calendar:
    response = client.get(feed_url(person))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def weekly(cast, manager, report, weeks_ago: int = 3, **extra) -> Series:
    start = timezone.localtime(timezone.now(), AMSTERDAM).replace(
        hour=9, minute=0, second=0, microsecond=0
    ) - datetime.timedelta(weeks=weeks_ago)
    return Series.objects.create(
        workspace=manager.workspace,
        manager=manager,
        report=report,
        cadence="weekly",
        starts_at=start,
        location="Kamer 3",
        created_by=manager,
        **extra,
    )


def hold_meetings(series: Series, count: int) -> None:
    for _n in range(count):
        meeting = series.ensure_next_meeting()
        assert meeting is not None
        meeting.complete(by=series.manager)


@pytest.fixture
def history(cast) -> Series:
    """Anouk and Bram held two meetings, skipped one, and wrote private and shared things."""
    series = weekly(cast, cast.anouk, cast.bram)
    hold_meetings(series, 2)
    skipped = series.ensure_next_meeting()
    assert skipped is not None
    skipped.skip("Holiday")
    held = series.meetings.filter(status="held").first()
    TalkingPoint.objects.create(series=series, author=cast.bram, text=SECRETS[0], is_private=True)
    Note.objects.create(meeting=held, author=cast.anouk, is_private=True, body=SECRETS[1])
    Note.objects.create(meeting=held, body=SECRETS[2])
    Agreement.objects.create(series=series, meeting=held, owner=cast.bram, text=SECRETS[3])
    return series


def test_the_feed_is_valid_icalendar_with_the_time_zone(client, cast, history):
    calendar = fetch(client, cast.bram)
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    events = calendar.walk("VEVENT")
    assert events
    for event in events:
        assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
        assert event.decoded("DTSTART").hour == 9
        assert str(event["SUMMARY"]) == "1:1 Anouk – Bram"  # noqa: RUF001
        assert str(event["LOCATION"]) == "Kamer 3"
        assert "METHOD" not in calendar


def test_held_and_planned_meetings_are_in_it_and_skipped_ones_are_not(client, cast, history):
    events = fetch(client, cast.anouk).walk("VEVENT")
    meeting_uids = {str(e["UID"]) for e in events if str(e["UID"]).startswith("meeting-")}
    shown = {f"meeting-{pk}@tweespraak" for pk in history.meetings.values_list("pk", flat=True)}
    skipped = history.meetings.get(status="skipped")
    assert meeting_uids == shown - {f"meeting-{skipped.pk}@tweespraak"}
    held = history.meetings.filter(status="held").first()
    event = next(e for e in events if str(e["UID"]) == f"meeting-{held.pk}@tweespraak")
    assert str(event["URL"]).endswith(reverse("meetings:detail", args=[held.pk]))


def test_the_weeks_ahead_follow_the_rule_for_half_a_year(client, cast, history):
    events = fetch(client, cast.anouk).walk("VEVENT")
    ahead = [e for e in events if str(e["UID"]).startswith("series-")]
    assert 24 <= len(ahead) <= 27
    starts = sorted(e.decoded("DTSTART") for e in ahead)
    assert all((b - a) == datetime.timedelta(weeks=1) for a, b in itertools.pairwise(starts))
    last_row = history.meetings.order_by("-planned_at").first()
    assert starts[0] > last_row.planned_at


def test_nothing_of_what_was_said_is_in_the_feed(client, cast, history):
    for person in (cast.anouk, cast.bram):
        text = client.get(feed_url(person)).content.decode()
        for secret in SECRETS:
            assert secret not in text


def test_only_the_persons_own_1on1s_are_in_it(client, cast, history):
    other = weekly(cast, cast.hanna, cast.chris)
    other.ensure_next_meeting()
    anouk_text = client.get(feed_url(cast.anouk)).content.decode()
    assert "Chris" not in anouk_text
    assert str(other.pk) not in anouk_text
    chris_events = fetch(client, cast.chris).walk("VEVENT")
    assert chris_events
    assert {str(e["SUMMARY"]) for e in chris_events} == {"1:1 Hanna – Chris"}  # noqa: RUF001
    assert str(history.pk) not in client.get(feed_url(cast.chris)).content.decode()


def test_an_ended_series_shows_its_past_but_nothing_ahead(client, cast, history):
    history.end("Reorganisation")
    events = fetch(client, cast.bram).walk("VEVENT")
    assert events
    assert all(str(e["UID"]).startswith("meeting-") for e in events)
    assert all(e.decoded("DTSTART") < timezone.now() for e in events)


def test_meetings_older_than_a_year_are_left_out(client, cast):
    old = weekly(cast, cast.anouk, cast.bram, weeks_ago=60)
    hold_meetings(old, 2)
    events = fetch(client, cast.bram).walk("VEVENT")
    assert not any(str(e["UID"]).startswith("meeting-") for e in events)


def test_resetting_the_address_ends_the_old_one(client, cast, history):
    old = feed_url(cast.bram)
    cast.client_for(cast.bram).post(reverse("calendars:reset"))
    new = feed_url(cast.bram)
    assert old != new
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_a_deactivated_persons_feed_is_gone(client, cast, history):
    url = feed_url(cast.bram)
    cast.bram.deactivate()
    assert client.get(url).status_code == 404


def test_an_unknown_token_is_not_found(client, db):
    url = reverse("calendars:feed", args=["x" * 43])
    assert client.get(url).status_code == 404


def test_the_token_is_long_and_random(cast):
    tokens = {CalendarFeed.for_person(p).token for p in (cast.anouk, cast.bram, cast.chris)}
    assert len(tokens) == 3
    assert all(len(token) >= 43 for token in tokens)


@pytest.mark.parametrize("meetings", [2, 20])
def test_the_feed_takes_the_same_queries_for_2_or_20_meetings(
    client, cast, django_assert_num_queries, meetings
):
    for manager in (cast.anouk, cast.hanna):
        hold_meetings(weekly(cast, manager, cast.bram, weeks_ago=meetings + 1), meetings // 2)
    url = feed_url(cast.bram)
    assert Meeting.objects.count() >= meetings
    with django_assert_num_queries(3):
        assert client.get(url).status_code == 200
