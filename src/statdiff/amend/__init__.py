"""Page-and-line amendments: read their instructions, apply them to the bill they
name, and order a bill's or a law's versions.

- `parse_amendment(amendment)` -> `Amendment` (target bill and printing, `Edit`s, `Problem`s)
- `apply_amendments(bill, [amendment, ...])` -> `AmendedBill` (lines and runs with provenance;
  `.text()`, `.provenance_lines()`, `.to_read_result()`, `.to_document()`)
- `order_versions(documents)` -> the documents in the order the versions were made
- `credit.py`: whether a text is a page-and-line amendment to a bill (`statdiff diff BILL
  AMENDMENT`), and each change of the comparison credited to its instruction
- `timeline.py`: a history (`statdiff history`): each version's text, each compared with the
  one before, every change of the whole history credited to the version that made it

The Illinois wording they read (bill names, the preamble, page and line references, the
instruction forms) is the grammar's: `statdiff.law.measures` and `statdiff.law.amendments`.
"""

from statdiff.amend.amended import AmendedBill, AmendedLine
from statdiff.amend.apply import InstructionRefused, apply_amendment, apply_amendments
from statdiff.amend.history import identity_of, latest_public_act, order_versions
from statdiff.amend.instructions import Amendment, Edit, LineRange, LineRef, NewLine, Printing, Problem, Target, parse_amendment

__all__ = [
    "AmendedBill",
    "AmendedLine",
    "Amendment",
    "Edit",
    "InstructionRefused",
    "LineRange",
    "LineRef",
    "NewLine",
    "Printing",
    "Problem",
    "Target",
    "apply_amendment",
    "apply_amendments",
    "identity_of",
    "latest_public_act",
    "order_versions",
    "parse_amendment",
]
