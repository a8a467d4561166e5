import re

from cleaner.rules.base import PatternRule

_NETWORK = (
    r"(?:facebook|twitter|x|linkedin|whatsapp|e-?mail|mail|print|reddit|pinterest|pin(?: it)?|tweet|"
    r"telegram|messenger|flipboard|instagram|youtube|tiktok|threads|bluesky|mastodon|rss|sms|"
    r"copy(?: the)? link|copy|link|google\+?|tumblr|vk|xing|share)"
)
# "Follow Us", "Follow us on Twitter", "Share this article", "Share on Facebook",
# "Facebook Twitter WhatsApp Email", "Share via Email", "Share 12", "Sharing is caring!"
FOLLOW_SHARE = re.compile(
    rf"(?:(?:follow|like|join|connect with|find|friend) us(?: (?:on|at) {_NETWORK}(?:(?:,| and| &| or)? {_NETWORK})*)?"
    rf"|(?:click to |tap to )?share(?: (?:this|the|our))?(?: (?:article|story|post|page|video|link|on|via|to))*"
    rf"(?: {_NETWORK}(?:(?:,| and| &| or|/)? {_NETWORK})*)?(?: \d+)?"
    # between two names either a separator or spaces, never both optional (that nesting
    # made "facebook facebook … ?" exponential)
    rf"|{_NETWORK}(?:(?:\s*[,|/·•]\s*|\s+){_NETWORK})*(?: \d+)?"
    r"|(?:\d+ )?shares?|sharing is caring)[\s.!:»›>]*",
    re.IGNORECASE,
)


# "Follow The Gazette on Twitter and Instagram @gazette", "Like us on Facebook for updates"
# "Like this story? Share it with a friend!" (a sentence of its own that ends the line: not
# "Share it with a friend, she said" nor "… lets you snap a photo and share it with your friends."), an author's "Follow her on Twitter @jdoe" (the
# handle marks it: "Fans can follow her on Instagram" is prose), "¡Síguenos en nuestro canal de
# YouTube!", "Únete a nuestro canal de Telegram".
FOLLOW_SENTENCE = re.compile(
    rf"^(?:follow|like|find|join|connect with)\b.{{0,60}}\bon {_NETWORK}\b"
    r"|(?:^|[.!?]\s+)share (?:it|this(?: story| article| post)?) with (?:a friend|your friends)\W*$"
    rf"|\bfollow (?:him|her|them|me|us) on {_NETWORK}\s*(?:at\s*)?@\w"
    rf"|\b(?:nuestro|nuestra) (?:canal|cuenta|página) (?:de|en) {_NETWORK}\b"
    rf"|\b(?:únete|suscríbete|síguenos)\b.{{0,60}}\bcanal de {_NETWORK}\b|\bcanal de {_NETWORK}\b.{{0,60}}\b(?:únete|suscríbete)\b",
    re.IGNORECASE,
)


class FollowShare(PatternRule):
    """Follow-us and share-button lines, and lines of social-network names.

    Removed:
        Follow Us
    Removed:
        Share on Facebook
    Removed:
        Facebook Twitter WhatsApp Email
    Removed:
        Follow The Gazette on Twitter and Instagram @gazette
    Kept:
        Follow the river path on foot for two miles to reach the old mill.
    Kept:
        Follow us, the protesters shouted, and share what little you have.
    """

    code = "C102"
    name = "follow-share"
    pattern = FOLLOW_SHARE
    prompt = FOLLOW_SENTENCE
