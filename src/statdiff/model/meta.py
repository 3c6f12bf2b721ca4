"""What the structure stage read of a node beyond its words: `Node.meta`, typed.

One record, `Meta`, serves every kind of node; each field says which kinds carry it, and
a field a node does not carry stays at its default (None, False or empty). The structure
stage fills it in two passes (the builder: `enumerator`, `term`, `role`; the second pass:
the rest), so `Meta` itself is mutable; every value it holds is immutable (strings,
tuples, the frozen `AmendatoryInstruction` of `model/instruction.py`).

`Meta.to_json(kind)` is the `meta` object of `statdiff parse --json`: the fields a node
carries, by their JSON names (`from_` prints as `from`), tuples as lists. A unit (bill
section, Section, Article, a clause of a document that is not legislation) always prints
its `number` and `heading`, and a codified Section its `citation` and `act`, null when
they could not be read; any other field is printed when it is set.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from statdiff.model.instruction import AmendatoryInstruction

# The units of a text: they carry a number and a heading (`Meta.number`, `Meta.heading`).
UNIT_KINDS = frozenset({"bill_section", "section", "article"})


class Role(StrEnum):
    """What a `text` node is, where it is more than a paragraph of a unit's own words."""

    HEADING = "heading"  # a codified Section's `Sec. 10. Notice of Breach.` and any lead-in
    ARTICLE_HEADING = "article_heading"  # a codified Article's `ARTICLE 1.` `GENERAL PROVISIONS`
    INSTRUCTION = "instruction"  # a bill section's own instruction, after the citation of a Section it repeals
    TITLE = "title"  # the title of a document that is not legislation
    CODE = "code"  # a fenced or indented block of a markdown document
    QUOTE = "quote"  # a markdown block quote
    FRONT_MATTER = "front_matter"  # the metadata block at the top of a markdown file


@dataclass(slots=True)
class Meta:
    """What the structure stage read of a node (see the module's docstring)."""

    # A unit (UNIT_KINDS, or a clause's `section`): `10`, `2A-1.2`, `7.2`, `III`; its catchline.
    number: str | None = None
    heading: str | None = None
    # A bill section that amends an Act.
    amends: AmendatoryInstruction | None = None
    # A codified Section or Article (one printed with its citation line), from that line.
    codified: bool = False
    citation: str | None = None  # `815 ILCS 530/10`, `10 ILCS 5/Art. 1`
    act: str | None = None  # `815 ILCS 530` (also a `text` node holding an Act's heading `(815 ILCS 530/)`)
    status: str | None = None  # `new`, `rep.`
    from_: str | None = None  # the older citation it comes from: `Ch. 121 1/2, par. 262Z` (JSON `from`)
    was: str | None = None  # the number it had before it was renumbered
    repealed: bool = False  # `rep.` or `(Repealed)`
    # A codified Section's Source note and the Public Acts it names (None: no Source note).
    source_note: str | None = None
    public_acts: tuple[str, ...] | None = None
    versions: tuple[str, ...] = ()  # its version notes, `(Text of Section after amendment by P.A. ...)`
    # An enumerated unit (subsection, paragraph, subparagraph, item): `(b-5)`, `1.`, `a)`.
    enumerator: str | None = None
    # The term a definition defines (also an enumerated unit, list item or clause opening with one).
    term: str | None = None
    role: Role | None = None  # a `text` node's role
    # A clause of a document that is not legislation: its number is its place, so `compare`
    # pairs it by content before its number (None: not such a clause).
    positional: bool | None = None
    # A table of a document that is not legislation: its header's cells; a row's cells.
    columns: tuple[str, ...] | None = None
    cells: tuple[str, ...] | None = None
    header: bool | None = None  # a row: whether it is the table's header (None: not a row)

    def __repr__(self) -> str:
        """Only the fields set: `Meta(number='10', heading='Notice of Breach.')`."""
        set_fields = [
            f"{field.name}={getattr(self, field.name)!r}"
            for field in fields(self)
            if getattr(self, field.name) != field.default
        ]
        return f"Meta({', '.join(set_fields)})"

    def __reduce__(self) -> tuple[type["Meta"], tuple[object, ...]]:
        """Pickled (`statdiff diff` sends NEW's tree from a second process: `second_core.py`)
        as the call `Meta(*values)`, nothing for a node with no field set (about half of
        them): a third of the time of pickle's way with a slots class, a dict of every field."""
        values = tuple([getattr(self, name) for name in _FIELD_NAMES])
        return Meta, (() if values == _DEFAULTS else values)

    def to_json(self, kind: str) -> dict[str, object]:
        """The `meta` of `statdiff parse --json` for a node of `kind` (module docstring)."""
        out: dict[str, object] = {}
        if kind in UNIT_KINDS:
            out["number"], out["heading"] = self.number, self.heading
        else:
            _put(out, "number", self.number)
            _put(out, "heading", self.heading)
        if self.codified and kind == "section":
            out["citation"], out["act"] = self.citation, self.act
        else:
            _put(out, "citation", self.citation)
            _put(out, "act", self.act)
        _put(out, "amends", self.amends.to_json() if self.amends is not None else None)
        _put(out, "codified", self.codified or None)
        _put(out, "status", self.status)
        _put(out, "from", self.from_)
        _put(out, "was", self.was)
        _put(out, "repealed", self.repealed or None)
        _put(out, "source_note", self.source_note)
        _put(out, "public_acts", _listed(self.public_acts))
        _put(out, "versions", list(self.versions) or None)
        _put(out, "enumerator", self.enumerator)
        _put(out, "term", self.term)
        _put(out, "role", self.role)
        _put(out, "positional", self.positional)
        _put(out, "columns", _listed(self.columns))
        _put(out, "cells", _listed(self.cells))
        _put(out, "header", self.header)
        return out


_FIELD_NAMES = tuple(field.name for field in fields(Meta))  # in the order Meta() takes them
_DEFAULTS = tuple(field.default for field in fields(Meta))


def _put(out: dict[str, object], key: str, value: object) -> None:
    if value is not None:
        out[key] = value


def _listed(values: tuple[str, ...] | None) -> list[str] | None:
    return None if values is None else list(values)
