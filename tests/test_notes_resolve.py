"""After a conflict the person chooses: keep mine, keep theirs or keep both. Nothing is lost."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tweespraak.meetings.models import MAX_NOTE, Note

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def meeting(cast, series):  # type: ignore[no-untyped-def]
    """Shared notes at version 2: Anouk wrote version 1, Bram changed it into version 2."""
    meeting = series.upcoming_meeting()
    note = Note.objects.create(meeting=meeting)
    note.save_edit("Next step: a course.", based_on=0, by=cast.anouk)
    note.save_edit("Next step: a mentor.", based_on=1, by=cast.bram)
    return meeting


def resolve(client, meeting, keep, mine, version=2, htmx=True, kind="shared"):  # type: ignore[no-untyped-def]
    data = {"kind": kind, "keep": keep, "mine": mine, "version": version}
    return client.post(reverse("notes:resolve", args=[meeting.pk]), data, **(HTMX if htmx else {}))


def body(meeting) -> str:  # type: ignore[no-untyped-def]
    return Note.objects.get(meeting=meeting, is_private=False).body


def test_keep_mine_saves_my_version_and_answers_with_a_fresh_editor(cast, meeting):
    response = resolve(cast.client_for(cast.anouk), meeting, "mine", "Next step: a book.")
    assert body(meeting) == "Next step: a book."
    html = response.content.decode()
    assert f'id="note-shared-{meeting.pk}"' in html
    assert 'name="version" value="3"' in html
    assert "Next step: a book." in html


def test_keep_theirs_leaves_the_notes_as_they_are(cast, meeting):
    response = resolve(cast.client_for(cast.anouk), meeting, "theirs", "Next step: a book.")
    assert response.status_code == 200
    assert body(meeting) == "Next step: a mentor."
    assert 'name="version" value="2"' in response.content.decode()


def test_keep_both_puts_mine_after_theirs(cast, meeting):
    resolve(cast.client_for(cast.anouk), meeting, "both", "Next step: a book.")
    assert body(meeting) == "Next step: a mentor.\n\nNext step: a book."


def test_a_new_change_while_choosing_brings_the_choice_back_with_my_text(cast, meeting):
    note = Note.objects.get(meeting=meeting, is_private=False)
    note.save_edit("Next step: a coach.", based_on=2, by=cast.bram)
    response = resolve(cast.client_for(cast.anouk), meeting, "mine", "Next step: a book.")
    html = response.content.decode()
    assert "Keep both" in html
    assert "Next step: a book." in html
    assert "Next step: a coach." in html
    assert 'name="version" value="3"' in html


def test_keep_both_that_grows_too_long_keeps_the_choice_open_with_an_error(cast, meeting):
    mine = "z" * MAX_NOTE
    response = resolve(cast.client_for(cast.anouk), meeting, "both", mine)
    html = response.content.decode()
    assert "at most 50000 characters" in html
    assert mine in html
    assert body(meeting) == "Next step: a mentor."


def test_an_unknown_choice_is_a_clear_error_and_my_text_stays(cast, meeting):
    response = resolve(cast.client_for(cast.anouk), meeting, "everything", "Mine stays")
    html = response.content.decode()
    assert "Select a valid choice" in html
    assert "Mine stays" in html
    assert body(meeting) == "Next step: a mentor."


def test_without_javascript_resolving_redirects_back(cast, meeting):
    response = resolve(cast.client_for(cast.anouk), meeting, "both", "Mine", htmx=False)
    assert response.status_code == 302
    assert body(meeting).endswith("Mine")


def test_resolving_on_an_ended_series_is_refused(cast, series, meeting):
    series.end("Reorganisation", by=cast.anouk)
    response = resolve(cast.client_for(cast.anouk), meeting, "mine", "Late")
    assert response.status_code == 403
    assert body(meeting) == "Next step: a mentor."
