"""The secret calendar feed (no login: the token is the key) and resetting its address."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tweespraak.accounts.access import current_person
from tweespraak.calendars.feed import person_feed
from tweespraak.calendars.models import CalendarFeed


@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    found = (
        CalendarFeed.objects.select_related("person")
        .filter(token=token, person__is_active=True)
        .first()
    )
    if found is None:
        raise Http404
    response = HttpResponse(person_feed(found.person), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="tweespraak.ics"'
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def reset(request: HttpRequest) -> HttpResponse:
    me = current_person(request)
    if request.method == "POST":
        CalendarFeed.for_person(me).reset()
        messages.success(
            request,
            _("Your calendar address is new. The old one no longer works: subscribe again."),
        )
        return redirect("settings")
    return render(request, "calendars/reset.html")
