fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/docs");
    let mut texts = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        texts.push(std::fs::read_to_string(&p).unwrap());
    }
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let t = std::time::Instant::now();
    let mut n = 0;
    let reps = std::env::var("REPS").ok().and_then(|r| r.parse().ok()).unwrap_or(1);
    for _ in 0..reps { for x in &texts { n += vanban::parse(x).citations.len(); } }
    let bytes = bytes * reps;
    let s = t.elapsed().as_secs_f64();
    println!("{} citations, {:.1} MB in {:.2} s = {:.1} MB/s", n, bytes as f64/1e6, s, bytes as f64/1e6/s);
    let t = std::time::Instant::now();
    for x in &texts { std::hint::black_box(vanban::normalize::normalize(x)); }
    let s = t.elapsed().as_secs_f64();
    println!("normalize {:.1} MB/s", bytes as f64/1e6/s);
}
