"""`statdiff diff`: exit status, pipe-safe word-diff marks, --stat, deterministic --json."""

import json
from pathlib import Path

from click.testing import CliRunner

from statdiff.cli import main

ROOT = Path(__file__).resolve().parent.parent / "statutes"
HB0605 = str(ROOT / "seeds" / "002_524df963b8163e99.txt")
ACT = str(ROOT / "pipa" / "815ILCS530_through_PA094-0947.txt")
ENACTED = str(ROOT / "pipa" / "815ILCS530_as_enacted_PA094-0036.txt")


def run(*args):
    return CliRunner().invoke(main, ["diff", *args])


def test_no_changes_exits_0():
    result = run(ACT, ACT)
    assert result.exit_code == 0, result.output
    assert "No changes." in result.output


def test_changes_exit_1_and_read_as_word_diff_without_colour():
    result = run(ACT, HB0605, "--no-color")
    assert result.exit_code == 1, result.output
    text = " ".join(result.output.split())
    assert "\x1b[" not in result.output
    assert "maintains {+material files or+} computerized data" in text
    assert ("shall be made {+within 48 hours of the discovery of the breach of the security of the system data "
            "or written material,+} in the most expedient") in text
    assert "815 ILCS 530/10(b) 3:6-12" in text
    assert "Not restated by the bill (unchanged): 815 ILCS 530/1" in text
    assert text.count("{+") == 7 and "[-" not in text


def test_deletions_are_marked_and_attribution_is_shown():
    result = run(HB0605, ENACTED, "--no-color")
    assert result.exit_code == 1
    text = " ".join(result.output.split())
    assert "[-or written material-]" in text
    result = run(ENACTED, HB0605, "--no-color")
    text = " ".join(result.output.split())
    assert "resident {+at no charge+} [P.A. 94-947] that" in text


def test_context_option_limits_the_words_shown():
    wide = " ".join(run(ACT, HB0605, "--no-color", "--context", "30").output.split())
    narrow = " ".join(run(ACT, HB0605, "--no-color", "--context", "2").output.split())
    assert len(narrow) < len(wide)
    assert "the data system {+or written material files+}." in wide
    assert "data system {+or written material files+}." in narrow


def test_stat_lists_changed_sections_and_totals():
    result = run(ENACTED, HB0605, "--stat")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "815 ILCS 530/5  | 2 insert",
        "815 ILCS 530/10 | 1 add, 6 insert, 1 source",
        "2 sections changed, 10 changes (1 add, 8 insert, 1 source), 1 not restated",
    ]


def test_json_follows_the_contract_and_is_deterministic():
    first = run(ACT, HB0605, "--json")
    second = run(ACT, HB0605, "--json")
    assert first.exit_code == 1 and first.output == second.output
    data = json.loads(first.output)
    assert list(data) == ["old", "new", "mode", "summary", "changes", "sections"]
    assert data["mode"] == "amendment"
    assert data["new"]["identity"]["bill"] == "HB0605"
    assert data["summary"]["by_op"] == {"insert": 7}
    assert [c["new_text"] for c in data["changes"]][5] == "material files or"
    assert data["changes"][5]["new_source"] == {"start": {"page": 3, "line": 6}, "end": {"page": 3, "line": 6}}
    sections = {s["path"]: s for s in data["sections"]}
    assert sections["815 ILCS 530/1"]["status"] == "not_restated"
    assert sections["815 ILCS 530/10"]["changes"] == ["c3", "c4", "c5", "c6", "c7"]
    assert sections["815 ILCS 530/10"]["new_source"]["start"] == {"page": 2, "line": 17}


def test_json_and_stat_together_is_trouble():
    result = run(ACT, HB0605, "--json", "--stat")
    assert result.exit_code == 2
    assert "choose one of --json and --stat" in result.output


def test_missing_file_is_trouble():
    result = run(ACT, str(ROOT / "no-such-file.txt"))
    assert result.exit_code == 2
    assert "statdiff: error:" in result.output
