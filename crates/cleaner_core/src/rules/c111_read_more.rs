//! C111 read-more: read-more and continue links, cross-links to other stories.

use std::sync::LazyLock;

use crate::pychar;
use crate::pyre::{Hay, PyRegex};
use crate::rule::{label, LabelMatcher, PatternRule, RuleMeta};

pub static META: RuleMeta = RuleMeta { line_local: true, ..RuleMeta::new("C111", "read-more", DOC) };

const DOC: &str = "\
Read-more and continue links, and cross-links to other stories.

Removed:
    Read more
Removed:
    READ MORE: Markets slide as tariff fears return
Removed:
    Next article Markets slide as tariff fears return
Kept:
    Read more widely, the teacher told her pupils, and you will write better.
Kept:
    Next story time at the library is on Saturday at 10am!
Kept:
    Watch: a short film made by the pupils is on the school's website.
";

/// "Read more", "Continue reading »", "READ MORE: Markets slide as ...", "Also read: ...",
/// "Also: See our holiday coverage", "[Related: Markets slide as ...]", "Also on example.com
/// Markets slide as ...", ">> Markets slide as ... <<", "Back to top", "Next article", and the
/// pager between posts with its target's headline: "Next article Markets slide as …",
/// "Vorheriger Artikel Wetter: mild bis Freitag" (issue 16: kept at the body's end on
/// trafilatura-dev). A headline does not open in lower case: "Next story time at the
/// library is on Saturday!" and "Nächster Artikel folgt am Montag" are sentences.
/// `{headline}` is the target of a labelled cross-link (see `ReadMoreLabel`).
fn read_more(headline: &str) -> PyRegex {
    label(&format!(
        concat!(
            r"(?:(?:read|see|view|load|show|discover|explore)(?: the)? (?:more|all|full(?: story| article| coverage)?|less)",
            r"(?: (?:news|stories|articles|posts|results|about this|here))?",
            r"|continue reading|keep reading|(?:click|tap) here(?: to [^.!?]{{1,60}})?",
            r"|(?:(?:read|see) (?:also|more|next|this)|also read|read also|also see|see also|watch|listen)\s*:\s*{h}",
            r"|also\s*:\s*(?:see|read|watch|listen)\b.{{0,200}}",
            r"|\[(?:related|read more|read also|also read|see also)\s*:[^\]]{{1,200}}\]",
            r"|also on \w[\w.-]*\.[a-z]{{2,6}}\s+{h}",
            r"|>>\s*[^<>]{{1,200}}\s*<<",
            r"|more (?:news|stories|articles|videos)|back to (?:top|home)|(?:next|previous|prev) (?:article|story|post|page)",
            r"|(?:next|previous|prev|nächste[rs]?|vorherige[rs]?) (?:article|story|post|artikel|beitrag)\s*[:|»›>]?\s+",
            r"(?-i:[^a-zäöüßàâçéèêëîïôûùœ\s]){h}",
            r"|(?:next|previous|prev|older|newer)(?: posts?| entries)?)[\s.!:»›>→…]*",
        ),
        h = headline
    ))
}

/// The target of a labelled cross-link is a headline, which does not end in a full stop:
/// "Watch: a short film made by the pupils is online." is a sentence of the article. Python
/// wrote this as `(?!.*\w\.$).{0,200}`; `regex` has no lookahead, so there are two patterns.
/// On a line that ends in a word character and a full stop the lookahead fails wherever the
/// headline could start (a label ends in ":" or a space, never in a word character), so
/// there the headline alternatives are left out (an empty class never matches).
const HEADLINE: &str = r".{0,200}";
const NO_HEADLINE: &str = r"[a&&b]";

pub struct ReadMoreLabel;

static WITH_HEADLINE: LazyLock<PyRegex> = LazyLock::new(|| read_more(HEADLINE));
static WITHOUT_HEADLINE: LazyLock<PyRegex> = LazyLock::new(|| read_more(NO_HEADLINE));

/// True if the text ends in a word character and a full stop (Python: `.*\w\.$`).
fn ends_word_full_stop(text: &str) -> bool {
    let mut tail = text.chars().rev();
    tail.next() == Some('.') && tail.next().is_some_and(pychar::is_word)
}

impl LabelMatcher for ReadMoreLabel {
    fn matches(&self, text: Hay<'_>) -> bool {
        if ends_word_full_stop(text.text) {
            WITHOUT_HEADLINE.is_match(text)
        } else {
            WITH_HEADLINE.is_match(text)
        }
    }

    fn patterns(&'static self) -> Vec<&'static PyRegex> {
        vec![&*WITH_HEADLINE, &*WITHOUT_HEADLINE]
    }
}

/// A cross-link label and its headline: 200 characters.
const MAX_CROSS_LINK_CHARS: usize = 240;

pub static RULE: PatternRule =
    PatternRule { meta: &META, label: &ReadMoreLabel, prompt: None, max_chars: MAX_CROSS_LINK_CHARS };

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_linked_headline_does_not_end_in_a_full_stop() {
        let matches = |text: &str| ReadMoreLabel.matches(text.into());
        assert!(matches("READ MORE: Markets slide as tariff fears return"));
        assert!(!matches("Watch: a short film made by the pupils is online."));
        assert!(matches("Watch: a short film made by the pupils is online!"));
        assert!(matches("Read more."));
    }
}
