"""Who may save notes and resolve conflicts, and whose private notes anyone can reach.

Participants (Anouk and Bram) write. Everyone else gets a 404: Anouk's own
manager, another manager, HR, the workspace admin, someone from another
workspace. Anonymous visitors go to login. On an ended series: 403.
A private note is always the caller's own: there is no way to address Bram's.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from tweespraak.meetings.models import Note
from tweespraak.meetings.panels import notes_panel_context

HTMX = {"HTTP_HX_REQUEST": "true"}
OUTSIDERS = ["willem", "chris", "hanna", "dana"]


@pytest.fixture
def meeting(cast, series):  # type: ignore[no-untyped-def]
    cast.anouk.set_manager(cast.willem)  # Willem: admin and Anouk's own manager
    cast.chris.is_manager = True
    cast.chris.save(update_fields=["is_manager"])
    meeting = series.upcoming_meeting()
    Note.objects.create(meeting=meeting, body="Shared text")
    Note.objects.create(meeting=meeting, is_private=True, author=cast.bram, body="Bram's secret")
    return meeting


def endpoints(meeting):  # type: ignore[no-untyped-def]
    return {
        "save shared": (
            reverse("notes:save", args=[meeting.pk]),
            {"kind": "shared", "body": "Changed", "version": 0},
        ),
        "save private": (
            reverse("notes:save", args=[meeting.pk]),
            {"kind": "private", "body": "Changed", "version": 0},
        ),
        "resolve": (
            reverse("notes:resolve", args=[meeting.pk]),
            {"kind": "shared", "keep": "mine", "mine": "Changed", "version": 0},
        ),
    }


NAMES = ["save shared", "save private", "resolve"]


def unchanged(meeting, cast) -> bool:  # type: ignore[no-untyped-def]
    shared = Note.objects.get(meeting=meeting, is_private=False)
    bram = Note.objects.get(meeting=meeting, author=cast.bram)
    return shared.body == "Shared text" and bram.body == "Bram's secret"


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("who", ["anouk", "bram"])
def test_participants_may_write(cast, meeting, name, who):
    url, data = endpoints(meeting)[name]
    response = cast.client_for(getattr(cast, who)).post(url, data, **HTMX)
    assert response.status_code == 200


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("who", OUTSIDERS)
def test_everyone_else_gets_a_404_and_changes_nothing(cast, meeting, name, who):
    url, data = endpoints(meeting)[name]
    for headers in (HTMX, {}):
        response = cast.client_for(getattr(cast, who)).post(url, data, **headers)
        assert response.status_code == 404
    assert unchanged(meeting, cast)
    assert Note.objects.filter(meeting=meeting).count() == 2


@pytest.mark.parametrize("name", NAMES)
def test_anonymous_visitors_go_to_login(client, cast, meeting, name):
    url, data = endpoints(meeting)[name]
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert unchanged(meeting, cast)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("who", ["anouk", "bram"])
def test_participants_of_an_ended_series_get_a_403(cast, series, meeting, name, who):
    series.end("Bram moved to another team", by=cast.anouk)
    url, data = endpoints(meeting)[name]
    response = cast.client_for(getattr(cast, who)).post(url, data, **HTMX)
    assert response.status_code == 403
    assert unchanged(meeting, cast)


def test_an_unknown_meeting_is_a_404(cast, meeting):
    url = reverse("notes:save", args=["00000000-0000-0000-0000-000000000000"])
    response = cast.client_for(cast.anouk).post(url, {"kind": "shared", "version": 0})
    assert response.status_code == 404


def test_anouk_saving_private_notes_writes_her_own_never_brams(cast, meeting):
    bram_note = Note.objects.get(meeting=meeting, author=cast.bram)
    url = reverse("notes:save", args=[meeting.pk])
    data = {
        "kind": "private",
        "body": "Anouk's own",
        "version": bram_note.version,
        # Trying to name Bram's note does nothing: notes are addressed by kind only.
        "note": str(bram_note.pk),
        "author": str(cast.bram.pk),
    }
    response = cast.client_for(cast.anouk).post(url, data, **HTMX)
    assert response.status_code == 200
    assert "Bram's secret" not in response.content.decode()
    bram_note.refresh_from_db()
    assert bram_note.body == "Bram's secret"
    assert Note.objects.get(meeting=meeting, author=cast.anouk).body == "Anouk's own"


def test_a_conflict_on_private_notes_never_shows_another_persons_text(cast, meeting):
    url = reverse("notes:save", args=[meeting.pk])
    client = cast.client_for(cast.anouk)
    client.post(url, {"kind": "private", "body": "one", "version": 0}, **HTMX)
    response = client.post(url, {"kind": "private", "body": "x", "version": 7}, **HTMX)
    html = response.content.decode()
    assert "Keep both" in html
    assert "Bram's secret" not in html


def test_the_notes_panel_never_offers_brams_private_note_to_anouk(cast, meeting):
    slots = notes_panel_context(meeting, cast.anouk)["note_slots"]
    assert [slot.note.body for slot in slots] == ["Shared text", ""]
    assert all(slot.note.author in (None, cast.anouk) for slot in slots)
