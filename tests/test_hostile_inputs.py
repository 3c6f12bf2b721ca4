"""Real texts as real users' tools hand them over: copied from a browser or Word, saved by
another program, extracted from a PDF. Each transformation that leaves the words as they were
must compare as no change; each that loses something must say so."""

from __future__ import annotations

import html
from pathlib import Path

from click.testing import CliRunner

from statdiff import cli

ROOT = Path(__file__).resolve().parent.parent
LAW = ROOT / "statutes" / "pipa" / "815ILCS530_through_PA094-0947.txt"


def diff(old: Path, new: Path):
    return CliRunner().invoke(cli.main, ["diff", str(old), str(new)])


def test_bidi_marks_copied_with_the_text_are_no_change(tmp_path):
    """Text copied from a browser, Word or Outlook carries left-to-right and right-to-left marks
    (U+200E, U+200F) that print nothing; as text, or as the `&lrm;` of an HTML page."""
    text = LAW.read_text(encoding="utf-8")
    marked = tmp_path / "marked.txt"
    marked.write_text(text.replace("Act.", "Act.\u200e").replace("breach", "\u200fbreach"), encoding="utf-8")
    result = diff(LAW, marked)
    assert (result.exit_code, result.output) == (0, "")

    def page(body: str) -> str:
        return "<html><body>" + "".join(f"<p>{line}</p>\n" for line in body.splitlines() if line.strip()) + "</body></html>"

    plain, with_marks = tmp_path / "plain.html", tmp_path / "marks.html"
    plain.write_text(page(html.escape(text)), encoding="utf-8")
    with_marks.write_text(page(html.escape(text).replace("Act.", "Act.&lrm;").replace("notice", "&rlm;notice")),
                          encoding="utf-8")
    result = diff(plain, with_marks)
    assert (result.exit_code, result.output) == (0, "")


# ---------------------------------------------------------------- text extracted from a PDF

PDFTEXT = ROOT / "tests" / "fixtures" / "pdftext"
PRINTING = ROOT / "statutes" / "pipa" / "09500HB0605_introduced_full.txt"


def printed_lines(path: Path) -> list[tuple[int | None, int | None, str]]:
    from statdiff.read import read_path

    return [(line.page, line.line, line.text) for line in read_path(path).lines]


def test_a_pdf_whose_line_numbers_are_a_column_reads_each_line_at_its_page_and_line():
    """`pdftotext` in its default order prints a page's column of line numbers, then its
    lines, unnumbered: every line of a page was read as its last line (a change on line 8
    cited 1:23). Each number is its line's, as in the printing the PDF was made from."""
    assert printed_lines(PDFTEXT / "HB0605_pdftotext.txt") == printed_lines(PRINTING)
    assert printed_lines(PDFTEXT / "HB0605_pdftotext_layout.txt") == printed_lines(PRINTING)
    raw = printed_lines(PDFTEXT / "HB0605_pdftotext_raw.txt")
    assert [(page, line) for page, line, _ in raw] == [(page, line) for page, line, _ in printed_lines(PRINTING)]


def test_the_pdf_text_compares_with_its_printing_as_no_change_and_its_audit_holds(tmp_path):
    result = diff(PRINTING, PDFTEXT / "HB0605_pdftotext.txt")
    assert (result.exit_code, result.output) == (0, "")
    audit = CliRunner().invoke(cli.main, ["parse", "--audit", str(PDFTEXT / "HB0605_pdftotext.txt")])
    assert audit.exit_code == 0 and "every word accounted for" in audit.output
    edited = tmp_path / "edited.txt"
    edited.write_text((PDFTEXT / "HB0605_pdftotext.txt").read_text().replace("any purpose,", "any lawful purpose,"))
    result = diff(PRINTING, edited)
    assert result.exit_code == 1 and '"Data Collector" 1:8-13' in result.output


def test_an_initialism_pdftotext_raw_split_across_lines_is_one_word_again(tmp_path):
    """`pdftotext -raw` ends a line inside `P.A.` where the font's kerning leaves a gap
    (`16 (Source: P` / `.A. 94-36, eff. 1-1-06.)`): both Source notes of HB0605 read `P .A.` and
    compared as `source` changes against the plain printing. Joined where a line ends with a
    capital alone and the next opens with an initialism's rest; each word at its page:line; the
    audit, checking the source, lists each join and still accounts for every word."""
    raw = PDFTEXT / "HB0605_pdftotext_raw.txt"
    assert "(Source: P\n.A. 94-36" in raw.read_text(encoding="utf-8")
    assert printed_lines(raw) == printed_lines(PRINTING)
    result = diff(PRINTING, raw)
    assert (result.exit_code, result.output) == (0, "")
    audit = CliRunner().invoke(cli.main, ["parse", "--audit", str(raw)])
    assert audit.exit_code == 0 and "every word accounted for" in audit.output
    assert "split token rejoined: 2" in audit.output
    assert "  2:16      P + .A. -> P.A." in audit.output and "  4:21      P + .A. -> P.A." in audit.output
    # a Public Act's PDF (no line numbers, its page numbers in the footer): the same split joined
    footer = (PDFTEXT / "HB0605_footer_pdftotext.txt").read_text(encoding="utf-8")
    split = tmp_path / "footer_raw.txt"
    split.write_text(footer.replace("(Source: P.A.", "(Source: P\n.A."), encoding="utf-8")
    assert footer.count("(Source: P.A.") == 2
    result = diff(PRINTING, split)
    assert (result.exit_code, result.output) == (0, "")
    audit = CliRunner().invoke(cli.main, ["parse", "--audit", str(split)])
    assert audit.exit_code == 0 and "split token rejoined: 2" in audit.output
    # an ILCS Act's PDF (its page numbers in the footer): its three Source notes
    act = (PDFTEXT / "815ILCS530_footer_pdftotext.txt").read_text(encoding="utf-8")
    assert act.count("(Source: P.A.") == 3
    split_act = tmp_path / "act_raw.txt"
    split_act.write_text(act.replace("(Source: P.A.", "(Source: P\n.A."), encoding="utf-8")
    result = diff(LAW, split_act)
    assert (result.exit_code, result.output) == (0, "")
    audit = CliRunner().invoke(cli.main, ["parse", "--audit", str(split_act)])
    assert audit.exit_code == 0 and "every word accounted for" in audit.output and "split token rejoined: 3" in audit.output


def test_only_an_initialisms_rest_opening_a_line_is_joined_to_the_line_before():
    from statdiff.read.splits import joins_across_lines, merged_lines

    assert joins_across_lines("16 (Source: P", ".A. 94-36, eff. 1-1-06.)")
    assert joins_across_lines("under 42 U", ".S.C. 1983")
    assert joins_across_lines("(P", ".A. 95-876)")
    assert not joins_across_lines("Schedule P.", "A. The holder")  # a sentence may end there
    assert not joins_across_lines("Schedule AP", ".A. 94-36")  # `AP` is no initial alone
    assert not joins_across_lines("of Appendix P", ".Applies")  # no initialism opens the line
    assert not joins_across_lines("of the non-", "forwardable")
    assert merged_lines(["(Source: P", ".A. 94-36.)", "(815 ILCS 530/10)"]) == ["(Source: P.A. 94-36.)", "(815 ILCS 530/10)"]


def test_the_audit_accepts_a_joined_boundary_only_at_a_line_break_by_the_rule():
    """The audit checks the source: `P .A.` printed on one line, or any other two words, read
    as one token is a problem; `P` / `.A.` across a line break is listed as rejoined."""
    from statdiff.model import Position, Word
    from statdiff.read.audit import audit

    def words(*texts: str) -> list[Word]:
        return [Word(text, Position(1, 3)) for text in texts]

    across = audit("(Source: P\n.A. 94-36.)", words("(Source:", "P.A.", "94-36.)"), [])
    assert across.ok and [(join["pieces"], join["text"], join["page"], join["line"]) for join in across.rejoined] == [
        (["P", ".A."], "P.A.", 1, 3)]
    assert "rejoined" in across.to_json()
    on_one_line = audit("(Source: P .A. 94-36.)", words("(Source:", "P.A.", "94-36.)"), [])
    assert not on_one_line.ok and not on_one_line.rejoined
    other_words = audit("the data\ncollector", words("the", "datacollector"), [])
    assert not other_words.ok and "rejoined" not in other_words.to_json()


def numbered(text: str) -> list[tuple[int | None, int | None, str]]:
    from statdiff.read.numbering import number_lines
    from statdiff.read.numbered import physical_pieces

    return [(line.page, line.line, line.text) for line in number_lines(physical_pieces(text)).lines]


def test_a_column_is_paired_only_with_as_many_unnumbered_lines():
    column = "1\n2\n3\n\nAN ACT concerning fraud.\nBe it enacted by the People\nof the State of Illinois:\n"
    assert numbered(column) == [(1, 1, "AN ACT concerning fraud."), (1, 2, "Be it enacted by the People"),
                                (1, 3, "of the State of Illinois:")]
    # a line short (the extraction merged two): nothing is paired, no line gets another's number
    merged = "1\n2\n3\n\nAN ACT concerning fraud.\nBe it enacted by the People of the State of Illinois:\n"
    assert [line for _, line, _ in numbered(merged)] == [3]
    # blank numbered lines before numbered lines are a printing's own numbering, not a column
    printing = "1 AN ACT concerning fraud.\n2\n3\n4 Be it enacted\n5 by the People:\n6\n"
    assert numbered(printing) == [(1, 1, "AN ACT concerning fraud."), (1, 4, "Be it enacted"), (1, 5, "by the People:")]


WHOLE_ACTS = ROOT.parent / "shared" / "corpus" / "ilcs-whole-acts"


def test_a_whole_act_wrapped_again_at_its_hyphens_compares_as_no_change(tmp_path):
    """A PDF (or a page re-wrapped to a narrower width) breaks a line after a compound's hyphen,
    `non-` at its end, `forwardable` opening the next: read as words, `non- forwardable`. The
    Election Code's first 150 KB re-wrapped at 40 characters, as `textwrap` (and a PDF) breaks
    lines, after hyphens too: dozens of phantom changes (`[-dual-purpose-]{+dual- purpose+}`),
    now none."""
    import textwrap

    import pytest

    code = WHOLE_ACTS / "10ILCS5_ElectionCode.txt"
    if not code.exists():
        pytest.skip(f"{code} is absent (../shared holds the whole Acts, which stay out of the repository)")
    text = code.read_text(encoding="utf-8")[:150_000]
    text = text[: text.index("\n", text.rindex("(Source:")) + 1]  # whole Sections only
    old, new = tmp_path / "code.txt", tmp_path / "wrapped.txt"
    old.write_text(text, encoding="utf-8")
    wrapped = ["\n".join(textwrap.wrap(line, 40, break_long_words=False)) for line in text.split("\n")]
    assert any(line.endswith("-") and line[-2].isalpha() for part in wrapped for line in part.split("\n"))
    new.write_text("\n".join(wrapped), encoding="utf-8")
    result = CliRunner().invoke(cli.main, ["diff", "--stat", "--jobs", "1", str(old), str(new)])
    assert (result.exit_code, result.output) == (0, "")


def test_a_source_note_glued_to_the_sentence_before_it_stays_a_note_when_wrapped_after_its_first_word(tmp_path):
    """ilga.gov's scrape glues a Source note to the sentence before it
    (`...Section 22-18.(Source: P.A. 100-1027, eff. 1-1-19.)`); re-wrapped, `(Source:` may end
    its line with the rest on the next. It was read as words of the Section, and the text after
    it as that Section's (7 phantom changes in the Election Code re-wrapped at 40 columns)."""
    page = (ROOT / "statutes" / "pipa" / "815ILCS530_through_PA094-0947.txt").read_text(encoding="utf-8")
    sentence = "the Personal Information Protection Act.\n(Source: P.A. 94-36, eff. 1-1-06.)"
    assert page.count(sentence) == 1
    glued = page.replace(sentence, sentence.replace("\n", ""))
    broken = page.replace(sentence, sentence.replace("\n(Source: ", "(Source:\n"))
    files = {}
    for name, text in (("page", page), ("glued", glued), ("broken", broken)):
        files[name] = tmp_path / f"{name}.txt"
        files[name].write_text(text, encoding="utf-8")
    for name in ("glued", "broken"):
        result = diff(files["page"], files[name])
        assert (name, result.exit_code, result.output) == (name, 0, "")
    tree = CliRunner().invoke(cli.main, ["parse", str(files["broken"])])
    assert "(Source: P.A. 94-36, eff. 1-1-06.)" in tree.output


def test_page_numbers_in_a_pdfs_footer_are_no_words_of_the_law():
    """A PDF printed without line numbers (a Public Act) has its page number in the footer:
    extracted, alone on a line before the next page's header, it read as law no one wrote
    (`... if the personal {+2+} information was ...`). Dropped as page numbers, named by the audit."""
    footer = PDFTEXT / "HB0605_footer_pdftotext.txt"
    result = diff(PRINTING, footer)
    assert (result.exit_code, result.output) == (0, "")
    audit = CliRunner().invoke(cli.main, ["parse", "--audit", str(footer)])
    assert audit.exit_code == 0 and "page number: 4 dropped (4 words)" in audit.output


RUN_TOGETHER = """Public Act 102-0016
Total Page:16
Public Act 102-0016 SB2017 Enrolled LRB102 16155 CPF 22006 b
AN ACT concerning State government.
Be it enacted by the People of the State of Illinois,
represented in the General Assembly:
Section 1-1. Short title. This Act may be cited as the
FY2022 Budget Implementation Act.
1
Public Act 102-0016 SB2017 Enrolled LRB102 16155 CPF 22006 b
Section 1-5. Purpose. It is the purpose of this Act to implement
the State budget for Fiscal Year 2022 and
2
Public Act 102-0016 SB2017 Enrolled LRB102 16155 CPF 22006 b
to make changes in 20 State programs.
3
"""


def test_the_pdf_text_reader_drops_page_numbers_beside_its_headers():
    from statdiff.read import read_text

    for format in ("pdf-text", "public-act"):
        result = read_text(RUN_TOGETHER, format=format)
        words = " ".join(line.text for line in result.lines).split()
        assert "1" not in words and "2" not in words and "3" not in words and "20" in words, format
        assert [drop.text for drop in result.dropped if drop.rule == "page number"] == ["1", "2", "3"], format
    # numbers that do not count the pages are words
    kept = read_text(RUN_TOGETHER.replace("\n2\n", "\n7\n").replace("\n3\n", "\n9\n"), format="pdf-text")
    assert not [drop for drop in kept.dropped if drop.rule == "page number"]


def test_an_acts_page_numbers_in_a_pdfs_footer_are_no_words_of_it(tmp_path):
    """An ILCS Act printed to PDF with page numbers alone in the footer and no running header:
    `Article {+1+} IV of the Constitution` before; dropped now, where they count the pages at
    least a page's worth of lines apart (a short last page ending the text aside)."""
    act = ROOT / "statutes" / "pipa" / "815ILCS530_through_PA094-0947.txt"
    footer = PDFTEXT / "815ILCS530_footer_pdftotext.txt"
    result = diff(act, footer)
    assert (result.exit_code, result.output) == (0, "")
    audit = CliRunner().invoke(cli.main, ["parse", "--audit", str(footer)])
    assert audit.exit_code == 0 and "page number: 3 dropped (3 words)" in audit.output


def test_numbers_alone_on_lines_that_do_not_count_pages_stay_words():
    from statdiff.read.page_numbers import MIN_PAGE_LINES, footer_page_numbers, page_number_lines

    def footer(lines: list[str]) -> set[int]:
        return footer_page_numbers(lines, page_number_lines("\n".join(lines))[0])

    assert footer(["Sec. 1. Votes cast:", "1", "2", "3", "for each candidate."]) == set()  # a list, not pages
    page = ["a line of the Act"] * MIN_PAGE_LINES
    assert footer(page + ["1"] + page + ["2"] + ["last page"]) == {MIN_PAGE_LINES, 2 * MIN_PAGE_LINES + 1}
    assert footer(page + ["100"] + page + [" 70"] + page + ["150"]) == set()  # a tally
    code = WHOLE_ACTS / "10ILCS5_ElectionCode.txt"
    if code.exists():  # its tally sheets print numbers alone on lines: none is taken for a page's
        from statdiff.read import read_path

        assert not [drop for drop in read_path(code).dropped if drop.rule == "page number"]


def test_a_copy_saved_from_word_with_curly_quotes_is_no_change(tmp_path):
    """Word curls quotation marks and apostrophes (`“Data Collector”`, `Driver’s`) and saves
    Windows-1252: the same words as ilga.gov's straight ones, never a change; a changed word
    among them still is."""
    text = LAW.read_text(encoding="utf-8")
    curled = text.replace("'", "\u2019")
    for quoted in ('"Data Collector"', '"Personal information"', '"Breach of the security of the system data"'):
        curled = curled.replace(quoted, "\u201c" + quoted[1:-1] + "\u201d")
    assert curled != text
    word = tmp_path / "from_word.txt"
    word.write_bytes(curled.encode("cp1252"))
    result = diff(LAW, word)
    assert (result.exit_code, result.output) == (0, "")
    word.write_bytes(curled.replace("first name", "full name").encode("cp1252"))
    result = diff(LAW, word)
    assert result.exit_code == 1 and "[-first-]{+full+}" in result.output


def test_a_browsers_printed_date_title_address_and_page_count_are_no_words_of_an_act(tmp_path):
    """An ILCS page printed from a browser to PDF: its date, title, address and `1/3` at every
    page break, which `pdftotext` puts between the Act's lines; they read as inserted law."""
    act = ROOT / "statutes" / "pipa" / "815ILCS530_through_PA094-0947.txt"
    lines = act.read_text(encoding="utf-8").split("\n")
    pages = [lines[start:start + 25] for start in range(0, len(lines), 25)]
    printed = []
    for number, page in enumerate(pages, 1):
        printed += ["11/30/26, 10:45 AM", "", "Illinois Compiled Statutes - 815 ILCS 530", "", *page,
                    "https://www.ilga.gov/legislation/ilcs/ilcs3.asp?ActID=2702", "", f"{number}/{len(pages)}", "\f"]
    copy = tmp_path / "printed.txt"
    copy.write_text("\n".join(printed), encoding="utf-8")
    result = diff(act, copy)
    assert (result.exit_code, result.output) == (0, "")


def test_a_pdf_that_chromium_may_take_minutes_to_print_is_said_before_the_wait(tmp_path, monkeypatch):
    """Chromium printed 9,865 changes of the Election Code in seven minutes, without a sign:
    over `SLOW_TO_PRINT` changes the user is told first, and of the formats written in seconds."""
    import pytest

    from statdiff.render import pdf

    if not pdf.CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium")
    pytest.importorskip("playwright.sync_api", reason="playwright for Python (statdiff[pdf]) is not installed")
    new = ROOT / "statutes" / "pipa" / "09500HB0605_introduced_full.txt"
    monkeypatch.setattr(pdf, "SLOW_TO_PRINT", 6)
    result = CliRunner().invoke(cli.main, ["redline", "--jobs", "1", str(LAW), str(new), "-o", str(tmp_path / "r.pdf")])
    assert result.exit_code == 1 and (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF-")
    assert ("statdiff: warning: a PDF of 7 changes runs to hundreds of pages or more and Chromium may take minutes to print "
            "it (HTML, Word and CSV are written in seconds)") in result.stderr
    monkeypatch.setattr(pdf, "SLOW_TO_PRINT", 7)
    result = CliRunner().invoke(cli.main, ["redline", "--jobs", "1", str(LAW), str(new), "-o", str(tmp_path / "s.pdf")])
    assert "warning" not in result.stderr
    enacted = ROOT / "statutes" / "pipa" / "815ILCS530_as_enacted_PA094-0036.txt"
    result = CliRunner().invoke(cli.main, ["history", str(enacted), str(LAW), str(new), "-o", str(tmp_path / "h.pdf")])
    assert "statdiff: warning: a PDF of 10 changes runs to hundreds of pages" in result.stderr  # a history's too
