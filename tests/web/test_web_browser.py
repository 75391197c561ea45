"""End to end in real headless Chromium (Debian's chromium + chromium-driver, via selenium):
the events page, a filter, an article with its highlighted spans, a screenshot."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tacitus.pipeline import Coder
from tacitus.web import create_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None,
    reason="chromium and chromium-driver are not installed (apt-get install -y chromium "
    "chromium-driver; see .ci/apt-packages.txt)",
)

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--window-size=1280,1000",
)  # fmt: skip


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(web_db: Path, coder: Coder) -> Iterator[str]:
    """The app served by uvicorn on 127.0.0.1 in a thread; yields its base URL."""
    import uvicorn

    port = _free_port()
    app = create_app(web_db, coder_factory=lambda: coder)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not instance.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    selenium = pytest.importorskip("selenium")
    del selenium
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # never let selenium-manager fetch a driver
    options = webdriver.ChromeOptions()
    assert CHROMIUM is not None and DRIVER is not None
    options.binary_location = CHROMIUM
    profile = tmp_path_factory.mktemp("chromium-profile")
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=DRIVER))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def test_browse_filter_and_read_an_article(server: str, browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 15)
    browser.get(server + "/")
    assert "Events" in browser.title
    rows = browser.find_elements(By.CSS_SELECTOR, "#events tbody tr")
    assert len(rows) == 9

    # filter by actor through the form (app.js drops the empty fields from the URL)
    field = browser.find_element(By.NAME, "actor")
    field.clear()
    field.send_keys("RUS")
    browser.find_element(By.ID, "apply").click()
    wait.until(ec.url_contains("actor=RUS"))
    assert "place=" not in browser.current_url
    rows = browser.find_elements(By.CSS_SELECTOR, "#events tbody tr")
    assert len(rows) == 3

    # open the first event's article
    link = browser.find_element(By.CSS_SELECTOR, "#events a.article-link")
    assert link.text == "moscow-1"
    link.click()
    wait.until(ec.presence_of_element_located((By.ID, "text")))
    assert "/articles/moscow-1" in browser.current_url

    # the coded spans are visible and styled
    for kind, words in (("actor", "Russia"), ("recipient", "two British diplomats"),
                        ("trigger", "expelled"), ("place", "Moscow")):  # fmt: skip
        marks = browser.find_elements(By.CSS_SELECTOR, f"#text mark.k-{kind}")
        assert any(m.text == words and m.is_displayed() for m in marks), kind
    actor = browser.find_element(By.CSS_SELECTOR, "#text mark.k-actor")
    assert actor.value_of_css_property("background-color") == "rgba(211, 229, 255, 1)"
    trigger = browser.find_element(By.CSS_SELECTOR, "#text mark.k-trigger")
    assert trigger.value_of_css_property("font-weight") == "700"
    # the hostile line in this article is text, not a script
    assert '<script>alert("pwned")</script>' in browser.find_element(By.ID, "text").text
    assert browser.execute_script("return document.scripts.length") == 1

    # hovering an event's row outlines its spans (app.js)
    from selenium.webdriver import ActionChains

    ActionChains(browser).move_to_element(
        browser.find_element(By.CSS_SELECTOR, "tr.event-row")
    ).perform()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#text mark.focus"))

    shot = tmp_path / "article.png"
    assert browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")


def test_the_map_and_the_dyad_chart_draw(server: str, browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    browser.get(server + "/map")
    points = browser.find_elements(By.CSS_SELECTOR, "#world-map circle.point")
    assert len(points) == 4 and all(p.is_displayed() for p in points)
    browser.get(server + "/dyads/RUS/GBR")
    bars = browser.find_elements(By.CSS_SELECTOR, "#dyad-chart rect.bar")
    assert len(bars) == 3
    # nothing was refused by the content security policy, nothing failed to load
    logs = browser.get_log("browser") if hasattr(browser, "get_log") else []
    assert not [entry for entry in logs if entry.get("level") == "SEVERE"], logs
    browser.save_screenshot(str(tmp_path / "dyad.png"))
