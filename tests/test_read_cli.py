"""What reading shows on the command line: `statdiff parse --audit`, the detection in
`parse --json`, the warning when no rendering fits, and the one-line error for a text that
reads to nothing (never an empty document compared as "no changes")."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from statdiff.cli import main

REPO = Path(__file__).resolve().parent.parent
HB0605 = REPO / "statutes/seeds/002_524df963b8163e99.txt"
SB731 = REPO / "statutes/seeds/003_80d6f31b0979e4b4.txt"
BILL_STATUS = REPO / "statutes/fragments/09400SB1479_billstatus_PARTIAL.txt"
NOT_AVAILABLE = REPO / "statutes/fragments/ILCS_720-5-28_ilga_notavailable_COMPLETE.txt"

CONTRACT = """# Master Services Agreement

## 1. Definitions

1.1 "Services" means the services described in Schedule 2.

| # | Item | Fee |
|---|------|-----|
| 1 | Setup | $1,000 |
| 2 | Support | $500 |
| 3 | Training | $250 |
| 4 | Hosting | $100 |
| 5 | Travel | at cost |

## 2. Term

2.1 This Agreement starts on the Effective Date.
"""


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_parse_audit_lists_every_drop_by_rule_with_page_and_line():
    result = run("parse", str(HB0605), "--audit")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].endswith("read as numbered (score 1.00; runner-up html 0.00)")
    assert lines[1] == "source words: 992; in the tree: 771; dropped: 221; every word accounted for"
    assert "line number: 95 dropped (95 words)" in lines
    assert "  2:17      17" in lines  # the number of the line that prints (815 ILCS 530/10)
    assert any(line.startswith("synopsis: 1 dropped") for line in lines)


def test_parse_audit_of_a_pipe_page_names_its_headers_and_separators():
    result = run("parse", str(SB731), "--audit")
    assert result.exit_code == 0
    assert "running header: " in result.output and "table cell separator: " in result.output
    assert "  2:-       - 2 -" in result.output and "  25:24     |" in result.output


def test_parse_audit_json():
    result = run("parse", str(HB0605), "--audit", "--json")
    assert result.exit_code == 0
    report = json.loads(result.output)
    assert report["detection"]["rendering"] == "numbered" and report["audit"]["ok"] is True
    assert report["audit"]["source_words"] == 992
    first = report["audit"]["dropped"]["line number"][0]
    assert first == {"rule": "line number", "text": "1", "page": 1, "line": 1, "after": 0}


def test_parse_audit_and_text_are_exclusive():
    result = CliRunner().invoke(main, ["parse", str(HB0605), "--audit", "--text"])
    assert result.exit_code == 2 and "choose one of --audit and --text" in result.output


def test_parse_json_gives_the_rendering_its_score_and_the_runner_up():
    tree = json.loads(run("parse", str(SB731), "--json").output)
    detection = tree["detection"]
    assert detection["rendering"] == "pipes" and detection["score"] >= 0.9 and detection["fits"] is True
    assert detection["runner_up"]["rendering"] != "pipes" and detection["runner_up"]["score"] < detection["score"]
    assert detection["evidence"]["numbered_cells"] > 500


def test_format_forced_says_so(tmp_path):
    tree = json.loads(run("parse", str(HB0605), "--json", "--format", "prose").output)
    assert tree["rendering"] == "prose" and tree["detection"]["forced"] is True


def test_a_markdown_contract_with_a_table_is_prose_and_no_warning(tmp_path):
    path = tmp_path / "contract.md"
    path.write_text(CONTRACT, encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(path), "--json"])
    assert result.exit_code == 0 and result.stderr == ""
    tree = json.loads(result.stdout)
    assert tree["rendering"] == "prose" and tree["detection"]["scores"]["pipes"] == 0.0
    def nodes(node):
        yield node
        for child in node["children"]:
            yield from nodes(child)

    rows = [node for node in nodes(tree["root"]) if node["kind"] == "row"]
    assert "1 Setup $1,000" in [row["text"] for row in rows]  # a table row, its pipes dropped by a named rule


def test_illinois_text_no_rendering_fits_is_read_as_prose_with_a_warning(tmp_path):
    path = tmp_path / "journal.txt"
    path.write_text(
        "HOUSE JOURNAL\n(815 ILCS 530/10)\nRepresentative Currie moved that the bill, LRB095 03842 JAM 23873 b,"
        " be read a third time.\nThe motion prevailed.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["parse", str(path), "--text"])
    assert result.exit_code == 0
    assert result.stderr.startswith(f"statdiff: warning: {path}: no rendering fits this text well (best: ")
    assert result.stderr.count("\n") == 1 and "read as prose" in result.stderr


def test_a_text_that_reads_to_nothing_is_exit_2_with_one_line():
    for path in (BILL_STATUS, NOT_AVAILABLE):
        result = CliRunner().invoke(main, ["diff", str(path), str(path)])
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr.count("\n") == 1 and "no bill or statute text found" in result.stderr
