"""Typed views of vanban's JSON: documents, citations, findings, graph nodes.

Every object here wraps the JSON object the command line prints (the
library writes it; nothing is re-listed here), so each JSON key is an
attribute, and a key the library adds is one too. A few values are given a
Python type on access, by key name:

- ``symbol`` is a :class:`vanban.Symbol`;
- ``date`` and keys ending in ``_date`` are a ``datetime.date`` when the date
  is full, a :class:`vanban.IssueDate` when it is partial (``2023-02``,
  ``2023``);
- ``span`` and keys ending in ``_span`` (and the values of ``spans``) are
  ``(start, end)`` tuples of byte offsets into the document's UTF-8 text;
- nested objects are records again (``Document.citations`` is a list of
  :class:`Citation`, ``Document.signature`` a :class:`Signature`, ...).

``to_dict()`` gives the JSON object itself, exactly as the command line
prints it.
"""

from __future__ import annotations

import copy
import datetime
import json
from typing import Any, Callable, ClassVar, Dict, List, Optional, Tuple, Union

from . import _vanban

__all__ = [
    "Record",
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
    "LineageStep",
    "Lineage",
]

Span = Tuple[int, int]


def _date(value: str) -> Union[datetime.date, _vanban.IssueDate]:
    d = _vanban.IssueDate.parse(value)
    return d.to_date() if d.is_full else d


def _span(value: Any) -> Any:
    if isinstance(value, list) and len(value) == 2 and all(isinstance(x, int) for x in value):
        return (value[0], value[1])
    if isinstance(value, list):
        return [_span(v) for v in value]
    return value


# Keys the library leaves out of the JSON when empty, with the value that
# absence means.
_ABSENT: Dict[str, Callable[[], Any]] = {
    "path": lambda: None,
}


class Record:
    """A JSON object of vanban's output, its keys read as attributes.

    ``record.key`` is the value of ``key`` (typed as the module says);
    ``record["key"]`` is the raw JSON value; ``to_dict()`` is the whole
    object. Records compare equal when their JSON is equal.
    """

    __slots__ = ("_data", "_cache", "_parent")

    # Nested objects: key -> record class of the value (or of each element).
    _children: ClassVar[Dict[str, type]] = {}

    def __init__(self, data: Dict[str, Any], parent: Optional["Document"] = None) -> None:
        self._data = data
        self._cache: Dict[str, Any] = {}
        self._parent = parent

    def _json(self) -> Dict[str, Any]:
        return self._data

    def _convert(self, key: str, value: Any) -> Any:
        if value is None:
            return None
        child = self._children.get(key)
        if child is not None:
            if isinstance(value, list):
                return [child(v, self._document()) for v in value]
            return child(value, self._document())
        if key == "symbol" and isinstance(value, str):
            return _vanban.Symbol(value)
        if (key in ("date", "effective") or key.endswith("_date")) and isinstance(value, str):
            return _date(value)
        if key == "span" or key.endswith("_span") or key == "reference":
            return _span(value)
        return value

    def _document(self) -> Optional["Document"]:
        return self._parent

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        cache = self._cache
        if name in cache:
            return cache[name]
        data = self._json()
        if name in data:
            value = self._convert(name, data[name])
        elif name in _ABSENT:
            value = _ABSENT[name]()
        else:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        cache[name] = value
        return value

    def __getitem__(self, key: str) -> Any:
        return self._json()[key]

    def __contains__(self, key: object) -> bool:
        return key in self._json()

    def keys(self) -> List[str]:
        """The JSON keys, in the order the library writes them."""
        return list(self._json().keys())

    def to_dict(self) -> Dict[str, Any]:
        """The JSON object (a copy), exactly as the command line prints it."""
        return copy.deepcopy(self._json())

    def to_json(self) -> str:
        """The JSON object as text (``ensure_ascii=False``)."""
        return json.dumps(self._json(), ensure_ascii=False)

    def __dir__(self) -> List[str]:
        return sorted(set(super().__dir__()) | set(self._json().keys()))

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._json() == other._json()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = []
        for k, v in self._json().items():
            if isinstance(v, (list, dict)) and v:
                shown.append(f"{k}=<{len(v)} {'items' if isinstance(v, list) else 'keys'}>")
            else:
                shown.append(f"{k}={v!r}")
            if len(shown) == 6:
                shown.append("...")
                break
        return f"{type(self).__name__}({', '.join(shown)})"


class Diagnostic(Record):
    """A problem found in a document (data, not an exception): ``code``
    (stable, kebab-case), ``severity`` (``info``, ``warning``, ``error``),
    ``message``, ``span``."""

    __slots__ = ()

    def __str__(self) -> str:
        return f"{self.severity}[{self.code}] {self.message}"


class Citation(Record):
    """A document cited by the text: ``type``, ``symbol``, ``number``,
    ``date``, ``issuer``, ``subject``, ``name``, ``relation`` (``implements``,
    ``basis``, ``amends``, ``replaces``, ``repeals``, ``guides``,
    ``mentions``), ``span`` and ``symbol_span`` (byte offsets), ``line``,
    ``in_footnote``, ``refers_to`` (index of an earlier full citation of the
    same document), ``shared`` (parts taken from a neighbour in a list),
    ``by`` (index of the cited document that stands in ``relation`` to this
    one), ``acts`` (``{"relation", "target"}``: what this one does to another
    citation, or with ``target`` ``None`` to the citing document),
    ``editorial`` (inside a website's editorial note), ``effective`` (an
    effective date printed with it), ``self`` (the document's own number; read
    it as ``citation["self"]`` or ``getattr(citation, "self")``), and any key
    the library adds."""

    __slots__ = ()

    @property
    def text(self) -> Optional[str]:
        """The citation as printed (its span of the document's text), when
        the document's text is at hand."""
        doc = self._parent
        return doc.slice(self.span) if doc is not None else None


class Footnote(Record):
    """A footnote: ``marker``, ``text``, ``span``, ``reference`` (the
    marker's span in the running text)."""

    __slots__ = ()


class Section(Record):
    """A numbered section of the body: ``label`` (``1.``, ``Điều 5.``),
    ``span``."""

    __slots__ = ()


class NamedRef(Record):
    """A reference to a document without a number: ``text``, ``span``,
    ``line``, ``in_footnote``."""

    __slots__ = ()


class Signature(Record):
    """The signature block: ``authority`` (stacked lines), ``position``,
    ``signer``, ``signed_mark``, ``span``."""

    __slots__ = ()


class PartSpans(Record):
    """Byte spans of the document's parts (``issuer``, ``symbol``, ``date``,
    ``subject``, ``body``, ``recipients``, ...), as ``(start, end)``."""

    __slots__ = ()

    def _convert(self, key: str, value: Any) -> Any:
        return _span(value)


class Document(Record):
    """One parsed document.

    Attributes are the keys of ``vanban parse --format json``: ``family``,
    ``issuer``, ``issuer_parent``, ``symbol`` (:class:`vanban.Symbol`),
    ``number``, ``year``, ``place``, ``date``, ``type``, ``subject``,
    ``urgency``, ``secrecy``, ``recipients``, ``distribution``, ``sections``,
    ``footnotes``, ``signature``, ``citations``, ``named_refs``,
    ``diagnostics``, ``spans``; ``path`` for a document read from a file
    (``None`` otherwise); and any key the library adds.

    Spans are byte offsets into the UTF-8 text: use :meth:`slice` (or
    ``citation.text``) rather than indexing a ``str`` with them.
    """

    __slots__ = ("_raw", "_text", "_text_source", "_utf8")

    _children: ClassVar[Dict[str, type]] = {
        "citations": Citation,
        "footnotes": Footnote,
        "sections": Section,
        "named_refs": NamedRef,
        "diagnostics": Diagnostic,
        "signature": Signature,
        "spans": PartSpans,
    }

    def __init__(
        self,
        data: Optional[Dict[str, Any]] = None,
        *,
        raw: Optional[_vanban.RawDocument] = None,
        text: Optional[str] = None,
        text_source: Optional[Callable[[], str]] = None,
    ) -> None:
        if data is None and raw is None:
            raise TypeError("Document() needs its JSON object (data) or a parsed document (raw)")
        super().__init__(data, None)  # type: ignore[arg-type]  (None: read from raw on first use)
        self._raw = raw
        self._text = text
        self._text_source = text_source
        self._utf8: Optional[bytes] = None

    def _json(self) -> Dict[str, Any]:
        # Read lazily: a parse that is never looked at costs no JSON.
        if self._data is None:
            self._data = json.loads(self._raw.json())
        return self._data

    def _document(self) -> Optional["Document"]:
        return self

    @property
    def text(self) -> Optional[str]:
        """The text the spans index: the string given to :func:`vanban.parse`,
        or the file's text (read again on first use)."""
        if self._text is None and self._text_source is not None:
            self._text = self._text_source()
        return self._text

    def slice(self, span: Span) -> str:
        """The text under a byte span (``doc.slice(citation.span)``)."""
        if self._utf8 is None:
            text = self.text
            if text is None:
                raise ValueError("no text: this document was built from JSON alone")
            self._utf8 = text.encode("utf-8")
        start, end = span
        return self._utf8[start:end].decode("utf-8", errors="replace")

    def __repr__(self) -> str:
        d = self._json()
        cited = len(d.get("citations", []))
        return (
            f"Document(path={d.get('path')!r}, symbol={d.get('symbol')!r}, date={d.get('date')!r}, citations={cited})"
        )


class Finding(Record):
    """A finding of :func:`vanban.check`: ``code`` (``unresolved``,
    ``date-mismatch``, ...), ``severity``, ``path``, ``line``, ``column``,
    ``end_line``, ``end_column``, ``message``, ``cited``, ``expected``,
    ``found``, ``suggestion``, ``note``, ``span``, ``fingerprint``: the
    objects of ``vanban check --format json``."""

    __slots__ = ()

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}[{self.code}]: {self.message}"


class Node(Record):
    """A node of the citation graph: ``id`` (stable, readable), ``symbol``,
    ``type``, ``date``, ``year``, ``jurisdiction``, ``issuer``, ``path``
    (corpus documents), ``external`` (cited, not in the corpus),
    ``subject``, ``note``: the node objects of ``vanban graph --format
    json``."""

    __slots__ = ()


class LineageStep(Record):
    """One step of a lineage walk: ``depth`` (1 = cited directly), ``id``
    (the node reached), ``via`` (the node it was reached from),
    ``relation``, ``confidence``, ``node`` (a :class:`Node`), and the
    ``path`` and ``span`` of the citation followed."""

    __slots__ = ()

    _children: ClassVar[Dict[str, type]] = {"node": Node}


class Lineage(List[LineageStep]):
    """The steps of a lineage walk (a list of :class:`LineageStep`, breadth
    first), with ``of`` (the start :class:`Node`) and ``direction`` (``up``
    or ``down``). ``to_dict()`` is ``vanban lineage --format json``."""

    def __init__(self, data: Dict[str, Any]) -> None:
        super().__init__(LineageStep(s) for s in data["steps"])
        self._data = data
        self.of = Node(data["of"])
        self.direction: str = data["direction"]

    def ids(self) -> List[str]:
        """The start's id and every node reached, in walk order."""
        return [self.of.id] + [s.id for s in self]

    def to_dict(self) -> Dict[str, Any]:
        """The walk as ``vanban lineage --format json`` prints it."""
        return copy.deepcopy(self._data)

    def __repr__(self) -> str:
        return f"Lineage(of={self.of.id!r}, direction={self.direction!r}, steps={len(self)})"
