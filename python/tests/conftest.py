"""Shared paths and helpers of the Python tests.

The fixtures are the repository's five letters (``fixtures/``); the corpus
is ``../shared/corpus/docs`` beside the repository, and tests that need it
skip (saying so) when it is absent. Tests that compare with the command
line use ``$VANBAN_BIN``, else the newest ``target/*/vanban``; they skip
when there is none.
"""

from __future__ import annotations

import datetime
import json
import os
import subprocess
from pathlib import Path
from typing import Any, Dict, Iterator, List

import pytest

import vanban

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus" / "docs"
SNAPSHOTS = ROOT / "tests" / "snapshots"

FIXTURE_FILES = sorted(FIXTURES.glob("*.txt"))

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"SKIPPED: no corpus at {CORPUS}")


def vanban_bin() -> Path:
    """The command-line binary to compare with (skips the test without one)."""
    env = os.environ.get("VANBAN_BIN")
    if env:
        return Path(env)
    found = [p for p in (ROOT / "target").glob("*/vanban") if p.is_file()]
    if not found:
        pytest.skip("SKIPPED: no vanban binary (set VANBAN_BIN or run cargo build)")
    return max(found, key=lambda p: p.stat().st_mtime)


def cli_json_lines(*args: str) -> List[Dict[str, Any]]:
    """Run the command line in the repository root; its JSON Lines output."""
    out = subprocess.run([str(vanban_bin()), *args], cwd=ROOT, capture_output=True, check=True, text=True)
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def cli_json(*args: str) -> Any:
    """Run the command line in the repository root; its JSON output."""
    out = subprocess.run([str(vanban_bin()), *args], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout)


def snapshot_json(name: str) -> Any:
    """The JSON of an insta snapshot in tests/snapshots (after its header)."""
    text = (SNAPSHOTS / name).read_text(encoding="utf-8")
    body = text.split("---\n", 2)[2]
    return json.loads(body)


def check_record(record: vanban.Record) -> int:
    """Every key of a record read as an attribute, typed as documented.
    Returns the number of keys checked."""
    n = 0
    for key, value in record.to_dict().items():
        got = getattr(record, key)
        n += 1
        if value is None:
            assert got is None, key
        elif isinstance(record, vanban.PartSpans):
            assert got == (tuple(value) if value and isinstance(value[0], int) else [tuple(v) for v in value])
        elif key == "symbol":
            assert isinstance(got, vanban.Symbol) and str(got) == value
        elif key in ("date", "effective") or key.endswith("_date"):
            if len(value) == 10:
                assert got == datetime.date.fromisoformat(value)
            else:
                assert isinstance(got, vanban.IssueDate) and str(got) == value
        elif key == "span" or key.endswith("_span") or key == "reference":
            assert got == tuple(value), key
        elif isinstance(got, vanban.Record):
            assert got.to_dict() == value
            n += check_record(got)
        elif isinstance(got, list) and got and isinstance(got[0], vanban.Record):
            assert [g.to_dict() for g in got] == value
            n += sum(check_record(g) for g in got)
        else:
            assert got == value, key
    return n


@pytest.fixture(autouse=True, scope="session")
def _in_root() -> Iterator[None]:
    """Tests run in the repository root, so relative paths read as the
    command line's do."""
    before = os.getcwd()
    os.chdir(ROOT)
    yield
    os.chdir(before)
