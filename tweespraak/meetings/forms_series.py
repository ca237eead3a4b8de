"""Forms to start, change and end a 1:1 series, and to move, skip or cancel a meeting."""

from __future__ import annotations

import datetime
from typing import Any, TypeVar, cast

from dateutil import rrule
from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from tweespraak.accounts.models import Person, Team, Workspace, time_zone_choices
from tweespraak.guide.builtin import default_template_version
from tweespraak.guide.models import Template
from tweespraak.meetings.history import MAX_DURATION, find_overlap, overlap_message
from tweespraak.meetings.models import (
    Cadence,
    Meeting,
    MeetingChange,
    Series,
    SeriesKind,
    parse_rule,
)

REASON_MAX = MeetingChange._meta.get_field("reason").max_length or 300
LOCATION_MAX = Series._meta.get_field("location").max_length or 300
RULE_MAX = Series._meta.get_field("custom_rule").max_length or 200


FieldT = TypeVar("FieldT", bound=forms.Field)


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _time_input() -> forms.TimeInput:
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _combine(day: datetime.date, time: datetime.time, zone: datetime.tzinfo) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, time), zone)


class ScheduleForm(forms.Form):
    """Cadence, time, duration, time zone, place and template: shared by add and edit."""

    cadence = forms.ChoiceField(label=_("How often"), choices=Cadence.choices)
    custom_rule = forms.CharField(
        label=_("Recurrence rule"),
        max_length=RULE_MAX,
        required=False,
        help_text=_(
            "Only for a custom rhythm, as an iCalendar RRULE. "
            "For example every three weeks on Tuesday: FREQ=WEEKLY;INTERVAL=3;BYDAY=TU"
        ),
    )
    day = forms.DateField(label=_("First meeting on"), widget=_date_input())
    time = forms.TimeField(label=_("Start time"), widget=_time_input())
    duration_minutes = forms.IntegerField(
        label=_("Duration in minutes"), min_value=5, max_value=MAX_DURATION, initial=30
    )
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=time_zone_choices,
        help_text=_("The meetings keep their local time in this zone, also across summer time."),
    )
    location = forms.CharField(
        label=_("Place or video link"),
        max_length=LOCATION_MAX,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    template = forms.ModelChoiceField(
        label=_("Conversation template"), queryset=Template.objects.none(), empty_label=None
    )

    def __init__(self, *args: Any, me: Person, zone: datetime.tzinfo, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.me = me
        self.zone = zone
        standard = default_template_version()
        self._field("template", forms.ModelChoiceField).queryset = Template.objects.available_to(
            me.workspace
        )
        if standard is not None:
            self.fields["template"].initial = standard.template_id
        self.fields["time_zone"].initial = me.time_zone
        self.fields["day"].help_text = _("Date and time in your own time zone (%(zone)s).") % {
            "zone": zone
        }

    def _field(self, name: str, kind: type[FieldT]) -> FieldT:
        return cast(FieldT, self.fields[name])

    def start(self) -> datetime.datetime | None:
        day, time = self.cleaned_data.get("day"), self.cleaned_data.get("time")
        if day is None or time is None:
            return None
        return _combine(day, time, self.zone)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        start = self.start()
        if data.get("cadence") == Cadence.CUSTOM:
            rule_text = data.get("custom_rule", "")
            if not rule_text:
                self.add_error("custom_rule", _("Give a recurrence rule, or choose a cadence."))
            elif start is not None and "time_zone" in data:
                zone = Series(time_zone=data["time_zone"]).zone
                local = timezone.localtime(start, zone)
                try:
                    parsed = parse_rule(rule_text, local.replace(tzinfo=None), zone)
                except ValidationError as error:
                    self.add_error("custom_rule", error)
                else:
                    first = parsed.after(local.replace(tzinfo=None), inc=True)
                    if getattr(parsed, "_freq", rrule.DAILY) > rrule.DAILY:
                        self.add_error("custom_rule", _("A 1:1 can take place at most once a day."))
                    elif first is not None and first != local.replace(tzinfo=None):
                        # Calendars show the first meeting as given; it must fit the rule.
                        self.add_error(
                            "custom_rule",
                            _(
                                "The first meeting does not fit this rule; by the rule it would be "
                                "%(first)s. Change the date or the rule."
                            )
                            % {"first": formats.date_format(first, "DATETIME_FORMAT")},
                        )
        return data

    def cleaned_data_start(self) -> datetime.datetime:
        start = self.start()
        assert start is not None, "only after successful validation"
        return start

    def check_start(self, start: datetime.datetime, people: list[Person], **kwargs: Any) -> None:
        """Not in the past, and no overlap with another planned meeting of these people."""
        if start < timezone.now():
            self.add_error("day", _("This moment has passed. Choose a date and time ahead."))
            return
        duration = self.cleaned_data.get("duration_minutes")
        if duration is None:
            return
        overlap = find_overlap(people, start, duration, **kwargs)
        if overlap is not None:
            self.add_error("time", overlap_message(overlap, self.me))

    def template_version(self) -> Any:
        return self.cleaned_data["template"].latest_version()


class SeriesAddForm(ScheduleForm):
    kind = forms.ChoiceField(
        label=_("Kind of 1:1"),
        choices=SeriesKind.choices,
        help_text=_(
            "Manager and report: with someone who reports to you. "
            "Mentor or buddy: with any colleague."
        ),
    )
    person = forms.ChoiceField(
        label=_("With"), error_messages={"invalid_choice": _("Choose a colleague from the list.")}
    )
    field_order = ["kind", "person", "cadence", "custom_rule", "day", "time", "duration_minutes"]

    def __init__(self, *args: Any, me: Person, zone: datetime.tzinfo, **kwargs: Any) -> None:
        super().__init__(*args, me=me, zone=zone, **kwargs)
        self.reports = list(me.direct_reports.filter(is_active=True).order_by("name"))
        report_ids = [person.pk for person in self.reports]
        self.colleagues = list(
            Person.objects.in_workspace(me.workspace)
            .active()
            .exclude(pk=me.pk)
            .exclude(pk__in=report_ids)
            .order_by("name")
        )
        self._field("person", forms.ChoiceField).choices = [
            ("", _("Choose a person")),
            (_("Your reports"), [(str(p.pk), p.name) for p in self.reports]),
            (_("Other colleagues"), [(str(p.pk), p.name) for p in self.colleagues]),
        ]
        self.fields["kind"].initial = SeriesKind.REPORT if self.reports else SeriesKind.MENTOR
        self.existing: Series | None = None

    def clean_person(self) -> Person:
        wanted = self.cleaned_data["person"]
        for person in [*self.reports, *self.colleagues]:
            if str(person.pk) == wanted:
                return person
        raise ValidationError(_("Choose a colleague from the list."))

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        person = data.get("person")
        if data.get("kind") == SeriesKind.REPORT and not self.reports:
            self.add_error(
                "kind",
                _(
                    "Nobody reports to you at the moment, so you cannot start a manager 1:1. "
                    "Choose “Mentor or buddy” to meet regularly with a colleague."
                ),
            )
        elif data.get("kind") == SeriesKind.REPORT and person and person not in self.reports:
            self.add_error(
                "person",
                _(
                    "%(name)s does not report to you. Choose one of your reports, "
                    "or make this a mentor or buddy 1:1."
                )
                % {"name": person.name},
            )
        if person is None:
            return data
        self.existing = (
            Series.objects.active()
            .filter(
                Q(manager=self.me, report=person) | Q(manager=person, report=self.me),
                workspace=self.me.workspace,
            )
            .first()
        )
        if self.existing is not None:
            self.add_error(
                "person",
                format_html(
                    '{} <a href="{}">{}</a>',
                    _("You already have a running 1:1 series with %(name)s.")
                    % {"name": person.name},
                    reverse("series:detail", args=[self.existing.pk]),
                    _("Open that series"),
                ),
            )
            return data
        start = self.start()
        if start is not None:
            self.check_start(start, [self.me, person])
        return data

    def save(self) -> Series:
        data = self.cleaned_data
        with transaction.atomic():
            series = Series.objects.create(
                workspace=self.me.workspace,
                manager=self.me,
                report=data["person"],
                kind=data["kind"],
                cadence=data["cadence"],
                custom_rule=data["custom_rule"] if data["cadence"] == Cadence.CUSTOM else "",
                starts_at=self.cleaned_data_start(),
                duration_minutes=data["duration_minutes"],
                time_zone=data["time_zone"],
                location=data["location"],
                template=self.template_version(),
                created_by=self.me,
            )
            series.ensure_next_meeting()
        return series


class SeriesEditForm(ScheduleForm):
    """Changes apply from the next meeting on; past meetings keep what they were."""

    def __init__(
        self, *args: Any, series: Series, me: Person, zone: datetime.tzinfo, **kwargs: Any
    ) -> None:
        self.series = series
        self.upcoming = series.upcoming_meeting()
        anchor = self.upcoming.planned_at if self.upcoming else series.starts_at
        local = timezone.localtime(anchor, zone)
        initial = {
            "cadence": series.cadence,
            "custom_rule": series.custom_rule,
            "day": local.date(),
            "time": local.time().replace(second=0, microsecond=0),
            "duration_minutes": series.duration_minutes,
            "time_zone": series.time_zone,
            "location": series.location,
            "template": series.template.template_id if series.template else None,
        }
        super().__init__(*args, me=me, zone=zone, initial=initial, **kwargs)
        self.fields["day"].label = _("Next meeting on")
        self.anchor = anchor

    @property
    def moved_by_hand(self) -> bool:
        return self.upcoming is not None and self.upcoming.scheduled_at != self.upcoming.planned_at

    def new_anchor(self) -> datetime.datetime:
        start = self.start()
        if start is None or not ({"day", "time"} & set(self.changed_data)):
            return self.anchor
        return start

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if self.start() is None:
            return data
        anchor = self.new_anchor()
        retimed = anchor != self.anchor or "duration_minutes" in self.changed_data
        if anchor != self.anchor and anchor < timezone.now():
            self.add_error("day", _("This moment has passed. Choose a date and time ahead."))
        elif retimed and not self.moved_by_hand and anchor >= timezone.now():
            self.check_start(anchor, list(self.series.participants()), exclude=self.upcoming)
        return data

    def save(self) -> Series:
        data = self.cleaned_data
        series = self.series
        series.cadence = data["cadence"]
        series.custom_rule = data["custom_rule"] if data["cadence"] == Cadence.CUSTOM else ""
        series.starts_at = self.new_anchor()
        series.duration_minutes = data["duration_minutes"]
        series.time_zone = data["time_zone"]
        series.location = data["location"]
        if data["template"] != (series.template.template if series.template else None):
            series.template = self.template_version()
        fields = ["cadence", "custom_rule", "starts_at", "duration_minutes", "time_zone"]
        with transaction.atomic():
            series.save(update_fields=[*fields, "location", "template"])
            if self.upcoming is not None and not self.moved_by_hand:
                self._update_upcoming(self.upcoming, series)
            series.ensure_next_meeting()
        return series

    @staticmethod
    def _update_upcoming(meeting: Meeting, series: Series) -> None:
        meeting.planned_at = meeting.scheduled_at = series.starts_at
        meeting.duration_minutes = series.duration_minutes
        meeting.location = series.location
        meeting.template = series.template
        meeting.save(
            update_fields=["planned_at", "scheduled_at", "duration_minutes", "location", "template"]
        )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Both of you see it in the history of this series."),
    )


class RescheduleForm(ReasonForm):
    day = forms.DateField(label=_("New date"), widget=_date_input())
    time = forms.TimeField(label=_("New start time"), widget=_time_input())
    field_order = ["day", "time", "reason"]

    def __init__(
        self, *args: Any, meeting: Meeting, me: Person, zone: datetime.tzinfo, **kwargs: Any
    ) -> None:
        local = timezone.localtime(meeting.scheduled_at, zone)
        kwargs.setdefault("initial", {"day": local.date(), "time": local.time()})
        super().__init__(*args, **kwargs)
        self.meeting, self.me, self.zone = meeting, me, zone
        self.fields["time"].help_text = _("In your own time zone (%(zone)s).") % {"zone": zone}

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("day") is None or data.get("time") is None:
            return data
        when = _combine(data["day"], data["time"], self.zone)
        if when < timezone.now():
            self.add_error("day", _("This moment has passed. Choose a date and time ahead."))
        elif when == self.meeting.scheduled_at:
            self.add_error("day", _("This is the time already planned. Choose another."))
        else:
            people = list(self.meeting.series.participants())
            overlap = find_overlap(
                people, when, self.meeting.duration_minutes, exclude=self.meeting
            )
            if overlap is not None:
                self.add_error("time", overlap_message(overlap, self.me))
        data["when"] = when
        return data


class OverviewFilterForm(forms.Form):
    """Filters above the HR overview. Unknown values are ignored."""

    team = forms.ChoiceField(label=_("Team"), required=False)
    manager = forms.ChoiceField(label=_("Manager or mentor"), required=False)

    def __init__(self, data: Any, workspace: Workspace) -> None:
        super().__init__(data)
        teams = Team.objects.filter(workspace=workspace).values_list("id", "name")
        cast(forms.ChoiceField, self.fields["team"]).choices = [
            ("", _("All teams")),
            *((str(k), n) for k, n in teams),
        ]
        leaders = (
            Person.objects.in_workspace(workspace)
            .filter(led_series__isnull=False)
            .distinct()
            .order_by("name")
            .values_list("id", "name")
        )
        cast(forms.ChoiceField, self.fields["manager"]).choices = [
            ("", _("Anyone")),
            *((str(k), n) for k, n in leaders),
        ]

    def apply(self, series: Any) -> Any:
        if not self.is_valid():
            return series
        if team := self.cleaned_data["team"]:
            series = series.filter(Q(manager__teams=team) | Q(report__teams=team)).distinct()
        if manager := self.cleaned_data["manager"]:
            series = series.filter(manager=manager)
        return series
