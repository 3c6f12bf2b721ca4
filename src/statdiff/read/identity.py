"""What a document says about itself: General Assembly, bill, version,
amendment, LRB number, Public Act, title, Act. Read from the headers and the
front matter before the readers drop them; and the synopsis (the LRB digest).
"""

from __future__ import annotations

import re
from dataclasses import replace

from statdiff.law import citations, measures, public_acts
from statdiff.law.compiling import when_used
from statdiff.model import BodyLine, Document, Identity, ReadResult
from statdiff.model.tree import file_name
from statdiff.read.common import DRAFTING_OFFICES, LRB, normalize

_BILL = when_used(
    r"(?<![A-Za-z])(?:(?P<ga>\d{3})(?:_)?|(?P<ga3>\d{3})_|(?<!\d)(?P<ga2>\d{2})_)?"
    rf"(?P<kind>{measures.FILE_KINDS_TEXT})(?P<number>\d{{1,4}})"
    r"(?P<amendment>[hHsS][aA][mM]\d{3})?(?=\b|[a-z]|LRB|Enrolled|Engrossed)"
)
_VERSION = when_used(r"\b(Re-Enrolled|Enrolled|Engrossed|Introduced)\b")
_SHORT_VERSION = when_used(r"(?:HB|SB|HR|SR)\d{4}(enr|eng|ren)\b")
_GA_ORDINAL = when_used(r"\b(\d{2,3})(?:st|nd|rd|th|ST|ND|RD|TH) General Assembly", re.IGNORECASE)
_AMENDED_BILL = when_used(r"AMENDMENT TO (HOUSE|SENATE) BILL (\d{1,4})\b", re.IGNORECASE)
_SYNOPSIS_START = when_used(
    r"^(?:Amends|Creates|Provides|Repeals|Makes|Appropriates|Establishes|Requires|Authorizes|"
    r"Designates|Reinserts|Replaces|Deletes|Adds|Prohibits|Urges|Proposes|Declares|Changes)\b"
)
_SYNOPSIS_STOP = when_used(
    r"^(?:A BILL FOR|SYNOPSIS|FISCAL NOTE|HOUSE AMENDMENT|SENATE AMENDMENT|[A-Z ,]+ (?:ACT )?MAY (?:APPLY|REQUIRE))"
    rf"|^{citations.TITLE_TEXT} ILCS |^LRB|^Status:|^Spectrum:|^Download:"
)


def read_identity(texts: list[str], lines: list[BodyLine], version: str | None = None) -> Identity:
    """Fill an Identity from header and front-matter texts and the first body lines."""
    identity = Identity(version=version)
    blob = "\n".join(normalize(text) for text in texts if text)
    lrb = LRB.search(blob)
    if lrb:
        identity.lrb = normalize(lrb.group(0))
        identity.general_assembly = _ga_from_lrb(identity.lrb)
    bill = _BILL.search(blob)
    if bill:
        identity.bill = measures.canonical(bill.group("kind") + bill.group("number"))  # `HC0032`: HJRCA0032
        if bill.group("amendment"):
            identity.amendment = bill.group("amendment").lower()
        ga = bill.group("ga") or bill.group("ga3") or bill.group("ga2")  # `093_HB0475`, legisnet's `91_SB0441`
        if ga and identity.general_assembly is None:
            identity.general_assembly = int(ga)
    if identity.general_assembly is None:
        ordinal = _GA_ORDINAL.search(blob)
        if ordinal:
            identity.general_assembly = int(ordinal.group(1))
    public_act = public_acts.HEADER.search(blob)
    if public_act:
        identity.public_act = public_acts.normal(*public_act.groups())
        identity.version = identity.version or "public act"
        if identity.general_assembly is None:
            identity.general_assembly = int(public_act.group(1))
    if identity.amendment:
        identity.version = identity.version or "amendment"
    if identity.version is None:
        identity.version = _version_from(blob, lines)
    _read_conference_report(identity, blob, lines)
    identity.title = title_from(lines)
    if identity.bill is None and identity.title:
        named = _AMENDED_BILL.match(identity.title)
        if named:
            identity.bill = f"{named.group(1)[0]}B{int(named.group(2)):04d}"
    return identity


def _read_conference_report(identity: Identity, blob: str, lines: list[BodyLine]) -> None:
    """A conference committee report (`91_SB0441ccr001`, `FIRST CONFERENCE COMMITTEE REPORT ON
    SENATE BILL 441`): the bill it reports on, its number (`ccr001`, kept as the amendment code
    it stands in for) and the version `conference report`. Its printed heading names the bill
    where no header does; a report's own heading outranks the bill code a header reads."""
    heading = measures.CONFERENCE_HEADING.search(
        " ".join(normalize(line.text) for line in lines[:6]) if lines else "") or measures.CONFERENCE_HEADING.search(blob)
    code = measures.CONFERENCE_CODE.search(blob)
    if code is not None:
        number = int(code["number"])
    elif heading is not None:
        number = measures.ORDINALS.get(heading["ordinal"] or "FIRST", 1)
    else:
        return
    if heading is not None:
        identity.bill = f"{heading['chamber'][0]}B{int(heading['number']):04d}"
    identity.amendment = measures.conference_code(number)
    identity.version = measures.CONFERENCE_REPORT


def _ga_from_lrb(lrb: str) -> int | None:
    match = re.match(rf"(?:{'|'.join(DRAFTING_OFFICES)})\s?(\d{{3}})\s", lrb)
    if match:
        return int(match.group(1))
    match = re.match(r"LRB(\d{2})\d{5}", lrb)
    return int(match.group(1)) if match else None


def _version_from(blob: str, lines: list[BodyLine]) -> str | None:
    match = _VERSION.search(blob)
    if match:
        return match.group(1).lower()  # a re-enrolled bill: enrolled again after an amendatory veto
    short = _SHORT_VERSION.search(blob)
    if short:
        return measures.DOCUMENT_VERSIONS[short.group(1)]
    for line in lines[:3]:
        if line.text.upper().startswith("AMENDMENT TO"):
            return "amendment"
    return None


def title_from(lines: list[BodyLine]) -> str | None:
    """`AN ACT concerning consumer fraud.` (it may run over two printed lines)."""
    for index, line in enumerate(lines[:3]):
        if line.text.startswith("AN ACT") or line.text.upper().startswith("AMENDMENT TO"):
            words = [line.text]
            follow = index + 1
            while not words[-1].endswith(".") and follow < len(lines) and follow <= index + 2:
                if lines[follow].text.startswith("Be it enacted") or lines[follow].text.upper().startswith("AMENDMENT NO"):
                    break
                words.append(lines[follow].text)
                follow += 1
            return " ".join(words)
    return None


def act_from(texts: list[str]) -> str | None:
    for text in texts:
        match = citations.ACT_OF_CITATION.search(text)
        if match:
            return citations.act_name(*match.groups())
    return None


def synopsis_from(front: list[str]) -> str | None:
    """The LRB digest paragraph(s) of the front page, if the front matter has one."""
    texts = [text for text in (normalize(text) for text in front) if text]
    indices = synopsis_indices(front)
    return " ".join(texts[index] for index in sorted(indices)) if indices else None


def synopsis_indices(front: list[str]) -> set[int]:
    """Which of the front matter's non-empty texts (counted without the empty ones) make
    the synopsis: from the first that opens like one (`Amends the ...`) to the stop."""
    texts = [text for text in (normalize(text) for text in front) if text]
    for index, text in enumerate(texts):
        if not _SYNOPSIS_START.match(text):
            continue
        found = {index}
        for follow in range(index + 1, len(texts)):
            text = texts[follow]
            if _SYNOPSIS_STOP.match(text) or LRB.search(text) or text.isupper():
                break
            found.add(follow)
        return found
    return set()


def identity_of(document: Document | ReadResult) -> Identity:
    """The document's identity, with what it does not say filled in from an ILGA document
    name in its file name (`09400HB1633eng_ftp_PARTIAL.txt`: 94th GA, HB1633, engrossed)."""
    identity = document.identity
    match = measures.DOCUMENT_NAME.search(file_name(document.name))
    if match is None:
        return identity
    ga = int(match["ga"] or match["legisnet_ga"] or match["ftp_ga"])
    bill = measures.canonical(match["kind"] + match["number"])
    suffix = (match["suffix"] or "").lower()
    conference = suffix.startswith("ccr")
    amendment = suffix if measures.AMENDMENT_CODE.match(suffix) or conference else None
    version = measures.CONFERENCE_REPORT if conference else "amendment" if amendment else measures.DOCUMENT_VERSIONS.get(suffix)
    if measures.ACCEPTANCE_MOTION_CODE.match(suffix):
        version = measures.ACCEPTANCE_MOTION
    return replace(
        identity,
        general_assembly=identity.general_assembly or ga,
        bill=identity.bill or bill,
        amendment=identity.amendment or amendment,
        version=identity.version or version,
    )


def described(document: Document | ReadResult) -> str:
    """What the outputs call a document: its identity as the comparison reads it (`identity_of`:
    what it says of itself, and what its ILGA file name says that it does not), never less
    (`94th GA SJRCA0027 introduced` for a page with no header, not `untitled document`)."""
    return identity_of(document).describe()


def is_amendment(document: Document | ReadResult) -> bool:
    """The text says (or its ILGA file name says) it is an amendment to a bill (a conference
    committee report is one: it amends its bill; so is a Governor's amendatory veto, whose
    recommendations are page-and-line instructions to the enrolled bill)."""
    identity = identity_of(document)
    return identity.version in _AMENDING_VERSIONS or identity.amendment is not None


# The versions that amend a bill by page and line: an amendment; the Governor's specific
# recommendations for change, and a motion to accept them, which prints them as an amendment.
_AMENDING_VERSIONS = ("amendment", *measures.RECOMMENDATIONS)


# The lines of a Governor's letter before its recommendations (date, salutation, chamber, GA).
_LETTER_HEAD_LINES = 12


def amendatory_veto_identity(lines: list[BodyLine]) -> Identity | None:
    """A Governor's message that returns a bill with specific recommendations for change
    (`I hereby return House Bill 4527, entitled "...", with the following specific
    recommendation for change:`): its bill, General Assembly (`95th General Assembly`) and
    the version `amendatory veto`; None for any other text (a veto of a whole bill included)."""
    from statdiff.law.amendments import VETO_PREAMBLE

    head = " ".join(normalize(line.text) for line in lines[:_LETTER_HEAD_LINES])
    match = VETO_PREAMBLE.search(head)
    if match is None:
        return None
    bill = measures.measure_code(match)
    ordinal = _GA_ORDINAL.search(head[:match.start()])
    return Identity(general_assembly=int(ordinal.group(1)) if ordinal else None, bill=bill,
                    version=measures.AMENDATORY_VETO)


def acceptance_motion_identity(lines: list[BodyLine]) -> Identity | None:
    """A motion to accept the Governor's specific recommendations (`I move to accept the
    specific recommendations of the Governor as to Senate Bill 1523 in manner and form as
    follows:`): its bill, General Assembly (from the document name `093_SB1523avm001` or the LRB
    number `LRB093 11000 BDD 18280 v` before it) and the version `motion to accept the
    Governor's recommendations`; None for any other text."""
    from statdiff.law.amendments import ACCEPTANCE_PREAMBLE

    head = " ".join(normalize(line.text) for line in lines[:_LETTER_HEAD_LINES])
    match = ACCEPTANCE_PREAMBLE.search(head)
    if match is None:
        return None
    before = head[:match.start()]
    lrb = LRB.search(before)
    name = measures.DOCUMENT_NAME.search(before)
    ga = _ga_from_lrb(normalize(lrb.group(0))) if lrb else None
    if ga is None and name is not None:
        ga = int(name["ga"] or name["legisnet_ga"] or name["ftp_ga"])
    return Identity(general_assembly=ga, bill=measures.measure_code(match), lrb=normalize(lrb.group(0)) if lrb else None,
                    version=measures.ACCEPTANCE_MOTION)


def recommendations_identity(lines: list[BodyLine]) -> Identity | None:
    """A prose text that amends a bill by the Governor's recommendations: his amendatory veto
    (`amendatory_veto_identity`) or a motion to accept them (`acceptance_motion_identity`)."""
    return amendatory_veto_identity(lines) or acceptance_motion_identity(lines)


def is_conference_report(document: Document | ReadResult) -> bool:
    """The text says (or its ILGA file name says) it is a conference committee report."""
    return identity_of(document).version == measures.CONFERENCE_REPORT
