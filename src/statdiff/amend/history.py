"""The order of a bill's or a law's versions, for `statdiff history`.

A bill moves: introduced -> amendments in its own chamber (committee, then floor:
they are numbered in the order they are filed) -> engrossed (passed that chamber)
-> amendments in the second chamber -> conference committee reports, where the chambers
disagree on them (first, second: `ccr001`, `ccr002`) -> enrolled (passed both) -> the Governor's
amendatory veto (his specific recommendations for change) -> motions to accept them (each chamber's)
-> re-enrolled (after an amendatory veto both chambers accepted) -> Public Act. A
law moves by Public Acts, in the order of their numbers; an ILCS text stands just
after the latest Public Act its Source notes name. Versions of different General
Assemblies go by General Assembly; within one, a bill that is not (yet) a given
Public Act comes after the Public Acts of that Assembly (it amends the law they made).

`order_versions(documents)` sorts `Document`s by that rule and refuses, with one
line, a version it cannot place (no General Assembly where one is needed, an ILCS
text with no Source note, an amendment whose chamber cannot be told, two different
bills that no Public Act ties together). Identity comes from the document; what
the text does not say is taken from an ILGA document name in the file name
(`09400HB1633eng`, `10200SB0731sam002`), as ilga.gov names its files.
"""

from __future__ import annotations

from statdiff.amend.apply import same_measure
from statdiff.amend.instructions import identity_of
from statdiff.errors import StatdiffError
from statdiff.law import measures
from statdiff.model import Document, Identity

# Stages of a bill, in order. Amendments sit between them by chamber.
(INTRODUCED, FIRST_CHAMBER_AMENDMENT, ENGROSSED, SECOND_CHAMBER_AMENDMENT, CONFERENCE_REPORT, ENROLLED, AMENDATORY_VETO,
 ACCEPTANCE_MOTION, RE_ENROLLED) = range(9)
_STAGES = {"introduced": INTRODUCED, "engrossed": ENGROSSED, "enrolled": ENROLLED,
           measures.AMENDATORY_VETO: AMENDATORY_VETO, measures.ACCEPTANCE_MOTION: ACCEPTANCE_MOTION,
           "re-enrolled": RE_ENROLLED}
_LAST = 10**9


def latest_public_act(document: Document) -> tuple[int, int] | None:
    """The highest Public Act named in the document's Source notes, as (GA, number)."""
    keys = (_public_act_key(act) for node in document.walk() for act in node.meta.public_acts or ())
    found = [key for key in keys if key is not None]
    return max(found) if found else None


def _public_act_key(text: str | None) -> tuple[int, int] | None:
    if not text or "-" not in text:
        return None
    ga, number = text.split("-", 1)
    if not (ga.isdigit() and number.isdigit()):
        return None
    return int(ga), int(number)


def order_versions(documents: list[Document]) -> list[Document]:
    """`documents` in the order the versions were made (see the module docstring)."""
    identities = [identity_of(document) for document in documents]
    enacted = _enacting_acts(identities)
    keys = [_key(document, identity, enacted, documents) for document, identity in zip(documents, identities)]
    _refuse_unrelated_bills(documents, identities, keys, enacted)
    order = sorted(range(len(documents)), key=lambda index: keys[index])
    return [documents[index] for index in order]


def _enacting_acts(identities: list[Identity]) -> dict[str, tuple[int, int]]:
    """Bill -> the Public Act that enacted it, from the Public Acts among the versions."""
    acts: dict[str, tuple[int, int]] = {}
    for identity in identities:
        key = _public_act_key(identity.public_act)
        if key and identity.bill:
            acts[measures.canonical(identity.bill)] = key
    return acts


# Where a version sorts: (General Assembly or Public Act GA, Public Act number or _LAST,
# 1 for a Public Act / 2 for a compiled text / 0 for a bill, bill stage, amendment number).
VersionKey = tuple[int, int, int, int, int]


def _key(document: Document, identity: Identity, enacted: dict[str, tuple[int, int]],
         documents: list[Document]) -> VersionKey:
    name = document.name
    public_act = _public_act_key(identity.public_act)
    if public_act:
        return (public_act[0], public_act[1], 1, 0, 0)
    if identity.version == "compiled" or (identity.act and not identity.bill):
        latest = latest_public_act(document)
        if latest is None:
            raise StatdiffError(f"{name}: cannot place this ILCS text among the versions: it has no Source note naming a Public Act")
        return (latest[0], latest[1], 2, 0, 0)
    if identity.bill is None:
        raise StatdiffError(f"{name}: cannot place this text among the versions: it does not say which bill or Public Act it is")
    stage, number = _stage(identity, identity.bill, name)
    act = enacted.get(measures.canonical(identity.bill))
    if act:
        return (act[0], act[1], 0, stage, number)
    ga = identity.general_assembly
    if ga is None:
        if all(_same_bill_only(other, identity) for other in documents):
            return (0, 0, 0, stage, number)
        raise StatdiffError(f"{name}: cannot place {identity.bill} among the versions: the text does not say its General Assembly")
    return (ga, _LAST, 0, stage, number)


def _same_bill_only(document: Document, identity: Identity) -> bool:
    other = identity_of(document)
    return other.public_act is None and same_measure(other.bill, identity.bill)


def _stage(identity: Identity, bill: str, name: str) -> tuple[int, int]:
    """(stage, amendment number) of a version of `bill`."""
    if identity.version == measures.CONFERENCE_REPORT:  # after the second chamber's amendments
        return (CONFERENCE_REPORT, measures.conference_number(identity.amendment))
    if identity.amendment or identity.version == "amendment":
        code = measures.AMENDMENT_CODE.match(identity.amendment or "")
        own_chamber = measures.from_own_chamber(bill, identity.amendment)
        if own_chamber is None or code is None:
            raise StatdiffError(f"{name}: cannot place this amendment to {bill}: its number and chamber (ham001, sam002) are not printed")
        return (FIRST_CHAMBER_AMENDMENT if own_chamber else SECOND_CHAMBER_AMENDMENT, int(code["number"]))
    stage = _STAGES.get(identity.version or "")
    if stage is None:
        raise StatdiffError(f"{name}: cannot place {identity.bill} among the versions: its version ({identity.version or 'not printed'}) is unknown")
    return (stage, 0)


def _refuse_unrelated_bills(documents: list[Document], identities: list[Identity], keys: list[VersionKey],
                            enacted: dict[str, tuple[int, int]]) -> None:
    """Two bills that no Public Act among the versions ties together, in one General
    Assembly, have no order: refuse rather than guess."""
    pending: dict[int, str] = {}
    for document, identity, key in zip(documents, identities, keys):
        if identity.bill is None or identity.public_act or key[2] != 0 or measures.canonical(identity.bill) in enacted:
            continue
        ga = key[0]
        bill = measures.canonical(identity.bill)
        if ga in pending and pending[ga] != bill:
            raise StatdiffError(
                f"{document.name}: cannot order versions of two bills of one General Assembly ({pending[ga]} and {bill}); give them in order"
            )
        pending[ga] = bill
