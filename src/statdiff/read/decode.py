"""Bytes to text: file checks, size limits, encodings, binary and empty files.

`load_text(path, max_bytes)` is the only way statdiff reads an input file. It
refuses what is not bill or statute text with one clear line (a PDF, a Word
file, an image, an empty file, a file over the size limit) and returns text the
readers can trust: decoded from whatever encoding it was saved in, with `\\n`
line ends only and no invisible characters.

Encodings, in the order they are decided:
  1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
  2. UTF-16 without a BOM, recognised by its NUL in every other byte;
  3. for HTML, the `<meta charset>` it declares, when that is an encoding of
     the WHATWG Encoding Standard (the ones browsers decode), with the
     standard's own substitutions (Latin-1 and ASCII are Windows-1252, ...);
     any other label is ignored and the bytes decide, as in a browser: a name
     that is not a text encoding at all (`bz2`, `base64`, `quopri`, `rot13`,
     `hex`, `uu`, `zlib`, `undefined`), one browsers refuse (`UTF-7`, whose
     decoder can yield lone surrogates), Python-only codecs (`unicode_escape`,
     `punycode`, EBCDIC) and unknown names;
  4. UTF-8; bytes that are not valid UTF-8 are read as Windows-1252, the
     encoding Word and older ilga.gov pages use (curly quotes, §, en dashes).
     Latin-1 is never used: its C1 range is Windows-1252 punctuation in practice.

Whatever the bytes, the text handed on holds no lone surrogate (one becomes
U+FFFD), so no later stage can fail to encode it.

`read_bounded` is the one size-bounded way statdiff reads a file (inputs here,
notes in `notes.py`): the path is checked with `stat` first (a directory, a
device or a socket is refused), a regular file over the limit is refused from
its size, and no more than the limit is ever read, whatever size the file
reports (a pipe, a FIFO, a file that grows, a /proc file that says 0).
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from typing import TYPE_CHECKING, BinaryIO, cast

from statdiff.errors import MAX_DISPLAY, StatdiffError, display_name, os_reason
from statdiff.law.compiling import when_used, when_used_bytes

if TYPE_CHECKING:
    from pathlib import Path

ACCEPTS = "statdiff reads bill and statute text saved as plain text or HTML"
MAX_SIZE_HINT = " (raise it with --max-size MB)"
DEFAULT_MAX_BYTES = 50 * 1024 * 1024  # a comparison holds about 60 bytes per input byte
SNIFF_BYTES = 4096
READ_CHUNK = 1024 * 1024

# --- binary formats -----------------------------------------------------------

# (magic bytes, what the file is, how to get text out of it)
_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "a PDF file", "for a PDF, extract its text first, e.g. pdftotext -layout {name} {stem}.txt"),
    (b"PK\x03\x04", "a ZIP archive", "unzip it, or save the document inside as plain text"),
    (b"PK\x05\x06", "an empty ZIP archive", ""),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Microsoft Office (.doc) file", "save it as plain text first"),
    (b"{\\rtf", "an RTF document", "save it as plain text first"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "run OCR on it first"),
    (b"\xff\xd8\xff", "a JPEG image", "run OCR on it first"),
    (b"GIF87a", "a GIF image", "run OCR on it first"),
    (b"GIF89a", "a GIF image", "run OCR on it first"),
    (b"II*\x00", "a TIFF image", "run OCR on it first"),
    (b"MM\x00*", "a TIFF image", "run OCR on it first"),
    (b"\x7fELF", "an executable program (ELF)", ""),
    (b"MZ", "a Windows executable", ""),
    (b"\x1f\x8b", "a gzip-compressed file", "decompress it first, e.g. gunzip {name}"),
    (b"BZh", "a bzip2-compressed file", "decompress it first, e.g. bunzip2 {name}"),
    (b"\xfd7zXZ\x00", "an xz-compressed file", "decompress it first, e.g. unxz {name}"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "extract it first"),
    (b"\x28\xb5\x2f\xfd", "a zstd-compressed file", "decompress it first, e.g. unzstd {name}"),
    (b"SQLite format 3\x00", "an SQLite database", ""),
)
# Signatures that are also plain words ("MZ", "BZh") only count when the file is not text.
_WEAK_SIGNATURES = (b"MZ", b"BZh", b"II*\x00", b"MM\x00*")
_OFFICE_ZIP_MEMBERS = (
    (b"word/", "a Word (.docx) document", "save it as plain text first"),
    (b"xl/", "an Excel (.xlsx) workbook", "save its text as plain text first"),
    (b"ppt/", "a PowerPoint (.pptx) file", "save its text as plain text first"),
    (b"mimetypeapplication/vnd.oasis.opendocument", "an OpenDocument file", "save it as plain text first"),
    (b"mimetypeapplication/epub", "an EPUB book", ""),
)

# --- text shapes ------------------------------------------------------------------

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Line ends: CRLF, lone CR, and every other separator str.splitlines() honours
# (form feed is a page break in PDF-extracted text: it becomes a line break).
_LINE_BREAKS = when_used("\r\n?|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Invisible characters that only split or glue words: zero-width space/joiners,
# a BOM in mid-text, soft hyphens, word joiner and the invisible operators after it,
# the Mongolian vowel separator, interlinear annotation marks and every bidi
# control (the left-to-right and right-to-left marks that text copied from a
# browser, Word or Outlook carries, the Arabic letter mark, the embeddings,
# overrides and isolates): format characters (Unicode category Cf) that print
# nothing in an English text, so that "Act.<U+200E>" is the word "Act.", never a
# change; and control characters, which would reach the terminal as escape sequences.
# (The class's body: single characters and ranges `first-last`, nothing escaped.)
_INVISIBLE_MEMBERS = (
    "\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u061c\u180e\u202a-\u202e\u2066-\u206f\ufff9-\ufffb"
    "\x00-\x08\x0e-\x1b\x1f\x7f\x80-\x84\x86-\x9f"
)
INVISIBLE = when_used(f"[{_INVISIBLE_MEMBERS}]")
_META_CHARSET = when_used_bytes(
    rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I | re.S
)
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
# Lone surrogates: no encoder writes them; they become U+FFFD.
_SURROGATE = when_used("[\ud800-\udfff]")
_INVISIBLE_OR_SURROGATE = when_used(INVISIBLE.pattern[:-1] + "\ud800-\udfff]")
# Control codes other than tab/line ends/form feed, U+FFFD, surrogates, private use.
_GARBAGE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ud800-\udfff\ue000-\uf8ff]")
MAX_GARBAGE_SHARE = 0.05
MIN_GARBAGE = 8  # a stray control code or two in a short text is not a binary file


STDIN = "-"  # an input named `-` is standard input, as diff and most Unix tools take it
STDIN_NAME = "standard input"
_stdin_read: tuple[object, bytes] | None = None  # (the stream, its bytes): read once, the same text again


def input_name(path: Path | str, limit: int | None = MAX_DISPLAY) -> str:
    """How an input is named in messages and outputs: its path as one printable line, or
    `standard input` for `-`."""
    return STDIN_NAME if str(path) == STDIN else display_name(path, limit=limit)


def path_text(path: Path | str) -> str:
    """`str(pathlib.Path(path))`: the path as pathlib writes it (`./a.txt` is `a.txt`, `a//b/`
    is `a/b`, `..` kept, `//` kept as a root, `` is `.`), which names an input and is what is
    opened; without importing pathlib (~3 ms of a command, for this alone)."""
    text = os.fspath(path)
    if not isinstance(text, str) or os.sep != "/" or os.altsep is not None:  # bytes, or another system's paths
        from pathlib import Path

        return str(Path(text))
    root = "//" if text.startswith("//") and not text.startswith("///") else "/" if text.startswith("/") else ""
    return root + "/".join(part for part in text.split("/") if part and part != ".") or "."


def path_suffix(path: str) -> str:
    """`pathlib.PurePath(path).suffix`: its last part's (`model.tree.file_name`) last `.` and
    what follows, "" where that part starts with its only dot or ends with one."""
    from statdiff.model.tree import file_name

    name = file_name(path)
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def load_text(path: Path | str, max_bytes: int | None = None) -> str:
    """Read one input file (`-`: standard input) as clean text, or raise `StatdiffError` saying why not.

    `max_bytes` is the size limit (the CLI's --max-size); None means the default
    50 MB. The limit is checked on the file's size before anything is read.
    """
    path = path_text(path)
    name = input_name(path)
    data = read_bounded(path, DEFAULT_MAX_BYTES if max_bytes is None else max_bytes, name)
    _refuse_binary(data, name, path_suffix(path).lower())
    text = _decode(data, name)
    del data  # the bytes go before the text is normalised: one copy of the input less at the peak
    _refuse_garbage(text, name)
    text = normalise_text(text)
    if not text or text.isspace():  # not strip(): that would copy a 50 MB text to test it
        raise StatdiffError(f"{name}: the file has no text, only blank space; {ACCEPTS}")
    return text


def read_bounded(
    path: Path | str, limit: int, name: str, *, accepts: str = ACCEPTS, limit_hint: str = MAX_SIZE_HINT,
    allow_empty: bool = False,
) -> bytes:
    """A file's bytes, at most `limit` of them, or a one-line `StatdiffError` why not.

    `name` starts every message (`bill.txt`, `notes file n.yaml`); `accepts` ends
    the refusals of what is not a file; `limit_hint` follows an over-limit refusal.
    """
    if str(path) == STDIN:
        data = _read_stdin(limit, name, limit_hint)
        if not data and not allow_empty:
            raise StatdiffError(f"{name}: the input is empty; {accepts}")
        return data
    info = _stat_input(path, name, accepts)
    if stat.S_ISREG(info.st_mode):
        _check_size(info.st_size, limit, name, limit_hint)
    data = _read_bytes(path, name, limit, info.st_size if stat.S_ISREG(info.st_mode) else 0, accepts, limit_hint)
    if not data and not allow_empty:
        raise StatdiffError(f"{name}: the file is empty; {accepts}")
    return data


def decode_bytes(data: bytes, name: str = "<text>", suffix: str = "") -> str:
    """Decode a file's bytes to normalised text (see the module docstring)."""
    _refuse_binary(data, name, suffix)
    text = _decode(data, name)
    _refuse_garbage(text, name)
    return normalise_text(text)


def normalise_text(text: str) -> str:
    """LF line ends only; invisible and control characters removed; NBSP and tabs kept;
    letters composed (NFC) and typographic ligatures spelled out."""
    if "\r" in text:
        text = _lf_line_ends(text)
    if _has_other_line_breaks(text):
        text = _LINE_BREAKS.sub("\n", text)
    if _holds_invisible_or_surrogate(text):  # in the usual case, where there is none, a few fast scans
        if _SURROGATE.search(text):
            text = _SURROGATE.sub("\ufffd", text)
        text = INVISIBLE.sub("", text)
    if not text.isascii():
        text = _composed(text)
    return text


# Ligatures a PDF's text may keep as one character (`ﬁ` of `deﬁnition`): the letters they print.
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st"})


def _composed(text: str) -> str:
    """The text with each accented letter one character (NFC: `é`, however it was typed or
    extracted: `e` and a combining accent, as macOS and some PDFs give it) and its ligatures
    spelled out, so that two copies of a word compare alike. Only NFC, never NFKC, which
    would also turn NBSP (an indent the readers read) into a space and ½ into 1⁄2."""
    import unicodedata

    if any(chr(ligature) in text for ligature in _LIGATURES):
        text = text.translate(_LIGATURES)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


# A carriage return that does not open a CRLF (an old Mac line end).
_LONE_CR = when_used("\r(?!\n)")


def _lf_line_ends(text: str) -> str:
    """CRLF and CR line ends as LF. Where every CR opens a CRLF (a Windows file, or one
    edited on both), the CRs are deleted: a one-character replace, twice as fast as
    replacing the two-character CRLF."""
    if _LONE_CR.search(text) is None:
        return _without_crs(text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _without_crs(text: str) -> str:
    """`text.replace("\\r", "")`, a block at a time. A block whose characters all fit in a
    byte (ASCII, Latin-1: most files) loses its CRs as bytes (the round trip through Latin-1
    is exact for it, and deleting a byte is three times as fast as deleting a character);
    a wider block is replaced as text. Block by block, the bytes are never a copy of the
    whole text: three copies of a text of megabytes are pages of new memory for a command
    to touch, which would cost more than the bytes save. A text wide from its first block on
    (curly quotes: two bytes a character) is one replace: the blocks and their join would hold
    three copies of it at the peak (315 MB for 50 MB of Windows-1252), the replace two."""
    if len(text) > _BLOCK and not _fits_in_a_byte(text[:_BLOCK]):
        return text.replace("\r", "")
    return "".join(_block_without_crs(text[start : start + _BLOCK]) for start in range(0, len(text), _BLOCK))


def _block_without_crs(block: str) -> str:
    try:
        encoded = block.encode("latin-1")
    except UnicodeEncodeError:
        return block.replace("\r", "")
    return encoded.replace(b"\r", b"").decode("latin-1")


def _members_below(members: str, end: int) -> str:
    """The characters of a class's body (`_INVISIBLE_MEMBERS`) whose code is below `end`, in
    order: read from the body itself, so that `INVISIBLE` is compiled only when a text holds
    one of them."""
    found: set[str] = set()
    index = 0
    while index < len(members):
        is_range = members[index + 1 : index + 2] == "-" and index + 2 < len(members)
        first, last = members[index], members[index + 2 if is_range else index]
        index += 3 if is_range else 1
        found.update(map(chr, range(ord(first), min(ord(last) + 1, end))))
    return "".join(sorted(found))


# The invisible characters a text of one byte per character (ASCII, Latin-1) can hold.
_LATIN1_INVISIBLE = _members_below(_INVISIBLE_MEMBERS, 256)
_ASCII_INVISIBLE = "".join(character for character in _LATIN1_INVISIBLE if character.isascii())


def _holds_invisible_or_surrogate(text: str) -> bool:
    """`_INVISIBLE_OR_SURROGATE.search(text)`, found faster where the text's characters
    all fit in a byte (an ASCII or Latin-1 text, as most files are): one substring scan for
    each invisible character such a text can hold, each far cheaper than the regex's
    character-by-character scan."""
    if not text.isascii():
        if not _fits_in_a_byte(text):
            return _INVISIBLE_OR_SURROGATE.search(text) is not None
        return any(character in text for character in _LATIN1_INVISIBLE)
    return any(character in text for character in _ASCII_INVISIBLE)


# How much of a text `_fits_in_a_byte` and `_without_crs` encode at a time: small enough for
# the memory of one block to be reused by the next, where the whole text's bytes would be
# megabytes of new pages.
_BLOCK = 65_536


def _fits_in_a_byte(text: str) -> bool:
    """Whether every character of `text` is Latin-1: its blocks encoded one by one (an
    encoding stops at the first wider character), no copy of the whole text made."""
    try:
        for start in range(0, len(text), _BLOCK):
            text[start : start + _BLOCK].encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def _has_other_line_breaks(text: str) -> bool:
    return any(ch in text for ch in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


# --- the file ---------------------------------------------------------------------


def _stat_input(path: Path | str, name: str, accepts: str = ACCEPTS) -> os.stat_result:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise StatdiffError(f"{name}: a broken symbolic link (its target does not exist)") from None
        raise StatdiffError(f"{name}: no such file") from None
    except NotADirectoryError:
        raise StatdiffError(f"{name}: no such file (a part of the path is not a directory)") from None
    except PermissionError:
        raise StatdiffError(f"{name}: permission denied (cannot look up this file)") from None
    except OSError as error:
        raise StatdiffError(f"{name}: cannot open ({os_reason(error)})") from None
    except ValueError:  # a NUL, or a lone surrogate no file system encoding can write
        raise StatdiffError(f"{name}: cannot open (no file can have this name)") from None
    if stat.S_ISDIR(info.st_mode):
        raise StatdiffError(f"{name}: is a directory, not a file; {accepts}")
    if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) or stat.S_ISSOCK(info.st_mode):
        raise StatdiffError(f"{name}: is a device or socket, not a file; {accepts}")
    return info


def _read_stdin(limit: int, name: str, hint: str) -> bytes:
    """Standard input's bytes, at most `limit`, read once (an input read again, as an amendment
    is, gets the same bytes); refused when it is a terminal (nothing was piped in: reading it
    would wait for typing)."""
    import sys

    global _stdin_read
    stream = sys.stdin
    if _stdin_read is not None and _stdin_read[0] is stream:
        return _stdin_read[1]
    if stream is None or getattr(stream, "closed", False):
        raise StatdiffError(f"{name}: there is none (it is closed); pipe a text into it or name a file")
    try:
        if stream.isatty():
            raise StatdiffError(f"{name}: it is a terminal; pipe a text into it or name a file")
        source = getattr(stream, "buffer", None) or stream  # a text stream's bytes, else the stream itself
        data = _read_at_most(cast(BinaryIO, source), limit, 0)
    except OSError as error:
        raise StatdiffError(f"{name}: cannot read ({os_reason(error)})") from None
    if isinstance(data, str):  # a text stream without bytes beneath it (a notebook's): its text as UTF-8
        data = data.encode("utf-8", "surrogateescape")
    if len(data) > limit:
        raise StatdiffError(f"{name}: the input is over the {_megabytes(limit)} limit{hint}")
    _stdin_read = (stream, data)
    return data


def _check_size(size: int, limit: int, name: str, hint: str) -> None:
    if size > limit:
        raise StatdiffError(f"{name}: the file is {_megabytes(size)}, over the {_megabytes(limit)} limit{hint}")


def _read_bytes(path: Path | str, name: str, limit: int, expected: int, accepts: str, hint: str) -> bytes:
    """Read the file once, never more than `limit` bytes (plus one, to see it is over)."""
    try:
        with open(path, "rb") as handle:
            data = _read_at_most(handle, limit, expected)
    except PermissionError:
        raise StatdiffError(f"{name}: permission denied (cannot read this file)") from None
    except IsADirectoryError:
        raise StatdiffError(f"{name}: is a directory, not a file; {accepts}") from None
    except OSError as error:
        raise StatdiffError(f"{name}: cannot read ({os_reason(error)})") from None
    if len(data) > limit:  # a pipe, or a file that grew or said less than it holds
        raise StatdiffError(f"{name}: the input is over the {_megabytes(limit)} limit{hint}")
    return data


def _read_at_most(handle: BinaryIO, limit: int, expected: int) -> bytes:
    """Up to `limit + 1` bytes. `expected` (the size `stat` gave; 0 for a pipe) only
    sizes the first read, so a regular file is read in one call; anything more
    than it said is read on in chunks, up to the limit."""
    first = handle.read(min(expected, limit) + 1)
    if len(first) <= expected:
        return first
    chunks, total = [first], len(first)
    while total <= limit:
        chunk = handle.read(min(limit + 1 - total, READ_CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return first if len(chunks) == 1 else b"".join(chunks)


def _megabytes(size: int) -> str:
    megabytes = size / (1024 * 1024)
    if megabytes >= 10:
        return f"{megabytes:.0f} MB"
    if megabytes >= 0.1:
        return f"{megabytes:.1f} MB"
    return f"{size} bytes"


# --- binary files -----------------------------------------------------------------


def _refuse_binary(data: bytes, name: str, suffix: str) -> None:
    head = data[:SNIFF_BYTES]
    if head.startswith(tuple(bom for bom, _ in _BOMS)):
        return
    kind, advice = _binary_kind(head, suffix)
    if kind is None and b"\x00" in head and _utf16_without_bom(head) is None:
        kind, advice = "a binary file (it contains NUL bytes)", ""
    if kind is None:
        return
    stem = re.sub(r"\.[^./]*$", "", name)
    if f"{stem}.txt" == name:  # `bill.txt` holding a PDF: the advice must not write over it
        stem = name
    message = f"{name}: this is {kind}, not text; {ACCEPTS}"
    if advice:
        message += " (" + advice.format(name=name, stem=stem) + ")"
    raise StatdiffError(message)


def _refuse_garbage(text: str, name: str) -> None:
    """Bytes with no signature that decode to control codes and U+FFFD are not text."""
    sample = text[:SNIFF_BYTES]
    if not sample:
        return
    bad = len(_GARBAGE.findall(sample))
    if bad > MIN_GARBAGE and bad > MAX_GARBAGE_SHARE * len(sample):
        raise StatdiffError(
            f"{name}: this does not look like text ({100 * bad // len(sample)}% of its first characters "
            f"are control codes or undecodable); {ACCEPTS}"
        )


def _binary_kind(head: bytes, suffix: str) -> tuple[str | None, str]:
    for magic, kind, advice in _SIGNATURES:
        if not head.startswith(magic):
            continue
        if magic in _WEAK_SIGNATURES and not _looks_binary(head):
            continue
        if magic == b"PK\x03\x04":
            return _zip_kind(head, suffix, kind, advice)
        return kind, advice
    return None, ""


def _zip_kind(head: bytes, suffix: str, kind: str, advice: str) -> tuple[str, str]:
    for member, office_kind, office_advice in _OFFICE_ZIP_MEMBERS:
        if member in head:
            return office_kind, office_advice
    if suffix == ".docx":
        return "a Word (.docx) document", "save it as plain text first"
    return kind, advice


def _looks_binary(head: bytes) -> bool:
    controls = sum(1 for byte in head if byte < 9 or 13 < byte < 32)
    return controls > len(head) // 100


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when NULs fill every other byte, as in UTF-16 Latin text."""
    sample = head[: len(head) - len(head) % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    pairs = len(sample) // 2
    even_nuls, odd_nuls = even.count(0), odd.count(0)
    if odd_nuls >= 0.9 * pairs and even_nuls <= 0.05 * pairs:
        return "utf-16-le"
    if even_nuls >= 0.9 * pairs and odd_nuls <= 0.05 * pairs:
        return "utf-16-be"
    return None


# --- encodings --------------------------------------------------------------------


def _decode(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_unicode(memoryview(data)[len(bom):], encoding)
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        utf16 = _utf16_without_bom(head)
        if utf16:
            return _decode_unicode(data, utf16)
    declared = _html_charset(head)
    if declared and declared not in ("utf-8", "cp1252"):
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # the declaration is wrong: decide from the bytes
    return _decode_utf8_or_cp1252(data)


def _decode_unicode(data: bytes | memoryview, encoding: str) -> str:
    width = 4 if encoding.startswith("utf-32") else 2 if encoding.startswith("utf-16") else 1
    usable = len(data) - len(data) % width  # a file cut off mid-character
    if encoding == "utf-8":
        return _decode_utf8_or_cp1252(bytes(data))
    # A damaged UTF-16/32 code unit shows as U+FFFD rather than hiding the rest.
    return codecs.decode(data[:usable], encoding, errors="replace")


def _decode_utf8_or_cp1252(data: bytes) -> str:
    """UTF-8; any byte that is not part of valid UTF-8 is read as Windows-1252."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.end == len(data) and error.reason == "unexpected end of data":
            cut_off = _decode_cut_off_utf8(data, error.start)
            if cut_off is not None:
                return cut_off
    if not _has_utf8_sequences(data):
        return data.decode("cp1252", errors="statdiff-cp1252")
    return data.decode("utf-8", errors="statdiff-cp1252")


def _decode_cut_off_utf8(data: bytes, start: int) -> str | None:
    """A UTF-8 file cut off in the middle of its last character: drop that character."""
    try:
        return data[:start].decode("utf-8")
    except UnicodeDecodeError:
        return None


# A lead byte then a continuation byte: every multi-byte UTF-8 character starts so.
# (A loose test, three times faster than matching whole sequences; a false hit only
# costs the slower byte-by-byte decoding, which gives the same text.)
_UTF8_MULTIBYTE = when_used_bytes(rb"[\xc2-\xf4][\x80-\xbf]")


def _has_utf8_sequences(data: bytes) -> bool:
    # A Windows-1252 text rarely contains a byte pair that is also valid UTF-8
    # ("Â§"); one that does is read byte by byte, which is the same thing for it.
    return _UTF8_MULTIBYTE.search(data) is not None


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error  # registered for decoding only
    chunk = error.object[error.start : error.end]
    return "".join(_cp1252_char(byte) for byte in chunk), error.end


def _cp1252_char(byte: int) -> str:
    if byte in _CP1252_UNDEFINED:
        return "\ufffd"
    return bytes([byte]).decode("cp1252")


codecs.register_error("statdiff-cp1252", _cp1252_fallback)


def _html_charset(head: bytes) -> str | None:
    """The Python codec for the encoding an HTML file declares in <meta charset>,
    when the WHATWG Encoding Standard knows it (else None: the bytes decide).
    Whether the text is HTML is for `detect` to say once it is decoded."""
    if b"<meta" not in head.lower():
        return None
    match = _META_CHARSET.search(head)
    if not match:
        return None
    label = match.group(1).decode("ascii", "replace").lower()
    if label in _WHATWG_LABELS_PYTHON_LACKS:
        return _WHATWG_LABELS_PYTHON_LACKS[label]
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    return _WHATWG_DECODERS.get(codec)


# The encodings of the WHATWG Encoding Standard (what a browser decodes), keyed by
# the name of Python's codec for a label, with the decoder the standard uses for
# it: latin-1 and ASCII labels mean windows-1252, ISO-8859-9 windows-1254,
# ISO-8859-11 and TIS-620 windows-874, GB2312 and GBK gb18030, Big5 Big5-HKSCS,
# EUC-KR windows-949, Shift_JIS windows-31J; a UTF-16 or UTF-32 label on bytes
# that had no BOM (and so were not UTF-16) means UTF-8. UTF-8 and Windows-1252
# map to themselves, which `_decode` reads from the bytes in any case.
_WHATWG_DECODERS: dict[str, str] = {
    **{name: "utf-8" for name in ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be")},
    **{name: "cp1252" for name in ("ascii", "iso8859-1", "cp1252")},
    **{name: name for name in (
        "cp866", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5", "iso8859-6", "iso8859-7", "iso8859-8",
        "iso8859-10", "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16", "koi8-r", "koi8-u", "mac-roman",
        "mac-cyrillic", "cp874", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
        "gb18030", "euc_jp", "iso2022_jp", "cp949", "cp932", "big5hkscs",
    )},
    "iso8859-9": "cp1254", "iso8859-11": "cp874", "tis-620": "cp874", "gb2312": "gb18030", "gbk": "gb18030",
    "big5": "big5hkscs", "euc_kr": "cp949", "shift_jis": "cp932",
}
# WHATWG labels Python's codec registry does not know (x-user-defined: the HTML
# standard reads a <meta> declaring it as windows-1252).
_WHATWG_LABELS_PYTHON_LACKS: dict[str, str] = {
    "windows-874": "cp874", "dos-874": "cp874", "x-gbk": "gb18030", "windows-31j": "cp932", "x-sjis": "cp932",
    "x-mac-cyrillic": "mac-cyrillic", "x-mac-ukrainian": "mac-cyrillic", "x-mac-roman": "mac-roman",
    "iso-8859-8-i": "iso8859-8", "csiso88598i": "iso8859-8", "logical": "iso8859-8", "unicode-1-1-utf-8": "utf-8",
    "unicode11utf8": "utf-8", "unicode20utf8": "utf-8", "x-unicode20utf8": "utf-8", "x-euc-jp": "euc_jp",
    "x-x-big5": "big5hkscs", "x-user-defined": "cp1252",
}
