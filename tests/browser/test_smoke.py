"""Smoke test in a real browser: the demo manager logs in, reads Dutch, switches to English.

Screenshots for a human look: var/test-artifacts/{login,home-nl,home-en,home-375}.png.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, Response, expect

from tweespraak.accounts import demo
from tweespraak.accounts.models import Person

pytestmark = pytest.mark.browser

MANAGER = f"{demo.SANNE}@{demo.EMAIL_DOMAIN}"
REPORTS = ["Daan Vermeulen", "Agnieszka Nowak", "Rachid Boukhari", "Samira Haddou"]


def reports_heading(language: str) -> str:
    """The home page's heading above one's reports, as translated now (or the source)."""
    with translation.override(language):
        return translation.gettext("People who report to me")


def log_in(page: Page, base_url: str, email: str, password: str) -> None:
    page.goto(base_url + reverse("login"))
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(base_url + reverse("home"))


@pytest.fixture
def demo_workspace(transactional_db: None) -> demo.DemoResult:
    return demo.build_demo()


@pytest.fixture
def broken(page: Page) -> list[str]:
    """Pages, stylesheets and scripts that failed to load: should stay empty."""
    failed: list[str] = []
    kinds = {"document", "stylesheet", "script"}

    def check(response: Response) -> None:
        if response.status >= 400 and response.request.resource_type in kinds:
            failed.append(f"{response.status} {response.url}")

    page.on("response", check)
    return failed


def test_the_demo_manager_logs_in_and_switches_to_english(
    page: Page, live_server, demo_workspace, artifacts: Path, broken: list[str]
):
    page.goto(live_server.url + reverse("login"))
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    page.screenshot(path=artifacts / "login.png", full_page=True)

    log_in(page, live_server.url, MANAGER, demo.DEMO_PASSWORD)
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", name=reports_heading("nl"))).to_be_visible()
    for name in REPORTS:
        expect(page.locator("#main .home-reports").get_by_text(name, exact=True)).to_be_visible()
    expect(page.get_by_text("Kevin de Groot")).to_have_count(0)  # the leaver
    page.screenshot(path=artifacts / "home-nl.png", full_page=True)

    page.locator("footer button[name=language][value=en]").click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="People who report to me")).to_be_visible()
    page.screenshot(path=artifacts / "home-en.png", full_page=True)

    page.reload()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert Person.objects.get(email=MANAGER).language == "en"
    assert broken == []


def test_the_home_page_fits_a_phone_without_sideways_scrolling(
    page: Page, live_server, demo_workspace, artifacts: Path, broken: list[str]
):
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(live_server.url + reverse("login"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    log_in(page, live_server.url, MANAGER, demo.DEMO_PASSWORD)
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("#main .home-reports").get_by_text(REPORTS[0], exact=True)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path=artifacts / "home-375.png", full_page=True)

    page.locator("footer button[name=language][value=en]").click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert broken == []
