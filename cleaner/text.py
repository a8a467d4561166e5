"""Shared string helpers: word counts, sentence ends, title case, fingerprints."""

from __future__ import annotations

import re
import unicodedata

from cleaner import lexicon

# "said." / "ok?" / "“Yes.”" / "(2019)." — a line that ends like a sentence.
SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]」』]*$|[\"”»]$")
# Function words that stay lower case inside an English title ("Pledge Deeper Cooperation in First").
TITLE_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "de",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "over",
        "per",
        "the",
        "to",
        "up",
        "via",
        "vs",
        "with",
    ]
)
_PUNCT_OR_SPACE = re.compile(r"[\W_]+")


# Chinese, Japanese and Korean ideographs and kana: written without spaces.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Characters per word in CJK text (a Chinese word is about 1.5, a Japanese one about 2).
CJK_CHARS_PER_WORD = 2


def word_count(text: str) -> int:
    """Whitespace words, with runs of CJK characters counted as words of two characters."""
    words = text.split()
    if text.isascii() or _CJK.search(text) is None:  # isascii() reads a flag: no scan
        return len(words)
    return len(words) + len(_CJK.findall(text)) // CJK_CHARS_PER_WORD


def ends_like_sentence(text: str) -> bool:
    return SENTENCE_END.search(text.rstrip()) is not None


def title_case_ratio(text: str) -> float:
    """Share of the non-small alphabetic words that start with a capital letter."""
    counted = capitals = 0
    for word in text.split():
        first = word[0]
        # "Home", "U.S.": a word that starts with a letter counts (regex [^\W\d_], without a call per word).
        if first.isalnum() and not first.isdecimal() and word.lower().strip("'’\"“”") not in TITLE_SMALL_WORDS:
            counted += 1
            capitals += first.isupper()
    return capitals / counted if counted else 0.0


def fingerprint(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form for comparing lines."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return _PUNCT_OR_SPACE.sub(" ", folded).strip()


# Tokens a date or time stamp is made of: "Wednesday, Aug 27, 2025", "10:31 pm CST",
# "2019-11-19", "3 hours ago", "Updated:", "|".
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
# A token that by itself says "this is a date or a time": "Aug", "Monday", "10:31", "2019-11-19", "ago".
DATE_SIGNAL = re.compile(
    rf"(?:{_MONTHS}|{_WEEKDAYS})\.?,?|\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:am|pm)?|"
    r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?|\d{1,2}h(?:\d{2})?|ago|yesterday|today",
    re.IGNORECASE,
)
# Other tokens allowed in a stamp: numbers, ordinals, am/pm, zones, labels, separators.
DATE_FILLER = re.compile(
    r"\d{1,4}(?:st|nd|rd|th)?[.,]?|[ap]\.?m\.?,?|(?-i:[A-Z]{1,4}T)|utc[+-]?\d*|gmt[+-]?\d*|"
    r"(?:last\s)?(?:updated|published|posted|modified|created|edited|date|first|last|on|at|the|of):?|"
    r"seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|an?|"
    r"[|/·•,:–—-]",
    re.IGNORECASE,
)
# "Chris Davies", "Jean-Luc de la Cruz", "IANS": up to five name words.
# Particles are lower case so that, used case-sensitively, every word has one reading.
NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|(?-i:de|da|van|von|der|del|la|le|al|bin|dos))){0,4}"


# "Updated:", "10:31", "|": the tokens of a stamp; a stamp has at most 16 of them,
# so a longer line is no stamp and is not tokenised at all.
_STAMP_TOKEN = re.compile(r"[|/·•–—]|[^\s|/·•–—]+")
MAX_STAMP_TOKENS = 16
MAX_STAMP_CHARS = 160


def is_date_stamp(text: str) -> bool:
    """True for a line made only of a date or time and its labels."""
    if len(text) > MAX_STAMP_CHARS:
        return False
    tokens = _STAMP_TOKEN.findall(text)
    if not tokens or len(tokens) > MAX_STAMP_TOKENS:
        return False
    signals, labels = lexicon.words("date-stamp", "signals"), lexicon.words("date-stamp", "labels")
    has_signal = False
    for token in tokens:
        word = token.casefold().strip(".,:")
        if DATE_SIGNAL.fullmatch(token) or word in signals:
            has_signal = True
        elif not (DATE_FILLER.fullmatch(token) or word in labels):
            return False
    return has_signal


def damerau_distance(a: str, b: str) -> int:
    """Edit distance counting a swap of two neighbours as one edit ("realted")."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, start=1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][len(b)]


# "<!DOCTYPE html>", "<html lang=…>", after optional BOM, blank space and an XML prolog.
HTML_START = re.compile(r"\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)


def looks_like_html(text: str) -> bool:
    """True if the input starts like an HTML document (doctype or ``<html``)."""
    return HTML_START.match(text[:4096]) is not None
