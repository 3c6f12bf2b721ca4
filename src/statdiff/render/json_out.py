"""JSON output: deterministic (fixed key order, mappings without meaningful order sorted), UTF-8 kept as is."""

from __future__ import annotations

import json

from statdiff.model import Change, Document, Node, Position, SourceSpan, count_ops

_NO_SPAN = SourceSpan(Position(), Position())


def dumps(obj) -> str:
    """Serialise `obj` the same way every time: no ASCII escaping, indent 2.

    Keys keep the order the `*_to_json` functions build (a fixed, readable order:
    `kind`, `path`, ... `children` last); mappings whose order means nothing
    (identity, meta) are sorted by those functions.
    """
    return json.dumps(obj, ensure_ascii=False, indent=2)


def _sorted(value):
    if isinstance(value, dict):
        return {key: _sorted(value[key]) for key in sorted(value)}
    if isinstance(value, (list, tuple)):
        return [_sorted(item) for item in value]
    return value


def document_to_json(document: Document) -> dict:
    return {
        "identity": _sorted(document.identity.to_json()),
        "rendering": document.rendering,
        "detection": document.detection.to_json() if document.detection else None,
        "name": document.name,
        "synopsis": document.synopsis,
        "root": node_to_json(document.root),
    }


def node_to_json(node: Node) -> dict:
    """A node with its own text (not its children's) and the span of it and its descendants."""
    return {
        "kind": node.kind,
        "path": node.path,
        "label": node.label,
        "text": node.text,
        "meta": _sorted(node.meta),
        "source": (node.source or _NO_SPAN).to_json(),
        "children": [node_to_json(child) for child in node.children],
    }


def comparison_to_json(comparison) -> dict:
    """A Comparison as the JSON contract of docs/json-contract.md (`statdiff diff --json`)."""
    return {
        "old": _side_to_json(comparison.old),
        "new": _side_to_json(comparison.new),
        "mode": comparison.mode,
        "summary": comparison.summary(),
        "changes": [change.to_json() for change in comparison.changes],
        "sections": [_section_to_json(section) for section in comparison.sections],
    }


def _side_to_json(document: Document) -> dict:
    return {"name": document.name, "identity": _sorted(document.identity.to_json())}


def _section_to_json(section) -> dict:
    old_source, new_source = section.old_source, section.new_source
    return {
        "path": section.path,
        "heading": section.heading,
        "status": section.status,
        "old_path": section.old.path if section.old is not None else None,
        "new_path": section.new.path if section.new is not None else None,
        "old_source": old_source.to_json() if old_source else None,
        "new_source": new_source.to_json() if new_source else None,
        "attributed_to": list(section.attributed_to),
        "changes": [change.anchor for change in section.changes],
    }


def changes_to_json(document: Document | None, changes: list[Change], disagreements) -> dict:
    """`statdiff changes --json`: the changes a bill's markup (or a statdiff
    redline) shows, and the disagreements with the old law when checked."""
    out = {
        "document": None if document is None else {
            "name": document.name, "rendering": document.rendering, "identity": document.identity.to_json(),
        },
        "source": "markup" if document is not None else "redline",
        "summary": {"changes": len(changes), "by_op": count_ops(changes)},
        "changes": [change.to_json() for change in changes],
    }
    if disagreements is not None:
        out["disagreements"] = [item.to_json() for item in disagreements]
    return out
