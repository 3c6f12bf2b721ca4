"""Word diff: the segments of two token lists (rapidfuzz Indel opcodes over token ids),
matched sentence by sentence first when the runs are long, then grouped into phrases."""

from __future__ import annotations

from typing import Sequence

from rapidfuzz.distance import Indel

from statdiff.compare.grouping import group_segments
from statdiff.compare.tokens import BROKEN_HYPHEN, compared_text
from statdiff.model import Op, Segment, Token

SENTENCE_DIFF_ABOVE = 20_000  # tokens: longer runs are matched sentence by sentence first

# Typographic quotation marks and apostrophes are the straight ones a word processor curled
# (`“Data Collector”`, `Driver’s` in a bill saved from Word; `"Data Collector"`, `Driver's` on
# ilga.gov), and a mirror's Unicode hyphens (U+2010, the non-breaking U+2011: `Pre‑Filing`,
# `par. 42.23‑1`) are ilga.gov's `-`: the same words, never a change. Each copy keeps its own
# marks as printed.
_TYPOGRAPHIC = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                              "\u2010": "-", "\u2011": "-"})


def compared(text: str) -> str:
    """What a token's text is compared as: its quotation marks and apostrophes straight (and a
    word printed broken after its hyphen whole: `_ids`)."""
    return text if text.isascii() else text.translate(_TYPOGRAPHIC)


def _ids(old: Sequence[Token], new: Sequence[Token]) -> tuple[list[int], list[int]]:
    """Each token's id: tokens that compare alike (`compared`) share one. A word printed broken
    after its hyphen (`1-1- 21`, one token: `tokens.compared_text`) shares the id of the whole
    word (`1-1-21`); such tokens are rare, so the texts are looked through once, together
    (joined in C), for one, and not token by token."""
    vocabulary: dict[str, int] = {}
    old_ids = [vocabulary.setdefault(compared(token.text), len(vocabulary)) for token in old]
    new_ids = [vocabulary.setdefault(compared(token.text), len(vocabulary)) for token in new]
    if BROKEN_HYPHEN not in "\n".join(vocabulary):
        return old_ids, new_ids
    whole = {index: vocabulary.setdefault(compared_text(text), len(vocabulary))
             for text, index in list(vocabulary.items()) if BROKEN_HYPHEN in text}
    return [whole.get(index, index) for index in old_ids], [whole.get(index, index) for index in new_ids]


def diff_tokens(old: Sequence[Token], new: Sequence[Token], *,
                sentence_diff_above: int = SENTENCE_DIFF_ABOVE) -> list[Segment]:
    """Word-level segments of two token lists, grouped into phrases. Runs longer than
    `sentence_diff_above` tokens together are matched sentence by sentence first."""
    old_ids, new_ids = _ids(old, new)
    if old_ids == new_ids:
        return [Segment(Op.EQUAL, tuple(old), tuple(new))] if old else []
    raw: list[Segment] = []
    _raw_segments(old, new, old_ids, new_ids, raw, sentence_diff_above)
    return group_segments(raw)


def _raw_segments(old: Sequence[Token], new: Sequence[Token], old_ids: list[int], new_ids: list[int],
                  raw: list[Segment], sentence_diff_above: int) -> None:
    """Indel opcodes over token ids. Long runs are first matched sentence by sentence and
    only the sentences that differ are diffed word by word: Indel is O(n*m/64), and a long
    node with changes at both ends must not cost minutes."""
    if len(old_ids) + len(new_ids) > sentence_diff_above:
        old_sentences, new_sentences = _sentences(old), _sentences(new)
        if len(old_sentences) > 2 and len(new_sentences) > 2:
            _raw_by_sentence(old, new, old_ids, new_ids, old_sentences, new_sentences, raw, sentence_diff_above)
            return
    for opcode in Indel.opcodes(old_ids, new_ids):
        raw.append(Segment(Op(opcode.tag), tuple(old[opcode.src_start:opcode.src_end]),
                           tuple(new[opcode.dest_start:opcode.dest_end])))


_SENTENCE_ENDS = frozenset({".", ";", ":", "\u3002", "\uff1b", "\uff1a"})  # . ; : and 。 ； ：


def _sentences(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """(start, end) token ranges ending after `.`, `;` or `:` (or their full-width forms, which
    end a Chinese or Japanese sentence)."""
    ranges, start = [], 0
    for index, token in enumerate(tokens):
        if token.text in _SENTENCE_ENDS:
            ranges.append((start, index + 1))
            start = index + 1
    if start < len(tokens):
        ranges.append((start, len(tokens)))
    return ranges


def _raw_by_sentence(old: Sequence[Token], new: Sequence[Token], old_ids: list[int], new_ids: list[int],
                     old_sentences: list[tuple[int, int]], new_sentences: list[tuple[int, int]],
                     raw: list[Segment], sentence_diff_above: int) -> None:
    vocabulary: dict[tuple[int, ...], int] = {}
    old_keys = [vocabulary.setdefault(tuple(old_ids[a:b]), len(vocabulary)) for a, b in old_sentences]
    new_keys = [vocabulary.setdefault(tuple(new_ids[a:b]), len(vocabulary)) for a, b in new_sentences]
    old_bounds = [start for start, _ in old_sentences] + [len(old)]
    new_bounds = [start for start, _ in new_sentences] + [len(new)]
    pending: list[int] | None = None  # a run of differing sentences: old and new token ranges
    for opcode in Indel.opcodes(old_keys, new_keys):
        old_range = [old_bounds[opcode.src_start], old_bounds[opcode.src_end]]
        new_range = [new_bounds[opcode.dest_start], new_bounds[opcode.dest_end]]
        if opcode.tag != Op.EQUAL:
            if pending is None:
                pending = old_range + new_range
            else:
                pending[1], pending[3] = old_range[1], new_range[1]
            continue
        if pending is not None:
            _raw_differing(old, new, old_ids, new_ids, pending, raw, sentence_diff_above)
            pending = None
        raw.append(Segment(Op.EQUAL, tuple(old[old_range[0]:old_range[1]]), tuple(new[new_range[0]:new_range[1]])))
    if pending is not None:
        _raw_differing(old, new, old_ids, new_ids, pending, raw, sentence_diff_above)


def _raw_differing(old: Sequence[Token], new: Sequence[Token], old_ids: list[int], new_ids: list[int],
                   ranges: list[int], raw: list[Segment], sentence_diff_above: int) -> None:
    """Word-level opcodes of a run of sentences that differ (one replace if it is huge)."""
    old_start, old_end, new_start, new_end = ranges
    if old_end - old_start + new_end - new_start > sentence_diff_above:
        raw.append(Segment(Op.REPLACE, tuple(old[old_start:old_end]), tuple(new[new_start:new_end])))
        return
    for inner in Indel.opcodes(old_ids[old_start:old_end], new_ids[new_start:new_end]):
        raw.append(Segment(
            Op(inner.tag),
            tuple(old[old_start + inner.src_start:old_start + inner.src_end]),
            tuple(new[new_start + inner.dest_start:new_start + inner.dest_end]),
        ))
