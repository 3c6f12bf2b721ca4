"""The readers: API, errors, golden files reviewed by eye, and a round trip
through every numbered rendering with hypothesis."""

from __future__ import annotations

from pathlib import Path

import pytest

from statdiff.errors import StatdiffError
from statdiff.model import BodyLine, ReadResult
from statdiff.read import RENDERINGS, read_path, read_text

ROOT = Path(__file__).resolve().parent.parent / "statutes"
GOLDEN = Path(__file__).resolve().parent / "golden" / "read"

# Each of these was checked line by line against its source (numbers, no
# header or pipe left, nothing dropped); regenerate only after checking again.
GOLDEN_FILES = [
    "seeds/000_71145e3a5c8d62e0.txt",
    "seeds/002_524df963b8163e99.txt",
    "seeds/003_80d6f31b0979e4b4.txt",
    "seeds/004_b7c007cf1e6f9ae7.txt",
    "pipa/815ILCS530_through_PA094-0947.txt",
    "fragments/09300SB0404sam001_ftp_flat_PARTIAL.txt",
    "fragments/09400SB1479sam001_ftp_PARTIAL.txt",
    "fragments/09400HB4253_introduced_lv_PARTIAL.txt",
    "fragments/09500HC0044ham001_COMPLETE.txt",
    "fragments/09900HB1260enr_fulltext_pipes_PARTIAL.txt",
    "fragments/09900HB1260enr_lv_PARTIAL.txt",
    "fragments/10100HB2299ham001_ftp_midchunk_PARTIAL.txt",
    "fragments/10100HB2975eng_fulltext_COMPLETE.txt",
    "fragments/10100SB3223_introduced_legiscan_COMPLETE.txt",
    "fragments/10200HB0307enr_SecondGeneralRevisory2021_amgoa_PARTIAL.txt",
    "fragments/10200SB0731sam002_PARTIAL.txt",
    "fragments/920HB4947LV_92ndGA_legisnet_PARTIAL.txt",
    "fragments/ILCS_215-215-35_ftp_html_delayed_COMPLETE.txt",
    "fragments/ILCS_815-705-39_beta_ilga_section_COMPLETE.txt",
    "fragments/ILCS_820-96-1-25_newsite_multiversion_PARTIAL.txt",
    "fragments/PA094-0036_ilga_publicact_fulltext_PARTIAL.txt",
    "fragments/PA094-0947_ilga_ftp_PARTIAL.txt",
    "fragments/PA102-0016_docslib_pdftext_PARTIAL.txt",
    # collected for issue #10, each checked line by line against its source
    "fragments/09600HB6878_introduced_ftp_PARTIAL.txt",
    "fragments/10400HB0575ham001_amgoa_PARTIAL.txt",
    "fragments/09100HB1800_legisnet91_flat_PARTIAL.txt",
    "fragments/10400SB2456ham002_amgoa_pipes_midchunk_PARTIAL.txt",
    "fragments/ILCS_30-500-Art50_justia2005_mirror_PARTIAL.txt",
    "fragments/PA101-0661_ilga_newsite_view_PARTIAL.txt",
]


def golden_text(result: ReadResult) -> str:
    def show(value):
        return "-" if value is None else str(value)

    return "".join(f"{show(line.page)}:{show(line.line)}|{line.text}\n" for line in result.lines)


@pytest.mark.parametrize("relative", GOLDEN_FILES)
def test_golden(relative):
    expected = (GOLDEN / (Path(relative).name.rsplit(".", 1)[0] + ".txt")).read_text(encoding="utf-8")
    assert golden_text(read_path(ROOT / relative)) == expected


# ---------------------------------------------------------------- API and errors


def test_unknown_format_lists_the_known_ones():
    with pytest.raises(StatdiffError) as caught:
        read_text("1 AN ACT concerning business.", format="nope")
    assert "nope" in str(caught.value) and "numbered" in str(caught.value) and "pipes" in str(caught.value)


def test_every_rendering_has_a_description_and_html_is_registered():
    assert "html" in RENDERINGS and "prose" in RENDERINGS
    assert all(description.strip() for description in RENDERINGS.values())


def test_empty_text_is_an_error():
    with pytest.raises(StatdiffError):
        read_text(" \n\u00a0\n")


def test_html_goes_to_the_html_reader(monkeypatch):
    import sys
    import types

    calls = []
    fake = types.ModuleType("statdiff.read.html")
    fake.read_html = lambda text, name: calls.append(name) or ReadResult([BodyLine("x")], "html", name=name)
    monkeypatch.setitem(sys.modules, "statdiff.read.html", fake)
    assert read_text("<!DOCTYPE html><html><body><p>x</p></body></html>", name="page").rendering == "html"
    assert read_text("<table><tr><td>1</td><td>AN ACT</td></tr></table>").rendering == "html"
    assert calls == ["page", "<text>"]


def test_seed_002_the_headline_bill():
    result = read_path(ROOT / "seeds/002_524df963b8163e99.txt")
    by_position = {(line.page, line.line): line for line in result.lines}
    assert by_position[(2, 17)].text == "(815 ILCS 530/10)"
    assert by_position[(2, 18)].text == "Sec. 10. Notice of Breach."
    assert by_position[(1, 1)].indented is True and by_position[(1, 3)].indented is False
    assert result.synopsis.startswith("Amends the Personal Information Protection Act.")
    assert result.synopsis.endswith("discovery of the breach of the system data or written material.")
    assert not any("815 ILCS 530/5" == line.text or "Introduced" in line.text for line in result.lines)
    identity = result.identity
    assert (identity.general_assembly, identity.bill, identity.version) == (95, "HB0605", "introduced")
    assert identity.title == "AN ACT concerning consumer fraud."


def test_seed_003_identity_and_cell_internal_breaks():
    result = read_path(ROOT / "seeds/003_80d6f31b0979e4b4.txt")
    identity = result.identity
    assert (identity.bill, identity.amendment, identity.lrb) == ("SB0731", "sam002", "LRB102 17247 KTG 24999 a")
    by_position = {(line.page, line.line): line.text for line in result.lines}
    assert by_position[(3, 17)] == "revenues from selling consumers' personal information."
    assert by_position[(3, 18)].startswith('"Business" does not include')


def test_ilcs_page_identity_and_no_headings():
    result = read_path(ROOT / "pipa/815ILCS530_through_PA094-0947.txt")
    assert result.identity.act == "815 ILCS 530" and result.identity.version == "compiled"
    assert result.lines[0].text == "(815 ILCS 530/1)"
    assert all(line.page is None and line.line is None for line in result.lines)
    assert "BUSINESS TRANSACTIONS" not in [line.text for line in result.lines]


def test_public_act_identity():
    identity = read_path(ROOT / "fragments/PA094-0036_ilga_publicact_fulltext_PARTIAL.txt").identity
    assert (identity.public_act, identity.bill, identity.general_assembly) == ("94-36", "HB1633", 94)
    assert identity.title == "AN ACT concerning business."


@pytest.mark.parametrize(
    "relative, expected",
    [
        ("fragments/09400HB1633enr_PARTIAL.txt", (94, "HB1633", "enrolled", None, "LRB094 07564 RXD 37732 b", None)),
        # ILGA's file code `HC` is the measure HJRCA 44, as the amendment's own preamble names it
        ("fragments/09500HC0044ham001_COMPLETE.txt", (95, "HJRCA0044", "amendment", "ham001", "LRB095 20718 RCE 49543 a", None)),
        ("fragments/09400HB1633ham001_ftp_pipes_PARTIAL.txt", (None, "HB1633", "amendment", None, None, None)),
        ("fragments/09300SB0404sam001_ftp_flat_PARTIAL.txt", (93, "SB0404", "amendment", "sam001", "LRB093 09317 BDD 14050 a", None)),
        ("seeds/004_b7c007cf1e6f9ae7.txt", (92, "SB2031", None, None, "LRB9215491JSpcA", None)),
        ("fragments/PA097-0483_ilga_fulltext_PARTIAL.txt", (97, "HB3025", "public act", None, "LRB097 06857 AEK 46950 b", "97-483")),
        ("fragments/PA102-0016_docslib_pdftext_PARTIAL.txt", (102, "SB2017", "public act", None, "LRB102 16155 CPF 22006 b", "102-16")),
        ("fragments/10100SB2301_introduced_legiscan_PARTIAL.txt", (101, "SB2301", "introduced", None, "LRB101 15374 TAE 64580 b", None)),
        ("fragments/ILCS_225-60-29_ilga_section_COMPLETE.txt", (None, None, "compiled", None, None, None)),
    ],
)
def test_identity(relative, expected):
    identity = read_path(ROOT / relative).identity
    got = (identity.general_assembly, identity.bill, identity.version, identity.amendment, identity.lrb, identity.public_act)
    assert got == expected


def test_a_bill_status_page_is_an_error_saying_it_holds_no_bill_text():
    with pytest.raises(StatdiffError) as caught:
        read_path(ROOT / "fragments/09400SB1479_billstatus_PARTIAL.txt")
    message = str(caught.value)
    assert "\n" not in message and "no bill or statute text found" in message and "bill-status metadata" in message


def test_glued_number_uses_the_expected_line():
    result = read_path(ROOT / "fragments/09900HB1260enr_lv_PARTIAL.txt")
    assert (result.lines[5].line, result.lines[5].text) == (6, "45 and 50 as follows:")


def test_format_can_be_forced():
    text = (ROOT / "seeds/002_524df963b8163e99.txt").read_text(encoding="utf-8")
    assert read_text(text, format="prose").rendering == "prose"


def test_pdf_text_with_the_running_header_mid_sentence():
    text = (
        "SB2522 Engrossed OMB103 00152 NHB 45152 b AN ACT concerning finance. Be it enacted by the People of "
        "the State of Illinois, represented in the General Assembly: (30 ILCS 105/5) Sec. 5. The fund shall be "
        " SB2522 \t-2- OMB103 00152 NHB 45152 b used for grants. (Source: P.A. 100-23.)"
    )
    result = read_text(text, format="pdf-text")
    assert [(line.page, line.text) for line in result.lines[-3:]] == [
        (1, "Sec. 5. The fund shall be"),
        (2, "used for grants."),
        (2, "(Source: P.A. 100-23.)"),
    ]
    assert (result.identity.bill, result.identity.lrb) == ("SB2522", "OMB103 00152 NHB 45152 b")


def test_pdf_text_with_line_numbers_at_the_end():
    text = "\n".join([
        "AN ACT concerning finance. 1",
        "Be it enacted by the People of the State of Illinois, 2",
        "represented in the General Assembly: 3",
        "Section 5. The Act is amended by 4",
        "changing Section 5 as follows: 5",
        "SB2522 \t-2- OMB103 00152 NHB 45152 b",
        "(30 ILCS 105/5) 1",
        "Sec. 5. The fund shall pay 72 2",
        "dollars. 3",
    ])
    result = read_text(text)
    assert result.rendering == "pdf-text"
    assert [(line.page, line.line, line.text) for line in result.lines[-3:]] == [
        (2, 1, "(30 ILCS 105/5)"),
        (2, 2, "Sec. 5. The fund shall pay 72"),
        (2, 3, "dollars."),
    ]


def test_flattened_act_pasted_as_text_is_cut_at_sections():
    text = "(815 ILCS 530/) Personal Information Protection Act. (815 ILCS 530/1) Sec. 1. Short title. " + "x " * 1200 + (
        "(Source: P.A. 94-36, eff. 1-1-06.) (815 ILCS 530/5) Sec. 5. Definitions. In this Act: "
        '"Data collector" means an agency. (Source: P.A. 94-36, eff. 1-1-06.)'
    )
    result = read_text(text)
    assert result.rendering == "ilcs-csv" and result.identity.act == "815 ILCS 530"
    texts = [line.text for line in result.lines]
    assert texts[0] == "(815 ILCS 530/1)" and texts[1].startswith("Sec. 1. Short title.")
    assert texts[2:] == [
        "(Source: P.A. 94-36, eff. 1-1-06.)",
        "(815 ILCS 530/5)",
        "Sec. 5. Definitions. In this Act:",
        '"Data collector" means an agency.',
        "(Source: P.A. 94-36, eff. 1-1-06.)",
    ]


def test_an_html_document_of_numbered_lines_is_html_not_numbered_text():
    page = Path(__file__).resolve().parent / "fixtures" / "html" / "sb731sam002_br.html"
    result = read_path(page)
    assert result.rendering == "html"
    assert not any("<br>" in line.text or "<div" in line.text for line in result.lines)


def test_legisnet_lines_say_indented_as_a_bool_not_as_a_width():
    result = read_path(ROOT / "seeds/004_b7c007cf1e6f9ae7.txt")
    assert result.rendering == "legisnet"
    assert {type(line.indented) for line in result.lines} <= {bool, type(None)}
    assert any(line.indented is True for line in result.lines) and any(line.indented is False for line in result.lines)


def test_indent_widths_come_back_beside_the_lines_and_never_inside_them():
    from statdiff.read.numbering import number_lines
    from statdiff.read.legisnet import paragraph_starts
    from statdiff.read.numbered import physical_pieces

    text = (" 1        AN ACT to amend the Vehicle Code.\n 2    Be it enacted by the People of the State of Illinois,\n"
            " 3    represented in the General Assembly:\n")
    numbered = number_lines(physical_pieces(text), width_of=lambda rest: len(rest) - len(rest.lstrip(" ")))
    lines = numbered.lines
    assert numbered.widths == [8, 4, 4] and [line.indented for line in lines] == [None, None, None]
    paragraph_starts(lines, numbered.widths)
    assert [line.indented for line in lines] == [True, False, False]


def test_csv_with_an_act_larger_than_the_csv_field_limit():
    text = 'chapter,act,text\n620,x,"(620 ILCS 5/) Big Act. (620 ILCS 5/1) Sec. 1. ' + "word " * 60000 + '(Source: P.A. 1.)"\n'
    result = read_text(text)
    assert result.rendering == "ilcs-csv" and result.identity.act == "620 ILCS 5"
    assert [line.text[:14] for line in result.lines] == ["(620 ILCS 5/1)", "Sec. 1. word w", "(Source: P.A. "]


@pytest.mark.parametrize("header", ["Text", " text ", '"TEXT"'])
def test_a_csv_text_header_is_found_whatever_its_case_and_spaces(header):
    text = f'chapter,act,{header}\n620,x,"(620 ILCS 5/) Big Act. (620 ILCS 5/1) Sec. 1. The board may act. (Source: P.A. 1.)"\n'
    result = read_text(text)
    assert result.rendering == "ilcs-csv" and result.identity.act == "620 ILCS 5"
    assert [line.text for line in result.lines] == ["(620 ILCS 5/1)", "Sec. 1. The board may act.", "(Source: P.A. 1.)"]


SITE_SCRIPT = (
    "enableWordFriendlyCopy({ selector: '#copyable-content', baseUrl: 'https://ilga.gov/' }); "
    "(function () { const BASE_WIDTH = 578; const log = (...args) => { if (isDev) { console.log(...args); } }; "
    "function applyBillScale() { if (available < 480) { scale = (available / BASE_WIDTH) - 0.1; "
    "log('viewport < 480 (iPhone)'); } scaleEl.style.transform = `scale(${scale})`; } "
    "window.addEventListener('orientationchange', () => { applyBillScale(); }); })();"
)


def test_the_site_script_is_cut_by_its_brackets_and_the_statute_after_it_stays():
    text = (
        "(620 ILCS 45/) County Airport Law of 1943. " + SITE_SCRIPT + " (620 ILCS 45/1) (from Ch. 15 1/2, par. 84) "
        "Sec. 1. The county board may act under this Act. (Source: P.A. 81-1509.) " + SITE_SCRIPT
    )
    result = read_text(text, format="ilcs-csv")
    assert [line.text for line in result.lines] == [
        "(620 ILCS 45/1) (from Ch. 15 1/2, par. 84)",
        "Sec. 1. The county board may act under this Act.",
        "(Source: P.A. 81-1509.)",
    ]
    assert (result.identity.act, result.identity.title) == ("620 ILCS 45", "County Airport Law of 1943.")


def test_a_script_that_never_closes_stops_at_the_next_statute_text():
    text = "(620 ILCS 45/) County Airport Law of 1943. enableWordFriendlyCopy({ selector: '#x' (620 ILCS 45/1) Sec. 1. Kept."
    assert [line.text for line in read_text(text, format="ilcs-csv").lines] == ["(620 ILCS 45/1)", "Sec. 1. Kept."]


def test_an_act_name_without_the_word_act_does_not_reach_into_the_sections():
    text = (
        "(620 ILCS 45/) County Airport Law of 1943. (620 ILCS 45/1) Sec. 1. The board may levy a tax. "
        "(Source: P.A. 81-1509.) (620 ILCS 45/2) Sec. 2. As provided in this Act. (Source: P.A. 81-1489.)"
    )
    texts = [line.text for line in read_text(text, format="ilcs-csv").lines]
    assert texts[:2] == ["(620 ILCS 45/1)", "Sec. 1. The board may levy a tax."] and len(texts) == 6


def test_the_disclaimer_goes_exactly_and_the_text_glued_to_it_stays():
    disclaimer = (
        "Illinois Compiled Statutes (ILCS) Updating the database of the Illinois Compiled Statutes (ILCS) is an "
        "ongoing process. Recent laws may not yet be included in the ILCS database, but they are found on this "
        "site as Public Acts soon after they become law. For information concerning the relationship between "
        "statutes and Public Acts, refer to the Guide."
    )
    text = "(620 ILCS 5/) Illinois Aeronautics Act. " + disclaimer + " Refer to the Guide. (620 ILCS 5/1) Sec. 1. Text."
    texts = [line.text for line in read_text(text, format="ilcs-csv").lines]
    assert texts == ["Refer to the Guide.", "(620 ILCS 5/1)", "Sec. 1. Text."]


def test_a_short_flattened_act_on_an_ilcs_page_keeps_its_sections():
    text = (
        "(815 ILCS 530/) Personal Information Protection Act. (815 ILCS 530/1) Sec. 1. Short title. "
        "This Act may be cited as the Personal Information Protection Act. (Source: P.A. 94-36, eff. 1-1-06.)"
    )
    result = read_text(text)
    assert result.rendering == "ilcs" and result.identity.title == "Personal Information Protection Act."
    assert [line.text for line in result.lines] == [
        "(815 ILCS 530/1)",
        "Sec. 1. Short title. This Act may be cited as the Personal Information Protection Act.",
        "(Source: P.A. 94-36, eff. 1-1-06.)",
    ]


# ---------------------------------------------------------------- round trip

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

NBSP = "\u00a0"
PAGE = 25
_word = st.one_of(
    st.from_regex(r"[a-z]{1,9}[,.;:]?", fullmatch=True),
    st.sampled_from(["(a)", "(b-5)", "(1)", '"Business"', "$250,000", "1-1-06.", "Sec.", "Section", "ILCS", "Act."]),
)
_numeric_word = st.from_regex(r"[1-9][0-9]{0,2}", fullmatch=True)
_line = st.tuples(st.lists(_word, min_size=1, max_size=10).map(" ".join), st.booleans())
_numeric_start_line = st.tuples(
    st.tuples(_numeric_word, st.lists(_word, min_size=1, max_size=6)).map(lambda pair: " ".join([pair[0], *pair[1]])),
    st.booleans(),
)
bodies = st.lists(_line, min_size=1, max_size=70)
bodies_with_numbers = st.lists(st.one_of(_line, _numeric_start_line), min_size=1, max_size=70)


def numbered(body):
    for index, (text, indented) in enumerate(body):
        yield index // PAGE + 1, index % PAGE + 1, text, indented


def render_plain_94(body):
    out = ["HB1633 Enrolled LRB094 07564 RXD 37732 b", ""]
    for page, line, text, indented in numbered(body):
        if line == 1 and page > 1:
            out += ["", f"HB1633 Enrolled - {page} - LRB094 07564 RXD 37732 b", ""]
        out.append(f"{line} " + (NBSP * 4 if indented else "") + text)
        if indented:
            out.append(NBSP)
    return "\n".join(out)


def render_glued_97(body):
    body = [(body[0][0], True), *body[1:]]  # line 1 of a bill is indented: `1<NBSP>AN ACT`
    out = ["HB1260 EnrolledLRB099 05116 JLS 25145 b", ""]
    for page, line, text, indented in numbered(body):
        if line == 1 and page > 1:
            out += [f"HB1260 Enrolled- {page} -LRB099 05116 JLS 25145 b", ""]
        out.append(f"{line}" + (NBSP * 4 if indented else "") + text)
    return "\n".join(out)


def render_pipes_rows(body):
    out = ["|"]
    for page, line, text, _ in numbered(body):
        if line == 1:
            out += [f"| | 10200SB0731sam002 | - {page} - | LRB102 17247 KTG 24999 a |", "|", "|"]
        out.append(f"{line} | | {text} |")
    return "\n".join(out)


def render_pipes_inline(body):
    out = ["Full Text of HB1260 99th General Assembly", "| | HB1260 Enrolled | | LRB099 05116 JLS 25145 b |", "|"]
    row = []
    for page, line, text, _ in numbered(body):
        if line == 1 and page > 1:
            out.append(" ".join(row))
            row = []
            out.append(f"| | HB1260 Enrolled | - {page} - | LRB099 05116 JLS 25145 b |")
        row.append(f"| {line} | | {text}")
        if len(row) == 3:
            out.append(" ".join(row))
            row = []
    out.append(" ".join(row))
    return "\n".join(out)


def render_pipes_number_rows(body):
    out = ["|", "09400SB1479sam001 |", "|", "LRB094 11200 RXD 42618 a |", "|"]
    for page, line, text, _ in numbered(body):
        if line == 1 and page > 1:
            out += ["| |||||||", "| |||||||"]
        out += [f"{line} |", f"| {text}", "|"]
    return "\n".join(out)


def render_legisnet(body):
    out = ["State of Illinois", "92nd General Assembly", "", " " * 46 + "LRB9215491JSpcA", ""]
    for page, line, text, indented in numbered(body):
        if line == 1 and page > 1:
            out += [" ", " " * 28 + f"-{page}-" + " " * 15 + "LRB9215491JSpcA"]
        out.append(f"{line:>2}" + (" " * 8 if indented else " " * 4) + text)
    return "\n".join(out)


def render_flat(body):
    out = ["093_SB0404sam001 LRB093 09317 BDD 14050 a"]
    for page, line, text, _ in numbered(body):
        if line == 1 and page > 1:
            out.append(f"-{page}- LRB093 09317 BDD 14050 a")
        out.append(f"{line} {text}")
    return " ".join(out)


def expected_lines(body):
    return [(page, line, text) for page, line, text, _ in numbered(body)]


def got_lines(result):
    return [(line.page, line.line, line.text) for line in result.lines]


ROUND_TRIP = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@ROUND_TRIP
@given(bodies_with_numbers)
def test_round_trip_plain_94(body):
    result = read_text(render_plain_94(body))
    assert result.rendering == "numbered"
    assert got_lines(result) == expected_lines(body)
    assert [line.indented for line in result.lines] == [indented for _, indented in body]


@ROUND_TRIP
@given(bodies_with_numbers)
def test_round_trip_glued_97(body):
    body = [(body[0][0], True), *body[1:]]
    result = read_text(render_glued_97(body), format="numbered")
    assert got_lines(result) == expected_lines(body)
    assert [line.indented for line in result.lines] == [indented for _, indented in body]


@ROUND_TRIP
@given(bodies)
def test_round_trip_pipes_rows(body):
    result = read_text(render_pipes_rows(body))
    assert result.rendering == "pipes"
    assert got_lines(result) == expected_lines(body)


@pytest.mark.parametrize(
    "render, bodies_of_the_rendering, format",
    [
        (render_pipes_inline, bodies, "pipes"),
        (render_pipes_number_rows, bodies, "pipes"),
        (render_legisnet, bodies_with_numbers, "legisnet"),
        (render_flat, bodies, "flat-ftp"),
    ],
    ids=["pipes-inline", "pipes-number-rows", "legisnet", "flat"],
)
@ROUND_TRIP
@given(data=st.data())
def test_round_trip_through_a_rendering(render, bodies_of_the_rendering, format, data):
    body = data.draw(bodies_of_the_rendering)
    result = read_text(render(body), format=format)
    assert got_lines(result) == expected_lines(body)


# ---------------------------------------------------------------- hostile text

_fragment = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20),
    st.sampled_from([
        "\n", "|", " | ", "\u00a0", "1 ", "12", "3represented", "- 2 -", "-2-", "LRB094 07564 RXD 37732 b",
        "LRB9215491JSpcA", "HB1633 Enrolled", "10200SB0731sam002", "Public Act 094-0036", "(815 ILCS 530/10)",
        "Sec. 10.", "(Source: P.A. 94-36.)", "AN ACT", "text,chapter\n", '"', "Amends the Act.", "\t",
    ]),
)
hostile = st.lists(_fragment, min_size=1, max_size=40).map("".join)


@settings(max_examples=150, deadline=None)
@given(hostile, st.sampled_from([None, *[name for name in RENDERINGS if name != "html"]]))
def test_any_text_reads_or_fails_with_a_statdiff_error(text, format):
    try:
        result = read_text(text, format=format)
    except StatdiffError as error:
        assert "\n" not in str(error)
        return
    for line in result.lines:
        assert line.text and line.text == " ".join(line.text.split())
        assert "\u00a0" not in line.text


# ---------------------------------------------------------------- flattened Acts

_act_word = st.one_of(
    st.from_regex(r"[a-z]{1,9}[,.;:]?", fullmatch=True),
    st.sampled_from(["Act.", "Law.", "(a)", "(1)", "this", "Sec.", "1943.", '"Board"', "means", "Section", "5."]),
)
_act_name = st.tuples(
    st.lists(st.from_regex(r"[A-Z][a-z]{1,8}", fullmatch=True), min_size=1, max_size=5),
    st.sampled_from(["Act.", "Law of 1943.", "Code."]),
).map(lambda parts: " ".join([*parts[0], parts[1]]))


@st.composite
def flattened_acts(draw):
    """An Act's sections (citation, `Sec. N.`, words, Source note) with the
    heading, the script and (sometimes) the disclaimer put in around them."""
    number = draw(st.integers(1, 999))
    body = []
    for section in range(1, draw(st.integers(1, 4)) + 1):
        words = draw(st.lists(_act_word, min_size=1, max_size=30))
        body += ["(620", "ILCS", f"{number}/{section})", "Sec.", f"{section}.", *words, "(Source:", "P.A.", "81-1509.)"]
    script_at = draw(st.sampled_from([None, "middle", "end"]))
    pieces = list(body)
    if script_at == "middle":
        cut = draw(st.sampled_from([i for i, word in enumerate(body) if word == "(620"]))
        pieces = body[:cut] + [SITE_SCRIPT] + body[cut:]
    elif script_at == "end":
        pieces = body + [SITE_SCRIPT]
    heading = f"(620 ILCS {number}/) {draw(_act_name)}"
    prefix = [heading, "Illinois Compiled Statutes (ILCS) Updating the database of the Illinois Compiled Statutes "
              "(ILCS) is an ongoing process. Recent laws may not yet be included in the ILCS database, but they "
              "are found on this site as Public Acts soon after they become law. For information concerning the "
              "relationship between statutes and Public Acts, refer to the Guide."] if draw(st.booleans()) else [heading]
    return " ".join(prefix + pieces), body, section


@settings(max_examples=60, deadline=None)
@given(flattened_acts())
def test_a_flattened_act_loses_no_word_of_its_body(act):
    import csv
    import io

    text, body, sections = act
    sheet = io.StringIO()
    csv.writer(sheet).writerows([["act", "text"], ["620 ILCS x/", text]])
    for source in (sheet.getvalue(), text):
        result = read_text(source, format="ilcs-csv")
        assert [word for line in result.lines for word in line.text.split()] == body
        assert sum(line.text.startswith("(620 ILCS") for line in result.lines) == sections


# ---------------------------------------------------------------- shared header parts and cuts

_LRB_FORMS = ["LRB094 07564 RXD 37732 b", "LRB9215491JSpcA", "OMB103 00152 NHB 45152 b", "LRB102 17247 KTG 24999 a"]


@pytest.mark.parametrize("lrb", _LRB_FORMS)
def test_every_rendering_knows_an_lrb_number_as_a_running_header(lrb):
    from statdiff.read import flat, pdftext, pipes, publicact
    from statdiff.read.common import PUBLIC_ACT_HEADER, RUNNING_HEADER, is_running_header

    assert is_running_header(f"HB1633 Enrolled - 2 - {lrb}")
    assert [(piece.text, piece.page) for piece in pipes.cell_pieces(f"| | HB1633 | - 2 - | {lrb} |") if piece.header] == [
        ("HB1633", None), ("- 2 -", 2), (lrb, None)
    ]
    glued = pdftext.read(f"the Board SB2522 Enrolled -2- {lrb} shall", "pdf.txt")
    assert [(drop.rule, drop.text) for drop in glued.dropped] == [(RUNNING_HEADER, f"SB2522 Enrolled -2- {lrb}")]
    public_act = publicact.read(f"Public Act 094-0036 HB1633 Enrolled {lrb}\nAN ACT concerning finance.", "pa.txt")
    assert [(drop.rule, drop.text) for drop in public_act.dropped] == [
        (PUBLIC_ACT_HEADER, f"Public Act 094-0036 HB1633 Enrolled {lrb}")
    ]
    headers = [(piece.text, piece.page) for piece in flat.word_pieces(f"5 the Board -12- {lrb} 1 shall") if piece.header]
    assert headers == [(f"-12- {lrb}", 12)]


def test_the_flat_ftp_document_id_before_the_lrb_number_is_the_header_s_and_names_the_document():
    from statdiff.read import flat

    text = "093_SB0404sam001 LRB093 09317 BDD 14050 a 1 AMENDMENT TO SENATE BILL 404 2 AMENDMENT NO. . Amend"
    pieces = flat.word_pieces(text)
    assert pieces[0].text == "093_SB0404sam001 LRB093 09317 BDD 14050 a" and pieces[0].header
    result = flat.read(text, "x")
    assert (result.identity.bill, result.identity.amendment, result.identity.general_assembly) == ("SB0404", "sam001", 93)


def test_a_page_marker_with_spaces_is_a_header_only_where_the_rendering_prints_one():
    from statdiff.read import flat

    # the 93rd GA ftp pages print `-2-`: a loose `- 2 -` stays words of the text
    pieces = flat.word_pieces("4 - 2 - LRB093 09317 BDD 14050 a")
    assert [piece.text for piece in pieces if piece.header] == ["LRB093 09317 BDD 14050 a"]
    assert [piece.text for piece in pieces if not piece.header] == ["4", "-", "2", "-"]


_flat_words = st.sampled_from(
    ["Section", "5.", "Sec.", "10.", "ARTICLE", "2.", "(a)", "(iv)", "(12)", '"Board"', "means", "The", "the",
     "(Source:", "P.A.", "94-36.)", "(815", "ILCS", "530/5)", "Be", "it", "enacted", "by", "People", "SHORT",
     "TITLE", "board.", "act:", "(Text", "of", "Section", "new)", "includes"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_flat_words, max_size=40), st.sampled_from(["", " ", "\n\t ", "\u00a0" * 3]))
def test_cutting_loses_no_word_and_every_cut_opens_a_unit(words, margin):
    from statdiff.read.common import split_flat

    raw = margin.join(["", *words, "end", ""])
    parts = split_flat(raw)
    assert " ".join(parts).split() == raw.split()
    openings = ("(", "Sec.", "ARTICLE", "Be", "Section", '"')
    assert all(part.startswith(openings) for part in parts[1:]), parts


def test_the_cutter_cuts_before_each_kind_of_line_start_whatever_the_whitespace():
    from statdiff.read.common import normalize, split_flat, split_normalized

    text = (
        "AN ACT concerning finance. Be it enacted by the People of the State. ARTICLE 1. SHORT TITLE "
        "Section 1. Short title. (815 ILCS 530/5) Sec. 5. Definitions. \"Board\" means the Board: "
        "(a) The Board. (Source: P.A. 94-36.)"
    )
    expected = [
        "AN ACT concerning finance.",
        "Be it enacted by the People of the State.",
        "ARTICLE 1. SHORT TITLE",
        "Section 1. Short title.",
        "(815 ILCS 530/5)",
        "Sec. 5. Definitions.",
        "\"Board\" means the Board:",
        "(a) The Board.",
        "(Source: P.A. 94-36.)",
    ]
    assert split_flat(text.replace(") ", ")\n\t").replace("State. ", "State.\n")) == expected
    assert split_normalized(normalize(text)) == expected


def test_a_meta_charset_after_a_comment_is_honoured():
    from statdiff.read.decode import decode_bytes

    cyrillic = "Закон"
    declared = b'<!-- saved --><HTML><HEAD><META charset="windows-1251"></HEAD><BODY>' + cyrillic.encode("cp1251")
    assert decode_bytes(declared, "page.html").endswith(cyrillic)
    undeclared = b"<html><head><title>x</title></head><body>" + "\u00a7 5".encode("cp1252")
    assert decode_bytes(undeclared, "page.html").endswith("\u00a7 5")  # no declaration: decided from the bytes


@pytest.mark.parametrize(
    "text, rendering",
    [
        ("<!DOCTYPE html><html><body>1 AN ACT\n2 concerning\n3 finance.</body></html>", "html"),
        ("act,text\n620 ILCS 5/,(620 ILCS 5/1) Sec. 1. <p>x</p>", "html"),
        ("act,text\n620 ILCS 5/,(620 ILCS 5/1) Sec. 1. Short title.", "ilcs-csv"),
    ],
)
def test_html_is_detected_from_its_document_start_or_its_markup(text, rendering):
    from statdiff.read.detect import detect

    assert detect(text) == rendering


# ------------------------------------------------------------ an ILCS page's first statute mark


def _first_mark_in_the_whole(text: str):
    from statdiff.read.common import normalize
    from statdiff.read.compiled import _FIRST_MARK

    return _FIRST_MARK.search(normalize(text))


@pytest.mark.parametrize("chrome_characters", [100, 60_000, 64_800, 65_500, 65_536, 66_000, 120_000])
def test_the_first_statute_mark_found_in_the_head_is_the_whole_pages(chrome_characters):
    """A long page's first statute mark is looked for in its normalised head first: wherever the
    mark falls (near the start, just before the head's end, across it, after it), it is the one
    the whole normalised page gives."""
    from statdiff.read.compiled import _HEAD, _first_statute_mark

    chrome = " ".join(["Illinois\u00a0 General\t Assembly"] * (chrome_characters // 30))
    body = "(10 ILCS 5/1-1) (from Ch. 46, par. 1-1)\n    Sec. 1-1. Short title. This Act may be cited.\n" * 3000
    text = chrome + "\n" + body
    assert len(text) > _HEAD
    found, whole = _first_statute_mark(text), _first_mark_in_the_whole(text)
    assert found is not None and whole is not None
    assert (found.group(0), found.start()) == (whole.group(0), whole.start())


def test_a_statute_mark_is_shorter_than_the_heads_margin():
    """The head's margin holds only while no statute mark can be longer than it."""
    import re._parser

    from statdiff.read.compiled import _FIRST_MARK, _HEAD_MARGIN

    assert re._parser.parse(_FIRST_MARK.pattern).getwidth()[1] + 1 < _HEAD_MARGIN


def test_a_long_page_with_no_statute_mark_is_read_as_the_whole_page_says():
    from statdiff.read.compiled import _first_statute_mark

    text = "Illinois Compiled Statutes " + "word " * 40_000
    assert _first_statute_mark(text) is None and _first_mark_in_the_whole(text) is None
