"""Writing the people of a workspace in the import format."""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING

from tweespraak.accounts.importer.reading import COLUMNS, FORMULA_START, SEPARATOR
from tweespraak.accounts.importer.writing import roles_of
from tweespraak.accounts.models import Person, Workspace

if TYPE_CHECKING:
    from _typeshed import SupportsWrite


def _escape(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value


def export_people_csv(
    workspace: Workspace, out: SupportsWrite[str], *, include_inactive: bool = False
) -> int:
    """Write the people of a workspace in the import format; returns how many."""
    people = Person.objects.in_workspace(workspace).select_related("manager").order_by("name")
    if not include_inactive:
        people = people.active()
    team_names: dict[object, list[str]] = {}
    for person_id, name in (
        Person.teams.through.objects.filter(team__workspace=workspace)
        .order_by("team__name")
        .values_list("person_id", "team__name")
    ):
        team_names.setdefault(person_id, []).append(name)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    count = 0
    for person in people.iterator(chunk_size=2000):
        roles = [role for role in ("admin", "hr", "manager") if role in roles_of(person)]
        writer.writerow(
            _escape(value)
            for value in (
                person.name,
                person.email,
                person.manager.email if person.manager else "",
                SEPARATOR.join(team_names.get(person.pk, [])),
                SEPARATOR.join(roles or ["employee"]),
                person.language,
            )
        )
        count += 1
    return count


EXAMPLE_CSV = (
    "name,email,manager_email,team,role,language\r\n"
    "Sanne de Boer,sanne@example.org,,Directie,manager|admin,nl\r\n"
    "Yusuf Demir,yusuf@example.org,sanne@example.org,Productie|Logistiek,manager,nl\r\n"
    "Lotte Kramer,lotte@example.org,yusuf@example.org,Productie,,\r\n"
    "Mark Peters,mark@example.org,yusuf@example.org,Logistiek,employee,en\r\n"
    "Fatima El Amrani,fatima@example.org,sanne@example.org,,hr,nl\r\n"
)
