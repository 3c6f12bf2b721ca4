"""Real Illinois texts paired as users pair them (helper explore2): a bill against the ILCS
Section it amends, and the law as it read before the bill against the bill. Each pair kept
in `statutes/fragments/` (see `SOURCES.md`) or built from one by a realistic edit, each
checked for what a redline must never do: hide text both copies hold as text beyond a cut,
mislabel which copy stops, or run two paragraphs' words together."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from conftest import assert_comparison_invariants
from statdiff import pipeline
from statdiff.model import Op
from statdiff.render import RenderOptions

FRAGMENTS = Path(__file__).resolve().parent.parent / "statutes" / "fragments"
BILL = FRAGMENTS / "900SB0517_90thGA_legisnet_flat_PARTIAL.txt"  # cut inside `"Board". The Merit Ad`

# 15 ILCS 410/3 as it read before the bill: the words the bill prints struck (`Personnel-Comptroller`,
# `or a Deputy Comptroller`, the `"Board"` definition) and none of those it underlines. An
# Act's page, one definition a paragraph, where the bill's page runs them together.
BEFORE_THE_BILL = """(15 ILCS 410/3) (from Ch. 15, par. 403)
    Sec. 3. Definitions. For the purpose of this Act, unless the context indicates otherwise, the following words shall have the meanings ascribed to them as follows:
    "Commission". The Merit Commission created by this Act.
    "Department". Department of Personnel-Comptroller.
    "Director". Director of the Department of Personnel-Comptroller.
    "Organizational entity". An entity directly subordinate to the Comptroller or a Deputy Comptroller.
    "Board". The Merit Advisory Board created by this Act.
(Source: P.A. 80-1397.)
"""


def _terminal(comparison) -> str:
    console = Console(no_color=True, width=600, file=io.StringIO())
    return str(pipeline.render_comparison(comparison, "terminal", options=RenderOptions(console=console)))


def _one_copy_text(comparison, section_path: str, op: str) -> str:
    return " ".join(token.text for section in comparison.sections if section.path == section_path
                    for node in section.nodes for segment in node.segments if segment.op == op
                    for token in (segment.old if op == Op.ONLY_OLD else segment.new))


def test_the_law_s_last_words_that_the_cut_bill_holds_are_shared_never_beyond_the_cut():
    """The law in force ends 15 ILCS 410/3 `subordinate to the Comptroller. (Source: ...)`; the
    bill, cut inside the Section, prints `subordinate to the Comptrolleror a Deputy
    Comptroller. "Board". The Merit Ad` (its struck words beside the law's). The law's
    `Comptroller.` is the bill's: it was shown as text only the law holds, the bill's
    `Comptroller.` as inserted with the words around it."""
    comparison = pipeline.compare_files(FRAGMENTS / "ILCS_15-410_laws9_flat_mirror_PARTIAL.txt", BILL)
    assert_comparison_invariants(comparison)
    # beyond the cut, the law's Source note alone
    assert _one_copy_text(comparison, "15 ILCS 410/3", Op.ONLY_OLD).startswith("( Source")
    assert "Comptroller" not in _one_copy_text(comparison, "15 ILCS 410/3", Op.ONLY_OLD)
    inserted = [change.new_text for change in comparison.changes if change.op == Op.INSERT]
    assert "Comptrolleror a Deputy" in inserted
    assert not any("Comptroller." in text for text in inserted if "Deputy" in text)
    assert "«only in the old copy" not in _terminal(comparison).split("15 ILCS 410/3 Definitions.")[1].split("\n\n")[0]


def test_a_copy_cut_mid_word_says_so_where_the_other_copy_prints_the_word_in_another_paragraph(tmp_path):
    """The bill's one paragraph ends with the cut word `Ad`; the law before it prints
    `Advisory` in a paragraph of its own. `Ad` was labelled `only in the new copy, the old copy
    stops here`: the old copy goes on, the new one stops in the middle of `Advisory`."""
    before = tmp_path / "15ILCS410-3_before_PA90-24.txt"
    before.write_text(BEFORE_THE_BILL, encoding="utf-8")
    comparison = pipeline.compare_files(before, BILL)
    assert_comparison_invariants(comparison)
    shown = _terminal(comparison)
    assert '«the new copy stops here, in the middle of the word "Advisory": Ad»' in shown
    assert "the old copy stops here" not in shown
    html = str(pipeline.render_comparison(comparison, "html"))
    assert 'the new copy stops here, in the middle of the word &#34;Advisory&#34;' in html \
        or 'the new copy stops here, in the middle of the word &quot;Advisory&quot;' in html \
        or 'the new copy stops here, in the middle of the word "Advisory"' in html
    assert "only in the new copy" not in html


def test_words_of_two_paragraphs_shown_in_one_row_keep_the_space_between_them(tmp_path):
    """A restreamed row shows the law's definitions, one paragraph each, beside the bill's one
    paragraph: `... this Act."Department". ...` ran the law's paragraphs together."""
    before = tmp_path / "15ILCS410-3_before_PA90-24.txt"
    before.write_text(BEFORE_THE_BILL, encoding="utf-8")
    shown = _terminal(pipeline.compare_files(before, BILL))
    assert 'Act. "Department".' in shown and 'Comptroller. "Board".' in shown
    assert 'Act."Department"' not in shown and 'Comptroller."' not in shown


def test_inserted_words_glued_to_the_next_word_are_never_printed_as_two_words():
    """The bill prints `of the ComptrollerPersonnel-Comptroller.` (its new words run into its
    struck ones); the law in force, `of the Comptroller.`. `ComptrollerPersonnel-` is inserted
    before the shared `Comptroller.`, and the redline printed `ComptrollerPersonnel- Comptroller.`:
    a space neither copy prints there (the law's space before `Comptroller.`, after `the`)."""
    comparison = pipeline.compare_files(FRAGMENTS / "ILCS_15-410_laws9_flat_mirror_PARTIAL.txt", BILL)
    shown = _terminal(comparison)
    assert shown.count("{+ComptrollerPersonnel-+}Comptroller.") == 2
    assert "{+ComptrollerPersonnel-+} Comptroller." not in shown
    html = str(pipeline.render_comparison(comparison, "html"))
    assert html.count("ComptrollerPersonnel-</ins></span>Comptroller.") == 2
    assert "ComptrollerPersonnel-</ins></span> Comptroller." not in html
    # the words after an equal run keep their spaces: `{+Comptrolleror a Deputy+} Comptroller.`
    assert "{+Comptrolleror a Deputy+} Comptroller." in shown


# ------------------------------------------------------------------ an item inserted before `; and`

SECTION_PAGE = FRAGMENTS / "ILCS_20-3405_instalawyer_mirror_PARTIAL.txt"  # 20 ILCS 3405/2, items (a) to (g)


def _with_an_item_inserted(tmp_path) -> Path:
    """20 ILCS 3405/2 as a bill might amend it: an item inserted before the list's last
    (`(f) (Blank); and`, the `and` moved to it), an item relettered, one struck, the Source
    note extended."""
    text = SECTION_PAGE.read_text(encoding="utf-8")
    edited = text.replace("(f) (Blank); and\n", '(f) (Blank);\n(f-5) "Board" means the Historic Preservation Board; and\n')
    edited = edited.replace('(b-5) "Department"', '(b-10) "Department"').replace("(d) (Blank);\n", "")
    edited = edited.replace("100-695, eff. 8-3-18.)\n(20 ILCS 3405/3)", "100-695, eff. 8-3-18; 104-12, eff. 1-1-26.)\n(20 ILCS 3405/3)")
    assert edited.count("104-12") == 1 and "(b-10)" in edited and "(d) (Blank)" not in edited
    path = tmp_path / "20ILCS3405_item_inserted.txt"
    path.write_text(edited, encoding="utf-8")
    return path


def test_an_item_inserted_into_a_list_is_one_insertion_in_its_own_paragraph(tmp_path):
    """The diff read `;` inserted after `(f) (Blank)` and `(f-5) ... Board` inserted before the
    old `; and`: two changes, `(f)` shown gaining a `;` it always had. An insertion that may
    slide is placed where it begins a paragraph of NEW."""
    comparison = pipeline.compare_files(SECTION_PAGE, _with_an_item_inserted(tmp_path))
    assert_comparison_invariants(comparison)
    inserted = [(change.new_path, change.new_text) for change in comparison.changes if change.op == Op.INSERT]
    assert inserted == [("20 ILCS 3405/2(f-5)", '(f-5) "Board" means the Historic Preservation Board;')]
    assert not any(change.new_path == "20 ILCS 3405/2(f)" for change in comparison.changes)
    assert len(comparison.changes) == 4  # relettered, struck, inserted; the Source note


def test_an_item_deleted_from_a_list_is_one_deletion_of_its_own_paragraph(tmp_path):
    comparison = pipeline.compare_files(_with_an_item_inserted(tmp_path), SECTION_PAGE)
    assert_comparison_invariants(comparison)
    deleted = [(change.old_path, change.old_text) for change in comparison.changes if change.op == Op.DELETE]
    assert deleted == [("20 ILCS 3405/2(f-5)", '(f-5) "Board" means the Historic Preservation Board;')]
    assert len(comparison.changes) == 4


def test_a_slide_keeps_every_word_of_both_copies_in_order():
    """`slid_to_paragraphs` moves a run along the equal words around it, each side keeping its
    own tokens in its own order, and never past the equal words either side."""
    from statdiff.compare.slides import slid_to_paragraphs
    from statdiff.compare.tokens import tokenize
    from statdiff.model import Segment, Word

    def tokens(text: str):
        return tuple(tokenize([Word(word) for word in text.split()]))

    old = tokens("(f) (Blank); and (g) more")  # (f) ( Blank ) ; and (g) more
    new = tokens("(f) (Blank); (f-5) Board; and (g) more")  # (f) ( Blank ) ; (f-5) Board ; and ...
    assert [token.text for token in new[4:8]] == [";", "(f-5)", "Board", ";"]
    # as the diff may place it: `; (f-5) Board` inserted after `(Blank)`
    placed = [Segment(Op.EQUAL, old[:4], new[:4]), Segment(Op.INSERT, (), new[4:7]), Segment(Op.EQUAL, old[4:], new[7:])]
    segments = slid_to_paragraphs(placed, lambda index: index == 0, lambda index: index in (0, 5))
    assert [token.text for segment in segments for token in segment.old] == [token.text for token in old]
    assert [token.text for segment in segments for token in segment.new] == [token.text for token in new]
    assert [segment.op for segment in segments] == [Op.EQUAL, Op.INSERT, Op.EQUAL]
    assert [token.text for token in segments[1].new] == ["(f-5)", "Board", ";"]
    assert all(segment.old == segment.new or [t.text for t in segment.old] == [t.text for t in segment.new]
               for segment in (segments[0], segments[2]))
    # the same for a deletion, along OLD's paragraphs
    removed = [Segment(Op.EQUAL, new[:4], old[:4]), Segment(Op.DELETE, new[4:7], ()), Segment(Op.EQUAL, new[7:], old[4:])]
    back = slid_to_paragraphs(removed, lambda index: index in (0, 5), lambda index: index == 0)
    assert [token.text for token in back[1].old] == ["(f-5)", "Board", ";"]
    # with no paragraph to begin, the run stays where the diff put it
    assert slid_to_paragraphs(placed, lambda index: index == 0, lambda index: index == 0) == placed


def test_a_mirror_s_act_heading_with_a_dash_names_the_act_without_it():
    """instalawyer prints `20 ILCS 2635/ - Illinois Uniform Conviction Information Act.`: the
    title read `- Illinois Uniform ...`, in every output's header."""
    from statdiff.read import read_path

    result = read_path(FRAGMENTS / "ILCS_20-2635_instalawyer_mirror_PARTIAL.txt")
    assert result.identity.title == "Illinois Uniform Conviction Information Act."
    assert result.identity.act == "20 ILCS 2635"


# ------------------------------------------------------------------ a two-digit number then an indent


def test_a_plain_page_whose_two_digit_lines_open_indented_paragraphs_is_numbered_not_legisnet():
    """The 97th GA's plain page prints `11        1. To any person` (a paragraph's first line
    indented after a two-digit number) and `12    18 years except`: read as legisnet's
    right-aligned numbers, the page tied with prose at 0.5 (a synopsis a little longer could
    tip it to prose, every line number a word), and its enacting clause ran into its title.
    Only a one-digit number padded with a space (` 1        AN ACT`) is legisnet's own."""
    from statdiff.read import read_path
    from statdiff.read.decode import load_text
    from statdiff.read.detect import detection
    from statdiff.structure import build_document

    for name in ("09700SB0957_introduced_ilga_PARTIAL.txt", "09300HB5320_introduced_ilga_PARTIAL.txt",
                 "10400SB1922ham001_ftp_PARTIAL.txt"):
        found = detection(load_text(FRAGMENTS / name, None))
        assert found.rendering == "numbered" and found.score >= 0.9 and found.runner_up_score <= 0.1, (name, found)
    root = build_document(read_path(FRAGMENTS / "09700SB0957_introduced_ilga_PARTIAL.txt")).root
    assert "AN ACT concerning transportation." in [node.text for node in root.walk() if node.kind == "text"]
    assert read_path(FRAGMENTS / "920HB4947LV_92ndGA_legisnet_PARTIAL.txt").rendering == "legisnet"


# ------------------------------------------------------------------ 625 ILCS 5/6-103 in five printings


def test_two_printings_of_one_public_act_and_of_one_bill_hold_no_change():
    """P.A. 93-174 as ilga.gov's full text and its ftp copy (spaced like a typewriter);
    HB5320 (93rd GA) as numbered plain text and as a pipe table: each pair the same words."""
    for old, new in (("PA093-0174_ilga_publicact_fulltext_PARTIAL.txt", "PA093-0174_ftp_plain_PARTIAL.txt"),
                     ("09300HB5320_introduced_ilga_PARTIAL.txt", "09300HB5320_introduced_ftp_pipes_PARTIAL.txt")):
        comparison = pipeline.compare_files(FRAGMENTS / old, FRAGMENTS / new)
        assert_comparison_invariants(comparison)
        assert comparison.changes == [], (old, [change.new_text for change in comparison.changes])


def test_a_bill_against_the_public_act_that_last_restated_its_section():
    """HB5320 restates 625 ILCS 5/6-103 as P.A. 93-174 left it and inserts `in that driver
    education course` (its struck `therein` prints as a word): in the Section, that insertion
    and nothing else, at the bill's page:line 1:18."""
    comparison = pipeline.compare_files(FRAGMENTS / "PA093-0174_ilga_publicact_fulltext_PARTIAL.txt",
                                        FRAGMENTS / "09300HB5320_introduced_ilga_PARTIAL.txt")
    assert_comparison_invariants(comparison)
    in_section = [change for change in comparison.changes if change.section == "625 ILCS 5/6-103"]
    assert [(change.op, change.new_text) for change in in_section] == [(Op.INSERT, "in that driver education course")]
    assert (in_section[0].new_source.start.page, in_section[0].new_source.start.line) == (1, 18)


def test_an_ilcs_page_whose_items_open_with_their_numbers_is_read_as_the_ilcs_page_it_is(tmp_path):
    """laws9 prints 625 ILCS 5/6-102's items `1. Any employee ...`, `2. A nonresident ...`,
    one a line: counted as lines opening with a line number that no printing numbered, they
    took the ILCS reading to 0.22 and the page was read as prose (a warning, the `|` of its
    cells kept as words, its items one paragraph). An item's number is followed by a period,
    a printing's line number never is."""
    from statdiff.read import read_path

    page = FRAGMENTS / "ILCS_625-5-Ch6-ArtI_laws9_cells_mirror_PARTIAL.txt"
    result = read_path(page)
    assert result.rendering == "ilcs" and result.detection.score >= 0.8
    edited = page.read_text(encoding="utf-8").replace("for a period of 90 days following", "for a period of 120 days following")
    assert edited.count("120 days") == 1
    (tmp_path / "edited.txt").write_text(edited, encoding="utf-8")
    comparison = pipeline.compare_files(page, tmp_path / "edited.txt")
    assert_comparison_invariants(comparison)
    assert [(change.op, change.new_path, change.old_text, change.new_text) for change in comparison.changes] == [
        (Op.REPLACE, "625 ILCS 5/6-102 5.", "90", "120")]


def test_a_deleted_item_is_listed_where_it_was_not_after_the_item_before_it(tmp_path):
    """`(d) (Blank);` struck from 20 ILCS 3405/2: the summary, CSV and Word listed the deletion
    under `20 ILCS 3405/2(c)` (the NEW node it stood after), `deleted "(d) (Blank);"` at (c)."""
    comparison = pipeline.compare_files(SECTION_PAGE, _with_an_item_inserted(tmp_path))
    deleted = [change for change in comparison.changes if change.op == Op.DELETE]
    assert [(change.old_path, change.place) for change in deleted] == [("20 ILCS 3405/2(d)", "20 ILCS 3405/2(d)")]
    view = pipeline.view(comparison)
    assert [change.where for change in view.changes if change.change.op == Op.DELETE] == ["20 ILCS 3405/2(d)"]
    csv = str(pipeline.render_comparison(comparison, "csv"))
    assert "20 ILCS 3405/2(d)" in csv and "20 ILCS 3405/2(c)" not in csv
