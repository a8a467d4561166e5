//! C110 account: sign-in, registration and subscription buttons.

use crate::rule::{label, prompt, Pattern, PatternRule, RuleMeta, MAX_LABEL_CHARS};

pub static META: RuleMeta = RuleMeta { line_local: true, ..RuleMeta::new("C110", "account", DOC) };

const DOC: &str = "\
Sign-in, registration and subscription buttons.

Removed:
    Sign in
Removed:
    Log In / Register
Removed:
    Subscribe now to our digital edition for the full story.
Kept:
    Sign in sheets at the clinic showed 40 visitors that morning.
Kept:
    Subscribers who log in will still be able to read the full story until May, the paper said.
";

/// "Sign in", "Log In / Register", "My Account", "Subscribe now", "Forgot password?", and the
/// fields of sign-up and comment forms: "Email (required)", "Name *"
static ACCOUNT_PROMPT: Pattern = Pattern::new(|| {
    label(concat!(
        r"(?:(?:sign|log)\s?(?:in|on|out|up)(?:\s*(?:/|\||or|and)\s*(?:register|sign\s?up|subscribe|join|create (?:an )?account))?",
        r"|register|my account|my profile|create (?:an |your )?(?:free )?account|subscribe(?: now| today| here)?",
        r"|(?:already (?:a subscriber|have an account|registered))\??(?: (?:sign|log) ?in)?",
        r"|(?:forgot|lost|reset) (?:your )?password\??|remember me|(?:user ?name|password|e-?mail)\s*(?:\*|\(required\))?",
        r"|(?:name|website|comment|zip code|postcode)\s*(?:\*|\(required\))",
        r"|subscriber(?:s)? (?:only|login)|not a subscriber\??|become a (?:member|subscriber))[\s.!:»›>]*",
    ))
});

/// Paywall prompts addressed to the reader: "Subscribe now to our digital edition for the full
/// story.", "To continue reading, log in or register.", "To view the full story, please
/// subscribe.", "… but you're already a subscriber", "Become a member and enjoy exclusive
/// benefits", "Hazte miembro y disfruta de beneficios exclusivos" (not "Become a member of the
/// club, the coach urged him"), a print subscription's offer that opens its sentence: "Get the
/// magazine delivered to your door every month. 12 issues for £11.99." (not "Meal kits
/// delivered to your door every week …", "… sold 12 issues for $3, a price …"), the sign-up
/// form's consent ("By registering you agree to our terms", "Mit der Registrierung akzeptieren
/// Sie …") and "Zapraszamy do subskrypcji" ("we invite you to subscribe"). The sign-up
/// box's consent line, which names the privacy policy or the newsletter ("Ich bin mit der
/// Verarbeitung meiner Daten gemäß der Datenschutzerklärung einverstanden", "I agree that
/// Example can send me the … newsletter"; not "Ich bin mit dem Urteil nicht einverstanden"),
/// and the reader-revenue appeal beside it: "Jede kleine Spende hilft …!", "Ihr Beitrag hilft
/// uns …", "Unterstütze Example bereits mit 2 Euro!", "Unterstützen Sie unsere Arbeit",
/// "Support independent journalism" (not "Jede Spende hilft, sagte die Vorsitzende.").
/// The form's reCAPTCHA notice ("This site is protected by reCAPTCHA and the Google Privacy
/// Policy …") too. Origin: issue 16, leaks on trafilatura-dev (sign-up consent and donation prompts at the
/// body's end, 9 pages of different sites) and one on scrapinghub-dev.
static PAYWALL_SENTENCE: Pattern = Pattern::new(|| {
    prompt(concat!(
        r"^(?:subscribe|sign in|log in|register|become a (?:member|subscriber))\b.{0,80}",
        r"\b(?:full (?:story|article)|continue reading|keep reading|unlimited (?:access|articles))\b",
        r"|^to (?:continue|keep) reading\b.{0,60}\b(?:subscribe|sign in|log in|register|subscriber)",
        r"|^to (?:view|read|see|access) the (?:full|whole|entire|rest of the) (?:story|article)\b.{0,60}\bsubscri",
        r"|\b(?:you(?:'|’)re|you are) already a (?:subscriber|member)\b",
        r"|^(?:become a|hazte|hágase|torne-se) (?:member|subscriber|miembro|socio|suscriptor|assinante)(?: today| now| hoy)?",
        r"(?:\W*$| (?:and|y|e) (?:enjoy|get|support|disfruta|obtén|apoya|aproveite|apoie)\b)",
        r"|(?:^|[.!?]\s+)\d{1,3} (?:issues|editions) for (?:just |only )?[£$€]\s?[\d.,]+\W*$",
        r"|(?:^|[.!?]\s+)get (?:[\w'’-]+ ){0,4}delivered (?:through your letterbox|to your (?:door|doorstep|home)) every (?:week|month)\b",
        r"|^(?:by (?:registering|signing up|subscribing|creating an account),? you (?:agree|accept|consent)",
        r"|mit (?:der|ihrer) (?:registrierung|anmeldung),? (?:akzeptieren|bestätigen|stimmen) sie)\b",
        r"|\bprotected by recaptcha\b",
        r"|^zapraszamy (?:też |również )?do (?:subskrypcji|prenumeraty)\b",
        r"|^(?:mit (?:der|ihrer|deiner) anmeldung|ich (?:akzeptiere|bin mit|stimme|willige))\b.{0,100}",
        r"\b(?:datenschutz(?:erklärung|bestimmungen|hinweisen?|richtlinien?)|newsletter\w*)\b",
        r"|^i (?:have read and )?(?:agree|consent|accept)(?: to| that)\b.{0,100}",
        r"\b(?:privacy (?:policy|notice|statement)|terms (?:of use|and conditions|of service)|newsletters?)\b",
        r"|^jede (?:kleine )?spende hilft\b.{0,80}!$|^jetzt spenden\b",
        r"|^(?:ihr|dein|ihre|deine) (?:beitrag|spende|unterstützung) hilft,? (?:uns|unsere[mnr]?)\b",
        r"|\b(?:unterstützen sie|unterstütze) (?:unsere arbeit|unseren journalismus|unabhängigen journalismus|diese form des)\b",
        r"|^unterstütze(?:n sie)? [\w.-]+ (?:bereits |schon )?(?:mit|ab) (?:nur )?\d",
        r"|^(?:please )?(?:support (?:us|our (?:work|journalism|reporting)|independent journalism)|donate (?:now|today))\b",
    ))
});

pub static RULE: PatternRule =
    PatternRule { meta: &META, label: &ACCOUNT_PROMPT, prompt: Some(&PAYWALL_SENTENCE), max_chars: MAX_LABEL_CHARS };
