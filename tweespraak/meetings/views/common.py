"""Small helpers shared by the notes and agreements views."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme

from tweespraak.meetings.models import Meeting


def safe_next(request: HttpRequest) -> str | None:
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


def meeting_url(meeting: Meeting) -> str:
    try:
        return reverse("meetings:detail", kwargs={"meeting_id": meeting.pk})
    except NoReverseMatch:  # pragma: no cover - the meeting page is another area's
        return reverse("home")


def back_to_meeting(request: HttpRequest, meeting: Meeting) -> HttpResponseRedirect:
    """Without JavaScript a form post lands back where it came from: the page in `next`."""
    return redirect(safe_next(request) or meeting_url(meeting))


def is_htmx(request: HttpRequest) -> bool:
    """An htmx request (django-htmx sets `request.htmx`), a history restore excepted."""
    htmx = getattr(request, "htmx", None)
    return htmx is not None and bool(htmx) and not htmx.history_restore_request


def kind_of(data: Mapping[str, Any]) -> str:
    """The note kind posted, "shared" unless it says "private"."""
    return "private" if data.get("kind") == "private" else "shared"


def first_error(form: forms.Form) -> str:
    for errors in form.errors.values():
        return str(errors[0])
    return ""
