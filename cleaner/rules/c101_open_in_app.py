import re

from cleaner.rules.base import PatternRule

# "Open in App", "Read this story in our app", "Download the free NDTV app"
APP_PROMPT = re.compile(
    r"(?:(?:open|read|continue|view|listen)(?: (?:this|the|full))?(?: (?:story|article|news))?"
    r"(?: (?:in|on|with)) (?:the |our )?app"
    r"|(?:download|get|install|try) (?:the |our )?(?:free |new )?(?:[\w&]+ )?(?:news )?app(?: now| here| today)?"
    r"|open app|get the app|app store|google play)[\s.!:»›>]*",
    re.IGNORECASE,
)


class OpenInApp(PatternRule):
    """Lines that only ask the reader to open or download the site's app.

    Removed:
        Open in App
    Removed:
        Download the free News app
    Kept:
        Seoul will open in-app visa applications next year.
    """

    code = "C101"
    name = "open-in-app"
    pattern = APP_PROMPT
