"""`tweespraak create-workspace`: the production bootstrap of a new organisation."""

from __future__ import annotations

import re
import socket
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import anonymous_client
from tweespraak.accounts.models import Invitation, Person, Workspace

ARGS = [
    "--name",
    "Zorggroep De Linde",
    "--slug",
    "linde",
    "--admin-email",
    "  Petra.Jansen@Linde.Example.org ",
    "--admin-name",
    "Petra Jansen",
]


def create_workspace(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("create_workspace", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def link_path(text: str) -> str:
    match = re.search(r"https?://[^/\s]+(/account/invitation/\S+/)", text)
    assert match is not None, text
    return match.group(1)


def test_creates_the_workspace_and_an_admin_without_a_password(db):
    out, _err = create_workspace(*ARGS)
    workspace = Workspace.objects.get(slug="linde")
    assert workspace.name == "Zorggroep De Linde"
    admin = Person.objects.get(workspace=workspace)
    assert admin.email == "petra.jansen@linde.example.org"
    assert admin.name == "Petra Jansen"
    assert admin.is_workspace_admin
    assert admin.language == "nl"
    assert admin.has_invitation_pending
    assert "Created workspace 'Zorggroep De Linde'" in out


def test_prints_an_invitation_link_that_opens_the_password_page(db, mailoutbox):
    out, _err = create_workspace(*ARGS)
    assert mailoutbox == []
    response = anonymous_client().get(link_path(out))
    assert response.status_code == 200
    assert "Petra" in response.content.decode()
    assert Invitation.objects.usable().filter(person__email="petra.jansen@linde.example.org")


def test_language_option_sets_workspace_and_admin_language(db):
    create_workspace(*ARGS, "--language", "en")
    admin = Person.objects.get(email="petra.jansen@linde.example.org")
    assert admin.workspace.default_language == "en"
    assert admin.language == "en"


def test_send_mails_the_invitation_with_a_working_link(db, mailoutbox):
    out, _err = create_workspace(*ARGS, "--send")
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["Petra Jansen <petra.jansen@linde.example.org>"]
    assert "Mailed the invitation to petra.jansen@linde.example.org" in out
    assert "/account/invitation/" not in out  # the mail holds the only copy
    assert anonymous_client().get(link_path(mail.body)).status_code == 200


def test_send_falls_back_to_a_printed_link_when_mail_fails(db, settings):
    with socket.socket() as probe:  # a port on which nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    out, err = create_workspace(*ARGS, "--send")
    assert "could not be sent" in err
    assert Workspace.objects.filter(slug="linde").exists()
    assert anonymous_client().get(link_path(out)).status_code == 200
    admin = Person.objects.get(email="petra.jansen@linde.example.org")
    assert Invitation.objects.usable().filter(person=admin).count() == 1


def test_a_duplicate_slug_is_refused_and_nothing_is_created(db):
    Workspace.objects.create(name="Linde BV", slug="linde")
    with pytest.raises(CommandError, match="short name 'linde' already exists"):
        create_workspace(*ARGS)
    assert not Person.objects.exists()
    assert Workspace.objects.count() == 1


def test_a_duplicate_email_is_refused_and_nothing_is_created(db):
    create_workspace(*ARGS)
    args = [*ARGS]
    args[args.index("linde")] = "linde-2"
    with pytest.raises(CommandError, match=r"petra\.jansen@linde\.example\.org already belongs"):
        create_workspace(*args)
    assert not Workspace.objects.filter(slug="linde-2").exists()


def test_bad_values_are_all_named_in_one_message(db):
    with pytest.raises(CommandError) as error:
        create_workspace(
            "--name", " ", "--slug", "de linde", "--admin-email", "petra", "--admin-name", ""
        )
    message = str(error.value)
    assert "--name is empty" in message
    assert "--slug 'de linde'" in message
    assert "'petra' is not an e-mail address" in message
    assert "--admin-name is empty" in message
    assert not Workspace.objects.exists()


def test_runs_under_its_console_name_with_a_dash(db, capsys):
    from tweespraak.cli import main

    main(["tweespraak", "create-workspace", *ARGS])
    assert "/account/invitation/" in capsys.readouterr().out
