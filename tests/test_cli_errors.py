"""The CLI's trouble paths: one line on stderr, `statdiff: error: ...`, exit 2, no traceback."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from statdiff import cli, pipeline
from statdiff.errors import StatdiffError

STATUTES = Path(__file__).resolve().parent.parent / "statutes"
PIPA_2005 = STATUTES / "pipa" / "815ILCS530_as_enacted_PA094-0036.txt"
PIPA_2006 = STATUTES / "pipa" / "815ILCS530_through_PA094-0947.txt"


def run(*args: str):
    return CliRunner().invoke(cli.main, [str(a) for a in args], catch_exceptions=False)


def assert_trouble(result, message: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stderr == f"statdiff: error: {message}\n"


# --- _guarded: whatever goes wrong, one line and exit 2 ---------------------------------


@pytest.mark.parametrize(
    "raised, message",
    [
        (StatdiffError("bill.txt: no such file"), "bill.txt: no such file"),
        (StatdiffError("two\nlines"), "two lines"),
        (KeyboardInterrupt(), "interrupted"),
        (MemoryError(), "out of memory: the input is too large for this machine (try --max-size)"),
        (RecursionError(), "the input is nested too deeply to process"),
        (OSError(28, "No space left on device"), "cannot write the output (no space left on device)"),
        (ValueError("bad\nthing"), "internal error (ValueError: bad thing); please report it"),
    ],
)
def test_any_failure_is_one_line_and_exit_2(monkeypatch, raised, message):
    def failing(*args, **kwargs):
        raise raised

    monkeypatch.setattr(pipeline, "read_file", failing)
    assert_trouble(run("parse", PIPA_2005), message)


def test_conflicting_options_in_parse():
    assert_trouble(run("parse", PIPA_2005, "--json", "--text"), "choose one of --json and --text")


def test_click_usage_errors_exit_2_without_traceback():
    result = run("diff", PIPA_2005)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "Missing argument 'NEW'" in result.stderr


def test_stdout_on_a_full_disk_is_one_line_not_an_internal_error():
    command = [sys.executable, "-c", "from statdiff.cli import main; main()", "parse", "--json", str(PIPA_2005)]
    with open("/dev/full", "wb") as full_disk:
        result = subprocess.run(command, stdout=full_disk, stderr=subprocess.PIPE, text=True)
    assert result.returncode == 2
    assert result.stderr == "statdiff: error: cannot write the output (no space left on device)\n"


# --- inputs -------------------------------------------------------------------------------


def test_parse_missing_file(tmp_path):
    assert_trouble(run("parse", tmp_path / "nope.txt"), f"{tmp_path}/nope.txt: no such file")


def test_parse_directory(tmp_path):
    result = run("parse", tmp_path)
    assert_trouble(result, f"{tmp_path}: is a directory, not a file; statdiff reads bill and statute text "
                   "saved as plain text or HTML")


def test_parse_pdf_names_the_file_and_the_fix(tmp_path):
    pdf = tmp_path / "bill.pdf"
    pdf.write_bytes(b"%PDF-1.6\n%\xe2\xe3\xcf\xd3\n")
    result = run("parse", pdf)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"statdiff: error: {pdf}: this is a PDF file, not text;")
    assert f"pdftotext -layout {pdf} {tmp_path}/bill.txt" in result.stderr


def test_parse_empty_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("parse", empty)
    assert_trouble(result, f"{empty}: the file is empty; statdiff reads bill and statute text saved as plain "
                   "text or HTML")


def test_max_size_refuses_a_larger_file(tmp_path):
    result = run("parse", PIPA_2005, "--max-size", "0.001")
    assert_trouble(result, f"{PIPA_2005}: the file is 4403 bytes, over the 1048 bytes limit "
                   "(raise it with --max-size MB)")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file anyway; test_decode simulates it")
def test_parse_unreadable_file(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Sec. 5.")
    secret.chmod(0)
    assert_trouble(run("parse", secret), f"{secret}: permission denied (cannot read this file)")


def test_diff_with_one_side_missing(tmp_path):
    assert_trouble(run("diff", PIPA_2005, tmp_path / "gone.txt"), f"{tmp_path}/gone.txt: no such file")


def test_diff_conflicting_options():
    assert_trouble(run("diff", PIPA_2005, PIPA_2006, "--json", "--stat"), "choose one of --json and --stat")


# --- outputs --------------------------------------------------------------------------------


def test_redline_over_an_input_is_refused_and_the_input_kept(tmp_path):
    old = tmp_path / "old.txt"
    old.write_bytes(PIPA_2005.read_bytes())
    result = run("redline", old, PIPA_2006, "-o", old)
    assert_trouble(result, f"{old}: the output would overwrite the input {old}; choose another output file")
    assert old.read_bytes() == PIPA_2005.read_bytes()


def test_redline_through_a_symlink_to_an_input_is_refused(tmp_path):
    link = tmp_path / "report.html"
    link.symlink_to(PIPA_2006)
    result = run("redline", PIPA_2005, PIPA_2006, "-o", link)
    assert_trouble(result, f"{link}: the output would overwrite the input {PIPA_2006}; choose another output file")


def test_redline_into_a_missing_directory(tmp_path):
    result = run("redline", PIPA_2005, PIPA_2006, "-o", tmp_path / "out" / "r.html")
    assert_trouble(result, f"{tmp_path}/out/r.html: the output directory {tmp_path}/out does not exist")


def test_redline_writes_and_leaves_no_temporary(tmp_path):
    result = run("redline", PIPA_2005, PIPA_2006, "-o", tmp_path / "r.html")
    assert result.exit_code == 1, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]


# --- the error catalogue: every message it lists for inputs, outputs and the CLI can happen ---

CATALOGUE = Path(__file__).resolve().parent.parent / "README.md"
ACCEPTS = "statdiff reads bill and statute text saved as plain text or HTML"


def catalogued(section: str) -> list[str]:
    text = CATALOGUE.read_text(encoding="utf-8")
    block = text.split(f"<!-- catalogue:{section} -->")[1].split(f"<!-- /catalogue:{section} -->")[0]
    return re.findall(r"^\| `([^`]+)` \|", block, flags=re.M)


def template_pattern(template: str) -> re.Pattern:
    parts = re.split(r"(\{\w+\})", template.replace("{accepts}", ACCEPTS))
    return re.compile("".join(".+" if re.fullmatch(r"\{\w+\}", p) else re.escape(p) for p in parts) + "$")


def message_of(produce) -> str:
    with pytest.raises(StatdiffError) as caught:
        produce()
    return str(caught.value)


def feed(fifo: Path, data: bytes) -> None:
    try:
        fifo.write_bytes(data)
    except BrokenPipeError:  # the reader stopped at the limit, as it should
        pass


def input_messages(tmp_path: Path, monkeypatch) -> list[str]:
    from statdiff.read import decode

    def file(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    text = file("bill.txt", b"Sec. 5. Definitions.")
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    fifo = tmp_path / "endless.fifo"
    os.mkfifo(fifo)
    feeder = threading.Thread(target=feed, args=(fifo, b"Sec. 5. " * 10_000), daemon=True)
    feeder.start()
    messages = [
        message_of(lambda: decode.load_text(tmp_path / "nope.txt")),
        message_of(lambda: decode.load_text(text / "x")),
        message_of(lambda: decode.load_text(link)),
        message_of(lambda: decode.load_text(tmp_path / ("x" * 300))),
        message_of(lambda: decode.load_text(tmp_path)),
        message_of(lambda: decode.load_text(Path("/dev/zero"))),
        message_of(lambda: decode.load_text(text, max_bytes=10)),
        message_of(lambda: decode.load_text(fifo, max_bytes=100)),
        message_of(lambda: decode.load_text(file("empty.txt", b""))),
        message_of(lambda: decode.load_text(file("blank.txt", b" \r\n\t"))),
        message_of(lambda: decode.load_text(file("a.out", b"\x7fELF\x02\x01" + bytes(32)))),
        message_of(lambda: decode.load_text(file("bill.pdf", b"%PDF-1.4"))),
        message_of(lambda: decode.load_text(file("noise.bin", bytes(range(1, 256)) * 16))),
    ]
    feeder.join(5)
    for error in (PermissionError(13, "Permission denied"), OSError(5, "Input/output error")):
        def refuse(*args, error=error, **kwargs):
            raise error

        with monkeypatch.context() as patch:
            patch.setattr(decode, "open", refuse, raising=False)
            messages.append(message_of(lambda: decode.load_text(text)))
    with monkeypatch.context() as patch:
        patch.setattr(Path, "stat", lambda self, **kw: (_ for _ in ()).throw(PermissionError(13, "denied")))
        messages.append(message_of(lambda: decode.load_text(text)))
    return messages


def output_messages(tmp_path: Path, monkeypatch) -> list[str]:
    from statdiff import outputs

    bill = tmp_path / "bill.txt"
    bill.write_text("Sec. 5.")
    messages = [
        message_of(lambda: outputs.write_atomically(tmp_path, "x")),
        message_of(lambda: outputs.write_atomically(tmp_path / "out" / "r.html", "x")),
        message_of(lambda: outputs.write_atomically(bill / "r.html", "x")),
        message_of(lambda: outputs.write_atomically(bill, "x", inputs=[bill])),
    ]
    with monkeypatch.context() as patch:
        patch.setattr(outputs.tempfile, "mkstemp", lambda **kw: (_ for _ in ()).throw(PermissionError(13, "denied")))
        messages.append(message_of(lambda: outputs.write_atomically(tmp_path / "r.html", "x")))
    with monkeypatch.context() as patch:
        patch.setattr(outputs.os, "replace", lambda *a: (_ for _ in ()).throw(OSError(28, "No space left")))
        messages.append(message_of(lambda: outputs.write_atomically(tmp_path / "r.html", "x")))
    return messages


def cli_messages(monkeypatch) -> list[str]:
    messages = [run("parse", PIPA_2005, "--json", "--text").stderr, run("diff", PIPA_2005, PIPA_2006, "--json", "--stat").stderr]
    for raised in (KeyboardInterrupt(), MemoryError(), RecursionError(), OSError(28, "No space"), ValueError("bad")):
        def failing(*args, raised=raised, **kwargs):
            raise raised

        with monkeypatch.context() as patch:
            patch.setattr(pipeline, "read_file", failing)
            messages.append(run("parse", PIPA_2005).stderr)
    return [m.removeprefix("statdiff: error: ").rstrip("\n") for m in messages]


@pytest.mark.parametrize("section", ["inputs", "outputs", "cli"])
def test_every_catalogued_message_can_be_produced_and_every_produced_one_is_catalogued(tmp_path, monkeypatch, section):
    produce = {"inputs": input_messages, "outputs": output_messages, "cli": lambda t, m: cli_messages(m)}[section]
    templates = catalogued(section)
    messages = produce(tmp_path, monkeypatch)
    assert len(templates) >= 6
    unmatched_templates = [t for t in templates if not any(template_pattern(t).match(m) for m in messages)]
    uncatalogued_messages = [m for m in messages if not any(template_pattern(t).match(m) for t in templates)]
    assert unmatched_templates == []
    assert uncatalogued_messages == []
