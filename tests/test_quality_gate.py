"""Quality gate (in the manner of trafilatura's tests/eval_gate.py): run the shared scorers on the seed
article's gold file, the dev set of real articles, the fault-kind cases and a PolNeAR subset, and fail
when a figure drops below its floor.

Each floor is the figure reached when the gate was set, less a small margin. Raise a floor when the
work raises the figure; never lower one to make a change pass.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BIN = Path(sys.executable).parent

# score.py on gold/rafah-2024-03.gold.json. When the gate was set every figure
# below measured 1.000 (floors for continuous figures: 1.000 less 0.02).
SEED_FLOORS = {
    "article.title_ok": 1.0,
    "article.boilerplate_removed": 1.0,
    "article.tags_ok": 1.0,
    "relays.recall": 1.0,
    "relays.precision": 1.0,
    "quotes.f1": 0.98,
    "quotes.speaker_accuracy": 0.98,
    "quotes.via_accuracy": 0.98,
    "statements.recall": 0.98,
    "indirect.recall": 0.98,
    "entities.recall": 0.98,  # target 0.95
    "entities.type_accuracy": 0.98,  # target 0.95
    "entities.country_accuracy": 0.98,  # target 0.90
    "claims.recall": 1.0,  # target 1.0
    "claims.via_accuracy": 0.98,  # target 0.8
    "events.recall": 0.98,  # target 0.8
    "events.date_accuracy": 0.98,  # target 0.8
    "events.precision": 0.7,  # target 0.7; measured 0.750
    "framing.recall": 0.98,  # target 0.8
    "framing.precision": 0.83,  # target 0.6; measured 0.850 (0.944 before rare words were read: 'mindful', 'orderly')
    "framing.descriptor_recall": 1.0,  # target 1.0
    "checks.recall": 1.0,  # target 1.0
}

# score.py means over gold/dev/*.gold.json (12 real articles) and cases/*.gold.json (15 fault kinds), as
# ../shared/tools/quality-table prints them; floors are the figures reached less 0.02 (counts: plus a margin).
DEV_FLOORS = {
    "article.boilerplate_removed": 0.98,  # target 0.9; measured 1.000
    "relays.recall": 0.98,  # target 0.9; measured 1.000
    "quotes.f1": 0.933,  # target 0.9; measured 0.953
    "quotes.speaker_accuracy": 0.881,  # target 0.85; measured 0.901
    "quotes.via_accuracy": 0.881,  # target 0.85; measured 0.901
    "indirect.recall": 0.830,  # target 0.8; measured 0.850
    "claims.recall": 0.931,  # target 0.9; measured 0.951
    "entities.recall": 0.961,  # target 0.95; measured 0.981
    "entities.country_accuracy": 0.925,  # target 0.8; measured 0.945
    "entities.type_accuracy": 0.956,  # target 0.95; measured 0.976
    "events.recall": 0.609,  # target 0.6; measured 0.629
    "events.date_accuracy": 0.647,  # target 0.6; measured 0.667
    "events.precision": 0.333,  # measured 0.353
    "framing.recall": 0.633,  # target 0.5; measured 0.653
    "framing.precision": 0.715,  # target 0.5; measured 0.735
    "checks.recall": 0.647,  # measured 0.667
}
DEV_CEILINGS = {
    "relays.false_positives": 0.1,  # per article; target ≤ 0.1, measured 0.000
    "entities.wrong_types": 0.17,  # per article; measured 0.083 (one in 12 articles)
}
CASES_FLOORS = {
    "article.boilerplate_removed": 1.0,
    "relays.recall": 0.98,  # measured 1.000
    "relays.precision": 0.98,  # measured 1.000
    "quotes.f1": 0.98,  # measured 1.000
    "quotes.speaker_accuracy": 0.98,  # measured 1.000
    "quotes.via_accuracy": 0.98,  # measured 1.000
    "indirect.recall": 0.98,  # measured 1.000
    "statements.recall": 0.98,  # measured 1.000
    "claims.recall": 0.98,  # measured 1.000
    "events.recall": 0.98,  # measured 1.000
    "events.precision": 0.98,  # measured 1.000
    "events.date_accuracy": 0.98,  # measured 1.000
    "entities.recall": 0.98,  # measured 1.000
    "entities.type_accuracy": 0.98,  # measured 1.000
    "entities.country_accuracy": 0.98,  # measured 1.000
}
CASES_CEILINGS = {"entities.wrong_types": 0.07}  # per case; measured 0.000 (at most one in 15 cases)

# polnear_score.py on the first 30 articles of polnear_dev.jsonl. Measured: overlap.content.f1 0.626,
# overlap.source_accuracy 0.834, direct.recall 0.897 (all 84 dev articles: 0.634, 0.865, 0.909).
POLNEAR_LIMIT = 30
POLNEAR_FLOORS = {
    "overlap.content.f1": 0.61,
    "overlap.source_accuracy": 0.815,
    "direct.recall": 0.88,
}

# events_score.py on PLOVER's gold-standard records (322 sentences). Measured: f1 0.655, type_recall 0.767.
PLOVER_GSR_FLOORS = {"f1": 0.635, "type_recall": 0.747}


# benchmarks/basil.py: BASIL's development half in two fixed parts; word lists are tuned on part A only.
# Measured: part B (held out) author_lex.recall 0.475 at 8.8 spans per 1,000 words, part A 0.551, gap 0.076
# (the bar: B >= 0.45 at <= 15 spans, gap <= 0.05; the gap is not met, and its standard error on
# parts this size is about 0.07).
BASIL_HELD_OUT_FLOORS = {"author_lex.recall": 0.455}
BASIL_HELD_OUT_CEILINGS = {"spans_per_1k_words": 15.0}
BASIL_GAP_CEILING = 0.096


def run_scorer(args: list[str], floors: dict[str, float], timeout: int) -> subprocess.CompletedProcess:
    mins = [x for k, v in floors.items() for x in ("--min", f"{k}={v}")]
    return subprocess.run([sys.executable, *args, *mins], cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def explain(proc: subprocess.CompletedProcess) -> str:
    return f"scorer exit {proc.returncode}\n--- stdout\n{proc.stdout}\n--- stderr\n{proc.stderr[-4000:]}"


def test_seed_article_scores_stay_above_their_floors():
    gold = SHARED / "eval" / "gold" / "rafah-2024-03.gold.json"
    cmd = f"{shlex.quote(str(BIN / 'newstrace'))} analyze {{article}} --published {{published}}"
    proc = run_scorer([str(SHARED / "eval" / "score.py"), str(gold), "--cmd", cmd], SEED_FLOORS, timeout=300)
    assert proc.returncode == 0, explain(proc)


def test_polnear_subset_scores_stay_above_their_floors():
    gold = SHARED / "eval" / "polnear" / "polnear_dev.jsonl"
    cmd = f"{shlex.quote(str(BIN / 'newstrace'))} batch {{dir}} --jsonl {{out}}"
    proc = run_scorer(
        [str(SHARED / "eval" / "polnear_score.py"), str(gold), "--limit", str(POLNEAR_LIMIT), "--cmd", cmd],
        POLNEAR_FLOORS,
        timeout=600,
    )
    assert proc.returncode == 0, explain(proc)
    missing = re.search(r"articles_without_output\s+([\d.]+)", proc.stdout)
    assert missing is None or float(missing.group(1)) == 0.0, explain(proc)


def test_plover_gold_standard_events_stay_above_their_floors():
    gold = SHARED / "eval" / "events" / "plover_gsr.jsonl"
    cmd = f"{shlex.quote(str(BIN / 'newstrace'))} batch {{dir}} --jsonl {{out}}"
    proc = run_scorer([str(SHARED / "eval" / "events_score.py"), str(gold), "--cmd", cmd], PLOVER_GSR_FLOORS, 600)
    assert proc.returncode == 0, explain(proc)


def mean_figures(golds: list[Path]) -> dict[str, float]:
    import json

    cmd = f"{shlex.quote(str(BIN / 'newstrace'))} analyze {{article}} --published {{published}}"
    proc = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), *map(str, golds), "--cmd", cmd, "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, explain(proc)
    return json.loads(proc.stdout)["mean"]


def below(figures: dict[str, float], floors: dict[str, float], ceilings: dict[str, float] | None = None) -> list[str]:
    low = [f"{k} {figures.get(k)} < {v}" for k, v in floors.items() if figures.get(k, -1) < v]
    high = [f"{k} {figures.get(k)} > {v}" for k, v in (ceilings or {}).items() if figures.get(k, 0) > v]
    return low + high


def test_dev_set_of_real_articles_stays_above_its_floors():
    figures = mean_figures(sorted((SHARED / "eval" / "gold" / "dev").glob("*.gold.json")))
    assert not below(figures, DEV_FLOORS, DEV_CEILINGS), below(figures, DEV_FLOORS, DEV_CEILINGS)


def test_fault_kind_cases_stay_above_their_floors():
    figures = mean_figures(sorted((SHARED / "eval" / "cases").glob("*.gold.json")))
    assert not below(figures, CASES_FLOORS, CASES_CEILINGS), below(figures, CASES_FLOORS, CASES_CEILINGS)


def test_basil_held_out_part_stays_above_its_floor_and_near_the_tuning_part():
    import importlib.util

    spec = importlib.util.spec_from_file_location("basil_benchmark", ROOT / "benchmarks" / "basil.py")
    assert spec is not None and spec.loader is not None
    basil = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(basil)
    figures, _ = basil.measure(newstrace=BIN / "newstrace")
    held_out, tuning = figures[basil.HELD_OUT], figures[basil.TUNE]
    assert held_out["articles_without_output"] == 0.0, held_out
    assert not below(held_out, BASIL_HELD_OUT_FLOORS, BASIL_HELD_OUT_CEILINGS), held_out
    gap = abs(tuning["author_lex.recall"] - held_out["author_lex.recall"])
    assert gap <= BASIL_GAP_CEILING, (tuning, held_out)
