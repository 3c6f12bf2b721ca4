"""A list numbered `1.` `2.` `3.` inside a numbered clause of a document that is not legislation
(`statdiff.structure.clauses`): a contract's `2. Payment ... The Client shall:` then `1. pay ...;`
`2. pay ...; and` `3. keep records.`, another State's statute's `(3) (a) ... any of the
following:` then `1.` `2.`. Read as clauses, the third item was `Clause 3` and the document's
own clause 3 (`3. Term`) `Clause 4`: an item added to the list was reported added to `Term`.
"""

from __future__ import annotations

import re
from typing import Callable, Generic, TypeVar

from statdiff.structure.clause_text import heading_after

Item = TypeVar("Item")  # the builder's open list item


class ListedNumber(Generic[Item]):
    """`1.` after a colon, or the number after a list's last item: an item of that list."""

    __slots__ = ("printed", "value", "relation", "sibling")

    def __init__(self, printed: str, value: int, relation: str, sibling: Item | None):
        self.printed, self.value, self.relation, self.sibling = printed, value, relation, sibling


def listed_number(number: re.Match[str] | None, text: str, previous: str, in_a_clause: bool,
                  relation_of: Callable[[int], tuple[str, Item | None]], text_of: Callable[[Item], str],
                  next_clause: Callable[[int], bool]) -> ListedNumber[Item] | None:
    """The list item a paragraph opening with the clause number `number` (`1.`, `2)`; none
    bare or dotted: `1.1` is a sub-clause) is, inside a numbered clause (`in_a_clause`; never in
    a markdown heading's section, whose lists are numbered afresh already, nor outside a clause:
    a preamble's `as follows:`, then clause 1). `1.` after a paragraph ending with a colon opens
    a list; the next number goes on with the list (`relation_of(value)`: how the open `(1)`
    items at the line's indent go on to it, and the item it follows), unless the item before ended
    with a period and this one opens with a heading and is the clause the document's numbering
    expects next (`next_clause`: `3. Term` after clause 2)."""
    if number is None or not in_a_clause or not number["close"] or "." in number["number"]:
        return None
    value = int(number["number"])
    relation, sibling = relation_of(value)
    if relation == "next" and sibling is not None:
        rest = text[number.end():].strip()
        if text_of(sibling).rstrip().endswith(".") and heading_after(rest) is not None and next_clause(value):
            return None
        return ListedNumber(number.group(0), value, relation, sibling)
    if value == 1 and previous.rstrip().endswith(":"):
        return ListedNumber(number.group(0), value, "first", None)
    return None
