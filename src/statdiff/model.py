"""The model at the centre of statdiff.

Every stage speaks in these types: the readers produce `BodyLine`s inside a
`ReadResult`; the structure stage turns them into a `Document` tree of `Node`s
whose `Word`s keep the page and line they were printed on; the diff stage
produces a `Comparison` of `SectionComparison`s, `Segment`s and `Change`s;
the renderers (terminal, JSON, HTML) only read these types and never the reverse.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

PLAIN = "plain"
INSERTED = "inserted"
DELETED = "deleted"


@dataclass(frozen=True, slots=True)
class Position:
    """Where a word was printed: page and line, None where the rendering has none."""

    page: int | None = None
    line: int | None = None

    def __str__(self) -> str:
        if self.page is None and self.line is None:
            return "-"
        page = "?" if self.page is None else str(self.page)
        line = "?" if self.line is None else str(self.line)
        return f"{page}:{line}"

    @property
    def known(self) -> bool:
        """The rendering printed at least a page or a line number here."""
        return self.page is not None or self.line is not None

    def to_json(self) -> dict:
        return {"page": self.page, "line": self.line}


NOWHERE = Position()


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """First and last printed position of a node or change."""

    start: Position
    end: Position

    def __str__(self) -> str:
        if self.start == self.end:
            return str(self.start)
        if self.start.page == self.end.page and self.start.page is not None:
            return f"{self.start}-{self.end.line}"
        return f"{self.start}-{self.end}"

    @property
    def known(self) -> bool:
        """Either end has a page or a line number (the span prints as more than `-`)."""
        return self.start.known or self.end.known

    def to_json(self) -> dict:
        return {"start": self.start.to_json(), "end": self.end.to_json()}

    @staticmethod
    def covering(words: "list[Word] | tuple[Word, ...] | tuple[Token, ...]") -> "SourceSpan | None":
        """From the first to the last word's (or token's) position; None for none."""
        if not words:
            return None
        return SourceSpan(words[0].position, words[-1].position)

    @staticmethod
    def at(position: "Position | None") -> "SourceSpan | None":
        """The span of one point (where an insertion falls in the other text); None for None."""
        return None if position is None else SourceSpan(position, position)


@dataclass(slots=True, unsafe_hash=True)
class Word:
    """One whitespace-delimited word of body text, with where and how it was printed.

    `mark` is PLAIN, or INSERTED / DELETED where the printing itself marked the
    word as underlined (new) or struck through (deleted), as ilga.gov HTML does.
    Treat it as immutable: it is hashable by value. It is not frozen only because
    a frozen dataclass costs three times as much to build, and a document has
    tens of thousands of words.
    """

    text: str
    position: Position = NOWHERE
    mark: str = PLAIN


@dataclass(slots=True)
class BodyLine:
    """One printed line of body text after the reader stripped line numbers,
    page headers, markers and site chrome.

    `text` has no leading or trailing whitespace and single spaces inside.
    `indented` is True where the printing indents the line (a paragraph start),
    False where it is flush, None where the rendering does not tell.
    `marks` are (start, end, INSERTED|DELETED) character ranges of `text`.
    """

    text: str
    page: int | None = None
    line: int | None = None
    indented: bool | None = None
    marks: tuple[tuple[int, int, str], ...] = ()

    @property
    def position(self) -> Position:
        return Position(self.page, self.line)

    def words(self) -> list[Word]:
        position = self.position
        if not self.marks:
            return [Word(text, position, PLAIN) for text in self.text.split()]
        words = []
        offset = 0
        for text in self.text.split():
            start = self.text.index(text, offset)
            offset = start + len(text)
            words.append(Word(text, position, _mark_at(self.marks, start, offset)))
        return words


def _mark_at(marks: tuple[tuple[int, int, str], ...], start: int, end: int) -> str:
    for mark_start, mark_end, mark in marks:
        if mark_start < end and start < mark_end:
            return mark
    return PLAIN


@dataclass(slots=True)
class Identity:
    """What a document says about itself, where it can be read."""

    general_assembly: int | None = None
    bill: str | None = None  # "HB0605", "SB0731", "HJRCA0044"
    version: str | None = None  # introduced, engrossed, enrolled, amendment, public act, compiled
    amendment: str | None = None  # "sam002", "ham001"
    lrb: str | None = None  # "LRB095 04519 ..." or "LRB9215491JSpcA"
    public_act: str | None = None  # "94-36"
    title: str | None = None  # "AN ACT concerning consumer fraud."
    act: str | None = None  # "815 ILCS 530" for an ILCS page

    def to_json(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}

    def describe(self) -> str:
        parts = []
        if self.general_assembly:
            parts.append(f"{ordinal(self.general_assembly)} GA")
        if self.bill:
            parts.append(self.bill)
        if self.amendment:
            parts.append(self.amendment)
        elif self.version:
            parts.append(self.version)
        if self.public_act:
            parts.append(f"P.A. {self.public_act}")
        if self.act and not self.bill:
            parts.append(self.act)
        return " ".join(parts) or "untitled document"


def ordinal(number: int) -> str:
    """92nd, 93rd, 101st, 111th: as the General Assembly names itself."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th')}"


@dataclass(slots=True)
class Drop:
    """Source text a reader left out of the body, and the named rule that left it out
    (`line number`, `running header`, `site chrome`, ...). `after` is how many body words
    come before it, so that the body and the drops interleave back into the source;
    `page`/`line` say where it was printed (None where the rendering prints none)."""

    rule: str
    text: str
    page: int | None = None
    line: int | None = None
    after: int = 0

    def to_json(self) -> dict:
        return {"rule": self.rule, "text": self.text, "page": self.page, "line": self.line, "after": self.after}


@dataclass(slots=True)
class Detection:
    """Which rendering a text was read as and why: every rendering's score (0 to 1) from
    the evidence sampled over the whole text, the runner-up, and whether the best fits well
    (`fits`) or the text was read as prose for want of a fit. `forced`: `--format` chose."""

    rendering: str
    score: float
    runner_up: str | None = None
    runner_up_score: float | None = None
    fits: bool = True
    forced: bool = False
    scores: dict = field(default_factory=dict)
    evidence: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {
            "rendering": self.rendering,
            "score": self.score,
            "runner_up": None if self.runner_up is None else {"rendering": self.runner_up, "score": self.runner_up_score},
            "fits": self.fits,
            "forced": self.forced,
            "scores": dict(sorted(self.scores.items())),
            "evidence": dict(sorted(self.evidence.items())),
        }


@dataclass(slots=True)
class ReadResult:
    """What a reader hands to the structure stage. `dropped`: everything the reader left
    out of the body, each by a named rule (the audit); `detection`: how the rendering was chosen."""

    lines: list[BodyLine]
    rendering: str
    identity: Identity = field(default_factory=Identity)
    synopsis: str | None = None
    name: str = "<text>"
    dropped: list[Drop] = field(default_factory=list)
    detection: Detection | None = None


@dataclass(slots=True)
class Node:
    """A node of the document tree.

    kind: document, article, bill_section, section, subsection, paragraph,
    subparagraph, item, definition, text, citation, source_note, version_note.
    `words` are the node's own words (not its children's); `path` is stable and
    typeable, e.g. `815 ILCS 530/10(c)(3)` or `815 ILCS 530/5 "Personal information"`.
    """

    kind: str
    path: str
    words: list[Word] = field(default_factory=list)
    children: list["Node"] = field(default_factory=list)
    label: str | None = None
    meta: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return " ".join([word.text for word in self.words])

    def walk(self) -> Iterator["Node"]:
        """This node and its descendants in document order (depth first, parents first)."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            if node.children:
                stack.extend(reversed(node.children))

    def all_words(self) -> list[Word]:
        words: list[Word] = []
        self._gather_words(words)
        return words

    def _gather_words(self, words: list[Word]) -> None:
        words.extend(self.words)
        for child in self.children:
            child._gather_words(words)

    @property
    def source(self) -> SourceSpan | None:
        """From the first to the last word of this node and its descendants; None for none.
        Walks only as far as those two words, not over the whole subtree's words."""
        first = self.first_word()
        if first is None:
            return None
        return SourceSpan(first.position, self.last_word().position)

    def first_word(self) -> Word | None:
        """The first word of `all_words()`, without gathering them."""
        for node in self.walk():
            if node.words:
                return node.words[0]
        return None

    def last_word(self) -> Word | None:
        """The last word of `all_words()`, without gathering them: the last child's
        last word, or else this node's own."""
        for child in reversed(self.children):
            word = child.last_word()
            if word is not None:
                return word
        return self.words[-1] if self.words else None


@dataclass(slots=True)
class Document:
    identity: Identity
    root: Node
    rendering: str
    name: str = "<text>"
    synopsis: str | None = None
    detection: Detection | None = None

    def walk(self) -> Iterator[Node]:
        return self.root.walk()

    def find(self, path: str) -> Node | None:
        for node in self.walk():
            if node.path == path:
                return node
        return None


# ---------------------------------------------------------------- comparison

EQUAL, INSERT, DELETE, REPLACE = "equal", "insert", "delete", "replace"
ADD, REMOVE, MOVE, RENUMBER, SOURCE = "add", "remove", "move", "renumber", "source"
WORD_OPS = (INSERT, DELETE, REPLACE)
# Segment ops for text that only one copy holds because the other copy is truncated
# (never a change; see docs/json-contract.md).
ONLY_OLD, ONLY_NEW = "only_old", "only_new"


@dataclass(frozen=True, slots=True)
class Token:
    """A diff token: a legal unit (`(b-5)`, `$250,000`, `815 ILCS 530/10`) or a
    word or a punctuation mark. `space_before` says whether it is separated from
    the previous token by a space, so that tokens rebuild the node's text exactly."""

    text: str
    position: Position = NOWHERE
    space_before: bool = True
    mark: str = PLAIN


@dataclass(slots=True)
class Segment:
    """A run of the inline redline of one aligned node pair."""

    op: str  # equal, insert, delete, replace; only_old / only_new (the other copy is truncated)
    old: tuple[Token, ...] = ()
    new: tuple[Token, ...] = ()
    anchor: str = ""  # the anchor of the Change this run shows ("" where it shows none)


def segment_op(old: tuple, new: tuple) -> str:
    """The op of a changed run from its two sides: insert, delete or replace."""
    return INSERT if not old else DELETE if not new else REPLACE


@dataclass(slots=True)
class Change:
    op: str  # insert delete replace | add remove move renumber | source
    old_path: str | None
    new_path: str | None
    old_text: str
    new_text: str
    old_source: SourceSpan | None
    new_source: SourceSpan | None
    section: str  # path of the enclosing section, for grouping and notes
    attributed_to: str | None = None
    anchor: str = ""  # HTML id, unique within a comparison

    def to_json(self) -> dict:
        return {
            "op": self.op,
            "old_path": self.old_path,
            "new_path": self.new_path,
            "old_text": self.old_text,
            "new_text": self.new_text,
            "old_source": self.old_source.to_json() if self.old_source else None,
            "new_source": self.new_source.to_json() if self.new_source else None,
            "section": self.section,
            "attributed_to": self.attributed_to,
            "anchor": self.anchor,
        }


@dataclass(slots=True)
class NodeComparison:
    """One aligned (or unpaired) node and its inline redline."""

    old: Node | None
    new: Node | None
    status: str  # unchanged, changed, added, removed, moved, renumbered
    segments: list[Segment] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)


@dataclass(slots=True)
class SectionComparison:
    """A codified Section (or bill section) of the two texts, side by side.

    status: unchanged, changed, added, removed, moved, renumbered, not_restated
    (an amendatory bill does not restate it: unchanged by the bill),
    only_old / only_new (the other copy is truncated before it).
    """

    path: str
    heading: str
    status: str
    old: Node | None
    new: Node | None
    nodes: list[NodeComparison] = field(default_factory=list)
    # Changes of the section as a whole (it is added, removed, moved, renumbered); its
    # nodes' changes live on the nodes only: `changes` lists both.
    section_changes: list[Change] = field(default_factory=list)
    attributed_to: list[str] = field(default_factory=list)

    @property
    def changes(self) -> list[Change]:
        """The section's own changes, then its nodes' changes in reading order. A node
        change also given among `section_changes` is listed once. Built on each access:
        read it once where it is used in a loop."""
        own = {id(change) for change in self.section_changes}
        return self.section_changes + [
            change for node in self.nodes for change in node.changes if id(change) not in own
        ]

    @property
    def old_source(self) -> SourceSpan | None:
        """First and last printed position of the section in OLD (docs/json-contract.md):
        from the first to the last word of its compared nodes that OLD holds; None for none."""
        return _span_of_own_words([node.old for node in self.nodes])

    @property
    def new_source(self) -> SourceSpan | None:
        """First and last printed position of the section in NEW, as `old_source`."""
        return _span_of_own_words([node.new for node in self.nodes])


def _span_of_own_words(nodes: "list[Node | None]") -> SourceSpan | None:
    """From the first to the last of the nodes' own words (not their children's), in list order."""
    with_words = [node for node in nodes if node is not None and node.words]
    if not with_words:
        return None
    return SourceSpan(with_words[0].words[0].position, with_words[-1].words[-1].position)


@dataclass(slots=True)
class Comparison:
    old: Document
    new: Document
    mode: str  # "amendment" (an Act against a bill restating it) or "versions"
    sections: list[SectionComparison] = field(default_factory=list)

    @property
    def changes(self) -> list[Change]:
        """Every section's changes in order. Built on each access: read it once where
        it is used more than once."""
        return [change for section in self.sections for change in section.changes]

    def summary(self) -> dict:
        statuses: dict[str, int] = {}
        for section in self.sections:
            statuses[section.status] = statuses.get(section.status, 0) + 1
        changes = self.changes
        return {
            "mode": self.mode,
            "changes": len(changes),
            "by_op": count_ops(changes),
            "sections": dict(sorted(statuses.items())),
        }


def count_ops(changes: "list[Change]") -> dict[str, int]:
    """How many changes of each op, ops in alphabetical order."""
    counts: dict[str, int] = {}
    for change in changes:
        counts[change.op] = counts.get(change.op, 0) + 1
    return dict(sorted(counts.items()))
