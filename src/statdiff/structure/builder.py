"""The builder: walk the words once and open a node wherever a unit starts.

At each candidate word worth a visit (`BoundaryFinder.visits`) the boundary finder says
whether a unit starts there; the builder opens the node for it through `OPENERS`, an explicit
table from boundary kind to method. Every word goes to the most recently opened node, so the tree keeps every
word once and in order.

Shape of a codified Section (words come before children in document order, and the
citation line is printed before `Sec. 10.`): the `section` node has no words of its own;
its children are the `citation` (and any `version_note`), then the `text` child `[1]`
holding `Sec. 10. Notice of Breach.` and any lead-in (meta `role: heading`), then
subsections, definitions, paragraphs, and the `source_note`. A codified Article (a whole
Act's, or one a bill restates) is alike: its `citation`, then the `text` child holding
`ARTICLE 1. GENERAL PROVISIONS` (meta `role: article_heading`), then its Sections.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from statdiff.law import amendments, definitions, enumerators
from statdiff.model import Node, Role
from statdiff.structure.boundaries import FORCED, Boundary, BoundaryFinder, same_term
from statdiff.structure.stream import Stream
from statdiff.structure.tree import (
    ENUM_KINDS, MAX_ENUM_DEPTH, SECTION_LEVEL, EnumValue, NodeState, OpenNodes, instruction_text,
)

if TYPE_CHECKING:
    from statdiff.structure.reuse import Recorder, Splicer

# Phrases of a lead-in that holds definitions: `As used in this Act:`.
DEFINITIONS_LEAD_IN = ("used in", "purposes of", "In this", "in this", "defin")
# The kinds of node a codified Section, and an Act's heading, open inside.
CODIFIED_SECTION_PARENTS = frozenset({"document", "article", "bill_section"})
ACT_HEADING_PARENTS = frozenset({"document", "article"})


class Builder:
    """`recorder`: told where each Source note closes its unit (OLD of a pair, `reuse.py`);
    `splicer`: at such a place, may copy the next Section from OLD's tree instead (NEW of it)."""

    def __init__(self, stream: Stream, root: Node, recorder: "Recorder | None" = None,
                 splicer: "Splicer | None" = None):
        self.stream = stream
        self.recorder, self.splicer = recorder, splicer
        self.tree = OpenNodes(root, stream.store)
        self.finder = BoundaryFinder(stream, self.tree)
        self.fixed_end: int | None = None
        self.pending_chain: list[str] = []
        self.openers = {
            "paragraph": self._open_paragraph,
            "forced": self._open_forced,
            "act": self._open_act,
            "article": self._open_article,
            "article_heading": self._open_article_heading,
            "heading_citation": self._open_heading_citation,
            "section": self._open_section,
            "schedule": self._open_schedule,
            "citation": self._open_citation,
            "version": self._open_version,
            "sec": self._open_sec,
            "source": self._open_source,
            "enum": self._open_enum,
            "definition": self._open_definition,
        }

    # ------------------------------------------------------------ main loop
    def run(self) -> None:
        """Build the tree (`_visit_words`); then let go of the openers, bound methods that refer
        back to the builder: that cycle would keep the builder, its stream and its arrays, until
        the collector ran, after the tree is built."""
        try:
            self._visit_words()
        finally:
            self.openers.clear()

    def _visit_words(self) -> None:
        """Visit the words where something may happen (a candidate unit start, the end of a
        fixed-extent note, a chained enumerator); every other word joins the open node."""
        if not self.stream.legislation:
            self._run_prose()
            return
        stream, tree, finder, openers, splicer = self.stream, self.tree, self.finder, self.openers, self.splicer
        offset, known_offsets = stream.offset, stream.known_offsets
        count = len(stream)
        candidates = finder.visits() + [count]
        next_candidate = 0
        index = 0
        while index < count:
            fixed_end = self.fixed_end
            if fixed_end is not None:
                visit = fixed_end if fixed_end > index else index  # inside a note nothing opens until its end
            else:
                while candidates[next_candidate] < index:
                    next_candidate += 1
                visit = candidates[next_candidate]
            if self.pending_chain:
                visit = index
            # the words before the visited one (the last visited word among them) go to the open node
            visit_offset = known_offsets.get(visit)  # `offset(visit)`, known at once for most visits
            tree.take_to(visit, offset(visit) if visit_offset is None else visit_offset)
            if visit >= count:
                return
            if visit == fixed_end and splicer is not None and not self.pending_chain:
                copied_to = splicer.splice(visit, tree)  # a Section of OLD's, copied: its Source note ends there
                if copied_to is not None:
                    self.fixed_end, index = copied_to, visit + 1
                    continue
            # the visit (written out here: thousands of them): a chained enumerator opens first;
            # then whatever starts at the word, or, at the end of a note, a paragraph all the same
            if self.pending_chain:
                self._open_chained(self.pending_chain)
            if fixed_end is None or visit >= fixed_end:
                boundary = finder.at(visit)
                if boundary is None and fixed_end is not None:
                    boundary = FORCED
                if boundary is not None:
                    self.fixed_end = None
                    openers[boundary.kind](boundary)
                    if boundary.end is not None:
                        self.fixed_end = boundary.end
            index = visit + 1
        tree.take_to(count, offset(count))

    def _run_prose(self) -> None:
        """Text that is not legislation: a paragraph opens at each line start (at each
        indented one where the rendering shows indentation), nothing else."""
        stream = self.stream
        root = self.tree.root
        starts = [
            index for index, line_start in enumerate(stream.line_start)
            if index == 0 or (line_start and (not stream.has_indentation or stream.indented[index] is True))
        ]
        for start, end in zip(starts, starts[1:] + [len(stream)]):
            paragraph = Node(kind="text", path="")
            paragraph.cover(stream.store, start, end, stream.offset(start), stream.offset(end))
            root.children.append(paragraph)

    # ------------------------------------------------------------ paragraphs and headings
    def _open_paragraph(self, boundary: Boundary) -> None:
        self.tree.new(self.tree.pop_to_section_level(), "text")

    def _open_forced(self, boundary: Boundary) -> None:
        self.tree.new(self.tree.stack[-1], "text")

    def _open_act(self, boundary: Boundary) -> None:
        parent = self.tree.pop_to_kind(ACT_HEADING_PARENTS)
        node = self.tree.new(parent, "text")
        node.meta.act = boundary.act

    # ------------------------------------------------------------ Articles
    def _open_article(self, boundary: Boundary) -> None:
        """A bill's own Article (`ARTICLE 1. SHORT TITLE`): everything open closes."""
        self.tree.stack[1:] = []
        self.tree.push(self.tree.new(self.tree.root, "article"))

    def _open_heading_citation(self, boundary: Boundary) -> None:
        """`(10 ILCS 5/Art. 1 heading)`: a codified Article opens (inside the bill section that
        restates it, else at the top); `(30 ILCS 765/Act title)`: the Act's title, restated
        like a Section."""
        if not boundary.of_article:
            self._open_citation(boundary)
            return
        bill_section = self._amending_bill_section()
        if bill_section is not None:
            parent = self.tree.pop_to_node(bill_section)
        else:
            parent = self.tree.pop_to(lambda node: node.kind == "document" or self._is_bill_article(node))
        article = self.tree.new(parent, "article", NodeState(codified=True, awaiting_heading=True))
        self.tree.push(article)
        self.tree.new(article, "citation")

    def _open_article_heading(self, boundary: Boundary) -> None:
        article = boundary.article
        assert article is not None, "an article_heading boundary names its Article"
        self.tree.pop_to_node(article)
        self.tree.state(article).awaiting_heading = False
        heading = self.tree.new(article, "text")
        heading.meta.role = Role.ARTICLE_HEADING

    def _is_bill_article(self, node: Node) -> bool:
        return node.kind == "article" and not self.tree.state(node).codified

    def _amending_bill_section(self) -> Node | None:
        """The open bill section, if it amends an Act (`... is amended by ...`)."""
        bill_section = self.tree.innermost("bill_section")
        if bill_section is None or not amendments.AMENDATORY.search(instruction_text(bill_section)):
            return None
        return bill_section

    # ------------------------------------------------------------ sections
    def _open_section(self, boundary: Boundary) -> None:
        """`Section 5.`: a bill section (or an Act's own section: the second pass tells). A
        citation printed just before it with nothing after (`(5 ILCS 80/4.27a rep.)` then
        `Section 10. ... by repealing Section 4.27a.`) belongs to it: the repealed Section
        becomes its first child and its own instruction a `text` child (role `instruction`),
        so that the words stay in printed order."""
        stray = self._citation_only_section()
        parent = self.tree.pop_to(lambda node: node.kind == "document" or self._is_bill_article(node))
        bill_section = self.tree.new(parent, "bill_section")
        self.tree.push(bill_section)
        if stray is not None:
            stray_parent, stray_section = stray
            stray_parent.children.remove(stray_section)
            bill_section.children.append(stray_section)
            instruction = self.tree.new(bill_section, "text")
            instruction.meta.role = Role.INSTRUCTION

    def _open_schedule(self, boundary: Boundary) -> None:
        """A constitutional amendment's `SCHEDULE`: everything open closes (the Article and the
        Constitution's Section it follows); a bill section of the resolution's own opens."""
        self.tree.stack[1:] = []
        self.tree.push(self.tree.new(self.tree.root, "bill_section"))

    def _citation_only_section(self) -> tuple[Node, Node] | None:
        """The open codified Section and its parent, when the Section holds nothing but its
        citation and notes (its `Sec.` line never came) and is its parent's last child."""
        section = self.tree.innermost("section")
        if section is None or not self.tree.state(section).awaiting_sec:
            return None
        if any(child.kind not in ("citation", "version_note") for child in section.children):
            return None
        index = self.tree.stack.index(section)
        parent = self.tree.stack[index - 1]
        if not parent.children or parent.children[-1] is not section:
            return None
        return parent, section

    def _start_codified_section(self) -> Node:
        parent = self.tree.pop_to_kind(CODIFIED_SECTION_PARENTS)
        if parent.kind == "bill_section" and not amendments.AMENDATORY.search(instruction_text(parent)):
            self.tree.stack.pop()  # an Act's own section does not hold codified Sections
            parent = self.tree.stack[-1]
        section = self.tree.new(parent, "section", NodeState(awaiting_sec=True))
        self.tree.push(section)
        return section

    def _section_for_note(self, kind: str) -> Node:
        section = self.tree.innermost("section")
        if section is not None and self.tree.state(section).awaiting_sec:
            has_citation = kind == "citation" and any(child.kind == "citation" for child in section.children)
            if not has_citation:
                self.tree.pop_to_node(section)
                return section
        return self._start_codified_section()

    def _open_citation(self, boundary: Boundary) -> None:
        section = self._section_for_note("citation")
        self.tree.new(section, "citation")

    def _open_version(self, boundary: Boundary) -> None:
        section = self.tree.innermost("section")
        if section is not None and not self.tree.state(section).awaiting_sec and section.children:
            self.tree.pop_to_node(section)
            if any(child.kind == "source_note" for child in section.children):
                section = self._start_codified_section()
        else:
            section = self._section_for_note("version_note")
        self.tree.new(section, "version_note")

    def _open_sec(self, boundary: Boundary) -> None:
        section = self.tree.innermost("section")
        if section is None or not self.tree.state(section).awaiting_sec:
            section = self._start_codified_section()
        else:
            self.tree.pop_to_node(section)
        self.tree.state(section).awaiting_sec = False
        heading = self.tree.new(section, "text")
        heading.meta.role = Role.HEADING

    def _open_source(self, boundary: Boundary) -> None:
        owner = self.tree.pop_to_section_level()
        self.tree.new(owner, "source_note")
        if owner.kind in ("section", "bill_section"):
            self.tree.state(owner).awaiting_sec = False
            self.tree.stack.pop()  # a Source note closes its Section (an Article goes on)
        if self.recorder is not None and boundary.end is not None:
            self.recorder.closed(boundary.end, self.tree, self.finder)

    # ------------------------------------------------------------ enumerated units
    def _open_enum(self, boundary: Boundary) -> None:
        reading = boundary.reading
        assert reading is not None, "an enum boundary carries its reading"
        target = reading.target
        if target is not None:
            self.tree.pop_to_node(target)
            self.tree.stack.pop()
        elif reading.relation == "orphan":
            same = next(
                (
                    node
                    for node in reversed(self.tree.stack)
                    if node.kind not in SECTION_LEVEL and self.tree.state(node).style == reading.style
                ),
                None,
            )
            if same is not None:
                self.tree.pop_to_node(same)
                self.tree.stack.pop()
        self._keep_nesting_bounded()
        self._push_enumerated(reading.style, reading.value, boundary.enumerator)
        self.pending_chain = list(boundary.chain)

    def _push_enumerated(self, style: str, value: EnumValue, enumerator: str) -> None:
        node = self.tree.new(self.tree.stack[-1], ENUM_KINDS[style], NodeState(style=style, value=value))
        node.meta.enumerator = enumerator
        self.tree.push(node)

    def _keep_nesting_bounded(self) -> None:
        """Law nests (a)(1)(A)(i)(I) at most; odd input must not build a tree too deep to walk."""
        if self.tree.enum_depth() >= MAX_ENUM_DEPTH:
            self.tree.stack.pop()

    def _open_chained(self, chain: list[str]) -> None:
        """`(4)(i) Consume ...`: (4) keeps the word `(4)(i)`, (i) opens on the next word."""
        self.pending_chain = []
        for enumerator in chain:
            readings = enumerators.readings(enumerator)
            if not readings:
                return
            reading = self.finder.best_reading(readings)
            self._keep_nesting_bounded()
            self._push_enumerated(reading.style, reading.value, enumerator)

    # ------------------------------------------------------------ definitions
    def _open_definition(self, boundary: Boundary) -> None:
        term = boundary.term
        for node in reversed(self.tree.stack):
            if node.kind in SECTION_LEVEL:
                break
            if same_term(_defined_term(node), term):
                # the same term again (`"Business" does not include ...`): a new paragraph of
                # the unit that defines it, a definition or a numbered paragraph (`6. "X" means`)
                self.tree.pop_to_node(node)
                self.tree.new(node, "text")
                return
        parent = self.tree.pop_to(self._holds_definitions)
        node = self.tree.new(parent, "definition")
        node.meta.term = term
        self.tree.push(node)

    def _holds_definitions(self, node: Node) -> bool:
        if node.kind in SECTION_LEVEL:
            return True
        if node.kind == "definition":
            return False
        if any(child.kind == "definition" for child in node.children):
            return True
        text = node.text
        return text.endswith(":") and any(phrase in text for phrase in DEFINITIONS_LEAD_IN)


def _defined_term(node: Node) -> str | None:
    """The term a definition, or an enumerated unit opening with one, defines."""
    if node.kind == "definition":
        return node.meta.term
    enumerator = node.meta.enumerator
    words = node.text.split(" ", 40)  # its first 40 words (and the rest, unsplit)
    if enumerator is None or not node.has_words() or words[0] != enumerator:
        return None
    return definitions.term_of(" ".join(words[1:40]))
