"""Notes of a meeting: autosave (htmx, or a plain form post) and conflict resolution.

A note is addressed by meeting and kind: "shared", or "private", which always
means the caller's own private note. Another person's private note cannot even
be named.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import reswap, retarget

from tweespraak.accounts.access import current_person
from tweespraak.accounts.models import Person
from tweespraak.meetings.access import get_meeting_for
from tweespraak.meetings.forms_notes import SHARED, NoteForm, ResolveForm
from tweespraak.meetings.models import Meeting, Note, NoteConflict
from tweespraak.meetings.panels import NoteSlot, notes_for, writable_note
from tweespraak.meetings.views.common import back_to_meeting, first_error, is_htmx, kind_of


def _editable_meeting(request: HttpRequest, meeting_id: uuid.UUID) -> tuple[Meeting, Person]:
    meeting, can_edit = get_meeting_for(request, meeting_id)
    if not can_edit:
        raise PermissionDenied
    return meeting, current_person(request)


def _context(request: HttpRequest, meeting: Meeting, me: Person, slot: NoteSlot) -> dict[str, Any]:
    return {
        "meeting": meeting,
        "slot": slot,
        "can_edit": True,
        "other_person": meeting.series.other_participant(me),
    }


def _conflict(
    request: HttpRequest,
    meeting: Meeting,
    me: Person,
    slot: NoteSlot,
    conflict: NoteConflict,
    error: str = "",
) -> HttpResponse:
    """Both versions side by side; the person chooses. Nothing typed is lost."""
    context = _context(request, meeting, me, slot) | {"conflict": conflict, "error": error}
    if is_htmx(request):
        response = render(request, "meetings/fragments/notes_conflict.html", context)
        return reswap(retarget(response, f"#{slot.dom_id}"), "outerHTML")
    return render(request, "meetings/notes_resolve.html", context, status=409)


@require_POST
@login_required
def save(request: HttpRequest, meeting_id: uuid.UUID) -> HttpResponse:
    meeting, me = _editable_meeting(request, meeting_id)
    form = NoteForm(request.POST)
    kind = kind_of(form.data)
    if not form.is_valid():
        # Nothing is saved and nothing is swapped: the text stays in the textarea.
        error = first_error(form)
        slot = NoteSlot(kind, writable_note(meeting, me, kind))
        context = _context(request, meeting, me, slot) | {
            "error": error,
            "body": form.data.get("body", ""),
        }
        if is_htmx(request):
            return render(request, "meetings/fragments/notes_saved.html", context)
        return render(request, "meetings/notes_resolve.html", context, status=400)
    body, version = form.cleaned_data["body"], form.cleaned_data["version"]
    note = writable_note(meeting, me, kind)
    slot = NoteSlot(kind, note)
    try:
        _save_edit(note, body, version, me)
    except NoteConflict as conflict:
        return _conflict(request, meeting, me, slot, conflict)
    if not is_htmx(request):
        messages.success(request, _("The notes are saved."))
        return back_to_meeting(request, meeting)
    merged = note.body != body
    context = _context(request, meeting, me, slot) | {
        "saved_at": timezone.localtime(note.updated_at),
        "version": note.version,
        "merged_body": note.body if merged else None,
        "merged_with": meeting.series.other_participant(me).name if merged else "",
    }
    return render(request, "meetings/fragments/notes_saved.html", context)


def _save_edit(note: Note, body: str, version: int, me: Person) -> None:
    if version > note.version:
        # A version from the future: the page is stale or forged. Let the person choose.
        raise NoteConflict(mine=body, theirs=note.body, version=note.version)
    if version == note.version and body == note.body:
        return  # a blur without changes: no new revision
    note.save_edit(body, based_on=version, by=me)


@require_POST
@login_required
def resolve(request: HttpRequest, meeting_id: uuid.UUID) -> HttpResponse:
    meeting, me = _editable_meeting(request, meeting_id)
    form = ResolveForm(request.POST)
    kind = kind_of(form.data)
    note = writable_note(meeting, me, kind)
    slot = NoteSlot(kind, note)
    if not form.is_valid():
        conflict = NoteConflict(
            mine=form.data.get("mine", ""), theirs=note.body, version=note.version
        )
        return _conflict(request, meeting, me, slot, conflict, error=first_error(form))
    mine, version, keep = (form.cleaned_data[key] for key in ("mine", "version", "keep"))
    if keep != ResolveForm.KEEP_THEIRS:
        if keep == ResolveForm.KEEP_MINE:
            text = mine
        else:
            theirs = note.revisions.filter(version=version).values_list("body", flat=True).first()
            text = "\n\n".join(part for part in ((theirs or "").rstrip(), mine.strip()) if part)
        try:
            _save_edit(note, text, version, me)
        except NoteConflict as again:
            # They saved once more while we chose: choose again on top of the newest text.
            again.mine = mine
            return _conflict(request, meeting, me, slot, again)
        except ValidationError as error:
            too_long = NoteConflict(mine=mine, theirs=note.body, version=note.version)
            return _conflict(request, meeting, me, slot, too_long, " ".join(error.messages))
    if not is_htmx(request):
        messages.success(request, _("The notes are saved."))
        return back_to_meeting(request, meeting)
    note.refresh_from_db()
    context = _context(request, meeting, me, NoteSlot(kind, note)) | {
        "saved_at": timezone.localtime(note.updated_at)
    }
    return render(request, "meetings/fragments/notes_editor.html", context)


@require_GET
@login_required
def latest(request: HttpRequest, meeting_id: uuid.UUID) -> HttpResponse:
    """Polled by the shared notes editor: the newest text if someone saved since `version`.

    204 (htmx swaps nothing) while the version is the one the page has. The page's
    script takes the new text only when nothing was typed since the last save.
    """
    meeting, can_edit = get_meeting_for(request, meeting_id)
    if not can_edit:
        return HttpResponse(status=286)  # htmx: stop polling
    me = current_person(request)
    note = notes_for(meeting, me)[SHARED]
    try:
        known = int(request.GET.get("version", ""))
    except ValueError:
        known = -1
    if note.version == known:
        return HttpResponse(status=204)
    context = _context(request, meeting, me, NoteSlot(SHARED, note)) | {
        "changed_by": note.updated_by.name if note.updated_by else "",
        "saved_at": timezone.localtime(note.updated_at) if note.pk else None,
        "version": note.version,
        "merged_body": note.body,
    }
    return render(request, "meetings/fragments/notes_saved.html", context)
