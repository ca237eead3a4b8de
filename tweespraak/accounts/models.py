"""Workspaces (tenants), teams, people and their reporting lines."""

from __future__ import annotations

import datetime
import functools
import hashlib
import secrets
import uuid
import zoneinfo
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from collections.abc import Iterable


class Language(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")


@functools.cache
def time_zone_choices() -> list[tuple[str, str]]:
    """IANA time zones with a region, e.g. Europe/Amsterdam, sorted by name."""
    return [(name, name) for name in sorted(zoneinfo.available_timezones()) if "/" in name]


class Workspace(models.Model):
    """One organisation: a tenant. Nothing crosses from one workspace to another."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    default_language = models.CharField(
        _("default language"), max_length=2, choices=Language.choices, default=Language.DUTCH
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("workspace")
        verbose_name_plural = _("workspaces")

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "name"], name="team_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class PersonQuerySet(models.QuerySet["Person"]):
    def in_workspace(self, workspace: Workspace) -> PersonQuerySet:
        return self.filter(workspace=workspace)

    def active(self) -> PersonQuerySet:
        return self.filter(is_active=True)

    def invitation_pending(self) -> PersonQuerySet:
        """Active people who have not yet set a password through their invitation."""
        return self.filter(is_active=True, password__startswith=UNUSABLE_PASSWORD_PREFIX)

    def search(self, text: str) -> PersonQuerySet:
        text = text.strip()
        if not text:
            return self
        return self.filter(Q(name__icontains=text) | Q(email__icontains=text))


class PersonManager(BaseUserManager["Person"]):
    def create_user(
        self, email: str, workspace: Workspace, name: str, password: str | None = None, **extra
    ) -> Person:
        person = self.model(
            email=self.normalize_email(email).lower(), workspace=workspace, name=name, **extra
        )
        person.set_password(password)
        person.save()
        return person


class Person(AbstractBaseUser):
    """A user account in exactly one workspace. Logs in with e-mail address and password."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="people")
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.DUTCH
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Amsterdam")
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    is_workspace_admin = models.BooleanField(
        _("workspace admin"),
        default=False,
        help_text=_("Manages people, teams and settings of the workspace."),
    )
    is_hr = models.BooleanField(
        _("HR"),
        default=False,
        help_text=_("Sees whether 1:1s take place, never what is said in them."),
    )
    is_manager = models.BooleanField(
        _("manager"),
        default=False,
        help_text=_("Holds 1:1s with people who report to them."),
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("A deactivated person can no longer log in; their history stays."),
    )
    manager = models.ForeignKey(
        "self",
        verbose_name=_("manager"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="direct_reports",
        help_text=_("The current manager; earlier ones are kept in the reporting lines."),
    )
    teams = models.ManyToManyField(
        Team, verbose_name=_("teams"), blank=True, related_name="members"
    )
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)
    deactivated_at = models.DateTimeField(_("deactivated"), null=True, blank=True)

    objects = PersonManager.from_queryset(PersonQuerySet)()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        indexes = [models.Index(fields=["workspace", "name"])]

    def __str__(self) -> str:
        return self.name

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name.split(" ")[0]

    def clean(self) -> None:
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    @property
    def first_name(self) -> str:
        return self.get_short_name()

    @property
    def is_staff(self) -> bool:
        # There is no Django admin site: workspace admins use the in-app pages.
        return False

    @property
    def has_invitation_pending(self) -> bool:
        return self.is_active and not self.has_usable_password()

    @property
    def role_labels(self) -> list[str]:
        labels = []
        if self.is_workspace_admin:
            labels.append(str(_("workspace admin")))
        if self.is_hr:
            labels.append(str(_("HR")))
        if self.is_manager:
            labels.append(str(_("manager")))
        labels.append(str(_("employee")))
        return labels

    def manager_chain(self) -> Iterable[Person]:
        """Managers upwards from this person, stopping at a cycle."""
        seen = {self.pk}
        current = self.manager
        while current is not None and current.pk not in seen:
            yield current
            seen.add(current.pk)
            current = current.manager

    def set_manager(
        self,
        manager: Person | None,
        effective: datetime.date | None = None,
        changed_by: Person | None = None,
    ) -> None:
        """Change the current manager, closing the old reporting line on `effective`.

        Past reporting lines stay, so a 1:1 held before the change still shows who
        managed whom at the time. A change on the same day as the line started
        corrects that line instead of adding an empty one.
        """
        effective = effective or timezone.localdate()
        if manager is not None:
            if manager.workspace_id != self.workspace_id:
                raise ValidationError(_("The manager must be in the same workspace."))
            if manager.pk == self.pk:
                raise ValidationError(_("A person cannot be their own manager."))
            if any(boss.pk == self.pk for boss in manager.manager_chain()):
                raise ValidationError(
                    _("%(manager)s reports (indirectly) to %(person)s: that would be a cycle.")
                    % {"manager": manager.name, "person": self.name}
                )
        if (manager.pk if manager else None) == self.manager_id:
            return
        with transaction.atomic():
            current = self.reporting_lines.filter(ends_on=None).first()
            if current is not None:
                if current.starts_on >= effective:
                    current.delete()
                else:
                    current.ends_on = effective
                    current.save(update_fields=["ends_on"])
            if manager is not None:
                ReportingLine.objects.create(
                    workspace_id=self.workspace_id,
                    person=self,
                    manager=manager,
                    starts_on=effective,
                    created_by=changed_by,
                )
            self.manager = manager
            self.save(update_fields=["manager"])

    def manager_on(self, day: datetime.date) -> Person | None:
        line = (
            self.reporting_lines.filter(starts_on__lte=day)
            .filter(Q(ends_on__isnull=True) | Q(ends_on__gt=day))
            .select_related("manager")
            .first()
        )
        return line.manager if line else None

    def deactivate(self) -> None:
        """A leaver: login blocked, open sessions end, history kept."""
        self.is_active = False
        self.deactivated_at = timezone.now()
        self.save(update_fields=["is_active", "deactivated_at"])
        self.invitations.filter(used_at=None).update(revoked=True)

    def reactivate(self) -> None:
        self.is_active = True
        self.deactivated_at = None
        self.save(update_fields=["is_active", "deactivated_at"])


class ReportingLine(models.Model):
    """Who reported to whom, from `starts_on` up to (not including) `ends_on`."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="reporting_lines")
    manager = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="managed_lines")
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)
    created_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reporting line")
        verbose_name_plural = _("reporting lines")
        ordering = ["-starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=Q(ends_on=None), name="one_current_manager"
            ),
            models.CheckConstraint(
                condition=Q(ends_on=None) | Q(ends_on__gt=models.F("starts_on")),
                name="reporting_line_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.manager}"


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def usable(self) -> InvitationQuerySet:
        return self.filter(used_at=None, revoked=False, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """A single-use, expiring link by which a new person sets their password.

    Only a hash of the token is stored: the link in the e-mail is the only copy.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="invitations")
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    revoked = models.BooleanField(default=False)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.person} ({self.created_at:%Y-%m-%d})"

    @classmethod
    def issue(cls, person: Person, invited_by: Person | None = None) -> tuple[Invitation, str]:
        """Create a new invitation, revoking earlier unused ones. Returns it and its token."""
        token = secrets.token_urlsafe(32)
        with transaction.atomic():
            person.invitations.filter(used_at=None).update(revoked=True)
            invitation = cls.objects.create(
                person=person,
                token_hash=_hash_token(token),
                invited_by=invited_by,
                expires_at=timezone.now() + datetime.timedelta(days=settings.INVITATION_VALID_DAYS),
            )
        return invitation, token

    @classmethod
    def find_usable(cls, token: str) -> Invitation | None:
        return (
            cls.objects.usable()
            .filter(token_hash=_hash_token(token), person__is_active=True)
            .select_related("person", "person__workspace")
            .first()
        )

    def mark_used(self) -> bool:
        """Claim the invitation; False when another request used it first."""
        claimed = Invitation.objects.filter(pk=self.pk, used_at=None, revoked=False).update(
            used_at=timezone.now()
        )
        return claimed == 1
