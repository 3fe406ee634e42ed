"""Error analysis for event coding: gold vs predicted events per sentence, and error groups.

  .venv/bin/python tools/events_diff.py plover_gsr [--rerun] [--show N] [--type ASSAULT] [--kind fp|fn|all]
  .venv/bin/python tools/events_diff.py plover_gsr --rerun --against /tmp/before.jsonl  # what a change did

Runs `newstrace batch` on the set once (cached in /tmp/events-diff/<set>.jsonl unless --rerun) and prints:
a confusion count of gold type -> predicted types for sentences where the gold type was missed, counts of
false positives by predicted type, and the sentences themselves (gold vs predicted) for inspection.
Matching is the scorer's (../shared/eval/events_score.py): type in gold types, source alias, target alias.
--against OLD.jsonl (a copy of an earlier cached run) lists instead the sentences whose predictions changed,
marked LOST or GAIN where a gold event stopped or started matching (or being typed).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(EVAL))
from events_score import run_batch, safe  # noqa: E402
from polnear_score import load_outputs  # noqa: E402
from score import greedy_match, matches_alias  # noqa: E402

CACHE = Path("/tmp/events-diff")


def ok(g, p):
    if p.get("type") not in g["types"] or not matches_alias(p.get("source"), g["source"]):
        return None
    if g["target"] and not matches_alias(p.get("target"), g["target"]):
        return None
    return 1.0


def fmt_actor(a):
    if not a:
        return "-"
    return f"{a.get('name')}[{a.get('code') or ''}]"


def _key(p):
    return (p["type"], p.get("trigger"), (p.get("source") or {}).get("name"), (p.get("target") or {}).get("name"))


def compare(rows, before, after) -> int:
    """Sentences whose predictions differ between two runs, with what was dropped (-) and added (+)."""
    counts = Counter()
    for r in rows:
        golds = r["events"]
        old = (before.get(safe(r["id"])) or {}).get("events") or []
        new = (after.get(safe(r["id"])) or {}).get("events") or []
        ko, kn = {_key(p) for p in old}, {_key(p) for p in new}
        if ko == kn:
            continue
        mo, mn = len(greedy_match(golds, old, ok)), len(greedy_match(golds, new, ok))
        to = sum(any(p["type"] in g["types"] for p in old) for g in golds)
        tn = sum(any(p["type"] in g["types"] for p in new) for g in golds)
        tag = "LOST" if mn < mo or tn < to else "GAIN" if mn > mo or tn > to else "same"
        counts[tag] += 1
        print(f"\n[{tag} matched {mo}->{mn} typed {to}->{tn}] {r['text'][:300]}")
        for g in golds:
            print(f"    GOLD {'/'.join(g['types'])}: {g['source'][:2]} -> {g['target'][:2]}")
        for k in sorted(ko - kn, key=str):
            print("  -", k)
        for k in sorted(kn - ko, key=str):
            print("  +", k)
    print("\n== changed sentences:", dict(counts))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("set")
    ap.add_argument("--rerun", action="store_true")
    ap.add_argument("--show", type=int, default=40)
    ap.add_argument("--type", help="only sentences whose gold or predicted types include this")
    ap.add_argument("--kind", default="all", choices=["fp", "fn", "all", "type"])
    ap.add_argument("--against", type=Path, help="an earlier batch output: list what changed since")
    args = ap.parse_args()
    rows = [json.loads(x) for x in open(EVAL / "events" / f"{args.set}.jsonl", encoding="utf-8") if x.strip()]
    CACHE.mkdir(exist_ok=True)
    cached = CACHE / f"{args.set}.jsonl"
    if args.rerun or not cached.exists():
        out = run_batch(f"{ROOT / '.venv/bin/newstrace'} batch {{dir}} --jsonl {{out}}", rows)
        cached.write_text(out.read_text(encoding="utf-8"), encoding="utf-8")
    outs = load_outputs(cached)
    if args.against:
        return compare(rows, load_outputs(args.against), outs)
    confusion, fp_types, fn_reason = Counter(), Counter(), Counter()
    shown = 0
    totals = Counter()
    for r in rows:
        preds = (outs.get(safe(r["id"])) or {}).get("events") or []
        golds = r["events"]
        pairs = greedy_match(golds, preds, ok)
        missed = [g for i, g in enumerate(golds) if i not in pairs]
        totals["gold"] += len(golds)
        totals["pred"] += len(preds)
        totals["ok"] += len(pairs)
        totals["typed"] += sum(any(p["type"] in g["types"] for p in preds) for g in golds)
        used = set(pairs.values())
        extra = [p for j, p in enumerate(preds) if j not in used]
        ptypes = {p["type"] for p in preds}
        for g in missed:
            if not set(g["types"]) & ptypes:
                confusion[(g["types"][0], ",".join(sorted(ptypes)) or "none")] += 1
                fn_reason["type"] += 1
            elif not any(p["type"] in g["types"] and matches_alias(p.get("source"), g["source"]) for p in preds):
                fn_reason["source"] += 1
            else:
                fn_reason["target"] += 1
        for p in extra:
            fp_types[p["type"]] += 1
        if not missed and not extra:
            continue
        if args.kind == "fn" and not missed or args.kind == "fp" and not extra:
            continue
        if args.kind == "type" and not any(not set(g["types"]) & ptypes for g in missed):
            continue
        if args.type and args.type not in {t for g in golds for t in g["types"]} | ptypes:
            continue
        if shown < args.show:
            shown += 1
            print(f"\n[{r['id']}] {r['text']}")
            for g in golds:
                mark = "  " if g not in missed else "- "
                print(f"  {mark}GOLD {'/'.join(g['types'])}: {g['source'][:2]} -> {g['target'][:2]}")
            for j, p in enumerate(preds):
                mark = "  " if j in used else "+ "
                print(
                    f"  {mark}PRED {p['type']} ({p.get('cameo')} '{p.get('trigger')}'): "
                    f"{fmt_actor(p.get('source'))} -> {fmt_actor(p.get('target'))}"
                )
    print("\n== missed gold, by reason:", dict(fn_reason))
    rec, prec = totals["ok"] / max(1, totals["gold"]), totals["ok"] / max(1, totals["pred"])
    print(
        f"== type_recall {totals['typed'] / max(1, totals['gold']):.3f} recall {rec:.3f} precision {prec:.3f} "
        f"f1 {2 * rec * prec / max(1e-9, rec + prec):.3f} (gold {totals['gold']}, predicted {totals['pred']})"
    )
    print("== type misses (gold -> predicted types in sentence):")
    for (g, p), n in confusion.most_common(30):
        print(f"  {n:3d} {g:10s} -> {p}")
    print("== unmatched predictions by type:", dict(fp_types.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
