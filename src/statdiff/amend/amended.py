"""A bill as amended: its lines, each run of text keeping where it was printed (the bill's
page:line, or the amendment's for new text), as `apply.py` builds it; its text, its lines
with their provenance, the tree built from it, and its JSON (`statdiff apply --json`)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import PurePath

from statdiff.amend.instructions import Amendment, Edit
from statdiff.errors import StatdiffError
from statdiff.model import BodyLine, Document, Identity, Position, ReadResult


# ----------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class Run:
    """Text printed together: a bill word or part of one, or new text of an amendment.

    `position` is where it was printed: in the bill (`inserted` False) or in the
    amendment named by `source` (`inserted` True). `space_before` says whether a
    space separates it from the run before it on its line.
    """

    text: str
    position: Position
    inserted: bool
    source: str
    space_before: bool = True


@dataclass(frozen=True, slots=True)
class AmendedWord:
    """A whitespace-delimited word of the amended bill. Made of one run or several
    (`project` + `,` inserted after it): it takes the position of its longest run."""

    text: str
    position: Position
    inserted: bool
    source: str


@dataclass(frozen=True, slots=True)
class AmendedLine:
    """One line of the bill as amended: a bill line (possibly edited), or a line of new
    text at the amendment's page:line."""

    runs: tuple[Run, ...]
    position: Position
    inserted: bool
    source: str
    indented: bool | None = None
    bill_line: Position | None = None  # the bill line it is, replaces, or follows

    @property
    def text(self) -> str:
        parts = []
        for index, run in enumerate(self.runs):
            if index and run.space_before:
                parts.append(" ")
            parts.append(run.text)
        return "".join(parts)

    def to_json(self) -> dict:
        return {
            "text": self.text,
            "page": self.position.page,
            "line": self.position.line,
            "inserted": self.inserted,
            "source": self.source,
            "bill_line": self.bill_line.to_json() if self.bill_line is not None else None,
            "runs": [
                {"text": run.text, "page": run.position.page, "line": run.position.line, "inserted": run.inserted,
                 "source": run.source, "space_before": run.space_before}
                for run in self.runs
            ],
        }

    def words(self) -> list[AmendedWord]:
        groups: list[list[Run]] = []
        for index, run in enumerate(self.runs):
            if index == 0 or run.space_before:
                groups.append([run])
            else:
                groups[-1].append(run)
        words = []
        for group in groups:
            main = max(group, key=lambda run: len(run.text))  # the first of the longest
            words.append(AmendedWord("".join(run.text for run in group), main.position, main.inserted, main.source))
        return words


@dataclass(frozen=True, slots=True)
class AmendedBill:
    """The bill as amended, line by line, every run keeping where it was printed."""

    name: str
    identity: Identity
    rendering: str
    lines: tuple[AmendedLine, ...]
    amendments: tuple[Amendment, ...]
    notes: tuple[str, ...] = ()  # what could not be checked (an identity the text does not give)
    # each instruction and the bill lines it changes (first, last), in the order applied
    changed_lines: tuple[tuple[Edit, Position, Position], ...] = ()

    def instructions_for(self, first: Position, last: Position | None = None) -> list[Edit]:
        """The instructions that change any bill line from `first` to `last` (a change the
        comparison found there, say): to credit each change to the instruction that made it."""
        last = last or first
        return [
            edit for edit, start, end in self.changed_lines
            if _order(start) <= _order(last) and _order(first) <= _order(end)
        ]

    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def words(self) -> list[AmendedWord]:
        return [word for line in self.lines for word in line.words()]

    def provenance_lines(self) -> list[str]:
        """One line each: `3:2  text` for a bill line, with new text inside it between `{+`
        and `+}`; `+ AMENDMENT 1:5  text` for a line of new text (the amendment's page:line)."""
        out = []
        for line in self.lines:
            if line.inserted:
                out.append(f"+ {PurePath(line.source).name} {line.position}  {line.text}")
            else:
                out.append(f"{line.position}  {_marked(line.runs)}")
        return out

    def to_read_result(self, new_text_at: str = "amendment") -> ReadResult:
        """Body lines for the tree builder. A line whose words come from more than one
        place is cut where the place changes, so every word keeps its own page:line; only
        its first piece may open a paragraph.

        `new_text_at="bill"` puts new text at the bill line it goes into (or replaces, or
        follows) instead of where the amendment printed it: every page:line of the result
        is then the bill's, for a comparison that reports changes by the bill's lines."""
        if new_text_at not in ("amendment", "bill"):
            raise StatdiffError(f"new_text_at must be 'amendment' or 'bill', not {new_text_at!r}")
        body: list[BodyLine] = []
        for line in self.lines:
            group: list[AmendedWord] = []
            indented = line.indented
            words = line.words()
            if new_text_at == "bill" and line.bill_line is not None:
                words = [replace(word, position=line.bill_line) for word in words]
            for word in words:
                if group and (word.position, word.inserted) != (group[0].position, group[0].inserted):
                    body.append(_body_line(group, indented))
                    indented = None if line.indented is None else False
                    group = []
                group.append(word)
            if group:
                body.append(_body_line(group, indented))
        return ReadResult(body, self.rendering, self.identity, None, self.name)

    def to_document(self, new_text_at: str = "amendment") -> Document:
        return build(self.to_read_result(new_text_at))

    def to_json(self) -> dict:
        """`statdiff apply --json` (docs/json-contract.md): the amended bill line by line, each
        run of text with where it was printed, and the instructions with the bill lines each changes."""
        return {
            "name": self.name,
            "identity": dict(sorted(self.identity.to_json().items())),
            "rendering": self.rendering,
            "amendments": [amendment.to_json() for amendment in self.amendments],
            "notes": list(self.notes),
            "instructions": [
                {"amendment": self._owner(edit), "where": edit.where(), "wording": edit.wording,
                 "first": first.to_json(), "last": last.to_json()}
                for edit, first, last in self.changed_lines
            ],
            "lines": [line.to_json() for line in self.lines],
        }

    def _owner(self, edit: Edit) -> str:
        return next(amendment.name for amendment in self.amendments if any(own is edit for own in amendment.edits))


def _order(position: Position) -> tuple[int, int]:
    return position.page or 0, position.line or 0


def _marked(runs: tuple[Run, ...]) -> str:
    """A bill line's text with its runs of new text between `{+` and `+}`."""
    parts = []
    inside = False
    for index, run in enumerate(runs):
        space = " " if index and run.space_before else ""
        if run.inserted and not inside:
            parts.append(space + "{+")
        elif inside and not run.inserted:
            parts.append("+}" + space)
        else:
            parts.append(space)
        inside = run.inserted
        parts.append(run.text)
    if inside:
        parts.append("+}")
    return "".join(parts)


def _body_line(words: list[AmendedWord], indented: bool | None) -> BodyLine:
    position = words[0].position
    return BodyLine(" ".join(word.text for word in words), position.page, position.line, indented)


def build(result: ReadResult) -> Document:
    """The structure stage's tree of a reading (imported when first needed)."""
    from statdiff.structure import build_document

    return build_document(result)
