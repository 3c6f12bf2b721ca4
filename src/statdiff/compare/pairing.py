"""Pairing: the sections of two texts (and the nodes of a section pair), first by
identity, then by content.

Identity: the same key (path, citation, section number, definition term), tried
in the order given. Content: rapidfuzz `process.extract` (each old text against the new) with a `score_cutoff`,
only over what is still unpaired (renumbered, moved, split, merged Sections, a
definition whose term changed). What stays unpaired is added or removed.
A pair whose order among the pairs changed is a move; a pair found by content
whose number differs is a renumber.

Positional items (`positional(item)` true: a contract's clause, whose number shifts when
a clause is inserted before it) pair by key before content only with the one item of the
same text (a text no other positional item has); then, in reading order, with an item of
the same text (a clause renumbered and nothing else; `[Reserved]` twice); then with the
item of the same name (`heading`: `Fees` in `## 1. Fees` and `## 3. Fees`) when no other
positional item on either side has that name, so that a paragraph moved from one clause to
another does not pair the clauses by the paragraph it carries; then by content; and by key
only if content leaves them unpaired.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Generic, Sequence, TypeVar

from rapidfuzz import fuzz, process

Item = TypeVar("Item")

IDENTITY, CONTENT = "identity", "content"
CONTENT_CUTOFF = 60.0  # rapidfuzz ratio (0-100) below which two texts are not the same provision
MAX_CONTENT_CANDIDATES = 4000  # beyond this many unpaired items a side, content pairing is skipped (and said)
EXCERPT = 2000  # characters from each end of a long text that content pairing compares


@dataclass(slots=True)
class Pair(Generic[Item]):
    """An item of OLD and its counterpart in NEW (None on the side that lacks it), how they
    were paired and how alike their texts are."""

    old: Item | None
    new: Item | None
    how: str = ""  # identity, content, "" (unpaired)
    score: float = 100.0
    moved: bool = False

    @property
    def paired(self) -> bool:
        return self.old is not None and self.new is not None


def align(
    old_items: Sequence[Item],
    new_items: Sequence[Item],
    *,
    keys: Sequence[Callable[[Item], object]],
    text: Callable[[Item], str],
    cutoff: float = CONTENT_CUTOFF,
    positional: Callable[[Item], bool] | None = None,
    name: Callable[[Item], str | None] | None = None,
    skipped: list[tuple[int, int]] | None = None,
    deferred: Callable[[Item], bool] | None = None,
) -> list[Pair[Item]]:
    """Pair `old_items` with `new_items`; return every item once, in reading order.

    `keys` are identity functions tried in order (a None key never pairs);
    `text` gives what content pairing compares; `positional` and a positional item's
    `name` (see above; None: it has none). Where more than `MAX_CONTENT_CANDIDATES` items of
    a side are left unpaired by key, content pairing is not tried (it scores every old text
    against every new one): the two counts are appended to `skipped`, for the caller to say so.
    `deferred`: items whose keys say nothing of which is which (namesakes: `compare.units.
    untold_namesakes`); they pair by key only with what content pairing leaves unpaired.
    """
    placed = _PositionalTexts.of(old_items, new_items, text, positional, name)
    first_values = _key_values(old_items, new_items, keys[0]) if keys else None
    if deferred is not None:
        return _aligned(old_items, new_items, keys, text, cutoff, placed, first_values, skipped, deferred)
    if first_values is not None and not placed:
        unkeyed = _unkeyed_places(old_items, new_items, keys, first_values)
        if unkeyed is not None and len(unkeyed) <= 1:
            return _in_place(old_items, new_items, unkeyed, text, cutoff)
    return _aligned(old_items, new_items, keys, text, cutoff, placed, first_values, skipped)


def in_order(old_items: Sequence[Item], new_items: Sequence[Item]) -> list[Pair[Item]]:
    """Each old item paired with the new item at its place, by identity (same lengths)."""
    return [Pair(old, new, IDENTITY) for old, new in zip(old_items, new_items)]


def _key_values(old_items: Sequence[Item], new_items: Sequence[Item],
                key: Callable[[Item], object]) -> tuple[list[object], list[object]]:
    return [key(item) for item in old_items], [key(item) for item in new_items]


def _unkeyed_places(old_items: Sequence[Item], new_items: Sequence[Item], keys: Sequence[Callable[[Item], object]],
                    first_values: tuple[list[object], list[object]]) -> list[int] | None:
    """The common case of two versions: the keys pair the two lists place by place. Each key
    in turn, over the places no key before it paired: where the two items have the same value
    (not None), `_pair_by_key` pairs the n-th old item of that value with the n-th new item
    of it, which is the item at its own place; where they differ (or both are None), neither
    pairs, provided neither value is any other unpaired item's on the other side. Returns
    the places no key pairs (left to content pairing), or None where the keys would pair
    an item away from its place (lists of different lengths, a value found elsewhere)."""
    if len(old_items) != len(new_items):
        return None
    pending: list[int] = list(range(len(old_items)))
    for number, key in enumerate(keys):
        if not pending:
            break
        if number == 0:
            old_values, new_values = first_values
        else:
            old_values, new_values = [None] * len(old_items), [None] * len(new_items)
            for index in pending:
                old_values[index], new_values[index] = key(old_items[index]), key(new_items[index])
        olds = {old_values[index] for index in pending}
        news = {new_values[index] for index in pending}
        left = []
        for index in pending:
            old, new = old_values[index], new_values[index]
            if old == new and old is not None:
                continue  # paired at its place
            if (old is not None and old in news) or (new is not None and new in olds):
                return None
            left.append(index)
        pending = left
    return pending


def _in_place(old_items: Sequence[Item], new_items: Sequence[Item], unkeyed: list[int],
              text: Callable[[Item], str], cutoff: float) -> list[Pair[Item]]:
    """What `_aligned` gives when the keys pair the lists place by place but for at most one
    place (`_unkeyed_places`): the pairs in order, and at that place the two items paired by
    content (the only candidates content pairing has), else the old item removed before the
    new one added (`_in_reading_order`); no pair has moved."""
    pairs = in_order(old_items, new_items)
    for index in unkeyed:
        old, new = old_items[index], new_items[index]
        found = best_pairs([text(old)], [text(new)], cutoff)
        if found:
            pairs[index] = Pair(old, new, CONTENT, found[0][2])
        else:
            pairs[index:index + 1] = [Pair(old, None), Pair(None, new)]
    return pairs


def _aligned(old_items: Sequence[Item], new_items: Sequence[Item], keys: Sequence[Callable[[Item], object]],
             text: Callable[[Item], str], cutoff: float, placed: "_PositionalTexts",
             first_values: tuple[list[object], list[object]] | None = None,
             skipped: list[tuple[int, int]] | None = None,
             deferred: Callable[[Item], bool] | None = None) -> list[Pair[Item]]:
    """`align`, step by step (`first_values`: the first key's values of each side, where
    computed already)."""
    partner: dict[int, int] = {}  # old index -> new index
    how: dict[int, tuple[str, float]] = {}
    accept = placed.unique_text_test() if placed else None
    first_accept = accept if deferred is None else _not_deferred(old_items, new_items, deferred, accept)
    for number, key in enumerate(keys):
        _pair_by_key(old_items, new_items, key, partner, how, first_accept, first_values if number == 0 else None)
    if placed:
        _pair_by_same_text(placed, partner, how)
        _pair_by_same_text(placed, partner, how, by_name=True)
    _pair_by_content(old_items, new_items, text, cutoff, partner, how, skipped)
    if deferred is not None:  # namesakes content left unpaired: by key after all, in reading order
        for key in keys:
            _pair_by_key(old_items, new_items, key, partner, how, accept)
    if placed:
        same_name, same_gap = placed.same_name_test(), _same_gap_test(partner)
        for key in keys:
            _pair_by_key(old_items, new_items, key, partner, how,
                         lambda old, new: same_name(old, new) and same_gap(old, new))
    moved = _moved_old_indices(partner)
    return _in_reading_order(old_items, new_items, partner, how, moved)


def _not_deferred(old_items: Sequence[Item], new_items: Sequence[Item], deferred: Callable[[Item], bool],
                  accept: Callable[[int, int], bool] | None) -> Callable[[int, int], bool]:
    """`accept`, and neither item deferred (see `align`)."""
    old_deferred = {index for index, item in enumerate(old_items) if deferred(item)}
    new_deferred = {index for index, item in enumerate(new_items) if deferred(item)}

    def test(old_index: int, new_index: int) -> bool:
        if old_index in old_deferred or new_index in new_deferred:
            return False
        return accept is None or accept(old_index, new_index)

    return test


@dataclass(slots=True)
class _PositionalTexts:
    """The text of each positional item, by index on each side, and the name of each one
    that has a name no other positional item on either side has."""

    old: dict[int, str]
    new: dict[int, str]
    old_names: dict[int, str] = field(default_factory=dict)
    new_names: dict[int, str] = field(default_factory=dict)
    named: tuple[dict[int, str], dict[int, str]] = field(default_factory=lambda: ({}, {}))  # every name

    @classmethod
    def of(cls, old_items: Sequence[Item], new_items: Sequence[Item], text: Callable[[Item], str],
           positional: Callable[[Item], bool] | None,
           name: Callable[[Item], str | None] | None = None) -> "_PositionalTexts":
        if positional is None:
            return cls({}, {})
        old = [index for index, item in enumerate(old_items) if positional(item)]
        new = [index for index, item in enumerate(new_items) if positional(item)]
        placed = cls({index: text(old_items[index]) for index in old}, {index: text(new_items[index]) for index in new})
        if name is not None:
            old_names = {index: found for index in old if (found := name(old_items[index]))}
            new_names = {index: found for index in new if (found := name(new_items[index]))}
            once = {found for found, count in Counter(old_names.values()).items() if count == 1} & {
                found for found, count in Counter(new_names.values()).items() if count == 1}
            placed.old_names = {index: found for index, found in old_names.items() if found in once}
            placed.new_names = {index: found for index, found in new_names.items() if found in once}
            placed.named = (old_names, new_names)
        return placed

    def same_name_test(self) -> Callable[[int, int], bool]:
        """After content pairing, two positional items pair by key (their number) unless both
        have a name and the names differ: `6. User Protection` and `6. Enterprise Cloud Terms`,
        left over in two other places of their documents, are a clause removed and one added."""
        old_names, new_names = self.named

        def accept(old_index: int, new_index: int) -> bool:
            old, new = old_names.get(old_index), new_names.get(new_index)
            return old is None or new is None or old == new

        return accept

    def __bool__(self) -> bool:
        return bool(self.old or self.new)

    def unique_text_test(self) -> Callable[[int, int], bool]:
        """Before content pairing, a positional item pairs by key only with the item of its text,
        when no other positional item on either side has that text."""
        counts = Counter([*self.old.values(), *self.new.values()])

        def accept(old_index: int, new_index: int) -> bool:
            if old_index not in self.old and new_index not in self.new:
                return True
            same = self.old.get(old_index)
            return same is not None and same == self.new.get(new_index) and counts[same] == 2

        return accept


def _same_gap_test(partner: dict[int, int]) -> Callable[[int, int], bool]:
    """Whether an old and a new item stand between the same two pairs (as paired so far): a
    clause left over in place (clause 6 rewritten between clauses 5 and 7), not one left over
    in another part of its document (a definition numbered 4 and clause C.4)."""
    olds = sorted(partner)

    def accept(old_index: int, new_index: int) -> bool:
        at = bisect_left(olds, old_index)
        low = partner[olds[at - 1]] if at else -1
        high = partner[olds[at]] if at < len(olds) else len(partner) + new_index + 1
        return low < new_index < high

    return accept


def _pair_by_key(old_items: Sequence[Item], new_items: Sequence[Item], key: Callable[[Item], object],
                 partner: dict[int, int], how: dict[int, tuple[str, float]],
                 accept: Callable[[int, int], bool] | None = None,
                 values: tuple[list[object], list[object]] | None = None) -> None:
    """Pair the unpaired items of the same `key` (`values`: each item's, where computed already)."""
    old_values, new_values = values if values is not None else (None, None)
    taken = set(partner.values())
    waiting: dict[object, list[int]] = {}
    for new_index, item in enumerate(new_items):
        if new_index in taken:
            continue
        value = key(item) if new_values is None else new_values[new_index]
        if value is not None:
            waiting.setdefault(value, []).append(new_index)
    for old_index, item in enumerate(old_items):
        if old_index in partner:
            continue
        value = key(item) if old_values is None else old_values[old_index]
        candidates = waiting.get(value) if value is not None else None
        if not candidates:
            continue
        chosen = next((index for index in candidates if accept is None or accept(old_index, index)), None)
        if chosen is not None:
            candidates.remove(chosen)
            partner[old_index] = chosen
            how[old_index] = (IDENTITY, 100.0)


def _pair_by_same_text(placed: _PositionalTexts, partner: dict[int, int],
                       how: dict[int, tuple[str, float]], by_name: bool = False) -> None:
    """Unpaired positional items of the same text (`by_name`: of the same name, each name
    held by one item a side), in reading order (found by content: a renumber)."""
    taken = set(partner.values())
    waiting: dict[str, list[int]] = {}
    olds, news = (placed.old_names, placed.new_names) if by_name else (placed.old, placed.new)
    for new_index, text in sorted(news.items()):
        if new_index not in taken:
            waiting.setdefault(text, []).append(new_index)
    for old_index, text in sorted(olds.items()):
        same = waiting.get(text)
        if old_index not in partner and same:
            partner[old_index] = same.pop(0)
            how[old_index] = (CONTENT, 100.0)


def _pair_by_content(old_items: Sequence[Item], new_items: Sequence[Item], text: Callable[[Item], str], cutoff: float,
                     partner: dict[int, int], how: dict[int, tuple[str, float]],
                     skipped: list[tuple[int, int]] | None = None) -> None:
    taken = set(partner.values())
    old_left = [index for index in range(len(old_items)) if index not in partner]
    new_left = [index for index in range(len(new_items)) if index not in taken]
    if not old_left or not new_left:
        return
    if len(old_left) > MAX_CONTENT_CANDIDATES or len(new_left) > MAX_CONTENT_CANDIDATES:
        if skipped is not None:
            skipped.append((len(old_left), len(new_left)))
        return
    old_texts = [text(old_items[index]) for index in old_left]
    new_texts = [text(new_items[index]) for index in new_left]
    for i, j, score in best_pairs(old_texts, new_texts, cutoff):
        partner[old_left[i]] = new_left[j]
        how[old_left[i]] = (CONTENT, score)


def best_pairs(
    old_texts: Sequence[str],
    new_texts: Sequence[str],
    cutoff: float,
    allowed: Callable[[int, int], bool] | None = None,
) -> list[tuple[int, int, float]]:
    """(old index, new index, score) of the texts that pair by content, best first.

    Greedy: every pair scoring at least `cutoff` (rapidfuzz ratio over each text's
    `excerpt`) in order of score, ties by old then new index; a pair whose old or new
    text is already taken, or that `allowed` refuses, is skipped.

    The order is that of a sort of every such pair, but the pairs are never all made: each
    old text's candidates come best first, a few at a time (`_Candidates`), and a heap holds
    each old text's best one not yet tried. Texts that all resemble one another (4,000
    renumbered Sections of one Act) would otherwise make a list of every pair, 16 million
    tuples and gigabytes; here each old text holds a few candidates, more only when others
    took those.
    """
    if not old_texts or not new_texts:
        return []
    choices = [excerpt(text) for text in new_texts]
    rows = [_Candidates(excerpt(text), choices, cutoff) for text in old_texts]
    heap = [(-first[0], i, first[1]) for i, row in enumerate(rows) if (first := row.at(0)) is not None]
    heapq.heapify(heap)
    tried = [1] * len(rows)  # how many of each old text's candidates have been taken from its row
    used_new: set[int] = set()
    pairs = []
    while heap:
        negative_score, i, j = heapq.heappop(heap)
        if j not in used_new and (allowed is None or allowed(i, j)):
            used_new.add(j)
            pairs.append((i, j, -negative_score))
            continue  # old text i is paired: none of its other candidates is tried
        following = rows[i].at(tried[i])
        tried[i] += 1
        if following is not None:
            heapq.heappush(heap, (-following[0], i, following[1]))
    return pairs


FIRST_CANDIDATES = 8  # an old text's best candidates fetched first; four times as many each time they run out


class _Candidates:
    """One old text's candidates (score, new index) at or above the cutoff, best first, ties
    by new index: the first `FIRST_CANDIDATES`, then, each time the pairing has tried them
    all, the row fetched again four times as long (a few fetches even where every new text
    is taken by another: each fetch scores the row in rapidfuzz, only the best few become
    Python objects)."""

    __slots__ = ("query", "choices", "cutoff", "found", "complete")

    def __init__(self, query: str, choices: list[str], cutoff: float) -> None:
        self.query, self.choices, self.cutoff = query, choices, cutoff
        self.found: list[tuple[float, int]] = []
        self.complete = False  # `found` holds every candidate
        self._fetch(FIRST_CANDIDATES)

    def at(self, position: int) -> tuple[float, int] | None:
        """The candidate at `position` in best-first order, or None past the last."""
        if position >= len(self.found) and not self.complete:
            self._fetch(4 * max(position, FIRST_CANDIDATES))
        return self.found[position] if position < len(self.found) else None

    def _fetch(self, limit: int) -> None:
        self.found = best_scores(self.query, self.choices, self.cutoff, limit)
        self.complete = len(self.found) < limit


FEW_CHOICES = 16  # up to this many texts to score against, each is scored on its own


def best_scores(query: str, choices: list[str], cutoff: float, limit: int) -> list[tuple[float, int]]:
    """(ratio, index) of the `limit` choices that score best with `query`, at least `cutoff`,
    best first, ties by index (the order `process.extract` documents). One `process.extract`
    over many choices (not `process.cdist`: cdist needs numpy); `_scores` over a few."""
    if len(choices) > FEW_CHOICES:
        return [(float(score), int(j))
                for _, score, j in process.extract(query, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)]
    found = sorted(((score, j) for j, score in _scores(query, choices, cutoff)), key=lambda one: (-one[0], one[1]))
    return found[:limit]


def _scores(query: str, choices: list[str], cutoff: float) -> list[tuple[int, float]]:
    """(index, ratio) of each of a few choices whose rapidfuzz ratio with `query` is at least
    `cutoff`, one `fuzz.ratio` a choice: the scores `process.extract` gives, and `ratio` first
    sets aside the beginning and end two texts share, which `extract`'s scorer, prepared once
    for the query, does not (a node and its edited version, the common case here: 3 µs
    instead of 300)."""
    scored = [(j, fuzz.ratio(query, choice, score_cutoff=cutoff)) for j, choice in enumerate(choices)]
    return [(j, float(score)) for j, score in scored if score >= cutoff]


def excerpt(text: str) -> str:
    """A long text's opening and closing: enough to tell provisions apart, and it keeps
    content pairing linear in the size of the input (ratio is quadratic in text length)."""
    if len(text) <= 2 * EXCERPT:
        return text
    return text[:EXCERPT] + text[-EXCERPT:]


def _moved_old_indices(partner: dict[int, int]) -> set[int]:
    """Pairs outside the longest run kept in the same order on both sides have moved."""
    by_new = sorted(partner.items(), key=lambda item: item[1])
    olds = [old for old, _ in by_new]
    kept = _longest_increasing(olds)
    return set(olds) - kept


def _longest_increasing(values: list[int]) -> set[int]:
    tails: list[int] = []
    tail_index: list[int] = []
    previous: list[int] = [-1] * len(values)
    for index, value in enumerate(values):
        position = bisect_left(tails, value)
        if position == len(tails):
            tails.append(value)
            tail_index.append(index)
        else:
            tails[position] = value
            tail_index[position] = index
        previous[index] = tail_index[position - 1] if position else -1
    kept: set[int] = set()
    index = tail_index[-1] if tail_index else -1
    while index != -1:
        kept.add(values[index])
        index = previous[index]
    return kept


def _in_reading_order(old_items: Sequence[Item], new_items: Sequence[Item], partner: dict[int, int],
                      how: dict[int, tuple[str, float]], moved: set[int]) -> list[Pair[Item]]:
    """New items in order; each unpaired old item right after the old item before it
    (so a removed item comes before an item added at the same place)."""
    new_to_old = {new: old for old, new in partner.items()}
    unpaired_old = [index for index in range(len(old_items)) if index not in partner]
    next_anchor = [len(old_items)] * (len(new_items) + 1)
    for new_index in range(len(new_items) - 1, -1, -1):
        old_index = new_to_old.get(new_index)
        next_anchor[new_index] = (old_index if old_index is not None and old_index not in moved
                                  else next_anchor[new_index + 1])
    pairs: list[Pair[Item]] = []
    next_unpaired = 0
    for new_index, item in enumerate(new_items):
        while next_unpaired < len(unpaired_old) and unpaired_old[next_unpaired] < next_anchor[new_index]:
            pairs.append(Pair(old_items[unpaired_old[next_unpaired]], None))
            next_unpaired += 1
        old_index = new_to_old.get(new_index)
        if old_index is None:
            pairs.append(Pair(None, item))
        else:
            kind, score = how[old_index]
            pairs.append(Pair(old_items[old_index], item, kind, score, old_index in moved))
    for index in unpaired_old[next_unpaired:]:
        pairs.append(Pair(old_items[index], None))
    return pairs
