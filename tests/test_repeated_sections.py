"""A codified Section a copy prints more than once with no version note to tell the copies
apart (`structure/repeated.py`): a page saved twice, a scrape that repeated a stretch. The
later copy is read as a Section of its own (`#2`), and `parse` and every diff whose changes
touch it say so, rather than report the repetition as the law's change; copies that version
notes tell apart (an ILCS page's `(Text of Section before/after amendment by P.A. ...)`) are
the law's own, and no warning names them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from statdiff import cli, pipeline
from statdiff.read import read_text
from statdiff.structure.repeated import changes_to_repeated_note, repeated_note, repeated_sections

ROOT = Path(__file__).resolve().parent.parent
PIPA = ROOT / "statutes" / "pipa" / "815ILCS530_through_PA094-0947.txt"
ELECTION_CODE = ROOT.parent / "shared" / "corpus" / "ilcs-whole-acts" / "10ILCS5_ElectionCode.txt"


def built(text: str, name: str):
    return pipeline.build(read_text(text, name=name))


def pipa() -> str:
    return PIPA.read_text(encoding="utf-8")


def with_section_5_twice(text: str, note: str = "") -> str:
    """PIPA's page with its Section 5 (citation to Source note) printed again after Section 10."""
    start = text.index("    (815 ILCS 530/5)")
    end = text.index("    (815 ILCS 530/10)")
    section = text[start:end]
    if note:  # a version note on each copy, as ilga.gov prints two versions of a Section
        section = section.replace("(815 ILCS 530/5)\n", f"(815 ILCS 530/5)\n    {note}\n", 1)
        text = text[:start] + section + text[end:]
    return text.rstrip("\n") + "\n" + section


def test_a_section_printed_twice_is_named_by_parse():
    document = built(with_section_5_twice(pipa()), "twice.txt")
    assert [(path, [node.path for node in nodes]) for path, nodes in repeated_sections(document).items()] == [
        ("815 ILCS 530/5", ["815 ILCS 530/5", "815 ILCS 530/5 #2"])]
    assert repeated_note(document) == (
        "prints 1 Section more than once (815 ILCS 530/5), and no version note (`(Text of Section ...)`) tells the"
        " copies apart: each later copy is read as a Section of its own (815 ILCS 530/5 #2); check that the file"
        " holds one copy of the text")
    assert any("815 ILCS 530/5" in warning for warning in pipeline.document_warnings(document))


def test_a_diff_that_adds_the_later_copy_says_it_is_the_files_repetition():
    old, new = built(pipa(), "old.txt"), built(with_section_5_twice(pipa()), "new.txt")
    comparison = pipeline.compare(old, new)
    assert {change.section for change in comparison.changes} == {"815 ILCS 530/5 #2"}
    note = changes_to_repeated_note(comparison)
    assert note == (
        "1 change to a Section printed more than once with no version note to tell the copies apart (815 ILCS 530/5 #2):"
        " the copies are paired by their text, and a later copy's change may be the file's repetition, not the law's;"
        " check that each file holds one copy of each Section")
    assert note in pipeline.comparison_warnings(comparison)
    backwards = pipeline.compare(new, old)
    assert changes_to_repeated_note(backwards) is not None  # removed from the old copy: named as well


def test_every_output_carries_the_warning(tmp_path):
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(pipa(), encoding="utf-8")
    new.write_text(with_section_5_twice(pipa()), encoding="utf-8")
    result = CliRunner().invoke(cli.main, ["diff", str(old), str(new), "--json"])
    assert result.exit_code == 1
    assert any("printed more than once" in warning for warning in json.loads(result.stdout)["warnings"])


def test_copies_told_apart_by_version_notes_are_the_laws_own():
    note = "(Text of Section before amendment by P.A. 95-999)"
    document = built(with_section_5_twice(pipa(), note), "versions.txt")
    assert [node.path for node in document.root.walk() if node.kind == "version_note"]
    assert repeated_sections(document) == {}
    assert repeated_note(document) is None


def test_a_page_that_prints_each_section_once_has_none():
    assert repeated_note(built(pipa(), "pipa.txt")) is None


def test_a_change_elsewhere_is_not_blamed_on_the_repetition():
    text = with_section_5_twice(pipa())
    comparison = pipeline.compare(built(text, "old.txt"), built(text.replace("Short title.", "Short name."), "new.txt"))
    assert comparison.changes and changes_to_repeated_note(comparison) is None


@pytest.mark.skipif(not ELECTION_CODE.exists(), reason="the Election Code is in ../shared/corpus, not beside this clone")
def test_the_election_codes_versions_of_a_section_are_not_named():
    document = pipeline.read_file(ELECTION_CODE)
    assert [node.path for node in document.root.walk() if node.kind == "section" and " #" in node.path]
    assert repeated_note(document) is None


def test_prose_documents_number_their_own_clauses():
    document = built("# Terms\n\n## 1. Fees\n\nThe fee is $10.\n\n## 1. Fees\n\nThe fee is $10.\n", "terms.md")
    assert document.prose and repeated_sections(document) == {}


def test_the_later_copy_is_labelled_apart_from_the_first_in_every_output():
    from statdiff.view import build_view

    comparison = pipeline.compare(built(pipa(), "old.txt"), built(with_section_5_twice(pipa()), "new.txt"))
    labels = {section.path: section.label for section in build_view(comparison).sections}
    assert labels["815 ILCS 530/5"] == "Sec. 5" and labels["815 ILCS 530/5 #2"] == "Sec. 5 #2"


def test_a_section_renumbered_onto_a_number_the_act_has_pairs_by_content():
    """New renumbers Sec. 5 as Sec. 10 and keeps the old Sec. 10 after it: both print as
    `815 ILCS 530/10` with no version note. By citation, the old Sec. 10 would pair with the
    renumbered definitions (every word replaced) and Sec. 5 be removed; by content, Sec. 5 is
    renumbered and Sec. 10 (now `#2`) unchanged."""
    text = pipa()
    start, end = text.index("    (815 ILCS 530/5)"), text.index("    (815 ILCS 530/10)")
    renumbered = text[start:end].replace("(815 ILCS 530/5)", "(815 ILCS 530/10)").replace("Sec. 5.", "Sec. 10.")
    new_text = text[:start] + renumbered + text[end:]
    comparison = pipeline.compare(built(text, "old.txt"), built(new_text, "new.txt"))
    statuses = {(section.old.path if section.old else None, section.new.path if section.new else None): section.status
                for section in comparison.sections}
    assert statuses[("815 ILCS 530/5", "815 ILCS 530/10")] == "renumbered"
    assert statuses[("815 ILCS 530/10", "815 ILCS 530/10 #2")] == "unchanged"
    assert {change.op for change in comparison.changes} <= {"renumber", "add", "remove"}
    note = changes_to_repeated_note(comparison)  # the renumbering collides with a number the Act has: said
    assert note is not None and note.startswith("1 change to a Section printed more than once") and "(815 ILCS 530/10)" in note
