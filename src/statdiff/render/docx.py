"""The redline as Word (.docx) with real tracked changes, written with lxml.

What a clinic opens in Word or LibreOffice: the summary table first, then every
section under a heading (Acts, Articles and Sections are Word headings, so the
navigation pane lists them), each paragraph of the statute with its page:line in
the left margin, and the changes as revisions: inserted words `w:ins`, deleted
words `w:del` / `w:delText`, a replacement both, a moved Section (or node) as
`w:moveFrom` at its old place and `w:moveTo` at its new one, inside named move
ranges. Each revision's author is where the change came from: the Public Act the
change is credited to, else the new text itself (`95th GA HB0605 introduced`); its
date is that Act's effective date where the new text's Source notes give it
(`view.dates`), else no date at all, never one made up. Margin annotations, the
reader's notes and the labels of text only one copy holds are Word comments
anchored on the change (or the paragraph) they are about.

Review > Accept All leaves exactly the new text of every section, Reject All exactly
the old: text both copies hold is plain, what only the new text holds is inserted
(or moved to), what only the old holds deleted (or moved from). The paragraphs of
the statute's text are in the styles `BODY_STYLES`; every other paragraph is a label
statdiff adds (title, headings, summary, the page:line in the margin, in the
character style `CITE_STYLE`). Text only one copy holds because the other copy is
truncated is no change: it is plain grey text with a comment saying so.

The package is deterministic (`render/package.py`): the same redline gives the same
bytes. Its styles are `templates/docx-styles.xml`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from importlib import resources
from pathlib import PurePath

from lxml import etree

from statdiff.model import Op, Status
from statdiff.render.options import RenderOptions
from statdiff.render.package import write_package
from statdiff.view import RedlineView
from statdiff.view.dates import change_date, effective_dates_of
from statdiff.view.labels import CUT_SECTION_LABEL
from statdiff.view.model import ChangeView, SectionView
from statdiff.view.rows import RowView, Run

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

BODY_STYLES = ("StatdiffText", "StatdiffHistory")  # the statute's own text
CITE_STYLE = "StatdiffCite"  # the page:line in the margin
_HISTORY_KINDS = ("citation", "source_note", "version_note")

# US Letter, 0.75 in margins, a 1 in gutter for page:line and 0.25 in a level of depth (twips).
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 12240, 15840, 1080
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
GUTTER, DEPTH_STEP = 1440, 360
SUMMARY_COLUMNS = (("#", 560), ("Where", 3000), ("Change", 4280), ("Old", 1120), ("New", 1120))

# Characters XML 1.0 cannot hold (a title or a note typed with a control character).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

ANNOTATION_AUTHOR, READER_AUTHOR = "statdiff", "Reader's note"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def el(parent: etree._Element, tag: str, **attributes: object) -> etree._Element:
    """A `w:` child of `parent` with `w:` attributes."""
    return etree.SubElement(parent, w(tag), {w(name): str(value) for name, value in attributes.items()})


def clean(text: str) -> str:
    return _NOT_XML.sub("", text)


class DocxRedline:
    """A redline view as a Word document with tracked changes (bytes of a .docx)."""

    name = "docx"
    subject = "redline"
    suffixes = (".docx",)

    def render(self, redline: RedlineView, options: RenderOptions) -> bytes:
        return _Document(redline).package()


class _Document:
    """One Word document being written: its body, its comments, its revision ids."""

    def __init__(self, redline: RedlineView):
        self.redline = redline
        self.body = etree.Element(w("body"))
        self.comments: list[etree._Element] = []
        self.next_id = 1
        self.dates = effective_dates_of(redline.new)
        self.new_author = _author_of_new(redline)

    # ------------------------------------------------------------ the package

    def package(self) -> bytes:
        self.front_matter()
        self.summary()
        self.sections()
        self.section_properties()
        document = etree.Element(w("document"), nsmap={"w": W_NS, "r": R_NS})
        document.append(self.body)
        parts = {
            "[Content_Types].xml": _content_types(bool(self.comments)),
            "_rels/.rels": _relationships([("officeDocument", "word/document.xml"), ("core-properties", "docProps/core.xml"),
                                           ("extended-properties", "docProps/app.xml")], package=True),
            "word/_rels/document.xml.rels": _relationships(
                [("styles", "styles.xml"), ("settings", "settings.xml"), ("header", "header1.xml"),
                 ("footer", "footer1.xml")] + ([("comments", "comments.xml")] if self.comments else [])),
            "word/document.xml": _xml(document),
            "word/styles.xml": resources.files("statdiff").joinpath("render/templates/docx-styles.xml").read_bytes(),
            "word/settings.xml": _xml(_settings()),
            "word/header1.xml": _xml(self.header()),
            "word/footer1.xml": _xml(_footer()),
            "docProps/core.xml": _core(self.redline.title),
            "docProps/app.xml": _app(),
        }
        if self.comments:
            comments = etree.Element(w("comments"), nsmap={"w": W_NS})
            comments.extend(self.comments)
            parts["word/comments.xml"] = _xml(comments)
        return write_package(parts)

    def header(self) -> etree._Element:
        header = etree.Element(w("hdr"), nsmap={"w": W_NS})
        old, new = self.redline.old, self.redline.new
        self.paragraph(header, "Header", f"Old: {_document_name(self.redline.old_described, old.name)}"
                                         f"    New: {_document_name(self.redline.new_described, new.name)}")
        return header

    def section_properties(self) -> None:
        properties = el(self.body, "sectPr")
        etree.SubElement(properties, w("headerReference"), {w("type"): "default", f"{{{R_NS}}}id": "rId3"})
        etree.SubElement(properties, w("footerReference"), {w("type"): "default", f"{{{R_NS}}}id": "rId4"})
        el(properties, "pgSz", w=PAGE_WIDTH, h=PAGE_HEIGHT)
        el(properties, "pgMar", top=MARGIN, right=MARGIN, bottom=MARGIN, left=MARGIN, header=540, footer=540, gutter=0)

    # ------------------------------------------------------------ building blocks

    def paragraph(self, parent: etree._Element, style: str, text: str = "", *, keep_next: bool = False,
                  indent: int | None = None, mark: etree._Element | None = None) -> etree._Element:
        """A paragraph of `style`, with `text` in one run; `indent`: the left indent of
        a paragraph of the statute (its page:line hangs in the margin before it);
        `mark`: the revision of its paragraph mark (an inserted or deleted paragraph)."""
        paragraph = el(parent, "p")
        properties = el(paragraph, "pPr")
        el(properties, "pStyle", val=style)
        if keep_next:
            el(properties, "keepNext")
        if indent is not None:
            el(el(properties, "tabs"), "tab", val="left", pos=indent)
            el(properties, "ind", left=indent, hanging=indent)
        if mark is not None:
            el(properties, "rPr").append(mark)
        if text:
            self.text_run(paragraph, text)
        return paragraph

    def text_run(self, parent: etree._Element, text: str, style: str | None = None, deleted: bool = False) -> None:
        run = el(parent, "r")
        if style:
            el(el(run, "rPr"), "rStyle", val=style)
        element = el(run, "delText" if deleted else "t")
        element.text = clean(text)
        element.set(XML_SPACE, "preserve")

    def revision(self, parent: etree._Element | None, kind: str, change: ChangeView | None) -> etree._Element:
        """A `w:ins`, `w:del`, `w:moveFrom` or `w:moveTo` with a new id, its author and date."""
        attributes = {w("id"): str(self.take_id()), w("author"): clean(self.author(change))}
        when = self.date(change)
        if when is not None:
            attributes[w("date")] = f"{when.isoformat()}T00:00:00Z"
        if parent is None:
            return etree.Element(w(kind), attributes)
        return etree.SubElement(parent, w(kind), attributes)

    def take_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def author(self, change: ChangeView | None) -> str:
        """Where the change came from: the Public Act it is credited to, else the new text;
        a replacement whose struck words were recovered from a plain printing says so (Word
        lists and filters revisions by author)."""
        author = (change.attributed_to if change is not None else "") or self.new_author
        if change is not None and change.basis:
            author = f"{author} ({change.basis}: struck text recovered)"
        return author

    def date(self, change: ChangeView | None) -> date | None:
        return change_date(change.attributed_to, self.dates) if change is not None else None

    def comment(self, author: str, text: str) -> int:
        """A comment (`word/comments.xml`); returns its id for the range that anchors it."""
        number = len(self.comments)
        attributes = {w("id"): str(number), w("author"): author, w("initials"): "SD" if author == ANNOTATION_AUTHOR else "RN"}
        comment = etree.Element(w("comment"), attributes)
        paragraph = el(comment, "p")
        el(el(paragraph, "pPr"), "pStyle", val="CommentText")
        reference = el(paragraph, "r")
        el(el(reference, "rPr"), "rStyle", val="CommentReference")
        el(reference, "annotationRef")
        self.text_run(paragraph, text)
        self.comments.append(comment)
        return number

    def close_comments(self, paragraph: etree._Element, numbers: list[int]) -> None:
        for number in numbers:
            el(paragraph, "commentRangeEnd", id=number)
            run = el(paragraph, "r")
            el(el(run, "rPr"), "rStyle", val="CommentReference")
            el(run, "commentReference", id=number)

    # ------------------------------------------------------------ front matter and summary

    def front_matter(self) -> None:
        redline = self.redline
        self.paragraph(self.body, "Title", redline.title)
        for side, document, described in (("Old", redline.old, redline.old_described),
                                          ("New", redline.new, redline.new_described)):
            self.paragraph(self.body, "StatdiffMeta", f"{side}: {_document_name(described, document.name)}")
        reading = ("the Act in force against a bill that restates the Sections it amends" if redline.mode == "amendment"
                   else "two versions of the same text")
        self.paragraph(self.body, "StatdiffMeta", f"Reading: {reading}")
        self.paragraph(self.body, "StatdiffMeta",
                       "Changes are Word revisions: Review > Accept All leaves the new text, Reject All the old. "
                       "Each revision's author is the Public Act the change is credited to, else the new text. "
                       + (f"{redline.cites[:1].upper()}{redline.cites[1:]} (old / new) stands in the margin; margin notes"
                          if redline.cites else "Margin notes")
                       + " and the reader's notes are comments.")
        for warning in redline.warnings:  # as the HTML page's box: what stderr said, for whoever reads the file
            self.paragraph(self.body, "StatdiffMeta", f"Warning: {warning}")

    def summary(self) -> None:
        redline = self.redline
        count = len(redline.changes)
        self.paragraph(self.body, "Heading1", f"Summary: {count} change{'' if count == 1 else 's'}", keep_next=True)
        if redline.op_counts:
            counts = ", ".join(redline.op_counts)
            if redline.annotation_counts:
                counts += ". Margin notes: " + ", ".join(redline.annotation_counts)
            self.paragraph(self.body, "StatdiffMeta", counts + ".")
        elif redline.one_copy_lines:
            self.paragraph(self.body, "StatdiffMeta", "No changes in the text both copies hold.")
        else:
            self.paragraph(self.body, "StatdiffMeta", "No changes: the two texts say the same thing.")
        for line in redline.one_copy_lines:
            self.paragraph(self.body, "StatdiffMeta", f"{line.text}: {', '.join(s.label for s in line.sections)}.")
        if redline.changes:
            self.summary_table()

    def summary_table(self) -> None:
        table = el(self.body, "tbl")
        properties = el(table, "tblPr")
        el(properties, "tblStyle", val="StatdiffSummary")
        el(properties, "tblW", w=TEXT_WIDTH, type="dxa")
        el(properties, "tblLayout", type="fixed")
        grid = el(table, "tblGrid")
        for _, width in SUMMARY_COLUMNS:
            el(grid, "gridCol", w=width)
        self.table_row(table, [name for name, _ in SUMMARY_COLUMNS], header=True)
        for view in self.redline.changes:
            phrase = view.phrase + (f" (from {view.attributed_to})" if view.attributed_to else "")
            self.table_row(table, [str(view.number), view.where, phrase, view.old_at or "—", view.new_at or "—"])

    def table_row(self, table: etree._Element, cells: list[str], header: bool = False) -> None:
        row = el(table, "tr")
        properties = el(row, "trPr")
        el(properties, "cantSplit")
        if header:
            el(properties, "tblHeader")
        for text, (_, width) in zip(cells, SUMMARY_COLUMNS):
            cell = el(row, "tc")
            cell_properties = el(cell, "tcPr")
            el(cell_properties, "tcW", w=width, type="dxa")
            if header:
                el(cell_properties, "shd", val="clear", color="auto", fill="F3F3F3")
            paragraph = self.paragraph(cell, "StatdiffTableText")
            run = el(paragraph, "r")
            if header:
                el(el(run, "rPr"), "b")
            element = el(run, "t")
            element.text = clean(text)
            element.set(XML_SPACE, "preserve")

    # ------------------------------------------------------------ the sections

    def sections(self) -> None:
        act: str | None = None
        article: str | None = None
        moved_here = _old_places(self.redline)
        for moved in moved_here.get(-1, []):
            self.moved_from(moved, "below")
        for index, section in enumerate(self.redline.sections):
            if section.act and section.act != act:
                act, article = section.act, None
                self.paragraph(self.body, "Heading1", section.act, keep_next=True)
            if section.article and section.article != article:
                article = section.article
                self.paragraph(self.body, "Heading2", section.article, keep_next=True)
            self.section(section)
            for moved in moved_here.get(index, []):
                self.moved_from(moved, "below" if self.redline.sections.index(moved) > index else "above")

    def section(self, section: SectionView) -> None:
        heading = self.paragraph(self.body, "Heading3", keep_next=True)
        notes = self.section_comments(section)
        for number in notes:
            el(heading, "commentRangeStart", id=number)
        self.text_run(heading, section.label + (f" {section.heading}" if section.heading else ""))
        self.close_comments(heading, notes)
        self.paragraph(self.body, "StatdiffMeta", _section_facts(section), keep_next=True)
        moved = section.status == Status.MOVED and section.section.old is not None
        move = _move_change(section) if moved else None
        paragraphs = [self.row(row, "moveTo" if moved else "", move) for row in section.rows
                      if not (moved and row.comparison.new is None)]
        if move is not None:
            self.move_range(paragraphs, "moveTo", move)
        for view in section.unplaced:
            self.paragraph(self.body, "StatdiffMeta", f"{view.op}: {view.phrase}")

    def section_comments(self, section: SectionView) -> list[int]:
        """The notes beside the section as a whole, and what no row shows (a move, a renumbering)."""
        numbers = [self.margin_comment(item.kind, item.text) for item in section.margin]
        numbers += [self.comment(ANNOTATION_AUTHOR, f"{view.op}: {view.phrase}") for view in section.unplaced]
        return numbers

    def margin_comment(self, kind: str, text: str) -> int:
        if kind == "note":
            return self.comment(READER_AUTHOR, text)
        return self.comment(ANNOTATION_AUTHOR, f"{kind.replace('_', '-').capitalize()}: {text}")

    def moved_from(self, section: SectionView, where: str) -> None:
        """A moved section at its old place: its old text, moved from here (to `where`: "below", "above")."""
        move = _move_change(section)
        self.paragraph(self.body, "StatdiffMeta",
                       f"{section.label} stood here in the old text: moved to its new place {where}.", keep_next=True)
        paragraphs = [self.row(row, "moveFrom", move) for row in section.rows if row.comparison.old is not None]
        self.move_range(paragraphs, "moveFrom", move)

    def move_range(self, paragraphs: list[etree._Element], kind: str, move: ChangeView | None) -> None:
        """Named range markers around moved paragraphs (`w:moveFromRangeStart` ... `End`)."""
        if not paragraphs:
            return
        number = self.take_id()
        start = self.revision(None, f"{kind}RangeStart", move)
        start.set(w("id"), str(number))
        start.set(w("name"), f"move{move.number if move is not None else number}")
        paragraphs[0].insert(1, start)  # after the paragraph's properties
        el(paragraphs[-1], f"{kind}RangeEnd", id=number)

    def row(self, row: RowView, mode: str = "", move: ChangeView | None = None) -> etree._Element:
        """One node as a paragraph: its page:line in the margin, then its runs as revisions.
        `mode` "moveFrom" writes the old text of a moved section, "moveTo" its new text."""
        node_move = row.whole if row.whole is not None and row.whole.op == Op.MOVE else None
        if not mode and node_move is not None:  # a node moved from one section to another
            mode = "moveFrom" if row.comparison.new is None else "moveToAll" if row.comparison.old is None else ""
            move = node_move
        mark_kind = _paragraph_mark(row, mode)
        mark = self.revision(None, mark_kind, move or row.whole) if mark_kind else None
        style = BODY_STYLES[1] if row.kind in _HISTORY_KINDS else BODY_STYLES[0]
        indent = GUTTER + DEPTH_STEP * row.depth
        paragraph = self.paragraph(self.body, style, indent=indent, mark=mark)
        gutter = " ".join(part for part in (f"old {row.old_at}" if row.old_at else "",
                                             f"new {row.new_at}" if row.new_at else "") if part)
        if gutter:
            self.text_run(paragraph, gutter, CITE_STYLE)
        el(el(paragraph, "r"), "tab")
        commenting = mode != "moveFrom"  # a moved text's comments stand at its new place
        on_change, on_paragraph = self.row_comments(row) if commenting else ({}, [])
        for number in on_paragraph:
            el(paragraph, "commentRangeStart", id=number)
        first = True
        for run in row.runs:
            on_run = list(on_change.pop(run.change.anchor, [])) if run.change is not None and run.anchored else []
            if commenting and run.label is not None and run.label.shown:
                on_run.append(self.comment(ANNOTATION_AUTHOR, f"{run.label.text}: no change"))
            for number in on_run:
                el(paragraph, "commentRangeStart", id=number)
            for kind, side in _parts(run, row, mode):
                tokens = run.shown if side == "shown" else run.side(side)
                if not tokens:
                    continue
                text = (run.text if side == "shown" else run.side_text(side))
                text = (" " if tokens[0].space_before and not first else "") + text
                first = False
                change = run.change or row.whole or move
                if kind in ("", "one-copy"):
                    self.text_run(paragraph, text, "StatdiffOneCopy" if kind else None)
                else:
                    self.text_run(self.revision(paragraph, kind, change), text, deleted=kind == "del")
            self.close_comments(paragraph, on_run)
        self.close_comments(paragraph, on_paragraph)
        return paragraph

    def row_comments(self, row: RowView) -> tuple[dict[str, list[int]], list[int]]:
        """The row's notes as comments: an annotation of one of the row's changes anchored on
        that change, anything else (a reader's note, a note on the whole node) on the paragraph."""
        anchored = {run.change.anchor for run in row.runs if run.change is not None and run.anchored}
        on_change: dict[str, list[int]] = defaultdict(list)
        on_paragraph: list[int] = []
        for item in row.margin:
            number = self.margin_comment(item.kind, item.text)
            anchor = item.href.removeprefix("#")
            if anchor in anchored:
                on_change[anchor].append(number)
            else:
                on_paragraph.append(number)
        return on_change, on_paragraph


# ---------------------------------------------------------------- what a run becomes


def _parts(run: Run, row: RowView, mode: str) -> list[tuple[str, str]]:
    """What a run is written as: (revision kind, side) pairs. Kind "" is plain text, "one-copy"
    text only one copy holds, else `ins`, `del`, `moveFrom`, `moveTo`; side "old", "new",
    or "shown" (an equal run's text, whichever copy holds it)."""
    op = run.op
    if run.one_copy:
        return [("one-copy", "shown")]
    if mode == "moveFrom":
        return [("moveFrom", "old")]
    if mode == "moveToAll":
        return [("moveTo", "new")]
    if mode == "moveTo":
        return {Op.EQUAL: [("moveTo", "new")], Op.INSERT: [("ins", "new")], Op.REPLACE: [("ins", "new")]}.get(op, [])
    if op == Op.EQUAL:
        if row.wrap == "ins" or (row.status == Status.ADDED and not run.old):
            return [("ins", "new")]
        if row.wrap == "del" or (row.status == Status.REMOVED and not run.new):
            return [("del", "old")]
        return [("", "shown")]
    return {Op.INSERT: [("ins", "new")], Op.DELETE: [("del", "old")],
            Op.REPLACE: [("del", "old"), ("ins", "new")]}.get(op, [("", "shown")])


def _paragraph_mark(row: RowView, mode: str) -> str:
    """The revision of a paragraph's mark: a paragraph only the new text has is inserted
    (rejecting removes it whole), one only the old has deleted; moved paragraphs moved."""
    if mode == "moveFrom":
        return "moveFrom"
    if mode == "moveToAll" or (mode == "moveTo" and row.comparison.old is not None):
        return "moveTo"
    if row.comparison.old is None and (mode == "moveTo" or row.status == Status.ADDED):
        return "ins"
    if row.comparison.new is None and row.status == Status.REMOVED:
        return "del"
    return ""


def _move_change(section: SectionView) -> ChangeView | None:
    return next((view for view in section.changes if view.op == Op.MOVE), None)


def _old_places(redline: RedlineView) -> dict[int, list[SectionView]]:
    """Where each moved section stood in the old text: after which section of the view
    (by index; -1 before the first). The view lists sections in the new text's order."""
    moved = [section for section in redline.sections if section.status == Status.MOVED and section.section.old is not None]
    if not moved:
        return {}
    order = {node: index for index, node in enumerate(redline.old.walk())}
    placed = sorted((order[section.section.old], index) for index, section in enumerate(redline.sections)
                    if section.section.old is not None and section.status != Status.MOVED and section.section.old in order)
    places: dict[int, list[SectionView]] = defaultdict(list)
    for section in sorted(moved, key=lambda section: order.get(section.section.old, -1)):  # type: ignore[arg-type]
        position = order.get(section.section.old, -1)  # type: ignore[arg-type]
        before = [index for old_order, index in placed if old_order < position]
        places[before[-1] if before else -1].append(section)
    return places


def _section_facts(section: SectionView) -> str:
    facts = [section.path] if section.path else []
    facts.append(section.status_label)
    if section.cut:
        facts.append(CUT_SECTION_LABEL)
    if section.old_span:
        facts.append(f"old {section.old_span}")
    if section.new_span:
        facts.append(f"new {section.new_span}")
    if section.attributed_to:
        facts.append("from " + ", ".join(section.attributed_to))
    return " · ".join(facts)


def _author_of_new(redline: RedlineView) -> str:
    """The new text as a revision's author: what it says it is (`95th GA HB0605 introduced`),
    else, when that says nothing or no more than the old text says of itself, its file name."""
    new, old = redline.new_described, redline.old_described
    if new in ("untitled document", old):
        return f"the new text ({PurePath(redline.new.name).name or redline.new.name})"
    return new


def _document_name(identity: str, name: str) -> str:
    file = PurePath(name).name or name
    return f"{identity} ({file})" if file and file != identity else identity


# ---------------------------------------------------------------- the package's other parts


def _xml(element: etree._Element) -> bytes:
    return bytes(etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True))


_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def _content_types(comments: bool) -> bytes:
    namespace = "http://schemas.openxmlformats.org/package/2006/content-types"
    types = etree.Element(f"{{{namespace}}}Types", nsmap={None: namespace})
    for extension, content in (("rels", "application/vnd.openxmlformats-package.relationships+xml"),
                               ("xml", "application/xml")):
        etree.SubElement(types, f"{{{namespace}}}Default", Extension=extension, ContentType=content)
    overrides = [("/word/document.xml", f"{_CONTENT}.document.main+xml"), ("/word/styles.xml", f"{_CONTENT}.styles+xml"),
                 ("/word/settings.xml", f"{_CONTENT}.settings+xml"), ("/word/header1.xml", f"{_CONTENT}.header+xml"),
                 ("/word/footer1.xml", f"{_CONTENT}.footer+xml"),
                 ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
                 ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")]
    if comments:
        overrides.append(("/word/comments.xml", f"{_CONTENT}.comments+xml"))
    for part, content in overrides:
        etree.SubElement(types, f"{{{namespace}}}Override", PartName=part, ContentType=content)
    return _xml(types)


def _relationships(targets: list[tuple[str, str]], package: bool = False) -> bytes:
    """Relationships `rId1`, `rId2`... in order (document.xml refers to the header as rId3, the footer as rId4)."""
    relationships = etree.Element(f"{{{PACKAGE_RELS}}}Relationships", nsmap={None: PACKAGE_RELS})
    for number, (kind, target) in enumerate(targets, start=1):
        base = "http://schemas.openxmlformats.org/package/2006/relationships/metadata" if kind == "core-properties" else OFFICE_RELS
        etree.SubElement(relationships, f"{{{PACKAGE_RELS}}}Relationship", Id=f"rId{number}",
                         Type=f"{base}/{kind}", Target=target)
    return _xml(relationships)


def _settings() -> etree._Element:
    settings = etree.Element(w("settings"), nsmap={"w": W_NS})
    el(settings, "defaultTabStop", val=720)
    el(settings, "characterSpacingControl", val="doNotCompress")
    compatibility = el(settings, "compat")
    el(compatibility, "compatSetting", name="compatibilityMode", uri="http://schemas.microsoft.com/office/word", val=15)
    return settings


def _footer() -> etree._Element:
    footer = etree.Element(w("ftr"), nsmap={"w": W_NS})
    paragraph = el(footer, "p")
    el(el(paragraph, "pPr"), "pStyle", val="Footer")
    for text, field in (("Page ", "PAGE"), (" of ", "NUMPAGES")):
        element = el(el(paragraph, "r"), "t")
        element.text = text
        element.set(XML_SPACE, "preserve")
        simple = el(paragraph, "fldSimple", instr=f" {field} ")
        el(el(simple, "r"), "t").text = "1"
    return footer


def _core(title: str) -> bytes:
    """Title and creator; no creation or modification time (the same redline, the same bytes)."""
    namespaces = {"cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
                  "dc": "http://purl.org/dc/elements/1.1/"}
    core = etree.Element(f"{{{namespaces['cp']}}}coreProperties", nsmap=namespaces)
    etree.SubElement(core, f"{{{namespaces['dc']}}}title").text = clean(title)
    etree.SubElement(core, f"{{{namespaces['dc']}}}creator").text = "statdiff"
    return _xml(core)


def _app() -> bytes:
    namespace = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    properties = etree.Element(f"{{{namespace}}}Properties", nsmap={None: namespace})
    etree.SubElement(properties, f"{{{namespace}}}Application").text = "statdiff"
    return _xml(properties)
