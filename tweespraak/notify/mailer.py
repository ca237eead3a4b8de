"""Queue mail for the worker, and send one queued mail."""

from __future__ import annotations

import uuid
from typing import Any

from django.utils import timezone

from tweespraak.accounts.models import Person
from tweespraak.mail import render_mail
from tweespraak.notify.models import Mail, NotificationPreferences, State
from tweespraak.notify.registry import MAIL_BUILDERS


def queue_mail(
    recipient: Person, kind: str, key: str, context: dict[str, Any] | None = None, **fields: Any
) -> Mail:
    """Queue a mail once per idempotency key; queuing the same key again changes nothing."""
    mail, _created = Mail.objects.get_or_create(
        idempotency_key=key,
        defaults={
            "workspace_id": recipient.workspace_id,
            "recipient": recipient,
            "kind": kind,
            "context": context or {},
            **fields,
        },
    )
    return mail


def send_queued(mail: Mail) -> None:
    """Render and send a claimed mail; raises on failure so the worker retries it."""
    recipient = mail.recipient
    # Checked again at send time: switching a kind off (or leaving) stops queued mail too.
    if not NotificationPreferences.person_allows(recipient, mail.kind):
        mail.finish()
        return
    built = MAIL_BUILDERS[mail.kind](mail)
    if built is None:
        mail.finish()
        return
    message = render_mail(built.template, recipient, built.context)
    # The same mail keeps the same Message-ID on every attempt, so a mail server or
    # client that sees a retry of an already-delivered message can recognise it.
    message.extra_headers["Message-ID"] = f"<{mail.pk}@tweespraak>"
    message.extra_headers["Content-Language"] = recipient.language
    for name, content, mimetype in built.attachments:
        message.attach(name, content, mimetype)
    if built.customise is not None:
        built.customise(message)
    message.send()
    mail.sent_at = timezone.now()
    mail.save(update_fields=["sent_at"])
    mail.finish()


def record_direct_mail(recipient: Person, kind: str, error: str = "") -> Mail:
    """Log a mail that was sent right away in a request (it carried a secret link that is
    never stored), so the mail log shows every mail Tweespraak sent."""
    now = timezone.now()
    return Mail.objects.create(
        idempotency_key=f"{kind}:direct:{uuid.uuid4()}",
        workspace_id=recipient.workspace_id,
        recipient=recipient,
        kind=kind,
        state=State.FAILED if error else State.DONE,
        attempts=1,
        last_error=error[:2000],
        sent_at=None if error else now,
        finished_at=now,
    )
