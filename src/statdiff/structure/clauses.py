"""The tree of a document that is not Illinois legislation: a contract, a policy, a markdown file.

Built from the prose reader's lines (`statdiff.read.prose.ProseLine`: each says whether it
is a heading, a bulleted item, a table row, code or text; a plain `BodyLine` is text).
Each paragraph is read once, by its opening words, in this order:

Sections (kind `section`: the units `compare` pairs, moves and renumbers):
- a markdown heading (`#` to `######`, or a line underlined with `===` / `---`);
- a keyword heading: `Article 3`, `ARTICLE III`, `Part 2`, `Chapter 1`, `Schedule 2`,
  `Exhibit A`, `Annex 1`, `Appendix B`, `Attachment 1` (containers), `Section 3.1`,
  `Clause 4` (clauses), standing at the start of a paragraph and followed by its end, by
  `.`, `:` or a dash, or by a capitalised word;
- a numbered clause `1.`, `1)`, `1.1`, `7.2.3` (`2.0` is clause 2; a bare `1` only before a
  heading: `1 Definitions`) that continues the numbering open at its level (the next number,
  a first `1`, a gap of at most three after a sentence end; the first number of a fragment
  after a sentence end; a sub-clause's number printed again after a sentence end, `7.13`
  twice: a clause inserted and not renumbered): `3.5 million` after `USD` is text;
- an ALL-CAPS line standing alone (`LIMITATION OF LIABILITY`; four letters or more, no
  lowercase letter, not ending in `.`, `,`, `;`, `!` or `?`).
A section holds what follows it until a section of the same or a higher rank: markdown
headings by level, above containers, above ALL-CAPS headings, above clauses by depth
(`1.1` in `1`; a clause whose number does not extend an open clause's leaves it, but never a
markdown heading: what is written under `## 1. Eligibility`, a list `1.` `2.` `3.` included, is
its own and numbered afresh, until a heading of its level or above; and a list `1.` `2.` indented
under numbered clause 1 is a list inside it, its items nested by indent as bullets are). The
first block of a document, when it is a heading and no later heading is of its kind and
level, is the document's title: a `text` node (meta `role: title`), not a container.

Inside a section:
- `(a)`, `(1)`, `(A)`, `(iv)` and `a)`, `a.`, `iv)`: subsection, paragraph, subparagraph,
  item as in legislation, nested by their sequences (a list a paragraph closed goes on with
  its next letter, where that keeps the words in order);
- a bulleted item: `list_item`, nested by indent;
- a table: `table`, each row a `row` keyed by its first cell (meta `cells`, `header`);
- a paragraph that opens with a quoted term and a defining verb: `definition` (meta `term`);
- a definition list's term (an HTML `<dt>`): `definition` of that term, its description
  (`<dd>`) the definition's words, a further paragraph or list of it the definition's children;
- any other paragraph: `text` (meta `role` `code`, `quote` or `front_matter` where it is one).
Paragraphs: a blank line, a heading, a row, a bullet or a unit opening a line starts one. Else,
in a hard-wrapped document (its lines at most WRAP_MAX_WIDTH long), a line carries the paragraph
on when the document separates paragraphs by blank lines (as markdown reads them), when the line
before was broken only because this line's first word did not fit, or when it ends no clause; in
a document of long lines (a paragraph a line, seed 000), when the line before ends no clause and
either the document has blank lines or this line starts lowercase. A paragraph indented under a
bullet or an enumerator is its child.

Numbers: a section's or enumerator's number is its place in the order, not its name (a
clause inserted before it shifts it): `meta.positional` tells `compare` to pair it by
content before its number. Meta `number` (`7.2`, `III`, `A`), `heading`, `term`.

Paths: a section's path is its label (`Clause 7.2`, `Schedule 2`, `Article III`, a heading
in quotes: `"Information We Collect"`) when no other section of the document has that
label; otherwise it is put after the path of the section that holds it (`Schedule 2 Clause
1`) unless its number extends that section's. Other nodes: the parent's path, then `(a)`,
`"Term"`, `[n]` (the n-th paragraph or list item), `Table n`, `Table n row "First cell"`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from statdiff.law import enumerators
from statdiff.model import BodyLine, Document, Identity, Meta, Node, ReadResult, Role, Word
from statdiff.read.prose import BULLET, CODE, DESCRIPTION, FRONT_MATTER, HEADING, QUOTE, ROW, TERM, TEXT, ProseLine
from statdiff.structure.boundaries import CONNECTORS
from statdiff.structure.clause_lists import listed_number
from statdiff.structure.clause_paths import name_paths
from statdiff.structure.clause_text import defined_term, heading_after, heading_alone, opens_heading, term_printed
from statdiff.structure.lines import ends_clause, is_caps_heading, is_caps_text, unwrap, wrap_width
from statdiff.structure.tree import ENUM_KINDS

CONTAINER_WORDS = ("article", "part", "chapter", "schedule", "exhibit", "annex", "appendix", "attachment")
CLAUSE_WORDS = ("section", "clause")
RELATION_RANK = {"next": 3, "first": 2, "gap": 1, "start": 0, "orphan": 0}
MAX_GAP = 3  # numbers a clause may skip (a deleted clause left unrenumbered)
MAX_DEPTH = 8  # nested enumerators and list items
LISTED = "listed"  # the item style of a definition list's term

# Ranks: (tier, level); a section holds what ranks below it (a larger tuple).
MARKDOWN_TIER, CONTAINER_TIER, CLAUSE_TIER = 0, 1, 2
CONTAINER_RANK = (CONTAINER_TIER, 0)
CAPS_RANK = (CONTAINER_TIER, 5)

_KEYWORD = re.compile(
    rf"(?P<word>(?i:{'|'.join(CONTAINER_WORDS + CLAUSE_WORDS)}))"
    r" (?P<number>\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,7}|[ivxlc]{1,7}|[A-Z])(?P<close>[.:)]?)(?= |$)"
)
_CLAUSE_NUMBER = re.compile(r"(?P<number>\d{1,4}(?:\.\d{1,3})*)(?P<close>[.)]?)(?= |$)")
FOUR_DIGITS = 1000  # a clause numbered so continues the numbering or is no clause (`2024. A year`)
# An entry of a table of contents: a dot leader, then the page number (`2. Services ....... 2`,
# `Article IV . . . . 12`, `Schedule 1…………… iv`).
_TOC_ENTRY = re.compile(r"(?:\.{4,}|(?:\. ){3,}\.?|…{2,})\s*(?:\d{1,4}|[ivxlc]{1,6})$")
_BARE_ENUMERATOR = re.compile(r"(?P<base>[a-z]{1,4}|[A-Z]{1,4})[.)](?= |$)")


def build_clauses(result: ReadResult) -> Document:
    """The clause tree of a document that is not legislation."""
    root = Node(kind="document", path="", label=None)
    builder = _Builder([_as_prose(line) for line in result.lines if line.text], root)
    builder.run()
    title = _lift_title(root, builder)
    _describe(root, {id(opened.node) for opened in builder.opened if opened.kind.startswith("markdown")})
    name_paths(root)
    identity = Identity(title=title) if title else Identity()
    root.label = identity.describe()
    return Document(identity=identity, root=root, rendering=result.rendering, name=result.name, synopsis=result.synopsis)


def _as_prose(line: BodyLine) -> ProseLine:
    """A reader's line as a prose line: a plain `BodyLine` (HTML shown as text) is text."""
    if isinstance(line, ProseLine):
        return line
    return ProseLine(line.text, line.page, line.line, line.indented, line.marks)


# ---------------------------------------------------------------- what a paragraph opens with


@dataclass(slots=True)
class _Open:
    """An open section: its rank, its clause number and the numbering of what it holds."""

    node: Node
    rank: tuple[int, int]
    number: tuple[int, ...] | None = None  # decimal clause number (containers too: Article 3 is (3,))
    clause: bool = False  # a numbered clause (its sub-clauses extend its number)
    last: dict[int, tuple[int, ...]] = field(default_factory=dict)  # depth -> last clause number held
    kind: str = ""  # what opened it (for the title rule): `markdown 2`, `caps`, `container`, `clause`
    indent: int = 0  # the indent of the line that opened it (a numbered clause's)
    alone: bool = False  # its line holds its number and a heading only
    printed: dict[int, tuple[int, ...]] = field(default_factory=dict)  # depth -> the last clause's number as printed


@dataclass(slots=True)
class _Item:
    """An open enumerator, list item or definition inside the innermost section."""

    node: Node
    style: str | None  # enumerator style; "bullet"; "definition"; "listed" (a definition list's term)
    value: int = 0
    indent: int = 0
    parent: Node | None = None
    described: bool = False  # a listed term: its description's first paragraph has joined it


# An enumerator opening a paragraph: as printed, its style, value, relation to the open
# lists, and the item of its list it follows (if any).
_Enumerated = tuple[str, str, int, str, "_Item | None"]


@dataclass(slots=True)
class _Clause:
    """A section a paragraph opens: its label, number and rank."""

    label: str
    number: str | None
    decimal: tuple[int, ...] | None
    rank: tuple[int, int]
    clause: bool
    kind: str
    alone: bool = False  # the line holds the number and a heading only
    printed: tuple[int, ...] | None = None  # the number printed, where it is not `decimal` (`1.` `1.` `1.`)


class _Builder:
    def __init__(self, lines: list[ProseLine], root: Node):
        self.lines = lines
        self.root = root
        self.sections: list[_Open] = [_Open(root, (-1, 0))]
        self.items: list[_Item] = []
        self.closed: dict[str, _Item] = {}  # the last enumerator of each style a paragraph closed, in this section
        self.current: Node | None = None  # the node a continuation line joins
        self.table: tuple[int, Node] | None = None  # (table number in the document, node)
        self.joined = any(line.gap for line in lines[1:])
        self.wrap_width = wrap_width(lines)
        self.opened: list[_Open] = []  # every section in the order opened
        self.heading_line = False  # the open section's line is a heading only: text starts a new paragraph

    def run(self) -> None:
        for index, line in enumerate(self.lines):
            self._line(index, line)

    # ------------------------------------------------------------ one line
    def _line(self, index: int, line: ProseLine) -> None:
        words = line.words()
        if line.block == ROW:
            self._row(line, words)
            return
        self.table = None
        if line.block == HEADING:
            self._heading(line, words)
            return
        previous = self.lines[index - 1] if index else None
        if line.block == CODE:
            if previous is not None and previous.block == CODE and not line.gap and self.current is not None:
                self.current.words.extend(words)
            else:
                self._paragraph(line, words, role=Role.CODE)
            return
        if line.block == BULLET:
            self._bullet(line, words)
            return
        if line.block == TERM:
            self._listed_term(line, words, previous)
            return
        if line.block == DESCRIPTION:
            self._description(line, words, previous)
            return
        current = self.current
        continues = current is not None and self._continues(line, previous)
        boundary = not continues or previous is None or ends_clause(previous.text) or bool(_TOC_ENTRY.search(previous.text))
        if self._opens_structure(index, line, words, boundary):
            return
        if continues and current is not None:
            current.words.extend(words)
            return
        role = {QUOTE: Role.QUOTE, FRONT_MATTER: Role.FRONT_MATTER}.get(line.block)
        term = defined_term(line.text) if role is None else None
        if term is not None:
            self._definition(line, words, term)
        else:
            self._paragraph(line, words, role=role)

    def _continues(self, line: ProseLine, previous: ProseLine | None) -> bool:
        """Does the line carry on the paragraph before it (unless a unit opens on it)?
        Never after a blank line, another kind of block or a heading; always inside a paragraph
        of a hard-wrapped document that separates its paragraphs by blank lines (markdown joins
        its lines) and after a line broken only because the next word would not fit; else when
        the line before ends no clause and the document separates its paragraphs by blank lines, or
        is hard-wrapped, or this line starts lowercase."""
        if previous is None or line.gap or self.heading_line:
            return False
        item = self.items[-1] if self.items else None
        in_item = item is not None and item.style == "bullet" and self.current is item.node and line.block == TEXT
        if in_item and item is not None and line.level > item.indent:
            return True  # indented under its bullet
        if previous.block != line.block and not (in_item and previous.block == BULLET):
            return False
        if self.wrap_width and (self.joined or len(previous.text) + 1 + len(line.text.split(" ", 1)[0]) > self.wrap_width):
            return True  # a hard-wrapped paragraph, or a line broken only because the next word did not fit
        if ends_clause(previous.text):
            return False
        return self.joined or self.wrap_width is not None or line.text[:1].islower()

    # ------------------------------------------------------------ sections
    def _opens_structure(self, index: int, line: ProseLine, words: list[Word], boundary: bool) -> bool:
        text = line.text
        if boundary and _TOC_ENTRY.search(text):
            self._bullet(line, words)  # `3. Fees and Payment ........ 3`: an entry of a table of contents, no clause
            return True
        if boundary and self._numbered_under_a_clause(line):
            self._bullet(line, words)  # an item of a list indented under the clause, nested by indent as bullets are
            return True
        top, previous = self.sections[-1], self.lines[index - 1].text if index else ""
        listed = listed_number(_CLAUSE_NUMBER.match(text), text, previous, top.clause and top.rank[0] == CLAUSE_TIER,
                               lambda value: self._enumerator_relation("digit", value, line.level),
                               lambda item: item.node.text, lambda value: self._clause_relation((value,)) == "next")
        if boundary and listed is not None:  # `1.` `2.` after `The Client shall:`: a list (`clause_lists`)
            self._open_enumerator((listed.printed, "digit", listed.value, listed.relation, listed.sibling), line, words)
            return True
        clause = self._keyword(text, boundary) or self._numbered(text, boundary, indent=line.level)
        if clause is not None:
            self._open_section(clause, words, line.level)
            return True
        enumerator = self._enumerator(text, boundary, line.level)
        if enumerator is not None:
            self._open_enumerator(enumerator, line, words)
            return True
        if boundary and is_caps_heading(text) and self._stands_alone(index):
            self._open_section(_Clause(f'"{unwrap(text)}"', None, None, CAPS_RANK, False, "caps", True), words)
            return True
        return False

    def _numbered_under_a_clause(self, line: ProseLine) -> bool:
        """`1.` `2.` indented under numbered clause 1 (a markdown list nested in a list item, an
        indented sub-list) is a list of its own inside the clause, not clauses 1 and 2 of the text;
        a number that extends the clause's (`1.1` under `1.`) stays a sub-clause."""
        top = self.sections[-1]
        if not (top.clause and top.rank[0] == CLAUSE_TIER and line.level >= top.indent + 2):
            return False
        match = _CLAUSE_NUMBER.match(line.text)
        if match is None or _bare(match):
            return False
        number, held = _decimal(match["number"]), top.number
        extends = number is not None and held is not None and len(number) > len(held) and number[: len(held)] == held
        return number is not None and not extends

    def _stands_alone(self, index: int) -> bool:
        """An ALL-CAPS line is a heading when the next line does not carry it on in capitals."""
        following = self.lines[index + 1] if index + 1 < len(self.lines) else None
        return following is None or following.gap or following.block != TEXT or not is_caps_text(following.text)

    def _heading(self, line: ProseLine, words: list[Word]) -> None:
        text = unwrap(line.text)
        rank = (MARKDOWN_TIER, line.level)
        clause = self._keyword(text, True, markdown=True) or self._numbered(text, True, markdown=True)
        if clause is None:
            clause = _Clause(f'"{text}"', None, None, rank, False, f"markdown {line.level}")
        else:
            clause.rank, clause.kind = rank, f"markdown {line.level}"
        self._open_section(clause, words)
        self.heading_line = True

    def _keyword(self, text: str, boundary: bool, markdown: bool = False) -> _Clause | None:
        match = _KEYWORD.match(text)
        if match is None:
            return None
        rest = text[match.end():].strip()
        if not markdown and not opens_heading(match["close"], rest):
            return None
        if not (boundary or markdown):
            return None
        word = match["word"].lower()
        number = match["number"]
        decimal = _decimal(number)
        label = f"{word.capitalize()} {number}"
        alone = heading_alone(rest)
        if word in CONTAINER_WORDS:
            return _Clause(label, number, decimal, CONTAINER_RANK, False, "container", alone)
        if decimal is None:
            return None
        return _Clause(label, number, decimal, (CLAUSE_TIER, len(decimal)), True, "clause", alone)

    def _numbered(self, text: str, boundary: bool, markdown: bool = False, indent: int = 0) -> _Clause | None:
        match = _CLAUSE_NUMBER.match(text)
        if match is None:
            return None
        rest = text[match.end():].strip()
        bare = _bare(match)
        if bare and not heading_alone(rest):
            return None  # `10 days after ...`; but `1 Definitions` heads a clause
        decimal = _decimal(match["number"])
        if decimal is None:
            return None  # never: the pattern takes digits and dots only
        if not boundary and _carries_reference(rest):
            return None  # `... in Clause` / `7.2 of this Agreement`: a number carried over a line end
        relation = self._clause_relation(decimal)
        if relation == "orphan" and boundary and not markdown and decimal == (1,) and self._listed_headings():
            relation = "first"  # the clauses before were a list of headings: the clauses begin here
        printed = None
        if relation == "orphan" and boundary and not markdown and len(decimal) == 1:
            shown = self._numbered_by_markdown(decimal, indent)
            if shown is not None:
                printed, decimal, relation = decimal, shown, "next"
        if relation == "orphan" and boundary and not bare and len(decimal) > 1 and \
                self._clause_holder(decimal).printed.get(len(decimal)) == decimal:
            relation = "next"  # `7.13` again after `7.13`: a clause inserted, numbered as the one it precedes
        if decimal[0] >= FOUR_DIGITS and relation != "next":
            return None  # clause 1000 follows clause 999; a year opening a paragraph does not
        accepted = markdown or relation in ("next", "first") or (boundary and relation in ("gap", "start") and not bare)
        if not accepted:
            return None
        number = match["number"] if printed is None else ".".join(map(str, decimal))
        return _Clause(f"Clause {number}", number, decimal, (CLAUSE_TIER, len(decimal)), True,
                       "clause", heading_alone(rest), printed)

    def _numbered_by_markdown(self, printed: tuple[int, ...], indent: int) -> tuple[int, ...] | None:
        """`1.` `1.` `1.`: a markdown list whose items all print the number of its first (markdown
        shows them 1, 2, 3): the number this item shows, the one after the item just before it,
        when that item is the last section opened, at this indent, printed with this number,
        and a paragraph of text, not a heading (`1. DEFINITIONS` then a list `1.` is no such list)."""
        holder = self._clause_holder(printed)
        previous = holder.last.get(len(printed))
        last = self.opened[-1] if self.opened else None
        if previous is None or holder.printed.get(len(printed)) != printed or last is None:
            return None
        if last.number != previous or not last.clause or last.indent != indent or last.alone or last.node.children:
            return None
        return previous[:-1] + (previous[-1] + 1,)

    def _listed_headings(self) -> bool:
        """`1. Definitions` `2. Services` `3. Fees`, each a heading holding nothing, then `1.`
        again: a table of contents printed without page numbers (or any list of the headings).
        Those lines become the items of a list (the clauses start again with this `1.`); True
        when they were, two or more, the last sections opened."""
        holder = self._clause_holder((1,))
        run: list[_Open] = []
        for open_ in reversed(self.opened):
            if not (open_.clause and open_.number is not None and len(open_.number) == 1
                    and open_.node in holder.node.children):
                break
            run.append(open_)
        if len(run) < 2 or run[-1].number != (1,) or not all(open_.alone and not open_.node.children for open_ in run):
            return False
        for open_ in run:
            open_.node.kind, open_.node.label, open_.node.meta = "list_item", None, Meta()
            self.opened.remove(open_)
        holder.last.pop(1, None)
        holder.printed.pop(1, None)
        return True

    def _clause_relation(self, number: tuple[int, ...]) -> str:
        """How a clause number continues the numbering open at its level."""
        holder = self._clause_holder(number)
        previous = holder.last.get(len(number))
        if previous is None:
            if len(number) > 1 and not holder.clause and holder.last:
                return "orphan"  # `3.5` where clause 3 is not open but other clauses are
            if number[-1] == 1:
                return "first"
            if len(number) > 1 and holder.clause:
                return "gap" if number[-1] <= 1 + MAX_GAP else "orphan"
            return "start"
        if previous[:-1] != number[:-1]:
            return "first" if number[-1] == 1 else "orphan"
        return _follows(previous[-1], number[-1])

    def _clause_holder(self, number: tuple[int, ...]) -> _Open:
        """The open section a clause of this number belongs in: its parent clause (`7` for `7.2`),
        else the innermost section that is not a numbered clause of the text (a markdown heading,
        numbered or not, holds the numbering of what is written under it: `1.` `2.` under
        `## 1. Eligibility` is a list of its own)."""
        if len(number) > 1:
            for open_ in reversed(self.sections):
                if open_.clause and open_.number == number[:-1]:
                    return open_
        return next(open_ for open_ in reversed(self.sections) if not open_.clause or open_.rank[0] == MARKDOWN_TIER)

    def _open_section(self, clause: _Clause, words: list[Word], indent: int = 0) -> None:
        while len(self.sections) > 1:
            top = self.sections[-1]
            if top.rank >= clause.rank:
                self.sections.pop()
                continue
            decimal, held = clause.decimal, top.number
            # 7.2 does not belong in 6; but what is under a markdown heading belongs in it until a
            # heading of its level or above (numbered or not: markdown's levels are its structure)
            if (clause.clause and top.clause and top.rank[0] != MARKDOWN_TIER and decimal is not None
                    and held is not None and decimal[: len(held)] != held):
                self.sections.pop()
                continue
            break
        parent = self.sections[-1]
        meta = Meta(number=clause.number, positional=clause.number is not None)
        node = Node(kind="section", path="", words=list(words), label=clause.label, meta=meta)
        parent.node.children.append(node)
        if clause.clause and clause.decimal is not None:
            holder = self._clause_holder(clause.decimal)
            holder.last[len(clause.decimal)] = clause.decimal
            holder.printed[len(clause.decimal)] = clause.printed or clause.decimal
        opened = _Open(node, clause.rank, clause.decimal, clause.clause, kind=clause.kind, indent=indent,
                       alone=clause.alone)
        self.sections.append(opened)
        self.opened.append(opened)
        self.items, self.closed = [], {}
        self.current = node
        self.heading_line = clause.alone

    # ------------------------------------------------------------ inside a section
    def _section(self) -> Node:
        return self.sections[-1].node

    def _enumerator(self, text: str, boundary: bool, indent: int = 0) -> _Enumerated | None:
        first = text.split(" ", 1)[0]
        readings = enumerators.readings(first)
        bare = not readings
        if bare:
            match = _BARE_ENUMERATOR.fullmatch(first)
            if match is None:
                return None
            readings = enumerators.readings(f"({match['base']})")
        if not boundary and _carries_reference(text[len(first):].strip()):
            return None  # `... in paragraph` / `(b) of this Clause`: a reference carried over a line end
        best: _Enumerated | None = None
        for style, value, suffix in readings:
            if suffix:
                continue
            relation, sibling = self._enumerator_relation(style, value, indent)
            if best is None or RELATION_RANK[relation] > RELATION_RANK[best[3]]:
                best = (first, style, value, relation, sibling)
        if best is None:
            return None
        relation = best[3]
        if relation in ("next", "first") or (boundary and (relation == "gap" or relation == "orphan" and not bare)):
            return best
        return None

    def _enumerator_relation(self, style: str, value: int, indent: int = 0) -> tuple[str, _Item | None]:
        """How an enumerator continues the open lists, or the list a paragraph closed
        (`(h) ... :`, an indented paragraph, then `(i)`: the letter after h). An enumerator
        indented deeper than an open item opens a list inside it: it goes on with no list
        outside that item (`a.` `b.` indented under `1.`, itself under `a. License grant.`,
        are that item's own, not the outer list's `b.`)."""
        for item in reversed(self.items):
            if item.style == style:
                return _follows(item.value, value), item
            if item.indent < indent:
                break
        closed = self.closed.get(style)
        if closed is not None and _follows(closed.value, value) != "orphan" and self._at_the_end(closed.parent):
            return _follows(closed.value, value), closed
        return ("first" if value == 1 else "orphan"), None

    def _at_the_end(self, node: Node | None) -> bool:
        """Is `node` the section or its last descendant's ancestor (a child added to it comes last)?"""
        end = self._section()
        while end is not node:
            if not end.children:
                return False
            end = end.children[-1]
        return True

    def _open_enumerator(self, enumerator: _Enumerated, line: ProseLine, words: list[Word]) -> None:
        printed, style, value, relation, sibling = enumerator
        self._close_items_at(line.level)
        parent = None
        if sibling is not None and sibling in self.items:
            while self.items[-1] is not sibling:
                self.items.pop()
            self.items.pop()
        elif sibling is not None:
            self.items, parent = [], sibling.parent  # the list a paragraph closed goes on
        term = defined_term(line.text[len(printed):].strip())
        meta = Meta(enumerator=printed, term=term, positional=True)
        node = Node(kind=ENUM_KINDS[style], path="", words=list(words), label=printed, meta=meta)
        self._add_item(node, _Item(node, style, value, line.level), parent)

    def _bullet(self, line: ProseLine, words: list[Word]) -> None:
        self._close_items_at(line.level)
        node = Node(kind="list_item", path="", words=list(words), meta=Meta(term=defined_term(line.text)))
        self._add_item(node, _Item(node, "bullet", 0, line.level))

    def _definition(self, line: ProseLine, words: list[Word], term: str, style: str = "definition") -> None:
        self.items = []
        node = Node(kind="definition", path="", words=list(words), label=f'"{term}"', meta=Meta(term=term))
        self._add_item(node, _Item(node, style, 0, line.level))

    # ------------------------------------------------------------ definition lists
    def _listed_term(self, line: ProseLine, words: list[Word], previous: ProseLine | None) -> None:
        """A definition list's term (HTML `<dt>`): a definition of the term it names (`Accuracy:`
        defines `Accuracy`), paired by that term as a `"Term" means` paragraph is. A further
        line of the same term (a `<br>` inside it) goes on with it."""
        listed = self._listed_item()
        if listed is not None and not listed.described and not line.gap and previous is not None and (
            previous.block == TERM
        ):
            listed.node.words.extend(words)
            words = listed.node.words
        term = term_printed(" ".join(word.text for word in words))
        if term is None:
            self._paragraph(line, words)
            return
        if listed is not None and words is listed.node.words:
            listed.node.label, listed.node.meta.term = f'"{term}"', term
            return
        self._definition(line, words, term, style=LISTED)

    def _description(self, line: ProseLine, words: list[Word], previous: ProseLine | None) -> None:
        """A definition list's description (HTML `<dd>`) of the term before it: its first paragraph
        goes on the term's definition (`Accuracy: The amount of deviation ...`), as a definition's
        words follow its term; each further paragraph (another `<p>`, another `<dd>`) is a paragraph
        of the definition. A description with no term before it is a paragraph."""
        if not line.gap and previous is not None and previous.block == DESCRIPTION and self.current is not None:
            self.current.words.extend(words)  # a further line of the paragraph (a `<br>` inside it)
            return
        listed = self._listed_item()
        if listed is None:
            self._paragraph(line, words)
            return
        del self.items[self.items.index(listed) + 1:]  # a list inside the description before ends
        if not listed.described:
            listed.described = True
            listed.node.words.extend(words)
            self.current = listed.node
            return
        node = Node(kind="text", path="", words=list(words))
        listed.node.children.append(node)
        self.current = node

    def _listed_item(self) -> _Item | None:
        """The innermost open term of a definition list, if any."""
        return next((item for item in reversed(self.items) if item.style == LISTED), None)

    def _add_item(self, node: Node, item: _Item, parent: Node | None = None) -> None:
        if len(self.items) >= MAX_DEPTH:
            self.items.pop()
        if parent is None:
            parent = self.items[-1].node if self.items else self._section()
        item.parent = parent
        parent.children.append(node)
        self.items.append(item)
        self.current = node
        self.heading_line = False

    def _close_items_at(self, indent: int) -> None:
        """A line at this indent ends the bulleted items indented as much or more, and the items
        indented more (an enumerated list nested in the item this line is a sibling of)."""
        while self.items and (self.items[-1].indent > indent
                              or self.items[-1].style == "bullet" and self.items[-1].indent >= indent):
            self.items.pop()

    def _paragraph(self, line: ProseLine, words: list[Word], role: Role | None = None) -> None:
        """A paragraph belongs to the item it is indented under; else, after a list of (a), (b)
        or a definition, to the section again (the list is remembered: `(c)` may go on with it)."""
        self._close_items_at(line.level)
        while self.items and self.items[-1].style != "bullet" and self.items[-1].indent >= line.level:
            item = self.items.pop()
            if item.style in ENUM_KINDS:
                self.closed.setdefault(item.style, item)
        node = Node(kind="text", path="", words=list(words), meta=Meta(role=role))
        parent = self.items[-1].node if self.items else self._section()
        parent.children.append(node)
        self.current = node
        self.heading_line = False

    def _row(self, line: ProseLine, words: list[Word]) -> None:
        if self.table is None or self.table[0] != line.table:
            self.items = []
            table = Node(kind="table", path="")
            self._section().children.append(table)
            self.table = (line.table, table)
        table = self.table[1]
        if line.header:
            table.meta.columns = tuple(line.cells)
        row = Node(kind="row", path="", words=list(words), meta=Meta(cells=tuple(line.cells), header=line.header))
        table.children.append(row)
        self.current = None
        self.heading_line = False


# ---------------------------------------------------------------- the title


def _lift_title(root: Node, builder: _Builder) -> str | None:
    """The first block (after front matter), a heading no later heading matches in kind and level,
    is the title: its words become a `text` node (role `title`), what it held moves up to the root."""
    if not root.children or not builder.opened:
        return None
    first = builder.opened[0]
    node = first.node
    at = next((index for index, child in enumerate(root.children) if child.meta.role != Role.FRONT_MATTER), 0)
    if root.children[at] is not node or not (first.kind == "caps" or first.kind.startswith("markdown")):
        return None
    if node.meta.number is not None:
        return None
    if any(other.kind == first.kind for other in builder.opened[1:]):
        return None
    if first.kind.startswith("markdown") and any(
        other.kind.startswith("markdown") and other.rank < first.rank for other in builder.opened[1:]
    ):
        return None
    title = Node(kind="text", path="", words=node.words, meta=Meta(role=Role.TITLE))
    root.children[at:at + 1] = [title, *node.children]
    return " ".join(word.text for word in node.words)


def _bare(number: re.Match[str]) -> bool:
    """A clause number with no closing `.` or `)` and no dot inside (`10`, not `10.` or `1.1`)."""
    return not (number["close"] or "." in number["number"])


# ---------------------------------------------------------------- small readings


def _follows(previous: int, value: int) -> str:
    if value == previous + 1:
        return "next"
    if previous + 1 < value <= previous + 1 + MAX_GAP:
        return "gap"
    return "orphan"


def _carries_reference(rest: str) -> bool:
    """The words after a number or enumerator continue a reference to it (`of this Agreement`)."""
    following = rest.split(" ", 1)[0].strip(",;:.") if rest else ""
    return following in CONNECTORS


def _decimal(number: str) -> tuple[int, ...] | None:
    """`7.2` is (7, 2); `3.0` is clause 3 (policies number their top level `1.0`, `2.0`)."""
    parts = number.split(".")
    if not all(part.isdigit() for part in parts):
        return None
    values = [int(part) for part in parts]
    while len(values) > 1 and values[-1] == 0:
        values.pop()
    return tuple(values)


def _describe(root: Node, markdown_headings: set[int]) -> None:
    """Each section's heading and defined term, read from its whole opening paragraph (a markdown
    heading's, whatever its case: `## 1. Retention periods`)."""
    for node in root.walk():
        if node.kind != "section":
            continue
        text = unwrap(node.text)
        if node.meta.number is None:
            node.meta.heading = text
            continue
        match = _KEYWORD.match(text) or _CLAUSE_NUMBER.match(text)
        after = text[match.end():].strip() if match else text
        heading = after.lstrip("-–—:. ") if id(node) in markdown_headings else None
        node.meta.heading = heading or heading_after(after)
        term = defined_term(after)
        if term is not None:
            node.meta.term = term
