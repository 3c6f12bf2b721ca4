"""Alignment: identity first, then content over what is left; moves and unpaired items."""

from statdiff.align import CONTENT, IDENTITY, align


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
