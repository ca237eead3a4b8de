"""Calendar state of Tweespraak: invitation versions per series, feed addresses per person.

The feed token is stored as it is, like the "secret address" of Google or Outlook
calendars: people need to see the address again to subscribe on another device.
It is 256 random bits, so it cannot be guessed; resetting it ends the old address.
"""

from __future__ import annotations

import secrets

from django.db import models
from django.db.models import F

from tweespraak.accounts.models import Person
from tweespraak.meetings.models import Series

TOKEN_BYTES = 32


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


class SeriesCalendar(models.Model):
    """The SEQUENCE of a series' calendar invitation: one up for every change sent out."""

    series = models.OneToOneField(
        Series, on_delete=models.CASCADE, primary_key=True, related_name="calendar"
    )
    sequence = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.series} #{self.sequence}"

    @classmethod
    def next_sequence(cls, series: Series) -> int:
        """0 for the first invitation, then 1, 2, … — safe when two changes race."""
        calendar, created = cls.objects.get_or_create(series=series)
        if created:
            return 0
        cls.objects.filter(pk=series.pk).update(sequence=F("sequence") + 1)
        calendar.refresh_from_db(fields=["sequence"])
        return calendar.sequence


class CalendarFeed(models.Model):
    """A person's secret calendar address: `calendar/feed/<token>.ics`."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"feed of {self.person}"

    @classmethod
    def for_person(cls, person: Person) -> CalendarFeed:
        feed, _created = cls.objects.get_or_create(person=person)
        return feed

    def reset(self) -> None:
        self.token = new_token()
        self.save(update_fields=["token"])
