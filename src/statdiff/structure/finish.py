"""The second pass: decide the kinds left open, read each unit's meta (citation, number,
heading, Source note, amendatory instruction, defined term) and give every node its path.

Paths are stable and typeable, and a Section restated in a bill has the same path as in the
Act: `815 ILCS 530/10(c)(3)(i)`, `815 ILCS 530/5 "Personal information"`, `815 ILCS 530/10
[source]`, `Section 10 "Business"`, `10 ILCS 5/Art. 1`, `10 ILCS 5/1-3 1.`.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from statdiff.law import amendments, citations, definitions, public_acts, units
from statdiff.model import Node, ReadResult
from statdiff.structure.tree import ENUM_NODE_KINDS, NOTE_PATHS, instruction_text

# `Sec. 10.` is two words; its heading (the first sentence) is within this many words.
HEADING_MAX_WORDS = 20
# How much of a bill section's text says whether it amends an Act.
AMENDATORY_REACH = 600


class Finisher:
    """Decide the kinds left open, parse the meta and give every node its path."""

    def __init__(self, root: Node, result: ReadResult):
        self.root = root
        self.act = result.identity.act
        self.used: set[str] = set()
        self.counts: dict[str, int] = {}

    def run(self) -> None:
        self._describe(self.root)
        self._share_act_citations()
        self._name_children(self.root, "")

    def _share_act_citations(self) -> None:
        """A bill section that restates nothing (`... by repealing Section 4.27a.`) takes the
        citation another bill section found for the same Act."""
        amending = [node.meta["amends"] for node in self.root.walk() if node.meta.get("amends")]
        known = {found["act"]: found["citation"] for found in amending if found.get("citation")}
        for found in amending:
            if not found.get("citation") and found["act"] in known:
                found["citation"] = known[found["act"]]

    # ------------------------------------------------------------ meta
    def _describe(self, node: Node) -> None:
        for child in node.children:
            if child.kind == "bill_section":
                _describe_numbered_section(child)
            elif child.kind == "section":
                _describe_codified_section(child)
            elif child.kind == "article":
                _describe_article(child)
            elif child.kind in ENUM_NODE_KINDS:
                child.label = child.meta.get("enumerator")
                _note_defined_term(child)
            elif child.kind == "definition":
                child.label = f'"{child.meta["term"]}"'
            if child.children:
                self._describe(child)
        if node.kind == "bill_section" and node.meta.get("amends"):
            acts = Counter(child.meta.get("act") for child in node.children if child.meta.get("act"))
            if acts:
                node.meta["amends"]["citation"] = acts.most_common(1)[0][0]

    # ------------------------------------------------------------ paths
    def _name_children(self, node: Node, path: str) -> None:
        texts_before = 1 if node.words else 0
        for child in node.children:
            if child.kind == "text":
                # `[n]` counts a node's paragraphs: no other kind of node is named so, and no
                # two of one node's paragraphs share n: the path is unique as it stands
                texts_before += 1
                child.path = _join(path, f"[{texts_before}]")
                if child.meta.get("act"):
                    self.act = child.meta["act"]
            else:
                child.path = self._unique(self._child_path(child, node, path))
            if child.children:
                self._name_children(child, child.path)

    def _child_path(self, child: Node, parent: Node, path: str) -> str:
        kind = child.kind
        if kind in NOTE_PATHS:
            return _join(path, NOTE_PATHS[kind])
        if kind in ENUM_NODE_KINDS:
            enumerator = child.meta["enumerator"]
            return _join(path, enumerator) if enumerator[0].isdigit() else f"{path}{enumerator}"
        if kind == "definition":
            return _join(path, f'"{child.meta["term"]}"')
        if kind == "article":
            if child.meta.get("citation"):
                self.act = child.meta["act"]
                return child.meta["citation"]
            return f"Article {child.meta['number']}"
        prefix = path if parent.kind == "article" and not parent.meta.get("codified") else ""
        if kind == "bill_section" or not child.meta.get("codified"):
            return _join(prefix, f"Section {child.meta.get('number')}")
        return self._codified_path(child, parent)

    def _codified_path(self, section: Node, parent: Node) -> str:
        if section.meta.get("citation"):
            self.act = section.meta["act"]
            return section.meta["citation"]
        number = section.meta.get("number") or "?"
        act = (parent.meta.get("amends") or {}).get("citation") or self.act
        if act:
            section.meta["act"] = act
            section.meta["citation"] = f"{act}/{number}"
            return section.meta["citation"]
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


def _describe_numbered_section(node: Node) -> None:
    """`Section 5. ...`: a bill section (amendatory, effective date) or an Act's own section."""
    text = instruction_text(node)
    match = units.SECTION.match(text)
    number = citations.normal_number(match["number"]) if match else None
    body = text[match.end():].strip() if match else text
    node.meta["number"] = number
    node.label = f"Section {number}"
    amendatory = bool(amendments.AMENDATORY.search(body[:AMENDATORY_REACH]))
    node.meta["heading"] = None if amendatory else _heading(body.split())
    if amendatory:
        node.meta["amends"] = amendments.amends(body)
    elif not (node.meta["heading"] or "").startswith(units.BILL_SECTION_HEADINGS):
        node.kind = "section"


def _describe_codified_section(node: Node) -> None:
    meta: dict[str, Any] = {"codified": True, "citation": None, "act": None, "number": None, "heading": None}
    versions = []
    for child in node.children:
        if child.kind == "citation":
            meta.update(_citation_meta(child.text))
        elif child.kind == "text" and child.meta.get("role") == "heading":
            opening = " ".join([word.text for word in child.words[: HEADING_MAX_WORDS + 3]])
            match = units.SEC.match(opening)
            if match:
                meta["number"] = citations.normal_number(match["number"])
                rest = opening[match.end():].strip()
                placeholder = units.PLACEHOLDER.match(rest)
                meta["heading"] = placeholder.group(0) if placeholder else _heading(rest.split())
                if placeholder and placeholder["what"] == "Repealed":
                    meta["repealed"] = True
        elif child.kind == "source_note":
            meta["source_note"] = text = child.text
            meta["public_acts"] = public_acts.of_source_note(text)
        elif child.kind == "version_note":
            versions.append(child.text)
    if meta.get("status") == "rep.":
        meta["repealed"] = True
    if meta["number"] is None and meta.get("cited_number"):
        meta["number"] = meta["cited_number"]
    meta.pop("cited_number", None)
    if versions:
        meta["versions"] = versions
    node.meta.update(meta)
    node.label = f"Sec. {meta['number']}" if meta["number"] else "Sec."


def _citation_meta(text: str) -> dict:
    """What a citation line says: the citation, its Act and number, `new`/`rep.`, the
    `from` and `was` notes; a heading citation (`Act title`) is cited as printed."""
    meta: dict[str, Any] = {}
    match = citations.SECTION_CITATION.match(text)
    heading = None if match else citations.HEADING_CITATION.match(text)
    found = match or heading
    if found:
        act = citations.act_name(found["title"], found["act"])
        cited = citations.normal_number(match["number"]) if match else _heading_citation_target(heading)
        meta.update(citation=f"{act}/{cited}", act=act, cited_number=cited)
        if found["status"]:
            meta["status"] = found["status"]
    from_note = citations.FROM_NOTE.search(text)
    if from_note:
        meta["from"] = from_note["from"]
    was_note = citations.WAS_NOTE.search(text)
    if was_note:
        meta["was"] = citations.normal_number(was_note["was"])
    return meta


def _heading_citation_target(match) -> str:
    """`Art. 19B`, `Art. 850 Pt. 5`, `Act title`: what a heading citation names."""
    if match["article"] is None:
        return "Act title"
    article = f"Art. {citations.normal_number(match['article'])}"
    return f"{article} Pt. {match['part']}" if match["part"] else article


def _note_defined_term(node: Node) -> None:
    """`(a) "Anniversary" means ...`, `1. "Election" includes ...`, `(a) The term "person"
    includes ...`: the enumerated unit says which term it defines."""
    rest = node.text[len(node.meta.get("enumerator") or ""):].lstrip()
    term = definitions.term_of(rest)
    if term is not None:
        node.meta["term"] = term


def _describe_article(node: Node) -> None:
    """A bill's Article (`ARTICLE 1. SHORT TITLE`: its own words) or a codified Article
    (its citation line, then `ARTICLE 1.` `GENERAL PROVISIONS` in a heading child)."""
    heading_text = node.text
    for child in node.children:
        if child.kind == "citation":
            node.meta["codified"] = True
            meta = _citation_meta(child.text)
            if meta.get("citation"):
                node.meta.update(citation=meta["citation"], act=meta["act"])
                if meta.get("status"):
                    node.meta["status"] = meta["status"]
        elif child.meta.get("role") == "article_heading":
            heading_text = child.text
    match = units.ARTICLE.match(heading_text)
    number = match["number"] if match else None
    if number is None and node.meta.get("citation"):
        number = node.meta["citation"].rsplit("Art. ", 1)[-1]
    node.meta["number"] = number or "?"
    heading = heading_text[match.end():].strip() if match else ""
    node.meta["heading"] = heading or None
    node.label = f"Article {node.meta['number']}"
