"""The Python API: `statdiff.parse(path_or_text)` and `statdiff.diff(old, new)`.

Both go through the one way in, `statdiff.pipeline`."""

from __future__ import annotations

from pathlib import Path

from statdiff import pipeline
from statdiff.model import Comparison, Document


def parse(source: str | Path, *, format: str | None = None, name: str | None = None) -> Document:
    """Parse a file path or a text into a `Document` tree.

    A `Path`, or a string that names a file (an existing one, or one line with no
    spaces and a `/` or a text suffix, which then fails as missing), is read from
    disk; any other string is parsed as the text itself.
    """
    if isinstance(source, Path) or (isinstance(source, str) and _looks_like_a_path(source)):
        return pipeline.read_file(Path(source), format=format)
    return pipeline.read_string(source, format=format, name=name or "<text>")


def diff(old: str | Path | Document, new: str | Path | Document, *, format: str | None = None) -> Comparison:
    """Compare two versions (paths, texts or parsed Documents)."""
    old_doc = old if isinstance(old, Document) else parse(old, format=format)
    new_doc = new if isinstance(new, Document) else parse(new, format=format)
    return pipeline.compare(old_doc, new_doc)


def _looks_like_a_path(text: str) -> bool:
    """An existing file, or one line with no spaces that names a file (`bills/hb605.txt`):
    a mistyped path must fail as a missing file, not be compared as a one-word text."""
    if "\n" in text or len(text) > 4096:
        return False
    try:
        if Path(text).is_file():
            return True
    except OSError:
        return False
    if any(character.isspace() for character in text.strip()):
        return False
    return "/" in text or "\\" in text or Path(text).suffix.lower() in _TEXT_SUFFIXES


_TEXT_SUFFIXES = {".txt", ".htm", ".html", ".csv", ".text"}
