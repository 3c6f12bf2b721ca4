"""`statdiff parse` (tree, --json, --text) and `statdiff.parse` on the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import statdiff
from statdiff.cli import main
from statdiff.model import Document

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "statutes" / "seeds"
HB0605 = SEEDS / "002_524df963b8163e99.txt"
BILL_SEEDS = sorted(path for path in SEEDS.glob("00[234]_*.txt"))


def run(*args: str):
    return CliRunner().invoke(main, ["parse", *args], catch_exceptions=False)


def test_tree_view_shows_identity_synopsis_paths_and_page_lines():
    result = run(str(HB0605), "--no-color")
    assert result.exit_code == 0
    out = result.output
    assert out.startswith("95th GA HB0605 introduced")
    assert "Synopsis: Amends the Personal Information Protection Act." in out
    assert "815 ILCS 530/10(c)(3)(iii)" in out
    assert "815 ILCS 530/10  Notice of Breach.  2:17-4:21" in out
    assert "\x1b[" not in out


@pytest.mark.parametrize("path", BILL_SEEDS, ids=lambda path: path.name[:3])
def test_json_is_the_document_tree_and_deterministic(path):
    first = run(str(path), "--json")
    second = run(str(path), "--json")
    assert first.exit_code == 0
    assert first.output == second.output
    tree = json.loads(first.output)
    assert set(tree) == {"identity", "rendering", "detection", "name", "synopsis", "suspected_strikes", "root"}
    assert tree["detection"]["rendering"] == tree["rendering"] and tree["detection"]["runner_up"]["rendering"]
    for node in _walk(tree["root"]):
        assert {"kind", "path", "label", "text", "meta", "children", "source"} <= set(node)
        assert set(node["source"]) == {"start", "end"}


def test_json_of_hb0605_gives_the_citation_line_at_page_2_line_17():
    tree = json.loads(run(str(HB0605), "--json").output)
    citation = next(node for node in _walk(tree["root"]) if node["path"] == "815 ILCS 530/10 [citation]")
    assert citation["kind"] == "citation"
    assert citation["text"] == "(815 ILCS 530/10)"
    assert citation["source"] == {"start": {"page": 2, "line": 17}, "end": {"page": 2, "line": 17}}
    section = next(node for node in _walk(tree["root"]) if node["path"] == "815 ILCS 530/10")
    assert section["text"] == ""
    assert section["meta"]["heading"] == "Notice of Breach."


def test_text_prints_each_printed_line_with_its_page_and_line():
    result = run(str(HB0605), "--text")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "1:1  AN ACT concerning consumer fraud."
    assert "2:17  (815 ILCS 530/10)" in lines
    assert "2:18  Sec. 10. Notice of Breach." in lines
    assert "4:7  shall consist of all of the following: (i) email notice if" in lines
    assert lines[-1] == "4:21  (Source: P.A. 94-36, eff. 1-1-06; 94-947, eff. 6-27-06.)"


def test_text_without_positions_prints_one_node_a_line():
    result = run(str(REPO / "statutes/pipa/815ILCS530_through_PA094-0947.txt"), "--text")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[:3] == [
        "(815 ILCS 530/1)",
        "Sec. 1. Short title. This Act may be cited as the Personal Information Protection Act.",
        "(Source: P.A. 94-36, eff. 1-1-06.)",
    ]


ALL_SEEDS = sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize("mode", [[], ["--json"], ["--text"]], ids=["tree", "json", "text"])
@pytest.mark.parametrize("path", ALL_SEEDS, ids=lambda path: path.name[:3])
def test_every_mode_works_on_every_seed(path, mode):
    result = run(str(path), "--no-color", *mode) if not mode else run(str(path), *mode)
    assert result.exit_code == 0
    assert result.output.strip()


def test_a_document_that_is_not_legislation_is_paragraphs_and_list_items():
    document = statdiff.parse(SEEDS / "000_71145e3a5c8d62e0.txt")
    assert [node.kind for node in document.root.children] == ["text"] * 5 + ["list_item"] * 4 + ["text"] * 3 + [
        "list_item"] * 4 + ["text"] * 2
    assert document.root.children[0].path == "[1]"
    assert document.root.children[5].text.startswith("Limits on Disclosure")  # the bullet `-` is markup, not a word


def test_json_and_text_together_is_a_one_line_error():
    result = CliRunner().invoke(main, ["parse", str(HB0605), "--json", "--text"])
    assert result.exit_code == 2
    assert "choose one of --json and --text" in result.output


def test_the_python_api_parses_a_path_and_a_text():
    from_path = statdiff.parse(HB0605)
    assert isinstance(from_path, Document)
    assert from_path.find("815 ILCS 530/10(b-5)").kind == "subsection"
    from_text = statdiff.parse(
        "    (815 ILCS 530/1)\n    Sec. 1. Short title. This Act may be cited as the Act.\n(Source: P.A. 94-36.)\n"
    )
    assert [node.path for node in from_text.walk()][1:] == [
        "815 ILCS 530/1",
        "815 ILCS 530/1 [citation]",
        "815 ILCS 530/1 [1]",
        "815 ILCS 530/1 [source]",
    ]


def _walk(node: dict):
    yield node
    for child in node["children"]:
        yield from _walk(child)


def test_a_plain_printing_that_prints_struck_and_new_words_side_by_side_is_warned_of():
    """P.A. 102-16 as PDF text prints `July 1, 2022 2021` (issue 11): the pair is listed in the
    JSON with where it is printed, and one warning line on stderr says the HTML page shows it."""
    page = Path(__file__).resolve().parent.parent / "statutes/fragments/PA102-0016_docslib_pdftext_PARTIAL.txt"
    result = run(str(page), "--json")
    assert result.exit_code == 0
    strikes = json.loads(result.stdout)["suspected_strikes"]
    assert [(strike["struck"], strike["new"], strike["kind"]) for strike in strikes] == [("2022", "2021", "year")]
    assert result.stderr.count("\n") == 1 and "1 struck-and-new pair suspected" in result.stderr
    assert "“2022 2021” (year)" in result.stderr and "HTML page" in result.stderr
    assert run(str(HB0605), "--json").stderr == ""  # a bill that strikes nothing: no warning
