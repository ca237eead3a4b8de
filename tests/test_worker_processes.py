"""Real worker processes against PostgreSQL: racing workers, a killed worker, SIGTERM.

Each test starts `python -m tweespraak.cli worker` processes on the test database
and a real SMTP server on loopback, and reads what arrives there. The processes use
`tests.worker_app.settings`: the production settings plus a test-only app whose
`background.py` has a mail builder and a job handler (see tests/worker_app).

SQLite: pytest-django keeps the SQLite test database in memory, where another
process cannot see it, so these tests run on PostgreSQL only (CI runs the suite
on both).
"""

from __future__ import annotations

import asyncio
import collections
import datetime
import email
import email.policy
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope
from django.db import connection

from tests.conftest import Cast, _free_port
from tests.worker_app.background import JOB_KIND, MAIL_KIND
from tweespraak.notify.models import Job, Mail, State

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.django_db(transaction=True)


def wait_for(condition: Callable[[], object], seconds: float, what: str) -> None:
    """Poll `condition` until it is true; fail with `what` after `seconds`."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {seconds} s waiting for {what}")
        time.sleep(0.05)


@dataclass
class Recorder:
    """An SMTP handler that records each accepted message and can hold one in DATA.

    `hold(message_id, accept)` makes the first delivery of that message wait in the
    DATA phase (the client waits for the server's answer) until `release` is set;
    it is then accepted, or refused with a temporary error as if the server had
    never got it.
    """

    delay: float = 0.0
    message_ids: list[str] = field(default_factory=list)
    held: dict[str, bool] = field(default_factory=dict)
    holding: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def hold(self, message_id: str, accept: bool) -> None:
        self.held[message_id] = accept

    async def handle_DATA(self, server: object, session: object, envelope: Envelope) -> str:
        message = email.message_from_bytes(
            envelope.original_content or b"", policy=email.policy.default
        )
        message_id = str(message["Message-ID"])
        accept = self.held.pop(message_id, None)
        if accept is not None:
            self.holding.set()
            for _tick in range(600):
                if self.release.is_set():
                    break
                await asyncio.sleep(0.05)
            if not accept:
                return "451 4.3.0 Not accepted, try again later"
        elif self.delay:
            await asyncio.sleep(self.delay)
        with self.lock:
            self.message_ids.append(message_id)
        return "250 Message accepted for delivery"

    def count(self, message_id: str) -> int:
        with self.lock:
            return self.message_ids.count(message_id)


@pytest.fixture
def smtp() -> Iterator[tuple[Recorder, int]]:
    recorder = Recorder()
    port = _free_port()
    controller = Controller(recorder, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield recorder, port
    finally:
        recorder.release.set()
        controller.stop()


class WorkerProcess:
    """`tweespraak worker` in its own process; its log lines are collected as they come."""

    def __init__(self, name: str, env: dict[str, str]) -> None:
        self.name = name
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tweespraak.cli", "worker", "--poll", "0.2", "--name", name],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line.rstrip())

    def logged(self, text: str) -> bool:
        return any(text in line for line in self.lines)

    def wait_until_started(self) -> None:
        wait_for(
            lambda: self.logged(f"worker {self.name} started") or self.process.poll() is not None,
            15,
            f"worker {self.name} to start",
        )
        assert self.process.poll() is None, "\n".join(self.lines)

    def stop(self, seconds: float = 10) -> int:
        """SIGTERM and the exit status (killed when it does not stop in time)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(seconds)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise

    def log(self) -> str:
        return "\n".join(self.lines)


@pytest.fixture
def start_worker(smtp: tuple[Recorder, int]) -> Iterator[Callable[..., WorkerProcess]]:
    """Start a worker process on the test database with the loopback SMTP server."""
    if connection.vendor != "postgresql":
        pytest.skip(
            "real worker processes need a database another process can open: "
            "run with DATABASE_URL=postgres://… (CI does)"
        )
    database = connection.settings_dict
    url = "postgres://{user}:{password}@{host}:{port}/{name}".format(
        user=quote(database["USER"] or "", safe=""),
        password=quote(database["PASSWORD"] or "", safe=""),
        host=database["HOST"] or "127.0.0.1",
        port=database["PORT"] or 5432,
        name=quote(database["NAME"], safe=""),
    )
    started: list[WorkerProcess] = []

    def start(name: str, lease_seconds: int = 300) -> WorkerProcess:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.worker_app.settings",
            "DATABASE_URL": url,
            "DEBUG": "0",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp[1]),
            "EMAIL_TIMEOUT": "60",
            "WORKER_LEASE_SECONDS": str(lease_seconds),
            "LOG_LEVEL": "INFO",
            "PYTHONUNBUFFERED": "1",
        }
        worker = WorkerProcess(name, env)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        if worker.process.poll() is None:
            worker.process.kill()
            worker.process.wait()


def queue_mails(cast: Cast, count: int, prefix: str) -> list[Mail]:
    people = [cast.anouk, cast.bram, cast.chris, cast.hanna, cast.willem]
    return Mail.objects.bulk_create(
        Mail(
            workspace=cast.workspace,
            recipient=people[number % len(people)],
            kind=MAIL_KIND,
            idempotency_key=f"{prefix}-{number}",
        )
        for number in range(count)
    )


def message_id(mail: Mail) -> str:
    return f"<{mail.pk}@tweespraak>"


def runs_logged(path: Path) -> list[tuple[str, str]]:
    if not path.exists():
        return []
    return [tuple(line.split(" ", 1)) for line in path.read_text().splitlines()]  # type: ignore[misc]


def all_done(model: type[Mail] | type[Job]) -> bool:
    return not model.objects.exclude(state=State.DONE).exists()


@pytest.mark.parametrize("workers", [2, 3])
def test_racing_workers_send_every_mail_and_run_every_job_exactly_once(
    cast, smtp, start_worker, tmp_path, workers
):
    recorder, _port = smtp
    recorder.delay = 0.02  # a mail server that takes a moment, so every worker gets work
    processes = [start_worker(f"racer-{number}") for number in range(1, workers + 1)]
    for process in processes:
        process.wait_until_started()

    mails = queue_mails(cast, 50, "race")
    run_log = tmp_path / "runs.log"
    jobs = Job.objects.bulk_create(
        Job(kind=JOB_KIND, idempotency_key=f"race-job-{number}", payload={"log": str(run_log)})
        for number in range(20)
    )
    wait_for(lambda: all_done(Mail) and all_done(Job), 15, "all mail sent and all jobs run")

    for process in processes:
        assert process.stop() == 0, process.log()
    assert collections.Counter(recorder.message_ids) == {message_id(mail): 1 for mail in mails}
    assert sorted(job_id for job_id, _worker in runs_logged(run_log)) == sorted(
        str(job.pk) for job in jobs
    )
    sent = Mail.objects.all()
    assert all(mail.sent_at is not None and mail.attempts == 1 for mail in sent)
    names = {process.name for process in processes}
    assert {mail.locked_by for mail in sent} == names, "every worker sent some of the mail"


def test_a_mail_whose_worker_is_killed_mid_send_is_sent_once_by_another_worker(
    cast, smtp, start_worker
):
    recorder, _port = smtp
    [mail] = queue_mails(cast, 1, "killed")
    # The first delivery waits in DATA and is never accepted: the killed worker's
    # SMTP transaction does not complete, as when a worker dies mid-send.
    recorder.hold(message_id(mail), accept=False)
    doomed = start_worker("doomed", lease_seconds=1)
    wait_for(recorder.holding.is_set, 15, "the first worker to be sending")
    doomed.process.kill()
    assert doomed.process.wait(5) == -signal.SIGKILL
    recorder.release.set()
    mail.refresh_from_db()
    assert (mail.state, mail.locked_by, mail.sent_at) == (State.RUNNING, "doomed", None)

    rescuer = start_worker("rescuer", lease_seconds=1)
    wait_for(lambda: all_done(Mail), 15, "the second worker to send the mail")

    assert rescuer.stop() == 0, rescuer.log()
    mail.refresh_from_db()
    assert (mail.locked_by, mail.attempts) == ("rescuer", 2)
    assert mail.sent_at is not None
    assert recorder.message_ids == [message_id(mail)]


def test_a_job_whose_worker_is_killed_is_run_once_by_another_worker(
    cast, smtp, start_worker, tmp_path
):
    run_log = tmp_path / "runs.log"
    job = Job.enqueue(JOB_KIND, "killed-job", {"log": str(run_log), "seconds_on_first_attempt": 60})
    doomed = start_worker("doomed", lease_seconds=1)
    wait_for(
        lambda: Job.objects.filter(pk=job.pk, locked_by="doomed").exists(),
        15,
        "the first worker to take the job",
    )
    doomed.process.kill()
    doomed.process.wait(5)

    rescuer = start_worker("rescuer", lease_seconds=1)
    wait_for(lambda: all_done(Job), 15, "the second worker to run the job")

    assert rescuer.stop() == 0, rescuer.log()
    assert runs_logged(run_log) == [(str(job.pk), "rescuer")]
    job.refresh_from_db()
    assert (job.locked_by, job.attempts) == ("rescuer", 2)


def test_sigterm_lets_a_busy_worker_finish_its_send_and_start_nothing_new(
    cast, smtp, start_worker, tmp_path
):
    recorder, _port = smtp
    mail, waiting = queue_mails(cast, 2, "sigterm")
    Mail.objects.filter(pk=waiting.pk).update(run_at=mail.run_at + datetime.timedelta(seconds=1))
    recorder.hold(message_id(mail), accept=True)
    job = Job.enqueue(JOB_KIND, "sigterm-job", {"log": str(tmp_path / "runs.log")})
    worker = start_worker("busy")
    wait_for(recorder.holding.is_set, 15, "the worker to be sending")

    worker.process.send_signal(signal.SIGTERM)
    wait_for(lambda: worker.logged("stopping after the current task"), 5, "SIGTERM to arrive")
    assert worker.process.poll() is None, "the worker waits for its send to finish"
    recorder.release.set()

    assert worker.process.wait(5) == 0, worker.log()
    assert recorder.message_ids == [message_id(mail)]
    mail.refresh_from_db()
    assert mail.state == State.DONE
    assert mail.sent_at is not None
    assert Mail.objects.get(pk=waiting.pk).state == State.QUEUED
    assert Job.objects.get(pk=job.pk).state == State.QUEUED


def test_sigterm_stops_an_idle_worker_at_once(db, smtp, start_worker):
    worker = start_worker("idle")
    worker.wait_until_started()
    signalled = time.monotonic()
    assert worker.stop(seconds=5) == 0, worker.log()
    assert time.monotonic() - signalled < 2
    assert worker.logged("worker idle stopped")
