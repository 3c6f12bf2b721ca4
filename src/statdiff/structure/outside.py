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

from statdiff.model import Comparison, Document, Node, counted, listed

# The nodes that may follow a Section in an Act or an Article: the next Section, an Article.
_UNITS = frozenset({"section", "bill_section", "article"})


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
    old, new = outside_by_path(comparison.old), outside_by_path(comparison.new)
    if not old and not new:
        return None
    changes = [change for change in changes
               if (change.old_path is not None and change.old_path in old)
               or (change.new_path is not None and change.new_path in new)]
    if not changes:
        return None
    sections = [section for change in changes
                for section in (old.get(change.old_path or ""), new.get(change.new_path or "")) if section is not None]
    return (f"{counted(len(changes), 'change')} in text printed outside any Section (after {_places(sections)}): the"
            " page prints lines of a Section apart from it; each change is shown where it is printed")


def outside_by_path(document: Document) -> dict[str, Node]:
    """Path -> the Section printed before it, for every node printed outside any Section and
    every node inside one."""
    return {node.path: section for outside, section in printed_outside_sections(document) for node in outside.walk()}


def _places(sections: Iterable[Node]) -> str:
    """The Sections named, each once, in order: up to three, then `and N more`."""
    return listed(list(dict.fromkeys(section.label or section.path for section in sections)))
