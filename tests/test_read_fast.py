"""The readers' fast paths give exactly what their general paths give, on real texts.

Where a reader skips work for the usual case (a paragraph no rule can touch, a line that is
normal once stripped, a text with no invisible character), the general path it stands
beside is forced here and both readings are compared line by line and drop by drop, on
every text of `statutes/` and of `../shared/corpus/` (the whole Acts among them)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from statdiff.read import compiled, decode
from statdiff.read.common import normalize, split_lines
from statdiff.read.decode import load_text

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
TEXT_SUFFIXES = {".txt", ".csv", ".html", ".htm", ".md"}


def _texts(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.suffix.lower() in TEXT_SUFFIXES and path.is_file())


REPOSITORY_TEXTS = _texts(ROOT / "statutes")
needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason=f"the shared corpus is read from {SHARED}, which is absent (no ../shared beside the clone)"
)


def _shared_texts() -> list[Path]:
    return _texts(SHARED) if SHARED.is_dir() else []


def _reading(result) -> tuple:
    return (
        [(line.text, line.page, line.line, line.indented, line.marks) for line in result.lines],
        [(drop.rule, drop.text, drop.page, drop.line, drop.after, drop.column) for drop in result.dropped],
        result.identity,
        result.rendering,
    )


def _general_ilcs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every line through the paragraph cutter and every paragraph through every rule."""
    monkeypatch.setattr(compiled, "_plain_paragraph", lambda text, chrome_possible=True: False)
    monkeypatch.setattr(compiled, "has_rare_spaces", lambda text: True)
    monkeypatch.setattr(compiled, "normalize_long", normalize)


def _assert_ilcs_paths_agree(paths: list[Path], monkeypatch: pytest.MonkeyPatch) -> int:
    texts = [(path, load_text(path)) for path in paths]
    fast = [_reading(compiled.read_page(text, path.name)) for path, text in texts]
    flat = [_reading(compiled.read_flat(text, path.name)) for path, text in texts]
    with monkeypatch.context() as patched:
        _general_ilcs(patched)
        for (path, text), fast_page, fast_flat in zip(texts, fast, flat):
            assert _reading(compiled.read_page(text, path.name)) == fast_page, path.name
            assert _reading(compiled.read_flat(text, path.name)) == fast_flat, path.name
    return sum(len(reading[0]) for reading in fast)


def test_ilcs_page_fast_path_matches_general_path_on_repository_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(REPOSITORY_TEXTS) > 50
    assert _assert_ilcs_paths_agree(REPOSITORY_TEXTS, monkeypatch) > 1000


@needs_shared
def test_ilcs_page_fast_path_matches_general_path_on_shared_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _shared_texts()
    assert any("ElectionCode" in path.name for path in paths)
    assert _assert_ilcs_paths_agree(paths, monkeypatch) > 20_000


def test_the_fast_path_is_taken_and_skipped_where_it_must_be() -> None:
    for plain in (
        "the State Board of Elections shall", "(a) The State Board", "1. The clerk", "In the event", "Illinois law",
        "(Source: P.A. 86-1475.)", "law. (Source: P.A. 1.)",
    ):
        assert compiled._plain_paragraph(plain), plain
    for marked in (
        "(10 ILCS 5/1-1)", "(Source: P.A. 86-1475.) (10 ILCS 5/1-2)", "10 ILCS 5/1-1", "a;(Source: P.A. 2.)",
        "\u0661 ILCS 5/1", "• (815 ILCS 530/10)",
        "Illinois Compiled Statutes", "text enableWordFriendlyCopy({});", "law.(Source: P.A. 1.)",
        "x Updating the database of the Illinois Compiled Statutes (ILCS) is an ongoing process.",
    ):
        assert not compiled._plain_paragraph(marked), marked
    assert compiled._plain_paragraph("text enableWordFriendlyCopy({});", chrome_possible=False)
    assert compiled.may_hold_chrome_words("a\nUpdating\u00a0 the  database of") and not compiled.may_hold_chrome_words("updating")


def test_rare_spaces_are_every_other_whitespace() -> None:
    """`RARE_SPACES` is exactly what `str.split` splits at besides space, line end, tab, NBSP."""
    from statdiff.read.common import RARE_SPACES

    expected = "".join(c for c in map(chr, range(0x110000)) if c.isspace() and c not in " \n\t\u00a0")
    assert RARE_SPACES == expected


_OLD_INDENT_RUN = re.compile(r"(?:\u00a0 ?){2,}")


def _indent_runs_agree(paths: list[Path]) -> int:
    runs = 0
    for path in paths:
        for line in split_lines(load_text(path)):
            if "\u00a0" in line:
                old = [match.span() for match in _OLD_INDENT_RUN.finditer(line)]
                assert [match.span() for match in compiled._INDENT_RUN.finditer(line)] == old, path.name
                opening = [(start, end) for start, end in old if not ("a" <= line[end:end + 1] <= "z")]
                assert [match.span() for match in compiled._OPENING_INDENT_RUN.finditer(line)] == opening, path.name
                runs += len(old)
    return runs


def test_indent_run_pattern_finds_what_the_plain_form_finds() -> None:
    assert _indent_runs_agree(REPOSITORY_TEXTS) > 100
    for line in ("\u00a0", "\u00a0\u00a0", "a\u00a0 \u00a0 b", "\u00a0 \u00a0  \u00a0\u00a0 x\u00a0 ", " \u00a0\u00a0 "):
        assert [m.span() for m in compiled._INDENT_RUN.finditer(line)] == [
            m.span() for m in _OLD_INDENT_RUN.finditer(line)
        ]
    for line, opening in (("a\u00a0\u00a0\u00a0b", []), ("a\u00a0 \u00a0B\u00a0\u00a0c\u00a0\u00a0", [(1, 4), (8, 10)])):
        assert [m.span() for m in compiled._OPENING_INDENT_RUN.finditer(line)] == opening


@needs_shared
def test_indent_run_pattern_on_the_whole_acts() -> None:
    assert _indent_runs_agree(_shared_texts()) > 5_000


def _invisible_tests_agree(text: str) -> bool:
    found = decode._holds_invisible_or_surrogate(text)
    assert found == (decode._INVISIBLE_OR_SURROGATE.search(text) is not None), repr(text[:80])
    return found


def test_invisible_character_test_matches_the_pattern() -> None:
    """Every character the pattern finds, in ASCII, Latin-1 and wider texts, at either end."""
    invisible = [chr(code) for code in range(0x10000) if decode._INVISIBLE_OR_SURROGATE.match(chr(code))]
    assert len(invisible) > 2048  # the surrogates and the invisible characters
    for character in invisible:
        for plain in ("plain text", "caf\u00e9 text", "\u2014 text \u2014"):
            assert _invisible_tests_agree(character + plain)
            assert _invisible_tests_agree(plain + character)
    for plain in ("plain text\n", "caf\u00e9\u00a0text", "\u2014 text \u00ff", "\u00a0\u00a7 \u00b6"):
        assert not _invisible_tests_agree(plain)


def test_invisible_character_test_on_every_corpus_text() -> None:
    paths = REPOSITORY_TEXTS + _shared_texts()
    for path in paths:
        raw = path.read_bytes().decode("utf-8", errors="replace")
        _invisible_tests_agree(raw)
        _invisible_tests_agree(load_text(path))


# The plain form: a Source note's `(Source:` right after a stop, a bracket or a colon, then a
# space or the end of the text (a line that ends after the note's first word).
_OLD_GLUED_SOURCE_NOTE = re.compile(r"(?<=[.;:)\]])\(Source:(?= |$)")


def test_glued_source_note_pattern_finds_what_the_plain_form_finds() -> None:
    texts = [load_text(path) for path in REPOSITORY_TEXTS + _shared_texts()]
    texts += ["law.(Source: P.A. 1.)", "(Source: x) a;(Source: y) b](Source: z) c (Source: w) d)(Source: v)", "x((Source: ",
              "Section 22-18.(Source:", "x.(Source:P.A. 1.)"]
    glued = 0
    for text in texts:
        old = [match.span() for match in _OLD_GLUED_SOURCE_NOTE.finditer(text)]
        assert [match.span() for match in compiled._GLUED_SOURCE_NOTE.finditer(text)] == old
        glued += len(old)
    assert glued >= 4


def _detections(paths: list[Path]) -> list:
    from statdiff.read.detect import detection

    return [detection(load_text(path)) for path in paths]


def test_detection_word_filters_change_no_detection(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the word filters off (every line searched for every mark), every text of the
    repository and the shared corpus is detected with the same scores and evidence."""
    from statdiff.read import detect

    paths = [path for path in REPOSITORY_TEXTS + _shared_texts() if path.suffix != ".md"]
    filtered = _detections(paths)
    with monkeypatch.context() as patched:
        patched.setattr(detect, "_ILGA_WORDS", re.compile(""))
        patched.setattr(detect, "_BILL_WORDS", re.compile(""))
        patched.setattr(detect, "_ILCS_SITE_WORDS", "")
        assert _detections(paths) == filtered
    assert {found.rendering for found in filtered} >= {"ilcs", "numbered", "pipes", "ilcs-csv"}


def test_every_mark_holds_one_of_its_words() -> None:
    """Each mark's words are in each of its matches, on every line of the corpus and on
    made-up lines that hold each mark."""
    from statdiff.read import detect

    lines = [
        "LRB094 07564 RXD 37732 b", "LRB9215491JSpcA", "OMB103 00152 NHB 45152 b", "AN ACT concerning", "Be it enacted by the People",
        "AMENDMENT NO. 1", "AMENDMENT TO HOUSE BILL 1", "815 ILCS 530/10", "Sec. 5-1.", "Section 10.", "P.A. 94-36", "P. A. 94-36",
        "Public Act 94-36", "Public  Act 094-0036", "94th General Assembly", "(Source: P.A. 1-1.)",
        "Amend House Bill 605", "Illinois Compiled Statutes", "Updating the database of the Illinois Compiled Statutes",
    ]
    for path in REPOSITORY_TEXTS + _shared_texts():
        lines += [normalize(raw) for raw in split_lines(load_text(path))]
    marked = 0
    for line in lines:
        for words, pattern in detect._ILGA_MARKS:
            for match in re.finditer(pattern, line):
                assert any(word in match.group(0) for word in words), (pattern, match.group(0))
                marked += 1
        bill = detect._BILL_MARK.search(line.lstrip("|• "))
        assert bill is None or detect._BILL_WORDS.search(bill.group(0)), line
        site = detect._ILCS_SITE.search(line)
        assert site is None or detect._ILCS_SITE_WORDS in site.group(0), line
    assert marked > 1000


def _reference_paragraphs(raw: str) -> list[tuple[str, bool | None]]:
    """`compiled._paragraphs` as first written: every slice taken whole, the tests in order."""
    indented = raw[:1] in (" ", "\u00a0", "\t") if raw.strip() else None
    if "\u00a0" not in raw:
        return [(raw, indented)]
    paragraphs = []
    position = 0
    for run in _OLD_INDENT_RUN.finditer(raw):
        before = raw[position:run.start()].rstrip()
        after = raw[run.end():run.end() + 1]
        if not before or not after:
            continue
        if before[-1] in ".:;)\"”" and (after.isupper() or after.isdigit() or after in "(\"“"):
            paragraphs.append((raw[position:run.start()], indented))
            position = run.start()
            indented = True
    paragraphs.append((raw[position:], indented))
    return paragraphs


def test_paragraph_cutting_matches_its_reference() -> None:
    lines = ["", " ", "\u00a0", "a.\u00a0  \u00a0\u00a0A", "x." + " " * 40 + "\u00a0\u00a0(a) y", "\u00a0\u00a0(1) one;\u00a0\u00a0(2) two"]
    for path in REPOSITORY_TEXTS + _shared_texts():
        lines += split_lines(load_text(path))
    cut = 0
    for line in lines:
        paragraphs = compiled._paragraphs(line)
        assert paragraphs == _reference_paragraphs(line), line[:80]
        cut += len(paragraphs) - 1
    assert cut > 100


def _ordinary_lines_are_plain(lines: list[str]) -> int:
    """Every line `_ordinary_line` lets through is one paragraph that `_plain_paragraph` finds
    plain, whose normalised text is what the fast path makes of it."""
    ordinary = 0
    for line in lines:
        text = line.strip()
        for chrome_possible in (True, False):
            if not text or not compiled._ordinary_line(text, chrome_possible):
                continue
            ordinary += chrome_possible
            assert compiled._paragraphs(line) == [(line, line[:1] in (" ", "\u00a0", "\t"))], line[:80]
            assert compiled._plain_paragraph(normalize(line), chrome_possible), line[:80]
            assert normalize(line) == (" ".join(text.split()) if "  " in text or "\t" in text else text), line[:80]
    return ordinary


def test_ordinary_lines_are_plain_paragraphs() -> None:
    made_up = [
        "\u00a0\u00a0Illinois  Compiled Statutes", "  \u2022 (815 ILCS 530/10)", " (10 ILCS 5/1-1)", "law.(Source:\tP.A. 1.)",
        "(Source: P.A. 1.)", "\u00a0\u00a0Because  the statute database", "x enableWordFriendlyCopy({});",
        "Information maintained by the Legislative Reference Bureau",
        "a.\u00a0\u00a0(b) b", "\u00a0\u00a0\u00a0\u00a0(a) The  clerk\tshall", "  the clerk", "\u00a0 In Illinois",
    ]
    assert _ordinary_lines_are_plain(made_up) == 4
    assert _ordinary_lines_are_plain([line for path in REPOSITORY_TEXTS for line in split_lines(load_text(path))]) > 1000


@needs_shared
def test_ordinary_lines_are_plain_paragraphs_in_the_whole_acts() -> None:
    assert _ordinary_lines_are_plain([line for path in _shared_texts() for line in split_lines(load_text(path))]) > 20_000


def _line_ends_agree(text: str) -> bool:
    assert decode._lf_line_ends(text) == text.replace("\r\n", "\n").replace("\r", "\n"), repr(text[:80])
    return "\r" in text


def test_line_ends_are_what_the_two_replaces_give() -> None:
    for text in ("a\r\nb", "a\rb", "a\r\n\rb\r", "a\r\r\nb", "\r", "\r\n\r\n", "\n\r", "x"):
        _line_ends_agree(text)
    # CRLF only, in texts of one byte a character (deleted as bytes) and wider ones (as text)
    for text in ("caf\u00e9\u00a0\r\n\u00ff\r\n", "\u2014 a\r\nb \u00e9\r\n", "\r\n\U0001f600\r\n", "\u00e9\r\n" * 3 + "\u0100"):
        assert _line_ends_agree(text) and "\r" not in decode._lf_line_ends(text)
    raws = [decode._decode(path.read_bytes(), path.name) for path in REPOSITORY_TEXTS + _shared_texts()]
    assert sum(_line_ends_agree(raw) for raw in raws) >= 1


_OLD_CODE_TOKEN = re.compile(r"""[(){}\[\]]|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`""")


def test_code_token_pattern_finds_what_the_plain_form_finds() -> None:
    """The script's tokens (brackets, string literals) as the one-branch-a-character pattern
    finds them, on every corpus text and on literals with escapes, line ends and no end."""
    texts = [load_text(path) for path in REPOSITORY_TEXTS + _shared_texts()]
    texts += ["f('a\\'b', \"c\\\"d\", `e\\`\nf`) 'open\n' \"x\\\ny\" `g\\\nh` '\\", "enableWordFriendlyCopy({ a: '}' });"]
    tokens = 0
    for text in texts:
        old = [(match.span(), match.group()) for match in _OLD_CODE_TOKEN.finditer(text)]
        assert [(match.span(), match.group()) for match in compiled._CODE_TOKEN.finditer(text)] == old
        tokens += len(old)
    assert tokens > 1000


def test_body_counts_the_words_before_each_drop() -> None:
    """`Body.words` counted when a drop asks is what counting at each line gives."""
    from statdiff.model import BodyLine
    from statdiff.read.common import Body

    body = Body()
    body.drop("site chrome", "front")
    body.add(BodyLine("one two"))
    body.add(BodyLine(""))
    body.extend([BodyLine("three"), BodyLine("four five six")])
    body.drop("site chrome", "middle")
    body.drop("site chrome", "  ")
    body.extend([])
    body.add(BodyLine("seven"))
    body.drop("site chrome", "end")
    assert [(drop.text, drop.after) for drop in body.dropped] == [("front", 0), ("middle", 6), ("end", 7)]
    assert body.words == 7


def _simply_spaced_agree(texts: list[str]) -> int:
    """`normalize_simply_spaced` is `normalize` on every text without rare spaces; the count of
    texts it had to make single-spaced."""
    from statdiff.read.common import has_rare_spaces, normalize_simply_spaced

    respaced = 0
    for text in texts:
        if has_rare_spaces(text):
            continue
        normal = normalize(text)
        assert normalize_simply_spaced(text) == normal, text[:80]
        respaced += normal != text.strip()
    return respaced


def test_simply_spaced_normalising_is_normalize() -> None:
    made_up = [
        "", " ", "\u00a0", "\t", "\n", "a", " a ", "a  b", "a\u00a0b", "a\tb", "a\nb", "a \u00a0 \u00a0 b",
        "\u00a0\u00a0(a) one;\u00a0\u00a0 \u00a0(b)  two\t\tthree\n\nfour   ", "a" + " " * 9 + "b" + "\u00a0" * 7 + "c",
        "caf\u00e9\u00a0\u00a0\u2014  x", "\t \u00a0\n \u00a0\t", "  x  ", "x \t\u00a0\n y",
    ]
    assert _simply_spaced_agree(made_up) == 9
    texts = [load_text(path) for path in REPOSITORY_TEXTS]
    lines = [line for text in texts for line in split_lines(text)]
    paragraphs = [paragraph for line in lines for paragraph, _ in compiled._paragraphs(line)]
    assert _simply_spaced_agree(texts + lines + paragraphs) > 1000


@needs_shared
def test_simply_spaced_normalising_is_normalize_on_the_whole_acts() -> None:
    texts = [load_text(path) for path in _shared_texts()]
    lines = [line for text in texts for line in split_lines(text)]
    paragraphs = [paragraph for line in lines for paragraph, _ in compiled._paragraphs(line)]
    assert _simply_spaced_agree(texts + lines + paragraphs) > 4_000


def test_detection_prefilters_hold_every_match() -> None:
    """Detection tries `_LEADING_NUMBER` only on a line opening with an ASCII digit and
    `_TIGHT_MARKER_WORD` only on one holding ` -` or opening with `-`: every match, on every
    corpus line and on made-up ones, is on such a line."""
    from statdiff.read import detect

    raws = ["1 AN ACT", "  12\u00a0text", "\u0661 x", "\u00a0 3 x", "-2-", "x -2- y", "x-2- y", "1-1-06", "", "  "]
    for path in REPOSITORY_TEXTS + _shared_texts():
        raws += split_lines(load_text(path))
    leading = tight = 0
    for raw in raws:
        opening = raw.lstrip(" ")
        if detect._LEADING_NUMBER.match(opening):
            assert "0" <= opening[:1] <= "9", raw
            leading += 1
        line = normalize(raw)
        if line and detect._TIGHT_MARKER_WORD.search(line):
            assert " -" in line or line[0] == "-", raw
            tight += 1
    assert leading > 1000 and tight >= 2
