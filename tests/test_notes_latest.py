"""The shared notes editor polls for the other person's changes every few seconds."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tweespraak.meetings.models import Note

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def meeting(cast, series):  # type: ignore[no-untyped-def]
    cast.anouk.set_manager(cast.willem)
    meeting = series.upcoming_meeting()
    note = Note.objects.create(meeting=meeting)
    note.save_edit("Bram's first line", based_on=0, by=cast.bram)
    Note.objects.create(meeting=meeting, is_private=True, author=cast.bram, body="Bram private")
    return meeting


def poll(client, meeting, version):  # type: ignore[no-untyped-def]
    url = reverse("notes:latest", args=[meeting.pk])
    return client.get(url, {"version": version}, **HTMX)


def test_nothing_new_answers_204(cast, meeting):
    assert poll(cast.client_for(cast.anouk), meeting, 1).status_code == 204


def test_a_newer_version_comes_with_its_text_and_who_changed_it(cast, meeting):
    response = poll(cast.client_for(cast.anouk), meeting, 0)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<template data-merged-version="1">Bram&#x27;s first line</template>' in html
    assert "Bram Jansen changed the notes at" in html
    assert "Bram private" not in html


def test_a_missing_or_broken_version_gets_the_latest(cast, meeting):
    response = poll(cast.client_for(cast.anouk), meeting, "nonsense")
    assert 'data-merged-version="1"' in response.content.decode()


def test_the_editor_polls_only_the_shared_notes(cast, meeting):
    from tests.test_notes_panels import render_panels

    notes_html, _agreements = render_panels(meeting, cast.anouk)
    assert notes_html.count('hx-trigger="every 5s"') == 1
    assert f"/notes/{meeting.pk}/latest/" in notes_html


def test_an_ended_series_stops_the_polling(cast, series, meeting):
    series.end("Done", by=cast.anouk)
    assert poll(cast.client_for(cast.anouk), meeting, 0).status_code == 286


@pytest.mark.parametrize("who", ["willem", "chris", "hanna", "dana"])
def test_everyone_else_gets_a_404(cast, meeting, who):
    assert poll(cast.client_for(getattr(cast, who)), meeting, 0).status_code == 404


def test_anonymous_visitors_go_to_login(client, meeting):
    response = poll(client, meeting, 0)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
