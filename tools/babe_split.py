"""The fixed split of BABE SG2 that newstrace learns from and measures on (shared by tools/ and benchmarks/).

A sentence belongs to the *test* half when the SHA-1 of its text is odd, otherwise to the *train* half; the
split depends on nothing but the text, so every script agrees on it without a stored list. Word lists are
learned on the train half only (tools/derive_loaded_words.py); benchmarks/bias.py reports the test half.
"""

from __future__ import annotations

import ast
import csv
import hashlib
from pathlib import Path

BABE = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "framing" / "babe_mbic"


def half(text: str) -> str:
    return "test" if int(hashlib.sha1(text.strip().encode("utf-8")).hexdigest(), 16) % 2 else "train"


def rows(name: str = "final_labels_SG2.csv", folder: Path = BABE) -> list[dict]:
    """Rows of a BABE/MBIC file as dicts with 'text', 'biased' (True/False/None) and 'words' (marked words)."""
    path = folder / name
    delim = ";" if "SG" in name else ","
    out = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for r in csv.DictReader(fh, delimiter=delim):
            label = r.get("label_bias")
            try:
                words = ast.literal_eval(r.get("biased_words") or "[]")
            except (ValueError, SyntaxError):
                words = []
            out.append(
                {
                    "text": r["text"],
                    "biased": True if label == "Biased" else False if label == "Non-biased" else None,
                    "words": [w for w in words if isinstance(w, str)],
                    "half": half(r["text"]),
                }
            )
    return out
