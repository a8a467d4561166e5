//! One-node-a-line text: lines that are fragments of one sentence are judged together.
//!
//! A scraper that writes every text node on a line of its own (BeautifulSoup's
//! `get_text("\n")`) splits a sentence wherever a link or an emphasis starts or ends:
//!
//! ```text
//! The minister said
//! on Monday
//! that talks would go on, according to
//! Reuters
//! .
//! ```
//!
//! Read line by line, no fragment is prose, and the article's body breaks into pieces the
//! layout cannot find. With `input_format="nodes"`, or when `markup::detect` finds the
//! layout (`Detected::nodes`), `join` groups each line with the lines
//! that continue it (a line that does not end a sentence, followed by one that starts with
//! punctuation, or in lower case and continued in turn, or a short capitalised link text
//! that is continued in turn); the rules and the layout read one line per group, and each
//! removal takes whole groups, so the output is still the input's lines, verbatim.
//!
//! Joining is not the default for every text without blank lines: one block a line looks
//! much the same (no blank lines, lines that do not end in a full stop), and there joining
//! glues labels together ("tags …" / "most popular"); as such a default it lowered the HTML
//! mode (trafilatura-dev fold 1, 0.944 -> 0.942) and changed 198 of the 5,274 parity cases.
//! What only one text node a line shows is a line opening with a comma or a full stop right
//! below a line that leaves its sentence open (`is_split_sentence`): a link ended inside
//! the sentence. `markup::detect` turns joining on for plain text that has such lines
//! (MIN_SPLIT_LINES, MIN_SPLIT_SHARE); the dev pages' inscriptis, block-a-line and HTML-mode
//! texts come out unchanged.

use crate::pychar;

/// A group so far of fewer words than this is not continued by a lower-case line: menus
/// of lower-case entries ("home", "news", "sport") stay one entry a line, while a sentence
/// split at a link has a few words before it ("The minister said" / "on Monday").
pub const MIN_CONTINUED_WORDS: usize = 3;
/// A capitalised line of at most this many words inside a sentence is a link's text ("for
/// the" / "Cleveland Browns" / "’ Week 11 game"): it continues a group that stops mid-word
/// when the line after it continues it in turn. A short capitalised line that ends a
/// sentence itself does not: "Folgen Sie uns auf" / "Folge uns überall!" are two buttons.
pub const MAX_BRIDGE_WORDS: usize = 4;
/// Characters a line ends with when it ends its sentence or announces what follows; the
/// next line starts a new group whatever it starts with.
const ENDS: &[char] = &['.', '!', '?', ':', ';', '…', '"', '”', '»', '“', '。', '！', '？', '|'];
/// Characters that open a line continuing the one above ("Reuters" / ", the agency said").
const CONTINUES: &[char] = &[',', '.', ';', ':', ')', '!', '?', '…', '»', '”', '%', '’', '\''];

/// Marks that open a line only when a sentence was split before them (`is_split_sentence`).
const SPLIT_MARKS: &[char] = &[',', '.', ';', ':', ')'];

/// Groups of input lines and the text the rules read: one line per group.
pub struct Joined {
    /// The groups' texts joined by "\n".
    pub text: String,
    /// Per line of `text`: the first and last input line (1-based) of its group.
    pub origin: Vec<(usize, usize)>,
}

/// The groups of `text`'s lines (see the module documentation); blank lines stay lines of
/// their own.
pub fn join(text: &str) -> Joined {
    let mut out = String::with_capacity(text.len());
    let mut origin: Vec<(usize, usize)> = Vec::new();
    let mut words = 0usize;
    let mut last: Option<&str> = None;
    let lines: Vec<&str> = text.split('\n').collect();
    for (i, &line) in lines.iter().enumerate() {
        let number = i + 1;
        let stripped = pychar::strip(line);
        let continues = match last {
            Some(previous) if !stripped.is_empty() => {
                let after = lines.get(i + 1).map(|next| pychar::strip(next));
                continues(previous, stripped, words, after) || bridges(previous, stripped, after, words)
            }
            _ => false,
        };
        if continues {
            if !stripped.starts_with(CONTINUES) {
                out.push(' ');
            }
            out.push_str(stripped);
            origin.last_mut().expect("a group to continue").1 = number;
            words += pychar::count_words(stripped);
        } else {
            if !origin.is_empty() {
                out.push('\n');
            }
            out.push_str(line);
            origin.push((number, number));
            words = pychar::count_words(stripped);
        }
        last = (!stripped.is_empty()).then_some(stripped);
    }
    Joined { text: out, origin }
}

/// True if `next` continues `previous`, the last line of a group of `words` words; `after`
/// is the line below `next`.
///
/// A line opening with punctuation continues; a lower-case one only if it ends the sentence
/// or is continued in turn: a lower-case label ("most popular", "stay updated") between
/// chrome lines stays a line of its own.
fn continues(previous: &str, next: &str, words: usize, after: Option<&str>) -> bool {
    if previous.ends_with(ENDS) {
        return false;
    }
    if next.starts_with(CONTINUES) {
        return true;
    }
    let first = next.chars().next().expect("a non-blank line");
    first.is_lowercase()
        && words >= MIN_CONTINUED_WORDS
        && (next.ends_with(ENDS) || after.is_some_and(|line| opens_continuation(next, line)))
}

/// True if `line` opens with punctuation that continues the sentence `previous` leaves open
/// (", the agency said" below "Reuters"): the mark of a sentence split at a link, which
/// `markup::detect` counts.
///
/// Only marks that continue a clause count (`SPLIT_MARKS`), and only a line that is the
/// mark alone or the mark and words: "»", "«" or "»»»" alone are arrows, not a sentence's end.
pub fn is_split_sentence(previous: &str, line: &str) -> bool {
    if previous.ends_with(ENDS) || !line.starts_with(SPLIT_MARKS) {
        return false;
    }
    let rest = &line[1..];
    rest.is_empty() || rest.starts_with(' ') || rest.chars().next().is_some_and(char::is_alphanumeric)
}

/// True if `line` opens like a continuation of `previous` (punctuation or lower case).
fn opens_continuation(previous: &str, line: &str) -> bool {
    !previous.ends_with(ENDS) && (line.starts_with(CONTINUES) || line.chars().next().is_some_and(char::is_lowercase))
}

/// True if `line`, capitalised, is a link's text inside the sentence `previous` leaves open
/// (see MAX_BRIDGE_WORDS); `after` is the line below it.
fn bridges(previous: &str, line: &str, after: Option<&str>, words: usize) -> bool {
    if words < MIN_CONTINUED_WORDS || !previous.chars().next_back().is_some_and(char::is_lowercase) {
        return false;
    }
    if pychar::count_words(line) > MAX_BRIDGE_WORDS {
        return false;
    }
    after.is_some_and(|next| !next.is_empty() && opens_continuation(line, next))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_split_at_links_is_one_group() {
        let joined =
            join("Home\nnews\nThe minister said\non Monday\nthat talks would go on, according to\nReuters\n.\nNext.");
        let lines: Vec<&str> = joined.text.split('\n').collect();
        assert_eq!(
            lines,
            ["Home", "news", "The minister said on Monday", "that talks would go on, according to Reuters.", "Next."]
        );
        // "that talks …" is not joined: a lower-case line followed by a capitalised one may be a
        // label, and only a short capitalised line after an open sentence bridges.
        assert_eq!(joined.origin, [(1, 1), (2, 2), (3, 4), (5, 7), (8, 8)]);
        // A lower-case line followed by a capitalised one is a label, not a fragment.
        let labels = join("tags #Markets #Nifty #Sensex\nmost popular\nMost expensive buildings in the world");
        assert_eq!(labels.origin, [(1, 1), (2, 2), (3, 3)]);
        let bridged = join("Below are the stats for the\nCleveland Browns\n’ Week 11 game.\nDefensive Line\nPos");
        assert_eq!(bridged.text, "Below are the stats for the Cleveland Browns’ Week 11 game.\nDefensive Line\nPos");
    }

    #[test]
    fn blank_lines_and_sentence_ends_split_groups() {
        let joined = join("It rained all day.\nand then it stopped\n\nin the evening");
        assert_eq!(joined.text, "It rained all day.\nand then it stopped\n\nin the evening");
        assert_eq!(joined.origin, [(1, 1), (2, 2), (3, 3), (4, 4)]);
    }
}
