"""Boundary detection: does a unit of the law start at this word, and which?

A unit starts at a citation line, a version or Source note, `Sec. 10.`, `Section 5.`,
`ARTICLE 1`, an enumerator `(b-5)` or a whole Act's `1.`, a defined term, or a new
paragraph. Whether `(c)` starts a subsection or continues `... subsection\n(c) of Section 20`
is decided from the expected sequence of enumerators, the line's indentation, how the
previous text ended and what follows the enumerator. Every pattern comes from
`statdiff.law`; this module decides where they apply.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from re import Match
from typing import NamedTuple

from statdiff.law import citations, definitions, enumerators, units
from statdiff.model import Node, Role
from statdiff.structure.notes import notes_end
from statdiff.structure.stream import UNIT_START_WORDS, Stream, unit_starts
from statdiff.structure.tree import NOTE_PATHS, RANK, SECTION_LEVEL, EnumValue, OpenNodes

# Words that continue a cross-reference: `(c) of Section 20`, `(a) through (d)`.
CONNECTORS = frozenset(
    "of and or to through in shall is are may as that under for by from with which has have must "
    "will does do was were be nor applies apply above below hereof thereof who whose".split()
)
# After `:` or `;` a list item may well open with `to`, `for`, `by`...: only these still continue.
LIST_CONNECTORS = frozenset(
    "of and or through shall is are may which has have must will does was were hereof thereof".split()
)
# What a line start's indentation (shown True or False, or not shown) says of an enumerator opening it.
INDENTATION_SCORES = {True: 2, False: -3, None: 0}
# A heading printed after an enumerator (`(A) Temporary Relief. (1) At any time`): its words.
ENUM_HEADING_MAX_WORDS = 8


# How far past where it starts a read at a word may look (`BoundaryFinder.reach`; a test holds
# each pattern matched at a word to these, from its widest match and the lookahead after it):
# every pattern and read not named below, within LOCAL_REACH characters of the word (and the
# words up to the next space); a version note (`units.VERSION`), a defined term
# (`definitions.DEFINITION`) and one citation note (`citations.CITATION_NOTE_TEXT`, each note
# tried starting where the notes found end, read far only where one opens there) each within
# their own reach.
LOCAL_REACH = 96
VERSION_REACH = 1440
DEFINITION_REACH = 420
NOTES_REACH = 1200

# The first letters of `units.RESOLUTION_CLAUSE` (`WHEREAS`, `RESOLVED`, `NOW, THEREFORE`, `BE IT`).
RESOLUTION_INITIALS = frozenset("WRNB")


class Reading(NamedTuple):
    """An enumerator read in one style, and how it continues the open lists: `next`,
    `gap`, `first` or `orphan`, and the open node of its list it follows (`target`)."""

    style: str
    value: EnumValue
    relation: str
    target: Node | None


@dataclass(slots=True)
class Boundary:
    """A unit that starts at a word. `kind`: citation, heading_citation, version, source,
    sec, section, article, article_heading, enum, definition, paragraph, forced, act, schedule."""

    kind: str
    end: int | None = None  # word index where a fixed-extent note ends
    act: str | None = None  # act: the Act whose heading `(815 ILCS 530/)` this is
    of_article: bool = False  # heading_citation: an Article's heading, not the Act title's
    article: Node | None = None  # article_heading: the codified Article whose `ARTICLE N.` line this is
    term: str | None = None  # definition: the term defined
    reading: Reading | None = None  # enum: the enumerator's best reading
    enumerator: str = ""  # enum: as printed (`(4)` of the chain `(4)(i)`)
    chain: tuple[str, ...] = ()  # enum: the rest of a chain, opened on the next word


# Roles `at` asks of the open node, looked up once (an enum member is a slow attribute).
HEADING, ARTICLE_HEADING = Role.HEADING, Role.ARTICLE_HEADING

# The boundaries that carry nothing but their kind: one object each, never modified.
PARAGRAPH, FORCED, SEC, SECTION = Boundary("paragraph"), Boundary("forced"), Boundary("sec"), Boundary("section")

# What `BoundaryFinder.at` reads a word by: its first character, or the word less its quotes.
QUOTES = "\"“"
UNIT_WORDS = frozenset({"Sec.", "Section", "SECTION", "ARTICLE", "Article"})
# The unit words that may open a unit inside a printed line of a text that is not flattened.
INLINE_WORDS = tuple(word for word in UNIT_START_WORDS if word not in ("Section", "SECTION"))


class BoundaryFinder:
    def __init__(self, stream: Stream, tree: OpenNodes):
        self.stream = stream
        self.tree = tree
        # what `enumerator_parts` read of each word: a Section prints `(a)`, `(1)` ... again and again
        self.enumerator_words: dict[str, EnumeratorWord] = {}
        # How far into the text the reads that may go past `LOCAL_REACH` characters from the word
        # they are made at (a note's parenthesis, a version note, a defined term, a citation's
        # notes) may have looked; set back by whoever asks (`structure/reuse.py`: a stretch of
        # text built again elsewhere must be the same as far as its reads looked).
        self.reach = 0

    def worth_visiting(self, candidates: list[int]) -> list[int]:
        """The candidates where `at` may find a unit: not a flush line start (indentation
        shown False) whose word opens no unit by itself (no `(`, quote, digit, `Sec.`,
        `Section`, `ARTICLE`): `at` can find only a paragraph there, and a paragraph opens
        at a flush line start only at the first word. Most printed lines are such lines."""
        stream = self.stream
        if not stream.legislation:
            return candidates
        text, store = stream.text, stream.store
        unvisited = {
            start for start, offset, indented in zip(store.line_first[:-1], store.line_offset, stream.indentation)
            if start and indented is False and not _routed_to_a_unit_at(text, offset)
        }
        return [i for i in candidates if i not in unvisited] if unvisited else candidates

    def visits(self) -> list[int]:
        """`worth_visiting(stream.candidates)`, found without listing every candidate, less
        the words `Section` and `SECTION` inside a line of a text that is not flattened (`at`
        finds nothing there): the line starts worth a visit (a flush line's first character
        read in the text, and its word cut out only when that character leaves the answer
        open) and the unit starts inside lines, merged."""
        stream = self.stream
        if not stream.legislation or not stream.count:
            return stream.candidates
        text, store = stream.text, stream.store
        # inside a printed line only a flattened text opens a unit at `Section` (`_section_at`)
        inside_lines = stream.words_starting_at(
            unit_starts(text, UNIT_START_WORDS if stream.flattened else INLINE_WORDS)
        )
        kept = stream.know_line_starts([
            indented is not False or not start
            or (((first := text[offset]) in ROUTED_FIRST_CHARACTERS or first > "\x7f")
                and _routed_to_a_unit_at(text, offset))
            for start, offset, indented in zip(store.line_first[:-1], store.line_offset, stream.indentation)
        ])
        kept += inside_lines
        kept.sort()  # two sorted runs
        return list(dict.fromkeys(kept))  # a line start opening with `(` is found in both

    # ------------------------------------------------------------ dispatch on the word
    def at(self, i: int) -> Boundary | None:
        stream = self.stream
        if not stream.legislation:
            return PARAGRAPH if self._prose_paragraph_starts(i) else None
        # the word (`stream.word`, written out: `at` is asked at every visit), and where it
        # starts, which the patterns tried at it are matched from
        offset = stream.known_offsets.get(i)
        if offset is None:
            offset = stream.offset(i)
        text = stream.text
        space = text.find(" ", offset)
        word = text[offset:] if space < 0 else text[offset:space]
        first = word[0]
        bare = word.lstrip(QUOTES) if first in QUOTES else word
        found = None
        if first == "(":
            found = self._note_or_citation_at(i, offset, word) or self._enumerator_at(i, word)
        elif bare == "Sec.":
            found = self._sec_at(i, offset)
        elif bare in ("Section", "SECTION"):
            found = self._section_at(i, offset)
        elif bare in ("ARTICLE", "Article"):
            found = self._article_at(i, offset)
        elif bare == units.SCHEDULE:
            found = self._schedule_at(i)
        elif first.isdigit() and stream.line_start[i]:
            found = self._dotted_at(i, word)
        if found is None and first in QUOTES:
            found = self._definition_at(i, offset)
        if found is None and (i == 0 or self._paragraph_starts(i)):
            found = PARAGRAPH
        return found

    def _note_or_citation_at(self, i: int, offset: int, word: str) -> Boundary | None:
        """A Source or version note, a citation line, an Article's or the Act's heading citation
        or an Act heading at a word opening with `(` (starting at `offset` in the text), tried
        where its opening can be there."""
        opens = _may_open(word)
        if opens == "note":
            return self._source_at(i, offset) or self._version_at(i, offset)
        if opens == "citation":
            return (self._citation_at(i, offset) or self._heading_citation_at(i, offset)
                    or self._act_heading_at(i, offset))
        return None  # `(a)`, `(iv)`: most words that open with `(`

    # ------------------------------------------------------------ sentences and lines
    def _prose_paragraph_starts(self, i: int) -> bool:
        if i == 0:
            return True
        if not self.stream.line_start[i]:
            return False
        if self.stream.has_indentation:
            return self.stream.indented[i] is True
        return True

    def _paragraph_starts(self, i: int) -> bool:
        stream = self.stream
        if not stream.line_start[i]:
            return False
        offset = stream.offset(i)
        if stream.text[offset] in RESOLUTION_INITIALS and units.RESOLUTION_CLAUSE.match(stream.text, offset):
            return True  # a resolution's clause opens its paragraph, after `; and`, `; therefore, be it` too
        if not self.ends_clause(i):
            return False
        indented = stream.indented[i]
        if indented is True:
            return True
        return indented is None and stream.text.startswith(units.FRONT_MATTER, stream.offset(i))

    def ends_clause(self, i: int, *, strict: bool = False) -> bool:
        """Does the text before word i end a sentence, a clause or a list item?

        strict: only `:` and `;` (`; and`, `; or`) count, for enumerators inside a line.
        """
        if i == 0:
            return True
        stream = self.stream
        before = stream.previous(i)
        if before.endswith((":", ";")):
            return True
        if before in ("and", "or") and stream.before_previous(i, before).endswith(";"):
            return True
        if strict:
            return False
        current = self.tree.current
        if current.kind in NOTE_PATHS and before.endswith(")"):
            return True
        if stream.line_start[i] and (current.kind == "article" or current.meta.role is ARTICLE_HEADING
                                     or _capitals_heading(current)):
            # `ARTICLE 1. SHORT TITLE; PURPOSE`, `ARTICLE 1.` `GENERAL PROVISIONS`: an Article's
            return True  # heading has no closing stop; nor the Constitution's `SECTION 8. PASSAGE OF BILLS`
        return before.endswith((".", ".)", '."', ".”", ":)", ".'"))

    def _inline_ok(self, i: int) -> bool:
        """Outside a line start, only flattened text starts units after a sentence end."""
        return self.stream.flattened and self.ends_clause(i)

    # ------------------------------------------------------------ notes and citations
    def _source_at(self, i: int, offset: int) -> Boundary | None:
        stream = self.stream
        if not units.SOURCE_OPEN.match(stream.text, offset):
            return None
        if not (stream.line_start[i] or self.ends_clause(i) or stream.previous(i).endswith(")")):
            return None  # `(Repealed)(Source: ...)`: a note may follow a parenthesis
        close = stream.text.find(")", offset, offset + units.SOURCE_REACH)
        looked_to = close + 1 if close >= 0 else offset + units.SOURCE_REACH
        if looked_to > self.reach:
            self.reach = looked_to
        end = stream.word_after(close + 1, i, offset) if close >= 0 else None
        return Boundary("source", end=end)

    def _version_at(self, i: int, offset: int) -> Boundary | None:
        stream = self.stream
        if offset + VERSION_REACH > self.reach:
            self.reach = offset + VERSION_REACH
        match = units.VERSION.match(stream.text, offset)
        if not match or not (stream.line_start[i] or self.ends_clause(i) or self.in_prelude()):
            return None
        return Boundary("version", end=stream.word_after(match.end(), i, offset))

    def _citation_at(self, i: int, offset: int) -> Boundary | None:
        """A Section's citation line: `(815 ILCS 530/10)`, or the Constitution's `(ILCON Art. IV, Sec. 8)`."""
        text = self.stream.text
        match = citations.SECTION_CITATION.match(text, offset) or citations.CONSTITUTION_CITATION.match(text, offset)
        if not match:
            return None
        end = self._citation_end(i, match)
        return None if end is None else Boundary("citation", end=end)

    def _heading_citation_at(self, i: int, offset: int) -> Boundary | None:
        """`(10 ILCS 5/Art. 1 heading)`, `(30 ILCS 765/Act title)`: an Article's or the Act's heading."""
        match = citations.HEADING_CITATION.match(self.stream.text, offset)
        if not match:
            return None
        end = self._citation_end(i, match)
        if end is None:
            return None
        return Boundary("heading_citation", end=end, of_article=match["article"] is not None)

    def _citation_end(self, i: int, match: Match[str]) -> int | None:
        """Where a citation line (with its notes) ends, or None if it is a reference inside
        a sentence: it must open a line or follow a clause end, and in a line it must be
        followed by what follows a citation line (`Sec.`, another note, a `Section`)."""
        stream = self.stream
        if not (stream.line_start[i] or self.ends_clause(i) or self.in_prelude()):
            return None
        after = notes_end(stream.text, match.end())
        # the notes found were read to their ends (and a nested parenthesis or a lookahead
        # past them); the note tried at `after`, far only where one opens there; a `(from `
        # note is first read to its `)` (`notes.notes_end`)
        close = stream.text.find(")", match.end())
        reach = NOTES_REACH if _note_opens_at(stream.text, after) else LOCAL_REACH
        looked_to = max(after + reach, close + 1 if close >= 0 else len(stream.text))
        if looked_to > self.reach:
            self.reach = looked_to
        if not stream.line_start[i] and after < len(stream.text) and not stream.text.startswith(
            ("Sec.", "(", "Secti", "SECTI", "ARTICLE", "Article"), after + 1, after + 9
        ):
            return None
        return stream.word_after(after, i, match.start())  # the match opened at word i

    def _act_heading_at(self, i: int, offset: int) -> Boundary | None:
        stream = self.stream
        match = citations.ACT_HEADING.match(stream.text, offset)
        if not match or not (stream.line_start[i] or self.ends_clause(i)):
            return None
        return Boundary("act", act=citations.act_name(match["title"], match["act"]))

    def in_prelude(self) -> bool:
        """Inside a codified Section before its `Sec. N.` line (its citation and notes)."""
        section = self.tree.innermost("section")
        return section is not None and self.tree.state(section).awaiting_sec

    # ------------------------------------------------------------ Sec., Section, ARTICLE
    def _sec_at(self, i: int, offset: int) -> Boundary | None:
        stream = self.stream
        if not units.SEC.match(stream.text, offset):
            return None
        if self.tree.current.kind in ("citation", "version_note"):
            return SEC  # after its citation line or a note (asked first: no clause end to read)
        if not ((stream.line_start[i] and self.ends_clause(i)) or self._inline_ok(i)):
            return None
        return SEC

    def _section_at(self, i: int, offset: int) -> Boundary | None:
        stream = self.stream
        if not (stream.line_start[i] or stream.flattened):
            return None  # inside a printed line only a flattened text opens one (`_inline_ok`): a reference
        match = units.SECTION.match(stream.text, offset)
        if not match:
            return None
        if self._constitution_section_line(offset):
            return SEC
        following = stream.word_from(match.end())
        if following and not (following[0].isupper() or following[0] in "\"“("):
            return None
        at_start = stream.line_start[i] and (self.ends_clause(i) or bool(units.AMOUNT.fullmatch(stream.previous(i))))
        if not (at_start or self._inline_ok(i)):
            return None  # (an appropriation's Section ends with an amount: `Total $12,697,400`)
        return SECTION

    def _schedule_at(self, i: int) -> Boundary | None:
        """`SCHEDULE` opening a line after a Constitution's Section (`(ILCON Art. IV, Sec. 8)`),
        a capitalised sentence after it: the resolution's schedule, a unit of its own."""
        stream = self.stream
        following = stream.following(i)
        if not stream.line_start[i] or not following[:1].isupper():
            return None
        section = self.tree.innermost("section")
        citation = section.children[0] if section is not None and section.children else None
        if citation is None or citation.kind != "citation" or not citation.text.startswith(CONSTITUTION_OPENING):
            return None
        return Boundary("schedule")

    def _constitution_section_line(self, offset: int) -> bool:
        """`SECTION 8. PASSAGE OF BILLS` right after its citation line `(ILCON Art. IV, Sec. 8)`:
        the Constitution's Section prints its number line as a codified Section its `Sec. 8.`."""
        if self.tree.current.kind != "citation" or not self.stream.text.startswith("SECTION", offset):
            return False
        return self.in_prelude() and self.tree.current.text.startswith(CONSTITUTION_OPENING)

    def _article_at(self, i: int, offset: int) -> Boundary | None:
        stream = self.stream
        match = units.ARTICLE.match(stream.text, offset)
        if not match:
            return None
        awaiting = self._article_awaiting_heading()
        if awaiting is not None:
            return Boundary("article_heading", article=awaiting)
        if not (stream.line_start[i] or (stream.flattened and match["word"] == "ARTICLE")):
            return None  # inside a printed line only a flattened text's `ARTICLE` opens one (`_inline_ok`)
        if match["word"] == "Article" and not self.ends_clause(i):
            return None
        following = stream.word_from(match.end())
        if following and not following[0].isupper():
            return None
        if not (stream.line_start[i] or self._inline_ok(i)):
            return None
        return Boundary("article")

    def _article_awaiting_heading(self) -> Node | None:
        """A codified Article whose citation line was just read and whose `ARTICLE N.` comes now."""
        if self.tree.current.kind != "citation":
            return None  # (asked first: it is the cheaper question)
        article = self.tree.innermost("article")
        if article is None or not self.tree.state(article).awaiting_heading:
            return None
        return article

    # ------------------------------------------------------------ definitions
    def _definition_at(self, i: int, offset: int) -> Boundary | None:
        stream = self.stream
        at_start = stream.line_start[i] and (stream.indented[i] is True or self.ends_clause(i))
        after_lead_in = stream.previous(i).endswith(":")  # `In this Act: "Data Collector" may ...`
        if not (at_start or after_lead_in or self._inline_ok(i)):
            return None
        if offset + DEFINITION_REACH > self.reach:
            self.reach = offset + DEFINITION_REACH
        match = definitions.DEFINITION.match(stream.text, offset)
        if not match:
            return None
        term = " ".join(match["term"].split())
        if len(term.split()) > definitions.TERM_MAX_WORDS or any(mark in term for mark in (". ", ": ", "; ")):
            return None  # a quoted passage (`"Section 1. Short title. ...`), not a defined term
        if not at_start:
            open_definition = self.tree.innermost("definition", stop_at_section_level=True)
            if open_definition is not None and same_term(open_definition.meta.term, term):
                return None
        return Boundary("definition", term=term)

    # ------------------------------------------------------------ enumerators
    def _enumerator_at(self, i: int, printed: str) -> Boundary | None:
        """An enumerator at word `i`, printed `printed`, opening its unit."""
        stream = self.stream
        parts = self.enumerator_words.get(printed)
        if parts is None:
            parts = self.enumerator_words[printed] = enumerator_parts(printed)
        word, chain, readings = parts
        if not readings:
            return None
        reading = self.best_reading(readings)
        if stream.line_start[i]:
            if self._line_start_score(i, reading.relation, stream.following(i)) < 2:
                return None
        elif reading.relation not in ("next", "first"):
            return None  # inside a line only the next or the first of a list opens (most references are neither)
        elif not self._inline_enumerator_ok(i, reading.relation, stream.following(i)):
            return None
        return Boundary("enum", reading=reading, enumerator=word, chain=chain)

    def _dotted_at(self, i: int, word: str) -> Boundary | None:
        """A whole Act's numbered paragraph: `1. "Election" includes ...` opening a line,
        indented (or after a clause end where the rendering shows no indentation), in sequence."""
        stream = self.stream
        match = enumerators.DOTTED.fullmatch(word)
        if not match:
            return None
        indented = stream.indented[i]
        if indented is False or (indented is None and not self.ends_clause(i)):
            return None
        following = stream.following(i)
        if not following or not (following[0].isupper() or following[0] in "\"“("):
            return None
        value: EnumValue = (int(match.group(1)), ())
        relation, target = self.relation("dotted", value)
        if relation not in ("next", "first"):
            return None
        return Boundary("enum", reading=Reading("dotted", value, relation, target), enumerator=match.group(0))

    def _line_start_score(self, i: int, relation: str, following: str) -> int:
        stream = self.stream
        score = RANK[relation]
        score += INDENTATION_SCORES[stream.indented[i]]
        if i > 0:
            score += 1 if self.ends_clause(i) else -3
        score += self._follower_score(i, following)
        return score

    def _follower_score(self, i: int, following: str) -> int:
        if not following:
            return 0
        head = following[0]
        if head.isupper() or head.isdigit() or head in "\"“($":
            return 1
        in_list = self.ends_clause(i, strict=True)
        connectors = LIST_CONNECTORS if in_list else CONNECTORS
        if following.strip(",.;:") in connectors:
            return -3
        return 1 if in_list else 0

    def _inline_enumerator_ok(self, i: int, relation: str, following: str) -> bool:
        """An enumerator inside a line that reads as the next or the first of a list (`relation`):
        does it open that unit, or is it a reference (`(c) of Section 20`)?"""
        in_list = self.ends_clause(i, strict=True)
        connectors = LIST_CONNECTORS if in_list else CONNECTORS
        if following and following.strip(",.;:") in connectors:  # lowercase only: a capital opens a sentence
            return False
        if self.stream.flattened and self.ends_clause(i):
            return True
        current = self.tree.current
        if relation == "first" and current.meta.role == HEADING:
            # `Sec. 1. (a) The term ...`; the Constitution's `SECTION 1. LEGISLATURE - POWER AND
            # STRUCTURE (a) Except ...` (its heading in capitals, no stop)
            return self.ends_clause(i) or _capitals_heading(current)
        if relation == "first" and self._after_enumerator_heading(i):
            return True  # `(A) Temporary Relief. (1) At any time ...`
        if relation == "first":
            return self.stream.previous(i).endswith(":")
        return self.ends_clause(i, strict=True)

    def _after_enumerator_heading(self, i: int) -> bool:
        """The open node is an enumerated unit whose words so far are its enumerator and a
        short capitalised heading ending in a period: the first of its list may follow inline."""
        current = self.tree.current
        enumerator = current.meta.enumerator
        if enumerator is None or not self.ends_clause(i):
            return False
        words = current.text.split(None, ENUM_HEADING_MAX_WORDS + 1)  # enough to tell a longer text
        heading = words[1:] if words and words[0] == enumerator else []
        return 0 < len(heading) <= ENUM_HEADING_MAX_WORDS and heading[0][:1].isupper()

    def best_reading(self, readings: Sequence[tuple[str, int, tuple[int, ...]]]) -> Reading:
        """The reading of an enumerator (`enumerators.readings`, at least one) that best
        continues the open lists (the first of the best when they tie)."""
        best: Reading | None = None
        for style, value, suffix in readings:
            relation, target = self.relation(style, (value, suffix))
            if best is None or RANK[relation] > RANK[best.relation]:
                best = Reading(style, (value, suffix), relation, target)
        assert best is not None, "best_reading needs a reading"
        return best

    def relation(self, style: str, value: EnumValue) -> tuple[str, Node | None]:
        """How an enumerator continues the open lists: next, gap, first or orphan."""
        states = self.tree.states
        for node in reversed(self.tree.stack):
            if node.kind in SECTION_LEVEL:
                break
            state = states.get(node)  # a node with no state has no style
            if state is None or state.style != style:
                continue
            found = _sequence(state.value, value)
            if found:
                return found, node
            break
        if value == (1, ()):
            return "first", None
        return "orphan", None


def _routed_to_a_unit(word: str) -> bool:
    """Does `at` look for a unit of its own at this word (beyond a paragraph)?"""
    first = word[0]
    return first == "(" or first in QUOTES or first.isdigit() or word.lstrip(QUOTES) in UNIT_WORDS


class EnumeratorWord(NamedTuple):
    """A printed word read as an enumerator: the first enumerator (`(4)` of the chain
    `(4)(i)`, else the word), the rest of the chain, and the first's readings (none: no enumerator)."""

    first: str
    chain: tuple[str, ...]
    readings: tuple[tuple[str, int, tuple[int, ...]], ...]


def enumerator_parts(word: str) -> EnumeratorWord:
    chain = enumerators.chain_parts(word)
    first = chain[0] if chain else word
    return EnumeratorWord(first, tuple(chain[1:]), tuple(enumerators.readings(first)))


def _may_open(word: str) -> str | None:
    """What may start at a word opening with `(`: a "note" (`(Source:`; a version note:
    `(Text of`, `(Section`, `(Article`, `(Act`, `(This`), its second character S, T or A; a
    "citation" (`(10 ILCS 5/1-1)`, `(10 ILCS 5/Art. 1 heading)`, `(815 ILCS 530/)`), the rest
    of the word digits (`str.isdigit` takes every digit the patterns' `\\d` takes, and more),
    or the Constitution's `(ILCON Art. IV, Sec. 8)`;
    else neither (None)."""
    if word[1:2] in NOTE_SECOND_CHARACTERS:
        return "note"
    return "citation" if word[1:].isdigit() or word == CONSTITUTION_OPENING else None


CONSTITUTION_OPENING = "(" + citations.CONSTITUTION  # `(ILCON Art. IV, Sec. 8)`


NOTE_SECOND_CHARACTERS = frozenset("STA")

# The first letters of `UNIT_WORDS`: a word opening with another letter is none of them.
UNIT_WORD_INITIALS = frozenset(word[0] for word in UNIT_WORDS)
# The characters a word `_routed_to_a_unit` may open with, but the digits beyond ASCII (all
# beyond `\x7f`): `visits` reads a flush line's word only when it opens with one of these or beyond.
ROUTED_FIRST_CHARACTERS = frozenset("(" + QUOTES + "0123456789") | UNIT_WORD_INITIALS


def _routed_to_a_unit_at(text: str, offset: int) -> bool:
    """`_routed_to_a_unit` of the word starting at `offset` in `text`, the word cut out only
    when its first character leaves the answer open (most words of a line start do not)."""
    first = text[offset]
    if first == "(" or first in QUOTES or first.isdigit():
        return True
    if first not in UNIT_WORD_INITIALS:
        return False
    end = text.find(" ", offset)
    return (text[offset:] if end < 0 else text[offset:end]) in UNIT_WORDS  # no quote to strip: `first` is none


# How each citation note opens (`citations.CITATION_NOTE_TEXT`; `(new)` and `(rep.)`, whole
# in LOCAL_REACH, are read no further).
NOTE_OPENINGS = ("(from ", "(was ", "(formerly ")


def _note_opens_at(text: str, offset: int) -> bool:
    """Does a citation note open at `offset`, or after a space there?"""
    return text.startswith(NOTE_OPENINGS, offset + 1 if text.startswith(" ", offset) else offset)


def _capitals_heading(node: Node) -> bool:
    """`SECTION 8. PASSAGE OF BILLS`: a Section line (the Constitution's) whose heading is
    printed in capitals, with no closing stop: what follows it opens a new clause."""
    if node.meta.role is not HEADING or not node.text_head(8).startswith("SECTION "):
        return False
    text = node.text
    match = units.SECTION.match(text)
    return match is not None and text[match.end():].isupper()


def _sequence(previous: EnumValue | None, value: EnumValue) -> str | None:
    if previous is None:
        return None
    (base, suffix), (new_base, new_suffix) = previous, value
    if new_base == base and new_suffix > suffix:
        return "next"
    if new_base == base + 1:
        return "next"
    if base + 1 < new_base <= base + 3:
        return "gap"
    return None


def same_term(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.strip().lower() == b.strip().lower()
