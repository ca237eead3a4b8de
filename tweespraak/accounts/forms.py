from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from tweespraak.accounts.models import Person, time_zone_choices


class LoginForm(AuthenticationForm):
    """E-mail and password. The error never tells whether the e-mail address exists."""

    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )
    error_messages = {
        "invalid_login": _(
            "This e-mail address and password do not match an active account. "
            "Check both and try again."
        ),
        "inactive": _(
            "This e-mail address and password do not match an active account. "
            "Check both and try again."
        ),
    }

    def clean_username(self) -> str:
        return self.cleaned_data["username"].strip().lower()


class PreferencesForm(forms.ModelForm):
    """What every person sets for themself: name, language and time zone."""

    time_zone = forms.ChoiceField(label=_("Time zone"), choices=time_zone_choices)

    class Meta:
        model = Person
        fields = ["name", "language", "time_zone"]
