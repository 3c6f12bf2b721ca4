"""NEW built with what OLD's build knows (`structure/reuse.py`, `build_pair`) is NEW built alone:
node by node (kind, path, label, meta, words with their page:line and marks, children) and the
Document's other parts, on every consecutive pair of versions the comparisons are checked on
(statutes, the corpus, the fixtures), on the two benchmark pairs, and on random edits of real
Acts (words inserted and deleted, lines split and joined, a Section renumbered or repeated, an
Article opened, a Source note dropped)."""

from __future__ import annotations

import csv
import re._parser as re_parser
import importlib.util
import io
import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statdiff import pipeline
from statdiff.errors import StatdiffError
from statdiff.model import Document
from statdiff.read import read_path, read_text
from statdiff.structure import build_document, build_pair, reuse

from bench_pair import chapter_620_pair

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CHAPTER_620 = ROOT / "statutes" / "ilcs-chapter-620" / "statutes.csv"
PIPA = ROOT / "statutes" / "pipa" / "815ILCS530_through_PA094-0947.txt"
CONSTITUTIONAL_AMENDMENT_ACT = SHARED / "corpus" / "ilcs-whole-acts" / "5ILCS20_IllinoisConstitutionalAmendmentAct.txt"
FOLDERS = (ROOT / "statutes", SHARED / "corpus", ROOT / "tests" / "fixtures")
SUFFIXES = (".txt", ".csv", ".md", ".html", ".htm")
PAIR_MAX_BYTES = 400_000  # as the comparisons checked on every change (larger ones: the bench pairs)


def document_parts(document: Document) -> list[object]:
    """Everything a Document holds, each node's in document order (its words made)."""
    parts: list[object] = [document.identity, document.rendering, document.name, document.synopsis,
                           document.detection, document.suspected_strikes, document.as_meant is None]
    for node in document.walk():
        parts.append((node.kind, node.path, node.label, node.meta, len(node.children), node.text,
                      [(word.text, word.position, word.mark) for word in node.words]))
    printed = document.printed_lines
    parts.append([(position, printed.text_at(position.page, position.line)) for position in printed.positions()])
    return parts


def reused_sections(old, new) -> int:
    """How many Sections `build_pair` copied from OLD's tree into NEW's."""
    made: list[reuse.Splicer | None] = []
    splicer = reuse.Reusable.splicer

    def kept(self, stream):
        made.append(splicer(self, stream))
        return made[-1]

    reuse.Reusable.splicer = kept
    try:
        build_pair(old, new)
    finally:
        reuse.Reusable.splicer = splicer
    return sum(len(found.reused) for found in made if found is not None)


def assert_built_alike(old, new) -> None:
    """`build_pair` builds both as `build_document` builds each."""
    old_paired, new_paired = build_pair(old, new)
    assert document_parts(new_paired) == document_parts(build_document(new))
    assert document_parts(old_paired) == document_parts(build_document(old))


def consecutive_pairs() -> list[tuple[Path, Path]]:
    pairs = []
    for folder in FOLDERS:
        if not folder.is_dir():
            continue
        by_folder: dict[Path, list[Path]] = {}
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in SUFFIXES and path.name.lower() not in ("readme.md", "provenance.md"):
                by_folder.setdefault(path.parent, []).append(path)
        for paths in by_folder.values():
            paths = [path for path in paths if path.stat().st_size < PAIR_MAX_BYTES]
            pairs += zip(paths, paths[1:])
    return pairs


def _read(path: Path):
    try:
        return read_path(path)
    except StatdiffError:
        return None  # a file that is no text (a bill-status page): no pair to build


def test_every_consecutive_pair_builds_alike():
    checked = 0
    for old_path, new_path in consecutive_pairs():
        old, new = _read(old_path), _read(new_path)
        if old is not None and new is not None:
            assert_built_alike(old, new)
            checked += 1
    assert checked > 50


def test_chapter_620_pair_builds_alike_and_reuses(tmp_path):
    old_path, new_path = chapter_620_pair(tmp_path)
    old, new = read_path(old_path), read_path(new_path)
    assert_built_alike(old, new)
    # 288 of its 315 Sections print alike; those near an edit are read too far to copy
    assert reused_sections(old, new) > 250
    assert reused_sections(new, new) > 300  # against itself, every Section after another's Source note
    assert pipeline.compare_files(old_path, new_path).summary == pipeline.compare(
        build_document(old), build_document(new)).summary


def _bench_scale():
    spec = importlib.util.spec_from_file_location("bench_scale", ROOT / "bench" / "bench_scale.py")
    assert spec is not None and spec.loader is not None
    sys.path.insert(0, str(ROOT / "bench"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_election_code_pair_builds_alike(tmp_path):
    if not (SHARED / "corpus" / "ilcs-whole-acts" / "10ILCS5_ElectionCode.txt").exists():
        pytest.skip("../shared is missing: the Election Code is not in the repository")
    old_path, new_path = _bench_scale().election_pair(tmp_path)
    old, new = read_path(old_path), read_path(new_path)
    assert_built_alike(old, new)
    assert reused_sections(old, new) > 780  # of 963 Sections, 824 after another's Source note


def test_text_with_struck_words_is_built_alone():
    """A printing with struck text is built as ever (nothing copied)."""
    old = read_path(ROOT / "statutes" / "pipa" / "815ILCS530_as_enacted_PA094-0036.txt")
    assert reused_sections(old, old) > 0
    struck = [path for path in (ROOT / "tests" / "fixtures").rglob("*.htm*") if "strike" in path.read_text(errors="ignore").lower()]
    for path in struck[:3]:
        result = _read(path)
        if result is not None and result.marked("deleted"):
            assert reused_sections(result, result) == 0


# ---------------------------------------------------------------- random edits of real Acts

WORDS = ("the", "State", "shall", "notice", "(a)", "(1)", "Sec.", "Section", '"Term"', "means", "(Source:",
         "P.A.", "ARTICLE", "1.", "and", "or;", "Board.")


def _ilcs_acts() -> list[str]:
    texts = [PIPA.read_text(encoding="utf-8")]
    if CONSTITUTIONAL_AMENDMENT_ACT.exists():
        texts.append(CONSTITUTIONAL_AMENDMENT_ACT.read_text(encoding="utf-8"))
    return texts


def _chapter_620_rows() -> tuple[list[str], list[dict[str, str]]]:
    csv.field_size_limit(1 << 30)
    with CHAPTER_620.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = [row for row in reader if 3_000 < len(row["text"]) < 30_000]
        return list(reader.fieldnames or []), rows[:6]


CSV_FIELDS, CSV_ROWS = _chapter_620_rows()


def _as_csv(row: dict[str, str], text: str) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
    writer.writeheader()
    writer.writerow({**row, "text": text})
    return out.getvalue()


def _edited(text: str, chooser: random.Random, edits: int) -> str:
    """`text` with `edits` random edits of the kinds a new version makes, or that break a unit."""
    for _ in range(edits):
        words = text.split(" ")
        kind = chooser.randrange(8)
        at = chooser.randrange(len(words))
        if kind == 0:  # a word inserted
            words.insert(at, chooser.choice(WORDS))
        elif kind == 1 and len(words) > 1:  # a word deleted
            del words[at]
        elif kind == 2:  # a line split (indented or not)
            words[at] = chooser.choice(("\n", "\n    ")) + words[at]
        elif kind == 3:  # two lines joined
            lines = text.split("\n")
            if len(lines) > 1:
                join = chooser.randrange(len(lines) - 1)
                lines[join:join + 2] = [lines[join] + " " + lines[join + 1].lstrip()]
                words = "\n".join(lines).split(" ")
        elif kind == 4:  # a Section renumbered (its citation and its Sec. line)
            number = chooser.choice([word for word in words[1:] if word[:1].isdigit() and word.endswith(".")] or ["1."])
            words = " ".join(words).replace(f"/{number[:-1]})", f"/{number[:-1]}a)").replace(
                f"Sec. {number}", f"Sec. {number[:-1]}a.").split(" ")
        elif kind == 5:  # a Section printed twice
            text_now = " ".join(words)
            start = text_now.find("(", chooser.randrange(len(text_now)))
            end = text_now.find("(Source:", start)
            close = text_now.find(")", end)
            if start >= 0 and end >= 0 and close >= 0:
                copied = text_now[start:close + 1]
                words = (text_now[:close + 1] + " " + copied + text_now[close + 1:]).split(" ")
        elif kind == 6:  # an Article opened before a citation line
            text_now = " ".join(words)
            citation = text_now.find(" ILCS ", chooser.randrange(len(text_now)))
            opening = text_now.rfind("(", 0, citation)
            if citation >= 0 and opening >= 0:
                act = text_now[opening + 1:citation]
                heading = f"({act} ILCS 5/Art. 2 heading) ARTICLE 2. GENERAL PROVISIONS\n"
                words = (text_now[:opening] + heading + text_now[opening:]).split(" ")
        else:  # a Source note dropped
            text_now = " ".join(words)
            note = text_now.find("(Source:", chooser.randrange(len(text_now)))
            close = text_now.find(")", note)
            if note >= 0 and close >= 0:
                words = (text_now[:note] + text_now[close + 1:]).split(" ")
        text = " ".join(words)
    return text


EDITS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@EDITS
@given(act=st.integers(0, 1), seed=st.integers(0, 2**32), old_edits=st.integers(0, 2), new_edits=st.integers(1, 4))
def test_random_edits_of_an_act_page_build_alike(act, seed, old_edits, new_edits):
    texts = _ilcs_acts()
    chooser = random.Random(seed)
    base = texts[act % len(texts)]
    old_text = _edited(base, chooser, old_edits)
    new_text = _edited(old_text, chooser, new_edits)
    old, new = read_text(old_text, name="old.txt"), read_text(new_text, name="new.txt")
    assert_built_alike(old, new)


@EDITS
@given(row=st.integers(0, len(CSV_ROWS) - 1), seed=st.integers(0, 2**32), new_edits=st.integers(1, 4))
def test_random_edits_of_a_flattened_act_build_alike(row, seed, new_edits):
    chooser = random.Random(seed)
    text = CSV_ROWS[row]["text"]
    new_text = _edited(text, chooser, new_edits)
    old = read_text(_as_csv(CSV_ROWS[row], text), name="old.csv")
    new = read_text(_as_csv(CSV_ROWS[row], new_text), name="new.csv")
    assert_built_alike(old, new)


def test_an_act_page_reuses_its_unchanged_sections():
    """The edits above are tried where something is copied: an Act against itself copies
    every Section a Source note precedes."""
    for text in _ilcs_acts():
        result = read_text(text, name="act.txt")
        assert reused_sections(result, result) > 0
    row = CSV_ROWS[0]
    result = read_text(_as_csv(row, row["text"]), name="act.csv")
    assert reused_sections(result, result) > 5


# ---------------------------------------------------------------- what must stop a copy

ACT_PAGE = """BUSINESS TRANSACTIONS
(815 ILCS 530/) Personal Information Protection Act.

    (815 ILCS 530/1)
    Sec. 1. Short title. This Act may be cited as the Personal Information Protection Act.
(Source: P.A. 94-36, eff. 1-1-06.)

{section}
(Source: P.A. 94-36, eff. 1-1-06.)

{after}
(Source: P.A. 94-36, eff. 1-1-06.)
"""
NOTICE = "    (815 ILCS 530/10)\n    Sec. 10. Notice. The resident is notified in writing."


def _page(section: str, after: str = NOTICE):
    return read_text(ACT_PAGE.format(section=section, after=after), name="act.txt")


def test_a_section_printed_on_other_lines_is_built_again():
    """The same words, but `(b)` opening an indented line: a subsection there, a reference inline."""
    inline = "    (815 ILCS 530/5)\n    Sec. 5. Notice. (a) A collector shall give notice. (b) The notice is written."
    split = inline.replace(" (b) ", "\n    (b) ")
    old, new = _page(inline), _page(split)
    assert [node.kind for node in build_document(old).walk()] != [node.kind for node in build_document(new).walk()]
    assert_built_alike(old, new)


def test_a_section_read_past_its_end_is_built_again():
    """A version note's pattern, tried in a Section, reads on past its Source note into the
    next Section: with a stray `)` there, the note runs on to it; without, there is none. The
    Section prints alike, and is built again."""
    section = "    (815 ILCS 530/5)\n    Sec. 5. Definitions.\n    (Text of Section before amendment"
    old = _page(section, "    (815 ILCS 530/10)\n    Sec. 10. Notice. The resident is notified.")
    new = _page(section, "    (815 ILCS 530/10)\n    Sec. 10. Notice. The resident is notified.)")
    assert "version_note" not in [node.kind for node in build_document(old).walk()]
    assert "version_note" in [node.kind for node in build_document(new).walk()]
    assert_built_alike(old, new)


# Characters a pattern's lookahead reads past its match (`citations._NOTE_UNCLOSED_END`, the widest).
LOOKAHEAD = 16


def _widest(pattern) -> int:
    return re_parser.parse(pattern if isinstance(pattern, str) else pattern.pattern).getwidth()[1] + LOOKAHEAD


def test_the_reach_of_each_read_at_a_word_holds():
    """`boundaries.LOCAL_REACH` and the reaches the boundary finder keeps count of hold the
    patterns it matches at a word (reuse copies a Section only where the text is the same as
    far as these)."""
    from statdiff.law import citations, definitions, enumerators, units
    from statdiff.structure import boundaries

    for pattern in (units.SEC, units.SECTION, units.ARTICLE, units.SOURCE_OPEN, units.RESOLUTION_CLAUSE,
                    citations.SECTION_CITATION, citations.HEADING_CITATION, citations.CONSTITUTION_CITATION,
                    citations.ACT_HEADING, enumerators.DOTTED):
        assert _widest(pattern) <= boundaries.LOCAL_REACH, pattern
    assert max(map(len, units.FRONT_MATTER)) <= boundaries.LOCAL_REACH
    assert _widest(units.VERSION) <= boundaries.VERSION_REACH
    assert _widest(definitions.DEFINITION) <= boundaries.DEFINITION_REACH
    assert _widest(" ?(?:" + citations.CITATION_NOTE_TEXT + ")") <= boundaries.NOTES_REACH


def test_the_notes_read_far_open_as_the_finder_says():
    """A citation's notes are read far past those found only where another note opens there:
    `boundaries.NOTE_OPENINGS` are the openings of `citations.CITATION_NOTE_TEXT` that read on."""
    from statdiff.law import citations
    from statdiff.structure import boundaries

    openings = "|".join(opening[1:-1] for opening in boundaries.NOTE_OPENINGS)
    assert citations.CITATION_NOTE_TEXT.startswith(rf"\((?:{openings}) ")
    rest = r"\((?:new|rep\.)\)"  # the other opening, and its whole note
    assert citations.CITATION_NOTE_TEXT.endswith(")|" + rest) and _widest(rest) <= boundaries.LOCAL_REACH
