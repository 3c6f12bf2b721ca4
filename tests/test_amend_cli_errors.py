"""Every message of the README's catalogue for amendments and histories can be produced, and
every message produced is catalogued: the refusals (one line, exit 2) and the warnings."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from click.testing import CliRunner

from statdiff import cli, pipeline
from statdiff.amend import apply_amendment, parse_amendment
from statdiff.amend import apply as apply_module
from statdiff.amend.credit import credit_instructions
from statdiff.amend.timeline import Version, build_history, order_of
from statdiff.model import BodyLine, Document, Identity, Node, ReadResult
from statdiff.read import read_path, read_text
from statdiff.structure import build_document
from test_cli_errors import catalogued, message_of, template_pattern

ROOT = Path(__file__).resolve().parent.parent
HB0605 = ROOT / "statutes/pipa/09500HB0605_introduced_full.txt"
AS_ENACTED = ROOT / "statutes/pipa/815ILCS530_as_enacted_PA094-0036.txt"
THROUGH_947 = ROOT / "statutes/pipa/815ILCS530_through_PA094-0947.txt"
FIXTURES = ROOT / "tests/fixtures/amend"
CONSTRUCTED = FIXTURES / "09500HB0605_constructed_page_and_line.txt"
FRAGMENTS = ROOT / "statutes/fragments"
NBSP4 = "\u00a0" * 4


def run(*args):
    return CliRunner().invoke(cli.main, [str(arg) for arg in args], catch_exceptions=False)


def stderr_of(result) -> str:
    assert result.exit_code == 2, result.output
    return result.stderr.removeprefix("statdiff: error: ").rstrip("\n")


def amendment(instructions: str, bill_words: str = "House Bill 605") -> ReadResult:
    lines = [f"{NBSP4}AMENDMENT TO HOUSE BILL 605", f"{NBSP4}AMENDMENT NO. ______. Amend {bill_words} as follows:"]
    lines += instructions.splitlines()
    return read_text("\n".join(f"{number} {text}" for number, text in enumerate(lines, 1)), name="amendment")


def printed(*places: tuple[int, int]) -> ReadResult:
    """A copy of a bill that prints these page:lines, in this order."""
    lines = [BodyLine(f"text of line {line} of page {page}.", page, line, True) for page, line in places]
    return ReadResult(lines, "numbered", Identity(bill="HB0605", version="introduced"), None, "copy.txt")


def version(name: str, **identity) -> Version:
    result = ReadResult([], "numbered", Identity(**identity), None, name)
    return Version(result, Document(Identity(**identity), Node("document", ""), "numbered", name))


def refusals(tmp_path: Path, monkeypatch) -> list[str]:
    bill = read_path(HB0605)

    def refused(instructions: str, target: ReadResult = bill, **options) -> str:
        return message_of(lambda: apply_amendment(target, amendment(instructions), **options))

    messages = [
        message_of(lambda: pipeline.apply_files(HB0605, [HB0605])),
        message_of(lambda: apply_amendment(bill, amendment(""))),
        refused('on page 3, line 2, by frobbing "unreasonable".'),
        refused('on page 3, line 2, by deleting "unreasonable'),
        refused("on page 3, by replacing line 2 with the following:"),
        refused('on page 3, line 2, after "delay", by inserting "".'),
        refused('by deleting "unreasonable".'),
        refused("by deleting lines 1 through 5."),
        refused('on page 3, line 2, by replacing "" with "x".'),
        refused('on page 3, lines 5 and 13, by deleting "x".'),
        refused("on page 3, by deleting lines 9 through 4."),
        refused("on page 3, by deleting lines nine."),
        refused('on page 3, line 2, by replacing "within 30 days" with "within 10 days".'),
        refused('on page 3, line 3, by replacing "the" with "a".'),
        refused('on page 9, line 1, by deleting "data".'),
        refused('on page 3, line 2, by deleting "data".', read_path(AS_ENACTED)),
        refused('on page 4, line 30, by deleting "data".'),
        refused('on page 1, line 2, by deleting "text".', printed((1, 5), (1, 6))),
        refused('on page 1, line 3, by deleting "text".', printed((1, 1), (1, 2), (1, 5))),
        refused("on page 1, by deleting lines 1 through 3.", printed((1, 3), (1, 1), (1, 2))),
        message_of(lambda: apply_amendment(read_path(AS_ENACTED), read_path(FIXTURES / "09500HB0605_constructed_replace_everything.txt"))),
        refused('on page 4, by deleting lines 12 through 20; and\non page 4, line 13, by deleting "own".'),
        refused('on page 2, line 19, after the period, by inserting "x".'),
        refused('on page 1, line 7, after the period, by inserting "x".'),
        refused('on page 3, line 2, after "", by inserting "x".'),
        message_of(lambda: apply_amendment(bill, amendment('on page 3, line 2, by deleting "x".', "House Bill 606"))),
        message_of(lambda: pipeline.apply_files(HB0605, [FIXTURES / "09500HB0605_constructed_as_amended.txt"])),
        message_of(lambda: pipeline.apply_files(FIXTURES / "09500HB0605_constructed_replace_everything.txt", [CONSTRUCTED])),
        message_of(lambda: pipeline.apply_files(FRAGMENTS / "920SB0989enr_92ndGA_legisnet_PARTIAL.txt",
                                                [FRAGMENTS / "920SB0989ham002_92ndGA_legisnet_COMPLETE.txt"])),
        message_of(lambda: parse_amendment(3)),  # type: ignore[arg-type]
        message_of(lambda: apply_amendment(bill, amendment('on page 3, line 2, by deleting "unreasonable".')).to_read_result("x")),
    ]
    other_assembly = amendment('on page 3, line 2, by deleting "unreasonable".')
    other_assembly.identity = dataclasses.replace(other_assembly.identity, general_assembly=94)
    messages.append(message_of(lambda: apply_amendment(bill, other_assembly)))
    with monkeypatch.context() as patch:  # a reading whose tree lost a word: checked, not trusted
        patch.setattr(apply_module, "build", lambda result: build_document(dataclasses.replace(result, lines=result.lines[1:])))
        messages.append(message_of(lambda: apply_amendment(bill, amendment('on page 3, line 2, by deleting "unreasonable".'))))
    return messages


def command_messages(tmp_path: Path, monkeypatch) -> list[str]:
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "v1.txt").write_bytes(AS_ENACTED.read_bytes())
    broken = tmp_path / "broken.txt"
    broken.write_text(f"1 {NBSP4}AMENDMENT TO HOUSE BILL 605\n2 {NBSP4}AMENDMENT NO. __. Amend House Bill 605 on page 9, line 1, "
                      'by deleting "data".', encoding="utf-8")
    messages = [
        stderr_of(run("apply", HB0605, CONSTRUCTED, "--json", "--provenance")),
        stderr_of(run("history", AS_ENACTED, HB0605, "--to", "docx")),
        stderr_of(run("history", AS_ENACTED)),
        stderr_of(run("history", folder, HB0605)),
        stderr_of(run("history", folder)),
        stderr_of(run("history", CONSTRUCTED, HB0605, "--as-given")),
        stderr_of(run("history", HB0605, FIXTURES / "09500HB0605_constructed_as_amended.txt", "--as-given")),
        stderr_of(run("history", HB0605, broken, "--as-given")),
        stderr_of(run("history", HB0605, CONSTRUCTED)),
        stderr_of(run("history", FRAGMENTS / "920HB4947LV_92ndGA_legisnet_PARTIAL.txt", FRAGMENTS / "09300HB4944ham001_COMPLETE.txt")),
    ]
    with monkeypatch.context() as patch:
        patch.setattr(cli, "_stdout_is_terminal", lambda: True)
        messages.append(stderr_of(run("history", AS_ENACTED, HB0605, "-o", "-", "--to", "docx")))
    with monkeypatch.context() as patch:
        def unreadable(self):
            raise PermissionError(13, "Permission denied")

        patch.setattr(Path, "iterdir", unreadable)
        messages.append(message_of(lambda: pipeline.version_files([folder])))
    for versions in (
        [version("law", version="compiled", act="815 ILCS 530"), version("b", general_assembly=95, bill="HB0605", version="introduced")],
        [version("blank"), version("b", general_assembly=95, bill="HB0605", version="introduced")],
        [version("one", bill="HB0001", version="introduced"), version("two", bill="HB0002", version="introduced")],
        [version("one", general_assembly=94, bill="HB0001", version="introduced"),
         version("two", general_assembly=94, bill="HB0002", version="introduced")],
    ):
        messages.append(message_of(lambda: order_of(versions, as_given=False)))
    return messages


def warnings(tmp_path: Path) -> list[str]:
    (tmp_path / "copy.txt").write_bytes(AS_ENACTED.read_bytes())
    bill = read_path(HB0605)
    unnamed = dataclasses.replace(bill, identity=Identity(), name="bill.txt")
    small = apply_amendment(bill, amendment('on page 3, line 2, by deleting "unreasonable".'), check_printing=False)
    larger = apply_amendment(bill, read_path(CONSTRUCTED))
    comparison = pipeline.compare(build_document(bill), larger.to_document("bill"))
    history = pipeline.history([AS_ENACTED, THROUGH_947, HB0605])
    unrelated = pipeline.compare(pipeline.read_file(AS_ENACTED), pipeline.read_file(HB0605))
    steps = [pipeline.Diffed(step.comparison, []) for step in history.steps]
    return [
        *larger.notes,
        *apply_amendment(unnamed, read_path(CONSTRUCTED)).notes,
        *credit_instructions(comparison, small)[:1],
        *build_history(history.versions, history.texts, steps, unrelated, "identity").warnings[:1],
        *pipeline.history([AS_ENACTED, tmp_path / "copy.txt"]).warnings,
        *pipeline.diff_files(AS_ENACTED, CONSTRUCTED).warnings,
    ]


def check(templates: list[str], messages: list[str]) -> None:
    assert all("\n" not in message for message in messages)
    unmatched = [template for template in templates if not any(template_pattern(template).match(m) for m in messages)]
    uncatalogued = [message for message in messages if not any(template_pattern(t).match(message) for t in templates)]
    assert unmatched == []
    assert uncatalogued == []


def test_every_amendment_and_history_refusal_is_catalogued_and_can_be_produced(tmp_path, monkeypatch):
    check(catalogued("amend"), refusals(tmp_path, monkeypatch) + command_messages(tmp_path, monkeypatch))


def test_every_warning_is_catalogued_and_can_be_produced(tmp_path):
    check(catalogued("amend-warnings"), warnings(tmp_path))


def test_refusals_of_a_history_name_the_version(tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_text(f"1 {NBSP4}AMENDMENT TO HOUSE BILL 605\n2 {NBSP4}AMENDMENT NO. __. Amend House Bill 605 on page 9, line 1, "
                      'by deleting "data".', encoding="utf-8")
    assert stderr_of(run("history", HB0605, broken, "--as-given")) == (
        f"{broken}: amendment line 2: there is no page 9 in HB0605 (HB0605 ends at page 4, line 21)")
