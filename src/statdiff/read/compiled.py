"""The compiled statutes (ILCS): section pages, whole-Act pages, and the
flattened one-Act-per-row CSV.

ILCS pages have no page or line numbers. Chrome dropped: the site titles, the
LRB disclaimer ("Updating the database...", "Because the statute database..."),
the chapter heading (`BUSINESS TRANSACTIONS`), the Act heading
(`(815 ILCS 530/) Personal Information Protection Act.`, kept in the identity)
and the bare navigation citations (`815 ILCS 530/1` on its own line).
Beta pages are hard-wrapped with stray `|` cells; those pipes are separators.
"""

from __future__ import annotations

import csv
import io
import re

from statdiff.errors import StatdiffError
from statdiff.model import BodyLine, Identity, ReadResult
from statdiff.read.common import CITATION as _CITATION, NBSP, normalize, split_flat as _split_flat, split_lines
from statdiff.read.identity import act_from

_CHROME = re.compile(
    r"^(?:Illinois Compiled Statutes(?: - Full Text| \(ILCS\))?|Information maintained by the Legislative Reference Bureau"
    r"|Updating the database of the Illinois Compiled Statutes.*|Because the statute database is maintained.*"
    r"|\d{1,3} ILCS [\d.\-]+/[\w.\-]*)$"
)
_ACT_HEADING = re.compile(r"^\((\d{1,3}) ILCS (\d+)/\)\s*(.*)$")
_DISCLAIMER = re.compile(
    r"(?:Illinois Compiled Statutes \(ILCS\)\s*)?Updating the database of the Illinois Compiled Statutes.*?"
    r"refer to that Public Act to see the changes made to the current law\.\s*"
)
# The scraped pages end with the site's copy-and-scale script.
_SCRIPT = re.compile(r"\s*enableWordFriendlyCopy\(.*$", re.DOTALL)


def _strip_chrome(act_text: str) -> str:
    return _SCRIPT.sub(" ", _DISCLAIMER.sub(" ", act_text))


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
        heading = _ACT_HEADING.match(text_line)
        if heading:
            identity.act = f"{heading.group(1)} ILCS {heading.group(2)}"
            identity.title = heading.group(3) or None
            continue
        if not lines and text_line.isupper() and not text_line.startswith("("):
            continue  # the chapter heading
        indented = (raw[:1] in (" ", NBSP, "\t")) if shows_indent else None
        parts = _split_flat(text_line) if _is_flattened_section(text_line) else [text_line]
        lines.append(BodyLine(parts[0], None, None, indented))
        lines.extend(BodyLine(part, None, None, None) for part in parts[1:])
    identity.act = identity.act or act_from([line.text for line in lines[:3]])
    return ReadResult(lines, "ilcs", identity, None, name)


def _is_flattened_section(text: str) -> bool:
    """A citation with more run on after it: a version note, `Sec. N.`, a whole section."""
    match = re.match(_CITATION, text)
    return match is not None and len(text) > match.end()




def read_csv(text: str, name: str) -> ReadResult:
    """All rows' `text` in order as one document, each cut back into lines."""
    if len(text) >= csv.field_size_limit():
        csv.field_size_limit(len(text) + 1)  # one Act is one field: it may be megabytes
    try:
        rows = list(csv.DictReader(io.StringIO(text)))
    except csv.Error as error:
        raise StatdiffError(f"{name}: not a readable statutes CSV ({error})") from None
    if not rows or "text" not in rows[0]:
        raise StatdiffError(f"{name}: a statutes CSV needs a 'text' column")
    lines: list[BodyLine] = []
    acts = []
    for row in rows:
        act_text = _strip_chrome(row.get("text") or "")
        heading = re.match(r"\s*\((\d{1,3}) ILCS (\d+)/\)\s*(.*?\bAct\.)?", act_text)
        if heading:
            acts.append(f"{heading.group(1)} ILCS {heading.group(2)}")
            act_text = act_text[heading.end():]
        for part in _split_flat(normalize(act_text)):
            lines.append(BodyLine(part, None, None, None))
    chapter = acts[0].split()[0] + " ILCS" if acts else None
    identity = Identity(version="compiled", act=acts[0] if len(set(acts)) == 1 else chapter)
    return ReadResult(lines, "ilcs-csv", identity, None, name)


def flat_act_text(text: str, name: str) -> ReadResult:
    """A flattened Act pasted as text (not CSV): one Act per line."""
    lines: list[BodyLine] = []
    acts = []
    for physical in split_lines(text):
        act_text = _strip_chrome(physical)
        heading = re.match(r"\s*\((\d{1,3}) ILCS (\d+)/\)\s*(.*?\bAct\.)?", act_text)
        if heading:
            acts.append(f"{heading.group(1)} ILCS {heading.group(2)}")
            act_text = act_text[heading.end():]
        for part in _split_flat(normalize(act_text)):
            lines.append(BodyLine(part, None, None, None))
    identity = Identity(version="compiled", act=acts[0] if acts else None)
    return ReadResult(lines, "ilcs-csv", identity, None, name)


def read_flat(text: str, name: str) -> ReadResult:
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    if "," in first and "text" in [cell.strip().strip('"') for cell in first.split(",")]:
        return read_csv(text, name)
    return flat_act_text(text, name)
