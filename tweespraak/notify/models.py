"""Background work: jobs and outgoing mail, claimed by workers so each runs once.

A worker claims a row with a conditional UPDATE (status and lease in the WHERE
clause): of two workers racing for one row, exactly one UPDATE matches. A claim
is a lease: a worker killed mid-job leaves the row "running" with an expired
lease, and the next worker takes it up again. That works the same on SQLite and
PostgreSQL, so the embedded set-up needs nothing extra.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any, TypeVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tweespraak.accounts.models import Person, Workspace

LEASE = datetime.timedelta(seconds=settings.WORKER_LEASE_SECONDS)
MAX_ATTEMPTS = 8
# A mail server that is down must delay mail, not lose it: with the back-off capped
# at six hours, 40 attempts keep a mail waiting for about a week before it is given up.
MAIL_MAX_ATTEMPTS = 40


def backoff(attempts: int) -> datetime.timedelta:
    """1, 2, 4, 8 … minutes, at most six hours, after the given number of failures."""
    return datetime.timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


class State(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


Claimable = TypeVar("Claimable", bound="ClaimableWork")


class ClaimableWork(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    idempotency_key = models.CharField(max_length=200, unique=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    run_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveSmallIntegerField(default=0)
    locked_by = models.CharField(max_length=100, blank=True)
    locked_until = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    @classmethod
    def claim_next(cls: type[Claimable], worker: str) -> Claimable | None:
        """Take one due row for `worker`, or None. Safe with any number of workers."""
        now = timezone.now()
        due = cls.objects.filter(  # type: ignore[attr-defined]
            models.Q(state=State.QUEUED, run_at__lte=now)
            | models.Q(state=State.RUNNING, locked_until__lt=now)
        )
        for candidate in due.order_by("run_at").values("pk", "state", "locked_until")[:10]:
            claimed = cls.objects.filter(  # type: ignore[attr-defined]
                pk=candidate["pk"], state=candidate["state"], locked_until=candidate["locked_until"]
            ).update(
                state=State.RUNNING,
                locked_by=worker,
                locked_until=now + LEASE,
                attempts=models.F("attempts") + 1,
            )
            if claimed:
                return cls.objects.get(pk=candidate["pk"])  # type: ignore[attr-defined]
        return None

    def finish(self) -> None:
        self.state = State.DONE
        self.finished_at = timezone.now()
        self.locked_until = None
        self.last_error = ""
        self.save(update_fields=["state", "finished_at", "locked_until", "last_error"])

    max_attempts = MAX_ATTEMPTS

    def fail(self, error: str) -> None:
        """Retry later with back-off, or give up after `max_attempts`."""
        self.last_error = error[:2000]
        self.locked_until = None
        if self.attempts >= self.max_attempts:
            self.state = State.FAILED
            self.finished_at = timezone.now()
        else:
            self.state = State.QUEUED
            self.run_at = timezone.now() + backoff(self.attempts)
        self.save(update_fields=["last_error", "locked_until", "state", "finished_at", "run_at"])


class Job(ClaimableWork):
    """A piece of background work: `kind` names the handler, `payload` its input."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, null=True, blank=True)
    requested_by = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=60)
    payload = models.JSONField(default=dict)
    progress = models.PositiveSmallIntegerField(default=0)
    result = models.JSONField(default=dict, blank=True)

    class Meta:
        indexes = [models.Index(fields=["state", "run_at"])]

    def __str__(self) -> str:
        return f"{self.kind} ({self.state})"

    @classmethod
    def enqueue(
        cls, kind: str, key: str, payload: dict[str, Any] | None = None, **fields: Any
    ) -> Job:
        """Queue a job once: the same idempotency key returns the existing job."""
        job, _created = cls.objects.get_or_create(
            idempotency_key=key, defaults={"kind": kind, "payload": payload or {}, **fields}
        )
        return job

    def report_progress(self, percent: int) -> None:
        Job.objects.filter(pk=self.pk).update(
            progress=max(0, min(percent, 100)), locked_until=timezone.now() + LEASE
        )


class MailKind(models.TextChoices):
    INVITATION = "invitation", _("Invitation to Tweespraak")
    SERIES_INVITE = "series_invite", _("Calendar invitation for a 1:1 series")
    REMINDER = "reminder", _("Reminder before a 1:1")
    SUMMARY = "summary", _("Summary after a 1:1")
    OVERDUE = "overdue", _("Overdue agreements")
    PASSWORD_RESET = "password_reset", _("Password reset")


class Mail(ClaimableWork):
    """One e-mail to one person. Rendered at send time, in the recipient's language.

    The mail log shows these rows (kind, recipient, when, state), never the text.
    A mail is retried for about a week (MAIL_MAX_ATTEMPTS) before it is given up.
    """

    max_attempts = MAIL_MAX_ATTEMPTS

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="mails")
    recipient = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="mails")
    kind = models.CharField(max_length=20, choices=MailKind.choices)
    context = models.JSONField(default=dict, help_text="Ids the template needs, never text.")
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["state", "run_at"]),
            models.Index(fields=["workspace", "-created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient} ({self.state})"


class ReminderTiming(models.IntegerChoices):
    """How long before a 1:1 its reminder goes out, in hours."""

    TWO_HOURS = 2, _("Two hours before")
    DAY_BEFORE = 24, _("The day before (24 hours)")
    TWO_DAYS = 48, _("Two days before (48 hours)")


# The kinds a person can switch off; invitations and password resets always go out.
OPTIONAL_KINDS = (MailKind.REMINDER, MailKind.SUMMARY, MailKind.OVERDUE, MailKind.SERIES_INVITE)


class NotificationPreferences(models.Model):
    """Which mails a person wants, and when their reminders come. No row: the defaults."""

    person = models.OneToOneField(
        Person,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="notification_preferences",
    )
    reminder = models.BooleanField(_("Reminder before each 1:1"), default=True)
    reminder_hours = models.PositiveSmallIntegerField(
        _("When to remind me"), choices=ReminderTiming.choices, default=ReminderTiming.DAY_BEFORE
    )
    summary = models.BooleanField(_("Summary after each 1:1"), default=True)
    overdue = models.BooleanField(_("Weekly reminder of my overdue agreements"), default=True)
    series_invite = models.BooleanField(
        _("Calendar invitations and updates for my 1:1 series"), default=True
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("notification preferences")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return f"{self.person_id}"

    @classmethod
    def of(cls, person: Person) -> NotificationPreferences:
        """The person's preferences; unsaved defaults when they never changed any.

        Reads a `select_related("notification_preferences")` result without a query.
        """
        try:
            return person.notification_preferences
        except cls.DoesNotExist:
            return cls(person=person)

    def allows(self, kind: str) -> bool:
        if kind not in OPTIONAL_KINDS:
            return True
        return bool(getattr(self, str(kind)))

    @classmethod
    def person_allows(cls, person: Person, kind: str) -> bool:
        """Whether `person` wants mail of `kind` now; inactive people get none."""
        if not person.is_active:
            return False
        if kind not in OPTIONAL_KINDS:
            return True
        values = cls.objects.filter(person=person).values_list(str(kind), flat=True).first()
        return values is None or bool(values)
