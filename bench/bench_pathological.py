"""Pathological inputs: does every stage finish in bounded time and memory?

    python bench/bench_pathological.py            # all cases
    python bench/bench_pathological.py deep-nesting long-line-5mb
    python bench/bench_pathological.py --list

Each case runs in a fresh Python process so that its peak memory (max RSS, from
wait4) is its own. The `linear-*` cases are the adversarial inputs of
`tests/adversarial.py` (runs of blank lines, spaces, CRLF, NBSPs, digits, pipes, bill ids,
parentheses, quotes, unclosed notes and citations) just under 1 MB each: parsing one
(decode, detection and reading, tree) must take under a second. The child times each stage separately (decode, read,
structure, compare) and the parent prints one row per case and checks it
against the case's bounds: exit status 1 if any case is over a bound or times
out, naming the stage that was running.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

NBSP = "\u00a0"
REPO = Path(__file__).resolve().parent.parent
# Just under 1 MB (the linear cases' size): 1,000,000 bytes of ASCII.
UNDER_1_MB = 1_000_000
HARD_TIMEOUT_S = 900
WORDS = (
    "personal information data collector breach security system notice resident consumer agency State "
    "person entity record disclosure acquisition encrypted redacted license account number credit debit "
    "card code password access financial business owner written material government university shall may "
    "must not within after before upon any each such other the of and or to in by for a an that which is"
).split()


# --- inputs --------------------------------------------------------------------------


def sentence(rng: random.Random, n: int = 18) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(n))
    return text[0].upper() + text[1:] + "."


def numbered_bill(paragraphs: list[str], bill: str = "HB0605", lrb: str = "LRB095 04519 WGH 34513 b") -> str:
    """Print paragraphs as a 94th GA plain bill: 25 numbered lines a page, NBSP indents, headers."""
    out = [f"{bill} {lrb}", ""]
    number = 0
    page = 1
    for paragraph in paragraphs:
        for index, line in enumerate(textwrap.wrap(paragraph, 62, break_long_words=False)):
            if number == 25:
                page += 1
                number = 0
                out += ["", f"{bill} - {page} - {lrb}", ""]
            number += 1
            indent = (" " + NBSP) * 4 + " " if index == 0 else " "
            out.append(f"{number}{indent}{line}")
    return "\n".join(out) + "\n"


def bill_opening(act: str = "Personal Information Protection Act") -> list[str]:
    return [
        "AN ACT concerning consumer fraud.",
        "Be it enacted by the People of the State of Illinois, represented in the General Assembly:",
        f"Section 5. The {act} is amended by changing Sections 5 and 10 as follows:",
    ]


def codified_section(rng: random.Random, number: int) -> list[str]:
    return [
        f"(815 ILCS 530/{number})",
        f"Sec. {number}. Notice of breach.",
        *(f"({label}) {sentence(rng, 30)}" for label in "abcd"),
        "(Source: P.A. 94-36, eff. 1-1-06; 94-947, eff. 6-27-06.)",
    ]


def big_bill(target_bytes: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    paragraphs = bill_opening()
    size = 0
    number = 1
    while size < target_bytes:
        section = codified_section(rng, number)
        paragraphs += section
        size += sum(len(p) + 40 for p in section)  # numbers, indents and headers add about 40 bytes a paragraph
        number += 1
    return numbered_bill(paragraphs)


def identical_sections(count: int) -> str:
    rng = random.Random(2)
    section = codified_section(rng, 5)
    return numbered_bill(bill_opening() + section * count)


def long_line(size: int) -> str:
    rng = random.Random(3)
    words = []
    total = 0
    while total < size:
        word = rng.choice(WORDS)
        words.append(word)
        total += len(word) + 1
    return "Sec. 5. Definitions. " + " ".join(words) + "\n"


def deep_nesting(levels: int) -> str:
    kinds = (
        [f"({c})" for c in "abcdefgh"],
        [f"({n})" for n in range(1, 9)],
        [f"({c})" for c in "ABCDEFGH"],
        ["(i)", "(ii)", "(iii)", "(iv)", "(v)", "(vi)", "(vii)", "(viii)"],
    )
    paragraphs = bill_opening() + ["(815 ILCS 530/10)", "Sec. 10. Notice of breach."]
    for level in range(levels):
        paragraphs.append(f"{kinds[level % 4][(level // 4) % 8]} A data collector shall notify the resident.")
    return numbered_bill(paragraphs)


def nesting_on_one_line(levels: int) -> str:
    labels = "".join(["(a)", "(1)", "(A)", "(i)"][level % 4] for level in range(levels))
    return numbered_bill(bill_opening() + ["(815 ILCS 530/10)", "Sec. 10. Notice.", labels + " notify the resident."])


def many_definitions(count: int) -> str:
    rng = random.Random(4)
    paragraphs = bill_opening() + ["(815 ILCS 530/5)", "Sec. 5. Definitions. In this Act:"]
    paragraphs += [f'"Term {n}" means {sentence(rng, 8).lower()}' for n in range(count)]
    return numbered_bill(paragraphs)


def windows_1252_text(target_bytes: int) -> bytes:
    rng = random.Random(5)
    paragraph = "\u201cBreach\u201d \u2013 see \u00a7 10; the data collector\u2019s notice. "
    out = []
    size = 0
    while size < target_bytes:
        line = paragraph + sentence(rng, 10) + "\r\n"
        out.append(line)
        size += len(line)
    return "".join(out).encode("cp1252")


def changed_copy(text: str) -> str:
    """The same text with one word changed in the middle (the new version to compare)."""
    middle = len(text) // 2
    at = text.find(" data ", middle)
    if at < 0:
        at = text.find(" ", middle)
        return text[:at] + " changed" + text[at:]
    return text[:at] + " written material " + text[at + len(" data ") :]


# --- cases ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    what: str
    make: object  # () -> str | bytes
    stages: str  # "decode"; "parse" (decode, read, structure); "full" (and compare with a changed copy)
    max_seconds: float
    max_rss_mb: float
    bound_stages: bool = False  # max_seconds bounds the stages' time, not the whole process (imports)


def adversarial_cases() -> list[Case]:
    """Each adversarial input of tests/adversarial.py just under 1 MB: parsed in under a second."""
    sys.path.insert(0, str(REPO))
    from tests.adversarial import ADVERSARIAL

    def maker(make):
        return lambda: _under(make(UNDER_1_MB))

    return [
        Case("linear-" + "-".join(re.findall(r"[a-z0-9]+", name.lower()))[:34], f"{name}, just under 1 MB: parse",
             maker(make), "parse", 1.0, 300, bound_stages=True)
        for name, make in ADVERSARIAL.items()
    ]


def _under(text: str) -> str:
    """The text cut to just under 1 MB encoded (an NBSP is two bytes)."""
    while len(text.encode("utf-8")) >= UNDER_1_MB:
        text = text[: int(len(text) * 0.95)]
    return text


CASES = [
    Case("decode-50mb-cp1252", "50 MB Windows-1252, CRLF, curly quotes: decode only",
         lambda: windows_1252_text(50 * 2**20), "decode", 20, 250),
    Case("bill-50mb", "50 MB numbered bill (~9,000 codified Sections), compared with a one-word change",
         lambda: big_bill(50 * 2**20), "full", 400, 4_500),
    Case("bill-5mb", "5 MB numbered bill (~900 codified Sections), compared with a one-word change",
         lambda: big_bill(5 * 2**20), "full", 60, 600),
    Case("identical-sections", "3,000 identical codified Sections (Sec. 5 repeated)",
         lambda: identical_sections(3_000), "full", 60, 500),
    Case("long-line-5mb-parse", "a single 5 MB line: decode, read, structure only",
         lambda: long_line(5 * 2**20), "parse", 30, 500),
    Case("long-line-5mb", "a single 5 MB line, compared with a one-word change",
         lambda: long_line(5 * 2**20), "full", 60, 1_000),
    Case("deep-nesting", "400 levels of (a)(1)(A)(i) enumerators, one a line",
         lambda: deep_nesting(400), "full", 30, 200),
    Case("nesting-one-line", "(a)(1)(A)(i) x 500 (2,000 enumerators) on one line",
         lambda: nesting_on_one_line(2_000), "full", 30, 200),
    Case("definitions-100k", "100,000 definitions in one Sec. 5",
         lambda: many_definitions(100_000), "full", 120, 1_200),
    *adversarial_cases(),
]


# --- the child: run one case, time each stage -------------------------------------------


def run_case(stages: str, old_path: str, new_path: str) -> None:
    from statdiff.read import read_text
    from statdiff.read.decode import load_text

    timings: dict[str, float] = {}

    def timed(stage: str, function, *args):
        print(json.dumps({"running": stage}), flush=True)
        start = time.perf_counter()
        result = function(*args)
        timings[stage] = round(time.perf_counter() - start, 2)
        # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the forking parent.
        print(json.dumps({"stage": stage, "seconds": timings[stage], "rss_mb": round(_peak_rss_mb(os.getpid()))}),
              flush=True)
        return result

    old_text = timed("decode", load_text, Path(old_path), 10**10)
    if stages == "decode":
        print(json.dumps({"timings": timings, "chars": len(old_text)}), flush=True)
        return
    from statdiff.pipeline import build as build_document
    from statdiff.pipeline import compare

    from statdiff.errors import StatdiffError

    try:
        old_read = timed("read", read_text, old_text, None, old_path)
    except StatdiffError as error:  # refused in one line (a text of rule lines holds no words): an answer too
        print(json.dumps({"timings": timings, "refused": str(error)}), flush=True)
        return
    del old_text
    old = timed("structure", build_document, old_read)
    if stages == "parse":
        print(json.dumps({"timings": timings, "rendering": old.rendering}), flush=True)
        return
    new = build_document(read_text(load_text(Path(new_path), 10**10), None, new_path))
    comparison = timed("compare", compare, old, new)
    print(json.dumps({
        "timings": timings,
        "rendering": old.rendering,
        "nodes": sum(1 for _ in old.root.walk()),
        "changes": len(comparison.changes),
    }), flush=True)


# --- the parent: build inputs, run each case in a child, check bounds -------------------


def measure(case: Case, workdir: Path) -> dict:
    data = case.make()
    old_path = workdir / f"{case.name}.txt"
    new_path = workdir / f"{case.name}.new.txt"
    old_path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    if case.stages != "decode":
        new_path.write_bytes(changed_copy(data).encode("utf-8"))
    size_mb = old_path.stat().st_size / 2**20
    del data
    command = [sys.executable, __file__, "--run", case.stages, str(old_path), str(new_path)]
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent / "src")})
    limit = min(HARD_TIMEOUT_S, case.max_seconds * 3)
    try:
        stdout, stderr = child.communicate(timeout=limit)
        timed_out = False
        peak_at_kill = 0.0
    except subprocess.TimeoutExpired:
        peak_at_kill = _peak_rss_mb(child.pid)
        child.kill()
        stdout, stderr = child.communicate()
        timed_out = True
    elapsed = time.perf_counter() - start
    messages = [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]
    rss_mb = max([peak_at_kill] + [m.get("rss_mb", 0) for m in messages])
    running = [m["running"] for m in messages if "running" in m]
    result = next((m for m in messages if "timings" in m), {})
    result.setdefault("timings", {m["stage"]: m["seconds"] for m in messages if "stage" in m})
    result["stage_rss_mb"] = {m["stage"]: m["rss_mb"] for m in messages if "stage" in m}
    return {
        "case": case.name, "what": case.what, "size_mb": round(size_mb, 1),
        "seconds": round(elapsed, 1), "rss_mb": round(rss_mb), "timed_out": timed_out,
        "stage": running[-1] if running else None, "error": None if child.returncode == 0 or timed_out else
        (stderr.strip().splitlines() or ["?"])[-1], **result,
    }


def _peak_rss_mb(pid: int) -> float:
    """VmHWM (peak resident set) of a running process, from /proc."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def verdict(case: Case, row: dict) -> str:
    if row["timed_out"]:
        return f"TIMEOUT in {row['stage']} (> {min(HARD_TIMEOUT_S, case.max_seconds * 3):.0f} s)"
    if row["error"]:
        return f"ERROR in {row['stage']}: {row['error']}"
    problems = []
    refused = f" (refused: {row['refused'][-90:]})" if row.get("refused") else ""
    seconds = sum(row["timings"].values()) if case.bound_stages else row["seconds"]
    if seconds > case.max_seconds:
        problems.append(f"over {case.max_seconds:g} s")
    if row["rss_mb"] > case.max_rss_mb:
        problems.append(f"over {case.max_rss_mb:.0f} MB")
    return ("OVER: " + ", ".join(problems) if problems else "ok") + refused


def main(argv: list[str]) -> int:
    if argv[:1] == ["--run"]:
        run_case(*argv[1:4])
        return 0
    if argv[:1] == ["--list"]:
        for case in CASES:
            print(f"{case.name:22} {case.what}")
        return 0
    chosen = [case for case in CASES if not argv or case.name in argv]
    failed = False
    print(f"{'case':22} {'MB in':>6} {'total s':>8} {'max RSS MB':>10}  each stage: seconds / peak RSS after it (MB)                               verdict")
    with tempfile.TemporaryDirectory(prefix="statdiff-bench-") as directory:
        for case in chosen:
            row = measure(case, Path(directory))
            ok = verdict(case, row)
            failed |= not ok.startswith("ok")
            stages = " ".join(f"{k}={v}s/{row['stage_rss_mb'].get(k, '?')}MB" for k, v in row["timings"].items())
            print(f"{case.name:22} {row['size_mb']:6.1f} {row['seconds']:8.1f} {row['rss_mb']:10d}  "
                  f"{stages:74} {ok}   (bounds {case.max_seconds:.0f} s, {case.max_rss_mb:.0f} MB)", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
