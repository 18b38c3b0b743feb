#!/usr/bin/env python3
"""The obvious alternative to vanban: a plain Python `re` script that finds
`type word + số + symbol (+ date)` in every document of a folder.

Run by benches/parse.rs (same corpus, same machine) to compare throughput:

    python3 benches/python_re_baseline.py ../shared/corpus/docs [repetitions]

Prints one JSON line: bytes (UTF-8 bytes of the texts), seconds (best of the
repetitions, reading excluded), mb_per_s (MB = 10^6 bytes), matches.
"""

import json
import os
import re
import sys
import time

TYPE = (
    r"(?:Bộ luật|Luật|Pháp lệnh|Nghị định|Nghị quyết(?: liên tịch)?|Quyết định|"
    r"Thông tư(?: liên tịch)?|Chỉ thị|Công văn|Công điện|Kế hoạch|Hướng dẫn|Thông báo|"
    r"Báo cáo|Chương trình|Quy định|Quy chế|Văn bản hợp nhất|Tờ trình|Kết luận|Đề án)"
)
CODE = r"[A-Za-zĐđÐ][A-Za-zĐđÐ0-9]*"
SYMBOL = r"\d*(?:/\d{4})?\s*[-/]\s*" + CODE + r"(?:\s*[-/]\s*" + CODE + r")*"
DATE = r"ngày\s+\d{1,2}(?:\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})"
PATTERN = re.compile(
    TYPE + r"\s+(?:số|Số)\s*:?\s*(" + SYMBOL + r")(?:\s*,?\s*(" + DATE + r"))?",
    re.IGNORECASE,
)


def main() -> None:
    folder = sys.argv[1]
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    texts = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            with open(path, encoding="utf-8", errors="replace") as f:
                texts.append(f.read())
    size = sum(len(t.encode("utf-8")) for t in texts)
    best = float("inf")
    matches = 0
    for _ in range(reps):
        start = time.perf_counter()
        n = 0
        for t in texts:
            for m in PATTERN.finditer(t):
                n += 1
        best = min(best, time.perf_counter() - start)
        matches = n
    print(json.dumps({"bytes": size, "seconds": best, "mb_per_s": size / best / 1e6, "matches": matches}))


if __name__ == "__main__":
    main()
