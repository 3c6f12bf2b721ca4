"""The CLI's trouble paths: one line on stderr, `statdiff: error: ...`, exit 2, no traceback."""

from __future__ import annotations

import os
import re
import signal
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


def file_refusals(tmp_path: Path, monkeypatch, read, suffix: str, valid: bytes, over_limit: bytes) -> list[str]:
    """Every path, size and permission refusal of `read(path)`, a reader built on
    `decode.read_bounded` (inputs, notes): `valid` is a file it reads, `over_limit`
    more bytes than it allows (written to a file, then fed through a FIFO)."""
    from statdiff.read import decode

    def file(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    readable = file("valid" + suffix, valid)
    dangling = tmp_path / ("dangling" + suffix)
    dangling.symlink_to(tmp_path / "gone")
    zero = tmp_path / ("zero" + suffix)
    zero.symlink_to("/dev/zero")
    (tmp_path / ("dir" + suffix)).mkdir()
    fifo = tmp_path / ("endless" + suffix)
    os.mkfifo(fifo)
    feeder = threading.Thread(target=feed, args=(fifo, over_limit), daemon=True)
    feeder.start()
    messages = [
        message_of(lambda: read(tmp_path / ("nope" + suffix))),
        message_of(lambda: read(readable / ("x" + suffix))),
        message_of(lambda: read(dangling)),
        message_of(lambda: read(tmp_path / ("x" * 300 + suffix))),
        message_of(lambda: read(tmp_path / ("dir" + suffix))),
        message_of(lambda: read(zero)),
        message_of(lambda: read(file("big" + suffix, over_limit))),
        message_of(lambda: read(fifo)),
    ]
    feeder.join(5)
    for error in (PermissionError(13, "Permission denied"), OSError(5, "Input/output error")):
        def refuse(*args, error=error, **kwargs):
            raise error

        with monkeypatch.context() as patch:
            patch.setattr(decode, "open", refuse, raising=False)
            messages.append(message_of(lambda: read(readable)))
    with monkeypatch.context() as patch:
        # (an input is looked up with `os.stat`, on its path as pathlib writes it: `decode.path_text`)
        patch.setattr(os, "stat", lambda path, **kw: (_ for _ in ()).throw(PermissionError(13, "denied")))
        messages.append(message_of(lambda: read(readable)))
    return messages


def input_messages(tmp_path: Path, monkeypatch) -> list[str]:
    from statdiff.read import decode

    def file(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    def read(path: Path) -> str:
        return decode.load_text(path, max_bytes=100)

    return file_refusals(tmp_path, monkeypatch, read, ".txt", b"Sec. 5. Definitions.", b"Sec. 5. " * 10_000) + [
        message_of(lambda: read(file("empty.txt", b""))),
        message_of(lambda: read(file("blank.txt", b" \r\n\t"))),
        message_of(lambda: read(file("a.out", b"\x7fELF\x02\x01" + bytes(32)))),
        message_of(lambda: read(file("bill.pdf", b"%PDF-1.4"))),
        message_of(lambda: decode.load_text(file("noise.bin", bytes(range(1, 256)) * 16))),
    ]


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
    with monkeypatch.context() as patch:  # a real SIGTERM to this process while the report is written
        patch.setattr(outputs.os, "fsync", lambda descriptor: os.kill(os.getpid(), signal.SIGTERM))
        messages.append(message_of(lambda: outputs.write_atomically(tmp_path / "r.html", "x")))
    return messages


def notes_messages(tmp_path: Path, monkeypatch) -> list[str]:
    from statdiff.annotate.notes import MAX_NOTES_BYTES, load_notes

    def notes(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    over_limit = b"#" * (MAX_NOTES_BYTES + 1)
    return file_refusals(tmp_path, monkeypatch, load_notes, ".yaml", b'"815 ILCS 530/10": note\n', over_limit) + [
        message_of(lambda: load_notes(tmp_path / "n.json")),
        message_of(lambda: load_notes(notes("latin.yaml", b"a: \xe9\n"))),
        message_of(lambda: load_notes(notes("bad.toml", b"a = \n"))),
        message_of(lambda: load_notes(notes("bad.yaml", b"a: [unclosed\n"))),
        message_of(lambda: load_notes(notes("list.yaml", b"- a\n"))),
        message_of(lambda: load_notes(notes("key.yaml", b"3: text\n"))),
        message_of(lambda: load_notes(notes("note.yaml", b"a: 3\n"))),
    ]


def api_messages(tmp_path: Path, monkeypatch) -> list[str]:
    import statdiff

    with open(PIPA_2005, encoding="utf-8") as handle:
        opened = message_of(lambda: statdiff.parse(handle))
    return [
        message_of(lambda: statdiff.parse(None)),
        message_of(lambda: statdiff.diff(PIPA_2005, 3)),
        opened,
        message_of(lambda: statdiff.parse("bills/hb\x000605.txt")),
        message_of(lambda: statdiff.parse(Path("bills/hb\x000605.txt"))),
        message_of(lambda: statdiff.parse("bills/hb\ud8000605.txt")),
        message_of(lambda: statdiff.parse("Sec. 5. Definitions.", name=3)),
    ]


def cli_messages(monkeypatch) -> list[str]:
    messages = [run("parse", PIPA_2005, "--json", "--text").stderr, run("diff", PIPA_2005, PIPA_2006, "--json", "--stat").stderr]
    for raised in (KeyboardInterrupt(), MemoryError(), RecursionError(), OSError(28, "No space"), ValueError("bad")):
        def failing(*args, raised=raised, **kwargs):
            raise raised

        with monkeypatch.context() as patch:
            patch.setattr(pipeline, "read_file", failing)
            messages.append(run("parse", PIPA_2005).stderr)
    return [m.removeprefix("statdiff: error: ").rstrip("\n") for m in messages]


PRODUCERS = {
    "inputs": input_messages, "outputs": output_messages, "cli": lambda tmp_path, patch: cli_messages(patch),
    "notes": notes_messages, "api": api_messages,
}


@pytest.mark.parametrize("section", sorted(PRODUCERS))
def test_every_catalogued_message_can_be_produced_and_every_produced_one_is_catalogued(tmp_path, monkeypatch, section):
    templates = catalogued(section)
    messages = PRODUCERS[section](tmp_path, monkeypatch)
    assert len(templates) >= 5
    unmatched_templates = [t for t in templates if not any(template_pattern(t).match(m) for m in messages)]
    uncatalogued_messages = [m for m in messages if not any(template_pattern(t).match(m) for t in templates)]
    assert unmatched_templates == []
    assert uncatalogued_messages == []


# --- permissions: statdiff's own line, not click's usage error -----------------------------------


@pytest.mark.parametrize("which", ["input", "notes"])
def test_an_unreadable_file_is_one_line_even_where_click_would_check_it(tmp_path, monkeypatch, which):
    from statdiff.read import decode

    notes = tmp_path / "notes.yaml"
    notes.write_text('"815 ILCS 530/10": n\n')
    unreadable = PIPA_2006 if which == "input" else notes
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False)  # as a non-root user sees a chmod 000 file
    real_open = open

    def denied(path, *args, **kwargs):
        if Path(path) == unreadable:
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(decode, "open", denied, raising=False)
    result = run("redline", PIPA_2005, PIPA_2006, "--notes", notes, "-o", tmp_path / "r.html")
    prefix = "" if which == "input" else "notes file "
    assert_trouble(result, f"{prefix}{unreadable}: permission denied (cannot read this file)")


# --- names with control characters never reach the terminal raw ---------------------------------

TITLE_SEQUENCE = "\x1b]0;owned\x07"


def test_an_output_name_with_escapes_and_a_newline_is_shown_on_one_safe_line(tmp_path):
    output = tmp_path / f"r{TITLE_SEQUENCE}\nx.html"
    result = run("redline", PIPA_2005, PIPA_2006, "-o", output)
    assert result.exit_code == 1
    assert result.stderr == f"wrote {tmp_path}/r?]0;owned??x.html: 3 changes\n"
    assert output.exists()


def test_a_notes_name_and_key_with_escapes_are_shown_safely(tmp_path):
    notes = tmp_path / f"n{TITLE_SEQUENCE}.yaml"
    notes.write_text('"815 ILCS 530/99\\e]0;owned\\a": n\n', encoding="utf-8")  # YAML's escapes for ESC, BEL
    result = run("redline", PIPA_2005, PIPA_2006, "--notes", notes, "-o", tmp_path / "r.html")
    assert result.exit_code == 1 and "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "statdiff: warning: note for “815 ILCS 530/99?]0;owned?” matches no node of either text\n" in result.stderr
    bad = tmp_path / f"bad{TITLE_SEQUENCE}.yaml"
    bad.write_text("- a list\n")
    result = run("redline", PIPA_2005, PIPA_2006, "--notes", bad, "-o", tmp_path / "r.html")
    assert_trouble(result, f"notes file {tmp_path}/bad?]0;owned?.yaml: expected a mapping of node path to note text")


def test_an_input_name_with_escapes_or_undecodable_bytes_is_safe_in_every_output(tmp_path):
    escaped = tmp_path / f"old{TITLE_SEQUENCE}.txt"
    escaped.write_bytes(PIPA_2005.read_bytes())
    undecodable = Path(os.fsdecode(bytes(tmp_path) + b"/new\xff.txt"))
    undecodable.write_bytes(PIPA_2006.read_bytes())
    command = [sys.executable, "-c", "from statdiff.cli import main; main()"]
    for args in (["diff", "--no-color"], ["diff", "--json"], ["parse", "--json"]):
        paths = [escaped, undecodable] if args[0] == "diff" else [undecodable]
        result = subprocess.run(command + args + [os.fsencode(p) for p in paths], capture_output=True)
        assert result.returncode in (0, 1), result.stderr
        output = result.stdout.decode("utf-8")  # valid UTF-8: no raw byte of the file name
        assert "\x1b" not in output and "\x07" not in output
        assert "new\ufffd.txt" in output
