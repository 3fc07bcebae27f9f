"""The seed as a class clicks it, in headless Chromium (selenium through Debian's chromedriver), in
English and then in Japanese — the walk-through a teacher can follow:

1. the dashboard's Quick setup form (user name, execution role) makes the console's quick setup;
2. "Launch" next to the user profile opens Studio (CreatePresignedDomainUrl, then the emulator's
   Studio page with its token);
3. New notebook #1 on ml.t3.medium (preselected); an hour later (+1 h on the emulator's manual
   clock) notebook #2 on ml.t3.medium: it joins #1's instance; an hour later notebook #3 on
   ml.m5.large: a second instance; an hour later every notebook is shut down;
4. the Studio page, the dashboard and GET /_emulator/usage all bill 3 h of ml.t3.medium and
   1 h of ml.m5.large: $0.265 (3 × $0.05 + $0.115, AWS's Studio notebooks usage-metering example).

Every click is a SageMaker API call of the page; the test moves only the clock. Screenshots of
both languages are kept in artifacts/ (classroom-*-en.png, classroom-*-ja.png)."""

from __future__ import annotations

import tempfile

import pytest

from conftest import make_client
from emulator import Emulator
from test_dashboard import ARTIFACTS, BROWSER_TIMEOUT_SECONDS, chromium_flags, tool

USER = "data-scientist"
ROLE = "arn:aws:iam::000000000000:role/service-role/AmazonSageMaker-ExecutionRole-20200501T153453"
WAIT_SECONDS = 15

# What each language's pages must say (a few labels of each page, and the formats).
LABELS = {
    "en": {
        "quick-setup": "Quick setup",
        "launch": "Launch",
        "new-notebook": "New notebook",
        "instance-type": "Instance type",
        "shut-down": "Shut down",
        "cost-title": "What your notebooks cost",
        "t3-hours": "ml.t3.medium: 3 h 00 min 00 s",
        "m5-hours": "ml.m5.large: 1 h 00 min 00 s",
        "shares": "notebook-2 runs on notebook-1's ml.t3.medium instance",
        "total": "$0.2650",
        "studio-title": f"SageMaker Studio (emulator) · {USER}",
    },
    "ja": {
        "quick-setup": "クイックセットアップ",
        "launch": "起動",
        "new-notebook": "新しいノートブック",
        "instance-type": "インスタンスタイプ",
        "shut-down": "シャットダウン",
        "cost-title": "ノートブックの料金",
        "t3-hours": "ml.t3.medium: 3 時間 00 分 00 秒",
        "m5-hours": "ml.m5.large: 1 時間 00 分 00 秒",
        "shares": "notebook-2 は notebook-1 の ml.t3.medium インスタンスを共有しています",
        "total": "$0.2650",
        "studio-title": f"SageMaker Studio (エミュレーター) · {USER}",
    },
}


def browser(language: str, profile: str):
    """Headless Chromium whose Accept-Language prefers `language`."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = tool("chromium")
    for flag in chromium_flags(profile):
        options.add_argument("--headless=new" if flag == "--headless" else flag)
    options.add_argument("--window-size=1400,1100")
    options.add_argument("--hide-scrollbars")
    options.add_argument(f"--lang={language}")
    accept = "ja,en-US;q=0.8,en;q=0.7" if language == "ja" else "en-US,en;q=0.9"
    options.add_experimental_option("prefs", {"intl.accept_languages": accept})
    return webdriver.Chrome(service=Service(executable_path=tool("chromedriver")), options=options)


def click(driver, css: str) -> None:
    """Clicks the element `css` selects once it is there; the pages redraw every second, so an
    element found just before a redraw is looked up again."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    def clicked(d):
        try:
            buttons = d.find_elements(By.CSS_SELECTOR, css)
            if not buttons or not buttons[0].is_enabled():
                return False
            buttons[0].click()
            return True
        except StaleElementReferenceException:
            return False

    WebDriverWait(driver, WAIT_SECONDS).until(clicked, f"no enabled {css} to click")


def attribute(driver, css: str, name: str) -> str | None:
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By

    try:
        found = driver.find_elements(By.CSS_SELECTOR, css)
        return found[0].get_attribute(name) if found else None
    except StaleElementReferenceException:
        return None


def text(driver, css: str) -> str:
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By

    try:
        found = driver.find_elements(By.CSS_SELECTOR, css)
        return found[0].text if found else ""
    except StaleElementReferenceException:
        return ""


def until(driver, condition, message: str):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT_SECONDS).until(lambda d: condition(d), message)


def new_notebook(driver, name: str, instance_type: str) -> None:
    """New notebook on the Studio page: the suggested name, then Create; waits for its row."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    until(driver, lambda d: attribute(d, "#notebook-name", "value") == name, f"name {name} not suggested")
    Select(driver.find_element(By.ID, "notebook-kind")).select_by_value("KernelGateway")
    Select(driver.find_element(By.ID, "instance-type")).select_by_value(instance_type)
    click(driver, "#create-notebook")
    until(
        driver,
        lambda d: attribute(d, f'tr[data-app="{name}"]', "data-instance-type") == instance_type,
        f"{name} is not listed on {instance_type}",
    )


def status_of(driver, name: str) -> str | None:
    return attribute(driver, f'tr[data-app="{name}"]', "data-status")


def screenshot(driver, name: str) -> None:
    """The whole page (the window as tall as the document) in artifacts/NAME, and a copy at
    60 % scale as NAME-small.png (Chromium scales it: the picture of docs/teaching-demo.md, docs/teaching-studio.png,
    is the English Studio page's, copied from there)."""
    import base64

    height = int(driver.execute_script("return document.documentElement.scrollHeight"))
    driver.set_window_size(1400, min(height + 40, 3000))
    ARTIFACTS.mkdir(exist_ok=True)
    assert driver.save_screenshot(str(ARTIFACTS / name))
    width = int(driver.execute_script("return document.documentElement.scrollWidth"))
    height = int(driver.execute_script("return document.documentElement.scrollHeight"))
    small = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png",
        "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 0.6},
    })
    (ARTIFACTS / name.replace(".png", "-small.png")).write_bytes(base64.b64decode(small["data"]))


@pytest.mark.parametrize("language", ["en", "ja"])
def test_a_class_clicks_the_seed_quick_setup_launch_notebooks_and_the_bill(language):
    from selenium.webdriver.common.by import By

    labels = LABELS[language]
    server = Emulator(delays="fast")
    try:
        with tempfile.TemporaryDirectory() as profile:
            driver = browser(language, profile)
            try:
                driver.set_page_load_timeout(BROWSER_TIMEOUT_SECONDS)
                # The dashboard, in the language Accept-Language prefers.
                driver.get(server.endpoint + "/_emulator/ui")
                until(driver, lambda d: attribute(d, "body", "data-ready") == "true", "dashboard not drawn")
                assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
                assert text(driver, "#quick-setup h2") == labels["quick-setup"].upper() or \
                    text(driver, "#quick-setup h2") == labels["quick-setup"]
                dashboard = driver.current_window_handle

                # 1. Quick setup from the form.
                driver.find_element(By.ID, "user-name").send_keys(USER)
                driver.find_element(By.ID, "execution-role").send_keys(ROLE)
                click(driver, "#quick-setup-submit")
                until(driver, lambda d: d.find_elements(By.ID, "quick-setup-done"), "quick setup not done")
                domains = server.admin("GET", "/_emulator/resources")["Domains"]
                assert len(domains) == 1 and domains[0]["DomainName"].startswith("QuickSetupDomain-")
                assert [p["UserProfileName"] for p in domains[0]["UserProfiles"]] == [USER]
                assert [(a["AppType"], a["AppName"]) for a in domains[0]["UserProfiles"][0]["Apps"]] == [
                    ("JupyterServer", "default")
                ]
                # The settings the quick-start subcommand gives (the console's), seen by boto3.
                sm = make_client(server.endpoint, "000000000000")
                settings = sm.describe_domain(DomainId=domains[0]["DomainId"])["DefaultUserSettings"]
                assert settings["ExecutionRole"] == ROLE
                assert settings["StudioWebPortal"] == "ENABLED"
                assert settings["DefaultLandingUri"] == "studio::"
                assert settings["SharingSettings"]["NotebookOutputOption"] == "Allowed"

                # 2. Launch: Studio opens in a new tab, for this user.
                launch = f'button.launch[data-user="{USER}"]'
                until(driver, lambda d: text(d, launch) == labels["launch"], "no Launch button")
                click(driver, launch)
                until(driver, lambda d: len(d.window_handles) == 2, "Studio did not open")
                driver.switch_to.window(next(h for h in driver.window_handles if h != dashboard))
                until(driver, lambda d: "/_emulator/studio/" in d.current_url, "not the Studio page")
                until(driver, lambda d: attribute(d, "body", "data-ready") == "true", "Studio page not drawn")
                assert text(driver, "#user") == USER
                assert driver.title == labels["studio-title"], driver.title
                assert text(driver, "#launcher h2") in (labels["new-notebook"], labels["new-notebook"].upper())
                assert text(driver, 'label[for="instance-type"]') == labels["instance-type"]
                chosen = attribute(driver, "#instance-type", "value")
                assert chosen == "ml.t3.medium", "ml.t3.medium is preselected"
                until(driver, lambda d: status_of(d, "default") is not None, "the JupyterServer app is not listed")

                # 3. The seed's notebooks, an hour apart.
                new_notebook(driver, "notebook-1", "ml.t3.medium")
                server.advance(3600)
                until(driver, lambda d: status_of(d, "notebook-1") == "InService", "notebook-1 not InService")
                new_notebook(driver, "notebook-2", "ml.t3.medium")
                server.advance(3600)
                new_notebook(driver, "notebook-3", "ml.m5.large")
                server.advance(3600)
                until(driver, lambda d: status_of(d, "notebook-3") == "InService", "notebook-3 not InService")
                assert labels["shares"] in text(driver, "#cost-lines"), text(driver, "#cost-lines")

                # Shut down all three (each its own DeleteApp), then let the deletions finish.
                for name in ("notebook-1", "notebook-2", "notebook-3"):
                    button = f'tr[data-app="{name}"] button.shutdown'
                    until(driver, lambda d: text(d, button) == labels["shut-down"], f"no Shut down on {name}")
                    click(driver, button)
                    until(driver, lambda d: status_of(d, name) == "Deleting", f"{name} not Deleting")
                server.advance(60)
                for name in ("notebook-1", "notebook-2", "notebook-3"):
                    until(driver, lambda d: status_of(d, name) == "Deleted", f"{name} not Deleted")
                assert status_of(driver, "default") == "InService", "the JupyterServer app keeps running"

                # 4. The bill: the Studio page, the usage report and the dashboard agree.
                until(driver, lambda d: attribute(d, "#cost-total", "data-usd") == "0.265", "Studio page bill")
                t3 = '#cost-by-type [data-instance-type="ml.t3.medium"]'
                m5 = '#cost-by-type [data-instance-type="ml.m5.large"]'
                # The page redraws every second: an element read during a redraw reads as gone,
                # so each check waits for its value instead of reading it once.
                until(driver, lambda d: attribute(d, t3, "data-seconds") == "10800", "ml.t3.medium seconds")
                until(driver, lambda d: attribute(d, m5, "data-seconds") == "3600", "ml.m5.large seconds")
                until(driver, lambda d: text(d, t3) == labels["t3-hours"], "ml.t3.medium hours")
                until(driver, lambda d: text(d, m5) == labels["m5-hours"], "ml.m5.large hours")
                until(driver, lambda d: text(d, "#cost-total") == labels["total"], "Studio page total")
                assert text(driver, "#cost-section h2") in (labels["cost-title"], labels["cost-title"].upper())
                usage = server.admin("GET", "/_emulator/usage")
                billed: dict[str, int] = {}
                for instance in usage["Instances"]:
                    billed[instance["InstanceType"]] = billed.get(instance["InstanceType"], 0) + instance["BilledSeconds"]
                assert billed == {"ml.t3.medium": 3 * 3600, "ml.m5.large": 3600}
                assert usage["TotalCostUsd"] == 0.265
                screenshot(driver, f"classroom-studio-{language}.png")

                driver.switch_to.window(dashboard)
                until(driver, lambda d: attribute(d, "#total-cost", "data-usd") == "0.265", "dashboard bill")
                t3 = '#bill-lines [data-instance-type="ml.t3.medium"]'
                m5 = '#bill-lines [data-instance-type="ml.m5.large"]'
                until(driver, lambda d: attribute(d, t3, "data-seconds") == "10800", "dashboard ml.t3.medium seconds")
                until(driver, lambda d: attribute(d, m5, "data-seconds") == "3600", "dashboard ml.m5.large seconds")
                until(driver, lambda d: "0.2650" in text(d, "#total-cost"), "dashboard total")
                screenshot(driver, f"classroom-dashboard-{language}.png")
            finally:
                driver.quit()
    finally:
        server.stop()


def test_the_language_switch_is_remembered_and_a_jupyterlab_space_starts_once_in_service():
    """English by Accept-Language; 日本語 chosen on the dashboard stays chosen on the Studio page
    (the browser remembers it), and English again there switches the page in place. With
    --studio-base-url the presigned URL itself is the Studio page's, and Launch opens it as is.
    A JupyterLab notebook is a private space whose app the page starts once the space is
    InService (AWS refuses it before)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    server = Emulator(delays="fast", extra_args=("--studio-base-url", "{endpoint}/_emulator/studio"))
    try:
        with tempfile.TemporaryDirectory() as profile:
            driver = browser("en", profile)
            try:
                driver.set_page_load_timeout(BROWSER_TIMEOUT_SECONDS)
                driver.get(server.endpoint + "/_emulator/ui")
                until(driver, lambda d: attribute(d, "body", "data-ready") == "true", "dashboard not drawn")
                assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
                assert text(driver, "#quick-setup-submit") == "Set up"
                click(driver, "#lang-ja")
                until(driver, lambda d: text(d, "#quick-setup-submit") == "セットアップ", "not switched to Japanese")
                assert "lang=ja" in driver.current_url
                driver.find_element(By.ID, "user-name").send_keys(USER)
                driver.find_element(By.ID, "execution-role").send_keys(ROLE)
                click(driver, "#quick-setup-submit")
                until(driver, lambda d: d.find_elements(By.ID, "quick-setup-done"), "quick setup not done")
                dashboard = driver.current_window_handle
                click(driver, f'button.launch[data-user="{USER}"]')
                until(driver, lambda d: len(d.window_handles) == 2, "Studio did not open")
                driver.switch_to.window(next(h for h in driver.window_handles if h != dashboard))
                until(driver, lambda d: attribute(d, "body", "data-ready") == "true", "Studio page not drawn")
                assert driver.current_url.startswith(server.endpoint + "/_emulator/studio/")
                assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ja"
                assert text(driver, "#create-notebook") == "作成"
                click(driver, "#lang-en")
                until(driver, lambda d: text(d, "#create-notebook") == "Create", "not switched to English")

                until(driver, lambda d: attribute(d, "#notebook-name", "value") == "notebook-1", "no name suggested")
                Select(driver.find_element(By.ID, "notebook-kind")).select_by_value("JupyterLab")
                Select(driver.find_element(By.ID, "instance-type")).select_by_value("ml.t3.large")
                click(driver, "#create-notebook")
                until(driver, lambda d: attribute(d, '#spaces [data-space="notebook-1"]', "data-space"), "no space")
                assert not driver.find_elements(By.CSS_SELECTOR, 'tr[data-space="notebook-1"]'), "no app before InService"
                server.advance(1)
                row = 'tr[data-space="notebook-1"]'
                until(driver, lambda d: attribute(d, row, "data-instance-type") == "ml.t3.large", "the space's app did not start")
                assert attribute(driver, row, "data-app-type") == "JupyterLab"
                server.advance(1)
                until(driver, lambda d: attribute(d, row, "data-status") == "InService", "the space's app not InService")
                click(driver, f"{row} button.shutdown")
                until(driver, lambda d: attribute(d, row, "data-status") == "Deleting", "not shut down")
                usage = server.admin("GET", "/_emulator/usage")["Instances"]
                assert [(i["SpaceName"], i["InstanceType"], i["BilledSeconds"]) for i in usage] == [
                    ("notebook-1", "ml.t3.large", 1)
                ]
            finally:
                driver.quit()
    finally:
        server.stop()


def test_launch_for_a_user_studio_cannot_open_says_why():
    """CreatePresignedDomainUrl is refused for a domain whose AuthMode is SSO: Launch opens no
    Studio and says why, and the message stays (the next refresh does not clear it)."""
    from selenium.webdriver.common.by import By

    server = Emulator(delays="fast")
    try:
        sm = make_client(server.endpoint, "000000000000")
        domain = sm.create_domain(
            DomainName="sso", AuthMode="SSO", DefaultUserSettings={"ExecutionRole": ROLE}
        )["DomainId"]
        sm.create_user_profile(
            DomainId=domain, UserProfileName="bo",
            SingleSignOnUserIdentifier="UserName", SingleSignOnUserValue="bo",
        )
        with tempfile.TemporaryDirectory() as profile:
            driver = browser("en", profile)
            try:
                driver.set_page_load_timeout(BROWSER_TIMEOUT_SECONDS)
                driver.get(server.endpoint + "/_emulator/ui")
                click(driver, 'button.launch[data-user="bo"]')
                until(driver, lambda d: "AuthMode is IAM" in text(d, "#notice"), "no reason given")
                server.advance(1)
                until(driver, lambda d: "InService" in text(d, "#tree"), "the page did not refresh")
                assert "Studio could not be opened for bo" in text(driver, "#notice")
                until(driver, lambda d: len(d.window_handles) == 1, "a Studio tab stayed open")
            finally:
                driver.quit()
    finally:
        server.stop()
