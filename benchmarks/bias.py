"""Sentence-level media-bias classification on BABE SG2 (Spinde et al. 2021), the way published work reports it.

A sentence is predicted biased when newstrace's framing stage finds a framing span in it (the same
function, stages.framing.frame_doc, that fills framing.sentences in an analysis). Scored on the test half
of the fixed split in tools/babe_split.py, because the learned word list comes from the train half.
The best published fine-tuned model (Spinde et al. 2021, 5-fold cross-validation on SG2) reaches macro-F1 0.804.

Run: .venv/bin/python benchmarks/bias.py [--half test|train|all]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import babe_split  # noqa: E402

from newstrace import nlp  # noqa: E402
from newstrace.settings import Settings  # noqa: E402
from newstrace.stages.framing.stage import frame_doc  # noqa: E402


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--half", choices=("test", "train", "all"), default="test")
    a = ap.parse_args()
    if not babe_split.BABE.is_dir():
        sys.exit(f"BABE not found at {babe_split.BABE}")
    rows = [r for r in babe_split.rows() if r["biased"] is not None and a.half in ("all", r["half"])]
    model = nlp.load(Settings().spacy_model)
    t0 = time.perf_counter()
    tp = fp = fn = tn = 0
    for r, doc in zip(rows, model.pipe([r["text"] for r in rows], batch_size=64)):
        _spans, sentences = frame_doc(doc)
        pred = any(s["biased"] for s in sentences)
        tp += pred and r["biased"]
        fp += pred and not r["biased"]
        fn += (not pred) and r["biased"]
        tn += (not pred) and not r["biased"]
    secs = time.perf_counter() - t0
    p1, r1, f1 = prf(tp, fp, fn)
    p0, r0, f0 = prf(tn, fn, fp)
    print(f"BABE SG2 ({a.half} half): {len(rows)} sentences, {tp + fn} biased; {secs:.1f} s")
    print(f"  biased     precision {p1:.3f}  recall {r1:.3f}  F1 {f1:.3f}")
    print(f"  non-biased precision {p0:.3f}  recall {r0:.3f}  F1 {f0:.3f}")
    print(
        f"  macro-F1 {(f1 + f0) / 2:.3f}   accuracy {(tp + tn) / max(1, len(rows)):.3f}   (best published fine-tuned model: 0.804)"
    )


if __name__ == "__main__":
    main()
