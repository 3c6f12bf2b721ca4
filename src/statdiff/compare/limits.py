"""What a comparison leaves undone for the size of its input, said to the user.

Pairing by content scores every unpaired text of one side against every one of the other:
beyond a bound (`pairing.MAX_CONTENT_CANDIDATES` a side, `moves.MAX_MOVE_CANDIDATES` pairs)
it would take minutes, so it is not tried, and what it would have found (a renumbered or
moved Section, a paragraph moved to another Section) is reported as removed and added. No
exact way does it in less than that time; the comparison says so, in one line each
(`Comparison.limits`, printed as warnings), rather than leave a reader to trust a redline
that did not look.
"""

from __future__ import annotations

from statdiff.compare import moves, pairing


def sections_not_paired(old: int, new: int, old_name: str, new_name: str) -> str:
    return (f"{old} sections of {old_name} and {new} of {new_name} match no section of the other by number; "
            f"over {pairing.MAX_CONTENT_CANDIDATES:,} a side they are not compared by their text, so any renumbered "
            "or moved among them is reported as removed and added")


def nodes_not_paired(old: int, new: int, section: str) -> str:
    return (f"{section}: {old} old and {new} new paragraphs match none of the other by number or text; over "
            f"{pairing.MAX_CONTENT_CANDIDATES:,} a side they are not compared by their text, so any renumbered or moved "
            "among them is reported as removed and added")


def moves_not_sought(removed: int, added: int) -> str:
    return (f"{removed:,} removed and {added:,} added paragraphs make over {moves.MAX_MOVE_CANDIDATES:,} pairs: "
            "moves between sections are not looked for, so a paragraph moved to another section is "
            "reported as removed and added")
