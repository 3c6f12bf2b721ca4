"""What the view gives every renderer: page:line known or not, counts by op, one-copy
labels, cut sections, spacing; and `statdiff changes` output from its renderers."""

from __future__ import annotations

import io
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from redline_fixtures import HB0605, ROOT, THROUGH_947, headline_comparison, real_comparison, render_redline
from statdiff import pipeline
from statdiff.compare.agreement import Disagreement
from statdiff.model import (
    Change,
    NodeComparison,
    Position,
    SectionComparison,
    Segment,
    SourceSpan,
    Op,
    Token,
    count_ops,
)
from statdiff.render import RenderOptions
from statdiff.render.json_out import changes_to_json
from statdiff.view import Run, is_cut, one_copy_label
from statdiff.view.changes import ChangeListView

maybe = st.one_of(st.none(), st.integers(1, 99))


@settings(max_examples=60)
@given(maybe, maybe, maybe, maybe)
def test_known_is_exactly_what_does_not_print_as_a_dash(start_page, start_line, end_page, end_line):
    start, end = Position(start_page, start_line), Position(end_page, end_line)
    assert start.known == (str(start) != "-")
    span = SourceSpan(start, end)
    assert span.known == (str(span) != "-")


def test_known_by_page_or_line_alone():
    assert Position(3, None).known and Position(None, 7).known and not Position().known
    assert SourceSpan(Position(), Position(2, 4)).known and not SourceSpan(Position(), Position()).known


def change(op: str, anchor: str = "") -> Change:
    return Change(op, "a", "a", "x", "y", None, None, "s", anchor=anchor)


def test_count_ops_counts_by_op_in_alphabetical_order():
    counts = count_ops([change(Op.REPLACE), change(Op.INSERT), change(Op.DELETE), change(Op.INSERT)])
    assert list(counts.items()) == [(Op.DELETE, 1), (Op.INSERT, 2), (Op.REPLACE, 1)]
    assert count_ops([]) == {}


def test_the_summary_and_the_changes_json_count_alike():
    comparison = headline_comparison()
    assert comparison.summary["by_op"] == count_ops(comparison.changes) == {Op.INSERT: 7}
    assert changes_to_json(ChangeListView(None, comparison.changes))["summary"] == {"changes": 7, "by_op": {Op.INSERT: 7}}


def test_one_copy_labels_in_both_wordings():
    assert one_copy_label(Op.ONLY_OLD) == "only in the old copy (the new copy stops before this)"
    assert one_copy_label(Op.ONLY_NEW, False) == "only in the new copy (the old copy begins after this)"
    assert one_copy_label(Op.ONLY_OLD, True, form="terminal") == "only in the old copy, the new copy stops here"
    assert one_copy_label(Op.ONLY_NEW, False, form="terminal") == "only in the new copy, the old copy starts here"


def tokens(text: str, first_spaced: bool = False) -> tuple[Token, ...]:
    return tuple(Token(word, space_before=first_spaced or index > 0) for index, word in enumerate(text.split()))


def section(status: str, *segments: Segment) -> SectionComparison:
    return SectionComparison("5 ILCS 1/2", "", status, None, None, [NodeComparison(None, None, "changed", list(segments))])


def test_a_section_is_cut_when_text_only_one_copy_holds_sits_inside_it():
    shared = Segment(Op.EQUAL, tokens("the board"), tokens("the board"))
    assert is_cut(section("changed", shared, Segment(Op.ONLY_OLD, tokens("shall act", True), ())))
    assert not is_cut(section("changed", shared, Segment(Op.INSERT, (), tokens("may", True))))
    assert not is_cut(section(Op.ONLY_OLD, Segment(Op.ONLY_OLD, tokens("shall act"), ())))


def test_spaced_when_either_copy_has_a_space_before():
    assert Run(Segment(Op.EQUAL, tokens("act"), tokens("act", True))).spaced
    assert not Run(Segment(Op.EQUAL, tokens("act"), tokens("act"))).spaced
    assert not Run(Segment(Op.INSERT, (), ())).spaced


def test_the_redline_uses_the_changes_own_anchors():
    comparison = real_comparison(THROUGH_947, HB0605)
    anchors = [change.anchor for change in comparison.changes]
    assert anchors and all(anchors) and len(set(anchors)) == len(anchors)
    html = render_redline(comparison)
    for anchor in anchors:
        assert f'id="{anchor}"' in html


def test_render_changes_prints_the_changes_and_quoted_disagreements():
    console = Console(file=io.StringIO(), no_color=True, width=200)
    changes = [Change(Op.REPLACE, "5 ILCS 1/2", "5 ILCS 1/2", "30 days", "48 hours",
                      SourceSpan(Position(2, 4), Position(2, 4)), SourceSpan(Position(2, 4), Position(2, 4)), "5 ILCS 1/2")]
    disagreement = Disagreement("unmarked_change", "5 ILCS 1/2", "Driver's [b] license", None, "not marked")
    listing = ChangeListView(None, changes, [disagreement])
    output = pipeline.render("changes", listing, "terminal", RenderOptions(console=console, color=False))
    assert output.splitlines() == [
        "statdiff redline: 1 change from the markup",
        "         2:4  replace  5 ILCS 1/2",
        "              [-30 days-] {+48 hours+}",
        "1 disagreement with the old law:",
        "  5 ILCS 1/2: not marked: “Driver's [b] license”",
    ]


def test_outputs_names_files_without_importing_the_readers():
    code = ("import sys, statdiff.outputs; from statdiff.errors import display_name; "
            "print(display_name('a\\nb\\x7f.txt'), 'statdiff.read.decode' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["a?b?.txt", "False"]


def test_each_section_knows_its_act_and_its_article():
    from statdiff.model import Status

    article_act = pipeline.read_file(ROOT / "statutes/fragments/PA102-0016_docslib_pdftext_PARTIAL.txt")
    codified = pipeline.read_file(THROUGH_947)
    in_articles = pipeline.view(pipeline.compare(article_act, article_act))
    assert {(section.path, section.article) for section in in_articles.sections
            if section.path.startswith("Article 1 Section")} == {
        ("Article 1 Section 1-1", "Article 1"), ("Article 1 Section 1-5", "Article 1")}
    act = pipeline.view(pipeline.compare(codified, codified))
    assert [(section.path, section.act, section.article, section.status) for section in act.sections] == [
        (f"815 ILCS 530/{number}", "815 ILCS 530", None, Status.UNCHANGED) for number in (1, 5, 10)]
