//! C101 open-in-app: lines that only ask the reader to open or download the site's app.

use crate::rule::{label, prompt, Pattern, PatternRule, RuleMeta, MAX_LABEL_CHARS};

pub static META: RuleMeta = RuleMeta { line_local: true, ..RuleMeta::new("C101", "open-in-app", DOC) };

const DOC: &str = "\
Lines that only ask the reader to open or download the site's app.

Removed:
    Open in App
Removed:
    Download the free News app
Removed:
    Download on the App Store
Kept:
    Seoul will open in-app visa applications next year.
";

/// "Open in App", "Read this story in our app", "Download the free NDTV app",
/// "Download on the App Store", "GET IT ON Google Play" (the store badges' alt text)
static APP_PROMPT: Pattern = Pattern::new(|| {
    label(concat!(
        r"(?:(?:open|read|continue|view|listen)(?: (?:this|the|full))?(?: (?:story|article|news))?",
        r"(?: (?:in|on|with)) (?:the |our )?app",
        r"|(?:download|get|install|try) (?:the |our )?(?:free |new )?(?:[\w&]+ )?(?:news )?app(?: now| here| today)?",
        r"|(?:(?:download|get it|available) (?:on|from|in) (?:the )?)?(?:apple )?(?:app store|google play)(?: store)?",
        r"|open app|get the app)[\s.!:»›>]*",
    ))
});

/// "For the latest stories download the Example News apps for iOS and Android.": a sentence
/// naming the phone platforms and the app by its name; "Apple's new app for iOS lets users …"
/// and "download the data to an app on Android" ask nothing. "Get Example News on the go" is
/// the same pitch. It opens its sentence (after at most a "For the latest …" lead): "Users can
/// download the free app for iOS and Android from today." is news.
static APP_SENTENCE: Pattern = Pattern::new(|| {
    prompt(concat!(
        r"(?:^|[.!?]\s+)(?:for (?:the latest|more|all the)\b[^.!?]{0,40}?,? )?(?:download|get|install|try) ",
        r"(?:the |our )?(?:free |new |official )?(?:(?-i:[A-Z])[\w&'’-]* ){0,4}",
        r"apps? (?:for|on) ",
        r"(?:ios|android|iphone)\b",
        r"|^get (?:the )?(?:(?-i:[A-Z])[\w&'’-]* ){1,4}on the go\b",
    ))
});

pub static RULE: PatternRule =
    PatternRule { meta: &META, label: &APP_PROMPT, prompt: Some(&APP_SENTENCE), max_chars: MAX_LABEL_CHARS };
