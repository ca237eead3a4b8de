"""Forms for accepting an invitation and for resetting a forgotten password."""

from __future__ import annotations

import logging
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tweespraak.accounts.models import Person
from tweespraak.mail import render_mail

logger = logging.getLogger(__name__)


class InvitationPasswordForm(SetPasswordForm):
    """The invited person's name and e-mail address (read-only) and a new password, twice."""

    name = forms.CharField(label=_("Name"), required=False, disabled=True)
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        disabled=True,
        help_text=_("You log in with this e-mail address."),
        # Lets a password manager store the new password under the right account.
        widget=forms.EmailInput(attrs={"autocomplete": "username"}),
    )
    field_order = ["name", "email", "new_password1", "new_password2"]

    def __init__(self, user: Person, *args: Any, **kwargs: Any) -> None:
        super().__init__(user, *args, **kwargs)
        self.fields["name"].initial = user.name
        self.fields["email"].initial = user.email

    def save(self, commit: bool = True) -> Person:
        person: Person = self.user
        person.set_password(self.cleaned_data["new_password1"])
        if commit:
            person.save(update_fields=["password"])
        return person


class ResetRequestForm(PasswordResetForm):
    """Asks for an e-mail address; mails a reset link in the recipient's own language.

    Django's `get_users` already skips deactivated people and people without a usable
    password (an invitation not yet accepted): they get no mail, and the page after
    the request looks the same for every address.
    """

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        person: Person = context["user"]
        path = reverse(
            "password_reset_confirm",
            kwargs={"uidb64": context["uid"], "token": context["token"]},
        )
        message = render_mail(
            "accounts/email/password_reset",
            person,
            {
                "link": settings.SITE_URL + path,
                "valid_hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
            },
        )
        from tweespraak.notify.mailer import record_direct_mail
        from tweespraak.notify.models import MailKind

        try:
            message.send()
        except Exception as error:
            # Same page either way: a failure must not reveal that the address exists.
            logger.exception("Could not send the password reset mail to person %s", person.pk)
            record_direct_mail(
                person, MailKind.PASSWORD_RESET, error=f"{type(error).__name__}: {error}"
            )
        else:
            record_direct_mail(person, MailKind.PASSWORD_RESET)
