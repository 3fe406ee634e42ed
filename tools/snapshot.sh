#!/usr/bin/env bash
# Save every scorer's printed figures and every raw analysis on the seed, dev set, cases, PolNeAR dev and
# PLOVER GSR into DIR, so a refactor can be checked byte for byte:  tools/snapshot.sh /tmp/before
#   ... change the code ...  tools/snapshot.sh /tmp/after && diff -r /tmp/before /tmp/after
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:?usage: tools/snapshot.sh DIR}")
ev=../shared/eval
nt=$(realpath .venv/bin/newstrace)
mkdir -p "$out/docs"
analyze="sh -c '$nt analyze \"\$1\" \${2:+--published \"\$2\"} | tee \"$out/docs/\$(basename \"\$1\").json\"' _ {article} {published}"
python3 $ev/score.py $ev/gold/rafah-2024-03.gold.json --cmd "$analyze" > "$out/seed.txt"
python3 $ev/score.py $ev/gold/dev/*.gold.json --cmd "$analyze" > "$out/dev.txt"
python3 $ev/score.py $ev/cases/*.gold.json --cmd "$analyze" > "$out/cases.txt"
python3 $ev/polnear_score.py $ev/polnear/polnear_dev.jsonl \
  --cmd "sh -c '$nt batch \"\$1\" --jsonl \"\$2\" && cp \"\$2\" \"$out/polnear_dev.jsonl\"' _ {dir} {out}" > "$out/polnear_dev.txt"
python3 $ev/events_score.py $ev/events/plover_gsr.jsonl \
  --cmd "sh -c '$nt batch \"\$1\" --jsonl \"\$2\" && cp \"\$2\" \"$out/plover_gsr.jsonl\"' _ {dir} {out}" > "$out/plover_gsr.txt"
# batch inputs live in a fresh temporary folder each run: keep only the file name of each source
sed -E -i 's#"source": "[^"]*/in/#"source": "#' "$out"/*.jsonl
echo "snapshot written to $out"
