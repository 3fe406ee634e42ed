"""Cost against article length: time and peak memory of one analysis for articles of 10, 50, 100 and
200 KB (and the size cap), each in a fresh process, with the growth exponent (the slope of log time
against log size; 1.0 is linear). Text is real news from ../shared/corpus/articles.jsonl, joined
paragraph by paragraph until it reaches the size.

    .venv/bin/python benchmarks/scaling.py [--sizes 10,50,100,200]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"

CHILD = """
import resource, sys, time
from newstrace import pipeline, nlp
from newstrace.clean import make_article
from newstrace.settings import Settings
text = open(sys.argv[1], encoding="utf-8").read()
settings = Settings(max_chars=max(len(text) + 1, Settings().max_chars))
nlp.load(settings.spacy_model); pipeline.run(make_article("A warm-up sentence about talks in Geneva.", source="w"), settings)
began = time.perf_counter()
ctx = pipeline.run_with_timings(make_article(text, title="Scaling", source="scaling"), settings)
spent = time.perf_counter() - began
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
slowest = max((k for k in ctx.timings if k != "parse"), key=ctx.timings.get)
print(f"{spent:.3f} {peak:.0f} {slowest} {ctx.timings[slowest]:.3f} {ctx.timings['parse']:.3f}")
"""


def corpus_text(size: int) -> str:
    parts, total = [], 0
    with open(SHARED / "corpus" / "articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            for para in json.loads(line)["text"].split("\n\n"):
                parts.append(para)
                total += len(para) + 2
                if total >= size:
                    return "\n\n".join(parts)[:size]
    raise SystemExit("the corpus is smaller than the size asked for")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10,50,100,200", help="sizes in KB")
    a = ap.parse_args()
    sizes = [int(x) * 1000 for x in a.sizes.split(",")]
    rows = []
    print(f"{'size':>8} {'seconds':>8} {'peak MB':>8} {'parse s':>8}  slowest stage")
    for size in sizes:
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as fh:
            fh.write(corpus_text(size))
        out = subprocess.run([sys.executable, "-c", CHILD, fh.name], capture_output=True, text=True)
        os.unlink(fh.name)
        if out.returncode != 0:
            print(f"{size // 1000:>6}KB failed: {out.stderr.strip().splitlines()[-1]}")
            continue
        spent, peak, stage, stage_s, parse_s = out.stdout.split()
        rows.append((size, float(spent)))
        print(
            f"{size // 1000:>6}KB {float(spent):>8.2f} {float(peak):>8.0f} {float(parse_s):>8.2f}  {stage} {float(stage_s):.2f} s"
        )
    if len(rows) >= 2:
        (s0, t0), (s1, t1) = rows[0], rows[-1]
        print(f"growth exponent {s0 // 1000}-{s1 // 1000} KB: {math.log(t1 / t0) / math.log(s1 / s0):.2f}")


if __name__ == "__main__":
    main()
