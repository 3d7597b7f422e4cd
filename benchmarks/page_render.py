"""Warm render time of every explorer page, against a built graph, measured two ways.

    python benchmarks/page_render.py [--build-dir data/build] [--runs 5] [--target 1.5]

script:  the page's script run in-process (Streamlit AppTest): the server's share of a render;
click:   what a visitor waits for moving between pages — `streamlit run` serving headless Chromium,
         from a sidebar click to the end of the rerun it starts (needs Debian's chromium);
reload:  the same page loaded afresh (the app's JavaScript bundle and a new session): shown, not judged.
Each page is rendered once to warm the caches, then `--runs` more times; the median and the worst
warm time are printed per page. Exits 1 when a page's median exceeds the target (seconds).
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "overview": {},
    "entity": {"entity": "inst_jlu"},
    "industry": {"industry": "ind_automotive"},
    "gallery": {},
    "console": {},
    "documents": {},
    "trends": {},
}


def render_times(page: str, query: dict[str, str], runs: int) -> list[float]:
    """Seconds for `runs` warm renders of one page (after one warm-up render)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    at.switch_page(f"explorer/pages/{page}.py")
    at.query_params.update(query)
    at.run()
    if at.exception:
        raise RuntimeError(f"{page}: {at.exception[0].value}")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
    return times


#: Installed before a click: `window.nextRun` resolves with the milliseconds until the rerun that the
#: click starts has finished (parked on window: Playwright would await a returned promise at once). A run
#: too quick for the observer to see its state as "running" still shows in the old values of the records;
#: no run within 20 s rejects (rather than waiting for ever): that click is left out of the figures.
_TIME_NEXT_RUN = """() => { window.nextRun = new Promise((resolve, reject) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const start = performance.now();
  let running = false;
  const observer = new MutationObserver(mutations => {
    if (mutations.some(m => m.oldValue === 'running')) running = true;
    const state = app.getAttribute('data-test-script-state');
    if (state === 'running') running = true;
    else if (running && state === 'notRunning') { observer.disconnect(); resolve(performance.now() - start); }
  });
  observer.observe(app, {attributes: true, attributeFilter: ['data-test-script-state'], attributeOldValue: true});
  setTimeout(() => { observer.disconnect(); reject(new Error('no rerun within 20 s')); }, 20000);
}); }"""


def browser_times(build_dir: Path, runs: int, pages: Sequence[str] | None = None, start: str | None = None,
                  expect: dict[str, str] | None = None,
                  reload: bool = True) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Seconds to a rendered page in headless Chromium, per page: by a sidebar click (warm, as a visitor
    moves between pages) and, with `reload`, by a full reload (the Streamlit bundle and a new session each time).

    `pages` default to every page; the session starts at `start` (a page and query, such as
    `entity?entity=inst_jlu`: the entity page then shows that entity when clicked to), default the last
    page. `expect` maps a page to a text it must show once warm (else RuntimeError).
    """
    from playwright.sync_api import Error as PlaywrightError

    from tests.browser import PAGES as BROWSER_PAGES
    from tests.browser import VIEWPORT, chromium, page_url, serve_app, wait_rendered

    pages = tuple(pages or BROWSER_PAGES)
    clicks: dict[str, list[float]] = {name: [] for name in pages}
    reloads: dict[str, list[float]] = {name: [] for name in pages}
    with serve_app(build_dir) as base, chromium() as browser:
        page = browser.new_page(viewport=VIEWPORT)
        page.goto(f"{base}/{start}" if start else page_url(base, pages[-1]))
        wait_rendered(page)
        for round_ in range(runs + 1):  # round 0 warms every page's caches
            for name in pages:
                link = page.locator(f'[data-testid="stSidebarNav"] a[href="{page_url(base, name)}"]')
                page.evaluate(_TIME_NEXT_RUN)
                link.click()
                try:
                    elapsed = page.evaluate("window.nextRun") / 1000
                except PlaywrightError:  # the observer saw no rerun (rarely): this click is not counted
                    elapsed = None
                wait_rendered(page)
                if round_ and elapsed is not None:
                    clicks[name].append(elapsed)
                elif not round_ and name in (expect or {}) and not page.get_by_text(expect[name]).count():
                    raise RuntimeError(f"the {name} page does not show {expect[name]!r}")
        for name in pages if reload else ():
            for _ in range(runs):
                started = time.perf_counter()
                page.goto(page_url(base, name))
                wait_rendered(page)
                reloads[name].append(time.perf_counter() - started)
    return clicks, reloads


def _report(title: str, times: dict[str, list[float]], target: float) -> list[str]:
    """Print one table; the pages whose median is over the target."""
    print(f"{title:<10} {'median s':>9} {'max s':>7}")
    for page, values in times.items():
        print(f"{page:<10} {statistics.median(values):9.3f} {max(values):7.3f}")
    return [f"{title}:{page}" for page, values in times.items() if statistics.median(values) > target]


def main(argv: list[str] | None = None) -> int:
    """Print warm render times per page; 1 if any median is over the target."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", type=Path, default=Path(os.environ.get("JIG_BUILD_DIR", ROOT / "data/build")))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--target", type=float, default=1.5)
    args = parser.parse_args(argv)
    os.environ["JIG_BUILD_DIR"] = str(args.build_dir.resolve())
    sys.path.insert(0, str(ROOT))
    logging.getLogger("streamlit").setLevel(logging.ERROR)  # AppTest outside a session warns on every call
    over = _report("script", {page: render_times(page, query, args.runs) for page, query in PAGES.items()},
                   args.target)
    from tests.browser import CHROMIUM

    if CHROMIUM.exists():
        clicks, reloads = browser_times(args.build_dir.resolve(), args.runs)
        over += _report("click", clicks, args.target)
        _report("reload", reloads, float("inf"))  # informative: a reload also fetches the app's bundle
    else:
        print(f"browser timings skipped: {CHROMIUM} is not installed (make browser)")
    if over:
        print(f"over the {args.target:g} s target: {', '.join(over)}")
        return 1
    print(f"every page under the {args.target:g} s target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
