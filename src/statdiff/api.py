"""The Python API: `statdiff.parse(source)` and `statdiff.diff(old, new)`.

`diff` returns a `Comparison` (the model's, with what a notebook wants besides: a one-line
`repr`, a compact redline as `_repr_html_`, `to_json()` and `write("report.html")`).

A source is one of:
  * a `Document` statdiff already parsed (used as it is);
  * an `os.PathLike` (`pathlib.Path`, ...): a file to read;
  * `bytes` (or `bytearray`): the file's contents, decoded exactly as a file is
    (encoding, binary formats refused, line ends);
  * a `str`: a file's path when it names an existing file, or is one line with
    no whitespace that contains `/` or `\\` or ends in a text suffix (`.txt`,
    `.htm`, `.html`, `.csv`, `.text`), however long, so a mistyped or
    overlong path fails as a file (`no such file`, `cannot open (file name too
    long)`) instead of being compared as a one-word text; any other string is
    the text itself.
Anything else raises `StatdiffError` saying what is accepted, and so does a
path with a NUL or a lone surrogate in it (no file can have such a name).
Both go through the one way in, `statdiff.pipeline`.
"""

from __future__ import annotations

import os
from pathlib import Path

from typing import Any

from statdiff import model, pipeline
from statdiff.errors import StatdiffError, display_name
from statdiff.model import Document
from statdiff.render import RenderOptions

Source = str | os.PathLike | bytes | bytearray | Document


def checked_source(source: object, caller: str) -> Document | Path | bytes | str:
    """`source` as a Document, a Path to read, bytes to decode or a text to read;
    or a `StatdiffError` naming what `caller` accepts."""
    if isinstance(source, Document):
        return source
    if isinstance(source, (bytes, bytearray)):
        return bytes(source)
    if isinstance(source, os.PathLike):
        return _checked_path(os.fsdecode(os.fspath(source)))
    if isinstance(source, str):
        return _checked_path(source) if _looks_like_a_path(source) else source
    hint = " (pass the file's path, or its contents)" if hasattr(source, "read") else ""
    raise StatdiffError(
        f"{caller}: expected a file path (str or os.PathLike), a text (str), its bytes, or a parsed Document, "
        f"not {type(source).__name__}{hint}"
    )


def _checked_path(path: str) -> Path:
    if "\x00" in path:
        raise StatdiffError(f"{display_name(path)}: not a file name (it contains a NUL character)")
    try:
        os.fsencode(path)
    except UnicodeEncodeError:
        raise StatdiffError(
            f"{display_name(path)}: not a file name (it contains a lone surrogate, which no file name can hold)"
        ) from None
    return Path(path)


def parse(source: Source, *, format: str | None = None, name: str | None = None) -> Document:
    """Parse a file path, a file's bytes or a text into a `Document` tree (see the
    module docstring for how a string is told apart from a path). `name` names a
    text or bytes in messages and output."""
    return _parse(source, format, name, "statdiff.parse")


class Comparison(model.Comparison):
    """What `statdiff.diff` returns: the model's `Comparison` (properties `changes`,
    `sections`, `changed_sections`, `summary`; `repr()` one line such as `<Comparison HB0605
    vs 815 ILCS 530: 7 changes in 2 sections>`) and, for a notebook or a script:"""

    __slots__ = ()

    def to_json(self) -> dict[str, Any]:
        """The JSON contract (docs/json-contract.md) as a dict: what `statdiff diff --json` prints."""
        return pipeline.comparison_json(self)

    def write(self, path: str | os.PathLike[str], *, notes: str | os.PathLike[str] | None = None,
              title: str | None = None, view: str = "inline") -> Path:
        """Write the redline to `path` in the format its suffix names (`.html`, `.json`, or any
        other registered one), atomically and never over a compared file; returns the path.
        `notes`: a YAML or TOML notes file for the margin (a note matching no node warns);
        `view`: the HTML redline's first view, `inline` or `side-by-side`."""
        return pipeline.write_comparison(self, path, notes=notes, title=title, options=RenderOptions(view=view))

    def _repr_html_(self) -> str:
        """A notebook shows this: a compact redline of the changed paragraphs."""
        return str(pipeline.render_comparison(self, "html-fragment"))


def diff(old: Source, new: Source, *, format: str | None = None) -> Comparison:
    """Compare two versions (paths, texts, bytes or parsed Documents)."""
    found = pipeline.compare(_parse(old, format, None, "statdiff.diff"), _parse(new, format, None, "statdiff.diff"))
    return Comparison(found.old, found.new, found.mode, found.sections, found.limits)


def _parse(source: object, format: str | None, name: str | None, caller: str) -> Document:
    source = checked_source(source, caller)
    if isinstance(source, Document):
        return source
    if name is not None and not isinstance(name, str):
        raise StatdiffError(f"{caller}: name must be a str, not {type(name).__name__}")
    if isinstance(source, Path):
        return pipeline.read_file(source, format=format)
    if isinstance(source, bytes):
        return pipeline.read_bytes(source, format=format, name=display_name(name or "<bytes>", limit=None))
    return pipeline.read_string(source, format=format, name=display_name(name or "<text>", limit=None))


def _looks_like_a_path(text: str) -> bool:
    """An existing file, or one line with no whitespace that names a file
    (`bills/hb605.txt`), whatever its length: a mistyped path must fail as a
    missing file, not be compared as a one-word text."""
    if "\n" in text:
        return False
    try:
        if Path(text).is_file():
            return True
    except (OSError, ValueError):  # a name too long for the system, a NUL: still a name, not a text
        pass
    if any(character.isspace() for character in text.strip()):
        return False
    return "/" in text or "\\" in text or Path(text).suffix.lower() in _TEXT_SUFFIXES


_TEXT_SUFFIXES = {".txt", ".htm", ".html", ".csv", ".text"}
