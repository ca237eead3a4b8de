"""`{% notification_settings %}`: the e-mail section of the settings page."""

from __future__ import annotations

from typing import Any

from django import template

from tweespraak.notify.forms import PreferencesForm
from tweespraak.notify.models import NotificationPreferences

register = template.Library()


@register.inclusion_tag("notify/fragments/preferences.html", takes_context=True)
def notification_settings(context: template.Context) -> dict[str, Any]:
    form = context.get("notify_form")
    if form is None:
        form = PreferencesForm(instance=NotificationPreferences.of(context["request"].user))
    return {"notify_form": form, "csrf_token": context.get("csrf_token")}
