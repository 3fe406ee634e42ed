"""Event coding measured on the three sentence-level sets in ../shared/eval/events, side by side.

  .venv/bin/python benchmarks/events.py [--limit N]

Runs ../shared/eval/events_score.py on plover_gsr.jsonl (PLOVER gold standard), petr2_validation.jsonl
(PETRARCH2 validation, CAMEO mapped to PLOVER) and plv_train.jsonl (evaluation only), each through
`newstrace batch`, and prints one column per set with the time each took.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
SETS = ["plover_gsr.jsonl", "petr2_validation.jsonl", "plv_train.jsonl"]
CMD = f"{ROOT / '.venv' / 'bin' / 'newstrace'} batch {{dir}} --jsonl {{out}}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, help="first N sentences of each set")
    args = ap.parse_args()
    results: dict[str, dict] = {}
    for name in SETS:
        cmd = [sys.executable, str(EVAL / "events_score.py"), str(EVAL / "events" / name), "--cmd", CMD, "--json"]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        t0 = time.perf_counter()
        res = subprocess.run(cmd, capture_output=True, text=True)
        if res.returncode not in (0, 1):
            print(f"{name}: scorer failed\n{res.stderr[-2000:]}", file=sys.stderr)
            return 2
        out = res.stdout
        results[name] = json.loads(out[out.index("{") : out.rindex("}") + 1])
        results[name]["seconds"] = time.perf_counter() - t0
    metrics = ["type_recall", "recall", "precision", "f1", "empty_ok", "sentences", "seconds"]
    print(f"{'metric':14s}" + "".join(f"{n.replace('.jsonl', ''):>20s}" for n in SETS))
    for m in metrics:
        if not any(m in results[n] for n in SETS):
            continue
        print(f"{m:14s}" + "".join(f"{results[n].get(m, float('nan')):20.3f}" for n in SETS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
