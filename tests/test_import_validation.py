"""Every row is checked before anything is written; each problem names its line."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.utils import translation

from tweespraak.accounts.importer import RowError, import_people_file
from tweespraak.accounts.models import Person, ReportingLine, Team

HEADER = "name,email,manager_email,team,role,language"


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    with translation.override("en"):
        yield


def run(cast, *lines: str, **kwargs):
    return import_people_file(cast.workspace, "\n".join([HEADER, *lines]) + "\n", **kwargs)


def errors_of(report) -> list[tuple[int, str]]:
    return [(error.line, error.column) for error in report.errors]


def test_a_good_file_creates_people_teams_and_reporting_lines(cast):
    report = run(
        cast,
        "Eva Boer,eva@werkplaats.test,anouk@werkplaats.test,Productie|Nieuw,manager,en",
        "Finn Dam,FINN@werkplaats.test,eva@werkplaats.test,,,",
    )
    assert report.ok, report.errors
    assert (report.created, report.updated, report.teams_created) == (2, 0, 1)
    eva = Person.objects.get(email="eva@werkplaats.test")
    finn = Person.objects.get(email="finn@werkplaats.test")
    assert eva.workspace == cast.workspace
    assert (eva.is_manager, eva.is_hr, eva.is_workspace_admin) == (True, False, False)
    assert eva.language == "en"
    assert finn.language == cast.workspace.default_language
    assert eva.manager == cast.anouk
    assert finn.manager == eva
    assert set(eva.teams.values_list("name", flat=True)) == {"Productie", "Nieuw"}
    assert not eva.has_usable_password()
    assert eva.time_zone == "Europe/Amsterdam"
    line = ReportingLine.objects.get(person=finn)
    assert (line.manager, line.ends_on) == (eva, None)


def test_a_missing_name_is_reported_on_its_line(cast):
    report = run(cast, "Eva,eva@werkplaats.test,,,,", ",finn@werkplaats.test,,,,")
    assert errors_of(report) == [(3, "name")]


def test_a_bad_email_address_is_reported_on_its_line(cast):
    report = run(cast, "Eva,eva@werkplaats.test,,,,", "Finn,finn@,,,,", "Gijs,,,,,")
    assert errors_of(report) == [(3, "email"), (4, "email")]
    assert "finn@" in report.errors[0].message


def test_the_same_address_twice_is_reported_on_the_second_line_naming_the_first(cast):
    report = run(cast, "Eva,eva@werkplaats.test,,,,", "", "Eva B,EVA@werkplaats.test,,,,")
    assert errors_of(report) == [(4, "email")]
    assert "line 2" in report.errors[0].message


def test_an_unknown_manager_is_reported(cast):
    report = run(cast, "Eva,eva@werkplaats.test,nobody@werkplaats.test,,,")
    assert errors_of(report) == [(2, "manager_email")]
    assert "nobody@werkplaats.test" in report.errors[0].message


def test_a_manager_from_another_workspace_is_unknown_without_saying_where_they_are(cast):
    report = run(cast, "Eva,eva@werkplaats.test,dana@elders.test,,,")
    assert errors_of(report) == [(2, "manager_email")]
    assert "Elders" not in report.errors[0].message


def test_a_person_cannot_be_their_own_manager(cast):
    report = run(cast, "Eva,eva@werkplaats.test,eva@werkplaats.test,,,")
    assert errors_of(report) == [(2, "manager_email")]


def test_a_cycle_in_the_file_is_reported_on_each_row_in_it_with_the_chain(cast):
    report = run(
        cast,
        "Eva,eva@werkplaats.test,finn@werkplaats.test,,,",
        "Finn,finn@werkplaats.test,gijs@werkplaats.test,,,",
        "Gijs,gijs@werkplaats.test,eva@werkplaats.test,,,",
        "Hans,hans@werkplaats.test,eva@werkplaats.test,,,",
    )
    assert errors_of(report) == [(2, "manager_email"), (3, "manager_email"), (4, "manager_email")]
    assert report.errors[0].message.endswith(
        "eva@werkplaats.test -> finn@werkplaats.test -> gijs@werkplaats.test "
        "-> eva@werkplaats.test."
    )
    assert "finn@werkplaats.test -> gijs@werkplaats.test -> eva@werkplaats.test -> finn" in (
        report.errors[1].message
    )


def test_a_cycle_through_people_already_in_the_workspace_is_found(cast):
    # Bram reports to Anouk; making Anouk report to Bram closes the circle.
    report = run(cast, "Anouk de Vries,anouk@werkplaats.test,bram@werkplaats.test,,manager,")
    assert errors_of(report) == [(2, "manager_email")]
    assert "anouk@werkplaats.test -> bram@werkplaats.test -> anouk@werkplaats.test" in (
        report.errors[0].message
    )


def test_a_cycle_broken_by_the_same_file_is_no_cycle(cast):
    report = run(
        cast,
        "Anouk de Vries,anouk@werkplaats.test,bram@werkplaats.test,,manager,",
        "Bram Jansen,bram@werkplaats.test,,,,",
    )
    assert report.ok, report.errors


def test_an_unknown_role_is_reported(cast):
    report = run(cast, "Eva,eva@werkplaats.test,,,manager|boss,")
    assert errors_of(report) == [(2, "role")]
    assert "boss" in report.errors[0].message


def test_dutch_role_names_are_accepted_in_any_case(cast):
    report = run(cast, "Eva,eva@werkplaats.test,,,Leidinggevende|BEHEERDER|hr|Medewerker,")
    assert report.ok, report.errors
    eva = Person.objects.get(email="eva@werkplaats.test")
    assert (eva.is_manager, eva.is_hr, eva.is_workspace_admin) == (True, True, True)


def test_an_unknown_language_is_reported(cast):
    report = run(cast, "Eva,eva@werkplaats.test,,,,de")
    assert errors_of(report) == [(2, "language")]


def test_an_address_from_another_workspace_cannot_be_used_and_it_is_not_said_why(cast):
    report = run(cast, "Dana,dana@elders.test,,,,")
    assert report.errors == [RowError(2, "email", "This e-mail address cannot be used.")]
    assert Person.objects.get(email="dana@elders.test").workspace == cast.other_workspace


def test_a_deactivated_person_must_be_reactivated_first(cast):
    cast.chris.deactivate()
    report = run(cast, "Chris Bakker,chris@werkplaats.test,,,,")
    assert errors_of(report) == [(2, "email")]
    assert "reactivate" in report.errors[0].message


def test_a_deactivated_manager_cannot_be_given_to_someone(cast):
    cast.chris.deactivate()
    report = run(cast, "Eva,eva@werkplaats.test,chris@werkplaats.test,,,")
    assert errors_of(report) == [(2, "manager_email")]


def test_the_last_admin_cannot_lose_the_admin_role(cast):
    report = run(cast, "Willem Smit,willem@werkplaats.test,,,employee,")
    assert errors_of(report) == [(2, "role")]
    cast.willem.refresh_from_db()
    assert cast.willem.is_workspace_admin


def test_an_admin_may_hand_the_role_over_in_the_same_file(cast):
    report = run(
        cast,
        "Willem Smit,willem@werkplaats.test,,,employee,",
        "Hanna Visser,hanna@werkplaats.test,,,hr|admin,",
    )
    assert report.ok, report.errors


def test_more_values_than_columns_is_reported_on_its_line(cast):
    report = run(cast, "Eva,eva@werkplaats.test,,,,,surprise")
    assert errors_of(report) == [(2, "")]


def test_a_file_level_problem_is_reported_on_line_one(cast):
    report = import_people_file(cast.workspace, "name,e-mail\nEva,eva@werkplaats.test\n")
    assert errors_of(report) == [(1, "")]
    assert "e-mail" in report.errors[0].message


def test_a_file_with_only_a_header_is_an_error(cast):
    assert errors_of(import_people_file(cast.workspace, HEADER + "\n")) == [(1, "")]


def test_one_bad_row_means_nothing_at_all_is_written(cast):
    people, teams, lines = (
        Person.objects.count(),
        Team.objects.count(),
        ReportingLine.objects.count(),
    )
    report = run(
        cast,
        "Eva,eva@werkplaats.test,,Nieuw team,manager,",
        "Finn,finn@werkplaats.test,eva@werkplaats.test,,,",
        "Bram Jansen,bram@werkplaats.test,chris@werkplaats.test,,,",
        "Gijs,not-an-address,,,,",
    )
    assert errors_of(report) == [(5, "email")]
    assert (Person.objects.count(), Team.objects.count(), ReportingLine.objects.count()) == (
        people,
        teams,
        lines,
    )
    cast.bram.refresh_from_db()
    assert cast.bram.manager == cast.anouk


def test_a_dry_run_counts_but_writes_nothing(cast):
    people = Person.objects.count()
    report = run(
        cast,
        "Eva,eva@werkplaats.test,,Nieuw,,",
        "Bram Jansen,bram@werkplaats.test,chris@werkplaats.test,Productie,,",
        dry_run=True,
    )
    assert report.ok
    assert (report.created, report.updated, report.teams_created) == (1, 1, 1)
    assert Person.objects.count() == people
    assert not Team.objects.filter(name="Nieuw").exists()
    cast.bram.refresh_from_db()
    assert cast.bram.manager == cast.anouk


def test_errors_come_sorted_by_line(cast):
    report = run(
        cast,
        "Eva,eva@werkplaats.test,finn@werkplaats.test,,chef,",
        ",bad,,,,xx",
        "Finn,finn@werkplaats.test,eva@werkplaats.test,,,",
    )
    assert errors_of(report) == [
        (2, "manager_email"),
        (2, "role"),
        (3, "name"),
        (3, "email"),
        (3, "language"),
        (4, "manager_email"),
    ]


def test_an_address_taken_between_check_and_write_fails_cleanly_with_nothing_written(
    cast, monkeypatch
):
    # As if Dana's workspace took the address just after the check looked.
    monkeypatch.setattr(
        "tweespraak.accounts.importer.checking._emails_elsewhere", lambda *args: set()
    )
    people = Person.objects.count()
    report = run(cast, "Eva,eva@werkplaats.test,,Nieuw,,", "Dana,dana@elders.test,,,,")
    assert errors_of(report) == [(1, "")]
    assert "try again" in report.errors[0].message
    assert Person.objects.count() == people
    assert not Team.objects.filter(name="Nieuw").exists()
