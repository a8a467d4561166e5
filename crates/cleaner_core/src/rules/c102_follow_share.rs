//! C102 follow-share: follow-us and share-button lines, and lines of social-network names.

use crate::rule::{label, prompt, Pattern, PatternRule, RuleMeta, MAX_LABEL_CHARS};

pub static META: RuleMeta = RuleMeta { line_local: true, ..RuleMeta::new("C102", "follow-share", DOC) };

const DOC: &str = "\
Follow-us and share-button lines, and lines of social-network names.

Removed:
    Follow Us
Removed:
    Share on Facebook
Removed:
    Facebook Twitter WhatsApp Email
Removed:
    Follow The Gazette on Twitter and Instagram @gazette
Removed:
    Dir hat der Artikel gefallen? Jetzt teilen...
Kept:
    Did you like the story? Yes, I cried when I first read it, she said.
Kept:
    Follow the river path on foot for two miles to reach the old mill.
Kept:
    Follow us, the protesters shouted, and share what little you have.
";

const NETWORK: &str = concat!(
    r"(?:facebook|twitter|x|linkedin|whatsapp|e-?mail|mail|print|reddit|pinterest|pin(?: it)?|tweet|",
    r"telegram|messenger|flipboard|instagram|youtube|tiktok|threads|bluesky|mastodon|rss|sms|",
    r"copy(?: the)? link|copy|link|google\+?|tumblr|vk|xing|share)",
);

/// "Follow Us", "Follow us on Twitter", "Share this article", "Share on Facebook",
/// "Facebook Twitter WhatsApp Email", "Share via Email", "Share 12", "Sharing is caring!"
static FOLLOW_SHARE: Pattern = Pattern::new(|| {
    label(&format!(
        concat!(
            r"(?:(?:follow|like|join|connect with|find|friend) us(?: (?:on|at) {n}(?:(?:,| and| &| or)? {n})*)?",
            r"|(?:click to |tap to )?share(?: (?:this|the|our))?(?: (?:article|story|post|page|video|link|on|via|to))*",
            r"(?: {n}(?:(?:,| and| &| or|/)? {n})*)?(?: \d+)?",
            // between two names either a separator or spaces, never both optional (that
            // nesting made "facebook facebook … ?" exponential in a backtracking engine)
            r"|{n}(?:(?:\s*[,|/·•]\s*|\s+){n})*(?: \d+)?",
            r"|(?:\d+ )?shares?|sharing is caring)[\s.!:»›>]*",
        ),
        n = NETWORK
    ))
});

/// "Follow The Gazette on Twitter and Instagram @gazette", "Like us on Facebook for updates",
/// "Like this story? Share it with a friend!" (a sentence of its own that ends the line: not
/// "Share it with a friend, she said" nor "… lets you snap a photo and share it with your
/// friends."), an author's "Follow her on Twitter @jdoe" (the handle marks it: "Fans can follow
/// her on Instagram" is prose), "¡Síguenos en nuestro canal de YouTube!", "Únete a nuestro
/// canal de Telegram". The share prompt that asks first whether the reader liked the piece,
/// a line of its own or followed by the request: "Dir hat der Artikel gefallen? Jetzt teilen
/// …", "Hat Ihnen dieser Beitrag gefallen?", "Did you enjoy this article? Share it …"
/// (issue 16: kept at the body's end on trafilatura-dev). "Der Jury hat der Beitrag
/// gefallen" is news, and "Did you like the story? Yes, I cried …" an interview.
static FOLLOW_SENTENCE: Pattern = Pattern::new(|| {
    prompt(&format!(
        concat!(
            r"^(?:follow|like|find|join|connect with)\b.{{0,60}}\bon {n}\b",
            r"|(?:^|[.!?]\s+)share (?:it|this(?: story| article| post)?) with (?:a friend|your friends)\W*$",
            r"|\bfollow (?:him|her|them|me|us) on {n}\s*(?:at\s*)?@\w",
            r"|\b(?:nuestro|nuestra) (?:canal|cuenta|página) (?:de|en) {n}\b",
            r"|\b(?:únete|suscríbete|síguenos)\b.{{0,60}}\bcanal de {n}\b|\bcanal de {n}\b.{{0,60}}\b(?:únete|suscríbete)\b",
            r"|^(?:(?:dir|ihnen|euch) hat|hat (?:dir|ihnen|euch)) (?:der|dieser|unser|mein) (?:artikel|beitrag|text) gefallen\s*\?",
            r"(?:\s*$|\s+(?:dann |jetzt )?(?:teile|teilen|empfiehl|empfehlen|abonniere|abonnieren|unterstütze|unterstützen)\b)",
            r"|^(?:did you )?(?:like|enjoy|liked|enjoyed) (?:this|our) (?:article|post|story)\?",
            r"(?:\s*$|\s+(?:please )?(?:share|subscribe|sign up|follow)\b)",
        ),
        n = NETWORK
    ))
});

pub static RULE: PatternRule =
    PatternRule { meta: &META, label: &FOLLOW_SHARE, prompt: Some(&FOLLOW_SENTENCE), max_chars: MAX_LABEL_CHARS };
