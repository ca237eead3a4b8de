"""Large exports: made by the worker with progress, downloaded by the requester, gone in 24 h."""

from __future__ import annotations

import datetime
import io
import os
import time

import docx
import pytest
from django.urls import reverse

from tests.exports_data import hold_meeting
from tweespraak.exports.background import export_folder, remove_old_exports
from tweespraak.exports.views import LARGE
from tweespraak.meetings.models import Meeting, MeetingStatus, Note
from tweespraak.notify.models import Job, State
from tweespraak.notify.worker import Worker


@pytest.fixture(autouse=True)
def _private_data_dir(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.DATA_DIR = tmp_path


@pytest.fixture
def long_series(cast, series):  # type: ignore[no-untyped-def]
    """Three years of weekly meetings: well over the direct-download limit."""
    hold_meeting(cast, series, 1)
    start = series.starts_at + datetime.timedelta(days=30)
    meetings = Meeting.objects.bulk_create(
        Meeting(
            series=series,
            planned_at=start + datetime.timedelta(weeks=week),
            scheduled_at=start + datetime.timedelta(weeks=week),
            status=MeetingStatus.HELD,
            held_at=start + datetime.timedelta(weeks=week),
        )
        for week in range(max(LARGE.values()) + 50)
    )
    Note.objects.bulk_create(
        Note(meeting=meeting, body=f"Week {number} went well.")
        for number, meeting in enumerate(meetings)
    )
    return series


def start_export(cast, series, fmt: str = "docx"):  # type: ignore[no-untyped-def]
    response = cast.client_for(cast.anouk).get(
        reverse("exports:series", args=[series.pk]), {"format": fmt}
    )
    assert response.status_code == 302
    job = Job.objects.get(kind="export", requested_by=cast.anouk)
    assert response["Location"] == reverse("exports:status", args=[job.pk])
    return job


def test_a_long_series_is_prepared_in_the_background(cast, long_series):
    job = start_export(cast, long_series)
    assert job.state == State.QUEUED
    page = cast.client_for(cast.anouk).get(reverse("exports:status", args=[job.pk]))
    assert b"prepared in the background" in page.content
    assert b'hx-trigger="every 2s"' in page.content


def test_asking_again_while_it_runs_reuses_the_same_job(cast, long_series):
    first = start_export(cast, long_series)
    cast.client_for(cast.anouk).get(
        reverse("exports:series", args=[long_series.pk]), {"format": "docx"}
    )
    assert Job.objects.filter(kind="export").count() == 1
    assert first.state == State.QUEUED


def test_the_status_fragment_shows_the_progress(cast, long_series):
    job = start_export(cast, long_series)
    job.report_progress(42)
    response = cast.client_for(cast.anouk).get(
        reverse("exports:status", args=[job.pk]), headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert "42 %" in html
    assert 'value="42"' in html
    assert "<html" not in html


def test_the_worker_reports_progress_per_meeting_and_the_file_downloads(
    cast, long_series, monkeypatch
):
    job = start_export(cast, long_series)
    seen = record_progress(monkeypatch)
    Worker(name="t").run_once()
    job.refresh_from_db()
    assert job.state == State.DONE
    assert job.progress == 100
    assert seen == sorted(set(seen))  # only rising, each value once
    assert any(percent <= 20 for percent in seen)  # collecting the meetings
    assert seen[-1] == 99  # the last meeting laid out; 100 once the file is stored
    assert len(seen) > 50  # per meeting, not in one jump
    assert (export_folder() / f"{job.pk}.docx").is_file()

    client = cast.client_for(cast.anouk)
    page = client.get(reverse("exports:status", args=[job.pk]), headers={"HX-Request": "true"})
    assert reverse("exports:download", args=[job.pk]) in page.content.decode()
    assert b"every 2s" not in page.content
    download = client.get(reverse("exports:download", args=[job.pk]))
    assert download.status_code == 200
    assert "attachment" in download["Content-Disposition"]
    assert "1on1-anouk-de-vries-bram-jansen.docx" in download["Content-Disposition"]
    text = "\n".join(
        p.text for p in docx.Document(io.BytesIO(b"".join(download.streaming_content))).paragraphs
    )
    assert f"Week {max(LARGE.values()) + 49} went well." in text
    assert "Anouk private note 1" in text
    assert "Bram private note 1" not in text


def record_progress(monkeypatch) -> list[int]:  # type: ignore[no-untyped-def]
    seen: list[int] = []
    original = Job.report_progress

    def record(self, percent: int) -> None:  # type: ignore[no-untyped-def]
        seen.append(percent)
        original(self, percent)

    monkeypatch.setattr(Job, "report_progress", record)
    return seen


def test_a_pdf_in_the_background_reports_progress_per_page(cast, series, monkeypatch):
    for number in range(1, 5):
        hold_meeting(cast, series, number)
    job = Job.enqueue(
        "export",
        "export:pdf-test",
        {"scope": "series", "id": str(series.pk), "format": "pdf"},
        requested_by=cast.anouk,
    )
    seen = record_progress(monkeypatch)
    Worker(name="t").run_once()
    job.refresh_from_db()
    assert job.state == State.DONE
    assert [percent for percent in seen if 20 < percent < 100]  # pages laid out
    assert seen == sorted(seen)
    download = cast.client_for(cast.anouk).get(reverse("exports:download", args=[job.pk]))
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_only_the_requester_downloads_the_file(cast, long_series):
    job = start_export(cast, long_series, "md")
    Worker(name="t").run_once()
    for other in (cast.bram, cast.hanna, cast.willem, cast.dana):
        response = cast.client_for(other).get(reverse("exports:download", args=[job.pk]))
        assert response.status_code == 404


def test_the_download_is_not_there_before_the_file_is_ready(cast, long_series):
    job = start_export(cast, long_series, "md")
    response = cast.client_for(cast.anouk).get(reverse("exports:download", args=[job.pk]))
    assert response.status_code == 404


def test_files_are_removed_after_24_hours(cast, long_series):
    job = start_export(cast, long_series, "md")
    Worker(name="t").run_once()
    path = export_folder() / f"{job.pk}.md"
    fresh = export_folder() / "fresh.md"
    fresh.write_text("new")
    day_ago = time.time() - 25 * 3600
    os.utime(path, (day_ago, day_ago))
    assert remove_old_exports() == 0
    assert not path.exists()
    assert fresh.exists()
    client = cast.client_for(cast.anouk)
    assert client.get(reverse("exports:download", args=[job.pk])).status_code == 404
    page = client.get(reverse("exports:status", args=[job.pk]))
    assert b"removed after 24 hours" in page.content


def test_the_worker_runs_the_cleanup_every_round(cast, long_series):
    folder = export_folder()
    folder.mkdir(parents=True)
    stale = folder / "old.pdf"
    stale.write_bytes(b"%PDF")
    day_ago = time.time() - 25 * 3600
    os.utime(stale, (day_ago, day_ago))
    Worker(name="t").run_once()
    assert not stale.exists()


@pytest.mark.parametrize("fmt", ["pdf", "docx", "md"])
def test_a_short_series_downloads_at_once(cast, series, fmt):
    hold_meeting(cast, series, 1)
    response = cast.client_for(cast.anouk).get(
        reverse("exports:series", args=[series.pk]), {"format": fmt}
    )
    assert response.status_code == 200
    assert not Job.objects.filter(kind="export").exists()


def test_a_pdf_has_a_lower_limit_for_direct_download_than_markdown(cast, series):
    hold_meeting(cast, series, 1)
    for _number in range(LARGE["pdf"]):
        series.upcoming_meeting().skip("Holiday", by=cast.anouk)
    assert series.meetings.count() > LARGE["pdf"]
    pdf = cast.client_for(cast.anouk).get(
        reverse("exports:series", args=[series.pk]), {"format": "pdf"}
    )
    assert pdf.status_code == 302
    markdown = cast.client_for(cast.anouk).get(
        reverse("exports:series", args=[series.pk]), {"format": "md"}
    )
    assert markdown.status_code == 200


def test_the_export_of_a_long_series_takes_a_fixed_number_of_queries(
    cast, series, django_assert_max_num_queries
):
    from tweespraak.exports.document import Scope, build_export

    hold_meeting(cast, series, 1)
    for number in range(2, 6):
        hold_meeting(cast, series, number)
    with django_assert_max_num_queries(10):
        document = build_export(cast.anouk, Scope("series", series.pk))
    assert document.meeting_count == 6


def test_an_export_the_reader_may_not_see_ends_without_a_file(cast, long_series):
    job = start_export(cast, long_series, "md")
    job.payload = {**job.payload, "id": str(cast.dana.pk)}
    job.save(update_fields=["payload"])
    Worker(name="t").run_once()
    job.refresh_from_db()
    assert job.state == State.DONE
    assert not (export_folder() / f"{job.pk}.md").exists()
    page = cast.client_for(cast.anouk).get(reverse("exports:status", args=[job.pk]))
    assert b"could not be made" in page.content
