"""Amendatory wording: how a bill section says what it does to an Act, and how a
page-and-line amendment words its instructions.

A bill section: `Section 5. The Personal Information Protection Act is amended by changing
Sections 5 and 10 as follows:`, `... is amended by adding Section 40 and by repealing
Section 4.27a.`, `... is amended by changing the heading of Article 19B ...`.

A page-and-line amendment opens with its preamble (`Amend House Bill 605, AS AMENDED, with
reference to page and line numbers of House Amendment No. 1,`) and then gives instructions
joined by `; and`. `statdiff.amend` cuts each instruction into plain text and quoted passages
and matches the plain text, with each passage replaced by a placeholder, against the FORMS
below: a form reads like the instruction itself, `on page 3, line 2, by replacing «» with «»`.
"""

from __future__ import annotations

import re

from statdiff.law.citations import ACT_TEXT, TITLE_TEXT
from statdiff.law.compiling import when_used
from statdiff.law.measures import MEASURE_TEXT

# Any amendatory instruction (the bill section amends, repeals or renumbers something).
AMENDATORY = when_used(
    r"\b(?:is|are) (?:hereby )?(?:amended|repealed|renumbered)\b|\bis amended by\b"
    r"|\bby (?:changing|adding|repealing) Sections?\b"
)
# The Act named, with its citation if printed: `The Election Code (10 ILCS 5/) is amended`.
# `act` is lazy and stops at the first ` is amended`; callers pass the opening of the text.
AMENDED_ACT = when_used(
    rf"^(?:The )?(?P<act>.{{1,300}}?)(?: \((?P<citation>{TITLE_TEXT} ILCS {ACT_TEXT})/?\))? (?:is|are) (?:hereby )?"
    r"(?:amended|repealed)"
)
# One clause: `by changing Sections 5 and 10`, `by adding the heading of Article 19B`.
CLAUSE = when_used(
    r"\bby (?P<verb>changing|adding|repealing|renumbering|amending)(?: the headings? of)? "
    r"(?P<what>Sections?|Articles?|Parts?) "
    r"(?P<list>.{1,600}?)(?=,? and by |,? and (?:changing|adding|repealing|renumbering) |\bas follows\b|[.:]\s?$|$)"
)
# A number in a clause's list: `5`, `10`, `2A-1.2`, `4.27a`.
LISTED_NUMBER = when_used(r"\b\d[0-9A-Za-z.\-]*[0-9A-Za-z]\b|\b\d\b")
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


# =============================================================== page-and-line amendments

# --------------------------------------------------------------- the preamble

# Which printing the page and line numbers refer to.
_AS_AMENDED = r"(?P<as_amended>,?\s*AS\s+AMENDED\b)?"
_REFERENCE = (
    r"(?:,?\s*with\s+reference\s+to\s+(?:the\s+)?page\s+and\s+line\s+numbers\s+of\s+"
    r"(?P<ref_chamber>House|Senate)\s+(?:(?:Committee|Floor)\s+)?Amendment\s+No\.?\s*(?P<ref_number>\d{1,3}))?"
)
PREAMBLE = re.compile(
    r"\bAmend\s+" + MEASURE_TEXT + _AS_AMENDED + _REFERENCE + r"(?:\s*,)?(?:\s+as\s+follows\s*:?)?\s*",
    re.IGNORECASE,
)
# A Governor's amendatory veto (Ill. Const. art. IV, sec. 9(e); ILGA's `...gms` page): `I hereby
# return House Bill 4527, entitled "AN ACT concerning local government.", with the following specific
# recommendation for change:` then page-and-line instructions to the enrolled bill, in an amendment's
# words (`on page 1, by replacing line 19 with: "..."`), up to `With this change, House Bill 4527
# will have my approval.` (the title in straight or curly quotes: the amendment reader straightens
# them, the letter prints them curly)
VETO_PREAMBLE = when_used(
    r"\bI\s+hereby\s+return\s+" + MEASURE_TEXT + r"\s*,?\s*entitled\s+[\"“][^\"”]{0,600}[\"”]\s*,?"
    r"\s*with\s+the\s+following\s+specific\s+recommendations?\s+for\s+change\s*:?\s*",
    re.IGNORECASE,
)
VETO_CLOSING = when_used(r"\bWith\s+(?:this|these)\s+changes?\s*,", re.IGNORECASE)
# A motion to accept the Governor's specific recommendations (ILGA's `...avm001` page): `MOTION I
# move to accept the specific recommendations of the Governor as to Senate Bill 1523 in manner and
# form as follows:`, a heading `AMENDMENT TO SENATE BILL 1523 IN ACCEPTANCE OF GOVERNOR'S
# RECOMMENDATIONS`, then the recommendations as an amendment of the enrolled bill (`Amend Senate
# Bill 1523 on page 3, ...`), up to the motion's date line (`Date: , 2003`, its last).
ACCEPTANCE_PREAMBLE = when_used(
    r"\bI\s+move\s+to\s+accept\s+the\s+specific\s+recommendations?\s+of\s+the\s+Governor\s+as\s+to\s+"
    + MEASURE_TEXT + r"\s+in\s+manner\s+and\s+form\s+as\s+follows\s*:?",
    re.IGNORECASE,
)
MOTION_CLOSING = when_used(r"\bDate\s*:", re.IGNORECASE)


# ---------------------------------------------------------- the instructions

# A passage in quotes stands in the plain text as this placeholder.
HOLE = "«»"

_NUM = r"\d{1,4}"
_PAGE = rf"pages?\s+(?P<page>{_NUM})"
# `line 2`, `lines 23 through 25`, `lines 19 and 20`, `all of lines 23 and 24`, `lines 17-21`
# (`and` joins two lines next to each other: `lines 19 and 20`)
_LINES = rf"(?:all\s+of\s+)?lines?\s+(?P<first>{_NUM})(?:\s*(?P<joint>through|thru|to|and|-)\s*(?P<last>{_NUM}))?"
_SAME_PAGE_LINES = _LINES

# Where an instruction points before its verb: `on page 3, line 2,`, `on page 1, lines
# 19 and 20,`, `on line 13,` (page of the previous instruction), `page 1,`.
_LOCATION = rf"^(?:on\s+|in\s+)?(?:{_PAGE}\s*,?\s*)?(?:(?:on\s+|in\s+)?{_LINES}\s*,?\s*)?"

# Ranges named inside the verb phrase (`by replacing <range> with`, `by deleting <range>`).
_RANGES: tuple[str, ...] = (
    # line 25 on page 29 through line 4 on page 30 / everything from line 24 on page 14 through line 2 on page 15
    (
        rf"(?:everything\s+from\s+)?line\s+(?P<first>{_NUM})\s+(?:on|of)\s+page\s+(?P<page>{_NUM})\s*,?\s*"
        rf"(?:through|to)\s+line\s+(?P<last>{_NUM})\s+(?:on|of)\s+page\s+(?P<last_page>{_NUM})"
    ),
    # lines 28 through 31 on page 1 and line 1 on page 2 / lines 30 and 31 on page 3 and lines 1 through 4 on page 4
    (
        rf"(?:all\s+of\s+)?lines?\s+(?P<first>{_NUM})(?:\s*(?:through|to|and)\s*(?P<first_end>{_NUM}))?\s+(?:on|of)\s+page\s+(?P<page>{_NUM})"
        rf"\s*,?\s*and\s+(?:all\s+of\s+)?lines?\s+(?P<second_start>{_NUM})(?:\s*(?:through|to|and)\s*(?P<last>{_NUM}))?\s+(?:on|of)\s+page\s+(?P<last_page>{_NUM})"
    ),
    # page 5, line 20, through page 6, line 2
    (
        rf"page\s+(?P<page>{_NUM})\s*,\s*line\s+(?P<first>{_NUM})\s*,?\s*(?:through|to)\s+page\s+(?P<last_page>{_NUM})\s*,\s*line\s+(?P<last>{_NUM})"
    ),
    # line 9 of page 1 / lines 16 and 17 of page 2
    rf"{_SAME_PAGE_LINES}\s+(?:on|of)\s+page\s+(?P<page>{_NUM})",
    # lines 2 through 4 (the page given before the verb)
    _SAME_PAGE_LINES,
)

# The words that announce new text: `with the following:`, `as follows:`, `the following:`.
_FOLLOWING = r"(?:(?:with|as)\b\s*)?(?:the\s+following|follows)?\s*:?\s*"  # `with the following:`, `with:`
_PUNCTUATION = r"the\s+(?P<mark>period|comma|semicolon|colon|question\s+mark)"
_RELATION = r"(?:immediately\s+)?(?P<relation>after|before)"

# Operations, as they appear in `Edit.op` and the JSON.
REPLACE_TEXT = "replace_text"
DELETE_TEXT = "delete_text"
INSERT_AFTER = "insert_after"
INSERT_BEFORE = "insert_before"
REPLACE_LINES = "replace_lines"
DELETE_LINES = "delete_lines"
INSERT_BELOW = "insert_below"
REPLACE_ALL = "replace_after_enacting_clause"

_H = re.escape(HOLE)
# An instruction's verb, `by` before it or not (`on page 3, deleting line 33`: a motion to accept
# the Governor's recommendations, 93rd GA SB1523).
_BY = r"^(?:by\s+)?"
# Each form: (operation, pattern on the verb phrase after the location). Groups:
# `range` (a line range, read with RANGES), `old` / `anchor` / `new` (the hole's
# place among the instruction's passages is counted by the parser), `relation`,
# `mark` (a punctuation anchor), `below` (insert below this line).
_FORMS: tuple[tuple[str, str], ...] = (
    # by replacing everything after the enacting clause with the following: «»
    (REPLACE_ALL, rf"{_BY}replacing\s+everything\s+after\s+the\s+enacting\s+clause\s+{_FOLLOWING}(?P<new>{_H})$"),
    # by deleting everything after the enacting clause and inserting (in lieu thereof) the following: «»
    (
        REPLACE_ALL,
        rf"{_BY}deleting\s+everything\s+after\s+the\s+enacting\s+clause\s*,?\s+and\s+inserting\s+"
        rf"(?:in\s+lieu\s+thereof\s+)?{_FOLLOWING}(?P<new>{_H})$",
    ),
    # by replacing "X" with "Y"
    (REPLACE_TEXT, rf"{_BY}replacing\s+(?P<old>{_H})\s+with\s+{_FOLLOWING}(?P<new>{_H})$"),
    # by deleting "X"
    (DELETE_TEXT, rf"{_BY}deleting\s+(?P<old>{_H})$"),
    # after "X", by inserting "Y" / before the period, by inserting the following: "Y"
    (
        "insert_at",
        rf"^{_RELATION}\s+(?:(?P<anchor>{_H})|{_PUNCTUATION})\s*,?\s*by\s+inserting\s+{_FOLLOWING}(?P<new>{_H})$",
    ),
    # by inserting "Y" after "X" / by inserting "Y" immediately after the period
    (
        "insert_at",
        rf"{_BY}inserting\s+{_FOLLOWING}(?P<new>{_H})\s*,?\s*{_RELATION}\s+(?:(?P<anchor>{_H})|{_PUNCTUATION})$",
    ),
    # immediately below line 31, by inserting the following: «» / by inserting below line 6 the following: «»
    (INSERT_BELOW, rf"^(?:immediately\s+)?below\s+line\s+(?P<below>{_NUM})\s*,?\s*by\s+inserting\s+{_FOLLOWING}(?P<new>{_H})$"),
    (INSERT_BELOW, rf"{_BY}inserting\s+(?:immediately\s+)?below\s+line\s+(?P<below>{_NUM})\s+{_FOLLOWING}(?P<new>{_H})$"),
    # by replacing <range> with the following: «» / ... as «» / ... with «»
    (REPLACE_LINES, rf"{_BY}replacing\s+(?P<range>.+?)\s*,?\s+{_FOLLOWING}(?P<new>{_H})$"),
    # by deleting <range>
    (DELETE_LINES, rf"{_BY}deleting\s+(?P<range>(?:everything\s+from\s+|all\s+of\s+)?(?:lines?|page)\s.+)$"),
)

# Between instructions: `; and`, `;`, or an `and` on its own line (the passage's
# closing `";` is taken by the passage).
_SEPARATOR = r"\s*;?\s*(?:and\b)?\s*"
# What may open an instruction: a quoted passage that ends before one of these ends
# the instruction it belongs to.
OPENER = r"(?:on\s+(?:page|pages|line|lines)\b|in\s+line|by\s+(?:replacing|deleting|inserting)\b|(?:immediately\s+)?below\s+line\b|(?:immediately\s+)?(?:after|before)\s+(?:line|the\s+(?:period|comma|semicolon|colon))\b|page\s+\d|line\s+\d)"

# After the closing quote of a passage, by the passage's role (the word before its
# opening quote says which). Each pattern is tried at the character after the
# run of closing quotes; the closing quote of a passage is the first run of
# quotes followed by what its role allows, so the passage's own inner quotes
# (`"consumer price index-u" means`) stay inside it.
_CLOSE_OLD = r"\s+with\b"  # by replacing "X" with
_CLOSE_DELETED = rf"\s*(?:;\s*(?:and\b\s*)?(?:$|(?={OPENER}))|\.\s*$|$)"
_CLOSE_ANCHOR = rf"\s*(?:,\s*by\b|by\b|;|\.\s*$|,?\s*and\b|$)"
_CLOSE_NEW = (
    rf"\s*(?:[;.]?\s*(?:and\b\s*)?(?={OPENER})|;\s*(?:and\s*)?$|\.\s*$|,?\s*(?:immediately\s+)?(?:after|before)\s+(?=[\"“]|the\s+(?:period|comma|semicolon|colon)\b)|$)"
)

# The page-and-line patterns above, compiled at their first use (`when_used`): only reading an
# amendment's instructions (`statdiff.amend`) uses them, never the comparison of two versions.
LOCATION = when_used(_LOCATION, re.IGNORECASE)  # where an instruction points before its verb
RANGES = tuple(when_used(pattern, re.IGNORECASE) for pattern in _RANGES)  # the ranges named inside a verb phrase
FORMS = tuple((op, when_used(pattern, re.IGNORECASE)) for op, pattern in _FORMS)  # each form: (operation, pattern)
SEPARATOR = when_used(_SEPARATOR, re.IGNORECASE)
CLOSE_OLD = when_used(_CLOSE_OLD, re.IGNORECASE)
CLOSE_DELETED = when_used(_CLOSE_DELETED, re.IGNORECASE)
CLOSE_ANCHOR = when_used(_CLOSE_ANCHOR, re.IGNORECASE)
CLOSE_NEW = when_used(_CLOSE_NEW, re.IGNORECASE)


# What `the period` and its kin are, in the text of a line.
PUNCTUATION_MARKS = {"period": ".", "comma": ",", "semicolon": ";", "colon": ":", "question mark": "?"}
