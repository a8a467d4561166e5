//! The input's layout and, for markdown, each line's visible text and markup.
//!
//! Scrapers write pages in several layouts: plain text with blank lines between blocks
//! (inscriptis), plain text with none (one block or one text node a line), and markdown
//! (html2text, markdownify, LLM-oriented crawlers). `detect` tells them apart from the
//! text alone. For markdown, every rule and the layout read a line's *visible text*
//! (`parse`): link text without its URL, no image syntax, emphasis markers, heading `#`s,
//! escapes, table pipes or quote marks. A list bullet stays, written `* ` as inscriptis
//! writes one, because the rules were specified on inscriptis text and read bullets
//! (C203). The markup itself becomes per-line columns (`Markup`): the share of visible
//! characters inside links, the heading level, list item, table row, image-only line.
//!
//! The pipeline runs on the visible text, one visible line per input line, so line
//! numbers are the input's; the output is the input's own lines, verbatim.

use crate::fragments;

/// How the caller wants the input read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputFormat {
    /// Decide from the text (`detect`).
    #[default]
    Auto,
    Markdown,
    Text,
    /// Plain text written one text node a line: fragments of a sentence are judged together
    /// (`fragments`). Detected (`Detected::nodes`) when links visibly split sentences.
    Nodes,
}

impl InputFormat {
    /// "auto", "markdown", "text" or "nodes".
    pub fn parse(name: &str) -> Option<InputFormat> {
        match name {
            "auto" => Some(InputFormat::Auto),
            "markdown" => Some(InputFormat::Markdown),
            "text" => Some(InputFormat::Text),
            "nodes" => Some(InputFormat::Nodes),
            _ => None,
        }
    }

    /// True if a text this format names, with `detected` layout, is read as markdown.
    pub fn reads_markdown(self, detected: &Detected) -> bool {
        match self {
            InputFormat::Auto => detected.markdown,
            InputFormat::Markdown => true,
            InputFormat::Text | InputFormat::Nodes => false,
        }
    }
}

/// What `detect` found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Detected {
    pub markdown: bool,
    /// True if blank lines separate the blocks (inscriptis, markdown); false for one block
    /// or one text node a line with no blank lines between.
    pub blank_separated: bool,
    /// True for plain text without blank lines whose sentences are split at links: one text
    /// node a line (`fragments::is_split_sentence`, MIN_SPLIT_LINES, MIN_SPLIT_SHARE).
    pub nodes: bool,
}

/// A text is markdown if at least this many lines carry markdown syntax (a `[text](url)`
/// link, an image, an ATX heading, a table rule), and they are at least MIN_MARKDOWN_SHARE
/// of its non-blank lines. Inscriptis text of the 607 dev pages has none of these on any
/// line (the parity cases stay text); the markdown of the same pages has them on a third
/// to a half of the lines.
pub const MIN_MARKDOWN_LINES: usize = 3;
pub const MIN_MARKDOWN_SHARE: f64 = 0.05;
/// Blocks are blank-separated if at least this share of the lines between the first and
/// the last non-blank line are blank (inscriptis: about half; one block a line: none).
pub const MIN_BLANK_SHARE: f64 = 0.1;
/// Plain text without blank lines is one text node a line if at least this many lines,
/// and this share of its non-blank lines, open with a comma, full stop, semicolon, colon or
/// closing parenthesis right below a line that leaves its sentence open (", the agency
/// said" below "Reuters", `fragments::is_split_sentence`): a link or an emphasis ended
/// inside a sentence, which only a text node shows; a block a line ends its sentence first.
/// Measured on the 607 dev pages: 447 of their BeautifulSoup `get_text("\n")` texts are
/// found (joining helped in every band of this share from 0.1% up; pages below it have no
/// such line and joining left them unchanged), 12 block-a-line texts (one output changed,
/// same segments), no inscriptis or HTML-mode text; nodes F1 0.9105/0.8917 (scrapinghub
/// folds) and 0.8323/0.8221 (trafilatura) -> 0.9176/0.8984 and 0.8512/0.8501, every other
/// converter unchanged to four decimals. A first version (two lines, 0.2%, every mark of
/// `fragments::CONTINUES`) gave nodes 0.9169/0.8979 and 0.8508/0.8472, and lowered
/// block-a-line trafilatura fold 2 0.8624 -> 0.8610: lines of arrows ("»»»") counted.
pub const MIN_SPLIT_LINES: usize = 1;
pub const MIN_SPLIT_SHARE: f64 = 0.001;

/// The layout of `text`: markdown or not, blank lines between blocks or not.
pub fn detect(text: &str) -> Detected {
    let (mut marked, mut nonblank, mut blank, mut split) = (0usize, 0usize, 0usize, 0usize);
    let mut pending_blank = 0usize;
    let mut previous: Option<&str> = None;
    for line in text.split('\n') {
        let stripped = line.trim();
        if stripped.is_empty() {
            pending_blank += 1;
            continue;
        }
        if nonblank > 0 {
            blank += pending_blank;
        }
        pending_blank = 0;
        nonblank += 1;
        if has_markdown_syntax(stripped) {
            marked += 1;
        }
        if previous.is_some_and(|above| fragments::is_split_sentence(above, stripped)) {
            split += 1;
        }
        previous = Some(stripped);
    }
    let markdown = marked >= MIN_MARKDOWN_LINES && marked as f64 >= MIN_MARKDOWN_SHARE * nonblank as f64;
    let between = nonblank.saturating_sub(1) + blank;
    let blank_separated = between > 0 && blank as f64 >= MIN_BLANK_SHARE * between as f64;
    let nodes =
        !markdown && !blank_separated && split >= MIN_SPLIT_LINES && split as f64 >= MIN_SPLIT_SHARE * nonblank as f64;
    Detected { markdown, blank_separated, nodes }
}

/// A link or image (`](` then a URL-like target), an ATX heading, or a table rule.
fn has_markdown_syntax(line: &str) -> bool {
    if heading_level(line).0 > 0 || is_table_rule(line) {
        return true;
    }
    // Most lines hold no "]": one byte search turns them away before a substring search.
    line.contains(']')
        && line.match_indices("](").any(|(i, _)| {
            let target = &line[i + 2..];
            target.starts_with("http") || target.starts_with('/') || target.starts_with('#') || target.starts_with('<')
        })
}

/// A line's markup: what the visible text no longer shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Markup {
    /// Visible non-space characters (the bullet not counted).
    pub chars: u32,
    /// Of them, those inside links.
    pub link_chars: u32,
    /// 1 to 6 for an ATX heading (`# Title`), else 0.
    pub heading: u8,
    pub list_item: bool,
    pub table_row: bool,
    /// Images and nothing else (a linked image too).
    pub image_only: bool,
}

impl Markup {
    /// Share of the visible characters inside links (0 for a line without any).
    pub fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            f64::from(self.link_chars) / f64::from(self.chars)
        }
    }
}

/// A markdown text read line by line: the visible lines joined by "\n" (as many lines as
/// the input) and each line's markup.
pub struct Parsed {
    pub visible: String,
    pub markup: Vec<Markup>,
}

/// Every line of `text` read as markdown (see the module documentation).
///
/// A link whose text spans lines (html2text and markdownify write `[` alone on a line, the
/// linked block below, `](url)` on a line of its own) is followed across them: the lines
/// in between are link text.
pub fn parse(text: &str) -> Parsed {
    let lines: Vec<&str> = text.split('\n').collect();
    let table = table_lines(&lines);
    let mut visible = String::with_capacity(text.len());
    let mut markup = Vec::with_capacity(lines.len());
    let mut in_link = false;
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            visible.push('\n');
        }
        let (shown, mut m, open) = parse_line(line, table[i], in_link);
        in_link = open;
        if m.image_only {
            m.chars = 0;
        }
        visible.push_str(&shown);
        markup.push(m);
    }
    Parsed { visible, markup }
}

/// True for lines of a table: a table rule (`|---|---|`, `---|---`) and the lines holding
/// a pipe next to it, up and down.
fn table_lines(lines: &[&str]) -> Vec<bool> {
    let mut table = vec![false; lines.len()];
    for (i, line) in lines.iter().enumerate() {
        if !is_table_rule(line.trim()) {
            continue;
        }
        table[i] = true;
        for j in (0..i).rev() {
            if !lines[j].contains('|') {
                break;
            }
            table[j] = true;
        }
        for j in i + 1..lines.len() {
            if !lines[j].contains('|') {
                break;
            }
            table[j] = true;
        }
    }
    table
}

/// `|---|:--:|`, `---|---`: dashes, colons and spaces between pipes, at least one pipe.
fn is_table_rule(line: &str) -> bool {
    line.contains('|') && line.contains("---") && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// (level, rest) of an ATX heading: one to six `#` then a space (or nothing).
fn heading_level(line: &str) -> (u8, &str) {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) {
        let rest = &line[hashes..];
        if rest.is_empty() || rest.starts_with([' ', '\t']) {
            return (hashes as u8, rest.trim());
        }
    }
    (0, line)
}

/// The list marker of a line (`* `, `- `, `+ `, `12. `, `3) `), and the rest.
fn list_marker(line: &str) -> Option<(&str, &str)> {
    let bytes = line.as_bytes();
    let marker_len = match bytes.first()? {
        b'*' | b'-' | b'+' => 1,
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits > 9 || !matches!(bytes.get(digits), Some(b'.' | b')')) {
                return None;
            }
            digits + 1
        }
        _ => return None,
    };
    match bytes.get(marker_len) {
        Some(b' ' | b'\t') => Some((&line[..marker_len], line[marker_len..].trim_start())),
        None if marker_len == 1 => None,
        None => Some((&line[..marker_len], "")),
        _ => None,
    }
}

/// One line: (visible text, markup, still inside a link that opened on an earlier line).
fn parse_line(line: &str, table_row: bool, mut in_link: bool) -> (String, Markup, bool) {
    let mut m = Markup { table_row, ..Markup::default() };
    let mut rest = line.trim();
    if rest.starts_with("```") || rest.starts_with("~~~") || (table_row && is_table_rule(rest)) {
        return (String::new(), m, in_link);
    }
    // The end of a link opened on an earlier line: `](url)` and what follows.
    if in_link {
        if let Some(after) = rest.strip_prefix("](") {
            rest = after.find(')').map_or("", |end| after[end + 1..].trim());
            in_link = false;
        }
    }
    while let Some(after) = rest.strip_prefix('>') {
        rest = after.trim_start();
    }
    let (level, after_heading) = heading_level(rest);
    if level > 0 {
        m.heading = level;
        rest = after_heading.trim_end_matches('#').trim_end();
    }
    let mut out = String::with_capacity(rest.len());
    if level == 0 {
        if let Some((marker, item)) = list_marker(rest) {
            m.list_item = true;
            if marker.len() == 1 {
                out.push_str("* ");
            } else {
                out.push_str(marker);
                out.push(' ');
            }
            rest = item;
        }
    }
    let bullet_len = out.len();
    let mut images = 0usize;
    let open = inline(rest, &mut out, &mut m, in_link, table_row, &mut images);
    if images > 0 && !out[bullet_len..].chars().any(char::is_alphanumeric) {
        m.image_only = true;
        out.clear();
    }
    (out, m, open)
}

/// Writes the visible text of `text` to `out`, counting characters in `m`; returns true if
/// a link opened on this line is still open at its end.
fn inline(text: &str, out: &mut String, m: &mut Markup, in_link: bool, table_row: bool, images: &mut usize) -> bool {
    let bytes = text.as_bytes();
    let mut depth = usize::from(in_link);
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next().expect("a character at a boundary");
        let width = c.len_utf8();
        match c {
            '\\' if bytes.get(i + 1).is_some_and(|b| b.is_ascii_punctuation()) => {
                emit(out, m, text.as_bytes()[i + 1] as char, depth > 0);
                i += 2;
                continue;
            }
            '!' if bytes.get(i + 1) == Some(&b'[') => {
                if let Some(end) = link_end(text, i + 1) {
                    *images += 1;
                    i = end;
                    continue;
                }
            }
            '[' => {
                if link_end(text, i).is_some() {
                    depth += 1;
                    i += 1;
                    continue;
                }
                if text[i + 1..].trim().is_empty() {
                    // `[` closing the line opens a link whose text is on the lines below.
                    return true;
                }
            }
            ']' if depth > 0 && bytes.get(i + 1) == Some(&b'(') => {
                depth -= 1;
                i = target_end(text, i + 1);
                continue;
            }
            '*' | '_' | '~' | '`' => {
                let before = text[..i].chars().next_back();
                let run = text[i..].bytes().take_while(|&b| b == c as u8).count();
                let after = text[i + run..].chars().next();
                let word = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
                // Markers open or close emphasis where a word starts or ends; `snake_case`
                // stays, and so does one tilde ("~5 km"): strike-through is two.
                if c == '`' || run >= 2 || (c != '~' && (!word(before) || !word(after))) {
                    i += run;
                    continue;
                }
            }
            '|' if table_row => {
                out.push(' ');
                i += 1;
                continue;
            }
            _ => {}
        }
        emit(out, m, c, depth > 0);
        i += width;
    }
    depth > 0 && in_link
}

fn emit(out: &mut String, m: &mut Markup, c: char, in_link: bool) {
    out.push(c);
    if !c.is_whitespace() {
        m.chars += 1;
        if in_link {
            m.link_chars += 1;
        }
    }
}

/// The index after `[text](target)` starting at `open` (a `[`), if the line holds one:
/// the brackets balanced, then a parenthesised target.
fn link_end(text: &str, open: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    for (j, &b) in bytes.iter().enumerate().skip(open) {
        match b {
            b'\\' => continue,
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    return (bytes.get(j + 1) == Some(&b'(')).then(|| target_end(text, j + 1));
                }
            }
            _ => {}
        }
    }
    None
}

/// The index after a link target `(url "title")` starting at `open` (a `(`), parentheses
/// inside balanced; the line's end if it never closes.
fn target_end(text: &str, open: usize) -> usize {
    let mut depth = 0usize;
    for (j, b) in text.bytes().enumerate().skip(open) {
        match b {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return j + 1;
                }
            }
            _ => {}
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visible(line: &str) -> (String, Markup) {
        let parsed = parse(line);
        (parsed.visible, parsed.markup[0])
    }

    #[test]
    fn links_show_their_text() {
        let (text, m) = visible("  * [Barron's](https://www.barrons.com)");
        assert_eq!(text, "* Barron's");
        assert!(m.list_item);
        assert_eq!(m.link_density(), 1.0);
        let (text, m) = visible("The **minister** said [on Monday](https://x.org/a_(b)) that _talks_ would go on.");
        assert_eq!(text, "The minister said on Monday that talks would go on.");
        assert!(m.link_density() > 0.1 && m.link_density() < 0.3);
    }

    #[test]
    fn images_headings_tables_and_escapes() {
        let (text, m) = visible("[![Logo](https://x.org/logo.png)](https://x.org/)");
        assert_eq!((text.as_str(), m.image_only), ("", true));
        let (text, m) = visible("## Die Zutaten ##");
        assert_eq!((text.as_str(), m.heading), ("Die Zutaten", 2));
        assert_eq!(visible("1\\. Preheat the oven to 200 °C\\!").0, "1. Preheat the oven to 200 °C!");
        assert_eq!(visible("3. Serve").0, "3. Serve");
        assert_eq!(visible("snake_case stays, *emphasis* goes").0, "snake_case stays, emphasis goes");
        let parsed = parse("| Team | Points |\n|---|---|\n| Ajax | 12 |");
        assert_eq!(parsed.visible, "  Team   Points  \n\n  Ajax   12  ");
        assert!(parsed.markup.iter().all(|m| m.table_row));
    }

    #[test]
    fn a_link_may_span_lines() {
        let parsed = parse("[\n\nMinisters meet in Brussels\n\n](https://x.org/news)\nNext line.");
        let lines: Vec<&str> = parsed.visible.split('\n').collect();
        assert_eq!(lines, ["", "", "Ministers meet in Brussels", "", "", "Next line."]);
        assert_eq!(parsed.markup[2].link_density(), 1.0);
        assert_eq!(parsed.markup[5].link_density(), 0.0);
    }

    #[test]
    fn layouts_are_told_apart() {
        let markdown = "# Title\n\nText with a [link](https://a.org).\n\n* [Home](/)\n* [News](/news)\n";
        assert_eq!(detect(markdown), Detected { markdown: true, blank_separated: true, nodes: false });
        let text = "Title\n\nA paragraph [1] with a bracket.\n\n* Home\n* News\n";
        assert_eq!(detect(text), Detected { markdown: false, blank_separated: true, nodes: false });
        assert_eq!(
            detect("Home\nNews\nA paragraph.\nAnother one.\n"),
            Detected { markdown: false, blank_separated: false, nodes: false }
        );
    }

    #[test]
    fn a_sentence_split_at_a_link_is_one_text_node_a_line() {
        let nodes = "Home\nThe minister said on Monday that talks would go on, according to\nReuters\n.\nNext.\n";
        assert_eq!(detect(nodes), Detected { markdown: false, blank_separated: false, nodes: true });
        // Blank lines between blocks: inscriptis text, whatever its lines open with.
        assert!(!detect(&nodes.replace('\n', "\n\n")).nodes);
        // A line that opens with a mark below a finished sentence, or arrows alone, split nothing.
        assert!(!detect("Home\nIt rained.\n, and then\nOlder posts\n»\nNewer posts\n«\n").nodes);
    }
}
