"""Writing a checked import: every change worked out first, then written in bulk."""

from __future__ import annotations

import secrets
import uuid
from typing import Any

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.utils import timezone

from tweespraak.accounts.importer.checking import Existing, ImportReport, Planned
from tweespraak.accounts.importer.reading import BATCH_SIZE
from tweespraak.accounts.models import Person, ReportingLine, Team, Workspace


def roles_of(person: Person) -> set[str]:
    flags = {
        "admin": person.is_workspace_admin,
        "hr": person.is_hr,
        "manager": person.is_manager,
    }
    return {role for role, on in flags.items() if on}


FIELDS = ("name", "language", "is_workspace_admin", "is_hr", "is_manager", "manager")


def _state(person: Person) -> tuple[object, ...]:
    return tuple(getattr(person, "manager_id" if f == "manager" else f) for f in FIELDS)


def _set_roles(person: Person, roles: set[str]) -> None:
    person.is_workspace_admin = "admin" in roles
    person.is_hr = "hr" in roles
    person.is_manager = "manager" in roles


class Writer:
    """Works out every change first, then writes them in bulk."""

    def __init__(
        self,
        workspace: Workspace,
        existing: Existing,
        invited_by: Person | None,
        report: ImportReport,
    ) -> None:
        self.workspace = workspace
        self.existing = existing
        self.invited_by = invited_by
        self.report = report
        self.today = timezone.localdate()

    def run(self, planned: list[Planned], *, write: bool) -> None:
        teams = self._teams(planned)
        Through = Person.teams.through
        current_teams: dict[uuid.UUID, set[uuid.UUID]] = {}
        for person_id, team_id in Through.objects.filter(
            team__workspace=self.workspace
        ).values_list("person_id", "team_id"):
            current_teams.setdefault(person_id, set()).add(team_id)

        people: dict[str, Person] = {}
        new_people: list[Person] = []
        for item in planned:
            person = self.existing.by_email.get(item.email)
            if person is None:
                person = self._new_person(item)
                new_people.append(person)
            people[item.email] = person
        changed: dict[tuple[str, ...], list[Person]] = {}  # changed fields: people
        manager_changes: list[Person] = []
        add_teams: list[Any] = []
        remove_teams: dict[uuid.UUID, list[uuid.UUID]] = {}  # team id: person ids
        for item in planned:
            person = people[item.email]
            before = _state(person)
            self._apply(item, person, people)
            old_team_ids = current_teams.get(person.pk, set())
            team_ids = old_team_ids
            if item.teams is not None:
                team_ids = {teams[name.lower()].pk for name in item.teams}
                add_teams.extend(
                    Through(person_id=person.pk, team_id=team_id)
                    for team_id in team_ids - old_team_ids
                )
                for team_id in old_team_ids - team_ids:
                    remove_teams.setdefault(team_id, []).append(person.pk)
            if person.pk not in self.existing.by_id:
                self.report.created += 1
                continue
            fields = tuple(
                f for f, old, new in zip(FIELDS, before, _state(person), strict=True) if old != new
            )
            if fields:
                changed.setdefault(fields, []).append(person)
            if "manager" in fields:
                manager_changes.append(person)
            if fields or team_ids != old_team_ids:
                self.report.updated += 1
            else:
                self.report.unchanged += 1
        self.report.created_people = new_people
        if write:
            self._write(new_people, changed, manager_changes, add_teams, remove_teams)

    def _apply(self, item: Planned, person: Person, people: dict[str, Person]) -> None:
        person.name = item.row.name
        if item.language:
            person.language = item.language
        if item.roles is not None:
            _set_roles(person, item.roles)
        if item.manager_email is not None:
            manager = people.get(item.manager_email) or self.existing.by_email.get(
                item.manager_email
            )
            person.manager_id = manager.pk if manager else None

    def _teams(self, planned: list[Planned]) -> dict[str, Team]:
        teams = {team.name.lower(): team for team in Team.objects.filter(workspace=self.workspace)}
        self.new_teams = []
        for item in planned:
            for name in item.teams or []:
                if name.lower() not in teams:
                    team = Team(workspace=self.workspace, name=name)
                    teams[name.lower()] = team
                    self.new_teams.append(team)
        self.report.teams_created = len(self.new_teams)
        return teams

    def _new_person(self, item: Planned) -> Person:
        person = Person(
            workspace=self.workspace,
            email=item.email,
            name=item.row.name,
            language=item.language or self.workspace.default_language,
            time_zone="Europe/Amsterdam",
            # What make_password(None) gives, without 40 calls to the random generator.
            password=UNUSABLE_PASSWORD_PREFIX + secrets.token_urlsafe(30),
        )
        _set_roles(person, item.roles or set())
        return person

    def _write(
        self,
        new_people: list[Person],
        changed: dict[tuple[str, ...], list[Person]],
        manager_changes: list[Person],
        add_teams: list[Any],
        remove_teams: dict[uuid.UUID, list[uuid.UUID]],
    ) -> None:
        Team.objects.bulk_create(self.new_teams, batch_size=BATCH_SIZE)
        Person.objects.bulk_create(new_people, batch_size=BATCH_SIZE)
        for fields, people in changed.items():
            Person.objects.bulk_update(people, fields, batch_size=BATCH_SIZE)
        self._write_reporting_lines(
            [p for p in new_people if p.manager_id is not None] + manager_changes
        )
        Through = Person.teams.through
        for team_id, person_ids in remove_teams.items():
            for start in range(0, len(person_ids), BATCH_SIZE):
                chunk = person_ids[start : start + BATCH_SIZE]
                Through.objects.filter(team_id=team_id, person_id__in=chunk).delete()
        Through.objects.bulk_create(add_teams, batch_size=BATCH_SIZE)

    def _write_reporting_lines(self, people: list[Person]) -> None:
        """What `Person.set_manager` does, for many people at once.

        The open line of each person ends today; a line that started today is
        replaced instead (a same-day correction). A new line starts today.
        """
        ids = {person.pk for person in people}
        open_lines = [
            line
            for line in ReportingLine.objects.filter(workspace=self.workspace, ends_on=None).only(
                "id", "person_id", "starts_on"
            )
            if line.person_id in ids
        ]
        replaced = [line.pk for line in open_lines if line.starts_on >= self.today]
        for start in range(0, len(replaced), BATCH_SIZE):
            ReportingLine.objects.filter(pk__in=replaced[start : start + BATCH_SIZE]).delete()
        ended = [line for line in open_lines if line.starts_on < self.today]
        for line in ended:
            line.ends_on = self.today
        ReportingLine.objects.bulk_update(ended, ["ends_on"], batch_size=BATCH_SIZE)
        ReportingLine.objects.bulk_create(
            [
                ReportingLine(
                    workspace=self.workspace,
                    person_id=person.pk,
                    manager_id=person.manager_id,
                    starts_on=self.today,
                    created_by=self.invited_by,
                )
                for person in people
                if person.manager_id is not None
            ],
            batch_size=BATCH_SIZE,
        )
