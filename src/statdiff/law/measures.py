"""How Illinois names its measures and their printings.

`House Bill 605`, `Senate Joint Resolution Constitutional Amendment 44` (as an amendment's
preamble names its bill); the codes ILGA prints for them (`HB0605`, `HJRCA0044`, and in file
names `HC0044`); an ILGA document name (`09400HB1633eng`, `10200SB0731sam002`, legisnet's
`920HB4947LV`, the 93rd GA ftp's `093_HB0475ham001`); a chamber's amendment code
(`ham001`, `sam002`).
"""

from __future__ import annotations

import re

from statdiff.law.compiling import when_used

# The kind codes ILGA prints for a measure (`HB`, `SJRCA`; `HC` / `SC` shorten a constitutional
# amendment resolution), longest first so that an alternation tries `HJR` before `HB`.
KINDS_TEXT = r"HJRCA|SJRCA|HJR|SJR|HB|SB|HR|SR|HC|SC"
# File names also shorten a joint resolution: `HJ`, `SJ`.
FILE_KINDS_TEXT = rf"{KINDS_TEXT}|HJ|SJ"

# `House Bill 605`, `Senate Bill 0753`, `House Joint Resolution 47`, `House Joint
# Resolution Constitutional Amendment 44`: the name the amendment gives its bill.
MEASURE_TEXT = (
    r"(?P<chamber>House|Senate)\s+"
    r"(?P<kind>Bill|Joint\s+Resolution\s+Constitutional\s+Amendment|Joint\s+Resolution|Resolution)"
    r"\s+(?:No\.\s*)?(?P<number>\d{1,4})\b"
)
# The bill codes ILGA prints for each kind of measure (`HB0605`, `HJRCA0044`).
MEASURE_CODES = {
    ("house", "bill"): "HB",
    ("senate", "bill"): "SB",
    ("house", "resolution"): "HR",
    ("senate", "resolution"): "SR",
    ("house", "joint resolution"): "HJR",
    ("senate", "joint resolution"): "SJR",
    ("house", "joint resolution constitutional amendment"): "HJRCA",
    ("senate", "joint resolution constitutional amendment"): "SJRCA",
}


def measure_code(match: re.Match[str]) -> str:
    """`HB0605`, `HJRCA0044`: the bill code a match of `MEASURE_TEXT` names (its chamber,
    kind and number)."""
    kind = " ".join(match["kind"].lower().split())
    return MEASURE_CODES[(match["chamber"].lower(), kind)] + f"{int(match['number']):04d}"


# ILGA file names shorten a constitutional amendment resolution: 09500HC0044ham001.
CODE_ALIASES = {"HC": "HJRCA", "SC": "SJRCA", "HJ": "HJR", "SJ": "SJR"}
BILL_CODE = when_used(rf"^(?P<kind>{FILE_KINDS_TEXT})0*(?P<number>\d{{1,4}})$")
# An ILGA document name, as in a file name: 09400HB1633ham001, 10200SB0731sam002,
# 09400HB1633eng (General Assembly in 3 digits, then 00); legisnet's 920HB4947LV (2
# digits, then 0); the 93rd GA ftp's 093_HB0475ham001. No suffix: as introduced.
DOCUMENT_NAME = re.compile(
    r"(?<![0-9A-Za-z])(?:(?P<ga>\d{3})00|(?P<legisnet_ga>\d{2})0|(?P<ftp_ga>\d{3})_)"
    rf"(?P<kind>{FILE_KINDS_TEXT})(?P<number>\d{{4}})"
    r"(?P<suffix>[hs]am\d{3}|[hs]cc\d{3}|ccr\d{3}|avm\d{3}|eng|enr|ren|lv|LV)?(?![0-9a-z])"
)
# legisnet's `LV` is "latest version": it says nothing about which.
# `ren`: re-enrolled, the bill enrolled again once both chambers accepted the Governor's
# amendatory veto (legisnet's `92_HB2412ren`).
DOCUMENT_VERSIONS = {"": "introduced", "eng": "engrossed", "enr": "enrolled", "ren": "re-enrolled"}

# A conference committee report's code, as its document name prints it (`91_SB0441ccr001`,
# `09400HB1234ccr002`): the report's number on its bill; its version, as an identity says it.
CONFERENCE_CODE = when_used(r"(?<=\d)ccr(?P<number>\d{3})(?![0-9])", re.IGNORECASE)
CONFERENCE_REPORT = "conference report"
# A Governor's message returning a bill with specific recommendations for change (an amendatory
# veto, Ill. Const. art. IV, sec. 9(e)): its version, as an identity says it.
AMENDATORY_VETO = "amendatory veto"
# A legislator's motion that his chamber accept the Governor's specific recommendations (Ill.
# Const. art. IV, sec. 9(e): both chambers accept them by a record vote, and the bill is then
# re-enrolled); ILGA's document name ends `avm001` (`093_SB1523avm001`). Its version, and its code.
ACCEPTANCE_MOTION = "motion to accept the Governor's recommendations"
ACCEPTANCE_MOTION_CODE = when_used(r"^avm(?P<number>\d{3})$", re.IGNORECASE)
# The versions that print the Governor's specific recommendations as page-and-line instructions
# to the enrolled bill.
RECOMMENDATIONS = (AMENDATORY_VETO, ACCEPTANCE_MOTION)
# The report's own first lines: `FIRST CONFERENCE COMMITTEE REPORT` / `ON SENATE BILL 441`
# (the 90th GA's prints no ordinal: the first).
CONFERENCE_HEADING = when_used(
    r"\b(?:(?P<ordinal>FIRST|SECOND|THIRD|FOURTH|FIFTH)\s+)?CONFERENCE\s+COMMITTEE\s+REPORT\s+ON\s+"
    r"(?P<chamber>HOUSE|SENATE)\s+BILL\s+(?P<number>\d{1,4})\b"
)
ORDINALS = {"FIRST": 1, "SECOND": 2, "THIRD": 3, "FOURTH": 4, "FIFTH": 5}


def conference_code(number: int) -> str:
    """`ccr001`: the code of a bill's conference committee report number `number`."""
    return f"ccr{number:03d}"


def conference_number(code: str | None) -> int:
    """1 of `ccr001`: a conference committee report's number (the first, where no code says)."""
    digits = (code or "")[3:]
    return int(digits) if code and code.lower().startswith("ccr") and digits.isdigit() else 1


# A chamber's amendment code: `ham` (House), `sam` (Senate).
AMENDMENT_CODE = when_used(r"^(?P<chamber>[hs])am(?P<number>\d{3})$", re.IGNORECASE)


def canonical(code: str) -> str:
    """`HB605` -> `HB0605`; `HC0044` (ILGA's file names) -> `HJRCA0044`."""
    match = BILL_CODE.match(code.upper())
    if match is None:
        return code.upper()
    return f"{CODE_ALIASES.get(match['kind'], match['kind'])}{int(match['number']):04d}"


def from_own_chamber(bill: str, amendment_code: str | None) -> bool | None:
    """Whether an amendment (`ham001`) comes from the chamber its bill (`HB0605`) started
    in; None where the code does not say."""
    code = AMENDMENT_CODE.match(amendment_code or "")
    return None if code is None else code["chamber"].upper() == bill[:1].upper()
