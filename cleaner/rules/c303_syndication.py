import re

from cleaner.rules.base import PatternRule

# "Will Dunham", "New York", "Jean-Luc de la Cruz", "Tribune Content Agency": capitalised words.
# Credits name people, places and companies; a lower-case word after "by" or "in" is prose
# ("Reporting by the newspaper revealed …", "Distributed by volunteers, the leaflets …").
_CAPS = r"(?-i:[A-Z])[\w'’.&-]*"
# Particles and the "and" between names are lower case, so that every word has one
# reading: "De" is a name, "de" a particle, "And" a name, "and" a separator (a word
# read two ways makes the pattern exponential on "Distributed by De De De …").
_PROPER = rf"{_CAPS}(?: (?:{_CAPS}|(?-i:de|da|van|von|der|del|la|le|al|bin|dos)))*"
_PROPER_LIST = rf"{_PROPER}(?:(?:,|(?-i: and)| &) {_PROPER})*"
# "Reporting by Will Dunham in Washington", "Editing by Tom Brown and Leslie Adler"
_CREDIT = (
    r"(?:additional |with )?(?:reporting|writing|editing|compiled|contributions?|research|graphics|production)"
    rf"(?: and (?:reporting|writing|editing|research))? by {_PROPER_LIST}(?: in {_PROPER_LIST})?"
)
# A wire service's credit line in brackets is a credit whatever follows "by":
# "(Reporting by Greg Roumeliotis, with reporting by Herb Lash, editing by Martin Howell.)"
_BRACKETED_CREDITS = r"\((?:additional )?(?:reporting|writing|editing) by [^()]{1,300}\)"
# "Originally published on Live Science", "First published on November 20, 2019 / 1:07 AM":
# names and dates only, not "First published in 1851, the novel …".
_PUBLISHED_TOKEN = r"(?:(?-i:[A-Z0-9])[^\s;]*|[/|·–-]|[ap]\.?m\.?,?)"
_PUBLISHED_IN = rf"(?:on|in|at) (?:the )?{_PUBLISHED_TOKEN}(?: {_PUBLISHED_TOKEN})*"
# "Source: ANI", "With inputs from PTI", "Courtesy of the Smithsonian": a short attribution,
# a name or a few words; not "Source: the ministry said the figures were provisional."
MAX_SOURCE_WORDS = 8  # longer is a sentence that opens with these words
MAX_LOWER_SOURCE_WORDS = 3  # "the Smithsonian Institution"; more words in lower case read as a clause
_SOURCE = (
    rf"(?:(?-i:[A-Z0-9])[^.!?;\s]*(?:[\s,]+[^.!?;\s,]+){{0,{MAX_SOURCE_WORDS - 1}}}"
    rf"|[^.!?;\s]+(?:[\s,]+[^.!?;\s,]+){{0,{MAX_LOWER_SOURCE_WORDS - 1}}})"
)
# "Distributed by Tribune Content Agency, LLC.", "Visit bloomberg.com.",
# "(Reporting by Jane Doe; Editing by John Roe)", "This article originally appeared on The Conversation.",
# "Jane Doe contributed reporting from Hong Kong." (named contributors: "More than 40
# volunteers contributed research." is news).
SYNDICATION = re.compile(
    rf"[(\[]?(?:distributed by {_PROPER}(?:,? (?-i:LLC|Inc|Ltd|L\.?P|GmbH|Co)\.?)?"
    r"|visit (?:us at )?\S+\.[a-z]{2,6}\S*(?: for more.{0,80})?"
    rf"|{_CREDIT}(?:\s*[;,]\s*{_CREDIT})*|{_BRACKETED_CREDITS}"
    r"|this (?:article|story|post|piece) (?:was )?(?:originally|first) (?:appeared|published|posted)"
    r"(?: (?:on|in|at|by) .{1,120})?"
    rf"|(?:originally|first) (?:appeared|published) {_PUBLISHED_IN}"
    r"|.{1,120} contributed to this (?:report|story|article)"
    rf"|{_PROPER_LIST} contributed (?:additional )?(?:reporting|research)(?: (?:from|in) {_PROPER_LIST})?"
    rf"|(?:(?:source|via)\s*:|courtesy of|with inputs from)\s*{_SOURCE})[)\]]?[.]?",
    re.IGNORECASE,
)


class Syndication(PatternRule):
    """Syndication, wire and reporting-credit lines.

    Removed:
        Distributed by Tribune Content Agency, LLC.
    Removed:
        (Reporting by Jane Doe; Editing by John Roe)
    Kept:
        Visitors to the museum rose by a third after the renovation.
    Kept:
        Reporting by the newspaper in 2018 revealed that the figures had been inflated.
    Kept:
        First published in 1851, the town's paper has survived two fires.
    """

    code = "C303"
    name = "syndication"
    pattern = SYNDICATION
    max_chars = 420  # a bracketed credit list runs to 300 characters
