"""The meeting, series and history pages offer the three export formats."""

from __future__ import annotations

from django.urls import reverse

from tests.exports_data import hold_meeting


def test_the_meeting_page_links_to_its_exports(cast, series):
    meeting = hold_meeting(cast, series, 1)
    html = cast.client_for(cast.bram).get(reverse("meetings:detail", args=[meeting.pk])).content
    base = reverse("exports:meeting", args=[meeting.pk])
    for fmt in ("pdf", "docx", "md"):
        assert f"{base}?format={fmt}".encode() in html


def test_the_series_page_links_to_its_exports(cast, series):
    html = cast.client_for(cast.anouk).get(reverse("series:detail", args=[series.pk])).content
    assert f"{reverse('exports:series', args=[series.pk])}?format=pdf".encode() in html


def test_the_history_page_links_to_the_export_of_that_history(cast, series):
    hold_meeting(cast, series, 1)
    html = cast.client_for(cast.anouk).get(reverse("series:person", args=[cast.bram.pk])).content
    assert f"{reverse('exports:person', args=[cast.bram.pk])}?format=docx".encode() in html


def test_my_1on1s_page_offers_my_whole_history(cast, series):
    html = cast.client_for(cast.bram).get(reverse("series:list")).content.decode()
    assert "Export all my 1:1s" in html
    assert f"{reverse('exports:person', args=[cast.bram.pk])}?format=pdf" in html


def test_without_any_1on1_there_is_nothing_to_export(cast, series):
    html = cast.client_for(cast.chris).get(reverse("series:list")).content.decode()
    assert "Export all my 1:1s" not in html
