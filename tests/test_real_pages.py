"""Real Illinois pages the readers had not seen, each kept in `statutes/fragments/` (see
`SOURCES.md`, "Real pages read wrong until a general rule read them"), each read by a
general rule: what the page says is neither dropped, corrupted nor invented, the page:line
of the printing is the page's own, and the audit (computed from the source) finds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from statdiff.read import read_path, read_text
from statdiff.read.audit import audit
from statdiff.read.common import LRB
from statdiff.read.decode import load_text
from statdiff.read.detect import detection
from statdiff.structure import build_document

FRAGMENTS = Path(__file__).resolve().parent.parent / "statutes" / "fragments"


def _read(name: str):
    return read_path(FRAGMENTS / name)


def _lines_at(result) -> dict:
    return {(line.page, line.line): line.text for line in result.lines}


def _dropped(result, rule: str) -> list[str]:
    return [drop.text for drop in result.dropped if drop.rule == rule]


def _audit_is_clean(name: str, result) -> None:
    report = audit(load_text(FRAGMENTS / name), build_document(result).root.all_words(), result.dropped)
    assert report.ok, report.problems


# ------------------------------------------------------------------ a veto message is a letter


@pytest.mark.parametrize("name", ["09300HB0497gms_veto_ftp_COMPLETE.txt", "09400SB2116gms_veto_fulltext_COMPLETE.txt"])
def test_a_veto_message_naming_a_public_act_is_read_whole_never_as_a_public_act(name):
    # `... identical language as Public Act 94-0139, which I signed` names a Public Act in a
    # sentence: read as a Public Act's page, the letter lost every word before its quoted
    # `AN ACT concerning ...` as front matter, and a change there compared as no change
    result = _read(name)
    assert result.rendering == "prose" and result.detection.scores["public-act"] == 0.0
    assert result.dropped == []
    assert "I hereby veto" in " ".join(line.text for line in result.lines)


def test_a_public_act_header_still_stands_as_a_header_at_a_line_start_or_before_its_cells():
    body = "AN ACT concerning business.\nBe it enacted by the People of the State of Illinois,\n"
    for header in ("Public Act 094-0036\n", "  Public Act 094-0036 | HB1633 Enrolled | LRB094 07564 RXD 37732 b\n",
                   "Full Text of Public Act 094-0036 HB1633 Enrolled\n", "| Public Act 0661 101ST GENERAL ASSEMBLY |\n"):
        assert detection(header + body).scores["public-act"] > 0.5, header
    letter = "To the Members of the Senate: the bill repeats Public Act 094-0036, which I signed.\n"
    assert detection(letter + body).scores["public-act"] == 0.0


# ------------------------------------------------------------------ legiscan around a pipe table


def test_legiscan_around_a_pipe_table_reads_the_cells_and_keeps_no_pipe():
    # the chrome (`Bill Text: IL HR0020 | 2025-2026 | ...`) above ILGA's `1 | HOUSE RESOLUTION |
    # ||||||` rows: read line by line, every `|` and `||||||` stayed a word of the text
    name = "10400HR0020_legiscan_pipes_PARTIAL.txt"
    result = _read(name)
    assert result.rendering == "mirror"
    assert not any("|" in line.text for line in result.lines)
    at = _lines_at(result)
    assert at[(1, 1)] == "HOUSE RESOLUTION"
    assert at[(1, 6)] == "follows:"
    assert at[(1, 8)] == "18. Referrals to Committees."
    assert at[(1, 15)] == "standing committee or a special co"
    assert [line.line for line in result.lines] == list(range(1, 16))
    assert len(_dropped(result, "site chrome")) == 5
    # no running header survives in this copy: the page's title line names the resolution
    identity = result.identity
    assert (identity.bill, identity.general_assembly, identity.version) == ("HR0020", 104, "introduced")
    _audit_is_clean(name, result)


def test_legiscan_plain_text_is_still_read_line_by_line():
    result = _read("09600SB0573_introduced_legiscan_COMPLETE.txt")
    assert result.rendering == "mirror" and _dropped(result, "table cell separator") == []


# ------------------------------------------------------------------ legiplex: the header printed three times


def test_two_lrb_numbers_in_a_sentence_are_not_a_header():
    from statdiff.read.common import is_running_header

    assert is_running_header("HB1633 Enrolled - 2 - LRB094 07564 RXD 37732 b   HB1633 Enrolled - 2 - LRB094 07564 RXD 37732 b")
    assert not is_running_header("see LRB094 07564 RXD 37732 b and LRB094 07564 RXD 37733 a for the companion bill")
    text = "1 AN ACT concerning finance.\n2 see LRB094 07564 RXD 37732 b and LRB094 07564 RXD 37733 a for the text.\n"
    assert [line.text for line in read_text(text, format="numbered").lines][1].startswith("see LRB094")


# ------------------------------------------------------------------ an ILCS citation opening a line is no line number


def test_a_mirror_running_each_section_into_one_line_is_an_ilcs_page():
    # laws9 prints the Act's heading `815 ILCS 505/ ...` and each Section as one line, `|`
    # between them: with the heading's digits taken for a line number in a three-line text,
    # the page read as prose (with a warning) and kept the `|` as a word of the text
    name = "ILCS_815-505_laws9_flat_mirror_PARTIAL.txt"
    result = _read(name)
    assert result.rendering == "ilcs" and result.detection.score > 0.9
    document = build_document(result)
    sections = [node for node in document.root.walk() if node.kind == "section"]
    assert [node.path for node in sections] == ["815 ILCS 505/2", "815 ILCS 505/2A"]
    assert not any("|" in line.text for line in result.lines)
    assert _dropped(result, "table cell separator") == ["|"]
    _audit_is_clean(name, result)


def test_navigation_citations_above_short_sections_do_not_count_as_line_numbers():
    # an ilcs4.asp/ilcs5.asp page prints `735 ILCS 5/2-1` above each Section: an Act of short
    # Sections (`Sec. 2-1. (Repealed).`) read as a quarter of its lines opening with digits
    text = "CIVIL PROCEDURE\n(735 ILCS 5/) Code of Civil Procedure.\n\n" + "".join(
        f"735 ILCS 5/2-{n}\n\n    (735 ILCS 5/2-{n})\n    Sec. 2-{n}. (Repealed).\n(Source: P.A. 8{n}-1.)\n\n"
        for n in range(1, 9)
    )
    found = detection(text)
    assert found.rendering == "ilcs" and found.score > 0.9
    assert "digit_led" not in found.evidence


# ------------------------------------------------------------------ documents drafted by the caucus staffs


@pytest.mark.parametrize("line, header", [
    ("SB0006 - 2 - SDS100 00059 MRR 10059 b", True),  # Senate Democratic Staff
    ("09600SB1253sam003 SRS096 00031 SAH 10031 a", True),  # Senate Republican Staff
    ("10000HB0119ham001 -2- HDS100 00095 CIN 10095 a", True),  # House Democratic Staff
    ("                            -2-              BOB-01springsupp", True),
    ("  -12-", True),
    ("-2- the", False),  # a word, not a document number
    ("-2- BOB-01springsupp and more", False),
    ("the SDS100 00059 MRR 10059 b appropriation for the Department of Corrections", False),
])
def test_a_running_header_names_any_drafting_office_s_number(line, header):
    from statdiff.read.common import is_running_header

    assert is_running_header(line) is header


def test_a_one_in_the_words_of_a_flattened_page_opens_no_page_of_a_few_lines():
    from statdiff.read import flat

    text = "1 AMENDMENT TO HOUSE BILL 9 2 Amend by replacing 3 everything with: 4 \"ARTICLE 1 5 Section 1. The amount 6 of $2 is appropriated."
    result = flat.read(text, "x")
    assert [(line.page, line.line, line.text) for line in result.lines][3:] == [
        (1, 4, '"ARTICLE 1'), (1, 5, "Section 1. The amount"), (1, 6, "of $2 is appropriated."),
    ]


# ------------------------------------------------------------------ indents copied as spaces


def test_a_public_act_whose_indents_were_copied_as_spaces_keeps_its_paragraphs():
    # ILGA indents each paragraph with NBSPs; a browser's copy (and this stored copy) has
    # ordinary spaces: the Public Act reader looked for NBSPs only, and ran the Section's three
    # paragraphs into one
    name = "PA099-0859_witnessslips_spaces_PARTIAL.txt"
    result = _read(name)
    assert result.rendering == "public-act" and "\u00a0" not in load_text(FRAGMENTS / name)
    section = build_document(result).find("55 ILCS 5/5-39001")
    paragraphs = [child.text for child in section.children if child.kind == "text"]
    assert [text.split()[:4] for text in paragraphs] == [
        ["Sec.", "5-39001.", "Establishment", "and"], ["The", "facilities", "of", "those"], ["The", "expense", "of", "establishing"],
    ]
    _audit_is_clean(name, result)


def test_a_92nd_ga_public_act_page_keeps_an_unnumbered_paragraph_out_of_the_subsection_before_it():
    # the legisnet-era Public Act page (`[ Home ]  [ ILCS ]`, `SB1854 Enrolled   LRB9215370EGfg`),
    # indented with spaces: Section 1's paragraph `This Act revises ...` was read into (b)
    name = "PA092-0651_ilga_pubact92_PARTIAL.txt"
    result = _read(name)
    assert result.rendering == "public-act" and result.identity.public_act == "92-651"
    section = build_document(result).find("Section 1")
    assert [child.path for child in section.children if child.kind != "text" or child.text.startswith("This Act")] == [
        "Section 1(a)", "Section 1(b)", "Section 1 [2]", "Section 1(c)", "Section 1(d)",
    ]
    _audit_is_clean(name, result)


# ------------------------------------------------------------------ pages that break where the printing breaks them

# name, rendering, printed lines that must read so (page, line, text), the running headers dropped
# (page as printed); each row says what went wrong with the page before the rule that reads it
PAGE_BREAKS = [
    # legiplex runs the page together and prints each running header three times, glued and
    # spaced (`HR0020- 2 -LRB104 ... HR0020 - 2 - LRB104 ...`): with only the LRB number taken for
    # the header, the `2` of each marker opened a new page (page 2 was cited as page 5) and
    # `HR0020-`, `-` were kept as words of the text
    ("10400HR0020_legiplex_flat_PARTIAL.txt", "flat-ftp", [
        (1, 23, "may refer any legislative measure to a joint committee of the"),
        (2, 1, "House and Senate created by joint resolution. That joint"),
        (2, 11, "measure has been post"),
    ], [("LRB104 07296 JDS 17335 r", None)] + [("HR0020 LRB104 07296 JDS 17335 r", None)] * 3
       + [("HR0020- 2 -LRB104 07296 JDS 17335 r", 2)] + [("HR0020 - 2 - LRB104 07296 JDS 17335 r", 2)] * 2),
    # legiplex's draft page prints page 2's header twice on one line: taken for text, both copies
    # were appended to page 1's last line
    ("10400HR0020_legiplex_draft_PARTIAL.txt", "numbered", [
        (1, 23, "may refer any legislative measure to a joint committee of the"),
        (2, 1, "House and Senate created by joint resolution. That joint"),
    ], [("HR0020LRB104 07296 JDS 17335 r HR0020 LRB104 07296 JDS 17335 r", None),
        ("HR0020 LRB104 07296 JDS 17335 r", None), ("HR0020 LRB104 07296 JDS 17335 r", None),
        ("HR0020- 2 -LRB104 07296 JDS 17335 r HR0020 - 2 - LRB104 07296 JDS 17335 r", 2),
        ("HR0020 - 2 - LRB104 07296 JDS 17335 r", 2)]),
    # appropriation bills and their amendments carry the House Democratic Staff's number
    # (`HDS093 00061 TWH 00061 a`), not the LRB's: the marker `-2- HDS093 ...` stayed words of the
    # text, and the `1` of `"ARTICLE 1` opened a new page of five lines, so that every line number
    # after it (`6` ... `22`) was kept as a word and page 2 was cited as page 3
    ("09300HB3753ham001_ftp_flat_HDS_PARTIAL.txt", "flat-ftp", [
        (1, 5, '"ARTICLE 1'),
        (1, 6, "Section 5. The following named amounts, or so much of"),
        (1, 22, "For Equipment................................... 1,400"),
        (2, 1, "For Electronic Data Processing.................. 2,000"),
    ], [("093_HB3753ham001 HDS093 00061 TWH 00061 a", None), ("-2- HDS093 00061 TWH 00061 a", 2)]),
    # `09300HB0759sam002 - 2 - SDS093 00138 JPW 40089 a` (the Senate Democratic Staff's number) was
    # kept as words of page 1's last line, and the audit, which trusts the rules, found every word
    # accounted for
    ("09300HB0759sam002_SDS_PARTIAL.txt", "numbered", [
        (1, 24, "indebtedness."),
        (2, 1, "No school districts maintaining grades K through 12 shall"),
    ], [("09300HB0759sam002 SDS093 00138 JPW 40089 a", None), ("09300HB0759sam002 - 2 - SDS093 00138 JPW 40089 a", 2)]),
    # the budget office's `-2-   BOB-01springsupp` (no LRB number) was kept as words of page 1's
    # last line
    ("920HB0371ham001_92ndGA_legisnet_BOB_PARTIAL.txt", "legisnet", [
        (1, 21, "For Group Insurance .......................... 118,400"),
        (2, 1, "For Travel ......................... 49,700 <L 44,700>¿"),
    ], [("-2- BOB-01springsupp", 2)]),
    # a conference committee report run together: `10 Amendment No. 1 to House Bill 1134 ... 11 (1)
    # that ...`; the `1` was taken for a new page, in the detection (whose count of line numbers then
    # fell to a third: read as prose, the line numbers kept as words) as in the reader
    ("910HB1134ccr001_91stGA_beta_flat_COMPLETE.txt", "flat-ftp", [
        (1, 10, "Amendment No. 1 to House Bill 1134, recommend the following:"),
        (1, 11, "(1) that the House concur in Senate Amendment No. 1; and"),
        (1, 33, "s/Sen. Vince Demuzio s/Rep. Jerry Mitchell"),
        (2, 1, "Committee for the Senate Committee for the House"),
    ], [("91_HB1134ccr001 LRB9101564NTksccr", None), ("-2- LRB9101564NTksccr", 2)]),  # `ccr001`: a document id
]


@pytest.mark.parametrize("name, rendering, lines, headers", PAGE_BREAKS, ids=[row[0] for row in PAGE_BREAKS])
def test_each_page_breaks_where_the_printing_breaks_it(name, rendering, lines, headers):
    result = _read(name)
    assert result.rendering == rendering
    at = _lines_at(result)
    assert [(page, line, at.get((page, line))) for page, line, _ in lines] == lines
    assert {line.page for line in result.lines} == {page for page, _, _ in lines}
    assert [(drop.text, drop.page) for drop in result.dropped if drop.rule == "running header"] == headers
    assert not any(LRB.search(line.text) for line in result.lines)  # no header left in a line of the text
    _audit_is_clean(name, result)


@pytest.mark.parametrize("name, bill, general_assembly, lrb", [
    ("10400HR0020_legiplex_flat_PARTIAL.txt", "HR0020", 104, "LRB104 07296 JDS 17335 r"),
    ("09300HB3753ham001_ftp_flat_HDS_PARTIAL.txt", "HB3753", 93, "HDS093 00061 TWH 00061 a"),
    ("09300HB0759sam002_SDS_PARTIAL.txt", "HB0759", 93, "SDS093 00138 JPW 40089 a"),
])
def test_the_header_names_the_document(name, bill, general_assembly, lrb):
    identity = _read(name).identity
    assert (identity.bill, identity.general_assembly, identity.lrb) == (bill, general_assembly, lrb)


# ------------------------------------------------------------------ a line number glued to a quote


def test_a_line_number_glued_to_the_quotation_mark_of_its_first_word_opens_that_line():
    """A legisnet page run together prints `... Comptroller. 19"Board". The Merit Ad`: the struck
    definition's markup lost the space after line 19's number. `19` is no word of the text."""
    name = "900SB0517_90thGA_legisnet_flat_PARTIAL.txt"
    result = _read(name)
    lines = _lines_at(result)
    assert lines[(1, 18)] == "to the Comptrolleror a Deputy Comptroller."
    assert lines[(1, 19)] == '"Board". The Merit Ad'
    _audit_is_clean(name, result)


def test_a_number_glued_to_a_word_that_is_not_the_next_line_s_stays_a_word():
    """Only the number expected next opens a line so: `19"` where line 5 comes next is text."""
    result = read_text('1 AN ACT concerning "things". 2 Be it enacted 3 as 19"Board" says: 4 Section 1.',
                       format="flat-ftp", name="flat.txt")
    assert [line.line for line in result.lines] == [1, 2, 3, 4]
    assert '19"Board"' in _lines_at(result)[(1, 3)]
