import re

from cleaner.rules.base import PatternRule

# "Home", "Menu", "Skip to main content", "Toggle navigation", "Search", "Contact Us",
# "About Us", "Privacy Policy", "Sitemap", "Home > World > Asia"
SITE_NAVIGATION = re.compile(
    r"(?:skip to (?:main |the )?(?:content|navigation|main|search|footer)|jump to (?:navigation|content|search)"
    r"|toggle (?:navigation|menu|search)|(?:main |open |close )?(?:menu|navigation)|home(?: ?page)?|search(?: for)?"
    r"|go|submit|contact(?: us)?|about(?: us)?|careers|jobs|sitemap|site map|faqs?|help|imprint|impressum"
    r"|kontakt|datenschutz(?:erklärung)?|inicio|accueil|all rights reserved|advertise(?: with us)?|press|media kit"
    r"|accessibility|corrections|feedback|archives?|subscriptions?|e-?paper|edition|en|de|fr|es|english"
    r"|(?:[\w&-]+(?: [\w&-]+)?\s*[>»›]\s*){1,5}[\w&-]+(?: [\w&-]+)?)\s*[:.»›>]*",
    re.IGNORECASE,
)


class SiteNavigation(PatternRule):
    """Site navigation words, skip links and breadcrumb trails.

    Removed:
        Skip to main content
    Removed:
        Home > World > Asia
    Kept:
        Home prices in Seoul rose for a sixth straight month.
    """

    code = "C114"
    name = "site-navigation"
    pattern = SITE_NAVIGATION
