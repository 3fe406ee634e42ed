#!/usr/bin/env python3
"""Stories against a gold clustering: purity and completeness (inverse purity), and B-cubed F1.

    newstrace batch g5.jsonl --db g5.duckdb      # records carrying extra.event (Giveme5W1H clusters)
    .venv/bin/python tools/link_eval.py g5.duckdb ../shared/corpus/articles.jsonl

Each stored article is matched to its record by the '#id' its source ends with. An article in no story
counts as a story of its own. Also prints how many wire copies and multi-outlet statements were found.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict

from newstrace.corpus.store import Store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db")
    ap.add_argument("records")
    ap.add_argument("--field", default="event", help="the key under `extra` holding the gold cluster")
    a = ap.parse_args()
    gold = {}
    with open(a.records, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            label = (r.get("extra") or {}).get(a.field)
            if label:
                gold[r["id"]] = label
    with Store(a.db, read_only=True) as store:
        arts = store.rows(
            "SELECT a.id, a.source, s.story_id FROM articles a LEFT JOIN stories s ON s.article_id = a.id"
        )
        copies = store.scalar("SELECT count(*) FROM copies")
        multi = store.scalar("SELECT count(*) FROM corpus_statements WHERE n_outlets >= 2")
    pred, true = {}, {}
    for r in arts:
        rid = (r["source"] or "").rsplit("#", 1)[-1]
        if rid in gold:
            true[r["id"]] = gold[rid]
            pred[r["id"]] = r["story_id"] or "single:" + r["id"]
    n = len(true)
    by_pred, by_true = defaultdict(list), defaultdict(list)
    for aid in true:
        by_pred[pred[aid]].append(aid)
        by_true[true[aid]].append(aid)
    purity = sum(Counter(true[x] for x in m).most_common(1)[0][1] for m in by_pred.values()) / n
    completeness = sum(Counter(pred[x] for x in m).most_common(1)[0][1] for m in by_true.values()) / n
    bp = sum(sum(1 for y in by_pred[pred[x]] if true[y] == true[x]) / len(by_pred[pred[x]]) for x in true) / n
    br = sum(sum(1 for y in by_true[true[x]] if pred[y] == pred[x]) / len(by_true[true[x]]) for x in true) / n
    print(f"articles with a gold cluster: {n} in {len(by_true)} gold clusters; {len(by_pred)} predicted")
    print(f"stories.purity        {purity:.3f}")
    print(f"stories.completeness  {completeness:.3f}")
    print(f"stories.bcubed_f1     {2 * bp * br / (bp + br):.3f} (precision {bp:.3f}, recall {br:.3f})")
    print(f"wire copies found     {copies}")
    print(f"statements carried by two or more outlets: {multi}")


if __name__ == "__main__":
    main()
