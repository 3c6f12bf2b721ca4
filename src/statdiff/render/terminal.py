"""The terminal: the redline of changed sections with a few words of context, a count of
changes per section (`--stat`, in git's shape), and the change list of `statdiff changes`.

It follows git's and GNU diff's conventions: nothing is printed when nothing changed; lines
are never wrapped (a terminal or a pager wraps them; `grep` and `sed` see each change whole
on its line) and never end in blanks; colour is used on a terminal (`--color=auto`), always
(`--color=always`, through a pipe too) or never (`--color=never`, `--no-color`, or the
`NO_COLOR` environment variable in auto mode). Inserted text reads `{+...+}` and deleted
text `[-...-]`, as `git diff --word-diff=plain` prints them, with or without colour, so a
replacement's halves stay apart (`[-$20-]{+$540+}`) where strikethrough does not render or
for a reader who does not tell red from green; in colour the words are also underlined
green and struck red. Struck words recovered from a plain printing (no strike printed:
`Change.basis`) read `[~...~]`, and a dim line under the node says to check them against the
official markup. Text only one copy holds (the other copy is truncated) is no
change: it is never marked as inserted or deleted but shown dim between `«...»` with a
label saying which copy holds it, e.g. `«only in the old copy, the new copy stops here: ...»`.
"""

from __future__ import annotations

import io
import os
import re
from collections import Counter
from typing import Any, Iterator

from rich.console import Console, RenderableType
from rich.text import Text

from statdiff.model import WORD_OPS, Change, Op, Status, Token, rebuild
from statdiff.render.options import RenderOptions
from statdiff.view import RedlineView, RowView, Run, SectionView, one_copy_label
from statdiff.view.changes import ChangeListView, disagreement_line
from statdiff.view.labels import ARTICLE_HEADINGS
from statdiff.view.words import word_starts

INSERT_STYLE = "underline green"
DELETE_STYLE = "strike red"
NOTE_STYLE = "dim"
ONE_COPY_STYLE = "dim italic"
RECOVERED_MARKS = ("[~", "~]")  # struck words recovered from a plain printing


def console_for(options: RenderOptions) -> Console:
    """The console the text is laid out for: the caller's; else one for standard output or for a
    string, coloured as `options.color` says (None: when it is a terminal and `NO_COLOR` is unset).
    Lines are never wrapped (`soft_wrap`): the terminal or the pager wraps them."""
    if options.console is not None:
        return options.console
    color = options.color
    if color is None and os.environ.get("NO_COLOR"):
        color = False  # no-color.org: no styles at all in auto mode, only what an option asks for
    settings: dict[str, Any] = {
        "highlight": False, "soft_wrap": True,
        "no_color": True if color is False else (False if color else None),
        "force_terminal": True if color else (False if color is False else None),
        "color_system": "standard" if color else ("auto" if color is None else None),
    }
    if options.stdout:
        return Console(**settings)
    return Console(file=io.StringIO(), width=80, **settings)


_TRAILING_BLANKS = re.compile(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


def captured(options: RenderOptions, lines: Iterator[RenderableType]) -> str:
    """What printing the lines on the options' console would write, as one string, with no
    blank at the end of any line (a style's reset code may follow the last character)."""
    console = console_for(options)
    with console.capture() as capture:
        for line in lines:
            console.print(line)
    return _TRAILING_BLANKS.sub(r"\1", capture.get())


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
        return _stat_lines(subject, console_for(options).width)


class TerminalChanges(ConsoleRenderer):
    """`statdiff changes`: one line per change (page:line, op, path), then its struck and
    underlined text; then the disagreements with the old law, if checked."""

    subject = "changes"

    def lines(self, subject: ChangeListView, options: RenderOptions) -> Iterator[RenderableType]:
        return _change_list_lines(subject, _is_plain(console_for(options)))


# ---------------------------------------------------------------- the redline


def _redline_lines(redline: RedlineView, context: int, plain: bool) -> Iterator[Text | str]:
    """Nothing at all when nothing changed and both copies are whole, as diff prints."""
    changed = [section for section in redline.sections if section.changes]
    one_copy = _one_copy_notes(redline)
    if not changed and not one_copy:
        return
    yield _title(redline)
    if not changed:
        yield "No changes in the text both copies hold."
    for section in changed:
        yield ""
        yield _section_header(section)
        yield from _section_lines(section, context, plain)
    for line in _moved_out_notes(redline) + one_copy + _not_restated_notes(redline, changed):
        yield ""
        yield Text(line, style=NOTE_STYLE)


def _is_plain(console: Console) -> bool:
    return console.no_color or console.color_system is None


def _title(redline: RedlineView) -> Text:
    old, new = redline.old, redline.new
    text = Text()
    text.append(f"--- {old.name} ({redline.old_described})\n", style="bold")
    text.append(f"+++ {new.name} ({redline.new_described})\n", style="bold")
    summary = redline.summary
    counts = ", ".join(f"{count} {op}" for op, count in summary["by_op"].items()) or "no changes"
    count = summary["changes"]
    text.append(f"mode: {redline.mode}; {count} change{'' if count == 1 else 's'} ({counts})", style=NOTE_STYLE)
    return text


def _unit_name(section: SectionView) -> str:
    """A section's path; the documents' own text, which has none, by its label in brackets:
    `(front matter)`, `(outside any Section)`, `(under the title "Fees")`, `(Article
    headings)`: the label's first letter lowered but for an Article's
    (`view.labels.document_text_label`)."""
    if section.path:
        return section.path
    label = section.label
    return f"({label})" if label.startswith(ARTICLE_HEADINGS) else f"({label[:1].lower()}{label[1:]})"


def _section_header(section: SectionView) -> Text:
    text = Text()
    text.append(_unit_name(section), style="bold cyan")
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
    whole = None  # the section's own add or remove: its words are the change
    for view in section.changes:
        change = view.change
        if change.op in (Op.MOVE, Op.RENUMBER) and change.section == section.path \
                and change.new_path == section.new_path:
            yield _structural_line(section, change)
        if change.op in (Op.ADD, Op.REMOVE) and change in section.section.section_changes:
            whole = change.op
    for row in section.rows:
        if row.changes:
            yield from _node_lines(row, context, plain)
        elif whole is not None:
            yield from _whole_node_lines(row, whole, plain)


def _whole_node_lines(row: RowView, op: Op, plain: bool) -> Iterator[Text]:
    """A node of a section added or removed whole: its path, then its words inserted (deleted),
    a paragraph a line, as git prints every line of a file it adds."""
    node = row.comparison.node
    if not node.has_words():
        return
    where = row.span.cited if row.span is not None else ""
    yield _path_line(node.path, where)
    line = Text("    ")
    (_append_inserted if op == Op.ADD else _append_deleted)(line, node.text, plain)
    yield line


def _structural_line(section: SectionView, change: Change) -> Text:
    if change.op == Op.RENUMBER:
        return Text(f"  renumbered: {change.old_text} -> {change.new_text} (was {change.old_path})", style="yellow")
    return Text(f"  {section.move_note or 'moved'}", style="yellow")


def _node_lines(row: RowView, context: int, plain: bool) -> Iterator[Text]:
    path = row.comparison.node.path
    changes = [view.change for view in row.changes]
    for change in changes:
        if change.op in (Op.ADD, Op.REMOVE, Op.SOURCE, Op.MOVE):
            yield from _whole_change_lines(path, change, plain, row.move_note)
    if any(change.op in WORD_OPS for change in changes):
        where = row.span.cited if row.span is not None else ""
        yield _path_line(path, where)
        line = Text("    ")
        line.append_text(_redline(row, context, plain))
        yield line
        notes = sorted({view.basis_note for view in row.changes if view.basis_note})
        for note in notes:
            yield Text(f"    {RECOVERED_MARKS[0]}…{RECOVERED_MARKS[1]} {note}", style=NOTE_STYLE)


def _path_line(path: str, *notes: str) -> Text:
    """`  815 ILCS 530/10(a) 2:19-3:5`: the node's path and what follows it, dim."""
    line = Text(f"  {path}", style="cyan")
    for note in notes:
        if note:
            line.append(f" {note}", style=NOTE_STYLE)
    return line


def _whole_change_lines(path: str, change: Change, plain: bool, move_note: str = "") -> Iterator[Text]:
    """An added, removed or moved node, or a Source note: its path, then its text (a move:
    where it was and is, `moved from after ... to after ...`)."""
    where = change.new_source or change.old_source
    labels = {Op.ADD: "added:", Op.REMOVE: "removed:", Op.SOURCE: "Source note:", Op.MOVE: "moved:"}
    yield _path_line(path, where.cited if where is not None else "", labels[change.op])
    line = Text("    ")
    if change.op == Op.MOVE:
        line.append(move_note.removeprefix("moved ") or f"from {change.old_path}", style="yellow")
    if change.old_text and change.op in (Op.REMOVE, Op.SOURCE):
        _append_deleted(line, change.old_text, plain)
    if change.new_text and change.op in (Op.ADD, Op.SOURCE):
        _append_inserted(line, change.new_text, plain)
    if change.attributed_to:
        line.append(f"  [{change.attributed_to}]", style=NOTE_STYLE)
    yield line


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
            if tokens and tokens[0].space_before and not run.spaced:  # glued to the words before it (`Run.spaced`)
                tokens = (Token(tokens[0].text, tokens[0].position, False, tokens[0].mark),) + tokens[1:]
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
                _append_deleted(text, run.old_text, plain, recovered=run.recovered)
                space = ""
            if run.new:
                text.append(space)
                _append_inserted(text, run.new_text, plain)
            if run.change is not None and run.change.change.attributed_to:
                text.append(f" [{run.change.change.attributed_to}]", style=NOTE_STYLE)
        elif piece.op in (Op.ONLY_OLD, Op.ONLY_NEW):
            text.append(" " if index else "")
            label = run.label if run is not None else None
            _append_one_copy(text, piece, context, after_shared=label.after_shared if label else index > 0,
                             cut_word=label.text if label is not None and label.cut_word else None)
    return text


def _append_one_copy(text: Text, piece: _Piece, context: int, after_shared: bool, cut_word: str | None = None) -> None:
    """Text only one copy holds: labelled and dim, never marked as inserted or deleted.
    Its words are cut to `context` next to the shared text, as unchanged runs are; the label
    says whether the other copy stops before it or begins after it (`after_shared`: text
    both copies hold comes before it in reading order, as the view found), or, for a copy's
    edge word cut short, the view's label `cut_word` (where the copy stops, mid-word)."""
    tokens = piece.tokens
    starts = word_starts(tokens)
    if context <= 0:
        words = "…"
    elif len(starts) <= context:
        words = rebuild(tokens)
    elif after_shared:
        words = rebuild(tokens[:starts[context]]) + " …"
    else:
        words = "… " + rebuild(tokens[starts[-context]:])
    label = cut_word or one_copy_label(piece.op, after_shared, form="terminal")
    text.append(f"«{label}: {words}»", style=ONE_COPY_STYLE)


def _context_tokens(tokens: tuple[Token, ...], context: int, after_change: bool, before_change: bool) -> list[Token]:
    """Keep `context` tokens after the previous change and before the next, with an ellipsis
    (a compound's pieces, `one-` `time`, count as one token and are never cut apart)."""
    starts = word_starts(tokens)
    if len(starts) <= 2 * context or (after_change and before_change and len(starts) <= 2 * context + 1):
        return list(tokens)
    head = list(tokens[:starts[context]]) if after_change else []
    tail = list(tokens[starts[-context]:]) if before_change else []
    if context == 0:
        head, tail = [], []
    return head + [Token("…", space_before=True)] + tail


def _append_plain(text: Text, tokens: list[Token], first: bool) -> None:
    for index, token in enumerate(tokens):
        if token.space_before and not (first and index == 0):
            text.append(" ")
        text.append(token.text)


def _append_inserted(text: Text, words: str, plain: bool) -> None:
    _append_marked(text, words, "{+", "+}", None if plain else INSERT_STYLE)


def _append_deleted(text: Text, words: str, plain: bool, recovered: bool = False) -> None:
    """`[-words-]`; `[~words~]` for struck words recovered from a plain printing."""
    opening, closing = RECOVERED_MARKS if recovered else ("[-", "-]")
    _append_marked(text, words, opening, closing, None if plain else DELETE_STYLE)


def _append_marked(text: Text, words: str, opening: str, closing: str, style: str | None) -> None:
    """Words between git's word-diff marks, which keep their colour (not the underline or the
    strike) when the words are styled."""
    mark_style = style.split()[-1] if style else None
    text.append(opening, style=mark_style)
    text.append(words, style=style)
    text.append(closing, style=mark_style)


def _moved_out_notes(redline: RedlineView) -> list[str]:
    """The sections changed only by a node that moved out of them to another section: the move
    is printed under the section it went to, and these are named, that none reads as untouched."""
    left = [_unit_name(section) for section in redline.sections
            if section.status == Status.CHANGED and not section.changes and section.moved_out]
    return [f"Changed only by what moved out of them to another section (each move is printed where it went): "
            f"{', '.join(left)}"] if left else []


def _one_copy_notes(redline: RedlineView) -> list[str]:
    """Which sections a truncated copy (or one Section's page) leaves to the other one, or cuts into."""
    notes = []
    sections = redline.sections
    only_old = [_unit_name(section) for section in sections if section.status == Status.ONLY_OLD]
    only_new = [_unit_name(section) for section in sections if section.status == Status.ONLY_NEW]
    if only_old:
        notes.append(f"Only in the old copy ({redline.one_copy_reason(Status.ONLY_OLD)}): {', '.join(only_old)}")
    if only_new:
        notes.append(f"Only in the new copy ({redline.one_copy_reason(Status.ONLY_NEW)}): {', '.join(only_new)}")
    cut = [_unit_name(section) for section in sections if section.cut]
    if cut:
        notes.append(f"Shared only in part (a copy is cut inside it): {', '.join(cut)}")
    return notes


def _not_restated_notes(redline: RedlineView, changed: list[SectionView]) -> list[str]:
    """The Sections an amendatory bill leaves alone, said where something else is printed:
    each run of three or more of one Act in a row as one range (`620 ILCS 5/1 to 5/79
    (110 Sections)`), as the page folds them."""
    runs: list[list[SectionView]] = []
    in_run = False
    for section in redline.sections:
        if section.status != Status.NOT_RESTATED:
            in_run = False
            continue
        if in_run and runs[-1][-1].act == section.act:
            runs[-1].append(section)
        else:
            runs.append([section])
        in_run = True
    if not runs or not changed:
        return []
    return [f"Not restated by the bill (unchanged): {', '.join(_run_of_paths(run) for run in runs)}"]


def _run_of_paths(run: list[SectionView]) -> str:
    """`815 ILCS 530/1`, `... 530/1, 530/5`; three or more: `620 ILCS 5/1 to 5/79 (110 Sections)`."""
    paths = [section.path for section in run]
    if len(paths) < 3:
        return ", ".join(paths)
    last = paths[-1]
    head, ilcs, rest = last.partition(" ILCS ")
    if ilcs and paths[0].startswith(head + ilcs):
        last = rest  # the chapter once: `620 ILCS 5/1 to 5/79`
    return f"{paths[0]} to {last} ({len(paths)} Sections)"


# ---------------------------------------------------------------- --stat


def _stat_lines(redline: RedlineView, width: int) -> Iterator[Text]:
    """git's `--stat`: ` 815 ILCS 530/10 | 5 +++++` a changed section, then ` 2 sections
    changed, 7 insertions(+)`. A change that puts words in counts one insertion, one that
    takes words out one deletion, a replacement (or a move, renumbering, Source note) one of
    each; bars are scaled to fit `width` columns. Nothing is printed when nothing changed
    but what a truncated copy leaves out."""
    sections = [section for section in redline.sections if section.changes]
    names = [_unit_name(section) for section in sections]
    # two sections of one name (a clause removed, the next renumbered into its number): each by its heading too
    shared = {name for name, count in Counter(names).items() if count > 1}
    names = [f"{name} {section.heading}" if name in shared and section.heading else name
             for name, section in zip(names, sections)]
    changed = [(name, _plus_minus([view.change for view in section.changes])) for name, section in zip(names, sections)]
    if changed:
        name_width = max(len(name) for name, _ in changed)
        most = max(plus + minus for _, (plus, minus) in changed)
        count_width = len(str(most))
        bar_width = max(width - name_width - count_width - 5, 10)
        for name, (plus, minus) in changed:
            scaled_plus, scaled_minus = _scaled(plus, minus, most, bar_width)
            yield Text(f" {name:<{name_width}} | {plus + minus:>{count_width}} ").append(
                "+" * scaled_plus, style="green").append("-" * scaled_minus, style="red")
        plus = sum(counts[0] for _, counts in changed)
        minus = sum(counts[1] for _, counts in changed)
        summary = f" {len(changed)} section{'s' if len(changed) != 1 else ''} changed"
        if plus:
            summary += f", {plus} insertion{'s' if plus != 1 else ''}(+)"
        if minus:
            summary += f", {minus} deletion{'s' if minus != 1 else ''}(-)"
        yield Text(summary)
        not_restated = sum(1 for section in redline.sections if section.status == Status.NOT_RESTATED)
        if not_restated:
            yield Text(f" {not_restated} section{'s' if not_restated != 1 else ''} not restated by the bill "
                       "(unchanged)", style=NOTE_STYLE)
    for line in _one_copy_counts(redline):
        yield Text(f" {line}", style=NOTE_STYLE)


# What each op counts in `--stat`: (insertions, deletions), as git counts a changed line as one of each.
_PLUS_MINUS = {Op.INSERT: (1, 0), Op.ADD: (1, 0), Op.DELETE: (0, 1), Op.REMOVE: (0, 1)}


def _plus_minus(changes: list[Change]) -> tuple[int, int]:
    plus = minus = 0
    for change in changes:
        add, take = _PLUS_MINUS.get(change.op, (1, 1))
        plus, minus = plus + add, minus + take
    return plus, minus


def _scaled(plus: int, minus: int, most: int, width: int) -> tuple[int, int]:
    """The bar's `+` and `-` scaled as git scales them: unchanged when the largest fits, else
    in proportion, each non-zero part at least one character."""
    if most <= width:
        return plus, minus
    total = max(1, round((plus + minus) * width / most))
    scaled_plus = max(1 if plus else 0, round(total * plus / (plus + minus)))
    scaled_minus = max(1 if minus else 0, total - scaled_plus)
    return scaled_plus, scaled_minus


def _one_copy_counts(redline: RedlineView) -> list[str]:
    """How many sections only one copy holds, and how many a truncated copy cuts into."""
    lines = []
    for status, holder in ((Status.ONLY_OLD, "old"), (Status.ONLY_NEW, "new")):
        count = sum(1 for section in redline.sections if section.status == status)
        if count:
            lines.append(f"{count} section{'s' if count != 1 else ''} only in the {holder} copy "
                         f"({redline.one_copy_reason(status)})")
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
        path = change.place
        yield Text(f"  {(where.cited if where is not None else '') or '-':>10}  {change.op:8} {path}")
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
