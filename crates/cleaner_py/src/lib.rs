//! `cleaner._core`: the Python face of cleaner_core. No cleaning logic lives here: each call
//! converts its arguments, runs the core once per document, and converts the outcome.

use std::panic::AssertUnwindSafe;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

use cleaner_core::markup::{self, InputFormat};
use cleaner_core::{jsonl, pipeline, rules, text, Outcome, Rule, RunOptions};

/// A removal as Python receives it: (code, name, start, end, text).
type PyRemoval = (&'static str, &'static str, usize, usize, String);

fn resolve(codes: &[String]) -> PyResult<Vec<&'static dyn Rule>> {
    codes
        .iter()
        .map(|code| rules::get(code).ok_or_else(|| PyValueError::new_err(format!("unknown rule {code:?}"))))
        .collect()
}

fn input_format(name: &str) -> PyResult<InputFormat> {
    InputFormat::parse(name)
        .ok_or_else(|| PyValueError::new_err(format!("unknown input format {name:?}: auto, markdown, text or nodes")))
}

/// An outcome as Python receives it: (clean text, removals, read as markdown, blank-separated,
/// read as one text node a line).
type PyOutcome = (String, Vec<PyRemoval>, bool, bool, bool);

fn convert(outcome: Outcome) -> PyOutcome {
    let removals = outcome.removals.into_iter().map(|r| (r.rule.code, r.rule.name, r.start, r.end, r.text)).collect();
    (outcome.text, removals, outcome.markdown, outcome.blank_separated, outcome.nodes)
}

/// Clean one text with the rules given by code, in pipeline order: (clean text, removals,
/// read as markdown, blank lines between blocks, read as one text node a line).
#[pyfunction]
#[pyo3(signature = (text, codes, keep_headline=true, headline=None, input_format="auto"))]
fn explain(
    py: Python<'_>,
    text: &str,
    codes: Vec<String>,
    keep_headline: bool,
    headline: Option<&str>,
    input_format: &str,
) -> PyResult<PyOutcome> {
    run_one(py, text, &codes, keep_headline, headline, input_format)
}

/// One text cleaned without the GIL, as `explain` and `explain_utf8` give it.
fn run_one(
    py: Python<'_>,
    text: &str,
    codes: &[String],
    keep_headline: bool,
    headline: Option<&str>,
    input_format: &str,
) -> PyResult<PyOutcome> {
    let active = resolve(codes)?;
    let options = RunOptions { body_only: !keep_headline, headline, format: self::input_format(input_format)? };
    Ok(py.allow_threads(|| convert(pipeline::run(text, &active, options))))
}

/// An outcome whose clean text is UTF-8 bytes.
type PyUtf8Outcome<'py> = (Bound<'py, PyBytes>, Vec<PyRemoval>, bool, bool, bool);

/// `explain` on UTF-8 bytes, with the clean text as UTF-8 bytes: a large file is cleaned
/// without a Python `str` of it (up to four bytes a character) and its UTF-8 copy. Bytes that
/// are not UTF-8 raise ValueError with the offset of the first bad byte as its argument.
#[pyfunction]
#[pyo3(signature = (data, codes, keep_headline=true, headline=None, input_format="auto"))]
fn explain_utf8<'py>(
    py: Python<'py>,
    data: &[u8],
    codes: Vec<String>,
    keep_headline: bool,
    headline: Option<&str>,
    input_format: &str,
) -> PyResult<PyUtf8Outcome<'py>> {
    let text = std::str::from_utf8(data).map_err(|e| PyValueError::new_err(e.valid_up_to()))?;
    let (clean, removals, markdown, blank_separated, nodes) =
        run_one(py, text, &codes, keep_headline, headline, input_format)?;
    Ok((PyBytes::new(py, clean.as_bytes()), removals, markdown, blank_separated, nodes))
}

/// A record cleaned by the core, as Python receives it: (line to write, bytes in, bytes removed).
type PyRecord<'py> = (Bound<'py, PyBytes>, usize, usize);

/// Corpus mode's fast path: clean the text `field` of each JSON Lines record in `lines`, in
/// place, in one call without the GIL (`cleaner_core::jsonl`). Per line: (the line to write,
/// the field's bytes in, bytes removed), or None where corpus mode must take the record itself
/// (invalid or unusual JSON, a missing or non-string field, a value that may be HTML when
/// `sniff_html`, a markdown value when `visible_output` asks for its visible text, or a
/// failure of the core, which corpus mode then reports).
#[pyfunction]
#[pyo3(signature = (lines, field, codes, keep_headline=true, input_format="auto", sniff_html=true, visible_output=false))]
#[allow(clippy::too_many_arguments)]
fn clean_records<'py>(
    py: Python<'py>,
    lines: Vec<Bound<'py, PyBytes>>,
    field: &str,
    codes: Vec<String>,
    keep_headline: bool,
    input_format: &str,
    sniff_html: bool,
    visible_output: bool,
) -> PyResult<Vec<Option<PyRecord<'py>>>> {
    let active = resolve(&codes)?;
    let options = RunOptions { body_only: !keep_headline, headline: None, format: self::input_format(input_format)? };
    let raws: Vec<&[u8]> = lines.iter().map(|line| line.as_bytes()).collect();
    let cleaned: Vec<Option<jsonl::Cleaned>> = py.allow_threads(|| {
        raws.iter()
            .map(|raw| {
                let clean = |text: &str| {
                    if sniff_html && jsonl::may_be_html(text) {
                        return None;
                    }
                    // Visible text of markdown is written by corpus mode: decline before cleaning.
                    if visible_output && options.format.reads_markdown(&markup::detect(text)) {
                        return None;
                    }
                    // Rules keep no state between runs (a page is built per run): after a
                    // panic nothing is left half-changed for the next record.
                    let run = AssertUnwindSafe(|| pipeline::run(text, &active, options));
                    let outcome = std::panic::catch_unwind(run).ok()?;
                    Some(outcome.text)
                };
                jsonl::clean_record(raw, field, clean)
            })
            .collect()
    });
    Ok(cleaned.into_iter().map(|c| c.map(|c| (PyBytes::new(py, &c.line), c.bytes_in, c.bytes_removed))).collect())
}

/// Every rule's metadata, in pipeline order.
#[pyfunction]
fn rule_table(py: Python<'_>) -> PyResult<Vec<Bound<'_, PyDict>>> {
    rules::ALL
        .iter()
        .map(|rule| {
            let meta = rule.meta();
            let row = PyDict::new(py);
            row.set_item("code", meta.code)?;
            row.set_item("name", meta.name)?;
            row.set_item("doc", meta.doc)?;
            row.set_item("line_local", meta.line_local)?;
            row.set_item("position", meta.position)?;
            row.set_item("ends_body", meta.ends_body)?;
            Ok(row)
        })
        .collect()
}

/// The layout of a text: (markdown, blank lines between blocks).
#[pyfunction]
fn detect_layout(text: &str) -> (bool, bool) {
    let found = markup::detect(text);
    (found.markdown, found.blank_separated)
}

/// A text's visible lines (markdown read as `markup::parse` reads it; plain text as it is):
/// link text without its URL, no image, emphasis, heading or table syntax.
#[pyfunction]
fn visible_text(text: &str) -> String {
    markup::parse(text).visible
}

/// Case-, accent- and punctuation-insensitive form of a line, for comparing lines.
#[pyfunction]
fn fingerprint(text: &str) -> String {
    text::fingerprint(text)
}

/// Whitespace words, with runs of CJK characters counted as words of two characters: how
/// long a text is, in the words the rules' thresholds count.
#[pyfunction]
fn word_count(text: &str) -> usize {
    text::word_count(text)
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(explain, m)?)?;
    m.add_function(wrap_pyfunction!(explain_utf8, m)?)?;
    m.add_function(wrap_pyfunction!(clean_records, m)?)?;
    m.add_function(wrap_pyfunction!(rule_table, m)?)?;
    m.add_function(wrap_pyfunction!(fingerprint, m)?)?;
    m.add_function(wrap_pyfunction!(word_count, m)?)?;
    m.add_function(wrap_pyfunction!(detect_layout, m)?)?;
    m.add_function(wrap_pyfunction!(visible_text, m)?)?;
    m.add("UNICODE_VERSION", cleaner_core::unicode_version())?;
    Ok(())
}
