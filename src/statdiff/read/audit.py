"""The audit of what a reader dropped, checked against the source, not against the reader.

Every reader records each run of source text it leaves out of the body (`Drop`: the text,
the named rule, where it was printed, how many body words precede it). The audit puts the
body's words (as the tree holds them) and the drops back together in that order and
compares the result with the source's own words, split here from the source text:

* lossless: the source's characters (whitespace aside) are exactly the body's and the
  drops', in order, and every word boundary of the source is a boundary between tokens
  (a reader may split `3represented` into a dropped `3` and a body word, never join two
  source words or change a character);
* plausible: at most one line number dropped per printed line, each equal to its line
  and in sequence on its page; a running header only where a page breaks; a page number
  only where the source prints it on a line of its own, each one more than the one before
  (the pages counted: a number that is text, an item `3` or a count, counts nothing).

One join is allowed, and listed (`rejoined`): a token a PDF extraction split across a line
break (`P` at a line's end, `.A.` opening the next), where the source has the line break and
the two source words obey `splits.joins_across_lines`; any other joined boundary is a problem.

The source of an HTML page is the text a browser shows (`html_to_text`), of a statutes CSV
its `text` cells: the audit starts where the characters are the document's words.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from statdiff.model import Drop, ReadResult, Word
from statdiff.read.common import LINE_NUMBER, PAGE_NUMBER, RUNNING_HEADER, normalize, split_lines
from statdiff.read.splits import REJOINED, joins_across_lines

# How much of the source the report of a mismatch quotes on each side.
CONTEXT = 40


@dataclass
class Audit:
    source_words: int
    body_words: int
    dropped_words: int
    by_rule: dict[str, list[Drop]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    rejoined: list[dict] = field(default_factory=list)  # tokens split across a line break, joined

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict:
        found = {
            "source_words": self.source_words,
            "body_words": self.body_words,
            "dropped_words": self.dropped_words,
            "ok": self.ok,
            "problems": list(self.problems),
            "dropped": {rule: [drop.to_json() for drop in drops] for rule, drops in self.by_rule.items()},
        }
        if self.rejoined:  # only where a reader joined one: every other audit reads as before
            found["rejoined"] = list(self.rejoined)
        return found


def audit(source: str, body: list[Word], dropped: list[Drop]) -> Audit:
    """Check the body (the tree's words, in order) and the drops against the source text."""
    by_rule: dict[str, list[Drop]] = {}
    for drop in dropped:
        by_rule.setdefault(drop.rule, []).append(drop)
    source_words = source.split()
    dropped_words = sum(len(drop.text.split()) for drop in dropped)
    report = Audit(len(source_words), len(body), dropped_words, dict(sorted(by_rule.items())))
    report.problems.extend(lossless_problems(source_words, [word.text for word in body], dropped, source, body,
                                             report.rejoined))
    report.problems.extend(plausibility_problems(body, dropped))
    report.problems.extend(page_number_problems(source, dropped))
    return report


def interleave(body: list[str], dropped: list[Drop], origins: list[int | None] | None = None) -> list[str]:
    """The body's words with each drop's words put back before body word `after`; where
    `origins` is given, each token's body word index is appended to it (None for a drop's)."""
    tokens: list[str] = []
    ordered = sorted(dropped, key=lambda drop: drop.after)  # stable: drops at one place keep their order
    position = 0
    for drop in ordered:
        after = min(drop.after, len(body))
        tokens.extend(body[position:after])
        words = drop.text.split()
        if origins is not None:
            origins.extend(range(position, max(position, after)))
            origins.extend([None] * len(words))
        position = max(position, after)
        tokens.extend(words)
    tokens.extend(body[position:])
    if origins is not None:
        origins.extend(range(position, len(body)))
    return tokens


def lossless_problems(source_words: list[str], body: list[str], dropped: list[Drop], source_text: str = "",
                      words: list[Word] | None = None, rejoined: list[dict] | None = None) -> list[str]:
    """Where the body and the drops, put back together, differ from the source. A boundary
    joined by the one allowed rule (`splits`) is no problem: it is listed in `rejoined`, with
    the page:line of the body word (`words`) that holds it."""
    tokens = interleave(body, dropped)
    source = "".join(source_words)
    rebuilt = "".join(tokens)
    if source != rebuilt:
        at = next((index for index, (a, b) in enumerate(zip(source, rebuilt)) if a != b), min(len(source), len(rebuilt)))
        return [
            f"the text differs from the source at character {at}: source {source[max(0, at - CONTEXT):at + CONTEXT]!r},"
            f" read {rebuilt[max(0, at - CONTEXT):at + CONTEXT]!r}"
        ]
    boundaries = set(_ends(tokens))
    joined = [end for end in _ends(source_words) if end not in boundaries]
    if joined:
        allowed = _split_across_lines(source_text, source_words, joined)
        if allowed:
            joined = [end for end in joined if end not in allowed]
            if rejoined is not None:
                rejoined.extend(_rejoined(allowed, tokens, body, dropped, words))
    if joined:
        end = joined[0]
        return [f"{len(joined)} source word boundaries are inside a read token, first near {source[max(0, end - CONTEXT):end + CONTEXT]!r}"]
    return []


def _split_across_lines(source_text: str, source_words: list[str], joined: list[int]) -> dict[int, tuple[str, str]]:
    """Of the joined boundaries (character offsets into the source's words run together), those
    at a line break of the source between two words `splits.joins_across_lines` joins, each
    with the two words."""
    ends = _ends(source_words)
    line_ends: set[int] = set()
    count = 0
    for line in source_text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        count += len(line.split())
        if count:
            line_ends.add(count - 1)  # the index of the last word on or before this line
    allowed = {}
    for end in joined:
        index = bisect_left(ends, end)
        if index + 1 < len(source_words) and index in line_ends:
            before, after = source_words[index], source_words[index + 1]
            if joins_across_lines(before, after):
                allowed[end] = (before, after)
    return allowed


def _rejoined(allowed: dict[int, tuple[str, str]], tokens: list[str], body: list[str], dropped: list[Drop],
              words: list[Word] | None) -> list[dict]:
    """Each allowed join: the pieces, the token they make and where it was printed."""
    origins: list[int | None] = []
    interleave(body, dropped, origins)
    token_ends = _ends(tokens)
    found = []
    for end, pieces in sorted(allowed.items()):
        index = bisect_left(token_ends, end)
        origin = origins[index] if index < len(origins) else None
        position = words[origin].position if words is not None and origin is not None else None
        found.append({"rule": REJOINED, "pieces": list(pieces), "text": tokens[index],
                      "page": position.page if position else None, "line": position.line if position else None})
    return found


def _ends(words: list[str]) -> list[int]:
    ends, total = [], 0
    for word in words:
        total += len(word)
        ends.append(total)
    return ends


def plausibility_problems(body: list[Word], dropped: list[Drop]) -> list[str]:
    """Line numbers one a printed line, equal to it and in sequence; headers at page breaks."""
    problems = []
    seen: set[tuple[int | None, int | None]] = set()
    last_on_page: dict[int | None, int] = {}
    for drop in dropped:
        if drop.rule == LINE_NUMBER:
            where = (drop.page, drop.line)
            if where in seen:
                problems.append(f"two line numbers dropped for {drop.where}: {drop.text!r}")
            seen.add(where)
            if not (drop.text.isascii() and drop.text.isdigit()) or int(drop.text) != drop.line:
                problems.append(f"the line number {drop.text!r} dropped at {drop.where} is not that line's number")
            elif drop.line <= last_on_page.get(drop.page, 0):
                problems.append(f"the line number {drop.text!r} at {drop.where} is out of sequence on its page")
            else:
                last_on_page[drop.page] = drop.line
        elif drop.rule == RUNNING_HEADER and not _at_page_break(body, drop.after):
            problems.append(f"a running header dropped where no page breaks ({drop.where}, after {drop.after} words): {drop.text!r}")
    return problems


def page_number_problems(source: str, dropped: list[Drop]) -> list[str]:
    """Page numbers dropped only as the source shows them: each the whole of a line of the
    source (`2`, `Page 2`, `- 2 -`, `2 of 12`), and counting the pages, each number one more
    than the one dropped before it."""
    numbers = [drop for drop in dropped if drop.rule == PAGE_NUMBER]
    if not numbers:  # most texts: the source's lines are never looked at
        return []
    lines = {normalize(line) for line in split_lines(source) if len(line) <= _PAGE_NUMBER_LINE_MAX}
    problems = []
    last: int | None = None
    for drop in numbers:
        if drop.text not in lines:
            problems.append(f"the page number {drop.text!r} dropped at {drop.where} is no line of its own in the source")
        value = _first_number(drop.text)
        if value is None or (last is not None and value != last + 1):
            problems.append(f"the page number {drop.text!r} dropped at {drop.where} does not follow the one before"
                            f" ({last})")
        last = value
    return problems


# A page-number line is short (`Page 1234 of 1234`, indented by `pdftotext -layout`): longer
# source lines are not normalised to be looked among.
_PAGE_NUMBER_LINE_MAX = 400


def _first_number(text: str) -> int | None:
    digits = "".join(character if character.isascii() and character.isdigit() else " " for character in text).split()
    return int(digits[0]) if digits else None


def _at_page_break(body: list[Word], after: int) -> bool:
    if after <= 0 or after >= len(body):
        return True
    before, following = body[after - 1].position.page, body[after].position.page
    return before != following or before is None


# ------------------------------------------------------------------ a file's audit


def audit_source(text: str, result: ReadResult) -> str:
    """What a reading is audited against: the decoded text, the shown text of an HTML page,
    the `text` cells of a statutes CSV."""
    if result.rendering == "html":
        from statdiff.read.html import html_to_text

        return html_to_text(text, result.name)[0]
    if result.rendering == "ilcs-csv" and "\n" in text and "," in text.split("\n", 1)[0]:
        from statdiff.read.compiled import csv_text_cells

        return "\n".join(csv_text_cells(text, result.name))
    return text
