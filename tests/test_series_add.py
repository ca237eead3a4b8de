"""Starting a 1:1 series: with a report or, as mentor or buddy, with any colleague."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from tweespraak.guide.builtin import default_template_version
from tweespraak.meetings.models import Meeting, Series

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def next_week() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=7)


def form_data(person, **extra):
    data = {
        "kind": "report",
        "person": str(person.pk),
        "cadence": "biweekly",
        "custom_rule": "",
        "day": next_week().isoformat(),
        "time": "09:30",
        "duration_minutes": "45",
        "time_zone": "Europe/Amsterdam",
        "location": "Kamer 2.14",
        "template": str(default_template_version().template_id),
    }
    data.update(extra)
    return data


def add(cast, me, **extra):
    target = extra.pop("person", cast.bram)
    return cast.client_for(me).post(reverse("series:add"), form_data(target, **extra))


def test_a_manager_starts_a_series_with_a_report_and_the_first_meeting_is_planned(cast):
    response = add(cast, cast.anouk)
    series = Series.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("series:detail", args=[series.pk])
    assert (series.manager, series.report, series.kind) == (cast.anouk, cast.bram, "report")
    assert series.template == default_template_version()
    meeting = series.meetings.get()
    expected = datetime.datetime.combine(next_week(), datetime.time(9, 30), AMSTERDAM)
    assert meeting.scheduled_at == expected
    assert (meeting.duration_minutes, meeting.location) == (45, "Kamer 2.14")


def test_the_form_offers_my_reports_and_other_colleagues(cast):
    text = cast.client_for(cast.anouk).get(reverse("series:add")).content.decode()
    assert '<optgroup label="Your reports">' in text
    reports = text.split('<optgroup label="Your reports">')[1].split("</optgroup>")[0]
    assert "Bram Jansen" in reports
    assert "Chris Bakker" not in reports
    assert "Dana Mulder" not in text


def test_a_deactivated_report_cannot_be_chosen(cast):
    cast.bram.deactivate()
    response = add(cast, cast.anouk)
    assert "Choose a colleague from the list." in response.content.decode()
    assert not Series.objects.exists()


def test_a_manager_series_needs_someone_who_reports_to_me(cast):
    response = add(cast, cast.anouk, person=cast.chris)
    assert response.status_code == 200
    assert "Chris Bakker does not report to you." in response.content.decode()
    assert not Series.objects.exists()


def test_someone_without_reports_is_told_to_choose_mentor_or_buddy(cast):
    response = add(cast, cast.chris, person=cast.hanna)
    text = response.content.decode()
    assert "Nobody reports to you at the moment" in text
    assert "Mentor or buddy" in text
    assert not Series.objects.exists()


def test_anyone_starts_a_mentor_series_with_any_active_colleague(cast):
    response = add(cast, cast.chris, person=cast.hanna, kind="mentor")
    assert response.status_code == 302
    series = Series.objects.get()
    assert (series.manager, series.report, series.kind) == (cast.chris, cast.hanna, "mentor")


def test_a_first_meeting_in_the_past_is_refused_and_the_typed_values_stay(cast):
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = add(cast, cast.anouk, day=yesterday, location="Het grote overleg-hok")
    text = response.content.decode()
    assert response.status_code == 200
    assert "This moment has passed." in text
    assert 'value="Het grote overleg-hok"' in text
    assert f'value="{yesterday}"' in text
    assert not Series.objects.exists()


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("", "Give a recurrence rule"),
        ("FREQ=SOMETIMES", "This is not a valid recurrence rule"),
        ("FREQ=HOURLY", "at most once a day"),
    ],
)
def test_an_invalid_recurrence_rule_is_refused(cast, rule, message):
    response = add(cast, cast.anouk, cadence="custom", custom_rule=rule)
    text = response.content.decode()
    assert message in text
    assert f'value="{rule}"' in text or not rule
    assert not Series.objects.exists()


def test_a_custom_recurrence_rule_plans_by_that_rule(cast):
    day = next_week()
    weekday = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][day.weekday()]
    response = add(
        cast, cast.anouk, cadence="custom", custom_rule=f"FREQ=WEEKLY;INTERVAL=3;BYDAY={weekday}"
    )
    assert response.status_code == 302
    series = Series.objects.get()
    first = series.meetings.get().planned_at
    assert next(series.occurrences_after(first)) - first == datetime.timedelta(weeks=3)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("location", "x" * 301, "at most 300 characters"),
        ("duration_minutes", "4", "greater than or equal to 5"),
        ("duration_minutes", "241", "less than or equal to 240"),
        ("custom_rule", "FREQ=WEEKLY;" * 20, "at most 200 characters"),
        ("time", "25:00", "Enter a valid time"),
    ],
)
def test_bad_values_get_a_clear_message(cast, field, value, message):
    extra = {field: value}
    if field == "custom_rule":
        extra["cadence"] = "custom"
    response = add(cast, cast.anouk, **extra)
    assert message in response.content.decode()
    assert not Series.objects.exists()


def test_a_second_running_series_between_the_same_two_people_is_refused(cast, series):
    response = cast.client_for(cast.bram).post(
        reverse("series:add"), form_data(cast.anouk, kind="mentor")
    )
    text = response.content.decode()
    assert "You already have a running 1:1 series with Anouk de Vries." in text
    assert f'href="{reverse("series:detail", args=[series.pk])}"' in text
    assert Series.objects.count() == 1


def test_after_ending_a_series_a_new_one_may_start(cast, series):
    series.end("Nieuwe opzet")
    assert add(cast, cast.anouk).status_code == 302
    assert Series.objects.count() == 2


def planned_meeting(cast, manager, report, when):
    other = Series.objects.create(
        workspace=cast.workspace, manager=manager, report=report, cadence="weekly", starts_at=when
    )
    other.ensure_next_meeting()
    return other


def test_a_first_meeting_that_overlaps_my_other_1on1_is_refused_and_named(cast):
    when = datetime.datetime.combine(next_week(), datetime.time(9, 0), AMSTERDAM)
    planned_meeting(cast, cast.anouk, cast.chris, when)
    response = add(cast, cast.anouk)  # 09:30, just as the 1:1 with Chris ends
    assert response.status_code == 302  # touching is fine
    Series.objects.filter(report=cast.bram).delete()
    response = add(cast, cast.anouk, time="09:15")
    text = response.content.decode()
    assert "This overlaps with your 1:1 with Chris Bakker on" in text
    assert "09:00 to 09:30" in text
    assert 'value="09:15"' in text
    assert not Series.objects.filter(report=cast.bram).exists()


def test_an_overlap_with_the_other_persons_1on1_names_only_the_time(cast):
    when = datetime.datetime.combine(next_week(), datetime.time(9, 0), AMSTERDAM)
    planned_meeting(cast, cast.hanna, cast.bram, when)
    response = add(cast, cast.anouk, time="09:10")
    text = response.content.decode()
    assert "Bram Jansen already has a 1:1 planned on" in text
    assert "Hanna" not in text.split("already has a 1:1")[1][:200]
    assert Meeting.objects.count() == 1


def test_start_one_on_the_home_page_preselects_the_report(cast):
    client = cast.client_for(cast.anouk)
    home = client.get(reverse("home")).content.decode()
    link = f"{reverse('series:add')}?with={cast.bram.pk}"
    assert link in home
    form = client.get(link).context["form"]
    assert form["person"].value() == str(cast.bram.pk)


def test_an_unknown_person_to_preselect_selects_nothing(cast):
    response = cast.client_for(cast.anouk).get(f"{reverse('series:add')}?with={cast.dana.pk}")
    assert response.status_code == 200
    assert not response.context["form"].is_bound
    assert "Dana Mulder" not in response.content.decode()


def test_a_first_meeting_that_does_not_fit_the_custom_rule_is_refused(cast):
    day = next_week()
    other_weekday = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][(day.weekday() + 1) % 7]
    rule = f"FREQ=WEEKLY;BYDAY={other_weekday}"
    response = add(cast, cast.anouk, cadence="custom", custom_rule=rule)
    text = response.content.decode()
    assert "The first meeting does not fit this rule" in text
    assert f'value="{rule}"' in text
    assert not Series.objects.exists()
