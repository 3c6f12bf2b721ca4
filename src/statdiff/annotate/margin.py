"""Margin notes: what a change means, found automatically.

`annotate(comparison)` reads each changed node's old and new text and reports
what a policy reader looks for first: a new or changed deadline, amount or
threshold, defined term, duty (shall / may / must), cross-reference, and the
Public Act a change came from; and, beside a replacement whose struck words were
recovered from a plain printing (`Change.basis`), that it is to be checked against
the official markup.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from dataclasses import dataclass
from typing import Callable

from statdiff.annotate.phrases import PATH_TERM
from statdiff.compare.tokens import rejoined
from statdiff.law import citations, enumerators, public_acts
from statdiff.law.compiling import when_used
from statdiff.model import (
    ONE_COPY_OPS,
    Basis,
    Change,
    Comparison,
    Node,
    NodeComparison,
    Op,
    SectionComparison,
    Status,
    rebuild,
)

DEADLINE, AMOUNT, DEFINITION, DUTY, CROSS_REFERENCE, ATTRIBUTION, PLAIN_PRINTING = (
    "deadline",
    "amount",
    "definition",
    "duty",
    "cross_reference",
    "attribution",
    "plain_printing",
)
KINDS = (DEADLINE, AMOUNT, DEFINITION, DUTY, CROSS_REFERENCE, ATTRIBUTION, PLAIN_PRINTING)
# The note beside a replacement whose struck half was read from a plain printing.
RECOVERED_NOTE = "struck text recovered from a plain printing: check against the official markup"


@dataclass(frozen=True, slots=True)
class Annotation:
    """One margin note. `change_anchor` is the HTML id of the change it explains
    ("" when it explains a whole node); `section` and `path` locate it."""

    kind: str
    message: str
    change_anchor: str
    section: str
    path: str

    def to_json(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}


# ---------------------------------------------------------------- patterns
# Compiled at the first annotation (`when_used`): a terminal diff never annotates.

_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|"
    "twenty|twenty-one|twenty-four|thirty|forty-five|forty-eight|forty|sixty|"
    "seventy-two|ninety|one hundred eighty"
)
_PERIOD = when_used(
    # every period begins with a digit or with one of these letters (the first letters of the
    # words below): the lookahead only passes over, at once, the places where none can begin
    r"\b(?=[\dabefnostw])"
    r"(?:(?:within|no later than|not later than|not more than|not less than|at least|"
    r"after|before|for|every)\s+)?"
    rf"(?:\d+|(?:{_NUMBER_WORDS}))(?:\s+\(\d+\))?[\s-]+"
    r"(?:business\s+|calendar\s+|working\s+)?(?:hours?|days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)
# Each of the next three patterns opens with a lookahead for the characters its matches can
# begin with (as `_PERIOD` does): the search passes over, at once, the places where none can
# begin, and finds the matches the pattern after it finds (a test holds each to the pattern
# without it, on every corpus text: `*_MATCHES` are those patterns).
_AMOUNT_MATCHES = (
    r"\$\s?\d[\d,]*(?:\.\d+)?(?:\s+(?:thousand|million|billion))?"
    r"|\b\d+(?:\.\d+)?\s?(?:%|percent\b)"
    r"|\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b"
)
_AMOUNT = when_used(rf"(?=[$\d])(?:{_AMOUNT_MATCHES})", re.IGNORECASE)
_DUTY_MATCHES = r"\b(shall|must|may)(\s+not)?\s+((?:be\s+)?[a-z]+)"
_DUTY = when_used(rf"(?=[sm]){_DUTY_MATCHES}", re.IGNORECASE)
# A cross-reference, in the Illinois grammar's terms (`statdiff.law`): an ILCS reference
# to a Section (`815 ILCS 530/10(c)`), a Section or Article of this Act (`Section 10(a)`),
# a subdivision (`subsection (b-5)`), the United States Code, a Public Act written out
# (`Public Act 94-947`; the `P.A.` of a Source note is its history, not a reference).
_SUBDIVISIONS = enumerators.SUBDIVISIONS_TEXT
_REFERENCE_MATCHES = (
    rf"\b{citations.TITLE_TEXT} {citations.ILCS} {citations.ACT_TEXT}/{citations.REFERENCED_NUMBER_TEXT}{_SUBDIVISIONS}"
    rf"|\b(?:Sections?|Articles?) {citations.REFERENCED_NUMBER_TEXT}{_SUBDIVISIONS}"
    rf"|\b(?:subsections?|paragraphs?|subparagraphs?|items?) {enumerators.TEXT}{_SUBDIVISIONS}"
    r"|\bTitle \d+ of the United States Code"
    rf"|\b{public_acts.SPELLED_TEXT} {public_acts.NUMBER_TEXT}"
)
# a title number (a digit), Section, Article, subsection, paragraph, item, Title, Public Act
_REFERENCE = when_used(rf"(?=[\dsapit])(?:{_REFERENCE_MATCHES})", re.IGNORECASE)
_QUOTED_TERM = when_used(r"^\s*[\"“]([^\"”]+)[\"”]")


def _normal(text: str) -> str:
    return " ".join(text.split()).rstrip(",;.").strip()


# Each extractor reads `text[start:end]` as the whole text would be read there (`finditer`'s
# `pos` and `endpos`): `_Stretches` reads only once what two versions of a node share.


# Most stretches of text name no period: those are not searched. Every period ends in one of
# these words, each of whose letters matches, without regard to case, only characters that
# lower-case to it (a test holds them to this over all of Unicode).
PERIOD_UNITS = ("hour", "day", "week", "month", "year")


def _periods(text: str, start: int = 0, end: int | None = None) -> list[str]:
    end = len(text) if end is None else end
    lowered = text[start:end].lower()
    if not any(unit in lowered for unit in PERIOD_UNITS):
        return []
    return [_normal(m.group(0)) for m in _PERIOD.finditer(text, start, end)]


def _amounts(text: str, start: int = 0, end: int | None = None) -> list[str]:
    return [_normal(m.group(0)) for m in _AMOUNT.finditer(text, start, len(text) if end is None else end)]


def _duties(text: str, start: int = 0, end: int | None = None) -> list[str]:
    found = []
    for match in _DUTY.finditer(text, start, len(text) if end is None else end):
        modal = match.group(1).lower() + (" not" if match.group(2) else "")
        found.append(f"{modal} {match.group(3).lower()}")
    return found


def _references(text: str, start: int = 0, end: int | None = None) -> list[str]:
    return [_normal(m.group(0)) for m in _REFERENCE.finditer(text, start, len(text) if end is None else end)]


# A match of the four patterns above never holds a break: a `.`, `;` or `:` and the space
# after it (no pattern takes a `;`, a `:` or a space before its first character; a `.` in a
# match is followed by a digit or a letter: `$1.50`, `Section 5.1`, `(a-1.5)`). So the matches
# of a text are those of each stretch between breaks, read alone, in order (what is on either
# side of a break is no word character, as the ends of a text are not), and two versions of a
# node, which share most of their sentences, are read once where they agree.
BREAKS = (". ", "; ", ": ")
_STEP = 256  # characters compared at a time in finding where two texts begin (end) to differ


Extractor = Callable[[str, int, int], list[str]]
ChangesOf = Callable[[list[str], list[str]], list[tuple[str, str]]]


class _Stretches:
    """Two texts cut at a break before they first differ and at a break after they last
    differ: the head both begin with, each one's middle, the tail both end with (each a
    `(start, end)` of its text; the head and the tail may be empty)."""

    __slots__ = ("old", "new", "head", "old_middle", "new_middle", "old_tail", "new_tail")

    def __init__(self, old: str, new: str):
        self.old, self.new = old, new
        same_head = _same_head(old, new)
        same_tail = _same_tail(old, new, min(len(old), len(new)) - same_head)
        head_end = max(old.rfind(brk, 0, same_head) for brk in BREAKS)  # -1: no break in it
        tail_break = min((at for brk in BREAKS if (at := old.find(brk, len(old) - same_tail)) >= 0), default=-1)
        middle = head_end + 2 if head_end >= 0 else 0
        self.head = (0, max(head_end, 0))
        shift = len(new) - len(old)
        if tail_break < 0:
            self.old_middle, self.new_middle = (middle, len(old)), (middle, len(new))
            self.old_tail = self.new_tail = (0, 0)
        else:
            self.old_middle, self.new_middle = (middle, tail_break), (middle, tail_break + shift)
            self.old_tail, self.new_tail = (tail_break + 2, len(old)), (tail_break + 2 + shift, len(new))

    def extract(self, extractor: Extractor) -> tuple[list[str], list[str]]:
        """What `extractor` finds in the old text and in the new, the head and the tail read once."""
        return self._extracted(extractor, self._middles(extractor))

    def changes(self, extractor: Extractor, changes_of: ChangesOf) -> list[tuple[str, str]]:
        """`changes_of(*extract(extractor))`, the head and the tail not read at all when the two
        middles hold the same items, however ordered (most nodes, most kinds of note): the
        whole texts then hold the same items too, and `changes_of` (`_feature_changes`,
        `_duty_changes`: what one text holds more of than the other) finds none."""
        middles = self._middles(extractor)
        if sorted(middles[0]) == sorted(middles[1]):
            return []
        return changes_of(*self._extracted(extractor, middles))

    def _middles(self, extractor: Extractor) -> tuple[list[str], list[str]]:
        return extractor(self.old, *self.old_middle), extractor(self.new, *self.new_middle)

    def _extracted(self, extractor: Extractor, middles: tuple[list[str], list[str]]) -> tuple[list[str], list[str]]:
        old = self.old
        head = extractor(old, *self.head) if self.head[1] else []
        tail = extractor(old, *self.old_tail) if self.old_tail[1] > self.old_tail[0] else []
        return head + middles[0] + tail, head + middles[1] + tail


def _same_head(old: str, new: str) -> int:
    """A length both texts begin with alike (at most _STEP - 1 short of the longest: a break
    before it is what `_Stretches` needs), found a stretch of characters at a time (in C)."""
    at, limit = 0, min(len(old), len(new))
    for step in (_STEP, 16):
        while at + step <= limit and old[at:at + step] == new[at:at + step]:
            at += step
    return at


def _same_tail(old: str, new: str, limit: int) -> int:
    """A length (at most `limit`) both texts end with alike, as `_same_head` finds one."""
    at, old_end, new_end = 0, len(old), len(new)
    for step in (_STEP, 16):
        while at + step <= limit and old[old_end - at - step:old_end - at] == new[new_end - at - step:new_end - at]:
            at += step
    return at


# ---------------------------------------------------------------- annotate


def annotate(comparison: Comparison) -> list[Annotation]:
    """Automatic margin notes for every changed node of the comparison, in reading order."""
    new_bill = comparison.new.identity.bill
    annotations: list[Annotation] = []
    moved_from = _MovedFrom(comparison)
    for section in comparison.sections:
        section_changes = section.changes  # built on each access: once a section, not once a node
        for node_comparison in _noted_nodes(section, section_changes):
            changes = _changes_of(node_comparison, section_changes)
            if not changes and node_comparison.status not in _NOTED_STATUSES:
                continue
            annotations.extend(_node_annotations(node_comparison, changes, section.path, moved_from))
        for change in section_changes:
            if change.attributed_to and change.attributed_to != new_bill:
                annotations.append(
                    Annotation(
                        ATTRIBUTION,
                        f"from {_public_act(change.attributed_to)}",
                        change.anchor,
                        section.path,
                        change.new_path or change.old_path or section.path,
                    )
                )
    return annotations


_NOTED_STATUSES = (Status.CHANGED, Status.ADDED, Status.REMOVED)


def _noted_nodes(section: SectionComparison, section_changes: list[Change]) -> list[NodeComparison]:
    """The nodes of a section that may get a note: all of them where the section holds a
    change; else (most sections) only those marked changed, added or removed, since none
    of its nodes holds a change (`SectionComparison.changes` lists every node's)."""
    if section_changes:
        return section.nodes
    return [node for node in section.nodes if node.status in _NOTED_STATUSES]


def _changes_of(node_comparison: NodeComparison, section_changes: list[Change]) -> list[Change]:
    if node_comparison.changes:
        return list(node_comparison.changes)
    if not section_changes:
        return []
    paths = {node.path for node in (node_comparison.old, node_comparison.new) if node is not None}
    return [change for change in section_changes if (change.new_path or change.old_path) in paths]


class _MovedFrom:
    """The OLD node a node moved from another section came from. A node moved within its
    section is compared with its old place (`NodeComparison.old`); one moved to another
    section is the added half of a removed node and an added one (`compare.moves`): its
    comparison has no OLD node, and its notes must still read what it was, never call each
    duty, deadline or definition it always had new. OLD's nodes are indexed by path at the
    first such node (a comparison without moves never walks them)."""

    def __init__(self, comparison: Comparison):
        self.comparison = comparison
        self.by_path: dict[str, Node] | None = None

    def of(self, node_comparison: NodeComparison, changes: list[Change]) -> Node | None:
        if node_comparison.old is not None or node_comparison.status != Status.MOVED:
            return None
        move = next((change for change in changes if change.op == Op.MOVE and change.old_path), None)
        if move is None or move.old_path is None:
            return None
        if self.by_path is None:
            self.by_path = {node.path: node for node in self.comparison.old.root.walk()}
        return self.by_path.get(move.old_path)


def _node_annotations(
    node_comparison: NodeComparison, changes: list[Change], section: str, moved_from: _MovedFrom | None = None
) -> list[Annotation]:
    old, new = node_comparison.old, node_comparison.new
    old_text, new_text = compared_texts(node_comparison)
    source = moved_from.of(node_comparison, changes) if moved_from is not None else None
    if source is not None:
        old, old_text = source, source.text
    # read as the diff compares them: a number printed broken after its hyphen (`Section 1-`
    # at a line's end, `17` opening the next) is the whole number, never a changed reference
    old_text, new_text = rejoined(old_text), rejoined(new_text)
    if not changes and old is not None and new is not None and old_text == new_text:
        return []
    path = node_comparison.node.path

    lowered: list[str] = []  # each change's texts in lower case, made once for the node's notes
    # A note points at the change of the words it is about: a move's texts are the whole node's
    # and carry every clue, so a moved node's notes point at its word changes where it has some.
    anchoring = [change for change in changes if change.op != Op.MOVE] or changes

    def note(kind: str, message: str, clue: str = "", anchor: str = "") -> Annotation:
        if not anchor and len(anchoring) > 1 and not lowered:
            lowered.extend(f"{change.old_text} {change.new_text}".lower() for change in anchoring)
        return Annotation(kind, message, anchor or _anchor_for(clue, anchoring, lowered), section, path)

    found: list[Annotation] = [note(PLAIN_PRINTING, RECOVERED_NOTE, anchor=change.anchor)
                               for change in changes if change.basis == Basis.PLAIN_PRINTING]
    definition = _definition_note(old, new, old_text, new_text)
    if definition:
        found.append(note(DEFINITION, definition))
    stretches = _Stretches(old_text, new_text)
    for kind, extract, noun in (
        (DEADLINE, _periods, "deadline"),
        (AMOUNT, _amounts, "amount"),
        (CROSS_REFERENCE, _references, "cross-reference"),
    ):
        for message, clue in stretches.changes(extract, lambda old, new: _feature_changes(old, new, noun)):
            found.append(note(kind, message, clue))
    for message, clue in stretches.changes(_duties, _duty_changes):
        found.append(note(DUTY, message, clue))
    return found


def compared_texts(node_comparison: NodeComparison) -> tuple[str, str]:
    """The old and new text the two copies both cover. Text only one copy holds,
    because the other copy is truncated, is no change and gets no note; struck words a
    plain printing prints are not NEW's text (`30 45 days` reads `45 days`); a row of a
    restreamed section compares the words it shows (`NodeComparison.whole_nodes`)."""
    old, new = node_comparison.old, node_comparison.new
    if node_comparison.whole_nodes and not any(
        segment.op in ONE_COPY_OPS or segment.printed is not None for segment in node_comparison.segments
    ):
        return (old.text if old is not None else "", new.text if new is not None else "")
    kept = [segment for segment in node_comparison.segments if segment.op not in ONE_COPY_OPS]
    return (rebuild([token for segment in kept for token in segment.old]),
            rebuild([token for segment in kept for token in segment.new]))


def _anchor_for(clue: str, changes: list[Change], lowered: list[str]) -> str:
    """The change whose text carries the clue, else the node's first change (`lowered`: each
    change's old and new text in lower case; a node's only change is its anchor, unread: a
    Section replaced whole has one change and may have thousands of notes)."""
    if len(changes) <= 1:
        return changes[0].anchor if changes else ""
    words = [word for word in clue.lower().split() if any(ch.isdigit() for ch in word)]
    for change, text in zip(changes, lowered):
        if any(word in text for word in words):
            return change.anchor
    if clue:
        wanted = clue.lower()
        for change, text in zip(changes, lowered):
            if wanted in text:
                return change.anchor
    return changes[0].anchor


def _feature_changes(old: list[str], new: list[str], noun: str) -> list[tuple[str, str]]:
    """Pair what disappeared with what appeared: changed, else new / removed."""
    if old == new:  # most nodes: none on either side (no Counter made for them)
        return []
    removed = _in_order(old, Counter(old) - Counter(new))
    added = _in_order(new, Counter(new) - Counter(old))
    messages = []
    for before, after in zip(removed, added):
        messages.append((f"{noun} changed: {before} → {after}", after))
    for after in added[len(removed):]:
        messages.append((f"new {noun}: {after}", after))
    for before in removed[len(added):]:
        messages.append((f"{noun} removed: {before}", before))
    return messages


def _in_order(items: list[str], wanted: Counter) -> list[str]:
    """The items counted in `wanted`, in the order they appear in `items`."""
    pending = Counter(wanted)
    ordered = []
    for item in items:
        if pending[item] > 0:
            ordered.append(item)
            pending[item] -= 1
    return ordered


_MODAL_NOUN = {"shall": "duty", "must": "duty", "may": "permission"}


def _modal_noun(phrase: str) -> str:
    modal = phrase.split()[0]
    if phrase.split()[1:2] == ["not"]:
        return "prohibition"
    return _MODAL_NOUN[modal]


def _duty_changes(old: list[str], new: list[str]) -> list[tuple[str, str]]:
    """Each removed duty paired, in order, with the first added duty of the same verb not yet
    paired ("duty changed"); the rest new or removed. Added duties wait in a queue a verb, so
    that a Section replaced whole, with thousands of duties, is paired in one pass."""
    if old == new:
        return []
    removed = _in_order(old, Counter(old) - Counter(new))
    added = _in_order(new, Counter(new) - Counter(old))
    waiting: dict[str, deque[int]] = {}
    for index, item in enumerate(added):
        waiting.setdefault(item.split()[-1], deque()).append(index)
    messages = []
    paired_removed: set[int] = set()
    paired_added: set[int] = set()
    for number, before in enumerate(removed):
        queue = waiting.get(before.split()[-1])
        if queue:
            index = queue.popleft()
            messages.append((f"duty changed: “{before}” → “{added[index]}”", added[index]))
            paired_removed.add(number)
            paired_added.add(index)
    messages += [(f"new {_modal_noun(item)}: “{item}”", item)
                 for index, item in enumerate(added) if index not in paired_added]
    messages += [(f"{_modal_noun(item)} removed: “{item}”", item)
                 for number, item in enumerate(removed) if number not in paired_removed]
    return messages


# ---------------------------------------------------------------- definitions


def defined_term(node: Node | None) -> str | None:
    """The term a definition node defines: its meta, its path, or its opening quote."""
    if node is None or node.kind != "definition":
        return None
    term = node.meta.term
    if term:
        return term
    match = _QUOTED_TERM.match(node.text)
    if match:
        return match.group(1)
    match = PATH_TERM.search(node.path)
    return match.group(1) if match else None


def _definition_note(old: Node | None, new: Node | None, old_text: str, new_text: str) -> str | None:
    old_term, new_term = defined_term(old), defined_term(new)
    if old_term is None and new_term is None:
        return None
    if old_term is None:
        return f"defined term added: “{new_term}”"
    if new_term is None:
        return f"defined term removed: “{old_term}”"
    if old_term == new_term:
        return None if old_text == new_text else f"definition of “{new_term}” amended"
    return _term_change(old_term, new_term)


def _term_change(old_term: str, new_term: str) -> str:
    from difflib import SequenceMatcher  # imported when a defined term changes: rare

    old_words, new_words = old_term.split(), new_term.split()
    matcher = SequenceMatcher(a=[w.lower() for w in old_words], b=[w.lower() for w in new_words], autojunk=False)
    inserted, deleted = [], []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op in ("insert", "replace"):
            inserted.append(new_words[b0:b1])
        if op in ("delete", "replace"):
            deleted.append(old_words[a0:a1])
    if inserted and not deleted:
        added = " ".join(word for run in inserted for word in run)
        if inserted[0][0].lower() == "or":
            return f"scope of defined term widened: adds {' '.join(added.split()[1:])}"
        return f"defined term changed: adds “{added}”"
    if deleted and not inserted:
        dropped = " ".join(word for run in deleted for word in run)
        if deleted[0][0].lower() == "or":
            return f"scope of defined term narrowed: drops {' '.join(dropped.split()[1:])}"
        return f"defined term changed: drops “{dropped}”"
    return f"defined term changed: “{old_term}” → “{new_term}”"


def _public_act(attributed_to: str) -> str:
    if public_acts.NUMBER.fullmatch(attributed_to.strip()):
        return public_acts.cite(attributed_to.strip())
    return attributed_to
