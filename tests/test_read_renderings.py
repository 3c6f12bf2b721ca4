"""The renderings statdiff did not read before issue #10, each on real pages collected for
it (`statutes/fragments/SOURCES.md`, "Added for issue #10"), each read by a general rule:
the page:line of the printing, the tree a reader expects, and what the audit says was dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from statdiff.errors import StatdiffError
from statdiff.read import read_path, read_text
from statdiff.read.audit import audit
from statdiff.read.decode import load_text
from statdiff.structure import build_document

FRAGMENTS = Path(__file__).resolve().parent.parent / "statutes" / "fragments"


def read(name: str):
    return read_path(FRAGMENTS / name)


def tree(name: str):
    return build_document(read(name))


def lines_at(result) -> dict:
    return {(line.page, line.line): line.text for line in result.lines}


def dropped(result, rule: str) -> list[str]:
    return [drop.text for drop in result.dropped if drop.rule == rule]


# ------------------------------------------------------------------ pipes: the number alone on its row


def test_pipes_with_each_line_number_alone_on_its_row_after_a_synopsis():
    result = read("09600HB6878_introduced_ftp_PARTIAL.txt")
    assert result.rendering == "pipes"
    assert lines_at(result)[(1, 1)] == "AN ACT concerning State government."
    assert lines_at(result)[(1, 5)] == "Code of Illinois is amended by changing Sections 50-5 and 50-10"
    assert result.synopsis.startswith("Amends the State Budget Law of the Civil Administrative Code of Illinois.")
    assert dropped(result, "line number") == ["1", "2", "3", "4", "5", "6"]
    assert not any("ILCS" in line.text or "FISCAL NOTE" in line.text for line in result.lines)


# ------------------------------------------------------------------ legisnet flattened, legisnet collapsed


def test_a_legisnet_page_flattened_to_one_line_keeps_its_pages_and_lines():
    result = read("09100HB1800_legisnet91_flat_PARTIAL.txt")
    assert result.rendering == "flat-ftp"
    by_position = lines_at(result)
    assert by_position[(1, 9)] == "(10 ILCS 5/4-11) (from Ch. 46, par. 4-11)"
    assert by_position[(1, 31)] == "county clerk shall give the precinct lists to the chairman of"
    assert by_position[(2, 1)] == "a county central committee of an established political party,"
    assert dropped(result, "running header") == ["91_HB1800 LRB9103394MWpr", "-2- LRB9103394MWpr"]
    assert dropped(result, "site chrome") == ["[ Search ]", "[ Legislation ]", "[ Home ]", "[ Back ]", "[ Bottom ]"]
    assert result.identity.bill == "HB1800" and result.identity.general_assembly == 91


def test_early_legisnet_with_collapsed_spacing_still_finds_its_subsections_and_items():
    result = read("09100SB0331eng_legisnet91_collapsed_PARTIAL.txt")
    assert result.rendering == "legisnet"
    assert lines_at(result)[(2, 1)] == "courts are significantly enhanced when all parties have"
    document = build_document(result)
    section = document.find("30 ILCS 765/5")
    assert [child.path for child in section.children if child.kind == "subsection"] == [
        "30 ILCS 765/5(a)", "30 ILCS 765/5(b)", "30 ILCS 765/5(c)", "30 ILCS 765/5(d)",
    ]
    assert document.find("30 ILCS 765/Act title").text == ""  # the Act's title restated, as a Section
    items = [node.path for node in tree("09100HB0516eng_legisnet91_collapsed_COMPLETE.txt").walk() if node.kind == "item"]
    assert items == ["25 ILCS 5/3.1(i)", "25 ILCS 5/3.1(ii)"]


# ------------------------------------------------------------------ page markers with the amendment form


def test_page_markers_whose_lrb_number_has_the_amendment_form():
    result = read("10400SB2456ham002_amgoa_pipes_midchunk_PARTIAL.txt")
    assert result.rendering == "pipes" and result.identity.amendment == "ham002"
    assert lines_at(result)[(2, 1)] == "records received by the Experimental Organ Transplantation"
    assert lines_at(result)[(3, 2)] == "local emergency energy plan ordinance that is adopted"
    assert "- 3 -" in dropped(result, "running header")
    subsections = [node.path for node in build_document(result).walk() if node.kind == "subsection"]
    assert subsections == ["(d)", "(e)", "(f)", "(g)", "(h)", "(i)"]


def test_glued_headers_of_an_amendment_and_its_line_one_alone():
    result = read("10400HB0575ham001_amgoa_PARTIAL.txt")
    assert result.identity.lrb == "LRB104 04439 BDA 29391 a" and result.identity.amendment == "ham001"
    by_position = lines_at(result)
    assert by_position[(1, 1)] == "AMENDMENT TO HOUSE BILL 575"
    assert by_position[(2, 1)] == "which the candidates are nominated. The State Board of"
    assert dropped(result, "running header")[-1] == "10400HB0575ham001- 2 -LRB104 04439 BDA 29391 a"
    document = build_document(result)
    assert [node.path for node in document.walk() if node.kind in ("article", "bill_section")] == [
        "Article 5", "Article 5 Section 5-5",
    ]


# ------------------------------------------------------------------ a truncated copy ending in a line number


def test_a_copy_cut_off_after_a_line_number_drops_the_number_by_its_rule():
    result = read_path(FRAGMENTS / "10200SB0731sam002_PARTIAL.txt")
    last = result.dropped[-1]
    assert (last.rule, last.text, last.line) == ("line number", "16", 16)
    assert result.lines[-1].line == 15
    report = audit(load_text(FRAGMENTS / "10200SB0731sam002_PARTIAL.txt"), build_document(result).root.all_words(), result.dropped)
    assert report.ok


# ------------------------------------------------------------------ third-party mirrors


def test_a_mirror_with_a_version_banner_a_breadcrumb_an_article_heading_and_unicode_hyphens():
    result = read("ILCS_30-500-Art50_justia2005_mirror_PARTIAL.txt")
    assert result.rendering == "ilcs"
    assert dropped(result, "site chrome") == [
        "View Our Newest Version Here",
        "2005 Illinois 30 ILCS 500/ Illinois Procurement Code. Article 50 - Procurement Ethics and Disclosure",
    ]
    assert (result.identity.act, result.identity.title) == ("30 ILCS 500", "Illinois Procurement Code.")
    document = build_document(result)
    article = document.find("30 ILCS 500/Art. 50")
    assert article.kind == "article" and article.meta.heading == "PROCUREMENT ETHICS AND DISCLOSURE"
    section = document.find("30 ILCS 500/50-5")  # printed `50‑1` (U+2011): the path is ASCII
    assert section.meta.number == "50-5" and section.meta.heading == "Bribery."
    assert section in article.children
    assert document.find("30 ILCS 500/50-5(a)(1)").text.startswith("(1) has been convicted under the laws of Illinois or any")


def test_a_mirror_with_a_bare_act_heading_line():
    result = read("ILCS_25-25_laws9_mirror_PARTIAL.txt")
    assert (result.identity.act, result.identity.title) == ("25 ILCS 25", "Pre-Filing of Bills Act.")
    assert dropped(result, "Act heading") == ["25 ILCS 25/ Pre-Filing of Bills Act."]
    document = build_document(result)
    assert document.find("25 ILCS 25/3.1").meta.from_ == "Ch. 63, par. 42.23‑1"
    assert [node.meta.term for node in document.walk() if node.kind == "definition"] == [
        "Bill", "Opening day", "Filing period",
    ]


def test_a_whole_act_page_with_its_chapter_act_heading_and_navigation_on_one_line():
    result = read("ILCS_325-2_ActID1459_ilga_wholeact_PARTIAL.txt")
    assert (result.identity.act, result.identity.title) == ("325 ILCS 2", "Abandoned Newborn Infant Protection Act.")
    assert dropped(result, "chapter heading") == ["CHILDREN"]
    assert dropped(result, "navigation citation") == ["325 ILCS 2/1", "325 ILCS 2/5"]
    assert result.lines[0].text == "(325 ILCS 2/1)"


def test_a_whole_acts_navigation_line_above_an_article_heading_is_dropped_by_its_rule():
    result = read("ILCS_20-1370_witnessslips_print_PARTIAL.txt")
    assert dropped(result, "navigation citation") == ["20 ILCS 1370/Art. 1", "20 ILCS 1370/1-1", "20 ILCS 1370/1-3",
                                                      "20 ILCS 1370/1-5"]
    document = build_document(result)
    assert [node.kind for node in document.root.children] == ["article"]
    assert [node.path for node in document.walk() if node.kind == "section"] == [
        "20 ILCS 1370/1-1", "20 ILCS 1370/1-3", "20 ILCS 1370/1-5"]


def test_the_sites_menus_above_an_ilcs_section_are_chrome():
    result = read("ILCS_410-525-5_ilga_fulltext_COMPLETE.txt")
    assert result.lines[0].text == "(410 ILCS 525/5) (from Ch. 111 1/2, par. 6705)"
    assert "Bills & Resolutions" in dropped(result, "site chrome")
    items = [node.path for node in build_document(result).walk() if node.kind == "item"]
    assert items == [f"410 ILCS 525/5({numeral})" for numeral in ("i", "ii", "iii", "iv", "v")]


def test_an_ilcs_page_that_holds_no_section_is_an_error():
    with pytest.raises(StatdiffError, match="no bill or statute text found .*ILCS disclaimer .*site chrome"):
        read("ILCS_720-5-28_ilga_notavailable_COMPLETE.txt")


def test_a_mirrors_bullets_before_citations_are_chrome():
    text = load_text(FRAGMENTS / "ILCS_20-3405_instalawyer_mirror_PARTIAL.txt").replace("(20 ILCS", "• (20 ILCS")
    result = read_text(text, name="bulleted")
    assert dropped(result, "site chrome") == ["•"] * 4
    assert [node.path for node in build_document(result).root.children] == [
        "20 ILCS 3405/1", "20 ILCS 3405/2", "20 ILCS 3405/3", "20 ILCS 3405/3.1",
    ]


def test_a_was_note_glued_to_its_citation_stays_on_the_citation_line():
    text = (
        "(720 ILCS 5/12-7.3)(was 720 ILCS 5/12-7.3 new)\n"
        "Sec. 12-7.3. Stalking.\n(a) A person commits stalking.\n(Source: P.A. 96-686, eff. 1-1-10.)\n"
    )
    section = build_document(read_text(text)).find("720 ILCS 5/12-7.3")
    assert section.children[0].text == "(720 ILCS 5/12-7.3)(was 720 ILCS 5/12-7.3 new)"
    assert section.meta.heading == "Stalking."


def test_a_repealed_section_of_a_mirror():
    section = tree("ILCS_20-3405_instalawyer_mirror_PARTIAL.txt").find("20 ILCS 3405/3")
    assert section.meta.repealed is True and section.meta.heading == "(Repealed)."


# ------------------------------------------------------------------ inside the tree


def test_an_inline_enumerator_right_after_a_subparagraphs_heading():
    document = tree("PA101-0661_ilga_newsite_view_PARTIAL.txt")
    heading = document.find("775 ILCS 5/7A-104(A)")
    assert heading.text == "(A) Temporary Relief."
    assert [child.path for child in heading.children] == [
        "775 ILCS 5/7A-104(A)(1)", "775 ILCS 5/7A-104(A)(2)", "775 ILCS 5/7A-104(A)(3)",
    ]
    assert document.find("775 ILCS 5/7A-104(A)(1)").text.startswith("(1) At any time after a charge is filed")


def test_a_repealed_sections_citation_is_kept_in_the_bill_section_that_repeals_it():
    document = tree("PA100-0429_witnessslips_fulltext_PARTIAL.txt")
    bill_section = document.find("Section 10")
    repealed = document.find("5 ILCS 80/4.27a")
    assert repealed in bill_section.children and repealed.meta.status == "rep." and repealed.meta.repealed
    assert bill_section.meta.amends.repealing == ("4.27a",)
    assert document.find("Section 10 [1]").meta.role == "instruction"
    assert [word.text for word in document.root.all_words()] == [
        word for line in read("PA100-0429_witnessslips_fulltext_PARTIAL.txt").lines for word in line.text.split()
    ]


def test_a_bill_restating_an_article_heading_keeps_it_in_its_bill_section():
    document = tree("09500HB2785_introduced_fulltext_PARTIAL.txt")
    bill_section = document.find("Section 5")
    article = document.find("10 ILCS 5/Art. 19B")
    assert article in bill_section.children and article.meta.status == "new"
    assert article.meta.heading == 'ELECTIONS WITH VOTER CONSENT "NONE OF THE ABOVE" OPTIONS'
    assert [child.path for child in article.children][-1] == "10 ILCS 5/19B-5"
    assert str(article.source) == "1:9-14"


def test_numbered_definitions_restated_in_a_bill_are_paragraphs():
    document = tree("09000HB1175_legisnet90_PARTIAL.txt")
    first = document.find("10 ILCS 5/1-3 1.")
    assert first.kind == "paragraph" and first.meta.term == "Election"
    assert document.find("10 ILCS 5/1-3 2.").kind == "paragraph"


@pytest.mark.parametrize(
    "name",
    [
        "PA100-0429_witnessslips_fulltext_PARTIAL.txt",
        "PA100-0239_ilga_ftp_pipes_PARTIAL.txt",
        "PA100-0239_ilga_ftp_plain_PARTIAL.txt",
        "10200SB0047eng_ftp_PARTIAL.txt",
        "09100HB2826enr_legisnet91_PARTIAL.txt",
        "09300HB0475ham001_ftp_COMPLETE.txt",
    ],
)
def test_plain_text_that_keeps_struck_words_still_gives_a_sane_tree(name):
    """Struck and new words side by side (`sessions session`, `real property residential real
    estate`, `25 24`): no definition swallows an enumerator, none holds a subsection."""
    document = tree(name)
    for node in document.walk():
        if node.kind == "definition":
            assert "(" not in node.meta.term, node.path
            assert all(child.kind != "subsection" for child in node.children), node.path
    sections = [node for node in document.walk() if node.kind == "section" and node.meta.citation]
    assert all(section.meta.number for section in sections)


# ------------------------------------------------------------------ PDF text: numbers at line ends


def _as_pdf_text(name: str, header: str) -> str:
    """A real numbered page printed the way a PDF's text layer gives it: each printed line
    with its number at the END, and the next page's running header glued to the end of a
    page's last line."""
    result = read(name)
    out = []
    for index, line in enumerate(result.lines):
        text = f"{line.text} {line.line}"
        following = result.lines[index + 1] if index + 1 < len(result.lines) else None
        if following is not None and following.page != line.page:
            text += f" {header.format(page=following.page)}"
        out.append(text)
    return "\n".join(out)


def test_pdf_text_with_line_numbers_at_the_ends_and_the_next_header_glued_on():
    original = read("09100SB0331eng_legisnet91_collapsed_PARTIAL.txt")
    text = _as_pdf_text("09100SB0331eng_legisnet91_collapsed_PARTIAL.txt", "SB0331 Engrossed - {page} - LRB091 00872 MWG 10072 b")
    result = read_text(text, name="pdf")
    assert result.rendering == "pdf-text"
    assert [(line.page, line.line, line.text) for line in result.lines] == [
        (line.page, line.line, line.text) for line in original.lines
    ]
    assert dropped(result, "running header") == ["SB0331 Engrossed - 2 - LRB091 00872 MWG 10072 b"]
    report = audit(text, build_document(result).root.all_words(), result.dropped)
    assert report.ok, report.problems
