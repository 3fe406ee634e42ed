"""The page in Debian's Chromium (Playwright): what a person sees on the seed, keyboard navigation, article text
that tries to run script, code-point offsets after an emoji, and screenshots under tests/artifacts/."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from .conftest import SEED, WIRE_OUTLET, WIRE_TITLE, copy_store

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed (/usr/bin/chromium): run `make browser-deps`"
)

XSS = (
    "Officials said on Monday that the hearing would go ahead. <script>window.__xss = 1; alert('script')</script> "
    'and <img src=x onerror="window.__xss = 2; alert(1)"> as <a href="javascript:window.__xss=3;alert(2)">the '
    "report</a> said.\n\n"
    "“We will not <script>window.__xss = 4</script> back down,” the minister said.\n\n"
    "The minister told reporters that the talks would continue next week in Geneva, and that the delegation "
    "was ready to stay as long as needed."
)

EMOJI = (
    "Rocket launch\n\n🚀🇺🇦 Launch day went ahead. “We are ready for the next step,” the director said on Tuesday.\n\n"
    "The agency said the rocket carried three satellites into orbit and that all of them were working."
)


@pytest.fixture(scope="module")
def server(nk_store, seed_analysis, tmp_path_factory):
    """The app on 127.0.0.1 (uvicorn in a thread) over a copy of the North Korea store."""
    import uvicorn

    from newstrace.corpus.store import Store
    from newstrace.web import WebSettings, create_app

    store = Store(copy_store(nk_store, tmp_path_factory.mktemp("browser")))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(
        create_app(WebSettings(analysis_timeout=90), store), host="127.0.0.1", port=port, log_level="warning"
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)
    store.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.dialogs = []
    pg.errors = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def analyse(page, server, text, published=None):
    page.goto(server + "/#/analyse")
    page.fill("#an-text", text)
    if published:
        page.fill("#an-date", published)
    page.click("#an-go")
    page.wait_for_selector("#article-view:not([hidden]) #art-text .quote", timeout=90_000)


def wait_count(page, selector, at_least, seconds=20.0):
    """Wait until selector matches at least that many elements (the CSP forbids wait_for_function's eval)."""
    deadline = time.monotonic() + seconds
    while page.locator(selector).count() < at_least:
        assert time.monotonic() < deadline, f"fewer than {at_least} of {selector}"
        page.wait_for_timeout(100)


def shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


@pytest.fixture(scope="module")
def seed_url(server, browser):
    """Analyse the seed through the page once; later tests open it from the store."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    analyse(pg, server, SEED.read_text(encoding="utf-8"), "2024-03-23")
    url = pg.url
    assert "#/article/" in url
    context.close()
    return url


def test_seed_article_view(page, seed_url):
    page.goto(seed_url)
    page.wait_for_selector("#art-text .quote")
    labels = page.locator("#art-text .voice > .voice-label").all_inner_texts()
    assert labels == ["CNN", "The Jerusalem Post", "Reuters", "The New York Times"]
    for outlet in labels:  # each passage is shaded: a background of its own
        assert page.locator(f'#art-text .voice[data-outlet="{outlet}"]').first.evaluate(
            "n => getComputedStyle(n).backgroundColor"
        ) not in ("rgba(0, 0, 0, 0)", "transparent")
    colour = "n => getComputedStyle(n).color"
    netanyahu = page.locator('#art-text .quote[data-speaker="Benjamin Netanyahu"]').first.evaluate(colour)
    blinken = page.locator('#art-text .quote[data-speaker="Antony Blinken"]').first.evaluate(colour)
    assert netanyahu != blinken
    flag = page.locator('#art-text .flag[data-kind="unattested_quote"]')
    assert flag.count() == 1 and "unattested quote" in flag.inner_text()
    assert "diplomatic isolation" in page.locator('#p-checks .check[data-kind="unattested_quote"]').inner_text()
    rafah = page.locator('#p-names table.descriptors[data-entity="Rafah"]')
    assert "the terrorist stronghold of Rafah" in rafah.inner_text()
    assert "The New York Times" in rafah.inner_text() and "the southern Gazan city of Rafah" in rafah.inner_text()
    assert page.locator("#art-text .frame .tech").count() > 0
    assert "Antony Blinken" in page.locator("#p-events").inner_text()
    # hovering a quote shows who said it, the cue and the relay
    page.locator('#art-text .quote.first[data-quote="q17"]').hover()
    tip = page.locator("#tip")
    assert (
        tip.is_visible() and "Benjamin Netanyahu" in tip.inner_text() and "Via: The Jerusalem Post" in tip.inner_text()
    )
    shot(page, "article-1280.png")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "article-390.png")
    assert page.errors == []


def test_keyboard_reaches_panels_and_quotes(page, seed_url):
    page.goto(seed_url)
    page.wait_for_selector("#art-text .quote")
    reached = set()
    for _ in range(80):
        page.keyboard.press("Tab")
        info = page.evaluate(
            "() => { const a = document.activeElement; return [a.id, a.dataset.quote || '', a.className || ''] }"
        )
        reached.add(info[0] or info[1])
        if info[1]:
            assert page.locator("#tip").is_visible()  # focus shows the speaker like hover does
    assert "article" in reached and {"q2", "q3", "q4", "q5"} <= reached  # q1 is in the title
    focusable = page.evaluate("[...document.querySelectorAll('.side .panel')].every(p => p.tabIndex === 0)")
    assert focusable
    # the panels after the text are reached too
    for _ in range(200):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.id"))
    assert {"p-checks", "p-speakers", "p-events", "p-claims", "p-names"} <= reached
    outline = page.evaluate(
        "() => { document.querySelector('.quote.first').focus(); return getComputedStyle(document.activeElement).outlineStyle }"
    )
    assert outline != "none"


def test_article_text_cannot_run_script(page, server):
    analyse(page, server, XSS)
    text = page.locator("#article").inner_text()  # the first line became the title
    assert "<script>" in text and "onerror" in text and "javascript:" in text
    assert "<script>window.__xss = 4</script>" in page.locator("#art-text").inner_text()
    assert page.locator("#article script, #article img, #article a").count() == 0
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
    assert page.dialogs == []
    page.reload()
    page.wait_for_selector("#art-text .quote")
    assert page.evaluate("window.__xss") is None and page.dialogs == []


def test_emoji_before_a_quote(page, server):
    analyse(page, server, EMOJI)
    quote = page.locator("#art-text .quote.first").first
    assert quote.inner_text() == "We are ready for the next step"
    # every quote's shaded text is exactly its code-point span of the article text
    mismatched = page.evaluate(
        """() => {
        const doc = state.lastDoc, cps = Array.from(doc.article.text), bad = [];
        for (const q of doc.quotes.filter(q => q.field === "text")) {
          const shown = [...document.querySelectorAll(`#art-text [data-quote="${q.id}"]`)].map(n => {
            const c = n.cloneNode(true);
            c.querySelectorAll(".tech, .flag, .voice-label").forEach(x => x.remove());
            return c.textContent;
          }).join("");
          if (shown !== cps.slice(q.start, q.end).join("")) bad.push(q.id);
        }
        return bad;
      }"""
    )
    assert mismatched == []


KREMLIN_TITLE = "New DPRK missile launch further aggravates tensions: Kremlin"
CHINA_TITLE = "China opposes DPRK's missile launch: FM spokesperson"


def test_corpus_view(page, server, seed_url):
    page.goto(server + "/#/corpus")
    page.wait_for_selector("#search-results li")
    assert page.locator("#search-results li").count() >= 5
    page.wait_for_selector("#c-graph svg .node")
    names = page.locator("#c-graph svg .node text").evaluate_all("ns => ns.map(n => n.textContent)")
    assert "North Korea" in names
    assert page.locator("#c-timeline svg circle").count() > 0

    # stories: the North Korea articles of September 2017 make one story; the wire copy is marked as one
    page.wait_for_selector("#c-stories .story li")
    stories = page.locator("#c-stories")
    assert "not built" not in stories.inner_text()
    story = page.locator("#c-stories .story", has_text=KREMLIN_TITLE)
    assert story.count() == 1
    articles = story.locator("li").all_inner_texts()
    assert any(CHINA_TITLE in t for t in articles) and any(WIRE_TITLE in t for t in articles)
    assert story.locator("h4").inner_text().startswith("3 articles")
    copy_row = story.locator("li", has_text=WIRE_TITLE)
    assert "wire copy" in copy_row.inner_text() and "2017-09-16" in copy_row.inner_text()
    assert all("wire copy" not in t for t in articles if WIRE_TITLE not in t)

    # wire copies: the share copied, the copy and the original
    page.wait_for_selector("#c-copies li.copy")
    copy = page.locator("#c-copies li.copy").inner_text()
    share = int(page.locator("#c-copies .share").inner_text().rstrip("%"))
    assert 60 <= share <= 100
    assert WIRE_OUTLET in copy and WIRE_TITLE in copy and "europe.chinadaily.com.cn" in copy and KREMLIN_TITLE in copy

    # statements across articles: at least two articles, the reworded one, its first appearance on top
    page.fill("#st-min", "2")
    page.click("#statements-form button")
    page.wait_for_selector('#c-statements li[data-articles="2"]')
    rows = page.locator("#c-statements .body li")
    assert rows.count() >= 2
    assert all("2 articles · 2 outlets" in t for t in rows.all_inner_texts())
    reworded = page.locator("#c-statements .body li.reworded")
    assert reworded.count() == 1 and "Dmitry Peskov" in reworded.inner_text()
    assert reworded.locator(".badge-reworded").inner_text() == "reworded"
    reworded.locator("button").click()
    page.wait_for_selector("#c-statements .appearances li")
    shown = page.locator("#c-statements .appearances li")
    assert shown.count() == 2
    assert "selected" in (reworded.get_attribute("class") or "")  # the statement shown is marked in the list
    first, later = shown.nth(0), shown.nth(1)
    assert "first-appearance" in (first.get_attribute("class") or "")
    assert first.locator(".badge-first").inner_text() == "First appearance"
    assert "2017-09-15" in first.inner_text() and "europe.chinadaily.com.cn" in first.inner_text()
    assert KREMLIN_TITLE in first.inner_text() and "deeply worried" in first.locator("q").inner_text()
    assert later.locator(".badge-first").count() == 0 and WIRE_OUTLET in later.inner_text()
    assert "deeply concerned" in later.locator("q").inner_text()
    assert "linked within one article" not in page.locator("#c-statements").inner_text()

    # the first appearance of a wording
    page.fill("#fw-q", "sole specific measure")
    page.click("#first-form button")
    page.wait_for_selector("#c-first li")
    traced = page.locator("#c-first .appearance-list > li")
    assert traced.count() == 2
    assert "First appearance" in traced.nth(0).inner_text() and "europe.chinadaily.com.cn" in traced.nth(0).inner_text()
    assert "wire copy" in traced.nth(1).inner_text() and WIRE_OUTLET in traced.nth(1).inner_text()

    # events several outlets report
    page.wait_for_selector("#c-widely tbody tr")
    assert "North Korea" in page.locator("#c-widely").inner_text()

    page.fill("#q-speaker", "Netanyahu")
    page.click("#quotes-form button")
    wait_count(page, "#c-quotes li", 4)
    assert all("Netanyahu" in t for t in page.locator("#c-quotes li strong").all_inner_texts())
    page.fill("#st-speaker", "Netanyahu")
    page.fill("#st-min", "1")
    page.click("#statements-form button")
    page.wait_for_selector("#c-statements li button")
    page.locator("#c-statements li button").first.click()
    page.wait_for_selector("#c-statements .appearances ol li")
    assert page.locator("#c-statements .appearances li.first-appearance").count() == 1
    page.fill("#s-q", "missile")
    page.click("#search-form button")
    wait_count(page, "#search-results li", 1)
    page.fill("#s-q", "")
    page.click("#search-form button")
    wait_count(page, "#search-results li", 5)
    # the screenshots show the links: a statement's appearances and the traced wording
    page.fill("#st-speaker", "")
    page.fill("#st-min", "2")
    page.click("#statements-form button")
    page.wait_for_selector("#c-statements .body li.reworded")
    page.locator("#c-statements .body li.reworded button").click()
    page.wait_for_selector("#c-statements .appearances li")
    shot(page, "corpus-1280.png")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "corpus-390.png")
    assert page.errors == []
