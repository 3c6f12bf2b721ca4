"""Changes that are only a hyphen one text lacks, as a PDF extraction loses one.

`pdftotext` in its default mode (neither `-raw` nor `-layout`) joins a word the PDF breaks at
a hyphen at a line's end and drops the hyphen: the Airport Zoning Act's text (620 ILCS 25, from
`statutes/ilcs-chapter-620`) printed to PDF and extracted so reads `(Source: P.A. 81840.)` for
`81-840`, `publiclyowned`, `nonconforming`; a slice of the Election Code reads `103467`, `714.1`
and `1A16.2` for `103-467`, `7-14.1` and `1A-16.2`. Compared with the plain printing, each is a
change. The hyphen is gone from the extracted text: nothing in it shows where one was, so the
reader cannot put it back (an audit could not check it) and the changes stay changes; but a
change whose two sides differ only by the hyphens one of them lacks is said to be one
(`lost_hyphen_note`), so that a reader of the redline knows the extraction may have made it.
An amendment that writes `nonconforming` for `non-conforming` makes the same change: the note
says "may".
"""

from __future__ import annotations

from statdiff.compare.truncation import bare_word
from statdiff.model import Change, Comparison, Op, counted, listed

HYPHEN = "-"
# The changes whose two sides are words of the texts (a whole node added or removed is not one).
_WORD_OPS = (Op.REPLACE, Op.SOURCE)


def hyphen_only(old: str, new: str) -> tuple[str, str] | None:
    """(the old word, the new word) that differ where one side is the other less hyphens, in a
    change's two texts equal but for that (`103-467` / `103467`); None otherwise."""
    if old == new or HYPHEN not in old + new or old.replace(HYPHEN, "") != new.replace(HYPHEN, ""):
        return None
    old_words, new_words = old.split(), new.split()
    if len(old_words) != len(new_words):
        return None
    pairs = [(before, after) for before, after in zip(old_words, new_words) if before != after]
    if not pairs or any(before.count(HYPHEN) == after.count(HYPHEN) for before, after in pairs):
        return None  # a hyphen moved within a word (`a-bc` / `ab-c`), not one lost
    lacking = {"old" if before.count(HYPHEN) < after.count(HYPHEN) else "new" for before, after in pairs}
    return (bare_word(pairs[0][0]), bare_word(pairs[0][1])) if len(lacking) == 1 else None


def lost_hyphen_changes(changes: list[Change]) -> list[tuple[Change, tuple[str, str]]]:
    """Each change that differs only by hyphens one side lacks, with its first such word pair."""
    found = []
    for change in changes:
        if change.op in _WORD_OPS and (pair := hyphen_only(change.old_text, change.new_text)) is not None:
            found.append((change, pair))
    return found


def lost_hyphen_note(comparison: Comparison) -> str | None:
    """One line naming the changes that are only a hyphen one text lacks; None for none."""
    found = lost_hyphen_changes(comparison.changes)
    if not found:
        return None
    words = listed([f"{old} / {new}" for _, (old, new) in found])
    return (f"{counted(len(found), 'change')} {'is' if len(found) == 1 else 'are'} only a hyphen one text lacks"
            f" ({words}): `pdftotext` without -raw or"
            " -layout drops the hyphen of a word broken at a line's end, so these may be the extraction's, not"
            " the text's (extract with -raw to keep it)")
