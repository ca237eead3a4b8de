"""`tweespraak export-people`: the people of a workspace as CSV, in the import format."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, no_translations

from tweespraak.accounts.importer import export_people_csv
from tweespraak.accounts.management.commands.import_people import find_workspace


class Command(BaseCommand):
    help = (
        "Write the people of a workspace as CSV (UTF-8) with the columns "
        "name,email,manager_email,team,role,language: the format import-people reads."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--workspace", help="Short name (slug) of the workspace.")
        parser.add_argument("--output", help="Write to this file instead of standard output.")
        parser.add_argument(
            "--all", action="store_true", help="Include deactivated people as well."
        )

    @no_translations
    def handle(self, *args: Any, **options: Any) -> None:
        workspace = find_workspace(options["workspace"])
        output = options["output"]
        if not output:
            count = export_people_csv(workspace, self.stdout, include_inactive=options["all"])
            return
        path = Path(output)
        try:
            with path.open("w", encoding="utf-8", newline="") as out:
                count = export_people_csv(workspace, out, include_inactive=options["all"])
        except OSError as error:
            raise CommandError(f"Cannot write {path}: {error.strerror}") from None
        self.stderr.write(f"{count} people written to {path}.")
