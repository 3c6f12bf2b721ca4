"""Golden tree outlines of real texts: every node's kind, path and page:line span.

The outlines under tests/golden/tree/ were reviewed by eye; after a deliberate change to
the readers or the structure stage, run `python -m tests.regen_golden` and review the
diff (this test only compares, it never writes them).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from statdiff.read import read_path
from tests.regen_golden import GOLDEN_DIR, GOLDEN_INPUTS, REPO, current_outline, golden_path


@pytest.mark.parametrize("relative", GOLDEN_INPUTS, ids=lambda relative: Path(relative).stem)
def test_tree_matches_its_reviewed_golden_outline(relative):
    target = golden_path(relative)
    assert target.exists(), f"no golden outline: run python -m tests.regen_golden and review {target.name}"
    assert current_outline(relative) == target.read_text(encoding="utf-8")


def test_golden_outlines_cover_the_bill_seeds_pipa_and_ten_renderings():
    renderings = {read_path(REPO / relative).rendering for relative in GOLDEN_INPUTS}
    fragments = [relative for relative in GOLDEN_INPUTS if "/fragments/" in relative]
    assert len(fragments) >= 10
    assert len(renderings) >= 7


def test_every_golden_outline_has_its_input():
    assert sorted(path.name for path in GOLDEN_DIR.glob("*.outline")) == sorted(
        golden_path(relative).name for relative in GOLDEN_INPUTS)
