"""The Python API: `statdiff.parse(path_or_text)` and `statdiff.diff(old, new)`."""

from __future__ import annotations

from pathlib import Path

from statdiff.model import Comparison, Document


def parse(source: str | Path, *, format: str | None = None, name: str | None = None) -> Document:
    """Parse a file path or a text into a `Document` tree.

    A `Path`, or a string naming an existing file, is read from disk; any other
    string is parsed as the text itself.
    """
    from statdiff.read import read_path, read_text
    from statdiff.structure import build_document

    if isinstance(source, Path) or (isinstance(source, str) and _names_a_file(source)):
        result = read_path(Path(source), format=format)
    else:
        result = read_text(source, format=format, name=name or "<text>")
    return build_document(result)


def diff(old: str | Path | Document, new: str | Path | Document, *, format: str | None = None) -> Comparison:
    """Compare two versions (paths, texts or parsed Documents)."""
    from statdiff.diff import compare

    old_doc = old if isinstance(old, Document) else parse(old, format=format)
    new_doc = new if isinstance(new, Document) else parse(new, format=format)
    return compare(old_doc, new_doc)


def _names_a_file(text: str) -> bool:
    if "\n" in text or len(text) > 4096:
        return False
    try:
        return Path(text).is_file()
    except OSError:
        return False
