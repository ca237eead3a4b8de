"""The `series_invite` mail: a calendar invitation, update or cancellation (ICS)."""

from __future__ import annotations

from email.mime.text import MIMEText
from typing import Any

from django.core.mail import EmailMultiAlternatives
from django.utils import translation

from tweespraak.calendars import ics, invites
from tweespraak.meetings.models import Meeting, Series
from tweespraak.notify.models import Mail, MailKind
from tweespraak.notify.registry import BuiltMail, mail_builder

TEMPLATE = "calendars/email/series_invite"


def _attach(content: bytes, method: str) -> Any:
    def customise(message: EmailMultiAlternatives) -> None:
        part = MIMEText(content.decode(), "calendar", "utf-8")
        part.set_param("method", method)
        part.add_header("Content-Disposition", "attachment", filename="invite.ics")
        message.attach(part)

    return customise


@mail_builder(MailKind.SERIES_INVITE)
def build_series_invite(mail: Mail) -> BuiltMail | None:
    context = mail.context
    series = (
        Series.objects.select_related("manager", "report", "created_by")
        .filter(pk=context["series"])
        .first()
    )
    if series is None:
        return None
    change, sequence = context["change"], int(context["sequence"])
    meeting: Meeting | None = None
    if context.get("meeting"):
        meeting = series.meetings.filter(pk=context["meeting"]).first()
        if meeting is None:
            return None
        meeting.series = series
    if series.ended_at is not None and change != invites.ENDED:
        return None  # the cancellation of the whole series says all there is to say
    with translation.override(mail.recipient.language):
        if change == invites.ENDED:
            content, method = ics.series_cancel(series, sequence), ics.CANCEL
        elif change == invites.CLOSED and meeting is not None:
            content, method = ics.occurrence_cancel(meeting, sequence), ics.CANCEL
        elif change == invites.MOVED and meeting is not None:
            content, method = ics.occurrence_update(meeting, sequence), ics.REQUEST
        else:
            content, method = ics.invitation(series, sequence), ics.REQUEST
        title = ics.title(series)
    when = meeting.scheduled_at if meeting is not None else series.starts_at
    return BuiltMail(
        TEMPLATE,
        {
            "series": series,
            "meeting": meeting,
            "change": change,
            "first": sequence == 0,
            "title": title,
            "when": when,
            "zone": series.time_zone,
            "other": series.other_participant(mail.recipient),
            "link": ics.absolute_url("series:detail", series.pk),
        },
        customise=_attach(content, method),
    )
