import re
from collections.abc import Iterator

from cleaner import lexicon
from cleaner.document import Document, Removal
from cleaner.rules.base import MAX_LABEL_CHARS, Rule
from cleaner.text import word_count

# A notice is a line with all three: cookies, what they are for, and the site speaking or
# spoken of. "We use cookies to improve your experience. By continuing you accept our
# cookie policy." Articles about cookies, baked or tracking, lack the site's voice:
# "Third-party cookies, which advertisers use to follow people, will be phased out."
COOKIE_WORD = re.compile(r"\bcookies?\b", re.IGNORECASE)
# "accept", "consent", "policy", "experience", "continuing", "personal data"; not "use" or
# "store", which recipes share ("we use brown butter in our cookies").
NOTICE_WORD = re.compile(
    r"\b(?:accept|consent|policy|settings|preferences|browsing|experience|agree|"
    r"continu\w*|enable|partners|personali[sz]\w*|personal (?:data|information)|analytics|tracking|opt[- ]?out|"
    r"functionalit\w*)\b",
    re.IGNORECASE,
)
# "we", "our", "us", "this website", "the site", "nostro sito", "unserer Webseite"
SITE_VOICE = re.compile(
    r"\b(?:we|our|us)\b|\b(?:this|the|our) (?:web)?site\b"
    r"|\b(?:nostro|questo) sito\b|\b(?:unsere[rn]?|diese[rn]?) (?:web)?seite\b|\b(?:nuestro|este) sitio\b"
    r"|\b(?:notre|ce) site\b",
    re.IGNORECASE,
)
# Footer and menu links need no voice: "* Cookie Policy", "Privacy Policy | Cookie Policy | FAQs".
MAX_LINK_WORDS = 4  # "* Manage Cookie Preferences": a link is a few words, a sentence more
LINK_ROW_SEPARATOR = "|"
# "This site uses cookies", "Our website is using cookies", "We use cookies"
SITE_USES_COOKIES = re.compile(
    r"\b(?:we|this (?:site|website)|our (?:site|website))(?: uses?| is using| are using) cookies\b", re.IGNORECASE
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
    Kept:
        Third-party cookies, which advertisers use to follow people, will be phased out.
    """

    code = "C113"
    name = "cookie-notice"
    line_local = True

    def find(self, doc: Document) -> Iterator[Removal]:
        for line in doc.live_lines():
            text = line.stripped.rstrip(".!")
            is_button = len(text) <= MAX_LABEL_CHARS and (
                CONSENT_BUTTON.fullmatch(text) is not None or self.in_lexicon(doc, line)
            )
            is_notice = may_be_notice(text) and (
                is_cookie_notice(text) or lexicon.phrases(self.name).occurs_within(text)
            )
            if is_button or is_notice:
                yield self.removal(doc, line.number)


def may_be_notice(text: str) -> bool:
    """Every notice names its cookies and is a paragraph at most: the cheap test first."""
    return ("ookie" in text or "OOKIE" in text) and word_count(text) <= MAX_NOTICE_WORDS


def is_cookie_notice(text: str) -> bool:
    """An English notice ("We use cookies …"); other languages are lexicon ``within`` phrases.

    Expects a line that passed :func:`may_be_notice`.
    """
    if SITE_USES_COOKIES.search(text):
        return True
    if not (COOKIE_WORD.search(text) and NOTICE_WORD.search(text)):
        return False
    is_link = word_count(text) <= MAX_LINK_WORDS or LINK_ROW_SEPARATOR in text
    return is_link or SITE_VOICE.search(text) is not None
