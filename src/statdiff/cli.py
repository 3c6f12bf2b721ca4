"""The `statdiff` command line.

Exit status follows diff(1): 0 no changes, 1 changes, 2 trouble. Every error a
user can cause is one line on stderr, `statdiff: error: ...`, never a traceback.
Each command only wires options to the stage modules; no logic lives here.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from statdiff.errors import StatdiffError, os_reason

FORMAT_HELP = "Force the rendering instead of detecting it (see `statdiff formats`)."
MAX_SIZE_HELP = "Refuse inputs larger than this many megabytes."
DEFAULT_MAX_MB = 50.0  # as read.decode.DEFAULT_MAX_BYTES: a comparison holds about 60 bytes per input byte


def _guarded(command):
    """Turn statdiff's own errors (and anything unexpected) into one line and exit 2."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except StatdiffError as error:
            _fail(str(error))
        except KeyboardInterrupt:
            _fail("interrupted")
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(2)
        except MemoryError:
            _fail("out of memory: the input is too large for this machine (try --max-size)")
        except RecursionError:
            _fail("the input is nested too deeply to process")
        except OSError as error:  # the stages turn their own I/O errors into StatdiffError: this is stdout
            _fail(f"cannot write the output ({os_reason(error)})")
        except click.exceptions.Exit:
            raise
        except click.ClickException:
            raise
        except Exception as error:  # the safety net: a bug must still not print a traceback
            _fail(f"internal error ({type(error).__name__}: {error}); please report it")

    return wrapper


def _fail(message: str) -> None:
    message = " ".join(part.strip() for part in str(message).splitlines()) or "unknown error"  # one line
    click.echo(f"statdiff: error: {message}", err=True)
    sys.exit(2)


def _positive_megabytes(context, parameter, value: float) -> float:
    if not 0 < value < float("inf"):  # also refuses nan, for which every comparison is false
        raise click.BadParameter(f"{value} is not a positive number of megabytes")
    return value


def _read_document(path: str, format: str | None, max_mb: float):
    from statdiff.read import read_path
    from statdiff.structure import build_document

    document = build_document(read_path(Path(path), format=format, max_bytes=int(max_mb * 1024 * 1024)))
    _warn_if_nothing_fits(path, document.detection)
    return document


def _warn_if_nothing_fits(path: str, detection) -> None:
    """Illinois text that no rendering fits well is read as prose: say so on stderr."""
    if detection is not None and not detection.fits and not detection.forced:
        from statdiff.errors import display_name

        best = f"{detection.runner_up} {detection.runner_up_score:.2f}" if detection.runner_up_score else "none"
        click.echo(
            f"statdiff: warning: {display_name(path)}: no rendering fits this text well (best: {best});"
            " read as prose, see statdiff parse --audit",
            err=True,
        )


def _console(no_color: bool):
    from rich.console import Console

    return Console(no_color=no_color, highlight=False, soft_wrap=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
@click.argument("file", type=click.Path(dir_okay=True, path_type=str))
@click.option("--json", "as_json", is_flag=True, help="Print the tree as JSON.")
@click.option("--text", "as_text", is_flag=True, help="Print the clean body text, one printed line a line.")
@click.option("--format", "format", default=None, help=FORMAT_HELP)
@click.option("--audit", "as_audit", is_flag=True, help="List every dropped token by the rule that dropped it, with page:line, checked against the source (exit 1 if a word is unaccounted for).")
@click.option("--no-color", is_flag=True, help="No colour in the tree view.")
@click.option("--max-size", type=float, callback=_positive_megabytes, default=DEFAULT_MAX_MB, show_default=True, help=MAX_SIZE_HELP)
@_guarded
def parse(file, as_json, as_text, format, as_audit, no_color, max_size):
    """Parse FILE into a section tree with page:line provenance."""
    if as_json and as_text:
        raise StatdiffError("choose one of --json and --text")
    if as_audit:
        _audit(file, format, max_size, as_json, as_text)
    document = _read_document(file, format, max_size)
    if as_json:
        from statdiff.render.json_out import dumps, document_to_json

        click.echo(dumps(document_to_json(document)))
    elif as_text:
        from statdiff.render.plain import document_lines

        for line in document_lines(document):
            click.echo(line)
    else:
        from statdiff.render.tree_view import render_tree

        render_tree(document, _console(no_color))


def _audit(file: str, format: str | None, max_mb: float, as_json: bool, as_text: bool) -> None:
    from statdiff.errors import display_name
    from statdiff.read.audit import audit_file, report_lines

    if as_text:
        raise StatdiffError("choose one of --audit and --text")
    document, report = audit_file(Path(file), format=format, max_bytes=int(max_mb * 1024 * 1024))
    _warn_if_nothing_fits(file, document.detection)
    if as_json:
        from statdiff.render.json_out import dumps

        detection = document.detection.to_json() if document.detection else None
        click.echo(dumps({"name": document.name, "detection": detection, "audit": report.to_json()}))
    else:
        for line in report_lines(display_name(file), document.detection, report):
            click.echo(line)
    sys.exit(0 if report.ok else 1)


@main.command()
@click.argument("old", type=click.Path(path_type=str))
@click.argument("new", type=click.Path(path_type=str))
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON.")
@click.option("--stat", "as_stat", is_flag=True, help="Print a per-section count of changes.")
@click.option("--no-color", is_flag=True, help="No colour (underline and strike marks are kept as text).")
@click.option("--context", type=click.IntRange(min=0), default=8, show_default=True, help="Words of context around each change.")
@click.option("--format", "format", default=None, help=FORMAT_HELP)
@click.option("--max-size", type=float, callback=_positive_megabytes, default=DEFAULT_MAX_MB, show_default=True, help=MAX_SIZE_HELP)
@_guarded
def diff(old, new, as_json, as_stat, no_color, context, format, max_size):
    """Compare OLD with NEW. Exit status: 0 no changes, 1 changes, 2 trouble."""
    from statdiff.diff import compare

    if as_json and as_stat:
        raise StatdiffError("choose one of --json and --stat")
    comparison = compare(_read_document(old, format, max_size), _read_document(new, format, max_size))
    if as_json:
        from statdiff.render.json_out import comparison_to_json, dumps

        click.echo(dumps(comparison_to_json(comparison)))
    elif as_stat:
        from statdiff.render.terminal import render_stat

        render_stat(comparison, _console(no_color))
    else:
        from statdiff.render.terminal import render_comparison

        render_comparison(comparison, _console(no_color), context=context)
    sys.exit(1 if comparison.changes else 0)


@main.command()
@click.argument("old", type=click.Path(path_type=str))
@click.argument("new", type=click.Path(path_type=str))
@click.option("-o", "--output", required=True, type=click.Path(path_type=str), help="The HTML file to write.")
@click.option("--view", type=click.Choice(["inline", "side-by-side"]), default="inline", show_default=True)
@click.option("--notes", type=click.Path(path_type=str), default=None, help="YAML or TOML notes keyed by node path.")
@click.option("--title", default=None, help="Title of the report.")
@click.option("--format", "format", default=None, help=FORMAT_HELP)
@click.option("--max-size", type=float, callback=_positive_megabytes, default=DEFAULT_MAX_MB, show_default=True, help=MAX_SIZE_HELP)
@_guarded
def redline(old, new, output, view, notes, title, format, max_size):
    """Write an annotated HTML redline of OLD against NEW to OUTPUT."""
    from statdiff.diff import compare
    from statdiff.outputs import check_output_path, write_atomically
    from statdiff.render.html import render_redline

    inputs = [Path(p) for p in [old, new] + ([notes] if notes else [])]
    check_output_path(Path(output), inputs)
    comparison = compare(_read_document(old, format, max_size), _read_document(new, format, max_size))
    reader_notes, warnings = ([], [])
    if notes:
        from statdiff.notes import load_notes, match_notes

        reader_notes, warnings = match_notes(load_notes(Path(notes)), comparison)
    for warning in warnings:
        click.echo(f"statdiff: warning: {warning}", err=True)
    html = render_redline(comparison, view=view, notes=reader_notes, title=title)
    write_atomically(Path(output), html, inputs=inputs)
    click.echo(f"wrote {output}: {len(comparison.changes)} changes", err=True)
    sys.exit(1 if comparison.changes else 0)


@main.command()
@click.argument("bill", type=click.Path(path_type=str))
@click.option("--old", "old", type=click.Path(path_type=str), default=None, help="The old law: also check statdiff's own comparison against the markup.")
@click.option("--json", "as_json", is_flag=True, help="Print the changes (and disagreements) as JSON.")
@click.option("--no-color", is_flag=True, help="No colour (inserted text as {+...+}, deleted as [-...-]).")
@click.option("--format", "format", default=None, help=FORMAT_HELP)
@click.option("--max-size", type=float, callback=_positive_megabytes, default=DEFAULT_MAX_MB, show_default=True, help=MAX_SIZE_HELP)
@_guarded
def changes(bill, old, as_json, no_color, format, max_size):
    """List the changes BILL's own underline/strike markup prints. Exit status: 0 none, 1 changes, 2 trouble."""
    from statdiff.markup import agreement, read_changes
    from statdiff.render.json_out import changes_to_json
    from statdiff.render.terminal import render_changes

    max_bytes = int(max_size * 1024 * 1024)
    document, markup, found = read_changes(bill, max_bytes=max_bytes, format=format)
    disagreements = None
    if old is not None:
        disagreements = agreement(markup, _read_document(old, format, max_size), bill)
    if as_json:
        from statdiff.render.json_out import dumps

        click.echo(dumps(changes_to_json(document, found, disagreements)))
    else:
        render_changes(document, found, disagreements, _console(no_color), no_color)
    sys.exit(1 if found or disagreements else 0)
