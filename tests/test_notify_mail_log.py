"""The mail log: workspace admins see what was sent to whom and when, never the content."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.urls import reverse

from tweespraak.notify.mailer import queue_mail
from tweespraak.notify.models import Mail, MailKind, State
from tweespraak.notify.worker import Worker

LOG = reverse("notify:log")


def test_anonymous_visitors_go_to_the_login_page(client):
    response = client.get(LOG)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", ["anouk", "bram", "chris", "hanna"])
def test_only_workspace_admins_see_the_mail_log(cast, name):
    assert cast.client_for(getattr(cast, name)).get(LOG).status_code == 403


def test_an_admin_sees_only_their_own_workspace(cast):
    queue_mail(cast.bram, MailKind.OVERDUE, "ours")
    queue_mail(cast.dana, MailKind.OVERDUE, "theirs")
    html = cast.client_for(cast.dana).get(LOG).content.decode()
    assert "Dana Mulder" in html
    assert "Bram Jansen" not in html
    html = cast.client_for(cast.willem).get(LOG).content.decode()
    assert "Bram Jansen" in html
    assert "Dana Mulder" not in html


def test_the_log_never_shows_a_subject_or_a_text(cast, series, smtp_server):
    with time_machine.travel(datetime.datetime(2026, 1, 6, 10, tzinfo=datetime.UTC)):
        meeting = series.upcoming_meeting()
        meeting.notes.create(body="Salary raise agreed")
        cast.client_for(cast.anouk).post(reverse("meetings:complete", args=[meeting.pk]))
        Worker(name="test").run_once()
        Worker(name="test").run_once()
    assert len(smtp_server.messages) == 2
    response = cast.client_for(cast.willem).get(LOG)
    html = response.content.decode()
    assert "Summary after a 1:1" in html  # the kind
    assert "Anouk de Vries" in html
    assert "Bram Jansen" in html
    assert html.count("badge-ok") == 2
    for message in smtp_server.messages:
        assert message["Subject"] not in html
    assert "Salary raise agreed" not in html


def test_the_log_shows_when_and_how_it_went(cast):
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC)):
        mail = queue_mail(cast.bram, MailKind.REMINDER, "r1")
    Mail.objects.filter(pk=mail.pk).update(
        attempts=3, last_error="SMTPServerDisconnected: Connection unexpectedly closed"
    )
    html = cast.client_for(cast.willem).get(LOG).content.decode()
    assert "Reminder before a 1:1" in html
    assert "Waiting to retry" in html
    assert "SMTPServerDisconnected: Connection unexpectedly closed" in html
    assert html.count("03/02/2026 10:30 a.m.") == 2  # queued, next attempt; Amsterdam time


def test_the_log_filters_by_kind_and_state(cast):
    queue_mail(cast.bram, MailKind.REMINDER, "r1")
    queue_mail(cast.anouk, MailKind.OVERDUE, "o1")
    failed = queue_mail(cast.chris, MailKind.SUMMARY, "s1")
    Mail.objects.filter(pk=failed.pk).update(state=State.FAILED)
    admin = cast.client_for(cast.willem)
    html = admin.get(LOG, {"kind": "reminder"}).content.decode()
    assert "Bram Jansen" in html
    assert "Anouk de Vries" not in html
    html = admin.get(LOG, {"state": "failed"}).content.decode()
    assert "Chris Bakker" in html
    assert "Bram Jansen" not in html
    html = admin.get(LOG, {"state": "sent"}).content.decode()
    assert "No e-mail matches this filter." in html


def test_an_impossible_filter_says_so_and_shows_everything(cast):
    queue_mail(cast.bram, MailKind.REMINDER, "r1")
    html = cast.client_for(cast.willem).get(LOG, {"state": "lost"}).content.decode()
    assert "This filter is not possible" in html
    assert "Bram Jansen" in html


def test_htmx_gets_only_the_table(cast):
    queue_mail(cast.bram, MailKind.REMINDER, "r1")
    response = cast.client_for(cast.willem).get(LOG, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<table" in html
    assert "<h1>" not in html


@pytest.mark.parametrize("count", [3, 60])
def test_the_log_takes_the_same_number_of_queries_for_few_or_many_mails(
    cast, count, django_assert_num_queries
):
    people = [cast.anouk, cast.bram, cast.chris, cast.hanna]
    for number in range(count):
        queue_mail(people[number % 4], MailKind.REMINDER, f"r{number}")
    admin = cast.client_for(cast.willem)
    admin.get(LOG)
    # session, person, workspace (navigation), count, one page of mails with recipients
    with django_assert_num_queries(5):
        response = admin.get(LOG)
    assert response.status_code == 200


def test_the_people_list_links_to_the_mail_log_for_admins(cast):
    html = cast.client_for(cast.willem).get(reverse("people:list")).content.decode()
    assert LOG in html
    html = cast.client_for(cast.hanna).get(reverse("people:list")).content.decode()
    assert LOG not in html


def test_invitations_and_password_resets_appear_in_the_mail_log(cast, smtp_server):
    from django.urls import reverse as url

    from tweespraak.accounts.invitations import send_invitation
    from tweespraak.notify.models import Mail, State

    send_invitation(cast.chris, invited_by=cast.willem)
    from tests.conftest import anonymous_client

    anonymous_client().post(url("password_reset"), {"email": cast.bram.email})
    logged = {(mail.kind, mail.recipient, mail.state) for mail in Mail.objects.all()}
    assert ("invitation", cast.chris, State.DONE) in logged
    assert ("password_reset", cast.bram, State.DONE) in logged
    assert len(smtp_server.messages) == 2


def test_names_with_quotes_commas_and_ampersands_survive_in_subject_and_address(cast, smtp_server):
    from tweespraak.accounts.invitations import send_invitation

    cast.workspace.name = "O'Neill & Zonen"
    cast.workspace.save(update_fields=["name"])
    cast.chris.name = "Bakker, Chris"
    cast.chris.save(update_fields=["name"])
    send_invitation(cast.chris, invited_by=cast.willem)
    message = smtp_server.messages[0]
    assert "O'Neill & Zonen" in message["Subject"]
    assert "&amp;" not in message["Subject"]
    assert "&#x27;" not in message.get_body(("plain",)).get_content()
    assert message["To"].addresses[0].addr_spec == "chris@werkplaats.test"
