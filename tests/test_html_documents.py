"""A document that is not legislation published as a web page (a policy, terms of service)
is read with its HTML structure: headings and their levels, list items nested by their
lists, each block its own paragraph; built as the same document written in markdown is, with
every word accounted for."""

from __future__ import annotations

import pytest

from statdiff import pipeline
from statdiff.read import read_text
from statdiff.read.audit import audit, audit_source
from statdiff.structure import build_document

POLICY_HTML = """<!DOCTYPE html><html><head><title>Acme Privacy Policy</title></head><body>
<nav><a href="/">Home</a> | <a href="/about">About</a></nav>
<h1>Acme Privacy Policy</h1>
<p>Last updated: January 1, 2025</p>
<h2>1. Information We Collect</h2>
<p>We collect your name, email address and phone number.</p>
<ul><li>Account data</li><li>Usage data<ul><li>pages visited</li><li>time spent</li></ul></li></ul>
<h2>2. How We Use Information</h2>
<p>We use information to provide the service.<br>We do not sell personal information.</p>
<h3>Cookies</h3>
<p>We use cookies to remember your settings.</p>
<h2>3. Retention</h2>
<ol><li>Account data: while the account is open.</li><li>Logs: 12 months.</li></ol>
</body></html>
"""

POLICY_MARKDOWN = """# Acme Privacy Policy

Last updated: January 1, 2025

## 1. Information We Collect

We collect your name, email address and phone number.

- Account data
- Usage data
  - pages visited
  - time spent

## 2. How We Use Information

We use information to provide the service.
We do not sell personal information.

### Cookies

We use cookies to remember your settings.

## 3. Retention

- Account data: while the account is open.
- Logs: 12 months.
"""


def tree(document) -> list[tuple[str, str, str]]:
    """Each node's kind, path and words."""
    return [(node.kind, node.path, " ".join(word.text for word in node.words)) for node in document.root.walk()][1:]


@pytest.fixture(scope="module")
def page():
    return build_document(read_text(POLICY_HTML, name="policy.html"))


def test_the_page_is_read_as_a_document_with_its_headings_lists_and_title(page):
    assert page.identity.title == "Acme Privacy Policy"
    kinds = {path: kind for kind, path, _ in tree(page)}
    assert kinds["Clause 1"] == kinds["Clause 2"] == kinds["Clause 3"] == kinds['"Cookies"'] == "section"
    items = [(path, words) for kind, path, words in tree(page) if kind == "list_item"]
    assert [words for _, words in items] == ["Account data", "Usage data", "pages visited", "time spent",
                                             "Account data: while the account is open.", "Logs: 12 months."]
    assert [path for path, _ in items][2:4] == ["Clause 1 [3] [1]", "Clause 1 [3] [2]"]  # nested in `Usage data`
    assert '"Cookies"' in [child.path for child in next(n for n in page.root.walk() if n.path == "Clause 2").children]


def test_the_page_builds_as_the_same_document_written_in_markdown_does(page):
    """Paths, kinds and words alike (an ordered list is a list, as a markdown bullet list)."""
    markdown = build_document(read_text(POLICY_MARKDOWN, name="policy.md"))
    assert tree(page) == tree(markdown)


def test_every_word_of_the_page_is_accounted_for():
    result = read_text(POLICY_HTML, name="policy.html")
    document = build_document(result)
    found = audit(audit_source(POLICY_HTML, result), document.root.all_words(), result.dropped)
    assert found.ok, found


def test_two_versions_of_the_page_compare_section_to_section():
    new = (POLICY_HTML.replace("<li>time spent</li>", "<li>time spent</li><li>location</li>")
           .replace("12 months", "24 months").replace("We do not sell", "We may share"))
    comparison = pipeline.compare(build_document(read_text(POLICY_HTML, name="old.html")),
                                  build_document(read_text(new, name="new.html")))
    assert [(change.op, change.new_path, change.old_text, change.new_text) for change in comparison.changes] == [
        ("add", "Clause 1 [3] [3]", "", "location"),
        ("replace", "Clause 2 [2]", "do not sell", "may share"),
        ("replace", "Clause 3 [2]", "12", "24"),
    ]


def test_a_page_of_legislation_is_not_read_so():
    """An ilga.gov page keeps the legislation builder (its headings are not a document's)."""
    law = ("<html><body><h2>(815 ILCS 530/5)</h2><p>Sec. 5. Definitions. In this Act:</p>"
           "<p>\"Data collector\" may include, but is not limited to, government agencies.</p>"
           "<p>(Source: P.A. 94-36, eff. 1-1-06.)</p></body></html>")
    document = build_document(read_text(law, name="law.html"))
    assert [node.kind for node in document.root.walk()].count("section") == 1
    assert any(node.path == "815 ILCS 530/5" for node in document.root.walk())


TABLE_HTML = """<html><body><h1>Subprocessors</h1>
<h2>Third party subprocessors</h2>
<table><thead><tr><th>Name</th><th>Purpose</th><th>Location</th></tr></thead>
<tbody><tr><td>Microsoft (Azure)</td><td>Cloud hosting</td><td>United States</td></tr>
<tr><td>Stripe, Inc.</td><td>Payments</td><td></td></tr></tbody></table>
<h2>Notices</h2><p>We give notice of a new subprocessor.</p></body></html>"""

TABLE_MARKDOWN = """# Subprocessors

## Third party subprocessors

| Name | Purpose | Location |
|---|---|---|
| Microsoft (Azure) | Cloud hosting | United States |
| Stripe, Inc. | Payments | |

## Notices

We give notice of a new subprocessor.
"""


def test_a_table_of_the_page_is_rows_keyed_by_their_first_cell_as_in_markdown():
    """GitHub's subprocessor list published as a web page: its `<tr>` rows were lines of text
    run together into one paragraph (a changed location read as a change in `[2]`, no row
    named); each is a row with its cells, keyed by its first cell, as the markdown table's."""
    page = build_document(read_text(TABLE_HTML, name="subprocessors.html"))
    assert tree(page) == tree(build_document(read_text(TABLE_MARKDOWN, name="subprocessors.md")))
    rows = [node for node in page.root.walk() if node.kind == "row"]
    assert [node.meta.cells for node in rows] == [("Name", "Purpose", "Location"),
                                                 ("Microsoft (Azure)", "Cloud hosting", "United States"),
                                                 ("Stripe, Inc.", "Payments", "")]
    assert [node.meta.header for node in rows] == [True, False, False]
    new = TABLE_HTML.replace("<td>United States</td>", "<td>United States, Canada</td>")
    comparison = pipeline.compare(page, build_document(read_text(new, name="new.html")))
    assert [(change.op, change.new_path, change.new_text) for change in comparison.changes] == [
        ("insert", '"Third party subprocessors" Table 1 row "Microsoft (Azure)"', ", Canada")]
    result = read_text(TABLE_HTML, name="subprocessors.html")
    assert audit(audit_source(TABLE_HTML, result), build_document(result).root.all_words(), result.dropped).ok


def test_a_markdown_document_with_html_inside_is_read_as_markdown():
    """A markdown policy holding an HTML block (`<div>`, `<p>`, a `<table>`: common in markdown
    written for GitHub) was read as an HTML page: its lines ran together as a browser shows
    them, the whole document three paragraphs, headings and lists lost and every line number the
    page's. Markdown headings say it is markdown: read as such, the HTML stays text."""
    text = ("# Data Processing Addendum\n\n## 1. Definitions\n\n\"Processor\" means the entity that processes data.\n\n"
            "## 2. Processing\n\n<div class=\"note\">\n<p>The Processor shall process data on instructions.</p>\n</div>\n\n"
            "- Encryption at rest\n- Access controls\n")
    result = read_text(text, name="dpa.md")
    assert result.rendering == "prose"
    document = build_document(result)
    kinds = [(kind, path) for kind, path, _ in tree(document)]
    assert ("section", "Clause 1") in kinds and ("section", "Clause 2") in kinds
    assert [path for kind, path in kinds if kind == "list_item"] == ["Clause 2 [2]", "Clause 2 [3]"]
    assert next(node for node in document.root.walk() if node.path == "Clause 2 [1]").words[0].position.line == 9
