//! C113 cookie-notice: cookie and consent notices, their buttons and policy links.

use std::sync::LazyLock;

use crate::lexicon;
use crate::page::{Page, Removal};
use crate::pychar::char_len;
use crate::pyre::{Mode, PyRegex};
use crate::rule::{Rule, RuleMeta, MAX_LABEL_CHARS};
use crate::text::word_count;

pub static META: RuleMeta = RuleMeta { line_local: true, ..RuleMeta::new("C113", "cookie-notice", DOC) };

const DOC: &str = "\
Cookie and consent notices, their buttons and policy links.

Removed:
    We use cookies to give you the best experience. By continuing you agree to our use of cookies.
Removed:
    Accept all
Kept:
    The bakery sold 300 cookies on its first day, the owner said.
Kept:
    Third-party cookies, which advertisers use to follow people, will be phased out.
";

fn search(source: &str) -> PyRegex {
    PyRegex::new(source, true, Mode::Search)
}

/// A notice is a line with all three: cookies, what they are for, and the site speaking or
/// spoken of. "We use cookies to improve your experience. By continuing you accept our cookie
/// policy." Articles about cookies, baked or tracking, lack the site's voice: "Third-party
/// cookies, which advertisers use to follow people, will be phased out."
static COOKIE_WORD: LazyLock<PyRegex> = LazyLock::new(|| search(r"\bcookies?\b"));
/// "accept", "consent", "policy", "experience", "continuing", "personal data"; not "use" or
/// "store", which recipes share ("we use brown butter in our cookies").
static NOTICE_WORD: LazyLock<PyRegex> = LazyLock::new(|| {
    search(concat!(
        r"\b(?:accept|consent|policy|settings|preferences|browsing|experience|agree|",
        r"continu\w*|enable|partners|personali[sz]\w*|personal (?:data|information)|analytics|tracking|opt[- ]?out|",
        r"functionalit\w*)\b",
    ))
});
/// "we", "our", "us", "this website", "the site", "nostro sito", "unserer Webseite"
static SITE_VOICE: LazyLock<PyRegex> = LazyLock::new(|| {
    search(concat!(
        r"\b(?:we|our|us)\b|\b(?:this|the|our) (?:web)?site\b",
        r"|\b(?:nostro|questo) sito\b|\b(?:unsere[rn]?|diese[rn]?) (?:web)?seite\b|\b(?:nuestro|este) sitio\b",
        r"|\b(?:notre|ce) site\b",
    ))
});
/// Footer and menu links need no voice: "* Cookie Policy", "Privacy Policy | Cookie Policy | FAQs".
/// "* Manage Cookie Preferences": a link is a few words, a sentence more.
const MAX_LINK_WORDS: usize = 4;
const LINK_ROW_SEPARATOR: char = '|';
/// "This site uses cookies", "Our website is using cookies", "We use cookies"
static SITE_USES_COOKIES: LazyLock<PyRegex> = LazyLock::new(|| {
    search(r"\b(?:we|this (?:site|website)|our (?:site|website))(?: uses?| is using| are using) cookies\b")
});
/// Consent buttons: "Accept all", "I agree", "Manage cookie settings", "Got it"
static CONSENT_BUTTON: LazyLock<PyRegex> = LazyLock::new(|| {
    PyRegex::new(
        concat!(
            r"(?:accept|reject|decline|allow|deny|refuse)(?: all| selected| necessary| essential)?(?: cookies)?",
            r"|i (?:agree|accept|understand)|got it|ok(?:ay)?|agree(?: and (?:close|continue))?",
            r"|(?:manage|customi[sz]e|change|cookie) (?:cookie )?(?:settings|preferences|options|consent|policy)",
            r"|privacy (?:settings|preferences|center|centre)|do not sell my (?:personal )?info(?:rmation)?",
            r"|(?:privacy|cookie) policy|terms (?:of (?:use|service)|and conditions|& conditions)",
        ),
        true,
        Mode::FullMatch,
    )
});
/// A notice is a paragraph or two; longer text discusses cookies.
const MAX_NOTICE_WORDS: usize = 200;

pub struct CookieNotice;
pub static RULE: CookieNotice = CookieNotice;

impl Rule for CookieNotice {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn line_patterns(&'static self) -> Vec<&'static PyRegex> {
        vec![&*CONSENT_BUTTON]
    }

    fn find(&self, page: &Page<'_>) -> Vec<Removal> {
        let table = lexicon::table_bit(META.name);
        let phrases = lexicon::phrases(META.name);
        page.remove_lines_where(&META, |number| {
            let text = page.line(number).stripped.trim_end_matches(['.', '!']);
            let is_button = char_len(text) <= MAX_LABEL_CHARS
                && (CONSENT_BUTTON.is_match(page.hay_of(number, text)) || page.in_lexicon(table, number));
            is_button || (may_be_notice(text) && (is_cookie_notice(text) || phrases.occurs_within(text)))
        })
    }
}

/// Every notice names its cookies and is a paragraph at most: the cheap test first.
fn may_be_notice(text: &str) -> bool {
    (text.contains("ookie") || text.contains("OOKIE")) && word_count(text) <= MAX_NOTICE_WORDS
}

/// An English notice ("We use cookies …"); other languages are lexicon `within` phrases.
fn is_cookie_notice(text: &str) -> bool {
    if SITE_USES_COOKIES.is_match(text) {
        return true;
    }
    if !(COOKIE_WORD.is_match(text) && NOTICE_WORD.is_match(text)) {
        return false;
    }
    let is_link = word_count(text) <= MAX_LINK_WORDS || text.contains(LINK_ROW_SEPARATOR);
    is_link || SITE_VOICE.is_match(text)
}
