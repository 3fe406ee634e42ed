#!/usr/bin/env python3
"""What knowledge-base matching costs: the seed plus N corpus articles through the full pipeline,
with the time spent in the KB matcher (kb/matcher.py Matcher.find) and in the whole entities stage
measured separately.

    .venv/bin/python benchmarks/kb_speed.py [--articles 20]

Prints the KB size, the total analysis time, the matcher's share and the entities stage's share; the
"overhead" is matcher time / (total - matcher time): how much slower analysis is with KB matching on.
The first article warms up spaCy and builds the matcher (timed separately: once per process).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
SHARED = ROOT.parent / "shared"

from newstrace import kb, pipeline  # noqa: E402
from newstrace.clean import make_article  # noqa: E402
from newstrace.kb import matcher as kb_matcher  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=20, help="corpus articles besides the seed")
    args = ap.parse_args()

    spent = {"match": 0.0, "entities": 0.0}
    find = kb_matcher.Matcher.find

    def timed_find(self, *a, **k):
        t = time.perf_counter()
        try:
            return find(self, *a, **k)
        finally:
            spent["match"] += time.perf_counter() - t

    kb_matcher.Matcher.find = timed_find

    seed = (SHARED / "seeds" / "rafah-2024-03.txt").read_text(encoding="utf-8")
    title, _, body = seed.partition("\n")
    articles = [make_article(body, title=title, published="2024-03-23", source="seed")]
    rows = [json.loads(line) for line in (SHARED / "corpus" / "articles.jsonl").open(encoding="utf-8")]
    rows = [r for r in rows if 1500 < len(r["text"]) < 8000][: args.articles * 7 : 7]
    for r in rows[: args.articles]:
        articles.append(make_article(r["text"], title=r.get("title") or "", published=None, source=r["id"]))

    t = time.perf_counter()
    kb_matcher.matcher.cache_clear()
    kb.load.cache_clear()
    kb_matcher.matcher(())
    build = time.perf_counter() - t
    pipeline.run(articles[0])  # warm-up: spaCy model load
    spent.update(match=0.0, entities=0.0)

    t = time.perf_counter()
    chars = 0
    for a in articles:
        spent["entities"] += pipeline.run_with_timings(a).timings["entities"]
        chars += len(a.text)
    total = time.perf_counter() - t
    n_entries = len(kb.load(()).entries)
    print(f"knowledge base: {n_entries} entries; matcher built once per process in {build * 1000:.0f} ms")
    print(
        f"articles: {len(articles)} ({chars:,} characters); full analysis {total:.2f} s ({total / len(articles) * 1000:.0f} ms per article)"
    )
    print(
        f"KB matching: {spent['match'] * 1000:.1f} ms in all ({spent['match'] / len(articles) * 1000:.2f} ms per article)"
    )
    print(
        f"entities stage (matching, grouping, linking): {spent['entities'] * 1000:.1f} ms = {spent['entities'] / total:.1%} of analysis"
    )
    print(f"kb_matching.overhead {spent['match'] / (total - spent['match']):.2%}")


if __name__ == "__main__":
    main()
