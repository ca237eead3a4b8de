from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tweespraak.accounts.access import current_person
from tweespraak.accounts.forms import PreferencesForm
from tweespraak.accounts.models import Person


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch the language: saved on the person when logged in, else in a cookie."""
    language = request.POST.get("language", "")
    next_url = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if language not in dict(settings.LANGUAGES):
        return response
    user = request.user
    if isinstance(user, Person):
        user.language = language
        user.save(update_fields=["language"])
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 86400,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
    )
    return response


@login_required
def account_settings(request: HttpRequest) -> HttpResponse:
    """A person's own settings: name, language, time zone; links to the password change."""
    me = current_person(request)
    form = PreferencesForm(request.POST or None, instance=me)
    if request.method == "POST" and form.is_valid():
        form.save()
        translation.activate(me.language)
        messages.success(request, _("Your settings are saved."))
        return redirect("settings")
    return render(request, "accounts/settings.html", {"form": form})
