"""Words that stand for one another: what a bill may strike and print the replacement of.

An amendatory Section is restated whole, the struck words kept in the printing; a plain
printing (text, pipes, PDF text) loses the strike, so a struck run and the run replacing it
stand side by side as ordinary words: `within 30 45 days`, `$5,000 $10,000`, `July 1, 2022
2021`, `may must`, `any each`, `these Acts are Act is repealed`. These are the kinds of run a
reader (and statdiff) can tell stand for one another:

* token classes: `NUMBER` (`30`, `1,500,000`, `thirty`, `forty-five (45)`), `AMOUNT`
  (`$5,000`, `$2 million`), `PERCENTAGE` (`10%`, `5 percent`), `YEAR` (`2022`), `DATE`
  (`July 1, 2022`, `1-1-06`), `SECTION_NUMBER` (`5-10`, `2A-1.2`, `815 ILCS 530/10`),
  `MODAL` (`may`, `shall`, `must`, `shall not`), `QUANTIFIER` (`any`, `each`, `all`, `every`,
  `no`): two runs of one class (an amount and a bare number alike: `$1,200,000 1,500,000`
  strikes the number and keeps the dollar sign);
* grammatical variants: the same words in another number or tense (`Acts are` / `Act is`,
  `has` / `have`, `person` / `persons`).

Runs are given as diff tokens' texts (`statdiff.compare.tokens`: punctuation split off, an
amount, an ILCS reference and an enumerator one token each): `["July", "1", ",", "2022"]`.
`one` is a number only: `any one`, `no one`, `each one` are phrases, never struck and new.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from statdiff.law.compiling import when_used

NUMBER, AMOUNT, PERCENTAGE, YEAR, DATE, SECTION_NUMBER, MODAL, QUANTIFIER = (
    "number", "amount", "percentage", "year", "date", "section number", "modal", "quantifier",
)
CLASSES = (NUMBER, AMOUNT, PERCENTAGE, YEAR, DATE, SECTION_NUMBER, MODAL, QUANTIFIER)
VARIANT = "variant"  # grammatical variants: another number or tense of the same words

_UNITS = r"one|two|three|four|five|six|seven|eight|nine"
_TEENS = r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SPELLED_WORD = rf"(?:(?:{_TENS})(?:-(?:{_UNITS}))?|{_TEENS}|{_UNITS}|hundred|thousand|million|billion)"
SPELLED_NUMBER_TEXT = rf"{_SPELLED_WORD}(?: (?:and )?{_SPELLED_WORD}){{0,3}}"
DIGITS_TEXT = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SCALE = r"(?: (?:thousand|million|billion))?"
MONTH_TEXT = r"January|February|March|April|May|June|July|August|September|October|November|December"
YEAR_TEXT = r"(?:1[6-9]|20)\d\d"
# An ILCS reference as the diff tokenizer keeps it whole (`815 ILCS 530/10`), or a
# Section's number (`5-10`, `2A-1.2`, `22.57`: a number with parts).
_SECTION_TEXT = r"\d{1,3} ILCS \d{1,4}[A-Za-z]?/[\w.\-]*|\d{1,4}[A-Za-z]{0,2}(?:[-.]\d{1,4}[A-Za-z]{0,2}){1,3}"


# Each class as a pattern on a run's token texts joined by single spaces (compiled at their
# first use: only a plain printing's struck words and `statdiff parse` class runs).
_RUN_PATTERNS = {
    NUMBER: when_used(
        rf"{DIGITS_TEXT}|{SPELLED_NUMBER_TEXT}(?: \(\d+\))?|\d+ \((?:{SPELLED_NUMBER_TEXT})\)", re.IGNORECASE
    ),
    AMOUNT: when_used(rf"\$ ?{DIGITS_TEXT}{_SCALE}", re.IGNORECASE),
    PERCENTAGE: when_used(rf"{DIGITS_TEXT} ?%|(?:{DIGITS_TEXT}|{SPELLED_NUMBER_TEXT}) percent(?: \({DIGITS_TEXT}%\))?",
                          re.IGNORECASE),
    YEAR: when_used(YEAR_TEXT),
    DATE: when_used(rf"(?:{MONTH_TEXT}) \d{{1,2}}(?: , {YEAR_TEXT})?|\d{{1,2}}[-/]\d{{1,2}}[-/](?:\d{{4}}|\d{{2}})"),
    SECTION_NUMBER: when_used(_SECTION_TEXT),
    MODAL: when_used(r"(?:may|shall|must|will|should)(?: not)?"),
    QUANTIFIER: when_used(r"any|each|every|all|some|no|either", re.IGNORECASE),
}


# Classes one of whose runs may stand for a run of the other: a struck amount's dollar sign
# is often left unstruck (`$1,200,000 1,500,000`), and a year is a number.
_AKIN = (frozenset({AMOUNT, NUMBER}), frozenset({YEAR, NUMBER}))
# Which shared class names a pair: the most particular first.
_PREFERENCE = (DATE, YEAR, AMOUNT, PERCENTAGE, SECTION_NUMBER, MODAL, QUANTIFIER, NUMBER)

MAX_RUN = 6  # tokens: the longest run of a class (`forty-five (45)`, `July 1, 2022`)


def classes_of(texts: Sequence[str]) -> frozenset[str]:
    """Every class the whole run belongs to (`["2022"]`: year and number)."""
    if not texts or len(texts) > MAX_RUN:
        return frozenset()
    return _classes(" ".join(texts))


@lru_cache(maxsize=1 << 16)
def _classes(joined: str) -> frozenset[str]:
    """(A text's runs are looked at many times over, each run inside several wider ones.)"""
    return frozenset(name for name, pattern in _RUN_PATTERNS.items() if pattern.fullmatch(joined))


def same_kind(first: Sequence[str], second: Sequence[str]) -> str | None:
    """The class two runs share (or akin classes: an amount and a number), None if none.
    The more particular class is named first: `2022` and `2021` are years."""
    ours, theirs = classes_of(first), classes_of(second)
    for name in _PREFERENCE:
        if name in ours and name in theirs:
            return name
    for akin in _AKIN:
        if ours & akin and theirs & akin and (ours | theirs) >= akin:
            return NUMBER
    return None


# The forms of one verb or pronoun: `is` and `are` stand for one another.
# (`has had`, `have had` are the perfect tense, never struck and new: `had` is in none.)
_FORMS = tuple(frozenset(group.split()) for group in (
    "is are was were", "has have", "does do", "this these", "that those", "it they", "its their",
    "becomes become became", "includes include included", "means mean meant",
))
# Verb forms that alone tell: `is are`, `has have` side by side are never a phrase.
VERB_FORMS = frozenset({"is", "are", "was", "were", "has", "have", "does", "do"})
# Forms that alone tell nothing (`that those persons` is a phrase): only beside another variant.
_WEAK_FORMS = frozenset({"this", "these", "that", "those", "it", "they", "its", "their"})
_SUFFIXES = ("s", "es", "ed", "d", "ing")
_MIN_STEM = 3


def word_variants(first: str, second: str) -> bool:
    """Two words that are forms of one word in another number or tense (`Act`/`Acts`,
    `is`/`are`, `provide`/`provided`, `agency`/`agencies`); a word is not its own variant."""
    one, other = first.lower(), second.lower()
    if one == other or not one.isalpha() or not other.isalpha():
        return False
    if any(one in forms and other in forms for forms in _FORMS):
        return True
    short, long = sorted((one, other), key=len)
    if len(short) < _MIN_STEM:
        return False
    if long.startswith(short) and long[len(short):] in _SUFFIXES:
        return True
    if short.endswith("y") and long == short[:-1] + "ies":
        return True
    return short.endswith("e") and long in (short + "d", short[:-1] + "ing")


def grammatical_variants(first: Sequence[str], second: Sequence[str], every_word: bool = False) -> bool:
    """Two runs of the same length, word for word alike or variants, with at least one
    variant that tells (`Acts are` / `Act is`, `has` / `have`; not `that` / `those` alone).
    `every_word`: no word alike, each a variant (`Acts are` / `Act is`; not `amendment or` /
    `amendments or`, which is a phrase)."""
    if not first or len(first) != len(second):
        return False
    telling = False
    for one, other in zip(first, second):
        if one.lower() == other.lower():
            if every_word:
                return False
            continue
        if not word_variants(one, other):
            return False
        telling = telling or one.lower() not in _WEAK_FORMS
    return telling


# Words an insertion opens with when it adds to the text rather than stands for the words
# before it: conjunctions, prepositions, relative words.
EXTENDERS = frozenset("""
or and nor but of in on at to for from by with within without including include includes
except unless if when where which who whom whose that than as after before during under upon
between among through into until provided notwithstanding pursuant other also
""".split())
