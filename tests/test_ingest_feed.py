"""RSS 2.0 and Atom feeds built in the test from real corpus articles: each entry becomes one document."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

import pytest

from newstrace import ingest
from newstrace.errors import InputError
from newstrace.ingest import feed
from newstrace.settings import Settings


@pytest.fixture(scope="module")
def articles(shared):
    """Three news articles with a title, a URL, a date and several paragraphs."""
    chosen = []
    with open(shared / "corpus" / "articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            if (
                a["id"].startswith("g5_")
                and a["title"]
                and a["url"]
                and a["date"]
                and a["n_words"] > 300
                and a["text"].count("\n") >= 4
            ):
                chosen.append(a)
            if len(chosen) == 3:
                return chosen
    pytest.fail("not enough corpus articles")


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n") if p.strip()]


def html_body(text: str) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs(text))


def rfc822(date: str) -> str:
    return format_datetime(datetime.fromisoformat(date).replace(hour=9, tzinfo=UTC))


def rss(items: list[str]) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Test Wire</title>'
        "<link>https://news.example.org/</link><description>Test feed</description>"
        + "".join(items)
        + "</channel></rss>"
    ).encode("utf-8")


def rss_item(a: dict, author: str, tags: list[str]) -> str:
    return (
        f"<item><title>{escape(a['title'])}</title><link>{escape(a['url'])}</link>"
        f"<pubDate>{rfc822(a['date'])}</pubDate><dc:creator>{escape(author)}</dc:creator>"
        + "".join(f"<category>{escape(t)}</category>" for t in tags)
        + f"<description>{escape(paragraphs(a['text'])[0][:120])}</description>"
        f"<content:encoded><![CDATA[{html_body(a['text'])}]]></content:encoded></item>"
    )


def atom(a_list: list[dict]) -> bytes:
    entries = "".join(
        f'<entry><title>{escape(a["title"])}</title><link href="{escape(a["url"])}"/>'
        f"<id>urn:test:{a['id']}</id><published>{a['date']}T09:00:00Z</published>"
        f"<updated>{a['date']}T10:00:00Z</updated><author><name>Reporter {i}</name></author>"
        f'<category term="world"/><content type="html">{escape(html_body(a["text"]))}</content></entry>'
        for i, a in enumerate(a_list)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Atom Test Desk</title><id>urn:test:feed</id><updated>2017-01-01T00:00:00Z</updated>"
        + entries
        + "</feed>"
    ).encode("utf-8")


def test_rss_entries_become_articles(articles):
    data = rss([rss_item(a, f"Writer {i}", ["Politics", "World"]) for i, a in enumerate(articles)])
    docs = list(feed.read(data, "test.rss", Settings()))
    assert len(docs) == 3
    for i, (doc, a) in enumerate(zip(docs, articles)):
        assert doc.title == " ".join(a["title"].split())
        assert doc.url == a["url"] and doc.source == a["url"]
        assert doc.published == a["date"]
        assert doc.authors == [f"Writer {i}"]
        assert doc.tags == ["Politics", "World"]
        assert doc.outlet == "Test Wire"
        assert doc.body.split("\n\n") == paragraphs(a["text"])  # full content, not the teaser


def test_atom_entries_become_articles(articles):
    docs = list(feed.read(atom(articles), "test.atom", Settings()))
    assert [d.title for d in docs] == [" ".join(a["title"].split()) for a in articles]
    assert [d.published for d in docs] == [a["date"] for a in articles]
    assert docs[1].authors == ["Reporter 1"] and docs[1].tags == ["world"]
    assert docs[2].body.split("\n\n") == paragraphs(articles[2]["text"])


def test_teaser_kept_when_links_are_not_followed(articles):
    a = articles[0]
    teaser = (
        f"<item><title>{escape(a['title'])}</title><link>http://127.0.0.1:9/story</link>"
        f"<description>&lt;p&gt;{escape(paragraphs(a['text'])[0])}&lt;/p&gt;</description></item>"
    )
    no_follow = Settings(follow_feed_links=False)
    [doc] = feed.read(rss([teaser]), "teaser.rss", no_follow)
    assert doc.body == paragraphs(a["text"])[0]
    # Following is on, but the link points at a loopback address and private addresses are not
    # allowed: the fetch is refused before any connection and the teaser is kept.
    [doc] = feed.read(rss([teaser]), "teaser.rss", Settings())
    assert doc.body == paragraphs(a["text"])[0] and doc.url == "http://127.0.0.1:9/story"


def test_feed_file_through_ingest_read(tmp_path, articles):
    path = tmp_path / "news.xml"
    path.write_bytes(rss([rss_item(a, "Desk", []) for a in articles[:2]]))
    docs = list(ingest.read(str(path)))
    assert len(docs) == 2 and docs[0].title == " ".join(articles[0]["title"].split())


def test_feed_without_entries_is_refused():
    with pytest.raises(InputError, match="no entries"):
        list(feed.read(rss([]), "empty.rss", Settings()))


def test_feed_whose_entries_have_no_text_is_refused():
    with pytest.raises(InputError, match="no feed entry has any text"):
        list(feed.read(rss(["<item><title>Only a headline</title></item>"]), "bare.rss", Settings()))


def test_feed_reader_never_opens_files_named_by_the_data(tmp_path):
    (tmp_path / "secret.xml").write_bytes(rss(["<item><title>x</title><description>secret text</description></item>"]))
    with pytest.raises(InputError):
        list(feed.read(str(tmp_path / "secret.xml").encode(), "odd", Settings()))
