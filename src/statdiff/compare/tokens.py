"""Diff tokens: legal units kept whole, punctuation split off.

A token is a legal unit (`(b-5)`, `(a)`, `$250,000`, `815 ILCS 530/10`,
`P.A. 94-947`, `1-1-06`, `U.S.C.`), a word (a compound cut after each hyphen between
letters, `non-` `forwardable`, so that a line broken there compares alike), one Chinese or
Japanese character (those languages print no space between words), or one punctuation mark.
A number or unit printed broken after its hyphen at a line's end (`1-1-` `21`) is the one
token the whole printing makes (`1-1- 21`, compared as `1-1-21`: `compared_text`). Leading
and trailing punctuation (`"`, `(`, `,`, `.`, `;`, `:`, `)` ...) become tokens
of their own with `space_before=False`, so that "data system." ->
"data system or written material files." is an insertion before ".".

`rebuild(tokenize(words)) == " ".join(word.text for word in words)` for any words
(`rebuild`, which joins tokens back into text, is the model's: every stage reads text
back from tokens, only this stage makes them).

The legal units are the Illinois grammar's (`statdiff.law`): an enumerator as the structure
stage reads one (`enumerators.TEXT`: up to five letters or three digits, then up to three
`-N` / `.N` parts), an ILCS reference (`citations`), a Public Act (`public_acts`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Sequence

from statdiff.law import citations, enumerators, public_acts
from statdiff.law.compiling import when_used
from statdiff.model import Token, Word, rebuild

LEADING = frozenset('("[“‘')
TRAILING = frozenset(',.;:)"]”’!?')

# Units that must not lose their punctuation: enumerators `(a)` `(iii)` `(1.5)` `(b-5)`,
# abbreviations `U.S.C.` `P.A.`.
_UNIT = re.compile(rf"{enumerators.TEXT}|(?:[A-Za-z]\.){{2,}}")

# Multi-word units, matched on consecutive pieces: `815 ILCS 530/10`, `P.A. 94-947`.
_ILCS_TITLE = re.compile(citations.TITLE_TEXT)
_ILCS_SECTION = re.compile(citations.ACT_AND_SECTION_TEXT)
_PUBLIC_ACT_NUMBER = when_used(public_acts.NUMBER_TEXT)
# The words a multi-word unit may start with or hold.
_UNIT_WORDS = frozenset({citations.ILCS, public_acts.ABBREVIATION})


def tokenize(words: Sequence[Word], *, leading_space: bool = False) -> list[Token]:
    """Split words into diff tokens; each token keeps its word's position and mark.
    `leading_space`: the words continue a text, so the first token has a space before it."""
    pieces: list[tuple[str, bool, Word]] = []  # (text, space_before, word)
    needs_merge = False
    numbered = enumerate(words)
    for index, word in numbered:
        text = word.text
        if "-" in text and text[-1] == "-" and index + 1 < len(words) and _joins_next(text, words[index + 1].text):
            end = _broken_run_end(words, index)
            pieces.extend(_broken_pieces(words[index:end], index > 0 or leading_space))
            needs_merge = True
            for _ in range(end - index - 1):  # the words that complete it are its pieces already
                next(numbered)
            continue
        parts = _split_word(text)
        pieces.append((parts[0], index > 0 or leading_space, word))
        for part in parts[1:]:
            pieces.append((part, False, word))
        needs_merge = needs_merge or parts[0] == public_acts.ABBREVIATION or citations.ILCS in parts
    if not needs_merge:
        return [Token(text, word.position, space_before, word.mark) for text, space_before, word in pieces]
    return _merge_units(pieces)


@lru_cache(maxsize=1 << 16)
def _split_word(text: str) -> tuple[str, ...]:
    """A word's leading punctuation, its core (a compound cut after each hyphen between
    letters: `non-` `forwardable`), and its trailing punctuation, in order; a word holding
    Chinese or Japanese, each of those characters apart."""
    if not text.isascii() and max(text) >= _FIRST_CJK and _CJK_CHARACTER.search(text) is not None:
        return _split_cjk(text)
    if text.isalnum() or _UNIT.fullmatch(text):
        return (text,)
    parts = _split_word_parts(text)
    if "-" not in text and (text.isascii() or ("\u2010" not in text and "\u2011" not in text)):
        return tuple(parts)
    return tuple(piece for part in parts for piece in _COMPOUND_HYPHEN.split(part) if piece)


# Chinese and Japanese print no space between words: a run of Han, Hiragana or Katakana (and
# the full-width marks printed with them) is split into its characters, each a token, so that
# an edit shows as the characters it changed (`許可が[-必-]{+不+}要な`), not as the whole run,
# often a whole paragraph, replaced; and a line broken anywhere inside a run compares alike.
# Korean spaces its words (Hangul is left whole, as Latin words are). Text between such
# characters (`第5条`: `5`) is split as any word.
_CJK_CHARACTER = when_used(
    "[\u3001-\u303f"  # CJK punctuation and symbols (、 。 「 」 々 〆 〇 ...)
    "\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff"  # Hiragana, Katakana and its extension
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"  # Han (CJK ideographs, extensions)
    "\uff01-\uff9f]"  # full-width marks, letters and digits (（ ） ， ： ； １), half-width Katakana
)
_CJK_SPLIT = when_used(f"({_CJK_CHARACTER.pattern})")
# Below the first of them, no character is one: a word without any (most words that are not ASCII,
# `§`, `“`) is never searched, and the patterns are compiled only for a text that holds some.
_FIRST_CJK = "\u3001"


def printed_without_spaces(character: str) -> bool:
    """Whether `character` is of a script printed without spaces between its words (Chinese,
    Japanese: `_CJK_CHARACTER`), where an output adds no space of its own beside it."""
    return _CJK_CHARACTER.fullmatch(character) is not None


def _split_cjk(text: str) -> tuple[str, ...]:
    """A word holding CJK characters: each character one piece, the text between them split
    as a word is (`第5条。` -> `第` `5` `条` `。`)."""
    pieces: list[str] = []
    for index, run in enumerate(_CJK_SPLIT.split(text)):
        if index % 2:
            pieces.append(run)
        elif run:
            pieces.extend(_split_word(run))
    return tuple(pieces)


# The hyphen of a compound (`non-forwardable`, `dual-purpose`): a text printed in lines (a PDF,
# a page re-wrapped) breaks a compound after its hyphen (`non-` at a line's end, `forwardable`
# opening the next), and both printings must compare as the same words. Between letters the
# compound is cut after its hyphen (`non-` `forwardable` however it was printed); where a digit
# stands on either side (`1-1-21`, `5/10-15`, `P.A. 95-876`, `(b-5)`, `24-hour`) the word is a
# number, a citation or a legal unit that stays one token, and a printing that breaks it
# (`1-1-` at a line's end, `21` opening the next) is joined back into that one token (its text
# keeps the printed space, `1-1- 21`; it compares as `1-1-21`: `compared_text`).
# A mirror's Unicode hyphen (U+2010, and the non-breaking U+2011 a page prints to keep
# `Pre‑Filing` on one line) is a hyphen: its compound is cut the same way (`words.compared`
# compares it as `-`).
_LETTER, _LETTER_OR_DIGIT = r"[^\W\d_]", r"[^\W_]"
_COMPOUND_HYPHEN = re.compile(rf"(?<={_LETTER}[-\u2010\u2011])(?={_LETTER})")
# A word broken after its hyphen that the tokenizer joins (a digit on either side of a hyphen
# between letters or digits), in a text of words joined by spaces (`1-1- 21`): what
# `BROKEN_IN_TEXT_MATCHES` matches, written to open with the `- ` every match is, so that a
# search runs through a long text to each `-` at once, not trying the lookbehinds at every
# character (a test holds it to that pattern on every corpus text).
BROKEN_IN_TEXT_MATCHES = rf"(?<=\d)- (?={_LETTER_OR_DIGIT})|(?<={_LETTER_OR_DIGIT})- (?=\d)"
_BROKEN_IN_TEXT = re.compile(rf"- (?:(?<=\d- )(?={_LETTER_OR_DIGIT})|(?<={_LETTER_OR_DIGIT}- )(?=\d))")
# What a word broken after its hyphen prints between its pieces; gone from the compared text.
BROKEN_HYPHEN = "- "


def continues_compound(before: str, after: str) -> bool:
    """Whether the text `after` (a token, a word) continues a compound that `before` ends after
    its hyphen, so that the two are one word cut where the tokenizer cuts compounds (`time`
    after `one-`; never `21` after `1-1-`, a number the tokenizer keeps whole)."""
    return _COMPOUND_HYPHEN.match(before[-2:] + after[:1], 2) is not None


def _joins_next(before: str, after: str) -> bool:
    """Whether the word `before`, ending in a hyphen, is a word broken there that `after`
    completes and that the tokenizer keeps whole (a digit beside the hyphen): `1-1-` `21`,
    `5/10-` `15`, `95-` `876`, `(b-` `5)`. Never a dash alone (`-`, `--`), nor a hyphen that a
    mark or a new item's bracket follows (`(a)`), nor a compound of letters (cut, not joined)."""
    return _BROKEN_IN_TEXT.match(f"{before[-2:]} {after[:1]}", 1) is not None


def _broken_run_end(words: Sequence[Word], start: int) -> int:
    """The index after the last word of the broken word that begins at `start` (a number may
    be broken more than once: `1-` `1-` `21` in a narrow column)."""
    end = start + 1
    while end < len(words) and words[end - 1].text[-1:] == "-" and _joins_next(words[end - 1].text, words[end].text):
        end += 1
    return end


def _broken_pieces(words: Sequence[Word], space_before: bool) -> list[tuple[str, bool, Word]]:
    """The pieces of a word printed broken after its hyphens (`words`), as the whole word splits
    (its punctuation off, a unit whole): the printed space put back wherever a break falls
    inside a piece (`1-1- 21`), a piece that starts at a break spaced from the one before, and
    each piece with the word it starts in."""
    starts = [0]
    for word in words[:-1]:
        starts.append(starts[-1] + len(word.text))
    pieces: list[tuple[str, bool, Word]] = []
    start = 0
    for part in _split_word("".join(word.text for word in words)):
        end = start + len(part)
        for cut in reversed([cut for cut in starts if start < cut < end]):
            part = part[:cut - start] + " " + part[cut - start:]
        word_index = bisect_right(starts, start) - 1
        pieces.append((part, space_before if start == 0 else starts[word_index] == start, words[word_index]))
        start = end
    return pieces


def rejoined(text: str) -> str:
    """A text (words joined by spaces) with each word printed broken after its hyphen whole,
    as the tokenizer compares it (`Section 1- 17` -> `Section 1-17`, `24- hour` -> `24-hour`;
    `non- forwardable` is left, a compound of letters the tokenizer cuts alike either way)."""
    return _BROKEN_IN_TEXT.sub("-", text) if BROKEN_HYPHEN in text else text


def compared_text(text: str) -> str:
    """A token's text as it compares with the other copy's: a word broken after its hyphen
    (`1-1- 21`) as the whole word (`1-1-21`)."""
    return text.replace(BROKEN_HYPHEN, "-") if BROKEN_HYPHEN in text else text


def _split_word_parts(text: str) -> list[str]:
    unit = _unit_before_trailing(text)
    if unit is not None:
        return [unit] + list(text[len(unit):])
    start, end = 0, len(text)
    # A unit neither opens with two leading marks nor ends with two trailing ones (it is `(a)`
    # or `U.S.C.`): only a stretch that does not is tested, so a run of marks costs no tests.
    while start < end - 1 and text[start] in LEADING and not (
        text[start + 1] not in LEADING and _UNIT.fullmatch(text, start, end)
    ):
        start += 1
    stem = _stem_end(text)
    while end - 1 > start and text[end - 1] in TRAILING and not (end <= stem + 1 and _UNIT.fullmatch(text, start, end)):
        end -= 1
    if start == 0 and end == len(text):
        return [text]
    unit = _unit_before_trailing(text[start:])
    if unit is not None:
        end = start + len(unit)
    return list(text[:start]) + [text[start:end]] + list(text[end:])


def _unit_before_trailing(text: str) -> str | None:
    """The longest unit left after stripping trailing punctuation, e.g. `(a)` of `(a),`.

    A unit ends with one mark after a letter or digit (`(a)`, `U.S.C.`), never with two
    trailing marks, so only the text up to the first trailing mark of the run that ends the
    word, or up to the mark before that run, can be one: two tests, however long the run
    (a word of 100,000 dots tested every prefix, each a copy: minutes for a dot-leader page)."""
    stem = _stem_end(text)
    for end in (stem + 1, stem):
        if 1 <= end < len(text) and _UNIT.fullmatch(text, 0, end):
            return text[:end]
    return None


_TRAILING_MARKS = "".join(sorted(TRAILING))


def _stem_end(text: str) -> int:
    """Where the run of trailing punctuation that ends `text` begins."""
    return len(text.rstrip(_TRAILING_MARKS))


def _merge_units(pieces: list[tuple[str, bool, Word]]) -> list[Token]:
    tokens: list[Token] = []
    index = 0
    while index < len(pieces):
        text, space_before, word = pieces[index]
        length = _unit_length(pieces, index) if text == public_acts.ABBREVIATION or text[:1].isdigit() else 1
        if length > 1:
            text = " ".join(piece[0] for piece in pieces[index:index + length])
        tokens.append(Token(text, word.position, space_before, word.mark))
        index += length
    return tokens


def _unit_length(pieces: list[tuple[str, bool, Word]], index: int) -> int:
    """How many pieces from `index` form one multi-word legal unit (1 if none)."""
    texts = [compared_text(piece[0]) for piece in pieces[index:index + 3]]
    spaced = [piece[1] for piece in pieces[index + 1:index + 3]]
    if (
        len(texts) == 3
        and all(spaced)
        and _ILCS_TITLE.fullmatch(texts[0])
        and texts[1] == citations.ILCS
        and _ILCS_SECTION.fullmatch(texts[2])
    ):
        return 3
    if len(texts) >= 2 and spaced[0] and texts[0] == public_acts.ABBREVIATION and _PUBLIC_ACT_NUMBER.fullmatch(texts[1]):
        return 2
    return 1


def may_join_a_unit(word: str) -> bool:
    """Whether a word may belong to a multi-word unit with the words around it (`815`,
    `ILCS` and `530/10` of `815 ILCS 530/10`; `P.A.`; `(b-` of `(b-` `5)`, a unit printed broken
    after its hyphen), so that a cut between words must not fall next to it."""
    return word in _UNIT_WORDS or word.lstrip("(")[:1].isdigit() or (word[-1:] == "-" and word[-2:-1].isalnum())


__all__ = ["BROKEN_HYPHEN", "compared_text", "continues_compound", "may_join_a_unit", "rebuild", "rejoined", "tokenize"]


def common_head(first: "Sequence[Token | Word]", second: "Sequence[Token | Word]") -> int:
    """How many words (tokens) the two runs begin with alike, text for text."""
    count = 0
    for one, other in zip(first, second):
        if one.text != other.text:
            break
        count += 1
    return count
