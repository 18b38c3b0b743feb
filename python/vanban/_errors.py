"""The exceptions of the vanban package.

Problems found *in* a document are data (``Document.diagnostics``), never
exceptions. Exceptions are for input that is not a document at all: bytes
that are not text, a file over the size limit, a string given to
``Symbol.parse`` or ``IssueDate.parse_text`` that does not follow the
grammar. A file that cannot be read raises the usual ``OSError``
(``FileNotFoundError``, ``IsADirectoryError``, ...) with ``.filename`` set.
"""

from __future__ import annotations

from typing import Optional

__all__ = [
    "VanbanError",
    "InvalidUtf8Error",
    "BinaryInputError",
    "TooLargeError",
    "MalformedError",
    "UnreadableFileError",
]


class VanbanError(ValueError):
    """Base class of vanban's errors: the input is not something vanban reads.

    ``str(error)`` names the file (when there is one), the byte offset, what
    was expected and what was found. ``path`` is the file, or ``None``.
    """

    def __init__(self, message: str, *, path: Optional[str] = None) -> None:
        super().__init__(message)
        self.path = path


class InvalidUtf8Error(VanbanError):
    """The bytes are not UTF-8 (pass ``lossy=True`` to read on with U+FFFD).

    ``offset`` is the byte offset of the first bad byte, ``byte`` its value.
    """

    def __init__(self, message: str, *, path: Optional[str] = None, offset: int = 0, byte: int = 0) -> None:
        super().__init__(message, path=path)
        self.offset = offset
        self.byte = byte


class BinaryInputError(VanbanError):
    """The bytes are binary data (a NUL byte), not text.

    ``offset`` is the byte offset of the first binary byte.
    """

    def __init__(self, message: str, *, path: Optional[str] = None, offset: int = 0) -> None:
        super().__init__(message, path=path)
        self.offset = offset


class TooLargeError(VanbanError):
    """The document is larger than ``max_size`` bytes.

    ``size`` is its size in bytes, ``limit`` the limit in force.
    """

    def __init__(self, message: str, *, path: Optional[str] = None, size: int = 0, limit: int = 0) -> None:
        super().__init__(message, path=path)
        self.size = size
        self.limit = limit


class MalformedError(VanbanError):
    """A string that does not follow the grammar: ``Symbol.parse("CV/TU")``,
    ``IssueDate.parse_text("31/02/2023")``.

    ``offset`` is the byte offset (in the string's UTF-8) where it fails,
    ``expected`` what the grammar expected there, ``found`` what it found,
    ``kind`` the grammar (``"symbol"`` or ``"date"``).
    """

    def __init__(
        self,
        message: str,
        *,
        path: Optional[str] = None,
        offset: int = 0,
        expected: str = "",
        found: str = "",
        kind: str = "",
    ) -> None:
        super().__init__(message, path=path)
        self.offset = offset
        self.expected = expected
        self.found = found
        self.kind = kind


class UnreadableFileError(VanbanError):
    """A file of a known format that cannot be read: a broken or truncated
    PDF, an encrypted one, a ZIP that is not a Word document, a zip bomb, a
    Word 6/95 file; or a format this build of the library leaves out.

    ``format`` is the format (``"pdf"``, ``"docx"``, ``"doc"``, ``"rtf"``,
    ``"html"``), or ``None`` for a format left out of the build.
    """

    def __init__(self, message: str, *, path: Optional[str] = None, format: Optional[str] = None) -> None:
        super().__init__(message, path=path)
        self.format = format
