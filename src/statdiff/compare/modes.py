"""Modes: how two texts are compared.

Mode "amendment": one side is an amendatory bill (a bill section with `meta.amends`
restating codified Sections) and the other is not. Only the restated Sections are
compared; Sections it does not restate are `not_restated`; the bill's title, enacting
clause and amendatory instructions are not changes. Otherwise mode "versions": every
section of both texts is compared.

Two texts are versions whatever either amends (`as_versions`) when they are two printings
of one bill (`one_bill`), or two different bills neither of which is law (`rival_bills`:
a bill that would create an Act against another bill that amends it). The second is said
in one warning (`rival_bills_note`): the Sections one bill does not print are then removed
or added as text, not unchanged law.
"""

from __future__ import annotations

from typing import Iterator

from statdiff.compare.units import Unit, collect_units
from statdiff.errors import display_name
from statdiff.law import measures
from statdiff.law.compiling import when_used
from statdiff.model import PLAIN, Comparison, Document, Identity, Mode, Node, Side
from statdiff.model.text import ordinal
from statdiff.read.identity import identity_of, is_conference_report


def is_amendatory(units: list[Unit]) -> bool:
    return any(unit.amendatory for unit in units)


def mode_of(old_units: list[Unit], new_units: list[Unit], versions: bool = False) -> Mode:
    """Amendment mode when one text amends and the other holds the Sections it amends: a
    bill cut inside its amendatory instruction, before any restated Section, is no Act but
    a copy of a bill (versions mode, where a truncated copy is found)."""
    return Mode.AMENDMENT if bill_side(old_units, new_units, versions) is not None else Mode.VERSIONS


def bill_side(old_units: list[Unit], new_units: list[Unit], versions: bool = False) -> Side | None:
    """Which text is the amendatory bill (amendment mode), None in versions mode. Texts that
    are versions whatever either amends (`versions`: `as_versions`, two printings of one bill
    among them) have none."""
    if versions:
        return None
    old_amends, new_amends = is_amendatory(old_units), is_amendatory(new_units)
    if old_amends == new_amends:
        return None
    law = old_units if new_amends else new_units
    if not any(unit.node.kind == "section" for unit in law):
        return None
    return "new" if new_amends else "old"


def restated_or_codified(units: list[Unit], amendatory: bool) -> list[Unit]:
    """In amendment mode: the bill's restated Sections; the Act's own Sections."""
    if amendatory:
        return [unit for unit in units if unit.amendatory]
    sections = [unit for unit in units if unit.node.kind == "section"]
    return sections or [unit for unit in units if unit.node.kind != "document"]


def lead_unit(units: list[Unit], amendatory: bool) -> Unit | None:
    """The words of an Act's copy before its first Section (amendment mode compares Sections
    only): the tail of a Section, when the copy begins mid-way through one."""
    if amendatory or not units or units[0].node.kind != "document":
        return None
    return units[0] if any(unit.node.kind == "section" for unit in units) else None


# The LRB file a document number names, shared by a bill and every amendment to it: the office,
# the General Assembly and the file number (`LRB103 40301` of `LRB103 40301 RTM 72380 b`, `LRB92 15491`
# of `LRB9215491JSpcA`).
_LRB_FILE = when_used(r"([A-Z]{3})\s?(\d{3})\s(\d{5})\s|(LRB)(\d{2})(\d{5})")


def one_bill(old: Document, new: Document) -> bool:
    """Two printings of one bill: the same bill of the same General Assembly, or the same LRB
    file. They are versions of it whatever either amends: a bill that creates an Act and, in a
    later version, also amends another Act (`Section 90. The Freedom of Information Act is
    amended ...`) does not amend its earlier version, whose own Sections (changed or not) would
    be hidden as not restated."""
    a, b = old.identity, new.identity
    if a.bill and a.bill == b.bill and a.general_assembly and a.general_assembly == b.general_assembly:
        return True
    file = _lrb_file(a.lrb)
    return file is not None and file == _lrb_file(b.lrb)


def as_versions(old: Document, new: Document) -> bool:
    """Compared as versions whatever either amends: two printings of one bill, two rival bills,
    or the Act a bill creates against the bill (`creates_the_act`)."""
    return one_bill(old, new) or rival_bills(old, new) is not None or creates_the_act(old, new)


def creates_the_act(old: Document, new: Document) -> bool:
    """One text is a bill (or its Public Act) that creates an Act, printing the Act's own
    Sections (`Section 1. Short title.`: no citation line, not restated under an amendatory
    instruction), and also amends other Acts (`Section 900. The Consumer Fraud and Deceptive
    Business Practices Act is amended ...`, the usual form of a bill that creates an Act); the
    other is a compiled text that prints none of the Acts the bill amends: the Act the bill
    creates (an ILCS page: its identity's version `compiled`). Compared as an amendment, the Act's Sections would all be "not restated" and their
    differences hidden; they are compared as versions, Section by Section (the codifier's
    printing set aside: `codification`)."""
    compiled = [document.identity.version == "compiled" for document in (old, new)]
    if compiled[0] == compiled[1]:  # (the cheap test first: most pairs end here, no tree walked)
        return False
    law, bill = (old, new) if compiled[0] else (new, old)
    if not _amends(bill):
        return False
    if not any(unit.node.kind == "section" and not unit.amendatory and not unit.node.meta.codified
               for unit in collect_units(bill)):
        return False
    from statdiff.compare.kinship import amended_acts, printed_acts

    printed = printed_acts(law)
    return bool(printed) and not printed & amended_acts(bill)


# The versions of a bill that are the law as passed: its Act as it stands, which another bill
# may amend (a bill as introduced, engrossed or amended is a proposal, not law).
PASSED_VERSIONS = frozenset({"enrolled", "re-enrolled", "public act"})


def rival_bills(old: Document, new: Document) -> tuple[Identity, Identity] | None:
    """(the amending bill's identity, the other bill's) when the two texts are different bills
    (another bill number, or the same number in another General Assembly), one amends an Act
    and the other does not amend but is itself a bill not yet law (introduced, engrossed:
    not enrolled, not a Public Act). That other bill's Sections (`Section 1. Short title.`)
    are a proposal, not the Act in force: a Section the amending bill does not restate is not
    "unchanged" law, and the two are compared as texts. None otherwise: the same bill, an
    identity either text does not tell, an Act's text (an ILCS page, a Public Act) or an
    enrolled bill against a bill amending it (amendment mode)."""
    a, b = identity_of(old), identity_of(new)  # (first: cheap, and most pairs end here)
    if not a.bill or not b.bill:
        return None
    same_assembly = a.general_assembly is None or b.general_assembly is None or a.general_assembly == b.general_assembly
    if (a.bill == b.bill and same_assembly) or one_bill(old, new):
        return None
    old_amends, new_amends = _amends(old), _amends(new)
    if old_amends == new_amends:
        return None
    if not _has_sections(old if new_amends else new):
        return None  # no Section the amendment mode would hold unchanged: versions mode as it is
    bill, other = (b, a) if new_amends else (a, b)
    if other.public_act or other.version in PASSED_VERSIONS:
        return None
    return bill, other


def _amends(document: Document) -> bool:
    """A bill section of the document amends an Act (`meta.amends`, what makes a unit amendatory)."""
    return any(node.meta.amends is not None for node in bill_sections(document))


def bill_sections(document: Document) -> Iterator[Node]:
    """A bill's sections, where the builder opens them: the document's children, or its bill
    Articles' (`ARTICLE 5. AMENDATORY PROVISIONS`); no other node holds one."""
    for node in document.root.children:
        if node.kind == "bill_section":
            yield node
        elif node.kind == "article":
            yield from (child for child in node.children if child.kind == "bill_section")


def normal_citation(citation: str) -> str:
    """An Act's citation with its spaces made single (`815  ILCS 530` -> `815 ILCS 530`)."""
    return " ".join(citation.split())


def _has_sections(document: Document) -> bool:
    """The document holds an Act's Section (what `bill_side` asks of the text a bill amends)."""
    return any(node.kind == "section" for node in document.root.walk())


def rival_bills_note(comparison: Comparison) -> str | None:
    """The warning for two rival bills compared as texts (`rival_bills`); None otherwise."""
    if comparison.mode != Mode.VERSIONS:
        return None
    rivals = rival_bills(comparison.old, comparison.new)
    if rivals is None:
        return None
    amending, other = rivals
    printing = " ".join(part for part in (other.bill, other.amendment or other.version) if part)
    return (f"{_named(amending)} and {_named(other)} are different bills: compared as two texts, Section by "
            f"Section ({amending.bill} amends an Act; {printing} is not the law in force: a Section "
            f"{amending.bill} does not restate is reported removed or added, not unchanged)")


def conference_report_notes(comparison: Comparison) -> list[str]:
    """The warning for each text that is a conference committee report: statdiff reads its
    identity but applies none of what it recommends (concur in or recede from amendments,
    amend the bill by page and line, renumber or insert Sections, replace everything after
    the enacting clause) to any printing of the bill: the report is compared as printed."""
    notes = []
    for document in (comparison.old, comparison.new):
        if is_conference_report(document):
            identity = identity_of(document)
            number = measures.conference_number(identity.amendment)
            notes.append(f"{display_name(document.name)}: conference committee report {number} on {_named(identity)}: "
                         "its recommendations and instructions to the bill are not applied; the report is "
                         "compared as printed")
    return notes


def _named(identity: Identity) -> str:
    """`SB1798 (94th GA)`."""
    assembly = f" ({ordinal(identity.general_assembly)} GA)" if identity.general_assembly else ""
    return f"{identity.bill}{assembly}"


def _lrb_file(lrb: str | None) -> tuple[str, ...] | None:
    match = _LRB_FILE.match(lrb) if lrb else None
    return tuple(group for group in match.groups() if group) if match else None


def is_bill(document: Document, units: list[Unit]) -> bool:
    return bool(document.identity.bill) or any(unit.node.kind == "bill_section" for unit in units)


def instructed_sections(bill: Document) -> set[tuple[str, str]]:
    """(Act citation, Section number) of each Section the bill says it amends by changing."""
    named: set[tuple[str, str]] = set()
    for node in bill_sections(bill):
        amends = node.meta.amends
        if amends is not None and amends.citation:
            act = normal_citation(amends.citation)
            named |= {(act, number) for number in amends.changing}
    return named


def section_key(unit: Unit) -> tuple[str, str]:
    """(Act citation, Section number) of a unit, as `instructed_sections` names them."""
    return normal_citation(unit.node.meta.act or ""), str(unit.node.meta.number)


def recovers_struck(mode: Mode, bill_side: Side | None, new: Document) -> bool:
    """Whether struck text is to be recovered (`struck`, loaded only then): NEW is the
    amendatory side of an amendment-mode comparison and a plain printing (no word of it
    carries an underline or strike mark)."""
    if mode != Mode.AMENDMENT or bill_side != "new":
        return False
    return all(word.mark == PLAIN for word in new.root.all_words())
