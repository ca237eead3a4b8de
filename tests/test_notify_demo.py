"""The demo workspace's mail log shows what was sent, and nothing a worker would send."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from tweespraak.accounts import demo
from tweespraak.accounts.models import Person
from tweespraak.notify.models import Mail, MailKind, State


def test_the_demo_mail_log_has_reminders_summaries_and_overdue_mail(db):
    result = demo.build_demo()
    mails = Mail.objects.filter(workspace=result.workspace)
    kinds = set(mails.values_list("kind", flat=True))
    assert {MailKind.REMINDER, MailKind.SUMMARY, MailKind.OVERDUE} <= kinds
    assert not mails.exclude(state=State.DONE).exists()
    assert not mails.filter(sent_at=None).exists()
    assert Mail.claim_next("test") is None  # already "sent": no worker sends them


def test_a_demo_admin_sees_the_mail_log(db):
    result = demo.build_demo()
    admin = Person.objects.filter(workspace=result.workspace, is_workspace_admin=True).first()
    client = Client()
    client.force_login(admin)
    html = client.get(reverse("notify:log")).content.decode()
    assert "badge-ok" in html
