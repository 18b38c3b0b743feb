fn main() {
    for p in std::env::args().skip(1) {
        let t = std::fs::read_to_string(&p).unwrap();
        let n = vanban::normalize::normalize(&t);
        print!("{}", n.text());
    }
}
