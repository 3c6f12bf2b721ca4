"""The own text of a document that is not legislation (what no clause or heading of it holds)
is named by what it is, in every output that names it: the text under the document's title is
the document (`Under the title "..."`), never its front matter; a document with no title and
no sections is all its own text; only a markdown file's metadata block, and text before the
first of several headings, is front matter (`view.labels.prose_text_label`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from statdiff import pipeline
from statdiff.read import read_path, read_text
from statdiff.view import build_view

ROOT = Path(__file__).resolve().parent
DOCUMENTS = ROOT / "fixtures" / "documents"
REAL = ROOT / "fixtures" / "real-documents"

# A fee table under its one top heading (the shape the label was wrong for).
FEES = """# Filing fees

Fees are due when the document is filed.

| Document | Fee |
| --- | --- |
| Articles of incorporation | $150 |
| Annual report | $75 |
"""


def own_text_labels(old, new) -> list[str]:
    """The labels of the documents' own text (the unit with no path): the view's, then the
    terminal's header line for it."""
    comparison = pipeline.compare(old, new)
    labels = [section.label for section in build_view(comparison).sections if not section.path]
    terminal = pipeline.render_comparison(comparison, "terminal")
    labels += [line.split("  [")[0] for line in terminal.splitlines() if line.startswith("(")]
    return labels


def built_text(text: str, name: str):
    return pipeline.build(read_text(text, name=name))


def built_path(path: Path):
    return pipeline.build(read_path(path))


def test_a_fee_table_under_its_one_heading_is_named_by_that_heading_everywhere(tmp_path):
    old, new = built_text(FEES, "old.md"), built_text(FEES.replace("$75", "$80"), "new.md")
    assert own_text_labels(old, new) == ['Under the title "Filing fees"', '(under the title "Filing fees")']
    comparison = pipeline.compare(old, new)
    shown = {form: str(pipeline.render_comparison(comparison, form)) for form in ("terminal", "html")}
    assert all("front matter" not in text.lower() for text in shown.values())
    assert "Under the title &#34;Filing fees&#34;" in shown["html"]


def test_the_text_under_a_policys_title_before_its_first_section_is_named_by_the_title():
    """tests/fixtures/documents' privacy policy: `# Privacy Policy`, its date and opening
    paragraph, then `##` sections; the opening paragraph changed."""
    labels = own_text_labels(built_path(DOCUMENTS / "privacy_policy_v1.md"), built_path(DOCUMENTS / "privacy_policy_v2.md"))
    assert labels == ['Under the title "Privacy Policy"', '(under the title "Privacy Policy")']


def test_a_capitalised_title_of_a_plain_text_policy_names_its_text():
    """The acceptable use policy's `ACCEPTABLE USE POLICY` heads the document: its opening
    text is under it."""
    labels = own_text_labels(built_path(DOCUMENTS / "acceptable_use_policy_v1.txt"),
                             built_path(DOCUMENTS / "acceptable_use_policy_v2.txt"))
    assert labels == ['Under the title "ACCEPTABLE USE POLICY"', '(under the title "ACCEPTABLE USE POLICY")']


def test_a_setext_title_names_its_text():
    text = "Filing fees\n===========\n\nThe annual report fee is $75.\n"
    labels = own_text_labels(built_text(text, "old.md"), built_text(text.replace("$75", "$80"), "new.md"))
    assert labels == ['Under the title "Filing fees"', '(under the title "Filing fees")']


def test_a_document_with_no_heading_is_its_own_text():
    text = "The annual report fee is $75.\n\nIt is due in March.\n"
    labels = own_text_labels(built_text(text, "old.md"), built_text(text.replace("$75", "$80"), "new.md"))
    assert labels == ["The document's text", "(the document's text)"]


def test_text_before_the_first_of_several_headings_is_front_matter():
    text = "Adopted by the board.\n\n# Fees\n\nThe fee is $75.\n\n# Waivers\n\nNone.\n"
    labels = own_text_labels(built_text(text, "old.md"), built_text(text.replace("board", "council"), "new.md"))
    assert labels == ["Front matter", "(front matter)"]


@pytest.mark.parametrize("changed,expected", [
    ("metadata", "Front matter"),
    ("text", "The document's text"),
    ("both", "Front matter and the document's text"),
])
def test_a_markdown_files_metadata_block_is_its_front_matter(changed, expected):
    """choosealicense.com's Ms-PL page: YAML metadata, then the licence's name and its first
    paragraph (no heading). A change in the metadata is in front matter; in the licence, in
    the document's text."""
    text = (REAL / "choosealicense_ms-pl_head.md").read_text(encoding="utf-8")
    edited = text
    if changed in ("metadata", "both"):
        edited = edited.replace("spdx-id: MS-PL", "spdx-id: MS-PL-1")
    if changed in ("text", "both"):
        edited = edited.replace("governs use of", "governs the use of")
    labels = own_text_labels(built_text(text, "old.md"), built_text(edited, "new.md"))
    assert labels == [expected, f"({expected[:1].lower()}{expected[1:]})"]


def test_the_ms_pl_and_ms_rl_pages_change_in_both_their_metadata_and_their_text():
    labels = own_text_labels(built_path(REAL / "choosealicense_ms-pl_head.md"), built_path(REAL / "choosealicense_ms-rl_head.md"))
    assert labels == ["Front matter and the document's text", "(front matter and the document's text)"]


def test_metadata_on_one_side_and_a_title_on_the_other_are_both_named():
    """The Ms-PL page's metadata taken out, its licence name made its `#` title and its text
    edited: the changes are in the old copy's front matter and under the new copy's title."""
    text = (REAL / "choosealicense_ms-pl_head.md").read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1].strip()
    titled = "# " + body.replace("governs use of", "governs the use of")
    labels = own_text_labels(built_text(text, "old.md"), built_text(titled, "new.md"))
    assert labels == ['Front matter and the text under the title "Microsoft Public License (Ms-PL)"',
                      '(front matter and the text under the title "Microsoft Public License (Ms-PL)")']


def test_a_long_title_is_cut_at_a_word_in_the_label():
    title = "Schedule of filing fees for documents delivered to the office of the Secretary of State for filing"
    text = f"# {title}\n\nThe annual report fee is $75.\n"
    labels = own_text_labels(built_text(text, "old.md"), built_text(text.replace("$75", "$80"), "new.md"))
    assert labels[0].startswith('Under the title "Schedule of filing fees') and labels[0].endswith(' …"')
    assert len(labels[0]) <= len('Under the title ""') + 80


def test_own_text_added_whole_is_placed_and_worded_by_its_label():
    """The old copy has no text of its own (it opens with its first clause); the new one
    puts a title and a paragraph above it: the change adds the document's own text whole
    (path ""), placed and worded by the label, not blank and `added a node`."""
    old = pipeline.build(read_text("## 1. Fees\n\nThe fee is $10.\n", name="a.md"))
    new = pipeline.build(read_text("# Fee schedule\n\nIntro text here.\n\n## 1. Fees\n\nThe fee is $10.\n", name="b.md"))
    changes = build_view(pipeline.compare(old, new)).changes
    assert [(change.where, change.phrase) for change in changes] == [
        ('Under the title "Fee schedule"', 'added the text under the title "Fee schedule"')]
