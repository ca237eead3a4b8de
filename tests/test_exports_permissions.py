"""Who may export: the two participants only. Everyone else gets a 404, HR and admins too."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.exports_data import hold_meeting
from tweespraak.notify.models import Job


@pytest.fixture
def held(cast, series):  # type: ignore[no-untyped-def]
    return hold_meeting(cast, series, 1)


def export_urls(cast, series, held) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {
        "meeting": reverse("exports:meeting", args=[held.pk]),
        "series": reverse("exports:series", args=[series.pk]),
        "person": reverse("exports:person", args=[cast.bram.pk]),
    }


SCOPES = ["meeting", "series", "person"]


@pytest.mark.parametrize("scope", SCOPES)
def test_anonymous_visitors_are_sent_to_the_login_page(client, cast, series, held, scope):
    response = client.get(export_urls(cast, series, held)[scope], {"format": "md"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("scope", SCOPES)
@pytest.mark.parametrize("who", ["chris", "hanna", "willem", "dana"])
def test_anyone_but_the_participants_gets_404(cast, series, held, scope, who):
    response = cast.client_for(getattr(cast, who)).get(
        export_urls(cast, series, held)[scope], {"format": "md"}
    )
    assert response.status_code == 404


@pytest.mark.parametrize("scope", ["meeting", "series"])
@pytest.mark.parametrize("who", ["anouk", "bram"])
def test_both_participants_may_export(cast, series, held, scope, who):
    response = cast.client_for(getattr(cast, who)).get(
        export_urls(cast, series, held)[scope], {"format": "md"}
    )
    assert response.status_code == 200


def test_bram_exports_his_history_with_anouk(cast, series, held):
    response = cast.client_for(cast.bram).get(
        reverse("exports:person", args=[cast.anouk.pk]), {"format": "md"}
    )
    assert response.status_code == 200
    assert b"Team outing 1" in response.content


def test_everyone_with_a_series_exports_their_own_whole_history(cast, series, held):
    response = cast.client_for(cast.bram).get(
        reverse("exports:person", args=[cast.bram.pk]), {"format": "md"}
    )
    assert response.status_code == 200
    assert b"All 1:1s of Bram Jansen" in response.content


def test_a_person_without_any_series_has_no_history_to_export(cast, series, held):
    response = cast.client_for(cast.chris).get(
        reverse("exports:person", args=[cast.chris.pk]), {"format": "md"}
    )
    assert response.status_code == 404


def test_hr_cannot_export_the_history_of_someone_they_have_no_1on1_with(cast, series, held):
    response = cast.client_for(cast.hanna).get(
        reverse("exports:person", args=[cast.anouk.pk]), {"format": "pdf"}
    )
    assert response.status_code == 404


def test_an_unknown_person_id_is_a_404(cast, series, held):
    response = cast.client_for(cast.anouk).get(
        reverse("exports:person", args=["00000000-0000-0000-0000-000000000000"]),
        {"format": "md"},
    )
    assert response.status_code == 404


def test_exports_are_read_only_get_requests(cast, series, held):
    response = cast.client_for(cast.anouk).post(
        reverse("exports:series", args=[series.pk]), {"format": "md"}
    )
    assert response.status_code == 405


@pytest.fixture
def job(cast, series):  # type: ignore[no-untyped-def]
    return Job.enqueue(
        "export",
        "export:test",
        {"scope": "series", "id": str(series.pk), "format": "md"},
        workspace=cast.workspace,
        requested_by=cast.anouk,
    )


@pytest.mark.parametrize("name", ["exports:status", "exports:download"])
def test_job_pages_send_anonymous_visitors_to_the_login_page(client, job, name):
    response = client.get(reverse(name, args=[job.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", ["exports:status", "exports:download"])
@pytest.mark.parametrize("who", ["bram", "chris", "hanna", "willem", "dana"])
def test_only_the_requester_sees_a_job(cast, job, name, who):
    response = cast.client_for(getattr(cast, who)).get(reverse(name, args=[job.pk]))
    assert response.status_code == 404


def test_the_requester_sees_the_job_page(cast, job):
    response = cast.client_for(cast.anouk).get(reverse("exports:status", args=[job.pk]))
    assert response.status_code == 200
    assert b"0 %" in response.content


def test_other_kinds_of_job_are_not_export_pages(cast):
    other = Job.enqueue("something", "other:1", {}, requested_by=cast.anouk)
    response = cast.client_for(cast.anouk).get(reverse("exports:status", args=[other.pk]))
    assert response.status_code == 404
