"""Context for the notes and agreements panels of the meeting page and preparation view.

The meeting page includes `meetings/fragments/notes_panel.html` and
`meetings/fragments/agreements_panel.html` with
`{**panel_context, "meeting": meeting, "can_edit": can_edit}`. Each function
costs one query, whatever the amount of data.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils import timezone

from tweespraak.accounts.models import Person
from tweespraak.meetings.forms_notes import PRIVATE, SHARED, AgreementForm
from tweespraak.meetings.models import Agreement, AgreementStatus, Meeting, Note


@dataclass
class NoteSlot:
    """One note editor: the shared notes, or the viewer's own private notes.

    `note` is unsaved (version 0, empty) until someone writes the first word.
    """

    kind: str
    note: Note

    @property
    def is_private(self) -> bool:
        return self.kind == PRIVATE

    @property
    def dom_id(self) -> str:
        return f"note-{self.kind}-{self.note.meeting_id}"


def notes_for(meeting: Meeting, me: Person) -> dict[str, Note]:
    """The shared note and *my* private note of a meeting; never someone else's."""
    found = {SHARED: None, PRIVATE: None} | {
        (PRIVATE if note.is_private else SHARED): note
        for note in Note.objects.filter(meeting=meeting)
        .filter(Q(is_private=False) | Q(is_private=True, author=me))
        .select_related("updated_by")
    }
    return {
        SHARED: found[SHARED] or Note(meeting=meeting, is_private=False, version=0),
        PRIVATE: found[PRIVATE] or Note(meeting=meeting, is_private=True, author=me, version=0),
    }


def notes_panel_context(meeting: Meeting, me: Person) -> dict[str, Any]:
    notes = notes_for(meeting, me)
    return {
        "note_slots": [NoteSlot(SHARED, notes[SHARED]), NoteSlot(PRIVATE, notes[PRIVATE])],
        "other_person": meeting.series.other_participant(me),
    }


@dataclass
class AgreementRow:
    agreement: Agreement
    overdue: bool


def agreements_panel_context(
    meeting: Meeting,
    me: Person,
    form: AgreementForm | None = None,
    today: datetime.date | None = None,
) -> dict[str, Any]:
    """Agreements made in this meeting, and those still open from earlier ones."""
    today = today or timezone.localdate()
    earlier = Q(meeting=None) | Q(meeting__scheduled_at__lt=meeting.scheduled_at)
    agreements = (
        Agreement.objects.filter(series=meeting.series_id)
        .filter(Q(meeting=meeting) | (Q(status=AgreementStatus.OPEN) & earlier))
        .select_related("owner", "meeting")
        .order_by("status", "due_on", "created_at")
    )
    made_here: list[AgreementRow] = []
    still_open: list[AgreementRow] = []
    for agreement in agreements:
        overdue = (
            agreement.status == AgreementStatus.OPEN
            and agreement.due_on is not None
            and agreement.due_on < today
        )
        row = AgreementRow(agreement, overdue)
        (made_here if agreement.meeting_id == meeting.pk else still_open).append(row)
    return {
        "agreements_made_here": made_here,
        "agreements_still_open": still_open,
        "agreement_form": form or agreement_form(meeting, me),
        "today": today,
    }


def agreement_form(meeting: Meeting, me: Person, data: Any = None) -> AgreementForm:
    return AgreementForm(data, series=meeting.series, me=me, auto_id=f"agreement-{meeting.pk}-%s")


def writable_note(meeting: Meeting, me: Person, kind: str) -> Note:
    """The note `kind` addresses for `me`: the shared one, or *my own* private one.

    There is no way to name another person's private note: "private" always
    means the caller's.
    """
    if kind == PRIVATE:
        note, _created = Note.objects.get_or_create(meeting=meeting, is_private=True, author=me)
    else:
        note, _created = Note.objects.get_or_create(meeting=meeting, is_private=False, author=None)
    return note
