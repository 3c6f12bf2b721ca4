"""The tree builder on hand-made body lines, on the whole corpus, and on generated documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus_files import holds_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statdiff.errors import StatdiffError
from statdiff.model import AmendatoryInstruction, BodyLine, Identity, Meta, Node, Position, ReadResult, SourceSpan, Word
from statdiff.render.json_out import document_to_json, dumps
from statdiff.structure import build_document

REPO = Path(__file__).resolve().parent.parent
STATUTES = REPO / "statutes"


def page(*texts: str, number: int = 1, flush: tuple[int, ...] = ()) -> list[BodyLine]:
    """Body lines of one printed page; a line starting with 4 spaces is indented."""
    lines = []
    for index, text in enumerate(texts, start=1):
        indented = text.startswith("    ")
        lines.append(BodyLine(text.strip(), page=number, line=index, indented=indented))
    return lines


def build(lines: list[BodyLine], **identity) -> object:
    return build_document(ReadResult(lines=lines, rendering="test", identity=Identity(**identity)))


def paths(document) -> list[str]:
    return [node.path for node in document.walk()][1:]


def words_of(result: ReadResult) -> list[str]:
    return [word for line in result.lines for word in line.text.split()]


def assert_lossless(result: ReadResult) -> None:
    document = build_document(result)
    tree_words = document.root.all_words()
    assert [word.text for word in tree_words] == words_of(result)
    expected_positions = [line.position for line in result.lines for _ in line.text.split()]
    assert [word.position for word in tree_words] == expected_positions


AMENDATORY_BILL = page(
    "    AN ACT concerning consumer fraud.",
    "    Be it enacted by the People of the State of Illinois,",
    "represented in the General Assembly:",
    "    Section 5. The Personal Information Protection Act is",
    "amended by changing Sections 5 and 10 and by adding Section 12 as follows:",
    "    (815 ILCS 530/10)",
    "    Sec. 10. Notice of Breach.",
    "    (a) Any data collector shall notify the resident as set",
    "forth in subsection",
    "(c) of Section 20 and without unreasonable delay.",
    "    (b) Notice may be provided by one of the following methods:",
    "        (1) written notice;",
    "        (2) substitute notice. Substitute notice shall consist of",
    "    all of the following: (i) email notice; (ii) conspicuous",
    "    posting; and (iii) notification to major statewide media.",
    "    (b-5) The notification may be delayed.",
    "(Source: P.A. 94-36, eff. 1-1-06; 94-947, eff. 6-27-06.)",
    "    (815 ILCS 530/12 new)",
    "    Sec. 12. Entities subject to the federal Health Insurance",
    "Portability and Accountability Act.",
    "    Section 99. Effective date. This Act takes effect upon",
    "becoming law.",
)


def test_amendatory_bill_section_holds_the_restated_sections_under_their_citation_paths():
    document = build(AMENDATORY_BILL)
    bill_section = document.find("Section 5")
    assert bill_section.kind == "bill_section"
    assert bill_section.meta.amends == AmendatoryInstruction(
        act="Personal Information Protection Act",
        citation="815 ILCS 530",
        changing=("5", "10"),
        adding=("12",),
        repealing=(),
    )
    assert [child.path for child in bill_section.children] == ["815 ILCS 530/10", "815 ILCS 530/12"]
    assert document.find("Section 99").kind == "bill_section"


def test_codified_section_meta_and_note_children():
    section = build(AMENDATORY_BILL).find("815 ILCS 530/10")
    assert section.kind == "section"
    meta = section.meta
    assert (meta.citation, meta.act, meta.number, meta.heading, meta.public_acts) == (
        "815 ILCS 530/10", "815 ILCS 530", "10", "Notice of Breach.", ("94-36", "94-947"),
    )
    assert section.meta.source_note == "(Source: P.A. 94-36, eff. 1-1-06; 94-947, eff. 6-27-06.)"
    kinds = [(child.kind, child.path) for child in section.children]
    assert kinds[0] == ("citation", "815 ILCS 530/10 [citation]")
    assert kinds[1] == ("text", "815 ILCS 530/10 [1]")
    assert kinds[-1] == ("source_note", "815 ILCS 530/10 [source]")
    new_section = build(AMENDATORY_BILL).find("815 ILCS 530/12")
    assert new_section.meta.status == "new"
    assert new_section.meta.heading == (
        "Entities subject to the federal Health Insurance Portability and Accountability Act."
    )


def test_a_cross_reference_at_a_line_start_is_not_a_subsection():
    document = build(AMENDATORY_BILL)
    subsection_a = document.find("815 ILCS 530/10(a)")
    assert subsection_a.text.endswith("subsection (c) of Section 20 and without unreasonable delay.")
    assert document.find("815 ILCS 530/10(c)") is None


def test_enumerators_nest_by_sequence_and_inline_items_split():
    found = paths(build(AMENDATORY_BILL))
    for path in (
        "815 ILCS 530/10(b)",
        "815 ILCS 530/10(b)(1)",
        "815 ILCS 530/10(b)(2)",
        "815 ILCS 530/10(b)(2)(i)",
        "815 ILCS 530/10(b)(2)(ii)",
        "815 ILCS 530/10(b)(2)(iii)",
        "815 ILCS 530/10(b-5)",
    ):
        assert path in found
    item = build(AMENDATORY_BILL).find("815 ILCS 530/10(b)(2)(ii)")
    assert item.kind == "item"
    assert item.text == "(ii) conspicuous posting; and"


def test_i_after_h_is_a_letter_and_otherwise_a_roman_numeral():
    lines = page(
        "    Sec. 3. Duties.",
        *[f"    ({letter}) Duty {letter}." for letter in "abcdefgh"],
        "    (i) Duty i, which has the following parts:",
        "        (i) the first part;",
        "        (ii) the second part.",
        "    (j) Duty j.",
    )
    document = build(lines)
    assert document.find("Sec. 3(i)").kind == "subsection"
    assert document.find("Sec. 3(i)(i)").kind == "item"
    assert document.find("Sec. 3(i)(ii)").kind == "item"
    assert document.find("Sec. 3(j)").kind == "subsection"


def test_lists_under_numbers_and_return_to_the_outer_sequence():
    lines = page(
        "    Section 5. Findings. The General Assembly finds:",
        "    (1) Residents want privacy.",
        "    (2) Businesses collect data.",
        "    (a) Some websites track visitors.",
        "    (b) Brokers trade data.",
        "    (3) Consumers must be informed.",
    )
    document = build(lines)
    assert paths(document) == [
        "Section 5",
        "Section 5(1)",
        "Section 5(2)",
        "Section 5(2)(a)",
        "Section 5(2)(b)",
        "Section 5(3)",
    ]
    assert document.find("Section 5").kind == "section"
    assert document.find("Section 5").meta.heading == "Findings."


DEFINITIONS = page(
    "    Section 10. Definitions. As used in this Act:",
    '    "Business" means any entity that meets one or more of',
    "the following thresholds:",
    "    (1) The business collects data of 50,000 persons.",
    "    (2) The business derives 50% of its revenue from data.",
    '"Business" does not include a State agency.',
    '    "Consumer" means a natural person. "Consumer" does not',
    "include an employee.",
    "    Section 15. Right to know.",
    "    (a) A consumer may ask:",
    "        (1) for copies.",
)


def test_definitions_are_keyed_by_term_and_hold_their_list_and_later_paragraphs():
    document = build(DEFINITIONS)
    assert paths(document) == [
        "Section 10",
        'Section 10 "Business"',
        'Section 10 "Business"(1)',
        'Section 10 "Business"(2)',
        'Section 10 "Business" [2]',
        'Section 10 "Consumer"',
        "Section 15",
        "Section 15(a)",
        "Section 15(a)(1)",
    ]
    business = document.find('Section 10 "Business"')
    assert business.kind == "definition"
    assert business.meta.term == "Business"
    assert document.find('Section 10 "Business" [2]').kind == "text"
    assert document.find('Section 10 "Consumer"').text.endswith('"Consumer" does not include an employee.')


def test_articles_prefix_their_sections():
    lines = page(
        "    ARTICLE 1. SHORT TITLE",
        "    Section 1-1. Short title. This Act is the Budget Act.",
        "    ARTICLE 2. AMENDMENTS",
        "    Section 2-5. The State Finance Act is amended by changing",
        "Section 5.67 as follows:",
        "    (30 ILCS 105/5.67) (from Ch. 127, par. 141.67)",
        "    (Section scheduled to be repealed on July 1, 2021)",
        "    Sec. 5.67. The Metropolitan Fund.",
        "(Source: P.A. 81-1509.)",
    )
    document = build(lines)
    assert paths(document)[:4] == ["Article 1", "Article 1 Section 1-1", "Article 2", "Article 2 Section 2-5"]
    section = document.find("30 ILCS 105/5.67")
    assert section.meta.from_ == "Ch. 127, par. 141.67"
    assert section.meta.versions == ("(Section scheduled to be repealed on July 1, 2021)",)
    assert document.find("30 ILCS 105/5.67 [version]").kind == "version_note"
    assert section.meta.public_acts == ("81-1509",)


def test_flattened_text_splits_sections_and_inline_enumerators():
    text = (
        "(620 ILCS 5/) Illinois Aeronautics Act. (620 ILCS 5/1) (from Ch. 15 1/2, par. 22.1) Sec. 1. Definitions. "
        'In this Act: "Aircraft" means any device used for flight. (Source: Laws 1945, p. 335.) '
        "(620 ILCS 5/2) Sec. 2. Permits. (a) No person shall fly without a permit issued under subsection "
        "(b) of this Section. (b) The Department shall issue permits: (1) to pilots; and (2) to schools. "
        "(Source: P.A. 89-345, eff. 1-1-96.)"
    )
    document = build([BodyLine(text)], act="620 ILCS 5")
    assert paths(document) == [
        "[1]",
        "620 ILCS 5/1",
        "620 ILCS 5/1 [citation]",
        "620 ILCS 5/1 [1]",
        '620 ILCS 5/1 "Aircraft"',
        "620 ILCS 5/1 [source]",
        "620 ILCS 5/2",
        "620 ILCS 5/2 [citation]",
        "620 ILCS 5/2 [1]",
        "620 ILCS 5/2(a)",
        "620 ILCS 5/2(b)",
        "620 ILCS 5/2(b)(1)",
        "620 ILCS 5/2(b)(2)",
        "620 ILCS 5/2 [source]",
    ]
    assert document.find("[1]").meta == Meta(act="620 ILCS 5")
    assert document.find("620 ILCS 5/2(a)").text.endswith("under subsection (b) of this Section.")


def test_a_first_subsection_may_share_the_line_of_its_section_heading():
    lines = page(
        "    (815 ILCS 505/1) (from Ch. 121 1/2, par. 261)",
        '    Sec. 1. (a) The term "advertisement" includes the attempt',
        "by publication to induce a sale.",
        '    (b) The term "merchandise" includes any objects.',
    )
    document = build(lines)
    assert paths(document) == [
        "815 ILCS 505/1",
        "815 ILCS 505/1 [citation]",
        "815 ILCS 505/1 [1]",
        "815 ILCS 505/1(a)",
        "815 ILCS 505/1(b)",
    ]
    assert document.find("815 ILCS 505/1 [1]").text == "Sec. 1."
    assert document.find("815 ILCS 505/1(a)").meta.term == "advertisement"
    assert document.find("815 ILCS 505/1").meta.from_ == "Ch. 121 1/2, par. 261"


def test_a_paragraph_and_its_first_item_in_one_word():
    lines = page(
        "    Sec. 43d. Intoxicated persons.",
        "    (a) No person shall:",
        "        (4)(i) Consume liquor within 8 hours of flying.",
        "        (ii) Act as a crew member while impaired.",
        "        (5) Knowingly consume liquor in flight.",
    )
    document = build(lines)
    assert [node.path for node in document.find("Sec. 43d(a)").walk()] == [
        "Sec. 43d(a)",
        "Sec. 43d(a)(4)",
        "Sec. 43d(a)(4)(i)",
        "Sec. 43d(a)(4)(ii)",
        "Sec. 43d(a)(5)",
    ]
    assert document.find("Sec. 43d(a)(4)").text == "(4)(i)"
    assert document.find("Sec. 43d(a)(4)(i)").text == "Consume liquor within 8 hours of flying."


def test_a_section_without_citation_takes_the_act_of_the_document():
    lines = page("    Sec. 5. Definitions. In this Act:", '    "Person" means a natural person.')
    assert paths(build(lines, act="815 ILCS 530")) == [
        "815 ILCS 530/5",
        "815 ILCS 530/5 [1]",
        '815 ILCS 530/5 "Person"',
    ]
    assert paths(build(lines)) == ["Sec. 5", "Sec. 5 [1]", 'Sec. 5 "Person"']


def test_repealed_and_renumbered_sections_and_acts_known_from_another_bill_section():
    lines = page(
        "    Section 5. The Criminal Code of 2012 is amended by changing Section 1 as follows:",
        "    (720 ILCS 5/1) (was 720 ILCS 350/1)",
        "    Sec. 1. Title.",
        "(Source: P.A. 97-1108.)",
        "    (720 ILCS 5/2 rep.)",
        "    Section 10. The Criminal Code of 2012 is amended by repealing Section 3.",
    )
    document = build(lines)
    assert document.find("720 ILCS 5/1").meta.was == "720 ILCS 350/1"
    assert document.find("720 ILCS 5/2").meta.status == "rep."
    assert document.find("Section 10").meta.amends == AmendatoryInstruction(
        act="Criminal Code of 2012", citation="720 ILCS 5", changing=(), adding=(), repealing=("3",),
    )


def test_duplicate_paths_get_a_count():
    lines = page(
        "    (820 ILCS 96/1-25)",
        "    (Text of Section before amendment by P.A. 104-320)",
        "    Sec. 1-25. Conditions of employment.",
        "(Source: P.A. 101-221, eff. 1-1-20.)",
        "    (820 ILCS 96/1-25)",
        "    (Text of Section after amendment by P.A. 104-320)",
        "    Sec. 1-25. Conditions of employment.",
        "(Source: P.A. 104-320, eff. 1-1-26.)",
    )
    document = build(lines)
    assert "820 ILCS 96/1-25" in paths(document)
    assert "820 ILCS 96/1-25 #2" in paths(document)
    assert len(set(paths(document))) == len(paths(document))


def test_text_that_is_not_legislation_is_one_text_node_a_paragraph():
    lines = [BodyLine(text) for text in ("Ask a question.", "Illinois has rules (a) and (b).", "- A list item.")]
    document = build(lines)
    assert [(node.kind, node.path) for node in document.root.children] == [
        ("text", "[1]"),
        ("text", "[2]"),
        ("text", "[3]"),
    ]


def test_odd_input_cannot_nest_the_tree_without_bound():
    lines = page("    Sec. 1. Odd.", *["    (a) The same first letter again." for _ in range(3000)])
    document = build(lines)
    depth = max(node.path.count("(") for node in document.walk())
    assert depth <= 8
    assert len(document.root.all_words()) == sum(len(line.text.split()) for line in lines)


def test_empty_input_is_an_empty_document():
    document = build([])
    assert document.root.kind == "document"
    assert document.root.children == []
    assert document.root.source is None


def test_anything_but_a_read_result_is_a_statdiff_error():
    with pytest.raises(StatdiffError):
        build_document("not a read result")


def test_json_of_the_same_input_is_identical():
    first = dumps(document_to_json(build(AMENDATORY_BILL)))
    second = dumps(document_to_json(build(AMENDATORY_BILL)))
    assert first == second
    assert '"path": "815 ILCS 530/10(b)(2)(iii)"' in first


# ---------------------------------------------------------------- the whole corpus

CORPUS = sorted(
    [path for path in (STATUTES / "fragments").glob("*.txt") if holds_text(path)]
    + list((STATUTES / "seeds").glob("*.txt"))
    + list((STATUTES / "pipa").glob("*.txt"))
    + [STATUTES / "ilcs-chapter-620" / "statutes.csv"]
)


def _read(path: Path) -> ReadResult:
    from statdiff.read import read_path

    return read_path(path)


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.name)
def test_the_tree_keeps_every_word_of_the_corpus_once_in_order_with_its_position(path):
    result = _read(path)
    assert_lossless(result)
    document = build_document(result)
    all_paths = [node.path for node in document.walk()]
    assert len(all_paths) == len(set(all_paths)), "paths are unique"


def test_the_corpus_has_every_fragment_with_bill_text():
    fragments = sorted((STATUTES / "fragments").glob("*.txt"))
    assert [path for path in CORPUS if path.parent.name == "fragments"] == [path for path in fragments if holds_text(path)]


# ---------------------------------------------------------------- generated documents

_word = st.sampled_from(
    "the data collector shall notify each resident of any breach within days "
    "records notice person agency Section subsection (a) (1) (c) of and or to".split()
)
_sentence = st.lists(_word, min_size=1, max_size=12).map(lambda words: " ".join(words))
_heading = st.lists(st.sampled_from("notice breach data records duties agency".split()), min_size=1, max_size=5).map(
    lambda words: " ".join(words).capitalize()
)
_letters = "abcdefgh"


@st.composite
def _sections(draw):
    """A codified Section: citation, `Sec. N.`, subsections (a)... with paragraphs (1)..., a Source note."""
    number = draw(st.integers(min_value=1, max_value=99))
    lines = [(f"(815 ILCS 530/{number})", True), (f"Sec. {number}. {draw(_heading)}.", True)]
    expected = [f"815 ILCS 530/{number}"]
    for letter in _letters[: draw(st.integers(min_value=0, max_value=4))]:
        lines.append((f"({letter}) {draw(_sentence).capitalize()}:", True))
        expected.append(f"815 ILCS 530/{number}({letter})")
        for digit in range(1, draw(st.integers(min_value=0, max_value=3)) + 1):
            # an item opens with a word that cannot continue a cross-reference and ends with `;`
            pieces = [f"({digit}) notice {draw(_sentence)}", *draw(st.lists(_sentence, max_size=2))]
            pieces[-1] += ";"
            lines.extend([(pieces[0], True)] + [(piece, False) for piece in pieces[1:]])
            expected.append(f"815 ILCS 530/{number}({letter})({digit})")
    if draw(st.booleans()):
        term = draw(_sentence).capitalize()
        lines.append((f'"{term}" means {draw(_sentence)}.', True))
        expected.append(f'815 ILCS 530/{number} "{term}"')
    lines.append((f"(Source: P.A. 9{number % 10}-{number}, eff. 1-1-06.)", False))
    return number, lines, expected


@st.composite
def _documents(draw):
    sections = draw(st.lists(_sections(), min_size=1, max_size=4, unique_by=lambda section: section[0]))
    body, expected = [], []
    for _, lines, section_paths in sections:
        body.extend(lines)
        expected.extend(section_paths)
    per_page = draw(st.integers(min_value=3, max_value=25))
    bodylines = [
        BodyLine(text, page=1 + index // per_page, line=1 + index % per_page, indented=indented)
        for index, (text, indented) in enumerate(body)
    ]
    return ReadResult(lines=bodylines, rendering="generated"), expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents())
def test_generated_documents_are_read_losslessly_and_their_units_found(generated):
    result, expected = generated
    assert_lossless(result)
    found = paths(build_document(result))
    for path in expected:
        assert path in found
    assert len(found) == len(set(found))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents())
def test_flattened_documents_split_into_the_same_units(generated):
    """The CSV and 93rd GA ftp renderings print a whole Act on one line: the same units must be found."""
    result, expected = generated
    flat = ReadResult(lines=[BodyLine(" ".join(line.text for line in result.lines))], rendering="flat")
    assert_lossless(flat)
    found = paths(build_document(flat))
    for path in expected:
        assert path in found


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=40), st.sampled_from([True, False, None])), max_size=30))
def test_any_text_is_read_losslessly(rows):
    lines = [
        BodyLine(" ".join(text.split()), page=1, line=index + 1, indented=indented)
        for index, (text, indented) in enumerate(rows)
    ]
    assert_lossless(ReadResult(lines=lines, rendering="generated"))


# ---------------------------------------------------------------- what the speed-ups must not change


def _build_checking_every_word(result: ReadResult):
    """The tree built when the builder looks for a unit start at every word, not only at
    the candidate words (line starts, `(`, quotes, `Sec.`, `Section`, `ARTICLE`)."""
    import statdiff.structure.boundaries  # noqa: F401
    from statdiff import structure

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(structure.boundaries.BoundaryFinder, "visits",
                      lambda finder: finder.worth_visiting(list(range(len(finder.stream)))))
        return build_document(result)


def _same_tree(result: ReadResult) -> None:
    assert dumps(document_to_json(build_document(result))) == dumps(document_to_json(_build_checking_every_word(result)))


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.name)
def test_looking_only_at_candidate_words_builds_the_same_tree_for_the_corpus(path):
    _same_tree(_read(path))


FLATTENED_UNITS = [
    "Sec. 1. Short title. This Act is the Act. Sec. 2. Definitions. In this Act: (a) the thing; and (b) the other.",
    "AN ACT concerning things. Be it enacted by the People of the State of Illinois, represented in the General"
    " Assembly: Section 1. Short title. This Act may be cited as the Thing Act. Section 2. Definitions."
    ' "Thing" means a thing. Section 99. Effective date. This Act takes effect upon becoming law.',
    "ARTICLE 1. GENERAL PROVISIONS Section 1-1. Short title. This Act is the Act. ARTICLE 2. DUTIES"
    " Section 2-1. Duty. A person shall act. Article 3. Other. Section 3-1. More. It is so.",
]


@pytest.mark.parametrize("text", FLATTENED_UNITS)
def test_looking_only_at_candidate_words_finds_units_inside_a_flattened_line(text):
    _same_tree(ReadResult(lines=[BodyLine(text)], rendering="flat"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents(), st.booleans())
def test_looking_only_at_candidate_words_builds_the_same_tree_for_generated_documents(generated, flatten):
    result, _ = generated
    if flatten:
        result = ReadResult(lines=[BodyLine(" ".join(line.text for line in result.lines))], rendering="flat")
    _same_tree(result)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet='()"“ab1. ', max_size=40), st.sampled_from([True, False, None])),
                max_size=20))
def test_looking_only_at_candidate_words_builds_the_same_tree_for_any_text(rows):
    lines = [BodyLine(" ".join(text.split()), page=1, line=index + 1, indented=indented)
             for index, (text, indented) in enumerate(rows)]
    _same_tree(ReadResult(lines=lines, rendering="generated"))


def test_equal_words_of_a_document_are_one_object_and_keep_their_values():
    """An ILCS CSV has no page:line: each distinct word text is one Word object (quicker to
    build, lighter for the garbage collector); the tree is still lossless."""
    result = _read(STATUTES / "ilcs-chapter-620" / "statutes.csv")
    assert_lossless(result)
    words = build_document(result).root.all_words()
    assert len({id(word) for word in words}) < len(words) / 4
    assert len({id(word) for word in words}) == len({(word.text, word.position, word.mark) for word in words})


def test_words_on_different_lines_are_different_objects_with_their_own_positions():
    document = build(page("    The notice shall be given.", "    The notice shall be given."))
    first, second = [node.words for node in document.walk() if node.words]
    assert [word.text for word in first] == [word.text for word in second]
    assert all(a is not b and a != b for a, b in zip(first, second))
    assert {str(word.position) for word in first} == {"1:1"} and {str(word.position) for word in second} == {"1:2"}


def test_words_are_values_equal_and_hashed_by_text_position_and_mark():
    from statdiff.model import INSERTED, Position, Word

    assert Word("notice", Position(1, 2)) == Word("notice", Position(1, 2))
    assert len({Word("notice", Position(1, 2)), Word("notice", Position(1, 2))}) == 1
    assert Word("notice", Position(1, 2)) != Word("notice", Position(1, 3))
    assert Word("notice", Position(1, 2)) != Word("notice", Position(1, 2), INSERTED)
    assert Word("notice").position == Position() and str(Word("notice").position) == "-"


# ---------------------------------------------------------------- spans of nodes


def _covering_every_word(node: Node) -> SourceSpan | None:
    return SourceSpan.covering(node.all_words())


@pytest.mark.parametrize(
    "path",
    [STATUTES / "pipa" / "09500HB0605_introduced_full.txt", STATUTES / "seeds" / "003_80d6f31b0979e4b4.txt",
     STATUTES / "ilcs-chapter-620" / "statutes.csv"],
    ids=lambda path: path.name,
)
def test_a_node_span_runs_from_the_first_to_the_last_word_of_its_subtree_on_real_text(path):
    document = build_document(_read(path))
    for node in document.walk():
        assert node.source == _covering_every_word(node), node.path


_positioned_words = st.lists(
    st.builds(Word, st.sampled_from(["a", "b"]), st.builds(Position, st.integers(1, 9), st.integers(1, 60))),
    max_size=3,
)
_trees = st.recursive(
    st.builds(Node, st.just("text"), st.just("p"), _positioned_words),
    lambda children: st.builds(
        Node, st.just("paragraph"), st.just("p"), _positioned_words, st.lists(children, max_size=4)
    ),
    max_leaves=25,
)


@settings(max_examples=80, deadline=None)
@given(_trees)
def test_a_node_span_is_that_of_all_its_words_even_where_nodes_have_none(tree):
    for node in tree.walk():
        assert node.source == _covering_every_word(node)
        words = node.all_words()
        assert node.first_word() is (words[0] if words else None)
        assert node.last_word() is (words[-1] if words else None)
