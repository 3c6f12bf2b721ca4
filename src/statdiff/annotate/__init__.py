"""The annotate stage: what a change means, in the margin of a redline.

`margin` finds the notes a policy reader looks for first (a changed deadline, amount,
defined term, duty, cross-reference, the Public Act a change came from) from a
`Comparison` alone; `notes` reads the reader's own notes file (YAML or TOML, keyed by
node path) and matches each note to a node of either text; `phrases` words a change, a
path or a quotation for a sentence (`describe`, `node_phrase`, `quote`). The stage reads
the model and the compare stage's tokens, never a view or a renderer.
"""

from statdiff.annotate.margin import Annotation, annotate, compared_texts, defined_term
from statdiff.annotate.phrases import describe, node_phrase, quote

# `notes` (the reader's notes file) is imported where it is used: it loads the YAML and TOML parsers.
__all__ = ["Annotation", "annotate", "compared_texts", "defined_term", "describe", "node_phrase", "quote"]
