"""The compare stage's fast paths agree with the general paths beside them, on real texts.

Whole copies (no truncation) take `nodes.same_whole_nodes` and `nodes.unchanged_nodes`;
truncated copies take `same_visible_nodes` and `unchanged_node` a pair. Run on every
Section pair of real pairs, both must give the same answers (counts and equality)."""

from __future__ import annotations

from pathlib import Path

import pytest

from statdiff import pipeline
from statdiff.compare.nodes import same_visible_nodes, same_whole_nodes, unchanged_node, unchanged_nodes
from statdiff.compare.truncation import Visible, split_visible
from statdiff.compare.units import collect_units
from statdiff.model.comparison import Op, Status
from statdiff.read import read_path

from bench_pair import chapter_620_pair

ROOT = Path(__file__).resolve().parent.parent
PIPA = ROOT / "statutes" / "pipa"


@pytest.fixture(scope="module")
def real_pairs(tmp_path_factory):
    chapter_old, chapter_new = chapter_620_pair(tmp_path_factory.mktemp("chapter620"))
    paths = [
        (PIPA / "815ILCS530_as_enacted_PA094-0036.txt", PIPA / "815ILCS530_through_PA094-0947.txt"),
        (chapter_old, chapter_new),
    ]
    return [(pipeline.build(read_path(old)), pipeline.build(read_path(new))) for old, new in paths]


def _shown(unit) -> list:
    return split_visible(unit.nodes, Visible())[1]


def _section_pairs(old, new):
    """Each OLD Section with NEW's Section of its path (mostly equal) and with NEW's next
    Section (different), so that both answers are asked for."""
    old_units, new_units = collect_units(old), collect_units(new)
    by_path = {unit.path: unit for unit in new_units}
    for index, unit in enumerate(old_units):
        if unit.path in by_path:
            yield unit, by_path[unit.path]
        yield unit, new_units[min(index + 1, len(new_units) - 1)]


def test_whole_copies_are_judged_the_same_by_both_paths(real_pairs):
    answers = {True: 0, False: 0}
    for old, new in real_pairs:
        for old_unit, new_unit in _section_pairs(old, new):
            old_nodes, new_nodes = _shown(old_unit), _shown(new_unit)
            whole = len(old_nodes) == len(new_nodes) and same_whole_nodes(old_nodes, new_nodes)
            assert whole == same_visible_nodes(old_nodes, new_nodes, Visible()), old_unit.path
            answers[whole] += 1
    assert answers[True] > 50 and answers[False] > 50


def test_unchanged_nodes_are_the_pairs_unchanged_node_makes(real_pairs):
    compared = 0
    for old, new in real_pairs:
        for old_unit, new_unit in _section_pairs(old, new):
            old_nodes, new_nodes = _shown(old_unit), _shown(new_unit)
            if len(old_nodes) != len(new_nodes) or not same_whole_nodes(old_nodes, new_nodes):
                continue
            fast = unchanged_nodes(old_nodes, new_nodes)
            general = [unchanged_node(old_node, new_node) for old_node, new_node in zip(old_nodes, new_nodes)]
            # the fast pairs make their segments when first read: until then none is made,
            # and what is made is what `unchanged_node` made (one `equal`, anchorless segment)
            assert all(node.made_segments() == [] for node in fast)
            assert all(node.made_segments() is node.segments for node in general)
            assert [(node.old, node.new, node.status, node.changes) for node in fast] == \
                [(node.old, node.new, node.status, node.changes) for node in general]
            assert [_lazy_segments(node) for node in fast] == [_lazy_segments(node) for node in general]
            assert all(node.made_segments() is node.segments for node in fast)
            assert all(segment.op == Op.EQUAL and not segment.anchor for node in fast for segment in node.segments)
            compared += len(fast)
    assert compared > 500


def _lazy_segments(node) -> list:
    """The node's segments as built, before anything tokenizes them."""
    return [(type(segment), segment.op, segment.old_words, segment.new_words, segment.leading_space, segment.tokenize)
            for segment in node.segments]


def test_a_diff_makes_no_word_of_an_unchanged_section(tmp_path):
    """Compare and JSON read an unchanged Section's nodes by their texts, counts and word
    positions: no node of one has its word list made (a node with words is asked
    `has_words()`, never `bool(node.words)`), but for the few at the texts' two ends (the
    amendment test reads the first words, the truncation anchors the last)."""
    old_path, new_path = chapter_620_pair(tmp_path)
    old, new = pipeline.build(read_path(old_path)), pipeline.build(read_path(new_path))
    comparison = pipeline.compare(old, new)
    pipeline.render_comparison(comparison, "json")
    unchanged = [section for section in comparison.sections if section.status == Status.UNCHANGED]
    nodes = [node for section in unchanged for root in (section.old, section.new) if root is not None
             for node in root.walk()]
    assert len(unchanged) > 200 and len(nodes) > 1000
    made = [node.path for node in nodes if node._words is not None]
    assert len(made) <= 30, made
    # nor does anything read an unchanged pair's segments (made when first read)
    assert not [node for section in unchanged for node in section.nodes if node.made_segments()]


def test_joined_texts_are_the_texts_joined(real_pairs):
    """`Visible.joined` reads a whole node's text without its words; it is what joining its
    words' texts gives, and two nodes' joined texts agree exactly when their texts do (the
    node-pairing key and `same_stream` compare joined texts)."""
    checked = agreeing = 0
    for old, new in real_pairs:
        for old_unit, new_unit in _section_pairs(old, new):
            fast, general = Visible(), Visible()
            old_nodes, new_nodes = _shown(old_unit), _shown(new_unit)
            for old_node, new_node in zip(old_nodes, new_nodes):
                assert fast.joined(old_node) == " ".join(general.texts(old_node))
                assert (fast.joined(old_node) == fast.joined(new_node)) == \
                    (general.texts(old_node) == general.texts(new_node))
                agreeing += fast.joined(old_node) == fast.joined(new_node)
                checked += 1
            assert Visible().text(old_nodes) == " ".join(text for node in old_nodes for text in general.texts(node))
            assert general.text(new_nodes) == " ".join(text for node in new_nodes for text in general.texts(node))
    assert checked > 1000 and 500 < agreeing < checked
