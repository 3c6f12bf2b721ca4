"""Plain phrases: how a change, a node path and a quoted text read in a sentence.

`describe(change)` is the short phrase the summary of a redline shows for one change
(`inserted “at no charge”`, `added subsection (b-5)`); `quote` puts a text in curly
quotes, shortened in the middle when long; `node_phrase` names a node by its path.
"""

from __future__ import annotations

import re
from typing import Callable

from statdiff.law.compiling import when_used
from statdiff.model import Basis, Change, Op

# The defined term at the end of a definition's path: `815 ILCS 530/5 "Personal information"`.
PATH_TERM = when_used(r"[\"“]([^\"”]+)[\"”](?:\s*#\d+)?\s*$")

_QUOTE_LIMIT = 60


def quote(text: str, limit: int | None = _QUOTE_LIMIT) -> str:
    """“text”, shortened in the middle with an ellipsis when longer than `limit`
    (never when `limit` is None)."""
    text = " ".join(text.split())
    if limit is not None and len(text) > limit:
        half = limit // 2 - 2
        head = text[:half].rsplit(" ", 1)[0] if " " in text[:half] else text[:half]
        tail = text[-half:].split(" ", 1)[-1] if " " in text[-half:] else text[-half:]
        text = f"{head} … {tail}"
    return f"“{text}”"


_LEVELS = ("subsection", "paragraph", "subparagraph", "item")


def node_phrase(path: str | None) -> str:
    """`815 ILCS 530/10(b-5)` -> `subsection (b-5)`; a definition -> `definition of “X”`."""
    if not path:
        return "a node"
    if path.endswith("[source]"):
        return "the Source note"
    if path.endswith("[citation]"):
        return "the citation line"
    term = PATH_TERM.search(path)
    if term:
        return f"definition of “{term.group(1)}”"
    labels = re.findall(r"\(([\w.\-]+)\)", path.split("/")[-1])
    if labels:
        level = _LEVELS[min(len(labels), len(_LEVELS)) - 1]
        return f"{level} ({labels[-1]})"
    section = re.search(r"(?:/|Section\s+)([\w.\-]+)\s*$", path)
    if section:
        return f"Sec. {section.group(1)}"
    return path


_PHRASES: dict[str, Callable[[Change], str]] = {
    Op.INSERT: lambda change: f"inserted {quote(change.new_text)}",
    Op.DELETE: lambda change: f"deleted {quote(change.old_text)}",
    Op.REPLACE: lambda change: f"replaced {quote(change.old_text, 40)} with {quote(change.new_text, 40)}",
    Op.ADD: lambda change: f"added {node_phrase(change.new_path)}",
    Op.REMOVE: lambda change: f"removed {node_phrase(change.old_path)}",
    Op.MOVE: lambda change: f"moved {node_phrase(change.old_path)} to {change.new_path}",
    Op.RENUMBER: lambda change: f"renumbered {node_phrase(change.old_path)} as {node_phrase(change.new_path)}",
    Op.SOURCE: lambda change: f"Source note now reads {quote(change.new_text)}" if change.new_text
    else "Source note changed",
}


def describe(change: Change) -> str:
    """A short plain phrase for one change, for the summary table (`replaced “30” with “45”
    (struck words recovered from a plain printing)` where its struck words were not printed struck)."""
    phrase = _PHRASES.get(change.op)
    said = phrase(change) if phrase else f"{change.op} {quote(change.new_text or change.old_text)}"
    if change.basis == Basis.PLAIN_PRINTING:
        said += " (struck words recovered from a plain printing)"
    return said
