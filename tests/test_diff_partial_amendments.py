"""Amendment mode with a partial copy: a bill or Public Act cut off inside its last restated
Section (most of statutes/fragments/ are the first 2,000 bytes of their page) does not
"remove" the rest of the Act. What the cut copy never reached is `only_old` / `only_new`."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import statdiff
from statdiff.compare import compare
from conftest import assert_comparison_invariants
from statdiff.model import Document, rebuild

ROOT = Path(__file__).resolve().parent.parent / "statutes"
FRAGMENTS = ROOT / "fragments"
AS_ENACTED = ROOT / "pipa" / "815ILCS530_as_enacted_PA094-0036.txt"
THROUGH_947 = ROOT / "pipa" / "815ILCS530_through_PA094-0947.txt"
HB0605_FULL = ROOT / "pipa" / "09500HB0605_introduced_full.txt"
HEADLINE = ROOT / "seeds" / "002_524df963b8163e99.txt"
SEC1, SEC5, SEC10 = "815 ILCS 530/1", "815 ILCS 530/5", "815 ILCS 530/10"

PA947 = ["PA094-0947_ilga_fulltext_PARTIAL.txt", "PA094-0947_ilga_ftp_PARTIAL.txt",
         "PA094-0947_beta_ilga_ftp_PARTIAL.txt"]
# Where each copy stops (hand-checked against the files): the node it stops in, and the
# Act's words of that node the copy never reached.
PA947_CUT = {
    "PA094-0947_ilga_fulltext_PARTIAL.txt": (f"{SEC10}(c)", "may be provided by one of the following methods:"),
    "PA094-0947_ilga_ftp_PARTIAL.txt": (f"{SEC10}(c)(2)", "signatures for notices legally required to be in writing"),
    "PA094-0947_beta_ilga_ftp_PARTIAL.txt": (f"{SEC10}(c)(1)", "notice;"),
}
# What P.A. 94-947 changed in Section 10 before each copy stops: the two changes of the headline.
B5 = ("(b-5) The notification required by subsection (a) of this Section may be delayed if an appropriate law "
      "enforcement agency determines that notification will interfere with a criminal investigation and provides "
      "the data collector with a written request for the delay. However, the data collector must notify the "
      "Illinois resident as soon as notification will no longer interfere with the investigation.")
PA947_CHANGES = [
    ("insert", f"{SEC10}(a)", f"{SEC10}(a)", "", "at no charge"),
    ("add", None, f"{SEC10}(b-5)", "", B5),
]
# Amendatory fragments of 815 ILCS 530 and what they change before they stop (hand-checked).
BREACH = f'{SEC5} "Breach of the security of the system data"'
HEALTH = f'{SEC5} "Health insurance information"'
MEDICAL = f'{SEC5} "Medical information"'
PERSONAL = f'{SEC5} "Personal information"'
OTHER_FRAGMENTS = {
    # HB0605 introduced (95th GA): "or written material" twice, then stops mid-word in Section 5;
    # the instruction names Sections 5 and 10.
    "09500HB0605_introduced_PARTIAL.txt": [
        ("insert", BREACH, f"{BREACH[:-1]} or written material\"", "", "or written material"),
        ("insert", BREACH, f"{BREACH[:-1]} or written material\"", "", "or written material"),
    ],
    # P.A. 99-503: 'or "breach"', two new definitions, and the new lead-in of "Personal
    # information", where the copy stops at a colon (no Source note: cut).
    "PA099-0503_ilga_print_PARTIAL.txt": [
        ("insert", BREACH, BREACH, "", 'or "breach"'),
        ("add", None, HEALTH, "", None),
        ("add", None, MEDICAL, "", None),
        ("insert", PERSONAL, PERSONAL, "", "either of the following:"),
    ],
    # HB1260 enrolled (= P.A. 99-503) stops in the word "Medica" that begins a new definition.
    "09900HB1260enr_fulltext_pipes_PARTIAL.txt": [
        ("insert", BREACH, BREACH, "", 'or "breach"'),
        ("add", None, HEALTH, "", None),
    ],
}

_parsed: dict[Path, Document] = {}


def parsed(path: Path) -> Document:
    if path not in _parsed:
        _parsed[path] = statdiff.parse(path)
    return _parsed[path]


def fragment(name: str) -> Document:
    return parsed(FRAGMENTS / name)


def change_list(comparison, full_text: bool = True):
    return [(c.op, c.old_path, c.new_path, c.old_text, c.new_text if full_text or c.op != "add" else None)
            for c in comparison.changes]


def statuses(comparison) -> dict[str, str]:
    return {section.path: section.status for section in comparison.sections}


def section(comparison, path: str):
    return next(s for s in comparison.sections if s.path == path)


def node(comparison, path: str):
    return next(n for s in comparison.sections for n in s.nodes if (n.old or n.new).path == path)


# ---------------------------------------------------------------- P.A. 94-947, three renderings


@pytest.mark.parametrize("name", PA947)
def test_public_act_cut_in_section_10_changes_only_what_it_changed(name):
    comparison = compare(parsed(AS_ENACTED), fragment(name))
    assert comparison.mode == "amendment"
    assert change_list(comparison) == PA947_CHANGES
    assert statuses(comparison) == {SEC1: "not_restated", SEC5: "not_restated", SEC10: "changed"}


@pytest.mark.parametrize("name", PA947)
def test_public_act_cut_against_the_act_it_produced_has_no_change(name):
    comparison = compare(parsed(THROUGH_947), fragment(name))
    assert comparison.changes == []
    assert statuses(comparison) == {SEC1: "not_restated", SEC5: "not_restated", SEC10: "unchanged"}


@pytest.mark.parametrize("base", [AS_ENACTED, THROUGH_947])
@pytest.mark.parametrize("name", PA947)
def test_the_rest_of_the_cut_section_is_only_old_source_note_included(name, base):
    comparison = compare(parsed(base), fragment(name))
    cut_path, unreached = PA947_CUT[name]
    cut = node(comparison, cut_path)
    assert cut.status == "unchanged"
    # the Act's unreached words, then (a copy cut mid-word) the cut word, the copy's own
    tail = [s for s in cut.segments if s.op != "equal"]
    assert [s.op for s in tail] in (["only_old"], ["only_old", "only_new"])
    assert rebuild(tail[0].old).startswith(unreached)
    if len(tail) == 2:
        assert unreached.startswith(rebuild(tail[1].new))
    source = node(comparison, f"{SEC10} [source]")
    assert source.status == "only_old" and source.new is None
    assert [s.op for s in source.segments] == ["only_old"]
    later = [n for n in section(comparison, SEC10).nodes if n.old is not None and n.old.path > cut_path
             and n.old.path.startswith(f"{SEC10}(")]
    assert later and all(n.status == "only_old" for n in later if n.new is None)


@pytest.mark.parametrize("name", PA947)
def test_a_cut_public_act_as_old_text_is_symmetric(name):
    against_itself = compare(fragment(name), parsed(THROUGH_947))
    assert against_itself.changes == []
    assert node(against_itself, f"{SEC10} [source]").status == "only_new"
    backwards = compare(fragment(name), parsed(AS_ENACTED))
    assert change_list(backwards) == [
        ("delete", f"{SEC10}(a)", f"{SEC10}(a)", "at no charge", ""),
        ("remove", f"{SEC10}(b-5)", None, B5, ""),
    ]


# ---------------------------------------------------------------- other amendatory fragments


@pytest.mark.parametrize("base", [AS_ENACTED, THROUGH_947])
@pytest.mark.parametrize("name", sorted(OTHER_FRAGMENTS))
def test_amendatory_fragment_cut_in_section_5(name, base):
    comparison = compare(parsed(base), fragment(name))
    assert change_list(comparison, full_text=False) == OTHER_FRAGMENTS[name]
    assert not any(c.op == "remove" for c in comparison.changes)
    # Section 10 is named by the instruction ("changing Sections 5, 10 ...") but the copy stops
    # before it; Section 1 is not named: the bill leaves it alone.
    assert statuses(comparison) == {SEC1: "not_restated", SEC5: "changed", SEC10: "only_old"}
    assert node(comparison, f"{SEC5} [source]").status == "only_old"
    assert all(n.status == "only_old" for n in section(comparison, SEC10).nodes)


def test_cut_inside_words_the_act_lacks_keeps_them_as_the_bills_own():
    comparison = compare(parsed(THROUGH_947), fragment("PA099-0503_ilga_print_PARTIAL.txt"))
    personal = node(comparison, PERSONAL)
    assert [s.op for s in personal.segments] == ["equal", "insert", "only_old"]
    assert rebuild(personal.segments[-1].old).startswith("an individual's first name")
    assert all(n.status == "only_old" for n in section(comparison, SEC5).nodes
               if n.old is not None and n.old.path.startswith(f"{PERSONAL}("))


def test_cut_act_copy_leaves_the_bills_later_sections_only_new():
    comparison = compare(fragment("ILCS_815-530_ActID2702_print_PARTIAL.txt"), parsed(HB0605_FULL))
    assert statuses(comparison) == {SEC1: "not_restated", SEC5: "changed", SEC10: "only_new"}
    assert [c.op for c in comparison.changes] == ["replace", "replace", "insert"]
    assert node(comparison, f"{SEC5} [source]").status == "only_new"


def test_act_copy_beginning_mid_section_is_the_tail_of_that_section():
    """The Act's copy begins inside the "Breach" definition of Section 5: its words before
    its first Section are paired with the bill's Section 5; what the bill prints before that
    point is only_new, and the second "or written material" of the definition is one of the
    five insertions in the shared stretch (the first lies before it)."""
    text = THROUGH_947.read_text(encoding="utf-8")
    act_tail = statdiff.parse(text[text.index("acquisition of computerized data"):], name="act_tail.txt")
    comparison = compare(act_tail, parsed(HEADLINE))
    assert statuses(comparison) == {SEC5: "changed", SEC10: "changed"}
    assert [(c.op, c.new_text) for c in comparison.changes] == [("insert", "or written material")] + [
        ("insert", text) for text in ("or written material",
                                      "within 48 hours of the discovery of the breach of the security of the "
                                      "system data or written material,",
                                      "or written material files", "material files or", "or written material")]
    head = [n for n in section(comparison, SEC5).nodes if n.status == "only_new"]
    assert [n.new.path for n in head] == [f"{SEC5} [citation]", f"{SEC5} [1]", f'{SEC5} "Data Collector"']
    breach = next(n for n in section(comparison, SEC5).nodes
                  if n.new is not None and n.new.path == f"{BREACH[:-1]} or written material\"")
    assert breach.old.path == "[1]" and breach.status == "changed"  # the Act copy's unnumbered first words
    assert [s.op for s in breach.segments][:2] == ["only_new", "equal"]
    assert rebuild(breach.segments[1].new).startswith("acquisition of computerized data")


def test_complete_bill_is_not_cut():
    """The headline: a whole bill restates whole Sections: nothing is only_old / only_new."""
    comparison = compare(parsed(THROUGH_947), parsed(HEADLINE))
    assert comparison.summary["by_op"] == {"insert": 7}
    assert not any(s.op in ("only_old", "only_new") for sec in comparison.sections for n in sec.nodes
                   for s in n.segments)


# ---------------------------------------------------------------- invariants

ALL_FRAGMENTS = PA947 + sorted(OTHER_FRAGMENTS) + ["ILCS_815-530_ActID2702_print_PARTIAL.txt"]


@pytest.mark.parametrize("name", ALL_FRAGMENTS)
def test_fragment_against_itself_is_empty(name):
    comparison = compare(fragment(name), fragment(name))
    assert comparison.changes == []
    assert all(sec.status in ("unchanged", "not_restated") for sec in comparison.sections)


@pytest.mark.parametrize("base", [AS_ENACTED, THROUGH_947])
@pytest.mark.parametrize("name", ALL_FRAGMENTS)
def test_segments_rebuild_both_nodes(name, base):
    for old, new in ((parsed(base), fragment(name)), (fragment(name), parsed(base))):
        assert_comparison_invariants(compare(old, new))


HB0605_TEXT = HB0605_FULL.read_text(encoding="utf-8")
SECTION_10_BODY = (HB0605_TEXT.index("(a) Any data collector"), HB0605_TEXT.rindex("(Source: P.A. 94-36"))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(min_value=SECTION_10_BODY[0] + 40, max_value=SECTION_10_BODY[1] - 1))
@example(cut=HB0605_TEXT.index("(b) Any data collector") + 1)  # cut after "(": words inserted just before it
@example(cut=HB0605_TEXT.index("(b) Any data collector") + 2)  # "(b", cut mid-label
def test_bill_cut_anywhere_in_its_last_section_removes_nothing(cut):
    """HB0605 cut at any character of Section 10's body: the rest of Section 10 and its Source
    note are only_old, never removed, and the changes before the cut are the whole bill's.
    (The last word at the cut may be the head of a word the bill inserts, "o" for "or":
    compared with the Act's word there it is an edit, as in versions mode.)"""
    bill = statdiff.parse(HB0605_TEXT[:cut], name="HB0605_cut.txt")
    comparison = compare(parsed(THROUGH_947), bill)
    assert not any(c.op == "remove" for c in comparison.changes)
    assert statuses(comparison)[SEC10] in ("changed", "unchanged")
    assert node(comparison, f"{SEC10} [source]").status == "only_old"
    full = {(c.op, c.new_path, c.new_text) for c in compare(parsed(THROUGH_947), parsed(HB0605_FULL)).changes}
    in_section_10 = [change for change in comparison.changes if change.section == SEC10]
    for change in in_section_10[:-1]:
        assert (change.op, change.new_path, change.new_text) in full, change
