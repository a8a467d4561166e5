"""The one call into the compiled core: a text and rules in, a :class:`Result` out.

The core (``crates/cleaner_core``, built as ``cleaner._core``) holds the rules and
the pipeline; this module only converts. Two things a Python ``str`` may do that
the core's UTF-8 strings cannot are handled here:

* Lone surrogates ("\\ud800", from a JSON escape in a corpus record) are valid in a
  ``str`` but not in UTF-8. They are stood in for by private-use characters, which
  the rules read as they read a surrogate (one character; no letter, digit, space
  or case), taken from a block of code points the text does not use, and the
  stand-ins are put back in the clean text and the removals.
* A panic in the core (a rule bug, such as two removals claiming one line) reaches
  Python as pyo3's ``PanicException``, a ``BaseException``: it becomes a
  :class:`~cleaner.errors.CoreError`, so that the command reports it in one line
  and corpus mode reports the record and goes on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner import _core
from cleaner.errors import CleanerError, CoreError
from cleaner.registry import RuleInfo
from cleaner.result import Removal, Result

SURROGATE_FIRST = 0xD800
SURROGATE_COUNT = 0x800  # U+D800..U+DFFF
_SURROGATE = re.compile("[\ud800-\udfff]")
# Stand-ins come from the private-use planes 15 and 16 (U+F0000..U+10FFFF), cut into
# blocks of one code point per surrogate; the last block of each plane holds two
# noncharacters (U+FFFFE, U+FFFFF; U+10FFFE, U+10FFFF) and is not used.
PRIVATE_FIRST = 0xF0000
_PRIVATE = re.compile("[\U000f0000-\U0010ffff]")
BLOCKS_PER_PLANE = 0x10000 // SURROGATE_COUNT
STAND_IN_BLOCKS = tuple(b for b in range(2 * BLOCKS_PER_PLANE) if b % BLOCKS_PER_PLANE != BLOCKS_PER_PLANE - 1)


def run(
    text: str | bytes,
    rules: Sequence[RuleInfo],
    *,
    keep_headline: bool = True,
    headline: str | None = None,
    input_format: str = "auto",
) -> Result:
    """``text`` cleaned by ``rules`` (run in pipeline order, whatever their order here).

    ``input_format`` "auto" lets the core tell markdown from plain text; the layout it read
    is on the result (``Result.input_format``, ``Result.blank_separated``). The format was
    checked where it was chosen (:class:`~cleaner.options.Options`); the core refuses any other.

    Bytes are a text in UTF-8, as :func:`cleaner.inputs.utf8_text` leaves it; the result's
    text then stays UTF-8 until read, so that no ``str`` of a large input is made.
    """
    codes = [rule.code for rule in rules]
    try:
        if isinstance(text, bytes):
            outcome: _core._Outcome | _core._Utf8Outcome = _core.explain_utf8(
                text, codes, keep_headline, headline, input_format
            )
        else:
            try:
                outcome = _core.explain(text, codes, keep_headline, headline, input_format)
            except UnicodeEncodeError:
                return _run_with_surrogates(text, codes, keep_headline, headline, input_format)
    except BaseException as exc:
        if type(exc).__name__ == "PanicException" and type(exc).__module__ == "pyo3_runtime":
            raise CoreError(f"the core failed: {exc}") from exc
        raise
    return result_of(outcome, input_format)


def result_of(outcome: _core._Outcome | _core._Utf8Outcome, input_format: str) -> Result:
    """The core's outcome as a Result; the layout read is the one asked for, or the detected one."""
    clean, removals, markdown, blank_separated, nodes = outcome
    detected = "markdown" if markdown else "nodes" if nodes else "text"
    read_as = detected if input_format == "auto" else input_format
    return Result.from_core(clean, removals, read_as, blank_separated)


_BLANK_RUNS = re.compile(r"\n(?:[ \t]*\n)+")


def with_output_format(result: Result, output_format: str) -> Result:
    """``result`` with its text in ``output_format``: "input" (verbatim) or "text" (visible
    text of markdown; lines that show nothing, such as images, dropped; blank runs folded).
    ``output_format`` was checked where it was chosen (:class:`~cleaner.options.Options`)."""
    if output_format == "input" or result.input_format != "markdown" or not result.text:
        return result
    shown = _BLANK_RUNS.sub("\n\n", visible_text(result.text, "markdown")).strip("\n")
    lines = "\n".join(line.rstrip() for line in shown.split("\n"))
    return Result(lines + "\n" if lines else "", result.removals, result.input_format, result.blank_separated)


def visible_text(text: str, input_format: str = "auto") -> str:
    """``text`` as a reader sees it: markdown's links reduced to their text, no image,
    emphasis, heading or table syntax, one line per input line; plain text unchanged."""
    markdown = (
        _core.detect_layout(_SURROGATE.sub(" ", text))[0] if input_format == "auto" else input_format == "markdown"
    )
    if not markdown:
        return text
    # A lone surrogate has no UTF-8 form: the visible text shows U+FFFD in its place.
    return _core.visible_text(_SURROGATE.sub("\ufffd", text))


def _run_with_surrogates(
    text: str, codes: list[str], keep_headline: bool, headline: str | None, input_format: str
) -> Result:
    """:func:`run` for a text (or headline) holding lone surrogates: see the module docstring."""
    stand_ins = StandIns(text, headline)
    hidden_headline = None if headline is None else stand_ins.hide(headline)
    outcome = _core.explain(stand_ins.hide(text), codes, keep_headline, hidden_headline, input_format)
    return stand_ins.restore(result_of(outcome, input_format))


def has_surrogates(text: str) -> bool:
    return _SURROGATE.search(text) is not None


class StandIns:
    """Lone surrogates moved into a block of private-use characters that ``texts`` do not use, and back.

    For code that cannot take a surrogate: the core's UTF-8 strings, and lxml (which
    drops the rest of an HTML page at the first one).
    """

    def __init__(self, *texts: str | None) -> None:
        used = {
            (ord(char) - PRIVATE_FIRST) // SURROGATE_COUNT for text in texts for char in _PRIVATE.findall(text or "")
        }
        block = next((b for b in STAND_IN_BLOCKS if b not in used), None)
        if block is None:
            raise CleanerError("the text holds lone surrogates and private-use characters of every block")
        first = PRIVATE_FIRST + block * SURROGATE_COUNT
        self._shift = first - SURROGATE_FIRST
        self._stand_ins = re.compile(f"[{chr(first)}-{chr(first + SURROGATE_COUNT - 1)}]")

    def hide(self, text: str) -> str:
        """``text`` with each lone surrogate replaced by its stand-in."""
        return _shifted(text, _SURROGATE, self._shift)

    def restore(self, result: Result) -> Result:
        """``result`` with each stand-in turned back into its surrogate, in the text and the removals."""
        return Result(
            _shifted(result.text, self._stand_ins, -self._shift),
            tuple(
                Removal(r.code, r.name, r.start, r.end, _shifted(r.text, self._stand_ins, -self._shift))
                for r in result.removals
            ),
            result.input_format,
            result.blank_separated,
        )


def fingerprint(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of ``text``, for comparing lines.

    A lone surrogate is no word character, so in a fingerprint it is a gap like a space;
    the core, which reads UTF-8, is given a space in its place.
    """
    return _core.fingerprint(_SURROGATE.sub(" ", text))


def word_count(text: str) -> int:
    """Words of ``text`` as the rules count them: whitespace words, and runs of Chinese or
    Japanese characters (written without spaces) as words of two characters."""
    return _core.word_count(_SURROGATE.sub(" ", text))


def _shifted(text: str, chars: re.Pattern[str], shift: int) -> str:
    """``text`` with every character ``chars`` matches moved by ``shift`` code points."""
    return chars.sub(lambda match: chr(ord(match.group()) + shift), text)
