"""The diff engine on hand-built trees: phrases, modes, Source notes, truncation."""

from itertools import count

from hypothesis import example, given, settings
from hypothesis import strategies as st

from statdiff.diff import compare, diff_tokens, find_truncation
from statdiff.model import Document, Identity, Node, Position, Word
from statdiff.read import read_text
from statdiff.structure import _public_acts as public_acts  # the one parser of Source notes
from statdiff.structure import build_document
from statdiff.tokens import rebuild, tokenize

_lines = count(1)


def words(text: str, page: int = 1) -> list[Word]:
    line = next(_lines)
    return [Word(word, Position(page, line + index // 8)) for index, word in enumerate(text.split())]


def node(kind, path, text="", *children, **meta) -> Node:
    return Node(kind, path, words(text), list(children), meta.pop("label", None), meta)


def section(act, number, heading, *children, source=None) -> Node:
    path = f"{act}/{number}"
    kids = [node("citation", f"{path} [citation]", f"({path})")]
    kids += list(children)
    meta = {}
    if source:
        kids.append(node("source_note", f"{path} [source]", source))
        meta = {"source_note": source, "public_acts": public_acts(source)}  # as the structure stage reads it
    return node("section", path, f"Sec. {number}. {heading}", *kids, number=str(number), heading=heading,
                act=act, citation=path, **meta)


def document(*children, bill=None, synopsis=None) -> Document:
    return Document(Identity(bill=bill), Node("document", "", [], list(children)), "test", "t", synopsis)


def act(*sections) -> Document:
    return document(*sections)


ACT = "815 ILCS 530"


def sec10(a_text, source="(Source: P.A. 94-36, eff. 1-1-06.)", extra=()):
    return section(ACT, 10, "Notice of Breach.", node("subsection", f"{ACT}/10(a)", a_text, label="(a)"), *extra,
                   source=source)


def assert_rebuilds(comparison):
    for section_comparison in comparison.sections:
        for node_comparison in section_comparison.nodes:
            old_tokens = [token for segment in node_comparison.segments for token in segment.old]
            new_tokens = [token for segment in node_comparison.segments for token in segment.new]
            if node_comparison.old is not None:
                assert rebuild(old_tokens) == node_comparison.old.text
            if node_comparison.new is not None:
                assert rebuild(new_tokens) == node_comparison.new.text


def test_identical_documents_have_no_changes():
    doc = act(sec10("(a) Any data collector shall notify the resident."))
    comparison = compare(doc, doc)
    assert comparison.changes == []
    assert [section.status for section in comparison.sections] == ["unchanged"]
    assert_rebuilds(comparison)


def test_insertion_before_final_period_is_one_insertion():
    old = act(sec10("(a) restore the confidentiality of the data system."))
    new = act(sec10("(a) restore the confidentiality of the data system or written material files."))
    comparison = compare(old, new)
    assert [(c.op, c.old_text, c.new_text) for c in comparison.changes] == [
        ("insert", "", "or written material files")
    ]
    change = comparison.changes[0]
    assert change.section == f"{ACT}/10" and change.anchor == "c1"
    assert change.new_path == f"{ACT}/10(a)"
    assert_rebuilds(comparison)


def test_phrase_insertion_repeating_nearby_words_is_one_insertion():
    old = act(sec10("(a) The disclosure notification shall be made in the most expedient time possible."))
    new = act(sec10(
        "(a) The disclosure notification shall be made within 48 hours of the discovery of the breach of the "
        "security of the system data or written material, in the most expedient time possible."
    ))
    changes = compare(old, new).changes
    assert [(c.op, c.new_text) for c in changes] == [
        ("insert", "within 48 hours of the discovery of the breach of the security of the system data "
                   "or written material,")
    ]


def test_changes_separated_by_one_glue_word_are_one_replace():
    old = act(sec10("(a) shall notify the owner of data immediately."))
    new = act(sec10("(a) shall notify the licensee of records immediately."))
    assert [(c.op, c.old_text, c.new_text) for c in compare(old, new).changes] == [
        ("replace", "owner of data", "licensee of records")
    ]


def test_changes_separated_by_two_words_stay_apart():
    old = act(sec10("(a) shall notify the owner of the data immediately."))
    new = act(sec10("(a) shall notify the licensee of the records immediately."))
    assert [(c.op, c.old_text, c.new_text) for c in compare(old, new).changes] == [
        ("replace", "owner", "licensee"), ("replace", "data", "records"),
    ]


def test_amount_change_is_one_replace_of_the_amount():
    old = act(sec10("(a) would exceed $250,000 or 500,000 persons."))
    new = act(sec10("(a) would exceed $500,000 or 500,000 persons."))
    assert [(c.op, c.old_text, c.new_text) for c in compare(old, new).changes] == [
        ("replace", "$250,000", "$500,000")
    ]


def test_added_subsection_is_one_add_change():
    b5 = node("subsection", f"{ACT}/10(b-5)", "(b-5) The notification may be delayed.", label="(b-5)")
    old = act(sec10("(a) notify."))
    new = act(sec10("(a) notify.", extra=(b5,)))
    comparison = compare(old, new)
    assert [(c.op, c.new_path, c.new_text) for c in comparison.changes] == [
        ("add", f"{ACT}/10(b-5)", "(b-5) The notification may be delayed.")
    ]
    assert_rebuilds(comparison)


def test_definition_whose_term_changed_pairs_by_content():
    def sec5(term):
        text = f'"{term}" means unauthorized acquisition of computerized data that compromises security.'
        return section(ACT, 5, "Definitions.", node("definition", f'{ACT}/5 "{term}"', text, term=term))

    old = act(sec5("Breach of the security of the system data"))
    new = act(sec5("Breach of the security of the system data or written material"))
    comparison = compare(old, new)
    assert [(c.op, c.old_text, c.new_text) for c in comparison.changes] == [("insert", "", "or written material")]
    assert comparison.changes[0].old_path == f'{ACT}/5 "Breach of the security of the system data"'


def amendatory_bill(*restated, synopsis=None):
    title = node("text", "[1]", "AN ACT concerning consumer fraud.")
    bill_section = node(
        "bill_section", "Section 5",
        "Section 5. The Personal Information Protection Act is amended by changing Section 10 as follows:",
        *restated, amends="Personal Information Protection Act", number="5",
    )
    return document(title, bill_section, bill="HB0605", synopsis=synopsis)


def test_amendment_mode_compares_restated_sections_only():
    sec1 = section(ACT, 1, "Short title.", node("text", f"{ACT}/1 [1]", "This Act may be cited as the Act."))
    old = act(sec1, sec10("(a) shall notify the resident."))
    new = amendatory_bill(sec10("(a) shall notify the resident within 48 hours."))
    comparison = compare(old, new)
    assert comparison.mode == "amendment"
    assert [(s.path, s.status) for s in comparison.sections] == [(f"{ACT}/1", "not_restated"), (f"{ACT}/10", "changed")]
    assert [(c.op, c.new_text) for c in comparison.changes] == [("insert", "within 48 hours")]
    assert_rebuilds(comparison)


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


def test_later_compiled_text_attributes_every_change_to_the_newer_act():
    old = act(sec10("(a) shall notify the resident."))
    new = act(sec10("(a) shall notify the resident at no charge.",
                    source="(Source: P.A. 94-36, eff. 1-1-06; 94-947, eff. 6-27-06.)"))
    changes = compare(old, new).changes
    assert [(c.op, c.attributed_to) for c in changes] == [("insert", "P.A. 94-947"), ("source", None)]


def test_public_acts_of_a_source_note():
    assert public_acts("(Source: P.A. 94-36, eff. 1-1-06; 94-947, eff. 6-27-06.)") == ["94-36", "94-947"]
    assert public_acts("(Source: P.A. 101-81, eff. 7-12-19; 102-558, eff. 8-20-21.)") == ["101-81", "102-558"]
    assert public_acts("(Source: Laws 1963, p. 161.)") == []
    assert public_acts("(Source: P.A. 96-1000, eff. 7-2-10; 96-1376 eff 1-1-11.)") == ["96-1000", "96-1376"]
    assert public_acts("(Source: P.A. 94-36, eff. 1-1-06; see Section 5 of P.A. 95-3.)") == ["94-36"]


def _compiled(days: int, source: str) -> Document:
    """A one-Section compiled Act, read and parsed as statdiff reads a real one."""
    text = (f"    (815 ILCS 999/5)\n"
            f"    Sec. 5. Notice. A data collector shall give notice within {days} days.\n{source}\n")
    return build_document(read_text(text, name="act.txt"))


def test_an_act_cited_without_the_period_after_eff_is_attributed():
    old = _compiled(30, "(Source: P.A. 96-1000, eff. 7-2-10.)")
    new = _compiled(45, "(Source: P.A. 96-1000, eff. 7-2-10; 96-1376 eff 1-1-11.)")
    comparison = compare(old, new)
    assert comparison.sections[0].attributed_to == ["P.A. 96-1376"]
    assert [(c.op, c.new_text, c.attributed_to) for c in comparison.changes] == [
        ("replace", "45", "P.A. 96-1376"), ("source", "(Source: P.A. 96-1000, eff. 7-2-10; 96-1376 eff 1-1-11.)", None)]


def test_a_see_reference_in_a_source_note_is_not_an_amending_act():
    old = _compiled(30, "(Source: P.A. 94-36, eff. 1-1-06.)")
    new = _compiled(45, "(Source: P.A. 94-36, eff. 1-1-06; see Section 5 of P.A. 95-3.)")
    comparison = compare(old, new)
    assert comparison.sections[0].attributed_to == []
    assert [(c.op, c.attributed_to) for c in comparison.changes] == [("replace", None), ("source", None)]


def test_moved_and_renumbered_sections_in_versions_mode():
    def plain(number, heading, text):
        return section("620 ILCS 5", number, heading, node("text", f"620 ILCS 5/{number} [1]", text))

    a = plain(1, "Short title.", "This Act may be cited as the Illinois Aeronautics Act, with many words.")
    b = plain(2, "Policy.", "It is the policy of the State to further the public interest in aeronautics.")
    c = plain(3, "Airports.", "Every airport shall hold a certificate issued by the Department of Aeronautics.")
    d = plain(4, "Fees.", "The Department may charge reasonable fees for inspecting landing areas and hangars.")
    d_renumbered = plain(9, "Fees.", "The Department may charge reasonable fees for inspecting landing areas and hangars.")
    old = act(a, b, c, d)
    new = act(b, c, a, d_renumbered)
    comparison = compare(old, new)
    assert comparison.mode == "versions"
    statuses = {s.path: s.status for s in comparison.sections}
    assert statuses == {"620 ILCS 5/1": "moved", "620 ILCS 5/2": "unchanged", "620 ILCS 5/3": "unchanged",
                        "620 ILCS 5/9": "renumbered"}
    assert [(c.op, c.old_path, c.new_path) for c in comparison.changes] == [
        ("move", "620 ILCS 5/1", "620 ILCS 5/1"), ("renumber", "620 ILCS 5/4", "620 ILCS 5/9"),
    ]
    assert_rebuilds(comparison)


def test_subsection_moved_to_another_section_is_one_move():
    moving = "(c) A data collector shall keep a record of every notice it gives under this Act for five years."
    def sec(number, *subsections):
        kids = [node("subsection", f"{ACT}/{number}({text[1]})", text, label=text[:3]) for text in subsections]
        return section(ACT, number, f"Heading {number}.", *kids)

    old = act(sec(10, "(a) notify the resident.", moving), sec(12, "(a) A violation is an unlawful practice."))
    new = act(sec(10, "(a) notify the resident."), sec(12, "(a) A violation is an unlawful practice.", moving))
    comparison = compare(old, new)
    assert [(c.op, c.old_path, c.new_path, c.section) for c in comparison.changes] == [
        ("move", f"{ACT}/10(c)", f"{ACT}/12(c)", f"{ACT}/12")
    ]
    assert [s.status for s in comparison.sections] == ["unchanged", "changed"]
    assert_rebuilds(comparison)


def test_removed_section_in_versions_mode():
    old = act(sec10("(a) notify."), section(ACT, 12, "Penalty.", node("text", f"{ACT}/12 [1]", "A violation.")))
    new = act(sec10("(a) notify."))
    comparison = compare(old, new)
    assert [(s.path, s.status) for s in comparison.sections] == [(f"{ACT}/10", "unchanged"), (f"{ACT}/12", "removed")]
    assert [(c.op, c.old_path) for c in comparison.changes] == [("remove", f"{ACT}/12")]


def test_truncated_copy_reports_only_old_and_only_new_never_a_rewrite():
    first = "Section 1. Short title. This Act may be cited as the Do Not Track Act."
    findings = ("Section 5. Findings. The General Assembly finds that: (1) The right to privacy is a personal "
                "right. This transparency is crucial for Illinois citizens to protect themselves and their "
                "families from cyber-crimes and identity thieves.")
    later = ("(2) Businesses are now collecting, sharing, and selling personal information in ways not contemplated "
             "or properly covered by current law, and consumers cannot see how it is shared.")
    old = document(node("text", "[1]", first), node("text", "[2]", findings), node("text", "[3]", later[:60].rsplit(" ", 1)[0]))
    new = document(node("text", "[1]", "Illinois citizens to protect themselves and their families from cyber-crimes "
                                       "and identity thieves."), node("text", "[2]", later))
    comparison = compare(old, new)
    assert comparison.changes == []
    ops = [segment.op for s in comparison.sections for n in s.nodes for segment in n.segments]
    assert "only_old" in ops and "only_new" in ops
    assert not {"insert", "delete", "replace"} & set(ops)
    assert_rebuilds(comparison)


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

from pathlib import Path  # noqa: E402

from tests.corpus_files import holds_text  # noqa: E402

import pytest  # noqa: E402

import statdiff  # noqa: E402
from statdiff.render.json_out import comparison_to_json, dumps  # noqa: E402

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
    document = parsed(path)
    comparison = compare(document, document)
    assert comparison.changes == []
    assert {section.status for section in comparison.sections} <= {"unchanged"}
    assert_rebuilds(comparison)


@pytest.mark.parametrize("old_name,new_name", PAIRS, ids=lambda name: Path(name).stem[:24])
def test_corpus_pairs_rebuild_both_texts_and_json_is_deterministic(old_name, new_name, parsed):
    old, new = parsed(STATUTES / old_name), parsed(STATUTES / new_name)
    comparison = compare(old, new)
    assert_rebuilds(comparison)
    anchors = [change.anchor for change in comparison.changes]
    assert anchors == [f"c{n}" for n in range(1, len(anchors) + 1)]
    assert dumps(comparison_to_json(comparison)) == dumps(comparison_to_json(compare(old, new)))
    if comparison.mode == "versions":  # every node with words of both texts is shown exactly once
        for side, document in (("old", old), ("new", new)):
            shown = [id(getattr(n, side)) for s in comparison.sections for n in s.nodes if getattr(n, side) is not None]
            assert sorted(shown) == sorted(id(node) for node in document.walk() if node.words)


def _edited_copy(document: Document, target: int, edits: list[tuple[int, str | None]]) -> Document:
    """A copy of `document` whose `target`-th node with words has words inserted (text) or deleted (None)."""
    import copy

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
    import importlib

    engine = importlib.import_module("statdiff.diff")  # `statdiff.diff` the attribute is the API function

    old_tokens = tokenize([Word(w) for w in old_words])
    new_tokens = tokenize([Word(w) for w in new_words])
    whole = diff_tokens(old_tokens, new_tokens)
    saved = engine.SENTENCE_DIFF_ABOVE
    engine.SENTENCE_DIFF_ABOVE = 4
    try:
        by_sentence = diff_tokens(old_tokens, new_tokens)
    finally:
        engine.SENTENCE_DIFF_ABOVE = saved
    assert rebuild([t for s in by_sentence for t in s.old]) == " ".join(old_words)
    assert rebuild([t for s in by_sentence for t in s.new]) == " ".join(new_words)
    assert any(s.op != "equal" for s in by_sentence) == any(s.op != "equal" for s in whole)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from("a b c (a) .".split()), max_size=60),
       st.lists(st.sampled_from("a b c (a) .".split()), min_size=1, max_size=4), st.integers(0, 60), st.integers(0, 60))
@example(words=["(a)"], anchor=["a", "(a)"], low=0, high=1)  # the key word before where the scan begins is not absent
def test_occurrences_of_an_anchor_are_every_index_where_it_starts(words, anchor, low, high):
    from statdiff.diff import _occurrences

    expected = [index for index in range(len(words)) if words[index:index + len(anchor)] == anchor]
    assert _occurrences(words, anchor) == expected
    absent: set[str] = set()
    in_window = _occurrences(words, anchor, low, high, absent)
    assert set(in_window) <= set(expected)
    assert all(index >= low for index in in_window)
    assert not absent & set(words[low:high])


def test_one_helper_names_a_changed_run_and_one_builds_its_span():
    from statdiff.model import SourceSpan, Token, segment_op

    here, there = Position(3, 4), Position(3, 9)
    assert [segment_op((), (Token("a"),)), segment_op((Token("a"),), ()), segment_op((Token("a"),), (Token("b"),))] \
        == ["insert", "delete", "replace"]
    assert SourceSpan.covering((Token("a", here), Token("b", there))) == SourceSpan(here, there)
    assert SourceSpan.at(here) == SourceSpan(here, here) and SourceSpan.at(None) is None
