"""The views of `statdiff parse AMENDMENT` and `statdiff apply`: what their outputs show of
an amendment's instructions and of a bill as amended (`statdiff.amend`'s `Amendment` and
`AmendedBill`), worded here so that a renderer reads the view and nothing earlier."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from statdiff.model import Document

if TYPE_CHECKING:
    from statdiff.amend import AmendedBill, Amendment


@dataclass(frozen=True, slots=True)
class InstructionLine:
    """One instruction as listed: where the amendment prints it and what it does."""

    number: int
    where: str  # `amendment line 23`
    action: str  # `page 3, line 2: replace "unreasonable delay" with "undue delay"`
    page_inferred: bool = False  # `on line 13`: its page is the instruction before's


@dataclass(frozen=True, slots=True)
class AmendmentView:
    """An amendment as `statdiff parse` shows it: its tree, what it amends and how, each
    instruction, what could not be read, and the JSON contract of its edits."""

    document: Document
    heading: str  # `Amends HB0605 (as printed): amends by page and line; 14 instructions`
    instructions: list[InstructionLine]
    problems: list[str]
    contract: dict[str, Any] = field(default_factory=dict)  # `Amendment.to_json()`


def amendment_view(document: Document, amendment: Amendment) -> AmendmentView:
    kind = "replaces everything after the enacting clause" if amendment.whole_replacement else "amends by page and line"
    count = len(amendment.edits)
    heading = f"Amends {amendment.target.describe()}: {kind}; {count} instruction{'' if count == 1 else 's'}"
    lines = [InstructionLine(number, edit.where(), edit.describe(), edit.page_inferred)
             for number, edit in enumerate(amendment.edits, start=1)]
    return AmendmentView(document, heading, lines, [str(problem) for problem in amendment.problems], amendment.to_json())


@dataclass(frozen=True, slots=True)
class AmendedView:
    """A bill as amended, as `statdiff apply` prints it: its text, its lines with where each was
    printed, the JSON contract, and how many instructions were applied."""

    text: str
    provenance: list[str]
    instructions: int
    contract: dict[str, Any] = field(default_factory=dict)  # `AmendedBill.to_json()`


def amended_view(amended: AmendedBill) -> AmendedView:
    return AmendedView(amended.text(), amended.provenance_lines(),
                       sum(len(amendment.edits) for amendment in amended.amendments), amended.to_json())
