"""Two printings of a bill whose synopses differ.

A bill's synopsis (the LRB's digest printed before the bill: `SYNOPSIS AS INTRODUCED`) is
not part of the text compared: the reader keeps it beside the tree (`Document.synopsis`),
not in it. Two printings that differ in their synopsis alone would then compare as no change,
in silence. Where both print a synopsis and the two differ word for word, one warning says
so and shows the first difference (the principle: nothing a reader of the bill sees changes
unsaid). Where only one prints a synopsis (a rendering that leaves it out) nothing is said:
there is nothing to compare it with.
"""

from __future__ import annotations

from statdiff.model import Comparison, Mode

CONTEXT_WORDS = 4  # words of the synopsis shown on each side of its first difference


def synopsis_note(comparison: Comparison) -> str | None:
    """The warning for two versions whose synopses differ; None otherwise (no synopsis on a
    side, the same words, or a bill compared with the Act it amends)."""
    if comparison.mode != Mode.VERSIONS:
        return None
    old, new = (comparison.old.synopsis or "").split(), (comparison.new.synopsis or "").split()
    if not old or not new or old == new:
        return None
    from difflib import SequenceMatcher  # here: most comparisons have no two synopses to set side by side

    differences = [opcode for opcode in SequenceMatcher(None, old, new, autojunk=False).get_opcodes() if opcode[0] != "equal"]
    places = len(differences)
    return (f"the synopses differ in {places} place{'' if places == 1 else 's'} (a synopsis is not compared as the "
            f"bill's text), first: {first_difference(old, new, differences[0])}")


def first_difference(old: list[str], new: list[str], opcode: tuple[str, int, int, int, int]) -> str:
    """`… prepare [-quarterly-]{+monthly+} budget statements …`: the words around one
    difference, deleted words in `[-…-]`, inserted in `{+…+}`, as `diff` prints them."""
    _, old_start, old_end, new_start, new_end = opcode
    before = old[max(0, old_start - CONTEXT_WORDS):old_start]
    after = old[old_end:old_end + CONTEXT_WORDS]
    parts = ["…"] if old_start > CONTEXT_WORDS else []
    parts += before
    if old_end > old_start:
        parts.append(f"[-{' '.join(old[old_start:old_end])}-]")
    if new_end > new_start:
        parts.append(f"{{+{' '.join(new[new_start:new_end])}+}}")
    parts += after
    if old_end + CONTEXT_WORDS < len(old):
        parts.append("…")
    return " ".join(parts)
