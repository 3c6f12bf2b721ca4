"""Which rendering a text is: each rendering scores the marks it leaves;
the highest score wins (ties go to the earlier rendering in `ORDER`)."""

from __future__ import annotations

import re

from statdiff.read.common import LRB, csv_text_column

ORDER = ("html", "ilcs-csv", "flat-ftp", "pdf-text", "mirror", "legisnet", "pipes", "numbered", "public-act", "ilcs", "prose")

# Two questions about HTML: does the text open as an HTML document (then it is
# HTML however many numbered lines it holds), and does it show HTML markup near
# its top (a score: a page fragment, `<p>` or `<table>` with no document around it).
_OPENS_AS_HTML_DOCUMENT = re.compile(r"^\s*(?:<!DOCTYPE html|<html\b)", re.IGNORECASE)
_HTML_MARKUP = re.compile(r"^\s*(?:<!DOCTYPE|<html)|<table\b|<pre\b|<p>", re.IGNORECASE)
_MARKUP_REACH = 5000
_LEGISNET_LINE = re.compile(r"^[ \d]\d {4,}\S", re.MULTILINE)
_LEGISNET_MARKER = re.compile(r"^\s*-\d+-\s+LRB\d{7}", re.MULTILINE)
_PLAIN_LINE = re.compile(r"^\d{1,2}(?: ?\u00a0| \S|\u00a0)", re.MULTILINE)
_GLUED_LINE = re.compile(r"^\d{1,2}[A-Za-z(\"]", re.MULTILINE)
_PIPE_NUMBER = re.compile(r"(?:^|\|)\s*\d{1,2}\s*\|")
_INLINE_NUMBERS = re.compile(r"(?<=[\s,.;:]) (\d{1,2}) (?=[A-Za-z\"(])")
_PUBLIC_ACT = re.compile(r"Public Act \d{3}-\d{4}")
_ILCS_CITATION = re.compile(r"^[\s\u00a0|]*\(\d{1,3} ILCS [\w.\-]+/[\w.\-]*\)", re.MULTILINE)
_SECTION = re.compile(r"\bSec\. \d")
_PDF = re.compile(r"File Type:\s*pdf|\t-\d+-\s*(?:LRB|OMB)\d{3}|Total Page:\d")
_MIRROR = re.compile(r"^Bill Text: IL |Bill Status of |legiscan\.com|^Bill Title:", re.MULTILINE)


def scores(text: str) -> dict[str, float]:
    head = text[:200_000]
    lines = head.count("\n") + 1
    result = dict.fromkeys(ORDER, 0.0)
    result["prose"] = 0.5
    if _shows_html_markup(head):
        result["html"] = 100
    if _has_csv_header(head):
        result["ilcs-csv"] = 90
    elif re.match(r"^\s*\(\d{1,3} ILCS \d+/\) .{2000,}", head):
        result["ilcs-csv"] = 80
    if _PDF.search(head):
        result["pdf-text"] = 70
    if _MIRROR.search(head):
        result["mirror"] = 60
    legisnet = len(_LEGISNET_LINE.findall(head)) + 5 * len(_LEGISNET_MARKER.findall(head))
    if re.search(r"LRB\d{7}", head):
        legisnet += 5
    result["legisnet"] = legisnet
    result["numbered"] = len(_PLAIN_LINE.findall(head)) + len(_GLUED_LINE.findall(head))
    result["pipes"] = len(_PIPE_NUMBER.findall(head)) + (0 if head.count("|") < 5 else 1)
    if lines <= 3 and LRB.search(head):
        result["flat-ftp"] = len(_INLINE_NUMBERS.findall(head))
    if _PUBLIC_ACT.search(head):
        result["public-act"] = 3 + (8 if _PUBLIC_ACT.search(head[:800]) else 0)
    if _ILCS_CITATION.search(head) and _SECTION.search(head):
        result["ilcs"] = 4
    return result


def _shows_html_markup(head: str) -> bool:
    return _HTML_MARKUP.search(head[:_MARKUP_REACH]) is not None


def _has_csv_header(head: str) -> bool:
    first_line = head.split("\n", 1)[0]
    return "ILCS" in head and csv_text_column(first_line.split(",")) is not None


def detect(text: str) -> str:
    head = text[:200_000]
    if _OPENS_AS_HTML_DOCUMENT.match(head):
        return "html"
    if _has_csv_header(head) and not _shows_html_markup(head):
        return "ilcs-csv"  # a statutes CSV: no other rendering has a `text` column header
    scored = scores(text)
    best = max(ORDER, key=lambda name: (scored[name], -ORDER.index(name)))
    if best in ("public-act", "ilcs") or scored[best] < 3:
        numbered = max(("legisnet", "pipes", "numbered"), key=lambda name: scored[name])
        if scored[numbered] >= 3 and scored[numbered] >= scored[best]:
            return numbered
    if scored[best] < 1:
        return "prose"
    return best
