"""Fuzzed amendment instructions never give anything but a parse result or a
`StatdiffError`: not a traceback, not a silent wrong edit of a bill word's place."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statdiff.amend import AmendedBill, Amendment, apply_amendment, parse_amendment
from statdiff.amend.instructions import printed_lines
from statdiff.errors import StatdiffError
from statdiff.read import read_path, read_text

HB0605 = read_path(Path(__file__).parent.parent / "statutes" / "pipa" / "09500HB0605_introduced_full.txt")
BILL_PLACES = {line.position for line in printed_lines(HB0605)}
NBSP4 = "\u00a0" * 4

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of real instruction wording, recombined in any order with noise.
PIECES = [
    "on page", "on pages", "on line", "page", "line", "lines", "through", "and", "all of", "of page", "on page",
    "by replacing", "by deleting", "by inserting", "with the following:", "with", "as follows:", "the following",
    "after", "before", "immediately", "below line", "the period", "the comma", "the semicolon",
    "everything after the enacting clause", "everything from line", "and inserting", "in lieu thereof",
    ";", "; and", ",", ".", '"', '""', "“", "”", ":", "\n",
    '"unreasonable delay"', '"48 hours"', '"the"', '"data""', '"$250,000"', '"written material"', '"x"',
]
NUMBERS = st.integers(min_value=0, max_value=40).map(str)
TOKENS = st.one_of(st.sampled_from(PIECES), NUMBERS, st.text(max_size=6))


QUOTED = st.one_of(
    st.sampled_from(["unreasonable delay", "48 hours", "the", 'data"', "$250,000", "written material", "x", "; and", 'a "b" c']),
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=15),
)
LOCATIONS = [
    "on page {p}, line {l},", "on page {p}, lines {l} and {m},", "on line {l},", "on page {p},", "",
]
VERBS = [
    'by replacing "{q}" with "{r}"', 'by deleting "{q}"', 'after "{q}", by inserting "{r}"',
    'by inserting "{r}" before "{q}"', "before the period, by inserting \"{r}\"", "immediately after the comma, by inserting \"{r}\"",
    "by replacing lines {l} through {m} with the following: \"{r}\"", "by deleting lines {l} through {m}", "by deleting line {l}",
    "by inserting immediately below line {l} the following: \"{r}\"", "immediately below line {l}, by inserting the following: \"{r}\"",
    "by replacing line {l} on page {p} through line {m} on page {n} with the following: \"{r}\"",
    "by replacing everything after the enacting clause with the following: \"{r}\"",
]


@st.composite
def instruction(draw) -> str:
    numbers = {key: draw(st.integers(0, 30)) for key in "plmn"}
    texts = {"q": draw(QUOTED), "r": draw(QUOTED)}
    location = draw(st.sampled_from(LOCATIONS))
    verb = draw(st.sampled_from(VERBS))
    return f"{location} {verb}".format(**numbers, **texts).strip()


@st.composite
def instruction_texts(draw) -> str:
    """Instructions in Illinois wording, joined as printed, then damaged a little: a
    token put in, a stretch cut out, a quote lost."""
    parts = draw(st.lists(instruction(), min_size=1, max_size=5))
    separators = draw(st.lists(st.sampled_from(["; and ", ";\n", " and ", "; ", " "]), min_size=len(parts), max_size=len(parts)))
    text = "".join(part + separator for part, separator in zip(parts, separators)).rstrip() + draw(st.sampled_from([".", "", '"', ";"]))
    for _ in range(draw(st.integers(0, 2))):
        where = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:where] + draw(TOKENS) + text[where:]
        else:
            text = text[:where] + text[where + draw(st.integers(0, 12)):]
    return text


@st.composite
def amendments(draw) -> str:
    measure = draw(st.sampled_from(["House Bill 605", "House Bill 0605", "Senate Bill 605", "House Joint Resolution 605"]))
    as_amended = draw(st.sampled_from(["", ", AS AMENDED,", ", AS AMENDED, with reference to page and line numbers of House Amendment No. 1,"]))
    body = draw(instruction_texts())
    lines = [f"{NBSP4}AMENDMENT TO HOUSE BILL 605", f"{NBSP4}AMENDMENT NO. ______. Amend {measure}{as_amended} {body}"]
    text = "\n".join(lines)
    # print it as the 95th GA does: numbered lines of about 60 characters
    printed, number = [], 0
    for raw in text.split("\n"):
        while raw:
            number += 1
            printed.append(f"{number} {raw[:60]}")
            raw = raw[60:]
    return "\n".join(printed)


@FUZZ
@given(amendments())
def test_fuzzed_instructions_parse_or_refuse(text):
    try:
        amendment = parse_amendment(read_text(text, name="fuzz"))
    except StatdiffError:
        return
    assert isinstance(amendment, Amendment)
    amendment.to_json()
    for edit in amendment.edits:
        edit.describe()
    try:
        result = apply_amendment(HB0605, amendment, check_target=False)
    except StatdiffError as error:
        assert "\n" not in str(error)
        return
    assert isinstance(result, AmendedBill)
    # every word the bill printed keeps a page:line the bill has
    assert all(word.position in BILL_PLACES for word in result.words() if not word.inserted)


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(["replacing", "deleting", "inserting"]), st.integers(1, 4), st.integers(0, 30), st.text(min_size=1, max_size=20)), min_size=1, max_size=6))
def test_well_formed_instructions_with_random_text_apply_or_refuse(items):
    parts = []
    for verb, page, line, quoted in items:
        quoted = quoted.replace('"', "'")
        if verb == "replacing":
            parts.append(f'on page {page}, line {line}, by replacing "{quoted}" with "new"')
        elif verb == "deleting":
            parts.append(f'on page {page}, line {line}, by deleting "{quoted}"')
        else:
            parts.append(f'on page {page}, line {line}, after "{quoted}", by inserting "new"')
    text = f"1 {NBSP4}AMENDMENT TO HOUSE BILL 605\n2 {NBSP4}AMENDMENT NO. ___. Amend House Bill 605 " + "; and\n".join(
        f"{number} {part}" if number > 2 else part for number, part in enumerate(parts, 2)
    ) + "."
    try:
        amendment = parse_amendment(read_text(text, name="fuzz"))
        apply_amendment(HB0605, amendment)
    except StatdiffError as error:
        assert "\n" not in str(error)
