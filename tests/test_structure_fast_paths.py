"""The structure stage's fast paths give exactly the tree the plain paths give, on every real
text: the builder visits only the candidates where a unit may start
(`BoundaryFinder.worth_visiting`), and a build that visits every candidate builds the same
tree. Texts are the repository's `statutes/` and the shared corpus (`../shared/corpus`, with
the 2.2 MB Election Code; that half is skipped, saying why, when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from statdiff.errors import StatdiffError
from statdiff.model import Document, Node, ReadResult
from statdiff.read import read_path
from statdiff.structure import Builder, Finisher, Stream, build_document
from statdiff.structure.boundaries import BoundaryFinder

REPOSITORY = Path(__file__).resolve().parent.parent
SHARED_CORPUS = REPOSITORY.parent / "shared" / "corpus"
SUFFIXES = (".txt", ".csv", ".md", ".html", ".htm")


def _texts(base: Path) -> list[Path]:
    return sorted(path for path in base.rglob("*") if path.is_file() and path.suffix in SUFFIXES
                  and path.name.lower() not in ("readme.md", "provenance.md", "sources.md"))


def _read(path: Path) -> ReadResult:
    try:
        return read_path(path)
    except StatdiffError as error:
        pytest.skip(f"{path.name} holds no text to build: {error}")


REPOSITORY_TEXTS = _texts(REPOSITORY / "statutes")
SHARED_TEXTS = _texts(SHARED_CORPUS) if SHARED_CORPUS.is_dir() else []
needs_shared = pytest.mark.skipif(
    not SHARED_TEXTS, reason=f"the shared corpus is read from {SHARED_CORPUS}, which is absent (no ../shared beside the clone)"
)


def _shape(node: Node) -> list[tuple]:
    """Every node in document order: kind, path, label and its words (text, page, line, mark)."""
    return [
        (each.kind, each.path, each.label, len(each.children),
         [(word.text, word.position.page, word.position.line, word.mark) for word in each.words])
        for each in node.walk()
    ]


class _VisitingEveryCandidate(BoundaryFinder):
    def worth_visiting(self, candidates: list[int]) -> list[int]:
        return candidates


def _built_visiting_every_candidate(result: ReadResult) -> Node:
    root = Node(kind="document", path="", label=result.identity.describe())
    builder = Builder(Stream(result), root)
    builder.finder = _VisitingEveryCandidate(builder.stream, builder.tree)
    builder.run()
    Finisher(root, result).run()
    return root


def _assert_visits_agree(path: Path) -> None:
    result = _read(path)
    if result.rendering == "prose":
        return  # not built by the builder (`clauses.py`)
    document: Document = build_document(result)
    assert _shape(document.root) == _shape(_built_visiting_every_candidate(result))


@pytest.mark.parametrize("path", REPOSITORY_TEXTS, ids=lambda path: path.name)
def test_visiting_only_the_worthwhile_candidates_builds_the_same_tree(path):
    _assert_visits_agree(path)


@needs_shared
@pytest.mark.parametrize("path", SHARED_TEXTS, ids=lambda path: path.name)
def test_visiting_only_the_worthwhile_candidates_builds_the_same_tree_on_the_shared_corpus(path):
    _assert_visits_agree(path)


@needs_shared
def test_most_lines_of_the_election_code_need_no_visit():
    """Its lines print their indentation: a flush line opening with a plain word opens nothing."""
    result = read_path(SHARED_CORPUS / "ilcs-whole-acts" / "10ILCS5_ElectionCode.txt")
    builder = Builder(Stream(result), Node(kind="document", path=""))
    candidates = builder.stream.candidates
    assert len(builder.finder.worth_visiting(candidates)) < len(candidates) / 2
