"""Changes straight from a bill's underline / strike markup, and statdiff's own
comparison checked against it, on the headline case HB0605 (95th GA)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statdiff.cli import main
from statdiff.compare import compare
from statdiff.compare.agreement import DisagreementKind, check_against
from statdiff.compare.markup import changes_from_markup, old_and_new
from statdiff.model import WORD_OPS, Op
from statdiff.pipeline import read_changes
from statdiff.read import read_path
from statdiff.read.html import read_html
from statdiff.structure import build_document
from html_pages import PAGES, make_pages

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = json.loads((PAGES / "pages.json").read_text(encoding="utf-8"))
HB0605_TEXT = ROOT / "statutes/pipa/09500HB0605_introduced_full.txt"
THROUGH_947 = ROOT / "statutes/pipa/815ILCS530_through_PA094-0947.txt"
AS_ENACTED = ROOT / "statutes/pipa/815ILCS530_as_enacted_PA094-0036.txt"
HEADLINE_PAGES = [f"hb0605_{layout}.html" for layout in ("table", "pre", "p", "br")]

# The corpus README's seven insertions: (new path, new text, printed at)
SEVEN = [
    ('815 ILCS 530/5 "Breach of the security of the system data or written material"', "or written material", "1:14-15"),
    ('815 ILCS 530/5 "Breach of the security of the system data or written material"', "or written material", "1:16"),
    ("815 ILCS 530/10(a)", "or written material", "2:22"),
    ("815 ILCS 530/10(a)",
     "within 48 hours of the discovery of the breach of the security of the system data or written material,",
     "2:24-3:1"),
    ("815 ILCS 530/10(a)", "or written material files", "3:4-5"),
    ("815 ILCS 530/10(b)", "material files or", "3:6"),
    ("815 ILCS 530/10(d)", "or written material", "4:20"),
]


@lru_cache(maxsize=None)
def old_law(path: Path):
    return build_document(read_path(path))


def markup_of(page: str, name: str = "bill.html"):
    result = read_html(page, name)
    return changes_from_markup(build_document(result), result)


def headline_page(marks, layout: str = "table") -> str:
    """HB0605 printed with `marks` (make_pages' (line start, phrase, kind[, after]) list)."""
    text = HB0605_TEXT.read_text(encoding="utf-8")
    return make_pages.page(str(HB0605_TEXT), make_pages.marked_lines(text, marks), layout)


# ---------------------------------------------------------------- the seven insertions


@pytest.mark.parametrize("name", HEADLINE_PAGES)
def test_markup_alone_gives_exactly_the_seven_insertions(name):
    comparison = markup_of((PAGES / name).read_text(encoding="utf-8"), name)
    found = [(change.new_path, change.new_text, str(change.new_source)) for change in comparison.changes]
    assert found == SEVEN
    assert {change.op for change in comparison.changes} == {Op.INSERT}
    assert all(change.old_text == "" for change in comparison.changes)
    assert [change.section for change in comparison.changes] == ["815 ILCS 530/5"] * 2 + ["815 ILCS 530/10"] * 5
    assert MANIFEST["hb0605_insertions"] == [text for _, text, _ in SEVEN]


def test_old_paths_come_from_the_text_before_the_bill():
    comparison = markup_of((PAGES / "hb0605_pre.html").read_text(encoding="utf-8"))
    assert comparison.changes[0].old_path == '815 ILCS 530/5 "Breach of the security of the system data"'
    assert comparison.changes[3].old_path == "815 ILCS 530/10(a)"


def test_the_old_text_recovered_from_the_markup_is_the_law_it_amends():
    result = read_html((PAGES / "hb0605_table.html").read_text(encoding="utf-8"), "hb0605.html")
    old, new = old_and_new(result)
    against_law = compare(old_law(THROUGH_947), old)
    assert [change for change in against_law.changes if change.op in WORD_OPS + (Op.ADD,)] == []
    assert new.root.all_words()[-1].text == "6-27-06.)"
    assert "within 48 hours" in " ".join(word.text for word in new.root.all_words())
    assert "within 48 hours" not in " ".join(word.text for word in old.root.all_words())


@pytest.mark.parametrize("name", HEADLINE_PAGES)
def test_statdiff_agrees_with_the_markup_on_the_headline_case(name):
    markup = markup_of((PAGES / name).read_text(encoding="utf-8"), name)
    computed = compare(old_law(THROUGH_947), markup.new)
    assert check_against(markup, computed) == []


# ---------------------------------------------------------------- disagreements


def test_underlined_text_already_in_the_law_is_a_disagreement():
    marks = make_pages.HB0605_MARKS + [("21 resident at no charge", "at no charge", "i")]
    markup = markup_of(headline_page(marks))
    disagreements = check_against(markup, compare(old_law(THROUGH_947), markup.new))
    assert [(d.kind, d.path, d.text, str(d.source)) for d in disagreements] == [
        (DisagreementKind.UNDERLINED_ALREADY_THERE, "815 ILCS 530/10(a)", "at no charge", "2:21")
    ]


def test_struck_text_not_in_the_law_is_a_disagreement():
    marks = [mark for mark in make_pages.HB0605_MARKS if mark[1] != "within 48 hours of the discovery of"]
    marks += [("24 notification shall be made", "within", "d"),
              ("24 notification shall be made", "48 hours of the discovery of", "i")]
    markup = markup_of(headline_page(marks, "p"))
    replaced = [change for change in markup.changes if change.op == Op.REPLACE]
    assert [(c.old_text, c.new_text[:8]) for c in replaced] == [("within", "48 hours")]
    disagreements = check_against(markup, compare(old_law(THROUGH_947), markup.new))
    assert [(d.kind, d.text, str(d.source)) for d in disagreements] == [(DisagreementKind.STRUCK_NOT_IN_OLD, "within", "2:24")]


def test_a_change_the_markup_does_not_show_is_a_disagreement():
    marks = [mark for mark in make_pages.HB0605_MARKS if mark[1] != "material files or"]
    markup = markup_of(headline_page(marks, "br"))
    assert len(markup.changes) == 6
    disagreements = check_against(markup, compare(old_law(THROUGH_947), markup.new))
    assert [(d.kind, d.path, d.text) for d in disagreements] == [
        (DisagreementKind.UNMARKED_CHANGE, "815 ILCS 530/10(b)", "material files or")
    ]


def test_against_the_act_as_enacted_the_markup_misses_what_pa_94_947_added():
    markup = markup_of((PAGES / "hb0605_pre.html").read_text(encoding="utf-8"))
    disagreements = check_against(markup, compare(old_law(AS_ENACTED), markup.new))
    assert {d.kind for d in disagreements} == {DisagreementKind.UNMARKED_CHANGE}
    texts = [d.text for d in disagreements]
    assert "at no charge" in texts
    assert any(text.startswith("(b-5) The notification required") for text in texts)


# ---------------------------------------------------------------- replace, delete, add


def test_struck_and_underlined_side_by_side_is_a_replace_and_new_sections_are_added():
    changes = markup_of((PAGES / "pa102-0016_table.html").read_text(encoding="utf-8")).changes
    assert [(c.op, c.old_text, c.new_text) for c in changes] == [
        (Op.REPLACE, "2021.", "2022"),
        (Op.ADD, "", "(30 ILCS 105/5.938 new)"),
        (Op.ADD, "", "Sec. 5.938. The DoIT Special Projects Fund."),
        (Op.ADD, "", "(30 ILCS 105/5.939 new)"),
    ]
    assert changes[0].new_path == changes[0].old_path == "30 ILCS 105/5.857 [1]"


def test_struck_runs_are_deletions_with_their_page_and_line():
    changes = markup_of((PAGES / "sb731sam002_pre.html").read_text(encoding="utf-8")).changes
    deletions = [(c.old_text, str(c.old_source)) for c in changes if c.op == Op.DELETE]
    assert deletions == [("controls, is", "3:4"), ("advertising networks", "4:5")]
    replaced = [(c.old_text, c.new_text, str(c.new_source)) for c in changes if c.op == Op.REPLACE]
    assert replaced == [("50%", "or more", "3:16")]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(chosen=st.sets(st.integers(0, len(make_pages.HB0605_MARKS) - 1), min_size=1))
def test_any_subset_of_the_underlines_is_reported_and_checked(chosen):
    marks = [make_pages.HB0605_MARKS[index] for index in sorted(chosen)]
    markup = markup_of(headline_page(marks, "pre"))
    inserted = " ".join(change.new_text for change in markup.changes)
    assert " ".join(inserted.replace('"', " ").split()) == " ".join(" ".join(mark[1] for mark in marks).split())
    disagreements = check_against(markup, compare(old_law(THROUGH_947), markup.new))
    if len(chosen) == len(make_pages.HB0605_MARKS):
        assert disagreements == []
    else:
        assert {d.kind for d in disagreements} == {DisagreementKind.UNMARKED_CHANGE}


# ---------------------------------------------------------------- statdiff changes


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_cli_changes_lists_the_seven_insertions():
    result = run("changes", str(PAGES / "hb0605_table.html"), "--no-color")
    assert result.exit_code == 1, result.output
    assert "7 changes from the markup" in result.output
    assert result.output.count("{+or written material+}") == 4
    assert "{+material files or+}" in result.output


def test_cli_changes_json_with_old_reports_no_disagreements():
    result = run("changes", str(PAGES / "hb0605_p.html"), "--old", str(THROUGH_947), "--json")
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    assert [(c["op"], c["new_path"], c["new_text"]) for c in data["changes"]] == [(Op.INSERT, p, t) for p, t, _ in SEVEN]
    assert data["disagreements"] == []
    assert data["changes"][3]["new_source"] == {"start": {"page": 2, "line": 24}, "end": {"page": 3, "line": 1}}


def test_cli_changes_prints_disagreements_with_the_old_law():
    result = run("changes", str(PAGES / "hb0605_br.html"), "--old", str(AS_ENACTED), "--no-color")
    assert result.exit_code == 1
    assert "disagreement" in result.output and "“at no charge”" in result.output
    assert "'at no charge'" not in result.output


def test_a_disagreement_prints_its_text_in_curly_quotes_not_as_a_python_repr():
    from statdiff.compare.agreement import Disagreement
    from statdiff.model import Position, SourceSpan
    from statdiff.view.changes import disagreement_line

    item = Disagreement(DisagreementKind.UNMARKED_CHANGE, "625 ILCS 5/6-101", "Driver's license", SourceSpan(Position(2, 4), Position(2, 4)), "statdiff finds this insertion")
    assert disagreement_line(item) == "625 ILCS 5/6-101 at 2:4: statdiff finds this insertion: “Driver's license”"
    unplaced = Disagreement(DisagreementKind.UNMARKED_CHANGE, "625 ILCS 5/6-101", 'the "permit"', None, "statdiff finds this insertion")
    assert disagreement_line(unplaced) == '625 ILCS 5/6-101: statdiff finds this insertion: “the "permit"”'


def test_cli_changes_exit_0_when_nothing_is_marked(tmp_path):
    page = tmp_path / "plain.html"
    page.write_text("<html><body><pre>" + HB0605_TEXT.read_text(encoding="utf-8") + "</pre></body></html>", encoding="utf-8")
    result = run("changes", str(page), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["changes"] == []


def test_cli_changes_reads_a_text_mentioning_a_tag_as_text_not_html(tmp_path):
    # `<br` in a plain bill's first 5 KB made `changes` read the file as HTML (one run-together paragraph)
    lines = HB0605_TEXT.read_text(encoding="utf-8").split("\n")
    lines.insert(2, "A web page may end a line with <br> or open a block with <div>.")
    bill = tmp_path / "bill.txt"
    bill.write_text("\n".join(lines), encoding="utf-8")
    document, comparison, found = read_changes(bill)
    assert document.rendering == read_path(HB0605_TEXT).rendering != "html"
    assert found == []


@pytest.mark.parametrize("name", ["sb731sam002_br.html", "sb731sam002_pre.html"])
def test_changes_reads_a_page_full_of_numbered_lines_as_html(name):
    document, _, found = read_changes(PAGES / name)
    assert document.rendering == "html"
    expected = markup_of((PAGES / name).read_text(encoding="utf-8")).changes
    assert [change.to_json() for change in found] == [change.to_json() for change in expected]


def test_changes_parses_the_html_once(monkeypatch, tmp_path):
    import statdiff.read.html as html_reader
    from redline_fixtures import render_redline

    calls = []
    real = html_reader.parse_html
    monkeypatch.setattr(html_reader, "parse_html", lambda text, name: calls.append(name) or real(text, name))
    read_changes(PAGES / "hb0605_pre.html")
    assert len(calls) == 1
    markup = markup_of((PAGES / "hb0605_pre.html").read_text(encoding="utf-8"))
    redline = tmp_path / "redline.html"
    redline.write_text(render_redline(compare(old_law(THROUGH_947), markup.new)), encoding="utf-8")
    calls.clear()
    assert read_changes(redline)[0] is None and len(calls) == 1


def test_cli_changes_exit_2_on_hostile_html(tmp_path):
    page = tmp_path / "bomb.html"
    page.write_text('<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><html><body><p>1 &b;</p></body></html>', encoding="utf-8")
    result = run("changes", str(page))
    assert result.exit_code == 2
    assert result.output.startswith("statdiff: error:") and "entit" in result.output
