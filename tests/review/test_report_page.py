"""The report page in a real browser: headless Chromium from the distribution's packages, driven by Playwright
(no browser is downloaded). Without a browser these tests skip and say why; under CI (CI set) they fail
instead, so a CI run never passes without them."""

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from entnorm.cli import cli

pytestmark = pytest.mark.browser

#: Flags for a sandboxed, offline machine: no sandbox as root, no background connections.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def _no_browser(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run under CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _no_browser("Playwright is not installed: pip install -e '.[test]'")
    executable = os.environ.get("ENTNORM_BROWSER") or next(
        filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None
    )
    if not executable:
        _no_browser("no Chromium found: apt-get install chromium, or set ENTNORM_BROWSER to a Chromium binary")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, corpus, ruler_model):
    result = CliRunner().invoke(cli, ["report", corpus, "-m", ruler_model, "-a", "/dev/null", "-q"])
    assert result.exit_code == 0, result.output
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    errors, requests = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("request", lambda request: requests.append(request.url))
    page.goto(Path("report.html").resolve().as_uri())
    yield page
    assert errors == []
    assert [url for url in requests if not url.startswith("file://")] == []  # nothing from the network
    context.close()


def rows(page):
    return page.locator("#list li").all_inner_texts()


def test_the_entity_list(page):
    assert page.locator("#summary").inner_text() == "6 entities · 9 mentions · 2 documents · 2 suggestions"
    assert rows(page) == [
        "Sergei Lavrov PERSON\n3",
        "Asaad al-Shibani PERSON\n2",
        "Bashar al-Assad PERSON\n1",
        "Kiev GPE\n1",
        "Kremlin ORG\n1",
        "Moscow GPE\n1",
    ]


def test_filter_by_label_and_search_by_any_spelling(page):
    page.select_option("#label-filter", "GPE")
    assert rows(page) == ["Kiev GPE\n1", "Moscow GPE\n1"]
    page.select_option("#label-filter", "")
    page.fill("#search", "sergey")  # a spelling, not the canonical name
    assert rows(page) == ["Sergei Lavrov PERSON\n3"]
    page.fill("#search", "nobody")
    assert rows(page) == ["Nothing matches."]


def test_click_through_to_contexts_and_to_the_document(page):
    page.click("text=Sergei Lavrov")
    assert page.locator("#entity-name").inner_text() == "Sergei Lavrov PERSON"
    assert page.locator(".spellings tbody tr").all_inner_texts() == [
        "Lavrov\t1",
        "Sergei Lavrov\t1",
        "Sergey Lavrov\t1",
    ]
    kwic = page.locator(".kwic tr")
    assert kwic.count() == 3
    assert kwic.nth(0).inner_text().split("\t") == [
        "Sergei Lavrov met Asaad al-Shibani in Moscow.",  # as shown: the cell's edge spaces are not drawn
        "Lavrov",
        "said the Kremlin agreed.",
        "a.txt",
    ]
    kwic.nth(0).locator("a").click()
    assert page.locator("#document-name").inner_text() == "corpus/a.txt"
    marks = page.locator("#document-text mark")
    assert marks.all_inner_texts() == ["Sergei Lavrov", "Asaad al-Shibani", "Moscow", "Lavrov", "Kremlin"]
    target = page.locator("mark.target")
    assert target.inner_text() == "Lavrov" and target.is_visible()
    page.click("#document-text mark >> text=Kremlin")
    assert page.locator("#entity-name").inner_text() == "Kremlin ORG"


def test_documents_and_suggestions_views(page):
    page.click("#tab-documents")
    assert rows(page) == ["corpus/a.txt\n5 mentions", "corpus/b.txt\n4 mentions"]
    page.click("#tab-suggestions")
    first = page.locator(".suggestion").first
    assert first.locator("pre").inner_text() == "PERSON:\n  Sergei Lavrov: [Lavrov, Sergey Lavrov]\n"
    assert first.locator("code").inner_text() == "entnorm aliases suggest corpus -a /dev/null --write --accept m1"
    assert page.locator(".suggestion").count() == 2 and page.locator("#more-suggestions").is_hidden()


def test_usable_from_the_keyboard(page):
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "search"
    page.keyboard.type("kiev")
    page.keyboard.press("Tab")  # the label filter
    page.keyboard.press("Tab")  # the first entity
    page.keyboard.press("Enter")
    assert page.locator("#entity-name").inner_text() == "Kiev GPE"
