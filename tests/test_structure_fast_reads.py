"""What the structure stage reads a shorter way is what the longer way reads.

The notes after a citation line read without their patterns (`structure/notes.py`) are what
the patterns read: `notes_end` is `CITATION_NOTES`'s end, `from_note` and `was_note` are
`FROM_NOTE`'s and `WAS_NOTE`'s group, at every place of every text of the corpus where they
could be asked, and at the edges (a note left open, a note holding `Sec.` or a parenthesis,
a body longer than the patterns reach, notes glued on or following one another). The opening
of a `Sec.` line cut from its first characters is the opening cut from its whole text."""

from __future__ import annotations

import pytest

from statdiff.law import citations
from statdiff.model import Meta, Node, Word
from statdiff.structure import Builder, Finisher, Stream
from statdiff.structure.finish import (
    OPENING_REACH, OPENING_WORDS, _heading, _heading_in, _normal_number, _opening, _read_sec_line,
)
from statdiff.structure.notes import from_note, notes_end, was_note
from test_structure_fast_paths import TEXTS, _name, _read


def _pattern_notes_end(text: str, start: int) -> int:
    return citations.CITATION_NOTES.match(text, start).end()


def _pattern_from(text: str) -> str | None:
    match = citations.FROM_NOTE.search(text)
    return match["from"] if match else None


def _pattern_was(text: str) -> str | None:
    match = citations.WAS_NOTE.search(text)
    return match["was"] if match else None


EDGES = [
    "(1 ILCS 2/3) (from Ch. 15 1/2, par. 22.1) Sec. 3. Short title.",
    "(1 ILCS 2/3) (from Ch. 15 1/2, par. 22.1)",
    "(1 ILCS 2/3) (from Ch. 15 1/2, par. 22. Sec. 3. Short title.",
    "(1 ILCS 2/3) (from Ch. 15 1/2, par. 22.",
    "(1 ILCS 2/3) (from Ch. 15, Section 4 of the Act) Sec. 3.",
    "(1 ILCS 2/3) (from Ch. 15 (par. 4) of the Act) Sec. 3.",
    "(1 ILCS 2/3) (from Ch. 15) (was 1 ILCS 2/4) Sec. 3.",
    "(1 ILCS 2/3)(from Ch. 15)(was 1 ILCS 2/4) Sec. 3.",
    "(1 ILCS 2/3) (from Ch. 15) (Source: P.A. 90-1.)",
    "(1 ILCS 2/3) (from Ch. 15) (1 ILCS 2/4) Sec. 4.",
    "(1 ILCS 2/3) (from Ch. 15) (new) Sec. 3.",
    "(1 ILCS 2/3) (from Ch. 15)\n",
    "(1 ILCS 2/3) (from Ch. 15\n) Sec. 3.",
    "(1 ILCS 2/3) (from " + "x" * 200 + ") Sec. 3.",
    "(1 ILCS 2/3) (from " + "x" * 201 + ") Sec. 3.",
    "(1 ILCS 2/3) (from " + "x" * 300,
    "(1 ILCS 2/3) (formerly Ch. 15) Sec. 3.",
    "(1 ILCS 2/3) (was 1 ILCS 2/4) (from Ch. 15) Sec. 3.",
    "(1 ILCS 2/3) (from Ch. 15) Section 5 (from Ch. 16)",
    "(1 ILCS 2/3) (from) (from Ch. 16)",
    "(1 ILCS 2/3) (from )",
    "(1 ILCS 2/3)  (from Ch. 15) Sec. 3.",
    "(1 ILCS 2/3) Sec. 3.",
    "(1 ILCS 2/3)",
    "(1 ILCS 2/3) (rep.)",
    "(from Ch. 15) x (from Ch. 16)",
    "text with (from nothing closed",
    "(was 1 ILCS 2/4 (was 1 ILCS 2/5)",
]


@pytest.mark.parametrize("text", EDGES)
def test_the_notes_read_fast_are_the_patterns_at_the_edges(text):
    starts = [index for index, character in enumerate(text) if character in "( )"] + [0, len(text)]
    assert [notes_end(text, start) for start in starts] == [_pattern_notes_end(text, start) for start in starts]
    assert from_note(text) == _pattern_from(text)
    assert was_note(text) == _pattern_was(text)


def _citation_texts(result) -> list[str]:
    root = Node(kind="document", path="")
    Builder(Stream(result), root).run()
    Finisher(root, result).run()
    return [node.text for node in root.walk() if node.kind == "citation"]


@pytest.mark.parametrize("path", TEXTS, ids=_name)
def test_the_notes_read_fast_are_the_patterns_on_every_text(path):
    """At every `(` and after every `)` of the text (where a citation line's notes are looked
    for), `notes_end` is the pattern's; on every citation line of the built tree and on the
    text around every `(from ` and `(was `, `from_note` and `was_note` are."""
    result = _read(path)
    text = Stream(result).text
    starts = [index for index, character in enumerate(text) if character == "("]
    starts += [index + 1 for index, character in enumerate(text) if character == ")"]
    assert [notes_end(text, start) for start in starts] == [_pattern_notes_end(text, start) for start in starts]
    if result.rendering == "prose":
        lines = []
    else:
        lines = _citation_texts(result)
    for opening in ("(from ", "(was "):
        at = text.find(opening)
        while at >= 0:
            lines += [text[max(0, at - 30):at + reach] for reach in (20, 60, 250, 500)]
            at = text.find(opening, at + 1)
    assert [from_note(line) for line in lines] == [_pattern_from(line) for line in lines]
    assert [was_note(line) for line in lines] == [_pattern_was(line) for line in lines]


def _read_from(opening: str) -> Meta:
    meta = Meta()
    _read_sec_line(meta, opening)
    return meta


def _first_words(node: Node) -> str:
    """What `_opening` stands for: the node's first `OPENING_WORDS` words."""
    return " ".join(node.text.split(" ", OPENING_WORDS)[:OPENING_WORDS])


@pytest.mark.parametrize("path", TEXTS, ids=_name)
def test_a_sec_line_read_from_its_opening_is_read_as_from_its_first_words(path):
    """`_opening` (a `Sec.` line's first words, cut from its first characters when they hold
    them whole) is its first `OPENING_WORDS` words, on every node of every text; and
    `text_head` is the start of `text`, before the words are made and after."""
    result = _read(path)
    if result.rendering == "prose":
        return  # not built by the builder (`clauses.py`)
    root = Node(kind="document", path="")
    Builder(Stream(result), root).run()
    nodes = list(root.walk())
    assert [_opening(node) for node in nodes] == [_first_words(node) for node in nodes]
    limits = (0, 1, 7, OPENING_REACH)
    heads = [[node.text_head(limit) for limit in limits] for node in nodes]
    assert heads == [[node.text[:limit] for limit in limits] for node in nodes]
    for node in nodes[:50]:
        node.words  # made: the node reads its word list from now on
    assert [[node.text_head(limit) for limit in limits] for node in nodes] == heads


def _heading_node(text: str) -> Node:
    node = Node(kind="text", path="")
    node.words = [Word(word) for word in text.split(" ")]
    return node


@pytest.mark.parametrize("text", [
    "Sec. 1. " + "x" * 390 + " Heading. " + " ".join(["word"] * 30),
    "Sec. 1. " + " ".join(["Word"] * 19) + " End.", "Sec. 1. " + " ".join(["Word"] * 20) + " End.",
    "Sec. 1. " + " ".join(["Word"] * 21) + " End.", "Sec. 1. " + " ".join(["Word"] * 19) + " End. Next.",
    "Sec. 1. " + " ".join(["Word"] * 20) + " End. " + "y" * 400, "Sec. 1. " + "Long." * 80 + " Short.",
    "Sec. 1.  Double  spaced. " + " ".join(["Word"] * 30) + " End.", " Sec. 1. Leading. space.",
    "Sec. 1. (Repealed).", "Sec. 1. (Repealed). More words.", "Sec. 1.", "Sec.", "Sec. 12 Heading.",
    "Sec. 1. " + " ".join(["Word"] * 15) + " " + "z" * 300 + " End.", "Sec. 1. A" + " " * 21 + "Title.",
])
def test_a_sec_line_read_from_its_opening_at_the_edges(text):
    node = _heading_node(text)
    assert _opening(node) == _first_words(node)
    assert _read_from(_opening(node)) == _read_from(_first_words(node))


HEADING_EDGES = [
    "", "Short title.", "short title.", "5 things.", "Short title", "Definitions. In this Act:",
    "Ch. 5 of the Act. More.", "Sec. 5. Title.", "U.S. Code.", "Title ends . here.", ".", "A .",
    " ".join(["Word"] * 19) + " End.", " ".join(["Word"] * 20) + " End.", " ".join(["Word"] * 19) + " End. More.",
    " ".join(["Word"] * 25) + ".", "Title.  Spaced twice.", "Title.\tTabbed.", " Leading. space.",
    "Trailing. space. ", "No\u00a0break. here.", "Mr. Smith's Act. More.", "(Repealed).", "“Quoted” title. Then.",
]


@pytest.mark.parametrize("text", HEADING_EDGES)
def test_a_heading_found_in_the_text_is_the_heading_of_its_words_at_the_edges(text):
    assert _heading_in(text) == _heading(text.split())


@pytest.mark.parametrize("path", TEXTS, ids=_name)
def test_a_heading_found_in_the_text_is_the_heading_of_its_words_on_every_text(path):
    """At every word of every text, the words from it on (as a `Sec.` line's rest is read,
    and longer) give the same heading found in the text as split into words."""
    text = Stream(_read(path)).text
    starts = [0] + [index + 1 for index, character in enumerate(text) if character == " "][::7]
    rests = [text[start:start + reach] for start in starts for reach in (40, 160)]
    assert [_heading_in(rest) for rest in rests] == [_heading(rest.split()) for rest in rests]


def test_a_number_read_as_ascii_is_normal_number_s():
    """`_normal_number` skips the table for an ASCII number: the table maps only characters beyond ASCII."""
    table = citations._TO_ASCII_HYPHEN  # code point -> replacement
    assert table and all(not chr(code).isascii() for code in table)
    for number in ("5", "2A-1.2", "5h.5", "19B\u20115", "50\u20101", "1\u2013\u20122", ""):
        assert _normal_number(number) == citations.normal_number(number)
