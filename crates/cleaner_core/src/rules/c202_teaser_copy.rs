//! C202 teaser-copy: a truncated teaser ("…") repeating the start of a body paragraph.

use rustc_hash::FxHashMap;

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

    /// The stems go into a byte trie; each live line's fingerprint, computed only as far as
    /// the longest stem and one character more (all a prefix test reads), is walked down it
    /// once: the cost is linear in the lines and their fingerprints, the memory in the stems.
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
        let mut firsts: Vec<char> = stems.iter().filter_map(|(_, stem)| stem.chars().next()).collect();
        let every_line = firsts.len() < stems.len();
        firsts.sort_unstable();
        firsts.dedup();
        let may_extend = |text: &str| {
            every_line || fingerprint_prefix(text, 0).chars().next().is_some_and(|c| firsts.binary_search(&c).is_ok())
        };
        let mut trie = StemTrie::default();
        let ids: Vec<usize> = stems.iter().map(|(_, stem)| trie.insert(stem)).collect();
        // Per distinct stem: up to two lines whose fingerprint runs on past it.
        let mut extended: Vec<[Option<usize>; 2]> = vec![[None; 2]; trie.stems];
        for &n in live.iter() {
            let text = page.line(n).stripped;
            if !may_extend(text) {
                continue;
            }
            trie.walk(fingerprint_prefix(text, longest + 1).as_bytes(), |id| {
                let seen = &mut extended[id];
                if seen[0].is_none() {
                    seen[0] = Some(n);
                } else if seen[1].is_none() && seen[0] != Some(n) {
                    seen[1] = Some(n);
                }
            });
        }
        stems
            .iter()
            .zip(ids)
            .filter(|((number, _), id)| extended[*id].iter().flatten().any(|n| n != number))
            .map(|((number, _), _)| page.removal(&META, *number, *number))
            .collect()
    }
}

/// The stems, byte by byte: node 0 is the root, `edges` maps (node, byte) to the next node,
/// and a node that ends a stem holds the stem's id. One map for every edge: a node costs no
/// allocation of its own.
#[derive(Default)]
struct StemTrie {
    edges: FxHashMap<(usize, u8), usize>,
    /// Per node: the id of the stem that ends there (node 0 is the root).
    ends: Vec<Option<usize>>,
    /// Distinct stems so far.
    stems: usize,
}

impl StemTrie {
    /// The id of `stem` (the same for a stem inserted twice).
    fn insert(&mut self, stem: &str) -> usize {
        if self.ends.is_empty() {
            self.ends.push(None);
        }
        let mut at = 0;
        for &b in stem.as_bytes() {
            let fresh = self.ends.len();
            at = *self.edges.entry((at, b)).or_insert(fresh);
            if at == fresh {
                self.ends.push(None);
            }
        }
        *self.ends[at].get_or_insert_with(|| {
            self.stems += 1;
            self.stems - 1
        })
    }

    /// Calls `found` with the id of every stem that `print` starts with and runs on past,
    /// shortest first.
    fn walk(&self, print: &[u8], mut found: impl FnMut(usize)) {
        let mut at = 0;
        for &b in print {
            // A stem ending here opens print, and print runs on: it has this byte.
            if let Some(id) = self.ends[at] {
                found(id);
            }
            match self.edges.get(&(at, b)) {
                Some(&next) => at = next,
                None => return,
            }
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
    fn the_trie_finds_the_stems_a_fingerprint_runs_on_past() {
        let mut trie = StemTrie::default();
        let tokyo = trie.insert("tokyo aug 24");
        let short = trie.insert("tokyo");
        let empty = trie.insert("");
        let toronto = trie.insert("toronto");
        assert_eq!(trie.insert("tokyo"), short, "a stem inserted twice keeps its id");
        let walked = |print: &str| {
            let mut ids = Vec::new();
            trie.walk(print.as_bytes(), |id| ids.push(id));
            ids
        };
        assert_eq!(walked("tokyo aug 24 south korean"), vec![empty, short, tokyo]);
        assert_eq!(walked("tokyo aug 24"), vec![empty, short], "a fingerprint equal to a stem does not run on");
        assert_eq!(walked("tokyo aug 3"), vec![empty, short]);
        assert_eq!(walked("toronto star"), vec![empty, toronto]);
        assert_eq!(walked("osaka"), vec![empty]);
        assert_eq!(walked(""), Vec::<usize>::new());
    }

    /// The rule's answer against the plain definition on small random pages: a teaser goes
    /// when another line's fingerprint starts with its stem and runs on past it.
    #[test]
    fn the_rule_agrees_with_its_definition() {
        let words = ["tokyo", "aug", "24", "south", "korean", "president", "lee", "urged"];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut removed = 0;
        for _ in 0..300 {
            // Lines that share openings: cuts of one sentence, some closed by an ellipsis.
            let base: Vec<&str> = (0..12).map(|_| words[next(words.len())]).collect();
            let mut lines = Vec::new();
            for _ in 0..1 + next(8) {
                let mut line: Vec<&str> = if next(4) == 0 {
                    (0..1 + next(9)).map(|_| words[next(words.len())]).collect()
                } else {
                    base[..1 + next(base.len())].to_vec()
                };
                if next(2) == 0 {
                    line.push("...");
                }
                lines.push(line.join(" "));
            }
            let text = lines.join("\n");
            let page = Page::new(&text, &text, true, None);
            let found: Vec<usize> = RULE.find(&page).iter().map(|r| r.start).collect();
            let expected: Vec<usize> = (1..=lines.len())
                .filter(|&n| {
                    let Some(cut) = teaser_stem(pychar::strip(&lines[n - 1])) else { return false };
                    if word_count(cut) < MIN_TEASER_WORDS {
                        return false;
                    }
                    let stem = fingerprint(cut);
                    (1..=lines.len()).any(|m| {
                        let print = fingerprint(pychar::strip(&lines[m - 1]));
                        m != n && print.len() > stem.len() && print.starts_with(&stem)
                    })
                })
                .collect();
            assert_eq!(found, expected, "{text}");
            removed += found.len();
        }
        assert!(removed > 20, "the pages hold teasers to remove ({removed})");
    }
}
