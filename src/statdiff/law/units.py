"""The printed units of a statute or bill, as each opens.

* `Sec. 10. Notice of breach.`: a codified Section (restated in a bill, or on an ILCS page);
  `Section 5. The ... Act is amended ...`: a bill section, or an Act's own section;
  an amendment that replaces a bill's text quotes it: `"Section 1. Short title.`.
* `ARTICLE 1. GENERAL PROVISIONS`, `Article 5.`: an Article.
* `(Source: P.A. 94-36, eff. 1-1-06.)`: the history note that closes a Section.
* Version notes: `(Text of Section before amendment by P.A. 103-210)`,
  `(Section scheduled to be repealed on July 1, 2025)`, `(Text of Section WITH the
  changes made by P.A. 89-719, which has been held unconstitutional)`.
* The enacting clause `Be it enacted by the People of the State of Illinois`.

Patterns match at the start of a word in text whose words are separated by single spaces,
so each ends at a word boundary (`END`).
"""

from __future__ import annotations

import re

from statdiff.law.citations import HYPHENS_IN_CLASS
from statdiff.law.compiling import when_used

END = r"(?=\s|$)"
# A number after `Sec.` / `Section`: up to the period that ends it (`Sec. 5h.5.`, `Sec. 2A-1.2.`).
_NUMBER = rf"[0-9][0-9A-Za-z.{HYPHENS_IN_CLASS}]{{0,24}}?"

SEC = re.compile(rf"[\"“]?Sec\. (?P<number>{_NUMBER})\.{END}")
SEC_TEXT = rf"Sec\. \d[\w.{HYPHENS_IN_CLASS}]{{0,24}}?\."
SECTION = when_used(rf"[\"“]?(?:Section|SECTION) (?P<number>{_NUMBER})\.{END}")
SECTION_TEXT = rf"Section \d{{1,4}}(?:-\d{{1,4}})?\."
ARTICLE = when_used(r"[\"“]?(?P<word>ARTICLE|Article) (?P<number>\d{1,4}[A-Za-z]{0,2}|[IVXLC]{1,8})\.?" + END)
ARTICLE_TEXT = r"ARTICLE \d{1,4}[A-Za-z]{0,2}\."

# A space before a word that may open a unit: `(`, a quote, `Sec.`, `Section`, `ARTICLE`.
# The tree builder looks for unit starts only at such words and at line starts.
UNIT_START = when_used(r" (?=[(\"“]|(?:Sec\.|Section|SECTION|ARTICLE|Article)(?: |$))")

SOURCE_OPEN = re.compile(r"\(Source:" + END)
SOURCE_OPEN_TEXT = r"\(Source: "
# A Source note runs to its closing parenthesis, found within this many characters.
SOURCE_REACH = 1500

# How a version note opens: the cue a reader cuts a flattened text before.
VERSION_OPENING_TEXT = (
    r"\((?:Text of (?:Section|Article|Act|Sec\.|subsection|paragraph)"
    r"|(?:Section|Article|Act) scheduled to be repealed|This (?:Section|Act|Article) may contain text"
    r"|Section (?:repealed|added|renumbered))"
)
# The whole note: bounded, one level of nested parentheses.
VERSION = when_used(
    VERSION_OPENING_TEXT + r"[^()]{0,300}(?:\([^()]{0,60}\)[^()]{0,300}){0,3}\)" + END
)

# What a repealed (or emptied) Section prints after `Sec. N.`: `(Repealed).`, `(Blank).`
PLACEHOLDER = re.compile(r"\((?P<what>Repealed|Blank)\)\.?" + END)

ENACTING_CLAUSE_TEXT = r"Be it enacted by the People"
# The whole enacting clause, however it is spaced: a bill's text (and an amendment's
# `everything after the enacting clause`) starts after it.
ENACTING_CLAUSE = when_used(
    r"\s+".join(ENACTING_CLAUSE_TEXT.split())
    + r"\s+of\s+the\s+State\s+of\s+Illinois\s*,\s*represented\s+in\s+the\s+General\s+Assembly\s*:",
    re.IGNORECASE,
)
# How a bill's title opens: `AN ACT concerning consumer fraud.`
BILL_TITLE = "AN ACT"
# Words that open a bill's front matter (its own paragraphs, whatever the indentation).
FRONT_MATTER = (BILL_TITLE, "Be it enacted", "AMENDMENT NO", "Amend ", "AMENDMENT TO")
# A constitutional amendment's `SCHEDULE` (`SCHEDULE` / `This Constitutional Amendment takes effect
# upon being declared adopted ...`): the resolution's own provision, after the Constitution's
# Sections it restates, never a part of the last of them.
SCHEDULE = "SCHEDULE"
# How a resolution's clauses open (`WHEREAS, The members ...; and`, `RESOLVED, BY THE HOUSE ...;
# and be it further`, `RESOLVED, That a copy ...`, `BE IT FURTHER RESOLVED, That ...`): each is a
# paragraph of its own, though the clause before it ends in `and`, `be it`, `be it further`.
RESOLUTION_CLAUSE = when_used(r"(?:WHEREAS|RESOLVED|(?:NOW, THEREFORE, )?BE IT (?:FURTHER )?RESOLVED)\b,?")
# The last word of an appropriation's line item or total (`... 792,900`, `Total $12,697,400`): an
# appropriation Section ends so, with no stop, before the next `Section 10.`.
AMOUNT = when_used(r"\$?\d{1,3}(?:,\d{3})+|\$\d+")
# Phrases only legislation prints.
LEGISLATIVE_PHRASES = (
    "Be it enacted", BILL_TITLE, "Amend House Bill", "Amend Senate Bill", "AMENDMENT NO.",
    "This Act may be cited as",  # the short title every Illinois Act opens with
)
# The short title: `This Act may be cited as the Election Code.`, `This Act shall be known and
# may be cited as the "Airport Zoning Act".`: the Act's name, without its quotes.
SHORT_TITLE = when_used(
    r"\bThis (?:Act|Code|Law)\b[^.]{0,40}? may be cited as (?:the )?[\"“]*(?P<name>[^\"“”.;]{3,160}?)[\"”]*\s*[.;]"
)
# Bill sections that are not amendatory and belong to the bill, not to an Act.
BILL_SECTION_HEADINGS = ("Effective date", "No acceleration", "No revival")
# Abbreviations that end in a period without ending a heading (`Sec. 3. Ch. 15 ...`).
ABBREVIATIONS = frozenset({"Ch.", "No.", "Nos.", "U.S.", "Inc.", "St.", "v.", "Sec.", "Art.", "Mr.", "Ms.", "Dr."})
