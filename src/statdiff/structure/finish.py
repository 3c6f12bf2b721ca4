"""The second pass: decide the kinds left open, read each unit's meta (citation, number,
heading, Source note, amendatory instruction, defined term) and give every node its path.

Paths are stable and typeable, and a Section restated in a bill has the same path as in the
Act: `815 ILCS 530/10(c)(3)(i)`, `815 ILCS 530/5 "Personal information"`, `815 ILCS 530/10
[source]`, `Section 10 "Business"`, `10 ILCS 5/Art. 1`, `10 ILCS 5/1-3 1.`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from re import Match
from typing import TYPE_CHECKING, Mapping, NamedTuple

from statdiff.law import amendments, citations, definitions, public_acts, units
from statdiff.model import Meta, Node, ReadResult, Role
from statdiff.structure import notes
from statdiff.structure.boundaries import RESOLUTION_INITIALS
from statdiff.structure.tree import ENUM_NODE_KINDS, NOTE_PATHS, instruction_text

if TYPE_CHECKING:
    from statdiff.model.instruction import AmendatoryInstruction

# `Sec. 10.` is two words; its heading (the first sentence) is within this many words.
HEADING_MAX_WORDS = 20
# How much of a bill section's text says whether it amends an Act.
AMENDATORY_REACH = 600
# The kinds of node the second pass reads meta or a label of.
DESCRIBED_KINDS = frozenset({"bill_section", "section", "article", "definition"}) | ENUM_NODE_KINDS


class Finisher:
    """Decide the kinds left open, parse the meta and give every node its path."""

    def __init__(self, root: Node, result: ReadResult,
                 reused: "Mapping[Node, tuple[str, ...] | None] | None" = None):
        self.root = root
        # Sections copied from another version's tree with their meta, label and paths, and the
        # names of their descendants there (`reuse.py`): not read again; named as they were
        # where nothing before them takes their names (`_named_as_before`)
        self.reused = reused if reused is not None else {}
        self.act = result.identity.act
        self.used: set[str] = set()
        self.counts: dict[str, int] = {}
        self.amending: list[Meta] = []  # the meta of each bill section that amends an Act, in document order
        # the Public Acts of each Source note read so far: an Act's Sections print the same
        # note again and again (`(Source: Laws 1945, p. 335.)`), a third of them distinct
        self.acts_by_note: dict[str, tuple[str, ...]] = {}

    def run(self) -> None:
        self._describe(self.root)
        self._share_act_citations()
        self._name_children(self.root, "")

    def _share_act_citations(self) -> None:
        """A bill section that restates nothing (`... by repealing Section 4.27a.`) takes the
        citation another bill section found for the same Act."""
        amending = self.amending
        known = {meta.amends.act: meta.amends.citation for meta in amending if meta.amends and meta.amends.citation}
        for meta in amending:
            found = meta.amends
            if found is not None and not found.citation and found.act in known:
                meta.amends = replace(found, citation=known[found.act])

    # ------------------------------------------------------------ meta
    def _describe(self, node: Node) -> None:
        reused = self.reused
        for child in node.children:
            if child in reused:
                continue
            kind = child.kind
            if kind in DESCRIBED_KINDS:  # (most nodes, a paragraph or a note, are not)
                self._describe_unit(child, kind)
            if child.children:
                self._describe(child)
        if node.kind == "bill_section" and node.meta.amends is not None:
            acts = Counter(child.meta.act for child in node.children if child.meta.act)
            if acts:
                node.meta.amends = replace(node.meta.amends, citation=acts.most_common(1)[0][0])

    def _describe_unit(self, child: Node, kind: str) -> None:
        """The meta and label of a node of one of `DESCRIBED_KINDS` (not its children's)."""
        if kind == "bill_section":
            _describe_numbered_section(child)
            if child.meta.amends is not None:  # only a bill section's own description sets it
                self.amending.append(child.meta)
        elif kind == "section":
            _describe_codified_section(child, self.acts_by_note)
        elif kind == "article":
            _describe_article(child)
        elif kind in ENUM_NODE_KINDS:
            child.label = child.meta.enumerator
            _note_defined_term(child)
        else:  # a definition
            child.label = f'"{child.meta.term}"'

    # ------------------------------------------------------------ paths
    def _name_children(self, node: Node, path: str) -> None:
        texts_before = 1 if node.has_words() else 0
        clauses: Counter[str] = Counter()  # a resolution's clauses of each name so far
        for child in node.children:
            if child.kind == "text":
                # `[n]` counts a node's paragraphs: no other kind of node is named so, and no
                # two of one node's paragraphs share n: the path is unique as it stands
                texts_before += 1
                clause = resolution_clause(child)
                if clause is not None:  # `WHEREAS 2`, `RESOLVED 1`: what it is, counted in order
                    clauses[clause] += 1
                    child.path = self._unique(_join(path, f"{clause} {clauses[clause]}"))
                else:
                    child.path = f"{path} [{texts_before}]" if path else f"[{texts_before}]"  # `_join`, written out
                if child.meta.act:
                    self.act = child.meta.act
            else:
                named = self._unique(self._child_path(child, node, path))
                if child in self.reused and self._named_as_before(child, named):
                    continue
                child.path = named
            if child.children:
                self._name_children(child, child.path)

    def _named_as_before(self, section: Node, named: str) -> bool:
        """Whether a Section copied from another version's tree (`reuse.py`), named `named`
        here as it was there, keeps its descendants' names: each unique there as it stands,
        and none taken here yet, `_unique` would give each its own. They are then taken."""
        names = self.reused[section]
        if names is None or named != section.path or not (self.used.isdisjoint(names)
                                                          and self.counts.keys().isdisjoint(names)):
            return False
        self.used.update(names)
        self.counts.update(dict.fromkeys(names, 2))  # (`_unique`'s count after a path's first use)
        return True

    def _child_path(self, child: Node, parent: Node, path: str) -> str:
        kind = child.kind
        if kind in NOTE_PATHS:
            return _join(path, NOTE_PATHS[kind])
        meta = child.meta
        if kind in ENUM_NODE_KINDS:
            enumerator = meta.enumerator or ""
            return _join(path, enumerator) if enumerator[:1].isdigit() else f"{path}{enumerator}"
        if kind == "definition":
            return _join(path, f'"{meta.term}"')
        if kind == "article":
            if meta.citation:
                self.act = meta.act
                return meta.citation
            return f"Article {meta.number}"
        prefix = path if parent.kind == "article" and not parent.meta.codified else ""
        if kind == "bill_section" and meta.number is None and child.label:
            return _join(prefix, child.label)  # a constitutional amendment's `Schedule`
        if kind == "bill_section" or not meta.codified:
            return _join(prefix, f"Section {meta.number}")
        return self._codified_path(child, parent)

    def _codified_path(self, section: Node, parent: Node) -> str:
        meta = section.meta
        if meta.citation:
            self.act = meta.act
            return meta.citation
        number = meta.number or "?"
        act = (parent.meta.amends.citation if parent.meta.amends else None) or self.act
        if act:
            meta.act = act
            meta.citation = f"{act}/{number}"
            return meta.citation
        return f"Sec. {number}"

    def _unique(self, path: str) -> str:
        """`path`, or `path #2`, `path #3` ... for its later namesakes (counted per path, so
        that a thousand namesakes cost a thousand steps, not half a million)."""
        count = self.counts.get(path, 1)
        candidate = path if count == 1 else f"{path} #{count}"
        while candidate in self.used:
            count += 1
            candidate = f"{path} #{count}"
        self.counts[path] = count + 1
        self.used.add(candidate)
        return candidate


# A resolution's clauses, named by what they are (`units.RESOLUTION_CLAUSE`): each `WHEREAS`
# recital, and each resolving clause however it opens (`RESOLVED, That`, `BE IT FURTHER RESOLVED`,
# `NOW, THEREFORE, BE IT RESOLVED`). Counted in order among their namesakes in one node, they are
# ordinal names: an inserted recital renumbers the ones after it, and the comparison pairs them
# by content, as it pairs `[n]` (`compare.nodes`).
WHEREAS, RESOLVED = "WHEREAS", "RESOLVED"


def resolution_clause(paragraph: Node) -> str | None:
    """`WHEREAS` or `RESOLVED` where the paragraph opens a resolution's clause, else None."""
    if not paragraph.has_words() or paragraph.word_at(0).text[:1] not in RESOLUTION_INITIALS:
        return None  # most paragraphs: no pattern needed
    found = units.RESOLUTION_CLAUSE.match(paragraph.text)
    if found is None:
        return None
    return WHEREAS if found.group(0).startswith(WHEREAS) else RESOLVED


def _join(path: str, part: str) -> str:
    return f"{path} {part}" if path else part


def _heading(words: list[str]) -> str | None:
    """The catchline after `Sec. 10.`: the first sentence, when it is short and capitalised."""
    if not words or not (words[0][0].isupper() or words[0][0].isdigit()):
        return None
    for index, word in enumerate(words[:HEADING_MAX_WORDS]):
        if word.endswith(".") and word not in units.ABBREVIATIONS:
            return " ".join(words[: index + 1])
    return None


def _heading_in(text: str) -> str | None:
    """`_heading(text.split())`, found in the text without splitting it where its words are
    single-spaced (a `Sec.` line's, cut from the store's text): the first of the first
    `HEADING_MAX_WORDS` words that ends with a stop (`. ` or the end), not an abbreviation."""
    if "  " in text or not text.isprintable() or text[:1].isspace() or text[-1:].isspace():
        return _heading(text.split())  # spaced otherwise: the words as `str.split` reads them
    if not text or not (text[0].isupper() or text[0].isdigit()):
        return None
    stop = text.find(". ")
    while stop >= 0:
        if text.count(" ", 0, stop) >= HEADING_MAX_WORDS:
            return None  # past the words a heading is looked for in
        if text[text.rfind(" ", 0, stop) + 1:stop + 1] not in units.ABBREVIATIONS:
            return text[:stop + 1]
        stop = text.find(". ", stop + 1)
    # the last word, when it is among the first HEADING_MAX_WORDS
    last = text[text.rfind(" ") + 1:]
    if last.endswith(".") and text.count(" ") < HEADING_MAX_WORDS and last not in units.ABBREVIATIONS:
        return text
    return None


def _describe_numbered_section(node: Node) -> None:
    """`Section 5. ...`: a bill section (amendatory, effective date) or an Act's own section."""
    text = instruction_text(node)
    if text.startswith(units.SCHEDULE):
        node.meta.heading, node.label = units.SCHEDULE, "Schedule"
        return
    match = units.SECTION.match(text)
    number = citations.normal_number(match["number"]) if match else None
    body = text[match.end():].strip() if match else text
    meta = node.meta
    meta.number = number
    node.label = f"Section {number}"
    amendatory = bool(amendments.AMENDATORY.search(body[:AMENDATORY_REACH]))
    meta.heading = None if amendatory else _heading(body.split())
    if amendatory:
        meta.amends = _amendatory_instruction(body)
    elif not (meta.heading or "").startswith(units.BILL_SECTION_HEADINGS):
        node.kind = "section"


def _amendatory_instruction(body: str) -> AmendatoryInstruction:
    """What an amendatory bill section's text (after `Section N.`) says it does."""
    from statdiff.model.instruction import AmendatoryInstruction  # a bill's only: `model/instruction.py`

    act, citation = amendments.amended_act(body)
    lists = amendments.sections_by_verb(body)
    renumbering = lists.get("renumbering")
    return AmendatoryInstruction(
        act, citation, tuple(lists["changing"]), tuple(lists["adding"]), tuple(lists["repealing"]),
        None if renumbering is None else tuple(renumbering),
    )


def _describe_codified_section(node: Node, acts_by_note: dict[str, tuple[str, ...]]) -> None:
    """A codified Section's meta and label from its children: its citation line, `Sec.`
    line, Source note (its Public Acts read once a distinct note: `acts_by_note`) and version notes."""
    meta = node.meta
    meta.codified = True
    cited_number = None
    versions = []
    for child in node.children:
        kind = child.kind
        if kind == "citation":
            line = _citation_line(child.text)
            if line.citation is not None:
                meta.citation, meta.act, cited_number = line.citation, line.act, line.number
            _note_citation_line(meta, line)
        elif kind == "text" and child.meta.role == HEADING:
            _read_sec_line(meta, _opening(child))
        elif kind == "source_note":
            meta.source_note = text = child.text
            acts = acts_by_note.get(text)
            if acts is None:
                acts = acts_by_note[text] = tuple(public_acts.of_source_note(text))
            meta.public_acts = acts
        elif kind == "version_note":
            versions.append(child.text)
    if meta.status == "rep.":
        meta.repealed = True
    if meta.number is None and cited_number:
        meta.number = cited_number
    meta.versions = tuple(versions)
    node.label = f"Sec. {meta.number}" if meta.number else "Sec."


HEADING = Role.HEADING  # looked up once: an enum member is a slow attribute
# The words of a `Sec.` line read for its number and heading (`Sec.`, the number, and the
# heading's `HEADING_MAX_WORDS` and one more); the characters they are almost always within
# (`_opening` reads further only when they are not).
OPENING_WORDS = HEADING_MAX_WORDS + 3
OPENING_REACH = 400


def _opening(heading: Node) -> str:
    """The first `OPENING_WORDS` words of a heading node's text (all of them if fewer),
    cut from its first `OPENING_REACH` characters when they hold that many words. (Reading
    the number and heading from those characters whole would be exact too, and slower: the
    heading is then looked for in a longer text.)"""
    head = heading.text_head(OPENING_REACH)
    words = head.split(" ", OPENING_WORDS)
    if len(words) > OPENING_WORDS:  # the words before the last space split at: cut, not joined
        return head[:len(head) - len(words[OPENING_WORDS]) - 1]
    if len(head) < OPENING_REACH:
        return head  # all of the text, in fewer words
    # the reach cut a word, or the text goes on
    return " ".join(heading.text.split(" ", OPENING_WORDS)[:OPENING_WORDS])


def _read_sec_line(meta: Meta, opening: str) -> None:
    """A codified Section's number and heading (and whether it is repealed) from the opening
    of its `Sec. 10. Notice of Breach.` line (its first `OPENING_WORDS` words, or more)."""
    match = units.SEC.match(opening) or _constitution_section(opening)
    if match:
        meta.number = _normal_number(match["number"])
        rest = opening[match.end():].strip()
        placeholder = units.PLACEHOLDER.match(rest) if rest.startswith("(") else None  # it opens with `(`
        meta.heading = placeholder.group(0) if placeholder else _heading_in(rest) or _capitals(rest)
        if placeholder and placeholder["what"] == "Repealed":
            meta.repealed = True


def _constitution_section(opening: str) -> Match[str] | None:
    """`SECTION 8. PASSAGE OF BILLS`: the Constitution's Section line (in capitals)."""
    return units.SECTION.match(opening) if opening.startswith("SECTION") else None


def _capitals(rest: str) -> str | None:
    """A heading printed in capitals without a closing stop (`PASSAGE OF BILLS`, the
    Constitution's), when the whole line is that heading."""
    return rest if rest and rest.isupper() and len(rest.split()) <= HEADING_MAX_WORDS else None


class CitationLine(NamedTuple):
    """What a citation line says: the citation, its Act and the number it cites (None when
    it is no citation), `new` / `rep.`, the `from` and `was` notes."""

    citation: str | None = None
    act: str | None = None
    number: str | None = None
    status: str | None = None
    from_: str | None = None
    was: str | None = None


def _citation_line(text: str) -> CitationLine:
    """A citation line read; a heading citation (`Act title`) is cited as printed."""
    citation: str | None = None
    act: str | None = None
    number: str | None = None
    status: str | None = None
    match = citations.SECTION_CITATION.match(text)
    heading = None if match else citations.HEADING_CITATION.match(text)
    found = match or heading
    constitution = None if found else citations.CONSTITUTION_CITATION.match(text)
    if constitution:
        act = citations.constitution_article(constitution["article"])
        number = constitution["number"]
        citation = citations.constitution_citation(constitution["article"], number)
        status = constitution["status"] or None
    elif found:
        act = citations.act_name(found["title"], found["act"])
        number = _normal_number(match["number"]) if match else _heading_citation_target(found)
        citation = f"{act}/{number}"
        status = found["status"] or None
    was = notes.was_note(text)
    return CitationLine(citation, act, number, status, notes.from_note(text),
                        None if was is None else _normal_number(was))


def _note_citation_line(meta: Meta, line: CitationLine) -> None:
    """A codified Section's status and notes, as its citation line gives them."""
    if line.status:
        meta.status = line.status
    if line.from_ is not None:
        meta.from_ = line.from_
    if line.was is not None:
        meta.was = line.was


def _normal_number(number: str) -> str:
    """`citations.normal_number`, which an ASCII number (almost every one) is already: its
    table maps only the Unicode hyphens (a `translate` takes as long as a regex match)."""
    return number if number.isascii() else citations.normal_number(number)


def _heading_citation_target(match: Match[str]) -> str:
    """`Art. 19B`, `Art. 850 Pt. 5`, `Act title`: what a heading citation names."""
    if match["article"] is None:
        return "Act title"
    article = f"Art. {citations.normal_number(match['article'])}"
    return f"{article} Pt. {match['part']}" if match["part"] else article


def _note_defined_term(node: Node) -> None:
    """`(a) "Anniversary" means ...`, `1. "Election" includes ...`, `(a) The term "person"
    includes ...`: the enumerated unit says which term it defines."""
    rest = node.text[len(node.meta.enumerator or ""):].lstrip()
    term = definitions.term_of(rest)
    if term is not None:
        node.meta.term = term


def _describe_article(node: Node) -> None:
    """A bill's Article (`ARTICLE 1. SHORT TITLE`: its own words) or a codified Article
    (its citation line, then `ARTICLE 1.` `GENERAL PROVISIONS` in a heading child)."""
    meta = node.meta
    heading_text = node.text
    for child in node.children:
        if child.kind == "citation":
            meta.codified = True
            line = _citation_line(child.text)
            if line.citation:
                meta.citation, meta.act = line.citation, line.act
                if line.status:
                    meta.status = line.status
        elif child.meta.role == Role.ARTICLE_HEADING:
            heading_text = child.text
    match = units.ARTICLE.match(heading_text)
    number = match["number"] if match else None
    if number is None and meta.citation:
        number = meta.citation.rsplit("Art. ", 1)[-1]
    meta.number = number or "?"
    heading = heading_text[match.end():].strip() if match else ""
    meta.heading = heading or None
    node.label = f"Article {meta.number}"
