"""Content pairing on hostile but realistic input: many unpaired texts that all resemble one
another (an Act whose every Section was renumbered, two rival bills, one Act against its
recodification). `best_pairs` must give exactly the greedy pairing a sort of every pair
gives, without ever making that quadratic list (4,000 renumbered Sections made 16 million
tuples: 44 s and 4 GB for a 600 KB pair)."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from statdiff.compare import pairing
from statdiff.compare.pairing import best_pairs, excerpt

WORDS = "data collector notice breach resident shall may notify the of and written material".split()


def every_pair_sorted(old_texts, new_texts, cutoff, allowed=None):
    """The definition: every pair at or above the cutoff, sorted best first (ties by old, then
    new index), taken greedily when neither text is taken and `allowed` agrees."""
    found = []
    for i, old in enumerate(old_texts):
        for j, new in enumerate(new_texts):
            score = fuzz.ratio(excerpt(old), excerpt(new), score_cutoff=cutoff)
            if score >= cutoff:
                found.append((-score, i, j))
    used_old, used_new, pairs = set(), set(), []
    for negative, i, j in sorted(found):
        if i in used_old or j in used_new or (allowed is not None and not allowed(i, j)):
            continue
        used_old.add(i)
        used_new.add(j)
        pairs.append((i, j, -negative))
    return pairs


def similar_texts(rng: random.Random, count: int, words: int = 12) -> list[str]:
    return [" ".join(rng.choice(WORDS) for _ in range(words)) for _ in range(count)]


@pytest.mark.parametrize("count", [3, 16, 17, 40, 120])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_best_pairs_is_the_greedy_pairing_of_every_pair_sorted(count, seed):
    rng = random.Random(seed)
    old, new = similar_texts(rng, count), similar_texts(rng, count + seed)
    old += old[:3]  # identical texts: ties on both sides
    new += old[:2]
    for cutoff in (pairing.CONTENT_CUTOFF, 40.0, 90.0):
        got = best_pairs(old, new, cutoff)
        assert [(i, j) for i, j, _ in got] == [(i, j) for i, j, _ in every_pair_sorted(old, new, cutoff)]
        assert [score for *_, score in got] == pytest.approx([s for *_, s in every_pair_sorted(old, new, cutoff)])


def test_a_refused_pair_leaves_both_texts_to_their_next_candidates():
    rng = random.Random(9)
    old, new = similar_texts(rng, 60), similar_texts(rng, 60)

    def allowed(i, j):
        return (i + j) % 3 != 0

    got, want = best_pairs(old, new, 50.0, allowed), every_pair_sorted(old, new, 50.0, allowed)
    assert [(i, j) for i, j, _ in got] == [(i, j) for i, j, _ in want] and len(got) > 20


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text("ab ", max_size=8), max_size=30), st.lists(st.text("ab ", max_size=8), max_size=30))
def test_best_pairs_matches_the_definition_on_any_texts(old, new):
    """Tiny alphabets: many equal scores, so the tie order is what is tested."""
    got = best_pairs(old, new, 50.0)
    want = every_pair_sorted(old, new, 50.0)
    assert [(i, j) for i, j, _ in got] == [(i, j) for i, j, _ in want]


def candidates_made(monkeypatch, count: int) -> int:
    """How many scored candidates rapidfuzz hands back to Python (`process.extract`'s results)
    for `best_pairs` to pair `count` old texts with `count` new ones, all alike (every pair
    over the cutoff)."""
    made = 0

    def counting_extract(*args, **kwargs):
        nonlocal made
        found = process.extract(*args, **kwargs)
        made += len(found)
        return found

    monkeypatch.setattr(pairing, "process", SimpleNamespace(extract=counting_extract))
    rng = random.Random(count)
    old = [f"Sec. {n}. " + text for n, text in enumerate(similar_texts(rng, count, 8))]
    new = [f"Sec. {n + 1000}. " + text for n, text in enumerate(old)]
    pairs = best_pairs(old, new, 30.0)
    assert len(pairs) == count
    return made


def test_the_candidates_made_grow_linearly_with_the_texts(monkeypatch):
    """Every pair of these texts scores over the cutoff: a sort of every pair made count²
    candidates (40,000 at 200 texts a side); the lazy pairing a few per text."""
    small, large = candidates_made(monkeypatch, 200), candidates_made(monkeypatch, 400)
    assert large <= 2.5 * small, (small, large)
    assert large < 40 * 400, large


# ---------------------------------------------------------------- limits said, never silent


def act(sections: list[tuple[str, str]]) -> str:
    return "(815 ILCS 530/) Personal Information Protection Act.\n\n" + "".join(
        f"    (815 ILCS 530/{number})\n    Sec. {number}. {text}\n(Source: P.A. 94-36, eff. 1-1-06.)\n\n"
        for number, text in sections)


def test_content_pairing_over_its_limit_is_said_not_silently_skipped(tmp_path, monkeypatch):
    """Over the limit, renumbered Sections are reported removed and added: the user is told
    that they were not compared by their text (and how many), on the terminal and the API."""
    from click.testing import CliRunner

    import statdiff
    from statdiff import cli

    rng = random.Random(5)
    texts = [" ".join(rng.choice(WORDS) for _ in range(14)) + "." for _ in range(6)]
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(act([(str(n), text) for n, text in enumerate(texts, 1)]))
    new.write_text(act([(str(n + 100), text) for n, text in enumerate(texts, 1)]))
    assert statdiff.diff(old, new).summary["by_op"] == {"renumber": 6} and not statdiff.diff(old, new).limits

    monkeypatch.setattr(pairing, "MAX_CONTENT_CANDIDATES", 5)
    comparison = statdiff.diff(old, new)
    assert comparison.summary["by_op"] == {"add": 6, "remove": 6}
    assert comparison.limits == [
        f"6 sections of {old} and 6 of {new} match no section of the other by number; over 5 a side they are "
        "not compared by their text, so any renumbered or moved among them is reported as removed and added"]
    result = CliRunner().invoke(cli.main, ["diff", "--stat", "--jobs", "1", str(old), str(new)])
    assert result.exit_code == 1
    assert f"statdiff: warning: 6 sections of {old} and 6 of {new} match no section" in result.stderr


def test_moves_not_looked_for_over_their_limit_are_said(tmp_path, monkeypatch):
    from statdiff.compare import moves

    import statdiff

    rng = random.Random(6)
    kept = [" ".join(rng.choice(WORDS) for _ in range(14)) + "." for _ in range(3)]
    moved = "(a) A data collector shall notify the resident of a breach within 48 hours of its discovery."
    old = act([("1", kept[0] + "\n    " + moved), ("2", kept[1]), ("3", kept[2])])
    new = act([("1", kept[0]), ("2", kept[1]), ("3", kept[2] + "\n    " + moved)])
    assert statdiff.diff(old, new).summary["by_op"] == {"move": 1}
    monkeypatch.setattr(moves, "MAX_MOVE_CANDIDATES", 0)
    comparison = statdiff.diff(old, new)
    assert comparison.summary["by_op"] == {"add": 1, "remove": 1}
    assert comparison.limits == ["1 removed and 1 added paragraphs make over 0 pairs: moves between sections are not "
                                 "looked for, so a paragraph moved to another section is reported as removed and added"]


def test_paragraphs_left_unpaired_over_the_limit_are_said(monkeypatch):
    import statdiff

    rng = random.Random(8)
    old_paragraphs = "\n    ".join(" ".join(rng.choice(WORDS) for _ in range(12)) + "." for _ in range(4))
    new_paragraphs = "\n    ".join(" ".join(rng.choice(WORDS) for _ in range(12)) + "." for _ in range(4))
    old, new = act([("10", "Notice.\n    " + old_paragraphs)]), act([("10", "Notice.\n    " + new_paragraphs)])
    assert not statdiff.diff(old, new).limits
    monkeypatch.setattr(pairing, "MAX_CONTENT_CANDIDATES", 2)
    limits = statdiff.diff(old, new).limits
    assert any(limit.startswith("815 ILCS 530/10: ") and "paragraphs match none of the other by number or text; "
               "over 2 a side they are not compared by their text" in limit for limit in limits), limits
