"""`tweespraak import-people FILE.csv`, through call_command and the real console script."""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tweespraak.accounts.models import Invitation, Person, Workspace

HEADER = "name,email,manager_email,team,role,language"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def people_file(tmp_path: Path) -> Path:
    path = tmp_path / "people.csv"
    path.write_text(
        f"{HEADER}\n"
        "Eva Boer,eva@werkplaats.test,anouk@werkplaats.test,Productie,manager,\n"
        "Finn Dam,finn@werkplaats.test,eva@werkplaats.test,Lab,,en\n"
    )
    return path


def import_people(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_people", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_command_imports_into_the_named_workspace_and_prints_the_counts(cast, people_file):
    out, _err = import_people(str(people_file), "--workspace", "werkplaats")
    assert "2 new, 0 updated, 0 unchanged; 1 new team(s)" in out
    assert Person.objects.get(email="finn@werkplaats.test").manager.name == "Eva Boer"
    out, _err = import_people(str(people_file), "--workspace", "werkplaats")
    assert "0 new, 0 updated, 2 unchanged" in out


def test_a_dry_run_writes_nothing(cast, people_file):
    out, _err = import_people(str(people_file), "--workspace", "werkplaats", "--dry-run")
    assert "nothing was written" in out
    assert "2 new" in out
    assert not Person.objects.filter(email="eva@werkplaats.test").exists()


def test_errors_are_printed_per_line_and_the_command_fails(cast, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(f"{HEADER}\nEva,eva@werkplaats.test,,,chef,\nFinn,finn@,,,,\n")
    err = StringIO()
    with pytest.raises(CommandError, match="2 error"):
        call_command("import_people", str(path), "--workspace", "werkplaats", stderr=err)
    assert err.getvalue().splitlines() == [
        "line 2: role: Unknown role “chef”. Use employee, manager, hr or admin.",
        "line 3: email: “finn@” is not a valid e-mail address.",
    ]
    assert not Person.objects.filter(email="eva@werkplaats.test").exists()


def test_the_workspace_is_required_when_there_is_more_than_one(cast, people_file):
    with pytest.raises(CommandError, match="--workspace"):
        import_people(str(people_file))


def test_the_only_workspace_is_used_without_naming_it(db, tmp_path):
    workspace = Workspace.objects.create(name="Solo", slug="solo")
    path = tmp_path / "p.csv"
    path.write_text("name,email\nEva,eva@solo.test\n")
    import_people(str(path))
    assert Person.objects.get(email="eva@solo.test").workspace == workspace


def test_an_unknown_workspace_is_a_clear_error(cast, people_file):
    with pytest.raises(CommandError, match="no workspace with the short name 'nope'"):
        import_people(str(people_file), "--workspace", "nope")


def test_a_missing_file_is_a_clear_error(cast, tmp_path):
    with pytest.raises(CommandError, match="File not found"):
        import_people(str(tmp_path / "missing.csv"), "--workspace", "werkplaats")


def test_invite_sends_an_invitation_to_each_new_person_only(cast, people_file, mailoutbox):
    import_people(str(people_file), "--workspace", "werkplaats")
    (people_file.parent / "more.csv").write_text(
        people_file.read_text() + "Gijs,gijs@werkplaats.test,,,,\n"
    )
    out, _err = import_people(
        str(people_file.parent / "more.csv"), "--workspace", "werkplaats", "--invite"
    )
    assert "Invitations sent: 1 of 1" in out
    assert [message.to for message in mailoutbox] == [["Gijs <gijs@werkplaats.test>"]]
    assert Invitation.objects.filter(person__email="gijs@werkplaats.test").count() == 1


def test_a_mail_server_that_is_down_is_reported_and_the_import_stays(cast, people_file, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    out, err = import_people(str(people_file), "--workspace", "werkplaats", "--invite")
    assert "Invitations sent: 0 of 2" in out
    assert "eva@werkplaats.test could not be sent" in err
    assert Person.objects.filter(email="eva@werkplaats.test").exists()


def test_the_console_script_maps_import_people_to_the_command(tmp_path, people_file):
    database = tmp_path / "db.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "SECRET_KEY": "console-" + "x" * 50,
        "EMAIL_HOST": "127.0.0.1",
        "DEBUG": "0",
    }
    script = Path(sys.executable).parent / "tweespraak"

    def tweespraak(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(script), *args], env=env, cwd=ROOT, capture_output=True, text=True, check=False
        )

    assert tweespraak("migrate", "--no-input", "-v", "0").returncode == 0
    setup = (
        "from tweespraak.accounts.models import Workspace, Person;"
        "w = Workspace.objects.create(name='W', slug='werkplaats');"
        "Person.objects.create_user('anouk@werkplaats.test', w, 'Anouk')"
    )
    assert tweespraak("shell", "-c", setup).returncode == 0
    result = tweespraak("import-people", str(people_file))
    assert result.returncode == 0, result.stderr
    assert "2 new" in result.stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("name,email\nEva,not-an-address\n")
    result = tweespraak("import-people", str(bad))
    assert result.returncode == 1
    assert "line 2: email:" in result.stderr
