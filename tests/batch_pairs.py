"""Pairs for `statdiff batch` built from real text (tests/test_batch.py, bench/bench_batch.py).

Each pair is a run of consecutive Sections of one Act of ILCS chapter 620
(`statutes/ilcs-chapter-620/statutes.csv`), one Section a line as ilga.gov prints them in
an Act's flattened text; NEW is OLD with 0 to 3 seeded edits in the Sections' bodies (a
phrase inserted, a word deleted, a word replaced), so a fifth of the pairs are unchanged.
The same seed gives the same pairs, byte for byte.
"""

from __future__ import annotations

import csv
import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHAPTER_620 = ROOT / "statutes" / "ilcs-chapter-620" / "statutes.csv"
_CITATION = re.compile(r"\((620 ILCS \d+/[\w.\-]+)\)")
PHRASES = ("promptly and in writing", "or its designee", "within 60 days after receipt", "at no charge")
REPLACEMENTS = ("each", "any", "every", "such")
SECTIONS_A_PAIR = 3  # the tests' default: small pairs, a quick run
MIN_WORDS = 40  # a Section long enough to take an edit away from its citation and Source note


@dataclass(frozen=True)
class Pair:
    name: str
    old: str  # paths relative to the folder the pairs were written into
    new: str
    edits: int


@lru_cache(maxsize=1)
def chapter_sections() -> tuple[tuple[str, ...], ...]:
    """Each Act's Sections (citation to the end of its Source note), in order."""
    csv.field_size_limit(1 << 30)
    with CHAPTER_620.open(newline="", encoding="utf-8") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    acts = []
    for text in texts:
        starts = [match.start() for match in _CITATION.finditer(text)] + [len(text)]
        acts.append(tuple(text[start:end].strip() for start, end in zip(starts, starts[1:])))
    return tuple(acts)


def _edit(section: str, rng: random.Random) -> str:
    """One edit inside the Section's body: never its citation line, `Sec. N.` or Source note."""
    words = section.split(" ")
    body = range(12, len(words) - 10)
    at = rng.choice(body)
    kind = rng.choice(("insert", "delete", "replace"))
    if kind == "insert":
        words.insert(at, rng.choice(PHRASES))
    elif kind == "delete":
        del words[at]
    else:
        words[at] = rng.choice([word for word in REPLACEMENTS if word != words[at]])
    return " ".join(words)


def write_pairs(folder: Path, count: int = 40, seed: int = 16, layout: str = "files",
                sections: int = SECTIONS_A_PAIR) -> list[Pair]:
    """Write `count` pairs of `sections` Sections under `folder`: `layout="files"` as
    `pairs/NN-old.txt` and `pairs/NN-new.txt`, `layout="folders"` as `NN/old.txt` and `NN/new.txt`."""
    rng = random.Random(seed)
    acts = tuple(act for act in chapter_sections() if len(act) >= sections)
    pairs = []
    for number in range(count):
        act = acts[number % len(acts)]
        start = rng.randrange(len(act) - sections + 1)
        old = list(act[start:start + sections])
        new = list(old)
        edits = number % 4  # 0, 1, 2, 3 edits in turn
        editable = [index for index, section in enumerate(new) if len(section.split()) >= MIN_WORDS] or [0]
        for _ in range(edits):
            index = rng.choice(editable)
            new[index] = _edit(new[index], rng)
        citation = _CITATION.match(old[0])
        name = f"{number:02d} {citation.group(1) if citation else 'sections'}"
        if layout == "folders":
            old_path, new_path = f"{number:02d}/old.txt", f"{number:02d}/new.txt"
        else:
            old_path, new_path = f"pairs/{number:02d}-old.txt", f"pairs/{number:02d}-new.txt"
        for relative, sections_text in ((old_path, old), (new_path, new)):
            path = folder / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n".join(sections_text) + "\n", encoding="utf-8")
        pairs.append(Pair(name, old_path, new_path, edits if new != old else 0))
    return pairs


def write_manifest(path: Path, pairs: list[Pair], extra_rows: list[list[str]] | None = None, at: int = 0) -> None:
    """A manifest (old,new,name) of `pairs`, with `extra_rows` inserted before pair number `at`."""
    rows = [[pair.old, pair.new, pair.name] for pair in pairs]
    rows[at:at] = extra_rows or []
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["old", "new", "name"])
        writer.writerows(rows)
