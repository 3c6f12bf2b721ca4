"""Two texts that are not versions of one text.

statdiff compares whatever two texts it is given, and a redline of two unrelated texts still
has changes: Sections that read alike (`Short title.`, `Definitions.`) pair by content and
show as renumbered or edited provisions, and an Act a bill does not amend shows as "not
restated", every Section of it unchanged. Where the texts themselves say that they are not
versions of one text, or share no section at all, one warning says so (the principle: a
warning, not a guess). The comparison itself is left as it is: a reader may mean to compare
two Acts. The evidence, tried in this order, the first that holds giving the warning:

0. two different bills, one amending an Act and the other not yet law (`modes.rival_bills`:
   compared as texts, which `modes.rival_bills_note` says);
1. two different Acts: neither text is a bill; each prints one or more Acts (an ILCS page's
   identity, the citation lines of its codified Sections: `(815 ILCS 530/10)`), and no Act
   is printed by both;
2. a bill and an Act it does not amend (amendment mode): the Acts the bill's amendatory
   instructions name (`(815 ILCS 530/)`) and the Acts of the Sections it restates have none
   in common with the Acts the other text prints;
3. two texts that share no section (versions mode): every section of one is reported
   removed and every section of the other added (unless one is an amendment, which shares no
   section with what it amends and is said to be compared as a text already).

An Act is known here only by its ILCS citation: a text that cites none (a contract, a bill
whose instructions name an Act without citing it) gives no evidence of the first two kinds.
"""

from __future__ import annotations

from statdiff.compare.modes import bill_sections, normal_citation, rival_bills_note
from statdiff.model import Comparison, Document, Mode, Node, Status, listed

# Statuses of a section that only one text holds: a comparison made only of these shares none.
_ONE_SIDE = frozenset({Status.ADDED, Status.REMOVED})


def kinship_note(comparison: Comparison) -> str | None:
    """The warning for two texts that are not versions of one text; None otherwise."""
    rivals = rival_bills_note(comparison)
    if rivals is not None:
        return rivals
    old, new = comparison.old, comparison.new
    old_side, new_side = _side_nodes(comparison, "old"), _side_nodes(comparison, "new")
    if comparison.mode == Mode.AMENDMENT:
        return _unamended_act(comparison, old_side, new_side)
    if not _is_bill(old) and not _is_bill(new):
        old_acts, new_acts = _printed_acts(old, old_side), _printed_acts(new, new_side)
        if old_acts and new_acts and not old_acts & new_acts:
            return (f"{_name(old)} prints {listed(sorted(old_acts))} and {_name(new)} prints {listed(sorted(new_acts))}: "
                    "two different Acts, not versions of one; Sections that pair read alike but are "
                    "different provisions")
    if _shares_no_section(comparison) and not _an_amendment_among(old, new):
        return (f"{_name(old)} and {_name(new)} share no section: every section of one is reported removed "
                "and every section of the other added; if they are not versions of one text, this "
                "redline shows nothing but that")
    return None


def _unamended_act(comparison: Comparison, old_side: list[Node], new_side: list[Node]) -> str | None:
    """Amendment mode: the warning when the bill amends none of the Acts the other text prints."""
    bill_is_new = _is_bill(comparison.new) and not _is_bill(comparison.old)
    bill, law = (comparison.new, comparison.old) if bill_is_new else (comparison.old, comparison.new)
    bill_side, law_side = (new_side, old_side) if bill_is_new else (old_side, new_side)
    amended = _instructed_acts(bill) | _acts_of(bill_side)  # (`amended_acts`, of the compared Sections only)
    printed = _printed_acts(law, law_side)
    if not amended or not printed or amended & printed:
        return None
    return (f"{_name(bill)} amends {listed(sorted(amended))}, not {listed(sorted(printed))} that {_name(law)} prints: "
            "it restates none of that Act's Sections, which are shown as not restated only because "
            "the bill leaves them alone")


def _shares_no_section(comparison: Comparison) -> bool:
    """Versions mode, sections on both sides, and none held by both texts."""
    statuses = {section.status for section in comparison.sections}
    return (comparison.mode == Mode.VERSIONS and statuses == _ONE_SIDE)


def _an_amendment_among(*documents: Document) -> bool:
    """An amendment compared as a text shares no section with the bill or Act it is set
    against, and is already said to be compared as a text (`pipeline.diff_files`)."""
    from statdiff.read.identity import is_amendment

    return any(is_amendment(document) for document in documents)


def _side_nodes(comparison: Comparison, side: str) -> list[Node]:
    """The compared sections' nodes of one text."""
    nodes = (section.old if side == "old" else section.new for section in comparison.sections)
    return [node for node in nodes if node is not None]


def printed_acts(document: Document) -> set[str]:
    """The ILCS citations of the Acts a whole text prints (`_printed_acts` of all its Sections)."""
    return _printed_acts(document, [node for node in document.root.walk() if node.kind == "section"])


def amended_acts(bill: Document) -> set[str]:
    """The Acts a bill amends: those its instructions cite, and those of the Sections it restates."""
    return _instructed_acts(bill) | _acts_of([node for node in bill.root.walk() if node.kind == "section"])


def _printed_acts(document: Document, sections: list[Node]) -> set[str]:
    """The ILCS citations of the Acts a text prints: its identity's, its codified Sections'."""
    acts = _acts_of(sections)
    if document.identity.act:
        acts.add(normal_citation(document.identity.act))
    return acts


def _acts_of(sections: list[Node]) -> set[str]:
    """The Acts cited by the citation lines of codified Sections among `sections`."""
    return {normal_citation(node.meta.act) for node in sections if node.meta.codified and node.meta.act}


def _instructed_acts(bill: Document) -> set[str]:
    """The Acts a bill's amendatory instructions cite (`(815 ILCS 530/)`)."""
    return {
        normal_citation(node.meta.amends.citation) for node in bill_sections(bill)
        if node.meta.amends is not None and node.meta.amends.citation
    }


def _is_bill(document: Document) -> bool:
    return bool(document.identity.bill) or any(True for _ in bill_sections(document))


def _name(document: Document) -> str:
    from statdiff.errors import display_name

    return display_name(document.name)
