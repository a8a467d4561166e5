"""Language detection accuracy: ``cleaner.language.detect`` on the trafilatura-dev pages.

Run from the project root::

    python3 benchmarks/language.py

Each page's raw text is detected and compared with the page's language label in
``segments.json`` (ISO 639-1) and with its HTML ``lang`` attribute, where it has
one; so is its clean text (``cleaner.clean``), which is what corpus mode's
``--language-field`` reports on. Prints one row per language and the time per page.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # measure this checkout, not whichever copy is installed
import cleaner  # noqa: E402
from cleaner import language  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "benchdata" / "trafilatura-dev"
_LANG_ATTRIBUTE = re.compile(rb"<html[^>]*?\slang\s*=\s*[\"']?([A-Za-z]{2})", re.IGNORECASE)
# The detector names jusText stoplists; the labels are ISO codes. Only the dev set's languages.
ISO = {
    "Arabic": "ar",
    "English": "en",
    "French": "fr",
    "German": "de",
    "Italian": "it",
    "Polish": "pl",
    "Portuguese": "pt",
    "Russian": "ru",
    "Simple_English": "en",
    "Spanish": "es",
}
COLUMNS = (
    "pages",
    "right on raw text",
    "right on clean text",
    "with <html lang>",
    "attribute = label",
    "detector = attribute",
)


def iso(name: str | None) -> str | None:
    """The ISO code of a detected stoplist name, or the name itself if unmapped (None stays None)."""
    return ISO.get(name, name) if name else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the trafilatura-dev folder")
    args = parser.parse_args()
    labels = json.loads((args.data / "segments.json").read_text(encoding="utf-8"))
    language.detect("warm up: the stoplists load on first use")
    rows: dict[str, list[int]] = defaultdict(lambda: [0] * len(COLUMNS))
    wrong: list[str] = []
    seconds = 0.0
    for page, gold in sorted(labels.items()):
        raw = (args.data / "raw" / f"{page}.txt").read_text(encoding="utf-8")
        start = time.perf_counter()
        found = language.detect(raw)
        seconds += time.perf_counter() - start
        code = iso(found)
        label = gold["lang"]
        with gzip.open(args.data / "html" / f"{page}.html.gz") as html:
            match = _LANG_ATTRIBUTE.search(html.read())
        attribute = match.group(1).decode().lower() if match else None
        row = rows[label]
        clean_code = iso(language.detect(cleaner.clean(raw)))
        row[0] += 1
        row[1] += code == label
        row[2] += clean_code == label
        if attribute:
            row[3] += 1
            row[4] += attribute == label
            row[5] += code == attribute
        if code != label:
            wrong.append(f"{page[:8]} {label} -> {found}")
    print("| language | " + " | ".join(COLUMNS) + " |")
    print("| --- |" + " ---: |" * len(COLUMNS))
    for label, row in sorted(rows.items(), key=lambda item: -item[1][0]):
        print(f"| {label} | " + " | ".join(map(str, row)) + " |")
    print("| all | " + " | ".join(str(sum(row[i] for row in rows.values())) for i in range(len(COLUMNS))) + " |")
    print(f"\n{seconds / len(labels) * 1000:.2f} ms a page; wrong: {', '.join(wrong) or 'none'}")


if __name__ == "__main__":
    main()
