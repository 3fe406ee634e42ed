"""Build src/newstrace/data/framing/common_words.txt: the words news writing uses routinely.

Source: the project's corpus of real news (../shared/corpus/articles.jsonl: PolNeAR, BBC News, Giveme5W1H,
NGEC Guardian sample), leaving out BASIL (the framing benchmark) and every article with a gold file under
../shared/eval/gold (seed and dev). A word is common when at least MIN_ARTICLES articles use it, written in
lower case; only the words are written, no text. The framing stage reads a word outside this list, used
as an evaluative modifier or a main verb, as the writer's own (possibly loaded) choice: in BABE's train
half such rare words are marked as biased several times as often as common ones (tools/babe_split.py).

Run: .venv/bin/python tools/build_common_words.py   (a few seconds)
"""

from __future__ import annotations

import collections
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OUT = ROOT / "src" / "newstrace" / "data" / "framing" / "common_words.txt"
MIN_ARTICLES = 8
LEFT_OUT_DATASETS = {"BASIL"}


def gold_articles() -> set[str]:
    ids = set()
    for f in (SHARED / "eval" / "gold").rglob("*.gold.json"):
        ids.add(Path(json.loads(f.read_text(encoding="utf-8"))["article"]).stem)
    return ids


def main() -> None:
    left_out = gold_articles()
    df: collections.Counter = collections.Counter()
    n = 0
    for line in (SHARED / "corpus" / "articles.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        if r["dataset"] in LEFT_OUT_DATASETS or r["id"] in left_out:
            continue
        n += 1
        df.update(set(re.findall(r"\b[a-z]+\b", r.get("text") or "")))
    words = sorted(w for w, k in df.items() if k >= MIN_ARTICLES)
    head = [
        f"# Lower-case words that at least {MIN_ARTICLES} of {n} real news articles use (tools/build_common_words.py).",
        "# _source: ../shared/corpus/articles.jsonl (PolNeAR, BBC News, Giveme5W1H, NGEC Guardian sample), BASIL and",
        "#   gold-annotated articles left out; words only, no text.",
    ]
    OUT.write_text("\n".join(head + words) + "\n", encoding="utf-8")
    print(f"{len(words)} words from {n} articles -> {OUT}")


if __name__ == "__main__":
    main()
