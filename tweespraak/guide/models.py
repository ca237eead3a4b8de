"""Conversation templates: sections with prompt questions, versioned.

A meeting points at the template *version* it used, so editing a template never
rewrites the structure of conversations already held.
Text is stored per language ({"nl": ..., "en": ...}); a workspace's own template
may hold one language only and is shown in that language to everyone.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db import models, transaction
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tweespraak.accounts.models import Workspace


def localized(text: dict[str, str] | str | None, language: str | None = None) -> str:
    """The text in `language` (default: the active one), else Dutch, else any."""
    if not text:
        return ""
    if isinstance(text, str):
        return text
    language = (language or get_language() or "nl")[:2]
    return text.get(language) or text.get("nl") or next(iter(text.values()), "")


class TemplateQuerySet(models.QuerySet["Template"]):
    def available_to(self, workspace: Workspace) -> TemplateQuerySet:
        return self.filter(models.Q(workspace=workspace) | models.Q(workspace=None))


class Template(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, null=True, blank=True, related_name="templates"
    )
    key = models.SlugField(_("key"), max_length=60)
    name = models.JSONField(_("name"))
    is_default = models.BooleanField(_("default"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TemplateQuerySet.as_manager()

    class Meta:
        verbose_name = _("template")
        verbose_name_plural = _("templates")
        constraints = [
            models.UniqueConstraint(fields=["workspace", "key"], name="template_key_unique"),
            models.UniqueConstraint(
                fields=["key"], condition=models.Q(workspace=None), name="builtin_key_unique"
            ),
        ]

    def __str__(self) -> str:
        return localized(self.name)

    @property
    def display_name(self) -> str:
        return localized(self.name)

    def latest_version(self) -> TemplateVersion | None:
        return self.versions.order_by("-number").first()

    def publish(self, sections: list[dict[str, Any]]) -> TemplateVersion:
        """Store `sections` as a new version, unless they equal the latest one."""
        with transaction.atomic():
            latest = self.latest_version()
            if latest is not None and latest.sections == sections:
                return latest
            return TemplateVersion.objects.create(
                template=self, number=(latest.number + 1) if latest else 1, sections=sections
            )


class TemplateVersion(models.Model):
    """Sections: [{"key", "title": {lang: text}, "guidance": {...}, "prompts": [{...}]}]."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    template = models.ForeignKey(Template, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    sections = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("template version")
        verbose_name_plural = _("template versions")
        constraints = [
            models.UniqueConstraint(fields=["template", "number"], name="template_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.template} v{self.number}"

    def localized_sections(self, language: str | None = None) -> list[dict[str, Any]]:
        return [
            {
                "key": section["key"],
                "title": localized(section.get("title"), language),
                "guidance": localized(section.get("guidance"), language),
                "prompts": [localized(prompt, language) for prompt in section.get("prompts", [])],
            }
            for section in self.sections
        ]

    def section_keys(self) -> list[str]:
        return [section["key"] for section in self.sections]
