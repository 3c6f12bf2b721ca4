"""Page numbers a PDF prints in its footers, found in the text extracted from it.

A PDF of a text printed without line numbers (a Public Act, an Act) often prints each page's
number in its footer, and its running header on top: extracted, the number stands alone on a
line just before the next page's header (the last page's ends the text). Read as a word, it is
law no one wrote: `personal 2 information`. The readers (`compiled`, `publicact`, `pdftext`,
`prose`) drop the lines these functions find.
"""

from __future__ import annotations

from collections.abc import Collection

from statdiff.law.compiling import when_used

_MAX_PAGE_DIGITS = 4
# The longest line a page's number is looked for in (`Page 1234 of 1234`, indented by -layout).
_MAX_PAGE_NUMBER_LINE = 200
# Where a text prints no running header, a page's number is told from a number in its text by
# standing alone on a line this many printed lines or more after the page number before it.
MIN_PAGE_LINES = 15
# A line that may be a page's number: `2`; or as a browser or a word processor prints it,
# `2/4`, `2 of 4`, `Page 2`, `- 2 -` (group 1: the line's text). Opening with the line end before
# it, it is searched for at the line ends alone, fast on a whole Act that has none.
_PAGE_NUMBER_LINE = when_used(
    r"\n[ \t\u00a0]*(\d{1,4}(?: ?(?:/|of) ?\d{1,4})?|[Pp][Aa][Gg][Ee] +\d{1,4}[^\n]*|- ?\d{1,4} ?-)[ \t\u00a0]*(?=\n|\Z)"
)


# The same line before an empty line or the text's end: where `pdftotext` writes a page's number,
# last on its page, just before the form feed that ends every page (which decoding makes a line
# break: `2\n\f` is `2\n\n`). A text with no empty line (numbers alone on lines, one after
# another) has none, and is not scanned for them.
_PAGE_NUMBER_BEFORE_BREAK = when_used(_PAGE_NUMBER_LINE.pattern[:-len("(?=\\n|\\Z)")] + r"(?=\n\n|\n?\Z)")


# A page's number as a browser or a word processor prints it: `Page 2`, `Page 2 of 4`, `- 2 -`;
# a browser's printed footer: `2/4` (Chromium), `2 of 4` (on a normalised line).
_MARKED_PAGE_NUMBER = when_used(r"(?i:page)\s+(\d{1,4})(?:\s+(?:of|/)\s+\d{1,4})?|-\s?(\d{1,4})\s?-"
                                r"|(\d{1,4}) ?(?:/|of) ?\d{1,4}")


def marked_page_number(line: str) -> int | None:
    """The page's number a normalised line prints in one of the marked forms, or None."""
    match = _MARKED_PAGE_NUMBER.fullmatch(line)
    return int(match[1] or match[2] or match[3]) if match else None


def printed_page_number(line: str) -> int | None:
    """The page's number a normalised line prints, alone (`2`) or marked (`Page 2`), or None."""
    if line.isascii() and line.isdigit() and len(line) <= _MAX_PAGE_DIGITS:
        return int(line)
    return marked_page_number(line)


def page_number_lines(text: str, before_break: bool = False) -> tuple[list[int], list[int]]:
    """The indices (in `split_lines(text)`) of the lines below the first that are only a number,
    and of those that read as a printed page number (`2/4`, `Page 2 of 4`, `- 2 -`); with
    `before_break`, only those followed by an empty line or ending the text (a page's end)."""
    bare: list[int] = []
    marked: list[int] = []
    if before_break and "\n\n" not in text:
        return bare, marked
    line, position = 0, 0
    for match in (_PAGE_NUMBER_BEFORE_BREAK if before_break else _PAGE_NUMBER_LINE).finditer(text):
        line += text.count("\n", position, match.start() + 1)
        position = match.start() + 1
        (bare if match.group(1).isdigit() else marked).append(line)
    return bare, marked


def page_numbers(lines: list[str], headers: Collection[int]) -> set[int]:
    """The indices of the `lines` that are page numbers: lines that are only a number (`2`, or
    marked: `Page 2`, `- 2 -`, `2 of 4`), next to
    a running header (`headers`: their indices), blank lines aside, or ending the text, in the
    longest run that counts the pages in order (two or more)."""
    if not headers:
        return set()
    printed = [index for index, line in enumerate(lines) if line.strip()]
    candidates: list[tuple[int, int, int]] = []  # (line index, number, place among printed lines)
    for place, index in enumerate(printed):
        if index in headers or len(lines[index]) > _MAX_PAGE_NUMBER_LINE:
            continue
        value = printed_page_number(" ".join(lines[index].split()))
        if value is None:
            continue
        before = printed[place - 1] if place else None
        after = printed[place + 1] if place + 1 < len(printed) else None
        if before in headers or after in headers or after is None:
            candidates.append((index, value, place))
    run = longest_count(candidates)
    return set(run) if len(run) >= 2 else set()


def footer_page_numbers(lines: list[str], bare: list[int]) -> set[int]:
    """Of the lines that are only a number (`bare`: their indices, from `page_number_lines`),
    those that are page numbers in a text printed with no running header: the longest run that
    counts the pages in order (two or more), each at least `MIN_PAGE_LINES` lines after the one
    before, or ending the text (a short last page)."""
    last = next((index for index in range(len(lines) - 1, -1, -1) if lines[index].strip()), -1)
    run = longest_count([(index, int(lines[index].strip()), index) for index in bare], MIN_PAGE_LINES, last)
    return set(run) if len(run) >= 2 else set()


def longest_count(numbered: list[tuple[int, int, int]], gap: int = 0, end: int = -1) -> list[int]:
    """Of (index, number, place) in order, the indices of the longest run whose numbers go up
    by one, each at least `gap` places after the one before or at the last place, `end` (the
    last page may be short): page numbers counting the pages."""
    best: list[int] = []
    current: list[int] = []
    last = None
    for index, value, place in numbered:
        if last is not None and value == last[0] + 1 and (place - last[1] >= gap or place == end):
            current.append(index)  # (`best` may be this list: it grows with it, as longest)
        else:
            current = [index]
        last = (value, place)
        best = current if len(current) > len(best) else best
    return best
