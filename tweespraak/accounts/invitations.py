from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from tweespraak.accounts.models import Invitation, Person
from tweespraak.mail import send_mail_to


def send_invitation(person: Person, invited_by: Person | None = None) -> Invitation:
    """Issue a fresh single-use link (earlier ones stop working) and mail it to the person."""
    invitation, token = Invitation.issue(person, invited_by=invited_by)
    link = settings.SITE_URL + reverse("invitation_accept", args=[token])
    from tweespraak.notify.mailer import record_direct_mail
    from tweespraak.notify.models import MailKind

    try:
        send_mail_to(
            "accounts/email/invitation",
            person,
            {
                "invitation": invitation,
                "link": link,
                "invited_by": invited_by,
                "workspace": person.workspace,
                "valid_days": settings.INVITATION_VALID_DAYS,
            },
        )
    except Exception as error:
        record_direct_mail(person, MailKind.INVITATION, error=f"{type(error).__name__}: {error}")
        raise
    record_direct_mail(person, MailKind.INVITATION)
    return invitation
