"""The annotated HTML redline: one self-contained, deterministic page.

Inserted text is `<ins>` (underlined), deleted text `<del>` (struck through), the
Illinois convention, so meaning never depends on colour. Text only one copy holds,
because the other copy is truncated, is no change: it is shown plain and grey with
a label saying which copy holds it, never underlined or struck. The page opens from
disk, loads nothing from the network, and reads fully with JavaScript off. The
page is `templates/redline.html.j2`, each row printed by the macros of
`templates/redline_macros.html.j2`; the machine-readable attributes are documented
at the top of the page template.
"""

from __future__ import annotations

from pathlib import PurePath

from markupsafe import Markup

from statdiff.errors import StatdiffError, display_name
from statdiff.render.options import RenderOptions
from statdiff.render.pages import asset, csp_hash, environment
from statdiff.view import RedlineView, RowView, SectionView
from statdiff.view.labels import CUT_SECTION_LABEL

VIEWS = ("inline", "side-by-side")


class HtmlRedline:
    """A redline view as one HTML page."""

    name = "html"
    subject = "redline"
    suffixes = (".html", ".htm")

    def render(self, redline: RedlineView, options: RenderOptions) -> str:
        """The whole page (deterministic: no date, no randomness)."""
        return render_page("redline.html.j2", redline, options)


def render_page(template: str, redline: RedlineView, options: RenderOptions, css: str = "", **context: object) -> str:
    """A redline page: `template` (`redline.html.j2`, or one that extends it: a history's) with
    the redline, its styles (then `css`) and its script; `context` holds what the template adds."""
    if options.view not in VIEWS:
        raise StatdiffError(f"unknown view {options.view!r}: choose inline or side-by-side")
    script = asset("redline.js")
    return environment().get_template(template).render(
        redline=redline,
        title=redline.title,
        view=options.view,
        old=redline.old,
        new=redline.new,
        old_who=redline.old_described,
        new_who=redline.new_described,
        mode=redline.mode,
        cut_label=CUT_SECTION_LABEL,
        css=Markup(asset("redline.css") + asset("redline-print.css") + css + running_header(redline)),
        script=Markup(script),
        script_hash=csp_hash(script),
        **context,
    )


def running_header(redline: RedlineView) -> str:
    """The printed page's running header (an @page margin box): the two documents' names."""
    old, new = (f"{described} ({PurePath(document.name).name})"
                for described, document in ((redline.old_described, redline.old), (redline.new_described, redline.new)))
    return f"\n@page {{ @top-center {{ content: {css_string(f'Old: {old}   New: {new}')};" \
           ' font: 7.5pt "DejaVu Sans", Arial, sans-serif; color: #5a5a5a; } }\n'


def css_string(text: str) -> str:
    """`text` as a quoted CSS string that nothing in it can end early: every character but
    letters and digits written as an escape (`\\3c ` for `<`: the space ends the escape)."""
    text = display_name(text, limit=300)
    return '"' + "".join(char if char.isascii() and char.isalnum() else f"\\{ord(char):x} " for char in text) + '"'


class HtmlFragment:
    """A compact redline to embed in another page (what a notebook shows for a Comparison):
    the changed paragraphs of the changed sections, at most `FRAGMENT_ROWS` of them."""

    name = "html-fragment"
    subject = "redline"
    suffixes: tuple[str, ...] = ()

    def render(self, redline: RedlineView, options: RenderOptions) -> str:
        shown: list[tuple[SectionView, list[RowView]]] = []
        budget, placed = FRAGMENT_ROWS, 0
        for section in redline.changed_sections:
            if budget <= 0:
                break
            rows = [row for row in section.rows if row.changes or row.whole is not None or row.move_note][:budget]
            budget -= len(rows)
            shown.append((section, rows))
            placed += len({view.anchor for row in rows for view in row.changes + ([row.whole] if row.whole else [])}
                          | {view.anchor for view in section.unplaced})
        return environment().get_template("redline_fragment.html.j2").render(
            redline=redline, old=redline.old, new=redline.new, shown=shown,
            left=max(len(redline.changes) - placed, 0),
        )


FRAGMENT_ROWS = 40  # paragraphs a compact redline shows at most
