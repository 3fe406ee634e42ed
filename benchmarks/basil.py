"""Framing spans against BASIL's lexical-bias annotations (development half), through the real CLI.

Runs ../shared/eval/basil_score.py with `newstrace batch` and prints its figures: author_lex.recall (loaded
words in the writer's own voice that a span covers), in_bias_span (share of the article-voice spans that
fall on a BASIL span: a precision proxy), quoted_lex.recall and spans_per_1k_words. The issue's bar is
author_lex.recall >= 0.35 at no more than 15 spans per 1,000 words.

Run: .venv/bin/python benchmarks/basil.py   (about two minutes on one core)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def main() -> int:
    scorer = SHARED / "eval" / "basil_score.py"
    if not scorer.exists():
        sys.exit(f"BASIL scorer not found at {scorer}")
    cmd = [
        sys.executable,
        str(scorer),
        str(SHARED / "eval" / "framing" / "basil"),
        str(SHARED / "corpus" / "text"),
        "--cmd",
        f"{ROOT / '.venv' / 'bin' / 'newstrace'} batch {{dir}} --jsonl {{out}}",
        "--min",
        "author_lex.recall=0.35",
    ]
    print("BASIL development half (150 articles):")
    r = subprocess.run(cmd, cwd=ROOT)
    return r.returncode


if __name__ == "__main__":
    sys.exit(main())
