"""Exceptions raised by the library; only ``cli.py`` turns them into exit codes."""


class CleanerError(Exception):
    """Base class of every error the cleaner raises on purpose."""


class UnknownRuleError(CleanerError, LookupError):
    """A rule code or name that is not in the registry."""


class CoreError(CleanerError, RuntimeError):
    """The compiled core failed on a text (two removals claimed one line, say): a bug in
    a rule, never in the input. The core's panic message is the error's message."""


class DecodeError(CleanerError, ValueError):
    """Input bytes that are not text the cleaner can read: binary data or an unknown encoding.

    ``str()`` is one line naming the input and the problem, with a hint when one helps.
    """

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem

    def __reduce__(self) -> tuple[type["DecodeError"], tuple[str, str]]:
        # Worker processes send errors back pickled; the default would pass one argument.
        return type(self), (self.name, self.problem)
