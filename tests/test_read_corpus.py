"""The readers over the whole corpus: every file is detected as its rendering (and as the
same rendering when repeated ten times), with the evidence kept; no line number, header,
marker, pipe or NBSP leaks into a body line; and the audit, computed from the source and
not from the reader, finds every source word in the tree or in a drop made by a named rule,
with plausible drops. The whole Acts of `../shared/corpus/ilcs-whole-acts/` too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.corpus_files import holds_text

from statdiff.errors import StatdiffError
from statdiff.read import read_path
from statdiff.read.audit import audit
from statdiff.read.common import LRB, RULES
from statdiff.read.compiled import csv_text_cells
from statdiff.read.decode import load_text
from statdiff.read.detect import detection
from statdiff.structure import build_document

ROOT = Path(__file__).resolve().parent.parent / "statutes"
WHOLE_ACTS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "ilcs-whole-acts"

EXPECTED_RENDERING = {
    "fragments/09000HB1175_legisnet90_PARTIAL.txt": "legisnet",
    "fragments/09100HB0516eng_legisnet91_collapsed_COMPLETE.txt": "legisnet",
    "fragments/09100HB1800_legisnet91_flat_PARTIAL.txt": "flat-ftp",
    "fragments/09100HB2826enr_legisnet91_PARTIAL.txt": "legisnet",
    "fragments/09100SB0331eng_legisnet91_collapsed_PARTIAL.txt": "legisnet",
    "fragments/09300HB0475ham001_ftp_COMPLETE.txt": "numbered",
    "fragments/09300HB0497gms_veto_ftp_COMPLETE.txt": "prose",
    "fragments/09300SB1523avm001_ftp_flat_COMPLETE.txt": "prose",  # a motion, no line numbers: the Governor's letter's kin
    "fragments/09300HB0759sam002_SDS_PARTIAL.txt": "numbered",
    "fragments/09300HB1514sam001_COMPLETE.txt": "legisnet",
    "fragments/09300HB3753ham001_ftp_flat_HDS_PARTIAL.txt": "flat-ftp",
    "fragments/09300HB4944ham001_COMPLETE.txt": "numbered",
    "fragments/09300SB0404sam001_ftp_flat_PARTIAL.txt": "flat-ftp",
    "fragments/09400HB1633_billstatus_PARTIAL.txt": "mirror",
    "fragments/09400HB1633eng_ftp_PARTIAL.txt": "pipes",
    "fragments/09400HB1633enr_PARTIAL.txt": "numbered",
    "fragments/09400HB1633ham001_PARTIAL.txt": "numbered",
    "fragments/09400HB1633ham001_ftp_pipes_PARTIAL.txt": "pipes",
    "fragments/09400HB1633ham004_ftp_PARTIAL.txt": "pipes",
    "fragments/09400HB3438_introduced_shellbill_PARTIAL.txt": "numbered",
    "fragments/09400HB4253_introduced_ftp_PARTIAL.txt": "pipes",
    "fragments/09400HB4253_introduced_lv_PARTIAL.txt": "numbered",
    "fragments/09400HB5329ham001_COMPLETE.txt": "numbered",
    "fragments/09400SB1479_billstatus_PARTIAL.txt": "mirror",
    "fragments/09400SB1479sam001_ftp_PARTIAL.txt": "pipes",
    "fragments/09400SB1798_introduced_ftp_PARTIAL.txt": "pipes",
    "fragments/09400SB2116gms_veto_fulltext_COMPLETE.txt": "prose",
    "fragments/09500HB4527gms_amendatory_veto_COMPLETE.txt": "prose",
    "fragments/09500SB0120gms_amendatory_veto_COMPLETE.txt": "prose",
    "fragments/09400SB3040_introduced_ftp_PARTIAL.txt": "pipes",
    "fragments/09500HB0605_introduced_PARTIAL.txt": "numbered",
    "fragments/09500HB2785_introduced_fulltext_PARTIAL.txt": "numbered",
    "fragments/09500HC0044ham001_COMPLETE.txt": "numbered",
    "fragments/09600HB2239eng_COMPLETE.txt": "numbered",
    "fragments/09600HB4002_introduced_ftp_PARTIAL.txt": "pipes",
    "fragments/09600HB6878_introduced_ftp_PARTIAL.txt": "pipes",
    "fragments/09600SB0573_introduced_legiscan_COMPLETE.txt": "mirror",
    "fragments/09700HB3025_billstatus_PARTIAL.txt": "mirror",
    "fragments/09700SB1673ham016_COMPLETE.txt": "numbered",
    "fragments/09700SB3773sam006_beta_pipes_COMPLETE.txt": "pipes",
    "fragments/09800SB0026sam002_COMPLETE.txt": "numbered",
    "fragments/09900HB1260enr_ftp_PARTIAL.txt": "pipes",
    "fragments/09900HB1260enr_fulltext_pipes_PARTIAL.txt": "pipes",
    "fragments/09900HB1260enr_lv_PARTIAL.txt": "numbered",
    "fragments/09900SB1833enr_fulltext_pipes_PARTIAL.txt": "pipes",
    "fragments/09900SB3267sam001_COMPLETE.txt": "numbered",
    "fragments/10000SB1424sam002_ftp_pipes_PARTIAL.txt": "pipes",
    "fragments/10000SB1502eng_fulltext_pipes_PARTIAL.txt": "pipes",
    "fragments/10000SB1502eng_fulltext_plain_PARTIAL.txt": "numbered",
    "fragments/10100HB2299ham001_ftp_midchunk_PARTIAL.txt": "pipes",
    "fragments/10100HB2975eng_fulltext_COMPLETE.txt": "numbered",
    "fragments/10100HB3358sam001_PARTIAL.txt": "pipes",
    "fragments/10100SB1624eng_ftp_PARTIAL.txt": "pipes",
    "fragments/10100SB1624enr_fulltext_pipes_PARTIAL.txt": "pipes",
    "fragments/10100SB1730sam001_ftp_COMPLETE.txt": "numbered",
    "fragments/10100SB2301_introduced_legiscan_PARTIAL.txt": "mirror",
    "fragments/10100SB3223_introduced_legiscan_COMPLETE.txt": "mirror",
    "fragments/10200HB0307enr_SecondGeneralRevisory2021_amgoa_PARTIAL.txt": "pipes",
    "fragments/10200HB3878sam002_COMPLETE.txt": "numbered",
    "fragments/10200SB0047eng_ftp_PARTIAL.txt": "pipes",
    "fragments/10200SB0731sam002_PARTIAL.txt": "numbered",
    "fragments/10200SB0731sam003_ftp_PARTIAL.txt": "pipes",
    "fragments/10200SB2353_introduced_PARTIAL.txt": "numbered",
    "fragments/10400HB0575ham001_amgoa_PARTIAL.txt": "numbered",
    "fragments/10400HR0020_legiplex_draft_PARTIAL.txt": "numbered",
    "fragments/10400HR0020_legiplex_flat_PARTIAL.txt": "flat-ftp",
    "fragments/900SB0517_90thGA_legisnet_flat_PARTIAL.txt": "flat-ftp",
    "fragments/10300HB1294_introduced_ilga_PARTIAL.txt": "numbered",
    "fragments/10400HR0020_legiscan_pipes_PARTIAL.txt": "mirror",
    "fragments/10400SB2281sam001_ftp_PARTIAL.txt": "pipes",
    "fragments/10400SB2456ham002_amgoa_pipes_midchunk_PARTIAL.txt": "pipes",
    "fragments/10400SB3222ham001_amgoa_PARTIAL.txt": "pipes",
    "fragments/900HJ0047ham001_90thGA_legisnet_flat_COMPLETE.txt": "flat-ftp",
    "fragments/900SB0753sam001_90thGA_legisnet_COMPLETE.txt": "legisnet",
    "fragments/910HB1134ccr001_91stGA_beta_flat_COMPLETE.txt": "flat-ftp",
    "fragments/910HB1835ham001_91stGA_legisnet_COMPLETE.txt": "legisnet",
    "fragments/910HB4565ham001_91stGA_legisnet_COMPLETE.txt": "legisnet",
    "fragments/910SB1207ham001_91stGA_legisnet_COMPLETE.txt": "legisnet",
    "fragments/920HB3773ham001_92ndGA_legisnet_COMPLETE.txt": "legisnet",
    "fragments/920HB4042ham001_92ndGA_legisnet_COMPLETE.txt": "legisnet",
    "fragments/920HB4947LV_92ndGA_legisnet_PARTIAL.txt": "legisnet",
    "fragments/920SB0989enr_92ndGA_legisnet_PARTIAL.txt": "legisnet",
    "fragments/920HB0371ham001_92ndGA_legisnet_BOB_PARTIAL.txt": "legisnet",
    "fragments/920HB2412eng_92ndGA_legisnet_PARTIAL.txt": "legisnet",
    "fragments/920HB2412LV_92ndGA_legisnet_PARTIAL.txt": "legisnet",
    "fragments/920HB2412enr_92ndGA_beta_flat_PARTIAL.txt": "flat-ftp",
    "fragments/920SB0989ham002_92ndGA_legisnet_COMPLETE.txt": "legisnet",
    # forms of measure (helper billforms): constitutional amendments, conference reports
    "fragments/10100HC0032_hjrca_ftp_PARTIAL.txt": "numbered",
    "fragments/10200HC0029_hjrca_fulltext_PARTIAL.txt": "numbered",
    "fragments/910HC0021_91stGA_legisnet_hjrca_PARTIAL.txt": "legisnet",
    "fragments/09300SC0012_sjrca_ftp_flat_PARTIAL.txt": "flat-ftp",
    "fragments/09400SC0027_sjrca_ftp_pipes_PARTIAL.txt": "pipes",
    "fragments/09300HC0003_hjrca_ftp_flat_COMPLETE.txt": "flat-ftp",
    "fragments/910SB0441ccr001_91stGA_legisnet_PARTIAL.txt": "legisnet",
    "fragments/920HB5375ccr001_92ndGA_legisnet_SRS_PARTIAL.txt": "legisnet",
    "fragments/900SB1674ccr001_90thGA_legisnet_PARTIAL.txt": "legisnet",
    "fragments/910SB0648ccr001_91stGA_legisnet_PARTIAL.txt": "legisnet",
    # resolutions and appropriations (helper billforms)
    "fragments/09300HB1109_approp_ftp_COMPLETE.txt": "legisnet",
    "fragments/09300HB1525_approp_COMPLETE.txt": "legisnet",
    "fragments/09300SB0556lv_approp_flat_COMPLETE.txt": "flat-ftp",
    "fragments/09300SB1307_approp_ftp_flat_COMPLETE.txt": "flat-ftp",
    "fragments/09300HR0728_resolution_ftp_COMPLETE.txt": "pipes",
    "fragments/10100HJ0126_resolution_ftp_PARTIAL.txt": "numbered",
    "fragments/920SB1930ham001_92ndGA_legisnet_COMPLETE.txt": "legisnet",
    "fragments/ILCS_20-1370_witnessslips_print_PARTIAL.txt": "ilcs",
    "fragments/ILCS_20-3405_instalawyer_mirror_PARTIAL.txt": "ilcs",
    "fragments/ILCS_215-215-35_ftp_html_delayed_COMPLETE.txt": "ilcs",
    "fragments/ILCS_225-320-29_ilga_section_COMPLETE.txt": "ilcs",
    "fragments/ILCS_225-60-29_ilga_section_COMPLETE.txt": "ilcs",
    "fragments/ILCS_25-25_laws9_mirror_PARTIAL.txt": "ilcs",
    "fragments/ILCS_30-500-Art50_justia2005_mirror_PARTIAL.txt": "ilcs",
    "fragments/ILCS_325-2_ActID1459_ilga_wholeact_PARTIAL.txt": "ilcs",
    "fragments/ILCS_40-5-9-122_ilga_section_COMPLETE.txt": "ilcs",
    "fragments/ILCS_410-525-5_ilga_fulltext_COMPLETE.txt": "ilcs",
    "fragments/ILCS_5-160-12_ilga_section_COMPLETE.txt": "ilcs",
    "fragments/ILCS_5-860-15_ilga_newsite_fulltext_COMPLETE.txt": "ilcs",
    "fragments/ILCS_720-5-28_ilga_notavailable_COMPLETE.txt": "ilcs",
    "fragments/ILCS_740-110-9.8_ilga_section_COMPLETE.txt": "ilcs",
    "fragments/ILCS_765-1026-15-1404_ilga_section_COMPLETE.txt": "ilcs",
    "fragments/ILCS_815-505-12_ftp_html_COMPLETE.txt": "ilcs",
    "fragments/ILCS_815-530-10_witnessslips_section_PARTIAL.txt": "ilcs",
    "fragments/ILCS_815-505_laws9_flat_mirror_PARTIAL.txt": "ilcs",
    # Illinois pages tried as a user would (helper explore2)
    "fragments/ILCS_15-410_laws9_flat_mirror_PARTIAL.txt": "ilcs",
    "fragments/10400HR0020_legiscan_plain_PARTIAL.txt": "mirror",
    "fragments/10400SB1922ham001_ftp_PARTIAL.txt": "numbered",
    "fragments/10400SB1922enr_amgoa_pipes_midchunk_PARTIAL.txt": "pipes",
    "fragments/10400SB0277_introduced_pipes_PARTIAL.txt": "pipes",
    "fragments/ILCS_20-2635_instalawyer_mirror_PARTIAL.txt": "ilcs",
    "fragments/PA093-0174_ilga_publicact_fulltext_PARTIAL.txt": "public-act",
    "fragments/PA093-0174_ftp_plain_PARTIAL.txt": "public-act",
    "fragments/09300HB5320_introduced_ilga_PARTIAL.txt": "numbered",
    "fragments/09300HB5320_introduced_ftp_pipes_PARTIAL.txt": "pipes",
    "fragments/09700SB0957_introduced_ilga_PARTIAL.txt": "numbered",
    "fragments/ILCS_625-5-Ch6-ArtI_laws9_cells_mirror_PARTIAL.txt": "ilcs",
    "fragments/ILCS_815-530_ActID2702_print_PARTIAL.txt": "ilcs",
    "fragments/ILCS_815-705-39_beta_ilga_section_COMPLETE.txt": "ilcs",
    "fragments/ILCS_815-705-39_ilga_section_COMPLETE.txt": "ilcs",
    "fragments/ILCS_25-25-2_ilga_section_COMPLETE.txt": "ilcs",
    "fragments/ILCS_25-25-3_ilga_section_COMPLETE.txt": "ilcs",
    "fragments/ILCS_25-25-3.1_ilga_section_COMPLETE.txt": "ilcs",
    "fragments/ILCS_735-5-13-223_ilcs4_article_part_PARTIAL.txt": "ilcs",
    "fragments/ILCS_820-96-1-25_newsite_multiversion_PARTIAL.txt": "ilcs",
    "fragments/PA092-0651_ilga_pubact92_PARTIAL.txt": "public-act",
    "fragments/PA094-0036_ilga_publicact_fulltext_PARTIAL.txt": "public-act",
    "fragments/PA094-0036_mirror_flat_PARTIAL.txt": "public-act",
    "fragments/PA094-0036_mirror_pipes_PARTIAL.txt": "public-act",
    "fragments/PA094-0947_beta_ilga_ftp_PARTIAL.txt": "public-act",
    "fragments/PA094-0947_ilga_ftp_PARTIAL.txt": "public-act",
    "fragments/PA094-0947_ilga_fulltext_PARTIAL.txt": "public-act",
    "fragments/PA095-0714_ilga_print_PARTIAL.txt": "public-act",
    "fragments/PA095-0714_ilga_print_pipes_PARTIAL.txt": "public-act",
    "fragments/PA096-1376_ilga_ftp_PARTIAL.txt": "public-act",
    "fragments/PA097-0483_ilga_fulltext_PARTIAL.txt": "public-act",
    "fragments/PA099-0503_ilga_print_PARTIAL.txt": "public-act",
    "fragments/PA099-0859_witnessslips_spaces_PARTIAL.txt": "public-act",
    "fragments/PA100-0239_ilga_ftp_pipes_PARTIAL.txt": "public-act",
    "fragments/PA100-0239_ilga_ftp_plain_PARTIAL.txt": "public-act",
    "fragments/PA100-0412_beta_ilga_ftp_PARTIAL.txt": "public-act",
    "fragments/PA100-0429_witnessslips_fulltext_PARTIAL.txt": "public-act",
    "fragments/PA101-0343_ilga_publicacts_PARTIAL.txt": "public-act",
    "fragments/PA101-0661_ilga_newsite_view_PARTIAL.txt": "public-act",
    "fragments/PA103-0859_beta_printerfriendly_PARTIAL.txt": "public-act",
    "fragments/PA102-0016_docslib_pdftext_PARTIAL.txt": "pdf-text",
    "ilcs-chapter-620/statutes.csv": "ilcs-csv",
    "pipa/09500HB0605_introduced_full.txt": "numbered",
    "pipa/815ILCS530_as_enacted_PA094-0036.txt": "ilcs",
    "pipa/815ILCS530_through_PA094-0947.txt": "ilcs",
    "seeds/000_71145e3a5c8d62e0.txt": "prose",
    "seeds/001_f5086dd22ecb6a5d.txt": "prose",
    "seeds/002_524df963b8163e99.txt": "numbered",
    "seeds/003_80d6f31b0979e4b4.txt": "pipes",
    "seeds/004_b7c007cf1e6f9ae7.txt": "legisnet",
}

NUMBERED = {"numbered", "pipes", "legisnet", "flat-ftp", "mirror"}
# Pages that hold no bill text (metadata and a synopsis): reading one is an error.
NO_BILL_TEXT = {name for name in EXPECTED_RENDERING if not holds_text(name)}
_cache: dict[str, object] = {}


def read(relative: str):
    if relative not in _cache:
        _cache[relative] = read_path(ROOT / relative)
    return _cache[relative]


def test_the_table_covers_every_corpus_file():
    on_disk = {str(path.relative_to(ROOT)) for path in ROOT.rglob("*") if path.suffix in (".txt", ".csv")}
    assert on_disk == set(EXPECTED_RENDERING)


# ---------------------------------------------------------------- detection


@pytest.mark.parametrize("relative", sorted(EXPECTED_RENDERING))
def test_detects_the_rendering_the_same_for_the_file_repeated_ten_times(relative):
    text = load_text(ROOT / relative, None)
    found = detection(text)
    assert found.rendering == EXPECTED_RENDERING[relative]
    assert found.fits and found.score >= 0.5 and found.score > found.runner_up_score, found
    assert detection("\n".join([text] * 10)).rendering == found.rendering


@pytest.mark.parametrize("relative", sorted(name for name in EXPECTED_RENDERING if name not in NO_BILL_TEXT))
def test_the_reading_keeps_its_detection_and_evidence(relative):
    found = read(relative).detection
    assert found.rendering == EXPECTED_RENDERING[relative] and found.evidence and not found.forced
    assert set(found.scores) >= {"numbered", "pipes", "ilcs", "prose"}


@pytest.mark.parametrize("relative", sorted(NO_BILL_TEXT))
def test_a_page_without_bill_text_is_an_error_not_an_empty_document(relative):
    with pytest.raises(StatdiffError, match="no bill or statute text found .*(bill-status metadata|site chrome)"):
        read_path(ROOT / relative)


@pytest.mark.parametrize("relative", sorted(name for name in EXPECTED_RENDERING if name not in NO_BILL_TEXT))
def test_no_furniture_leaks_into_the_body(relative):
    result = read(relative)
    for line in result.lines:
        assert line.text == " ".join(line.text.split()), line
        assert "\u00a0" not in line.text and "|" not in line.text, line
        assert not LRB.search(line.text), line
        assert not re.search(r"(?:^|\s)-\s?\d{1,3}\s?-(?:\s|$)", line.text), line
        if result.rendering in NUMBERED:
            # a leaked line number is the line's own (or a neighbour's): `1 as follows:` on line 4 is text
            leaked = re.match(r"(\d{1,2})\s", line.text)
            own = leaked is not None and line.line is not None and abs(int(leaked.group(1)) - line.line) <= 1
            assert not own or re.match(r"\d{1,2} (?:and|or|ILCS|days|hours)\b", line.text), line


# ---------------------------------------------------------------- the audit


def audited(path: Path, result=None):
    """The audit of one file: its source words against the tree's words and the drops."""
    result = result or read_path(path)
    source = load_text(path, None)
    if result.rendering == "ilcs-csv":
        source = "\n".join(csv_text_cells(source))
    return result, audit(source, build_document(result).root.all_words(), result.dropped)


@pytest.mark.parametrize("relative", sorted(name for name in EXPECTED_RENDERING if name not in NO_BILL_TEXT))
def test_every_source_word_is_in_the_tree_or_dropped_by_a_named_rule_and_the_drops_are_plausible(relative):
    result, report = audited(ROOT / relative, read(relative))
    assert report.problems == []
    assert report.source_words <= report.body_words + report.dropped_words
    assert {drop.rule for drop in result.dropped} <= set(RULES)


def _whole_acts() -> list[Path]:
    return sorted(WHOLE_ACTS.glob("*.txt")) if WHOLE_ACTS.is_dir() else []


needs_whole_acts = pytest.mark.skipif(
    not WHOLE_ACTS.is_dir(), reason=f"the whole Acts are read from {WHOLE_ACTS}, which is absent (no ../shared beside the clone)"
)


@needs_whole_acts
@pytest.mark.parametrize("path", _whole_acts(), ids=lambda path: path.stem)
def test_a_whole_act_reads_as_ilcs_and_loses_no_word(path):
    text = load_text(path, None)
    assert detection(text).rendering == "ilcs"
    assert detection("\n".join([text] * 10)).rendering == "ilcs"
    result, report = audited(path)
    assert result.rendering == "ilcs"
    assert report.problems == []


# ---------------------------------------------------------------- the audit is not fooled


def test_the_audit_finds_a_word_the_reader_lost_without_a_rule():
    result = read("seeds/002_524df963b8163e99.txt")
    words = build_document(result).root.all_words()
    source = load_text(ROOT / "seeds/002_524df963b8163e99.txt", None)
    assert audit(source, words, result.dropped).ok
    assert not audit(source, words[:100] + words[101:], result.dropped).ok  # a word gone
    assert not audit(source, words, [drop for drop in result.dropped if drop.rule != "line number"]).ok
    changed = [*words[:50], type(words[50])(words[50].text + "x", words[50].position), *words[51:]]
    assert not audit(source, changed, result.dropped).ok


def test_the_audit_finds_two_source_words_read_as_one():
    from statdiff.model import Word

    report = audit("data collector", [Word("datacollector")], [])
    assert report.problems and "boundar" in report.problems[0]


def test_the_audit_finds_implausible_drops():
    from statdiff.model import Drop, Position, Word

    words = [Word("a", Position(1, 1)), Word("b", Position(1, 2)), Word("c", Position(1, 3))]
    twice = [Drop("line number", "1", 1, 1, 0), Drop("line number", "1", 1, 1, 1)]
    assert any("two line numbers" in problem for problem in audit("1 a 1 b c", words, twice).problems)
    wrong = [Drop("line number", "7", 1, 2, 1)]
    assert any("not that line" in problem for problem in audit("a 7 b c", words, wrong).problems)
    header = [Drop("running header", "HB1 - 2 - LRB094 07564 RXD 37732 b", 2, None, 1)]
    assert any("no page breaks" in problem for problem in audit("a HB1 - 2 - LRB094 07564 RXD 37732 b b c", words, header).problems)


# The LRB disclaimer as the site prints it, written out here rather than taken
# from the reader, so that a reader bug cannot hide in the expectation.
DISCLAIMER_PARAGRAPHS = (
    (
        "Updating the database of the Illinois Compiled Statutes (ILCS) is an ongoing process. Recent laws may "
        "not yet be included in the ILCS database, but they are found on this site as Public Acts soon after they "
        "become law. For information concerning the relationship between statutes and Public Acts, refer to the Guide."
    ).split(),
    (
        "Because the statute database is maintained primarily for legislative drafting purposes, statutory changes "
        "are sometimes included in the statute database before they take effect. If the source note at the end of "
        "a Section of the statutes includes a Public Act that has not yet taken effect, the version of the law that "
        "is currently in effect may have already been removed from the database and you should refer to that "
        "Public Act to see the changes made to the current law."
    ).split(),
)
DISCLAIMER_WORDS = ["Illinois", "Compiled", "Statutes", "(ILCS)", *DISCLAIMER_PARAGRAPHS[0], *DISCLAIMER_PARAGRAPHS[1]]


def remove_once(words: list[str], run: list[str]) -> list[str]:
    starts = [i for i in range(len(words) - len(run) + 1) if words[i : i + len(run)] == run]
    assert len(starts) == 1, f"{run[:4]}... found {len(starts)} times"
    return words[: starts[0]] + words[starts[0] + len(run) :]


def remove_script(words: list[str]) -> list[str]:
    """The site's script, by a rule of its own: from the word that opens
    `enableWordFriendlyCopy(` to the first word closing the `(function () {...})();`."""
    start = next(i for i, word in enumerate(words) if word.startswith("enableWordFriendlyCopy("))
    end = next(i for i in range(start, len(words)) if words[i].endswith("})();"))
    assert words[start + 1 : start + 4] == ["selector:", "'#copyable-content',", "baseUrl:"]
    return words[:start] + words[end + 1 :]


def csv_body_words(row: dict) -> list[str]:
    """A row's words without the Act heading (`(620 ILCS 45/) County Airport
    Law of 1943.`, its name from the CSV's own `actName` column), the
    disclaimer and the script."""
    act, name = re.fullmatch(r"(\d+ ILCS \d+)/ (.+)", row["actName"]).groups()
    heading = f"({act}/) {name}".split()
    words = row["text"].split()
    assert words[: len(heading)] == heading, words[:10]
    words = remove_script(remove_once(words[len(heading) :], DISCLAIMER_WORDS))
    return " ".join(words).replace(".(Source: ", ". (Source: ").split()  # the scrape glued 4 Source notes on


def test_the_csv_keeps_every_word_of_every_act_but_the_disclaimer_heading_and_script():
    import csv

    with open(ROOT / "ilcs-chapter-620/statutes.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    expected = [word for row in rows for word in csv_body_words(row)]
    result = read("ilcs-chapter-620/statutes.csv")
    body = [word for line in result.lines for word in line.text.split()]
    assert len(body) == len(expected), (len(body), len(expected))
    assert body == expected
    # 50,758 words in the rows; 10 headings, 10 disclaimers and 10 scripts (181 words each) out,
    # 4 glued Source notes (`disbursement.(Source:`) cut off the word before them
    assert sum(len(row["text"].split()) for row in rows) == 50_758 and len(body) == 47_482 + 4
    assert len(result.lines) > 500
    assert all(line.page is None and line.line is None for line in result.lines)


def test_the_csv_sections_all_start_a_line():
    """Every Section of every Act (County Airport Law of 1943 included: its
    name has no `Act.`) opens a line of its own, its citation on the line before."""
    result = read("ilcs-chapter-620/statutes.csv")
    texts = [line.text for line in result.lines]
    citations = [text for text in texts if re.fullmatch(r"\(620 ILCS [\d.]+/[\w.\-]+\)(?: \(.*\))?", text)]
    assert len(citations) == 315  # every citation in the rows; 306 before the heading bug was fixed
    assert "(620 ILCS 45/1) (from Ch. 15 1/2, par. 84)" in texts
    first = texts.index("(620 ILCS 45/1) (from Ch. 15 1/2, par. 84)")
    assert texts[first + 1].startswith("Sec. 1. The county board of each county having a population of less than 1,000,000")
    assert sum(text.startswith("(Source: ") for text in texts) == 314  # every Section but 620 ILCS 20/7 has one
    assert "(Source: P.A. 103-588, eff. 6-5-24.)" in texts
