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
    # page-and-line amendments added for issue 15 (helper `amend`)
    "fragments/09300HB0475ham001_ftp_COMPLETE.txt": "numbered",
    "fragments/09300HB4944ham001_COMPLETE.txt": "numbered",
    "fragments/09400HB5329ham001_COMPLETE.txt": "numbered",
    "fragments/09700SB1673ham016_COMPLETE.txt": "numbered",
    "fragments/09700SB3773sam006_beta_pipes_COMPLETE.txt": "pipes",
    "fragments/09800SB0026sam002_COMPLETE.txt": "numbered",
    "fragments/09900SB3267sam001_COMPLETE.txt": "numbered",
    "fragments/10000SB1424sam002_ftp_pipes_PARTIAL.txt": "pipes",
    "fragments/10100SB1730sam001_ftp_COMPLETE.txt": "numbered",
    "fragments/10200HB3878sam002_COMPLETE.txt": "numbered",
    "fragments/900HJ0047ham001_90thGA_legisnet_flat_COMPLETE.txt": "flat-ftp",
    "fragments/900SB0753sam001_90thGA_legisnet_COMPLETE.txt": "legisnet",
    "fragments/910HB1835ham001_91stGA_legisnet_COMPLETE.txt": "legisnet",
    "fragments/910HB4565ham001_91stGA_legisnet_COMPLETE.txt": "legisnet",
    "fragments/910SB1207ham001_91stGA_legisnet_COMPLETE.txt": "legisnet",
    "fragments/920HB3773ham001_92ndGA_legisnet_COMPLETE.txt": "legisnet",
    "fragments/920HB4042ham001_92ndGA_legisnet_COMPLETE.txt": "legisnet",
    "fragments/920SB0989enr_92ndGA_legisnet_PARTIAL.txt": "legisnet",
    "fragments/920SB0989ham002_92ndGA_legisnet_COMPLETE.txt": "legisnet",
    "fragments/920SB1930ham001_92ndGA_legisnet_COMPLETE.txt": "legisnet",
}

NUMBERED = {"numbered", "pipes", "legisnet", "flat-ftp", "mirror"}

# Files the readers get wrong today, by test: strict xfails, so a fix shows (then drop the entry).
KNOWN_MISREADS = {
    ("detects", "fragments/10200HB3878sam002_COMPLETE.txt"): "97th GA glued numbers detected as legisnet (read right all the same)",
    ("detects", "fragments/900HJ0047ham001_90thGA_legisnet_flat_COMPLETE.txt"): "a legisnet page flattened into 4 lines: not detected as flat-ftp",
    ("no_word_lost", "fragments/900HJ0047ham001_90thGA_legisnet_flat_COMPLETE.txt"): "read as legisnet it has no body at all",
}


def _known_misread(request, test: str, relative: str) -> None:
    reason = KNOWN_MISREADS.get((test, relative))
    if reason:
        request.applymarker(pytest.mark.xfail(strict=True, reason=reason))
_cache: dict[str, object] = {}


def read(relative: str):
    if relative not in _cache:
        _cache[relative] = read_path(ROOT / relative)
    return _cache[relative]


def test_the_table_covers_every_corpus_file():
    on_disk = {str(path.relative_to(ROOT)) for path in ROOT.rglob("*") if path.suffix in (".txt", ".csv")}
    assert on_disk == set(EXPECTED_RENDERING)


@pytest.mark.parametrize("relative", sorted(EXPECTED_RENDERING))
def test_detects_the_rendering(request, relative):
    _known_misread(request, "detects", relative)
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
            # a leaked line number is the line's own (or a neighbour's): `1 as follows:` on line 4 is text
            leaked = re.match(r"(\d{1,2})\s", line.text)
            own = leaked is not None and line.line is not None and abs(int(leaked.group(1)) - line.line) <= 1
            assert not own or re.match(r"\d{1,2} (?:and|or|ILCS|days|hours)\b", line.text), line


# ---------------------------------------------------------------- no word lost

_HEADER_WORDS = re.compile(
    LRB.pattern
    + r"|(?<![\d-])-\s*\d{1,4}\s*-(?![\d-])|-\s*\d{1,4}\s*-(?=\s*(?:LRB|OMB))"
    + r"|\b(?:\d{3}_)?" + DOC_ID.pattern.removeprefix(r"\b")
    + r"|\b(?:Enrolled|Engrossed)\b"
    + r"|Public Act \d{2,3}-\d{4}|Public Act \d{4} \d{2,3}(?:ST|ND|RD|TH) GENERAL ASSEMBLY"
)
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


# What an ILCS page prints above its first section: the site titles, the Act
# heading (a name up to its first period, nothing more), the chapter heading.
_ILCS_PAGE_HEAD = re.compile(
    r"^\s*(?:Illinois Compiled Statutes(?: - Full Text| \(ILCS\))?|Information maintained by the Legislative Reference Bureau"
    r"|\(\d{1,3} ILCS \d+/\) [^.\n]{1,300}\.|[A-Z ,;]+)\s*$",
    re.MULTILINE,
)
_ILCS_NAVIGATION = re.compile(r"^\s*\d{1,3} ILCS [\w.\-]+/[\w.\-]*\s*$", re.MULTILINE)
_SECTION_CITATION = re.compile(r"\(\d{1,3} ILCS [\w.\-]+/[\w.\-]+\)")


def ilcs_page_words(raw: str) -> list[str]:
    """An ILCS page's words without its chrome: above the first section the
    titles, headings and the disclaimer word for word; anywhere the bare
    navigation citations. Nothing else."""
    first = _SECTION_CITATION.search(raw)
    head, rest = (raw[: first.start()], raw[first.start():]) if first else (raw, "")
    words = _ILCS_PAGE_HEAD.sub(" ", _ILCS_NAVIGATION.sub(" ", head)).replace("|", " ").split()
    for paragraph in DISCLAIMER_PARAGRAPHS:
        if " ".join(paragraph) in " ".join(words):
            words = remove_once(words, paragraph)
    return words + _ILCS_NAVIGATION.sub(" ", rest).replace("|", " ").split()


def raw_words(relative: str, rendering: str) -> list[str]:
    """The source's words with recognised headers (and, for ILCS pages, the
    navigation lines and headings) taken out; pipes are separators."""
    raw = (ROOT / relative).read_text(encoding="utf-8")
    if rendering == "ilcs":
        return ilcs_page_words(raw)
    if rendering == "legisnet":
        raw = re.sub(r"\[ [^\]]+ \]", " ", raw)  # navigation: [ Top ]
    raw = _HEADER_WORDS.sub(" ", raw)
    return raw.replace("|", " ").split()


def unaccounted_words(body: list[str], raw: list[str], strict: bool = False, numbers: bool = False) -> list[str]:
    """Match body words in order against the raw words; return the raw words
    skipped between the first and the last body word that are not line numbers.
    A raw word may hold a glued number (`3represented`) or, in a flattened
    page, a body word may be one of its parts. `numbers` (a rendering without
    line numbers): a skipped number counts. `strict` (its chrome taken out of
    `raw` word for word, too): every raw word skipped counts, from the start."""
    numbers = numbers or strict
    skipped = []
    position = 0
    started = strict
    for word in body:
        while position < len(raw):
            candidate = raw[position]
            position += 1
            if candidate == word or (re.fullmatch(r"\d+" + re.escape(word), candidate)):
                started = True
                break
            if started and (numbers or not candidate.isdigit()):
                skipped.append(candidate)
        else:
            pytest.fail(f"body word {word!r} is not in the source in order")
    trailing = [word for word in raw[position:] if strict or (word != "feedback" and (numbers or not word.isdigit()))]
    return skipped + trailing


@pytest.mark.parametrize("relative", sorted(name for name in EXPECTED_RENDERING if not name.endswith(".csv")))
def test_no_word_is_lost(request, relative):
    _known_misread(request, "no_word_lost", relative)
    result = read(relative)
    body = [word for line in result.lines for word in line.text.split()]
    if not body:  # a bill-status page: metadata only, the synopsis kept apart
        assert "billstatus" in relative and result.synopsis
        return
    raw = raw_words(relative, result.rendering)
    strict = result.rendering in ("ilcs", "prose")
    skipped = unaccounted_words(body, raw, strict=strict, numbers=result.rendering == "public-act")
    assert skipped == listed_drops(result), skipped[:20]


def listed_drops(result) -> list[str]:
    """The words a reader lists as dropped by a named rule (the prose reader's markup:
    bullets, heading marks ...), split as `raw_words` splits the source; none for the others."""
    dropped = getattr(result, "dropped", [])
    return [word for drop in dropped for word in drop.text.replace("|", " ").split()]


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
