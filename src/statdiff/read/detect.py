"""Which rendering a text is, from evidence spread over the whole text.

The text is sampled (`samples`): a text up to `WHOLE_TEXT` characters is read whole; a
longer one as `WINDOWS` windows of `WINDOW` characters spread evenly from its first line to
its last, each cut at line ends. Every measure is a rate over the sampled lines, cells or
words, never a count, so the answer does not depend on the text's size: a file and the
same file ten times over read alike, and a 2 MB Act reads like its first page.

Each Illinois rendering scores its own marks from 0 to 1 (`_SCORERS`); prose scores one less
the best of them, so that a text no rendering fits at half strength (0.5) is prose. The
best wins (ties go to the earlier rendering in `ORDER`); the evidence, every score and the
runner-up are kept (`Detection`). A text that shows marks only Illinois legislation prints
(an LRB number, an ILCS citation, a Public Act, a Source note) and that some rendering half
fits, or that shows such marks on `ILLINOIS_TEXT` lines or more, is read as prose with
`Detection.fits` False, so that the caller can warn. Text that is
not legislation (a contract, a policy, a markdown document with tables) is prose, and is
never taken for a pipe table (a markdown table's `|---|` rule row rules pipes out).

Every pattern here is linear: none scans a run of whitespace from each of its positions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from statdiff.law import citations, public_acts, units
from statdiff.law.compiling import when_used
from statdiff.model import Detection
from statdiff.read.common import (
    DOC_ID, DRAFTING_OFFICES, LRB, PAGE_MARKER, TIGHT_PAGE_MARKER, csv_text_column, names_drafting_office, normalize,
    restart_confirmed, split_lines,
)

ORDER = ("html", "ilcs-csv", "flat-ftp", "pdf-text", "mirror", "legisnet", "pipes", "numbered", "public-act", "ilcs", "prose")
WHOLE_TEXT = 64_000
WINDOWS = 16
WINDOW = 4_000
# Lines with marks only Illinois legislation prints that make a text Illinois legislation's.
ILLINOIS_TEXT = 3
# A window is cut at a line end at most this far past its nominal end.
LINE_REACH = 2_000
# The head of a text: where a page's title, header or HTML document type stands.
HEAD = 2_000

_HTML_DOCUMENT = re.compile(r"(?:<!DOCTYPE html|<html\b)", re.IGNORECASE)
_HTML_MARKUP = re.compile(r"<!DOCTYPE|<html|<table\b|<pre\b|<p>", re.IGNORECASE)
# A markdown heading line (`## 2. Processing`): a text that has one is markdown, its `<p>` or
# `<table>` HTML written inside it (read as a page, its lines would run together as a browser
# shows them, headings and lists lost)
_MARKDOWN_HEADING = when_used(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE)
_MARKUP_REACH = 5000
# A line number then the text: legisnet right-aligns it (` 1        AN ACT`).
_RIGHT_ALIGNED = when_used(r"[ \d]\d {3}")
# What only a right-aligned printing shows: a one-digit number padded with a space. A
# two-digit number then an indent (`11        1. To any person`) is also how the 97th GA's
# plain pages print a paragraph's first line: alone it is no evidence of legisnet.
_PADDED_DIGIT = when_used(r" \d {3}")
_LEADING_NUMBER = when_used(r"([0-9]{1,2})(?=[ \u00a0\t]|[A-Za-z(\"“]|$)")
_FLAT_ACT = re.compile(citations.ACT_HEADING_TEXT + r" .{2000}")
# A running header's head before its LRB number: a document id, a version, a page marker.
_HEADER_BEFORE_LRB = when_used(
    rf"(?:{DOC_ID.pattern})(?: ?[A-Za-z-]+)? ?(?:{PAGE_MARKER.pattern} ?)?(?={'|'.join(DRAFTING_OFFICES)})"
)
# `-2-` standing as a word (not inside a date, `1-1-06`).
_TIGHT_MARKER_WORD = when_used(rf"(?:^| ){TIGHT_PAGE_MARKER.pattern}(?: |$)")
# Marks only Illinois legislation prints (an LRB number, an ILCS citation, the enacting clause,
# a Public Act, a Source note): a text showing one that no rendering fits is worth a warning.
_ILLINOIS_ONLY = when_used(
    rf"{LRB.pattern}|{citations.TITLE_TEXT} ILCS \d|{units.ENACTING_CLAUSE_TEXT}|{public_acts.REFERENCE_TEXT}"
    rf"|{public_acts.HEADER.pattern}|{units.SOURCE_OPEN_TEXT}"
)
# What a bill or an amendment prints and an ILCS page never does.
_BILL_MARK = when_used(rf"^AN ACT\b|{units.ENACTING_CLAUSE_TEXT}|^AMENDMENT (?:TO|NO\.)|\bAmend (?:House|Senate) Bill\b")
_ILCS_SITE = when_used(r"Illinois Compiled Statutes|Updating the database of the Illinois Compiled Statutes")
_MARKDOWN_RULE = when_used(r"\|? ?:?-{3,}:? ?\|")
# A Public Act's own header, standing as a header stands: at a line's start (after spaces or a
# table's pipe), or followed by what the header prints next (a cell's pipe, the line's end, the
# bill, the LRB number): `Public Act 094-0036 | HB1633 Enrolled`. `Public Act 93-0032, which I
# signed` (a veto message, a letter) is a reference in a sentence, not a Public Act's page.
_PUBLIC_ACT_HEADER = re.compile(
    rf"^[ \t\u00a0|]*(?:{public_acts.HEADER.pattern}|{public_acts.HEADER_BY_ASSEMBLY.pattern})"
    rf"|{public_acts.HEADER.pattern}[ \u00a0]*(?:\||$|(?:{DOC_ID.pattern})|{LRB.pattern})",
    re.MULTILINE,
)
_LEGISCAN = re.compile(r"Bill Text: IL |Bill Title:|legiscan\.com")
_BILL_STATUS = re.compile(r"Bill Status (?:of|for) [A-Z]{2,5}\d{1,4}")
_PDF_CHROME = re.compile(r"File Type: ?pdf|Total Page: ?\d")
_CITATION_LINE = when_used(rf"(?:{citations.ANY_CITATION_TEXT}|{citations.ACT_HEADING_TEXT})")
# A line opening with an ILCS citation (`815 ILCS 505/ Consumer Fraud ... Act.`, a navigation
# line `735 ILCS 5/13-223`) opens with digits that are no line number and no count.
_ILCS_LED = when_used(rf"{citations.TITLE_TEXT} ILCS ")
# A line opening with an item's number (`1. Any employee ...`, `12. To any person`): the
# Vehicle Code's items, never a printing's line number (which no period follows).
_ITEM_LED = when_used(r"\d{1,3}\. \S")
_SEC_LINE = when_used(units.SEC_TEXT + r"(?: |$)")
# Each mark only Illinois legislation prints, with words one of which every match of it holds
# (in a normalised line): a line holding none of the words is not searched for the marks,
# which most lines of an Act are not (one search for the words is a fifth of one for the marks).
_ILGA_MARKS: tuple[tuple[tuple[str, ...], str], ...] = (
    (DRAFTING_OFFICES, LRB.pattern),
    (("AN ACT",), r"\bAN ACT\b"),
    (("Be it enacted",), units.ENACTING_CLAUSE_TEXT),
    (("AMENDMENT ",), r"AMENDMENT (?:TO|NO\.)"),
    ((" ILCS ",), rf"{citations.TITLE_TEXT} ILCS \d"),
    (("Sec.",), rf"\b{units.SEC_TEXT}"),
    (("Section ",), rf"\b{units.SECTION_TEXT}"),
    (("P.", "Public"), public_acts.REFERENCE_TEXT),  # `P.A. 94-36`, `P. A. 94-36`, `Public Act 94-36`
    (("Public Act ",), public_acts.HEADER.pattern),
    (("General Assembly",), "General Assembly"),
    (("(Source: ",), units.SOURCE_OPEN_TEXT),
)
_ILGA_MARK = when_used("|".join(pattern for _, pattern in _ILGA_MARKS))
_ILGA_WORDS = when_used("|".join(re.escape(word) for words, _ in _ILGA_MARKS for word in words))
# The same for a bill's or an amendment's own marks.
_BILL_WORDS = when_used(r"AN ACT|Be it enacted|AMENDMENT |Amend ")
# What both of `_ILCS_SITE`'s forms hold.
_ILCS_SITE_WORDS = "Illinois Compiled Statutes"


@dataclass
class _Marks:
    """What the sampled text shows, counted; every rate is taken over these."""

    lines: int = 0
    words: int = 0
    numbered_span: int = 0  # numbered lines and the few unnumbered ones between them (front matter left out)
    numbered: int = 0  # lines opening with the line number the printing expects next
    digit_led: int = 0  # lines opening with a digit, in sequence or not (an ILCS citation or an item's number aside)
    right_aligned: int = 0  # of those, right-aligned (legisnet)
    padded_digits: int = 0  # of those, a one-digit number padded to the right (legisnet's alone)
    trailing: int = 0  # lines ending with the line number expected next (PDF text)
    cells: int = 0  # table rows (lines with a pipe)
    word_rows: int = 0  # table rows with words in them
    text_rows: int = 0  # table rows with words among the numbered ones (a gap of a few rows at most)
    numbered_cells: int = 0  # cells holding just the line number expected next
    inline_numbers: int = 0  # in-sequence numbers inside lines, in runs of 5 or more (flattened pages)
    inline_pages: int = 0  # those runs (a flattened page's line numbers restart at 1 on each page)
    inline_longest: int = 0  # the longest of them
    markdown_rules: int = 0  # `|---|---|`: a markdown table's rule row (never on ilga.gov)
    running_headers: int = 0  # LRB numbers (any placement)
    mid_line_headers: int = 0  # LRB numbers inside a line of running text (PDF text)
    tight_markers: int = 0  # `-2-` page markers (legisnet)
    old_lrb: int = 0  # `LRB9215491JSpcA` (90th-92nd GA)
    citation_lines: int = 0  # lines opening with an ILCS citation
    sec_lines: int = 0  # lines opening with `Sec. N.`
    source_notes: int = 0
    ilcs_site: int = 0  # the ILCS pages' own title and disclaimer
    illinois_marks: int = 0  # lines with a mark nothing but Illinois legislation prints
    ilga_marks: int = 0  # lines with any mark only Illinois legislation prints
    samples: int = 0
    samples_with_statute: int = 0  # samples holding a citation line, `Sec.` line or Source note
    bill_marks: int = 0  # a bill's title or enacting clause, an amendment's opening: a bill, not an ILCS page


@dataclass
class _Head:
    """What the head of the text shows (titles, headers: size plays no part)."""

    html_document: bool = False
    html_markup: bool = False
    csv_header: bool = False
    flat_act: bool = False
    public_act_header: bool = False
    legiscan: bool = False
    bill_status: bool = False
    pdf_chrome: bool = False
    physical_lines: int = 0


def samples(text: str) -> list[str]:
    """The text whole, or `WINDOWS` windows spread evenly over it, each cut at line ends."""
    if len(text) <= WHOLE_TEXT:
        return [text]
    found = []
    step = (len(text) - WINDOW) / (WINDOWS - 1)
    for index in range(WINDOWS):
        start = int(index * step)
        if start:
            newline = text.find("\n", start, start + LINE_REACH)
            start = newline + 1 if newline >= 0 else start
        end = start + WINDOW
        newline = text.find("\n", end, end + LINE_REACH)
        end = newline if newline >= 0 else min(len(text), end + LINE_REACH)
        found.append(text[start:end])
    return found


def detection(text: str) -> Detection:
    """The rendering of `text`, with every score, the runner-up and the evidence."""
    head = _read_head(text)
    marks = _Marks()
    if not (head.html_document or head.csv_header):  # else its syntax says what it is
        for sample in samples(text):
            _count(sample, marks)
    scores = {name: round(max(0.0, min(1.0, _SCORERS[name](marks, head))), 3) for name in ORDER if name != "prose"}
    # Prose is what a text is when it is far from every Illinois rendering.
    legislative = max(scores.values())
    scores["prose"] = round(1.0 - legislative, 3)
    ranked = sorted(ORDER, key=lambda name: (-scores[name], ORDER.index(name)))
    rendering, runner_up = ranked[0], ranked[1]
    evidence = {key: value for key, value in vars(marks).items() if value and key not in _RUN_DETAIL}
    if not marks.ilga_marks and _numbered_throughout(marks):  # what the reading rests on, shown
        evidence.update({key: getattr(marks, key) for key in _RUN_DETAIL})
    evidence.update({f"head: {key}": value for key, value in vars(head).items() if value is True})
    return Detection(
        rendering=rendering,
        score=scores[rendering],
        runner_up=runner_up,
        runner_up_score=scores[runner_up],
        # Illinois text that some rendering half fits, or that shows Illinois marks throughout,
        # or a text whose line numbers stand run together among its words (too few to be sure
        # of): read as prose, but say so (a letter citing a statute or two is prose, silently)
        fits=rendering != "prose" or not (marks.illinois_marks or marks.inline_numbers)
        or (legislative == 0 and marks.illinois_marks < ILLINOIS_TEXT),
        scores=dict(sorted(scores.items())),
        evidence=evidence,
    )


def detect(text: str) -> str:
    """The name of the rendering `text` is read as."""
    return detection(text).rendering


# ------------------------------------------------------------------ the head


def _read_head(text: str) -> _Head:
    start = text[:HEAD].lstrip()
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    return _Head(
        html_document=_HTML_DOCUMENT.match(start) is not None,
        html_markup=_HTML_MARKUP.search(text, 0, _MARKUP_REACH) is not None
        and _MARKDOWN_HEADING.search(text, 0, _MARKUP_REACH) is None,
        csv_header="ILCS" in text[:WHOLE_TEXT] and "," in first_line and csv_text_column(first_line.split(",")) is not None,
        flat_act=_FLAT_ACT.match(normalize(text[:HEAD + 2100])) is not None,
        public_act_header=_PUBLIC_ACT_HEADER.search(text, 0, 800) is not None,
        legiscan=_LEGISCAN.search(text, 0, HEAD) is not None,
        bill_status=_BILL_STATUS.search(text, 0, HEAD) is not None,
        pdf_chrome=_PDF_CHROME.search(text, 0, HEAD) is not None,
        physical_lines=text.count("\n", 0, WHOLE_TEXT) + 1,
    )


# ------------------------------------------------------------------ the marks


# Unnumbered lines (or rows) between two numbered ones that still belong to the numbered
# text: a header, a blank-ish line, a cell-internal break. A longer stretch is front matter.
MAX_GAP = 3


@dataclass
class _Run:
    """A sequence of numbered lines (or cells) and the unnumbered ones since the last."""

    expected: int = 1
    gap: int = 0
    started: bool = False
    page_turned: bool = False  # a running header since the last numbered line

    def continues(self, number: int) -> bool:
        """Is `number` the line number a printing shows next? After a running header a page
        may also open at line 2 (a copy that lost the page's first line)."""
        return _continues(number, self.expected) or (self.page_turned and number == 2)

    def numbered(self, number: int) -> int:
        """A numbered line: how many unnumbered lines before it count as inside the text."""
        inside = self.gap if self.started and self.gap <= MAX_GAP else 0
        self.expected, self.gap, self.started, self.page_turned = number + 1, 0, True, False
        return inside

    def unnumbered(self) -> None:
        self.gap += 1


def _count(sample: str, marks: _Marks) -> None:
    marks.samples += 1
    lines, rows = _Run(), _Run()
    expected_end = 1
    run = 0
    statute = False
    for raw in split_lines(sample):
        words = raw.split()
        if not words:
            continue
        line = " ".join(words)  # normalize(raw), from the words it is made of
        marks.lines += 1
        marks.digit_led += line[0] in "0123456789" and not _ILCS_LED.match(line) and not _ITEM_LED.match(line)
        marks.words += len(words)
        _count_leading_number(raw, lines, marks)
        expected_end = _count_trailing_number(words, expected_end, marks)
        if "|" in line:
            marks.cells += 1
            _count_row(line, rows, marks)
            if _MARKDOWN_RULE.search(line):
                marks.markdown_rules += 1
        run = _count_inline_numbers(words, run, marks)
        statute = _count_statute_marks(line, marks) or statute
        if _ILGA_WORDS.search(line) and _ILGA_MARK.search(line):
            marks.ilga_marks += 1
            if _ILLINOIS_ONLY.search(line):
                marks.illinois_marks += 1
        if names_drafting_office(line):
            lrb = LRB.search(line)
            if lrb:
                lines.page_turned = rows.page_turned = True
                marks.running_headers += 1
                marks.old_lrb += bool(re.match(r"LRB\d{7}", lrb.group(0)))
                if len(words) > 12 and _HEADER_BEFORE_LRB.search(line, max(0, lrb.start() - 40), lrb.start() + 3):
                    marks.mid_line_headers += 1
        if (" -" in line or line[0] == "-") and _TIGHT_MARKER_WORD.search(line) and (LRB.search(line) or len(words) <= 3):
            marks.tight_markers += 1
        if _ILCS_SITE_WORDS in line and _ILCS_SITE.search(line):
            marks.ilcs_site += 1
        if _BILL_WORDS.search(line) and _BILL_MARK.search(line.lstrip("|• ")):
            marks.bill_marks += 1
    _close_inline_run(run, marks)
    marks.samples_with_statute += statute


def _count_leading_number(raw: str, run: _Run, marks: _Marks) -> None:
    """A line opening with the number expected next (a skip of one or two, or 1: a new
    page) is numbered."""
    opening = raw.lstrip(" ")
    match = _LEADING_NUMBER.match(opening) if "0" <= opening[:1] <= "9" else None  # it opens with a digit
    if not match or not run.continues(int(match.group(1))):
        run.unnumbered()
        return
    marks.numbered_span += run.numbered(int(match.group(1))) + 1
    marks.numbered += 1
    if _RIGHT_ALIGNED.match(raw):
        marks.right_aligned += 1
        marks.padded_digits += bool(_PADDED_DIGIT.match(raw))


def _continues(number: int, expected: int) -> bool:
    """Is `number` the line number a printing shows after `expected - 1`?"""
    return number == expected or number == 1 or expected < number <= expected + 2


def _count_trailing_number(words: list[str], expected: int, marks: _Marks) -> int:
    last = words[-1]
    if len(words) > 1 and last.isascii() and last.isdigit() and len(last) <= 2:
        number = int(last)
        if _continues(number, expected):
            marks.trailing += 1
            return number + 1
    return expected


def _count_row(line: str, run: _Run, marks: _Marks) -> None:
    """A table row: its cells holding just the line number expected next, and whether it
    has words besides (rows holding only a number, `6 |`, are the number's own row)."""
    words_besides = False
    numbered = False
    for cell in line.split("|"):
        cell = cell.strip()
        if cell.isascii() and cell.isdigit() and len(cell) <= 2 and run.continues(int(cell)):
            marks.numbered_cells += 1
            marks.text_rows += run.numbered(int(cell))
            numbered = True
        elif cell:
            words_besides = True
    if words_besides or numbered:
        marks.word_rows += 1
    if words_besides:
        if numbered:
            marks.text_rows += 1
        else:
            run.unnumbered()


def _count_inline_numbers(words: list[str], run: int, marks: _Marks) -> int:
    """Numbers in sequence standing between the words of a line (a flattened page), in runs.
    A `1` restarts the count (a new page) where the reader takes it so (`restart_confirmed`):
    elsewhere it is a word (`Amendment No. 1`)."""
    expected = str(run + 1)
    # a flattened line's first word is its first line number (a printed line opens with its own)
    first = 0 if len(words) >= FLATTENED_LINE_WORDS and words[0] == expected else 1
    numbers = [word for word in words[first:-1] if word.isdigit()]  # no other word is a number in sequence or `1`
    for index, word in enumerate(numbers):
        if word == expected:
            run += 1
            expected = str(run + 1)
        elif word == "1" and restart_confirmed(iter(numbers[index + 1:]), run):
            _close_inline_run(run, marks)
            run, expected = 1, "2"
    return run


def _close_inline_run(run: int, marks: _Marks) -> None:
    """A run of in-sequence inline numbers ends (at a page's restart, or the sample's end)."""
    if run >= 5:
        marks.inline_numbers += run
        marks.inline_pages += 1
        marks.inline_longest = max(marks.inline_longest, run)


def _count_statute_marks(line: str, marks: _Marks) -> bool:
    opening = line.lstrip("|•· ")
    found = False
    if opening.startswith("(") and _CITATION_LINE.match(opening):
        marks.citation_lines += 1
        found = True
    if "Sec." in line and _SEC_LINE.search(line):
        marks.sec_lines += 1
        found = True
    if "(Source:" in line:
        marks.source_notes += line.count("(Source:")
        found = True
    return found


# ------------------------------------------------------------------ the scores


def _rate(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


# A rendering's marks count once there are this many of them (a page shows dozens).
ENOUGH = 5


def _enough(count: int, available: int) -> float:
    """Full weight once `ENOUGH` marks are seen, or all a short text could show."""
    return min(1.0, count / max(1, min(ENOUGH, available)))


def _bulk(count: int, whole: int) -> float:
    """Numbered lines are a good part of the text (a bill's front matter is a minority of it),
    not a few lines that happen to open with numbers."""
    return min(1.0, 3 * _rate(count, whole))


def _line_numbering(marks: _Marks) -> float:
    """Lines opening with the number expected next, among the lines from the first one on."""
    return (
        min(1.0, _rate(marks.numbered, marks.numbered_span))
        * _enough(marks.numbered, marks.lines)
        * _bulk(marks.numbered, marks.lines)
    )


def _cell_numbering(marks: _Marks) -> float:
    """Cells holding the number expected next, among the rows with words from the first one on."""
    return (
        min(1.0, _rate(marks.numbered_cells, marks.text_rows))
        * _enough(marks.numbered_cells, marks.word_rows)
        * _bulk(marks.numbered_cells, marks.word_rows)
    )


def _numbering(marks: _Marks) -> float:
    """How much of the text is printed with line numbers (at line starts, in cells, at ends)."""
    return max(_line_numbering(marks), _cell_numbering(marks), _trailing_numbering(marks))


def _trailing_numbering(marks: _Marks) -> float:
    return _rate(marks.trailing, marks.lines) * _enough(marks.trailing, ENOUGH)


def _ilga(marks: _Marks) -> float:
    """Illinois legislation's own marks: without any, a numbered text is not a bill."""
    return 1.0 if marks.ilga_marks else 0.3


def _mirrored(head: _Head) -> float:
    """A rendering inside a mirror's page (legiscan's chrome around it) is the mirror's to read."""
    return 0.9 if head.legiscan or head.bill_status else 1.0


def _tabled(marks: _Marks) -> float:
    """A numbered text laid out as a table is the pipe rendering's, not a plain one's."""
    return 0.5 if marks.cells > marks.lines / 2 else 1.0


def _right_aligned(marks: _Marks) -> int:
    """Numbered lines that read as right-aligned: none, where no one-digit number is padded."""
    return marks.right_aligned if marks.padded_digits else 0


def _score_numbered(marks: _Marks, head: _Head) -> float:
    plain = _rate(marks.numbered - _right_aligned(marks), marks.numbered) * _line_numbering(marks)
    legisnet_marks = 0.9 if marks.old_lrb or marks.tight_markers else 1.0  # 90th-92nd GA: legisnet's
    return plain * _ilga(marks) * _tabled(marks) * _mirrored(head) * legisnet_marks * _printed_lines(marks)


def _score_legisnet(marks: _Marks, head: _Head) -> float:
    aligned = _rate(_right_aligned(marks), marks.numbered)
    old_form = 1.0 if marks.old_lrb or marks.tight_markers else 0.0
    return (_line_numbering(marks) * _ilga(marks) * max(aligned, old_form) * _tabled(marks) * _mirrored(head)
            * _printed_lines(marks))


def _printed_lines(marks: _Marks) -> float:
    """One printed line a line: a text whose lines hold a page's words each is a page run
    together (its first word `1` is no evidence of a numbered rendering), unless its lines
    number in sequence among the words (the flattened reader's)."""
    per_line = marks.words / marks.lines if marks.lines else 0
    return 1.0 if per_line < FLATTENED_LINE_WORDS or marks.numbered >= ENOUGH else 0.3


def _score_pipes(marks: _Marks, head: _Head) -> float:
    if marks.markdown_rules or not marks.cells:
        return 0.0  # a markdown table: ilga.gov never prints its rule row
    return _cell_numbering(marks) * (1.0 if marks.ilga_marks else 0.1) * _mirrored(head)


def _score_flat(marks: _Marks, head: _Head) -> float:
    per_line = marks.words / marks.lines if marks.lines else 0
    if per_line < FLATTENED_LINE_WORDS:
        return 0.0
    return min(1.0, marks.inline_numbers * 12 / marks.words) * max(_ilga(marks), _numbered_throughout(marks))


def _numbered_throughout(marks: _Marks) -> float:
    """A page run together whose line numbers are plain to see without Illinois's own marks
    (a resolution, no LRB number above it): the numbers restart at 1 on a second page, or run
    1 to `STRONG_RUN` and more in sequence among the words. A few numbers in sequence are not
    (`1, 2, 3` in a list); then the rendering stays in doubt, and the reader says so."""
    return 1.0 if marks.inline_pages >= 2 or marks.inline_longest >= STRONG_RUN else 0.0


# The detail of the inline runs: evidence shown only where it decides (`_numbered_throughout`).
_RUN_DETAIL = ("inline_pages", "inline_longest")
# Words per line from which a text is a page run together (a printed line holds about 10).
FLATTENED_LINE_WORDS = 40
# In-sequence numbers among the words that are line numbers beyond doubt (a printed page holds 25 or so).
STRONG_RUN = 15


def _score_pdf(marks: _Marks, head: _Head) -> float:
    trailing = _trailing_numbering(marks)
    run_together = 0.85 * _unnumbered(marks) if marks.mid_line_headers and _numbering(marks) < 0.2 else 0.0
    chrome = 0.3 if head.pdf_chrome else 0.0
    return max(trailing * _ilga(marks), run_together, chrome) + (0.1 if head.pdf_chrome else 0.0)


def _score_mirror(marks: _Marks, head: _Head) -> float:
    if head.bill_status:
        return 0.95
    if head.legiscan:
        return 0.6 + 0.4 * _line_numbering(marks)
    return 0.0


def _unnumbered(marks: _Marks) -> float:
    """A rendering that prints no line numbers: lines opening with digits (numbers, or the
    line numbers of a rendering it is not) count against it."""
    return max(0.0, 1.0 - 2 * _rate(marks.digit_led, marks.lines))


def _score_public_act(marks: _Marks, head: _Head) -> float:
    if _numbering(marks) >= 0.3 or not head.public_act_header:
        return 0.0
    return 0.9 * _unnumbered(marks)


def _score_ilcs(marks: _Marks, head: _Head) -> float:
    if head.public_act_header or marks.bill_marks:
        return 0.0  # a Public Act, or a bill or an amendment printed without line numbers
    if not (marks.citation_lines or marks.sec_lines):
        return 0.6 if marks.ilcs_site and _numbering(marks) < 0.3 else 0.0  # an ILCS page holding no Section
    if _numbering(marks) >= 0.3:
        return 0.1
    spread = _rate(marks.samples_with_statute, marks.samples)
    kinds = sum(1 for count in (marks.citation_lines, marks.sec_lines, marks.source_notes) if count)
    if kinds >= 2:
        return (0.55 + 0.15 * kinds) * spread * _unnumbered(marks)
    return (0.6 if marks.citation_lines + marks.sec_lines >= 2 else 0.4) * spread * _unnumbered(marks)


def _score_csv(marks: _Marks, head: _Head) -> float:
    if head.csv_header:
        return 1.0
    return 1.0 if head.flat_act else 0.0


def _score_html(marks: _Marks, head: _Head) -> float:
    if head.html_document:
        return 1.0
    return 1.0 if head.html_markup else 0.0


_SCORERS = {
    "html": _score_html,
    "ilcs-csv": _score_csv,
    "flat-ftp": _score_flat,
    "pdf-text": _score_pdf,
    "mirror": _score_mirror,
    "legisnet": _score_legisnet,
    "pipes": _score_pipes,
    "numbered": _score_numbered,
    "public-act": _score_public_act,
    "ilcs": _score_ilcs,
}
