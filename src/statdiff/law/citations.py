"""The ILCS citation, as Illinois prints it.

* A Section's citation line: `(815 ILCS 530/10)`, `(815 ILCS 530/40 new)`,
  `(5 ILCS 80/4.27a rep.)`, followed by its notes `(from Ch. 121 1/2, par. 262Z)`,
  `(was 720 ILCS 350/1)` (some mirrors glue the note on: `(720 ILCS 5/1)(was ...)`).
* A heading's citation line: `(10 ILCS 5/Art. 1 heading)`, `(10 ILCS 5/Art. 19B heading new)`,
  `(30 ILCS 765/Act title)`.
* An Act's heading on an ILCS page: `(815 ILCS 530/) Personal Information Protection Act.`
* A bare reference in the text or on a page's navigation: `815 ILCS 530/10`, `815 ILCS 530/10(c)(3)`.

Numbers: chapter (title) 1-3 digits, Act 1-4 digits and maybe a letter, Section `10`,
`1-1`, `2A-1.2`, `5h.5`, `19B-5`. Mirrors print Unicode hyphens inside numbers (`50‑1`,
U+2011): they are read as `-` (`normal_number`), and the words keep them as printed.

A note that lacks its closing parenthesis (`(from Ch. 15 1/2, par. 22.` then `Sec. 22.`)
ends where the next unit begins (`Sec.`, another citation, a Source note) or after 200
characters; it never runs on into the next Section.
"""

from __future__ import annotations

import re

from statdiff.law import enumerators
from statdiff.law.compiling import when_used

# The word every ILCS citation prints between chapter and Act: `815 ILCS 530/10`.
ILCS = "ILCS"
# ASCII hyphen-minus, and the Unicode hyphens (U+2010-2013) printed for it.
HYPHENS = "-\u2010\u2011\u2012\u2013"
_TO_ASCII_HYPHEN = str.maketrans({character: "-" for character in HYPHENS[1:]})
# The same, to put inside a character class (the ASCII hyphen escaped).
HYPHENS_IN_CLASS = "\\" + HYPHENS

TITLE_TEXT = r"\d{1,3}"
ACT_TEXT = r"\d{1,4}[A-Za-z]?"
# A Section number inside a citation, up to what closes it (`)`, ` new)`): lazy and bounded.
SECTION_NUMBER_TEXT = rf"\d[0-9A-Za-z.{HYPHENS_IN_CLASS}]{{0,24}}?"
# A Section number in running text: it ends with a letter or digit (`530/10.` ends at `10`).
REFERENCED_NUMBER_TEXT = rf"\d(?:[0-9A-Za-z.{HYPHENS_IN_CLASS}]{{0,24}}[0-9A-Za-z])?"
STATUS_TEXT = r"new|rep\."
# After a citation's closing parenthesis: a space, the end, or a glued note `(was`.
_CLOSED = r"(?=\s|$|\()"

SECTION_CITATION_TEXT = (
    rf"\((?P<title>{TITLE_TEXT}) ILCS (?P<act>{ACT_TEXT})/(?P<number>{SECTION_NUMBER_TEXT})"
    rf"(?: (?P<status>{STATUS_TEXT}))?\)"
)
SECTION_CITATION = re.compile(SECTION_CITATION_TEXT + _CLOSED)

# `(10 ILCS 5/Art. 1 heading)`, `(20 ILCS 3501/Art. 850 heading new)`, `(30 ILCS 765/Act title)`.
HEADING_CITATION_TEXT = (
    rf"\((?P<title>{TITLE_TEXT}) ILCS (?P<act>{ACT_TEXT})/"
    r"(?:Art\. (?P<article>[0-9A-Za-z]{1,6}[0-9A-Za-z.\-]{0,6}?)(?: Pt\. (?P<part>[0-9A-Za-z.\-]{1,8}?))? heading"
    r"|Act (?:title|heading))"
    rf"(?: (?P<status>{STATUS_TEXT}))?\)"
)
HEADING_CITATION = when_used(HEADING_CITATION_TEXT + _CLOSED)

# Either citation line, without its groups: where a flattened text is cut.
ANY_CITATION_TEXT = (
    rf"\({TITLE_TEXT} ILCS {ACT_TEXT}/(?:{SECTION_NUMBER_TEXT}(?: (?:{STATUS_TEXT}))?"
    r"|Art\. [0-9A-Za-z.\-]{1,12}?(?: Pt\. [0-9A-Za-z.\-]{1,8}?)? heading(?: new| rep\.)?|Act (?:title|heading))\)"
)

# The Illinois Constitution's citation line, as a constitutional amendment resolution (HJRCA,
# SJRCA) prints it above the Section it restates: `(ILCON Art. IV, Sec. 8)`, `(ILCON Art. IV,
# Sec. 8.5 new)`. The Article is a Roman numeral; the Section a number (`8.5`).
CONSTITUTION = "ILCON"
CONSTITUTION_CITATION = when_used(
    rf"\({CONSTITUTION} Art\. (?P<article>[IVXLC]{{1,8}}), Sec\. (?P<number>\d{{1,3}}(?:\.\d{{1,2}})?)"
    rf"(?: (?P<status>{STATUS_TEXT}))?\)" + _CLOSED
)


def constitution_article(article: str) -> str:
    """`ILCON Art. IV`: the Article a Constitution citation names, as its Sections' "Act"."""
    return f"{CONSTITUTION} Art. {article}"


def constitution_citation(article: str, number: str) -> str:
    """`ILCON Art. IV, Sec. 8`, as the Constitution's citation prints it."""
    return f"{constitution_article(article)}, Sec. {number}"


# `(815 ILCS 530/)`: the heading of a whole Act.
ACT_HEADING_TEXT = rf"\((?P<title>{TITLE_TEXT}) ILCS (?P<act>{ACT_TEXT})/\)"
ACT_HEADING = when_used(ACT_HEADING_TEXT + r"(?=\s|$)")

# The notes printed after a citation. The body is bounded; a missing `)` ends the note
# before the next unit or at the end of the text.
_NOTE_BODY = r"[^()]{0,200}?(?:\([^()]{0,40}\)[^()]{0,200}?){0,4}"
_NOTE_UNCLOSED_END = rf"(?=\s?(?:Sec\.|Section \d|\({TITLE_TEXT} ILCS |\(Source:)|\s?$)"
CITATION_NOTE_TEXT = rf"\((?:from|was|formerly) {_NOTE_BODY}(?:\)|{_NOTE_UNCLOSED_END})|\((?:new|rep\.)\)"
# The notes following a citation (zero to four), each after a space or glued on.
CITATION_NOTES = when_used(rf"(?: ?(?:{CITATION_NOTE_TEXT})){{0,4}}")
FROM_NOTE = when_used(rf"\(from (?P<from>{_NOTE_BODY})(?:\)|{_NOTE_UNCLOSED_END})")
WAS_NOTE = when_used(
    rf"\(was (?P<was>{TITLE_TEXT} ILCS {ACT_TEXT}/{REFERENCED_NUMBER_TEXT})\)"
)

# A bare reference in running text, to compose (no groups): `815 ILCS 530/10`, `815 ILCS 530/`
# (the whole Act), `815 ILCS 530/10(c)(3)` (with the subdivisions it names).
REFERENCE_TEXT = rf"{TITLE_TEXT} ILCS {ACT_TEXT}/(?:{REFERENCED_NUMBER_TEXT})?{enumerators.SUBDIVISIONS_TEXT}"
REFERENCE = when_used(rf"\b{REFERENCE_TEXT}")
# The Act and Section of a reference, as one diff token keeps them: `530/10`, `5/2A-1.2`.
ACT_AND_SECTION_TEXT = rf"{ACT_TEXT}/(?:{REFERENCED_NUMBER_TEXT})?"
# A page's navigation line: the bare reference and nothing else (`815 ILCS 530/10`, and a whole
# Act's `20 ILCS 1370/Art. 1` or `10 ILCS 5/Art. 7 Pt. 2` above an Article's heading).
NAVIGATION_LINE = when_used(
    rf"{TITLE_TEXT} ILCS {ACT_TEXT}/(?:{REFERENCED_NUMBER_TEXT}|Art\. [0-9A-Za-z.\-]{{1,12}}?(?: Pt\. [0-9A-Za-z.\-]{{1,8}})?)?"
)
# The Act a citation names, as `815 ILCS 530` (group 1 chapter, group 2 Act).
ACT_OF_CITATION = when_used(rf"\(({TITLE_TEXT}) ILCS ({ACT_TEXT})/")


def normal_number(text: str) -> str:
    """A number as ASCII: the Unicode hyphens mirrors print become `-`."""
    return text.translate(_TO_ASCII_HYPHEN)


def act_name(title: str, act: str) -> str:
    """`815 ILCS 530`."""
    return f"{title} ILCS {act}"
