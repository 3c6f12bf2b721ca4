"""Struck text a plain printing cannot show: recovered when the old law is known, suspected
when it is not.

An amendatory bill restates each Section it changes whole: the old words, the new words
underlined, the struck words struck. A plain printing (text, pipes, PDF text) loses the
marks and prints the struck words as ordinary words beside the words that replace them
(`within 30 45 days`, `$5,000 $10,000`, `may must`, `these Acts are Act is repealed`).
Compared with the law in force, the struck words read as text the law still has and only
the new words as inserted: the redline would keep the struck words as law.

`recover_struck(segments)`: in a node pair of the old law and such a printing, an insertion
I that directly follows (struck then new, the printing order) or precedes a run K of the old
law's words that I could stand for (`statdiff.law.alternatives`: one token class, grammatical
variants; or a short run alike word for word, by rapidfuzz) becomes one `replace` K -> I with
`basis` plain-printing. Its segment keeps NEW's printing of K and I in `printed`, so NEW's
text still rebuilds. An insertion is tried where the diff put it and wherever it may slide
(`July 1, 2008 July 1, 2009` inserted after `2008` or after `January`: the same text). A
genuine insertion next to unrelated text (`within 48 hours of ...` after `shall be made`,
`or written material` after `data`) stays an insertion.

`suspected_strikes(document)`: without the old law, the runs printed side by side inside the
Sections an amendatory bill restates (and inside the bill text an amendment quotes) that
read as struck and new: one token class or grammatical variants, never the looser likeness.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Sequence

from rapidfuzz import fuzz

from statdiff.compare.grouping import GLUE_WORDS
from statdiff.compare.tokens import common_head, tokenize
from statdiff.errors import StatdiffError
from statdiff.law import alternatives, amendments
from statdiff.model import PLAIN, Basis, Document, Op, Segment, SourceSpan, SuspectedStrike, Token, Word, rebuild

MAX_ALTERNATIVE = 4  # tokens: the longest run read as an alternative without a class
MIN_ALIKE = 2 / 3  # of a run's word pairs, alike, for a run read as an alternative
WORD_LIKENESS = 80.0  # rapidfuzz ratio: two spellings of one word (`licence` / `license`)
MIN_LIKE_WORD = 4  # characters: shorter words are alike only when equal


# ---------------------------------------------------------------- the old law known


def recover_struck(segments: list[Segment]) -> list[Segment]:
    """The segments with each insertion that stands beside the old words it replaces turned
    into one `replace` (basis plain-printing); the rest as they are."""
    result = list(segments)
    index = 0
    while index < len(result):
        recovered = _recovered_at(result, index) if result[index].op == Op.INSERT else None
        if recovered is None:
            index += 1
            continue
        low, high, replacement = recovered
        result[low:high] = replacement
        index = low + len(replacement)
    return result


def _recovered_at(segments: list[Segment], index: int) -> tuple[int, int, list[Segment]] | None:
    """(first, end, segments): the segments from `first` to `end` that the insertion at
    `index` and its equal neighbours become, None when it replaces nothing beside it."""
    inserted = segments[index]
    before = segments[index - 1] if index and segments[index - 1].op == Op.EQUAL else None
    after = segments[index + 1] if index + 1 < len(segments) and segments[index + 1].op == Op.EQUAL else None
    if before is None and after is None:
        return None
    stretch = _Stretch.of(before, inserted, after)
    for shift in stretch.shifts():
        for struck_first in (True, False):
            found = stretch.struck_run(shift, struck_first)
            if found is not None:
                low = index - (before is not None)
                return low, index + 1 + (after is not None), found
    return None


@dataclass(slots=True)
class _Stretch:
    """An insertion and the equal runs either side of it, as token tuples (each equal run's
    OLD and NEW tokens, alike in text)."""

    before_old: tuple[Token, ...]
    before_new: tuple[Token, ...]
    inserted: tuple[Token, ...]
    after_old: tuple[Token, ...]
    after_new: tuple[Token, ...]

    @classmethod
    def of(cls, before: Segment | None, inserted: Segment, after: Segment | None) -> "_Stretch":
        return cls(before.old if before else (), before.new if before else (), inserted.new,
                   after.old if after else (), after.new if after else ())

    def shifts(self) -> Iterator[int]:
        """Where the insertion may stand with the same text on either side: 0 (where the diff
        put it), then 1, -1, 2, -2 ...: right while its first token is the token after it,
        left while its last token is the token before it."""
        right = common_head(self.inserted, self.after_new)
        left = common_head(self.inserted[::-1], self.before_new[::-1])
        yield 0
        for step in range(1, max(right, left) + 1):
            if step <= right:
                yield step
            if step <= left:
                yield -step

    def struck_run(self, shift: int, struck_first: bool) -> list[Segment] | None:
        """The segments of the stretch when the insertion, slid by `shift`, stands for the old
        words just before it (`struck_first`, the printing order) or just after it."""
        before_old, before_new, inserted, after_old, after_new = self._slid(shift)
        for size in range(1, alternatives.MAX_RUN + 1):
            if struck_first:
                if size > len(before_new):
                    break
                kind = could_replace([t.text for t in before_new[-size:]], [t.text for t in inserted], True)
                if kind is None:
                    continue
                replace = Segment(Op.REPLACE, before_old[-size:], inserted, basis=Basis.PLAIN_PRINTING,
                                  printed=before_new[-size:] + inserted)
                return _equal(before_old[:-size], before_new[:-size]) + [replace] + _equal(after_old, after_new)
            if size > len(after_new):
                break
            kind = could_replace([t.text for t in after_new[:size]], [t.text for t in inserted], False)
            if kind is None:
                continue
            replace = Segment(Op.REPLACE, after_old[:size], inserted, basis=Basis.PLAIN_PRINTING,
                              printed=inserted + after_new[:size])
            return _equal(before_old, before_new) + [replace] + _equal(after_old[size:], after_new[size:])
        return None

    def _slid(self, shift: int) -> tuple[tuple[Token, ...], ...]:
        """The five runs with the insertion moved `shift` tokens right (left when negative):
        NEW's tokens keep their own places; OLD's equal tokens follow their partners."""
        b_old, b_new, ins, a_old, a_new = self.before_old, self.before_new, self.inserted, self.after_old, self.after_new
        if shift > 0:
            return b_old + a_old[:shift], b_new + ins[:shift], ins[shift:] + a_new[:shift], a_old[shift:], a_new[shift:]
        if shift < 0:
            back = -shift
            return (b_old[:-back], b_new[:-back], b_new[-back:] + ins[:-back], b_old[-back:] + a_old,
                    ins[-back:] + a_new)
        return b_old, b_new, ins, a_old, a_new


def _equal(old: tuple[Token, ...], new: tuple[Token, ...]) -> list[Segment]:
    return [Segment(Op.EQUAL, old, new)] if old or new else []


def could_replace(struck: Sequence[str], new: Sequence[str], struck_first: bool) -> str | None:
    """What makes `new` a replacement for the `struck` run printed beside it (`struck_first`:
    the struck run is printed first), None when nothing does: one token class (the kind
    named: `number`, `modal` ...), the same words in another number or tense (`variant`), or
    a short run alike word for word (`alternative`). A new run opening with a run of the
    struck run's class followed by more words stands for it too (`30 45 business days`: 30 ->
    45 business), when the struck run is printed first (last: a run closing so)."""
    if not _bounded(struck) or not _bounded(new) or [t.lower() for t in struck] == [t.lower() for t in new]:
        return None
    kind = alternatives.same_kind(struck, new)
    if kind is not None:
        return kind
    if alternatives.grammatical_variants(struck, new):
        return alternatives.VARIANT
    if _alike_run(struck, new):
        return "alternative"
    for size in range(1, min(len(new), alternatives.MAX_RUN + 1)):
        part = new[:size] if struck_first else new[len(new) - size:]
        rest = new[size:] if struck_first else new[:len(new) - size]
        kind = alternatives.same_kind(struck, part)
        if kind is not None and _bounded(part) and _bounded(rest):
            return kind
    return None


def _bounded(texts: Sequence[str]) -> bool:
    """A run that begins and ends with a word or number, not with punctuation."""
    return bool(texts) and _wordlike(texts[0]) and _wordlike(texts[-1])


def _wordlike(text: str) -> bool:
    return any(char.isalnum() for char in text)


def _alike_run(struck: Sequence[str], new: Sequence[str]) -> bool:
    """A short run that reads as an alternative to the run beside it: as long, at most
    MAX_ALTERNATIVE tokens, its first words alike, at least MIN_ALIKE of its words alike
    (equal, variants, one class, or two spellings of one word), and the words that differ
    words of content, not glue (`Department of Aeronautics` / `Department of Transportation`,
    `licence` / `license`). A run opening with a conjunction or preposition adds to the text
    (`or written material`) unless the struck run opens with the same word."""
    if len(struck) != len(new) or len(new) > MAX_ALTERNATIVE:
        return False
    first = new[0].lower()
    if first in alternatives.EXTENDERS and first != struck[0].lower():
        return False
    if not _alike(struck[0], new[0]):
        return False
    alike = 0
    for one, other in zip(struck, new):
        if one.lower() == other.lower():
            alike += 1
            continue
        if not _content(one) or not _content(other):
            return False
        alike += _alike(one, other)
    return alike >= MIN_ALIKE * len(new) and (len(new) > 1 or alike == 1)


def _alike(one: str, other: str) -> bool:
    if one.lower() == other.lower() or alternatives.word_variants(one, other):
        return True
    if alternatives.same_kind([one], [other]) is not None:
        return True
    return min(len(one), len(other)) >= MIN_LIKE_WORD and fuzz.ratio(one.lower(), other.lower()) >= WORD_LIKENESS


def _content(text: str) -> bool:
    return any(char.isalpha() for char in text) and text.lower() not in GLUE_WORDS \
        and text.lower() not in alternatives.EXTENDERS


# ---------------------------------------------------------------- the old law unknown


def suspected_strikes(document: Document) -> list[SuspectedStrike]:
    """Runs printed side by side inside the Sections an amendatory bill restates, or inside
    the bill text an amendment quotes, that read as struck and new; none in a printing that
    carries underline and strike marks (its markup says what is struck)."""
    if any(word.mark != PLAIN for word in document.root.all_words()):
        return []
    found: list[SuspectedStrike] = []
    for path, words in _restated_text(document):
        found.extend(SuspectedStrike(path, rebuild(struck), rebuild(new), kind, SourceSpan.covering(struck + new))
                     for struck, new, kind in side_by_side(tokenize(words)))
    return found


def side_by_side(tokens: Sequence[Token]) -> Iterator[tuple[tuple[Token, ...], tuple[Token, ...], str]]:
    """(struck, new, kind): each pair of runs printed one right after the other that are of
    one token class, or variants word for word (`Acts are Act is`, `is are`), and stand alone:
    neither run is cut from a longer run of its class, and no run of their class stands just
    before or after the pair (`39 40 41 42` is a table, `25 24 persons` a strike). Runs are as
    short as can be, and the first pair found at a place wins (no two pairs share a token)."""
    texts = [token.text for token in tokens]
    start = 0
    while start < len(tokens):
        found = _pair_at(texts, start)
        if found is None:
            start += 1
            continue
        first, second, kind = found
        end = start + first + second
        yield tuple(tokens[start:start + first]), tuple(tokens[start + first:end]), kind
        start = end


def _pair_at(texts: list[str], start: int) -> tuple[int, int, str] | None:
    """(length of the struck run, length of the new run, kind) of a pair starting at `start`."""
    for first in range(1, alternatives.MAX_RUN + 1):
        struck = texts[start:start + first]
        if len(struck) < first:
            return None
        struck_whole: bool | None = None  # looked at once a pair of runs shares a kind (rarely)
        classed = bool(alternatives.classes_of(struck))
        if not classed and len(struck) == 1 and struck[0].lower() not in alternatives.VERB_FORMS:
            continue  # a word of no class pairs with nothing (`_pair_kind`)
        for second in range(1, alternatives.MAX_RUN + 1):
            if not classed and second != first:
                continue  # variants are word for word
            new = texts[start + first:start + first + second]
            if len(new) < second:
                break
            kind = _pair_kind(struck, new)
            if kind is None:
                continue
            if struck_whole is None:
                struck_whole = _bounded(struck) and _whole_run(texts, start, first)
            if not struck_whole:
                break
            if not _bounded(new) or not _whole_run(texts, start + first, second):
                continue
            if not _in_a_series(texts, start, start + first + second, kind):
                return first, second, kind
    return None


def _pair_kind(struck: list[str], new: list[str]) -> str | None:
    """What two runs side by side share that only a strike explains: a token class, or
    variants word for word (two or more words, or two forms of `be`, `have`, `do`)."""
    kind = alternatives.same_kind(struck, new)
    if kind is not None:
        return kind
    if len(struck) > 1 and alternatives.grammatical_variants(struck, new, every_word=True):
        return alternatives.VARIANT
    if len(struck) == len(new) == 1 and {struck[0].lower(), new[0].lower()} <= alternatives.VERB_FORMS \
            and alternatives.word_variants(struck[0], new[0]):
        return alternatives.VARIANT
    return None


def _in_a_series(texts: list[str], start: int, end: int, kind: str) -> bool:
    """A run of the pair's class stands just before or just after it: a table or a list."""
    if kind == alternatives.VARIANT:
        return False
    for low, high in ((max(0, start - 1), start), (end, end + 1)):
        neighbour = texts[low:high]
        if neighbour and alternatives.same_kind(neighbour, neighbour) == kind:
            return True
    return False


def _whole_run(texts: list[str], start: int, size: int) -> bool:
    """The run is not cut from a longer run of its class: `thirty` of `thirty (30)`, `July 1`
    of `July 1, 2009` (a year is whole at the end of a date: `July 1, 2022 2021`)."""
    classes = alternatives.classes_of(texts[start:start + size])
    for width in range(1, 4):
        for wider in (texts[max(0, start - width):start + size], texts[start:start + size + width]):
            if len(wider) > size and alternatives.classes_of(wider) & classes:
                return False
    return True


def _restated_text(document: Document) -> Iterator[tuple[str, Sequence[Word]]]:
    """(path, words) of the text a bill restates: each node of the Sections an amendatory
    bill restates (Source notes are history, printed unmarked); for a page-and-line
    amendment, each passage of bill text it quotes (`amendment line 5`)."""
    from statdiff.compare.units import collect_units

    for unit in collect_units(document):
        if unit.amendatory:
            yield from ((node.path, node.words) for node in unit.nodes if node.kind != "source_note")
    if not amendments.PREAMBLE.search(" ".join(word.text for word in document.root.all_words()[:400])):
        return
    from statdiff.amend.instructions import amendment_place, parse_amendment  # a large stage: loaded for amendments

    try:
        amendment = parse_amendment(document)
    except StatdiffError:
        return
    for edit in amendment.edits:
        if edit.op == amendments.REPLACE_ALL:
            continue  # the new bill it prints is in the tree: its restated Sections are above
        place = amendment_place(edit.source.start)
        if edit.old:
            yield place, [Word(text, edit.source.start) for text in edit.old.split()]
        if edit.new:
            yield place, [Word(text, line.position) for line in edit.new for text in line.text.split()]
