#!/usr/bin/env python3
"""The Python pipeline researchers use today, timed over a folder of documents.

One process, one core: decode with charset-normalizer, ftfy.fix_text, OpenCC Traditional to
Simplified, jieba word cut, JioNLP time and money extraction (with parsing). Missing packages
are reported and their step skipped (the figure then flatters Python; the report says so).

    python benches/compare_python.py DIR [--min-seconds 20]

Prints one JSON object: bytes, seconds (processing only; imports and dictionary loading are
reported apart), MB/s (wall clock and per CPU-second: the steadier figure on a shared machine)
and the steps that ran. The folder is processed in sorted order, repeated
until --min-seconds have passed (at least once), so small corpora give stable figures.
"""

import argparse
import contextlib
import json
import sys
import time
from pathlib import Path


def load_steps():
    """Imports each stage's package; returns (steps, missing, setup seconds)."""
    start = time.perf_counter()
    steps, missing = [], []
    try:
        import charset_normalizer

        def decode(raw):
            best = charset_normalizer.from_bytes(raw).best()
            return str(best) if best is not None else raw.decode("utf-8", errors="replace")

        steps.append(("charset-normalizer", decode))
    except ImportError:
        missing.append("charset-normalizer")
        steps.append(("utf-8", lambda raw: raw.decode("utf-8", errors="replace")))
    try:
        import ftfy

        steps.append(("ftfy", ftfy.fix_text))
    except ImportError:
        missing.append("ftfy")
    try:
        import opencc

        try:
            converter = opencc.OpenCC("t2s.json")
        except Exception:  # opencc-python-reimplemented names configs without .json
            converter = opencc.OpenCC("t2s")
        steps.append(("opencc-t2s", converter.convert))
    except ImportError:
        missing.append("opencc")
    try:
        import jieba

        jieba.setLogLevel(60)
        jieba.initialize()  # dictionary load: setup, not per-document work
        steps.append(("jieba", lambda text: (jieba.lcut(text), text)[1]))
    except ImportError:
        missing.append("jieba")
    try:
        import jionlp as jio

        base = time.mktime((2021, 12, 20, 0, 0, 0, 0, 0, -1))

        def times_and_money(text):
            jio.ner.extract_time(text, time_base=base, with_parsing=True)
            jio.ner.extract_money(text, with_parsing=True)
            return text

        times_and_money("到2025年底投入资金3676万元。")  # lazy model/regex loading: setup
        steps.append(("jionlp-time-money", times_and_money))
    except ImportError:
        missing.append("jionlp")
    return steps, missing, time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("folder")
    ap.add_argument("--min-seconds", type=float, default=20.0)
    args = ap.parse_args()

    files = sorted(p for p in Path(args.folder).rglob("*") if p.is_file())
    if not files:
        sys.exit(f"no files in {args.folder}")
    # Some packages print banners on import: keep stdout for the one JSON result.
    with contextlib.redirect_stdout(sys.stderr):
        steps, missing, setup = load_steps()
    # Reading is part of the job, as for planmine; keep it in the loop.
    total_bytes, passes, errors = 0, 0, 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    while True:
        for path in files:
            raw = path.read_bytes()
            total_bytes += len(raw)
            value = raw
            try:
                for _, step in steps:
                    value = step(value)
            except Exception:  # one bad document must not stop the run (as in planmine)
                errors += 1
        passes += 1
        if time.perf_counter() - start >= args.min_seconds:
            break
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    print(
        json.dumps(
            {
                "files": len(files),
                "passes": passes,
                "bytes": total_bytes,
                "seconds": round(seconds, 3),
                "mb_per_s": total_bytes / 1e6 / seconds,
                "cpu_seconds": round(cpu, 3),
                "mb_per_cpu_s": total_bytes / 1e6 / cpu if cpu > 0 else 0.0,
                "setup_seconds": round(setup, 2),
                "steps": [name for name, _ in steps],
                "missing": missing,
                "errors": errors,
            }
        )
    )


if __name__ == "__main__":
    main()
