"""Checking every row against the file and the workspace before anything is written."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils.translation import gettext as _

from tweespraak.accounts.importer.reading import (
    BATCH_SIZE,
    COLUMNS,
    LANGUAGES,
    ROLE_ALIASES,
    SEPARATOR,
    Row,
)
from tweespraak.accounts.models import Person, Workspace

_validate_email = EmailValidator()


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        column = f"{self.column}: " if self.column else ""
        return f"line {self.line}: {column}{self.message}"


@dataclass
class ImportReport:
    errors: list[RowError] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    teams_created: int = 0
    dry_run: bool = False
    created_people: list[Person] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass
class Planned:
    """A row after checking: what the person should look like."""

    row: Row
    email: str
    manager_email: str | None  # None: leave the manager as it is
    teams: list[str] | None  # None: leave the teams as they are
    roles: set[str] | None
    language: str | None  # None: keep the person's own choice


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(SEPARATOR) if part.strip()]


def _check_row(row: Row, errors: list[RowError]) -> Planned:
    def error(column: str, message: str) -> None:
        errors.append(RowError(row.line, column, message))

    if row.surplus_values:
        error("", _("This line has more values than the first line has columns."))
    if not row.name:
        error("name", _("A name is required."))
    elif len(row.name) > 150:
        error("name", _("A name can be at most 150 characters."))
    email = row.email.lower()
    if not email:
        error("email", _("An e-mail address is required."))
    else:
        try:
            _validate_email(email)
        except ValidationError:
            error("email", _("“%(email)s” is not a valid e-mail address.") % {"email": row.email})
    roles = None
    if "role" in row.columns:
        roles = set()
        for role in _split(row.role):
            if role.lower() not in ROLE_ALIASES:
                error(
                    "role",
                    _("Unknown role “%(role)s”. Use employee, manager, hr or admin.")
                    % {"role": role},
                )
            else:
                roles.add(ROLE_ALIASES[role.lower()])
    language = row.language.lower() or None
    if language and language not in LANGUAGES:
        error(
            "language",
            _("Unknown language “%(language)s”. Use nl or en.") % {"language": row.language},
        )
    teams = None
    if "team" in row.columns:
        teams = list({name.lower(): name for name in _split(row.team)}.values())
        for name in teams:
            if len(name) > 120:
                error("team", _("A team name can be at most 120 characters."))
    manager_email = row.manager_email.lower() if "manager_email" in row.columns else None
    if manager_email and manager_email == email:
        error("manager_email", _("A person cannot be their own manager."))
        manager_email = None
    return Planned(row, email, manager_email, teams, roles, language)


def _cycles(graph: dict[str, str]) -> list[list[str]]:
    """Each cycle in a person -> manager graph once, as [a, b, ..., a]."""
    done: set[str] = set()
    cycles = []
    for start in graph:
        path: list[str] = []
        on_path: dict[str, int] = {}
        node: str | None = start
        while node is not None and node not in done and node not in on_path:
            on_path[node] = len(path)
            path.append(node)
            node = graph.get(node)
        if node is not None and node in on_path:
            cycle = path[on_path[node] :]
            cycles.append([*cycle, cycle[0]])
        done.update(path)
    return cycles


@dataclass
class Existing:
    by_email: dict[str, Person]
    by_id: dict[object, Person]


def load_existing(workspace: Workspace) -> Existing:
    people = list(
        Person.objects.in_workspace(workspace).only(
            "id",
            "workspace_id",
            "email",
            "name",
            "language",
            "is_active",
            "is_manager",
            "is_hr",
            "is_workspace_admin",
            "manager_id",
        )
    )
    return Existing({p.email.lower(): p for p in people}, {p.pk: p for p in people})


def _emails_elsewhere(workspace: Workspace, emails: Iterable[str]) -> set[str]:
    emails = list(emails)
    taken: set[str] = set()
    for start in range(0, len(emails), BATCH_SIZE):
        chunk = emails[start : start + BATCH_SIZE]
        taken.update(
            email.lower()
            for email in Person.objects.exclude(workspace=workspace)
            .filter(email__in=chunk)
            .values_list("email", flat=True)
        )
    return taken


def check_rows(
    workspace: Workspace, rows: Sequence[Row], existing: Existing
) -> tuple[list[Planned], list[RowError]]:
    errors: list[RowError] = []
    planned = [_check_row(row, errors) for row in rows]
    first_line: dict[str, int] = {}
    for item in planned:
        if not item.email:
            continue
        if item.email in first_line:
            errors.append(
                RowError(
                    item.row.line,
                    "email",
                    _("This e-mail address is already on line %(line)d.")
                    % {"line": first_line[item.email]},
                )
            )
        else:
            first_line[item.email] = item.row.line
    elsewhere = _emails_elsewhere(workspace, (e for e in first_line if e not in existing.by_email))
    for item in planned:
        person = existing.by_email.get(item.email)
        if item.email in elsewhere:
            errors.append(
                RowError(item.row.line, "email", _("This e-mail address cannot be used."))
            )
        elif person is not None and not person.is_active:
            errors.append(
                RowError(
                    item.row.line,
                    "email",
                    _("%(name)s is deactivated; reactivate them first.") % {"name": person.name},
                )
            )
        if item.manager_email:
            errors.extend(_check_manager(item, person, first_line, existing))
    errors.extend(_check_cycles(planned, first_line, existing))
    errors.extend(_check_admins(planned, existing))
    errors.sort(key=lambda error: (error.line, COLUMNS.index(error.column) if error.column else -1))
    return planned, errors


def _check_manager(
    item: Planned, person: Person | None, in_file: dict[str, int], existing: Existing
) -> list[RowError]:
    assert item.manager_email
    if item.manager_email in in_file:
        return []
    manager = existing.by_email.get(item.manager_email)
    if manager is None:
        message = _(
            "Unknown manager “%(email)s”: nobody with this e-mail address is in the file "
            "or in this workspace."
        ) % {"email": item.manager_email}
        return [RowError(item.row.line, "manager_email", message)]
    if not manager.is_active and (person is None or person.manager_id != manager.pk):
        message = _("The manager %(name)s is deactivated.") % {"name": manager.name}
        return [RowError(item.row.line, "manager_email", message)]
    return []


def _check_cycles(
    planned: list[Planned], in_file: dict[str, int], existing: Existing
) -> list[RowError]:
    """The reporting lines after the import: file rows plus the people not in the file."""
    graph: dict[str, str] = {}
    for email, person in existing.by_email.items():
        manager = existing.by_id.get(person.manager_id)
        if manager is not None:
            graph[email] = manager.email.lower()
    for item in planned:
        if item.email and in_file.get(item.email) == item.row.line:
            if item.manager_email:
                graph[item.email] = item.manager_email
            elif item.manager_email == "":
                graph.pop(item.email, None)
    errors = []
    for cycle in _cycles(graph):
        for index, email in enumerate(cycle[:-1]):
            if email not in in_file:
                continue
            chain = " -> ".join(cycle[index:-1] + cycle[:index] + [email])
            errors.append(
                RowError(
                    in_file[email],
                    "manager_email",
                    _("These reporting lines go round in a circle: %(chain)s.") % {"chain": chain},
                )
            )
    return errors


def _check_admins(planned: list[Planned], existing: Existing) -> list[RowError]:
    """A workspace that has an admin keeps one, as on the people pages."""
    admins = {
        email
        for email, person in existing.by_email.items()
        if person.is_active and person.is_workspace_admin
    }
    if not admins:
        return []
    losing = []
    for item in planned:
        if item.roles is None or not item.email:
            continue
        if "admin" in item.roles:
            admins.add(item.email)
        elif item.email in admins:
            admins.discard(item.email)
            losing.append(item)
    if admins:
        return []
    message = _(
        "This would leave the workspace without an admin. Keep the admin role for at "
        "least one active person."
    )
    return [RowError(item.row.line, "role", message) for item in losing]
