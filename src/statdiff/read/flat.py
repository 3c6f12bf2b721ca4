"""93rd GA ftp pages flattened to one line: `093_SB0404sam001 LRB093 09317 BDD
14050 a 1 AMENDMENT TO SENATE BILL 404 2 AMENDMENT NO. . Amend ... -2- LRB093
... 1 prohibited: 2 (a) ...`. Every word is a piece; a word that is the line
number expected next opens a printed line; `-2- LRB...` opens page 2."""

from __future__ import annotations

import re

from statdiff.model import ReadResult
from statdiff.read.common import DOC_ID, LRB, PAGE_MARKER, Piece, number_lines
from statdiff.read.identity import read_identity, synopsis_from

_HEADER = re.compile(rf"(?:-\d{{1,4}}-\s+)?(?:{LRB.pattern})|\b\d{{3}}_(?:{DOC_ID.pattern})")


def word_pieces(text: str) -> list[Piece]:
    pieces = []
    position = 0
    for match in _HEADER.finditer(text):
        pieces.extend(Piece(word, whole=True) for word in text[position:match.start()].split())
        marker = PAGE_MARKER.match(match.group(0))
        pieces.append(Piece(match.group(0), header=True, page=int(marker.group(1)) if marker else None))
        position = match.end()
    pieces.extend(Piece(word, whole=True) for word in text[position:].split())
    return pieces


def read(text: str, name: str) -> ReadResult:
    lines, front, info = number_lines(word_pieces(text))
    identity = read_identity(info["headers"] + front, lines)
    return ReadResult(lines, "flat-ftp", identity, synopsis_from(front), name)
