"""The readers over the whole corpus: every file reads, with the expected
rendering; no line number, header, marker, pipe or NBSP leaks into a body line;
no word of the source is lost; golden files reviewed by eye are reproduced."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from statdiff.read import read_path
from statdiff.read.common import DOC_ID, LRB

ROOT = Path(__file__).resolve().parent.parent / "statutes"
GOLDEN = Path(__file__).resolve().parent / "golden" / "read"

EXPECTED_RENDERING = {
    "seeds/000_71145e3a5c8d62e0.txt": "prose",
    "seeds/001_f5086dd22ecb6a5d.txt": "prose",
    "seeds/002_524df963b8163e99.txt": "numbered",
    "seeds/003_80d6f31b0979e4b4.txt": "pipes",
    "seeds/004_b7c007cf1e6f9ae7.txt": "legisnet",
    "pipa/09500HB0605_introduced_full.txt": "numbered",
    "pipa/815ILCS530_as_enacted_PA094-0036.txt": "ilcs",
    "pipa/815ILCS530_through_PA094-0947.txt": "ilcs",
    "ilcs-chapter-620/statutes.csv": "ilcs-csv",
    "fragments/09300HB1514sam001_COMPLETE.txt": "legisnet",
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
    "fragments/09400SB1479_billstatus_PARTIAL.txt": "mirror",
    "fragments/09400SB1479sam001_ftp_PARTIAL.txt": "pipes",
    "fragments/09400SB1798_introduced_ftp_PARTIAL.txt": "pipes",
    "fragments/09400SB3040_introduced_ftp_PARTIAL.txt": "pipes",
    "fragments/09500HB0605_introduced_PARTIAL.txt": "numbered",
    "fragments/09500HC0044ham001_COMPLETE.txt": "numbered",
    "fragments/09600HB2239eng_COMPLETE.txt": "numbered",
    "fragments/09600HB4002_introduced_ftp_PARTIAL.txt": "pipes",
    "fragments/09700HB3025_billstatus_PARTIAL.txt": "mirror",
    "fragments/09900HB1260enr_ftp_PARTIAL.txt": "pipes",
    "fragments/09900HB1260enr_fulltext_pipes_PARTIAL.txt": "pipes",
    "fragments/09900HB1260enr_lv_PARTIAL.txt": "numbered",
    "fragments/09900SB1833enr_fulltext_pipes_PARTIAL.txt": "pipes",
    "fragments/10000SB1502eng_fulltext_pipes_PARTIAL.txt": "pipes",
    "fragments/10000SB1502eng_fulltext_plain_PARTIAL.txt": "numbered",
    "fragments/10100HB2299ham001_ftp_midchunk_PARTIAL.txt": "pipes",
    "fragments/10100HB2975eng_fulltext_COMPLETE.txt": "numbered",
    "fragments/10100HB3358sam001_PARTIAL.txt": "pipes",
    "fragments/10100SB1624eng_ftp_PARTIAL.txt": "pipes",
    "fragments/10100SB1624enr_fulltext_pipes_PARTIAL.txt": "pipes",
    "fragments/10100SB2301_introduced_legiscan_PARTIAL.txt": "mirror",
    "fragments/10100SB3223_introduced_legiscan_COMPLETE.txt": "mirror",
    "fragments/10200HB0307enr_SecondGeneralRevisory2021_amgoa_PARTIAL.txt": "pipes",
    "fragments/10200SB0731sam002_PARTIAL.txt": "numbered",
    "fragments/10200SB0731sam003_ftp_PARTIAL.txt": "pipes",
    "fragments/10200SB2353_introduced_PARTIAL.txt": "numbered",
    "fragments/10400SB2281sam001_ftp_PARTIAL.txt": "pipes",
    "fragments/10400SB3222ham001_amgoa_PARTIAL.txt": "pipes",
    "fragments/920HB4947LV_92ndGA_legisnet_PARTIAL.txt": "legisnet",
    "fragments/ILCS_215-215-35_ftp_html_delayed_COMPLETE.txt": "ilcs",
    "fragments/ILCS_225-320-29_ilga_section_COMPLETE.txt": "ilcs",
    "fragments/ILCS_225-60-29_ilga_section_COMPLETE.txt": "ilcs",
    "fragments/ILCS_40-5-9-122_ilga_section_COMPLETE.txt": "ilcs",
    "fragments/ILCS_5-160-12_ilga_section_COMPLETE.txt": "ilcs",
    "fragments/ILCS_5-860-15_ilga_newsite_fulltext_COMPLETE.txt": "ilcs",
    "fragments/ILCS_740-110-9.8_ilga_section_COMPLETE.txt": "ilcs",
    "fragments/ILCS_765-1026-15-1404_ilga_section_COMPLETE.txt": "ilcs",
    "fragments/ILCS_815-505-12_ftp_html_COMPLETE.txt": "ilcs",
    "fragments/ILCS_815-530-10_witnessslips_section_PARTIAL.txt": "ilcs",
    "fragments/ILCS_815-530_ActID2702_print_PARTIAL.txt": "ilcs",
    "fragments/ILCS_815-705-39_beta_ilga_section_COMPLETE.txt": "ilcs",
    "fragments/ILCS_815-705-39_ilga_section_COMPLETE.txt": "ilcs",
    "fragments/ILCS_820-96-1-25_newsite_multiversion_PARTIAL.txt": "ilcs",
    "fragments/PA094-0036_ilga_publicact_fulltext_PARTIAL.txt": "public-act",
    "fragments/PA094-0036_mirror_flat_PARTIAL.txt": "public-act",
    "fragments/PA094-0036_mirror_pipes_PARTIAL.txt": "public-act",
    "fragments/PA094-0947_beta_ilga_ftp_PARTIAL.txt": "public-act",
    "fragments/PA094-0947_ilga_ftp_PARTIAL.txt": "public-act",
    "fragments/PA094-0947_ilga_fulltext_PARTIAL.txt": "public-act",
    "fragments/PA096-1376_ilga_ftp_PARTIAL.txt": "public-act",
    "fragments/PA097-0483_ilga_fulltext_PARTIAL.txt": "public-act",
    "fragments/PA099-0503_ilga_print_PARTIAL.txt": "public-act",
    "fragments/PA100-0412_beta_ilga_ftp_PARTIAL.txt": "public-act",
    "fragments/PA100-0429_witnessslips_fulltext_PARTIAL.txt": "public-act",
    "fragments/PA101-0343_ilga_publicacts_PARTIAL.txt": "public-act",
    "fragments/PA102-0016_docslib_pdftext_PARTIAL.txt": "pdf-text",
}

NUMBERED = {"numbered", "pipes", "legisnet", "flat-ftp", "mirror"}
_cache: dict[str, object] = {}


def read(relative: str):
    if relative not in _cache:
        _cache[relative] = read_path(ROOT / relative)
    return _cache[relative]


def test_the_table_covers_every_corpus_file():
    on_disk = {str(path.relative_to(ROOT)) for path in ROOT.rglob("*") if path.suffix in (".txt", ".csv")}
    assert on_disk == set(EXPECTED_RENDERING)


@pytest.mark.parametrize("relative", sorted(EXPECTED_RENDERING))
def test_detects_the_rendering(relative):
    assert read(relative).rendering == EXPECTED_RENDERING[relative]


@pytest.mark.parametrize("relative", sorted(EXPECTED_RENDERING))
def test_no_furniture_leaks_into_the_body(relative):
    result = read(relative)
    for line in result.lines:
        assert line.text == " ".join(line.text.split()), line
        assert "\u00a0" not in line.text and "|" not in line.text, line
        assert not LRB.search(line.text), line
        assert not re.search(r"(?:^|\s)-\s?\d{1,3}\s?-(?:\s|$)", line.text), line
        if result.rendering in NUMBERED:
            assert not re.match(r"\d{1,2}\s", line.text) or re.match(r"\d{1,2} (?:and|or|ILCS|days|hours)\b", line.text), line


# ---------------------------------------------------------------- no word lost

_HEADER_WORDS = re.compile(
    LRB.pattern
    + r"|(?<![\d-])-\s*\d{1,4}\s*-(?![\d-])|-\s*\d{1,4}\s*-(?=\s*(?:LRB|OMB))"
    + r"|\b(?:\d{3}_)?" + DOC_ID.pattern.removeprefix(r"\b")
    + r"|\b(?:Enrolled|Engrossed)\b"
    + r"|Public Act \d{2,3}-\d{4}|Public Act \d{4} \d{2,3}(?:ST|ND|RD|TH) GENERAL ASSEMBLY"
)
_ILCS_FURNITURE = re.compile(r"^\s*(?:\d{1,3} ILCS [\w.\-]+/[\w.\-]*|\(\d{1,3} ILCS \d+/\) .*|[A-Z ,;]+)\s*$", re.MULTILINE)


def raw_words(relative: str, rendering: str) -> list[str]:
    """The source's words with recognised headers (and, for ILCS pages, the
    navigation lines and headings) taken out; pipes are separators."""
    raw = (ROOT / relative).read_text(encoding="utf-8")
    if rendering == "ilcs":
        raw = _ILCS_FURNITURE.sub(" ", raw)
    if rendering == "legisnet":
        raw = re.sub(r"\[ [^\]]+ \]", " ", raw)  # navigation: [ Top ]
    raw = _HEADER_WORDS.sub(" ", raw)
    return raw.replace("|", " ").split()


def unaccounted_words(body: list[str], raw: list[str]) -> list[str]:
    """Match body words in order against the raw words; return the raw words
    skipped between the first and the last body word that are not line numbers.
    A raw word may hold a glued number (`3represented`) or, in a flattened
    page, a body word may be one of its parts."""
    skipped = []
    position = 0
    started = False
    for word in body:
        while position < len(raw):
            candidate = raw[position]
            position += 1
            if candidate == word or (re.fullmatch(r"\d+" + re.escape(word), candidate)):
                started = True
                break
            if started and not candidate.isdigit():
                skipped.append(candidate)
        else:
            pytest.fail(f"body word {word!r} is not in the source in order")
    trailing = [word for word in raw[position:] if not word.isdigit() and word != "feedback"]
    return skipped + trailing


@pytest.mark.parametrize("relative", sorted(name for name in EXPECTED_RENDERING if not name.endswith(".csv")))
def test_no_word_is_lost(relative):
    result = read(relative)
    body = [word for line in result.lines for word in line.text.split()]
    if not body:  # a bill-status page: metadata only, the synopsis kept apart
        assert "billstatus" in relative and result.synopsis
        return
    raw = raw_words(relative, result.rendering)
    skipped = unaccounted_words(body, raw)
    assert skipped == [], skipped[:20]


def test_the_csv_keeps_every_word_of_every_act_but_the_disclaimer():
    import csv

    from statdiff.read.compiled import _DISCLAIMER

    with open(ROOT / "ilcs-chapter-620/statutes.csv", newline="", encoding="utf-8") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    expected = []
    for text in texts:
        text = _DISCLAIMER.sub(" ", text)
        text = text[: text.find("enableWordFriendlyCopy(")] if "enableWordFriendlyCopy(" in text else text
        text = re.sub(r"^\s*\(\d{1,3} ILCS \d+/\)\s*(?:.*?\bAct\.)?", " ", text)
        expected.extend(text.split())
    result = read("ilcs-chapter-620/statutes.csv")
    assert [word for line in result.lines for word in line.text.split()] == expected
    assert len(result.lines) > 500
    assert all(line.page is None and line.line is None for line in result.lines)
