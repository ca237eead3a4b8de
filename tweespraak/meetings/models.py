"""1:1 series, their meetings, the shared agenda, notes and agreements.

Talking points and agreements belong to the *series*: a point that was not
discussed simply stays open and shows on whichever meeting comes next, so
rescheduling or skipping a meeting can never lose one.
"""

from __future__ import annotations

import datetime
import re
import uuid
import zoneinfo
from typing import TYPE_CHECKING

from dateutil import rrule
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tweespraak.accounts.models import Person, Workspace
from tweespraak.guide.models import TemplateVersion

if TYPE_CHECKING:
    from collections.abc import Iterator

MAX_TEXT = 2000  # talking points and agreements: short, scannable
MAX_NOTE = 50_000


class Cadence(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    BIWEEKLY = "biweekly", _("Every two weeks")
    MONTHLY = "monthly", _("Every month")
    CUSTOM = "custom", _("Custom recurrence rule")


class SeriesKind(models.TextChoices):
    REPORT = "report", _("Manager and report")
    MENTOR = "mentor", _("Mentor or buddy")


_UTC_UNTIL = re.compile(r"UNTIL=(\d{8}T\d{6})Z", re.IGNORECASE)


def parse_rule(
    text: str, start: datetime.datetime, zone: zoneinfo.ZoneInfo | None = None
) -> rrule.rrule:
    """An RFC 5545 RRULE (e.g. FREQ=WEEKLY;INTERVAL=3;BYDAY=TU) starting at `start`.

    Recurrence runs on the series' local wall-clock time (`start` is naive). An UNTIL
    in UTC, as RFC 5545 wants it next to a time zone, is turned into that local time.
    """
    text = text.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    if zone is not None:
        text = _UTC_UNTIL.sub(lambda found: f"UNTIL={_local_until(found.group(1), zone)}", text)
    try:
        rule = rrule.rrulestr(text, dtstart=start)
    except (ValueError, TypeError) as error:
        raise ValidationError(
            _("This is not a valid recurrence rule (%(error)s). Example: %(example)s"),
            params={"error": error, "example": "FREQ=WEEKLY;INTERVAL=3;BYDAY=TU"},
            code="invalid_rule",
        ) from None
    if not isinstance(rule, rrule.rrule):
        raise ValidationError(_("Give one recurrence rule."), code="invalid_rule")
    return rule


def _local_until(utc_text: str, zone: zoneinfo.ZoneInfo) -> str:
    moment = datetime.datetime.strptime(utc_text, "%Y%m%dT%H%M%S").replace(tzinfo=datetime.UTC)
    return moment.astimezone(zone).strftime("%Y%m%dT%H%M%S")


class SeriesQuerySet(models.QuerySet["Series"]):
    def with_participant(self, person: Person) -> SeriesQuerySet:
        return self.filter(Q(manager=person) | Q(report=person), workspace=person.workspace_id)

    def active(self) -> SeriesQuerySet:
        return self.filter(ended_at=None)


class Series(models.Model):
    """A recurring 1:1 between two people of one workspace."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="series")
    manager = models.ForeignKey(
        Person,
        verbose_name=_("manager or mentor"),
        on_delete=models.PROTECT,
        related_name="led_series",
    )
    report = models.ForeignKey(
        Person, verbose_name=_("employee"), on_delete=models.PROTECT, related_name="joined_series"
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=SeriesKind.choices, default=SeriesKind.REPORT
    )
    cadence = models.CharField(
        _("how often"), max_length=10, choices=Cadence.choices, default=Cadence.BIWEEKLY
    )
    custom_rule = models.CharField(_("recurrence rule"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("first meeting"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=30)
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Amsterdam")
    location = models.CharField(_("place or video link"), max_length=300, blank=True)
    template = models.ForeignKey(
        TemplateVersion,
        verbose_name=_("template"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    end_reason = models.CharField(_("reason for ending"), max_length=300, blank=True)

    objects = SeriesQuerySet.as_manager()

    class Meta:
        verbose_name = _("1:1 series")
        verbose_name_plural = _("1:1 series")
        ordering = ["report__name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(manager=models.F("report")), name="series_two_different_people"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.manager} & {self.report}"

    def clean(self) -> None:
        if self.manager_id and self.manager_id == self.report_id:
            raise ValidationError(_("A 1:1 needs two different people."))
        if self.cadence == Cadence.CUSTOM:
            if not self.custom_rule:
                raise ValidationError({"custom_rule": _("Give a recurrence rule.")})
            parse_rule(self.custom_rule, self.local_start(), self.zone)

    def participants(self) -> tuple[Person, Person]:
        return self.manager, self.report

    def is_participant(self, person: Person) -> bool:
        return person.pk in (self.manager_id, self.report_id)

    def other_participant(self, person: Person) -> Person:
        return self.report if person.pk == self.manager_id else self.manager

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def local_start(self) -> datetime.datetime:
        # Recurrence runs on local wall-clock time, so 09:00 stays 09:00 across DST.
        return timezone.localtime(self.starts_at, self.zone).replace(tzinfo=None)

    def monthly_days(self) -> tuple[int, ...] | None:
        """For a monthly series from the 29th, 30th or 31st: the days to pick from, the last
        one a month has (31 January, 28 February, 31 March …); None before the 29th."""
        day = self.local_start().day
        return tuple(range(28, day + 1)) if day > 28 else None

    def rule(self) -> rrule.rrule:
        start = self.local_start()
        if self.cadence == Cadence.WEEKLY:
            return rrule.rrule(rrule.WEEKLY, dtstart=start)
        if self.cadence == Cadence.BIWEEKLY:
            return rrule.rrule(rrule.WEEKLY, interval=2, dtstart=start)
        if self.cadence == Cadence.MONTHLY:
            days = self.monthly_days()
            if days is None:
                return rrule.rrule(rrule.MONTHLY, dtstart=start)
            return rrule.rrule(rrule.MONTHLY, dtstart=start, bymonthday=days, bysetpos=-1)
        return parse_rule(self.custom_rule, start, self.zone)

    def occurrences_after(self, moment: datetime.datetime) -> Iterator[datetime.datetime]:
        """Planned start times (aware, UTC) strictly after `moment`."""
        local_after = timezone.localtime(moment, self.zone).replace(tzinfo=None)
        current = local_after
        while True:
            following = self.rule().after(current)
            if following is None:
                return
            yield following.replace(tzinfo=self.zone).astimezone(datetime.UTC)
            current = following

    def next_occurrence(self, after: datetime.datetime | None = None) -> datetime.datetime | None:
        moment = after or timezone.now()
        return next(self.occurrences_after(moment - datetime.timedelta(microseconds=1)), None)

    def upcoming_meeting(self) -> Meeting | None:
        return self.meetings.filter(status=MeetingStatus.PLANNED).order_by("scheduled_at").first()

    def ensure_next_meeting(self) -> Meeting | None:
        """The next meeting always exists while the series runs."""
        if self.ended_at is not None:
            return None
        upcoming = self.upcoming_meeting()
        if upcoming is not None:
            return upcoming
        latest = self.meetings.aggregate(
            planned=models.Max("planned_at"), scheduled=models.Max("scheduled_at")
        )
        if latest["planned"] is None:
            after = self.starts_at - datetime.timedelta(seconds=1)
        else:
            # After the last planned slot and after the last meeting as it really took
            # place: a meeting moved later must not be followed by one before it.
            after = max(latest["planned"], latest["scheduled"])
        when = next(self.occurrences_after(after), None)
        if when is None:
            return None
        return Meeting.objects.create(
            series=self,
            planned_at=when,
            scheduled_at=when,
            duration_minutes=self.duration_minutes,
            location=self.location,
            template=self.template,
        )

    def end(self, reason: str, by: Person | None = None) -> None:
        with transaction.atomic():
            self.ended_at = timezone.now()
            self.end_reason = reason
            self.save(update_fields=["ended_at", "end_reason"])
            for meeting in self.meetings.filter(status=MeetingStatus.PLANNED):
                meeting.cancel(reason, by=by, plan_next=False)

    def adherence(self, until: datetime.datetime | None = None) -> dict[str, int]:
        """Counts of meetings that were due before `until` (default now), by outcome.

        held_on_time: held on the planned day; moved: held after a reschedule or
        on another day; skipped and cancelled; planned: all that were due.
        """
        until = until or timezone.now()
        due = list(
            self.meetings.filter(planned_at__lt=until).values_list(
                "status", "planned_at", "held_at"
            )
        )
        counts = {
            "planned": len(due),
            "held_on_time": 0,
            "moved": 0,
            "skipped": 0,
            "cancelled": 0,
            "open": 0,
        }
        for status, planned_at, held_at in due:
            if status == MeetingStatus.HELD:
                same_day = (
                    held_at is not None
                    and timezone.localtime(held_at, self.zone).date()
                    == timezone.localtime(planned_at, self.zone).date()
                )
                counts["held_on_time" if same_day else "moved"] += 1
            elif status == MeetingStatus.SKIPPED:
                counts["skipped"] += 1
            elif status == MeetingStatus.CANCELLED:
                counts["cancelled"] += 1
            else:
                counts["open"] += 1
        return counts


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    SKIPPED = "skipped", _("Skipped")
    CANCELLED = "cancelled", _("Cancelled")


class Meeting(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    series = models.ForeignKey(Series, on_delete=models.CASCADE, related_name="meetings")
    planned_at = models.DateTimeField(_("planned for"))
    scheduled_at = models.DateTimeField(_("date and time"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=30)
    location = models.CharField(_("place or video link"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    template = models.ForeignKey(
        TemplateVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    held_at = models.DateTimeField(_("held"), null=True, blank=True)
    completed_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["scheduled_at"]
        indexes = [
            models.Index(fields=["series", "status", "scheduled_at"]),
            # The reminder scheduler looks for planned meetings across all series.
            models.Index(fields=["status", "scheduled_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.series} {self.scheduled_at:%Y-%m-%d %H:%M}"

    @property
    def ends_at(self) -> datetime.datetime:
        return self.scheduled_at + datetime.timedelta(minutes=self.duration_minutes)

    def _record(self, kind: str, reason: str, by: Person | None, **extra: object) -> None:
        MeetingChange.objects.create(meeting=self, kind=kind, reason=reason, by=by, **extra)

    def reschedule(self, when: datetime.datetime, reason: str, by: Person | None = None) -> None:
        if self.status != MeetingStatus.PLANNED:
            raise ValidationError(_("Only a planned meeting can be moved."))
        with transaction.atomic():
            self._record(
                ChangeKind.RESCHEDULED, reason, by, moved_from=self.scheduled_at, moved_to=when
            )
            self.scheduled_at = when
            self.save(update_fields=["scheduled_at"])

    def skip(self, reason: str, by: Person | None = None) -> Meeting | None:
        """Skip this one; open points and agreements wait for the next, which is planned."""
        return self._close(MeetingStatus.SKIPPED, ChangeKind.SKIPPED, reason, by, plan_next=True)

    def cancel(
        self, reason: str, by: Person | None = None, plan_next: bool = True
    ) -> Meeting | None:
        return self._close(
            MeetingStatus.CANCELLED, ChangeKind.CANCELLED, reason, by, plan_next=plan_next
        )

    def _close(
        self, status: str, kind: str, reason: str, by: Person | None, plan_next: bool
    ) -> Meeting | None:
        with transaction.atomic():
            self._claim(status=status)
            self._record(kind, reason, by)
            return self.series.ensure_next_meeting() if plan_next else None

    def _claim(self, **changes: object) -> None:
        """Leave the planned state exactly once, also when two requests race.

        The status is part of the UPDATE's WHERE clause: of two requests completing,
        skipping or cancelling at the same moment, one wins and the other is told.
        """
        if self.status != MeetingStatus.PLANNED or not Meeting.objects.filter(
            pk=self.pk, status=MeetingStatus.PLANNED
        ).update(**changes):
            raise ValidationError(_("This meeting is no longer planned."))
        for field, value in changes.items():
            setattr(self, field, value)

    def complete(self, by: Person | None = None) -> Meeting | None:
        """Record the meeting as held and plan the next one.

        Points that were not marked discussed stay open on the series, so they
        appear on the next meeting's agenda by themselves.
        """
        with transaction.atomic():
            self._claim(status=MeetingStatus.HELD, held_at=timezone.now(), completed_by=by)
            return self.series.ensure_next_meeting()


class ChangeKind(models.TextChoices):
    RESCHEDULED = "rescheduled", _("Moved")
    SKIPPED = "skipped", _("Skipped")
    CANCELLED = "cancelled", _("Cancelled")


class MeetingChange(models.Model):
    """Every move, skip and cancellation, with its reason."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(max_length=12, choices=ChangeKind.choices)
    reason = models.CharField(_("reason"), max_length=300)
    moved_from = models.DateTimeField(null=True, blank=True)
    moved_to = models.DateTimeField(null=True, blank=True)
    by = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at"]

    def __str__(self) -> str:
        return f"{self.kind}: {self.reason}"


class TalkingPointQuerySet(models.QuerySet["TalkingPoint"]):
    def visible_to(self, person: Person) -> TalkingPointQuerySet:
        """Shared points, and private ones only for their author."""
        return self.filter(Q(is_private=False) | Q(author=person))

    def open(self) -> TalkingPointQuerySet:
        return self.filter(discussed_in=None)


class TalkingPoint(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    series = models.ForeignKey(Series, on_delete=models.CASCADE, related_name="points")
    author = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    text = models.CharField(_("talking point"), max_length=MAX_TEXT)
    is_private = models.BooleanField(
        _("private"), default=False, help_text=_("Only you see it until you share it.")
    )
    section = models.CharField(_("section"), max_length=60, blank=True)
    position = models.PositiveIntegerField(default=0)
    discussed_in = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="discussed_points"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TalkingPointQuerySet.as_manager()

    class Meta:
        verbose_name = _("talking point")
        verbose_name_plural = _("talking points")
        ordering = ["position", "created_at"]

    def __str__(self) -> str:
        return self.text


class AgreementStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class AgreementQuerySet(models.QuerySet["Agreement"]):
    def open(self) -> AgreementQuerySet:
        return self.filter(status=AgreementStatus.OPEN)

    def overdue(self, today: datetime.date | None = None) -> AgreementQuerySet:
        return self.open().filter(due_on__lt=today or timezone.localdate())


class Agreement(models.Model):
    """An action item: who does what by when. Open ones return on every next agenda."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    series = models.ForeignKey(Series, on_delete=models.CASCADE, related_name="agreements")
    meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="agreements"
    )
    owner = models.ForeignKey(
        Person, verbose_name=_("who"), on_delete=models.PROTECT, related_name="agreements"
    )
    text = models.CharField(_("what"), max_length=MAX_TEXT)
    due_on = models.DateField(_("by when"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=AgreementStatus.choices, default=AgreementStatus.OPEN
    )
    done_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["due_on", "created_at"]

    def __str__(self) -> str:
        return self.text

    def clean(self) -> None:
        if self.series_id and self.owner_id and not self.series.is_participant(self.owner):
            raise ValidationError({"owner": _("The owner must be one of the two participants.")})

    def mark_done(self) -> None:
        self.status = AgreementStatus.DONE
        self.done_at = timezone.now()
        self.save(update_fields=["status", "done_at"])

    def reopen(self) -> None:
        self.status = AgreementStatus.OPEN
        self.done_at = None
        self.save(update_fields=["status", "done_at"])


class NoteConflict(Exception):
    """Both people changed the same words; the caller shows both versions to resolve."""

    def __init__(self, mine: str, theirs: str, version: int) -> None:
        super().__init__("concurrent edit")
        self.mine, self.theirs, self.version = mine, theirs, version


class Note(models.Model):
    """Shared notes of a meeting (one, both participants) or private ones (one per author).

    Every save states the version it was based on. When someone else saved in
    between, the two edits are merged (diff-match-patch); when they touch the same
    text, NoteConflict hands both versions back so nothing typed is lost.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Set for private notes only."),
    )
    is_private = models.BooleanField(default=False)
    body = models.TextField(_("notes"), blank=True, max_length=MAX_NOTE)
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting"], condition=Q(is_private=False), name="one_shared_note"
            ),
            models.UniqueConstraint(
                fields=["meeting", "author"],
                condition=Q(is_private=True),
                name="one_private_note_per_author",
            ),
            models.CheckConstraint(
                condition=Q(is_private=False, author=None)
                | Q(is_private=True, author__isnull=False),
                name="private_note_has_author",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} ({'private' if self.is_private else 'shared'})"

    def save_edit(self, text: str, based_on: int, by: Person) -> Note:
        """Store `text` typed on top of version `based_on`; merge with edits made since."""
        import diff_match_patch

        from tweespraak.meetings.merge import merge_edits

        if len(text) > MAX_NOTE:
            raise ValidationError(
                _("Notes can hold at most %(max)d characters."), params={"max": MAX_NOTE}
            )
        for _attempt in range(5):
            current = Note.objects.get(pk=self.pk)
            if text == current.body:
                # Already there, e.g. the same save sent twice (autosave and a click).
                self.refresh_from_db()
                return self
            if current.version == based_on:
                merged = text
            else:
                base = (
                    NoteRevision.objects.filter(note=self, version=based_on)
                    .values_list("body", flat=True)
                    .first()
                    or ""
                )
                engine = diff_match_patch.diff_match_patch()
                combined = merge_edits(engine, base, text, current.body)
                if combined is None:
                    raise NoteConflict(mine=text, theirs=current.body, version=current.version)
                merged = combined
            with transaction.atomic():
                updated = Note.objects.filter(pk=self.pk, version=current.version).update(
                    body=merged,
                    version=current.version + 1,
                    updated_by=by,
                    updated_at=timezone.now(),
                )
                if updated:
                    NoteRevision.objects.create(
                        note=self, version=current.version + 1, body=merged, author=by
                    )
                    self.refresh_from_db()
                    return self
            # Someone saved between reading and writing: merge again on top of theirs.
        latest = Note.objects.get(pk=self.pk)
        raise NoteConflict(mine=text, theirs=latest.body, version=latest.version)


class NoteRevision(models.Model):
    """Each saved version of a note: the base for merging, and its history."""

    note = models.ForeignKey(Note, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    body = models.TextField()
    author = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["note", "version"], name="note_revision_unique")
        ]

    def __str__(self) -> str:
        return f"{self.note} v{self.version}"
