"""The model at the centre of statdiff: read it first.

Every stage speaks in these types, and the model imports nothing else of statdiff.
`text`: what was printed (`Position` page:line, `SourceSpan`, `Word`, `BodyLine`,
`ReadResult`, `Identity`). `tree`: the document (`Node`, `Document`); `meta`: what the
structure stage read of a node (`Meta`, `Role`). Imported when first asked for, since statute
texts need none: `instruction`, a bill section's `AmendatoryInstruction`; `printed`, the
page:line index a page-and-line amendment reads (`PrintedLines`); `strikes`, the struck-and-new
pairs a plain printing seems to print (`SuspectedStrike`). `comparison`: what changed (`Op`, `Status`, `Mode`, `Token`,
`Segment`, `WordSegment`, `Basis`, `Change`, `NodeComparison`, `SectionComparison`, `Comparison`).
The readers produce a `ReadResult`; the structure stage builds a `Document`; the compare
stage produces a `Comparison`; the view and the renderers only read these types.
"""

from typing import TYPE_CHECKING, Any

from statdiff.model.comparison import (
    ONE_COPY_OPS,
    ONE_COPY_STATUSES,
    WORD_OPS,
    Basis,
    Change,
    Comparison,
    Mode,
    NodeComparison,
    Op,
    SectionComparison,
    Segment,
    Side,
    Status,
    Token,
    Tokenizer,
    WordSegment,
    count_ops,
    counted,
    listed,
    one_copy_op,
    one_copy_status,
    rebuild,
    segment_op,
)
from statdiff.model.text import (
    DELETED,
    INSERTED,
    NOWHERE,
    PLAIN,
    BodyLine,
    Detection,
    Drop,
    Identity,
    Position,
    ReadResult,
    SourceSpan,
    Word,
    ordinal,
)
from statdiff.model.meta import UNIT_KINDS, Meta, Role
from statdiff.model.tree import Document, Node, NodeWords

if TYPE_CHECKING:
    from statdiff.model.instruction import AmendatoryInstruction
    from statdiff.model.printed import PrintedLines, PrintedWord
    from statdiff.model.strikes import SuspectedStrike

__all__ = [
    "AmendatoryInstruction", "Basis", "BodyLine", "Change", "Comparison", "DELETED", "Detection", "Document", "Drop", "INSERTED",
    "Identity", "Meta", "Mode", "NOWHERE", "Node", "NodeComparison", "NodeWords", "ONE_COPY_OPS", "ONE_COPY_STATUSES", "Op", "PLAIN",
    "Position", "PrintedLines", "PrintedWord", "SuspectedStrike", "ReadResult", "Role", "SectionComparison", "Segment", "Side", "SourceSpan",
    "Status", "Token", "Tokenizer", "UNIT_KINDS", "WORD_OPS", "Word", "WordSegment", "count_ops", "counted", "listed", "one_copy_op",
    "one_copy_status", "ordinal", "rebuild", "segment_op",
]


def __getattr__(name: str) -> Any:
    """The classes a comparison of two statute texts never creates, imported when first asked
    for from the module that holds each: a bill section's `AmendatoryInstruction`; the page:line
    index a page-and-line amendment reads (`PrintedLines`, `PrintedWord`); the struck-and-new
    pairs `statdiff parse` looks for in a plain printing (`SuspectedStrike`)."""
    if name == "AmendatoryInstruction":
        from statdiff.model.instruction import AmendatoryInstruction

        return AmendatoryInstruction
    if name in ("PrintedLines", "PrintedWord"):
        from statdiff.model import printed

        return getattr(printed, name)
    if name == "SuspectedStrike":
        from statdiff.model.strikes import SuspectedStrike

        return SuspectedStrike
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
