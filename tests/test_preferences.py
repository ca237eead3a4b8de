"""Language and time zone: Dutch by default, English per person, saved on the person."""

from __future__ import annotations

import pytest
from django.urls import reverse


def test_anonymous_visitor_gets_dutch_whatever_the_browser_asks(dutch_client, db):
    response = dutch_client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    assert response["Content-Language"] == "nl"
    text = response.content.decode()
    assert '<html lang="nl">' in text
    assert "Inloggen" in text


def test_anonymous_visitor_can_choose_english_on_the_login_page(dutch_client, db):
    response = dutch_client.post(
        reverse("set_language"), {"language": "en", "next": reverse("login")}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("login")
    response = dutch_client.get(reverse("login"))
    assert response["Content-Language"] == "en"
    assert "Log in to Tweespraak" in response.content.decode()


def test_language_choice_is_saved_on_the_person(cast):
    client = cast.client_for(cast.bram)
    client.post(reverse("set_language"), {"language": "nl", "next": "/"})
    cast.bram.refresh_from_db()
    assert cast.bram.language == "nl"
    client.cookies.clear()
    client.force_login(cast.bram)
    assert client.get(reverse("home"))["Content-Language"] == "nl"


def test_person_language_wins_over_the_cookie(cast):
    client = cast.client_for(cast.anouk)
    client.cookies["django_language"] = "nl"
    assert client.get(reverse("home"))["Content-Language"] == "en"


def test_unknown_language_changes_nothing(cast):
    client = cast.client_for(cast.bram)
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    cast.bram.refresh_from_db()
    assert cast.bram.language == "en"


def test_a_dutch_speaker_sees_the_home_page_in_dutch(cast):
    cast.bram.language = "nl"
    cast.bram.save(update_fields=["language"])
    text = cast.client_for(cast.bram).get(reverse("home")).content.decode()
    assert '<html lang="nl">' in text
    assert "Mijn leidinggevende" in text
    assert "Uitloggen" in text


def test_language_switch_never_redirects_to_another_site(client, db):
    response = client.post(
        reverse("set_language"), {"language": "en", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_language_switch_is_post_only(client, db):
    assert client.get(reverse("set_language")).status_code == 405


def test_settings_page_needs_login(client, db):
    response = client.get(reverse("settings"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_person_changes_name_language_and_time_zone(cast):
    client = cast.client_for(cast.bram)
    response = client.post(
        reverse("settings"),
        {"name": "Bram J. Jansen", "language": "en", "time_zone": "America/Curacao"},
    )
    assert response.status_code == 302
    cast.bram.refresh_from_db()
    assert (cast.bram.name, cast.bram.language, cast.bram.time_zone) == (
        "Bram J. Jansen",
        "en",
        "America/Curacao",
    )


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": "", "language": "nl", "time_zone": "Europe/Amsterdam"}, "name"),
        ({"name": "Bram", "language": "xx", "time_zone": "Europe/Amsterdam"}, "language"),
        ({"name": "Bram", "language": "nl", "time_zone": "Nowhere/Land"}, "time_zone"),
    ],
)
def test_bad_settings_are_refused_and_typed_values_kept(cast, data, field):
    response = cast.client_for(cast.bram).post(reverse("settings"), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert response.context["form"].data["name"] == data["name"]
    cast.bram.refresh_from_db()
    assert cast.bram.name == "Bram Jansen"


def test_requests_run_in_the_persons_time_zone_and_language(cast, rf):
    from django.http import HttpResponse
    from django.utils import timezone, translation

    from tweespraak.accounts.middleware import PersonPreferencesMiddleware

    seen = {}

    def view(request):
        seen["zone"] = str(timezone.get_current_timezone())
        seen["language"] = translation.get_language()
        return HttpResponse()

    cast.bram.time_zone = "Asia/Tokyo"
    cast.bram.language = "en"
    request = rf.get("/")
    request.user = cast.bram
    PersonPreferencesMiddleware(view)(request)
    assert seen == {"zone": "Asia/Tokyo", "language": "en"}
    assert str(timezone.get_current_timezone()) != "Asia/Tokyo"
