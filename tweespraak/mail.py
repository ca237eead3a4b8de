"""E-mail as a template trio: `<name>_subject.txt`, `<name>.txt` and `<name>.html`.

Every mail is rendered in the recipient's own language.
"""

from __future__ import annotations

from email.utils import formataddr
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import translation

from tweespraak.accounts.models import Person


def render_mail(
    template: str, recipient: Person, context: dict[str, Any]
) -> EmailMultiAlternatives:
    context = {"recipient": recipient, "site_url": settings.SITE_URL, **context}
    with translation.override(recipient.language):
        subject = _render_plain(f"{template}_subject.txt", context)
        text = _render_plain(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[formataddr((recipient.name, recipient.email))],
    )
    message.attach_alternative(html, "text/html")
    return message


def _render_plain(name: str, context: dict[str, Any]) -> str:
    """Subject and plain text are not HTML: render them without HTML escaping."""
    return get_template(name).template.render(Context(context, autoescape=False))  # type: ignore[attr-defined]


def send_mail_to(template: str, recipient: Person, context: dict[str, Any]) -> None:
    render_mail(template, recipient, context).send()
