"""Six months of 1:1 history for the demo workspace, in Dutch.

A series for every manager-report pair (including the ones that ended when someone
changed manager or left), with held, moved and skipped meetings, talking points
that were discussed or carried over, shared and private notes, and agreements that
are done or still open (some overdue). `build_one_on_ones` runs once, inside the
demo's transaction, right after the organisation is built.

Everything is generated from `random.Random(SEED)`, so a rebuild on the same day
gives the same history. Rows are written with bulk_create and their timestamps set
explicitly: the demo must build in a few seconds.
"""

from __future__ import annotations

import datetime
import random
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils import timezone

from tweespraak.accounts import demo as org
from tweespraak.accounts.models import Person
from tweespraak.guide.builtin import default_template_version
from tweespraak.guide.models import TemplateVersion
from tweespraak.meetings import demo_text as text
from tweespraak.meetings.models import (
    Agreement,
    AgreementStatus,
    Cadence,
    ChangeKind,
    Meeting,
    MeetingChange,
    MeetingStatus,
    Note,
    NoteRevision,
    Series,
    TalkingPoint,
)

SEED = 42
HISTORY_DAYS = 182  # about six months
ZONE = "Europe/Amsterdam"
SLOTS = ((9, 0), (10, 30), (13, 30))  # a manager's 1:1s: weekday by index, then time
MONTHLY_SLOT = (13, 30)  # free for the director: her other 1:1s are at 9:00 and 15:30
LEAD_SLOT = (15, 30)  # team leaders meet the director late, after their own 1:1s
MOVED_TO = ((11, 45), (16, 30))  # a moved 1:1 finds a gap before lunch or late
SUMMER = ((7, 13), (8, 21))  # (month, day) from, to: many skip for the summer holiday

# Cadences that differ from every two weeks, by (manager, report).
WEEKLY_MANAGERS = {org.SANNE}  # Sanne's work floor: a short 1:1 every week
CADENCE: dict[tuple[str, str], tuple[str, str]] = {
    (org.MARIEKE, "tom.verbeek"): (Cadence.MONTHLY, ""),
    (org.PRIYA, "milan.jovanovic"): (
        Cadence.CUSTOM,
        "FREQ=WEEKLY;INTERVAL=3;BYDAY=TH;BYHOUR=13;BYMINUTE=30",
    ),
    (org.PRIYA, "thijs.vos"): (Cadence.WEEKLY, ""),
}
VIDEO: dict[tuple[str, str], str] = {
    (org.MARIEKE, "liam.oconnor"): "https://meet.jit.si/deschakel-liam-marieke",
}
# Series whose last meeting was planned in the past and not yet completed.
OVERDUE = {(org.SANNE, "rachid.boukhari"), (org.JOOST, "henk.dekker")}
# The pair the demo logins see: it gets a few things on purpose (see _showcase).
SHOWCASE = (org.SANNE, "daan.vermeulen")
LEAVER_REASON = "{name} is uit dienst gegaan"
NEW_MANAGER_REASON = "{name} heeft een nieuwe leidinggevende: {manager}"


@dataclass
class Plan:
    """One series to build: who, how often, from when, and until when (if it ended)."""

    manager: str
    report: str
    work: str  # a kind of work from demo_text
    starts_days_ago: int
    cadence: str = Cadence.BIWEEKLY
    custom_rule: str = ""
    ends_days_ago: int | None = None
    end_reason: str = ""
    slot: int = 0


@dataclass
class Built:
    """Everything generated, written at the end in a few bulk inserts."""

    series: list[Series] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    changes: list[MeetingChange] = field(default_factory=list)
    points: list[TalkingPoint] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    revisions: list[NoteRevision] = field(default_factory=list)
    moved: set[tuple[Any, datetime.datetime]] = field(default_factory=set)  # (person, start)


def build_one_on_ones(people: dict[str, Person]) -> Built:
    """Write the 1:1 history of the demo people (by key, as `build_organisation` made them)."""
    built = generate(people, default_template_version(), timezone.now())
    _write(built)
    return built


def generate(
    people: dict[str, Person], template: TemplateVersion | None, now: datetime.datetime
) -> Built:
    """The whole history as unsaved objects: the same people and moment give the same."""
    master = random.Random(SEED)  # noqa: S311 - demo data, reproducible on purpose
    built = Built()
    for plan in series_plans():
        rng = random.Random(master.random())  # noqa: S311
        SeriesHistory(plan, people, template, rng, now).build(built)
    _showcase(built, people, now)
    return built


def series_plans() -> list[Plan]:
    """A plan per manager-report pair of the last six months, in a fixed order."""
    data = {person.key: person for person in org.PEOPLE}
    plans: list[Plan] = []
    for person in org.PEOPLE:
        if person.reports_to is None:
            continue
        lines = org.REPORTING_HISTORY.get(
            person.key, ((person.reports_to, person.joined_days_ago),)
        )
        for number, (manager, started) in enumerate(lines):
            ended = lines[number + 1][1] if number + 1 < len(lines) else None
            reason = ""
            if ended is not None:
                reason = NEW_MANAGER_REASON.format(
                    name=_first(person.name), manager=data[lines[number + 1][0]].name
                )
            elif person.key in org.LEAVERS:
                ended = org.LEAVERS[person.key]
                reason = LEAVER_REASON.format(name=_first(person.name))
            if ended is not None and ended >= HISTORY_DAYS:
                continue  # ended before the demo's history starts
            cadence, rule = CADENCE.get((manager, person.key), (Cadence.BIWEEKLY, ""))
            if manager in WEEKLY_MANAGERS and (manager, person.key) not in CADENCE:
                cadence = Cadence.WEEKLY
            start = min(started, HISTORY_DAYS)
            if person.key in org.INVITED:
                start = -4  # just joined: the first 1:1 is in a few days
            plans.append(
                Plan(
                    manager=manager,
                    report=person.key,
                    work=_work(person),
                    starts_days_ago=start,
                    cadence=cadence,
                    custom_rule=rule,
                    ends_days_ago=ended,
                    end_reason=reason,
                    slot=sum(1 for plan in plans if plan.manager == manager),
                )
            )
    return plans


def _work(person: org.DemoPerson) -> str:
    if person.has_role("manager"):
        return text.LEAD
    return {
        org.PROD: text.FLOOR,
        org.GREEN: text.GREEN,
        org.FACILITY: text.FACILITY,
        org.OFFICE: text.OFFICE,
        org.LEARN: text.LEARN,
    }[person.team]


def _first(name: str) -> str:
    return name.split(" ")[0]


class Deck:
    """Draws texts in a shuffled order, reshuffling when all were used: little repetition."""

    def __init__(self, items: Iterable[Any], rng: random.Random) -> None:
        self.items, self.rng = list(items), rng
        self.stack: list[Any] = []

    def draw(self) -> Any:
        if not self.stack:
            self.stack = self.items[:]
            self.rng.shuffle(self.stack)
        return self.stack.pop()


class SeriesHistory:
    """The meetings, points, notes and agreements of one series, generated in order."""

    def __init__(
        self,
        plan: Plan,
        people: dict[str, Person],
        template: TemplateVersion | None,
        rng: random.Random,
        now: datetime.datetime,
    ) -> None:
        self.plan, self.rng, self.now, self.template = plan, rng, now, template
        self.manager, self.report = people[plan.manager], people[plan.report]
        self.names = {"name": _first(self.report.name), "manager": _first(self.manager.name)}
        work = plan.work
        self.report_points = Deck(text.REPORT_POINTS[work], rng)
        self.manager_points = Deck(text.MANAGER_POINTS[work], rng)
        self.agreement_texts = Deck(text.AGREEMENTS[work], rng)
        self.open_points: list[TalkingPoint] = []
        self.series = self._series()

    def _series(self) -> Series:
        plan, zone = self.plan, zoneinfo.ZoneInfo(ZONE)
        day = timezone.localdate(self.now, zone) - datetime.timedelta(days=plan.starts_days_ago)
        weekday = plan.slot % 5
        day += datetime.timedelta(days=(weekday - day.weekday()) % 7)
        hour, minute = SLOTS[(plan.slot // 5) % len(SLOTS)]
        if plan.work == text.LEAD:
            hour, minute = LEAD_SLOT
        if plan.cadence == Cadence.MONTHLY:  # the same date each month: any weekday
            hour, minute = MONTHLY_SLOT
        starts_at = datetime.datetime.combine(day, datetime.time(hour, minute), zone)
        location = VIDEO.get((plan.manager, plan.report)) or text.LOCATIONS[plan.work].format(
            **self.names
        )
        ended_at = None
        if plan.ends_days_ago is not None:
            ended_at = self.now - datetime.timedelta(days=plan.ends_days_ago)
        return Series(
            workspace_id=self.manager.workspace_id,
            manager=self.manager,
            report=self.report,
            cadence=plan.cadence,
            custom_rule=plan.custom_rule,
            starts_at=starts_at,
            duration_minutes=30 if plan.cadence == Cadence.WEEKLY else 45,
            time_zone=ZONE,
            location=location,
            template=self.template,
            created_by=self.manager,
            created_at=starts_at - datetime.timedelta(days=self.rng.randint(2, 10)),
            ended_at=ended_at,
            end_reason=plan.end_reason,
        )

    def build(self, built: Built) -> None:
        series, rng = self.series, self.rng
        built.series.append(series)
        until = series.ended_at or self.now
        previous = series.created_at
        overdue = (self.plan.manager, self.plan.report) in OVERDUE
        planned = list(self._occurrences(until))
        for number, when in enumerate(planned):
            last = number == len(planned) - 1
            self._new_points(built, previous, when)
            if last and overdue:
                self._meeting(built, when, MeetingStatus.PLANNED)
                return
            outcome = self._outcome(when)
            if outcome == "skipped":
                meeting = self._meeting(built, when, MeetingStatus.SKIPPED)
                reason = (
                    text.SUMMER_SKIP_REASON
                    if self._in_summer(when)
                    else rng.choice(text.SKIP_REASONS)
                )
                self._change(built, meeting, ChangeKind.SKIPPED, reason, when)
            else:
                held = when
                if outcome == "moved":
                    held = self._moved_to(built, when, until)
                meeting = self._meeting(built, held, MeetingStatus.HELD, planned_at=when)
                if held != when:
                    change = self._change(
                        built, meeting, ChangeKind.RESCHEDULED, rng.choice(text.MOVE_REASONS), when
                    )
                    change.moved_from, change.moved_to = when, held
                self._hold(built, meeting)
            previous = when
        nxt = self._next_occurrence(until)
        if nxt is None:
            return
        if series.ended_at is None:
            self._new_points(built, previous, self.now, upcoming=True)
            self._meeting(built, nxt, MeetingStatus.PLANNED)
        else:
            cancelled = self._meeting(built, nxt, MeetingStatus.CANCELLED)
            self._change(built, cancelled, ChangeKind.CANCELLED, series.end_reason, until)

    # Meetings

    def _moved_to(
        self, built: Built, when: datetime.datetime, until: datetime.datetime
    ) -> datetime.datetime:
        """A free moment one to three days later (no other moved 1:1 then), else `when`."""
        zone = self.series.zone
        first = self.rng.choice((1, 1, 2, 3))
        for days in (first, 1, 2, 3):
            day = timezone.localdate(when, zone) + datetime.timedelta(days=days)
            for hour, minute in MOVED_TO:
                moment = _at(day, hour, zone, minute)
                taken = {(who.pk, moment) for who in (self.manager, self.report)}
                if day.weekday() < 5 and moment + _HOUR <= until and not taken & built.moved:
                    built.moved |= taken
                    return moment
        return when

    def _occurrences(self, until: datetime.datetime) -> Iterable[datetime.datetime]:
        end = until - datetime.timedelta(minutes=self.series.duration_minutes)
        for when in self.series.occurrences_after(self.series.starts_at - _SECOND):
            if when > end:
                return
            yield when

    def _next_occurrence(self, after: datetime.datetime) -> datetime.datetime | None:
        return next(self.series.occurrences_after(after), None)

    def _outcome(self, when: datetime.datetime) -> str:
        roll = self.rng.random()
        if self._in_summer(when):
            return "skipped" if roll < 0.45 else "held"
        if roll < 0.07:
            return "skipped"
        if roll < 0.17:
            return "moved"
        return "held"

    @staticmethod
    def _in_summer(when: datetime.datetime) -> bool:
        return SUMMER[0] <= (when.month, when.day) <= SUMMER[1]

    def _meeting(
        self,
        built: Built,
        when: datetime.datetime,
        status: str,
        planned_at: datetime.datetime | None = None,
    ) -> Meeting:
        series = self.series
        meeting = Meeting(
            series=series,
            planned_at=planned_at or when,
            scheduled_at=when,
            duration_minutes=series.duration_minutes,
            location=series.location,
            status=status,
            template=self.template,
        )
        if status == MeetingStatus.HELD:
            meeting.held_at = when + datetime.timedelta(minutes=series.duration_minutes)
            meeting.completed_by = series.manager if self.rng.random() < 0.85 else series.report
        built.meetings.append(meeting)
        return meeting

    def _change(
        self, built: Built, meeting: Meeting, kind: str, reason: str, when: datetime.datetime
    ) -> MeetingChange:
        by = self.manager if self.rng.random() < 0.7 else self.report
        earlier = when - datetime.timedelta(days=self.rng.randint(0, 3), hours=2)
        change = MeetingChange(meeting=meeting, kind=kind, reason=reason, by=by, at=earlier)
        built.changes.append(change)
        return change

    # Content

    def _new_points(
        self,
        built: Built,
        start: datetime.datetime,
        end: datetime.datetime,
        upcoming: bool = False,
    ) -> None:
        """Points that came up between two meetings; private ones only before the next."""
        rng = self.rng
        count = rng.choice(
            (1, 1, 2, 2, 3) if self.series.cadence != Cadence.WEEKLY else (0, 1, 1, 2)
        )
        if upcoming:
            count = max(count, 1)
        span = max((end - start).total_seconds(), 3600.0)
        for _number in range(count):
            by_report = rng.random() < 0.6
            deck = self.report_points if by_report else self.manager_points
            self._point(built, deck.draw(), by_report, start + _seconds(rng.uniform(0, span)))
        if upcoming and rng.random() < 0.3:
            by_report = rng.random() < 0.5
            pool = text.PRIVATE_REPORT_POINTS if by_report else text.PRIVATE_MANAGER_POINTS
            moment = max(start, end - datetime.timedelta(days=3))
            self._point(built, rng.choice(pool), by_report, moment, private=True)

    def _point(
        self,
        built: Built,
        words: str,
        by_report: bool,
        at: datetime.datetime,
        private: bool = False,
    ) -> TalkingPoint:
        section = "development" if "#opleiding" in words else "progress"
        if not by_report and self.rng.random() < 0.3:
            section = "feedback"
        point = TalkingPoint(
            series=self.series,
            author=self.report if by_report else self.manager,
            text=words.format(**self.names),
            is_private=private,
            section=section,
            position=len(self.open_points),
            created_at=min(at, self.now),
        )
        built.points.append(point)
        self.open_points.append(point)
        return point

    def _hold(self, built: Built, meeting: Meeting) -> None:
        """Discuss most open points, make agreements, write notes."""
        rng = self.rng
        discussed = []
        for point in self.open_points:
            if not point.is_private and rng.random() < 0.85:
                point.discussed_in = meeting
                discussed.append(point)
        self.open_points = [point for point in self.open_points if point.discussed_in is None]
        for position, point in enumerate(self.open_points):
            point.position = position
        for _number in range(rng.choice((0, 1, 1, 1, 2))):
            self._agreement(built, meeting)
        if rng.random() < 0.8:
            self._note(built, meeting, self._shared_note(discussed))
        if rng.random() < 0.07:
            self._note(built, meeting, rng.choice(text.PRIVATE_MANAGER_NOTES), self.manager)
        elif rng.random() < 0.04:
            self._note(built, meeting, rng.choice(text.PRIVATE_REPORT_NOTES), self.report)

    def _agreement(self, built: Built, meeting: Meeting) -> None:
        rng = self.rng
        words, who = self.agreement_texts.draw()
        held = meeting.held_at or meeting.scheduled_at
        made_on = timezone.localdate(held, self.series.zone)
        due = made_on + datetime.timedelta(days=rng.randint(7, 28)) if rng.random() < 0.9 else None
        today = timezone.localdate(self.now, self.series.zone)
        status, done_at = AgreementStatus.OPEN, None
        roll = rng.random()
        settled = due is None or due < today - datetime.timedelta(days=10)
        if (settled and roll < 0.9) or (not settled and roll < 0.4):
            status = AgreementStatus.DONE
            finish = (due or made_on + datetime.timedelta(days=14)) - datetime.timedelta(
                days=rng.randint(0, 5)
            )
            done_at = max(held + _HOUR, _at(finish, 16, self.series.zone))
            if done_at > self.now:
                status, done_at = AgreementStatus.OPEN, None
        elif settled and roll < 0.94:
            status = AgreementStatus.DROPPED
        if self.series.ended_at is not None and status == AgreementStatus.OPEN:
            status = AgreementStatus.DROPPED  # tidied up when the series ended
        built.agreements.append(
            Agreement(
                series=self.series,
                meeting=meeting,
                owner=self.report if who == "report" else self.manager,
                text=words,
                due_on=due,
                status=status,
                done_at=done_at,
                created_by=self.manager,
                created_at=held,
            )
        )

    def _shared_note(self, discussed: list[TalkingPoint]) -> str:
        rng, names = self.rng, self.names
        lines = [
            f"**Even bijpraten** — {rng.choice(text.CHECK_INS).format(**names)}",
            f"**Werk** — {rng.choice(text.PROGRESS)}",
        ]
        if discussed and rng.random() < 0.6:
            lines.append("Besproken:\n" + "\n".join(f"- {point.text}" for point in discussed))
        if rng.random() < 0.6:
            lines.append(rng.choice(text.FEEDBACK).format(**names))
        if rng.random() < 0.35:
            lines.append(rng.choice(text.DEVELOPMENT).format(**names))
        return "\n\n".join(lines)

    def _note(
        self, built: Built, meeting: Meeting, body: str, author: Person | None = None
    ) -> None:
        written = meeting.held_at or meeting.scheduled_at
        note = Note(
            meeting=meeting,
            author=author,
            is_private=author is not None,
            body=body.format(**self.names),
            version=1,
            updated_at=written,
            updated_by=author or self.manager,
        )
        built.notes.append(note)
        built.revisions.append(
            NoteRevision(
                note=note, version=1, body=note.body, author=note.updated_by, created_at=written
            )
        )


def _showcase(built: Built, people: dict[str, Person], now: datetime.datetime) -> None:
    """What the demo logins find: a recent point, private ones on both sides, agreements."""
    manager, report = people[SHOWCASE[0]], people[SHOWCASE[1]]
    who = {"report": report, "manager": manager}
    series = next(s for s in built.series if s.manager == manager and s.report == report)
    for position, (words, author, private, hours_ago) in enumerate(text.SHOWCASE_POINTS, 90):
        built.points.append(
            TalkingPoint(
                series=series,
                author=who[author],
                text=words,
                is_private=private,
                position=position,
                created_at=now - datetime.timedelta(hours=hours_ago),
            )
        )
    held = [m for m in built.meetings if m.series is series and m.status == MeetingStatus.HELD]
    last = max(held, key=lambda meeting: meeting.scheduled_at)
    today = timezone.localdate(now, series.zone)
    for words, owner, due_in_days in text.SHOWCASE_AGREEMENTS:
        built.agreements.append(
            Agreement(
                series=series,
                meeting=last,
                owner=who[owner],
                text=words,
                due_on=today + datetime.timedelta(days=due_in_days),
                created_by=manager,
                created_at=last.held_at or last.scheduled_at,
            )
        )


# Fields Django fills with "now" on insert; the demo sets them to the past afterwards.
_TIMESTAMPS: dict[type[models.Model], list[str]] = {
    Series: ["created_at"],
    MeetingChange: ["at"],
    TalkingPoint: ["created_at"],
    Agreement: ["created_at"],
    Note: ["updated_at"],
    NoteRevision: ["created_at"],
}


def _write(built: Built) -> None:
    """Insert everything in a few bulk inserts, keeping the historic timestamps."""
    groups: list[list[Any]] = [
        built.series,
        built.meetings,
        built.changes,
        built.points,
        built.agreements,
        built.notes,
        built.revisions,
    ]
    for objects in filter(None, groups):
        model = type(objects[0])
        names = _TIMESTAMPS.get(model, [])
        wanted = [[getattr(obj, name) for name in names] for obj in objects]
        model._default_manager.bulk_create(objects, batch_size=500)
        if names:
            for obj, values in zip(objects, wanted, strict=True):
                for name, value in zip(names, values, strict=True):
                    setattr(obj, name, value)
            model._default_manager.bulk_update(objects, names, batch_size=500)


def _seconds(value: float) -> datetime.timedelta:
    return datetime.timedelta(seconds=value)


def _at(
    day: datetime.date, hour: int, zone: zoneinfo.ZoneInfo, minute: int = 0
) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), zone)


_SECOND = datetime.timedelta(seconds=1)
_HOUR = datetime.timedelta(hours=1)
