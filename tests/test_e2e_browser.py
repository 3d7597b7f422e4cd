"""End to end: `streamlit run app.py` on a free port, driven by headless Chromium through Playwright.

Screenshots of every page go to `data/build/screenshots/` (git-ignored) for a person to look at.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "data" / "build" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
#: Tall enough that a screenshot shows a whole page (Streamlit scrolls inside its own container).
VIEWPORT = {"width": 1400, "height": 2600}
PAGES = ("overview", "entity", "industry", "gallery", "console", "documents", "trends")
pytestmark = [
    pytest.mark.e2e,
    # Skipped only outside CI: `make test` installs Chromium first, and in CI a missing browser must fail.
    pytest.mark.skipif(not CHROMIUM.exists() and not os.environ.get("CI"),
                       reason="Debian's chromium is not installed (make browser)"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, server: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with {server.returncode}: {server.stdout.read()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"streamlit did not answer on {url} within {seconds} s")


@pytest.fixture(scope="module")
def app_url(built) -> Iterator[str]:
    """The explorer served by `streamlit run` against the built graph."""
    port = _free_port()
    env = {**os.environ, "JIG_BUILD_DIR": str(built.build_dir)}
    env.pop("NEO4J_URI", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), "--server.address",
         "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, server)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Headless Debian Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _settle(page) -> None:
    page.wait_for_selector('[data-testid="stApp"]', timeout=60_000)
    page.wait_for_selector("h1", timeout=60_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )
    page.wait_for_timeout(1500)


def _no_errors(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0


@pytest.mark.parametrize("name", PAGES)
def test_e2e_browser_page_renders(app_url: str, browser, name: str) -> None:
    page = browser.new_page(viewport=VIEWPORT)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{app_url}/{'' if name == 'overview' else name}")
    _settle(page)
    _no_errors(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    remote = [u for u in requests if not u.startswith((app_url, "data:", "blob:", "about:"))]
    assert remote == [], f"{name} fetched from elsewhere: {remote}"
    page.close()


def test_e2e_browser_search_entity(app_url: str, browser) -> None:
    page = browser.new_page(viewport=VIEWPORT)
    page.goto(f"{app_url}/entity")
    _settle(page)
    box = page.locator('[data-testid="stTextInput"] input').first
    box.fill("吉林大学")
    box.press("Enter")
    page.wait_for_selector('h2:has-text("吉林大学")', timeout=60_000)
    graph = page.locator('iframe[title="吉林大学"]')
    graph.wait_for(timeout=60_000)
    page.frame_locator('iframe[title="吉林大学"]').locator("canvas").wait_for(timeout=60_000)
    evidence = page.locator("table.jig-evidence")
    evidence.wait_for(timeout=60_000)
    assert evidence.locator("mark").count() > 0
    _settle(page)
    _no_errors(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "entity-jlu.png"), full_page=True)
    page.close()
