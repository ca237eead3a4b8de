"""The fixed cast every test speaks about.

Anouk manages Bram. Chris works in the same workspace but has nothing to do with
them. Hanna is HR, Willem the workspace admin. Dana is in another workspace.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.conf import settings
from django.test import Client

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
    return Person.objects.create_user(
        email=email, workspace=workspace, name=name, password=PASSWORD, **extra
    )


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
