"""Changes read straight from a bill's own markup (mode "markup").

By statute, underscored text in an amendatory Section is new and struck-through text is
deleted. A bill saved as HTML keeps that markup (`BodyLine.marks`, `Word.mark`), so its
changes can be read without the old law at hand: runs of underlined tokens are
`insert`s, struck runs `delete`s, a struck run next to an underlined one a `replace`; a
node printed wholly underlined is an `add` (wholly struck: a `remove`). The old text is
the printing less its underlined text, the new text the printing less its struck text;
paths are read from those two trees (`old_and_new`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterator

from statdiff.compare.anchors import linked, number_anchors
from statdiff.compare.tokens import rebuild, tokenize
from statdiff.compare.units import section_of_every_node
from statdiff.model import (
    DELETED,
    INSERTED,
    PLAIN,
    BodyLine,
    Change,
    Comparison,
    Document,
    Mode,
    Node,
    NodeComparison,
    Op,
    ReadResult,
    SectionComparison,
    Segment,
    SourceSpan,
    Status,
    Token,
    segment_op,
)
from statdiff.structure import build_document

CharMarks = list[list[str]]  # for each word of a node, the mark of each of its characters


# ---------------------------------------------------------------- marks per character


def word_char_marks(result: ReadResult) -> CharMarks:
    """For each body word in reading order, the mark of each of its characters."""
    words = []
    for line in result.lines:
        marks = line.char_marks()
        for match in re.finditer(r"\S+", line.text):
            words.append(marks[match.start():match.end()])
    return words


def _node_char_marks(document: Document, result: ReadResult | None) -> dict[Node, CharMarks]:
    """Each node's per-word character marks. The tree holds the body words once each,
    in reading order (lossless reading), so they pair up with the reader's words."""
    by_node: dict[Node, CharMarks] = {}
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
        by_node[node] = marks
    return by_node


def _marked_tokens(node: Node, char_marks: CharMarks) -> list[Token]:
    """The node's diff tokens, each with the mark its characters were printed with."""
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
    lines = [BodyLine(line.text, line.page, line.line, line.indented) for line in result.without(dropped).lines]
    return ReadResult(lines, result.rendering, result.identity, result.synopsis, result.name)


def old_and_new(result: ReadResult) -> tuple[Document, Document]:
    """The text before the bill (struck kept, underlined dropped) and after it."""
    return build_document(_keep(result, INSERTED)), build_document(_keep(result, DELETED))


def _counterparts(printed: Document, other: Document, char_marks: dict[Node, CharMarks],
                  dropped: str) -> dict[Node, Node]:
    """Each printed node -> the node of `other` (the old or new text) it became.

    Nodes are matched in reading order by their words once `dropped` text is gone.
    """
    targets = [node for node in other.walk() if node.has_words()]
    found: dict[Node, Node] = {}
    cursor = 0
    for node in printed.walk():
        words = _surviving_words(node, char_marks[node], dropped)
        if not words:
            continue
        for step in range(cursor, min(cursor + 20, len(targets))):
            if [word.text for word in targets[step].words] == words:
                found[node] = targets[step]
                cursor = step + 1
                break
    return found


def _surviving_words(node: Node, char_marks: CharMarks, dropped: str) -> list[str]:
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
    sections: dict[Node, SectionComparison] = {}
    for node, section in _nodes_with_sections(document):
        tokens = _marked_tokens(node, char_marks[node])
        if not any(token.mark != PLAIN for token in tokens):
            continue
        old_node, new_node = old_nodes.get(node), new_nodes.get(node)
        comparison = _node_comparison(node, tokens, old_node, new_node, _path_of(section, new_nodes, old_nodes))
        if section not in sections:
            sections[section] = _section_comparison(section, old_nodes, new_nodes)
        sections[section].nodes.append(comparison)
    result_comparison = Comparison(old, new, Mode.MARKUP, list(sections.values()))
    number_anchors(result_comparison, prefix="m")
    return result_comparison


def _nodes_with_sections(document: Document) -> Iterator[tuple[Node, Node]]:
    """Every node with the section (or bill section) it belongs to, in reading order."""
    section_of = section_of_every_node(document)
    for node in document.walk():
        yield node, section_of.get(node, document.root)


def _path_of(section: Node, new_nodes: dict[Node, Node], old_nodes: dict[Node, Node]) -> str:
    counterpart = new_nodes.get(section) or old_nodes.get(section)
    return counterpart.path if counterpart is not None else section.path


def _section_comparison(section: Node, old_nodes: dict[Node, Node], new_nodes: dict[Node, Node]) -> SectionComparison:
    old, new = old_nodes.get(section), new_nodes.get(section)
    heading = section.meta.heading or ""
    status = Status.ADDED if old is None else Status.REMOVED if new is None else Status.CHANGED
    return SectionComparison(_path_of(section, new_nodes, old_nodes), heading, status, old, new)


def _node_comparison(node: Node, tokens: list[Token], old_node: Node | None, new_node: Node | None,
                     section_path: str) -> NodeComparison:
    old_path = old_node.path if old_node is not None else None
    new_path = new_node.path if new_node is not None else None
    if all(token.mark == INSERTED for token in tokens):
        segment = Segment(Op.INSERT, (), tuple(tokens))
        change = Change(Op.ADD, None, new_path or node.path, "", rebuild(tokens), None, SourceSpan.covering(tokens),
                        section_path)
        return NodeComparison(None, new_node or node, Status.ADDED, [segment], [linked(change, segment)])
    if all(token.mark == DELETED for token in tokens):
        segment = Segment(Op.DELETE, tuple(tokens), ())
        change = Change(Op.REMOVE, old_path or node.path, None, rebuild(tokens), "", SourceSpan.covering(tokens),
                        None, section_path)
        return NodeComparison(old_node or node, None, Status.REMOVED, [segment], [linked(change, segment)])
    segments = _segments(tokens)
    changes = []
    before: Token | None = None
    for segment in segments:
        if segment.op != Op.EQUAL:
            near = before or _first_plain(tokens)
            near_span = SourceSpan.at(near.position if near is not None else None)
            changes.append(linked(Change(
                segment.op, old_path or node.path, new_path or node.path,
                rebuild(segment.old), rebuild(segment.new),
                SourceSpan.covering(segment.old) or near_span, SourceSpan.covering(segment.new) or near_span,
                section_path,
            ), segment))
        else:
            before = segment.old[-1]
    return NodeComparison(old_node, new_node, Status.CHANGED, segments, changes)


def _segments(tokens: list[Token]) -> list[Segment]:
    """Runs of equal tokens, and of marked tokens (struck and underlined side by side: one replace)."""
    segments: list[Segment] = []
    for token in tokens:
        if token.mark == PLAIN:
            if segments and segments[-1].op == Op.EQUAL:
                segments[-1].old += (token,)
                segments[-1].new += (token,)
            else:
                segments.append(Segment(Op.EQUAL, (token,), (token,)))
            continue
        if not segments or segments[-1].op == Op.EQUAL:
            segments.append(Segment(Op.INSERT, (), ()))
        last = segments[-1]
        if token.mark == INSERTED:
            last.new += (token,)
        else:
            last.old += (token,)
        last.op = segment_op(last.old, last.new)
    return segments


def _first_plain(tokens: list[Token]) -> Token | None:
    return next((token for token in tokens if token.mark == PLAIN), None)
