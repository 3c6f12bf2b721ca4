"""A long redline people can move through, in a real browser: the whole Election Code
(10 ILCS 5: 40 Articles, 959 Sections) against a copy with a dozen edits, a Public Act
added to a Source note and a Section moved to another Article.

The Election Code is read from `../shared/corpus/ilcs-whole-acts/` and never copied into the
repository; NEW is built here by seeding the edits. Without `../shared` the tests skip,
saying why. Load times are printed, never asserted: the page's size is (what it shows
grows with the changed Sections, not with the Act's 959). Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from browser_pages import BROWSER_MARKS, Watched, launch_browser, shot
from redline_fixtures import render_redline
from statdiff import api

WHOLE_ACTS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "ilcs-whole-acts"
ELECTION_CODE = WHOLE_ACTS / "10ILCS5_ElectionCode.txt"

pytestmark = [
    *BROWSER_MARKS,
    pytest.mark.skipif(not ELECTION_CODE.is_file(),
                       reason=f"the Election Code is read from {WHOLE_ACTS}, which is absent (no ../shared beside the clone)"),
]

# The kinds of edit statutes get, each a pattern and what a match becomes: an amount doubled,
# a period lengthened, a duty made a permission, words inserted, words deleted.
EDITS = (
    (re.compile(r"\$(\d{1,3}(?:,\d{3})*)"), lambda m: "$" + f"{int(m.group(1).replace(',', '')) * 2:,}"),
    (re.compile(r"\bwithin (\d+) days\b"), lambda m: f"within {int(m.group(1)) + 5} days"),
    (re.compile(r"\bshall\b"), lambda m: "may"),
    (re.compile(r"\bthe county clerk\b"), lambda m: m.group(0) + " or the board of election commissioners"),
    (re.compile(r"\bin writing\b"), lambda m: m.group(0) + " or by electronic mail"),
    (re.compile(r" not less than "), lambda m: " "),
)
SECTION_CITATION = re.compile(r"^\s*\(10 ILCS 5/\d[^)\n]*\)", re.MULTILINE)
ANY_CITATION = re.compile(r"^\s*\(10 ILCS 5/", re.MULTILINE)
SOURCE_NOTE_END = re.compile(r"\(Source: P\.A\. [^)]*?(?=\.\))")
NEW_PUBLIC_ACT = "104-999"


def seeded(text: str, count: int = 12) -> str:
    """`text` with `count` edits spread evenly over it (cycling through EDITS), the first
    edited Section's Source note citing one more Public Act, and the Section whose citation
    comes first after a third of the text moved before the Section first cited after two thirds."""
    pieces, last, step = [], 0, len(text) // count
    for index in range(count):
        pattern, edit = EDITS[index % len(EDITS)]
        match = pattern.search(text, max(last, index * step))
        assert match is not None, pattern
        pieces += [text[last:match.start()], edit(match)]
        last = match.end()
        if index == 0:
            note = SOURCE_NOTE_END.search(text, last)
            pieces += [text[last:note.end()], f"; {NEW_PUBLIC_ACT}, eff. 1-1-26"]
            last = note.end()
    pieces.append(text[last:])
    text = "".join(pieces)
    start = SECTION_CITATION.search(text, len(text) // 3)
    end = ANY_CITATION.search(text, start.end())
    block, text = text[start.start():end.start()], text[:start.start()] + text[end.start():]
    into = SECTION_CITATION.search(text, 2 * len(text) // 3)
    return text[:into.start()] + block + text[into.start():]


@pytest.fixture(scope="module")
def browser():
    yield from launch_browser()


@pytest.fixture(scope="module")
def election(tmp_path_factory):
    """(comparison, inline page path, side-by-side page path, render seconds)."""
    directory = tmp_path_factory.mktemp("election")
    new = directory / "10ILCS5_seeded.txt"
    new.write_text(seeded(ELECTION_CODE.read_text(encoding="utf-8")), encoding="utf-8")
    comparison = api.diff(ELECTION_CODE, new)
    pages = {}
    started = time.perf_counter()
    for view in ("inline", "side-by-side"):
        pages[view] = directory / f"election-{view}.html"
        pages[view].write_text(render_redline(comparison, view=view), encoding="utf-8")
    render_seconds = (time.perf_counter() - started) / 2
    return comparison, pages["inline"], pages["side-by-side"], render_seconds


@pytest.fixture
def opened(browser, election):
    watched = Watched(browser, election[1])
    yield watched
    watched.assert_quiet()
    watched.close()


def in_view(page, selector: str) -> bool:
    return page.evaluate(
        "s => { const e = document.querySelector(s); if (!e) return false; const r = e.getBoundingClientRect();"
        " return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && getComputedStyle(e).visibility !== 'hidden'; }",
        selector)


def test_the_seeded_pair_has_a_dozen_edits_a_credit_and_a_move(election):
    comparison = election[0]
    ops = [change.op for change in comparison.changes]
    assert len(comparison.changed_sections) == 13 and ops.count("move") == 1 and ops.count("source") == 1
    assert len([op for op in ops if op in ("insert", "delete", "replace")]) == 12
    assert [change.attributed_to for change in comparison.changes if change.attributed_to] == [f"P.A. {NEW_PUBLIC_ACT}"]


def test_loads_and_its_height_follows_the_changed_sections_not_the_act(opened, election):
    comparison, path, _, render_seconds = election
    page = opened.page
    load_ms = opened.load_ms()
    print(f"\nElection Code redline: {len(comparison.sections)} sections, {len(comparison.changes)} changes, "
          f"{path.stat().st_size / 1e6:.2f} MB, render {render_seconds:.2f} s, browser load {load_ms:.0f} ms")
    changed = len(comparison.changed_sections)
    shown = page.locator("main section.sec")
    assert shown.count() == changed
    heights = page.evaluate("() => Array.from(document.querySelectorAll('main section.sec'))"
                            ".map(s => s.getBoundingClientRect().height)")
    main_height = page.evaluate("() => document.querySelector('main').getBoundingClientRect().height")
    around = main_height - sum(heights)  # headings, folded runs: everything but the changed Sections
    print(f"page {page.evaluate('document.documentElement.scrollHeight')} px; main {main_height:.0f} px, "
          f"of which {around:.0f} px around the {changed} changed Sections")
    # Each of the 959 Sections on its own line would take 30 px or more: what surrounds the
    # changed Sections takes a few lines per changed Section, under 10 px per Section of the Act.
    assert around < 10 * len(comparison.sections) and around < 250 * changed
    # the folded lines one sees: a run, or a lone unchanged Section, between changed Sections
    lines = page.evaluate("() => Array.from(document.querySelectorAll('main summary'))"
                          ".filter(e => e.checkVisibility()).length")
    assert lines <= 3 * changed
    shot(page, "election-top.png")


def test_article_headings_and_unchanged_runs_collapsed(opened, election):
    comparison = election[0]
    page = opened.page
    heads = page.locator("main .group-article > .group-head:visible")
    article_of = articles_of(comparison.new)
    wanted = {article_of[section.new] for section in comparison.changed_sections}
    assert heads.count() == len(wanted)
    assert "Article 1A STATE BOARD OF ELECTIONS" in [" ".join(text.split()) for text in heads.all_inner_texts()]
    assert page.locator("main .group-act > .group-head").inner_text().split() == ["10", "ILCS", "5", "Election", "Code"]
    every = {article_of[section.new] for section in comparison.sections if section.new in article_of}
    assert page.locator("main .group-article > .group-head").count() == len(every) > 30  # the rest fold into runs
    # the table of contents nests the changed Sections under their Act and Article
    assert page.locator("#toc li.toc-article").count() == len(wanted)
    assert page.locator("#toc li.toc-article li").count() == len(comparison.changed_sections)
    runs = page.locator("main details.run")
    texts = [" ".join(text.split()) for text in runs.evaluate_all("rs => rs.map(r => r.querySelector('summary').textContent)")]
    assert runs.count() > 10 and all(not opened for opened in runs.evaluate_all("rs => rs.map(r => r.open)"))
    assert "Secs. 1A-1 to 1A-2 unchanged (2 Sections)" in texts
    assert any(re.fullmatch(r"Articles \S+ to \S+ unchanged \(\d+ Articles, \d+ Sections\)", text) for text in texts)
    folded = sum(int(n) for n in re.findall(r"(\d+) Sections\)", " ".join(texts)))
    assert folded >= len(comparison.sections) - len(comparison.changed_sections) - 2
    run = page.locator("main details.run", has_text="Secs. 1A-1 to 1A-2 unchanged").first
    run.locator("> summary").click()
    assert run.locator("> details.sec").count() == 2 and run.locator("> details.sec").first.is_visible()
    assert run.locator("> details.sec > summary").first.inner_text().startswith("Sec. 1A-1")
    shot(page, "election-run-open.png")


def articles_of(document) -> dict:
    """Each node inside an Article of the document -> the Article's path."""
    return {node: article.path for article in document.root.children if article.kind == "article"
            for node in article.walk()}


def test_n_n_p_moves_through_the_changes_and_sets_the_hash(opened):
    page = opened.page
    page.keyboard.press("n")
    page.wait_for_function("() => location.hash === '#c1'")
    page.keyboard.press("n")
    page.wait_for_function("() => location.hash === '#c2'")
    page.wait_for_function("() => { const r = document.getElementById('c2').getBoundingClientRect();"
                           " return r.top >= 0 && r.bottom <= innerHeight; }", timeout=5000)
    page.keyboard.press("p")
    page.wait_for_function("() => location.hash === '#c1'")
    page.wait_for_function("() => { const r = document.getElementById('c1').getBoundingClientRect();"
                           " return r.top >= 0 && r.bottom <= innerHeight; }", timeout=5000)
    assert page.locator("#change-position").inner_text() == f"1 / {page.locator('.change-item').count()}"
    page.click("#next-change")
    page.wait_for_function("() => location.hash === '#c2'")
    shot(page, "election-next.png")


def test_a_summary_link_in_the_side_by_side_view_reaches_a_visible_change(browser, election):
    comparison = election[0]
    watched = Watched(browser, election[2])
    page = watched.page
    number = 5
    change = comparison.changes[number - 1]
    page.locator("table.summary-table tbody tr").nth(number - 1).locator("td.phrase a").click()
    page.wait_for_function(f"() => location.hash === '#{change.anchor}'")
    page.wait_for_function("() => { const e = document.querySelector('.cell .current'); if (!e) return false;"
                           " const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }",
                           timeout=5000)
    current = page.locator(".cell .current")
    assert current.count() == 1 and current.is_visible()
    assert current.get_attribute("data-change") == change.anchor
    assert current.inner_text() in (change.old_text, change.new_text)
    assert not page.locator(f"#{change.anchor}").is_visible()  # the inline element: hidden in this view
    shot(page, "election-side-by-side.png")
    watched.assert_quiet()
    watched.close()


def test_without_javascript_a_link_in_the_side_by_side_view_brings_its_row(browser, election):
    comparison = election[0]
    watched = Watched(browser, election[2], java_script_enabled=False)
    page = watched.page
    assert not watched.visible("#next-change") and not watched.visible("#expand-all")  # they need the script
    assert watched.visible(".jump > summary")  # the change list does not
    change = comparison.changes[7]
    page.locator(f"table.summary-table a[href='#{change.anchor}']").first.click()
    for _ in range(50):  # no page script runs to wait with: poll from here
        if page.evaluate("a => { const row = document.getElementById(a).closest('.row').getBoundingClientRect();"
                         " return location.hash === '#' + a && row.top < innerHeight && row.bottom > 0; }",
                         change.anchor):
            break
        page.wait_for_timeout(100)
    copy = page.locator(f".cell-new [data-change='{change.anchor}'], .cell-old [data-change='{change.anchor}']").first
    assert copy.is_visible()
    box = copy.bounding_box()
    assert box is not None and 0 <= box["y"] < 900
    shot(page, "election-side-by-side-no-js.png")
    watched.close()


def test_filters_choose_what_the_list_shows_and_n_visits(opened, election):
    comparison = election[0]
    page = opened.page
    page.click(".jump > summary")
    items = page.locator(".change-list .change-item")
    assert items.count() == len(comparison.changes)
    insertions = [change.anchor for change in comparison.changes if change.op in ("insert", "add")]
    page.click("label[for=f-insertion]")
    assert page.locator(".change-list .change-item:visible").count() == len(comparison.changes) - len(insertions)
    assert page.locator("table.summary-table tr.k-insertion:visible").count() == 0
    shot(page, "election-filter.png")
    page.click(".jump > summary")
    for _ in range(len(comparison.changes)):
        page.keyboard.press("n")
        page.wait_for_timeout(50)
        assert page.evaluate("() => location.hash.slice(1)") not in insertions
    page.click(".jump > summary")
    page.click("label[for=f-insertion]")
    page.click("label[for=n-amount]")
    amounts = page.locator(".change-list .change-item:visible")
    assert amounts.count() >= 2
    assert all("n-amount" in cls for cls in amounts.evaluate_all("items => items.map(i => i.className)"))


def test_credited_and_moved_changes_show_in_the_text(opened, election):
    page = opened.page
    credited = page.locator("main .change.attributed").first
    assert credited.locator(".credit").inner_text() == f"P.A. {NEW_PUBLIC_ACT}"
    plain = page.locator("main .change:not(.attributed) ins").first
    styles = page.evaluate("([a, b]) => [a, b].map(s => getComputedStyle(document.querySelector(s)).backgroundColor)",
                           ["main .change.attributed ins", "main .change:not(.attributed) ins"])
    assert plain.is_visible() and styles[0] != styles[1]
    moved = page.locator("main section.sec[data-status='moved']")
    assert moved.count() == 1
    note = " ".join(moved.locator(".move-note").inner_text().split())
    assert re.fullmatch(r"Moved from after 10 ILCS 5/7-\S+ in Article 7 to after 10 ILCS 5/\S+ in Article \S+\.", note), note
    moved.scroll_into_view_if_needed()
    shot(page, "election-moved.png")
