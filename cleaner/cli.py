"""The ``cleaner`` command: a filter from scraped text to clean article text.

No cleaning logic lives here: this module reads input, calls the library,
and turns its results and errors into output streams and exit codes.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click
from click.core import ParameterSource

from cleaner import Mode, Options, __version__, explain_any, inputs, registry
from cleaner.errors import CleanerError, UnknownRuleError
from cleaner.result import Result

if TYPE_CHECKING:
    # Imported where used: plain-text runs do not pay for multiprocessing and gzip.
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

Exit status: 0 on success, 1 if any input could not be read, 2 on usage errors.
"""


def _split_codes(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(code.strip() for value in values for code in value.split(",") if code.strip())


def _check_codes(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
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
    config: Options | None, keep_headline: bool, select: tuple[str, ...], ignore: tuple[str, ...], mode: Mode | None
) -> Options:
    """The --config file's options (or the defaults), with those given on the command line in their place."""
    headline_given = click.get_current_context().get_parameter_source("keep_headline") is not ParameterSource.DEFAULT
    return (config or Options()).replace(
        keep_headline=keep_headline if headline_given else None, select=select or None, ignore=ignore or None, mode=mode
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
    "--html",
    "mode",
    flag_value="html",
    help="Treat input as HTML: trafilatura extracts the article, then the rules run.",
)
@click.option("--text", "mode", flag_value="text", help="Treat input as text even if it looks like HTML.")
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
    type=click.Path(dir_okay=False, path_type=Path),
    help="With --jsonl: write here instead of stdout (atomically; gzip if it ends in .gz).",
)
@click.option(
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write each FILE's clean text to DIR under the same name.",
)
@click.option(
    "-q", "--quiet", is_flag=True, help="No progress line and no summary on stderr (errors are still reported)."
)
@click.version_option(__version__, prog_name="cleaner")
def main(
    files: tuple[str, ...],
    show_removals: bool,
    output_format: str,
    keep_headline: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    list_rules: bool,
    show_rule: str | None,
    mode: Mode | None,
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
    if list_rules:
        click.echo(format_rule_list())
        return
    if show_rule:
        try:
            click.echo(format_rule(show_rule))
        except UnknownRuleError as exc:
            raise click.BadParameter(str(exc), param_hint="--show-rule") from None
        return
    cleaning = command_options(config, keep_headline, select, ignore, mode)
    if jsonl or output is not None or output_dir is not None:
        from cleaner import corpus

        settings = corpus.Settings(field, html_field, removals_field, language_field, cleaning)
        options = corpus.RunOptions(jobs or corpus.default_jobs(), on_error, quiet)
        try:
            corpus.check_mode(jsonl, output, output_dir, plain_text_only=show_removals or output_format != "text")
            if output_dir is not None:
                targets = corpus.batch_targets(files, output_dir)
                corpus.make_output_dir(output_dir)
                summary = corpus.run_batch(read_inputs(files), targets, settings, options, stderr=sys.stderr)
            else:
                summary = corpus.run_jsonl(
                    files or ("-",),
                    output,
                    settings,
                    options,
                    stdin=sys.stdin.buffer,
                    stdout=sys.stdout.buffer,
                    stderr=sys.stderr,
                )
        except corpus.CorpusUsageError as exc:
            raise click.UsageError(str(exc)) from None
        except CleanerError as exc:
            click.echo(f"cleaner: {exc}", err=True)
            sys.exit(1)
        if not quiet:
            click.echo(summary.format("files" if output_dir else "records"), err=True)
        sys.exit(0 if summary.ok else 1)
    failed = False
    for name, text in read_inputs(files or ("-",)):
        if text is None:
            failed = True
            continue
        try:
            result = explain_any(text, cleaning)
        except CleanerError as exc:
            click.echo(f"cleaner: {name}: {exc}", err=True)
            failed = True
            continue
        write_result(name, result, output_format, sys.stdout)
        if show_removals:
            click.echo(format_removals(name, result), err=True, nl=False)
    if failed:
        sys.exit(1)


def read_inputs(names: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    """(name, text) per input; text is None after a one-line error on stderr.

    A missing or unreadable file, a directory, binary data or text that is not
    UTF-8 fails that input alone: the next one is still read.
    """
    for name in names:
        label = "<stdin>" if name == "-" else name
        try:
            data = inputs.read_all(sys.stdin.buffer) if name == "-" else Path(name).read_bytes()
            text: str | None = inputs.decode(data, label)
        except CleanerError as exc:
            click.echo(f"cleaner: {exc}", err=True)
            text = None
        except OSError as exc:
            click.echo(f"cleaner: {label}: {exc.strerror or exc}", err=True)
            text = None
        yield label, text


def write_result(name: str, result: Result, output_format: str, out: TextIO) -> None:
    if output_format == "json":
        record: dict[str, Any] = {"file": name, **result.to_dict()}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        out.write(result.text)
    out.flush()


def format_removals(name: str, result: Result) -> str:
    """The --explain table: one row per removal, first line of its text."""
    if not result.removals:
        return f"{name}: nothing removed\n"
    rows = [f"{name}: {len(result.removals)} removals"]
    for r in result.removals:
        span = f"{r.start}" if r.start == r.end else f"{r.start}-{r.end}"
        first = next((t.strip() for t in r.text.split("\n") if t.strip()), "")
        more = r.text.count("\n") and " …"
        rows.append(f"  {r.code}  {r.name:<16} {span:>9}  {first[:80]}{more or ''}")
    return "\n".join(rows) + "\n"


def format_rule_list() -> str:
    return "\n".join(f"{r.code}  {r.name:<16} {r.summary()}" for r in registry.ALL_RULES)


def format_rule(key: str) -> str:
    rule = registry.get(key)
    return f"{rule.code} {rule.name}\n\n{rule.summary()}\n\n{rule.doc_body()}"


def run() -> None:
    """The console script: :func:`main` with the exit statuses of a Unix filter.

    Ctrl-C (SIGINT) exits with status 130 and no traceback. A reader that closes
    stdout early (``cleaner big.txt | head -1``) ends the run quietly with status
    1: click handles the broken pipe inside ``main``, and the final flush here.
    """
    try:
        status = main.main(standalone_mode=False)
        sys.stdout.flush()
    except click.Abort as exc:
        sys.exit(130 if isinstance(exc.__cause__, KeyboardInterrupt) else 1)
    except KeyboardInterrupt:
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(1)
    sys.exit(status if isinstance(status, int) else 0)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
