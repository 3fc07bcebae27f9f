"""The dashboard (GET /_emulator/ui) in a real headless browser: Debian's chromium renders the
seed's scenario replayed by the binary (--scenario), and selenium (through Debian's chromedriver)
clicks the clock control. A screenshot is kept in artifacts/dashboard.png.

chromium and chromedriver must be installed (`apt-get install -y chromium chromium-driver`, which
.ci/run does): without them these tests fail, they do not skip."""

from __future__ import annotations

import html.parser
import re
import shutil
import subprocess
import tempfile
import time

import pytest

from emulator import REPO, SCENARIOS, Emulator

SEED = SCENARIOS / "seed-notebooks.json"
ARTIFACTS = REPO / "artifacts"
BROWSER_TIMEOUT_SECONDS = 30


def tool(*names: str) -> str:
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    pytest.fail(
        f"{' or '.join(names)} not found: the dashboard tests need Debian's chromium and "
        "chromedriver (apt-get install -y chromium chromium-driver; .ci/run installs them)"
    )


def chromium_flags(profile: str) -> list[str]:
    return [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
    ]


def dump_dom(url: str) -> str:
    """The page's DOM after its scripts ran (chromium --dump-dom with a virtual time budget)."""
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [tool("chromium"), *chromium_flags(profile), "--virtual-time-budget=5000", "--dump-dom", url],
            capture_output=True,
            text=True,
            timeout=BROWSER_TIMEOUT_SECONDS,
        )
    assert done.returncode == 0, f"chromium --dump-dom failed ({done.returncode}): {done.stderr[-2000:]}"
    return done.stdout


class ById(html.parser.HTMLParser):
    """The text content and attributes of each element with an id."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []
        self.text: dict[str, str] = {}
        self.attrs: dict[str, dict[str, str | None]] = {}

    def handle_starttag(self, tag, attrs):
        element_id = dict(attrs).get("id")
        if element_id:
            self.attrs[element_id] = dict(attrs)
            self.text.setdefault(element_id, "")
        self.stack.append((tag, element_id))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        for _, element_id in self.stack:
            if element_id:
                self.text[element_id] += data


def parse(dom: str) -> ById:
    parser = ById()
    parser.feed(dom)
    return parser


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def demo():
    """The binary replaying the seed's scenario on a manual clock, moved to T0 + 3 h: every
    notebook has just been shut down, so the bill is final (0.265 USD)."""
    server = Emulator(delays="fast", extra_args=("--scenario", str(SEED)))
    try:
        t0 = server.admin("GET", "/_emulator/resources")["Scenario"]["T0"]
        server.advance(t0 + 3 * 3600 - server.now())
        yield server
    finally:
        server.stop()


def test_the_page_shows_the_tree_the_instances_the_timeline_and_the_bill(demo):
    usage = demo.admin("GET", "/_emulator/usage")
    assert usage["TotalCostUsd"] == 0.265
    page = parse(dump_dom(demo.endpoint + "/_emulator/ui"))

    assert page.attrs["total-cost"]["data-usd"] == str(usage["TotalCostUsd"])
    assert "0.265" in page.text["total-cost"], page.text["total-cost"]

    tree = squash(page.text["tree"])
    # Named from the emulator's clock when the scenario started (T0), as the console stamps it.
    t0 = demo.admin("GET", "/_emulator/resources")["Scenario"]["T0"]
    assert "QuickSetupDomain-" + time.strftime("%Y%m%dT%H%M%S", time.gmtime(int(t0))) in tree
    assert "data-scientist" in tree
    for app in ("default", "notebook-1", "notebook-2", "notebook-3"):
        assert app in tree, tree

    instances = squash(page.text["instances"])
    t3 = next(i for i in usage["Instances"] if i["InstanceType"] == "ml.t3.medium")
    assert t3["InstanceId"] in instances
    assert "shared by 2 apps" in instances, instances

    timeline = squash(page.text["timeline"])
    assert "ml.t3.medium 0–3 h" in timeline, timeline
    assert "ml.m5.large 2–3 h" in timeline, timeline

    assert "T0 + 3 h 00 min 00 s" in page.text["elapsed"]
    assert "controls" in page.attrs, "bound to loopback: the clock controls are shown"


def test_the_clock_button_moves_the_emulator_and_the_page(demo):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = tool("chromium")
    with tempfile.TemporaryDirectory() as profile:
        for flag in chromium_flags(profile):
            options.add_argument("--headless=new" if flag == "--headless" else flag)
        options.add_argument("--window-size=1600,1000")
        options.add_argument("--hide-scrollbars")
        # An explicit driver: selenium must not try to download one.
        service = Service(executable_path=tool("chromedriver"))
        driver = webdriver.Chrome(service=service, options=options)
        try:
            driver.set_page_load_timeout(BROWSER_TIMEOUT_SECONDS)
            driver.get(demo.endpoint + "/_emulator/ui")
            wait = WebDriverWait(driver, 10)
            wait.until(lambda d: d.find_element(By.ID, "total-cost").get_attribute("data-usd") == "0.265")
            before = demo.now()
            shown = driver.find_element(By.ID, "clock").text

            driver.find_element(By.ID, "advance-3600").click()

            deadline = time.monotonic() + 10
            while demo.now() != before + 3600 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert demo.now() == before + 3600, "the +1 h button did not advance the clock"
            wait.until(lambda d: d.find_element(By.ID, "clock").get_attribute("data-now") == str(before + 3600))
            assert driver.find_element(By.ID, "clock").text != shown
            assert "T0 + 4 h 00 min 00 s" in driver.find_element(By.ID, "elapsed").text
            # An hour later nothing more is billed: everything was shut down at 3 h.
            assert driver.find_element(By.ID, "total-cost").get_attribute("data-usd") == "0.265"

            # The whole page in one picture: the window as tall as the document.
            height = driver.execute_script("return document.documentElement.scrollHeight")
            driver.set_window_size(1600, min(int(height) + 200, 4000))
            ARTIFACTS.mkdir(exist_ok=True)
            assert driver.save_screenshot(str(ARTIFACTS / "dashboard.png"))
        finally:
            driver.quit()


def test_controls_are_hidden_off_loopback_unless_enabled():
    for extra, controls in (((), False), (("--ui-controls",), True)):
        server = Emulator(delays="fast", extra_args=("--host", "0.0.0.0", *extra))
        try:
            assert server.admin("GET", "/_emulator/ui/config") == {"Controls": controls}
            if not controls:
                page = parse(dump_dom(server.endpoint + "/_emulator/ui"))
                assert "advance-3600" not in page.attrs and "reset" not in page.attrs
                assert page.attrs["total-cost"]["data-usd"] == "0"
        finally:
            server.stop()


def test_the_timeline_keeps_to_the_activity_after_the_class_stopped():
    """Ten hours after every notebook was shut down, the timeline still spans the three hours
    of activity (plus a margin) and says that now lies past its end."""
    server = Emulator(delays="fast", extra_args=("--scenario", str(SEED)))
    try:
        t0 = server.admin("GET", "/_emulator/resources")["Scenario"]["T0"]
        server.advance(t0 + 13 * 3600 - server.now())
        page = parse(dump_dom(server.endpoint + "/_emulator/ui"))
    finally:
        server.stop()
    timeline = squash(page.text["timeline"])
    assert "ml.t3.medium 0–3 h" in timeline, timeline
    assert "now (+" in timeline, timeline
    assert " 13 h" not in timeline and " 12 h" not in timeline, timeline


def test_another_page_cannot_frame_the_dashboard(demo, tmp_path):
    """A page of another origin (here a local file) that frames the dashboard gets nothing in the
    frame: `frame-ancestors 'none'` and `X-Frame-Options: DENY` (a framed Reset was one click)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    framing = tmp_path / "framing.html"
    # The frame's load event fires for a refused frame too (it shows the browser's error page).
    framing.write_text(
        f'<!doctype html><iframe id="victim" src="{demo.endpoint}/_emulator/ui" '
        'width="800" height="600" onload="window.framed = true"></iframe>'
    )
    options = webdriver.ChromeOptions()
    options.binary_location = tool("chromium")
    with tempfile.TemporaryDirectory() as profile:
        for flag in chromium_flags(profile):
            options.add_argument("--headless=new" if flag == "--headless" else flag)
        driver = webdriver.Chrome(service=Service(executable_path=tool("chromedriver")),
                                  options=options)
        try:
            driver.set_page_load_timeout(BROWSER_TIMEOUT_SECONDS)
            # The page itself opens (the control: the same check finds the dashboard).
            driver.get(demo.endpoint + "/_emulator/ui")
            assert driver.find_elements(By.ID, "total-cost")
            driver.get(framing.as_uri())
            WebDriverWait(driver, 10).until(lambda d: d.execute_script("return window.framed === true"))
            driver.switch_to.frame(driver.find_element(By.ID, "victim"))
            assert driver.find_elements(By.ID, "total-cost") == []
            assert driver.find_elements(By.ID, "reset") == []
        finally:
            driver.quit()
