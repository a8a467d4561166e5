"""Chrome phrases as data: one TOML file per language in ``cleaner/lexicons/``.

Each file has one table per rule, named after the rule (``[follow-share]``):

* ``lines``: phrases that make up a whole line ("Teilen", "Mehr zum Thema");
* ``prefixes``: phrases that open a line and are followed by a colon and a
  headline ("Lesen Sie auch: …");
* ``within``: phrases that mark a short line wherever they stand in it
  ("Alle Rechte vorbehalten", "wir verwenden Cookies"); the rule bounds the
  line's length;
* ``signals`` and ``labels`` (the date-stamp table): words that make a line a
  date stamp ("März", "Dienstag") and words allowed beside them ("aktualisiert").
* ``boundary`` (the comments table): word stems of a comment-section heading
  ("komment" in "Kommentare", "12 Kommentare", "Kommentar schreiben"); the
  article's body never runs past such a heading (``cleaner.layout``).

A line matches when, case-folded and stripped of bullets, arrows, trailing
punctuation and counters ("Kommentare (12)"), it equals a phrase. Every
language is matched on every page: pages mix languages ("Share" on a German
page), and a set lookup costs the same for one language or twenty. Adding a
language is adding a file (and fixtures).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

# "» Mehr zum Thema:", "* Teilen", "Weiterlesen →": bullets and arrows around a phrase.
_LEADING_NOISE = " \t\r*•·»›>|-–—"
_TRAILING_NOISE = " \t\r.:;!?…»›>→|-–—"
# "Kommentare (12)", "Comments 4", "コメント（12）": a counter after a phrase; matched on a short tail only.
_COUNTER = re.compile(r"[(（]?\d{1,7}[)）]?$")
_COUNTER_TAIL_CHARS = 12
# "12 Kommentare", "(3) Comments": a counter before a phrase (anchored, so linear).
_LEADING_COUNTER = re.compile(r"[(（]?\d{1,7}[)）]?\s+")
# No phrase is longer; a longer line is never normalised (linear time on any input).
MAX_PHRASE_CHARS = 160
# A prefix phrase is followed by a colon (or a dash, a bar, "»") and the linked headline,
# or by the headline in quotes ("12 Responses to “Title”"); it stands in the first
# MAX_PREFIX_CHARS characters of the line.
_OPENING_QUOTES = '“"„«'
_PREFIX_SEPARATOR = re.compile(f"[:：–—|»{_OPENING_QUOTES}]")
_CLOSING_QUOTES = ("”", "“", '"', "»", "«", "’", "‘", "'")
MAX_PREFIX_CHARS = 48
MAX_PREFIX_TAIL_WORDS = 25  # "Lesen Sie auch: <headline>"; longer tails are sentences
# Both counter patterns need a digit: most lines have none and skip them.
_DIGIT = re.compile(r"\d")


def normalize(text: str) -> str:
    """The form phrases are compared in: case-folded, edges stripped, spaces folded.

    Lines longer than MAX_PHRASE_CHARS normalise to "" (they match no phrase).
    """
    text = text.strip()
    if len(text) > MAX_PHRASE_CHARS:
        return ""
    text = text.casefold().lstrip(_LEADING_NOISE)
    if _DIGIT.search(text) is None:
        return " ".join(text.rstrip(_TRAILING_NOISE).split())
    text = _LEADING_COUNTER.sub("", text, count=1).rstrip(_TRAILING_NOISE)
    head, tail = text[:-_COUNTER_TAIL_CHARS], text[-_COUNTER_TAIL_CHARS:]
    text = (head + _COUNTER.sub("", tail)).rstrip(_TRAILING_NOISE)
    return " ".join(text.split())


def prefix_form(text: str) -> str | None:
    """The normalised label of a "Label: headline" line ("lesen sie auch"), or None for other lines."""
    text = text.strip()
    separator = _PREFIX_SEPARATOR.search(text, 0, MAX_PREFIX_CHARS)
    if separator is None:
        return None
    cut = separator.start()
    if not 0 < len(text[cut + 1 :].split()) <= MAX_PREFIX_TAIL_WORDS:
        return None
    if text[cut] in _OPENING_QUOTES and not text.endswith(_CLOSING_QUOTES):
        return None  # a quoted headline is the whole tail: "3 Antworten zu „Titel“"
    if text[cut] == "»" and "«" in text[cut + 1 :]:
        return None  # German quotes: "Zum Thema »Wohnen im Alter« diskutieren …"
    return normalize(text[:cut])


@dataclass(frozen=True)
class Phrases:
    lines: frozenset[str]
    prefixes: frozenset[str]
    within: tuple[str, ...] = ()

    def closes(self, form: str) -> bool:
        """True if a line's normalised form (:func:`normalize`, ``Document.normalized``) ends
        with one of the ``within`` phrases ("… todos os direitos reservados")."""
        return any(form.endswith(phrase) for phrase in self.within)

    def occurs_within(self, text: str) -> bool:
        """True if one of the ``within`` phrases stands anywhere in the text (case-folded)."""
        folded = " ".join(text.casefold().split())
        return any(phrase in folded for phrase in self.within)


@cache
def languages() -> tuple[str, ...]:
    """Codes of the languages with a lexicon file ("de", "en", …)."""
    folder = resources.files("cleaner.lexicons")
    return tuple(sorted(p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml")))


@cache
def _load(language: str) -> dict[str, dict[str, list[str]]]:
    data = resources.files("cleaner.lexicons").joinpath(f"{language}.toml").read_text(encoding="utf-8")
    return tomllib.loads(data)


@cache
def words(rule_name: str, kind: str) -> frozenset[str]:
    """All languages' single words of one kind for a rule (``signals``, ``labels``, ``boundary``), case-folded."""
    found: set[str] = set()
    for language in languages():
        found.update(w.casefold() for w in _load(language).get(rule_name, {}).get(kind, ()))
    return frozenset(found)


@cache
def phrases(rule_name: str) -> Phrases:
    """All languages' phrases for one rule, loaded once per process."""
    lines: set[str] = set()
    prefixes: set[str] = set()
    within: set[str] = set()
    for language in languages():
        table = _load(language).get(rule_name, {})
        lines.update(normalize(p) for p in table.get("lines", ()))
        prefixes.update(normalize(p) for p in table.get("prefixes", ()))
        within.update(" ".join(p.casefold().split()) for p in table.get("within", ()))
    return Phrases(frozenset(lines), frozenset(prefixes), tuple(sorted(within)))
