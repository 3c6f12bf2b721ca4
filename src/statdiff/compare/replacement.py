"""A whole-replacement amendment compared with its bill.

"Amend House Bill 1633 by replacing everything after the enacting clause with the
following:" then, in quotes, the whole new body of the bill. Compared with the bill, the
amendment's instruction is no text of the bill, and the bill's title and enacting clause
are what the amendment keeps: neither is a change. Nor is the opening quotation mark of the
new body (`"Section 1. Short title.`) or its closing one (`becoming law.".`): they are the
instruction's, not the bill's. The instruction's wording is `statdiff.law.amendments`;
`statdiff.amend.parse_amendment` tells a whole replacement.

The front matter of both texts (title, enacting clause; the amendment's heading and
instruction) is listed side by side, unchanged (`kept_front_matter`), and the quotation
marks are kept alike (`Quotes.kept`): an `equal` segment on the amendment's side alone.
The two texts are searched for a truncated copy without their front matter.
"""

from __future__ import annotations

from dataclasses import dataclass

from statdiff.compare.units import Unit, collect_units
from statdiff.errors import StatdiffError
from statdiff.law import amendments
from statdiff.law import units as units_grammar
from statdiff.model import WORD_OPS, Document, Node, Op, Segment, Side, Token, Word, segment_op

QUOTES = frozenset('"“”')
PREAMBLE_REACH = 120  # words at the head of a text where an amendment's preamble is looked for


@dataclass(frozen=True, slots=True, eq=False)
class Quotes:
    """The quotation marks around a whole-replacement amendment's new body: the node whose
    first word opens with one, the node whose last word closes with one (None: not printed,
    or beyond the end of a cut copy), on the amendment's `side`."""

    side: Side
    opening: Node | None
    closing: Node | None

    def kept(self, segments: list[Segment], old: Node | None, new: Node | None) -> list[Segment]:
        """The segments of a node pair (or of a section's stream starting at `old` / `new`,
        ending at its last node) with the opening or closing quotation mark, where the diff
        reads it inserted (deleted), kept alike: an `equal` segment on the amendment's side."""
        node = new if self.side == "new" else old
        if node is None:
            return segments
        if node is self.opening:
            segments = self._split(segments, opening=True)
        if node is self.closing:
            segments = self._split(segments, opening=False)
        return segments

    def unquoted(self, node: Node, index: int, text: str) -> str:
        """A word as the search for a truncated copy reads it: the new body's first word
        without its opening quotation mark, its last without the closing one (`"Section` is
        `Section`, not a word cut at its head)."""
        if node is self.opening and index == 0:
            text = text.lstrip("".join(QUOTES)) or text
        if node is self.closing and index == len(node.words) - 1:
            at = max(text.rfind(mark) for mark in QUOTES)
            text = text[:at] if at > 0 and not any(char.isalnum() for char in text[at:]) else text
        return text

    def kept_stream(self, segments: list[Segment], nodes: list[Node]) -> list[Segment]:
        """`kept` for the diff of a section's nodes read as one stream."""
        if not nodes:
            return segments
        if nodes[0] is self.opening:
            segments = self._split(segments, opening=True)
        if nodes[-1] is self.closing:
            segments = self._split(segments, opening=False)
        return segments

    def _split(self, segments: list[Segment], opening: bool) -> list[Segment]:
        order = range(len(segments)) if opening else range(len(segments) - 1, -1, -1)
        for index in order:
            segment = segments[index]
            tokens = segment.new if self.side == "new" else segment.old
            if not tokens:
                continue
            if segment.op not in WORD_OPS:
                return segments  # the mark is in text both sides hold: nothing to keep
            size = _quote_run(tokens, opening)
            if not size:
                return segments
            mark, rest = (tokens[:size], tokens[size:]) if opening else (tokens[-size:], tokens[:-size])
            kept = Segment(Op.EQUAL, (), mark) if self.side == "new" else Segment(Op.EQUAL, mark, ())
            old_rest, new_rest = (segment.old, rest) if self.side == "new" else (rest, segment.new)
            parts = [Segment(segment_op(old_rest, new_rest), old_rest, new_rest)] if old_rest or new_rest else []
            parts = [kept] + parts if opening else parts + [kept]
            return segments[:index] + parts + segments[index + 1:]
        return segments


def _quote_run(tokens: tuple[Token, ...], opening: bool) -> int:
    """How many tokens the quotation mark takes: the first token when it is one; at the end,
    the last quotation mark and the punctuation after it (`".`)."""
    if opening:
        return 1 if tokens[0].text in QUOTES else 0
    for back in range(1, min(len(tokens), 3) + 1):
        token = tokens[-back]
        if token.text in QUOTES:
            return back
        if any(char.isalnum() for char in token.text):
            return 0
    return 0


@dataclass(frozen=True, slots=True, eq=False)
class Replacement:
    """A whole-replacement amendment on `side`, compared with its bill on the other."""

    side: Side
    fronts: tuple[Node, Node]  # the old and new document roots, whose front matter is kept
    quotes: Quotes


def whole_replacement(old: Document, new: Document) -> Replacement | None:
    """The comparison of a bill with an amendment that replaces everything after its enacting
    clause (either way round); None otherwise (two amendments, two bills, an Act)."""
    old_amends, new_amends = _is_amendment(old), _is_amendment(new)
    if old_amends == new_amends:
        return None
    side: Side = "old" if old_amends else "new"
    amendment, bill = (old, new) if old_amends else (new, old)
    if not _opens_as_a_bill(bill):
        return None  # a copy of the amendment without its first page, a bill cut before its start
    from statdiff.amend.instructions import parse_amendment  # a large stage: loaded for amendments only

    try:
        if not parse_amendment(amendment).whole_replacement:
            return None
    except StatdiffError:
        return None
    return Replacement(side, (old.root, new.root), _quotes(amendment, side))


def _opens_as_a_bill(document: Document) -> bool:
    """The text opens with a bill's front matter: its title (`AN ACT concerning ...`) or its
    enacting clause, before any section."""
    units = collect_units(document)
    if not units or units[0].node is not document.root:
        return False
    text = " ".join(word.text for word in units[0].words)
    return text.startswith(units_grammar.BILL_TITLE) or units_grammar.ENACTING_CLAUSE.search(text) is not None


def _is_amendment(document: Document) -> bool:
    head = " ".join(word.text for word in _head_words(document.root, PREAMBLE_REACH))
    return amendments.PREAMBLE.search(head) is not None


def _head_words(root: Node, count: int) -> list[Word]:
    words: list[Word] = []
    for node in root.walk():
        words.extend(node.words[:count - len(words)])
        if len(words) >= count:
            break
    return words


def _quotes(amendment: Document, side: Side) -> Quotes:
    """The nodes holding the opening and closing quotation marks of the new body: the first
    node after the front matter (the instruction), the document's last node with words."""
    units = collect_units(amendment)
    body = [node for unit in units if not _front(unit, amendment) for node in unit.nodes if node.has_words()]
    opening = body[0] if body and body[0].words[0].text[:1] in QUOTES else None
    closing = body[-1] if body and any(char in QUOTES for char in body[-1].words[-1].text) \
        and _quote_run(_tail_tokens(body[-1].words[-1].text), opening=False) else None
    return Quotes(side, opening, closing)


def _tail_tokens(text: str) -> tuple[Token, ...]:
    from statdiff.compare.tokens import tokenize

    return tuple(tokenize([Word(text)]))


def _front(unit: Unit, document: Document) -> bool:
    return unit.node is document.root


def kept_front(unit: Unit, replacement: Replacement | None) -> bool:
    """A unit of front matter a whole replacement keeps (the bill's title and enacting
    clause) or brings (the amendment's heading and instruction): no change."""
    return replacement is not None and unit.node in replacement.fronts
