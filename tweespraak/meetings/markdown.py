"""Markdown for notes, cleaned so that nothing typed can run as HTML or script.

The markdown package turns text into HTML (and would pass raw HTML through);
nh3 then keeps only a small set of tags and safe links. Everything shown from a
note goes through `render_markdown`.
"""

from __future__ import annotations

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "h3",
    "h4",
    "a",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "noopener noreferrer nofollow"


def clean_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
        url_relative="deny",
    )


def render_markdown(text: str) -> SafeString:
    """Markdown to HTML that is safe to show: only the allowed tags and link schemes."""
    if not text:
        return mark_safe("")
    html = markdown_lib.markdown(text, extensions=["sane_lists"], output_format="html")
    return mark_safe(clean_html(html))  # noqa: S308 - cleaned by nh3 just above
