"""What a page-and-line amendment does to its bill, as a comparison sees it.

`statdiff diff BILL AMENDMENT` (and `redline`, and each step of `statdiff history`) applies an
amendment that is a page-and-line amendment to BILL and compares the bill with the bill as
amended. Both texts then carry the bill's page:line (new text at the bill line it goes into:
`AmendedBill.to_document("bill")`), so every change stands at the line the instruction
names, and `credit_instructions` credits each change to the instruction that made it
(`attributed_to`: `HB0605 ham001, page 3, line 2`).

When is a text a page-and-line amendment to BILL? When its identity says it is an
amendment (`AMENDMENT TO HOUSE BILL 605`, or `ham001` in an ILGA file name), its preamble
reads (`Amend House Bill 605 ...`), it does more than replace everything after the
enacting clause (that is a new text of the bill, compared bill to bill), and BILL is a
printing of a bill (not an amendment itself, unless the amendment cites an amendment's
page and line numbers). Whether it is BILL's amendment is `apply`'s to check: an amendment
to another bill or printing is refused there, in one line.
"""

from __future__ import annotations

from dataclasses import dataclass

from statdiff.amend.amended import AmendedBill
from statdiff.amend.instructions import STRAIGHT_QUOTES, Amendment, Edit, identity_of, parse_amendment
from statdiff.errors import StatdiffError
from statdiff.law import measures
from statdiff.model import Change, Comparison, Document, Op, Position, ReadResult, SourceSpan
from statdiff.model.tree import file_name
from statdiff.read.identity import is_amendment


def page_and_line_amendment(document: Document | ReadResult) -> Amendment | None:
    """The amendment's instructions when `document` is an amendment that edits its bill by
    page and line (None for any other text, and for an amendment that only replaces
    everything after the enacting clause: that one is compared bill to bill)."""
    if not is_amendment(document):
        return None
    try:
        amendment = parse_amendment(document)
    except StatdiffError:  # no `Amend House Bill ...` preamble: an amendment's page of another kind
        return None
    return None if amendment.whole_replacement else amendment


def amends(bill: Document | ReadResult, amendment: Amendment) -> bool:
    """`bill` is a text the amendment can be applied to: a printing of a bill (an amendment
    itself only when the amendment cites an amendment's page and line numbers)."""
    identity = identity_of(bill)
    if identity.bill is None:
        return False
    return not is_amendment(bill) or amendment.target.printing.amendment is not None


def amendment_label(amendment: Amendment) -> str:
    """`HB0605 ham001`, `HB1633 amendatory veto`, `SB1523 motion to accept the Governor's
    recommendations`; an amendment that prints no number is named by its file."""
    code = amendment.identity.amendment
    if code:
        return f"{amendment.target.bill} {code}"
    if amendment.identity.version in measures.RECOMMENDATIONS:
        return f"{amendment.target.bill} {amendment.identity.version}"  # the Governor's recommendations
    return file_name(amendment.name) or amendment.target.bill


def instruction_credit(amendment: Amendment, edit: Edit) -> str:
    """`HB0605 ham001, page 3, line 2`: the instruction, by the bill lines it cites."""
    cited = edit.lines.describe() if edit.lines is not None else "everything after the enacting clause"
    return f"{amendment_label(amendment)}, {cited}"


@dataclass(frozen=True, slots=True)
class Credit:
    """The instructions a change of the amended bill comes from."""

    change: Change
    instructions: tuple[tuple[Amendment, Edit], ...]

    @property
    def text(self) -> str:
        return "; ".join(instruction_credit(amendment, edit) for amendment, edit in self.instructions)


def credits(comparison: Comparison, amended: AmendedBill, only: Amendment | None = None) -> list[Credit]:
    """Each change of `comparison` (the bill against the bill as amended, both at the bill's
    page:line) with the instructions that change the bill lines it stands on (`only` that
    amendment's, when the bill compared was already amended by the others)."""
    owners = {id(edit): amendment for amendment in amended.amendments for edit in amendment.edits
              if only is None or amendment is only}
    found = []
    for change in comparison.changes:
        first, last = bill_lines(change)
        edits = amended.instructions_for(first, last) if first is not None and last is not None else []
        edits = [edit for edit in edits if id(edit) in owners]
        # Two instructions on one line: the one whose quoted text holds the change's words.
        explaining = [edit for edit in edits if _explains(edit, change)]
        found.append(Credit(change, tuple((owners[id(edit)], edit) for edit in explaining or edits)))
    return found


def _explains(edit: Edit, change: Change) -> bool:
    """The instruction's new text holds the words the change puts in, and its quoted old text
    (where it quotes one) the words the change takes out."""
    new = _squeezed(change.new_text)
    old = _squeezed(change.old_text)
    puts_in = not new or new in _squeezed(edit.new_text)
    takes_out = not old or edit.old is None or old in _squeezed(edit.old)
    return puts_in and takes_out


def _squeezed(text: str) -> str:
    """Text without its spaces and with straight quotes: the comparison's tokens and the
    instruction's quoted text space punctuation differently."""
    return "".join(text.translate(STRAIGHT_QUOTES).split())


def credit_instructions(comparison: Comparison, amended: AmendedBill, only: Amendment | None = None) -> list[str]:
    """Credit every change to its instructions (`attributed_to`; `only` that amendment's); return
    a warning for each change no instruction explains (the comparison and the instructions disagree)."""
    warnings = []
    for credit in credits(comparison, amended, only):
        if credit.instructions:
            credit.change.attributed_to = credit.text
        else:
            credit.change.attributed_to = None
            warnings.append(f"change {credit.change.anchor} ({credit.change.op} at {_where(credit.change)}) "
                            "is on no line an instruction of the amendment changes")
    return warnings


def bill_lines(change: Change) -> tuple[Position | None, Position | None]:
    """The first and last bill line a change stands on: NEW's for text put in, OLD's for text
    taken out, both for a replacement or a structural change (unknown ends left out)."""
    if change.op in (Op.INSERT, Op.ADD):
        spans = [change.new_source]
    elif change.op in (Op.DELETE, Op.REMOVE):
        spans = [change.old_source]
    else:
        spans = [change.old_source, change.new_source]
    ends = [end for span in spans if span is not None for end in (span.start, span.end)
            if end.page is not None and end.line is not None]
    if not ends:
        return None, None
    return min(ends), max(ends)


def _where(change: Change) -> str:
    first, last = bill_lines(change)
    if first is None or last is None:
        return "no known line"
    return str(SourceSpan(first, last))
