"""People in and out as CSV: `name,email,manager_email,team,role,language`.

`parse_people_csv` turns the bytes of a file into rows; `import_people` checks every
row against the file and the workspace and, only when nothing is wrong, writes all of
them in one transaction with a handful of bulk queries. A re-import updates the people
it finds (matched on e-mail address, case-insensitive) and leaves everyone else alone.
"""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Iterable, Sequence
from typing import TextIO

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tweespraak.accounts.importer.checking import ImportReport, RowError, check_rows, load_existing
from tweespraak.accounts.importer.export import EXAMPLE_CSV, export_people_csv
from tweespraak.accounts.importer.reading import COLUMNS, PeopleFileError, Row, parse_people_csv
from tweespraak.accounts.importer.writing import Writer
from tweespraak.accounts.invitations import send_invitation
from tweespraak.accounts.models import Person, Workspace

logger = logging.getLogger(__name__)

__all__ = [
    "COLUMNS",
    "EXAMPLE_CSV",
    "ImportReport",
    "PeopleFileError",
    "Row",
    "RowError",
    "export_people_csv",
    "import_people",
    "import_people_file",
    "parse_people_csv",
    "send_invitations",
]


def import_people(
    workspace: Workspace,
    rows: Sequence[Row],
    *,
    invited_by: Person | None = None,
    dry_run: bool = False,
) -> ImportReport:
    """Check all rows; when none has an error (and not a dry run), write them all."""
    report = ImportReport(dry_run=dry_run)
    try:
        with transaction.atomic():
            # Two imports into one workspace run one after the other (PostgreSQL).
            Workspace.objects.select_for_update().filter(pk=workspace.pk).first()
            existing = load_existing(workspace)
            planned, report.errors = check_rows(workspace, rows, existing)
            if report.errors:
                return report
            Writer(workspace, existing, invited_by, report).run(planned, write=not dry_run)
    except IntegrityError:
        # Someone added one of these addresses between the check and the write.
        logger.warning("People import into %s hit a conflict", workspace.pk, exc_info=True)
        message = _("People were changed at the same moment. Nothing was imported; try again.")
        return ImportReport(errors=[RowError(1, "", message)], dry_run=dry_run)
    return report


def import_people_file(
    workspace: Workspace,
    source: bytes | str | TextIO,
    *,
    invited_by: Person | None = None,
    dry_run: bool = False,
) -> ImportReport:
    """Parse and import; a file-level problem becomes an error on line 1 of the report."""
    try:
        rows = parse_people_csv(source)
    except PeopleFileError as error:
        return ImportReport(errors=[RowError(1, "", str(error))], dry_run=dry_run)
    if not rows:
        message = _("The file has no people in it, only the first line with the columns.")
        return ImportReport(errors=[RowError(1, "", message)], dry_run=dry_run)
    return import_people(workspace, rows, invited_by=invited_by, dry_run=dry_run)


def send_invitations(people: Iterable[Person], invited_by: Person | None = None) -> list[Person]:
    """Invite each person (after the import has committed); returns those whose mail failed."""
    failed = []
    for person in people:
        try:
            send_invitation(person, invited_by=invited_by)
        except (smtplib.SMTPException, OSError):
            logger.exception("Sending the invitation to %s failed", person.pk)
            failed.append(person)
    return failed
