"""The compare stage's fast paths agree with the general paths beside them, on real texts.

Whole copies (no truncation) take `nodes.same_whole_nodes` and `nodes.unchanged_nodes`;
truncated copies take `same_visible_nodes` and `unchanged_node` a pair. Run on every
Section pair of real pairs, both must give the same answers (counts and equality).
Whole copies are told by the words at the two ends of each tree (`truncation.edge_texts`,
read without walking the rest), which are those of every word in order; moves are placed
reading only the order their kind needs (`moves.place_moves`), as reading both orders did."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from statdiff import pipeline
from statdiff.compare import moves, pairing
from statdiff.compare.pairing import align
from statdiff.compare.nodes import (
    UnchangedPair, relative_key, same_text, same_visible_nodes, same_whole_nodes, unchanged_node, unchanged_nodes,
)
from statdiff.compare.truncation import TRUNCATION_ANCHOR, Visible, edge_texts, split_visible, walk_backwards
from statdiff.compare.units import UNIT_KEYS, collect_units, positional
from statdiff.compare.units import UNIT_KINDS as UNIT_KINDS_COMPARED
from statdiff.model.comparison import Op, Status
from statdiff.read import read_path, read_text

from bench_pair import chapter_620_pair
from corpus_files import holds_text
from test_cases import CASES, Case

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
    return split_visible(unit.worded, Visible())[1]


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


SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


def _corpus_documents() -> list:
    """Every text of `statutes/` and of the shared corpus (when it is beside the clone) that
    holds text, built."""
    paths = sorted(path for base in (ROOT / "statutes", SHARED_CORPUS) if base.is_dir() for path in base.rglob("*")
                   if path.is_file() and path.suffix in (".txt", ".csv", ".html", ".htm") and holds_text(path))
    return [pipeline.build(read_path(path)) for path in paths]


@pytest.fixture(scope="module")
def corpus_documents():
    return _corpus_documents()


def test_the_edge_texts_are_the_first_and_last_words_of_the_whole_tree(corpus_documents):
    """Read from the tree's two ends (less the nodes left out) they are the first and last
    TRUNCATION_ANCHOR words of every word in reading order, as the flattened copy holds them."""
    checked = 0
    for document in corpus_documents:
        nodes = list(document.root.walk())
        assert list(walk_backwards(document.root)) == nodes[::-1]
        with_words = [node for node in nodes if node.has_words()]
        for leave_out in (frozenset(), frozenset(with_words[:1] + with_words[-2:])):
            texts = [word.text for node in nodes if node not in leave_out for word in node.words]
            assert edge_texts(document.root, leave_out) == (texts[:TRUNCATION_ANCHOR], texts[-TRUNCATION_ANCHOR:])
            checked += 1
    assert checked > 100


def _own_nodes(node) -> list:
    """A unit node and its descendants in reading order, less each nested section and its own."""
    found = [node]
    for child in node.children:
        if child.kind not in UNIT_KINDS_COMPARED:
            found += _own_nodes(child)
    return found


def test_a_units_worded_nodes_are_its_nodes_with_words(corpus_documents):
    """`collect_units` gives each unit its own nodes (its subtree in reading order, less each
    nested section's), and those with words (`Unit.worded`): its nodes that `has_words()`, in
    order; every unit it gives holds one."""
    checked = 0
    for document in corpus_documents:
        for unit in collect_units(document):
            assert unit.nodes == _own_nodes(unit.node), unit.path
            assert unit.worded == [node for node in unit.nodes if node.has_words()], unit.path
            assert unit.worded
            checked += 1
    assert checked > 1000


def _case_documents(name: str) -> tuple:
    case = Case.read(CASES / f"{name}.case")
    return tuple(pipeline.build(read_text(case.text(side), name=f"{name}.{side}")) for side in ("old", "new"))


def test_moves_are_placed_as_reading_both_orders_placed_them(real_pairs, tmp_path):
    """`place_moves` reads each text's order of sections for a Section's move and of every node
    for a node's move, only where there is such a move; each move says what both orders say."""
    pairs = real_pairs + [_case_documents("subsection-moved-to-another-section"),
                          _case_documents("moved-and-renumbered-sections")]
    placed = {"section": 0, "node": 0}
    for old, new in pairs:
        comparison = pipeline.compare(old, new)
        old_units, new_units = collect_units(comparison.old), collect_units(comparison.new)
        unit_before = [moves._before(unit.path for unit in units if unit.node is not document.root)
                       for units, document in ((old_units, comparison.old), (new_units, comparison.new))]
        node_before = [moves._nodes_before(comparison.old), moves._nodes_before(comparison.new)]
        for section in comparison.sections:
            for change in section.changes:
                if change.op != Op.MOVE:
                    continue
                kind = "section" if change in section.section_changes else "node"
                old_before, new_before = unit_before if kind == "section" else node_before
                assert (change.old_after, change.new_after) == (
                    old_before.get(change.old_path or ""), new_before.get(change.new_path or ""))
                placed[kind] += 1
    assert placed["section"] >= 2 and placed["node"] >= 1, placed


def test_an_unchanged_pair_of_a_changed_section_is_the_pair_unchanged_node_makes(real_pairs):
    """`compare_nodes` gives a pair of whole nodes with the same words as a pair whose segments
    are made when first read; in a changed Section as in an unchanged one, it is what
    `unchanged_node` makes, segments included."""
    lazy = 0
    for old, new in real_pairs:
        for section in pipeline.compare(old, new).sections:
            if section.status == Status.UNCHANGED:
                continue
            for node in section.nodes:
                if type(node) is not UnchangedPair:
                    continue
                general = unchanged_node(node.old, node.new)
                assert (node.old, node.new, node.status, node.changes) == \
                    (general.old, general.new, general.status, general.changes)
                assert _lazy_segments(node) == _lazy_segments(general)
                lazy += 1
    assert lazy > 100


def _neighbour_pairs(documents: list) -> list:
    """Each corpus text with the next one (versions of one Act sit side by side) and with itself."""
    return [(one, other) for one, other in zip(documents, documents[1:])] + [(one, one) for one in documents]


def _as_tuples(pairs: list) -> list:
    return [(pair.old, pair.new, pair.how, pair.score, pair.moved) for pair in pairs]


def test_aligning_the_same_keys_in_order_pairs_as_the_steps_do(real_pairs, corpus_documents):
    """`pairing.align` pairs two lists whose keys pair them place by place at once (`_in_place`:
    in order, one place left to content at most); on the units and on each Section pair's nodes of real pairs and of
    every corpus text beside its neighbour and itself, that is what `_aligned` gives step by step."""
    answers: Counter = Counter()
    for old, new in real_pairs + _neighbour_pairs(corpus_documents):
        old_units, new_units = collect_units(old), collect_units(new)
        visible = Visible()
        lists = [(old_units, new_units, UNIT_KEYS, lambda unit: visible.text(unit.nodes),
                  lambda unit: positional(unit.node))]
        lists += [(old_unit.worded, new_unit.worded, (relative_key(old_unit, new_unit), same_text(visible)),
                   visible.joined, positional) for old_unit, new_unit in _section_pairs(old, new)]
        for old_items, new_items, keys, text, is_positional in lists:
            fast = align(old_items, new_items, keys=keys, text=text, positional=is_positional)
            placed = pairing._PositionalTexts.of(old_items, new_items, text, is_positional)
            general = pairing._aligned(old_items, new_items, keys, text, pairing.CONTENT_CUTOFF, placed)
            assert _as_tuples(fast) == _as_tuples(general)
            unkeyed = None if placed else pairing._unkeyed_places(
                old_items, new_items, keys, pairing._key_values(old_items, new_items, keys[0]))
            if unkeyed is None or len(unkeyed) > 1:
                answers["general"] += 1
            elif unkeyed:
                answers["in place, one by content" if len(fast) == len(old_items) else "in place, one unpaired"] += 1
            else:
                answers["in place"] += 1
    assert answers["in place"] > 1000 and answers["general"] > 1000, answers
    assert answers["in place, one by content"] > 50 and answers["in place, one unpaired"] > 50, answers


def _extracted(query: str, choices: list, cutoff: float) -> list:
    """(index, score) of the choices `process.extract` finds at or above the cutoff."""
    from rapidfuzz import fuzz, process

    return [(int(j), float(score))
            for _, score, j in process.extract(query, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)]


def test_a_few_choices_are_scored_one_by_one_as_extract_scores_them(real_pairs, corpus_documents):
    """`pairing._scores` scores a few choices one `fuzz.ratio` at a time: the same choices,
    scores and order as `process.extract` gives, on the nodes (excerpts) of every Section pair
    of real pairs and of corpus neighbours, at each cutoff the compare stage uses, and on
    empty texts."""
    compared = scored = 0
    for old, new in real_pairs + list(zip(corpus_documents, corpus_documents[1:])):
        for old_unit, new_unit in _section_pairs(old, new):
            choices = [pairing.excerpt(node.text) for node in new_unit.worded][:pairing.FEW_CHOICES]
            for node in old_unit.worded:
                query = pairing.excerpt(node.text)
                for cutoff in (pairing.CONTENT_CUTOFF, moves.MOVED_NODE_CUTOFF, 0.0):
                    found = pairing._scores(query, choices, cutoff)
                    assert found == sorted(_extracted(query, choices, cutoff)), node.path
                    scored += len(found)
                compared += 1
    for query, choices in (("", [""]), ("", ["a", ""]), ("a", ["", "a"]), ("abc", ["abd", "", "xyz"])):
        for cutoff in (pairing.CONTENT_CUTOFF, 0.0):
            assert pairing._scores(query, choices, cutoff) == sorted(_extracted(query, choices, cutoff))
    assert compared > 5000 and scored > 5000, (compared, scored)


def test_streams_told_apart_by_their_word_counts_are_those_their_texts_tell_apart(real_pairs, corpus_documents):
    """`restream.same_stream` answers "no" without joining two sections' texts when their word
    counts differ; on every Section pair of real pairs and of each corpus text beside its
    neighbour, its answer is the joined texts' (`Visible.text`), and a second asking of each
    node's joined text (kept) is the first."""
    from statdiff.compare.restream import same_stream

    answers: Counter = Counter()
    for old, new in real_pairs + _neighbour_pairs(corpus_documents)[:len(corpus_documents) - 1]:
        for old_unit, new_unit in _section_pairs(old, new):
            old_nodes, new_nodes = _shown(old_unit), _shown(new_unit)
            visible = Visible()
            same = same_stream(old_nodes, new_nodes, visible)
            assert same == (Visible().text(old_nodes) == Visible().text(new_nodes)), old_unit.path
            counted = sum(map(visible.count, old_nodes)) != sum(map(visible.count, new_nodes))
            answers["same" if same else "counted" if counted else "joined"] += 1
            for node in old_nodes + new_nodes:
                assert visible.joined(node) == visible.joined(node) == " ".join(Visible().texts(node))
    assert min(answers.values()) > 50, answers
