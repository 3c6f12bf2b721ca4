"""The view and JSON stages' fast paths agree with the general paths beside them, on real texts.

A section's two source spans are read in one pass and kept on its view
(`SectionComparison.sources`, `SectionView.sources`): they are what reading every compared
node's words gives. The margin notes' amount, duty and cross-reference patterns open with a
lookahead for the characters their matches can begin with: on every corpus text, and on
random text of the characters case-folding treats specially, they find what the patterns
without it find (`margin.*_MATCHES`). Two versions of a node are read once where they agree
(`margin._Stretches`), and a text naming no period's unit is not searched for periods: the
matches and the notes are those of the whole texts. The pattern of a word broken after its
hyphen opens with its `- ` (`tokens._BROKEN_IN_TEXT`): it finds what its lookbehinds find."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from statdiff import pipeline
from statdiff.annotate import margin
from statdiff.model import SourceSpan
from statdiff.read import read_path, read_text
from statdiff.view.model import printed

from bench_pair import chapter_620_pair
from corpus_files import holds_text
from test_cases import CASES, Case

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
SUFFIXES = (".txt", ".csv", ".html", ".htm")


def _texts(base: Path) -> list[Path]:
    return sorted(path for path in base.rglob("*") if path.is_file() and path.suffix in SUFFIXES and holds_text(path))


@pytest.fixture(scope="module")
def comparisons(tmp_path_factory) -> list:
    """Consecutive texts of each folder of `statutes/` compared (bills with page:line, Acts
    without), the chapter-620 benchmark pair (a moved and a renumbered Section) and every
    behaviour case (truncated copies, moves, added and removed nodes)."""
    pairs = []
    by_folder: dict[Path, list[Path]] = {}
    for path in _texts(ROOT / "statutes"):
        by_folder.setdefault(path.parent, []).append(path)
    for paths in by_folder.values():
        pairs += [(pipeline.build(read_path(old)), pipeline.build(read_path(new))) for old, new in zip(paths, paths[1:])]
    old, new = chapter_620_pair(tmp_path_factory.mktemp("chapter620"))
    pairs.append((pipeline.build(read_path(old)), pipeline.build(read_path(new))))
    for path in sorted(CASES.glob("*.case")):
        case = Case.read(path)
        pairs.append(tuple(pipeline.build(read_text(case.text(side), name=f"{case.name}.{side}"))
                           for side in ("old", "new")))
    return [pipeline.compare(old, new) for old, new in pairs]


def _span_read_from_words(nodes: list) -> SourceSpan | None:
    """The general rule, read off the words themselves: from the earliest to the latest
    printed position of the first and last words of the nodes holding words; where none
    was printed at a known place, the first node's first word to the last node's last."""
    with_words = [node for node in nodes if node is not None and node.words]
    if not with_words:
        return None
    ends = [word.position for node in with_words for word in (node.words[0], node.words[-1]) if word.position.known]
    if ends:
        return SourceSpan(min(ends), max(ends))
    return SourceSpan(with_words[0].words[0].position, with_words[-1].words[-1].position)


def test_a_sections_spans_are_those_its_nodes_words_give(comparisons):
    read = {"known": 0, "unknown": 0, "none": 0}
    for comparison in comparisons:
        view = pipeline.view(comparison)
        kept = [(section.sources, section.old_source, section.new_source, section.old_span, section.new_span)
                for section in view.sections]
        for section, (sources, old_source, new_source, old_span, new_span) in zip(view.sections, kept):
            expected = tuple(_span_read_from_words([node.old if side == "old" else node.new
                                                    for node in section.section.nodes])
                             for side in ("old", "new"))
            assert sources == expected == (old_source, new_source) == section.section.sources(), section.path
            assert (old_span, new_span) == tuple(map(printed, expected))
            for span in expected:
                read["none" if span is None else "known" if span.known else "unknown"] += 1
    assert read["known"] > 50 and read["unknown"] > 500 and read["none"] > 5, read


# ---------------------------------------------------------------- the margin notes' patterns

FAST_PATTERNS = [
    (margin._AMOUNT, margin._AMOUNT_MATCHES),
    (margin._DUTY, margin._DUTY_MATCHES),
    (margin._REFERENCE, margin._REFERENCE_MATCHES),
]


def _matches(pattern, text: str) -> list[tuple]:
    return [(match.span(), match.groups()) for match in pattern.finditer(text)]


@pytest.fixture(scope="module")
def corpus_node_texts() -> list[str]:
    """The text of every node of every corpus text (the shared corpus too, when it is beside
    the clone: the Election Code among it)."""
    paths = _texts(ROOT / "statutes") + (_texts(SHARED_CORPUS) if SHARED_CORPUS.is_dir() else [])
    return [node.text for path in paths for node in pipeline.build(read_path(path)).root.walk() if node.has_words()]


@pytest.mark.parametrize("fast, matches", FAST_PATTERNS, ids=["amount", "duty", "reference"])
def test_a_pattern_opening_with_a_lookahead_finds_what_it_finds_without(fast, matches, corpus_node_texts):
    general = re.compile(matches, re.IGNORECASE)
    found = 0
    for text in corpus_node_texts:
        expected = _matches(general, text)
        assert _matches(fast, text) == expected, text[:200]
        found += len(expected)
    assert len(corpus_node_texts) > 5000 and found > 500


# Characters case-insensitive matching treats specially (the long s, the Kelvin sign, dotted
# and dotless i, other scripts' digits), and those the patterns open with.
_TRICKY = "sSſaApPiIİıtTmMkKK$%,.()-/ 0123456789٣۴" + "hal ustyecionrbgfd"
TEXTS = st.text(alphabet=st.sampled_from(list(_TRICKY)), max_size=80) | st.text(max_size=40)


@given(TEXTS)
def test_the_lookaheads_pass_every_text_the_patterns_match(text: str) -> None:
    for fast, matches in FAST_PATTERNS:
        assert _matches(fast, text) == _matches(re.compile(matches, re.IGNORECASE), text)


def test_a_lookahead_letter_admits_every_character_the_letter_matches() -> None:
    """Each letter of a lookahead's class matches, without regard to case, exactly the
    characters that letter written alone in the pattern matches (all of Unicode)."""
    every_character = "".join(map(chr, range(0x110000)))
    for letter in "sapitm":
        assert re.findall(f"[{letter}]", every_character, re.IGNORECASE) == \
            re.findall(letter, every_character, re.IGNORECASE)


# ---------------------------------------------------------------- the margin notes' stretches

# Each pattern's matches as the general path finds them: the whole text searched.
STRETCH_PATTERNS = [margin._PERIOD, margin._AMOUNT, margin._DUTY, margin._REFERENCE]


def _found(pattern):
    def extract(text: str, start: int, end: int) -> list[tuple]:
        return [(match.group(0), match.groups()) for match in pattern.finditer(text, start, end)]
    return extract


# Each extractor with what the notes make of its findings in two texts.
NOTED = [(margin._periods, lambda old, new: margin._feature_changes(old, new, "deadline")),
         (margin._amounts, lambda old, new: margin._feature_changes(old, new, "amount")),
         (margin._references, lambda old, new: margin._feature_changes(old, new, "cross-reference")),
         (margin._duties, margin._duty_changes)]


def _assert_stretches_find_what_the_whole_texts_give(old: str, new: str) -> bool:
    """The matches `_Stretches` gives (head and tail read once) are those of each whole text,
    and the notes it gives (head and tail not read where the middles hold the same items) are
    those the whole texts give; whether it left a head or a tail unread in NEW."""
    stretches = margin._Stretches(old, new)
    for pattern in STRETCH_PATTERNS:
        whole = _found(pattern)
        assert stretches.extract(whole) == (whole(old, 0, len(old)), whole(new, 0, len(new))), (old[:200], new[:200])
    for extractor, changes_of in NOTED:
        assert stretches.changes(extractor, changes_of) == changes_of(extractor(old), extractor(new))
    return stretches.new_middle != (0, len(new))


def _edited(text: str, number: int) -> str:
    """`text` with one of a few edits a version makes, at a place that depends on `number`."""
    words = text.split(" ")
    at = number * 7919 % len(words)
    edits = [words[:at] + words[at + 1:], words[:at] + ["within", "30", "days;"] + words[at:],
             words[:at] + ["$1,500.25."] + words[at + 2:], words[:at] + ["Section", "5.1(a):"] + words[at:]]
    return " ".join(edits[number % len(edits)])


def test_two_versions_of_a_node_read_by_stretches_give_what_each_whole_text_gives(comparisons, corpus_node_texts):
    """On every corpus node text against an edit of it, and on the two texts of every changed
    node of the comparisons, each pattern finds what it finds in the whole texts."""
    shared = 0
    for number, text in enumerate(corpus_node_texts):
        shared += _assert_stretches_find_what_the_whole_texts_give(text, _edited(text, number))
    for comparison in comparisons:
        for section in comparison.sections:
            for node in section.nodes:
                if node.changes and node.old is not None and node.new is not None:
                    shared += _assert_stretches_find_what_the_whole_texts_give(*margin.compared_texts(node))
    assert shared > 1000, shared


def test_notes_of_texts_whose_middles_hold_the_same_items_are_none_and_others_are_found(corpus_node_texts):
    """Both ways of `_Stretches.changes` are taken on edited corpus texts: no note read from the
    middles alone, and notes read from the whole texts."""
    ways = {"middles": 0, "whole": 0}
    for number, text in enumerate(corpus_node_texts):
        stretches = margin._Stretches(text, _edited(text, number))
        for extractor, changes_of in NOTED:
            old_middle, new_middle = stretches._middles(extractor)
            found = stretches.changes(extractor, changes_of)
            ways["middles" if sorted(old_middle) == sorted(new_middle) else "whole"] += 1
            assert bool(found) == (sorted(old_middle) != sorted(new_middle))
    assert min(ways.values()) > 1000, ways


_BROKEN = "xy. ;: 05$,()-Section ILCS 5 days shall "
PAIRS = st.tuples(st.text(alphabet=st.sampled_from(list(_BROKEN + _TRICKY)), max_size=120),
                  st.text(alphabet=st.sampled_from(list(_BROKEN)), max_size=12), st.integers(0, 120))


@given(PAIRS)
def test_stretches_of_random_texts_give_what_the_whole_texts_give(pair) -> None:
    text, inserted, at = pair
    _assert_stretches_find_what_the_whole_texts_give(text, text[:at] + inserted + text[at:])


def test_the_periods_not_searched_are_none(corpus_node_texts):
    """A text naming none of `PERIOD_UNITS` holds no period: `_periods`, which skips such
    texts, finds on every corpus text what the pattern finds."""
    skipped = 0
    for text in corpus_node_texts:
        assert margin._periods(text) == [margin._normal(m.group(0)) for m in margin._PERIOD.finditer(text)]
        lowered = text.lower()
        skipped += not any(unit in lowered for unit in margin.PERIOD_UNITS)
    assert skipped > 1000, skipped


def test_a_period_units_letter_matches_only_characters_that_lower_case_to_it() -> None:
    """Each letter of `PERIOD_UNITS` matches, without regard to case, only characters whose
    lower case is that letter (all of Unicode): `str.lower` then finds every unit the pattern can."""
    every_character = "".join(map(chr, range(0x110000)))
    for letter in set("".join(margin.PERIOD_UNITS)):
        found = re.findall(letter, every_character, re.IGNORECASE)
        assert len(found) >= 2 and all(character.lower() == letter for character in found), letter


# ---------------------------------------------------------------- a word broken after its hyphen

def test_the_broken_hyphen_pattern_opening_with_its_dash_finds_what_the_lookbehinds_find(corpus_node_texts):
    """`tokens._BROKEN_IN_TEXT` opens with the `- ` each of its matches is: on every corpus text,
    and on each with its hyphens between letters and digits printed broken (`1-1- 21`, as a
    line's end breaks them), it finds, and `rejoined` writes, what `BROKEN_IN_TEXT_MATCHES`
    finds and writes."""
    from statdiff.compare import tokens

    general = re.compile(tokens.BROKEN_IN_TEXT_MATCHES)
    broken = [re.sub(r"(?<=\w)-(?=\w)", "- ", text) for text in corpus_node_texts if "-" in text]
    found = 0
    for text in corpus_node_texts + broken:
        expected = [match.span() for match in general.finditer(text)]
        assert [match.span() for match in tokens._BROKEN_IN_TEXT.finditer(text)] == expected, text[:200]
        assert tokens.rejoined(text) == general.sub("-", text)
        found += len(expected)
    assert found > 100, found


@given(st.text(alphabet=st.sampled_from(list("1a- _Ⅻ٣éx.")), max_size=40))
def test_the_broken_hyphen_patterns_match_alike_at_every_place(text: str) -> None:
    from statdiff.compare import tokens

    general = re.compile(tokens.BROKEN_IN_TEXT_MATCHES)
    for place in range(len(text) + 1):
        fast, slow = tokens._BROKEN_IN_TEXT.match(text, place), general.match(text, place)
        assert (fast and fast.span()) == (slow and slow.span())
    assert tokens._BROKEN_IN_TEXT.sub("-", text) == general.sub("-", text)
