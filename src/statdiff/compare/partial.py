"""Partial copies in amendment mode: a bill (or an Act) whose copy stops inside a Section.

Judged on the Section pair in which a copy's document begins or ends, by the tests of
`truncation`; besides, a restated Section lacking the Source note its partner has, where
its copy ends, is cut (even at a sentence end). The rest of that Section is `only_old` /
`only_new`, and so are the Sections after it that the bill's instruction names (or,
when the Act's copy is cut, the bill restates) but the cut copy never reaches.
"""

from __future__ import annotations

from dataclasses import dataclass

from statdiff.compare.modes import section_key
from statdiff.compare.nodes import relative_key
from statdiff.compare.pairing import CONTENT, Pair
from statdiff.compare.truncation import (
    TRUNCATION_ANCHOR,
    Overlap,
    Slices,
    Visible,
    bare_word,
    cut_mid_word,
    flatten,
    line_start_test,
    node_breaks,
    occurrences,
    shared_stretch,
    slice_nodes,
)
from statdiff.compare.units import Unit
from statdiff.model import Document, Node, Side

Edges = tuple[Node | None, Node | None]  # the nodes holding a document's first and last words
Held = dict[Side, tuple[bool, bool]]  # whether each side's unit holds its document's (first, last) word


def cut_restatement(pairs: list[Pair[Unit]], old: Document, new: Document, bill_side: Side | None,
                    instructed: set[tuple[str, str]], leads: dict[Side, Unit | None]) -> tuple[Visible, set[Unit]]:
    """Amendment mode: a partial copy of the bill (or of the Act) ends, or begins, inside a
    Section both texts hold. That Section pair is judged like two truncated versions
    (`shared_stretch` on the pair's words): what lies beyond the shared stretch is
    `only_old` / `only_new`. Returns the visible words and the units the cut copy never
    reaches: the Sections the bill's instruction names (or, when the Act is cut, the
    restated Sections) that come after the cut Section. An Act's copy that begins mid-way
    through a Section holds that Section's tail before its first Section (`leads`): it is
    paired with the restated Section it is the tail of (`pairs` is updated)."""
    edges: dict[Side, Edges] = {"old": _edge_nodes(old.root), "new": _edge_nodes(new.root)}
    slices: Slices = {}
    beyond: set[Unit] = set()
    _pair_leads(pairs, leads, edges, slices)
    for index, pair in enumerate(pairs):
        if pair.old is None or pair.new is None:
            continue
        if any(node in slices for node in pair.old.nodes[:1] + pair.new.nodes[:1]):
            continue
        held: Held = {"old": _holds_edges(pair.old, edges["old"]), "new": _holds_edges(pair.new, edges["new"])}
        if not any(held["old"] + held["new"]):
            continue
        cut = _cut_pair(pair.old, pair.new, held)
        if cut is None:
            continue
        cut.slice(slices)
        if cut.ends_short is not None:
            beyond |= _never_reached(pairs[index + 1:], cut.ends_short, bill_side, instructed)
    return Visible(slices), beyond


def _pair_leads(pairs: list[Pair[Unit]], leads: dict[Side, Unit | None], edges: dict[Side, Edges],
                slices: Slices) -> None:
    """Pair an Act copy's words before its first Section with the restated Section they are
    the tail of: the first unpaired restated Section whose words the copy begins mid-way in."""
    for side, lead in leads.items():
        if lead is None:
            continue
        other: Side = "new" if side == "old" else "old"
        for index, pair in enumerate(pairs):
            unit = pair.new if side == "old" else pair.old
            if pair.paired or unit is None:
                continue
            old_unit, new_unit = (lead, unit) if side == "old" else (unit, lead)
            held: Held = {side: (True, _holds_edges(lead, edges[side])[1]), other: (False, False)}
            cut = _cut_pair(old_unit, new_unit, held)
            if cut is not None and cut.begins_late == side:
                cut.slice(slices)
                pairs[index] = Pair(old_unit, new_unit, CONTENT)
                break


def _edge_nodes(root: Node) -> Edges:
    """The nodes holding a document's first and last words."""
    with_words = [node for node in root.walk() if node.has_words()]
    if not with_words:
        return None, None
    return with_words[0], with_words[-1]


def _holds_edges(unit: Unit, edges: Edges) -> tuple[bool, bool]:
    """Whether the unit holds its document's (first word, last word)."""
    nodes = set(unit.nodes)
    return edges[0] in nodes, edges[1] in nodes


@dataclass(slots=True)
class _Flat:
    """One side of a Section pair read as one word sequence: its nodes, where each one's
    words start, and all word texts."""

    unit: Unit
    nodes: list[Node]
    starts: list[int]
    texts: list[str]

    @classmethod
    def of(cls, unit: Unit) -> "_Flat":
        return cls(unit, *flatten(unit.nodes))

    @property
    def has_source_note(self) -> bool:
        return self.source_note_start() is not None

    def source_note_start(self) -> int | None:
        return next((start for node, start in zip(self.nodes, self.starts) if node.kind == "source_note"), None)

    def last_node(self) -> tuple[Node, int] | None:
        """The node holding the last word, and where its words start."""
        return next(((node, start) for node, start in zip(reversed(self.nodes), reversed(self.starts))
                     if node.has_words()), None)


@dataclass(slots=True)
class _Cut:
    """A Section pair one of whose copies is cut: the stretch both share, and which copy
    ends short / begins late ("old", "new" or None)."""

    old: _Flat
    new: _Flat
    overlap: Overlap
    ends_short: Side | None
    begins_late: Side | None

    def slice(self, slices: Slices) -> None:
        (old_start, old_end), (new_start, new_end) = self.overlap
        slice_nodes(self.old.nodes, self.old.starts, old_start, old_end, slices)
        slice_nodes(self.new.nodes, self.new.starts, new_start, new_end, slices)


def _cut_pair(old_unit: Unit, new_unit: Unit, held: Held) -> _Cut | None:
    """The stretch a Section pair shares when one copy's document begins or ends inside it
    (`held`: whether each unit holds its document's first and last words)."""
    old, new = _Flat.of(old_unit), _Flat.of(new_unit)
    overlap = shared_stretch(
        old.texts, new.texts, node_breaks(old.nodes, old.starts), node_breaks(new.nodes, new.starts),
        line_start_test(old_unit.words), line_start_test(new_unit.words),
    )
    if overlap is None or _ends_in_source_note(overlap, old, new):
        overlap = _cut_before_source_note(old, new, held)
    if overlap is None:
        return None
    (old_start, old_end), (new_start, new_end) = overlap
    # the cut copy is the one with fewer words outside the stretch (a cut word counts as outside)
    old_rest, new_rest = len(old.texts) - old_end, len(new.texts) - new_end
    ends_short: dict[Side, bool] = {"new": old_rest > new_rest, "old": new_rest > old_rest}
    begins_late: dict[Side, bool] = {"new": old_start > new_start, "old": new_start > old_start}
    sides: tuple[Side, Side] = ("old", "new")
    if any(ends_short[side] and not held[side][1] or begins_late[side] and not held[side][0] for side in sides):
        return None  # the copy does not begin or end there: an edit, not a cut
    return _Cut(old, new, overlap, next((side for side in ends_short if ends_short[side]), None),
                next((side for side in begins_late if begins_late[side]), None))


def _ends_in_source_note(overlap: Overlap, old: _Flat, new: _Flat) -> bool:
    """A copy without a Source note matched into the other copy's Source note (its last
    word taken for an edit of the note's first word): not where a restatement stops."""
    (_, old_end), (_, new_end) = overlap
    for end, flat, other in ((old_end, old, new), (new_end, new, old)):
        note = flat.source_note_start()
        if note is not None and end > note and other.source_note_start() is None:
            return True
    return False


def _cut_before_source_note(old: _Flat, new: _Flat, held: Held) -> Overlap | None:
    """A restated Section always ends with its Source note: a copy whose document ends inside
    a Section that lacks the note its partner has is cut there, even at a sentence end or
    inside words the other text lacks (a new definition, a later text). The other copy's
    part of the stretch ends after the last run of TRUNCATION_ANCHOR words both hold or,
    when the cut copy's last node has the path of a node of the other copy, after the words
    the two nodes begin with, whichever is later; then on over the other copy's next words
    that the cut copy's words after that run hold, in order (`_held_after`). The cut copy's
    words all stay in the stretch (inserted, added, edited), but for a last word cut mid-word."""
    if held["new"][1] and old.has_source_note and not new.has_source_note:
        short, long = new, old
    elif held["old"][1] and new.has_source_note and not old.has_source_note:
        short, long = old, new
    else:
        return None
    found = _last_shared_run(short.texts, long.texts)
    if found is None:
        return None
    long_end = max(found[0], _end_in_partner_node(short, long))
    note = long.source_note_start()
    if long_end == found[0] and note is not None and _held_after(short.texts[found[1]:], long.texts[long_end:note]):
        long_end = note
    short_end = len(short.texts)
    if cut_mid_word(short.texts[-1], long.texts[long_end - 1]):
        long_end, short_end = long_end - 1, short_end - 1  # the cut word matched the whole word
    elif found[1] == short_end - 1 and long_end < len(long.texts) and cut_mid_word(short.texts[-1], long.texts[long_end]):
        short_end -= 1
    if short is new:
        return (0, long_end), (0, short_end)
    return (0, short_end), (0, long_end)


def _held_after(short_tail: list[str], long_tail: list[str]) -> bool:
    """Whether the uncut copy's words after the last run both copies hold (up to its Source
    note) are all words the cut copy holds after that run, in the same order: text both
    copies hold, never text beyond the cut. A bill restating a Section prints its struck
    words beside the law's (`to the Comptrolleror a Deputy Comptroller.` where the law in force
    reads `to the Comptroller.`): the law's `Comptroller.` is the bill's, and the bill's
    words before it are its own."""
    at = 0
    for word in long_tail:
        wanted = bare_word(word)
        while at < len(short_tail) and bare_word(short_tail[at]) != wanted:
            at += 1
        if at == len(short_tail):
            return False
        at += 1
    return bool(long_tail)


def _end_in_partner_node(short: _Flat, long: _Flat) -> int:
    """Where the cut copy's last node ends in the node of the other copy with its path (the
    same path relative to the Section), 0 if there is none."""
    last = short.last_node()
    if last is None:
        return 0
    node, start = last
    key = relative_key(short.unit, long.unit)
    wanted = key(node)
    partner = next(((other, offset) for other, offset in zip(long.nodes, long.starts)
                    if other.has_words() and key(other) == wanted), None) if wanted else None
    if partner is None:
        return 0
    other, offset = partner
    rest, theirs = short.texts[start:], long.texts[offset:offset + len(other.words)]
    shared = 0  # the words the two nodes begin with; the cut node's words after them are its own
    for mine, there in zip(rest, theirs):
        if mine != there:
            if shared == len(rest) - 1 and cut_mid_word(mine, there):
                shared += 1
            break
        shared += 1
    return offset + shared


def _last_shared_run(short: list[str], long: list[str]) -> tuple[int, int] | None:
    """(long_end, short_end): the end of the last run of TRUNCATION_ANCHOR words of `short`
    that `long` holds (the occurrence nearest the same place, when it holds several)."""
    absent: set[str] = set()
    for end in range(len(short), TRUNCATION_ANCHOR - 1, -1):
        anchor = short[end - TRUNCATION_ANCHOR:end]
        if absent.intersection(anchor):
            continue
        found = occurrences(long, anchor, absent=absent)
        if found:
            start = min(found, key=lambda index: abs(index - (end - TRUNCATION_ANCHOR)))
            return start + TRUNCATION_ANCHOR, end
    return None


def _never_reached(later: list[Pair[Unit]], cut_side: Side, bill_side: Side | None,
                   instructed: set[tuple[str, str]]) -> set[Unit]:
    """Units after the cut Section that only the uncut copy holds and the cut copy would
    have held: Sections of the Act the bill's instruction names (the bill is cut), or the
    bill's restated Sections (the Act is cut)."""
    reached: set[Unit] = set()
    for pair in later:
        unit = pair.new if cut_side == "old" else pair.old
        if pair.paired or unit is None:
            continue
        if cut_side == bill_side and section_key(unit) not in instructed:
            continue
        reached.add(unit)
    return reached
