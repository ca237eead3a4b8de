"""The live fragment: what the meeting page polls every few seconds."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tweespraak.meetings.agenda import add_point
from tweespraak.meetings.models import Agreement, Meeting


@pytest.fixture
def meeting(series) -> Meeting:  # type: ignore[no-untyped-def]
    return series.upcoming_meeting()


def live(client, meeting, version: str = ""):  # type: ignore[no-untyped-def]
    url = reverse("meetings:live", args=[meeting.pk])
    return client.get(url, {"v": version} if version else {}, HTTP_HX_REQUEST="true")


def version_in(html: str) -> str:
    match = re.search(r'id="live-poll"[^>]*\?v=([0-9a-f]+)', html)
    assert match, html[:300]
    return match.group(1)


def test_a_point_the_other_participant_adds_appears_in_the_next_poll(cast, series, meeting):
    anouk = cast.client_for(cast.anouk)
    page = anouk.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    version = version_in(page)
    assert live(anouk, meeting, version).status_code == 204
    add_point(series, cast.bram, "The broken forklift")
    response = live(anouk, meeting, version)
    assert response.status_code == 200
    html = response.content.decode()
    assert "The broken forklift" in html
    assert 'hx-swap-oob="true"' in html
    assert version_in(html) != version


def test_an_agreement_the_other_participant_adds_appears_in_the_next_poll(cast, series, meeting):
    anouk = cast.client_for(cast.anouk)
    version = version_in(live(anouk, meeting).content.decode())
    Agreement.objects.create(
        series=series, meeting=meeting, owner=cast.bram, text="Call the supplier"
    )
    html = live(anouk, meeting, version).content.decode()
    assert "Call the supplier" in html
    assert 'id="agreements-live"' in html


def test_the_fragment_refreshes_only_lists_never_the_forms_one_types_in(cast, series, meeting):
    html = live(cast.client_for(cast.anouk), meeting).content.decode()
    assert 'id="point-add"' not in html
    assert "<textarea" not in html.split('id="agreements-live"')[0]
    assert "notes-panel" not in html


def test_a_private_point_never_reaches_the_other_participant_live(cast, series, meeting):
    add_point(series, cast.bram, "Considering part-time work", is_private=True)
    assert (
        "Considering part-time work"
        not in live(cast.client_for(cast.anouk), meeting).content.decode()
    )
    assert (
        "Considering part-time work" in live(cast.client_for(cast.bram), meeting).content.decode()
    )


def test_the_same_content_gives_the_same_version_for_every_request(cast, series, meeting):
    add_point(series, cast.bram, "Stable")
    anouk = cast.client_for(cast.anouk)
    first = version_in(live(anouk, meeting).content.decode())
    assert version_in(live(anouk, meeting).content.decode()) == first


def test_polling_stops_and_the_page_reloads_once_the_meeting_is_held(cast, meeting):
    meeting.complete(by=cast.bram)
    response = live(cast.client_for(cast.anouk), meeting, "old")
    assert response.status_code == 286
    assert response["HX-Refresh"] == "true"
