"""Tokens a PDF extraction split across two lines, and the one rule certain enough to join them.

`pdftotext -raw` writes text in the order the PDF draws it; where a font's kerning leaves a
gap inside a token it may end the line there and open the next with the rest of the token:
95th GA HB0605 printed through Chromium and extracted with `pdftotext -raw` gives

    16 (Source: P
    .A. 94-36, eff. 1-1-06.)

one printed line (16) in two physical lines. Read as words, `P` `.A.`: every Source note of the
document compares as a change against its plain printing.

The rule: a line that ends with a capital letter standing alone (`P`, `(P`), followed by a line
that opens with the rest of an initialism (`.A.`, `.S.C.`: a period, then letters each with
its period) is one initialism broken after its first letter, `P.A.`, `U.S.C.`. A word never
opens with `.A.`; nothing else is joined (`P.` / `A.` could end a sentence, `non-` /
`forwardable` is a line the printing itself broke and the tokenizer compares alike).

The readers join the two only across a line break (`joins_across_lines`, `merged_lines`; the
line-number engine joins a printed line's pieces so), and the audit
(`statdiff.read.audit`) accepts a source word boundary inside a read token only where the
source has a line break there and the two source words obey this same rule: it checks the
source, not the reader.
"""

from __future__ import annotations

import re

# The end of the line before: a capital letter alone, after a space, an opening bracket or quote.
_INITIAL_AT_END = re.compile(r"(?:^|[\s(\[\"\u201c])[A-Z]$")
# The start of the line after: the initialism's rest, `.A.`, `.S.C.`, then no letter or digit.
_REST_AT_START = re.compile(r"\.(?:[A-Z]\.)+(?![^\W_])")

REJOINED = "split token rejoined"


def joins_across_lines(before: str, after: str) -> bool:
    """Whether the line `before` ends with the first letter of an initialism whose rest opens
    the line `after` (`(Source: P` / `.A. 94-36, ...`): one token a PDF extraction split."""
    after = after.lstrip()
    if after[:1] != ".":  # most lines: no pattern needed
        return False
    return _INITIAL_AT_END.search(before.rstrip()[-2:]) is not None and _REST_AT_START.match(after) is not None


def may_split(text: str) -> bool:
    """Whether a text may hold a token split across lines as `pdftotext -raw` splits one: a
    line opening with a period (one substring scan; `-raw` indents no line)."""
    return "\n." in text


def merged_lines(lines: list[str]) -> list[str]:
    """The physical lines, each that `joins_across_lines` the one before merged into it
    (`(Source: P` + `.A. 94-36.)` -> `(Source: P.A. 94-36.)`); every other line as it was."""
    if len(lines) < 2:
        return lines
    out = [lines[0]]
    for after in lines[1:]:
        if joins_across_lines(out[-1], after):
            out[-1] = out[-1].rstrip() + after.lstrip()
        else:
            out.append(after)
    return out
