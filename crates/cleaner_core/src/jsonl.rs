//! Corpus mode's fast path: the text field of one JSON Lines record cleaned and written back
//! in place, on the record's bytes, without building a Python object per record.
//!
//! Corpus mode (`cleaner/corpus.py`) is the specification: it scans a record's top-level
//! members, cleans the one text field, and splices the clean text's JSON into the line, so
//! that every other byte of the record stays as written. This module does the same for the
//! common record and declines (`None`) whatever it does not handle exactly as corpus mode
//! would, which then takes the record the slow way and reports any error in its own words:
//! a line that is not one JSON object of unique keys, a text field that is missing, not a
//! string, or holds a lone surrogate (`"\ud800"`), and, when values are read "as they look",
//! a value that may start like an HTML document.

use std::borrow::Cow;
use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use crate::pychar;

/// A record's top-level members in order: each key, decoded, and its value as written.
struct Members<'a>(Vec<(Cow<'a, str>, &'a RawValue)>);

impl<'de> Deserialize<'de> for Members<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MembersVisitor;
        impl<'de> Visitor<'de> for MembersVisitor {
            type Value = Members<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry::<Cow<'de, str>, &'de RawValue>()? {
                    members.push(member);
                }
                Ok(Members(members))
            }
        }
        deserializer.deserialize_map(MembersVisitor)
    }
}

/// A record cleaned: the line to write (with its newline), the text field's bytes in and
/// how many fewer bytes the clean text has (never negative: cleaning may add a final newline).
#[derive(Debug, PartialEq, Eq)]
pub struct Cleaned {
    pub line: Vec<u8>,
    pub bytes_in: usize,
    pub bytes_removed: usize,
}

/// The text of `field` in the record on `line`, and where its JSON string is in the line
/// (byte offsets); `None` for anything the fast path leaves to
/// corpus mode (see the module's documentation).
fn text_field(line: &str, field: &str) -> Option<(String, usize, usize)> {
    let Members(members) = serde_json::from_str(line).ok()?;
    let mut keys = rustc_hash::FxHashSet::default();
    let mut found = None;
    for (key, value) in &members {
        if !keys.insert(key.as_ref()) {
            return None;
        }
        if key == field {
            found = Some(*value);
        }
    }
    let raw = found?.get();
    if !raw.starts_with('"') {
        return None;
    }
    let text: String = serde_json::from_str(raw).ok()?;
    let start = raw.as_ptr() as usize - line.as_ptr() as usize;
    Some((text, start, start + raw.len()))
}

/// True if `text` may start like an HTML document, as corpus mode's `looks_like_html` reads
/// it: its first character past a byte-order mark and whitespace is `<`.
pub fn may_be_html(text: &str) -> bool {
    let rest = text.strip_prefix('\u{feff}').unwrap_or(text);
    rest.trim_start_matches(pychar::is_space).starts_with('<')
}

/// The record on `raw` with its `field` replaced by `clean(text)`, or `None` to leave the
/// record to corpus mode. `clean` returns `None` to decline too (a value that may be HTML).
pub fn clean_record(raw: &[u8], field: &str, clean: impl FnOnce(&str) -> Option<String>) -> Option<Cleaned> {
    let line = std::str::from_utf8(raw.strip_suffix(b"\n").unwrap_or(raw)).ok()?;
    let (text, start, end) = text_field(line, field)?;
    let cleaned = clean(&text)?;
    let mut out = Vec::with_capacity(line.len() - (end - start) + cleaned.len() + 3);
    out.extend_from_slice(&line.as_bytes()[..start]);
    write_json_string(&mut out, &cleaned);
    out.extend_from_slice(&line.as_bytes()[end..]);
    out.push(b'\n');
    Some(Cleaned { line: out, bytes_in: text.len(), bytes_removed: text.len().saturating_sub(cleaned.len()) })
}

/// `text` as a JSON string, as Python's `json.dumps(text, ensure_ascii=False)` writes it:
/// `"` and `\` escaped, the control characters below U+0020 as `\n`, `\r`, `\t`, `\b`, `\f`
/// or `\u00xx`, everything else as it is.
pub fn write_json_string(out: &mut Vec<u8>, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'"');
    let bytes = text.as_bytes();
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let named: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0x00..=0x1f => b"",
            _ => continue,
        };
        out.extend_from_slice(&bytes[from..i]);
        if named.is_empty() {
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 0xf)]);
        } else {
            out.extend_from_slice(named);
        }
        from = i + 1;
    }
    out.extend_from_slice(&bytes[from..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upper(text: &str) -> Option<String> {
        Some(text.to_uppercase())
    }

    fn cleaned(raw: &str) -> Option<String> {
        clean_record(raw.as_bytes(), "text", upper).map(|c| String::from_utf8(c.line).unwrap())
    }

    #[test]
    fn replaces_the_field_and_keeps_every_other_byte() {
        let raw = "{\"id\": 1.50E+3,  \"text\":\"a\\u0062c \\\"q\\\"\" ,\"x\":[1,{\"y\":null}]}\r\n";
        assert_eq!(cleaned(raw).unwrap(), "{\"id\": 1.50E+3,  \"text\":\"ABC \\\"Q\\\"\" ,\"x\":[1,{\"y\":null}]}\r\n");
        assert_eq!(cleaned("{\"text\": \"é\"}").unwrap(), "{\"text\": \"É\"}\n", "a newline is added");
    }

    #[test]
    fn counts_the_field_bytes_in_and_removed() {
        let out = clean_record(b"{\"text\": \"caf\\u00e9 au lait\"}\n", "text", |_| Some("café\n".into())).unwrap();
        assert_eq!((out.bytes_in, out.bytes_removed), ("café au lait".len(), "café au lait".len() - "café\n".len()));
        let grown = clean_record(b"{\"text\": \"ab\"}", "text", |_| Some("ab\n".into())).unwrap();
        assert_eq!(grown.bytes_removed, 0);
    }

    #[test]
    fn declines_what_corpus_mode_must_judge() {
        for raw in [
            "",
            "   ",
            "[1, 2]",
            "{\"text\": \"a\"} x",
            "{\"text\": \"a\", \"text\": \"b\"}",
            "{\"other\": 1, \"other\": 2, \"text\": \"b\"}",
            "{\"body\": \"a\"}",
            "{\"text\": null}",
            "{\"text\": 12}",
            "{\"text\": \"\\ud800\"}",
            "{\"text\": \"a\", \"n\": NaN}",
            "{\"text\": \"tab\there\"}",
            "{\"text\": \"a\"",
        ] {
            assert_eq!(cleaned(raw), None, "{raw:?}");
        }
        assert_eq!(clean_record(b"{\"text\": \"\xff\"}", "text", upper), None, "not UTF-8");
        assert_eq!(clean_record(b"{\"text\": \"a\"}", "text", |_| None), None, "the cleaner declined");
    }

    #[test]
    fn many_keys_take_linear_time() {
        let members: String = (0..200_000).map(|i| format!("\"k{i}\":{i},")).collect();
        let raw = format!("{{{members}\"text\": \"a\"}}");
        assert_eq!(cleaned(&raw).unwrap(), format!("{{{members}\"text\": \"A\"}}\n"));
    }

    #[test]
    fn escaped_keys_are_read_as_decoded() {
        assert_eq!(cleaned("{\"te\\u0078t\": \"a\"}").unwrap(), "{\"te\\u0078t\": \"A\"}\n");
    }

    #[test]
    fn writes_strings_as_python_json_dumps() {
        // Expected values printed by json.dumps(value, ensure_ascii=False).
        for (text, json) in [
            ("plain", "\"plain\""),
            ("q\"b\\", "\"q\\\"b\\\\\""),
            ("\n\r\t\u{8}\u{c}", "\"\\n\\r\\t\\b\\f\""),
            ("\u{0}\u{1f}\u{7f}", "\"\\u0000\\u001f\u{7f}\""),
            ("é€😀\u{2028}", "\"é€😀\u{2028}\""),
        ] {
            let mut out = Vec::new();
            write_json_string(&mut out, text);
            assert_eq!(String::from_utf8(out).unwrap(), json, "{text:?}");
        }
    }

    #[test]
    fn html_is_seen_past_a_mark_and_spaces() {
        assert!(may_be_html("\u{feff} \n\u{a0}<!doctype html>"));
        assert!(!may_be_html("a <b>"));
        assert!(!may_be_html("x\u{feff}<html>"));
    }
}
