"""The Python API: statdiff.parse and statdiff.diff on paths, texts and Documents."""

from __future__ import annotations

from pathlib import Path

import pytest

import statdiff
from statdiff.model import Comparison, Document

ROOT = Path(__file__).resolve().parent.parent
THROUGH_947 = ROOT / "statutes/pipa/815ILCS530_through_PA094-0947.txt"
HB0605 = ROOT / "statutes/seeds/002_524df963b8163e99.txt"


def test_parse_accepts_a_path_a_path_string_and_a_text():
    by_path = statdiff.parse(HB0605)
    by_string = statdiff.parse(str(HB0605))
    by_text = statdiff.parse(HB0605.read_text(encoding="utf-8"), name=str(HB0605))
    assert isinstance(by_path, Document)
    assert [w.text for w in by_path.root.all_words()] == [w.text for w in by_string.root.all_words()]
    assert [w.text for w in by_path.root.all_words()] == [w.text for w in by_text.root.all_words()]
    assert by_path.identity.bill == "HB0605"


@pytest.mark.parametrize("mistyped", ["bills/hb0605.txt", "hb0605.txt", "old/Act.HTML", "C:\\bills\\hb.txt"])
def test_a_mistyped_path_is_a_missing_file_not_a_text(mistyped):
    with pytest.raises(statdiff.StatdiffError, match="no such file"):
        statdiff.parse(mistyped)


def test_diff_of_two_mistyped_paths_fails_instead_of_comparing_the_names():
    with pytest.raises(statdiff.StatdiffError, match="no such file"):
        statdiff.diff("a/typo1.txt", "a/typo2.txt")


@pytest.mark.parametrize("text", ["Sec. 5. Definitions. In this Act:", "hello", "(a) The Department shall act."])
def test_a_short_text_is_parsed_as_text(text):
    document = statdiff.parse(text)
    assert [w.text for w in document.root.all_words()] == text.split()


def test_diff_is_callable_again_after_the_compare_stage_is_imported():
    import statdiff.compare  # noqa: F401  (no module of statdiff shares the function's name)

    first = statdiff.diff(THROUGH_947, HB0605)
    second = statdiff.diff(THROUGH_947, HB0605)
    assert isinstance(second, Comparison)
    assert [c.to_json() for c in first.changes] == [c.to_json() for c in second.changes]
    assert len(first.changes) == 7


def test_diff_accepts_parsed_documents():
    old, new = statdiff.parse(THROUGH_947), statdiff.parse(HB0605)
    assert len(statdiff.diff(old, new).changes) == 7


# --- what a source may be ----------------------------------------------------------------------


class NotePath:
    """An os.PathLike that is not a pathlib.Path."""

    def __init__(self, path):
        self.path = path

    def __fspath__(self):
        return str(self.path)


def words(document: Document) -> list[str]:
    return [w.text for w in document.root.all_words()]


def test_an_os_pathlike_bytes_and_a_bytearray_are_accepted():
    expected = words(statdiff.parse(HB0605))
    assert words(statdiff.parse(NotePath(HB0605))) == expected
    assert words(statdiff.parse(HB0605.read_bytes())) == expected
    assert words(statdiff.parse(bytearray(HB0605.read_bytes()))) == expected


def test_bytes_are_decoded_as_a_file_is():
    cp1252 = "Sec. 5. \u201cBreach\u201d \u2013 \u00a7 10.".encode("cp1252")
    assert words(statdiff.parse(cp1252)) == ["Sec.", "5.", "\u201cBreach\u201d", "\u2013", "\u00a7", "10."]
    with pytest.raises(statdiff.StatdiffError, match=r"^<bytes>: this is a PDF file, not text"):
        statdiff.parse(b"%PDF-1.7\n")
    with pytest.raises(statdiff.StatdiffError, match=r"^hb.pdf: this is a PDF file"):
        statdiff.parse(b"%PDF-1.7\n", name="hb.pdf")


def test_a_document_is_returned_as_it_is():
    document = statdiff.parse(HB0605)
    assert statdiff.parse(document) is document


@pytest.mark.parametrize("source", [None, 3, 2.5, ["Sec. 5."], {"a": 1}, object()], ids=repr)
def test_anything_else_is_a_statdiff_error_naming_what_is_accepted(source):
    expected = (f"statdiff.parse: expected a file path (str or os.PathLike), a text (str), its bytes, "
                f"or a parsed Document, not {type(source).__name__}")
    with pytest.raises(statdiff.StatdiffError) as caught:
        statdiff.parse(source)
    assert str(caught.value) == expected


def test_an_open_file_is_refused_with_a_hint():
    with open(HB0605, encoding="utf-8") as handle, pytest.raises(statdiff.StatdiffError, match="pass the file's path, or its contents"):
        statdiff.diff(handle, HB0605)


@pytest.mark.parametrize("path", ["bills/hb\x000605.txt", Path("bills/hb\x000605.txt"), NotePath("a\x00.txt")],
                         ids=["str", "Path", "PathLike"])
def test_a_path_with_a_nul_is_refused(path):
    with pytest.raises(statdiff.StatdiffError, match=r"\?.*: not a file name \(it contains a NUL character\)$"):
        statdiff.parse(path)


def test_a_path_with_a_lone_surrogate_is_refused_and_an_undecodable_byte_is_a_name():
    with pytest.raises(statdiff.StatdiffError, match="not a file name .it contains a lone surrogate"):
        statdiff.parse("bills/hb\ud8000605.txt")
    with pytest.raises(statdiff.StatdiffError, match=r"^bills/hb\ufffd0605.txt: no such file$"):
        statdiff.parse("bills/hb\udcff0605.txt")  # byte 0xFF in a file name, as os.listdir gives it


@pytest.mark.parametrize("length", [300, 5000, 100_000])
def test_a_path_too_long_to_be_a_file_name_fails_as_a_file_never_as_text(length):
    with pytest.raises(statdiff.StatdiffError) as caught:
        statdiff.parse("x" * length + ".txt")
    assert str(caught.value).endswith(": cannot open (file name too long)")
    assert len(str(caught.value)) < 400  # the name is shortened in the message


def test_a_text_with_a_lone_surrogate_or_a_nul_is_read():
    document = statdiff.parse("Sec. 5. Data\ud800 collector\x00 means.")
    assert words(document) == ["Sec.", "5.", "Data\ufffd", "collector", "means."]


def test_a_name_that_is_not_a_string_is_refused():
    with pytest.raises(statdiff.StatdiffError, match="^statdiff.parse: name must be a str, not int$"):
        statdiff.parse("Sec. 5. Definitions.", name=3)
