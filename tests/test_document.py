import pytest

from cleaner.document import Document, Removal
from cleaner.errors import OverlappingRemovalError


def test_splits_on_newline_only() -> None:
    doc = Document.from_text("a\x0cb\u2028c\nd")
    assert [line.text for line in doc.lines] == ["a\x0cb\u2028c", "d"]


def test_group_joins_blank_lines_and_splits_on_other_live_lines() -> None:
    doc = Document.from_text("a\n\nb\nc\nd")
    assert list(doc.group([1, 3, 5])) == [(1, 3), (5, 5)]


def test_overlapping_removal_raises() -> None:
    doc = Document.from_text("a\nb")
    doc.apply(Removal("C1", "x", 1, 2, "a\nb"))
    with pytest.raises(OverlappingRemovalError):
        doc.apply(Removal("C2", "y", 2, 2, "b"))


def test_kept_text_folds_blank_runs_and_strips_trailing_space() -> None:
    doc = Document.from_text("\n\n  a  \r\n\n\n\nb\t\n\n")
    assert doc.kept_text() == "  a\n\nb\n"


def test_kept_text_of_nothing_is_empty() -> None:
    assert Document.from_text("\n \n").kept_text() == ""
