"""Exceptions raised by the library; only ``cli.py`` turns them into exit codes."""


class CleanerError(Exception):
    """Base class of every error the cleaner raises on purpose."""


class UnknownRuleError(CleanerError, LookupError):
    """A rule code or name that is not in the registry."""


class OverlappingRemovalError(CleanerError, RuntimeError):
    """Two removals claimed the same line: a bug in a rule, never in the input."""
