"""Section pairs: `compare(old, new)` and the comparison of each pair of sections.

The sections of the two texts are paired (`pairing`, by path, citation, number, then
content), then the nodes inside each pair (`nodes`), each node pair diffed word by word
(`words`) and grouped into phrases (`grouping`). A section whose words are divided into
paragraphs differently is restreamed (`restream`); a section out of order, or under
another Article, is moved; one paired by content whose number differs is renumbered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from statdiff.compare.anchors import linked, number_anchors
from statdiff.compare.attribution import attribute, synopsis_words
from statdiff.compare import limits as limits_note
from statdiff.compare.changes import node_change, section_change
from statdiff.compare.codification import apparatus, set_aside, set_aside_front_matter
from statdiff.compare.excerpts import excerpted, other_sections, section_page
from statdiff.compare.runtogether import join_run_together
from statdiff.compare.modes import (
    bill_side,
    instructed_sections,
    is_amendatory,
    is_bill,
    lead_unit,
    as_versions,
    mode_of,
    recovers_struck,
    restated_or_codified,
)
from statdiff.compare.moves import pair_moved_nodes, place_moves
from statdiff.compare.nodes import (
    NodeRules,
    compare_nodes,
    lone_node,
    punctuation_at_the_cut,
    relative_key,
    same_nodes,
    same_text,
    unchanged_nodes,
)
from statdiff.compare.pairing import CONTENT, Pair, align, in_order
from statdiff.compare.replacement import kept_front, whole_replacement
from statdiff.compare.restream import fewer_changes, resegmented, same_stream
from statdiff.compare.truncation import Visible, split_visible
from statdiff.compare.units import (
    UNIT_KEYS, Unit, collect_units, compared_text, heading, number_or_label, positional, untold_namesakes,
)
from statdiff.law import citations
from statdiff.model import (
    Change,
    Comparison,
    Document,
    Mode,
    Node,
    NodeComparison,
    Op,
    SectionComparison,
    Side,
    Status,
    one_copy_op,
    one_copy_status,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from statdiff.compare.quotes import Replacement  # (made for a whole-replacement amendment only)

RENUMBERABLE = frozenset({"section", "bill_section", "article", "subsection", "paragraph", "subparagraph", "item"})


def compare(old: Document, new: Document) -> Comparison:
    """Compare OLD with NEW: sections in reading order, each with its nodes and changes.

    A text printed with struck-through words (an HTML bill) is compared as it means it, its
    struck words taken out (`Document.as_meant`): against the Act they are deletions, never
    law kept. Struck words are recovered from a printing only when it carries no marks."""
    printed_new = new
    old, new = old.as_meant or old, new.as_meant or new
    old_units, new_units = collect_units(old), collect_units(new)
    every_unit: dict[Side, list[Unit]] = {"old": old_units, "new": new_units}
    old_amends, new_amends = is_amendatory(old_units), is_amendatory(new_units)
    versions = as_versions(old, new)  # versions whatever either amends: printings of one bill, rival bills, ...
    mode = mode_of(old_units, new_units, versions)
    bill = bill_side(old_units, new_units, versions)
    leads: dict[Side, Unit | None] = {}
    if mode == Mode.AMENDMENT:
        leads = {"old": lead_unit(old_units, old_amends), "new": lead_unit(new_units, new_amends)}
        old_units = restated_or_codified(old_units, old_amends)
        new_units = restated_or_codified(new_units, new_amends)
        visible = Visible()
        replacement = None
    else:
        replacement = whole_replacement(old, new)
        kept = frozenset(node for unit in old_units + new_units if kept_front(unit, replacement)
                         for node in unit.nodes) if replacement is not None else frozenset()
        # one Section's page against the whole Act: a cut is judged on the Section both print
        kept |= other_sections({"old": old, "new": new}, every_unit)
        visible = Visible.for_truncation(old, new, kept, replacement.quotes.unquoted if replacement else None)
    old_before, old_units, old_after = _split_units(old_units, visible)
    new_before, new_units, new_after = _split_units(new_units, visible)
    skipped: list[tuple[int, int]] = []
    pairs = align(old_units, new_units, keys=UNIT_KEYS,
                  text=lambda unit: compared_text(unit.node, visible.text(unit.nodes)),
                  positional=lambda unit: positional(unit.node), name=lambda unit: unit.node.meta.heading,
                  skipped=skipped, deferred=_deferred(untold_namesakes(old_units, new_units)))
    limits = [limits_note.sections_not_paired(*counts, old.name, new.name) for counts in skipped]
    beyond: set[Unit] = set()
    if mode == Mode.AMENDMENT:
        from statdiff.compare.partial import cut_restatement  # here: only an amendment's comparison cuts

        visible, beyond = cut_restatement(pairs, old, new, bill, instructed_sections(new if bill == "new" else old),
                                          leads)
    context = _Context(mode, bill, visible, new_is_bill=is_bill(new, new_units), synopsis=synopsis_words(new),
                       beyond_cut=beyond, rules=NodeRules(recovers_struck(mode, bill, printed_new),
                                                          replacement.quotes if replacement else None),
                       replacement=replacement, limits=limits)
    sections = [_lone_section(unit, "old", context) for unit in old_before]
    sections += [_lone_section(unit, "new", context) for unit in new_before]
    sections += [section for pair in pairs for section in _compare_pair(pair, context)]
    sections += [_lone_section(unit, "old", context) for unit in old_after]
    sections += [_lone_section(unit, "new", context) for unit in new_after]
    if mode == Mode.VERSIONS:  # one Section's page against the whole Act: its other Sections are not removed
        excerpted(sections, {"old": old, "new": new},
                  {"old": section_page(old, every_unit["old"]), "new": section_page(new, every_unit["new"])}, context.visible)
    set_aside_front_matter(sections)
    comparison = Comparison(old, new, mode, sections, limits)
    join_run_together(comparison)
    moves_skipped = pair_moved_nodes(sections, lambda removed, added, section: compare_nodes(
        Pair(removed.old, added.new, CONTENT), section, context.visible, context.rules))
    if moves_skipped is not None:
        limits.append(limits_note.moves_not_sought(*moves_skipped))
    place_moves(comparison, every_unit["old"], every_unit["new"])
    number_anchors(comparison)
    return comparison


def _deferred(namesakes: frozenset[Unit]) -> "Callable[[Unit], bool] | None":
    """Which units pair by content before their citation does (`units.untold_namesakes`); None for none."""
    return namesakes.__contains__ if namesakes else None


@dataclass(slots=True)
class _Context:
    """What every Section pair of one comparison is compared with: the mode, the sides, what
    each copy shows, the rules of its nodes, and the limits met so far."""

    mode: Mode
    bill_side: Side | None
    visible: Visible
    new_is_bill: bool
    synopsis: frozenset[str] | None
    beyond_cut: set[Unit] = field(default_factory=set)  # units a truncated copy never reaches
    rules: NodeRules = field(default_factory=NodeRules)  # plain printing, a whole replacement's quotes
    replacement: Replacement | None = None  # a whole-replacement amendment compared with its bill
    limits: list[str] = field(default_factory=list)  # what was not done for the input's size, said to the user


def _split_units(units: list[Unit], visible: Visible) -> tuple[list[Unit], list[Unit], list[Unit]]:
    """Sections wholly before the stretch two truncated copies share, in it, and after it."""
    if not visible.slices:  # whole copies: every unit holds a word both copies show
        return [], units, []
    shown = [index for index, unit in enumerate(units) if _shown(unit, visible)]
    if not shown:
        return [], [], units
    return units[:shown[0]], units[shown[0]:shown[-1] + 1], units[shown[-1] + 1:]


def _shown(unit: Unit, visible: Visible) -> bool:
    """Whether a word of the unit takes part: always, but where a copy is truncated (every
    unit `collect_units` gives holds a word)."""
    return not visible.slices or visible.has_words(unit.worded)


def _compare_pair(pair: Pair[Unit], context: _Context) -> list[SectionComparison]:
    visible = context.visible
    old_unit, new_unit = pair.old, pair.new
    if context.replacement is not None and any(
            unit is not None and kept_front(unit, context.replacement) for unit in (old_unit, new_unit)):
        return [_kept_front_matter(old_unit, new_unit, context)]
    if old_unit is not None and new_unit is not None and _shown(old_unit, visible) and _shown(new_unit, visible):
        return [_compare_sections(pair, old_unit, new_unit, context)]
    lone = []
    if old_unit is not None:
        lone.append(_lone_section(old_unit, "old", context))
    if new_unit is not None:
        lone.append(_lone_section(new_unit, "new", context))
    return lone


def _kept_front_matter(old_unit: Unit | None, new_unit: Unit | None, context: _Context) -> SectionComparison:
    """The front matter of a bill and of the amendment replacing everything after its enacting
    clause: the title and enacting clause it keeps, its heading and instruction; no change,
    each node listed on its own side (`replacement`)."""
    old_nodes = list(old_unit.worded) if old_unit is not None else []
    new_nodes = list(new_unit.worded) if new_unit is not None else []
    old = old_unit.node if old_unit is not None else None
    new = new_unit.node if new_unit is not None else None
    return SectionComparison("", "", Status.UNCHANGED, old, new, resegmented(old_nodes, new_nodes, context.visible))


def _lone_section(unit: Unit, side: Side, context: _Context) -> SectionComparison:
    """A section only one text has: added, removed, not restated, or beyond a truncation."""
    if kept_front(unit, context.replacement):
        return _kept_front_matter(unit if side == "old" else None, unit if side == "new" else None, context)
    visible = context.visible
    if not _shown(unit, visible) or unit in context.beyond_cut:
        status = one_copy_status(side)
    elif context.bill_side is not None and side != context.bill_side:
        status = Status.NOT_RESTATED
    else:
        status = Status.REMOVED if side == "old" else Status.ADDED
    nodes = [lone_node(node, side, status, visible) for node in unit.worded]
    changes: list[Change] = []  # the section's own: it is added or removed
    if status in (Status.ADDED, Status.REMOVED):
        changes.append(node_change(unit.node, unit.words, side, unit.path))
    old = unit.node if side == "old" else None
    new = unit.node if side == "new" else None
    return SectionComparison(unit.path, heading(unit.node), status, old, new, nodes, changes)


def _compare_sections(pair: Pair[Unit], old_unit: Unit, new_unit: Unit, context: _Context) -> SectionComparison:
    visible = context.visible
    section_path = new_unit.path or old_unit.path
    aside = apparatus(old_unit, new_unit)  # a codified Section and an Act's own: the codifier's words set aside
    old_worded = old_unit.worded if aside is None else aside.without(old_unit.worded)
    new_worded = new_unit.worded if aside is None else aside.without(new_unit.worded)
    old_before, old_nodes, old_after = split_visible(old_worded, visible)
    new_before, new_nodes, new_after = split_visible(new_worded, visible)
    same = same_nodes(old_nodes, new_nodes, visible)
    unchanged = same and (not visible.slices or all(map(visible.whole, old_nodes + new_nodes)))
    if unchanged and not (old_before or new_before or old_after or new_after):
        # the common case: each node is its own pair, with no diff to make, and no copy is
        # cut here; no node holds a change
        nodes = unchanged_nodes(old_nodes, new_nodes)
        status = Status.UNCHANGED
    else:
        nodes = [lone_node(node, "old", Status.ONLY_OLD, visible) for node in old_before]
        nodes += [lone_node(node, "new", Status.ONLY_NEW, visible) for node in new_before]
        if unchanged:
            compared = unchanged_nodes(old_nodes, new_nodes)
        else:
            compared = _changed_nodes(old_unit, new_unit, (old_nodes, new_nodes), same, section_path, context)
        _punctuation_at_the_cuts(compared, (old_before, new_before), (old_after, new_after), section_path)
        nodes += compared
        nodes += [lone_node(node, "old", Status.ONLY_OLD, visible) for node in old_after]
        nodes += [lone_node(node, "new", Status.ONLY_NEW, visible) for node in new_after]
        status = Status.CHANGED if any(node.changes for node in nodes) else Status.UNCHANGED
    if aside is not None:
        nodes = set_aside(nodes, aside, old_unit, new_unit, section_path)
        status = Status.CHANGED if any(node.changes for node in nodes) else Status.UNCHANGED
    own: list[Change] = []  # the section's own changes; its nodes hold theirs
    if _renumbered(pair, old_unit.node, new_unit.node):
        renumber = linked(section_change(Op.RENUMBER, old_unit, new_unit, section_path))
        for node in nodes:
            _drop_number_edits(node, old_unit, new_unit, renumber)
        own.insert(0, renumber)
        status = Status.RENUMBERED
    if (pair.moved or old_unit.parent != new_unit.parent) and context.mode == Mode.VERSIONS:
        own.insert(0, section_change(Op.MOVE, old_unit, new_unit, section_path))
        status = Status.MOVED
    section = SectionComparison(
        section_path, heading(new_unit.node) or heading(old_unit.node), status,
        old_unit.node, new_unit.node, nodes, own,
    )
    section.attributed_to = attribute(old_unit, new_unit, section.changes, context.new_is_bill, context.synopsis)
    return section


def _changed_nodes(old_unit: Unit, new_unit: Unit, shown: tuple[list[Node], list[Node]], same: bool,
                   section_path: str, context: _Context) -> list[NodeComparison]:
    """The redline of a section pair's visible nodes (`shown`, OLD's and NEW's) when they are
    not all whole and the same: nodes paired (in order when they are the same, `same_nodes`),
    each pair diffed, the section restreamed or its adds and removes reconsidered."""
    visible = context.visible
    old_nodes, new_nodes = shown
    if same:
        node_pairs = in_order(old_nodes, new_nodes)
    else:
        skipped: list[tuple[int, int]] = []
        node_pairs = align(
            old_nodes,
            new_nodes,
            keys=(relative_key(old_unit, new_unit), same_text(visible)),
            text=lambda node: compared_text(node, visible.joined(node)),
            positional=positional,
            skipped=skipped,
        )
        context.limits.extend(limits_note.nodes_not_paired(*counts, section_path) for counts in skipped)
    compared = [compare_nodes(node_pair, section_path, visible, context.rules) for node_pair in node_pairs]
    if any(node.changes for node in compared) and same_stream(old_nodes, new_nodes, visible):
        compared = resegmented(old_nodes, new_nodes, visible)
    elif any(change.op in (Op.ADD, Op.REMOVE) for node in compared for change in node.changes):
        compared = fewer_changes(compared, old_nodes, new_nodes, visible, section_path, context.rules)
    return compared


def _punctuation_at_the_cuts(compared: list[NodeComparison], before: tuple[list[Node], list[Node]],
                             after: tuple[list[Node], list[Node]], section: str) -> None:
    """Where one copy of a truncated pair stops (begins) inside this section, the other copy's
    punctuation at that point is beyond the cut (`nodes.punctuation_at_the_cut`). A copy stops
    here when the other holds text after the shared stretch and it does not."""
    for at_end, (old_beyond, new_beyond) in ((True, after), (False, before)):
        edge = -1 if at_end else 0
        beyond = {"old": bool(old_beyond), "new": bool(new_beyond)}
        for side in ("old", "new"):
            # (a segment not made yet is an unchanged pair's `equal`: no copy's alone)
            beyond[side] = beyond[side] or any(
                node.made_segments() and node.made_segments()[edge].op == one_copy_op(side) for node in compared)
        if beyond["old"] == beyond["new"]:
            continue
        cut: Side = "new" if beyond["old"] else "old"
        holding = [node for node in compared if (node.new if cut == "new" else node.old) is not None]
        if holding:
            punctuation_at_the_cut(holding[edge], section, cut, at_end)


def _renumbered(pair: Pair[Unit], old: Node, new: Node) -> bool:
    if pair.how != CONTENT or old.kind not in RENUMBERABLE or new.kind != old.kind:
        return False
    old_number, new_number = number_or_label(old), number_or_label(new)
    return old_number is not None and new_number is not None and old_number != new_number


def _drop_number_edits(node: NodeComparison, old_unit: Unit, new_unit: Unit, renumber: Change) -> None:
    """A renumbered Section's new number in its heading and citation is the renumber itself:
    that edit is no change of its own, and its segment shows the renumber."""
    old_number = str(number_or_label(old_unit.node))
    new_number = str(number_or_label(new_unit.node))

    def is_number_edit(change: Change) -> bool:
        return (
            change.op == Op.REPLACE
            and change.old_text.endswith(old_number)
            and change.new_text.endswith(new_number)
            and " " not in change.old_text.replace(f" {citations.ILCS} ", "")
        )

    dropped = {change.anchor for change in node.changes if is_number_edit(change)}
    if not dropped:
        return
    node.changes = [change for change in node.changes if change.anchor not in dropped]
    node.status = Status.RENUMBERED
    linked(renumber, *[segment for segment in node.segments if segment.anchor in dropped])
