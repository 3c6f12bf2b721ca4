"""Text an Act's page prints outside any Section.

A codified Act's page prints each Section whole: its citation, its `Sec.` line and text, its
Source note. Some printings put lines of a Section's text after its Source note, before the
next Section's citation: the scrape of ilga.gov's "View Entire Act" page of the Election Code
prints the wrapped second lines of a Section's items there (`equipment; and` after the Source
note of Sec. 1-17, 682 paragraphs in all). statdiff keeps such text where it is printed, as
text of the Act or Article holding it (every word kept, in order), and never guesses which
Section it belongs to; this module finds it, so that `parse` and every diff can say so.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from statdiff.model import Change, Comparison, Document, Node, counted, listed

# The nodes that may follow a Section in an Act or an Article: the next Section, an Article.
_UNITS = frozenset({"section", "bill_section", "article"})
# The units a comparison pairs (`compare.units.UNIT_KINDS`): what is not in one is the documents' own text.
_SECTIONS = frozenset({"section", "bill_section"})


def printed_outside_sections(document: Document) -> list[tuple[Node, Node]]:
    """(node, the Section printed before it), in reading order, for each node of the
    document or of one of its Articles that follows a Section and is neither a Section
    nor an Article. A document that is not legislation has no Sections of an Act: none."""
    return [] if document.prose else list(_outside(document.root))


def _outside(container: Node) -> Iterator[tuple[Node, Node]]:
    section: Node | None = None
    for child in container.children:
        if child.kind == "article":
            yield from _outside(child)
        elif child.kind in _UNITS:
            section = child
        elif section is not None:
            yield child, section


def outside_note(document: Document) -> str | None:
    """One line saying how much text the document prints outside any Section and after
    which Sections; None for none."""
    found = printed_outside_sections(document)
    if not found:
        return None
    count = len(found)
    return (f"{counted(count, 'paragraph')} printed outside any Section (after {_places(section for _, section in found)}):"
            f" read where printed, as text of the Act or Article that holds {'them' if count != 1 else 'it'}; the page"
            " prints lines of a Section apart from it, and statdiff does not guess which Section")


def changes_outside_note(comparison: Comparison) -> str | None:
    """One line naming the changes made in text printed outside any Section (see
    `outside_note`) of either copy; None for none. Such text is the documents' own (the unit
    with no Section, whose changes have the section "")."""
    changes = comparison.changes  # (built on each access)
    if not any(change.section == "" for change in changes):
        return None
    places = ChangePlaces(comparison)
    outside = [sections for change in changes if change.section == "" for sections in [places.outside(change)]
               if sections]
    if not outside:
        return None
    return (f"{counted(len(outside), 'change')} in text printed outside any Section (after "
            f"{_places(section for sections in outside for section in sections)}): the page prints lines of a Section"
            " apart from it; each change is shown under “Outside any Section”, not guessed into a Section")


class ChangePlaces:
    """Where a change to the documents' own text (the unit with no Section) is printed: in
    text outside any Section (after which Sections), in an Article's own lines (its citation
    and heading, before its first Section), or before the first Section (front matter). A
    change names the node it touches by its path on each side; a unit added or removed whole
    (one copy has no text of its own at all) names the document's own path, "", and is then
    in every place that copy's own text is printed."""

    def __init__(self, comparison: Comparison):
        self.sides = [(document, outside_by_path(document)) for document in (comparison.old, comparison.new)]
        self._articles: dict[int, frozenset[str]] = {}  # side -> its Articles' own paths, found when first asked

    def _article_paths(self, side: int) -> frozenset[str]:
        if side not in self._articles:
            self._articles[side] = _article_own_paths(self.sides[side][0])
        return self._articles[side]

    def outside(self, change: Change) -> list[Node]:
        """The Sections printed before the outside text the change touches; none for none."""
        return [section for place, section in self._places(change) if section is not None]

    def in_front_matter(self, change: Change) -> bool:
        """Whether the change touches the documents' own text before the first Section."""
        return any(place == FRONT for place, _ in self._places(change))

    def in_article_headings(self, change: Change) -> bool:
        """Whether the change touches an Article's own lines (its citation, its heading)."""
        return any(place == ARTICLE for place, _ in self._places(change))

    def _places(self, change: Change) -> list[tuple[str, Node | None]]:
        """For each node the change touches: where it is printed (OUTSIDE with the Section
        printed before it, ARTICLE or FRONT with None)."""
        places: list[tuple[str, Node | None]] = []
        for side, path in enumerate((change.old_path, change.new_path)):
            if path == "":  # the copy's own text added or removed whole: every node of it
                places += [self._place(side, node.path) for node in _own_worded_nodes(self.sides[side][0].root)]
            elif path is not None:
                places.append(self._place(side, path))
        return places

    def _place(self, side: int, path: str) -> tuple[str, Node | None]:
        section = self.sides[side][1].get(path)
        if section is not None:
            return OUTSIDE, section
        return (ARTICLE if path in self._article_paths(side) else FRONT), None


# Where a node of the documents' own text is printed (`ChangePlaces`).
OUTSIDE, ARTICLE, FRONT = "outside", "article", "front"


def _article_own_paths(document: Document) -> frozenset[str]:
    """The paths of every Article of the document and of the nodes it prints itself (its
    citation, its heading), not inside one of its Sections."""
    paths: set[str] = set()

    def visit(container: Node) -> None:
        for child in container.children:
            if child.kind == "article":
                paths.add(child.path)
                for own in child.children:
                    if own.kind == "article":
                        continue
                    if own.kind not in _SECTIONS:
                        paths.update(node.path for node in own.walk())
                visit(child)

    visit(document.root)
    return frozenset(paths)


def _own_worded_nodes(container: Node) -> Iterator[Node]:
    """The nodes with words of a document's own text (not inside a Section or bill section:
    `compare.units`), in reading order."""
    for child in container.children:
        if child.kind not in _SECTIONS:
            if child.word_count():
                yield child
            yield from _own_worded_nodes(child)


def outside_by_path(document: Document) -> dict[str, Node]:
    """Path -> the Section printed before it, for every node printed outside any Section and
    every node inside one."""
    return {node.path: section for outside, section in printed_outside_sections(document) for node in outside.walk()}


def _places(sections: Iterable[Node]) -> str:
    """The Sections named, each once, in order: up to three, then `and N more`."""
    return listed(list(dict.fromkeys(section.label or section.path for section in sections)))
