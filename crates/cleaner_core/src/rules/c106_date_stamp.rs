//! C106 date-stamp: lines that hold only a date, a time, an update stamp or a reading time.

use crate::page::{Page, Removal};
use crate::pyre::{Mode, PyRegex};
use crate::rule::{Pattern, Rule, RuleMeta};
use crate::text::is_date_stamp;

pub static META: RuleMeta = RuleMeta { line_local: true, ..RuleMeta::new("C106", "date-stamp", DOC) };

const DOC: &str = "\
Lines that hold only a date, a time, an update stamp or a reading time.

Removed:
    Wednesday, Aug 27, 2025
Removed:
    Updated: 3 hours ago
Removed:
    10H ago
Removed:
    Reading time: 4 minutes
Kept:
    May was the warmest month on record in 2025.
";

/// "10H ago", "5m ago", "Updated 2d ago": the compact ages of news tickers, which glue the
/// unit to the number and so are not tokens of a spelled-out stamp.
static COMPACT_AGE: Pattern = Pattern::new(|| {
    PyRegex::new(r"(?:(?:updated|posted|published)\s*:?\s*)?\d{1,3}\s?(?:[smhdw]|hr|min)\.? ago", true, Mode::FullMatch)
});

/// "5 min read", "Reading time: 4 minutes", "Lesezeit: ca. 3 Min.", "Tempo de leitura: 1
/// minuto": the reading time a page prints beside its date.
static READING_TIME: Pattern = Pattern::new(|| {
    PyRegex::new(
        concat!(
            r"(?:(?:estimated )?(?:reading time|read time|lesezeit|lesedauer|tempo de leitura|tiempo de lectura|temps de lecture",
            r"|tempo di lettura|czas czytania|leestijd)\s*:?\s*(?:ca\.?\s*|about\s*|~\s*)?\d{1,3}\s*",
            r"(?:min(?:ute|uten|uto|utos|uti|utes)?s?\.?)",
            r"|\d{1,3}\s*(?:-\s*)?(?:min(?:ute)?s?\.?) read)",
        ),
        true,
        Mode::FullMatch,
    )
});

/// "Release Date:", "Published on:", "Veröffentlicht am:": a date's label whose date was not extracted.
static DATE_LABEL: Pattern = Pattern::new(|| {
    PyRegex::new(
        concat!(
            r"(?:release|publication|published|posted|updated|last updated|erscheinungs|veröffentlichungs|veröffentlicht|aktualisiert)\s?(?:date|datum|on|am)?",
            r"\s*:",
        ),
        true,
        Mode::FullMatch,
    )
});

pub struct DateStamp;
pub static RULE: DateStamp = DateStamp;

impl Rule for DateStamp {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn line_patterns(&'static self) -> Vec<&'static PyRegex> {
        vec![&*COMPACT_AGE, &*READING_TIME, &*DATE_LABEL]
    }

    fn find(&self, page: &Page<'_>) -> Vec<Removal> {
        page.remove_lines_where(&META, |number| {
            is_date_stamp(page.hay(number))
                || [&COMPACT_AGE, &READING_TIME, &DATE_LABEL].iter().any(|p| p.is_match(page.hay(number)))
        })
    }
}
