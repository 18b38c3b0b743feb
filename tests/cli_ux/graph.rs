//! Item 4, graph and queries: GraphML, `graph --output`, `--relation all`,
//! the node's year, `--jurisdiction` names, `query roots`, stdin.

use super::*;

fn stdout_of(dir: &Path, args: &[&str]) -> Vec<u8> {
    let out = vanban(dir).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// GraphML: each key id once, typed attributes (`year` and `line` int,
/// `external` boolean, spans long), every `data` naming a key declared for
/// its element, and the same bytes on every run.
#[test]
fn graphml_keys_unique_typed_and_stable() {
    use quick_xml::events::Event;
    let dir = repo(true);
    let xml = stdout_of(dir.path(), &["graph", "--format", "graphml", "docs"]);
    for _ in 0..3 {
        assert_eq!(stdout_of(dir.path(), &["graph", "--format", "graphml", "docs"]), xml);
    }
    let mut keys: std::collections::HashMap<String, (String, String, String)> = Default::default();
    let mut reader = quick_xml::Reader::from_reader(&xml[..]);
    let mut element = Vec::new();
    let mut data_key = None;
    let mut buf = Vec::new();
    let attr = |e: &quick_xml::events::BytesStart<'_>, name: &str| -> Option<String> {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == name.as_bytes())
            .map(|a| a.unescape_value().unwrap().into_owned())
    };
    let (mut years, mut lines) = (0, 0);
    loop {
        match reader.read_event_into(&mut buf).unwrap() {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                match name.as_str() {
                    "key" => {
                        let id = attr(&e, "id").unwrap();
                        let v = (
                            attr(&e, "for").unwrap(),
                            attr(&e, "attr.name").unwrap(),
                            attr(&e, "attr.type").unwrap(),
                        );
                        assert!(keys.insert(id.clone(), v).is_none(), "key id {id} twice");
                    }
                    "node" | "edge" => element.push(name),
                    "data" => data_key = attr(&e, "key"),
                    _ => {}
                }
            }
            Event::End(e) if matches!(e.name().as_ref(), b"node" | b"edge") => {
                element.pop();
            }
            Event::Text(t) => {
                if let Some(k) = data_key.take() {
                    let (of, name, ty) = keys.get(&k).unwrap_or_else(|| panic!("undeclared key {k}"));
                    assert_eq!(Some(of), element.last(), "{k}");
                    let value = t.unescape().unwrap();
                    match ty.as_str() {
                        "int" | "long" => {
                            value.parse::<i64>().unwrap_or_else(|_| panic!("{name}: {value}"));
                        }
                        "boolean" => assert!(value == "true" || value == "false", "{name}: {value}"),
                        _ => {}
                    }
                    years += usize::from(name == "year");
                    lines += usize::from(name == "line");
                }
            }
            _ => {}
        }
        buf.clear();
    }
    let typed: Vec<(&str, &str)> = keys.values().map(|(_, n, t)| (n.as_str(), t.as_str())).collect();
    for want in [
        ("year", "int"),
        ("external", "boolean"),
        ("line", "int"),
        ("span_start", "long"),
    ] {
        assert!(typed.contains(&want), "{want:?} in {typed:?}");
    }
    // `path` is a node and an edge attribute: two keys, two ids.
    assert_eq!(typed.iter().filter(|(n, _)| *n == "path").count(), 2);
    assert!(years > 0 && lines > 0);
}

/// `graph --output` writes every format to a file (what stdout would get),
/// refuses to replace one without --force, and writes CSV into a folder.
#[test]
fn graph_output_for_every_format() {
    let dir = repo(true);
    for format in ["json", "dot", "graphml", "mermaid", "stats"] {
        let printed = stdout_of(dir.path(), &["graph", "--format", format, "docs"]);
        let file = format!("g.{format}");
        let said = stdout_of(dir.path(), &["graph", "--format", format, "--output", &file, "docs"]);
        assert_eq!(String::from_utf8(said).unwrap(), format!("wrote {file}\n"));
        assert_eq!(
            std::fs::read(dir.path().join(&file)).unwrap(),
            printed,
            "--format {format}"
        );
        let out = vanban(dir.path())
            .args(["graph", "--format", format, "--output", &file, "docs"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("{file}: the file exists")));
        stdout_of(
            dir.path(),
            &["graph", "--format", format, "--output", &file, "--force", "docs"],
        );
    }
    let said = stdout_of(dir.path(), &["graph", "--format", "csv", "--output", "tables", "docs"]);
    assert_eq!(
        String::from_utf8(said).unwrap(),
        "wrote tables/nodes.csv and tables/edges.csv\n"
    );
    let printed = String::from_utf8(stdout_of(dir.path(), &["graph", "--format", "csv", "docs"])).unwrap();
    let nodes = std::fs::read_to_string(dir.path().join("tables/nodes.csv")).unwrap();
    let edges = std::fs::read_to_string(dir.path().join("tables/edges.csv")).unwrap();
    assert_eq!(printed, format!("{nodes}\n{edges}"));
    // A folder where a file is wanted.
    let out = vanban(dir.path())
        .args(["graph", "--output", "tables", "--force", "docs"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tables: is a folder"));
}

/// `graph --relation all` is the whole graph, as in `lineage`; a relation
/// that does not exist is refused, naming `all` among the choices.
#[test]
fn graph_relation_all() {
    let dir = repo(true);
    let whole = stdout_of(dir.path(), &["graph", "docs"]);
    assert_eq!(stdout_of(dir.path(), &["graph", "--relation", "all", "docs"]), whole);
    assert_eq!(
        stdout_of(
            dir.path(),
            &["graph", "--relation", "implements", "--relation", "all", "docs"]
        ),
        whole
    );
    let implements = stdout_of(dir.path(), &["graph", "--relation", "implements", "docs"]);
    assert_ne!(implements, whole);
    let out = vanban(dir.path())
        .args(["graph", "--relation", "cites", "docs"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("or all"));
    let all = stdout_of(
        dir.path(),
        &[
            "lineage",
            "--of",
            "308-CV/TU",
            "--jurisdiction",
            "binh-thuan",
            "--down",
            "--relation",
            "all",
            "docs",
        ],
    );
    assert!(String::from_utf8(all).unwrap().contains("implements ← 698-CV/TU"));
}

/// The graph node's `year` is the year `parse` gives the document (from
/// its date, else from its symbol), also for a document without a number.
#[test]
fn graph_year_agrees_with_parse() {
    let dir = repo(true);
    let parsed = String::from_utf8(stdout_of(dir.path(), &["parse", "--format", "json", "docs"])).unwrap();
    let graph: Value = serde_json::from_slice(&stdout_of(dir.path(), &["graph", "docs"])).unwrap();
    let mut compared = 0;
    for line in parsed.lines() {
        let doc: Value = serde_json::from_str(line).unwrap();
        let node = graph["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["path"] == doc["path"])
            .unwrap();
        assert_eq!(node["year"], doc["year"], "{}", doc["path"]);
        compared += 1;
    }
    assert_eq!(compared, 5);
    // 002 prints `/SNN-VP` (no number) and the date 2023: its node has the year.
    let n002 = graph["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["path"] == format!("docs/{F002}"))
        .unwrap();
    assert_eq!(n002["year"], 2023);
}

/// `lineage --jurisdiction` takes a province's name as well as its slug.
#[test]
fn lineage_jurisdiction_by_name() {
    let dir = repo(true);
    let by_slug = stdout_of(
        dir.path(),
        &[
            "lineage",
            "--of",
            "308-CV/TU",
            "--jurisdiction",
            "binh-thuan",
            "--down",
            "docs",
        ],
    );
    assert!(String::from_utf8_lossy(&by_slug).starts_with("308-CV/TU  2021-11-26  binh-thuan"));
    for name in ["Bình Thuận", "tỉnh Bình Thuận", "BÌNH THUẬN", "Binh Thuan"] {
        let by_name = stdout_of(
            dir.path(),
            &["lineage", "--of", "308-CV/TU", "--jurisdiction", name, "--down", "docs"],
        );
        assert_eq!(by_name, by_slug, "{name}");
    }
    let out = vanban(dir.path())
        .args(["lineage", "--of", "308-CV/TU", "--jurisdiction", "Kiên Giang", "docs"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no document 308-CV/TU in the graph in Kiên Giang"));
}

/// `query roots` lists documents of the corpus: those the corpus cites that
/// cite none of its documents; `--external` lists the roots of the whole
/// graph (cited documents outside the corpus included).
#[test]
fn query_roots_lists_corpus_documents() {
    let dir = repo(true);
    let roots: Value =
        serde_json::from_slice(&stdout_of(dir.path(), &["query", "roots", "--format", "json", "docs"])).unwrap();
    let roots = roots.as_array().unwrap();
    // 002 implements 698-CV/TU (000), which cites no letter of the corpus.
    assert_eq!(roots.len(), 1, "{roots:#?}");
    assert_eq!(roots[0]["path"], format!("docs/{F000}"));
    assert_eq!(roots[0]["external"], false);
    let all: Value = serde_json::from_slice(&stdout_of(
        dir.path(),
        &["query", "roots", "--external", "--format", "json", "docs"],
    ))
    .unwrap();
    let all = all.as_array().unwrap();
    assert!(all.iter().any(|n| n["external"] == true && n["symbol"] == "308-CV/TU"));
    assert!(
        all.iter().all(|n| n["external"] == true),
        "000 cites documents outside: not a root of the whole graph"
    );
    let text = String::from_utf8(stdout_of(dir.path(), &["query", "roots", "docs"])).unwrap();
    assert_eq!(
        text,
        format!("698-CV/TU  2023-02-28  binh-thuan  docs/{F000}  [vn/binh-thuan/tu/cv/2023/698]\n")
    );
}

/// `parse` and `text` read stdin when given no path and stdin is not a
/// terminal; `symbol -` reads stdin (`-` among other arguments too).
#[test]
fn stdin_without_a_path_and_symbol_dash() {
    let dir = repo(true);
    let letter = std::fs::read(dir.path().join("docs").join(F000)).unwrap();
    for cmd in ["parse", "text"] {
        let dash = vanban(dir.path())
            .args([cmd, "-"])
            .write_stdin(letter.clone())
            .output()
            .unwrap();
        let none = vanban(dir.path())
            .arg(cmd)
            .write_stdin(letter.clone())
            .output()
            .unwrap();
        assert!(dash.status.success() && none.status.success());
        assert_eq!(none.stdout, dash.stdout, "{cmd}");
    }
    let out = vanban(dir.path())
        .args(["parse", "--format", "json"])
        .write_stdin(letter)
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (doc["path"].as_str(), doc["symbol"].as_str()),
        (Some("-"), Some("698-CV/TU"))
    );
    let out = vanban(dir.path())
        .args(["symbol", "--format", "text", "1/UBND", "-", "3/QĐ-TTg"])
        .write_stdin("30/2020/nđ- CP\n")
        .output()
        .unwrap();
    let lines: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split('\t').take(2).collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(
        lines,
        ["1/UBND 1/UBND", "30/2020/nđ- CP 30/2020/NĐ-CP", "3/QĐ-TTg 3/QĐ-TTg"]
    );
    let out = vanban(dir.path())
        .args(["symbol", "-"])
        .write_stdin("698-CV/TU\n")
        .output()
        .unwrap();
    let rec: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rec["symbol"], "698-CV/TU");
}
