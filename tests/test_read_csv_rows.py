"""The statutes CSV read by string searches (`csvrows.simple_rows`) is what `csv.reader`
reads, wherever it does not decline; and a flattened Act's lines counted whole
(`Body.extend_cut`) are counted as line by line."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from statdiff.model import BodyLine
from statdiff.read import compiled
from statdiff.read.common import Body, normalize, split_normalized
from statdiff.read.csvrows import simple_rows
from statdiff.read.decode import load_text

ROOT = Path(__file__).resolve().parent.parent
CSV_FILES = sorted(ROOT.glob("statutes/**/*.csv")) + sorted((ROOT.parent / "shared" / "corpus").glob("**/*.csv"))


def _reader_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_every_corpus_csv_is_read_by_searches_as_csv_reader_reads_it() -> None:
    assert CSV_FILES, "statutes/ holds the chapter 620 CSV"
    if len(load_text(CSV_FILES[0])) >= csv.field_size_limit():
        csv.field_size_limit(10**9)
    for path in CSV_FILES:
        text = load_text(path).lstrip("\ufeff")
        rows = simple_rows(text)
        assert rows is not None, path  # a real statutes CSV takes the fast path
        assert rows == _reader_rows(text), path
        assert sum(len(row) for row in rows) > 50


# Texts made of the characters that matter to a CSV reader, and a few others.
_CSV_PIECES = st.sampled_from(["a", "b c", ",", '"', '""', "\n", "\n\n", " ", "\r", "\r\n", "é", ",,", '","'])


@settings(max_examples=3000, deadline=None)
@given(st.lists(_CSV_PIECES, max_size=24).map("".join))
def test_simple_rows_are_csv_reader_rows_or_declined(text: str) -> None:
    rows = simple_rows(text)
    if rows is not None:
        assert rows == _reader_rows(text)


def test_simple_rows_reads_the_shapes_of_a_csv() -> None:
    cases = [
        "", "a", "a\n", "a,b\nc,d", "a,\n", "a,", ",", "\n", "a\n\nb\n", '""', '"",""\n',
        '"x ""q"" y",z', '"one\ntwo",3\n', 'a"b,c', 'a,"b"\n"c",d', '"""",""""""',
    ]
    for text in cases:
        assert simple_rows(text) == _reader_rows(text), repr(text)


def test_simple_rows_declines_what_it_cannot_read_the_same() -> None:
    for text in ('"never closed', '"closed"then more', "a\r\nb", "a\rb", "a\0b", 'x,"y" ,z'):
        assert simple_rows(text) is None, repr(text)


def test_the_csv_reading_is_the_same_with_and_without_the_fast_rows(monkeypatch) -> None:
    texts = [load_text(path) for path in CSV_FILES]
    fast = [compiled.csv_text_cells(text) for text in texts]
    monkeypatch.setattr(compiled, "simple_rows", lambda text: None)
    assert [compiled.csv_text_cells(text) for text in texts] == fast


def test_a_text_cut_into_lines_counts_the_words_of_its_lines() -> None:
    """`extend_cut` counts a text's words whole; the drops after it say what counting
    each line gives, on every Act of the chapter 620 CSV."""
    acts = [normalize(cell) for path in CSV_FILES for cell in compiled.csv_text_cells(load_text(path))]
    cut, by_line = Body(), Body()
    for act in acts:
        cut.extend_cut(act)
        by_line.extend([BodyLine(part) for part in split_normalized(act)])
        cut.drop("site chrome", "after an Act")
        by_line.drop("site chrome", "after an Act")
    assert [line.text for line in cut.lines] == [line.text for line in by_line.lines]
    assert [drop.after for drop in cut.dropped] == [drop.after for drop in by_line.dropped]
    assert cut.words == by_line.words == sum(len(act.split()) for act in acts) > 10_000


def test_a_cut_text_after_uncounted_lines_is_counted_when_asked() -> None:
    body = Body()
    body.extend([BodyLine("one two")])  # not counted yet: no drop asked
    body.extend_cut("(1) three four. (2) Five")
    body.extend_cut("")
    body.drop("site chrome", "end")
    assert body.dropped[0].after == 7 and len(body.lines) == 3


def test_a_stripped_slice_is_the_slice_stripped() -> None:
    from statdiff.read.compiled import _stripped_slice

    texts = ["", " ", "a", " a b ", "\u00a0 x\t\n", "  two  spaces  ", "\u2003em\u3000"]
    for text in texts:
        for start in range(len(text) + 1):
            for end in range(len(text) + 1):
                assert _stripped_slice(text, start, end) == text[start:end].strip(), (text, start, end)
