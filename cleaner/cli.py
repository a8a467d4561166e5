"""The ``cleaner`` command: a filter from scraped text to clean article text.

No cleaning logic lives here: this module reads input, calls the library,
and turns its results and errors into output streams and exit codes.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click
from click.core import ParameterSource

from cleaner import Mode, Options, __version__, explain_any, inputs, outputs
from cleaner.errors import CleanerError, UnknownRuleError
from cleaner.messages import STDOUT_NAME, display_name, plural
from cleaner.options import INPUT_FORMATS, OUTPUT_FORMATS, InputFormat, OutputFormat
from cleaner.result import Result

if TYPE_CHECKING:
    # Imported where used: plain-text runs do not pay for multiprocessing, and --help and
    # --version do not load the rules (the compiled core, through the registry).
    from cleaner import corpus

EPILOG = """\b
Examples:
  scraper | cleaner > article.txt          clean stdin to stdout
  cleaner page.txt --explain               also list removed lines on stderr
  cleaner page.txt --body-only             drop headline and standfirst too
  cleaner page.html                        HTML is detected: trafilatura, then the rules
  cleaner page.txt --format json           text and removals as JSON
  cleaner page.txt --ignore C910           run every rule but the fallback
  cleaner --list-rules                     codes, names and summaries
  cleaner --show-rule related-list         one rule's documentation

Exit status: 0 on success, 1 if any input could not be read or output could not be
written, 2 on usage errors, 130 on Ctrl-C, 143 on SIGTERM.
"""

# Modes: plain text to stdout, JSON Lines (--jsonl), many text files (--output-dir).
TEXT, JSONL, BATCH = "text", "jsonl", "batch"
MODE_FLAGS = {TEXT: "plain-text mode (no --jsonl or --output-dir)", JSONL: "--jsonl", BATCH: "--output-dir"}
# Options that mean something in some modes only: given in another, they are refused, not ignored.
OPTION_MODES: dict[str, tuple[str, ...]] = {
    "field": (JSONL,),
    "html_field": (JSONL,),
    "removals_field": (JSONL,),
    "language_field": (JSONL,),
    "output": (JSONL,),
    "output_dir": (TEXT, BATCH),  # in plain-text mode it is what selects --output-dir mode
    "on_error": (JSONL, BATCH),
    "jobs": (JSONL, BATCH),
    "quiet": (JSONL, BATCH),
    "show_removals": (TEXT,),
    "output_format": (TEXT,),
}
# What to use instead, for the mixes people try: the whole message.
OPTION_MESSAGES = {
    ("output", TEXT): "-o/--output only works with --jsonl; for plain text use --output-dir or redirect stdout",
    ("output_dir", JSONL): "--output-dir writes plain text files; with --jsonl use -o/--output",
    (
        "show_removals",
        JSONL,
    ): "--explain only works in plain-text mode; with --jsonl, --removals-field NAME adds each record's removals to it",
    (
        "output_format",
        JSONL,
    ): "--format only works in plain-text mode; --jsonl writes JSON already, and --removals-field NAME adds each record's removals to it",
}


def _split_codes(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(code.strip() for value in values for code in value.split(",") if code.strip())


def _check_codes(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    from cleaner import registry

    if any(not _split_codes([value]) for value in values):
        # `--select ''` would otherwise select nothing, which means every rule.
        raise click.BadParameter("empty: give rule codes or names, comma-separated")
    codes = _split_codes(values)
    for code in codes:
        try:
            registry.get(code)
        except UnknownRuleError as exc:
            raise click.BadParameter(str(exc)) from None
    return codes


def _read_config(ctx: click.Context, param: click.Parameter, path: Path | None) -> Options | None:
    try:
        return None if path is None else Options.from_toml(path)
    except CleanerError as exc:
        raise click.BadParameter(str(exc)) from None


def command_options(
    config: Options | None,
    keep_headline: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    mode: Mode | None,
    layout: tuple[InputFormat | None, OutputFormat | None] = (None, None),
) -> Options:
    """The --config file's options (or the defaults), with those given on the command line in their place."""
    headline_given = click.get_current_context().get_parameter_source("keep_headline") is not ParameterSource.DEFAULT
    return (config or Options()).replace(
        keep_headline=keep_headline if headline_given else None,
        select=select or None,
        ignore=ignore or None,
        mode=mode,
        input_format=layout[0],
        output_format=layout[1],
    )


@click.command(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("files", nargs=-1, metavar="[FILE]...")
@click.option(
    "--explain", "show_removals", is_flag=True, help="Print a table of removed lines (code, lines, text) to stderr."
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: the clean article; json: one object per input with text and removals.",
)
@click.option(
    "--keep-headline/--body-only",
    default=True,
    show_default=True,
    help="Keep the headline and standfirst, or output the article body alone.",
)
@click.option(
    "--select",
    multiple=True,
    callback=_check_codes,
    metavar="CODES",
    help="Run only these rules (codes or names, comma-separated).",
)
@click.option(
    "--ignore",
    multiple=True,
    callback=_check_codes,
    metavar="CODES",
    help="Do not run these rules (codes or names, comma-separated).",
)
@click.option(
    "--html", "as_html", is_flag=True, help="Treat input as HTML: trafilatura extracts the article, then the rules run."
)
@click.option("--text", "as_text", is_flag=True, help="Treat input as text even if it looks like HTML.")
@click.option(
    "--input-format",
    "input_layout",
    type=click.Choice(INPUT_FORMATS),
    help="How text lines are laid out (default auto: markdown, plain text and one text node "
    "a line are told apart); nodes: one text node a line, sentence fragments judged together.",
)
@click.option(
    "--output-format",
    "output_layout",
    type=click.Choice(OUTPUT_FORMATS),
    help="input (default): the kept lines as they came, markdown stays markdown; "
    "text: their visible text (links reduced to their text, no markup).",
)
@click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    callback=_read_config,
    metavar="FILE",
    help="Read keep_headline, select, ignore and mode from a TOML file; options given here replace its values.",
)
@click.option("--list-rules", is_flag=True, help="List every rule with its code, name and summary, then exit.")
@click.option("--show-rule", metavar="CODE", help="Show one rule's documentation and examples, then exit.")
@click.option("--jsonl", is_flag=True, help="Corpus mode: JSON Lines in and out, one field of each record cleaned.")
@click.option("--field", default="text", show_default=True, metavar="NAME", help="With --jsonl: the field to clean.")
@click.option("--html-field", metavar="NAME", help="With --jsonl: clean the HTML in NAME into --field.")
@click.option("--removals-field", metavar="NAME", help="With --jsonl: add each record's removals in field NAME.")
@click.option(
    "--language-field",
    metavar="NAME",
    help='With --jsonl: add the clean text\'s language in field NAME ("German", "English", …; null if unknown).',
)
@click.option(
    "--on-error",
    type=click.Choice(["keep", "skip", "fail"]),
    default="keep",
    show_default=True,
    help="A bad record (or file, with --output-dir): keep it unchanged, skip it, or fail. Always reported.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    metavar="N",
    help="Worker processes for --jsonl and --output-dir [default: all cores].",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="With --jsonl: write here instead of stdout (- is stdout; a file is replaced atomically; gzip if it ends in .gz).",
)
@click.option(
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write each FILE's clean text to DIR under the same name.",
)
@click.option(
    "-q", "--quiet", is_flag=True, help="No progress line and no summary on stderr (errors are still reported)."
)
@click.version_option(__version__, "-V", "-v", "--version", prog_name="cleaner")
@click.pass_context
def main(
    ctx: click.Context,
    files: tuple[str, ...],
    show_removals: bool,
    output_format: str,
    keep_headline: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    list_rules: bool,
    show_rule: str | None,
    as_html: bool,
    as_text: bool,
    input_layout: InputFormat | None,
    output_layout: OutputFormat | None,
    config: Options | None,
    jsonl: bool,
    field: str,
    html_field: str | None,
    removals_field: str | None,
    language_field: str | None,
    on_error: corpus.OnError,
    jobs: int | None,
    output: Path | None,
    output_dir: Path | None,
    quiet: bool,
) -> None:
    """Strip site chrome from scraped article text.

    Reads each FILE (or standard input when there is none, or for "-") and
    writes the article to standard output: headline, standfirst and body,
    with navigation, share and follow lines, bylines, related-article lists,
    player leftovers, disclaimers and copyright lines removed. Every removed
    line is attributed to a named rule: see --explain and --list-rules.
    """
    if list_rules or show_rule:
        try:
            echo_out(format_rule(show_rule) if show_rule else format_rule_list())
        except UnknownRuleError as exc:
            raise click.BadParameter(str(exc), param_hint="--show-rule") from None
        return
    mode = check_options(ctx, TEXT if not (jsonl or output_dir) else JSONL if jsonl else BATCH)
    layout = (input_layout, output_layout)
    cleaning = command_options(config, keep_headline, select, ignore, read_mode(as_html, as_text), layout)
    if mode == TEXT:
        sys.exit(clean_texts(files or ("-",), output_format, show_removals, cleaning))
    from cleaner import corpus

    try:
        settings = corpus.Settings(field, html_field, removals_field, language_field, cleaning)
        options = corpus.RunOptions(jobs or corpus.default_jobs(), on_error, quiet)
        if output_dir is not None:
            targets = corpus.batch_targets(files, output_dir)
            corpus.make_output_dir(output_dir)
            summary = corpus.run_batch(
                read_inputs(files, input_mode(cleaning)), targets, settings, options, stderr=sys.stderr
            )
        else:
            summary = corpus.run_jsonl(
                files or ("-",),
                output,
                settings,
                options,
                stdin=stdin_bytes(),
                stdout=stdout_bytes(),
                stderr=sys.stderr,
            )
    except corpus.CorpusUsageError as exc:
        raise click.UsageError(str(exc)) from None
    except CleanerError as exc:
        report(str(exc))
        sys.exit(1)
    if not quiet:
        click.echo(summary.format("file" if output_dir else "record"), err=True)
    sys.exit(0 if summary.ok else 1)


def check_options(ctx: click.Context, mode: str) -> str:
    """``mode``, after refusing every option given on the command line that it would ignore."""
    for param in ctx.command.params:
        name = param.name or ""
        modes = OPTION_MODES.get(name)
        if modes is None or mode in modes or ctx.get_parameter_source(name) != ParameterSource.COMMANDLINE:
            continue
        wanted = " or ".join(MODE_FLAGS[m] for m in modes)
        raise click.UsageError(OPTION_MESSAGES.get((name, mode), f"{'/'.join(param.opts)} only works with {wanted}"))
    return mode


def read_mode(as_html: bool, as_text: bool) -> Mode | None:
    """How inputs are read: "html" (--html), "text" (--text), or None: as each looks."""
    if as_html and as_text:
        raise click.UsageError("--html and --text contradict each other; give one")
    return "html" if as_html else "text" if as_text else None


def input_mode(cleaning: Options) -> str | None:
    """How input bytes are decoded: as HTML, as text, or None: as each looks."""
    return None if cleaning.mode == "auto" else cleaning.mode


def clean_texts(names: Iterable[str], output_format: str, show_removals: bool, cleaning: Options) -> int:
    """Plain-text mode: each input's clean text (or JSON) to stdout; the exit status."""
    failed = False
    try:
        with outputs.open_output(None, stdout_bytes()) as out:
            for name, text in read_inputs(names, input_mode(cleaning)):
                if text is None:
                    failed = True
                    continue
                label = display_name(name)
                try:
                    result = explain_any(text, cleaning)
                except CleanerError as exc:
                    report(f"{label}: {exc}")
                    failed = True
                    continue
                write_result(label, result, output_format, out)
                if show_removals:
                    click.echo(format_removals(label, result), err=True, nl=False)
    except outputs.OutputError as exc:
        report(str(exc))
        return 1
    return 1 if failed else 0


def report(message: str) -> None:
    """One line on stderr: ``cleaner: MESSAGE``."""
    click.echo(f"cleaner: {message}", err=True)


def echo_out(text: str) -> None:
    """``text`` and a newline on stdout, which must be open."""
    with outputs.open_output(None, stdout_bytes()) as out:
        out.write(f"{text}\n".encode())


def stdin_bytes() -> IO[bytes] | None:
    """Standard input as bytes; None when the process was started with it closed (``<&-``)."""
    return None if sys.stdin is None else sys.stdin.buffer


def stdout_bytes() -> IO[bytes] | None:
    """Standard output as bytes; None when the process was started with it closed (``>&-``)."""
    return None if sys.stdout is None else sys.stdout.buffer


def read_inputs(names: Iterable[str], mode: str | None) -> Iterator[tuple[str, str | bytes | None]]:
    """(name, text) per input ("-" is stdin), read as ``mode`` says (UTF-8 text stays in
    bytes: :func:`cleaner.inputs.decode_input`); text is None after a one-line error on stderr.

    A missing or unreadable file, a directory, binary data or text that is not
    UTF-8 fails that input alone: the next one is still read.
    """
    for name in names:
        label = display_name(name)
        try:
            # Read and decoded in one expression: the raw bytes are not held while the text
            # is cleaned (a decoded str is a copy of them).
            text: str | bytes | None = inputs.decode_input(
                read_stdin() if name == "-" else Path(name).read_bytes(), label, mode
            )
        except CleanerError as exc:
            report(str(exc))
            text = None
        except OSError as exc:
            report(f"{label}: {exc.strerror or exc}")
            text = None
        yield name, text


def read_stdin() -> bytes:
    stdin = stdin_bytes()
    if stdin is None:
        raise OSError(errno.EBADF, "cannot read: it is closed")
    return inputs.read_all(stdin)


def write_result(name: str, result: Result, output_format: str, out: IO[bytes]) -> None:
    if output_format == "json":
        import json  # lazily: plain text, the default, does not pay for it at start-up

        record: dict[str, Any] = {"file": name, **result.to_dict()}
        out.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
    else:
        out.write(result.utf8)
    out.flush()


def format_removals(name: str, result: Result) -> str:
    """The --explain table: one row per removal, first line of its text."""
    if not result.removals:
        return f"{name}: nothing removed\n"
    rows = [f"{name}: {plural(len(result.removals), 'removal')}"]
    for r in result.removals:
        span = f"{r.start}" if r.start == r.end else f"{r.start}-{r.end}"
        first = next((t.strip() for t in r.text.split("\n") if t.strip()), "")
        more = r.text.count("\n") and " …"
        rows.append(f"  {r.code}  {r.name:<16} {span:>9}  {first[:80]}{more or ''}")
    return "\n".join(rows) + "\n"


def format_rule_list() -> str:
    from cleaner import registry

    return "\n".join(f"{r.code}  {r.name:<16} {r.summary()}" for r in registry.ALL_RULES)


def format_rule(key: str) -> str:
    from cleaner import registry

    rule = registry.get(key)
    return f"{rule.code} {rule.name}\n\n{rule.summary()}\n\n{rule.doc_body()}"


def run() -> None:
    """The console script: :func:`main` with the exit statuses of a Unix filter.

    Ctrl-C (SIGINT) exits with status 130 and no traceback; SIGTERM with 143, quietly,
    after the same clean-up (no temporary file, no worker left). A reader that closes
    stdout early (``cleaner big.txt | head -1``) ends the run quietly with status 1:
    click handles the broken pipe inside ``main``, and the final flush here. Any other
    write error on stdout (``/dev/full``, a closed stdout) is one line and status 1.
    """
    reserve_standard_fds()
    signal.signal(signal.SIGTERM, outputs.exit_on_sigterm)
    try:
        status = main.main(standalone_mode=False)
        if sys.stdout is not None:
            sys.stdout.flush()
    except click.Abort as exc:
        sys.exit(130 if isinstance(exc.__cause__, KeyboardInterrupt) else 1)
    except KeyboardInterrupt:
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except CleanerError as exc:
        report(str(exc))
        sys.exit(1)
    except BrokenPipeError:
        outputs.silence(sys.stdout)
        sys.exit(1)
    except OSError as exc:
        # Only stdout is written outside the guarded outputs: --list-rules, --help, --version.
        report(str(outputs.cannot_write(STDOUT_NAME, exc)))
        outputs.silence(sys.stdout)
        sys.exit(1)
    sys.exit(status if isinstance(status, int) else 0)


def reserve_standard_fds() -> None:
    """Open /dev/null on each standard descriptor the process was started without (``>&-``).

    Otherwise the next file opened would take its number, and a write meant for stdout
    would land in it. ``sys.stdin`` and ``sys.stdout`` stay None, so a run that needs
    them still reports them closed.
    """
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
