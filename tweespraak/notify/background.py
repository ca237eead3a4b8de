"""Reminders before a 1:1, summaries after it, and weekly overdue-agreement mail.

Schedulers run every worker round, so each costs a few bounded queries: the
candidates in a short window, then one lookup of the idempotency keys already
queued (a unique index). The keys make queuing idempotent however often they run.
Builders run at send time and return None when the mail no longer makes sense.
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Iterable
from typing import Any

from django.urls import reverse
from django.utils import timezone

from tweespraak.accounts.models import Person
from tweespraak.meetings.markdown import render_markdown
from tweespraak.meetings.models import (
    Agreement,
    Meeting,
    MeetingStatus,
    Note,
    TalkingPoint,
)
from tweespraak.notify.mailer import queue_mail
from tweespraak.notify.models import Mail, MailKind, NotificationPreferences, ReminderTiming
from tweespraak.notify.registry import BuiltMail, mail_builder, scheduler

# The longest reminder timing a person can choose: meetings further away need nothing yet.
REMINDER_HORIZON = datetime.timedelta(hours=max(ReminderTiming.values))
OVERDUE_LIST_LIMIT = 20
OVERDUE_HOUR = 8


def link(name: str, *args: Any) -> str:
    from django.conf import settings

    return settings.SITE_URL + reverse(name, args=args)


def mail_context(mail: Mail, **values: Any) -> dict[str, Any]:
    """What every notification template gets: the footer's settings link and kind label."""
    label = NotificationPreferences._meta.get_field(mail.kind).verbose_name  # type: ignore[union-attr]
    return {"kind_label": label, "settings_link": link("settings"), **values}


def _missing(keys: Iterable[str]) -> set[str]:
    wanted = set(keys)
    if not wanted:
        return set()
    queued = Mail.objects.filter(idempotency_key__in=wanted).values_list(
        "idempotency_key", flat=True
    )
    return wanted - set(queued)


# Reminders --------------------------------------------------------------------------------


def reminder_key(meeting: Meeting, person: Person) -> str:
    # The time is part of the key: a moved meeting gets a new reminder at its new time.
    return f"reminder:{meeting.pk}:{person.pk}:{meeting.scheduled_at.isoformat()}"


@scheduler
def queue_reminders() -> int:
    """A reminder to each participant once their chosen time before the meeting has come."""
    now = timezone.now()
    meetings = Meeting.objects.filter(
        status=MeetingStatus.PLANNED,
        scheduled_at__gt=now,
        scheduled_at__lte=now + REMINDER_HORIZON,
        series__ended_at=None,
    ).select_related(
        "series__manager__notification_preferences",
        "series__report__notification_preferences",
    )
    due: dict[str, tuple[Meeting, Person]] = {}
    for meeting in meetings:
        for person in meeting.series.participants():
            preferences = NotificationPreferences.of(person)
            remind_at = meeting.scheduled_at - datetime.timedelta(hours=preferences.reminder_hours)
            if person.is_active and preferences.reminder and remind_at <= now:
                due[reminder_key(meeting, person)] = (meeting, person)
    missing = _missing(due)
    for key in missing:
        meeting, person = due[key]
        queue_mail(
            person,
            MailKind.REMINDER,
            key,
            {"meeting": str(meeting.pk), "scheduled_at": meeting.scheduled_at.isoformat()},
        )
    return len(missing)


def _planned_meeting(mail: Mail) -> Meeting | None:
    """The mail's meeting while it is still planned, at the time the mail was queued for."""
    meeting = (
        Meeting.objects.filter(
            pk=mail.context.get("meeting"), status=MeetingStatus.PLANNED, series__ended_at=None
        )
        .select_related("series__manager", "series__report")
        .first()
    )
    if meeting is None or not meeting.series.is_participant(mail.recipient):
        return None
    if meeting.scheduled_at.isoformat() != mail.context.get("scheduled_at"):
        return None  # moved since: the reminder for the new time replaces this one
    if meeting.scheduled_at <= timezone.now():
        return None  # too late to prepare: the mail was delayed past the meeting
    return meeting


@mail_builder(MailKind.REMINDER)
def build_reminder(mail: Mail) -> BuiltMail | None:
    meeting = _planned_meeting(mail)
    if meeting is None:
        return None
    agreements = (
        Agreement.objects.open()
        .filter(series=meeting.series_id)
        .select_related("owner")
        .order_by("due_on", "created_at")
    )
    return BuiltMail(
        "notify/email/reminder",
        mail_context(
            mail,
            meeting=meeting,
            other_person=meeting.series.other_participant(mail.recipient),
            agreements=list(agreements),
            today=timezone.localdate(),
            link=link("meetings:prepare", meeting.pk),
        ),
    )


# Summaries --------------------------------------------------------------------------------


def queue_summary(meeting: Meeting) -> int:
    """Queue the summary of a meeting just completed for both participants who want it.

    Called by the complete view (not by `Meeting.complete`, so that seeding demo
    history sends nothing). Rendered at send time: the shared notes as they are then.
    """
    queued = 0
    for person in meeting.series.participants():
        if NotificationPreferences.person_allows(person, MailKind.SUMMARY):
            queue_mail(
                person,
                MailKind.SUMMARY,
                f"summary:{meeting.pk}:{person.pk}",
                {"meeting": str(meeting.pk)},
            )
            queued += 1
    return queued


@mail_builder(MailKind.SUMMARY)
def build_summary(mail: Mail) -> BuiltMail | None:
    meeting = (
        Meeting.objects.filter(pk=mail.context.get("meeting"), status=MeetingStatus.HELD)
        .select_related("series__manager", "series__report")
        .first()
    )
    if meeting is None or not meeting.series.is_participant(mail.recipient):
        return None
    # Shared content only: never a private note, never a private talking point (not
    # even the recipient's own: a mail travels further than the app).
    shared_note = Note.objects.filter(meeting=meeting, is_private=False).first()
    discussed = TalkingPoint.objects.filter(discussed_in=meeting, is_private=False).order_by(
        "position", "created_at"
    )
    agreements = Agreement.objects.filter(meeting=meeting).select_related("owner")
    return BuiltMail(
        "notify/email/summary",
        mail_context(
            mail,
            meeting=meeting,
            other_person=meeting.series.other_participant(mail.recipient),
            agreements=list(agreements),
            discussed=list(discussed),
            shared_notes=shared_note.body if shared_note else "",
            shared_notes_html=render_markdown(shared_note.body if shared_note else ""),
            next_meeting=meeting.series.upcoming_meeting(),
            link=link("meetings:summary", meeting.pk),
        ),
    )


# Overdue agreements -----------------------------------------------------------------------


def overdue_key(person_id: Any, day: datetime.date) -> str:
    year, week, _weekday = day.isocalendar()
    return f"overdue:{person_id}:{year}-W{week:02d}"


def _overdue_agreements(person: Person, today: datetime.date) -> Any:
    return Agreement.objects.overdue(today).filter(owner=person, series__ended_at=None)


def local_today(person: Person) -> datetime.date:
    """Today's date where the person lives: an agreement is overdue by their calendar."""
    return _today_in(person.time_zone)


def _today_in(time_zone: str) -> datetime.date:
    try:
        zone = zoneinfo.ZoneInfo(time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return timezone.localdate()
    return timezone.localdate(timezone.now(), zone)


@scheduler
def queue_overdue_reminders() -> int:
    """At most one mail a week to each person who owns overdue open agreements."""
    # Candidates up to tomorrow on the server's calendar cover every time zone ahead of
    # it; each owner's own date then decides. Two queries a round when nothing is new.
    latest_due = timezone.localdate() + datetime.timedelta(days=1)
    rows = (
        Agreement.objects.overdue(latest_due)
        .filter(series__ended_at=None, owner__is_active=True)
        .values_list(
            "owner_id", "due_on", "owner__time_zone", "owner__notification_preferences__overdue"
        )
    )
    owners: dict[Any, tuple[datetime.date, str]] = {}
    for owner_id, due_on, time_zone, wants in rows:
        if wants is False or due_on is None:  # overdue() only returns dated ones
            continue
        earliest = owners.get(owner_id, (due_on, time_zone))[0]
        owners[owner_id] = (min(due_on, earliest), time_zone)
    due: dict[str, Any] = {}
    for owner_id, (earliest, time_zone) in owners.items():
        today = _today_in(time_zone)
        if earliest < today:
            due[overdue_key(owner_id, today)] = owner_id
    missing = _missing(due)
    if not missing:
        return 0
    people = Person.objects.in_bulk([due[key] for key in missing])
    for key in missing:
        person = people[due[key]]
        queue_mail(
            person,
            MailKind.OVERDUE,
            key,
            {"week_of": local_today(person).isoformat()},
            run_at=max(timezone.now(), _morning(person)),
        )
    return len(missing)


def _morning(person: Person) -> datetime.datetime:
    """08:00 today where the person lives: no overdue mail at midnight on a Monday."""
    zone = zoneinfo.ZoneInfo(person.time_zone)
    local = timezone.localtime(timezone.now(), zone)
    return local.replace(hour=OVERDUE_HOUR, minute=0, second=0, microsecond=0)


@mail_builder(MailKind.OVERDUE)
def build_overdue(mail: Mail) -> BuiltMail | None:
    today = local_today(mail.recipient)
    agreements = list(
        _overdue_agreements(mail.recipient, today)
        .select_related("series__manager", "series__report")
        .order_by("due_on", "created_at")[: OVERDUE_LIST_LIMIT + 1]
    )
    if not agreements:
        return None  # all done or dropped since it was queued
    shown = agreements[:OVERDUE_LIST_LIMIT]
    return BuiltMail(
        "notify/email/overdue",
        mail_context(
            mail,
            agreements=[
                {
                    "agreement": agreement,
                    "other_person": agreement.series.other_participant(mail.recipient),
                }
                for agreement in shown
            ],
            more=len(agreements) > OVERDUE_LIST_LIMIT,
            today=today,
            link=link("agreements:mine"),
        ),
    )
