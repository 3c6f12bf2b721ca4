"""The Python API in a notebook: short reprs, properties read alike, `to_json()`, `write()` in
any registered format by suffix, and a compact redline as `_repr_html_` (issue 14)."""

from __future__ import annotations

import json
import warnings

import lxml.html
import pytest

import statdiff
from redline_fixtures import AS_ENACTED, HB0605, THROUGH_947
from statdiff import pipeline
from statdiff.errors import StatdiffError
from statdiff.render import formats

HB0605_FULL = THROUGH_947.parent / "09500HB0605_introduced_full.txt"


@pytest.fixture(scope="module")
def headline():
    return statdiff.diff(THROUGH_947, HB0605_FULL)


def test_reprs_are_one_short_line(headline):
    assert repr(headline) == "<Comparison HB0605 vs 815 ILCS 530: 7 changes in 2 sections>"
    assert repr(headline.new) == "<Document HB0605 (numbered, 09500HB0605_introduced_full.txt): 3 sections>"
    assert repr(headline.old).startswith("<Document 815 ILCS 530 (ilcs, ")
    change = headline.changes[3]
    assert repr(change) == ("<Change c4 insert 815 ILCS 530/10(a) at 2:24-3:1: “within 48 hours of the discovery of "
                            "the breach …”>")
    objects = [headline, headline.old, headline.new, *headline.changes, *headline.sections,
               *(node for section in headline.sections for node in section.nodes), headline.new.root,
               pipeline.view(headline)]
    for shown in map(repr, objects):
        assert len(shown) < 200 and "\n" not in shown, shown


def test_a_whole_act_comparison_still_has_a_short_repr(tmp_path):
    act = THROUGH_947.read_text(encoding="utf-8")
    edited = tmp_path / "edited.txt"
    edited.write_text(act.replace("personal information", "personal data"), encoding="utf-8")
    comparison = statdiff.diff(THROUGH_947, edited)
    assert len(repr(comparison)) < 200 and len(repr(comparison.sections)) < 200 * len(comparison.sections)
    assert repr(comparison).endswith(f"{len(comparison.changes)} changes in {len(comparison.changed_sections)} sections>")


def test_changes_sections_and_summary_are_all_properties(headline):
    assert headline.summary == {"mode": "amendment", "changes": 7, "by_op": {"insert": 7},
                                "sections": {"changed": 2, "not_restated": 1}}
    assert headline.summary["changes"] == len(headline.changes) == 7
    assert [section.path for section in headline.changed_sections] == ["815 ILCS 530/5", "815 ILCS 530/10"]
    json.dumps(headline.summary)  # plain values
    # the old spelling still works, and says it is the old one
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert headline.summary() == headline.summary
    assert [warning.category for warning in caught] == [DeprecationWarning]


def test_to_json_is_the_cli_contract(headline):
    data = headline.to_json()
    assert data == json.loads(pipeline.render_comparison(headline, "json"))
    assert list(data) == ["old", "new", "mode", "summary", "changes", "sections", "annotations", "warnings"]
    assert [section["act"] for section in data["sections"]] == ["815 ILCS 530"] * 3


def test_write_chooses_the_format_by_suffix(headline, tmp_path):
    written = headline.write(tmp_path / "report.html", title="HB0605")
    assert written == tmp_path / "report.html"
    page = lxml.html.document_fromstring(written.read_text(encoding="utf-8"))
    assert page.xpath("//title")[0].text == "HB0605" and len(page.xpath("//*[@data-op]")) == 7
    assert json.loads(headline.write(tmp_path / "report.json").read_text(encoding="utf-8")) == headline.to_json()
    side = headline.write(str(tmp_path / "side.htm"), view="side-by-side").read_text(encoding="utf-8")
    assert 'id="view-side-by-side" class="view-radio" checked' in side
    # every suffix the registry lists for a redline is written by its renderer
    for entry in formats("redline"):
        for suffix in entry.suffixes:
            assert headline.write(tmp_path / f"any{suffix}").stat().st_size > 0
    with pytest.raises(StatdiffError, match=r"no output format for the suffix '\.unknown'"):
        headline.write(tmp_path / "report.unknown")
    assert not (tmp_path / "report.unknown").exists()


def test_write_never_overwrites_a_compared_file(tmp_path):
    old = tmp_path / "old.html"
    old.write_text("<html><body><p>Section 1. The fee is $20.</p></body></html>", encoding="utf-8")
    new = tmp_path / "new.txt"
    new.write_text("Section 1. The fee is $540.\n", encoding="utf-8")
    comparison = statdiff.diff(old, new)
    with pytest.raises(StatdiffError, match="would overwrite the input"):
        comparison.write(old)
    assert "$20" in old.read_text(encoding="utf-8")


def test_write_takes_a_notes_file_and_warns_about_a_note_matching_nothing(headline, tmp_path):
    notes = tmp_path / "notes.yaml"
    notes.write_text('"815 ILCS 530/10(a)": Compare SB 731.\n"815 ILCS 530/99": Nowhere.\n', encoding="utf-8")
    with pytest.warns(UserWarning, match="815 ILCS 530/99"):
        written = headline.write(tmp_path / "noted.html", notes=notes)
    assert "Compare SB 731." in written.read_text(encoding="utf-8")


def test_the_notebook_shows_a_compact_redline(headline):
    html = headline._repr_html_()
    fragment = lxml.html.fragment_fromstring(html)
    assert fragment.get("class") == "statdiff-fragment"
    assert [" ".join(el.text_content().split()) for el in fragment.xpath(".//ins")] == [
        "or written material", "or written material", "or written material",
        "within 48 hours of the discovery of the breach of the security of the system data or written material,",
        "or written material files", "material files or", "or written material"]
    assert fragment.xpath(".//script") == [] and fragment.xpath(".//*[@id]") == []
    # its styles apply inside the fragment only: a notebook's own page keeps its look
    style = fragment.xpath(".//style")[0].text
    rules = [rule.split("{")[0].strip() for rule in style.split("}") if "{" in rule]
    assert rules and all(selector.strip().startswith(".statdiff-fragment") for rule in rules for selector in rule.split(","))
    assert "HB0605" in fragment.xpath(".//p[@class='sd-title']")[0].text_content()
    assert len(html) < len(pipeline.render_comparison(headline, "html")) / 5


def test_the_compact_redline_labels_credits_and_stops_at_its_limit(tmp_path):
    credited = statdiff.diff(AS_ENACTED, HB0605)
    fragment = lxml.html.fragment_fromstring(credited._repr_html_())
    assert {" ".join(el.text_content().split()) for el in fragment.xpath(".//span[@class='sd-credit']")} == {
        "P.A. 94-947"}
    from statdiff.render.html import FRAGMENT_ROWS

    sections = FRAGMENT_ROWS + 20
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("".join(f"Section {n}. Fees.\nThe fee for item {n} is ${n}.\n" for n in range(1, sections + 1)))
    new.write_text("".join(f"Section {n}. Fees.\nThe fee for item {n} is ${n} a page.\n" for n in range(1, sections + 1)))
    comparison = statdiff.diff(old, new)
    assert len(comparison.changes) == sections
    fragment = lxml.html.fragment_fromstring(comparison._repr_html_())
    assert len(fragment.xpath(".//p[@class='sd-row']")) == FRAGMENT_ROWS
    assert " ".join(fragment.xpath(".//p[@class='sd-more']")[0].text_content().split()).startswith(
        "… and 20 more changes: comparison.write(\"report.html\")")
    same = statdiff.diff(THROUGH_947, THROUGH_947)
    assert "No changes." in same._repr_html_() and repr(same).endswith(": 0 changes in 0 sections>")


def test_the_readme_notebook_example_runs_as_shown(tmp_path, monkeypatch):
    import doctest

    from redline_fixtures import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("### In a notebook", 1)[1].split("```python\n", 1)[1].split("\n```", 1)[0]
    for name in ("statutes", "reports"):
        (tmp_path / name).symlink_to(ROOT / name)
    monkeypatch.chdir(tmp_path)  # report.html is written here, not into the clone
    test = doctest.DocTestParser().get_doctest(block, {}, "README notebook example", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the example raises no warning either
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
    assert (tmp_path / "report.html").is_file()
    assert all(len(line) < 200 for line in block.splitlines() if line.startswith("<"))
