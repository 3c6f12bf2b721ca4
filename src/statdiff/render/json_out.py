"""JSON output: deterministic (fixed key order, mappings without meaningful order sorted),
UTF-8 kept as is. `statdiff diff --json` prints a redline view as docs/json-contract.md
describes it; `statdiff parse --json` a document tree; `statdiff changes --json` a
change list."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from statdiff.model import Document, Node, Position, SourceSpan, count_ops
from statdiff.render.options import RenderOptions
from statdiff.view import RedlineView, SectionView

if TYPE_CHECKING:
    from statdiff.view.changes import ChangeListView

_NO_SPAN = SourceSpan(Position(), Position())


def dumps(obj: Any) -> str:
    """Serialise `obj` the same way every time: no ASCII escaping, indent 2; the very
    text of `json.dumps(obj, ensure_ascii=False, indent=2)`, made faster (`_indented`).

    Keys keep the order the `*_to_json` functions build (a fixed, readable order:
    `kind`, `path`, ... `children` last); mappings whose order means nothing
    (identity, meta) are sorted by those functions.
    """
    try:
        return _indented(obj, "\n")
    except RecursionError:
        # `_indented` keeps no list of the containers it is inside: a container inside
        # itself recurses until Python stops it. json then says what it says of the value
        # (`Circular reference detected`), or writes it (nesting merely deeper than ours).
        return json.dumps(obj, ensure_ascii=False, indent=2)


# Python's json module writes indented JSON with its pure-Python encoder, a generator a
# value (the C encoder, before Python 3.14, only writes JSON without indentation): for a
# redline view of a large Act that is most of the time its JSON takes. `_indented` writes
# the same text, each container joined at once, its strings escaped by the C function
# json uses (`encode_basestring`, ensure_ascii=False), numbers as json writes them. A plain
# string or None inside a container (most values) is written where it stands, without a
# call; any other value (a `StrEnum`, a number, a container) takes the tests json makes.
_encode_string = json.encoder.encode_basestring
_INDENT = "  "


def _indented(value: Any, newline: str) -> str:
    """`value` as `json.dumps(value, ensure_ascii=False, indent=2)` writes it, at the indent
    `newline` ends with (the line break and indent of the container holding it)."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = newline + _INDENT
        # the members' texts in a list that lives only as long as the join: a list kept in a
        # variable would hold them through the concatenation below, a third copy of the
        # largest container's text at the peak (1.4 MB more for the chapter-620 pair at 8x)
        keys = _KEY_TEXTS
        return "{" + inner + ("," + inner).join([
            (keys.get(key) or _key_text(key))
            + (_encode_string(item) if type(item) is str else "null" if item is None else _indented(item, inner))
            for key, item in value.items()
        ]) + newline + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        inner = newline + _INDENT
        return "[" + inner + ("," + inner).join([
            _encode_string(item) if type(item) is str else _indented(item, inner) for item in value
        ]) + newline + "]"
    if isinstance(value, str):
        return _encode_string(value)
    literal = _literal(value)
    if literal is not None:
        return literal
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


def _literal(value: Any) -> str | None:
    """The JSON text of null, true, false or a number (as json writes them); None for any
    other value."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if value != value:
            return "NaN"
        if value in (float("inf"), float("-inf")):
            return "Infinity" if value > 0 else "-Infinity"
        return float.__repr__(value)
    return None


# A key's text as written before its value (`"path": `), kept for the string keys met: the
# keys of a redline's JSON are a few names written thousands of times. (Only strings are
# kept: no other key is equal to one, so a key finds the text of the very key it is.)
_KEY_TEXTS: dict[str, str] = {}
_KEYS_KEPT = 4096


def _key_text(key: Any) -> str:
    text = _encode_string(key if type(key) is str else _key(key)) + ": "
    if type(key) is str and len(_KEY_TEXTS) < _KEYS_KEPT:
        _KEY_TEXTS[key] = text
    return text


def _key(key: Any) -> str:
    """A mapping's key as json writes it: strings as they are, numbers, true, false and null
    as their JSON text."""
    if isinstance(key, str):
        return key
    literal = _literal(key)
    if literal is None:
        raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")
    return literal


class JsonOutput:
    """One JSON object, then a newline."""

    name = "json"
    subject = ""
    suffixes = (".json",)

    def to_json(self, subject: Any) -> dict:
        raise NotImplementedError

    def render(self, subject: Any, options: RenderOptions) -> str:
        return dumps(self.to_json(subject)) + "\n"


class JsonRedline(JsonOutput):
    subject = "redline"

    def to_json(self, subject: RedlineView) -> dict:
        return redline_to_json(subject)


class JsonDocument(JsonOutput):
    subject = "document"

    def to_json(self, subject: Document) -> dict:
        return document_to_json(subject)


class JsonChanges(JsonOutput):
    subject = "changes"

    def to_json(self, subject: ChangeListView) -> dict:
        return changes_to_json(subject)


def _sorted(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _sorted(value[key]) for key in sorted(value)}
    if isinstance(value, (list, tuple)):
        return [_sorted(item) for item in value]
    return value


def document_to_json(document: Document) -> dict:
    strikes = document.suspected_strikes
    return {
        "identity": _sorted(document.identity.to_json()),
        "rendering": document.rendering,
        "detection": document.detection.to_json() if document.detection else None,
        "name": document.name,
        "synopsis": document.synopsis,
        "suspected_strikes": None if strikes is None else [strike.to_json() for strike in strikes],
        "root": node_to_json(document.root),
    }


def node_to_json(node: Node) -> dict:
    """A node with its own text (not its children's) and the span of it and its descendants."""
    return {
        "kind": node.kind,
        "path": node.path,
        "label": node.label,
        "text": node.text,
        "meta": _sorted(node.meta.to_json(node.kind)),
        "source": (node.source or _NO_SPAN).to_json(),
        "children": [node_to_json(child) for child in node.children],
    }


def redline_to_json(redline: RedlineView) -> dict:
    """The comparison contract of docs/json-contract.md (`statdiff diff --json`)."""
    return {
        "old": _side_to_json(redline.old),
        "new": _side_to_json(redline.new),
        "mode": redline.mode,
        "summary": redline.summary,
        "changes": [view.change.to_json() for view in redline.changes],
        "sections": [_section_to_json(section) for section in redline.sections],
        "annotations": [annotation.to_json() for annotation in redline.annotations],
        "warnings": list(redline.warnings),
    }


def _side_to_json(document: Document) -> dict:
    return {"name": document.name, "identity": _sorted(document.identity.to_json())}


def _section_to_json(section: SectionView) -> dict:
    old_source, new_source = section.sources
    return {
        "path": section.path,
        "heading": section.heading,
        "status": section.status,
        "old_path": section.old_path,
        "new_path": section.new_path,
        "old_source": old_source.to_json() if old_source else None,
        "new_source": new_source.to_json() if new_source else None,
        "attributed_to": section.attributed_to,
        "changes": [view.anchor for view in section.changes],
        "act": section.act,
        "article": section.article,
    }


def changes_to_json(listing: ChangeListView) -> dict:
    """`statdiff changes --json`: the changes a bill's markup (or a statdiff
    redline) shows, and the disagreements with the old law when checked."""
    document, changes = listing.document, listing.changes
    out = {
        "document": None if document is None else {
            "name": document.name, "rendering": document.rendering, "identity": document.identity.to_json(),
        },
        "source": listing.source,
        "summary": {"changes": len(changes), "by_op": count_ops(changes)},
        "changes": [change.to_json() for change in changes],
    }
    if listing.disagreements is not None:
        out["disagreements"] = [item.to_json() for item in listing.disagreements]
    return out
