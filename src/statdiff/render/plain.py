"""The clean body text of a document, one printed line a line."""

from __future__ import annotations

from typing import Iterator

from statdiff.model import Document, Node, Position
from statdiff.render.options import RenderOptions


class PlainText:
    """The clean body text: one printed line a line, each prefixed with its page:line."""

    name = "text"
    subject = "document"
    suffixes = (".txt",)

    def render(self, document: Document, options: RenderOptions) -> str:
        return "".join(line + "\n" for line in document_lines(document))


def document_lines(document: Document) -> Iterator[str]:
    """The tree's words regrouped into the lines they were printed on.

    Words that share a printed Position make one line, prefixed `page:line  `;
    where the rendering has no line numbers, each node's own words make one line
    (prefixed `page:?  ` when at least the page is known).
    """
    key: tuple[str, Position] | tuple[str, Node, int | None] | None = None
    words: list[str] = []
    prefix = ""
    for node in document.walk():
        for word in node.words:
            position = word.position
            word_key = ("at", position) if position.line is not None else ("node", node, position.page)
            if word_key != key:
                if words:
                    yield prefix + " ".join(words)
                key, words = word_key, []
                prefix = f"{position}  " if position.known else ""
            words.append(word.text)
    if words:
        yield prefix + " ".join(words)
