"""A plain printing of an amendatory bill hides its strikes: the struck words stand as
ordinary words before the words that replace them. Compared with the Act, each is one
`replace` with `basis` plain-printing; the same bill as HTML gives the same changes from its
`<s>` / `<u>` markup, and `statdiff changes --old` finds nothing to disagree with.

The bill is written here from three real Sections of ILCS chapter 620 (one each of the
Illinois Aeronautics Act, the Airport Zoning Act and the County Airports Act), printed as
ilga.gov prints a bill in plain text: the 95th GA's `1 NBSPx4AN ACT` and the 97th GA's glued
`3represented`, 25 lines a page under a running header. Each edit is written inline:
`[-struck-]` and `[+new+]`.
"""

from __future__ import annotations

import json
from functools import lru_cache

import pytest
from click.testing import CliRunner

from batch_pairs import CHAPTER_620, chapter_sections
from html_pages import make_pages
from plain_bills import bill_paragraphs, intended, plain_text, printed_lines, the_new_text
from statdiff import pipeline
from statdiff.cli import main
from statdiff.compare import compare
from statdiff.compare.struck import suspected_strikes
from statdiff.model import Basis, Op
from statdiff.read import read_path, read_text

# (Act index in the chapter, citation, edits: (the Act's words, the bill's printing))
EDITS = [
    (0, "620 ILCS 5/79.01", [
        ("for any violation", "for [-any-] [+each+] violation"),  # a quantifier
        ("judgment shall within", "judgment [-shall-] [+must+] within"),  # a modal
        ("within 15 days", "within [-15-] [+30+] days"),  # a number
        ("report in writing", "report [+promptly and+] in writing"),  # a true insertion
    ]),
    (4, "620 ILCS 25/19", [
        ("hearing shall be published", "hearing [-shall-] [+may+] be published"),
        ("not more than 30 nor", "not more than [-30-] [+45+] nor"),
    ]),
    (9, "620 ILCS 50/32", [
        ("performance of any work", "performance of [-any-] [+all+] work"),
        ("$2000.00 or more", "[-$2000.00-] [+$5,000+] or more"),  # an amount, its two runs on two lines
    ]),
]
# What the comparison with the Act must report, in reading order: (op, Section, old, new, basis)
RECOVERED = Basis.PLAIN_PRINTING
EXPECTED = [
    (Op.REPLACE, "620 ILCS 5/79.01", "any", "each", RECOVERED),
    (Op.REPLACE, "620 ILCS 5/79.01", "shall", "must", RECOVERED),
    (Op.REPLACE, "620 ILCS 5/79.01", "15", "30", RECOVERED),
    (Op.INSERT, "620 ILCS 5/79.01", "", "promptly and", None),
    (Op.REPLACE, "620 ILCS 25/19", "shall", "may", RECOVERED),
    (Op.REPLACE, "620 ILCS 25/19", "30", "45", RECOVERED),
    (Op.REPLACE, "620 ILCS 50/32", "any", "all", RECOVERED),
    (Op.REPLACE, "620 ILCS 50/32", "$2000.00", "$5,000", RECOVERED),
]


def the_bill() -> list[tuple[str, bool]]:
    """The bill's paragraphs: each Section of EDITS with its edits written in."""
    sections = chapter_sections()
    restated = []
    for act, citation, edits in EDITS:
        text = next(section for section in sections[act] if section.startswith(f"({citation})"))
        for law, printed in edits:
            assert text.count(law) == 1, law
            text = text.replace(law, printed)
        restated.append((act, text))
    return bill_paragraphs(restated)


@lru_cache(maxsize=1)
def the_act():
    return pipeline.build(read_path(CHAPTER_620))


def facts(comparison) -> list[tuple]:
    return [(change.op, change.section, change.old_text, change.new_text, change.basis)
            for change in comparison.changes]


@pytest.mark.parametrize("form", ["95", "97"])
def test_each_struck_word_is_one_replace_with_basis_and_an_insertion_stays_an_insert(form):
    bill = pipeline.build(read_text(plain_text(the_bill(), form), name=f"HB4321 ({form}th GA plain)"))
    comparison = compare(the_act(), bill)
    assert comparison.mode == "amendment"
    assert facts(comparison) == EXPECTED
    assert {section.status for section in comparison.sections} == {"changed", "not_restated"}


@pytest.mark.parametrize("form", ["95", "97"])
def test_the_recovered_changes_rebuild_the_text_the_bill_means(form):
    comparison = compare(the_act(), pipeline.build(read_text(plain_text(the_bill(), form), name="bill.txt")))
    paragraphs = [text for text, _ in the_bill()]
    for number, (_, path, _) in enumerate(EDITS):
        heading, body, source = paragraphs[3 + 4 * number:6 + 4 * number]
        assert " ".join(the_new_text(comparison, path).split()) == intended(f"{heading} {body} {source}")


@pytest.mark.parametrize("layout", ["table", "pre"])
def test_the_bill_as_html_gives_the_same_changes_from_its_markup(tmp_path, layout):
    page = tmp_path / "HB4321.html"
    page.write_text(make_pages.page("HB4321", printed_lines(the_bill(), "95"), layout), encoding="utf-8")
    _, markup, _ = pipeline.read_changes(page)
    assert facts(markup) == [(op, section, old, new, None) for op, section, old, new, _ in EXPECTED]

    result = CliRunner().invoke(main, ["changes", str(page), "--old", str(CHAPTER_620), "--json"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    assert [(change["op"], change["old_text"], change["new_text"]) for change in data["changes"]] == \
        [(op, old, new) for op, _, old, new, _ in EXPECTED]
    assert data["disagreements"] == []


@pytest.mark.parametrize("layout", ["table", "pre"])
def test_the_bill_as_html_compared_with_the_act_deletes_its_struck_words(tmp_path, layout):
    """Compared with the Act, an HTML bill is read as it means it: its struck words are
    deletions from the Act (from the markup, so with no basis to check), never law kept."""
    page = tmp_path / "HB4321.html"
    page.write_text(make_pages.page("HB4321", printed_lines(the_bill(), "95"), layout), encoding="utf-8")
    printed = pipeline.read_file(page)
    assert printed.as_meant is not None
    comparison = compare(the_act(), printed)
    assert facts(comparison) == [(op, section, old, new, None) for op, section, old, new, _ in EXPECTED]
    assert [change.new_source for change in comparison.changes] == \
        [change.new_source for change in pipeline.read_changes(page)[1].changes]  # where the bill printed them
    assert compare(printed, printed).changes == []


@pytest.mark.parametrize("form", ["95", "97"])
def test_without_the_act_the_struck_and_new_pairs_are_suspected(form):
    bill = pipeline.build(read_text(plain_text(the_bill(), form), name="bill.txt"))
    assert [(strike.struck, strike.new) for strike in suspected_strikes(bill)] == \
        [(old, new) for op, _, old, new, _ in EXPECTED if op == Op.REPLACE]


def _measure():
    """bench/plain_printings.py, the script that measures the README's table."""
    import importlib.util
    import sys
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "bench" / "plain_printings.py"
    spec = importlib.util.spec_from_file_location("plain_printings_bench", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_generated_bills_recover_every_pair_keep_every_insertion_and_rebuild_what_they_mean():
    for form, counts in _measure().generated(the_act(), bills=4, seed=11).items():
        assert counts["recovered"] >= 24, form
        assert (counts["left as insertion"], counts["missed otherwise"], counts["false recoveries"],
                counts["insertions lost"], counts["sections not rebuilt"]) == (0, 0, 0, 0, 0), (form, counts)
        assert counts["sections rebuilt"] == 12, form


def test_real_plain_bills_without_strikes_get_no_recovery_and_pages_with_strikes_are_suspected():
    measure = _measure()
    for name, counts in measure.real().items():
        assert counts["false recoveries"] == 0 and counts["insertions kept"] >= 1, name
    suspected = {name: found for name, _, found, others in measure.suspected() if not others}
    assert sum(suspected.values()) >= 4 and len(suspected) == len(measure.DOCUMENTED_STRIKES)
