"""What the opening words of a document's paragraph name (`statdiff.structure.clauses`): a
clause's heading (`Fees and Payment`, `Invoicing.` before its text), whether words after a
clause keyword open a heading or make a reference (`Section 3.1 of this Agreement`), and the
term a paragraph defines (`"Confidential Information" means`) or a definition list names.
"""

from __future__ import annotations

import re

from statdiff.law.definitions import DEFINITION, TERM_LEAD
from statdiff.structure.lines import EMPHASIS, HEADING_MAX_WORDS, unwrap

HEADING_SENTENCE_WORDS = 8  # a heading sentence before the text of a clause (`Invoicing.`)
DEFINED_TERM_MAX_WORDS = 16
_DASHES = ("-", "–", "—", ":", ".")


def opens_heading(close: str, rest: str) -> bool:
    """`Schedule 2`, `Schedule 2.`, `Schedule 2 - Fees`, `Schedule 2 Fees`: a heading;
    `Section 3.1 of this Agreement`: a reference."""
    if close or not rest:
        return True
    head = rest[0]
    return rest.startswith(_DASHES) or head.isupper() or head.isdigit() or head in "\"“('*_"


def heading_after(rest: str) -> str | None:
    """The heading after a clause number: the rest when it is a short title (`DEFINITIONS`,
    `Fees and Payment`), else its first sentence when that is one (`Invoicing. The Supplier ...`)."""
    rest = unwrap(rest.lstrip("-–—:. "))
    words = rest.split()
    if not words:
        return None
    if len(words) <= HEADING_MAX_WORDS and is_title(words) and not rest.endswith((",", ";")):
        return rest
    for index, word in enumerate(words[:HEADING_SENTENCE_WORDS]):
        if word.rstrip(EMPHASIS).endswith(".") and is_title(words[: index + 1]):
            return _EMPHASIS_MARKS.sub("", " ".join(words[: index + 1]))  # `**Definitions.** As ...`: `Definitions.`
    return None


_EMPHASIS_MARKS = re.compile(rf"(?<!\w)[{EMPHASIS}]+|[{EMPHASIS}]+(?!\w)")  # at a word's edge


def heading_alone(rest: str) -> bool:
    """The rest of the line is a heading and nothing more."""
    heading = heading_after(rest)
    return heading is not None and heading == unwrap(rest.lstrip("-–—:. "))


def is_title(words: list[str]) -> bool:
    """Every word of four letters or more is capitalised (`Fees and Payment.`)."""
    long = [word.strip("\"“”.,:;()*_") for word in words]
    return all(word[:1].isupper() or word[:1].isdigit() for word in long if len(word) >= 4) and bool(words) and (
        words[0].strip("\"“(*_")[:1].isupper())


def term_printed(text: str) -> str | None:
    """The term a definition list names (`Accuracy:`, `**Account**`, `“Content”`): its text
    without emphasis, quotation marks or a closing colon; None for none."""
    term = unwrap(text).rstrip(":").strip().strip("\"“”").strip()
    return " ".join(term.split()) or None


def defined_term(text: str) -> str | None:
    """`"Confidential Information" means ...`: the term (leading emphasis and `The term` ignored)."""
    text = TERM_LEAD.sub("", text.lstrip(EMPHASIS), count=1)
    match = DEFINITION.match(text)
    if match is None:
        return None
    term = " ".join(unwrap(match["term"]).split())
    if not term or len(term.split()) > DEFINED_TERM_MAX_WORDS or any(mark in term for mark in (". ", ": ", "; ")):
        return None
    return term
