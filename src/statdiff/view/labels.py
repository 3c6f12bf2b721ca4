"""The words a redline prints around the text: section labels, status labels, one-copy
labels, counts. Every document output (HTML today; Word and PDF next) shows these; the
terminal keeps its own shorter, git-like wording."""

from __future__ import annotations

import re

from statdiff.law.compiling import when_used
from statdiff.model import Change, Comparison, Document, Mode, Node, Op, Role, SectionComparison, Status, count_ops
from statdiff.model.tree import shortened

ONLY_SECTION_LABELS = {
    Status.ONLY_OLD: "present in the old copy only: the new copy is truncated",
    Status.ONLY_NEW: "present in the new copy only: the old copy is truncated",
}
# The same where the other copy is one Section's page (`compare/excerpts.py`), not truncated.
ONLY_SECTION_LABELS_BESIDE_A_SECTION_PAGE = {
    Status.ONLY_OLD: "present in the old copy only: the new copy prints one Section",
    Status.ONLY_NEW: "present in the new copy only: the old copy prints one Section",
}
CUT_SECTION_LABEL = "shared in part: a copy is truncated inside it"
FRONT_MATTER = "Front matter"
OUTSIDE_SECTIONS = "Outside any Section"  # text an Act's page prints after a Section, outside it
FRONT_MATTER_AND_OUTSIDE = "Front matter and text outside any Section"
ARTICLE_HEADINGS = "Article headings"  # an Article's own lines: its citation and its heading
# What a change adding or removing the documents' own text whole says it added or removed
# (the change's path is the document's own, "": `added a node` would say nothing).
DOCUMENT_TEXT_PHRASES = {
    FRONT_MATTER: "the front matter",
    OUTSIDE_SECTIONS: "text printed outside any Section",
    FRONT_MATTER_AND_OUTSIDE: "front matter and text printed outside any Section",
}
# A document that is not legislation: its own text (no clause or heading holds it) is named by
# the title it sits under, else it is the whole text (a document with no sections).
UNDER_TITLE = 'Under the title "{title}"'
DOCUMENT_TEXT = "The document's text"
TITLE_LIMIT = 80  # a longer title is cut at a word, with `…`
# Each beside the front matter, where changes are in both (`Front matter and ...`).
_BESIDE_FRONT_MATTER = {UNDER_TITLE: 'the text under the title "{title}"', DOCUMENT_TEXT: "the document's text"}

# How deep each kind of node is indented.
DEPTH = {
    "document": 0, "article": 0, "bill_section": 0, "section": 0, "citation": 0,
    "source_note": 0, "version_note": 0, "subsection": 1, "definition": 1, "text": 1,
    "paragraph": 2, "subparagraph": 3, "item": 4,
}
_OP_NOUNS = {
    Op.INSERT: ("insertion", "insertions"), Op.DELETE: ("deletion", "deletions"),
    Op.REPLACE: ("replacement", "replacements"), Op.ADD: ("added node", "added nodes"),
    Op.REMOVE: ("removed node", "removed nodes"), Op.MOVE: ("move", "moves"),
    Op.RENUMBER: ("renumbering", "renumberings"), Op.SOURCE: ("Source note change", "Source note changes"),
}
# What kind of change each op is, as the redline's filters name them (insertions, deletions...).
CHANGE_KINDS = {
    Op.INSERT: "insertion", Op.ADD: "insertion", Op.DELETE: "deletion", Op.REMOVE: "deletion",
    Op.REPLACE: "replacement", Op.MOVE: "move", Op.RENUMBER: "move", Op.SOURCE: "source",
}
# Each kind of change and of margin note as a filter names it, in the order the filters list them.
CHANGE_KIND_NAMES = {
    "insertion": "Insertions", "deletion": "Deletions", "replacement": "Replacements",
    "move": "Moves and renumberings", "source": "Source notes",
}
NOTE_KIND_NAMES = {
    "deadline": "Deadlines", "amount": "Amounts", "duty": "Duties", "definition": "Definitions",
    "cross_reference": "Cross-references", "attribution": "Credited to a Public Act",
    "plain_printing": "Struck text recovered from a plain printing",
}
# The attribution filter where changes are credited to an amendment's instructions or to versions.
CREDITED_ELSEWHERE = "Credited to an instruction or version"
# Compiled once: a view labels and anchors every section (`re`'s own cache is a lookup a call).
_LAST_PATH_NUMBER = when_used(r"/([\w.\-]+)$")
_NOT_IN_AN_ANCHOR = re.compile(r"[^A-Za-z0-9]+")
# A run of labels `Sec. 1-4` ... `Sec. 1-12` reads `Secs. 1-4 to 1-12`.
_PLURAL_PREFIXES = {"Sec. ": "Secs. ", "Article ": "Articles ", "Section ": "Sections ", "Clause ": "Clauses "}
# How each output words the label of text only one copy holds, by whether shared text came before.
_ONE_COPY_WORDING = {
    "terminal": {True: "the {other} copy stops here", False: "the {other} copy starts here"},
    "html": {True: "(the {other} copy stops before this)", False: "(the {other} copy begins after this)"},
}


def one_copy_section_labels(comparison: Comparison) -> dict[Status, str]:
    """How a section only one copy holds is labelled: the other copy is truncated, or it is
    one Section's page (`compare.excerpts.section_page_side`)."""
    if not any(section.status in (Status.ONLY_OLD, Status.ONLY_NEW) for section in comparison.sections):
        return ONLY_SECTION_LABELS
    from statdiff.compare.excerpts import section_page_side

    page = section_page_side(comparison)
    if page is None:
        return ONLY_SECTION_LABELS
    held = Status.ONLY_NEW if page == "old" else Status.ONLY_OLD  # what the whole Act alone holds
    return {**ONLY_SECTION_LABELS, held: ONLY_SECTION_LABELS_BESIDE_A_SECTION_PAGE[held]}


def cut_word_label(op: str, whole: str, at_end: bool = True) -> str:
    """The label of a copy's last (first) word cut short, which only that copy holds beside
    the whole word the other copy prints: `the new copy stops here, in the middle of the word
    "the"` (`begins here` for a first word), in every output."""
    holder = "old" if op == Op.ONLY_OLD else "new"
    return f'the {holder} copy {"stops" if at_end else "begins"} here, in the middle of the word "{whole}"'


def one_copy_label(op: str, after_shared: bool = True, form: str = "html") -> str:
    """`only in the old copy (the new copy stops before this)` in a redline,
    `only in the old copy, the new copy stops here` on a terminal, and siblings."""
    holder, other = ("old", "new") if op == Op.ONLY_OLD else ("new", "old")
    separator = ", " if form == "terminal" else " "
    return f"only in the {holder} copy{separator}" + _ONE_COPY_WORDING[form][after_shared].format(other=other)


_STATUS_LABELS: dict[str, str] = {  # but `not_restated`, which reads as the mode says
    Status.UNCHANGED: "unchanged",
    Status.ONLY_OLD: ONLY_SECTION_LABELS[Status.ONLY_OLD],
    Status.ONLY_NEW: ONLY_SECTION_LABELS[Status.ONLY_NEW],
    Status.CHANGED: "amended",
    Status.ADDED: "added",
    Status.REMOVED: "removed",
    Status.MOVED: "moved",
    Status.RENUMBERED: "renumbered",
}


def status_label(status: str, mode: str) -> str:
    """How a section's status reads beside its heading (`amended`, `not amended by this bill`)."""
    if status == Status.NOT_RESTATED:
        return "not amended by this bill" if mode == Mode.AMENDMENT else "not in the new text"
    return _STATUS_LABELS.get(status, status.replace("_", " "))


def section_label(section: SectionComparison) -> str:
    """`Sec. 10` (from the section's number, else its path), else the path, else "Front matter";
    a later copy of a Section printed more than once keeps its `#2` (`structure.finish`), so
    that the two copies are not both `Sec. 10`."""
    label = node_label(section.new or section.old, section.path)
    namesake = section.path.rpartition(" #")[2] if " #" in section.path else ""
    return f"{label} #{namesake}" if namesake.isdigit() and not label.endswith(f" #{namesake}") else label


def document_text_label(comparison: Comparison, section: SectionComparison) -> str:
    """What the documents' own text (the unit with no Section: path "") is named by where
    its changes are: "Front matter" before the first Section; "Article headings" in an
    Article's own lines (its citation and heading: an Article added or removed); "Outside
    any Section" in text a page prints after a Section, outside it (`structure/outside.py`);
    each named where changes are in more than one. Two
    documents that are not legislation name it as `prose_text_label` says."""
    if comparison.old.prose and comparison.new.prose:
        return prose_text_label(section)
    if not section.changes:
        return FRONT_MATTER
    from statdiff.structure.outside import ChangePlaces

    places = ChangePlaces(comparison)
    front = any(places.in_front_matter(change) for change in section.changes)
    articles = any(places.in_article_headings(change) for change in section.changes)
    outside = any(places.outside(change) for change in section.changes)
    if not articles:
        if not outside:
            return FRONT_MATTER
        return FRONT_MATTER_AND_OUTSIDE if front else OUTSIDE_SECTIONS
    named = [name for name, found in ((FRONT_MATTER, front), (ARTICLE_HEADINGS, True),
                                      ("text outside any Section", outside)) if found]
    return ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else named[0]


def document_text_phrase(label: str) -> str:
    """What a change that adds or removes the documents' own text whole added or removed,
    from its unit's label: `text printed outside any Section`, `the text under the title
    "Fees"`, `the document's text`."""
    if label in DOCUMENT_TEXT_PHRASES:
        return DOCUMENT_TEXT_PHRASES[label]
    lowered = label[:1].lower() + label[1:]
    return f"the text {lowered}" if label.startswith("Under ") else lowered


def prose_text_label(section: SectionComparison) -> str:
    """The own text of a document that is not legislation (its root: what no clause or
    heading holds), named as the new copy (else the old) reads it. Text under the document's
    title (a lone top heading, `structure.clauses`) is the document: `Under the title "Fee
    schedule"`; where no title and no section holds it, it is the whole text: "The
    document's text"; text before the first of its sections is its front matter, and so is
    a markdown file's metadata block (role `front_matter`), named so where every change of
    the unit is in it, and beside the other name where some are."""
    root = section.new or section.old
    if root is None:
        return FRONT_MATTER
    own, title = _own_text(root)
    old, new = _metadata_paths(section.old), _metadata_paths(section.new)
    if own == FRONT_MATTER or not (old or new):
        return own.format(title=title)
    changes = section.changes
    in_metadata = [(change.old_path or "") in old or (change.new_path or "") in new for change in changes]
    if changes and all(in_metadata):
        return FRONT_MATTER
    if any(in_metadata):
        return f"{FRONT_MATTER} and " + _BESIDE_FRONT_MATTER[own].format(title=title)
    return own.format(title=title)


def _own_text(root: Node) -> tuple[str, str]:
    """`UNDER_TITLE` and the title, `DOCUMENT_TEXT` or `FRONT_MATTER` (see `prose_text_label`)."""
    first = root.children[0] if root.children else None
    if first is not None and first.meta.role == Role.TITLE:
        return UNDER_TITLE, shortened(" ".join(word.text for word in first.words), TITLE_LIMIT)
    if any(child.kind == "section" for child in root.children):
        return FRONT_MATTER, ""
    return DOCUMENT_TEXT, ""


def _metadata_paths(root: Node | None) -> set[str]:
    """The paths of a markdown file's metadata block (role `front_matter`) and what it holds."""
    if root is None:
        return set()
    return {node.path for child in root.children if child.meta.role == Role.FRONT_MATTER for node in child.walk()}


def node_label(node: Node | None, path: str | None = None) -> str:
    """A section node as a redline names it: `Sec. 10` from its number, else from its path
    (`815 ILCS 530/10`), else the path, else "Front matter"."""
    number = node.meta.number if node is not None else None
    if number and node is not None and node.meta.positional and node.label:
        # a document's clause names itself: `Clause 3`, `Article III`, `Schedule 2`; by its path
        # where another section has its label (`Clause 3.1 Clause 4`: a list under clause 3.1)
        return node.path if node.path.endswith(f" {node.label}") else node.label
    if number:
        return f"Sec. {number}"
    path = path if path is not None else (node.path if node is not None else "")
    match = _LAST_PATH_NUMBER.search(path)
    if match:
        return f"Sec. {match.group(1)}"
    return path or FRONT_MATTER


PAGE_AND_LINE = "page:line of the printing"
FILE_LINE = "the line of the file"


def citation_kind(*documents: Document) -> str:
    """How the documents' changes are cited: `PAGE_AND_LINE` where one prints pages,
    `FILE_LINE` where one has lines and none pages, "" where none has either."""
    ends = [end for document in documents if (span := document.root.source) is not None for end in (span.start, span.end)]
    if any(end.page is not None for end in ends):
        return PAGE_AND_LINE
    return FILE_LINE if any(end.line is not None for end in ends) else ""


def article_label(article: Node) -> str:
    """`Article 2A`: the Article's own label, else from its number, else its path."""
    number = article.meta.number
    return article.label or (f"Article {number}" if number else article.path)


def article_heading(article: Node) -> str:
    """`STATE BOARD OF ELECTIONS`: what the Article's heading says after its number; "" if none."""
    return str(article.meta.heading or "")


def op_counts(changes: list[Change]) -> list[str]:
    """`7 insertions`, `1 added node`: how many changes of each op, ops in alphabetical order."""
    phrases = []
    for op, count in count_ops(changes).items():
        singular, plural = _OP_NOUNS.get(op, (op, op))
        phrases.append(f"{count} {singular if count == 1 else plural}")
    return phrases


def kind_counts(kinds: list[str]) -> list[str]:
    """`2 deadline`, `1 cross-reference`: how many margin notes of each kind, kinds sorted."""
    counts: dict[str, int] = {}
    for kind in kinds:
        counts[kind] = counts.get(kind, 0) + 1
    return [f"{count} {kind.replace('_', '-')}" for kind, count in sorted(counts.items())]


def as_lead(label: str) -> str:
    """`present in the old copy only: the new copy is truncated` becomes
    `Present in the old copy only (the new copy is truncated)`."""
    head, _, reason = label.partition(": ")
    return f"{head[:1].upper()}{head[1:]} ({reason})"


def label_range(first: str, last: str) -> str:
    """`Secs. 1-4 to 1-12` from `Sec. 1-4` and `Sec. 1-12`; `Articles 2B to 4`; else `A to B`."""
    if first == last:
        return first
    for prefix, plural in _PLURAL_PREFIXES.items():
        if first.startswith(prefix) and last.startswith(prefix):
            return f"{plural}{first[len(prefix):]} to {last[len(prefix):]}"
    return f"{first} to {last}"


def unique_anchor(text: str, used: set[str]) -> str:
    """An HTML id from `text` (`sec-815-ilcs-530-10`), made unique among `used` (`-2`, `-3`...)
    and added to it."""
    anchor = _NOT_IN_AN_ANCHOR.sub("-", text).strip("-").lower() or "section"
    candidate, number = anchor, 2
    while candidate in used:
        candidate = f"{anchor}-{number}"
        number += 1
    used.add(candidate)
    return candidate
