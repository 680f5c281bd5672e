#!/usr/bin/env python3
"""Builds a large synthetic corpus from corpus/ for scale and speed tests (never committed).

Each output document is a shuffled selection of the seed documents' paragraphs, sized like a
real plan document (8-120 KB), written in a rotating encoding: UTF-8, GBK, GB18030, UTF-16LE
(with BOM), UTF-16BE (with BOM) and Big5 where the paragraphs allow it (Big5 holds only
Traditional characters, so Big5 documents are drawn from the paragraphs Big5 can encode,
without their pinyin annotations).
Files go 1000 to a folder.

    python3 benches/build_corpus.py --out /tmp/planmine-1g --size-mb 1024
"""

import argparse
import os
import random
import re
import sys
from pathlib import Path

PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
ENCODINGS = ["utf-8", "gbk", "gb18030", "utf-16le-bom", "utf-16be-bom", "big5"]


def encodable(paragraph, codec):
    try:
        paragraph.encode(codec)
        return True
    except UnicodeEncodeError:
        return False


def encode(text, name):
    if name == "utf-16le-bom":
        return b"\xff\xfe" + text.encode("utf-16-le")
    if name == "utf-16be-bom":
        return b"\xfe\xff" + text.encode("utf-16-be")
    return text.encode(name)


def main():
    here = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--seed-dir", default=str(here / "corpus"))
    ap.add_argument("--out", required=True, help="output folder (created; must be empty or absent)")
    ap.add_argument("--size-mb", type=float, default=1024, help="total size in MB (10^6 bytes)")
    ap.add_argument("--seed", type=int, default=20211220)
    args = ap.parse_args()

    rng = random.Random(args.seed)
    paragraphs = []
    for path in sorted(Path(args.seed_dir).glob("*")):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="replace")
            paragraphs += [p for p in text.splitlines() if p.strip()]
    if not paragraphs:
        sys.exit(f"no seed paragraphs in {args.seed_dir}")
    pools = {
        "gbk": [p for p in paragraphs if encodable(p, "gbk")],
        "gb18030": paragraphs,
        # Big5 has no pinyin tone letters: drop inline annotations such as (guān) first.
        "big5": [q for q in (PINYIN.sub("", p) for p in paragraphs) if q.strip() and encodable(q, "big5")],
    }
    if len(pools["big5"]) < 50:
        print("few Big5-encodable paragraphs: Big5 documents fall back to GB18030", file=sys.stderr)

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if any(out.iterdir()):
        sys.exit(f"{out} is not empty")
    target = int(args.size_mb * 1e6)
    total, n = 0, 0
    counts = {}
    while total < target:
        name = ENCODINGS[n % len(ENCODINGS)]
        pool = pools.get(name, paragraphs)
        if name == "big5" and len(pool) < 50:
            name, pool = "gb18030", paragraphs
        want = rng.randint(8_000, 120_000)
        chosen, size = [], 0
        while size < want:
            p = rng.choice(pool)
            chosen.append(p)
            size += len(p) * 3
        data = encode("\n".join(chosen) + "\n", name)
        folder = out / f"{n // 1000:04d}"
        folder.mkdir(exist_ok=True)
        (folder / f"{n:07d}_{name}.txt").write_bytes(data)
        total += len(data)
        counts[name] = counts.get(name, 0) + 1
        n += 1
    print(f"{out}: {n} files, {total / 1e6:.1f} MB; by encoding: {counts}", file=sys.stderr)


if __name__ == "__main__":
    main()
