"""`statdiff redline -o`: the format follows the suffix, `--to` overrides it, `-o -` is standard
output; every format written atomically and never over an input; every message catalogued."""

from __future__ import annotations

import importlib.util
import io
import sys
import zipfile

import pytest
from click.testing import CliRunner

from export_helpers import HB0605, THROUGH_947
from statdiff import cli
from statdiff.cli import main
from statdiff.errors import StatdiffError
from statdiff.render.pdf import CHROMIUM
from test_cli_errors import catalogued, message_of, template_pattern

UNKNOWN = "unknown output format; choose .html, .docx, .pdf, .csv, .xlsx or .json"
HAS_PDF = CHROMIUM.exists() and importlib.util.find_spec("playwright") is not None


def run(*arguments):
    return CliRunner().invoke(main, [str(argument) for argument in arguments])


def magic(data: bytes) -> str:
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        return "docx" if "word/document.xml" in names else "xlsx" if "xl/workbook.xml" in names else "zip"
    text = data.decode("utf-8")
    if text.startswith("<!DOCTYPE html>"):
        return "html"
    if text.startswith("{"):
        return "json"
    if text.startswith("\ufeffnumber,op,where"):
        return "csv"
    return "?"


FORMATS = ["html", "docx", "csv", "xlsx", "json"] + (["pdf"] if HAS_PDF else [])


@pytest.mark.parametrize("name", FORMATS)
def test_the_suffix_chooses_the_format(tmp_path, name):
    target = tmp_path / f"Report.{name.upper() if name == 'html' else name}"
    result = run("redline", THROUGH_947, HB0605, "-o", target)
    assert result.exit_code == 1, result.output
    assert magic(target.read_bytes()) == name
    assert result.stderr == f"wrote {target}: 7 changes\n"
    assert [path.name for path in tmp_path.iterdir()] == [target.name]  # no temporary left behind


def test_to_overrides_the_suffix(tmp_path):
    target = tmp_path / "report.html"
    result = run("redline", THROUGH_947, HB0605, "-o", target, "--to", "docx")
    assert result.exit_code == 1 and magic(target.read_bytes()) == "docx"


@pytest.mark.parametrize("name", ["html", "csv", "json"])
def test_a_text_format_to_standard_output(name):
    result = run("redline", THROUGH_947, HB0605, "-o", "-", *(["--to", name] if name != "html" else []))
    assert result.exit_code == 1
    assert magic(result.stdout_bytes) == name
    assert result.stderr == "wrote standard output: 7 changes\n"


def test_a_binary_format_to_a_pipe_is_written_and_to_a_terminal_refused(monkeypatch):
    piped = run("redline", THROUGH_947, HB0605, "-o", "-", "--to", "docx")
    assert piped.exit_code == 1 and magic(piped.stdout_bytes) == "docx"
    monkeypatch.setattr(cli, "_stdout_is_terminal", lambda: True)
    refused = run("redline", THROUGH_947, HB0605, "-o", "-", "--to", "docx")
    assert refused.exit_code == 2 and refused.stdout_bytes == b""
    assert refused.stderr == ("statdiff: error: -o -: docx is a binary format and is not written to a terminal;"
                              " redirect it (> report.docx) or write a file (-o report.docx)\n")


@pytest.mark.parametrize("name", ["report.rtf", "report", "report.txt", "report.docx.bak"])
def test_an_unknown_suffix_is_refused_before_any_work(tmp_path, name, monkeypatch):
    monkeypatch.setattr(cli.pipeline, "diff_files", lambda *a, **k: pytest.fail("compared before refusing"))
    result = run("redline", THROUGH_947, HB0605, "-o", tmp_path / name)
    assert result.exit_code == 2 and not (tmp_path / name).exists()
    assert result.stderr == f"statdiff: error: {tmp_path / name}: {UNKNOWN}\n"


def test_an_unknown_to_is_a_usage_error():
    result = run("redline", THROUGH_947, HB0605, "-o", "x.html", "--to", "rtf")
    assert result.exit_code == 2 and "Invalid value for '--to'" in result.output


@pytest.mark.parametrize("suffix", [".docx", ".csv", ".xlsx"])
def test_no_format_is_written_over_an_input(tmp_path, suffix):
    old = tmp_path / f"old{suffix}"
    old.write_bytes(THROUGH_947.read_bytes())
    result = run("redline", old, HB0605, "-o", old)
    assert result.exit_code == 2 and "the output would overwrite the input" in result.stderr
    assert old.read_bytes() == THROUGH_947.read_bytes()


def test_a_failed_binary_write_leaves_the_previous_report(tmp_path, monkeypatch):
    from statdiff import outputs

    target = tmp_path / "report.docx"
    target.write_bytes(b"the previous report")
    monkeypatch.setattr(outputs.os, "replace", lambda *a: (_ for _ in ()).throw(OSError(28, "No space left")))
    result = run("redline", THROUGH_947, HB0605, "-o", target)
    assert result.exit_code == 2 and "cannot write the output (no space left)" in result.stderr
    assert target.read_bytes() == b"the previous report" and [p.name for p in tmp_path.iterdir()] == ["report.docx"]


# --- the catalogue of this section of the README --------------------------------------------------


def export_messages(tmp_path, monkeypatch) -> list[str]:
    from statdiff import pipeline
    from statdiff.render import pdf

    messages = [message_of(lambda: pipeline.output_format("redline", tmp_path / "report.rtf"))]
    monkeypatch.setattr(cli, "_stdout_is_terminal", lambda: True)
    messages.append(run("redline", THROUGH_947, HB0605, "-o", "-", "--to", "pdf").stderr)
    with monkeypatch.context() as patch:
        patch.setitem(sys.modules, "playwright.sync_api", None)
        messages.append(message_of(lambda: pipeline.output_format("redline", "r.pdf")))
    with monkeypatch.context() as patch:
        patch.setitem(sys.modules, "openpyxl", None)
        messages.append(message_of(lambda: pipeline.output_format("redline", "r.xlsx")))
    with monkeypatch.context() as patch:
        patch.setenv(pdf.CHROMIUM_VARIABLE, str(tmp_path / "no-chromium"))
        messages.append(message_of(pdf.chromium))
    with monkeypatch.context() as patch:
        patch.setattr(pdf, "CHROMIUM", tmp_path / "no-chromium")
        messages.append(message_of(pdf.chromium))
    if HAS_PDF:
        with monkeypatch.context() as patch:
            patch.setenv(pdf.CHROMIUM_VARIABLE, "/bin/false")  # an executable that is no browser
            messages.append(message_of(lambda: pdf.print_to_pdf("<p>x</p>")))
    return [message.removeprefix("statdiff: error: ").rstrip("\n") for message in messages]


def test_every_export_message_is_catalogued_and_can_be_produced(tmp_path, monkeypatch):
    templates = catalogued("exports")
    messages = export_messages(tmp_path, monkeypatch)
    unmatched = [t for t in templates if not any(template_pattern(t).match(m) for m in messages)]
    if not HAS_PDF:
        unmatched = [t for t in unmatched if not t.startswith("Chromium could not")]
    assert unmatched == []
    assert [m for m in messages if not any(template_pattern(t).match(m) for t in templates)] == []


def test_a_pdf_without_playwright_is_refused_before_any_work(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)
    monkeypatch.setattr(cli.pipeline, "diff_files", lambda *a, **k: pytest.fail("compared before refusing"))
    result = run("redline", THROUGH_947, HB0605, "-o", tmp_path / "r.pdf")
    assert result.exit_code == 2
    assert result.stderr == "statdiff: error: PDF output needs Playwright for Python: pip install 'statdiff[pdf]'\n"
    with pytest.raises(StatdiffError):
        from statdiff.render.pdf import print_to_pdf

        print_to_pdf("<p>x</p>")
