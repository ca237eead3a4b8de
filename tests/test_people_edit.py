"""Editing a person: profile and roles, a manager change with an effective date, guards."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.urls import reverse

from tests.conftest import make_person
from tweespraak.accounts.forms_people import EditPersonForm
from tweespraak.accounts.models import Person

JAN = datetime.date(2026, 1, 5)
MAR = datetime.date(2026, 3, 1)
TODAY = datetime.date(2026, 4, 15)


@pytest.fixture(autouse=True)
def fixed_day():
    with time_machine.travel(datetime.datetime(2026, 4, 15, 12, 0), tick=False):
        yield


@pytest.fixture
def willem(cast):
    return cast.client_for(cast.willem)


def edit_url(person: Person) -> str:
    return reverse("people:edit", args=[person.pk])


def form_data(person: Person, **changes: object) -> dict[str, object]:
    """The form as it comes, with `changes` applied (None leaves a field out)."""
    data: dict[str, object] = {
        "name": person.name,
        "email": person.email,
        "job_title": person.job_title,
        "language": person.language,
        "time_zone": person.time_zone,
        "manager": str(person.manager_id) if person.manager_id else "",
        "teams": [str(pk) for pk in person.teams.values_list("pk", flat=True)],
        "manager_since": TODAY.isoformat(),
    }
    for role in ("is_workspace_admin", "is_hr", "is_manager"):
        if getattr(person, role):
            data[role] = "on"
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_the_form_shows_the_current_values(cast, willem):
    form = willem.get(edit_url(cast.bram)).context["form"]
    assert form["name"].value() == "Bram Jansen"
    assert str(form["manager"].value()) == str(cast.anouk.pk)
    assert form["manager_since"].value() == TODAY
    assert cast.bram not in form.fields["manager"].queryset  # not his own manager


def test_the_admin_changes_the_profile_roles_and_teams(cast, willem):
    data = form_data(cast.bram, name="Bram Jansen-Smit", job_title="Planner", is_hr="on", teams=[])
    response = willem.post(edit_url(cast.bram), data)
    assert response.status_code == 302
    cast.bram.refresh_from_db()
    assert (cast.bram.name, cast.bram.job_title, cast.bram.is_hr) == (
        "Bram Jansen-Smit",
        "Planner",
        True,
    )
    assert not cast.bram.teams.exists()
    assert cast.bram.manager == cast.anouk
    assert cast.bram.reporting_lines.count() == 1


def test_a_manager_change_on_a_date_keeps_the_history(cast, willem):
    cast.bram.reporting_lines.update(starts_on=JAN)
    response = willem.post(
        edit_url(cast.bram), form_data(cast.bram, manager=str(cast.chris.pk), manager_since=MAR)
    )
    assert response.status_code == 302
    cast.bram.refresh_from_db()
    assert cast.bram.manager == cast.chris
    assert cast.bram.manager_on(MAR - datetime.timedelta(days=1)) == cast.anouk
    assert cast.bram.manager_on(MAR) == cast.chris
    page = willem.get(reverse("people:detail", args=[cast.bram.pk])).content.decode()
    history = page.split('id="history-heading"')[1]
    assert "Anouk de Vries" in history
    assert "Chris Bakker" in history
    assert 'datetime="2026-03-01"' in history
    assert 'datetime="2026-01-05"' in history


def test_the_effective_date_defaults_to_today(cast, willem):
    cast.bram.reporting_lines.update(starts_on=JAN)
    willem.post(
        edit_url(cast.bram), form_data(cast.bram, manager=str(cast.chris.pk), manager_since="")
    )
    new = cast.bram.reporting_lines.get(ends_on=None)
    assert (new.manager, new.starts_on, new.created_by) == (cast.chris, TODAY, cast.willem)


def test_a_change_before_the_current_line_started_is_refused(cast, willem):
    cast.bram.reporting_lines.update(starts_on=MAR)
    data = form_data(cast.bram, manager=str(cast.chris.pk), manager_since=JAN, job_title="Typed")
    response = willem.post(edit_url(cast.bram), data)
    assert response.status_code == 200
    text = response.content.decode()
    assert "The reporting line to Anouk de Vries started on" in text
    assert 'value="Typed"' in text
    cast.bram.refresh_from_db()
    assert cast.bram.manager == cast.anouk
    assert cast.bram.job_title == ""


def test_a_change_in_the_future_is_refused(cast, willem):
    later = TODAY + datetime.timedelta(days=3)
    data = form_data(cast.bram, manager=str(cast.chris.pk), manager_since=later)
    response = willem.post(edit_url(cast.bram), data)
    assert "cannot be in the future" in response.content.decode()
    cast.bram.refresh_from_db()
    assert cast.bram.manager == cast.anouk


def test_a_new_manager_cannot_start_inside_an_earlier_line(cast, willem):
    cast.bram.reporting_lines.update(starts_on=JAN)
    cast.bram.set_manager(None, effective=MAR)
    data = form_data(cast.bram, manager=str(cast.chris.pk), manager_since=JAN)
    response = willem.post(edit_url(cast.bram), data)
    assert "The history already has a manager up to" in response.content.decode()


def test_the_date_is_ignored_when_the_manager_stays(cast, willem):
    data = form_data(cast.bram, manager_since="2020-01-01", job_title="Planner")
    assert willem.post(edit_url(cast.bram), data).status_code == 302


def test_a_cycle_is_refused_with_the_names(cast, willem):
    # Anouk manages Bram; Bram cannot become Anouk's manager.
    response = willem.post(edit_url(cast.anouk), form_data(cast.anouk, manager=str(cast.bram.pk)))
    assert response.status_code == 200
    error = response.context["form"].errors["manager"][0]
    assert error == (
        "Bram Jansen cannot be the manager of Anouk de Vries: Bram Jansen already "
        "reports to Anouk de Vries, directly or through others."
    )
    cast.anouk.refresh_from_db()
    assert cast.anouk.manager is None


def test_a_longer_cycle_is_refused_too(cast, willem):
    ellen = make_person(cast.workspace, "Ellen Peeters", "ellen@werkplaats.test")
    ellen.set_manager(cast.bram)  # Ellen -> Bram -> Anouk
    response = willem.post(edit_url(cast.anouk), form_data(cast.anouk, manager=str(ellen.pk)))
    assert "Ellen Peeters cannot be the manager of Anouk de Vries" in response.content.decode()


def test_the_email_address_of_someone_else_is_refused(cast, willem):
    response = willem.post(edit_url(cast.bram), form_data(cast.bram, email="chris@werkplaats.test"))
    assert "is already in use" in response.content.decode()


def test_keeping_ones_own_email_address_is_fine(cast, willem):
    response = willem.post(edit_url(cast.bram), form_data(cast.bram, email="BRAM@werkplaats.test"))
    assert response.status_code == 302


def test_the_admin_cannot_remove_their_own_admin_role(cast, willem):
    make_person(cast.workspace, "Iris Admin", "iris@werkplaats.test", is_workspace_admin=True)
    data = form_data(cast.willem, is_workspace_admin=None)
    response = willem.post(edit_url(cast.willem), data)
    assert response.status_code == 200
    assert "You cannot remove your own workspace admin role" in response.content.decode()
    cast.willem.refresh_from_db()
    assert cast.willem.is_workspace_admin


def test_an_admin_may_remove_another_admins_role(cast, willem):
    iris = make_person(
        cast.workspace, "Iris Admin", "iris@werkplaats.test", is_workspace_admin=True
    )
    response = willem.post(edit_url(iris), form_data(iris, is_workspace_admin=None))
    assert response.status_code == 302
    iris.refresh_from_db()
    assert not iris.is_workspace_admin


def test_the_last_workspace_admin_cannot_be_demoted(cast):
    # Whoever asks: without another active admin, nobody could manage the workspace.
    iris = make_person(
        cast.workspace, "Iris Admin", "iris@werkplaats.test", is_workspace_admin=True
    )
    iris.deactivate()
    form = EditPersonForm(
        form_data(cast.willem, is_workspace_admin=None),
        instance=cast.willem,
        workspace=cast.workspace,
        editor=iris,
    )
    assert not form.is_valid()
    assert form.errors["is_workspace_admin"] == [
        "Willem Smit is the last workspace admin. Make someone else a workspace admin first."
    ]


def test_a_deactivated_manager_stays_selectable_for_their_reports(cast, willem):
    cast.anouk.deactivate()
    response = willem.post(edit_url(cast.bram), form_data(cast.bram, job_title="Planner"))
    assert response.status_code == 302
    cast.bram.refresh_from_db()
    assert cast.bram.manager == cast.anouk
