"""Restreaming: a section whose words are divided into paragraphs differently.

One rendering shows indentation, another does not: the same words fall into different
nodes. With the same words in the same order the section is unchanged (each node listed
on its own side); with a few edits besides, its words are diffed as one stream, so that
equal words under other node boundaries are unchanged, and each node is listed once,
beside the node that shares most of its words (or alone).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterator

from statdiff.compare.anchors import linked
from statdiff.compare.tokens import rebuild, tokenize
from statdiff.compare.truncation import Visible
from statdiff.compare.nodes import NodeRules, token_span
from statdiff.compare.slides import slid_to_paragraphs
from statdiff.compare.words import diff_tokens
from statdiff.model import (
    Basis,
    Change,
    Node,
    NodeComparison,
    Op,
    Segment,
    Side,
    SourceSpan,
    Status,
    Token,
    one_copy_op,
    segment_op,
)

Hidden = tuple[tuple[Token, ...], tuple[Token, ...]]  # a node's tokens before and after the shared stretch


def same_stream(old_nodes: list[Node], new_nodes: list[Node], visible: Visible) -> bool:
    """The same words in the same order, however they are divided into nodes."""
    # joined texts are equal exactly when the word texts are (no word holds a space), so two
    # streams of different numbers of words differ (but one of no word and one of one word,
    # which may be empty): most changed sections are told apart without joining their texts
    old_count, new_count = sum(map(visible.count, old_nodes)), sum(map(visible.count, new_nodes))
    if old_count != new_count and old_count + new_count > 1:
        return False
    return visible.text(old_nodes) == visible.text(new_nodes)


def resegmented(old_nodes: list[Node], new_nodes: list[Node], visible: Visible) -> list[NodeComparison]:
    """A section whose words are unchanged but divided into paragraphs differently (one
    rendering shows indentation, another does not): each node on its own, unchanged."""
    return [_one_sided(node, "old", visible) for node in old_nodes] + [
        _one_sided(node, "new", visible) for node in new_nodes
    ]


def _one_sided(node: Node, side: Side, visible: Visible) -> NodeComparison:
    tokens = tokenize(node.words)
    low, high = token_span(node, visible, tokens)
    only = one_copy_op(side)
    parts = [(only, tokens[:low]), (Op.EQUAL, tokens[low:high]), (only, tokens[high:])]
    segments = [
        Segment(op, tuple(part), ()) if side == "old" else Segment(op, (), tuple(part)) for op, part in parts if part
    ]
    old, new = (node, None) if side == "old" else (None, node)
    return NodeComparison(old, new, Status.UNCHANGED, segments)


@dataclass(slots=True)
class _StreamSide:
    """One side of a section read as one stream of tokens: the visible tokens of its nodes
    in order, which node each comes from, and each node's tokens outside the shared stretch."""

    nodes: list[Node]
    tokens: list[Token] = field(default_factory=list)
    owners: list[int] = field(default_factory=list)
    hidden: list[Hidden] = field(default_factory=list)

    @classmethod
    def of(cls, nodes: list[Node], visible: Visible) -> "_StreamSide":
        side = cls(nodes)
        for index, node in enumerate(nodes):
            # one stream: a node's first word follows the last node's words after a space (a row
            # showing words of two of OLD's paragraphs beside NEW's one never runs them together)
            tokens = tokenize(node.words, leading_space=index > 0)
            low, high = token_span(node, visible, tokens)
            side.tokens.extend(tokens[low:high])
            side.owners.extend([index] * (high - low))
            side.hidden.append((tuple(tokens[:low]), tuple(tokens[high:])))
        return side

    def starts_node(self, index: int) -> bool:
        """Whether the token at `index` is the first of its node in the stream."""
        return index == 0 or 0 < index < len(self.owners) and self.owners[index] != self.owners[index - 1]

    def owner_at(self, cursor: int) -> int:
        """The node an insertion at `cursor` falls in: the one before it, else the one after."""
        if not self.owners:
            return 0
        return self.owners[min(max(cursor - 1, 0), len(self.owners) - 1)]

    def owner_of(self, tokens: tuple[Token, ...], cursor: int) -> int:
        """The node of the tokens at `cursor`, or, where there are none, of an insertion there."""
        return self.owners[cursor] if tokens else self.owner_at(cursor)

    def parts(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """(owner, start, end) runs of the tokens start:end, one per node."""
        runs: list[tuple[int, int, int]] = []
        for index in range(start, end):
            owner = self.owners[index]
            if runs and runs[-1][0] == owner:
                runs[-1] = (owner, runs[-1][1], index + 1)
            else:
                runs.append((owner, index, index + 1))
        return runs

    def hidden_at(self, index: int | None) -> Hidden:
        """The tokens of the node at `index` outside the shared stretch (none for no node)."""
        return ((), ()) if index is None else self.hidden[index]


@dataclass(slots=True)
class _Atom:
    """A piece of the section's stream diff that lies in one old node and one new node."""

    op: Op
    old: tuple[Token, ...]
    new: tuple[Token, ...]
    old_owner: int
    new_owner: int
    old_cursor: int  # where it starts in the old stream (for the position of an insertion)
    new_cursor: int
    basis: Basis | None = None  # a replacement recovered from a plain printing
    printed: tuple[Token, ...] | None = None  # NEW's printing of it, struck words included


def restreamed(old_nodes: list[Node], new_nodes: list[Node], visible: Visible,
               section: str, rules: NodeRules = NodeRules()) -> list[NodeComparison] | None:
    """A section whose nodes differ in how its words are divided into paragraphs (one rendering
    shows no indentation, a paragraph split in two) and also in a few words: the section's
    words are diffed as one stream, so that equal words under other node boundaries are
    unchanged, and each node is listed beside the node that shares most of its words (or
    alone), under `rules` (`nodes.NodeRules`: a plain printing, a whole replacement's quotation
    marks). Each piece of the stream is shown once, in the row of NEW's node that holds it
    (`_Rows`): words one copy holds in one paragraph and the other in another are never
    printed twice, and NEW reads in order, row by row."""
    old_side, new_side = _StreamSide.of(old_nodes, visible), _StreamSide.of(new_nodes, visible)
    if not old_side.tokens or not new_side.tokens:
        return None
    segments = rules.applied_to_stream(diff_tokens(old_side.tokens, new_side.tokens), old_nodes, new_nodes)
    segments = slid_to_paragraphs(segments, old_side.starts_node, new_side.starts_node)
    atoms = _atoms(segments, old_side, new_side)
    rows = _Rows(old_nodes, new_nodes, atoms)
    for atom in atoms:
        change = None
        if atom.op != Op.EQUAL:
            change = Change(atom.op, old_nodes[atom.old_owner].path, new_nodes[atom.new_owner].path,
                            rebuild(atom.old), rebuild(atom.new),
                            _stream_span(atom.old, old_side, atom.old_cursor),
                            _stream_span(atom.new, new_side, atom.new_cursor), section, basis=atom.basis)
        shown = rows.show(atom)
        if change is not None:
            linked(change, *[segment for _, segment in shown])
            home = rows.comparison(shown[-1][0])
            home.changes.append(change)
            home.status = Status.CHANGED
    return rows.listed(old_side, new_side)


_RowKey = tuple[str, int, int]  # ("pair", old, new), ("old", i, -1), ("new", -1, j)


class StreamedRow(NodeComparison):
    """A row of a restreamed section: the pieces of the stream it shows may be some of another
    row's nodes' words, and not all of its own (`_Rows`)."""

    __slots__ = ()
    whole_nodes = False


class _Rows:
    """The rows of a restreamed section: an old node beside the new node it shares most of its
    words with, or a node alone. Each piece of the stream is shown once: in the row of NEW's
    node that holds it (a piece only OLD holds, in the row of NEW's node where it was: an inline
    redline reads as NEW does, deleted words where they stood), but the words of an old node that
    shares no word with NEW (a paragraph removed, or replaced whole) stay in that node's own
    row. The rows come in the order of what they show; a node whose words all show in other
    rows has none of its own (the words of a paragraph split in two show once, each half with
    its new paragraph)."""

    def __init__(self, old_nodes: list[Node], new_nodes: list[Node], atoms: list[_Atom]):
        self.old_nodes, self.new_nodes = old_nodes, new_nodes
        self.partner_of_old, self.partner_of_new = _partners(atoms)
        # the old nodes that share words with NEW (a period alike at the end of a list is no word shared)
        self.kept = {atom.old_owner for atom in atoms if atom.op == Op.EQUAL and _has_a_word(atom.old)}
        self.comparisons: dict[_RowKey, NodeComparison] = {}
        self.order: list[_RowKey] = []

    def key(self, side: Side, index: int) -> _RowKey:
        if side == "old":
            return ("pair", index, self.partner_of_old[index]) if index in self.partner_of_old else ("old", index, -1)
        return ("pair", self.partner_of_new[index], index) if index in self.partner_of_new else ("new", -1, index)

    def show(self, atom: _Atom) -> list[tuple[_RowKey, Segment]]:
        """Where the atom is shown, and as what: one segment, or (the old words of a node
        removed, replaced by words of another row) its deletion and its insertion."""
        old_home, new_home = self.key("old", atom.old_owner), self.key("new", atom.new_owner)
        removed = old_home[0] == "old" and atom.old_owner not in self.kept
        if old_home == new_home or atom.op == Op.EQUAL or not removed:
            return [self._put(new_home, Segment(atom.op, atom.old, atom.new, basis=atom.basis, printed=atom.printed))]
        shown = [self._put(old_home, Segment(Op.DELETE, atom.old, ()))] if atom.old else []
        if atom.new:
            shown.append(self._put(new_home, Segment(Op.INSERT, (), atom.new)))
        return shown

    def _put(self, key: _RowKey, segment: Segment) -> tuple[_RowKey, Segment]:
        self.comparison(key).segments.append(segment)
        return key, segment

    def comparison(self, key: _RowKey) -> NodeComparison:
        if key not in self.comparisons:
            old = self.old_nodes[key[1]] if key[0] != "new" else None
            new = self.new_nodes[key[2]] if key[0] != "old" else None
            self.comparisons[key] = StreamedRow(old, new, Status.UNCHANGED, [])
            self.order.append(key)
        return self.comparisons[key]

    def listed(self, old_side: "_StreamSide", new_side: "_StreamSide") -> list[NodeComparison]:
        """The rows in order, each with its nodes' words outside the shared stretch."""
        old_owners, new_owners = set(old_side.owners), set(new_side.owners)
        for index in range(len(self.old_nodes)):
            self._keep_unshown(self.key("old", index), old_side.hidden_at(index), index in old_owners)
        for index in range(len(self.new_nodes)):
            self._keep_unshown(self.key("new", index), new_side.hidden_at(index), index in new_owners)
        result = [self.comparisons[key] for key in self.order]
        for key, comparison in zip(self.order, result):
            _add_hidden(comparison, old_side.hidden_at(key[1] if key[0] != "new" else None),
                        new_side.hidden_at(key[2] if key[0] != "old" else None))
            _row_starts_unspaced(comparison)
        return result

    def _keep_unshown(self, key: _RowKey, hidden: Hidden, streamed: bool) -> None:
        """A node no row shows keeps a row when it has words no other row shows: words outside
        the shared stretch, or none in the stream at all (an empty paragraph is still listed)."""
        if key not in self.comparisons and (hidden[0] or hidden[1] or not streamed):
            self.comparison(key)


def _has_a_word(tokens: tuple[Token, ...]) -> bool:
    return any(char.isalnum() for token in tokens for char in token.text)


def _atoms(segments: list[Segment], old_side: _StreamSide, new_side: _StreamSide) -> list[_Atom]:
    """The stream diff's segments cut at every node boundary of either side. A replacement
    recovered from a plain printing stays whole when it lies in one node of each side."""
    atoms: list[_Atom] = []
    old_at = new_at = 0
    for segment in _unrecovered_across_nodes(segments, old_side, new_side):
        old_end, new_end = old_at + len(segment.old), new_at + len(segment.printed_new)
        if segment.printed is not None:
            atoms.append(_Atom(segment.op, segment.old, segment.new, old_side.owners[old_at], new_side.owners[new_at],
                               old_at, new_at, segment.basis, segment.printed))
        elif segment.op == Op.EQUAL and len(segment.old) != len(segment.new):
            # a quotation mark kept alike on one side only (`replacement.Quotes`): one atom,
            # in the node that holds it (the other side's stream may be at its end)
            atoms.append(_Atom(Op.EQUAL, segment.old, segment.new, old_side.owner_of(segment.old, old_at),
                               new_side.owner_of(segment.new, new_at), old_at, new_at))
        elif segment.op == Op.EQUAL:
            start = 0
            for index in range(1, len(segment.old) + 1):
                if index == len(segment.old) or old_side.owners[old_at + index] != old_side.owners[old_at + start] \
                        or new_side.owners[new_at + index] != new_side.owners[new_at + start]:
                    atoms.append(_Atom(Op.EQUAL, segment.old[start:index], segment.new[start:index],
                                       old_side.owners[old_at + start], new_side.owners[new_at + start],
                                       old_at + start, new_at + start))
                    start = index
        else:
            old_parts = old_side.parts(old_at, old_end) or [(old_side.owner_at(old_at), old_at, old_at)]
            new_parts = new_side.parts(new_at, new_end) or [(new_side.owner_at(new_at), new_at, new_at)]
            for number in range(max(len(old_parts), len(new_parts))):
                old_owner, old_start, old_stop = old_parts[min(number, len(old_parts) - 1)]
                new_owner, new_start, new_stop = new_parts[min(number, len(new_parts) - 1)]
                if number >= len(old_parts):
                    old_start = old_stop
                if number >= len(new_parts):
                    new_start = new_stop
                old = tuple(old_side.tokens[old_start:old_stop])
                new = tuple(new_side.tokens[new_start:new_stop])
                atoms.append(_Atom(segment_op(old, new), old, new, old_owner, new_owner, old_start, new_start))
        old_at, new_at = old_end, new_end
    return atoms


def _unrecovered_across_nodes(segments: list[Segment], old_side: _StreamSide,
                               new_side: _StreamSide) -> Iterator[Segment]:
    """The segments, a recovered replacement whose words cross a node boundary of either side
    given back as what the diff read (the struck words equal, the new words inserted)."""
    old_at = new_at = 0
    for segment in segments:
        old_end, new_end = old_at + len(segment.old), new_at + len(segment.printed_new)
        if segment.printed is not None and (len(old_side.parts(old_at, old_end)) > 1
                                            or len(new_side.parts(new_at, new_end)) > 1):
            struck_first = segment.printed[len(segment.printed) - len(segment.new):] == segment.new
            struck = segment.printed[:len(segment.old)] if struck_first else segment.printed[len(segment.new):]
            pieces = [Segment(Op.EQUAL, segment.old, struck), Segment(Op.INSERT, (), segment.new)]
            yield from pieces if struck_first else pieces[::-1]
        else:
            yield segment
        old_at, new_at = old_end, new_end


def _partners(atoms: list[_Atom]) -> tuple[dict[int, int], dict[int, int]]:
    """Old and new nodes that share most of their words with each other (both ways)."""
    shared: dict[tuple[int, int], int] = {}
    for atom in atoms:
        if atom.op == Op.EQUAL:
            key = (atom.old_owner, atom.new_owner)
            shared[key] = shared.get(key, 0) + len(atom.old)
    best_old: dict[int, tuple[int, int]] = {}
    best_new: dict[int, tuple[int, int]] = {}
    for (old, new), count in sorted(shared.items()):
        if count > best_old.get(old, (0, -1))[0]:
            best_old[old] = (count, new)
        if count > best_new.get(new, (0, -1))[0]:
            best_new[new] = (count, old)
    partner_of_old = {old: new for old, (_, new) in best_old.items() if best_new.get(new, (0, -1))[1] == old}
    return partner_of_old, {new: old for old, new in partner_of_old.items()}


def _stream_span(tokens: tuple[Token, ...], side: _StreamSide, cursor: int) -> SourceSpan | None:
    if tokens or not side.tokens:
        return SourceSpan.covering(tokens)
    return SourceSpan.at(side.tokens[min(max(cursor - 1, 0), len(side.tokens) - 1)].position)


def _row_starts_unspaced(comparison: NodeComparison) -> None:
    """Each side of a row begins with no space before its first word. The stream spaces every
    node's first word after the node before it (`_StreamSide.of`): words of two paragraphs
    that one row shows are never run together, and no row starts with a space."""
    old = next((segment for segment in comparison.segments if segment.old), None)
    if old is not None:
        old.old = _unspaced(old.old)
    new = next((segment for segment in comparison.segments if segment.printed_new), None)
    if new is not None:
        if new.printed is not None:
            first = new.printed[0]
            new.printed = _unspaced(new.printed)
            if new.new and new.new[0] is first:  # NEW's printing begins with its new words
                new.new = (new.printed[0],) + new.new[1:]
        else:
            new.new = _unspaced(new.new)


def _unspaced(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    if not tokens[0].space_before:
        return tokens
    return (replace(tokens[0], space_before=False),) + tokens[1:]


def _add_hidden(comparison: NodeComparison, old_hidden: Hidden, new_hidden: Hidden) -> None:
    """Put back the words of a node that lie outside the shared stretch of truncated copies."""
    before = [Segment(Op.ONLY_OLD, old_hidden[0], ()), Segment(Op.ONLY_NEW, (), new_hidden[0])]
    after = [Segment(Op.ONLY_OLD, old_hidden[1], ()), Segment(Op.ONLY_NEW, (), new_hidden[1])]
    comparison.segments = [s for s in before if s.old or s.new] + comparison.segments + [
        s for s in after if s.old or s.new
    ]


def fewer_changes(compared: list[NodeComparison], old_nodes: list[Node], new_nodes: list[Node],
                  visible: Visible, section: str, rules: NodeRules = NodeRules()) -> list[NodeComparison]:
    """Node by node, or (when that added or removed nodes) the section's words as one stream
    (Source notes stay node by node): whichever reports no more changes and fewer words."""
    notes = [node for node in compared if (node.old or node.node).kind == "source_note"]
    old_text = [node for node in old_nodes if node.kind != "source_note"]
    new_text = [node for node in new_nodes if node.kind != "source_note"]
    streamed = restreamed(old_text, new_text, visible, section, rules)
    if streamed is None:
        return compared
    streamed += notes
    changes, words = _changed_words(streamed)
    node_changes, node_words = _changed_words(compared)
    return streamed if changes <= node_changes and words < node_words else compared


def _changed_words(comparisons: list[NodeComparison]) -> tuple[int, int]:
    """(changes, words they take out or put in): to choose between two ways of pairing."""
    changes = [change for comparison in comparisons for change in comparison.changes]
    words = sum(len(change.old_text.split()) + len(change.new_text.split())
                for change in changes if change.op in (Op.INSERT, Op.DELETE, Op.REPLACE, Op.ADD, Op.REMOVE))
    return len(changes), words
