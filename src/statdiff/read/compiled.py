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

import csv
import io
import re

from statdiff.errors import StatdiffError
from statdiff.model import BodyLine, Identity, ReadResult
from statdiff.read.common import CITATION, NBSP, csv_text_column, normalize, split_flat, split_lines, split_normalized
from statdiff.read.identity import act_from

_CHROME = re.compile(
    r"^(?:Illinois Compiled Statutes(?: - Full Text| \(ILCS\))?|Information maintained by the Legislative Reference Bureau"
    r"|\d{1,3} ILCS [\d.\-]+/[\w.\-]*)$"
)
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
    return r"\s+".join(re.escape(word) for word in literal.split())


_FIRST, _SECOND = (_flexible(paragraph) for paragraph in _DISCLAIMER_PARAGRAPHS)
_DISCLAIMER = re.compile(rf"{_FIRST}(?:\s+{_SECOND})?|{_SECOND}")
_DISCLAIMER_OPENINGS = tuple(" ".join(paragraph.split()[:4]) for paragraph in _DISCLAIMER_PARAGRAPHS)
# The page title the CSV rows carry just before the disclaimer.
_DISCLAIMER_PREFACE = re.compile(r"Illinois\s+Compiled\s+Statutes\s+\(ILCS\)\s*$")
_CITATION_AT_START = re.compile(CITATION)
# `...other authorized method of disbursement.(Source: P.A. 103-588, eff. 6-5-24.)`
_GLUED_SOURCE_NOTE = re.compile(r"\((?<=[.;:)\]]\()Source: ")
# `(620 ILCS 45/) County Airport Law of 1943.`: the name runs to its first
# period (or the end of the line), never further: what follows may be the body.
_ACT_HEADING_FLAT = re.compile(r"\s*\((\d{1,3}) ILCS (\d+)/\)(?:\s+((?:(?!\(\d{1,3} ILCS )[^\n.]){1,300}(?:\.(?!\S)|$)))?")

# The scraped pages end with the site's copy-and-scale script:
# `enableWordFriendlyCopy({...}); (function () {...})();`. It is cut out by
# its brackets, so only code goes: whatever follows it stays.
_SCRIPT_START = "enableWordFriendlyCopy("
_CODE_TOKEN = re.compile(r"""[(){}\[\]]|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`""")
_IIFE_START = re.compile(r"\s*\(\s*function\s*\(\s*\)\s*\{")
_CALL_END = re.compile(r"\s*\(\s*\)\s*;?|\s*;")
_MAX_SCRIPT = 20_000
_STATUTE_MARK = re.compile(r"\(\d{1,3} ILCS |\(Source: |\bSec\. \d")


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


def _disclaimer_spans(text: str) -> list[tuple[int, int]]:
    """Where the disclaimer stands in a normalised text (found by its first
    words, then matched whole)."""
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


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` without the (ordered, disjoint) spans, whitespace-normalised at the cuts."""
    if not spans:
        return text
    pieces = []
    position = 0
    for start, end in spans:
        pieces.append(text[position:start].strip())
        position = end
    pieces.append(text[position:].strip())
    return " ".join(piece for piece in pieces if piece)


def strip_chrome(text: str) -> str:
    """A normalised text without the LRB disclaimer and the site's scripts."""
    text = _cut(text, _disclaimer_spans(text))
    return _cut(text, _script_spans(text))


def read_page(text: str, name: str) -> ReadResult:
    raw_lines = []
    for physical in split_lines(text):
        raw_lines.extend(physical.split("|"))
    has_pipes = "|" in text
    shows_indent = not has_pipes and any(raw[:1] in (" ", NBSP, "\t") and raw.strip() for raw in raw_lines)
    lines: list[BodyLine] = []
    identity = Identity(version="compiled")
    for raw in raw_lines:
        text_line = normalize(raw)
        if not text_line or _CHROME.match(text_line):
            continue
        text_line = strip_chrome(_take_act_heading(text_line, identity).lstrip())
        if not text_line:
            continue
        if not lines and text_line.isupper() and not text_line.startswith("("):
            continue  # the chapter heading
        indented = (raw[:1] in (" ", NBSP, "\t")) if shows_indent else None
        parts = split_flat(text_line) if _is_flattened_section(text_line) else [text_line]
        lines.append(BodyLine(parts[0], None, None, indented))
        lines.extend(BodyLine(part, None, None, None) for part in parts[1:])
    identity.act = identity.act or act_from([line.text for line in lines[:3]])
    return ReadResult(lines, "ilcs", identity, None, name)


def _take_act_heading(text: str, identity: Identity) -> str:
    """`text` without a leading Act heading, which goes into `identity`."""
    heading = _ACT_HEADING_FLAT.match(text)
    if not heading:
        return text
    identity.act = f"{heading.group(1)} ILCS {heading.group(2)}"
    identity.title = heading.group(3) or identity.title
    return text[heading.end():]


def _is_flattened_section(text: str) -> bool:
    """A citation with more run on after it: a version note, `Sec. N.`, a whole section."""
    match = _CITATION_AT_START.match(text)
    return match is not None and len(text) > match.end()


def read_csv(text: str, name: str) -> ReadResult:
    """All rows' `text` in order as one document, each cut back into lines."""
    return _read_acts(_csv_texts(text, name), name, by_chapter=True)


def flat_act_text(text: str, name: str) -> ReadResult:
    """A flattened Act pasted as text (not CSV): one Act per line."""
    return _read_acts(split_lines(text), name, by_chapter=False)


def _read_acts(act_texts: list[str], name: str, by_chapter: bool) -> ReadResult:
    lines: list[BodyLine] = []
    headings: list[Identity] = []
    for act_text in act_texts:
        heading = Identity()
        body = _act_body(act_text, heading)
        if heading.act:
            headings.append(heading)
        lines.extend(BodyLine(part, None, None, None) for part in split_normalized(body))
    identity = Identity(version="compiled")
    acts = {heading.act for heading in headings}
    if len(acts) == 1:
        identity.act, identity.title = headings[0].act, headings[0].title
    elif headings:
        identity.act = headings[0].act.split()[0] + " ILCS" if by_chapter else headings[0].act
    return ReadResult(lines, "ilcs-csv", identity, None, name)


def _csv_texts(text: str, name: str) -> list[str]:
    """Every row's `text` cell, in order."""
    if len(text) >= csv.field_size_limit():
        csv.field_size_limit(len(text) + 1)  # one Act is one field: it may be megabytes
    try:
        rows = csv.reader(io.StringIO(text.lstrip("\ufeff")))
        header = next(rows, None)
        column = csv_text_column(header) if header else None
        if column is None:
            raise StatdiffError(f"{name}: a statutes CSV needs a 'text' column")
        texts = [row[column] if column < len(row) else "" for row in rows if row]
    except csv.Error as error:
        raise StatdiffError(f"{name}: not a readable statutes CSV ({error})") from None
    if not texts:
        raise StatdiffError(f"{name}: a statutes CSV needs a 'text' column")
    return texts


def _act_body(act_text: str, identity: Identity) -> str:
    """One flattened Act's body, whitespace-normalised: without its heading
    (read into `identity`), the disclaimer and the site's script, and with the
    space the scrape lost before a Source note put back."""
    body = strip_chrome(" ".join(act_text.split()))
    body = _GLUED_SOURCE_NOTE.sub(" (Source: ", body)
    return _take_act_heading(body, identity).lstrip()


def read_flat(text: str, name: str) -> ReadResult:
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    if "," in first and csv_text_column(first.split(",")) is not None:
        return read_csv(text, name)
    return flat_act_text(text, name)
