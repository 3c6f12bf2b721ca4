"""Decoding without whole-text copies: the Latin-1 test and the deletion of CRs made block by
block (`decode._fits_in_a_byte`, `decode._without_crs`) give what they give on the whole
text, and the line ends are what the two replaces give, on every corpus text and on texts
made to straddle the blocks."""

from __future__ import annotations

from pathlib import Path

from statdiff.read import decode
from statdiff.read.decode import load_text

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = {".txt", ".csv", ".html", ".htm", ".md"}
TEXTS = sorted(
    path
    for folder in (ROOT / "statutes", ROOT.parent / "shared" / "corpus")
    if folder.is_dir()
    for path in folder.rglob("*")
    if path.suffix.lower() in SUFFIXES and path.is_file()
)


def _fits_whole(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def test_the_block_by_block_latin1_test_is_the_whole_text_test() -> None:
    block = decode._BLOCK
    made = ["", "abc", "\u00a0" * 3, "x" * (3 * block)]
    for wide in ("\u2014", "\U0001f600", "\ufeff"):
        for at in (0, block - 1, block, block + 1, 3 * block - 1):
            made.append("é" * at + wide + "a" * 10)
    corpus = [decode._decode(path.read_bytes(), path.name) for path in TEXTS]
    assert any(len(text) > 2 * block for text in corpus) and any(not _fits_whole(text) for text in corpus)
    for text in made + corpus:
        assert decode._fits_in_a_byte(text) == _fits_whole(text), repr(text[:60])


def test_loaded_texts_have_lf_line_ends_only() -> None:
    for path in TEXTS:
        raw = decode._decode(path.read_bytes(), path.name)
        assert decode._lf_line_ends(raw) == raw.replace("\r\n", "\n").replace("\r", "\n")
        assert "\r" not in load_text(path)


def test_crs_deleted_block_by_block_are_the_crs_deleted_from_the_whole_text() -> None:
    block = decode._BLOCK
    made = ["", "\r", "a\r\nb", "\r\n" * block]
    for wide in ("", "\u2014", "\U0001f600"):
        for at in (0, block - 1, block, block + 1, 2 * block + 5):
            made.append("é\r\n" * (at // 3) + "x" * (at % 3) + "\r" + wide + "\r\n" + "tail\r\n" * 3)
    corpus = [decode._decode(path.read_bytes(), path.name) for path in TEXTS]
    assert sum("\r" in text for text in corpus) >= 1
    for text in made + corpus:
        assert decode._without_crs(text) == text.replace("\r", ""), repr(text[:60])


def test_a_wide_text_loses_its_crs_holding_two_copies_of_it_at_most() -> None:
    """Curly quotes make a text two bytes a character; its blocks and their join held three
    copies at the peak (the 50 MB Windows-1252 case of bench_pathological: 315 MB); one
    replace holds two. Measured as Python's allocations (tracemalloc), not as time."""
    import tracemalloc

    text = ("\u201cquoted\u201d line of a Windows file\r\n" * (8 * decode._BLOCK // 30))
    size = len(text.encode("utf-16-le"))  # what the text holds, two bytes a character
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        result = decode._lf_line_ends(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result == text.replace("\r\n", "\n")
    assert peak < 1.2 * size
