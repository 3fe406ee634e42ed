"""Word-level extraction quality on the 85 Article Extraction Benchmark pages in the shared corpus.

Compares (a) plain trafilatura.extract(html) with default options and (b) newstrace's reader up to the
cleaned article text (ingest.html.read -> clean.make_article(...).text) against the human-checked
ground-truth bodies. Bag-of-words overlap: tokens are re.findall(r"\\w+") over lower-cased NFKC text,
matched as multisets. Prints macro (mean over pages) and micro (summed counts) precision, recall, F1
and the time per page.

    .venv/bin/python benchmarks/extraction.py [--shared PATH] [--worst N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

import trafilatura

from newstrace.clean import make_article
from newstrace.errors import InputError
from newstrace.ingest import html as html_reader

DEFAULT_SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def tokens(text: str) -> Counter:
    return Counter(re.findall(r"\w+", unicodedata.normalize("NFKC", text or "").lower()))


def overlap(predicted: Counter, truth: Counter) -> tuple[int, int, int]:
    """(matched, predicted total, truth total) word counts."""
    return sum((predicted & truth).values()), sum(predicted.values()), sum(truth.values())


def prf(matched: int, n_pred: int, n_true: int) -> tuple[float, float, float]:
    p = matched / n_pred if n_pred else 0.0
    r = matched / n_true if n_true else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def plain_trafilatura(data: bytes, url: str) -> str:
    return trafilatura.extract(data) or ""


def newstrace_text(data: bytes, url: str) -> str:
    try:
        raw = html_reader.parse_page(data, source=url)
    except InputError:
        return ""
    return make_article(raw.body, title=raw.title).text


SYSTEMS = {"trafilatura.extract": plain_trafilatura, "newstrace": newstrace_text}


def load_pages(shared: Path) -> list[dict]:
    pages = []
    with open(shared / "corpus" / "html" / "pages.jsonl", encoding="utf-8") as fh:
        for line in fh:
            page = json.loads(line)
            if page["id"].startswith("aeb_") and (page.get("ground_truth_article_body") or "").strip():
                pages.append(page)
    return pages


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--worst", type=int, default=0, help="also list the N pages where newstrace trails most")
    args = ap.parse_args()
    pages = load_pages(args.shared)
    per_page: dict[str, list[tuple[float, float, float]]] = {name: [] for name in SYSTEMS}
    counts: dict[str, list[int]] = {name: [0, 0, 0] for name in SYSTEMS}
    seconds: dict[str, float] = {name: 0.0 for name in SYSTEMS}
    for page in pages:
        data = (args.shared / "corpus" / page["file"]).read_bytes()
        truth = tokens(page["ground_truth_article_body"])
        for name, system in SYSTEMS.items():
            start = time.perf_counter()
            text = system(data, page["url"])
            seconds[name] += time.perf_counter() - start
            m, n_pred, n_true = overlap(tokens(text), truth)
            per_page[name].append(prf(m, n_pred, n_true))
            for i, v in enumerate((m, n_pred, n_true)):
                counts[name][i] += v
    n = len(pages)
    print(f"{n} pages with a ground-truth body")
    print(
        f"{'system':<22}{'macro P':>9}{'macro R':>9}{'macro F1':>10}{'micro P':>9}{'micro R':>9}{'micro F1':>10}{'ms/page':>9}"
    )
    for name in SYSTEMS:
        macro = [sum(x[i] for x in per_page[name]) / n for i in range(3)]
        micro = prf(*counts[name])
        print(
            f"{name:<22}{macro[0]:>9.4f}{macro[1]:>9.4f}{macro[2]:>10.4f}{micro[0]:>9.4f}{micro[1]:>9.4f}{micro[2]:>10.4f}"
            f"{1000 * seconds[name] / n:>9.1f}"
        )
    if args.worst:
        base, ours = per_page["trafilatura.extract"], per_page["newstrace"]
        diffs = sorted(range(n), key=lambda i: ours[i][2] - base[i][2])[: args.worst]
        print("\npages where newstrace trails trafilatura.extract most (F1 ours vs plain):")
        for i in diffs:
            print(
                f"  {pages[i]['id']:<40} {ours[i][2]:.4f} vs {base[i][2]:.4f}  (P {ours[i][0]:.3f}/{base[i][0]:.3f}, R {ours[i][1]:.3f}/{base[i][1]:.3f})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
