#!/usr/bin/env bash
# Seed the fuzz corpora from real text: the fixtures (whole documents) for
# `parse`, and their lines plus the real số ký hiệu and dates of
# ../shared/corpus/symbols.jsonl for `symbol` and `date`.
# Usage: fuzz/seed.sh   (from anywhere; idempotent)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
shared="$(dirname "$root")/shared"
mkdir -p "$here/corpus/parse" "$here/corpus/symbol" "$here/corpus/date"
cp "$root"/fixtures/*.txt "$here/corpus/parse/"
if [ -d "$shared/seeds" ]; then
  for f in "$shared"/seeds/*.txt; do cp "$f" "$here/corpus/parse/seed_$(basename "$f")"; done
fi
# Lines of the fixtures: short inputs that hold symbols and dates.
n=0
for f in "$root"/fixtures/*.txt; do
  while IFS= read -r line; do
    [ -z "${line// }" ] && continue
    [ ${#line} -gt 200 ] && continue
    n=$((n + 1))
    printf '%s' "$line" > "$here/corpus/symbol/line_$n"
    printf '%s' "$line" > "$here/corpus/date/line_$n"
  done < "$f"
done
if [ -f "$shared/corpus/symbols.jsonl" ]; then
  python3 - "$shared/corpus/symbols.jsonl" "$here/corpus" <<'PY'
import json, sys, os
src, out = sys.argv[1], sys.argv[2]
seen = set()
for i, line in enumerate(open(src, encoding="utf-8")):
    row = json.loads(line)
    for key, target in (("number", "symbol"), ("date", "date")):
        v = row.get(key)
        if v and (key, v) not in seen and len(seen) < 3000:
            seen.add((key, v))
            with open(os.path.join(out, target, f"real_{i}"), "w", encoding="utf-8") as f:
                f.write(v)
PY
fi
for d in 'ngày 28 tháng 02 năm 2023' '26/11/2021' '14-5-2011' '10.11.2023' 'ngày  tháng  năm 2023' 'tháng 6 năm 2015'; do
  n=$((n + 1)); printf '%s' "$d" > "$here/corpus/date/form_$n"
done
echo "seeded: $(ls "$here/corpus/parse" | wc -l) parse, $(ls "$here/corpus/symbol" | wc -l) symbol, $(ls "$here/corpus/date" | wc -l) date inputs"
