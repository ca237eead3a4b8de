"""A mail server that is down delays mail: retried with back-off, shown in the log, never lost."""

from __future__ import annotations

import datetime
import socket

import time_machine
from django.urls import reverse
from django.utils import timezone

from tweespraak.notify.mailer import queue_mail
from tweespraak.notify.models import Mail, MailKind, State
from tweespraak.notify.worker import Worker


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again when the block ends


def test_mail_waits_while_the_server_is_down_and_is_sent_once_when_it_is_back(
    cast, series, smtp_server, settings
):
    settings.EMAIL_PORT = closed_port()
    with time_machine.travel(datetime.datetime(2026, 1, 6, 10, tzinfo=datetime.UTC), tick=False):
        meeting = series.upcoming_meeting()
        meeting.complete(by=cast.anouk)
        queue_mail(cast.bram, MailKind.SUMMARY, "summary-test", {"meeting": str(meeting.pk)})
        Worker(name="test").run_once()
        mail = Mail.objects.get(idempotency_key="summary-test")
        assert mail.state == State.QUEUED
        assert mail.sent_at is None
        assert mail.attempts == 1
        assert "ConnectionRefusedError" in mail.last_error
        assert mail.run_at == timezone.now() + datetime.timedelta(minutes=1)
        Worker(name="test").run_once()  # not due yet: nothing is tried
        mail.refresh_from_db()
        assert mail.attempts == 1

        log = cast.client_for(cast.willem).get(reverse("notify:log")).content.decode()
        assert "Waiting to retry" in log
        assert "ConnectionRefusedError" in log

    settings.EMAIL_PORT = smtp_server.port
    later = datetime.datetime(2026, 1, 6, 10, 2, tzinfo=datetime.UTC)
    with time_machine.travel(later, tick=False):
        for _round in range(5):
            Worker(name="test").run_once()
    assert len(smtp_server.messages) == 1
    mail.refresh_from_db()
    assert (mail.state, mail.attempts, mail.last_error) == (State.DONE, 2, "")
    assert mail.sent_at == later
    log = cast.client_for(cast.willem).get(reverse("notify:log")).content.decode()
    assert "badge-ok" in log


def test_each_failure_waits_longer(cast, series, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port()
    moment = datetime.datetime(2026, 1, 6, 10, tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=False):
        meeting = series.upcoming_meeting()
        meeting.complete(by=cast.anouk)
        queue_mail(cast.bram, MailKind.SUMMARY, "summary-test", {"meeting": str(meeting.pk)})
    waits = []
    for _attempt in range(4):
        with time_machine.travel(moment, tick=False):
            Worker(name="test").run_once()
            mail = Mail.objects.get()
            waits.append(int((mail.run_at - moment).total_seconds() // 60))
            moment = mail.run_at
    assert waits == [1, 2, 4, 8]
    assert mail.state == State.QUEUED
