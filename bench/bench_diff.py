"""Benchmark `statdiff diff` against other diff tools on a large, realistic pair.

A = ILCS chapter 620 as stored (statutes/ilcs-chapter-620/statutes.csv, 10 Acts).
B = A with a few dozen seeded edits of the kinds statutes get (words inserted,
deleted, replaced; an amount and a period changed; a subsection added; a
definition reworded; one Section moved elsewhere and one renumbered).

Times, in the same run: statdiff in process (read + structure + align + diff) and as
a whole command (`statdiff diff A B --json`), difflib.SequenceMatcher over the same
tokens, `redlines`, diff-match-patch and `git diff --no-index --word-diff`; then
checks which seeded edits each tool found.

Run: python bench/bench_diff.py [--act "620 ILCS 5/"] [--repeat 5]
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CSV_PATH = ROOT / "statutes" / "ilcs-chapter-620" / "statutes.csv"
SEED = 620

INSERT_PHRASES = [
    "promptly and in writing", "upon written request of the Secretary", "or its designee",
    "within 60 days after receipt", "in a form prescribed by the Department", "at no charge to the applicant",
]
REPLACEMENTS = [("quarterly", "may"), ("biennially", "shall"), ("forthwith", "such"), ("immediately", "any"),
                ("nonrefundable", "all"), ("publicly", "each")]


@dataclass
class Edit:
    kind: str  # insert delete replace amount period subsection definition move renumber
    section: str  # path of the Section in A, e.g. "620 ILCS 5/7"
    old: str = ""  # the words taken out
    new: str = ""  # the words put in
    new_section: str = ""  # renumber: the new path


# ---------------------------------------------------------------- building the pair

_CITATION = re.compile(r"\((620 ILCS \d+/[\w.\-]+)\)")


def load_rows(act: str | None) -> tuple[list[str], list[dict]]:
    csv.field_size_limit(1 << 30)
    with CSV_PATH.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        fields = reader.fieldnames or []
        rows = [row for row in reader if act is None or row["act"].startswith(act)]
    if not rows:
        sys.exit(f"no Act {act!r} in {CSV_PATH}")
    return fields, rows


def sections_of(text: str) -> list[tuple[str, int, int]]:
    """(path, start, end) character spans of each Section of a flattened Act."""
    starts = [(match.group(1), match.start()) for match in _CITATION.finditer(text)]
    spans = []
    for index, (path, start) in enumerate(starts):
        end = starts[index + 1][1] if index + 1 < len(starts) else len(text)
        spans.append((path, start, end))
    return spans


def seed_edits(rows: list[dict], rng: random.Random) -> list[Edit]:
    """Edit the rows' `text` in place; return what was done."""
    plan = (["insert"] * 6 + ["delete"] * 5 + ["replace"] * 6 + ["amount"] * 3 + ["period"] * 3
            + ["subsection"] * 2 + ["definition"] * 2)
    edits: list[Edit] = []
    used: set[str] = set()
    for kind in plan:
        for _ in range(500):
            row = rng.choice(rows)
            spans = [span for span in sections_of(row["text"]) if span[0] not in used]
            if not spans:
                continue
            path, start, end = rng.choice(spans)
            body = row["text"][start:end]
            result = _edit_section(kind, body, rng)
            if result is None:
                continue
            new_body, old_words, new_words = result
            row["text"] = row["text"][:start] + new_body + row["text"][end:]
            used.add(path)
            edits.append(Edit(kind, path, old_words, new_words))
            break
    edits.append(_move_section(rows, used, rng))
    edits.append(_renumber_section(rows, used, rng))
    return edits


def _body_words(body: str) -> tuple[list[str], int, int]:
    """Words of a Section and the index range of its running text (not heading, not Source note)."""
    words = body.split(" ")
    source = next((i for i, word in enumerate(words) if word.startswith("(Source")), len(words))
    return words, 6, source - 2


def _edit_section(kind: str, body: str, rng: random.Random):
    words, low, high = _body_words(body)
    if high - low < 30:
        return None
    if kind in ("insert", "delete", "replace"):
        candidates = [i for i in range(low + 3, high - 3) if words[i].isalpha() and words[i].islower()
                      and words[i + 1].isalpha() and words[i + 2].isalpha() and words[i - 1].isalpha()]
        if not candidates:
            return None
        at = rng.choice(candidates)
        if kind == "insert":
            phrase = rng.choice(INSERT_PHRASES)
            return " ".join(words[:at] + phrase.split() + words[at:]), "", phrase
        if kind == "delete":
            count = rng.randint(2, 3)
            if not all(word.isalpha() for word in words[at:at + count]):
                return None
            return " ".join(words[:at] + words[at + count:]), " ".join(words[at:at + count]), ""
        new_word, _ = rng.choice(REPLACEMENTS)
        if words[at] == new_word:
            return None
        return " ".join(words[:at] + [new_word] + words[at + 1:]), words[at], new_word
    if kind == "amount":
        match = re.search(r"\$(\d[\d,]*)", body)
        if not match:
            return None
        amount = f"${int(match.group(1).replace(',', '')) * 2 + 500:,}"
        return body[:match.start()] + amount + body[match.end():], match.group(0), amount
    if kind == "period":
        match = re.search(r"\b(\d+) (days|months|years)\b", body)
        if not match:
            return None
        period = str(int(match.group(1)) + 15)
        return body[:match.start(1)] + period + body[match.end(1):], match.group(1), period
    if kind == "subsection":
        source = body.rfind("(Source:")
        if source < 0:
            return None
        added = "(z) The Department shall publish an annual report on runway safety inspections."
        return body[:source] + added + " " + body[source:], "", added
    if kind == "definition":
        match = re.search(r'" means (\S+ \S+ \S+)', body)
        if not match:
            return None
        reworded = "includes, without limitation, every"
        return body[:match.start(1)] + reworded + body[match.end(1):], match.group(1), reworded
    raise ValueError(kind)


def _move_section(rows: list[dict], used: set[str], rng: random.Random) -> Edit:
    row = max(rows, key=lambda row: len(sections_of(row["text"])))
    spans = sections_of(row["text"])
    candidates = [i for i in range(2, len(spans) - 8) if spans[i][0] not in used and spans[i + 5][0] not in used]
    index = rng.choice(candidates)
    path, start, end = spans[index]
    moved = row["text"][start:end]
    text = row["text"][:start] + row["text"][end:]
    anchor = sections_of(text)[index + 5]  # five Sections further on
    row["text"] = text[:anchor[2]] + moved + text[anchor[2]:]
    used.add(path)
    return Edit("move", path)


def _renumber_section(rows: list[dict], used: set[str], rng: random.Random) -> Edit:
    row = max(rows, key=lambda row: len(sections_of(row["text"])))
    spans = [span for span in sections_of(row["text"]) if span[0] not in used]
    for path, start, end in rng.sample(spans, len(spans)):
        act, number = path.split("/")
        body = row["text"][start:end]
        if not re.fullmatch(r"\d+", number) or f"Sec. {number}." not in body:
            continue
        new_number = str(int(number) + 900)
        new_body = body.replace(f"({path})", f"({act}/{new_number})", 1).replace(f"Sec. {number}.", f"Sec. {new_number}.", 1)
        row["text"] = row["text"][:start] + new_body + row["text"][end:]
        used.add(path)
        return Edit("renumber", path, number, new_number, f"{act}/{new_number}")
    raise RuntimeError("no Section to renumber")


def write_csv(path: Path, fields: list[str], rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


# ---------------------------------------------------------------- running the tools


def best_of(repeat: int, run):
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times), result


def run_statdiff(a: Path, b: Path):
    from statdiff.pipeline import build as build_document
    from statdiff.pipeline import compare
    from statdiff.read import read_path

    stages = {}
    start = time.perf_counter()
    read_a, read_b = read_path(a), read_path(b)
    stages["read"] = time.perf_counter() - start
    start = time.perf_counter()
    doc_a, doc_b = build_document(read_a), build_document(read_b)
    stages["structure"] = time.perf_counter() - start
    start = time.perf_counter()
    comparison = compare(doc_a, doc_b)
    stages["align+diff"] = time.perf_counter() - start
    return comparison, stages, (doc_a, doc_b)


def statdiff_found(changes: list[dict], edit: Edit) -> bool:
    """statdiff must report the edit in its Section, a move as `move`, a renumber as `renumber`."""
    sections = {edit.section, edit.new_section}
    changes = [change for change in changes if change["section"] in sections or change["old_path"] in sections]
    if edit.kind == "move":
        return any(change["op"] == "move" and change["old_path"] == edit.section for change in changes)
    if edit.kind == "renumber":
        return any(change["op"] == "renumber" and change["old_path"] == edit.section
                   and change["new_path"] == edit.new_section for change in changes)
    return any(_words_in(edit.old, change["old_text"]) and _words_in(edit.new, change["new_text"])
               and change["op"] in ("insert", "delete", "replace", "add") for change in changes)


def _words_in(expected: str, text: str) -> bool:
    return not expected or " ".join(expected.split()) in " ".join(text.split())


def chunks_found(inserted: list[str], deleted: list[str], edit: Edit) -> bool:
    """A plain diff tool 'finds' a word edit when its inserted/deleted chunks hold the words.
    It never reports a move or a renumber (it shows a deletion and an insertion)."""
    if edit.kind in ("move", "renumber"):
        return False
    inserted_text = " ".join(" ".join(inserted).split())
    deleted_text = " ".join(" ".join(deleted).split())
    return (not edit.new or " ".join(edit.new.split()) in inserted_text) and (
        not edit.old or " ".join(edit.old.split()) in deleted_text)


def run_difflib(old_tokens: list[str], new_tokens: list[str]):
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    return matcher.get_opcodes()


def difflib_chunks(opcodes, old_tokens, new_tokens):
    inserted = [" ".join(new_tokens[j1:j2]) for tag, i1, i2, j1, j2 in opcodes if tag in ("insert", "replace")]
    deleted = [" ".join(old_tokens[i1:i2]) for tag, i1, i2, j1, j2 in opcodes if tag in ("delete", "replace")]
    return inserted, deleted


def run_redlines(old_text: str, new_text: str):
    from redlines import Redlines

    return Redlines(old_text, new_text).get_changes()


def redlines_chunks(changes):
    inserted = [change.test_text or "" for change in changes if change.operation in ("insert", "replace")]
    deleted = [change.source_text or "" for change in changes if change.operation in ("delete", "replace")]
    return inserted, deleted


def run_dmp(old_text: str, new_text: str):
    from diff_match_patch import diff_match_patch

    engine = diff_match_patch()
    diffs = engine.diff_main(old_text, new_text)
    engine.diff_cleanupSemantic(diffs)
    return diffs


def dmp_chunks(diffs):
    return [text for op, text in diffs if op == 1], [text for op, text in diffs if op == -1]


def run_git(a: Path, b: Path):
    result = subprocess.run(["git", "diff", "--no-index", "--word-diff=porcelain", str(a), str(b)],
                            capture_output=True, text=True)
    return result.stdout


def git_chunks(output: str):
    lines = output.splitlines()[4:]
    inserted = [line[1:] for line in lines if line.startswith("+") and not line.startswith("+++")]
    deleted = [line[1:] for line in lines if line.startswith("-") and not line.startswith("---")]
    return inserted, deleted


def run_command(a: Path, b: Path):
    command = shutil.which("statdiff")
    argv = [command] if command else [sys.executable, "-c", "from statdiff.cli import main; main()"]
    result = subprocess.run(argv + ["diff", str(a), str(b), "--json"], capture_output=True, text=True)
    if result.returncode not in (0, 1):
        raise RuntimeError(result.stderr)
    return json.loads(result.stdout)


# ---------------------------------------------------------------- the report


def _why_missed(edit: Edit, doc_a) -> str:
    lost = doc_a.find(edit.section) is None
    return f"{edit.kind} {edit.section}" + (" (its Section is not in the parsed text: read/structure lost it)" if lost else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--act", default=None, help='only this Act, e.g. "620 ILCS 5/" (default: all 10)')
    parser.add_argument("--repeat", type=int, default=5, help="runs per tool (best time reported)")
    parser.add_argument("--slow-repeat", type=int, default=1, help="runs for the slow tools (difflib, redlines)")
    options = parser.parse_args()

    fields, rows = load_rows(options.act)
    old_rows = [dict(row) for row in rows]
    edits = seed_edits(rows, random.Random(SEED))
    with tempfile.TemporaryDirectory() as folder:
        a, b = Path(folder) / "A.csv", Path(folder) / "B.csv"
        write_csv(a, fields, old_rows)
        write_csv(b, fields, rows)
        report(a, b, old_rows, rows, edits, options)


def report(a: Path, b: Path, old_rows, new_rows, edits: list[Edit], options) -> None:
    from statdiff.model import Word
    from statdiff.compare.tokens import tokenize

    run_statdiff(a, b)  # warm the imports and caches the command pays for too
    best, median, (comparison, _, (doc_a, doc_b)) = best_of(options.repeat, lambda: run_statdiff(a, b))
    stage_runs = [run_statdiff(a, b)[1] for _ in range(options.repeat)]
    stages = {name: min(run[name] for run in stage_runs) for name in stage_runs[0]}
    old_text = "\n".join(row["text"] for row in old_rows)
    new_text = "\n".join(row["text"] for row in new_rows)
    old_tokens = [token.text for token in tokenize([Word(word) for word in old_text.split()])]
    new_tokens = [token.text for token in tokenize([Word(word) for word in new_text.split()])]

    in_process = [change.to_json() for change in comparison.changes]
    results = [("statdiff (in process)", best, median, [statdiff_found(in_process, edit) for edit in edits])]
    cmd_best, cmd_median, data = best_of(max(1, options.repeat // 2), lambda: run_command(a, b))
    cmd_found = [statdiff_found(data["changes"], edit) for edit in edits]
    results.append(("statdiff diff --json (command)", cmd_best, cmd_median, cmd_found))
    timed = [
        ("difflib.SequenceMatcher (tokens)", options.slow_repeat, lambda: run_difflib(old_tokens, new_tokens),
         lambda out: difflib_chunks(out, old_tokens, new_tokens)),
        ("redlines", options.slow_repeat, lambda: run_redlines(old_text, new_text), redlines_chunks),
        ("diff-match-patch (+cleanupSemantic)", options.repeat, lambda: run_dmp(old_text, new_text), dmp_chunks),
        ("git diff --no-index --word-diff", options.repeat, lambda: run_git(a, b), git_chunks),
    ]
    for name, repeat, run, chunks in timed:
        try:
            tool_best, tool_median, output = best_of(repeat, run)
        except ImportError as missing:  # an alternative not installed: say so, measure the rest
            print(f"{name}: not measured ({missing.name} is not installed: pip install '.[bench]')", file=sys.stderr)
            continue
        inserted, deleted = chunks(output)
        results.append((name, tool_best, tool_median, [chunks_found(inserted, deleted, edit) for edit in edits]))

    words = len(doc_a.root.all_words())
    sections = sum(1 for node in doc_a.walk() if node.kind == "section")
    print(f"A: {a.stat().st_size / 1024:.0f} KB, {len(old_rows)} Acts, {sections} Sections, {words} words, "
          f"{len(old_tokens)} tokens; B: {len(edits)} seeded edits")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {os.cpu_count()} cores, load average {load:.1f} while running")
    print(f"statdiff stages (best of {options.repeat}): "
          + ", ".join(f"{name} {seconds * 1000:.1f} ms" for name, seconds in stages.items()))
    print()
    print(f"| tool | best ms | median ms | x statdiff | edits found | move | renumber |")
    print(f"|---|---:|---:|---:|---:|:---:|:---:|")
    for name, tool_best, tool_median, found in results:
        ratio = tool_best / best
        word_edits = sum(found[:-2])
        print(f"| {name} | {tool_best * 1000:.1f} | {tool_median * 1000:.1f} | {ratio:.1f} | "
              f"{word_edits}/{len(edits) - 2} | {'yes' if found[-2] else 'no'} | {'yes' if found[-1] else 'no'} |")
    missed = [edit for edit, found in zip(edits, results[0][3]) if not found]
    print()
    print("statdiff missed: " + (", ".join(_why_missed(edit, doc_a) for edit in missed) or "nothing"))
    print("by kind (statdiff): " + ", ".join(
        f"{kind} {sum(f for e, f in zip(edits, results[0][3]) if e.kind == kind)}/{sum(e.kind == kind for e in edits)}"
        for kind in dict.fromkeys(edit.kind for edit in edits)))
    summary = comparison.summary
    print(f"statdiff reported {summary['changes']} changes {summary['by_op']}")
    targets = [f"in process {best * 1000:.0f} ms (target < 100 ms)",
               f"difflib / statdiff = {results[2][1] / best:.0f}x (target >= 20x)"] if len(results) > 2 else []
    print("targets: " + "; ".join(targets))
    if missed:
        sys.exit(1)


if __name__ == "__main__":
    main()
