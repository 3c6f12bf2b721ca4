"""Third-party mirrors and metadata pages around an ILGA rendering.

legiscan: chrome lines (`Bill Text: IL ...`, `Bill Title:`, `Spectrum:`,
`Status:`, `Download:`) and a `feedback` trailer around ILGA's plain numbered
text, where the NBSP indent collapsed into one space (`1 AN ACT` indented,
`3represented` flush). Bill-status pages are metadata: their body is empty
and the synopsis is the paragraph under `Synopsis As Introduced`.
"""

from __future__ import annotations

import re

from statdiff.model import ReadResult
from statdiff.read.common import normalize, number_lines, split_lines
from statdiff.read.identity import read_identity, synopsis_from
from statdiff.read.numbered import physical_pieces

_LEGISCAN_CHROME = re.compile(r"^(?:Bill Text: IL |Bill Title:|Spectrum:|Status:|Download:|feedback$)")
_BILL_STATUS = re.compile(r"Bill Status (?:of|for) ([A-Z]{2,5}\d{1,4})")


def read(text: str, name: str) -> ReadResult:
    if _BILL_STATUS.search(text[:2000]):
        return _read_bill_status(text, name)
    kept = [line for line in split_lines(text) if not _LEGISCAN_CHROME.match(normalize(line))]
    lines, front, info = number_lines(physical_pieces("\n".join(kept)), indent_of=_collapsed_indent)
    identity = read_identity(info["headers"] + front, lines)
    return ReadResult(lines, "mirror", identity, synopsis_from(front), name)


def _collapsed_indent(rest: str) -> bool | None:
    if not rest.strip():
        return None
    return rest[:1].isspace()


def _read_bill_status(text: str, name: str) -> ReadResult:
    raw = [normalize(line) for line in split_lines(text)]
    synopsis = None
    for index, line in enumerate(raw):
        if line.lower() == "synopsis as introduced":
            following = [text for text in raw[index + 1:] if text]
            synopsis = following[0] if following else None
            break
    identity = read_identity(raw[:40], [])
    match = _BILL_STATUS.search(text)
    if match and identity.bill is None:
        identity.bill = match.group(1)
    public_act = re.search(r"Public Act[ .]+(\d{2,3})-(\d{4})", text)
    if public_act:
        identity.public_act = f"{int(public_act.group(1))}-{int(public_act.group(2))}"
    identity.version = "bill status"
    return ReadResult([], "mirror", identity, synopsis or synopsis_from(raw), name)
