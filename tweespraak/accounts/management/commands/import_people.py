"""`tweespraak import-people FILE.csv`: add or update the people of a workspace from CSV."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, no_translations

from tweespraak.accounts.importer import ImportReport, import_people_file, send_invitations
from tweespraak.accounts.models import Workspace


def find_workspace(slug: str | None) -> Workspace:
    """The workspace named by --workspace; without it, the only one there is."""
    if slug:
        workspace = Workspace.objects.filter(slug=slug).first()
        if workspace is None:
            raise CommandError(f"There is no workspace with the short name {slug!r}.")
        return workspace
    slugs = list(Workspace.objects.order_by("slug").values_list("slug", flat=True)[:21])
    if not slugs:
        raise CommandError("There is no workspace yet. Create one first.")
    if len(slugs) > 1:
        raise CommandError(
            "There is more than one workspace; choose one with --workspace SLUG "
            f"(for example: {', '.join(slugs[:20])})."
        )
    return Workspace.objects.get(slug=slugs[0])


class Command(BaseCommand):
    help = (
        "Add or update people from a CSV file with the columns "
        "name,email,manager_email,team,role,language. Every row is checked first: "
        "when one row is wrong, nothing is written."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="The CSV file (UTF-8 or Windows-1252; , or ;).")
        parser.add_argument("--workspace", help="Short name (slug) of the workspace.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file only; write nothing."
        )
        parser.add_argument(
            "--invite", action="store_true", help="Send an invitation to each new person."
        )

    @no_translations  # operators read English, like Django's own commands
    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise CommandError(f"File not found: {path}") from None
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from None
        workspace = find_workspace(options["workspace"])
        report = import_people_file(workspace, data, dry_run=options["dry_run"])
        if not report.ok:
            for row_error in report.errors:
                self.stderr.write(str(row_error))
            raise CommandError(
                f"{len(report.errors)} error(s) in {path.name}; nothing was imported."
            )
        self.stdout.write(self._summary(report, workspace))
        if options["invite"] and not report.dry_run:
            self._invite(report)

    def _summary(self, report: ImportReport, workspace: Workspace) -> str:
        counts = (
            f"{report.created} new, {report.updated} updated, {report.unchanged} unchanged; "
            f"{report.teams_created} new team(s)"
        )
        if report.dry_run:
            return (
                f"Check only, nothing was written. Importing into {workspace.slug} gives: {counts}."
            )
        return f"Imported into {workspace.slug}: {counts}."

    def _invite(self, report: ImportReport) -> None:
        failed = send_invitations(report.created_people)
        for person in failed:
            self.stderr.write(f"The invitation to {person.email} could not be sent.")
        sent = len(report.created_people) - len(failed)
        self.stdout.write(f"Invitations sent: {sent} of {len(report.created_people)}.")
