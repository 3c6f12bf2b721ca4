"""Bytes to text: encodings, text shapes, binary and empty files, paths, size limits."""

from __future__ import annotations

import codecs
import gzip
import io
import os
import threading
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from statdiff.errors import StatdiffError
from statdiff.read import decode
from statdiff.read.decode import decode_bytes, load_text, normalise_text

STATUTES = Path(__file__).resolve().parent.parent / "statutes"
HB0605 = STATUTES / "seeds" / "002_524df963b8163e99.txt"  # NBSP-indented 95th GA bill
SB731_PIPES = STATUTES / "seeds" / "003_80d6f31b0979e4b4.txt"
PIPA_2006 = STATUTES / "pipa" / "815ILCS530_through_PA094-0947.txt"
CORPUS = [HB0605, SB731_PIPES, PIPA_2006, STATUTES / "seeds" / "004_b7c007cf1e6f9ae7.txt"]

# A real sentence of 815 ILCS 530 with the characters Word puts in: curly quotes,
# a section sign and an en dash.
STATUTE_LINE = "Sec. 5. Definitions. \u201cData collector\u201d \u2013 see \u00a7 530/10 of the Act\u2019s text."


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refusal(tmp_path: Path, name: str, data: bytes) -> str:
    with pytest.raises(StatdiffError) as caught:
        load_text(write(tmp_path, name, data))
    message = str(caught.value)
    assert "\n" not in message
    return message


# --- encodings ----------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252"])
def test_statute_line_decodes_the_same_in_every_encoding(tmp_path, encoding):
    path = write(tmp_path, "bill.txt", (STATUTE_LINE + "\n").encode(encoding))
    assert load_text(path) == STATUTE_LINE + "\n"


def test_windows_1252_punctuation_is_not_mojibake():
    data = b"\x93Breach\x94 \x96 \xa7 10 \x85 it\x92s"
    assert decode_bytes(data) == "\u201cBreach\u201d \u2013 \u00a7 10 \u2026 it\u2019s"


def test_utf8_file_with_a_few_windows_1252_bytes_keeps_its_utf8():
    data = "\u00a7 5 \u201cbreach\u201d".encode("utf-8") + b" and \x93notice\x94"
    assert decode_bytes(data) == "\u00a7 5 \u201cbreach\u201d and \u201cnotice\u201d"


def test_bytes_undefined_in_windows_1252_become_replacement_characters_not_latin1():
    assert decode_bytes(b"a \x81 b \x9d c") == "a \ufffd b \ufffd c"


def test_utf8_cut_off_mid_character_drops_only_that_character():
    data = STATUTE_LINE.encode("utf-8")
    cut = data[: data.index("\u00a7".encode()) + 1]  # first byte of the two-byte section sign
    assert decode_bytes(cut) == STATUTE_LINE[: STATUTE_LINE.index("\u00a7")]


def test_utf16_cut_off_at_an_odd_byte_keeps_the_rest():
    data = "Sec. 10. Notice.".encode("utf-16")[:-1]
    assert decode_bytes(data) == "Sec. 10. Notice"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_found_by_its_nul_pattern(encoding):
    text = HB0605.read_text(encoding="utf-8")
    assert decode_bytes(text.encode(encoding)) == text


def test_html_meta_charset_is_honoured():
    html = '<html><head><meta charset="iso-8859-2"></head><body>\u0141\u00f3d\u017a</body></html>'
    assert decode_bytes(html.encode("iso-8859-2")) == html


def test_html_http_equiv_latin1_means_windows_1252():
    head = b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    assert decode_bytes(head + b"\x93Sec. 5\x94").endswith("\u201cSec. 5\u201d")


def test_html_that_declares_the_wrong_charset_is_decoded_from_its_bytes():
    html = '<html><meta charset="ascii"><p>\u00a7 5 \u201cbreach\u201d</p></html>'
    assert decode_bytes(html.encode("utf-8")) == html


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_real_corpus_reads_unchanged(path):
    assert load_text(path) == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_real_corpus_reads_the_same_whatever_it_was_saved_as(tmp_path, path, encoding):
    text = path.read_text(encoding="utf-8")
    saved = write(tmp_path, "copy.txt", text.replace("\n", "\r\n").encode(encoding))
    assert load_text(saved) == text


# --- text shapes ----------------------------------------------------------------------


def test_crlf_and_lone_cr_become_lf():
    assert decode_bytes(b"one\r\ntwo\rthree\n\r\nfour") == "one\ntwo\nthree\n\nfour"


def test_form_feed_page_break_becomes_a_line_break():
    assert decode_bytes(b"end of page 1\n\x0cHB0605 - 2 - LRB095") == "end of page 1\n\nHB0605 - 2 - LRB095"


def test_nbsp_and_tabs_are_kept():
    text = "\u00a0\u00a0\u00a0\u00a0Sec. 5.\tDefinitions."
    assert decode_bytes(text.encode("utf-8")) == text


@pytest.mark.parametrize("invisible", [
    "\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad", "\u2060", "\u202e",
    # the bidi marks text copied from a browser, Word or Outlook carries, and the other format characters
    "\u200e", "\u200f", "\u061c", "\u2062", "\u180e", "\u206a", "\ufff9",
])
def test_zero_width_and_soft_hyphen_are_removed(invisible):
    text = f"per{invisible}sonal infor{invisible}mation"
    assert decode_bytes(text.encode("utf-8")) == "personal information"


def test_terminal_escape_sequences_are_removed():
    assert decode_bytes(b"Sec. 5.\x1b[2J\x1b]0;owned\x07 Definitions.") == "Sec. 5.[2J]0;owned Definitions."


def test_a_five_megabyte_line_is_read_whole(tmp_path):
    line = ("personal information " * 250_000).strip()
    path = write(tmp_path, "long.txt", line.encode("utf-8"))
    assert load_text(path) == line


@given(st.text())
@settings(max_examples=200)
def test_normalised_text_has_only_lf_and_no_invisibles(text):
    cleaned = normalise_text(text)
    assert "\r" not in cleaned and "\x0c" not in cleaned
    assert not decode.INVISIBLE.search(cleaned)
    assert cleaned.split("\n") == cleaned.splitlines() + ([""] if cleaned.endswith("\n") or not cleaned else [])
    assert normalise_text(cleaned) == cleaned


@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")))
@settings(max_examples=200)
def test_any_utf8_text_decodes_to_itself_normalised(text):
    try:
        decoded = decode_bytes(text.encode("utf-8"))
    except StatdiffError as refused:  # text that starts like a binary format, or mostly control codes
        assert "this is" in str(refused) or "does not look like text" in str(refused)
        return
    assert decoded == normalise_text(text)


@given(st.binary(max_size=2000))
@settings(max_examples=300)
def test_any_bytes_give_text_or_a_statdiff_error(data):
    try:
        text = decode_bytes(data, "noise.bin")
    except StatdiffError as refused:
        assert str(refused).startswith("noise.bin: ")
        return
    assert "\r" not in text and "\x00" not in text


# --- binary and empty files -------------------------------------------------------------


def test_pdf_is_refused_with_the_pdftotext_hint(tmp_path):
    message = refusal(tmp_path, "bill.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    assert message == (
        f"{tmp_path}/bill.pdf: this is a PDF file, not text; statdiff reads bill and statute text saved as "
        f"plain text or HTML (for a PDF, extract its text first, e.g. pdftotext -layout {tmp_path}/bill.pdf "
        f"{tmp_path}/bill.txt)"
    )


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("bill.txt", STATUTE_LINE)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name, data, kind",
    [
        ("bill.docx", docx_bytes(), "a Word (.docx) document"),
        ("bills.zip", zip_bytes(), "a ZIP archive"),
        ("scan.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        ("scan.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a JPEG image"),
        ("scan.gif", b"GIF89a\x01\x00\x01\x00\x80\x00\x00", "a GIF image"),
        ("statdiff", b"\x7fELF\x02\x01\x01\x00" + bytes(64), "an executable program (ELF)"),
        ("bill.txt.gz", gzip.compress(STATUTE_LINE.encode()), "a gzip-compressed file"),
        ("bill.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "a Microsoft Office (.doc) file"),
        ("bill.rtf", b"{\\rtf1\\ansi Sec. 5.}", "an RTF document"),
        ("data.bin", b"Sec. 5\x00\x01\x02\x03\xff\xfe\x00\x00\x10", "a binary file (it contains NUL bytes)"),
    ],
)
def test_binary_files_are_refused_saying_what_they_are(tmp_path, name, data, kind):
    message = refusal(tmp_path, name, data)
    assert message.startswith(f"{tmp_path}/{name}: this is {kind}, not text; {decode.ACCEPTS}")


@pytest.mark.parametrize(
    "data, says",
    [
        (b"", "the file is empty"),
        (b" \n\t\r\n  \n", "only blank space"),
        ("\u00a0\u200b\n\ufeff".encode("utf-8"), "only blank space"),
        (b"\xef\xbb\xbf", "only blank space"),
    ],
)
def test_empty_and_blank_files_are_refused(tmp_path, data, says):
    message = refusal(tmp_path, "empty.txt", data)
    assert says in message and message.startswith(f"{tmp_path}/empty.txt: ")


def test_random_bytes_without_nul_or_signature_are_refused_as_not_text():
    noise = bytes(range(1, 256)) * 16  # every byte but NUL: decodes (as Windows-1252) to 13% control codes
    with pytest.raises(StatdiffError, match=r"^noise\.bin: this does not look like text \(12% of its first"):
        decode_bytes(noise, "noise.bin")


def test_random_utf16_after_a_bom_is_refused_as_not_text():
    noise = codecs.BOM_UTF16_LE + bytes(range(256)) * 32
    with pytest.raises(StatdiffError, match="does not look like text"):
        decode_bytes(noise, "noise.bin")


def test_a_few_stray_control_codes_are_removed_not_refused():
    assert decode_bytes(b"Sec. 5.\x01 Definitions.\x02\x03") == "Sec. 5. Definitions."


def test_text_that_merely_starts_with_mz_is_text():
    assert decode_bytes(b"MZ Corp. v. Illinois, 2005") == "MZ Corp. v. Illinois, 2005"


# --- paths ------------------------------------------------------------------------------


def test_missing_file(tmp_path):
    with pytest.raises(StatdiffError, match=r"^.*/nope\.txt: no such file$"):
        load_text(tmp_path / "nope.txt")


def test_missing_directory_in_the_path(tmp_path):
    with pytest.raises(StatdiffError, match="no such file"):
        load_text(tmp_path / "no" / "such" / "bill.txt")


def test_directory(tmp_path):
    with pytest.raises(StatdiffError, match="is a directory, not a file"):
        load_text(tmp_path)


def test_broken_symlink(tmp_path):
    link = tmp_path / "latest.txt"
    link.symlink_to(tmp_path / "gone.txt")
    with pytest.raises(StatdiffError, match="latest.txt: a broken symbolic link"):
        load_text(link)


def test_symlink_to_a_bill_is_read(tmp_path):
    link = tmp_path / "latest.txt"
    link.symlink_to(HB0605)
    assert load_text(link) == HB0605.read_text(encoding="utf-8")


def test_device_is_refused_not_read_forever():
    with pytest.raises(StatdiffError, match="/dev/zero: is a device or socket, not a file"):
        load_text(Path("/dev/zero"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file anyway; the simulated case covers it")
def test_unreadable_file(tmp_path):
    path = write(tmp_path, "secret.txt", b"Sec. 5.")
    path.chmod(0)
    with pytest.raises(StatdiffError, match="secret.txt: permission denied"):
        load_text(path)


def test_unreadable_file_simulated(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.txt", b"Sec. 5.")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(decode, "open", denied, raising=False)
    with pytest.raises(StatdiffError, match=r"secret\.txt: permission denied \(cannot read this file\)"):
        load_text(path)


def test_file_name_is_shown_as_typed_never_as_a_repr(tmp_path):
    path = write(tmp_path, "HB 0605 \u201cfinal\u201d.pdf", b"%PDF-1.4")
    message = refusal(tmp_path, path.name, b"%PDF-1.4")
    assert message.startswith(f"{path}: this is a PDF file")
    assert "PosixPath" not in message and "'" not in message


def test_a_newline_in_a_file_name_does_not_break_the_one_line_message(tmp_path):
    message = refusal(tmp_path, "two\nlines.pdf", b"%PDF-1.4")
    assert "two?lines.pdf: this is a PDF file" in message


# --- size ---------------------------------------------------------------------------------


def test_over_the_limit_is_refused_before_reading(tmp_path, monkeypatch):
    path = write(tmp_path, "big.txt", b"x" * 3_000_000)

    def must_not_read(*args, **kwargs):
        raise AssertionError("read a file that is over the limit")

    monkeypatch.setattr(decode, "open", must_not_read, raising=False)
    with pytest.raises(StatdiffError) as caught:
        load_text(path, max_bytes=1024 * 1024)
    assert str(caught.value) == (
        f"{path}: the file is 2.9 MB, over the 1.0 MB limit (raise it with --max-size MB)"
    )


def test_at_the_limit_is_read(tmp_path):
    path = write(tmp_path, "exact.txt", b"Sec. 5." * 100)
    assert load_text(path, max_bytes=700) == "Sec. 5." * 100


def test_default_limit_is_50_megabytes_in_the_api_and_the_cli():
    from statdiff.cli import DEFAULT_MAX_MB

    assert decode.DEFAULT_MAX_BYTES == 50 * 1024 * 1024
    assert DEFAULT_MAX_MB * 1024 * 1024 == decode.DEFAULT_MAX_BYTES


def feed_fifo(path: Path, data: bytes) -> threading.Thread:
    def writer():
        with open(path, "wb") as handle:
            try:
                handle.write(data)
            except BrokenPipeError:
                pass

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    return thread


def test_a_pipe_is_read(tmp_path):
    fifo = tmp_path / "bill.fifo"
    os.mkfifo(fifo)
    thread = feed_fifo(fifo, STATUTE_LINE.encode("utf-8"))
    assert load_text(fifo) == STATUTE_LINE
    thread.join(5)


def test_a_pipe_over_the_limit_is_refused_after_reading_only_the_limit(tmp_path):
    fifo = tmp_path / "endless.fifo"
    os.mkfifo(fifo)
    thread = feed_fifo(fifo, b"Sec. 5. " * 100_000)
    with pytest.raises(StatdiffError, match="endless.fifo: the input is over the 1000 bytes limit"):
        load_text(fifo, max_bytes=1000)
    thread.join(5)


def test_a_file_is_never_read_past_the_limit_whatever_size_it_reports():
    # /proc files report a size of 0 and hold more: only the limit (and one byte) is read
    with pytest.raises(StatdiffError, match="status: the input is over the 100 bytes limit"):
        load_text(Path("/proc/self/status"), max_bytes=100)
    assert "Name:" in load_text(Path("/proc/self/status"))


def test_a_regular_file_is_read_in_one_bounded_call(tmp_path, monkeypatch):
    path = write(tmp_path, "grows.txt", b"Sec. 5. " * 1000)
    reads = []
    real_open = open

    def recording_open(*args, **kwargs):
        handle = real_open(*args, **kwargs)
        real_read = handle.read

        def read(size=-1):
            assert size >= 0, "an unbounded read"
            data = real_read(size)
            reads.append(len(data))
            return data

        handle.read = read
        return handle

    monkeypatch.setattr(decode, "open", recording_open, raising=False)
    assert decode.read_bounded(path, 10_000, "grows.txt") == b"Sec. 5. " * 1000
    assert reads == [8000]


# --- declared charsets ----------------------------------------------------------------------

PAGE = '<html><head><meta charset="{}"></head><body><p>\u00a7 5. \u201cBreach\u201d \u2013 notice.</p></body></html>'


@pytest.mark.parametrize(
    "label",
    ["bz2", "base64", "quopri", "rot13", "hex", "uu", "zlib", "undefined", "utf-7", "unicode_escape",
     "raw_unicode_escape", "punycode", "idna", "cp037", "palmos", "no-such-charset", "x-user-defined"],
)
@pytest.mark.parametrize("saved_as", ["utf-8", "cp1252"])
def test_a_charset_browsers_do_not_decode_is_ignored_and_the_bytes_decide(label, saved_as):
    page = PAGE.format(label)
    assert decode_bytes(page.encode(saved_as), "page.html") == page


@pytest.mark.parametrize(
    "label, encoding, text",
    [
        ("iso-8859-9", "cp1254", "\u20ac 5 \u011f"),  # WHATWG reads ISO-8859-9 as windows-1254 (0x80 is the euro)
        ("tis-620", "cp874", "\u20ac \u0e01"),
        ("gb2312", "gb18030", "\u6cd5\u5f8b \u20ac"),
        ("shift_jis", "cp932", "\u6cd5\u5f8b \u2460"),  # circled one: in windows-31J, not in Shift_JIS
        ("euc-kr", "cp949", "\ubc95\ub960 \uac02"),
        ("windows-874", "cp874", "\u0e01"),
        ("x-mac-cyrillic", "mac-cyrillic", "\u0417\u0430\u043a\u043e\u043d"),
        ("koi8-u", "koi8-u", "\u0417\u0430\u043a\u043e\u043d \u0454"),
    ],
)
def test_whatwg_charsets_are_decoded_as_a_browser_decodes_them(label, encoding, text):
    page = PAGE.format(label).replace("\u00a7 5. \u201cBreach\u201d \u2013 notice.", text)
    assert decode_bytes(page.encode(encoding), "page.html") == page


def test_a_utf7_page_is_read_as_its_bytes_and_no_lone_surrogate_reaches_the_text():
    page = '<html><head><meta charset="utf-7"></head><body><p>Short +2AA- title.</p></body></html>'
    text = decode_bytes(page.encode("ascii"), "page.html")
    assert text == page
    text.encode("utf-8")


@pytest.mark.parametrize("surrogate", ["\ud800", "\udfff", "\udc80"])
def test_a_lone_surrogate_becomes_the_replacement_character(surrogate):
    assert normalise_text(f"Sec. 5. A{surrogate}B.") == "Sec. 5. A\ufffdB."


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0xFFFF)))
def test_normalised_text_can_always_be_written_as_utf8(text):
    normalise_text(text).encode("utf-8")


def test_the_pdftotext_hint_never_writes_over_the_file_it_reads(tmp_path):
    """A PDF saved as `bill.txt`: the advice extracts it to `bill.txt.txt`, not over itself."""
    path = write(tmp_path, "bill.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    with pytest.raises(StatdiffError) as caught:
        load_text(path)
    assert f"pdftotext -layout {path} {path}.txt)" in str(caught.value)


def test_accents_are_composed_and_ligatures_spelled_out():
    """`é` typed as `e` and a combining accent (macOS, some PDFs), `ﬁ` kept as one character by
    a PDF's text: the same words as their usual spelling, so two copies compare alike. NBSP and
    `½` stay (NFC, not NFKC)."""
    assert decode_bytes("re\u0301sident de\ufb01nition \ufb02ow".encode("utf-8")) == "r\u00e9sident definition flow"
    assert decode_bytes("\u00a0\u00a0Ch. 121 \u00bd".encode("utf-8")) == "\u00a0\u00a0Ch. 121 \u00bd"
