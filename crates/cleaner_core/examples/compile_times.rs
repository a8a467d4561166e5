//! Time each rule's first use, which compiles its patterns: `cargo run --release --example compile_times`.
use std::time::Instant;

use cleaner_core::page::Page;
use cleaner_core::rules::ALL;

fn main() {
    let text = "By Jane Doe\nPhoto: x\nRelated\nThe talks ended on Sunday with a joint statement, the ministry said in Seoul.\n* a\n";
    let mut total = 0.0;
    for rule in ALL {
        let visible = cleaner_core::text::visible(text);
        let page = Page::new(text, &visible, false, None);
        let t = Instant::now();
        rule.find(&page);
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        total += ms;
        println!("{} {:>7.1} ms", rule.meta().code, ms);
    }
    println!("total {total:.1} ms");
}
