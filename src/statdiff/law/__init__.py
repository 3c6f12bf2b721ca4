"""One Illinois grammar: the textual forms of Illinois legislation, each written once.

Every reader and the tree builder compose their Illinois patterns from here and write none
of their own; the tokenizer and the annotator are meant to do the same (`citations.TITLE_TEXT`,
`citations.ACT_AND_SECTION_TEXT`, `citations.REFERENCE_TEXT`, `public_acts.NUMBER_TEXT`,
`public_acts.REFERENCE_TEXT`, `enumerators.TEXT`, `definitions.DEFINITION` are theirs to import):

* `citations`: the ILCS citation in all its printed forms: `(815 ILCS 530/10)`, with
  `new` / `rep.`, its `(from Ch. 121 1/2, par. 262Z)` / `(was 720 ILCS 350/1)` notes
  (bounded: a note that lacks its closing parenthesis ends before the next unit, never
  runs on), Article headings `(10 ILCS 5/Art. 1 heading)`, `(30 ILCS 765/Act title)`,
  the Act heading `(815 ILCS 530/)`, bare references `815 ILCS 530/10(c)`; the Unicode
  hyphens mirrors print inside numbers (`50‑1`) read as `-`.
* `public_acts`: `P.A. 94-947`, `Public Act 094-0036`, the entries of a Source note.
* `enumerators`: `(a)`, `(b-5)`, `(1.5)`, `(A)`, `(iv)`, chains `(4)(i)`, whole-Act
  numbered paragraphs `1.`; one set of limits; letter and roman values.
* `definitions`: the defining verbs and a definition's opening `"Term" means`.
* `amendments`: amendatory wording: `is amended by changing Sections 5 and 10`.
* `units`: the printed units of a statute: `Sec. 10.`, `Section 5.`, `ARTICLE 1`,
  the Source note, version notes `(Text of Section ...)`.

Each grammar element is given twice over, as pattern text (`*_TEXT`, to compose into a
larger expression) and compiled. Every pattern is linear: no nested or adjacent unbounded
quantifiers, and the ones that scan ahead are bounded.
"""

from statdiff.law import amendments, citations, definitions, enumerators, public_acts, units

__all__ = ["amendments", "citations", "definitions", "enumerators", "public_acts", "units"]
