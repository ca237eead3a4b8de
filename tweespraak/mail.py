"""E-mail as a template trio: `<name>_subject.txt`, `<name>.txt` and `<name>.html`.

Every mail is rendered in the recipient's own language.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from tweespraak.accounts.models import Person


def render_mail(
    template: str, recipient: Person, context: dict[str, Any]
) -> EmailMultiAlternatives:
    context = {"recipient": recipient, "site_url": settings.SITE_URL, **context}
    with translation.override(recipient.language):
        subject = render_to_string(f"{template}_subject.txt", context)
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[f"{recipient.name} <{recipient.email}>"],
    )
    message.attach_alternative(html, "text/html")
    return message


def send_mail_to(template: str, recipient: Person, context: dict[str, Any]) -> None:
    render_mail(template, recipient, context).send()
