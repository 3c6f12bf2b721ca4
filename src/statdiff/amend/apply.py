"""Apply page-and-line amendments to the bill they name.

Illinois amendments cite the printing: `on page 3, line 2` is line 2 of page 3
of the bill as printed, however many instructions before it change the text. So
the bill is held as one slot per printed line, and every instruction edits the
slots it cites: no instruction renumbers another's lines. A slot holds its line's
runs of text (each run keeps where it was printed: the bill's page:line, or the
amendment's for new text); lines an instruction replaces are emptied and the new
lines hang off the first of them; lines inserted below a line hang below it.

Everything is checked before anything is built: an instruction whose quoted text
is not on the line it cites, a line past the page's end, two instructions that
change the same line, an amendment for another bill or another printing, each
raises `InstructionRefused` (a `StatdiffError`) with one line naming the
instruction and the page:line; the bill and the amendment are never modified.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from statdiff.amend.amended import AmendedBill, AmendedLine, Run, build
from statdiff.amend.instructions import (
    STRAIGHT_QUOTES,
    Amendment,
    Edit,
    LineRange,
    LineRef,
    NewLine,
    PrintedLine,
    amendment_place,
    identity_of,
    parse_amendment,
    printed_lines,
)
from statdiff.errors import StatdiffError
from statdiff.law import amendments, measures, units
from statdiff.model import Document, Identity, Node, Position, PrintedWord, ReadResult, ordinal

_HIDDEN = "\x00"  # stands for new text in the text a quoted passage is looked for in
_CLOSING = frozenset(',.;:)]"\'?!')
_MESSAGE_TEXT = 160
# How to apply an amendment knowingly to another printing than the one it cites (`check_printing=False`).
ANY_PRINTING = " (--any-printing applies it to this printing anyway)"


class InstructionRefused(StatdiffError):
    """An instruction cannot be applied to the bill given; nothing was applied."""


# ----------------------------------------------------------------- applying


@dataclass(slots=True)
class _Slot:
    line: PrintedLine
    runs: list[Run]
    replaced: list[AmendedLine] = field(default_factory=list)
    below: list[AmendedLine] = field(default_factory=list)


def apply_amendments(
    bill: Document | ReadResult,
    amendments: list[Amendment | Document | ReadResult],
    *,
    check_target: bool = True,
    check_printing: bool = True,
) -> AmendedBill:
    """The bill as amended by `amendments`, in order, each citing the same printing.

    `check_printing=False` skips the printing check only (to apply an amendment knowingly to
    another printing of its bill than the one it cites: its page and line numbers are then
    read against the text given); `check_target=False` skips the bill check too (a copy the
    text does not identify). Every instruction is still checked against the lines it cites.
    """
    parsed = [item if isinstance(item, Amendment) else parse_amendment(item) for item in amendments]
    bill_identity = identity_of(bill)
    label = bill_identity.bill or bill.name
    notes: list[str] = []
    for amendment in parsed:
        if amendment.problems:
            raise InstructionRefused(str(amendment.problems[0]))
        if check_target:
            notes.extend(_check_target(amendment, bill_identity, label, check_printing))
    engine = _Engine(bill, label)
    engine.check_conflicts([(amendment, edit) for amendment in parsed for edit in amendment.edits])
    for amendment in parsed:
        for edit in amendment.edits:
            engine.apply(edit, amendment.name)
    names = " + ".join(amendment.name for amendment in parsed)
    if parsed and all(amendment.identity.version in measures.RECOMMENDATIONS for amendment in parsed):
        # the Governor's specific recommendations (a motion to accept them included) amend nothing
        # until both chambers accept them
        version, name = _recommended_version(bill_identity.version), f"{bill.name} with the recommendations of {names}"
    else:
        version, name = _amended_version(bill_identity.version), f"{bill.name} as amended by {names}"
    identity = replace(bill_identity, version=version)
    return AmendedBill(name, identity, bill.rendering, engine.result(), tuple(parsed), tuple(notes), tuple(engine.changed))


def apply_amendment(bill: Document | ReadResult, amendment: Amendment | Document | ReadResult, *, check_target: bool = True,
                    check_printing: bool = True) -> AmendedBill:
    return apply_amendments(bill, [amendment], check_target=check_target, check_printing=check_printing)


def _amended_version(version: str | None) -> str:
    return f"{version} as amended" if version else "as amended"


def _recommended_version(version: str | None) -> str:
    return f"{version} with the Governor's recommendations" if version else "with the Governor's recommendations"


def same_measure(a: str | None, b: str | None) -> bool:
    """`HC0044` and `HJRCA0044` name one measure; `HB605` and `HB0605` too."""
    return a is not None and b is not None and measures.canonical(a) == measures.canonical(b)


def _check_target(amendment: Amendment, bill: Identity, label: str, check_printing: bool = True) -> list[str]:
    """Refuse an amendment for another bill or another printing (the printing only when
    `check_printing`); return what could not be checked."""
    target = amendment.target
    where = amendment_place(target.source.start)
    notes = []
    if bill.bill is None:
        notes.append(f"{amendment.name}: the bill text does not say which bill it is; not checked that it is {target.bill}")
    elif not same_measure(target.bill, bill.bill):
        raise InstructionRefused(f"{where}: the amendment is to {target.bill} ({target.wording}), not {label}")
    ga = amendment.identity.general_assembly
    if ga and bill.general_assembly and ga != bill.general_assembly:
        raise InstructionRefused(
            f"{where}: the amendment is to {target.bill} of the {ordinal(ga)} General Assembly, not of the {ordinal(bill.general_assembly)}"
        )
    printing = target.printing
    given = _printing_given(bill)
    if not check_printing:
        return notes
    if printing.amendment:
        if bill.amendment is None or bill.amendment.lower() != printing.amendment_code:
            raise InstructionRefused(f"{where}: the amendment cites {printing.describe()}; the text given is {given}{ANY_PRINTING}")
    elif bill.version == "amendment" or bill.amendment:
        raise InstructionRefused(f"{where}: the amendment cites the page and line numbers of {target.bill} {printing.describe()}; "
                                 f"the text given is {given}{ANY_PRINTING}")
    elif printing.version and bill.version and bill.version != printing.version:
        raise InstructionRefused(f"{where}: the amendment is to {target.bill} {printing.describe()}; the text given is {given}{ANY_PRINTING}")
    elif printing.version is None or bill.version is None:
        notes.append(f"{amendment.name}: cannot tell which printing of {target.bill} the amendment cites or the text is; not checked")
    return notes


def _printing_given(bill: Identity) -> str:
    if bill.amendment:
        return f"{bill.bill} {bill.amendment}"
    if bill.version == "amendment":
        return f"an amendment to {bill.bill} that prints no amendment number"
    return f"{bill.bill} {bill.version}" if bill.version else f"{bill.bill} (printing not printed)"


class _Engine:
    """The bill as one slot per printed line (in reading order), found by page:line through
    the bill's own page:line index (`Document.printed_lines`)."""

    def __init__(self, bill: Document | ReadResult, label: str):
        self.label = label
        document = bill if isinstance(bill, Document) else build(bill)
        lines = printed_lines(bill)  # a ReadResult's lines keep their indentation
        self.slots = [_Slot(line, _bill_runs(line, label)) for line in lines]
        self.printed = document.printed_lines
        # The slot each printed line starts, by the index's word that opens it (the tree holds
        # the lines' words once each, in order: the invariant of every reading).
        words = _printed_words(document.root)
        if len(words) != sum(len(line.words) for line in lines):
            raise StatdiffError(f"{label}: the bill's tree does not hold its printed words once each; cannot apply")
        self.starts: dict[PrintedWord, int] = {}
        offset = 0
        for number, line in enumerate(lines):
            self.starts.setdefault(words[offset], number)
            offset += len(line.words)
        self.changed: list[tuple[Edit, Position, Position]] = []
        self.pages: dict[int, list[int]] = {}
        for position in self.printed.positions():
            if position.page is not None and position.line is not None:
                self.pages.setdefault(position.page, []).append(position.line)

    # -- where

    def slot_of(self, edit: Edit, ref: LineRef) -> int:
        words = self.printed.words_at(ref.page, ref.line)
        if words:
            return self.starts[words[0]]
        where = amendment_place(edit.source.start)
        numbers = self.pages.get(ref.page)
        if numbers is None:
            last_page = max(self.pages) if self.pages else None
            ends = f"{self.label} ends at page {last_page}, line {self.pages[last_page][-1]}" if last_page else f"{self.label} has no numbered lines"
            raise InstructionRefused(f"{where}: there is no page {ref.page} in {self.label} ({ends})")
        if ref.line > numbers[-1]:
            why = f"page {ref.page} ends at line {numbers[-1]}"
        elif ref.line < numbers[0]:
            why = f"page {ref.page} starts at line {numbers[0]} in this copy"
        else:
            before = max(number for number in numbers if number < ref.line)
            after = min(number for number in numbers if number > ref.line)
            why = f"the copy skips from line {before} to line {after}"
        raise InstructionRefused(f"{where}: there is no {ref} in {self.label} ({why})")

    def span_of(self, edit: Edit, lines: LineRange) -> tuple[int, int]:
        first, last = self.slot_of(edit, lines.first), self.slot_of(edit, lines.last)
        if last < first:
            raise InstructionRefused(f"{amendment_place(edit.source.start)}: {lines.describe()} ends before it starts in {self.label}")
        return first, last

    def enacting_clause_end(self, edit: Edit) -> tuple[int, int]:
        """(slot, runs kept in it): where everything after the enacting clause starts."""
        text, owners = self.haystack(0, len(self.slots) - 1)
        match = units.ENACTING_CLAUSE.search(text)
        if match is None:
            raise InstructionRefused(f"{amendment_place(edit.source.start)}: there is no enacting clause (\"Be it enacted by the People of the State of Illinois, ...\") in {self.label}")
        slot, run, offset = _owner(owners, match.end() - 1)
        return slot, self.cut(slot, run, offset + 1)

    # -- conflicts, checked before anything changes

    def check_conflicts(self, edits: list[tuple[Amendment, Edit]]) -> None:
        claimed: list[tuple[int, int, Edit, bool]] = []  # (first slot, last slot, edit, whole lines)
        for _, edit in edits:
            if edit.op == amendments.REPLACE_ALL:
                slot, _ = self.enacting_clause_end(edit)
                first, last, whole = slot, len(self.slots) - 1, True
            elif edit.op == amendments.INSERT_BELOW:
                first = last = self.slot_of(edit, edit.cited.first)
                whole = False
            else:
                first, last = self.span_of(edit, edit.cited)
                whole = edit.op in (amendments.REPLACE_LINES, amendments.DELETE_LINES)
            for other_first, other_last, other, other_whole in claimed:
                if (whole or other_whole) and first <= other_last and other_first <= last:
                    if amendments.INSERT_BELOW in (edit.op, other.op) and _below_end(edit, other, first, last, other_first, other_last):
                        continue
                    raise InstructionRefused(
                        f"{amendment_place(edit.source.start)}: changes {_range_text(edit)} of {self.label}, "
                        f"which the instruction at {amendment_place(other.source.start)} also changes ({_range_text(other)})"
                    )
            claimed.append((first, last, edit, whole))
            self.changed.append((edit, self.slots[first].line.position, self.slots[last].line.position))

    # -- the edits

    def apply(self, edit: Edit, source: str) -> None:
        new_runs = _new_runs(edit.new, source)
        if edit.op == amendments.REPLACE_ALL:
            slot, keep = self.enacting_clause_end(edit)
            self.slots[slot].runs[keep:] = []
            for later in self.slots[slot + 1:]:
                later.runs.clear()
                later.replaced.clear()
                later.below.clear()
            self.slots[slot].below[:0] = _new_lines(edit.new, source)
        elif edit.op in (amendments.REPLACE_LINES, amendments.DELETE_LINES):
            first, last = self.span_of(edit, edit.cited)
            for cleared in self.slots[first: last + 1]:
                cleared.runs.clear()
            if edit.op == amendments.REPLACE_LINES:
                self.slots[first].replaced.extend(_new_lines(edit.new, source))
        elif edit.op == amendments.INSERT_BELOW:
            self.slots[self.slot_of(edit, edit.cited.first)].below.extend(_new_lines(edit.new, source))
        elif edit.anchor_mark is not None:
            self.insert_at_mark(edit, edit.anchor_mark, new_runs)
        else:
            self.edit_text(edit, new_runs)

    def edit_text(self, edit: Edit, new_runs: list[Run]) -> None:
        first, last = self.span_of(edit, edit.cited)
        needle = (edit.old if edit.op in (amendments.REPLACE_TEXT, amendments.DELETE_TEXT) else edit.anchor) or ""
        needle = needle.replace(_HIDDEN, "")
        if not needle.strip():
            raise InstructionRefused(f"{amendment_place(edit.source.start)}: the quoted text to find is empty")
        # the quoted text starts on a cited line and may run on into the next one
        reach = min(last + 1, len(self.slots) - 1)
        text, owners = self.haystack(first, reach)
        cited_end = self.cited_end(owners, last)
        pattern = _needle_pattern(needle)
        found = [match for match in pattern.finditer(text) if match.start() < cited_end]
        self.one_match(edit, found, needle, first, last)
        start, end = found[0].start(), found[0].end()
        end_slot, end_run, end_offset = _owner(owners, end - 1)
        start_slot, start_run, start_offset = _owner(owners, start)
        after = self.cut(end_slot, end_run, end_offset + 1)  # the later cut first: the earlier keeps its indices
        splits = 0 < start_offset < len(self.slots[start_slot].runs[start_run].text)
        before = self.cut(start_slot, start_run, start_offset)
        if start_slot == end_slot and splits:
            after += 1
        if edit.op == amendments.INSERT_AFTER:
            self.insert(end_slot, after, new_runs, glued_to_next=False)
        elif edit.op == amendments.INSERT_BEFORE:
            self.insert(start_slot, before, new_runs, glued_to_next=True)
        else:
            removed_first = self.slots[start_slot].runs[before]
            self.remove(start_slot, before, end_slot, after)
            if edit.op == amendments.REPLACE_TEXT and new_runs:
                new_runs[0] = replace(new_runs[0], space_before=removed_first.space_before)
                self.slots[start_slot].runs[before:before] = new_runs
                before += len(new_runs)
            if start_slot != end_slot:
                self.pull_glued(end_slot, start_slot, before)
            if edit.op == amendments.DELETE_TEXT or not new_runs:
                self.close_gap(start_slot, before, removed_first.space_before)

    def insert_at_mark(self, edit: Edit, anchor_mark: str, new_runs: list[Run]) -> None:
        first, last = self.span_of(edit, edit.cited)
        text, owners = self.haystack(first, last)
        mark = amendments.PUNCTUATION_MARKS[anchor_mark]
        found = list(_MARK_PATTERNS[mark].finditer(text))
        if not found:
            raise InstructionRefused(
                f"{amendment_place(edit.source.start)}: there is no {edit.anchor_mark} on {edit.cited.describe()} of {self.label} "
                f"({self.reads(first, last)})"
            )
        if len(found) > 1:
            raise InstructionRefused(
                f"{amendment_place(edit.source.start)}: {edit.cited.describe()} of {self.label} has {len(found)} {edit.anchor_mark}s "
                f"and the instruction does not say which ({self.reads(first, last)})"
            )
        slot, run, offset = _owner(owners, found[0].start())
        if edit.op == amendments.INSERT_AFTER:
            at = self.cut(slot, run, offset + 1)
            self.insert(slot, at, new_runs, glued_to_next=False)
        else:
            at = self.cut(slot, run, offset)
            self.insert(slot, at, new_runs, glued_to_next=True)

    # -- runs

    def haystack(self, first: int, last: int) -> tuple[str, list[tuple[int, int, int] | None]]:
        """The text of slots `first`..`last`: runs spaced as printed, lines joined by a line
        break, new text hidden; and for each character the (slot, run, offset) it comes from."""
        chars: list[str] = []
        owners: list[tuple[int, int, int] | None] = []
        for slot_index in range(first, last + 1):
            if slot_index > first:
                chars.append("\n")
                owners.append(None)
            for run_index, run in enumerate(self.slots[slot_index].runs):
                if run_index and run.space_before:
                    chars.append(" ")
                    owners.append(None)
                text = _HIDDEN * len(run.text) if run.inserted else run.text.translate(STRAIGHT_QUOTES)
                chars.extend(text)
                owners.extend((slot_index, run_index, offset) for offset in range(len(run.text)))
        return "".join(chars), owners

    def cited_end(self, owners: list[tuple[int, int, int] | None], last: int) -> int:
        for offset, owner in enumerate(owners):
            if owner is not None and owner[0] > last:
                return offset
        return len(owners) + 1

    def cut(self, slot: int, run: int, offset: int) -> int:
        """Make a run boundary at `offset` characters into run `run` of `slot`; return the
        index of the run that starts there."""
        runs = self.slots[slot].runs
        current = runs[run]
        if offset <= 0:
            return run
        if offset >= len(current.text):
            return run + 1
        runs[run: run + 1] = [
            replace(current, text=current.text[:offset]),
            replace(current, text=current.text[offset:], space_before=False),
        ]
        return run + 1

    def insert(self, slot: int, at: int, new_runs: list[Run], glued_to_next: bool) -> None:
        runs = self.slots[slot].runs
        if not new_runs:
            return
        starts_word = new_runs[0].text[:1] not in _CLOSING
        if glued_to_next and at < len(runs):
            space = runs[at].space_before or starts_word
        else:
            space = starts_word
        new_runs[0] = replace(new_runs[0], space_before=space)
        runs[at:at] = new_runs

    def remove(self, start_slot: int, start: int, end_slot: int, end: int) -> None:
        if start_slot == end_slot:
            del self.slots[start_slot].runs[start:end]
            return
        del self.slots[start_slot].runs[start:]
        for slot in self.slots[start_slot + 1: end_slot]:
            slot.runs.clear()
        del self.slots[end_slot].runs[:end]

    def pull_glued(self, from_slot: int, to_slot: int, at: int) -> None:
        """Text that ran on into the next line was changed: the rest of the word it broke
        (`non-` / `refundable;` with `nonrefundable` replaced) joins the changed text."""
        source = self.slots[from_slot].runs
        count = 0
        while count < len(source) and not source[count].space_before:
            count += 1
        if count:
            self.slots[to_slot].runs[at:at] = source[:count]
            del source[:count]
            if source:
                source[0] = replace(source[0], space_before=True)

    def close_gap(self, slot: int, at: int, removed_space: bool) -> None:
        runs = self.slots[slot].runs
        if at < len(runs):
            following = runs[at]
            glued_punctuation = not following.space_before and following.text[:1] in _CLOSING
            if not glued_punctuation:
                runs[at] = replace(following, space_before=removed_space or following.space_before)

    # -- messages

    def one_match(self, edit: Edit, found: list, needle: str, first: int, last: int) -> None:
        place = f"{edit.cited.describe()} of {self.label}"
        if not found:
            raise InstructionRefused(f'{amendment_place(edit.source.start)}: "{needle}" is not on {place} ({self.reads(first, last)})')
        if len(found) > 1:
            raise InstructionRefused(
                f'{amendment_place(edit.source.start)}: "{needle}" is printed {len(found)} times on {place} and the instruction does not say which'
            )

    def reads(self, first: int, last: int) -> str:
        positions = dict.fromkeys(self.slots[index].line.position for index in range(first, last + 1))
        texts = " ".join(self.printed.text_at(position.page, position.line) for position in positions if position.line is not None)
        verb = "it reads" if first == last else "they read"
        if len(texts) > _MESSAGE_TEXT:
            texts = texts[: _MESSAGE_TEXT - 3] + "..."
        return f'{verb}: "{texts}"'

    def result(self) -> tuple[AmendedLine, ...]:
        out: list[AmendedLine] = []
        for slot in self.slots:
            if slot.runs:
                out.append(AmendedLine(tuple(slot.runs), slot.line.position, False, self.label, slot.line.indented, slot.line.position))
            out.extend(replace(line, bill_line=slot.line.position) for line in slot.replaced + slot.below)
        return tuple(out)


_MARK_PATTERNS = {
    ".": re.compile(r"(?<![A-Z.\x00])\.(?![0-9A-Za-z\x00])"),
    ",": re.compile(r"(?<!\x00),(?!\d)"),
    ";": re.compile(r"(?<!\x00);"),
    ":": re.compile(r"(?<!\x00):(?!\d)"),
    "?": re.compile(r"(?<!\x00)\?"),
}


def _printed_words(root: Node) -> list[PrintedWord]:
    """Every word of the tree, in reading order, as the page:line index names it."""
    return [PrintedWord(node, index) for node in root.walk() for index in range(len(node.words))]


def _owner(owners: list[tuple[int, int, int] | None], index: int) -> tuple[int, int, int]:
    """The (slot, run, offset) of a character of a haystack that belongs to a run (a match
    of printed text starts and ends on one, never on the space or line break between runs)."""
    owner = owners[index]
    if owner is None:
        raise ValueError(f"character {index} of the haystack lies between runs")
    return owner


def _needle_pattern(needle: str) -> re.Pattern[str]:
    """The quoted text as it may be printed: a space may be a line break; a word may be
    broken across two lines, with or without a hyphen; it starts and ends at word edges."""
    needle = needle.translate(STRAIGHT_QUOTES)
    parts = []
    for index, char in enumerate(needle):
        if char == " ":
            parts.append(r"[ \n]")
            continue
        if index and needle[index - 1] != " ":
            parts.append(r"(?:-?\n)?")
        parts.append(re.escape(char))
    head = r"(?<![0-9A-Za-z])" if needle[:1].isalnum() else ""
    tail = r"(?![0-9A-Za-z])" if needle[-1:].isalnum() else ""
    return re.compile(head + "".join(parts) + tail)


def _bill_runs(line: PrintedLine, label: str) -> list[Run]:
    return [Run(word.text, word.position, False, label, True) for word in line.words]


def _new_runs(new: tuple[NewLine, ...], source: str) -> list[Run]:
    return [Run(text, line.position, True, source, True) for line in new for text in line.text.split()]


def _new_lines(new: tuple[NewLine, ...], source: str) -> list[AmendedLine]:
    return [
        AmendedLine(tuple(Run(text, line.position, True, source, True) for text in line.text.split()), line.position, True, source, line.indented)
        for line in new
    ]


def _range_text(edit: Edit) -> str:
    return edit.lines.describe() if edit.lines else "everything after the enacting clause"


def _below_end(edit: Edit, other: Edit, first: int, last: int, other_first: int, other_last: int) -> bool:
    """New lines below the last line of a replaced range do not collide with it."""
    below, span = (first, (other_first, other_last)) if edit.op == amendments.INSERT_BELOW else (other_first, (first, last))
    return below == span[1]
