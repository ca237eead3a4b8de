"""A mail kind and a job kind that only the worker-process tests queue."""

from __future__ import annotations

import os
import time
from typing import Any

from django.conf import settings

from tweespraak.notify.registry import BuiltMail, job_handler, mail_builder

MAIL_KIND = "worker_test"
JOB_KIND = "worker_test"


@mail_builder(MAIL_KIND)
def build_test_mail(mail: Any) -> BuiltMail:
    """An existing template trio, so the mail is rendered and sent like any other."""
    return BuiltMail(
        "accounts/email/invitation",
        {
            "link": f"{settings.SITE_URL}/test/{mail.pk}",
            "workspace": mail.workspace,
            "invited_by": None,
            "valid_days": 14,
        },
    )


@job_handler(JOB_KIND)
def record_run(job: Any) -> None:
    """Append one line per run (job id and worker) to the file named in the payload."""
    if job.attempts == 1:
        time.sleep(float(job.payload.get("seconds_on_first_attempt", 0)))
    line = f"{job.pk} {job.locked_by}\n".encode()
    descriptor = os.open(job.payload["log"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(descriptor, line)
    finally:
        os.close(descriptor)
