"""Benchmark `statdiff history`: a text through N versions, each a few seeded word edits over
the one before, against the floor measured in the same run: reading the versions and making
the comparisons a history needs (each version against the one before, the first against the
last) without crediting anything. What a history adds is following every word of the last
comparison back through the steps (`amend/timeline.py`).

The text is the Election Code (10 ILCS 5, 2.2 MB) when `../shared` is beside the clone, else
the Personal Information Protection Act (the ratio is what matters; sizes are printed).

Run: python bench/bench_history.py [--versions 4] [--edits 6] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ELECTION_CODE = ROOT.parent / "shared" / "corpus" / "ilcs-whole-acts" / "10ILCS5_ElectionCode.txt"
PIPA = ROOT / "statutes" / "pipa" / "815ILCS530_as_enacted_PA094-0036.txt"
WORD = re.compile(r"(?<= )[a-z]{4,}(?= )")


def versions(text: str, count: int, edits: int, seed: int = 15) -> list[str]:
    """`count` versions: the text, then each one `edits` lowercase words replaced, deleted or doubled."""
    chooser = random.Random(seed)
    found = [text]
    for _ in range(count - 1):
        current = found[-1]
        words = list(WORD.finditer(current))
        for match in sorted(chooser.sample(words, edits), key=lambda found_word: -found_word.start()):
            word = match.group(0)
            new = chooser.choice(["", word + " " + word, word + "ed"])
            current = current[: match.start()] + new + current[match.end():]
        found.append(current)
    return found


def best(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--versions", type=int, default=4)
    parser.add_argument("--edits", type=int, default=6)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    from statdiff import pipeline

    source = ELECTION_CODE if ELECTION_CODE.exists() else PIPA
    texts = versions(source.read_text(encoding="utf-8"), options.versions, options.edits)
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number, text in enumerate(texts, start=1):
            paths.append(Path(folder) / f"v{number}.txt")
            paths[-1].write_text(text, encoding="utf-8")

        def history() -> None:
            pipeline.history(paths, as_given=True)

        def comparisons_only() -> None:
            documents = [pipeline.read_file(path) for path in paths]
            for before, after in zip(documents, documents[1:]):
                pipeline.compare(before, after)
            pipeline.compare(documents[0], documents[-1])

        history()  # imports and caches, as the command has after start-up
        found = pipeline.history(paths, as_given=True)
        floor = best(comparisons_only, options.repeat)
        whole = best(history, options.repeat)
    credited = sum(1 for change in found.final.changes if found.credit_of(change).to_version is not None)
    print(f"{source.name}: {len(texts[0]) / 1e6:.2f} MB, {options.versions} versions, {options.edits} edits each "
          f"(load average {os.getloadavg()[0]:.1f})")
    print(f"  floor (read, {options.versions} comparisons): {floor:.2f} s")
    print(f"  statdiff history:                {whole:.2f} s  ({whole / floor:.2f}x the floor)")
    print(f"  first against last: {len(found.final.changes)} changes, {credited} credited to a version, "
          f"{len(found.undone)} step changes that did not last, {len(found.warnings)} warnings")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
