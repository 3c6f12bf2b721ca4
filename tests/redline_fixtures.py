"""Hand-built Comparisons for the redline tests, independent of the diff stage.

`comparison_of(old_sections, new_sections)` aligns hand-made sections by index and
word-diffs each node pair with difflib, which is enough to exercise the renderer
and the annotator. `headline_comparison()` builds 815 ILCS 530 through P.A. 94-947
against HB0605 from the real text, applying HB0605's seven insertions.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from statdiff import api, pipeline
from statdiff.render import RenderOptions

from statdiff.model import (
    Meta,
    Change,
    Comparison,
    Document,
    Identity,
    Node,
    NodeComparison,
    Position,
    Segment,
    SectionComparison,
    SourceSpan,
    Token,
    Word,
)

ROOT = Path(__file__).resolve().parent.parent
THROUGH_947 = ROOT / "statutes/pipa/815ILCS530_through_PA094-0947.txt"
HB0605 = ROOT / "statutes/seeds/002_524df963b8163e99.txt"
AS_ENACTED = ROOT / "statutes/pipa/815ILCS530_as_enacted_PA094-0036.txt"


def render_redline(comparison: Comparison, view: str = "inline", notes=None, title: str | None = None) -> str:
    """The HTML redline of a comparison, made as `statdiff redline` makes it."""
    return pipeline.render_comparison(comparison, "html", notes=notes, title=title, options=RenderOptions(view=view))


def print_redline(comparison: Comparison, console, context: int = 8) -> None:
    """The terminal redline of a comparison, printed on `console` as `statdiff diff` prints it."""
    console.file.write(pipeline.render_comparison(comparison, "terminal",
                                                  options=RenderOptions(console=console, context=context)))


def comparison_json(comparison: Comparison) -> str:
    """`statdiff diff --json` of a comparison."""
    return pipeline.render_comparison(comparison, "json")


@lru_cache(maxsize=None)
def real_comparison(old: Path, new: Path):
    """statdiff's own comparison of two real texts (cached: the tests only read it)."""
    return api.diff(old, new)

HB0605_INSERTIONS = [
    # (section number, old text, new text): each adds the words in the corpus README's list.
    ("5", '"Breach of the security of the system data" means unauthorized acquisition of computerized data that',
     '"Breach of the security of the system data or written material" means unauthorized acquisition of '
     "computerized data or written material that"),
    ("10", "breach of the security of the system data following discovery",
     "breach of the security of the system data or written material following discovery"),
    ("10", "shall be made in the most expedient",
     "shall be made within 48 hours of the discovery of the breach of the security of the system data or "
     "written material, in the most expedient"),
    ("10", "confidentiality of the data system.", "confidentiality of the data system or written material files."),
    ("10", "maintains computerized data", "maintains material files or computerized data"),
    ("10", "in the event of a breach of the security of the system data.",
     "in the event of a breach of the security of the system data or written material."),
]
SEVEN_INSERTIONS = [
    "or written material",
    "or written material",
    "or written material",
    "within 48 hours of the discovery of the breach of the security of the system data or written material,",
    "or written material files",
    "material files or",
    "or written material",
]

_TOKEN = re.compile(r"\$?\d[\d,.]*\d|\w[\w'’\-]*|\S")


def tokens_of(node: Node) -> tuple[Token, ...]:
    tokens = []
    for index, word in enumerate(node.words):
        for number, match in enumerate(_TOKEN.finditer(word.text)):
            space = index > 0 and number == 0
            tokens.append(Token(match.group(0), word.position, space, word.mark))
    return tuple(tokens)


def rebuild(tokens) -> str:
    return "".join((" " if i and t.space_before else "") + t.text for i, t in enumerate(tokens))


def node(kind: str, path: str, text: str, page: int | None = 1, line: int | None = 1, **meta) -> Node:
    return Node(kind, path, [Word(w, Position(page, line)) for w in text.split()], meta=Meta(**meta))


def section_node(path: str, number: str, children: list[Node], heading: str = "") -> Node:
    """A section whose first child carries its `Sec. N. Heading.` line."""
    head = children[0]
    return Node("section", path, head.words, children[1:], meta=Meta(number=number, heading=heading))


def document(identity: Identity, name: str, sections: list[Node]) -> Document:
    return Document(identity, Node("document", "", [], sections), "fixture", name)


def _span(tokens) -> SourceSpan | None:
    return SourceSpan(tokens[0].position, tokens[-1].position) if tokens else None


def compare_nodes(old: Node | None, new: Node | None, section: str, counter: list[int]) -> NodeComparison:
    old_tokens = tokens_of(old) if old else ()
    new_tokens = tokens_of(new) if new else ()
    if old is None or new is None:
        op, status = ("add", "added") if old is None else ("remove", "removed")
        seg = Segment("insert", (), new_tokens) if old is None else Segment("delete", old_tokens, ())
        counter[0] += 1
        change = Change(op, old.path if old else None, new.path if new else None, rebuild(old_tokens),
                        rebuild(new_tokens), _span(old_tokens), _span(new_tokens), section,
                        anchor=f"change-{counter[0]}")
        seg.anchor = change.anchor
        return NodeComparison(old, new, status, [seg], [change])
    matcher = SequenceMatcher(a=[t.text for t in old_tokens], b=[t.text for t in new_tokens], autojunk=False)
    segments, changes = [], []
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        seg = Segment(tag, old_tokens[a0:a1], new_tokens[b0:b1])
        segments.append(seg)
        if tag == "equal":
            continue
        counter[0] += 1
        changes.append(Change(tag, old.path, new.path, rebuild(seg.old), rebuild(seg.new), _span(seg.old),
                              _span(seg.new), section, anchor=f"change-{counter[0]}"))
        seg.anchor = changes[-1].anchor
    return NodeComparison(old, new, "changed" if changes else "unchanged", segments, changes)


def compare_sections(old: Node | None, new: Node | None, counter: list[int], status: str | None = None,
                     heading: str = "") -> SectionComparison:
    path = (new or old).path
    if old is None or new is None:
        if status in ("not_restated", "only_old", "only_new"):
            return SectionComparison(path, heading, status, old, new)
    old_nodes = list(old.walk()) if old else []
    new_nodes = list(new.walk()) if new else []
    nodes = []
    for index in range(max(len(old_nodes), len(new_nodes))):
        a = old_nodes[index] if index < len(old_nodes) else None
        b = new_nodes[index] if index < len(new_nodes) else None
        nodes.append(compare_nodes(a, b, path, counter))
    changes = [c for nc in nodes for c in nc.changes]
    if status is None:
        status = "changed" if changes else "unchanged"
        if old is None:
            status = "added"
        elif new is None:
            status = "removed"
    return SectionComparison(path, heading, status, old, new, nodes, changes)


# ---------------------------------------------------------------- the headline case


def _paragraph_kind(text: str, section: str, seen: dict[str, int], current_sub: list[str]) -> tuple[str, str]:
    if text.startswith("(815 ILCS"):
        return "citation", f"{section} [citation]"
    if text.startswith("(Source:"):
        return "source_note", f"{section} [source]"
    quoted = re.match(r'"([^"]+)"', text)
    if quoted:
        path = f'{section} "{quoted.group(1)}"'
        seen[path] = seen.get(path, 0) + 1
        return "definition", path if seen[path] == 1 else f"{path} #{seen[path]}"
    label = re.match(r"\(([a-z](?:-\d+)?)\)", text)
    if label:
        current_sub[:] = [label.group(1)]
        return "subsection", f"{section}({label.group(1)})"
    label = re.match(r"\((\d+)\)", text)
    if label:
        parent = f"{section}({current_sub[0]})" if current_sub else section
        return "paragraph", f"{parent}({label.group(1)})"
    return "text", f"{section} [{len(seen) + 1}]"


def ilcs_sections(text: str, page_of=lambda index: 1, line_of=lambda index: index + 1) -> list[Node]:
    """Sections of a one-paragraph-a-line ILCS text such as the pipa files."""
    sections: list[Node] = []
    paragraphs: list[tuple[int, str]] = [(i, line.strip()) for i, line in enumerate(text.splitlines()) if line.strip()]
    current: list[list] = []
    for index, paragraph in paragraphs:
        if paragraph.startswith("(815 ILCS 530/") and paragraph != "(815 ILCS 530/) Personal Information Protection Act.":
            current.append([paragraph[1:-1], []])
        if current:
            current[-1][1].append((index, paragraph))
    for path, lines in current:
        number = path.rsplit("/", 1)[1]
        seen: dict[str, int] = {}
        sub: list[str] = []
        children = []
        heading = ""
        for index, paragraph in lines:
            if paragraph.startswith("Sec. "):
                kind, node_path = "section", path
                heading = re.match(r"Sec\. [\w.]+\. ([^.]+\.)", paragraph).group(1)
            else:
                kind, node_path = _paragraph_kind(paragraph, path, seen, sub)
            children.append(node(kind, node_path, paragraph, page_of(index), line_of(index)))
        head = next(c for c in children if c.kind == "section")
        rest = [c for c in children if c is not head]
        sections.append(Node("section", path, head.words, rest, meta=Meta(number=number, heading=heading)))
    return sections


def apply_insertions(text: str) -> str:
    for _, before, after in HB0605_INSERTIONS:
        assert before in text, before
        text = text.replace(before, after, 1)
    return text


def headline_comparison() -> Comparison:
    """815 ILCS 530 through P.A. 94-947 against HB0605, built by hand (Sec. 1 not restated)."""
    old_text = THROUGH_947.read_text(encoding="utf-8")
    old_sections = ilcs_sections(old_text)
    new_sections = ilcs_sections(apply_insertions(old_text), page_of=lambda i: 1 + i // 25, line_of=lambda i: 1 + i % 25)
    old_doc = document(Identity(act="815 ILCS 530", public_act="94-947", version="compiled"),
                       THROUGH_947.name, old_sections)
    new_doc = document(Identity(general_assembly=95, bill="HB0605", version="introduced"), HB0605.name,
                       new_sections[1:])
    counter = [0]
    sections = [compare_sections(old_sections[0], None, counter, status="not_restated", heading="Short title.")]
    sections += [
        compare_sections(old, new, counter, heading=old.meta.heading)
        for old, new in zip(old_sections[1:], new_sections[1:])
    ]
    return Comparison(old_doc, new_doc, "amendment", sections)


# ---------------------------------------------------------------- synthetic


def synthetic_comparison(section_count: int = 1000, changed_every: int = 20) -> Comparison:
    """A big comparison: `section_count` sections, one replaced word in every `changed_every`-th."""
    old_sections, new_sections = [], []
    for number in range(1, section_count + 1):
        path = f"620 ILCS 5/{number}"
        body = (f"(a) The Department shall issue a certificate within 30 days after the application under "
                f"Section {number} of this Act, and the fee is $250.")
        new_body = body.replace("30 days", "45 days") if number % changed_every == 0 else body
        page, line = 1 + number // 8, 1 + (number * 3) % 25
        for target, text in ((old_sections, body), (new_sections, new_body)):
            head = node("section", path, f"Sec. {number}. Certificates.", page, line)
            sub = node("subsection", f"{path}(a)", text, page, line + 1)
            target.append(Node("section", path, head.words, [sub], meta=Meta(number=str(number))))
    counter = [0]
    sections = [compare_sections(a, b, counter, heading="Certificates.") for a, b in zip(old_sections, new_sections)]
    old_doc = document(Identity(act="620 ILCS 5"), "old.txt", old_sections)
    new_doc = document(Identity(act="620 ILCS 5", version="amended"), "new.txt", new_sections)
    return Comparison(old_doc, new_doc, "versions", sections)


# ---------------------------------------------------------------- the big benchmark pair

CHAPTER_620 = ROOT / "statutes/ilcs-chapter-620/statutes.csv"
_BENCHMARK_EDITS = [
    # (pattern, replacement, every n-th occurrence): a few dozen edits spread over the chapter.
    (" shall ", " may ", 40),
    (" days", " business days", 6),
    (" aircraft ", " aircraft or unmanned aircraft ", 12),
]


def benchmark_pair(directory: Path) -> tuple[Path, Path]:
    """Chapter 620 of the ILCS and a copy with a few dozen edits, as two CSV files."""
    import csv

    csv.field_size_limit(1 << 30)
    with CHAPTER_620.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    counters = {pattern: 0 for pattern, _, _ in _BENCHMARK_EDITS}

    def edit(text: str) -> str:
        for pattern, replacement, every in _BENCHMARK_EDITS:
            def swap(match, pattern=pattern, replacement=replacement, every=every):
                counters[pattern] += 1
                return replacement if counters[pattern] % every == 0 else match.group(0)
            text = re.sub(re.escape(pattern), swap, text)
        return text

    edited = [dict(row, text=edit(row["text"])) for row in rows]
    new = directory / "statutes-edited.csv"
    with new.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(edited)
    return CHAPTER_620, new
