"""Alignment: identity first, then content over what is left; moves and unpaired items."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from statdiff.compare.pairing import CONTENT, IDENTITY, align, best_pairs


def texts(pairs):
    return [(p.old[0] if p.old else None, p.new[0] if p.new else None, p.how, p.moved) for p in pairs]


def run(old, new):
    return align(old, new, keys=(lambda item: item[0],), text=lambda item: item[1])


SHORT = ("1", "This Act may be cited as the Personal Information Protection Act.")
DEFS = ("5", "In this Act: Data Collector may include government agencies and universities.")
NOTICE = ("10", "Any data collector that owns or licenses personal information shall notify the resident.")
PENALTY = ("12", "A violation of this Act constitutes an unlawful practice under the Consumer Fraud Act.")


def test_identity_pairs_in_reading_order():
    assert texts(run([SHORT, DEFS, NOTICE], [SHORT, DEFS, NOTICE])) == [
        ("1", "1", IDENTITY, False), ("5", "5", IDENTITY, False), ("10", "10", IDENTITY, False),
    ]


def test_unpaired_old_item_stays_where_it_was_and_new_item_is_added():
    new_section = ("20", "Entirely new duties of state agencies to report breaches to the General Assembly.")
    assert texts(run([SHORT, DEFS, NOTICE], [SHORT, NOTICE, new_section])) == [
        ("1", "1", IDENTITY, False), ("5", None, "", False), ("10", "10", IDENTITY, False), (None, "20", "", False),
    ]


def test_renumbered_item_pairs_by_content():
    renumbered = ("15", NOTICE[1].replace("resident", "resident promptly"))
    pairs = run([SHORT, NOTICE], [SHORT, renumbered])
    assert texts(pairs) == [("1", "1", IDENTITY, False), ("10", "15", CONTENT, False)]
    assert 60 <= pairs[1].score < 100


def test_content_below_cutoff_does_not_pair():
    assert texts(run([NOTICE], [("11", PENALTY[1])])) == [("10", None, "", False), (None, "11", "", False)]


def test_moved_item_is_the_one_out_of_order():
    pairs = run([SHORT, DEFS, NOTICE, PENALTY], [DEFS, NOTICE, SHORT, PENALTY])
    assert texts(pairs) == [
        ("5", "5", IDENTITY, False), ("10", "10", IDENTITY, False), ("1", "1", IDENTITY, True),
        ("12", "12", IDENTITY, False),
    ]


def test_best_content_match_wins():
    old = [("a", "notify the owner or licensee of the information of any breach"),
           ("b", "notify the owner of any breach")]
    new = [("x", "notify the owner of any breach immediately"),
           ("y", "notify the owner or licensee of the information of any breach immediately")]
    assert texts(run(old, new)) == [("b", "x", CONTENT, True), ("a", "y", CONTENT, False)]


def test_best_pairs_takes_the_best_match_first_and_each_text_once():
    old = [NOTICE[1], DEFS[1]]
    new = [DEFS[1].replace("universities", "colleges"), NOTICE[1], NOTICE[1].replace("resident", "residents")]
    assert [(i, j) for i, j, _ in best_pairs(old, new, 60.0)] == [(0, 1), (1, 0)]
    assert all(score >= 60.0 for *_, score in best_pairs(old, new, 60.0))


def test_best_pairs_skips_a_refused_pair_and_leaves_both_texts_free():
    old = [NOTICE[1], DEFS[1]]
    new = [NOTICE[1], NOTICE[1].replace("resident", "residents")]
    assert [(i, j) for i, j, _ in best_pairs(old, new, 60.0, allowed=lambda i, j: j != 0)] == [(0, 1)]
    assert best_pairs([], new, 60.0) == [] and best_pairs(old, [], 60.0) == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text("abc ", max_size=12), max_size=6), st.lists(st.text("abc ", max_size=12), max_size=6))
def test_best_pairs_is_greedy_best_first_over_the_cutoff(old, new):
    pairs = best_pairs(old, new, 50.0)
    assert len({i for i, _, _ in pairs}) == len(pairs) == len({j for _, j, _ in pairs})
    assert [score for *_, score in pairs] == sorted((score for *_, score in pairs), reverse=True)
    for i, j, score in pairs:
        assert score == pytest.approx(fuzz.ratio(old[i], new[j]), abs=1e-4) and score >= 50.0  # cdist: float32
