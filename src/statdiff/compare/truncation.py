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

from operator import attrgetter, eq
from typing import Callable, Iterator

from rapidfuzz.distance import Indel, Levenshtein

from statdiff.law.compiling import when_used
from statdiff.model import Document, Node, Word

TRUNCATION_ANCHOR = 6  # words
TRUNCATION_MIN_SIMILARITY = 0.85
TRUNCATION_MIN_LEAD = 12  # words before a copy's first word, unless it is cut or starts a printed line
TRUNCATION_LOOKBACK = 24  # words: how far before a copy's edge an edit may lie
TRUNCATION_WINDOW = 60  # words of a copy's end by which a candidate stop is judged
TRUNCATION_PLACES = 8  # candidate stops looked at (a phrase recurring near the cut gives several)

WORD_TEXT = attrgetter("text")
Slices = dict[Node, tuple[int, int]]  # node -> (first, last + 1) of its words that are visible
Overlap = tuple[tuple[int, int], tuple[int, int]]  # ((old_start, old_end), (new_start, new_end))
LineTest = Callable[[int], bool]


class Visible:
    """Which words of each node take part in the comparison (all, unless a copy is truncated)."""

    def __init__(self, slices: Slices | None = None):
        self.slices: Slices = slices or {}
        self._texts: dict[Node, tuple[str, ...]] = {}
        self._joined: dict[Node, str] = {}

    def texts(self, node: Node) -> tuple[str, ...]:
        """The visible words' texts (cached: pairing and diffing both ask)."""
        texts = self._texts.get(node)
        if texts is None:
            texts = self._texts[node] = tuple(map(WORD_TEXT, self.words(node)))
        return texts

    def joined(self, node: Node) -> str:
        """`" ".join(texts(node))`: for a whole node whose texts were never asked for, its
        text (a slice of its document's text when its words were never made: no Word). Kept:
        pairing, diffing and restreaming a changed section ask for it again, often after its
        words were made (a comparison never changes a node's words)."""
        joined = self._joined.get(node)
        if joined is None:
            texts = self._texts.get(node)
            if texts is None and node not in self.slices:
                joined = node.text  # its words' texts joined by single spaces, as `texts` reads them
            else:
                joined = " ".join(self.texts(node) if texts is None else texts)
            self._joined[node] = joined
        return joined

    def same_texts(self, old: Node, new: Node) -> bool:
        """Whether two nodes' visible words read the same: `texts(old) == texts(new)`, but
        read word by word up to the first difference, keeping nothing, when neither node's
        texts were asked for yet (an unchanged node's are never asked for again)."""
        if old in self._texts or new in self._texts:
            return self.texts(old) == self.texts(new)
        if old not in self.slices and new not in self.slices:
            # whole nodes: no word holds a space, so equal joined texts are equal words
            return self.joined(old) == self.joined(new)
        old_words, new_words = self.words(old), self.words(new)
        return len(old_words) == len(new_words) and all(
            map(eq, map(WORD_TEXT, old_words), map(WORD_TEXT, new_words)))

    def whole(self, node: Node) -> bool:
        return node not in self.slices or self.slices[node] == (0, node.word_count())

    @classmethod
    def for_truncation(cls, old: Document, new: Document, leave_out: frozenset[Node] = frozenset(),
                       reword: Callable[[Node, int, str], str] | None = None) -> "Visible":
        """The words of two versions that take part, judged on each one's whole word sequence
        less the nodes `leave_out` (front matter no comparison holds against the other text),
        each word read as `reword(node, index, text)` says (a whole replacement's quotation
        marks are the instruction's, not the text's)."""
        if reword is None and edge_texts(old.root, leave_out) == edge_texts(new.root, leave_out):
            # whole copies, each beginning and ending as the other does (the common case):
            # no cut is possible (`shared_stretch`), so no word is flattened and no tree is
            # walked past its two ends; each node's texts are read when a comparison first
            # asks for them
            return cls()
        old_nodes = [node for node in old.root.walk() if node not in leave_out]
        new_nodes = [node for node in new.root.walk() if node not in leave_out]
        old_nodes, old_starts, old_texts = flatten(old_nodes, reword)
        new_nodes, new_starts, new_texts = flatten(new_nodes, reword)
        overlap = shared_stretch(
            old_texts, new_texts, node_breaks(old_nodes, old_starts), node_breaks(new_nodes, new_starts),
            line_start_test(lambda: [word for node in old_nodes for word in node.words]),
            line_start_test(lambda: [word for node in new_nodes for word in node.words]),
            endings=(ending(old_nodes), ending(new_nodes)),
            exact_edges=old.prose and new.prose,
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
        return self.slices.get(node, (0, node.word_count()))

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
        """The nodes' visible words' texts, joined by single spaces."""
        return " ".join([self.joined(node) for node in nodes if self.count(node)])

    def has_words(self, nodes: list[Node]) -> bool:
        if not self.slices:
            return any(node.has_words() for node in nodes)
        return any(self.count(node) for node in nodes)


def flatten(nodes: list[Node], reword: Callable[[Node, int, str], str] | None = None
            ) -> tuple[list[Node], list[int], list[str]]:
    """The nodes, the index of each one's first word, and all word texts, in order (each as
    `reword(node, index, text)` reads it, where given)."""
    starts: list[int] = []
    texts: list[str] = []
    for node in nodes:
        starts.append(len(texts))
        if reword is None:
            texts.extend(map(WORD_TEXT, node.words))
        else:
            texts.extend([reword(node, index, word.text) for index, word in enumerate(node.words)])
    return nodes, starts, texts


def edge_texts(root: Node, leave_out: frozenset[Node] = frozenset()) -> tuple[list[str], list[str]]:
    """The texts of the first and of the last TRUNCATION_ANCHOR words of the tree's words read
    in order, less the nodes `leave_out` (all of them when there are fewer): what
    `shared_stretch` compares to tell whole copies, read from the nodes at either end of the
    tree (`Node.walk` from the start, `walk_backwards` from the end), not from the rest."""
    first: list[str] = []
    for node in root.walk():
        if node in leave_out:
            continue
        first.extend(map(WORD_TEXT, node.words[:TRUNCATION_ANCHOR - len(first)]))
        if len(first) == TRUNCATION_ANCHOR:
            break
    last: list[str] = []
    for node in walk_backwards(root):
        if node in leave_out:
            continue
        last[:0] = map(WORD_TEXT, node.words[-(TRUNCATION_ANCHOR - len(last)):])
        if len(last) == TRUNCATION_ANCHOR:
            break
    return first, last


def walk_backwards(root: Node) -> Iterator[Node]:
    """`root.walk()` in reverse order (the last node first), one node at a time: a node
    after its children, its last child first."""
    stack = [(root, False)]
    while stack:
        node, children_seen = stack.pop()
        if children_seen or not node.children:
            yield node
        else:
            stack.append((node, True))
            stack.extend([(child, False) for child in node.children])


# How a text ends, for the search for a cut (`ending`): on words that announce more, on a
# unit that is complete without closing punctuation, or as words do (a sentence's end or not).
OPEN, COMPLETE, PLAIN = "open", "complete", ""


def ending(nodes: list[Node]) -> str:
    """OPEN where a text ends on words that announce more: a citation line with no Section
    after it, or a colon (`... is amended by changing Section 6-15 as follows:`); no text ends
    there, so a copy that does is cut, even where the other copy begins a node. COMPLETE where
    it ends with a table row (`| Supplier | 7 |`): whole as a sentence that ends is, so a copy
    that stops there lacks what follows, as one that stops at a sentence's end does. Else PLAIN."""
    last = next((node for node in reversed(nodes) if node.has_words()), None)
    if last is None:
        return PLAIN
    if last.kind == "citation" or last.word_at(-1).text.endswith(":"):
        return OPEN
    return COMPLETE if last.kind == "row" else PLAIN


def node_breaks(nodes: list[Node], starts: list[int]) -> set[int]:
    """Word indices where a node with words starts."""
    return {start for node, start in zip(nodes, starts) if node.has_words()}


def line_start_test(source: Node | list[Word] | Callable[[], list[Word]]) -> LineTest:
    """A test of whether the word at an index begins a printed line (known page and line
    numbers that differ from the previous word's). Its words (a node's, a list, or what a
    function returns) are gathered on first use."""
    words: list[Word] = []

    def starts_line(index: int) -> bool:
        if not words:
            words.extend(source if isinstance(source, list) else
                         source.all_words() if isinstance(source, Node) else source())
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
                   new_lines: LineTest | None = None, endings: tuple[str, str] = (PLAIN, PLAIN),
                   exact_edges: bool = False) -> Overlap | None:
    """`find_truncation` over word texts, with the line-start tests of each copy. Copies
    that begin (end) with the same TRUNCATION_ANCHOR words are not cut there, and the
    search for a cut is not made: two whole copies cost two slice comparisons.
    `exact_edges`: a copy is cut only where its first (last) TRUNCATION_ANCHOR words are the
    other copy's words there, character for character (its edge word may be cut from the
    other's): two documents that are not legislation (`Document.prose`, published whole, never
    in partial pages) whose first or last words differ were edited there (`Last updated
    January 1, 2023` against `Effective as of March 5, 2024 ...`; a licence's list of
    compatible licences ending `- Cecill v. 2.0` against `- CeCILL v. 2.0, v. 2.1` and more
    items), never cut, so no edit of theirs is hidden as text beyond a cut; nor does a
    document begin mid-way because it lacks the other's first printed line (`layout: license`
    taken out of a front matter block): only a printing leaves out its first lines."""
    if not old_texts or not new_texts or old_texts == new_texts:
        return None
    same_start, same_end = (old_texts[edge] == new_texts[edge] for edge in
                            (slice(TRUNCATION_ANCHOR), slice(-TRUNCATION_ANCHOR, None)))
    if same_start and same_end:
        return None  # whole copies: each begins and ends as the other does (the common case)
    old_breaks = old_breaks or set()
    new_breaks = new_breaks or set()
    old_start, new_start = (0, 0) if same_start else _truncated_start(
        old_texts, new_texts, (old_breaks, old_lines or _never), (new_breaks, new_lines or _never), exact_edges)
    old_end, new_end = (len(old_texts), len(new_texts)) if same_end else _truncated_end(
        old_texts, new_texts, old_breaks, new_breaks, old_start - new_start, endings, exact_edges)
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
                   shift: int, endings: tuple[str, str] = (PLAIN, PLAIN), exact_edges: bool = False) -> tuple[int, int]:
    """(old_end, new_end): where the shared stretch ends, if one copy stops short of the other.
    `shift` is old_start - new_start: where one copy's words are expected in the other.
    Both ways are tried (NEW cut short of OLD, OLD of NEW), at every place the cut copy's
    last words occur in the other, and so is no cut: the stop that explains the most shared
    words wins (no cut, among equals; else the one that claims fewer words of either copy:
    a word the cut copy does not match is beyond the cut, never deleted). `endings`: how each
    copy ends (`ending`: on words that announce more, on a complete table row, or plainly)."""
    found = [(long_end, short_end, True) for long_end, short_end in
             _stops_inside(new, old, old_breaks, expected=len(new) + shift, end=endings[1], exact_edges=exact_edges)]
    found += [(long_end, short_end, False) for long_end, short_end in
              _stops_inside(old, new, new_breaks, expected=len(old) - shift, end=endings[0], exact_edges=exact_edges)]
    return _best_stop(old, new, found, (old_breaks, new_breaks), lambda end: -abs(end[0] - end[1] - shift))


def _truncated_start(old: list[str], new: list[str], old_edges: tuple[set[int], LineTest],
                     new_edges: tuple[set[int], LineTest], exact_edges: bool = False) -> tuple[int, int]:
    """(old_start, new_start): where the shared stretch starts, if one copy begins mid-way
    through the other: the end of the copies read backwards, both ways, the start that
    explains the most shared words winning. `*_edges` are the word indices where a node
    starts and where a printed line starts."""
    old_back, new_back = old[::-1], new[::-1]
    old_breaks, new_breaks = ({len(words) - index for index in edges[0]} for words, edges in
                              ((old, old_edges), (new, new_edges)))
    found = [(long_end, short_end, True) for long_end, short_end in
             _stops_inside(new_back, old_back, old_breaks, expected=None,
                           starts_line=lambda back: old_edges[1](len(old) - back), exact_edges=exact_edges)]
    found += [(long_end, short_end, False) for long_end, short_end in
              _stops_inside(old_back, new_back, new_breaks, expected=None,
                            starts_line=lambda back: new_edges[1](len(new) - back), exact_edges=exact_edges)]
    old_end, new_end = _best_stop(old_back, new_back, found, (old_breaks, new_breaks), lambda end: 0)
    return len(old) - old_end, len(new) - new_end


def _best_stop(old: list[str], new: list[str], found: list[tuple[int, int, bool]],
               breaks: tuple[set[int], set[int]], tie: Callable[[tuple[int, int]], int]) -> tuple[int, int]:
    """(old_end, new_end) of the candidate stop that explains the most shared words, or the
    copies' own ends when none explains more than they do. `found`: (long_end, short_end,
    whether NEW is the short copy) of each candidate.

    A stop is judged by the short copy's last TRUNCATION_WINDOW words against the long
    copy's words just before the stop (words alike but for their edge punctuation): the
    fewer edits, then the more words shared, the better; and against the long copy's last
    words, as the copies' own ends would have it, or the long copy's last words before a
    node of it the short one lacks (`breaks`: where each copy's nodes start), which ends
    with the short copy's last word: a text that lacks a clause the other adds at its end
    is not cut inside a sentence that repeats its last words. A stop that matches worse
    than those ends (a phrase repeated elsewhere) is no cut; among the others, the one
    that gains most wins, then the best match, then the fewer words either copy holds
    alone."""
    vocabulary: dict[str, int] = {}
    old_ids = [vocabulary.setdefault(bare_word(text), len(vocabulary)) for text in old]
    new_ids = [vocabulary.setdefault(bare_word(text), len(vocabulary)) for text in new]

    def held(short: list[int], short_end: int, long: list[int], long_end: int) -> tuple[int, int]:
        """How well the short copy's last words match the long one's just before `long_end`,
        where the long copy may hold TRUNCATION_LOOKBACK words more: the fewer edits
        (Levenshtein over words, negated: a word replaced costs one, so `made EDITED`
        against `made available` is one word replaced, not `available` inserted and `EDITED`
        beyond the cut, and `AMENDMENT TO HOUSE BILL 1633 EDITED NO.` is a worse match for
        `AMENDMENT NO.` than `EDITED NO.`), then the more words shared."""
        tail = short[max(0, short_end - TRUNCATION_WINDOW):short_end]
        before = long[max(0, long_end - len(tail) - TRUNCATION_LOOKBACK):long_end]
        shared = (len(tail) + len(before) - Indel.distance(tail, before)) // 2
        # the long copy's extra words are free only before the first word matched (where
        # the window begins), never near the stop
        edits = min(Levenshtein.distance(tail, before[skip:]) for skip in range(max(1, len(before) - len(tail) + 1)))
        return -edits, shared

    scored: list[tuple[tuple[int, int, int, int, int], tuple[int, int]]] = []
    for long_end, short_end, new_is_short in found:
        short, long = (new_ids, old_ids) if new_is_short else (old_ids, new_ids)
        lacking = [end for end in (breaks[0] if new_is_short else breaks[1])
                   if long_end <= end < len(long) and end and long[end - 1] == short[-1]]
        at_stop = held(short, short_end, long, long_end)
        at_ends = max(held(short, len(short), long, end) for end in [len(long)] + lacking)
        end = (long_end, short_end) if new_is_short else (short_end, long_end)
        # a stop no better than the ends is a cut only where the short copy's last words are
        # the long copy's own there, word for word: where they match as badly (a text whose
        # clauses repeat each other's words), the copies are whole and differ
        if at_stop > at_ends or (at_stop == at_ends and at_stop[0] == 0):
            scored.append(((at_stop[0] - at_ends[0], at_stop[0], at_stop[1], -sum(end), tie(end)), end))
    return max(scored)[1] if scored else (len(old), len(new))


def _stops_inside(short: list[str], long: list[str], long_breaks: set[int],
                  expected: int | None, starts_line: LineTest | None = None,
                  end: str = PLAIN, exact_edges: bool = False) -> list[tuple[int, int]]:
    """Every (long_end, short_end) at which `short` may be a copy of `long` cut off before
    `long` ends, one for each place the last words of `short` occur in `long`.

    It is when its last word is the head of the word `long` has there (cut mid-word), or
    when it stops mid-sentence inside a node of `long`, however few words `long` has left.
    A real edit among the last words the copies share stays inside the shared stretch.
    `expected=None` reads the copies backwards (a copy that begins mid-way): then the
    sentence test is on the word of `long` just before the copy begins, and, unless the
    copy begins at a printed line of `long` (`starts_line`: a rendering that leaves out the
    first lines), `long` must hold TRUNCATION_MIN_LEAD words before it: deleting the
    first words of a text is an edit. A copy whose `end` is OPEN (it announces more)
    is cut wherever its last words occur, a sentence's or a node's end included."""
    found: list[tuple[int, int]] = []
    for long_end in _mapped_ends(short, long, expected):
        stop = _judged_stop(short, long, long_end, long_breaks, expected is None, starts_line, end, exact_edges)
        if stop is not None and stop not in found:
            found.append(stop)
    return found


def _judged_stop(short: list[str], long: list[str], long_end: int, long_breaks: set[int], backwards: bool,
                 starts_line: LineTest | None, end: str = PLAIN, exact_edges: bool = False) -> tuple[int, int] | None:
    """(long_end, short_end) when `short`, ending at `long_end` of `long`, is cut there
    (with `exact_edges`, only where its edge word is `long`'s word there, or cut from it)."""
    if long_end > len(long) or not long_end:
        return None
    last, there = short[-1], long[long_end - 1]
    if cut_mid_word(last, there, backwards):
        if exact_edges and not _verbatim_before(short[:-1], long, long_end - 1):
            return None
        return long_end - 1, len(short) - 1  # the cut word is text of one copy only
    if exact_edges and not _verbatim_before(short, long, long_end):
        return None  # a document's first (last) words edited, not a copy cut there
    if long_end == len(long):
        return None  # both copies end here: no cut
    if end == OPEN and not backwards and there == last:
        return long_end, len(short)  # no text ends announcing more: what follows is beyond the cut
    if SENTENCE_END.search(long[long_end] if backwards else last) or (end == COMPLETE and not backwards):
        return None
    if not backwards and SENTENCE_END.search(there) and not _goes_on(short, long, long_end, backwards):
        return None  # the other copy's sentence ends there: the copy's own last words follow it
    if long_end in long_breaks and not _goes_on(short, long, long_end, backwards) \
            and not _edited_first_word(short, long, long_end, backwards):
        return None  # a copy that lacks whole nodes: those are removed / added
    if backwards and len(long) - long_end < TRUNCATION_MIN_LEAD and (exact_edges or not (starts_line and starts_line(long_end))):
        return None  # (a document's first line deleted is an edit: only a printing leaves out its first lines)
    if backwards and _opens_with_own_words_at_a_node(short, long, long_end, long_breaks):
        return None
    return long_end, len(short)


def _opens_with_own_words_at_a_node(short: list[str], long: list[str], long_end: int, long_breaks: set[int]) -> bool:
    """Whether `short` (read backwards) begins with words of its own, found nowhere in `long`
    at the stop, where a node of `long` begins no further back than those words reach: the
    copy then begins where that node begins and words it differently (a compiled Act's
    `(815 ILCS 530/1) Sec. 1.` against a Public Act's `Section 1.`), not mid-way through it.
    A copy cut mid-way through a text begins with the other copy's own words."""
    own = _own_edge_words(short, long, long_end)
    return own > 0 and any(long_end + back in long_breaks for back in range(1, own + 1))


def _own_edge_words(short: list[str], long: list[str], long_end: int) -> int:
    """How many of `short`'s last words come after the last one that is `long`'s word just
    before `long_end` (0: `short` ends on it), at most TRUNCATION_LOOKBACK."""
    if not long_end:
        return 0
    there = bare_word(long[long_end - 1])
    for own in range(min(TRUNCATION_LOOKBACK, len(short))):
        if bare_word(short[len(short) - 1 - own]) == there:
            return own
    return 0


def _verbatim_before(short: list[str], long: list[str], long_end: int) -> bool:
    """`short` ends with the TRUNCATION_ANCHOR words `long` has before `long_end`, character for
    character (a copy cut from a document is its words up to the cut, not an edit of them)."""
    size = min(TRUNCATION_ANCHOR, len(short), long_end)
    return short[len(short) - size:] == long[long_end - size:long_end]


def _goes_on(short: list[str], long: list[str], long_end: int, backwards: bool) -> bool:
    """Whether `short`, mapped to the end of a sentence of `long` at `long_end`, goes on with
    it: it holds the words before it and that word without its closing punctuation, then one
    word of its own (`the data system or` where the other has `the data system.` and a new
    node). Otherwise a copy that stops where a sentence or a node of the other stops lacks
    what follows (its own last words, a table row `| Supplier | 7 |`, are no cut), and a copy
    that begins where a node of the other begins lacks the nodes before it, even when the two
    number it apart (`1. SUPPLIER TERMS` against `2. SUPPLIER TERMS`)."""
    if backwards or len(short) < 4 or long_end < 3:
        return False
    there = long[long_end - 1]
    return short[-2] != there and bare_word(short[-2]) == bare_word(there) and bool(SENTENCE_END.search(there)) \
        and [bare_word(word) for word in short[-4:-2]] == [bare_word(word) for word in long[long_end - 3:long_end - 1]]


def _edited_first_word(short: list[str], long: list[str], long_end: int, backwards: bool) -> bool:
    """Whether `short` (read backwards) begins where a node of `long` begins, fewer than
    TRUNCATION_MIN_LEAD words into it, with a word of its own: a copy that leaves out the
    other's first printed line (`AMENDMENT TO HOUSE BILL 1633`) and edits the first word
    after it. A copy that begins at a later node lacks the nodes before it."""
    return backwards and len(long) - long_end < TRUNCATION_MIN_LEAD and bare_word(short[-1]) != bare_word(long[long_end - 1])


def _mapped_ends(short: list[str], long: list[str], expected: int | None) -> list[int]:
    """The indices in `long` that may match the end of `short`: wherever one of the last
    runs of six words of `short` (within its last TRUNCATION_LOOKBACK words) occurs in
    `long`, then the few words after it matched one by one. A phrase that recurs near the
    end (`the security of the system data`) gives a place for each occurrence: which one
    the copies share is for `_best_stop` to say, never the first found.

    With `expected` (where the end should be if the copies hold the same words), only
    the stretch of `long` that could still be TRUNCATION_MIN_SIMILARITY alike is searched,
    and the occurrences nearest it are kept; read backwards, those furthest into `long`."""
    size = len(short)
    low, high = 0, len(long)
    if expected is not None:
        margin = int(size * (1 - TRUNCATION_MIN_SIMILARITY)) + 2 * TRUNCATION_LOOKBACK
        low, high = max(0, expected - margin), min(len(long), expected + margin)
    absent: set[str] = set()  # words `long` does not hold there: any anchor with one fails
    ends: list[int] = []
    for back in range(min(TRUNCATION_LOOKBACK, size - TRUNCATION_ANCHOR) + 1):
        anchor = short[size - back - TRUNCATION_ANCHOR:size - back]
        if absent.intersection(anchor):
            continue
        found = occurrences(long, anchor, low, high, absent)
        if expected is None:
            found = found[-TRUNCATION_PLACES:]
        else:
            found = sorted(found, key=lambda index: abs(index + TRUNCATION_ANCHOR + back - expected))[:TRUNCATION_PLACES]
        for index in found:
            anchor_end = index + TRUNCATION_ANCHOR
            lengths = _matched_lengths(short[size - back:], long[anchor_end:anchor_end + back + 3],
                                       backwards=expected is None) if back else [0]
            ends.extend(anchor_end + length for length in lengths if anchor_end + length not in ends)
        if len(ends) >= TRUNCATION_PLACES:
            break
    return ends


def _matched_lengths(rest: list[str], window: list[str], backwards: bool) -> list[int]:
    """How many words of `window` (what `long` holds after the anchor) the words `rest` may
    stand for: the length whose words `rest` matches best (fewest Indel edits; a last word
    cut mid-word matches the whole word), the nearest to len(rest) among equals; and none,
    when several words match no better (words the copy inserts where it is cut: `made within
    48 hours of` against `made in the most`), for `_best_stop` to choose between. One last
    word that matches nothing is a word replaced at the edge (`made available` against
    `made EDITED to the`), never an insertion. Words are
    matched but for their edge punctuation ("system." stands for "system" when the copy
    inserts words after it), and `rest` may stand for far fewer words than it has."""
    vocabulary: dict[str, int] = {}
    rest_ids = [vocabulary.setdefault(bare_word(text), len(vocabulary)) for text in rest]
    window_ids = [vocabulary.setdefault(bare_word(text), len(vocabulary)) for text in window]
    if len(window) < len(rest) - 3:
        return [len(window)]  # `long` ends before `rest` could: `short` is not the copy cut here
    best: tuple[int, int, int] | None = None
    for length in range(1, min(len(window), len(rest) + 3) + 1):
        ids = rest_ids
        there = window[length - 1]
        if there != rest[-1] and (there.endswith(rest[-1]) if backwards else there.startswith(rest[-1])):
            ids = rest_ids[:-1] + [window_ids[length - 1]]
        candidate = (Indel.distance(ids, window_ids[:length]), abs(length - len(rest)), length)
        if best is None or candidate < best:
            best = candidate
    if best is None:
        return [min(len(rest), len(window))]
    return [best[2], 0] if 1 < len(rest_ids) <= best[0] else [best[2]]


SENTENCE_END = when_used(r"[.;:][\")”’]*$")
_EDGE_PUNCTUATION = "\"'“”‘’()[],.;:"


def bare_word(word: str) -> str:
    """A word without the quotes, brackets and punctuation at its edges (itself if nothing else)."""
    return word.strip(_EDGE_PUNCTUATION) or word


def _never(index: int) -> bool:
    return False


def cut_mid_word(last: str, there: str, backwards: bool = False) -> bool:
    """`last` is the head of the word `there` (a copy cut mid-word), not a sentence end; or,
    `backwards` (a copy's first word), its tail."""
    if backwards:
        return last != there and there.endswith(last)
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


def split_visible(with_words: list[Node], visible: Visible) -> tuple[list[Node], list[Node], list[Node]]:
    """Nodes (each holding words) before the visible stretch, in it, and after it (truncated copies)."""
    if not visible.slices:
        return [], with_words, []
    shown = [index for index, node in enumerate(with_words) if visible.count(node)]
    if not shown:
        return [], [], with_words
    return with_words[:shown[0]], with_words[shown[0]:shown[-1] + 1], with_words[shown[-1] + 1:]
