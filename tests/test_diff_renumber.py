"""A renumbered Section whose text also changed: the number edit shows the renumber, and
every other change keeps its own Public Act label, in the terminal, JSON and HTML alike.

Each segment names the change it shows (`Segment.anchor`); renderers read that name."""

from __future__ import annotations

import json

import lxml.html
from click.testing import CliRunner

from statdiff.cli import main
from statdiff.compare import compare
from statdiff.read.redline import changes_from_redline
from statdiff.read import read_text
from statdiff.structure import build_document
from redline_fixtures import render_redline

OLD = ("    (815 ILCS 999/5)\n"
       "    Sec. 5. Notice. A data collector shall give notice within 30 days.\n"
       "(Source: P.A. 94-36, eff. 1-1-06.)\n")
NEW = ("    (815 ILCS 999/6)\n"
       "    Sec. 6. Notice. A data collector shall give notice within 45 days.\n"
       "(Source: P.A. 94-36, eff. 1-1-06; 95-100, eff. 1-1-08.)\n")


def renumbered():
    return compare(build_document(read_text(OLD, name="old.txt")), build_document(read_text(NEW, name="new.txt")))


def write_pair(tmp_path):
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return str(old), str(new)


def test_every_changed_segment_names_its_change_and_the_number_names_the_renumber():
    comparison = renumbered()
    anchors = {change.anchor: change for change in comparison.changes}
    assert [(c.op, c.old_text, c.new_text, c.anchor) for c in comparison.changes] == [
        ("renumber", "5", "6", "c1"), ("replace", "30", "45", "c2"),
        ("source", "(Source: P.A. 94-36, eff. 1-1-06.)", "(Source: P.A. 94-36, eff. 1-1-06; 95-100, eff. 1-1-08.)",
         "c3")]
    shown = [(segment.op, "".join(t.text for t in segment.old), "".join(t.text for t in segment.new), segment.anchor)
             for section in comparison.sections for node in section.nodes for segment in node.segments
             if segment.op != "equal" and node.old.kind != "source_note"]
    assert shown == [("replace", "815 ILCS 999/5", "815 ILCS 999/6", "c1"), ("replace", "5", "6", "c1"),
                     ("replace", "30", "45", "c2")]
    assert all(anchor in anchors for *_, anchor in shown)


def test_the_terminal_puts_the_public_act_label_on_the_change_it_made(tmp_path):
    result = CliRunner().invoke(main, ["diff", *write_pair(tmp_path), "--no-color"])
    assert result.exit_code == 1, result.output
    text = " ".join(result.output.split())
    assert "renumbered: 5 -> 6 (was 815 ILCS 999/5)" in text
    assert "Sec. [-5-]{+6+}. Notice." in text
    assert "within [-30-]{+45+} [P.A. 95-100] days." in text
    assert text.count("[P.A. 95-100]") == 1


def test_json_attributes_the_text_change_and_not_the_renumber(tmp_path):
    result = CliRunner().invoke(main, ["diff", *write_pair(tmp_path), "--json"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    assert [(c["op"], c["old_text"], c["new_text"], c["attributed_to"], c["anchor"]) for c in data["changes"]] == [
        ("renumber", "5", "6", None, "c1"), ("replace", "30", "45", "P.A. 95-100", "c2"),
        ("source", "(Source: P.A. 94-36, eff. 1-1-06.)", "(Source: P.A. 94-36, eff. 1-1-06; 95-100, eff. 1-1-08.)",
         None, "c3")]
    [section] = data["sections"]
    assert (section["status"], section["attributed_to"], section["changes"]) == (
        "renumbered", ["P.A. 95-100"], ["c1", "c2", "c3"])


def test_the_redline_attaches_the_number_edit_to_the_renumber():
    tree = lxml.html.fromstring(render_redline(renumbered()))
    renumber = tree.xpath("//*[@id='c1']")[0]
    assert renumber.get("data-op") == "renumber" and "unplaced" not in renumber.get("class")
    assert (renumber.xpath("string(.//del)"), renumber.xpath("string(.//ins)")) == ("815 ILCS 999/5", "815 ILCS 999/6")
    [heading_number] = tree.xpath("//*[contains(@class,'cell-inline')]//*[@data-change='c1']")
    # the side-by-side cells mark the same edit, each with the anchor that leads to it
    sides = {(el.getparent().get("class"), el.text) for el in tree.xpath("//div[@class='cell cell-old' or "
                                                                          "@class='cell cell-new']/span[@data-change='c1']")}
    assert {("cell cell-old", "5"), ("cell cell-new", "6"), ("cell cell-old", "815 ILCS 999/5")} <= sides
    assert (heading_number.xpath("string(.//del)"), heading_number.xpath("string(.//ins)")) == ("5", "6")
    replace = tree.xpath("//*[@id='c2']")[0]
    assert (replace.get("data-op"), replace.get("data-attributed-to")) == ("replace", "P.A. 95-100")
    assert (replace.xpath("string(.//del)"), replace.xpath("string(.//ins)")) == ("30", "45")
    assert len(tree.xpath("//*[@id]/@id")) == len(set(tree.xpath("//*[@id]/@id")))


def test_the_redline_reads_back_to_the_same_changes_in_order():
    comparison = renumbered()
    back = changes_from_redline(render_redline(comparison), "redline.html")
    assert [(c.anchor, c.op, c.old_text, c.new_text, c.attributed_to) for c in back] == [
        (c.anchor, c.op, c.old_text, c.new_text, c.attributed_to) for c in comparison.changes]


def test_the_section_stores_only_its_own_changes_and_lists_its_nodes_changes_after_them():
    comparison = renumbered()
    [section] = comparison.sections
    assert [change.op for change in section.section_changes] == ["renumber"]
    assert [change.op for change in section.changes] == ["renumber", "replace", "source"]
    text_node = next(node for node in section.nodes if node.changes and node.changes[0].op == "replace")
    text_node.changes = []
    assert [change.op for change in section.changes] == ["renumber", "source"]
