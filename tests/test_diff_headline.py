"""The headline case (PIPA against HB0605) and the truncated SB731 sam002 copies, on real text."""

from pathlib import Path

import pytest

import statdiff
from statdiff.compare import compare

ROOT = Path(__file__).resolve().parent.parent / "statutes"
HB0605 = ROOT / "seeds" / "002_524df963b8163e99.txt"
THROUGH_947 = ROOT / "pipa" / "815ILCS530_through_PA094-0947.txt"
AS_ENACTED = ROOT / "pipa" / "815ILCS530_as_enacted_PA094-0036.txt"
SEC5 = "815 ILCS 530/5"
SEC10 = "815 ILCS 530/10"
BREACH = f'{SEC5} "Breach of the security of the system data"'

# The seven insertions of /work/shared/corpus/README.md, with where HB0605 prints them
# (page:line looked up by hand in the file: its pages restart line numbers at 1).
SEVEN = [
    (BREACH, "or written material", "1:14-15"),
    (BREACH, "or written material", "1:16"),
    (f"{SEC10}(a)", "or written material", "2:22"),
    (f"{SEC10}(a)", "within 48 hours of the discovery of the breach of the security of the system data or written material,",
     "2:24-3:1"),
    (f"{SEC10}(a)", "or written material files", "3:4-5"),
    (f"{SEC10}(b)", "material files or", "3:6"),
    (f"{SEC10}(d)", "or written material", "4:20"),
]


@pytest.fixture(scope="module")
def hb0605():
    return statdiff.parse(HB0605)


@pytest.fixture(scope="module")
def against_947(hb0605):
    return compare(statdiff.parse(THROUGH_947), hb0605)


@pytest.fixture(scope="module")
def against_enacted(hb0605):
    return compare(statdiff.parse(AS_ENACTED), hb0605)


def test_hb0605_makes_exactly_the_seven_insertions(against_947):
    assert against_947.mode == "amendment"
    found = [(c.op, c.old_path, c.new_text, str(c.new_source)) for c in against_947.changes]
    assert found == [("insert", path, text, where) for path, text, where in SEVEN]
    assert all(c.old_text == "" and c.attributed_to is None for c in against_947.changes)
    assert [c.anchor for c in against_947.changes] == [f"c{n}" for n in range(1, 8)]


def test_hb0605_insertions_are_located_in_the_act(against_947):
    sections = [c.section for c in against_947.changes]
    assert sections == [SEC5, SEC5, SEC10, SEC10, SEC10, SEC10, SEC10]
    assert all(c.old_source is not None for c in against_947.changes)  # the insertion point in the Act


def test_section_1_is_not_restated_and_front_matter_is_not_a_change(against_947):
    statuses = [(s.path, s.status) for s in against_947.sections]
    assert statuses == [(f"815 ILCS 530/1", "not_restated"), (SEC5, "changed"), (SEC10, "changed")]
    assert against_947.summary["by_op"] == {"insert": 7}


def test_against_the_act_as_enacted_p_a_94_947_changes_are_attributed(against_enacted):
    word_changes = [(c.op, c.new_text, c.attributed_to) for c in against_enacted.changes if c.op != "source"]
    expected_seven = [("insert", text, None) for _, text, _ in SEVEN]
    at_no_charge = ("insert", "at no charge", "P.A. 94-947")
    b5_text = (
        "(b-5) The notification required by subsection (a) of this Section may be delayed if an appropriate law "
        "enforcement agency determines that notification will interfere with a criminal investigation and provides "
        "the data collector with a written request for the delay. However, the data collector must notify the "
        "Illinois resident as soon as notification will no longer interfere with the investigation."
    )
    b5 = ("add", b5_text, "P.A. 94-947")
    assert word_changes == expected_seven[:2] + [at_no_charge] + expected_seven[2:6] + [b5] + expected_seven[6:]
    add = next(c for c in against_enacted.changes if c.op == "add")
    assert add.new_path == f"{SEC10}(b-5)" and str(add.new_source) == "3:13-19"
    section_10 = next(s for s in against_enacted.sections if s.path == SEC10)
    assert section_10.attributed_to == ["P.A. 94-947"]


def test_changed_source_note_is_one_source_change(against_enacted):
    sources = [c for c in against_enacted.changes if c.op == "source"]
    assert [(c.old_text, c.new_text, str(c.new_source)) for c in sources] == [
        ("(Source: P.A. 94-36, eff. 1-1-06.)", "(Source: P.A. 94-36, eff. 1-1-06; 94-947, eff. 6-27-06.)", "4:21")
    ]


def test_enacted_against_amended_act_attributes_everything_to_94_947():
    comparison = compare(statdiff.parse(AS_ENACTED), statdiff.parse(THROUGH_947))
    assert comparison.mode == "versions"
    assert [(c.op, c.new_text[:12], c.attributed_to) for c in comparison.changes] == [
        ("insert", "at no charge", "P.A. 94-947"),
        ("add", "(b-5) The no", "P.A. 94-947"),
        ("source", "(Source: P.A", None),
    ]


def test_truncated_copies_of_sb731_sam002_hold_no_word_changes():
    fragment = statdiff.parse(ROOT / "fragments" / "10200SB0731sam002_PARTIAL.txt")
    pages_2_to_25 = statdiff.parse(ROOT / "seeds" / "003_80d6f31b0979e4b4.txt")
    for old, new in ((fragment, pages_2_to_25), (pages_2_to_25, fragment)):
        comparison = compare(old, new)
        assert comparison.changes == []
        ops = {segment.op for s in comparison.sections for n in s.nodes for segment in n.segments}
        assert ops == {"equal", "only_old", "only_new"}
        statuses = {s.status for s in comparison.sections}
        assert statuses == {"unchanged", "only_old", "only_new"}
    comparison = compare(fragment, pages_2_to_25)
    shared = next(s for s in comparison.sections if s.status == "unchanged")
    assert shared.old.path == "Section 5"
    only_new_words = " ".join(t.text for n in shared.nodes for sg in n.segments if sg.op == "only_new" for t in sg.new)
    assert only_new_words.startswith("retail stores have all had")
    only_old_words = " ".join(t.text for n in shared.nodes for sg in n.segments if sg.op == "only_old" for t in sg.old)
    assert only_old_words.startswith("Section 5 . Findings .")
