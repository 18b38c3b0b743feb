"""The README's Python example runs as written, and prints what its
comments say."""

from __future__ import annotations

import contextlib
import io
import re

from conftest import ROOT

MARKER = "<!-- python-example: run by python/tests/test_readme.py -->"


def test_readme_example() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    after = readme.split(MARKER, 1)[1]
    code = re.search(r"```python\n(.*?)```", after, re.S).group(1)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        exec(compile(code, "README.md", "exec"), {})
    printed = out.getvalue()
    assert "698-CV/TU 2023-02-28 TỈNH ỦY BÌNH THUẬN" in printed
    assert "308-CV/TU implements Công văn số 308-CV/TU, ngày 26/11/2021" in printed
    # The tree drawn at the end, as the comment under it shows it.
    tree = [line[2:] for line in code.splitlines() if line.startswith("# ") and "─" in line]
    assert tree and "\n".join(tree) in printed
