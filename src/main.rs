//! The `vanban` command-line tool.

mod cli;

// Many small allocations from many threads (a corpus read in parallel):
// mimalloc keeps them cheap.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let code = cli::run();
    std::process::exit(code);
}
