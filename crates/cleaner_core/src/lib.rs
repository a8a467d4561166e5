//! cleaner_core: the engine of `cleaner`, which strips site chrome from scraped article text
//! and names the rule behind every removed line.
//!
//! A `Page` holds the input's lines and what has been removed; each rule (`rules`) reads the
//! page and returns removals; the `pipeline` applies them, runs the rules to a fixed point and
//! keeps the ledger. The `layout` finds the article for the position rules; `lexicon` holds
//! the chrome phrases of every language; `pyre` and `pychar` give the patterns and string
//! measures the semantics of the Python they were specified in.

pub mod fragments;
pub mod jsonl;
pub mod layout;
pub mod lexicon;
pub mod markup;
pub mod page;
mod pattern_facts;
pub mod pipeline;
pub mod prefilter;
pub mod pychar;
mod pychar_tables;
pub mod pyre;
pub mod rule;
pub mod rules;
pub mod text;

pub use page::Removal;
pub use pipeline::{run, Outcome, RunOptions};
pub use rule::{Rule, RuleMeta};

/// The Unicode version of the character tables (Python's, which generated them).
pub fn unicode_version() -> &'static str {
    pychar_tables::UNICODE_VERSION
}
