"""My agreements across all my 1:1 series, grouped by when they are due. One query."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import F
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tweespraak.accounts.models import Person
from tweespraak.meetings.models import Agreement, AgreementStatus

DONE = "done"


@dataclass
class MyAgreement:
    agreement: Agreement
    other_person: Person
    overdue: bool
    can_edit: bool


@dataclass
class Group:
    key: str
    title: str | Promise
    rows: list[MyAgreement]


def my_agreements_context(
    me: Person, status: str = "", today: datetime.date | None = None
) -> dict[str, Any]:
    today = today or timezone.localdate()
    show_done = status == DONE
    agreements = Agreement.objects.filter(
        owner=me, series__workspace=me.workspace_id
    ).select_related("series__manager", "series__report", "meeting")
    if show_done:
        agreements = agreements.filter(status=AgreementStatus.DONE).order_by("-done_at")
    else:
        agreements = agreements.open().order_by(F("due_on").asc(nulls_last=True), "created_at")
    end_of_week = today + datetime.timedelta(days=6 - today.weekday())
    groups = [
        Group("overdue", _("Overdue"), []),
        Group("week", _("Due this week"), []),
        Group("later", _("Later"), []),
        Group("no-date", _("No date"), []),
        Group("done", _("Done"), []),
    ]
    by_key = {group.key: group for group in groups}
    for agreement in agreements:
        due = agreement.due_on
        overdue = not show_done and due is not None and due < today
        row = MyAgreement(
            agreement,
            agreement.series.other_participant(me),
            overdue,
            agreement.series.ended_at is None,
        )
        if show_done:
            key = "done"
        elif due is None:
            key = "no-date"
        elif overdue:
            key = "overdue"
        elif due <= end_of_week:
            key = "week"
        else:
            key = "later"
        by_key[key].rows.append(row)
    return {
        "groups": [group for group in groups if group.rows],
        "status": DONE if show_done else "open",
        "today": today,
    }
