//! C202 teaser-copy: a truncated teaser ("…") repeating the start of a body paragraph.

use crate::page::{Page, Removal};
use crate::pychar;
use crate::rule::{Rule, RuleMeta};
use crate::text::{fingerprint, fingerprint_prefix, word_count};

pub static META: RuleMeta = RuleMeta::new("C202", "teaser-copy", DOC);

const DOC: &str = "\
A truncated teaser (\"…\") that repeats the start of a body paragraph.

Removed:
    Tokyo, Aug 24 South Korean President Lee Jae Myung urged Japanese Prime Minister Shigeru Ishiba to forge closer ...
    = Tokyo, Aug 24 South Korean President Lee Jae Myung urged Japanese Prime Minister Shigeru Ishiba to forge closer cooperation.
Kept:
    He paused and said the talks would go on ...
    The talks went on until late into the night.
";

/// What may follow a teaser's ellipsis: "… read more »", "... more".
const TEASER_TAILS: &[&str] = &["read more", "more"];
const ELLIPSES: &[&str] = &["...", "…"];
/// Shorter stems match too many lines by chance.
const MIN_TEASER_WORDS: usize = 5;

pub struct TeaserCopy;
pub static RULE: TeaserCopy = TeaserCopy;

impl Rule for TeaserCopy {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    /// Every live line's fingerprint is sorted once; a teaser's stem is then looked up as a
    /// prefix by binary search, so the cost is n log n, not teasers × lines. A line's
    /// fingerprint is computed only as far as the longest stem and one character more: that
    /// is all a prefix test reads.
    fn find(&self, page: &Page<'_>) -> Vec<Removal> {
        let live = page.live_lines();
        let teasers: Vec<(usize, &str)> =
            live.iter().filter_map(|&n| teaser_stem(page.line(n).stripped).map(|cut| (n, cut))).collect();
        let stems: Vec<(usize, String)> = teasers
            .into_iter()
            .filter(|(_, cut)| word_count(cut) >= MIN_TEASER_WORDS)
            .map(|(number, cut)| (number, fingerprint(cut)))
            .collect();
        let Some(longest) = stems.iter().map(|(_, stem)| stem.len()).max() else { return Vec::new() };
        // A line can extend a stem only if its fingerprint starts with the stem's first
        // character: only those lines are fingerprinted further (and kept in memory).
        // (An empty stem, from a teaser of punctuation alone, starts every fingerprint.)
        let firsts: Vec<char> = stems.iter().filter_map(|(_, stem)| stem.chars().next()).collect();
        let every_line = firsts.len() < stems.len();
        let may_extend =
            |text: &str| every_line || fingerprint_prefix(text, 0).chars().next().is_some_and(|c| firsts.contains(&c));
        let mut prints: Vec<(String, usize)> = live
            .iter()
            .map(|&n| page.line(n).stripped)
            .zip(live.iter())
            .filter(|(text, _)| may_extend(text))
            .map(|(text, &n)| (fingerprint_prefix(text, longest + 1), n))
            .collect();
        prints.sort_unstable();
        let mut found = Vec::new();
        for (number, stem) in stems {
            // Fingerprints that start with the stem sort together, the stem itself first.
            let from = prints.partition_point(|(p, _)| p.as_str() <= stem.as_str());
            let longer = prints[from..].iter().take_while(|(p, _)| p.starts_with(stem.as_str()));
            if longer.take(2).any(|&(_, n)| n != number) {
                found.push(page.removal(&META, number, number));
            }
        }
        found
    }
}

/// The text before a closing ellipsis ("… read more"), or None if there is none.
fn teaser_stem(text: &str) -> Option<&str> {
    let mut text = text.trim_end_matches([' ', '\t', '»', '›', '>']);
    // Python lower-cases the line and tests its end; only ASCII letters lower-case to the
    // letters of a tail, so an ASCII, case-blind test of the last bytes is the same test.
    let ends_with = |tail: &str| {
        text.len() >= tail.len()
            && text.is_char_boundary(text.len() - tail.len())
            && text[text.len() - tail.len()..].eq_ignore_ascii_case(tail)
    };
    if let Some(tail) = TEASER_TAILS.iter().find(|tail| ends_with(tail)) {
        text = pychar::rstrip(&text[..text.len() - tail.len()]);
    }
    ELLIPSES.iter().find(|e| text.ends_with(*e)).map(|e| pychar::rstrip(&text[..text.len() - e.len()]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_teaser_stem_is_the_text_before_its_ellipsis_and_tail() {
        assert_eq!(
            teaser_stem("Lee urged Ishiba to forge closer ... READ MORE »"),
            Some("Lee urged Ishiba to forge closer")
        );
        assert_eq!(teaser_stem("Lee urged Ishiba …More"), Some("Lee urged Ishiba"));
        assert_eq!(teaser_stem("Lee urged Ishiba … mehr"), None);
        assert_eq!(teaser_stem("Straße ..."), Some("Straße"));
        assert_eq!(teaser_stem("No ellipsis here"), None);
    }
}
