"""Large exports run in the worker; their files wait in a private folder for 24 hours.

The folder is settings.DATA_DIR / "exports", outside static and media: a file is
only ever handed out by `exports:download`, to the person who asked for it.
"""

from __future__ import annotations

import datetime
import time
import uuid
from pathlib import Path

from django.conf import settings

from tweespraak.exports.document import NothingToExport, Progress, Scope, build_export
from tweespraak.exports.renderers import file_name, render
from tweespraak.notify.models import Job
from tweespraak.notify.registry import job_handler, scheduler

KIND = "export"
KEEP = datetime.timedelta(hours=24)
# Collecting the meetings is quick (0.15 s for 80); laying them out is most of the work:
# per meeting for DOCX, per page for PDF (WeasyPrint reports each page it lays out).
BUILD_SHARE = 20


def export_folder() -> Path:
    return Path(settings.DATA_DIR) / "exports"


def export_path(job: Job) -> Path:
    """Named by the job's UUID only, so nothing typed can reach the file system."""
    return export_folder() / f"{job.pk}.{job.payload['format']}"


@job_handler(KIND)
def run_export(job: Job) -> None:
    reader = job.requested_by
    if reader is None:
        raise ValueError("an export job needs the person who asked for it")
    scope = Scope(kind=job.payload["scope"], id=uuid.UUID(job.payload["id"]))

    reported = [0]

    def report(start: int, end: int) -> Progress:
        def progress(done: int, total: int) -> None:
            percent = start + (end - start) * done // max(total, 1)
            if percent > reported[0]:
                reported[0] = percent
                job.report_progress(percent)

        return progress

    try:
        document = build_export(reader, scope, progress=report(0, BUILD_SHARE))
    except NothingToExport:
        # No longer a participant (or the series is gone): nothing to retry.
        job.result = {"error": "nothing_to_export"}
        job.save(update_fields=["result"])
        return
    content = render(document, job.payload["format"], progress=report(BUILD_SHARE, 99))
    folder = export_folder()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = export_path(job)
    partial = path.with_suffix(".part")
    partial.write_bytes(content)
    partial.replace(path)
    job.progress = 100
    job.result = {"file": path.name, "filename": file_name(document, job.payload["format"])}
    job.save(update_fields=["progress", "result"])


@scheduler
def remove_old_exports() -> int:
    """Delete export files older than 24 hours. Returns 0: deleting queues nothing."""
    folder = export_folder()
    if not folder.is_dir():
        return 0
    cutoff = time.time() - KEEP.total_seconds()
    for path in folder.iterdir():
        if path.is_file() and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
    return 0
