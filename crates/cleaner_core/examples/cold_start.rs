//! What the first page costs, part by part: `cargo run --release --example cold_start -- FILE`.
use std::time::Instant;

fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).expect("a file")).expect("UTF-8");
    let t = Instant::now();
    let _ = cleaner_core::pyre::is_plain("é²");
    println!("stand-in table   {:>6.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let _ = cleaner_core::lexicon::tables_holding("x", None);
    println!("lexicons         {:>6.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let _ = &*cleaner_core::rules::LINE_PATTERNS;
    println!("pattern index    {:>6.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let options = cleaner_core::RunOptions { body_only: false, headline: None, ..Default::default() };
    let t = Instant::now();
    cleaner_core::run(&text, cleaner_core::rules::ALL, options);
    println!("first page       {:>6.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    cleaner_core::run(&text, cleaner_core::rules::ALL, options);
    println!("second page      {:>6.1} ms", t.elapsed().as_secs_f64() * 1e3);
}
