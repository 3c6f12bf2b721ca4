"""The prose reader places each drop among the body words (`Drop.after`) by looking only at
the lines that drop something and counting the words of the lines between (`prose._placed`).
The rule it must keep is the plain one, written out here line by line over every source line:
the two agree on every document fixture and on texts whose drops sit far apart."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from statdiff.model import Drop
from statdiff.read.common import split_lines
from statdiff.read.prose import _Lexer, _placed, page_furniture

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TEXTS = sorted(FIXTURES.joinpath("documents").iterdir()) + sorted(
    path for path in FIXTURES.joinpath("real-documents").iterdir() if path.suffix in (".md", ".txt", ".rst"))


def placed_line_by_line(dropped: list[Drop], raw_lines: list[str]) -> list[Drop]:
    """Every source line in turn: its drops masked out, its words counted."""
    placed: list[Drop] = []
    words_before = 0
    for number, raw in enumerate(raw_lines, start=1):
        drops = sorted((drop for drop in dropped if (drop.line or 0) == number), key=lambda drop: drop.column or 0)
        masked = raw
        for drop in drops:
            start = drop.column or 0
            masked = masked[:start] + " " * len(drop.text) + masked[start + len(drop.text):]
        starts = [match.start() for match in re.finditer(r"\S+", masked)]
        for drop in drops:
            placed.append(replace(drop, after=words_before + sum(1 for start in starts if start < (drop.column or 0))))
        words_before += len(starts)
    return placed


def lexed_drops(text: str) -> tuple[list[Drop], list[str]]:
    raw_lines = split_lines(text)
    lexer = _Lexer(raw_lines, page_furniture(raw_lines))
    lexer.run()
    return lexer.dropped, raw_lines


@pytest.mark.parametrize("path", TEXTS, ids=lambda path: path.name)
def test_drops_are_placed_as_line_by_line_counting_places_them(path):
    dropped, raw_lines = lexed_drops(path.read_text(encoding="utf-8"))
    assert _placed(dropped, raw_lines) == placed_line_by_line(dropped, raw_lines)


def test_the_fixtures_drop_markup_on_many_lines():
    lines = {drop.line for path in TEXTS for drop in lexed_drops(path.read_text(encoding="utf-8"))[0]}
    assert len(lines) > 50


@pytest.mark.parametrize("text", [
    "# Title\n" + "\n" * 5000 + "word " * 3 + "\n---\n" + "more words here\n" * 200 + "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "plain words\u2003with\u00a0odd spaces\n" * 50 + "> quoted\n" + "\n\n" + "- item one\n- item two\n",
    "no markup at all\n" * 100,
], ids=["far-apart", "unicode-spaces", "no-drops"])
def test_drops_far_apart_and_unicode_spaces(text):
    dropped, raw_lines = lexed_drops(text)
    assert _placed(dropped, raw_lines) == placed_line_by_line(dropped, raw_lines)
