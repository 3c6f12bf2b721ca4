"""The structure stage's fast paths give exactly the tree the plain paths give, on every real
text: the builder visits only the candidates where a unit may start (`BoundaryFinder.visits`,
which is `worth_visiting` of every candidate), and a build that visits every candidate builds
the same tree, and so does one that reads every enumerator afresh; at a word opening with `(` only the
patterns that can match are tried; the offsets the stream knows beforehand are the store's;
the nodes keep their words as ranges of a `WordStore` and make them when read, and the
words they make are the words each printed line makes, node by node, text and position. Texts are the repository's `statutes/` and the shared corpus (`../shared/corpus`, with
the 2.2 MB Election Code; that half is skipped, saying why, when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from statdiff.errors import StatdiffError
from statdiff.model import INSERTED, BodyLine, Document, Node, NodeWords, Position, ReadResult, Word
from statdiff.model import wordstore
from statdiff.model.wordstore import WHITESPACE_BUT_SPACE, WordStore
from statdiff.read import read_path
from statdiff.structure import Builder, Finisher, Stream, build_document
from statdiff.structure.stream import unit_starts
from statdiff.law import citations, units
from statdiff.structure.boundaries import (
    BoundaryFinder, _may_open, _routed_to_a_unit, _routed_to_a_unit_at,
)

REPOSITORY = Path(__file__).resolve().parent.parent
SHARED_CORPUS = REPOSITORY.parent / "shared" / "corpus"
SUFFIXES = (".txt", ".csv", ".md", ".html", ".htm")


def _texts(base: Path) -> list[Path]:
    return sorted(path for path in base.rglob("*") if path.is_file() and path.suffix in SUFFIXES
                  and path.name.lower() not in ("readme.md", "provenance.md", "sources.md"))


def _read(path: Path) -> ReadResult:
    try:
        return read_path(path)
    except StatdiffError as error:
        pytest.skip(f"{path.name} holds no text to build: {error}")


SHARED_ABSENT = f"the shared corpus is read from {SHARED_CORPUS}, which is absent (no ../shared beside the clone)"
SHARED_TEXTS = _texts(SHARED_CORPUS) if SHARED_CORPUS.is_dir() else []
needs_shared = pytest.mark.skipif(not SHARED_TEXTS, reason=SHARED_ABSENT)
# every text of `statutes/` and of the shared corpus (one skipped case saying why when it is absent)
TEXTS = _texts(REPOSITORY / "statutes") + (SHARED_TEXTS or [pytest.param(None, marks=pytest.mark.skip(reason=SHARED_ABSENT))])


def _name(path: Path | None) -> str:
    return path.name if path is not None else "shared-corpus"


def _shape(node: Node) -> list[tuple]:
    """Every node in document order: kind, path, label and its words (text, page, line, mark)."""
    return [
        (each.kind, each.path, each.label, len(each.children),
         [(word.text, word.position.page, word.position.line, word.mark) for word in each.words])
        for each in node.walk()
    ]


class _VisitingEveryCandidate(BoundaryFinder):
    def visits(self) -> list[int]:
        return self.stream.candidates


def _built_visiting_every_candidate(result: ReadResult) -> Node:
    root = Node(kind="document", path="", label=result.identity.describe())
    builder = Builder(Stream(result), root)
    builder.finder = _VisitingEveryCandidate(builder.stream, builder.tree)
    builder.run()
    Finisher(root, result).run()
    return root


class _KeepingNothing(dict):
    """A memo that forgets: every word is read as an enumerator afresh."""

    def __setitem__(self, key, value) -> None:
        pass


def _built_reading_every_enumerator_afresh(result: ReadResult) -> Node:
    root = Node(kind="document", path="", label=result.identity.describe())
    builder = Builder(Stream(result), root)
    builder.finder.enumerator_words = _KeepingNothing()
    builder.run()
    Finisher(root, result).run()
    return root


def _assert_visits_agree(path: Path) -> None:
    result = _read(path)
    if result.rendering == "prose":
        return  # not built by the builder (`clauses.py`)
    document: Document = build_document(result)
    assert _shape(document.root) == _shape(_built_visiting_every_candidate(result))
    assert _shape(document.root) == _shape(_built_reading_every_enumerator_afresh(result))


@pytest.mark.parametrize("path", TEXTS, ids=_name)
def test_visiting_only_the_worthwhile_candidates_and_reading_each_enumerator_once_build_the_same_tree(path):
    _assert_visits_agree(path)


@pytest.mark.parametrize("path", TEXTS, ids=_name)
def test_the_visits_found_from_the_lines_are_the_candidates_worth_visiting(path):
    """`visits` (the line starts worth a visit, then the unit starts inside lines, merged)
    is `worth_visiting` of every candidate but a `Section` inside a line, in every text."""
    stream = Stream(_read(path))
    finder = Builder(stream, Node(kind="document", path="")).finder
    visits = finder.visits()
    assert visits == [index for index in finder.worth_visiting(stream.candidates)
                      if not _section_word_inside_a_line(stream, index)]
    assert len(visits) == len(set(visits)) and visits == sorted(visits)


def _section_word_inside_a_line(stream: Stream, index: int) -> bool:
    """A word `Section` or `SECTION` inside a printed line of a text that is not flattened:
    `at` finds nothing there (a build visiting it builds the same tree: above)."""
    return not stream.flattened and not stream.line_start[index] and stream.word(index) in ("Section", "SECTION")


@pytest.mark.parametrize("path", TEXTS, ids=_name)
def test_a_line_start_is_routed_to_a_unit_read_in_the_text_as_from_its_word(path):
    """`worth_visiting` reads a line start's first character in the text, cutting out the
    word only when that leaves the answer open: the answer is the word's, at every line start."""
    stream = Stream(_read(path))
    starts = [index for index in range(len(stream)) if stream.line_start[index]]
    fast = [_routed_to_a_unit_at(stream.text, stream.offset(index)) for index in starts]
    assert fast == [_routed_to_a_unit(stream.word(index)) for index in starts]


@pytest.mark.parametrize("path", TEXTS, ids=_name)
def test_the_offsets_the_stream_knows_beforehand_are_the_store_s(path):
    """The stream knows where each word it visits starts, and each candidate found in the text
    once the candidates are listed, before any look: the store's offsets, counted word by word."""
    stream = Stream(_read(path))
    visits = Builder(stream, Node(kind="document", path="")).finder.visits()
    candidates = stream.candidates
    known = dict(stream.known_offsets)
    assert set(candidates) <= set(known) and set(visits) <= set(known)
    assert known == {index: stream.store.offset(index) for index in known}



@pytest.mark.parametrize("path", TEXTS, ids=_name)
def test_the_indentation_of_a_line_start_is_its_line_s_known_beforehand_or_read_when_asked(path):
    """`Stream.indented` gives each line start its line's indentation and every other word
    None, whether the line start was among those the builder visits (put in beforehand) or
    is read off its line when asked for."""
    result = _read(path)
    printed = [line for line in result.lines if line.text and not line.text.isspace()]
    firsts = WordStore(printed).line_first
    expected = {first: line.indented for first, line in zip(firsts, printed)}
    indices = range(-1, len(firsts) and firsts[-1] + 1)
    fresh = Stream(result)
    assert [fresh.indented[index] for index in indices] == [expected.get(index) for index in indices]
    visited = Stream(result)
    Builder(visited, Node(kind="document", path="")).finder.visits()
    assert [visited.indented[index] for index in indices] == [expected.get(index) for index in indices]

# what `_source_at` and `_version_at` match first, and what `_citation_at`, `_heading_citation_at`, `_act_heading_at` do
PATTERNS_TRIED = {
    "note": (units.SOURCE_OPEN, units.VERSION),
    "citation": (citations.SECTION_CITATION, citations.HEADING_CITATION, citations.ACT_HEADING),
    None: (),
}
EVERY_PATTERN = PATTERNS_TRIED["note"] + PATTERNS_TRIED["citation"]


@pytest.mark.parametrize("path", TEXTS, ids=_name)
def test_at_a_word_opening_with_a_parenthesis_the_patterns_not_tried_cannot_match(path):
    """`at` tries the note patterns, the citation patterns or none at a `(` word, as
    `_may_open` says: at every such word of every text, no pattern it does not try matches."""
    text = Stream(_read(path)).text
    offsets = [offset for offset in range(len(text)) if text[offset] == "(" and (offset == 0 or text[offset - 1] == " ")]
    ends = [len(text) if end < 0 else end for end in map(text.find, [" "] * len(offsets), offsets)]
    untried = [(offset, pattern.pattern[:12]) for offset, end in zip(offsets, ends)
               for pattern in EVERY_PATTERN if pattern not in PATTERNS_TRIED[_may_open(text[offset:end])]
               and pattern.match(text, offset)]
    assert untried == []


@needs_shared
def test_most_lines_of_the_election_code_need_no_visit():
    """Its lines print their indentation: a flush line opening with a plain word opens nothing."""
    result = read_path(SHARED_CORPUS / "ilcs-whole-acts" / "10ILCS5_ElectionCode.txt")
    builder = Builder(Stream(result), Node(kind="document", path=""))
    candidates = builder.stream.candidates
    assert len(builder.finder.worth_visiting(candidates)) < len(candidates) / 2
    assert len(builder.finder.visits()) < len(candidates) / 2


# ---------------------------------------------------------------- words kept in a store, made when read


def _printed_words(result: ReadResult) -> list[Word]:
    """The body's words as each line makes them, one `Word` a word (what the tree must hold)."""
    return [word for line in result.lines for word in line.words()]


def _assert_store_gives_the_printed_words(path: Path) -> None:
    result = _read(path)
    if result.rendering == "prose":
        return  # not built by the builder (`clauses.py`)
    document = build_document(result)
    nodes = list(document.walk())
    counts = [node.word_count() for node in nodes]  # before any word is made
    texts = [node.text for node in nodes]  # slices of the store's text
    assert all(node.has_words() == (count > 0) for node, count in zip(nodes, counts))
    # a node's first and last word, and their positions, before its words are made
    edges = [(node.word_at(0), node.word_at(-1), node.word_position(0), node.word_position(-1))
             for node in nodes if node.has_words()]
    sequences = [(len(NodeWords(node)), bool(NodeWords(node))) for node in nodes]
    may_know = [node.may_print_known_places() for node in nodes]
    made = [node.words for node in nodes]
    assert all(may or not any(word.position.known for word in words) for may, words in zip(may_know, made))
    assert edges == [(words[0], words[-1], words[0].position, words[-1].position) for words in made if words]
    assert sequences == [(len(words), bool(words)) for words in made]
    assert all(list(NodeWords(node)) == node.words and NodeWords(node)[1:3] == node.words[1:3] for node in nodes)
    assert [len(words) for words in made] == counts
    assert texts == [" ".join(word.text for word in words) for words in made]
    assert [node.text for node in nodes] == texts  # and the same once the words are made
    assert [word for words in made for word in words] == _printed_words(result)


@pytest.mark.parametrize("path", TEXTS, ids=_name)
def test_the_words_a_node_makes_are_the_words_printed_in_its_range(path):
    _assert_store_gives_the_printed_words(path)


def test_the_store_reads_words_as_str_split_does_whatever_the_spacing():
    lines = [
        BodyLine("Sec. 1.\tShort  title.", page=1, line=1),
        BodyLine("This\u00a0Act is\u2003the Act. ", page=1, line=2),
        BodyLine(" (a) The\u3000term", page=2, line=1, marks=((1, 4, INSERTED),)),
        BodyLine("means\x1ca thing.", page=2, line=2),
    ]
    result = ReadResult(lines=lines, rendering="numbered")
    store = WordStore(lines)
    assert store.text == " ".join(word.text for word in _printed_words(result))
    assert store.words(0, len(store)) == _printed_words(result)
    assert [store.word(index) for index in range(len(store))] == [word.text for word in _printed_words(result)]
    document = build_document(result)
    assert document.root.all_words() == _printed_words(result)


def test_the_whitespace_the_store_knows_is_what_str_split_splits_at():
    assert set(WHITESPACE_BUT_SPACE) == {chr(code) for code in range(0x110000) if chr(code).isspace()} - {" "}


def test_a_node_s_words_are_a_list_to_read_append_to_extend_and_replace():
    result = ReadResult(lines=[BodyLine("Sec. 1. Short title. This Act is the Act.", page=1, line=1),
                               BodyLine("(Source: P.A. 90-1.)", page=1, line=2)], rendering="numbered")
    document = build_document(result)
    heading = next(node for node in document.walk() if node.text.startswith("Sec. 1."))
    assert heading.word_count() == 9 and heading.text == "Sec. 1. Short title. This Act is the Act."
    heading.words.append(Word("Amen.", Position(1, 1)))
    assert heading.word_count() == 10 and heading.text.endswith("the Act. Amen.")
    heading.words.extend([Word("More.")])
    assert heading.text.endswith("Amen. More.") and heading.has_words()
    heading.words = [Word("Only.")]
    assert heading.text == "Only." and heading.words == [Word("Only.")] and heading.word_count() == 1
    heading.words = []
    assert heading.text == "" and not heading.has_words() and heading.first_word() is None
    assert [word.text for word in document.root.all_words()] == ["(Source:", "P.A.", "90-1.)"]


def test_a_word_asked_for_by_index_before_the_words_are_made():
    lines = [BodyLine("Sec. 1. The Act", page=1, line=1), BodyLine("is the law.", page=1, line=2,
                                                                   marks=((0, 2, INSERTED),))]
    store = WordStore(lines)
    node = Node(kind="text", path="")
    node.cover(store, 1, 7, store.offset(1), store.offset(7))
    expected = store.words(1, 7)
    assert [node.word_at(index) for index in range(-6, 6)] == expected + expected
    assert [node.word_position(index) for index in (0, 2, 3, -1)] == [Position(1, 1)] * 2 + [Position(1, 2)] * 2
    assert node.word_at(3).mark == INSERTED and node.word_at(-1).mark != INSERTED
    for index in (6, -7):
        with pytest.raises(IndexError):
            node.word_at(index)
        with pytest.raises(IndexError):
            node.word_position(index)
    assert NodeWords(node) == NodeWords(node) and NodeWords(node) != NodeWords(Node(kind="text", path=""))


def test_words_in_one_range_are_made_once_and_equal_words_are_one_object():
    lines = [BodyLine("the Act and the Act", page=None, line=None), BodyLine("the end", page=None, line=None)]
    store = WordStore(lines)
    words = store.words(0, len(store))
    assert words[0] is words[3] and words[1] is words[4] and words[0] is words[5]
    node = Node(kind="text", path="")
    node.cover(store, 1, 6, store.offset(1), store.offset(6))
    assert node.text == "Act and the Act the" and node.words is node.words
    assert [word.text for word in node.words] == ["Act", "and", "the", "Act", "the"]


def _slots(node: Node) -> dict[str, object]:
    return {name: getattr(node, name) for name in Node.__slots__}


def test_a_node_made_covering_a_range_is_the_node_made_then_covered():
    """`Node.covering` (the builder's constructor) sets every slot as `Node(kind, "")` then
    `cover` do; extended by `cover`, it stays the same."""
    store = WordStore([BodyLine("Sec. 1. The Act", page=1, line=1), BodyLine("is the law.", page=1, line=2)])
    made = Node.covering("subsection", store, 2, store.offset(2))
    plain = Node(kind="subsection", path="")
    plain.cover(store, 2, 2, store.offset(2), store.offset(2))
    assert _slots(made) == _slots(plain) and made.meta is not plain.meta
    for node in (made, plain):
        node.cover(store, 2, 5, store.offset(2), store.offset(5))
    assert _slots(made) == _slots(plain) and made.text == "The Act is"
    assert made.words == plain.words and made.children is not Node.covering("text", store, 0, 0).children


@pytest.mark.parametrize("path", TEXTS, ids=_name)
def test_the_finisher_notes_every_amending_bill_section_as_it_describes_it(path):
    """`Finisher.amending` (collected while describing) is what a walk of the finished tree
    finds: every node whose meta amends an Act, in document order."""
    result = _read(path)
    if result.rendering == "prose":
        return  # not built by the builder (`clauses.py`)
    root = Node(kind="document", path="", label=result.identity.describe())
    Builder(Stream(result), root).run()
    finisher = Finisher(root, result)
    finisher.run()
    walked = [node.meta for node in root.walk() if node.meta.amends is not None]
    assert len(finisher.amending) == len(walked)
    assert all(noted is found for noted, found in zip(finisher.amending, walked))


def _unit_start_ends(text: str) -> list[int]:
    return [match.end() for match in units.UNIT_START.finditer(text)]


@pytest.mark.parametrize("path", TEXTS, ids=_name)
def test_the_unit_starts_found_a_character_at_a_time_are_unit_start_s(path):
    """`stream.unit_starts` (one search for each opening character) finds where every match
    of `units.UNIT_START` (one search stopping at every space) ends, and nothing else."""
    text = Stream(_read(path)).text
    assert unit_starts(text) == _unit_start_ends(text)


@pytest.mark.parametrize("text", [
    "", "(", " (", "a (b) “c” \"d\" Sec. 1 Sec.", "Sec. Sec. Sec.", " Section", " Sections Article ARTICLE",
    "x SECTION\n", "x Sec.\n", "x Sec.5 (Sec. ((( Article(", " “ “", "A Act ARTICLES Articled S Se Sec Sec.",
])
def test_the_unit_starts_at_the_edges_are_unit_start_s(text):
    assert unit_starts(text) == _unit_start_ends(text)


@pytest.mark.parametrize("path", TEXTS, ids=_name)
def test_the_candidates_are_the_line_starts_and_unit_starts_each_once_in_order(path):
    stream = Stream(_read(path))
    line_starts = [index for index in range(len(stream)) if stream.line_start[index]]
    unit_words = [stream.store.word_after(offset) for offset in unit_starts(stream.text)] if stream.legislation else []
    expected = sorted({0, *line_starts, *unit_words} & set(range(len(stream))))
    assert stream.candidates == expected


@pytest.mark.parametrize("path", TEXTS, ids=_name)
def test_the_stream_reads_each_word_and_the_one_before_it_as_the_store_does(path):
    """`Stream.word` and `Stream.previous` write out the store's reading at every index, and
    `Stream.following` and `Stream.word_after` from a word before the offset at every word the
    builder visits."""
    stream = Stream(_read(path))
    store = stream.store
    indices = range(-1, len(stream) + 1)
    assert [stream.word(index) for index in indices] == [store.word(index) for index in indices]
    inside = range(1, len(stream) + 1)
    assert [stream.previous(index) for index in inside] == [store.word_before(store.offset(index)) for index in inside]
    assert stream.previous(0) == "" and stream.word(len(stream)) == ""
    # the word after an offset past a visited word (in the text, as the builder asks), counted
    # from that word: inside it, in the next word, at the start of the one after, at the end
    end, last = len(stream.text), len(stream)
    visits = Builder(stream, Node(kind="document", path="")).finder.visits()
    pairs = [(index, min(offset, end)) for index in visits for offset in
             (stream.offset(index) + 1, stream.offset(min(index + 1, last)) + 1, stream.offset(min(index + 2, last)), end)]
    assert [stream.following(index) for index in visits] == [store.word_following(stream.offset(index)) for index in visits]
    assert [stream.word_after(offset, index) for index, offset in pairs] == [store.word_after(offset) for _, offset in pairs]



@pytest.mark.parametrize("path", TEXTS, ids=_name)
def test_the_word_before_the_previous_and_the_word_from_an_offset_are_read_as_by_index(path):
    """`Stream.before_previous` (found from the next word's offset) is `previous(index - 1)`
    at every index, and `Stream.word_from` is `word(word_after(offset))` at the offsets the
    builder reads from (where a match ends: at a word's start, inside it, at the space after
    it, at the end of the text)."""
    stream = Stream(_read(path))
    indices = range(0, len(stream) + 1)
    assert ([stream.before_previous(index, stream.previous(index)) for index in indices]
            == [stream.previous(index - 1) for index in indices])
    end, last = len(stream.text), len(stream)
    visits = Builder(stream, Node(kind="document", path="")).finder.visits()
    offsets = sorted({min(offset, end) for index in visits for offset in (
        stream.offset(index), stream.offset(index) + 1, stream.offset(min(index + 1, last)) - 1,
        stream.offset(min(index + 1, last)), end)})
    assert [stream.word_from(offset) for offset in offsets] == [stream.word(stream.word_after(offset)) for offset in offsets]



@pytest.mark.parametrize("path", TEXTS, ids=_name)
def test_a_reading_said_to_be_spaced_is_single_spaced_and_its_store_is_the_scanned_one(path):
    """A reader that says its lines are single-spaced and stripped (`ReadResult.spaced`, which
    spares the store its scan of the text) prints each line as `str.split` reads it, and the
    store built trusting it is the store built scanning."""
    result = _read(path)
    if not result.spaced:
        return
    printed = [line for line in result.lines if line.text]
    assert all(line.text == " ".join(line.text.split()) for line in printed)
    trusted, scanned = WordStore(printed, spaced=True), WordStore(printed)
    assert trusted.text == scanned.text
    assert (trusted.line_first, trusted.line_offset) == (scanned.line_first, scanned.line_offset)


def test_the_compiled_statutes_readers_say_their_lines_are_spaced():
    """Both ILCS readers normalise every line (the fast path above runs on every whole Act)."""
    from statdiff.read import read_text

    page = read_text("(815 ILCS 530/1)\n    Sec. 1.  Short   title.\tThis Act may be cited.\n(Source: P.A. 94-36.)",
                     format="ilcs")
    flat = read_text("text\n\"(815 ILCS 530/1) Sec. 1.  Short title. (Source: P.A. 94-36.)\"", format="ilcs-csv")
    assert page.spaced and flat.spaced
    assert [line.text for line in page.lines] == ["(815 ILCS 530/1)", "Sec. 1. Short title. This Act may be cited.",
                                                  "(Source: P.A. 94-36.)"]
    assert not page.without("deleted").spaced  # a result made from another claims nothing


def _runs(store: WordStore) -> tuple:
    return list(store.run_first), store._run_positions, store._marked, store.printed_at_known_places


@pytest.mark.parametrize("path", TEXTS, ids=_name)
def test_a_store_printed_at_one_place_finds_the_runs_the_loop_finds(path, monkeypatch):
    """A text whose lines are all printed at one place with no marks (a whole Act, a CSV) is
    one run, found without the loop over its lines: the runs the loop finds, in every text."""
    lines = [line for line in _read(path).lines if line.text and not line.text.isspace()]
    fast = _runs(WordStore(lines))
    monkeypatch.setattr(wordstore, "_printed_at_one_place", lambda lines: False)
    assert fast == _runs(WordStore(lines))


def test_lines_at_one_place_are_one_run_and_lines_that_differ_are_not():
    at_one_place = [BodyLine("Sec. 1. The Act"), BodyLine("is the law.")]
    assert wordstore._printed_at_one_place(at_one_place)
    assert list(WordStore(at_one_place).run_first) == [0, 7]
    for other in (BodyLine("is the law.", page=1), BodyLine("is the law.", line=2),
                  BodyLine("is the law.", marks=((0, 2, INSERTED),))):
        assert not wordstore._printed_at_one_place([at_one_place[0], other])
    assert not wordstore._printed_at_one_place([])
