"""Build the document tree (`Document` of `Node`s) from a reader's body lines.

The builder walks the words of the body once. At each word it asks whether a
new unit of the law starts there (a citation line, `Sec. 10.`, `Section 5.`,
`ARTICLE 1`, an enumerator `(b-5)`, a defined term, a Source or version note,
a new paragraph) and, if so, opens a node for it; every word goes to the most
recently opened node, so the tree keeps every word once and in order.

Whether `(c)` starts a subsection or continues `... subsection\n(c) of Section 20`
is decided from the expected sequence of enumerators, the line's indentation,
how the previous text ended and what follows the enumerator.
A second pass names the nodes (paths), decides bill section versus Act section
and parses the meta (citation, heading, Source note, amendatory instruction).

Shape of a codified Section (words come before children in document order, and
the citation line is printed before `Sec. 10.`): the `section` node has no words
of its own; its children are the `citation` (and any `version_note`), then the
`text` child `[1]` holding `Sec. 10. Notice of Breach.` and any lead-in
(meta `role: heading`), then subsections, definitions, paragraphs, and the
`source_note`. Number, heading, citation and Source note are in the section's meta.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import Counter
from itertools import accumulate
from dataclasses import dataclass, field

from statdiff import structure_patterns as P
from statdiff.errors import StatdiffError
from statdiff.model import PLAIN, BodyLine, Document, Node, Position, ReadResult, Word

SECTION_LEVEL = frozenset({"document", "article", "bill_section", "section"})
ENUM_KINDS = {
    "lower": "subsection",
    "digit": "paragraph",
    "upper": "subparagraph",
    "roman": "item",
    "upper_roman": "item",
}
RANK = {"next": 3, "first": 2, "gap": 1, "orphan": 0}
NOTE_PATHS = {"citation": "[citation]", "source_note": "[source]", "version_note": "[version]"}
FRONT_MATTER = ("AN ACT", "Be it enacted", "AMENDMENT NO", "Amend ", "AMENDMENT TO")
FLATTENED_WORDS_PER_LINE = 40
DEFINED_TERM_MAX_WORDS = 16
MAX_ENUM_DEPTH = 8
LEGISLATIVE_PHRASES = ("Be it enacted", "AN ACT", "Amend House Bill", "Amend Senate Bill", "AMENDMENT NO.")


def build_document(result: ReadResult) -> Document:
    """The tree of a reader's result: sections, subsections, definitions, notes."""
    if not isinstance(result, ReadResult):
        raise StatdiffError(f"cannot build a tree from {type(result).__name__}")
    if result.rendering == "prose":  # not legislation: contracts, policies, markdown
        from statdiff.clauses import build_clauses

        return build_clauses(result)
    root = Node(kind="document", path="", label=result.identity.describe())
    _Builder(_Stream(result), root).run()
    _Finisher(root, result).run()
    return Document(
        identity=result.identity,
        root=root,
        rendering=result.rendering,
        name=result.name,
        synopsis=result.synopsis,
    )


class _Stream:
    """The body's words, the text they join into, and where each printed line starts."""

    def __init__(self, result: ReadResult):
        self.words: list[Word] = []
        texts: list[str] = []
        line_starts: list[int] = []
        printed: list[BodyLine] = []
        shared = _SharedWords()
        for line in result.lines:
            line_texts = line.text.split()
            if not line_texts:
                continue
            line_starts.append(len(texts))
            printed.append(line)
            texts.extend(line_texts)
            if line.marks:
                self.words.extend(line.words())
            else:
                self.words.extend(shared.words(line_texts, line.page, line.line))
        # Per-word facts are kept in containers the garbage collector does not scan
        # (bytearray, array, a dict of plain values): it would walk them at every pass.
        count = len(self.words)
        self.line_start = bytearray(count)  # 1 where a printed line starts
        self.indented = _AtLineStarts()  # index -> the line's indentation; None elsewhere
        for start, line in zip(line_starts, printed):
            self.line_start[start] = 1
            self.indented[start] = line.indented
        # offsets[i] = characters of the words before i, plus one space after each
        self.offsets = array("q", accumulate([len(text) + 1 for text in texts], initial=0))
        self.offsets.pop()
        self.text = " ".join(texts)
        lines = [line for line in result.lines if line.text]
        self.has_indentation = any(line.indented is not None for line in lines)
        self.flattened = bool(lines) and not self.has_indentation and (
            len(lines) == 1 or len(self.words) / len(lines) > FLATTENED_WORDS_PER_LINE
        )
        self.legislation = _looks_like_legislation(self.text)
        self.candidates = self._candidates(line_starts)

    def _candidates(self, line_starts: list[int]) -> list[int]:
        """Indices of the words where a unit may start: line starts, and in legislation the
        words that open with `(` or a quote or are `Sec.`, `Section`, `ARTICLE`. The builder
        looks for boundaries only there."""
        found = set(line_starts)
        found.add(0)
        if self.legislation:
            found.update(self.word_after(match.end()) for match in P.UNIT_START.finditer(self.text))
        return sorted(index for index in found if index < len(self.words))

    def __len__(self) -> int:
        return len(self.words)

    def match(self, pattern, index: int):
        return pattern.match(self.text, self.offsets[index])

    def word_after(self, offset: int) -> int:
        """Index of the first word starting at or after `offset`."""
        return bisect_left(self.offsets, offset)

    def word(self, index: int) -> str:
        return self.words[index].text if 0 <= index < len(self.words) else ""


class _AtLineStarts(dict):
    """The indentation of each line start (True, False, or None: not shown); None elsewhere."""

    def __missing__(self, index: int) -> None:
        return None


class _SharedWords:
    """One `Word` object for each distinct (text, page, line) of a document.

    Words are values (equal by text, position and mark, and never modified), so equal
    words can be one object: a flattened text with no page:line (an ILCS CSV) then has a
    few thousand Word objects instead of tens of thousands, which is quicker to build and
    keeps the garbage collector's full passes short."""

    def __init__(self):
        self.by_position: dict[tuple[int | None, int | None], _WordsAt] = {}

    def words(self, texts: list[str], page: int | None, line: int | None) -> list[Word]:
        known = self.by_position.get((page, line))
        if known is None:
            known = self.by_position[(page, line)] = _WordsAt(Position(page, line))
        return list(map(known.__getitem__, texts))


class _WordsAt(dict):
    """The words printed at one position, by text; a missing one is made on first use."""

    __slots__ = ("position",)

    def __init__(self, position: Position):
        super().__init__()
        self.position = position

    def __missing__(self, text: str) -> Word:
        word = self[text] = Word(text, self.position, PLAIN)
        return word


def _looks_like_legislation(text: str) -> bool:
    return any(
        pattern.search(text)
        for pattern in (P.CITATION, P.SEC, P.SECTION, P.ACT_HEADING, P.SOURCE_OPEN)
    ) or any(phrase in text for phrase in LEGISLATIVE_PHRASES)


@dataclass
class _Boundary:
    kind: str  # citation version source sec section article enum definition paragraph act
    end: int | None = None  # word index where a fixed-extent note ends
    data: dict = field(default_factory=dict)


@dataclass
class _Open:
    """What the builder remembers about an open node beyond the model's fields."""

    style: str | None = None
    value: tuple[int, tuple[int, ...]] | None = None
    awaiting_sec: bool = False


class _Builder:
    def __init__(self, stream: _Stream, root: Node):
        self.stream = stream
        self.root = root
        self.stack: list[Node] = [root]
        self.current: Node = root
        self.state: dict[int, _Open] = {id(root): _Open()}
        self.fixed_end: int | None = None
        self.pending_chain: list[str] = []

    # ------------------------------------------------------------ main loop
    def run(self) -> None:
        """Visit the words where something may happen (a candidate unit start, the end of a
        fixed-extent note, a chained enumerator); every other word joins the open node."""
        words = self.stream.words
        count = len(words)
        candidates = self.stream.candidates + [count]
        next_candidate = 0
        index = 0
        while index < count:
            if self.fixed_end is not None:
                visit = max(self.fixed_end, index)  # inside a note nothing opens until its end
            else:
                while candidates[next_candidate] < index:
                    next_candidate += 1
                visit = candidates[next_candidate]
            if self.pending_chain:
                visit = index
            if visit > index:
                self.current.words.extend(words[index:visit])
                if visit >= count:
                    break
            self._visit(visit)
            index = visit + 1

    def _visit(self, index: int) -> None:
        boundary = None
        if self.pending_chain:
            self._open_chained(self.pending_chain)
        if self.fixed_end is None or index >= self.fixed_end:
            boundary = self._boundary_at(index)
            if boundary is None and self.fixed_end is not None:
                boundary = _Boundary("forced")
        if boundary is not None:
            self.fixed_end = None
            self._open(boundary, index)
        self.current.words.append(self.stream.words[index])

    # ------------------------------------------------------------ detection
    def _boundary_at(self, i: int) -> _Boundary | None:
        stream = self.stream
        if not stream.legislation:
            return _Boundary("paragraph") if self._prose_paragraph_starts(i) else None
        word = stream.words[i].text
        first = word[0]
        found = None
        if first == "(":
            found = (
                self._source_at(i)
                or self._version_at(i)
                or self._citation_at(i)
                or self._act_heading_at(i)
                or self._enumerator_at(i)
            )
        elif word.lstrip("\"“") == "Sec.":
            found = self._sec_at(i)
        elif word.lstrip("\"“") in ("Section", "SECTION"):
            found = self._section_at(i)
        elif word in ("ARTICLE", "Article"):
            found = self._article_at(i)
        if found is None and first in "\"“":
            found = self._definition_at(i)
        if found is None and (i == 0 or self._paragraph_starts(i)):
            found = _Boundary("paragraph")
        return found

    def _prose_paragraph_starts(self, i: int) -> bool:
        if i == 0:
            return True
        if not self.stream.line_start[i]:
            return False
        if self.stream.has_indentation:
            return self.stream.indented[i] is True
        return True

    def _paragraph_starts(self, i: int) -> bool:
        stream = self.stream
        if not stream.line_start[i] or not self._ends_clause(i):
            return False
        if stream.indented[i] is True:
            return True
        return stream.indented[i] is None and stream.text.startswith(FRONT_MATTER, stream.offsets[i])

    def _ends_clause(self, i: int, *, strict: bool = False) -> bool:
        """Does the text before word i end a sentence, a clause or a list item?

        strict: only `:` and `;` (`; and`, `; or`) count, for enumerators inside a line.
        """
        if i == 0:
            return True
        before = self.stream.words[i - 1].text
        if before in ("and", "or") and self.stream.word(i - 2).endswith(";"):
            return True
        if before.endswith((":", ";")):
            return True
        if strict:
            return False
        if self.current.kind in NOTE_PATHS and before.endswith(")"):
            return True
        if self.current.kind == "article" and self.stream.line_start[i]:
            return True  # `ARTICLE 1. SHORT TITLE; PURPOSE` has no closing stop
        return before.endswith((".", ".)", '."', ".”", ":)", ".'"))

    def _inline_ok(self, i: int) -> bool:
        """Outside a line start, only flattened text starts units after a sentence end."""
        return self.stream.flattened and self._ends_clause(i)

    def _source_at(self, i: int) -> _Boundary | None:
        stream = self.stream
        if not stream.match(P.SOURCE_OPEN, i):
            return None
        if not (stream.line_start[i] or self._ends_clause(i)):
            return None
        start = stream.offsets[i]
        close = stream.text.find(")", start, start + 1500)
        end = stream.word_after(close + 1) if close >= 0 else None
        return _Boundary("source", end=end)

    def _version_at(self, i: int) -> _Boundary | None:
        stream = self.stream
        match = stream.match(P.VERSION, i)
        if not match or not (stream.line_start[i] or self._ends_clause(i) or self._in_prelude()):
            return None
        return _Boundary("version", end=stream.word_after(match.end()))

    def _citation_at(self, i: int) -> _Boundary | None:
        stream = self.stream
        match = stream.match(P.CITATION, i)
        if not match:
            return None
        if not (stream.line_start[i] or self._ends_clause(i) or self._in_prelude()):
            return None
        tail = P.CITATION_TAIL.match(stream.text, match.end())
        after = tail.end()
        following = stream.text[after + 1 : after + 6]
        if not stream.line_start[i] and after < len(stream.text) and not following.startswith(("Sec.", "(", "Secti")):
            return None
        return _Boundary("citation", end=stream.word_after(after))

    def _act_heading_at(self, i: int) -> _Boundary | None:
        stream = self.stream
        match = stream.match(P.ACT_HEADING, i)
        if not match or not (stream.line_start[i] or self._ends_clause(i)):
            return None
        return _Boundary("act", data={"act": f"{match['title']} ILCS {match['act']}"})

    def _in_prelude(self) -> bool:
        section = self._current_section()
        return section is not None and self.state[id(section)].awaiting_sec

    def _sec_at(self, i: int) -> _Boundary | None:
        stream = self.stream
        if not stream.match(P.SEC, i):
            return None
        after_note = self.current.kind in ("citation", "version_note")
        at_start = stream.line_start[i] and self._ends_clause(i)
        if not (after_note or at_start or self._inline_ok(i)):
            return None
        return _Boundary("sec")

    def _section_at(self, i: int) -> _Boundary | None:
        stream = self.stream
        match = stream.match(P.SECTION, i)
        if not match:
            return None
        following = stream.word(stream.word_after(match.end()))
        if following and not (following[0].isupper() or following[0] in "\"“("):
            return None
        if not ((stream.line_start[i] and self._ends_clause(i)) or self._inline_ok(i)):
            return None
        return _Boundary("section")

    def _article_at(self, i: int) -> _Boundary | None:
        stream = self.stream
        match = stream.match(P.ARTICLE, i)
        if not match:
            return None
        if match["word"] == "Article" and not self._ends_clause(i):
            return None
        following = stream.word(stream.word_after(match.end()))
        if following and not following[0].isupper():
            return None
        if not (stream.line_start[i] or (self._inline_ok(i) and match["word"] == "ARTICLE")):
            return None
        return _Boundary("article")

    def _definition_at(self, i: int) -> _Boundary | None:
        stream = self.stream
        at_start = stream.line_start[i] and (stream.indented[i] is True or self._ends_clause(i))
        after_lead_in = stream.word(i - 1).endswith(":")  # `In this Act: "Data Collector" may ...`
        if not (at_start or after_lead_in or self._inline_ok(i)):
            return None
        match = stream.match(P.DEFINITION, i)
        if not match:
            return None
        term = " ".join(match["term"].split())
        if len(term.split()) > DEFINED_TERM_MAX_WORDS or any(mark in term for mark in (". ", ": ", "; ")):
            return None  # a quoted passage (`"Section 1. Short title. ...`), not a defined term
        if not at_start:
            open_definition = self._current_definition()
            if open_definition is not None and _same_term(open_definition.meta.get("term"), term):
                return None
        return _Boundary("definition", data={"term": term})

    def _enumerator_at(self, i: int) -> _Boundary | None:
        stream = self.stream
        word = stream.words[i].text
        chain = []
        if P.ENUMERATOR_CHAIN.match(word):
            first, *chain = ["(" + part for part in word.split("(")[1:]]
            word = first
        readings = P.enumerator_readings(word)
        if not readings:
            return None
        style, value, suffix, relation, target = self._best_reading(readings)
        following = stream.word(i + 1)
        if stream.line_start[i]:
            if self._line_start_score(i, relation, following) < 2:
                return None
        elif not self._inline_enumerator_ok(i, relation, following):
            return None
        return _Boundary(
            "enum",
            data={
                "style": style,
                "value": (value, suffix),
                "relation": relation,
                "target": target,
                "enumerator": word,
                "chain": chain,
            },
        )

    def _line_start_score(self, i: int, relation: str, following: str) -> int:
        stream = self.stream
        score = RANK[relation]
        score += {True: 2, False: -3, None: 0}[stream.indented[i]]
        if i > 0:
            score += 1 if self._ends_clause(i) else -3
        score += self._follower_score(i, following)
        return score

    def _follower_score(self, i: int, following: str) -> int:
        if not following:
            return 0
        head = following[0]
        if head.isupper() or head.isdigit() or head in "\"“($":
            return 1
        in_list = self._ends_clause(i, strict=True)
        connectors = P.LIST_CONNECTORS if in_list else P.CONNECTORS
        if following.strip(",.;:") in connectors:
            return -3
        return 1 if in_list else 0

    def _inline_enumerator_ok(self, i: int, relation: str, following: str) -> bool:
        if relation not in ("next", "first"):
            return False
        in_list = self._ends_clause(i, strict=True)
        connectors = P.LIST_CONNECTORS if in_list else P.CONNECTORS
        if following and following.strip(",.;:") in connectors:  # lowercase only: a capital opens a sentence
            return False
        if self.stream.flattened and self._ends_clause(i):
            return True
        if relation == "first" and self.current.meta.get("role") == "heading":
            return self._ends_clause(i)  # `Sec. 1. (a) The term ...`
        if relation == "first":
            return self.stream.word(i - 1).endswith(":")
        return self._ends_clause(i, strict=True)

    def _best_reading(self, readings):
        best = None
        for style, value, suffix in readings:
            relation, target = self._relation(style, (value, suffix))
            if best is None or RANK[relation] > RANK[best[3]]:
                best = (style, value, suffix, relation, target)
        return best

    def _relation(self, style: str, value: tuple[int, tuple[int, ...]]) -> tuple[str, Node | None]:
        """How an enumerator continues the open lists: next, gap, first or orphan."""
        for node in reversed(self.stack):
            if node.kind in SECTION_LEVEL:
                break
            state = self.state[id(node)]
            if state.style != style:
                continue
            relation = _sequence(state.value, value)
            if relation:
                return relation, node
            break
        if value == (1, ()):
            return "first", None
        return "orphan", None

    # ------------------------------------------------------------ opening nodes
    def _open(self, boundary: _Boundary, i: int) -> None:
        getattr(self, f"_open_{boundary.kind}")(boundary, i)
        if boundary.end is not None:
            self.fixed_end = boundary.end

    def _new(self, parent: Node, kind: str, **state) -> Node:
        node = Node(kind=kind, path="")
        parent.children.append(node)
        self.state[id(node)] = _Open(**state)
        self.current = node
        return node

    def _push(self, node: Node) -> None:
        self.stack.append(node)

    def _pop_to(self, predicate) -> Node:
        while len(self.stack) > 1 and not predicate(self.stack[-1]):
            self.stack.pop()
        return self.stack[-1]

    def _current_section(self) -> Node | None:
        for node in reversed(self.stack):
            if node.kind == "section":
                return node
        return None

    def _current_definition(self) -> Node | None:
        for node in reversed(self.stack):
            if node.kind == "definition":
                return node
            if node.kind in SECTION_LEVEL:
                return None
        return None

    def _open_paragraph(self, boundary: _Boundary, i: int) -> None:
        parent = self._pop_to(lambda node: node.kind in SECTION_LEVEL)
        self._new(parent, "text")

    def _open_forced(self, boundary: _Boundary, i: int) -> None:
        self._new(self.stack[-1], "text")

    def _open_act(self, boundary: _Boundary, i: int) -> None:
        parent = self._pop_to(lambda node: node.kind in ("document", "article"))
        node = self._new(parent, "text")
        node.meta["act"] = boundary.data["act"]

    def _open_article(self, boundary: _Boundary, i: int) -> None:
        self.stack[1:] = []
        self._push(self._new(self.root, "article"))

    def _open_section(self, boundary: _Boundary, i: int) -> None:
        # provisional kind: the second pass tells a bill section from an Act's own section
        parent = self._pop_to(lambda node: node.kind in ("document", "article"))
        self._push(self._new(parent, "bill_section"))

    def _start_codified_section(self) -> Node:
        parent = self._pop_to(lambda node: node.kind in ("document", "article", "bill_section"))
        if parent.kind == "bill_section" and not P.AMENDATORY.search(parent.text):
            self.stack.pop()  # an Act's own section does not hold codified Sections
            parent = self.stack[-1]
        section = self._new(parent, "section", awaiting_sec=True)
        self._push(section)
        return section

    def _section_for_note(self, kind: str) -> Node:
        section = self._current_section()
        if section is not None:
            state = self.state[id(section)]
            has_citation = any(child.kind == "citation" for child in section.children)
            if state.awaiting_sec and not (kind == "citation" and has_citation):
                self._pop_to(lambda node: node is section)
                return section
        return self._start_codified_section()

    def _open_citation(self, boundary: _Boundary, i: int) -> None:
        section = self._section_for_note("citation")
        self._new(section, "citation")

    def _open_version(self, boundary: _Boundary, i: int) -> None:
        section = self._current_section()
        if section is not None and not self.state[id(section)].awaiting_sec and section.children:
            self._pop_to(lambda node: node is section)
            if any(child.kind == "source_note" for child in section.children):
                section = self._start_codified_section()
        else:
            section = self._section_for_note("version_note")
        self._new(section, "version_note")

    def _open_sec(self, boundary: _Boundary, i: int) -> None:
        section = self._current_section()
        if section is None or not self.state[id(section)].awaiting_sec:
            section = self._start_codified_section()
        else:
            self._pop_to(lambda node: node is section)
        self.state[id(section)].awaiting_sec = False
        heading = self._new(section, "text")
        heading.meta["role"] = "heading"

    def _open_source(self, boundary: _Boundary, i: int) -> None:
        owner = self._pop_to(lambda node: node.kind in SECTION_LEVEL)
        self._new(owner, "source_note")
        if owner.kind != "document":
            self.state[id(owner)].awaiting_sec = False
            self.stack.pop()

    def _open_enum(self, boundary: _Boundary, i: int) -> None:
        data = boundary.data
        target = data["target"]
        if target is not None:
            self._pop_to(lambda node: node is target)
            self.stack.pop()
        elif data["relation"] == "orphan":
            same = next(
                (
                    node
                    for node in reversed(self.stack)
                    if node.kind not in SECTION_LEVEL and self.state[id(node)].style == data["style"]
                ),
                None,
            )
            if same is not None:
                self._pop_to(lambda node: node is same)
                self.stack.pop()
        self._keep_nesting_bounded()
        parent = self.stack[-1]
        node = self._new(parent, ENUM_KINDS[data["style"]], style=data["style"], value=data["value"])
        node.meta["enumerator"] = data["enumerator"]
        self._push(node)
        self.pending_chain = list(data["chain"])

    def _keep_nesting_bounded(self) -> None:
        """Law nests (a)(1)(A)(i)(I) at most; odd input must not build a tree too deep to walk."""
        depth = sum(1 for node in self.stack if node.kind not in SECTION_LEVEL)
        if depth >= MAX_ENUM_DEPTH:
            self.stack.pop()

    def _open_chained(self, chain: list[str]) -> None:
        """`(4)(i) Consume ...`: (4) keeps the word `(4)(i)`, (i) opens on the next word."""
        self.pending_chain = []
        for enumerator in chain:
            readings = P.enumerator_readings(enumerator)
            if not readings:
                return
            style, value, suffix, relation, target = self._best_reading(readings)
            self._keep_nesting_bounded()
            node = self._new(self.stack[-1], ENUM_KINDS[style], style=style, value=(value, suffix))
            node.meta["enumerator"] = enumerator
            self._push(node)

    def _open_definition(self, boundary: _Boundary, i: int) -> None:
        term = boundary.data["term"]
        for node in reversed(self.stack):
            if node.kind in SECTION_LEVEL:
                break
            if node.kind == "definition" and _same_term(node.meta.get("term"), term):
                self._pop_to(lambda candidate: candidate is node)
                self._new(node, "text")
                return
        parent = self._pop_to(self._holds_definitions)
        node = self._new(parent, "definition")
        node.meta["term"] = term
        self._push(node)

    def _holds_definitions(self, node: Node) -> bool:
        if node.kind in SECTION_LEVEL:
            return True
        if node.kind == "definition":
            return False
        if any(child.kind == "definition" for child in node.children):
            return True
        text = node.text
        return text.endswith(":") and any(
            phrase in text for phrase in ("used in", "purposes of", "In this", "in this", "defin")
        )


def _sequence(previous, value) -> str | None:
    if previous is None:
        return None
    (base, suffix), (new_base, new_suffix) = previous, value
    if new_base == base and new_suffix > suffix:
        return "next"
    if new_base == base + 1:
        return "next"
    if base + 1 < new_base <= base + 3:
        return "gap"
    return None


def _same_term(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.strip().lower() == b.strip().lower()


# ---------------------------------------------------------------- second pass

HEADING_MAX_WORDS = 20
ABBREVIATIONS = frozenset({"Ch.", "No.", "Nos.", "U.S.", "Inc.", "St.", "v.", "Sec.", "Art.", "Mr.", "Ms.", "Dr."})
BILL_SECTION_HEADINGS = ("Effective date", "No acceleration", "No revival")


class _Finisher:
    """Decide the kinds left open, parse the meta and give every node its path."""

    def __init__(self, root: Node, result: ReadResult):
        self.root = root
        self.act = result.identity.act
        self.used: set[str] = set()

    def run(self) -> None:
        self._describe(self.root)
        self._share_act_citations()
        self._name_children(self.root, "")

    def _share_act_citations(self) -> None:
        """A bill section that restates nothing (`... by repealing Section 4.27a.`) takes the
        citation another bill section found for the same Act."""
        amending = [node.meta["amends"] for node in self.root.walk() if node.meta.get("amends")]
        known = {amends["act"]: amends["citation"] for amends in amending if amends.get("citation")}
        for amends in amending:
            if not amends.get("citation") and amends["act"] in known:
                amends["citation"] = known[amends["act"]]

    # ------------------------------------------------------------ meta
    def _describe(self, node: Node) -> None:
        for child in node.children:
            if child.kind == "bill_section":
                _describe_numbered_section(child)
            elif child.kind == "section":
                _describe_codified_section(child)
            elif child.kind == "article":
                _describe_article(child)
            elif child.kind in ENUM_KINDS.values():
                child.label = child.meta.get("enumerator")
                _note_defined_term(child)
            elif child.kind == "definition":
                child.label = f'"{child.meta["term"]}"'
            self._describe(child)
        if node.kind == "bill_section" and node.meta.get("amends"):
            acts = Counter(child.meta.get("act") for child in node.children if child.meta.get("act"))
            if acts:
                node.meta["amends"]["citation"] = acts.most_common(1)[0][0]

    # ------------------------------------------------------------ paths
    def _name_children(self, node: Node, path: str) -> None:
        texts_before = 1 if node.words else 0
        for child in node.children:
            if child.kind == "text":
                texts_before += 1
                base = _join(path, f"[{texts_before}]")
                if child.meta.get("act"):
                    self.act = child.meta["act"]
            else:
                base = self._child_path(child, node, path)
            child.path = self._unique(base)
            self._name_children(child, child.path)

    def _child_path(self, child: Node, parent: Node, path: str) -> str:
        kind = child.kind
        if kind in NOTE_PATHS:
            return _join(path, NOTE_PATHS[kind])
        if kind in ENUM_KINDS.values():
            return f"{path}{child.meta['enumerator']}"
        if kind == "definition":
            return _join(path, f'"{child.meta["term"]}"')
        if kind == "article":
            return f"Article {child.meta['number']}"
        prefix = path if parent.kind == "article" else ""
        if kind == "bill_section" or not child.meta.get("codified"):
            return _join(prefix, f"Section {child.meta.get('number')}")
        return self._codified_path(child, parent)

    def _codified_path(self, section: Node, parent: Node) -> str:
        if section.meta.get("citation"):
            self.act = section.meta["act"]
            return section.meta["citation"]
        number = section.meta.get("number") or "?"
        act = (parent.meta.get("amends") or {}).get("citation") or self.act
        if act:
            section.meta["act"] = act
            section.meta["citation"] = f"{act}/{number}"
            return section.meta["citation"]
        return f"Sec. {number}"

    def _unique(self, path: str) -> str:
        candidate, count = path, 1
        while candidate in self.used:
            count += 1
            candidate = f"{path} #{count}"
        self.used.add(candidate)
        return candidate


def _join(path: str, part: str) -> str:
    return f"{path} {part}" if path else part


def _heading(words: list[str]) -> str | None:
    """The catchline after `Sec. 10.`: the first sentence, when it is short and capitalised."""
    if not words or not (words[0][0].isupper() or words[0][0].isdigit()):
        return None
    for index, word in enumerate(words[:HEADING_MAX_WORDS]):
        if word.endswith(".") and word not in ABBREVIATIONS:
            return " ".join(words[: index + 1])
    return None


def _describe_numbered_section(node: Node) -> None:
    """`Section 5. ...`: a bill section (amendatory, effective date) or an Act's own section."""
    text = node.text
    match = P.SECTION.match(text)
    number = match["number"] if match else None
    body = text[match.end():].strip() if match else text
    node.meta["number"] = number
    node.label = f"Section {number}"
    amendatory = bool(P.AMENDATORY.search(body[:600]))
    node.meta["heading"] = None if amendatory else _heading(body.split())
    if amendatory:
        node.meta["amends"] = _amends(body)
    elif not (node.meta["heading"] or "").startswith(BILL_SECTION_HEADINGS):
        node.kind = "section"


def _amends(body: str) -> dict:
    act_match = P.AMENDED_ACT.match(body)
    amends = {
        "act": act_match["act"] if act_match else None,
        "citation": act_match["citation"] if act_match else None,
        "changing": [],
        "adding": [],
        "repealing": [],
    }
    for clause in P.AMEND_CLAUSE.finditer(body[:1200]):
        verb = {"amending": "changing"}.get(clause["verb"], clause["verb"])
        numbers = P.AMEND_NUMBER.findall(clause["list"])
        amends.setdefault(verb, []).extend(number for number in numbers if number not in amends.get(verb, []))
    return amends


def _describe_codified_section(node: Node) -> None:
    meta = {"codified": True, "citation": None, "act": None, "number": None, "heading": None}
    versions = []
    for child in node.children:
        if child.kind == "citation":
            meta.update(_citation_meta(child.text))
        elif child.kind == "text" and child.meta.get("role") == "heading":
            # `Sec. 10.` is two words, and the heading is within the next HEADING_MAX_WORDS
            opening = " ".join([word.text for word in child.words[: HEADING_MAX_WORDS + 3]])
            match = P.SEC.match(opening)
            if match:
                meta["number"] = match["number"]
                meta["heading"] = _heading(opening[match.end():].split())
        elif child.kind == "source_note":
            meta["source_note"] = text = child.text
            meta["public_acts"] = _public_acts(text)
        elif child.kind == "version_note":
            versions.append(child.text)
    if meta["number"] is None and meta.get("cited_number"):
        meta["number"] = meta["cited_number"]
    meta.pop("cited_number", None)
    if versions:
        meta["versions"] = versions
    node.meta.update(meta)
    node.label = f"Sec. {meta['number']}" if meta["number"] else "Sec."


def _citation_meta(text: str) -> dict:
    meta = {}
    match = P.CITATION.match(text)
    if match:
        act = f"{match['title']} ILCS {match['act']}"
        meta.update(citation=f"{act}/{match['number']}", act=act, cited_number=match["number"])
        if match["status"]:
            meta["status"] = match["status"]
    from_note = P.FROM_NOTE.search(text)
    if from_note:
        meta["from"] = from_note["from"]
    was_note = P.WAS_NOTE.search(text)
    if was_note:
        meta["was"] = was_note["was"]
    return meta


def _public_acts(source_note: str) -> list[str]:
    inner = source_note.removeprefix("(Source:").rstrip(").").strip()
    acts = []
    for part in inner.split(";"):
        match = P.PUBLIC_ACT.match(part.strip())
        if match and match["pa"] not in acts:
            acts.append(match["pa"])
    return acts


def _note_defined_term(node: Node) -> None:
    """`(a) "Anniversary" means ...`, `(a) The term "person" includes ...`: the subsection says which term."""
    rest = node.text[len(node.meta.get("enumerator") or ""):].lstrip()
    rest = P.TERM_LEAD.sub("", rest, count=1)
    match = P.DEFINITION.match(rest)
    if match:
        term = " ".join(match["term"].split())
        if len(term.split()) <= DEFINED_TERM_MAX_WORDS:
            node.meta["term"] = term


def _describe_article(node: Node) -> None:
    match = P.ARTICLE.match(node.text)
    number = match["number"] if match else "?"
    node.meta["number"] = number
    heading = node.text[match.end():].strip() if match else ""
    node.meta["heading"] = heading or None
    node.label = f"Article {number}"
