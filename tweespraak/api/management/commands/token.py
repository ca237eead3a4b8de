"""`tweespraak token create --email EMAIL [--scope read|write] [--name NAME]`."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError, no_translations

from tweespraak.accounts.models import Person
from tweespraak.api.models import AccessToken, Scope


class Command(BaseCommand):
    help = "Manage personal access tokens for the JSON API."

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Make a token; it is printed once.")
        create.add_argument("--email", required=True, help="The person the token acts as.")
        create.add_argument(
            "--scope", choices=[scope.value for scope in Scope], default=Scope.READ.value
        )
        create.add_argument("--name", default="", help="What the token is for.")

    @no_translations
    def handle(self, *args: Any, **options: Any) -> None:
        person = Person.objects.filter(email__iexact=options["email"].strip()).first()
        if person is None:
            raise CommandError(f"No person with e-mail address {options['email']}.")
        if not person.is_active:
            raise CommandError(f"{person.email} is deactivated; their tokens would not work.")
        token, secret = AccessToken.issue(person, scope=options["scope"], name=options["name"])
        self.stderr.write(
            f"Token {token.prefix}… ({token.scope}) for {person.email}. "
            "Copy it now: it is not shown again."
        )
        self.stdout.write(secret)
