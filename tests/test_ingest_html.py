"""HTML reader: real news pages from the shared corpus against their human-checked article bodies."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter

import pytest

from newstrace import ingest
from newstrace.errors import InputError
from newstrace.ingest import html

CHECKED_PAGES = [
    "aeb_bbc-com_c7e39ac4",
    "aeb_reuters-com_57d46c9d",
    "aeb_theguardian-com_5fa3154e",
    "aeb_nytimes-com_702d1da6",
    "aeb_aljazeera-com_7916ecca",
]


@pytest.fixture(scope="module")
def pages(shared):
    with open(shared / "corpus" / "html" / "pages.jsonl", encoding="utf-8") as fh:
        return {p["id"]: p for p in map(json.loads, fh)}


def read_page(shared, pages, page_id):
    page = pages[page_id]
    return html.parse_page((shared / "corpus" / page["file"]).read_bytes(), source=page["file"], url=page["url"])


def words(text: str) -> Counter:
    return Counter(re.findall(r"\w+", unicodedata.normalize("NFKC", text).lower()))


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("page_id", CHECKED_PAGES)
def test_body_matches_ground_truth(shared, pages, page_id):
    raw = read_page(shared, pages, page_id)
    truth = words(pages[page_id]["ground_truth_article_body"])
    got = words(raw.body)
    matched = sum((got & truth).values())
    precision, recall = matched / sum(got.values()), matched / sum(truth.values())
    assert precision > 0.9 and recall > 0.9, (precision, recall)


@pytest.mark.parametrize("page_id", CHECKED_PAGES)
def test_paragraphs_stay_separate_lines(shared, pages, page_id):
    raw = read_page(shared, pages, page_id)
    ours = {squash(p) for p in raw.body.split("\n\n")}
    theirs = [squash(p) for p in pages[page_id]["ground_truth_article_body"].split("\n") if p.strip()]
    assert sum(p in ours for p in theirs) >= 0.85 * len(theirs)
    assert "\n\n\n" not in raw.body and raw.body == raw.body.strip()


def test_headline_is_the_title_not_the_first_paragraph(shared, pages):
    raw = read_page(shared, pages, "aeb_ctpost-com_05844573")
    assert raw.title == "New SUVs and electric vehicles highlight L.A. Auto Show"
    assert not raw.body.startswith("New SUVs and electric vehicles")


def test_metadata_of_a_page(shared, pages):
    raw = read_page(shared, pages, "aeb_nytimes-com_04a6711c")
    assert raw.title.startswith("Opinion | Republicans")
    assert raw.authors == ["Jamelle Bouie"]
    assert raw.published == "2019-11-19"
    assert raw.outlet == "NYTimes"
    assert "Elections, Governors" in raw.tags  # a tag with its own comma stays whole
    assert raw.url == pages["aeb_nytimes-com_04a6711c"]["url"]


def test_keyword_string_becomes_separate_tags(shared, pages):
    raw = read_page(shared, pages, "aeb_thehill-com_156770d6")
    assert raw.tags == ["Kristi Noem", "South Dakota", "Meth"]
    assert raw.outlet == "The Hill" and raw.authors == ["Tess Bonn"]


def test_site_given_as_an_address_becomes_a_host_name(shared, pages):
    assert read_page(shared, pages, "aeb_hawaiinewsnow-com_f344ca5f").outlet == "hawaiinewsnow.com"


@pytest.mark.parametrize(
    "name, url, outlet",
    [
        ("Hosted", "https://hosted.example-wire.org/gazette/article/1", "example-wire.org"),  # only the sub-domain
        ("Edition", "https://edition.coastnews.co.uk/story", "coastnews.co.uk"),
        ("Coast News", "https://edition.coastnews.co.uk/story", "Coast News"),
        ("Reuters", "https://www.reuters.com/world/x", "Reuters"),  # the domain's own name is the outlet's
        ("Hosted", None, "Hosted"),
    ],
)
def test_a_site_name_that_is_only_the_pages_sub_domain_gives_way_to_the_domain(name, url, outlet):
    assert html.site_name(name, url) == outlet


def test_html_file_through_ingest_read(shared):
    docs = list(ingest.read(str(shared / "corpus" / "html" / "aeb_aljazeera-com_7916ecca.html")))
    assert len(docs) == 1
    assert docs[0].title == "US service members killed in Afghanistan helicopter crash"
    assert docs[0].body.startswith("Two United States service members have been killed")


def test_page_without_article_text_is_refused():
    page = b"<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(InputError, match="no article text"):
        html.parse_page(page, source="menu.html")


def test_empty_page_is_refused():
    with pytest.raises(InputError, match="empty"):
        html.parse_page(b"  \n", source="blank.html")


def test_fragment_to_text_keeps_paragraphs_and_drops_scripts():
    fragment = (
        "<p>The mayor &amp; the council met on <b>Monday</b>.</p><p>They agreed<br>on a budget.</p>"
        "<script>track()</script><ul><li>Roads</li><li>Schools</li></ul>"
    )
    assert (
        html.fragment_to_text(fragment)
        == "The mayor & the council met on Monday.\n\nThey agreed\n\non a budget.\n\nRoads\n\nSchools"
    )


def test_fragment_to_text_of_plain_text():
    assert html.fragment_to_text("Rates rose &amp; fell.") == "Rates rose & fell."
    assert html.fragment_to_text("   ") == ""


def test_a_page_title_loses_the_site_name_and_an_author_the_biography():
    assert html.without_site_name("Jordan warns of dangerous consequences | Al Bawaba", "Al Bawaba") == (
        "Jordan warns of dangerous consequences"
    )
    assert html.without_site_name("Harbour - a history", "Harbour") == "Harbour - a history"
    assert html.without_bio("Phil Helsel is a reporter for NBC News.") == "Phil Helsel"
    assert html.without_bio("Ann Holt") == "Ann Holt"
