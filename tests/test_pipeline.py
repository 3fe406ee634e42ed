"""The stage list: order checked at import, each stage writing only its own parts, timings per stage."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newstrace import pipeline
from newstrace.pipeline import Stage, check_order


def noop(ctx) -> None:
    return None


def test_the_shipped_order_passes_its_own_check():
    check_order(pipeline.STAGES)
    names = [s.name for s in pipeline.STAGES]
    assert names.index("voices") < names.index("quotes") < names.index("statements") < names.index("checks")


def test_a_stage_needing_a_later_part_is_refused():
    stages = [
        Stage("quotes", noop, needs=("entities",), writes=("quotes",)),
        Stage("entities", noop, needs=("doc",), writes=("entities",)),
    ]
    with pytest.raises(RuntimeError, match="'quotes' needs \\['entities'\\]"):
        check_order(stages)


def test_two_stages_writing_one_part_are_refused():
    stages = [
        Stage("a", noop, needs=("doc",), writes=("events",)),
        Stage("b", noop, needs=("doc",), writes=("events",)),
    ]
    with pytest.raises(RuntimeError, match="'b' writes \\['events'\\]"):
        check_order(stages)


def test_every_stage_is_timed(analyze_text):
    from newstrace.clean import make_article

    ctx = pipeline.run_with_timings(make_article("Officials said on Monday that talks would resume.", source="<t>"))
    assert list(ctx.timings) == ["parse"] + [s.name for s in pipeline.STAGES]
    assert all(t >= 0 for t in ctx.timings.values())


def test_a_chunk_parsed_with_nlp_pipe_matches_one_at_a_time():
    from newstrace.clean import make_article
    from newstrace.corpus.workers import Failure, analyse_chunk
    from newstrace.settings import Settings

    texts = [
        "The minister said the border would reopen on Friday.",
        "Le ministre a dit que la frontière rouvrirait vendredi prochain.",
        "Police arrested two protesters in Berlin, a spokesman said.",
    ]
    articles = [make_article(t, source=f"<t{i}>") for i, t in enumerate(texts)]
    outcomes = analyse_chunk(articles, Settings())
    assert isinstance(outcomes[1], Failure) and "English only" in outcomes[1].message
    assert outcomes[0] == pipeline.run(articles[0]).to_json(indent=None)
    assert outcomes[2] == pipeline.run(articles[2]).to_json(indent=None)


def test_python_dash_m_and_version():
    out = subprocess.run([sys.executable, "-m", "newstrace", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("newstrace ")
