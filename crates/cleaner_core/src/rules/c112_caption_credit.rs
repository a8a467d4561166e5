//! C112 caption-credit: image captions marked by a photo credit, and bare credit lines.

use std::sync::LazyLock;

use crate::page::{Page, Removal};
use crate::pychar;
use crate::pyre::{Hay, Mode, PyRegex};
use crate::rule::{Rule, RuleMeta};
use crate::text::{ends_like_sentence, word_count};

pub static META: RuleMeta = RuleMeta { line_local: true, ..RuleMeta::new("C112", "caption-credit", DOC) };

const DOC: &str = "\
Image captions marked by a photo credit, and bare credit lines.

Removed:
    Photo: Reuters
Removed:
    Protesters outside the court on Monday. (AP Photo/John Roe)
Removed:
    Snow on the old town's roofs. Photo: Jane Doe/example.org
Kept:
    The police released a photo: it shows the suspect leaving the bank.
Kept:
    Photographers waited outside the court for hours before the verdict.
Kept:
    The minister welcomed the decision, calling it overdue. (ANI)
Kept:
    Source: the ministry said the figures were provisional.
";

const VISUAL_WORD: &str = r"(?:photo(?:graph)?|image|picture|pic|foto|фото|bild|video|graphic|illustration|credit)s?";
fn credit_word() -> String {
    format!(
        r"(?:(?:crédits?|credits?) )?(?:{VISUAL_WORD}|(?:source|quelle|fuente|bildnachweis|bildquelle)s?|copyright)"
    )
}
const PHOTO_AGENCY: &str = r"(?:getty(?: images)?|shutterstock|istock(?:photo)?|alamy)";
/// News agencies also sign paragraphs ("… overdue. (ANI)") and share names with institutions
/// ("(EPA)"): in a caption they credit a picture only with a photo marker.
const NEWS_AGENCY: &str = r"(?:ap|afp|reuters|epa|dpa|ani|pti|ians|xinhua|bloomberg)";
fn agency() -> String {
    format!(r"(?:{PHOTO_AGENCY}|{NEWS_AGENCY})")
}
/// After an agency's slash, a photographer's name: a few words without a colon;
/// "Reuters/Ipsos poll: Biden leads by 8 points" is a headline.
const MAX_PHOTOGRAPHER_WORDS: usize = 5;

/// "Photo: Reuters", "Image credit: NASA", "Photograph by Jane Doe", "Foto: dpa", "Crédits
/// photos : Bestimage", "Copyright: Jane Doe" (a credit under a picture; "Copyright: the law
/// protects …" is a sentence)
static CREDIT_LINE: LazyLock<PyRegex> = LazyLock::new(|| {
    PyRegex::new(
        &format!(
            r"[(\[]?{}(?: credit| copyright| courtesy(?: of)?)?\s*(?:[:©|/]|by\b)\s*(?P<source>[^()\[\]]{{1,80}})[)\]]?",
            credit_word()
        ),
        true,
        Mode::FullMatch,
    )
});
/// "Getty Images", "(AP Photo/John Roe)", "Reuters/Kevin Lamarque/File Photo"
static AGENCY_LINE: LazyLock<PyRegex> = LazyLock::new(|| {
    PyRegex::new(
        &format!(
            r"[(\[]?{}(?: photos?| images)?(?:\s*/\s*[^\s()\[\]:]+(?:\s+[^\s()\[\]:]+){{0,{}}})?[)\]]?",
            agency(),
            MAX_PHOTOGRAPHER_WORDS - 1
        ),
        true,
        Mode::FullMatch,
    )
});
/// "A crowd outside the court. (AP Photo/John Roe)" — a caption closed by a bracketed credit: a
/// picture word with its separator ("Photo: ", "Image by "), or an agency signing a picture.
/// Not "(see graphic)" or "(source: IMF)", which end sentences of the article. Unbracketed, an
/// agency after a "©" closes a caption: "A skier on the slope. © AFP / Jane Doe".
///
/// Python wrote both as one pattern, each opening with `.{0,400}` (any 400 characters) and
/// ending at the line's end; run as such it costs tens of microseconds a line. The bracketed
/// form is read from the end instead (`is_credited_caption`): its credit holds no bracket,
/// so its opening bracket is the last one before the closing bracket that ends the line,
/// and only the credit, BRACKETED_CREDIT, is left to a pattern.
static BRACKETED_CREDIT: LazyLock<PyRegex> = LazyLock::new(|| {
    PyRegex::new(
        &format!(
            concat!(
                r"(?:[\w .-]{{0,25}}\b{visual}(?: credit| courtesy(?: of)?)?\s*(?:[:©|/]|by\b)",
                r"|{photo}|{news}\s*(?:/|photos?\b|images?\b))[^()\[\]]{{0,80}}",
            ),
            visual = VISUAL_WORD,
            photo = PHOTO_AGENCY,
            news = NEWS_AGENCY,
        ),
        true,
        Mode::FullMatch,
    )
});
/// The unbracketed form, "… © AFP / Jane Doe", tried only on a line with a "©".
static SIGNED_CAPTION: LazyLock<PyRegex> = LazyLock::new(|| {
    PyRegex::new(
        &format!(
            r".{{0,{lead}}}\s©\s*{agency}(?:\s*/\s*[^\s()\[\]:/]+(?:\s+[^\s()\[\]:/]+){{0,{more}}})?",
            lead = MAX_CAPTION_LEAD_CHARS,
            agency = agency(),
            more = MAX_PHOTOGRAPHER_WORDS - 1
        ),
        true,
        Mode::FullMatch,
    )
});
/// A caption's text before its credit: at most this many characters.
const MAX_CAPTION_LEAD_CHARS: usize = 400;

/// A caption closed by a credit (Python: `.{0,400}\s[(\[](?:credit)[^()\[\]]{0,80}[)\]]\.?`
/// or the "©" form): the line ends in ")" or "]" (and maybe "."), the last "(" or "[" before
/// it follows a space within the first 401 characters, and what stands between the two is a
/// credit.
fn is_credited_caption(hay: Hay<'_>) -> bool {
    let text = hay.text;
    let body = text.strip_suffix('.').unwrap_or(text);
    let bracketed = body.strip_suffix([')', ']']).is_some_and(|inner| {
        let Some(open) = inner.rfind(['(', '[']) else { return false };
        let before = &inner[..open];
        let space = before.chars().next_back();
        let lead = pychar::char_len(before).saturating_sub(1);
        space.is_some_and(pychar::is_space)
            && lead <= MAX_CAPTION_LEAD_CHARS
            && BRACKETED_CREDIT.is_match(Hay { text: &inner[open + 1..], plain: hay.plain, candidates: None })
    });
    bracketed || (text.contains('©') && SIGNED_CAPTION.is_match(hay))
}

/// "Image caption Rescue teams worked through the night", "Image copyright Getty Images",
/// "Featured image: The harbour at dawn", "Beitragsbild: Titelseite vom 2. April", "Symbolbild:
/// …" (not "Cover image: …": pages also use it for the caption of the article's own picture)
static CAPTION_LABEL: LazyLock<PyRegex> = LazyLock::new(|| {
    PyRegex::new(
        concat!(
            r"(?:(?:image|media|video|photo) (?:caption|copyright|source)\s+",
            r"|featured (?:image|photo)\s*:\s*|(?:beitragsbild|titelbild|symbolbild|bildunterschrift)\s*:\s*).{1,300}",
        ),
        true,
        Mode::FullMatch,
    )
});
/// A caption whose credit closes it without brackets: "In Gottesdiensten gilt Maskenpflicht.
/// Foto: Jane Doe/cc by-sa 2.0", "Cyber-Attacken nehmen zu. – © Jane Doe – stock.example.com",
/// "El puerto de noche. Foto: Archivo El Diario.", "Le hall de l'université / (C) Jane Doe".
/// The credit after the marker is a name, not a clause: at most MAX_TAIL_CREDIT_WORDS words,
/// with a slash or a domain in it or every word capitalised ("Die Polizei veröffentlichte ein
/// Foto: Es zeigt den Verdächtigen." stays); the caption before it has MIN_CAPTION_WORDS
/// words at least (a bare credit is CREDIT_LINE's) and MAX_CAPTION_WORDS at most. Origin: issue 16, captions kept inside the
/// body on trafilatura-dev (German and Spanish credits without brackets, 4 pages of
/// different sites) and docs/quality-analysis.md (captions and credits, 0.8 precision points
/// on scrapinghub-dev).
static CREDIT_TAIL: LazyLock<PyRegex> = LazyLock::new(|| {
    PyRegex::new(
        concat!(
            r"\s(?:[-–—|/]\s*)?(?:(?:fotos?|photos?|bild(?:er)?|images?|фото)\s*:|©|\(c\))",
            r"\s*(?P<credit>[^\s:;!?©][^:;!?©]{0,79})$",
        ),
        true,
        Mode::Search,
    )
});
const MAX_TAIL_CREDIT_WORDS: usize = 6;
const MIN_CAPTION_WORDS: usize = 2;
/// A caption is a sentence or two; a longer lead is a paragraph or a whole page's text on
/// one line (HTML mode: "… Related Posts … Copyright © 2018. All Rights Reserved.").
const MAX_CAPTION_WORDS: usize = 40;

/// A credit names a source; more words make it a sentence.
const MAX_CREDIT_WORDS: usize = 8;
/// "Source: the ministry said the figures were provisional." — a source of this many words
/// that ends in a full stop is a sentence; "Photo: Reuters." is still a credit.
const MIN_SENTENCE_SOURCE_WORDS: usize = 4;

pub struct CaptionCredit;
pub static RULE: CaptionCredit = CaptionCredit;

impl Rule for CaptionCredit {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn line_patterns(&'static self) -> Vec<&'static PyRegex> {
        vec![&*CREDIT_LINE, &*AGENCY_LINE, &*SIGNED_CAPTION, &*CAPTION_LABEL, &*CREDIT_TAIL]
    }

    fn find(&self, page: &Page<'_>) -> Vec<Removal> {
        page.remove_lines_where(&META, |number| {
            let hay = page.hay(number);
            match CREDIT_LINE.group(hay, "source") {
                Some(source) => is_credit(source.unwrap_or("")),
                None => {
                    AGENCY_LINE.is_match(hay)
                        || is_credited_caption(hay)
                        || CAPTION_LABEL.is_match(hay)
                        || is_caption_with_credit_tail(hay)
                }
            }
        })
    }
}

/// A caption closed by an unbracketed credit (see CREDIT_TAIL).
fn is_caption_with_credit_tail(hay: Hay<'_>) -> bool {
    let Some((start, _)) = CREDIT_TAIL.find(hay) else { return false };
    let Some(Some(credit)) = CREDIT_TAIL.group(hay, "credit") else { return false };
    let credit = credit.trim_end_matches('.');
    let words: Vec<&str> = credit.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).collect();
    let caption_words = word_count(&hay.text[..start]);
    if words.is_empty()
        || words.len() > MAX_TAIL_CREDIT_WORDS
        || !(MIN_CAPTION_WORDS..=MAX_CAPTION_WORDS).contains(&caption_words)
    {
        return false;
    }
    // A source: a path or a domain, or a name (every word capitalised).
    credit.contains('/')
        || words.iter().any(|w| is_domain(w))
        || words.iter().all(|w| pychar::first_char(w).is_some_and(|c| pychar::is_upper(c) || pychar::is_digit(c)))
}

/// "stock.example.com", "pixelio.de": a word with a dot between letters and a short ending.
fn is_domain(word: &str) -> bool {
    word.rsplit_once('.').is_some_and(|(head, tail)| {
        !head.is_empty() && (2..=6).contains(&tail.chars().count()) && tail.chars().all(char::is_alphabetic)
    })
}

/// A credit line's source names a source ("Reuters"), not a sentence ("the ministry said …").
fn is_credit(source: &str) -> bool {
    let words = word_count(source);
    words <= MAX_CREDIT_WORDS && !(words >= MIN_SENTENCE_SOURCE_WORDS && ends_like_sentence(source))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pattern Python ran, whole: `is_credited_caption` must agree with it.
    fn python_pattern() -> PyRegex {
        PyRegex::new(
            &format!(
                concat!(
                    r".{{0,400}}\s[(\[](?:[\w .-]{{0,25}}\b{visual}(?: credit| courtesy(?: of)?)?\s*(?:[:©|/]|by\b)",
                    r"|{photo}|{news}\s*(?:/|photos?\b|images?\b))[^()\[\]]{{0,80}}[)\]]\.?",
                    r"|.{{0,400}}\s©\s*{agency}(?:\s*/\s*[^\s()\[\]:/]+(?:\s+[^\s()\[\]:/]+){{0,{more}}})?",
                ),
                visual = VISUAL_WORD,
                photo = PHOTO_AGENCY,
                news = NEWS_AGENCY,
                agency = agency(),
                more = MAX_PHOTOGRAPHER_WORDS - 1
            ),
            true,
            Mode::FullMatch,
        )
    }

    #[test]
    fn reading_from_the_end_agrees_with_the_whole_pattern() {
        let whole = python_pattern();
        let long = "word ".repeat(100);
        let mut lines: Vec<String> = [
            "Protesters outside the court on Monday. (AP Photo/John Roe)",
            "Protesters outside the court on Monday. (AP Photo/John Roe).",
            "A skier on the slope. [Photo: Jane Doe]",
            "The minister welcomed the decision, calling it overdue. (ANI)",
            "Figures rose (see graphic).",
            "Growth slowed (source: IMF)",
            "(Photo: Reuters)",
            " (Photo: Reuters)",
            "Crowds (in the rain) gathered. (Getty Images)",
            "Crowds gathered (Getty Images))",
            "Crowds gathered. (Photo by Jane Doe]",
            "A skier on the slope. © AFP / Jane Doe",
            "A skier. ©AFP",
            "Caption\u{3000}(Reuters/Kevin Lamarque)",
            "Caption\u{1f}(Reuters photos)",
            "Nothing here",
            "",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        lines.push(format!("{long}(Photo: Reuters)"));
        lines.push(format!("{} (Photo: Reuters)", &long[..399]));
        lines.push(format!("{} (Photo: Reuters)", &long[..400]));
        lines.push(format!("{} (Photo: Reuters)", &long[..401]));
        for line in &lines {
            let hay: Hay<'_> = line.as_str().into();
            assert_eq!(is_credited_caption(hay), whole.is_match(hay), "{line:?}");
        }
    }
}
