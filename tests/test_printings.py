"""Two printings of the same law: what differs only in how it is printed is not a change.

A compiled Act (ILCS) against the Act's own text (the Public Act that enacted it, or its
enrolled bill): the codifier's citation lines and Source notes, `Sec. N.` for `Section N.`,
and the bill's title and enacting clause are set aside and said in one warning; every real
difference (a later amendment the compiled text holds) is still a change.

Real texts: `statutes/pipa/815ILCS530_as_enacted_PA094-0036.txt` (815 ILCS 530 as enacted
by P.A. 94-36) against P.A. 94-36 in three renderings and HB1633 enrolled; the 2016
compilation of 815 ILCS 530 (`ILCS_815-530_ActID2702_print_PARTIAL.txt`); the National
Popular Vote Act (10 ILCS 20, `../shared`) against P.A. 95-714 in two renderings.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import assert_comparison_invariants
from statdiff import pipeline
from statdiff.cli import main
from statdiff.compare import compare
from statdiff.compare.codification import codification_note
from statdiff.compare.runtogether import run_together_note
from statdiff.model import Op, Status, rebuild
from statdiff.view import build_view

ROOT = Path(__file__).resolve().parent.parent
FRAGMENTS = ROOT / "statutes" / "fragments"
PIPA = ROOT / "statutes" / "pipa"
AS_ENACTED = PIPA / "815ILCS530_as_enacted_PA094-0036.txt"
THROUGH_94_947 = PIPA / "815ILCS530_through_PA094-0947.txt"
WHOLE_ACTS = ROOT.parent / "shared" / "corpus" / "ilcs-whole-acts"

# P.A. 94-36 as ilga.gov, two mirrors and the enrolled bill print it (each cut inside Sec. 5).
ACT_OWN_TEXTS = ["PA094-0036_ilga_publicact_fulltext_PARTIAL.txt", "PA094-0036_mirror_pipes_PARTIAL.txt",
                 "PA094-0036_mirror_flat_PARTIAL.txt", "09400HB1633enr_PARTIAL.txt"]

_parsed: dict[Path, object] = {}


def parsed(path: Path):
    if path not in _parsed:
        _parsed[path] = pipeline.read_file(path)
    return _parsed[path]


def own_text_of(compiled: str) -> str:
    """A compiled Act printed as the Act's own text: the bill's title and enacting clause, each
    Section as `Section N.`, no citation line, no Source note (as P.A. 94-36 prints Sections 1
    and 5 of the Act, which `ACT_OWN_TEXTS` hold)."""
    lines = ["AN ACT concerning business.", "",
             "Be it enacted by the People of the State of Illinois, represented in the General Assembly:", ""]
    for line in compiled.splitlines():
        text = line.strip()
        if re.fullmatch(r"\(\d+ ILCS \d+/[\w.-]*\)(?: \(from Ch\. [^)]*\))?", text) or text.startswith("(Source:"):
            continue
        if re.fullmatch(r"BUSINESS TRANSACTIONS|\(\d+ ILCS \d+/\) .*", text):
            continue
        lines.append(re.sub(r"^(\s*)Sec\. ", r"\1Section ", line))
    return "\n".join(lines) + "\n"


def one_sided(comparison, kind: str) -> list:
    """The nodes of `kind` that only one text prints, in the sections both texts print."""
    return [node for section in comparison.sections if section.old is not None and section.new is not None
            for node in section.nodes if (node.old is None) != (node.new is None) and node.node.kind == kind]


@pytest.mark.parametrize("own_name", ACT_OWN_TEXTS)
@pytest.mark.parametrize("compiled_is_old", [True, False], ids=["compiled-old", "compiled-new"])
def test_a_compiled_act_against_the_public_act_that_enacted_it_has_no_change(own_name, compiled_is_old):
    compiled, own = parsed(AS_ENACTED), parsed(FRAGMENTS / own_name)
    comparison = compare(compiled, own) if compiled_is_old else compare(own, compiled)
    assert [(change.op, change.old_text, change.new_text) for change in comparison.changes] == []
    # the codifier's citation lines and Source notes are in the redline, on their side, unchanged
    for kind in ("citation", "source_note"):
        aside = one_sided(comparison, kind)
        assert [node.status for node in aside] == [Status.UNCHANGED] * 2, kind
        assert all(segment.op == Op.EQUAL for node in aside for segment in node.segments)
    note = codification_note(comparison)
    assert note is not None
    assert "2 citation lines and 2 Source notes" in note and '"Sec." printed for "Section" in 2 Section headings' in note
    assert "the title and enacting clause" in note
    assert note in pipeline.comparison_warnings(comparison)
    assert_comparison_invariants(comparison)


def test_the_heading_word_is_equal_text_and_both_printings_are_kept():
    comparison = compare(parsed(AS_ENACTED), parsed(FRAGMENTS / ACT_OWN_TEXTS[0]))
    heading = next(node for section in comparison.sections for node in section.nodes
                   if node.old is not None and node.old.path == "815 ILCS 530/1 [1]")
    first = heading.segments[0]
    assert (first.op, rebuild(first.old), rebuild(first.new)) == (Op.EQUAL, "Sec.", "Section")
    assert heading.changes == [] and heading.status == Status.UNCHANGED


def test_a_later_compilation_still_shows_every_later_amendment(tmp_path):
    """The Act's own text (as enacted) against the compiled Act as amended by P.A. 94-947:
    the amendment's two changes to Sec. 10 are changes; the printing is not."""
    own = tmp_path / "PA094-0036_as_printed.txt"
    own.write_text(own_text_of(AS_ENACTED.read_text(encoding="utf-8")), encoding="utf-8")
    comparison = compare(pipeline.read_file(own), parsed(THROUGH_94_947))
    found = [(change.op, change.new_path, change.new_text[:40]) for change in comparison.changes]
    assert found == [(Op.INSERT, "815 ILCS 530/10(a)", "at no charge"),
                     (Op.ADD, "815 ILCS 530/10(b-5)", "(b-5) The notification required by subse")]
    note = codification_note(comparison)
    assert note is not None and "3 citation lines and 3 Source notes" in note and "3 Section headings" in note
    assert_comparison_invariants(comparison)
    # and against the compiled text it was written from: nothing at all
    assert compare(pipeline.read_file(own), parsed(AS_ENACTED)).changes == []


def test_a_real_later_compilation_shows_its_changes_and_sets_aside_the_printing():
    """P.A. 94-36 against the compiled Act of 2016 (after P.A. 97-483 and 99-503): `or
    "breach"` and `Data collector` are changes of the law, the citation lines are not."""
    comparison = compare(parsed(FRAGMENTS / ACT_OWN_TEXTS[0]), parsed(FRAGMENTS / "ILCS_815-530_ActID2702_print_PARTIAL.txt"))
    found = [(change.op, change.old_text, change.new_text) for change in comparison.changes]
    assert found == [(Op.REPLACE, "Collector", "collector"), (Op.INSERT, "", 'or "breach"')]
    assert [node.status for node in one_sided(comparison, "citation")] == [Status.UNCHANGED] * 2
    assert_comparison_invariants(comparison)


def test_a_heading_changed_besides_its_first_word_is_still_a_change(tmp_path):
    own = own_text_of(AS_ENACTED.read_text(encoding="utf-8")).replace("Section 10. Notice of Breach.",
                                                                     "Section 10. Notice of breach.")
    path = tmp_path / "own.txt"
    path.write_text(own, encoding="utf-8")
    comparison = compare(parsed(AS_ENACTED), pipeline.read_file(path))
    assert [(change.op, change.old_text, change.new_text) for change in comparison.changes] == [
        (Op.REPLACE, "Breach", "breach")]
    assert_comparison_invariants(comparison)


def test_front_matter_beyond_the_title_and_enacting_clause_is_compared(tmp_path):
    """Only the bill's title and enacting clause are the Act's form: any other words before
    its first Section are added as ever."""
    own = own_text_of(AS_ENACTED.read_text(encoding="utf-8")).replace(
        "AN ACT concerning business.", "AN ACT concerning business.\n\nThis Act is dedicated to every data subject.")
    path = tmp_path / "own.txt"
    path.write_text(own, encoding="utf-8")
    comparison = compare(parsed(AS_ENACTED), pipeline.read_file(path))
    assert [(change.op, change.section) for change in comparison.changes] == [(Op.ADD, "")]
    assert "title and enacting clause" not in (codification_note(comparison) or "")


def test_two_compiled_printings_set_nothing_aside():
    comparison = compare(parsed(AS_ENACTED), parsed(THROUGH_94_947))
    assert codification_note(comparison) is None
    assert [change.op for change in comparison.changes] == [Op.INSERT, Op.ADD, Op.SOURCE]


def test_the_command_line_says_what_it_set_aside():
    result = CliRunner().invoke(main, ["diff", "--json", str(AS_ENACTED), str(FRAGMENTS / ACT_OWN_TEXTS[0])])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["changes"] == []
    assert any("set aside as printing" in warning for warning in data["warnings"])
    assert "set aside as printing" in result.stderr


@pytest.mark.skipif(not WHOLE_ACTS.is_dir(), reason="../shared/corpus/ilcs-whole-acts is absent (a fresh clone)")
@pytest.mark.parametrize("own_name", ["PA095-0714_ilga_print_PARTIAL.txt", "PA095-0714_ilga_print_pipes_PARTIAL.txt"])
def test_the_national_popular_vote_act_against_public_act_95_714(own_name):
    compiled = pipeline.read_file(WHOLE_ACTS / "10ILCS20_NationalPopularVoteAct.txt")
    comparison = compare(compiled, parsed(FRAGMENTS / own_name))
    assert comparison.changes == []
    note = codification_note(comparison)
    assert note is not None and "2 citation lines and 2 Source notes" in note and "2 Section headings" in note
    # the compiled page runs the compact's title into its first Article: `VoteArticle I-Membership`
    assert run_together_note(comparison) is not None and '"VoteArticle"' in run_together_note(comparison)
    assert_comparison_invariants(comparison)


# ---------------------------------------------------------------- words run together


@pytest.mark.parametrize("old_words,new_words,alike", [
    ("by National Popular VoteArticle I-Membership", "by National Popular Vote Article I-Membership", True),
    ("in DuPage County", "in Du Page County", False),  # a name's spelling, which revisory Acts change
    ("is given to any one person", "is given to anyone person", False),  # an edit, not a lost break
    ("every day thereafter", "everyday thereafter", False),
    ("the Vote Article", "the VoteArticles", False),  # not the two words written together
])
def test_two_words_run_together_at_a_capital_are_the_same_words(old_words, new_words, alike):
    texts = [pipeline.read_string(f"(5 ILCS 9/1)\n    Sec. 1. Text {words} here.\n(Source: P.A. 99-1.)\n", name=f"{side}.txt")
             for side, words in (("old", old_words), ("new", new_words))]
    comparison = compare(*texts)
    assert (comparison.changes == []) == alike
    assert (run_together_note(comparison) is not None) == alike
    assert_comparison_invariants(comparison)


# ---------------------------------------------------------------- what a document is called


@pytest.mark.parametrize("fmt", ["terminal", "html", "docx-header"])
def test_a_page_without_a_header_is_named_by_its_file_name(fmt):
    """A page that says nothing of itself (an ftp pipe table starts at line 1) is named as its
    ILGA file name names it, as the comparison reads it, never `untitled document`."""
    old, new = FRAGMENTS / "09400SC0027_sjrca_ftp_pipes_PARTIAL.txt", FRAGMENTS / "09300SC0012_sjrca_ftp_flat_PARTIAL.txt"
    comparison = pipeline.compare_files(old, new)
    if fmt == "docx-header":
        redline = pipeline.view(comparison)
        shown = f"{redline.old_described} | {redline.title}"
    else:
        shown = str(pipeline.render_comparison(comparison, fmt))
    assert "untitled document" not in shown
    assert "94th GA SJRCA0027 introduced" in shown


def test_a_page_that_names_only_its_title_is_named_by_its_file_name_too():
    result = CliRunner().invoke(main, ["diff", "--no-color", str(FRAGMENTS / "09400HB1633enr_PARTIAL.txt"),
                                       str(FRAGMENTS / "09400HB1633eng_ftp_PARTIAL.txt")])
    assert "+++ " + str(FRAGMENTS / "09400HB1633eng_ftp_PARTIAL.txt") + " (94th GA HB1633 engrossed)" in result.stdout


# ---------------------------------------------------------------- a Section's page against the whole Act

MIRROR_25_25 = FRAGMENTS / "ILCS_25-25_laws9_mirror_PARTIAL.txt"  # laws9.com: 25 ILCS 25, Secs. 1 to 3.1 (cut)


@pytest.mark.parametrize("page_name,number", [("ILCS_25-25-2_ilga_section_COMPLETE.txt", "2"),
                                              ("ILCS_25-25-3_ilga_section_COMPLETE.txt", "3")])
@pytest.mark.parametrize("page_is_old", [True, False], ids=["page-old", "page-new"])
def test_one_sections_page_against_a_mirror_of_the_whole_act_removes_nothing(page_name, number, page_is_old):
    """ilga.gov's page of 25 ILCS 25/2 (or /3) against a mirror's page of the whole Act: the
    Section both print is unchanged; the mirror's other Sections are in its copy only."""
    page, mirror = parsed(FRAGMENTS / page_name), parsed(MIRROR_25_25)
    comparison = compare(page, mirror) if page_is_old else compare(mirror, page)
    assert comparison.changes == []
    statuses = {section.path: section.status for section in comparison.sections}
    mirror_only = Status.ONLY_NEW if page_is_old else Status.ONLY_OLD
    assert statuses.pop(f"25 ILCS 25/{number}") == Status.UNCHANGED
    assert set(statuses.values()) == {mirror_only} and len(statuses) == 3
    warnings = pipeline.comparison_warnings(comparison)
    assert any(f"prints one Section (25 ILCS 25/{number})" in warning and "not removed" in warning
               for warning in warnings), warnings
    assert_comparison_invariants(comparison)


@pytest.mark.parametrize("page_is_old", [True, False], ids=["page-old", "page-new"])
def test_a_mirror_cut_mid_word_inside_the_section_a_sections_page_prints_is_found_cut(page_is_old):
    """laws9.com's page of 25 ILCS 25 stops mid-word in Sec. 3.1 (`... Bureau, with t`); ilga.gov's
    page of Sec. 3.1 prints it whole. The cut was judged on the whole Act against the one
    Section (the mirror read as beginning three Sections early) and not found: `[-the Clerk of
    the House ... with him.-]{+t+}` and the Source note removed. Judged on the Section both
    print, the mirror is cut there: no change, the rest of Sec. 3.1 in the page's copy only."""
    page, mirror = parsed(FRAGMENTS / "ILCS_25-25-3.1_ilga_section_COMPLETE.txt"), parsed(MIRROR_25_25)
    assert [word.text for word in mirror.root.all_words()][-3:] == ["Bureau,", "with", "t"]
    comparison = compare(page, mirror) if page_is_old else compare(mirror, page)
    assert comparison.changes == []
    statuses = {section.path: section.status for section in comparison.sections}
    mirror_only = Status.ONLY_NEW if page_is_old else Status.ONLY_OLD
    assert statuses.pop("25 ILCS 25/3.1") == Status.UNCHANGED
    assert statuses == {f"25 ILCS 25/{number}": mirror_only for number in ("1", "2", "3")}
    warnings = pipeline.comparison_warnings(comparison)
    assert not any("ends where a node" in warning for warning in warnings), warnings
    assert_comparison_invariants(comparison)
    # an edit before the cut is still a change
    edited = pipeline.read_string((FRAGMENTS / "ILCS_25-25-3.1_ilga_section_COMPLETE.txt").read_text()
                                  .replace("appropriate rules", "proper rules"), name="3.1-edited.txt")
    comparison = compare(edited, mirror) if page_is_old else compare(mirror, edited)
    assert [(change.old_text, change.new_text) for change in comparison.changes] == (
        [("proper", "appropriate")] if page_is_old else [("appropriate", "proper")])


@pytest.mark.parametrize("page_is_old", [True, False], ids=["page-old", "page-new"])
def test_a_mirror_cut_mid_word_says_it_stops_in_the_middle_of_the_word(page_is_old):
    """The laws9.com mirror's last word `t` (of `the`, where ilga.gov's page of Sec. 3.1 goes on
    `the Clerk of the House ...`) is where the mirror stops, not text of its own: the terminal,
    the HTML redline and the Word comment say the mirror stops in the middle of the word "the"
    (not `only in the ... copy, the ... copy stops here: t`, which names the wrong copy)."""
    page = pipeline.read_string((FRAGMENTS / "ILCS_25-25-3.1_ilga_section_COMPLETE.txt").read_text()
                                .replace("appropriate rules", "proper rules"), name="3.1-edited.txt")
    mirror = parsed(MIRROR_25_25)
    comparison = compare(page, mirror) if page_is_old else compare(mirror, page)
    side, other = ("new", "old") if page_is_old else ("old", "new")
    label = f'the {side} copy stops here, in the middle of the word "the"'
    terminal = str(pipeline.render_comparison(comparison, "terminal"))
    assert f"«{label}: t»" in terminal
    assert f"«only in the {other} copy, the {side} copy stops here: the Clerk of the House" in terminal
    assert ": t»" not in terminal.replace(f"«{label}: t»", "")
    labels = [run.label for section in build_view(comparison).sections for row in section.rows for run in row.runs
              if run.label is not None and run.label.cut_word]
    assert [(label_.text, label_.shown) for label_ in labels] == [(label, True)]
    html = str(pipeline.render_comparison(comparison, "html"))
    assert f'<span class="only-label">{label.replace(chr(34), "&#34;")}</span> t</span>' in html


def test_a_copy_that_begins_mid_word_says_so():
    """ilga.gov's page of Sec. 3.1 from the middle of `Representatives` on (`entatives and, after
    ...`, one word edited, so that the terminal prints the node) against the whole page: the cut
    copy begins in the middle of that word."""
    text = (FRAGMENTS / "ILCS_25-25-3.1_ilga_section_COMPLETE.txt").read_text()
    cut = pipeline.read_string(text[text.index("entatives and, after"):].replace("assign numbers", "give numbers"),
                               name="cut.txt")
    comparison = compare(cut, pipeline.read_string(text, name="whole.txt"))
    terminal = str(pipeline.render_comparison(comparison, "terminal"))
    assert '«the old copy begins here, in the middle of the word "Representatives": entatives»' in terminal


@pytest.mark.parametrize("page_is_old", [True, False], ids=["page-old", "page-new"])
def test_the_sections_only_the_whole_act_prints_are_labelled_beside_a_sections_page(page_is_old):
    """Not "the new copy is truncated": the page prints one Section (every output says so)."""
    page, mirror = parsed(FRAGMENTS / "ILCS_25-25-2_ilga_section_COMPLETE.txt"), parsed(MIRROR_25_25)
    comparison = compare(page, mirror) if page_is_old else compare(mirror, page)
    holder, other = ("new", "old") if page_is_old else ("old", "new")
    view = build_view(comparison)
    assert {section.status_label for section in view.sections if section.path != "25 ILCS 25/2"} == {
        f"present in the {holder} copy only: the {other} copy prints one Section"}
    assert [line.text for line in view.one_copy_lines] == [
        f"Present in the {holder} copy only (the {other} copy prints one Section)"]
    terminal = pipeline.render_comparison(comparison, "terminal")
    assert f"Only in the {holder} copy (the {other} copy prints one Section): " in terminal
    assert "truncated" not in terminal + " ".join(section.status_label for section in view.sections)


def test_two_pages_of_different_sections_still_share_nothing():
    """Two Sections' pages: neither is the whole Act, and the warning that they share no
    section stands (each Section is removed and added as ever)."""
    comparison = compare(parsed(FRAGMENTS / "ILCS_25-25-2_ilga_section_COMPLETE.txt"),
                         parsed(FRAGMENTS / "ILCS_25-25-3_ilga_section_COMPLETE.txt"))
    assert sorted(change.op for change in comparison.changes) == [Op.ADD, Op.REMOVE]
    assert not any("prints one Section" in warning for warning in pipeline.comparison_warnings(comparison))


def test_a_sections_page_against_the_whole_act_still_shows_the_sections_own_changes():
    """815 ILCS 530/10 as amended by P.A. 97-483 (a Section's page, cut in (b)) against the
    whole Act through P.A. 94-947: Secs. 1 and 5 are not removed; Sec. 10's new words are
    changes."""
    comparison = compare(parsed(THROUGH_94_947), parsed(FRAGMENTS / "ILCS_815-530-10_witnessslips_section_PARTIAL.txt"))
    statuses = {section.path: section.status for section in comparison.sections}
    assert statuses == {"815 ILCS 530/1": Status.ONLY_OLD, "815 ILCS 530/5": Status.ONLY_OLD,
                        "815 ILCS 530/10": Status.CHANGED}
    assert {change.section for change in comparison.changes} == {"815 ILCS 530/10"}


# ---------------------------------------------------------------- a mirror's hyphens


def test_a_mirrors_non_breaking_hyphen_is_a_hyphen():
    """laws9.com prints `par. 42.23‑1` and `Pre‑Filing` with U+2011; ilga.gov prints `-`."""
    comparison = compare(parsed(MIRROR_25_25), parsed(FRAGMENTS / "ILCS_25-25-3.1_ilga_section_COMPLETE.txt"))
    citation = [change for change in comparison.changes if change.old_path == "25 ILCS 25/3.1 [citation]"]
    assert citation == []
    section_1 = ("(25 ILCS 25/1) (from Ch. 63, par. 42.21)\n    Sec. 1. This Act shall be known and may "
                 "be cited as the Pre-Filing of Bills Act.\n(Source: Laws 1961, p. 3120.)\n")
    own = pipeline.read_string(section_1, name="25-1.txt")
    mirror_section_1 = compare(parsed(MIRROR_25_25), own)
    assert [change for change in mirror_section_1.changes if change.section == "25 ILCS 25/1"] == []
    # a real hyphen change is still one: `Pre-Filing` against `Prefiling`
    edited = pipeline.read_string(section_1.replace("Pre-Filing", "Prefiling"), name="25-1b.txt")
    assert [(change.old_text, change.new_text) for change in compare(own, edited).changes] == [("Pre-Filing", "Prefiling")]


# ---------------------------------------------------------------- a bill that creates the Act and amends another


def test_a_public_act_that_creates_the_act_and_amends_another_is_compared_section_by_section(tmp_path):
    """A bill that creates an Act usually amends another too (`Section 900. The Consumer Fraud
    and Deceptive Business Practices Act is amended ...`). Against the compiled Act it creates,
    it is no amendment of that Act: compared as one, every Section of the Act was "not
    restated" and P.A. 94-947's changes were hidden. They are compared Section by Section; the
    other Act's restated Section is added text, as printed."""
    amending = ("    Section 900. The Consumer Fraud and Deceptive Business Practices Act is amended by changing "
                "Section 12 as follows:\n\n" + (FRAGMENTS / "ILCS_815-505-12_ftp_html_COMPLETE.txt").read_text(encoding="utf-8"))
    path = tmp_path / "PA094-0036_with_section_900.txt"
    path.write_text(own_text_of(AS_ENACTED.read_text(encoding="utf-8")) + "\n" + amending + "\n", encoding="utf-8")
    bill = pipeline.read_file(path)
    comparison = compare(bill, parsed(THROUGH_94_947))
    assert comparison.mode == "versions"
    found = [(change.op, change.section, change.new_text[:20]) for change in comparison.changes]
    assert found == [(Op.INSERT, "815 ILCS 530/10", "at no charge"), (Op.ADD, "815 ILCS 530/10", "(b-5) The notificati"),
                     (Op.REMOVE, "Section 900", ""), (Op.REMOVE, "815 ILCS 505/12", "")]
    assert codification_note(comparison) is not None
    # against the Act it amends, it is an amendment as ever
    consumer_fraud = parsed(FRAGMENTS / "ILCS_815-505-12_ftp_html_COMPLETE.txt")
    assert compare(consumer_fraud, bill).mode == "amendment"
