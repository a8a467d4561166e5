//! Every rule against its documentation's examples and its fixture cases, run by the core
//! alone (`cargo test -p cleaner_core`); the Python suite runs the same fixtures through the
//! package's golden-test plugin.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use cleaner_core::rules::{self, ALL};
use cleaner_core::{run, RunOptions};

const CONTEXT: &str = "= ";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/rules")
}

#[test]
fn every_rule_is_well_formed_and_in_code_order() {
    let codes: Vec<&str> = ALL.iter().map(|r| r.meta().code).collect();
    let mut sorted = codes.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(codes, sorted, "codes are unique and in pipeline order");
    for rule in ALL {
        let meta = rule.meta();
        assert!(meta.summary().chars().count() <= 72 && !meta.summary().is_empty(), "{}", meta.code);
        let sections: BTreeSet<&str> = meta.examples().iter().map(|(s, _)| *s).collect();
        assert_eq!(sections, BTreeSet::from(["Kept", "Removed"]), "{} needs both examples", meta.code);
        assert!(rules::get(meta.name).is_some() && rules::get(&meta.code.to_lowercase()).is_some());
    }
    assert_eq!(ALL.iter().filter(|r| r.meta().position).count(), 1, "one position rule");
}

#[test]
fn documentation_examples_hold() {
    for rule in ALL {
        let meta = rule.meta();
        for (section, example) in meta.examples() {
            let lines: Vec<&str> = example.split('\n').collect();
            let text: Vec<&str> = lines.iter().map(|l| l.strip_prefix(CONTEXT).unwrap_or(l)).collect();
            let outcome =
                run(&text.join("\n"), &[*rule], RunOptions { body_only: true, headline: None, ..Default::default() });
            let removed: BTreeSet<usize> = outcome
                .removals
                .iter()
                .flat_map(|r| r.start..=r.end)
                .filter(|&n| !lines[n - 1].trim().is_empty())
                .collect();
            let expected: BTreeSet<usize> = if section == "Kept" {
                BTreeSet::new()
            } else {
                (1..=lines.len())
                    .filter(|&n| !lines[n - 1].trim().is_empty() && !lines[n - 1].starts_with(CONTEXT))
                    .collect()
            };
            assert_eq!(removed, expected, "{} {section} example:\n{example}", meta.code);
        }
    }
}

/// The `removals` of a fixture's JSON as (code, start, end, text).
fn expected_removals(path: &Path) -> Vec<(String, usize, usize, String)> {
    // {"removals": [{"code", "text"}], "first_lines": [..]}: a removal ends one line per "\n"
    // of its text after its first line (the golden plugin's format; see cleaner/pytest_plugin.py).
    let json: serde_json::Value = serde_json::from_str(&fs::read_to_string(path).expect("a .json")).expect("JSON");
    let removals = json["removals"].as_array().expect("a list");
    let empty = Vec::new();
    let first_lines = json.get("first_lines").map_or(&empty, |f| f.as_array().expect("first_lines is a list"));
    assert_eq!(removals.len(), first_lines.len(), "{}: one first line per removal", path.display());
    removals
        .iter()
        .zip(first_lines)
        .map(|(r, first)| {
            let text = r["text"].as_str().expect("text").to_string();
            let start = first.as_u64().expect("a line number") as usize;
            (r["code"].as_str().expect("code").to_string(), start, start + text.matches('\n').count(), text)
        })
        .collect()
}

#[test]
fn rule_fixtures_hold() {
    let mut checked = 0;
    for rule in ALL {
        let code = rule.meta().code;
        let folder = fixtures().join(code);
        let config = fs::read_to_string(folder.join("cleaner.toml")).unwrap_or_default();
        let body_only = config.contains("keep_headline = false");
        let mut names: Vec<PathBuf> = fs::read_dir(&folder)
            .unwrap_or_else(|_| panic!("fixtures/rules/{code} is missing"))
            .map(|e| e.expect("an entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt") && !p.to_string_lossy().ends_with(".expected.txt"))
            .collect();
        names.sort();
        let kinds: BTreeSet<bool> =
            names.iter().map(|p| p.file_name().unwrap().to_string_lossy().starts_with("removes_")).collect();
        assert_eq!(kinds.len(), 2, "fixtures/rules/{code} needs removes_ and keeps_ cases");
        for page in names {
            let input = fs::read_to_string(&page).expect("UTF-8 input");
            let outcome = run(&input, &[*rule], RunOptions { body_only, headline: None, ..Default::default() });
            let stem = page.with_extension("");
            let expected_text = fs::read_to_string(stem.with_extension("expected.txt")).expect(".expected.txt");
            assert_eq!(outcome.text, expected_text, "{}", page.display());
            let got: Vec<(String, usize, usize, String)> =
                outcome.removals.iter().map(|r| (r.rule.code.to_string(), r.start, r.end, r.text.clone())).collect();
            assert_eq!(got, expected_removals(&stem.with_extension("json")), "{}", page.display());
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} fixture cases found");
}

#[test]
fn cleaning_is_idempotent_on_the_fixture_pages() {
    let pipeline = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/pipeline");
    for entry in fs::read_dir(pipeline).expect("fixtures/pipeline") {
        let path = entry.expect("an entry").path();
        if !path.to_string_lossy().ends_with(".txt") || path.to_string_lossy().ends_with(".expected.txt") {
            continue;
        }
        let input = fs::read_to_string(&path).expect("UTF-8");
        for body_only in [false, true] {
            let once = run(&input, ALL, RunOptions { body_only, headline: None, ..Default::default() });
            let twice = run(&once.text, ALL, RunOptions { body_only, headline: None, ..Default::default() });
            assert_eq!(twice.text, once.text, "{}", path.display());
            assert!(twice.removals.is_empty(), "{}", path.display());
        }
    }
}

#[test]
fn invisible_characters_hide_no_chrome_and_stay_in_the_output() {
    // A zero-width space, a word joiner, a byte-order mark (from `cat a.txt b.txt`) or soft
    // hyphens in a chrome line: the rules read the line without them.
    let article = "Die Stadt baut bis 2030 eine neue Stra\u{ad}ßen\u{ad}bahn, die den Bahnhof mit dem Hafen \
                   verbindet und täglich zwanzigtausend Fahrgäste befördern soll.";
    for chrome in ["\u{200b}Follow us", "\u{2060}Follow us", "\u{feff}Follow us", "Fol\u{ad}low us"] {
        let input = format!("{article}\n\n{chrome}\n\n{article}\n");
        let outcome = run(&input, ALL, RunOptions { body_only: false, headline: None, ..Default::default() });
        let removed: Vec<(&str, &str)> = outcome.removals.iter().map(|r| (r.rule.code, r.text.as_str())).collect();
        assert_eq!(removed, [("C102", chrome)], "{chrome:?}");
        assert_eq!(outcome.text, format!("{article}\n\n{article}\n"), "the article keeps its soft hyphens");
    }
}

#[test]
fn a_line_of_invisible_characters_is_blank() {
    let input = "First paragraph of the story, long enough to read as prose.\n\u{feff}  \u{200b}\n\nSecond one.\n";
    let outcome = run(input, ALL, RunOptions { body_only: false, headline: None, ..Default::default() });
    assert!(outcome.removals.is_empty(), "{:?}", outcome.removals);
    assert_eq!(outcome.text, "First paragraph of the story, long enough to read as prose.\n\nSecond one.\n");
}
