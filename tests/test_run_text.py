"""An output reads a run's text from its words, untokenized, where the words are all it has
(`WordSegment.side_text`, `side_spaced`, `has_side`; `Run.text`, `spaced`, `side_text`):
on real comparisons, each agrees with the tokens rebuilt, as the outputs read them before."""

from __future__ import annotations

import pytest

from statdiff import pipeline
from statdiff.compare.tokens import tokenize
from statdiff.model import Op, rebuild
from statdiff.model.comparison import WordSegment

from test_view_fast_paths import comparisons  # noqa: F401  (the module's real comparisons, a fixture)

SIDES = ("old", "new")


def _tokens_say(segment, side: str) -> tuple[str, bool, bool]:
    """Text, first space and whether the side holds text, read from the side's tokens."""
    tokens = segment.old if side == "old" else segment.new
    return rebuild(tokens), bool(tokens) and tokens[0].space_before, bool(tokens)


def _words_say(segment, side: str) -> tuple[str, bool, bool]:
    return segment.side_text(side), segment.side_spaced(side), segment.has_side(side)


def test_every_runs_text_read_from_words_is_its_tokens_rebuilt(comparisons):  # noqa: F811
    runs = 0
    for comparison in comparisons:
        for section in pipeline.view(comparison).sections:
            for row in section.rows:
                for run in row.runs:
                    segment = run.segment
                    from_words = {side: _words_say(segment, side) for side in SIDES}  # before any token is made
                    shown_side = run.shown_side
                    assert from_words == {side: _tokens_say(segment, side) for side in SIDES}
                    assert run.shown == (segment.new if shown_side == "new" else segment.old)
                    assert run.text == rebuild(run.shown)
                    # equal text just after one copy's own words is spaced as that copy prints it
                    follows = run.follows if segment.op == Op.EQUAL and run.follows and segment.has_side(run.follows) else None
                    sides = (segment.old if follows == "old" else segment.new,) if follows else (segment.old, segment.new)
                    assert run.spaced == any(side[0].space_before for side in sides if side)
                    runs += 1
    assert runs > 2_000


@pytest.mark.parametrize("leading_space", [False, True])
def test_a_nodes_words_read_as_its_tokens_on_either_side(comparisons, leading_space):  # noqa: F811
    """Every node's words as either side of a segment that starts a text or continues one."""
    nodes = 0
    for comparison in comparisons:
        for document in (comparison.old, comparison.new):
            for node in document.root.walk():
                words = node.words
                segment = WordSegment(Op.EQUAL, words, [], tokenize, leading_space)
                said = {side: _words_say(segment, side) for side in SIDES}
                assert said == {side: _tokens_say(segment, side) for side in SIDES}
                assert said == {side: _words_say(segment, side) for side in SIDES}  # the same once tokenized
                nodes += 1
    assert nodes > 2_000


def test_a_page_prints_rows_that_mark_nothing_as_its_macros_would(comparisons, monkeypatch):  # noqa: F811
    """`RowView.plain_cells` (an unchanged row's cells as text) prints what the row macros print."""
    from statdiff.view.rows import RowView

    pages = [str(pipeline.render_comparison(comparison, "html")) for comparison in comparisons]
    plain_rows = sum(1 for comparison in comparisons for section in pipeline.view(comparison).sections
                     for row in section.rows if row.plain_cells is not None)
    monkeypatch.setattr(RowView, "plain_cells", property(lambda row: None))
    assert [str(pipeline.render_comparison(comparison, "html")) for comparison in comparisons] == pages
    assert plain_rows > 1_000
