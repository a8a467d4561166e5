"""Where the cleaner goes wrong: the worst pages (``--worst``), removals per rule
(``--by-rule``) and the pages where HTML mode scores below trafilatura (``--html-losses``).

The first two read ``cleaner.explain(raw, keep_headline=False)``: its text is what the
``cleaner (text)`` row scores, and its removals say which rule took each line. The
third reads ``cleaner.explain_html(html, keep_headline=False)``, the ``cleaner (HTML)`` row.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from quality_data import GOLD_SHARE, Dataset, GoldNgrams, Page, ScrapinghubDev, TrafilaturaDev

import cleaner

#: Lines shown per list in a page's ``--worst`` entry.
MAX_LINES = 15
#: Characters shown per line.
MAX_CHARS = 100
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Explained:
    """A page, the cleaner's output for it and the removal that took each removed non-blank line."""

    page: Page
    output: str
    removed: dict[int, cleaner.Removal]

    @property
    def kept(self) -> list[int]:
        """Non-blank input lines no rule removed."""
        return [n for n, line in enumerate(self.page.lines, start=1) if line.strip() and n not in self.removed]


def explain(page: Page) -> Explained:
    result = cleaner.explain(page.raw, keep_headline=False)
    removed = {
        n: removal
        for removal in result.removals
        for n in range(removal.start, removal.end + 1)
        if page.lines[n - 1].strip()
    }
    return Explained(page, result.text, removed)


def rule_label(removal: cleaner.Removal) -> str:
    return f"{removal.code} {removal.name}"


def shorten(text: str, width: int = MAX_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def show_line(page: Page, number: int, indent: str) -> str:
    return f"{indent}L{number:<5} {shorten(page.lines[number - 1])}"


def capped(items: Sequence[str], indent: str) -> Iterator[str]:
    """The first MAX_LINES items, then how many more there were."""
    yield from items[:MAX_LINES]
    if len(items) > MAX_LINES:
        yield f"{indent}… and {len(items) - MAX_LINES} more"


# --------------------------------------------------------------------------
# --by-rule
# --------------------------------------------------------------------------


def by_rule(dataset: Dataset, explained: Sequence[Explained]) -> tuple[list[str], list[list[str]]]:
    """A table: per rule, its removals, non-blank lines, words, and lines of each gold label.

    The last two rows are the total removed and what was kept.
    """
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for item in explained:
        article, chrome = dataset.labelled_lines(item.page)
        for removal in set(item.removed.values()):
            counts[rule_label(removal)][0] += 1
        rows = [(rule_label(r), n) for n, r in item.removed.items()] + [("(kept)", n) for n in item.kept]
        for label, n in rows:
            row = counts[label]
            row[1] += 1
            row[2] += len(_WORD.findall(item.page.lines[n - 1]))
            row[3] += n in article
            row[4] += n in chrome
    kept = counts.pop("(kept)", [0] * 5)
    rules = sorted(counts.items())
    total = [sum(c[i] for _, c in rules) for i in range(5)]
    header = ["rule", "removals", "lines", "words", *(f"lines {name}" for name in dataset.label_names)]
    table = [[label, *(f"{v:,}" for v in c)] for label, c in [*rules, ("total removed", total)]]
    table.append(["(kept)", "-", *(f"{v:,}" for v in kept[1:])])
    return header, table


# --------------------------------------------------------------------------
# --worst
# --------------------------------------------------------------------------


def worst(dataset: Dataset, explained: Sequence[Explained], n: int) -> list[str]:
    """Text lines describing the ``n`` worst pages of the cleaner on ``dataset``."""
    if isinstance(dataset, ScrapinghubDev):
        return worst_shingle(dataset, explained, n)
    if isinstance(dataset, TrafilaturaDev):
        return worst_segment(dataset, explained, n)
    raise TypeError(f"no --worst report for {type(dataset).__name__}")


def worst_shingle(dataset: ScrapinghubDev, explained: Sequence[Explained], n: int) -> list[str]:
    """The pages with the lowest F1: lines wrongly kept, and lines wrongly removed by rule."""
    scored = sorted(((dataset.page_scores(e.page, e.output), e) for e in explained), key=lambda se: se[0][2])
    out = [f"{dataset.folder_name}: the {min(n, len(scored))} pages where cleaner (text) has the lowest F1"]
    for rank, ((p, r, f1), item) in enumerate(scored[:n], start=1):
        url = dataset.gold[item.page.id].get("url", "")
        out += ["", f"{rank}. {item.page.id}  P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  {url}"]
        article, chrome = dataset.labelled_lines(item.page)
        out += kept_lines_report(item, chrome, "mostly not in the gold")
        out += removed_lines_report(item, article, "mostly in the gold")
    return out


def kept_lines_report(item: Explained, wrong: set[int], why: str) -> list[str]:
    kept = item.kept
    bad = [n for n in kept if n in wrong]
    head = f"   wrongly kept: {len(bad)} of {len(kept)} kept lines are {why}"
    return [head, *capped([show_line(item.page, n, "     ") for n in bad], "     ")]


def removed_lines_report(item: Explained, wrong: set[int], why: str) -> list[str]:
    groups: dict[str, list[int]] = defaultdict(list)
    for number, removal in sorted(item.removed.items()):
        if number in wrong:
            groups[rule_label(removal)].append(number)
    total = sum(len(g) for g in groups.values())
    out = [f"   wrongly removed: {total} of {len(item.removed)} removed lines are {why}"]
    for label, numbers in sorted(groups.items(), key=lambda g: -len(g[1])):
        out.append(f"     {label}: {len(numbers)} line{'s' * (len(numbers) != 1)}")
        out += capped([show_line(item.page, n, "       ") for n in numbers], "       ")
    return out


def worst_segment(dataset: TrafilaturaDev, explained: Sequence[Explained], n: int) -> list[str]:
    """The pages with the most errors: "with" segments missed (and why), "without" segments kept."""
    rows = []
    for item in explained:
        with_segments, without_segments = dataset.segments(item.page)
        missed = [s for s in with_segments if not dataset.is_present(s, item.output)]
        kept = [s for s in without_segments if dataset.is_present(s, item.output)]
        if missed or kept:
            rows.append((item, with_segments, without_segments, missed, kept))
    rows.sort(key=lambda row: (-len(row[3]) - len(row[4]), row[0].page.id))
    out = [f"{dataset.folder_name}: {len(rows)} pages where cleaner (text) errs; the {min(n, len(rows))} worst"]
    for rank, (item, with_segments, without_segments, missed, kept) in enumerate(rows[:n], start=1):
        record = dataset.gold[item.page.id]
        found = len(with_segments) - len(missed)
        out += [
            "",
            f"{rank}. {item.page.id}  {record.get('lang', '?')}  with {found}/{len(with_segments)} found, "
            f"without {len(kept)}/{len(without_segments)} kept  {record.get('file', '')}",
        ]
        locate = dataset.locator(item.page)
        out += [f'   missed with "{shorten(s, 60)}": {why_missed(item, locate(s))}' for s in missed]
        out += [f'   kept without "{shorten(s, 60)}": {where_kept(item, locate(s))}' for s in kept]
    return out


def span_name(span: tuple[int, int]) -> str:
    return f"L{span[0]}" if span[0] == span[1] else f"L{span[0]}-{span[1]}"


def why_missed(item: Explained, spans: list[tuple[int, int]]) -> str:
    """Which rules removed the lines of each occurrence of a missed segment."""
    if not spans:
        return "not in the raw text"
    reasons = []
    for span in spans[:3]:
        rules = sorted({rule_label(item.removed[n]) for n in range(span[0], span[1] + 1) if n in item.removed})
        reasons.append(f"{span_name(span)} " + (", ".join(rules) if rules else "kept, but not found in the output"))
    more = f"; … {len(spans) - 3} more" if len(spans) > 3 else ""
    return "; ".join(reasons) + more


def where_kept(item: Explained, spans: list[tuple[int, int]]) -> str:
    """The first occurrence of a kept segment whose lines were all kept, with its first line."""
    for span in spans:
        if not any(n in item.removed for n in range(span[0], span[1] + 1)):
            return f"{span_name(span)} {shorten(item.page.lines[span[0] - 1], 80)}"
    return "found in the output only (lines joined)" if spans else "not in the raw text"


# --------------------------------------------------------------------------
# --html-losses
# --------------------------------------------------------------------------


def html_losses(
    dataset: Dataset, trafilatura: Sequence[str], html: Sequence[str], fold_of: Callable[[Page], int]
) -> list[str]:
    """The pages where cleaner (HTML) scores below trafilatura alone, and what it lost.

    For each page: both F1s, whether trafilatura's extraction or the whole-page fallback was
    cleaned, and each piece of article text trafilatura kept that cleaner (HTML) has not,
    with the rule that removed it (``cleaner.explain_html``) or "not in the extraction".
    Last, the count of each cause.
    """
    from cleaner.adapters.trafilatura_html import article_text

    pages = [
        (page, alone, cleaned)
        for page, alone, cleaned in zip(dataset.pages, trafilatura, html, strict=True)
        if dataset.page_f1(page, cleaned) < dataset.page_f1(page, alone)
    ]
    out = [f"{dataset.folder_name}: {len(pages)} pages where cleaner (HTML) scores below trafilatura"]
    causes: dict[str, int] = defaultdict(int)
    for rank, (page, alone, cleaned) in enumerate(pages, start=1):
        article = article_text(page.html, keep_headline=False)
        result = cleaner.explain_html(page.html, keep_headline=False)
        source = "trafilatura's extraction" if article.extracted else "the whole-page fallback"
        language = f"  {dataset.language(page)}" if dataset.language(page) else ""
        out += [
            "",
            f"{rank}. {page.id}  fold {fold_of(page)}{language}  F1 trafilatura "
            f"{dataset.page_f1(page, alone):.3f}, cleaner (HTML) {dataset.page_f1(page, cleaned):.3f}  "
            f"({source})  {page.url}",
        ]
        for what, cause in lost_article(dataset, page, alone, cleaned, article.text, result.removals):
            causes[cause] += 1
            out.append(f"   {what}: {cause}")
    if causes:
        out += ["", "causes: " + ", ".join(f"{cause} {n}" for cause, n in sorted(causes.items(), key=lambda c: -c[1]))]
    return out


def lost_article(
    dataset: Dataset, page: Page, alone: str, cleaned: str, extracted: str, removals: Sequence[cleaner.Removal]
) -> Iterator[tuple[str, str]]:
    """(what was lost, its cause) for the article text trafilatura kept and cleaner (HTML) did not."""
    if isinstance(dataset, TrafilaturaDev):
        with_segments, _ = dataset.segments(page)
        for segment in with_segments:
            if dataset.is_present(segment, alone) and not dataset.is_present(segment, cleaned):
                rules = sorted({rule_label(r) for r in removals if dataset.is_present(segment, r.text)})
                cause = ", ".join(rules) if dataset.is_present(segment, extracted) else "not in the extraction"
                yield f'with "{shorten(segment, 60)}"', cause or "removed across lines"
    elif isinstance(dataset, ScrapinghubDev):
        gold = GoldNgrams(dataset.metrics.tokens(dataset.article(page)))
        for removal in removals:
            tokens = dataset.metrics.tokens(removal.text)
            share = gold.share(tokens)
            if share is not None and share >= GOLD_SHARE and len(tokens) > 1:
                yield (
                    f"L{removal.start} {shorten(removal.text, 70)} ({len(tokens)} words in the gold)",
                    rule_label(removal),
                )
