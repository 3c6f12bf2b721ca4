"""HTML input: ilga.gov layouts read to the same body lines and trees as their
plain-text twins, with underline / strike markup carried onto the words."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statdiff.errors import StatdiffError
from statdiff.model import DELETED, INSERTED, PLAIN
from statdiff.read import read_path, read_text
from statdiff.read.decode import decode_bytes
from statdiff.read.html import html_lines, html_to_text, parse_html, read_html
from statdiff.structure import build_document
from html_pages import PAGES, make_pages
from strategies import bills, hostile_html

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = json.loads((PAGES / "pages.json").read_text(encoding="utf-8"))
PAGE_NAMES = sorted(name for name in MANIFEST if name.endswith(".html"))


@lru_cache(maxsize=None)
def read_page(name: str):
    return read_html((PAGES / name).read_text(encoding="utf-8"), name)


def line_facts(result):
    return [(line.text, line.page, line.line, line.indented) for line in result.lines]


def tree_facts(document):
    nodes = [(node.kind, node.path, node.label) for node in document.walk()]
    words = [(word.text, word.position) for word in document.root.all_words()]
    return nodes, words


# ---------------------------------------------------------------- the pages and their twins


def test_every_source_comes_in_every_layout():
    sources = {MANIFEST[name]["twin"] for name in PAGE_NAMES}
    assert len(sources) == 4
    for source in sources:
        layouts = {name.rsplit("_", 1)[1] for name in PAGE_NAMES if MANIFEST[name]["twin"] == source}
        assert layouts == {"table.html", "pre.html", "p.html", "br.html"}


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_page_reads_like_its_plain_text_twin(name):
    twin = read_path(ROOT / MANIFEST[name]["twin"])
    page = read_page(name)
    assert page.rendering == "html"
    assert line_facts(page) == line_facts(twin)
    assert page.identity == twin.identity
    assert page.synopsis == twin.synopsis


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_page_builds_the_same_tree_as_its_twin(name):
    twin = build_document(read_path(ROOT / MANIFEST[name]["twin"]))
    page = build_document(read_page(name))
    assert tree_facts(page) == tree_facts(twin)


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_marks_survive_header_and_number_stripping(name):
    """The marked text, read back from the body lines, is exactly what the page marked."""
    page = read_page(name)
    marked = {INSERTED: [], DELETED: []}
    for line in page.lines:
        for start, end, mark in line.marks:
            marked[mark].append(line.text[start:end])
    spaced = lambda texts: " ".join(" ".join(texts).split())  # noqa: E731
    assert spaced(marked[INSERTED]) == spaced(MANIFEST[name]["inserted"])
    assert spaced(marked[DELETED]) == spaced(MANIFEST[name]["deleted"])


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_each_tree_word_knows_how_it_was_printed(name):
    document = build_document(read_page(name))
    words = document.root.all_words()
    inserted = " ".join(word.text for word in words if word.mark == INSERTED)
    deleted = " ".join(word.text for word in words if word.mark == DELETED)
    for phrase in MANIFEST[name]["inserted"]:
        assert phrase.split()[0] in inserted
    for phrase in MANIFEST[name]["deleted"]:
        assert phrase.split()[0] in deleted
    assert sum(word.mark == PLAIN for word in words) > len(words) // 2


def test_headline_words_marked_at_their_printed_page_and_line():
    document = build_document(read_page("hb0605_table.html"))
    inserted = [(word.text, str(word.position)) for word in document.root.all_words() if word.mark == INSERTED]
    assert inserted[:3] == [("or", "1:14"), ("written", "1:14"), ('material"', "1:15")]
    assert ("within", "2:24") in inserted and ("material,", "3:1") in inserted
    assert inserted[-3:] == [("or", "4:20"), ("written", "4:20"), ("material.", "4:20")]


def test_marks_on_words_glued_to_their_line_number():
    """97th GA onward: `645 and 50 as follows` is line 6, "45 and 50 as follows"."""
    text = (ROOT / "statutes/fragments/09900HB1260enr_lv_PARTIAL.txt").read_text(encoding="utf-8")
    marks = [("3represented", "represented", "i"), ("645 and 50", "and 50", "i"), ("10government", "government", "d")]
    page = make_pages.page("lv", make_pages.marked_lines(text, marks), "p")
    result = read_html(page, "lv.html")
    assert line_facts(result) == line_facts(read_path(ROOT / "statutes/fragments/09900HB1260enr_lv_PARTIAL.txt"))
    marked = [(line.page, line.line, line.text[start:end], mark) for line in result.lines for start, end, mark in line.marks]
    assert marked == [(1, 3, "represented", INSERTED), (1, 6, "and 50", INSERTED), (1, 10, "government", DELETED)]


# ---------------------------------------------------------------- line extraction


def lines_of(markup: str):
    return [(line.text, "".join((mark or " ")[0] for mark in line.marks).rstrip()) for line in html_lines(parse_html(markup, "t"))]


INSERT_FORMS = ["<u>{}</u>", "<ins>{}</ins>", '<span style="text-decoration: underline">{}</span>',
                '<span style="text-decoration-line:underline">{}</span>', '<b style="color:red; text-decoration: underline dotted">{}</b>']
DELETE_FORMS = ["<s>{}</s>", "<strike>{}</strike>", "<del>{}</del>", '<span style="text-decoration: line-through">{}</span>',
                '<font style="Text-Decoration-Line: LINE-THROUGH">{}</font>']


@pytest.mark.parametrize("form", INSERT_FORMS)
def test_every_underline_form_marks_inserted_text(form):
    page = "<html><body><p>4 shall be made " + form.format("within 48 hours") + " in the</p></body></html>"
    assert lines_of(page) == [("4 shall be made within 48 hours in the", " " * 16 + "i" * 15)]


@pytest.mark.parametrize("form", DELETE_FORMS)
def test_every_strike_form_marks_deleted_text(form):
    page = "<html><body><p>7 repealed July 1, 2022 " + form.format("2021") + ".</p></body></html>"
    assert lines_of(page) == [("7 repealed July 1, 2022 2021.", " " * 24 + "dddd")]


def test_table_rows_are_printed_lines_and_layout_tables_are_not():
    page = """<html><body><table><tr><td><a href="/">Home</a></td><td>
    <table><tr><td>HB0605</td><td>- 2 -</td><td>LRB095 04519 RXD 24577 b</td></tr>
    <tr><td>1</td><td>&nbsp; &nbsp; AN ACT <u>concerning</u></td><td></td></tr>
    <tr><td></td><td></td></tr>
    <tr><td>2</td><td>consumer<br>fraud.</td></tr></table></td></tr></table></body></html>"""
    assert lines_of(page) == [
        ("Home", ""),
        ("HB0605 - 2 - LRB095 04519 RXD 24577 b", ""),
        ("1 \u00a0 \u00a0 AN ACT concerning", " " * 13 + "i" * 10),
        ("", ""),
        ("2 consumer fraud.", ""),
    ]


def test_pipe_tables_keep_their_pipes():
    page = """<table><tr><td></td><td></td><td>10200SB0731sam002</td><td>- 2 -</td><td>LRB102 17247 KTG 24999 a</td></tr>
    <tr><td>1</td><td></td><td>Illinois citizens <del>to</del> protect</td><td></td></tr></table>"""
    texts = [text for text, _ in lines_of(page)]
    assert texts == ["|  | 10200SB0731sam002 | - 2 - | LRB102 17247 KTG 24999 a |", "1 |  | Illinois citizens to protect |  |"]


def test_pre_keeps_spacing_and_marks_across_lines():
    page = "<pre>\n 1        AN ACT <u>concerning\n 2    personal</u> information.\n\n 3 x</pre>"
    assert lines_of(page) == [
        (" 1        AN ACT concerning", " " * 17 + "i" * 10),
        (" 2    personal information.", "i" * 14),
        ("", ""),
        (" 3 x", ""),
    ]


def test_p_and_br_lines():
    page = "<div>1 AN ACT<br>2 Be it <s>enacted</s><br><br>3 represented</div><p>4 one</p><p>5 two</p>"
    assert [text for text, _ in lines_of(page)] == ["1 AN ACT", "2 Be it enacted", "", "3 represented", "4 one", "5 two"]


def test_scripts_styles_comments_and_navigation_are_dropped():
    page = """<html><head><title>T</title><style>p { color: red }</style></head><body>
    <script>document.write('1 injected')</script><nav>Home Back</nav><div role="navigation">Bottom</div>
    <!-- 2 a comment --><noscript>3 no script</noscript><div style="display: none">4 hidden</div>
    <p>5 the bill</p></body></html>"""
    assert lines_of(page) == [("5 the bill", "")]


def test_entities_and_nbsp():
    assert lines_of("<p>1&nbsp;&nbsp;&quot;Data&quot; &amp; <u>more</u></p>") == [
        ("1\u00a0\u00a0\"Data\" & more", " " * 12 + "iiii")
    ]


# ---------------------------------------------------------------- generated bills in every layout


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bill=bills(), layout=st.sampled_from(make_pages.LAYOUTS), data=st.data())
def test_generated_bills_read_the_same_in_every_layout(bill, layout, data):
    if bill.rendering == "legisnet":
        layout = "pre"  # legisnet pages were only ever served as <pre> text
    lines = bill.text.split("\n")
    runs = [[(line, None)] if line else [] for line in lines]
    # underline or strike one word of a numbered line, in the rotating forms
    numbered = [index for index, line in enumerate(lines)
                if re.match(r"\s*\d+\D", line) and not re.search(r"General Assembly|LRB", line)]
    index = data.draw(st.sampled_from(numbered))
    words = list(re.finditer(r"[A-Za-z]{3,}", lines[index]))  # `3represented`: the glued number stays unmarked
    word = data.draw(st.sampled_from(words)) if words else None
    if word is not None:
        line, kind = lines[index], data.draw(st.sampled_from("id"))
        runs[index] = [run for run in [(line[:word.start()], None), (word.group(0), kind), (line[word.end():], None)] if run[0]]
    page = make_pages.page("generated", runs, layout)
    twin = read_text(bill.text, name="generated")
    result = read_html(page, "generated.html")
    # runs of ASCII spaces collapse in HTML outside <pre>, so the table and p/br
    # pages print them as NBSP: same words and page:line, indentation only in <pre>
    if layout == "pre":
        assert line_facts(result) == line_facts(twin)
    assert [fact[:3] for fact in line_facts(result)] == [fact[:3] for fact in line_facts(twin)]
    marked = [line.text[start:end] for line in result.lines for start, end, _ in line.marks]
    assert marked == ([word.group(0)] if word is not None else [])


# ---------------------------------------------------------------- hostile HTML


def test_billion_laughs_is_refused():
    bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' if n > 1 else '<!ENTITY lol1 "&lol;&lol;">'
        for n in range(1, 10)
    ) + ']><html><body><p>1 &lol9;</p></body></html>'
    with pytest.raises(StatdiffError, match="entit"):
        read_html(bomb, "bomb.html")


def test_external_entity_is_refused_and_no_file_is_read():
    page = '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><html><body><p>1 &xxe;</p></body></html>'
    with pytest.raises(StatdiffError, match="entit"):
        read_html(page, "xxe.html")


def test_external_entity_reference_without_declaration_is_text():
    text, _ = html_to_text('<html><body><p>1 AN ACT &xxe; root:x:0:0</p><img src="file:///etc/passwd"></body></html>')
    assert "root:x:0:0" in text and "/bin/" not in text


def test_ten_megabyte_attribute_is_refused():
    page = '<html><body><p title="' + "x" * (10 * 1024 * 1024) + '">1 AN ACT</p></body></html>'
    with pytest.raises(StatdiffError, match="attribute"):
        read_html(page, "huge.html")


def test_broken_nesting_and_unclosed_tags_are_read():
    page = "<html><body><table><tr><td>1<td>AN <u>ACT <b>concerning</u> fraud.</b><tr><td>2<td>Be it <s>enacted"
    texts = lines_of(page)
    assert texts[0][0] == "1 AN ACT concerning fraud."
    assert texts[1][0] == "2 Be it enacted" and texts[1][1].endswith("ddddddd")


def test_deep_nesting_is_read_without_recursion_up_to_the_parser_limit():
    page = "<html><body>" + "<div><b>" * 120 + "1 AN ACT" + "</b></div>" * 120 + "</body></html>"
    text, _ = html_to_text(page)
    assert text == "1 AN ACT"


def test_nesting_past_the_parser_limit_is_refused_not_silently_dropped():
    page = "<html><body>" + "<div><b>" * 20000 + "1 AN ACT" + "</b></div>" * 20000 + "</body></html>"
    with pytest.raises(StatdiffError, match="nested too deeply"):
        html_to_text(page)


def test_a_page_with_no_text_is_refused():
    with pytest.raises(StatdiffError, match="no readable text"):
        read_html("<html><head><script>x()</script></head><body><nav>Home</nav></body></html>", "empty.html")


def test_html_shown_as_text_inside_a_page_is_not_read_as_html_again():
    result = read_html("<html><body><pre>&lt;html&gt;&lt;p&gt;1 AN ACT&lt;/p&gt;</pre></body></html>", "shown.html")
    assert [line.text for line in result.lines] == ["<html><p>1 AN ACT</p>"]


def test_an_empty_document_is_refused():
    with pytest.raises(StatdiffError, match="not readable as HTML|no readable text"):
        read_html("   ", "blank.html")


def test_html_files_are_routed_to_the_html_reader(tmp_path):
    path = tmp_path / "bill.html"
    path.write_text((PAGES / "hb0605_pre.html").read_text(encoding="utf-8"), encoding="utf-8")
    result = read_path(path)
    assert result.rendering == "html" and result.identity.bill == "HB0605"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=hostile_html())
def test_hostile_html_is_read_or_refused_cleanly(page):
    try:
        result = read_html(decode_bytes(page, "hostile.html"), "hostile.html")
    except StatdiffError as error:
        assert "\n" not in str(error)
        return
    for line in result.lines:
        assert "root:x:0:0" not in line.text
        assert "lollollollollol" not in line.text


# --- elements libxml2 would let swallow the page -------------------------------------------


def words_of(result) -> list[str]:
    return [word for line in result.lines for word in line.text.split()]


def with_before_the_bill(markup: str):
    page = (PAGES / "hb0605_pre.html").read_text(encoding="utf-8")
    assert "<pre>" in page
    return read_html(page.replace("<pre>", markup + "<pre>", 1), "hb0605_pre.html")


@pytest.mark.parametrize(
    "markup",
    ['<embed src="flash.swf">', "<embed src=x.swf type=application/x-shockwave-flash>", "<source src=a.mp4>",
     "<track src=a.vtt>", "<keygen name=k>", "<bgsound src=a.wav>", "<image src=a.png>", "<wbr>",
     '<embed title="a > b" src=x>', "<embed/>", "<EMBED SRC=X>"],
)
def test_a_void_element_before_the_bill_hides_nothing(markup):
    assert words_of(with_before_the_bill(markup)) == words_of(read_page("hb0605_pre.html"))


@pytest.mark.parametrize(
    "markup",
    ["<object data=flash.swf>", "<object data=x><param name=movie value=x>", "<applet code=Bill.class>",
     "<video src=a.mp4>", "<audio src=a.mp3>", "<canvas>", "<svg>", "<math>", "<noscript>", "<template>",
     "<form action=/search>", "<nav>", "<map name=m>", "<select>"],
)
def test_an_element_left_open_before_the_bill_hides_nothing(markup):
    assert words_of(with_before_the_bill(markup)) == words_of(read_page("hb0605_pre.html"))


def test_a_closed_object_still_keeps_its_fallback_out_of_the_text():
    result = with_before_the_bill("<object data=x.swf><p>Get the Flash plugin</p></object>")
    assert words_of(result) == words_of(read_page("hb0605_pre.html"))


def test_300_wbr_are_word_break_hints_not_nesting():
    words = " ".join(f"Sec<wbr>tion {n}<wbr>." for n in range(300))
    result = read_html(f"<html><body><p>{words}</p></body></html>", "wbr.html")
    assert words_of(result) == " ".join(f"Section {n}." for n in range(300)).split()


@pytest.mark.parametrize(
    "text, closed",
    [
        ("a<embed src=x>b", "a<embed src=x></embed>b"),
        ('a<embed title="x>y">b', 'a<embed title="x>y"></embed>b'),
        ("a<wbr/>b<br>c", "a<wbr/></wbr>b<br>c"),
        ("<img alt='<wbr>'>", "<img alt='<wbr>'></img>"),
        ("<p>no void here</p>", "<p>no void here</p>"),
        ("a<embed src=x", "a<embed src=x"),  # a tag that never ends is left to the parser
        ("<embedded>", "<embedded>"),
    ],
)
def test_close_void_elements(text, closed):
    from statdiff.read.html import close_void_elements

    assert close_void_elements(text) == closed


def test_a_page_whose_void_tags_never_end_is_left_as_it_is():
    from statdiff.read.html import close_void_elements

    # every candidate would rescan the rest if tags were matched from each start: these finish at once
    for page in ('<embed a="' + "<wbr " * 200_000, "<wbr " * 200_000, "<embed " + 'a=" ' * 200_000):
        assert close_void_elements(page) == page


def test_a_mark_goes_to_its_own_line_when_a_glued_line_reads_the_same():
    # Found by the generated-bills test: line 5 prints `5of this Act.` (97th GA glued) and
    # line 9 `91 of this Act.`; the mark on line 9 must not be carried to line 5.
    rows = [("4", "Section 5. Findings. Data under Section"), ("5of this Act.", ""), ("6", "(a) Personal."),
            ("7", "(1) Personal."), ("8", "(A) Personal under Section"), ("91", 'of <u>this</u> Act.')]
    page = "<table>" + "".join(f"<tr><td>{number}</td><td>{text}</td></tr>" for number, text in rows) + "</table>"
    page = page.replace("<td>4</td>", "<td>1</td><td>AN ACT concerning fraud.</td></tr><tr><td>2</td><td>Be it enacted."
                        "</td></tr><tr><td>3</td><td>Section 1.</td></tr><tr><td>4</td>", 1)
    result = read_html(page, "glued.html")
    marked = [(line.line, line.text[start:end]) for line in result.lines for start, end, _ in line.marks]
    assert marked == [(9, "this")]
