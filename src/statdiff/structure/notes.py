"""The notes printed after a citation line, read without their patterns where a note is the
usual one: `(from Ch. 15 1/2, par. 22.1)`, closed by its parenthesis, nothing inside it that
could end it sooner. Elsewhere the patterns of `statdiff.law.citations` read them, and what
the fast reading finds is always what they would find (a test holds them equal on every
text of the corpus).

Why: a note's body is matched lazily, one character at a time, each time trying where an
unclosed note would end (`Sec.`, `Section 5`, another citation, a Source note): two
microseconds a Section, twice (the builder finds where a citation line ends, the second
pass reads its `from` note), on every Section of an Act.
"""

from __future__ import annotations

from statdiff.law import citations

FROM_OPENING = "(from "  # what `citations.FROM_NOTE` opens with
WAS_OPENING = "(was "  # what `citations.WAS_NOTE` opens with
# The characters a note's body runs to before a parenthesis (`citations._NOTE_BODY`'s first run).
NOTE_BODY_REACH = 200


def _plain_body(text: str, start: int, close: int) -> bool:
    """Is `text[start:close]`, which the `)` at `close` follows, a note body the patterns
    read to that `)`: short enough for their first run, no parenthesis (so it is that one
    run), nothing an unclosed note could end before (`Sec.`, `Section `, a citation or a
    Source note, which open with `(`, a line's end)?"""
    if close - start > NOTE_BODY_REACH:
        return False
    body = text[start:close]
    return "(" not in body and "Sec" not in body and "\n" not in body


def from_note(text: str) -> str | None:
    """`citations.FROM_NOTE.search(text)["from"]`, None when it finds none: the older
    citation a Section comes from (`Ch. 15 1/2, par. 22.1`)."""
    start = text.find(FROM_OPENING)
    if start < 0:
        return None  # the pattern opens with these characters
    body = start + len(FROM_OPENING)
    close = text.find(")", body)
    if close >= 0 and _plain_body(text, body, close):
        return text[body:close]
    match = citations.FROM_NOTE.search(text, start)  # no match starts before the first `(from `
    return match["from"] if match else None


def was_note(text: str) -> str | None:
    """`citations.WAS_NOTE.search(text)["was"]`, None when it finds none (searched only
    where its opening is printed)."""
    start = text.find(WAS_OPENING)
    if start < 0:
        return None
    match = citations.WAS_NOTE.search(text, start)
    return match["was"] if match else None


def notes_end(text: str, start: int) -> int:
    """`citations.CITATION_NOTES.match(text, start).end()`: where the notes printed from
    `start` on (after a citation, each after a space or glued on, none to four) end."""
    if text.startswith(" (", start):
        opening = start + 1
    elif text.startswith("(", start):
        opening = start
    else:
        return start  # no note: each opens with `(`, after at most a space
    if text.startswith(FROM_OPENING, opening):
        body = opening + len(FROM_OPENING)
        close = text.find(")", body)
        if close >= 0 and _plain_body(text, body, close):
            end = close + 1
            if not (text.startswith("(", end) or text.startswith(" (", end)):
                return end  # one note, and no other after it
    return citations.CITATION_NOTES.match(text, start).end()  # type: ignore[union-attr]  # it matches, if only nothing
