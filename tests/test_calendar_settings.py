"""The calendar section of the settings page, and making a new feed address."""

from __future__ import annotations

from django.urls import reverse

from tweespraak.calendars.models import CalendarFeed


def test_the_settings_page_shows_my_own_feed_address(cast):
    text = cast.client_for(cast.bram).get(reverse("settings")).content.decode()
    token = CalendarFeed.objects.get(person=cast.bram).token
    assert f"/calendar/feed/{token}.ics" in text
    assert 'for="calendar-feed-url"' in text
    assert "Outlook" in text
    assert "Google Calendar" in text
    assert "Apple Calendar" in text
    assert reverse("calendars:reset") in text


def test_the_address_stays_the_same_between_visits(cast):
    client = cast.client_for(cast.anouk)
    client.get(reverse("settings"))
    first = CalendarFeed.objects.get(person=cast.anouk).token
    text = client.get(reverse("settings")).content.decode()
    assert first in text
    assert CalendarFeed.objects.count() == 1


def test_nobody_sees_another_persons_address(cast):
    bram_token = CalendarFeed.for_person(cast.bram).token
    for person in (cast.anouk, cast.hanna, cast.willem, cast.dana):
        text = cast.client_for(person).get(reverse("settings")).content.decode()
        assert bram_token not in text


def test_reset_asks_for_confirmation_first(cast):
    token = CalendarFeed.for_person(cast.bram).token
    response = cast.client_for(cast.bram).get(reverse("calendars:reset"))
    assert response.status_code == 200
    assert "stops working" in response.content.decode()
    assert CalendarFeed.objects.get(person=cast.bram).token == token


def test_reset_makes_a_new_address_for_me_only(cast):
    anouk_token = CalendarFeed.for_person(cast.anouk).token
    bram_token = CalendarFeed.for_person(cast.bram).token
    response = cast.client_for(cast.bram).post(reverse("calendars:reset"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("settings")
    new = CalendarFeed.objects.get(person=cast.bram).token
    assert new != bram_token
    assert new in response.content.decode()
    assert "old one no longer works" in response.content.decode()
    assert CalendarFeed.objects.get(person=cast.anouk).token == anouk_token


def test_anonymous_visitors_are_sent_to_login(client, db):
    for method in (client.get, client.post):
        response = method(reverse("calendars:reset"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    assert not CalendarFeed.objects.exists()


def test_the_feed_only_answers_get(client, cast):
    url = reverse("calendars:feed", args=[CalendarFeed.for_person(cast.bram).token])
    assert client.post(url).status_code == 405
