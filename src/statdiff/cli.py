"""The `statdiff` command line.

Exit status follows diff(1): 0 no changes, 1 changes, 2 trouble. Every error a
user can cause is one line on stderr, `statdiff: error: ...`, never a traceback.
Each command only wires its options to `statdiff.pipeline` (read, compare, view,
render) and writes what it returns; no logic lives here.
"""

from __future__ import annotations

import functools
import importlib
import sys
from typing import TYPE_CHECKING, Any, BinaryIO

import click

from statdiff import collector
from statdiff.errors import StatdiffError, display_name, failure_message, os_reason
from statdiff.render import STDOUT, Output, formats as _formats


class _ImportedWhenUsed:
    """A module imported at its first attribute lookup: `statdiff --help` and `statdiff
    formats` load no stage (tests/test_startup.py says which modules they load)."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        return getattr(importlib.import_module(self._name), attribute)


if TYPE_CHECKING:
    from statdiff import pipeline
else:
    pipeline = _ImportedWhenUsed("statdiff.pipeline")

# The file formats of a redline, as the registry lists them: `--to NAME`, `-o report.SUFFIX`.
OUTPUT_FORMATS = [entry.name for entry in _formats("redline") if entry.suffixes]
OUTPUT_SUFFIXES = ", ".join(entry.suffixes[0] for entry in _formats("redline") if entry.suffixes)

FORMAT_HELP = "Force the rendering instead of detecting it (see `statdiff formats`)."
MAX_SIZE_HELP = "Refuse inputs larger than this many megabytes."
ANY_PRINTING_HELP = ("Apply a page-and-line amendment to the text given even when it is another printing of the bill"
                     " than the one the amendment cites (engrossed for introduced, say); its bill is still checked,"
                     " and every instruction against the line it cites.")
JOBS_HELP = ("Processes to read and build the two texts with: by default a second process reads them and builds NEW"
             " while this one builds OLD (a large OLD is read here), when both are 64 KB or more and a core is free"
             " (the same output); 1: all here.")
DEFAULT_MAX_MB = 50.0  # as read.decode.DEFAULT_MAX_BYTES: a comparison holds about 60 bytes per input byte
# No checks by click (its `readable` test would print a usage error): statdiff's readers
# refuse a missing, unreadable or special file in one line of their own.
UNCHECKED_PATH = click.Path(readable=False, path_type=str)


def _guarded(command, results_kept: bool = True):
    """Turn statdiff's own errors (and anything unexpected) into one line and exit 2.
    `results_kept`: what the command reads, builds and compares lives until it ends (False
    for a batch, whose pairs' results are dropped as each is written): see `collector`."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            with collector.tuned_for_one_run(results_kept=results_kept):
                return command(*args, **kwargs)
        except (StatdiffError, MemoryError, RecursionError) as error:
            _fail(failure_message(error))
        except KeyboardInterrupt:
            _fail("interrupted")
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(2)
        except OSError as error:  # the stages turn their own I/O errors into StatdiffError: this is stdout
            _fail(f"cannot write the output ({os_reason(error)})")
        except click.exceptions.Exit:
            raise
        except click.ClickException:
            raise
        except Exception as error:  # the safety net: a bug must still not print a traceback
            _fail(failure_message(error))

    wrapper.results_kept = results_kept  # type: ignore[attr-defined]
    return wrapper


def _fail(message: str) -> None:
    message = " ".join(part.strip() for part in str(message).splitlines()) or "unknown error"  # one line
    message = display_name(message, limit=None)  # the last guard: no control character reaches the terminal
    click.echo(f"statdiff: error: {message}", err=True)
    sys.exit(2)


def _positive_megabytes(context, parameter, value: float) -> float:
    if not 0 < value < float("inf"):  # also refuses nan, for which every comparison is false
        raise click.BadParameter(f"{value} is not a positive number of megabytes")
    return value


def _max_bytes(max_mb: float) -> int:
    return int(max_mb * 1024 * 1024)


def _warn_if_nothing_fits(*documents) -> None:
    """Illinois text that no rendering fits well is read as prose: say so on stderr."""
    _warn(pipeline.nothing_fits_warnings(*documents))


def _warn_of_suspected_strikes(document) -> None:
    """A plain printing of an amendatory bill prints its struck words as words: look for them
    (`compare.struck.suspected_strikes`, kept on the document for its JSON) and say on stderr
    where it seems to, and that the HTML page shows them."""
    from statdiff.compare.struck import suspected_strikes

    strikes = document.suspected_strikes = suspected_strikes(document)
    if strikes:
        shown = "; ".join(strike.describe() for strike in strikes[:3]) + ("; ..." if len(strikes) > 3 else "")
        click.echo(f"statdiff: warning: {display_name(document.name)}: {len(strikes)} struck-and-new "
                   f"pair{'s' if len(strikes) > 1 else ''} suspected in this plain printing ({shown}); "
                   "its HTML page shows the strike markup", err=True)


# `--color=WHEN`, as git and GNU diff take it: the RenderOptions.color each means.
COLOR_WHEN = {"auto": None, "always": True, "never": False}


def _color_options(command):
    """`--color=auto|always|never` and `--no-color`, the same as `--color=never`. `auto`
    colours a terminal only, and not when `NO_COLOR` is set; `always` colours a pipe too,
    whatever `NO_COLOR` says (an option given on the command line wins, as no-color.org asks)."""
    command = click.option("--no-color", is_flag=True, help="No colour: the same as --color=never.")(command)
    return click.option(
        "--color", "color", type=click.Choice(list(COLOR_WHEN)), default="auto", show_default=True,
        help="Colour the output: auto (on a terminal, unless NO_COLOR is set), always (through a pipe too), never.",
    )(command)


def _terminal(color: str, no_color: bool, context: int = 8) -> pipeline.RenderOptions:
    """Render options for standard output: lines never wrapped, coloured as `--color` says."""
    return pipeline.RenderOptions(context=context, color=COLOR_WHEN["never" if no_color else color], stdout=True)


def _print(output: Output) -> None:
    """Write a renderer's output to standard output as it is (styles included)."""
    click.echo(output, nl=False, color=True)


class _Statdiff(click.Group):
    """The command group; run as a program (the `statdiff` script: no `args` given, standalone), it
    leaves the process as soon as the command's output is written and flushed and the exit handlers
    have run: the interpreter's teardown would free every word, node and token one by one (about
    0.1 s after a comparison of the Election Code), which serves nobody. Called with `args` (the
    tests, a script), it returns or raises as any click command does."""

    def main(self, args: Any = None, *rest: Any, **options: Any) -> Any:
        if args is not None or rest or not options.get("standalone_mode", True):
            return super().main(args, *rest, **options)
        try:
            return super().main(args, **options)
        except SystemExit as leaving:
            _leave_at_once(leaving)
            raise


def _leave_at_once(leaving: SystemExit) -> None:
    """Exit with `leaving`'s status now, skipping the interpreter's teardown (never the exit
    handlers); where the status is not a number, processes were started (`statdiff batch`), a
    thread of the command still runs or the output cannot be flushed, return and let Python
    exit as usual (it waits for the thread, and reports a failed flush its own way)."""
    import atexit
    import os

    if leaving.code is not None and not isinstance(leaving.code, int):
        return
    if "multiprocessing" in sys.modules:  # a batch's pool: its semaphores are unlinked as their objects are
        return  # freed, and the resource tracker would warn on stderr of those never freed
    threading = sys.modules.get("threading")
    if threading is not None and any(not thread.daemon and thread is not threading.main_thread()
                                     for thread in threading.enumerate()):
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (AttributeError, OSError, ValueError):
        return
    atexit._run_exitfuncs()
    os._exit(leaving.code or 0)


@click.group(cls=_Statdiff, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="statdiff")
def main():
    """Read Illinois statute and bill text and show precisely what changed."""


@main.command()
@_guarded
def formats():
    """List the renderings statdiff reads."""
    from statdiff.read import RENDERINGS

    for name, description in RENDERINGS.items():
        click.echo(f"{name:18} {description}")


@main.command()
@click.argument("file", type=UNCHECKED_PATH)
@click.option("--json", "as_json", is_flag=True, help="Print the tree as JSON.")
@click.option("--text", "as_text", is_flag=True, help="Print the clean body text, one printed line a line.")
@click.option("--format", "format", default=None, help=FORMAT_HELP)
@click.option("--audit", "as_audit", is_flag=True, help="List every dropped token by the rule that dropped it, with page:line, checked against the source (exit 1 if a word is unaccounted for).")
@_color_options
@click.option("--max-size", type=float, callback=_positive_megabytes, default=DEFAULT_MAX_MB, show_default=True, help=MAX_SIZE_HELP)
@_guarded
def parse(file, as_json, as_text, format, as_audit, color, no_color, max_size):
    """Parse FILE (`-`: standard input) into a section tree with page:line provenance (an
    amendment: and its instructions, as structured edits)."""
    if as_json and as_text:
        raise StatdiffError("choose one of --json and --text")
    if as_audit:
        if as_text:
            raise StatdiffError("choose one of --audit and --text")
        document, report = pipeline.audit_file(file, format=format, max_bytes=_max_bytes(max_size))
        _warn(pipeline.document_warnings(document))
        _print(pipeline.render("audit", (document, report), "json" if as_json else "text", _terminal(color, no_color)))
        sys.exit(0 if report.ok else 1)
    document = pipeline.read_file(file, format=format, max_bytes=_max_bytes(max_size))
    _warn(pipeline.document_warnings(document))
    _warn_of_suspected_strikes(document)
    to = "json" if as_json else "text" if as_text else "tree"
    amendment = pipeline.amendment_in(document) if to != "text" else None
    if amendment is not None:  # an amendment: its instructions too
        _print(pipeline.render("amendment", pipeline.amendment_view(document, amendment), to, _terminal(color, no_color)))
        return
    _print(pipeline.render("document", document, to, _terminal(color, no_color)))


@main.command()
@click.argument("old", type=UNCHECKED_PATH)
@click.argument("new", type=UNCHECKED_PATH)
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON.")
@click.option("--stat", "as_stat", is_flag=True, help="Print a per-section count of changes.")
@_color_options
@click.option("--context", type=click.IntRange(min=0), default=8, show_default=True, help="Words of context around each change.")
@click.option("--any-printing", is_flag=True, help=ANY_PRINTING_HELP)
@click.option("--format", "format", default=None, help=FORMAT_HELP)
@click.option("--max-size", type=float, callback=_positive_megabytes, default=DEFAULT_MAX_MB, show_default=True, help=MAX_SIZE_HELP)
@click.option("--jobs", type=click.IntRange(min=1), default=2, show_default=True, metavar="N", help=JOBS_HELP)
@_guarded
def diff(old, new, as_json, as_stat, color, no_color, context, any_printing, format, max_size, jobs):
    """Compare OLD with NEW (either `-` for standard input): changes marked {+inserted+} and
    [-deleted-], one line per node, never wrapped; nothing is printed when nothing changed. When NEW is a page-and-line
    amendment to the bill OLD, the bill is compared with itself as amended, each change at
    the bill's page:line and credited to its instruction. Exit status: 0 no changes,
    1 changes, 2 trouble."""
    if as_json and as_stat:
        raise StatdiffError("choose one of --json and --stat")
    to = "json" if as_json else "stat" if as_stat else "terminal"
    # its renderer loaded while a second process finishes reading NEW (where there is one)
    comparison, warnings = _diffed(old, new, format, max_size, any_printing, jobs,
                                   meanwhile=lambda: pipeline.output_format("redline", STDOUT, to))
    _print(pipeline.render_comparison(comparison, to, options=_terminal(color, no_color, context), warnings=warnings))
    sys.exit(1 if comparison.changes else 0)


@main.command()
@click.argument("old", type=UNCHECKED_PATH)
@click.argument("new", type=UNCHECKED_PATH)
@click.option("-o", "--output", required=True, type=UNCHECKED_PATH,
              help=f"The file to write, in the format its suffix names ({OUTPUT_SUFFIXES}); - for standard output.")
@click.option("--to", "to", type=click.Choice(OUTPUT_FORMATS), default=None,
              help="Write this format whatever the output's suffix (with -o -: the format of standard output; default html).")
@click.option("--view", type=click.Choice(["inline", "side-by-side"]), default="inline", show_default=True,
              help="The HTML and PDF layout.")
@click.option("--notes", type=UNCHECKED_PATH, default=None, help="YAML or TOML notes keyed by node path.")
@click.option("--title", default=None, help="Title of the report.")
@click.option("--any-printing", is_flag=True, help=ANY_PRINTING_HELP)
@click.option("--format", "format", default=None, help=FORMAT_HELP)
@click.option("--max-size", type=float, callback=_positive_megabytes, default=DEFAULT_MAX_MB, show_default=True, help=MAX_SIZE_HELP)
@click.option("--jobs", type=click.IntRange(min=1), default=2, show_default=True, metavar="N", help=JOBS_HELP)
@_guarded
def redline(old, new, output, to, view, notes, title, any_printing, format, max_size, jobs):
    """Write a redline of OLD against NEW (either `-` for standard input) to OUTPUT: annotated HTML, Word with tracked changes,
    PDF, a CSV or Excel change list, or JSON, as OUTPUT's suffix (or --to) says."""
    inputs = [old, new] + ([notes] if notes else [])
    to_stdout = output == STDOUT
    _check_output_path(output, inputs)
    selected = pipeline.output_format("redline", output, to)
    _refuse_binary_on_a_terminal(selected, to_stdout, "report")
    comparison, warnings = _diffed(old, new, format, max_size, any_printing, jobs)
    reader_notes, note_warnings = pipeline.reader_notes(notes, comparison) if notes else ([], [])
    _warn(note_warnings)
    # what stderr said is said in the file too: a redline is read by people who never saw stderr
    redline = pipeline.view(comparison, notes=reader_notes, title=title, warnings=warnings + note_warnings)
    written = pipeline.render_to_path("redline", redline, output, to=selected.name, options=pipeline.RenderOptions(view=view))
    where = _write_output(output, written, inputs)
    count = len(comparison.changes)
    click.echo(f"wrote {where}: {count} change{'' if count == 1 else 's'}", err=True)
    sys.exit(1 if comparison.changes else 0)


def _check_output_path(output: str | None, inputs) -> None:
    """Refuse now, before any work, an output file that cannot be written or is one of the
    inputs. Standard output (`-`, or no -o) needs no check, nor the module that writes files."""
    if output is not None and output != STDOUT:
        from statdiff.outputs import check_output_path

        check_output_path(output, inputs)


def _refuse_binary_on_a_terminal(selected, to_stdout: bool, stem: str) -> None:
    """Word, PDF or Excel on standard output: to a pipe or a file, never to a terminal."""
    if to_stdout and selected.binary and _stdout_is_terminal():
        suffix = selected.suffixes[0]
        raise StatdiffError(f"-o -: {selected.name} is a binary format and is not written to a terminal;"
                            f" redirect it (> {stem}{suffix}) or write a file (-o {stem}{suffix})")


def _write_output(output: str, written: Output, inputs) -> str:
    """Write standard output (`-`) or the file `output` (atomically, never over an input); say which."""
    if output == STDOUT:
        _write_stdout(written)
        return "standard output"
    from statdiff.outputs import write_atomically

    write_atomically(output, written, inputs=inputs)
    return display_name(output)


def _diffed(old, new, format, max_size, any_printing, jobs, meanwhile=None):
    """OLD compared with NEW (NEW applied first when it is a page-and-line amendment to OLD),
    and its warnings, printed on stderr; NEW read and built in a second process when `jobs`
    allows (`meanwhile` done while it finishes)."""
    diffed = pipeline.diff_files(old, new, format=format, max_bytes=_max_bytes(max_size), check_printing=not any_printing,
                                 second_core=jobs > 1, meanwhile=meanwhile)
    warnings = pipeline.nothing_fits_warnings(diffed.comparison.old, diffed.comparison.new) + list(diffed.warnings)
    _warn(warnings)
    return diffed.comparison, warnings


def _warn(warnings) -> None:
    for warning in warnings:
        click.echo(f"statdiff: warning: {display_name(warning, limit=None)}", err=True)


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def _write_stdout(written: Output) -> None:
    """A text output as text, a binary one (to a pipe or a file) as its bytes."""
    if isinstance(written, bytes):
        stream: BinaryIO = sys.stdout.buffer
        stream.write(written)
        stream.flush()
    else:
        click.echo(written, nl=False)


@main.command("apply")
@click.argument("bill", type=UNCHECKED_PATH)
@click.argument("amendments", nargs=-1, required=True, type=UNCHECKED_PATH, metavar="AMENDMENT...")
@click.option("-o", "--output", default=None, type=UNCHECKED_PATH,
              help="Write the bill as amended to this file (.txt text, .json JSON), atomically; - for standard output.")
@click.option("--provenance", "as_provenance", is_flag=True,
              help="Each line with where it was printed: the bill's page:line, new text marked {+...+}; lines of new text with the amendment's.")
@click.option("--json", "as_json", is_flag=True, help="Every run of text with where it was printed, and the instructions, as JSON.")
@click.option("--any-printing", is_flag=True, help=ANY_PRINTING_HELP)
@click.option("--format", "format", default=None, help=FORMAT_HELP)
@click.option("--max-size", type=float, callback=_positive_megabytes, default=DEFAULT_MAX_MB, show_default=True, help=MAX_SIZE_HELP)
@_guarded
def apply_command(bill, amendments, output, as_provenance, as_json, any_printing, format, max_size):
    """Apply the page-and-line AMENDMENTs, in order, to BILL (the printing they cite) and print the
    bill as amended, each word keeping where it was printed. An instruction that does not fit the
    bill, or an amendment to another bill or printing, is refused in one line and nothing is written."""
    if as_json and as_provenance:
        raise StatdiffError("choose one of --json and --provenance")
    to = "json" if as_json else "provenance" if as_provenance else None
    inputs = [bill, *amendments]
    _check_output_path(output, inputs)
    selected = pipeline.output_format("amended", output or STDOUT, to, default="text")
    amended = pipeline.apply_files(bill, list(amendments), format=format, max_bytes=_max_bytes(max_size),
                                   check_printing=not any_printing)
    _warn(amended.notes)
    shown = pipeline.amended_view(amended)
    written = pipeline.render("amended", shown, selected.name)
    if output is None:
        _print(written)
        return
    where = _write_output(output, written, inputs)
    click.echo(f"wrote {where}: {shown.instructions} instructions applied", err=True)


HISTORY_FORMATS = [entry.name for entry in _formats("history") if entry.suffixes]


@main.command()
@click.argument("versions", nargs=-1, required=True, type=UNCHECKED_PATH, metavar="VERSION...")
@click.option("--as-given", is_flag=True, help="Take the versions in the order given, instead of the order they were made.")
@click.option("-o", "--output", default=None, type=UNCHECKED_PATH,
              help="Write the history to this file, in the format its suffix names (.html the timeline redline, .docx, .pdf, .csv, .xlsx, .json); - for standard output.")
@click.option("--to", "to", type=click.Choice(HISTORY_FORMATS), default=None, help="With -o: this format whatever the suffix.")
@click.option("--json", "as_json", is_flag=True, help="Print the history as JSON.")
@click.option("--stat", "as_stat", is_flag=True, help="Print a per-section count of the changes from the first version to the last.")
@_color_options
@click.option("--context", type=click.IntRange(min=0), default=8, show_default=True, help="Words of context around each change.")
@click.option("--view", type=click.Choice(["inline", "side-by-side"]), default="inline", show_default=True, help="The HTML and PDF layout.")
@click.option("--title", default=None, help="Title of the report.")
@click.option("--any-printing", is_flag=True, help=ANY_PRINTING_HELP)
@click.option("--format", "format", default=None, help=FORMAT_HELP)
@click.option("--max-size", type=float, callback=_positive_megabytes, default=DEFAULT_MAX_MB, show_default=True, help=MAX_SIZE_HELP)
@_guarded
def history(versions, as_given, output, to, as_json, as_stat, color, no_color, context, view, title, any_printing, format, max_size):
    """Follow a bill or a law through its VERSIONs (files, or one folder holding them): put them in
    the order they were made (introduced, amendments, engrossed, enrolled, Public Acts by number,
    ILCS texts by their latest Source note) unless --as-given, compare each with the one before
    (page-and-line amendments applied to the printing they name), and show the first against the
    last with every change credited to the version that made it. Exit status: 0 no changes,
    1 changes, 2 trouble."""
    if as_json and as_stat:
        raise StatdiffError("choose one of --json and --stat")
    if output is None and to is not None:
        raise StatdiffError("--to needs -o FILE (or -o -)")
    inputs = pipeline.version_files(versions)
    to_stdout = output is None or output == STDOUT
    _check_output_path(output, inputs)
    selected = pipeline.output_format("history", output, to) if output is not None else None
    if selected is not None:
        _refuse_binary_on_a_terminal(selected, to_stdout, "history")
    found = pipeline.history(inputs, as_given=as_given, format=format, max_bytes=_max_bytes(max_size),
                             check_printing=not any_printing)
    timeline = pipeline.history_view(found, title=title)
    _warn(timeline.warnings)
    changed = any(step.comparison.changes for step in found.steps)
    if selected is None:
        shown = "json" if as_json else "stat" if as_stat else "terminal"
        _print(pipeline.render("history", timeline, shown, _terminal(color, no_color, context)))
        sys.exit(1 if changed else 0)
    written = pipeline.render("history", timeline, selected.name, pipeline.RenderOptions(view=view))
    where = _write_output(output, written, inputs)
    click.echo(f"wrote {where}: {len(found.versions)} versions, {len(found.final.changes)} changes from the first to the last",
               err=True)
    sys.exit(1 if changed else 0)


@main.command()
@click.argument("bill", type=UNCHECKED_PATH)
@click.option("--old", "old", type=UNCHECKED_PATH, default=None, help="The old law: also check statdiff's own comparison against the markup.")
@click.option("--json", "as_json", is_flag=True, help="Print the changes (and disagreements) as JSON.")
@_color_options
@click.option("--format", "format", default=None, help=FORMAT_HELP)
@click.option("--max-size", type=float, callback=_positive_megabytes, default=DEFAULT_MAX_MB, show_default=True, help=MAX_SIZE_HELP)
@_guarded
def changes(bill, old, as_json, color, no_color, format, max_size):
    """List the changes BILL's own underline/strike markup prints. Exit status: 0 none, 1 changes, 2 trouble."""
    listing = pipeline.change_list(bill, old=old, format=format, max_bytes=_max_bytes(max_size))
    _print(pipeline.render("changes", listing, "json" if as_json else "terminal", _terminal(color, no_color)))
    sys.exit(1 if listing.changes or listing.disagreements else 0)


@main.command(short_help="Compare many pairs at once, locally or on a Dask cluster.")
@click.argument("manifest", required=False, type=UNCHECKED_PATH)
@click.option("--pairs-from", "pairs_from", type=UNCHECKED_PATH, default=None, metavar="DIR",
              help="A folder holding one sub-folder a pair (old.* and new.*, or two versions told apart by their identity), instead of MANIFEST.")
@click.option("-o", "--output", "outdir", required=True, type=UNCHECKED_PATH, metavar="OUTDIR",
              help="The folder to write changes.jsonl, index.html and a redline a pair into (created if missing).")
@click.option("--jobs", type=click.IntRange(min=1), default=None, metavar="N", help="Local worker processes (default: the cores; 1: in this process).")
@click.option("--scheduler", default=None, metavar="ADDRESS", help="Run on the Dask cluster at this address (tcp://HOST:PORT) instead; needs statdiff[dask].")
@click.option("--view", type=click.Choice(["inline", "side-by-side"]), default="inline", show_default=True, help="The redlines' view.")
@click.option("--format", "format", default=None, help=FORMAT_HELP)
@click.option("--max-size", type=float, callback=_positive_megabytes, default=DEFAULT_MAX_MB, show_default=True, help=MAX_SIZE_HELP)
@functools.partial(_guarded, results_kept=False)
def batch(manifest, pairs_from, outdir, jobs, scheduler, view, format, max_size):
    """Compare every pair MANIFEST (a CSV: old,new[,name]) or --pairs-from DIR lists, writing a redline a pair,
    changes.jsonl and index.html into OUTDIR. Exit status: 0 no changes, 1 changes, 2 a pair failed (or trouble)."""
    from statdiff import batch as batches

    if (manifest is None) == (pairs_from is None):
        raise StatdiffError("give a MANIFEST or --pairs-from DIR (one of them)")
    if jobs is not None and scheduler is not None:
        raise StatdiffError("choose one of --jobs and --scheduler")
    if scheduler is not None:
        batches.check_dask()
    options = batches.PairOptions(format=format, max_bytes=_max_bytes(max_size), view=view)
    plan = batches.plan_manifest(manifest, options) if manifest is not None else batches.plan_folder(pairs_from, outdir, options)
    for warning in plan.warnings:
        click.echo(f"statdiff: warning: {display_name(warning, limit=None)}", err=True)
    result = batches.run_batch(plan, outdir, jobs=jobs, scheduler=scheduler, progress=sys.stderr.isatty())
    for name, error in result.failures:
        click.echo(f"statdiff: error: {display_name(f'pair {name}: {error}', limit=None)}", err=True)
    click.echo(f"wrote {display_name(outdir)}: {len(result.records)} pairs, {result.count('changed')} changed,"
               f" {result.count('unchanged')} unchanged, {result.count('failed')} failed"
               + (f"; {result.warned} with warnings (see changes.jsonl or index.html)" if result.warned else ""), err=True)
    sys.exit(result.exit_status)
