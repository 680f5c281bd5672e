#!/usr/bin/env bash
# Scale check: builds a synthetic corpus (default 1 GB, in a temp dir, never committed) and runs
# `planmine extract` over it with 1 and 2 jobs under /usr/bin/time -v, printing throughput and
# peak RSS (target: < 300 MB).
#
#   bash benches/scale.sh               # 1024 MB in /tmp/planmine-scale-1024
#   SIZE_MB=200 JOBS="2" bash benches/scale.sh
#   CORPUS=/some/dir bash benches/scale.sh   # reuse an existing corpus
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB=${SIZE_MB:-1024}
JOBS=${JOBS:-"1 2"}
CORPUS=${CORPUS:-${TMPDIR:-/tmp}/planmine-scale-$SIZE_MB}
if [ ! -d "$CORPUS" ]; then
  python3 benches/build_corpus.py --out "$CORPUS" --size-mb "$SIZE_MB"
fi
cargo build --release -q
BIN=target/release/planmine
if [ ! -x /usr/bin/time ]; then
  echo "note: /usr/bin/time missing (Debian package 'time'): peak RSS not measured" >&2
fi
MB=$(du -sb "$CORPUS" | awk '{printf "%.1f", $1/1e6}')
echo "corpus: $CORPUS ($MB MB on disk)"
for j in $JOBS; do
  log=$(mktemp)
  start=$(date +%s.%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v "$BIN" extract "$CORPUS" --jobs "$j" -o /dev/null 2>"$log"
  else
    "$BIN" extract "$CORPUS" --jobs "$j" -o /dev/null 2>"$log"
  fi
  end=$(date +%s.%N)
  summary=$(grep '^planmine:' "$log" || true)
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log")
  # CPU seconds (user + system): on a shared machine MB per CPU-second is the steadier
  # per-core figure.
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s + 0}' "$log")
  awk -v j="$j" -v s="$summary" -v a="$start" -v b="$end" -v mb="$MB" -v rss="${rss:-?}" -v cpu="$cpu" \
    'BEGIN { w = b - a; printf "jobs %s: %s\n  wall %.1f s, %.2f MB/s overall, %.1f CPU s (%.2f MB per CPU-second), peak RSS %s MB\n", j, s, w, mb / w, cpu, (cpu > 0 ? mb / cpu : 0), rss }' 
  rm -f "$log"
done
