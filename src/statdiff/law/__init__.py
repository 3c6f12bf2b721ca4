"""One Illinois grammar: the textual forms of Illinois legislation, each written once.

Every reader, the tree builder, the diff tokenizer (`compare/tokens.py`), the annotator
(`annotate/margin.py`) and the page-and-line amendments (`statdiff.amend`) compose their
Illinois patterns from here and write none of their own:

* `citations`: the ILCS citation in all its printed forms: `(815 ILCS 530/10)`, with
  `new` / `rep.`, its `(from Ch. 121 1/2, par. 262Z)` / `(was 720 ILCS 350/1)` notes
  (bounded: a note that lacks its closing parenthesis ends before the next unit, never
  runs on), Article headings `(10 ILCS 5/Art. 1 heading)`, `(30 ILCS 765/Act title)`,
  the Act heading `(815 ILCS 530/)`, bare references `815 ILCS 530/10(c)`; the Unicode
  hyphens mirrors print inside numbers (`50‑1`) read as `-`.
* `public_acts`: `P.A. 94-947`, `Public Act 094-0036`, the entries of a Source note.
* `enumerators`: `(a)`, `(b-5)`, `(1.5)`, `(A)`, `(iv)`, chains `(4)(i)`, the subdivisions a
  reference names `(c)(3)(i)`, whole-Act numbered paragraphs `1.`; one set of limits; letter
  and roman values.
* `definitions`: the defining verbs and a definition's opening `"Term" means`.
* `amendments`: amendatory wording (`is amended by changing Sections 5 and 10`) and the
  wording of a page-and-line amendment (its preamble, page and line references, the forms of
  its instructions).
* `measures`: the names of measures and their printings: `House Bill 605`, `HB0605`,
  `HJRCA0044`, `09400HB1633eng`, `ham001`.
* `units`: the printed units of a statute: `Sec. 10.`, `Section 5.`, `ARTICLE 1`,
  the Source note, version notes `(Text of Section ...)`, the enacting clause.

Each grammar element is given twice over, as pattern text (`*_TEXT`, to compose into a
larger expression) and compiled. Every pattern is linear: no nested or adjacent unbounded
quantifiers, and the ones that scan ahead are bounded.
"""

from statdiff.law import amendments, citations, definitions, enumerators, measures, public_acts, units

__all__ = ["amendments", "citations", "definitions", "enumerators", "measures", "public_acts", "units"]
