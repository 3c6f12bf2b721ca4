"""The comparison of two documents: ops and statuses, tokens, segments, changes, and the
node, section and whole comparisons that hold them."""

from __future__ import annotations

import re

import warnings
from dataclasses import dataclass, field
from enum import StrEnum
from operator import attrgetter
from typing import Any, ClassVar, Iterable, Literal, Protocol, Sequence

from statdiff.model.text import NOWHERE, PLAIN, Position, SourceSpan, Word
from statdiff.model.tree import Document, Node, NodeWords, shortened

Side = Literal["old", "new"]


class Op(StrEnum):
    """What a segment of the redline shows, or what a change does (docs/json-contract.md).

    Word level: `insert`, `delete`, `replace` (and `equal` for a run both texts hold, a
    segment op only). Node level: `add`, `remove`, `move`, `renumber`, `source` (a Source
    note changed). `only_old` / `only_new`: text only one copy holds because the other
    copy is truncated; a segment op only, never a change.
    """

    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"
    REPLACE = "replace"
    ADD = "add"
    REMOVE = "remove"
    MOVE = "move"
    RENUMBER = "renumber"
    SOURCE = "source"
    ONLY_OLD = "only_old"
    ONLY_NEW = "only_new"


WORD_OPS = (Op.INSERT, Op.DELETE, Op.REPLACE)
ONE_COPY_OPS = (Op.ONLY_OLD, Op.ONLY_NEW)


class Status(StrEnum):
    """How a section (or a node) of the two texts compares.

    `not_restated`: an amendatory bill does not restate this Section of the Act (so leaves
    it unchanged; sections only). `only_old` / `only_new`: the other copy is truncated
    before it."""

    UNCHANGED = "unchanged"
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"
    RENUMBERED = "renumbered"
    NOT_RESTATED = "not_restated"
    ONLY_OLD = "only_old"
    ONLY_NEW = "only_new"

    @property
    def one_copy(self) -> bool:
        """Only one copy holds it: the other copy is truncated."""
        return self in (Status.ONLY_OLD, Status.ONLY_NEW)


ONE_COPY_STATUSES = (Status.ONLY_OLD, Status.ONLY_NEW)


def one_copy_op(side: Side) -> Op:
    """The segment op of text only `side`'s copy holds."""
    return Op.ONLY_OLD if side == "old" else Op.ONLY_NEW


def one_copy_status(side: Side) -> Status:
    """The status of a section or node only `side`'s copy holds."""
    return Status.ONLY_OLD if side == "old" else Status.ONLY_NEW


class Basis(StrEnum):
    """How a change was found when not simply read off the two texts (docs/json-contract.md).

    `plain-printing`: NEW is a plain printing of an amendatory restatement (text, pipes, PDF
    text: no underline or strike), which prints the words a bill strikes as ordinary words
    beside the words that replace them (`within 30 45 days`); compared with the old law, the
    struck words were recovered and the insertion is a replacement. Check it against the
    official markup."""

    PLAIN_PRINTING = "plain-printing"


class Mode(StrEnum):
    """How two texts were compared: `amendment` (an Act against a bill restating some of
    its Sections), `versions` (anything else), `markup` (a bill's own underline/strike)."""

    AMENDMENT = "amendment"
    VERSIONS = "versions"
    MARKUP = "markup"


@dataclass(slots=True, unsafe_hash=True)
class Token:
    """A diff token: a legal unit (`(b-5)`, `$250,000`, `815 ILCS 530/10`) or a
    word or a punctuation mark. `space_before` says whether it is separated from
    the previous token by a space, so that tokens rebuild the node's text exactly.

    Treat it as immutable: it is hashable by value. It is not frozen only because a
    frozen dataclass costs twice as much to build (as `Word`), and a redline of two
    documents makes a token of every word they print."""

    text: str
    position: Position = NOWHERE
    space_before: bool = True
    mark: str = PLAIN


@dataclass(slots=True)
class Segment:
    """A run of the inline redline of one aligned node pair: `op` (equal, insert, delete,
    replace; only_old / only_new where the other copy is truncated) and the tokens of
    each side.

    `printed`: NEW's tokens as printed, where they are not `new`: a replacement recovered
    from a plain printing (`basis` plain-printing) has OLD's struck words as `old`, the
    words that replace them as `new`, and here NEW's printing of both, struck words
    included, in printing order (`printed_new` rebuilds NEW's printed text)."""

    op: Op
    old: tuple[Token, ...] = ()
    new: tuple[Token, ...] = ()
    anchor: str = ""  # the anchor of the Change this run shows ("" where it shows none)
    basis: Basis | None = None  # how the change was found, where not read off the two texts
    printed: tuple[Token, ...] | None = None  # NEW's printed tokens, where they differ from `new`

    @property
    def printed_new(self) -> tuple[Token, ...]:
        """NEW's tokens as printed: `printed` where the segment has it, else `new`."""
        return self.new if self.printed is None else self.printed

    def has_text(self) -> bool:
        """Either side holds a token."""
        return bool(self.old or self.new)

    def edge(self, side: Side, last: bool) -> Position | None:
        """The position of the first (last) token of one side; None when that side is empty."""
        tokens = self.old if side == "old" else self.new
        return (tokens[-1] if last else tokens[0]).position if tokens else None

    def has_side(self, side: str) -> bool:
        """One side holds a token."""
        return bool(self.old if side == "old" else self.new)

    def side_text(self, side: str) -> str:
        """One side's text, its tokens rebuilt."""
        return rebuild(self.old if side == "old" else self.new)

    def side_spaced(self, side: str) -> bool:
        """One side's first token has a space before it (False when that side is empty)."""
        tokens = self.old if side == "old" else self.new
        return bool(tokens) and tokens[0].space_before


class Tokenizer(Protocol):
    """How words become diff tokens (`statdiff.compare.tokens.tokenize`). Every word makes at
    least one token, the tokens rebuild the words' text joined by spaces, and the first token
    has a space before it exactly when `leading_space` (`WordSegment` reads text from words)."""

    def __call__(self, words: Sequence[Word], *, leading_space: bool = False) -> list[Token]: ...


class WordSegment(Segment):
    """A segment over whole runs of words (an unchanged node pair, a node only one text
    has, the common head and tail of a changed node), tokenized on first use: most nodes
    of two versions are unchanged, and only what shows them needs their tokens.

    `leading_space`: the words continue a text, so the first token has a space before it."""

    __slots__ = ("old_words", "new_words", "leading_space", "tokenize", "_old_tokens", "_new_tokens")

    def __init__(self, op: Op, old_words: Sequence[Word], new_words: Sequence[Word], tokenize: Tokenizer,
                 leading_space: bool = False):
        self.op = op
        self.anchor = ""
        self.basis = None
        self.printed = None
        self.old_words, self.new_words = old_words, new_words
        self.tokenize = tokenize
        self.leading_space = leading_space
        self._old_tokens: tuple[Token, ...] | None = None
        self._new_tokens: tuple[Token, ...] | None = None

    @property
    def old(self) -> tuple[Token, ...]:
        if self._old_tokens is None:
            self._old_tokens = self._tokenized(self.old_words)
        return self._old_tokens

    @old.setter
    def old(self, tokens: tuple[Token, ...]) -> None:
        self._old_tokens = tokens

    @property
    def new(self) -> tuple[Token, ...]:
        if self._new_tokens is None:
            self._new_tokens = self._tokenized(self.new_words)
        return self._new_tokens

    @new.setter
    def new(self, tokens: tuple[Token, ...]) -> None:
        self._new_tokens = tokens

    def _tokenized(self, words: Sequence[Word]) -> tuple[Token, ...]:
        return tuple(self.tokenize(words, leading_space=self.leading_space))

    def has_text(self) -> bool:
        """As `Segment.has_text`, from the words (every word makes at least one token)."""
        return bool(self.old_words or self.new_words)

    # An output shows most runs as they stand (an unchanged node is text, not tokens): their
    # text is read from the words, untokenized, unless the tokens are already made.

    def has_side(self, side: str) -> bool:
        """As `Segment.has_side`, from the words."""
        return bool(self.old_words if side == "old" else self.new_words)

    def side_text(self, side: str) -> str:
        """As `Segment.side_text`: the words' text joined by spaces, as their tokens rebuild it."""
        tokens = self._old_tokens if side == "old" else self._new_tokens
        if tokens is not None:
            return rebuild(tokens)
        words = self.old_words if side == "old" else self.new_words
        if isinstance(words, NodeWords):  # a node's words: its text, read without making them
            return words.text
        return " ".join([word.text for word in words])

    def side_spaced(self, side: str) -> bool:
        """As `Segment.side_spaced`: a side with words starts with a space when they continue a text."""
        tokens = self._old_tokens if side == "old" else self._new_tokens
        if tokens is not None:
            return bool(tokens) and tokens[0].space_before
        return self.leading_space and self.has_side(side)

    def edge(self, side: Side, last: bool) -> Position | None:
        """As `Segment.edge`, from the words (a token keeps its word's position): no tokenizing."""
        words = self.old_words if side == "old" else self.new_words
        return (words[-1] if last else words[0]).position if words else None


def rebuild(tokens: Sequence[Token]) -> str:
    """Join tokens back into text: a space before each token that had one (never the first)."""
    parts = []
    for index, token in enumerate(tokens):
        if index and token.space_before:
            parts.append(" ")
        parts.append(token.text)
    return "".join(parts)


def segment_op(old: tuple, new: tuple) -> Op:
    """The op of a changed run from its two sides: insert, delete or replace."""
    return Op.INSERT if not old else Op.DELETE if not new else Op.REPLACE


# A path's last enumerator: `(d)` of `20 ILCS 3405/2(d)`, `3.` of `625 ILCS 5/6-102 3.`.
_LAST_LABEL = re.compile(r"(\([\w.-]+\)|(?<= )[\w.-]+\.)$")


@dataclass(slots=True, eq=False)
class Change:
    """One change, in the terms of docs/json-contract.md (hashed by identity)."""

    op: Op  # insert delete replace | add remove move renumber | source
    old_path: str | None
    new_path: str | None
    old_text: str
    new_text: str
    old_source: SourceSpan | None
    new_source: SourceSpan | None
    section: str  # path of the enclosing section, for grouping and notes
    attributed_to: str | None = None
    anchor: str = ""  # HTML id, unique within a comparison
    basis: Basis | None = None  # how it was found, where not read off the two texts (plain-printing)
    # A move: the path of the node just before it in OLD and in NEW (None at the start).
    old_after: str | None = None
    new_after: str | None = None

    @property
    def place(self) -> str:
        """The path of the node whose text it changes: NEW's, but OLD's for a node removed, or
        deleted from its own label on (`(d) (Blank);` deleted after NEW's `(c)` is `(d)`'s:
        NEW's node is only where it stood); the section's where neither has one."""
        if self.old_path and self.op in (Op.DELETE, Op.REMOVE):
            label = _LAST_LABEL.search(self.old_path)
            if not self.new_path or (label is not None and self.old_text.startswith(label.group(1))):
                return self.old_path
        return self.new_path or self.old_path or self.section

    def __repr__(self) -> str:
        """`<Change c4 insert 815 ILCS 530/10(a) at 2:24-3:1: “within 48 hours of the …”>`."""
        where = self.new_source if self.new_source is not None and self.new_source.known else self.old_source
        at = f" at {where}" if where is not None and where.known else ""
        texts = [shortened(text) for text in (self.old_text, self.new_text) if text]
        words = " → ".join(f"“{text}”" for text in texts)
        path = self.place
        return f"<Change {self.anchor or '?'} {self.op} {path}{at}{': ' + words if words else ''}>"

    def to_json(self) -> dict:
        """docs/json-contract.md: `basis` only on a change found otherwise than by reading
        the two texts, `old_after` / `new_after` only on a move."""
        out = {
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
        if self.basis is not None:
            out["basis"] = str(self.basis)
        if self.op == Op.MOVE:
            out["old_after"], out["new_after"] = self.old_after, self.new_after
        return out


@dataclass(slots=True, eq=False)
class NodeComparison:
    """One aligned (or unpaired) node and its inline redline."""

    old: Node | None
    new: Node | None
    status: Status  # unchanged, changed, added, removed, moved, renumbered, only_old, only_new
    segments: list[Segment] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    # Its segments hold its nodes' words, all of them and no other's. Not so for a row of a section
    # whose words are divided into paragraphs differently (`compare.restream`): what it compares
    # is what its segments hold.
    whole_nodes: ClassVar[bool] = True

    def __repr__(self) -> str:
        node = self.new if self.new is not None else self.old
        path = node.path if node is not None else "?"
        return f"<NodeComparison {path} {self.status}: {counted(len(self.changes), 'change')}>"

    def made_segments(self) -> list[Segment]:
        """The segments made so far: all of them, but for a pair whose segments are made
        when first read (`compare.nodes.UnchangedPair`: none before; they name no change)."""
        return self.segments

    @property
    def node(self) -> Node:
        """NEW's node, else OLD's: every node comparison holds at least one."""
        node = self.new if self.new is not None else self.old
        if node is None:
            raise ValueError("a node comparison without a node")
        return node


@dataclass(slots=True, eq=False)
class SectionComparison:
    """A codified Section (or bill section) of the two texts, side by side.

    status: unchanged, changed, added, removed, moved, renumbered, not_restated
    (an amendatory bill does not restate it: unchanged by the bill),
    only_old / only_new (the other copy is truncated before it).
    """

    path: str
    heading: str
    status: Status
    old: Node | None
    new: Node | None
    nodes: list[NodeComparison] = field(default_factory=list)
    # Changes of the section as a whole (it is added, removed, moved, renumbered); its
    # nodes' changes live on the nodes only: `changes` lists both.
    section_changes: list[Change] = field(default_factory=list)
    attributed_to: list[str] = field(default_factory=list)

    def __repr__(self) -> str:
        return f"<SectionComparison {self.path or '(front matter)'} {self.status}: {counted(len(self.changes), 'change')}>"

    @property
    def changes(self) -> list[Change]:
        """The section's own changes, then its nodes' changes in reading order. A node
        change also given among `section_changes` is listed once. Built on each access:
        read it once where it is used in a loop."""
        if not self.section_changes:  # most sections: no change of their own to list once
            return [change for node in self.nodes for change in node.changes]
        own = set(self.section_changes)
        return self.section_changes + [change for node in self.nodes for change in node.changes if change not in own]

    @property
    def old_source(self) -> SourceSpan | None:
        """First and last printed position of the section in OLD (docs/json-contract.md):
        from the first to the last word of its compared nodes that OLD holds; None for none."""
        return _span_of_own_words(map(_OLD_NODE, self.nodes))

    @property
    def new_source(self) -> SourceSpan | None:
        """First and last printed position of the section in NEW, as `old_source`."""
        return _span_of_own_words(map(_NEW_NODE, self.nodes))

    def sources(self) -> tuple[SourceSpan | None, SourceSpan | None]:
        """`(old_source, new_source)`."""
        return self.old_source, self.new_source


_OLD_NODE, _NEW_NODE = attrgetter("old"), attrgetter("new")


def _span_of_own_words(nodes: Iterable[Node | None]) -> SourceSpan | None:
    """From the first to the last printed position of the own words (not their children's)
    of the nodes that hold words (one side's node of each compared node, in one pass). The
    nodes may be listed out of reading order (a node moved within its section, a node listed
    beside its partner), so the ends are the earliest and latest positions printed, never a
    range that ends before it starts (`1:2-1`); where no word has a printed place, the first
    and last words of the first and last of those nodes; None for no such node."""
    first = last = None
    ends = []
    for node in nodes:
        if node is None or not node.word_count():
            continue
        if first is None:
            first = node
        last = node
        # a node none of whose words can be printed at a known place has no known end: only the
        # others' ends are read (a node whose words were made may; most of a large Act's cannot)
        if node.may_print_known_places():
            ends += [position for position in (node.word_position(0), node.word_position(-1)) if position.known]
    if first is None or last is None:
        return None
    if ends:
        return SourceSpan(min(ends), max(ends))
    return SourceSpan(first.word_position(0), last.word_position(-1))


class Summary(dict[str, Any]):
    """`Comparison.summary`: `mode`, `changes` (how many), `by_op`, `sections` (by status).
    A dict; calling it, as `comparison.summary()` was spelled before it became a property,
    returns it (with a DeprecationWarning)."""

    def __call__(self) -> "Summary":
        warnings.warn("Comparison.summary is a property: write comparison.summary, not comparison.summary()",
                      DeprecationWarning, stacklevel=2)
        return self


@dataclass(slots=True, eq=False)
class Comparison:
    """What changed from `old` to `new`, section by section: read it through its properties
    `changes`, `sections`, `changed_sections`, `summary`; `repr()` is one short line.
    (`statdiff.diff` returns `statdiff.api.Comparison`, which adds `to_json()`, `write()`
    and a notebook's `_repr_html_`: those need the later stages, which the model never imports.)"""

    old: Document
    new: Document
    mode: Mode
    sections: list[SectionComparison] = field(default_factory=list)
    # what the comparison did not do for the size of its input (`compare/limits.py`), one line each
    limits: list[str] = field(default_factory=list)

    @property
    def changes(self) -> list[Change]:
        """Every section's changes in order. Built on each access: read it once where
        it is used more than once."""
        return [change for section in self.sections for change in section.changes]

    @property
    def changed_sections(self) -> list[SectionComparison]:
        """The sections holding a change."""
        return [section for section in self.sections if section.changes]

    @property
    def summary(self) -> Summary:
        """`{"mode", "changes", "by_op", "sections"}`: the JSON contract's `summary`."""
        statuses: dict[Status, int] = {}
        for section in self.sections:
            statuses[section.status] = statuses.get(section.status, 0) + 1
        changes = self.changes
        return Summary({  # plain strings (equal to the enums), so that it prints plainly
            "mode": str(self.mode),
            "changes": len(changes),
            "by_op": {str(op): count for op, count in count_ops(changes).items()},
            "sections": {str(status): count for status, count in sorted(statuses.items())},
        })

    def __repr__(self) -> str:
        """`<Comparison HB0605 vs 815 ILCS 530: 7 changes in 2 sections>` (NEW vs OLD)."""
        changes = self.changes
        sections = len({change.section for change in changes})
        return (f"<Comparison {self.new.short_name} vs {self.old.short_name}: "
                f"{counted(len(changes), 'change')} in {counted(sections, 'section')}>")


def counted(count: int, noun: str) -> str:
    """`1 change`, `9 changes`: a count and its noun, plural but for one."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def listed(names: Sequence[str], whole_up_to: int = 3, shown: int = 3) -> str:
    """`A, B, C`; past `whole_up_to` names, the first `shown` and `and N more`: how a warning
    names the sections or Acts it is about."""
    if len(names) <= whole_up_to:
        return ", ".join(names)
    return f"{', '.join(names[:shown])} and {len(names) - shown} more"


def count_ops(changes: "list[Change]") -> dict[Op, int]:
    """How many changes of each op, ops in alphabetical order."""
    counts: dict[Op, int] = {}
    for change in changes:
        counts[change.op] = counts.get(change.op, 0) + 1
    return dict(sorted(counts.items()))
