"""The compare stage: two `Document`s in, one `Comparison` out.

`compare(old, new)` decides the mode (`modes`: an Act against a bill that restates some
of its Sections, or two versions), finds where a truncated copy stops (`truncation`,
and `partial` for amendatory copies cut short), splits each text into its sections
(`units`) and pairs them (`pairing`: by path, citation, number, then content with
rapidfuzz). Each section pair (`sections`) pairs its nodes and diffs each node pair
(`nodes`) over diff tokens (`tokens`, which keep legal units such as `(b-5)` and
`815 ILCS 530/10` whole) word by word (`words`), grouped into phrases (`grouping`); a
section whose paragraphs are divided differently is diffed as one stream (`restream`).
Each run that changes becomes a `Change` (`changes`) credited to the Public Act that made
it (`attribution`); nodes removed from one section and added to another are one move
(`moves`); the changes are numbered last (`anchors`). A bill printed with underline and
strike states its own changes (`markup`), and statdiff's comparison can be held
against them (`agreement`). The stage imports the model and the pairing library, never
a later stage.
"""

from statdiff.compare.sections import compare

__all__ = ["compare"]
