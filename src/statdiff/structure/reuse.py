"""Building NEW with what OLD's build already knows: two versions of a statute print most of
their Sections alike, and where NEW prints a Section exactly as OLD does, and the builder
comes to it in the same state, the subtree it would build there is OLD's, each node's words
moved to where NEW prints them. The subtree is copied instead (`build_pair`).

The unit copied is a codified Section from where the previous unit's Source note ends (the
builder's visit there: `Builder._visit_words`) to where its own Source note ends. Between the
two the builder reads only:

* the open nodes: at both ends the document and codified Articles whose heading was read
  (nothing else open: a Source note closes its Section), and the Source note taking words,
  which the builder asks nothing of but its kind;
* the text from the two words before the unit on (`ends_clause` looks back two words) to as
  far as its reads looked: each within `boundaries.LOCAL_REACH` characters of its word and the
  words up to the next space, save those the boundary finder keeps count of
  (`BoundaryFinder.reach`: a note's closing parenthesis, a version note, a defined term, a
  citation's notes);
* which of the unit's words start a printed line and how each line is indented, and what
  the whole text is (legislation, run together, showing indentation).

OLD's build records, at each end of a unit, the open nodes and how far the reads looked
(`Recorder`); where all of that is the same in NEW as in OLD, the builder's every decision in
the unit is the same, so what it would build is OLD's subtree moved: the same kinds, the
same meta (read by the second pass from the unit's text alone: shared with OLD's nodes, as
neither tree changes once built) and the same labels; each node covers NEW's words, so its
words carry NEW's page:line and marks. The second pass does not read them again
(`Finisher.reused`); it names the Section as ever (a path depends on what came before), and
its descendants as OLD's were named where the Section is named alike and none of their
names is taken yet (`Finisher._named_as_before`), else as ever.

A Section the builder reaches otherwise (after an Article's heading, a Section without a
Source note), or that reads differently, is built as ever. Documents with struck text and
prose are built as ever (`build_pair`), and so is an amendment applied to its bill
(`pipeline.diff_files`). `tests/test_reuse.py` holds each build to the one without copies.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import NamedTuple

from statdiff.model import Node
from statdiff.model.wordstore import WordStore
from statdiff.structure.boundaries import LOCAL_REACH, BoundaryFinder
from statdiff.structure.stream import Stream
from statdiff.structure.tree import NodeState, OpenNodes

# How many characters of a unit's opening (its citation line) find the units it may be.
KEY_CHARACTERS = 40
PLAIN_ROOT, CODIFIED_ARTICLE = NodeState(), NodeState(codified=True)


class Checkpoint(NamedTuple):
    """The builder's state where a Source note ends: the word it visits next (`end`), the
    open nodes, how many children the innermost had, how far the text was read since the
    previous checkpoint, and whether the open nodes are those a unit may start under."""

    end: int
    stack: tuple[Node, ...]
    children: int
    reach: int
    plain: bool


class Recorder:
    """What OLD's build tells of its units (`Builder.recorder`)."""

    def __init__(self) -> None:
        self.checkpoints: list[Checkpoint] = []

    def closed(self, end: int, tree: OpenNodes, finder: BoundaryFinder) -> None:
        """A Source note was opened, ending at word `end`: the builder's state there."""
        stack = tuple(tree.stack)
        self.checkpoints.append(Checkpoint(end, stack, len(stack[-1].children), finder.reach,
                                           plain_open_nodes(tree)))
        finder.reach = 0  # from here on, the next unit's reads


def plain_open_nodes(tree: OpenNodes) -> bool:
    """The open nodes are the document and codified Articles whose heading was read, and the
    node taking words is a Source note: a unit may start here."""
    if tree.current.kind != "source_note":
        return False
    states = tree.states
    stack = tree.stack
    if states.get(stack[0]) != PLAIN_ROOT:
        return False
    return all(node.kind == "article" and states.get(node) == CODIFIED_ARTICLE for node in stack[1:])


@dataclass(slots=True)
class Unit:
    """A codified Section of OLD's that NEW may print alike: words `start` to `end`, text from
    `offset` to `end_offset`, read from `back_from` (two words before) to `reach` (past the
    last character looked at); built under `depth` open nodes."""

    section: Node
    start: int
    end: int
    offset: int
    end_offset: int
    back_from: int
    reach: int
    depth: int


class Printing(NamedTuple):
    """What of a stream the builder reads besides the text's words: which words start a
    printed line, how each line is indented, what the whole text is (kept for OLD without
    the rest of its stream, its offsets looked up, while NEW is built)."""

    text: str
    store: WordStore
    line_start: bytearray
    indentation: list[bool | None]
    legislation: bool
    flattened: bool
    has_indentation: bool

    @classmethod
    def of(cls, stream: Stream) -> "Printing":
        return cls(stream.text, stream.store, stream.line_start, stream.indentation, stream.legislation,
                   stream.flattened, stream.has_indentation)


class Reusable:
    """OLD's built units, found by their opening (`KEY_CHARACTERS`)."""

    def __init__(self, stream: Stream, checkpoints: list[Checkpoint]):
        self.printing = Printing.of(stream)
        self.units: dict[str, list[Unit]] = {}
        for before, after in zip(checkpoints, checkpoints[1:]):
            unit = self._unit(before, after)
            if unit is not None:
                self.units.setdefault(stream.text[unit.offset:unit.offset + KEY_CHARACTERS], []).append(unit)

    def _unit(self, before: Checkpoint, after: Checkpoint) -> Unit | None:
        """The unit between two checkpoints: one codified Section added under the same open
        nodes, which its Source note closed, and nothing else (or None)."""
        if not (before.plain and after.plain and before.stack == after.stack
                and after.children == before.children + 1):
            return None
        section = before.stack[-1].children[before.children]
        if before.end < 2 or not _copyable_section(section, before.end, after.end):
            return None
        offset, source = section._from, section.children[-1]
        reach = max(after.reach, source._from + LOCAL_REACH, source._to)
        return Unit(section, before.end, after.end, offset, source._to, _looked_back_to(self.printing.text, offset),
                    reach, len(before.stack))

    def splicer(self, stream: Stream) -> "Splicer | None":
        """A splicer for NEW's stream, None where the two texts are not read alike throughout."""
        old, new = self.printing, Printing.of(stream)
        if not self.units or (old.legislation, old.flattened, old.has_indentation) != (
                new.legislation, new.flattened, new.has_indentation):
            return None
        return Splicer(self, new)


def _copyable_section(section: Node, start: int, end: int) -> bool:
    """A codified Section read from its citation line (its meta read from its own words
    alone: `finish._describe_codified_section`), covering words `start` to `end`, where its
    Source note ends."""
    children = section.children
    return (section.kind == "section" and section.meta.codified and section._start == start
            and bool(children) and children[-1].kind == "source_note" and children[-1]._end == end
            and any(child.kind == "citation" for child in children))


def _looked_back_to(text: str, offset: int) -> int:
    """How far back from the word at `offset` (the third word or later) the builder looks:
    the space before the word two words before (0 where that word opens the text)."""
    previous = text.rfind(" ", 0, offset - 1)  # the space before the word before
    return max(text.rfind(" ", 0, previous), 0)


class Splicer:
    """Copies OLD's units into NEW's tree where NEW prints them alike (`Builder.splicer`);
    `reused`: the Sections copied (the second pass does not read them again), each with the
    names its descendants had in OLD's tree (`_moved`), None where one was made unique there."""

    def __init__(self, reusable: Reusable, new: Printing):
        self.old, self.new = reusable.printing, new
        self.units = reusable.units
        self.reused: dict[Node, tuple[str, ...] | None] = {}

    def splice(self, visit: int, tree: OpenNodes) -> int | None:
        """At word `visit`, where a Source note ended: copy the unit of OLD's NEW prints here
        (its Section under the innermost open node, its Source note taking words) and return
        the word where that note ends; None where there is none."""
        offset = tree.taken_to
        units = self.units.get(self.new.text[offset:offset + KEY_CHARACTERS])
        if units is None or not plain_open_nodes(tree):
            return None
        for unit in units:
            if unit.depth == len(tree.stack) and self._printed_alike(unit, visit, offset):
                return self._copy(unit, visit, offset, tree)
        return None

    def _printed_alike(self, unit: Unit, visit: int, offset: int) -> bool:
        """NEW prints, from word `visit` at `offset`, what OLD printed in `unit`: the same text
        from two words before to the unit's reach, the same line starts and indentation."""
        old_text, new_text = self.old.text, self.new.text
        start = offset - (unit.offset - unit.back_from)
        if visit < 2 or start < 0 or (unit.back_from == 0 and start > 0 and new_text[start - 1] != " "):
            return False  # (a word opening OLD's text must open a word of NEW's)
        end = unit.reach + 1  # a read at the last character looked also saw whether the text ends there
        if end > len(old_text):
            if len(new_text) - start != len(old_text) - unit.back_from:
                return False
            end = len(old_text)
        if not new_text.startswith(old_text[unit.back_from:end], start):
            return False
        end_word = visit + unit.end - unit.start
        if self.old.line_start[unit.start:unit.end] != self.new.line_start[visit:end_word]:
            return False
        return self._indented_alike(unit, visit, end_word)

    def _indented_alike(self, unit: Unit, visit: int, end_word: int) -> bool:
        """The lines starting in the unit are indented alike (their starts are the same words)."""
        old, new = self.old, self.new
        if not old.has_indentation:
            return True
        old_first, new_first = old.store.line_first, new.store.line_first
        old_lines = slice(bisect_left(old_first, unit.start), bisect_left(old_first, unit.end))
        new_lines = slice(bisect_left(new_first, visit), bisect_left(new_first, end_word))
        return old.indentation[old_lines] == new.indentation[new_lines]

    def _copy(self, unit: Unit, visit: int, offset: int, tree: OpenNodes) -> int | None:
        """The unit's Section copied under the innermost open node, its Source note taking
        words from now on: the word where the note ends (None, nothing copied, where a node
        of OLD's no longer covers a range of OLD's words)."""
        names: list[str] = []
        section = _moved(unit.section, Move(self.old.store, self.new.store, visit - unit.start, offset - unit.offset),
                         names)
        if section is None:
            return None
        tree.stack[-1].children.append(section)
        self.reused[section] = tuple(names) if all(" #" not in name for name in names) else None
        source = section.children[-1]
        tree.current, tree.current_start, tree.current_from = source, source._start, source._from
        tree.taken, tree.taken_to = source._end, source._to
        return source._end


class Move(NamedTuple):
    """Where a copied node's words are: in `new` rather than `old`, `words` words and
    `characters` characters further on."""

    old: WordStore
    new: WordStore
    words: int
    characters: int


def _moved(node: Node, move: Move, names: list[str]) -> Node | None:
    """A copy of `node` and its descendants, its words moved (`move`); None where a node no
    longer covers a range of OLD's words (its words were read and given a list of their
    own). The copy shares the node's meta and label, and keeps its path for the second pass
    (`Finisher._named_as_before`), which names the copy's descendants but for their paragraphs
    (`[n]`) as it names them (`names`, in order; a paragraph named otherwise, a resolution's
    clause, is named so too: its name makes the list end in a name it was never given)."""
    if node._words is not None or node._store is not move.old:
        return None
    children = []
    for child in node.children:
        if child.kind != "text":
            names.append(child.path)
        elif not child.path.endswith("]"):
            names.append(" #")  # (never a name as it stands: the second pass names them all)
        moved = _moved(child, move, names)
        if moved is None:
            return None
        children.append(moved)
    copy = Node.__new__(Node)  # (`Node.covering`, without the Meta it makes)
    copy.kind, copy.path, copy.children, copy.label, copy.meta = node.kind, node.path, children, node.label, node.meta
    copy._words, copy._store = None, move.new
    words, characters = move.words, move.characters
    copy._start, copy._end = node._start + words, node._end + words
    copy._from, copy._to = node._from + characters, node._to + characters
    return copy
