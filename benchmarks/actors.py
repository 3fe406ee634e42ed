#!/usr/bin/env python3
"""Country accuracy of newstrace.actors.resolve_actor on NGEC's actor-resolution cases.

    .venv/bin/python benchmarks/actors.py [--misses N]

Reads ../shared/kb-sources/actors/ngec/ngec_actor_resolution_cases.jsonl (412 cases from NGEC's test
suite). A case counts when it states an expected country (keys "country", "country__NotEq" or, for
search_nat cases, "return[0]"); an expected "" means "no country". NGEC writes the EU as EUR, UN bodies
as UNO and other international organisations as IGO; newstrace's 'EU', 'UN' and IGO codes are mapped to
those before comparing. The date is the case's own when it is one (ISO or '10 May 2015'), else today.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
CASES = ROOT.parent / "shared" / "kb-sources" / "actors" / "ngec" / "ngec_actor_resolution_cases.jsonl"

from newstrace.dates import normalise as normalise_date  # noqa: E402
from newstrace.kb.actors import resolve_actor  # noqa: E402


def expected_country(case: dict):
    exp = case["expected"]
    for k in ("country", "return[0]"):
        if k in exp:
            return "==", exp[k] or None
    if "country__NotEq" in exp:
        return "!=", exp["country__NotEq"] or None
    return None


def ngec_country(actor) -> str | None:
    if actor is None or not actor.country:
        if actor is not None and actor.code and actor.code.startswith(("IGO", "NGO")):
            return "IGO"
        return None
    return {"EU": "EUR", "UN": "UNO"}.get(actor.country, actor.country)


def case_date(raw) -> str | None:
    if not raw or str(raw).lower() == "today":
        return None
    try:
        return normalise_date(str(raw))
    except Exception:  # an unreadable date in a case means "no date"
        return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", type=int, default=12, help="how many misses to print")
    args = ap.parse_args()
    rows = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]
    scored = right = 0
    misses = []
    for case in rows:
        exp = expected_country(case)
        if exp is None:
            continue
        op, want = exp
        actor = resolve_actor(case["input"], case_date(case.get("date")))
        got = ngec_country(actor)
        ok = (got == want) if op == "==" else (got != want)
        scored += 1
        right += ok
        if not ok:
            misses.append(f"  {case['input']!r}: expected {op}{want}, got {got} ({actor.name if actor else None})")
    print(f"actor cases with an expected country: {scored} of {len(rows)}")
    print(f"actors.country_accuracy {right / scored:.3f}")
    print(f"misses ({len(misses)}), first {min(args.misses, len(misses))}:")
    print("\n".join(misses[: args.misses]))


if __name__ == "__main__":
    main()
