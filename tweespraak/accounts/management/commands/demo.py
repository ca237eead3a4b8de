"""`tweespraak demo`: build the demo workspace (once) and print its logins."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from tweespraak.accounts.demo import (
    EMAIL_DOMAIN,
    INVITED,
    LEAVERS,
    PEOPLE,
    DemoError,
    DemoLogin,
    build_demo,
    demo_logins,
)


class Command(BaseCommand):
    help = (
        "Builds the demo workspace 'Werkbedrijf De Schakel' (slug 'demo') with about 40 "
        "people, unless it exists, and prints the demo logins."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = build_demo()
        except DemoError as error:
            raise CommandError(str(error)) from None
        workspace = result.workspace
        if result.created:
            self.stdout.write(self.style.SUCCESS(f"Built the demo workspace '{workspace.name}'."))
        else:
            self.stdout.write(f"The demo workspace '{workspace.name}' is already there.")
        self.stdout.write("")
        self.stdout.write(f"Log in at {settings.SITE_URL}{reverse('login')} as one of:")
        self.stdout.write("")
        self.stdout.write(_table(demo_logins(workspace)))
        self.stdout.write("")
        self.stdout.write(
            f"Everyone else in the demo has the same password; their e-mail addresses are "
            f"first.last@{EMAIL_DOMAIN} (see tweespraak/accounts/demo.py)."
        )
        names = {person.key: person.name for person in PEOPLE}
        for key in LEAVERS:
            self.stdout.write(f"{names[key]} has left: that account is deactivated.")
        for key in INVITED:
            self.stdout.write(f"{names[key]} is invited and has not chosen a password yet.")
        for name, link in result.invitation_links.items():
            self.stdout.write(f"Invitation link for {name} (shown only now): {link}")


def _table(logins: list[DemoLogin]) -> str:
    rows = [("Role", "Name", "E-mail", "Password")]
    rows += [(login.role, login.name, login.email, login.password) for login in logins]
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join("  " + line.rstrip() for line in lines)
