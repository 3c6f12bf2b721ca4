"""Node pairs: the inline redline of two aligned nodes (or of a node only one text has).

Nodes inside a section pair by path relative to the section (so a renumbered Section's
subsections still pair), then by exact text, then by content. An unchanged pair is one
`equal` segment over its words, tokenized only when shown; a changed pair is diffed only
between the words both nodes begin and end with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Sequence

from statdiff.compare.changes import node_change, node_moved, source_change, word_changes
from statdiff.compare.anchors import linked
from statdiff.compare.pairing import Pair
from statdiff.compare.tokens import common_head, may_join_a_unit, tokenize
from statdiff.compare.truncation import Visible
from statdiff.compare.units import Unit
from statdiff.compare.words import diff_tokens
from statdiff.model import (
    WORD_OPS,
    NodeComparison,
    Node,
    NodeWords,
    Op,
    Segment,
    Side,
    Status,
    Token,
    Word,
    WordSegment,
    one_copy_op,
    one_copy_status,
)

if TYPE_CHECKING:
    from statdiff.compare.quotes import Quotes  # (made for a whole-replacement amendment only)

TRIM_MARGIN = 4  # words of common text diffed with the change, so that grouping sees them
# Ordinal paths: `[2]` (a paragraph), ` #2` (a namesake), `WHEREAS 2` / `RESOLVED 1` (a
# resolution's clauses counted in order, `structure.finish.resolution_clause`).
_ORDINAL = re.compile(r"(?:\[\d+\]| #\d+|(?:^| )(?:WHEREAS|RESOLVED) \d+)$")

NodeKey = Callable[[Node], object]


def whole_words(op: Op, old_words: Sequence[Word], new_words: Sequence[Word],
                leading_space: bool = False) -> WordSegment:
    """A segment over whole runs of words, tokenized on first use."""
    return WordSegment(op, old_words, new_words, tokenize, leading_space)


def lone_node(node: Node, side: Side, status: Status, visible: Visible) -> NodeComparison:
    """A node only one text shows: added, removed, not restated or beyond a truncation."""
    if status == Status.NOT_RESTATED:
        op = Op.EQUAL
    elif status.one_copy:
        op = one_copy_op(side)
    else:
        op = Op.DELETE if side == "old" else Op.INSERT
    old, new = (node, None) if side == "old" else (None, node)
    segment = whole_words(op, node.words if old else [], node.words if new else [])
    return NodeComparison(old, new, status, [segment])


@dataclass(frozen=True, slots=True)
class NodeRules:
    """What a node pair's redline takes into account besides its words. `struck`: NEW is a
    plain printing of an amendatory restatement, whose struck words are recovered beside the
    words that replace them (`struck.recover_struck`). `quotes`: the quotation marks around a
    whole-replacement amendment's new body, which are the instruction's, not changes
    (`quotes.Quotes`)."""

    struck: bool = False
    quotes: Quotes | None = None

    def applied(self, segments: list[Segment], old: Node, new: Node) -> list[Segment]:
        if self.quotes is not None:
            segments = self.quotes.kept(segments, old, new)
        if self.struck and old.kind != "source_note":
            from statdiff.compare.struck import recover_struck  # here: only a plain printing's comparison recovers

            segments = recover_struck(segments)
        return segments

    def applied_to_stream(self, segments: list[Segment], old: list[Node], new: list[Node]) -> list[Segment]:
        """`applied` for the diff of a section's nodes read as one stream."""
        if self.quotes is not None:
            segments = self.quotes.kept_stream(segments, new if self.quotes.side == "new" else old)
        if self.struck:
            from statdiff.compare.struck import recover_struck

            segments = recover_struck(segments)
        return segments


def compare_nodes(pair: Pair[Node], section: str, visible: Visible, rules: NodeRules = NodeRules()) -> NodeComparison:
    """The redline of one node pair (or of a node left unpaired) and its changes, under `rules`."""
    if pair.old is None or pair.new is None:
        node = pair.old if pair.old is not None else pair.new
        assert node is not None
        side: Side = "old" if pair.old is not None else "new"
        if not visible.count(node):
            return lone_node(node, side, one_copy_status(side), visible)
        comparison = lone_node(node, side, Status.REMOVED if side == "old" else Status.ADDED, visible)
        comparison.changes.append(node_change(node, node.words, side, section))
        return comparison
    if not pair.moved and visible.whole(pair.old) and visible.whole(pair.new) and (
        visible.same_texts(pair.old, pair.new)
    ):
        return UnchangedPair(pair.old, pair.new, Status.UNCHANGED, None)  # type: ignore[arg-type]
    segments = rules.applied(_node_segments(pair.old, pair.new, visible), pair.old, pair.new)
    changes = word_changes(pair.old, pair.new, segments, section)
    if pair.old.kind == "source_note" and changes:
        changes = [linked(source_change(pair.old, pair.new, section),
                          *[segment for segment in segments if segment.anchor])]
    status = Status.CHANGED if changes else Status.UNCHANGED
    if pair.moved and pair.old.kind != "source_note":
        changes.insert(0, node_moved(pair.old, pair.new, section))
        status = Status.MOVED
    return NodeComparison(pair.old, pair.new, status, segments, changes)


def unchanged_node(old: Node, new: Node) -> NodeComparison:
    """Two whole nodes with the same words: one `equal` segment, tokenized only when shown."""
    return NodeComparison(old, new, Status.UNCHANGED, equal_segments(old, new))


def equal_segments(old: Node, new: Node) -> list[Segment]:
    """An unchanged pair's segments: one `equal` segment over both nodes' words (made when read)."""
    return [whole_words(Op.EQUAL, NodeWords(old), NodeWords(new))]


def unchanged_nodes(old_nodes: list[Node], new_nodes: list[Node]) -> list[NodeComparison]:
    """`unchanged_node` of each pair of an unchanged section's nodes (the common case: one
    step a node, nothing built beyond the comparison; its segment is made when first read)."""
    unchanged = Status.UNCHANGED
    return [UnchangedPair(old, new, unchanged, None) for old, new in zip(old_nodes, new_nodes)]  # type: ignore[arg-type]


_SEGMENTS_SLOT = NodeComparison.__dict__["segments"]  # the slot `NodeComparison.segments` is kept in


class UnchangedPair(NodeComparison):
    """`unchanged_node(old, new)` whose segments are made on first read: most nodes of two
    versions are unchanged, and only what shows one reads its segments. Every reader sees
    the list `unchanged_node` gives (one `equal` segment over the nodes' words)."""

    __slots__ = ()

    @property
    def segments(self) -> list[Segment]:
        segments = _SEGMENTS_SLOT.__get__(self)
        if segments is None:
            assert self.old is not None and self.new is not None
            segments = equal_segments(self.old, self.new)
            _SEGMENTS_SLOT.__set__(self, segments)
        return segments

    @segments.setter
    def segments(self, segments: list[Segment] | None) -> None:
        _SEGMENTS_SLOT.__set__(self, segments)

    def made_segments(self) -> list[Segment]:
        segments: list[Segment] | None = _SEGMENTS_SLOT.__get__(self)
        return [] if segments is None else segments


def punctuation_at_the_cut(comparison: NodeComparison, section: str, cut: Side, at_end: bool) -> None:
    """Where the `cut` copy stops (`at_end`; else where it begins) in this node pair, the
    punctuation of the other copy's word there is beyond the cut, not deleted: `system.`
    against a copy that stops at `system or` keeps its period as text only that copy holds
    (`or` inserted, `.` one-copy), and so does the closing quote of `"... system data"`
    against a copy that stops at `data or written`. The node's word changes follow."""
    if comparison.old is None or comparison.new is None or comparison.old.kind == "source_note":
        return
    segments = comparison.segments if at_end else comparison.segments[::-1]
    other: Side = "old" if cut == "new" else "new"
    index = next((i for i in range(len(segments) - 1, -1, -1) if _side(segments[i], cut)), None)
    if index is None:
        return
    found = _beyond(segments, index, cut, other)
    if found is None:
        return
    low, replacement = found
    segments = segments[:low] + replacement + segments[index + 1 + (low == index + 1):]
    comparison.segments = segments if at_end else segments[::-1]
    kept = [change for change in comparison.changes if change.op not in WORD_OPS]
    comparison.changes = kept + word_changes(comparison.old, comparison.new, comparison.segments, section)
    if not comparison.changes and comparison.status == Status.CHANGED:
        comparison.status = Status.UNCHANGED


def _side(segment: Segment, side: Side) -> tuple[Token, ...]:
    return segment.old if side == "old" else segment.new


def _beyond(segments: list[Segment], index: int, cut: Side, other: Side) -> tuple[int, list[Segment]] | None:
    """(where the replaced segments begin, what replaces them) when the segment holding the
    cut copy's last token at `index` (or the one after it) changes only the other copy's
    punctuation there; None otherwise. Lists are in reading order read from the cut."""
    segment = segments[index]
    one_copy = one_copy_op(other)

    def only(tokens: tuple[Token, ...]) -> Segment:
        return Segment(one_copy, tokens, ()) if other == "old" else Segment(one_copy, (), tokens)

    if segment.op == Op.REPLACE and _punctuation(_side(segment, other)):
        theirs, ours = _side(segment, other), _side(segment, cut)
        kept = Segment(Op.INSERT, (), ours) if cut == "new" else Segment(Op.DELETE, ours, ())
        return index, [kept, only(theirs)]
    following = segments[index + 1] if index + 1 < len(segments) else None
    if segment.op == Op.EQUAL and following is not None and following.op in WORD_OPS \
            and not _side(following, cut) and _punctuation(_side(following, other)):
        return index + 1, [only(_side(following, other))]
    return None


def _punctuation(tokens: tuple[Token, ...]) -> bool:
    return bool(tokens) and not any(char.isalnum() for token in tokens for char in token.text)


def _node_segments(old: Node, new: Node, visible: Visible) -> list[Segment]:
    if visible.whole(old) and visible.whole(new):
        if visible.same_texts(old, new):
            return [whole_words(Op.EQUAL, old.words, new.words)]
        return _trimmed_segments(old.words, new.words)
    old_tokens = tokenize(old.words)
    new_tokens = tokenize(new.words)
    old_low, old_high = token_span(old, visible, old_tokens)
    new_low, new_high = token_span(new, visible, new_tokens)
    segments: list[Segment] = []
    if old_low:
        segments.append(Segment(Op.ONLY_OLD, tuple(old_tokens[:old_low]), ()))
    if new_low:
        segments.append(Segment(Op.ONLY_NEW, (), tuple(new_tokens[:new_low])))
    segments.extend(diff_tokens(old_tokens[old_low:old_high], new_tokens[new_low:new_high]))
    if old_high < len(old_tokens):
        segments.append(Segment(Op.ONLY_OLD, tuple(old_tokens[old_high:]), ()))
    if new_high < len(new_tokens):
        segments.append(Segment(Op.ONLY_NEW, (), tuple(new_tokens[new_high:])))
    return segments


def _trimmed_segments(old: list[Word], new: list[Word]) -> list[Segment]:
    """Diff only what lies between the words both nodes begin and end with: the common
    head and tail stay one lazy `equal` segment each (a long node changed in one place)."""
    head = common_head(old, new)
    tail = common_head(old[head:][::-1], new[head:][::-1])
    head, tail = _clear_of_units(old, head, TRIM_MARGIN), _clear_of_units(old[::-1], tail, TRIM_MARGIN)
    old_middle = tokenize(old[head:len(old) - tail], leading_space=head > 0)
    new_middle = tokenize(new[head:len(new) - tail], leading_space=head > 0)
    segments: list[Segment] = []
    if head:
        segments.append(whole_words(Op.EQUAL, old[:head], new[:head]))
    segments.extend(diff_tokens(old_middle, new_middle))
    if tail:
        segments.append(whole_words(Op.EQUAL, old[len(old) - tail:], new[len(new) - tail:], leading_space=True))
    return segments


def _clear_of_units(words: list[Word], count: int, margin: int) -> int:
    """`count` less the margin, and less any word that may belong to a multi-word unit
    (`815 ILCS 530/10`, `P.A. 94-947`) cut by the boundary."""
    count = max(0, count - margin)
    while count and may_join_a_unit(words[count - 1].text):
        count -= 1
    return count


def token_span(node: Node, visible: Visible, tokens: list[Token]) -> tuple[int, int]:
    """The tokens of the node's visible words (tokens keep their word's position object)."""
    start, end = visible.span(node)
    if (start, end) == (0, len(node.words)):
        return 0, len(tokens)
    word_index = _token_word_index(tokens)
    low = next((i for i, w in enumerate(word_index) if w >= start), len(tokens))
    high = next((i for i, w in enumerate(word_index) if w >= end), len(tokens))
    return low, max(low, high)


def _token_word_index(tokens: list[Token]) -> list[int]:
    """For each token, the index of the word it starts in."""
    indices = []
    word = -1
    for index, token in enumerate(tokens):
        if index == 0 or token.space_before:
            word += 1
        indices.append(word)
        word += token.text.count(" ")  # a multi-word unit spans one word per space
    return indices


def same_text(visible: Visible) -> NodeKey:
    """Unchanged unnumbered paragraphs pair by their exact text before any fuzzy matching."""

    def key(node: Node) -> object:
        # joined texts are equal exactly when the texts are (no word holds a space)
        return (node.kind, visible.joined(node))

    return key


def same_nodes(old_nodes: list[Node], new_nodes: list[Node], visible: Visible) -> bool:
    """An unchanged section: the same kinds of node with the same words, in the same order."""
    if len(old_nodes) != len(new_nodes):
        return False
    if not visible.slices:  # whole copies (the common case): every word is visible
        return same_whole_nodes(old_nodes, new_nodes)
    return same_visible_nodes(old_nodes, new_nodes, visible)


def same_visible_nodes(old_nodes: list[Node], new_nodes: list[Node], visible: Visible) -> bool:
    """`same_nodes` of truncated copies. The cheapest tests first: the node count, each node's
    kind and number of visible words, and only then the words, read up to the first difference
    (`Visible.same_texts`)."""
    return len(old_nodes) == len(new_nodes) and all(
        old.kind == new.kind and visible.count(old) == visible.count(new) for old, new in zip(old_nodes, new_nodes)
    ) and all(visible.same_texts(old, new) for old, new in zip(old_nodes, new_nodes))


def same_whole_nodes(old_nodes: list[Node], new_nodes: list[Node]) -> bool:
    """`same_nodes` when every word is visible, without a Python step a word: the nodes'
    kinds and texts compared as two lists."""
    return list(map(_kind_and_text, old_nodes)) == list(map(_kind_and_text, new_nodes))


def _kind_and_text(node: Node) -> tuple[str, str]:
    """A node's kind and text: a node's text joins its words' texts with single spaces and no
    word holds a space, so two nodes' texts are equal exactly when their words' texts are (for
    a node whose words were never asked for, the text is a slice of its document's: no Word)."""
    return node.kind, node.text


def relative_key(old_unit: Unit, new_unit: Unit) -> NodeKey:
    """A node's path relative to its section, so that a renumbered Section's nodes still pair.
    Ordinal paths (`[2]`, ` #2`, `WHEREAS 2`) shift when a paragraph is inserted: those pair by
    content."""

    def key(node: Node) -> object:
        if _ORDINAL.search(node.path):
            return None
        for unit in (old_unit, new_unit):
            if unit.path and node.path.startswith(unit.path):
                return (node.kind, node.path[len(unit.path):].lstrip())
        return (node.kind, node.path)

    return key
