"""Copies of one bill cut at different places (statutes/fragments/SOURCES.md: HB2412 of the
92nd GA, its engrossed, enrolled and re-enrolled pages): what only one copy holds is never
a change, in either order.

- the engrossed page stops mid-word (`approval of the governi`), the re-enrolled one two
  letters later (`approval of the governing`), and the enrolled one five lines further on;
- the words at the cut, `approval of the governing board of the district`, occur twice in
  the last five lines: the copies share the second occurrence, not the first;
- a copy cut at the end of any of its printed lines in mid-sentence (as a user who saves
  part of a page has it) is the whole page's text up to there, nothing inserted or deleted.
"""

from __future__ import annotations

import io
import re
from itertools import permutations

import pytest
from rich.console import Console

import statdiff

from conftest import assert_comparison_invariants
from statdiff import pipeline
from statdiff.compare import compare
from statdiff.model import Op, Segment, Token
from statdiff.read import read_text
from statdiff.render import RenderOptions
from test_diff_renderings import FRAGMENTS, NO_CHANGE_OPS, one_copy_texts, parsed

ENGROSSED = "920HB2412eng_92ndGA_legisnet_PARTIAL.txt"  # stops at `governi`
RE_ENROLLED = "920HB2412LV_92ndGA_legisnet_PARTIAL.txt"  # stops at `governing`
ENROLLED = "920HB2412enr_92ndGA_beta_flat_PARTIAL.txt"  # five lines further, flattened


def assert_no_change(comparison) -> None:
    assert [(change.op, change.old_text[:40], change.new_text[:40]) for change in comparison.changes] == []
    assert {node.status for section in comparison.sections for node in section.nodes} <= \
        {"unchanged", "only_old", "only_new"}
    assert {segment.op for section in comparison.sections for node in section.nodes
            for segment in node.segments} <= NO_CHANGE_OPS
    assert_comparison_invariants(comparison)


@pytest.mark.parametrize("old_name,new_name", list(permutations([ENGROSSED, RE_ENROLLED, ENROLLED], 2)),
                         ids=lambda name: name.split("_")[0])
def test_versions_of_one_bill_cut_at_different_words_have_no_change(old_name, new_name):
    assert_no_change(compare(parsed(old_name), parsed(new_name)))


@pytest.mark.parametrize("flip", [False, True])
def test_the_copies_share_the_last_occurrence_of_a_phrase_repeated_at_the_cut(flip):
    """`subject to the approval of the governing board of the district` ends line 23 and
    again line 26: the re-enrolled copy's `governing` is the second, so the copies differ
    only by the engrossed copy's cut word, not by the 20 words between the two."""
    old, new = (RE_ENROLLED, ENGROSSED) if flip else (ENGROSSED, RE_ENROLLED)
    comparison = compare(parsed(old), parsed(new))
    assert_no_change(comparison)
    engrossed, re_enrolled = ("only_new", "only_old") if flip else ("only_old", "only_new")
    assert one_copy_texts(comparison, engrossed) == ["governi"]
    assert one_copy_texts(comparison, re_enrolled) == ["governing"]


def _section_lines(text: str) -> list[int]:
    """The indices of the lines after the first line of the page's first codified Section
    (`Sec. 6-15.`; in a new Act, `Section 1.`) that end mid-sentence (not after `.`, `;`
    or `:`)."""
    lines = text.split("\n")
    headings = [re.compile(r"\bSec\.\s+[\d-]+\."), re.compile(r"\bSection\s+\d+\.")]
    first = next(index for heading in headings for index, line in enumerate(lines) if heading.search(line))
    return [index for index in range(first + 1, len(lines) - 1)
            if lines[index].strip() and not re.search(r"[.;:]\s*$", lines[index])]


def assert_each_cut_has_no_change(name: str, cut_after) -> None:
    """Cut the page after each line `cut_after(lines)` names; compared with the whole page in
    both orders, the cut copy has no change, and the rest of the page is text the whole copy
    alone holds, ending with the page's last word."""
    text = (FRAGMENTS / name).read_text(encoding="utf-8")
    whole = pipeline.build(read_text(text, name=name))
    lines = text.split("\n")
    cuts = cut_after(lines)
    assert cuts
    for index in cuts:
        cut = pipeline.build(read_text("\n".join(lines[:index + 1]) + "\n", name=f"{name} to line {index + 1}"))
        for old, new in ((whole, cut), (cut, whole)):
            comparison = compare(old, new)
            assert [(change.op, change.old_text[:40], change.new_text[:40]) for change in comparison.changes] == [], \
                lines[index]
            held = one_copy_texts(comparison, "only_old" if old is whole else "only_new")
            assert held and "\n".join(lines[index + 1:]).split()[-1].endswith(held[-1].split()[-1])


@pytest.mark.parametrize("name", [RE_ENROLLED, "09400HB1633enr_PARTIAL.txt", "PA094-0947_ilga_fulltext_PARTIAL.txt"])
def test_a_copy_cut_at_the_end_of_a_printed_line_mid_sentence_has_no_change(name):
    cuts = _section_lines((FRAGMENTS / name).read_text(encoding="utf-8"))
    assert len(cuts) >= 10
    assert_each_cut_has_no_change(name, lambda lines: cuts)


_ANNOUNCING = re.compile(r"(?:\(\d+ ILCS [^)]*\)(?: \(from [^)]*\))?|:)\s*$")


@pytest.mark.parametrize("name", [ENGROSSED, RE_ENROLLED, "09400HB1633enr_PARTIAL.txt",
                                  "PA094-0947_ilga_fulltext_PARTIAL.txt"])
def test_a_copy_cut_after_words_that_announce_more_has_no_change(name):
    """A copy that ends on its amendatory instruction (`... as follows:`) or on a Section's
    citation line lacks what they announce: the rest is text only the other copy holds, not
    a Section removed or added (issue 11: cuts outside a Section's body). From the first bill
    Section on: a copy of the title and enacting clause alone is too short to tell its
    rendering (a warning says so)."""
    def announcing(lines: list[str]) -> list[int]:
        first = next(index for index, line in enumerate(lines) if re.search(r"\bSection\s+\d+\.", line))
        return [index for index, line in enumerate(lines) if index >= first and _ANNOUNCING.search(line)]

    assert_each_cut_has_no_change(name, announcing)


@pytest.mark.parametrize("flip", [False, True])
def test_a_copy_that_ends_where_a_node_ends_is_compared_with_a_warning(tmp_path, flip):
    """Cut at the end of a paragraph inside a Section (a definition), a copy cannot be told
    from a version that deleted what follows: the nodes after it are reported removed
    (added), and a warning says they may only be missing from a partial copy. A whole pair,
    and a version that adds a whole Section at its end, get no such warning."""
    from click.testing import CliRunner

    from statdiff.cli import main

    whole = FRAGMENTS / "09400HB1633enr_PARTIAL.txt"
    lines = whole.read_text(encoding="utf-8").split("\n")
    at = next(index for index, line in enumerate(lines) if line.rstrip().endswith("deals with nonpublic personal information."))
    cut = tmp_path / "HB1633_cut.txt"
    cut.write_text("\n".join(lines[:at + 1]) + "\n", encoding="utf-8")
    old, new = (cut, whole) if flip else (whole, cut)
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "--json"])
    assert result.exit_code == 1
    verb = "added" if flip else "removed"
    assert f"statdiff: warning: {cut} ends where a node of {whole} ends: the 5 nodes after it (Section 5 " \
           f"\"Breach of the security of the system data\" to Section 5 \"Personal information\"(3)) are reported " \
           f"{verb}; if {cut} is a partial copy, they are only missing from it" in result.stderr
    again = CliRunner().invoke(main, ["diff", str(whole), str(whole)])
    assert again.exit_code == 0 and "warning" not in again.stderr
    at_a_section = next(index for index, line in enumerate(lines) if line.rstrip().endswith("Protection Act."))
    cut.write_text("\n".join(lines[:at_a_section + 1]) + "\n", encoding="utf-8")
    grown = CliRunner().invoke(main, ["diff", str(cut), str(whole)])
    assert grown.exit_code == 1 and "warning" not in grown.stderr  # Section 5 added whole


def terminal(comparison) -> str:
    console = Console(no_color=True, width=400, file=io.StringIO())
    return str(pipeline.render_comparison(comparison, "terminal", options=RenderOptions(console=console)))


def _with_one_edit(comparison) -> tuple[object, str]:
    """The comparison with one word of the shared text of the node where a copy stops
    replaced by hand (`word` -> `edited`): the section then holds a change and, after it,
    text only one copy has. Returns the comparison and the change as the terminal marks it."""
    from statdiff.model import Change, Status

    section, node = next((s, n) for s in comparison.sections for n in s.nodes
                         if any(segment.op in ("only_old", "only_new") for segment in n.segments)
                         and any(segment.op == "equal" for segment in n.segments))
    index, shared = next((i, s) for i, s in enumerate(node.segments) if s.op == "equal")
    new_texts = [token.text for token in shared.new]  # (the copies may print spacing apart)
    word = next(i for i, token in enumerate(shared.old) if len(token.text) > 4 and token.text.isalpha()
                and token.text in new_texts)
    text = shared.old[word].text
    at = new_texts.index(text)
    replacement = Token("edited", shared.new[at].position)
    node.segments[index:index + 1] = [Segment("equal", shared.old[:word], shared.new[:at]),
                                      Segment(Op.REPLACE, shared.old[word:word + 1], (replacement,), anchor="c1"),
                                      Segment("equal", shared.old[word + 1:], shared.new[at + 1:])]
    node.changes.append(Change(Op.REPLACE, node.old.path, node.new.path, text, "edited", None, None,
                               section.path, anchor="c1"))
    node.status = section.status = Status.CHANGED
    return comparison, f"[-{text}-]{{+edited+}}"


@pytest.mark.parametrize("old_name,new_name,labels", [
    (RE_ENROLLED, ENROLLED, ["«only in the new copy, the old copy stops here: board of the district"]),
    (ENROLLED, RE_ENROLLED, ["«only in the old copy, the new copy stops here: board of the district"]),
])
def test_text_beyond_the_cut_is_labelled_for_the_copy_that_holds_it(old_name, new_name, labels):
    comparison, change = _with_one_edit(compare(parsed(old_name), parsed(new_name)))
    text = terminal(comparison)
    assert change in text
    for label in labels:
        assert label in text
    assert "starts here" not in text


@pytest.mark.parametrize("flip", [False, True])
def test_a_printed_range_never_reads_backwards(flip):
    """SB731's Senate Amendment 3 (its first page) against Amendment 2's pages 2-25: the
    front matter's nodes are listed out of reading order (a node beside its partner), and
    its printed range still runs from its earliest to its latest line (it read `new 2:19-18`)."""
    import statdiff

    from conftest import assert_spans_read_forward

    sam003 = parsed("10200SB0731sam003_ftp_PARTIAL.txt")
    sam002 = statdiff.parse(FRAGMENTS.parent / "seeds" / "003_80d6f31b0979e4b4.txt")
    old, new = (sam002, sam003) if flip else (sam003, sam002)
    comparison = compare(old, new)
    assert_spans_read_forward(comparison)
    assert any(span is not None and span.start != span.end for section in comparison.sections
               for span in (section.old_source, section.new_source))


def test_a_copy_that_words_a_node_s_opening_its_own_way_does_not_begin_mid_way_through_it():
    """A compiled Act against the Public Act that enacted it: the Act's first words,
    `(815 ILCS 530/1) Sec. 1.`, are found nowhere in the Public Act, whose node begins
    `Section 1.`. The Act begins where that node begins, worded its own way (`Sec.` printed for
    `Section`, which the codifier's printing sets aside as equal text: `compare/codification.py`),
    not mid-way through it with `Section` beyond a cut. The Public Act's own cut, at its end, is
    still found."""
    act = statdiff.parse(FRAGMENTS.parent / "pipa/815ILCS530_as_enacted_PA094-0036.txt")
    public_act = parsed("PA094-0036_ilga_publicact_fulltext_PARTIAL.txt")
    comparison = compare(act, public_act)
    assert_comparison_invariants(comparison)
    first_words = [(segment.op, segment.side_text("old"), segment.side_text("new"))
                   for section in comparison.sections if section.path == "Section 1"
                   for node in section.nodes if node.old is not None and node.old.kind == "text"
                   for segment in node.made_segments()][:2]
    assert first_words[0] == (Op.EQUAL, "Sec.", "Section")
    assert {section.status for section in comparison.sections if not section.path} == {"unchanged"}  # set aside
    assert any(section.status == "only_old" for section in comparison.sections)  # 530/10, beyond the cut
