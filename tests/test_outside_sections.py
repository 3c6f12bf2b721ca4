"""Text an Act's page prints outside any Section (`structure/outside.py`): kept where it is
printed, never guessed into a Section, and named in one line by `parse` and by every diff
whose changes touch it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from statdiff import cli, pipeline
from statdiff.read import read_path, read_text
from statdiff.structure.outside import changes_outside_note, outside_note, printed_outside_sections
from statdiff.view import build_view

ROOT = Path(__file__).resolve().parent.parent
PIPA = ROOT / "statutes" / "pipa" / "815ILCS530_through_PA094-0947.txt"
WHOLE_ACTS = ROOT.parent / "shared" / "corpus" / "ilcs-whole-acts"
ELECTION_CODE = WHOLE_ACTS / "10ILCS5_ElectionCode.txt"
SOURCE_OF_SECTION_5 = "(Source: P.A. 94-36, eff. 1-1-06.)\n\n    (815 ILCS 530/10)"
STRAY = "    the wrapped second line of an item of Section 5, printed after its Source note.\n"


def built(text: str, name: str = "<text>"):
    return pipeline.build(read_text(text, name=name))


def with_stray_line(text: str) -> str:
    """PIPA's page with a line of Section 5 printed after Section 5's Source note."""
    assert text.count(SOURCE_OF_SECTION_5) == 1
    return text.replace(SOURCE_OF_SECTION_5, SOURCE_OF_SECTION_5.replace("\n\n", "\n" + STRAY + "\n"))


def test_a_line_after_a_source_note_is_found_kept_and_named():
    document = built(with_stray_line(PIPA.read_text(encoding="utf-8")))
    found = printed_outside_sections(document)
    assert [(node.text, section.label) for node, section in found] == [(" ".join(STRAY.split()), "Sec. 5")]
    assert outside_note(document) == (
        "1 paragraph printed outside any Section (after Sec. 5): read where printed, as text of the Act or Article"
        " that holds it; the page prints lines of a Section apart from it, and statdiff does not guess which Section")
    section_5 = document.find("815 ILCS 530/5")
    assert section_5 is not None and "wrapped second line" not in " ".join(node.text for node in section_5.walk())


def test_a_page_that_prints_every_line_in_its_section_has_none():
    assert printed_outside_sections(built(PIPA.read_text(encoding="utf-8"))) == []
    assert outside_note(built(PIPA.read_text(encoding="utf-8"))) is None


def test_a_change_in_text_outside_any_section_is_named_and_one_inside_is_not():
    text = with_stray_line(PIPA.read_text(encoding="utf-8"))
    old = built(text, "old")
    outside = built(text.replace("printed after its Source note", "printed after its own Source note"), "new")
    comparison = pipeline.compare(old, outside)
    assert len(comparison.changes) == 1
    assert changes_outside_note(comparison) == (
        "1 change in text printed outside any Section (after Sec. 5): the page prints lines of a Section apart from"
        " it; each change is shown under “Outside any Section”, not guessed into a Section")
    inside = built(text.replace("Short title.", "Short  title. Amended."), "new")
    assert pipeline.compare(old, inside).changes and changes_outside_note(pipeline.compare(old, inside)) is None


def test_documents_that_are_not_legislation_have_no_sections_to_be_outside_of():
    document = built("# Terms\n\n## 1. Fees\n\nThe fee is $10.\n\nA closing paragraph.\n", "terms.md")
    assert document.prose
    assert printed_outside_sections(document) == []


@pytest.mark.skipif(not ELECTION_CODE.exists(), reason="../shared/corpus/ilcs-whole-acts is not beside the clone")
def test_the_election_code_scrape_prints_682_paragraphs_outside_its_sections():
    document = pipeline.build(read_path(ELECTION_CODE))
    found = printed_outside_sections(document)
    assert len(found) == 682
    node, section = found[0]
    assert (node.text, section.label) == ("equipment; and", "Sec. 1-17")
    assert outside_note(document).startswith(
        "682 paragraphs printed outside any Section (after Sec. 1-17, Sec. 1-19, Sec. 1-20.1 and 100 more)")


@pytest.mark.skipif(not WHOLE_ACTS.exists(), reason="../shared/corpus/ilcs-whole-acts is not beside the clone")
@pytest.mark.parametrize("path", sorted(set(WHOLE_ACTS.glob("*.txt")) - {ELECTION_CODE}) if WHOLE_ACTS.exists() else [],
                         ids=lambda path: path.name)
def test_the_other_whole_acts_print_every_line_in_a_section(path):
    assert printed_outside_sections(pipeline.build(read_path(path))) == []


def test_the_documents_own_text_is_named_by_where_its_changes_are():
    front = "The text of the Act as amended."
    text = with_stray_line(PIPA.read_text(encoding="utf-8")).replace("    (815 ILCS 530/1)", front + "\n\n    (815 ILCS 530/1)")
    old = built(text, "old")
    outside = text.replace("printed after its Source note", "printed after its own Source note")
    labels = {}
    for name, new_text in {"outside": outside, "front": text.replace(front, "The text of the Act."),
                           "both": outside.replace(front, "The text of the Act.")}.items():
        comparison = pipeline.compare(old, built(new_text, "new"))
        labels[name] = [section.label for section in build_view(comparison).sections if not section.path]
        terminal = pipeline.render_comparison(comparison, "terminal")
        labels[name].append(next(line for line in terminal.splitlines() if line.startswith("(")))
    assert labels == {
        "outside": ["Outside any Section", "(outside any Section)  [changed]"],
        "front": ["Front matter", "(front matter)  [changed]"],
        "both": ["Front matter and text outside any Section", "(front matter and text outside any Section)  [changed]"],
    }


def test_parse_and_every_diff_say_so(tmp_path):
    text = with_stray_line(PIPA.read_text(encoding="utf-8"))
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace("printed after its Source note", "printed after its own Source note"), encoding="utf-8")
    parsed = CliRunner().invoke(cli.main, ["parse", str(old)])
    assert parsed.exit_code == 0
    assert f"statdiff: warning: {old}: 1 paragraph printed outside any Section (after Sec. 5)" in parsed.stderr
    diffed = CliRunner().invoke(cli.main, ["diff", "--json", str(old), str(new)])
    assert diffed.exit_code == 1
    assert any(warning.startswith("1 change in text printed outside any Section (after Sec. 5)")
               for warning in json.loads(diffed.stdout)["warnings"])


def test_text_outside_any_section_added_where_the_old_copy_has_no_text_of_its_own():
    """Old prints nothing outside its Sections; new prints a stray Source note after its last
    Section. The change adds the documents' own text whole (its path is the document's, ""),
    and is named as outside any Section, not as front matter, in the warning and the label."""
    text = PIPA.read_text(encoding="utf-8")
    old = built(text, "old")
    new = built(text.rstrip("\n") + "\n(Source: P.A. 93-1, eff. 1-1-04.)\n", "new")
    comparison = pipeline.compare(old, new)
    assert [(change.section, change.new_path) for change in comparison.changes] == [("", "")]
    assert changes_outside_note(comparison) == (
        "1 change in text printed outside any Section (after Sec. 10): the page prints lines of a Section apart from"
        " it; each change is shown under “Outside any Section”, not guessed into a Section")
    assert [section.label for section in build_view(comparison).sections if not section.path] == ["Outside any Section"]
    change = build_view(comparison).changes[0]
    assert (change.where, change.phrase) == ("Outside any Section", "added text printed outside any Section")


def test_a_change_to_a_node_of_the_front_matter_is_placed_under_its_label():
    """A bill's title is a node of its own text named by its place alone (`[1]`): the
    summary's Where reads `Front matter [1]`, not a bare `[1]`."""
    text = (ROOT / "statutes" / "pipa" / "09500HB0605_introduced_full.txt").read_text(encoding="utf-8")
    comparison = pipeline.compare(built(text, "old"), built(text.replace("AN ACT concerning", "AN ACT relating to", 1), "new"))
    assert [(change.where, change.phrase) for change in build_view(comparison).changes] == [
        ("Front matter [1]", "replaced “concerning” with “relating to”")]


@pytest.mark.skipif(not ELECTION_CODE.exists(), reason="the Election Code is in ../shared/corpus, not beside this clone")
def test_an_article_removed_names_its_heading_as_an_articles_not_as_front_matter():
    """Article 1A of the Election Code removed whole: its citation and heading are the
    Article's own lines, not front matter; the paragraphs its page prints after its Sections'
    Source notes are outside any Section; the unit is named by both, in every output."""
    text = ELECTION_CODE.read_text(encoding="utf-8")
    start = text.rindex("\n", 0, text.index("(10 ILCS 5/Art. 1A heading)")) + 1
    end = text.rindex("\n", 0, text.index("(10 ILCS 5/Art. 2A heading)")) + 1
    comparison = pipeline.compare(built(text, "old"), built(text[:start] + text[end:], "new"))
    own = [section for section in build_view(comparison).sections if not section.path]
    assert [section.label for section in own] == ["Article headings and text outside any Section"]
    assert {change.where for change in own[0].changes} >= {"10 ILCS 5/Art. 1A [citation]", "10 ILCS 5/Art. 1A [1]"}
    terminal = pipeline.render_comparison(comparison, "terminal")
    assert "(Article headings and text outside any Section)" in terminal and "(front matter" not in terminal
