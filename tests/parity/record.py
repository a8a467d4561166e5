"""Record what the Python cleaner outputs today, for the Rust port's parity test.

    python3 tests/parity/record.py [--out PATH]

writes ``tests/parity/cases.jsonl.gz``: one JSON object per line (keys sorted),
each an input to ``cleaner.explain`` with its options and the Result it gave.
``tests/test_parity.py`` replays them; see ``tests/parity/README.md``. The file is
deterministic: recording twice at one commit gives the same bytes.

Kinds of case, in file order (a case's kind is the first part of its id):

* ``fixture``: every golden page under ``fixtures/``, cleaned as the golden plugin cleans it;
* ``seed``: ``seeds/*.txt``, with and without the headline;
* ``text``: every development page's raw text (by path, not copied), with and without the headline;
* ``html``: every development page's HTML through the trafilatura adapter, recorded as the
  ``explain`` call that ``cleaner.explain_html`` makes on the extracted text;
* ``example``: every rule's docstring examples, that rule alone;
* ``generated``: random texts from a fixed seed, built to stress regex and Unicode corners.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import random
import sys
import tomllib
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import cleaner
from cleaner import registry
from cleaner.adapters import trafilatura_html
from cleaner.pytest_plugin import EXPECTED_SUFFIX, folder_options

REPO = Path(__file__).resolve().parents[2]
WORK = REPO.parent  # "source" paths are relative to this folder
OUT = REPO / "tests" / "parity" / "cases.jsonl.gz"
FIXTURES = REPO / "fixtures"
FIXTURE_FOLDERS = ("rules", "pipeline", "pipeline-body-only")
CONTEXT = "= "  # the docstring examples' mark for context lines (tests/test_rule_examples.py)
HTML_CHECKS_PER_DATASET = 5  # pages per dataset also run through cleaner.explain_html directly
GENERATED_CASES = 3000
SEED = 13

# The benchmark's loader finds, reads and decodes the development pages; reuse it rather than copy it.
sys.path.insert(0, str(REPO / "benchmarks"))
from quality_data import DATASETS, DEFAULT_DATA, Dataset, Page  # noqa: E402

Case = dict[str, Any]


def record(
    case_id: str,
    text: str,
    *,
    source: Path | None = None,
    keep_headline: bool,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    headline: str | None = None,
) -> Case:
    """One case: the options, the input (inline, or its path when ``source`` is given) and today's Result."""
    select, ignore = list(select), list(ignore)
    result = cleaner.explain(text, keep_headline=keep_headline, select=select, ignore=ignore, headline=headline)
    return {
        "id": case_id,
        "input": None if source else text,
        "source": source.relative_to(WORK).as_posix() if source else None,
        "keep_headline": keep_headline,
        "select": select,
        "ignore": ignore,
        "headline": headline,
        "expected": expected(result),
    }


def expected(result: cleaner.Result) -> dict[str, Any]:
    return {"text": result.text, "removals": [[r.code, r.name, r.start, r.end, r.text] for r in result.removals]}


def body_modes(case_id: str) -> Iterator[tuple[str, bool]]:
    yield f"{case_id}/keep_headline", True
    yield f"{case_id}/body_only", False


# -- a. golden fixtures ----------------------------------------------------------


def fixture_cases() -> Iterator[Case]:
    """Each golden page with its folder's cleaner.toml, as cleaner.pytest_plugin.clean_page runs it."""
    for folder in FIXTURE_FOLDERS:
        pages = sorted(p for p in (FIXTURES / folder).rglob("*.txt") if not p.name.endswith(EXPECTED_SUFFIX))
        for page in pages:
            settings = folder_options(page.parent, FIXTURES)
            if folder == "rules" and settings.select != (page.parent.name,):
                raise SystemExit(f"{page}: its cleaner.toml does not select {page.parent.name} alone")
            case_id = "fixture/" + page.relative_to(FIXTURES).with_suffix("").as_posix()
            case = record(
                case_id,
                page.read_bytes().decode("utf-8"),
                keep_headline=settings.keep_headline,
                select=settings.select,
                ignore=settings.ignore,
            )
            golden = page.with_name(page.stem + EXPECTED_SUFFIX)
            if golden.is_file() and golden.read_bytes().decode("utf-8") != case["expected"]["text"]:
                print(f"warning: {case_id}: output differs from its golden {golden.name}", file=sys.stderr)
            yield case


# -- b. seeds --------------------------------------------------------------------


def seed_cases() -> Iterator[Case]:
    for path in sorted((REPO / "seeds").glob("*.txt")):
        text = path.read_bytes().decode("utf-8")
        for case_id, keep_headline in body_modes(f"seed/{path.stem}"):
            yield record(case_id, text, keep_headline=keep_headline)


# -- c. and d. development pages -------------------------------------------------


def load_datasets() -> list[Dataset]:
    return [DATASETS[key](DEFAULT_DATA) for key in sorted(DATASETS)]


def raw_path(dataset: Dataset, page: Page) -> Path:
    return dataset.folder / "raw" / f"{page.id}.txt"


def read_source(path: Path) -> str:
    """A raw page as benchmarks/quality_data.py reads it (and tests/test_parity.py does):
    UTF-8 in text mode, so "\\r\\n" and "\\r" become "\\n"."""
    return path.read_text(encoding="utf-8")


def text_cases(datasets: list[Dataset]) -> Iterator[Case]:
    for dataset in datasets:
        for page in dataset.pages:
            path = raw_path(dataset, page)
            if read_source(path) != page.raw:
                raise SystemExit(f"{path}: read differently from benchmarks/quality_data.py")
            for case_id, keep_headline in body_modes(f"text/{dataset.folder_name}/{page.id}"):
                yield record(case_id, page.raw, source=path, keep_headline=keep_headline)


def html_cases(datasets: list[Dataset]) -> Iterator[Case]:
    """The quality benchmark's HTML row, ``cleaner.clean_html(page.html, keep_headline=False)``,
    as the explain() call explain_html makes after the adapter has extracted the article."""
    for dataset in datasets:
        step = max(1, len(dataset.pages) // HTML_CHECKS_PER_DATASET)
        for number, page in enumerate(dataset.pages):
            article = trafilatura_html.article_text(page.html, keep_headline=False)
            case = record(
                f"html/{dataset.folder_name}/{page.id}",
                article.text,
                keep_headline=False,
                ignore=[registry.POSITION_RULE] if article.extracted else [],
                headline=article.title,
            )
            if number % step == 0:
                check_explain_html(page, case)
            yield case


def check_explain_html(page: Page, case: Case) -> None:
    """The recorded call gives what cleaner.explain_html gives on the page itself."""
    if expected(cleaner.explain_html(page.html, keep_headline=False)) != case["expected"]:
        raise SystemExit(f"{case['id']}: cleaner.explain_html gives another result than the recorded call")


# -- e. rule docstring examples --------------------------------------------------


def example_texts() -> Iterator[tuple[str, str, str]]:
    """(rule code, case id, text without the context marks) of every docstring example."""
    for rule in registry.ALL_RULES:
        for i, (section, example) in enumerate(rule.examples()):
            text = "\n".join(line.removeprefix(CONTEXT) for line in example.split("\n"))
            yield rule.code, f"example/{rule.code}/{section}/{i}", text


def example_cases() -> Iterator[Case]:
    for code, case_id, text in example_texts():
        yield record(case_id, text, keep_headline=False, select=[code])


# -- f. generated texts ----------------------------------------------------------

ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIGITS = "0123456789"
PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
# Python's \s and str.split() take \x1c-\x1f; Unicode White_Space (Rust's \s) does not, and
# \x0b, \x0c, \r, \x85, \u2028 break lines for str.splitlines but not for split("\n").
WHITESPACE = [" ", "\t", "\x0b", "\x0c", "\r", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\xa0", "\u2028", "\u3000"]
WHITESPACE_EXTRA = ["\u2029", "\u2009", "\u202f", "\u200b", "\ufeff"]
COMBINING = ["\u0301", "\u0308", "\u093e", "\u094d"]
DEVANAGARI = "कखगनमरसहािीुे"
OTHER_NUMBERS = ["²", "½", "①", "٣", "५", "１", "Ⅻ"]  # No and Nl; and Nd digits outside ASCII
CASE_TRAPS = ["İ", "ı", "ſ", "\u212a", "ß", "ẞ", "Σ", "σ", "ς", "ﬁ", "ǅ", "\u212b"]
CJK = "的一是不了人我在有他这为之大来以个中上们新闻评论分享"
KANA = "あいうえおかきくけこをんアイウエオカタナー"
HANGUL = "한국어뉴스기사댓글공유하기"
ARABIC = "العربيةخبرمقال"
CYRILLIC = "РусскийТекстёЁжЖщЩ"
EMOJI = ["😀", "🎉", "👍🏽", "👨\u200d👩\u200d👧", "🇩🇪", "❤️", "📱"]
SYMBOLS = ["…", "»", "«", "©", "ⓒ", "|", "•", "·", "→", "›", "–", "—", "“", "”", "„", "’", "：", "（", "）", "®", "™"]
POOLS: list[list[str]] = [
    list(ASCII),
    list(DIGITS),
    list(PUNCTUATION),
    WHITESPACE + WHITESPACE_EXTRA,
    [c + m for c in "aeouAE" + DEVANAGARI for m in COMBINING],
    OTHER_NUMBERS,
    CASE_TRAPS,
    list(CJK),
    list(KANA),
    list(HANGUL),
    list(ARABIC),
    list(CYRILLIC),
    EMOJI,
    SYMBOLS,
]
SPECIALS = [c for pool in POOLS[3:] for c in pool]
BULLETS = ["", "", "• ", "* ", "» ", "- ", "| ", "> ", "› ", "1. ", "— ", "·", "→ ", "[", "(", "\t"]
TAILS = ["", "", ":", " »", " →", " (12)", " 12", "…", "!", " |", " ›", "（3）", ".", " ..."]
COUNTERS = ["", "", "12 ", "(3) ", "1 ", "1.234 ", "٣ "]
DATE_PARTS = ["12.", "3", "2024", "1999", "14:05", "Uhr", "|", ",", "-", "/", "am", "on", "07.03.2021"]
LONG_LINE_CHARS = (1000, 3000)
LONG_LINE_SHARE = 0.015  # of generated lines; they weigh most in the file


def random_case(rng: random.Random, text: str) -> str:
    style = rng.randrange(5)
    if style == 0:
        return text.upper()
    if style == 1:
        return text.lower()
    if style == 2:
        return text.title()
    if style == 3:
        return "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in text)
    return text


class Material:
    """What generated texts are made of, read once in a fixed order."""

    def __init__(self, datasets: list[Dataset]) -> None:
        seeds = [p.read_bytes().decode("utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
        self.pages = [text.split("\n") for text in seeds + [page.raw for d in datasets for page in d.pages]]
        self.lines = [line for page in self.pages for line in page if line.strip()]
        self.prose = [line for line in self.lines if len(line) >= 120 and line.count(" ") >= 15]
        self.words = sorted({w for line in self.prose[:20000] for w in line.split() if len(w) < 25})
        self.examples = [line for _, _, text in example_texts() for line in text.split("\n") if line.strip()]
        self.lexicon = lexicon_entries()


def lexicon_entries() -> list[tuple[str, str]]:
    """(kind, phrase) for every phrase of every lexicon, in file and table order."""
    folder = REPO / "cleaner" / "lexicons"
    entries: list[tuple[str, str]] = []
    for path in sorted(folder.glob("*.toml")):
        for table in tomllib.loads(path.read_text(encoding="utf-8")).values():
            for kind, phrases in table.items():
                entries.extend((kind, phrase) for phrase in phrases)
    return entries


class Generator:
    def __init__(self, material: Material, rng: random.Random) -> None:
        self.m = material
        self.rng = rng

    def document(self) -> str:
        """1 to 60 lines: a window of a real page with lines swapped in, or lines of every kind mixed."""
        rng = self.rng
        count = rng.randint(1, 60)
        if rng.random() < 0.3:
            page = rng.choice(self.m.pages)
            start = rng.randrange(len(page))
            lines = page[start : start + count]
            for _ in range(rng.randint(0, 4)):
                lines.insert(rng.randint(0, len(lines)), self.line())
        else:
            lines = [self.line() for _ in range(count)]
        newline = "\r\n" if rng.random() < 0.05 else "\n"
        end = rng.choice(["\n", "\n", "\n", "", "", "\n\n\n", "\r\n", " "])
        return newline.join(lines) + end

    def line(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < LONG_LINE_SHARE:
            return self.long_line()
        if roll < 0.12:
            return rng.choice(["", "", " ", "\t", "\xa0", "\u3000"])
        if roll < 0.35:
            line = rng.choice(self.m.lines)
        elif roll < 0.47:
            line = self.prose()
        elif roll < 0.60:
            line = rng.choice(self.m.examples)
        elif roll < 0.80:
            line = self.chrome()
        else:
            return self.random_chars(rng.randint(1, 80))
        return self.mutate(line) if rng.random() < 0.2 else line

    def long_line(self) -> str:
        size = self.rng.randint(*LONG_LINE_CHARS)
        if self.rng.random() < 0.3:
            return self.random_chars(size)
        text = ""
        while len(text) < size:
            text += self.prose() + " "
        return text[:size] if self.rng.random() < 0.5 else text.rstrip()

    def prose(self) -> str:
        """A real long line, or sentences of words from real prose."""
        rng = self.rng
        if rng.random() < 0.5:
            return rng.choice(self.m.prose)
        sentences = []
        for _ in range(rng.randint(1, 6)):
            words = [rng.choice(self.m.words) for _ in range(rng.randint(6, 30))]
            words[0] = words[0][:1].upper() + words[0][1:]
            sentences.append(" ".join(words) + rng.choice([".", ".", ".", "?", "!", ":", ""]))
        return " ".join(sentences)

    def chrome(self) -> str:
        """A lexicon phrase dressed as a page shows it: case, bullets, counters, a headline after a colon."""
        rng = self.rng
        kind, phrase = rng.choice(self.m.lexicon)
        phrase = random_case(rng, phrase)
        if kind == "prefixes":
            separator = rng.choice([": ", " – ", " | ", " » ", "：", " “", ":"])
            return rng.choice(BULLETS) + phrase + separator + self.headline()
        if kind == "within":
            mark = rng.choice(["©", "(c)", "Copyright", "ⓒ", ""])
            years = rng.choice(["2024", "2019-2024", ""])
            owner = rng.choice(["Example Media.", "Die Zeit", "", "株式会社"])
            return " ".join([mark, years, owner, phrase + rng.choice(TAILS)])
        if kind in ("signals", "labels"):
            parts = [phrase, *rng.sample(DATE_PARTS, rng.randint(1, 4))]
            rng.shuffle(parts)
            return " ".join(parts)
        return rng.choice(BULLETS) + rng.choice(COUNTERS) + phrase + rng.choice(TAILS)

    def headline(self) -> str:
        words = [self.rng.choice(self.m.words) for _ in range(self.rng.randint(1, 14))]
        return " ".join(words) + self.rng.choice(["", "", "”", "?", " »"])

    def random_chars(self, size: int) -> str:
        """Characters from one to three pools, spaced like words now and then."""
        rng = self.rng
        pools = rng.sample(POOLS, rng.randint(1, 3))
        chars = []
        for _ in range(size):
            chars.append(" " if rng.random() < 0.15 else rng.choice(rng.choice(pools)))
        return "".join(chars)

    def mutate(self, line: str) -> str:
        """A real or chrome line with whitespace variants, combining marks or odd characters put in."""
        rng = self.rng
        chars = list(line)
        for _ in range(rng.randint(1, 4)):
            at = rng.randint(0, len(chars))
            how = rng.randrange(4)
            if how == 0 and " " in chars:
                spaces = [i for i, c in enumerate(chars) if c == " "]
                chars[rng.choice(spaces)] = rng.choice(WHITESPACE + WHITESPACE_EXTRA)
            elif how == 1:
                chars.insert(at, rng.choice(COMBINING))
            elif how == 2:
                chars.insert(at, rng.choice(SPECIALS))
            else:
                chars.insert(at, rng.choice(CASE_TRAPS + OTHER_NUMBERS))
        return "".join(chars)


def generated_cases(datasets: list[Dataset]) -> Iterator[Case]:
    rng = random.Random(SEED)
    generator = Generator(Material(datasets), rng)
    codes = [rule.code for rule in registry.ALL_RULES]
    for number in range(GENERATED_CASES):
        text = generator.document()
        keep_headline = rng.random() < 0.5
        select = sorted(rng.sample(codes, rng.randint(1, 3))) if rng.random() < 0.1 else []
        headline = None
        if rng.random() < 0.05:  # a known headline, as the HTML path passes one
            lines = [line for line in text.split("\n") if line.strip()]
            headline = rng.choice(lines).strip() if lines else generator.headline()
        yield record(f"generated/{number:04d}", text, keep_headline=keep_headline, select=select, headline=headline)


# -- writing ---------------------------------------------------------------------


def all_cases() -> Iterator[Case]:
    datasets = load_datasets()
    yield from fixture_cases()
    yield from seed_cases()
    yield from text_cases(datasets)
    yield from html_cases(datasets)
    yield from example_cases()
    yield from generated_cases(datasets)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where to write (default: %(default)s)")
    out_path: Path = parser.parse_args().out
    counts: Counter[str] = Counter()
    ids: set[str] = set()
    buffer = io.BytesIO()
    # mtime=0 and no file name in the gzip header: the same cases give the same bytes.
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, filename="") as out:
        for case in all_cases():
            if case["id"] in ids:
                raise SystemExit(f"duplicate case id {case['id']}")
            ids.add(case["id"])
            counts[case["id"].split("/", 1)[0]] += 1
            line = json.dumps(case, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
            out.write(line.encode("utf-8") + b"\n")
    data = buffer.getvalue()
    out_path.write_bytes(data)
    for kind, count in counts.items():
        print(f"{kind:10} {count:6}")
    print(f"{'total':10} {sum(counts.values()):6}")
    print(f"wrote {out_path}: {len(data):,} bytes, sha256 {hashlib.sha256(data).hexdigest()}")


if __name__ == "__main__":
    main()
