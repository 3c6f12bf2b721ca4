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
  and in sequence on its page; a running header only where a page breaks.

The source of an HTML page is the text a browser shows (`html_to_text`), of a statutes CSV
its `text` cells: the audit starts where the characters are the document's words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from statdiff.model import Drop, ReadResult, Word
from statdiff.read.common import LINE_NUMBER, RUNNING_HEADER

# How much of the source the report of a mismatch quotes on each side.
CONTEXT = 40


@dataclass
class Audit:
    source_words: int
    body_words: int
    dropped_words: int
    by_rule: dict[str, list[Drop]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict:
        return {
            "source_words": self.source_words,
            "body_words": self.body_words,
            "dropped_words": self.dropped_words,
            "ok": self.ok,
            "problems": list(self.problems),
            "dropped": {rule: [drop.to_json() for drop in drops] for rule, drops in self.by_rule.items()},
        }


def audit(source: str, body: list[Word], dropped: list[Drop]) -> Audit:
    """Check the body (the tree's words, in order) and the drops against the source text."""
    by_rule: dict[str, list[Drop]] = {}
    for drop in dropped:
        by_rule.setdefault(drop.rule, []).append(drop)
    source_words = source.split()
    dropped_words = sum(len(drop.text.split()) for drop in dropped)
    report = Audit(len(source_words), len(body), dropped_words, dict(sorted(by_rule.items())))
    report.problems.extend(lossless_problems(source_words, [word.text for word in body], dropped))
    report.problems.extend(plausibility_problems(body, dropped))
    return report


def interleave(body: list[str], dropped: list[Drop]) -> list[str]:
    """The body's words with each drop's words put back before body word `after`."""
    tokens: list[str] = []
    ordered = sorted(dropped, key=lambda drop: drop.after)  # stable: drops at one place keep their order
    position = 0
    for drop in ordered:
        after = min(drop.after, len(body))
        tokens.extend(body[position:after])
        position = max(position, after)
        tokens.extend(drop.text.split())
    tokens.extend(body[position:])
    return tokens


def lossless_problems(source_words: list[str], body: list[str], dropped: list[Drop]) -> list[str]:
    """Where the body and the drops, put back together, differ from the source."""
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
        end = joined[0]
        return [f"{len(joined)} source word boundaries are inside a read token, first near {source[max(0, end - CONTEXT):end + CONTEXT]!r}"]
    return []


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
