"""A corpus of documents, its tables (pandas DataFrames) and its citation
graph (networkx)."""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Union

from . import _vanban
from ._errors import VanbanError
from ._model import Document, Lineage, Node

if TYPE_CHECKING:  # pragma: no cover
    import networkx
    import pandas

__all__ = ["Corpus", "Graph"]

PathLike = Union[str, "os.PathLike[str]"]
Progress = Union[bool, Callable[[int, int], Any]]


def _paths(paths: Union[PathLike, Iterable[PathLike]]) -> List[str]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return [os.fspath(p) for p in paths]


def _frame(rows: List[Dict[str, Any]]) -> Union["pandas.DataFrame", List[Dict[str, Any]]]:
    """A DataFrame of the rows when pandas can be imported, else the rows."""
    try:
        import pandas
    except ImportError:
        return rows
    return pandas.DataFrame(rows)


class _Bar:
    """Progress shown with tqdm when it is installed, else one line on
    stderr rewritten in place."""

    def __init__(self) -> None:
        self._tqdm: Any = None
        self._last = -1
        try:
            from tqdm.auto import tqdm
        except ImportError:
            tqdm = None
        self._make = tqdm

    def __call__(self, done: int, total: int) -> None:
        if self._make is not None:
            if self._tqdm is None:
                self._tqdm = self._make(total=total, unit="file", desc="vanban")
            self._tqdm.update(done - self._tqdm.n)
            if done == total:
                self._tqdm.close()
            return
        if done != self._last:
            self._last = done
            end = "\n" if done == total else ""
            print(f"\rvanban: {done}/{total} files", end=end, file=sys.stderr, flush=True)


class Corpus:
    """Documents read from files and folders, in parallel.

    Build one with :meth:`from_paths`. ``corpus.documents`` are
    :class:`vanban.Document` objects in path order; ``corpus.errors`` are
    the files that could not be read (exceptions naming them: one bad file
    does not stop the rest); :meth:`citations_frame` and
    :meth:`documents_frame` are tables; :meth:`graph` links the documents
    into a citation graph.
    """

    def __init__(self, raw: _vanban.RawCorpus, lossy: bool, max_size: int) -> None:
        self._raw = raw
        self._lossy = lossy
        self._max_size = max_size
        self._records: Optional[List[Dict[str, Any]]] = None
        self._documents: Optional[List[Document]] = None
        self._graph: Optional[Graph] = None

    @classmethod
    def from_paths(
        cls,
        paths: Union[PathLike, Iterable[PathLike]],
        *,
        progress: Progress = False,
        threads: Optional[int] = None,
        lossy: bool = False,
        max_size: int = _vanban.DEFAULT_MAX_SIZE,
    ) -> "Corpus":
        """Read files and folders (walked for ``.txt``, ``.md``, ``.text``
        and ``.markdown`` files, ``.gitignore`` respected), parsing them in
        parallel with the GIL released.

        ``progress``: ``True`` shows a progress bar (tqdm when installed,
        else a line on stderr); a callable is called as ``progress(done,
        total)`` about ten times a second. ``threads``: how many threads
        parse (all cores when ``None``). ``lossy`` and ``max_size`` are
        :func:`vanban.parse_file`'s. Ctrl-C stops the reading.
        """
        callback: Optional[Callable[[int, int], Any]]
        if progress is True:
            callback = _Bar()
        elif progress is False or progress is None:
            callback = None
        else:
            callback = progress
        raw = _vanban.corpus_from_paths(_paths(paths), threads, lossy, max_size, callback)
        return cls(raw, lossy, max_size)

    def _json(self) -> List[Dict[str, Any]]:
        if self._records is None:
            self._records = json.loads(self._raw.records_json())
        return self._records

    @property
    def documents(self) -> List[Document]:
        """The documents, in path order (each with its ``path``)."""
        if self._documents is None:
            lossy, max_size = self._lossy, self._max_size

            def reader(path: str) -> Callable[[], str]:
                return lambda: _vanban.read_text(path, lossy, max_size)

            self._documents = [Document(r, text_source=reader(r["path"])) for r in self._json()]
        return self._documents

    @property
    def errors(self) -> List[Exception]:
        """The files that could not be read: :class:`vanban.VanbanError`
        (not text, too large) or ``OSError`` instances, each naming its
        file."""
        return self._raw.errors()

    def __len__(self) -> int:
        return len(self._raw)

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __getitem__(self, i: int) -> Document:
        return self.documents[i]

    def __repr__(self) -> str:
        return f"Corpus({len(self)} documents, {len(self.errors)} errors)"

    def to_dicts(self) -> List[Dict[str, Any]]:
        """Every document as ``vanban parse --format json`` prints it (one
        dict per file, with ``path``)."""
        return json.loads(self._raw.records_json())

    def citations_frame(self) -> Union["pandas.DataFrame", List[Dict[str, Any]]]:
        """One row per citation: ``path`` (the citing file), ``citation``
        (its index in the document's citations, which ``refers_to`` points
        to), then the citation's JSON keys (``type``, ``symbol``, ``number``,
        ``date``, ``issuer``, ``relation``, ``span``, ...).

        A pandas DataFrame when pandas is installed, else a list of dicts.
        """
        rows = []
        for record in self._json():
            path = record["path"]
            for i, c in enumerate(record.get("citations", [])):
                row = {"path": path, "citation": i}
                row.update(c)
                rows.append(row)
        return _frame(rows)

    def documents_frame(self) -> Union["pandas.DataFrame", List[Dict[str, Any]]]:
        """One row per document: its JSON keys as columns (``path``,
        ``family``, ``issuer``, ``symbol``, ``date``, ``type``,
        ``subject``, ..., ``citations`` as a list of dicts).

        A pandas DataFrame when pandas is installed, else a list of dicts.
        """
        return _frame(self.to_dicts())

    def graph(self) -> "Graph":
        """The citation graph of the corpus (built once, with the GIL
        released)."""
        if self._graph is None:
            self._graph = Graph(self._raw.graph())
        return self._graph


class Graph:
    """The citation graph of a corpus: an edge from the citing document to
    the cited one, for each relation; documents cited but not in the corpus
    are ``external`` nodes.

    :meth:`to_json` is ``vanban graph --format json``; :meth:`to_networkx`
    gives the same nodes and edges as a ``networkx.MultiDiGraph``;
    :meth:`lineage` walks what a document implements (or what implements
    it).
    """

    def __init__(self, raw: _vanban.RawGraph) -> None:
        self._raw = raw

    @property
    def node_count(self) -> int:
        """Nodes: corpus documents and the documents they cite."""
        return self._raw.node_count

    @property
    def edge_count(self) -> int:
        """Edges."""
        return self._raw.edge_count

    def __repr__(self) -> str:
        return f"Graph({self.node_count} nodes, {self.edge_count} edges)"

    def to_json(self) -> str:
        """``vanban graph --format json``: ``nodes``, ``edges``,
        ``unresolved``, ``duplicates``, ``cycles``, ``stats``."""
        return self._raw.to_json()

    def to_dict(self) -> Dict[str, Any]:
        """:meth:`to_json` read back."""
        return json.loads(self._raw.to_json())

    @property
    def stats(self) -> Dict[str, int]:
        """Counts: documents, external nodes, edges, citations, resolved,
        ..."""
        return self.to_dict()["stats"]

    def to_networkx(self) -> "networkx.MultiDiGraph":
        """A ``networkx.MultiDiGraph``: each node keyed by its ``id``, with
        the attributes of its JSON node object; each edge from the citing
        to the cited node, with the attributes of its JSON edge object
        (``relation``, ``confidence``, ``path``, ``span``, ``line``,
        ``reason``, ``cited_date``, ``editorial``, ``reported``, ``evidence``) but
        ``from`` and ``to``;
        ``unresolved``, ``duplicates``, ``cycles`` and ``stats`` in
        ``graph.graph``. Needs networkx."""
        import networkx

        data = self.to_dict()
        g = networkx.MultiDiGraph()
        for key in ("unresolved", "duplicates", "cycles", "stats"):
            g.graph[key] = data[key]
        for node in data["nodes"]:
            g.add_node(node["id"], **node)
        for edge in data["edges"]:
            attrs = {k: v for k, v in edge.items() if k not in ("from", "to")}
            g.add_edge(edge["from"], edge["to"], **attrs)
        return g

    def find(self, doc: Any, *, year: Optional[int] = None, jurisdiction: Optional[str] = None) -> List[Node]:
        """The nodes ``doc`` names: a node id (``vn/binh-thuan/tu/cv/2023/698``),
        a corpus file (a path or a :class:`vanban.Document` read from one),
        or a số ký hiệu (a string or :class:`vanban.Symbol`, narrowed by
        ``year`` and ``jurisdiction``)."""
        if isinstance(doc, Document):
            if doc.path is None:
                raise ValueError("a document parsed from text is not in the graph: pass its path or symbol")
            doc = doc.path
        elif isinstance(doc, os.PathLike):
            doc = os.fspath(doc)
        return [Node(json.loads(n)) for n in self._raw.find(str(doc), year, jurisdiction)]

    def lineage(
        self,
        doc: Any,
        up: bool = True,
        *,
        relations: Union[None, str, Sequence[str]] = None,
        year: Optional[int] = None,
        jurisdiction: Optional[str] = None,
    ) -> Lineage:
        """Walk the lineage of ``doc`` (as :meth:`find` reads it): up, what
        it implements, transitively, back to the central directive; or down
        (``up=False``), everything that implements it.

        ``relations``: the relations followed, default ``"implements"``;
        ``"all"`` follows every one. Raises ``KeyError`` when ``doc`` is
        not in the graph, :class:`vanban.VanbanError` (with
        ``.candidates``) when it names several documents.
        """
        found = self.find(doc, year=year, jurisdiction=jurisdiction)
        if not found:
            raise KeyError(f"no document {doc} in the graph")
        if len(found) > 1:
            ids = [n.id for n in found]
            err = VanbanError(
                f"{len(found)} documents are {doc}: give year= and/or jurisdiction=,"
                f" or one of these ids: {', '.join(ids)}"
            )
            err.candidates = ids  # type: ignore[attr-defined]
            raise err
        if relations is None:
            names: List[str] = ["implements"]
        elif isinstance(relations, str):
            names = [relations]
        else:
            names = list(relations)
        if "all" in names:
            names = []
        return Lineage(json.loads(self._raw.lineage_json(found[0].id, up, names)))
