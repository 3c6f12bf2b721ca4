"""Whole Acts as ilga.gov prints them ("View Entire Act"), read from
`../shared/corpus/ilcs-whole-acts/` (skipped, saying why, when that folder is absent; the
files are never copied into the repository): every one reads as `ilcs` whatever its size,
with its Article headings as article nodes holding their Sections, its numbered definitions
as paragraphs, its repealed Sections and version notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from statdiff.read import read_path
from statdiff.structure import build_document

WHOLE_ACTS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "ilcs-whole-acts"
ELECTION_CODE = WHOLE_ACTS / "10ILCS5_ElectionCode.txt"

pytestmark = pytest.mark.skipif(
    not WHOLE_ACTS.is_dir(), reason=f"the whole Acts are read from {WHOLE_ACTS}, which is absent (no ../shared beside the clone)"
)


@pytest.fixture(scope="module")
def election_code():
    return build_document(read_path(ELECTION_CODE))


def test_the_election_code_has_its_40_articles_and_959_sections(election_code):
    articles = [node for node in election_code.root.children if node.kind == "article"]
    assert len(articles) == 40 and [node.kind for node in election_code.root.children] == ["article"] * 40
    assert articles[0].path == "10 ILCS 5/Art. 1" and articles[0].meta.heading == "GENERAL PROVISIONS"
    assert articles[-1].path == "10 ILCS 5/Art. 30"
    sections = [node for node in election_code.walk() if node.kind == "section"]
    cited = {node.meta.citation for node in sections if node.meta.citation}
    assert len(cited) == 959
    # the other section nodes are second texts of a Section printed in two versions
    extra = [node for node in sections if node.path not in cited]
    assert extra and all(node.meta.versions and node.path.split(" #")[0] in cited for node in extra)


def test_each_section_sits_under_its_article(election_code):
    article = election_code.find("10 ILCS 5/Art. 2A")
    numbers = [child.meta.number for child in article.children if child.kind == "section"]
    assert numbers[0] == "2A-1" and all(number.startswith("2A-") for number in numbers)
    assert election_code.find("10 ILCS 5/1-1") in election_code.find("10 ILCS 5/Art. 1").children


def test_numbered_definitions_are_paragraphs_with_their_terms(election_code):
    section = election_code.find("10 ILCS 5/1-3")
    paragraphs = [child for child in section.children if child.kind == "paragraph"]
    assert [child.label for child in paragraphs] == [f"{number}." for number in range(1, 26)]
    assert paragraphs[0].meta.term == "Election" and paragraphs[0].path == "10 ILCS 5/1-3 1."
    # `"Political or governmental subdivision" also includes ...`: the same term, a paragraph of 6.
    assert [child.path for child in paragraphs[5].children] == ["10 ILCS 5/1-3 6. [2]"]


def test_repealed_sections_and_a_repealed_article(election_code):
    repealed = election_code.find("10 ILCS 5/1-11")
    assert repealed.meta.repealed and repealed.meta.heading == "(Repealed)."
    article = election_code.find("10 ILCS 5/Art. 2B")
    assert [child.kind for child in article.children] == ["citation", "text", "source_note"]


def test_version_notes_open_the_versions_of_a_section(election_code):
    section = election_code.find("10 ILCS 5/1-19")
    assert section.meta.versions == ("(Section scheduled to be repealed on July 1, 2025)",)
    assert [child.path for child in section.children if child.kind == "subsection"][-1] == "10 ILCS 5/1-19(e)"
    before, after = election_code.find("10 ILCS 5/1A-16.1"), election_code.find("10 ILCS 5/1A-16.1 #2")
    assert before.meta.versions == ("(Text of Section before amendment by P.A. 103-210)",)
    assert after.meta.versions == ("(Text of Section after amendment by P.A. 103-210)",)


@pytest.mark.parametrize(
    "name, sections",
    [
        ("5ILCS5_USConstitutionAmendmentAct.txt", 2),
        ("5ILCS20_IllinoisConstitutionalAmendmentAct.txt", 12),
        ("10ILCS20_NationalPopularVoteAct.txt", 3),
    ],
)
def test_the_smaller_acts(name, sections):
    document = build_document(read_path(WHOLE_ACTS / name))
    assert document.rendering == "ilcs"
    found = [node for node in document.walk() if node.kind == "section"]
    assert len(found) == sections and all(node.meta.citation and node.meta.source_note for node in found)
