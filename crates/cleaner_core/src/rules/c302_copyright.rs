//! C302 copyright: copyright and all-rights-reserved lines.

use std::sync::LazyLock;

use crate::lexicon;
use crate::page::{Page, Removal};
use crate::pychar;
use crate::pyre::{Hay, Mode, PyRegex};
use crate::rule::{Rule, RuleMeta};

pub static META: RuleMeta = RuleMeta { line_local: true, ..RuleMeta::new("C302", "copyright", DOC) };

const DOC: &str = "\
Copyright and all-rights-reserved lines.

Removed:
    ©2025 Bloomberg L.P. Visit bloomberg.com. Distributed by Tribune Content Agency, LLC.
Kept:
    Copyright lawyers say the ruling will change how songs are sampled.
Kept:
    (c) no heir has registered a claim.
";

/// "©2025 Bloomberg L.P. …", "Copyright © 2019 The Times. All rights reserved.", "(c) 2024
/// Example Media". "ⓒ" (circled c) stands for "©" on Korean and Japanese pages.
static COPYRIGHT: LazyLock<PyRegex> =
    LazyLock::new(|| PyRegex::new(r"(?:©|ⓒ|\(c\)|copyright\b|\u2117).{0,400}", true, Mode::FullMatch));
/// "… The Times. All rights reserved.", "Copyright The Channel Company, All rights reserved":
/// the phrase opens the line or follows a mark, a year or the end of the owner's name; in prose
/// ("argue that all rights reserved to authors should lapse") it follows a plain word. Polish
/// pages open the notice with "Materiał chroniony prawem autorskim".
static ALL_RIGHTS: LazyLock<PyRegex> = LazyLock::new(|| {
    PyRegex::new(
        concat!(
            r"(?:^|[.,;:|)©]\s*|\d{4}\s+)(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos",
            r"|materiał chroniony prawem autorskim)",
        ),
        true,
        Mode::Search,
    )
});
/// "(c) 2024 Example Media": "(c)" is a mark only before a year; "(c) no heir has …" is a list item.
static LETTER_C_MARK: LazyLock<PyRegex> = LazyLock::new(|| PyRegex::new(r"\(c\)\s*\d{4}", true, Mode::Match));
/// "Copyright " before "© 2019 …", "(c) The Times" or "2019 …"
static COPYRIGHT_WORD: LazyLock<PyRegex> = LazyLock::new(|| PyRegex::new(r"copyright\s*", true, Mode::Match));
/// "Copyright Example Media 2019 - ISSN: 1234-5678": the owner, then the year closing the notice
/// or followed by a dash or bar; "Copyright Office 2019 report found …" and "Copyright Act 1976,
/// section 107, …" go on as sentences.
static OWNER_YEAR: LazyLock<PyRegex> = LazyLock::new(|| {
    PyRegex::new(
        r"copyright\s+(?:(?-i:[A-Z])[\w.&'’-]*\s+){1,4}(?:19|20)\d{2}(?:\s*[-–|].{0,80}|\.)?",
        true,
        Mode::FullMatch,
    )
});
/// A copyright line is a sentence or two; longer is prose about copyright.
const MAX_NOTICE_WORDS: usize = 60;

pub struct Copyright;
pub static RULE: Copyright = Copyright;

impl Rule for Copyright {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn line_patterns(&'static self) -> Vec<&'static PyRegex> {
        vec![&*ALL_RIGHTS, &*COPYRIGHT]
    }

    fn find(&self, page: &Page<'_>) -> Vec<Removal> {
        let table = lexicon::table_bit(META.name);
        let closing = lexicon::phrases(META.name);
        page.remove_lines_where(&META, |number| {
            if page.features(number).words > MAX_NOTICE_WORDS {
                return false;
            }
            // "Editora Globo S/A. Todos os direitos reservados." — the notice closes its line.
            let reserved = ALL_RIGHTS.is_match(page.hay(number)) || closing.closes(page.normalized(number));
            starts_with_mark(page.hay(number)) || reserved || page.in_lexicon(table, number)
        })
    }
}

/// "© 2025 …" or "Copyright 2019 …" / "Copyright © …"; not "Copyright lawyers say …".
fn starts_with_mark(hay: Hay<'_>) -> bool {
    if !COPYRIGHT.is_match(hay) {
        return false;
    }
    let text = hay.text;
    let first = pychar::first_char(text);
    if matches!(first, Some('©' | 'ⓒ' | '\u{2117}')) {
        return true;
    }
    if first == Some('(') {
        return LETTER_C_MARK.is_match(text);
    }
    let rest = match COPYRIGHT_WORD.find(text) {
        Some((_, end)) => &text[end..],
        None => text,
    };
    let next = pychar::first_char(rest);
    matches!(next, Some('©' | 'ⓒ' | '(')) || next.is_some_and(pychar::is_digit) || OWNER_YEAR.is_match(text)
}
