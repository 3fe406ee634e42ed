"""Robustness on real copy: a fixed sample of corpus articles from every source family and of real HTML
pages goes through the whole pipeline, and every document keeps the contract's invariants."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newstrace.model import Analysis

PRONOUNS = {"he", "she", "they", "it", "i", "we", "him", "her", "them", "his", "its", "their"}
FAMILIES = ("basil", "bbc", "g5", "guardian", "polnear")
PER_FAMILY = 3


def sample(shared: Path) -> list[Path]:
    files = sorted((shared / "corpus" / "text").glob("*.txt"))
    picked = []
    for fam in FAMILIES:
        mine = [f for f in files if f.name.startswith(fam + "_")]
        step = max(1, len(mine) // PER_FAMILY)
        picked += mine[::step][:PER_FAMILY]
    html = sorted((shared / "corpus" / "html").glob("*.html"))
    return picked + html[:: max(1, len(html) // 4)][:4]


@pytest.fixture(scope="module")
def analyses(shared):
    import newstrace

    out = []
    for path in sample(shared):
        try:
            out.append(newstrace.analyze(str(path), published="2020-01-15"))
        except newstrace.InputError as exc:  # e.g. a page with no article: allowed, but must be an InputError
            out.append(exc)
    return out


def test_every_sampled_article_is_analysed(analyses):
    docs = [a for a in analyses if isinstance(a, Analysis)]
    assert len(docs) >= len(analyses) - 1, [str(a) for a in analyses if not isinstance(a, Analysis)]


def test_offsets_point_at_their_text(analyses):
    for a in (x for x in analyses if isinstance(x, Analysis)):
        text, title = a.article.text, a.article.title
        for v in a.voices[1:]:
            assert 0 <= v.start < v.end <= len(text)
        for q in a.quotes:
            src = title if q.field == "title" else text
            assert src[q.start : q.end].strip() == q.text.strip(), (a.article.source, q)
        for e in a.entities:
            for m in e.mentions:
                src = title if m.field == "title" else text
                assert src[m.start : m.end] == m.text, (a.article.source, e.name, m)
        for c in a.claims:
            assert 0 <= c.start < c.end <= len(text)
        for s in a.framing.spans:
            src = title if s.field == "title" else text
            assert src[s.start : s.end] == s.text, (a.article.source, s)


def test_speakers_are_never_bare_pronouns(analyses):
    for a in (x for x in analyses if isinstance(x, Analysis)):
        for q in a.quotes:
            if q.speaker is not None:
                assert q.speaker.name.strip().lower() not in PRONOUNS, (a.article.source, q)


def test_ids_are_unique_and_references_resolve(analyses):
    for a in (x for x in analyses if isinstance(x, Analysis)):
        qids = [q.id for q in a.quotes]
        assert len(qids) == len(set(qids))
        eids = {e.id for e in a.entities}
        sids = {s.id for s in a.statements}
        vids = {v.id for v in a.voices}
        for q in a.quotes:
            assert q.voice in vids
            assert q.statement is None or q.statement in sids
            assert q.speaker is None or q.speaker.entity is None or q.speaker.entity in eids
        for s in a.statements:
            assert set(s.quotes) <= set(qids)


def test_documents_survive_a_json_round_trip(analyses):
    for a in (x for x in analyses if isinstance(x, Analysis)):
        again = Analysis.from_json(a.to_json())
        assert json.loads(again.to_json()) == json.loads(a.to_json())
