"""`statdiff parse --audit`: what a reader dropped, by rule, checked against the source
(the audit itself is `statdiff.read.audit`; this module only prints it)."""

from __future__ import annotations

from typing import Any

from statdiff.model import Drop
from statdiff.render.json_out import dumps
from statdiff.render.options import RenderOptions


class AuditText:
    """How the text was read, the word counts, any problem, then every drop by rule."""

    name = "text"
    subject = "audit"
    suffixes = (".txt",)

    def render(self, subject: Any, options: RenderOptions) -> str:
        document, report = subject
        return "".join(line + "\n" for line in report_lines(document.name, document.detection, report))


class AuditJson:
    """The audit as JSON: the document's name, its detection and the report."""

    name = "json"
    subject = "audit"
    suffixes = (".json",)

    def render(self, subject: Any, options: RenderOptions) -> str:
        document, report = subject
        detection = document.detection.to_json() if document.detection else None
        return dumps({"name": document.name, "detection": detection, "audit": report.to_json()}) + "\n"


def report_lines(name: str, detection: Any, report: Any) -> list[str]:
    """The audit as `statdiff parse --audit` prints it: how the text was read, the word
    count, any problem, then every drop by rule with where it was printed."""
    lines = [f"{name}: {describe_detection(detection)}"]
    verdict = "every word accounted for" if report.ok else f"{len(report.problems)} problems"
    lines.append(
        f"source words: {report.source_words}; in the tree: {report.body_words}; dropped: {report.dropped_words}; {verdict}"
    )
    lines.extend(f"problem: {problem}" for problem in report.problems)
    for rule, drops in report.by_rule.items():
        count = sum(len(drop.text.split()) for drop in drops)
        lines.append(f"{rule}: {len(drops)} dropped ({count} words)")
        lines.extend(f"  {drop.where:9} {drop.text}" for drop in drops)
    if report.rejoined:  # nothing dropped: a token split across a line break, read whole
        lines.append(f"{report.rejoined[0]['rule']}: {len(report.rejoined)} (split across a line break, read as one word)")
        lines.extend(f"  {Drop(join['rule'], join['text'], join['page'], join['line']).where:9}"
                     f" {' + '.join(join['pieces'])} -> {join['text']}" for join in report.rejoined)
    return lines


def describe_detection(found: Any) -> str:
    """`read as numbered (score 0.91; runner-up pipes 0.05)`, or forced, or no fit."""
    if found is None:
        return "read"
    if found.forced:
        return f"read as {found.rendering} (forced with --format)"
    text = f"read as {found.rendering} (score {found.score:.2f}"
    if found.runner_up is not None:
        text += f"; runner-up {found.runner_up} {found.runner_up_score:.2f}"
    text += ")"
    return text if found.fits else text + "; no rendering fits well"
