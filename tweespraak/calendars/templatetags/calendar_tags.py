from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.urls import reverse

from tweespraak.calendars.models import CalendarFeed

register = template.Library()


@register.inclusion_tag("calendars/fragments/settings_section.html", takes_context=True)
def calendar_section(context: dict[str, Any]) -> dict[str, Any]:
    """The settings page's calendar section; the address is made on first view."""
    request = context["request"]
    feed = CalendarFeed.for_person(request.user)
    return {"feed_url": f"{settings.SITE_URL}{reverse('calendars:feed', args=[feed.token])}"}
