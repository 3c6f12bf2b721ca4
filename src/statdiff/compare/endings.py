"""A comparison whose shorter text ends exactly where a node of the other ends.

A copy cut in mid-sentence is found and its missing text left to one copy (`truncation`).
A copy that stops at the end of a paragraph inside a Section cannot be told from a version
that deleted everything after it: statdiff reports the nodes after it as removed (added,
read the other way), and says so in one warning, so that a reader who compares a partial
copy knows those nodes may only be missing from it (the principle: a warning, not a guess).
Whole Sections added or dropped at the end get none: that is how Acts and contracts grow.
"""

from __future__ import annotations

from statdiff.model import Comparison, Document, Mode, Op, Status


def trailing_nodes_note(comparison: Comparison) -> str | None:
    """The warning for a comparison whose last changes take out (put in) every node after
    the place where one text ends, up to the other text's end; None otherwise."""
    if comparison.mode != Mode.VERSIONS or not _shares_text(comparison):
        return None
    changes = comparison.changes
    for op, longer, shorter, verb in ((Op.REMOVE, comparison.old, comparison.new, "removed"),
                                      (Op.ADD, comparison.new, comparison.old, "added")):
        tail = _trailing(changes, op)
        if not tail or not _inside_a_shared_section(comparison, tail[0].section):
            continue
        paths = [change.old_path if op == Op.REMOVE else change.new_path for change in tail]
        if not _holds_the_end(longer, paths[-1]):
            continue
        if len(tail) == 1:
            what = f"the node after it ({paths[0]}) is reported {verb}; if {shorter.name} is a partial copy, it is"
        else:
            what = (f"the {len(tail)} nodes after it ({paths[0]} to {paths[-1]}) are reported {verb}; "
                    f"if {shorter.name} is a partial copy, they are")
        return f"{shorter.name} ends where a node of {longer.name} ends: {what} only missing from it"
    return None


def _inside_a_shared_section(comparison: Comparison, path: str) -> bool:
    """The nodes begin inside a Section both texts hold: a copy cut short stops inside one,
    where a version that adds or drops whole Sections at its end (a bill's new Section 25, a
    contract's new last clause) is an edit no warning need doubt."""
    return any(section.path == path and section.status == Status.CHANGED for section in comparison.sections)


def _shares_text(comparison: Comparison) -> bool:
    """Some node is the same in both texts: the two are versions of one text, one of which
    may be a copy cut short (two unrelated texts get no such warning)."""
    return any(node.status == Status.UNCHANGED for section in comparison.sections for node in section.nodes)


def _trailing(changes: list, op: Op) -> list:
    """The run of changes of `op` that ends the comparison (in reading order)."""
    tail = []
    for change in reversed(changes):
        if change.op != op:
            break
        tail.append(change)
    return tail[::-1]


def _holds_the_end(document: Document, path: str | None) -> bool:
    """Whether the node at `path` holds `document`'s last words (it is, or holds, the last
    node with words)."""
    node = next((node for node in document.walk() if node.path == path), None)
    if node is None:
        return False
    last = None
    for candidate in document.walk():
        if candidate.has_words():
            last = candidate
    return last is not None and any(inner is last for inner in node.walk())
