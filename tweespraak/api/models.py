"""Personal access tokens for the JSON API.

Only a SHA-256 hash of a token is stored; the token itself is shown once, when it
is made. The prefix (its first characters) lets a person tell their tokens apart.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets
import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tweespraak.accounts.models import Person

TOKEN_PREFIX = "tsp_"  # noqa: S105 - marks the string as a Tweespraak token, not a secret
PREFIX_LENGTH = 8
LAST_USED_RESOLUTION = datetime.timedelta(minutes=1)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Scope(models.TextChoices):
    READ = "read", _("Read only")
    WRITE = "write", _("Read and write")


class AccessTokenQuerySet(models.QuerySet["AccessToken"]):
    def usable(self) -> AccessTokenQuerySet:
        return self.filter(revoked_at=None, person__is_active=True)


class AccessToken(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="access_tokens")
    name = models.CharField(_("name"), max_length=100, blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=PREFIX_LENGTH)
    scope = models.CharField(_("access"), max_length=5, choices=Scope.choices, default=Scope.READ)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = AccessTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("access token")
        verbose_name_plural = _("access tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.person})"

    @classmethod
    def issue(
        cls, person: Person, *, scope: str = Scope.READ, name: str = ""
    ) -> tuple[AccessToken, str]:
        """Make a token for `person`; returns it and the secret, which is not kept."""
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            person=person,
            name=name,
            token_hash=hash_token(secret),
            prefix=secret[:PREFIX_LENGTH],
            scope=scope,
        )
        return token, secret

    @classmethod
    def find_usable(cls, secret: str) -> AccessToken | None:
        """The live token for `secret`, looked up by its hash (no timing on the secret)."""
        if not secret.startswith(TOKEN_PREFIX):
            return None
        token = (
            cls.objects.usable()
            .filter(token_hash=hash_token(secret))
            .select_related("person", "person__workspace")
            .first()
        )
        if token is None or not secrets.compare_digest(token.token_hash, hash_token(secret)):
            return None
        return token

    @property
    def can_write(self) -> bool:
        return self.scope == Scope.WRITE

    def touch(self) -> None:
        """Record use, at most once a minute so reads do not all write."""
        now = timezone.now()
        if self.last_used_at and now - self.last_used_at < LAST_USED_RESOLUTION:
            return
        AccessToken.objects.filter(pk=self.pk).filter(
            models.Q(last_used_at=None) | models.Q(last_used_at__lt=now - LAST_USED_RESOLUTION)
        ).update(last_used_at=now)
        self.last_used_at = now

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])
