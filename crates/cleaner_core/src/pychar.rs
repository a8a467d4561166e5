//! Python's string semantics, which the rules were specified in.
//!
//! `str.strip()`, `str.split()`, `str.isupper()`, `str.lower()`, `str.casefold()` and `re`'s
//! `\w` differ from their nearest Rust counterparts (U+001C..U+001F are whitespace in Python,
//! combining marks are not alphanumeric, `casefold` maps "ß" to "ss"). Every rule reads
//! characters through this module, from tables generated out of Python itself
//! (`tools/gen_pychar_tables.py`), so the core answers as the Python it replaced did.

use std::sync::LazyLock;

use crate::pychar_tables as t;

/// True if code point `cp` lies in one of the sorted, inclusive `table` ranges.
pub(crate) fn in_ranges(table: &[(u32, u32)], cp: u32) -> bool {
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `str.isspace()` of one character (and `re`'s `\s`).
#[inline]
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\x1c'..='\x1f')
    } else {
        in_ranges(&t::SPACE, c as u32)
    }
}

/// `str.isalpha()` of one character.
#[inline]
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_ranges(&t::ALPHA, c as u32)
    }
}

/// `str.isalnum()` of one character.
#[inline]
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        in_ranges(&t::ALNUM, c as u32)
    }
}

/// `str.isdecimal()` of one character (and `re`'s `\d`).
#[inline]
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_ranges(&t::DECIMAL, c as u32)
    }
}

/// `str.isdigit()` of one character ("²" is a digit, not a decimal).
#[inline]
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_ranges(&t::DIGIT, c as u32)
    }
}

/// `str.isupper()` of one character.
#[inline]
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        in_ranges(&t::UPPER, c as u32)
    }
}

/// True if the character is assigned in the Unicode version of Python's tables.
#[inline]
pub fn is_assigned(c: char) -> bool {
    c.is_ascii() || in_ranges(&t::ASSIGNED, c as u32)
}

/// `re`'s `\w`: alphanumeric or "_".
#[inline]
pub fn is_word(c: char) -> bool {
    c == '_' || is_alnum(c)
}

fn map_char<'a>(table: &'a [(u32, &'a str)], c: char) -> Option<&'a str> {
    let cp = c as u32;
    table.binary_search_by_key(&cp, |&(k, _)| k).ok().map(|i| table[i].1)
}

/// One bit per Basic Multilingual Plane character: set if `table` maps it.
fn bmp_bits(table: &[(u32, &str)]) -> Vec<u64> {
    let mut bits = vec![0u64; 0x10000 / 64];
    for &(cp, _) in table.iter().take_while(|(cp, _)| *cp < 0x10000) {
        bits[cp as usize / 64] |= 1 << (cp % 64);
    }
    bits
}

/// A case map: its entries, and a bitmap of the Basic Multilingual Plane characters it maps.
struct CaseMap {
    table: &'static [(u32, &'static str)],
    bits: LazyLock<Vec<u64>>,
}

impl CaseMap {
    fn get(&self, c: char) -> Option<&'static str> {
        let cp = c as u32;
        if cp < 0x10000 && self.bits[cp as usize / 64] & (1 << (cp % 64)) == 0 {
            return None;
        }
        map_char(self.table, c)
    }
}

static LOWER: CaseMap = CaseMap { table: &t::LOWER, bits: LazyLock::new(|| bmp_bits(&t::LOWER)) };
/// Where `casefold` differs from `lower`; the other characters fold as they lower.
static CASEFOLD_NOT_LOWER: CaseMap =
    CaseMap { table: &t::CASEFOLD_NOT_LOWER, bits: LazyLock::new(|| bmp_bits(&t::CASEFOLD_NOT_LOWER)) };

/// `text` with each character mapped by the first of `maps` that maps it.
fn convert(text: &str, maps: &[&CaseMap]) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            match maps.iter().find_map(|map| map.get(c)) {
                Some(mapped) => out.push_str(mapped),
                None => out.push(c),
            }
        }
    }
    out
}

/// `str.lower()`, but for its one context rule (a final "Σ" lowers to "ς", not "σ"): the
/// only caller, `is_related_word`, compares against ASCII "related", where the two agree.
pub fn lower(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    convert(text, &[&LOWER])
}

/// `str.casefold()`.
pub fn casefold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    convert(text, &[&CASEFOLD_NOT_LOWER, &LOWER])
}

/// Python whitespace among ASCII bytes.
#[inline]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r' | 0x1c..=0x1f)
}

/// `str.strip()`.
#[inline]
pub fn strip(text: &str) -> &str {
    rstrip(lstrip(text))
}

/// `str.lstrip()`: ASCII spaces byte by byte, other characters decoded.
#[inline]
pub fn lstrip(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() && is_ascii_space(bytes[i]) {
        i += 1;
    }
    if i < bytes.len() && !bytes[i].is_ascii() {
        return text[i..].trim_start_matches(is_space);
    }
    &text[i..]
}

/// `str.rstrip()`: ASCII spaces byte by byte, other characters decoded.
#[inline]
pub fn rstrip(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    while end > 0 && is_ascii_space(bytes[end - 1]) {
        end -= 1;
    }
    if end > 0 && !bytes[end - 1].is_ascii() {
        return text[..end].trim_end_matches(is_space);
    }
    &text[..end]
}

/// `str.split()`: words between runs of whitespace.
#[inline]
pub fn split(text: &str) -> impl Iterator<Item = &str> {
    text.split(is_space).filter(|w| !w.is_empty())
}

/// `len(str.split())`.
pub fn count_words(text: &str) -> usize {
    if text.is_ascii() {
        let mut count = 0;
        let mut in_word = false;
        for &b in text.as_bytes() {
            let space = matches!(b, b' ' | b'\t'..=b'\r' | 0x1c..=0x1f);
            count += usize::from(!space && !in_word);
            in_word = !space;
        }
        return count;
    }
    let mut count = 0;
    let mut in_word = false;
    for c in text.chars() {
        if is_space(c) {
            in_word = false;
        } else if !in_word {
            in_word = true;
            count += 1;
        }
    }
    count
}

/// `min(len(str.split()), limit)`: counting stops at `limit`.
pub fn count_words_up_to(text: &str, limit: usize) -> usize {
    let mut count = 0;
    for _ in split(text) {
        count += 1;
        if count == limit {
            break;
        }
    }
    count
}

/// `" ".join(str.split())`.
pub fn fold_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in split(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// `len(str)`: code points, not bytes.
#[inline]
pub fn char_len(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

/// The byte offset of code point `n` (`str[:n]`), or the text's length past its end.
pub fn byte_offset(text: &str, n: usize) -> usize {
    if text.is_ascii() {
        return n.min(text.len());
    }
    text.char_indices().nth(n).map_or(text.len(), |(i, _)| i)
}

/// The first character, if any (`str[:1]`).
#[inline]
pub fn first_char(text: &str) -> Option<char> {
    text.chars().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_whitespace_includes_the_information_separators() {
        assert_eq!(strip("\x1c a \x1f"), "a");
        assert_eq!(split("a\x1db\u{3000}c").collect::<Vec<_>>(), ["a", "b", "c"]);
        assert!(!'\x1c'.is_whitespace(), "Rust differs here; the table decides");
    }

    #[test]
    fn strip_agrees_with_the_character_test() {
        for text in
            ["", " ", " a ", "\u{3000}a\u{85} \t", "a\u{a0}", "\u{a0}", " é ", "\x1fb\x1c", "x\u{2028}\u{2029} "]
        {
            assert_eq!(strip(text), text.trim_matches(is_space), "{text:?}");
            assert_eq!(lstrip(text), text.trim_start_matches(is_space), "{text:?}");
            assert_eq!(rstrip(text), text.trim_end_matches(is_space), "{text:?}");
        }
    }

    #[test]
    fn combining_marks_are_not_word_characters() {
        assert!(!is_word('\u{301}'));
        assert!(is_word('²') && is_digit('²') && !is_decimal('²'));
        assert!(is_word('_') && !is_alnum('_'));
    }

    #[test]
    fn case_maps_follow_python() {
        assert_eq!(casefold("Straße"), "strasse");
        assert_eq!(lower("Straße"), "straße");
        assert_eq!(lower("İ"), "i\u{307}");
        assert_eq!(casefold("Ꭰꭰ"), "ᎠᎠ", "Cherokee folds to upper case");
        assert_eq!(casefold("ΣÅ"), "σå");
        assert!(is_upper('A') && is_upper('Σ') && !is_upper('ς') && !is_upper('1'));
    }
}
