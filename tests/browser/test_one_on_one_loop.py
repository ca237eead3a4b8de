"""The whole 1:1 loop in Chromium, with two people at once.

Anouk (manager, laptop) plans a series with Bram; Bram (phone, 375 px) adds a
talking point from the home page; both open the meeting page and write the shared
notes at the same time, each in their own paragraph; Anouk adds an agreement and
completes the meeting; the next meeting shows Bram's point (not discussed, so
carried over) and the open agreement.

Screenshots for a human look: var/test-artifacts/loop-*.png.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from tests.conftest import PASSWORD
from tweespraak.meetings.models import Agreement, MeetingStatus, Series

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
LAPTOP = {"width": 1280, "height": 900}
POLL_TIMEOUT = 12_000  # the meeting page polls every 4-5 s


def open_as(browser: Browser, base_url: str, email: str, viewport: dict[str, int]) -> Page:
    context = browser.new_context(viewport=viewport, locale="en-GB")  # type: ignore[arg-type]
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(base_url + reverse("login"))
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(base_url + reverse("home"))
    return page


def fits(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_manager_and_employee_walk_the_whole_loop(
    transactional_db, cast, live_server, browser: Browser, artifacts: Path
):
    base = live_server.url
    anouk = open_as(browser, base, cast.anouk.email, LAPTOP)
    bram = open_as(browser, base, cast.bram.email, PHONE)

    # 1. Anouk plans a biweekly series with Bram, starting tomorrow.
    anouk.goto(base + reverse("series:add"))
    anouk.locator("[name=kind]").select_option("report")
    anouk.locator("[name=person]").select_option(str(cast.bram.pk))
    anouk.locator("[name=cadence]").select_option("biweekly")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    anouk.locator("[name=day]").fill(tomorrow.isoformat())
    anouk.locator("[name=time]").fill("10:00")
    anouk.locator("[name=duration_minutes]").fill("30")
    anouk.locator("[name=location]").fill("Kantine, tafel 3")
    anouk.screenshot(path=artifacts / "loop-1-series-form.png", full_page=True)
    anouk.locator("main form button[type=submit]").click()
    anouk.wait_for_url("**/series/*/")
    series = Series.objects.get(manager=cast.anouk, report=cast.bram)
    meeting = series.upcoming_meeting()
    assert meeting is not None
    expect(anouk.locator("#main")).to_contain_text("Bram Jansen")
    anouk.screenshot(path=artifacts / "loop-2-series.png", full_page=True)

    # 2. Bram adds a talking point from the quick-add on his phone's home page.
    bram.reload()
    quick = bram.locator("#quick-add")
    expect(quick).to_be_visible()
    quick.locator("textarea[name=text]").fill("Mijn #rooster voor december")
    quick.locator("button[type=submit]").click()
    bram.wait_for_url(base + reverse("home"))
    expect(bram.locator("#main")).to_contain_text("Your talking point is on the agenda.")
    expect(bram.locator(".home-points")).to_contain_text("Mijn #rooster voor december")
    assert fits(bram)
    bram.screenshot(path=artifacts / "loop-3-home-quick-add-375.png", full_page=True)

    # 3. Both open the meeting page; Anouk sees Bram's point on the agenda.
    url = base + reverse("meetings:detail", args=[meeting.pk])
    anouk.goto(url)
    bram.goto(url)
    expect(anouk.locator(".panel-agenda")).to_contain_text("Mijn #rooster voor december")
    assert fits(bram)

    # 4. Shared notes: Anouk writes, Bram sees it arrive; then both type at once.
    a_notes = anouk.locator(f"#note-shared-{meeting.pk}-body")
    b_notes = bram.locator(f"#note-shared-{meeting.pk}-body")
    a_notes.fill("Even bijpraten: goed weekend\n\nRooster: december is krap\n\nVerder: -")
    expect(anouk.locator(f"#note-shared-{meeting.pk}-status")).to_contain_text("Saved")
    expect(b_notes).to_have_value(
        "Even bijpraten: goed weekend\n\nRooster: december is krap\n\nVerder: -",
        timeout=POLL_TIMEOUT,
    )
    a_notes.evaluate(
        "el => { el.value = el.value.replace('goed weekend', 'goed weekend, uitgerust'); }"
    )
    b_notes.evaluate(
        "el => { el.value = el.value.replace('Verder: -', 'Verder: heftruckcursus?'); }"
    )
    a_notes.dispatch_event("input")
    b_notes.dispatch_event("input")
    merged = (
        "Even bijpraten: goed weekend, uitgerust\n\nRooster: december is krap\n\n"
        "Verder: heftruckcursus?"
    )
    expect(a_notes).to_have_value(merged, timeout=POLL_TIMEOUT)
    expect(b_notes).to_have_value(merged, timeout=POLL_TIMEOUT)
    bram.screenshot(path=artifacts / "loop-4-meeting-notes-375.png", full_page=True)

    # 5. Anouk adds an agreement for Bram; Bram's page shows it without a reload.
    panel = anouk.locator(f"#agreements-panel-{meeting.pk}")
    panel.locator("textarea[name=text]").fill("Bram vraagt de heftruckcursus aan")
    panel.locator("select[name=owner]").select_option(str(cast.bram.pk))
    panel.locator("input[name=due_on]").fill((tomorrow + datetime.timedelta(days=10)).isoformat())
    panel.get_by_role("button", name="Add agreement").click()
    expect(anouk.locator(f"#agreements-panel-{meeting.pk}")).to_contain_text(
        "Bram vraagt de heftruckcursus aan"
    )
    expect(bram.locator(f"#agreements-panel-{meeting.pk}")).to_contain_text(
        "Bram vraagt de heftruckcursus aan", timeout=POLL_TIMEOUT
    )
    anouk.screenshot(path=artifacts / "loop-5-meeting-laptop.png", full_page=True)

    # 6. Anouk completes the meeting; Bram's point was not discussed, so it moves on.
    anouk.get_by_role("link", name="Complete meeting").click()
    anouk.locator("main form button[type=submit]").click()
    anouk.wait_for_url("**/summary/")
    expect(anouk.locator("#main")).to_contain_text("Bram vraagt de heftruckcursus aan")
    expect(anouk.locator("#main")).to_contain_text("Mijn #rooster voor december")
    anouk.screenshot(path=artifacts / "loop-6-summary.png", full_page=True)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD
    assert Series.objects.get(pk=series.pk).meetings.filter(status="planned").count() == 1

    # 7. The next meeting shows the carried point and the open agreement, for both.
    following = series.upcoming_meeting()
    assert following is not None
    assert following.pk != meeting.pk
    next_url = base + reverse("meetings:detail", args=[following.pk])
    for page, name in ((anouk, "laptop"), (bram, "375")):
        page.goto(next_url)
        expect(page.locator(".panel-agenda")).to_contain_text("Mijn #rooster voor december")
        expect(page.locator(f"#agreements-panel-{following.pk}")).to_contain_text(
            "Bram vraagt de heftruckcursus aan"
        )
        page.screenshot(path=artifacts / f"loop-7-next-meeting-{name}.png", full_page=True)
    assert fits(bram)
    notes = meeting.notes.get(is_private=False)
    assert notes.body == merged  # nothing lost
    assert Agreement.objects.get(series=series).owner == cast.bram
