"""The home page: each role sees their own 1:1s, and nothing of anyone else's."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.conftest import make_person
from tweespraak.accounts.models import Person
from tweespraak.meetings.models import Agreement, Meeting, MeetingStatus, Series, TalkingPoint


def start_series(manager: Person, report: Person, days: int = 2, **extra: object) -> Series:
    """A biweekly series whose first meeting is `days` from now (negative: in the past)."""
    series = Series.objects.create(
        workspace=manager.workspace,
        manager=manager,
        report=report,
        starts_at=timezone.now().replace(microsecond=0) + datetime.timedelta(days=days),
        created_by=manager,
        **extra,
    )
    series.ensure_next_meeting()
    return series


def page(client) -> str:
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def test_anonymous_goes_to_login(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_manager_sees_her_reports_and_team(cast):
    text = page(cast.client_for(cast.anouk))
    assert "Bram Jansen" in text
    assert "Productie" in text
    assert "Chris Bakker" in text
    assert "Dana Mulder" not in text


def test_report_sees_his_manager(cast):
    assert "Anouk de Vries" in page(cast.client_for(cast.bram))


def test_manager_sees_a_report_without_a_series_and_can_start_one(cast):
    text = page(cast.client_for(cast.anouk))
    assert "No 1:1 series yet" in text
    assert f'href="{reverse("series:add")}?with={cast.bram.pk}"' in text


def test_manager_sees_the_next_1_1_of_each_report_with_a_link_to_it(cast):
    series = start_series(cast.anouk, cast.bram, days=3)
    meeting = series.upcoming_meeting()
    text = page(cast.client_for(cast.anouk))
    assert "No 1:1 series yet" not in text
    assert reverse("meetings:detail", args=[meeting.pk]) in text
    local = timezone.localtime(meeting.scheduled_at, series.zone)
    assert local.strftime("%H:%M") in text


def test_a_meeting_whose_time_has_passed_is_overdue_for_both(cast):
    series = start_series(cast.anouk, cast.bram, days=-3)
    meeting = series.upcoming_meeting()
    for person in (cast.anouk, cast.bram):
        text = page(cast.client_for(person))
        assert "planned 3\xa0days" in text
        assert reverse("meetings:detail", args=[meeting.pk]) in text


def test_a_held_meeting_is_not_overdue(cast):
    series = start_series(cast.anouk, cast.bram, days=-3)
    series.upcoming_meeting().complete(by=cast.anouk)
    text = page(cast.client_for(cast.anouk))
    assert "Overdue for a meeting" not in text
    assert "1:1 with Bram Jansen held" in text  # recent activity


def test_skipped_meetings_are_not_overdue(cast):
    series = start_series(cast.anouk, cast.bram, days=-3)
    series.upcoming_meeting().skip("vakantie", by=cast.anouk)
    assert "Overdue for a meeting" not in page(cast.client_for(cast.anouk))


def test_manager_sees_her_open_agreements_with_the_overdue_ones_marked(cast):
    series = start_series(cast.anouk, cast.bram)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Agreement.objects.create(
        series=series, owner=cast.anouk, text="Rooster regelen", due_on=yesterday
    )
    Agreement.objects.create(series=series, owner=cast.anouk, text="Cursus zoeken")
    done = Agreement.objects.create(series=series, owner=cast.anouk, text="Helm bestellen")
    done.mark_done()
    Agreement.objects.create(series=series, owner=cast.bram, text="Bram zijn taak")
    text = page(cast.client_for(cast.anouk))
    agreements = text.split('id="agreements-heading"')[1].split("</section>")[0]
    assert '<span class="badge">2</span>' in agreements
    assert "Rooster regelen" in agreements
    assert "Cursus zoeken" in agreements
    assert "overdue since" in agreements
    assert 'class="overdue"' in agreements
    assert "Helm bestellen" not in agreements
    assert "Bram zijn taak" not in agreements
    assert reverse("agreements:mine") in agreements


def test_recent_activity_shows_shared_points_of_the_other_but_never_private_ones(cast):
    series = start_series(cast.anouk, cast.bram)
    TalkingPoint.objects.create(series=series, author=cast.bram, text="Werkdruk op de lijn")
    TalkingPoint.objects.create(
        series=series, author=cast.bram, text="Geheim: ik solliciteer", is_private=True
    )
    agreement = Agreement.objects.create(series=series, owner=cast.bram, text="Heftruckcursus")
    agreement.mark_done()
    text = page(cast.client_for(cast.anouk))
    assert "Bram added a talking point" in text
    assert "Werkdruk op de lijn" in text
    assert "Bram completed an agreement" in text
    assert "Geheim" not in text


def test_old_activity_is_not_shown(cast):
    series = start_series(cast.anouk, cast.bram)
    point = TalkingPoint.objects.create(series=series, author=cast.bram, text="Oud nieuws")
    TalkingPoint.objects.filter(pk=point.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=40)
    )
    assert "Oud nieuws" not in page(cast.client_for(cast.anouk)).split("activity-heading")[1]


def test_employee_sees_his_next_1_1_with_place_and_links_to_prepare(cast):
    series = start_series(cast.anouk, cast.bram, days=5, location="Kantine, tafel 3")
    meeting = series.upcoming_meeting()
    text = page(cast.client_for(cast.bram))
    next_card = text.split('id="next-heading"')[1].split("</section>")[0]
    assert "Anouk de Vries" in next_card
    assert "Kantine, tafel 3" in next_card
    assert reverse("meetings:prepare", args=[meeting.pk]) in next_card
    assert reverse("meetings:detail", args=[meeting.pk]) in next_card


def test_employee_without_a_series_is_told_so(cast):
    text = page(cast.client_for(cast.chris))
    assert "No 1:1 is planned for you yet." in text
    assert "People who report to me" not in text


def test_employee_sees_his_own_open_points_private_ones_included(cast):
    series = start_series(cast.anouk, cast.bram)
    TalkingPoint.objects.create(series=series, author=cast.bram, text="Mijn rooster")
    TalkingPoint.objects.create(series=series, author=cast.bram, text="Stil punt", is_private=True)
    TalkingPoint.objects.create(series=series, author=cast.anouk, text="Punt van Anouk")
    discussed = TalkingPoint.objects.create(series=series, author=cast.bram, text="Al besproken")
    discussed.discussed_in = series.upcoming_meeting()
    discussed.save(update_fields=["discussed_in"])
    text = page(cast.client_for(cast.bram))
    points = text.split('id="points-heading"')[1].split("</section>")[0]
    assert "Mijn rooster" in points
    assert "Stil punt" in points
    assert "private" in points
    assert "Punt van Anouk" not in points
    assert "Al besproken" not in points


def test_the_other_participant_never_sees_my_private_points(cast):
    series = start_series(cast.anouk, cast.bram)
    TalkingPoint.objects.create(
        series=series, author=cast.anouk, text="Zorgen om Bram", is_private=True
    )
    assert "Zorgen om Bram" not in page(cast.client_for(cast.bram))
    assert "Zorgen om Bram" in page(cast.client_for(cast.anouk))


@pytest.mark.parametrize("who", ["hanna", "willem", "chris"])
def test_hr_admins_and_colleagues_see_no_content_of_others_1_1s(cast, who):
    series = start_series(cast.anouk, cast.bram, days=-3)
    TalkingPoint.objects.create(series=series, author=cast.bram, text="Gedeeld punt")
    Agreement.objects.create(series=series, owner=cast.bram, text="Gedeelde afspraak")
    text = page(cast.client_for(getattr(cast, who)))
    for content in ("Gedeeld punt", "Gedeelde afspraak", "Overdue for a meeting"):
        assert content not in text
    assert str(series.upcoming_meeting().pk) not in text


@pytest.mark.parametrize("who", ["hanna", "willem"])
def test_hr_and_admins_still_see_the_workspace_counts(cast, who):
    text = page(cast.client_for(getattr(cast, who)))
    assert "Active people" in text
    assert "De Werkplaats" in text


def test_quick_add_posts_to_the_only_series_without_a_choice(cast):
    series = start_series(cast.anouk, cast.bram)
    text = page(cast.client_for(cast.bram))
    assert 'id="quick-add"' in text
    assert f'action="{reverse("points:add", args=[series.pk])}"' in text
    assert 'id="quick_series"' not in text
    assert 'name="is_private"' in text
    assert 'for="quick_text"' in text


def test_quick_add_offers_a_choice_when_there_are_several_series(cast):
    start_series(cast.anouk, cast.bram)
    chris_series = start_series(cast.anouk, cast.chris, days=4, kind="mentor")
    text = page(cast.client_for(cast.anouk))
    assert 'id="quick_series"' in text
    assert f'value="{reverse("points:add", args=[chris_series.pk])}"' in text


def test_nobody_without_a_running_series_gets_the_quick_add(cast):
    series = start_series(cast.anouk, cast.bram)
    series.end("Nieuwe leidinggevende", by=cast.anouk)
    text = page(cast.client_for(cast.bram))
    assert 'id="quick-add"' not in text
    assert "No 1:1 is planned for you yet." in text


def test_the_quick_add_creates_a_point_and_returns_home(cast):
    series = start_series(cast.anouk, cast.bram)
    response = cast.client_for(cast.bram).post(
        reverse("points:add", args=[series.pk]),
        {"text": "Mijn #rooster voor december", "is_private": "on", "next": reverse("home")},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    point = TalkingPoint.objects.get(series=series)
    assert point.author == cast.bram
    assert point.is_private
    assert "Mijn #rooster voor december" in page(cast.client_for(cast.bram))
    assert "Mijn #rooster voor december" not in page(cast.client_for(cast.anouk))


def add_reports_with_history(cast, first: int, count: int) -> None:
    """`count` more reports of Anouk, each with a series, points, agreements, a held 1:1."""
    for number in range(first, first + count):
        report = make_person(cast.workspace, f"Medewerker {number}", f"m{number}@werkplaats.test")
        report.set_manager(cast.anouk)
        series = start_series(cast.anouk, report, days=number % 5 - 2)
        TalkingPoint.objects.create(series=series, author=report, text=f"Punt {number}")
        TalkingPoint.objects.create(series=series, author=cast.anouk, text=f"Mijn punt {number}")
        Agreement.objects.create(series=series, owner=cast.anouk, text=f"Afspraak {number}")
        Agreement.objects.create(series=series, owner=report, text=f"Klaar {number}").mark_done()
        Meeting.objects.filter(series=series).update(
            status=MeetingStatus.HELD, held_at=timezone.now()
        )
        series.ensure_next_meeting()


def test_the_manager_home_page_needs_as_many_queries_for_12_reports_as_for_2(
    cast, django_assert_num_queries
):
    client = cast.client_for(cast.anouk)
    add_reports_with_history(cast, 0, 2)
    client.get(reverse("home"))  # the session is loaded once
    with CaptureQueriesContext(connection) as few:
        assert "Medewerker 1" in page(client)
    assert len(few) <= 16, [query["sql"] for query in few]

    add_reports_with_history(cast, 2, 10)
    with django_assert_num_queries(len(few)):
        text = page(client)
    assert "Medewerker 11" in text


def test_my_own_completed_agreement_reads_as_mine(cast):
    series = start_series(cast.anouk, cast.bram)
    Agreement.objects.create(series=series, owner=cast.anouk, text="Helm bestellen").mark_done()
    text = page(cast.client_for(cast.anouk))
    assert "You completed an agreement" in text
    assert "Anouk completed" not in text
