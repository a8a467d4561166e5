//! `cleaner._core`: the Python face of cleaner_core. No cleaning logic lives here: each call
//! converts its arguments, runs the core once per document, and converts the outcome.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use cleaner_core::markup::{self, InputFormat};
use cleaner_core::{pipeline, rules, text, Outcome, Rule, RunOptions};

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
    let active = resolve(&codes)?;
    let options = RunOptions { body_only: !keep_headline, headline, format: self::input_format(input_format)? };
    Ok(py.allow_threads(|| convert(pipeline::run(text, &active, options))))
}

/// Clean many texts in one call, without the GIL, so that threads run it side by side.
#[pyfunction]
#[pyo3(signature = (texts, codes, keep_headline=true, input_format="auto"))]
fn explain_batch(
    py: Python<'_>,
    texts: Vec<String>,
    codes: Vec<String>,
    keep_headline: bool,
    input_format: &str,
) -> PyResult<Vec<PyOutcome>> {
    let active = resolve(&codes)?;
    let options = RunOptions { body_only: !keep_headline, headline: None, format: self::input_format(input_format)? };
    Ok(py.allow_threads(|| texts.iter().map(|t| convert(pipeline::run(t, &active, options))).collect()))
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
    m.add_function(wrap_pyfunction!(explain_batch, m)?)?;
    m.add_function(wrap_pyfunction!(rule_table, m)?)?;
    m.add_function(wrap_pyfunction!(fingerprint, m)?)?;
    m.add_function(wrap_pyfunction!(word_count, m)?)?;
    m.add_function(wrap_pyfunction!(detect_layout, m)?)?;
    m.add_function(wrap_pyfunction!(visible_text, m)?)?;
    m.add("UNICODE_VERSION", cleaner_core::unicode_version())?;
    Ok(())
}
