"""Only the two participants reach a 1:1's content; everyone else gets a 404."""

from __future__ import annotations

import uuid

import pytest
from django.http import Http404

from tweespraak.meetings.access import (
    get_agreement_for,
    get_meeting_for,
    get_point_for,
    get_series_for,
)
from tweespraak.meetings.models import Agreement, TalkingPoint


@pytest.fixture
def request_as(rf):
    def make(person):
        request = rf.get("/")
        request.user = person
        return request

    return make


@pytest.fixture
def content(series, cast):
    return {
        get_series_for: series.pk,
        get_meeting_for: series.upcoming_meeting().pk,
        get_point_for: TalkingPoint.objects.create(series=series, author=cast.bram, text="A").pk,
        get_agreement_for: Agreement.objects.create(series=series, owner=cast.bram, text="B").pk,
    }


@pytest.mark.parametrize("who", ["anouk", "bram"])
def test_both_participants_reach_everything(cast, content, request_as, who):
    for helper, object_id in content.items():
        found, can_edit = helper(request_as(getattr(cast, who)), object_id)
        assert found.pk == object_id
        assert can_edit


@pytest.mark.parametrize("who", ["chris", "hanna", "willem", "dana"])
def test_everyone_else_gets_404_hr_and_admin_included(cast, content, request_as, who):
    for helper, object_id in content.items():
        with pytest.raises(Http404):
            helper(request_as(getattr(cast, who)), object_id)


def test_the_managers_manager_gets_404(cast, content, request_as):
    cast.anouk.set_manager(cast.willem)
    with pytest.raises(Http404):
        get_series_for(request_as(cast.willem), content[get_series_for])


def test_a_private_point_is_404_for_the_other_participant(series, cast, request_as):
    secret = TalkingPoint.objects.create(series=series, author=cast.bram, text="S", is_private=True)
    assert get_point_for(request_as(cast.bram), secret.pk)[0] == secret
    with pytest.raises(Http404):
        get_point_for(request_as(cast.anouk), secret.pk)


def test_an_ended_series_is_read_only(series, cast, request_as):
    series.end("Nieuwe functie")
    found, can_edit = get_series_for(request_as(cast.bram), series.pk)
    assert found == series
    assert not can_edit


@pytest.mark.parametrize("bad_id", [uuid.uuid4(), "not-a-uuid"])
def test_unknown_or_malformed_ids_are_404(cast, request_as, bad_id, db):
    with pytest.raises(Http404):
        get_series_for(request_as(cast.anouk), bad_id)
