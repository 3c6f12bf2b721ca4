"""Amendatory bills printed as ilga.gov's plain text prints them, built from real Sections of
ILCS chapter 620 (tests/test_plain_printings.py, bench/plain_printings.py).

A bill is a list of paragraphs written with inline marks, `[-struck-]` and `[+new+]`:
`printed_lines` prints it in the 95th GA's form (`1 NBSPx4AN ACT`) or the 97th GA's glued
form (`3represented`), 25 numbered lines a page under a running header, the struck words
left in as the printing leaves them; its lines, as (text, mark) runs, are also what
`html_pages.make_pages` turns into a page with `<s>` / `<u>` markup. `intended` is the text
the bill means (struck words out, new words in). `generated_bills` seeds edits of the kinds
the printing hides (a number, an amount, a modal, a quantifier replaced) and true insertions
into real Sections, with the truth of each.
"""

from __future__ import annotations

import random
import re
import textwrap
from dataclasses import dataclass, field

from batch_pairs import chapter_sections
from statdiff.model import rebuild

NBSP4 = "\u00a0" * 4
LINES_A_PAGE = 25
MARK = re.compile(r"\[([-+])(.*?)\1\]")
Runs = list[tuple[str, "str | None"]]  # (text, mark): `d` struck, `i` underlined, None plain

# The Acts of the chapter in its order (`chapter_sections()`), as a bill names them.
ACT_NAMES = ["Illinois Aeronautics Act", "Military Emergency Aircraft Restriction Act",
             "Aircraft Landing and Taking Off Restriction Act", "Joint Airports Act", "Airport Zoning Act",
             "Zoning to Eliminate Airport Hazards Act", "Permanent Noise Monitoring Act",
             "General County Airport and Landing Field Act", "County Airport Law of 1943", "County Airports Act"]
_SECTION = re.compile(r"(\(620 ILCS [^)]*\)(?: \(from [^)]*\))?) (.*) (\(Source: .*\))$")


@dataclass
class Truth:
    """What a bill changes: (citation, struck, new) for each struck-and-new pair, and
    (citation, inserted) for each true insertion."""

    pairs: list[tuple[str, str, str]] = field(default_factory=list)
    insertions: list[tuple[str, str]] = field(default_factory=list)


def marked_words(text: str) -> Runs:
    """The words of a paragraph written with inline marks, each with its mark."""
    words: Runs = []
    position = 0
    for match in MARK.finditer(text):
        words += [(word, None) for word in text[position:match.start()].split()]
        words += [(word, "d" if match.group(1) == "-" else "i") for word in match.group(2).split()]
        position = match.end()
    return words + [(word, None) for word in text[position:].split()]


def intended(text: str) -> str:
    """The text as the bill means it: struck words out, new words in."""
    return " ".join(MARK.sub(lambda match: match.group(2) if match.group(1) == "+" else "", text).split())


def bill_paragraphs(sections: list[tuple[int, str]]) -> list[tuple[str, bool]]:
    """(paragraph, indented) of a bill restating `sections`: (Act index, the Section's text
    written with inline marks), one bill Section for each."""
    paragraphs = [("AN ACT concerning transportation.", True),
                  ("Be it enacted by the People of the State of Illinois, represented in the General Assembly:", True)]
    for number, (act, text) in enumerate(sections, start=1):
        heading, body, source = _SECTION.match(text).groups()
        section_number = heading.split("/", 1)[1].split(")", 1)[0]
        paragraphs += [(f"Section {5 * number}. The {ACT_NAMES[act]} is amended by changing Section "
                        f"{section_number} as follows:", True), (heading, True), (body, True), (source, False)]
    return paragraphs


def printed_lines(paragraphs: list[tuple[str, bool]], form: str) -> list[Runs]:
    """The printed lines as runs: a running header on each page, 25 numbered lines a page
    (`95`: number, space, text; `97`: the number glued to the text)."""
    lines: list[Runs] = []
    for paragraph, indent in paragraphs:
        words = marked_words(paragraph)
        start = 0
        for line in textwrap.wrap(" ".join(word for word, _ in words), 62):
            count = len(line.split())
            runs: Runs = [(NBSP4, None)] if start == 0 and indent else []
            for number, (word, mark) in enumerate(words[start:start + count]):
                runs += ([(" ", None)] if number else []) + [(word, mark)]
            lines.append(runs)
            start += count
    lrb = f"LRB0{form} 01234 ABC 01234 b"
    header = " - {page} - " if form == "95" else "- {page} -"
    printed: list[Runs] = [[(f"HB4321 {lrb}", None)], []]
    for index, runs in enumerate(lines):
        number = index % LINES_A_PAGE + 1
        if index and number == 1:
            printed += [[], [(f"HB4321{header.format(page=index // LINES_A_PAGE + 1)}{lrb}", None)], []]
        printed.append([(f"{number} " if form == "95" else f"{number}", None)] + runs)
    return printed


def plain_text(paragraphs: list[tuple[str, bool]], form: str) -> str:
    """The bill as a plain-text page prints it: every word, struck or not, unmarked."""
    return "\n".join("".join(text for text, _ in runs) for runs in printed_lines(paragraphs, form)) + "\n"


def the_new_text(comparison, path: str) -> str:
    """A Section's NEW text as a comparison reads it: each node's NEW words without the
    struck words a recovered replacement's printing holds."""
    section = next(section for section in comparison.sections if section.path == path)
    return " ".join(rebuild([token for segment in node.segments for token in segment.new])
                    for node in section.nodes if node.new is not None)


# ---------------------------------------------------------------- generated bills

NUMBER = re.compile(r"^\d{1,3}$")
AMOUNT = re.compile(r"^\$[\d,]+(\.\d\d)?$")
MODALS = ("may", "shall", "must")
QUANTIFIERS = ("any", "each", "all", "every")
PHRASES = ("promptly and in writing", "or its designee", "at no charge to the applicant")
MIN_WORDS, MAX_WORDS = 50, 400  # a Section with room for edits, and not the longest


def _replacement(word: str, rng: random.Random) -> str | None:
    """Another word of the same kind (number, amount, modal, quantifier), None otherwise."""
    if NUMBER.match(word):
        return str(int(word) + rng.choice([1, 5, 10, 15, 30]))
    if AMOUNT.match(word):
        return f"${int(re.sub(r'[^0-9]', '', word.split('.')[0]) or 1) * rng.choice([2, 3, 5]):,}"
    if word in MODALS:
        return rng.choice([modal for modal in MODALS if modal != word])
    if word in QUANTIFIERS:
        return rng.choice([quantifier for quantifier in QUANTIFIERS if quantifier != word])
    return None


def _edited(section: str, citation: str, rng: random.Random, truth: Truth, edits: int) -> str:
    """The Section's text with up to `edits` struck-and-new pairs and one true insertion,
    away from its citation, heading and Source note and from each other."""
    heading, body, source = _SECTION.match(section).groups()
    words = body.split(" ")
    candidates = [index for index in range(4, len(words) - 1) if _replacement(words[index], rng)]
    rng.shuffle(candidates)
    chosen: list[int] = []
    for index in candidates:
        if len(chosen) < edits and all(abs(index - other) > 3 for other in chosen):
            chosen.append(index)
    marked = list(words)
    for index in sorted(chosen):
        new = _replacement(words[index], rng)
        marked[index] = f"[-{words[index]}-] [+{new}+]"
    free = [index for index in range(6, len(words) - 2)
            if all(abs(index - other) > 3 for other in chosen) and words[index - 1][-1:].isalpha()]
    if free:
        at = rng.choice(free)
        phrase = rng.choice(PHRASES)
        marked[at] = f"[+{phrase}+] {marked[at]}"
        truth.insertions.append((citation, phrase))
    for index in sorted(chosen):
        truth.pairs.append((citation, words[index], MARK.findall(marked[index])[1][1]))
    return f"{heading} {' '.join(marked)} {source}"


def generated_bills(seed: int = 11, count: int = 20, sections_a_bill: int = 3,
                    edits_a_section: int = 3) -> list[tuple[str, list[tuple[str, bool]], Truth]]:
    """(name, paragraphs, truth) of `count` bills, each restating Sections of one or more
    Acts of the chapter with seeded edits. The same seed gives the same bills."""
    rng = random.Random(seed)
    acts = chapter_sections()
    pool = [(act, section) for act, sections in enumerate(acts) for section in sections
            if MIN_WORDS <= len(section.split()) <= MAX_WORDS and _SECTION.match(section)]
    bills = []
    for number in range(count):
        truth = Truth()
        chosen = sorted(rng.sample(range(len(pool)), sections_a_bill))
        sections = []
        for index in chosen:
            act, section = pool[index]
            citation = section[1:section.index(")")]
            sections.append((act, _edited(section, citation, rng, truth, edits_a_section)))
        bills.append((f"generated bill {number + 1}", bill_paragraphs(sections), truth))
    return bills
