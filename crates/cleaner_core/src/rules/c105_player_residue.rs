//! C105 player-residue: media-player controls and timers ("0:00", "Close", "×").

use crate::rule::{label, Pattern, PatternRule, RuleMeta, MAX_LABEL_CHARS};

pub static META: RuleMeta = RuleMeta { line_local: true, ..RuleMeta::new("C105", "player-residue", DOC) };

const DOC: &str = "\
Media-player controls and timers left in the text.

Removed:
    0:00
Removed:
    Close
Removed:
    ×
Kept:
    Close to 300 people attended the vigil at 10:00 on Sunday.
";

/// "0:00", "01:32 / 03:10", "×", "‹ › ×" (a gallery's arrows), "Close", "Play Video", "Loaded: 0%"
static PLAYER_RESIDUE: Pattern = Pattern::new(|| {
    label(concat!(
        r"(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?",
        r"|[×✕✖✗xX]|[‹›×✕✖❮❯◀▶«»<>](?:\s*[‹›×✕✖❮❯◀▶«»<>])+|close|close (?:player|video|window|ad)|play|pause|mute|unmute|replay|fullscreen|full screen|",
        r"(?:play|watch) (?:video|now)|now playing|up next|autoplay|live|video|audio|",
        r"(?:current time|duration|remaining time|loaded|progress)\s*:?\s*[\d:.%/ ]*|",
        r"(?:closed )?captions?|subtitles|settings|chapters|descriptions off|quality|speed|",
        r"this is a modal window\.?|beginning of dialog window\..*|end of dialog window\.?)",
    ))
});

pub static RULE: PatternRule =
    PatternRule { meta: &META, label: &PLAYER_RESIDUE, prompt: None, max_chars: MAX_LABEL_CHARS };
