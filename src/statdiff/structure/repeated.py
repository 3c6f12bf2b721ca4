"""Codified Sections a copy prints more than once with nothing to tell the copies apart.

An ILCS page prints a Section twice when two versions of it are in force or pending, each
under a version note: `(Text of Section before amendment by P.A. 103-586)`, `(Text of Section
after amendment by P.A. 103-586)` (the Election Code prints four such pairs). statdiff keeps
every copy, the later ones named `10 ILCS 5/1A-16.7 #2`, `#3`. A copy that prints a Section
again with no version note on one of its copies is another matter: a page saved twice, a
scrape that repeated a stretch, two files pasted together. The later copy is then compared
as a Section of its own, added or removed, which is true of the file and almost certainly
not of the law; this module finds such Sections, so that `parse` and every diff whose
changes touch one can say so rather than report the repetition as the law's change.
"""

from __future__ import annotations

from collections.abc import Iterable

from statdiff.model import Comparison, Document, Node, counted, listed

# `path #2`: the name `structure.finish` gives a Section's later namesakes.
NAMESAKE = " #"


def repeated_sections(document: Document) -> dict[str, list[Node]]:
    """Base path -> its copies, in reading order, for each codified Section the document
    prints more than once where a copy has no version note. Documents that are not
    legislation (whose clauses are numbered by the document) have none."""
    return {} if document.prose else untold_copies(document.root.walk())


def untold_copies(nodes: Iterable[Node]) -> dict[str, list[Node]]:
    """Base path -> its copies, in reading order, for each codified Section among `nodes`
    (one document's) printed more than once where a copy has no version note."""
    copies: dict[str, list[Node]] = {}
    for node in nodes:
        if node.kind == "section" and node.path:
            copies.setdefault(base_path(node.path), []).append(node)
    return {path: found for path, found in copies.items() if len(found) > 1 and not told_apart(found)}


def base_path(path: str) -> str:
    """`10 ILCS 5/1-3.5` of `10 ILCS 5/1-3.5 #2` (and of itself)."""
    return path.split(NAMESAKE, 1)[0]


def told_apart(copies: list[Node]) -> bool:
    """Whether a version note heads every copy of a Section printed more than once."""
    return all(any(child.kind == "version_note" for child in copy.children) for copy in copies)


def repeated_note(document: Document) -> str | None:
    """One line naming the Sections the document prints more than once with no version note
    to tell the copies apart; None for none."""
    repeated = repeated_sections(document)
    if not repeated:
        return None
    example = next(iter(repeated.values()))[1].path
    return (f"prints {counted(len(repeated), 'Section')} more than once ({listed(list(repeated))}), and no version note"
            f" (`(Text of Section ...)`) tells the copies apart: each later copy is read as a Section of its own"
            f" ({example}); check that the file holds one copy of the text")


def changes_to_repeated_note(comparison: Comparison) -> str | None:
    """One line naming the changes made to a Section either copy prints more than once
    (`repeated_note`): a later copy added whole (a page saved twice), or a Section renumbered
    onto a number the Act already has; None for none."""
    # the comparison's sections hold every Section of both copies: neither document is walked
    sides = [(comparison.old, [section.old for section in comparison.sections if section.old is not None]),
             (comparison.new, [section.new for section in comparison.sections if section.new is not None])]
    if not any(NAMESAKE in node.path for _, nodes in sides for node in nodes):
        return None  # (no Section printed twice)
    bases = {base for document, nodes in sides if not document.prose for base in untold_copies(nodes)}
    changes = [change for change in comparison.changes if change.section and base_path(change.section) in bases]
    if not changes:
        return None
    sections = list(dict.fromkeys(change.section for change in changes))
    return (f"{counted(len(changes), 'change')} to a Section printed more than once with no version note to tell the"
            f" copies apart ({listed(sections)}): the copies are paired by their text, and a later copy's change may be"
            " the file's repetition, not the law's; check that each file holds one copy of each Section")

