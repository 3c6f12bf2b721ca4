"""How a line of a document that is not legislation looks: whether it ends a clause, reads
as a heading in capitals, is wrapped in emphasis, and the width an editor wrapped the
document at (`clauses.py` builds the tree from these)."""

from __future__ import annotations

from statdiff.read.prose import TEXT, ProseLine

CAPS_MIN_LETTERS = 4
HEADING_MAX_WORDS = 15
WRAP_MAX_WIDTH = 140  # lines hard-wrapped by an editor are at most this long
WRAP_EVIDENCE_SHARE = 0.6  # a line an editor broke is at least this share of the width long
WRAP_MIN_BROKEN_LINES = 2  # lines broken mid-clause that show a document is hard-wrapped
EMPHASIS = "*_`"
CLAUSE_END = (".", ":", ";", "?", "!", '."', ".”", ".)", ":)", ";)")


def ends_clause(text: str) -> bool:
    """The line ends a clause: a stop, a colon or semicolon (`;` then `and`/`or` too)."""
    text = text.rstrip(EMPHASIS)
    if text.endswith(CLAUSE_END):
        return True
    words = text.rsplit(" ", 2)
    return len(words) >= 2 and words[-1] in ("and", "or") and words[-2].endswith(";")


def is_caps_text(text: str) -> bool:
    """Words in capitals: four capital letters or more, none lowercase, letters at least half
    the printed characters (`==== FAILURES ====` is decoration around a word, not a heading).
    Only letters that have a case count: a line of Japanese or Chinese has no capitals (it
    has no lowercase letter either, and is text, not a heading)."""
    letters = [character for character in text if character.isalpha()]
    printed = len(text) - text.count(" ")
    capitals = sum(1 for character in letters if character.isupper())
    return (capitals >= CAPS_MIN_LETTERS and 2 * len(letters) >= printed
            and not any(character.islower() for character in letters))


def is_caps_heading(text: str) -> bool:
    """`LIMITATION OF LIABILITY`, `RECITALS:`: capitals only, short, not a sentence."""
    stripped = text.rstrip(EMPHASIS)
    return (
        is_caps_text(text)
        and len(text.split()) <= HEADING_MAX_WORDS
        and not stripped.endswith((".", ",", ";", "!", "?"))
    )


def unwrap(text: str) -> str:
    """`**Fees**`, `_Fees_`, `` `fees` ``: the text inside markup that wraps all of it."""
    text = text.strip()
    if len(text) < 3 or text[0] not in "*_`":
        return text  # (every mark below opens with one of these, around one character or more)
    for mark in ("**", "__", "*", "_", "`"):
        inner = text[len(mark):-len(mark)]
        if len(text) > 2 * len(mark) and text.startswith(mark) and text.endswith(mark) and mark not in inner:
            return inner.strip()
    return text


def wrap_width(lines: list[ProseLine]) -> int | None:
    """The width a hard-wrapped document is wrapped at (the 90th percentile of its text lines'
    lengths), None when its lines are longer than any editor wraps at, or when nothing shows
    that an editor wrapped them: a paragraph a line, each line ending its clause, is not wrapped
    however short its paragraphs are. The evidence is the lines an editor broke: near the width
    and ending mid-clause, with the paragraph going on on the next line. Judged on the evidence
    and never on the number of lines alone, so a version with one more paragraph reads alike."""
    lengths = sorted(len(line.text) for line in lines if line.block == TEXT)
    if len(lengths) < 5:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if width > WRAP_MAX_WIDTH:
        return None
    broken = sum(1 for line, following in zip(lines, lines[1:])
                 if line.block == TEXT and following.block == TEXT and not following.gap
                 and len(line.text) >= WRAP_EVIDENCE_SHARE * width and not ends_clause(line.text))
    return width if broken >= WRAP_MIN_BROKEN_LINES else None
