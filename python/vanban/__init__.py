"""vanban: read Vietnamese official documents (văn bản) and follow their
citations.

>>> import vanban
>>> doc = vanban.parse_file("fixtures/000_eb6c421c23e2ba08.txt")   # doctest: +SKIP
>>> doc.symbol, doc.date, len(doc.citations)                      # doctest: +SKIP
(Symbol('698-CV/TU'), datetime.date(2023, 2, 28), 8)
>>> corpus = vanban.Corpus.from_paths(["fixtures"])                # doctest: +SKIP
>>> corpus.citations_frame().groupby("relation").size()           # doctest: +SKIP

- :func:`parse` and :func:`parse_file` read one document into a
  :class:`Document` (attribute access; ``to_dict()`` is exactly the JSON of
  ``vanban parse --format json``).
- :class:`Corpus` reads files and folders in parallel (the GIL released)
  into DataFrames and a citation :class:`Graph` (``to_networkx()``,
  ``lineage()``, ``to_json()``).
- :func:`check` gives the findings of ``vanban check``.
- :class:`Symbol` and :class:`IssueDate` read a số ký hiệu and a date.

Spans are byte offsets into the document's UTF-8 text, as in the Rust
library and the command line: ``doc.slice(span)`` gives the text under one.
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, Iterable, List, Optional, Union

from . import _vanban
from ._corpus import Corpus, Graph, _paths
from ._errors import (
    BinaryInputError,
    InvalidUtf8Error,
    MalformedError,
    TooLargeError,
    UnreadableFileError,
    VanbanError,
)
from ._model import (
    Citation,
    Diagnostic,
    Document,
    Finding,
    Footnote,
    Lineage,
    LineageStep,
    NamedRef,
    Node,
    PartSpans,
    Record,
    Section,
    Signature,
)
from ._vanban import IssueDate, Symbol

__version__ = _vanban.LIBRARY_VERSION

#: The default size limit of a document, in bytes (64 MiB), as the command
#: line's ``--max-size``.
DEFAULT_MAX_SIZE: int = _vanban.DEFAULT_MAX_SIZE

#: The relations a citation can have, as JSON writes them (``implements``,
#: ``basis``, ``amends``, ``replaces``, ``repeals``, ``guides``, ``mentions``).
RELATIONS: "tuple[str, ...]" = tuple(_vanban.RELATIONS)

__all__ = [
    "parse",
    "parse_file",
    "check",
    "Corpus",
    "Graph",
    "Document",
    "Citation",
    "Diagnostic",
    "Footnote",
    "Section",
    "NamedRef",
    "Signature",
    "PartSpans",
    "Finding",
    "Node",
    "Lineage",
    "LineageStep",
    "Record",
    "Symbol",
    "IssueDate",
    "VanbanError",
    "InvalidUtf8Error",
    "BinaryInputError",
    "TooLargeError",
    "MalformedError",
    "UnreadableFileError",
    "DEFAULT_MAX_SIZE",
    "RELATIONS",
]

PathLike = Union[str, "os.PathLike[str]"]


def parse(text: Union[str, bytes], *, lossy: bool = False, max_size: int = DEFAULT_MAX_SIZE) -> Document:
    """Parse one document: its header, recipients, signature, footnotes and
    every document it cites. The GIL is released while it parses.

    ``text`` is a ``str``, or ``bytes`` read as a file's content: then
    invalid UTF-8 raises :class:`InvalidUtf8Error` (with ``.offset``) unless
    ``lossy=True`` (read on with U+FFFD and an ``invalid-utf8``
    diagnostic), and a NUL byte raises :class:`BinaryInputError`. A text
    over ``max_size`` bytes of UTF-8 raises :class:`TooLargeError`.

    A document is never rejected for what is missing or odd in it: that
    goes to ``doc.diagnostics``.
    """
    if isinstance(text, str):
        return Document(raw=_vanban.parse_text(text, max_size), text=text)
    if isinstance(text, (bytes, bytearray, memoryview)):
        data = bytes(text)
        raw = _vanban.parse_bytes(data, lossy, max_size)
        return Document(raw=raw, text_source=lambda: _vanban.decode(data, lossy, max_size))
    raise TypeError(f"parse() expected str or bytes, found {type(text).__name__}")


def parse_file(path: PathLike, *, lossy: bool = False, max_size: int = DEFAULT_MAX_SIZE) -> Document:
    """Read and parse one file, as ``vanban parse`` does (the GIL released).

    Raises :class:`InvalidUtf8Error` (with ``.offset``; or, with
    ``lossy=True``, reads on with U+FFFD and a diagnostic),
    :class:`BinaryInputError`, :class:`TooLargeError` (over ``max_size``
    bytes), or ``OSError`` (``FileNotFoundError``, ``IsADirectoryError``)
    naming the file. ``doc.path`` is the path as given; ``doc.text`` reads
    the file again on first use.
    """
    p = os.fspath(path)
    raw = _vanban.parse_file(p, lossy, max_size)
    return Document(raw=raw, text_source=lambda: _vanban.read_text(p, lossy, max_size))


def check(
    paths: Union[PathLike, Iterable[PathLike]],
    config: Union[None, Dict[str, Any], PathLike] = None,
    *,
    strict: bool = False,
    baseline: Optional[PathLike] = None,
    max_size: int = DEFAULT_MAX_SIZE,
) -> List[Finding]:
    """Check a document repository for broken citations: the findings
    ``vanban check --format json`` reports (without its cache), sorted by
    path and position.

    ``config`` is a dict with the keys of ``vanban.toml`` (``strict``,
    ``severity``, ``scope``, ``ignore``, ``baseline``; its paths relative to
    the corpus root), or the path of a TOML file (its paths relative to its
    folder); ``None`` reads the ``vanban.toml`` ``vanban check`` finds: the
    first in the corpus root (the first path when it is a folder, else its
    folder) or a folder above it, then in the current folder or a folder
    above it, up to the repository's root. ``strict``
    makes unresolved citations errors; ``baseline`` leaves out the findings
    a baseline file (written by ``vanban check --write-baseline``) holds.

    Raises :class:`VanbanError` for a bad configuration, ``OSError`` for a
    path that does not exist.
    """
    config_json = None
    config_path = None
    if isinstance(config, dict):
        config_json = json.dumps(config)
    elif config is not None:
        config_path = os.fspath(config)
    found = _vanban.check(
        _paths(paths),
        config_json,
        config_path,
        strict,
        os.fspath(baseline) if baseline is not None else None,
        max_size,
    )
    return [Finding(f) for f in json.loads(found)]
