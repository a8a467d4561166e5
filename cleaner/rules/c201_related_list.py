import re
from collections.abc import Iterator

from cleaner import lexicon
from cleaner.document import Document, Line, Removal
from cleaner.rules.base import Rule
from cleaner.text import damerau_distance, ends_like_sentence, title_case_ratio, word_count

# The heading of a related-stories block, after any section word glued in front
# ("International Realted Stories"): "Related Articles", "More from Politics",
# "You may also like...", "Most Read", "Recommended for you", "Don't miss".
RELATED_HEADING = re.compile(
    r"(?:(?P<related>\w{5,9})(?: (?:articles?|stories|story|posts?|news|content|coverage|links?|reading|topics?|videos?"
    r"|items?|searches|reads))?(?: (?:from|on|in|about|to) .{1,40})?"
    r"|more (?:from|on|in|about|like this|stories|news|articles|videos|to (?:read|explore))(?: .{1,40})?"
    r"|(?:other|latest|top|recent|popular|trending|featured|similar|recommended|suggested|editor'?s?'? picks?)"
    r"(?: (?:news|stories|articles|posts|videos|reads|now|today|this week|for you|reading))*"
    r"|most (?:read|popular|viewed|shared|commented|recent|watched)(?: (?:news|stories|articles|today|this week|now))*"
    r"|you (?:may|might|could|will) (?:also )?(?:like|enjoy|be interested in|have missed)"
    r"|(?:what|things) to read next|read next|up next|don'?t miss|also read|see also|further reading|in other news"
    r"|in case you missed it|around the web|from the web|we recommend|also on \S+|recommended|trending)[\s:»›>.…]*",
    re.IGNORECASE,
)
# A heading is short ("International Realted Stories"); a cross-link line is a label
# and a headline ("Lesen Sie auch: …").
MAX_HEADING_CHARS = 80
MAX_PREFIXED_CHARS = 240
# "International", "Other Sports": section words glued in front of a heading.
MAX_PREFIX_WORDS = 2
# A list item that reads as a paragraph ends the list: this many words, sentence case.
MIN_PARAGRAPH_WORDS = 8
MAX_SENTENCE_TITLE_CASE = 0.5
MAX_ITEM_WORDS = 40
# A "Label:" ends the list: it heads the article's own list ("For the dough:").
# A sentence-like headline inside a list ("… won't let him go. Is this our ally?") does not
# end it when this many headline-like items follow it.
LOOKAHEAD_ITEMS = 2


class RelatedList(Rule):
    """Related-article headings and the list of headlines that follows them.

    Removed:
        Related Stories
        InternationalAfghan police apprehend 42 suspects in nationwide crime crackdown
        NationalIndia, China agree on reviving traditional trade from Shipki-La: Himachal govt
    Kept:
        Related studies have reached the same conclusion about the rise in sea levels.
    """

    code = "C201"
    name = "related-list"

    def find(self, doc: Document) -> Iterator[Removal]:
        live = doc.live_lines()
        phrases = lexicon.phrases(self.name)
        claimed: set[int] = set()
        for i, line in enumerate(live):
            if line.number in claimed:
                continue
            text = line.stripped
            if len(text) > MAX_PREFIXED_CHARS:
                continue
            if doc.prefix_form(line.number) in phrases.prefixes:  # "Lesen Sie auch: <headline>": one line
                claimed.add(line.number)
                continue
            if not is_heading(doc, line, phrases):
                continue
            block = [line.number]
            rest = live[i + 1 :]
            for j, item in enumerate(rest):
                if is_heading(doc, item, phrases):  # the next block starts here
                    break
                resumes = not is_paragraph(item) and _list_resumes(rest[j + 1 : j + 1 + LOOKAHEAD_ITEMS])
                if not (is_list_item(item) or resumes):
                    break
                block.append(item.number)
            claimed.update(block)
        yield from self.removals(doc, claimed)


def is_heading(doc: Document, line: Line, phrases: lexicon.Phrases) -> bool:
    text = line.stripped
    return len(text) <= MAX_HEADING_CHARS and (is_related_heading(text) or doc.normalized(line.number) in phrases.lines)


def is_paragraph(line: Line) -> bool:
    """A sentence-case line of MIN_PARAGRAPH_WORDS words ending in a full stop: prose, never a list item."""
    text = line.stripped
    return (
        word_count(text) >= MIN_PARAGRAPH_WORDS
        and text.endswith(".")
        and title_case_ratio(text) < MAX_SENTENCE_TITLE_CASE
    )


def is_related_heading(text: str) -> bool:
    words = text.split()
    for skip in range(min(MAX_PREFIX_WORDS, len(words) - 1) + 1):
        match = RELATED_HEADING.fullmatch(" ".join(words[skip:]))
        if match is None:
            continue
        related = match.group("related")
        if related is None:
            # After a glued section word ("Sports Most Read") a heading is capitalised;
            # "Learn more about our programs" is a sentence, not "More about …".
            if skip == 0 or words[skip][:1].isupper():
                return True
        elif _is_related_word(related):
            return True
    return False


def _is_related_word(word: str) -> bool:
    """ "Related", and its misspellings one edit away ("Realted", "Relatd")."""
    word = word.lower()
    # One edit keeps the length within one of 7 and leaves an "r" in the first two
    # letters or an "el" at the start or after it: a cheap test that spares the edit
    # distance for almost every word (tests/test_related_word.py checks every variant).
    if not (6 <= len(word) <= 8 and ("r" in word[:2] or "el" in word[:3])):
        return False
    return damerau_distance(word, "related") <= 1


def _list_resumes(following: list[Line]) -> bool:
    return len(following) == LOOKAHEAD_ITEMS and all(is_list_item(line) for line in following)


def is_list_item(line: Line) -> bool:
    text = line.stripped
    words = word_count(text)
    if words > MAX_ITEM_WORDS or text.endswith(":"):
        return False
    reads_as_paragraph = words >= MIN_PARAGRAPH_WORDS and ends_like_sentence(text)
    return not (reads_as_paragraph and title_case_ratio(text) < MAX_SENTENCE_TITLE_CASE)
