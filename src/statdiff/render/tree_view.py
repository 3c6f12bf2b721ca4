"""The section tree in the terminal: kind, label and heading, path, page:line, an excerpt."""

from __future__ import annotations

from typing import Iterator

from rich.text import Text
from rich.tree import Tree

from statdiff.model import Document, Node
from statdiff.render.options import RenderOptions
from statdiff.render.terminal import ConsoleRenderer

EXCERPT_CHARS = 60
KIND_STYLES = {
    "document": "bold",
    "article": "bold magenta",
    "bill_section": "bold blue",
    "section": "bold cyan",
    "definition": "green",
    "citation": "dim",
    "source_note": "dim",
    "version_note": "yellow",
}


class TreeView(ConsoleRenderer):
    """A document as a tree: one line a node."""

    name = "tree"
    subject = "document"

    def lines(self, subject: Document, options: RenderOptions) -> Iterator[Text | Tree]:
        return _tree_lines(subject)


def _tree_lines(document: Document) -> Iterator[Text | Tree]:
    yield _title(document)
    if document.synopsis:
        yield Text("Synopsis: ", style="bold") + Text(_excerpt(document.synopsis, 400))
    tree = Tree(_node_line(document.root, top=True))
    _add_children(tree, document.root)
    yield tree


def _title(document: Document) -> Text:
    identity = document.identity
    title = Text(identity.describe(), style="bold")
    details = [document.rendering, document.name]
    if identity.title and identity.title != identity.describe():  # (a document's title may be all it says)
        details.insert(0, identity.title)
    if identity.lrb:
        details.append(identity.lrb)
    return title + Text("  " + " | ".join(detail for detail in details if detail), style="dim")


def _add_children(branch: Tree, node: Node) -> None:
    for child in node.children:
        _add_children(branch.add(_node_line(child)), child)


def _node_line(node: Node, top: bool = False) -> Text:
    line = Text(node.kind, style=KIND_STYLES.get(node.kind, ""))
    if top:
        line.append(f"  {node.label}" if node.label else "")
    else:
        line.append(f"  {node.path}", style="cyan")
        heading = node.meta.heading
        if heading is not None:
            line.append(f"  {heading}", style="bold")
    span = node.source
    if span is not None and span.known:
        line.append(f"  {span.cited}", style="magenta")
    if node.text and not top:
        line.append(f"  {_excerpt(node.text, EXCERPT_CHARS)}", style="dim")
    return line


def _excerpt(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
