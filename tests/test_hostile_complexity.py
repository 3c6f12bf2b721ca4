"""No stage may grow faster than its input on hostile but realistic input.

Each test runs one stage on an input and on the same input twice as large and compares how
much work it did: the Python lines executed in the module under test (`lines_run`), never a
time. A linear stage does about twice the work; the quadratic paths these tests were written
against did four times as much (a 10,000-row markdown table took 13 s in restreaming; a
dot-leader word of 200,000 characters 20 s in tokenizing, which is counted by its tests
for a unit instead)."""

from __future__ import annotations

import random
import sys
from typing import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

import statdiff
from statdiff.annotate import margin
from statdiff.annotate.margin import annotate
from statdiff.compare import tokens as tokens_module
from statdiff.compare.tokens import LEADING, TRAILING, _UNIT

WORDS = "data collector notice breach resident shall may notify written material".split()
LINEAR = 2.5  # work at twice the size over work at the size: 2 for a linear stage, 4 for a quadratic one


def lines_run(fragment: str, call: Callable[[], object]) -> int:
    """How many Python lines `call()` executes in the source files whose path holds `fragment`."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def tracer(frame, event, arg):
        return local if fragment in frame.f_code.co_filename else None

    sys.settrace(tracer)
    try:
        call()
    finally:
        sys.settrace(None)
    return count


def growth(fragment: str, make: Callable[[int], tuple[str, str]], size: int) -> float:
    """The work comparing `make(size)`'s texts does in `fragment` at twice `size`, over the work
    at `size` (compared and annotated: the JSON contract `statdiff diff --json` prints)."""
    small = lines_run(fragment, lambda: statdiff.diff(*make(size)).to_json())
    large = lines_run(fragment, lambda: statdiff.diff(*make(2 * size)).to_json())
    return large / small


def markdown_table(rows: int) -> tuple[str, str]:
    """A markdown table of `rows` rows, and the same table with one row changed."""
    rng = random.Random(rows)
    lines = ["| n | text | note |", "|---|---|---|"]
    lines += [f"| {n} | {' '.join(rng.choice(WORDS) for _ in range(3))} | kept |" for n in range(rows)]
    old = "# Schedule of fees\n\n" + "\n".join(lines) + "\n"
    lines[rows // 2 + 2] = "| x | a changed row | new |"
    return old, "# Schedule of fees\n\n" + "\n".join(lines) + "\n"


def test_restreaming_a_section_is_linear_in_its_nodes():
    """A table whose rows read as nodes of one section, one row changed: the section is
    restreamed, and each node's hidden words were found by a scan of every node."""
    assert growth("compare/restream.py", markdown_table, 300) < LINEAR


class CountingUnit:
    """`tokens._UNIT`, counting its tests."""

    def __init__(self, pattern):
        self.pattern, self.tests = pattern, 0

    def fullmatch(self, *args):
        self.tests += 1
        return self.pattern.fullmatch(*args)


def unit_tests(monkeypatch, word: str) -> int:
    counting = CountingUnit(_UNIT)
    monkeypatch.setattr(tokens_module, "_UNIT", counting)
    tokens_module._split_word.cache_clear()
    tokens_module._split_word(word)
    return counting.tests


def test_a_long_run_of_punctuation_costs_no_more_unit_tests(monkeypatch):
    """A dot leader, a rule of dashes, a run of brackets (a PDF's contents page extracted as
    text): every stripped stem was copied and tested for a unit, quadratic in the run (a word
    of 200,000 dots took 20 s). A unit neither opens with two leading marks nor ends with two
    trailing ones: a run costs a few tests, whatever its length."""
    for shape in ("{}", "1{}", "({}a", "(a){}", "“{}(b-5)", "U.S.C{}"):
        short = unit_tests(monkeypatch, shape.format("." * 50 + ")" * 50))
        long = unit_tests(monkeypatch, shape.format("." * 5000 + ")" * 5000))
        assert long == short <= 8, (shape, short, long)
    assert unit_tests(monkeypatch, "(" * 5000 + "a)" + "." * 5000) == unit_tests(monkeypatch, "((a).")


def naive_unit_before_trailing(text: str) -> str | None:
    """The definition: strip trailing marks one at a time; the first stripped text that is a unit."""
    end = len(text)
    while end > 1 and text[end - 1] in TRAILING:
        end -= 1
        if _UNIT.fullmatch(text[:end]):
            return text[:end]
    return None


def naive_split(text: str) -> list[str]:
    """The definition of `_split_word_parts`, testing every stripped text for a unit."""
    unit = naive_unit_before_trailing(text)
    if unit is not None:
        return [unit] + list(text[len(unit):])
    start, end = 0, len(text)
    while start < end - 1 and text[start] in LEADING and not _UNIT.fullmatch(text[start:end]):
        start += 1
    while end - 1 > start and text[end - 1] in TRAILING and not _UNIT.fullmatch(text[start:end]):
        end -= 1
    if start == 0 and end == len(text):
        return [text]
    unit = naive_unit_before_trailing(text[start:])
    if unit is not None:
        end = start + len(unit)
    return list(text[:start]) + [text[start:end]] + list(text[end:])


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet='(a1A).,;:"]”’!?[“‘-bSU', max_size=14))
def test_punctuation_splits_as_the_definition_says(word):
    """A unit never ends with two trailing marks, so testing only the two stems the rule
    allows gives what testing every stem gives."""
    assert tokens_module._unit_before_trailing(word) == naive_unit_before_trailing(word)
    if word:
        assert tokens_module._split_word_parts(word) == naive_split(word)


def section_rewritten(duties: int) -> tuple[str, str]:
    """One Section rewritten: `duties` paragraphs of one duty, against as many paragraphs of
    other words (duties among them); its words are diffed as one stream, one change with
    thousands of margin notes (duties changed, new, removed)."""
    rng = random.Random(duties)

    def act(paragraphs: list[str]) -> str:
        body = "\n".join(f"    {paragraph}" for paragraph in paragraphs)
        return ("(815 ILCS 530/) Personal Information Protection Act.\n\n    (815 ILCS 530/10)\n"
                f"    Sec. 10. Notice of breach.\n{body}\n(Source: P.A. 94-36, eff. 1-1-06.)\n")

    old = act(["The data collector shall notify the resident."] * duties)
    new = act([" ".join(rng.choice(WORDS) for _ in range(6)).capitalize() + "." for _ in range(duties)])
    return old, new


class FormattedChars(str):
    """A change's text that counts the characters formatted from it (into a text to search)."""

    formatted = 0

    def __format__(self, spec: str) -> str:
        FormattedChars.formatted += len(self)
        return str.__format__(self, spec)


def characters_read_for_notes(duties: int) -> int:
    comparison = statdiff.diff(*section_rewritten(duties))
    for change in comparison.changes:
        change.old_text, change.new_text = FormattedChars(change.old_text), FormattedChars(change.new_text)
    FormattedChars.formatted = 0
    annotate(comparison)
    return FormattedChars.formatted


def test_the_margin_notes_of_a_rewritten_section_read_its_text_once():
    """Each of a node's notes lowered the node's whole text to find the change it anchors to:
    notes times text, quadratic (a 500 KB Section rewritten took 19 s to annotate)."""
    small, large = characters_read_for_notes(300), characters_read_for_notes(600)
    assert large <= LINEAR * max(small, len(section_rewritten(600)[0])), (small, large)


def test_duties_are_paired_in_one_pass():
    """Each removed duty was looked for in the list of added ones, and removed from it."""
    def pair(count: int) -> int:
        removed = [f"shall notify{n % 7}" for n in range(count)]
        added = [f"shall report{n % 5}" for n in range(count)] + [f"may notify{n % 7}" for n in range(count)]
        return lines_run("annotate/margin.py", lambda: margin._duty_changes(removed, added))

    assert pair(600) / pair(300) < LINEAR
