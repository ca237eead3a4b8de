"""Adding a person: profile, roles, manager through the history, teams and an invitation."""

from __future__ import annotations

import socket

import pytest
from django.urls import reverse

from tweespraak.accounts.models import Invitation, Person

URL = "/people/add/"


def form_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Ellen Peeters",
        "email": "Ellen@Werkplaats.test",
        "job_title": "Assistant",
        "language": "en",
        "time_zone": "Europe/Brussels",
        "is_manager": "on",
        "send_invitation": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def willem(cast):
    return cast.client_for(cast.willem)


def test_the_url_is_people_add(cast):
    assert reverse("people:add") == URL


def test_the_form_offers_the_workspace_language_and_time_zone(cast, willem):
    form = willem.get(URL).context["form"]
    assert form["language"].value() == "nl"
    assert form["time_zone"].value() == "Europe/Amsterdam"
    assert form["send_invitation"].value() is True


def test_the_admin_adds_a_person_with_manager_teams_and_roles(cast, willem, mailoutbox):
    data = form_data(manager=str(cast.anouk.pk), teams=[str(cast.team.pk)])
    response = willem.post(URL, data)
    ellen = Person.objects.get(email="ellen@werkplaats.test")
    assert response.status_code == 302
    assert response["Location"] == reverse("people:detail", args=[ellen.pk])
    assert ellen.workspace == cast.workspace
    assert (ellen.name, ellen.job_title, ellen.language, ellen.time_zone) == (
        "Ellen Peeters",
        "Assistant",
        "en",
        "Europe/Brussels",
    )
    assert ellen.is_manager
    assert not ellen.is_workspace_admin
    assert not ellen.is_hr
    assert list(ellen.teams.all()) == [cast.team]
    assert not ellen.has_usable_password()
    assert ellen.has_invitation_pending


def test_the_manager_is_set_through_the_reporting_line_history(cast, willem, mailoutbox):
    willem.post(URL, form_data(manager=str(cast.anouk.pk)))
    ellen = Person.objects.get(email="ellen@werkplaats.test")
    assert ellen.manager == cast.anouk
    line = ellen.reporting_lines.get()
    assert (line.manager, line.ends_on, line.created_by) == (cast.anouk, None, cast.willem)


def test_adding_with_an_invitation_sends_a_mail(cast, willem, mailoutbox):
    response = willem.post(URL, form_data(), follow=True)
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["Ellen Peeters <ellen@werkplaats.test>"]
    ellen = Person.objects.get(email="ellen@werkplaats.test")
    invitation = Invitation.objects.get(person=ellen)
    assert invitation.invited_by == cast.willem
    assert "An invitation is on its way to ellen@werkplaats.test" in response.content.decode()


def test_adding_without_an_invitation_sends_nothing(cast, willem, mailoutbox):
    willem.post(URL, form_data(send_invitation=None))
    ellen = Person.objects.get(email="ellen@werkplaats.test")
    assert mailoutbox == []
    assert not ellen.invitations.exists()


def test_a_mail_server_problem_is_a_message_and_the_person_is_kept(cast, willem, settings):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port
    response = willem.post(URL, form_data(), follow=True)
    assert response.status_code == 200
    assert "could not be sent" in response.content.decode()
    assert Person.objects.filter(email="ellen@werkplaats.test").exists()


def test_an_email_address_in_use_is_refused_and_the_typed_values_stay(cast, willem, mailoutbox):
    response = willem.post(URL, form_data(email="BRAM@werkplaats.test", job_title="Planner"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "is already in use" in text
    assert 'value="Ellen Peeters"' in text
    assert 'value="Planner"' in text
    assert 'value="BRAM@werkplaats.test"' in text
    assert Person.objects.filter(name="Ellen Peeters").count() == 0
    assert mailoutbox == []


def test_an_email_address_from_another_workspace_is_in_use_too(cast, willem):
    response = willem.post(URL, form_data(email="dana@elders.test"))
    assert "is already in use" in response.content.decode()


def test_a_missing_name_is_a_clear_error(cast, willem):
    response = willem.post(URL, form_data(name=""))
    assert response.status_code == 200
    assert response.context["form"].errors["name"]


def test_only_active_people_of_the_workspace_can_be_manager(cast, willem):
    cast.chris.deactivate()
    choices = {str(person) for person in willem.get(URL).context["form"].fields["manager"].queryset}
    assert choices == {"Anouk de Vries", "Bram Jansen", "Hanna Visser", "Willem Smit"}
    response = willem.post(URL, form_data(manager=str(cast.dana.pk)))
    assert response.context["form"].errors["manager"]


def test_the_form_offers_only_the_workspaces_own_teams(cast):
    form = cast.client_for(cast.dana).get(URL).context["form"]
    assert list(form.fields["teams"].queryset) == []
    assert [str(p) for p in form.fields["manager"].queryset] == ["Dana Mulder"]
