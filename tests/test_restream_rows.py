"""A section whose words are divided into paragraphs differently in the two texts and changed
besides (a paragraph split in two, a list item added after the last, whose period moves to it):
its words are diffed as one stream (`compare.restream`), and each is shown once, in the row
of NEW's paragraph that holds it. Before, a word OLD holds in one paragraph and NEW in another
was printed in both rows: the first half of a split paragraph twice, a list's final period
after the `; or` that replaced it, and margin notes read the row's whole paragraphs, so a
deadline that only moved to the next paragraph was noted "removed"."""

from __future__ import annotations

from statdiff import api
from statdiff.model import Op
from conftest import ROOT, assert_each_node_shown_once, assert_rebuilds

SPLIT_OLD = """1. Payment

(a) The Client shall pay each invoice within thirty days of receipt. Late invoices bear interest at the statutory rate until paid in full by the Client.

(b) Disputed amounts may be withheld.
"""
SPLIT_NEW = """1. Payment

(a) The Client shall pay each invoice within thirty days of receipt.

(b) Late invoices bear interest at the statutory rate until paid in full by the Client.

(c) Disputed amounts may be withheld in good faith.
"""


def _rows(comparison, path: str) -> list[tuple[str | None, str | None, str]]:
    """(old path, new path, what an inline redline shows) of each row of the section `path`."""
    section = next(section for section in comparison.sections if section.path == path)
    rows = []
    for node in section.nodes:
        shown = []
        for segment in node.segments:
            if segment.op == Op.REPLACE:
                shown += segment.old + segment.new  # struck, then inserted
            else:
                shown += segment.new if segment.new and segment.op != Op.DELETE else segment.old
        rows.append((node.old.path if node.old else None, node.new.path if node.new else None,
                     " ".join(token.text for token in shown)))
    return rows


def test_a_paragraph_split_in_two_shows_each_half_once_beside_its_new_paragraph():
    comparison = api.diff(SPLIT_OLD, SPLIT_NEW)
    assert [(change.op, change.old_text, change.new_text) for change in comparison.changes] == [
        (Op.INSERT, "", "(b)"), (Op.REPLACE, "(b)", "(c)"), (Op.INSERT, "", "in good faith")]
    shown = [text for _, _, text in _rows(comparison, "Clause 1")]
    assert sum(text.count("within thirty days") for text in shown) == 1
    assert any(text.startswith("(a) The Client shall pay") and text.endswith("receipt .") for text in shown)
    assert any(text.startswith("(b) Late invoices") for text in shown)
    assert_rebuilds(comparison)
    assert_each_node_shown_once(comparison)


def test_a_split_paragraph_gets_no_note_for_what_only_moved_to_the_next_paragraph():
    notes = api.diff(SPLIT_OLD, SPLIT_NEW).to_json()["annotations"]
    assert not [note for note in notes if "removed" in note["message"]], notes


def test_the_period_a_new_last_item_takes_is_shown_with_it_not_after_the_item_before():
    old = "3.2 Rent shall be paid by:\n(a) check;\n(b) electronic transfer; or\n(c) money order.\n"
    new = "3.2 Rent shall be paid by:\n(a) check;\n(b) electronic transfer;\n(c) money order; or\n(d) cashier's check.\n"
    comparison = api.diff(old, new)
    rows = {new_path: text for _, new_path, text in _rows(comparison, "Clause 3.2")}
    assert rows["Clause 3.2 (c)"] == "(c) money order ; or"
    assert rows["Clause 3.2 (d)"] == "(d) cashier's check ."
    assert_rebuilds(comparison)


def test_a_sentence_moved_into_a_new_paragraph_shows_its_replacements_there():
    """25 ILCS 25/3.1 against 25/3 (the House's and the Senate's filing Sections): 3.1 prints
    the Clerk's numbering sentence inside its paragraph, 3 prints the Secretary's as a paragraph
    of its own. The replacements in that sentence are shown in the new paragraph's row (`The
    Clerk Secretary of the House Senate`), not struck in the first row and inserted in the
    second, and the sentence's words are not printed in both rows."""
    fragments = ROOT / "statutes" / "fragments"
    comparison = api.diff(fragments / "ILCS_25-25-3.1_ilga_section_COMPLETE.txt",
                          fragments / "ILCS_25-25-3_ilga_section_COMPLETE.txt")
    rows = [text for _, _, text in _rows(comparison, comparison.changed_sections[0].path)]
    assert sum(text.count("shall assign numbers") for text in rows) == 1, rows
    assert any(text.startswith("The Clerk Secretary of the House Senate shall assign") for text in rows), rows
    assert_rebuilds(comparison)
    assert_each_node_shown_once(comparison)
