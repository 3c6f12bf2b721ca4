"""How a document that is not legislation is named in a redline: its title read past a markdown
file's front matter; a clause whose label another section has, by its path; folded runs of
clauses counted as clauses."""

from __future__ import annotations

from statdiff import api
from statdiff.view.build import build_view
from statdiff.view.labels import section_label

POLICY = """---
title: Acceptable Use Policy
version: {version}
---

# Acceptable Use Policy

## 1. Purpose

This policy describes the acceptable use of computing resources.

## 2. Scope

All company-owned laptops.

### 2.1 Multi-factor authentication

1. MFA is required for all remote access.
2. SMS codes are not permitted.{added}

## 3. Prohibited Activities

Users must not share credentials.

## 4. Enforcement

Questions go to security.
"""


def _policy(version: str, added: str = "") -> str:
    return POLICY.format(version=version, added=added)


def test_a_markdown_title_after_front_matter_names_the_document_and_qualifies_no_path():
    document = api.parse(_policy("2.1"), name="policy.md")
    assert document.identity.title == "Acceptable Use Policy"
    paths = [node.path for node in document.root.walk() if node.kind == "section"]
    assert "Clause 1" in paths and not any(path.startswith('"Acceptable Use Policy"') for path in paths), paths


def test_a_clause_another_section_shares_its_label_with_is_named_by_its_path():
    """`3.` added to a list under `### 2.1`: a redline names it `Clause 2.1 Clause 3`, never
    `Clause 3` (the document's clause 3, Prohibited Activities, is unchanged)."""
    comparison = api.diff(_policy("2.1"), _policy("2.1", "\n3. Push notifications must use number matching."))
    added = [section for section in comparison.changed_sections]
    assert [section_label(section) for section in added] == ["Clause 2.1 Clause 3"]


def test_folded_runs_of_a_contract_count_clauses():
    comparison = api.diff(_policy("2.1"), _policy("2.2"))
    runs = [item.text for item in build_view(comparison).outline if item.item_kind == "run"]
    assert runs and all("Clause" in text and "Section" not in text for text in runs), runs


def test_a_numbered_markdown_heading_in_sentence_case_is_the_clause_s_heading():
    document = api.parse("# Data Retention Policy\n\n## 1. Retention periods\n\nInvoices: 7 years.\n\n"
                         "## 2. Disposal of records\n\nShred paper.\n", name="policy.md")
    headings = {node.label: node.meta.heading for node in document.root.walk() if node.kind == "section"}
    assert headings == {"Clause 1": "Retention periods", "Clause 2": "Disposal of records"}
