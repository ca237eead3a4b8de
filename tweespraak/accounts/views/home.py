"""The home page: what needs my attention in my 1:1s, and who I work with.

Everything about 1:1s here comes from series I take part in, so HR and admins see
no content of other people's conversations. The number of queries does not grow
with the number of reports, series or items: each list is one query.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.db.models import F, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tweespraak.accounts.access import current_person
from tweespraak.accounts.models import Person, Team
from tweespraak.meetings.models import (
    MAX_TEXT,
    Agreement,
    AgreementStatus,
    Meeting,
    MeetingStatus,
    Series,
    TalkingPoint,
)

RECENT_DAYS = 7  # activity shown: since my last visit or this many days, whichever is longer
OLDEST_ACTIVITY_DAYS = 30
LIST_LIMIT = 5
ACTIVITY_LIMIT = 10


class QuickPointForm(forms.Form):
    """The home page's quick-add; it posts to the talking points view, which validates."""

    text = forms.CharField(
        label=_("Talking point"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Note it now, bring it up at your next 1:1."),
    )
    is_private = forms.BooleanField(
        label=_("Private: only I see it until I share it"), required=False
    )


@dataclass
class SeriesRow:
    """One running series as the home page shows it."""

    series: Series
    other: Person
    next_meeting: Meeting | None = None
    i_lead: bool = False

    @property
    def overdue(self) -> bool:
        meeting = self.next_meeting
        return meeting is not None and meeting.ends_at < timezone.now()


@dataclass
class ReportRow:
    person: Person
    series: SeriesRow | None = None


@dataclass
class Activity:
    at: datetime.datetime
    kind: str  # "point", "agreement" or "meeting"
    row: SeriesRow
    item: Any = field(default=None)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """My 1:1s (next meetings, overdue ones, points, agreements, activity), my people."""
    me = current_person(request)
    rows = _series_rows(me)
    reports = _report_rows(me, rows)
    in_report_list = {row.series.series.pk for row in reports if row.series}
    agreements = Agreement.objects.open().filter(owner=me, series__in=[r.series for r in rows])
    context = {
        "me": me,
        "manager": me.manager,
        "teams": me.teams.prefetch_related(
            Prefetch(
                "members",
                queryset=Person.objects.active().only("id", "name", "job_title").order_by("name"),
                to_attr="active_members",
            )
        ),
        "reports": reports,
        "my_series": [row for row in rows if row.series.pk not in in_report_list],
        "overdue": [row for row in rows if row.overdue],
        "running_series": rows,
        "agreement_count": agreements.count() if rows else 0,
        "agreements": _with_rows(
            agreements.order_by(F("due_on").asc(nulls_last=True), "created_at"), rows
        )
        if rows
        else [],
        "points": _with_rows(
            TalkingPoint.objects.open()
            .filter(author=me, series__in=[r.series for r in rows])
            .order_by("-created_at"),
            rows,
            limit=LIST_LIMIT * 2,
        )
        if rows
        else [],
        "activity": _activity(me, rows) if rows else [],
        "today": timezone.localdate(),
        "quick_form": QuickPointForm(auto_id="quick_%s"),
        "workspace_counts": _workspace_counts(me) if me.is_workspace_admin or me.is_hr else None,
    }
    return render(request, "accounts/home.html", context)


def _series_rows(me: Person) -> list[SeriesRow]:
    """My running series, each with its next meeting: two queries in all."""
    series = list(Series.objects.with_participant(me).active().select_related("manager", "report"))
    rows = {
        item.pk: SeriesRow(item, item.other_participant(me), i_lead=item.manager_id == me.pk)
        for item in series
    }
    upcoming = Meeting.objects.filter(series__in=series, status=MeetingStatus.PLANNED).order_by(
        "-scheduled_at"
    )
    for meeting in upcoming if rows else []:
        row = rows[meeting.series_id]
        meeting.series = row.series  # no extra query when the template follows it
        row.next_meeting = meeting  # descending order: the earliest one is set last
    far_future = datetime.datetime.max.replace(tzinfo=datetime.UTC)
    return sorted(
        rows.values(),
        key=lambda row: row.next_meeting.scheduled_at if row.next_meeting else far_future,
    )


def _report_rows(me: Person, rows: list[SeriesRow]) -> list[ReportRow]:
    """My direct reports, each with the series I lead with them (if any)."""
    led = {row.other.pk: row for row in rows if row.i_lead}
    reports = me.direct_reports.active().only("id", "name", "job_title", "email", "manager")
    return [ReportRow(person, led.get(person.pk)) for person in reports]


def _with_rows(queryset: Any, rows: list[SeriesRow], limit: int = LIST_LIMIT) -> list[Any]:
    """Attach each item's series row (the other person, the series) without a query."""
    by_series = {row.series.pk: row for row in rows}
    items = list(queryset[:limit])
    for item in items:
        item.row = by_series[item.series_id]
    return items


def _activity(me: Person, rows: list[SeriesRow]) -> list[Activity]:
    """Shared things that happened in my series lately: never anyone's private points."""
    now = timezone.now()
    since = now - datetime.timedelta(days=RECENT_DAYS)
    if me.last_login is not None and me.last_login < since:
        since = max(me.last_login, now - datetime.timedelta(days=OLDEST_ACTIVITY_DAYS))
    by_series = {row.series.pk: row for row in rows}
    ids = list(by_series)
    points = (
        TalkingPoint.objects.filter(series__in=ids, is_private=False, created_at__gte=since)
        .exclude(author=me)
        .order_by("-created_at")[:ACTIVITY_LIMIT]
    )
    done = Agreement.objects.filter(
        series__in=ids, status=AgreementStatus.DONE, done_at__gte=since
    ).order_by("-done_at")[:ACTIVITY_LIMIT]
    held = Meeting.objects.filter(
        series__in=ids, status=MeetingStatus.HELD, held_at__gte=since
    ).order_by("-held_at")[:ACTIVITY_LIMIT]
    events = [Activity(p.created_at, "point", by_series[p.series_id], p) for p in points]
    events += [Activity(a.done_at or now, "agreement", by_series[a.series_id], a) for a in done]
    events += [Activity(m.held_at or now, "meeting", by_series[m.series_id], m) for m in held]
    for event in events:
        item = event.item
        if event.kind == "point":
            item.author = event.row.other  # points by me are left out above
        elif event.kind == "agreement":
            item.owner = me if item.owner_id == me.pk else event.row.other
    events.sort(key=lambda event: event.at, reverse=True)
    return events[:ACTIVITY_LIMIT]


def _workspace_counts(me: Person) -> dict[str, int]:
    people = Person.objects.in_workspace(me.workspace)
    return {
        "active": people.active().count(),
        "invited": people.invitation_pending().count(),
        "teams": Team.objects.filter(workspace=me.workspace).count(),
    }
