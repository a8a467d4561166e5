"""C201's misspelling test: every word one edit from "related" passes, others do not."""

import string

from cleaner.rules.c201_related_list import _is_related_word
from cleaner.text import damerau_distance

WORD = "related"


def one_edit_variants() -> set[str]:
    letters = string.ascii_lowercase
    variants = {WORD[:i] + WORD[i + 1 :] for i in range(len(WORD))}
    variants |= {WORD[:i] + WORD[i + 1] + WORD[i] + WORD[i + 2 :] for i in range(len(WORD) - 1)}
    for i in range(len(WORD) + 1):
        variants |= {WORD[:i] + c + WORD[i:] for c in letters}
        variants |= {WORD[:i] + c + WORD[i + 1 :] for c in letters if i < len(WORD)}
    return variants


def test_every_one_edit_variant_counts_as_related() -> None:
    variants = one_edit_variants()
    assert all(damerau_distance(v, WORD) <= 1 for v in variants)
    assert [v for v in variants if not _is_related_word(v)] == []
    assert _is_related_word("Realted")


def test_other_words_do_not() -> None:
    assert not any(_is_related_word(w) for w in ("relations", "latest", "rotated", "elevated", "trending"))
