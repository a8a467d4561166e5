//! One large text cleaned once, for a heap profiler: where plain-text mode's memory goes.
//!
//! `valgrind --tool=massif target/release/examples/page_memory FILE` and `ms_print` show
//! the peak and the allocation sites that hold it; the example prints the input's size.
use cleaner_core::rules::ALL;
use cleaner_core::RunOptions;

fn main() {
    let path = std::env::args().nth(1).expect("a text file");
    let text = std::fs::read_to_string(&path).expect("a UTF-8 text file");
    let outcome = cleaner_core::run(&text, ALL, RunOptions::default());
    let removed: usize = outcome.removals.iter().map(|r| r.text.len()).sum();
    println!("input {} bytes, kept {} bytes, removed {} bytes", text.len(), outcome.text.len(), removed);
}
