"""Agreements on the meeting page: add, edit, mark done and reopen, with htmx or a plain post."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tweespraak.meetings.models import MAX_TEXT, Agreement, AgreementStatus
from tweespraak.meetings.panels import agreements_panel_context

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def meeting(series):  # type: ignore[no-untyped-def]
    return series.upcoming_meeting()


def add(client, meeting, htmx=True, **data):  # type: ignore[no-untyped-def]
    url = reverse("agreements:add", args=[meeting.pk])
    return client.post(url, data, **(HTMX if htmx else {}))


def tomorrow() -> str:
    return (timezone.localdate() + datetime.timedelta(days=1)).isoformat()


def test_adding_with_htmx_answers_with_the_refreshed_panel(cast, meeting):
    response = add(
        cast.client_for(cast.anouk),
        meeting,
        text="Bram looks for an Excel course",
        owner=str(cast.bram.pk),
        due_on=tomorrow(),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="agreements-panel-{meeting.pk}"' in html
    assert "Bram looks for an Excel course" in html
    agreement = Agreement.objects.get()
    assert agreement.owner == cast.bram
    assert agreement.meeting == meeting
    assert agreement.series == meeting.series
    assert agreement.created_by == cast.anouk
    assert agreement.due_on == timezone.localdate() + datetime.timedelta(days=1)


def test_the_owner_is_me_unless_i_choose_the_other(cast, meeting):
    html = add(cast.client_for(cast.bram), meeting, text="x", owner="").content.decode()
    assert "This field is required" in html
    form = agreements_panel_context(meeting, cast.bram)["agreement_form"]
    assert form["owner"].value() == str(cast.bram.pk)
    assert [label for _value, label in form.fields["owner"].choices] == [
        "Anouk de Vries",
        "Bram Jansen",
    ]


def test_the_due_date_is_optional(cast, meeting):
    add(cast.client_for(cast.anouk), meeting, text="Someday", owner=str(cast.anouk.pk))
    assert Agreement.objects.get().due_on is None


def test_without_javascript_adding_redirects_back(cast, meeting):
    response = add(
        cast.client_for(cast.anouk),
        meeting,
        htmx=False,
        text="Plain",
        owner=str(cast.anouk.pk),
        next=f"/meetings/{meeting.pk}/",
    )
    assert response.status_code == 302
    assert response["Location"] == f"/meetings/{meeting.pk}/"
    assert Agreement.objects.filter(text="Plain").exists()


def test_a_due_date_in_the_past_is_refused_with_the_text_kept(cast, meeting):
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = add(
        cast.client_for(cast.anouk),
        meeting,
        text="Too late already",
        owner=str(cast.bram.pk),
        due_on=yesterday,
    )
    html = response.content.decode()
    assert "This date has passed" in html
    assert "Too late already" in html
    assert f'value="{yesterday}"' in html
    assert not Agreement.objects.exists()


def test_a_due_date_in_the_past_without_javascript_shows_the_form_page(cast, meeting):
    response = add(
        cast.client_for(cast.anouk),
        meeting,
        htmx=False,
        text="Kept text",
        owner=str(cast.bram.pk),
        due_on="2001-01-01",
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "This date has passed" in html
    assert "Kept text" in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "x" * (MAX_TEXT + 1)}, "at most 2000 characters"),
        ({"text": ""}, "This field is required"),
        ({"text": "ok", "due_on": "31-31-2031"}, "Enter a valid date"),
    ],
)
def test_bad_input_gets_a_clear_message(cast, meeting, data, message):
    data = {"owner": str(cast.anouk.pk), **data}
    html = add(cast.client_for(cast.anouk), meeting, **data).content.decode()
    assert message in html
    assert not Agreement.objects.exists()


def test_the_owner_must_be_one_of_the_two(cast, meeting):
    html = add(
        cast.client_for(cast.anouk), meeting, text="Chris does it", owner=str(cast.chris.pk)
    ).content.decode()
    assert "Select a valid choice" in html
    assert not Agreement.objects.exists()


@pytest.fixture
def agreement(cast, series, meeting):  # type: ignore[no-untyped-def]
    return Agreement.objects.create(
        series=series, meeting=meeting, owner=cast.bram, text="Update the roster"
    )


def test_either_participant_marks_done_and_reopens(cast, meeting, agreement):
    done_url = reverse("agreements:done", args=[agreement.pk])
    response = cast.client_for(cast.anouk).post(done_url, {"meeting": meeting.pk}, **HTMX)
    assert response.status_code == 200
    assert "Reopen" in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.DONE
    assert agreement.done_at is not None
    reopen_url = reverse("agreements:reopen", args=[agreement.pk])
    response = cast.client_for(cast.bram).post(reopen_url, {"meeting": meeting.pk}, **HTMX)
    assert "Mark done" in response.content.decode()
    agreement.refresh_from_db()
    assert (agreement.status, agreement.done_at) == (AgreementStatus.OPEN, None)


def test_marking_done_without_javascript_redirects_back(cast, agreement):
    url = reverse("agreements:done", args=[agreement.pk])
    response = cast.client_for(cast.bram).post(url, {"next": "/agreements/"})
    assert response.status_code == 302
    assert response["Location"] == "/agreements/"


def test_a_panel_of_another_series_is_refused(cast, agreement):
    from tweespraak.meetings.models import Series

    other = Series.objects.create(
        workspace=cast.workspace,
        manager=cast.chris,
        report=cast.anouk,
        starts_at=timezone.now() + datetime.timedelta(days=2),
    )
    other_meeting = other.ensure_next_meeting()
    url = reverse("agreements:done", args=[agreement.pk])
    response = cast.client_for(cast.anouk).post(url, {"meeting": other_meeting.pk}, **HTMX)
    assert response.status_code == 404


def test_editing_changes_text_owner_and_date(cast, agreement):
    url = reverse("agreements:edit", args=[agreement.pk])
    client = cast.client_for(cast.bram)
    page = client.get(url).content.decode()
    assert "Update the roster" in page
    response = client.post(
        url, {"text": "Update the summer roster", "owner": str(cast.anouk.pk), "due_on": tomorrow()}
    )
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.text == "Update the summer roster"
    assert agreement.owner == cast.anouk


def test_editing_keeps_an_old_due_date_that_has_passed_meanwhile(cast, agreement):
    long_ago = datetime.date(2025, 1, 1)
    Agreement.objects.filter(pk=agreement.pk).update(due_on=long_ago)
    url = reverse("agreements:edit", args=[agreement.pk])
    response = cast.client_for(cast.bram).post(
        url, {"text": "Still to do", "owner": str(cast.bram.pk), "due_on": "2025-01-01"}
    )
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert (agreement.text, agreement.due_on) == ("Still to do", long_ago)


def test_editing_with_bad_input_keeps_what_was_typed(cast, agreement):
    url = reverse("agreements:edit", args=[agreement.pk])
    response = cast.client_for(cast.bram).post(
        url, {"text": "New words", "owner": str(cast.bram.pk), "due_on": "2001-02-03"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "This date has passed" in html
    assert "New words" in html


def test_the_panel_lists_this_meetings_agreements_and_open_ones_from_before(cast, series):
    first = series.upcoming_meeting()
    Agreement.objects.create(
        series=series,
        meeting=first,
        owner=cast.bram,
        text="Overdue one",
        due_on=datetime.date(2026, 1, 1),
    )
    done = Agreement.objects.create(series=series, meeting=first, owner=cast.bram, text="Done one")
    done.mark_done()
    first.complete(by=cast.anouk)
    second = series.upcoming_meeting()
    Agreement.objects.create(series=series, meeting=second, owner=cast.anouk, text="New one")
    context = agreements_panel_context(second, cast.anouk, today=datetime.date(2026, 2, 1))
    assert [row.agreement.text for row in context["agreements_made_here"]] == ["New one"]
    assert [row.agreement.text for row in context["agreements_still_open"]] == ["Overdue one"]
    assert context["agreements_still_open"][0].overdue
