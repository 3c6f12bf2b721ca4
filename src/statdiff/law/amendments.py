"""Amendatory wording: how a bill section says what it does to an Act.

`Section 5. The Personal Information Protection Act is amended by changing Sections 5 and 10
as follows:`, `... is amended by adding Section 40 and by repealing Section 4.27a.`,
`... is amended by changing the heading of Article 19B ...`.
"""

from __future__ import annotations

import re

# Any amendatory instruction (the bill section amends, repeals or renumbers something).
AMENDATORY = re.compile(
    r"\b(?:is|are) (?:hereby )?(?:amended|repealed|renumbered)\b|\bis amended by\b"
    r"|\bby (?:changing|adding|repealing) Sections?\b"
)
# The Act named, with its citation if printed: `The Election Code (10 ILCS 5/) is amended`.
# `act` is lazy and stops at the first ` is amended`; callers pass the opening of the text.
AMENDED_ACT = re.compile(
    r"^(?:The )?(?P<act>.{1,300}?)(?: \((?P<citation>\d{1,3} ILCS \d{1,4}[A-Za-z]?)/?\))? (?:is|are) (?:hereby )?"
    r"(?:amended|repealed)"
)
# One clause: `by changing Sections 5 and 10`, `by adding the heading of Article 19B`.
CLAUSE = re.compile(
    r"\bby (?P<verb>changing|adding|repealing|renumbering|amending)(?: the headings? of)? "
    r"(?P<what>Sections?|Articles?|Parts?) "
    r"(?P<list>.{1,600}?)(?=,? and by |,? and (?:changing|adding|repealing|renumbering) |\bas follows\b|[.:]\s?$|$)"
)
# A number in a clause's list: `5`, `10`, `2A-1.2`, `4.27a`.
LISTED_NUMBER = re.compile(r"\b\d[0-9A-Za-z.\-]*[0-9A-Za-z]\b|\b\d\b")
# How much of a bill section's text holds its instruction.
INSTRUCTION_REACH = 1200


def amended_act(body: str) -> tuple[str | None, str | None]:
    """The Act an amendatory bill section's text (after `Section N.`) names, and its
    citation where printed: (`Election Code`, `10 ILCS 5`); (None, None) for none."""
    match = AMENDED_ACT.match(body[:INSTRUCTION_REACH])
    return (match["act"], match["citation"]) if match else (None, None)


def sections_by_verb(body: str) -> dict[str, list[str]]:
    """The Sections an amendatory bill section's text says it changes, adds, repeals (and
    renumbers, when it does): `{"changing": ["5", "10"], "adding": ["12"], "repealing": []}`,
    numbers in the order printed, each once (`amending` is `changing`)."""
    lists: dict[str, list[str]] = {"changing": [], "adding": [], "repealing": []}
    for clause in CLAUSE.finditer(body[:INSTRUCTION_REACH]):
        verb = {"amending": "changing"}.get(clause["verb"], clause["verb"])
        numbers = lists.setdefault(verb, [])
        numbers.extend(number for number in LISTED_NUMBER.findall(clause["list"]) if number not in numbers)
    return lists
