//! Time per rule over a folder of pages: `cargo run --release --example rule_times -- DIR...`.
mod common;

use std::time::Instant;

use cleaner_core::page::Page;
use cleaner_core::rules::ALL;

fn main() {
    let texts = common::pages_from_args();
    let warm = Instant::now();
    // WARM=all cleans every page once first, so that what follows is the steady state.
    let warm_all = std::env::var("WARM").is_ok_and(|v| v == "all");
    for text in texts.iter().take(if warm_all { texts.len() } else { 1 }) {
        cleaner_core::run(
            text,
            ALL,
            cleaner_core::RunOptions { body_only: true, headline: None, ..Default::default() },
        );
    }
    println!("warm-up (compiles the patterns): {:.1} ms", warm.elapsed().as_secs_f64() * 1000.0);
    let mut totals = vec![0.0f64; ALL.len()];
    let start = Instant::now();
    for text in &texts {
        let visible = cleaner_core::text::visible(text);
        let mut page = Page::new(text, &visible, false, None);
        for (i, rule) in ALL.iter().enumerate() {
            let t = Instant::now();
            let found = rule.find(&page);
            totals[i] += t.elapsed().as_secs_f64();
            for r in &found {
                page.apply(r);
            }
        }
    }
    let all = start.elapsed().as_secs_f64();
    let piped = Instant::now();
    for text in &texts {
        cleaner_core::run(
            text,
            ALL,
            cleaner_core::RunOptions { body_only: true, headline: None, ..Default::default() },
        );
    }
    let piped = piped.elapsed().as_secs_f64();
    println!("the whole pipeline (to its fixed point): {:.0} pages/s", texts.len() as f64 / piped);
    for (rule, t) in ALL.iter().zip(&totals) {
        println!("{} {:>8.1} ms", rule.meta().code, t * 1000.0);
    }
    println!("pages {} total {:.1} ms, {:.0} pages/s", texts.len(), all * 1000.0, texts.len() as f64 / all);
}
