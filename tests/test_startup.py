"""Start-up: a command loads only what it uses.

Each check runs in a fresh interpreter and compares the modules it loaded, never a time:
`import statdiff.cli`, `statdiff --help` and `statdiff formats` load click and statdiff's
command line, error and format registry, and no stage (no reader, model, compare,
renderer) and no heavy library (rapidfuzz, lxml, rich, jinja2, yaml, numpy). A comparison
loads rapidfuzz but never numpy (the brief: rapidfuzz without `cdist`).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PIPA_2005 = ROOT / "statutes" / "pipa" / "815ILCS530_as_enacted_PA094-0036.txt"
PIPA_2006 = ROOT / "statutes" / "pipa" / "815ILCS530_through_PA094-0947.txt"
CHAPTER_620_CSV = ROOT / "statutes" / "ilcs-chapter-620" / "statutes.csv"

HEAVY = ("numpy", "rapidfuzz", "lxml", "rich", "jinja2", "yaml", "markupsafe", "pygments", "dataclasses", "pathlib")
# What the command line itself needs: the group and its options, the one error type, how the
# garbage collector runs (`collector.py`) and the format registry `--to` offers its choices from.
COMMAND_LINE = {"statdiff", "statdiff.cli", "statdiff.collector", "statdiff.errors", "statdiff.render"}


def _loaded(code: str) -> set[str]:
    """The modules loaded by running `code` (which may exit) in a fresh interpreter."""
    report = (
        "import atexit, json, sys\n"
        "atexit.register(lambda: sys.__stderr__.write('MODULES ' + json.dumps(sorted(sys.modules)) + '\\n'))\n"
    )
    result = subprocess.run([sys.executable, "-c", report + code], capture_output=True, text=True, cwd=ROOT)
    lines = [line for line in result.stderr.splitlines() if line.startswith("MODULES ")]
    assert lines, result.stderr
    return set(json.loads(lines[-1][len("MODULES "):]))


def _command(*arguments: str) -> str:
    return f"import sys\nfrom statdiff.cli import main\nsys.argv = ['statdiff', *{list(arguments)!r}]\nmain()"


def _statdiff_modules(modules: set[str]) -> set[str]:
    return {name for name in modules if name == "statdiff" or name.startswith("statdiff.")}


def _heavy(modules: set[str]) -> set[str]:
    return {name for name in modules if name.split(".")[0] in HEAVY}


@pytest.mark.parametrize("code", [
    "import statdiff.cli",
    _command("--help"),
    _command("diff", "--help"),
], ids=["import", "help", "diff-help"])
def test_the_command_line_loads_no_stage(code):
    modules = _loaded(code)
    assert _statdiff_modules(modules) == COMMAND_LINE
    assert not _heavy(modules)


def test_formats_loads_the_reader_registry_only():
    modules = _loaded(_command("formats"))
    assert _statdiff_modules(modules) == COMMAND_LINE | {"statdiff.read"}
    assert not _heavy(modules)


def test_import_statdiff_loads_neither_the_api_nor_a_stage():
    modules = _loaded("import statdiff")
    assert _statdiff_modules(modules) == {"statdiff", "statdiff.errors"}
    assert not _heavy(modules)


def test_the_api_is_imported_when_first_used():
    modules = _loaded("import statdiff\nassert callable(statdiff.parse) and callable(statdiff.diff)\n"
                      "assert {'parse', 'diff', 'StatdiffError'} <= set(dir(statdiff))")
    assert {"statdiff.api", "statdiff.pipeline"} <= modules


def test_an_unknown_attribute_is_still_an_attribute_error():
    import statdiff

    with pytest.raises(AttributeError, match="no attribute 'compare_everything'"):
        statdiff.compare_everything  # noqa: B018


def test_a_comparison_loads_rapidfuzz_without_numpy():
    modules = _loaded(_command("diff", str(PIPA_2005), str(PIPA_2006), "--json"))
    assert "rapidfuzz" in modules and "statdiff.compare" in modules
    assert not {name for name in modules if name.split(".")[0] == "numpy"}


# What `diff --json` of two versions runs: read, build, compare, annotate, view, the JSON writer
# (and whether NEW is worth building in a second process: `second_core`).
JSON_DIFF_PACKAGES = {"annotate", "cli", "collector", "compare", "errors", "law", "model", "pipeline", "read", "render",
                      "second_core", "structure", "view"}


def test_a_json_diff_loads_its_stages_and_no_other():
    """Neither the amend stage (page-and-line amendments, loaded when an amendment is compared),
    nor a renderer but JSON, nor lxml, rich, jinja2 or yaml, nor what only an amendment or a CSV needs."""
    modules = _loaded(_command("diff", str(PIPA_2005), str(PIPA_2006), "--json"))
    statdiff_modules = _statdiff_modules(modules)
    assert {name.split(".")[1] for name in statdiff_modules if "." in name} == JSON_DIFF_PACKAGES
    assert "statdiff.amend" not in modules and "statdiff.amend.instructions" not in modules
    assert "statdiff.compare.partial" not in modules  # an amendment's restatement cut
    assert "statdiff.compare.struck" not in modules  # a plain printing's struck words recovered
    assert "csv" not in modules  # a statutes CSV's reader
    assert "difflib" not in modules  # two bills' synopses set side by side
    assert "statdiff.view.changes" not in modules  # `statdiff changes`'s view
    assert "statdiff.read.numbering" not in modules  # the line-number engine of numbered pages
    assert "statdiff.view.outline" not in modules  # an HTML page's outline (its Acts, Articles, folded runs)
    assert "statdiff.view.rows" not in modules  # a section's rows and runs, which only the outputs printing rows read
    assert "statdiff.compare.quotes" not in modules  # a whole-replacement amendment's quotation marks
    assert "statdiff.compare.apparatus" not in modules  # a codified Section against an Act's own text
    assert "statdiff.model.instruction" not in modules  # a bill section's amendatory instruction
    assert "statdiff.model.printed" not in modules  # the page:line index a page-and-line amendment reads
    assert "statdiff.model.strikes" not in modules  # the struck-and-new pairs `statdiff parse` looks for
    assert {name for name in statdiff_modules if name.startswith("statdiff.render.")} == {
        "statdiff.render.json_out", "statdiff.render.options"}
    # (no pathlib: an input's path is written as pathlib would, `read.decode.path_text`)
    assert {name.split(".")[0] for name in _heavy(modules)} == {"rapidfuzz", "dataclasses"}


def test_a_diff_of_statutes_csvs_read_by_searches_loads_no_csv_reader():
    """A statutes CSV that `read.csvrows.simple_rows` reads (every real one) never needs the
    `csv` module, which reads only those it declines."""
    modules = _loaded(_command("diff", str(CHAPTER_620_CSV), str(CHAPTER_620_CSV), "--json", "--jobs", "1"))
    assert "statdiff.read.compiled" in modules and "statdiff.read.csvrows" in modules
    assert "csv" not in modules


def _forked_diff(old_in_child_bytes: int) -> tuple[set[str], set[str]]:
    """The modules a `diff --json` of two versions had loaded when it forked its child (NEW read
    and built there: `second_core`), and those it had loaded when it ended."""
    program = (
        "import json, os, sys\n"
        "from statdiff import second_core\n"
        "second_core.MIN_BYTES, second_core._idle_cores, second_core._only_thread = 0, lambda: 1, lambda: True\n"
        f"second_core.OLD_IN_CHILD_BYTES = {old_in_child_bytes}\n"
        "at_fork, fork = [], os.fork\n"
        "def recorded():\n    at_fork.append(sorted(sys.modules))\n    return fork()\n"
        "os.fork = recorded\n"
        "atexit_code = lambda: sys.__stderr__.write('AT FORK ' + json.dumps([at_fork, sorted(sys.modules)]) + '\\n')\n"
        "import atexit\natexit.register(atexit_code)\n"
        + _command("diff", str(PIPA_2005), str(PIPA_2006), "--json")
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, cwd=ROOT)
    lines = [line for line in result.stderr.splitlines() if line.startswith("AT FORK ")]
    assert lines and result.returncode == 1, result.stderr
    forked, at_the_end = json.loads(lines[-1][len("AT FORK "):])
    assert len(forked) == 1  # one fork, the child's
    return set(forked[0]), set(at_the_end)


# Reading a file: its decoding, the detection of its rendering, the reader of an ILCS page.
READING = {"statdiff.read.decode", "statdiff.read.detect", "statdiff.read.compiled"}


def test_a_diff_whose_child_reads_both_texts_reads_nothing_itself():
    """OLD small enough (`second_core.OLD_IN_CHILD_BYTES`): the child reads OLD and NEW and builds
    NEW; this process builds OLD from the child's reading and imports none of the reading.
    Building a tree and pickling, which both run, are imported once, before the fork."""
    forked, at_the_end = _forked_diff(old_in_child_bytes=1 << 30)
    assert {"pickle", "statdiff.structure"} <= forked
    assert not READING & at_the_end


def test_what_both_processes_of_a_diff_run_is_imported_once_before_the_fork():
    """OLD read here (a large OLD), NEW read and built in the child: reading a file (decoding it,
    detecting its rendering), building a tree and pickling it are imported before the fork, so
    that the child, which runs them too, does not import them again."""
    forked, _ = _forked_diff(old_in_child_bytes=-1)
    assert {"pickle", "statdiff.read.decode", "statdiff.read.detect", "statdiff.structure"} <= forked


def test_a_redline_to_standard_output_loads_no_file_writer():
    """`-o -` writes no file: neither the output checks nor the atomic writer (`statdiff.outputs`,
    which loads tempfile) are imported; a file output loads them."""
    to_stdout = _loaded(_command("redline", str(PIPA_2005), str(PIPA_2006), "-o", "-", "--to", "json"))
    assert "statdiff.render.json_out" in to_stdout and "statdiff.outputs" not in to_stdout
    to_missing_folder = _loaded(_command("redline", str(PIPA_2005), str(PIPA_2006), "-o", "no-such-folder/r.json"))
    assert "statdiff.outputs" in to_missing_folder


def test_an_html_redline_reads_its_assets_beside_the_module():
    """The stylesheet and script are read as files beside `render/pages.py`, as the templates'
    loader reads them: no `importlib.resources` (nor the zipfile it loads) for them."""
    html = _loaded(_command("redline", str(PIPA_2005), str(PIPA_2006), "-o", "-", "--to", "html"))
    assert "statdiff.render.html" in html
    assert "importlib.resources" not in html and "zipfile" not in html


def test_a_run_tunes_the_collector_and_leaves_it_as_it_was():
    import gc

    from statdiff import collector

    before, frozen = gc.get_threshold(), gc.get_freeze_count()
    with collector.tuned_for_one_run():
        assert gc.get_threshold()[0] == max(collector.ONE_RUN_THRESHOLD, before[0])
        assert gc.get_freeze_count() > frozen
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_a_build_pauses_the_collector_and_leaves_it_as_it_was():
    import gc

    from statdiff import collector

    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()  # not turned on by a build when it was off
    finally:
        gc.enable()


def test_the_program_leaves_at_once_with_the_same_output_status_and_exit_handlers():
    """Run as a program, `statdiff` exits as soon as its output is flushed (no teardown), yet
    prints what the command prints when called with arguments, exits with its status and
    still runs the exit handlers."""
    from click.testing import CliRunner

    from statdiff.cli import main

    expected = CliRunner().invoke(main, ["diff", str(PIPA_2005), str(PIPA_2006), "--json"])
    code = ("import atexit, sys\natexit.register(lambda: sys.stderr.write('exit handler ran\\n'))\n"
            "class Kept:\n    def __del__(self):\n        sys.stderr.write('torn down\\n')\n"
            "kept = Kept()  # freed by the interpreter's teardown, which the program skips\n"
            + _command("diff", str(PIPA_2005), str(PIPA_2006), "--json"))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert (result.returncode, result.stdout) == (expected.exit_code, expected.output) == (1, expected.output)
    assert result.stderr == "exit handler ran\n"
    missing = subprocess.run([sys.executable, "-c", _command("diff", "no-such-file.txt", str(PIPA_2006))],
                             capture_output=True, text=True, cwd=ROOT)
    assert missing.returncode == 2 and missing.stderr == "statdiff: error: no-such-file.txt: no such file\n"


def test_the_command_lines_pipeline_follows_a_patch_of_the_pipeline_or_of_itself(monkeypatch):
    """`cli.pipeline` stands for `statdiff.pipeline` until a command uses it: a test's patch of
    the pipeline is what the command line calls, and so is a patch of `cli.pipeline`; both undone."""
    from statdiff import cli, pipeline

    original = pipeline.read_file
    monkeypatch.setattr(pipeline, "read_file", "patched module")
    assert cli.pipeline.read_file == "patched module"
    monkeypatch.undo()
    monkeypatch.setattr(cli.pipeline, "read_file", "patched command line")
    assert cli.pipeline.read_file == "patched command line" and pipeline.read_file is original
    monkeypatch.undo()
    assert cli.pipeline.read_file is original and pipeline.read_file is original


def _after_a_command(arguments: list[str], code: str) -> str:
    """What `code` prints in a fresh interpreter after `statdiff ARGUMENTS` ran there (its output
    kept in `printed`, a StringIO, for `code` to read)."""
    program = (
        "import io, sys\n"
        "from statdiff.cli import main\n"
        "sys.stdout = printed = io.StringIO()\n"
        f"try:\n    main({arguments!r}, standalone_mode=False)\n"
        "except SystemExit:\n    pass\n"
        "sys.stdout = sys.__stdout__\n"
    ) + code
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_every_dataclass_a_diff_loads_has_its_own_docstring():
    """`dataclass` gives a class without a docstring one made of its signature, which costs an
    `inspect.signature` at import (about 0.15 ms a class): every dataclass a diff of two
    versions loads says what it is itself."""
    code = (
        "import dataclasses, inspect\n"
        "loaded = [module for name, module in list(sys.modules.items()) if name.startswith('statdiff.')]\n"
        "classes = {value for module in loaded for value in vars(module).values() if isinstance(value, type)\n"
        "           and dataclasses.is_dataclass(value) and value.__module__ == module.__name__}\n"
        "signed = sorted(cls.__qualname__ for cls in classes\n"
        "                if cls.__doc__ == cls.__name__ + str(inspect.signature(cls)).replace(' -> None', ''))\n"
        "print(len(classes), signed)\n"
    )
    count, signed = _after_a_command(["diff", str(PIPA_2005), str(PIPA_2006), "--json"], code).split(" ", 1)
    assert int(count) >= 30 and signed.strip() == "[]"


def test_a_json_diff_compiles_no_page_and_line_pattern():
    """The patterns of page-and-line instructions (`law.amendments.FORMS` and its kin) are
    compiled when first read, which a comparison of two versions never does."""
    code = (
        "assert '\"mode\": \"versions\"' in printed.getvalue()\n"
        "from statdiff.law import amendments, compiling\n"
        "patterns = [amendments.LOCATION, *amendments.RANGES, *(form for _, form in amendments.FORMS),\n"
        "            amendments.SEPARATOR, amendments.CLOSE_OLD, amendments.CLOSE_DELETED, amendments.CLOSE_ANCHOR,\n"
        "            amendments.CLOSE_NEW]\n"
        "assert len(patterns) > 10 and not any(map(compiling.is_compiled, patterns))\n"
        "for pattern in patterns:\n    pattern.match('on page 3, line 2,')  # the first use compiles\n"
        "assert all(map(compiling.is_compiled, patterns))\n"
        "print('CHECKED')\n"
    )
    assert _after_a_command(["diff", str(PIPA_2005), str(PIPA_2006), "--json"], code).splitlines() == ["CHECKED"]


def test_a_run_leaves_what_it_made_old_so_no_young_pass_is_due():
    """Restoring the threshold must not leave the run's objects young: the next allocation
    would walk them all (a few milliseconds of every command) to free next to nothing."""
    import gc

    from statdiff import collector

    with collector.tuned_for_one_run():
        made = [[index] for index in range(5000)]
        young_passes = gc.get_stats()[0]["collections"]
    more = [[index] for index in range(10)]
    assert gc.get_stats()[0]["collections"] == young_passes
    assert (len(made), len(more), gc.get_freeze_count()) == (5000, 10, 0)


# The patterns compiled when used that a comparison of two statute versions reads: the margin
# notes' (the annotate stage, which the JSON and HTML outputs show and the terminal does not)
# and the law's enumerators, lead-ins of definitions and Public Act numbers, which real text
# reaches. Every other (bills, amendments, HTML pages, CSV, ...) waits for its input.
READ_BY_A_DIFF_OF_VERSIONS = {
    "statdiff.annotate.margin._PERIOD", "statdiff.annotate.margin._AMOUNT", "statdiff.annotate.margin._DUTY",
    "statdiff.annotate.margin._REFERENCE", "statdiff.law.enumerators.ENUMERATOR", "statdiff.law.enumerators.CHAIN",
    "statdiff.law.enumerators._ROMAN", "statdiff.law.definitions.TERM_LEAD", "statdiff.law.public_acts.NUMBER",
    "statdiff.read.page_numbers._PAGE_NUMBER_LINE",  # an ILCS page's lines that may be a PDF's page numbers
    "statdiff.compare.tokens._PUBLIC_ACT_NUMBER", "statdiff.compare.truncation.SENTENCE_END",
}
# What reading an ILCS page (and detecting it, the marks of Illinois legislation sought line by
# line) compiles besides: a diff of two ILCS pages reads them, one of two statutes CSVs does not.
READ_FROM_AN_ILCS_PAGE = {
    "statdiff.read.compiled._ANY_CITATION", "statdiff.read.compiled._BARE_ACT_HEADING",
    "statdiff.read.compiled._FIRST_MARK", "statdiff.read.compiled._FIRST_UNIT",
    "statdiff.read.compiled._GLUED_SOURCE_OPENING", "statdiff.read.compiled._SITE_TITLE",
    "statdiff.read.detect._BILL_WORDS", "statdiff.read.detect._CITATION_LINE", "statdiff.read.detect._ILGA_MARK",
    "statdiff.read.detect._ILGA_WORDS", "statdiff.read.detect._ILLINOIS_ONLY", "statdiff.read.detect._SEC_LINE",
    "statdiff.law.citations.NAVIGATION_LINE",
}


def _patterns_compiled_by(arguments: list[str]) -> tuple[set[str], set[str]]:
    """The patterns compiled when used after `statdiff ARGUMENTS` (a fresh interpreter), and
    those of them the command compiled, by name (module.attribute) where a module holds one."""
    code = (
        "import json\n"
        "from statdiff.law import compiling\n"
        "names = {id(value): module.__name__ + '.' + name for module in list(sys.modules.values())\n"
        "         if module and module.__name__.startswith('statdiff') for name, value in vars(module).items()}\n"
        "made = [names.get(id(pattern), pattern.pattern) for pattern in compiling.PATTERNS]\n"
        "compiled = [names.get(id(pattern), pattern.pattern) for pattern in compiling.PATTERNS if compiling.is_compiled(pattern)]\n"
        "print('WAITING', json.dumps([made, compiled]))\n"
    )
    printed = _after_a_command(arguments, code)
    waiting = [line for line in printed.splitlines() if line.startswith("WAITING ")]
    assert waiting, printed
    made, compiled = json.loads(waiting[0][len("WAITING "):])
    return set(made), set(compiled)


def test_a_json_diff_of_two_versions_compiles_only_the_patterns_it_reads():
    """The patterns of bills, amendments, HTML pages and the like (`law.compiling.when_used`)
    wait for their first use, which a comparison of two statute versions never makes; those it
    reads (the margin notes', the enumerators') are compiled when it first reads them."""
    made, compiled = _patterns_compiled_by(["diff", str(PIPA_2005), str(PIPA_2006), "--json"])
    assert len(made) >= 40 and READ_BY_A_DIFF_OF_VERSIONS | READ_FROM_AN_ILCS_PAGE <= made
    # a reader's: the cuts of a Section printed as one line; the invisible characters a text holds
    assert {"statdiff.read.common._BREAK_IN_NORMALIZED", "statdiff.read.decode.INVISIBLE"} <= made - compiled
    assert compiled <= READ_BY_A_DIFF_OF_VERSIONS | READ_FROM_AN_ILCS_PAGE
    assert {"statdiff.annotate.margin._DUTY", "statdiff.law.enumerators.ENUMERATOR"} <= compiled


def test_a_diff_of_two_statutes_csvs_compiles_no_pattern_of_an_ilcs_page():
    """A statutes CSV is read by its own reader: neither the ILCS page's patterns nor those of
    the marks detection seeks line by line in other texts are compiled, nor the Chinese and
    Japanese characters' (which no word of it holds)."""
    # (in one process: where a second core reads both texts, this process compiles no reader's pattern)
    made, compiled = _patterns_compiled_by(["diff", str(CHAPTER_620_CSV), str(CHAPTER_620_CSV), "--json", "--jobs", "1"])
    assert READ_FROM_AN_ILCS_PAGE <= made and "statdiff.compare.tokens._CJK_CHARACTER" in made
    assert "statdiff.read.compiled._DISCLAIMER" in compiled  # the CSV reader's own, when it reads
    assert not compiled & (READ_FROM_AN_ILCS_PAGE | {"statdiff.compare.tokens._CJK_CHARACTER"})


def test_a_terminal_diff_compiles_no_margin_pattern():
    """The terminal shows no margin notes: the annotate stage's patterns are never compiled."""
    made, compiled = _patterns_compiled_by(["diff", str(PIPA_2005), str(PIPA_2006)])
    assert READ_BY_A_DIFF_OF_VERSIONS <= made
    assert compiled <= READ_BY_A_DIFF_OF_VERSIONS | READ_FROM_AN_ILCS_PAGE
    assert not {name for name in compiled if name.startswith("statdiff.annotate.")}


def test_a_pattern_compiled_when_used_is_the_pattern_re_compile_gives():
    """Same text, same flags, same groups, same matches; its methods kept once compiled."""
    import re

    import statdiff.annotate.margin  # noqa: F401 (each module that makes such patterns)
    import statdiff.compare.modes  # noqa: F401
    import statdiff.compare.tokens  # noqa: F401
    import statdiff.compare.truncation  # noqa: F401
    import statdiff.read.compiled  # noqa: F401
    import statdiff.read.decode  # noqa: F401
    import statdiff.read.detect  # noqa: F401
    import statdiff.read.identity  # noqa: F401
    import statdiff.view.labels  # noqa: F401
    from statdiff.law import compiling

    sample = PIPA_2006.read_text(encoding="utf-8")
    assert len(compiling.PATTERNS) >= 30
    for lazy in compiling.PATTERNS:
        eager = re.compile(lazy.pattern, lazy._flags)
        text = sample.encode() if isinstance(lazy.pattern, bytes) else sample
        assert ([match.span() for match in lazy.finditer(text)] == [match.span() for match in eager.finditer(text)])
        assert (lazy.flags, lazy.groups, lazy.groupindex) == (eager.flags, eager.groups, eager.groupindex)
        assert compiling.is_compiled(lazy) and lazy.search == vars(lazy)["search"]


def test_the_invisible_characters_of_one_byte_are_those_the_pattern_matches():
    """`decode._LATIN1_INVISIBLE` is read from the pattern's text, not by compiling it: the
    same characters the compiled pattern matches, among all of one byte and among all."""
    import re

    from statdiff.read import decode

    eager = re.compile(decode.INVISIBLE.pattern)
    assert decode._LATIN1_INVISIBLE == "".join(filter(eager.match, map(chr, range(256))))
    everything = "".join(filter(eager.match, map(chr, range(0x110000))))
    assert decode._members_below(decode._INVISIBLE_MEMBERS, 0x110000) == everything and len(everything) > 80
    assert decode._members_below("a-cx", 256) == "abcx" and decode._members_below("a-a-", 256) == "-a"


# Paths as a user may spell them: `-`, relative, absolute, `.` and `..` parts, doubled and
# trailing slashes, the POSIX `//` root, hidden files, dots at either end of a name, spaces.
PATH_SPELLINGS = [
    "", "-", ".", "./", "..", "../", "/", "//", "///", "////a", "a", "a.txt", "./a.txt", "a//b", "a/b/", "a/./b",
    "./a/../b.txt", "/tmp/x.TXT", "//server/share/f.docx", "///etc/x", "a/.", "a/..", ".hidden", "a/.hidden",
    "..docx", "a.", "a..", "a.b.c", "x.docx/", ".././../a b/c d.tar.gz", "-/x", "./-", "a\\b.txt", "ü/é.htm",
]


@pytest.mark.parametrize("spelling", PATH_SPELLINGS)
def test_a_path_is_written_named_and_suffixed_as_pathlib_does(spelling):
    """`decode.path_text`, `decode.path_suffix` and `model.tree.file_name` stand in for
    `str(Path(p))`, `Path(p).suffix` and `PurePath(p).name`, so that no command imports
    pathlib to name its inputs: the same on every spelling."""
    from pathlib import Path, PurePath

    from statdiff.model.tree import file_name
    from statdiff.read.decode import path_suffix, path_text

    written = path_text(spelling)
    assert written == str(Path(spelling)) and path_text(Path(spelling)) == written
    assert path_suffix(written) == Path(spelling).suffix
    assert file_name(spelling) == PurePath(spelling).name == file_name(written)


def test_paths_made_of_random_parts_are_written_as_pathlib_does():
    import random
    from pathlib import Path, PurePath

    from statdiff.model.tree import file_name
    from statdiff.read.decode import path_suffix, path_text

    pieces = ["", ".", "..", "a", "b.c", ".d", "e.", "-", " ", "f.g.h"]
    chosen = random.Random(16)
    for _ in range(2000):
        spelling = "/".join(chosen.choice(pieces) for _ in range(chosen.randint(1, 5)))
        assert (path_text(spelling), path_suffix(path_text(spelling)), file_name(spelling)) == (
            str(Path(spelling)), Path(spelling).suffix, PurePath(spelling).name), spelling
