from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tweespraak.notify.models import Mail, MailKind, NotificationPreferences, State


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = NotificationPreferences
        fields = ["reminder", "reminder_hours", "summary", "overdue", "series_invite"]
        help_texts = {
            "reminder": _("With the open agreements and a link to add your talking points."),
            "summary": _(
                "What was agreed and discussed, and the shared notes. Never private notes."
            ),
            "overdue": _("At most once a week, only when an agreement of yours is past its date."),
        }


# The log's own word for a mail that was closed without sending (switched off, moved, left).
SKIPPED = "skipped"


class MailLogFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *MailKind.choices]
    )
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[
            ("", _("All states")),
            (State.QUEUED, _("Waiting")),
            (State.RUNNING, _("Sending")),
            ("sent", _("Sent")),
            (SKIPPED, _("Not sent (no longer needed)")),
            (State.FAILED, _("Failed")),
        ],
    )

    def apply(self, mails: QuerySet[Mail]) -> QuerySet[Mail]:
        if not self.is_valid():
            return mails
        data: dict[str, Any] = self.cleaned_data
        if data["kind"]:
            mails = mails.filter(kind=data["kind"])
        state = data["state"]
        if state == "sent":
            mails = mails.filter(sent_at__isnull=False)
        elif state == SKIPPED:
            mails = mails.filter(state=State.DONE, sent_at=None)
        elif state:
            mails = mails.filter(state=state)
        return mails

    @property
    def is_filtered(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.values())
