//! The `vanban` command-line tool.

mod cli;

fn main() {
    let code = cli::run();
    std::process::exit(code);
}
