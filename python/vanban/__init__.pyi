# Type stubs of the vanban package (the runtime is vanban/__init__.py and the
# Rust extension vanban._vanban). Record attributes are the JSON keys of the
# command line's output; the ones listed here are those of this version.

import datetime
import os
from typing import Any, Callable, Dict, Iterable, Iterator, List, Literal, Optional, Sequence, Tuple, Union

import networkx
import pandas

__version__: str
DEFAULT_MAX_SIZE: int
RELATIONS: Tuple[str, ...]

Span = Tuple[int, int]
PathLike = Union[str, os.PathLike[str]]
Date = Union[datetime.date, IssueDate]

class VanbanError(ValueError):
    """Base class of vanban's errors: the input is not something vanban reads."""

    path: Optional[str]
    def __init__(self, message: str, *, path: Optional[str] = ...) -> None: ...

class InvalidUtf8Error(VanbanError):
    """The bytes are not UTF-8; ``offset`` of the first bad ``byte``."""

    offset: int
    byte: int
    def __init__(self, message: str, *, path: Optional[str] = ..., offset: int = ..., byte: int = ...) -> None: ...

class BinaryInputError(VanbanError):
    """Binary data (a NUL byte at ``offset``), not text."""

    offset: int
    def __init__(self, message: str, *, path: Optional[str] = ..., offset: int = ...) -> None: ...

class TooLargeError(VanbanError):
    """Larger (``size``) than the limit (``limit``) in bytes."""

    size: int
    limit: int
    def __init__(self, message: str, *, path: Optional[str] = ..., size: int = ..., limit: int = ...) -> None: ...

class UnreadableFileError(VanbanError):
    """A broken, encrypted or unsupported file of a known format (``format``: ``pdf``, ``docx``...)."""

    format: Optional[str]
    def __init__(self, message: str, *, path: Optional[str] = ..., format: Optional[str] = ...) -> None: ...

class MalformedError(VanbanError):
    """A string that does not follow the grammar of ``kind`` (``symbol``, ``date``)."""

    offset: int
    expected: str
    found: str
    kind: str
    def __init__(
        self,
        message: str,
        *,
        path: Optional[str] = ...,
        offset: int = ...,
        expected: str = ...,
        found: str = ...,
        kind: str = ...,
    ) -> None: ...

class Symbol:
    """A số và ký hiệu in canonical form (``Symbol("30/2020/nđ- CP")``)."""

    def __init__(self, text: str) -> None: ...
    @classmethod
    def parse(cls, text: str) -> Symbol: ...
    @property
    def number(self) -> Optional[int]: ...
    @property
    def number_text(self) -> Optional[str]: ...
    @property
    def year(self) -> Optional[int]: ...
    @property
    def type_code(self) -> Optional[str]: ...
    @property
    def type_name(self) -> Optional[str]: ...
    @property
    def issuers(self) -> List[str]: ...
    @property
    def unit(self) -> Optional[str]: ...
    @property
    def style(self) -> Literal["dash", "slash"]: ...
    @property
    def is_party(self) -> bool: ...
    def __lt__(self, other: Symbol) -> bool: ...
    def __le__(self, other: Symbol) -> bool: ...
    def __gt__(self, other: Symbol) -> bool: ...
    def __ge__(self, other: Symbol) -> bool: ...
    def __hash__(self) -> int: ...

class IssueDate:
    """A date of issue: full, year and month, or year only."""

    def __init__(self, year: int, month: Optional[int] = ..., day: Optional[int] = ...) -> None: ...
    @classmethod
    def parse(cls, text: str) -> IssueDate: ...
    @classmethod
    def parse_text(cls, text: str) -> IssueDate: ...
    @classmethod
    def from_date(cls, date: datetime.date) -> IssueDate: ...
    @property
    def year(self) -> int: ...
    @property
    def month(self) -> Optional[int]: ...
    @property
    def day(self) -> Optional[int]: ...
    @property
    def is_full(self) -> bool: ...
    def compatible(self, other: IssueDate) -> bool: ...
    def to_date(self) -> datetime.date: ...
    def __lt__(self, other: IssueDate) -> bool: ...
    def __le__(self, other: IssueDate) -> bool: ...
    def __gt__(self, other: IssueDate) -> bool: ...
    def __ge__(self, other: IssueDate) -> bool: ...
    def __hash__(self) -> int: ...

class Record:
    """A JSON object of vanban's output, its keys read as attributes."""

    def __getattr__(self, name: str) -> Any: ...
    def __getitem__(self, key: str) -> Any: ...
    def __contains__(self, key: object) -> bool: ...
    def keys(self) -> List[str]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...

class Diagnostic(Record):
    """A problem found in a document."""

    code: str
    severity: Literal["info", "warning", "error"]
    message: str
    span: Optional[Span]

class Citation(Record):
    """A document cited by the text."""

    type: Optional[str]
    symbol: Optional[Symbol]
    number: Optional[int]
    date: Optional[Date]
    issuer: Optional[str]
    subject: Optional[str]
    name: Optional[str]
    relation: str
    span: Span
    symbol_span: Optional[Span]
    line: int
    in_footnote: bool
    refers_to: Optional[int]
    shared: List[str]
    by: Optional[int]
    acts: Optional[Dict[str, Any]]
    editorial: bool
    effective: Optional[Date]
    self: bool
    part: bool
    @property
    def text(self) -> Optional[str]: ...

class Footnote(Record):
    """A footnote and its marker."""

    marker: str
    text: str
    span: Span
    reference: Optional[Span]

class Section(Record):
    """A numbered section of the body."""

    label: str
    span: Span

class NamedRef(Record):
    """A reference to a document without a number."""

    text: str
    span: Span
    line: int
    in_footnote: bool

class Signature(Record):
    """The signature block."""

    authority: List[str]
    position: Optional[str]
    signer: Optional[str]
    signed_mark: bool
    span: Optional[Span]

class PartSpans(Record):
    """Byte spans of the document's parts."""

    issuer: Optional[Span]
    issuer_parent: Optional[Span]
    family: Optional[Span]
    symbol: Optional[Span]
    place: Optional[Span]
    date: Optional[Span]
    doc_type: Optional[Span]
    subject: Optional[Span]
    recipients: List[Span]
    distribution: List[Span]
    body: Optional[Span]

class Document(Record):
    """One parsed document."""

    path: Optional[str]
    family: Optional[Literal["party", "state"]]
    issuer: Optional[str]
    issuer_parent: Optional[str]
    symbol: Optional[Symbol]
    number: Optional[int]
    year: Optional[int]
    place: Optional[str]
    date: Optional[Date]
    doc_type: Optional[str]
    subject: Optional[str]
    urgency: Optional[str]
    secrecy: Optional[str]
    recipients: List[str]
    distribution: List[str]
    sections: List[Section]
    footnotes: List[Footnote]
    signature: Optional[Signature]
    citations: List[Citation]
    named_refs: List[NamedRef]
    diagnostics: List[Diagnostic]
    spans: PartSpans
    def __init__(
        self,
        data: Optional[Dict[str, Any]] = ...,
        *,
        raw: Any = ...,
        text: Optional[str] = ...,
        text_source: Optional[Callable[[], str]] = ...,
    ) -> None: ...
    @property
    def text(self) -> Optional[str]: ...
    def slice(self, span: Span) -> str: ...

class Finding(Record):
    """A finding of ``check``."""

    code: str
    severity: Literal["info", "warning", "error"]
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    cited: Optional[str]
    expected: Optional[str]
    found: Optional[str]
    suggestion: Optional[str]
    note: Optional[str]
    span: Optional[Span]
    fingerprint: str

class Node(Record):
    """A node of the citation graph."""

    id: str
    symbol: Optional[Symbol]
    type: Optional[str]
    date: Optional[Date]
    year: Optional[int]
    jurisdiction: Optional[str]
    issuer: Optional[str]
    path: Optional[str]
    external: bool
    subject: Optional[str]
    note: Optional[str]

class LineageStep(Record):
    """One step of a lineage walk."""

    depth: int
    id: str
    via: str
    relation: str
    confidence: Literal["certain", "inferred", "unknown"]
    node: Node
    path: str
    span: Span

class Lineage(List[LineageStep]):
    """The steps of a lineage walk."""

    of: Node
    direction: Literal["up", "down"]
    def __init__(self, data: Dict[str, Any]) -> None: ...
    def ids(self) -> List[str]: ...
    def to_dict(self) -> Dict[str, Any]: ...

class Graph:
    """The citation graph of a corpus."""

    @property
    def node_count(self) -> int: ...
    @property
    def edge_count(self) -> int: ...
    @property
    def stats(self) -> Dict[str, int]: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_networkx(self) -> networkx.MultiDiGraph: ...
    def find(self, doc: Any, *, year: Optional[int] = ..., jurisdiction: Optional[str] = ...) -> List[Node]: ...
    def lineage(
        self,
        doc: Any,
        up: bool = ...,
        *,
        relations: Union[None, str, Sequence[str]] = ...,
        year: Optional[int] = ...,
        jurisdiction: Optional[str] = ...,
    ) -> Lineage: ...

class Corpus:
    """Documents read from files and folders, in parallel."""

    @classmethod
    def from_paths(
        cls,
        paths: Union[PathLike, Iterable[PathLike]],
        *,
        progress: Union[bool, Callable[[int, int], Any]] = ...,
        threads: Optional[int] = ...,
        lossy: bool = ...,
        max_size: int = ...,
    ) -> Corpus: ...
    @property
    def documents(self) -> List[Document]: ...
    @property
    def errors(self) -> List[Exception]: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Document]: ...
    def __getitem__(self, i: int) -> Document: ...
    def to_dicts(self) -> List[Dict[str, Any]]: ...
    def citations_frame(self) -> Union[pandas.DataFrame, List[Dict[str, Any]]]: ...
    def documents_frame(self) -> Union[pandas.DataFrame, List[Dict[str, Any]]]: ...
    def graph(self) -> Graph: ...

def parse(text: Union[str, bytes], *, lossy: bool = ..., max_size: int = ...) -> Document: ...
def parse_file(path: PathLike, *, lossy: bool = ..., max_size: int = ...) -> Document: ...
def check(
    paths: Union[PathLike, Iterable[PathLike]],
    config: Union[None, Dict[str, Any], PathLike] = ...,
    *,
    strict: bool = ...,
    baseline: Optional[PathLike] = ...,
    max_size: int = ...,
) -> List[Finding]: ...
