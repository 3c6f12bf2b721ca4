"""The `Change` records: one per phrase a node pair's segments change, one per node
added, removed or moved, one per Section renumbered or moved, one per Source note."""

from __future__ import annotations

from statdiff.compare.anchors import linked
from statdiff.compare.tokens import rebuild
from statdiff.compare.units import Unit, heading
from statdiff.model import WORD_OPS, Change, Node, Op, Position, Segment, Side, SourceSpan, Word


def word_changes(old: Node, new: Node, segments: list[Segment], section: str) -> list[Change]:
    """A change for each inserted, deleted or replaced run of a node pair, linked to its segment."""
    if all(segment.op in (Op.EQUAL, Op.ONLY_OLD, Op.ONLY_NEW) for segment in segments):
        return []
    changes = []
    for index, segment in enumerate(segments):
        if segment.op in WORD_OPS:
            old_source = SourceSpan.covering(segment.old) or SourceSpan.at(_point(segments, index, "old"))
            new_source = SourceSpan.covering(segment.new) or SourceSpan.at(_point(segments, index, "new"))
            change = Change(segment.op, old.path, new.path, rebuild(segment.old), rebuild(segment.new),
                            old_source, new_source, section, basis=segment.basis)
            changes.append(linked(change, segment))
    return changes


def _point(segments: list[Segment], index: int, side: Side) -> Position | None:
    """Where an insertion (deletion) falls in the other text: the token before it, or after."""
    before = (segment.edge(side, last=True) for segment in reversed(segments[:index]))
    after = (segment.edge(side, last=False) for segment in segments[index + 1:])
    return next((p for p in before if p is not None), None) or next((p for p in after if p is not None), None)


def source_change(old: Node, new: Node, section: str) -> Change:
    """A changed Source note: one change for the whole note (it is history, not law)."""
    return Change(Op.SOURCE, old.path, new.path, old.text, new.text,
                  SourceSpan.covering(old.words), SourceSpan.covering(new.words), section)


def node_change(node: Node, words: list[Word], side: Side, section: str) -> Change:
    """A node (or section) only one text has: removed from OLD, added in NEW."""
    text = " ".join(word.text for word in words)
    span = SourceSpan.covering(words)
    if side == "old":
        return Change(Op.REMOVE, node.path, None, text, "", span, None, section)
    return Change(Op.ADD, None, node.path, "", text, None, span, section)


def node_moved(old: Node, new: Node, section: str) -> Change:
    """A node out of order within its section."""
    return Change(Op.MOVE, old.path, new.path, old.text, new.text,
                  SourceSpan.covering(old.words), SourceSpan.covering(new.words), section)


def section_change(op: Op, old_unit: Unit, new_unit: Unit, section: str) -> Change:
    """A Section renumbered (its texts are the numbers) or moved (its texts are its heading)."""
    if op == Op.RENUMBER:
        old_text, new_text = _number(old_unit), _number(new_unit)
    else:
        old_text = new_text = heading(new_unit.node) or new_unit.path
    return Change(
        op, old_unit.path, new_unit.path, old_text, new_text,
        SourceSpan.covering(old_unit.words), SourceSpan.covering(new_unit.words), section,
    )


def _number(unit: Unit) -> str:
    """A renumbered unit's number as printed, else its label, else its path."""
    return unit.node.meta.number or unit.node.label or unit.path
