"""How the stages run Python's cyclic garbage collector (`collector.py`): no collection inside
a stage, the collector left as each stage found it, and the garbage of a whole run freed.

Counts, never timings: the collector is set to run every `EVERY` new objects (Python's default
is 700), so a stage that let it run while it makes its thousands of objects would be seen
collecting many times; a paused stage collects at most once, when it makes something after
its pause (the objects it made are young until then).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from statdiff import collector, pipeline
from statdiff.model import Node
from statdiff.read import read_path

ROOT = Path(__file__).resolve().parent.parent
CHAPTER_620 = ROOT / "statutes/ilcs-chapter-620/statutes.csv"  # ten Acts, 318 KB: stages of thousands of objects
PAIRS = {  # the headline (the law, and the bill printed as ilga.gov's HTML with its struck text), two markdown documents
    "statute and bill": (ROOT / "statutes/pipa/815ILCS530_through_PA094-0947.txt", ROOT / "tests/fixtures/html/hb0605_br.html"),
    "documents": (ROOT / "tests/fixtures/documents/privacy_policy_v1.md", ROOT / "tests/fixtures/documents/privacy_policy_v2.md"),
    "chapter 620": (CHAPTER_620, None),
}


@pytest.fixture
def pair(request, tmp_path) -> tuple[Path, Path]:
    """OLD and NEW of the named pair; the chapter against a copy with one duty changed."""
    old, new = PAIRS[request.param]
    if new is None:
        new = tmp_path / "statutes.csv"
        new.write_text(old.read_text(encoding="utf-8").replace(" shall ", " may ", 1), encoding="utf-8")
    return old, new


EVERY = 200


@contextmanager
def collections_counted() -> Iterator[list[int]]:
    """The collector made to run every `EVERY` new objects; each collection it makes counted."""
    counted = [0]

    def count(phase: str, info: dict) -> None:
        if phase == "start":
            counted[0] += 1

    before = gc.get_threshold()
    gc.collect()
    gc.callbacks.append(count)
    gc.set_threshold(EVERY)
    try:
        yield counted
    finally:
        gc.set_threshold(*before)
        gc.callbacks.remove(count)


def stages(old: Path, new: Path) -> list[tuple[str, Callable[[], object]]]:
    """Each stage of a diff, in order, each a call that takes the last one's result."""
    done: dict[str, object] = {}
    return [
        ("read OLD", lambda: done.setdefault("old read", read_path(old))),
        ("read NEW", lambda: done.setdefault("new read", read_path(new))),
        ("build OLD", lambda: done.setdefault("old", pipeline.build(done["old read"]))),
        ("build NEW", lambda: done.setdefault("new", pipeline.build(done["new read"]))),
        ("compare", lambda: done.setdefault("comparison", pipeline.compare(done["old"], done["new"]))),
        ("view", lambda: done.setdefault("view", pipeline.view(done["comparison"]))),
        ("render JSON", lambda: pipeline.render("redline", done["view"], "json")),
        ("render HTML", lambda: pipeline.render("redline", done["view"], "html")),
        ("render terminal", lambda: pipeline.render("redline", done["view"], "terminal")),
    ]


@pytest.mark.parametrize("pair", PAIRS, indirect=True)
def test_no_stage_lets_the_collector_run(pair):
    """At most a collection of what was made before the pause and one of what the stage made
    in it, as it makes its result after the pause (once the stages' modules are imported:
    a module's first import makes objects of its own, and the collector may run then)."""
    for _, stage in stages(*pair):
        stage()
    for name, stage in stages(*pair):
        with collections_counted() as counted:
            stage()
        assert counted[0] <= 2, f"{name}: {counted[0]} collections"
        assert gc.isenabled(), f"{name} left the collector disabled"


@pytest.mark.parametrize("pair", ["chapter 620"], indirect=True)
def test_without_the_pause_the_stages_collect_many_times(pair, monkeypatch):
    """The count above can fail: the same stages, the pause made a plain block, collect."""

    @contextmanager
    def not_paused() -> Iterator[None]:
        yield

    for _, stage in stages(*pair):
        stage()
    monkeypatch.setattr(collector, "paused", not_paused)
    counts = {}
    for name, stage in stages(*pair):
        with collections_counted() as counted:
            stage()
        counts[name] = counted[0]
    # (on this pair, about 5 for each read, 26 each build, 31 the compare, 14 the JSON, 700 the HTML)
    assert all(counts[name] > 2 for name in ("read OLD", "build OLD", "compare", "render JSON", "render HTML")), counts


def test_a_stage_leaves_a_disabled_collector_disabled():
    old, new = PAIRS["documents"]
    gc.disable()
    try:
        for name, stage in stages(old, new):
            stage()
            assert not gc.isenabled(), f"{name} enabled the collector"
    finally:
        gc.enable()


def test_paused_blocks_nest_and_the_outermost_enables_it_again():
    with collector.paused():
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_paused_enables_it_again_when_the_stage_fails():
    with pytest.raises(ZeroDivisionError), collector.paused():
        1 / 0
    assert gc.isenabled()


def test_a_whole_run_leaves_no_tree_behind():
    """What the paused stages made and left in cycles (a tree's nodes refer to one another) is
    freed once the run's results are dropped and the collector runs."""
    gc.collect()
    nodes_before = _nodes_alive()
    old, new = PAIRS["statute and bill"]
    for _, stage in stages(old, new):
        stage()
    del stage
    gc.collect()
    assert _nodes_alive() == nodes_before


def test_a_run_that_keeps_its_results_freezes_each_stages_and_unfreezes_all_at_its_end():
    old, new = PAIRS["statute and bill"]
    gc.collect()
    frozen_before, nodes_before = gc.get_freeze_count(), _nodes_alive()
    with collector.tuned_for_one_run(results_kept=True):
        at_start = gc.get_freeze_count()  # what was alive when the run began
        document = pipeline.build(read_path(old))
        after_build = gc.get_freeze_count()
        nodes = sum(1 for _ in document.root.walk())
        assert after_build - at_start > 2 * nodes  # the tree (a Node and a Meta a node, and more) is frozen
        pipeline.compare(document, pipeline.build(read_path(new)))
        assert gc.get_freeze_count() > after_build
    assert gc.get_freeze_count() == frozen_before  # the run's end unfreezes everything
    del document
    gc.collect()
    assert _nodes_alive() == nodes_before  # and a full pass frees it


def test_a_run_that_drops_its_results_as_it_goes_freezes_nothing_more():
    """A batch's pairs: each pair's trees are freed by the collector during the run."""
    old, new = PAIRS["documents"]
    with collector.tuned_for_one_run(results_kept=False):
        at_start = gc.get_freeze_count()
        nodes_before = _nodes_alive()  # (what was alive at the start is frozen: not counted)
        pipeline.compare(pipeline.build(read_path(old)), pipeline.build(read_path(new)))
        assert gc.get_freeze_count() == at_start
        gc.collect()
        assert _nodes_alive() == nodes_before


def _nodes_alive() -> int:
    """Nodes the collector tracks now, frozen ones aside (other tests' fixtures may hold some)."""
    return sum(1 for thing in gc.get_objects() if type(thing) is Node)


def test_the_command_line_keeps_results_but_for_a_batch():
    from statdiff import cli

    kept = {name: command.callback.results_kept for name, command in cli.main.commands.items()}
    assert kept.pop("batch") is False
    assert all(kept.values()) and {"parse", "diff", "redline", "history", "changes", "apply"} <= set(kept)


def _statdiff_garbage(make: Callable[[], object]) -> list[str]:
    """The statdiff objects `make` leaves in reference cycles (what only the collector frees)."""
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        make()
        gc.collect()
        return sorted({type(thing).__qualname__ for thing in gc.garbage
                       if type(thing).__module__.startswith("statdiff")})
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()


@pytest.mark.parametrize("pair", ["chapter 620"], indirect=True)
def test_comparing_leaves_no_cycle_behind(pair):
    """Refcounting frees what compare makes and drops (a recursive closure kept
    every unit of a comparison alive until the collector ran)."""
    old, new = (pipeline.build(read_path(path)) for path in pair)
    pipeline.render_comparison(pipeline.compare(old, new), "json")  # the modules imported first
    assert _statdiff_garbage(lambda: pipeline.compare(old, new)) == []


@pytest.mark.parametrize("pair", PAIRS, indirect=True)
def test_reading_and_building_leave_no_cycle_behind(pair):
    """The builder let go of its openers (bound methods that referred back to it): a build's
    stream, arrays and open-node states are freed by reference counting, not the collector."""
    for path in pair:
        pipeline.build(read_path(path))  # the modules imported first
        assert _statdiff_garbage(lambda: pipeline.build(read_path(path))) == [], path.name


@pytest.mark.parametrize("pair", ["chapter 620", "statute and bill"], indirect=True)
def test_a_whole_diff_is_freed_by_reference_counting(pair):
    """Read, built, compared and written as JSON, then dropped: nothing of it is left for the
    collector (trees included: nothing in them refers back up)."""
    old, new = pair
    pipeline.render_comparison(pipeline.compare(pipeline.build(read_path(old)), pipeline.build(read_path(new))), "json")

    def whole_diff() -> None:
        comparison = pipeline.compare(pipeline.build(read_path(old)), pipeline.build(read_path(new)))
        pipeline.render_comparison(comparison, "json")

    assert _statdiff_garbage(whole_diff) == []
