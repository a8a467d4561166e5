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

    /// The stems go into a trie; each live line's fingerprint, computed only as far as the
    /// longest stem and one character more (all a prefix test reads), is walked down it once,
    /// so the cost is linear in the lines and their fingerprints, and the memory in the
    /// stems, not in the lines.
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
        // character: only those lines are fingerprinted further.
        // (An empty stem, from a teaser of punctuation alone, starts every fingerprint.)
        let firsts: Vec<char> = stems.iter().filter_map(|(_, stem)| stem.chars().next()).collect();
        let every_line = firsts.len() < stems.len();
        let may_extend =
            |text: &str| every_line || fingerprint_prefix(text, 0).chars().next().is_some_and(|c| firsts.contains(&c));
        let index = StemIndex::new(stems.iter().map(|(_, stem)| stem.as_str()));
        // Per distinct stem: up to two lines whose fingerprint runs on past it.
        let mut extended: Vec<[Option<usize>; 2]> = vec![[None; 2]; index.sorted.len()];
        for &n in live.iter() {
            let text = page.line(n).stripped;
            if !may_extend(text) {
                continue;
            }
            let print = fingerprint_prefix(text, longest + 1);
            // Every stem the line runs on past, longest first: a stem seen twice already has
            // its shorter stems seen twice too (each line that ran past it ran past them).
            let mut at = index.longest_proper_prefix(print.as_bytes(), true);
            while let Some(i) = at {
                let seen = &mut extended[i];
                if seen[1].is_some() {
                    break;
                }
                if seen[0].is_none() {
                    seen[0] = Some(n);
                } else if seen[0] != Some(n) {
                    seen[1] = Some(n);
                }
                at = index.parent[i];
            }
        }
        stems
            .iter()
            .filter(|(number, stem)| extended[index.position(stem)].iter().flatten().any(|n| n != number))
            .map(|(number, _)| page.removal(&META, *number, *number))
            .collect()
    }
}

/// The distinct stems, sorted, and for each the longest other stem that opens it: the stems
/// a fingerprint starts with are found by binary search, in time linear in the lines and
/// memory linear in the stems (sorting every line's fingerprint held them all at once).
struct StemIndex<'s> {
    sorted: Vec<&'s str>,
    /// Per stem: the longest stem that is a proper prefix of it.
    parent: Vec<Option<usize>>,
}

impl<'s> StemIndex<'s> {
    fn new(stems: impl Iterator<Item = &'s str>) -> StemIndex<'s> {
        let mut sorted: Vec<&str> = stems.collect();
        sorted.sort_unstable();
        sorted.dedup();
        let mut index = StemIndex { sorted, parent: Vec::new() };
        index.parent = index.sorted.iter().map(|stem| index.longest_proper_prefix(stem.as_bytes(), true)).collect();
        index
    }

    fn position(&self, stem: &str) -> usize {
        self.sorted.binary_search(&stem).expect("every stem is indexed")
    }

    /// The longest stem that `text` starts with and is longer than (`strict`), or is at
    /// least as long as (not `strict`).
    ///
    /// The largest stem not above `text` is it when it opens `text`; when it does not, every
    /// stem that opens `text` also opens the part the two share (a stem longer than that
    /// part would sort above the largest one), so the search goes on in that part.
    fn longest_proper_prefix(&self, text: &[u8], strict: bool) -> Option<usize> {
        let (mut probe, mut strict) = (text, strict);
        loop {
            let below =
                self.sorted.partition_point(|s| if strict { s.as_bytes() < probe } else { s.as_bytes() <= probe });
            let candidate = self.sorted.get(below.checked_sub(1)?)?.as_bytes();
            if probe.starts_with(candidate) {
                return Some(below - 1);
            }
            let shared = candidate.iter().zip(probe).take_while(|(a, b)| a == b).count();
            // A stem equal to the shared part is shorter than `text`: a proper prefix.
            (probe, strict) = (&probe[..shared], false);
        }
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

    #[test]
    fn the_index_finds_the_stems_a_fingerprint_runs_on_past() {
        let index = StemIndex::new(["tokyo aug 24", "tokyo", "", "tokyo", "toronto"].into_iter());
        let chain = |print: &str| {
            let mut found = Vec::new();
            let mut at = index.longest_proper_prefix(print.as_bytes(), true);
            while let Some(i) = at {
                found.push(index.sorted[i]);
                at = index.parent[i];
            }
            found
        };
        assert_eq!(chain("tokyo aug 24 south korean"), vec!["tokyo aug 24", "tokyo", ""]);
        assert_eq!(chain("tokyo aug 24"), vec!["tokyo", ""], "a fingerprint equal to a stem does not run on");
        assert_eq!(chain("tokyo aug 3"), vec!["tokyo", ""]);
        assert_eq!(chain("toronto star"), vec!["toronto", ""]);
        assert_eq!(chain("osaka"), vec![""]);
        assert_eq!(chain(""), Vec::<&str>::new());
    }
}
