"""Logging in and out. Invitations, password reset and the lock-out page live here too."""

from __future__ import annotations

from typing import Any, TypeVar

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from tweespraak.accounts.forms import LoginForm
from tweespraak.accounts.forms_auth import InvitationPasswordForm, ResetRequestForm
from tweespraak.accounts.models import Invitation, Person

HttpResponseT = TypeVar("HttpResponseT", bound=HttpResponseBase)

# The backend that checks passwords; axes' backend only counts failures.
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: object = None,
    *args: object,
    **kwargs: object,
) -> HttpResponse:
    """Shown instead of the login form after too many failed attempts (django-axes).

    It looks the same whether or not the e-mail address has an account.
    """
    minutes = round(settings.AXES_COOLOFF_TIME * 60)
    return render(request, "accounts/locked_out.html", {"cooloff_minutes": minutes}, status=429)


def _speak_language_of(request: HttpRequest, person: Person) -> None:
    """A page reached from a mail speaks the mail's language, unless the visitor chose one."""
    if settings.LANGUAGE_COOKIE_NAME in request.COOKIES or request.user.is_authenticated:
        return
    translation.activate(person.language)
    request.LANGUAGE_CODE = person.language


def _with_language(request: HttpRequest, response: HttpResponseT) -> HttpResponseT:
    response.headers["Content-Language"] = request.LANGUAGE_CODE
    return response


def _invitation_unusable(request: HttpRequest, *, already_used: bool = False) -> HttpResponse:
    """One page for unknown, expired, used and revoked links: it reveals nobody's address."""
    return render(
        request, "accounts/invitation_invalid.html", {"already_used": already_used}, status=410
    )


@sensitive_post_parameters()
@never_cache
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """The invited person chooses a password, is logged in and lands on the home page.

    Someone else who is logged in on this browser is asked to log out first rather
    than logged out silently: a GET should not end a session, and on a shared
    computer they should see why the page does not simply work.
    """
    invitation = Invitation.find_usable(token)
    if invitation is None:
        return _invitation_unusable(request)
    person = invitation.person
    if request.user.is_authenticated and request.user.pk != person.pk:
        return render(request, "accounts/invitation_logged_in.html", status=409)
    _speak_language_of(request, person)
    form = InvitationPasswordForm(person, request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if not invitation.mark_used():
                return _invitation_unusable(request, already_used=True)
            form.save()
        login(request, person, backend=MODEL_BACKEND)
        messages.success(
            request,
            _("Welcome to Tweespraak, %(name)s. Your password is set and you are logged in.")
            % {"name": person.get_short_name()},
        )
        return redirect("home")
    context = {"form": form, "person": person, "workspace": person.workspace}
    return _with_language(request, render(request, "accounts/invitation_accept.html", context))


class PasswordResetView(auth_views.PasswordResetView):
    form_class = ResetRequestForm
    template_name = "accounts/password_reset.html"


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_sent.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        if self.validlink:
            _speak_language_of(self.request, self.user)
        return super().get_context_data(**kwargs)

    def dispatch(self, *args: Any, **kwargs: Any) -> HttpResponseBase:
        return _with_language(self.request, super().dispatch(*args, **kwargs))


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("settings")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(self.request, _("Your new password is saved."))
        return response
