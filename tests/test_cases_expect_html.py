"""The `expect` lines of the HTML boilerplate cases (shared eval cases 08 and 08b), one test each, on
newstrace's analysis of the case files. The cases live in the shared evaluation folder beside the
project; without it these tests are skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

import newstrace

CASES = Path(__file__).resolve().parents[2] / "shared" / "eval" / "cases"
for candidate in (CASES, Path("/work/shared/eval/cases")):
    if candidate.is_dir():
        CASES = candidate
        break

pytestmark = pytest.mark.skipif(not CASES.is_dir(), reason="shared eval cases not available")
# Expect lines about stages other work owns (claims' units, pronoun speakers, events): they fail today,
# not for anything in the page's cleaning; not strict, so the fixes landing elsewhere turn them green.


@pytest.fixture(scope="module")
def case08():
    return newstrace.analyze(str(CASES / "08-html-boilerplate.html"))


@pytest.fixture(scope="module")
def case08b():
    return newstrace.analyze(str(CASES / "08b-html-inline-boilerplate.html"))


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]


# -- case 08 ----------------------------------------------------------------------------------------


def test_08_published_comes_from_the_page_metadata(case08):
    assert case08.article.published == "2025-08-19"


def test_08_authors_and_outlet(case08):
    assert case08.article.authors == ["Mireille Santangelo"]
    assert case08.article.outlet is not None and "Tallis Courier" in case08.article.outlet


def test_08_text_is_exactly_the_four_article_paragraphs_in_order(case08):
    paras = paragraphs(case08.article.text)
    assert len(paras) == 4
    openings = ["The main reservoir", "“We are asking", "A hosepipe ban", "Farmers in the valley"]
    assert [p[: len(o)] for p, o in zip(paras, openings)] == openings


def test_08_claim_for_31_per_cent_has_unit_percent(case08):
    claim = next(c for c in case08.claims if "31 per cent" in c.text)
    assert claim.unit == "percent"


# -- case 08b ---------------------------------------------------------------------------------------


def test_08b_published_is_the_published_time_not_the_modified_time(case08b):
    assert case08b.article.published == "2025-09-05"


def test_08b_authors_and_outlet(case08b):
    assert case08b.article.authors == ["Oskar Threlfall"]
    assert case08b.article.outlet is not None and "Harwick Evening Post" in case08b.article.outlet


def test_08b_pull_quote_removed_so_the_statement_has_one_quote(case08b):
    words = "It is not everything we asked for, but it is a real offer"
    assert case08b.article.text.count(words) == 1
    said = [s for s in case08b.statements if s.speaker and "Mbeki" in s.speaker.name and "real offer" in s.text]
    assert len(said) == 1 and len(said[0].quotes) == 1


def test_08b_tram_users_harwick_has_no_mention_she(case08b):
    entity = next(e for e in case08b.entities if e.name == "Tram Users Harwick")
    assert all(m.text.lower() != "she" for m in entity.mentions)


def test_08b_claim_for_6_per_cent_has_unit_percent(case08b):
    claim = next(c for c in case08b.claims if "6 per cent" in c.text)
    assert claim.unit == "percent"


def test_08b_called_off_is_no_sanction_and_no_event_targets_the_passengers_group(case08b):
    assert not any(e.type == "SANCTION" and "called off" in (e.evidence or "") for e in case08b.events)
    assert not any(e.target and "Tram Users Harwick" in (e.target.name or "") for e in case08b.events)
