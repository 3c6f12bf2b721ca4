"""How well statdiff recovers the struck words a plain printing hides (issue 11): the table
in README.md ("Plain printings: struck words recovered").

1. Generated bills (tests/plain_bills.py): real Sections of ILCS chapter 620 restated with
   seeded struck-and-new pairs (a number, an amount, a modal or a quantifier replaced) and a
   true insertion each, printed in the 95th GA plain and the 97th GA glued forms, compared
   with the chapter: each pair recovered (one `replace`, basis plain-printing, the right
   words), left as an insertion (the struck word kept as law), or missed otherwise; each
   recovery that is no pair is false; and the changes must rebuild the text the bill means.
2. Real plain amendatory texts in statutes/ whose old law statutes/ holds: the same counts
   against what their sources document.
3. Real plain pages whose strikes SOURCES.md documents, without their old law: the pairs
   `statdiff parse` suspects.

Run: python bench/plain_printings.py [--bills 20] [--seed 11]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from batch_pairs import CHAPTER_620  # noqa: E402
from plain_bills import generated_bills, intended, plain_text, the_new_text  # noqa: E402

from statdiff import pipeline  # noqa: E402
from statdiff.compare import compare  # noqa: E402
from statdiff.compare.struck import suspected_strikes  # noqa: E402
from statdiff.model import Basis, Op  # noqa: E402
from statdiff.read import read_path, read_text  # noqa: E402

STATUTES = ROOT / "statutes"
# Real plain amendatory texts and the law they amend, with what their sources document
# (statutes/PROVENANCE.md, statutes/fragments/SOURCES.md): none of them strikes a word.
REAL = [
    ("HB0605 (95th GA) introduced", "pipa/815ILCS530_through_PA094-0947.txt", "pipa/09500HB0605_introduced_full.txt"),
    ("P.A. 94-947, ilga.gov full text", "pipa/815ILCS530_as_enacted_PA094-0036.txt",
     "fragments/PA094-0947_ilga_fulltext_PARTIAL.txt"),
    ("P.A. 94-947, ftp pipes", "pipa/815ILCS530_as_enacted_PA094-0036.txt", "fragments/PA094-0947_ilga_ftp_PARTIAL.txt"),
    ("HB4253 (94th GA) introduced", "pipa/815ILCS530_through_PA094-0947.txt",
     "fragments/09400HB4253_introduced_lv_PARTIAL.txt"),
]
# Real pages that print struck and new words side by side (SOURCES.md), their old law unknown.
DOCUMENTED_STRIKES = [
    ("fragments/PA100-0429_witnessslips_fulltext_PARTIAL.txt", ("Acts are", "Act is")),
    ("fragments/PA102-0016_docslib_pdftext_PARTIAL.txt", ("2022", "2021")),
    ("fragments/09100HB2826enr_legisnet91_PARTIAL.txt", ("25", "24")),
    ("fragments/09300HB0475ham001_ftp_COMPLETE.txt", ("$13", "$10")),
    ("fragments/PA100-0239_ilga_ftp_pipes_PARTIAL.txt", ("sessions", "session")),
    ("fragments/10200SB0047eng_ftp_PARTIAL.txt", ("real property", "residential real estate")),
]


def score(comparison, pairs: list[tuple[str, str, str]], insertions: list[tuple[str, str]]) -> Counter:
    """recovered / left as insertion / missed / false recoveries / insertions kept / insertions lost."""
    counts: Counter = Counter()
    recovered = [(change.section, change.old_text, change.new_text) for change in comparison.changes
                 if change.basis == Basis.PLAIN_PRINTING]
    inserted = [(change.section, change.new_text) for change in comparison.changes if change.op == Op.INSERT]
    for section, struck, new in pairs:
        if (section, struck, new) in recovered:
            recovered.remove((section, struck, new))
            counts["recovered"] += 1
        elif any(section == where and new in text for where, text in inserted):
            counts["left as insertion"] += 1
        else:
            counts["missed otherwise"] += 1
    counts["false recoveries"] += len(recovered)
    for section, phrase in insertions:
        counts["insertions kept" if (section, phrase) in inserted else "insertions lost"] += 1
    counts["changes"] += len(comparison.changes)
    return counts


def _sections(paragraphs: list[tuple[str, bool]]) -> list[tuple[str, str, str]]:
    """(heading, body, Source note) of each Section a generated bill restates."""
    texts = [text for text, _ in paragraphs[2:]]
    return [(texts[index + 1], texts[index + 2], texts[index + 3]) for index in range(0, len(texts), 4)]


def generated(act, bills: int, seed: int) -> dict[str, Counter]:
    results: dict[str, Counter] = {}
    for form in ("95", "97"):
        total: Counter = Counter()
        for name, paragraphs, truth in generated_bills(seed, bills):
            bill = pipeline.build(read_text(plain_text(paragraphs, form), name=f"{name} ({form}th GA plain)"))
            comparison = compare(act, bill)
            total += score(comparison, truth.pairs, truth.insertions)
            for heading, body, source in _sections(paragraphs):
                citation = heading.split(")", 1)[0][1:]
                means = intended(f"{heading} {body} {source}")
                rebuilt = " ".join(the_new_text(comparison, citation).split())
                total["sections rebuilt" if rebuilt == means else "sections not rebuilt"] += 1
            total["bills"] += 1
        results[f"generated, {form}th GA {'plain' if form == '95' else 'glued'}"] = total
    return results


def real() -> dict[str, Counter]:
    results = {}
    for name, law, text in REAL:
        comparison = compare(pipeline.build(read_path(STATUTES / law)), pipeline.build(read_path(STATUTES / text)))
        counts = score(comparison, [], [])
        counts["insertions kept"] = sum(change.op == Op.INSERT for change in comparison.changes)
        results[name] = counts
    return results


def suspected() -> list[tuple[str, str, bool, int]]:
    rows = []
    for path, (struck, new) in DOCUMENTED_STRIKES:
        found = [(strike.struck, strike.new) for strike in suspected_strikes(pipeline.build(read_path(STATUTES / path)))]
        rows.append((path.split("/")[-1], f"{struck} {new}", (struck, new) in found,
                     len([pair for pair in found if pair != (struck, new)])))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bills", type=int, default=20, help="generated bills a form (3 Sections, 3 pairs each)")
    parser.add_argument("--seed", type=int, default=11)
    options = parser.parse_args()
    act = pipeline.build(read_path(CHAPTER_620))
    rows = {**generated(act, options.bills, options.seed), **real()}
    columns = ["recovered", "left as insertion", "missed otherwise", "false recoveries", "insertions kept",
               "insertions lost", "sections rebuilt", "sections not rebuilt"]
    print("| text | " + " | ".join(columns) + " |")
    print("|---|" + "---:|" * len(columns))
    for name, counts in rows.items():
        print(f"| {name} | " + " | ".join(str(counts[column]) for column in columns) + " |")
    print()
    print("| page (no old law) | documented pair | suspected | other pairs suspected |")
    print("|---|---|:---:|---:|")
    for name, pair, found, others in suspected():
        print(f"| `{name}` | `{pair}` | {'yes' if found else 'no'} | {others} |")


if __name__ == "__main__":
    main()
