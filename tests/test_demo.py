"""`tweespraak demo`: a lived-in workspace, built once, with logins that work."""

from __future__ import annotations

import datetime
import re
from io import StringIO

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from tests.conftest import anonymous_client, make_person
from tweespraak.accounts import demo
from tweespraak.accounts.models import Invitation, Person, ReportingLine, Team, Workspace

LOGIN_ROW = re.compile(
    r"^\s+(?P<role>.+?)\s{2,}(?P<name>.+?)\s{2,}(?P<email>\S+@\S+)\s+(?P<pw>\S+)$"
)


def run_demo() -> str:
    out = StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def printed_logins(output: str) -> list[dict[str, str]]:
    return [match.groupdict() for line in output.splitlines() if (match := LOGIN_ROW.match(line))]


def demo_counts() -> dict[str, int]:
    workspace = Workspace.objects.get(slug=demo.WORKSPACE_SLUG)
    people = Person.objects.in_workspace(workspace)
    return {
        "workspaces": Workspace.objects.count(),
        "people": people.count(),
        "active": people.active().count(),
        "teams": Team.objects.filter(workspace=workspace).count(),
        "managers_with_reports": people.filter(is_manager=True, direct_reports__isnull=False)
        .distinct()
        .count(),
        "hr": people.filter(is_hr=True).count(),
        "admins": people.filter(is_workspace_admin=True).count(),
        "english": people.filter(language="en").count(),
        "pending": people.invitation_pending().count(),
        "usable_invitations": Invitation.objects.usable()
        .filter(person__workspace=workspace)
        .count(),
        "reporting_lines": ReportingLine.objects.filter(workspace=workspace).count(),
    }


@pytest.fixture
def demo_output(db: None) -> str:
    return run_demo()


def test_demo_builds_a_workspace_of_forty_people_in_five_teams(demo_output):
    counts = demo_counts()
    assert counts["people"] == 40
    assert counts["active"] == 39
    assert counts["teams"] == 5
    assert counts["managers_with_reports"] == 6
    assert counts["hr"] == 1
    assert counts["admins"] == 1
    assert counts["english"] == 2


def test_the_work_floor_team_is_led_by_praktijkbegeleiders(demo_output):
    team = Team.objects.get(workspace__slug="demo", name="Productie & Inpak")
    leaders = team.members.filter(is_manager=True)
    assert {leader.job_title for leader in leaders} == {"Praktijkbegeleider"}
    assert leaders.count() == 2


def test_one_leaver_is_deactivated_and_cannot_log_in(demo_output):
    leaver = Person.objects.get(workspace__slug="demo", is_active=False)
    assert leaver.deactivated_at is not None
    assert leaver.deactivated_at < timezone.now() - datetime.timedelta(days=30)
    assert leaver.reporting_lines.exists()  # history stays
    response = anonymous_client().post(
        reverse("login"), {"username": leaver.email, "password": demo.DEMO_PASSWORD}
    )
    assert response.status_code == 200  # the form again, with an error


def test_one_person_has_a_pending_invitation_and_no_password(demo_output):
    invited = Person.objects.in_workspace(Workspace.objects.get(slug="demo")).invitation_pending()
    assert [person.name for person in invited] == ["Yara Mahabier"]
    invitation = Invitation.objects.usable().get(person=invited[0])
    assert invitation.invited_by is not None
    assert invitation.invited_by.is_hr


def test_nothing_is_mailed(demo_output, mailoutbox):
    assert mailoutbox == []


def test_running_the_demo_again_changes_nothing_and_prints_the_logins_again(demo_output):
    before = demo_counts()
    again = run_demo()
    assert demo_counts() == before
    assert "already there" in again
    assert printed_logins(again) == printed_logins(demo_output)
    assert "Invitation link" not in again  # the token was shown once, on creation


def test_the_first_run_prints_a_working_invitation_link(demo_output):
    link = re.search(r"Invitation link for Yara Mahabier .*: (\S+)", demo_output)
    assert link is not None
    path = link.group(1).split("://", 1)[1].split("/", 1)[1]
    response = anonymous_client().get("/" + path)
    assert response.status_code == 200
    assert "Yara" in response.content.decode()


def test_at_least_two_people_changed_manager_in_the_last_year(demo_output):
    year_ago = timezone.localdate() - datetime.timedelta(days=365)
    changed = Person.objects.filter(
        workspace__slug="demo", reporting_lines__ends_on__gte=year_ago
    ).distinct()
    assert changed.count() >= 2
    agnieszka = Person.objects.get(email="agnieszka.nowak@demo.tweespraak.test")
    lines = list(agnieszka.reporting_lines.order_by("starts_on"))
    assert [line.manager.name for line in lines] == ["Mohamed El Amrani", "Sanne Bakker"]
    assert lines[0].ends_on == lines[1].starts_on
    assert agnieszka.manager_on(lines[0].starts_on).name == "Mohamed El Amrani"
    assert agnieszka.manager_on(timezone.localdate()).name == "Sanne Bakker"


def test_every_current_manager_matches_the_open_reporting_line(demo_output):
    for person in Person.objects.filter(workspace__slug="demo").exclude(manager=None):
        open_line = person.reporting_lines.get(ends_on=None)
        assert open_line.manager_id == person.manager_id, person.name


def test_reporting_lines_have_no_cycles_and_end_at_the_director(demo_output):
    managers = dict(Person.objects.filter(workspace__slug="demo").values_list("pk", "manager"))
    tops = {pk for pk, manager in managers.items() if manager is None}
    assert len(tops) == 1
    for pk in managers:
        seen = {pk}
        current = managers[pk]
        while current is not None:
            assert current not in seen, "cycle in the reporting lines"
            seen.add(current)
            current = managers[current]
        assert seen & tops


@pytest.mark.parametrize("role", ["manager", "employee", "HR", "workspace admin"])
def test_the_printed_logins_can_log_in(demo_output, role):
    logins = {login["role"]: login for login in printed_logins(demo_output)}
    assert list(logins) == ["manager", "employee", "HR", "workspace admin"]
    login = logins[role]
    client = anonymous_client()
    response = client.post(reverse("login"), {"username": login["email"], "password": login["pw"]})
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    home = client.get(reverse("home"))
    assert home.status_code == 200
    assert login["name"].split()[0] in home.content.decode()


def test_the_printed_manager_sees_her_reports(demo_output):
    manager = Person.objects.get(email="sanne.bakker@demo.tweespraak.test")
    reports = set(manager.direct_reports.active().values_list("name", flat=True))
    assert {"Daan Vermeulen", "Agnieszka Nowak"} <= reports
    assert "Kevin de Groot" not in reports  # the leaver


def test_the_demo_password_passes_the_password_rules(demo_output):
    for login in printed_logins(demo_output):
        validate_password(login["pw"], Person.objects.get(email=login["email"]))


def test_demo_refuses_when_its_addresses_are_taken_and_builds_nothing(db):
    elsewhere = Workspace.objects.create(name="Elders", slug="elders")
    make_person(elsewhere, "Sanne Bakker", "sanne.bakker@demo.tweespraak.test")
    with pytest.raises(CommandError, match=r"sanne\.bakker@demo\.tweespraak\.test"):
        run_demo()
    assert not Workspace.objects.filter(slug="demo").exists()


def test_the_demo_data_is_consistent():
    keys = [person.key for person in demo.PEOPLE]
    assert len(keys) == len(set(keys))
    assert len({person.name for person in demo.PEOPLE}) == len(keys)
    for person in demo.PEOPLE:
        assert person.reports_to is None or person.reports_to in keys
        assert set(person.teams) <= set(demo.TEAMS)
        for role in person.roles.split():
            assert role in demo.ROLES
    for key, history in demo.REPORTING_HISTORY.items():
        days = [days_ago for _manager, days_ago in history]
        assert days == sorted(days, reverse=True), f"{key}: oldest line first"
    assert all(key in keys for _role, key in demo.LOGINS)
