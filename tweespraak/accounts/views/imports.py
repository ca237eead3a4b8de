"""People in and out as CSV: the upload page for admins, the export for admins and HR."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from tweespraak.accounts.access import admin_required, current_person, people_reader_required
from tweespraak.accounts.importer import (
    EXAMPLE_CSV,
    export_people_csv,
    import_people_file,
    send_invitations,
)
from tweespraak.htmx import render_page_or_fragment


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Saved from Excel, LibreOffice or Google Sheets as CSV; comma or semicolon."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    invite = forms.BooleanField(label=_("Send invitations to new people"), required=False)

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if upload.size is not None and upload.size > limit:
            raise forms.ValidationError(
                _("This file is larger than %(limit)s. Split it into smaller files.")
                % {"limit": filesizeformat(limit)}
            )
        return upload


@require_http_methods(["GET", "POST"])
@admin_required
def upload(request: HttpRequest) -> HttpResponse:
    """Check (dry run) or import a file. With any error nothing is written."""
    me = current_person(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    context: dict[str, object] = {"form": form}
    if request.method == "POST" and form.is_valid():
        dry_run = request.POST.get("action") != "import"
        data = form.cleaned_data["file"].read()
        report = import_people_file(me.workspace, data, invited_by=me, dry_run=dry_run)
        context["report"] = report
        if report.ok and not dry_run and form.cleaned_data["invite"]:
            failed = send_invitations(report.created_people, invited_by=me)
            context["invited"] = len(report.created_people) - len(failed)
            context["not_invited"] = failed
    return render_page_or_fragment(
        request, "accounts/import.html", "accounts/fragments/import_result.html", context
    )


@require_GET
@admin_required
def example(request: HttpRequest) -> HttpResponse:
    """A small file with the right columns to start from."""
    response = HttpResponse("\ufeff" + EXAMPLE_CSV, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="people-example.csv"'
    return response


@require_GET
@people_reader_required
def export(request: HttpRequest) -> HttpResponse:
    """The workspace's people in the import format; `?all=1` adds deactivated people.

    The byte order mark tells Excel the file is UTF-8, so accents come through.
    """
    me = current_person(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"people-{me.workspace.slug}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    export_people_csv(me.workspace, response, include_inactive=request.GET.get("all") == "1")
    return response
