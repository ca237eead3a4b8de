"""The worker loop: run schedulers, send due mail, run due jobs; stop cleanly on SIGTERM.

Delivery guarantees (tests/test_worker_processes.py runs real processes for each):
- Any number of workers may run: a mail or job is claimed by one of them only
  (a conditional UPDATE, see notify/models.py), so racing workers never send the
  same mail twice.
- A worker that dies mid-task loses nothing: its claim is a lease
  (WORKER_LEASE_SECONDS); when it expires, another worker takes the row up again.
  A mail whose SMTP transaction never completed was never accepted by the server,
  so the retry delivers it exactly once.
- The one remaining window is at-least-once: a worker killed after the mail server
  accepted the message but before the row was marked done. The retry sends the
  same message again with the same Message-ID (`<mail id@tweespraak>`), so mail
  servers and clients that deduplicate by Message-ID show it once.
- SIGTERM (or Ctrl+C) lets the current mail or job finish, then the worker exits
  without claiming anything new.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import time
import traceback
from types import FrameType

from django.db import close_old_connections

from tweespraak.notify import registry
from tweespraak.notify.mailer import send_queued
from tweespraak.notify.models import Job, Mail

log = logging.getLogger("tweespraak.worker")


class Worker:
    def __init__(self, name: str | None = None, poll_seconds: float = 2.0) -> None:
        self.name = name or f"{socket.gethostname()}:{os.getpid()}"
        self.poll_seconds = poll_seconds
        self.stopping = False
        registry.load()

    def stop(self, signum: int | None = None, frame: FrameType | None = None) -> None:
        log.info("worker %s stopping after the current task", self.name)
        self.stopping = True

    def run_once(self) -> bool:
        """Do one round; True when there was something to do."""
        busy = False
        for schedule in registry.SCHEDULERS:
            try:
                busy = bool(schedule()) or busy
            except Exception:
                log.exception("scheduler %s failed", schedule.__name__)
        if self.stopping:
            return busy
        mail = Mail.claim_next(self.name)
        if mail is not None:
            busy = True
            try:
                send_queued(mail)
            except Exception as error:
                log.warning("mail %s failed: %s", mail.pk, error)
                mail.fail(f"{type(error).__name__}: {error}")
        if self.stopping:
            return busy
        job = Job.claim_next(self.name)
        if job is not None:
            busy = True
            try:
                registry.JOB_HANDLERS[job.kind](job)
                job.finish()
            except Exception as error:
                log.warning("job %s (%s) failed: %s", job.pk, job.kind, error)
                job.fail(traceback.format_exc(limit=5) or str(error))
        return busy

    def run(self, max_seconds: float | None = None) -> None:
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        started = time.monotonic()
        log.info("worker %s started", self.name)
        while not self.stopping:
            close_old_connections()
            if not self.run_once():
                waited = 0.0
                while waited < self.poll_seconds and not self.stopping:
                    time.sleep(0.1)
                    waited += 0.1
            if max_seconds is not None and time.monotonic() - started > max_seconds:
                break
        log.info("worker %s stopped", self.name)
