"""Page-and-line amendments in the terminal and as JSON: what `statdiff parse` shows of an
amendment (its tree, then its instructions as structured edits) and what `statdiff apply`
prints (the bill as amended: plain text, text with its provenance, or JSON).

Each reads its view (`statdiff.view.amended`: `AmendmentView`, `AmendedView`), which words
the instructions and holds the JSON contract (docs/json-contract.md).
"""

from __future__ import annotations

from typing import Iterator

from rich.console import RenderableType
from rich.text import Text

from statdiff.render.json_out import JsonOutput, document_to_json
from statdiff.render.options import RenderOptions
from statdiff.render.terminal import NOTE_STYLE, ConsoleRenderer
from statdiff.render.tree_view import TreeView
from statdiff.view.amended import AmendedView, AmendmentView

# ---------------------------------------------------------------- statdiff parse AMENDMENT


class AmendmentTree(ConsoleRenderer):
    """The amendment's tree, then what it amends and each instruction, one line each (with the
    amendment page:line it is printed at), then what could not be read."""

    name = "tree"
    subject = "amendment"

    def lines(self, subject: AmendmentView, options: RenderOptions) -> Iterator[RenderableType]:
        yield from TreeView().lines(subject.document, options)
        yield Text("")
        yield Text(subject.heading, style="bold")
        for instruction in subject.instructions:
            line = Text(f"  {instruction.number:>2}. ")
            line.append(f"{instruction.where}  ", style=NOTE_STYLE)
            line.append(instruction.action)
            if instruction.page_inferred:
                line.append("  (page from the instruction before)", style=NOTE_STYLE)
            yield line
        for problem in subject.problems:
            yield Text(f"  cannot apply: {problem}", style="red")


class AmendmentJson(JsonOutput):
    """`statdiff parse AMENDMENT --json`: the tree, and `amendment` (its target, edits, problems)."""

    subject = "amendment"

    def to_json(self, subject: AmendmentView) -> dict:
        return dict(document_to_json(subject.document), amendment=subject.contract)


# ---------------------------------------------------------------- statdiff apply


class AmendedText:
    """The bill as amended, one line a printed line (new text on lines of its own where the
    amendment puts whole lines in)."""

    name = "text"
    subject = "amended"
    suffixes = (".txt",)

    def render(self, amended: AmendedView, options: RenderOptions) -> str:
        return amended.text + "\n" if amended.text else ""


class AmendedProvenance:
    """Each line with where it was printed: `3:2  {+undue delay+}, consistent ...` for a bill
    line (new text inside it marked), `+ AMENDMENT 1:5  text` for a line of new text."""

    name = "provenance"
    subject = "amended"
    suffixes: tuple[str, ...] = ()

    def render(self, amended: AmendedView, options: RenderOptions) -> str:
        return "".join(line + "\n" for line in amended.provenance)


class AmendedJson(JsonOutput):
    """`statdiff apply --json`: `AmendedBill.to_json`."""

    subject = "amended"

    def to_json(self, subject: AmendedView) -> dict:
        return subject.contract
