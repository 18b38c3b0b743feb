"""One document: parse, parse_file, attribute access, to_dict()."""

from __future__ import annotations

import datetime
import json
import pickle

import pytest

import vanban
from conftest import FIXTURE_FILES, check_record, cli_json_lines, snapshot_json

LETTER = "fixtures/000_eb6c421c23e2ba08.txt"


def test_to_dict_is_the_command_lines_json() -> None:
    # `vanban parse --format json` over the fixtures, record by record.
    records = cli_json_lines("parse", "--format", "json", "fixtures")
    assert len(records) == len(FIXTURE_FILES) == 5
    for record in records:
        doc = vanban.parse_file(record["path"])
        assert doc.to_dict() == record
        assert json.loads(doc.to_json()) == record
        # The same text given as a string: the same object, without `path`.
        with open(record["path"], encoding="utf-8") as f:
            from_text = vanban.parse(f.read())
        expected = dict(record)
        del expected["path"]
        assert from_text.to_dict() == expected
        assert from_text.path is None and "path" not in from_text


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_to_dict_matches_the_reviewed_snapshots(path) -> None:
    # tests/snapshots hold each fixture's whole document, each read against
    # its letter when it was accepted (tests/snapshots.rs).
    expected = snapshot_json(f"snapshots__fixtures_whole_document@{path.name}.snap")
    assert vanban.parse(path.read_text(encoding="utf-8")).to_dict() == expected


def test_the_letter_as_read() -> None:
    # Values read from fixtures/000: the header, the lists and the citations.
    doc = vanban.parse_file(LETTER)
    assert doc.path == LETTER
    assert doc.family == "party"  # ĐẢNG CỘNG SẢN VIỆT NAM
    assert doc.issuer == "TỈNH ỦY BÌNH THUẬN"
    assert doc.symbol == vanban.Symbol("698-CV/TU")
    assert isinstance(doc.symbol, vanban.Symbol)
    assert (doc.number, doc.year) == (698, 2023)
    assert doc.place == "Bình Thuận"
    assert doc.date == datetime.date(2023, 2, 28)
    assert doc.doc_type == "Công văn"
    assert doc.subject.startswith("Tiếp tục đẩy mạnh phong trào thi đua")
    assert len(doc.recipients) == 6
    assert doc.recipients[0] == "Đảng đoàn Hội đồng nhân dân tỉnh"
    assert doc.distribution[0] == "Như trên" and len(doc.distribution) == 4
    assert [s.label for s in doc.sections] == ["1.", "2.", "3.", "4.", "5."]
    assert doc.footnotes[0].marker == "1"
    assert doc.footnotes[0].text.startswith("Nghị quyết số 05-NQ/TU")
    sig = doc.signature
    assert isinstance(sig, vanban.Signature)
    assert (sig.authority, sig.position, sig.signer) == (["T/M BAN THƯỜNG VỤ"], "BÍ THƯ", "Dương Văn An")

    by_symbol = {str(c.symbol): c for c in doc.citations if c.symbol is not None}
    cv = by_symbol["308-CV/TU"]
    assert (cv.type, cv.number, cv.date, cv.relation) == ("Công văn", 308, datetime.date(2021, 11, 26), "implements")
    assert cv.in_footnote is False
    assert cv.text.startswith("Công văn số 308-CV/TU, ngày 26/11/2021")
    assert doc.slice(cv.symbol_span) == "308-CV/TU"
    assert by_symbol["189-KH/TU"].date == datetime.date(2020, 3, 30)
    # The six resolutions of the footnote, with their dates.
    footnote = {s: by_symbol[s].date for s in by_symbol if by_symbol[s].in_footnote}
    assert footnote == {
        "05-NQ/TU": datetime.date(2021, 9, 10),
        "06-NQ/TU": datetime.date(2021, 10, 24),
        "08-NQ/TU": datetime.date(2021, 12, 28),
        "09-NQ/TU": datetime.date(2021, 12, 31),
        "10-NQ/TU": datetime.date(2022, 3, 18),
        "12-NQ/TU": datetime.date(2022, 11, 11),
    }
    # Spans are byte offsets into the UTF-8 text, from the original file.
    data = open(LETTER, "rb").read()
    start, end = doc.spans.symbol
    assert data[start:end].decode() == "698-CV/TU"


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_every_field_reads_as_an_attribute(path) -> None:
    doc = vanban.parse_file(path)
    assert check_record(doc) > 50
    assert set(doc.keys()) <= set(dir(doc))


def test_unknown_attribute_and_absent_keys() -> None:
    doc = vanban.parse_file(LETTER)
    with pytest.raises(AttributeError, match="no attribute 'no_such_key'"):
        _ = doc.no_such_key
    # Every citation key is in the JSON, also when empty.
    for c in doc.citations:
        for key in ("shared", "by", "acts", "editorial", "effective", "self", "part", "refers_to"):
            assert key in c, key
        assert isinstance(c.shared, list)
        assert isinstance(c.editorial, bool) and isinstance(c["self"], bool)
    assert any(c["self"] for c in doc.citations), "the letter's own number"


def test_bytes_and_lossy() -> None:
    data = open(LETTER, "rb").read()
    assert vanban.parse(data).to_dict() == vanban.parse(data.decode()).to_dict()
    bad = data[:200] + b"\xff" + data[200:]
    with pytest.raises(vanban.InvalidUtf8Error) as e:
        vanban.parse(bad)
    assert e.value.offset == 200 and e.value.byte == 0xFF
    doc = vanban.parse(bad, lossy=True)
    assert doc.diagnostics[0].code == "invalid-utf8"
    assert "\ufffd" in doc.text
    assert doc.symbol == vanban.Symbol("698-CV/TU")


def test_symbol() -> None:
    s = vanban.Symbol.parse("30/2020/nđ- CP")
    assert str(s) == "30/2020/NĐ-CP" and repr(s) == "Symbol('30/2020/NĐ-CP')"
    assert (s.number, s.year, s.type_code, s.type_name, s.issuers, s.style) == (
        30,
        2020,
        "NĐ",
        "Nghị định",
        ["CP"],
        "slash",
    )
    t = vanban.Symbol("3870/SNN-VP")
    assert (t.type_code, t.issuers, t.unit, t.type_name, t.is_party) == (None, ["SNN"], "VP", "Công văn", False)
    p = vanban.Symbol("05-QC/BTCTU-BDVTU")
    assert (p.number, p.number_text, p.style, p.is_party) == (5, "05", "dash", True)
    assert vanban.Symbol("698 - CV/TU") == vanban.Symbol("698-CV/TU")
    assert len({vanban.Symbol("698-CV/TU"), vanban.Symbol("698-CV/TU")}) == 1
    assert pickle.loads(pickle.dumps(s)) == s
    with pytest.raises(vanban.MalformedError) as e:
        vanban.Symbol.parse("CV/TU")
    assert e.value.kind == "symbol" and e.value.offset == 0 and isinstance(e.value, ValueError)


def test_issue_date() -> None:
    d = vanban.IssueDate.parse_text("ngày 28 tháng 02 năm 2023")
    assert d == vanban.IssueDate(2023, 2, 28) == vanban.IssueDate.parse("2023-02-28")
    assert d.to_date() == datetime.date(2023, 2, 28) and d.is_full
    assert vanban.IssueDate.from_date(datetime.date(2021, 11, 26)) == vanban.IssueDate.parse_text("26/11/2021")
    partial = vanban.IssueDate(2015, 6)
    assert (str(partial), partial.day, partial.is_full) == ("2015-06", None, False)
    assert partial.compatible(vanban.IssueDate(2015, 6, 1))
    assert vanban.IssueDate(2015) < partial < vanban.IssueDate(2015, 7)
    assert pickle.loads(pickle.dumps(partial)) == partial
    with pytest.raises(ValueError):
        partial.to_date()
    with pytest.raises(ValueError):
        vanban.IssueDate(2023, 2, 31)
    with pytest.raises(vanban.MalformedError) as e:
        vanban.IssueDate.parse_text("31/02/2023")
    assert e.value.kind == "date"
    with pytest.raises(vanban.MalformedError) as e:
        vanban.IssueDate.parse_text("ngày 28 tháng 02 năm 2023 và")
    assert e.value.offset == len("ngày 28 tháng 02 năm 2023".encode())


def test_a_document_from_its_json() -> None:
    # to_dict() → json → Document: the same document, attributes and all.
    doc = vanban.parse_file(LETTER)
    again = vanban.Document(json.loads(json.dumps(doc.to_dict())))
    assert again == doc and again.symbol == doc.symbol and again.citations == doc.citations
    assert again.text is None
    with pytest.raises(ValueError, match="no text"):
        again.slice((0, 3))
    with pytest.raises(TypeError):
        vanban.Document()
