"""The one Illinois grammar (`statdiff.law`): each form as Illinois prints it, and the
limits every user of a pattern shares."""

from __future__ import annotations

import pytest

from statdiff.law import amendments, citations, definitions, enumerators, public_acts, units
from statdiff.model import BodyLine, Identity, ReadResult
from statdiff.structure import build_document


@pytest.mark.parametrize(
    "text, number, status",
    [
        ("(815 ILCS 530/10)", "10", None),
        ("(815 ILCS 530/40 new)", "40", "new"),
        ("(5 ILCS 80/4.27a rep.)", "4.27a", "rep."),
        ("(10 ILCS 5/2A-1.2)", "2A-1.2", None),
        ("(30 ILCS 105/5h.5)", "5h.5", None),
        ("(30 ILCS 500/50\u20111)", "50\u20111", None),
    ],
)
def test_a_section_citation_in_each_printed_form(text, number, status):
    match = citations.SECTION_CITATION.fullmatch(text)
    assert match and (match["number"], match["status"]) == (number, status)


def test_a_bare_reference_with_the_subdivisions_it_names():
    found = [m.group(0) for m in citations.REFERENCE.finditer("under 815 ILCS 530/10(c)(3) and 815 ILCS 530/. See 5 ILCS 80/4.27a.")]
    assert found == ["815 ILCS 530/10(c)(3)", "815 ILCS 530/", "5 ILCS 80/4.27a"]


def test_unicode_hyphens_read_as_ascii_in_numbers():
    assert citations.normal_number("50\u20111") == "50-1" == citations.normal_number("50\u20131")


@pytest.mark.parametrize(
    "text, article",
    [
        ("(10 ILCS 5/Art. 1 heading)", "1"),
        ("(10 ILCS 5/Art. 19B heading new)", "19B"),
        ("(20 ILCS 3501/Art. 850 heading new)", "850"),
        ("(30 ILCS 765/Act title)", None),
    ],
)
def test_a_heading_citation(text, article):
    match = citations.HEADING_CITATION.fullmatch(text)
    assert match and match["article"] == article


def test_a_citation_is_closed_by_a_space_the_end_or_a_glued_note():
    assert citations.SECTION_CITATION.match("(720 ILCS 5/1)(was 720 ILCS 350/1)")
    assert not citations.SECTION_CITATION.match("(720 ILCS 5/1)abc")


def test_notes_after_a_citation_and_a_note_that_lacks_its_parenthesis():
    notes = " (from Ch. 121 1/2, par. 262Z) (was 720 ILCS 350/1)"
    assert citations.CITATION_NOTES.match(notes + " Sec. 1.").end() == len(notes)
    unclosed = " (from Ch. 15 1/2, par. 22. Sec. 22. The board shall act. (Source: P.A. 1.)"
    assert unclosed[: citations.CITATION_NOTES.match(unclosed).end()] == " (from Ch. 15 1/2, par. 22."
    runaway = " (from Ch. 15 " + "word " * 100 + "(b) more)"
    assert citations.CITATION_NOTES.match(runaway).end() == 0  # never more than 200 characters
    assert citations.FROM_NOTE.search("(1 ILCS 2/3) (from Ch. 15 1/2, par. 22.")["from"] == "Ch. 15 1/2, par. 22."


def test_a_from_note_without_its_parenthesis_never_runs_across_sections():
    lines = [
        "(620 ILCS 45/1) (from Ch. 15 1/2, par. 22.",
        "Sec. 1. The county board may levy a tax.",
        "(Source: P.A. 81-1509.)",
        "(620 ILCS 45/2) (from Ch. 15 1/2, par. 23)",
        "Sec. 2. As provided in this Act.",
        "(Source: P.A. 81-1489.)",
    ]
    result = ReadResult([BodyLine(text) for text in lines], "ilcs", Identity(act="620 ILCS 45"))
    document = build_document(result)
    first = document.find("620 ILCS 45/1")
    assert first.meta.from_ == "Ch. 15 1/2, par. 22." and first.meta.number == "1"
    assert [child.kind for child in first.children] == ["citation", "text", "source_note"]
    assert document.find("620 ILCS 45/2").meta.from_ == "Ch. 15 1/2, par. 23"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("(Source: P.A. 94-36, eff. 1-1-06; 94-947, eff. 6-27-06.)", ["94-36", "94-947"]),
        ("(Source: P.A. 101-81, eff. 7-12-19; 102-558, eff. 8-20-21.)", ["101-81", "102-558"]),
        ("(Source: Laws 1963, p. 161.)", []),
        ("(Source: P.A. 86-1336. Repealed by P.A. 100-695, eff. 8-3-18.)", ["86-1336"]),
    ],
)
def test_the_public_acts_of_a_source_note(text, expected):
    assert public_acts.of_source_note(text) == expected


def test_public_act_references_and_headers():
    assert public_acts.normal("094", "0036") == "94-36"
    assert public_acts.HEADER.search("Public Act 094-0036 HB1633 Enrolled").groups() == ("094", "0036")
    assert public_acts.HEADER_BY_ASSEMBLY.match("Public Act 0661 101ST GENERAL ASSEMBLY")
    assert [m.group(0) for m in public_acts.REFERENCE.finditer("as amended by P.A. 94-947 and Public Act 95-3")] == [
        "P.A. 94-947", "Public Act 95-3",
    ]


@pytest.mark.parametrize(
    "word, first_reading",
    [
        ("(a)", ("lower", 1, ())),
        ("(b-5)", ("lower", 2, (5,))),
        ("(1.5)", ("digit", 1, (5,))),
        ("(c-10.5)", ("lower", 3, (10, 5))),
        ("(A)", ("upper", 1, ())),
        ("(ii)", ("roman", 2, ())),
        ("(i)", ("lower", 9, ())),
        ("(IV)", ("upper_roman", 4, ())),
        ("(aa)", ("lower", 27, ())),
    ],
)
def test_enumerator_readings(word, first_reading):
    assert enumerators.readings(word)[0] == first_reading


@pytest.mark.parametrize("word", ["(abcdef)", "(1234)", "(a-1-2-3-4)", "(a b)", "()", "(1a)"])
def test_one_set_of_limits_for_enumerators(word):
    assert enumerators.readings(word) == [] and not enumerators.CHAIN.fullmatch(word)


def test_chains_and_whole_act_numbered_paragraphs():
    assert enumerators.chain_parts("(4)(i)") == ["(4)", "(i)"]
    assert enumerators.chain_parts("(a)") == []
    assert enumerators.DOTTED.fullmatch("25.") and not enumerators.DOTTED.fullmatch("2A.")


@pytest.mark.parametrize(
    "text, term",
    [
        ('"Personal information" means an individual\'s first name', "Personal information"),
        ('"Sale", as used in this Act, does not include a transfer', "Sale"),
        ('The term "person" includes a corporation', "person"),
        ('"Data Collector" may include agencies', "Data Collector"),
        ('"Section 1. Short title. This Act" means', None),
    ],
)
def test_a_definition_opens_with_its_term_and_a_defining_verb(text, term):
    assert definitions.term_of(text) == term


def test_amendatory_wording():
    body = (
        "The Personal Information Protection Act is amended by changing Sections 5 and 10 and by adding"
        " Section 12 as follows:"
    )
    assert amendments.AMENDATORY.search(body)
    assert amendments.amended_act(body) == ("Personal Information Protection Act", None)
    assert amendments.sections_by_verb(body) == {"changing": ["5", "10"], "adding": ["12"], "repealing": []}
    repealing = "The Election Code (10 ILCS 5/) is amended by repealing Section 4.27a."
    assert amendments.amended_act(repealing) == ("Election Code", "10 ILCS 5")
    assert amendments.sections_by_verb(repealing)["repealing"] == ["4.27a"]


def test_units():
    assert units.SEC.match("Sec. 5h.5. Cash flow")["number"] == "5h.5"
    assert units.SECTION.match('"Section 1. Short title.')["number"] == "1"
    assert units.ARTICLE.match("ARTICLE 19B. ELECTIONS")["number"] == "19B"
    assert units.VERSION.match("(Text of Section WITH the changes made by P.A. 89-719, which has been held unconstitutional)")
    assert not units.VERSION.match("(Text of Section " + "x " * 400 + ")")  # bounded
    assert units.PLACEHOLDER.match("(Repealed).")["what"] == "Repealed"
