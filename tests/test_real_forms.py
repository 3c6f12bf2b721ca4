"""Real Illinois texts of forms statdiff did not read yet, each kept in `statutes/fragments/`
(`SOURCES.md`, "Forms of measure read by a general rule"): rival bills, constitutional
amendments, conference committee reports, resolutions and appropriations. Each test names
the general rule it holds, and fails without it."""

from __future__ import annotations

from pathlib import Path

from statdiff import pipeline
from statdiff.model import Mode, Status
from statdiff.read import read_text

FRAGMENTS = Path(__file__).resolve().parent.parent / "statutes" / "fragments"


def _diff(old: str, new: str):
    return pipeline.diff_files(FRAGMENTS / old, FRAGMENTS / new)


def _statuses(comparison) -> dict[str, Status]:
    return {section.path: section.status for section in comparison.sections}


# ------------------------------------------------------------------ rival bills

CREATES_PIPA = "09400SB1798_introduced_ftp_PARTIAL.txt"  # SB1798: "Creates the Personal Information Protection Act"
AMENDS_PIPA = "09400HB4253_introduced_ftp_PARTIAL.txt"  # HB4253: "The Personal Information Protection Act is amended"


def test_two_rival_bills_one_creating_an_act_the_other_amending_it_are_compared_as_texts_with_one_warning():
    # SB1798's Sections 1 and 5 are a proposal, not the Act in force: HB4253 not restating
    # them does not make them "unchanged" law (amendment mode said so, in silence)
    for old, new in ((CREATES_PIPA, AMENDS_PIPA), (AMENDS_PIPA, CREATES_PIPA)):
        diffed = _diff(old, new)
        comparison = diffed.comparison
        assert comparison.mode == Mode.VERSIONS
        assert Status.NOT_RESTATED not in _statuses(comparison).values()
        notes = [warning for warning in diffed.warnings if "different bills" in warning]
        assert len(notes) == 1, diffed.warnings
        assert "HB4253 (94th GA)" in notes[0] and "SB1798 (94th GA)" in notes[0]


def test_rival_bills_pair_the_acts_own_section_never_with_the_other_bills_amendatory_instruction():
    # `Section 5. Definitions.` (an Act's own Section) and `Section 5. The ... Act is amended
    # ...` (a bill section) share the path `Section 5` and nothing else
    sections = _diff(CREATES_PIPA, AMENDS_PIPA).comparison.sections
    fives = [section for section in sections if section.path == "Section 5"]
    assert [(section.status, section.old is not None, section.new is not None) for section in fives] == [
        (Status.REMOVED, True, False),  # SB1798's Definitions: HB4253 does not print it
        (Status.ADDED, False, True),  # HB4253's instruction: SB1798 prints none
    ]
    assert fives[0].old.meta.heading == "Definitions."


def test_a_bill_amending_an_act_against_the_act_as_passed_stays_an_amendment_comparison():
    # the Act's text (an ILCS page, a Public Act, an enrolled bill) is the law the bill amends
    for passed in ("PA094-0036_ilga_publicact_fulltext_PARTIAL.txt", "09400HB1633enr_PARTIAL.txt"):
        diffed = _diff(passed, AMENDS_PIPA)
        assert diffed.comparison.mode == Mode.AMENDMENT, passed
        assert not [warning for warning in diffed.warnings if "different bills" in warning]
        assert Status.NOT_RESTATED in _statuses(diffed.comparison).values()


def test_two_printings_of_one_bill_are_never_called_rival_bills():
    diffed = _diff("09400HB4253_introduced_lv_PARTIAL.txt", AMENDS_PIPA)
    assert not [warning for warning in diffed.warnings if "different bills" in warning]


# ------------------------------------------------------------------ constitutional amendments


def _built(text: str, name: str):
    return pipeline.build(read_text(text, name=name))


def _tree(name: str):
    return pipeline.read_file(FRAGMENTS / name)


def _sections(document) -> dict[str, object]:
    return {node.path: node for node in document.root.walk() if node.kind == "section"}


def test_a_constitutional_amendment_reads_each_restated_constitution_section_under_its_article():
    # `ARTICLE IV` / `(ILCON Art. IV, Sec. 8)` / `SECTION 8. PASSAGE OF BILLS` / `(a) ...`, in
    # every rendering: the Section is cited as the Constitution cites it, its subsections in it
    for name in ("10100HC0032_hjrca_ftp_PARTIAL.txt", "10200HC0029_hjrca_fulltext_PARTIAL.txt",
                 "910HC0021_91stGA_legisnet_hjrca_PARTIAL.txt"):
        sections = _sections(_tree(name))
        section = sections["ILCON Art. IV, Sec. 8"]
        assert section.meta.number == "8" and section.meta.heading == "PASSAGE OF BILLS", name
        assert section.meta.act == "ILCON Art. IV"
        enumerated = [child.path for child in section.children if child.kind == "subsection"]
        assert enumerated[:3] == ["ILCON Art. IV, Sec. 8(a)", "ILCON Art. IV, Sec. 8(b)", "ILCON Art. IV, Sec. 8(c)"]


def test_a_flattened_constitutional_amendment_opens_a_subsection_after_a_heading_in_capitals():
    # `SECTION 1. LEGISLATURE - POWER AND STRUCTURE (a) Except as provided ...` on one line:
    # a heading in capitals has no closing stop, and `(a)` still opens the Section's first subsection
    sections = _sections(_tree("09300SC0012_sjrca_ftp_flat_PARTIAL.txt"))
    assert list(sections) == ["ILCON Art. IV, Sec. 1", "ILCON Art. IV, Sec. 8"]
    first = sections["ILCON Art. IV, Sec. 1"]
    assert first.meta.heading == "LEGISLATURE - POWER AND STRUCTURE"
    assert [child.path for child in first.children if child.kind == "subsection"] == [
        "ILCON Art. IV, Sec. 1(a)", "ILCON Art. IV, Sec. 1(b)"]
    assert first.meta.source_note.startswith("(Source: Amendment adopted at general election")


def test_two_constitutional_amendments_pair_by_article_and_section_and_cite_the_change_there():
    comparison = _diff("910HC0021_91stGA_legisnet_hjrca_PARTIAL.txt", "10100HC0032_hjrca_ftp_PARTIAL.txt").comparison
    changed = [section for section in comparison.sections if section.path == "ILCON Art. IV, Sec. 8"]
    assert len(changed) == 1 and changed[0].old is not None and changed[0].new is not None
    cited = {change.new_path or change.old_path for change in changed[0].changes}
    assert cited == {"ILCON Art. IV, Sec. 8(d)"}
    words = " ".join(change.new_text or "" for change in changed[0].changes)
    assert "An amendment to a" in words


# ------------------------------------------------------------------ conference committee reports

REPORTS = {  # file -> (bill, General Assembly, report code)
    "910SB0441ccr001_91stGA_legisnet_PARTIAL.txt": ("SB0441", 91, "ccr001"),
    "920HB5375ccr001_92ndGA_legisnet_SRS_PARTIAL.txt": ("HB5375", 92, "ccr001"),
    "900SB1674ccr001_90thGA_legisnet_PARTIAL.txt": ("SB1674", 90, "ccr001"),
    "910SB0648ccr001_91stGA_legisnet_PARTIAL.txt": ("SB0648", 91, "ccr001"),
    "910HB1134ccr001_91stGA_beta_flat_COMPLETE.txt": ("HB1134", 91, "ccr001"),
}


def test_a_conference_committee_report_says_which_bill_assembly_and_report_it_is():
    from statdiff.read.identity import identity_of

    for name, (bill, assembly, code) in REPORTS.items():
        identity = _tree(name).identity
        assert (identity.bill, identity.general_assembly, identity.amendment, identity.version) == (
            bill, assembly, code, "conference report"), name
        # the same from its ILGA document name alone
        named = identity_of(_built("AN ACT.\n", name=name))
        assert (named.bill, named.general_assembly, named.amendment) == (bill, assembly, code), name


def test_a_conference_report_without_its_header_is_named_by_its_printed_heading():
    # the report's body alone (a copy that lost the page's header, its document name and LRB
    # number): `FIRST CONFERENCE COMMITTEE REPORT` / `ON SENATE BILL 441` still names it
    text = (FRAGMENTS / "910SB0441ccr001_91stGA_legisnet_PARTIAL.txt").read_text()
    body = text[text.index(" 1  "):]
    identity = _built(body, "report.txt").identity
    assert (identity.bill, identity.amendment, identity.version) == ("SB0441", "ccr001", "conference report")
    second = body.replace("FIRST CONFERENCE", "SECOND CONFERENCE")
    assert _built(second, "report.txt").identity.amendment == "ccr002"


def test_a_conference_reports_instructions_are_never_silently_taken_as_applied():
    # its page-and-line instructions (`on page 1, line 22, by deleting "except as"`) are read as its
    # own text; a comparison with it says, once, that they are not applied to the bill
    report = "910SB0648ccr001_91stGA_legisnet_PARTIAL.txt"
    diffed = _diff("910SB0441ccr001_91stGA_legisnet_PARTIAL.txt", report)
    notes = [warning for warning in diffed.warnings if "conference committee report" in warning]
    assert len(notes) == 2 and "report 1 on SB0648 (91st GA)" in notes[1] and "not applied" in notes[1]
    words = " ".join(word.text for word in diffed.comparison.new.root.all_words())
    assert 'on page 1, line 22, by deleting "except as"; and' in words


# ------------------------------------------------------------------ resolutions


def _paragraph_openings(name: str) -> list[str]:
    document = _tree(name)
    return [" ".join(node.text.split()[:2]) for node in document.root.children if node.kind == "text"]


def test_each_whereas_and_resolved_clause_of_a_resolution_is_a_paragraph_of_its_own():
    # `...; and` / `WHEREAS, ...`, `...; therefore, be it` / `RESOLVED, ...`, `...; and be it
    # further` / `RESOLVED, That ...`: the clause before ends in no stop, yet the next opens
    assert _paragraph_openings("09300HR0728_resolution_ftp_COMPLETE.txt") == [
        "HOUSE RESOLUTION", "WHEREAS, The", "WHEREAS, The", "WHEREAS, Because", "RESOLVED, BY", "RESOLVED, That"]
    assert _paragraph_openings("10100HJ0126_resolution_ftp_PARTIAL.txt") == [
        "HOUSE JOINT", "WHEREAS, Senate", "WHEREAS, Senate", "WHEREAS, The", "WHEREAS, Subsection", "RESOLVED, BY",
        "RESOLVED, That"]


def test_a_changed_resolved_clause_is_cited_at_its_own_paragraph(tmp_path):
    name = "09300HR0728_resolution_ftp_COMPLETE.txt"
    changed = tmp_path / name
    changed.write_text((FRAGMENTS / name).read_text().replace("a copy of this resolution", "a suitable copy of this resolution"))
    comparison = pipeline.diff_files(FRAGMENTS / name, changed).comparison
    assert [(change.new_path, change.new_text) for change in comparison.changes] == [("RESOLVED 2", "suitable")]


def _paragraph_paths(name: str) -> list[str]:
    return [node.path for node in _tree(name).root.children if node.kind == "text"]


def test_a_resolutions_clauses_are_named_by_what_they_are_counted_in_order():
    """A redline cited a resolution's recital as `HR0728 [3]`; it is `WHEREAS 2`, the resolving
    clauses `RESOLVED 1`, `RESOLVED 2` (a title paragraph keeps its `[n]`)."""
    assert _paragraph_paths("09300HR0728_resolution_ftp_COMPLETE.txt") == [
        "[1]", "WHEREAS 1", "WHEREAS 2", "WHEREAS 3", "RESOLVED 1", "RESOLVED 2"]
    assert _paragraph_paths("10100HJ0126_resolution_ftp_PARTIAL.txt") == [
        "[1]", "WHEREAS 1", "WHEREAS 2", "WHEREAS 3", "WHEREAS 4", "RESOLVED 1", "RESOLVED 2"]
    # a constitutional amendment's resolving clause, before the Article it restates
    assert _paragraph_paths("09300HC0003_hjrca_ftp_flat_COMPLETE.txt") == ["[1]", "RESOLVED 1"]


def test_a_recital_added_to_a_resolution_is_one_addition_and_the_others_pair_by_content(tmp_path):
    """An earlier printing without HR0728's second recital: the recital is added at `WHEREAS 2`;
    the third, once `WHEREAS 2`, pairs with itself by its words, not with the new `WHEREAS 2`."""
    name = "09300HR0728_resolution_ftp_COMPLETE.txt"
    text = (FRAGMENTS / name).read_text()
    cut_from, cut_to = text.index("7 |\n| WHEREAS, The earliest"), text.index("9 |\n| WHEREAS, Because")
    earlier = tmp_path / "earlier.txt"
    earlier.write_text(text[:cut_from] + text[cut_to:])
    assert _paragraph_paths_of(earlier)[1:4] == ["WHEREAS 1", "WHEREAS 2", "RESOLVED 1"]
    comparison = pipeline.diff_files(earlier, FRAGMENTS / name).comparison
    assert [(change.op, change.new_path, change.new_text.split()[:3]) for change in comparison.changes] == [
        ("add", "WHEREAS 2", ["WHEREAS,", "The", "earliest"])]


def _paragraph_paths_of(path) -> list[str]:
    return [node.path for node in pipeline.read_file(path).root.children if node.kind == "text"]


def test_a_resolution_header_names_a_joint_resolution_by_its_measure_code():
    # `HJ0126LRB101 ...`: ILGA's file code `HJ` is a House Joint Resolution
    assert _tree("10100HJ0126_resolution_ftp_PARTIAL.txt").identity.bill == "HJR0126"
    assert _tree("10100HC0032_hjrca_ftp_PARTIAL.txt").identity.bill == "HJRCA0032"


# ------------------------------------------------------------------ appropriations

APPROPRIATION = "09300HB3753ham001_ftp_flat_HDS_PARTIAL.txt"  # ARTICLE 1, line items ending in amounts


def _one_line_a_line(name: str) -> str:
    """A real numbered text printed one line a line (the 94th-96th GA's plain pages): each
    printed line's number, then its words; a page's header before its first line."""
    from statdiff.read import read_path

    result = read_path(FRAGMENTS / name)
    header = result.identity.lrb or ""
    out = []
    for line in result.lines:
        if line.line == 1:
            out.append(f"{result.identity.bill} - {line.page} - {header}")
        out.append(f"{line.line} {line.text}")
    return "\n".join(out) + "\n"


def test_an_appropriation_section_ending_in_an_amount_closes_before_the_next_section():
    # `3 Total $830,800` / `4 Section 10. The following named amounts ...`: an appropriation's
    # last line is an amount, with no stop, and the next Section still opens (one line a line)
    document = _built(_one_line_a_line(APPROPRIATION), "09300HB3753ham001.txt")
    sections = _sections(document)
    assert list(sections) == ["Article 1 Section 5", "Article 1 Section 10"]
    assert sections["Article 1 Section 5"].text.rstrip().endswith("Total $830,800")


def test_a_changed_appropriation_amount_is_a_word_change_in_its_own_section(tmp_path):
    changed = tmp_path / APPROPRIATION
    changed.write_text((FRAGMENTS / APPROPRIATION).read_text().replace("$625,950", "$640,950").replace(
        "Total $830,800", "Total $845,800"))
    comparison = pipeline.diff_files(FRAGMENTS / APPROPRIATION, changed).comparison
    found = [(change.section, change.old_text, change.new_text) for change in comparison.changes]
    assert found == [("Article 1 Section 5", "$625,950", "$640,950"),
                     ("Article 1 Section 5", "$830,800", "$845,800")]


def test_two_appropriation_bills_compare_section_by_section_with_the_amounts_as_words():
    comparison = _diff("09300HB1109_approp_ftp_COMPLETE.txt", "09300SB0556lv_approp_flat_COMPLETE.txt").comparison
    fives = [section for section in comparison.sections if section.path == "Section 5"]
    assert len(fives) == 1 and fives[0].old is not None and fives[0].new is not None
    inserted = " ".join(change.new_text for change in fives[0].changes)
    assert "$22,200,000" in inserted and "$2" in " ".join(change.old_text for change in fives[0].changes)


# ------------------------------------------------------------------ a page run together, no LRB number


def _run_together(name: str, lines: int | None = None, header: str = "") -> str:
    """A real numbered text as a legisnet page run together prints it: each printed line's
    number before its words, every line on one physical line, and no LRB number."""
    from statdiff.read import read_path

    printed = read_path(FRAGMENTS / name).lines[:lines]
    return header + " ".join(f"{line.line} {line.text}" for line in printed) + "\n"


def test_a_resolution_run_together_without_its_lrb_number_is_read_by_its_line_numbers():
    # `93_HR0728 1 HOUSE RESOLUTION 2 WHEREAS, ... 20 centennial celebration.`: twenty numbers
    # in sequence among the words are the page's line numbers beyond doubt, LRB number or not
    text = _run_together("09300HR0728_resolution_ftp_COMPLETE.txt", header="[ Search ] [ Legislation ]\n93_HR0728 ")
    result = read_text(text, name="resolution.txt")
    assert result.rendering == "flat-ftp" and result.detection.fits
    assert [(line.page, line.line) for line in result.lines][-1] == (1, 20)
    assert not any(word.isdigit() for line in result.lines for word in line.text.split()[:1])
    identity = pipeline.build(result).identity
    assert (identity.bill, identity.general_assembly) == ("HR0728", 93)


def test_a_page_run_together_whose_numbers_restart_on_a_second_page_is_read_so():
    # the numbers restart at 1 on page 2 (no running header: none is printed here)
    result = read_text(_run_together("09300SC0012_sjrca_ftp_flat_PARTIAL.txt"), name="proposal.txt")
    assert result.rendering == "flat-ftp"
    assert [(line.page, line.line) for line in result.lines][-1] == (2, 12)
    assert result.lines[0].text == "SENATE JOINT RESOLUTION"


def test_a_few_numbers_in_sequence_without_illinois_marks_keep_the_warning():
    # ten lines of one page: the evidence is thin, the text is read as prose and said so
    result = read_text(_run_together("09300HR0728_resolution_ftp_COMPLETE.txt", lines=10), name="short.txt")
    assert result.rendering == "prose" and not result.detection.fits


def test_a_constitutional_amendments_schedule_is_a_unit_of_its_own_never_part_of_the_last_section(tmp_path):
    # `(c) A bill that fails to comply with this Section is void.` / `SCHEDULE` / `This
    # Constitutional Amendment takes effect ...`: the schedule is the resolution's, not 8.5(c)'s
    name = "09300HC0003_hjrca_ftp_flat_COMPLETE.txt"
    document = _tree(name)
    section = _sections(document)["ILCON Art. IV, Sec. 8.5"]
    assert section.meta.status == "new" and section.meta.heading == "REVENUE BILLS; SUNSET"
    assert section.children[-1].text.endswith("is void.")
    schedule = document.root.children[-1]
    assert schedule.path == "Schedule" and schedule.text.startswith("SCHEDULE This Constitutional Amendment")
    changed = tmp_path / name
    changed.write_text((FRAGMENTS / name).read_text().replace("upon being 29 declared adopted", "on January 1 29 after adoption"))
    comparison = pipeline.diff_files(FRAGMENTS / name, changed).comparison
    assert {change.section for change in comparison.changes} == {"Schedule"}


def test_a_conference_report_takes_its_place_after_the_second_chambers_amendments_before_enrolment():
    # history's order: introduced, own chamber's amendments, engrossed, the other chamber's
    # amendments, conference reports (ccr001, ccr002), enrolled; a report was refused before
    # ("its number and chamber (ham001, sam002) are not printed")
    from statdiff.amend import order_versions

    report = _tree("910HB1134ccr001_91stGA_beta_flat_COMPLETE.txt")
    body = "AN ACT concerning education.\nBe it enacted by the People of the State of Illinois,\n"
    printings = [_built(body, name) for name in ("910HB1134enr.txt", "910HB1134sam001.txt", "910HB1134eng.txt")]
    second = _built((FRAGMENTS / "910HB1134ccr001_91stGA_beta_flat_COMPLETE.txt").read_text().replace(
        "CONFERENCE COMMITTEE REPORT", "SECOND CONFERENCE COMMITTEE REPORT").replace("91_HB1134ccr001", "91_HB1134ccr002"),
        "910HB1134ccr002.txt")
    ordered = order_versions([second, printings[0], report, printings[1], printings[2]])
    assert [document.name.rsplit("/", 1)[-1] for document in ordered] == [
        "910HB1134eng.txt", "910HB1134sam001.txt", "910HB1134ccr001_91stGA_beta_flat_COMPLETE.txt",
        "910HB1134ccr002.txt", "910HB1134enr.txt"]
