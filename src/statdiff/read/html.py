"""HTML input: saved ilga.gov pages (and statdiff's own redlines) read as text.

An HTML page is turned into the plain text a browser would show, one printed
line a line, keeping for every character whether it was printed underlined
(`<u>`, `<ins>`, `text-decoration: underline`: new text) or struck through
(`<s>`, `<strike>`, `<del>`, `line-through`: deleted text). That text goes to
the plain-text readers (`statdiff.read.read_text`), so an HTML page gives the
same body lines, page:line and identity as its plain-text twin; the marks are
then carried over, word by word, onto the readers' `BodyLine.marks`.

Layouts, as ilga.gov serves them:
  * a table, one `<tr>` a printed line (line-number cell, text cell, sometimes
    empty cells), header rows with the bill name, `- 2 -` and the LRB number;
  * `<pre>` text (legisnet, plain renderings);
  * `<p>` / `<br>` lines with the line numbers inline.

Parsing is done by lxml's HTML parser with no network access and no huge-tree
mode; scripts, styles, comments and navigation are dropped. A page declaring
entities in a DTD internal subset, or carrying megabyte attributes, is refused.

libxml2 parses HTML 4, and two of its habits would hide text a browser shows:
  * an HTML5 void element it does not know (`<embed>`, `<wbr>`, `<source>`,
    `<track>`, `<keygen>`...) is taken for a container of everything after it,
    so one `<embed>` before the `<pre>` hid the whole bill (the element's
    content is dropped) and 300 `<wbr>` nested 300 levels deep. Every void
    start tag is given its end tag before parsing (`close_void_elements`);
  * an element whose content is dropped (`<object>`, `<video>`, `<form>`,
    `<nav>`, `<svg>`... see `DROPPED`) and is never closed holds the rest of
    the page. When a page has more start tags than end tags of such an
    element, its content is read on that page instead (as a browser shows an
    object's fallback content): an unclosed tag never hides the bill.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TypeAlias

import lxml.etree
import lxml.html

from statdiff.errors import StatdiffError
from statdiff.model import DELETED, INSERTED, BodyLine, ReadResult

# An element of the tree lxml parses a page into (lxml ships no type information: to mypy
# this is `Any`, to a reader it says what the argument is).
Element: TypeAlias = lxml.etree._Element

NBSP = "\u00a0"
GENERATOR = "statdiff"

# Elements whose content is never bill text.
DROPPED = {
    "script", "style", "noscript", "template", "head", "title", "meta", "link",
    "nav", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math",
    "form", "select", "button", "input", "textarea", "option", "map", "area", "canvas",
    "audio", "video",
}
# Never have content (HTML5 void elements, and the obsolete ones browsers treat so).
# `br` is left alone: libxml2 knows it, and an HTML5 parser reads `</br>` as a break.
VOID = {
    "area", "base", "col", "embed", "hr", "img", "image", "input", "link", "meta", "source", "track", "wbr",
    "basefont", "bgsound", "frame", "keygen", "param",
}
# Dropped elements whose content libxml2 reads as raw text (as a browser does), or
# whose end tag is optional: one of these left open is not undone.
RAW_TEXT = {"script", "style", "title", "iframe", "textarea", "noembed", "noframes", "xmp", "plaintext", "head"}
CAN_HIDE_THE_PAGE = DROPPED - VOID - RAW_TEXT - {"option"}
_VOID_START = re.compile(r"<(?:%s)(?=[\s/>])" % "|".join(sorted(VOID)), re.I)
# The rest of a start tag up to its `>`, quoted attribute values skipped; possessive,
# so a tag that never ends is scanned once, not once per way to split it.
_TAG_REST = re.compile(r"""(?:[^>"'=]++|=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]*+)|["'=])*+>""")
_HIDING_TAG = re.compile(r"<(/?)(%s)(?=[\s/>])" % "|".join(sorted(CAN_HIDE_THE_PAGE)), re.I)
BLOCKS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table",
    "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "center", "address", "hr",
    "body", "html", "pre", "fieldset", "figure", "figcaption", "details", "summary",
}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
LISTS = {"ul", "ol"}
# A definition (description) list's term and its description: the blocks of the prose reader's
# `TERM` and `DESCRIPTION` lines, which the clause tree reads as a definition of that term.
DESCRIPTION_BLOCKS = {"dt": "term", "dd": "description"}
INSERT_TAGS = {"u", "ins"}
DELETE_TAGS = {"s", "strike", "del"}
_DECORATION = re.compile(r"text-decoration(?:-line)?\s*:\s*([^;]*)", re.I)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_COLLAPSIBLE = re.compile(r"[ \t\r\n\f]+")
_INTERNAL_SUBSET = re.compile(r"<!DOCTYPE[^>\[]*\[", re.I)
_ENTITY_DECLARATION = re.compile(r"<!ENTITY", re.I)
MAX_ATTRIBUTE = 1_000_000
_LONG_ATTRIBUTE = re.compile(r"=\s*(?:\"[^\"]{%d,}|'[^']{%d,})" % (MAX_ATTRIBUTE, MAX_ATTRIBUTE))


@dataclass(slots=True)
class MarkedLine:
    """One line of the page as displayed, with a mark (or None) per character; and the
    block it was displayed in (`block`: `heading` and its level 1-6, `item` of a list and how
    many lists hold it, `row` of a table, `term` and `description` of a definition list, else
    `text`), `opens`: the line is the first of its
    block. A row's `cells` (each cell's text, empty ones too), `table` (which table of the
    page, 1, 2, ...) and `header` (its cells are all `<th>`, or it is in the `<thead>`)."""

    text: str = ""
    marks: list = field(default_factory=list)
    block: str = "text"
    level: int = 0
    opens: bool = False
    cells: tuple[str, ...] = ()
    table: int = 0
    header: bool = False

    def append(self, text: str, mark: str | None) -> None:
        self.text += text
        self.marks.extend([mark] * len(text))


# ------------------------------------------------------------------ parsing


def parse_html(text: str, name: str) -> Element:
    """Parse `text` safely into an lxml element tree, or refuse it."""
    head = text[:65536]
    if _INTERNAL_SUBSET.search(head) or _ENTITY_DECLARATION.search(text):
        raise StatdiffError(f"{name}: HTML declaring entities in a DOCTYPE is not read (entity expansion is unsafe)")
    if _LONG_ATTRIBUTE.search(text):
        raise StatdiffError(f"{name}: an HTML attribute over {MAX_ATTRIBUTE // 1_000_000} MB; not a bill page")
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    text = close_void_elements(text)
    parser = lxml.html.HTMLParser(
        no_network=True, huge_tree=False, remove_comments=True, remove_pis=True, recover=True
    )
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError) as error:
        raise StatdiffError(f"{name}: not readable as HTML ({' '.join(str(error).split())})") from None
    if root is None:
        raise StatdiffError(f"{name}: not readable as HTML")
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        # libxml2 stops at 256 levels of nesting (or a 10 MB text node) and drops the rest
        raise StatdiffError(f"{name}: the HTML is nested too deeply (over 256 levels) or too large to read safely")
    _show_unclosed(root, text)
    return root


def close_void_elements(text: str) -> str:
    """`text` with an end tag after every void element's start tag (`<embed src=x>`
    becomes `<embed src=x></embed>`), so libxml2 cannot nest what follows inside it.
    Linear: each tag is scanned once, and a tag that never ends stops the scan."""
    pieces, position = [], 0
    while (start := _VOID_START.search(text, position)) is not None:
        rest = _TAG_REST.match(text, start.end())
        if rest is None:  # the tag runs to the end of the page
            break
        end = rest.end()
        pieces.append(text[position:end])
        pieces.append(f"</{start.group(0)[1:]}>")
        position = end
    if not pieces:
        return text
    pieces.append(text[position:])
    return "".join(pieces)


def _show_unclosed(root: Element, text: str) -> None:
    """Read the content of a dropped element left open on this page (more start
    tags than end tags): libxml2 put the rest of the page inside it."""
    balance: dict[str, int] = {}
    for match in _HIDING_TAG.finditer(text):
        tag = match.group(2).lower()
        balance[tag] = balance.get(tag, 0) + (-1 if match.group(1) else 1)
    unclosed = {tag for tag, count in balance.items() if count > 0}
    if not unclosed:
        return
    for element in list(root.iter(*unclosed)):
        element.tag = "span"  # inline and never dropped: its content reads as the page shows it


def is_statdiff_redline(root: Element) -> bool:
    """True for a redline statdiff itself wrote (`<meta name="generator" content="statdiff">`)."""
    for meta in root.iter("meta"):
        if (meta.get("name") or "").lower() == "generator" and (meta.get("content") or "").lower().startswith(GENERATOR):
            return True
    return False


# ------------------------------------------------------------ text extraction


def _own_mark(element: Element) -> str | None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in INSERT_TAGS:
        return INSERTED
    if tag in DELETE_TAGS:
        return DELETED
    style = element.get("style")
    if style:
        for value in _DECORATION.findall(style):
            value = value.lower()
            if "line-through" in value:
                return DELETED
            if "underline" in value:
                return INSERTED
    return None


def _is_dropped(element: Element) -> bool:
    tag = element.tag
    if not isinstance(tag, str):  # comments, processing instructions, entities
        return True
    if tag in DROPPED:
        return True
    if (element.get("role") or "").lower() == "navigation":
        return True
    style = element.get("style")
    return bool(style and _HIDDEN.search(style)) or element.get("hidden") is not None


class _LineBuilder:
    """Collects displayed text into lines, collapsing whitespace as a browser does
    outside `<pre>` (NBSP is kept: the readers treat it as whitespace)."""

    def __init__(self) -> None:
        self.lines: list[MarkedLine] = []
        self.current = MarkedLine()
        self.pipe_tables: dict = {}
        self.tables: dict = {}  # table element -> its number in the page (tables of rows, not pipes)
        self.blocks: list[tuple[str, int]] = []  # the headings and list items open, innermost last
        self.lists = 0  # the lists (`ul`, `ol`) open
        self.opening = True  # the next line is the first of its block

    def enter(self, tag: str) -> None:
        """A block element opens: a heading or a list item is the block of the lines inside it."""
        if tag in LISTS:
            self.lists += 1
        elif tag in HEADINGS:
            self.blocks.append(("heading", int(tag[1])))
        elif tag == "li":
            self.blocks.append(("item", max(self.lists, 1)))
        elif tag in DESCRIPTION_BLOCKS:
            self.blocks.append((DESCRIPTION_BLOCKS[tag], 0))
        self.opening = True

    def leave(self, tag: str) -> None:
        if tag in LISTS:
            self.lists = max(self.lists - 1, 0)
        elif (tag in HEADINGS or tag == "li" or tag in DESCRIPTION_BLOCKS) and self.blocks:
            self.blocks.pop()
        self.opening = True

    def text(self, text: str, mark: str | None, pre: bool) -> None:
        if not text:
            return
        if pre:
            parts = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            for index, part in enumerate(parts):
                if index:
                    self.hard_break()
                self.current.append(part.replace("\t", "    "), mark)
            return
        text = _COLLAPSIBLE.sub(" ", text)
        if text.startswith(" ") and (not self.current.text or self.current.text.endswith(" ")):
            text = text[1:]
        self.current.append(text, mark)

    def hard_break(self) -> None:
        self._finish()
        self.current = MarkedLine()

    def soft_break(self) -> None:
        if self.current.text.strip(" "):
            self.hard_break()
        else:
            self.current = MarkedLine()

    def _finish(self) -> None:
        line = self.current
        end = len(line.text.rstrip(" "))
        block, level = self.blocks[-1] if self.blocks else ("text", 0)
        if line.block == "row":
            block, level = "row", 0
        self.lines.append(MarkedLine(line.text[:end], line.marks[:end], block, level, self.opening,
                                     line.cells, line.table, line.header))
        self.opening = False

    def done(self) -> list[MarkedLine]:
        self.soft_break()
        return self.lines


def _simple_row(element: Element) -> bool:
    return element.tag == "tr" and next(element.iterdescendants("table"), None) is None


def _inline_content(element: Element, mark: str | None) -> MarkedLine:
    """The text of a table cell as one line: breaks inside a cell are spaces."""
    builder = _LineBuilder()
    _walk(element, builder, mark, pre=False, inline=True)
    return builder.current


def _cells(row: Element) -> list[Element]:
    return [cell for cell in row if isinstance(cell.tag, str) and cell.tag in ("td", "th") and not _is_dropped(cell)]


def _pipe_table(row: Element, known: dict[Element, bool]) -> bool:
    """A table laid out as the pipe renderings print it: a line-number cell, an
    empty spacer cell, the text cell (`1 | | AN ACT... |`)."""
    table = next(row.iterancestors("table"), None)
    if table is None:
        return False
    if table not in known:
        known[table] = any(_pipe_row(_cells(other)) for other in table.iter("tr"))
    return known[table]


def _pipe_row(cells: list[Element]) -> bool:
    return len(cells) >= 3 and cells[0].text_content().strip().isdigit() and not cells[1].text_content().strip()


def _row_line(row: Element, mark: str | None, pipes: bool) -> MarkedLine:
    """A table row is one printed line: its non-empty cells joined by a space,
    or, in a pipe-style table, every cell joined by ` | ` as the pipe renderings
    print them (the pipe reader then reads it like its plain-text twin)."""
    line = MarkedLine()
    for index, cell in enumerate(_cells(row)):
        content = _inline_content(cell, _own_mark(cell) or mark)
        start = len(content.text) - len(content.text.lstrip(" "))
        end = len(content.text.rstrip(" "))
        if start >= end and not pipes:
            continue
        if index and pipes:
            line.append(" | " if line.text else "| ", None)
        elif line.text:
            line.append(" ", None)
        line.text += content.text[start:end]
        line.marks.extend(content.marks[start:end])
    if pipes and line.text.strip(" |"):
        line.append(" |", None)
    return line


def _describe_row(line: MarkedLine, row: Element, tables: dict) -> None:
    """A row of a table (not a pipe rendering's): its cells' texts, its table's number in the
    page and whether it is a header row, as a markdown table row says them."""
    table = next(row.iterancestors("table"), None)
    if table is None or not line.text.strip():
        return
    cells = _cells(row)
    line.block = "row"
    line.cells = tuple(" ".join(cell.text_content().split()) for cell in cells)
    line.table = tables.setdefault(table, len(tables) + 1)
    line.header = bool(cells) and (all(cell.tag == "th" for cell in cells)
                                   or any(parent.tag == "thead" for parent in row.iterancestors()))


def _walk(root: Element, builder: _LineBuilder, mark: str | None, pre: bool, inline: bool = False) -> None:
    """Depth-first over `root`'s content without recursion (pages nest deeply)."""
    stack: list[tuple] = [("open", root, mark, pre)]
    while stack:
        action, item, mark, pre = stack.pop()
        if action == "text":
            builder.text(item, mark, pre)
            continue
        if action in ("enter", "leave"):
            if not inline:
                (builder.enter if action == "enter" else builder.leave)(item)
            continue
        if action == "break":
            if inline:
                builder.text(" ", None, False)
            elif item == "hard":
                builder.hard_break()
            else:
                builder.soft_break()
            continue
        element = item
        if _is_dropped(element):
            continue
        tag = element.tag
        inner_mark = _own_mark(element) or mark
        if tag == "br":
            stack.append(("break", "hard", mark, pre))
            continue
        if not inline and _simple_row(element):
            builder.soft_break()
            pipes = _pipe_table(element, builder.pipe_tables)
            row = _row_line(element, inner_mark, pipes)
            if not pipes:
                _describe_row(row, element, builder.tables)
            builder.current = row
            builder.hard_break()
            continue
        inner_pre = pre or tag in ("pre", "listing", "xmp", "plaintext")
        block = tag in BLOCKS
        # pushed in reverse: leaving, closing break, children (last first), text, entering,
        # opening break
        if block:
            stack.append(("leave", tag, mark, pre))
            stack.append(("break", "soft", mark, pre))
        for child in reversed(element):
            if child.tail:
                stack.append(("text", child.tail, inner_mark, inner_pre))
            stack.append(("open", child, inner_mark, inner_pre))
        if element.text:
            text = element.text
            if tag == "pre" and text.startswith("\n"):
                text = text[1:]
            stack.append(("text", text, inner_mark, inner_pre))
        if block:
            stack.append(("enter", tag, mark, pre))
            stack.append(("break", "soft", mark, pre))


def html_lines(root: Element) -> list[MarkedLine]:
    """The page as displayed: one `MarkedLine` a line."""
    body = root.find("body")
    builder = _LineBuilder()
    _walk(body if body is not None else root, builder, None, pre=False)
    return builder.done()


def html_to_text(text: str, name: str = "<html>") -> tuple[str, list[MarkedLine]]:
    """The plain text of a page and its marked lines."""
    lines = html_lines(parse_html(text, name))
    return "\n".join(line.text for line in lines), lines


# ------------------------------------------------------------- carrying marks


def carry_marks(source: list[MarkedLine], body: list[BodyLine]) -> list[BodyLine]:
    """Put the source lines' marks onto the readers' body lines.

    The body words are the source words less line numbers, headers, pipes and
    chrome, in the same order. Lines are aligned first (a body line is usually
    one source line less its number and pipes), then words inside each pair of
    lines, and inside each stretch of lines left unpaired (a flattened page, or
    lines the reader joined). Each body word takes the marks of its source word.
    """
    if not any(mark for line in source for mark in line.marks):
        return body
    source_words = [_line_words(line.text) for line in source]
    body_words = [_line_words(line.text) for line in body]
    per_line: dict[int, list[tuple[int, int, str]]] = {}

    def carry(source_span: list[tuple[int, re.Match]], body_span: list[tuple[int, re.Match]]) -> None:
        pairs = _align([m.group(0) for _, m in source_span], [m.group(0) for _, m in body_span])
        for source_index, body_index, skip in pairs:
            source_line, source_match = source_span[source_index]
            body_line, body_match = body_span[body_index]
            marks = source[source_line].marks[source_match.start() + skip:source_match.end()]
            spans = per_line.setdefault(body_line, [])
            spans.extend(
                (body_match.start() + offset, body_match.start() + offset + 1, mark)
                for offset, mark in enumerate(marks) if mark
            )

    for source_lines, body_lines in _paired_stretches(source_words, body_words):
        carry([(i, m) for i in source_lines for m in source_words[i]], [(i, m) for i in body_lines for m in body_words[i]])
    for line_index, spans in per_line.items():
        body[line_index].marks = _merge(spans, body[line_index].text)
    return body


def _line_words(text: str) -> list[re.Match]:
    return list(re.finditer(r"\S+", text))


def _key(words: list[re.Match]) -> str:
    """A line's words less bare numbers and pipes, and less a line number glued to its
    first word (`5of this Act.` keys as `of this Act.`, as its body line does)."""
    texts = [m.group(0) for m in words if not _FILLER.match(m.group(0))]
    if texts:
        texts[0] = _GLUED_NUMBER.sub("", texts[0]) or texts[0]
    return " ".join(texts)


_GLUED_NUMBER = re.compile(r"^\d+(?=\D)")


LINE_WINDOW = 200  # source lines searched ahead for a body line
LOOKAHEAD = 8  # source lines in which the next body line must follow


def _paired_stretches(
    source_words: list[list[re.Match[str]]], body_words: list[list[re.Match[str]]]
) -> Iterator[tuple[list[int], list[int]]]:
    """(source line indexes, body line indexes) to align word by word: each pair
    of lines with the same words (less numbers and pipes), and the stretches of
    unpaired lines between them.

    A body line is paired with the next source line of the same words whose
    following line also pairs with the next body line (so that a chrome line or
    a synopsis that happens to read like a body line is not taken for it).
    """
    source_keys = [_key(words) for words in source_words]
    body_keys = [_key(words) for words in body_words]
    positions: dict[str, list[int]] = {}
    for index, key in enumerate(source_keys):
        if key:
            positions.setdefault(key, []).append(index)
    source_at = body_at = 0
    for body_line, key in enumerate(body_keys):
        found = _next_pair(key, body_line, source_at, positions, source_keys, body_keys)
        if found is None:
            continue
        if body_line > body_at or found > source_at:
            yield list(range(source_at, found)), list(range(body_at, body_line))
        yield [found], [body_line]
        source_at, body_at = found + 1, body_line + 1
    if body_at < len(body_words):
        yield list(range(source_at, len(source_words))), list(range(body_at, len(body_words)))


def _next_pair(key: str, body_line: int, source_at: int, positions: dict[str, list[int]],
               source_keys: list[str], body_keys: list[str]) -> int | None:
    if not key:
        return None
    found = positions.get(key, [])
    first = bisect.bisect_left(found, source_at)
    candidates = [i for i in found[first:first + LINE_WINDOW] if i < source_at + LINE_WINDOW]
    following = next((k for k in body_keys[body_line + 1:body_line + 2] if k), None)
    for index in candidates:
        # the next body line follows within a few source lines (a page header may come between)
        if following is None or following in source_keys[index + 1:index + 1 + LOOKAHEAD]:
            return index
    return candidates[0] if len(candidates) == 1 else None


MAX_GAP = 400  # source words searched for a body word the alignment left out
MAX_MATCHER_WORK = 4_000_000  # source words x body words for difflib; past it, a greedy walk
_FILLER = re.compile(r"^(?:\d+|\|+|-)$")


def _align(source: list[str], body: list[str]) -> list[tuple[int, int, int]]:
    """(source index, body index, characters to skip) of the same word, in order:
    a source word may carry a glued line number (`3represented`) the body lacks.

    Aligned on the words that are not bare numbers or pipes (so that chrome or
    a synopsis phrase cannot be taken for a body block); a bare number in the
    body is then found between its aligned neighbours.
    """
    if len(source) * len(body) > MAX_MATCHER_WORK:
        return _align_greedy(source, body)
    source_keep = [index for index, word in enumerate(source) if not _FILLER.match(word)]
    body_keep = [index for index, word in enumerate(body) if not _FILLER.match(word)]
    matcher = difflib.SequenceMatcher(
        None, [source[i] for i in source_keep], [body[i] for i in body_keep], autojunk=False
    )
    anchors = {}
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            anchors[body_keep[block.b + offset]] = source_keep[block.a + offset]
    pairs = []
    previous_source = -1
    ordered = sorted(anchors)
    next_anchor = 0
    for body_index, word in enumerate(body):
        while next_anchor < len(ordered) and ordered[next_anchor] < body_index:
            next_anchor += 1
        if body_index in anchors:
            previous_source = anchors[body_index]
            pairs.append((previous_source, body_index, 0))
            continue
        limit = anchors[ordered[next_anchor]] if next_anchor < len(ordered) else len(source)
        window = range(previous_source + 1, min(limit, previous_source + 1 + MAX_GAP))
        glued = ((i, _glued_prefix(source[i], word)) for i in window)
        candidates = [(i, skip) for i, skip in glued if skip is not None]
        if candidates:
            previous_source, skip = candidates[-1]
            pairs.append((previous_source, body_index, skip))
    return pairs


def _glued_prefix(source_word: str, body_word: str) -> int | None:
    """0 if the words are the same, the length of a glued line number
    (`3represented` for `represented`), else None."""
    if source_word == body_word:
        return 0
    prefix = len(source_word) - len(body_word)
    if prefix > 0 and source_word.endswith(body_word) and source_word[:prefix].isdigit():
        return prefix
    return None


def _align_greedy(source: list[str], body: list[str]) -> list[tuple[int, int, int]]:
    """Each body word to the next equal source word (within `MAX_GAP`): the body is
    the source less numbers and headers, so this walk is right but for a header
    word equal to the body word after it."""
    pairs, cursor = [], 0
    for body_index, word in enumerate(body):
        for source_index in range(cursor, min(len(source), cursor + MAX_GAP)):
            skip = _glued_prefix(source[source_index], word)
            if skip is not None:
                pairs.append((source_index, body_index, skip))
                cursor = source_index + 1
                break
    return pairs


def _merge(spans: list[tuple[int, int, str]], text: str) -> tuple[tuple[int, int, str], ...]:
    """Join character marks into ranges; a run of spaces between two ranges of the
    same mark joins them (`or written material` is one inserted range)."""
    merged: list[list] = []
    for start, end, mark in sorted(spans):
        if merged and merged[-1][2] == mark and not text[merged[-1][1]:start].strip():
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end, mark])
    return tuple((start, end, mark) for start, end, mark in merged)


# ------------------------------------------------------------------- reader


def read_html(text: str, name: str) -> ReadResult:
    """Read an HTML page into body lines with page:line, identity and marks."""
    return read_parsed_html(parse_html(text, name), name)


def read_parsed_html(root: Element, name: str) -> ReadResult:
    """`read_html` for a page `parse_html` has already parsed."""
    from statdiff.read import read_text

    lines = html_lines(root)
    plain = "\n".join(line.text for line in lines)
    if not plain.strip():
        raise StatdiffError(f"{name}: the HTML page has no readable text")
    from statdiff.read.detect import detect

    rendering = detect(plain)
    if rendering == "html":  # HTML shown as text inside the page: read it as prose, not again as HTML
        rendering = "prose"
    result = read_text(plain, format=rendering, name=name)
    result.lines = carry_marks(lines, result.lines)
    if rendering == "prose":
        carry_blocks(lines, result.lines)
    result.rendering = "html"
    return result


def carry_blocks(source: list[MarkedLine], body: list[BodyLine]) -> None:
    """A page that is not legislation (a policy published as a web page) keeps its HTML
    structure as the prose reader's lines say it of a markdown file: a heading and its level,
    a list item indented by how many lists hold it, a definition list's terms (`<dt>`) and
    their descriptions (`<dd>`), and each block its own paragraph (as a blank line makes one). Each body line is the page line its `line` number names."""
    from statdiff.read.prose import BULLET, DESCRIPTION, HEADING, ROW, TERM, ProseLine

    for line in body:
        if not isinstance(line, ProseLine) or not line.line or line.line > len(source):
            continue
        shown = source[line.line - 1]
        if shown.block == "heading":
            line.block, line.level = HEADING, shown.level
        elif shown.block == "item" and shown.opens:
            line.block, line.level = BULLET, 2 * (shown.level - 1)
        elif shown.block in (TERM, DESCRIPTION):
            line.block = shown.block
        elif shown.block == "row" and " ".join(cell for cell in shown.cells if cell) == line.text:
            line.block, line.cells, line.table, line.header = ROW, shown.cells, shown.table, shown.header
        line.gap = line.gap or shown.opens
