"""A whole-replacement amendment compared with its bill.

"Amend House Bill 1633 by replacing everything after the enacting clause with the
following:" then, in quotes, the whole new body of the bill. Compared with the bill, the
amendment's instruction is no text of the bill, and the bill's title and enacting clause
are what the amendment keeps: neither is a change. Nor is the opening quotation mark of the
new body (`"Section 1. Short title.`) or its closing one (`becoming law.".`): they are the
instruction's, not the bill's. The instruction's wording is `statdiff.law.amendments`;
`statdiff.amend.parse_amendment` tells a whole replacement.

The front matter of both texts (title, enacting clause; the amendment's heading and
instruction) is listed side by side, unchanged (`kept_front_matter`), and the quotation
marks are kept alike (`Quotes.kept`, in `quotes.py` with `Replacement`: classes made only
when a whole replacement is compared): an `equal` segment on the amendment's side alone.
The two texts are searched for a truncated copy without their front matter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from statdiff.compare.units import Unit, collect_units
from statdiff.errors import StatdiffError
from statdiff.law import amendments
from statdiff.law import units as units_grammar
from statdiff.model import Document, Node, Side, Token, Word

if TYPE_CHECKING:
    from statdiff.compare.quotes import Quotes, Replacement

PREAMBLE_REACH = 120  # words at the head of a text where an amendment's preamble is looked for


def whole_replacement(old: Document, new: Document) -> Replacement | None:
    """The comparison of a bill with an amendment that replaces everything after its enacting
    clause (either way round); None otherwise (two amendments, two bills, an Act)."""
    old_amends, new_amends = _is_amendment(old), _is_amendment(new)
    if old_amends == new_amends:
        return None
    side: Side = "old" if old_amends else "new"
    amendment, bill = (old, new) if old_amends else (new, old)
    if not _opens_as_a_bill(bill):
        return None  # a copy of the amendment without its first page, a bill cut before its start
    from statdiff.amend.instructions import parse_amendment  # a large stage: loaded for amendments only

    try:
        if not parse_amendment(amendment).whole_replacement:
            return None
    except StatdiffError:
        return None
    from statdiff.compare.quotes import Replacement  # (made for an amendment only, as its class is)

    return Replacement(side, (old.root, new.root), _quotes(amendment, side))


def _opens_as_a_bill(document: Document) -> bool:
    """The text opens with a bill's front matter: its title (`AN ACT concerning ...`) or its
    enacting clause, before any section."""
    units = collect_units(document)
    if not units or units[0].node is not document.root:
        return False
    text = " ".join(word.text for word in units[0].words)
    return text.startswith(units_grammar.BILL_TITLE) or units_grammar.ENACTING_CLAUSE.search(text) is not None


def _is_amendment(document: Document) -> bool:
    head = " ".join(word.text for word in _head_words(document.root, PREAMBLE_REACH))
    return amendments.PREAMBLE.search(head) is not None


def _head_words(root: Node, count: int) -> list[Word]:
    words: list[Word] = []
    for node in root.walk():
        words.extend(node.words[:count - len(words)])
        if len(words) >= count:
            break
    return words


def _quotes(amendment: Document, side: Side) -> Quotes:
    """The nodes holding the opening and closing quotation marks of the new body: the first
    node after the front matter (the instruction), the document's last node with words."""
    from statdiff.compare.quotes import QUOTES, Quotes, quote_run

    units = collect_units(amendment)
    body = [node for unit in units if not _front(unit, amendment) for node in unit.nodes if node.has_words()]
    opening = body[0] if body and body[0].words[0].text[:1] in QUOTES else None
    closing = body[-1] if body and any(char in QUOTES for char in body[-1].words[-1].text) \
        and quote_run(_tail_tokens(body[-1].words[-1].text), opening=False) else None
    return Quotes(side, opening, closing)


def _tail_tokens(text: str) -> tuple[Token, ...]:
    from statdiff.compare.tokens import tokenize

    return tuple(tokenize([Word(text)]))


def _front(unit: Unit, document: Document) -> bool:
    return unit.node is document.root


def kept_front(unit: Unit, replacement: Replacement | None) -> bool:
    """A unit of front matter a whole replacement keeps (the bill's title and enacting
    clause) or brings (the amendment's heading and instruction): no change."""
    return replacement is not None and unit.node in replacement.fronts
