"""Pieces shared by the readers: the printing's furniture (LRB numbers, page markers,
running headers), the named rules every dropped token is dropped by, a body and its drops,
when a page's numbering restarts, and the cutting of flattened text into lines. The
line-number engine that every numbered rendering feeds is `numbering.py`.

Every reader records what it leaves out of the body (`Drop`: the text, the named rule,
where it was printed, how many body words come before it), so that an audit can check,
against the source and not against the reader, that nothing else went missing.
"""

from __future__ import annotations

import re
import itertools
from collections.abc import Iterable

from statdiff.law import citations, definitions, enumerators, measures, units
from statdiff.law.compiling import when_used
from statdiff.model import BodyLine, Drop

NBSP = "\u00a0"

# ---------------------------------------------------------------- the rules that drop text
# Every token a reader leaves out of the body is left out by one of these, by name.
LINE_NUMBER = "line number"
RUNNING_HEADER = "running header"
CELL_SEPARATOR = "table cell separator"
FRONT_MATTER = "front matter"
SYNOPSIS = "synopsis"
LRB_NUMBER = "LRB number"
SITE_CHROME = "site chrome"
DISCLAIMER = "ILCS disclaimer"
ACT_HEADING = "Act heading"
CHAPTER_HEADING = "chapter heading"
NAVIGATION_CITATION = "navigation citation"
SITE_SCRIPT = "site script"
PUBLIC_ACT_HEADER = "Public Act header"
BILL_STATUS = "bill-status metadata"
# The rules by which the reader of documents that are not Illinois legislation (`prose.py`)
# drops a token of markdown or plain-text markup that is not a word of the document.
MARKUP_RULES = {
    "table pipe": "a `|` that opens, closes or separates the cells of a table row",
    "table delimiter row": "the `|---|:---:|` row under a table's header row",
    "heading marker": "the `#` to `######` that open a markdown heading, and the `#`s that may close it",
    "heading underline": "the `===` or `---` line under a one-line (setext) heading, or a reStructuredText title's underline (`~~~`, `^^^`, ...)",
    "rule line": "a line of nothing but three or more `-`, `*`, `_` or `=` (a horizontal rule)",
    "list bullet": "the `-`, `*`, `+`, `•` (or another bullet sign) opening a bulleted list item",
    "quote marker": "a `>` opening a block-quote line",
    "code fence": "a line of three or more backticks or tildes (and the language after them) around a code block",
    "front matter fence": "the `---` lines around the metadata block at the top of a markdown file",
    "page number": "a line that is only a page's number (`Page 2 of 4`, `- 2 -`), two or more numbered in sequence",
    "page header or footer": "a line that reads the same, numbers aside, beside most page numbers (a running header or footer)",
}
# A page's number alone on its line beside a running header (text extracted from a PDF that
# prints its page numbers in the footer): the same rule, by the same name, as the prose reader's.
PAGE_NUMBER = "page number"
RULES = (
    LINE_NUMBER, RUNNING_HEADER, CELL_SEPARATOR, FRONT_MATTER, SYNOPSIS, LRB_NUMBER, SITE_CHROME,
    DISCLAIMER, ACT_HEADING, CHAPTER_HEADING, NAVIGATION_CITATION, SITE_SCRIPT, PUBLIC_ACT_HEADER,
    BILL_STATUS, *MARKUP_RULES,
)

# ---------------------------------------------------------------- the printing's furniture
# The offices whose document number heads a document and each of its pages: the Legislative
# Reference Bureau (`LRB094 07564 RXD 37732 b`), the budget office (`OMB103 00152 NHB 45152 b`),
# and the caucus staffs that draft appropriation bills and their amendments in the same form:
# Senate Democratic Staff (`SDS100 00059 MRR 10059 b`), Senate Republican Staff (`SRS096 00031
# SAH 10031 a`), House Democratic Staff (`HDS093 00061 TWH 00061 a`) and, by the same scheme,
# House Republican Staff (`HRS`).
DRAFTING_OFFICES = ("LRB", "OMB", "SDS", "SRS", "HDS", "HRS")
# LRB094 07564 RXD 37732 b (any of the offices) / LRB9215491JSpcA / LRB9100872MWgcam01 (a
# legisnet amendment). Spaces are single (`\s?`, ` `): callers search normalised text or short
# physical lines.
LRB = when_used(
    rf"(?:{'|'.join(DRAFTING_OFFICES)})\s?\d{{3}}\s{{1,3}}\d{{5}}\s{{1,3}}[A-Z]{{2,4}}\s{{1,3}}\d{{5}}\s{{1,3}}[a-z]\b"
    r"|LRB\d{7}[A-Za-z]{2,8}\d{0,2}\b"
)


def names_drafting_office(text: str) -> bool:
    """Whether `text` holds a drafting office's letters, which every document number opens
    with (a substring test each: most lines hold none, and need no regex)."""
    return any(office in text for office in DRAFTING_OFFICES)


def _page_marker(space: str) -> str:
    return rf"-{space}(\d{{1,4}}){space}-"


# The printed page number, `- 2 -` (group 1: the number).
PAGE_MARKER = when_used(_page_marker(r"\s{0,3}"))
# The same as legisnet and the 93rd GA ftp pages print it, without spaces: `-2-`.
TIGHT_PAGE_MARKER = when_used(_page_marker(""))
# A document id as printed in headers: 10200SB0731sam002, HB1633, HC0044HAM001, 91_SB0331eng.
DOC_ID = when_used(
    rf"\b(?:\d{{5}}|\d{{2,3}}_)?(?:{measures.FILE_KINDS_TEXT})\d{{1,4}}(?:[hs]am\d{{3}}|HAM\d{{3}}|SAM\d{{3}}|ccr\d{{3}}|avm\d{{3}}|eng|enr|LV)?\b"
)
VERSION_WORDS = r"(?:Enrolled|Engrossed|Introduced|Re-Enrolled)"
# What a running header holds besides its LRB number.
_HEADER_WORDS = when_used(VERSION_WORDS + r"|General Assembly|\d+(?:st|nd|rd|th)|House|Senate|Amendment")


def normalize(text: str) -> str:
    """Single spaces, NBSP as whitespace, stripped (`str.split` and `\\s` agree
    on what whitespace is)."""
    return " ".join(text.split())


def csv_text_column(header: list[str]) -> int | None:
    """Which cell of a statutes CSV header row is the `text` column (spaces,
    quotes and case ignored: `Text`, ` text `, `"text"`), or None."""
    cells = [cell.strip().strip('"').strip().lower() for cell in header]
    return cells.index("text") if "text" in cells else None


# Every character `str.split()` takes for whitespace besides the space, the line end, the tab
# and NBSP (which readers test a line for one by one): a text holding none of these has
# no whitespace a line's cheap tests (`"  " in line`, `"\t" in line`) could miss.
RARE_SPACES = "\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"


def has_rare_spaces(text: str) -> bool:
    """Whether `text` holds any of `RARE_SPACES` (one substring scan each)."""
    return any(space in text for space in RARE_SPACES)


# Two spaces or more. Written to open with both spaces, so that the search skips from one
# double space to the next (a pattern opening `  +` would stop at every single space).
_SPACE_RUN = when_used("   *")


def normalize_simply_spaced(text: str) -> str:
    """`normalize(text)` for a text whose only whitespace is spaces, tabs, NBSP and line ends
    (the caller knows: no `RARE_SPACES`): stripped, each tab, NBSP and line end inside made a
    space, and each run of spaces made one. Most lines hold none of them and are only
    stripped; a whole Act's paragraph holds dozens, and is made single-spaced twice as fast
    as by splitting it into words and joining them again."""
    text = text.strip()
    for space in ("\t", NBSP, "\n"):
        if space in text:
            text = text.replace(space, " ")
    return _SPACE_RUN.sub(" ", text) if "  " in text else text


def normalize_long(text: str) -> str:
    """`normalize(text)` for a long text (a flattened Act): a few substring scans tell the
    usual single-spaced text, which is only stripped, from one to split into words."""
    return normalize(text) if has_rare_spaces(text) else normalize_simply_spaced(text)


def shows_indentation(lines: list[str]) -> bool:
    """Whether a page without line numbers shows its paragraph indents: some line of it opens
    with whitespace. ILGA indents with NBSPs, which a browser's copy or a crawler often turns
    into ordinary spaces (`    The facilities of those libraries`); either marks a paragraph."""
    return any(raw[:1] in (" ", NBSP, "\t") and raw.strip() for raw in lines)


def split_lines(text: str) -> list[str]:
    if "\r" in text:  # a decoded file never has one: no copies of a text that needs none
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def is_running_header(text: str) -> bool:
    """A page header line: an LRB number with little else around it
    (`HB1633 Enrolled - 2 - LRB094 07564 RXD 37732 b`, `-2-   LRB9215491JSpcA`), or the same
    header printed more than once on the line, as mirrors print it (`HR0020- 2 -LRB104 07296 JDS
    17335 r   HR0020 - 2 - LRB104 07296 JDS 17335 r`)."""
    if not names_drafting_office(text):
        return _is_marker_line(text)  # most lines: no regex needed
    text = normalize(text)
    rest, found = LRB.subn(" ", text)
    if not found:
        return _is_marker_line(text)
    rest = PAGE_MARKER.sub(" ", rest)
    rest = DOC_ID.sub(" ", rest)
    rest = _HEADER_WORDS.sub(" ", rest)
    return len(normalize(rest.replace("|", " "))) <= 3


# A legisnet page's header line when its document number is not the LRB's: the page marker and
# the number, one token (`-2-   BOB-01springsupp`, the budget office's; `-2-   HDS92HB0371JLa777cm`),
# or the marker alone. No printed line of a numbered page is that and nothing else.
_MARKER_LINE = when_used(rf"{_page_marker('')}(?: (?=\S*[A-Za-z])(?=\S*\d)\S{{4,40}})?")


def _is_marker_line(text: str) -> bool:
    stripped = text.lstrip()
    return stripped[:1] == "-" and _MARKER_LINE.fullmatch(normalize(stripped)) is not None


def header_page(text: str) -> int | None:
    match = PAGE_MARKER.search(LRB.sub(" ", normalize(text)))
    return int(match.group(1)) if match else None


# ---------------------------------------------------------------- a body and its drops


class Body:
    """The body lines a reader emits, in order, and what it drops between them."""

    def __init__(self) -> None:
        self.lines: list[BodyLine] = []
        self.dropped: list[Drop] = []
        self._words = 0  # the words of the first `_counted` lines
        self._counted = 0

    @property
    def words(self) -> int:
        """How many words the body holds so far (a normalised line's spaces and one). Counted
        when asked, over the lines added since: only a drop asks, and most of a whole Act's
        lines come after its last drop."""
        if self._counted < len(self.lines):
            new = self.lines[self._counted:]
            self._words += sum(line.text.count(" ") + 1 for line in new if line.text)
            self._counted = len(self.lines)
        return self._words

    def add(self, line: BodyLine) -> None:
        self.lines.append(line)

    def extend(self, lines: list[BodyLine]) -> None:
        """Lines in order, as `add` adds them one by one."""
        self.lines.extend(lines)

    def extend_cut(self, text: str) -> None:
        """A normalised text cut into lines at the starts of its units (`split_normalized`).
        Its words are counted on the whole text, if the lines before are counted: each cut
        is a space taken out between two lines, so the lines hold its spaces and one."""
        parts = split_normalized(text)
        if self._counted == len(self.lines) and parts:
            self._words += text.count(" ") + 1
            self._counted += len(parts)
        self.lines.extend(map(BodyLine, parts))

    def drop(self, rule: str, text: str, page: int | None = None, line: int | None = None) -> None:
        """Record `text` (if it has any words) as dropped by `rule`, here in the body."""
        clean = normalize(text)
        if clean:
            self.dropped.append(Drop(rule, clean, page, line, self.words))

    def drop_at(self, rule: str, text: str, after: int, page: int | None = None, line: int | None = None) -> None:
        clean = normalize(text)
        if clean:
            self.dropped.append(Drop(rule, clean, page, line, after))


# ---------------------------------------------------------------- a page's numbering restarted
# Asked by the line-number engine (`numbering.py`) and by detection alike.

# How far the printing may skip ahead: a page that lost a line or two.
MAX_SKIP = 3
# How far ahead a restart of the numbering is looked for its line 2.
RESTART_REACH = 80


def restart_confirmed(following: Iterable[str | None], last_line: int) -> bool:
    """Whether a `1` that follows line `last_line` among the words of a page run together opens
    a new page: the next number in sequence after it (`following`: the numbers standing as
    words after the `1`, in order, None at a running header) is that page's 2, not the current
    page's next line (`... 10 Amendment No. 1 to House Bill 1134 ... 11 (1) that ...`)."""
    continuing = range(last_line + 1, last_line + MAX_SKIP + 2)
    for text in itertools.islice(following, RESTART_REACH):
        if text is None or text == "2":
            return True
        if int(text) in continuing:
            return False
    return True


# ---------------------------------------------------------------- cutting flattened text
# Where a flattened text (an Act on one CSV row, a Public Act or PDF text run together) is
# cut back into lines: at the space before each `ahead`, when the text before that space
# ends with `after` (None: whatever it ends with). The text is normalised first (single
# spaces), so every cut is one space followed by one of a few characters (`opens`).
_SECTION_NUMBER = units.SECTION_TEXT + " "
_CUTS: tuple[tuple[str | None, str, str], ...] = (
    # a citation line, a version note, a Source note, `Sec. N.`, `ARTICLE N.`, the enacting clause
    (None, citations.ANY_CITATION_TEXT, "("),
    (None, units.VERSION_OPENING_TEXT + r"\b", "("),
    (None, units.SOURCE_OPEN_TEXT, "("),
    (None, units.SEC_TEXT + "(?: |$)", "S"),
    (None, units.ARTICLE_TEXT + " ", "A"),
    (None, units.ENACTING_CLAUSE_TEXT, "B"),
    # `Section N.` opening a sentence or following a heading in capitals
    ("[.:]", _SECTION_NUMBER, "S"),
    ("[A-Z]{2}", _SECTION_NUMBER, "S"),
    # an enumerator opening a sentence: `(a) The`, `(2) "Term"`
    ("[.:]", enumerators.TEXT + r" [A-Z\"]", "("),
    # a defined term opening a sentence
    ("[.:]", definitions.CUE_TEXT, '"'),
)


def _break_in_normalized() -> str:
    """Every cut is one space before one of a few characters, so one split pass with that
    literal prefix finds them and rejects every other space at once (the pattern's text)."""
    grouped: dict[str | None, list[str]] = {}
    for after, ahead, _ in _CUTS:
        grouped.setdefault(after, []).append(ahead)
    opens = "".join(sorted({re.escape(opens) for _, _, opens in _CUTS}))
    alternatives = (
        (f"(?<={after} )" if after else "") + f"(?={'|'.join(aheads)})" for after, aheads in grouped.items()
    )
    return f" (?=[{opens}])(?:" + "|".join(alternatives) + ")"


_BREAK_IN_NORMALIZED = when_used(_break_in_normalized())


def split_normalized(text: str) -> list[str]:
    """A normalised text (single spaces, stripped) cut at the starts of its units."""
    return _BREAK_IN_NORMALIZED.split(text) if text else []


def split_flat(text: str) -> list[str]:
    """Any text cut at the starts of its units: normalised first, so that no pattern ever
    scans a run of whitespace (linear time on any input)."""
    return split_normalized(normalize(text))
