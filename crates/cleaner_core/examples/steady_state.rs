//! The steady state of cleaning, for a profiler: every pattern is compiled, and the literal
//! index grown into its DFA, on warm-up passes over the pages; then `measured` cleans them
//! once more.
//!
//! `valgrind --tool=callgrind --toggle-collect='steady_state::measured' \
//!   target/release/examples/steady_state DIR...` counts the instructions of cleaning alone;
//! divided by the number of pages it prints, that is the cost of a page.
mod common;

use cleaner_core::rules::ALL;
use cleaner_core::RunOptions;

fn main() {
    let texts = common::pages_from_args();
    let lines: usize = texts.iter().map(|t| t.lines().count()).sum();
    // Not every line is scanned (blank ones are not): three times the lines, to be sure.
    let warm_passes = std::env::var("WARM_PASSES")
        .map_or(1 + 3 * cleaner_core::prefilter::DFA_AFTER_LINES / lines.max(1), |v| v.parse().expect("a count"));
    let mut warm = 0;
    for _ in 0..warm_passes {
        warm = texts.iter().map(|t| clean(t)).sum();
    }
    let start = std::time::Instant::now();
    let kept = measured(&texts);
    let seconds = start.elapsed().as_secs_f64();
    assert_eq!(warm, kept, "the second pass cleans as the first");
    println!("pages {} in {:.1} ms: {:.0} pages/s", texts.len(), seconds * 1000.0, texts.len() as f64 / seconds);
}

#[inline(never)]
fn measured(texts: &[String]) -> usize {
    texts.iter().map(|t| clean(t)).sum()
}

fn clean(text: &str) -> usize {
    cleaner_core::run(text, ALL, RunOptions { body_only: true, headline: None, ..Default::default() }).text.len()
}
