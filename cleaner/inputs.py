"""Input bytes to text: what the cleaner accepts, and what it refuses with a hint.

:func:`decode` is the one place bytes become text, so every way of reading
input (the command, corpus files, callers of the library) behaves the same:

* UTF-8 is the input encoding. A UTF-8 byte-order mark is dropped; UTF-16 and
  UTF-32 are read when a byte-order mark says so.
* Anything else is refused, never guessed. Windows-1252 and Latin-1 text is
  not valid UTF-8, but a guess (charset-normalizer, chardet) can be wrong on a
  short page and would then turn the article into mojibake with exit status 0;
  the error names the first bad byte and gives the ``iconv`` command that
  converts the file, so the fix is one step and the user chooses the encoding.
* Binary data is refused: a known file signature (PNG, JPEG, PDF, gzip, ...)
  or control bytes in more than 1% of the first 8 KiB (and more than 8). That also catches
  UTF-16 without a byte-order mark (every other byte is NUL), with its own hint.
* Sparse NUL bytes in text (a few, from a broken scrape) are dropped: U+0000 is
  never article text, and C-string tools and PostgreSQL reject it downstream.
* Line endings become ``"\\n"``: CRLF (Windows) and lone CR (classic Mac OS,
  some scrapers) alike. The library splits lines on ``"\\n"`` only, so a file
  with lone CRs would otherwise be a single line, cleaned or removed whole.

Errors are :class:`~cleaner.errors.DecodeError`, one line naming the input.
:func:`looks_like_html` then tells an HTML page from text by how it starts.
"""

from __future__ import annotations

import codecs
import re
from typing import IO

from cleaner.errors import DecodeError

# Byte-order marks, longest first: UTF-32-LE's starts with UTF-16-LE's.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Magic numbers of files that end up in text pipelines by mistake.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"(\xb5/\xfd", "zstd-compressed data"),
    (b"\x7fELF", "an executable"),
)
# How much of the input the binary check reads: git's heuristic reads 8000 bytes.
SNIFF_BYTES = 8192
# More control bytes than this share of the sniffed bytes means binary. Text has
# none; this tolerates the odd stray NUL of a broken scrape, where `file` and git
# call a single NUL binary.
MAX_CONTROL_SHARE = 0.01
# ... and more than this many, so that one NUL in a ten-byte file is still text.
MAX_CONTROL_BYTES_ANYWHERE = 8
# C0 controls that never occur in text: all but tab, LF, VT, FF, CR and ESC.
_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}
# Of the NULs in UTF-16 without a byte-order mark, this share sits on one parity.
MIN_UTF16_NUL_PARITY = 0.9
_ICONV_1252 = "iconv -f windows-1252 -t utf-8"
# CESU-8 and Java's modified UTF-8 write a character beyond U+FFFF as two surrogates of
# three bytes each ("\xed\xa0\xbd\xed\xb8\x80" for U+1F600), which UTF-8 forbids.
ENCODED_SURROGATE = re.compile(rb"\xed[\xa0-\xbf][\x80-\xbf]")
# A character spelt in more bytes than it needs: "\xc0\x80" is modified UTF-8's NUL.
OVERLONG = re.compile(rb"[\xc0\xc1][\x80-\xbf]|\xe0[\x80-\x9f][\x80-\xbf]|\xf0[\x80-\x8f][\x80-\xbf]{2}")
_STANDARD_UTF8 = "have it written as standard UTF-8 (Java: getBytes(StandardCharsets.UTF_8), not writeUTF)"
# Read size for streams: a pipe's default capacity on Linux.
READ_CHUNK_BYTES = 1 << 16
# "<!DOCTYPE html>", "<html lang=…>", after optional BOM, blank space and an XML prolog.
HTML_START = re.compile(r"\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)
# How much of the text the HTML test reads: a doctype or <html> comes first.
HTML_SNIFF_CHARS = 4096
# The most bytes a character takes (UTF-8 and UTF-32): the HTML test decodes this many per character.
MAX_BYTES_PER_CHAR = 4
# How errors name an input given as bytes rather than read from a file.
BYTES_NAME = "<bytes>"
# UTF-8 checked this many bytes at a time when the text stays in UTF-8 (`utf8_text`).
CHECK_CHUNK_BYTES = 1 << 20
# A UTF-8 character is a lead byte and at most three continuation bytes.
UTF8_MAX_CONTINUATION_BYTES = 3
# <meta charset="iso-8859-1">, <meta http-equiv="Content-Type" content="text/html; charset=koi8-r">
META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.I)
# The HTML standard's prescan for a declared encoding reads the first 1,024 bytes.
HTML_PRESCAN_BYTES = 1024
# Labels the HTML standard reads as Windows-1252, as browsers do: pages that say
# Latin-1 are written with Windows-1252's quotes and dashes.
WINDOWS_1252_LABELS = frozenset({"latin-1", "iso8859-1", "ascii", "cp1252"})


def decode(data: bytes, name: str) -> str:
    """The text in ``data``, with ``"\\n"`` line endings; ``name`` is used in errors.

    Raises :class:`DecodeError` for binary data and for text that is neither
    UTF-8 nor UTF-16/32 with a byte-order mark (see the module docstring).
    """
    bom, encoding = _bom(data)
    if not bom:
        _refuse_binary(data, name)
    try:
        text = data[len(bom) :].decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(name, _undecodable(data, bom, encoding, len(bom) + exc.start)) from None
    return normalise(text)


def utf8_text(data: bytes, name: str) -> bytes | None:
    """The text in ``data`` as :func:`decode` reads it, left in UTF-8: no byte-order mark,
    NULs dropped, ``"\\n"`` line endings. A large file is then cleaned without a ``str`` of
    it, which takes up to four bytes a character. None for UTF-16 and UTF-32 (by their
    byte-order marks), which :func:`decode` reads; errors are :func:`decode`'s.
    """
    bom, encoding = _bom(data)
    if encoding != "utf-8":
        return None
    if not bom:
        _refuse_binary(data, name)
    bad = first_bad_utf8(data, len(bom))
    if bad is not None:
        raise DecodeError(name, _undecodable(data, bom, encoding, bad))
    return normalise_utf8(data[len(bom) :] if bom else data)


def first_bad_utf8(data: bytes, start: int = 0) -> int | None:
    """The offset of the first byte of ``data[start:]`` that is not UTF-8, as
    ``bytes.decode`` reports it, checked a slice at a time (each slice a short ``str``)."""
    view = memoryview(data)
    pos = start
    while pos < len(data):
        end = min(pos + CHECK_CHUNK_BYTES, len(data))
        # Never cut a character: a slice takes in the continuation bytes after its end.
        for _ in range(UTF8_MAX_CONTINUATION_BYTES):
            if end < len(data) and 0x80 <= data[end] < 0xC0:
                end += 1
        try:
            str(view[pos:end], "utf-8")
        except UnicodeDecodeError as exc:
            return pos + exc.start
        pos = end
    return None


def _bom(data: bytes) -> tuple[bytes, str]:
    """The byte-order mark ``data`` starts with and its encoding; none means UTF-8."""
    return next(((bom, encoding) for bom, encoding in _BOMS if data.startswith(bom)), (b"", "utf-8"))


def decode_input(data: bytes, name: str, mode: str | None = None) -> str | bytes:
    """:func:`decode`, except that a page read as HTML (``mode`` "html", or bytes that start
    like an HTML document when ``mode`` is None) may be in the charset it declares, and that
    UTF-8 text stays UTF-8 (:func:`utf8_text`): bytes, which the cleaner reads as text."""
    if mode == "html" or (mode is None and looks_like_html(data)):
        return decode_html(data, name)
    text = utf8_text(data, name)
    return decode(data, name) if text is None else text


def decode_html(data: bytes, name: str) -> str:
    """The text of an HTML page's bytes: as :func:`decode` reads them (UTF-8, or UTF-16/32
    by a byte-order mark) when it can, else in the charset the page declares, strictly.

    Never a guess: valid UTF-8 is UTF-8 whatever the page declares (a wrong
    declaration is common, a UTF-8 accident is not), and bytes that are neither
    UTF-8 nor the declared charset are refused with :class:`DecodeError` rather
    than read as mojibake.
    """
    try:
        return decode(data, name)
    except DecodeError as not_utf8:
        declared = declared_charset(data)
        if declared is None or declared == "utf-8":
            raise DecodeError(name, f"{not_utf8.problem} (the page declares {declared or 'no charset'})") from None
        for encoding in ("cp1252", "latin-1") if declared in WINDOWS_1252_LABELS else (declared,):
            try:
                return normalise(data.decode(encoding))
            except UnicodeDecodeError as exc:
                bad = exc.start + 1
        raise DecodeError(name, f"neither UTF-8 nor {declared}, the charset the page declares (byte {bad})") from None


def declared_charset(data: bytes) -> str | None:
    """The Python codec named by the page's ``<meta>`` charset, if it names one Python knows."""
    found = META_CHARSET.search(data[:HTML_PRESCAN_BYTES])
    if found is None:
        return None
    try:
        return codecs.lookup(found.group(1).decode("ascii")).name
    except LookupError:
        return None


def normalise(text: str) -> str:
    """``text`` with NULs dropped and CRLF and lone CR turned into LF."""
    return text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")


def normalise_utf8(data: bytes) -> bytes:
    """:func:`normalise` on UTF-8 bytes (U+0000 and CR are one byte each in UTF-8), copying
    only when there is something to change."""
    if b"\x00" in data:
        data = data.replace(b"\x00", b"")
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return data


def _refuse_binary(data: bytes, name: str) -> None:
    kind = next((kind for magic, kind in _SIGNATURES if data.startswith(magic)), None)
    if kind is not None:
        raise DecodeError(name, f"binary data ({kind}), not text")
    sample = data[:SNIFF_BYTES]
    controls = sum(byte in _CONTROL_BYTES for byte in sample)
    if controls > max(MAX_CONTROL_SHARE * len(sample), MAX_CONTROL_BYTES_ANYWHERE):
        hint = "; UTF-16 without a byte-order mark? iconv -f utf-16le -t utf-8" if _looks_like_utf16(sample) else ""
        raise DecodeError(name, f"binary data ({controls} control bytes in the first {len(sample)}), not text{hint}")


def _looks_like_utf16(sample: bytes) -> bool:
    """NULs, mostly on even or mostly on odd offsets: ASCII text in UTF-16."""
    nuls = [offset % 2 for offset, byte in enumerate(sample) if byte == 0]
    if len(nuls) < len(sample) // 4:
        return False
    odd = sum(nuls)
    return max(odd, len(nuls) - odd) >= MIN_UTF16_NUL_PARITY * len(nuls)


def _undecodable(data: bytes, bom: bytes, encoding: str, bad: int) -> str:
    label = encoding.upper().removesuffix("-LE").removesuffix("-BE")
    if bom:
        return f"not valid {label} (byte {bad + 1}) despite its byte-order mark"
    return utf8_problem(data, bad)


def utf8_problem(data: bytes, bad: int) -> str:
    """Why ``data`` is not UTF-8, from its first bad byte (offset ``bad``), with a hint.

    Bytes are counted from 1, in files and in corpus lines alike: byte 1 is the first.
    """
    return f"not valid UTF-8 (byte {bad + 1}); {_utf8_hint(data, bad)}"


def _utf8_hint(data: bytes, bad: int) -> str:
    """What the bytes probably are, and the command that fixes them."""
    if ENCODED_SURROGATE.match(data, bad):
        return f"CESU-8 or Java's modified UTF-8 (surrogates encoded one by one), not UTF-8: {_STANDARD_UTF8}"
    if OVERLONG.match(data, bad):
        return f"an overlong form (a character in more bytes than UTF-8 allows): {_STANDARD_UTF8}"
    if not data[:bad].isascii():
        return "the bytes before it are UTF-8, so the file is damaged: iconv -c -f utf-8 -t utf-8 drops bad bytes"
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return "convert it to UTF-8 first (iconv -f ENCODING -t utf-8)"
    return f"if it is Windows-1252 or Latin-1, convert it first: {_ICONV_1252}"


def read_all(stream: IO[bytes]) -> bytes:
    """Everything ``stream`` holds, read in chunks so that Ctrl-C is noticed between them.

    ``stream.read()`` loops in C and checks for signals only when a read is
    interrupted: a SIGINT that lands while data is being copied stays pending,
    the next read waits on the pipe, and the process ignores Ctrl-C.
    """
    # read1 makes at most one system call; typing's BinaryIO does not declare it.
    read_some = getattr(stream, "read1", stream.read)
    chunks = []
    while chunk := read_some(READ_CHUNK_BYTES):
        chunks.append(chunk)
    return b"".join(chunks)


def looks_like_html(text: str | bytes) -> bool:
    """True if the input starts like an HTML document (doctype or ``<html``). Bytes are read
    as :func:`decode` reads them (:func:`sniffed_text`), so that bytes and their text agree."""
    start = text[:HTML_SNIFF_CHARS] if isinstance(text, str) else sniffed_text(text)
    return HTML_START.match(start) is not None


def sniffed_text(data: bytes) -> str:
    """The first HTML_SNIFF_CHARS characters of ``data``: decoded by its byte-order mark, else as
    UTF-8 (a character cut at the end left out), else, for bytes that are not UTF-8 (a page in
    the charset it declares), as Latin-1, which every byte is; NULs and CRs as :func:`decode`."""
    bom, encoding = _bom(data)
    head = data[len(bom) : len(bom) + MAX_BYTES_PER_CHAR * HTML_SNIFF_CHARS]
    try:
        text = codecs.getincrementaldecoder(encoding)().decode(head, final=False)
    except UnicodeDecodeError:
        text = head.decode("latin-1")
    return normalise(text)[:HTML_SNIFF_CHARS]
