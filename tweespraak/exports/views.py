"""Export a meeting, a series or a person's 1:1 history as PDF, DOCX or Markdown.

Only participants export: everyone else, HR and admins included, gets a 404 from
the same access helpers as the 1:1 pages. Small exports download at once; large
ones (more meetings than LARGE allows for the format) run in the worker while the
page shows progress.
"""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tweespraak.accounts.access import current_person, parse_id
from tweespraak.accounts.models import Person
from tweespraak.exports.background import KIND, export_path
from tweespraak.exports.document import Scope, build_export, count_meetings, readable_series
from tweespraak.exports.renderers import FORMATS, file_name, render
from tweespraak.htmx import render_page_or_fragment
from tweespraak.meetings.access import get_meeting_for, get_series_for
from tweespraak.notify.models import Job, State

# More meetings than this: made in the background, so a request stays within a couple
# of seconds. bench/export_series.py, 80 full meetings on 2 cores: PDF 3.9 s (10 s on a
# busy machine), DOCX 0.5 s, Markdown 0.05 s.
LARGE = {"pdf": 30, "docx": 150, "md": 150}


def _export(request: HttpRequest, scope: Scope) -> HttpResponse:
    me = current_person(request)
    fmt = request.GET.get("format", "")
    if fmt not in FORMATS:
        return HttpResponseBadRequest(_("Choose one of the formats: PDF, DOCX or Markdown."))
    if count_meetings(me, scope) > LARGE[fmt]:
        return redirect("exports:status", job_id=_queue(me, scope, fmt).pk)
    document = build_export(me, scope)
    content_type, _extension = FORMATS[fmt]
    response = HttpResponse(render(document, fmt), content_type=content_type)
    response["Content-Disposition"] = (
        content_disposition_header(as_attachment=True, filename=file_name(document, fmt))
        or "attachment"
    )
    return response


def _queue(me: Person, scope: Scope, fmt: str) -> Job:
    """The export being prepared for the same request, or a new job."""
    payload = {"scope": scope.kind, "id": str(scope.id), "format": fmt}
    waiting = Job.objects.filter(
        kind=KIND,
        requested_by=me,
        payload=payload,
        state__in=[State.QUEUED, State.RUNNING],
    ).first()
    if waiting is not None:
        return waiting
    return Job.enqueue(
        KIND,
        f"export:{me.pk}:{uuid.uuid4()}",
        payload,
        workspace=me.workspace,
        requested_by=me,
    )


@login_required
@require_GET
def export_meeting(request: HttpRequest, meeting_id: uuid.UUID) -> HttpResponse:
    meeting, _can_edit = get_meeting_for(request, meeting_id)
    return _export(request, Scope("meeting", meeting.pk))


@login_required
@require_GET
def export_series(request: HttpRequest, series_id: uuid.UUID) -> HttpResponse:
    series, _can_edit = get_series_for(request, series_id)
    return _export(request, Scope("series", series.pk))


@login_required
@require_GET
def export_person(request: HttpRequest, person_id: uuid.UUID) -> HttpResponse:
    """My history with one person (all our series), or with my own id all of mine."""
    scope = Scope("person", parse_id(person_id))
    if not readable_series(current_person(request), scope):
        raise Http404
    return _export(request, scope)


def _my_job(request: HttpRequest, job_id: uuid.UUID) -> Job:
    job = Job.objects.filter(pk=job_id, kind=KIND, requested_by=current_person(request)).first()
    if job is None:
        raise Http404
    return job


def _back_link(job: Job, me_id: uuid.UUID) -> str:
    scope, target = job.payload["scope"], job.payload["id"]
    if scope == "series":
        return reverse("series:detail", args=[target])
    if scope == "meeting":
        return reverse("meetings:detail", args=[target])
    if target == str(me_id):
        return reverse("series:list")
    return reverse("series:person", args=[target])


@login_required
@require_GET
def export_status(request: HttpRequest, job_id: uuid.UUID) -> HttpResponse:
    job = _my_job(request, job_id)
    failed = job.state == State.FAILED or "error" in job.result
    ready = job.state == State.DONE and not failed and export_path(job).is_file()
    context = {
        "job": job,
        "ready": ready,
        "expired": job.state == State.DONE and not (ready or failed),
        "failed": failed,
        "retrying": job.state == State.QUEUED and bool(job.last_error),
        "working": job.state in (State.QUEUED, State.RUNNING),
        "back": _back_link(job, current_person(request).pk),
    }
    return render_page_or_fragment(
        request, "exports/status.html", "exports/fragments/status.html", context
    )


@login_required
@require_GET
def export_download(request: HttpRequest, job_id: uuid.UUID) -> FileResponse:
    job = _my_job(request, job_id)
    path = export_path(job)
    if job.state != State.DONE or not path.is_file():
        raise Http404
    content_type, _extension = FORMATS[job.payload["format"]]
    return FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=job.result.get("filename", path.name),
        content_type=content_type,
    )
