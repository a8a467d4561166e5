"""atheris harness: ``decode`` and ``explain`` on fuzzer-made input, with every property asserted.

Run it through ``fuzz/run.sh MINUTES``; libFuzzer's own flags pass through. The
properties are the ones the hypothesis suite checks (``tests/test_properties.py``),
imported from there so the two cannot drift apart, plus idempotence and the
decoder's contract. A crash, a broken property or an input slower than
``-timeout`` seconds is written to ``fuzz/findings/``; reproduce one with
``python3 fuzz/fuzz_clean.py fuzz/findings/<file>``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

with atheris.instrument_imports(include=["cleaner"]):
    # explain() imports these lazily: imported here, their Python is instrumented too. The
    # rules run in the compiled core (cleaner._core), which atheris does not instrument:
    # coverage guides the fuzzer through the decoder and the Python around the core.
    from cleaner import engine, explain, inputs, registry  # noqa: F401
    from cleaner.errors import DecodeError

# tests/ is on the path only from here: the properties live with the hypothesis suite.
from test_properties import check_result

# FUZZ_SKIP_IDEMPOTENCE=1 explores the other properties while an idempotence finding is open
# (libFuzzer stops at the first failure, and its -fork mode does not run under atheris).
CHECK_IDEMPOTENCE = os.environ.get("FUZZ_SKIP_IDEMPOTENCE") != "1"


def text_from(raw: bytes) -> str:
    """The decoder's text, or, for bytes it refuses, any string at all (lone surrogates included)."""
    try:
        text = inputs.decode(raw, "fuzz")
    except DecodeError:
        return raw.decode("utf-8", "surrogateescape")
    assert "\r" not in text and "\x00" not in text, "decode() left a CR or a NUL"
    return text


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    keep_headline = provider.ConsumeBool()
    text = text_from(provider.ConsumeBytes(provider.remaining_bytes()))
    result = explain(text, keep_headline=keep_headline)
    check_result(text, result)
    if CHECK_IDEMPOTENCE:
        again = explain(result.text, keep_headline=keep_headline).text
        assert again == result.text, "cleaning is not idempotent"


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
