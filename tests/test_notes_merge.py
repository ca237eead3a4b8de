"""Two people editing the shared notes at once never lose text."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from tweespraak.meetings.models import Note, NoteConflict


@pytest.fixture
def note(series):
    meeting = series.upcoming_meeting()
    shared = Note.objects.create(meeting=meeting)
    return shared.save_edit("Rooster\n\nCursus\n", based_on=0, by=series.manager)


def test_an_edit_on_the_latest_version_is_saved(note, cast):
    note.save_edit("Rooster besproken\n\nCursus\n", based_on=1, by=cast.bram)
    assert (note.body, note.version) == ("Rooster besproken\n\nCursus\n", 2)
    assert note.revisions.count() == 2


def test_two_edits_on_the_same_version_are_merged(note, cast):
    base = note.version
    note.save_edit("Rooster: vroege dienst\n\nCursus\n", based_on=base, by=cast.anouk)
    note.save_edit("Rooster\n\nCursus: Excel in maart\n", based_on=base, by=cast.bram)
    assert note.body == "Rooster: vroege dienst\n\nCursus: Excel in maart\n"
    assert note.version == base + 2


def test_edits_of_the_same_words_are_handed_back_as_a_conflict(note, cast):
    base = note.version
    note.save_edit("Volledig andere tekst van Anouk\n", based_on=base, by=cast.anouk)
    with pytest.raises(NoteConflict) as conflict:
        note.save_edit(
            "Iets totaal anders van Bram over het rooster\n", based_on=base, by=cast.bram
        )
    assert conflict.value.mine == "Iets totaal anders van Bram over het rooster\n"
    assert conflict.value.theirs == "Volledig andere tekst van Anouk\n"


@pytest.mark.django_db(transaction=True)
def test_two_sessions_writing_at_once_lose_nothing(series, cast):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite's test database is in memory and not shared between threads")
    meeting = series.upcoming_meeting()
    shared = Note.objects.create(meeting=meeting)
    shared.save_edit("Start\n", based_on=0, by=cast.anouk)
    lines = {
        person: [f"{person.name} regel {i}" for i in range(10)]
        for person in (cast.anouk, cast.bram)
    }
    errors: list[BaseException] = []

    def write(person):
        """Type a line, save; on a conflict do what the page offers: keep both versions."""
        try:
            text, version = "Start\n", 1
            for line in lines[person]:
                text = text + line + "\n"
                note = Note.objects.get(pk=shared.pk)
                while True:
                    try:
                        saved = note.save_edit(text, based_on=version, by=person)
                        break
                    except NoteConflict as conflict:
                        if conflict.mine != text:  # what was typed must come back whole
                            raise AssertionError(conflict.mine) from conflict
                        text = conflict.theirs + line + "\n"
                        version = conflict.version
                text, version = saved.body, saved.version
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(p,)) for p in lines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    body = Note.objects.get(pk=shared.pk).body
    for person_lines in lines.values():
        for line in person_lines:
            assert line in body


def test_a_one_word_change_on_top_of_another_ones_change_is_a_conflict(note, cast):
    """diff-match-patch alone would put "C" where Bram wrote "B": Bram's word lost."""
    note.save_edit("The plan is A.", based_on=note.version, by=cast.anouk)
    base = note.version
    note.save_edit("The plan is B.", based_on=base, by=cast.bram)
    with pytest.raises(NoteConflict) as conflict:
        note.save_edit("The plan is C.", based_on=base, by=cast.anouk)
    assert (conflict.value.mine, conflict.value.theirs) == ("The plan is C.", "The plan is B.")
    note.refresh_from_db()
    assert note.body == "The plan is B."


def test_two_additions_at_the_same_place_are_both_kept(note, cast):
    base = note.version
    note.save_edit("Rooster\n\nCursus\nAnouk: extra\n", based_on=base, by=cast.anouk)
    note.save_edit("Rooster\n\nCursus\nBram: extra\n", based_on=base, by=cast.bram)
    assert "Anouk: extra" in note.body
    assert "Bram: extra" in note.body


def test_the_same_save_sent_twice_is_stored_once(series, cast):
    shared = Note.objects.create(meeting=series.upcoming_meeting())
    shared.save_edit("Hello world", based_on=0, by=cast.anouk)
    shared.save_edit("Hello world", based_on=0, by=cast.anouk)
    assert (shared.body, shared.version) == ("Hello world", 1)


def test_the_same_fix_made_by_both_merges_with_other_changes(note, cast):
    base = note.version
    note.save_edit("Rooster!\n\nCursus\n", based_on=base, by=cast.anouk)
    note.save_edit("Rooster!\n\nCursus in maart\n", based_on=base, by=cast.bram)
    assert note.body == "Rooster!\n\nCursus in maart\n"
