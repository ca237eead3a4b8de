"""A 1:1 history to export: shared and private points and notes of both people."""

from __future__ import annotations

import datetime

from tweespraak.meetings.agenda import add_point
from tweespraak.meetings.models import Agreement, Meeting, Note, Series


def hold_meeting(cast, series: Series, number: int = 1) -> Meeting:  # type: ignore[no-untyped-def]
    """Hold the upcoming meeting with a full set of content; texts carry `number`."""
    meeting = series.upcoming_meeting()
    assert meeting is not None
    for author, text, private in [
        (cast.anouk, f"Team outing {number}", False),
        (cast.bram, f"Bram secret point {number}", True),
        (cast.anouk, f"Anouk secret point {number}", True),
    ]:
        point = add_point(series, author, text, is_private=private)
        point.discussed_in = meeting
        point.save(update_fields=["discussed_in"])
    Agreement.objects.create(
        series=series,
        meeting=meeting,
        owner=cast.bram,
        text=f"Ask the team about dates {number}",
        due_on=datetime.date(2026, 2, 1),
    )
    Note.objects.create(
        meeting=meeting,
        body=f"### Outing\n\nWe chose **June** for outing {number}.\n\n- bus\n- *picnic*",
    )
    Note.objects.create(
        meeting=meeting, is_private=True, author=cast.bram, body=f"Bram private note {number}"
    )
    Note.objects.create(
        meeting=meeting, is_private=True, author=cast.anouk, body=f"Anouk private note {number}"
    )
    meeting.complete(by=cast.anouk)
    return meeting


def move_and_skip(cast, series: Series) -> None:  # type: ignore[no-untyped-def]
    meeting = series.upcoming_meeting()
    assert meeting is not None
    meeting.reschedule(
        meeting.scheduled_at + datetime.timedelta(days=1), "Dentist appointment", by=cast.bram
    )
    meeting.skip("Company holiday", by=cast.anouk)
