//! C103 newsletter: newsletter labels and sign-up prompts.

use crate::rule::{label, prompt, Pattern, PatternRule, RuleMeta, MAX_LABEL_CHARS};

pub static META: RuleMeta = RuleMeta { line_local: true, ..RuleMeta::new("C103", "newsletter", DOC) };

const DOC: &str = "\
Newsletter labels and sign-up prompts.

Removed:
    Newsletter
Removed:
    Sign up for our daily newsletter
Removed:
    Never miss the latest news by signing up to our newsletter today!
Removed:
    Sign Up for e-mail newsletters
Removed:
    No spam, we promise. You can unsubscribe at any time and we'll never share your details.
Kept:
    Readers of the newsletter, which has two million subscribers, can sign up for free.
Kept:
    The newsletter was founded in 1990 by two retired teachers.
Kept:
    Users can unsubscribe at any time, the regulator said, but the link is hard to find.
";

/// "Newsletter", "Morning Brief Newsletter", "Sign up for our daily newsletter", "Subscribe to
/// our newsletters", "Get the best of the week in your inbox", "Enter your email address"
static NEWSLETTER_PROMPT: Pattern = Pattern::new(|| {
    label(concat!(
        r"(?:(?:the |our |daily |weekly |free )*newsletters?|(?-i:(?:[A-Z][\w'’&-]* ){1,3}Newsletters?)",
        r"|(?:sign up|subscribe|register|opt in)(?: now| here| today| free)?",
        r"(?: (?:for|to)(?: (?:our|the|my|a))?(?: [\w'’&-]+){0,4} (?:newsletters?|e-?mails?|updates|alerts|briefing|digest))?",
        r"(?: (?:here|now|today))?",
        r"|(?:get|receive) (?:our|the)(?: [\w'’&-]+){0,4} (?:newsletters?|in your inbox)(?: [\w'’&-]+){0,4}",
        r"|(?:enter |your )+e-?mail(?: address)?(?: here)?",
        r"|(?:delivered|straight) to your inbox(?: [\w'’&-]+){0,4})[\s.!:»›>*]*",
    ))
});

/// "Never miss the latest news by signing up to our newsletter today!", "Get our free weekly
/// newsletter delivered to your inbox." — said to the reader; so is a sentence that opens with
/// the imperative and names whose newsletter ("Subscribe to Example.com's newsletters."; not
/// "Subscribe to one newsletter and your address is sold"), a line that ends on the by-email
/// pitch ("Get the Daily Edition by email"; not "Get the news by email, the minister said, …"),
/// the sign-up form's replies ("Keep an eye on your inbox", "There was an error processing your
/// subscription"). German: "Mit unserem Newsletter erhalten Sie …". The sign-up box's pitch
/// and small print: "Get the latest updates … straight to your inbox with the X newsletter",
/// "No spam, we promise. You can unsubscribe at any time", "… kannst du den X Newsletter hier
/// abonnieren", "Wir informieren Sie täglich über …" (the German box's pitch; issue 16)
/// (docs/quality-analysis.md: newsletter prompts, 0.8 precision points on
/// scrapinghub-dev; the label "Sign up for e-mail newsletters" had no article, so it missed).
static NEWSLETTER_SENTENCE: Pattern = Pattern::new(|| {
    prompt(concat!(
        r"\b(?:sign(?:ing)? up|subscrib(?:e|ing)|register(?:ing)?|join)\b.{0,60}\b(?:our|my) (?:[\w-]+ ){0,3}newsletters?\b",
        r"|\b(?:our|my) (?:[\w-]+ ){0,3}newsletters?\b.{0,80}\b(?:your inbox|sign up|subscribe)\b",
        r"|(?:^|[.!?]\s+)(?:sign up|subscribe) (?:to|for) (?:our|the|[\w.-]+['’]s) (?:[\w-]+ ){0,3}newsletters?\b[^.!?]{0,40}[.!]?$",
        r"|^keep an eye on your inbox\b|\berror processing your (?:subscription|sign-?up)\b",
        r"|^get (?:the |our )?(?:[\w'’-]+ ){0,6}(?:edition|newsletters?|briefing|digest|news|updates|stories|headlines)\b",
        r".{0,20}\b(?:by e-?mail|in your inbox)(?:\W*$| and [^,]{0,40}$)",
        r"|\bmit unserem newsletter\b|\b(?:abonnieren sie|abonniere) (?:unseren|den) newsletter\b",
        r"|\bto your inbox\b.{0,80}\bnewsletters?\b|\bnewsletters?\b.{0,40}\bhier abonnieren\b",
        r"|^wir (?:informieren|versorgen|halten) (?:sie|dich|euch) (?:täglich|wöchentlich|regelmäßig|immer)\b",
        r"|\bno spam\b.{0,40}\bunsubscribe\b|\byou can (?:always )?unsubscribe (?:at any time|anytime)\b",
    ))
});

pub static RULE: PatternRule = PatternRule {
    meta: &META,
    label: &NEWSLETTER_PROMPT,
    prompt: Some(&NEWSLETTER_SENTENCE),
    max_chars: MAX_LABEL_CHARS,
};
