"""Input that is not a document: exceptions with the file and the offset."""

from __future__ import annotations

import pickle

import pytest

import vanban


def test_hierarchy() -> None:
    for cls in (
        vanban.InvalidUtf8Error,
        vanban.BinaryInputError,
        vanban.TooLargeError,
        vanban.MalformedError,
        vanban.UnreadableFileError,
    ):
        assert issubclass(cls, vanban.VanbanError)
    assert issubclass(vanban.VanbanError, ValueError)


def test_invalid_utf8_names_file_and_offset(tmp_path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes("Số 698-CV/TU\n".encode() + b"abc\xc3(")
    with pytest.raises(vanban.InvalidUtf8Error) as e:
        vanban.parse_file(path)
    err = e.value
    offset = len("Số 698-CV/TU\nabc".encode())
    assert (err.offset, err.byte, err.path) == (offset, 0xC3, str(path))
    expected = f"{path}: invalid utf-8 at byte {offset}: expected text, found byte 0xc3 (use --lossy to read on)"
    assert str(err) == expected
    doc = vanban.parse_file(path, lossy=True)
    assert doc.diagnostics[0].code == "invalid-utf8"
    assert doc.symbol == vanban.Symbol("698-CV/TU")
    # Pickled and back (multiprocessing sends exceptions so).
    again = pickle.loads(pickle.dumps(err))
    assert (type(again), again.offset, again.path, str(again)) == (type(err), err.offset, err.path, str(err))


def test_binary_input(tmp_path) -> None:
    with pytest.raises(vanban.BinaryInputError) as e:
        vanban.parse(b"bin\x00\x00\x00\x00\x00")
    assert e.value.offset == 3 and e.value.path is None
    path = tmp_path / "x.txt"
    path.write_bytes(b"text\x00more")
    with pytest.raises(vanban.BinaryInputError) as e:
        vanban.parse_file(path)
    assert (e.value.offset, e.value.path) == (4, str(path))


def test_too_large(tmp_path) -> None:
    with pytest.raises(vanban.TooLargeError) as e:
        vanban.parse("ấ" * 10, max_size=20)  # 30 bytes of UTF-8
    assert (e.value.size, e.value.limit) == (30, 20)
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 1000)
    with pytest.raises(vanban.TooLargeError) as e:
        vanban.parse_file(path, max_size=999)
    assert (e.value.size, e.value.limit, e.value.path) == (1000, 999, str(path))
    assert vanban.parse_file(path, max_size=1000).to_dict()["path"] == str(path)


def test_files_that_cannot_be_read(tmp_path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(FileNotFoundError) as e:
        vanban.parse_file(missing)
    assert e.value.filename == str(missing)
    with pytest.raises(IsADirectoryError) as e:
        vanban.parse_file(tmp_path)
    assert e.value.filename == str(tmp_path)


def test_type_error() -> None:
    with pytest.raises(TypeError):
        vanban.parse(42)  # type: ignore[arg-type]


def test_problems_in_a_document_are_data() -> None:
    doc = vanban.parse(b"   \n\t ")
    assert [d.code for d in doc.diagnostics] == ["empty-document"]
    assert doc.diagnostics[0].severity == "warning"
    assert str(doc.diagnostics[0]).startswith("warning[empty-document] empty document")


def test_unreadable_file(tmp_path) -> None:
    # A ZIP signature with nothing after it: read as a Word file, and broken.
    with pytest.raises(vanban.UnreadableFileError) as e:
        vanban.parse(b"PK\x03\x04\x00\x00")
    assert e.value.format == "docx" and e.value.path is None
    path = tmp_path / "cut.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj\n<<")
    with pytest.raises(vanban.UnreadableFileError) as e:
        vanban.parse_file(path)
    assert e.value.format == "pdf" and e.value.path == str(path)
    assert str(e.value).startswith(f"{path}: ")
