"""Every rule, in pipeline order, and lookup by code or name."""

from __future__ import annotations

from collections.abc import Iterable

from cleaner.errors import UnknownRuleError
from cleaner.rules.base import Rule
from cleaner.rules.c101_open_in_app import OpenInApp
from cleaner.rules.c102_follow_share import FollowShare
from cleaner.rules.c103_newsletter import Newsletter
from cleaner.rules.c104_comments import Comments
from cleaner.rules.c105_player_residue import PlayerResidue
from cleaner.rules.c106_date_stamp import DateStamp
from cleaner.rules.c107_byline import Byline
from cleaner.rules.c108_section_label import SectionLabel
from cleaner.rules.c109_advertisement import Advertisement
from cleaner.rules.c110_account import Account
from cleaner.rules.c111_read_more import ReadMore
from cleaner.rules.c112_caption_credit import CaptionCredit
from cleaner.rules.c113_cookie_notice import CookieNotice
from cleaner.rules.c114_site_navigation import SiteNavigation
from cleaner.rules.c201_related_list import RelatedList
from cleaner.rules.c202_teaser_copy import TeaserCopy
from cleaner.rules.c203_menu_run import MenuRun
from cleaner.rules.c301_disclaimer import Disclaimer
from cleaner.rules.c302_copyright import Copyright
from cleaner.rules.c303_syndication import Syndication
from cleaner.rules.c901_headline import Headline
from cleaner.rules.c910_off_article import OffArticle

# Pipeline order is code order: single lines (C1), blocks, which see only what is
# left (C2), legal tails (C3), and last the heuristics (C9), whose analysis reads
# what all the others left.
ALL_RULES: tuple[type[Rule], ...] = (
    OpenInApp,
    FollowShare,
    Newsletter,
    Comments,
    PlayerResidue,
    DateStamp,
    Byline,
    SectionLabel,
    Advertisement,
    Account,
    ReadMore,
    CaptionCredit,
    CookieNotice,
    SiteNavigation,
    RelatedList,
    TeaserCopy,
    MenuRun,
    Disclaimer,
    Copyright,
    Syndication,
    Headline,
    OffArticle,
)

# The rule that finds the article by its position in a page rather than by a kind
# of chrome; text an extractor already cut out of a page skips it.
POSITION_RULE = OffArticle.code


def get(key: str) -> type[Rule]:
    """The rule whose code (``C101``) or name (``open-in-app``) is ``key``."""
    wanted = key.strip().lower()
    for rule in ALL_RULES:
        if wanted in (rule.code.lower(), rule.name):
            return rule
    raise UnknownRuleError(f"unknown rule {key!r}; `cleaner --list-rules` lists them")


def active_rules(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> tuple[type[Rule], ...]:
    """Rules to run, in pipeline order: ``select`` (default all) minus ``ignore``."""
    selected = {get(k) for k in select} or set(ALL_RULES)
    ignored = {get(k) for k in ignore}
    return tuple(r for r in ALL_RULES if r in selected and r not in ignored and not r.retired)
