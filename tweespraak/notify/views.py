"""Each person's e-mail preferences, and the mail log for workspace admins."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tweespraak.accounts.access import admin_required, current_person
from tweespraak.accounts.forms import PreferencesForm as AccountForm
from tweespraak.htmx import render_page_or_fragment
from tweespraak.notify.forms import MailLogFilterForm, PreferencesForm
from tweespraak.notify.models import Mail, NotificationPreferences

PAGE_SIZE = 50


@login_required
@require_POST
def preferences(request: HttpRequest) -> HttpResponse:
    """Save the e-mail preferences of the settings page; htmx gets the section back."""
    me = current_person(request)
    form = PreferencesForm(request.POST, instance=NotificationPreferences.of(me))
    if form.is_valid():
        form.save()
        if getattr(request, "htmx", None):
            context = {"notify_form": PreferencesForm(instance=form.instance), "saved": True}
            return render(request, "notify/fragments/preferences.html", context)
        messages.success(request, _("Your e-mail settings are saved."))
        return redirect("settings")
    if getattr(request, "htmx", None):
        return render(request, "notify/fragments/preferences.html", {"notify_form": form})
    # The whole settings page again, with what was chosen and why it was refused.
    context = {"form": AccountForm(instance=me), "notify_form": form}
    return render(request, "accounts/settings.html", context, status=400)


@admin_required
@require_GET
def mail_log(request: HttpRequest) -> HttpResponse:
    """What was sent to whom and when, and what is waiting: never a subject or a text."""
    me = current_person(request)
    filters = MailLogFilterForm(request.GET)
    mails = (
        filters.apply(Mail.objects.filter(workspace=me.workspace))
        .select_related("recipient")
        .only(
            "kind",
            "state",
            "created_at",
            "sent_at",
            "run_at",
            "attempts",
            "last_error",
            "recipient__name",
        )
        .order_by("-created_at", "pk")
    )
    page = Paginator(mails, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"filters": filters, "page": page}
    return render_page_or_fragment(
        request, "notify/mail_log.html", "notify/fragments/mail_log_table.html", context
    )
