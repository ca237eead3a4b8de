"""The notes and agreements panels render for the meeting page, in one query each."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.test import RequestFactory

from tweespraak.meetings.models import Agreement, Note
from tweespraak.meetings.panels import agreements_panel_context, notes_panel_context


def render_panels(meeting, me, can_edit=True):  # type: ignore[no-untyped-def]
    request = RequestFactory().get(f"/meetings/{meeting.pk}/")
    request.user = me
    notes = notes_panel_context(meeting, me)
    agreements = agreements_panel_context(meeting, me)
    extra = {"meeting": meeting, "can_edit": can_edit}
    return (
        render_to_string("meetings/fragments/notes_panel.html", {**notes, **extra}, request),
        render_to_string(
            "meetings/fragments/agreements_panel.html", {**agreements, **extra}, request
        ),
    )


def test_panels_render_before_anything_is_written(cast, series):
    meeting = series.upcoming_meeting()
    notes_html, agreements_html = render_panels(meeting, cast.anouk)
    assert "Shared notes" in notes_html
    assert "My private notes" in notes_html
    assert f"/notes/{meeting.pk}/save/" in notes_html
    assert f"/agreements/add/{meeting.pk}/" in agreements_html
    assert "Nothing agreed yet." in agreements_html


def test_the_notes_panel_shows_my_private_note_and_never_the_other_persons(cast, series):
    meeting = series.upcoming_meeting()
    Note.objects.create(meeting=meeting, body="Shared words")
    Note.objects.create(meeting=meeting, is_private=True, author=cast.bram, body="Bram only")
    Note.objects.create(meeting=meeting, is_private=True, author=cast.anouk, body="Anouk only")
    notes_html, _agreements = render_panels(meeting, cast.anouk)
    assert "Shared words" in notes_html
    assert "Anouk only" in notes_html
    assert "Bram only" not in notes_html


def test_read_only_panels_show_sanitised_markdown_and_no_forms(cast, series):
    meeting = series.upcoming_meeting()
    Note.objects.create(meeting=meeting, body="**Bold** <script>alert(1)</script>")
    Agreement.objects.create(series=series, meeting=meeting, owner=cast.bram, text="Read up")
    notes_html, agreements_html = render_panels(meeting, cast.anouk, can_edit=False)
    assert "<strong>Bold</strong>" in notes_html
    assert "<script>alert" not in notes_html
    assert "<textarea" not in notes_html
    assert "Read up" in agreements_html
    assert "<form" not in agreements_html


def test_each_panel_costs_one_query(cast, series, django_assert_num_queries):
    meeting = series.upcoming_meeting()
    for number in range(10):
        Agreement.objects.create(series=series, meeting=meeting, owner=cast.bram, text=f"A{number}")
    with django_assert_num_queries(1):
        notes_panel_context(meeting, cast.anouk)
    with django_assert_num_queries(1):
        agreements_panel_context(meeting, cast.anouk)
