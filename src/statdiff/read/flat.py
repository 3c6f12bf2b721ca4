"""Numbered pages flattened to one physical line: the 93rd GA ftp pages (`093_SB0404sam001
LRB093 09317 BDD 14050 a 1 AMENDMENT TO SENATE BILL 404 2 AMENDMENT NO. . Amend ... -2-
LRB093 ... 1 prohibited: 2 (a) ...`) and legisnet pages whose lines ran together
(`91_HB1800 LRB9103394MWpr 1 AN ACT concerning ... -2- LRB9103394MWpr 1 a county ...`).
Every word is a piece; a word that is the line number expected next opens a printed line;
`-2- LRB...` opens page 2; the site's navigation (`[ Search ] [ Home ]`) is chrome."""

from __future__ import annotations

import re

from statdiff.model import ReadResult
from statdiff.read.common import DOC_ID, LRB, PAGE_MARKER, SITE_CHROME, TIGHT_PAGE_MARKER, VERSION_WORDS
from statdiff.read.numbering import DROPPED, HEADER, Piece, number_lines
from statdiff.read.numbered import numbered_result

# A running header run into the text (group 1 or 2: the page). The 93rd GA ftp pages print
# `-2- LRB093 09317 BDD 14050 a` (a loose `- 2 -` there stays words of the text); mirrors that
# flatten a page print the whole header, the document id first, spaced or glued
# (`HR0020 LRB104 ...`, `HR0020 - 2 - LRB104 ...`, `HR0020- 2 -LRB104 ...`, `HB1633 Enrolled -2-
# LRB094 ...`): the id, version and page marker before an LRB number are the header's, never body
# words or a line number. The id is read for the identity with the header.
_HEADER = re.compile(
    rf"(?:(?:{DOC_ID.pattern}) ?(?:{VERSION_WORDS} ?)?(?:{PAGE_MARKER.pattern} {{0,3}})?"
    rf"|(?:{TIGHT_PAGE_MARKER.pattern} {{1,3}})?)(?:{LRB.pattern})"
)
# `[ Search ] [ Legislation ]`: the legisnet site's navigation.
_NAVIGATION = re.compile(r"\[ [^\]\[]{1,40} \]")


def word_pieces(text: str) -> list[Piece]:
    pieces: list[Piece] = []
    position = 0
    text = " ".join(text.split())
    for match in _HEADER.finditer(text):
        pieces.extend(_words(text[position:match.start()]))
        page = match.group(1) or match.group(2)
        pieces.append(Piece(match.group(0), HEADER, page=int(page) if page else None))
        position = match.end()
    pieces.extend(_words(text[position:]))
    return pieces


def _words(text: str) -> list[Piece]:
    pieces: list[Piece] = []
    position = 0
    for match in _NAVIGATION.finditer(text):
        pieces.extend(Piece(word, whole=True) for word in text[position:match.start()].split())
        pieces.append(Piece(match.group(0), DROPPED, rule=SITE_CHROME))
        position = match.end()
    pieces.extend(Piece(word, whole=True) for word in text[position:].split())
    return pieces


def read(text: str, name: str) -> ReadResult:
    return numbered_result(number_lines(word_pieces(text)), "flat-ftp", name)
