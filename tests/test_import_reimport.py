"""Importing again updates the people it finds and never makes duplicates."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
from django.utils import timezone, translation

from tweespraak.accounts.importer import import_people_file
from tweespraak.accounts.models import Person, ReportingLine, Team

HEADER = "name,email,manager_email,team,role,language"
FILE = "\n".join(
    [
        HEADER,
        "Eva Boer,eva@werkplaats.test,anouk@werkplaats.test,Productie|Lab,manager,en",
        "Finn Dam,finn@werkplaats.test,eva@werkplaats.test,Lab,,nl",
    ]
)


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    with translation.override("en"):
        yield


def run(cast, text: str, **kwargs):
    report = import_people_file(cast.workspace, text, **kwargs)
    assert report.ok, report.errors
    return report


def counts(report) -> tuple[int, int, int]:
    return (report.created, report.updated, report.unchanged)


def test_the_same_file_twice_changes_nothing_the_second_time(cast):
    run(cast, FILE)
    people, lines = Person.objects.count(), ReportingLine.objects.count()
    report = run(cast, FILE)
    assert counts(report) == (0, 0, 2)
    assert report.teams_created == 0
    assert (Person.objects.count(), ReportingLine.objects.count()) == (people, lines)


def test_addresses_match_whatever_their_case(cast):
    report = run(
        cast, f"{HEADER}\nBram Jansen,Bram@WERKPLAATS.test,anouk@werkplaats.test,Productie,,en"
    )
    assert counts(report) == (0, 0, 1)
    assert Person.objects.filter(email__iexact="bram@werkplaats.test").count() == 1


def test_name_roles_and_language_are_updated(cast):
    report = run(
        cast, f"{HEADER}\nBram J.,bram@werkplaats.test,anouk@werkplaats.test,Productie,hr,en"
    )
    assert counts(report) == (0, 1, 0)
    cast.bram.refresh_from_db()
    assert (cast.bram.name, cast.bram.is_hr, cast.bram.language) == ("Bram J.", True, "en")


def test_teams_are_set_to_exactly_the_listed_ones(cast):
    run(cast, f"{HEADER}\nBram Jansen,bram@werkplaats.test,anouk@werkplaats.test,Lab|Kantine,,")
    assert set(cast.bram.teams.values_list("name", flat=True)) == {"Lab", "Kantine"}
    assert cast.anouk in cast.team.members.all()
    report = run(cast, f"{HEADER}\nBram Jansen,bram@werkplaats.test,anouk@werkplaats.test,,,")
    assert counts(report) == (0, 1, 0)
    assert not cast.bram.teams.exists()


def test_team_names_match_existing_teams_whatever_their_case(cast):
    report = run(cast, f"{HEADER}\nEva,eva@werkplaats.test,,PRODUCTIE|productie,,")
    assert report.teams_created == 0
    assert Team.objects.filter(workspace=cast.workspace).count() == 1
    assert cast.team.members.filter(email="eva@werkplaats.test").exists()


def test_people_not_in_the_file_are_left_alone(cast):
    run(cast, FILE)
    cast.chris.refresh_from_db()
    assert cast.chris.is_active
    assert cast.team.members.filter(pk=cast.chris.pk).exists()


def test_a_manager_change_ends_the_old_reporting_line_and_starts_a_new_one(cast):
    today = timezone.localdate()
    month_ago = today - datetime.timedelta(days=30)
    ReportingLine.objects.filter(person=cast.bram).update(starts_on=month_ago)
    report = run(
        cast, f"{HEADER}\nBram Jansen,bram@werkplaats.test,chris@werkplaats.test,Productie,,"
    )
    assert counts(report) == (0, 1, 0)
    cast.bram.refresh_from_db()
    assert cast.bram.manager == cast.chris
    lines = list(ReportingLine.objects.filter(person=cast.bram).order_by("starts_on"))
    assert [(line.manager, line.starts_on, line.ends_on) for line in lines] == [
        (cast.anouk, month_ago, today),
        (cast.chris, today, None),
    ]
    assert cast.bram.manager_on(month_ago) == cast.anouk


def test_a_manager_change_on_the_day_the_line_started_corrects_that_line(cast):
    # The cast's line for Bram started today: as with Person.set_manager, it is replaced.
    run(cast, f"{HEADER}\nBram Jansen,bram@werkplaats.test,chris@werkplaats.test,Productie,,")
    lines = ReportingLine.objects.filter(person=cast.bram)
    assert [(line.manager, line.ends_on) for line in lines] == [(cast.chris, None)]


def test_an_empty_manager_cell_removes_the_manager_and_closes_the_line(cast):
    month_ago = timezone.localdate() - datetime.timedelta(days=30)
    ReportingLine.objects.filter(person=cast.bram).update(starts_on=month_ago)
    run(cast, f"{HEADER}\nBram Jansen,bram@werkplaats.test,,Productie,,")
    cast.bram.refresh_from_db()
    assert cast.bram.manager is None
    assert not ReportingLine.objects.filter(person=cast.bram, ends_on=None).exists()


def test_the_person_who_imports_is_recorded_on_new_reporting_lines(cast):
    run(cast, FILE, invited_by=cast.willem)
    assert ReportingLine.objects.get(person__email="finn@werkplaats.test").created_by == cast.willem


def test_a_column_left_out_changes_nothing_for_people_already_here(cast):
    cast.bram.language = "en"
    cast.bram.save(update_fields=["language"])
    report = run(cast, "name,email\nBram Jansen,bram@werkplaats.test\n")
    assert counts(report) == (0, 0, 1)
    cast.bram.refresh_from_db()
    assert (cast.bram.manager, cast.bram.language) == (cast.anouk, "en")
    assert cast.bram.teams.get() == cast.team


def test_an_empty_language_keeps_the_choice_of_someone_already_here(cast):
    cast.bram.language = "en"
    cast.bram.save(update_fields=["language"])
    run(cast, f"{HEADER}\nBram Jansen,bram@werkplaats.test,anouk@werkplaats.test,Productie,,")
    cast.bram.refresh_from_db()
    assert cast.bram.language == "en"


def test_new_people_report_to_new_managers_listed_later_in_the_file(cast):
    text = "\n".join(
        [
            HEADER,
            "Finn Dam,finn@werkplaats.test,eva@werkplaats.test,,,",
            "Eva Boer,eva@werkplaats.test,,,manager,",
        ]
    )
    assert counts(run(cast, text)) == (2, 0, 0)
    assert Person.objects.get(email="finn@werkplaats.test").manager.email == "eva@werkplaats.test"
