"""Units: the sections of a text, each with the nodes that belong to it.

A unit is the document root (its front matter) or a codified Section or bill section,
with every node below it that does not belong to a nested section. The compare stage
pairs units first (`pairing`), then the nodes inside each pair (`nodes`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from statdiff.model import UNIT_KINDS as NUMBERED_KINDS
from statdiff.model import Document, Node, Word

UNIT_KINDS = frozenset({"section", "bill_section"})


@dataclass(slots=True, eq=False)
class Unit:
    """A section of a text with the nodes that belong to it and not to a nested section
    (`nodes`), and those of them that hold words (`worded`, in the same order: every
    unit `collect_units` gives holds one)."""

    node: Node
    nodes: list[Node] = field(default_factory=list)
    worded: list[Node] = field(default_factory=list)
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
    a bill section with `meta.amends` (up to the next bill section)."""
    root = Unit(document.root)
    units = [root]
    amending = False  # inside, or after, a bill section that amends an Act

    def visit(node: Node, unit: Unit, article: str | None) -> None:
        """`node` and its descendants in reading order, each into the unit it belongs to."""
        nonlocal amending
        kind = node.kind
        if kind in _OPENING_KINDS:
            if kind == "bill_section":
                amending = node.meta.amends is not None
            elif kind == "article":
                article = node.path
            if kind in UNIT_KINDS and node is not document.root:
                unit = Unit(node, amendatory=amending and kind == "section", parent=article)
                units.append(unit)
        unit.nodes.append(node)
        for child in node.children:
            if child.children or child.kind in _OPENING_KINDS:
                visit(child, unit, article)
            else:  # a leaf of this unit (most nodes): no call of `visit`
                unit.nodes.append(child)

    visit(document.root, root, None)
    del visit  # the function refers to itself: without this, its cycle keeps every unit for the collector
    for unit in units:
        unit.worded = [node for node in unit.nodes if node.word_count()]
    return [unit for unit in units if unit.worded]


# The kinds of node that open a unit, an Article or a bill section's amending (`collect_units`).
_OPENING_KINDS = UNIT_KINDS | {"article", "bill_section"}


def section_of_every_node(document: Document) -> dict[Node, Node]:
    """Each node of the document -> the section (or bill section, or the root) it belongs to."""
    return {node: unit.node for unit in collect_units(document) for node in unit.nodes}


# Identity keys a unit pairs by, tried in this order: path, citation, (kind, Act, number).


def unit_path(unit: Unit) -> tuple[bool, str]:
    """The unit's path, apart for a bill section: a bill's `Section 5. The ... Act is amended
    ...` and an Act's own `Section 5. Definitions.` (a bill that creates the Act) share the
    path `Section 5` but not a meaning; content may still pair them."""
    return unit.node.kind == "bill_section", unit.path


def unit_citation(unit: Unit) -> tuple[str, str] | None:
    citation = unit.node.meta.citation
    return ("citation", " ".join(citation.split())) if citation else None


def unit_number(unit: Unit) -> tuple[str, str, str | None, str] | None:
    meta = unit.node.meta
    if meta.number is None:
        return None
    return ("number", unit.node.kind, meta.act, meta.number)


UNIT_KEYS = (unit_path, unit_citation, unit_number)


def untold_namesakes(old_units: list[Unit], new_units: list[Unit]) -> frozenset[Unit]:
    """The units of either side whose Section a side prints more than once with no version
    note to tell the copies apart (`structure/repeated.py`), and the other side's units of
    that Section. Their citation and number say nothing of which copy is which: a Section
    renumbered onto a number the Act already has (`1-3` as `1-3.5`, beside the old `1-3.5`)
    would pair the old `1-3.5` with the renumbered one by citation. The comparison pairs
    them by content first (`pairing.align`'s `deferred`)."""
    from statdiff.structure.repeated import NAMESAKE, base_path, untold_copies

    if not any(NAMESAKE in unit.path for units in (old_units, new_units) for unit in units):
        return frozenset()  # (the common case: no Section printed twice; nothing more is looked at)
    untold = {base for units in (old_units, new_units) for base in untold_copies(unit.node for unit in units)}
    return frozenset(unit for units in (old_units, new_units) for unit in units if base_path(unit.path) in untold)


def heading(node: Node | None) -> str:
    """A section's heading (`Notice of Breach.`), else its label; "" for the document root."""
    if node is None or node.kind == "document":
        return ""
    return node.meta.heading or node.label or ""


def positional(node: Node) -> bool:
    """A clause of a document that is not legislation: its number is its place (`meta.positional`)."""
    return bool(node.meta.positional)


NUMBER_REACH = 40  # characters from a clause's start where its own number is printed


def compared_text(node: Node, text: str) -> str:
    """What content pairing compares: a positional clause's text without its own number
    (`7.2`, `Clause 7`, `(c)`), so that clauses alike but for their place pair in reading order."""
    number = (node.meta.number or node.meta.enumerator) if positional(node) else None
    if not number:
        return text
    at = text.find(number, 0, NUMBER_REACH)
    return text if at < 0 else text[:at] + text[at + len(number):]


def number_or_label(node: Node) -> str | None:
    """A unit's number as the structure stage read it (None when it read none); another
    node's (a subsection's) label."""
    return node.meta.number if node.kind in NUMBERED_KINDS else node.label
