"""How a text is cleaned, in one frozen value every front end takes.

The API (``cleaner.explain(text, options)``), the command (``cleaner --config FILE``),
corpus mode, the golden-test plugin's ``cleaner.toml``, the Ray adapter, the
datatrove step and the Hugging Face ``datasets`` function all read an
:class:`Options`, so settings tuned on the command line carry over unchanged to a
cluster job. A TOML file holds the same keys::

    keep_headline = false
    ignore = ["C910", "byline"]
    mode = "auto"
    input_format = "auto"
    output_format = "input"

Where to read from and write to (a JSON field, a column) belongs to each front end,
not to the options.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Literal, NoReturn, TypedDict, Unpack, get_args

from cleaner.errors import CleanerError, UnknownRuleError

#: How an input is read: "text"; "html" (trafilatura extracts the article, then the
#: rules run); "auto": as HTML when it starts like an HTML document (a doctype or
#: ``<html``), else as text. The golden-test plugin's "auto" goes by the page's
#: extension (``.html``) instead.
Mode = Literal["auto", "text", "html"]
MODES: tuple[Mode, ...] = get_args(Mode)
#: How a text's lines are laid out: "auto" tells markdown from plain text; "markdown" and
#: "text" say which; "nodes" is plain text one text node a line (BeautifulSoup's
#: ``get_text("\\n")``), whose sentence fragments, split at links, are judged together.
InputFormat = Literal["auto", "markdown", "text", "nodes"]
INPUT_FORMATS: tuple[InputFormat, ...] = get_args(InputFormat)
#: What the clean text is: the kept lines as the input had them ("input"), or their
#: visible text ("text": markdown's links reduced to their text, no markup; for NLP).
OutputFormat = Literal["input", "text"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = get_args(OutputFormat)
RULE_KEYS = ("select", "ignore")


class OptionsError(CleanerError, ValueError):
    """Options that cannot be used: an unknown key, or a value of the wrong type."""


#: The options, in the order they are shown.
FIELDS = ("keep_headline", "select", "ignore", "mode", "input_format", "output_format")


class Options:
    """How to clean: which rules run, whether the headline stays, and how input is read.

    Values are checked when an Options is made: rule codes or names against the
    registry (:class:`~cleaner.errors.UnknownRuleError`), everything else by type
    (:class:`OptionsError`). ``select`` and ``ignore`` take any iterable of codes or
    names and are kept as tuples, so an Options is hashable and pickles. It is frozen
    and compared by value, as a frozen dataclass is; a plain class with slots, because
    the command imports it at start-up and ``dataclasses`` costs about 8 ms to import.
    """

    __slots__ = FIELDS

    #: False also removes the headline and standfirst, leaving the body alone (``--body-only``).
    keep_headline: bool
    #: Run only these rules (codes or names); empty: every rule.
    select: tuple[str, ...]
    #: Do not run these rules (codes or names).
    ignore: tuple[str, ...]
    #: How input is read: see :data:`Mode`. ``explain`` always reads text and
    #: ``explain_html`` HTML; ``explain_any`` and every corpus front end follow this.
    mode: Mode
    #: How a text's lines are laid out: see :data:`InputFormat`.
    input_format: InputFormat
    #: What the clean text is: see :data:`OutputFormat`; removals always quote the input.
    output_format: OutputFormat

    def __init__(
        self,
        *,
        keep_headline: bool = True,
        select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        mode: Mode = "auto",
        input_format: InputFormat = "auto",
        output_format: OutputFormat = "input",
    ) -> None:
        if not isinstance(keep_headline, bool):
            raise OptionsError(f"keep_headline must be a bool, not {keep_headline!r}")
        select, ignore = rule_keys("select", select), rule_keys("ignore", ignore)
        for key, value, allowed in (
            ("mode", mode, MODES),
            ("input_format", input_format, INPUT_FORMATS),
            ("output_format", output_format, OUTPUT_FORMATS),
        ):
            if value not in allowed:
                raise OptionsError(f"{key} must be one of {', '.join(allowed)}, not {value!r}")
        values = (keep_headline, select, ignore, mode, input_format, output_format)
        for key, checked in zip(FIELDS, values, strict=True):
            object.__setattr__(self, key, checked)

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, key) for key in FIELDS)

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"cannot assign to field {name!r}: an Options is frozen")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"cannot delete field {name!r}: an Options is frozen")

    def __eq__(self, other: object) -> bool:
        return type(other) is Options and self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return f"Options({', '.join(f'{key}={getattr(self, key)!r}' for key in FIELDS)})"

    def __reduce__(self) -> tuple[object, ...]:
        return (_options, self._values())

    def replace(self, **changes: Unpack[OptionFields]) -> Options:
        """A copy with ``changes`` applied, checked as a new Options is; None keeps a value.

        With nothing to change it is this Options itself: corpus modes call it per record.
        """
        given = {key: value for key, value in changes.items() if value is not None and value != getattr(self, key)}
        if not given:
            return self
        return Options(**{**dict(zip(FIELDS, self._values(), strict=True)), **given})  # type: ignore[arg-type]  # __init__ checks each value

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> Options:
        """Options from a parsed TOML table; a key that is not an option is refused."""
        known = sorted(FIELDS)
        for key in data:
            if key not in known:
                raise OptionsError(f"unknown key {key!r}; known keys: {', '.join(known)}")
        return cls(**data)  # type: ignore[arg-type]  # each value is checked in __init__

    @classmethod
    def from_toml(cls, path: Path) -> Options:
        """Options from a TOML file; any problem is one line that names the file."""
        import tomllib  # lazily: only a run with a settings file pays for the parser

        try:
            return cls.from_mapping(tomllib.loads(path.read_text(encoding="utf-8")))
        except OSError as exc:
            raise OptionsError(f"{path}: cannot read: {exc.strerror or exc}") from None
        except UnicodeDecodeError as exc:
            raise OptionsError(f"{path}: not valid UTF-8 (byte {exc.start})") from None
        except tomllib.TOMLDecodeError as exc:
            raise OptionsError(f"{path}: not valid TOML: {exc}") from None
        except CleanerError as exc:
            raise type(exc)(f"{path}: {exc}") from None


class OptionFields(TypedDict, total=False):
    """The options as keyword arguments: ``cleaner.explain(text, keep_headline=False)``.

    A value of None leaves that option as the :class:`Options` it changes has it.
    """

    keep_headline: bool | None
    select: Iterable[str] | None
    ignore: Iterable[str] | None
    mode: Mode | None
    input_format: InputFormat | None
    output_format: OutputFormat | None


def rule_keys(key: str, values: object) -> tuple[str, ...]:
    """``values`` as a tuple of rule codes or names, each checked against the registry."""
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise OptionsError(f"{key} must be a list, not {values!r}")
    keys = tuple(values)
    if not keys:
        return keys
    from cleaner import registry  # loads the compiled core: only once options name rules

    for value in keys:
        if not isinstance(value, str):
            raise OptionsError(f'{key} must list rule codes or names, e.g. {key} = ["C101"]')
        try:
            registry.get(value)
        except UnknownRuleError as exc:
            raise UnknownRuleError(f"{key}: {exc}") from None
    return keys


def _options(*values: object) -> Options:
    """An Options from its values in :data:`FIELDS` order: how one unpickles."""
    return Options(**dict(zip(FIELDS, values, strict=True)))  # type: ignore[arg-type]  # __init__ checks each value


DEFAULT = Options()


def resolve(options: Options | None, changes: OptionFields) -> Options:
    """``options`` (default: :data:`DEFAULT`) with the keyword arguments of a call applied."""
    base = DEFAULT if options is None else options
    return base.replace(**changes) if changes else base
