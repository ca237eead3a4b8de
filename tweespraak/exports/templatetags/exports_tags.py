"""`{% export_menu "exports:series" series.pk %}`: a small menu with the three formats.

An optional third argument names the menu (default "Export").
"""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

register = template.Library()

LABELS = [("pdf", _("PDF")), ("docx", _("Word (DOCX)")), ("md", _("Markdown"))]


@register.inclusion_tag("exports/fragments/menu.html")
def export_menu(url_name: str, target: Any, title: str = "") -> dict[str, Any]:
    base = reverse(url_name, args=[target])
    return {
        "title": title or _("Export"),
        "links": [(f"{base}?format={fmt}", label) for fmt, label in LABELS],
    }


@register.filter
def css_string(value: Any) -> SafeString:
    """`value` for inside a double-quoted CSS string (the PDF's page header and footer).

    HTML escaping is no use inside <style>; this escapes quotes, backslashes, line
    breaks and < > & as CSS hex escapes, so no text can end the string or the style.
    """
    escaped = "".join(
        f"\\{ord(char):x} " if char in "\\\"'<>&" or ord(char) < 0x20 else char
        for char in str(value)
    )
    return mark_safe(escaped)  # noqa: S308 - every special character is escaped above
