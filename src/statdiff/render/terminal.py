"""The terminal redline: changed sections only, with a few words of context.

Inserted text is underlined and green, deleted text struck and red. Without colour
(`--no-color`, or output into a pipe) insertions read `{+...+}` and deletions
`[-...-]`, as `git diff --word-diff` prints them, so nothing is lost in plain text.
Text only one copy holds (the other copy is truncated) is no change: it is never
marked as inserted or deleted but shown dim between `«...»` with a label saying
which copy holds it, e.g. `«only in the old copy, the new copy stops here: ...»`.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from statdiff.model import (
    ADD,
    DELETE,
    EQUAL,
    INSERT,
    MOVE,
    ONLY_NEW,
    ONLY_OLD,
    REMOVE,
    RENUMBER,
    REPLACE,
    SOURCE,
    Change,
    Comparison,
    Document,
    NodeComparison,
    SectionComparison,
    Segment,
    SourceSpan,
    Token,
    count_ops,
)
from statdiff.render.common import is_cut, one_copy_label, spaced
from statdiff.tokens import rebuild

QUIET_STATUSES = frozenset({"unchanged", "not_restated", "only_old", "only_new"})
INSERT_STYLE = "underline green"
DELETE_STYLE = "strike red"
NOTE_STYLE = "dim"
ONE_COPY_STYLE = "dim italic"
FRONT_MATTER = "(front matter)"  # what precedes the first section: title, enacting clause


def render_comparison(comparison: Comparison, console: Console, context: int = 8) -> None:
    """Print every changed section: its path, heading, page:line and the redline of its nodes."""
    plain = _is_plain(console)
    console.print(_title(comparison))
    changed = [(section, changes) for section in comparison.sections if (changes := section.changes)]
    if not changed:
        console.print("No changes.")
    for section, changes in changed:
        console.print()
        console.print(_section_header(section))
        for line in _section_lines(section, changes, context, plain):
            console.print(line)
    for line in _truncation_notes(comparison):
        console.print()
        console.print(Text(line, style=NOTE_STYLE))


def render_changes(document: Document | None, changes: list[Change], disagreements, console: Console, no_color: bool) -> None:
    """`statdiff changes`: one line per change (page:line, op, path), then its
    struck and underlined text; then the disagreements with the old law, if checked."""
    what = document.identity.describe() if document is not None else "statdiff redline"
    console.print(Text(f"{what}: {len(changes)} change{'' if len(changes) == 1 else 's'} from the markup"))
    for change in changes:
        where = change.new_source or change.old_source
        path = change.new_path or change.old_path or change.section
        console.print(Text(f"  {str(where or '-'):>10}  {change.op:8} {path}"))
        console.print(_marked_texts(change, no_color))
    if disagreements is None:
        return
    if not disagreements:
        console.print(Text("statdiff's comparison with the old law agrees with the markup: no disagreements"))
        return
    console.print(Text(f"{len(disagreements)} disagreement{'' if len(disagreements) == 1 else 's'} with the old law:"))
    for item in disagreements:
        console.print(Text(f"  {item}"))


def _marked_texts(change: Change, plain: bool) -> Text:
    line = Text(" " * 14)
    if change.old_text:
        _append_deleted(line, change.old_text, plain)
    if change.old_text and change.new_text:
        line.append(" ")
    if change.new_text:
        _append_inserted(line, change.new_text, plain)
    return line


def render_stat(comparison: Comparison, console: Console) -> None:
    """One line per changed section with its counts by kind of change, then the totals."""
    changed = [(section, changes) for section in comparison.sections if (changes := section.changes)]
    names = [section.path or FRONT_MATTER for section, _ in changed]
    width = max((len(name) for name in names), default=0)
    for name, (_, changes) in zip(names, changed):
        console.print(Text(f"{name:<{width}} | {_counts(changes)}"))
    sections = len(changed)
    all_changes = [change for _, changes in changed for change in changes]
    total = len(all_changes)
    summary = f"{sections} section{'s' if sections != 1 else ''} changed, {total} change{'s' if total != 1 else ''}"
    if total:
        summary += f" ({_counts(all_changes)})"
    not_restated = sum(1 for section in comparison.sections if section.status == "not_restated")
    if not_restated:
        summary += f", {not_restated} not restated"
    console.print(Text(summary))
    for line in _one_copy_counts(comparison):
        console.print(Text(line, style=NOTE_STYLE))


def _one_copy_counts(comparison: Comparison) -> list[str]:
    """How many sections only one copy holds, and how many a truncated copy cuts into."""
    lines = []
    for status, holder, other in ((ONLY_OLD, "old", "new"), (ONLY_NEW, "new", "old")):
        count = sum(1 for section in comparison.sections if section.status == status)
        if count:
            lines.append(f"{count} section{'s' if count != 1 else ''} only in the {holder} copy "
                         f"(the {other} copy is truncated)")
    cut = sum(1 for section in comparison.sections if is_cut(section))
    if cut:
        lines.append(f"{cut} section{'s' if cut != 1 else ''} shared only in part (a copy is cut inside it)")
    return lines


def _is_plain(console: Console) -> bool:
    return console.no_color or console.color_system is None


def _title(comparison: Comparison) -> Text:
    old, new = comparison.old, comparison.new
    text = Text()
    text.append(f"--- {old.name} ({old.identity.describe()})\n", style="bold")
    text.append(f"+++ {new.name} ({new.identity.describe()})\n", style="bold")
    summary = comparison.summary()
    counts = ", ".join(f"{count} {op}" for op, count in summary["by_op"].items()) or "no changes"
    text.append(f"mode: {comparison.mode}; {summary['changes']} changes ({counts})", style=NOTE_STYLE)
    return text


def _section_header(section: SectionComparison) -> Text:
    text = Text()
    text.append(section.path or FRONT_MATTER, style="bold cyan")
    if section.heading:
        text.append(f" {section.heading}", style="bold")
    text.append(f"  [{section.status}]", style=NOTE_STYLE)
    where = _where(section)
    if where:
        text.append(f"  {where}", style=NOTE_STYLE)
    if section.attributed_to:
        text.append(f"  (also amended by {', '.join(section.attributed_to)})", style=NOTE_STYLE)
    return text


def _where(section: SectionComparison) -> str:
    old, new = section.old_source, section.new_source
    parts = []
    if old is not None and old.known:
        parts.append(f"old {old}")
    if new is not None and new.known:
        parts.append(f"new {new}")
    return ", ".join(parts)


def _section_lines(section: SectionComparison, changes: list[Change], context: int, plain: bool) -> list[Text]:
    lines: list[Text] = []
    for change in changes:
        if change.op in (MOVE, RENUMBER) and change.section == section.path and _is_section_change(change, section):
            lines.append(_structural_line(change))
    for node in section.nodes:
        if node.changes:
            lines.extend(_node_lines(node, context, plain))
    return lines


def _is_section_change(change, section: SectionComparison) -> bool:
    return change.new_path == (section.new.path if section.new is not None else None)


def _structural_line(change) -> Text:
    if change.op == RENUMBER:
        return Text(f"  renumbered: {change.old_text} -> {change.new_text} (was {change.old_path})", style="yellow")
    return Text(f"  moved: {change.new_path} stands elsewhere in the new text", style="yellow")


def _node_lines(node: NodeComparison, context: int, plain: bool) -> list[Text]:
    path = (node.new or node.old).path
    lines = []
    for change in node.changes:
        if change.op in (ADD, REMOVE, SOURCE, MOVE):
            lines.append(_whole_change_line(path, change, plain))
    if any(change.op in (INSERT, DELETE, REPLACE) for change in node.changes):
        line = Text()
        line.append(f"  {path}", style="cyan")
        line.append(f" {_node_where(node)}\n    ", style=NOTE_STYLE)
        line.append_text(_redline(node, context, plain))
        lines.append(line)
    return lines


def _node_where(node: NodeComparison) -> str:
    words = (node.new or node.old).words
    span = SourceSpan.covering(words)
    return str(span) if span is not None and span.known else ""


def _whole_change_line(path: str, change, plain: bool) -> Text:
    line = Text()
    line.append(f"  {path} ", style="cyan")
    where = change.new_source or change.old_source
    if where is not None and where.known:
        line.append(f"{where} ", style=NOTE_STYLE)
    labels = {ADD: "added", REMOVE: "removed", SOURCE: "Source note", MOVE: "moved"}
    line.append(f"{labels[change.op]}:\n    ", style=NOTE_STYLE)
    if change.op == MOVE:
        line.append(f"from {change.old_path}", style="yellow")
    if change.old_text and change.op in (REMOVE, SOURCE):
        _append_deleted(line, change.old_text, plain)
    if change.new_text and change.op in (ADD, SOURCE):
        _append_inserted(line, change.new_text, plain)
    if change.attributed_to:
        line.append(f"  [{change.attributed_to}]", style=NOTE_STYLE)
    return line


def _redline(node: NodeComparison, context: int, plain: bool) -> Text:
    """The node's segments, with unchanged runs cut to `context` tokens around each change."""
    text = Text()
    segments = _joined_equal_runs(segment for segment in node.segments if segment.old or segment.new)
    changes = {change.anchor: change for change in node.changes if change.anchor}
    for index, segment in enumerate(segments):
        if segment.op == EQUAL:
            tokens = _context_tokens(_shown(segment), context, index > 0, index < len(segments) - 1)
            if index > 0 and tokens and not tokens[0].space_before and spaced(segment):
                text.append(" ")
            _append_plain(text, tokens, first=index == 0)
        elif segment.op in (INSERT, DELETE, REPLACE):
            first = (segment.old or segment.new)[0]
            space = " " if index > 0 and first.space_before else ""
            if segment.old:
                text.append(space)
                _append_deleted(text, rebuild(segment.old), plain)
                space = ""
            if segment.new:
                text.append(space)
                _append_inserted(text, rebuild(segment.new), plain)
            change = changes.get(segment.anchor) if segment.anchor else None
            if change is not None and change.attributed_to:
                text.append(f" [{change.attributed_to}]", style=NOTE_STYLE)
        elif segment.op in (ONLY_OLD, ONLY_NEW):
            text.append(" " if index else "")
            _append_one_copy(text, segment, context, after_shared=index > 0)
    return text


def _shown(segment: Segment) -> tuple[Token, ...]:
    """The tokens an equal segment shows: one side may be empty (a node not restated,
    a paragraph split differently in the two copies)."""
    return segment.old or segment.new


def _joined_equal_runs(segments) -> list[Segment]:
    joined: list[Segment] = []
    for segment in segments:
        if segment.op == EQUAL and joined and joined[-1].op == EQUAL:
            tokens = _shown(joined[-1]) + _shown(segment)
            joined[-1] = Segment(EQUAL, tokens, tokens)
        else:
            joined.append(segment)
    return joined


def _append_one_copy(text: Text, segment: Segment, context: int, after_shared: bool) -> None:
    """Text only one copy holds: labelled and dim, never marked as inserted or deleted.
    Its words are cut to `context` next to the shared text, as unchanged runs are."""
    tokens = segment.old or segment.new
    if context <= 0:
        words = "…"
    elif len(tokens) <= context:
        words = rebuild(tokens)
    elif after_shared:
        words = rebuild(tokens[:context]) + " …"
    else:
        words = "… " + rebuild(tokens[-context:])
    text.append(f"«{one_copy_label(segment.op, after_shared, form='terminal')}: {words}»", style=ONE_COPY_STYLE)


def _context_tokens(tokens: tuple[Token, ...], context: int, after_change: bool, before_change: bool):
    """Keep `context` tokens after the previous change and before the next, with an ellipsis."""
    if len(tokens) <= 2 * context or (after_change and before_change and len(tokens) <= 2 * context + 1):
        return list(tokens)
    head = list(tokens[:context]) if after_change else []
    tail = list(tokens[-context:]) if before_change else []
    if context == 0:
        head, tail = [], []
    return head + [Token("…", space_before=True)] + tail


def _append_plain(text: Text, tokens, first: bool) -> None:
    for index, token in enumerate(tokens):
        if token.space_before and not (first and index == 0):
            text.append(" ")
        text.append(token.text)


def _append_inserted(text: Text, words: str, plain: bool) -> None:
    text.append(f"{{+{words}+}}" if plain else words, style=None if plain else INSERT_STYLE)


def _append_deleted(text: Text, words: str, plain: bool) -> None:
    text.append(f"[-{words}-]" if plain else words, style=None if plain else DELETE_STYLE)


def _counts(changes) -> str:
    return ", ".join(f"{count} {op}" for op, count in count_ops(changes).items())


def _truncation_notes(comparison: Comparison) -> list[str]:
    notes = []
    only_old = [section.path or FRONT_MATTER for section in comparison.sections if section.status == "only_old"]
    only_new = [section.path or FRONT_MATTER for section in comparison.sections if section.status == "only_new"]
    if only_old:
        notes.append(f"Only in the old copy (the new copy is truncated): {', '.join(only_old)}")
    if only_new:
        notes.append(f"Only in the new copy (the old copy is truncated): {', '.join(only_new)}")
    cut = [section.path or FRONT_MATTER for section in comparison.sections if is_cut(section)]
    if cut:
        notes.append(f"Shared only in part (a copy is cut inside it): {', '.join(cut)}")
    not_restated = [section.path for section in comparison.sections if section.status == "not_restated"]
    if not_restated:
        notes.append(f"Not restated by the bill (unchanged): {', '.join(not_restated)}")
    return notes
