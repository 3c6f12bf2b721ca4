"""Public Act references: `P.A. 94-947`, `P. A. 94-947`, `Public Act 94-947`, and the
zero-padded form a Public Act prints in its own header, `Public Act 094-0036`.

A Public Act is named by its General Assembly and its number: `94-36` is the normal form
(`normal` drops the padding). A Source note lists them:
`(Source: P.A. 94-36, eff. 1-1-06; 94-947, eff. 6-27-06.)`.
"""

from __future__ import annotations

import re
from datetime import date

from statdiff.law.compiling import when_used

# The number: General Assembly, dash, number (`94-947`, `094-0036`).
NUMBER_TEXT = r"\d{2,3}-\d{1,4}"
NUMBER = when_used(r"(\d{2,3})-(\d{1,4})")
# How a Source note, a citation and statdiff abbreviate "Public Act": `P.A. 94-947`.
ABBREVIATION = "P.A."
ABBREVIATED_TEXT = r"P\.\s?A\."
# Written out, as the body of a law refers to one: `Public Act 94-947`.
SPELLED_TEXT = r"Public\s+Act"
# A reference in running text, either way.
REFERENCE_TEXT = rf"(?:{ABBREVIATED_TEXT}|{SPELLED_TEXT})\s?{NUMBER_TEXT}"
REFERENCE = when_used(rf"\b{REFERENCE_TEXT}\b")
# A Public Act's own header: `Public Act 094-0036` (groups: General Assembly, number).
HEADER = when_used(r"Public Act (\d{2,3})-(\d{4})")
# The new site's header: `Public Act 0661 101ST GENERAL ASSEMBLY`.
HEADER_BY_ASSEMBLY = when_used(r"Public Act \d{4} \d{2,3}(?:ST|ND|RD|TH) GENERAL ASSEMBLY")
# One entry of a Source note: `P.A. 94-36, eff. 1-1-06` or `94-947, eff. 6-27-06`.
SOURCE_ENTRY = re.compile(rf"^(?:{ABBREVIATED_TEXT}\s?)?(?P<pa>{NUMBER_TEXT})(?=[,.;\s)]|$)")


def cite(number: str) -> str:
    """`94-947` -> `P.A. 94-947`."""
    return f"{ABBREVIATION} {number}"


def normal(general_assembly: str, number: str) -> str:
    """`094`, `0036` -> `94-36`."""
    return f"{int(general_assembly)}-{int(number)}"


def of_source_note(source_note: str) -> list[str]:
    """The Public Acts a Source note lists, in order, each once: `["94-36", "94-947"]`."""
    inner = source_note.removeprefix("(Source:").rstrip(").").strip()
    acts: list[str] = []
    for part in inner.split(";"):
        match = SOURCE_ENTRY.match(part.strip())
        if match:
            act = normal(*match["pa"].split("-"))
            if act not in acts:
                acts.append(act)
    return acts


# `94-947, eff. 6-27-06` or `P.A. 94-36, eff. 1-1-2006` inside a Source note.
EFFECTIVE = when_used(rf"(?:P\.\s?A\.\s?)?(?P<pa>{NUMBER_TEXT}),\s*eff\.\s*(?P<month>\d{{1,2}})-(?P<day>\d{{1,2}})-(?P<year>\d{{4}}|\d{{2}})\b")


def first_year(general_assembly: int) -> int:
    """The year a General Assembly first sits: the 94th, 2005; the 101st, 2019."""
    return 2 * general_assembly + 1817


def effective_dates(source_note: str) -> dict[str, date]:
    """The effective date a Source note gives each Public Act it lists (`eff. 6-27-06`),
    by Act (`{"94-947": date(2006, 6, 27)}`). A two-digit year is put in the century
    nearest the year the Act's General Assembly first sat; an entry without a date
    (`eff. immediately`, none) or with an impossible one is left out."""
    found: dict[str, date] = {}
    for match in EFFECTIVE.finditer(source_note):
        general_assembly, number = match["pa"].split("-")
        act = normal(general_assembly, number)
        year = int(match["year"])
        if len(match["year"]) == 2:
            near = first_year(int(general_assembly))
            year = min((century + year for century in (1900, 2000, 2100)), key=lambda full: abs(full - near))
        try:
            found.setdefault(act, date(year, int(match["month"]), int(match["day"])))
        except ValueError:
            continue
    return found
