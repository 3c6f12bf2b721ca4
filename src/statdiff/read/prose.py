"""Documents that are not Illinois legislation: contracts, policies, markdown.

Every non-blank line of the source is one body line (`ProseLine`, page None and
the source line number as its line) that says what the line is: a heading and its
level, a bulleted list item and its indent, a row of a table and its cells, a line
of code, or text. `statdiff.clauses` builds the clause tree from them.

The reader drops markup that is not words of the document, and nothing else. Each
drop is made by one of the rules in `DROP_RULES` and listed in `ReadResult.dropped`
with its line and column, so that an audit can check, without trusting this
reader, that the source's words are the body's words plus the listed drops.
Inline markup (`**bold**`, `[a link](url)`, backticks) stays in the words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from statdiff.model import BodyLine, Drop, Identity, ReadResult
from statdiff.read.common import MARKUP_RULES as DROP_RULES
from statdiff.read.common import DOC_ID, LRB, RUNNING_HEADER, normalize, split_lines
from statdiff.read.identity import recommendations_identity
from statdiff.read.page_numbers import footer_page_numbers, longest_count, marked_page_number, page_number_lines

# What a line is (`ProseLine.block`).
TEXT, HEADING, BULLET, ROW, CODE, QUOTE, FRONT_MATTER = "text", "heading", "bullet", "row", "code", "quote", "front_matter"
# A definition list's term (`<dt>`) and description (`<dd>`) as an HTML page displays them.
TERM, DESCRIPTION = "term", "description"


BULLETS = "-*+•‣◦▪●○■□–"
TAB_WIDTH = 4
SETEXT_MAX_WORDS = 15  # a longer paragraph over a `---` line is text and a rule, not a heading
FRONT_MATTER_MAX_LINES = 60

_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_ATX = re.compile(r"^ {0,3}(?P<marker>#{1,6})(?=[ \t]|$)")
_ATX_CLOSE = re.compile(r"[ \t]+(#+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?P<char>[-*_=])[ \t]*(?:(?P=char)[ \t]*){2,}$")
# A reStructuredText section title's underline: one punctuation sign repeated, at least as long
# as the title above it (`Composition` over `~~~~~~~~~~~`, `Powers` over `^^^^^^`).
_UNDERLINE = re.compile(r"^(?P<char>[=\-~^\"'`*+#:._])(?P=char){2,}[ \t]*$")
MARKDOWN_UNDERLINES = "=-"  # setext: `===` a level 1 heading, `---` level 2
_BULLET = re.compile(rf"^(?P<indent>[ \t]*)(?P<bullet>[{re.escape(BULLETS)}])(?:[ \t]+|$)")
_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?")
_PIPE = re.compile(r"(?<!\\)\|")
# An ILGA page's header before its text: the document's name (`093_SB1523avm001`) and its
# drafting office's number (`LRB093 11000 BDD 18280 v`), which a text that is no bill never opens with.
_DOCUMENT_HEADER = re.compile(rf"^\s*(?P<header>(?:(?:{DOC_ID.pattern}) )?(?:{LRB.pattern}))(?=\s|$)")
_DELIMITER_CELL = re.compile(r"^\s*:?-+:?\s*$")


@dataclass(slots=True)
class ProseLine(BodyLine):
    """A body line of a document that is not legislation, and what kind of line it is.

    `level`: a heading's level (1-6; a setext `===` heading is 1, `---` is 2); for any
    other line its indent in columns (a tab is four). `gap`: a blank line or a rule
    comes before it. `cells`: a table row's cells (empty cells included); `table`: which
    table of the document the row belongs to (1, 2, ...); `header`: the row above a
    table's delimiter row.
    """

    block: str = TEXT
    level: int = 0
    gap: bool = False
    cells: tuple[str, ...] = ()
    table: int = 0
    header: bool = False


def read(text: str, name: str) -> ReadResult:
    raw_lines = split_lines(text)
    lexer = _Lexer(raw_lines, page_furniture(raw_lines, page_number_lines(text, before_break=True)[0]))
    lexer.run()
    body: list[BodyLine] = list(lexer.body)
    # a Governor's letter (a motion on it) is prose, but says its bill (the page's header, its General Assembly)
    headed = [BodyLine(lexer.header, None, 1), *body] if lexer.header else body
    identity = recommendations_identity(headed) or Identity()
    return ReadResult(body, "prose", identity, None, name, dropped=_placed(lexer.dropped, raw_lines))


def _placed(dropped: list[Drop], raw_lines: list[str]) -> list[Drop]:
    """The drops in source order, each with how many body words come before it (`after`), so
    that the audit can put body and drops back together: the body words of a line are its
    words once every drop is cut out of it. Only the lines that drop something are looked
    at word by word; the words of the lines between them are counted (`str.split` and the
    `\\S+` runs agree: both split at what `str.isspace` calls a space)."""
    by_line: dict[int, list[Drop]] = {}
    for drop in dropped:
        by_line.setdefault(drop.line or 0, []).append(drop)
    placed: list[Drop] = []
    words_before = 0
    counted = 0  # the lines whose words `words_before` counts
    for number in sorted(number for number in by_line if 1 <= number <= len(raw_lines)):
        words_before += sum(len(raw.split()) for raw in raw_lines[counted:number - 1])
        raw = raw_lines[number - 1]
        drops = sorted(by_line[number], key=lambda drop: drop.column or 0)
        masked = raw
        for drop in drops:
            start = drop.column or 0
            masked = masked[:start] + " " * len(drop.text) + masked[start + len(drop.text):]
        starts = [match.start() for match in _WORD_RUN.finditer(masked)]
        for drop in drops:
            before = sum(1 for start in starts if start < (drop.column or 0))
            placed.append(replace(drop, after=words_before + before))
        words_before += len(starts)
        counted = number
    return placed


def words_less_drops(text: str, dropped: list[Drop]) -> list[list[str]]:
    """The words of each source line once the listed drops are cut out of it (the audit's
    side of the comparison: it uses only the source and the drops, not the body lines)."""
    by_line: dict[int, list[Drop]] = {}
    for drop in dropped:
        by_line.setdefault(drop.line or 0, []).append(drop)
    words = []
    for number, raw in enumerate(split_lines(text), start=1):
        for drop in sorted(by_line.get(number, ()), key=lambda drop: -(drop.column or 0)):
            if raw[drop.column or 0:(drop.column or 0) + len(drop.text)] != drop.text:
                raise ValueError(f"line {number}: no {drop.text!r} at column {drop.column}")
            column = drop.column or 0
            raw = raw[:column] + " " + raw[column + len(drop.text):]
        words.append(raw.split())
    return words


# ---------------------------------------------------------------- a printed document's pages
# Text taken from a PDF (a contract, a policy) prints each page's number, and often a running
# header or footer, between its paragraphs; two paginations of one text would differ there.

PAGE_NUMBER = "page number"
PAGE_HEADER = "page header or footer"
PAGE_EDGE_LINES = 2  # printed lines beside a page number where a running header or footer stands
PAGE_FURNITURE_MAX_WORDS = 12
_DIGITS = re.compile(r"\d+")
_WORD_RUN = re.compile(r"\S+")


def page_furniture(lines: list[str], bare: list[int] | None = None) -> tuple[dict[int, str], set[int]]:
    """(line index -> the rule that drops it, the blank lines of the page breaks) of a text
    printed in pages: lines that are only a page number (`Page 2 of 4`, `- 2 -`), two or more
    numbered in sequence; lines that read the same, numbers aside, beside at least half of
    them (and two or more), and at the top of the first page (a running header or footer);
    and the blank lines around each page break, so that a paragraph runs on across it.
    Where no line reads as a page number, the lines that are only a number and end a page
    (`bare`: their indices, `page_numbers.page_number_lines(text, before_break=True)`: before
    an empty line, where `pdftotext` ends a page with a form feed) are taken for page numbers
    only as `page_numbers.footer_page_numbers` takes them (counting the pages, a page's worth of
    lines apart); nothing beside them is taken for a header: a bare number is weaker evidence."""
    numbered = [(index, value) for index, line in enumerate(lines)
                if line and not line.isspace() and (value := marked_page_number(normalize(line))) is not None]
    run = _longest_sequence(numbered)
    if len(run) < 2:
        footers = sorted(footer_page_numbers(lines, bare)) if bare and len(bare) >= 2 else []
        furniture = {index: PAGE_NUMBER for index in footers}
        return furniture, {near for index in footers for step in (-1, 1) for near in _blank_beside(lines, index, step, furniture)}
    furniture = {index: PAGE_NUMBER for index in run}
    beside: dict[str, list[int]] = {}
    for index in [-1, *run]:  # (-1: the top of the first page)
        for near in _printed_near(lines, index):
            beside.setdefault(_DIGITS.sub("#", normalize(lines[near])), []).append(near)
    for shape, found in beside.items():
        if len(found) >= max(2, len(run) / 2) and len(shape.split()) <= PAGE_FURNITURE_MAX_WORDS:
            furniture.update((index, PAGE_HEADER) for index in found if index not in furniture)
    between = {near for index in run for step in (-1, 1) for near in _blank_beside(lines, index, step, furniture)}
    return furniture, between


def _longest_sequence(numbered: list[tuple[int, int]]) -> list[int]:
    """The line indices of the longest run of page numbers that go up by one, in order."""
    return longest_count([(index, value, index) for index, value in numbered])


def _printed_near(lines: list[str], index: int) -> list[int]:
    """The PAGE_EDGE_LINES printed lines before and after line `index` (after only, for -1)."""
    found: list[int] = []
    for step in (-1, 1):
        near, count = index + step, 0
        while 0 <= near < len(lines) and count < PAGE_EDGE_LINES:
            if lines[near].strip():
                found.append(near)
                count += 1
            near += step
    return found


def _blank_beside(lines: list[str], index: int, step: int, furniture: dict[int, str]) -> list[int]:
    """The blank lines from a page number outwards (`step`), through the page's furniture."""
    blank: list[int] = []
    near = index + step
    while 0 <= near < len(lines) and (not lines[near].strip() or near in furniture):
        if not lines[near].strip():
            blank.append(near)
        near += step
    return blank


class _Lexer:
    """Walks the source lines once, keeping what each line is and what it drops."""

    def __init__(self, lines: list[str], furniture: tuple[dict[int, str], set[int]] = ({}, set())):
        self.lines = lines
        self.furniture, self.between_pages = furniture
        self.body: list[ProseLine] = []
        self.dropped: list[Drop] = []
        self.gap = False
        self.fence: str | None = None  # the fence of the open code block
        self.paragraph: list[ProseLine] = []  # the text lines of the paragraph being read
        self.tables = 0
        self.table_open = False
        self.underlined: list[tuple[ProseLine, str]] = []  # each heading an underline made, and its sign
        self.header = ""  # an ILGA page's header (`_document_header`)

    def run(self) -> None:
        self._document_header()
        index = self._front_matter()
        while index < len(self.lines):
            index = self._line(index)
        self._underline_levels()

    def _underline_levels(self) -> None:
        """Markdown underlines its headings with `===` (level 1) and `---` (level 2) only; a text
        that underlines with any other sign is reStructuredText, whose levels are its signs in
        the order they first appear (`=` 1, `-` 2, `~` 3 in a PEP)."""
        signs = [sign for _, sign in self.underlined]
        if all(sign in MARKDOWN_UNDERLINES for sign in signs):
            return
        order = list(dict.fromkeys(signs))
        for heading, sign in self.underlined:
            heading.level = min(order.index(sign) + 1, 6)

    # ------------------------------------------------------------ one line
    def _line(self, index: int) -> int:
        raw = self.lines[index]
        number = index + 1
        if self.fence is not None:
            self._code_line(raw, number, self.fence)
            return index + 1
        if index in self.furniture:
            self._drop_whole_line(self.furniture[index], raw, number)
            return index + 1
        if index in self.between_pages:
            return index + 1  # a blank line of a page break: the paragraph runs on
        if not raw.strip():
            self._break()
            return index + 1
        underline = _UNDERLINE.match(raw)
        if underline and underline["char"] not in MARKDOWN_UNDERLINES and self._underlines_a_title(raw, number):
            self._rule(underline["char"], raw, number, underline=True)  # not a `~~~` fence, a `####` heading
            return index + 1
        fence = _FENCE.match(raw)
        if fence and not (fence["fence"][0] == "`" and "`" in fence["info"]):
            self._drop_whole_line("code fence", raw, number)
            self.fence = fence["fence"]
            self._break(gap=False)
            return index + 1
        if self.table_open:
            if _PIPE.search(raw):
                self._row(raw, number, header=False)
                return index + 1
            self.table_open = False
        rule = _RULE.match(raw)
        if rule:
            self._rule(rule["char"], raw, number)
            return index + 1
        if _PIPE.search(raw) and index + 1 < len(self.lines) and _is_delimiter_row(self.lines[index + 1]):
            self.tables += 1
            self.table_open = True
            self._row(raw, number, header=True)
            self._drop_whole_line("table delimiter row", self.lines[index + 1], number + 1)
            return index + 2
        if _is_bare_pipe_row(raw) and index + 1 < len(self.lines) and _is_bare_pipe_row(self.lines[index + 1]):
            self.tables += 1
            self.table_open = True
            self._row(raw, number, header=False)
            return index + 1
        atx = _ATX.match(raw)
        if atx:
            self._atx_heading(raw, number, atx)
            return index + 1
        self._text_line(raw, number)
        return index + 1

    def _break(self, gap: bool = True) -> None:
        """A blank line (or the end of a block): the next line starts a new paragraph."""
        self.gap = self.gap or gap
        self.paragraph = []
        self.table_open = False

    def _emit(self, text: str, number: int, block: str, level: int,
              cells: tuple[str, ...] = (), table: int = 0, header: bool = False) -> ProseLine | None:
        text = normalize(text)
        if not text:
            return None
        line = ProseLine(text, None, number, block=block, level=level, gap=self.gap, cells=cells, table=table, header=header)
        self.gap = False
        self.body.append(line)
        return line

    def _drop(self, rule: str, text: str, number: int, column: int) -> None:
        self.dropped.append(Drop(rule, text, None, number, 0, column))

    def _drop_whole_line(self, rule: str, raw: str, number: int) -> None:
        stripped = raw.strip()
        self._drop(rule, stripped, number, raw.index(stripped))

    # ------------------------------------------------------------ blocks
    def _document_header(self) -> None:
        """An ILGA page's header before its text, on its first line: the document's name and
        its drafting office's number (`093_SB1523avm001 LRB093 11000 BDD 18280 v MOTION I move
        ...`, a motion on the Governor's recommendations): furniture, as on a bill's page."""
        first = next((index for index, line in enumerate(self.lines) if line.strip()), None)
        header = _DOCUMENT_HEADER.match(self.lines[first]) if first is not None else None
        if first is None or header is None:
            return
        self._drop(RUNNING_HEADER, header["header"], first + 1, header.start("header"))
        self.header = header["header"]
        line = self.lines[first]
        self.lines[first] = " " * header.end() + line[header.end():]

    def _front_matter(self) -> int:
        """A markdown file may open with `---`, metadata lines and `---` (or `...`)."""
        if not self.lines or self.lines[0].strip() != "---":
            return 0
        for index in range(1, min(len(self.lines), FRONT_MATTER_MAX_LINES)):
            if self.lines[index].strip() in ("---", "..."):
                self._drop_whole_line("front matter fence", self.lines[0], 1)
                for inner in range(1, index):
                    self._emit(self.lines[inner], inner + 1, FRONT_MATTER, _indent(self.lines[inner]))
                self._drop_whole_line("front matter fence", self.lines[index], index + 1)
                self._break()
                return index + 1
        return 0

    def _code_line(self, raw: str, number: int, fence: str) -> None:
        stripped = raw.strip()
        if stripped and set(stripped) == {fence[0]} and len(stripped) >= len(fence):
            self._drop_whole_line("code fence", raw, number)
            self.fence = None
            self._break()
            return
        self._emit(raw, number, CODE, _indent(raw))

    def _underlines_a_title(self, raw: str, number: int) -> bool:
        """The line is right under a one-line paragraph and at least as long as it
        (reStructuredText's rule for a title's underline; a markdown fence or rule is no such line)."""
        title = self.paragraph[0] if len(self.paragraph) == 1 else None
        return title is not None and title.line == number - 1 and \
            len(raw.rstrip()) >= len(self.lines[title.line - 1].rstrip())

    def _rule(self, char: str, raw: str, number: int, underline: bool = False) -> None:
        """`---` or `===` (or a reStructuredText `underline`) under a one-line paragraph underlines
        a heading; anywhere else it is a rule."""
        heading = self.paragraph[0] if len(self.paragraph) == 1 else None
        if (char in MARKDOWN_UNDERLINES or underline) and heading is not None and heading.block == TEXT \
                and len(heading.text.split()) <= SETEXT_MAX_WORDS:
            heading.block, heading.level = HEADING, 1 if char == "=" else 2
            self.underlined.append((heading, char))
            self._drop_whole_line("heading underline", raw, number)
        else:
            self._drop_whole_line("rule line", raw, number)
        self._break()

    def _row(self, raw: str, number: int, header: bool) -> None:
        pipes = [match.start() for match in _PIPE.finditer(raw)]
        for column in pipes:
            self._drop("table pipe", "|", number, column)
        cells = [normalize(cell) for cell in _cells(raw)]
        text = " ".join(cell for cell in cells if cell)
        self._emit(text, number, ROW, _indent(raw), cells=tuple(cells), table=self.tables, header=header)
        self.paragraph = []

    def _atx_heading(self, raw: str, number: int, atx: re.Match) -> None:
        self._drop("heading marker", atx["marker"], number, atx.start("marker"))
        rest = raw[atx.end():]
        closing = _ATX_CLOSE.search(rest)
        if closing and rest[:closing.start()].strip():
            self._drop("heading marker", closing[1], number, atx.end() + closing.start(1))
            rest = rest[:closing.start()]
        elif rest.strip() and set(rest.strip()) == {"#"}:  # `## ##`: an empty heading closed
            self._drop("heading marker", rest.strip(), number, atx.end() + rest.index("#"))
            rest = ""
        self._emit(rest, number, HEADING, len(atx["marker"]))
        self._break(gap=False)

    def _text_line(self, raw: str, number: int) -> None:
        block, column, rest = TEXT, 0, raw
        quote = _QUOTE.match(rest)
        while quote:  # `> > nested quote`
            block = QUOTE
            self._drop("quote marker", ">", number, column + rest.index(">"))
            column += quote.end()
            rest = rest[quote.end():]
            quote = _QUOTE.match(rest)
        bullet = _BULLET.match(rest)
        if bullet:
            self._drop("list bullet", bullet["bullet"], number, column + bullet.start("bullet"))
            self._emit(rest[bullet.end():], number, BULLET, _indent(bullet["indent"]))
            self.paragraph = []
            return
        line = self._emit(rest, number, block, _indent(rest))
        if line is not None:
            self.paragraph.append(line)


def _indent(text: str) -> int:
    width = 0
    for character in text:
        if character == " ":
            width += 1
        elif character == "\t":
            width += TAB_WIDTH - width % TAB_WIDTH
        else:
            break
    return width


def _cells(raw: str) -> list[str]:
    stripped = raw.strip()
    cells = _PIPE.split(stripped)
    if stripped.startswith("|"):
        cells = cells[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|"):
        cells = cells[:-1]
    return cells


def _is_delimiter_row(raw: str) -> bool:
    """`|---|:---:|`, `--- | ---`: the row under a table's header (at least one pipe)."""
    if not _PIPE.search(raw):
        return False
    cells = _cells(raw)
    return bool(cells) and all(_DELIMITER_CELL.match(cell) for cell in cells)


def _is_bare_pipe_row(raw: str) -> bool:
    """`| a | b |`: a row of a table printed without a delimiter row (it opens and closes with a pipe)."""
    stripped = raw.strip()
    return len(stripped) > 2 and stripped.startswith("|") and stripped.endswith("|") and not _is_delimiter_row(raw)
