"""Definitions: a paragraph that opens with its quoted term and a defining verb soon after:
`"Personal information" means ...`, `"Sale" ... does not include ...`,
`"Data collector" may include ...` is not one (no defining verb), and
`The term "person" includes ...` is one (the lead-in names the term).
"""

from __future__ import annotations

import re

from statdiff.law.compiling import when_used

VERBS = (
    "means", "mean", "includes", "include", "does not include", "do not include", "shall mean",
    "shall include", "has the meaning", "have the meaning", "has the same meaning", "refers to",
    "is defined", "also includes",
)
VERBS_TEXT = "|".join(sorted((re.escape(verb) for verb in VERBS), key=len, reverse=True))

# `"Term" means`: the quoted term (at most 200 characters), up to 160 characters of words
# that are not a sentence end (`, as used in this Act,`), then the verb.
DEFINITION = re.compile(
    r"[\"“]\s?(?P<term>[^\"“”]{1,200}?)\s?[\"”],?(?P<between>[^.;:]{0,160}?)\s"
    rf"(?P<verb>{VERBS_TEXT})\b"
)
# The opening of a definition as a reader cuts a flattened text before it: `"Term" means`.
CUE_TEXT = rf"\"[^\"]{{1,80}}\" (?:{VERBS_TEXT})\b"
# `The term "person"`: a lead-in before the quoted term.
TERM_LEAD = when_used(r"^(?:The|the) (?:term|terms|word|words|phrase) (?=[\"“])")
# A defined term is a name, not a sentence: at most this many words.
TERM_MAX_WORDS = 16


def term_of(text: str) -> str | None:
    """The term a text opens by defining (after an optional lead-in), or None."""
    match = DEFINITION.match(TERM_LEAD.sub("", text, count=1))
    if not match:
        return None
    term = " ".join(match["term"].split())
    if len(term.split()) > TERM_MAX_WORDS or any(mark in term for mark in (". ", ": ", "; ")):
        return None  # a quoted passage (`"Section 1. Short title. ...`), not a defined term
    return term
