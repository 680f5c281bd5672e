#!/usr/bin/env bash
# Fuzzes `planmine::process` with libFuzzer, seeded with corpus/ and the decode test data.
#   bash fuzz/run.sh [SECONDS]   (default 600; needs a nightly toolchain and cargo-fuzz)
# The seed corpus lives in a temp dir (never committed); crashes land in fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}
seeds=${FUZZ_CORPUS:-${TMPDIR:-/tmp}/planmine-fuzz-corpus}
if [ ! -d "$seeds" ]; then
  mkdir -p "$seeds"
  # Whole seeds are large; libFuzzer works best on small inputs: cut them into 2 KB pieces.
  for f in corpus/* tests/data/decode/* tests/data/html/*; do
    [ -f "$f" ] || continue
    split -b 2048 -d -a 4 "$f" "$seeds/$(basename "$f")."
  done
  # PDFs only parse whole (their cross-reference table is at the end).
  cp tests/data/pdf/*.pdf "$seeds/"
fi
# No sanitizer: the crate forbids unsafe code, and the target is panics, hangs and blow-ups.
cargo +nightly fuzz run process "$seeds" -s none --release -- \
  -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
