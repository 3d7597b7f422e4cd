"""End to end: `streamlit run app.py` on a free port, driven by headless Chromium through Playwright.

Screenshots of every page go to `data/build/screenshots/` (git-ignored) for a person to look at.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.browser import CHROMIUM, PAGES, ROOT, VIEWPORT, chromium, page_url, serve_app, wait_rendered

SCREENSHOTS = ROOT / "data" / "build" / "screenshots"
pytestmark = [
    pytest.mark.e2e,
    # Skipped only outside CI: `make test` installs Chromium first, and in CI a missing browser must fail.
    pytest.mark.skipif(not CHROMIUM.exists() and not os.environ.get("CI"),
                       reason="Debian's chromium is not installed (make browser)"),
]


@pytest.fixture(scope="module")
def app_url(built) -> Iterator[str]:
    """The explorer served by `streamlit run` against the built graph."""
    with serve_app(built.build_dir) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Headless Debian Chromium."""
    with chromium() as browser:
        yield browser


def _settle(page) -> None:
    wait_rendered(page)
    page.wait_for_timeout(1500)  # let iframes (the pyvis graph) and charts paint before a screenshot


def _no_errors(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0


@pytest.mark.parametrize("name", PAGES)
def test_e2e_browser_page_renders(app_url: str, browser, name: str) -> None:
    page = browser.new_page(viewport=VIEWPORT)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(page_url(app_url, name))
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


def test_e2e_browser_preview_an_upload(app_url: str, browser, tmp_path) -> None:
    upload = tmp_path / "notice.txt"
    upload.write_text("依托吉林大学建设汽车仿真与控制国家重点实验室，支持中国第一汽车集团有限公司牵头组建产业联盟。",
                      encoding="utf-8")
    page = browser.new_page(viewport=VIEWPORT)
    page.goto(f"{app_url}/documents")
    _settle(page)
    page.get_by_role("tab", name="预览新文件").click()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(upload))
    page.locator("table.jig-evidence mark", has_text="吉林大学").first.wait_for(timeout=60_000)
    page.locator('[data-testid="stCode"]', has_text="ingest add data/corpus/notice.txt").wait_for(timeout=60_000)
    _settle(page)
    _no_errors(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "documents-preview.png"), full_page=True)
    page.close()


def _first_column_cell(build_dir) -> tuple[int, str, int]:
    """The row (a type other than the preselected cell's) of the fullest cell of the first industry column of
    the instrument × industry table, its option text and its number of sentences."""
    from explorer.i18n import kind_name
    from explorer.pages.instruments import MAX_INDUSTRIES
    from explorer.services.instruments import by_industry
    from explorer.services.entities import load_entities
    from queries.store import open_store

    with open_store(build_dir) as store:
        tab = by_industry(store).first(MAX_INDUSTRIES)
        names = {e.id: e.name for e in load_entities(store)}
    column = tab.columns[0]
    preselected = tab.ranked()[0]
    rows = [r for r in range(min(len(tab.kinds), 9))
            if tab.count(tab.kinds[r], column) and (tab.kinds[r], column) != (preselected.kind, preselected.column)]
    row = max(rows, key=lambda r: tab.count(tab.kinds[r], column))
    n = tab.count(tab.kinds[row], column)
    return row, f"{kind_name('Instrument', tab.kinds[row], 'zh')} × {names[column]} · {n} 句", n


def test_e2e_browser_instruments_cell_click_shows_its_sentences(app_url: str, browser, built) -> None:
    row, option, n = _first_column_cell(built.build_dir)
    page = browser.new_page(viewport=VIEWPORT)
    page.goto(f"{app_url}/instruments")
    _settle(page)
    grid = page.locator('[data-testid="stDataFrame"]').first.bounding_box()
    page.mouse.click(grid["x"] + 146, grid["y"] + 35 * (row + 1) + 17)  # the first industry column, below the header
    page.wait_for_function(
        "([option]) => [...document.querySelectorAll('input[role=combobox]')].some(i => i.value === option)",
        arg=[option], timeout=60_000)
    _settle(page)
    table = page.locator("table.jig-instruments").first
    assert table.locator("tr").count() == n + 1
    assert table.locator("mark").count() > 0
    _no_errors(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "instruments-cell.png"), full_page=True)
    page.close()


def test_e2e_browser_network_draws_communities(app_url: str, browser) -> None:
    page = browser.new_page(viewport=VIEWPORT)
    page.goto(f"{app_url}/network")
    _settle(page)
    page.locator("table.jig-bridging a").first.wait_for(timeout=60_000)
    frame = page.frame_locator("iframe").first
    frame.locator("canvas").wait_for(timeout=60_000)
    assert frame.locator(".item", has_text="社群 0").count() == 1
    _no_errors(page)
    page.close()
