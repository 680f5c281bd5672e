#!/usr/bin/env bash
# planmine vs the Python pipeline researchers use today (charset-normalizer + ftfy + OpenCC t2s
# + jieba + JioNLP time/money extraction, one process), on the same documents. Prints MB/s of
# both, the ratio (targets: planmine >= 30x Python, >= 10 MB/s per core) and planmine's
# speed-up from 1 to 2 jobs (target >= 1.8x).
#
#   bash benches/compare_python.sh                  # corpus/, venv in /tmp/planmine-pyenv
#   CORPUS=/tmp/planmine-scale-200 PY_SECONDS=60 bash benches/compare_python.sh
#
# Env: CORPUS (folder, default corpus/), VENV (default $TMPDIR/planmine-pyenv, created when
# absent), PY_SECONDS (Python runs the folder in a loop at least this long, default 20),
# COPIES (planmine runs over this many copies of the folder so its run lasts long enough to
# time; real copies: planmine reads a file reached twice, hard links included, once; default 300),
# RUNS (planmine repetitions, best taken, default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${CORPUS:-corpus}
VENV=${VENV:-${TMPDIR:-/tmp}/planmine-pyenv}
PY_SECONDS=${PY_SECONDS:-20}
COPIES=${COPIES:-300}
RUNS=${RUNS:-3}

# --- Python side -------------------------------------------------------------------------
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
PIP="$VENV/bin/pip"
for pkg in charset-normalizer ftfy jieba; do
  "$VENV/bin/python" -c "import importlib.util,sys; sys.exit(importlib.util.find_spec('${pkg//-/_}') is None)" \
    || "$PIP" install -q "$pkg" || echo "WARNING: pip install $pkg failed; that step is skipped" >&2
done
if ! "$VENV/bin/python" -c "import opencc" 2>/dev/null; then
  "$PIP" install -q opencc || "$PIP" install -q opencc-python-reimplemented \
    || echo "WARNING: no OpenCC for Python could be installed; t2s is skipped" >&2
fi
if ! "$VENV/bin/python" -c "import jionlp" 2>/dev/null; then
  echo "installing jionlp (large; may take a while)..." >&2
  "$PIP" install -q jionlp \
    || echo "WARNING: jionlp could not be installed; time/money extraction is skipped, which flatters Python" >&2
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
echo "Python pipeline over $CORPUS (looping for >= ${PY_SECONDS}s)..." >&2
# JioNLP prints tracebacks of its own handled exceptions: keep them in a log, shown on failure.
if ! PY_JSON=$("$VENV/bin/python" benches/compare_python.py "$CORPUS" --min-seconds "$PY_SECONDS" \
  2>"$WORK/python.log" | tail -n 1) || [ -z "$PY_JSON" ]; then
  tail -n 20 "$WORK/python.log" >&2
  exit 1
fi
echo "python: $PY_JSON"

# --- planmine side -----------------------------------------------------------------------
cargo build --release -q
BIN=target/release/planmine
mkdir -p "$WORK/copies"
for i in $(seq 1 "$COPIES"); do
  mkdir -p "$WORK/copies/$i"
  cp -r "$CORPUS"/. "$WORK/copies/$i/"
done
# planmine's own closing line gives MB and wall-clock MB/s; /usr/bin/time (when present) gives
# CPU seconds, the steadier figure on a machine shared with other work.
TIME=""
[ -x /usr/bin/time ] && TIME="/usr/bin/time -f cpu=%U+%S"
best_rate() { # jobs -> "wall MB/s, MB per CPU-second", best of $RUNS runs
  local best=0 best_cpu=0 log rate mb cpu
  for _ in $(seq 1 "$RUNS"); do
    log=$($TIME "$BIN" extract "$WORK/copies" --jobs "$1" -o /dev/null 2>&1 >/dev/null)
    rate=$(echo "$log" | sed -n 's/.*(\([0-9.]*\) MB\/s).*/\1/p')
    mb=$(echo "$log" | sed -n 's/.* files, \([0-9.]*\) MB in.*/\1/p')
    cpu=$(echo "$log" | sed -n 's/^cpu=\(.*\)/\1/p')
    best=$(awk -v a="$best" -v b="$rate" 'BEGIN { print (b > a ? b : a) }')
    if [ -n "$cpu" ]; then
      best_cpu=$(awk -v a="$best_cpu" -v mb="$mb" -v c="$cpu" \
        'BEGIN { split(c, p, "+"); r = mb / (p[1] + p[2] + 1e-9); print (r > a ? r : a) }')
    fi
  done
  echo "$best $best_cpu"
}
read -r PM1 PM1CPU <<<"$(best_rate 1)"
read -r PM2 PM2CPU <<<"$(best_rate 2)"
field() { echo "$PY_JSON" | "$VENV/bin/python" -c "import json,sys; v=json.load(sys.stdin)['$1']; print(', '.join(v) or 'none' if isinstance(v, list) else v)"; }
PY=$(field mb_per_s)
PYCPU=$(field mb_per_cpu_s)
MISSING=$(field missing)
awk -v py="$PY" -v pyc="$PYCPU" -v p1="$PM1" -v p1c="$PM1CPU" -v p2="$PM2" -v p2c="$PM2CPU" \
  -v miss="$MISSING" -v cores="$(nproc)" -v load="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null)" 'BEGIN {
  printf "\n%-26s %12s %16s\n", "pipeline", "MB/s (wall)", "MB per CPU-s"
  printf "%-26s %12.3f %16.3f\n", "python (1 process)", py, pyc
  printf "%-26s %12.2f %16.2f\n", "planmine --jobs 1", p1, p1c
  printf "%-26s %12.2f %16.2f\n", "planmine --jobs 2", p2, p2c
  printf "planmine/python (1 job): %.0fx wall, %.0fx per CPU-second   (target >= 30x)\n", p1 / py, (pyc > 0 ? p1c / pyc : 0)
  printf "speed-up 1 -> 2 jobs: %.2fx wall   (target >= 1.8x; %d cores, load average %s)\n", p2 / p1, cores, load
  printf "python steps missing: %s\n", miss
}'
