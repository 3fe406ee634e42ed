"""How large BASIL's part-A/part-B gap is by chance alone: the same outputs, the story triplets split at random.

benchmarks/basil.py reports author_lex.recall on two fixed parts of BASIL's development half and asks the two
to stay within 0.05. This script takes the outputs of one run (`benchmarks/basil.py --keep` prints the
folder), scores each story triplet once, then splits the triplets at random into parts of the fixed parts'
sizes many times and prints the distribution of the absolute gap: what the bar looks like for a system that
fits neither part. Scoring is basil_score.py's (../shared/eval): a writer-voice lexical span is covered when
an article-voice framing span shares half its words, or half the span's words are the annotation's.

Run: .venv/bin/python benchmarks/basil.py --keep, then .venv/bin/python tools/basil_gap_by_chance.py FOLDER
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

SHARED_EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
sys.path.insert(0, str(SHARED_EVAL))
from polnear_score import load_outputs  # noqa: E402
from score import overlap  # noqa: E402

SPLITS = 5000
BAR = 0.05


def triplet_counts(folder: Path) -> dict[str, list[tuple[int, int]]]:
    """{'A': [(covered, spans) per triplet], 'B': [...]} from a kept benchmarks/basil.py folder."""
    outs = load_outputs(folder / "out.jsonl")
    parts: dict[str, dict[str, list[int]]] = {"A": {}, "B": {}}
    for part in parts:
        for f in sorted((folder / part).rglob("*_ann.json")):
            doc = outs.get("basil_" + f.name[: -len("_ann.json")]) or {}
            voices = {v.get("id"): v.get("kind") for v in doc.get("voices") or []}
            spans = (doc.get("framing") or {}).get("spans") or []
            own = [s.get("text") or "" for s in spans if voices.get(s.get("voice"), "article") == "article"]
            counts = parts[part].setdefault(f.name.split("_")[0], [0, 0])
            for g in json.loads(f.read_text(encoding="utf-8"))["phrase-level-annotations"]:
                if g.get("bias") != "lex" or g.get("quote") == "yes":
                    continue
                counts[1] += 1
                counts[0] += any(overlap(g["txt"], p)[0] >= 0.5 or overlap(g["txt"], p)[1] >= 0.5 for p in own)
    return {p: [tuple(c) for c in d.values()] for p, d in parts.items()}  # type: ignore[misc]


def recall(triplets) -> float:
    return sum(c for c, _ in triplets) / max(1, sum(n for _, n in triplets))


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: tools/basil_gap_by_chance.py FOLDER (kept by benchmarks/basil.py --keep)")
    parts = triplet_counts(Path(sys.argv[1]))
    a, b = parts["A"], parts["B"]
    print(
        f"fixed parts: A {recall(a):.3f} ({len(a)} triplets), B {recall(b):.3f} ({len(b)}), gap {abs(recall(a) - recall(b)):.3f}"
    )
    pool, rng, gaps = a + b, random.Random(1), []
    for _ in range(SPLITS):
        rng.shuffle(pool)
        gaps.append(abs(recall(pool[: len(a)]) - recall(pool[len(a) :])))
    gaps.sort()
    print(
        f"{SPLITS} random splits of the same triplets: median gap {gaps[SPLITS // 2]:.3f}, "
        f"95th percentile {gaps[int(SPLITS * 0.95)]:.3f}, share above {BAR}: {sum(g > BAR for g in gaps) / SPLITS:.2f}"
    )


if __name__ == "__main__":
    main()
