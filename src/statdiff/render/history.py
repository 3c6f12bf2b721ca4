"""A history (`statdiff history`) in every output, from its view (`view/history.py`).

What a redline shows, the history shows too: the redline of the first version against the
last, each change credited to the version that made it. So each renderer here is the
redline's own, given the history's redline view, with the timeline around it:
- terminal: the versions, one line each with what its step did; the redline as `diff`
  prints it (each change followed by its credit, `[v2 P.A. 94-947]`); the changes later undone;
- JSON: the comparison contract of `diff --json` for the first version against the last,
  each change with `to_version`, `version` and `versions`, and `history` (docs/json-contract.md);
- HTML: the redline page (`templates/history.html.j2` extends `redline.html.j2`) with the
  timeline of versions, each version's changes in its own colour and a filter by version;
- PDF: that page printed; Word, CSV and Excel: the redline's (Word's tracked changes take
  each version as their author, so Word colours each version's changes apart).
"""

from __future__ import annotations

from typing import Any, Iterator

from rich.console import RenderableType
from rich.text import Text

from statdiff.render.html import render_page
from statdiff.render.json_out import JsonOutput, redline_to_json
from statdiff.render.options import RenderOptions
from statdiff.render.pages import asset
from statdiff.render.terminal import NOTE_STYLE, ConsoleRenderer, TerminalRedline
from statdiff.view.history import HistoryView

# ---------------------------------------------------------------- terminal


class HistoryTerminal(ConsoleRenderer):
    """The versions, the redline of the first against the last, the changes later undone."""

    subject = "history"

    def lines(self, subject: HistoryView, options: RenderOptions) -> Iterator[RenderableType]:
        yield Text(f"history of {len(subject.versions)} versions, {_order(subject.order)}", style="bold")
        for version in subject.versions:
            line = Text(f"  v{version.number}  ")
            line.append(version.label, style="bold")
            line.append(f"  {version.name}", style=NOTE_STYLE)
            line.append(f"  {version.summary}")
            if version.how:
                line.append(f"; {version.how}", style=NOTE_STYLE)
            yield line
        redline = list(TerminalRedline().lines(subject.redline, options))
        if redline:
            yield ""
            yield from redline
        if subject.undone:
            yield ""
            yield Text(f"Changes that did not last ({len(subject.undone)}):", style="bold")
            for item in subject.undone:
                line = Text(f"  v{item.step}  {item.phrase}  ")
                line.append(f"{item.where}{' ' + item.at if item.at else ''}", style="cyan")
                line.append(f"  {item.fate}", style=NOTE_STYLE)
                yield line


def _order(order: str) -> str:
    return "in the order given" if order == "as given" else "in the order they were made"


# ---------------------------------------------------------------- JSON


class HistoryJson(JsonOutput):
    subject = "history"

    def to_json(self, subject: HistoryView) -> dict:
        return history_to_json(subject)


def history_to_json(history: HistoryView) -> dict[str, Any]:
    """The comparison contract (first version against last), each change credited to its
    versions, and `history`: the versions, the changes that did not last, the warnings."""
    out = redline_to_json(history.redline)
    labels = {version.number: version.label for version in history.versions}
    for item, view in zip(out["changes"], history.redline.changes):
        item["to_version"] = view.step
        item["version"] = labels.get(view.step) if view.step is not None else None
        item["versions"] = list(view.steps)
    out["history"] = {
        "order": history.order,
        "versions": [
            {
                "number": version.number,
                "name": version.name,
                "label": version.label,
                "identity": dict(sorted(version.identity.to_json().items())),
                "compared_as": version.how,
                "credited": version.credited,
                "step": None if version.number == 1 else {
                    "changes": version.changes, "kept": version.kept, "undone": version.later_undone,
                    "undoes": version.undoes, "left_out": version.left_out, "by_op": version.by_op,
                },
            }
            for version in history.versions
        ],
        "undone": [
            dict(item.change.to_json(), to_version=item.step, version=labels[item.step], fate=item.kind,
                 undone_in=list(item.undone_in), undoes=list(item.undoes), left_out_in=list(item.left_out_in),
                 described=item.fate)
            for item in history.undone
        ],
        "warnings": history.warnings,
    }
    return out


# ---------------------------------------------------------------- HTML and PDF


class HistoryHtml:
    """The timeline redline: one self-contained page."""

    name = "html"
    subject = "history"
    suffixes = (".html", ".htm")

    def render(self, history: HistoryView, options: RenderOptions) -> str:
        return render_page("history.html.j2", history.redline, options, asset("history.css") + step_css(history),
                           history=history, step_filters=history.step_filters)


def step_css(history: HistoryView) -> str:
    """Each version's colour on its changes, its place on the timeline, its filter and its
    ticks on the mini-map; a version whose filter is off is shown faint and left out of the lists."""
    rules = ["\n/* Each version's colour (generated) */"]
    for number, colour in history.colours:
        light = _tint(colour)
        step = f".step-{number}"
        rules += [
            f":is(.change, .change-part){step} :is(ins, del), :is(.was-inserted, .was-deleted){step} "
            f"{{ background: {light}; color: {colour}; text-decoration-color: {colour}; }}",
            f".credit{step} {{ border-color: {colour}; color: {colour}; }}",
            f".version{step} {{ border-left-color: {colour}; }}",
            f".version{step} .swatch, .undone-row{step} .swatch, .minimap a.s-{number} {{ background: {colour}; }}",
            f"#s-{number}:checked ~ .page .filter-step-{number} {{ border-color: {colour}; color: {colour}; "
            f"background: {light}; }}",
            f"#s-{number}:not(:checked) ~ .page .filterable.s-{number} {{ display: none; }}",
            f"#s-{number}:not(:checked) ~ .page {step} {{ opacity: .35; }}",
        ]
    return "\n".join(rules) + "\n"


def _tint(colour: str, alpha: float = 0.13) -> str:
    """`#0072B2` as a light background: the colour at `alpha` over white."""
    red, green, blue = (int(colour[index: index + 2], 16) for index in (1, 3, 5))
    mixed = (round(255 - (255 - value) * alpha) for value in (red, green, blue))
    return "#" + "".join(f"{value:02x}" for value in mixed)


class HistoryPdf:
    """The timeline redline printed (the PDF renderer's Chromium, the page's print stylesheet)."""

    name = "pdf"
    subject = "history"
    suffixes = (".pdf",)

    def check_ready(self) -> None:
        from statdiff.render.pdf import PdfRedline

        PdfRedline().check_ready()

    def render(self, history: HistoryView, options: RenderOptions) -> bytes:
        from statdiff.render.pdf import SLOW_TO_PRINT, print_to_pdf, warn_slow_print

        if len(history.redline.changes) > SLOW_TO_PRINT:
            warn_slow_print(len(history.redline.changes))
        return print_to_pdf(HistoryHtml().render(history, options))


# ---------------------------------------------------------------- the redline's own exports


class _OfRedline:
    """A redline format given the history's redline (every change credited to its version)."""

    subject = "history"
    redline_format = ""

    def __init__(self) -> None:
        from statdiff.render import format_named

        entry = format_named("redline", self.redline_format)
        self.name, self.suffixes, self.renderer = entry.name, entry.suffixes, entry.load()

    def check_ready(self) -> None:
        check = getattr(self.renderer, "check_ready", None)
        if check is not None:
            check()

    def render(self, history: HistoryView, options: RenderOptions) -> Any:
        return self.renderer.render(history.redline, options)


class HistoryDocx(_OfRedline):
    redline_format = "docx"


class HistoryCsv(_OfRedline):
    redline_format = "csv"


class HistoryXlsx(_OfRedline):
    redline_format = "xlsx"


class HistoryStat(_OfRedline):
    redline_format = "stat"
