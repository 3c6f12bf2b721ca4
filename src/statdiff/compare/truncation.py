"""Truncated copies: which words of each node take part in the comparison.

A copy of a text cut short (a partial page, a mirror that stops mid-Section) must not
read as a rewrite. Judged on each document's whole word sequence (versions mode): a
copy is truncated when its last (first) word is cut mid-word, or when it stops (begins)
mid-sentence inside a node of the other copy; what the two copies then share must be at
least TRUNCATION_MIN_SIMILARITY alike. Text outside the shared stretch is `only_old` /
`only_new` (segments and statuses), never a change; an edit among the last words the
copies share stays an edit. `Visible` records the shared stretch node by node.
"""

from __future__ import annotations

import re
from typing import Callable

from rapidfuzz.distance import Indel

from statdiff.model import Document, Node, Word

TRUNCATION_ANCHOR = 6  # words
TRUNCATION_MIN_SIMILARITY = 0.85
TRUNCATION_MIN_LEAD = 12  # words before a copy's first word, unless it is cut or starts a printed line
TRUNCATION_LOOKBACK = 24  # words: how far before a copy's edge an edit may lie

Slices = dict[Node, tuple[int, int]]  # node -> (first, last + 1) of its words that are visible
Overlap = tuple[tuple[int, int], tuple[int, int]]  # ((old_start, old_end), (new_start, new_end))
LineTest = Callable[[int], bool]


class Visible:
    """Which words of each node take part in the comparison (all, unless a copy is truncated)."""

    def __init__(self, slices: Slices | None = None):
        self.slices: Slices = slices or {}
        self._texts: dict[Node, tuple[str, ...]] = {}

    def texts(self, node: Node) -> tuple[str, ...]:
        """The visible words' texts (cached: pairing and diffing both ask)."""
        texts = self._texts.get(node)
        if texts is None:
            texts = self._texts[node] = tuple([word.text for word in self.words(node)])
        return texts

    def whole(self, node: Node) -> bool:
        return node not in self.slices or self.slices[node] == (0, len(node.words))

    @classmethod
    def for_truncation(cls, old: Document, new: Document, leave_out: frozenset[Node] = frozenset()) -> "Visible":
        """The words of two versions that take part, judged on each one's whole word sequence
        less the nodes `leave_out` (front matter no comparison holds against the other text)."""
        old_nodes, old_starts, old_texts = flatten([node for node in old.root.walk() if node not in leave_out])
        new_nodes, new_starts, new_texts = flatten([node for node in new.root.walk() if node not in leave_out])
        overlap = shared_stretch(
            old_texts, new_texts, node_breaks(old_nodes, old_starts), node_breaks(new_nodes, new_starts),
            line_start_test([word for node in old_nodes for word in node.words]),
            line_start_test([word for node in new_nodes for word in node.words]),
        )
        slices: Slices = {}
        if overlap is not None:
            (old_start, old_end), (new_start, new_end) = overlap
            slice_nodes(old_nodes, old_starts, old_start, old_end, slices)
            slice_nodes(new_nodes, new_starts, new_start, new_end, slices)
        visible = cls(slices)
        visible._keep_texts(old_nodes, old_starts, old_texts)
        visible._keep_texts(new_nodes, new_starts, new_texts)
        return visible

    def _keep_texts(self, nodes: list[Node], starts: list[int], texts: list[str]) -> None:
        """Every node's visible texts, sliced from its document's word texts (computed once)."""
        for node, start in zip(nodes, starts):
            low, high = self.span(node)
            self._texts[node] = tuple(texts[start + low:start + high])

    def span(self, node: Node) -> tuple[int, int]:
        return self.slices.get(node, (0, len(node.words)))

    def words(self, node: Node) -> list[Word]:
        """The visible words (the node's own list when all are visible: do not modify it)."""
        if node not in self.slices:
            return node.words
        start, end = self.slices[node]
        return node.words[start:end]

    def count(self, node: Node) -> int:
        start, end = self.span(node)
        return end - start

    def text(self, nodes: list[Node]) -> str:
        return " ".join([text for node in nodes for text in self.texts(node)])

    def has_words(self, nodes: list[Node]) -> bool:
        if not self.slices:
            return any(node.words for node in nodes)
        return any(self.count(node) for node in nodes)


def flatten(nodes: list[Node]) -> tuple[list[Node], list[int], list[str]]:
    """The nodes, the index of each one's first word, and all word texts, in order."""
    starts: list[int] = []
    texts: list[str] = []
    for node in nodes:
        starts.append(len(texts))
        texts.extend([word.text for word in node.words])
    return nodes, starts, texts


def node_breaks(nodes: list[Node], starts: list[int]) -> set[int]:
    """Word indices where a node with words starts."""
    return {start for node, start in zip(nodes, starts) if node.words}


def line_start_test(source: Node | list[Word]) -> LineTest:
    """A test of whether the word at an index begins a printed line (known page and line
    numbers that differ from the previous word's). Built on first use."""
    words: list[Word] = []

    def starts_line(index: int) -> bool:
        if not words:
            words.extend(source if isinstance(source, list) else source.all_words())
        if not 0 < index < len(words):
            return False
        before, here = words[index - 1].position, words[index].position
        if before is None or here is None or here.line is None or before.line is None:
            return False
        return (before.page, before.line) != (here.page, here.line)

    return starts_line


def slice_nodes(nodes: list[Node], starts: list[int], start: int, end: int, slices: Slices) -> None:
    for node, offset in zip(nodes, starts):
        count = len(node.words)
        low = min(max(start - offset, 0), count)
        high = min(max(end - offset, 0), count)
        slices[node] = (low, max(low, high))


def find_truncation(old_words: list[Word], new_words: list[Word], old_breaks: set[int] | None = None,
                    new_breaks: set[int] | None = None) -> Overlap | None:
    """((old_start, old_end), (new_start, new_end)) of the stretch two copies share when
    one of them is truncated, None otherwise.

    A copy is truncated at its end when its last word is the head of a word of the other
    copy (cut mid-word), or when it stops mid-sentence inside a node of the other copy: a
    copy that simply lacks the last Sections ends at a node boundary and is a removal,
    not a truncation. Likewise at its start (which must also fall at a printed line of
    the other copy, or TRUNCATION_MIN_LEAD words into it). `*_breaks` are the word
    indices where a node starts (None: every cut counts). What the copies then share must
    be at least TRUNCATION_MIN_SIMILARITY alike (rapidfuzz Indel over the words).
    """
    return shared_stretch([word.text for word in old_words], [word.text for word in new_words],
                          old_breaks, new_breaks, line_start_test(old_words), line_start_test(new_words))


def shared_stretch(old_texts: list[str], new_texts: list[str], old_breaks: set[int] | None,
                   new_breaks: set[int] | None, old_lines: LineTest | None = None,
                   new_lines: LineTest | None = None) -> Overlap | None:
    """`find_truncation` over word texts, with the line-start tests of each copy."""
    if not old_texts or not new_texts or old_texts == new_texts:
        return None
    old_breaks = old_breaks or set()
    new_breaks = new_breaks or set()
    old_start, new_start = _truncated_start(old_texts, new_texts, (old_breaks, old_lines or _never),
                                            (new_breaks, new_lines or _never))
    old_end, new_end = _truncated_end(old_texts, new_texts, old_breaks, new_breaks, old_start - new_start)
    if (old_start, new_start, old_end, new_end) == (0, 0, len(old_texts), len(new_texts)):
        return None
    if old_start >= old_end or new_start >= new_end:
        return None
    vocabulary: dict[str, int] = {}
    shared_old = [vocabulary.setdefault(text, len(vocabulary)) for text in old_texts[old_start:old_end]]
    shared_new = [vocabulary.setdefault(text, len(vocabulary)) for text in new_texts[new_start:new_end]]
    if Indel.normalized_similarity(shared_old, shared_new) < TRUNCATION_MIN_SIMILARITY:
        return None
    return (old_start, old_end), (new_start, new_end)


def _truncated_end(old: list[str], new: list[str], old_breaks: set[int], new_breaks: set[int],
                   shift: int) -> tuple[int, int]:
    """(old_end, new_end): where the shared stretch ends, if one copy stops short of the other.
    `shift` is old_start - new_start: where one copy's words are expected in the other."""
    found = _stops_inside(new, old, old_breaks, expected=len(new) + shift)
    if found is not None:
        return found[0], found[1]
    found = _stops_inside(old, new, new_breaks, expected=len(old) - shift)
    if found is not None:
        return found[1], found[0]
    return len(old), len(new)


def _truncated_start(old: list[str], new: list[str], old_edges: tuple[set[int], LineTest],
                     new_edges: tuple[set[int], LineTest]) -> tuple[int, int]:
    """(old_start, new_start): where the shared stretch starts, if one copy begins mid-way
    through the other: the end of the copies read backwards. `*_edges` are the word
    indices where a node starts and where a printed line starts."""
    old_back, new_back = old[::-1], new[::-1]
    old_breaks, new_breaks = ({len(words) - index for index in edges[0]} for words, edges in
                              ((old, old_edges), (new, new_edges)))
    found = _stops_inside(new_back, old_back, old_breaks, expected=None,
                          starts_line=lambda back: old_edges[1](len(old) - back))
    if found is not None:
        return len(old) - found[0], len(new) - found[1]
    found = _stops_inside(old_back, new_back, new_breaks, expected=None,
                          starts_line=lambda back: new_edges[1](len(new) - back))
    if found is not None:
        return len(old) - found[1], len(new) - found[0]
    return 0, 0


def _stops_inside(short: list[str], long: list[str], long_breaks: set[int],
                  expected: int | None, starts_line: LineTest | None = None) -> tuple[int, int] | None:
    """(long_end, short_end) if `short` is a copy of `long` cut off before `long` ends.

    It is when its last word is the head of the word `long` has there (cut mid-word), or
    when it stops mid-sentence inside a node of `long`, however few words `long` has left.
    A real edit among the last words the copies share stays inside the shared stretch.
    `expected=None` reads the copies backwards (a copy that begins mid-way): then the
    sentence test is on the word of `long` just before the copy begins, and, unless the
    copy begins at a printed line of `long` (`starts_line`: a rendering that leaves out the
    first lines), `long` must hold TRUNCATION_MIN_LEAD words before it: deleting the
    first words of a text is an edit."""
    backwards = expected is None
    long_end = _mapped_end(short, long, expected)
    if long_end is None or long_end >= len(long) or not long_end:
        return None
    last, there = short[-1], long[long_end - 1]
    cut_off = there.endswith(last) if backwards else there.startswith(last) and not SENTENCE_END.search(last)
    if there != last and cut_off:
        return long_end - 1, len(short) - 1  # the cut word is text of one copy only
    if SENTENCE_END.search(long[long_end] if backwards else last):
        return None
    if long_end in long_breaks:
        return None  # a copy that lacks whole nodes: those are removed / added
    if backwards and len(long) - long_end < TRUNCATION_MIN_LEAD and not (starts_line and starts_line(long_end)):
        return None
    return long_end, len(short)


def _mapped_end(short: list[str], long: list[str], expected: int | None) -> int | None:
    """The index in `long` matching the end of `short`: found by the last six words of
    `short` that `long` holds, then the few words after them matched one by one.

    With `expected` (where the end should be if the copies hold the same words), only
    the stretch of `long` that could still be TRUNCATION_MIN_SIMILARITY alike is searched."""
    size = len(short)
    low, high = 0, len(long)
    if expected is not None:
        margin = int(size * (1 - TRUNCATION_MIN_SIMILARITY)) + 2 * TRUNCATION_LOOKBACK
        low, high = max(0, expected - margin), min(len(long), expected + margin)
    absent: set[str] = set()  # words `long` does not hold there: any anchor with one fails
    for back in range(min(TRUNCATION_LOOKBACK, size - TRUNCATION_ANCHOR) + 1):
        anchor = short[size - back - TRUNCATION_ANCHOR:size - back]
        if absent.intersection(anchor):
            continue
        found = occurrences(long, anchor, low, high, absent)
        if not found:
            continue
        if expected is None:
            anchor_end = found[-1] + TRUNCATION_ANCHOR
        else:
            target = expected
            anchor_end = min(found, key=lambda index: abs(index + TRUNCATION_ANCHOR + back - target)) \
                + TRUNCATION_ANCHOR
        if not back:
            return anchor_end
        return anchor_end + _matched_length(short[size - back:], long[anchor_end:anchor_end + back + 3],
                                            backwards=expected is None)
    return None


def _matched_length(rest: list[str], window: list[str], backwards: bool) -> int:
    """How many words of `window` (what `long` holds after the anchor) the words `rest` stand
    for: the length whose words `rest` matches best (fewest Indel edits; a last word cut
    mid-word matches the whole word), the nearest to len(rest) among equals. Words are
    matched but for their edge punctuation ("system." stands for "system" when the copy
    inserts words after it), and `rest` may stand for far fewer words than it has."""
    vocabulary: dict[str, int] = {}
    rest_ids = [vocabulary.setdefault(_bare(text), len(vocabulary)) for text in rest]
    window_ids = [vocabulary.setdefault(_bare(text), len(vocabulary)) for text in window]
    if len(window) < len(rest) - 3:
        return len(window)  # `long` ends before `rest` could: `short` is not the copy cut here
    best: tuple[int, int, int] | None = None
    for length in range(1, min(len(window), len(rest) + 3) + 1):
        ids = rest_ids
        there = window[length - 1]
        if there != rest[-1] and (there.endswith(rest[-1]) if backwards else there.startswith(rest[-1])):
            ids = rest_ids[:-1] + [window_ids[length - 1]]
        candidate = (Indel.distance(ids, window_ids[:length]), abs(length - len(rest)), length)
        if best is None or candidate < best:
            best = candidate
    return best[2] if best is not None else min(len(rest), len(window))


SENTENCE_END = re.compile(r"[.;:][\")”’]*$")
_EDGE_PUNCTUATION = "\"'“”‘’()[],.;:"


def _bare(word: str) -> str:
    return word.strip(_EDGE_PUNCTUATION) or word


def _never(index: int) -> bool:
    return False


def cut_mid_word(last: str, there: str) -> bool:
    """`last` is the head of the word `there` (a copy cut mid-word), not a sentence end."""
    return last != there and there.startswith(last) and not SENTENCE_END.search(last)


def occurrences(words: list[str], anchor: list[str], low: int = 0, high: int | None = None,
                absent: set[str] | None = None) -> list[int]:
    """Every index where `anchor` starts in `words` (within low:high), found by scanning for
    its longest word (long words are rare: "the" and "of" would stop the scan at every other
    word). A scanned word that does not occur at all is added to `absent`."""
    high = len(words) if high is None else high
    key = max(range(len(anchor)), key=lambda offset: len(anchor[offset]))
    width = len(anchor)
    found: list[int] = []
    index = low + key - 1
    while True:
        try:
            index = words.index(anchor[key], index + 1, high)  # a C scan: documents have 10^4-10^5 words
        except ValueError:
            if index == low + key - 1 and absent is not None and anchor[key] not in words[low:low + key]:
                absent.add(anchor[key])  # nowhere in low:high (the scan began `key` words in)
            return found
        if words[index - key:index - key + width] == anchor:
            found.append(index - key)


def split_visible(nodes: list[Node], visible: Visible) -> tuple[list[Node], list[Node], list[Node]]:
    """Nodes with words before the visible stretch, in it, and after it (truncated copies)."""
    with_words = [node for node in nodes if node.words]
    if not visible.slices:
        return [], with_words, []
    shown = [index for index, node in enumerate(with_words) if visible.count(node)]
    if not shown:
        return [], [], with_words
    return with_words[:shown[0]], with_words[shown[0]:shown[-1] + 1], with_words[shown[-1] + 1:]
