"""The node kinds of the document tree, how they nest, and the nodes open during a build.

Kinds: document, article, bill_section, section (codified), subsection `(a)`, paragraph
`(1)` or `1.`, subparagraph `(A)`, item `(i)`, definition, text (a paragraph of a unit's
own words), and the notes: citation, source_note, version_note.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from statdiff.model import Node, Role
from statdiff.model.wordstore import WordStore

SECTION_LEVEL = frozenset({"document", "article", "bill_section", "section"})
# The kind of node each enumerator style opens.
ENUM_KINDS = {
    "lower": "subsection",
    "digit": "paragraph",
    "dotted": "paragraph",
    "upper": "subparagraph",
    "roman": "item",
    "upper_roman": "item",
}
ENUM_NODE_KINDS = frozenset(ENUM_KINDS.values())
NOTE_PATHS = {"citation": "[citation]", "source_note": "[source]", "version_note": "[version]"}
# How an enumerator continues the lists already open, best first.
RANK = {"next": 3, "first": 2, "gap": 1, "orphan": 0}
# Law nests (a)(1)(A)(i)(I) at most; odd input must not build a tree too deep to walk.
MAX_ENUM_DEPTH = 8
# An enumerator's value and suffix: (b-5) is (2, (5,)), (c) is (3, ()).
EnumValue = tuple[int, tuple[int, ...]]


@dataclass(slots=True)
class NodeState:
    """What the builder remembers about an open node beyond the model's fields."""

    style: str | None = None  # the enumerator style of a list node
    value: EnumValue | None = None  # its value and suffix
    awaiting_sec: bool = False  # a codified Section whose `Sec. N.` line has not come yet
    codified: bool = False  # an Article with a citation line (an Act's Article, not a bill's)
    awaiting_heading: bool = False  # a codified Article whose `ARTICLE N.` line has not come yet


class OpenNodes:
    """The tree under construction: the stack of open nodes and the node taking words.

    The words go to the nodes in order, each to the node opened last: a node's words are
    one range of the store's words, from where it opened to where the next node opened."""

    def __init__(self, root: Node, store: WordStore):
        self.root = root
        self.stack: list[Node] = [root]
        self.current: Node = root
        self.states: dict[Node, NodeState] = {root: NodeState()}
        self.store = store
        self.taken = 0  # the words given to nodes so far
        self.taken_to = 0  # where the next word starts in the store's text
        self.current_start = self.current_from = 0  # where the current node's words start (index, text)
        root.cover(store, 0, 0, 0, 0)

    def state(self, node: Node) -> NodeState:
        """What the builder remembers of a node (made on first need: most nodes, paragraphs
        of text, need none)."""
        found = self.states.get(node)
        if found is None:
            found = self.states[node] = NodeState()
        return found

    def new(self, parent: Node, kind: str, state: NodeState | None = None) -> Node:
        """A new child of `parent`, which takes the words from now on (and what the builder
        remembers of it, if anything)."""
        node = Node.covering(kind, self.store, self.taken, self.taken_to)
        parent.children.append(node)
        if state is not None:
            self.states[node] = state
        self.current, self.current_start, self.current_from = node, self.taken, self.taken_to
        return node

    def take_to(self, end: int, text_end: int) -> None:
        """The words up to `end` (not included) not yet taken go to the current node
        (`text_end`: where word `end` starts in the store's text)."""
        self.taken, self.taken_to = end, text_end
        current = self.current
        if current._words is None:  # a range of the store, from where it opened: its end moves on
            current._end, current._to = end, text_end  # (`cover`, written out: asked at every visit)
        else:
            current.cover(self.store, self.current_start, end, self.current_from, text_end)

    def push(self, node: Node) -> None:
        self.stack.append(node)

    def pop_to(self, predicate: Callable[[Node], bool]) -> Node:
        """Close nodes until the innermost open one satisfies `predicate` (the root at worst)."""
        while len(self.stack) > 1 and not predicate(self.stack[-1]):
            self.stack.pop()
        return self.stack[-1]

    def pop_to_node(self, node: Node) -> Node:
        """Close nodes until `node` is the innermost open one (`pop_to` of being `node`)."""
        stack = self.stack
        while len(stack) > 1 and stack[-1] is not node:
            stack.pop()
        return stack[-1]

    def pop_to_kind(self, kinds: frozenset[str]) -> Node:
        """Close nodes until the innermost open one is of one of `kinds` (`pop_to` of its kind being one)."""
        stack = self.stack
        while len(stack) > 1 and stack[-1].kind not in kinds:
            stack.pop()
        return stack[-1]

    def pop_to_section_level(self) -> Node:
        """Close the enumerated units and definitions open inside the innermost section."""
        return self.pop_to_kind(SECTION_LEVEL)

    def innermost(self, kind: str, stop_at_section_level: bool = False) -> Node | None:
        """The innermost open node of `kind` (not looking past a section-level node if asked)."""
        for node in reversed(self.stack):
            if node.kind == kind:
                return node
            if stop_at_section_level and node.kind in SECTION_LEVEL:
                return None
        return None

    def enum_depth(self) -> int:
        return sum(1 for node in self.stack if node.kind not in SECTION_LEVEL)


def instruction_text(bill_section: Node) -> str:
    """The text of a bill section's own instruction (`Section 5. The ... Act is amended by
    ...`): its own words, or those of its `instruction` child when the citation of a Section
    it repeals was printed before it."""
    if bill_section.has_words():
        return bill_section.text
    for child in bill_section.children:
        if child.meta.role == Role.INSTRUCTION:
            return child.text
    return ""
