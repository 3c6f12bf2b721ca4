"""Word with tracked changes: opened with lxml, accepted and rejected by hand, converted by LibreOffice."""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from bench_pair import chapter_620_pair
from export_helpers import AS_ENACTED, headline_view, needs_poppler, needs_soffice, pdftotext, soffice_to_pdf
from statdiff import pipeline
from statdiff.render.docx import BODY_STYLES, CITE_STYLE, W_NS
from statdiff.render.package import FIXED_TIME

W = f"{{{W_NS}}}"
REVISIONS = ("ins", "del", "moveFrom", "moveTo")


def part(docx: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return etree.fromstring(archive.read(name))


def revisions(root: etree._Element, kind: str) -> list[etree._Element]:
    """Run-level revisions (not a paragraph mark's)."""
    return [element for element in root.iter(W + kind) if etree.QName(element.getparent()).localname != "rPr"]


def words_after(docx: bytes, accept: bool) -> list[str]:
    """The words of the statute's own paragraphs after accepting (or rejecting) every
    revision: accepting drops deleted and moved-from text, rejecting inserted and moved-to."""
    dropped = {W + "del", W + "moveFrom"} if accept else {W + "ins", W + "moveTo"}
    words: list[str] = []
    for paragraph in part(docx, "word/document.xml").iter(W + "p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        if style is None or style.get(W + "val") not in BODY_STYLES:
            continue
        text = []
        for element in paragraph.iter(W + "t", W + "delText"):
            run = element.getparent()
            run_style = run.find(f"{W}rPr/{W}rStyle")
            if run_style is not None and run_style.get(W + "val") == CITE_STYLE:
                continue
            if any(ancestor.tag in dropped for ancestor in element.iterancestors()):
                continue
            text.append(element.text or "")
        words += "".join(text).split()
    return words


@pytest.fixture(scope="module")
def headline_docx() -> bytes:
    return pipeline.render("redline", headline_view(), "docx")


@pytest.fixture(scope="module")
def chapter_620(tmp_path_factory):
    old, new = chapter_620_pair(tmp_path_factory.mktemp("pair620"))
    comparison = pipeline.compare_files(old, new)
    return comparison, pipeline.render("redline", pipeline.view(comparison), "docx")


def test_the_headline_has_exactly_the_seven_insertions_and_no_deletion(headline_docx):
    document = part(headline_docx, "word/document.xml")
    inserted = revisions(document, "ins")
    assert len(inserted) == 7 and revisions(document, "del") == []
    texts = ["".join(element.itertext()).strip() for element in inserted]
    assert texts.count("or written material") == 4
    assert "within 48 hours of the discovery of the breach of the security of the system data or written material," in texts
    assert {element.get(W + "author") for element in inserted} == {"95th GA HB0605 introduced"}
    assert all(element.get(W + "date") is None for element in inserted)  # HB0605 prints no date: none is made up


def test_every_revision_and_range_has_its_own_id(chapter_620):
    _, docx = chapter_620
    document = part(docx, "word/document.xml")
    ids = [element.get(W + "id") for kind in REVISIONS for element in document.iter(W + kind)]
    ids += [element.get(W + "id") for element in document.iter(W + "moveFromRangeStart", W + "moveToRangeStart")]
    assert len(ids) > 50 and len(ids) == len(set(ids))
    comments = [element.get(W + "id") for element in part(docx, "word/comments.xml").iter(W + "comment")]
    assert len(comments) == len(set(comments))
    starts = [element.get(W + "id") for element in document.iter(W + "commentRangeStart")]
    ends = [element.get(W + "id") for element in document.iter(W + "commentRangeEnd")]
    references = [element.get(W + "id") for element in document.iter(W + "commentReference")]
    assert sorted(starts) == sorted(ends) == sorted(references) == sorted(comments)


def test_accepting_every_revision_leaves_the_new_text_and_rejecting_the_old(chapter_620):
    comparison, docx = chapter_620
    assert words_after(docx, accept=True) == [word.text for word in comparison.new.root.all_words()]
    assert words_after(docx, accept=False) == [word.text for word in comparison.old.root.all_words()]


def test_a_moved_section_is_moved_from_its_old_place_to_its_new_one(chapter_620):
    comparison, docx = chapter_620
    document = part(docx, "word/document.xml")
    moved_from, moved_to = revisions(document, "moveFrom"), revisions(document, "moveTo")
    assert moved_from and moved_to
    from_text = " ".join("".join(element.itertext()) for element in moved_from)
    to_text = " ".join("".join(element.itertext()) for element in moved_to)
    assert from_text.split() == to_text.split()  # moved whole, not edited
    assert "(620 ILCS 5/15)" in from_text
    starts = {element.get(W + "name") for element in document.iter(W + "moveFromRangeStart")}
    assert starts == {element.get(W + "name") for element in document.iter(W + "moveToRangeStart")} and starts
    body = etree.tostring(document, encoding="unicode")
    assert body.index("moveFromRangeStart") < body.index("moveToRangeStart")  # Sec. 15 moved down, after Sec. 21
    # the renumbered Section: its old number deleted, its new one inserted
    assert any("".join(element.itertext()).strip() == "44" for element in revisions(document, "del"))
    assert any("".join(element.itertext()).strip() == "944" for element in revisions(document, "ins"))


def test_a_change_credited_to_a_public_act_is_its_revision_with_its_effective_date():
    docx = pipeline.render("redline", headline_view(AS_ENACTED), "docx")
    inserted = revisions(part(docx, "word/document.xml"), "ins")
    by_text = {"".join(element.itertext()).strip(): element for element in inserted}
    at_no_charge = by_text["at no charge"]
    assert at_no_charge.get(W + "author") == "P.A. 94-947"
    assert at_no_charge.get(W + "date") == "2006-06-27T00:00:00Z"  # "94-947, eff. 6-27-06" in HB0605's Source note
    assert by_text["or written material files"].get(W + "author") == "95th GA HB0605 introduced"
    assert by_text["or written material files"].get(W + "date") is None


def test_notes_are_comments_anchored_on_what_they_are_about(headline_docx):
    document = part(headline_docx, "word/document.xml")
    comments = {element.get(W + "id"): "".join(element.itertext()) for element in part(headline_docx, "word/comments.xml")}
    deadline = next(number for number, text in comments.items() if text.startswith("Deadline: new deadline: within 48 hours"))
    start = next(element for element in document.iter(W + "commentRangeStart") if element.get(W + "id") == deadline)
    assert "".join(start.getnext().itertext()).strip().startswith("within 48 hours")  # the range opens on the change itself
    notes = [text for text in comments.values() if text.startswith("HB0605's new 48-hour clock")]
    assert len(notes) == 1
    authors = Counter(element.get(W + "author") for element in part(headline_docx, "word/comments.xml"))
    assert authors == {"statdiff": 2, "Reader's note": 5}


def test_headings_summary_first_and_page_line_in_the_margin(headline_docx):
    document = part(headline_docx, "word/document.xml")
    body = document.find(W + "body")
    headings = [("".join(p.itertext()), p.find(f"{W}pPr/{W}pStyle").get(W + "val")) for p in body.iter(W + "p")
                if p.find(f"{W}pPr/{W}pStyle") is not None
                and p.find(f"{W}pPr/{W}pStyle").get(W + "val").startswith("Heading")]
    assert headings == [("Summary: 7 changes", "Heading1"), ("815 ILCS 530", "Heading1"), ("Sec. 1 Short title.", "Heading3"),
                        ("Sec. 5 Definitions.", "Heading3"), ("Sec. 10 Notice of Breach.", "Heading3")]
    tables = body.findall(W + "tbl")
    assert len(tables) == 1 and len(tables[0].findall(W + "tr")) == 8  # the header and a row a change
    assert list(body).index(tables[0]) < min(i for i, p in enumerate(body) if "Sec. 5" in "".join(p.itertext()))
    labels = [element.text for element in document.iter(W + "t")
              if element.getparent().find(f"{W}rPr/{W}rStyle[@{W}val='{CITE_STYLE}']") is not None]
    assert "new 2:19" in labels and "new 4:21" in labels


def test_the_package_is_deterministic_and_well_formed(headline_docx):
    again = pipeline.render("redline", headline_view(), "docx")
    assert again == headline_docx
    with zipfile.ZipFile(io.BytesIO(headline_docx)) as archive:
        names = archive.namelist()
        assert names[0] == "[Content_Types].xml" and names[1:] == sorted(names[1:])
        assert {info.date_time for info in archive.infolist()} == {FIXED_TIME}
        assert archive.testzip() is None
        for name in names:
            etree.fromstring(archive.read(name))  # every part parses
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert "created" not in core and "modified" not in core


@needs_soffice
@needs_poppler
@pytest.mark.office
def test_libreoffice_reads_the_word_file_and_prints_the_insertions(headline_docx, tmp_path):
    document = tmp_path / "headline.docx"
    document.write_bytes(headline_docx)
    text = " ".join(pdftotext(soffice_to_pdf(document, tmp_path), layout=False).split())
    assert "within 48 hours of the discovery of the breach of the security of the system data or written material" in text
    assert "Summary: 7 changes" in text and "Sec. 10 Notice of Breach." in text
    assert text.count("or written material") >= 6
