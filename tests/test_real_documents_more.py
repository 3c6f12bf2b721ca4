"""Real documents as PDFs, narrow columns and other languages print them, and the rules that
keep statdiff from showing a change no one made (or hiding one someone did).

Each test pins a general rule, on the smallest text that shows it and, where the corpus has
one, on a real document (`../shared` texts are skipped, saying why, when it is absent).
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from statdiff import cli
from statdiff.compare.tokens import continues_compound, tokenize
from statdiff.compare.words import diff_tokens
from statdiff.model import Op, Word, rebuild
from statdiff.view.words import word_starts

ROOT = Path(__file__).resolve().parent.parent
WHOLE_ACTS = ROOT.parent / "shared" / "corpus" / "ilcs-whole-acts"


def tokens_of(text: str):
    return tokenize([Word(word) for word in text.split()])


def compare_alike(first: str, second: str) -> bool:
    """The two texts' tokens compare as the same words: one `equal` segment (none if empty)."""
    return all(segment.op == Op.EQUAL for segment in diff_tokens(tokens_of(first), tokens_of(second)))


# -- 1. a number or citation broken after its hyphen at a line's end ----------------------------

def test_a_number_broken_after_its_hyphen_compares_as_the_whole_number():
    """A PDF (a narrow column, a page re-wrapped) breaks `1-1-21`, `5/10-15`, `P.A. 95-876`
    after a hyphen: `1-1-` ends a line and `21` opens the next. Read as two words they were
    a change (`[-1-1-21-]{+1-1- 21+}`); they are the one legal unit the whole printing makes,
    which keeps the printed space (lossless) and compares as the whole unit."""
    pairs = [
        ("eff. 1-1-21; 94-947", "eff. 1-1- 21; 94-947"),
        ("(Source: P.A. 95-876, eff. 8-21-08.)", "(Source: P.A. 95- 876, eff. 8- 21-08.)"),
        ("under 10 ILCS 5/10-15 and", "under 10 ILCS 5/10- 15 and"),
        ("subsection (b-5) of", "subsection (b- 5) of"),
        ("a 24-hour notice", "a 24- hour notice"),
        ("a date 1-1-21.", "a date 1- 1- 21."),  # broken twice (a very narrow column)
    ]
    for whole, broken in pairs:
        assert compare_alike(whole, broken) and compare_alike(broken, whole), broken
        assert rebuild(tokens_of(broken)) == broken
    assert [token.text for token in tokens_of("P.A. 95- 876, eff.")] == ["P.A. 95- 876", ",", "eff", "."]


def test_a_hyphen_that_no_number_continues_is_left_alone():
    """Only a hyphen with a letter or digit on each side is a word's: a dash (`-`, `--`), a
    hyphen before a new item's enumerator (`(a)`) or a mark, stays where it was printed; and a
    real change after a broken number is still shown."""
    assert [token.text for token in tokens_of("Section 1- (a) the - 5 x-- 6 5-, 7")] == [
        "Section", "1-", "(a)", "the", "-", "5", "x--", "6", "5-", ",", "7",
    ]
    segments = diff_tokens(tokens_of("eff. 1-1-21."), tokens_of("eff. 1-1- 22."))
    assert [(segment.op, rebuild(segment.old), rebuild(segment.new)) for segment in segments if segment.op != Op.EQUAL] == [
        (Op.REPLACE, "1-1-21", "1-1- 22"),
    ]


def test_margin_notes_read_a_broken_number_whole():
    """A node with a real change, in a printing that also breaks `Section 1-17` and `24-hour`
    after their hyphens: its notes said `cross-reference changed: Section 1-17 → Section 1` and
    `deadline changed: 24-hour → 24- hour`; they read the texts as the diff compares them."""
    from statdiff.annotate import annotate
    from statdiff.compare import compare
    from statdiff.compare.tokens import rejoined
    from statdiff.read import read_text
    from statdiff.structure import build_document

    old = ("# Terms\n\n## 1. Notice\n\nUnder Section 1-17 of the Election Code, the clerk shall give notice "
           "within 30 days, and a fee applies to each 24-hour period.\n")
    new = old.replace("1-17", "1-\n17").replace("30 days", "45 days").replace("24-hour", "24-\nhour")
    comparison = compare(build_document(read_text(old, name="old.md")), build_document(read_text(new, name="new.md")))
    assert [(change.old_text, change.new_text) for change in comparison.changes] == [("30", "45")]
    assert [note.message for note in annotate(comparison)] == ["deadline changed: within 30 days → within 45 days"]
    assert rejoined("Section 1- 17, 24- hour, P.A. 95- 876, (b- 5), non- forwardable, 5 - 6") == (
        "Section 1-17, 24-hour, P.A. 95-876, (b-5), non- forwardable, 5 - 6")


def test_an_unchanged_head_is_never_cut_inside_a_broken_unit():
    """A long paragraph changed in one place keeps its unchanged head as whole words, cut a few
    words before the change and never inside a unit: nor inside one printed broken after its
    hyphen (`(b-` / `5)`), which would show as `(` `b-` and `5` `)`."""
    from statdiff.compare import compare
    from statdiff.read import read_text
    from statdiff.structure import build_document

    old = "# Terms\n\nThe notice under subsection (b-\n5) of this policy goes out each week by post.\n"
    new = old.replace("goes out", "is sent out")
    comparison = compare(build_document(read_text(old, name="old.md")), build_document(read_text(new, name="new.md")))
    tokens = [token.text for node in comparison.sections[0].nodes for segment in node.segments for token in segment.old]
    assert "(b- 5)" in tokens


_HYPHEN_BETWEEN = re.compile(r"(?<=[^\W_]-)(?=[^\W_])")
_WORD = st.one_of(
    st.text(alphabet=st.sampled_from(list("aZ019$/-.,;:()\"'")), min_size=1, max_size=10),
    st.sampled_from(["P.A.", "ILCS", "815", "5/1-17", "94-947,", "(b-5)", "1-1-21.", "(815", "non-forwardable"]),
)


@settings(max_examples=300)
@given(st.lists(_WORD, min_size=1, max_size=6), st.data())
def test_any_word_broken_after_a_hyphen_between_letters_or_digits_compares_alike(words, data):
    """Break any word after any hyphen that has a letter or digit on each side: the tokens
    rebuild the broken text and compare as the whole word's."""
    breaks = [(index, match.start()) for index, word in enumerate(words) for match in _HYPHEN_BETWEEN.finditer(word)]
    if not breaks:
        return
    index, at = data.draw(st.sampled_from(breaks))
    broken = words[:index] + [words[index][:at], words[index][at:]] + words[index + 1:]
    assert rebuild(tokenize([Word(word) for word in broken])) == " ".join(broken)
    assert compare_alike(" ".join(words), " ".join(broken))


class _PdfWrapper(textwrap.TextWrapper):
    """`textwrap` breaks lines after a hyphen between letters only; a PDF's typesetter breaks
    after any hyphen between letters or digits (`1-1-` / `21`, `5/10-` / `15`)."""

    wordsep_re = re.compile(r"([ \t]+|(?<=[^\W_]-)(?=[^\W_]))")


def _changes_of_a_rewrapped_act(tmp_path: Path, size: int) -> str:
    code = WHOLE_ACTS / "10ILCS5_ElectionCode.txt"
    if not code.exists():
        pytest.skip(f"{code} is absent (../shared holds the whole Acts, which stay out of the repository)")
    text = code.read_text(encoding="utf-8")[:size]
    text = text[: text.index("\n", text.rindex("(Source:")) + 1]  # whole Sections only
    wrapper = _PdfWrapper(40, break_long_words=False)
    wrapped = "\n".join("\n".join(wrapper.wrap(line)) for line in text.split("\n"))
    assert re.search(r"\d-\n\d", wrapped) and re.search(r"P\.A\. \d+-\n\d", wrapped)
    old, new = tmp_path / "code.txt", tmp_path / "wrapped.txt"
    old.write_text(text, encoding="utf-8")
    new.write_text(wrapped, encoding="utf-8")
    result = CliRunner().invoke(cli.main, ["diff", "--stat", "--jobs", "1", str(old), str(new)])
    return f"{result.exit_code}\n{result.output}"


def test_the_election_code_rewrapped_as_a_pdf_breaks_its_numbers_compares_as_no_change(tmp_path):
    """The Election Code's first 300 KB re-wrapped at 40 characters, breaking after every
    hyphen between letters or digits as a PDF does: Section numbers, dates and Public Acts
    broken after a hyphen (`1-1-` / `21`, `P.A. 98-` / `691`) were dozens of phantom changes,
    Source notes most of them; now none."""
    assert _changes_of_a_rewrapped_act(tmp_path, 300_000) == "0\n"


# -- 2. one rule of compounds for the tokenizer and the terminal --------------------------------

def test_the_terminal_keeps_whole_exactly_the_compounds_the_tokenizer_cuts():
    """The terminal cuts its context between words, never inside a compound the tokenizer cut
    (`one-` `time`); it asks the tokenizer's own rule, so a hyphen after a digit (`24-hour`,
    kept whole by the tokenizer) and a broken number (`1-1- 21`, one token) agree with it."""
    tokens = tokens_of("one-time 24-hour non- forwardable 1-1- 21 e-mail. 5-year")
    assert [token.text for token in tokens] == [
        "one-", "time", "24-hour", "non-", "forwardable", "1-1- 21", "e-", "mail", ".", "5-year",
    ]
    assert [tokens[index].text for index in word_starts(tokens)] == [
        "one-", "24-hour", "non-", "forwardable", "1-1- 21", "e-", ".", "5-year",
    ]
    assert continues_compound("one-", "time") and continues_compound("e-", "Mail")
    assert not continues_compound("24-", "hour")  # the tokenizer never cuts after a digit's hyphen
    assert not continues_compound("one-", "5") and not continues_compound("-", "a") and not continues_compound("x--", "y")


@settings(max_examples=300)
@given(st.lists(_WORD, min_size=1, max_size=6))
def test_the_terminal_joins_a_token_to_the_one_before_exactly_where_the_tokenizer_cut_a_compound(words):
    """Within a word, a token goes on the one before it (no word start for the terminal) exactly
    where the tokenizer cut a compound: after a hyphen between two letters, never after one that
    follows a digit (`24-hour` is one token, and `5-` `year` no compound)."""
    tokens = tokenize([Word(word) for word in words])
    starts = set(word_starts(tokens))
    for index in range(1, len(tokens)):
        before, token = tokens[index - 1].text, tokens[index].text
        cut_compound = before[-1:] == "-" and before[-2:-1].isalpha() and token[:1].isalpha()
        assert (index not in starts) == (not tokens[index].space_before and cut_compound), (before, token)


# -- 3. Chinese and Japanese, printed without spaces --------------------------------------------

REAL = Path(__file__).resolve().parent / "fixtures" / "real-documents"
CC_BY_SA_JA = REAL / "ml-for-beginners_ja_cc-by-sa-4.0_section1.md"


def _compare_texts(old: str, new: str, name: str = "doc.md"):
    from statdiff.compare import compare
    from statdiff.read import read_text
    from statdiff.structure import build_document

    return compare(build_document(read_text(old, name=name)), build_document(read_text(new, name=name)))


def test_an_edit_in_japanese_shows_the_characters_changed_not_the_paragraph():
    """Japanese (and Chinese) print no space between words: a paragraph's line was one word, and
    one character changed replaced it whole (`[-類似の権利の下で許可が必要な方法で…-]{+…不要…+}`).
    Han, Hiragana and Katakana are one token a character, so a change is the characters it
    changed; a real licence's definitions (a machine translation of CC BY-SA 4.0, Section 1)."""
    from conftest import assert_comparison_invariants, assert_redline_reads_back

    old = CC_BY_SA_JA.read_text(encoding="utf-8")
    new = (old.replace("許可が必要な方法で", "許可が不要な方法で")
              .replace("、変更された資料は常に", "、全ての変更された資料は常に")
              .replace("独自のデータベース権利が含まれます", "データベース権利が含まれます"))
    comparison = _compare_texts(old, new)
    assert sorted((change.old_text, change.new_text) for change in comparison.changes) == [
        ("", "全ての"), ("必", "不"), ("独自の", ""),
    ]
    assert_comparison_invariants(comparison)
    assert_redline_reads_back(comparison)
    assert _compare_texts(old, old).changes == []


def test_a_replacement_in_japanese_prints_no_space_between_its_struck_and_inserted_characters():
    """The HTML redline printed `<del>必</del> <ins>不</ins>`, a space the text never had, between
    the two sides of a replacement in a script printed without spaces; Latin words keep theirs."""
    from statdiff import pipeline

    old = CC_BY_SA_JA.read_text(encoding="utf-8")
    html = str(pipeline.render_comparison(_compare_texts(old, old.replace("許可が必要な方法で", "許可が不要な方法で")), "html"))
    assert "<del>必</del><ins>不</ins>" in html and "<del>必</del> <ins>" not in html
    latin = str(pipeline.render_comparison(_compare_texts("The fee is due monthly.\n", "The fee is due quarterly.\n"), "html"))
    assert "<del>monthly</del> <ins>quarterly</ins>" in latin


def test_japanese_rewrapped_at_other_characters_is_no_change():
    """A paragraph of Japanese hard-wrapped at other characters (another editor's width, a PDF)
    holds the same characters: no change, though its `words` (the runs between line breaks) all
    differ."""
    old = CC_BY_SA_JA.read_text(encoding="utf-8")
    lines = old.split("\n")
    rewrapped = "\n".join(line[:-2] + "\n" + line[-2:] if len(line) > 30 else line for line in lines)
    assert rewrapped != old
    assert _compare_texts(old, rewrapped).changes == []


def test_cjk_tokens_rebuild_the_text_and_korean_words_stay_whole():
    """Each Han, Hiragana or Katakana character is a token; what stands between them is split as
    any word (`第5条`: `5`; `(a)` whole); Hangul, which Korean spaces into words, stays whole."""
    text = "第5条(a)「現状のまま」提供します。 Creative Commons は、 제1조 이 법은"
    tokens = tokens_of(text)
    assert rebuild(tokens) == text
    assert [token.text for token in tokens] == [
        "第", "5", "条", "(a)", "「", "現", "状", "の", "ま", "ま", "」", "提", "供", "し", "ま", "す", "。",
        "Creative", "Commons", "は", "、", "제1조", "이", "법은",
    ]


# -- 4. HTML definition lists: a term and its definition ----------------------------------------

GLOSSARY_OLD = REAL / "pep-0418_glossary_9c952d97b.html"
GLOSSARY_NEW = REAL / "pep-0418_glossary_92e2f078f.html"


def _parse_html(text: str, name: str = "page.html"):
    from statdiff.read import read_text
    from statdiff.structure import build_document

    return build_document(read_text(text, name=name))


def test_a_definition_list_is_read_as_terms_and_their_definitions():
    """A page's `<dl>` (a glossary, a policy's definitions, docutils' field lists) was read as
    paragraphs, the term one and its description another, paired by content or by place. Each
    `<dt>` is a definition of the term it names, its `<dd>` the definition's words, so that it
    pairs by its term, as a `"Term" means` paragraph does (PEP 418's glossary, two commits)."""
    document = _parse_html(GLOSSARY_OLD.read_text(encoding="utf-8"))
    definitions = [node for node in document.root.walk() if node.kind == "definition"]
    assert [node.meta.term for node in definitions][:4] == ["Accuracy", "Adjusted", "Civil Time", "Clock"]
    assert len(definitions) == 22 and definitions[0].path == '"Accuracy"'
    assert definitions[0].text.startswith("Accuracy: The amount of deviation of measurements")
    comparison = _compare_html(GLOSSARY_OLD.read_text(encoding="utf-8"), GLOSSARY_NEW.read_text(encoding="utf-8"))
    assert [(change.op.value, change.old_path or change.new_path) for change in comparison.changes] == [
        ("replace", '"Clock"'), ("replace", '"Counter"'), ("replace", '"Counter"'),
        ("remove", '"Duration"'), ("delete", '"Monotonic"'),
    ]


def _compare_html(old: str, new: str):
    from conftest import assert_comparison_invariants

    from statdiff.compare import compare

    comparison = compare(_parse_html(old, "old.html"), _parse_html(new, "new.html"))
    assert_comparison_invariants(comparison)
    return comparison


def test_a_definition_rewritten_whole_pairs_by_its_term():
    """A definition whose words all changed is still that term's definition: one change under
    its term, never a definition removed and another added (nor paired with a neighbour)."""
    page = ("<html><body><h1>Definitions</h1><dl>"
            "<dt>Account</dt><dd>Your legal relationship with us.</dd>"
            "<dt>Content</dt><dd>Anything you upload to the Service, including code and text.</dd>"
            "<dt>Service</dt><dd>The applications and products we provide.</dd></dl></body></html>")
    rewritten = page.replace("Anything you upload to the Service, including code and text.",
                             "Material displayed through the Website by any person.")
    comparison = _compare_html(page, rewritten)
    assert [(change.op.value, change.old_path, change.new_path) for change in comparison.changes] == [
        ("replace", '"Content"', '"Content"'),
    ]


def test_a_terms_description_paragraphs_and_lists_stay_with_it():
    """A description of several paragraphs (`<p>`s, a second `<dd>`) or holding a list belongs to
    its term: the first paragraph joins the term's definition, the rest are its paragraphs; a
    term printed over two lines (`<br>`) is one term; a `<dd>` with no term is a paragraph."""
    page = ("<html><body><dl><dd>No term here.</dd></dl>"
            "<dl><dt>Personal<br>Data</dt><dd><p>Any information about you.</p><p>It includes:</p>"
            "<ul><li>your name;</li><li>your address.</li></ul></dd><dd>See also Privacy.</dd>"
            "<dt>“Term”:</dt><dd>The period of this agreement.</dd></dl><p>After the list.</p></body></html>")
    document = _parse_html(page)
    top = [(node.kind, node.path, node.text) for node in document.root.children]
    assert top == [
        ("text", "[1]", "No term here."),
        ("definition", '"Personal Data"', "Personal Data Any information about you."),
        ("definition", '"Term"', "“Term”: The period of this agreement."),
        ("text", "[2]", "After the list."),
    ]
    personal = document.root.children[1]
    assert [(node.kind, node.text) for node in personal.children] == [
        ("text", "It includes:"), ("list_item", "your name;"), ("list_item", "your address."),
        ("text", "See also Privacy."),
    ]


# -- 5. margin notes on a paragraph moved to another section --------------------------------------

POLICY = """# Privacy Policy

## 1. Data we collect

We collect your name and email address when you register.

{moved_old}

## 2. Security

We protect your data with encryption at rest and in transit.

{moved_new}
"""
BREACH = ("The Company shall notify each affected user within 30 days after it discovers a breach of security, "
          "and may delay notice at the request of law enforcement.")


def _notes(old_paragraph: str, new_paragraph: str):
    from statdiff.annotate import annotate
    from statdiff.compare import compare
    from statdiff.read import read_text
    from statdiff.structure import build_document

    old = build_document(read_text(POLICY.format(moved_old=old_paragraph, moved_new=""), name="old.md"))
    new = build_document(read_text(POLICY.format(moved_old="", moved_new=new_paragraph), name="new.md"))
    comparison = compare(old, new)
    return comparison, [(note.kind, note.message, note.change_anchor) for note in annotate(comparison)]


def test_a_paragraph_moved_to_another_section_keeps_its_old_duties_in_the_notes():
    """A paragraph moved to another section and edited there is one move and its word changes;
    its margin notes read it against what it was, as a paragraph moved within its section is
    read: the deadline it changed is `changed`, the duty and permission it always had are no
    notes (they were `new duty: “shall notify”`, `new permission: “may delay”`), and the note
    points at the word change, not at the move. Moved unchanged, it has no note at all."""
    comparison, notes = _notes(BREACH, BREACH.replace("30 days", "45 days"))
    assert [(change.op.value, change.old_text, change.new_text) for change in comparison.changes][1:] == [
        ("replace", "30", "45"),
    ]
    replace = comparison.changes[1].anchor
    assert notes == [("deadline", "deadline changed: within 30 days → within 45 days", replace)]
    comparison, notes = _notes(BREACH, BREACH)
    assert [change.op.value for change in comparison.changes] == ["move"] and notes == []
    _, notes = _notes(BREACH, BREACH.replace("may delay", "shall not delay"))
    assert [message for _, message, _ in notes] == ["duty changed: “may delay” → “shall not delay”"]
