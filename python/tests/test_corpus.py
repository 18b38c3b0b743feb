"""A corpus: parallel reading, frames, the graph, networkx, check."""

from __future__ import annotations

import json
import shutil
import sys

import pytest

import vanban
from conftest import CORPUS, FIXTURE_FILES, ROOT, check_record, cli_json, cli_json_lines, needs_corpus


@pytest.fixture(scope="module")
def fixtures() -> vanban.Corpus:
    return vanban.Corpus.from_paths(["fixtures"])


def test_documents_are_the_command_lines(fixtures: vanban.Corpus) -> None:
    assert len(fixtures) == 5 and fixtures.errors == []
    assert [d.path for d in fixtures] == [f"fixtures/{p.name}" for p in FIXTURE_FILES]
    assert fixtures.to_dicts() == cli_json_lines("parse", "--format", "json", "fixtures")
    doc = fixtures[0]
    assert doc.slice(doc.citations[0].span) == doc.citations[0].text
    assert doc.text == (ROOT / doc.path).read_text(encoding="utf-8")


def test_a_single_path_and_pathlike(fixtures: vanban.Corpus) -> None:
    one = vanban.Corpus.from_paths(ROOT / "fixtures")
    assert [d.to_dict()["citations"] for d in one] == [d.to_dict()["citations"] for d in fixtures]


def test_citations_frame(fixtures: vanban.Corpus) -> None:
    frame = fixtures.citations_frame()
    records = fixtures.to_dicts()
    citations = [c for r in records for c in r["citations"]]
    assert len(frame) == len(citations) > 30
    keys = []
    for c in citations:
        keys += [k for k in c if k not in keys]
    assert list(frame.columns) == ["path", "citation", *keys]
    assert {"type", "symbol", "date", "relation", "span", "refers_to"} <= set(frame.columns)
    by_relation = frame.groupby("relation").size()
    assert by_relation.sum() == len(citations)
    assert by_relation["implements"] == sum(c["relation"] == "implements" for c in citations)
    first = frame.iloc[0]
    assert (first["path"], first["citation"]) == (records[0]["path"], 0)
    assert first["symbol"] == records[0]["citations"][0]["symbol"]


def test_documents_frame(fixtures: vanban.Corpus) -> None:
    frame = fixtures.documents_frame()
    records = fixtures.to_dicts()
    assert list(frame.columns) == list(records[0].keys())
    pandas = pytest.importorskip("pandas")
    assert [None if pandas.isna(s) else s for s in frame["symbol"]] == [r["symbol"] for r in records]
    assert frame.loc[0, "citations"] == records[0]["citations"]


def test_frames_without_pandas(fixtures: vanban.Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` fails
    rows = fixtures.citations_frame()
    assert isinstance(rows, list) and isinstance(rows[0], dict)
    assert list(rows[0])[:2] == ["path", "citation"]
    assert fixtures.documents_frame() == fixtures.to_dicts()


def test_progress_and_errors(tmp_path) -> None:
    for p in FIXTURE_FILES:
        shutil.copy(p, tmp_path / p.name)
    (tmp_path / "bad.txt").write_bytes(b"abc\xffdef")
    (tmp_path / "notes.bin").write_bytes(b"%PDF")  # not a document extension: not read
    calls = []
    corpus = vanban.Corpus.from_paths([tmp_path], progress=lambda done, total: calls.append((done, total)))
    assert len(corpus) == 5
    assert calls[-1] == (6, 6) and all(t == 6 for _, t in calls)
    (err,) = corpus.errors
    assert isinstance(err, vanban.InvalidUtf8Error)
    assert (err.offset, err.path) == (3, str(tmp_path / "bad.txt"))


def test_a_failing_progress_callback_stops_the_read() -> None:
    def fail(done: int, total: int) -> None:
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError, match="stop"):
        vanban.Corpus.from_paths(["fixtures"], progress=fail)


def test_threads() -> None:
    one = vanban.Corpus.from_paths(["fixtures"], threads=1)
    two = vanban.Corpus.from_paths(["fixtures"], threads=2)
    assert one.to_dicts() == two.to_dicts()
    with pytest.raises(ValueError):
        vanban.Corpus.from_paths(["fixtures"], threads=0)


def test_graph_json_is_the_command_lines(fixtures: vanban.Corpus) -> None:
    graph = fixtures.graph()
    data = graph.to_dict()
    assert data == cli_json("graph", "fixtures", "--format", "json")
    assert (graph.node_count, graph.edge_count) == (len(data["nodes"]), len(data["edges"]))
    assert graph.stats == data["stats"] and graph.stats["documents"] == 5


def test_to_networkx_read_back(fixtures: vanban.Corpus) -> None:
    networkx = pytest.importorskip("networkx")
    graph = fixtures.graph()
    data = graph.to_dict()
    g = graph.to_networkx()
    assert isinstance(g, networkx.MultiDiGraph)
    assert g.number_of_nodes() == len(data["nodes"]) and g.number_of_edges() == len(data["edges"])
    for node in data["nodes"]:
        assert g.nodes[node["id"]] == node
    edges = sorted((json.dumps(e, sort_keys=True) for e in data["edges"]))
    back = sorted(json.dumps({"from": u, "to": v, **attrs}, sort_keys=True) for u, v, attrs in g.edges(data=True))
    assert back == edges
    assert {k: g.graph[k] for k in ("unresolved", "duplicates", "cycles", "stats")} == {
        k: data[k] for k in ("unresolved", "duplicates", "cycles", "stats")
    }
    # The letter 698-CV/TU implements 308-CV/TU (fixtures/000, section 2).
    start = graph.find("698-CV/TU")[0].id
    assert any(
        attrs["relation"] == "implements" and g.nodes[v]["symbol"] == "308-CV/TU"
        for _, v, attrs in g.out_edges(start, data=True)
    )


def test_lineage(fixtures: vanban.Corpus) -> None:
    graph = fixtures.graph()
    up = graph.lineage("698-CV/TU")
    assert up.to_dict() == cli_json("lineage", "fixtures", "--of", "698-CV/TU", "--format", "json")
    assert up.direction == "up" and str(up.of.symbol) == "698-CV/TU"
    # fixtures/000 implements Công văn 308-CV/TU and the resolutions of its
    # footnote (05-NQ/TU …); Kế hoạch 189-KH/TU it only names (`bám sát nội
    # dung … tại`).
    ups = {str(s.node.symbol) for s in up if s.depth == 1}
    assert ups >= {"308-CV/TU", "05-NQ/TU"} and "189-KH/TU" not in ups
    assert all(s.relation == "implements" for s in up)
    assert up.ids()[0] == up.of.id
    # The same start named by its file, its Document and its id.
    assert graph.lineage(fixtures[0]).to_dict() == up.to_dict()
    assert graph.lineage(up.of.id).to_dict() == up.to_dict()
    down = graph.lineage("698-CV/TU", up=False, relations="all")
    assert down.to_dict() == cli_json(
        "lineage", "fixtures", "--of", "698-CV/TU", "--down", "--relation", "all", "--format", "json"
    )
    with pytest.raises(KeyError):
        graph.lineage("1-CV/XX")
    with pytest.raises(ValueError, match="unknown relation"):
        graph.lineage("698-CV/TU", relations=["cites"])


def test_check_is_the_command_lines(fixtures: vanban.Corpus) -> None:
    findings = vanban.check(["fixtures"])
    cli = cli_json("check", "fixtures", "--format", "json", "--no-cache")
    assert [f.to_dict() for f in findings] == cli["findings"]
    assert cli["summary"]["warnings"] == sum(f.severity == "warning" for f in findings)
    f = findings[0]
    assert str(f) == f"{f.path}:{f.line}:{f.column}: {f.severity}[{f.code}]: {f.message}"
    assert isinstance(f.span, tuple)


def test_check_configuration(tmp_path) -> None:
    baseline = vanban.check(["fixtures"])
    assert any(f.code == "unresolved" for f in baseline)
    off = vanban.check(["fixtures"], {"severity": {"unresolved": "off"}})
    assert not any(f.code == "unresolved" for f in off) and len(off) < len(baseline)
    strict = vanban.check("fixtures", strict=True)
    assert {f.severity for f in strict if f.code == "unresolved"} == {"error"}
    toml = tmp_path / "vanban.toml"
    toml.write_text('[severity]\nunresolved = "off"\n')
    assert vanban.check(["fixtures"], toml) == off
    ignored = vanban.check(["fixtures"], {"ignore": ["000_*.txt"]})
    assert not any(f.path.endswith("000_eb6c421c23e2ba08.txt") for f in ignored)
    with pytest.raises(vanban.VanbanError, match="bad configuration"):
        vanban.check(["fixtures"], {"severity": {"no-such-code": "off"}})
    with pytest.raises(vanban.VanbanError, match="bad configuration"):
        vanban.check(["fixtures"], {"strictness": True})
    with pytest.raises(FileNotFoundError):
        vanban.check([tmp_path / "missing"])


@needs_corpus
def test_corpus_documents_and_frames() -> None:
    corpus = vanban.Corpus.from_paths([CORPUS])
    files = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md"))
    assert len(corpus) + len(corpus.errors) == len(files)
    records = corpus.to_dicts()
    frame = corpus.citations_frame()
    assert len(frame) == sum(len(r["citations"]) for r in records) > 1000
    assert set(frame["relation"]) <= set(vanban.RELATIONS)
    # Every field of every document read as an attribute: symbols and dates
    # round-trip through Symbol and IssueDate.
    assert sum(check_record(d) for d in corpus) > 100_000
    with_symbol = sum(d.symbol is not None for d in corpus)
    assert with_symbol > len(corpus) * 0.8
    # Each document read alone is the same.
    for d in corpus.documents[::20]:
        assert vanban.parse_file(d.path).to_dict() == d.to_dict()


@needs_corpus
def test_corpus_is_the_command_lines() -> None:
    rel = CORPUS.relative_to(ROOT.parent)
    corpus = vanban.Corpus.from_paths([f"../{rel}"])
    assert corpus.to_dicts() == cli_json_lines("parse", "--format", "json", f"../{rel}")
    graph = corpus.graph()
    assert graph.to_dict() == cli_json("graph", f"../{rel}", "--format", "json")
    g = graph.to_networkx()
    assert (g.number_of_nodes(), g.number_of_edges()) == (graph.node_count, graph.edge_count)
