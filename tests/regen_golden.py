"""Rewrite the golden tree outlines under tests/golden/tree/ from the current code.

    python -m tests.regen_golden          (from the repository root)

Each outline is one line a node, indented by depth: `kind path @ page:line-page:line`
(the span of the node and its descendants; `-` where the printing shows no page and
line), under a header line naming the input, its rendering and its identity. Review the
diff of tests/golden/tree/ by eye before committing it: the test never rewrites them.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOLDEN_DIR = REPO / "tests" / "golden" / "tree"

# repository-relative inputs: the three bill seeds, both pipa base files,
# and fragments of as many renderings as the corpus has
GOLDEN_INPUTS = [
    "statutes/seeds/002_524df963b8163e99.txt",
    "statutes/seeds/003_80d6f31b0979e4b4.txt",
    "statutes/seeds/004_b7c007cf1e6f9ae7.txt",
    "statutes/pipa/815ILCS530_through_PA094-0947.txt",
    "statutes/pipa/815ILCS530_as_enacted_PA094-0036.txt",
    "statutes/fragments/09400HB1633enr_PARTIAL.txt",
    "statutes/fragments/09400HB1633eng_ftp_PARTIAL.txt",
    "statutes/fragments/09300SB0404sam001_ftp_flat_PARTIAL.txt",
    "statutes/fragments/920HB4947LV_92ndGA_legisnet_PARTIAL.txt",
    "statutes/fragments/09900HB1260enr_lv_PARTIAL.txt",
    "statutes/fragments/10100SB1624enr_fulltext_pipes_PARTIAL.txt",
    "statutes/fragments/PA094-0947_ilga_fulltext_PARTIAL.txt",
    "statutes/fragments/PA100-0429_witnessslips_fulltext_PARTIAL.txt",
    "statutes/fragments/PA102-0016_docslib_pdftext_PARTIAL.txt",
    "statutes/fragments/10100SB3223_introduced_legiscan_COMPLETE.txt",
    "statutes/fragments/ILCS_815-530_ActID2702_print_PARTIAL.txt",
    "statutes/fragments/ILCS_820-96-1-25_newsite_multiversion_PARTIAL.txt",
    "statutes/fragments/ILCS_225-60-29_ilga_section_COMPLETE.txt",
    # issue #10: an Article heading restated in a bill, an inline enumerator after a heading,
    # a mirror's codified Article with Unicode hyphens, a collapsed legisnet page
    "statutes/fragments/09500HB2785_introduced_fulltext_PARTIAL.txt",
    "statutes/fragments/PA101-0661_ilga_newsite_view_PARTIAL.txt",
    "statutes/fragments/ILCS_30-500-Art50_justia2005_mirror_PARTIAL.txt",
    "statutes/fragments/09100SB0331eng_legisnet91_collapsed_PARTIAL.txt",
]


def golden_path(relative: str) -> Path:
    return GOLDEN_DIR / (Path(relative).stem + ".outline")


def current_outline(relative: str) -> str:
    """The tree of one input as its golden outline holds it (name given repository-relative)."""
    from statdiff import pipeline

    document = pipeline.read_file(REPO / relative)
    lines = [f"# {relative}: {document.rendering}, {document.identity.describe()}"]
    stack = [(document.root, 0)]
    while stack:
        node, depth = stack.pop()
        source = node.source
        span = source.full if source is not None and source.known else "-"
        path = f" {node.path}" if node.path else ""
        lines.append(f"{'  ' * depth}{node.kind}{path} @ {span}")
        stack.extend((child, depth + 1) for child in reversed(node.children))
    return "\n".join(lines) + "\n"


def regenerate() -> list[Path]:
    GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
    written = []
    for relative in GOLDEN_INPUTS:
        target = golden_path(relative)
        text = current_outline(relative)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            written.append(target)
    return written


if __name__ == "__main__":
    for path in regenerate():
        print(f"wrote {path.relative_to(REPO)}")
