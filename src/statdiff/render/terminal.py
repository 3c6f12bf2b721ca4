"""The terminal: the redline of changed sections with a few words of context, a count of
changes per section (`--stat`), and the change list of `statdiff changes`.

Inserted text is underlined and green, deleted text struck and red. Without colour
(`--no-color`, or output into a pipe) insertions read `{+...+}` and deletions
`[-...-]`, as `git diff --word-diff` prints them, so nothing is lost in plain text.
Text only one copy holds (the other copy is truncated) is no change: it is never
marked as inserted or deleted but shown dim between `«...»` with a label saying
which copy holds it, e.g. `«only in the old copy, the new copy stops here: ...»`.
"""

from __future__ import annotations

import io
from typing import Any, Iterator

from rich.console import Console, RenderableType
from rich.text import Text

from statdiff.model import WORD_OPS, Change, Op, Status, Token, count_ops, rebuild
from statdiff.render.options import RenderOptions
from statdiff.view import ChangeListView, RedlineView, RowView, Run, SectionView, disagreement_line, one_copy_label

INSERT_STYLE = "underline green"
DELETE_STYLE = "strike red"
NOTE_STYLE = "dim"
ONE_COPY_STYLE = "dim italic"
FRONT_MATTER = "(front matter)"  # what precedes the first section: title, enacting clause


def console_for(options: RenderOptions) -> Console:
    """The console the text is laid out for: the caller's; standard output's; else a plain one
    of 80 columns."""
    if options.console is not None:
        return options.console
    if options.stdout:
        return Console(no_color=not options.color, highlight=False, soft_wrap=False)
    return Console(file=io.StringIO(), no_color=not options.color, highlight=False, soft_wrap=False, width=80)


def captured(options: RenderOptions, lines: Iterator[RenderableType]) -> str:
    """What printing the lines on the options' console would write, as one string."""
    console = console_for(options)
    with console.capture() as capture:
        for line in lines:
            console.print(line)
    return capture.get()


class ConsoleRenderer:
    """A renderer that prints lines on a console: what they print is its output."""

    name = "terminal"
    subject = ""
    suffixes: tuple[str, ...] = ()

    def lines(self, subject: Any, options: RenderOptions) -> Iterator[RenderableType]:
        raise NotImplementedError

    def render(self, subject: Any, options: RenderOptions) -> str:
        return captured(options, self.lines(subject, options))


class TerminalRedline(ConsoleRenderer):
    """Every changed section: its path, heading, page:line and the redline of its nodes."""

    subject = "redline"

    def lines(self, subject: RedlineView, options: RenderOptions) -> Iterator[RenderableType]:
        return _redline_lines(subject, options.context, _is_plain(console_for(options)))


class TerminalStat(ConsoleRenderer):
    """One line per changed section with its counts by kind of change, then the totals."""

    name = "stat"
    subject = "redline"

    def lines(self, subject: RedlineView, options: RenderOptions) -> Iterator[RenderableType]:
        return _stat_lines(subject)


class TerminalChanges(ConsoleRenderer):
    """`statdiff changes`: one line per change (page:line, op, path), then its struck and
    underlined text; then the disagreements with the old law, if checked."""

    subject = "changes"

    def lines(self, subject: ChangeListView, options: RenderOptions) -> Iterator[RenderableType]:
        return _change_list_lines(subject, plain=not options.color)


# ---------------------------------------------------------------- the redline


def _redline_lines(redline: RedlineView, context: int, plain: bool) -> Iterator[Text | str]:
    yield _title(redline)
    changed = [section for section in redline.sections if section.changes]
    if not changed:
        yield "No changes."
    for section in changed:
        yield ""
        yield _section_header(section)
        yield from _section_lines(section, context, plain)
    for line in _truncation_notes(redline):
        yield ""
        yield Text(line, style=NOTE_STYLE)


def _is_plain(console: Console) -> bool:
    return console.no_color or console.color_system is None


def _title(redline: RedlineView) -> Text:
    old, new = redline.old, redline.new
    text = Text()
    text.append(f"--- {old.name} ({old.identity.describe()})\n", style="bold")
    text.append(f"+++ {new.name} ({new.identity.describe()})\n", style="bold")
    summary = redline.summary
    counts = ", ".join(f"{count} {op}" for op, count in summary["by_op"].items()) or "no changes"
    text.append(f"mode: {redline.mode}; {summary['changes']} changes ({counts})", style=NOTE_STYLE)
    return text


def _section_header(section: SectionView) -> Text:
    text = Text()
    text.append(section.path or FRONT_MATTER, style="bold cyan")
    if section.heading:
        text.append(f" {section.heading}", style="bold")
    text.append(f"  [{section.status}]", style=NOTE_STYLE)
    where = ", ".join(f"{side} {span}" for side, span in (("old", section.old_span), ("new", section.new_span))
                      if span)
    if where:
        text.append(f"  {where}", style=NOTE_STYLE)
    if section.attributed_to:
        text.append(f"  (also amended by {', '.join(section.attributed_to)})", style=NOTE_STYLE)
    return text


def _section_lines(section: SectionView, context: int, plain: bool) -> Iterator[Text]:
    for view in section.changes:
        change = view.change
        if change.op in (Op.MOVE, Op.RENUMBER) and change.section == section.path \
                and change.new_path == section.new_path:
            yield _structural_line(change)
    for row in section.rows:
        if row.changes:
            yield from _node_lines(row, context, plain)


def _structural_line(change: Change) -> Text:
    if change.op == Op.RENUMBER:
        return Text(f"  renumbered: {change.old_text} -> {change.new_text} (was {change.old_path})", style="yellow")
    return Text(f"  moved: {change.new_path} stands elsewhere in the new text", style="yellow")


def _node_lines(row: RowView, context: int, plain: bool) -> Iterator[Text]:
    path = row.comparison.node.path
    changes = [view.change for view in row.changes]
    for change in changes:
        if change.op in (Op.ADD, Op.REMOVE, Op.SOURCE, Op.MOVE):
            yield _whole_change_line(path, change, plain)
    if any(change.op in WORD_OPS for change in changes):
        line = Text()
        line.append(f"  {path}", style="cyan")
        where = str(row.span) if row.span is not None and row.span.known else ""
        line.append(f" {where}\n    ", style=NOTE_STYLE)
        line.append_text(_redline(row, context, plain))
        yield line


def _whole_change_line(path: str, change: Change, plain: bool) -> Text:
    line = Text()
    line.append(f"  {path} ", style="cyan")
    where = change.new_source or change.old_source
    if where is not None and where.known:
        line.append(f"{where} ", style=NOTE_STYLE)
    labels = {Op.ADD: "added", Op.REMOVE: "removed", Op.SOURCE: "Source note", Op.MOVE: "moved"}
    line.append(f"{labels[change.op]}:\n    ", style=NOTE_STYLE)
    if change.op == Op.MOVE:
        line.append(f"from {change.old_path}", style="yellow")
    if change.old_text and change.op in (Op.REMOVE, Op.SOURCE):
        _append_deleted(line, change.old_text, plain)
    if change.new_text and change.op in (Op.ADD, Op.SOURCE):
        _append_inserted(line, change.new_text, plain)
    if change.attributed_to:
        line.append(f"  [{change.attributed_to}]", style=NOTE_STYLE)
    return line


class _Piece:
    """A run as the terminal line shows it: equal runs side by side are one piece."""

    __slots__ = ("run", "op", "tokens", "spaced")

    def __init__(self, run: Run | None, op: Op, tokens: tuple[Token, ...], spaced: bool):
        self.run, self.op, self.tokens, self.spaced = run, op, tokens, spaced


def _pieces(row: RowView) -> list[_Piece]:
    pieces: list[_Piece] = []
    for run in row.runs:
        if not run.segment.has_text():
            continue
        if run.op == Op.EQUAL:
            tokens = run.old or run.new  # one side may be empty (a node not restated, a paragraph split differently)
            if pieces and pieces[-1].op == Op.EQUAL:
                joined = pieces[-1].tokens + tokens
                pieces[-1] = _Piece(None, Op.EQUAL, joined, joined[0].space_before)
                continue
            pieces.append(_Piece(run, Op.EQUAL, tokens, run.spaced))
        else:
            pieces.append(_Piece(run, run.op, run.old or run.new, run.spaced))
    return pieces


def _redline(row: RowView, context: int, plain: bool) -> Text:
    """The node's runs, with unchanged runs cut to `context` tokens around each change."""
    text = Text()
    pieces = _pieces(row)
    for index, piece in enumerate(pieces):
        run = piece.run
        if piece.op == Op.EQUAL:
            tokens = _context_tokens(piece.tokens, context, index > 0, index < len(pieces) - 1)
            if index > 0 and tokens and not tokens[0].space_before and piece.spaced:
                text.append(" ")
            _append_plain(text, tokens, first=index == 0)
        elif run is not None and piece.op in WORD_OPS:
            space = " " if index > 0 and piece.tokens[0].space_before else ""
            if run.old:
                text.append(space)
                _append_deleted(text, run.old_text, plain)
                space = ""
            if run.new:
                text.append(space)
                _append_inserted(text, run.new_text, plain)
            if run.change is not None and run.change.change.attributed_to:
                text.append(f" [{run.change.change.attributed_to}]", style=NOTE_STYLE)
        elif piece.op in (Op.ONLY_OLD, Op.ONLY_NEW):
            text.append(" " if index else "")
            _append_one_copy(text, piece, context, after_shared=index > 0)
    return text


def _append_one_copy(text: Text, piece: _Piece, context: int, after_shared: bool) -> None:
    """Text only one copy holds: labelled and dim, never marked as inserted or deleted.
    Its words are cut to `context` next to the shared text, as unchanged runs are."""
    tokens = piece.tokens
    if context <= 0:
        words = "…"
    elif len(tokens) <= context:
        words = rebuild(tokens)
    elif after_shared:
        words = rebuild(tokens[:context]) + " …"
    else:
        words = "… " + rebuild(tokens[-context:])
    label = one_copy_label(piece.op, after_shared, form="terminal")
    text.append(f"«{label}: {words}»", style=ONE_COPY_STYLE)


def _context_tokens(tokens: tuple[Token, ...], context: int, after_change: bool, before_change: bool) -> list[Token]:
    """Keep `context` tokens after the previous change and before the next, with an ellipsis."""
    if len(tokens) <= 2 * context or (after_change and before_change and len(tokens) <= 2 * context + 1):
        return list(tokens)
    head = list(tokens[:context]) if after_change else []
    tail = list(tokens[-context:]) if before_change else []
    if context == 0:
        head, tail = [], []
    return head + [Token("…", space_before=True)] + tail


def _append_plain(text: Text, tokens: list[Token], first: bool) -> None:
    for index, token in enumerate(tokens):
        if token.space_before and not (first and index == 0):
            text.append(" ")
        text.append(token.text)


def _append_inserted(text: Text, words: str, plain: bool) -> None:
    text.append(f"{{+{words}+}}" if plain else words, style=None if plain else INSERT_STYLE)


def _append_deleted(text: Text, words: str, plain: bool) -> None:
    text.append(f"[-{words}-]" if plain else words, style=None if plain else DELETE_STYLE)


def _truncation_notes(redline: RedlineView) -> list[str]:
    notes = []
    sections = redline.sections
    only_old = [section.path or FRONT_MATTER for section in sections if section.status == Status.ONLY_OLD]
    only_new = [section.path or FRONT_MATTER for section in sections if section.status == Status.ONLY_NEW]
    if only_old:
        notes.append(f"Only in the old copy (the new copy is truncated): {', '.join(only_old)}")
    if only_new:
        notes.append(f"Only in the new copy (the old copy is truncated): {', '.join(only_new)}")
    cut = [section.path or FRONT_MATTER for section in sections if section.cut]
    if cut:
        notes.append(f"Shared only in part (a copy is cut inside it): {', '.join(cut)}")
    not_restated = [section.path for section in sections if section.status == Status.NOT_RESTATED]
    if not_restated:
        notes.append(f"Not restated by the bill (unchanged): {', '.join(not_restated)}")
    return notes


# ---------------------------------------------------------------- --stat


def _stat_lines(redline: RedlineView) -> Iterator[Text]:
    changed = [(section, [view.change for view in section.changes]) for section in redline.sections
               if section.changes]
    names = [section.path or FRONT_MATTER for section, _ in changed]
    width = max((len(name) for name in names), default=0)
    for name, (_, changes) in zip(names, changed):
        yield Text(f"{name:<{width}} | {_counts(changes)}")
    sections = len(changed)
    all_changes = [change for _, changes in changed for change in changes]
    total = len(all_changes)
    summary = f"{sections} section{'s' if sections != 1 else ''} changed, {total} change{'s' if total != 1 else ''}"
    if total:
        summary += f" ({_counts(all_changes)})"
    not_restated = sum(1 for section in redline.sections if section.status == Status.NOT_RESTATED)
    if not_restated:
        summary += f", {not_restated} not restated"
    yield Text(summary)
    for line in _one_copy_counts(redline):
        yield Text(line, style=NOTE_STYLE)


def _counts(changes: list[Change]) -> str:
    return ", ".join(f"{count} {op}" for op, count in count_ops(changes).items())


def _one_copy_counts(redline: RedlineView) -> list[str]:
    """How many sections only one copy holds, and how many a truncated copy cuts into."""
    lines = []
    for status, holder, other in ((Status.ONLY_OLD, "old", "new"), (Status.ONLY_NEW, "new", "old")):
        count = sum(1 for section in redline.sections if section.status == status)
        if count:
            lines.append(f"{count} section{'s' if count != 1 else ''} only in the {holder} copy "
                         f"(the {other} copy is truncated)")
    cut = sum(1 for section in redline.sections if section.cut)
    if cut:
        lines.append(f"{cut} section{'s' if cut != 1 else ''} shared only in part (a copy is cut inside it)")
    return lines


# ---------------------------------------------------------------- statdiff changes


def _change_list_lines(listing: ChangeListView, plain: bool) -> Iterator[Text]:
    changes = listing.changes
    yield Text(f"{listing.described}: {len(changes)} change{'' if len(changes) == 1 else 's'} from the markup")
    for change in changes:
        where = change.new_source or change.old_source
        path = change.new_path or change.old_path or change.section
        yield Text(f"  {str(where or '-'):>10}  {change.op:8} {path}")
        yield _marked_texts(change, plain)
    disagreements = listing.disagreements
    if disagreements is None:
        return
    if not disagreements:
        yield Text("statdiff's comparison with the old law agrees with the markup: no disagreements")
        return
    yield Text(f"{len(disagreements)} disagreement{'' if len(disagreements) == 1 else 's'} with the old law:")
    for item in disagreements:
        yield Text(f"  {disagreement_line(item)}")


def _marked_texts(change: Change, plain: bool) -> Text:
    line = Text(" " * 14)
    if change.old_text:
        _append_deleted(line, change.old_text, plain)
    if change.old_text and change.new_text:
        line.append(" ")
    if change.new_text:
        _append_inserted(line, change.new_text, plain)
    return line
