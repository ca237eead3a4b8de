"""A lived-in demo workspace: Werkbedrijf De Schakel, a Dutch learn-work company.

`tweespraak demo` builds it once (the workspace with slug `demo`) and prints the
logins. Everything here is data in module-level constants, so a later feature adds
its demo data next to the people below and one `build_*` step to `build_demo()`.

Names, job titles and team descriptions are demo data, not UI text: no i18n.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from tweespraak.accounts.models import Invitation, Language, Person, Team, Workspace

WORKSPACE_NAME = "Werkbedrijf De Schakel"
WORKSPACE_SLUG = "demo"
EMAIL_DOMAIN = "demo.tweespraak.test"  # .test is reserved: mail to it never leaves.
DEMO_PASSWORD = "goed-gesprek-42"  # noqa: S105 - printed for everyone to use

PROD = "Productie & Inpak"
GREEN = "Groen & Onderhoud"
FACILITY = "Facilitair"
OFFICE = "Kantoor & Administratie"
LEARN = "Leerwerktraject"

TEAMS: dict[str, str] = {
    PROD: "Montage en inpakwerk voor klanten, in twee ploegen. Praktijkbegeleiders "
    "werken mee aan de lijn.",
    GREEN: "Groenonderhoud van bedrijventerreinen en gemeenteparken, en klein onderhoud.",
    FACILITY: "Schoonmaak, kantine, receptie en post, voor De Schakel en twee klanten.",
    OFFICE: "Directie, planning, financiën en HR.",
    LEARN: "Een jaar leren in de praktijk, op weg naar een certificaat en een reguliere "
    "baan. Met een jobcoach.",
}


# Managers, referred to below by these keys.
MARIEKE = "marieke.vandijk"
SANNE = "sanne.bakker"
MOHAMED = "mohamed.elamrani"
JOOST = "joost.hendriks"
FATMA = "fatma.yilmaz"
PRIYA = "priya.ramdin"

ROLES = ("manager", "hr", "admin")


@dataclass(frozen=True)
class DemoPerson:
    """One person. `key` is the local part of their e-mail address.

    `roles` holds words from ROLES; `also` lists teams besides the main `team`.
    """

    key: str
    name: str
    job_title: str
    team: str
    reports_to: str | None  # key of the current manager
    joined_days_ago: int
    roles: str = ""
    lang: str = Language.DUTCH
    also: tuple[str, ...] = ()

    @property
    def email(self) -> str:
        return f"{self.key}@{EMAIL_DOMAIN}"

    @property
    def teams(self) -> tuple[str, ...]:
        return (self.team, *self.also)

    def has_role(self, role: str) -> bool:
        if role not in ROLES:
            raise ValueError(f"Unknown demo role {role!r}; use one of {ROLES}.")
        return role in self.roles.split()


P = DemoPerson
PEOPLE: tuple[DemoPerson, ...] = (
    # Kantoor & Administratie: the director, HR, the workspace admin and the office.
    P(MARIEKE, "Marieke van Dijk", "Directeur", OFFICE, None, 3650, "manager"),
    P("ingrid.kok", "Ingrid Kok", "HR-adviseur", OFFICE, MARIEKE, 2100, "hr"),
    P("tom.verbeek", "Tom Verbeek", "Applicatiebeheerder", OFFICE, MARIEKE, 1500, "admin"),
    P("liam.oconnor", "Liam O'Connor", "Financial controller", OFFICE, MARIEKE, 480, lang="en"),
    P("esther.brouwer", "Esther Brouwer", "Administratief medewerker", OFFICE, MARIEKE, 2800),
    P("kees.dewit", "Kees de Wit", "Planner", OFFICE, MARIEKE, 3100),
    # Productie & Inpak: two praktijkbegeleiders coach the colleagues on the work floor.
    P(SANNE, "Sanne Bakker", "Praktijkbegeleider", PROD, MARIEKE, 2400, "manager"),
    P("daan.vermeulen", "Daan Vermeulen", "Productiemedewerker", PROD, SANNE, 1300),
    P("agnieszka.nowak", "Agnieszka Nowak", "Productiemedewerker", PROD, SANNE, 1100, lang="en"),
    P("rachid.boukhari", "Rachid Boukhari", "Orderpicker", PROD, SANNE, 900),
    P("lotte.meijer", "Lotte Meijer", "Inpakmedewerker", PROD, SANNE, 600),
    P("kevin.degroot", "Kevin de Groot", "Productiemedewerker", PROD, SANNE, 750),
    P("gertjan.mulder", "Gert-Jan Mulder", "Heftruckchauffeur", PROD, SANNE, 4200),
    P("samira.haddou", "Samira Haddou", "Inpakmedewerker", PROD, SANNE, 380),
    P(MOHAMED, "Mohamed El Amrani", "Praktijkbegeleider", PROD, MARIEKE, 1900, "manager"),
    P("femke.smit", "Femke Smit", "Inpakmedewerker", PROD, MOHAMED, 1400),
    P("tyrone.martina", "Tyrone Martina", "Productiemedewerker", PROD, MOHAMED, 820),
    P("wendy.hoekstra", "Wendy Hoekstra", "Kwaliteitscontroleur", PROD, MOHAMED, 2600),
    P("bayu.wijaya", "Bayu Wijaya", "Inpakmedewerker", PROD, MOHAMED, 540),
    P("erik.vanleeuwen", "Erik van Leeuwen", "Machineoperator", PROD, MOHAMED, 3300),
    P("dewi.sastro", "Dewi Sastro", "Inpakmedewerker", PROD, MOHAMED, 260),
    # Groen & Onderhoud.
    P(JOOST, "Joost Hendriks", "Teamleider groen", GREEN, MARIEKE, 2900, "manager"),
    P("henk.dekker", "Henk Dekker", "Hovenier", GREEN, JOOST, 5200),
    P("youssef.bennani", "Youssef Bennani", "Medewerker groenonderhoud", GREEN, JOOST, 1000),
    P("jeroen.bos", "Jeroen Bos", "Medewerker groenonderhoud", GREEN, JOOST, 700),
    P("nadia.pinas", "Nadia Pinas", "Medewerker groenvoorziening", GREEN, JOOST, 1250),
    P("ricardo.martis", "Ricardo Martis", "Onderhoudsmonteur", GREEN, JOOST, 1800),
    # Facilitair.
    P(FATMA, "Fatma Yılmaz", "Teamleider facilitair", FACILITY, MARIEKE, 2200, "manager"),  # noqa: RUF001
    P("linda.peters", "Linda Peters", "Schoonmaakmedewerker", FACILITY, FATMA, 3900),
    P("stefan.koster", "Stefan Koster", "Medewerker kantine", FACILITY, FATMA, 1600),
    P("ayse.demir", "Ayşe Demir", "Receptionist", FACILITY, FATMA, 950),
    P("bas.willems", "Bas Willems", "Medewerker postkamer", FACILITY, FATMA, 2050),
    P("chantal.zeegers", "Chantal Zeegers", "Schoonmaakmedewerker", FACILITY, FATMA, 430),
    # Leerwerktraject: learners also belong to the team where they learn the work.
    P(PRIYA, "Priya Ramdin", "Jobcoach", LEARN, MARIEKE, 1700, "manager"),
    P("milan.jovanovic", "Milan Jovanović", "Leerwerker magazijn", LEARN, PRIYA, 560, also=(PROD,)),
    P("jesse.kramer", "Jesse Kramer", "Leerwerker groen", LEARN, PRIYA, 300, also=(GREEN,)),
    P("amira.saleh", "Amira Saleh", "Leerwerker facilitair", LEARN, PRIYA, 210, also=(FACILITY,)),
    P("thijs.vos", "Thijs Vos", "Leerwerker productie", LEARN, PRIYA, 150, also=(PROD,)),
    P("senna.rozendaal", "Senna Rozendaal", "Leerwerker kantoor", LEARN, PRIYA, 90, also=(OFFICE,)),
    P("yara.mahabier", "Yara Mahabier", "Leerwerker facilitair", LEARN, PRIYA, 3, also=(FACILITY,)),
)
del P

# Reporting lines for people who changed manager, oldest first: (manager key, started
# this many days ago). The last entry is their current manager (DemoPerson.reports_to).
# Everyone else has one line, from the day they joined.
REPORTING_HISTORY: dict[str, tuple[tuple[str, int], ...]] = {
    "agnieszka.nowak": ((MOHAMED, 1100), (SANNE, 250)),
    "ricardo.martis": ((FATMA, 1800), (JOOST, 120)),
    "milan.jovanovic": ((SANNE, 560), (MOHAMED, 330), (PRIYA, 75)),
}

# Leavers: deactivated this many days ago. Their history stays.
LEAVERS: dict[str, int] = {"kevin.degroot": 45}

# Invited but not yet joined: no password, an open invitation (issued, never mailed).
INVITED: dict[str, str] = {"yara.mahabier": "ingrid.kok"}  # person: invited by

# The logins printed at the end, in this order: (role, person key).
LOGINS: tuple[tuple[str, str], ...] = (
    ("manager", SANNE),
    ("employee", "daan.vermeulen"),
    ("HR", "ingrid.kok"),
    ("workspace admin", "tom.verbeek"),
)


class DemoError(Exception):
    """The demo cannot be built, e.g. because its e-mail addresses are taken."""


@dataclass(frozen=True)
class DemoLogin:
    role: str
    name: str
    email: str
    password: str


@dataclass(frozen=True)
class DemoResult:
    workspace: Workspace
    created: bool
    invitation_links: dict[str, str]  # name: link, only when created just now


def build_demo() -> DemoResult:
    """Build the demo workspace unless it exists. Safe to call again and again."""
    workspace = Workspace.objects.filter(slug=WORKSPACE_SLUG).first()
    if workspace is not None:
        return DemoResult(workspace, created=False, invitation_links={})
    with transaction.atomic():
        workspace, people, tokens = build_organisation()
    return DemoResult(workspace, created=True, invitation_links=_links(people, tokens))


def build_organisation() -> tuple[Workspace, dict[str, Person], dict[str, str]]:
    """Workspace, teams, people, reporting lines, a leaver and an open invitation.

    Returns the workspace, the people by key and the invitation tokens by key.
    """
    emails = [person.email for person in PEOPLE]
    taken = Person.objects.filter(email__in=emails).values_list("email", flat=True)
    if taken:
        raise DemoError(
            f"These demo e-mail addresses already belong to someone outside the demo "
            f"workspace: {', '.join(sorted(taken))}."
        )
    workspace = Workspace.objects.create(
        name=WORKSPACE_NAME, slug=WORKSPACE_SLUG, default_language=Language.DUTCH
    )
    teams = build_teams(workspace)
    people = build_people(workspace, teams)
    build_reporting_lines(people)
    build_leavers(people)
    tokens = build_invitations(people)
    build_one_on_ones(people)
    build_mail_log(workspace)
    return workspace, people, tokens


def build_mail_log(workspace: Workspace) -> None:
    """Sent notifications in the admins' mail log (tweespraak/notify/demo.py)."""
    from tweespraak.notify.demo import build_mail_log as build_log

    build_log(workspace)


def build_one_on_ones(people: dict[str, Person]) -> None:
    """Six months of 1:1 history (tweespraak/meetings/demo.py)."""
    from tweespraak.meetings.demo import build_one_on_ones as build_history

    build_history(people)


def build_teams(workspace: Workspace) -> dict[str, Team]:
    teams = [
        Team(workspace=workspace, name=name, description=description)
        for name, description in TEAMS.items()
    ]
    Team.objects.bulk_create(teams)
    return {team.name: team for team in teams}


def build_people(workspace: Workspace, teams: dict[str, Team]) -> dict[str, Person]:
    """Everyone, with the demo password (hashed once: hashing is slow on purpose)."""
    now = timezone.now()
    password = make_password(DEMO_PASSWORD)
    people = {
        data.key: Person(
            workspace=workspace,
            email=data.email,
            name=data.name,
            job_title=data.job_title,
            language=data.lang,
            is_manager=data.has_role("manager"),
            is_hr=data.has_role("hr"),
            is_workspace_admin=data.has_role("admin"),
            joined_at=now - datetime.timedelta(days=data.joined_days_ago),
            password=make_password(None) if data.key in INVITED else password,
        )
        for data in PEOPLE
    }
    Person.objects.bulk_create(people.values())
    Membership = Person.teams.through
    Membership.objects.bulk_create(
        Membership(person=people[data.key], team=teams[team])
        for data in PEOPLE
        for team in data.teams
    )
    return people


def build_reporting_lines(people: dict[str, Person]) -> None:
    """Each person's reporting lines in date order, through `Person.set_manager`."""
    today = timezone.localdate()
    for data in PEOPLE:
        if data.reports_to is None:
            continue
        history = REPORTING_HISTORY.get(data.key, ((data.reports_to, data.joined_days_ago),))
        if history[-1][0] != data.reports_to:
            raise DemoError(f"The reporting history of {data.key} must end with its manager.")
        person = people[data.key]
        for manager_key, days_ago in history:
            effective = today - datetime.timedelta(days=days_ago)
            person.set_manager(people[manager_key], effective=effective)


def build_leavers(people: dict[str, Person]) -> None:
    now = timezone.now()
    for key, days_ago in LEAVERS.items():
        person = people[key]
        person.deactivate()
        person.deactivated_at = now - datetime.timedelta(days=days_ago)
        person.save(update_fields=["deactivated_at"])


def build_invitations(people: dict[str, Person]) -> dict[str, str]:
    """Open invitations, by person key: the token. Nothing is mailed."""
    tokens = {}
    for key, inviter in INVITED.items():
        _invitation, token = Invitation.issue(people[key], invited_by=people[inviter])
        tokens[key] = token
    return tokens


def _links(people: dict[str, Person], tokens: dict[str, str]) -> dict[str, str]:
    links = {}
    for key, token in tokens.items():
        try:
            path = reverse("invitation_accept", args=[token])
        except NoReverseMatch:  # the invitation page is not there yet
            continue
        links[people[key].name] = settings.SITE_URL + path
    return links


def demo_logins(workspace: Workspace) -> list[DemoLogin]:
    """The logins to print, with the names as they are now in the workspace."""
    emails = {f"{key}@{EMAIL_DOMAIN}": role for role, key in LOGINS}
    found = {
        person.email: person
        for person in Person.objects.in_workspace(workspace).filter(email__in=emails)
    }
    return [
        DemoLogin(role, found[email].name, email, DEMO_PASSWORD)
        for email, role in emails.items()
        if email in found
    ]
