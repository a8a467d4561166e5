import re
from collections.abc import Iterator

from cleaner import lexicon
from cleaner.document import Document, Removal
from cleaner.prefilter import indexed
from cleaner.rules.base import Rule
from cleaner.text import word_count

# "©2025 Bloomberg L.P. Visit bloomberg.com. Distributed by Tribune Content Agency, LLC.",
# "Copyright © 2019 The Times. All rights reserved.", "(c) 2024 Example Media"
# "ⓒ" (circled c) stands for "©" on Korean and Japanese pages.
COPYRIGHT = re.compile(r"(?:©|ⓒ|\(c\)|copyright\b|\u2117).{0,400}", re.IGNORECASE)
# "… The Times. All rights reserved.", "Copyright The Channel Company, All rights reserved": the
# phrase opens the line or follows a mark, a year or the end of the owner's name; in prose
# ("argue that all rights reserved to authors should lapse") it follows a plain word. Polish
# pages open the notice with "Materiał chroniony prawem autorskim" ("material protected by copyright").
ALL_RIGHTS = indexed(
    re.compile(
        r"(?:^|[.,;:|)©]\s*|\d{4}\s+)(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos"
        r"|materiał chroniony prawem autorskim)",
        re.IGNORECASE,
    )
)
# "(c) 2024 Example Media": "(c)" is a mark only before a year; "(c) no heir has …" is a list item.
LETTER_C_MARK = re.compile(r"\(c\)\s*\d{4}", re.IGNORECASE)
# "Copyright " before "© 2019 …", "(c) The Times" or "2019 …"
COPYRIGHT_WORD = re.compile(r"copyright\s*", re.IGNORECASE)
# "Copyright Example Media 2019 - ISSN: 1234-5678": the owner, then the year closing the notice or
# followed by a dash or bar; "Copyright Office 2019 report found …" and "Copyright Act 1976,
# section 107, …" go on as sentences.
OWNER_YEAR = re.compile(
    r"copyright\s+(?:(?-i:[A-Z])[\w.&'’-]*\s+){1,4}(?:19|20)\d{2}(?:\s*[-–|].{0,80}|\.)?", re.IGNORECASE
)
MAX_NOTICE_WORDS = 60  # a copyright line is a sentence or two; longer is prose about copyright


class Copyright(Rule):
    """Copyright and all-rights-reserved lines.

    Removed:
        ©2025 Bloomberg L.P. Visit bloomberg.com. Distributed by Tribune Content Agency, LLC.
    Kept:
        Copyright lawyers say the ruling will change how songs are sampled.
    Kept:
        (c) no heir has registered a claim.
    """

    code = "C302"
    name = "copyright"
    line_local = True

    def find(self, doc: Document) -> Iterator[Removal]:
        may_reserve = doc.may_match(ALL_RIGHTS)
        closing = lexicon.phrases(self.name)
        for line in doc.live_lines():
            text = line.stripped
            if word_count(text) > MAX_NOTICE_WORDS:
                continue
            # "Editora Globo S/A. Todos os direitos reservados." — the notice closes its line.
            form = doc.normalized(line.number)
            reserved = (line.number in may_reserve and ALL_RIGHTS.search(text)) or closing.closes(form)
            if _starts_with_mark(text) or reserved or self.in_lexicon(doc, line):
                yield self.removal(doc, line.number)


def _starts_with_mark(text: str) -> bool:
    """ "© 2025 …" or "Copyright 2019 …" / "Copyright © …"; not "Copyright lawyers say …"."""
    if not COPYRIGHT.fullmatch(text):
        return False
    if text[0] in "©ⓒ\u2117":
        return True
    if text[0] == "(":
        return LETTER_C_MARK.match(text) is not None
    word = COPYRIGHT_WORD.match(text)
    rest = text[word.end() :] if word else text
    return rest[:1] in ("©", "ⓒ", "(") or rest[:1].isdigit() or OWNER_YEAR.fullmatch(text) is not None
