"""A whole-replacement amendment compared with its bill (`replacement.whole_replacement`):
which side is the amendment, the front matter both keep, and the quotation marks around its
new body, kept alike (`Quotes`). Its own module, imported when such a pair is found, so that
a comparison of two statute texts does not create its classes."""

from __future__ import annotations

from dataclasses import dataclass

from statdiff.model import WORD_OPS, Node, Op, Segment, Side, Token, segment_op

QUOTES = frozenset('"“”')


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
            size = quote_run(tokens, opening)
            if not size:
                return segments
            mark, rest = (tokens[:size], tokens[size:]) if opening else (tokens[-size:], tokens[:-size])
            kept = Segment(Op.EQUAL, (), mark) if self.side == "new" else Segment(Op.EQUAL, mark, ())
            old_rest, new_rest = (segment.old, rest) if self.side == "new" else (rest, segment.new)
            parts = [Segment(segment_op(old_rest, new_rest), old_rest, new_rest)] if old_rest or new_rest else []
            parts = [kept] + parts if opening else parts + [kept]
            return segments[:index] + parts + segments[index + 1:]
        return segments


def quote_run(tokens: tuple[Token, ...], opening: bool) -> int:
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
