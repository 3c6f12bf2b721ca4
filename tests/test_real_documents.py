"""Real documents that are not Illinois law, and the failures they once showed.

Each test pins a general rule found on a real document (fixtures and their provenance in
tests/fixtures/real-documents/SOURCES.md), with the smallest text that shows it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from statdiff.compare import compare
from statdiff.model import ONE_COPY_OPS, rebuild
from statdiff.read import read_path, read_text
from statdiff.structure import build_document
from conftest import assert_each_node_shown_once, assert_rebuilds, assert_redline_reads_back

REAL = Path(__file__).resolve().parent / "fixtures" / "real-documents"


def parse_text(text: str, name: str = "doc.txt"):
    return build_document(read_text(text, name=name))


def parse_path(path: Path):
    return build_document(read_path(path))


def one_copy_text(comparison) -> list[str]:
    """The text a comparison takes for text only one copy holds (the other copy being cut)."""
    return [rebuild(segment.old + segment.new)
            for section in comparison.sections for node in section.nodes
            for segment in node.segments if segment.op in ONE_COPY_OPS]


def changed_words(comparison) -> tuple[set[str], set[str]]:
    old = {word.strip(".,;:()") for change in comparison.changes for word in change.old_text.split()}
    new = {word.strip(".,;:()") for change in comparison.changes for word in change.new_text.split()}
    return old, new


# ---------------------------------------------------------------- a document's first or last words edited

TERMS = ("These terms govern your use of the service provided by Example Corp and its affiliates.\n\n"
         "1. Acceptance. By using the service you agree to these terms.\n\n"
         "2. Changes. We may change these terms at any time.\n")
EDITED_EDGES = {
    # a date line above the text, rewritten: no sentence ends before the shared words begin
    "first line": ("Last updated January 1, 2023\n\n" + TERMS,
                   "Effective as of March 5, 2024 for all customers and users who signed up on or after that date\n\n"
                   + TERMS),
    # a footer rewritten after its first words: it stops mid-sentence where the other goes on
    "last line": (TERMS + "\nThese terms were last updated on January 1, 2023 by the legal department\n",
                  TERMS + "\nThese terms were last updated on March 5, 2024 after a review by outside counsel and "
                          "the board\n"),
    # the first paragraph's date replaced by a longer phrase
    "first paragraph": ("# Privacy Policy\n\nEffective date: January 1, 2023. This policy was written by the legal team "
                        "of Example Corp for its users.\n\n## 1. Data we collect\n\nWe collect your name.\n",
                        "# Privacy Policy\n\nEffective date: March 5, 2024, replacing every earlier version of this "
                        "policy that was in force. This policy was written by the legal team of Example Corp for its "
                        "users.\n\n## 1. Data we collect\n\nWe collect your name.\n"),
    # choosealicense.com's bsd-3-clause.txt (4ba1ca5 -> 915c08b): the front matter's first line
    # `layout: license` taken out; the text began at the next printed line, read as a cut copy
    "first line deleted": ("---\nlayout: license 2023\ntitle: BSD 3-clause \"New\" or \"Revised\" License\n"
                           "nickname: New BSD\ncategory: BSD\n---\n\n" + TERMS,
                           "---\ntitle: BSD 3-clause \"New\" or \"Revised\" License 2024\nnickname: New BSD\n"
                           "category: BSD\n---\n\n" + TERMS),
}


@pytest.mark.parametrize("flip", [False, True], ids=["forward", "backward"])
@pytest.mark.parametrize("edge", list(EDITED_EDGES))
def test_a_documents_edited_first_or_last_words_are_changes_never_a_cut(edge, flip):
    """Two whole versions of a document whose first (last) words differ were edited there: the
    words of each are changes, never text "only in one copy" of a copy cut short (the old rule,
    made for partial pages of bills, hid the new date and, on the terminal, the old one too)."""
    old_text, new_text = EDITED_EDGES[edge]
    if flip:
        old_text, new_text = new_text, old_text
    comparison = compare(parse_text(old_text, "old.md"), parse_text(new_text, "new.md"))
    assert one_copy_text(comparison) == []
    old_words, new_words = changed_words(comparison)
    assert {"2023", "2024"} <= (old_words | new_words)
    assert ("2023" in old_words) != flip and ("2024" in new_words) != flip
    assert_rebuilds(comparison)
    assert_each_node_shown_once(comparison)


EUPL_HEAD = ("11. Applicable law. This Licence shall be governed by the law of the European Union country where the "
             "Licensor resides or has his registered office.\n\nAppendix\n\n"
             "\"Compatible Licences\" according to article 5 EUPL are:\n")


def test_a_document_whose_last_words_are_edited_near_a_word_the_other_has_is_no_cut_copy():
    """EUPL 1.1 against 1.2 (choosealicense.com, `_licenses/eupl-1.1.txt` and `eupl-1.2.txt`):
    1.1's Appendix ends `- Cecill v. 2.0`, 1.2's goes on `- CeCILL v. 2.0, v. 2.1`, three more
    licences and two paragraphs. 1.1 ending on `2.0` was read as a copy cut inside 1.2's item,
    so everything 1.2 adds after it showed as text "only in the new copy", never as a change:
    a copy of a document is cut only where its last six words are the other's, verbatim."""
    old = EUPL_HEAD + ("- GNU General Public License (GNU GPL) v. 2\n- Open Software License (OSL) v. 2.1, v. 3.0\n"
                       "- Common Public License v. 1.0\n- Eclipse Public License v. 1.0\n- Cecill v. 2.0\n")
    new = EUPL_HEAD + ("- GNU General Public License (GPL) v. 2, v. 3\n- Open Software License (OSL) v. 2.1, v. 3.0\n"
                       "- Eclipse Public License (EPL) v. 1.0\n- CeCILL v. 2.0, v. 2.1\n"
                       "- Mozilla Public Licence (MPL) v. 2\n- GNU Lesser General Public Licence (LGPL) v. 2.1, v. 3\n\n"
                       "The European Commission may update this Appendix to later versions of the above licences.\n")
    comparison = compare(parse_text(old, "eupl-1.1.txt"), parse_text(new, "eupl-1.2.txt"))
    assert one_copy_text(comparison) == []
    _, new_words = changed_words(comparison)
    assert {"Mozilla", "LGPL", "Commission"} <= new_words
    assert_rebuilds(comparison)

def test_a_partial_copy_of_a_document_is_still_a_cut_copy():
    """A copy of a document that stops mid-sentence, word for word the other's up to there, is
    a cut copy: what it lacks is text only the whole copy holds, never a deletion."""
    whole = TERMS + "\n3. Notices. Notices go to the address in the order form, by email or by post.\n"
    cut = whole[:whole.index("by email")]
    comparison = compare(parse_text(whole, "whole.txt"), parse_text(cut, "cut.txt"))
    assert comparison.changes == []
    assert one_copy_text(comparison) == ["by email or by post."]


def test_a_licence_whose_front_matter_changes_its_title_reports_the_title():
    """choosealicense.com's Ms-PL and Ms-RL (front matter, title and first paragraph): the title
    `Microsoft Public License` -> `Microsoft Reciprocal License` on the first line of both is a
    change, and nothing is read as a copy cut short."""
    comparison = compare(parse_path(REAL / "choosealicense_ms-pl_head.md"),
                         parse_path(REAL / "choosealicense_ms-rl_head.md"))
    assert one_copy_text(comparison) == []
    old_words, new_words = changed_words(comparison)
    assert {"Public", "MS-PL"} <= old_words and {"Reciprocal", "MS-RL"} <= new_words
    assert_rebuilds(comparison)


# ---------------------------------------------------------------- a paragraph moved to another clause

FEES = ("Customer pays the fees in the order form. The provider may change its fees once a year on ninety days "
        "notice to the customer by email to the billing contact.")
TERM = ("This agreement runs for one year from the effective date. It renews for further one-year terms unless either "
        "party gives notice of non-renewal at least thirty days before the end of a term.")
ENDING = "Either party may terminate this agreement for material breach not cured within thirty days of notice."
LATE = ("Customer must pay each invoice within thirty days of its date, and any amount not paid when due bears interest "
        "at one percent a month from the due date until it is paid in full, together with the costs of collection.")


def contract(fees: list[str], term: list[str], ending: list[str], numbered: bool = True) -> str:
    parts = []
    for number, (heading, paragraphs) in enumerate((("Fees", fees), ("Term", term), ("Termination", ending)), 1):
        parts.append(f"## {number}. {heading}" if numbered else f"{number}. {heading.upper()}")
        parts.extend(paragraphs)
    return "\n\n".join(parts) + "\n"


@pytest.mark.parametrize("numbered", [True, False], ids=["markdown headings", "numbered caps headings"])
def test_a_paragraph_moved_to_another_clause_keeps_the_clauses_paired_by_their_headings(numbered):
    """A long paragraph moved from `1. Fees` to `3. Termination`: each clause still pairs with
    the clause of its heading (content pairing paired `1. Fees` with `3. Termination`, the
    clause that now carries the paragraph, and reported Fees added, Termination removed)."""
    old = contract([FEES, LATE], [TERM], [ENDING], numbered)
    new = contract([FEES], [TERM], [ENDING, LATE], numbered)
    comparison = compare(parse_text(old, "old.md"), parse_text(new, "new.md"))
    pairs = [(section.old.path if section.old else None, section.new.path if section.new else None)
             for section in comparison.sections if section.path]
    assert pairs == [("Clause 1", "Clause 1"), ("Clause 2", "Clause 2"), ("Clause 3", "Clause 3")]
    assert [change.op for change in comparison.changes] == ["move"]


def test_a_paragraph_moved_to_another_clause_and_edited_shows_its_edit():
    """The paragraph moved to another clause with one word changed (`thirty` -> `sixty`): a
    move and the word change, on the terminal and in the redline (the move alone was reported,
    its old and new texts in the JSON differing, the changed deadline shown nowhere). Seen on
    GitHub's Corporate Terms of Service (site-policy a2079fe -> 1e9dced): the Enterprise Cloud
    paragraph moved from B.5 to B.6 with its link changed."""
    old = contract([FEES, LATE], [TERM], [ENDING])
    new = contract([FEES], [TERM], [ENDING, LATE.replace("thirty", "sixty")])
    comparison = compare(parse_text(old, "old.md"), parse_text(new, "new.md"))
    assert [(change.op, change.old_path, change.new_path) for change in comparison.changes] == [
        ("move", "Clause 1 [2]", "Clause 3 [2]"), ("replace", "Clause 1 [2]", "Clause 3 [2]")]
    assert (comparison.changes[1].old_text, comparison.changes[1].new_text) == ("thirty", "sixty")
    assert_rebuilds(comparison)
    assert_each_node_shown_once(comparison)
    assert_redline_reads_back(comparison)
    from statdiff import pipeline
    shown = str(pipeline.render_comparison(comparison, "terminal"))
    assert "[-thirty-]{+sixty+}" in shown


@pytest.mark.parametrize("flip", [False, True], ids=["added", "removed"])
def test_the_terminal_shows_the_words_of_a_clause_added_or_removed_whole(flip):
    """`statdiff diff` printed an added (removed) clause's heading and `[added]` but none of its
    words: a new clause's duties were nowhere on the terminal. Each paragraph of it now reads
    as inserted (deleted), a line each, as git prints every line of a file it adds."""
    from statdiff import pipeline

    old = contract([FEES], [TERM], [ENDING])
    new = contract([FEES], [TERM], [ENDING]) + "\n## 4. Notices\n\nNotices go to the address in the order form.\n"
    if flip:
        old, new = new, old
    shown = str(pipeline.render_comparison(compare(parse_text(old, "old.md"), parse_text(new, "new.md")), "terminal"))
    marks = ("[-", "-]") if flip else ("{+", "+}")
    assert f"{marks[0]}4. Notices{marks[1]}" in shown
    assert f"{marks[0]}Notices go to the address in the order form.{marks[1]}" in shown


# ---------------------------------------------------------------- a markdown list numbered `1.` `1.` `1.`

def test_a_markdown_list_whose_items_all_print_1_is_numbered_as_markdown_shows_it():
    """GitHub's Terms of Service number their definitions `1.` `1.` `1.` (markdown shows them 1
    to 8): eight clauses, not clause 1 holding seven paragraphs; and the commit that rewrote
    `2.` ... `8.` as `1.` changes those printed numbers only (it reported seven definitions
    removed and seven added)."""
    old = parse_path(REAL / "github_tos_definitions_b31dacd.md")
    new = parse_path(REAL / "github_tos_definitions_93a28bf.md")
    for document in (old, new):
        clauses = [node for node in document.walk() if node.kind == "section" and node.meta.number]
        assert [node.meta.number for node in clauses] == [str(number) for number in range(1, 9)]
        assert all(not node.children for node in clauses)
    comparison = compare(old, new)
    assert {(change.op, change.old_text, change.new_text) for change in comparison.changes} == {
        ("replace", str(number), "1") for number in range(2, 9)}
    assert_rebuilds(comparison)


@pytest.mark.parametrize("text,numbers", [
    ("1. DEFINITIONS\n\n1. In this Agreement words have their usual meaning.\n", ["1"]),  # a heading, then text
    ("1. Pay the fees.\n\n   1. Within thirty days.\n", ["1"]),  # indented under clause 1: its own list
    ("1. Pay the fees.\n1. Keep records.\n1. Allow audits.\n", ["1", "2", "3"]),
])
def test_only_a_list_of_paragraphs_printing_one_number_is_renumbered(text, numbers):
    document = parse_text(text, "doc.md")
    assert [node.meta.number for node in document.walk() if node.kind == "section"] == numbers


# ---------------------------------------------------------------- lists nested by their indent

def test_an_enumerated_list_indented_under_an_item_is_that_items_own():
    """CC BY 4.0, Section 2: `a. License grant.` holds the list `1.`-`6.`, whose item 1 holds
    its own `a.` `b.` (indented under it) and item 5 its own `a.` `b.`; then `b. Other rights.`
    at the outer list's indent. The inner `b.` was read as the outer list's (b), and the real
    `b. Other rights.` as text inside it."""
    document = parse_path(REAL / "cc-by-4.0_section2.txt")
    structure = {node.path: node.text.split(" ", 2)[:2] for node in document.walk()
                 if node.kind in ("subsection", "list_item")}
    assert structure == {
        "Section 2 (a)": ["a.", "License"],
        "Section 2 (a) [1]": ["1.", "Subject"],
        "Section 2 (a) [1] (a)": ["a.", "reproduce"],
        "Section 2 (a) [1] (b)": ["b.", "produce,"],
        "Section 2 (a) [2]": ["2.", "Exceptions"],
        "Section 2 (a) [3]": ["3.", "Term."],
        "Section 2 (a) [4]": ["4.", "Media"],
        "Section 2 (a) [5]": ["5.", "Downstream"],
        "Section 2 (a) [5] (a)": ["a.", "Offer"],
        "Section 2 (a) [5] (b)": ["b.", "No"],
        "Section 2 (a) [6]": ["6.", "No"],
        "Section 2 (b)": ["b.", "Other"],
        "Section 2 (b) [1]": ["1.", "Moral"],
        "Section 2 (b) [2]": ["2.", "Patent"],
        "Section 2 (b) [3]": ["3.", "To"],
    }
    comparison = compare(document, parse_path(REAL / "cc-by-sa-4.0_section2.txt"))
    inserted = " ".join(change.new_text for change in comparison.changes)
    assert "Additional offer from the Licensor -- Adapted Material." in inserted
    assert all(change.op == "insert" and change.old_path.startswith("Section 2 (a) [5]")
               for change in comparison.changes)
    assert_rebuilds(comparison)


def test_a_bold_heading_sentence_is_the_clauses_heading():
    """`2.2 **License Grant.** Acme hereby grants ...` (markdown contracts bold their clause
    headings): the heading is `License Grant.`, as `2.2 License Grant. Acme ...` gives, so the
    clause pairs by it (it read no heading: the sentence's last word ends in `**`)."""
    document = parse_text("1.1 **Definitions.** As used in this Agreement, words mean what they say.\n\n"
                          "1.2 __Overall Scope.__ Acme shall provide the Software.\n\n"
                          "1.3 *License Grant*. Acme grants a licence.\n", "contract.md")
    assert [node.meta.heading for node in document.walk() if node.kind == "section"] == [
        "Definitions.", "Overall Scope.", "License Grant."]


# ---------------------------------------------------------------- reStructuredText titles

def test_restructuredtext_titles_underlined_with_any_sign_are_headings_by_their_order():
    """PEP 13 (reStructuredText): `Specification` over `=====`, `The steering council` over
    `-----`, `Composition` over `~~~~~~~~~~~`. The `~~~` underline was read as a markdown code
    fence: everything to the next `~~~` line, titles included, was one block of code, and the
    Bloc STAR voting amendment (in `Electing the council`) a change inside it."""
    old = parse_path(REAL / "pep-0013_spec_0fd890c3f.rst")
    headings = [(node.label, node.path) for node in old.walk() if node.kind == "section"]
    assert [label for label, _ in headings] == [
        '"The steering council"', '"Composition"', '"Mandate"', '"Powers"', '"Electing the council"', '"Term"',
        '"Vacancies"', '"Conflicts of interest"', '"Ejecting core team members"', '"Vote of no confidence"']
    assert not any(node.meta.role == "code" for node in old.walk())
    steering = next(node for node in old.walk() if node.label == '"The steering council"')
    assert len([child for child in steering.children if child.kind == "section"]) == 9
    comparison = compare(old, parse_path(REAL / "pep-0013_spec_e4f321693.rst"))
    assert {change.section for change in comparison.changes} == {'"Electing the council"'}
    assert_rebuilds(comparison)


@pytest.mark.parametrize("text,block", [
    ("Title\n~~~~~\n\nText.\n", "heading"),       # an underline as long as the title
    ("Title\n~~~\ncode\n~~~\n", "code"),          # shorter: a markdown code fence
    ("Intro text.\n\n~~~~~~~~~~\ncode\n~~~~~~~~~~\n", "code"),  # after a blank line: a fence
    ("A title\n*******\n\nText.\n", "heading"),
    ("A longer paragraph line\n***\n", "text"),  # shorter: a markdown rule
])
def test_an_underline_is_a_title_only_right_under_a_line_no_longer_than_it(text, block):
    first = read_text(text, name="doc.rst").lines[0]
    assert first.block == block or (block == "code" and read_text(text, name="doc.rst").lines[1].block == "code")


def test_a_line_of_a_script_without_capitals_is_no_all_caps_heading():
    """A Japanese privacy policy (mdTodo's, github.com/0hanami/mdtodo-legal): `本アプリは、以下のサ
    ービスを使用していません。` and `最終更新日: 2026年3月16日` have no lowercase letter, and were read
    as ALL-CAPS headings, each a section of its own; a heading in capitals needs capitals."""
    text = ("5. 第三者サービス\n\n本アプリは、以下のサービスを使用していません。\n\n- 広告配信サービス\n"
            "- クラッシュレポートサービス\n\n最終更新日: 2026年3月16日\n\nLIMITATION OF LIABILITY\n\nNo liability.\n")
    document = parse_text(text, "privacy.md")
    assert [node.label for node in document.walk() if node.kind == "section"] == [
        "Clause 5", '"LIMITATION OF LIABILITY"']


# ---------------------------------------------------------------- a table of contents

CONTENTS = ("MASTER SERVICES AGREEMENT\n\nTABLE OF CONTENTS\n\n"
            "1. Definitions .................................... 1\n"
            "2. Services ....................................... 2\n"
            "3. Fees and Payment . . . . . . . . . . . . . . . . 3\n"
            "Schedule 1 ……………………………………………… iv\n\n"
            "1. Definitions\n\n1.1 \"Fees\" means the amounts set out in Schedule 1.\n\n"
            "2. Services\n\n2.1 The Supplier shall provide the Services with reasonable skill and care.\n\n"
            "3. Fees and Payment\n\n3.1 The Customer shall pay each invoice within thirty days.\n\n"
            "Schedule 1\n\nMonthly fee: $2,000.\n")


def test_a_table_of_contents_lists_the_clauses_and_opens_none():
    """A contract (as Word or a PDF exports it) opens with its table of contents, `1. Definitions
    ....... 1` and so on: those entries were read as clauses 1 to 3, and the clauses themselves,
    numbered from 1 again, as paragraphs of the last entry, so a change in clause 3.1 was
    reported in `Clause 3 [5]` of the contents. An entry ending in a dot leader and a page number
    is an entry, a list item of the contents."""
    document = parse_text(CONTENTS, "msa.txt")
    entries = [node.text.split(" .")[0].split(" …")[0] for node in document.walk() if node.kind == "list_item"]
    assert entries == ["1. Definitions", "2. Services", "3. Fees and Payment", "Schedule 1"]
    assert [node.label for node in document.walk() if node.kind == "section" and node.meta.number] == [
        "Clause 1", "Clause 1.1", "Clause 2", "Clause 2.1", "Clause 3", "Clause 3.1", "Schedule 1"]
    comparison = compare(document, parse_text(CONTENTS.replace("thirty", "forty-five"), "msa-2.txt"))
    assert [(change.op, change.new_path) for change in comparison.changes] == [("replace", "Clause 3.1")]


def test_a_table_of_contents_without_page_numbers_is_a_list_once_the_numbering_starts_again():
    """The same contents with no dot leaders or page numbers (`1. Definitions` alone on its line):
    the numbering starting again at `1.` after headings that hold nothing makes them a list."""
    plain = "\n".join(line.split(" ..")[0].split(" . .")[0] for line in CONTENTS.splitlines()
                      if "……" not in line) + "\n"  # (a `Schedule 1` entry alone would be its heading)
    assert "...." not in plain and "1. Definitions\n2. Services\n" in plain
    document = parse_text(plain, "msa.txt")
    assert [node.label for node in document.walk() if node.kind == "section" and node.meta.number] == [
        "Clause 1", "Clause 1.1", "Clause 2", "Clause 2.1", "Clause 3", "Clause 3.1", "Schedule 1"]
    assert len([node for node in document.walk() if node.kind == "list_item"]) == 3


def test_clauses_left_over_pair_by_number_only_when_their_headings_agree():
    """GitHub's Corporate Terms (site-policy a2079fe -> 1e9dced): C.6 `User Protection` was taken
    out and a new B.6 `Enterprise Cloud Terms` put in. Left unpaired by content, the two were
    paired by their number 6 and reported as one clause moved from C to B and renamed; two
    clauses whose headings differ are one removed and one added."""
    old = ("## B. Account Terms\n\n### 5. Government Terms\n\nGovernment users accept the amendment.\n\n"
           "## C. Acceptable Use\n\n### 6. User Protection\n\nCustomer must not harm External Users.\n")
    new = ("## B. Account Terms\n\n### 5. Government Terms\n\nGovernment users accept the amendment.\n\n"
           "### 6. Enterprise Cloud Terms\n\nThe Enterprise Cloud Addendum applies to Customer.\n\n"
           "## C. Acceptable Use\n")
    comparison = compare(parse_text(old, "old.md"), parse_text(new, "new.md"))
    statuses = {(section.old.path if section.old else None, section.new.path if section.new else None): section.status
                for section in comparison.sections}
    assert statuses[("Clause 6", None)] == "removed"
    assert statuses[(None, "Clause 6")] == "added"
    assert "move" not in [change.op for change in comparison.changes]


def test_a_clause_left_over_pairs_by_number_only_in_its_own_place():
    """The same Terms (site-policy 87222a7 -> 50968f6): definition 4 (`The "Website" refers to
    ...`) taken out of A. Definitions and a clause 4 `Scraping and API Usage Restrictions` put
    into C. Acceptable Use; left over by content, they paired by their number 4 and read as the
    definition moved to C. A clause pairs by number only with one between the same pairs."""
    old = ("## A. Definitions\n\n1. The \"Service\" refers to the services GitHub provides.\n\n"
           "2. The \"Website\" refers to GitHub's website located at github.com.\n\n"
           "## C. Acceptable Use\n\n1. Customer must comply with the laws.\n")
    new = ("## A. Definitions\n\n1. The \"Service\" refers to the services GitHub provides.\n\n"
           "## C. Acceptable Use\n\n1. Customer must comply with the laws.\n\n"
           "2. Scraping and API Usage Restrictions. Customer may not scrape the Service for spamming.\n")
    comparison = compare(parse_text(old, "old.md"), parse_text(new, "new.md"))
    assert sorted((change.op, change.old_path, change.new_path) for change in comparison.changes) == [
        ("add", None, "Clause 2"), ("remove", "Clause 2", None)]


# ---------------------------------------------------------------- every real fixture

REAL_FILES = sorted(path for path in REAL.iterdir() if path.name != "SOURCES.md")


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda path: path.name)
def test_every_real_document_is_accounted_for_and_unchanged_against_itself(path):
    from statdiff.read import read_path_and_source
    from statdiff.read.audit import audit, audit_source

    source, result = read_path_and_source(path)
    document = build_document(result)
    assert audit(audit_source(source, result), document.root.all_words(), result.dropped).ok
    comparison = compare(document, parse_path(path))
    assert comparison.changes == [] and {section.status for section in comparison.sections} == {"unchanged"}


def test_the_redline_names_a_documents_clauses_as_the_document_does():
    """The redline's section titles called a contract's clause 3 `Sec. 3` (an Illinois Section's
    name) and an unchanged run `Secs. 1 to 2`: a clause is named by its own label."""
    from statdiff import pipeline

    old = contract([FEES], [TERM], [ENDING])
    new = contract([FEES], [TERM], [ENDING, LATE])
    html = str(pipeline.render_comparison(compare(parse_text(old, "old.md"), parse_text(new, "new.md")), "html"))
    assert '<span class="sec-label">Clause 3</span>' in html and "Clauses 1 to 2" in html
    assert "Sec. 3" not in html and "Secs. 1 to 2" not in html


def test_a_clause_a_paragraph_moved_out_of_is_not_called_unchanged():
    """A paragraph moved from clause 1 to clause 3: the move is clause 3's change, and clause 1,
    which lost the paragraph, was called `unchanged` and folded among the unchanged clauses.
    It is `changed`, listed among the changed sections as having a paragraph moved out."""
    from statdiff import pipeline

    old = contract([FEES, LATE], [TERM], [ENDING])
    new = contract([FEES], [TERM], [ENDING, LATE.replace("thirty", "sixty")])
    comparison = compare(parse_text(old, "old.md"), parse_text(new, "new.md"))
    statuses = {section.path: section.status for section in comparison.sections if section.path}
    assert statuses == {"Clause 1": "changed", "Clause 2": "unchanged", "Clause 3": "changed"}
    assert [change.op for change in comparison.changes][:1] == ["move"]
    html = str(pipeline.render_comparison(comparison, "html"))
    assert "amended, 1 moved to another section" in html and "Clauses 1 to 2" not in html
    terminal = str(pipeline.render_comparison(comparison, "terminal"))
    assert terminal.rstrip().endswith("Changed only by what moved out of them to another section "
                                      "(each move is printed where it went): Clause 1")
