"""Real Illinois texts paired as users pair them (helper explore2): a bill against the ILCS
Section it amends, and the law as it read before the bill against the bill. Each pair kept
in `statutes/fragments/` (see `SOURCES.md`) or built from one by a realistic edit, each
checked for what a redline must never do: hide text both copies hold as text beyond a cut,
mislabel which copy stops, or run two paragraphs' words together."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from conftest import assert_comparison_invariants
from statdiff import pipeline
from statdiff.model import Op
from statdiff.render import RenderOptions

FRAGMENTS = Path(__file__).resolve().parent.parent / "statutes" / "fragments"
BILL = FRAGMENTS / "900SB0517_90thGA_legisnet_flat_PARTIAL.txt"  # cut inside `"Board". The Merit Ad`

# 15 ILCS 410/3 as it read before the bill: the words the bill prints struck (`Personnel-Comptroller`,
# `or a Deputy Comptroller`, the `"Board"` definition) and none of those it underlines. An
# Act's page, one definition a paragraph, where the bill's page runs them together.
BEFORE_THE_BILL = """(15 ILCS 410/3) (from Ch. 15, par. 403)
    Sec. 3. Definitions. For the purpose of this Act, unless the context indicates otherwise, the following words shall have the meanings ascribed to them as follows:
    "Commission". The Merit Commission created by this Act.
    "Department". Department of Personnel-Comptroller.
    "Director". Director of the Department of Personnel-Comptroller.
    "Organizational entity". An entity directly subordinate to the Comptroller or a Deputy Comptroller.
    "Board". The Merit Advisory Board created by this Act.
(Source: P.A. 80-1397.)
"""


def _terminal(comparison) -> str:
    console = Console(no_color=True, width=600, file=io.StringIO())
    return str(pipeline.render_comparison(comparison, "terminal", options=RenderOptions(console=console)))


def _one_copy_text(comparison, section_path: str, op: str) -> str:
    return " ".join(token.text for section in comparison.sections if section.path == section_path
                    for node in section.nodes for segment in node.segments if segment.op == op
                    for token in (segment.old if op == Op.ONLY_OLD else segment.new))


def test_the_law_s_last_words_that_the_cut_bill_holds_are_shared_never_beyond_the_cut():
    """The law in force ends 15 ILCS 410/3 `subordinate to the Comptroller. (Source: ...)`; the
    bill, cut inside the Section, prints `subordinate to the Comptrolleror a Deputy
    Comptroller. "Board". The Merit Ad` (its struck words beside the law's). The law's
    `Comptroller.` is the bill's: it was shown as text only the law holds, the bill's
    `Comptroller.` as inserted with the words around it."""
    comparison = pipeline.compare_files(FRAGMENTS / "ILCS_15-410_laws9_flat_mirror_PARTIAL.txt", BILL)
    assert_comparison_invariants(comparison)
    # beyond the cut, the law's Source note alone
    assert _one_copy_text(comparison, "15 ILCS 410/3", Op.ONLY_OLD).startswith("( Source")
    assert "Comptroller" not in _one_copy_text(comparison, "15 ILCS 410/3", Op.ONLY_OLD)
    inserted = [change.new_text for change in comparison.changes if change.op == Op.INSERT]
    assert "Comptrolleror a Deputy" in inserted
    assert not any("Comptroller." in text for text in inserted if "Deputy" in text)
    assert "«only in the old copy" not in _terminal(comparison).split("15 ILCS 410/3 Definitions.")[1].split("\n\n")[0]


def test_a_copy_cut_mid_word_says_so_where_the_other_copy_prints_the_word_in_another_paragraph(tmp_path):
    """The bill's one paragraph ends with the cut word `Ad`; the law before it prints
    `Advisory` in a paragraph of its own. `Ad` was labelled `only in the new copy, the old copy
    stops here`: the old copy goes on, the new one stops in the middle of `Advisory`."""
    before = tmp_path / "15ILCS410-3_before_PA90-24.txt"
    before.write_text(BEFORE_THE_BILL, encoding="utf-8")
    comparison = pipeline.compare_files(before, BILL)
    assert_comparison_invariants(comparison)
    shown = _terminal(comparison)
    assert '«the new copy stops here, in the middle of the word "Advisory": Ad»' in shown
    assert "the old copy stops here" not in shown
    html = str(pipeline.render_comparison(comparison, "html"))
    assert 'the new copy stops here, in the middle of the word &#34;Advisory&#34;' in html \
        or 'the new copy stops here, in the middle of the word &quot;Advisory&quot;' in html \
        or 'the new copy stops here, in the middle of the word "Advisory"' in html
    assert "only in the new copy" not in html


def test_words_of_two_paragraphs_shown_in_one_row_keep_the_space_between_them(tmp_path):
    """A restreamed row shows the law's definitions, one paragraph each, beside the bill's one
    paragraph: `... this Act."Department". ...` ran the law's paragraphs together."""
    before = tmp_path / "15ILCS410-3_before_PA90-24.txt"
    before.write_text(BEFORE_THE_BILL, encoding="utf-8")
    shown = _terminal(pipeline.compare_files(before, BILL))
    assert 'Act. "Department".' in shown and 'Comptroller. "Board".' in shown
    assert 'Act."Department"' not in shown and 'Comptroller."' not in shown


def test_inserted_words_glued_to_the_next_word_are_never_printed_as_two_words():
    """The bill prints `of the ComptrollerPersonnel-Comptroller.` (its new words run into its
    struck ones); the law in force, `of the Comptroller.`. `ComptrollerPersonnel-` is inserted
    before the shared `Comptroller.`, and the redline printed `ComptrollerPersonnel- Comptroller.`:
    a space neither copy prints there (the law's space before `Comptroller.`, after `the`)."""
    comparison = pipeline.compare_files(FRAGMENTS / "ILCS_15-410_laws9_flat_mirror_PARTIAL.txt", BILL)
    shown = _terminal(comparison)
    assert shown.count("{+ComptrollerPersonnel-+}Comptroller.") == 2
    assert "{+ComptrollerPersonnel-+} Comptroller." not in shown
    html = str(pipeline.render_comparison(comparison, "html"))
    assert html.count("ComptrollerPersonnel-</ins></span>Comptroller.") == 2
    assert "ComptrollerPersonnel-</ins></span> Comptroller." not in html
    # the words after an equal run keep their spaces: `{+Comptrolleror a Deputy+} Comptroller.`
    assert "{+Comptrolleror a Deputy+} Comptroller." in shown
