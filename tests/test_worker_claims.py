"""Claims: one worker per job, a dead worker's job is taken up again, failures back off."""

from __future__ import annotations

import datetime

import time_machine
from django.utils import timezone

from tweespraak.notify.models import MAX_ATTEMPTS, Job, State


def test_a_job_is_claimed_by_one_worker_only(db):
    Job.enqueue("noop", "job-1")
    first = Job.claim_next("worker-a")
    second = Job.claim_next("worker-b")
    assert first is not None
    assert first.locked_by == "worker-a"
    assert second is None


def test_the_same_key_queues_one_job(db):
    assert Job.enqueue("noop", "same") == Job.enqueue("noop", "same")
    assert Job.objects.count() == 1


def test_a_job_of_a_killed_worker_is_taken_up_after_its_lease(db):
    Job.enqueue("noop", "job-1")
    assert Job.claim_next("dies") is not None
    assert Job.claim_next("other") is None
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=6)):
        again = Job.claim_next("other")
    assert again is not None
    assert (again.locked_by, again.attempts) == ("other", 2)


def test_a_failure_is_retried_later_and_given_up_in_the_end(db):
    Job.enqueue("noop", "job-1")
    job = Job.claim_next("w")
    job.fail("boom")
    job.refresh_from_db()
    assert job.state == State.QUEUED
    assert job.run_at > timezone.now()
    assert Job.claim_next("w") is None
    job.attempts = MAX_ATTEMPTS
    job.fail("boom again")
    assert job.state == State.FAILED


def test_a_finished_job_is_not_claimed_again(db):
    Job.enqueue("noop", "job-1")
    Job.claim_next("w").finish()
    assert Job.claim_next("w") is None


def test_mail_waits_about_a_week_for_a_mail_server_that_is_down(cast):
    from tweespraak.notify.mailer import queue_mail
    from tweespraak.notify.models import MAIL_MAX_ATTEMPTS, Mail, backoff

    mail = queue_mail(cast.bram, "reminder", "mail-1")
    mail.attempts = MAX_ATTEMPTS
    mail.fail("Connection refused")
    assert mail.state == State.QUEUED
    waited = sum((backoff(n) for n in range(1, MAIL_MAX_ATTEMPTS)), datetime.timedelta())
    assert waited > datetime.timedelta(days=6)
    mail.attempts = MAIL_MAX_ATTEMPTS
    mail.fail("Connection refused")
    assert Mail.objects.get(pk=mail.pk).state == State.FAILED
