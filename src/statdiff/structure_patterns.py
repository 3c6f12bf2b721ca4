"""The textual patterns of Illinois legislation that the tree builder looks for.

Every pattern is matched at the start of a word in the document's joined text
(words separated by single spaces), so each ends at a word boundary.
"""

from __future__ import annotations

import re

_END = r"(?=\s|$)"

# `(815 ILCS 530/10)`, `(815 ILCS 530/40 new)`, `(720 ILCS 5/1) (was 720 ILCS 350/1)`,
# optionally followed by `(from Ch. 121 1/2, par. 262Z)`: the citation line of a Section.
CITATION = re.compile(
    r"\((?P<title>\d+) ILCS (?P<act>\d+[A-Za-z]?)/(?P<number>[0-9][0-9A-Za-z.\-]*?)"
    r"(?: (?P<status>new|rep\.))?\)" + _END
)
CITATION_TAIL = re.compile(r"(?: \((?:from|was|new\)|rep\.\)|formerly)[^()]*(?:\([^()]*\)[^()]*)*\))*")
FROM_NOTE = re.compile(r"\(from (?P<from>[^()]*(?:\([^()]*\)[^()]*)*)\)")
WAS_NOTE = re.compile(r"\(was (?P<was>\d+ ILCS \d+[A-Za-z]?/[^)\s]+)\)")
# `(815 ILCS 530/) Personal Information Protection Act.`: the heading of a whole Act.
ACT_HEADING = re.compile(r"\((?P<title>\d+) ILCS (?P<act>\d+[A-Za-z]?)/\)" + _END)

# A space before a word that may open a unit: `(`, a quote, `Sec.`, `Section`, `ARTICLE`.
# The builder looks for boundaries only at such words and at line starts.
UNIT_START = re.compile(r" (?=[(\"“]|(?:Sec\.|Section|SECTION|ARTICLE|Article)(?: |$))")

SOURCE_OPEN = re.compile(r"\(Source:" + _END)
PUBLIC_ACT = re.compile(r"^(?:P\.\s?A\.\s?)?(?P<pa>\d{2,3}-\d{1,4})(?=[,.;\s)]|$)")

# Notes on which version of a Section the text is, or on its scheduled repeal.
VERSION = re.compile(
    r"\((?:Text of (?:Section|Article|Act|Sec\.|subsection|paragraph)"
    r"|Section scheduled to be repealed|Article scheduled to be repealed|Act scheduled to be repealed"
    r"|This (?:Section|Act|Article) may contain text"
    r"|Section (?:repealed|added|renumbered))"
    r"[^()]*(?:\([^()]*\)[^()]*)*\)" + _END
)

# An amendment that replaces a bill's text quotes it: `"Section 1. Short title.` opens with a quote.
SEC = re.compile(r"[\"“]?Sec\. (?P<number>[0-9][0-9A-Za-z.\-]*?)\." + _END)
SECTION = re.compile(r"[\"“]?(?:Section|SECTION) (?P<number>[0-9][0-9A-Za-z.\-]*?)\." + _END)
ARTICLE = re.compile(r"(?P<word>ARTICLE|Article) (?P<number>\d+[A-Za-z]?|[IVXLC]+)\.?" + _END)

# A definition opens a paragraph with its quoted term and a defining verb soon after.
DEFINITION = re.compile(
    r"[\"“]\s?(?P<term>[^\"“”]{1,200}?)\s?[\"”],?(?P<between>[^.;:]{0,160}?)\s"
    r"(?P<verb>means|mean|includes|include|does not include|do not include|shall mean|shall include"
    r"|has the meaning|have the meaning|has the same meaning|refers to|is defined|also includes)" + r"\b"
)

TERM_LEAD = re.compile(r"^(?:The|the) (?:term|terms|word|words|phrase) (?=[\"“])")

# `(a)`, `(b-5)`, `(1.5)`, `(A)`, `(iv)`: an enumerator, as a whole word.
ENUMERATOR = re.compile(r"\((?P<base>[a-z]{1,5}|[A-Z]{1,5}|\d{1,3})(?P<suffix>(?:[-.]\d{1,3})*)\)$")
# `(4)(i)`: a paragraph whose first item starts in the same word.
ENUMERATOR_CHAIN = re.compile(r"^(?:\((?:[a-z]{1,5}|[A-Z]{1,5}|\d{1,3})(?:[-.]\d{1,3})*\)){2,3}$")

# `Section 5. The Personal Information Protection Act is amended by changing Sections 5 and 10 as follows:`
AMENDATORY = re.compile(
    r"\b(?:is|are) (?:hereby )?(?:amended|repealed|renumbered)\b|\bis amended by\b|\bby (?:changing|adding|repealing) Sections?\b"
)
AMENDED_ACT = re.compile(
    r"^(?:The )?(?P<act>.+?)(?: \((?P<citation>\d+ ILCS \d+[A-Za-z]?)/?\))? (?:is|are) (?:hereby )?(?:amended|repealed)"
)
AMEND_CLAUSE = re.compile(
    r"\bby (?P<verb>changing|adding|repealing|renumbering|amending)(?: the headings? of)? (?P<what>Sections?|Articles?|Parts?) "
    r"(?P<list>.+?)(?=,? and by |,? and (?:changing|adding|repealing|renumbering) |\bas follows\b|[.:]\s*$|$)"
)
AMEND_NUMBER = re.compile(r"\b\d[0-9A-Za-z.\-]*[0-9A-Za-z]\b|\b\d\b")

# Words that continue a cross-reference: `(c) of Section 20`, `(a) through (d)`.
CONNECTORS = frozenset(
    "of and or to through in shall is are may as that under for by from with which has have must "
    "will does do was were be nor applies apply above below hereof thereof who whose".split()
)
# After `:` or `;` a list item may well open with `to`, `for`, `by`...: only these still continue.
LIST_CONNECTORS = frozenset(
    "of and or through shall is are may which has have must will does was were hereof thereof".split()
)

_ROMAN = re.compile(r"^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def roman_value(text: str) -> int | None:
    """The value of a lowercase roman numeral, None if `text` is not one."""
    if not text or not _ROMAN.match(text) or set(text) - set("ivxl"):
        return None
    total = 0
    for here, after in zip(text, text[1:] + " "):
        value = _ROMAN_VALUES[here]
        total += -value if after != " " and _ROMAN_VALUES[after] > value else value
    return total


def letter_value(text: str) -> int | None:
    """`a` is 1, `z` is 26, `aa` is 27 (Illinois doubles letters after z)."""
    if not text or len(text) > 2 or len(set(text)) != 1:
        return None
    return 26 * (len(text) - 1) + ord(text[0].lower()) - 96


def enumerator_readings(word: str) -> list[tuple[str, int, tuple[int, ...]]]:
    """Every (style, value, suffix) an enumerator word can be read as.

    `(i)` can be the letter after (h) or the first roman numeral; the caller
    decides from the sequence.
    """
    match = ENUMERATOR.match(word)
    if not match:
        return []
    base = match["base"]
    suffix = tuple(int(part) for part in re.findall(r"\d+", match["suffix"]))
    readings = []
    if base.isdigit():
        readings.append(("digit", int(base), suffix))
    elif base.islower():
        letter = letter_value(base)
        roman = roman_value(base)
        if letter is not None:
            readings.append(("lower", letter, suffix))
        if roman is not None:
            # `(ii)` is far more often a roman numeral than a doubled letter
            readings.insert(0 if len(base) > 1 else len(readings), ("roman", roman, suffix))
    else:
        letter = letter_value(base)
        roman = roman_value(base.lower())
        if letter is not None:
            readings.append(("upper", letter, suffix))
        if roman is not None and len(base) > 1:
            readings.append(("upper_roman", roman, suffix))
    return readings
