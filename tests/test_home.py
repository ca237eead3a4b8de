from __future__ import annotations

from django.urls import reverse


def test_anonymous_goes_to_login(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_manager_sees_her_reports_and_team(cast):
    response = cast.client_for(cast.anouk).get(reverse("home"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Bram Jansen" in text
    assert "Productie" in text
    assert "Chris Bakker" in text
    assert "Dana Mulder" not in text


def test_report_sees_his_manager(cast):
    response = cast.client_for(cast.bram).get(reverse("home"))
    assert "Anouk de Vries" in response.content.decode()
