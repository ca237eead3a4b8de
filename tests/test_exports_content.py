"""Every format of every scope: the content is there, other people's private things never."""

from __future__ import annotations

import io
import subprocess

import docx
import pytest
from django.urls import reverse

from tests.exports_data import hold_meeting, move_and_skip


def pdf_text(content: bytes) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    )
    return result.stdout.decode()


def docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def as_text(fmt: str, content: bytes) -> str:
    if fmt == "pdf":
        assert content.startswith(b"%PDF")
        return pdf_text(content)
    if fmt == "docx":
        return docx_text(content)
    return content.decode()


@pytest.fixture
def history(cast, series):  # type: ignore[no-untyped-def]
    first = hold_meeting(cast, series, 1)
    move_and_skip(cast, series)
    hold_meeting(cast, series, 2)
    return first


def url_for(scope: str, cast, series, meeting) -> str:  # type: ignore[no-untyped-def]
    if scope == "meeting":
        return reverse("exports:meeting", args=[meeting.pk])
    if scope == "series":
        return reverse("exports:series", args=[series.pk])
    return reverse("exports:person", args=[cast.bram.pk])


FORMATS = ["pdf", "docx", "md"]
SCOPES = ["meeting", "series", "person"]


def export(client, url: str, fmt: str) -> str:  # type: ignore[no-untyped-def]
    response = client.get(url, {"format": fmt})
    assert response.status_code == 200, response.content[:300]
    return as_text(
        fmt, b"".join(response.streaming_content) if response.streaming else response.content
    )


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("scope", SCOPES)
def test_the_export_holds_points_notes_agreements_and_people(cast, series, history, scope, fmt):
    text = export(cast.client_for(cast.anouk), url_for(scope, cast, series, history), fmt)
    assert "Anouk de Vries" in text
    assert "Bram Jansen" in text
    assert "Team outing 1" in text
    assert "June" in text
    assert "picnic" in text
    assert "bus" in text
    assert "Ask the team about dates 1" in text
    assert "1 February 2026" in text
    assert "Held" in text
    assert "Open" in text


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("scope", SCOPES)
def test_my_private_notes_are_in_my_export_and_never_the_other_persons(
    cast, series, history, scope, fmt
):
    text = export(cast.client_for(cast.anouk), url_for(scope, cast, series, history), fmt)
    assert "Anouk private note 1" in text
    assert "Anouk secret point 1" in text
    assert "private" in text
    assert "Bram private note" not in text
    assert "Bram secret point" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_bram_sees_his_own_private_things_and_not_anouks(cast, series, history, fmt):
    url = reverse("exports:series", args=[series.pk])
    text = export(cast.client_for(cast.bram), url, fmt)
    assert "Bram private note 1" in text
    assert "Bram private note 2" in text
    assert "Bram secret point 2" in text
    assert "Anouk private note" not in text
    assert "Anouk secret point" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_series_export_lists_moves_and_skips_with_their_reasons(cast, series, history, fmt):
    text = export(cast.client_for(cast.bram), reverse("exports:series", args=[series.pk]), fmt)
    assert "Dentist appointment" in text
    assert "Company holiday" in text
    assert "Skipped" in text
    assert "Moved" in text
    assert "Team outing 2" in text


def test_a_meeting_export_holds_only_that_meeting(cast, series, history):
    text = export(cast.client_for(cast.anouk), reverse("exports:meeting", args=[history.pk]), "md")
    assert "Team outing 1" in text
    assert "Team outing 2" not in text
    assert "Company holiday" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_export_speaks_the_readers_language(cast, series, history, fmt):
    cast.anouk.language = "nl"
    cast.anouk.save(update_fields=["language"])
    text = export(cast.client_for(cast.anouk), reverse("exports:series", args=[series.pk]), fmt)
    assert "februari 2026" in text
    assert "February" not in text
    english = export(cast.client_for(cast.bram), reverse("exports:series", args=[series.pk]), fmt)
    assert "February" in english


def test_my_whole_history_covers_every_series_i_am_in(cast, series, history):
    import datetime

    from tweespraak.meetings.models import Series

    mentoring = Series.objects.create(
        workspace=cast.workspace,
        manager=cast.chris,
        report=cast.anouk,
        kind="mentor",
        cadence="monthly",
        starts_at=datetime.datetime(2026, 1, 8, 10, tzinfo=datetime.UTC),
        created_by=cast.chris,
    )
    mentoring.ensure_next_meeting()
    text = export(
        cast.client_for(cast.anouk), reverse("exports:person", args=[cast.anouk.pk]), "md"
    )
    assert "Chris Bakker" in text
    assert "Team outing 1" in text
    bram_only = export(
        cast.client_for(cast.anouk), reverse("exports:person", args=[cast.bram.pk]), "md"
    )
    assert "Chris Bakker" not in bram_only


@pytest.mark.parametrize(
    ("fmt", "content_type", "extension"),
    [
        ("pdf", "application/pdf", ".pdf"),
        (
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".docx",
        ),
        ("md", "text/markdown; charset=utf-8", ".md"),
    ],
)
def test_the_download_has_a_type_and_a_sane_file_name(
    cast, series, history, fmt, content_type, extension
):
    response = cast.client_for(cast.anouk).get(
        reverse("exports:meeting", args=[history.pk]), {"format": fmt}
    )
    assert response["Content-Type"] == content_type
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; filename=")
    assert f'"1on1-anouk-de-vries-bram-jansen-{history.scheduled_at:%Y-%m-%d}{extension}"' in (
        disposition
    )


def test_an_unknown_format_gets_a_clear_message(cast, series, history):
    response = cast.client_for(cast.anouk).get(
        reverse("exports:series", args=[series.pk]), {"format": "xls"}
    )
    assert response.status_code == 400
    assert b"PDF, DOCX or Markdown" in response.content


def test_the_docx_turns_note_markdown_into_headings_lists_and_bold(cast, series, history):
    response = cast.client_for(cast.anouk).get(
        reverse("exports:meeting", args=[history.pk]), {"format": "docx"}
    )
    document = docx.Document(io.BytesIO(response.content))
    styles = {paragraph.text: paragraph.style.name for paragraph in document.paragraphs}
    assert styles["Outing"] == "Heading 4"
    assert styles["bus"] == "List Bullet"
    assert styles["Shared notes"] == "Heading 3"
    chose = next(p for p in document.paragraphs if p.text.startswith("We chose"))
    assert [run.text for run in chose.runs if run.bold] == ["June"]
    picnic = next(p for p in document.paragraphs if p.text == "picnic")
    assert picnic.runs[0].italic
    assert document.tables[0].style.name == "Light Grid Accent 1"


def test_markdown_keeps_tables_and_lists_intact_with_pipes_and_line_breaks(cast, series):
    from tweespraak.meetings.agenda import add_point
    from tweespraak.meetings.models import Agreement

    meeting = series.upcoming_meeting()
    point = add_point(series, cast.anouk, "First line\nsecond line")
    point.discussed_in = meeting
    point.save(update_fields=["discussed_in"])
    Agreement.objects.create(
        series=series, meeting=meeting, owner=cast.bram, text="Plan A | plan B\nor C"
    )
    text = export(cast.client_for(cast.anouk), reverse("exports:meeting", args=[meeting.pk]), "md")
    assert "- First line\n  second line — Anouk de Vries" in text
    assert "| Bram Jansen | Plan A \\| plan B or C | \u2013 | Open |" in text
