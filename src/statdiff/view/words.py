"""Which tokens of a run a reader sees as one printed word.

The tokenizer cuts a compound after its hyphen between letters (`one-` `time`, so that a
line broken there compares alike): an output that counts or cuts words (the terminal's
context, `…` beside a change) must keep those pieces together. It asks the tokenizer's own
rule (`compare.tokens.continues_compound`), never a restatement of it, so the two cannot
disagree at the edges (`24-hour`, a hyphen after a digit, is one token and no compound;
`1-1- 21`, a number printed broken after its hyphen, is one token already).
"""

from __future__ import annotations

from typing import Sequence

from statdiff.compare.tokens import continues_compound, printed_without_spaces
from statdiff.model import Token


def word_starts(tokens: Sequence[Token]) -> list[int]:
    """The index of each token that does not go on a compound the token before it began
    (`time` after `one-`)."""
    return [index for index, token in enumerate(tokens)
            if not (index and not token.space_before and continues_compound(tokens[index - 1].text, token.text))]


def between_sides(old_text: str, new_text: str) -> str:
    """What an inline redline prints between a replacement's struck old text and its inserted
    new text: a space, that the two read apart (`<del>Sec.</del> <ins>Section</ins>`); none
    between characters of a script printed without spaces (`<del>三</del><ins>六</ins>`)."""
    if old_text and new_text and printed_without_spaces(old_text[-1]) and printed_without_spaces(new_text[0]):
        return ""
    return " "
