"""How fast is the export of a long series? `python bench/export_series.py [--meetings 80]`.

Sets up a throwaway SQLite database in a temporary folder, plans a weekly series
with the given number of held meetings (three shared talking points, a private
one, shared notes with a heading, a list and bold text, private notes, two
agreements and, for every fifth meeting, a move), then times building the
content and rendering it as Markdown, DOCX and PDF, as the reader would get it.
The last line printed is `pdf_seconds=N` (content plus PDF rendering).
"""

from __future__ import annotations

import argparse
import datetime
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

NOTES = """### How it went

The **release** slipped a week; we agreed to *split* the work:

- front end: Bram
- back end: the team
- tests before Friday

Next time we look at the training budget again."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--meetings", type=int, default=80)
    options = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as folder:
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
        os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 50)
        os.environ.setdefault("EMAIL_HOST", "127.0.0.1")
        os.environ["TWEESPRAAK_DATA_DIR"] = folder
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tweespraak.settings")
        run(options.meetings)


def seed(count: int):  # type: ignore[no-untyped-def]
    from tweespraak.accounts.models import Person, Workspace
    from tweespraak.meetings.models import (
        Agreement,
        Meeting,
        MeetingChange,
        MeetingStatus,
        Note,
        Series,
        TalkingPoint,
    )

    workspace = Workspace.objects.create(name="Bench", slug="bench")
    anouk = Person.objects.create_user(
        email="anouk@bench.test", workspace=workspace, name="Anouk de Vries", language="en"
    )
    bram = Person.objects.create_user(
        email="bram@bench.test", workspace=workspace, name="Bram Jansen", language="en"
    )
    start = datetime.datetime(2023, 1, 3, 8, 0, tzinfo=datetime.UTC)
    series = Series.objects.create(
        workspace=workspace, manager=anouk, report=bram, cadence="weekly", starts_at=start
    )
    meetings = Meeting.objects.bulk_create(
        Meeting(
            series=series,
            planned_at=start + datetime.timedelta(weeks=week),
            scheduled_at=start + datetime.timedelta(weeks=week),
            status=MeetingStatus.HELD,
            held_at=start + datetime.timedelta(weeks=week),
        )
        for week in range(count)
    )
    points, notes, agreements, changes = [], [], [], []
    for number, meeting in enumerate(meetings):
        for index in range(3):
            points.append(
                TalkingPoint(
                    series=series,
                    author=anouk if index % 2 else bram,
                    text=f"Point {index} of week {number}: workload and priorities",
                    discussed_in=meeting,
                )
            )
        points.append(
            TalkingPoint(
                series=series, author=anouk, text="A private point", is_private=True,
                discussed_in=meeting,
            )
        )  # fmt: skip
        notes.append(Note(meeting=meeting, body=NOTES))
        notes.append(Note(meeting=meeting, is_private=True, author=anouk, body="Mine only."))
        for owner in (anouk, bram):
            agreements.append(
                Agreement(
                    series=series,
                    meeting=meeting,
                    owner=owner,
                    text=f"Follow up on week {number}",
                    due_on=meeting.scheduled_at.date() + datetime.timedelta(days=14),
                )
            )
        if number % 5 == 0:
            changes.append(
                MeetingChange(
                    meeting=meeting,
                    kind="rescheduled",
                    reason="Customer visit",
                    moved_from=meeting.planned_at - datetime.timedelta(days=1),
                    moved_to=meeting.scheduled_at,
                    by=bram,
                )
            )
    TalkingPoint.objects.bulk_create(points)
    Note.objects.bulk_create(notes)
    Agreement.objects.bulk_create(agreements)
    MeetingChange.objects.bulk_create(changes)
    return anouk, series


def run(count: int) -> None:
    import django  # only after the environment is set

    django.setup()
    logging.getLogger("weasyprint").setLevel(logging.WARNING)
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from tweespraak.exports.document import Scope, build_export
    from tweespraak.exports.renderers import render

    reader, series = seed(count)
    scope = Scope("series", series.pk)
    build_export(reader, scope)  # warm up: imports, templates, fonts
    started = time.perf_counter()
    document = build_export(reader, scope)
    content_seconds = time.perf_counter() - started
    print(f"meetings={document.meeting_count}")
    print(f"content_seconds={content_seconds:.3f}")
    figures = {}
    for fmt in ("md", "docx", "pdf"):
        started = time.perf_counter()
        output = render(build_export(reader, scope), fmt)
        figures[fmt] = time.perf_counter() - started
        print(f"{fmt}: {figures[fmt]:.2f} s, {len(output) / 1024:.0f} KiB")
        pdfinfo = shutil.which("pdfinfo")
        if fmt == "pdf" and pdfinfo:
            info = subprocess.run([pdfinfo, "-"], input=output, capture_output=True, check=False)
            pages = [line for line in info.stdout.decode().splitlines() if line.startswith("Pages")]
            print(f"pdf {pages[0] if pages else ''}")
    print(f"md_seconds={figures['md']:.2f}")
    print(f"docx_seconds={figures['docx']:.2f}")
    print(f"pdf_seconds={figures['pdf']:.2f}")


if __name__ == "__main__":
    main()
