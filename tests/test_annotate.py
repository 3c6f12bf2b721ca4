"""Margin annotations and the summary phrases, on hand-built comparisons."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redline_fixtures import HB0605, THROUGH_947, compare_sections, document, headline_comparison, node, real_comparison
from statdiff.annotate import Annotation, annotate, defined_term, describe, node_phrase, quote
from statdiff.model import Change, Comparison, Identity, Meta, Node, Position, SourceSpan


def one_node_comparison(old_text: str, new_text: str, kind: str = "subsection", path: str = "5 ILCS 1/2(a)",
                        new_path: str | None = None, attributed_to: str | None = None) -> Comparison:
    section_path = "5 ILCS 1/2"
    old_section = Node("section", section_path, [], [node(kind, path, old_text)], meta=Meta(number="2"))
    new_section = Node("section", section_path, [], [node(kind, new_path or path, new_text, 2, 7)], meta=Meta(number="2"))
    section = compare_sections(old_section, new_section, [0])
    for change in section.changes:
        change.attributed_to = attributed_to
    return Comparison(document(Identity(act="5 ILCS 1"), "old.txt", [old_section]),
                      document(Identity(bill="HB0001"), "new.txt", [new_section]), "versions", [section])


def messages(comparison: Comparison, kind: str | None = None) -> list[str]:
    return [a.message for a in annotate(comparison) if kind is None or a.kind == kind]


# ---------------------------------------------------------------- the headline case


@pytest.fixture(params=["real", "hand-built"])
def headline(request):
    return real_comparison(THROUGH_947, HB0605) if request.param == "real" else headline_comparison()


def test_headline_has_the_48_hour_deadline_on_10a(headline):
    notes = annotate(headline)
    deadline = [a for a in notes if a.kind == "deadline"]
    assert [(a.path, a.message) for a in deadline] == [("815 ILCS 530/10(a)", "new deadline: within 48 hours")]
    comparison = headline
    anchor_text = {c.anchor: c.new_text for c in comparison.changes}
    assert "48 hours" in anchor_text[deadline[0].change_anchor]


def test_headline_definition_scope_widened_by_written_material(headline):
    notes = [a for a in annotate(headline) if a.kind == "definition"]
    assert [(a.section, a.message) for a in notes] == [
        ("815 ILCS 530/5", "scope of defined term widened: adds written material")
    ]


def test_headline_has_no_duty_amount_or_reference_noise(headline):
    kinds = {a.kind for a in annotate(headline)}
    assert kinds == {"deadline", "definition"}


# ---------------------------------------------------------------- each kind


@pytest.mark.parametrize(
    "old, new, kind, expected",
    [
        ("notify within 30 days after", "notify within 45 days after", "deadline",
         ["deadline changed: within 30 days → within 45 days"]),
        ("notify promptly.", "notify no later than 72 hours after discovery.", "deadline",
         ["new deadline: no later than 72 hours"]),
        ("within 10 business days.", "promptly.", "deadline", ["deadline removed: within 10 business days"]),
        ("cost would exceed $250,000 or", "cost would exceed $500,000 or", "amount",
         ["amount changed: $250,000 → $500,000"]),
        ("exceeds 500,000 persons", "exceeds 100,000 persons", "amount", ["amount changed: 500,000 → 100,000"]),
        ("a fee of 5% of the", "a fee of 7.5 percent of the", "amount", ["amount changed: 5% → 7.5 percent"]),
        ("The collector shall notify the resident.", "The collector may notify the resident.", "duty",
         ["duty changed: “shall notify” → “may notify”"]),
        ("It is done.", "It shall not be disclosed.", "duty", ["new prohibition: “shall not be disclosed”"]),
        ("required by subsection (a) of", "required by subsection (b) of", "cross_reference",
         ["cross-reference changed: subsection (a) → subsection (b)"]),
        ("as in Section 7001 of Title 15 of the United States Code.", "as provided.", "cross_reference",
         ["cross-reference removed: Section 7001", "cross-reference removed: Title 15 of the United States Code"]),
        ("under the Act.", "under 815 ILCS 530/10(a).", "cross_reference", ["new cross-reference: 815 ILCS 530/10(a)"]),
        # the Illinois grammar's references: a Unicode hyphen inside a number, a Public Act written out
        ("under 30 ILCS 500/50\u20111.", "under 30 ILCS 500/50\u20115.", "cross_reference",
         ["cross-reference changed: 30 ILCS 500/50\u20111 → 30 ILCS 500/50\u20115"]),
        ("as Public Act 94-36 provides.", "as Public Act 94-947 provides.", "cross_reference",
         ["cross-reference changed: Public Act 94-36 → Public Act 94-947"]),
        # a heading citation names the node itself, not another provision
        ("(30 ILCS 765/Act title)", "(30 ILCS 765/Act title new)", "cross_reference", []),
    ],
)
def test_annotation_kinds(old, new, kind, expected):
    assert messages(one_node_comparison(old, new), kind) == expected


def test_definition_term_added_removed_narrowed():
    added = one_node_comparison("Other text.", '"Sale" means any transfer.', kind="definition")
    assert messages(added, "definition") == ["defined term added: “Sale”"]
    narrowed = one_node_comparison('"Record or file" means a record.', '"Record" means a record.', kind="definition")
    assert messages(narrowed, "definition") == ["scope of defined term narrowed: drops file"]
    amended = one_node_comparison('"Sale" means any transfer.', '"Sale" means any paid transfer.', kind="definition")
    assert messages(amended, "definition") == ["definition of “Sale” amended"]


def test_defined_term_from_meta_then_text_then_path():
    assert defined_term(Node("definition", 'x "From path"', [], meta=Meta(term="From meta"))) == "From meta"
    assert defined_term(node("definition", 'x "From path"', "“Curly” means")) == "Curly"
    assert defined_term(Node("definition", 'x "From path"')) == "From path"
    assert defined_term(node("text", "x", '"Not a definition" means')) is None


def test_public_act_attribution_but_not_the_new_bill_itself():
    from_act = one_node_comparison("notify the resident", "notify the resident at no charge", attributed_to="94-947")
    assert messages(from_act, "attribution") == ["from P.A. 94-947"]
    from_bill = one_node_comparison("notify the resident", "notify the resident at no charge", attributed_to="HB0001")
    assert messages(from_bill, "attribution") == []


def test_identical_texts_have_no_annotations():
    text = "The collector shall notify within 30 days and pay $250,000 under Section 10."
    assert annotate(one_node_comparison(text, text)) == []


# ---------------------------------------------------------------- describe


def change(op, old_text="", new_text="", old_path="5 ILCS 1/2(a)", new_path="5 ILCS 1/2(a)") -> Change:
    span = SourceSpan(Position(1, 2), Position(1, 3))
    return Change(op, old_path, new_path, old_text, new_text, span, span, "5 ILCS 1/2")


def test_describe_phrases():
    assert describe(change("insert", new_text="or written material")) == "inserted “or written material”"
    assert describe(change("delete", old_text="at no charge")) == "deleted “at no charge”"
    assert describe(change("replace", "30", "45")) == "replaced “30” with “45”"
    assert describe(change("add", new_path="815 ILCS 530/10(b-5)", old_path=None)) == "added subsection (b-5)"
    assert describe(change("remove", old_path="815 ILCS 530/10(c)(3)", new_path=None)) == "removed paragraph (3)"
    assert describe(change("add", new_path='815 ILCS 530/5 "Sale"', old_path=None)) == "added definition of “Sale”"
    assert describe(change("renumber", old_path="5 ILCS 1/2(b)", new_path="5 ILCS 1/2(c)")) == (
        "renumbered subsection (b) as subsection (c)")


def test_quote_shortens_long_text_in_the_middle():
    long = "within 48 hours of the discovery of the breach of the security of the system data or written material,"
    quoted = quote(long)
    assert quoted.startswith("“within 48 hours") and quoted.endswith("written material,”")
    assert "…" in quoted and len(quoted) <= 64


def test_node_phrase_sections_and_notes():
    assert node_phrase("815 ILCS 530/10") == "Sec. 10"
    assert node_phrase("815 ILCS 530/10 [source]") == "the Source note"
    assert node_phrase("815 ILCS 530/10(c)(3)(i)") == "subparagraph (i)"


# ---------------------------------------------------------------- properties

words = st.sampled_from(["shall", "may", "notify", "within", "30", "48", "days", "hours", "$250,000",
                         "Section", "10", "subsection", "(a)", "the", "resident", '"Term"', "means", "or"])
texts = st.lists(words, min_size=1, max_size=14).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(old=texts, new=texts, kind=st.sampled_from(["subsection", "definition"]))
def test_annotations_point_at_real_changes(old, new, kind):
    comparison = one_node_comparison(old, new, kind=kind)
    anchors = {change.anchor for change in comparison.changes}
    for annotation in annotate(comparison):
        assert isinstance(annotation, Annotation)
        assert annotation.message and "\n" not in annotation.message
        assert annotation.change_anchor in anchors
    if old == new:
        assert annotate(comparison) == []


# ---------------------------------------------------------------- truncated copies

def test_text_only_one_copy_holds_gets_no_note():
    """The old copy stops inside the node: its deadline, duty and reference are no
    change; the word the two copies differ on is."""
    from statdiff.model import NodeComparison, Op, SectionComparison, Segment, Token

    def tokens(text, spaced=False):
        return tuple(Token(word, space_before=spaced or index > 0) for index, word in enumerate(text.split()))

    old = node("subsection", "5 ILCS 1/2(a)", "The collector shall notify")
    new = node("subsection", "5 ILCS 1/2(a)",
               "The collector must notify the resident within 30 days under Section 10 and pay $250,000.", 2, 7)
    change = Change(Op.REPLACE, old.path, new.path, "shall", "must", None, None, "5 ILCS 1/2", anchor="c1")
    segments = [Segment("equal", tokens("The collector"), tokens("The collector")),
                Segment(Op.REPLACE, tokens("shall", True), tokens("must", True)),
                Segment("equal", tokens("notify", True), tokens("notify", True)),
                Segment("only_new", (), tokens("the resident within 30 days under Section 10 and pay $250,000.", True))]
    nc = NodeComparison(old, new, "changed", segments, [change])
    section = SectionComparison("5 ILCS 1/2", "", "changed", old, new, [nc], [change])
    comparison = Comparison(document(Identity(), "old.txt", [old]), document(Identity(), "new.txt", [new]),
                            "versions", [section])
    assert [(a.kind, a.message, a.change_anchor) for a in annotate(comparison)] == [
        ("duty", "duty changed: “shall notify” → “must notify”", "c1")]


def test_a_node_only_one_copy_holds_gets_no_note():
    from statdiff.model import NodeComparison, SectionComparison, Segment, Token

    new = node("definition", '5 ILCS 1/2 "Sale"', '"Sale" means selling within 30 days.', 2, 7)
    only = Segment("only_new", (), tuple(Token(w.text, w.position, i > 0) for i, w in enumerate(new.words)))
    lone = NodeComparison(None, new, "only_new", [only])
    section = SectionComparison("5 ILCS 1/2", "", "only_new", None, new, [lone])
    comparison = Comparison(document(Identity(), "old.txt", []), document(Identity(), "new.txt", [new]),
                            "versions", [section])
    assert annotate(comparison) == []


# ---------------------------------------------------------------- the deadline pattern's quick skip


def _texts_of_real_documents() -> list[str]:
    """Every node's text of the statutes in the repository and, where `../shared` is beside
    the clone, of the whole Acts (the Election Code among them)."""
    from pathlib import Path

    from statdiff import pipeline
    from statdiff.read import read_path

    root = Path(__file__).resolve().parent.parent
    paths = sorted((root / "statutes" / "pipa").glob("*.txt")) + [root / "statutes" / "ilcs-chapter-620" / "statutes.csv"]
    whole_acts = root.parent / "shared" / "corpus" / "ilcs-whole-acts"
    if whole_acts.is_dir():
        paths += sorted(whole_acts.glob("*.txt"))
    return [node.text for path in paths for node in pipeline.build(read_path(path)).walk() if node.words]


def test_the_deadline_pattern_finds_what_it_finds_without_its_quick_skip():
    """`margin._PERIOD` begins with a lookahead that passes over the places where no period
    can begin; without it, the pattern must find the very same periods."""
    import re

    from statdiff.annotate import margin

    skip = r"(?=[\dabefnostw])"
    assert margin._PERIOD.pattern.count(skip) == 1
    plain = re.compile(margin._PERIOD.pattern.replace(skip, ""), margin._PERIOD.flags)
    texts = _texts_of_real_documents() + [
        "within ſix days", "WITHIN SIXTY (60) DAYS", "Forty-Eight hours", "for 30 calendar days", "1 year", "Ｆour days",
    ]
    found = 0
    for text in texts:
        spans = [match.span() for match in margin._PERIOD.finditer(text)]
        assert spans == [match.span() for match in plain.finditer(text)], text[:80]
        found += len(spans)
    assert found > 100
