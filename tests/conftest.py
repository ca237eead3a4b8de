"""The fixed cast every test speaks about.

The cast speaks English, so assertions read in the source language; the tests
that are about Dutch (the default) say so and create their own Dutch speakers.

Anouk manages Bram. Chris works in the same workspace but has nothing to do with
them. Hanna is HR, Willem the workspace admin. Dana is in another workspace.
"""

from __future__ import annotations

import email
import email.policy
import logging
import re
import socket
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from urllib.parse import urlsplit

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope
from django.conf import settings
from django.test import Client
from django.utils import translation

from tweespraak.accounts.models import Person, Team, Workspace

PASSWORD = "correct-horse-battery"


def pytest_configure(config: pytest.Config) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    # aiosmtpd logs every connection from its own thread, sometimes after a test's
    # output capture has closed; its warnings and errors still show.
    logging.getLogger("mail.log").setLevel(logging.WARNING)


@dataclass
class Cast:
    workspace: Workspace
    other_workspace: Workspace
    team: Team
    anouk: Person  # manager
    bram: Person  # reports to Anouk
    chris: Person  # colleague, outsider to Anouk and Bram's 1:1s
    hanna: Person  # HR
    willem: Person  # workspace admin
    dana: Person  # another workspace

    def client_for(self, person: Person) -> Client:
        client = Client()
        client.force_login(person)
        return client


def make_person(workspace: Workspace, name: str, email: str, **extra: object) -> Person:
    extra.setdefault("language", "en")
    return Person.objects.create_user(
        email=email, workspace=workspace, name=name, password=PASSWORD, **extra
    )


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """Messages made outside a request (model validation, commands) in English."""
    with translation.override("en"):
        yield


def anonymous_client(language: str = "en") -> Client:
    """A visitor who is not logged in and chose `language` on the login page."""
    anonymous = Client()
    anonymous.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return anonymous


@pytest.fixture
def client() -> Client:
    """An anonymous visitor who chose English on the login page."""
    return anonymous_client()


@pytest.fixture
def dutch_client() -> Client:
    """An anonymous visitor who chose nothing: Tweespraak speaks Dutch to them."""
    return Client()


@pytest.fixture
def cast(db: None) -> Cast:
    workspace = Workspace.objects.create(name="De Werkplaats", slug="werkplaats")
    other = Workspace.objects.create(name="Elders BV", slug="elders")
    team = Team.objects.create(workspace=workspace, name="Productie")
    anouk = make_person(workspace, "Anouk de Vries", "anouk@werkplaats.test", is_manager=True)
    bram = make_person(workspace, "Bram Jansen", "bram@werkplaats.test")
    bram.set_manager(anouk)
    chris = make_person(workspace, "Chris Bakker", "chris@werkplaats.test")
    hanna = make_person(workspace, "Hanna Visser", "hanna@werkplaats.test", is_hr=True)
    willem = make_person(
        workspace, "Willem Smit", "willem@werkplaats.test", is_workspace_admin=True
    )
    dana = make_person(
        other, "Dana Mulder", "dana@elders.test", is_workspace_admin=True, is_hr=True
    )
    team.members.add(anouk, bram, chris)
    return Cast(workspace, other, team, anouk, bram, chris, hanna, willem, dana)


@dataclass
class SmtpServer:
    """A real SMTP server on loopback; `messages` holds what it received, parsed."""

    host: str
    port: int
    messages: list[EmailMessage] = field(default_factory=list)

    async def handle_DATA(self, server: object, session: object, envelope: Envelope) -> str:
        content = envelope.original_content or b""
        message = email.message_from_bytes(content, policy=email.policy.default)
        self.messages.append(typing.cast(EmailMessage, message))
        return "250 Message accepted for delivery"

    def link_path(self, message: EmailMessage) -> str:
        """The path of the (first) link in the plain-text part, to follow with a test client."""
        text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
        match = re.search(r"https?://\S+", text)
        assert match, f"no link in: {text}"
        return urlsplit(match.group()).path


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings) -> Iterator[SmtpServer]:
    """Django sends mail over SMTP to an aiosmtpd server started for this test."""
    server = SmtpServer(host="127.0.0.1", port=_free_port())
    controller = Controller(server, hostname=server.host, port=server.port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = server.host
    settings.EMAIL_PORT = server.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    try:
        yield server
    finally:
        controller.stop()


@pytest.fixture
def series(cast: Cast):  # type: ignore[no-untyped-def]
    """Anouk's biweekly 1:1 with Bram, Tuesdays 09:00 Amsterdam time, from 6 January 2026."""
    import datetime
    import zoneinfo

    from tweespraak.meetings.models import Series

    start = datetime.datetime(2026, 1, 6, 9, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam"))
    one_on_one = Series.objects.create(
        workspace=cast.workspace,
        manager=cast.anouk,
        report=cast.bram,
        cadence="biweekly",
        starts_at=start,
        created_by=cast.anouk,
    )
    one_on_one.ensure_next_meeting()
    return one_on_one
