"""Enumerators: `(a)`, `(b-5)`, `(1)`, `(1.5)`, `(A)`, `(iv)`, `(IV)`; chains in one word
`(4)(i)`; and the numbered paragraphs of whole Acts, `1.`, `2.` at a line start.

One set of limits for every use: a base of 1-5 lowercase letters (`a`, `aa`, `xviii`), 1-5
capitals, or 1-3 digits, then up to three `-N` / `.N` parts of 1-3 digits (`(b-5)`,
`(1.5)`, `(c-10.5)`).

Illinois nests subsections `(a)`, paragraphs `(1)`, subparagraphs `(A)`, items `(i)`; `(i)`
is both the letter after (h) and the first roman numeral, and the sequence decides
(`readings` gives every reading).
"""

from __future__ import annotations

import re

from statdiff.law.compiling import when_used

BASE_TEXT = r"[a-z]{1,5}|[A-Z]{1,5}|\d{1,3}"
SUFFIX_TEXT = r"(?:[-.]\d{1,3}){0,3}"
# One enumerator, as pattern text to compose: `(b-5)`.
TEXT = rf"\((?:{BASE_TEXT}){SUFFIX_TEXT}\)"
# A whole word that is one enumerator (groups: base, suffix).
ENUMERATOR = when_used(rf"\((?P<base>{BASE_TEXT})(?P<suffix>{SUFFIX_TEXT})\)")
# `(4)(i)`: two or three enumerators in one word (a paragraph and its first item).
CHAIN = when_used(rf"(?:{TEXT}){{2,3}}")
# The subdivisions a reference names after its Section: `(c)(3)(i)` (none to six).
SUBDIVISIONS_TEXT = rf"(?:{TEXT}){{0,6}}"
# A whole Act's numbered paragraph at a line start: `1.` (group: the number).
DOTTED = when_used(r"(\d{1,3})\.")

_ROMAN = when_used(r"^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
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


def readings(word: str) -> list[tuple[str, int, tuple[int, ...]]]:
    """Every (style, value, suffix) an enumerator word can be read as; [] if it is none.

    Styles: `lower` (a), `digit` (1), `upper` (A), `roman` (i), `upper_roman` (IV).
    `(ii)` is far more often a roman numeral than a doubled letter: that reading comes first.
    """
    match = ENUMERATOR.fullmatch(word)
    if not match:
        return []
    base = match["base"]
    suffix = tuple(int(part) for part in re.findall(r"\d+", match["suffix"]))
    found: list[tuple[str, int, tuple[int, ...]]] = []
    if base.isdigit():
        found.append(("digit", int(base), suffix))
    elif base.islower():
        letter = letter_value(base)
        roman = roman_value(base)
        if letter is not None:
            found.append(("lower", letter, suffix))
        if roman is not None:
            found.insert(0 if len(base) > 1 else len(found), ("roman", roman, suffix))
    else:
        letter = letter_value(base)
        roman = roman_value(base.lower())
        if letter is not None:
            found.append(("upper", letter, suffix))
        if roman is not None and len(base) > 1:
            found.append(("upper_roman", roman, suffix))
    return found


def chain_parts(word: str) -> list[str]:
    """`(4)(i)` -> `["(4)", "(i)"]`; a word that is no chain -> []."""
    if not CHAIN.fullmatch(word):
        return []
    return ["(" + part for part in word.split("(")[1:]]
