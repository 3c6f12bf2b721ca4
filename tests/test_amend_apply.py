"""Applying page-and-line amendments: the constructed HB0605 amendment gives the text
written out below word for word; broken instructions are refused with one line; a
real amendment is applied to the real bill text it names."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from statdiff.amend import InstructionRefused, apply_amendment, apply_amendments, parse_amendment
from statdiff.amend.instructions import printed_lines
from statdiff.errors import StatdiffError
from statdiff.model import BodyLine, Identity, Position, ReadResult
from statdiff.read import read_path, read_text
from statdiff.structure import build_document

ROOT = Path(__file__).parent.parent
HB0605 = ROOT / "statutes" / "pipa" / "09500HB0605_introduced_full.txt"
FIXTURES = Path(__file__).parent / "fixtures" / "amend"
FRAGMENTS = ROOT / "statutes" / "fragments"
NBSP4 = "\u00a0" * 4

# HB0605 as introduced, as amended by the constructed amendment: written by hand from
# the bill (`statdiff parse --text`) and the fourteen instructions.
EXPECTED_HB0605 = """\
AN ACT concerning consumer protection.
Be it enacted by the People of the State of Illinois,
represented in the General Assembly:
Section 5. The Personal Information Protection Act is
amended by changing Sections 5 and 10 as follows:
(815 ILCS 530/5)
Sec. 5. Definitions. In this Act:
"Data Collector" may include, but is not limited to,
government agencies, public and private universities,
privately and publicly held corporations, financial
institutions, retail operators, and any other entity that, for
any purpose, handles, collects, disseminates, or otherwise
deals with nonpublic personal information.
"Breach of the security of the system data or written
material" means any unauthorized acquisition of computerized data
or written material that compromises the security,
confidentiality, or integrity of personal information
maintained by the data collector. "Breach of the security of
the system data or written material" does not include good faith acquisition or use of personal information
by an employee or agent of the data
collector for a legitimate purpose of the data collector,
provided that the personal information is not used for a
purpose unrelated to the data collector's business or subject
to further unauthorized disclosure.
"Personal information" means an individual's first name or
first initial and last name in combination with any one or more
of the following data elements, when either the name or the
data elements are not encrypted or redacted:
(1) Social Security number.
(2) Driver's license number, State identification card
number, or passport number.
(3) Account number or credit or debit card number, or
an account number or credit card number in combination with
any required security code, access code, or password that
would permit access to an individual's financial account.
"Personal information" does not include publicly available
information that is lawfully made available to the general
public from federal, State, or local government records.
"Written material" means any paper or other non-electronic
record that contains personal information.
(Source: P.A. 94-36, eff. 1-1-06.)
(815 ILCS 530/10)
Sec. 10. Notice of Breach.
(a) Any data collector that owns or licenses personal
information concerning an Illinois resident shall notify the
resident that there has been a breach of the
security of the system data or written material following
discovery or notification of the breach. The disclosure
notification shall be made within 48 hours, or 2 business days, whichever is later, of the discovery of
the breach, in the most expedient time possible and without
undue delay, consistent with any measures necessary to
determine the scope of the breach and restore the reasonable
integrity, security, and confidentiality of the data system or
written material files. The notice shall be written in plain language.
(b) Any data collector that maintains material files or
computerized data that includes personal information that the
data collector does not own or license shall notify the owner
or licensee of the information of any breach of the security of
the data immediately following discovery, if the personal
information was, or is reasonably believed to have been,
acquired by an unauthorized person.
(b-5) The notification required by subsection (a) of this
Section may be delayed for no more than 30 days if an
appropriate law enforcement agency determines that
notification will interfere with a criminal investigation and
provides the data collector with a written request for the
delay.
(c) For purposes of this Section, notice to consumers may
be provided by one of the following methods:
(1) written notice;
(2) electronic notice, if the notice provided is
consistent with the provisions regarding electronic
records and signatures for notices legally required to be
in writing as set forth in Section 7001 of Title 15 of the
United States Code; or
(3) substitute notice, if the data collector
demonstrates that the cost of providing notice would exceed
the greater of $250,000 or that the affected class of subject persons to
be notified exceeds 500,000, or the data collector does not
have sufficient contact information. Substitute notice
shall consist of all of the following: (i) email notice if
the data collector has an email address for the subject
persons; (ii) conspicuous posting of the notice on the data
collector's web site page if the data collector maintains
one; and (iii) notification to major statewide media.
(Source: P.A. 94-36, eff. 1-1-06; 94-947, eff. 6-27-06.)"""


@pytest.fixture(scope="module")
def bill():
    return read_path(HB0605)


@pytest.fixture(scope="module")
def amended(bill):
    return apply_amendment(bill, read_path(FIXTURES / "09500HB0605_constructed_page_and_line.txt"))


def test_constructed_amendment_gives_the_expected_text(amended):
    assert amended.text() == EXPECTED_HB0605


def test_every_word_keeps_where_it_was_printed(amended):
    by_text = {}
    for word in amended.words():
        by_text.setdefault(word.text, []).append(word)
    # new text: the amendment's page:line; bill text: the bill's
    assert [(str(w.position), w.inserted) for w in by_text["undue"]] == [("1:23", True)]
    assert [(str(w.position), w.inserted) for w in by_text["delay,"]] == [("1:24", True)]  # `delay` new, `,` the bill's
    assert [(str(w.position), w.inserted) for w in by_text["(b-5)"]] == [("2:3", True)]
    assert [(str(w.position), w.inserted) for w in by_text["hours,"]] == [("2:24", False)]  # `hours` the bill's, `,` new
    assert [(str(w.position), w.inserted) for w in by_text["$250,000"]] == [("4:4", False)]
    lines = amended.provenance_lines()
    assert "2:24  notification shall be made within 48 hours{+, or 2 business days, whichever is later,+} of the discovery of" in lines
    assert "3:2  {+undue delay+}, consistent with any measures necessary to" in lines
    assert "+ 09500HB0605_constructed_page_and_line.txt 2:8  delay." in lines


def test_amended_bill_builds_a_document_keeping_every_word_and_position(amended):
    document = amended.to_document()
    words = document.root.all_words()
    assert [(w.text, w.position) for w in words] == [(w.text, w.position) for w in amended.words()]
    section = document.find("815 ILCS 530/10(b-5)")
    assert section is not None and section.source.start == Position(2, 3)
    assert document.identity.bill == "HB0605" and document.identity.version == "introduced as amended"


def test_document_input_gives_the_same_result(bill):
    amendment = build_document(read_path(FIXTURES / "09500HB0605_constructed_page_and_line.txt"))
    from_document = apply_amendment(build_document(bill), amendment)
    assert from_document.text() == EXPECTED_HB0605


def test_inputs_are_not_modified(bill):
    before = [(line.text, line.page, line.line) for line in bill.lines]
    apply_amendment(bill, read_path(FIXTURES / "09500HB0605_constructed_page_and_line.txt"))
    with pytest.raises(InstructionRefused):
        apply_amendment(bill, _amendment('on page 3, line 2, by deleting "unreasonable"; and\non page 3, line 2, by deleting "nowhere".'))
    assert [(line.text, line.page, line.line) for line in bill.lines] == before


def test_instructions_find_their_lines_through_the_bill_page_line_index(bill):
    """One index: the bill's `Document.printed_lines`. What a refusal quotes is what the
    index holds at the cited line, and a page's last line is the index's."""
    index = build_document(bill).printed_lines
    assert index.text_at(3, 2) == "unreasonable delay, consistent with any measures necessary to"
    assert max(position.line for position in index.positions() if position.page == 4) == 21
    with pytest.raises(InstructionRefused) as refused:
        apply_amendment(bill, _amendment('on page 3, line 2, by deleting "undue".'))
    assert f'(it reads: "{index.text_at(3, 2)}")' in str(refused.value)
    with pytest.raises(InstructionRefused, match="page 4 ends at line 21"):
        apply_amendment(bill, _amendment('on page 4, line 22, by deleting "x".'))


def test_a_page_line_printed_twice_is_found_where_it_is_first_printed():
    """A text that prints one page:line twice (two copies bound together): an instruction's
    page:line is where the index first finds it, and the other copy is left alone."""
    lines = [BodyLine("AN ACT concerning things.", 1, 1, True), BodyLine("first copy of line two.", 1, 2, False),
             BodyLine("AN ACT concerning things.", 1, 1, True), BodyLine("second copy of line two.", 1, 2, False)]
    twice = ReadResult(lines, "numbered", Identity(bill="HB0605"), None, "twice.txt")
    result = apply_amendment(twice, _amendment('on page 1, line 2, by replacing "line two" with "line 2".'), check_printing=False)
    assert result.text().splitlines()[1:] == ["first copy of line 2.", "AN ACT concerning things.", "second copy of line two."]


# ------------------------------------------------------------ replacing everything


def test_replace_everything_after_the_enacting_clause(bill):
    result = apply_amendment(bill, read_path(FIXTURES / "09500HB0605_constructed_replace_everything.txt"))
    lines = result.text().splitlines()
    assert lines[:4] == [
        "AN ACT concerning consumer fraud.",
        "Be it enacted by the People of the State of Illinois,",
        "represented in the General Assembly:",
        "Section 5. The Personal Information Protection Act is",
    ]
    assert lines[-1] == "becoming law." and len(lines) == 3 + 13
    assert all(line.inserted for line in result.lines[3:])


def test_delete_everything_and_insert(bill):
    result = apply_amendment(bill, read_path(FIXTURES / "09500HB0605_constructed_delete_everything.txt"))
    assert result.text().splitlines()[3:] == [
        "Section 1. Short title. This Act may be cited as the Data",
        "Breach Notice Act.",
        "Section 99. Effective date. This Act takes effect January 1,",
        "2008.",
    ]


def test_as_amended_with_reference_to_house_amendment_1():
    house_amendment_1 = read_path(FIXTURES / "09500HB0605_constructed_replace_everything.txt")
    as_amended = read_path(FIXTURES / "09500HB0605_constructed_as_amended.txt")
    with pytest.raises(InstructionRefused) as refused:
        apply_amendment(house_amendment_1, as_amended)
    assert str(refused.value) == (
        "amendment line 2: the amendment cites the page and line numbers of House Amendment No. 1; "
        "the text given is an amendment to HB0605 that prints no amendment number (--any-printing applies it to this printing anyway)"
    )
    house_amendment_1.identity = replace(house_amendment_1.identity, amendment="ham001")
    result = apply_amendment(house_amendment_1, as_amended)
    lines = result.text().splitlines()
    assert lines[9] == "resident that there has been a breach of the"
    assert lines[12] == "be made within 48 hours of the discovery of the breach."
    # the amended House Amendment No. 1 is itself an amendment that can be applied; its new
    # text keeps each word's page:line, so a line mixing both amendments comes in pieces
    final = apply_amendment(read_path(HB0605), result.to_read_result())
    words = [(word.text, str(word.position)) for word in final.words()]
    start = words.index(("be", "1:13"))
    assert words[start: start + 10] == [
        ("be", "1:13"), ("made", "1:13"), ("within", "1:13"), ("48", "1:4"), ("hours", "1:5"),
        ("of", "1:13"), ("the", "1:13"), ("discovery", "1:13"), ("of", "1:13"), ("the", "1:13"),
    ]
    assert " ".join(final.text().split()).endswith(
        "be made within 48 hours of the discovery of the breach. (Source: P.A. 94-36, eff. 1-1-06; 94-947, "
        "eff. 6-27-06.) Section 99. Effective date. This Act takes effect upon becoming law."
    )


# ------------------------------------------------------------------ refusals


def _amendment(instructions: str, bill_words: str = "House Bill 605", start: int = 2):
    """An amendment in the 95th GA plain rendering: `instructions` start on line `start`."""
    lines = [f"{NBSP4}AMENDMENT TO HOUSE BILL 605"]
    lines += [f"{NBSP4}filler line {number}" for number in range(2, start)]
    lines += [f"{NBSP4}AMENDMENT NO. ______. Amend {bill_words} as follows:"]
    lines += instructions.splitlines()
    return read_text("\n".join(f"{number} {text}" for number, text in enumerate(lines, 1)), name="amendment")


def test_quoted_text_not_on_the_cited_line_is_refused_with_one_line(bill):
    amendment = _amendment('on page 3, line 1, by replacing "within 30 days" with "within 10 days".', start=5)
    with pytest.raises(InstructionRefused) as refused:
        apply_amendment(bill, amendment)
    assert str(refused.value) == (
        'amendment line 6: "within 30 days" is not on page 3, line 1 of HB0605 '
        '(it reads: "material, in the most expedient time possible and without")'
    )


@pytest.mark.parametrize(
    "instruction, message",
    [
        ('on page 4, line 30, by deleting "data".', "amendment line 3: there is no page 4, line 30 in HB0605 (page 4 ends at line 21)"),
        ('on page 9, line 1, by deleting "data".', "amendment line 3: there is no page 9 in HB0605 (HB0605 ends at page 4, line 21)"),
        ("on page 3, by deleting lines 20 through 27.", "amendment line 3: there is no page 3, line 27 in HB0605 (page 3 ends at line 26)"),
        ('on page 3, line 3, by replacing "the" with "a".',
         'amendment line 3: "the" is printed 3 times on page 3, line 3 of HB0605 and the instruction does not say which'),
        ('on page 2, line 19, after the period, by inserting "x".',
         'amendment line 3: there is no period on page 2, line 19 of HB0605 (it reads: "(a) Any data collector that owns or licenses personal")'),
        ('on page 4, by deleting lines 12 through 20; and\non page 4, line 13, by deleting "own".',
         "amendment line 4: changes page 4, line 13 of HB0605, which the instruction at amendment line 3 also changes (page 4, lines 12 through 20)"),
        ('on page 3, line 2, by replacing "unreasonable delay" with "undue delay"; and\non page 3, line 40, by deleting "x".',
         "amendment line 4: there is no page 3, line 40 in HB0605 (page 3 ends at line 26)"),
    ],
)
def test_broken_instructions_are_refused(bill, instruction, message):
    with pytest.raises(InstructionRefused) as refused:
        apply_amendment(bill, _amendment(instruction))
    assert str(refused.value) == message
    assert "\n" not in str(refused.value)


def test_an_amendment_to_another_bill_is_refused(bill):
    with pytest.raises(InstructionRefused) as refused:
        apply_amendment(bill, _amendment('on page 3, line 2, by deleting "unreasonable".', bill_words="House Bill 606"))
    assert str(refused.value) == "amendment line 2: the amendment is to HB0606 (Amend House Bill 606), not HB0605"
    senate = _amendment('on page 3, line 2, by deleting "unreasonable".', bill_words="Senate Bill 605")
    with pytest.raises(InstructionRefused, match="the amendment is to SB0605"):
        apply_amendment(bill, senate)


def test_an_amendment_of_another_general_assembly_is_refused(bill):
    amendment = _amendment('on page 3, line 2, by deleting "unreasonable".')
    amendment.identity = replace(amendment.identity, general_assembly=94)
    with pytest.raises(InstructionRefused, match="of the 94th General Assembly, not of the 95th"):
        apply_amendment(bill, amendment)


def test_an_amendment_for_another_printing_is_refused(bill):
    amendment = _amendment('on page 3, line 2, by deleting "unreasonable".')
    amendment.identity = replace(amendment.identity, amendment="sam001")  # a Senate amendment: the engrossed bill
    with pytest.raises(InstructionRefused) as refused:
        apply_amendment(bill, amendment)
    assert str(refused.value) == ("amendment line 2: the amendment is to HB0605 as engrossed; the text given is HB0605 introduced"
                                  " (--any-printing applies it to this printing anyway)")
    amendment.identity = replace(amendment.identity, amendment="ham002")  # a House amendment: as introduced
    result = apply_amendment(bill, amendment)
    assert _at(result, 3, 2) == "delay, consistent with any measures necessary to"
    assert result.notes == ()


def test_unknown_printing_is_applied_with_a_note(amended):
    assert amended.notes == (
        f"{FIXTURES / '09500HB0605_constructed_page_and_line.txt'}: cannot tell which printing of HB0605 "
        "the amendment cites or the text is; not checked",
    )


def test_an_amendment_cut_off_is_refused(bill):
    amendment = read_path(FRAGMENTS / "09400HB1633ham001_PARTIAL.txt")
    with pytest.raises(InstructionRefused, match="amendment line 2: its quoted text has no closing quote"):
        apply_amendment(read_path(FRAGMENTS / "09400HB1633enr_PARTIAL.txt"), amendment)


def test_several_amendments_cite_the_original_numbering(bill):
    first = _amendment('on page 3, by deleting lines 13 through 19.')
    second = _amendment('on page 3, line 20, by replacing "For purposes" with "For the purposes".')
    result = apply_amendments(bill, [first, second])
    text = result.text()
    assert "(b-5)" not in text
    assert "(c) For the purposes of this Section, notice to consumers may" in text.splitlines()


def test_refusals_are_statdiff_errors():
    assert issubclass(InstructionRefused, StatdiffError)


# ------------------------------------------------- a real amendment on real bill text


def test_real_pair_sb989_house_amendment_2_on_the_enrolled_text():
    """The only pair in the corpus of a page-and-line amendment and the bill text it names:
    92nd GA SB989 House Amendment 2 cites the engrossed bill, page 1, line 14; the corpus
    has the enrolled text (the engrossed bill plus House Amendment 1, which changed later
    lines; House Amendment 2 was not adopted). The printing check refuses it; applied
    knowingly to the enrolled text, its sentence lands after the one period on line 14."""
    bill = read_path(FRAGMENTS / "920SB0989enr_92ndGA_legisnet_PARTIAL.txt")
    amendment = read_path(FRAGMENTS / "920SB0989ham002_92ndGA_legisnet_COMPLETE.txt")
    with pytest.raises(InstructionRefused) as refused:
        apply_amendment(bill, amendment)
    assert str(refused.value) == ("amendment line 2: the amendment is to SB0989 as engrossed; the text given is SB0989 enrolled"
                                  " (--any-printing applies it to this printing anyway)")
    result = apply_amendment(bill, amendment, check_printing=False)
    assert result.text().splitlines()[13] == (
        "insurable area. If an agreement concerning a joint insurance pool under this Act requires a member to "
        "submit written notice in order for the member to withdraw from the joint insurance pool, then the period "
        "in which the member must provide the written notice cannot be greater than 90 days. A joint insurance "
        "pool shall have an annual"
    )
    inserted = [word for word in result.words() if word.inserted]
    assert inserted[0].text == "If" and inserted[0].position == Position(1, 5)
    assert inserted[-1].text == "days." and inserted[-1].position == Position(1, 9)


def test_parse_result_is_reused(bill):
    amendment = parse_amendment(_amendment('on page 3, line 2, by deleting "unreasonable".'))
    assert _at(apply_amendment(bill, amendment), 3, 2) == "delay, consistent with any measures necessary to"


def _at(result, page: int, line: int) -> str:
    """The text of the amended bill's line printed at page:line of the bill."""
    return next(item.text for item in result.lines if not item.inserted and item.position == Position(page, line))


def test_new_text_at_the_bill_lines_and_instructions_credited(bill, amended):
    """For a comparison by the bill's lines: new text placed at the bill line it goes
    into, and each bill line credited to the instruction that changes it."""
    bill_places = {line.position for line in printed_lines(bill)}
    document = amended.to_document("bill")
    assert {word.position for word in document.root.all_words()} <= bill_places
    assert [word.text for word in document.root.all_words()] == [word.text for word in amended.words()]
    credited = amended.instructions_for(Position(3, 2))
    assert [edit.wording for edit in credited] == ['on page 3, line 2, by replacing "unreasonable delay" with "undue delay"']
    assert [edit.where() for edit in amended.instructions_for(Position(4, 13), Position(4, 30))] == ["amendment page 2, line 11"]
    assert amended.instructions_for(Position(4, 5)) == []
    with pytest.raises(StatdiffError):
        amended.to_read_result("nowhere")
