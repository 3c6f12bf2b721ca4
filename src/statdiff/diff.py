"""Compare two Documents: sections, aligned nodes, word-level changes.

`compare(old, new)` pairs the Sections of the two texts (`align`), then the nodes
inside each pair, then diffs each node pair word by word over `tokens`, and
groups the result the way a reader expects (one change per phrase, not per word).

Rules decided here (see docs/json-contract.md):
- Mode "amendment": one side is an amendatory bill (a bill section with
  `meta["amends"]` restating codified Sections) and the other is not. Only the
  restated Sections are compared; Sections it does not restate are `not_restated`;
  the bill's title, enacting clause and amendatory instructions are not changes.
  Otherwise mode "versions": every section of both texts is compared.
- Truncation (versions mode), judged on each document's whole word sequence: a
  copy is truncated when its last (first) word is cut mid-word, or when it stops
  (begins) mid-sentence inside a node of the other copy; what the two copies then
  share must be at least TRUNCATION_MIN_SIMILARITY alike. Text outside the shared
  stretch is `only_old` / `only_new` (segments and statuses), never a change; an edit
  among the last words the copies share stays an edit.
- Truncation (amendment mode), judged on the Section pair in which a copy's document
  begins or ends, by the same tests; besides, a restated Section lacking the Source note
  its partner has, where its copy ends, is cut (even at a sentence end). The rest of that
  Section is `only_old` / `only_new`, and so are the Sections after it that the bill's
  instruction names (or, when the Act's copy is cut, the bill restates) but the cut copy
  never reaches.
- A section whose words are the same but divided into paragraphs differently (one
  rendering shows indentation, another does not) is unchanged; with a few edits besides,
  its words are diffed as one stream. A node removed from one section and added,
  nearly the same, to another is one `move`.
- Source notes are history: a changed Source note is one `source` change. Public
  Acts that NEW's Source note cites and OLD's does not are listed on the section
  (`attributed_to`); a change is attributed to them when NEW is not a bill (a
  later compiled text), or, when NEW is a bill, when the bill does not explain
  the change: with markup, the change carries no underline/strike; without
  markup, fewer than half of the change's content words occur in the bill's
  synopsis (the LRB's digest of what the bill changes).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from rapidfuzz.distance import Indel

from statdiff.align import CONTENT, IDENTITY, Pair, align, best_pairs
from statdiff.model import (
    ADD,
    DELETE,
    DELETED,
    EQUAL,
    INSERT,
    INSERTED,
    MOVE,
    ONLY_NEW,
    ONLY_OLD,
    PLAIN,
    REMOVE,
    RENUMBER,
    REPLACE,
    SOURCE,
    Change,
    Comparison,
    Document,
    Node,
    NodeComparison,
    Position,
    Segment,
    SectionComparison,
    SourceSpan,
    Token,
    Word,
    segment_op,
)
from statdiff.tokens import rebuild, tokenize

AMENDMENT, VERSIONS = "amendment", "versions"
UNIT_KINDS = frozenset({"section", "bill_section"})
RENUMBERABLE = frozenset({"section", "bill_section", "article", "subsection", "paragraph", "subparagraph", "item"})

# A change separated from the next by one of these (alone) is one phrase.
GLUE_WORDS = frozenset({"the", "of", "a", "an", "and", "or", "to", "in", "for", "by", "as", "at", "on", "its"})
STOPWORDS = GLUE_WORDS | frozenset(
    {"is", "be", "that", "this", "with", "any", "no", "not", "may", "shall", "if", "it", "are", "was", "has",
     "have", "been", "from", "which", "such", "under", "who", "whom", "must", "will", "than", "into", "there"}
)
TRUNCATION_ANCHOR = 6  # words
TRUNCATION_MIN_SIMILARITY = 0.85
TRUNCATION_MIN_LEAD = 12  # words before a copy's first word, unless it is cut or starts a printed line
SYNOPSIS_SHARE = 0.5


# ---------------------------------------------------------------- public entry


def compare(old: Document, new: Document) -> Comparison:
    """Compare OLD with NEW: sections in reading order, each with its nodes and changes."""
    old_units, new_units = collect_units(old), collect_units(new)
    old_amends, new_amends = _is_amendatory(old_units), _is_amendatory(new_units)
    mode = AMENDMENT if old_amends != new_amends else VERSIONS
    bill_side = _bill_side(old_amends, new_amends)
    leads = {}
    if mode == AMENDMENT:
        leads = {"old": _lead_unit(old_units, old_amends), "new": _lead_unit(new_units, new_amends)}
        old_units = _restated_or_codified(old_units, old_amends)
        new_units = _restated_or_codified(new_units, new_amends)
        visible = _Visible()
    else:
        visible = _Visible.for_truncation(old, new)
    old_before, old_units, old_after = _split_units(old_units, visible)
    new_before, new_units, new_after = _split_units(new_units, visible)
    pairs = align(
        old_units,
        new_units,
        keys=(_unit_path, _unit_citation, _unit_number),
        text=lambda unit: _compared_text(unit.node, visible.text(unit.nodes)),
        positional=lambda unit: _positional(unit.node),
    )
    beyond: set[int] = set()
    if mode == AMENDMENT:
        bill = new if bill_side == "new" else old
        visible, beyond = _cut_restatement(pairs, old, new, bill_side, _instructed_sections(bill), leads)
    context = _Context(mode, visible, new_is_bill=_is_bill(new, new_units), synopsis=_synopsis_words(new),
                       beyond_cut=beyond)
    sections = [_lone_section(unit, "old", context, bill_side) for unit in old_before]
    sections += [_lone_section(unit, "new", context, bill_side) for unit in new_before]
    sections += [section for pair in pairs for section in _compare_pair(pair, context, bill_side)]
    sections += [_lone_section(unit, "old", context, bill_side) for unit in old_after]
    sections += [_lone_section(unit, "new", context, bill_side) for unit in new_after]
    comparison = Comparison(old, new, mode, sections)
    _pair_moved_nodes(sections)
    number_anchors(comparison)
    return comparison


# ---------------------------------------------------------------- units (sections)


@dataclass(slots=True)
class Unit:
    """A section of a text with the nodes that belong to it and not to a nested section."""

    node: Node
    nodes: list[Node] = field(default_factory=list)
    amendatory: bool = False  # restated inside a bill section that amends an Act
    parent: str | None = None  # path of the enclosing Article, if any

    @property
    def path(self) -> str:
        return self.node.path

    @property
    def words(self) -> list[Word]:
        return [word for node in self.nodes for word in node.words]


def collect_units(document: Document) -> list[Unit]:
    """The document root (front matter) and each section / bill section, in reading order.

    A codified Section is restated by an amendatory bill when it sits inside, or follows,
    a bill section with `meta["amends"]` (up to the next bill section)."""
    root = Unit(document.root)
    units = [root]
    amending = False  # inside, or after, a bill section that amends an Act
    stack: list[tuple[Node, Unit, str | None]] = [(document.root, root, None)]
    while stack:
        node, unit, article = stack.pop()
        if node.kind == "bill_section":
            amending = bool(node.meta.get("amends"))
        if node.kind == "article":
            article = node.path
        if node is not document.root and node.kind in UNIT_KINDS:
            unit = Unit(node, amendatory=amending and node.kind == "section", parent=article)
            units.append(unit)
        unit.nodes.append(node)
        for child in reversed(node.children):
            stack.append((child, unit, article))
    return [unit for unit in units if any(node.words for node in unit.nodes)]


def _is_amendatory(units: list[Unit]) -> bool:
    return any(unit.amendatory for unit in units)


def _restated_or_codified(units: list[Unit], amendatory: bool) -> list[Unit]:
    """In amendment mode: the bill's restated Sections; the Act's own Sections."""
    if amendatory:
        return [unit for unit in units if unit.amendatory]
    sections = [unit for unit in units if unit.node.kind == "section"]
    return sections or [unit for unit in units if unit.node.kind != "document"]


def _lead_unit(units: list[Unit], amendatory: bool) -> Unit | None:
    """The words of an Act's copy before its first Section (amendment mode compares Sections
    only): the tail of a Section, when the copy begins mid-way through one."""
    if amendatory or not units or units[0].node.kind != "document":
        return None
    return units[0] if any(unit.node.kind == "section" for unit in units) else None


def _bill_side(old_amends: bool, new_amends: bool) -> str | None:
    if old_amends == new_amends:
        return None
    return "new" if new_amends else "old"


def _is_bill(document: Document, units: list[Unit]) -> bool:
    return bool(document.identity.bill) or any(unit.node.kind == "bill_section" for unit in units)


def _unit_path(unit: Unit) -> str:
    return unit.path


def _unit_citation(unit: Unit):
    citation = unit.node.meta.get("citation")
    return ("citation", " ".join(str(citation).split())) if citation else None


def _unit_number(unit: Unit):
    number = unit.node.meta.get("number")
    if number is None:
        return None
    return ("number", unit.node.kind, unit.node.meta.get("act"), str(number))


def _positional(node: Node) -> bool:
    """A clause of a document that is not legislation: its number is its place (`meta["positional"]`)."""
    return bool(node.meta.get("positional"))


NUMBER_REACH = 40  # characters from a clause's start where its own number is printed


def _compared_text(node: Node, text: str) -> str:
    """What content pairing compares: a positional clause's text without its own number
    (`7.2`, `Clause 7`, `(c)`), so that clauses alike but for their place pair in reading order."""
    number = (node.meta.get("number") or node.meta.get("enumerator")) if _positional(node) else None
    at = text.find(number, 0, NUMBER_REACH) if number else -1
    return text if at < 0 else text[:at] + text[at + len(number):]


def _heading(node: Node | None) -> str:
    if node is None or node.kind == "document":
        return ""
    return str(node.meta.get("heading") or node.label or "")


# ---------------------------------------------------------------- truncated copies


class _Visible:
    """Which words of each node take part in the comparison (all, unless a copy is truncated)."""

    def __init__(self, slices: dict[int, tuple[int, int]] | None = None):
        self.slices = slices or {}
        self._texts: dict[int, tuple[str, ...]] = {}

    def texts(self, node: Node) -> tuple[str, ...]:
        """The visible words' texts (cached: pairing and diffing both ask)."""
        texts = self._texts.get(id(node))
        if texts is None:
            texts = self._texts[id(node)] = tuple([word.text for word in self.words(node)])
        return texts

    def whole(self, node: Node) -> bool:
        return id(node) not in self.slices or self.slices[id(node)] == (0, len(node.words))

    @classmethod
    def for_truncation(cls, old: Document, new: Document) -> "_Visible":
        old_nodes, old_starts, old_texts = _flatten(old.root)
        new_nodes, new_starts, new_texts = _flatten(new.root)
        overlap = _find_truncation(
            old_texts, new_texts, _node_breaks(old_nodes, old_starts), _node_breaks(new_nodes, new_starts),
            _line_start_test(old.root), _line_start_test(new.root),
        )
        slices: dict[int, tuple[int, int]] = {}
        if overlap is not None:
            (old_start, old_end), (new_start, new_end) = overlap
            _slice_nodes(old_nodes, old_starts, old_start, old_end, slices)
            _slice_nodes(new_nodes, new_starts, new_start, new_end, slices)
        visible = cls(slices)
        visible._keep_texts(old_nodes, old_starts, old_texts)
        visible._keep_texts(new_nodes, new_starts, new_texts)
        return visible

    def _keep_texts(self, nodes: list[Node], starts: list[int], texts: list[str]) -> None:
        """Every node's visible texts, sliced from its document's word texts (computed once)."""
        for node, start in zip(nodes, starts):
            low, high = self.span(node)
            self._texts[id(node)] = tuple(texts[start + low:start + high])

    def span(self, node: Node) -> tuple[int, int]:
        return self.slices.get(id(node), (0, len(node.words)))

    def words(self, node: Node) -> list[Word]:
        """The visible words (the node's own list when all are visible: do not modify it)."""
        if id(node) not in self.slices:
            return node.words
        start, end = self.slices[id(node)]
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


def _flatten(root: Node) -> tuple[list[Node], list[int], list[str]]:
    """The nodes in document order, the index of each one's first word, and all word texts."""
    return _flatten_nodes(list(root.walk()))


def _flatten_nodes(nodes: list[Node]) -> tuple[list[Node], list[int], list[str]]:
    starts: list[int] = []
    texts: list[str] = []
    for node in nodes:
        starts.append(len(texts))
        texts.extend([word.text for word in node.words])
    return nodes, starts, texts


def _node_breaks(nodes: list[Node], starts: list[int]) -> set[int]:
    """Word indices where a node with words starts."""
    return {start for node, start in zip(nodes, starts) if node.words}


def _line_start_test(source: Node | list[Word]):
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


def _slice_nodes(nodes: list[Node], starts: list[int], start: int, end: int,
                 slices: dict[int, tuple[int, int]]) -> None:
    for node, offset in zip(nodes, starts):
        count = len(node.words)
        low = min(max(start - offset, 0), count)
        high = min(max(end - offset, 0), count)
        slices[id(node)] = (low, max(low, high))


def find_truncation(old_words: list[Word], new_words: list[Word], old_breaks=None, new_breaks=None):
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
    return _find_truncation([word.text for word in old_words], [word.text for word in new_words],
                            old_breaks, new_breaks, _line_start_test(old_words), _line_start_test(new_words))


def _find_truncation(old_texts: list[str], new_texts: list[str], old_breaks, new_breaks,
                     old_lines=None, new_lines=None):
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


def _truncated_start(old: list[str], new: list[str], old_edges, new_edges) -> tuple[int, int]:
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
                  expected: int | None, starts_line=None) -> tuple[int, int] | None:
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
    cut_off = there.endswith(last) if backwards else there.startswith(last) and not _SENTENCE_END.search(last)
    if there != last and cut_off:
        return long_end - 1, len(short) - 1  # the cut word is text of one copy only
    if _SENTENCE_END.search(long[long_end] if backwards else last):
        return None
    if long_end in long_breaks:
        return None  # a copy that lacks whole nodes: those are removed / added
    if backwards and len(long) - long_end < TRUNCATION_MIN_LEAD and not (starts_line and starts_line(long_end)):
        return None
    return long_end, len(short)


TRUNCATION_LOOKBACK = 24  # words: how far before a copy's edge an edit may lie


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
        found = _occurrences(long, anchor, low, high, absent)
        if not found:
            continue
        if expected is None:
            anchor_end = found[-1] + TRUNCATION_ANCHOR
        else:
            anchor_end = min(found, key=lambda index: abs(index + TRUNCATION_ANCHOR + back - expected)) \
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


_SENTENCE_END = re.compile(r"[.;:][\")”’]*$")


def _bare(word: str) -> str:
    return word.strip(_EDGE_PUNCTUATION) or word


_EDGE_PUNCTUATION = "\"'“”‘’()[],.;:"


def _never(index: int) -> bool:
    return False


def _occurrences(words: list[str], anchor: list[str], low: int = 0, high: int | None = None,
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


# ---------------------------------------------------------------- amendatory copies cut short


def _cut_restatement(pairs: list[Pair], old: Document, new: Document, bill_side: str | None,
                     instructed: set[tuple[str, str]], leads: dict[str, Unit | None]):
    """Amendment mode: a partial copy of the bill (or of the Act) ends, or begins, inside a
    Section both texts hold. That Section pair is judged like two truncated versions
    (`_find_truncation` on the pair's words): what lies beyond the shared stretch is
    `only_old` / `only_new`. Returns the visible words and the ids of the units the cut copy
    never reaches: the Sections the bill's instruction names (or, when the Act is cut, the
    restated Sections) that come after the cut Section. An Act's copy that begins mid-way
    through a Section holds that Section's tail before its first Section (`leads`): it is
    paired with the restated Section it is the tail of (`pairs` is updated)."""
    edges = {"old": _edge_nodes(old.root), "new": _edge_nodes(new.root)}
    slices: dict[int, tuple[int, int]] = {}
    beyond: set[int] = set()
    _pair_leads(pairs, leads, edges, slices)
    for index, pair in enumerate(pairs):
        if not pair.paired or any(id(node) in slices for node in pair.old.nodes[:1] + pair.new.nodes[:1]):
            continue
        held = {side: _holds_edges(unit, edges[side]) for side, unit in (("old", pair.old), ("new", pair.new))}
        if not any(held["old"] + held["new"]):
            continue
        cut = _cut_pair(pair.old, pair.new, held)
        if cut is None:
            continue
        cut.slice(slices)
        if cut.ends_short is not None:
            beyond |= _never_reached(pairs[index + 1:], cut.ends_short, bill_side, instructed)
    return _Visible(slices), beyond


def _pair_leads(pairs: list[Pair], leads: dict[str, Unit | None], edges, slices) -> None:
    """Pair an Act copy's words before its first Section with the restated Section they are
    the tail of: the first unpaired restated Section whose words the copy begins mid-way in."""
    for side, lead in leads.items():
        if lead is None:
            continue
        other = "new" if side == "old" else "old"
        for index, pair in enumerate(pairs):
            unit = pair.new if side == "old" else pair.old
            if pair.paired or unit is None:
                continue
            old_unit, new_unit = (lead, unit) if side == "old" else (unit, lead)
            held = {side: (True, _holds_edges(lead, edges[side])[1]), other: (False, False)}
            cut = _cut_pair(old_unit, new_unit, held)
            if cut is not None and cut.begins_late == side:
                cut.slice(slices)
                pairs[index] = Pair(old_unit, new_unit, CONTENT)
                break


def _edge_nodes(root: Node) -> tuple[int | None, int | None]:
    """Ids of the nodes holding a document's first and last words."""
    with_words = [node for node in root.walk() if node.words]
    if not with_words:
        return None, None
    return id(with_words[0]), id(with_words[-1])


def _holds_edges(unit: Unit, edges: tuple[int | None, int | None]) -> tuple[bool, bool]:
    """Whether the unit holds its document's (first word, last word)."""
    ids = {id(node) for node in unit.nodes}
    return edges[0] in ids, edges[1] in ids


@dataclass(slots=True)
class _Flat:
    """One side of a Section pair read as one word sequence: its nodes, where each one's
    words start, and all word texts."""

    unit: Unit
    nodes: list[Node]
    starts: list[int]
    texts: list[str]

    @classmethod
    def of(cls, unit: Unit) -> "_Flat":
        return cls(unit, *_flatten_nodes(unit.nodes))

    @property
    def has_source_note(self) -> bool:
        return self.source_note_start() is not None

    def source_note_start(self) -> int | None:
        return next((start for node, start in zip(self.nodes, self.starts) if node.kind == "source_note"), None)

    def last_node(self) -> tuple[Node, int] | None:
        """The node holding the last word, and where its words start."""
        return next(((node, start) for node, start in zip(reversed(self.nodes), reversed(self.starts))
                     if node.words), None)


@dataclass(slots=True)
class _Cut:
    """A Section pair one of whose copies is cut: the stretch both share, and which copy
    ends short / begins late ("old", "new" or None)."""

    old: _Flat
    new: _Flat
    overlap: tuple[tuple[int, int], tuple[int, int]]
    ends_short: str | None
    begins_late: str | None

    def slice(self, slices: dict[int, tuple[int, int]]) -> None:
        (old_start, old_end), (new_start, new_end) = self.overlap
        _slice_nodes(self.old.nodes, self.old.starts, old_start, old_end, slices)
        _slice_nodes(self.new.nodes, self.new.starts, new_start, new_end, slices)


def _cut_pair(old_unit: Unit, new_unit: Unit, held: dict[str, tuple[bool, bool]]) -> _Cut | None:
    """The stretch a Section pair shares when one copy's document begins or ends inside it
    (`held`: whether each unit holds its document's first and last words)."""
    old, new = _Flat.of(old_unit), _Flat.of(new_unit)
    overlap = _find_truncation(
        old.texts, new.texts, _node_breaks(old.nodes, old.starts), _node_breaks(new.nodes, new.starts),
        _line_start_test(old_unit.words), _line_start_test(new_unit.words),
    )
    if overlap is None or _ends_in_source_note(overlap, old, new):
        overlap = _cut_before_source_note(old, new, held)
    if overlap is None:
        return None
    (old_start, old_end), (new_start, new_end) = overlap
    # the cut copy is the one with fewer words outside the stretch (a cut word counts as outside)
    old_rest, new_rest = len(old.texts) - old_end, len(new.texts) - new_end
    ends_short = {"new": old_rest > new_rest, "old": new_rest > old_rest}
    begins_late = {"new": old_start > new_start, "old": new_start > old_start}
    if any(ends_short[side] and not held[side][1] or begins_late[side] and not held[side][0]
           for side in ("old", "new")):
        return None  # the copy does not begin or end there: an edit, not a cut
    return _Cut(old, new, overlap, next((side for side in ends_short if ends_short[side]), None),
                next((side for side in begins_late if begins_late[side]), None))


def _ends_in_source_note(overlap, old: _Flat, new: _Flat) -> bool:
    """A copy without a Source note matched into the other copy's Source note (its last
    word taken for an edit of the note's first word): not where a restatement stops."""
    (_, old_end), (_, new_end) = overlap
    for end, flat, other in ((old_end, old, new), (new_end, new, old)):
        note = flat.source_note_start()
        if note is not None and end > note and other.source_note_start() is None:
            return True
    return False


def _cut_before_source_note(old: _Flat, new: _Flat, held: dict[str, tuple[bool, bool]]):
    """A restated Section always ends with its Source note: a copy whose document ends inside
    a Section that lacks the note its partner has is cut there, even at a sentence end or
    inside words the other text lacks (a new definition, a later text). The other copy's
    part of the stretch ends after the last run of TRUNCATION_ANCHOR words both hold or,
    when the cut copy's last node has the path of a node of the other copy, after the words
    the two nodes begin with, whichever is later. The cut copy's words all stay
    in the stretch (inserted, added, edited), but for a last word cut mid-word."""
    if held["new"][1] and old.has_source_note and not new.has_source_note:
        short, long = new, old
    elif held["old"][1] and new.has_source_note and not old.has_source_note:
        short, long = old, new
    else:
        return None
    found = _last_shared_run(short.texts, long.texts)
    if found is None:
        return None
    long_end = max(found[0], _end_in_partner_node(short, long))
    short_end = len(short.texts)
    if _cut_mid_word(short.texts[-1], long.texts[long_end - 1]):
        long_end, short_end = long_end - 1, short_end - 1  # the cut word matched the whole word
    elif found[1] == short_end - 1 and long_end < len(long.texts) and _cut_mid_word(short.texts[-1], long.texts[long_end]):
        short_end -= 1
    if short is new:
        return (0, long_end), (0, short_end)
    return (0, short_end), (0, long_end)


def _end_in_partner_node(short: _Flat, long: _Flat) -> int:
    """Where the cut copy's last node ends in the node of the other copy with its path (the
    same path relative to the Section), 0 if there is none."""
    last = short.last_node()
    if last is None:
        return 0
    node, start = last
    key = _relative_key(short.unit, long.unit)
    wanted = key(node)
    partner = next(((other, offset) for other, offset in zip(long.nodes, long.starts)
                    if other.words and key(other) == wanted), None) if wanted else None
    if partner is None:
        return 0
    other, offset = partner
    rest, theirs = short.texts[start:], long.texts[offset:offset + len(other.words)]
    shared = 0  # the words the two nodes begin with; the cut node's words after them are its own
    for mine, there in zip(rest, theirs):
        if mine != there:
            if shared == len(rest) - 1 and _cut_mid_word(mine, there):
                shared += 1
            break
        shared += 1
    return offset + shared


def _last_shared_run(short: list[str], long: list[str]) -> tuple[int, int] | None:
    """(long_end, short_end): the end of the last run of TRUNCATION_ANCHOR words of `short`
    that `long` holds (the occurrence nearest the same place, when it holds several)."""
    absent: set[str] = set()
    for end in range(len(short), TRUNCATION_ANCHOR - 1, -1):
        anchor = short[end - TRUNCATION_ANCHOR:end]
        if absent.intersection(anchor):
            continue
        found = _occurrences(long, anchor, absent=absent)
        if found:
            start = min(found, key=lambda index: abs(index - (end - TRUNCATION_ANCHOR)))
            return start + TRUNCATION_ANCHOR, end
    return None


def _cut_mid_word(last: str, there: str) -> bool:
    return last != there and there.startswith(last) and not _SENTENCE_END.search(last)


def _never_reached(later: list[Pair], cut_side: str, bill_side: str | None,
                   instructed: set[tuple[str, str]]) -> set[int]:
    """Units after the cut Section that only the uncut copy holds and the cut copy would
    have held: Sections of the Act the bill's instruction names (the bill is cut), or the
    bill's restated Sections (the Act is cut)."""
    reached: set[int] = set()
    for pair in later:
        unit = pair.new if cut_side == "old" else pair.old
        if pair.paired or unit is None:
            continue
        if cut_side == bill_side and _section_key(unit) not in instructed:
            continue
        reached.add(id(unit))
    return reached


def _instructed_sections(bill: Document) -> set[tuple[str, str]]:
    """(Act citation, Section number) of each Section the bill says it amends by changing."""
    named: set[tuple[str, str]] = set()
    for node in bill.root.walk():
        amends = node.meta.get("amends") if node.kind == "bill_section" else None
        if isinstance(amends, dict) and amends.get("citation"):
            act = " ".join(str(amends["citation"]).split())
            named |= {(act, str(number)) for number in amends.get("changing") or ()}
    return named


def _section_key(unit: Unit) -> tuple[str, str]:
    return " ".join(str(unit.node.meta.get("act") or "").split()), str(unit.node.meta.get("number"))


# ---------------------------------------------------------------- section pairs


@dataclass(slots=True)
class _Context:
    mode: str
    visible: _Visible
    new_is_bill: bool
    synopsis: frozenset[str] | None
    beyond_cut: set[int] = field(default_factory=set)  # ids of units a truncated copy never reaches


def _compare_pair(pair, context: _Context, bill_side: str | None) -> list[SectionComparison]:
    visible = context.visible
    old_unit, new_unit = pair.old, pair.new
    old_seen = old_unit is not None and visible.has_words(old_unit.nodes)
    new_seen = new_unit is not None and visible.has_words(new_unit.nodes)
    if old_seen and new_seen:
        return [_compare_sections(pair, context)]
    lone = []
    if old_unit is not None:
        lone.append(_lone_section(old_unit, "old", context, bill_side))
    if new_unit is not None:
        lone.append(_lone_section(new_unit, "new", context, bill_side))
    return lone


def _lone_section(unit: Unit, side: str, context: _Context, bill_side: str | None) -> SectionComparison:
    """A section only one text has: added, removed, not restated, or beyond a truncation."""
    visible = context.visible
    truncated_away = not visible.has_words(unit.nodes) or id(unit) in context.beyond_cut
    if truncated_away:
        status = ONLY_OLD if side == "old" else ONLY_NEW
    elif bill_side is not None and side != bill_side:
        status = "not_restated"
    else:
        status = "removed" if side == "old" else "added"
    nodes = [_lone_node(node, side, status, visible) for node in unit.nodes if node.words]
    changes: list[Change] = []  # the section's own: it is added or removed
    if status in ("added", "removed"):
        changes.append(_node_change(unit.node, unit.words, side, unit.path))
    old = unit.node if side == "old" else None
    new = unit.node if side == "new" else None
    return SectionComparison(unit.path, _heading(unit.node), status, old, new, nodes, changes)


def _lone_node(node: Node, side: str, status: str, visible: _Visible) -> NodeComparison:
    if status == "not_restated":
        op = EQUAL
    elif status in (ONLY_OLD, ONLY_NEW):
        op = status
    else:
        op = DELETE if side == "old" else INSERT
    old, new = (node, None) if side == "old" else (None, node)
    segment = LazySegment(op, node.words if old else [], node.words if new else [])
    return NodeComparison(old, new, status, [segment])


def _compare_sections(pair, context: _Context) -> SectionComparison:
    old_unit, new_unit = pair.old, pair.new
    visible = context.visible
    section_path = new_unit.path or old_unit.path
    old_before, old_nodes, old_after = _split_visible(old_unit.nodes, visible)
    new_before, new_nodes, new_after = _split_visible(new_unit.nodes, visible)
    if _same_nodes(old_nodes, new_nodes, visible):
        node_pairs = [Pair(old, new, IDENTITY) for old, new in zip(old_nodes, new_nodes)]
    else:
        node_pairs = align(
            old_nodes,
            new_nodes,
            keys=(_relative_key(old_unit, new_unit), _same_text(visible)),
            text=lambda node: _compared_text(node, " ".join(visible.texts(node))),
            positional=_positional,
        )
    nodes = [_lone_node(node, "old", ONLY_OLD, visible) for node in old_before]
    nodes += [_lone_node(node, "new", ONLY_NEW, visible) for node in new_before]
    compared = [_compare_nodes(node_pair, section_path, context) for node_pair in node_pairs]
    if any(node.changes for node in compared) and _same_stream(old_nodes, new_nodes, visible):
        compared = _resegmented(old_nodes, new_nodes, visible)
    elif any(change.op in (ADD, REMOVE) for node in compared for change in node.changes):
        compared = _fewer_changes(compared, old_nodes, new_nodes, visible, section_path)
    nodes += compared
    nodes += [_lone_node(node, "old", ONLY_OLD, visible) for node in old_after]
    nodes += [_lone_node(node, "new", ONLY_NEW, visible) for node in new_after]
    own: list[Change] = []  # the section's own changes; its nodes hold theirs
    status = "changed" if any(node.changes for node in nodes) else "unchanged"
    if _renumbered(pair, old_unit.node, new_unit.node):
        renumber = _linked(_structural_change(RENUMBER, old_unit, new_unit, section_path))
        for node in nodes:
            _drop_number_edits(node, old_unit, new_unit, renumber)
        own.insert(0, renumber)
        status = "renumbered"
    if (pair.moved or old_unit.parent != new_unit.parent) and context.mode == VERSIONS:
        own.insert(0, _structural_change(MOVE, old_unit, new_unit, section_path))
        status = "moved"
    section = SectionComparison(
        section_path, _heading(new_unit.node) or _heading(old_unit.node), status,
        old_unit.node, new_unit.node, nodes, own,
    )
    section.attributed_to = _attribute(old_unit, new_unit, section.changes, context)
    return section


def _split_units(units: list[Unit], visible: _Visible) -> tuple[list[Unit], list[Unit], list[Unit]]:
    """Sections wholly before the stretch two truncated copies share, in it, and after it."""
    shown = [index for index, unit in enumerate(units) if visible.has_words(unit.nodes)]
    if not shown:
        return [], [], units
    return units[:shown[0]], units[shown[0]:shown[-1] + 1], units[shown[-1] + 1:]


def _split_visible(nodes: list[Node], visible: _Visible) -> tuple[list[Node], list[Node], list[Node]]:
    """Nodes with words before the visible stretch, in it, and after it (truncated copies)."""
    with_words = [node for node in nodes if node.words]
    if not visible.slices:
        return [], with_words, []
    shown = [index for index, node in enumerate(with_words) if visible.count(node)]
    if not shown:
        return [], [], with_words
    return with_words[:shown[0]], with_words[shown[0]:shown[-1] + 1], with_words[shown[-1] + 1:]


_ORDINAL = re.compile(r"(?:\[\d+\]| #\d+)$")


def _same_stream(old_nodes: list[Node], new_nodes: list[Node], visible: _Visible) -> bool:
    """The same words in the same order, however they are divided into nodes."""
    old = [text for node in old_nodes for text in visible.texts(node)]
    new = [text for node in new_nodes for text in visible.texts(node)]
    return old == new


def _resegmented(old_nodes: list[Node], new_nodes: list[Node], visible: _Visible) -> list[NodeComparison]:
    """A section whose words are unchanged but divided into paragraphs differently (one
    rendering shows indentation, another does not): each node on its own, unchanged."""
    return [_one_sided(node, "old", visible) for node in old_nodes] + [
        _one_sided(node, "new", visible) for node in new_nodes
    ]


def _one_sided(node: Node, side: str, visible: _Visible) -> NodeComparison:
    tokens = tokenize(node.words)
    low, high = _token_span(node, visible, tokens)
    only = ONLY_OLD if side == "old" else ONLY_NEW
    parts = [(only, tokens[:low]), (EQUAL, tokens[low:high]), (only, tokens[high:])]
    segments = [
        Segment(op, tuple(part), ()) if side == "old" else Segment(op, (), tuple(part)) for op, part in parts if part
    ]
    old, new = (node, None) if side == "old" else (None, node)
    return NodeComparison(old, new, "unchanged", segments)


# ---------------------------------------------------------------- paragraphs divided differently, with edits


@dataclass(slots=True)
class _StreamSide:
    """One side of a section read as one stream of tokens: the visible tokens of its nodes
    in order, which node each comes from, and each node's tokens outside the shared stretch."""

    nodes: list[Node]
    tokens: list[Token] = field(default_factory=list)
    owners: list[int] = field(default_factory=list)
    hidden: list[tuple[tuple[Token, ...], tuple[Token, ...]]] = field(default_factory=list)

    @classmethod
    def of(cls, nodes: list[Node], visible: _Visible) -> "_StreamSide":
        side = cls(nodes)
        for index, node in enumerate(nodes):
            tokens = tokenize(node.words)
            low, high = _token_span(node, visible, tokens)
            side.tokens.extend(tokens[low:high])
            side.owners.extend([index] * (high - low))
            side.hidden.append((tuple(tokens[:low]), tuple(tokens[high:])))
        return side

    def owner_at(self, cursor: int) -> int:
        """The node an insertion at `cursor` falls in: the one before it, else the one after."""
        if not self.owners:
            return 0
        return self.owners[min(max(cursor - 1, 0), len(self.owners) - 1)]

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


@dataclass(slots=True)
class _Atom:
    """A piece of the section's stream diff that lies in one old node and one new node."""

    op: str
    old: tuple[Token, ...]
    new: tuple[Token, ...]
    old_owner: int
    new_owner: int
    old_cursor: int  # where it starts in the old stream (for the position of an insertion)
    new_cursor: int


def _restreamed(old_nodes: list[Node], new_nodes: list[Node], visible: _Visible,
                section: str) -> list[NodeComparison] | None:
    """A section whose nodes differ in how its words are divided into paragraphs (one rendering
    shows no indentation) and also in a few words: the section's words are diffed as one
    stream, so that equal words under other node boundaries are unchanged, and each node is
    listed once, beside the node that shares most of its words (or alone)."""
    old_side, new_side = _StreamSide.of(old_nodes, visible), _StreamSide.of(new_nodes, visible)
    if not old_side.tokens or not new_side.tokens:
        return None
    atoms = _atoms(diff_tokens(old_side.tokens, new_side.tokens), old_side, new_side)
    partner_of_old, partner_of_new = _partners(atoms, len(old_nodes), len(new_nodes))
    comparisons: dict[tuple, NodeComparison] = {}
    order: list[tuple] = []

    def comparison_for(side: str, index: int) -> NodeComparison:
        if side == "old":
            key = ("pair", index, partner_of_old[index]) if index in partner_of_old else ("old", index)
        else:
            key = ("pair", partner_of_new[index], index) if index in partner_of_new else ("new", index)
        if key not in comparisons:
            old = old_nodes[key[1]] if key[0] != "new" else None
            new = new_nodes[key[-1]] if key[0] != "old" else None
            comparisons[key] = NodeComparison(old, new, "unchanged", [])
            order.append(key)
        return comparisons[key]

    for atom in atoms:
        old_home, new_home = comparison_for("old", atom.old_owner), comparison_for("new", atom.new_owner)
        change = None
        if atom.op != EQUAL:
            change = Change(atom.op, old_nodes[atom.old_owner].path, new_nodes[atom.new_owner].path,
                            rebuild(atom.old), rebuild(atom.new),
                            _stream_span(atom.old, old_side, atom.old_cursor),
                            _stream_span(atom.new, new_side, atom.new_cursor), section)
        if old_home is new_home:
            shown = [Segment(atom.op, atom.old, atom.new)]
            old_home.segments.extend(shown)
        else:
            shown = []
            if atom.old:
                shown.append(Segment(EQUAL if atom.op == EQUAL else DELETE, atom.old, ()))
                old_home.segments.append(shown[-1])
            if atom.new:
                shown.append(Segment(EQUAL if atom.op == EQUAL else INSERT, (), atom.new))
                new_home.segments.append(shown[-1])
        if change is not None:
            _linked(change, *shown)
            home = new_home if atom.new else old_home
            home.changes.append(change)
            home.status = "changed"
    for index in range(len(old_nodes)):
        comparison_for("old", index)
    for index in range(len(new_nodes)):
        comparison_for("new", index)
    result = [comparisons[key] for key in order]
    for comparison in result:
        _add_hidden(comparison, old_side, new_side, old_nodes, new_nodes)
    return result


def _atoms(segments: list[Segment], old_side: _StreamSide, new_side: _StreamSide) -> list[_Atom]:
    """The stream diff's segments cut at every node boundary of either side."""
    atoms: list[_Atom] = []
    old_at = new_at = 0
    for segment in segments:
        old_end, new_end = old_at + len(segment.old), new_at + len(segment.new)
        if segment.op == EQUAL:
            start = 0
            for index in range(1, len(segment.old) + 1):
                if index == len(segment.old) or old_side.owners[old_at + index] != old_side.owners[old_at + start] \
                        or new_side.owners[new_at + index] != new_side.owners[new_at + start]:
                    atoms.append(_Atom(EQUAL, segment.old[start:index], segment.new[start:index],
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


def _partners(atoms: list[_Atom], old_count: int, new_count: int) -> tuple[dict[int, int], dict[int, int]]:
    """Old and new nodes that share most of their words with each other (both ways)."""
    shared: dict[tuple[int, int], int] = {}
    for atom in atoms:
        if atom.op == EQUAL:
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


def _add_hidden(comparison: NodeComparison, old_side: _StreamSide, new_side: _StreamSide,
                old_nodes: list[Node], new_nodes: list[Node]) -> None:
    """Put back the words of a node that lie outside the shared stretch of truncated copies."""
    old_hidden = old_side.hidden[_index_of(old_nodes, comparison.old)] if comparison.old is not None else ((), ())
    new_hidden = new_side.hidden[_index_of(new_nodes, comparison.new)] if comparison.new is not None else ((), ())
    before = [Segment(ONLY_OLD, old_hidden[0], ()), Segment(ONLY_NEW, (), new_hidden[0])]
    after = [Segment(ONLY_OLD, old_hidden[1], ()), Segment(ONLY_NEW, (), new_hidden[1])]
    comparison.segments = [s for s in before if s.old or s.new] + comparison.segments + [
        s for s in after if s.old or s.new
    ]


def _index_of(nodes: list[Node], node: Node) -> int:
    return next(index for index, candidate in enumerate(nodes) if candidate is node)


def _fewer_changes(compared: list[NodeComparison], old_nodes: list[Node], new_nodes: list[Node],
                   visible: _Visible, section: str) -> list[NodeComparison]:
    """Node by node, or (when that added or removed nodes) the section's words as one stream
    (Source notes stay node by node): whichever reports no more changes and fewer words."""
    notes = [node for node in compared if (node.old or node.new).kind == "source_note"]
    old_text = [node for node in old_nodes if node.kind != "source_note"]
    new_text = [node for node in new_nodes if node.kind != "source_note"]
    restreamed = _restreamed(old_text, new_text, visible, section)
    if restreamed is None:
        return compared
    restreamed += notes
    changes, words = _changed_words(restreamed)
    node_changes, node_words = _changed_words(compared)
    return restreamed if changes <= node_changes and words < node_words else compared


def _changed_words(comparisons: list[NodeComparison]) -> tuple[int, int]:
    """(changes, words they take out or put in): to choose between two ways of pairing."""
    changes = [change for comparison in comparisons for change in comparison.changes]
    words = sum(len(change.old_text.split()) + len(change.new_text.split())
                for change in changes if change.op in (INSERT, DELETE, REPLACE, ADD, REMOVE))
    return len(changes), words


def _same_text(visible: _Visible):
    """Unchanged unnumbered paragraphs pair by their exact text before any fuzzy matching."""

    def key(node: Node):
        return (node.kind, visible.texts(node))

    return key


def _same_nodes(old_nodes: list[Node], new_nodes: list[Node], visible: _Visible) -> bool:
    """An unchanged section: the same kinds of node with the same words, in the same order."""
    return len(old_nodes) == len(new_nodes) and all(
        old.kind == new.kind and visible.texts(old) == visible.texts(new) for old, new in zip(old_nodes, new_nodes)
    )


def _relative_key(old_unit: Unit, new_unit: Unit):
    """A node's path relative to its section, so that a renumbered Section's nodes still pair.
    Ordinal paths (`[2]`, ` #2`) shift when a paragraph is inserted: those pair by content."""

    def key(node: Node):
        if _ORDINAL.search(node.path):
            return None
        for unit in (old_unit, new_unit):
            if unit.path and node.path.startswith(unit.path):
                return (node.kind, node.path[len(unit.path):].lstrip())
        return (node.kind, node.path)

    return key


def _renumbered(pair, old: Node, new: Node) -> bool:
    if pair.how != CONTENT or old.kind not in RENUMBERABLE or new.kind != old.kind:
        return False
    old_number = old.meta.get("number", old.label)
    new_number = new.meta.get("number", new.label)
    return old_number is not None and new_number is not None and old_number != new_number


def _drop_number_edits(node: NodeComparison, old_unit: Unit, new_unit: Unit, renumber: Change) -> None:
    """A renumbered Section's new number in its heading and citation is the renumber itself:
    that edit is no change of its own, and its segment shows the renumber."""
    old_number = str(old_unit.node.meta.get("number", old_unit.node.label))
    new_number = str(new_unit.node.meta.get("number", new_unit.node.label))

    def is_number_edit(change: Change) -> bool:
        return (
            change.op == REPLACE
            and change.old_text.endswith(old_number)
            and change.new_text.endswith(new_number)
            and " " not in change.old_text.replace(" ILCS ", "")
        )

    dropped = {change.anchor for change in node.changes if is_number_edit(change)}
    if not dropped:
        return
    node.changes = [change for change in node.changes if change.anchor not in dropped]
    node.status = "renumbered"
    _linked(renumber, *[segment for segment in node.segments if segment.anchor in dropped])


def _structural_change(op: str, old_unit: Unit, new_unit: Unit, section: str) -> Change:
    if op == RENUMBER:
        old_text = str(old_unit.node.meta.get("number", old_unit.node.label or old_unit.path))
        new_text = str(new_unit.node.meta.get("number", new_unit.node.label or new_unit.path))
    else:
        old_text = new_text = _heading(new_unit.node) or new_unit.path
    return Change(
        op, old_unit.path, new_unit.path, old_text, new_text,
        SourceSpan.covering(old_unit.words), SourceSpan.covering(new_unit.words), section,
    )


# ---------------------------------------------------------------- node pairs


def _compare_nodes(pair, section: str, context: _Context) -> NodeComparison:
    visible = context.visible
    if pair.old is None or pair.new is None:
        node = pair.old if pair.old is not None else pair.new
        side = "old" if pair.old is not None else "new"
        if not visible.count(node):
            return _lone_node(node, side, ONLY_OLD if side == "old" else ONLY_NEW, visible)
        comparison = _lone_node(node, side, "removed" if side == "old" else "added", visible)
        comparison.changes.append(_node_change(node, node.words, side, section))
        return comparison
    if not pair.moved and visible.whole(pair.old) and visible.whole(pair.new) and (
        visible.texts(pair.old) == visible.texts(pair.new)
    ):
        return NodeComparison(pair.old, pair.new, "unchanged", [LazySegment(EQUAL, pair.old.words, pair.new.words)])
    segments = _node_segments(pair.old, pair.new, visible)
    changes = _word_changes(pair.old, pair.new, segments, section)
    if pair.old.kind == "source_note" and changes:
        changes = [_linked(_source_change(pair.old, pair.new, section),
                           *[segment for segment in segments if segment.anchor])]
    status = "changed" if changes else "unchanged"
    if pair.moved and pair.old.kind != "source_note":
        changes.insert(0, _node_structural(MOVE, pair.old, pair.new, section))
        status = "moved"
    return NodeComparison(pair.old, pair.new, status, segments, changes)


def _node_segments(old: Node, new: Node, visible: _Visible) -> list[Segment]:
    if visible.whole(old) and visible.whole(new):
        if visible.texts(old) == visible.texts(new):
            return [LazySegment(EQUAL, old.words, new.words)]
        return _trimmed_segments(old.words, new.words)
    old_tokens = tokenize(old.words)
    new_tokens = tokenize(new.words)
    old_low, old_high = _token_span(old, visible, old_tokens)
    new_low, new_high = _token_span(new, visible, new_tokens)
    segments: list[Segment] = []
    if old_low:
        segments.append(Segment(ONLY_OLD, tuple(old_tokens[:old_low]), ()))
    if new_low:
        segments.append(Segment(ONLY_NEW, (), tuple(new_tokens[:new_low])))
    segments.extend(diff_tokens(old_tokens[old_low:old_high], new_tokens[new_low:new_high]))
    if old_high < len(old_tokens):
        segments.append(Segment(ONLY_OLD, tuple(old_tokens[old_high:]), ()))
    if new_high < len(new_tokens):
        segments.append(Segment(ONLY_NEW, (), tuple(new_tokens[new_high:])))
    return segments


def _trimmed_segments(old: list[Word], new: list[Word]) -> list[Segment]:
    """Diff only what lies between the words both nodes begin and end with: the common
    head and tail stay one lazy `equal` segment each (a long node changed in one place)."""
    head = _common_words(old, new)
    tail = _common_words(old[head:][::-1], new[head:][::-1])
    head, tail = _clear_of_units(old, head, TRIM_MARGIN), _clear_of_units(old[::-1], tail, TRIM_MARGIN)
    old_middle = tokenize(old[head:len(old) - tail], leading_space=head > 0)
    new_middle = tokenize(new[head:len(new) - tail], leading_space=head > 0)
    segments: list[Segment] = []
    if head:
        segments.append(LazySegment(EQUAL, old[:head], new[:head]))
    segments.extend(diff_tokens(old_middle, new_middle))
    if tail:
        segments.append(LazySegment(EQUAL, old[len(old) - tail:], new[len(new) - tail:], leading_space=True))
    return segments


TRIM_MARGIN = 4  # words of common text diffed with the change, so that grouping sees them


def _common_words(old: list[Word], new: list[Word]) -> int:
    count = 0
    for old_word, new_word in zip(old, new):
        if old_word.text != new_word.text:
            break
        count += 1
    return count


def _clear_of_units(words: list[Word], count: int, margin: int) -> int:
    """`count` less the margin, and less any word that may belong to a multi-word unit
    (`815 ILCS 530/10`, `P.A. 94-947`) cut by the boundary."""
    count = max(0, count - margin)
    while count and _may_join(words[count - 1].text):
        count -= 1
    return count


def _may_join(text: str) -> bool:
    return text in ("ILCS", "P.A.") or text.lstrip("(")[:1].isdigit()


class LazySegment(Segment):
    """A segment that covers whole nodes (an unchanged pair, a node only one text has),
    tokenized on first use: most nodes of two versions are unchanged, and only renderers
    that show them need their tokens."""

    __slots__ = ("_old_words", "_new_words", "_old_tokens", "_new_tokens", "_leading_space")

    def __init__(self, op: str, old_words: list[Word], new_words: list[Word], leading_space: bool = False):
        self.op = op
        self._old_words, self._new_words = old_words, new_words
        self._old_tokens = self._new_tokens = None
        self._leading_space = leading_space
        self.anchor = ""

    @property
    def old(self) -> tuple[Token, ...]:
        if self._old_tokens is None:
            self._old_tokens = tuple(tokenize(self._old_words, leading_space=self._leading_space))
        return self._old_tokens

    @property
    def new(self) -> tuple[Token, ...]:
        if self._new_tokens is None:
            self._new_tokens = tuple(tokenize(self._new_words, leading_space=self._leading_space))
        return self._new_tokens

    def positions(self, side: str) -> tuple[Position, Position] | None:
        """First and last position on one side, without tokenizing."""
        words = self._old_words if side == "old" else self._new_words
        return (words[0].position, words[-1].position) if words else None


def _token_span(node: Node, visible: _Visible, tokens: list[Token]) -> tuple[int, int]:
    """The tokens of the node's visible words (tokens keep their word's position object)."""
    start, end = visible.span(node)
    if (start, end) == (0, len(node.words)):
        return 0, len(tokens)
    word_index = _token_word_index(node.words, tokens)
    low = next((i for i, w in enumerate(word_index) if w >= start), len(tokens))
    high = next((i for i, w in enumerate(word_index) if w >= end), len(tokens))
    return low, max(low, high)


def _token_word_index(words: list[Word], tokens: list[Token]) -> list[int]:
    """For each token, the index of the word it starts in."""
    indices = []
    word = -1
    for index, token in enumerate(tokens):
        if index == 0 or token.space_before:
            word += 1
        indices.append(word)
        word += token.text.count(" ")  # a multi-word unit spans one word per space
    return indices


def diff_tokens(old: list[Token], new: list[Token]) -> list[Segment]:
    """Word-level segments of two token lists, grouped into phrases."""
    vocabulary: dict[str, int] = {}
    old_ids = [vocabulary.setdefault(token.text, len(vocabulary)) for token in old]
    new_ids = [vocabulary.setdefault(token.text, len(vocabulary)) for token in new]
    if old_ids == new_ids:
        return [Segment(EQUAL, tuple(old), tuple(new))] if old else []
    raw: list[Segment] = []
    _raw_segments(old, new, old_ids, new_ids, raw)
    return group_segments(raw)


SENTENCE_DIFF_ABOVE = 20_000  # tokens: longer runs are matched sentence by sentence first


def _raw_segments(old, new, old_ids: list[int], new_ids: list[int], raw: list[Segment]) -> None:
    """Indel opcodes over token ids. Long runs are first matched sentence by sentence and
    only the sentences that differ are diffed word by word: Indel is O(n*m/64), and a long
    node with changes at both ends must not cost minutes."""
    if len(old_ids) + len(new_ids) > SENTENCE_DIFF_ABOVE:
        old_sentences, new_sentences = _sentences(old_ids, old), _sentences(new_ids, new)
        if len(old_sentences) > 2 and len(new_sentences) > 2:
            _raw_by_sentence(old, new, old_ids, new_ids, old_sentences, new_sentences, raw)
            return
    for opcode in Indel.opcodes(old_ids, new_ids):
        raw.append(Segment(opcode.tag, tuple(old[opcode.src_start:opcode.src_end]),
                           tuple(new[opcode.dest_start:opcode.dest_end])))


def _sentences(ids: list[int], tokens: list[Token]) -> list[tuple[int, int]]:
    """(start, end) token ranges ending after `.`, `;` or `:`."""
    ranges, start = [], 0
    for index, token in enumerate(tokens):
        if token.text in (".", ";", ":"):
            ranges.append((start, index + 1))
            start = index + 1
    if start < len(tokens):
        ranges.append((start, len(tokens)))
    return ranges


def _raw_by_sentence(old, new, old_ids, new_ids, old_sentences, new_sentences, raw) -> None:
    vocabulary: dict[tuple[int, ...], int] = {}
    old_keys = [vocabulary.setdefault(tuple(old_ids[a:b]), len(vocabulary)) for a, b in old_sentences]
    new_keys = [vocabulary.setdefault(tuple(new_ids[a:b]), len(vocabulary)) for a, b in new_sentences]
    old_bounds = [start for start, _ in old_sentences] + [len(old)]
    new_bounds = [start for start, _ in new_sentences] + [len(new)]
    pending: list[int] | None = None  # a run of differing sentences: old and new token ranges
    for opcode in Indel.opcodes(old_keys, new_keys):
        old_range = [old_bounds[opcode.src_start], old_bounds[opcode.src_end]]
        new_range = [new_bounds[opcode.dest_start], new_bounds[opcode.dest_end]]
        if opcode.tag != EQUAL:
            if pending is None:
                pending = old_range + new_range
            else:
                pending[1], pending[3] = old_range[1], new_range[1]
            continue
        if pending is not None:
            _raw_differing(old, new, old_ids, new_ids, pending, raw)
            pending = None
        raw.append(Segment(EQUAL, tuple(old[old_range[0]:old_range[1]]), tuple(new[new_range[0]:new_range[1]])))
    if pending is not None:
        _raw_differing(old, new, old_ids, new_ids, pending, raw)


def _raw_differing(old, new, old_ids, new_ids, ranges: list[int], raw: list[Segment]) -> None:
    """Word-level opcodes of a run of sentences that differ (one replace if it is huge)."""
    old_start, old_end, new_start, new_end = ranges
    if old_end - old_start + new_end - new_start > SENTENCE_DIFF_ABOVE:
        raw.append(Segment(REPLACE, tuple(old[old_start:old_end]), tuple(new[new_start:new_end])))
        return
    for inner in Indel.opcodes(old_ids[old_start:old_end], new_ids[new_start:new_end]):
        raw.append(Segment(
            inner.tag,
            tuple(old[old_start + inner.src_start:old_start + inner.src_end]),
            tuple(new[new_start + inner.dest_start:new_start + inner.dest_end]),
        ))


def group_segments(segments: list[Segment]) -> list[Segment]:
    """Fold adjacent deletes and inserts into one replace, and join two changes separated by
    a single glue word or punctuation mark ("the", "of", ",") into one."""
    merged: list[Segment] = []
    for segment in segments:
        if not segment.old and not segment.new:
            continue
        if segment.op != EQUAL and merged and merged[-1].op != EQUAL:
            merged[-1] = _joined(merged[-1], segment)
            continue
        if (
            segment.op != EQUAL
            and len(merged) >= 2
            and merged[-1].op == EQUAL
            and merged[-2].op != EQUAL
            and _is_glue(merged[-1])
        ):
            glue = merged.pop()
            merged[-1] = _joined(_joined(merged[-1], glue), segment)
            continue
        merged.append(Segment(segment.op, segment.old, segment.new))
    return merged


def _is_glue(segment: Segment) -> bool:
    if len(segment.old) != 1:
        return False
    text = segment.old[0].text
    return text.lower() in GLUE_WORDS or not any(char.isalnum() for char in text)


def _joined(first: Segment, second: Segment) -> Segment:
    old = first.old + second.old
    new = first.new + second.new
    return Segment(segment_op(old, new), old, new)


def _word_changes(old: Node, new: Node, segments, section) -> list[Change]:
    if all(segment.op in (EQUAL, ONLY_OLD, ONLY_NEW) for segment in segments):
        return []
    changes = []
    for index, segment in enumerate(segments):
        if segment.op in (INSERT, DELETE, REPLACE):
            old_source = SourceSpan.covering(segment.old) or SourceSpan.at(_point(segments, index, "old"))
            new_source = SourceSpan.covering(segment.new) or SourceSpan.at(_point(segments, index, "new"))
            change = Change(segment.op, old.path, new.path, rebuild(segment.old), rebuild(segment.new),
                            old_source, new_source, section)
            changes.append(_linked(change, segment))
    return changes


_PROVISIONAL = itertools.count(1)


def _linked(change: Change, *segments: Segment) -> Change:
    """Name the change on the segments that show it: a provisional anchor now, which
    `number_anchors` replaces by the final one on both (changes are numbered last)."""
    if not change.anchor:
        change.anchor = f"~{next(_PROVISIONAL)}"
    for segment in segments:
        segment.anchor = change.anchor
    return change


def _point(segments: list[Segment], index: int, side: str) -> Position | None:
    """Where an insertion (deletion) falls in the other text: the token before it, or after."""
    before = [_edge(segment, side, last=True) for segment in reversed(segments[:index])]
    after = [_edge(segment, side, last=False) for segment in segments[index + 1:]]
    return next((p for p in before if p is not None), None) or next((p for p in after if p is not None), None)


def _edge(segment: Segment, side: str, last: bool) -> Position | None:
    if isinstance(segment, LazySegment):
        positions = segment.positions(side)
        return None if positions is None else positions[1 if last else 0]
    tokens = segment.old if side == "old" else segment.new
    return (tokens[-1] if last else tokens[0]).position if tokens else None


def _source_change(old: Node, new: Node, section: str) -> Change:
    return Change(SOURCE, old.path, new.path, old.text, new.text,
                  SourceSpan.covering(old.words), SourceSpan.covering(new.words), section)


def _node_change(node: Node, words: list[Word], side: str, section: str) -> Change:
    text = " ".join(word.text for word in words)
    span = SourceSpan.covering(words)
    if side == "old":
        return Change(REMOVE, node.path, None, text, "", span, None, section)
    return Change(ADD, None, node.path, "", text, None, span, section)


def _node_structural(op: str, old: Node, new: Node, section: str) -> Change:
    return Change(op, old.path, new.path, old.text, new.text,
                  SourceSpan.covering(old.words), SourceSpan.covering(new.words), section)


# ---------------------------------------------------------------- Source notes and attribution

def _source_note_text(unit: Unit) -> str:
    for node in unit.nodes:
        if node.kind == "source_note":
            return node.text
    return str(unit.node.meta.get("source_note") or "")


def _public_acts(unit: Unit) -> list[str]:
    """The Public Acts the section's Source note cites, as the structure stage read them."""
    return list(unit.node.meta.get("public_acts") or ())


def _attribute(old_unit: Unit, new_unit: Unit, changes: list[Change], context: _Context) -> list[str]:
    old_note, new_note = _source_note_text(old_unit), _source_note_text(new_unit)
    if old_note == new_note:
        return []
    old_acts = _public_acts(old_unit)
    newer = [f"P.A. {act}" for act in _public_acts(new_unit) if act not in old_acts]
    if not newer or not old_acts:
        return []
    label = ", ".join(newer)
    marked = any(word.mark != PLAIN for word in new_unit.words)
    for change in changes:
        if change.op in (SOURCE, MOVE, RENUMBER):
            continue
        if not context.new_is_bill or not _explained_by_bill(change, marked, context.synopsis, new_unit):
            change.attributed_to = label
    return newer


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
    if change.new_source is None:
        return True
    start, end = change.new_source.start, change.new_source.end
    return any(
        word.mark in (INSERTED, DELETED) and _between(word.position, start, end) for word in unit.words
    )


def _between(position: Position, start: Position, end: Position) -> bool:
    key = (position.page or 0, position.line or 0)
    return (start.page or 0, start.line or 0) <= key <= (end.page or 0, end.line or 0)


def _content_words(text: str) -> list[str]:
    words = [_stem(word) for word in re.findall(r"[A-Za-z0-9]+", text.lower())]
    return [word for word in words if len(word) > 1 and word not in STOPWORDS]


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _synopsis_words(document: Document) -> frozenset[str] | None:
    if not document.synopsis:
        return None
    return frozenset(_content_words(document.synopsis))


# ---------------------------------------------------------------- nodes moved between sections

MOVED_NODE_CUTOFF = 90.0  # rapidfuzz ratio: a removed node and an added node this alike are one move


def _pair_moved_nodes(sections: list[SectionComparison]) -> None:
    """A node removed from one section and added, (nearly) the same, to another has moved:
    its remove and add become one `move` change (text differences show in its texts)."""
    removed = [(s, n) for s in sections for n in s.nodes if n.status == "removed" and n.changes]
    added = [(s, n) for s in sections for n in s.nodes if n.status == "added" and n.changes]
    if not removed or not added or len(removed) * len(added) > 250_000:
        return
    pairs = best_pairs([n.old.text for _, n in removed], [n.new.text for _, n in added], MOVED_NODE_CUTOFF,
                       allowed=lambda i, j: removed[i][0] is not added[j][0])
    for i, j, _ in pairs:
        _mark_moved(removed[i], added[j])


def _mark_moved(removed: tuple[SectionComparison, NodeComparison], added: tuple[SectionComparison, NodeComparison]):
    old_section, old_node = removed
    new_section, new_node = added
    old_change, new_change = old_node.changes[0], new_node.changes[0]
    move = Change(MOVE, old_node.old.path, new_node.new.path, old_change.old_text, new_change.new_text,
                  old_change.old_source, new_change.new_source, new_section.path, new_change.attributed_to)
    old_node.changes, new_node.changes = [], [move]
    old_node.status = new_node.status = "moved"
    for section in (old_section, new_section):
        if section.status == "changed" and not section.changes:
            section.status = "unchanged"


# ---------------------------------------------------------------- anchors


def number_anchors(comparison: Comparison, prefix: str = "c") -> None:
    """Number the changes in reading order (`c1`, `c2`, ...), and rename each segment's
    provisional anchor (unique while the segment lives) to its change's number."""
    final: dict[str, str] = {}
    for number, change in enumerate(comparison.changes, start=1):
        final[change.anchor] = change.anchor = f"{prefix}{number}"
    for section in comparison.sections:
        for node in section.nodes:
            for segment in node.segments:
                if segment.anchor:
                    segment.anchor = final.get(segment.anchor, "")
