"""The model's own promises: positions that order and read back their printed form, the
page:line index of a document, ops and statuses that print as the JSON contract's
strings, segments tokenized on first use that equal those tokenized at once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from statdiff import pipeline
from statdiff.compare.tokens import tokenize
from statdiff.model import Mode, Op, Position, Segment, SourceSpan, Status, Word, WordSegment
from statdiff.render.plain import document_lines

ROOT = Path(__file__).resolve().parent.parent
HB0605 = ROOT / "statutes/seeds/002_524df963b8163e99.txt"

maybe = st.one_of(st.none(), st.integers(1, 999))
positions = st.builds(Position, maybe, maybe)


@given(positions)
def test_a_position_reads_back_what_it_prints(position):
    assert Position.parse(str(position)) == position


@given(positions, positions)
def test_a_span_reads_back_both_its_printed_forms(start, end):
    span = SourceSpan(start, end)
    assert SourceSpan.parse(span.full) == span
    assert SourceSpan.parse(str(span)) == span


def test_positions_order_by_page_then_line_unknown_first():
    ordered = [Position(), Position(None, 5), Position(1, None), Position(1, 2), Position(1, 10), Position(2, 1)]
    assert sorted(reversed(ordered)) == ordered
    assert SourceSpan(Position(2, 3), Position(2, 9)).contains(Position(2, 5))
    assert not SourceSpan(Position(2, 3), Position(2, 9)).contains(Position(3, 1))


def test_unreadable_positions_are_refused():
    for text in ("", "3", "3:", "a:b", "3:4-", "3:4-5-6"):
        with pytest.raises(ValueError):
            SourceSpan.parse(text)


def test_ops_statuses_and_modes_print_as_the_json_contract_says():
    assert [op.value for op in Op] == ["equal", "insert", "delete", "replace", "add", "remove", "move", "renumber",
                                       "source", "only_old", "only_new"]
    assert {status.value for status in Status} == {"unchanged", "changed", "added", "removed", "moved", "renumbered",
                                                   "not_restated", "only_old", "only_new"}
    assert json.dumps({Op.INSERT: [Status.CHANGED, Mode.AMENDMENT]}) == '{"insert": ["changed", "amendment"]}'
    assert f"{Op.REPLACE:8}|" == "replace |" and str(Status.NOT_RESTATED) == "not_restated"


def test_the_page_line_index_holds_every_printed_line_of_a_bill():
    document = pipeline.read_file(HB0605)
    index = document.printed_lines
    printed = [line.split("  ", 1) for line in document_lines(document)]
    assert len(index) == len(printed)
    for where, text in printed:
        position = Position.parse(where)
        assert index.text_at(position.page, position.line) == text
    words = index.words_at(2, 21)
    assert " ".join(printed_word.word.text for printed_word in words) == index.text_at(2, 21)
    assert {printed_word.node.path for printed_word in words} == {"815 ILCS 530/10(a)"}
    assert all(printed_word.node.words[printed_word.index] is printed_word.word for printed_word in words)
    assert index.words_at(99, 1) == [] and index.text_at(99, 1) == ""
    assert index.positions() == sorted(index.positions())


def test_a_word_segment_tokenizes_on_first_use_as_tokenize_does():
    words = [Word(text, Position(1, number)) for number, text in enumerate("(a) notify $250,000 (815 ILCS 530/10).".split(), 1)]
    lazy = WordSegment(Op.EQUAL, words, words[1:], tokenize, leading_space=True)
    assert lazy.old == tuple(tokenize(words, leading_space=True))
    assert lazy.new == tuple(tokenize(words[1:], leading_space=True))
    eager = Segment(Op.EQUAL, lazy.old, lazy.new)
    for side in ("old", "new"):
        for last in (False, True):
            assert lazy.edge(side, last) == eager.edge(side, last)
    assert lazy.has_text() and not WordSegment(Op.EQUAL, [], [], tokenize).has_text()
