"""The check of statdiff's own comparison against a bill's markup.

With the old law at hand, statdiff's comparison of the old law with the bill's new text
is held against the changes the bill's underline and strike state (`markup`), token by
token, and every disagreement is listed: struck text the old law does not have,
underlined text it already had, a change the markup does not show.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Iterator

from statdiff.compare.tokens import rebuild
from statdiff.model import Comparison, Op, Side, SourceSpan, Token


class DisagreementKind(StrEnum):
    STRUCK_NOT_IN_OLD = "struck_not_in_old"  # struck text the old law does not have
    UNDERLINED_ALREADY_THERE = "underlined_already_there"  # underlined text the old law already had
    UNMARKED_CHANGE = "unmarked_change"  # a change statdiff finds that the markup does not show


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Where statdiff's own comparison and the bill's markup part ways."""

    kind: DisagreementKind
    path: str
    text: str
    source: SourceSpan | None
    detail: str

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "path": self.path,
            "text": self.text,
            "source": self.source.to_json() if self.source else None,
            "detail": self.detail,
        }


def check_against(markup: Comparison, computed: Comparison) -> list[Disagreement]:
    """Every disagreement between the markup's changes and statdiff's comparison of
    the old law with the bill's new text (`compare(old_law, markup.new)`).

    The two are held against each other token by token: an inserted token is
    known by its printed page:line and text (both comparisons print the bill's
    new text), a deleted token by its section and text. A token the markup
    underlines and statdiff does not insert was already law; a token the markup
    strikes and statdiff does not delete was never law; a token statdiff
    inserts or deletes that the markup does not mark is an unmarked change.
    Source notes are history, not law, and are left out. Disagreeing tokens
    next to each other are reported as one run.
    """
    ours = list(_token_edits(markup))
    theirs = list(_token_edits(computed))
    disagreements = []
    for side, edits in _runs_of(_unmatched(ours, theirs)):
        kind, detail = (
            (DisagreementKind.UNDERLINED_ALREADY_THERE, "underlined as new, but the old law already has it")
            if side == "new"
            else (DisagreementKind.STRUCK_NOT_IN_OLD, "struck as deleted, but the old law does not have it")
        )
        disagreements.append(_disagreement(kind, edits, detail))
    for side, edits in _runs_of(_unmatched(theirs, ours)):
        what = "inserted" if side == "new" else "deleted"
        disagreements.append(_disagreement(DisagreementKind.UNMARKED_CHANGE, edits,
                                           f"statdiff finds this {what}, the markup does not show it"))
    return disagreements


@dataclass(frozen=True, slots=True)
class _Edit:
    side: Side  # "new": inserted token, "old": deleted token
    section: str
    path: str
    token: Token
    order: int

    @property
    def key(self) -> tuple:
        if self.side == "new":
            return ("new", self.token.position.page, self.token.position.line, self.token.text)
        return ("old", self.section, self.token.text)


def _token_edits(comparison: Comparison) -> Iterator[_Edit]:
    order = 0
    for section in comparison.sections:
        for node_comparison in section.nodes:
            node = node_comparison.new or node_comparison.old
            if node is None or node.kind == "source_note":
                continue
            for segment in node_comparison.segments:
                if segment.op in (Op.INSERT, Op.REPLACE) and node_comparison.new is not None:
                    for token in segment.new:
                        order += 1
                        yield _Edit("new", section.path, node_comparison.new.path, token, order)
                if segment.op in (Op.DELETE, Op.REPLACE) and node_comparison.old is not None:
                    for token in segment.old:
                        order += 1
                        yield _Edit("old", section.path, node_comparison.old.path, token, order)


def _unmatched(mine: list[_Edit], others: list[_Edit]) -> list[_Edit]:
    pool: dict[tuple, int] = {}
    for edit in others:
        pool[edit.key] = pool.get(edit.key, 0) + 1
    left = []
    for edit in mine:
        if pool.get(edit.key):
            pool[edit.key] -= 1
        else:
            left.append(edit)
    return left


def _runs_of(edits: list[_Edit]) -> Iterator[tuple[Side, list[_Edit]]]:
    """Consecutive edits of one side in one node, as runs."""
    run: list[_Edit] = []
    for edit in edits:
        if run and (edit.side != run[-1].side or edit.path != run[-1].path or edit.order != run[-1].order + 1):
            yield run[0].side, run
            run = []
        run.append(edit)
    if run:
        yield run[0].side, run


def _disagreement(kind: DisagreementKind, edits: list[_Edit], detail: str) -> Disagreement:
    tokens = [edit.token for edit in edits]
    return Disagreement(kind, edits[0].path, rebuild(tokens), SourceSpan.covering(tokens), detail)
