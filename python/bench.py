#!/usr/bin/env python3
"""Throughput of `vanban.parse` from Python against the plain `re` baseline
(`benches/python_re_baseline.py`: type word + số + symbol + date), on the
same texts, in one run:

    python3 python/bench.py [FOLDER] [REPETITIONS]

FOLDER defaults to ../shared/corpus/docs beside the repository (the
fixtures when it is absent). Every file is read first (reading is not
timed); each figure is the best of REPETITIONS (default 5) passes over all
texts, on one thread. MB = 10^6 bytes of UTF-8. Prints a table and one JSON
line.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import time
from pathlib import Path
from typing import Callable, List

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# The installed package, not the uncompiled vanban/ beside this script.
sys.path = [p for p in sys.path if Path(p or ".").resolve() != HERE]

import vanban  # noqa: E402


def load_baseline():
    spec = importlib.util.spec_from_file_location("python_re_baseline", ROOT / "benches" / "python_re_baseline.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def best(reps: int, run: Callable[[], int]) -> "tuple[float, int]":
    times, found = [], 0
    for _ in range(reps):
        start = time.perf_counter()
        found = run()
        times.append(time.perf_counter() - start)
    return min(times), found


def main() -> None:
    default = ROOT.parent / "shared" / "corpus" / "docs"
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else (default if default.is_dir() else ROOT / "fixtures")
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    texts: List[str] = []
    for name in sorted(os.listdir(folder)):  # the files the baseline reads
        path = folder / name
        if path.is_file():
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    size = sum(len(t.encode("utf-8")) for t in texts)
    pattern = load_baseline().PATTERN

    def regex() -> int:
        return sum(1 for t in texts for _ in pattern.finditer(t))

    # The citations are counted once, untimed: a Document's JSON and typed
    # views are built on first access, which the next row times.
    cited = sum(len(vanban.parse(t).citations) for t in texts)

    def parse() -> int:
        for t in texts:
            vanban.parse(t)
        return cited

    def parse_dict() -> int:
        return sum(len(vanban.parse(t).to_dict()["citations"]) for t in texts)

    rows = [("re baseline", *best(reps, regex)), ("vanban.parse", *best(reps, parse))]
    rows.append(("vanban.parse + to_dict()", *best(reps, parse_dict)))
    print(f"{len(texts)} documents, {size / 1e6:.1f} MB, {folder}; best of {reps}, one thread")
    print(f"{'':26} {'docs/s':>9} {'MB/s':>8} {'found':>7}")
    for name, secs, found in rows:
        print(f"{name:26} {len(texts) / secs:9.0f} {size / secs / 1e6:8.1f} {found:7}")
    base = rows[0][1]
    for name, secs, _ in rows[1:]:
        print(f"{name} / re baseline: {base / secs:.1f}x")
    print(
        json.dumps(
            {
                "documents": len(texts),
                "bytes": size,
                **{name: {"seconds": secs, "found": found} for name, secs, found in rows},
                "ratio": base / rows[1][1],
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
