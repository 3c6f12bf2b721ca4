"""One Section's page against a printing of the whole Act: the other Sections are not removed.

ilga.gov prints each Section of the Illinois Compiled Statutes on a page of its own
(`.../ilcs/documents/002500250K2.htm`: `(25 ILCS 25/2)`, `Sec. 2. ...`, its Source note),
and the whole Act on another (`ilcs4.asp?ActID=...`), as mirrors do. Compared with a printing
of the whole Act, a Section's page holds that one Section: the Act's other Sections are not
on it because the page prints one Section, not because the law lost them. Reported removed
(or added), they would be changes the law never made.

Where one text is the page of one codified Section (`section_page`) and that Section pairs
with a Section of the other text, the other text's Sections of the same Act that pair with
nothing are text only that copy holds (`only_old` / `only_new`, as beyond a truncated copy),
not removed or added; `excerpt_note` says so in one warning. The Section both print is
compared word for word as ever, and whether either copy of it is cut short (a mirror's page
that stops mid-word inside it) is judged on that Section alone (`other_sections`): the whole
Act's other Sections are no text the Section's page could share.
"""

from __future__ import annotations

from statdiff.compare.nodes import lone_node
from statdiff.compare.truncation import Visible
from statdiff.compare.units import Unit
from statdiff.model import Comparison, Document, Node, SectionComparison, Side, Status, listed, one_copy_status


def section_page(document: Document, units: list[Unit]) -> Unit | None:
    """The one Section of a compiled text that prints one codified Section, nothing else with
    words, and no Act heading (ilga.gov's Section page; its whole-Act page and a mirror's open
    with the Act's heading, `(25 ILCS 25/) Pre-Filing of Bills Act.`, the identity's title);
    None for any other text."""
    if document.identity.version != "compiled" or document.identity.title or len(units) != 1:
        return None
    unit = units[0]
    return unit if unit.node.kind == "section" and unit.node.meta.codified else None


def other_sections(documents: dict[Side, Document], units: dict[Side, list[Unit]]) -> frozenset[Node]:
    """Where one text is a Section's page and the other a whole Act's printing, the nodes of
    the whole Act's Sections of the same Act other than the page's (by path): left out when
    the copies are judged for a cut (`Visible.for_truncation`), so that a mirror cut mid-word
    inside the page's Section is found cut there, not read as beginning four Sections early."""
    left_out: list[Node] = []
    sides: tuple[tuple[Side, Side], ...] = (("old", "new"), ("new", "old"))
    for page_side, other in sides:
        page = section_page(documents[page_side], units[page_side])
        whole = documents[other].identity
        if page is None or section_page(documents[other], units[other]) is not None \
                or not whole.title or whole.version != "compiled":
            continue
        act, path = page.node.meta.act, page.node.path
        for unit in units[other]:
            node = unit.node
            if node.kind == "section" and node.meta.act == act and node.path != path:
                left_out.extend(unit.nodes)
    return frozenset(left_out)


def excerpted(sections: list[SectionComparison], documents: dict[Side, Document], pages: dict[Side, Unit | None],
              visible: Visible) -> None:
    """Where one text is a Section's page (`pages`) whose Section pairs with one of the other
    text, a whole Act's printing (its Act heading read: the identity's title), the other text's
    unpaired Sections of the same Act become text only its copy holds."""
    for page_side, page in pages.items():
        other: Side = "new" if page_side == "old" else "old"
        whole = documents[other].identity
        if page is None or pages[other] is not None or not whole.title or whole.version != "compiled" \
                or not _paired(sections, page, page_side):
            continue
        act = page.node.meta.act
        removed = Status.REMOVED if other == "old" else Status.ADDED
        for index, section in enumerate(sections):
            node = section.old if other == "old" else section.new
            if section.status != removed or node is None or node.kind != "section" or node.meta.act != act:
                continue
            status = one_copy_status(other)
            nodes = [lone_node(compared.node, other, status, visible) for compared in section.nodes]
            sections[index] = SectionComparison(section.path, section.heading, status, section.old, section.new, nodes)


def _paired(sections: list[SectionComparison], page: Unit, side: Side) -> bool:
    return any((section.old if side == "old" else section.new) is page.node
               and section.old is not None and section.new is not None for section in sections)


def excerpt_note(comparison: Comparison) -> str | None:
    """The warning for a Section's page compared with the whole Act (`excerpted`)."""
    from statdiff.errors import display_name

    found = _excerpt(comparison)
    if found is None:
        return None
    page_side, page, left = found
    document, other = (comparison.old, comparison.new) if page_side == "old" else (comparison.new, comparison.old)
    count = len(left)
    return (f"{display_name(document.name)} prints one Section ({page.path}) of the Act "
            f"{display_name(other.name)} prints whole: its other {count} Section{'s' if count != 1 else ''} "
            f"({listed(left, whole_up_to=4)}) {'are' if count != 1 else 'is'} in that copy only, not removed")


def section_page_side(comparison: Comparison) -> Side | None:
    """The copy that is one Section's page, where the other copy's Sections it does not print
    are left to that copy (`excerpted`); None where neither is."""
    found = _excerpt(comparison)
    return found[0] if found is not None else None


def _excerpt(comparison: Comparison) -> tuple[Side, Unit, list[str]] | None:
    """(the side that is a Section's page, its Section, the paths of the Sections of the same
    Act only the other copy holds), or None."""
    from statdiff.compare.units import collect_units

    sides: tuple[tuple[Side, Side], ...] = (("old", "new"), ("new", "old"))
    for page_side, other_side in sides:
        document, other = (comparison.old, comparison.new) if page_side == "old" else (comparison.new, comparison.old)
        if document.identity.version != "compiled" or not other.identity.title:
            continue
        if sum(1 for section in comparison.sections if (section.old if page_side == "old" else section.new)) != 1:
            continue  # (the cheap test first: a text of many sections is no Section's page)
        page = section_page(document, collect_units(document))
        if page is None or not _paired(comparison.sections, page, page_side):
            continue
        one_copy = one_copy_status(other_side)
        shown = ((section, section.old if other_side == "old" else section.new) for section in comparison.sections)
        left = [section.path for section, node in shown if section.status == one_copy and node is not None
                and node.kind == "section" and node.meta.act == page.node.meta.act]
        if left:
            return page_side, page, left
    return None
