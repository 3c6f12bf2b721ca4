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


def test_truncated_copies_exit_0_and_say_what_only_one_copy_holds():
    fragment = str(ROOT / "fragments" / "10200SB0731sam002_PARTIAL.txt")
    pages_2_to_25 = str(ROOT / "seeds" / "003_80d6f31b0979e4b4.txt")
    result = run(fragment, pages_2_to_25, "--no-color")
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "No changes." in text
    assert "Only in the new copy (the old copy is truncated): Section 10, Section 15," in text
    assert "Shared only in part (a copy is cut inside it): Section 5" in text


def test_moves_and_renumbers_are_named_in_the_terminal():
    import io

    from rich.console import Console

    from statdiff.diff import compare
    from statdiff.model import Document, Identity, Node, Word
    from statdiff.render.terminal import render_comparison

    def section(number, text, path_number=None):
        path = f"620 ILCS 5/{path_number or number}"
        body = Node("text", f"{path} [1]", [Word(w) for w in text.split()])
        head = Node("section", path, [Word(w) for w in f"Sec. {path_number or number}.".split()], [body],
                    meta={"number": str(path_number or number), "heading": f"Heading {number}."})
        return head

    texts = {n: f"Section text number {n} says something long enough to be recognised by content alone."
             for n in range(1, 5)}
    old = Document(Identity(), Node("document", "", [], [section(n, texts[n]) for n in (1, 2, 3, 4)]), "t", "old")
    new_sections = [section(2, texts[2]), section(3, texts[3]), section(1, texts[1]), section(4, texts[4], 9)]
    new = Document(Identity(), Node("document", "", [], new_sections), "t", "new")
    buffer = io.StringIO()
    render_comparison(compare(old, new), Console(file=buffer, no_color=True, width=200))
    output = buffer.getvalue()
    assert "moved: 620 ILCS 5/1 stands elsewhere in the new text" in output
    assert "renumbered: 4 -> 9 (was 620 ILCS 5/4)" in output
    assert "[-" not in output and "{+" not in output


def test_colour_terminal_underlines_insertions_and_strikes_deletions():
    import io

    import statdiff
    from rich.console import Console

    from statdiff.render.terminal import render_comparison

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system="standard", width=200)
    render_comparison(statdiff.diff(HB0605, ENACTED), console)
    output = buffer.getvalue()
    assert "\x1b[4;32m" in output  # underline green: the Act's own Source note
    assert "\x1b[9;31m" in output  # strike red: "or written material", which the Act lacks
    assert "{+" not in output and "[-" not in output


def test_the_example_in_the_json_contract_is_real_output():
    contract = (ROOT.parent / "docs" / "json-contract.md").read_text(encoding="utf-8")
    example = json.loads(contract.split("```json\n", 1)[1].split("\n```", 1)[0])
    actual = json.loads(run(ENACTED, str(ROOT / "pipa" / "09500HB0605_introduced_full.txt"), "--json").output)
    for side in ("old", "new"):
        assert example[side]["identity"] == actual[side]["identity"]
    assert (example["mode"], example["summary"]) == (actual["mode"], actual["summary"])
    assert all(change in actual["changes"] for change in example["changes"])
    assert all(section in actual["sections"] for section in example["sections"])
