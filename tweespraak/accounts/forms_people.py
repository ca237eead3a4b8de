"""Forms with which workspace admins manage people and teams."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from tweespraak.accounts.models import (
    Person,
    PersonQuerySet,
    Team,
    Workspace,
    time_zone_choices,
)


class PeopleFilterForm(forms.Form):
    """Search and filters above the people list. Invalid values are simply ignored."""

    STATUS_CHOICES = [
        ("", _("Active and invited")),
        ("active", _("Active")),
        ("pending", _("Invitation pending")),
        ("deactivated", _("Deactivated")),
        ("all", _("Everyone")),
    ]
    ROLE_CHOICES = [
        ("", _("Any role")),
        ("admin", _("Workspace admin")),
        ("hr", _("HR")),
        ("manager", _("Manager")),
    ]

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=150,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Name or e-mail"), "autocomplete": "off"}
        ),
    )
    team = forms.ChoiceField(label=_("Team"), required=False)
    role = forms.ChoiceField(label=_("Role"), required=False, choices=ROLE_CHOICES)
    manager = forms.ChoiceField(label=_("Manager"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUS_CHOICES)

    def __init__(self, data: Any, workspace: Workspace) -> None:
        super().__init__(data)
        teams = Team.objects.filter(workspace=workspace).values_list("id", "name")
        self._set_choices(
            "team",
            [
                ("", _("All teams")),
                ("none", _("No team")),
                *((str(pk), name) for pk, name in teams),
            ],
        )
        managers = (
            Person.objects.in_workspace(workspace)
            .filter(Q(is_manager=True) | Q(direct_reports__isnull=False))
            .distinct()
            .order_by("name")
            .values_list("id", "name")
        )
        self._set_choices(
            "manager",
            [
                ("", _("Any manager")),
                ("none", _("No manager")),
                *((str(pk), name) for pk, name in managers),
            ],
        )

    def _set_choices(self, name: str, choices: list[tuple[str, Any]]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices

    def apply(self, people: PersonQuerySet) -> PersonQuerySet:
        """The people matching the valid filters; a filter with a bad value is left out."""
        self.is_valid()
        values = self.cleaned_data
        people = people.search(values.get("q") or "")
        team = values.get("team")
        if team == "none":
            people = people.filter(teams__isnull=True)
        elif team:
            people = people.filter(teams=team)
        role = values.get("role")
        if role == "admin":
            people = people.filter(is_workspace_admin=True)
        elif role == "hr":
            people = people.filter(is_hr=True)
        elif role == "manager":
            people = people.filter(is_manager=True)
        manager = values.get("manager")
        if manager == "none":
            people = people.filter(manager__isnull=True)
        elif manager:
            people = people.filter(manager=manager)
        status = values.get("status")
        if status == "active":
            people = people.active().exclude(password__startswith=UNUSABLE_PASSWORD_PREFIX)
        elif status == "pending":
            people = people.invitation_pending()
        elif status == "deactivated":
            people = people.filter(is_active=False)
        elif status != "all":
            people = people.active()
        return people

    @property
    def is_filtered(self) -> bool:
        return any(self.data.get(name) for name in self.fields)


class PersonForm(forms.ModelForm):
    """What an admin sets for a person: profile, roles, manager and teams.

    The manager is not a model field of this form: it is changed through
    `Person.set_manager`, which checks for cycles and keeps the reporting-line history.
    """

    time_zone = forms.ChoiceField(label=_("Time zone"), choices=time_zone_choices)
    manager = forms.ModelChoiceField(
        label=_("Manager"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("No manager"),
    )

    class Meta:
        model = Person
        fields = [
            "name",
            "email",
            "job_title",
            "language",
            "time_zone",
            "is_workspace_admin",
            "is_hr",
            "is_manager",
            "teams",
        ]
        widgets = {"teams": forms.CheckboxSelectMultiple}

    def __init__(self, *args: Any, workspace: Workspace, editor: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.workspace = workspace
        self.editor = editor
        self.instance.workspace = workspace
        self.fields["email"].widget.attrs["autocomplete"] = "off"
        teams_field = self.fields["teams"]
        assert isinstance(teams_field, forms.ModelMultipleChoiceField)
        teams_field.queryset = Team.objects.filter(workspace=workspace)
        manager_field = self.fields["manager"]
        assert isinstance(manager_field, forms.ModelChoiceField)
        # Active people; a current manager who has since left stays selectable.
        manager_field.queryset = (
            Person.objects.in_workspace(workspace)
            .filter(Q(is_active=True) | Q(pk=self.instance.manager_id))
            .exclude(pk=self.instance.pk)
            .only("id", "name")
            .order_by("name")
        )
        self.initial.setdefault("manager", self.instance.manager_id)

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        taken = Person.objects.filter(email__iexact=email).exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(
                _("The e-mail address %(email)s is already in use. Each person needs their own."),
                code="unique",
                params={"email": email},
            )
        return email

    def clean_manager(self) -> Person | None:
        manager: Person | None = self.cleaned_data.get("manager")
        if manager is not None and any(
            boss.pk == self.instance.pk for boss in manager.manager_chain()
        ):
            raise ValidationError(
                _(
                    "%(manager)s cannot be the manager of %(person)s: %(manager)s already "
                    "reports to %(person)s, directly or through others."
                ),
                code="cycle",
                params={"manager": manager.name, "person": self.instance.name},
            )
        return manager

    @property
    def manager_changed(self) -> bool:
        manager = self.cleaned_data.get("manager")
        return (manager.pk if manager else None) != self.instance.manager_id

    def _save_person(self, **manager_change: Any) -> Person:
        """Save the fields and teams, then change the manager through the history."""
        with transaction.atomic():
            person = super().save(commit=False)
            if person._state.adding:
                person.set_unusable_password()
                person.save()
            else:
                person.save(update_fields=[name for name in self.Meta.fields if name != "teams"])
            self.save_m2m()
            if self.manager_changed:
                person.set_manager(
                    self.cleaned_data.get("manager"), changed_by=self.editor, **manager_change
                )
        return person


class AddPersonForm(PersonForm):
    send_invitation = forms.BooleanField(
        label=_("Send an invitation now"),
        required=False,
        initial=True,
        help_text=_("An e-mail with a link to set a password. You can also send it later."),
    )

    def __init__(self, *args: Any, workspace: Workspace, editor: Person, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {"language": workspace.default_language, "time_zone": settings.TIME_ZONE},
        )
        super().__init__(*args, workspace=workspace, editor=editor, **kwargs)

    def save(self, commit: bool = True) -> Person:
        return self._save_person()


class EditPersonForm(PersonForm):
    manager_since = forms.DateField(
        label=_("New manager from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_(
            "Only used when you choose another manager. Today, or a day in the past "
            "when the change already happened."
        ),
    )

    def __init__(self, *args: Any, workspace: Workspace, editor: Person, **kwargs: Any) -> None:
        super().__init__(*args, workspace=workspace, editor=editor, **kwargs)
        self.was_admin = self.instance.is_workspace_admin
        self.initial.setdefault("manager_since", timezone.localdate())

    def clean_is_workspace_admin(self) -> bool:
        keep: bool = self.cleaned_data.get("is_workspace_admin", False)
        if self.was_admin and not keep:
            if self.instance.pk == self.editor.pk:
                raise ValidationError(
                    _(
                        "You cannot remove your own workspace admin role. "
                        "Ask another workspace admin to do it."
                    ),
                    code="own_admin_role",
                )
            if is_last_admin(self.instance):
                raise ValidationError(
                    _(
                        "%(person)s is the last workspace admin. Make someone else "
                        "a workspace admin first."
                    ),
                    code="last_admin",
                    params={"person": self.instance.name},
                )
        return keep

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if "manager" in cleaned and self.manager_changed:
            since = cleaned.get("manager_since") or timezone.localdate()
            error = manager_change_date_error(self.instance, since)
            if error:
                self.add_error("manager_since", error)
            cleaned["manager_since"] = since
        return cleaned

    def save(self, commit: bool = True) -> Person:
        return self._save_person(effective=self.cleaned_data.get("manager_since"))


def manager_change_date_error(person: Person, day: datetime.date) -> str | None:
    """Why a manager change cannot take effect on `day`, or None when it can."""
    if day > timezone.localdate():
        return str(_("The change cannot be in the future. Choose today or a day in the past."))
    lines = list(person.reporting_lines.select_related("manager"))
    current = next((line for line in lines if line.ends_on is None), None)
    if current is not None and day < current.starts_on:
        return str(
            _(
                "The reporting line to %(manager)s started on %(date)s. "
                "The new manager can start on that day at the earliest."
            )
            % {"manager": current.manager.name, "date": formats.date_format(current.starts_on)}
        )
    ended = [line.ends_on for line in lines if line.ends_on is not None]
    if current is None and ended and day < max(ended):
        return str(
            _(
                "The history already has a manager up to %(date)s. "
                "The new manager can start on that day at the earliest."
            )
            % {"date": formats.date_format(max(ended))}
        )
    return None


def is_last_admin(person: Person) -> bool:
    """Whether `person` is the only active workspace admin left in their workspace."""
    if not (person.is_active and person.is_workspace_admin):
        return False
    others = (
        Person.objects.in_workspace(person.workspace)
        .active()
        .filter(is_workspace_admin=True)
        .exclude(pk=person.pk)
    )
    return not others.exists()


def deactivation_refusal(person: Person, by: Person) -> str | None:
    """Why `by` cannot deactivate `person`, or None when they can."""
    if not person.is_active:
        return str(_("%(name)s is already deactivated.") % {"name": person.name})
    if person.pk == by.pk:
        return str(_("You cannot deactivate yourself. Ask another workspace admin to do it."))
    if is_last_admin(person):
        return str(
            _(
                "%(name)s is the last workspace admin and cannot be deactivated. "
                "Make someone else a workspace admin first."
            )
            % {"name": person.name}
        )
    return None


class TeamForm(forms.ModelForm):
    """A team's name, description and members (active people of the workspace)."""

    members = forms.ModelMultipleChoiceField(
        label=_("Members"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Team
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, workspace: Workspace, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.workspace = workspace
        members = self.fields["members"]
        assert isinstance(members, forms.ModelMultipleChoiceField)
        members.queryset = (
            Person.objects.in_workspace(workspace).active().only("id", "name").order_by("name")
        )
        if self.instance.pk:
            self.initial.setdefault(
                "members", list(self.instance.members.active().values_list("pk", flat=True))
            )

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        taken = Team.objects.filter(workspace=self.instance.workspace, name__iexact=name).exclude(
            pk=self.instance.pk
        )
        if taken.exists():
            raise ValidationError(
                _("There is already a team called %(name)s. Choose another name."),
                code="unique",
                params={"name": name},
            )
        return name

    def save(self, commit: bool = True) -> Team:
        with transaction.atomic():
            team = super().save(commit=False)
            if team._state.adding:
                team.save()
            else:
                team.save(update_fields=["name", "description"])
            # Deactivated members are not shown as checkboxes; they stay in the team.
            leavers = list(team.members.filter(is_active=False))
            team.members.set([*self.cleaned_data["members"], *leavers])
        return team
