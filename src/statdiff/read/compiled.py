"""The compiled statutes (ILCS): section pages, whole-Act pages, and the
flattened one-Act-per-row CSV.

ILCS pages have no page or line numbers. Chrome dropped: the site titles, the
LRB disclaimer ("Updating the database...", "Because the statute database..."),
the chapter heading (`BUSINESS TRANSACTIONS`), the Act heading
(`(815 ILCS 530/) Personal Information Protection Act.`, kept in the identity)
and the bare navigation citations (`815 ILCS 530/1` on its own line); in the
scraped CSV also the site's JavaScript (`enableWordFriendlyCopy(...)`).
Everything is removed by its exact shape, never up to the end of a line or row.
Beta pages are hard-wrapped with stray `|` cells; those pipes are separators.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator

from statdiff.errors import StatdiffError
from statdiff.law import citations, units
from statdiff.law.compiling import when_used
from statdiff.model import BodyLine, Drop, Identity, ReadResult
from statdiff.read.common import (
    ACT_HEADING, CELL_SEPARATOR, CHAPTER_HEADING, DISCLAIMER, NAVIGATION_CITATION, NBSP, PAGE_NUMBER, SITE_CHROME,
    SITE_SCRIPT, Body, csv_text_column, has_rare_spaces, normalize, normalize_long, normalize_simply_spaced,
    shows_indentation, split_lines, split_normalized,
)
from statdiff.read.page_numbers import footer_page_numbers, page_number_lines
from statdiff.read.csvrows import simple_rows
from statdiff.read.identity import act_from
from statdiff.read.splits import may_split, merged_lines

# The site's titles and notices: dropped wherever they stand alone on a line.
_SITE_TITLE = when_used(
    r"Illinois Compiled Statutes(?: - Full Text| \(ILCS\))?|Information maintained by the Legislative Reference Bureau"
)
_SITE_TITLE_OPENINGS = ("Illinois Compiled Statutes", "Information maintained by the Legislative Reference Bureau")
# The LRB disclaimer every ILCS page carries, sentence by sentence: removed
# exactly, so that nothing around it can go with it.
_DISCLAIMER_PARAGRAPHS = (
    "Updating the database of the Illinois Compiled Statutes (ILCS) is an ongoing process. "
    "Recent laws may not yet be included in the ILCS database, but they are found on this site "
    "as Public Acts soon after they become law. "
    "For information concerning the relationship between statutes and Public Acts, refer to the Guide.",
    "Because the statute database is maintained primarily for legislative drafting purposes, "
    "statutory changes are sometimes included in the statute database before they take effect. "
    "If the source note at the end of a Section of the statutes includes a Public Act that has not "
    "yet taken effect, the version of the law that is currently in effect may have already been "
    "removed from the database and you should refer to that Public Act to see the changes made to "
    "the current law.",
)


def _flexible(literal: str) -> str:
    return " ".join(re.escape(word) for word in literal.split())


# The disclaimer is matched in normalised text (single spaces).
_FIRST, _SECOND = (_flexible(paragraph) for paragraph in _DISCLAIMER_PARAGRAPHS)
_DISCLAIMER = when_used(rf"{_FIRST}(?: {_SECOND})?|{_SECOND}")
_DISCLAIMER_OPENINGS = tuple(" ".join(paragraph.split()[:4]) for paragraph in _DISCLAIMER_PARAGRAPHS)
# The page title the CSV rows carry just before the disclaimer.
_DISCLAIMER_PREFACE = when_used(r"Illinois Compiled Statutes \(ILCS\) ?$")
# `...other authorized method of disbursement.(Source: P.A. 103-588, eff. 6-5-24.)`
# The pattern opens with the `(` and looks back from there (at the mark and the `(`), so that
# the search skips from `(` to `(`: twenty times faster than `(?<=[.;:)\]])\(Source: `, same matches.
# The note's first word may end its line (`...Section 22-18.(Source:`, the rest on the next):
# the line's normalised text then ends there.
_GLUED_SOURCE_NOTE = when_used(r"\((?<=[.;:)\]]\()Source:(?= |$)")


# `_GLUED_SOURCE_NOTE` without its lookahead, for a line not yet normalised: it finds
# whatever a line's normalised text holds of the first (whitespace stands only between them).
_GLUED_SOURCE_OPENING = when_used(r"\((?<=[.;:)\]]\()Source:")


def _holds_glued_source_note(text: str) -> bool:
    """Whether a normalised text holds a Source note `_unglued_source_notes` would change."""
    return "(Source:" in text and _GLUED_SOURCE_NOTE.search(text) is not None


def _unglued_source_notes(text: str) -> str:
    """The space the scrape lost before a Source note put back (`...disbursement.(Source: ...`)."""
    return _GLUED_SOURCE_NOTE.sub(" (Source:", text) if "(Source:" in text else text


# `(620 ILCS 45/) County Airport Law of 1943.`: the name runs to its first
# period (or the end of the line), never further: what follows may be the body.
_ACT_HEADING_FLAT = re.compile(
    citations.ACT_HEADING_TEXT
    + rf"(?: (?P<name>(?:(?!\({citations.TITLE_TEXT} ILCS )[^\n.]){{1,300}}(?:\.(?!\S)|$)))?"
)
# A mirror's bare Act heading or breadcrumb: `25 ILCS 25/ Pre-Filing of Bills Act.`,
# `2005 Illinois 30 ILCS 500/ Illinois Procurement Code. Article 50 - ...`, and with a dash
# between citation and name (`20 ILCS 2635/ - Illinois Uniform Conviction Information Act.`:
# the dash is the page's, not the Act's name).
_BARE_ACT_HEADING = when_used(
    rf"(?<![\w(])(?P<title>{citations.TITLE_TEXT}) ILCS (?P<act>{citations.ACT_TEXT})/ (?:[-\u2013\u2014] )?"
    rf"(?P<name>[^.]{{1,200}}\.)"
)
# Where a page's statute begins: its first citation line, Act heading or `Sec. N.`.
_FIRST_UNIT = when_used(
    rf"{citations.ANY_CITATION_TEXT}|{citations.ACT_HEADING_TEXT}|{units.SEC_TEXT}(?= |$)"
)
# The first statute mark of a page: a unit, or a Source note closing a Section begun before the copy.
_FIRST_MARK = when_used(rf"{_FIRST_UNIT.pattern}|{units.SOURCE_OPEN_TEXT}")
# A run of non-breaking spaces (a whole Act's paragraph indent, `\u00a0 \u00a0 \u00a0 \u00a0 `): two
# or more, each with a space after it or not. Written to open with the NBSP itself, so that
# the search skips to the next NBSP (four times faster than `(?:\u00a0 ?){2,}`, same matches).
_INDENT_RUN = when_used(r"\u00a0(?: ?\u00a0)+ ?")
# The runs of `_INDENT_RUN` that may open a paragraph: not before a lowercase ASCII letter (most
# runs inside a paragraph are hanging indents before one). The run is taken whole (an atomic
# group: no shorter run is tried), so each match is one of `_INDENT_RUN`'s.
_OPENING_INDENT_RUN = when_used(r"\u00a0(?>(?: ?\u00a0)+ ?)(?![a-z])")
# A mirror's list bullet before a unit: `• (815 ILCS 530/10)`.
_BULLETS = frozenset("•·‣▪◦∙*")

# The scraped pages end with the site's copy-and-scale script:
# `enableWordFriendlyCopy({...}); (function () {...})();`. It is cut out by
# its brackets, so only code goes: whatever follows it stays.
_SCRIPT_START = "enableWordFriendlyCopy("
# A bracket or a string literal. Each literal is written as a run of plain characters, then
# escapes each followed by such a run (the unrolled form of `'(?:[^'\\\n]|\\.)*'`: the same
# matches, without one branch of the pattern for each character). Every branch opens with its
# one character (the brackets one by one, not as a class), so that the search skips from one
# of the nine to the next instead of trying each branch at every character of the code.
_CODE_TOKEN = when_used(
    r"""\(|\)|\{|\}|\[|\]|'[^'\\\n]*(?:\\.[^'\\\n]*)*'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"|`[^`\\]*(?:\\.[^`\\]*)*`"""
)
_IIFE_START = when_used(r"\s*\(\s*function\s*\(\s*\)\s*\{")
_CALL_END = when_used(r"\s*\(\s*\)\s*;?|\s*;")
_MAX_SCRIPT = 20_000
_STATUTE_MARK = when_used(rf"\({citations.TITLE_TEXT} ILCS |{units.SOURCE_OPEN_TEXT}|\b{units.SEC_TEXT}")


def _closing_bracket(text: str, opening: int) -> int | None:
    """The index just past the bracket closing the one at `opening`, skipping
    string literals; None if it does not close within `_MAX_SCRIPT`."""
    depth = 0
    limit = min(len(text), opening + _MAX_SCRIPT)
    for token in _CODE_TOKEN.finditer(text, opening, limit):
        kind = token.group()
        if kind in "([{":
            depth += 1
        elif kind in ")]}":
            depth -= 1
            if depth == 0:
                return token.end()
    return None


def _script_end(text: str, start: int) -> int:
    """Where the script that opens at `start` ends. The call closes at its
    bracket; an immediately invoked `(function () {...})();` after it is part
    of it. A script whose brackets never close ends at the next statute mark."""
    end = _closing_bracket(text, start + len(_SCRIPT_START) - 1)
    if end is None:
        mark = _STATUTE_MARK.search(text, start)
        return mark.start() if mark else len(text)
    semicolon = _CALL_END.match(text, end)
    end = semicolon.end() if semicolon and ";" in semicolon.group() else end
    iife = _IIFE_START.match(text, end)
    if iife:
        opening = text.index("(", end)
        closed = _closing_bracket(text, opening)
        call = _CALL_END.match(text, closed) if closed else None
        if call and "(" in call.group():
            end = call.end()
    return end


def _script_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    start = text.find(_SCRIPT_START)
    while start >= 0:
        end = _script_end(text, start)
        spans.append((start, end))
        start = text.find(_SCRIPT_START, end)
    return spans


# What every disclaimer or script span opens with: a text holding none of them holds neither.
_CHROME_OPENINGS = (_SCRIPT_START, *_DISCLAIMER_OPENINGS)


def may_hold_chrome(text: str) -> bool:
    """Whether a normalised text holds the opening words of a disclaimer or a script (three
    substring tests: cheaper than one search for the three on a paragraph)."""
    script, disclaimer, second_paragraph = _CHROME_OPENINGS
    return script in text or disclaimer in text or second_paragraph in text


def _disclaimer_spans(text: str) -> list[tuple[int, int]]:
    """Where the disclaimer stands in a normalised text (found by its first
    words, then matched whole), with the page title just before it."""
    spans = []
    position = 0
    while (start := _next_disclaimer_start(text, position)) >= 0:
        match = _DISCLAIMER.match(text, start)
        if match is None:
            position = start + 1
            continue
        preface = _DISCLAIMER_PREFACE.search(text, max(0, start - 60), start)
        spans.append((preface.start() if preface else start, match.end()))
        position = match.end()
    return spans


def _next_disclaimer_start(text: str, position: int) -> int:
    found = [at for at in (text.find(opening, position) for opening in _DISCLAIMER_OPENINGS) if at >= 0]
    return min(found, default=-1)


# The first word of each: a paragraph (its words as the page prints them) can hold an opening
# only where the page holds the opening's first word.
_CHROME_FIRST_WORDS = tuple(opening.split()[0] for opening in _CHROME_OPENINGS)


def may_hold_chrome_words(page: str) -> bool:
    """Whether a page's text, normalised or not, may hold a disclaimer or a script."""
    return any(word in page for word in _CHROME_FIRST_WORDS)


def chrome_segments(text: str) -> list[tuple[str | None, str]]:
    """A normalised text as segments in order: (None, kept text) and (rule, the
    disclaimer or the site's script)."""
    if not may_hold_chrome(text):
        # Neither can start here (a disclaimer is found by its opening words): the usual
        # paragraph of a whole Act is one kept segment, found without a search for spans.
        kept = text.strip()
        return [(None, kept)] if kept else []
    spans = sorted([(start, end, DISCLAIMER) for start, end in _disclaimer_spans(text)]
                   + [(start, end, SITE_SCRIPT) for start, end in _script_spans(text)])
    segments: list[tuple[str | None, str]] = []
    position = 0
    for start, end, rule in spans:
        if start < position:
            continue  # a script inside the disclaimer's span (never seen): the first span wins
        segments.append((None, _stripped_slice(text, position, start)))
        segments.append((rule, _stripped_slice(text, start, end)))
        position = end
    segments.append((None, _stripped_slice(text, position, len(text))))
    return [(rule, segment) for rule, segment in segments if segment]


def _stripped_slice(text: str, start: int, end: int) -> str:
    """`text[start:end].strip()`, made as one slice: a kept segment is most of a whole Act,
    which slicing and then stripping (and stripping again to test it) copied three times."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return text[start:end]


def strip_chrome(text: str) -> str:
    """A normalised text without the LRB disclaimer and the site's scripts."""
    return " ".join(segment for rule, segment in chrome_segments(text) if rule is None)


# ------------------------------------------------------------------ an ILCS page


def read_page(text: str, name: str) -> ReadResult:
    """An ILCS Section or whole-Act page (or a mirror's copy): everything before its first
    citation line, Act heading or `Sec. N.` is the site's (titles, banners, breadcrumbs,
    notices, the disclaimer, the chapter heading); the Act heading goes to the identity;
    bare navigation citations and the beta site's stray pipes are dropped; a whole Act's
    paragraphs, run together on one physical line, are cut apart at their indents."""
    lines = split_lines(text)
    page = _Page(text, name, lines)
    if "|" in text:
        furniture = _page_furniture(text, lines)  # a printed page's numbers, whatever holds a `|` (a script's `||`)
        for number, physical in enumerate(lines):
            if number in furniture:
                page.body.drop(furniture[number], physical, line=number + 1)
                continue
            for index, cell in enumerate(physical.split("|")):
                if index:
                    page.body.drop(CELL_SEPARATOR, "|")
                page.add_cell(cell)
        return page.result()
    simply_spaced = not has_rare_spaces(text)
    start = 0
    furniture = _page_furniture(text, lines)
    # a PDF's text may split a token across lines (`(Source: P` / `.A. 94-36, ...)`): one line again
    joined: Callable[[list[str]], list[str]] = merged_lines if may_split(text) else _as_printed
    for index in sorted(furniture):
        page.add_lines(joined(lines[start:index]), simply_spaced=simply_spaced)
        page.body.drop(furniture[index], lines[index], line=index + 1)  # (the source's line: no page printed)
        start = index + 1
    page.add_lines(joined(lines[start:]) if start else joined(lines), simply_spaced=simply_spaced)
    return page.result()


def _as_printed(lines: list[str]) -> list[str]:
    return lines


def _page_furniture(text: str, lines: list[str]) -> dict[int, str]:
    """The lines a PDF of the page prints on every page and that are no words of the Act (each
    line's index -> the rule that drops it): its page numbers, alone on their lines
    (`page_numbers.page_numbers`, `2`; `prose.page_furniture`, `2/6`, `Page 2 of 6`), and the lines
    that read the same beside most of them (a browser's printed date, title and address)."""
    bare, marked = page_number_lines(text)
    furniture: dict[int, str] = {}
    if len(marked) >= 2:
        from statdiff.read.prose import page_furniture  # only where lines read as page numbers

        furniture.update(page_furniture(lines)[0])
    if len(bare) >= 2:
        furniture.update((index, PAGE_NUMBER) for index in footer_page_numbers(lines, bare) if index not in furniture)
    return furniture


# A page's first statute mark is looked for in its normalised head first: a whole Act's
# megabytes are not normalised for one match near the start. A match ending this far before
# the head's end is the whole text's first (a mark is at most 60 characters, lookarounds one).
_HEAD = 65_536
_HEAD_MARGIN = 1_000
_WHITESPACE = when_used(r"\s")  # what str.split() splits at


def _first_statute_mark(text: str) -> re.Match[str] | None:
    """`_FIRST_MARK` in the normalised text (single spaces, stripped)."""
    cut = _WHITESPACE.search(text, _HEAD) if len(text) > _HEAD else None
    if cut is not None:  # the head ends at whitespace: its normalised form begins the whole's
        head = normalize(text[: cut.start()])
        found = _FIRST_MARK.search(head)
        if found is not None and found.end() <= len(head) - _HEAD_MARGIN:
            return found
    return _FIRST_MARK.search(normalize(text))


class _Page:
    def __init__(self, text: str, name: str, lines: list[str]):
        self.body = Body()
        self.identity = Identity(version="compiled")
        self.name = name
        first = _first_statute_mark(text)
        # Before the first statute mark, the text is the site's; but not on a copy that begins
        # inside a Section (its first mark is that Section's Source note), nor on a text with
        # no statute mark at all, unless the ILCS site's title or disclaimer says it is a page
        # of the site that holds no Section (`ILCS Document: ... not available.`).
        if first is None:
            normal = normalize(text)
            self.started = _SITE_TITLE.search(normal) is None and not _disclaimer_spans(normal)
        else:
            self.started = first.group(0).startswith("(Source:")
        self.chrome_possible = may_hold_chrome_words(text)
        self.shows_indent = "|" not in text and shows_indentation(lines)

    def add_cell(self, cell: str) -> None:
        """A table cell of a physical line, cut into its paragraphs."""
        run: list[BodyLine] = []
        for paragraph, indented in _paragraphs(cell):
            run = self._add_to_run(normalize(paragraph), indented, run)
        self.body.extend(run)

    def add_lines(self, lines: list[str], simply_spaced: bool) -> None:
        """The physical lines of a page without table cells, as `add_cell` reads each, faster:
        on a started page whose only whitespace is spaces, tabs and NBSP (`simply_spaced`),
        the usual line (`_ordinary_line`: one paragraph no rule can touch, most of a whole
        Act) is stripped, made a body line on the spot and kept in a run, which goes to the
        body in one step before the next line a rule reads. Every other line is read by
        `_add_physical`, which is the general path."""
        if not simply_spaced:
            run: list[BodyLine] = []
            for physical in lines:
                run = self._add_physical(physical, normalize, run)
            self.body.extend(run)
            return
        run = []
        append = run.append  # the loop's names are local: it runs once for each line of a whole Act
        started, chrome_possible, shows_indent = self.started, self.chrome_possible, self.shows_indent
        ordinary, body_line, indents = _ordinary_line, BodyLine, _INDENTS
        for physical in filter(None, lines):  # an empty line is nothing to any path
            text = physical.strip()
            if not text:
                continue
            if not started or not ordinary(text, chrome_possible):
                run = self._add_physical(physical, normalize_simply_spaced, run)
                append, started = run.append, self.started
                continue
            if "  " in text or "\t" in text:
                text = " ".join(text.split())
            append(body_line(text, None, None, physical[0] in indents if shows_indent else None))
        self.body.extend(run)

    def _add_physical(self, physical: str, normal: Callable[[str], str], run: list[BodyLine]) -> list[BodyLine]:
        """One physical line, cut at its indent runs, each paragraph normalised by `normal` and
        put onto the run or read by the rules; the run it leaves open."""
        if NBSP in physical:
            for paragraph, indented in _paragraphs(physical):
                run = self._add_to_run(normal(paragraph), indented, run)
            return run
        return self._add_to_run(normal(physical), physical[:1] in (" ", "\t"), run)

    def _add_to_run(self, text: str, indented: bool | None, run: list[BodyLine]) -> list[BodyLine]:
        """A normalised paragraph: onto the run of plain ones, or (the run added to the body
        first) read by the rules; the run it leaves open."""
        if not text:
            return run
        if self.started and _plain_paragraph(text, self.chrome_possible):
            run.append(BodyLine(text, None, None, indented if self.shows_indent else None))
            return run
        self.body.extend(run)
        self._add_marked(text, indented)
        return []

    def _add_marked(self, text: str, indented: bool | None) -> None:
        """A paragraph some rule may read: front matter, the site's chrome, an Act heading,
        a navigation citation, a Source note to unglue, a citation with a Section after it."""
        if not self.started:
            text = self._front(text)
            if not text:
                return
        for rule, segment in chrome_segments(text):
            if rule is not None:
                self.body.drop(rule, segment)
                continue
            segment = self._take_act_heading(self._drop_bullet(segment))
            if not segment:
                continue
            if _SITE_TITLE.fullmatch(segment):
                self.body.drop(SITE_CHROME, segment)
                continue
            if citations.NAVIGATION_LINE.fullmatch(segment):
                self.body.drop(NAVIGATION_CITATION, segment)
                continue
            self._add_lines(_unglued_source_notes(segment), indented if self.shows_indent else None)
            indented = None

    def _front(self, text: str) -> str:
        """Front matter: drop what comes before the first statute mark, by its kind."""
        first = _FIRST_UNIT.search(text)
        before = text[: first.start()] if first else text
        for rule, segment in chrome_segments(before.strip()):
            if rule is None:
                rule = _front_rule(segment)
                self._read_act_heading(segment)
            self.body.drop(rule, segment)
        if first is None:
            return ""
        self.started = True
        return text[first.start():]

    def _drop_bullet(self, text: str) -> str:
        """A mirror's list bullet before a unit (`• (815 ILCS 530/10)`) is the site's."""
        if text[:1] in _BULLETS and text[1:2] == " " and _FIRST_UNIT.match(text, 2):
            self.body.drop(SITE_CHROME, text[:1])
            return text[2:]
        return text

    def _read_act_heading(self, text: str) -> None:
        heading = _ACT_HEADING_FLAT.search(text) or _BARE_ACT_HEADING.search(text)
        if heading:
            self.identity.act = citations.act_name(heading["title"], heading["act"])
            self.identity.title = heading["name"] or self.identity.title

    def _take_act_heading(self, text: str) -> str:
        """`text` without a leading Act heading, which goes into the identity."""
        heading = _ACT_HEADING_FLAT.match(text)
        if not heading:
            return text
        self._read_act_heading(heading.group(0))
        self.body.drop(ACT_HEADING, heading.group(0))
        return text[heading.end():].strip()

    def _add_lines(self, text: str, indented: bool | None) -> None:
        parts = split_normalized(text) if _is_flattened_section(text) else [text]
        self.body.add(BodyLine(parts[0], None, None, indented))
        for part in parts[1:]:
            self.body.add(BodyLine(part, None, None, None))

    def result(self) -> ReadResult:
        identity = self.identity
        identity.act = identity.act or act_from([line.text for line in self.body.lines[:3]])
        # every line was normalised (`normalize`, `normalize_simply_spaced`, a line's spaces made
        # single) and cut only at single spaces or stripped: `spaced`
        return ReadResult(self.body.lines, "ilcs", identity, None, self.name, dropped=self.body.dropped, spaced=True)


def _front_rule(text: str) -> str:
    if _ACT_HEADING_FLAT.fullmatch(text) or _BARE_ACT_HEADING.fullmatch(text):
        return ACT_HEADING
    if citations.NAVIGATION_LINE.fullmatch(text):
        return NAVIGATION_CITATION
    if text.isupper() and not text.startswith("("):
        return CHAPTER_HEADING
    return SITE_CHROME


def _paragraphs(raw: str) -> list[tuple[str, bool | None]]:
    """A physical line cut at the indents inside it: a whole Act prints each paragraph of a
    Section on one physical line, each opening after a run of NBSPs. A run opens a paragraph
    only where the text before it ends a clause (`.`, `:`, `;`, `)`) and the text after it
    can open one; elsewhere it is a wrapped item's hanging indent (`one of<NBSP run>whom`).
    Each paragraph comes with whether it is indented (None: this line shows no indent)."""
    indented = raw[:1] in (" ", NBSP, "\t") if raw and not raw.isspace() else None
    if NBSP not in raw or NBSP not in raw.strip():  # a run at an end: no clause before it, or no text after
        return [(raw, indented)]
    paragraphs = []
    position = 0
    for run in _OPENING_INDENT_RUN.finditer(raw):
        after = raw[run.end():run.end() + 1]
        if not after or not (after.isupper() or after.isdigit() or after in "(\"“"):
            continue  # tested first: the runs left are mostly hanging indents before a word
        before = _last_character(raw, position, run.start())
        if before and before in ".:;)\"”":
            paragraphs.append((raw[position:run.start()], indented))
            position = run.start()
            indented = True
    paragraphs.append((raw[position:], indented))
    return paragraphs


# The characters a line is indented by (`_paragraphs` tells an indented paragraph by them).
_INDENTS = frozenset((" ", NBSP, "\t"))
# The first words of the site's titles (`_SITE_TITLE_OPENINGS`), and the first characters a
# rule of `_plain_paragraph` looks at besides `(` and digits: a bullet, the titles' `I`.
_SITE_TITLE_FIRST_WORDS = tuple(opening.split()[0] for opening in _SITE_TITLE_OPENINGS)
_MARKED_FIRST = _BULLETS | {"I"}


def _ordinary_line(text: str, chrome_possible: bool) -> bool:
    """Whether a stripped physical line of a simply spaced page is, once normalised, a single
    paragraph (no NBSP inside it, so no indent run to cut it at) that `_plain_paragraph` finds
    plain: the same tests on the stripped line, each a superset of its test on the normalised
    one (`ILCS` for ` ILCS `, `_GLUED_SOURCE_OPENING` for `_GLUED_SOURCE_NOTE`, a bullet or
    `Illinois`/`Information` first for a bullet or the site's title, a disclaimer's or
    script's first word for its opening words)."""
    if NBSP in text or "ILCS" in text or ("(Source:" in text and _GLUED_SOURCE_OPENING.search(text)):
        return False
    if text[0] in _MARKED_FIRST and (text[0] != "I" or text.startswith(_SITE_TITLE_FIRST_WORDS)):
        return False
    return not (chrome_possible and may_hold_chrome_words(text))


def _plain_paragraph(text: str, chrome_possible: bool = True) -> bool:
    """A normalised paragraph of a started page that no rule of `_Page._add_marked` can change
    or drop: it holds no glued Source note to unglue (`law.(Source: ...`; one that opens the
    paragraph is left as it is) and no disclaimer or script to cut out (none can be where
    the page holds none of their first words: `chrome_possible` False), opens
    with no bullet, and is neither a citation nor an Act heading nor a navigation line (each
    opens with `(` or a digit and names ILCS) nor the site's title. A digit is what `isdecimal`
    says, as for `\\d`."""
    first = text[0]
    if first in _BULLETS or _holds_glued_source_note(text) or (chrome_possible and may_hold_chrome(text)):
        return False
    if first == "(" or first.isdecimal():
        return " ILCS " not in text
    return first != "I" or not text.startswith(_SITE_TITLE_OPENINGS)


def _last_character(text: str, start: int, end: int) -> str:
    """The last character of `text[start:end]` that is not whitespace ('' if none), found
    without copying the whole slice (a whole Act's line may hold dozens of indent runs)."""
    near = max(start, end - 16)
    last = text[near:end].rstrip()[-1:]
    if last or near == start:
        return last
    return text[start:near].rstrip()[-1:]


def _is_flattened_section(text: str) -> bool:
    """A citation with more run on after it: a version note, `Sec. N.`, a whole section."""
    match = _ANY_CITATION.match(text)
    return match is not None and len(text) > match.end()


_ANY_CITATION = when_used(citations.ANY_CITATION_TEXT)


# ------------------------------------------------------------------ flattened Acts (CSV)


def read_csv(text: str, name: str) -> ReadResult:
    """All rows' `text` in order as one document, each cut back into lines."""
    return _read_acts(_csv_texts(text, name), name, by_chapter=True)


def flat_act_text(text: str, name: str) -> ReadResult:
    """A flattened Act pasted as text (not CSV): one Act per line; or one Act printed to PDF
    as running text and extracted (`pdftotext`), its paragraph wrapped into lines and its
    page numbers between them: the lines up to the next Act heading are one Act's text (the
    site's disclaimer and script read whole across its line breaks), and the page numbers
    (`_page_furniture`) are dropped where they stand, as a whole Act page's are."""
    lines = split_lines(text)
    return _read_acts(_wrapped_acts(lines, _page_furniture(text, lines)), name, by_chapter=False)


def _wrapped_acts(lines: list[str], furniture: dict[int, str]) -> list[str | tuple[str, str, int]]:
    """The lines as Act texts (a line opening with an Act heading starts one; every other line
    continues the one before) and, between them, each furniture line as (rule, text, its
    line's number in the source)."""
    out: list[str | tuple[str, str, int]] = []
    run: list[str] = []
    for index, line in enumerate(lines):
        rule = furniture.get(index)
        if rule is not None or (run and _ACT_HEADING_FLAT.match(line.lstrip())):
            out.append(" ".join(run))
            run = []
        if rule is not None:
            out.append((rule, line, index + 1))
        else:
            run.append(line)
    out.append(" ".join(run))
    return out


def _read_acts(act_texts: list[str] | list[str | tuple[str, str, int]], name: str, by_chapter: bool) -> ReadResult:
    body = Body()
    headings: list[Identity] = []
    for act_text in act_texts:
        if isinstance(act_text, tuple):  # (rule, text, line): a line the printing's, not the Act's
            rule, text, line = act_text
            body.drop(rule, text, line=line)
            continue
        heading = Identity()
        _read_act(act_text, heading, body)
        if heading.act:
            headings.append(heading)
    identity = Identity(version="compiled")
    acts = {heading.act for heading in headings}
    if len(acts) == 1:
        identity.act, identity.title = headings[0].act, headings[0].title
    elif headings:
        first = headings[0].act or ""
        identity.act = first.split()[0] + " ILCS" if by_chapter else first
    # every line is a piece of a normalised Act cut at single spaces (`Body.extend_cut`): `spaced`
    return ReadResult(body.lines, "ilcs-csv", identity, None, name, dropped=body.dropped, spaced=True)


def _read_act(act_text: str, identity: Identity, body: Body) -> None:
    """One flattened Act into `body`: its heading (read into `identity`), the disclaimer
    and the site's script dropped, the space the scrape lost before a Source note put back."""
    first = True
    for rule, segment in chrome_segments(normalize_long(act_text)):
        if rule is not None:
            body.drop(rule, segment)
            continue
        heading = _ACT_HEADING_FLAT.match(segment) if first else None
        first = False
        if heading:
            identity.act = citations.act_name(heading["title"], heading["act"])
            identity.title = heading["name"] or identity.title
            body.drop(ACT_HEADING, heading.group(0))
            segment = segment[heading.end():].strip()
        body.extend_cut(_unglued_source_notes(segment))


def _csv_texts(text: str, name: str) -> list[str]:
    """Every row's `text` cell, in order."""
    text = text.lstrip("\ufeff")
    rows = simple_rows(text)  # jumping from quote to quote where that reads the same
    if not rows:
        return _csv_texts_cell_by_cell(text, name)
    return _text_cells(iter(rows), name)


def _csv_texts_cell_by_cell(text: str, name: str) -> list[str]:
    """`_csv_texts` by `csv.reader`, for a text `simple_rows` declines."""
    import csv  # here: a diff of two plain texts, or of two CSVs `simple_rows` reads, never needs it

    if len(text) >= csv.field_size_limit():
        csv.field_size_limit(len(text) + 1)  # one Act is one field: it may be megabytes
    try:
        return _text_cells(csv.reader(io.StringIO(text)), name)
    except csv.Error as error:
        raise StatdiffError(f"{name}: not a readable statutes CSV ({error})") from None


def _text_cells(rows: Iterator[list[str]], name: str) -> list[str]:
    """The `text` cell of every row after the header (rows read as they are asked for: a
    header without a `text` column is refused before a malformed row further on)."""
    header = next(rows, None)
    column = csv_text_column(header) if header else None
    if column is None:
        raise StatdiffError(f"{name}: a statutes CSV needs a 'text' column")
    texts = [row[column] if column < len(row) else "" for row in rows if row]
    if not texts:
        raise StatdiffError(f"{name}: a statutes CSV needs a 'text' column")
    return texts


def csv_text_cells(text: str, name: str = "<csv>") -> list[str]:
    """The `text` cells of a statutes CSV: what the audit compares an `ilcs-csv` reading with."""
    return _csv_texts(text, name)


def read_flat(text: str, name: str) -> ReadResult:
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    if "," in first and csv_text_column(first.split(",")) is not None:
        return read_csv(text, name)
    return flat_act_text(text, name)
