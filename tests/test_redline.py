"""The HTML redline, read back with lxml: content, escaping, round trip, self-containment."""

from __future__ import annotations

import base64
import json
import hashlib
import re

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redline_fixtures import (
    AS_ENACTED,
    HB0605,
    ROOT,
    SEVEN_INSERTIONS,
    THROUGH_947,
    compare_sections,
    document,
    headline_comparison,
    node,
    real_comparison,
    comparison_json,
    render_redline,
    synthetic_comparison,
)
from statdiff import api
from statdiff.errors import StatdiffError
from statdiff.model import Comparison, Identity, Meta, Node, Position, SourceSpan
from statdiff.annotate.notes import ReaderNote


def page(html: str):
    return lxml.html.document_fromstring(html)


def squash(text: str) -> str:
    return " ".join(text.split())


def recovered_changes(tree) -> list[dict]:
    """What another tool reads back from the machine-readable attributes."""
    return [
        {
            "anchor": element.get("id"),
            "op": element.get("data-op"),
            "old_path": element.get("data-old-path") or None,
            "new_path": element.get("data-new-path") or None,
            "old_source": element.get("data-old-source") or None,
            "new_source": element.get("data-new-source") or None,
            "inserted": squash(" ".join(element.xpath(".//ins//text()"))),
            "deleted": squash(" ".join(element.xpath(".//del//text()"))),
        }
        for element in tree.xpath("//*[@data-op]")
    ]


def source_attribute(span) -> str | None:
    """`page:line-page:line`, None where the printing has no page and line (an ILCS page)."""
    if span is None or str(span) == "-":
        return None
    return f"{span.start}-{span.end}"


@pytest.fixture(scope="module", params=["real", "hand-built"])
def headline(request):
    comparison = real_comparison(THROUGH_947, HB0605) if request.param == "real" else headline_comparison()
    notes = [ReaderNote("815 ILCS 530/10(a)", ("Compare SB 731's 72 hours.",), "815 ILCS 530/10"),
             ReaderNote("815 ILCS 530/1", ("Short title untouched.",), "815 ILCS 530/1")]
    return comparison, page(render_redline(comparison, notes=notes))


# ---------------------------------------------------------------- the headline redline


def test_headline_shows_exactly_seven_insertions_and_no_deletions(headline):
    _, tree = headline
    assert [squash(el.text_content()) for el in tree.xpath("//ins")] == SEVEN_INSERTIONS
    assert tree.xpath("//del") == []


def test_headline_summary_first_with_a_row_per_change(headline):
    comparison, tree = headline
    body_sections = tree.xpath("//div[@class='page']/*")
    # the header, the sticky bar (views, next / previous, the change list), then the summary
    assert [el.get("id") or el.get("class") for el in body_sections][:4] == ["doc-header", "controls", "summary", "toc"]
    rows = tree.xpath("//table[@class='summary-table']/tbody/tr")
    assert len(rows) == 7
    ids = set(tree.xpath("//@id"))
    for row, change in zip(rows, comparison.changes):
        link = row.xpath(".//td[@class='phrase']/a")[0]
        assert link.get("href") == f"#{change.anchor}" and change.anchor in ids
    assert squash(rows[3].xpath(".//td[@class='phrase']")[0].text_content()).startswith("inserted “within 48 hours")
    assert "7 insertions" in tree.xpath("//p[@class='counts']")[0].text_content()


def test_headline_48_hour_deadline_annotation_beside_10a(headline):
    _, tree = headline
    row = tree.xpath("//div[contains(concat(' ', @class, ' '), ' row ')][.//*[@data-new-path='815 ILCS 530/10(a)']]")[0]
    margin = squash(row.xpath(".//aside[@class='margin']")[0].text_content())
    assert "new deadline: within 48 hours" in margin
    assert "Compare SB 731's 72 hours." in margin
    link = row.xpath(".//p[contains(@class,'kind-deadline')]//a")[0]
    target = tree.get_element_by_id(link.get("href")[1:])
    assert "within 48 hours" in target.text_content()


def test_headline_definition_scope_annotation_in_sec_5(headline):
    _, tree = headline
    section = tree.xpath("//*[@data-path='815 ILCS 530/5']")[0]
    notes = [squash(p.text_content()) for p in section.xpath(".//p[contains(@class,'kind-definition')]")]
    assert notes == ["definition scope of defined term widened: adds written material"]


def test_headline_sec_1_collapsed_as_not_amended(headline):
    _, tree = headline
    sec1 = tree.xpath("//*[@data-path='815 ILCS 530/1']")[0]
    assert sec1.tag == "details" and sec1.get("open") is None
    assert sec1.get("data-status") == "not_restated"
    assert squash(sec1.xpath("./summary")[0].text_content()).startswith("Sec. 1 Short title. — not amended by this bill")
    assert "This Act may be cited as the Personal Information Protection Act." in sec1.text_content()
    assert "Short title untouched." in sec1.text_content()


def test_headline_sections_show_path_heading_and_spans():
    tree = page(render_redline(real_comparison(THROUGH_947, HB0605)))
    sec10 = tree.xpath("//section[@data-path='815 ILCS 530/10']")[0]
    meta = squash(sec10.xpath(".//p[@class='sec-meta']")[0].text_content())
    assert meta == "815 ILCS 530/10 · amended · new 2:17-4:21"
    assert squash(sec10.xpath(".//h3")[0].text_content()) == "Sec. 10 Notice of Breach."
    assert [el.get("data-new-source") for el in sec10.xpath(".//*[@data-op]")] == [
        "2:22-2:22", "2:24-3:1", "3:4-3:5", "3:6-3:6", "4:20-4:20"]
    assert [el.get("data-old-source") for el in sec10.xpath(".//*[@data-op]")] == [""] * 5


def test_as_enacted_attributes_no_charge_and_b5_to_pa_94_947():
    comparison = real_comparison(AS_ENACTED, HB0605)
    tree = page(render_redline(comparison))
    added = tree.xpath("//*[@data-op='add']")
    assert [el.get("data-new-path") for el in added] == ["815 ILCS 530/10(b-5)"]
    assert added[0].get("data-attributed-to") == "P.A. 94-947"
    assert squash(added[0].xpath(".//ins")[0].text_content()).startswith("(b-5) The notification required")
    no_charge = [el for el in tree.xpath("//*[@data-op='insert']") if squash(" ".join(el.xpath(".//ins//text()"))) == "at no charge"]
    assert no_charge[0].get("data-attributed-to") == "P.A. 94-947"
    # credited changes are told apart in the text itself: their own style and a label outside <ins>
    for element in (added[0], no_charge[0]):
        assert "attributed" in element.get("class").split()
        assert [squash(label.text_content()) for label in element.xpath("./span[@class='credit']")] == ["P.A. 94-947"]
    assert tree.xpath("//*[@data-op and not(@data-attributed-to)][contains(@class, 'attributed')]") == []
    assert tree.xpath("//div[contains(@class,'cell-new')]//span[contains(@class,'was-inserted attributed')]")
    row = tree.xpath("//tr[@data-anchor=$anchor]", anchor=no_charge[0].get("id"))[0]
    assert "(from P.A. 94-947)" in squash(row.text_content())
    assert len(tree.xpath("//tr[contains(@class,'change-row')]")) == len(comparison.changes)


def test_cli_writes_the_redline_and_warns_about_unmatched_notes(tmp_path):
    from click.testing import CliRunner

    from statdiff.cli import main

    notes = tmp_path / "notes.yaml"
    notes.write_text('"815 ILCS 530/10(a)": "A note."\n"815 ILCS 530/77": "Lost."\n', encoding="utf-8")
    output = tmp_path / "out.html"
    result = CliRunner().invoke(main, ["redline", str(THROUGH_947), str(HB0605), "-o", str(output),
                                       "--notes", str(notes), "--view", "side-by-side", "--title", "T & <b>"])
    assert result.exit_code == 1, result.output
    assert "note for “815 ILCS 530/77” matches no node" in result.output
    tree = page(output.read_text(encoding="utf-8"))
    assert tree.xpath("//title")[0].text == "T & <b>"
    assert tree.xpath("//input[@name='statdiff-view'][@checked]/@id") == ["view-side-by-side"]
    assert "A note." in tree.xpath("//p[contains(@class,'kind-note')]")[0].text_content()
    assert len(tree.xpath("//ins")) == 7


def test_committed_reports_match_a_fresh_rendering():
    from statdiff.annotate.notes import load_notes, match_notes

    for old, name in ((THROUGH_947, "headline-through-PA094-0947.html"), (AS_ENACTED, "headline-as-enacted-PA094-0036.html")):
        report = ROOT / "reports" / name
        if not report.exists():
            pytest.fail(f"{report} is missing: run bash reports/regenerate.sh")
        comparison = real_comparison(old, HB0605)
        notes, _ = match_notes(load_notes(ROOT / "reports/notes-headline.yaml"), comparison)
        tree = page(report.read_text(encoding="utf-8"))
        assert recovered_changes(tree) == recovered_changes(page(render_redline(comparison, notes=notes)))


def test_headline_identities_in_the_header(headline):
    _, tree = headline
    header = squash(tree.xpath("//header[@class='doc-header']")[0].text_content())
    assert "95th GA HB0605 introduced" in header and "815ILCS530_through_PA094-0947.txt" in header
    assert "002_524df963b8163e99.txt" in header


def test_round_trip_recovers_the_change_list(headline):
    comparison, tree = headline
    assert recovered_changes(tree) == [
        {
            "anchor": change.anchor,
            "op": change.op,
            "old_path": change.old_path,
            "new_path": change.new_path,
            "old_source": source_attribute(change.old_source),
            "new_source": source_attribute(change.new_source),
            "inserted": squash(change.new_text),
            "deleted": squash(change.old_text),
        }
        for change in comparison.changes
    ]


# ---------------------------------------------------------------- page properties


def test_rendering_is_deterministic():
    fresh = [api.diff(THROUGH_947, HB0605) for _ in range(2)]
    assert render_redline(fresh[0]) == render_redline(fresh[1])
    assert render_redline(headline_comparison()) == render_redline(headline_comparison())


def test_initial_view_and_bad_view():
    for view, radio in (("inline", "view-inline"), ("side-by-side", "view-side-by-side")):
        tree = page(render_redline(headline_comparison(), view=view))
        assert tree.xpath("//input[@name='statdiff-view'][@checked]/@id") == [radio]
    with pytest.raises(StatdiffError):
        render_redline(headline_comparison(), view="columns")


def test_self_contained_and_script_allowed_only_by_hash(headline):
    html = render_redline(headline_comparison())
    tree = page(html)
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:|//)", html)
    assert "@import" not in html and "url(" not in html and not tree.xpath("//link|//img|//iframe")
    scripts = tree.xpath("//script")
    assert len(scripts) == 1 and scripts[0].get("src") is None
    digest = base64.b64encode(hashlib.sha256(scripts[0].text.encode()).digest()).decode()
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert f"script-src 'sha256-{digest}'" in csp and "default-src 'none'" in csp
    assert "@media print" in tree.xpath("//style")[0].text


def test_print_stylesheet_hides_controls():
    css = page(render_redline(headline_comparison())).xpath("//style")[0].text
    print_rules = css[css.index("@media print"):]
    assert ".controls" in print_rules and "display: none" in print_rules


# ---------------------------------------------------------------- escaping

HOSTILE = 'Fees & charges <script>alert(1)</script> "quoted" \'single\' <!-- comment --> <b>bold</b> ]]>'


def hostile_comparison() -> Comparison:
    path = "5 ILCS 1/2"
    old_section = Node("section", path, [], [node("subsection", f"{path}(a)", "Fees apply.")], meta=Meta(number="2"))
    new_section = Node("section", path, [], [node("subsection", f"{path}(a)", HOSTILE)], meta=Meta(number="2"))
    section = compare_sections(old_section, new_section, [0], heading="<i>Heading</i> & more")
    evil = Identity(bill="<img src=x onerror=alert(2)>", title="</title><script>alert(3)</script>")
    return Comparison(document(evil, "<evil>.txt", [old_section]), document(evil, "a&b\".txt", [new_section]),
                      "versions", [section])


def test_hostile_text_renders_as_inert_visible_text():
    notes = [ReaderNote("5 ILCS 1/2(a)", ("<script>alert(4)</script> & note",), "5 ILCS 1/2")]
    html = render_redline(hostile_comparison(), notes=notes, title="<script>alert(5)</script>")
    tree = page(html)
    scripts = tree.xpath("//script")
    assert len(scripts) == 1 and "alert" not in scripts[0].text
    assert tree.xpath("//img|//b|//i") == []
    assert tree.xpath("//comment()[contains(., 'comment')]") == []
    new_cell = tree.xpath("//div[contains(@class,'cell-new')]")[-1]
    assert squash(new_cell.text_content()) == "1:1 " + squash(HOSTILE)
    assert "<script>alert(1)</script>" in squash(" ".join(tree.xpath("//ins//text()")))
    assert "<script>alert(4)</script> & note" in tree.xpath("//p[contains(@class,'kind-note')]")[0].text_content()
    assert tree.xpath("//title")[0].text == "<script>alert(5)</script>"
    assert "<img src=x onerror=alert(2)>" in tree.xpath("//header")[0].text_content()


def test_hostile_bill_text_through_the_real_parser_stays_text():
    old = "    (5 ILCS 1/2)\n    Sec. 2. Fees.\n    (a) Fees apply.\n(Source: P.A. 94-36, eff. 1-1-06.)\n"
    inserted = '& charges <script>alert(1)</script> "quoted" \'single\' <!-- comment -->'
    new = old.replace("Fees apply.", f"Fees {inserted} apply.")
    tree = page(render_redline(api.diff(api.parse(old), api.parse(new))))
    assert len(tree.xpath("//script")) == 1 and "alert" not in tree.xpath("//script")[0].text
    assert [squash(el.text_content()) for el in tree.xpath("//ins")] == [inserted]
    assert tree.xpath("//comment()[contains(., 'comment')]") == []


def test_every_kind_of_change_gets_one_anchored_element():
    from statdiff.model import Change, Position, SourceSpan

    def sec(path, text, number):
        return Node("section", path, [], [node("subsection", f"{path}(a)", text, 3, 4)], meta=Meta(number=number))

    counter = [0]
    added = compare_sections(None, sec("5 ILCS 1/3", "New section text.", "3"), counter)
    removed = compare_sections(sec("5 ILCS 1/4", "Old section text.", "4"), None, counter)
    moved = compare_sections(sec("5 ILCS 1/5", "Same.", "5"), sec("5 ILCS 1/5", "Same.", "5"), counter)
    span = SourceSpan(Position(3, 4), Position(3, 4))
    moved.section_changes.append(Change("move", "5 ILCS 1/5", "5 ILCS 1/5", "Same.", "Same.", span, span,
                                        "5 ILCS 1/5", anchor="m1"))
    moved.status = "moved"
    moved.section_changes.append(Change("renumber", "5 ILCS 1/5(a)", "5 ILCS 1/5(a)", "", "", None, None, "5 ILCS 1/5"))
    comparison = Comparison(document(Identity(), "a", [added.new]), document(Identity(), "b", [removed.old]),
                            "versions", [added, removed, moved])
    tree = page(render_redline(comparison))
    ops = [el.get("data-op") for el in tree.xpath("//*[@data-op]")]
    assert sorted(ops) == sorted(c.op for c in comparison.changes) == ["add", "add", "move", "remove", "remove",
                                                                       "renumber"]
    ids = tree.xpath("//*[@data-op]/@id")
    assert len(set(ids)) == len(ids) and "m1" in ids
    assert squash(" ".join(tree.xpath("//*[@data-op='add']//ins//text()"))) == "New section text."
    assert squash(" ".join(tree.xpath("//*[@data-op='remove']//del//text()"))) == "Old section text."
    assert len(tree.xpath("//table[@class='summary-table']/tbody/tr")) == 6


# ---------------------------------------------------------------- properties and size

words = st.sampled_from(["the", "data", "collector", "shall", "notify", "(a)", ",", ".", "$250,000", "<b>",
                         "&", '"term"', "48", "hours", "or", "written", "material"])


@settings(max_examples=60, deadline=None)
@given(old=st.lists(words, min_size=1, max_size=12), new=st.lists(words, min_size=1, max_size=12))
def test_inline_cell_rebuilds_both_texts(old, new):
    path = "5 ILCS 1/2"
    old_section = Node("section", path, [], [node("subsection", f"{path}(a)", " ".join(old))])
    new_section = Node("section", path, [], [node("subsection", f"{path}(a)", " ".join(new), 2, 3)])
    section = compare_sections(old_section, new_section, [0])
    comparison = Comparison(document(Identity(), "a", [old_section]), document(Identity(), "b", [new_section]),
                            "versions", [section])
    tree = page(render_redline(comparison))
    cell = tree.xpath("//div[contains(@class,'cell-inline')]")[-1]
    for drop, expected in (("ins", old), ("del", new)):
        copy = lxml.html.fromstring(lxml.html.tostring(cell))
        for element in copy.xpath(f".//{drop}"):
            element.drop_tree()
        assert "".join(copy.text_content().split()) == "".join("".join(expected).split())
    assert len(tree.xpath("//*[@data-op]")) == len(comparison.changes)


def test_a_thousand_sections_render_with_fifty_changes_linked():
    comparison = synthetic_comparison(1000, 20)
    tree = page(render_redline(comparison))
    assert len(tree.xpath("//tr[contains(@class,'change-row')]")) == 50
    assert len(tree.xpath("//details[contains(@class,'sec')]")) == 950
    assert len(tree.xpath("//p[contains(@class,'kind-deadline')]")) == 50


# ---------------------------------------------------------------- truncated copies (SB731 sam002)

SB731_PAGES_2_TO_25 = ROOT / "statutes/seeds/003_80d6f31b0979e4b4.txt"
SB731_PAGE_1 = ROOT / "statutes/fragments/10200SB0731sam002_PARTIAL.txt"
LATER_SECTIONS = ["Sec. 10", "Sec. 15", "Sec. 20", "Sec. 25", "Sec. 30", "Sec. 35", "Sec. 40", "Sec. 45", "Sec. 50",
                  "Sec. 55"]


def one_copy_texts(tree, side: str) -> list[str]:
    """The words each `span.one-copy` of one side shows, without its label."""
    texts = []
    for span in tree.xpath(f"//div[contains(@class,'cell-inline')]//span[@data-only='{side}']"):
        copy = lxml.html.fromstring(lxml.html.tostring(span, with_tail=False))
        for label in copy.xpath(".//*[contains(@class,'only-label')]"):
            label.drop_tree()
        texts.append(squash(copy.text_content()))
    return texts


def inline_words(tree, side: str) -> list[str]:
    """What one copy says, read off the inline view: drop the other copy's words and the labels."""
    other, dropped = ("new", "ins") if side == "old" else ("old", "del")
    words = []
    for cell in tree.xpath("//div[contains(@class,'cell-inline')]"):
        copy = lxml.html.fromstring(lxml.html.tostring(cell))
        for element in copy.xpath(f".//*[@data-only='{other}'] | .//{dropped} | .//*[contains(@class,'only-label')]"):
            element.drop_tree()
        words += copy.text_content().split()
    return words


@pytest.fixture(scope="module", params=["pages-2-25-first", "page-1-first"])
def sb731(request):
    old, new = ((SB731_PAGES_2_TO_25, SB731_PAGE_1) if request.param == "pages-2-25-first"
                else (SB731_PAGE_1, SB731_PAGES_2_TO_25))
    comparison = real_comparison(old, new)
    return comparison, page(render_redline(comparison)), request.param


def test_truncated_copy_text_is_no_insertion_or_deletion(sb731):
    comparison, tree, _ = sb731
    assert comparison.changes == []
    assert tree.xpath("//ins | //del | //*[@data-op] | //main//*[contains(@class,'was-')]") == []
    assert squash(tree.xpath("//p[@class='counts']")[0].text_content()) == "No changes in the text both copies hold."


def test_each_copy_reads_back_whole_from_the_inline_view(sb731):
    comparison, tree, _ = sb731
    for side, document_ in (("old", comparison.old), ("new", comparison.new)):
        assert inline_words(tree, side) == [word.text for word in document_.root.all_words()]


def test_what_only_one_copy_holds_is_grey_and_labelled(sb731):
    _, tree, order = sb731
    page_1_side, later_side = ("new", "old") if order == "pages-2-25-first" else ("old", "new")
    page_1_only = one_copy_texts(tree, page_1_side)
    assert page_1_only[0].startswith("AMENDMENT TO SENATE BILL 731")
    assert '"Section 1. Short title. This Act may be cited as the Do Not Track Act.' in page_1_only
    assert any(text.startswith("(1) The right to privacy is a personal")
               and text.endswith("transparency is crucial for") for text in page_1_only)
    later_only = one_copy_texts(tree, later_side)
    assert later_only[0].startswith("retail stores have all had their internal security systems breached")
    assert "Section 10. Definitions. As used in this Act:" in later_only
    labels = [squash(label.text_content()) for label in tree.xpath("//div[contains(@class,'cell-inline')]"
                                                                   "//*[contains(@class,'only-label')]")]
    starts = f"only in the {page_1_side} copy (the {later_side} copy begins after this)"
    stops = f"only in the {later_side} copy (the {page_1_side} copy stops before this)"
    assert starts in labels and stops in labels and set(labels) == {starts, stops}
    for span in tree.xpath("//span[contains(@class,'one-copy')]"):
        assert not span.xpath("ancestor::ins | ancestor::del"
                              " | ancestor::*[contains(concat(' ', @class, ' '), ' change ')]")


def test_text_both_copies_hold_is_plain(sb731):
    _, tree, _ = sb731
    row = tree.xpath("//div[contains(@class,'cell-inline')]"
                     "[contains(., '(a) Some websites install tracking tools')]")[0]
    assert row.xpath(".//span") == []
    assert squash(row.text_content()).endswith("to third party marketers and data brokers.")


def test_sections_one_copy_holds_say_so_in_summary_and_heading(sb731):
    _, tree, order = sb731
    page_1_side, later_side = ("new", "old") if order == "pages-2-25-first" else ("old", "new")
    lines = {squash(p.text_content()) for p in tree.xpath("//p[@class='one-copy-sections']")}
    assert lines == {
        f"Present in the {later_side} copy only (the {page_1_side} copy is truncated): {', '.join(LATER_SECTIONS)}.",
        f"Present in the {page_1_side} copy only (the {later_side} copy is truncated): Front matter, Sec. 1.",
        f"Shared in part (a copy is truncated inside it): {'Sec. 5' if later_side == 'old' else 'Section 5'}.",
    }
    sec10 = tree.xpath("//*[@data-path='Section 10']")[0]
    assert sec10.tag == "details" and sec10.get("data-status") == f"only_{later_side}"
    assert squash(sec10.xpath("./summary")[0].text_content()).startswith(
        f"Sec. 10 Definitions. — present in the {later_side} copy only: the {page_1_side} copy is truncated")
    assert "Grey text is held by one copy only" in squash(tree.xpath("//p[@class='legend']")[0].text_content())


def test_a_change_beside_truncated_text_still_reads_back():
    from statdiff.read.redline import changes_from_redline

    edited = SB731_PAGE_1.read_text(encoding="utf-8").replace("companies are buying,", "companies are purchasing,")
    comparison = api.diff(api.parse(SB731_PAGES_2_TO_25), api.parse(edited, name="edited.txt"))
    tree = page(render_redline(comparison))
    assert [(c.op, c.old_text, c.new_text) for c in comparison.changes] == [("replace", "buying", "purchasing")]
    assert [squash(el.text_content()) for el in tree.xpath("//del")] == ["buying"]
    assert [squash(el.text_content()) for el in tree.xpath("//ins")] == ["purchasing"]
    assert tree.xpath("//span[@data-only='old']") and tree.xpath("//span[@data-only='new']")
    back = changes_from_redline(render_redline(comparison, view="side-by-side"))
    assert [(c.op, c.old_path, c.new_path, c.old_text, c.new_text) for c in back] == [
        (c.op, c.old_path, c.new_path, c.old_text, c.new_text) for c in comparison.changes]


def test_side_by_side_shows_one_copy_text_only_on_its_side(sb731):
    comparison, _, _ = sb731
    tree = page(render_redline(comparison, view="side-by-side"))
    assert tree.xpath("//div[contains(@class,'cell-old')]//span[@data-only='new']") == []
    assert tree.xpath("//div[contains(@class,'cell-new')]//span[@data-only='old']") == []
    assert tree.xpath("//div[contains(@class,'cell-old')]//span[@data-only='old']")
    assert tree.xpath("//main//span[contains(@class,'was-inserted') or contains(@class,'was-deleted')]") == []


# ---------------------------------------------------------------- segments, by hand

def tokens(text: str, first_spaced: bool = False) -> tuple:
    from statdiff.model import Token
    return tuple(Token(word, space_before=first_spaced or index > 0) for index, word in enumerate(text.split()))


def one_node_page(segments, view: str = "inline"):
    from statdiff.model import NodeComparison, SectionComparison
    old_node = node("subsection", "5 ILCS 1/2(a)", " ".join(t.text for s in segments for t in s.old))
    new_node = node("subsection", "5 ILCS 1/2(a)", " ".join(t.text for s in segments for t in s.new))
    section = SectionComparison("5 ILCS 1/2", "", "unchanged", old_node, new_node,
                                [NodeComparison(old_node, new_node, "unchanged", list(segments))])
    comparison = Comparison(document(Identity(), "a", [old_node]), document(Identity(), "b", [new_node]),
                            "versions", [section])
    return page(render_redline(comparison, view=view))


def test_equal_segment_with_one_side_empty_shows_the_side_it_has():
    from statdiff.model import Segment
    segments = [Segment("equal", tokens("(a) The collector"), tokens("(a) The collector")),
                Segment("equal", (), tokens("shall notify the resident.", True))]
    for view in ("inline", "side-by-side"):
        tree = one_node_page(segments, view)
        cell = tree.xpath("//div[contains(@class,'cell-inline')]")[-1]
        assert squash(cell.text_content()) == "(a) The collector shall notify the resident."
        assert cell.xpath(".//span | .//ins | .//del") == []
        assert squash(tree.xpath("//div[contains(@class,'cell-new')]")[-1].text_content()).endswith(
            "(a) The collector shall notify the resident.")
        assert "shall" not in tree.xpath("//div[contains(@class,'cell-old')]")[-1].text_content()


def test_a_copy_starting_inside_a_paragraph_keeps_the_space_between_words():
    from statdiff.model import Segment
    tree = one_node_page([Segment("only_old", tokens("The right to privacy is crucial for"), ()),
                          Segment("equal", tokens("Illinois citizens.", True), tokens("Illinois citizens."))])
    cell = tree.xpath("//div[contains(@class,'cell-inline')]")[-1]
    assert squash(cell.text_content()) == (
        "only in the old copy (the new copy begins after this) The right to privacy is crucial for Illinois citizens.")


segment_ops = st.sampled_from(["equal", "insert", "delete", "replace", "only_old", "only_new"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(segment_ops, st.lists(words, min_size=1, max_size=4),
                          st.lists(words, min_size=1, max_size=4)), min_size=1, max_size=6))
def test_every_segment_op_renders_its_own_way(runs):
    from statdiff.model import Segment
    segments = []
    for index, (op, old_words, new_words) in enumerate(runs):
        old = tokens(" ".join(old_words), index > 0) if op in ("equal", "delete", "replace", "only_old") else ()
        new = tokens(" ".join(new_words if op != "equal" else old_words), index > 0) if op in (
            "equal", "insert", "replace", "only_new") else ()
        segments.append(Segment(op, old, new))
    tree = one_node_page(segments)
    cell = tree.xpath("//div[contains(@class,'cell-inline')]")[-1]

    def joined(ops, side):
        return "".join(t.text for s in segments if s.op in ops for t in getattr(s, side))

    def marked(tag):
        return "".join("".join(el.text_content().split()) for el in cell.xpath(f".//{tag}"))

    assert marked("ins") == joined(("insert", "replace"), "new")
    assert marked("del") == joined(("delete", "replace"), "old")
    for side in ("old", "new"):
        assert "".join(one_copy_texts(tree, side)).replace(" ", "") == joined((f"only_{side}",), side)
        every_op = ("equal", "insert", "delete", "replace", f"only_{side}")
        assert "".join(inline_words(tree, side)) == joined(every_op, side)
    assert cell.xpath(".//span[@data-only]//ins | .//span[@data-only]//del | .//ins//span | .//del//span") == []


def test_section_spans_are_the_sections_own_printed_lines_as_in_the_json():
    # The full HB0605 against its seed copy: bill Section 5 holds Sections 5 and 10 of
    # the Act, so its own span ends where its text does (1:5), not at the bill's end.
    comparison = real_comparison(ROOT / "statutes/pipa/09500HB0605_introduced_full.txt", HB0605)
    tree = page(render_redline(comparison))
    metas = [squash(meta.text_content()) for meta in tree.xpath("//*[@data-status]//p[@class='sec-meta']")]
    assert metas == [
        "unchanged · old 1:1-3 · new 1:1-3",
        "Section 5 · unchanged · old 1:4-5 · new 1:4-5",
        "815 ILCS 530/5 · unchanged · old 1:6-2:16 · new 1:6-2:16",
        "815 ILCS 530/10 · unchanged · old 2:17-4:21 · new 2:17-4:21",
    ]
    data = json.loads(comparison_json(comparison))
    for meta, section in zip(metas, data["sections"]):
        for side in ("old", "new"):
            span = section[f"{side}_source"]
            assert f"{side} {SourceSpan(Position(**span['start']), Position(**span['end']))}" in meta


# ---------------------------------------------------------------- structure: Acts, Articles, folded runs (issue 14)


def _act_with_articles():
    """5 ILCS 1 in three Articles: a word changed in Sec. 1-3 and in Sec. 3-2, Article 2 untouched."""
    layout = {"1": ["1-1", "1-2", "1-3", "1-4", "1-5"], "2": ["2-1", "2-2", "2-3"], "3": ["3-1", "3-2"]}
    changed = {"1-3", "3-2"}
    counter, sections, trees = [0], [], {"old": [], "new": []}
    for article, numbers in layout.items():
        held = {"old": [], "new": []}
        for number in numbers:
            path = f"5 ILCS 1/{number}"
            text = "This Act may be cited as the Test Act." if number == "1-1" else f"The fee under {number} is $250."
            for side in ("old", "new"):
                body = text.replace("$250", "$500") if side == "new" and number in changed else text
                head = node("section", path, f"Sec. {number}.", 1, 1)
                held[side].append(Node("section", path, head.words, [node("text", f"{path} [1]", body, 1, 2)],
                                       meta=Meta(number=number, act="5 ILCS 1")))
        for side in ("old", "new"):
            trees[side].append(Node("article", f"5 ILCS 1/Art. {article}", [], held[side], label=f"Article {article}",
                                    meta=Meta(number=article, heading=f"PART {article}")))
        sections += [compare_sections(a, b, counter) for a, b in zip(held["old"], held["new"])]
    old_doc = document(Identity(act="5 ILCS 1"), "old.txt", trees["old"])
    new_doc = document(Identity(act="5 ILCS 1"), "new.txt", trees["new"])
    return Comparison(old_doc, new_doc, "versions", sections)


def test_sections_sit_under_their_act_and_article_with_quiet_runs_folded():
    from statdiff import pipeline

    view = pipeline.view(_act_with_articles())
    [act] = view.outline
    assert (act.kind, act.label, act.heading) == ("act", "5 ILCS 1", "Test Act")  # named by its short title
    shown = [(item.item_kind, getattr(item, "label", None) or item.text) for item in act.items]
    assert shown == [("group", "Article 1"), ("run", "Article 2 PART 2 unchanged (3 Sections)"), ("group", "Article 3")]
    article_1, _, article_3 = act.items
    assert [(item.item_kind, item.text if item.item_kind == "run" else item.label) for item in article_1.items] == [
        ("run", "Secs. 1-1 to 1-2 unchanged (2 Sections)"), ("section", "Sec. 1-3"),
        ("run", "Secs. 1-4 to 1-5 unchanged (2 Sections)")]
    # a lone unchanged Section already folds to one line: it is no run of one
    assert [(item.item_kind, item.label) for item in article_3.items] == [("section", "Sec. 3-1"), ("section", "Sec. 3-2")]
    assert [member.label for member in view.contents] == ["5 ILCS 1"]
    assert [member.label for member in act.shown] == ["Article 1", "Article 3"]


def test_the_page_shows_the_outline_and_the_contents_nest_it():
    tree = page(render_redline(_act_with_articles()))
    act = tree.xpath("//main/section[@class='group group-act']")[0]
    assert squash(act.xpath("./h2")[0].text_content()) == "5 ILCS 1 Test Act"
    assert [squash(h.text_content()) for h in tree.xpath("//main//section[contains(@class,'group-article')]/h3")] == [
        "Article 1 PART 1", "Article 2 PART 2", "Article 3 PART 3"]
    runs = tree.xpath("//main//details[@class='run']")
    assert [squash(run.xpath("./summary")[0].text_content()) for run in runs] == [
        "Secs. 1-1 to 1-2 unchanged (2 Sections)", "Secs. 1-4 to 1-5 unchanged (2 Sections)",
        "Article 2 PART 2 unchanged (3 Sections)", "Secs. 2-1 to 2-3 unchanged (3 Sections)"]
    # a run holds its Sections, each still one folded line that opens onto its text
    assert [el.get("data-path") for el in runs[0].xpath("./details[contains(@class,'sec')]")] == ["5 ILCS 1/1-1", "5 ILCS 1/1-2"]
    assert runs[2].xpath("./section[contains(@class,'group-article')]/details[@class='run']")
    assert [squash(a.text_content()) for a in tree.xpath("//nav[@id='toc']//a")] == [
        "5 ILCS 1 Test Act", "Article 1 PART 1", "Sec. 1-3", "Article 3 PART 3", "Sec. 3-2"]
    assert [el.get("data-path") for el in tree.xpath("//main//section[contains(@class,'sec')]")] == [
        "5 ILCS 1/1-3", "5 ILCS 1/3-2"]
    assert len(tree.xpath("//*[contains(@class,'sec')][@data-path]")) == 10  # every section is still there


def test_json_sections_carry_their_act_and_article():
    data = json.loads(comparison_json(_act_with_articles()))
    assert [(s["path"], s["act"], s["article"]) for s in data["sections"]][:2] == [
        ("5 ILCS 1/1-1", "5 ILCS 1", "5 ILCS 1/Art. 1"), ("5 ILCS 1/1-2", "5 ILCS 1", "5 ILCS 1/Art. 1")]
    assert list(data["sections"][0])[-2:] == ["act", "article"]  # added after the keys that were there
    assert {s["heading"] for s in data["sections"]} == {""}  # no heading printed: "", not the label again


def test_the_bills_synopsis_is_shown_folded_when_new_is_a_bill():
    bill = page(render_redline(real_comparison(THROUGH_947, HB0605)))
    [synopsis] = bill.xpath("//header//details[@class='synopsis']")
    assert synopsis.get("open") is None
    assert squash(synopsis.xpath("./p")[0].text_content()).startswith("Amends the Personal Information Protection Act.")
    assert squash(synopsis.xpath("./summary")[0].text_content()).startswith("Synopsis of 95th GA HB0605 introduced")
    acts = page(render_redline(real_comparison(AS_ENACTED, THROUGH_947)))
    assert acts.xpath("//details[@class='synopsis']") == []


def test_a_moved_section_says_from_where_to_where():
    from statdiff.compare import compare
    from statdiff.model import Document as Doc, Word

    def section(number: str, text: str) -> Node:
        path = f"10 ILCS 5/{number}"
        body = Node("text", f"{path} [1]", [Word(w) for w in text.split()])
        return Node("section", path, [Word(w) for w in f"Sec. {number}.".split()], [body],
                    meta=Meta(number=number, act="10 ILCS 5", heading=f"Heading {number}."))

    texts = {n: f"The text of Section {n} says enough to be recognised by its content alone, word for word."
             for n in ("1-1", "1-2", "1-3", "2-1", "2-2")}

    def article(number: str, numbers: list[str]) -> Node:
        return Node("article", f"10 ILCS 5/Art. {number}", [], [section(n, texts[n]) for n in numbers],
                    label=f"Article {number}", meta=Meta(number=number))

    old = Doc(Identity(act="10 ILCS 5"), Node("document", "", [], [article("1", ["1-1", "1-2", "1-3"]),
                                                                     article("2", ["2-1", "2-2"])]), "t", "old")
    new = Doc(Identity(act="10 ILCS 5"), Node("document", "", [], [article("1", ["1-1", "1-3"]),
                                                                     article("2", ["2-1", "1-2", "2-2"])]), "t", "new")
    comparison = compare(old, new)
    [moved] = [change for change in comparison.changes if change.op == "move"]
    assert (moved.old_after, moved.new_after) == ("10 ILCS 5/1-1", "10 ILCS 5/2-1")  # the compare stage says where
    tree = page(render_redline(comparison))
    banner = tree.xpath("//section[@data-status='moved']//p[@class='move-note']")[0]
    assert squash(banner.text_content()) == (
        "Moved from after 10 ILCS 5/1-1 in Article 1 to after 10 ILCS 5/2-1 in Article 2.")
    assert banner.xpath("./span[@data-op='move']/@id") == [moved.anchor]  # the link to the move lands here
    row = tree.xpath("//tr[@data-anchor=$a]", a=moved.anchor)[0]
    assert squash(row.xpath("./td[@class='phrase']")[0].text_content()) == (
        "Sec. 1-2 moved from after 10 ILCS 5/1-1 in Article 1 to after 10 ILCS 5/2-1 in Article 2")
    assert tree.xpath("//ul[@class='unplaced-changes']") == []
    assert [(c.op, c.anchor) for c in changes_from_redline_text(tree)] == [(c.op, c.anchor) for c in comparison.changes]


def changes_from_redline_text(tree):
    from statdiff.read.redline import redline_changes

    return redline_changes(tree)


def test_the_chapter_620_acts_are_named_and_no_heading_repeats_its_label(tmp_path):
    from redline_fixtures import benchmark_pair

    old, new = benchmark_pair(tmp_path)
    tree = page(render_redline(api.diff(old, new)))
    acts = [squash(h.text_content()) for h in tree.xpath("//main//section[contains(@class,'group-act')]/h2")]
    assert len(acts) == 10 and all(re.fullmatch(r"620 ILCS \d+ \S.*(Act|Law of 1943)", act) for act in acts), acts
    # named by a short title Section wherever it stands: 620 ILCS 5/82, 620 ILCS 50/74 (no heading)
    assert "620 ILCS 5 Illinois Aeronautics Act" in acts and "620 ILCS 50 County Airports Act" in acts
    # an Act nothing changed in folds to one line
    runs = [squash(s.text_content()) for s in tree.xpath("//main/details[@class='run']/summary")]
    assert "620 ILCS 30 Zoning to Eliminate Airport Hazards Act unchanged (13 Sections)" in runs, runs
    toc = [squash(a.text_content()) for a in tree.xpath("//nav[@id='toc']//li[not(contains(@class,'toc-group'))]/a")]
    assert toc and not any(re.match(r"(Sec\. \S+) \1$", entry) for entry in toc), toc
