"""`tweespraak create-workspace`: a new organisation and its first workspace admin.

The admin gets no password: the command prints a single-use invitation link (and
mails it with --send) by which they choose one.
"""

from __future__ import annotations

import smtplib
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_email, validate_slug
from django.db import IntegrityError, transaction
from django.urls import reverse

from tweespraak.accounts.invitations import send_invitation
from tweespraak.accounts.models import Invitation, Language, Person, Workspace


class Command(BaseCommand):
    help = (
        "Creates a workspace with its first workspace admin and prints the admin's "
        "invitation link (valid for INVITATION_VALID_DAYS days, single use)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--name", required=True, help="Name of the organisation.")
        parser.add_argument(
            "--slug", required=True, help="Short name: letters, digits, dashes and underscores."
        )
        parser.add_argument("--admin-email", required=True, help="E-mail address of the admin.")
        parser.add_argument("--admin-name", required=True, help="Full name of the admin.")
        parser.add_argument(
            "--language",
            choices=[code for code, _label in Language.choices],
            default=Language.DUTCH,
            help="Default language of the workspace and of the admin (default: nl).",
        )
        parser.add_argument(
            "--send", action="store_true", help="Also send the invitation by e-mail."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        name, slug, email, admin_name = _validated(options)
        try:
            with transaction.atomic():
                workspace = Workspace.objects.create(
                    name=name, slug=slug, default_language=options["language"]
                )
                admin = Person.objects.create_user(
                    email=email,
                    workspace=workspace,
                    name=admin_name,
                    password=None,
                    language=options["language"],
                    is_workspace_admin=True,
                )
        except IntegrityError:  # a concurrent run took the slug or the address
            raise CommandError(
                f"The short name '{slug}' or the e-mail address {email} was taken just now. "
                "Nothing was created."
            ) from None
        self.stdout.write(
            self.style.SUCCESS(f"Created workspace '{workspace.name}' ({workspace.slug}).")
        )
        self.stdout.write(f"Workspace admin: {admin.name} <{admin.email}>")
        if options["send"] and self._send(admin):
            return
        _invitation, token = Invitation.issue(admin)
        link = settings.SITE_URL + reverse("invitation_accept", args=[token])
        self.stdout.write("")
        self.stdout.write(
            f"Send this link to {admin.name}; it works once, for "
            f"{settings.INVITATION_VALID_DAYS} days:"
        )
        self.stdout.write(link)

    def _send(self, admin: Person) -> bool:
        """Mail the invitation. On failure, say why; the caller prints a link instead."""
        try:
            send_invitation(admin)
        except (OSError, smtplib.SMTPException) as error:
            self.stderr.write(
                f"The invitation mail to {admin.email} could not be sent ({error}). "
                "Check the EMAIL_* settings. The workspace exists; here is a link instead."
            )
            return False
        self.stdout.write(
            f"Mailed the invitation to {admin.email}; the link in it works once, for "
            f"{settings.INVITATION_VALID_DAYS} days."
        )
        return True


def _validated(options: dict[str, Any]) -> tuple[str, str, str, str]:
    """The name, slug, e-mail address and admin name, or a CommandError saying what's wrong."""
    name = options["name"].strip()
    slug = options["slug"].strip()
    email = Person.objects.normalize_email(options["admin_email"].strip()).lower()
    admin_name = options["admin_name"].strip()
    problems = []
    if not name:
        problems.append("--name is empty.")
    elif len(name) > 120:
        problems.append("--name is longer than 120 characters.")
    try:
        validate_slug(slug)
    except ValidationError:
        problems.append(f"--slug '{slug}' may only hold letters, digits, dashes and underscores.")
    else:
        if len(slug) > 60:
            problems.append("--slug is longer than 60 characters.")
        elif Workspace.objects.filter(slug=slug).exists():
            problems.append(f"A workspace with the short name '{slug}' already exists.")
    try:
        validate_email(email)
    except ValidationError:
        problems.append(f"--admin-email '{email}' is not an e-mail address.")
    else:
        existing = Person.objects.filter(email=email).select_related("workspace").first()
        if existing is not None:
            problems.append(
                f"The e-mail address {email} already belongs to {existing.name} in "
                f"workspace '{existing.workspace.slug}'."
            )
    if not admin_name:
        problems.append("--admin-name is empty.")
    elif len(admin_name) > 150:
        problems.append("--admin-name is longer than 150 characters.")
    if problems:
        raise CommandError("Nothing was created: " + " ".join(problems))
    return name, slug, email, admin_name
