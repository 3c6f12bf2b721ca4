"""Two words one printing runs together where the page lost the break between them.

A page's text loses a line or block break between a heading and what follows, and two words
print as one: ilga.gov's whole-Act page of the National Popular Vote Act reads
`... by National Popular VoteArticle I-Membership`, where the Public Act prints the compact's
title (`... National Popular Vote`) and its `Article I-Membership` on two lines. Compared word
for word, `VoteArticle` is replaced by `Vote Article`: a difference of printing.

The rule: a replacement of one word by two (or two by one) where the one is the two written
together, and they meet at a lower-case letter followed by a capital (`VoteArticle`), is
equal text, both printings kept. Only that junction marks a lost break: `any one` against
`anyone`, `every day` against `everyday` are edits and stay changes, and so is a name's
prefix (`DuPage` against `Du Page`: each word at least 3 letters). `run_together_note`
says how many were compared alike.
"""

from __future__ import annotations

from statdiff.model import Comparison, NodeComparison, Op, Segment, Status, Token


def join_run_together(comparison: Comparison) -> None:
    """Make each run-together replacement of the comparison's changed nodes equal text, and
    take its change away."""
    for section in comparison.sections:
        joined = False
        for node in section.nodes:
            if node.changes and any(_run_together(segment) for segment in node.made_segments()):
                _join(node)
                joined = True
        if joined and section.status == Status.CHANGED and not section.changes:
            section.status = Status.UNCHANGED


def _join(node: NodeComparison) -> None:
    dropped = set()
    segments = []
    for segment in node.segments:
        if _run_together(segment):
            dropped.add(segment.anchor)
            segment = Segment(Op.EQUAL, segment.old, segment.new)
        segments.append(segment)
    node.segments = segments
    node.changes = [change for change in node.changes if change.anchor not in dropped]
    if not node.changes and node.status == Status.CHANGED:
        node.status = Status.UNCHANGED


def _run_together(segment: Segment) -> bool:
    """A replacement of one token by two that it writes together, joined at a lower-case letter
    and a capital (or of two by one)."""
    if segment.op != Op.REPLACE or segment.basis is not None:
        return False
    one, two = (segment.old, segment.new) if len(segment.old) == 1 else (segment.new, segment.old)
    return len(one) == 1 and len(two) == 2 and _written_together(one[0], two)


def _written_together(one: Token, two: tuple[Token, ...]) -> bool:
    first, second = two[0].text, two[1].text
    return (two[1].space_before and one.text == first + second and first[-1:].islower() and second[:1].isupper()
            and first.isalpha() and second.isalpha() and min(len(first), len(second)) >= _SHORTEST)


# A word of the two at least this long: a name's own prefix (`DuPage` and `Du Page`, `McHenry`,
# `LaSalle`) is a spelling the law itself revises, not a lost break.
_SHORTEST = 3


def run_together_note(comparison: Comparison) -> str | None:
    """How many words run together in one printing were compared as the two the other prints."""
    # Only a node `_join` made unchanged holds one (an `UnchangedPair`, most nodes, never does: its
    # segments, where made, are equal both sides alike), and a joined run is a plain `Segment`: no
    # unchanged node's words are tokenized or listed here.
    found = []
    for section in comparison.sections:
        for node in section.nodes:
            if node.old is None or node.new is None:
                continue
            for segment in node.made_segments():
                if segment.op == Op.EQUAL and type(segment) is Segment and len(segment.old) + len(segment.new) == 3 \
                        and _run_together(Segment(Op.REPLACE, segment.old, segment.new)):
                    found.append(segment)
    if not found:
        return None
    shown = ", ".join(f'"{"".join(t.text for t in (s.old if len(s.old) == 1 else s.new))}"' for s in found[:3])
    count = len(found)
    return (f"{count} place{'s' if count != 1 else ''} where one printing runs two words together ({shown}"
            f"{' ...' if count > 3 else ''}): the page lost the break between them; compared as the two words "
            "the other prints, not as a change")
