"""The dashboard (GET /_emulator/ui) in a real headless browser: Debian's chromium renders the
seed's scenario replayed by the binary (--scenario), and selenium (through Debian's chromedriver)
clicks the clock control. A screenshot is kept in artifacts/dashboard.png; the Japanese pages'
line breaks are checked at two widths, with screenshots in artifacts/line-breaks-*.png.

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

from conftest import make_client
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


@pytest.fixture(scope="module")
def class_under_way():
    """The seed's class 2 h 30 min in: the domain, the data-scientist user profile, its
    JupyterServer on system and three notebooks InService on ml.t3.medium (two, sharing an
    instance) and ml.m5.large; with the Studio page's URL for the user (--studio-base-url)."""
    server = Emulator(delays="fast", extra_args=(
        "--scenario", str(SEED), "--studio-base-url", "{endpoint}/_emulator/studio",
    ))
    try:
        t0 = server.admin("GET", "/_emulator/resources")["Scenario"]["T0"]
        server.advance(t0 + 2.5 * 3600 - server.now())
        domain = server.admin("GET", "/_emulator/resources")["Domains"][0]["DomainId"]
        studio = make_client(server.endpoint, "000000000000").create_presigned_domain_url(
            DomainId=domain, UserProfileName="data-scientist"
        )["AuthorizedUrl"]
        yield server, studio
    finally:
        server.stop()


class Statuses(html.parser.HTMLParser):
    """Each element with a data-status: [its class, data-status, title, text]."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, int | None]] = []
        self.found: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        index = None
        if "data-status" in attrs:
            index = len(self.found)
            self.found.append([attrs.get("class") or "", attrs["data-status"], attrs.get("title") or "", ""])
        self.stack.append((tag, index))

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        for _, index in self.stack:
            if index is not None:
                self.found[index][3] += data


def statuses(url: str, cls: str) -> list[tuple[str, str, str]]:
    """(data-status, text, title) of each element of class `cls` with a data-status."""
    parser = Statuses()
    parser.feed(dump_dom(url))
    return [(value, text, title) for classes, value, title, text in parser.found if cls in classes.split()]


def test_statuses_are_the_consoles_words_and_keep_the_api_value(class_under_way):
    """In Japanese an app's InService reads 「準備完了」, as the Japanese console shows it (the
    Japanese developer guide; docs/fidelity.md, "Status words of the Japanese pages"); the
    domain's and the user profile's InService keep the API's word (no source shows another),
    with a hint in Japanese as their title. The API's value stays in data-status; English is
    unchanged."""
    server, studio = class_under_way
    ready = ("InService", "準備完了", "InService: 使用できます")
    kept = ("InService", "InService", "InService: 使用できます")

    # The domain, the user profile, then its four apps (JupyterServer and three notebooks).
    japanese = statuses(server.endpoint + "/_emulator/ui?lang=ja", "badge")
    assert japanese == [kept, kept, ready, ready, ready, ready], japanese
    english = statuses(server.endpoint + "/_emulator/ui?lang=en", "badge")
    assert english == [("InService", "InService", "")] * 6, english

    # The Studio page's apps table: the same words.
    assert statuses(studio + "&lang=ja", "status") == [ready] * 4
    assert statuses(studio + "&lang=en", "status") == [("InService", "InService", "")] * 4


# Words of the pages' own Japanese strings that a line must never split (the issue's
# reproduction was 「ユーザープ/ロファイル」), and a price with its unit (「$0.115/ / 時間」).
UNBREAKABLE_JA = (
    "ユーザープロファイル", "インスタンスタイプ", "インスタンス", "アプリケーション", "ノートブック",
    "ドメイン", "スペース", "シャットダウン", "クイックセットアップ", "セットアップ", "エミュレーター",
    "シミュレーション", "タイムライン", "ユーザー名", "実行ロール", "課金", "料金", "時間", "実行中",
    "停止済み", "準備完了",
)
PRICE_PER_HOUR_JA = r"\$[0-9.,]+\u2060?/\u2060?時間"
LINE_BREAK_WIDTHS = (360, 1280)

# Finds, in every rendered text node of the page, each occurrence of the words and of the price
# pattern, and the line each of its characters is laid out on (Range.getClientRects, one character
# at a time): a character whose middle lies below the previous one's bottom starts a new line.
# Answers the splits found, how many occurrences were checked, and how many Japanese text nodes
# wrap onto several lines (so that a narrow page is seen to wrap at all).
FIND_SPLIT_WORDS = r"""
const [words, pricePattern] = arguments;
const range = document.createRange();
const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
const checked = {}, splits = [];
let wrapped = 0;
function rects(node, start, end) {
  const out = [];
  for (let i = start; i < end; i++) {
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    const box = [...range.getClientRects()].find((r) => r.width > 0 && r.height > 0);
    if (box) out.push({ i, top: box.top, bottom: box.bottom });
  }
  return out;
}
const newLine = (a, b) => (b.top + b.bottom) / 2 > a.bottom;
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const text = node.data;
  if (!text.trim() || !node.parentElement || node.parentElement.closest("script, style, option, select, textarea")) continue;
  const all = rects(node, 0, text.length);
  if (!all.length) continue;
  if (japanese.test(text) && all.some((r, k) => k > 0 && newLine(all[k - 1], r))) wrapped += 1;
  const spans = [];
  for (const word of words) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) spans.push([word, at, at + word.length]);
  }
  for (const m of text.matchAll(new RegExp(pricePattern, "g"))) spans.push(["price " + m[0], m.index, m.index + m[0].length]);
  for (const [word, start, end] of spans) {
    const laid = all.filter((r) => r.i >= start && r.i < end);
    if (!laid.length) continue;
    checked[word] = (checked[word] || 0) + 1;
    const cut = laid.findIndex((r, k) => k > 0 && newLine(laid[k - 1], r));
    if (cut > 0) {
      splits.push(`${word}: «${text.slice(start, laid[cut].i)}» / «${text.slice(laid[cut].i, end)}» in «${text.trim().slice(0, 80)}»`);
    }
  }
}
return { checked, splits, wrapped };
"""


def test_japanese_lines_never_break_inside_a_word(class_under_way):
    """The Japanese dashboard and Studio page, drawn with the seed's class under way (a domain,
    the data-scientist user profile, notebooks on ml.t3.medium and ml.m5.large, prices per
    hour), at a phone's width and a laptop's: no line breaks inside a word of the pages' own
    Japanese strings, nor between a price and its 「/時間」. Chromium breaks Japanese between
    any two characters unless the page asks for phrases (`word-break: auto-phrase`, which needs
    lang="ja"); screenshots are kept in artifacts/line-breaks-*.png."""
    import base64

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    server, studio = class_under_way
    pages = {
        # Each page waits for its content: two instances, each with its price per hour.
        "dashboard": (server.endpoint + "/_emulator/ui?lang=ja", "#instances .instance"),
        "studio": (studio + "&lang=ja", "#cost-lines li"),
    }
    options = webdriver.ChromeOptions()
    options.binary_location = tool("chromium")
    with tempfile.TemporaryDirectory() as profile:
        for flag in chromium_flags(profile):
            options.add_argument("--headless=new" if flag == "--headless" else flag)
        options.add_argument("--hide-scrollbars")
        driver = webdriver.Chrome(service=Service(executable_path=tool("chromedriver")), options=options)
        try:
            driver.set_page_load_timeout(BROWSER_TIMEOUT_SECONDS)
            wait = WebDriverWait(driver, 15)
            failures = []
            for name, (url, content) in pages.items():
                driver.get(url)
                wait.until(lambda d: d.execute_script(
                    "return document.body.dataset.ready === 'true' && document.documentElement.lang === 'ja'"
                    " && document.querySelectorAll(arguments[0]).length === 2", content))
                for width in LINE_BREAK_WIDTHS:
                    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                        "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False,
                    })
                    found = driver.execute_script(FIND_SPLIT_WORDS, list(UNBREAKABLE_JA), PRICE_PER_HOUR_JA)
                    checked = found["checked"]
                    # The check saw what it is about: the words, both prices, wrapped text.
                    assert checked.get("ユーザープロファイル") and checked.get("インスタンス"), (name, width, checked)
                    prices = [word for word in checked if word.startswith("price ")]
                    assert any("$0.115" in p for p in prices) and any("$0.050" in p for p in prices), \
                        (name, width, prices)
                    if width < 600:
                        assert found["wrapped"] > 0, f"{name} at {width}px wraps no Japanese text"
                    failures += [f"{name} at {width}px: {split}" for split in found["splits"]]
                    ARTIFACTS.mkdir(exist_ok=True)
                    size = driver.execute_script(
                        "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
                    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
                        "format": "png", "captureBeyondViewport": True,
                        "clip": {"x": 0, "y": 0, "width": size[0], "height": size[1], "scale": 1},
                    })
                    (ARTIFACTS / f"line-breaks-{name}-ja-{width}.png").write_bytes(base64.b64decode(shot["data"]))
            assert not failures, "lines broken inside a word:\n" + "\n".join(failures)
        finally:
            driver.quit()
