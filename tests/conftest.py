"""The invariants every comparison and every parse must keep, written once.

Test modules import them (`from conftest import assert_rebuilds`); `test_cases.py` applies
all of them to every case file under `tests/cases/`. Besides, every hypothesis test is
marked `slow` (`pytest -m "not slow"` for a quick run; the README's `python -m pytest`,
which CI runs, runs them all).

Hypothesis: where the environment variable `CI` is set (`.ci/run` sets it), the `ci` profile
makes every run the same (derandomized examples, no example database, no deadline on a busy
machine, the blob to reproduce a failure printed); elsewhere each run draws new examples, so
the properties go on finding bugs.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import settings

from statdiff.compare.tokens import tokenize
from statdiff.model import Comparison, Document, Op, ReadResult, Status, rebuild

ROOT = Path(__file__).resolve().parent.parent
NO_CHANGE_OPS = {Op.EQUAL, Op.ONLY_OLD, Op.ONLY_NEW}

settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.slow)


def tree_words(document: Document) -> list[str]:
    return [word.text for word in document.root.all_words()]


def assert_lossless(document: Document | None, result: ReadResult | Path | None = None) -> None:
    """The tree holds exactly the words its reader took from the text, once each, in order.
    `result` is the reader's output, or the file to read it from again (none: nothing to hold
    the tree to)."""
    if document is None or result is None:
        return
    if isinstance(result, Path):
        from statdiff.read import read_path

        result = read_path(result)
    assert tree_words(document) == [word for line in result.lines for word in line.text.split()]


def assert_rebuilds(comparison: Comparison) -> None:
    """Every node comparison's old-side tokens rebuild the old node's text, new side (as printed:
    a plain printing's struck words included) the new. The rows of a restreamed section
    (`NodeComparison.whole_nodes` False: a paragraph split or joined) show each word once, in
    the row of NEW's paragraph that holds it: read row by row, their new-side tokens are NEW's
    paragraphs' in order, and their old-side tokens are OLD's paragraphs', those no row lists
    (their words all shown in other rows) included."""
    listed = {id(node.old) for section in comparison.sections for node in section.nodes}
    for section in comparison.sections:
        streamed = [node for node in section.nodes if not node.whole_nodes]
        for node in section.nodes:
            if not node.whole_nodes:
                continue
            old_tokens = [token for segment in node.segments for token in segment.old]
            new_tokens = [token for segment in node.segments for token in segment.printed_new]
            if node.old is not None:
                assert rebuild(old_tokens) == node.old.text, node.old.path
            if node.new is not None:
                assert rebuild(new_tokens) == node.new.text, node.new.path
        if not streamed:
            continue
        new_shown = [token.text for node in streamed for segment in node.segments for token in segment.printed_new]
        new_nodes = [node.new for node in streamed if node.new is not None]
        assert new_shown == [token.text for node in new_nodes for token in tokenize(node.words)], section.path
        old_shown = Counter(token.text for node in streamed for segment in node.segments for token in segment.old)
        own = Counter(token.text for node in streamed if node.old is not None for token in tokenize(node.old.words))
        unlisted = [node for node in (section.old.walk() if section.old is not None else ()) if node.words
                    and id(node) not in listed]
        assert not own - old_shown, section.path
        assert not (old_shown - own) - Counter(token.text for node in unlisted for token in tokenize(node.words))


def assert_each_node_shown_once(comparison: Comparison) -> None:
    """Versions mode: every node with words of each text is in exactly one node comparison, but
    an old paragraph of a restreamed section whose words all show in NEW's paragraphs' rows
    (`assert_rebuilds` holds them there)."""
    if comparison.mode != "versions":
        return
    for side in ("old", "new"):
        document = comparison.old if side == "old" else comparison.new
        shown = [getattr(node, side) for section in comparison.sections for node in section.nodes]
        shown = [node for node in shown if node is not None]
        expected = [node for node in document.walk() if node.words]
        listed = set(shown)
        unlisted = [node for section in comparison.sections if section.old is not None and side == "old"
                    and any(not node.whole_nodes for node in section.nodes)
                    for node in section.old.walk() if node.words and node not in listed]
        assert len(shown) == len(set(shown)) == len(expected) - len(unlisted), side
        assert set(shown) | set(unlisted) == set(expected), side


def assert_unchanged_against_itself(document: Document) -> None:
    """diff(a, a) is empty: no change, every section unchanged, every segment equal."""
    from statdiff.compare import compare

    comparison = compare(document, document)
    assert comparison.changes == []
    assert {section.status for section in comparison.sections} <= {Status.UNCHANGED}
    assert {segment.op for section in comparison.sections for node in section.nodes
            for segment in node.segments} <= NO_CHANGE_OPS
    assert_rebuilds(comparison)


def assert_anchored_in_reading_order(comparison: Comparison) -> None:
    anchors = [change.anchor for change in comparison.changes]
    assert anchors == [f"c{number}" for number in range(1, len(anchors) + 1)]


def assert_deterministic(old: Document, new: Document) -> None:
    """The same inputs give byte-identical JSON."""
    from statdiff import pipeline

    first = pipeline.render_comparison(pipeline.compare(old, new), "json")
    assert first == pipeline.render_comparison(pipeline.compare(old, new), "json")


def assert_redline_reads_back(comparison: Comparison) -> None:
    """The HTML redline, read back from its attributes, gives the same change list."""
    from statdiff import pipeline
    from statdiff.read.redline import changes_from_redline

    back = changes_from_redline(str(pipeline.render_comparison(comparison, "html")), "redline.html")

    def facts(change):  # a span with no page:line (an ILCS page prints none) is written as none
        spans = [None if span is None or not span.known else span for span in (change.old_source, change.new_source)]
        return (change.op, change.old_path, change.new_path, change.old_text, change.new_text, *spans,
                change.section, change.attributed_to, change.anchor, change.basis, change.old_after, change.new_after)

    assert [facts(change) for change in back] == [facts(change) for change in comparison.changes]


def assert_spans_read_forward(comparison: Comparison) -> None:
    """Every printed range of a change or a section ends where it starts or later (never
    `new 1:2-1`, a section whose nodes are listed out of reading order)."""
    spans = [span for change in comparison.changes for span in (change.old_source, change.new_source)]
    spans += [span for section in comparison.sections for span in (section.old_source, section.new_source)]
    for span in spans:
        if span is not None and span.start.known and span.end.known:
            assert not span.end < span.start, str(span)


def assert_comparison_invariants(comparison: Comparison) -> None:
    """What every comparison keeps, whatever its texts."""
    assert_rebuilds(comparison)
    assert_each_node_shown_once(comparison)
    assert_anchored_in_reading_order(comparison)
    assert_spans_read_forward(comparison)
