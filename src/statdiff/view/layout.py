"""The rows of every section: runs tied to their changes, one-copy labels, margin notes.

Laid out on first use, for all sections at once and in reading order (a one-copy label
depends on the text before it, across sections); outputs that print only the sections'
facts (JSON, `--stat`) never pay for it.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from typing import TYPE_CHECKING, Callable, TypeAlias

from statdiff.compare.tokens import tokenize
from statdiff.compare.truncation import bare_word, cut_mid_word
from statdiff.errors import StatdiffError
from statdiff.model import (
    ONE_COPY_OPS,
    ONE_COPY_STATUSES,
    WORD_OPS,
    Change,
    Comparison,
    Document,
    Node,
    NodeComparison,
    NodeWords,
    Op,
    Segment,
    SectionComparison,
    Side,
    SourceSpan,
    Status,
    Token,
    WordSegment,
)
from statdiff.view.labels import DEPTH, article_label, cut_word_label, one_copy_label
from statdiff.view.model import ChangeView, SectionView

if TYPE_CHECKING:
    from statdiff.view.rows import MarginItem, OneCopyLabel, RowView, Run
    from statdiff.annotate.margin import Annotation
    from statdiff.annotate.notes import ReaderNote
    from statdiff.view.outline import GroupView, QuietRun

_SEGMENT_OPS = frozenset({Op.EQUAL, *WORD_OPS, *ONE_COPY_OPS})

# Margin notes, or the function that finds them when they are first read.
Annotations: TypeAlias = "list[Annotation] | Callable[[], list[Annotation]] | None"


Member: TypeAlias = "GroupView | SectionView"
Item: TypeAlias = "GroupView | SectionView | QuietRun"

# A node as a row will show it: its comparison, its segments, the one-copy label of each.
_Labelled: TypeAlias = "tuple[NodeComparison, list[Segment], dict[int, OneCopyLabel]]"


class Layout:
    """Lays out the rows of a view's sections and puts the margin notes beside them, each
    when first asked. One-copy labels are found for all sections at once, in reading
    order (a label depends on the text before it); a section's rows are built when that
    section's rows are read (a terminal shows only changed sections). It holds no view
    object that holds it (rows hold it weakly): a view is freed as soon as it is dropped."""

    def __init__(self, comparison: Comparison, changes: dict[SectionComparison, list[ChangeView]],
                 annotations: Annotations, notes: list[ReaderNote]):
        self.comparison = comparison
        self.changes = changes  # each section's changes (`SectionComparison.changes`), as the view shows them
        self.change_views = {view.change: view for views in changes.values() for view in views}
        self._annotations = annotations
        self.notes = notes
        self._labelled: dict[SectionComparison, list[_Labelled]] | None = None
        self._rows: dict[SectionComparison, tuple[list[RowView], list[ChangeView]]] = {}
        self._margin: dict[SectionComparison, list[MarginItem]] | None = None
        self._articles: dict[Node, Node] | None = None
        self._outline: tuple[list[Member], list[Item]] | None = None
        self._note_kinds: dict[str, list[str]] | None = None
        self._act_names: dict[str, str] = {}
        self._moves_from: dict[str, ChangeView] | None = None
        self._section_order: dict[int, list[Node]] = {}

    @property
    def annotations(self) -> list[Annotation]:
        if self._annotations is None:
            self._annotations = []
        elif callable(self._annotations):
            self._annotations = list(self._annotations())
        return self._annotations

    def rows_of(self, section: SectionComparison) -> list[RowView]:
        return self._laid_out(section)[0]

    def unplaced_of(self, section: SectionComparison) -> list[ChangeView]:
        """The section's changes no row shows (a moved or renumbered Section)."""
        return self._laid_out(section)[1]

    def margin_of(self, section: SectionComparison) -> list[MarginItem]:
        return self.attach_margins()[section]

    def attach_margins(self) -> dict[SectionComparison, list[MarginItem]]:
        """Each annotation and reader's note beside its node's row, or beside its section."""
        if self._margin is None:
            self._margin = {}
            annotations = _by_section(self.annotations)
            notes = _by_section(self.notes)
            for section in self.comparison.sections:
                self._margin[section] = _attach_margin(self.rows_of(section), annotations.get(section.path, []),
                                                       notes.get(section.path, []), section.path)
        return self._margin

    def article_of(self, section: SectionComparison) -> str | None:
        article = self.article_node_of(section)
        return article.path if article is not None else None

    def article_node_of(self, section: SectionComparison) -> Node | None:
        """The Article holding the section (NEW's, else OLD's), if any."""
        for node in (section.new, section.old):
            article = self._article_holding(node)
            if article is not None:
                return article
        return None

    def _article_holding(self, node: Node | None) -> Node | None:
        if self._articles is None:
            self._articles = _articles(self.comparison.old) | _articles(self.comparison.new)
        return self._articles.get(node) if node is not None else None

    def outline(self, sections: list[SectionView]) -> tuple[list[Member], list[Item]]:
        """The sections under their Acts and Articles (`members`), and the same with runs in
        which nothing changed folded (`items`): built once."""
        if self._outline is None:
            from statdiff.view.outline import build_outline

            self._outline = build_outline(sections, self)
        return self._outline

    def act_name(self, citation: str) -> str:
        """The name of the Act cited `citation` (`Election Code`), from a bill section that
        amends it, the title of a page that prints it, or its short title Section; "" if none says."""
        if citation not in self._act_names:
            self._act_names[citation] = _act_name(self.comparison, citation)
        return self._act_names[citation]

    def note_kinds(self) -> dict[str, list[str]]:
        """The kinds of the annotations explaining each change, by the change's anchor."""
        if self._note_kinds is None:
            kinds: dict[str, list[str]] = {}
            for annotation in self.annotations:
                if annotation.change_anchor:
                    found = kinds.setdefault(annotation.change_anchor, [])
                    if annotation.kind not in found:
                        found.append(annotation.kind)
            self._note_kinds = kinds
        return self._note_kinds

    def section_move_note(self, section: SectionComparison) -> str:
        """Where a moved Section was and is, from its move's `old_after` / `new_after` (the
        compare stage's): `moved from after 620 ILCS 5/72 to after 620 ILCS 5/112`, `moved
        from after 10 ILCS 5/5-3 in Article 5 to after 10 ILCS 5/7-9 in Article 7`, `moved
        within Article 5 from after 10 ILCS 5/5-3 to the start of Article 5`."""
        move = next((change for change in section.section_changes if change.op == Op.MOVE), None)
        if move is None:
            return ""
        old_article, old_before = self._place(section.old, move.old_after, self.comparison.old)
        new_article, new_before = self._place(section.new, move.new_after, self.comparison.new)
        if old_before is not None and old_before == new_before:
            # one label, two Sections (`Clause 4` was Termination and is now Payment: clauses are
            # numbered by place): each named by its heading too, or the note would say nothing
            old_before = self._with_heading(old_before, self.comparison.old)
            new_before = self._with_heading(new_before, self.comparison.new)
        if old_article is not None and new_article is not None and old_article.path == new_article.path:
            old_place = f"after {old_before}" if old_before is not None else "its start"
            new_place = f"after {new_before}" if new_before is not None else "its start"
            return f"moved within {article_label(old_article)} from {old_place} to {new_place}"
        return (f"moved from {_place_phrase(old_article, old_before)}"
                f" to {_place_phrase(new_article, new_before)}")

    def move_note_of(self, row: RowView) -> str:
        """Where a moved node was and is (`moved from after 815 ILCS 530/10(a) to after 815 ILCS
        530/12(a)`), from its move's `old_after` / `new_after`, and its path in the other text
        where it differs (`(was 815 ILCS 530/10(c))` on its new place, `(now ...)` on its old)."""
        comparison = row.comparison
        if comparison.status != Status.MOVED:
            return ""
        move = row.whole.change if row.whole is not None and row.whole.op == Op.MOVE else None
        if move is None and comparison.old is not None:
            if self._moves_from is None:
                self._moves_from = {view.change.old_path: view for view in self.change_views.values()
                                    if view.op == Op.MOVE and view.change.old_path}
            found = self._moves_from.get(comparison.old.path)
            move = found.change if found is not None else None
        if move is None:
            return ""
        phrase = move_phrase(move)
        if move.old_path != move.new_path:
            here = comparison.new is not None
            phrase += f" (was {move.old_path})" if here else f" (now {move.new_path})"
        return phrase

    def _place(self, node: Node | None, after: str | None, document: Document) -> tuple[Node | None, str | None]:
        """The Article holding a section, and the path of the section before it (`after`)
        when that section is in the same Article (None: at the Article's start)."""
        if node is None:
            return None, None
        article = self._article_holding(node)
        if after is None or article is None:
            return article, after
        before = next((other for other in self._sections_in_order(document) if other.path == after), None)
        return article, after if before is not None and self._article_holding(before) is article else None

    def _with_heading(self, path: str, document: Document) -> str:
        """`Clause 4 (Termination)`: a section's path and, where it has one, its heading."""
        node = next((other for other in self._sections_in_order(document) if other.path == path), None)
        heading = str(node.meta.heading or "").rstrip(" .:;,") if node is not None else ""
        return f"{path} ({heading})" if heading else path

    def _sections_in_order(self, document: Document) -> list[Node]:
        """The document's compared sections in its own order."""
        key = id(document)
        if key not in self._section_order:
            side = {id(self.comparison.old): "old", id(self.comparison.new): "new"}[key]
            nodes = {section.old if side == "old" else section.new for section in self.comparison.sections}
            self._section_order[key] = [node for node in document.walk() if node in nodes]
        return self._section_order[key]

    def _labelled_nodes(self) -> dict[SectionComparison, list[_Labelled]]:
        if self._labelled is None:
            self._labelled = {}
            labels = _OneCopyLabels()
            for section in self.comparison.sections:
                labels.start_section(section.status)
                rows = [(comparison, comparison.segments or _plain_segments(comparison))
                        for comparison in _node_comparisons(section)]
                # one sequence: a copy cut mid-word inside a paragraph the other copy prints as
                # several (a flat page's one paragraph against an Act's definitions) holds its cut
                # word at the end of one row, the other copy's whole word at the start of the next
                by_row = labels.labels_by_row([segments for _, segments in rows])
                self._labelled[section] = [(comparison, segments, found)
                                           for (comparison, segments), found in zip(rows, by_row)]
        return self._labelled

    def _laid_out(self, section: SectionComparison) -> tuple[list[RowView], list[ChangeView]]:
        if section not in self._rows:
            placed: set[ChangeView] = set()
            changes = self.changes[section]
            # A Section's own move is no row's: the section's banner says from where to where.
            own_moves = {change for change in section.section_changes if change.op == Op.MOVE}
            for_rows = [view for view in changes if view.change not in own_moves]
            rows = [self._row(comparison, segments, one_copy, for_rows, placed)
                    for comparison, segments, one_copy in self._labelled_nodes()[section]]
            self._rows[section] = (rows, [change for change in changes if change not in placed])
        return self._rows[section]

    def _row(self, comparison: NodeComparison, segments: list[Segment], one_copy: dict[int, OneCopyLabel],
             section_changes: list[ChangeView], placed: set[ChangeView]) -> RowView:
        """`section_changes` are the enclosing section's changes (`SectionComparison.changes`);
        `placed`, those of them an earlier row of the section already shows."""
        from statdiff.view.rows import OneCopyLabel, RowView, Run  # (rows.py: loaded when rows are laid out)

        node = comparison.node
        own = [self.change_views[change] for change in comparison.changes]
        changes = own or _matching_path(comparison, section_changes)
        whole = _whole_node_change(comparison, changes)
        by_anchor = {change.anchor: change for change in changes + section_changes if change is not whole and change.anchor}
        runs = []
        follows: Side | None = None
        for index, segment in enumerate(segments):
            if segment.op not in _SEGMENT_OPS:
                raise StatdiffError(f"unknown segment op {segment.op!r}")
            run = Run(segment, label=one_copy.get(index), follows=follows)
            if segment.has_text():
                follows = _own_side(segment)
            if segment.op in ONE_COPY_OPS and run.label is None:
                run.label = OneCopyLabel(one_copy_label(segment.op), False)
            change = by_anchor.get(segment.anchor) if segment.op in WORD_OPS else None
            if change is not None:
                run.change, run.anchored = change, change not in placed
                placed.add(change)
            runs.append(run)
        wrap = ""
        if whole is not None:
            placed.add(whole)
            wrap = _wrap(whole.op, runs)
        return RowView(
            comparison=comparison,
            kind=node.kind,
            depth=DEPTH.get(node.kind, 1),
            old_path=comparison.old.path if comparison.old is not None else "",
            new_path=comparison.new.path if comparison.new is not None else "",
            status=comparison.status,
            runs=runs,
            changes=own,
            whole=whole,
            wrap=wrap,
            old_at=_first_position(comparison.old),
            new_at=_first_position(comparison.new),
            span=_words_span(node),
            _layout=weakref.ref(self),
        )


def _own_side(segment: Segment) -> Side | None:
    """The copy whose words an inline redline prints last for the segment: NEW's for inserted
    or replacing text, OLD's for deleted text; None for text both copies hold."""
    if segment.op in (Op.INSERT, Op.REPLACE, Op.ONLY_NEW):
        return "new"
    if segment.op in (Op.DELETE, Op.ONLY_OLD):
        return "old"
    return None


def _by_section(items: "list[Annotation] | list[ReaderNote]") -> dict[str, list]:
    grouped: dict[str, list] = defaultdict(list)
    for item in items:
        grouped[item.section].append(item)
    return grouped


class _OneCopyLabels:
    """Which runs of one-copy text get a visible label, and how it is worded.

    A run is consecutive text that only one copy holds; its first segment in a
    section is labelled (a section that lies wholly in one copy says so in its own
    heading instead). Before any text both copies hold, the other copy *begins
    after* the run; after it, the other copy *stops before* it.
    """

    def __init__(self) -> None:
        self.shared_seen = False
        self.previous: str | None = None

    def start_section(self, status: str) -> None:
        self.previous = status if status in ONE_COPY_STATUSES else None

    def labels_by_row(self, rows: list[list[Segment]]) -> list[dict[int, OneCopyLabel]]:
        """`labels` of a section's rows read as one sequence of segments, split back by row."""
        bounds, start = [], 0
        for segments in rows:
            bounds.extend([(start, start + len(segments))] * len(segments))
            start += len(segments)
        found = self.labels([segment for segments in rows for segment in segments], bounds)
        by_row: list[dict[int, OneCopyLabel]] = []
        start = 0
        for segments in rows:
            by_row.append({index - start: label for index, label in found.items()
                           if start <= index < start + len(segments)})
            start += len(segments)
        return by_row

    def labels(self, segments: list[Segment], rows: list[tuple[int, int]] | None = None) -> dict[int, OneCopyLabel]:
        """The label of each one-copy segment, by index, and whether it is shown (`rows`: the
        bounds of the row each segment is shown in, where the segments are several rows')."""
        labels: dict[int, OneCopyLabel] = {}
        for index, segment in enumerate(segments):
            if not segment.has_text():
                continue
            if segment.op in ONE_COPY_OPS:
                from statdiff.view.rows import OneCopyLabel

                cut = _cut_word(segments, index, rows[index] if rows else (0, len(segments)))
                if cut is not None:
                    labels[index] = OneCopyLabel(cut_word_label(segment.op, *cut), True, self.shared_seen, cut_word=True)
                else:
                    labels[index] = OneCopyLabel(one_copy_label(segment.op, self.shared_seen),
                                                 segment.op != self.previous, self.shared_seen)
            else:
                self.shared_seen = True
            self.previous = segment.op
        return labels


def _cut_word(segments: list[Segment], index: int, row: tuple[int, int]) -> tuple[str, bool] | None:
    """(the whole word, whether at the copy's end) where the one-copy segment at `index` is
    one printed word that ends (begins) its copy's text in the section, beside the other
    copy's one-copy run whose first (last) word it is the head (tail) of: the copy was cut in
    the middle of that word (`compare.truncation.cut_mid_word`, the rule that found the cut).
    That run is looked for in the segment's row (`row`: its bounds), then in the rows beside
    it: a page printed as one paragraph holds its cut word at the end of its row, the other
    copy's words after it in rows of their own (an Act's next definitions)."""
    segment = segments[index]
    side = "old" if segment.op == Op.ONLY_OLD else "new"
    other_op = Op.ONLY_NEW if side == "old" else Op.ONLY_OLD
    words = _printed_words(segment.old if side == "old" else segment.new)
    if len(words) != 1:
        return None
    beside = sorted((index + 1, index - 1), key=lambda at: not row[0] <= at < row[1])
    for neighbour in [segments[at] for at in beside if 0 <= at < len(segments)]:
        if neighbour.op != other_op or not neighbour.has_text():
            continue
        others = _printed_words(neighbour.old if side == "new" else neighbour.new)
        for at_end, rest in ((True, segments[index + 1:]), (False, segments[:index])):
            whole = others[0] if at_end else others[-1]
            if not any(other.has_side(side) for other in rest) and cut_mid_word(words[0], whole, backwards=not at_end):
                return bare_word(whole), at_end
    return None


def _printed_words(tokens: tuple[Token, ...]) -> list[str]:
    """The words the tokens print: tokens joined up to each one printed after a space."""
    words: list[str] = []
    for token in tokens:
        if words and not token.space_before:
            words[-1] += token.text
        else:
            words.append(token.text)
    return words


def _node_comparisons(section: SectionComparison) -> list[NodeComparison]:
    """The section's aligned nodes; for a section the diff did not break down
    (unchanged, not restated), its own nodes as plain text."""
    if section.nodes:
        return section.nodes
    root = section.new or section.old
    if root is None:
        return []
    status = Status.UNCHANGED if section.old is not None and section.new is not None else section.status
    return [
        NodeComparison(
            old=node if section.old is not None else None,
            new=node if section.new is not None else None,
            status=status,
        )
        for node in root.walk()
        if node.has_words()
    ]


def _plain_segments(comparison: NodeComparison) -> list[Segment]:
    """The segments of a node the diff did not break down: equal, one-copy, or wholly
    deleted / inserted."""
    old, new = comparison.old, comparison.new
    old_words = NodeWords(old) if old is not None else []  # made only if an output reads them one by one
    new_words = NodeWords(new) if new is not None else []
    if old is not None and new is not None and old.text == new.text:
        return [WordSegment(Op.EQUAL, old_words, new_words, tokenize)]
    if comparison.status in ONE_COPY_STATUSES:
        # Only one copy has it because the other is truncated: no change.
        return [WordSegment(Op(comparison.status), old_words, new_words, tokenize)]
    if comparison.status not in (Status.ADDED, Status.REMOVED, Status.CHANGED):
        # Only one text has it and that is no change (an amendatory bill does not restate it).
        return [WordSegment(Op.EQUAL, old_words, new_words, tokenize)]
    segments: list[Segment] = []
    if old_words:
        segments.append(WordSegment(Op.DELETE, old_words, [], tokenize))
    if new_words:
        segments.append(WordSegment(Op.INSERT, [], new_words, tokenize))
    return segments


def _matching_path(comparison: NodeComparison, section_changes: list[ChangeView]) -> list[ChangeView]:
    """The section's changes of the node's path (a node without changes of its own): a change
    NEW holds by the node's path in NEW, one only OLD holds by its path in OLD. (Never
    across: where a list item is inserted, the items after it are numbered one on in NEW, so
    an unchanged item's old path is the inserted item's new one.)"""
    old_path = comparison.old.path if comparison.old is not None else None
    new_path = comparison.new.path if comparison.new is not None else None
    return [view for view in section_changes
            if (view.change.new_path is not None and view.change.new_path == new_path)
            or (view.change.new_path is None and view.change.old_path is not None and view.change.old_path == old_path)]


def _whole_node_change(comparison: NodeComparison, changes: list[ChangeView]) -> ChangeView | None:
    """An added or removed node is one change covering the node's whole text."""
    for view in changes:
        op = view.change.op
        if op in (Op.ADD, Op.REMOVE, Op.SOURCE) or (op not in WORD_OPS and comparison.status != Status.CHANGED):
            return view
    return None


def _wrap(op: Op, runs: list[Run]) -> str:
    """A whole added (removed) node none of whose runs is marked inserted (deleted) is marked as a whole."""
    if op == Op.ADD and not any(run.op in (Op.INSERT, Op.REPLACE) for run in runs):
        return "ins"
    if op == Op.REMOVE and not any(run.op in (Op.DELETE, Op.REPLACE) for run in runs):
        return "del"
    return ""


def _attach_margin(rows: list[RowView], annotations: list[Annotation], notes: list[ReaderNote],
                   section_path: str) -> list[MarginItem]:
    """Put each note beside its node's row; what matches no row goes beside the section."""
    from statdiff.view.rows import MarginItem

    by_path: dict[str, RowView] = {}
    for row in rows:
        for path in (row.old_path, row.new_path):
            if path:
                by_path.setdefault(path, row)
    section_margin: list[MarginItem] = []
    for annotation in annotations:
        href = f"#{annotation.change_anchor}" if annotation.change_anchor else ""
        target = by_path.get(annotation.path)
        (target._margin if target else section_margin).append(MarginItem(annotation.kind, annotation.message, href))
    for note in notes:
        target = by_path.get(note.path) if note.path != section_path else None
        for text in note.texts:
            (target._margin if target else section_margin).append(MarginItem("note", text))
    return section_margin


def _first_position(node: Node | None) -> str:
    if node is None or not node.has_words():
        return ""
    return node.word_position(0).cited


def _words_span(node: Node) -> SourceSpan | None:
    return SourceSpan.covering(node.words)


def _articles(document: Document) -> dict[Node, Node]:
    """Each node inside an Article -> the Article (an Article inside another: the inner one),
    found in one walk of the tree."""
    found: dict[Node, Node] = {}

    def visit(node: Node, article: Node | None) -> None:
        for child in node.children:
            if article is not None:
                found[child] = article
            if child.children:
                visit(child, child if child.kind == "article" else article)

    root = document.root
    visit(root, root if root.kind == "article" else None)
    del visit  # the function refers to itself: its cycle would keep `found` for the collector
    return found


def _place_phrase(article: Node | None, before: str | None) -> str:
    """`after 10 ILCS 5/5-3 in Article 5`, `the start of Article 5`, `after 620 ILCS 5/3`,
    `the start of the text`."""
    where = f" in {article_label(article)}" if article is not None else ""
    if before is not None:
        return f"after {before}{where}"
    return f"the start of {article_label(article)}" if article is not None else "the start of the text"


def move_phrase(move: Change) -> str:
    """`moved from after 620 ILCS 5/72 to after 620 ILCS 5/112`: the move's `old_after` and
    `new_after` (`the start of the text` where nothing is before it)."""
    return f"moved from {_place_phrase(None, move.old_after)} to {_place_phrase(None, move.new_after)}"


def _act_name(comparison: Comparison, citation: str) -> str:
    from statdiff.law.units import SHORT_TITLE

    for document in (comparison.new, comparison.old):
        identity = document.identity
        if identity.act == citation and identity.title and not identity.bill:
            return identity.title.rstrip(". ")
    for section in comparison.sections:  # a bill section amending it names it
        for node in (section.new, section.old):
            amends = node.meta.amends if node is not None else None
            if amends is not None and amends.citation == citation and amends.act:
                return amends.act
    own = [node for section in comparison.sections for node in (section.new, section.old)
           if node is not None and node.meta.act == citation]
    # The short title Section: where a heading says so, else among the first Sections, else the last.
    titled = [node for node in own if str(node.meta.heading or "").lower().startswith("short title")]
    for node in titled + own[:SHORT_TITLE_REACH] + own[SHORT_TITLE_REACH:][::-1]:
        match = SHORT_TITLE.search(" ".join(word.text for word in node.all_words()[:SHORT_TITLE_WORDS]))
        if match:
            return match.group("name").strip()
    return ""


SHORT_TITLE_REACH = 6  # the first Sections of an Act, searched for its short title before the others
SHORT_TITLE_WORDS = 120  # words of each
