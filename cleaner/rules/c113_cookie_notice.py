import re
from collections.abc import Iterator

from cleaner.document import Document, Removal
from cleaner.rules.base import Rule
from cleaner.text import word_count

# "We use cookies to improve your experience. By continuing you accept our cookie policy."
COOKIE_NOTICE = re.compile(
    r"\bcookies?\b.{0,200}\b(?:use|using|accept|consent|policy|settings|preferences|browsing|experience|agree|"
    r"continu\w*|enable|store|partners|personali[sz]\w*)\b"
    r"|\b(?:we|this (?:site|website)|our (?:site|website)) uses? cookies\b",
    re.IGNORECASE,
)
# Consent buttons: "Accept all", "I agree", "Manage cookie settings", "Got it"
CONSENT_BUTTON = re.compile(
    r"(?:accept|reject|decline|allow|deny|refuse)(?: all| selected| necessary| essential)?(?: cookies)?"
    r"|i (?:agree|accept|understand)|got it|ok(?:ay)?|agree(?: and (?:close|continue))?"
    r"|(?:manage|customi[sz]e|change|cookie) (?:cookie )?(?:settings|preferences|options|consent|policy)"
    r"|privacy (?:settings|preferences|center|centre)|do not sell my (?:personal )?info(?:rmation)?"
    r"|(?:privacy|cookie) policy|terms (?:of (?:use|service)|and conditions|& conditions)",
    re.IGNORECASE,
)
MAX_NOTICE_WORDS = 200  # a notice is a paragraph or two; longer text discusses cookies


class CookieNotice(Rule):
    """Cookie and consent notices, their buttons and policy links.

    Removed:
        We use cookies to give you the best experience. By continuing you agree to our use of cookies.
    Removed:
        Accept all
    Kept:
        The bakery sold 300 cookies on its first day, the owner said.
    """

    code = "C113"
    name = "cookie-notice"

    def find(self, doc: Document) -> Iterator[Removal]:
        for line in doc.live_lines():
            text = line.stripped.rstrip(".!")
            is_notice = word_count(text) <= MAX_NOTICE_WORDS and COOKIE_NOTICE.search(text)
            if is_notice or CONSENT_BUTTON.fullmatch(text):
                yield self.removal(doc, line.number)
