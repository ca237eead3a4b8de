"""The summary after a 1:1: to both, shared content only, never private notes or points."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
import time_machine
from django.urls import reverse

from tweespraak.meetings.models import Agreement, Note, TalkingPoint
from tweespraak.notify.models import Mail, MailKind, NotificationPreferences
from tweespraak.notify.worker import Worker


def run_worker(rounds: int = 20) -> None:
    worker = Worker(name="test")
    for _round in range(rounds):
        if not worker.run_once():
            return


def to(message) -> str:  # type: ignore[no-untyped-def]
    return message["To"].addresses[0].addr_spec


def whole(message) -> str:  # type: ignore[no-untyped-def]
    return (
        message["Subject"]
        + message.get_body(("plain",)).get_content()
        + message.get_body(("html",)).get_content()
    )


@pytest.fixture(autouse=True)
def _just_after_the_first_meeting() -> Iterator[None]:
    with time_machine.travel(datetime.datetime(2026, 1, 6, 10, 0, tzinfo=datetime.UTC)):
        yield


@pytest.fixture
def held(cast, series):  # type: ignore[no-untyped-def]
    """Anouk and Bram's first meeting, with shared and private content, then completed."""
    meeting = series.upcoming_meeting()
    TalkingPoint.objects.create(
        series=series, author=cast.bram, text="Training budget", discussed_in=meeting
    )
    TalkingPoint.objects.create(
        series=series,
        author=cast.anouk,
        text="Ask about his mood",
        is_private=True,
        discussed_in=meeting,
    )
    TalkingPoint.objects.create(series=series, author=cast.bram, text="Holiday plans")
    Note.objects.create(meeting=meeting, body="The **course** is approved.\n\n- book it")
    Note.objects.create(
        meeting=meeting, author=cast.anouk, is_private=True, body="Seemed tired today"
    )
    Agreement.objects.create(
        series=series,
        meeting=meeting,
        owner=cast.bram,
        text="Book the course",
        due_on=datetime.date(2026, 2, 1),
        created_by=cast.bram,
    )
    response = cast.client_for(cast.anouk).post(reverse("meetings:complete", args=[meeting.pk]))
    assert response.status_code == 302
    return meeting


def test_both_participants_get_one_summary(cast, held, smtp_server):
    run_worker()
    run_worker()
    assert sorted(to(m) for m in smtp_server.messages) == [cast.anouk.email, cast.bram.email]
    assert Mail.objects.filter(kind=MailKind.SUMMARY).count() == 2


def test_the_summary_lists_agreements_discussed_points_notes_and_the_next_meeting(
    cast, held, smtp_server
):
    run_worker()
    message = next(m for m in smtp_server.messages if to(m) == cast.bram.email)
    assert "Summary of your 1:1 with Anouk de Vries on 6 January" in message["Subject"]
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "You: Book the course (by 1 February 2026)" in text
    assert "- Training budget" in text
    assert "<strong>course</strong>" in html  # shared notes as rendered Markdown
    assert "<li>book it</li>" in html
    assert "Your next 1:1 is on Tuesday 20 January 2026 at 09:00." in text
    assert smtp_server.link_path(message) == f"/meetings/{held.pk}/summary/"
    to_anouk = next(m for m in smtp_server.messages if to(m) == cast.anouk.email)
    assert "Bram Jansen: Book the course" in to_anouk.get_body(("plain",)).get_content()


@pytest.mark.parametrize("person", ["anouk", "bram"])
def test_the_summary_never_holds_private_notes_or_private_points(cast, held, smtp_server, person):
    run_worker()
    message = next(m for m in smtp_server.messages if to(m) == getattr(cast, person).email)
    content = whole(message)
    assert "Seemed tired today" not in content
    assert "Ask about his mood" not in content
    assert "Holiday plans" not in content  # not discussed: it stays for the next meeting


def test_a_dutch_participant_gets_the_summary_in_dutch(cast, series, smtp_server):
    cast.anouk.language = "nl"
    cast.anouk.save(update_fields=["language"])
    meeting = series.upcoming_meeting()
    cast.client_for(cast.bram).post(reverse("meetings:complete", args=[meeting.pk]))
    run_worker()
    dutch = next(m for m in smtp_server.messages if to(m) == cast.anouk.email)
    assert 'lang="nl"' in dutch.get_body(("html",)).get_content()
    assert dutch["Content-Language"] == "nl"
    assert "januari" in dutch["Subject"]


def test_who_switched_summaries_off_gets_none(cast, series, smtp_server):
    NotificationPreferences.objects.create(person=cast.bram, summary=False)
    meeting = series.upcoming_meeting()
    cast.client_for(cast.anouk).post(reverse("meetings:complete", args=[meeting.pk]))
    run_worker()
    assert [to(m) for m in smtp_server.messages] == [cast.anouk.email]


def test_switching_off_after_completing_still_stops_the_summary(cast, held, smtp_server):
    NotificationPreferences.objects.create(person=cast.anouk, summary=False)
    run_worker()
    assert [to(m) for m in smtp_server.messages] == [cast.bram.email]


def test_a_deactivated_participant_gets_no_summary(cast, held, smtp_server):
    cast.bram.deactivate()
    run_worker()
    assert [to(m) for m in smtp_server.messages] == [cast.anouk.email]


def test_only_completing_queues_a_summary(cast, series, smtp_server):
    meeting = series.upcoming_meeting()
    cast.client_for(cast.anouk).get(reverse("meetings:complete", args=[meeting.pk]))
    meeting.skip("Busy", by=cast.anouk)
    run_worker()
    assert smtp_server.messages == []
