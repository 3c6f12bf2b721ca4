"""Changes read straight from a bill's own markup, and the check of statdiff against it.

By statute, underscored text in an amendatory Section is new and struck-through
text is deleted. A bill saved as HTML keeps that markup (`BodyLine.marks`,
`Word.mark`), so its changes can be read without the old law at hand:
  * `changes_from_markup(document, result)`: runs of underlined tokens are
    `insert`s, struck runs `delete`s, a struck run next to an underlined one a
    `replace`; a node printed wholly underlined is an `add` (wholly struck: a
    `remove`). The old text is the printing less its underlined text, the new
    text the printing less its struck text; paths are read from those two trees.
  * `check_against(markup, computed)`: with the old law as well, statdiff's own
    comparison (old law against the bill's new text) is held against the markup
    token by token, and every disagreement is listed: struck text the old law
    does not have, underlined text it already had, a change the markup does not show.
  * `changes_from_redline(html)`: a redline statdiff wrote is read back from its
    `data-op` / `data-*-path` / `data-*-source` attributes and `<ins>`/`<del>`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from statdiff.annotate import quote
from statdiff.diff import collect_units, compare, number_anchors
from statdiff.errors import StatdiffError
from statdiff.model import (
    ADD,
    DELETE,
    DELETED,
    EQUAL,
    INSERT,
    INSERTED,
    PLAIN,
    REMOVE,
    REPLACE,
    BodyLine,
    Change,
    Comparison,
    Document,
    Node,
    NodeComparison,
    Position,
    ReadResult,
    SectionComparison,
    Segment,
    SourceSpan,
    Token,
    segment_op,
)

MARKUP = "markup"


# ---------------------------------------------------------------- marks per character


def _line_char_marks(line: BodyLine) -> list[str]:
    marks = [PLAIN] * len(line.text)
    for start, end, mark in line.marks:
        for index in range(max(start, 0), min(end, len(marks))):
            marks[index] = mark
    return marks


def word_char_marks(result: ReadResult) -> list[list[str]]:
    """For each body word in reading order, the mark of each of its characters."""
    words = []
    for line in result.lines:
        marks = _line_char_marks(line)
        for match in re.finditer(r"\S+", line.text):
            words.append(marks[match.start():match.end()])
    return words


def _node_char_marks(document: Document, result: ReadResult | None) -> dict[int, list[list[str]]]:
    """id(node) -> per-word character marks. The tree holds the body words once each,
    in reading order (lossless reading), so they pair up with the reader's words."""
    by_node: dict[int, list[list[str]]] = {}
    per_word = word_char_marks(result) if result is not None else None
    index = 0
    for node in document.walk():
        marks = []
        for word in node.words:
            if per_word is not None and index < len(per_word) and len(per_word[index]) == len(word.text):
                marks.append(per_word[index])
            else:
                marks.append([word.mark] * len(word.text))
            index += 1
        by_node[id(node)] = marks
    return by_node


def _marked_tokens(node: Node, char_marks: list[list[str]]) -> list[Token]:
    """The node's diff tokens, each with the mark its characters were printed with."""
    from statdiff.tokens import tokenize

    tokens = tokenize(node.words)
    joined: list[str] = []
    for index, marks in enumerate(char_marks):
        if index:
            joined.append(PLAIN)
        joined.extend(marks)
    result, offset = [], 0
    for index, token in enumerate(tokens):
        if index and token.space_before:
            offset += 1
        marks = joined[offset:offset + len(token.text)]
        offset += len(token.text)
        result.append(replace(token, mark=_token_mark(marks, token.mark)))
    return result


def _token_mark(marks: list[str], fallback: str) -> str:
    if not marks:
        return fallback
    counts = {mark: marks.count(mark) for mark in set(marks)}
    return max(counts, key=lambda mark: (counts[mark], mark != PLAIN))


# ---------------------------------------------------------------- old and new texts


def _keep(result: ReadResult, dropped: str) -> ReadResult:
    """The reader's result with the characters marked `dropped` taken out, no marks."""
    lines = []
    for line in result.lines:
        marks = _line_char_marks(line)
        text = "".join(char if mark != dropped else " " for char, mark in zip(line.text, marks))
        text = " ".join(text.split())
        if text:
            lines.append(BodyLine(text, line.page, line.line, line.indented))
    return ReadResult(lines, result.rendering, result.identity, result.synopsis, result.name)


def old_and_new(result: ReadResult) -> tuple[Document, Document]:
    """The text before the bill (struck kept, underlined dropped) and after it."""
    from statdiff.structure import build_document

    return build_document(_keep(result, INSERTED)), build_document(_keep(result, DELETED))


def _counterparts(printed: Document, other: Document, char_marks: dict, dropped: str) -> dict[int, Node]:
    """id(printed node) -> the node of `other` (the old or new text) it became.

    Nodes are matched in reading order by their words once `dropped` text is gone.
    """
    targets = [node for node in other.walk() if node.words]
    found: dict[int, Node] = {}
    cursor = 0
    for node in printed.walk():
        words = _surviving_words(node, char_marks[id(node)], dropped)
        if not words:
            continue
        for step in range(cursor, min(cursor + 20, len(targets))):
            if [word.text for word in targets[step].words] == words:
                found[id(node)] = targets[step]
                cursor = step + 1
                break
    return found


def _surviving_words(node: Node, char_marks: list[list[str]], dropped: str) -> list[str]:
    text = " ".join(
        "".join(char if mark != dropped else " " for char, mark in zip(word.text, marks))
        for word, marks in zip(node.words, char_marks)
    )
    return text.split()


# ---------------------------------------------------------------- changes


def changes_from_markup(document: Document, result: ReadResult | None = None) -> Comparison:
    """The changes a marked-up bill prints, as a `Comparison` (mode "markup").

    `result` (the reader's output the document was built from) gives the marks
    character by character, so `material"` with only `material` underlined
    inserts `material`; without it, each word's own mark is used.
    """
    char_marks = _node_char_marks(document, result)
    if result is not None:
        old, new = old_and_new(result)
    else:
        old, new = document, document
    old_nodes = _counterparts(document, old, char_marks, INSERTED)
    new_nodes = _counterparts(document, new, char_marks, DELETED)
    sections: dict[int, SectionComparison] = {}
    order: list[SectionComparison] = []
    for node, section in _nodes_with_sections(document):
        tokens = _marked_tokens(node, char_marks[id(node)])
        if not any(token.mark != PLAIN for token in tokens):
            continue
        old_node, new_node = old_nodes.get(id(node)), new_nodes.get(id(node))
        comparison = _node_comparison(node, tokens, old_node, new_node, _path_of(section, new_nodes, old_nodes))
        key = id(section)
        if key not in sections:
            sections[key] = _section_comparison(section, old_nodes, new_nodes)
            order.append(sections[key])
        sections[key].nodes.append(comparison)
    result_comparison = Comparison(old, new, MARKUP, order)
    number_anchors(result_comparison, prefix="m")
    return result_comparison


def _nodes_with_sections(document: Document):
    """Every node with the section (or bill section) it belongs to, in reading order."""
    section_of = {id(node): unit.node for unit in collect_units(document) for node in unit.nodes}
    for node in document.walk():
        yield node, section_of.get(id(node), document.root)


def _linked(change: Change, segment: Segment) -> Change:
    """A provisional anchor (unique while the segment lives) on the change and its segment."""
    change.anchor = segment.anchor = f"~{id(segment)}"
    return change


def _path_of(section: Node, new_nodes: dict, old_nodes: dict) -> str:
    counterpart = new_nodes.get(id(section)) or old_nodes.get(id(section))
    return counterpart.path if counterpart is not None else section.path


def _section_comparison(section: Node, old_nodes: dict, new_nodes: dict) -> SectionComparison:
    old, new = old_nodes.get(id(section)), new_nodes.get(id(section))
    heading = str(section.meta.get("heading") or "")
    status = "added" if old is None else "removed" if new is None else "changed"
    return SectionComparison(_path_of(section, new_nodes, old_nodes), heading, status, old, new)


def _node_comparison(node, tokens, old_node, new_node, section_path) -> NodeComparison:
    old_path = old_node.path if old_node is not None else None
    new_path = new_node.path if new_node is not None else None
    if all(token.mark == INSERTED for token in tokens):
        segment = Segment(INSERT, (), tuple(tokens))
        change = Change(ADD, None, new_path or node.path, "", _rebuild(tokens), None, SourceSpan.covering(tokens),
                        section_path)
        return NodeComparison(None, new_node or node, "added", [segment], [_linked(change, segment)])
    if all(token.mark == DELETED for token in tokens):
        segment = Segment(DELETE, tuple(tokens), ())
        change = Change(REMOVE, old_path or node.path, None, _rebuild(tokens), "", SourceSpan.covering(tokens), None,
                        section_path)
        return NodeComparison(old_node or node, None, "removed", [segment], [_linked(change, segment)])
    segments = _segments(tokens)
    changes = []
    before: Token | None = None
    for segment in segments:
        if segment.op != EQUAL:
            near = before or _first_plain(tokens)
            near_span = SourceSpan.at(near.position if near is not None else None)
            changes.append(_linked(Change(
                segment.op, old_path or node.path, new_path or node.path,
                _rebuild(segment.old), _rebuild(segment.new),
                SourceSpan.covering(segment.old) or near_span, SourceSpan.covering(segment.new) or near_span,
                section_path,
            ), segment))
        else:
            before = segment.old[-1]
    return NodeComparison(old_node, new_node, "changed", segments, changes)


def _segments(tokens: list[Token]) -> list[Segment]:
    """Runs of equal tokens, and of marked tokens (struck and underlined side by side: one replace)."""
    segments: list[Segment] = []
    for token in tokens:
        if token.mark == PLAIN:
            if segments and segments[-1].op == EQUAL:
                segments[-1].old += (token,)
                segments[-1].new += (token,)
            else:
                segments.append(Segment(EQUAL, (token,), (token,)))
            continue
        if not segments or segments[-1].op == EQUAL:
            segments.append(Segment(INSERT, (), ()))
        last = segments[-1]
        if token.mark == INSERTED:
            last.new += (token,)
        else:
            last.old += (token,)
        last.op = segment_op(last.old, last.new)
    return segments


def _first_plain(tokens: list[Token]) -> Token | None:
    return next((token for token in tokens if token.mark == PLAIN), None)


def _rebuild(tokens) -> str:
    from statdiff.tokens import rebuild

    return rebuild(tuple(tokens))


# ---------------------------------------------------------------- agreement


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Where statdiff's own comparison and the bill's markup part ways.

    kind: `struck_not_in_old` (struck text the old law does not have),
    `underlined_already_there` (underlined text the old law already had),
    `unmarked_change` (a change statdiff finds that the markup does not show).
    """

    kind: str
    path: str
    text: str
    source: SourceSpan | None
    detail: str

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "path": self.path,
            "text": self.text,
            "source": self.source.to_json() if self.source else None,
            "detail": self.detail,
        }

    def __str__(self) -> str:
        where = f" at {self.source}" if self.source and self.source.known else ""
        return f"{self.path}{where}: {self.detail}: {quote(self.text, limit=None)}"


STRUCK_NOT_IN_OLD = "struck_not_in_old"
UNDERLINED_ALREADY_THERE = "underlined_already_there"
UNMARKED_CHANGE = "unmarked_change"


def check_against(markup: Comparison, computed: Comparison) -> list[Disagreement]:
    """Every disagreement between the markup's changes and statdiff's comparison of
    the old law with the bill's new text (`compare(old_law, markup.new)`).

    The two are held against each other token by token: an inserted token is
    known by its printed page:line and text (both comparisons print the bill's
    new text), a deleted token by its section and text. A token the markup
    underlines and statdiff does not insert was already law; a token the markup
    strikes and statdiff does not delete was never law; a token statdiff
    inserts or deletes that the markup does not mark is an unmarked change.
    Source notes are history, not law, and are left out. Disagreeing tokens
    next to each other are reported as one run.
    """
    ours = list(_token_edits(markup))
    theirs = list(_token_edits(computed))
    disagreements = []
    for side, edits in _runs_of(_unmatched(ours, theirs)):
        kind, detail = (
            (UNDERLINED_ALREADY_THERE, "underlined as new, but the old law already has it") if side == "new"
            else (STRUCK_NOT_IN_OLD, "struck as deleted, but the old law does not have it")
        )
        disagreements.append(_disagreement(kind, edits, detail))
    for side, edits in _runs_of(_unmatched(theirs, ours)):
        what = "inserted" if side == "new" else "deleted"
        disagreements.append(_disagreement(UNMARKED_CHANGE, edits, f"statdiff finds this {what}, the markup does not show it"))
    return disagreements


@dataclass(frozen=True, slots=True)
class _Edit:
    side: str  # "new": inserted token, "old": deleted token
    section: str
    path: str
    token: Token
    order: int

    @property
    def key(self) -> tuple:
        if self.side == "new":
            return ("new", self.token.position.page, self.token.position.line, self.token.text)
        return ("old", self.section, self.token.text)


def _token_edits(comparison: Comparison):
    order = 0
    for section in comparison.sections:
        for node_comparison in section.nodes:
            node = node_comparison.new or node_comparison.old
            if node is None or node.kind == "source_note":
                continue
            for segment in node_comparison.segments:
                if segment.op in (INSERT, REPLACE) and node_comparison.new is not None:
                    for token in segment.new:
                        order += 1
                        yield _Edit("new", section.path, node_comparison.new.path, token, order)
                if segment.op in (DELETE, REPLACE) and node_comparison.old is not None:
                    for token in segment.old:
                        order += 1
                        yield _Edit("old", section.path, node_comparison.old.path, token, order)


def _unmatched(mine: list[_Edit], others: list[_Edit]) -> list[_Edit]:
    pool: dict[tuple, int] = {}
    for edit in others:
        pool[edit.key] = pool.get(edit.key, 0) + 1
    left = []
    for edit in mine:
        if pool.get(edit.key):
            pool[edit.key] -= 1
        else:
            left.append(edit)
    return left


def _runs_of(edits: list[_Edit]):
    """Consecutive edits of one side in one node, as runs."""
    run: list[_Edit] = []
    for edit in edits:
        if run and (edit.side != run[-1].side or edit.path != run[-1].path or edit.order != run[-1].order + 1):
            yield run[0].side, run
            run = []
        run.append(edit)
    if run:
        yield run[0].side, run


def _disagreement(kind: str, edits: list[_Edit], detail: str) -> Disagreement:
    tokens = [edit.token for edit in edits]
    return Disagreement(kind, edits[0].path, _rebuild(tokens), SourceSpan.covering(tokens), detail)


# ---------------------------------------------------------------- statdiff's own redline


def changes_from_redline(text: str, name: str = "<redline>") -> list[Change]:
    """The change list of a redline statdiff wrote, read from its attributes."""
    from statdiff.read.html import is_statdiff_redline, parse_html

    root = parse_html(text, name)
    if not is_statdiff_redline(root):
        raise StatdiffError(f"{name}: not a statdiff redline (no generator meta)")
    return _redline_changes(root)


def _redline_changes(root) -> list[Change]:
    changes = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.get("data-op") is None:
            continue
        if "change" not in (element.get("class") or "").split():
            continue
        changes.append(Change(
            op=element.get("data-op"),
            old_path=element.get("data-old-path") or None,
            new_path=element.get("data-new-path") or None,
            old_text=_change_text(element, "old", "del"),
            new_text=_change_text(element, "new", "ins"),
            old_source=_parse_span(element.get("data-old-source")),
            new_source=_parse_span(element.get("data-new-source")),
            section=element.get("data-section") or "",
            attributed_to=element.get("data-attributed-to") or None,
            anchor=element.get("id") or "",
        ))
    return changes


def _change_text(element, side: str, tag: str) -> str:
    """The change's text on one side: `data-old-text` / `data-new-text` where the
    redline gives them (a Source note or a move shows a description, not the
    text), else the words inside its `<del>` / `<ins>`."""
    given = element.get(f"data-{side}-text")
    if given is not None:
        return given
    return _marked_text(element, tag)


def _marked_text(element, tag: str) -> str:
    parts = [" ".join(found.text_content().split()) for found in element.iter(tag) if not _inside(found, tag, element)]
    return " ".join(part for part in parts if part)


def _inside(found, tag: str, outer) -> bool:
    """True when `found` sits inside another `tag` element below `outer`."""
    for ancestor in found.iterancestors():
        if ancestor is outer:
            return False
        if ancestor.tag == tag:
            return True
    return False


_POSITION = r"(-|(?:\?|\d+):(?:\?|\d+))"
_SPAN = re.compile(rf"^{_POSITION}-{_POSITION}$")


def _parse_span(value: str | None) -> SourceSpan | None:
    """`page:line-page:line` as the redline writes a `SourceSpan` (`-` where a
    position is unknown, `?` for an unknown page or line)."""
    if not value:
        return None
    match = _SPAN.match(value.strip())
    if not match:
        return None
    return SourceSpan(_parse_position(match.group(1)), _parse_position(match.group(2)))


def _parse_position(text: str) -> Position:
    if text == "-":
        return Position()
    page, line = text.split(":")
    return Position(None if page == "?" else int(page), None if line == "?" else int(line))


# ---------------------------------------------------------------- reading a file


def read_changes(path, max_bytes: int | None = None, format: str | None = None):
    """`statdiff changes FILE`: (document, comparison, changes).

    A statdiff redline gives its own change list (document and comparison are
    None); any other page is read with its markup (`format` forces the
    rendering) and its changes come from `changes_from_markup`.
    """
    from pathlib import Path

    from statdiff.read import read_text
    from statdiff.read.decode import load_text
    from statdiff.read.detect import detect
    from statdiff.read.html import is_statdiff_redline, parse_html, read_parsed_html
    from statdiff.structure import build_document

    path = Path(path)
    text = load_text(path, max_bytes)
    if (format or detect(text)) == "html":
        root = parse_html(text, str(path))
        if is_statdiff_redline(root):
            return None, None, _redline_changes(root)
        result = read_parsed_html(root, str(path))
    else:
        result = read_text(text, format=format, name=str(path))
    document = build_document(result)
    comparison = changes_from_markup(document, result)
    return document, comparison, comparison.changes


def agreement(markup: Comparison | None, old_law: Document, name: str = "the bill") -> list[Disagreement]:
    """`statdiff changes BILL --old OLD`: compare OLD with the bill's new text
    (struck text dropped) and check the result against the markup."""
    if markup is None:
        raise StatdiffError(f"{name}: --old needs a marked-up bill, not a statdiff redline")
    return check_against(markup, compare(old_law, markup.new))
