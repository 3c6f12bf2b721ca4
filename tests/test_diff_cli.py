"""`statdiff diff`: exit status, pipe-safe word-diff marks, --stat, deterministic --json."""

import io
import json
import re
from pathlib import Path

from click.testing import CliRunner

from statdiff import pipeline
from statdiff.cli import main
from statdiff.model import Op, Position, SourceSpan, Status
from statdiff.read import read_path, read_text
from statdiff.render import RenderOptions

ROOT = Path(__file__).resolve().parent.parent / "statutes"
HB0605 = str(ROOT / "seeds" / "002_524df963b8163e99.txt")
ACT = str(ROOT / "pipa" / "815ILCS530_through_PA094-0947.txt")
ENACTED = str(ROOT / "pipa" / "815ILCS530_as_enacted_PA094-0036.txt")


def run(*args):
    return CliRunner().invoke(main, ["diff", *args])


def terminal(comparison, console) -> str:
    """The terminal redline `statdiff diff` prints for a comparison on `console`."""
    return pipeline.render_comparison(comparison, "terminal", options=RenderOptions(console=console))


def test_no_changes_prints_nothing_and_exits_0():
    # as diff and git diff: identical texts print nothing at all, in every output but JSON
    for options in ((), ("--no-color",), ("--color=always",), ("--stat",), ("--stat", "--color=always")):
        result = run(ACT, ACT, *options)
        assert (result.exit_code, result.output) == (0, ""), options


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


def test_sections_a_bill_leaves_alone_are_listed_as_ranges_of_one_act():
    """A bill restating three Sections of chapter 620 leaves 312 alone: one range a run of
    Sections of one Act (as the page folds them), not 312 citations on one line."""
    from rich.console import Console

    from plain_bills import plain_text
    from test_plain_printings import the_bill

    bill = pipeline.build(read_text(plain_text(the_bill(), "95"), name="bill.txt"))
    act = pipeline.build(read_path(ROOT / "ilcs-chapter-620" / "statutes.csv"))
    console = Console(no_color=True, width=100_000, file=io.StringIO())
    lines = [line for line in terminal(pipeline.compare(act, bill), console).splitlines()
             if line.startswith("Not restated by the bill")]
    assert len(lines) == 1
    assert "620 ILCS 10/0.01 to 10/8 (9 Sections)" in lines[0]
    items = re.split(r", (?=\d+ ILCS )", lines[0].split(": ", 1)[1])
    counts = [int(match[1]) if (match := re.search(r"\((\d+) Sections\)$", item)) else 1 for item in items]
    not_restated = [section for section in pipeline.compare(act, bill).sections if section.status == "not_restated"]
    assert sum(counts) == len(not_restated) == 312 and len(items) < 20


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
    # git's shape: a section, its count, a + per insertion and a - per deletion (a Source note
    # rewritten counts one of each), then the totals
    assert result.output.splitlines() == [
        " 815 ILCS 530/5  | 2 ++",
        " 815 ILCS 530/10 | 9 ++++++++-",
        " 2 sections changed, 10 insertions(+), 1 deletion(-)",
        " 1 section not restated by the bill (unchanged)",
    ]


def test_json_follows_the_contract_and_is_deterministic():
    first = run(ACT, HB0605, "--json")
    second = run(ACT, HB0605, "--json")
    assert first.exit_code == 1 and first.output == second.output
    data = json.loads(first.output)
    assert list(data) == ["old", "new", "mode", "summary", "changes", "sections", "annotations", "warnings"]
    assert data["mode"] == "amendment"
    assert data["new"]["identity"]["bill"] == "HB0605"
    assert data["summary"]["by_op"] == {"insert": 7}
    assert [c["new_text"] for c in data["changes"]][5] == "material files or"
    assert data["changes"][5]["new_source"] == {"start": {"page": 3, "line": 6}, "end": {"page": 3, "line": 6}}
    sections = {s["path"]: s for s in data["sections"]}
    assert sections["815 ILCS 530/1"]["status"] == "not_restated"
    assert sections["815 ILCS 530/10"]["changes"] == ["c3", "c4", "c5", "c6", "c7"]
    assert sections["815 ILCS 530/10"]["new_source"]["start"] == {"page": 2, "line": 17}
    anchors = {change["anchor"] for change in data["changes"]}
    assert all(list(note) == ["kind", "message", "change_anchor", "section", "path"] for note in data["annotations"])
    assert {note["change_anchor"] for note in data["annotations"]} <= anchors | {""}
    assert {"kind": "deadline", "message": "new deadline: within 48 hours", "change_anchor": "c4",
            "section": "815 ILCS 530/10", "path": "815 ILCS 530/10(a)"} in data["annotations"]
    assert data["warnings"] == []


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
    assert "No changes in the text both copies hold." in text
    assert "Only in the new copy (the old copy is truncated): Section 10, Section 15," in text
    assert "Shared only in part (a copy is cut inside it): Section 5" in text


def test_moves_and_renumbers_are_named_in_the_terminal():
    import io

    from rich.console import Console

    from statdiff.compare import compare
    from statdiff.model import Document, Identity, Meta, Node, Word

    def section(number, text, path_number=None):
        path = f"620 ILCS 5/{path_number or number}"
        body = Node("text", f"{path} [1]", [Word(w) for w in text.split()])
        head = Node("section", path, [Word(w) for w in f"Sec. {path_number or number}.".split()], [body],
                    meta=Meta(number=str(path_number or number), heading=f"Heading {number}."))
        return head

    texts = {n: f"Section text number {n} says something long enough to be recognised by content alone."
             for n in range(1, 5)}
    old = Document(Identity(), Node("document", "", [], [section(n, texts[n]) for n in (1, 2, 3, 4)]), "t", "old")
    new_sections = [section(2, texts[2]), section(3, texts[3]), section(1, texts[1]), section(4, texts[4], 9)]
    new = Document(Identity(), Node("document", "", [], new_sections), "t", "new")
    output = terminal(compare(old, new), Console(file=io.StringIO(), no_color=True, width=200))
    assert "620 ILCS 5/1 Heading 1.  [moved]\n  moved from the start of the text to after 620 ILCS 5/3\n" in output
    assert "renumbered: 4 -> 9 (was 620 ILCS 5/4)" in output
    assert "[-" not in output and "{+" not in output


def test_colour_terminal_underlines_insertions_and_strikes_deletions():
    import io

    import statdiff
    from rich.console import Console

    console = Console(file=io.StringIO(), force_terminal=True, color_system="standard", width=200)
    output = terminal(statdiff.diff(HB0605, ENACTED), console)
    # underline green: the Act's own Source note; the marks stay, green, and are not underlined
    assert "\x1b[32m{+\x1b[0m\x1b[4;32m(Source: P.A. 94-36, eff. 1-1-06.)\x1b[0m\x1b[32m+}\x1b[0m" in output
    # strike red: "or written material", which the Act lacks
    assert "\x1b[31m[-\x1b[0m\x1b[9;31mor written material\x1b[0m\x1b[31m-]\x1b[0m" in output


def test_the_example_in_the_json_contract_is_real_output():
    contract = (ROOT.parent / "docs" / "json-contract.md").read_text(encoding="utf-8")
    example = json.loads(contract.split("```json\n", 1)[1].split("\n```", 1)[0])
    actual = json.loads(run(ENACTED, str(ROOT / "pipa" / "09500HB0605_introduced_full.txt"), "--json").output)
    for side in ("old", "new"):
        assert example[side]["identity"] == actual[side]["identity"]
    assert (example["mode"], example["summary"]) == (actual["mode"], actual["summary"])
    assert all(change in actual["changes"] for change in example["changes"])
    assert all(section in actual["sections"] for section in example["sections"])
    assert all(note in actual["annotations"] for note in example["annotations"])
    assert list(example) == list(actual)


# ---------------------------------------------------------------- truncated copies in the terminal

SB731_PAGES_2_TO_25 = str(ROOT / "seeds" / "003_80d6f31b0979e4b4.txt")
SB731_PAGE_1 = str(ROOT / "fragments" / "10200SB0731sam002_PARTIAL.txt")


def test_truncated_copies_in_both_orders_show_no_insertion_or_deletion():
    orders = ((SB731_PAGES_2_TO_25, SB731_PAGE_1, "new"), (SB731_PAGE_1, SB731_PAGES_2_TO_25, "old"))
    for old, new, page_1_side in orders:
        later_side = "old" if page_1_side == "new" else "new"
        result = run(old, new, "--no-color")
        assert result.exit_code == 0, result.output
        assert "[-" not in result.output and "{+" not in result.output
        text = " ".join(result.output.split())
        assert f"Only in the {page_1_side} copy (the {later_side} copy is truncated): (front matter), Section 1" in text
        assert f"Only in the {later_side} copy (the {page_1_side} copy is truncated): Section 10, Section 15," in text
        stat = run(old, new, "--stat", "--no-color")
        assert stat.exit_code == 0, stat.output
        # nothing changed: no section lines and no totals, only what each copy alone holds
        assert sorted(stat.output.splitlines()) == sorted([
            f" 10 sections only in the {later_side} copy (the {page_1_side} copy is truncated)",
            f" 2 sections only in the {page_1_side} copy (the {later_side} copy is truncated)",
            " 1 section shared only in part (a copy is cut inside it)",
        ])


def _cut_node_with_a_change():
    """The real SB731 pair with one word of the shared text of paragraph (2)(c) replaced by hand:
    the node then holds a change and text only the old copy has (the new copy stops inside it)."""
    import statdiff
    from statdiff.model import Change, Segment, Token

    comparison = statdiff.diff(SB731_PAGES_2_TO_25, SB731_PAGE_1)
    section = next(s for s in comparison.sections if s.path == "Section 5")
    node = next(n for n in section.nodes if n.new is not None and n.new.path == "Section 5(2)(c)")
    shared = node.segments[0]
    assert [s.op for s in node.segments] == ["equal", "only_old"]
    replacement = Token("bureaus", shared.new[-2].position)
    node.segments[:1] = [Segment("equal", shared.old[:-2], shared.new[:-2]),
                         Segment(Op.REPLACE, shared.old[-2:-1], (replacement,), anchor="c1"),
                         Segment("equal", shared.old[-1:], shared.new[-1:])]
    change = Change(Op.REPLACE, node.old.path, node.new.path, "agencies", "bureaus", None, None, section.path,
                    anchor="c1")
    node.changes.append(change)
    node.status = section.status = Status.CHANGED
    return comparison


def test_a_change_beside_text_only_one_copy_holds_is_marked_and_the_rest_labelled():
    from rich.console import Console

    text = terminal(_cut_node_with_a_change(), Console(no_color=True, width=300, file=io.StringIO()))
    assert ("(c) Social media companies, credit [-agencies-]{+bureaus+} and «only in the old copy, the new copy "
            "stops here: retail stores have all had their internal security …»") in text
    coloured = terminal(_cut_node_with_a_change(),
                        Console(force_terminal=True, color_system="truecolor", width=300, file=io.StringIO()))
    styles = {text: codes.split(";") for codes, text in re.findall(r"\x1b\[([\d;]+)m([^\x1b]+)\x1b\[0m", coloured)}
    one_copy = next(codes for text, codes in styles.items() if text.startswith("«only in the old copy"))
    assert "9" not in one_copy and "4" not in one_copy and "2" in one_copy  # not struck, not underlined, dim
    assert "9" in styles["agencies"] and "4" in styles["bureaus"]  # struck, underlined


def test_an_equal_run_with_one_side_empty_is_shown():
    from rich.console import Console

    from statdiff.model import Segment

    comparison = _cut_node_with_a_change()
    node = next(n for s in comparison.sections for n in s.nodes if n.changes)
    # The old copy splits the paragraph elsewhere: its words stand in another node.
    first = node.segments[0]
    node.segments[0] = Segment(Op.EQUAL, (), first.new)
    text = terminal(comparison, Console(no_color=True, width=300, file=io.StringIO()))
    assert "(c) Social media companies, credit [-agencies-]{+bureaus+} and" in text


def _span_text(span) -> str:
    return str(SourceSpan(Position(**span["start"]), Position(**span["end"])))


def test_terminal_section_headers_show_the_json_section_spans():
    # SB731's sam002 against sam003: a Section both amendments restate and change.
    old = str(ROOT / "fragments" / "10200SB0731sam002_PARTIAL.txt")
    new = str(ROOT / "fragments" / "10200SB0731sam003_ftp_PARTIAL.txt")
    data = json.loads(run(old, new, "--json").stdout)
    terminal = run(old, new, "--no-color").stdout
    changed = [section for section in data["sections"] if section["changes"]]
    assert changed
    for section in changed:
        where = f"old {_span_text(section['old_source'])}, new {_span_text(section['new_source'])}"
        assert f"[{section['status']}]  {where}" in terminal, section["path"]
    assert "Section 5 Definitions.  [changed]  old 1:6-2:15, new 1:6-2:14" in terminal
    # sam002's copy stops where a definition ends: the four sam003 holds after it may only be
    # missing from the copy, and a warning says so
    assert ("10200SB0731sam002_PARTIAL.txt ends where a node of" in run(old, new, "--stat").stderr)


# ---------------------------------------------------------------- diff's conventions (issue 14)

HB0605_FULL = str(ROOT / "pipa" / "09500HB0605_introduced_full.txt")
ESCAPE = "\x1b["


def test_the_headline_has_each_change_on_one_line_and_no_trailing_blank():
    output = run(ACT, HB0605_FULL, "--no-color").output
    lines = output.splitlines()
    assert output.endswith("\n") and all(line == line.rstrip() for line in lines)
    marked = [line for line in lines if "{+" in line]
    # each change whole on one line (never wrapped at 80 columns), as grep and sed need it
    assert sum(line.count("{+") for line in marked) == sum(line.count("+}") for line in marked) == 7
    assert all(line.count("{+") == line.count("+}") for line in marked)
    assert any(len(line) > 200 for line in marked)
    deadline = "{+within 48 hours of the discovery of the breach of the security of the system data or written material,+}"
    assert sum(deadline in line for line in lines) == 1


def test_colour_is_auto_always_or_never_and_no_color_is_respected():
    plain = run(ACT, HB0605_FULL)  # auto, and CliRunner's output is no terminal
    assert ESCAPE not in plain.output
    always = run(ACT, HB0605_FULL, "--color=always")
    assert ESCAPE in always.output and "{+" in always.output
    assert run(ACT, HB0605_FULL, "--color=never").output == run(ACT, HB0605_FULL, "--no-color").output == plain.output
    # auto on what rich takes for a terminal (FORCE_COLOR) colours, unless NO_COLOR is set
    assert ESCAPE in CliRunner().invoke(main, ["diff", ACT, HB0605_FULL], env={"FORCE_COLOR": "1"}).output
    quiet = CliRunner().invoke(main, ["diff", ACT, HB0605_FULL], env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert ESCAPE not in quiet.output and quiet.output == plain.output
    # an option given on the command line wins over NO_COLOR (no-color.org)
    assert ESCAPE in CliRunner().invoke(main, ["diff", "--color=always", ACT, HB0605_FULL], env={"NO_COLOR": "1"}).output
    assert run(ACT, HB0605_FULL, "--color=sometimes").exit_code == 2


def test_color_always_through_a_real_pipe():
    import shutil
    import subprocess
    import sys

    command = shutil.which("statdiff", path=str(Path(sys.executable).parent))
    if command is None:
        import pytest

        pytest.skip("the statdiff command is not installed beside this Python")
    piped = subprocess.run([command, "diff", "--color=always", ACT, HB0605_FULL], capture_output=True, text=True)
    assert piped.returncode == 1 and ESCAPE in piped.stdout
    auto = subprocess.run([command, "diff", ACT, HB0605_FULL], capture_output=True, text=True)
    assert auto.returncode == 1 and ESCAPE not in auto.stdout and "{+or written material+}" in auto.stdout
    same = subprocess.run([command, "diff", ACT, ACT], capture_output=True, text=True)
    assert (same.returncode, same.stdout, same.stderr) == (0, "", "")


def test_a_replacements_halves_stay_apart(tmp_path):
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("Section 1. Fees.\nThe fee is $20 for each copy and 365 days apply.\n", encoding="utf-8")
    new.write_text("Section 1. Fees.\nThe fee is $540 for each copy and 380 days apply.\n", encoding="utf-8")
    plain = run(str(old), str(new), "--no-color").output
    assert "The fee is [-$20-]{+$540+} for each copy and [-365-]{+380+} days apply." in plain
    coloured = run(str(old), str(new), "--color=always").output
    words = re.sub(r"\x1b\[[\d;]*m", "", coloured)
    assert "[-$20-]{+$540+}" in words and "[-365-]{+380+}" in words  # never `$20$540` on screen


def test_stat_scales_its_bars_to_the_width():
    from statdiff.render.terminal import _scaled

    assert _scaled(3, 2, 5, 40) == (3, 2)  # fits: one character a change
    plus, minus = _scaled(300, 100, 400, 40)
    assert (plus, minus) == (30, 10)
    assert _scaled(1, 0, 400, 40) == (1, 0)  # a non-zero part keeps a character


def test_stat_names_two_sections_of_one_number_by_their_headings(tmp_path):
    """A clause removed and the next renumbered into its number: `--stat` lists two `Clause 6`
    rows, each told apart by its heading."""
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text("1. TERM\n\nOne year.\n\n2. PETS\n\nNo pets.\n\n3. LAW\n\nIllinois law governs.\n")
    new.write_text("1. TERM\n\nTwo years.\n\n2. LAW\n\nIllinois law governs.\n")
    result = run(str(old), str(new), "--stat")
    names = [line.split("|")[0].strip() for line in result.output.splitlines() if "|" in line]
    assert names == ["Clause 1", "Clause 2 PETS", "Clause 2 LAW"], result.output
