"""Quote extraction side by side: newstrace against textacy's direct_quotations, scored the project's way.

Both systems read the same cleaned texts (newstrace.clean.make_article(raw).text): the seed article and
the PolNeAR dev set (first annotator per doc_id, as /work/shared/eval/polnear_score.py reads it).
newstrace runs through its CLI (`analyze` for the seed, `batch` for PolNeAR); textacy 0.13's
`textacy.extract.triples.direct_quotations` runs on a plain spaCy parse with the project's model, and each
DQTriple(speaker, cue, content) becomes a newstrace/1 quote of kind 'direct'. textacy bails out with a
ValueError on an article whose quote-mark count is odd; such an article counts as giving no quotes.
The outputs of both are scored by the shared scorers (score.py --output, polnear_score.py --outputs),
run as subprocesses, and printed as one table with the time per article.

textacy is a benchmark-only dependency: install it with
    .venv/bin/pip install --require-hashes -r requirements-bench.lock

    .venv/bin/python benchmarks/quotes.py [--shared PATH] [--limit N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import spacy

from newstrace.clean import make_article
from newstrace.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = ROOT.parent / "shared"
NEWSTRACE = ROOT / ".venv" / "bin" / "newstrace"
SEED_GOLD = Path("eval/gold/rafah-2024-03.gold.json")
POLNEAR_DEV = Path("eval/polnear/polnear_dev.jsonl")

SEED_METRICS = ["quotes.recall", "quotes.precision", "quotes.f1", "quotes.speaker_accuracy"]
POLNEAR_METRICS = [
    "overlap.content.precision",
    "overlap.content.recall",
    "overlap.content.f1",
    "overlap.source_accuracy",
    "direct.recall",
    "exact.content.f1",
    "exact.source.f1",
    "exact.cue.f1",
]


# ---------------------------------------------------------------- inputs


def load_polnear(path: Path, limit: int | None) -> dict[str, str]:
    """doc_id -> raw text, first annotator per doc_id, sorted like polnear_score.load_gold."""
    docs: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            docs.setdefault(d["doc_id"], d["text"])
    ids = sorted(docs)[:limit] if limit else sorted(docs)
    return {i: docs[i] for i in ids}


# ---------------------------------------------------------------- newstrace, through its CLI


def newstrace_seed(seed: Path, published: str, out: Path) -> float:
    started = time.perf_counter()
    r = subprocess.run([str(NEWSTRACE), "analyze", str(seed), "--published", published], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if r.returncode != 0:
        sys.exit(f"newstrace analyze failed ({r.returncode}):\n{r.stderr[-2000:]}")
    out.write_text(r.stdout, encoding="utf-8")
    return seconds


def newstrace_batch(in_dir: Path, out: Path) -> float:
    started = time.perf_counter()
    r = subprocess.run([str(NEWSTRACE), "batch", str(in_dir), "--jsonl", str(out)], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if r.returncode != 0:
        sys.exit(f"newstrace batch failed ({r.returncode}):\n{r.stderr[-2000:]}")
    return seconds


# ---------------------------------------------------------------- textacy, converted to newstrace/1


def tokens_text(tokens) -> str:
    """The words of a token list as written; textacy's speaker/cue lists may have gaps ("did not say")."""
    runs: list[list] = []
    for tok in tokens:
        if runs and tok.i == runs[-1][-1].i + 1:
            runs[-1].append(tok)
        else:
            runs.append([tok])
    return " ".join(run[0].doc[run[0].i : run[-1].i + 1].text for run in runs)


def char_span(tokens) -> list[int]:
    return [tokens[0].idx, tokens[-1].idx + len(tokens[-1])]


def textacy_quotes(doc) -> list[dict] | None:
    """newstrace/1 quotes from textacy's triples; None when textacy refuses the text."""
    from textacy.extract.triples import direct_quotations  # benchmark-only dependency

    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # an odd number of quote marks: textacy will not guess which one is unclosed
        return None
    quotes = []
    for n, t in enumerate(triples, 1):
        inner = t.content[1:-1]  # the content span starts and ends on its quote-mark tokens
        speaker = tokens_text(t.speaker)
        quotes.append(
            {
                "id": f"q{n}",
                "kind": "direct",
                "text": inner.text,
                "field": "text",
                "start": inner.start_char,
                "end": inner.end_char,
                "speaker": {"name": speaker, "entity": None},
                "speaker_mention": speaker,
                "speaker_span": char_span(t.speaker),
                "cue": tokens_text(t.cue),
                "cue_span": char_span(t.cue),
                "addressee": None,
                "medium": None,
                "voice": "v0",
                "via": None,
                "statement": None,
            }
        )
    return quotes


def analysis_document(text: str, title: str, source: str, published: str | None, quotes: list[dict]) -> dict:
    """A newstrace/1 document holding only quotes, so the shared scorers read it like newstrace's."""
    return {
        "schema": "newstrace/1",
        "article": {
            "id": None,
            "title": title,
            "text": text,
            "source": source,
            "url": None,
            "outlet": None,
            "published": published,
            "authors": [],
            "tags": [],
            "language": "en",
        },
        "voices": [{"id": "v0", "kind": "article"}],
        "entities": [],
        "quotes": quotes,
        "statements": [],
        "events": [],
        "claims": [],
        "framing": {"spans": [], "descriptors": []},
        "checks": [],
    }


class Textacy:
    """The textacy side: one plain spaCy pipeline (the project's model), timings and refusals counted."""

    def __init__(self, model_name: str):
        started = time.perf_counter()
        self.nlp = spacy.load(model_name)
        self.load_seconds = time.perf_counter() - started
        self.seconds: list[float] = []
        self.refused: list[str] = []

    def analyse(self, raw: str, source: str, published: str | None = None) -> dict:
        article = make_article(raw)
        started = time.perf_counter()
        quotes = textacy_quotes(self.nlp(article.text))
        self.seconds.append(time.perf_counter() - started)
        if quotes is None:
            self.refused.append(Path(source).stem)
        return analysis_document(article.text, article.title, source, published, quotes or [])


# ---------------------------------------------------------------- scoring, with the shared scorers


def run_scorer(args: list[str]) -> dict:
    r = subprocess.run([sys.executable, *args, "--json"], capture_output=True, text=True)
    if r.returncode not in (0, 1):  # 1 only means a --min threshold was missed; none is given here
        sys.exit(f"scorer failed ({r.returncode}): {' '.join(args)}\n{r.stderr[-2000:]}")
    return json.loads(r.stdout)


def score_seed(shared: Path, output: Path) -> dict:
    return run_scorer([str(shared / "eval" / "score.py"), str(shared / SEED_GOLD), "--output", str(output)])["mean"]


def score_polnear(shared: Path, outputs: Path, limit: int | None) -> dict:
    extra = ["--limit", str(limit)] if limit else []
    return run_scorer(
        [str(shared / "eval" / "polnear_score.py"), str(shared / POLNEAR_DEV), "--outputs", str(outputs), *extra]
    )


# ---------------------------------------------------------------- main


def text_mismatches(jsonl: Path, texts: dict[str, str]) -> int:
    """How many newstrace documents hold a different cleaned text than make_article gave textacy."""
    seen = {}
    for line in jsonl.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            seen[Path(d["article"]["source"]).stem] = d["article"]["text"]
    return sum(seen.get(i) != make_article(raw).text for i, raw in texts.items())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--limit", type=int, help="only the first N PolNeAR dev articles")
    ap.add_argument("--keep", type=Path, help="write the outputs here and keep them")
    args = ap.parse_args()
    try:
        import textacy  # noqa: F401
    except ImportError:
        sys.exit("textacy is not installed: .venv/bin/pip install --require-hashes -r requirements-bench.lock")
    shared = args.shared.resolve()
    work = args.keep or Path(tempfile.mkdtemp(prefix="newstrace-quotes-bench-"))
    work.mkdir(parents=True, exist_ok=True)

    gold = json.loads((shared / SEED_GOLD).read_text(encoding="utf-8"))
    seed = ((shared / SEED_GOLD).parent / gold["article"]).resolve()
    published = gold.get("published")
    polnear = load_polnear(shared / POLNEAR_DEV, args.limit)
    in_dir = work / "polnear-in"
    in_dir.mkdir(exist_ok=True)
    for doc_id, text in polnear.items():
        (in_dir / f"{doc_id}.txt").write_text(text, encoding="utf-8")  # as polnear_score.run_batch writes them

    print(
        f"newstrace: seed with `newstrace analyze`, {len(polnear)} PolNeAR dev articles with `newstrace batch` ...",
        flush=True,
    )
    nt_seed_out, nt_polnear_out = work / "newstrace-seed.json", work / "newstrace-polnear.jsonl"
    nt_seed_s = newstrace_seed(seed, published, nt_seed_out)
    nt_batch_s = newstrace_batch(in_dir, nt_polnear_out)

    print("textacy: direct_quotations on the same cleaned texts ...", flush=True)
    tx = Textacy(Settings().spacy_model)
    tx_seed_out, tx_polnear_out = work / "textacy-seed.json", work / "textacy-polnear.jsonl"
    tx_seed_out.write_text(
        json.dumps(tx.analyse(seed.read_text(encoding="utf-8"), str(seed), published)), encoding="utf-8"
    )
    with open(tx_polnear_out, "w", encoding="utf-8") as fh:
        for doc_id, text in polnear.items():
            fh.write(json.dumps(tx.analyse(text, f"{doc_id}.txt")) + "\n")

    seed_scores = {"newstrace": score_seed(shared, nt_seed_out), "textacy": score_seed(shared, tx_seed_out)}
    pol_scores = {
        "newstrace": score_polnear(shared, nt_polnear_out, args.limit),
        "textacy": score_polnear(shared, tx_polnear_out, args.limit),
    }

    rows = [
        (f"seed {k}", seed_scores["newstrace"].get(k, 0.0), seed_scores["textacy"].get(k, 0.0)) for k in SEED_METRICS
    ]
    rows += [
        (f"polnear {k}", pol_scores["newstrace"].get(k, 0.0), pol_scores["textacy"].get(k, 0.0))
        for k in POLNEAR_METRICS
    ]
    n_pol = len(polnear)
    width = max(len(r[0]) for r in rows) + 2
    print()
    print(f"{'metric':{width}s} | {'newstrace':>9s} | {'textacy':>9s}")
    print(f"{'-' * width}-+-{'-' * 9}-+-{'-' * 9}")
    for name, a, b in rows:
        print(f"{name:{width}s} | {a:9.3f} | {b:9.3f}")
    print(f"{'seed s/article':{width}s} | {nt_seed_s:9.2f} | {tx.seconds[0]:9.2f}")
    print(f"{'polnear s/article (mean)':{width}s} | {nt_batch_s / n_pol:9.2f} | {sum(tx.seconds[1:]) / n_pol:9.2f}")
    print()
    print(
        f"articles: seed + {n_pol} PolNeAR dev; textacy refused {len(tx.refused)} of {n_pol + 1} "
        f"(odd quote-mark count, scored as no quotes){': ' + ', '.join(tx.refused[:5]) if tx.refused else ''}"
        f"{' ...' if len(tx.refused) > 5 else ''}"
    )
    print(
        f"time: newstrace is wall time of the CLI (process start and model load included; batch time / {n_pol}), "
        f"all stages; textacy is parse + direct_quotations, model load ({tx.load_seconds:.2f} s) not included"
    )
    mismatched = text_mismatches(nt_polnear_out, polnear)
    if mismatched:
        print(
            f"warning: {mismatched} PolNeAR articles have a different cleaned text in newstrace's output than textacy read"
        )
    missing = int(pol_scores["newstrace"].get("articles_without_output", 0))
    if missing:
        print(f"warning: newstrace gave no output for {missing} PolNeAR articles")
    if args.keep:
        print(f"outputs kept in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
