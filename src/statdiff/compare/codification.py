"""An Act's own text against its compiled printing: what the codifier prints is not a change.

A Public Act, or the enrolled bill that creates an Act, prints the Act's Sections as the
General Assembly passed them: `Section 1. Short title. ...`, after the bill's title and
enacting clause. The Illinois Compiled Statutes print the same Sections with the codifier's
apparatus: a citation line `(815 ILCS 530/1)` (and `(from Ch. ...)`), `Sec. 1.` for
`Section 1.`, and a history note `(Source: P.A. 94-36, eff. 1-1-06.)` (by statute the
citation and Source notes are informational, not law). Compared word for word, every
Section would show its citation line and Source note removed and `Sec.` replaced by
`Section`, and the Act's title and enacting clause added: differences of printing, not of
the law, that would bury its real changes (an amendment the compiled text holds and the
Act's own text does not).

Where a codified Section (printed with its citation line) pairs with a Section of an Act's
own text (printed without one), statdiff sets these aside, in that pair only:
- the codified Section's citation line and Source note, where the other Section prints none:
  kept in the redline on their own side as unchanged text, compared with nothing;
- `Sec.` against `Section` as the first word of the Section's heading: equal text;
- the front matter of the Act's own text when it is only the bill's title and enacting clause
  (and the other text has none).
Everything else is compared as ever: a changed word, a subsection the compiled Act adds, is a
change. `codification_note` says, in one warning, what was set aside and in how many places:
nothing is dropped silently.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from statdiff.compare.changes import word_changes
from statdiff.compare.nodes import whole_words
from statdiff.compare.tokens import rebuild
from statdiff.compare.units import Unit
from statdiff.compare.words import diff_tokens
from statdiff.law import units as units_grammar
from statdiff.law.compiling import when_used
from statdiff.model import (
    WORD_OPS,
    Comparison,
    Node,
    NodeComparison,
    Op,
    Segment,
    SectionComparison,
    Side,
    Status,
    Token,
    counted,
)

if TYPE_CHECKING:
    from statdiff.compare.apparatus import Apparatus

# The codifier's own nodes in a compiled Section: what an Act's own text never prints.
APPARATUS_KINDS = ("citation", "source_note")
# The first word of a Section's heading: the codifier's (`Sec. 1.`) and the Act's own (`Section 1.`).
CODIFIED_WORD, OWN_WORD = "Sec.", "Section"


def codification_pair(old: Node | None, new: Node | None) -> Side | None:
    """The side of the codified Section when `old` and `new` are Sections, one printed with
    its citation line (`meta.codified`) and the other without (an Act's own text); None
    for any other pair."""
    if old is None or new is None or old.kind != "section" or new.kind != "section":
        return None
    if old.meta.codified == new.meta.codified:
        return None
    return "old" if old.meta.codified else "new"


def apparatus(old_unit: Unit, new_unit: Unit) -> Apparatus | None:
    """The apparatus to set aside in a pair of sections (`codification_pair`); None when the
    pair is not a codified Section and an Act's own Section."""
    compiled = codification_pair(old_unit.node, new_unit.node)
    if compiled is None:
        return None
    from statdiff.compare.apparatus import Apparatus  # (its class made for such a pair only)

    compiled_unit, own_unit = (old_unit, new_unit) if compiled == "old" else (new_unit, old_unit)
    printed = {node.kind for node in own_unit.worded}
    return Apparatus(compiled, tuple(node for node in compiled_unit.worded
                                     if node.kind in APPARATUS_KINDS and node.kind not in printed))


def set_aside(nodes: list[NodeComparison], aside: Apparatus, old_unit: Unit, new_unit: Unit,
              section: str) -> list[NodeComparison]:
    """A section pair's compared nodes with the apparatus put back, each node on its own side
    as unchanged text (before the compared nodes when it comes before them, as a citation
    line does; after them otherwise), and `Sec.` against `Section` made equal text."""
    compiled_unit = old_unit if aside.compiled == "old" else new_unit
    own_unit = new_unit if aside.compiled == "old" else old_unit
    heading = _heading_node(aside.without(compiled_unit.worded), CODIFIED_WORD)
    own_heading = _heading_node(own_unit.worded, OWN_WORD)
    if heading is not None and own_heading is not None:
        old_heading, new_heading = (heading, own_heading) if aside.compiled == "old" else (own_heading, heading)
        for comparison in nodes:
            if comparison.old is old_heading and comparison.new is new_heading:
                _equal_heading_word(comparison, section)
    if not aside.nodes:
        return nodes
    first = next((index for index, node in enumerate(compiled_unit.worded) if not aside.holds(node)), 0)
    before = [_set_aside(node, aside.compiled) for node in compiled_unit.worded[:first] if aside.holds(node)]
    after = [_set_aside(node, aside.compiled) for node in compiled_unit.worded[first:] if aside.holds(node)]
    return before + nodes + after


def _set_aside(node: Node, side: Side) -> NodeComparison:
    """A node of one text compared with nothing: unchanged text on its own side."""
    old, new = (node, None) if side == "old" else (None, node)
    return NodeComparison(old, new, Status.UNCHANGED,
                          [whole_words(Op.EQUAL, node.words if old else [], node.words if new else [])])


def _heading_node(worded: list[Node], word: str) -> Node | None:
    """The unit's first node with words, when its first word is `word` (`Sec.`, `Section`)."""
    if not worded:
        return None
    first = worded[0].words
    return worded[0] if first and first[0].text == word else None


def _equal_heading_word(comparison: NodeComparison, section: str) -> None:
    """Where the heading's diff opens by changing `Sec.` into `Section` (or back), that word
    becomes equal text and the rest of that opening run is diffed again; the node's word
    changes follow."""
    segments = comparison.segments
    lead = 0
    while lead < len(segments) and segments[lead].op in WORD_OPS:
        lead += 1
    old_tokens = [token for segment in segments[:lead] for token in segment.old]
    new_tokens = [token for segment in segments[:lead] for token in segment.new]
    old_word = _opening_word(old_tokens, (CODIFIED_WORD, OWN_WORD))
    new_word = _opening_word(new_tokens, (CODIFIED_WORD, OWN_WORD))
    if old_word is None or new_word is None or rebuild(old_tokens[:old_word]) == rebuild(new_tokens[:new_word]):
        return
    rest_old, rest_new = old_tokens[old_word:], new_tokens[new_word:]
    opening = [Segment(Op.EQUAL, tuple(old_tokens[:old_word]), tuple(new_tokens[:new_word]))]
    opening += diff_tokens(rest_old, rest_new)
    comparison.segments = opening + segments[lead:]
    kept = [change for change in comparison.changes if change.op not in WORD_OPS]
    assert comparison.old is not None and comparison.new is not None
    comparison.changes = kept + word_changes(comparison.old, comparison.new, comparison.segments, section)
    if not comparison.changes and comparison.status == Status.CHANGED:
        comparison.status = Status.UNCHANGED


def _opening_word(tokens: list[Token], words: tuple[str, ...]) -> int | None:
    """How many tokens print the first word (`Sec.` is the tokens `Sec` and `.`: those up to
    the next with a space before it), when it is one of `words`; None otherwise."""
    count = 1
    while count < len(tokens) and not tokens[count].space_before:
        count += 1
    return count if rebuild(tokens[:count]) in words else None


# ---------------------------------------------------------------- the front matter


def set_aside_front_matter(sections: list[SectionComparison]) -> None:
    """Where a codified Section pairs with an Act's own Section, the front matter only the
    Act's own text prints, when it is only the bill's title and its enacting clause, is set
    aside: listed on its side, unchanged, compared with nothing."""
    if not any(codification_pair(section.old, section.new) for section in sections):
        return
    for index, section in enumerate(sections):
        if section.path or section.status not in (Status.ADDED, Status.REMOVED):
            continue
        side: Side = "old" if section.status == Status.REMOVED else "new"
        shown = [node.old if side == "old" else node.new for node in section.nodes]
        if not shown or not all(node is not None and _enacting_form(node) for node in shown):
            continue
        sections[index] = SectionComparison(
            section.path, section.heading, Status.UNCHANGED, section.old, section.new,
            [_set_aside(node, side) for node in shown if node is not None])


def _enacting_form(node: Node) -> bool:
    """The node is a bill's title alone (`AN ACT concerning business.`: one sentence; a title
    that holds a period before its end is compared as text) or its enacting clause alone."""
    text = node.text
    return _TITLE.fullmatch(text) is not None or units_grammar.ENACTING_CLAUSE.fullmatch(text) is not None


_TITLE = when_used(re.escape(units_grammar.BILL_TITLE) + r" [^.]+\.")


# ---------------------------------------------------------------- the warning


def codification_note(comparison: Comparison) -> str | None:
    """The warning that says what a comparison of a compiled Act with an Act's own text set
    aside (citation lines, Source notes, `Sec.` for `Section`, title and enacting clause), and
    how often; None when it set aside nothing."""
    pairs = [(section, side) for section in comparison.sections
             if (side := codification_pair(section.old, section.new)) is not None]
    if not pairs:
        return None
    counts = {"citation": 0, "source_note": 0, "heading": 0}
    for section, side in pairs:
        for node in section.nodes:
            alone = node.old if node.new is None else node.new if node.old is None else None
            if alone is not None and node.status == Status.UNCHANGED and alone.kind in APPARATUS_KINDS:
                counts[alone.kind] += 1
            elif node.old is not None and node.new is not None and _heading_word_equal(node):
                counts["heading"] += 1
    front = any(not section.path and section.status == Status.UNCHANGED and (section.old is None) != (section.new is None)
                and section.nodes and all(_enacting_form(node.node) for node in section.nodes)
                for section in comparison.sections)
    parts = []
    if counts["citation"]:
        parts.append(counted(counts["citation"], "citation line"))
    if counts["source_note"]:
        parts.append(counted(counts["source_note"], "Source note"))
    what = " and ".join(parts)
    listed = [f"{what} that only the compiled Act prints (the codifier's)"] if what else []
    if counts["heading"]:
        listed.append(f"\"{CODIFIED_WORD}\" printed for \"{OWN_WORD}\" in {counted(counts['heading'], 'Section heading')}")
    if front:
        listed.append("the title and enacting clause of the Act's own text")
    if not listed:
        return None
    from statdiff.errors import display_name

    compiled = comparison.old if pairs[0][1] == "old" else comparison.new
    own = comparison.new if pairs[0][1] == "old" else comparison.old
    return (f"{display_name(compiled.name)} is the compiled Act and {display_name(own.name)} the Act's own text: "
            f"set aside as printing, not changes of the law: {_listed(listed)}")


def _heading_word_equal(node: NodeComparison) -> bool:
    """The node's first segment is `Sec.` and `Section` made equal (`_equal_heading_word`)."""
    segments = node.made_segments()
    if not segments or segments[0].op != Op.EQUAL:
        return False
    return {rebuild(segments[0].old), rebuild(segments[0].new)} == {CODIFIED_WORD, OWN_WORD}


def _listed(parts: list[str]) -> str:
    return "; ".join(parts)
