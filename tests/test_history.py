"""`statdiff history`: a law and a bill through their versions, each change of the whole
history credited to the version that made it, changes later undone shown as such, in the
terminal, as JSON and in every file format; the versions given in any order."""

from __future__ import annotations

import csv
import io
import itertools
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from statdiff import cli, pipeline

ROOT = Path(__file__).resolve().parent.parent
PIPA = ROOT / "statutes" / "pipa"
FRAGMENTS = ROOT / "statutes" / "fragments"
AS_ENACTED = PIPA / "815ILCS530_as_enacted_PA094-0036.txt"
THROUGH_947 = PIPA / "815ILCS530_through_PA094-0947.txt"
HB0605 = PIPA / "09500HB0605_introduced_full.txt"
CONSTRUCTED = ROOT / "tests" / "fixtures" / "amend" / "09500HB0605_constructed_page_and_line.txt"
HB1633 = [  # in the order they were made; the corpus has no HB1633 as introduced
    FRAGMENTS / "09400HB1633ham001_PARTIAL.txt",
    FRAGMENTS / "09400HB1633ham004_ftp_PARTIAL.txt",
    FRAGMENTS / "09400HB1633eng_ftp_PARTIAL.txt",
    FRAGMENTS / "09400HB1633enr_PARTIAL.txt",
    FRAGMENTS / "PA094-0036_ilga_publicact_fulltext_PARTIAL.txt",
]
SEVEN = ["or written material"] * 4 + ["or written material files", "material files or",
                                       "within 48 hours of the discovery of the breach of the security of the system data or written material,"]


def run(*args):
    return CliRunner().invoke(cli.main, [str(arg) for arg in args], catch_exceptions=False)


def history_json(*args) -> dict:
    result = run("history", *args, "--json")
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def credited(data: dict) -> dict[int, list[str]]:
    """Each version's changes of the whole history, by their text."""
    found: dict[int, list[str]] = {}
    for change in data["changes"]:
        found.setdefault(change["to_version"], []).append(change["new_text"] or change["old_text"])
    return found


# ------------------------------------------------------------------ PIPA


@pytest.mark.parametrize("order", list(itertools.permutations([AS_ENACTED, THROUGH_947, HB0605])))
def test_pipa_in_any_order_credits_each_change_to_its_version(order):
    data = history_json(*order)
    assert [version["name"] for version in data["history"]["versions"]] == [str(AS_ENACTED), str(THROUGH_947), str(HB0605)]
    by_version = credited(data)
    assert sorted(by_version) == [2, 3]
    assert by_version[2][0] == "at no charge" and by_version[2][1].startswith("(b-5) The notification required")
    assert by_version[2][2] == "(Source: P.A. 94-36, eff. 1-1-06; 94-947, eff. 6-27-06.)"
    assert sorted(by_version[3]) == sorted(SEVEN)  # HB0605's seven "written material" / 48-hour insertions
    for change in data["changes"]:
        label = "815 ILCS 530 through P.A. 94-947" if change["to_version"] == 2 else "HB0605 introduced"
        assert change["version"] == label and change["versions"] == [change["to_version"]]
        assert change["attributed_to"] == f"v{change['to_version']} {label}"
    assert data["history"]["undone"] == [] and data["history"]["warnings"] == []


def test_the_history_final_comparison_is_the_diff_of_the_first_and_last():
    data = history_json(HB0605, AS_ENACTED, THROUGH_947)
    diff = json.loads(run("diff", AS_ENACTED, HB0605, "--json").stdout)
    drop = ("attributed_to", "to_version", "version", "versions")
    assert [{k: v for k, v in change.items() if k not in drop} for change in data["changes"]] == [
        {k: v for k, v in change.items() if k != "attributed_to"} for change in diff["changes"]]
    assert data["sections"] == diff["sections"] and data["summary"] == diff["summary"]


def test_the_versions_summary_and_the_terminal(tmp_path):
    result = run("history", THROUGH_947, HB0605, AS_ENACTED, "--no-color")
    assert result.exit_code == 1 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "history of 3 versions, in the order they were made"
    assert lines[1] == f"  v1  815 ILCS 530 through P.A. 94-36  {AS_ENACTED}  the first text"
    assert lines[2] == (f"  v2  815 ILCS 530 through P.A. 94-947  {THROUGH_947}  3 changes (1 added node, 1 insertion,"
                        " 1 Source note change): 3 kept")
    assert lines[3] == f"  v3  HB0605 introduced  {HB0605}  7 changes (7 insertions): 7 kept"
    assert "{+at no charge+} [v2 815 ILCS 530 through P.A. 94-947]" in result.stdout
    assert "{+material files or+} [v3 HB0605 introduced]" in result.stdout
    step = history_json(AS_ENACTED, THROUGH_947, HB0605)["history"]["versions"][1]["step"]
    assert step == {"changes": 3, "kept": 3, "undone": 0, "undoes": 0, "left_out": 0,
                    "by_op": {"add": 1, "insert": 1, "source": 1}}


def test_a_folder_of_versions_is_the_same_as_its_files(tmp_path):
    folder = tmp_path / "pipa"
    folder.mkdir()
    for path in (HB0605, AS_ENACTED, THROUGH_947):
        shutil.copy(path, folder / path.name)
    (folder / ".hidden").write_text("not a version")
    from_folder = history_json(folder)
    from_files = history_json(HB0605, AS_ENACTED, THROUGH_947)
    assert [change["to_version"] for change in from_folder["changes"]] == [change["to_version"] for change in from_files["changes"]]
    assert [version["label"] for version in from_folder["history"]["versions"]] == [
        version["label"] for version in from_files["history"]["versions"]]


def test_as_given_keeps_the_order_given():
    data = history_json(THROUGH_947, AS_ENACTED, "--as-given")
    assert data["history"]["order"] == "as given"
    assert [version["label"] for version in data["history"]["versions"]] == [
        "815 ILCS 530 through P.A. 94-947", "815 ILCS 530 through P.A. 94-36"]
    assert {change["op"] for change in data["changes"]} == {"delete", "remove", "source"}  # P.A. 94-947 taken back


# ------------------------------------------------------------------ undone changes


def test_a_change_later_undone_is_shown_as_such(tmp_path):
    """v2 inserts "at no charge"; v3 takes it out again: the first and last texts are the same,
    and both steps are listed, the first undone by v3, the second taking back what v2 did."""
    text = AS_ENACTED.read_text(encoding="utf-8")
    first, second, third = tmp_path / "1.txt", tmp_path / "2.txt", tmp_path / "3.txt"
    first.write_text(text, encoding="utf-8")
    second.write_text(text.replace("shall notify the resident that", "shall notify the resident at no charge that"), encoding="utf-8")
    third.write_text(text, encoding="utf-8")
    result = run("history", first, second, third, "--as-given", "--json")
    assert result.exit_code == 1  # the steps changed the text, though the last version is the first again
    data = json.loads(result.stdout)
    assert data["changes"] == []
    undone = data["history"]["undone"]
    assert [(item["to_version"], item["op"], item["new_text"] or item["old_text"], item["fate"], item["undone_in"],
             item["undoes"]) for item in undone] == [
        (2, "insert", "at no charge", "undone", [3], []),
        (3, "delete", "at no charge", "undoes", [], [2]),
    ]
    assert [item["described"] for item in undone] == ["undone by v3", "takes back what v2 did"]
    terminal = run("history", first, second, third, "--as-given", "--no-color").stdout
    assert "Changes that did not last (2):" in terminal
    assert '  v2  inserted “at no charge”  815 ILCS 530/10(a)  undone by v3' in terminal.splitlines()


def test_an_amendment_applied_in_a_history_credits_its_instructions():
    data = history_json(AS_ENACTED, HB0605, CONSTRUCTED, "--as-given")
    versions = data["history"]["versions"]
    assert versions[2]["compared_as"] == "applied to v2 HB0605 introduced"
    assert data["history"]["warnings"] == [
        f"{CONSTRUCTED}: cannot tell which printing of HB0605 the amendment cites or the text is; not checked"]
    assert data["warnings"] == data["history"]["warnings"]  # the timeline page prints them atop, as a redline does
    label = "09500HB0605_constructed_page_and_line.txt"
    undue = next(change for change in data["changes"] if change["new_text"] == "undue")
    assert (undue["to_version"], undue["attributed_to"]) == (3, f"v3 {label}, page 3, line 2")
    b5 = next(change for change in data["changes"] if change["new_text"].startswith("(b-5)"))
    assert b5["versions"] == [2, 3] and b5["to_version"] == 3  # HB0605 restates it, the amendment rewrites it
    assert b5["attributed_to"] == f"v2 HB0605 introduced; v3 {label}, page 3, lines 13 through 19"
    fates = {(item["to_version"], item["new_text"] or item["old_text"]): (item["fate"], item["undone_in"], item["undoes"])
             for item in data["history"]["undone"]}
    assert fates[(2, "at no charge")] == ("undone", [3], [])  # HB0605 carries P.A. 94-947's words; the amendment strikes them
    assert fates[(3, "at no charge")] == ("undoes", [], [2])
    assert fates[(3, "protection")] == ("left_out", [], [])  # the bill's title: the Act has none to compare it with


# ------------------------------------------------------------------ HB1633, real versions cut at 2,000 bytes


@pytest.mark.parametrize("seed", range(4))
def test_hb1633_versions_in_any_order(seed):
    import random

    shuffled = HB1633[:]
    random.Random(seed).shuffle(shuffled)
    data = history_json(*shuffled)
    versions = data["history"]["versions"]
    assert [version["label"] for version in versions] == [
        "HB1633 ham001", "HB1633 ham004", "HB1633 engrossed", "HB1633 enrolled", "P.A. 94-36"]
    # both amendments replace everything after the enacting clause, their copies cut off, and no
    # printing of the bill comes before them: each is its new text as far as the copy goes
    assert versions[0]["compared_as"] == versions[1]["compared_as"] == (
        "its new text alone: no printing of HB1633 before it; its copy is cut off")
    assert [(change["op"], change["to_version"]) for change in data["changes"]] == [("add", 3), ("delete", 2), ("remove", 2)]
    assert data["changes"][0]["new_text"].startswith("AN ACT concerning business. Be it enacted")  # the engrossed bill's title
    assert data["changes"][1]["old_text"] == "whether by automated collection or otherwise,"
    assert data["changes"][2]["old_text"].startswith('"Breach of the security of non-computerized data"')
    assert [version["step"]["changes"] for version in versions[1:]] == [2, 1, 0, 0]
    # the copies stop at different places: what only one holds is no change
    assert [(section["path"], section["status"]) for section in data["sections"]] == [
        ("", "added"), ("Section 1", "unchanged"), ("Section 5", "changed")]
    assert data["summary"]["sections"] == {"added": 1, "changed": 1, "unchanged": 1}


# ------------------------------------------------------------------ files


def test_every_file_format(tmp_path):
    versions = (AS_ENACTED, THROUGH_947, HB0605)
    page = tmp_path / "history.html"
    result = run("history", *versions, "-o", page)
    assert result.exit_code == 1
    assert result.stderr == f"wrote {page}: 3 versions, 10 changes from the first to the last\n"
    tree = lxml_html.fromstring(page.read_bytes())
    assert [" ".join(item.text_content().split()) for item in tree.xpath("//ol[@class='versions']/li")][0].startswith(
        "v1 815 ILCS 530 through P.A. 94-36")
    changes = tree.xpath("//*[contains(concat(' ', @class, ' '), ' change ')]")
    assert len(changes) == 10
    assert sorted({element.get("data-versions") for element in changes}) == ["2", "3"]
    assert all(f"step-{element.get('data-versions')}" in element.get("class").split() for element in changes)
    assert tree.xpath("//input[@class='filter-box']/@id")[-2:] == ["s-2", "s-3"]
    assert [" ".join(label.text_content().split()) for label in tree.xpath("//label[contains(@class, 'step-filter')]")] == [
        "v2 815 ILCS 530 through P.A. 94-947 3", "v3 HB0605 introduced 7"]
    assert len(tree.xpath("//li[contains(@class, 'change-item') and contains(@class, ' s-3')]")) == 7
    assert "attribution" not in {note.get("class").split()[-1].removeprefix("kind-") for note in tree.xpath("//p[contains(@class, 'note ')]")}

    word = tmp_path / "history.docx"
    assert run("history", *versions, "-o", word).exit_code == 1
    document = zipfile.ZipFile(word).read("word/document.xml").decode("utf-8")
    assert 'w:author="v2 815 ILCS 530 through P.A. 94-947"' in document and 'w:author="v3 HB0605 introduced"' in document

    table = tmp_path / "history.csv"
    assert run("history", *versions, "-o", table).exit_code == 1
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    assert [row["attributed_to"] for row in rows].count("v3 HB0605 introduced") == 7

    as_json = tmp_path / "history.json"
    assert run("history", *versions, "-o", as_json).exit_code == 1
    assert json.loads(as_json.read_text(encoding="utf-8")) == history_json(*versions)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["history.csv", "history.docx", "history.html", "history.json"]


def test_a_pdf_of_the_timeline(tmp_path):
    pytest.importorskip("playwright.sync_api", reason="playwright for Python is not installed")
    if not Path("/usr/bin/chromium").exists() or shutil.which("pdftotext") is None:
        pytest.skip("Debian's chromium and poppler-utils are needed to print and read the PDF")
    import subprocess

    target = tmp_path / "history.pdf"
    assert run("history", AS_ENACTED, THROUGH_947, HB0605, "-o", target).exit_code == 1
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "Versions" in text and "v2 815 ILCS 530 through P.A. 94-947" in text and "at no charge" in text


def test_the_history_never_writes_over_a_version(tmp_path):
    copy = tmp_path / "v1.txt"
    shutil.copy(AS_ENACTED, copy)
    result = run("history", copy, HB0605, "-o", copy)
    assert result.exit_code == 2
    assert result.stderr == f"statdiff: error: {copy}: the output would overwrite the input {copy}; choose another output file\n"
    assert copy.read_bytes() == AS_ENACTED.read_bytes()


# ------------------------------------------------------------------ amendments on amendments


def amendment_file(folder: Path, name: str, preamble: str, instructions: str) -> Path:
    lines = ["\u00a0" * 4 + "AMENDMENT TO HOUSE BILL 605", "\u00a0" * 4 + f"AMENDMENT NO. ______. Amend House Bill 605{preamble}"]
    lines += instructions.splitlines()
    path = folder / name
    path.write_text("\n".join(f"{number} {text}" for number, text in enumerate(lines, 1)), encoding="utf-8")
    return path


@pytest.mark.parametrize("as_amended", [True, False])
def test_an_amendment_as_amended_applies_with_those_adopted_before_it(tmp_path, as_amended):
    """House Amendment 1 strikes (b-5); House Amendment 2 changes a later line. Said `AS
    AMENDED`, the second applies to the bill with the first; else to the bill as introduced,
    and (b-5) comes back."""
    first = amendment_file(tmp_path, "09500HB0605ham001.txt", " as follows:", "on page 3, by deleting lines 13 through 19.")
    second = amendment_file(tmp_path, "09500HB0605ham002.txt", ", AS AMENDED, as follows:" if as_amended else " as follows:",
                            'on page 3, line 20, by replacing "For purposes" with "For the purposes".')
    data = history_json(second, HB0605, first)  # any order: by identity
    versions = data["history"]["versions"]
    assert [version["label"] for version in versions] == ["HB0605 introduced", "HB0605 ham001", "HB0605 ham002"]
    purposes = next(change for change in data["changes"] if change["new_text"] == "the")
    assert purposes["attributed_to"] == "v3 HB0605 ham002, page 3, line 20"
    removals = [change for change in data["changes"] if change["op"] == "remove"]
    undone = [(item["to_version"], item["op"], item["described"]) for item in data["history"]["undone"]]
    if as_amended:
        assert versions[2]["compared_as"] == "applied to v1 HB0605 introduced, after v2 HB0605 ham001"
        assert [change["attributed_to"] for change in removals] == ["v2 HB0605 ham001, page 3, lines 13 through 19"]
        assert versions[2]["step"]["changes"] == 1 and undone == []
    else:
        assert versions[2]["compared_as"] == "applied to v1 HB0605 introduced"
        assert removals == []  # House Amendment 1 was not adopted: (b-5) is back
        assert undone == [(2, "remove", "undone by v3"), (3, "add", "takes back what v2 did")]


def test_an_amendment_citing_another_amendment_s_numbers(tmp_path):
    """House Amendment 2 cites House Amendment 1's page and line numbers: it amends that
    amendment, which (a new text for everything after the enacting clause) applies to the bill."""
    shutil.copy(ROOT / "tests/fixtures/amend/09500HB0605_constructed_replace_everything.txt", tmp_path / "09500HB0605ham001.txt")
    shutil.copy(ROOT / "tests/fixtures/amend/09500HB0605_constructed_as_amended.txt", tmp_path / "09500HB0605ham002.txt")
    shutil.copy(HB0605, tmp_path / HB0605.name)
    data = history_json(tmp_path)
    versions = data["history"]["versions"]
    assert [version["compared_as"] for version in versions] == [
        "", "applied to v1 HB0605 introduced", "applied to v2 HB0605 ham001, which applies to v1 HB0605 introduced"]
    assert [(item["to_version"], item["old_text"], item["new_text"], item["described"]) for item in data["history"]["undone"]] == [
        (2, "48 hours", "30 days", "undone by v3"), (3, "30 days", "48 hours", "takes back what v2 did")]
    assert all(change["attributed_to"] in ("v2 HB0605 ham001", "v3 HB0605 ham002") for change in data["changes"])


# ------------------------------------------------------------------ properties


EDITED_LINES = (10, 21)  # a paragraph of Sec. 5 ("Data Collector"), one of Sec. 10 ((a))


def edited(lines: list[str], line: int, word: int, how: str) -> list[str]:
    """`lines` with one word of line `line` (1-based) replaced, deleted or followed by a new one."""
    indent, words = lines[line - 1][:4], lines[line - 1][4:].split(" ")
    place = 1 + word % (len(words) - 2)  # never the paragraph's first word (a term, an enumerator) or last
    if how == "replace":
        words[place] = "zqxwv"
    elif how == "delete":
        del words[place]
    else:
        words.insert(place + 1, "zqxwv")
    return lines[:line - 1] + [indent + " ".join(words)] + lines[line:]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.tuples(st.integers(0, 200), st.sampled_from(["replace", "delete", "insert"])),
       st.tuples(st.integers(0, 200), st.sampled_from(["replace", "delete", "insert"])), st.booleans())
def test_edits_in_two_versions_are_credited_to_each(tmp_path, first, second, undo):
    """v2 edits a word of Sec. 5, v3 a word of Sec. 10 (or, `undo`, v3 is v1 again): each
    change of the whole history is credited to the version that made it, none is left uncredited,
    and a version undone is listed as undone by the next."""
    lines = AS_ENACTED.read_text(encoding="utf-8").split("\n")
    v2 = edited(lines, EDITED_LINES[0], *first)
    v3 = lines if undo else edited(v2, EDITED_LINES[1], *second)
    paths = []
    for number, text in enumerate((lines, v2, v3), start=1):
        paths.append(tmp_path / f"v{number}.txt")
        paths[-1].write_text("\n".join(text), encoding="utf-8")
    data = history_json(*paths, "--as-given")
    assert data["history"]["warnings"] == []
    sections = {change["section"]: change["to_version"] for change in data["changes"]}
    if undo:
        assert sections == {}
        assert {(item["to_version"], item["fate"]) for item in data["history"]["undone"]} == {(2, "undone"), (3, "undoes")}
        assert all(item["undone_in"] == [3] for item in data["history"]["undone"] if item["to_version"] == 2)
    else:
        assert sections == {"815 ILCS 530/5": 2, "815 ILCS 530/10": 3}
        assert all(change["versions"] == [change["to_version"]] for change in data["changes"])
        assert data["history"]["undone"] == []
