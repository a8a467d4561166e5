//! The page: input lines, what each rule removed, and per-line analyses computed once.
//!
//! Rules read a `Page` and return removals; only the pipeline marks lines removed
//! (`Page::apply`). Blank lines are layout, never removed: the output folds them.

use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;

use crate::layout::Layout;
use crate::lexicon;
use crate::markup::Markup;
use crate::prefilter::Candidates;
use crate::pychar;
use crate::pyre::{self, is_plain, Hay};
use crate::rule::RuleMeta;
use crate::rules::LINE_PATTERNS;
use crate::text::{self, VisibleLines};

/// One input line: its 1-based number, its text without the newline (what the output keeps),
/// and what the rules read of it: that text without invisible characters
/// (`text::visible`), stripped.
#[derive(Clone, Copy, Debug)]
pub struct Line<'a> {
    pub number: usize,
    pub text: &'a str,
    pub stripped: &'a str,
    /// True if patterns read the line as it is (`pyre::is_plain`), checked once.
    pub plain: bool,
}

impl<'a> Line<'a> {
    pub fn is_blank(&self) -> bool {
        self.stripped.is_empty()
    }
}

/// The measures every rule and the layout read of a line, computed once per page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Features {
    /// Characters of the stripped text (`len(str)`).
    pub chars: usize,
    /// Whitespace-separated words (`len(str.split())`).
    pub split_words: usize,
    /// Words with CJK text counted in pairs (`text::word_count`).
    pub words: usize,
    /// Ends like a sentence (`text::ends_like_sentence`).
    pub ends_sentence: bool,
}

/// `Features` as a page keeps them, in half the room (a count above u32::MAX saturates: every
/// threshold a rule compares a count with is far below it).
#[derive(Clone, Copy, Debug, Default)]
struct PackedFeatures {
    chars: u32,
    split_words: u32,
    words: u32,
    ends_sentence: bool,
}

impl PackedFeatures {
    fn of(text: &str) -> PackedFeatures {
        let f = Features::of(text);
        let pack = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        PackedFeatures {
            chars: pack(f.chars),
            split_words: pack(f.split_words),
            words: pack(f.words),
            ends_sentence: f.ends_sentence,
        }
    }

    fn unpacked(self) -> Features {
        Features {
            chars: self.chars as usize,
            split_words: self.split_words as usize,
            words: self.words as usize,
            ends_sentence: self.ends_sentence,
        }
    }
}

impl Features {
    pub fn of(text: &str) -> Features {
        let split_words = pychar::count_words(text);
        Features {
            chars: pychar::char_len(text),
            split_words,
            words: split_words + text::cjk_words(text),
            ends_sentence: text::ends_like_sentence(text),
        }
    }
}

/// A rule's test of a line that reads nothing but the line's stripped text (and its other
/// columns): its answer is the same in every pass, so the page keeps it (`Page::test`)
/// and the confirming pass's page takes it over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineTest {
    /// C107: a byline or an author-and-date stamp.
    Byline,
    /// C201: a related-stories heading.
    RelatedHeading,
    /// C203: a bulleted entry.
    Bullet,
    /// C910's layout: an author's self-introduction or bio (`layout::is_self_introduction`).
    SelfIntroduction,
}

/// Lines `start..=end` (1-based) of the input, removed by one rule, and their text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removal {
    pub rule: &'static RuleMeta,
    pub start: usize,
    pub end: usize,
    /// The lines' text, joined by "\n": left empty by the rules and quoted from the input by
    /// the pipeline (`pipeline::quote_lines`; for plain text once the page is dropped, since a
    /// page's removals can hold most of its text and copying it beside the page's per-line
    /// columns doubled plain-text mode's peak).
    pub text: String,
}

/// Per line: its normalised form ("" for a line longer than any phrase) and, for a "Label:
/// headline" line, its label's form, as spans of one buffer. The confirming pass's page
/// shares the buffer and copies the spans.
struct LexiconForms {
    buffer: Rc<String>,
    spans: Vec<FormSpan>,
}

/// A line's forms in `LexiconForms::buffer`: the normalised form at `start`, `form` bytes
/// long, and right after it the label's form, `prefix` bytes long, or NO_PREFIX for none. A
/// form is at most MAX_PHRASE_CHARS (or MAX_PREFIX_CHARS) characters, case-folded: far fewer
/// bytes than a u16 counts.
#[derive(Clone, Copy, Debug)]
struct FormSpan {
    start: usize,
    form: u16,
    prefix: u16,
}

const NO_PREFIX: u16 = u16::MAX;

impl FormSpan {
    const BLANK: FormSpan = FormSpan { start: 0, form: 0, prefix: NO_PREFIX };
}

impl LexiconForms {
    fn of(lines: &[Line<'_>]) -> LexiconForms {
        let mut buffer = String::new();
        let mut spans = Vec::with_capacity(lines.len());
        let length = |text: &str| u16::try_from(text.len()).expect("a form is far shorter than 64 KB");
        for line in lines {
            if line.is_blank() {
                spans.push(FormSpan::BLANK);
                continue;
            }
            let start = buffer.len();
            let form = lexicon::normalize(line.stripped);
            buffer.push_str(&form);
            let prefix = lexicon::prefix_form(line.stripped).map_or(NO_PREFIX, |label| {
                buffer.push_str(&label);
                length(&label)
            });
            spans.push(FormSpan { start, form: length(&form), prefix });
        }
        buffer.shrink_to_fit();
        LexiconForms { buffer: Rc::new(buffer), spans }
    }

    fn normalized(&self, i: usize) -> &str {
        let span = self.spans[i];
        &self.buffer[span.start..span.start + usize::from(span.form)]
    }

    fn prefix_form(&self, i: usize) -> Option<&str> {
        let span = self.spans[i];
        let start = span.start + usize::from(span.form);
        (span.prefix != NO_PREFIX).then(|| &self.buffer[start..start + usize::from(span.prefix)])
    }
}

/// A page of more lines than this hands its per-line columns over to the confirming pass's
/// page (`Page::derived`) instead of keeping them beside it.
const MOVE_COLUMNS_ABOVE_LINES: usize = 10_000;

/// An input split on "\n" and the lines removed from it so far.
pub struct Page<'a> {
    pub lines: Vec<Line<'a>>,
    pub keep_headline: bool,
    /// The page's headline when known from elsewhere (HTML metadata).
    pub headline: Option<&'a str>,
    removed: Vec<Option<&'static RuleMeta>>,
    removed_count: usize,
    forms: OnceCell<LexiconForms>,
    /// Per line: the lexicon tables that hold it (`lexicon::tables_holding`).
    lexicon_tables: OnceCell<Vec<u64>>,
    live: RefCell<Option<(usize, Rc<Vec<usize>>)>>,
    features: OnceCell<Vec<PackedFeatures>>,
    /// Per line: the answers of `LineTest`s, two bits each (known, answer).
    tests: Vec<Cell<u32>>,
    /// Per line: its share of capitalised words (`text::title_case_ratio`), on demand; NaN
    /// until asked (the ratio is never NaN).
    title_case: Vec<Cell<f64>>,
    /// Per line: the rules' line patterns that may match it (`rules::LINE_PATTERNS`).
    candidates: OnceCell<Vec<Candidates>>,
    pub(crate) layout: OnceCell<Layout>,
    /// Per line: its markdown markup (`markup::parse`); empty for plain text, where every
    /// line reads as `Markup::default()`.
    markup: Vec<Markup>,
    /// True if no blank lines separate the page's blocks (one block or one text node a
    /// line, `markup::Detected::blank_separated`): a table may come a cell a line there
    /// (`layout`'s cell tables).
    pub unseparated: bool,
}

impl<'a> Page<'a> {
    /// The page of `text`, whose rules read `visible` (`text::visible(text)`).
    pub fn new(text: &'a str, visible: &'a str, keep_headline: bool, headline: Option<&'a str>) -> Page<'a> {
        debug_assert_eq!(text.matches('\n').count(), visible.matches('\n').count(), "one visible line per line");
        let mut visible_lines = visible.split('\n');
        Page::build(text, |_, _| visible_lines.next().expect("one visible line per line"), keep_headline, headline)
    }

    /// The page of `text`, whose rules read each line without its invisible characters:
    /// `visible` is `text::VisibleLines::of(text)`.
    pub fn of_text(
        text: &'a str,
        visible: &'a VisibleLines,
        keep_headline: bool,
        headline: Option<&'a str>,
    ) -> Page<'a> {
        Page::build(text, |i, line| visible.line(i, line), keep_headline, headline)
    }

    /// A page whose line `i` (0-based), `t`, reads as `visible(i, t)`.
    fn build(
        text: &'a str,
        mut visible: impl FnMut(usize, &'a str) -> &'a str,
        keep_headline: bool,
        headline: Option<&'a str>,
    ) -> Page<'a> {
        // Sized once: a page of short lines would otherwise hold up to twice its lines.
        let mut lines: Vec<Line<'a>> = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
        lines.extend(text.split('\n').enumerate().map(|(i, t)| {
            let stripped = pychar::strip(visible(i, t));
            Line { number: i + 1, text: t, stripped, plain: is_plain(stripped) }
        }));
        Page::with_lines(lines, keep_headline, headline)
    }

    /// A page of `lines`, with every per-line column still to compute.
    fn with_lines(lines: Vec<Line<'a>>, keep_headline: bool, headline: Option<&'a str>) -> Page<'a> {
        let count = lines.len();
        Page {
            lines,
            keep_headline,
            headline,
            removed: vec![None; count],
            removed_count: 0,
            forms: OnceCell::new(),
            lexicon_tables: OnceCell::new(),
            live: RefCell::new(None),
            candidates: OnceCell::new(),
            features: OnceCell::new(),
            title_case: vec![Cell::new(f64::NAN); count],
            tests: vec![Cell::new(0); count],
            layout: OnceCell::new(),
            markup: Vec::new(),
            unseparated: false,
        }
    }

    /// This page, marked as written without blank lines between blocks (see `unseparated`).
    pub fn with_unseparated(self, unseparated: bool) -> Page<'a> {
        Page { unseparated, ..self }
    }

    /// This page with each line's markdown markup (one per line); the page's text is the
    /// visible text of the markdown (`markup::parse`).
    pub fn with_markup(self, markup: Vec<Markup>) -> Page<'a> {
        assert_eq!(markup.len(), self.lines.len(), "one markup per line");
        Page { markup, ..self }
    }

    /// True if the page was read from markdown.
    pub fn is_markdown(&self) -> bool {
        !self.markup.is_empty()
    }

    /// The markdown markup of line `number` (`Markup::default()` for plain text).
    #[inline]
    pub fn markup(&self, number: usize) -> Markup {
        self.markup.get(number - 1).copied().unwrap_or_default()
    }

    /// The page of `parent`'s kept lines, `kept` and their `numbers` (`kept_lines`: line `i` is
    /// `kept[i - 1]`, `parent`'s line `numbers[i - 1]`, and a last empty line), as a second run
    /// would read it, which takes over every per-line column `parent` computed: each is a
    /// function of the line's stripped text, which keeping a line does not change. The
    /// pipeline's confirming pass reads its page this way. A page of more than
    /// MOVE_COLUMNS_ABOVE_LINES lines gives its columns up (they are computed anew if it is
    /// derived from again).
    ///
    /// Its lines borrow `parent`'s text: no copy of the kept text is made. A kept line's
    /// stripped visible text is `parent`'s (stripping the trailing whitespace that the output
    /// drops changes nothing that `strip` would keep).
    pub fn derived(parent: &mut Page<'a>, kept: &[&'a str], numbers: &[usize]) -> Page<'a> {
        let origin = |i: usize| numbers.get(i).map(|&n| n - 1);
        let mut lines: Vec<Line<'a>> = Vec::with_capacity(numbers.len() + 1);
        lines.extend(kept.iter().zip(numbers).enumerate().map(|(i, (&text, &n))| {
            let from = &parent.lines[n - 1];
            Line { number: i + 1, text, stripped: from.stripped, plain: from.plain }
        }));
        lines.push(Line { number: numbers.len() + 1, text: "", stripped: "", plain: is_plain("") });
        let page = Page::with_lines(lines, parent.keep_headline, parent.headline);
        let blank = |i: usize| page.lines[i].is_blank();
        // On a long page each column is moved out of `parent`, mapped and dropped before the
        // next: the parent's lines and removals are all the pipeline reads of it afterwards,
        // and two full sets of columns at once doubled the peak of a text that is mostly kept.
        // A short page keeps its columns, which a third pass (rare) then reads again instead
        // of computing them anew.
        let moving = parent.lines.len() > MOVE_COLUMNS_ABOVE_LINES;
        fn take<T: Copy>(
            column: &mut OnceCell<Vec<T>>,
            rows: &[Option<usize>],
            blank: T,
            moving: bool,
        ) -> OnceCell<Vec<T>> {
            let mapped = |values: &[T]| rows.iter().map(|row| row.map_or(blank, |r| values[r])).collect();
            let taken = OnceCell::new();
            if moving {
                if let Some(values) = column.take() {
                    let _ = taken.set(mapped(&values));
                }
            } else if let Some(values) = column.get() {
                let _ = taken.set(mapped(values));
            }
            taken
        }
        let rows: Vec<Option<usize>> = (0..page.lines.len()).map(|i| if blank(i) { None } else { origin(i) }).collect();
        let features = take(&mut parent.features, &rows, PackedFeatures::default(), moving);
        let mapped_forms = |from: &LexiconForms| LexiconForms {
            buffer: Rc::clone(&from.buffer),
            spans: rows.iter().map(|row| row.map_or(FormSpan::BLANK, |r| from.spans[r])).collect(),
        };
        let forms = OnceCell::new();
        if moving {
            if let Some(from) = parent.forms.take() {
                let _ = forms.set(mapped_forms(&from));
            }
        } else if let Some(from) = parent.forms.get() {
            let _ = forms.set(mapped_forms(from));
        }
        let lexicon_tables = take(&mut parent.lexicon_tables, &rows, 0, moving);
        let candidates = take(&mut parent.candidates, &rows, 0, moving);
        let title_case = rows
            .iter()
            .map(|row| Cell::new(row.and_then(|r| parent.title_case.get(r)).map_or(f64::NAN, Cell::get)))
            .collect();
        let tests =
            rows.iter().map(|row| Cell::new(row.and_then(|r| parent.tests.get(r)).map_or(0, Cell::get))).collect();
        if moving {
            parent.title_case = Vec::new();
            parent.tests = Vec::new();
            parent.layout.take();
        }
        let markup = if parent.is_markdown() {
            rows.iter().map(|row| row.map_or_else(Markup::default, |r| parent.markup[r])).collect()
        } else {
            Vec::new()
        };
        Page {
            features,
            forms,
            lexicon_tables,
            candidates,
            title_case,
            tests,
            markup,
            unseparated: parent.unseparated,
            ..page
        }
    }

    /// Line `number` (1-based).
    #[inline]
    pub fn line(&self, number: usize) -> &Line<'a> {
        &self.lines[number - 1]
    }

    /// True if line `number` is non-blank and no rule removed it yet.
    #[inline]
    pub fn is_live(&self, number: usize) -> bool {
        self.removed[number - 1].is_none() && !self.lines[number - 1].is_blank()
    }

    /// The rule that removed line `number`, if any.
    #[inline]
    pub fn removed_by(&self, number: usize) -> Option<&'static RuleMeta> {
        self.removed[number - 1]
    }

    fn forms(&self) -> &LexiconForms {
        self.forms.get_or_init(|| LexiconForms::of(&self.lines))
    }

    /// The measures of line `number`'s stripped text, computed for every line at first use.
    pub fn features(&self, number: usize) -> Features {
        self.features.get_or_init(|| self.lines.iter().map(|l| PackedFeatures::of(l.stripped)).collect())[number - 1]
            .unpacked()
    }

    /// The answer of `test` for line `number`, computed by `compute` the first time.
    pub fn test(&self, test: LineTest, number: usize, compute: impl FnOnce() -> bool) -> bool {
        let (known, yes) = (1u32 << (2 * test as u32), 1u32 << (2 * test as u32 + 1));
        let cell = &self.tests[number - 1];
        if cell.get() & known == 0 {
            let answer = compute();
            cell.set(cell.get() | known | if answer { yes } else { 0 });
        }
        cell.get() & yes != 0
    }

    /// Line `number`'s share of capitalised words (`text::title_case_ratio`), computed once.
    pub fn title_case(&self, number: usize) -> f64 {
        let cell = &self.title_case[number - 1];
        if cell.get().is_nan() {
            cell.set(text::title_case_ratio(self.lines[number - 1].stripped));
        }
        cell.get()
    }

    /// The stripped text of line `number`, ready for patterns: its stand-ins checked and the
    /// line patterns that may match it found, once per page.
    #[inline]
    pub fn hay(&self, number: usize) -> Hay<'a> {
        let line = &self.lines[number - 1];
        self.hay_of(number, line.stripped)
    }

    /// A slice of line `number`'s stripped text, ready for patterns (see `hay`).
    #[inline]
    pub fn hay_of(&self, number: usize, slice: &'a str) -> Hay<'a> {
        let line = &self.lines[number - 1];
        Hay { text: slice, plain: line.plain, candidates: Some(self.candidates(number)) }
    }

    /// The rules' line patterns (`rules::LINE_PATTERNS`, one bit each) that may match line
    /// `number`, found for every line at first use.
    #[inline]
    pub fn candidates(&self, number: usize) -> Candidates {
        self.candidates.get_or_init(|| {
            self.lines
                .iter()
                .map(|line| {
                    let hay = Hay { text: line.stripped, plain: line.plain, candidates: None };
                    if line.is_blank() {
                        0
                    } else {
                        pyre::candidates(&LINE_PATTERNS, hay)
                    }
                })
                .collect()
        })[number - 1]
    }

    /// Line `number` in the form lexicon phrases are compared in.
    pub fn normalized(&self, number: usize) -> &str {
        self.forms().normalized(number - 1)
    }

    /// The label of line `number` if it is a "Label: headline" line (`lexicon::prefix_form`).
    pub fn prefix_form(&self, number: usize) -> Option<&str> {
        self.forms().prefix_form(number - 1)
    }

    /// True if line `number` is one of the phrases of a rule's lexicon table, in any
    /// language: a whole-line phrase or a prefixed headline. Blank lines never are. `table`
    /// is the table's bit (`lexicon::table_bit` of the rule's name, looked up once a page).
    #[inline]
    pub fn in_lexicon(&self, table: u64, number: usize) -> bool {
        let masks = self.lexicon_tables.get_or_init(|| {
            let forms = self.forms();
            self.lines
                .iter()
                .enumerate()
                .map(|(i, line)| {
                    if line.is_blank() {
                        0
                    } else {
                        lexicon::tables_holding(forms.normalized(i), forms.prefix_form(i))
                    }
                })
                .collect()
        });
        masks[number - 1] & table != 0
    }

    /// Numbers of the non-blank lines no rule has removed, in input order.
    pub fn live_lines(&self) -> Rc<Vec<usize>> {
        if let Some((count, live)) = self.live.borrow().as_ref() {
            if *count == self.removed_count {
                return Rc::clone(live);
            }
        }
        let live: Rc<Vec<usize>> =
            Rc::new(self.lines.iter().filter(|l| self.is_live(l.number)).map(|l| l.number).collect());
        *self.live.borrow_mut() = Some((self.removed_count, Rc::clone(&live)));
        live
    }

    /// Split line numbers into ranges with no other non-blank line inside.
    ///
    /// Blank lines between two chosen lines join their range, so one removal covers a
    /// whole block; a live line that was not chosen, or a line some earlier rule
    /// removed, splits it.
    pub fn group(&self, numbers: impl IntoIterator<Item = usize>) -> Vec<(usize, usize)> {
        let mut chosen: Vec<usize> = numbers.into_iter().collect();
        chosen.sort_unstable();
        chosen.dedup();
        let mut ranges = Vec::new();
        let Some(&first) = chosen.first() else { return ranges };
        let (mut start, mut prev) = (first, first);
        for &number in &chosen[1..] {
            if (prev + 1..number).any(|n| !self.lines[n - 1].is_blank()) {
                ranges.push((start, prev));
                start = number;
            }
            prev = number;
        }
        ranges.push((start, prev));
        ranges
    }

    /// A removal of lines `start..=end` by `rule`; its text is filled in by the pipeline.
    pub fn removal(&self, rule: &'static RuleMeta, start: usize, end: usize) -> Removal {
        Removal { rule, start, end, text: String::new() }
    }

    /// One removal per live line that `test` picks: what a rule that judges lines one by one
    /// returns.
    pub fn remove_lines_where(&self, rule: &'static RuleMeta, mut test: impl FnMut(usize) -> bool) -> Vec<Removal> {
        self.live_lines()
            .iter()
            .filter(|&&number| test(number))
            .map(|&number| self.removal(rule, number, number))
            .collect()
    }

    /// One removal per block of the given lines (see `group`).
    pub fn removals(&self, rule: &'static RuleMeta, numbers: impl IntoIterator<Item = usize>) -> Vec<Removal> {
        self.group(numbers).into_iter().map(|(s, e)| self.removal(rule, s, e)).collect()
    }

    /// Mark a removal's non-blank lines removed; overlapping a removal is a bug.
    pub fn apply(&mut self, removal: &Removal) {
        for number in removal.start..=removal.end {
            if self.lines[number - 1].is_blank() {
                continue;
            }
            if let Some(earlier) = self.removed[number - 1] {
                panic!("{} removes line {number}, already removed by {}", removal.rule.code, earlier.code);
            }
            self.removed[number - 1] = Some(removal.rule);
            self.removed_count += 1;
        }
    }

    /// The output's lines (trailing whitespace stripped, blank runs folded) and their numbers.
    /// A line of nothing but whitespace and invisible characters is blank.
    pub fn kept_lines(&self) -> (Vec<&'a str>, Vec<usize>) {
        let mut out: Vec<&'a str> = Vec::new();
        let mut numbers = Vec::new();
        for line in &self.lines {
            if self.removed[line.number - 1].is_some() {
                continue;
            }
            let text = if line.is_blank() { "" } else { pychar::rstrip(line.text) };
            if text.is_empty() && out.last().is_none_or(|last| last.is_empty()) {
                continue;
            }
            out.push(text);
            numbers.push(line.number);
        }
        while out.last().is_some_and(|last| last.is_empty()) {
            out.pop();
            numbers.pop();
        }
        (out, numbers)
    }

    /// Kept lines, trailing whitespace stripped, blank runs folded, one final newline.
    pub fn kept_text(&self) -> String {
        let (out, _) = self.kept_lines();
        if out.is_empty() {
            String::new()
        } else {
            joined_lines(&out)
        }
    }
}

/// `lines`, each ending in "\n", in a buffer sized once (joining and then pushing the last
/// newline would grow it to twice the text).
pub fn joined_lines(lines: &[&str]) -> String {
    let mut text = String::with_capacity(lines.iter().map(|line| line.len() + 1).sum());
    for line in lines {
        text.push_str(line);
        text.push('\n');
    }
    text
}
