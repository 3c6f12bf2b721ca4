"""Page-and-line amendments at the command line, as a user runs them: `statdiff parse`
shows an amendment's instructions, `statdiff apply` prints the bill as amended (text,
provenance, JSON; `-o` written atomically, never over an input), `statdiff diff` and
`statdiff redline` of a bill and its amendment report each change at the bill's page:line
credited to its instruction (terminal, JSON, HTML, CSV, Word); broken instructions are
refused in one line, exit 2, nothing written; fuzzed instruction text never gives a traceback."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from lxml import html as lxml_html

from statdiff import cli, pipeline
from statdiff.amend import apply_amendment
from statdiff.amend.credit import credits
from statdiff.read import read_path
from test_amend_apply import EXPECTED_HB0605
from test_amend_fuzz import amendments

ROOT = Path(__file__).resolve().parent.parent
HB0605 = ROOT / "statutes" / "pipa" / "09500HB0605_introduced_full.txt"
CONSTRUCTED = ROOT / "tests" / "fixtures" / "amend" / "09500HB0605_constructed_page_and_line.txt"
REPLACE_ALL = ROOT / "tests" / "fixtures" / "amend" / "09500HB0605_constructed_replace_everything.txt"
SB989_ENROLLED = ROOT / "statutes" / "fragments" / "920SB0989enr_92ndGA_legisnet_PARTIAL.txt"
SB989_HAM002 = ROOT / "statutes" / "fragments" / "920SB0989ham002_92ndGA_legisnet_COMPLETE.txt"
NBSP4 = "\u00a0" * 4
UNCHECKED = (f"{CONSTRUCTED}: cannot tell which printing of HB0605 the amendment cites or the text is; not checked")


def run(*args):
    return CliRunner().invoke(cli.main, [str(arg) for arg in args], catch_exceptions=False)


def amendment_file(tmp_path: Path, instructions: str, bill_words: str = "House Bill 605", name: str = "amendment.txt",
                   start: int = 2) -> Path:
    """An amendment in the 95th GA plain rendering, its instructions from line `start` on."""
    lines = [f"{NBSP4}AMENDMENT TO HOUSE BILL 605"]
    lines += [f"{NBSP4}filler line {number}" for number in range(2, start)]
    lines += [f"{NBSP4}AMENDMENT NO. ______. Amend {bill_words} as follows:"]
    lines += instructions.splitlines()
    path = tmp_path / name
    path.write_text("\n".join(f"{number} {text}" for number, text in enumerate(lines, 1)), encoding="utf-8")
    return path


def refused(result, message: str) -> None:
    """One line on stderr, exit 2, nothing on stdout, no traceback."""
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr == f"statdiff: error: {message}\n"


# ------------------------------------------------------------------ statdiff parse


def test_parse_json_of_an_amendment_shows_its_edits():
    result = run("parse", CONSTRUCTED, "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    amendment = data["amendment"]
    assert amendment["target"]["bill"] == "HB0605" and amendment["whole_replacement"] is False
    assert len(amendment["edits"]) == 14 and amendment["problems"] == []
    replaced = amendment["edits"][9]
    assert (replaced["op"], replaced["lines"], replaced["old"], replaced["new_text"]) == (
        "replace_text", {"first": {"page": 3, "line": 2}, "last": {"page": 3, "line": 2}}, "unreasonable delay", "undue delay")
    assert replaced["source"]["start"] == {"page": 1, "line": 23}
    assert data["root"]["kind"] == "document"  # the tree is there too, as for any text


def test_parse_tree_lists_the_instructions():
    result = run("parse", CONSTRUCTED, "--no-color")
    lines = result.stdout.splitlines()
    assert "Amends HB0605 (as printed): amends by page and line; 14 instructions" in lines
    assert '  10. amendment line 23  page 3, line 2: replace "unreasonable delay" with "undue delay"' in lines
    assert "  14. amendment page 2, line 11  page 4, lines 12 through 20: delete the lines" in lines
    assert any("(page from the instruction before)" in line for line in lines)


def test_parse_of_a_cut_amendment_says_what_it_cannot_read():
    result = run("parse", ROOT / "statutes/fragments/09400HB1633ham001_PARTIAL.txt", "--no-color")
    assert "Amends HB1633 (as introduced): replaces everything after the enacting clause; 0 instructions" in result.stdout
    assert "  cannot apply: amendment line 2: its quoted text has no closing quote (the copy may be cut off here)" in result.stdout
    data = json.loads(run("parse", ROOT / "statutes/fragments/09400HB1633ham001_PARTIAL.txt", "--json").stdout)
    assert data["amendment"]["problems"][0]["new_text"].startswith("Section 1. Short title.")


def test_parse_of_a_text_that_is_no_amendment_is_as_before():
    data = json.loads(run("parse", HB0605, "--json").stdout)
    assert "amendment" not in data
    assert run("parse", HB0605, "--no-color").stdout == pipeline.render("document", pipeline.read_file(HB0605), "tree")
    assert run("parse", CONSTRUCTED, "--text").stdout == pipeline.render("document", pipeline.read_file(CONSTRUCTED), "text")


# ------------------------------------------------------------------ statdiff apply


def test_apply_prints_the_bill_as_amended_word_for_word():
    result = run("apply", HB0605, CONSTRUCTED)
    assert result.exit_code == 0
    assert result.stdout == EXPECTED_HB0605 + "\n"
    assert result.stderr == f"statdiff: warning: {UNCHECKED}\n"


def test_apply_provenance_marks_new_text_and_where_each_line_was_printed():
    lines = run("apply", HB0605, CONSTRUCTED, "--provenance").stdout.splitlines()
    assert "2:24  notification shall be made within 48 hours{+, or 2 business days, whichever is later,+} of the discovery of" in lines
    assert "3:2  {+undue delay+}, consistent with any measures necessary to" in lines
    assert "+ 09500HB0605_constructed_page_and_line.txt 2:8  delay." in lines
    assert "4:21  (Source: P.A. 94-36, eff. 1-1-06; 94-947, eff. 6-27-06.)" in lines


def test_apply_json_keeps_every_run_and_where_it_was_printed():
    data = json.loads(run("apply", HB0605, CONSTRUCTED, "--json").stdout)
    assert "\n".join(line["text"] for line in data["lines"]) == EXPECTED_HB0605
    runs = [run_ for line in data["lines"] for run_ in line["runs"]]
    undue = next(item for item in runs if item["text"] == "undue")
    assert (undue["page"], undue["line"], undue["inserted"]) == (1, 23, True)  # the amendment's page:line
    hours = next(item for item in runs if item["text"] == "hours")
    assert (hours["page"], hours["line"], hours["inserted"], hours["source"]) == (2, 24, False, "HB0605")
    assert len(data["instructions"]) == 14 and data["notes"] == [UNCHECKED]
    first = data["instructions"][0]
    assert (first["where"], first["first"], first["last"]) == ("amendment line 3", {"page": 1, "line": 1}, {"page": 1, "line": 1})


def test_apply_several_amendments_in_order(tmp_path):
    first = amendment_file(tmp_path, 'on page 3, by deleting lines 13 through 19.', name="first.txt")
    second = amendment_file(tmp_path, 'on page 3, line 20, by replacing "For purposes" with "For the purposes".', name="second.txt")
    text = run("apply", HB0605, first, second).stdout
    assert "(b-5)" not in text
    assert "(c) For the purposes of this Section, notice to consumers may" in text.splitlines()


def test_apply_writes_atomically_and_never_over_an_input(tmp_path):
    target = tmp_path / "amended.txt"
    result = run("apply", HB0605, CONSTRUCTED, "-o", target)
    assert result.exit_code == 0 and target.read_text(encoding="utf-8") == EXPECTED_HB0605 + "\n"
    assert result.stderr.endswith(f"wrote {target}: 14 instructions applied\n")
    assert [path.name for path in tmp_path.iterdir()] == ["amended.txt"]
    as_json = tmp_path / "amended.json"
    assert run("apply", HB0605, CONSTRUCTED, "-o", as_json).exit_code == 0
    assert json.loads(as_json.read_text(encoding="utf-8"))["lines"][0]["text"] == "AN ACT concerning consumer protection."
    copy = tmp_path / "amendment.txt"
    copy.write_bytes(CONSTRUCTED.read_bytes())
    before = copy.read_bytes()
    refused(run("apply", HB0605, copy, "-o", copy),
            f"{copy}: the output would overwrite the input {copy}; choose another output file")
    assert copy.read_bytes() == before


def test_apply_refusals_write_nothing(tmp_path):
    target = tmp_path / "out.txt"
    broken = amendment_file(tmp_path, 'on page 3, line 1, by replacing "within 30 days" with "within 10 days".', start=5)
    refused(run("apply", HB0605, broken, "-o", target),
            'amendment line 6: "within 30 days" is not on page 3, line 1 of HB0605 '
            '(it reads: "material, in the most expedient time possible and without")')
    assert not target.exists() and [path.name for path in tmp_path.iterdir()] == ["amendment.txt"]


@pytest.mark.parametrize(
    "instructions, bill_words, message",
    [
        ('on page 3, line 2, by replacing "within 30 days" with "within 10 days".', "House Bill 605",
         'amendment line 3: "within 30 days" is not on page 3, line 2 of HB0605 '
         '(it reads: "unreasonable delay, consistent with any measures necessary to")'),
        ('on page 3, line 40, by deleting "x".', "House Bill 605",
         "amendment line 3: there is no page 3, line 40 in HB0605 (page 3 ends at line 26)"),
        ('on page 3, line 2, by deleting "unreasonable".', "House Bill 606",
         "amendment line 2: the amendment is to HB0606 (Amend House Bill 606), not HB0605"),
        ('on page 3, line 2, by deleting "unreasonable".', "Senate Bill 605",
         "amendment line 2: the amendment is to SB0605 (Amend Senate Bill 605), not HB0605"),
    ],
)
def test_broken_instructions_and_other_bills_are_refused_by_apply_and_diff(tmp_path, instructions, bill_words, message):
    broken = amendment_file(tmp_path, instructions, bill_words)
    refused(run("apply", HB0605, broken), message)
    refused(run("diff", HB0605, broken), message)
    refused(run("redline", HB0605, broken, "-o", tmp_path / "r.html"), message)
    assert not (tmp_path / "r.html").exists()


def test_another_printing_is_refused_unless_any_printing(tmp_path):
    message = ("amendment line 2: the amendment is to SB0989 as engrossed; the text given is SB0989 enrolled"
               " (--any-printing applies it to this printing anyway)")
    refused(run("apply", SB989_ENROLLED, SB989_HAM002), message)
    refused(run("diff", SB989_ENROLLED, SB989_HAM002), message)
    result = run("apply", SB989_ENROLLED, SB989_HAM002, "--any-printing")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.splitlines()[13].startswith("insurable area. If an agreement concerning a joint insurance pool")


def test_apply_refuses_what_it_cannot_do(tmp_path):
    refused(run("apply", HB0605, HB0605),
            f'{HB0605}: not an amendment (no "Amend House Bill ..." or "Amend Senate Bill ...", nor a Governor\'s'
            ' "I hereby return ... with the following specific recommendations for change")')
    refused(run("apply", HB0605, CONSTRUCTED, "--json", "--provenance"), "choose one of --json and --provenance")
    refused(run("apply", HB0605, CONSTRUCTED, "-o", tmp_path / "x.rtf"), f"{tmp_path / 'x.rtf'}: unknown output format; choose .txt or .json")
    refused(run("apply", HB0605, tmp_path / "missing.txt"), f"{tmp_path / 'missing.txt'}: no such file")
    assert run("apply", HB0605).exit_code == 2  # click: AMENDMENT... is required


# ------------------------------------------------------- statdiff diff BILL AMENDMENT


@pytest.fixture(scope="module")
def constructed_diff():
    result = run("diff", HB0605, CONSTRUCTED, "--json")
    assert result.exit_code == 1
    assert result.stderr == f"statdiff: warning: {UNCHECKED}\n"
    return json.loads(result.stdout)


def test_diff_reports_each_change_at_the_cited_line_credited_to_its_instruction(constructed_diff):
    changes = constructed_diff["changes"]
    assert len(changes) == 16 and constructed_diff["mode"] == "versions"
    label = "09500HB0605_constructed_page_and_line.txt"
    assert {change["attributed_to"] for change in changes} == {
        f"{label}, {lines}" for lines in (
            "page 1, line 1", "page 1, line 15", "page 1, line 19", "page 1, lines 19 and 20", "page 2, lines 7 and 8",
            "page 2, line 15", "page 2, line 21", "page 2, line 24", "line 25 on page 2 through line 1 on page 3",
            "page 3, line 2", "page 3, line 5", "page 3, lines 13 through 19", "page 4, line 4", "page 4, lines 12 through 20")
    }  # every one of the fourteen instructions, each change to one
    undue = next(change for change in changes if change["new_text"] == "undue")
    assert (undue["op"], undue["old_text"], undue["new_source"]["start"], undue["attributed_to"]) == (
        "replace", "unreasonable", {"page": 3, "line": 2}, f"{label}, page 3, line 2")
    deleted = next(change for change in changes if change["old_text"] == "at no charge")
    assert deleted["op"] == "delete" and deleted["old_source"]["start"] == {"page": 2, "line": 21}
    assert constructed_diff["new"]["identity"]["version"] == "introduced as amended"


def test_every_change_stands_on_the_lines_its_instruction_cites():
    bill, amendment = read_path(HB0605), read_path(CONSTRUCTED)
    amended = apply_amendment(bill, amendment)
    comparison = pipeline.compare(pipeline.build(bill), amended.to_document("bill"))
    found = credits(comparison, amended)
    assert all(len(credit.instructions) == 1 for credit in found)
    assert len({id(edit) for credit in found for _, edit in credit.instructions}) == 14
    for credit in found:
        (_, edit), = credit.instructions
        spans = [span for span in (credit.change.old_source, credit.change.new_source) if span is not None]
        lines = {(end.page, end.line) for span in spans for end in (span.start, span.end)}
        cited = edit.cited
        assert any((cited.first.page, cited.first.line) <= line <= (cited.last.page, cited.last.line) for line in lines), credit


def test_diff_terminal_and_stat_show_the_credits():
    result = run("diff", HB0605, CONSTRUCTED, "--no-color")
    assert "[-unreasonable-]{+undue+} [09500HB0605_constructed_page_and_line.txt, page 3, line 2]" in result.stdout
    assert result.stdout.startswith(f"--- {HB0605} (95th GA HB0605 introduced)\n+++ {HB0605} as amended by {CONSTRUCTED}")
    assert " 3 sections changed" in run("diff", HB0605, CONSTRUCTED, "--stat").stdout


def test_redline_html_csv_and_word_carry_the_credits(tmp_path):
    page = tmp_path / "r.html"
    assert run("redline", HB0605, CONSTRUCTED, "-o", page).exit_code == 1
    tree = lxml_html.fromstring(page.read_bytes())
    credited = tree.xpath("//*[contains(concat(' ', @class, ' '), ' change ')]/@data-attributed-to")
    assert len(credited) == 16 and "09500HB0605_constructed_page_and_line.txt, page 3, line 2" in credited
    legend = " ".join(tree.xpath("//p[@class='legend']//text()"))
    assert "credited to the instruction of the amendment that makes it" in legend and "Public Act" not in legend
    table = tmp_path / "r.csv"
    assert run("redline", HB0605, CONSTRUCTED, "-o", table).exit_code == 1
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    assert [row["attributed_to"] for row in rows if row["new_text"] == "undue"] == [
        "09500HB0605_constructed_page_and_line.txt, page 3, line 2"]
    word = tmp_path / "r.docx"
    assert run("redline", HB0605, CONSTRUCTED, "-o", word).exit_code == 1
    document = zipfile.ZipFile(word).read("word/document.xml").decode("utf-8")
    assert 'w:author="09500HB0605_constructed_page_and_line.txt, page 3, line 2"' in document


def test_a_real_amendment_against_the_bill_text_it_names():
    """920SB0989ham002 cites SB989 as engrossed; the corpus has the enrolled text (the
    engrossed bill with House Amendment 1, which changed later lines): --any-printing applies
    it knowingly, and the one insertion stands at page 1, line 14, credited to the instruction."""
    result = run("diff", SB989_ENROLLED, SB989_HAM002, "--json", "--any-printing")
    assert result.exit_code == 1 and result.stderr == ""
    (change,) = json.loads(result.stdout)["changes"]
    assert change["op"] == "insert" and change["new_text"].startswith("If an agreement concerning a joint insurance pool")
    assert change["new_source"]["start"] == {"page": 1, "line": 14}
    assert change["attributed_to"] == "SB0989 ham002, page 1, line 14"


def test_a_whole_replacement_is_compared_bill_to_bill_as_before():
    result = run("diff", HB0605, REPLACE_ALL, "--json")
    before = pipeline.comparison_json(pipeline.compare_files(HB0605, REPLACE_ALL))
    assert json.loads(result.stdout) == before


def test_two_amendments_of_one_bill_are_compared_as_texts():
    old = ROOT / "statutes/fragments/10200SB0731sam002_PARTIAL.txt"
    new = ROOT / "statutes/fragments/10200SB0731sam003_ftp_PARTIAL.txt"
    assert json.loads(run("diff", old, new, "--json").stdout) == pipeline.comparison_json(pipeline.compare_files(old, new))
    amendment = ROOT / "statutes/fragments/09300HB4944ham001_COMPLETE.txt"
    other = ROOT / "statutes/fragments/09300HB0475ham001_ftp_COMPLETE.txt"  # a page-and-line amendment of another bill
    assert json.loads(run("diff", other, amendment, "--json").stdout) == pipeline.comparison_json(
        pipeline.compare_files(other, amendment))


# ------------------------------------------------------------------ fuzzing


FUZZ_CLI = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@FUZZ_CLI
@given(amendments())
def test_fuzzed_instruction_text_through_the_cli_never_gives_a_traceback(tmp_path, text):
    path = tmp_path / "fuzz.txt"
    path.write_text(text, encoding="utf-8")
    for command in (["apply", HB0605, path], ["diff", HB0605, path, "--json"], ["parse", path, "--json"],
                    ["history", HB0605, path, "--as-given", "--json"]):
        result = run(*command)
        assert result.exit_code in (0, 1, 2), result.output
        assert "Traceback" not in result.output and "internal error" not in result.stderr
        if result.exit_code == 2:
            assert re.fullmatch(r"statdiff: error: [^\n]+\n", result.stderr), result.stderr
