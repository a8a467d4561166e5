//! Where the article sits in a page: its body region and its headline block.
//!
//! The body is the run of lines with the most prose in it, found as a maximum sum
//! sub-sequence (the idea of Finn et al.'s Body Text Extraction, 2001, over lines instead
//! of HTML tags): prose lines add their word count, other lines subtract a small penalty,
//! one- and two-word labels (menus, buttons) and lines that rules already removed as chrome
//! subtract more, so the run stops at chrome blocks; rows of a table count as prose does (an
//! article of standings or results has little prose), written a cell a line too where no blank
//! lines separate the blocks; an author box's heading and bio cost as
//! chrome does, and a first-person or writer's bio in the body's tail ends the body
//! above it; a comment-section heading after the
//! article ends the search, since comments can outweigh the article. A lead-in line ending
//! in a colon right above the body opens it, and one ending the body takes in the list it
//! announces. The headline block is the one or two
//! title-like lines right above the body.
//!
//! The analysis reads the lines that are live when a rule first asks for it, and is kept
//! on the page for the rules after it.

use std::sync::LazyLock;

use crate::lexicon;
use crate::page::{Features, Line, LineTest, Page};
use crate::pychar::{self, casefold, first_char};
use crate::pyre::{Mode, PyRegex};
use crate::text::DATE_SIGNAL;

/// A line of at least this many words that ends like a sentence is prose.
pub const MIN_SENTENCE_WORDS: usize = 8;
/// A line of at least this many words is prose however it ends (lists, quotes).
pub const MIN_PARAGRAPH_WORDS: usize = 25;
/// A title-case line (most words capitalised) is a headline, not prose; long ones too: tag
/// clouds, category pickers and menus flattened onto one line (measured: this test on long
/// lines as well raised trafilatura-dev text F1 0.842 -> 0.848).
pub const MAX_PROSE_TITLE_CASE: f64 = 0.6;
/// Cost of a live non-prose line inside the body (a subheading costs this much).
pub const NON_PROSE_PENALTY: f64 = 3.0;
/// A line of at most this many words is a menu item, button or label ("Home", "Mehr lesen")
/// unless it ends like a sentence or a lead-in; it is rarely article text and costs more, so
/// runs of them end the body. Measured on the text rows: penalty 5 raised trafilatura-dev F1
/// 0.850 -> 0.853 and scrapinghub-dev 0.9325 -> 0.9333; 4 helped less and 8 cost
/// scrapinghub-dev 0.01 (its articles have more short lines between paragraphs).
pub const MAX_SHORT_LINE_WORDS: usize = 2;
pub const SHORT_LINE_PENALTY: f64 = 5.0;
/// Cost of a line a rule removed as chrome.
pub const CHROME_PENALTY: f64 = 6.0;
/// A second run of prose at least this share as heavy as the best is another part of the
/// same article, split by an inline block (measured: 0.7 helps the multilingual dev set and
/// leaves the English one unchanged; 0.5 lets teaser blocks in).
pub const SECOND_RUN_SHARE: f64 = 0.7;
/// Prose words above a comment heading that make it the end of an article.
pub const MIN_ARTICLE_WORDS: f64 = 80.0;
/// The lexicon kind that holds a comment heading's stems ("comment", "komment", "评论"), in
/// every language (measured: trafilatura-dev text F1 0.853 -> 0.860, 25 fewer "without"
/// segments; scrapinghub-dev unchanged).
pub const BOUNDARY_KIND: &str = "boundary";
/// The headline block: at most this many lines right above the body, found among at most
/// MAX_HEADER_SCAN live lines (dates and bylines in between are skipped).
pub const MAX_HEADER_LINES: usize = 2;
pub const MAX_HEADER_SCAN: usize = 5;
/// Short sentences right after the body that still belong to it (a closing line).
pub const MAX_CLOSING_LINES: usize = 2;
/// A line ending in a colon announces the text below it: right above the body it opens the
/// body, right below it it closes it ("Das Konzeptpapier finden Sie hier:"); one word
/// ("Tags:") is a label. Measured: +4 "with" segments on trafilatura-dev, no new "without"
/// ones, scrapinghub-dev unchanged or better.
pub const LEAD_IN_END: char = ':';
pub const MIN_LEAD_IN_WORDS: usize = 2;
pub const MIN_HEADLINE_WORDS: usize = 3;
pub const MIN_STANDFIRST_WORDS: usize = 10;
pub const MAX_HEADLINE_WORDS: usize = 40;
/// Markdown: a line with more than this share of its visible characters inside links is
/// not prose, however long (a teaser headline linked to its story, a "Read also: …" line);
/// jusText's max_link_density for good paragraphs is 0.2, but an article's sentence may
/// link most of its words to a source.
pub const MAX_PROSE_LINK_DENSITY: f64 = 0.5;

/// Table rows: a line whose stripped text splits on runs of at least two spaces into at least
/// MIN_TABLE_CELLS cells is a table row; MIN_TABLE_ROWS consecutive live rows with the same
/// number of cells are a table, and each of its rows counts its words in the body score as
/// prose does. Articles with little prose (standings, results, specifications) are tables;
/// scored as non-prose they cost the body and the densest run becomes a sidebar. Origin:
/// docs/quality-analysis.md, mechanism 1 (a standings article lost whole; simulated
/// scrapinghub-dev +0.008, trafilatura-dev +0.001).
pub const MIN_TABLE_CELLS: usize = 3;
pub const MIN_TABLE_ROWS: usize = 4;

/// Tables a cell a line: text without blank lines between blocks (one text node a line, one
/// block a line) writes each cell of a table on a line of its own, so a standings table or
/// a box score becomes a column of one-word lines ("1" / "Kyle Busch" / "5040" / "5" / …)
/// that the body score charges as labels, and the densest run becomes a sidebar. There,
/// MIN_TABLE_ROWS rows of MIN_CELL_COLUMNS to MAX_CELL_COLUMNS lines whose cells repeat which
/// of them are figures (`is_figure`: "63", "85%", "5,040") are a table (`cell_tables`), and
/// each of its lines counts its words, as the rows of an aligned table do. A row holds at
/// least MIN_FIGURE_CELLS figures and a cell of words; its shortest period is at least
/// MIN_CELL_COLUMNS, so a ranked list ("1." / headline) or a pager is none; no cell holds more
/// than MAX_CELL_WORDS words (a forum thread's posts of equal length repeat too, but a post's
/// sentences are no cell); and a prose line or a lead-in stands at most TABLE_INTRO_ROWS rows
/// and TABLE_INTRO_LINES lines above the first row (its header cells and a caption between):
/// a standings widget at the top of a page introduces nothing. The header, the one row of
/// cells of words right above the first row, belongs to the table.
/// Measured (`--converter nodes`, F1 by fold, scrapinghub 1 / 2, trafilatura 1 / 2):
/// 0.9264 / 0.8986 / 0.8544 / 0.8526 -> 0.9350 / 0.9132 / 0.8569 / 0.8526; one block a line
/// 0.9544 / 0.9351 / 0.8618 / 0.8668 -> 0.9556 / 0.9503 / 0.8618 / 0.8668. Without the
/// introduction test the trafilatura folds of one block a line dropped (a user ranking and a
/// standings widget read as tables), without the header the lead-in above a table was lost
/// once the first pass had removed it (0.9132 -> 0.8986), and without the cell length a
/// forum thread read as a table (one block a line, trafilatura fold 1, 0.8618 -> 0.8610).
/// Texts with blank lines between blocks (inscriptis, markdown) are unchanged.
pub const MIN_CELL_COLUMNS: usize = 3;
pub const MAX_CELL_COLUMNS: usize = 12;
pub const MIN_FIGURE_CELLS: usize = 2;
pub const MAX_CELL_WORDS: usize = 20;
pub const TABLE_INTRO_ROWS: usize = 2;
pub const TABLE_INTRO_LINES: usize = 2;

/// A list announced by a lead-in: when the body ends on a line ending in a colon ("Here are
/// the offers not to miss:"), the list right below it is the article's: items numbered in
/// sequence ("1) …", "2. …") or opened by one bullet mark ("* …"), at least MIN_LIST_ITEMS
/// of them, each followed by at most MAX_ITEM_LINES lines of its own (a link, a price).
/// The lead-in mirrored downward; a colon and a list shape together are rarely chrome.
/// Origin: docs/quality-analysis.md, mechanism 2 (an enumerated list of 22 products lost
/// below its lead-in; simulated scrapinghub-dev +0.004, no trafilatura-dev page changed).
pub const MIN_LIST_ITEMS: usize = 2;
pub const MAX_ITEM_LINES: usize = 2;
/// Bullet marks as the text converters write them.
pub const BULLETS: &[char] = &['*', '-', '+', '•', '–', '·', '◦', '▪'];

/// An author box after the article: a heading of an "about" word and a name ("About Jane
/// Doe", "Über Moritz Bachmann", "Sobre Carlos Nadalim"), of at most MAX_AUTHOR_NAME_WORDS
/// capitalised words, whose last word the next line repeats (the bio names its subject).
/// The heading scores as removed chrome and the MAX_BIO_LINES lines after it (a name, the
/// bio) as non-prose, so the body stops before a box at its end; a box between the
/// standfirst and the article (interviews) is only skipped.
/// Origin: docs/quality-analysis.md, leaks by kind (author bio / "About X" box: 0.6
/// precision points on scrapinghub-dev, 11 "without" segments on trafilatura-dev).
pub const ABOUT_WORDS: &[&str] = &["about", "über", "sobre", "à propos de", "a propos de", "over", "o", "su", "об"];
/// A person's name: a first name and a surname at least ("About Python" is a topic).
pub const MIN_AUTHOR_NAME_WORDS: usize = 2;
pub const MAX_AUTHOR_NAME_WORDS: usize = 3;
pub const MAX_BIO_LINES: usize = 2;
/// Author-box headings without a name, as a whole line ("Über den Autor/ die Autorin" too).
pub const AUTHOR_HEADINGS: &[&str] = &[
    "about the author",
    "about the authors",
    "author",
    "über den autor",
    "über die autorin",
    "autoreninfo",
    "zum autor",
    "zur autorin",
    "sobre el autor",
    "sobre la autora",
    "sobre o autor",
    "à propos de l'auteur",
];

/// An author box in the body's tail, its bio written in the first person ("Über Kathrin" /
/// "Hallo, ich bin Foodbloggerin, …", "Ich bin Steffi, bekennende Tiernärrin, …", "Hi! My
/// name is Florina and …") or as a writer's bio ("Meg James is a corporate media reporter
/// for …", see BIO_VERBS): the body ends above the bio and above the heading, name and link
/// labels right over it (MAX_BOX_HEADING_LINES lines of at most MAX_AUTHOR_HEADING_WORDS
/// words without a sentence end, or lines rules removed), when the prose after the bio is at
/// most MAX_BOX_TAIL_SHARE of the prose before it. A self-introduction is a greeting and an
/// introduction phrase, or an introduction phrase, a capitalised name of at most
/// MAX_AUTHOR_NAME_WORDS words and a comma. The body's first line never counts: a blogger
/// who introduces herself as the article opens ("Ich bin Jana Muster, Rechtsanwältin …") stays.
/// Origin: docs/quality-analysis.md, leaks by kind (author bios and first-person
/// self-introductions: on trafilatura-dev 3 "without" segments at a body's end, while the 2
/// "with" self-introductions of the dev pages open their body; on scrapinghub-dev a writer's
/// bio above a run of teaser records, 098bb3e96c). Measured: text F1 by fold 0.9563/0.9527/
/// 0.8798/0.8880 to 0.9563/0.9557/0.8817/0.8885.
pub const GREETINGS: &[&str] = &["hallo", "hi", "hey", "hello", "moin", "servus", "hola", "bonjour", "ciao", "olá"];
/// Introduction phrases, casefolded, in the lexicons' languages.
pub const INTRODUCTIONS: &[&str] = &[
    "ich bin",
    "ich heiße",
    "mein name ist",
    "i'm",
    "i’m",
    "i am",
    "my name is",
    "soy",
    "me llamo",
    "mi nombre es",
    "je suis",
    "je m'appelle",
    "je m’appelle",
    "eu sou",
    "meu nome é",
];
pub const MAX_AUTHOR_HEADING_WORDS: usize = 6;
/// The box ends the body only where the prose after it is at most this share of the prose
/// before it (teasers and footers after a box, not the article's second half).
pub const MAX_BOX_TAIL_SHARE: f64 = 0.25;
pub const MAX_BOX_HEADING_LINES: usize = 8;
/// The third-person bio of the same box: a capitalised name of at most
/// MAX_AUTHOR_NAME_WORDS words, "is a" in a lexicon language, and a writer's role among the
/// next MAX_ROLE_WORDS words ("Meg James is a corporate media reporter for …").
pub const BIO_VERBS: &[&str] = &["is", "ist", "es", "é", "est"];
pub const BIO_ARTICLES: &[&str] = &["a", "an", "ein", "eine", "un", "una", "um", "uma", "une"];
/// Role stems, casefolded; a word starting with one counts ("Redakteurin", "writer/editor").
pub const WRITER_ROLES: &[&str] = &[
    "reporter",
    "writer",
    "journalist",
    "editor",
    "correspondent",
    "contributor",
    "columnist",
    "author",
    "blogger",
    "redakteur",
    "autor",
    "korrespondent",
    "periodista",
    "redactor",
    "escritor",
    "jornalista",
    "rédact",
];
pub const MAX_ROLE_WORDS: usize = 4;

/// The article's place on the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// First and last line numbers of the body, or None if nothing is prose.
    pub body: Option<(usize, usize)>,
    /// Headline (and standfirst) line numbers, top first.
    pub header: Vec<usize>,
}

impl Layout {
    pub fn article_start(&self) -> Option<usize> {
        self.header.first().copied().or(self.body.map(|b| b.0))
    }

    pub fn in_article(&self, number: usize) -> bool {
        match (self.body, self.article_start()) {
            (Some((_, end)), Some(start)) => start <= number && number <= end,
            _ => false,
        }
    }
}

pub fn is_prose(page: &Page<'_>, number: usize) -> bool {
    let f = page.features(number);
    if f.words < MIN_SENTENCE_WORDS || (f.words < MIN_PARAGRAPH_WORDS && !f.ends_sentence) {
        return false;
    }
    page.title_case(number) < MAX_PROSE_TITLE_CASE && page.markup(number).link_density() <= MAX_PROSE_LINK_DENSITY
}

fn starts_upper_or_digit(text: &str) -> bool {
    first_char(text).is_some_and(|c| pychar::is_upper(c) || pychar::is_digit(c))
}

pub fn is_headline_like(text: &str, f: Features) -> bool {
    (MIN_HEADLINE_WORDS..=MAX_HEADLINE_WORDS).contains(&f.words) && starts_upper_or_digit(text) && !is_metadata(text)
}

/// "www.clymer.co.uk", "https://…", "@handle", "RRP: £23.99 More info:", "Tony Carter | News"
static METADATA: LazyLock<PyRegex> = LazyLock::new(|| {
    PyRegex::new(r"www\.|https?://|\S@\S|(?:^|\s)@\w|\s[|·•]\s|(?:\b\w+: .*){2}", false, Mode::Search)
});

/// Dates, links and label:value lines: article furniture, never a headline.
pub fn is_metadata(text: &str) -> bool {
    METADATA.is_match(text) || pychar::split(text).any(|token| DATE_SIGNAL.is_match(token))
}

/// The page's layout, computed once from the lines live at the first call.
pub fn analyse<'p>(page: &'p Page<'_>) -> &'p Layout {
    page.layout.get_or_init(|| {
        let body = densest_prose_run(page).map(|(first, last)| {
            (lead_in(page, first), author_box_end(page, first, announced_list(page, closing_sentences(page, last))))
        });
        let header = body.map_or_else(Vec::new, |(first, _)| header(page, first));
        Layout { body, header }
    })
}

/// True if line `line` was removed as a comment-section heading.
fn is_boundary(page: &Page<'_>, line: &Line<'_>) -> bool {
    let Some(rule) = page.removed_by(line.number) else { return false };
    if !rule.ends_body {
        return false;
    }
    let folded = casefold(line.stripped);
    lexicon::words(rule.name, BOUNDARY_KIND).iter().any(|stem| folded.contains(stem.as_str()))
}

/// True for an author box's heading (see ABOUT_WORDS).
fn is_author_heading(page: &Page<'_>, line: &Line<'_>) -> bool {
    let f = page.features(line.number);
    if f.words > MAX_AUTHOR_NAME_WORDS + 3 || f.ends_sentence {
        return false;
    }
    let folded = casefold(line.stripped);
    let bare = folded.split('/').next().unwrap_or("").trim_end_matches([':', ' ']);
    if AUTHOR_HEADINGS.contains(&bare) {
        return true;
    }
    let Some(about) = ABOUT_WORDS.iter().find(|w| folded.starts_with(*w) && folded[w.len()..].starts_with(' ')) else {
        return false;
    };
    // The folded word's length may differ from the line's own ("ſu" folds to "su"): no
    // name when it does not end on a character of the line.
    let Some(name) = line.stripped.get(about.len()..).map(str::trim) else {
        return false;
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(MIN_AUTHOR_NAME_WORDS..=MAX_AUTHOR_NAME_WORDS).contains(&words.len())
        || !words.iter().all(|w| starts_upper_or_digit(w))
    {
        return false;
    }
    let last = words[words.len() - 1];
    let next = page.lines[line.number..].iter().find(|l| !l.is_blank());
    next.is_some_and(|l| page.is_live(l.number) && l.stripped.contains(last))
}

/// True for a first-person self-introduction (see GREETINGS).
pub fn is_self_introduction(text: &str) -> bool {
    // Only the line's first words are read (see INTRODUCTION_WORDS_READ): a body's long
    // paragraphs are not split, or their words case-folded, to the end.
    let words: Vec<&str> = text.split_whitespace().take(*INTRODUCTION_WORDS_READ).collect();
    // The words read, case-folded at once: folding maps no character to or from whitespace, so
    // the folded words are the words folded one by one; and none to or from ",", "!" or ".", so
    // trimming those after folding is trimming them before.
    let read = words.last().map_or("", |last| &text[..last.as_ptr() as usize - text.as_ptr() as usize + last.len()]);
    let folded_text = casefold(read);
    let folded: Vec<&str> = folded_text.split_whitespace().collect();
    let greeted = folded.first().is_some_and(|w| GREETINGS.contains(&w.trim_end_matches([',', '!', '.'])));
    let skip = usize::from(greeted);
    let (rest, rest_folded) = (&words[skip..], &folded[skip..]);
    if !greeted && is_third_person_bio(&words, &folded) {
        return true;
    }
    for phrase in INTRODUCTIONS {
        let n = phrase.split(' ').count();
        if rest.len() <= n || !rest_folded[..n].iter().copied().eq(phrase.split(' ')) {
            continue;
        }
        if greeted {
            return true;
        }
        // A name: capitalised words, the last closed by a comma ("Ich bin Steffi, …").
        for word in rest[n..].iter().take(MAX_AUTHOR_NAME_WORDS) {
            if !first_char(word).is_some_and(pychar::is_upper) {
                break;
            }
            if word.len() > 1 && word.ends_with(',') {
                return true;
            }
        }
    }
    false
}

/// The most words `is_self_introduction` reads: a greeting, the longest introduction phrase,
/// one word after it and a name; or a name, the verb, the article and the role words.
static INTRODUCTION_WORDS_READ: LazyLock<usize> = LazyLock::new(|| {
    let longest = INTRODUCTIONS.iter().map(|phrase| phrase.split(' ').count()).max().unwrap_or(0);
    (1 + longest + 1 + MAX_AUTHOR_NAME_WORDS).max(MAX_AUTHOR_NAME_WORDS + 2 + MAX_ROLE_WORDS)
});

/// "Meg James is a corporate media reporter …" (see BIO_VERBS). Only the verb's first
/// place counts, and it must stand within the first MAX_AUTHOR_NAME_WORDS + 1 words.
fn is_third_person_bio(words: &[&str], folded: &[&str]) -> bool {
    let Some(verb) = folded.iter().position(|w| BIO_VERBS.contains(w)) else {
        return false;
    };
    if !(1..=MAX_AUTHOR_NAME_WORDS).contains(&verb)
        || !words[..verb].iter().all(|w| first_char(w).is_some_and(pychar::is_upper))
        || !folded.get(verb + 1).is_some_and(|w| BIO_ARTICLES.contains(w))
    {
        return false;
    }
    folded[verb + 2..].iter().take(MAX_ROLE_WORDS).any(|w| WRITER_ROLES.iter().any(|role| w.starts_with(role)))
}

/// The body's end, moved up above an author box in its tail (see GREETINGS).
fn author_box_end(page: &Page<'_>, body_start: usize, body_end: usize) -> usize {
    let prose = |n: usize| if page.is_live(n) && is_prose(page, n) { page.features(n).words } else { 0 };
    let total: usize = (body_start..=body_end).map(prose).sum();
    let mut before = prose(body_start);
    for n in body_start + 1..=body_end {
        let line = page.line(n);
        if !line.is_blank()
            && page.is_live(n)
            && page.test(LineTest::SelfIntroduction, n, || is_self_introduction(line.stripped))
        {
            let after = total - before - prose(n);
            if (after as f64) <= MAX_BOX_TAIL_SHARE * before as f64 {
                return box_top(page, body_start, n);
            }
        }
        before += prose(n);
    }
    body_end
}

/// The last line above an author box's bio at `bio`: its heading, a name and link labels
/// (at most MAX_BOX_HEADING_LINES short lines without a sentence end, or removed lines) are skipped.
fn box_top(page: &Page<'_>, body_start: usize, bio: usize) -> usize {
    let mut skipped = 0;
    for n in (body_start + 1..bio).rev() {
        let line = page.line(n);
        if line.is_blank() {
            continue;
        }
        let f = page.features(n);
        let heading = !page.is_live(n) || (f.words <= MAX_AUTHOR_HEADING_WORDS && !f.ends_sentence);
        if !heading || skipped == MAX_BOX_HEADING_LINES {
            return n;
        }
        skipped += 1;
    }
    body_start
}

/// (line number, score) of every non-blank line, a boundary scoring minus infinity; and
/// which lines are table rows.
fn line_scores(page: &Page<'_>) -> (Vec<(usize, f64)>, Vec<bool>) {
    // Sized once: grown by doubling, a page of many lines would hold up to twice its scores.
    let mut scores = Vec::with_capacity(page.lines.iter().filter(|line| !line.is_blank()).count());
    let in_table = table_rows(page);
    let mut bio_left = 0;
    for line in &page.lines {
        if line.is_blank() {
            continue;
        }
        let live = page.is_live(line.number);
        let f = page.features(line.number);
        let author_heading = live && is_author_heading(page, line);
        let in_bio = bio_left > 0;
        bio_left = if author_heading { MAX_BIO_LINES } else { bio_left.saturating_sub(1) };
        let score = if is_boundary(page, line) {
            f64::NEG_INFINITY
        } else if author_heading {
            -CHROME_PENALTY
        } else if live && in_bio {
            -NON_PROSE_PENALTY
        } else if live && (in_table[line.number] || is_prose(page, line.number)) {
            f.words as f64
        } else if !live {
            -CHROME_PENALTY
        } else if is_short_label(line.stripped, f) {
            -SHORT_LINE_PENALTY
        } else {
            -NON_PROSE_PENALTY
        };
        scores.push((line.number, score));
    }
    (scores, in_table)
}

/// Cells of a line laid out in columns: its parts between runs of two or more spaces.
fn cell_count(text: &str) -> usize {
    // Most lines hold no two spaces in a row: one byte scan answers for them.
    if !text.as_bytes().windows(2).any(|pair| pair == b"  ") {
        return usize::from(!text.trim().is_empty());
    }
    let mut cells = 0;
    for part in text.split("  ") {
        if !part.trim().is_empty() {
            cells += 1;
        }
    }
    cells
}

/// Per line number (index 0 unused): true for a row of a table (see MIN_TABLE_ROWS).
///
/// Rows are consecutive live non-blank lines of the same cell count; one pass.
fn table_rows(page: &Page<'_>) -> Vec<bool> {
    let mut rows = vec![false; page.lines.len() + 1];
    let mut run: Vec<usize> = Vec::new();
    let mut run_cells = 0;
    let close = |run: &mut Vec<usize>, rows: &mut Vec<bool>| {
        if run.len() >= MIN_TABLE_ROWS {
            for &n in run.iter() {
                rows[n] = true;
            }
        }
        run.clear();
    };
    for line in &page.lines {
        let cells = if line.is_blank() || !page.is_live(line.number) { 0 } else { cell_count(line.stripped) };
        if cells < MIN_TABLE_CELLS || cells != run_cells {
            close(&mut run, &mut rows);
        }
        run_cells = cells;
        if cells >= MIN_TABLE_CELLS {
            run.push(line.number);
        }
    }
    close(&mut run, &mut rows);
    if page.unseparated {
        cell_tables(page, &mut rows);
    }
    rows
}

/// True for a table cell that holds a figure and no word: "63", "85%", "5,040", "(15)", "1:39".
fn is_figure(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit()) && !text.chars().any(char::is_alphabetic)
}

/// Marks in `rows` the lines of tables written a cell a line (see MIN_CELL_COLUMNS).
///
/// Over the live lines: for each period, how far the figure pattern repeats from each line
/// (one backward pass per period), then one forward scan that takes the longest table
/// starting at a line and goes on after it. Linear in the page.
fn cell_tables(page: &Page<'_>, rows: &mut [bool]) {
    let live: Vec<usize> = page.lines.iter().filter(|l| page.is_live(l.number)).map(|l| l.number).collect();
    let figure: Vec<bool> = live.iter().map(|&n| is_figure(page.line(n).stripped)).collect();
    let n = live.len();
    let mut figures_before = vec![0usize; n + 1];
    for i in 0..n {
        figures_before[i + 1] = figures_before[i] + usize::from(figure[i]);
    }
    // The first line at or after each one that is too long for a cell.
    let mut next_long = vec![n; n + 1];
    for i in (0..n).rev() {
        next_long[i] = if page.features(live[i]).words > MAX_CELL_WORDS { i } else { next_long[i + 1] };
    }
    // Per period from one: how many lines from each on repeat the line a period later.
    let repeats: Vec<Vec<usize>> = (1..=MAX_CELL_COLUMNS)
        .map(|period| {
            let mut run = vec![0usize; n + 1];
            for i in (0..n.saturating_sub(period)).rev() {
                run[i] = if figure[i] == figure[i + period] { run[i + 1] + 1 } else { 0 };
            }
            run
        })
        .collect();
    let introduces = |number: usize| {
        page.is_live(number)
            && (is_prose(page, number) || is_lead_in(page.line(number).stripped, page.features(number)))
    };
    let mut i = 0;
    while i < n {
        // The shortest period that repeats for MIN_TABLE_ROWS rows from line i.
        let found = (1..=MAX_CELL_COLUMNS)
            .find(|&period| i + period <= n && (repeats[period - 1][i] + period) / period >= MIN_TABLE_ROWS);
        let Some(period) = found else {
            i += 1;
            continue;
        };
        let span = (repeats[period - 1][i] + period) / period * period;
        let in_row = figures_before[i + period] - figures_before[i];
        let reach = TABLE_INTRO_ROWS * period + TABLE_INTRO_LINES;
        if period < MIN_CELL_COLUMNS
            || in_row < MIN_FIGURE_CELLS
            || in_row == period
            || next_long[i] < i + span
            || !live[i.saturating_sub(reach)..i].iter().any(|&number| introduces(number))
        {
            i += 1;
            continue;
        }
        let header = i >= period && figures_before[i] == figures_before[i - period];
        let first = if header { i - period } else { i };
        for &number in &live[first..i + span] {
            rows[number] = true;
        }
        i += span;
    }
}

/// A line of one or two words that is not a sentence ("Ja." is) nor a lead-in ("Die Zutaten:" is).
pub fn is_short_label(text: &str, f: Features) -> bool {
    f.words <= MAX_SHORT_LINE_WORDS && !(f.ends_sentence || is_lead_in(text, f))
}

/// The scores up to the first comment heading that follows an article's worth of prose.
///
/// Comments can outweigh the article they follow, so they are never searched; a
/// "Comments" link above all prose (in a menu) does not count.
fn before_comments(scores: &[(usize, f64)]) -> &[(usize, f64)] {
    let mut prose = 0.0;
    for (i, &(_, score)) in scores.iter().enumerate() {
        if score == f64::NEG_INFINITY && prose >= MIN_ARTICLE_WORDS {
            return &scores[..i];
        }
        prose += score.max(0.0);
    }
    scores
}

/// (sum, first, last) of each run Kadane's scan closes: the best one among them.
fn prose_runs(scores: &[(usize, f64)]) -> Vec<(f64, usize, usize)> {
    let mut runs = Vec::new();
    let mut current: Option<(f64, usize, usize)> = None;
    let (mut total, mut start) = (0.0f64, 0usize);
    for &(number, score) in scores {
        if total <= 0.0 {
            if let Some(run) = current.take() {
                runs.push(run);
            }
            total = 0.0;
            start = number;
        }
        total += score;
        if score > 0.0 && current.is_none_or(|c| total > c.0) {
            current = Some((total, start, number));
        }
    }
    if let Some(run) = current {
        runs.push(run);
    }
    runs
}

/// The maximum-sum run of lines, widened to runs nearly as heavy (one article in parts).
fn densest_prose_run(page: &Page<'_>) -> Option<(usize, usize)> {
    let (scores, in_table) = line_scores(page);
    let runs = prose_runs(before_comments(&scores));
    let best = runs.iter().map(|r| r.0).fold(f64::NEG_INFINITY, f64::max);
    let parts: Vec<&(f64, usize, usize)> = runs.iter().filter(|r| r.0 >= SECOND_RUN_SHARE * best).collect();
    let mut first = parts.iter().map(|r| r.1).min()?;
    let last = parts.iter().map(|r| r.2).max()?;
    // The run may open on penalised lines when its sum is still positive; trim to prose.
    while first < last && !(page.is_live(first) && (in_table[first] || is_prose(page, first))) {
        first += 1;
    }
    Some((first, last))
}

/// The body's end, moved over short sentences right after it ("The work starts in May.").
///
/// Articles often end on a line too short to count as prose; up to MAX_CLOSING_LINES
/// sentence-case sentences directly below the body join it.
fn closing_sentences(page: &Page<'_>, body_end: usize) -> usize {
    let (mut end, mut joined) = (body_end, 0);
    for line in &page.lines[body_end..] {
        if line.is_blank() {
            continue;
        }
        let is_closing = page.is_live(line.number) && is_short_sentence(page, line.number);
        if joined == MAX_CLOSING_LINES || !is_closing {
            break;
        }
        end = line.number;
        joined += 1;
    }
    end
}

/// How a line opens a list item: its number ("12)" or "12." gives 12), or its bullet mark.
#[derive(Clone, Copy, Debug, PartialEq)]
enum ItemMark {
    Number(u32),
    Bullet(char),
}

fn item_mark(text: &str) -> Option<ItemMark> {
    let mut chars = text.chars();
    let first = chars.next()?;
    if BULLETS.contains(&first) {
        return chars.next().is_some_and(char::is_whitespace).then_some(ItemMark::Bullet(first));
    }
    let digits: String = text.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() > 3 {
        return None;
    }
    let mut rest = text[digits.len()..].chars();
    let closes = matches!(rest.next(), Some(')' | '.')) && rest.next().is_some_and(char::is_whitespace);
    closes.then(|| ItemMark::Number(digits.parse().unwrap_or(0)))
}

/// The body's end, moved over a list its last line announces (see MIN_LIST_ITEMS).
fn announced_list(page: &Page<'_>, body_end: usize) -> usize {
    if !is_lead_in(page.line(body_end).stripped, page.features(body_end)) {
        return body_end;
    }
    let following = || page.lines[body_end..].iter().filter(|l| !l.is_blank());
    let (mut items, mut last_mark, mut last_item) = (0usize, None::<ItemMark>, body_end);
    // Lines of its own since the last item, and the most any item before it had.
    let (mut own, mut most_own) = (0usize, 0usize);
    for line in following() {
        if !page.is_live(line.number) {
            break;
        }
        let mark = item_mark(line.stripped);
        let continues = match (last_mark, mark) {
            (None, Some(_)) => true,
            (Some(ItemMark::Number(n)), Some(ItemMark::Number(m))) => m == n + 1,
            (Some(ItemMark::Bullet(b)), Some(ItemMark::Bullet(c))) => b == c,
            _ => false,
        };
        if continues {
            items += 1;
            (last_mark, last_item) = (mark, line.number);
            most_own = most_own.max(own);
            own = 0;
        } else if last_mark.is_none() || own == MAX_ITEM_LINES {
            break;
        } else {
            own += 1;
        }
    }
    if items < MIN_LIST_ITEMS {
        return body_end;
    }
    // The last item keeps as many lines of its own as the items before it had.
    let mut end = last_item;
    for line in page.lines[last_item..].iter().filter(|l| !l.is_blank()).take(most_own) {
        if !page.is_live(line.number) || item_mark(line.stripped).is_some() {
            break;
        }
        end = line.number;
    }
    end
}

/// The body's start, moved up to a lead-in line right above it ("Leitsätze des Gerichts:").
///
/// A line ending in a colon announces what follows, so it opens the body rather than
/// ending a headline block; label:value lines ("Aktenzeichen: 1 A 23/24") are metadata
/// and stay out.
fn lead_in(page: &Page<'_>, body_start: usize) -> usize {
    for number in (1..body_start).rev() {
        let line = page.line(number);
        if line.is_blank() {
            continue;
        }
        if page.is_live(number) && is_lead_in(line.stripped, page.features(number)) && !is_metadata(line.stripped) {
            return number;
        }
        break;
    }
    body_start
}

/// A line of at least two words ending in a colon ("Das Konzeptpapier finden Sie hier:").
pub fn is_lead_in(text: &str, f: Features) -> bool {
    text.ends_with(LEAD_IN_END) && f.words >= MIN_LEAD_IN_WORDS
}

/// A sentence-case line that ends like a sentence or announces what follows ("Die Quellen:").
pub fn is_short_sentence(page: &Page<'_>, number: usize) -> bool {
    let (text, f) = (page.line(number).stripped, page.features(number));
    first_char(text).is_some_and(pychar::is_upper)
        && (f.ends_sentence || is_lead_in(text, f))
        && page.title_case(number) < MAX_PROSE_TITLE_CASE
}

/// Up to two headline-like lines above the body, skipping metadata lines between.
///
/// A short sentence ("It began with a petition.") is the article's first paragraph, not a
/// standfirst: a line ending in a full stop joins the block only with MIN_STANDFIRST_WORDS words.
fn header(page: &Page<'_>, body_start: usize) -> Vec<usize> {
    let mut found = Vec::new();
    let mut scanned = 0;
    for number in (1..body_start).rev() {
        if !page.is_live(number) {
            continue;
        }
        let (text, f) = (page.line(number).stripped, page.features(number));
        scanned += 1;
        if found.len() == MAX_HEADER_LINES || scanned > MAX_HEADER_SCAN {
            break;
        }
        if is_headline_like(text, f) && (!text.ends_with('.') || f.words >= MIN_STANDFIRST_WORDS) {
            found.push(number);
        } else if !is_metadata(text) {
            break;
        }
    }
    found.reverse();
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup;

    fn markdown_page(text: &str) -> (markup::Parsed, String) {
        let parsed = markup::parse(text);
        let visible = parsed.visible.clone();
        (parsed, visible)
    }

    #[test]
    fn aligned_rows_of_one_cell_count_are_a_table() {
        let rows = ["Pos.  Team    Points", "1     Lions   31", "2     Tigers  28", "3     Bears   25"];
        let text = format!("Standings\n{}\nTwo  cells\n{}", rows.join("\n"), rows[..3].join("\n"));
        let page = Page::new(&text, &text, true, None);
        let table = table_rows(&page);
        assert_eq!((2..=5).filter(|&n| table[n]).count(), MIN_TABLE_ROWS);
        assert!(!table[1] && !table[6], "a heading and a two-cell line are no rows");
        assert!((7..=9).all(|n| !table[n]), "three rows are fewer than MIN_TABLE_ROWS");
    }

    #[test]
    fn a_table_a_cell_a_line_is_a_table_where_blank_lines_do_not_separate_blocks() {
        let rows =
            ["1", "Lions", "31", "5", "2", "Tigers", "28", "7", "3", "Bears", "25", "4", "4", "Wolves", "21", "2"];
        let intro = "Final standings of the season after all thirty-six races:";
        let text = format!("Home\n{intro}\nPos.\nTeam\nPoints\nWins\n{}\nSign up", rows.join("\n"));
        let page = Page::new(&text, &text, true, None).with_unseparated(true);
        let table = table_rows(&page);
        assert!((3..=22).all(|n| table[n]), "the header row and four rows of cells");
        assert!(!table[2] && !table[23], "the lead-in and a button are no cells");
        let separated = Page::new(&text, &text, true, None);
        assert!(!table_rows(&separated).iter().any(|&row| row), "with blank lines between blocks, rows are lines");
        // No introduction above it: a standings widget at the top of a page.
        let widget = format!("{}\nHome\n{intro}", rows.join("\n"));
        let page = Page::new(&widget, &widget, true, None).with_unseparated(true);
        assert!(!table_rows(&page).iter().any(|&row| row));
        // A ranked list repeats with a period of two: "1." / headline.
        let ranked = format!("{intro}\n1.\nLions win\n2.\nTigers lose\n3.\nBears draw\n4.\nWolves win\n5.\nRain");
        let page = Page::new(&ranked, &ranked, true, None).with_unseparated(true);
        assert!(!table_rows(&page).iter().any(|&row| row));
    }

    #[test]
    fn item_marks_are_numbers_closed_by_a_bracket_or_stop_and_bullets() {
        assert_eq!(item_mark("12) Lego"), Some(ItemMark::Number(12)));
        assert_eq!(item_mark("3. Schritt"), Some(ItemMark::Number(3)));
        assert_eq!(item_mark("* Anreise"), Some(ItemMark::Bullet('*')));
        for text in ["2019 was a year", "1.5 litres", "*Somente", "1234) x", "Lego"] {
            assert_eq!(item_mark(text), None, "{text}");
        }
    }

    #[test]
    fn a_lead_in_takes_in_the_list_it_announces() {
        let prose = "The shops opened early on Friday and the queues were long by the time the doors opened.";
        let text = format!(
            "{prose}\nHere are the offers:\n1) A train set\nhttp://a\n2) A doll\nhttp://b\n5) Out of sequence\nTags"
        );
        let page = Page::new(&text, &text, true, None);
        assert_eq!(announced_list(&page, 2), 6, "two items in sequence, each with its one line; 5) does not follow 2)");
        assert_eq!(announced_list(&page, 1), 1, "a body ending without a colon announces nothing");
    }

    #[test]
    fn a_linked_teaser_is_no_prose() {
        let text = "[Ministers agreed on Monday to raise the budget for schools by a tenth next year.](https://example.org/a)\n\
                    Ministers agreed on Monday to raise the budget for schools by a tenth, [the agency said](https://example.org/b).";
        let (parsed, visible) = markdown_page(text);
        let page = Page::new(&visible, &visible, true, None).with_markup(parsed.markup);
        assert!(page.markup(1).link_density() > MAX_PROSE_LINK_DENSITY && !is_prose(&page, 1));
        assert!(is_prose(&page, 2));
        let plain = Page::new(&visible, &visible, true, None);
        assert!(is_prose(&plain, 1), "plain text has no links: the same words are prose");
    }
}
