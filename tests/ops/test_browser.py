"""The ops page in a real headless browser (Debian's chromium driven by Selenium).

The app is served on a loopback port from the test's event loop; Selenium's blocking calls run
in a thread (`asyncio.to_thread`) so the server keeps answering.
"""

from __future__ import annotations

import asyncio
import csv
import os
import shutil
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import TypeVar

import aiohttp
import pytest
from aiohttp import web
from redis.asyncio import Redis
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait

from actions.domain.clock import FixedClock
from bot.metrics import Metrics
from tests.ops.conftest import TOKEN, Queue, ops_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROME_FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run",
)  # fmt: skip
T = TypeVar("T")


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    """One headless chromium for the module; no browser download (the system's binaries)."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        if os.environ.get("CI"):
            pytest.fail("chromium and chromium-driver must be installed (apt-get)")
        pytest.skip("needs Debian's chromium and chromium-driver (apt-get install)")
    profile = tempfile.mkdtemp(prefix="ops-chrome-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*CHROME_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.prompt_for_download": False})
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SE_OFFLINE", "true")  # Selenium Manager must not fetch anything
        driver = webdriver.Chrome(
            options=options, service=Service(executable_path=str(CHROMEDRIVER))
        )
    driver.set_page_load_timeout(15)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
async def base_url(redis: Redis, clock: FixedClock, queue: Queue) -> AsyncIterator[str]:
    """The ops app with the seeded queue, on a free loopback port."""
    runner = web.AppRunner(ops_app(redis, clock, Metrics()), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    host, port = runner.addresses[0][:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        await runner.cleanup()


async def in_browser(step: Callable[[], T]) -> T:
    return await asyncio.to_thread(step)


def log_in(driver: WebDriver, base_url: str, path: str = "/") -> None:
    driver.delete_all_cookies()
    sep = "&" if "?" in path else "?"
    driver.get(f"{base_url}{path}{sep}token={TOKEN}")


def navigate(driver: WebDriver, by: str, target: str) -> None:
    """Clicks a link or button and waits until the next page replaced this one.

    The page is marked before the click and the wait is for a complete page without the mark:
    asking Chromium whether the old page's element went stale can fail mid-navigation with an
    inspector error instead of an answer."""
    driver.execute_script("document.documentElement.dataset.leaving = 'yes'")
    driver.find_element(by, target).click()
    WebDriverWait(driver, 10, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script(
            "return document.readyState === 'complete'"
            " && document.documentElement.dataset.leaving === undefined"
        )
    )


def ticket_rows(driver: WebDriver) -> dict[str, str]:
    """Ticket id → the row's class attribute, for the ticket table on the page."""
    rows = driver.find_elements(By.CSS_SELECTOR, "table.tickets tbody tr.ticket")
    return {
        row.get_attribute("data-ticket") or "": row.get_attribute("class") or "" for row in rows
    }


async def test_overview_shows_the_tickets_with_the_breach_highlighted(
    browser: WebDriver, base_url: str
) -> None:
    def step() -> None:
        log_in(browser, base_url)
        assert browser.current_url == f"{base_url}/"  # the token left the address bar
        assert browser.find_element(By.ID, "summary").text == "3 open tickets; 1 past the SLA."
        rows = ticket_rows(browser)
        assert list(rows) == ["T-BRCH1", "T-FRSH4", "T-ASGN2"]
        assert "breach" in rows["T-BRCH1"].split()
        assert "breach" not in rows["T-FRSH4"].split()
        breach_row = browser.find_element(By.CSS_SELECTOR, "tr[data-ticket='T-BRCH1']")
        assert "SLA breached" in breach_row.text
        marker = breach_row.find_element(By.CSS_SELECTOR, ".breach-marker")
        assert marker.value_of_css_property("font-weight") == "700"
        assert "T-BRCH1" in browser.find_element(By.ID, "breaches").text
        assert "Li Wei 1" in browser.find_element(By.ID, "agents").text

    await in_browser(step)


async def test_filters_narrow_the_list(browser: WebDriver, base_url: str) -> None:
    def step() -> None:
        log_in(browser, base_url, "/tickets")
        assert list(ticket_rows(browser)) == ["T-DONE3", "T-BRCH1", "T-FRSH4", "T-ASGN2"]
        Select(browser.find_element(By.ID, "f-status")).select_by_value("queued")
        navigate(browser, By.ID, "apply")
        assert list(ticket_rows(browser)) == ["T-BRCH1", "T-FRSH4"]
        assert "status=queued" in browser.current_url
        Select(browser.find_element(By.ID, "f-reason")).select_by_value("dispute")
        navigate(browser, By.ID, "apply")
        assert list(ticket_rows(browser)) == ["T-BRCH1"]
        assert browser.find_element(By.ID, "count").text == "1 ticket match."
        agent = browser.find_element(By.ID, "f-agent")
        Select(browser.find_element(By.ID, "f-status")).select_by_value("")
        Select(browser.find_element(By.ID, "f-reason")).select_by_value("")
        agent.send_keys("li wei")
        navigate(browser, By.ID, "apply")
        assert list(ticket_rows(browser)) == ["T-DONE3", "T-ASGN2"]

    await in_browser(step)


async def test_ticket_page_shows_the_transcript_with_borrower_text_escaped(
    browser: WebDriver, base_url: str
) -> None:
    def step() -> None:
        log_in(browser, base_url)
        navigate(browser, By.LINK_TEXT, "T-BRCH1")
        assert browser.find_element(By.TAG_NAME, "h1").text == "Ticket T-BRCH1"
        transcript = browser.find_element(By.ID, "transcript").text
        assert "I never borrowed this! <script>alert('x')</script> call 138****8000" in transcript
        assert "A colleague will reply here." in transcript
        assert "13800138000" not in browser.page_source
        with pytest.raises(NoAlertPresentException):
            browser.switch_to.alert.accept()  # the borrower's script did not run
        assert "D-1001 · 王**" in browser.find_element(By.ID, "fields").text

    await in_browser(step)


async def test_csv_download_has_the_filtered_rows(
    browser: WebDriver, base_url: str, tmp_path: Path
) -> None:
    def step() -> list[dict[str, str]]:
        browser.execute_cdp_cmd(
            "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)}
        )
        log_in(browser, base_url, "/tickets?priority=high")
        browser.find_element(By.ID, "csv").click()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            done = list(tmp_path.glob("*.csv"))
            if done and not list(tmp_path.glob("*.crdownload")):
                break
            time.sleep(0.1)
        assert [p.name for p in done] == ["tickets-20250310-1000.csv"]
        with done[0].open(encoding="utf-8", newline="") as file:
            return list(csv.DictReader(file))

    rows = await in_browser(step)
    assert [(r["ticket_id"], r["priority"], r["sla_breached"]) for r in rows] == [
        ("T-BRCH1", "high", "yes"),
        ("T-FRSH4", "high", "no"),
    ]
    assert rows[0]["borrower_id"] == "D-1001"


async def test_a_request_without_the_token_is_refused(browser: WebDriver, base_url: str) -> None:
    async with aiohttp.ClientSession() as session:
        for path in ("/", "/tickets/T-BRCH1", "/tickets.csv", "/metrics"):
            async with session.get(base_url + path) as response:
                assert response.status == 401, path
        async with session.get(base_url + "/", headers={"Authorization": "Bearer wrong"}) as bad:
            assert bad.status == 401

    def step() -> None:
        browser.delete_all_cookies()
        browser.get(f"{base_url}/tickets/T-BRCH1")
        assert browser.find_element(By.TAG_NAME, "h1").text == "401 Unauthorized"
        assert "I never borrowed" not in browser.page_source
        assert "D-1001" not in browser.page_source

    await in_browser(step)
