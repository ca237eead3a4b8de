"""The demo's six months of 1:1 history: complete, believable, private where it should be."""

from __future__ import annotations

import datetime
import itertools
from collections import Counter, defaultdict

import pytest
from django.db.models import F, Q
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tweespraak.accounts import demo
from tweespraak.accounts.models import Person, Workspace
from tweespraak.meetings import demo as history
from tweespraak.meetings.models import (
    Agreement,
    AgreementStatus,
    ChangeKind,
    Meeting,
    MeetingChange,
    MeetingStatus,
    Note,
    Series,
    TalkingPoint,
    parse_rule,
)


@pytest.fixture
def workspace(db: None) -> Workspace:
    return demo.build_demo().workspace


def person(key: str) -> Person:
    return Person.objects.get(email=f"{key}@{demo.EMAIL_DOMAIN}")


def home_of(who: Person) -> str:
    client = Client()
    client.force_login(who)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def test_every_current_manager_and_report_have_a_running_series(workspace):
    reports = Person.objects.in_workspace(workspace).active().exclude(manager=None)
    running = set(Series.objects.active().values_list("manager", "report"))
    assert reports.count() == 38
    for report in reports:
        assert (report.manager_id, report.pk) in running, report.name
    assert Series.objects.active().count() == 38


def test_series_ended_for_the_leaver_and_for_people_who_changed_manager(workspace):
    ended = Series.objects.exclude(ended_at=None).select_related("manager", "report")
    ended_pairs = {(series.manager.name, series.report.name) for series in ended}
    assert ended_pairs == {
        ("Sanne Bakker", "Kevin de Groot"),
        ("Fatma Yılmaz", "Ricardo Martis"),  # noqa: RUF001
        ("Mohamed El Amrani", "Milan Jovanović"),
    }
    for series in ended:
        assert series.end_reason
        assert series.meetings.filter(status=MeetingStatus.HELD).count() >= 3
        assert not series.meetings.filter(status=MeetingStatus.PLANNED).exists()
    leaver = ended.get(report__name="Kevin de Groot")
    assert "uit dienst" in leaver.end_reason
    assert abs(leaver.ended_at - leaver.report.deactivated_at) < datetime.timedelta(minutes=1)


def test_cadences_are_mostly_biweekly_with_weekly_monthly_and_a_custom_rule(workspace):
    cadences = Counter(Series.objects.values_list("cadence", flat=True))
    assert cadences["biweekly"] > cadences["weekly"] >= 5
    assert cadences["monthly"] == 1
    assert cadences["custom"] == 1
    custom = Series.objects.get(cadence="custom")
    parse_rule(custom.custom_rule, custom.local_start())  # valid


def test_about_six_months_of_meetings(workspace):
    now = timezone.now()
    first = Meeting.objects.order_by("planned_at").first()
    assert datetime.timedelta(days=170) < now - first.planned_at < datetime.timedelta(days=190)
    weekly = Series.objects.get(report=person("daan.vermeulen"))
    biweekly = Series.objects.get(report=person("femke.smit"))
    assert 24 <= weekly.meetings.filter(planned_at__lt=now).count() <= 27
    assert 12 <= biweekly.meetings.filter(planned_at__lt=now).count() <= 14


def test_meetings_were_held_moved_and_skipped_with_reasons(workspace):
    statuses = Counter(Meeting.objects.values_list("status", flat=True))
    assert statuses[MeetingStatus.HELD] > 400
    assert statuses[MeetingStatus.SKIPPED] >= 30
    moves = MeetingChange.objects.filter(kind=ChangeKind.RESCHEDULED)
    assert moves.count() >= 15
    assert "klant op bezoek" in set(moves.values_list("reason", flat=True))
    for move in moves.select_related("meeting"):
        assert move.moved_from == move.meeting.planned_at
        assert move.moved_to == move.meeting.scheduled_at != move.meeting.planned_at
    skip_reasons = set(
        MeetingChange.objects.filter(kind=ChangeKind.SKIPPED).values_list("reason", flat=True)
    )
    assert {"vakantie", "zomervakantie"} <= skip_reasons
    skipped = Meeting.objects.filter(status=MeetingStatus.SKIPPED)
    assert not skipped.filter(changes=None).exists()  # every skip has its reason
    held = Meeting.objects.filter(status=MeetingStatus.HELD)
    assert not held.filter(Q(held_at=None) | Q(completed_by=None)).exists()
    assert not held.filter(held_at__gt=timezone.now()).exists()


def test_every_running_series_has_one_next_meeting_and_two_are_overdue(workspace):
    planned = Meeting.objects.filter(status=MeetingStatus.PLANNED)
    per_series = Counter(planned.values_list("series", flat=True))
    assert set(per_series.values()) == {1}
    assert len(per_series) == Series.objects.active().count()
    overdue = planned.filter(scheduled_at__lt=timezone.now()).select_related("series__manager")
    assert {meeting.series.manager.name for meeting in overdue} == {
        "Sanne Bakker",
        "Joost Hendriks",
    }
    for meeting in overdue:
        assert timezone.now() - meeting.scheduled_at < datetime.timedelta(days=15)


def test_nobody_has_two_1_1s_at_the_same_time(workspace):
    taken = defaultdict(list)
    meetings = Meeting.objects.exclude(
        status__in=[MeetingStatus.SKIPPED, MeetingStatus.CANCELLED]
    ).values_list("series__manager", "series__report", "scheduled_at", "duration_minutes")
    for manager, report, start, minutes in meetings:
        for who in (manager, report):
            taken[who].append((start, start + datetime.timedelta(minutes=minutes)))
    for slots in taken.values():
        slots.sort()
        for (_start, end), (next_start, _end) in itertools.pairwise(slots):
            assert end <= next_start


def test_talking_points_carry_hashtags_and_some_were_carried_over(workspace):
    texts = " ".join(TalkingPoint.objects.values_list("text", flat=True))
    for tag in ("#werkdruk", "#rooster", "#opleiding", "#begeleiding", "#leerwerkplek"):
        assert tag in texts
    assert "heftruck" in texts.lower()
    discussed = TalkingPoint.objects.exclude(discussed_in=None).select_related("discussed_in")
    assert discussed.count() > 500
    assert len(_carried_over(discussed)) >= 20
    open_shared = TalkingPoint.objects.open().filter(is_private=False, series__ended_at=None)
    assert open_shared.values("series").distinct().count() >= 30  # on the next agenda
    assert not TalkingPoint.objects.filter(created_at__gt=timezone.now()).exists()


def _carried_over(points) -> list[TalkingPoint]:
    """Points discussed at a later meeting than the first one after they came up."""
    carried = []
    meetings = Meeting.objects.exclude(status=MeetingStatus.CANCELLED).values_list(
        "series", "planned_at", "id"
    )
    by_series = defaultdict(list)
    for series, planned, pk in meetings:
        by_series[series].append((planned, pk))
    for series in by_series.values():
        series.sort()
    for point in points:
        following = [pk for planned, pk in by_series[point.series_id] if planned > point.created_at]
        if following and point.discussed_in_id != following[0]:
            carried.append(point)
    return carried


def test_private_points_notes_and_their_authors_are_participants(workspace):
    private_points = TalkingPoint.objects.filter(is_private=True).select_related("series")
    assert 3 <= private_points.count() <= 40
    for point in private_points:
        assert point.series.is_participant(point.author)
        assert point.discussed_in is None
    private_notes = Note.objects.filter(is_private=True).select_related("meeting__series")
    assert 5 <= private_notes.count() <= 60
    for note in private_notes:
        assert note.author is not None
        assert note.meeting.series.is_participant(note.author)
    assert not Note.objects.filter(is_private=False).exclude(author=None).exists()


def test_shared_notes_are_short_markdown_in_dutch(workspace):
    notes = Note.objects.filter(is_private=False)
    assert notes.count() > 300
    assert not notes.exclude(meeting__status=MeetingStatus.HELD).exists()
    sample = notes.first()
    assert "**Even bijpraten**" in sample.body
    assert sample.version == 1
    assert sample.revisions.get(version=1).body == sample.body
    assert sample.updated_at <= sample.meeting.held_at + datetime.timedelta(minutes=1)
    assert notes.filter(body__contains="\n- ").exists()  # lists too


def test_agreements_are_done_open_and_some_overdue(workspace):
    statuses = Counter(Agreement.objects.values_list("status", flat=True))
    assert statuses[AgreementStatus.DONE] > 200
    assert statuses[AgreementStatus.OPEN] >= 30
    assert 10 <= Agreement.objects.overdue().count() <= 80
    for agreement in Agreement.objects.select_related("series", "owner"):
        assert agreement.series.is_participant(agreement.owner)
    done = Agreement.objects.filter(status=AgreementStatus.DONE)
    assert not done.filter(done_at=None).exists()
    assert not done.filter(done_at__lt=F("created_at")).exists()
    assert not Agreement.objects.open().exclude(series__ended_at=None).exists()


def test_the_demo_logins_find_their_1_1s_on_the_home_page(workspace):
    sanne, daan = person(demo.SANNE), person("daan.vermeulen")
    sanne_home, daan_home = home_of(sanne), home_of(daan)
    assert 'id="overdue-heading"' in sanne_home
    assert "heftruckcursus doen" in sanne_home  # Daan's shared point, recent activity
    assert "mijn contract" not in sanne_home  # Daan's private point
    assert "mijn contract" in daan_home
    assert "Daan complimenteren" in sanne_home
    assert "Daan complimenteren" not in daan_home
    ingrid_home = home_of(person("ingrid.kok"))
    assert "heftruckcursus doen" not in ingrid_home  # HR sees no content of others' 1:1s


def test_building_again_changes_nothing(workspace):
    counts = [model.objects.count() for model in (Series, Meeting, TalkingPoint, Agreement, Note)]
    demo.build_demo()
    assert [
        model.objects.count() for model in (Series, Meeting, TalkingPoint, Agreement, Note)
    ] == counts


def test_the_history_is_reproducible():
    workspace = Workspace(name="X", slug="x")
    people = {data.key: Person(workspace=workspace, name=data.name) for data in demo.PEOPLE}
    now = timezone.now()

    def fingerprint() -> list[tuple[str, datetime.datetime]]:
        built = history.generate(people, None, now)
        return [(point.text, point.created_at) for point in built.points] + [
            (meeting.status, meeting.scheduled_at) for meeting in built.meetings
        ]

    assert fingerprint() == fingerprint()
