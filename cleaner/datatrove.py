"""A datatrove pipeline step that cleans each document's text (``pip install 'cleaner-chrome[datatrove]'``).

Example, a FineWeb-style pipeline (``examples/datatrove_pipeline.py`` is the full script)::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.datatrove import CleanText

    LocalPipelineExecutor([JsonlReader("pages/"), CleanText(), JsonlWriter("clean/")], tasks=4).run()

:class:`CleanText` cleans ``Document.text`` in place as ``cleaner --jsonl`` cleans a
record, and drops nothing: a document whose cleaning fails goes on unchanged and is
counted. It records what it removed in ``Document.metadata`` and in datatrove's
statistics (``logs/stats.json``), per rule code.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Unpack

from datatrove.pipeline.base import PipelineStep
from datatrove.utils.logging import logger
from datatrove.utils.typeshelper import StatHints

from cleaner import explain_any
from cleaner.options import OptionFields, Options, resolve

if TYPE_CHECKING:
    from collections.abc import Iterator

    from datatrove.data import Document, DocumentsPipeline

#: The metadata key holding a document's removals: ``{"C101": 2, "C910": 1}``, the
#: number of removals (line ranges) of each rule code; ``{}`` when nothing went.
METADATA_KEY = "cleaner_removals"
#: Statistics besides one per rule code (removals of that code): documents changed,
#: documents whose cleaning failed (kept unchanged), and lines removed.
CHANGED = "changed"
FAILED = "clean_error"
REMOVED_LINES = "removed_lines"


class CleanText(PipelineStep):  # type: ignore[misc]  # datatrove ships no type information
    """Clean each document's text in place; record removals per rule code; drop nothing.

    ``options`` (and keyword arguments changing single options, as for
    :func:`cleaner.explain`) say how; ``mode`` "auto" cleans a text that starts
    like an HTML document as HTML. ``metadata_key`` names the metadata entry with
    the removal counts.
    """

    name = "🧹 cleaner"
    type = "✂️ - FORMAT"

    def __init__(
        self, options: Options | None = None, *, metadata_key: str = METADATA_KEY, **changes: Unpack[OptionFields]
    ) -> None:
        super().__init__()
        self.options = resolve(options, changes)
        self.metadata_key = metadata_key
        self._warned = False

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> Iterator[Document]:
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                self.clean(doc)
            self.stat_update(StatHints.forwarded)
            yield doc

    def clean(self, doc: Document) -> None:
        """Clean one document in place and count what went."""
        try:
            result = explain_any(doc.text, self.options)
        # One rule bug must not end a pipeline, nor lose the document: it goes on as it came.
        except Exception as exc:
            self.stat_update(FAILED)
            if not self._warned:
                logger.warning(f"cleaner: document {doc.id!r} kept unchanged: {type(exc).__name__}: {exc} (shown once)")
                self._warned = True
            return
        counts = Counter(removal.code for removal in result.removals)
        for code, count in sorted(counts.items()):
            self.stat_update(code, value=count)
        if result.text != doc.text:
            self.stat_update(CHANGED)
        self.stat_update(REMOVED_LINES, value=sum(r.end - r.start + 1 for r in result.removals))
        doc.metadata[self.metadata_key] = dict(sorted(counts.items()))
        doc.text = result.text
