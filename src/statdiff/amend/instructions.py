"""Page-and-line amendment instructions as structured edits.

`parse_amendment(document_or_read_result)` reads an amendment as the readers give
it (words with the amendment's own page:line) and returns an `Amendment`: the
bill and printing it amends (`Target`), its instructions as `Edit`s, and the
instructions it could not read (`Problem`s), each with the amendment page:line
it was printed on. Nothing here touches the bill: `apply.py` does that.

How an amendment is read:
1. the preamble (`Amend House Bill 605, AS AMENDED, with reference to page and
   line numbers of House Amendment No. 1,`) names the bill and the printing;
2. the rest is cut into plain text and quoted passages. A passage's closing
   quote is the first run of quotes followed by what the passage's role allows
   (the word before its opening quote gives the role: `replacing "X"` is closed by
   ` with`, new text by `";`+ the next instruction or `".` at the end), so quotes
   inside a passage (`"consumer price index-u" means`) stay in it, and a doubled
   closing quote (`"means""`) keeps one quote in the passage;
3. instructions end at a `;` in the plain text (the `; and` between them);
4. each instruction's plain text, passages replaced by `«»`, is matched against
   the forms of `statdiff.law.amendments`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from statdiff.amend.lost_lines import lost_lines, lost_lines_cause
from statdiff.errors import StatdiffError
from statdiff.law import amendments, measures
from statdiff.model import Document, Identity, Position, ReadResult, SourceSpan, Word
from statdiff.read.identity import identity_of

# Curly quotes, as a word processor prints them, read as straight ones (same length): an
# instruction's quotes and the bill text it quotes are matched so.
STRAIGHT_QUOTES = str.maketrans({"“": '"', "”": '"'})

# Roles of a quoted passage.
OLD, DELETED, ANCHOR, NEW = "old", "deleted", "anchor", "new"
_CLOSERS = {OLD: amendments.CLOSE_OLD, DELETED: amendments.CLOSE_DELETED, ANCHOR: amendments.CLOSE_ANCHOR, NEW: amendments.CLOSE_NEW}


# ------------------------------------------------------------------ the data


@dataclass(frozen=True, slots=True)
class Printing:
    """The printing whose page and line numbers an amendment cites.

    `amendment` is set for `with reference to page and line numbers of House
    Amendment No. 1` (then the numbers are that amendment's); otherwise the numbers
    are the bill's as printed. `as_amended` records `AS AMENDED` (the bill has been
    amended before; the numbers stay the printing's). `version` is the bill version
    the numbers belong to when it can be told from who amends whom: an amendment
    from the bill's own chamber amends the bill as introduced, one from the other
    chamber the bill as engrossed (None: cannot tell, or an amendment's numbers).
    """

    as_amended: bool = False
    amendment: str | None = None  # "House Amendment No. 1"
    amendment_code: str | None = None  # "ham001"
    version: str | None = None  # "introduced", "engrossed"

    def describe(self) -> str:
        if self.amendment:
            return f"the page and line numbers of {self.amendment}"
        printed = f"as {self.version}" if self.version else "as printed"
        return printed + (", as amended" if self.as_amended else "")

    def to_json(self) -> dict:
        return {
            "as_amended": self.as_amended,
            "amendment": self.amendment,
            "amendment_code": self.amendment_code,
            "version": self.version,
        }


@dataclass(frozen=True, slots=True)
class Target:
    """The measure an amendment amends (`HB0605`) and the printing it cites."""

    bill: str
    printing: Printing
    wording: str  # "Amend House Bill 605"
    source: SourceSpan  # where the amendment prints it

    def describe(self) -> str:
        return f"{self.bill} ({self.printing.describe()})"

    def to_json(self) -> dict:
        return {"bill": self.bill, "printing": self.printing.to_json(), "wording": self.wording, "source": self.source.to_json()}


@dataclass(frozen=True, slots=True, order=True)
class LineRef:
    page: int
    line: int

    def __str__(self) -> str:
        return f"page {self.page}, line {self.line}"

    def to_json(self) -> dict:
        return {"page": self.page, "line": self.line}


@dataclass(frozen=True, slots=True)
class LineRange:
    """Printed lines `first` to `last`, both included (`last` may be on a later page)."""

    first: LineRef
    last: LineRef

    @staticmethod
    def one(page: int, line: int) -> "LineRange":
        return LineRange(LineRef(page, line), LineRef(page, line))

    def describe(self) -> str:
        first, last = self.first, self.last
        if first == last:
            return str(first)
        if first.page == last.page:
            joint = "and" if last.line == first.line + 1 else "through"
            return f"page {first.page}, lines {first.line} {joint} {last.line}"
        return f"line {first.line} on page {first.page} through line {last.line} on page {last.page}"

    def to_json(self) -> dict:
        return {"first": self.first.to_json(), "last": self.last.to_json()}


@dataclass(frozen=True, slots=True)
class NewLine:
    """One printed line of an amendment's new text, where the amendment printed it."""

    text: str
    position: Position
    indented: bool | None = None

    def to_json(self) -> dict:
        return {"text": self.text, "page": self.position.page, "line": self.position.line, "indented": self.indented}


@dataclass(frozen=True, slots=True)
class Edit:
    """One instruction of an amendment.

    `op` is one of `wording`'s operations. `lines` are the bill lines it cites
    (None for `replace_after_enacting_clause`). `old` is the quoted text it
    replaces or deletes; `anchor` the quoted text it inserts after or before, or
    `anchor_mark` a punctuation mark (`period`); `below` the line new lines go
    below. `new` is the new text as printed in the amendment, line by line.
    `source` is where the instruction is printed in the amendment; `wording` is
    the instruction's own words, one line, for messages.
    """

    op: str
    lines: LineRange | None
    source: SourceSpan
    wording: str
    old: str | None = None
    anchor: str | None = None
    anchor_mark: str | None = None
    new: tuple[NewLine, ...] = ()
    page_inferred: bool = False  # `on line 13` took its page from the previous instruction

    @property
    def new_text(self) -> str:
        return " ".join(line.text for line in self.new)

    @property
    def cited(self) -> LineRange:
        """The lines it cites: every op but `replace_after_enacting_clause` cites some."""
        if self.lines is None:
            raise ValueError(f"{self.op} cites no lines")
        return self.lines

    def where(self) -> str:
        """`amendment line 6`, or `amendment page 2, line 6`: where the instruction is printed."""
        return amendment_place(self.source.start)

    def describe(self) -> str:
        """A short phrase: `page 3, line 2: replace "X" with "Y"`."""
        place = self.lines.describe() if self.lines else "the whole bill"
        new = _quoted(self.new_text)
        anchor = _quoted(self.anchor) if self.anchor is not None else f"the {self.anchor_mark}"
        action = {
            amendments.REPLACE_TEXT: f"replace {_quoted(self.old)} with {new}",
            amendments.DELETE_TEXT: f"delete {_quoted(self.old)}",
            amendments.INSERT_AFTER: f"insert {new} after {anchor}",
            amendments.INSERT_BEFORE: f"insert {new} before {anchor}",
            amendments.REPLACE_LINES: f"replace the line{'s' if self._many() else ''} with {_lines(len(self.new))} of new text",
            amendments.DELETE_LINES: f"delete the line{'s' if self._many() else ''}",
            amendments.INSERT_BELOW: f"insert {_lines(len(self.new))} below the line",
            amendments.REPLACE_ALL: f"replace everything after the enacting clause with {_lines(len(self.new))}",
        }[self.op]
        return f"{place}: {action}"

    def _many(self) -> bool:
        return self.lines is not None and self.lines.first != self.lines.last

    def to_json(self) -> dict:
        return {
            "op": self.op,
            "lines": self.lines.to_json() if self.lines else None,
            "old": self.old,
            "anchor": self.anchor,
            "anchor_mark": self.anchor_mark,
            "new_text": self.new_text if self.new else None,
            "new_lines": [line.to_json() for line in self.new],
            "page_inferred": self.page_inferred,
            "source": self.source.to_json(),
            "wording": self.wording,
            "describe": self.describe(),
        }


@dataclass(frozen=True, slots=True)
class Problem:
    """An instruction the parser could not read, where it is printed and why. An instruction
    whose new text the copy cuts off keeps that text as far as the copy goes (`new`)."""

    source: SourceSpan
    message: str
    wording: str
    op: str | None = None  # what the instruction would do, where its form could be told
    new: tuple[NewLine, ...] = ()

    def __str__(self) -> str:
        return f"{amendment_place(self.source.start)}: {self.message}"

    def to_json(self) -> dict:
        return {"source": self.source.to_json(), "message": self.message, "wording": self.wording, "op": self.op,
                "new_text": " ".join(line.text for line in self.new) if self.new else None}


@dataclass(frozen=True, slots=True)
class Amendment:
    """A parsed page-and-line amendment."""

    name: str
    identity: Identity
    target: Target
    edits: tuple[Edit, ...]
    problems: tuple[Problem, ...] = ()

    @property
    def whole_replacement(self) -> bool:
        """It only replaces everything after the enacting clause (even where the copy of the
        new text is cut off): compare it bill to bill."""
        ops = [edit.op for edit in self.edits] + [problem.op for problem in self.problems]
        return bool(ops) and all(op == amendments.REPLACE_ALL for op in ops)

    def replacement(self) -> tuple[Edit, bool] | None:
        """A whole replacement's one instruction, and whether its copy is cut off: then the
        instruction holds the new text as far as the copy goes (None: not a whole replacement,
        or several instructions)."""
        if not self.whole_replacement or len(self.edits) + len(self.problems) != 1:
            return None
        if self.edits:
            return self.edits[0], False
        problem = self.problems[0]
        if not problem.new:
            return None
        return Edit(amendments.REPLACE_ALL, None, problem.source, problem.wording, new=problem.new), True

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "identity": self.identity.to_json(),
            "target": self.target.to_json(),
            "whole_replacement": self.whole_replacement,
            "edits": [edit.to_json() for edit in self.edits],
            "problems": [problem.to_json() for problem in self.problems],
        }


def amendment_place(position: Position) -> str:
    """`amendment line 6` on the first page, `amendment page 2, line 6` after it."""
    if position.line is None:
        return "amendment"
    if position.page in (None, 1):
        return f"amendment line {position.line}"
    return f"amendment page {position.page}, line {position.line}"


def _quoted(text: str | None) -> str:
    text = text or ""
    return f'"{text}"' if len(text) <= 60 else f'"{text[:57]}..."'


def _lines(count: int) -> str:
    return f"{count} line" + ("" if count == 1 else "s")


# --------------------------------------------------------------- the text


@dataclass(slots=True)
class PrintedLine:
    """One printed line of a document: its position, words and indentation."""

    position: Position
    words: list[Word]
    indented: bool | None = None

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)


def printed_lines(source: Document | ReadResult) -> list[PrintedLine]:
    """A document's words regrouped into the lines they were printed on, in reading order.

    From a `ReadResult` each body line is one printed line (with its indentation);
    from a `Document` consecutive words at one page:line make one line (the tree
    keeps every word once and in reading order), indentation unknown.
    """
    if isinstance(source, ReadResult):
        return [PrintedLine(line.position, line.words(), line.indented) for line in source.lines if line.text]
    if isinstance(source, Document):
        lines: list[PrintedLine] = []
        for word in source.root.all_words():
            if lines and lines[-1].position == word.position and word.position.line is not None:
                lines[-1].words.append(word)
            else:
                lines.append(PrintedLine(word.position, [word]))
        return lines
    raise StatdiffError(f"cannot read an amendment from {type(source).__name__}")


@dataclass(slots=True)
class _Joined:
    """A document's words joined by single spaces, with where each word starts."""

    text: str
    words: list[Word]
    starts: list[int]
    line_start_indent: dict[int, bool | None] = field(default_factory=dict)  # word index -> indentation

    @staticmethod
    def of(lines: list[PrintedLine]) -> "_Joined":
        words: list[Word] = []
        starts: list[int] = []
        indents: dict[int, bool | None] = {}
        offset = 0
        for line in lines:
            indents[len(words)] = line.indented
            for word in line.words:
                starts.append(offset)
                words.append(word)
                offset += len(word.text) + 1
        text = " ".join(word.text for word in words).translate(STRAIGHT_QUOTES)
        return _Joined(text, words, starts, indents)

    def word_at(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def position(self, offset: int) -> Position:
        return self.words[self.word_at(offset)].position if self.words else Position()

    def span(self, start: int, end: int) -> SourceSpan:
        return SourceSpan(self.position(start), self.position(max(start, end - 1)))

    def new_lines(self, start: int, end: int) -> tuple[NewLine, ...]:
        """The text from `start` to `end` (a passage), cut back into the amendment's lines."""
        lines: list[NewLine] = []
        first_word = self.word_at(start)
        current: list[str] = []
        position = None
        indented = None
        for index in range(first_word, len(self.words)):
            word_start = self.starts[index]
            if word_start >= end:
                break
            word = self.words[index]
            piece = self.text[max(start, word_start): min(end, word_start + len(word.text))]
            if word.position != position:
                if current and position is not None:
                    lines.append(NewLine(" ".join(current), position, indented))
                current, position = [], word.position
                # the passage starts this printed line (after its opening quote, if on this word)
                at_line_start = index in self.line_start_indent and not self.text[word_start:start].strip('"')
                indented = self.line_start_indent.get(index) if at_line_start else None
            if piece.strip():
                current.append(piece.strip())
        if current and position is not None:
            lines.append(NewLine(" ".join(current), position, indented))
        return tuple(lines)


# ------------------------------------------------------------- the parser


@dataclass(slots=True)
class _Passage:
    start: int  # offset of the first character inside the quotes
    end: int  # offset of the closing quote
    role: str
    closed: bool


@dataclass(slots=True)
class _Instruction:
    start: int
    end: int = 0
    parts: list = field(default_factory=list)  # str (plain text) or _Passage


def parse_amendment(source: Document | ReadResult) -> Amendment:
    """Read an amendment's preamble and instructions.

    Raises `StatdiffError` when the text has no `Amend House Bill N` preamble (it is
    not an amendment); an instruction it cannot read becomes a `Problem`.
    """
    joined = _Joined.of(printed_lines(source))
    identity = identity_of(source)
    name = source.name
    preamble = amendments.PREAMBLE.search(joined.text)
    stop = None
    if preamble is not None and identity.version == measures.ACCEPTANCE_MOTION:
        # a motion to accept the Governor's recommendations: they end at its date line
        closing = None
        for closing in amendments.MOTION_CLOSING.finditer(joined.text, preamble.end()):
            pass
        stop = closing.start() if closing is not None else None
    if preamble is None:
        # a Governor's amendatory veto: its recommendations, up to `With this change, ...`
        preamble = amendments.VETO_PREAMBLE.search(joined.text)
        closing = amendments.VETO_CLOSING.search(joined.text, preamble.end()) if preamble is not None else None
        stop = closing.start() if closing is not None else None
    if preamble is None:
        raise StatdiffError(f"{name}: not an amendment (no \"Amend House Bill ...\" or \"Amend Senate Bill ...\","
                            " nor a Governor's \"I hereby return ... with the following specific recommendations for"
                            " change\")")
    target = _target(preamble, identity, joined.span(preamble.start(), preamble.end()))
    edits: list[Edit] = []
    problems: list[Problem] = []
    page = None
    for instruction in _instructions(joined, preamble.end(), stop):
        result = _read_instruction(joined, instruction, page)
        if isinstance(result, Problem):
            # the copy's line numbers skip inside it: the likely cause (`lost_lines.py`)
            printed = joined.words[joined.word_at(instruction.start): joined.word_at((instruction.end or len(joined.text)) - 1) + 1]
            cause = lost_lines_cause(lost_lines([word.position for word in printed]))
            problems.append(replace(result, message=result.message + cause) if cause else result)
            continue
        edits.append(result)
        if result.lines is not None:
            page = result.lines.last.page
    if not edits and not problems:
        problems.append(Problem(joined.span(preamble.start(), preamble.end()), "no instruction after the preamble", preamble.group(0).strip()))
    return Amendment(name, identity, target, tuple(edits), tuple(problems))


def _target(preamble: re.Match, identity: Identity, source: SourceSpan) -> Target:
    """The bill and printing an amendment's preamble names; a Governor's amendatory veto
    (`VETO_PREAMBLE`, which has no `as_amended` or reference groups), and a motion to accept
    it, return the enrolled bill."""
    groups = preamble.groupdict()
    bill = measures.measure_code(preamble)
    amendment = code = None
    if groups.get("ref_chamber"):
        number = int(preamble["ref_number"])
        amendment = f"{preamble['ref_chamber'].capitalize()} Amendment No. {number}"
        code = f"{preamble['ref_chamber'][0].lower()}am{number:03d}"
    # the Governor's recommendations, and a motion that prints them to accept them, amend the enrolled bill
    recommended = "as_amended" not in groups or identity.version == measures.ACCEPTANCE_MOTION
    version = "enrolled" if recommended else None if amendment else _printed_version(bill, identity.amendment)
    printing = Printing(bool(groups.get("as_amended")), amendment, code, version)
    end = max(preamble.end(group) for group in ("number", "as_amended", "ref_number") if groups.get(group))
    wording = " ".join(preamble.string[preamble.start(): end].split()).rstrip(",")
    return Target(bill, printing, wording, source)


def _printed_version(bill: str, amendment_code: str | None) -> str | None:
    """An amendment from the bill's own chamber amends it as introduced; one from the
    other chamber amends it as engrossed (it passed the first chamber to get there)."""
    own = measures.from_own_chamber(bill, amendment_code)
    return None if own is None else "introduced" if own else "engrossed"


def _instructions(joined: _Joined, start: int, stop: int | None = None) -> list[_Instruction]:
    """Cut the text after the preamble (up to `stop`, where the instructions end before the
    text does) into instructions of plain text and passages: a `;` in plain text ends an
    instruction (a `;` inside quotes does not)."""
    text = joined.text if stop is None else joined.text[:stop]
    done: list[_Instruction] = []
    current = _Instruction(_instruction_start(text, start))
    position = start
    while position < len(text):
        quote = text.find('"', position)
        plain_end = len(text) if quote < 0 else quote
        offset = position
        for index, piece in enumerate(text[position:plain_end].split(";")):
            if index and not _introduces_passage(current, piece, plain_end < len(text)):
                current.end = offset - 1
                if _has_content(current):
                    done.append(current)
                current = _Instruction(_instruction_start(text, offset))
            elif index:
                piece = ":" + piece  # `with the following;` before the passage: a misprinted colon
            current.parts.append(piece)
            offset += len(piece) + 1
        if quote < 0:
            break
        passage = _passage(text, quote, _role(current.parts))
        current.parts.append(passage)
        position = passage.end + 1 if passage.closed else len(text)
    current.end = len(text)
    if _has_content(current):
        done.append(current)
    return done


def _instruction_start(text: str, offset: int) -> int:
    """Where the next instruction's own words start: after spaces and the `and` of `; and`."""
    match = amendments.SEPARATOR.match(text, offset)
    return match.end() if match else offset


def _introduces_passage(current: _Instruction, after: str, quote_follows: bool) -> bool:
    """A `;` that stands for the colon of `with the following:` (a passage follows at once)."""
    if after.strip() or not quote_follows:
        return False
    before = "".join(part for part in current.parts if isinstance(part, str)).split()
    return bool(before) and before[-1].lower() in ("following", "follows")


def _has_content(instruction: _Instruction) -> bool:
    return any(isinstance(part, _Passage) or _words_of(part) for part in instruction.parts)


def _words_of(plain: str) -> str:
    """Plain text without the separators around instructions (`and`, `.`, spaces)."""
    return amendments.SEPARATOR.sub("", plain).strip(" .,")


def _role(parts: list) -> str:
    """A passage's role from the word before its opening quote."""
    before = "".join(part for part in parts if isinstance(part, str)).split()
    last = before[-1].lower().strip(",:") if before else ""
    if last == "replacing":
        return OLD
    if last == "deleting":
        return DELETED
    if last in ("after", "before"):
        return ANCHOR
    return NEW


def _passage(text: str, quote: int, role: str) -> _Passage:
    """The passage opening at `quote`: closed by the first run of quotes that its role's
    closer accepts after it (the run's last quote closes; the others belong to the text)."""
    closer = _CLOSERS[role]
    search = quote + 1
    while True:
        found = text.find('"', search)
        if found < 0:
            return _Passage(quote + 1, len(text), role, closed=False)
        run_end = found
        while run_end + 1 < len(text) and text[run_end + 1] == '"':
            run_end += 1
        if closer.match(text, run_end + 1):
            return _Passage(quote + 1, run_end, role, closed=True)
        search = run_end + 1


def _read_instruction(joined: _Joined, instruction: _Instruction, page: int | None) -> Edit | Problem:
    text = joined.text
    passages = [part for part in instruction.parts if isinstance(part, _Passage)]
    skeleton = "".join(amendments.HOLE if isinstance(part, _Passage) else part for part in instruction.parts)
    skeleton = " ".join(amendments.SEPARATOR.sub("", skeleton, count=1).split()).rstrip(" .")
    source = joined.span(instruction.start, instruction.end or len(text))
    wording = " ".join(text[instruction.start: instruction.end or len(text)].split()).rstrip(";")
    cut_off = bool(passages) and not passages[-1].closed
    location = amendments.LOCATION.match(skeleton)
    assert location is not None, "LOCATION matches any text, if only its empty start"
    verb = skeleton[location.end():]
    loc_page = int(location["page"]) if location["page"] else None
    page_inferred = False
    if loc_page is None and location["first"] and page is not None:
        loc_page, page_inferred = page, True
    cited = _line_range(loc_page, location["first"], location["last"])
    if cited is not None and _not_next(location, cited):
        return Problem(source, f"lines {cited.first.line} and {cited.last.line} are not next to each other", wording)
    for op, form in amendments.FORMS:
        match = form.match(verb)
        if match is not None and not cut_off:
            holes = _holes(verb, match, passages)
            return _edit(joined, op, match, holes, cited, loc_page, source, wording, page_inferred)
        if match is not None or form.match(verb + " " + amendments.HOLE):
            why = "its quoted text has no closing quote" if cut_off else "it stops before its new text"
            # where the instructions end before the text does (a Governor's message closes with `With
            # this change, ...`), the copy is whole: the quote was never closed
            where = " (the copy may be cut off here)" if (instruction.end or len(text)) >= len(text) else \
                " before the instructions end"
            holes = _holes(verb, match, passages) if match is not None else {}
            new = joined.new_lines(holes["new"].start, holes["new"].end) if "new" in holes else ()
            return Problem(source, f"{why}{where}", wording, _operation(op, verb), new)
    return Problem(source, f"cannot read this instruction: {_clip(wording)}", wording)


def _operation(op: str, verb: str) -> str:
    if op != "insert_at":
        return op
    after = re.search(r"\bafter\b", verb, re.IGNORECASE) is not None
    return amendments.INSERT_AFTER if after else amendments.INSERT_BEFORE


def _holes(verb: str, match: re.Match[str], passages: list[_Passage]) -> dict[str, _Passage]:
    """Which passage fills each named hole of a form (holes count from the left)."""
    offsets = [m.start() for m in re.finditer(re.escape(amendments.HOLE), verb)]
    found: dict[str, _Passage] = {}
    for name in ("old", "anchor", "new"):
        if name in match.re.groupindex and match.group(name) is not None:
            found[name] = passages[offsets.index(match.start(name))]
    return found


def _edit(joined: _Joined, op: str, match: re.Match[str], holes: dict[str, _Passage], cited: LineRange | None,
          page: int | None, source: SourceSpan, wording: str, page_inferred: bool) -> Edit | Problem:
    text = joined.text
    new = joined.new_lines(holes["new"].start, holes["new"].end) if "new" in holes else ()
    old = _passage_text(text, holes["old"]) if "old" in holes else None
    if "new" in holes and not new and op not in (amendments.REPLACE_TEXT,):
        return Problem(source, "the new text is empty", wording)
    if op == amendments.REPLACE_ALL:
        return Edit(op, None, source, wording, new=new)
    if op == "insert_at":
        op = amendments.INSERT_AFTER if match["relation"].lower() == "after" else amendments.INSERT_BEFORE
        anchor = _passage_text(text, holes["anchor"]) if "anchor" in holes else None
        mark = " ".join(match["mark"].lower().split()) if match["mark"] else None
        if cited is None:
            return Problem(source, "the instruction names no page and line", wording)
        return Edit(op, cited, source, wording, anchor=anchor, anchor_mark=mark, new=new, page_inferred=page_inferred)
    if op == amendments.INSERT_BELOW:
        if page is None:
            return Problem(source, "the instruction names no page", wording)
        return Edit(op, LineRange.one(page, int(match["below"])), source, wording, new=new, page_inferred=page_inferred)
    if op in (amendments.REPLACE_LINES, amendments.DELETE_LINES):
        lines = _range(match["range"], page)
        if isinstance(lines, str):
            return Problem(source, lines, wording)
        return Edit(op, lines, source, wording, new=new, page_inferred=page_inferred)
    if cited is None:
        return Problem(source, "the instruction names no page and line", wording)
    if not old:
        return Problem(source, "the quoted text to change is empty", wording)
    return Edit(op, cited, source, wording, old=old, new=new, page_inferred=page_inferred)


def _passage_text(text: str, passage: _Passage) -> str:
    return " ".join(text[passage.start: passage.end].split())


def _not_next(match: re.Match[str], lines: LineRange) -> bool:
    """`lines 19 and 20` names two lines next to each other; `lines 5 and 13` is a misprint."""
    joint = match.groupdict().get("joint")
    return joint is not None and joint.lower() == "and" and lines.last.line != lines.first.line + 1


def _line_range(page: int | None, first: str | None, last: str | None) -> LineRange | None:
    if page is None or first is None:
        return None
    return LineRange(LineRef(page, int(first)), LineRef(page, int(last or first)))


def _range(words: str, page: int | None) -> LineRange | str:
    """`lines 2 through 4`, `line 25 on page 29 through line 4 on page 30`, ... as a range,
    or the reason it cannot be one."""
    words = " ".join(words.split()).rstrip(",")
    for pattern in amendments.RANGES:
        match = pattern.fullmatch(words)
        if match is None:
            continue
        groups = match.groupdict()
        first_page = int(groups["page"]) if groups.get("page") else page
        if first_page is None:
            return "the instruction names no page"
        last_page = int(groups["last_page"]) if groups.get("last_page") else first_page
        last = groups.get("last") or groups.get("second_start") or groups.get("first_end") or groups["first"]
        lines = LineRange(LineRef(first_page, int(groups["first"])), LineRef(last_page, int(last)))
        if lines.last < lines.first:
            return f"the range {lines.describe()} ends before it starts"
        if _not_next(match, lines):
            return f"lines {lines.first.line} and {lines.last.line} are not next to each other"
        return lines
    return f"cannot read the lines {words!r}"


def _clip(text: str, limit: int = 100) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
