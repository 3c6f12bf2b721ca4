"""The structure stage: a reader's body lines become the document tree (`Document` of `Node`s).

The parts, in the order they run:

* `stream.py`: the stream of words: the body's words in order, the single-spaced text they
  join into, where each printed line starts and how it is indented, and the candidate words
  where a unit may start (line starts, `(`, quotes, `Sec.`, `Section`, `ARTICLE`).
* `boundaries.py`: boundary detection: does a unit (citation, note, `Sec.`, `Section`,
  Article, enumerator, definition, paragraph) start at this word?
* `builder.py`: the builder: one walk over the words, opening nodes through an explicit
  table from boundary kind to opener; every word goes to the newest node, once, in order.
* `finish.py`: the second pass: kinds left open, meta (citation, heading, Source note,
  amendatory instruction, defined term) and paths.
* `tree.py`: the node kinds, how they nest, the nodes open during a build.
* `reuse.py`: two versions built for one comparison (`build_pair`): a Section NEW prints as
  OLD does, where the builder comes to it alike, is OLD's subtree copied, its words moved.
* `clauses.py`: documents that are not Illinois legislation (contracts, policies,
  markdown; the `prose` rendering): headings, numbered clauses, lists and tables.

Every Illinois pattern comes from `statdiff.law`. `build_document(result)` is the entry point
(`build_pair(old, new)` for two versions compared).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from statdiff import collector
from statdiff.errors import StatdiffError
from statdiff.law.public_acts import of_source_note as _public_acts  # noqa: F401 (the one parser of Source notes)
from statdiff.model import DELETED, Document, Node, ReadResult
from statdiff.structure.builder import Builder
from statdiff.structure.finish import Finisher
from statdiff.structure.stream import Stream, prints_statute_units

if TYPE_CHECKING:
    from statdiff.structure.reuse import Recorder, Reusable

__all__ = ["build_document", "build_like", "build_pair", "build_reusable"]


def build_document(result: ReadResult) -> Document:
    """The tree of a reader's result: sections, subsections, definitions, notes."""
    if not isinstance(result, ReadResult):
        raise StatdiffError(f"cannot build a tree from {type(result).__name__}")
    if result.prose and not prints_statute_units(" ".join(line.text for line in result.lines)):
        from statdiff.structure.clauses import build_clauses  # not legislation: contracts, policies, markdown

        with collector.paused():  # as `_built`: what the build makes lives as long as the tree
            document = build_clauses(result)
        document.detection = result.detection
        return document
    document = _built(result)
    if result.marked(DELETED):  # struck text printed: what the bill means is the text without it
        document.meant_by(lambda: _built(result.without(DELETED)))
    return document


def build_pair(old: ReadResult, new: ReadResult) -> tuple[Document, Document]:
    """Two versions built for one comparison, as `build_document` builds each: NEW's Sections
    that OLD prints alike copied from OLD's tree (`reuse.py`)."""
    old_document, reusable = build_reusable(old)
    return old_document, build_like(new, reusable)


def build_reusable(result: ReadResult) -> tuple[Document, "Reusable | None"]:
    """`build_document(result)`, and what another version's build may copy from its tree
    (`build_like`): None for a text built otherwise (prose, struck text)."""
    if not _copies_alike(result):
        return build_document(result), None
    from statdiff.structure.reuse import Recorder, Reusable

    recorder = Recorder()
    document, stream = _built_with(result, recorder=recorder)
    with collector.paused():  # (what it keeps of the stream: not what the stream looked up)
        return document, Reusable(stream, recorder.checkpoints)


def build_like(result: ReadResult, reusable: "Reusable | None") -> Document:
    """`build_document(result)`, the Sections it prints as the version `reusable` was built
    from does copied from that version's tree (`reuse.py`)."""
    if reusable is None or not _copies_alike(result):
        return build_document(result)
    return _built_with(result, reusable=reusable)[0]


def _copies_alike(result: ReadResult) -> bool:
    """Legislation printed without struck text (a prose text is built otherwise, and a
    printing with struck text means another text as well: `Document.as_meant`)."""
    return isinstance(result, ReadResult) and not result.prose and not result.marked(DELETED)


def _built(result: ReadResult) -> Document:
    """The tree of a body of Illinois legislation, as printed."""
    return _built_with(result)[0]


def _built_with(result: ReadResult, recorder: "Recorder | None" = None,
                reusable: "Reusable | None" = None) -> tuple[Document, Stream]:
    """`_built`, and the stream built from; `recorder` told of OLD's units, `reusable`'s
    units copied where NEW prints them alike (`build_pair`)."""
    root = Node(kind="document", path="", label=result.identity.describe())
    with collector.paused():  # every object the build makes lives as long as the tree
        stream = Stream(result)
        splicer = reusable.splicer(stream) if reusable is not None else None
        Builder(stream, root, recorder, splicer).run()
        Finisher(root, result, splicer.reused if splicer is not None else None).run()
    return Document(
        identity=result.identity,
        root=root,
        rendering=result.rendering,
        name=result.name,
        synopsis=result.synopsis,
        detection=result.detection,
    ), stream
