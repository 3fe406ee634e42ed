"""Development aid: show PolNeAR dev attributions newstrace missed, and its extra ones.

usage: python tools/polnear_diff.py GOLD.jsonl OUT.jsonl [--misses|--extras|--sources] [N]
Measures only; PolNeAR has no licence, so nothing from it goes into the package.
"""

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "eval"))
from score import greedy_match, overlap  # noqa: E402

gold_path, out_path, mode = sys.argv[1], sys.argv[2], sys.argv[3]
limit = int(sys.argv[4]) if len(sys.argv) > 4 else 30
docs = {}
for line in open(gold_path, encoding="utf-8"):
    d = json.loads(line)
    docs.setdefault(d["doc_id"], d)
outs = {
    Path(json.loads(l)["article"]["source"]).stem: json.loads(l) for l in open(out_path, encoding="utf-8") if l.strip()
}
rows = []
for i, d in docs.items():
    golds = [g for g in d["attributions"] if g.get("content")]
    preds = [q for q in (outs.get(i) or {}).get("quotes") or [] if q.get("kind") in ("direct", "partial", "indirect")]
    pt = lambda g: " ".join(s["text"] for s in g.get("content") or [])

    def sc(g, q):
        r, p = overlap(pt(g), q.get("text") or "")
        return r + p if r >= 0.5 and p >= 0.5 else None

    pairs = greedy_match(golds, preds, sc)
    if mode == "--misses":
        rows += [
            f"MISS [{' '.join(s['text'] for s in g.get('source') or [])} | {' '.join(s['text'] for s in g.get('cue') or [])}] {pt(g)[:160]}"
            for gi, g in enumerate(golds)
            if gi not in pairs
        ]
    elif mode == "--extras":
        used = set(pairs.values())
        rows += [
            f"EXTRA {q['kind']} [{q.get('speaker_mention')} | {q.get('cue')}] {q['text'][:160]}"
            for j, q in enumerate(preds)
            if j not in used
        ]
    else:
        for gi, pj in pairs.items():
            gs = " ".join(s["text"] for s in golds[gi].get("source") or [])
            ps = preds[pj].get("speaker_mention") or ""
            if not ((not gs and not ps) or (gs and ps and min(overlap(gs, ps)) >= 0.5)):
                rows.append(f"SRC gold={gs!r} pred={ps!r} cue={preds[pj].get('cue')!r} :: {preds[pj]['text'][:100]}")
random.seed(0)
print(len(rows))
for r in random.sample(rows, min(limit, len(rows))):
    print(r)
