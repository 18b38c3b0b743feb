fn main() {
    for p in std::env::args().skip(1) {
        let t = std::fs::read_to_string(&p).unwrap();
        let mut d = vanban::parse(&t);
        d.citations.clear();
        let mut v = serde_json::to_value(&d).unwrap();
        v.as_object_mut().unwrap().remove("spans");
        if let Some(f) = v.get_mut("footnotes").and_then(|f| f.as_array_mut()) {
            for x in f {
                let t = x["text"].as_str().unwrap().chars().take(40).collect::<String>();
                x["text"] = t.into();
            }
        }
        if let Some(f) = v.get_mut("sections").and_then(|f| f.as_array_mut()) {
            let n = f.len();
            f.truncate(3);
            f.push(n.into());
        }
        println!("== {p}\n{}", serde_json::to_string_pretty(&v).unwrap());
        for (name, sp) in [
            ("symbol", d.spans.symbol),
            ("date", d.spans.date),
            ("place", d.spans.place),
            ("subject", d.spans.subject),
            ("issuer", d.spans.issuer),
            ("family", d.spans.family),
            ("doc_type", d.spans.doc_type),
        ] {
            if let Some(s) = sp {
                println!("  span {name}: {:?}", s.slice(&t));
            }
        }
        if let Some(b) = d.spans.body {
            let s = b.slice(&t);
            println!(
                "  body: {:?} .. {:?}",
                s.chars().take(30).collect::<String>(),
                s.chars()
                    .rev()
                    .take(30)
                    .collect::<String>()
                    .chars()
                    .rev()
                    .collect::<String>()
            );
        }
    }
}
