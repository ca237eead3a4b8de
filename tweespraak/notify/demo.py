"""Demo mail log: what the worker would have sent in the demo's recent weeks.

The rows are recorded as already sent (state done), so no worker ever sends them:
they only fill the admins' mail log with reminders, summaries and overdue mail.
"""

from __future__ import annotations

import datetime
import uuid

from django.utils import timezone

from tweespraak.accounts.models import Workspace
from tweespraak.meetings.models import Agreement, Meeting, MeetingStatus
from tweespraak.notify.background import overdue_key
from tweespraak.notify.models import Mail, MailKind, State

WEEKS = 4


def build_mail_log(workspace: Workspace, now: datetime.datetime | None = None) -> int:
    """Reminders and summaries of the meetings held in the last weeks, and overdue mail."""
    now = now or timezone.now()
    since = now - datetime.timedelta(weeks=WEEKS)
    meetings = Meeting.objects.filter(
        series__workspace=workspace,
        status=MeetingStatus.HELD,
        scheduled_at__gte=since,
        scheduled_at__lt=now,
    ).select_related("series")
    rows: list[tuple[Mail, datetime.datetime]] = []

    def sent(
        key: str, person_id: uuid.UUID, kind: str, at: datetime.datetime, prefix: str = "demo:"
    ) -> None:
        mail = Mail(
            idempotency_key=f"{prefix}{key}",
            workspace=workspace,
            recipient_id=person_id,
            kind=kind,
            state=State.DONE,
            run_at=at,
            attempts=1,
            sent_at=at + datetime.timedelta(seconds=4),
            finished_at=at + datetime.timedelta(seconds=4),
        )
        rows.append((mail, at))

    for meeting in meetings:
        reminded = meeting.scheduled_at - datetime.timedelta(hours=24)
        summed_up = (meeting.held_at or meeting.scheduled_at) + datetime.timedelta(minutes=1)
        for person_id in (meeting.series.manager_id, meeting.series.report_id):
            sent(f"reminder:{meeting.pk}:{person_id}", person_id, MailKind.REMINDER, reminded)
            sent(f"summary:{meeting.pk}:{person_id}", person_id, MailKind.SUMMARY, summed_up)
    monday = timezone.localdate(now) - datetime.timedelta(days=timezone.localdate(now).weekday())
    morning = datetime.datetime.combine(monday, datetime.time(8), timezone.get_current_timezone())
    owners = (
        Agreement.objects.overdue(timezone.localdate(now))
        .filter(series__workspace=workspace, owner__is_active=True)
        .order_by()
        .values_list("owner", flat=True)
        .distinct()
    )
    for owner_id in owners:
        # The real key: the worker sees this week's overdue mail as sent already.
        key = overdue_key(owner_id, timezone.localdate(now))
        sent(key, owner_id, MailKind.OVERDUE, min(morning, now), prefix="")
    created = Mail.objects.bulk_create([mail for mail, _at in rows])
    for mail, (_row, at) in zip(created, rows, strict=True):
        mail.created_at = at
    Mail.objects.bulk_update(created, ["created_at"])
    return len(created)
