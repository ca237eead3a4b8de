"""Anouk and Bram write the shared notes at the same time, each in their own session.

Both work on the version their page loaded. Edits to different paragraphs are
merged; edits to the same sentence become a choice, and "keep both" keeps both.
Nothing either of them typed is lost.
"""

from __future__ import annotations

import html
import re
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from tweespraak.meetings.models import Note

HTMX = {"HTTP_HX_REQUEST": "true"}
VERSION_OOB = r'value="(\d+)" id="[^"]+-version" hx-swap-oob="true"'


class Session:
    """One person's browser tab with the notes editor, as the page's script behaves."""

    def __init__(self, client: Client, meeting_id: object) -> None:
        self.client = client
        self.save_url = reverse("notes:save", args=[meeting_id])
        self.resolve_url = reverse("notes:resolve", args=[meeting_id])
        self.text = ""
        self.version = 0
        self.conflicts = 0

    def type_and_save(self, text: str) -> str:
        """Type `text` into the textarea; the autosave posts it. Returns what happened."""
        self.text = text
        data = {"kind": "shared", "body": text, "version": self.version}
        response = self.client.post(self.save_url, data, **HTMX)
        assert response.status_code == 200, response.content
        page = response.content.decode()
        if "HX-Retarget" in response:
            self.conflicts += 1
            return "conflict"
        merged = re.search(r'<template data-merged-version="(\d+)">(.*?)</template>', page, re.S)
        if merged:
            # Nothing typed since the request: the script takes the merged text.
            self.version, self.text = int(merged[1]), html.unescape(merged[2])
            return "merged"
        self.version = int(re.search(VERSION_OOB, page)[1])
        return "saved"

    def keep_both(self, mine: str) -> None:
        data = {"kind": "shared", "keep": "both", "mine": mine, "version": self._their_version}
        response = self.client.post(self.resolve_url, data, **HTMX)
        page = response.content.decode()
        self.version = int(re.search(r'name="version" value="(\d+)"', page)[1])
        self.text = html.unescape(re.search(r"<textarea[^>]*>(.*?)</textarea>", page, re.S)[1])

    def save_with_conflicts_resolved(self, text: str) -> None:
        """Save; on a conflict choose "keep both" (what a careful person does)."""
        while True:
            data = {"kind": "shared", "body": text, "version": self.version}
            response = self.client.post(self.save_url, data, **HTMX)
            page = response.content.decode()
            if "HX-Retarget" not in response:
                merged = re.search(
                    r'<template data-merged-version="(\d+)">(.*?)</template>', page, re.S
                )
                if merged:
                    self.version, self.text = int(merged[1]), html.unescape(merged[2])
                else:
                    self.version = int(re.search(VERSION_OOB, page)[1])
                    self.text = text
                return
            self.conflicts += 1
            self._their_version = int(re.search(r'name="version" value="(\d+)"', page)[1])
            self.keep_both(text)
            if text in self.text:
                return


def shared_body(meeting) -> str:  # type: ignore[no-untyped-def]
    return Note.objects.get(meeting=meeting, is_private=False).body


@pytest.fixture
def sessions(cast, series):  # type: ignore[no-untyped-def]
    meeting = series.upcoming_meeting()
    anouk = Session(cast.client_for(cast.anouk), meeting.pk)
    bram = Session(cast.client_for(cast.bram), meeting.pk)
    return meeting, anouk, bram


START = "Check-in: busy week.\n\nProgress: the new roster works.\n\nDevelopment: a course?\n"


def test_two_sessions_on_different_paragraphs_are_merged_and_the_same_sentence_is_kept_twice(
    sessions,
):
    meeting, anouk, bram = sessions
    assert anouk.type_and_save(START) == "saved"
    bram.version, bram.text = anouk.version, START  # Bram's page loaded version 1

    # Both type at once on version 1, in different paragraphs.
    assert anouk.type_and_save(START.replace("busy week.", "busy week, but good.")) == "saved"
    assert bram.type_and_save(START.replace("a course?", "a course in Excel.")) == "merged"
    both = "Check-in: busy week, but good.\n\nProgress: the new roster works.\n\n"
    both += "Development: a course in Excel.\n"
    assert shared_body(meeting) == both
    assert bram.text == both  # Bram's textarea shows Anouk's change too

    # Both rewrite the same sentence at once, on the same version.
    anouk.version, anouk.text = bram.version, both
    anouk_line = both.replace("the new roster works.", "the roster saves an hour a week.")
    bram_line = both.replace("the new roster works.", "the roster needs a weekend shift.")
    assert anouk.type_and_save(anouk_line) == "saved"
    assert bram.type_and_save(bram_line) == "conflict"
    assert shared_body(meeting) == anouk_line  # nothing of Bram's is saved over Anouk's
    bram._their_version = anouk.version
    bram.keep_both(bram_line)

    final = shared_body(meeting)
    for words in (
        "busy week, but good.",
        "a course in Excel.",
        "the roster saves an hour a week.",
        "the roster needs a weekend shift.",
    ):
        assert words in final
    assert bram.text == final


@pytest.mark.django_db(transaction=True)
def test_two_sessions_typing_lines_at_once_through_the_endpoint_lose_nothing(cast, series):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite's test database is in memory and not shared between threads")
    meeting = series.upcoming_meeting()
    people = {"anouk": cast.anouk, "bram": cast.bram}
    lines = {name: [f"{name} line {number}" for number in range(8)] for name in people}
    errors: list[BaseException] = []

    def write(name: str) -> None:
        try:
            session = Session(cast.client_for(people[name]), meeting.pk)
            for line in lines[name]:
                session.save_with_conflicts_resolved(session.text + line + "\n")
        except BaseException as error:  # reported below, in the test's own thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(name,)) for name in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    final = shared_body(meeting)
    for name in people:
        for line in lines[name]:
            assert line in final, f"lost: {line}"
