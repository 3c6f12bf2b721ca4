"""93rd GA ftp pages flattened to one line: `093_SB0404sam001 LRB093 09317 BDD
14050 a 1 AMENDMENT TO SENATE BILL 404 2 AMENDMENT NO. . Amend ... -2- LRB093
... 1 prohibited: 2 (a) ...`. Every word is a piece; a word that is the line
number expected next opens a printed line; `-2- LRB...` opens page 2."""

from __future__ import annotations

import re

from statdiff.model import ReadResult
from statdiff.read.common import LRB, TIGHT_PAGE_MARKER, Piece, number_lines
from statdiff.read.identity import read_identity, synopsis_from

# `-2- LRB093 09317 BDD 14050 a` (group 1: the page). The document id that opens
# the text (`093_SB0404sam001`) stays a word: it is front matter, read for the identity.
_HEADER = re.compile(rf"(?:{TIGHT_PAGE_MARKER.pattern}\s+)?(?:{LRB.pattern})")


def word_pieces(text: str) -> list[Piece]:
    pieces = []
    position = 0
    for match in _HEADER.finditer(text):
        pieces.extend(Piece(word, whole=True) for word in text[position:match.start()].split())
        page = match.group(1)
        pieces.append(Piece(match.group(0), header=True, page=int(page) if page else None))
        position = match.end()
    pieces.extend(Piece(word, whole=True) for word in text[position:].split())
    return pieces


def read(text: str, name: str) -> ReadResult:
    lines, front, info = number_lines(word_pieces(text))
    identity = read_identity(info["headers"] + front, lines)
    return ReadResult(lines, "flat-ftp", identity, synopsis_from(front), name)
