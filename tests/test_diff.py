"""The compare stage on hand-built trees and on the real corpus: what the behaviour cases
(`tests/cases/diff/`, run by `test_cases.py`) cannot state in a small text file, and the
property tests."""

import copy
from itertools import count
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import statdiff
from conftest import assert_comparison_invariants, assert_deterministic, assert_rebuilds, assert_unchanged_against_itself
from tests.corpus_files import holds_text
from statdiff import pipeline
from statdiff.compare import compare
from statdiff.compare.tokens import tokenize
from statdiff.compare.truncation import find_truncation, occurrences
from statdiff.compare.words import diff_tokens
from statdiff.model import AmendatoryInstruction, Document, Identity, Meta, Node, Position, SourceSpan, Token, Word, rebuild, segment_op

_lines = count(1)


def words(text: str, page: int = 1) -> list[Word]:
    line = next(_lines)
    return [Word(word, Position(page, line + index // 8)) for index, word in enumerate(text.split())]


def node(kind, path, text="", *children, **meta) -> Node:
    return Node(kind, path, words(text), list(children), meta.pop("label", None), Meta(**meta))


def section(act, number, heading, *children, source=None) -> Node:
    path = f"{act}/{number}"
    kids = [node("citation", f"{path} [citation]", f"({path})")]
    kids += list(children)
    meta = {}
    if source:
        kids.append(node("source_note", f"{path} [source]", source))
        meta = {"source_note": source, "public_acts": tuple(acts_of(source))}  # as the structure stage reads it
    return node("section", path, f"Sec. {number}. {heading}", *kids, number=str(number), heading=heading,
                act=act, citation=path, **meta)


def acts_of(source_note: str) -> list[str]:
    """The Public Acts a Source note cites, as the structure stage reads them (the one parser of
    Source notes), from a one-Section text."""
    document = pipeline.read_string(f"    (815 ILCS 999/5)\n    Sec. 5. Notice.\n{source_note}\n", name="act.txt")
    return list(document.find("815 ILCS 999/5").meta.public_acts)


def document(*children, bill=None, synopsis=None) -> Document:
    return Document(Identity(bill=bill), Node("document", "", [], list(children)), "test", "t", synopsis)


def act(*sections) -> Document:
    return document(*sections)


ACT = "815 ILCS 530"


def sec10(a_text, source="(Source: P.A. 94-36, eff. 1-1-06.)", extra=()):
    return section(ACT, 10, "Notice of Breach.", node("subsection", f"{ACT}/10(a)", a_text, label="(a)"), *extra,
                   source=source)


def amendatory_bill(*restated, synopsis=None):
    title = node("text", "[1]", "AN ACT concerning consumer fraud.")
    bill_section = node(
        "bill_section", "Section 5",
        "Section 5. The Personal Information Protection Act is amended by changing Section 10 as follows:",
        *restated, amends=AmendatoryInstruction("Personal Information Protection Act", None), number="5",
    )
    return document(title, bill_section, bill="HB0605", synopsis=synopsis)


def test_changed_source_note_is_one_source_change_and_newer_acts_are_attributed():
    old = act(sec10("(a) shall notify the resident that there has been a breach of the system data."))
    new = amendatory_bill(
        sec10(
            "(a) shall notify the resident at no charge that there has been a breach of the system data "
            "or written material.",
            source="(Source: P.A. 94-36, eff. 1-1-06; 94-947, eff. 6-27-06.)",
        ),
        synopsis='Changes "breach of the system data" to "breach of the system data or written material".',
    )
    comparison = compare(old, new)
    by_text = {(c.op, c.new_text): c.attributed_to for c in comparison.changes}
    assert by_text == {
        ("insert", "at no charge"): "P.A. 94-947",
        ("insert", "or written material"): None,
        ("source", "(Source: P.A. 94-36, eff. 1-1-06; 94-947, eff. 6-27-06.)"): None,
    }
    assert comparison.sections[0].attributed_to == ["P.A. 94-947"]


def test_public_acts_of_a_source_note():
    assert acts_of("(Source: P.A. 94-36, eff. 1-1-06; 94-947, eff. 6-27-06.)") == ["94-36", "94-947"]
    assert acts_of("(Source: P.A. 101-81, eff. 7-12-19; 102-558, eff. 8-20-21.)") == ["101-81", "102-558"]
    assert acts_of("(Source: Laws 1963, p. 161.)") == []
    assert acts_of("(Source: P.A. 96-1000, eff. 7-2-10; 96-1376 eff 1-1-11.)") == ["96-1000", "96-1376"]
    assert acts_of("(Source: P.A. 94-36, eff. 1-1-06; see Section 5 of P.A. 95-3.)") == ["94-36"]


def test_paragraphs_divided_differently_are_not_a_change():
    first = "The General Assembly finds that the right to privacy is a personal and fundamental right."
    second = "Businesses are now collecting personal information in ways not contemplated by law."
    old = document(node("section", "Section 5", f"Section 5. Findings. {first} {second}", number="5"))
    new = document(node("section", "Section 5", "Section 5. Findings.",
                        node("text", "Section 5 [2]", first), node("text", "Section 5 [3]", second), number="5"))
    comparison = compare(old, new)
    assert comparison.changes == []
    assert [s.status for s in comparison.sections] == ["unchanged"]
    assert_rebuilds(comparison)
    edited = document(node("section", "Section 5", "Section 5. Findings.",
                           node("text", "Section 5 [2]", first), node("text", "Section 5 [3]", second + " Really."),
                           number="5"))
    assert compare(old, edited).changes != []


def test_find_truncation_ignores_complete_copies():
    text = [Word(w) for w in "(Source: P.A. 94-36, eff. 1-1-06.) Sec. 5. Definitions. (Source: P.A. 94-36, eff. 1-1-06.)".split()]
    other = [Word(w) for w in "(Source: P.A. 94-36, eff. 1-1-06.) Sec. 5. Definitions. (Source: P.A. 94-36, eff. 1-1-06; 94-947, eff. 6-27-06.)".split()]
    assert find_truncation(text, text) is None
    assert find_truncation(text, other) is None


vocabulary = st.sampled_from(["the", "of", "data", "system", "written", "material", ",", ".", "(a)", "$250,000",
                              "notify", "48", "hours", "P.A.", "94-947", "(b-5)", "files;", '"Breach', 'data"'])


@settings(max_examples=150, deadline=None)
@given(st.lists(vocabulary, min_size=1, max_size=25), st.lists(vocabulary, min_size=1, max_size=25))
def test_segments_rebuild_both_sides(old_words, new_words):
    old_tokens = tokenize([Word(w) for w in old_words])
    new_tokens = tokenize([Word(w) for w in new_words])
    segments = diff_tokens(old_tokens, new_tokens)
    assert rebuild([t for s in segments for t in s.old]) == " ".join(old_words)
    assert rebuild([t for s in segments for t in s.new]) == " ".join(new_words)
    if old_words == new_words:
        assert all(segment.op == "equal" for segment in segments)


@settings(max_examples=60, deadline=None)
@given(st.lists(vocabulary, min_size=1, max_size=25), st.data())
def test_edited_node_rebuilds_and_reports_changes(old_words, data):
    new_words = list(old_words)
    for _ in range(data.draw(st.integers(0, 3))):
        position = data.draw(st.integers(0, len(new_words)))
        if data.draw(st.booleans()) or not new_words:
            new_words.insert(position, data.draw(vocabulary))
        else:
            del new_words[min(position, len(new_words) - 1)]
    old = act(sec10("(a) " + " ".join(old_words)))
    new = act(sec10("(a) " + " ".join(new_words)))
    comparison = compare(old, new)
    assert_rebuilds(comparison)
    assert bool(comparison.changes) == (old_words != new_words)


# ---------------------------------------------------------------- the real corpus

STATUTES = Path(__file__).resolve().parent.parent / "statutes"
CORPUS = sorted(
    path
    for path in [*STATUTES.glob("seeds/*.txt"), *STATUTES.glob("pipa/*.txt"), *STATUTES.glob("fragments/*.txt"),
                 STATUTES / "ilcs-chapter-620" / "statutes.csv"]
    if holds_text(path)  # a bill-status page holds no bill text: reading one is an error
)
PAIRS = [
    ("fragments/09400HB1633eng_ftp_PARTIAL.txt", "fragments/09400HB1633enr_PARTIAL.txt"),
    ("fragments/09400HB1633ham001_PARTIAL.txt", "fragments/09400HB1633ham001_ftp_pipes_PARTIAL.txt"),
    ("fragments/10000SB1502eng_fulltext_pipes_PARTIAL.txt", "fragments/10000SB1502eng_fulltext_plain_PARTIAL.txt"),
    ("fragments/09900HB1260enr_ftp_PARTIAL.txt", "fragments/09900HB1260enr_lv_PARTIAL.txt"),
    ("fragments/10100SB1624eng_ftp_PARTIAL.txt", "fragments/10100SB1624enr_fulltext_pipes_PARTIAL.txt"),
    ("fragments/09500HB0605_introduced_PARTIAL.txt", "pipa/09500HB0605_introduced_full.txt"),
    ("pipa/815ILCS530_as_enacted_PA094-0036.txt", "pipa/815ILCS530_through_PA094-0947.txt"),
    ("seeds/004_b7c007cf1e6f9ae7.txt", "pipa/815ILCS530_through_PA094-0947.txt"),
    ("fragments/10200SB0731sam002_PARTIAL.txt", "fragments/10200SB0731sam003_ftp_PARTIAL.txt"),
]


@pytest.fixture(scope="module")
def parsed():
    cache = {}

    def parse(path: Path):
        if path not in cache:
            cache[path] = statdiff.parse(path)
        return cache[path]

    return parse


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.name)
def test_a_text_against_itself_has_no_changes(path, parsed):
    assert_unchanged_against_itself(parsed(path))


@pytest.mark.parametrize("old_name,new_name", PAIRS, ids=lambda name: Path(name).stem[:24])
def test_corpus_pairs_rebuild_both_texts_and_json_is_deterministic(old_name, new_name, parsed):
    old, new = parsed(STATUTES / old_name), parsed(STATUTES / new_name)
    assert_comparison_invariants(compare(old, new))
    assert_deterministic(old, new)


def _edited_copy(document: Document, target: int, edits: list[tuple[int, str | None]]) -> Document:
    """A copy of `document` whose `target`-th node with words has words inserted (text) or deleted (None)."""

    clone = copy.deepcopy(document)
    node = [n for n in clone.walk() if n.words][target]
    for at, text in edits:
        at = min(at, len(node.words) - (0 if text else 1))
        if text:
            node.words.insert(at, Word(text, node.words[min(at, len(node.words) - 1)].position))
        elif len(node.words) > 1:
            del node.words[at]
    return clone


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_random_edits_of_real_text_rebuild_and_are_reported(parsed, data):
    name = data.draw(st.sampled_from(["seeds/002_524df963b8163e99.txt", "pipa/815ILCS530_through_PA094-0947.txt",
                                      "fragments/10200SB0731sam002_PARTIAL.txt"]))
    original = parsed(STATUTES / name)
    count = sum(1 for node in original.walk() if node.words)
    target = data.draw(st.integers(0, count - 1))
    edits = data.draw(st.lists(st.tuples(st.integers(0, 200), st.one_of(st.none(), vocabulary)), min_size=1, max_size=3))
    edited = _edited_copy(original, target, edits)
    comparison = compare(original, edited)
    assert_rebuilds(comparison)
    original_words = [w.text for w in original.root.all_words()]
    edited_words = [w.text for w in edited.root.all_words()]
    if _cut_short(original_words, edited_words):  # words taken off (put on) the end of a text cut mid-sentence
        assert comparison.changes == []
        assert {"only_old", "only_new"} & {seg.op for s in comparison.sections for n in s.nodes for seg in n.segments}
    else:
        assert bool(comparison.changes) == (original_words != edited_words)


def _cut_short(first: list[str], second: list[str]) -> bool:
    """One text is the other without its last words, and stops mid-sentence: a truncated copy."""
    short, long = sorted((first, second), key=len)
    return len(short) < len(long) and long[:len(short)] == short and not short[-1].endswith((".", ";", ":", '.)'))


@settings(max_examples=60, deadline=None)
@given(st.lists(vocabulary, min_size=1, max_size=60), st.lists(vocabulary, min_size=1, max_size=60))
def test_sentence_first_diff_of_long_runs_rebuilds_and_finds_the_same_changes(old_words, new_words):
    old_tokens = tokenize([Word(w) for w in old_words])
    new_tokens = tokenize([Word(w) for w in new_words])
    whole = diff_tokens(old_tokens, new_tokens)
    by_sentence = diff_tokens(old_tokens, new_tokens, sentence_diff_above=4)
    assert rebuild([t for s in by_sentence for t in s.old]) == " ".join(old_words)
    assert rebuild([t for s in by_sentence for t in s.new]) == " ".join(new_words)
    assert any(s.op != "equal" for s in by_sentence) == any(s.op != "equal" for s in whole)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from("a b c (a) .".split()), max_size=60),
       st.lists(st.sampled_from("a b c (a) .".split()), min_size=1, max_size=4), st.integers(0, 60), st.integers(0, 60))
@example(words=["(a)"], anchor=["a", "(a)"], low=0, high=1)  # the key word before where the scan begins is not absent
def test_occurrences_of_an_anchor_are_every_index_where_it_starts(words, anchor, low, high):
    expected = [index for index in range(len(words)) if words[index:index + len(anchor)] == anchor]
    assert occurrences(words, anchor) == expected
    absent: set[str] = set()
    in_window = occurrences(words, anchor, low, high, absent)
    assert set(in_window) <= set(expected)
    assert all(index >= low for index in in_window)
    assert not absent & set(words[low:high])


def test_one_helper_names_a_changed_run_and_one_builds_its_span():
    here, there = Position(3, 4), Position(3, 9)
    assert [segment_op((), (Token("a"),)), segment_op((Token("a"),), ()), segment_op((Token("a"),), (Token("b"),))] \
        == ["insert", "delete", "replace"]
    assert SourceSpan.covering((Token("a", here), Token("b", there))) == SourceSpan(here, there)
    assert SourceSpan.at(here) == SourceSpan(here, here) and SourceSpan.at(None) is None
