"""Autosave of notes: the htmx answers, plain form posts, merges, conflicts and bad input."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from tweespraak.meetings.models import MAX_NOTE, Note

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def meeting(series):  # type: ignore[no-untyped-def]
    return series.upcoming_meeting()


def save(client, meeting, body, version, kind="shared", htmx=True, **extra):  # type: ignore[no-untyped-def]
    data = {"kind": kind, "body": body, "version": version, **extra}
    headers = HTMX if htmx else {}
    return client.post(reverse("notes:save", args=[meeting.pk]), data, **headers)


def shared_note(meeting) -> Note:  # type: ignore[no-untyped-def]
    return Note.objects.get(meeting=meeting, is_private=False)


def test_the_first_save_creates_the_shared_note_and_answers_with_the_new_version(cast, meeting):
    response = save(cast.client_for(cast.anouk), meeting, "Talked about **Q3**", 0)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Saved at" in html
    dom_id = f"note-shared-{meeting.pk}"
    assert f'id="{dom_id}-version" hx-swap-oob="true"' in html
    assert 'value="1"' in html
    note = shared_note(meeting)
    assert (note.body, note.version, note.updated_by) == ("Talked about **Q3**", 1, cast.anouk)


def test_the_saved_time_is_shown_in_the_viewers_time_zone(cast, meeting):
    cast.anouk.time_zone = "America/New_York"
    cast.anouk.save(update_fields=["time_zone"])
    response = save(cast.client_for(cast.anouk), meeting, "Hello", 0)
    local = timezone.localtime(shared_note(meeting).updated_at, datetime.UTC)
    new_york = local.astimezone(zoneinfo.ZoneInfo("America/New_York"))
    assert f"Saved at {new_york:%H:%M}" in response.content.decode()


def test_saving_on_top_of_the_latest_version_replaces_the_text(cast, meeting):
    client = cast.client_for(cast.anouk)
    save(client, meeting, "First", 0)
    save(client, meeting, "First, second", 1)
    note = shared_note(meeting)
    assert (note.body, note.version) == ("First, second", 2)
    assert list(note.revisions.order_by("version").values_list("body", flat=True)) == [
        "First",
        "First, second",
    ]


def test_a_blur_without_changes_makes_no_new_version(cast, meeting):
    client = cast.client_for(cast.anouk)
    save(client, meeting, "Same", 0)
    response = save(client, meeting, "Same", 1)
    assert response.status_code == 200
    assert shared_note(meeting).version == 1


def test_an_edit_merged_with_the_other_persons_sends_the_merged_text_but_not_a_version(
    cast, meeting
):
    anouk, bram = cast.client_for(cast.anouk), cast.client_for(cast.bram)
    save(anouk, meeting, "Intro.\n\nMiddle.\n\nEnd.", 0)
    save(bram, meeting, "Intro. Bram adds.\n\nMiddle.\n\nEnd.", 1)
    response = save(anouk, meeting, "Intro.\n\nMiddle.\n\nEnd. Anouk adds.", 1)
    html = response.content.decode()
    merged = "Intro. Bram adds.\n\nMiddle.\n\nEnd. Anouk adds."
    assert shared_note(meeting).body == merged
    assert "together with the changes Bram Jansen made" in html
    assert '<template data-merged-version="3">' in html
    assert "Bram adds." in html
    assert "Anouk adds." in html
    # The client takes the version from the template, only when it also takes the text.
    assert "hx-swap-oob" not in html


def test_a_conflicting_edit_answers_with_both_versions_and_retargets_the_editor(cast, meeting):
    anouk, bram = cast.client_for(cast.anouk), cast.client_for(cast.bram)
    save(anouk, meeting, "We agreed on a raise.", 0)
    save(bram, meeting, "We agreed on a training.", 1)
    response = save(anouk, meeting, "We agreed on a bonus.", 1)
    assert response.status_code == 200
    assert response["HX-Retarget"] == f"#note-shared-{meeting.pk}"
    assert response["HX-Reswap"] == "outerHTML"
    html = response.content.decode()
    assert "We agreed on a bonus." in html
    assert "We agreed on a training." in html
    for choice in ("Keep mine", "Keep theirs", "Keep both"):
        assert choice in html
    assert 'name="version" value="2"' in html
    assert shared_note(meeting).body == "We agreed on a training."


def test_a_version_from_the_future_is_treated_as_a_conflict_not_a_merge(cast, meeting):
    client = cast.client_for(cast.anouk)
    save(client, meeting, "Real text", 0)
    response = save(client, meeting, "Forged", 99)
    assert "Keep both" in response.content.decode()
    assert shared_note(meeting).body == "Real text"


def test_over_long_notes_get_a_clear_error_and_the_text_is_not_swapped_away(cast, meeting):
    client = cast.client_for(cast.anouk)
    save(client, meeting, "Short", 0)
    response = save(client, meeting, "x" * (MAX_NOTE + 1), 1)
    assert response.status_code == 200
    html = response.content.decode()
    assert "at most 50000 characters" in html
    assert 'role="alert"' in html
    assert "hx-swap-oob" not in html  # the version stays, the textarea is untouched
    assert shared_note(meeting).body == "Short"


def test_over_long_notes_without_javascript_come_back_in_the_form(cast, meeting):
    response = save(cast.client_for(cast.anouk), meeting, "y" * (MAX_NOTE + 5), 0, htmx=False)
    assert response.status_code == 400
    html = response.content.decode()
    assert "at most 50000 characters" in html
    assert "y" * (MAX_NOTE + 5) in html


def test_a_missing_version_is_a_clear_error(cast, meeting):
    client = cast.client_for(cast.anouk)
    response = client.post(
        reverse("notes:save", args=[meeting.pk]), {"kind": "shared", "body": "x"}, **HTMX
    )
    assert "required" in response.content.decode()
    assert not Note.objects.filter(body="x").exists()


def test_without_javascript_a_save_redirects_back_to_the_page_it_came_from(cast, meeting):
    client = cast.client_for(cast.anouk)
    back = f"/meetings/{meeting.pk}/prepare/"
    response = save(client, meeting, "Plain post", 0, htmx=False, next=back)
    assert response.status_code == 302
    assert response["Location"] == back
    assert shared_note(meeting).body == "Plain post"


def test_without_javascript_a_foreign_next_is_ignored(cast, meeting):
    response = save(
        cast.client_for(cast.anouk), meeting, "x", 0, htmx=False, next="https://evil.example/"
    )
    assert response.status_code == 302
    assert "evil" not in response["Location"]


def test_without_javascript_a_conflict_shows_a_page_with_both_versions(cast, meeting):
    anouk, bram = cast.client_for(cast.anouk), cast.client_for(cast.bram)
    save(anouk, meeting, "The plan is A.", 0)
    save(bram, meeting, "The plan is B.", 1)
    response = save(anouk, meeting, "The plan is C.", 1, htmx=False)
    assert response.status_code == 409
    html = response.content.decode()
    assert "The plan is B." in html
    assert "The plan is C." in html


def test_private_notes_are_one_per_author_and_kept_apart(cast, meeting):
    save(cast.client_for(cast.anouk), meeting, "Anouk's thoughts", 0, kind="private")
    save(cast.client_for(cast.bram), meeting, "Bram's thoughts", 0, kind="private")
    private = dict(
        Note.objects.filter(meeting=meeting, is_private=True).values_list("author", "body")
    )
    assert private == {cast.anouk.pk: "Anouk's thoughts", cast.bram.pk: "Bram's thoughts"}
    assert not Note.objects.filter(meeting=meeting, is_private=False).exists()


def test_an_unknown_kind_is_the_shared_note_never_someone_elses(cast, meeting):
    save(cast.client_for(cast.bram), meeting, "Bram only", 0, kind="private")
    save(cast.client_for(cast.anouk), meeting, "Shared", 0, kind="bram-private")
    assert Note.objects.get(meeting=meeting, author=cast.bram).body == "Bram only"


def test_notes_of_a_held_meeting_stay_editable_for_typos(cast, series, meeting):
    meeting.complete(by=cast.anouk)
    response = save(cast.client_for(cast.bram), meeting, "Fixed a typo", 0)
    assert response.status_code == 200
    assert shared_note(meeting).body == "Fixed a typo"


def test_notes_of_an_ended_series_are_read_only(cast, series, meeting):
    save(cast.client_for(cast.anouk), meeting, "Before the end", 0)
    series.end("Bram left", by=cast.anouk)
    response = save(cast.client_for(cast.anouk), meeting, "After the end", 1)
    assert response.status_code == 403
    assert shared_note(meeting).body == "Before the end"


def test_saving_needs_a_post(cast, meeting):
    response = cast.client_for(cast.anouk).get(reverse("notes:save", args=[meeting.pk]))
    assert response.status_code == 405
