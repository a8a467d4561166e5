import re
from collections.abc import Iterator

from cleaner.document import Document, Line, Removal
from cleaner.rules.base import Rule
from cleaner.text import ends_like_sentence, word_count

# "  * Tech", "+ Reviews", "• Sport", "- Contact": an inscriptis or hand-made bullet.
BULLET = re.compile(r"(?:[*+•·▪►◦‣-]|o(?= ))\s+(?P<item>.*)")
MIN_MENU_ITEMS = 5  # a shorter list may be the article's own ("Key points", a squad)
MAX_MENU_ITEM_WORDS = 4  # "Science & Technology News": a menu entry is a few words
# Share of items that must look like menu entries: lists of ingredients or facts do not.
MIN_MENU_SHARE = 0.8


class MenuRun(Rule):
    """Runs of short bulleted entries: menus, section lists, footer links.

    Removed:
        * Tech
        * Cars
        * Gaming
        * Science
        * Reviews
    Kept:
        * 200 g flour
        * 2 eggs, beaten
        * A pinch of salt
    """

    code = "C203"
    name = "menu-run"

    def find(self, doc: Document) -> Iterator[Removal]:
        run: list[Line] = []
        for line in [*doc.live_lines(), None]:
            if line is not None and BULLET.fullmatch(line.stripped):
                run.append(line)
                continue
            if is_menu(run):
                yield from self.removals(doc, (item.number for item in run))
            run = []


def is_menu(run: list[Line]) -> bool:
    if len(run) < MIN_MENU_ITEMS:
        return False
    entries = sum(is_menu_entry(line) for line in run)
    return entries >= MIN_MENU_SHARE * len(run)


def is_menu_entry(line: Line) -> bool:
    match = BULLET.fullmatch(line.stripped)
    item = match.group("item") if match else line.stripped
    return (
        0 < word_count(item) <= MAX_MENU_ITEM_WORDS
        and not ends_like_sentence(item)
        and not any(ch.isdigit() for ch in item)
    )
