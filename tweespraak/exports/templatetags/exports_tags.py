"""`{% export_menu "exports:series" series.pk %}`: a small menu with the three formats."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

register = template.Library()

LABELS = [("pdf", "PDF"), ("docx", "Word (DOCX)"), ("md", "Markdown")]


@register.inclusion_tag("exports/fragments/menu.html")
def export_menu(url_name: str, target: Any) -> dict[str, Any]:
    base = reverse(url_name, args=[target])
    return {"links": [(f"{base}?format={fmt}", label) for fmt, label in LABELS]}
