"""Attribution: which changes a later Public Act made rather than NEW itself.

Source notes are history: a changed Source note is one `source` change. Public Acts that
NEW's Source note cites and OLD's does not are listed on the section (`attributed_to`);
a change is attributed to them when NEW is not a bill (a later compiled text), or, when
NEW is a bill, when the bill does not explain the change: with markup, the change
carries no underline/strike; without markup, fewer than half of the change's content
words occur in the bill's synopsis (the LRB's digest of what the bill changes).
"""

from __future__ import annotations

import re

from statdiff.compare.grouping import GLUE_WORDS
from statdiff.compare.units import Unit
from statdiff.law import public_acts
from statdiff.model import DELETED, INSERTED, PLAIN, Change, Document, Op

STOPWORDS = GLUE_WORDS | frozenset(
    {"is", "be", "that", "this", "with", "any", "no", "not", "may", "shall", "if", "it", "are", "was", "has",
     "have", "been", "from", "which", "such", "under", "who", "whom", "must", "will", "than", "into", "there"}
)
SYNOPSIS_SHARE = 0.5


def attribute(old_unit: Unit, new_unit: Unit, changes: list[Change], new_is_bill: bool,
              synopsis: frozenset[str] | None) -> list[str]:
    """The Public Acts NEW's Source note adds (`P.A. 94-947`), after attributing to them
    each change of the section the bill does not explain."""
    old_note, new_note = _source_note_text(old_unit), _source_note_text(new_unit)
    if old_note == new_note:
        return []
    old_acts = _public_acts(old_unit)
    newer = [public_acts.cite(act) for act in _public_acts(new_unit) if act not in old_acts]
    if not newer or not old_acts:
        return []
    label = ", ".join(newer)
    marked = any(word.mark != PLAIN for word in new_unit.words)
    for change in changes:
        if change.op in (Op.SOURCE, Op.MOVE, Op.RENUMBER):
            continue
        if not new_is_bill or not _explained_by_bill(change, marked, synopsis, new_unit):
            change.attributed_to = label
    return newer


def synopsis_words(document: Document) -> frozenset[str] | None:
    """The content words of a bill's synopsis (None when it has none)."""
    if not document.synopsis:
        return None
    return frozenset(_content_words(document.synopsis))


def _source_note_text(unit: Unit) -> str:
    for node in unit.nodes:
        if node.kind == "source_note":
            return node.text
    return unit.node.meta.source_note or ""


def _public_acts(unit: Unit) -> list[str]:
    """The Public Acts the section's Source note cites, as the structure stage read them."""
    return list(unit.node.meta.public_acts or ())


def _explained_by_bill(change: Change, marked: bool, synopsis: frozenset[str] | None, unit: Unit) -> bool:
    if marked:
        return _carries_markup(change, unit)
    if synopsis is None:
        return True
    words = _content_words(change.old_text + " " + change.new_text)
    if not words:
        return True
    share = sum(1 for word in words if word in synopsis) / len(words)
    return share >= SYNOPSIS_SHARE


def _carries_markup(change: Change, unit: Unit) -> bool:
    span = change.new_source
    if span is None:
        return True
    return any(word.mark in (INSERTED, DELETED) and span.contains(word.position) for word in unit.words)


def _content_words(text: str) -> list[str]:
    words = [_stem(word) for word in re.findall(r"[A-Za-z0-9]+", text.lower())]
    return [word for word in words if len(word) > 1 and word not in STOPWORDS]


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
