"""Property-based tests (Hypothesis, seeded and bounded): whatever arrives, newstrace raises nothing but
InputError, keeps every offset inside its text, resolves every reference, and its JSON round-trips and
validates against the published schema.

The number of cases per test is NEWSTRACE_FUZZ_EXAMPLES (default below, about 2,000 in all); a longer
run is one variable away:  NEWSTRACE_FUZZ_EXAMPLES=4000 .venv/bin/python -m pytest tests/fuzz
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newstrace.errors import InputError

SCALE = int(os.environ.get("NEWSTRACE_FUZZ_EXAMPLES", "0") or 0)


def examples(default: int) -> settings:
    n = SCALE or default
    return settings(
        max_examples=n,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


QUOTE_MARKS = list("\"'“”‘’«»„‟‹›「」『』`") + ["''", "``", "--", "—"]
NEWS_WORDS = (
    "said told the minister President Smith she he they according to Reuters reported: officials police "
    "on Monday last week 2,500 people killed percent attack talks Gaza Kyiv U.S. Dr. a.m. not never "
    "“fire and fury” ‘unjustified’ JUST WATCHED Read more: (AP) REUTERS/ ©"
).split()
odd = st.sampled_from(
    [
        "\x00",
        "\x1b[31m",
        "\u202e",
        "\u200b",
        "\ufeff",
        "\u2028",
        "\r",
        "\t",
        "\x0c",
        "🙂",
        "👩‍👩‍👧",
        "مرحبا",
        "שלום",
        "\ud7ff",
        "\U0010ffff",
        "\u0301",
        "  ",
        "\n",
        "\n\n",
    ]
)
token = st.one_of(st.sampled_from(NEWS_WORDS), st.sampled_from(QUOTE_MARKS), odd, st.text(min_size=1, max_size=8))
news_text = st.lists(token, min_size=0, max_size=120).map(" ".join)
paragraphs = st.lists(news_text, min_size=1, max_size=6).map("\n\n".join)


def check_analysis(a) -> None:
    """Offsets inside their text, references that resolve, a JSON round trip that validates."""
    from newstrace.model import Analysis

    text, title = a.article.text, a.article.title

    def inside(start, end, field="text"):
        source = title if field == "title" else text
        assert 0 <= start <= end <= len(source), (start, end, field, len(source))

    entity_ids = {e.id for e in a.entities}
    voice_ids = {v.id for v in a.voices}
    statement_ids = {s.id for s in a.statements}
    quote_ids = {q.id for q in a.quotes}
    for v in a.voices:
        if v.start is not None:
            inside(v.start, v.end)
    for e in a.entities:
        for m in e.mentions:
            inside(m.start, m.end, m.field)
    for q in a.quotes:
        inside(q.start, q.end, q.field)
        assert q.voice in voice_ids
        assert q.statement is None or q.statement in statement_ids
        assert q.speaker is None or q.speaker.entity is None or q.speaker.entity in entity_ids
        assert getattr(q, "clause", None) is None or q.clause in quote_ids
    for s in a.statements:
        assert set(s.quotes) <= quote_ids
    for ev in a.events:
        inside(ev.start, ev.end)
        assert ev.voice in voice_ids
        for actor in (ev.source, ev.target):
            assert actor is None or actor.entity is None or actor.entity in entity_ids
    for c in a.claims:
        inside(c.start, c.end)
    for span in a.framing.spans:
        inside(span.start, span.end, span.field)
    again = Analysis.from_json(a.to_json())
    assert again.to_json() == a.to_json()
    validator().validate(json.loads(a.to_json()))


_validator = None


def validator():
    global _validator
    if _validator is None:
        import jsonschema

        schema = json.loads((Path(__file__).resolve().parents[2] / "docs" / "newstrace-1.schema.json").read_text())
        _validator = jsonschema.Draft202012Validator(schema)
    return _validator


@examples(500)
@given(paragraphs)
def test_cleaning_keeps_text_and_never_raises(body):
    from newstrace.clean import make_article

    article = make_article(body, title=None, source="<fuzz>")
    assert isinstance(article.text, str) and "\r" not in article.text
    assert len(article.id) == 64


@examples(600)
@given(paragraphs)
def test_quote_marks_pair_inside_the_text(text):
    from newstrace.quotemarks import find_quotes, quoted_phrases

    for q in find_quotes(text) + quoted_phrases(text):
        assert 0 <= q.open_mark < q.start <= q.end <= len(text)
        assert q.close_mark is None or q.end <= q.close_mark < len(text)


@examples(300)
@given(paragraphs, st.sampled_from([None, "2024-02-29", "2023-12-31", "9999-12-30", "0001-01-01"]))
def test_the_whole_pipeline_on_anything(body, published):
    from newstrace import api
    from newstrace.ingest import RawDocument

    try:
        a = api.analyze_document(RawDocument(body=body, source="<fuzz>"), published)
    except InputError:
        return
    check_analysis(a)


html_bits = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "<blockquote>",
        "</blockquote>",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href='javascript:x'>",
        "</a>",
        "<!--",
        "-->",
        "<meta charset='utf-16'>",
        "<title>",
        "</title>",
        "&amp;",
        "&#0;",
        "&#x110000;",
        "<",
    ]
)
html_docs = st.lists(st.one_of(html_bits, news_text), max_size=60).map("".join)


@examples(250)
@given(st.one_of(html_docs, st.binary(max_size=3000)))
def test_html_reader(data):
    from newstrace.ingest import html

    try:
        raw = html.parse_page(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"), "<fuzz>")
    except InputError:
        return
    assert isinstance(raw.body, str)


feed_docs = st.builds(
    lambda items: (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
        + "".join(f"<item><title>{t}</title><description>{d}</description></item>" for t, d in items)
        + "</channel></rss>"
    ),
    st.lists(st.tuples(news_text, news_text), max_size=4),
)


@examples(150)
@given(st.one_of(feed_docs, st.binary(max_size=2000), feed_docs.map(lambda s: s[: len(s) // 2])))
def test_feed_reader(data):
    from newstrace.ingest import feed
    from newstrace.settings import Settings

    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    try:
        docs = list(feed.parse(raw, "<fuzz>", Settings(follow_feed_links=False)))
    except InputError:
        return
    assert all(isinstance(d.body, str) for d in docs)


@examples(150)
@given(
    st.one_of(
        st.binary(max_size=2000),
        paragraphs.map(lambda t: t.encode("utf-8", "surrogatepass")),
        paragraphs.map(lambda t: t.encode("utf-16")),
    )
)
def test_text_decoding(data):
    from newstrace.ingest.text import decode

    try:
        text = decode(data, "<fuzz>")
    except InputError:
        return
    assert "\x00" not in text


@examples(100)
@given(st.binary(max_size=4000))
def test_warc_reader(tmp_path_factory, data):
    from newstrace.ingest import warc
    from newstrace.settings import Settings

    path = tmp_path_factory.mktemp("warc") / "fuzz.warc.gz"
    path.write_bytes(data)
    try:
        list(warc.read(str(path), Settings()))
    except InputError:
        return


@examples(150)
@given(
    st.one_of(
        st.binary(max_size=500),
        st.dictionaries(
            st.sampled_from(["id", "text", "title", "published", "date", "authors", "outlet", "url"]),
            st.one_of(st.none(), st.integers(), news_text, st.lists(news_text, max_size=3)),
        ).map(lambda d: json.dumps(d).encode()),
    )
)
def test_jsonl_records(line):
    from newstrace.ingest.jsonl import parse_line

    try:
        raw = parse_line(line, "<fuzz>:1", "<fuzz>")
    except InputError:
        return
    assert raw.error is not None or isinstance(raw.body, str)


def test_a_gzip_bomb_in_a_warc_is_refused_without_eating_memory(tmp_path):
    import gzip

    from newstrace.ingest import warc
    from newstrace.settings import Settings

    record = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 2000000000\r\n\r\n"
    path = tmp_path / "bomb.warc.gz"
    with gzip.open(path, "wb") as fh:
        fh.write(record)
        chunk = b"\0" * 1_000_000
        for _ in range(300):  # 300 MB of zeros, about 300 KB on disk
            fh.write(chunk)
    with pytest.raises(InputError):
        list(warc.read(str(path), Settings()))
