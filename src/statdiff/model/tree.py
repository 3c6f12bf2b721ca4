"""The document tree: `Node`s holding their own `Word`s and the `Document` (its page:line
index, `PrintedLines`, is in `printed.py`; the struck-and-new pairs a plain printing seems to
print, `SuspectedStrike`, in `strikes.py`: neither is made by a comparison of two texts)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterator, Sequence, overload

from statdiff.model.meta import Meta
from statdiff.model.text import Detection, Identity, Position, SourceSpan, Word, reads_as_prose
from statdiff.model.wordstore import WordStore

if TYPE_CHECKING:
    from statdiff.model.printed import PrintedLines
    from statdiff.model.strikes import SuspectedStrike

class Node:
    """A node of the document tree (compared and hashed by identity: a node is one place
    in one document, so it can key a dict or a set).

    kind: document, article, bill_section, section, subsection, paragraph,
    subparagraph, item, definition, text, citation, source_note, version_note.
    `words` are the node's own words (not its children's); `path` is stable and
    typeable, e.g. `815 ILCS 530/10(c)(3)` or `815 ILCS 530/5 "Personal information"`.
    `meta` is what the structure stage read of it beyond its words (`model.meta.Meta`).

    A node the structure stage built holds its words as a range of its document's
    `WordStore` (`cover`): `text` is then a slice of the store's text, and the `Word`
    objects are made when `words` is first read. From then on `words` is an ordinary list
    that callers read, append to, extend or replace.
    """

    __slots__ = ("kind", "path", "children", "label", "meta", "_words", "_store", "_start", "_end", "_from", "_to")

    def __init__(self, kind: str, path: str, words: list[Word] | None = None, children: list["Node"] | None = None,
                 label: str | None = None, meta: Meta | None = None):
        self.kind = kind
        self.path = path
        self.children: list[Node] = [] if children is None else children
        self.label = label
        self.meta = Meta() if meta is None else meta
        self._words: list[Word] | None = [] if words is None else words
        self._store: WordStore | None = None
        self._start = self._end = self._from = self._to = 0

    @classmethod
    def covering(cls, kind: str, store: WordStore, start: int, text_start: int) -> "Node":
        """A node of `kind` (no path, label or children yet) covering words `start` to `start`
        of `store` (none yet; `cover` extends it): what `Node(kind, "")` then `cover` make,
        without their keyword arguments and their first word list (the builder makes
        thousands)."""
        node = cls.__new__(cls)
        node.kind, node.path, node.children, node.label, node.meta = kind, "", [], None, Meta()
        node._words, node._store = None, store
        node._start = node._end = start
        node._from = node._to = text_start
        return node

    def __reduce__(self) -> tuple[Callable[..., "Node"], tuple[object, ...]]:
        """Pickled (`statdiff diff` sends NEW's tree from a second process: `second_core.py`)
        as its slots, set again by `_unpickled_node` (a third of the time of pickle's way
        with a slots class, a dict of them a node)."""
        return _unpickled_node, (self.kind, self.path, self.children, self.label, self.meta, self._words,
                                 self._store, self._start, self._end, self._from, self._to)

    def __repr__(self) -> str:
        """`<Node subsection 815 ILCS 530/10(a): 41 words, 2 children>`."""
        count = self.word_count()
        return (f"<Node {self.kind} {self.path or '(root)'}: {count} word{'' if count == 1 else 's'}, "
                f"{len(self.children)} child{'' if len(self.children) == 1 else 'ren'}>")

    @property
    def words(self) -> list[Word]:
        if self._words is None:
            assert self._store is not None, "a node without a word list covers a range of a store"
            self._words = self._store.words(self._start, self._end, self.text)
            self._store = None  # the list is the node's words from now on
        return self._words

    @words.setter
    def words(self, words: list[Word]) -> None:
        self._words, self._store = words, None

    def cover(self, store: WordStore, start: int, end: int, text_start: int, text_end: int) -> None:
        """The node's words are words `start` to `end` (not included) of `store`, printed in
        `store.text[text_start:text_end]` (`text_end`: where the next word starts, past the space)."""
        self._words, self._store = None, store
        self._start, self._end, self._from, self._to = start, end, text_start, text_end

    def word_at(self, index: int) -> Word:
        """`node.words[index]`, making only that word when the words were never asked for."""
        if self._words is not None or self._store is None:
            return self.words[index]
        count = self._end - self._start
        if not -count <= index < count:
            raise IndexError("word index out of range")
        index = index if index >= 0 else count + index
        store = self._store
        if index == 0:  # the first and the last word start where the node's text says: no offsets
            return store.word_object(self._start, self._from)
        if index == count - 1:
            return store.word_object(self._end - 1, store.text.rfind(" ", self._from, self._to - 1) + 1)
        return store.words(self._start + index, self._start + index + 1)[0]

    def word_position(self, index: int) -> Position:
        """`node.words[index].position`, making no word when the words were never asked for."""
        if self._words is not None or self._store is None:
            return self.words[index].position
        count = self._end - self._start
        if not -count <= index < count:
            raise IndexError("word index out of range")
        return self._store.position_of(self._start + (index if index >= 0 else count + index))

    def may_print_known_places(self) -> bool:
        """False when none of the node's words can have a known page or line (its document's
        rendering prints none): a span of its words is then `-` without reading them."""
        if self._words is None and self._store is not None:
            return self._store.printed_at_known_places
        return True

    def word_count(self) -> int:
        """`len(node.words)`, without making the words."""
        return len(self._words) if self._words is not None else self._end - self._start

    def has_words(self) -> bool:
        """`bool(node.words)`, without making the words."""
        return self.word_count() > 0

    @property
    def text(self) -> str:
        if self._words is None and self._store is not None:
            return self._store.text[self._from:self._to - 1] if self._end > self._start else ""
        return " ".join([word.text for word in self.words])

    def text_head(self, limit: int) -> str:
        """`text[:limit]`, cut from the store's text without the rest of the node's."""
        if self._words is None and self._store is not None:
            end = self._to - 1
            return self._store.text[self._from:min(end, self._from + limit)] if self._end > self._start else ""
        return self.text[:limit]

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
        first, last = self.first_word(), self.last_word()
        if first is None or last is None:
            return None
        return SourceSpan(first.position, last.position)

    def first_word(self) -> Word | None:
        """The first word of `all_words()`, without gathering them."""
        for node in self.walk():
            if node.has_words():
                return node.words[0]
        return None

    def last_word(self) -> Word | None:
        """The last word of `all_words()`, without gathering them: the last child's
        last word, or else this node's own."""
        for child in reversed(self.children):
            word = child.last_word()
            if word is not None:
                return word
        return self.words[-1] if self.has_words() else None


class NodeWords(Sequence[Word]):
    """A node's own words as a sequence that makes them only when they are read one by one:
    its length and truth, and its first and last word, need none of the others (an unchanged
    node's segment keeps this, and only a view that shows the node reads its words)."""

    __slots__ = ("node",)

    def __init__(self, node: Node):
        self.node = node

    def __len__(self) -> int:
        return self.node.word_count()

    def __bool__(self) -> bool:
        return self.node.has_words()

    @overload
    def __getitem__(self, index: int) -> Word: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Word]: ...

    def __getitem__(self, index: int | slice) -> Word | Sequence[Word]:
        if isinstance(index, slice):
            return self.node.words[index]
        return self.node.word_at(index)

    def __iter__(self) -> Iterator[Word]:
        return iter(self.node.words)

    @property
    def text(self) -> str:
        """The words' text joined by single spaces: the node's text (making no word)."""
        return self.node.text

    def __eq__(self, other: object) -> bool:
        """The words of one node (nodes are compared by identity)."""
        if not isinstance(other, NodeWords):
            return NotImplemented
        return self.node is other.node

    __hash__ = None  # type: ignore[assignment]  # mutable words: no hash, as a list has none


def _unpickled_node(kind: str, path: str, children: list[Node], label: str | None, meta: Meta,
                    words: list[Word] | None, store: WordStore | None, start: int, end: int, text_start: int,
                    text_end: int) -> Node:
    """A node as `Node.__reduce__` pickled it."""
    node = Node.__new__(Node)
    node.kind, node.path, node.children, node.label, node.meta = kind, path, children, label, meta
    node._words, node._store = words, store
    node._start, node._end, node._from, node._to = start, end, text_start, text_end
    return node


@dataclass(slots=True)
class Document:
    """A text read and built: what it says it is (`identity`), its tree (`root`), the
    rendering it was read as and how that was detected, its name and synopsis."""

    identity: Identity
    root: Node
    rendering: str
    name: str = "<text>"
    synopsis: str | None = None
    detection: "Detection | None" = None
    # the struck-and-new pairs a plain printing seems to print (`compare.struck`), None until
    # looked for (`statdiff parse` looks)
    suspected_strikes: "list[SuspectedStrike] | None" = None
    _printed: "PrintedLines | None" = field(default=None, init=False, repr=False, compare=False)
    # how to build `as_meant` (set by the structure stage for a printing with struck text), and
    # what it built: built on first use, since parsing and reading the markup never need it
    _meaning: "Callable[[], Document] | None" = field(default=None, init=False, repr=False, compare=False)
    _as_meant: "Document | None" = field(default=None, init=False, repr=False, compare=False)

    @property
    def as_meant(self) -> "Document | None":
        """A printing with struck-through text (an ilga.gov HTML bill): the bill's text as it
        means it, struck text taken out and underlined text kept, each word at its page:line;
        what a comparison with another text reads (`compare.compare`), while the printing's
        own changes are read from its marks (`compare.markup`). None when nothing is struck."""
        if self._as_meant is None and self._meaning is not None:
            self._as_meant, self._meaning = self._meaning(), None
        return self._as_meant

    def meant_by(self, build: "Callable[[], Document]") -> None:
        """`as_meant` will be what `build` returns, built when first asked for."""
        self._meaning, self._as_meant = build, None

    def __repr__(self) -> str:
        """`<Document HB0605 (numbered, 09500HB0605_introduced_full.txt): 3 sections>`."""
        sections = sum(1 for node in self.walk() if node.kind in ("section", "bill_section"))
        name = file_name(self.name) if self.name else ""
        where = f"{self.rendering}, {shortened(name, 40)}" if name else self.rendering
        return f"<Document {self.short_name} ({where}): {sections} section{'' if sections == 1 else 's'}>"

    @property
    def prose(self) -> bool:
        """Not legislation: a contract, a policy, markdown (`reads_as_prose`)."""
        return reads_as_prose(self.rendering, self.detection)

    @property
    def short_name(self) -> str:
        """What the document is, in a word or two: `HB0605`, `HB0605 ham001`, `P.A. 94-947`,
        `815 ILCS 530`; else its file name."""
        identity = self.identity
        if identity.bill:
            return f"{identity.bill} {identity.amendment}" if identity.amendment else identity.bill
        if identity.public_act:
            return f"P.A. {identity.public_act}"
        if identity.act:
            return identity.act
        return shortened(file_name(self.name) or self.name or "text", 40)

    def walk(self) -> Iterator[Node]:
        return self.root.walk()

    def find(self, path: str) -> Node | None:
        for node in self.walk():
            if node.path == path:
                return node
        return None

    @property
    def printed_lines(self) -> "PrintedLines":
        """The page:line index: which words were printed on each line (built on first use;
        the tree must not change afterwards)."""
        if self._printed is None:
            from statdiff.model.printed import PrintedLines

            self._printed = PrintedLines(self.root)
        return self._printed


def shortened(text: str, limit: int = 48) -> str:
    """`text` on one line and at most `limit` characters, cut at a word with `…` (for reprs)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut + " …"


def file_name(path: str) -> str:
    """`pathlib.PurePath(path).name`: the path's last part, "" where it has none (`/`, `.`);
    without importing pathlib, which a command would load for this alone."""
    if os.sep != "/" or os.altsep is not None:  # another system's paths: its own rules
        from pathlib import PurePath

        return PurePath(path).name
    parts = [part for part in path.split("/") if part and part != "."]
    return parts[-1] if parts else ""
