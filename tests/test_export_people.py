"""Exporting people as CSV, in the same columns the import reads."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from tweespraak.accounts.importer import COLUMNS, import_people_file
from tweespraak.accounts.models import Person, Team

URL = reverse("imports:export")


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    with translation.override("en"):
        yield


def rows_of(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def test_anonymous_goes_to_login(client, cast):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_an_employee_or_manager_gets_403(cast):
    assert cast.client_for(cast.bram).get(URL).status_code == 403
    assert cast.client_for(cast.anouk).get(URL).status_code == 403


def test_hr_may_export(cast):
    response = cast.client_for(cast.hanna).get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="people-werkplaats-')


def test_the_export_has_the_import_columns_and_everyone_active(cast):
    cast.chris.deactivate()
    response = cast.client_for(cast.willem).get(URL)
    assert response.content.startswith("\ufeff".encode())
    rows = rows_of(response.content)
    assert tuple(rows[0]) == COLUMNS
    by_email = {row["email"]: row for row in rows}
    assert set(by_email) == {
        "anouk@werkplaats.test",
        "bram@werkplaats.test",
        "hanna@werkplaats.test",
        "willem@werkplaats.test",
    }
    assert by_email["bram@werkplaats.test"] == {
        "name": "Bram Jansen",
        "email": "bram@werkplaats.test",
        "manager_email": "anouk@werkplaats.test",
        "team": "Productie",
        "role": "employee",
        "language": "en",
    }
    assert by_email["willem@werkplaats.test"]["role"] == "admin"
    assert by_email["anouk@werkplaats.test"]["role"] == "manager"


def test_all_adds_deactivated_people(cast):
    cast.chris.deactivate()
    rows = rows_of(cast.client_for(cast.willem).get(URL, {"all": "1"}).content)
    assert "chris@werkplaats.test" in {row["email"] for row in rows}


def test_an_admin_of_another_workspace_exports_only_her_own_people(cast):
    rows = rows_of(cast.client_for(cast.dana).get(URL).content)
    assert [row["email"] for row in rows] == ["dana@elders.test"]
    assert rows[0]["role"] == "admin|hr"


def test_several_teams_share_one_cell(cast):
    lab = Team.objects.create(workspace=cast.workspace, name="Lab")
    lab.members.add(cast.bram)
    rows = rows_of(cast.client_for(cast.willem).get(URL).content)
    bram = next(row for row in rows if row["email"] == "bram@werkplaats.test")
    assert bram["team"] == "Lab|Productie"


def test_the_export_queries_do_not_grow_with_the_number_of_people(
    cast, django_assert_max_num_queries
):
    for number in range(30):
        person = Person.objects.create_user(f"p{number}@werkplaats.test", cast.workspace, "P")
        person.set_manager(cast.anouk)
        cast.team.members.add(person)
    client = cast.client_for(cast.willem)
    with django_assert_max_num_queries(6):
        client.get(URL)


def test_a_name_a_spreadsheet_would_run_as_formula_is_quoted_and_comes_back_intact(cast):
    cast.chris.name = "=HYPERLINK(1)"
    cast.chris.save(update_fields=["name"])
    content = cast.client_for(cast.willem).get(URL).content
    assert "'=HYPERLINK(1)" in content.decode()
    report = import_people_file(cast.workspace, content)
    assert report.ok
    cast.chris.refresh_from_db()
    assert cast.chris.name == "=HYPERLINK(1)"


def test_export_then_import_changes_nothing(cast):
    Team.objects.create(workspace=cast.workspace, name="Lab").members.add(cast.bram, cast.hanna)
    cast.hanna.language = "en"
    cast.hanna.save(update_fields=["language"])
    content = cast.client_for(cast.willem).get(URL).content
    report = import_people_file(cast.workspace, content)
    assert report.ok, report.errors
    assert (report.created, report.updated, report.unchanged) == (0, 0, 5)


def test_the_command_writes_the_same_csv_to_standard_output(cast):
    out = StringIO()
    call_command("export_people", "--workspace", "werkplaats", stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 5
    assert tuple(rows[0]) == COLUMNS


def test_the_command_writes_a_file_and_all_includes_deactivated_people(cast, tmp_path):
    cast.chris.deactivate()
    path = tmp_path / "people.csv"
    err = StringIO()
    call_command("export_people", "--workspace", "werkplaats", "--output", str(path), stderr=err)
    assert "4 people written" in err.getvalue()
    call_command("export_people", "--workspace", "werkplaats", "--output", str(path), "--all")
    emails = {row["email"] for row in csv.DictReader(path.open(encoding="utf-8"))}
    assert "chris@werkplaats.test" in emails
    report = import_people_file(cast.workspace, path.read_bytes())
    assert [(error.line, error.column) for error in report.errors] == [(4, "email")]
