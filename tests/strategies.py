"""Hypothesis strategies for realistic Illinois bills and for damaged copies of real ones.

Shared by every test file that wants generated input:

- `bill_texts()`: a whole bill (enacting clause, bill Sections, codified Sections
  with citation lines, subsections down to items, definitions, Source notes)
  printed in one of the real renderings (`RENDERINGS`): 94th GA plain with
  `HB0605 - 2 - LRB095 ...` headers, 97th GA glued numbers, pipe tables,
  legisnet, or an ILCS page; with page breaks.
- `bills()`: the same, returned as a `GeneratedBill` that also keeps the
  paragraphs it was printed from (for tests that check what a reader recovers).
- `act_texts()`: an ILCS-style Act (citation, `Sec. N.`, Source note) without line numbers.
- `mutated_corpus()`: bytes of a real corpus file after 1-3 mutations (truncation
  at a random byte, deleted lines, swapped pages, doubled headers, byte noise,
  an encoding flip, CRLF, zero-width characters).
- `hostile_html()`: HTML meant to hurt a parser (scripts, entity bombs, deep
  nesting, broken markup, lying charsets).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

STATUTES = Path(__file__).resolve().parent.parent / "statutes"
CORPUS_FILES = tuple(
    sorted((STATUTES / "seeds").glob("*.txt"))
    + sorted((STATUTES / "pipa").glob("*.txt"))
    + sorted((STATUTES / "fragments").glob("*.txt"))
)
NBSP = "\u00a0"

VOCABULARY = (
    "personal information data collector breach security system notice resident consumer "
    "agency State person entity record disclosure acquisition encrypted redacted license "
    "account number credit debit card code password access financial business owner "
    "written material government university corporation retail operator purpose "
    "reasonable practicable delay investigation law enforcement Attorney General "
    "shall may must not within after before upon any each such other the of and or to "
    "in by for a an that which is be has been provided including limited"
).split()
TERMS = (
    "Data collector", "Breach of the security of the system data", "Personal information",
    "Medical information", "Health insurance information", "Consumer", "Encryption",
    "Redact", "Written material", "Business day",
)
ACTS = (
    ("815 ILCS 530", "Personal Information Protection Act"),
    ("815 ILCS 505", "Consumer Fraud and Deceptive Business Practices Act"),
    ("20 ILCS 450", "Data Security on State Computers Act"),
    ("740 ILCS 14", "Biometric Information Privacy Act"),
)
ENUMERATORS = (
    tuple("abcdefgh"),
    tuple(str(n) for n in range(1, 9)),
    tuple("ABCDEFGH"),
    ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii"),
)


# --- the law: paragraphs -----------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    """One printed paragraph: its text and whether the printing indents it."""

    text: str
    indented: bool = True


@dataclass(frozen=True)
class GeneratedBill:
    text: str
    rendering: str
    paragraphs: tuple[Paragraph, ...]

    def words(self) -> list[str]:
        return [word for paragraph in self.paragraphs for word in paragraph.text.split()]


words = st.sampled_from(VOCABULARY)


@st.composite
def sentences(draw, min_words: int = 4, max_words: int = 30) -> str:
    chosen = draw(st.lists(words, min_size=min_words, max_size=max_words))
    text = " ".join(chosen)
    text = text[0].upper() + text[1:]
    if draw(st.booleans()):
        text = text.replace(" ", ", ", 1)
    if draw(st.integers(0, 6)) == 0:
        text += f" under Section {draw(st.integers(1, 60))} of this Act"
    return text + draw(st.sampled_from([".", ".", ".", ";", ":"]))


@st.composite
def definitions(draw) -> Paragraph:
    term = draw(st.sampled_from(TERMS))
    verb = draw(st.sampled_from(["means", "includes", "does not include", "has the meaning given in"]))
    return Paragraph(f'"{term}" {verb} {draw(sentences()).lower()}')


@st.composite
def enumerated(draw, level: int = 0, max_level: int = 3) -> list[Paragraph]:
    """`(a)` subsections with `(1)` paragraphs, `(A)` subparagraphs and `(i)` items below them."""
    count = draw(st.integers(1, 4))
    start = draw(st.integers(0, 2))
    labels = ENUMERATORS[level][start : start + count]
    paragraphs: list[Paragraph] = []
    for label in labels:
        paragraphs.append(Paragraph(f"({label}) {draw(sentences())}"))
        if level < max_level and draw(st.integers(0, 2)) == 0:
            paragraphs.extend(draw(enumerated(level + 1, max_level)))
    return paragraphs


@st.composite
def codified_sections(draw, act: str | None = None) -> list[Paragraph]:
    """`(815 ILCS 530/10)`, `Sec. 10. Heading.`, body, `(Source: ...)`."""
    act = act or draw(st.sampled_from(ACTS))[0]
    number = draw(st.sampled_from(["1", "5", "10", "12", "15", "20", "25", "40", "45", "50", "10.5"]))
    heading = draw(st.sampled_from(["Definitions.", "Notice of breach.", "Data security.", "Penalties.",
                                    "Disposal of materials containing personal information."]))
    paragraphs = [Paragraph(f"({act}/{number})"), Paragraph(f"Sec. {number}. {heading}")]
    if heading == "Definitions.":
        paragraphs[-1] = Paragraph(f"Sec. {number}. {heading} In this Act:")
        paragraphs.extend(draw(st.lists(definitions(), min_size=1, max_size=5)))
    else:
        paragraphs.extend(draw(enumerated()))
    if draw(st.integers(0, 3)):
        acts = draw(st.lists(st.sampled_from(["94-36, eff. 1-1-06", "94-947, eff. 6-27-06",
                                               "99-503, eff. 1-1-17", "102-16, eff. 6-17-21"]),
                             min_size=1, max_size=3, unique=True))
        paragraphs.append(Paragraph(f"(Source: P.A. {'; '.join(acts)}.)", indented=False))
    return paragraphs


@st.composite
def bill_sections(draw, number: int) -> list[Paragraph]:
    act, name = draw(st.sampled_from(ACTS))
    if draw(st.booleans()):
        codified = draw(st.lists(codified_sections(act), min_size=1, max_size=3))
        numbers = ", ".join(p[0].text.split("/")[1].rstrip(")") for p in codified)
        opening = Paragraph(f"Section {number}. The {name} is amended by changing Sections {numbers} as follows:")
        return [opening] + [p for section in codified for p in section]
    heading = draw(st.sampled_from(["Short title.", "Purpose.", "Effective date.", "Findings."]))
    return [Paragraph(f"Section {number}. {heading} {draw(sentences())}")] + draw(enumerated(max_level=2))


@st.composite
def bill_paragraphs(draw) -> tuple[Paragraph, ...]:
    subject = draw(st.sampled_from(["consumer fraud", "business", "personal information", "State government"]))
    paragraphs = [
        Paragraph(f"AN ACT concerning {subject}."),
        Paragraph("Be it enacted by the People of the State of Illinois, represented in the General Assembly:"),
    ]
    for index in range(draw(st.integers(1, 3))):
        paragraphs.extend(draw(bill_sections(number=(index + 1) * 5)))
    return tuple(paragraphs)


# --- the printing: line numbers, page headers, renderings --------------------------------


def printed_lines(paragraphs: tuple[Paragraph, ...], width: int = 62) -> list[tuple[str, bool]]:
    """Wrap paragraphs into printed lines: (text, is the first line of an indented paragraph)."""
    lines = []
    for paragraph in paragraphs:
        wrapped = textwrap.wrap(paragraph.text, width=width, break_long_words=False, break_on_hyphens=False)
        for index, line in enumerate(wrapped):
            lines.append((line, index == 0 and paragraph.indented))
    return lines


def pages(lines: list, per_page: int) -> list[list]:
    return [lines[start : start + per_page] for start in range(0, len(lines), per_page)] or [[]]


@dataclass(frozen=True)
class Header:
    bill: str
    version: str
    lrb: str


headers = st.builds(
    Header,
    bill=st.sampled_from(["HB0605", "HB1633", "SB0731", "HB1260", "SB2031"]),
    version=st.sampled_from(["", " Enrolled", " Engrossed"]),
    lrb=st.sampled_from(["LRB095 04519 WGH 34513 b", "LRB094 07564 RXD 37732 b", "LRB102 17247 KTG 24999 a"]),
)


def render_94th_plain(lines, header: Header, page_break: str) -> str:
    """`1     AN ACT...` with NBSP indents; `HB0605 - 2 - LRB095 ...` from page 2 on."""
    out = [f"{header.bill}{header.version} {header.lrb}", ""]
    for page_number, page in enumerate(pages(lines, 25), start=1):
        if page_number > 1:
            out += [page_break, f"{header.bill}{header.version} - {page_number} - {header.lrb}", ""]
        for number, (text, indented) in enumerate(page, start=1):
            indent = (" " + NBSP) * 4 + " " if indented else " "
            out.append(f"{number}{indent}{text}")
    return "\n".join(out) + "\n"


def render_97th_glued(lines, header: Header, page_break: str) -> str:
    """The spaces vanish: `3represented in...`, `HB1260 Enrolled- 2 -LRB099 ...`."""
    out = [f"{header.bill}{header.version}{header.lrb}", ""]
    for page_number, page in enumerate(pages(lines, 25), start=1):
        if page_number > 1:
            out += [page_break, f"{header.bill}{header.version}- {page_number} -{header.lrb}", ""]
        for number, (text, indented) in enumerate(page, start=1):
            out.append(f"{number}{'    ' if indented else ''}{text}")
    return "\n".join(out) + "\n"


def render_pipes(lines, header: Header, page_break: str) -> str:
    """`1 | | text |` rows; `| | 10200SB0731sam002 | - 2 - | LRB... |` headers."""
    out = []
    for page_number, page in enumerate(pages(lines, 25), start=1):
        out += ["|", f"| | {header.bill} | - {page_number} - | {header.lrb} |", "|", "|"]
        for number, (text, indented) in enumerate(page, start=1):
            out.append(f"{number} | | {'    ' if indented else ''}{text} |")
        out.append(page_break)
    return "\n".join(out) + "\n"


def render_legisnet(lines, header: Header, page_break: str) -> str:
    """90th-92nd GA: right-aligned numbers, `LRB9215491JSpcA`, `-2-` page markers, chrome."""
    lrb = "LRB9215491JSpcA"
    out = ["State of Illinois", "92nd General Assembly", "Legislation", "",
           "   [ Search ]   [ PDF text ]   [ Legislation ]   ", "", f"92_{header.bill}", "",
           " " * 46 + lrb, ""]
    for page_number, page in enumerate(pages(lines, 34), start=1):
        if page_number > 1:
            out += [page_break, f"{' ' * 26}-{page_number}-{' ' * 15}{lrb}", ""]
        for number, (text, indented) in enumerate(page, start=1):
            out.append(f"{number:>2}{'        ' if indented else '    '}{text}")
    return "\n".join(out) + "\n"


RENDERINGS = {
    "94th-plain": render_94th_plain,
    "97th-glued": render_97th_glued,
    "pipes": render_pipes,
    "legisnet": render_legisnet,
}


@st.composite
def bills(draw, renderings: tuple[str, ...] = tuple(RENDERINGS)) -> GeneratedBill:
    paragraphs = draw(bill_paragraphs())
    rendering = draw(st.sampled_from(renderings))
    page_break = draw(st.sampled_from(["", "", "\f", " "]))
    text = RENDERINGS[rendering](printed_lines(paragraphs), draw(headers), page_break)
    return GeneratedBill(text, rendering, paragraphs)


def bill_texts(renderings: tuple[str, ...] = tuple(RENDERINGS)):
    return bills(renderings).map(lambda bill: bill.text)


@st.composite
def act_texts(draw) -> str:
    """An ILCS page: citation line, `Sec. N.` with NBSP indents, Source note; no line numbers."""
    act = draw(st.sampled_from(ACTS))[0]
    sections = draw(st.lists(codified_sections(act), min_size=1, max_size=4))
    out = []
    for section in sections:
        for paragraph in section:
            out.append((NBSP * 4 if paragraph.indented else "") + paragraph.text)
        out.append("")
    return "\n".join(out)


# --- damaged copies of real files -----------------------------------------------------------


def _truncate(draw, data: bytes) -> bytes:
    return data[: draw(st.integers(1, max(1, len(data))))]


def _delete_lines(draw, data: bytes) -> bytes:
    lines = data.split(b"\n")
    doomed = set(draw(st.lists(st.integers(0, len(lines) - 1), max_size=max(1, len(lines) // 5))))
    return b"\n".join(line for index, line in enumerate(lines) if index not in doomed)


def _swap_pages(draw, data: bytes) -> bytes:
    pages_ = data.split(b"\n\n\n")
    if len(pages_) < 2:
        pages_ = data.split(b"\n\n")
    if len(pages_) < 2:
        return data
    first, second = draw(st.integers(0, len(pages_) - 1)), draw(st.integers(0, len(pages_) - 1))
    pages_[first], pages_[second] = pages_[second], pages_[first]
    return b"\n\n\n".join(pages_)


def _double_headers(draw, data: bytes) -> bytes:
    lines = data.split(b"\n")
    out = []
    for line in lines:
        out.append(line)
        if b"LRB" in line or b"General Assembly" in line:
            out.append(line)
    return b"\n".join(out)


def _byte_noise(draw, data: bytes) -> bytes:
    mutable = bytearray(data)
    for _ in range(draw(st.integers(1, 20))):
        mutable[draw(st.integers(0, len(mutable) - 1))] = draw(st.integers(1, 255))  # NUL: see random bytes
    return bytes(mutable)


def _flip_encoding(draw, data: bytes) -> bytes:
    text = data.decode("utf-8", errors="replace")
    encoding = draw(st.sampled_from(["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "cp1252", "utf-32"]))
    return text.encode(encoding, errors="replace")


def _crlf_and_invisibles(draw, data: bytes) -> bytes:
    data = data.replace(b"\n", b"\r\n") if draw(st.booleans()) else data.replace(b"\n", b"\r")
    invisible = draw(st.sampled_from(["\u200b", "\u00ad", "\ufeff", "\u200d"])).encode("utf-8")
    return data.replace(b" the ", b" th" + invisible + b"e ")


def _splice_in_a_generated_page(draw, data: bytes) -> bytes:
    page = draw(bill_texts()).encode("utf-8")
    cut = draw(st.integers(0, len(data)))
    return data[:cut] + page + data[cut:]


MUTATIONS = {
    "truncate": _truncate,
    "delete lines": _delete_lines,
    "swap pages": _swap_pages,
    "double headers": _double_headers,
    "byte noise": _byte_noise,
    "flip encoding": _flip_encoding,
    "crlf and invisibles": _crlf_and_invisibles,
    "splice generated page": _splice_in_a_generated_page,
}


@st.composite
def mutated_corpus(draw, files: tuple[Path, ...] = CORPUS_FILES) -> bytes:
    """A real corpus file after 1-3 mutations."""
    data = draw(st.sampled_from(files)).read_bytes()
    for name in draw(st.lists(st.sampled_from(sorted(MUTATIONS)), min_size=1, max_size=3)):
        if data:
            data = MUTATIONS[name](draw, data)
    return data


# --- hostile HTML ------------------------------------------------------------------------------

_HOSTILE_HTML_PARTS = (
    "<script>alert(1)</script>",
    "<script>document.write('<p>Sec. 99. Injected.</p>')</script>",
    "<style>p{display:none}</style>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">Sec. 5.</a>",
    "<iframe src=\"http://example.invalid/\"></iframe>",
    "&amp;&lt;&gt;&quot;&#167;&#x2014;&nbsp;&bogus;&#0;&#xD800;&#99999999;",
    "<u>written material</u> <s>data</s> <strike>old</strike> <ins>new</ins> <del>gone</del>",
    "<p>unclosed <b>bold <i>italic",
    "</div></div></body></html>",
    "<!-- a comment -- with -- dashes -->",
    "<![CDATA[ raw ]]>",
    "<?xml version=\"1.0\"?>",
    "<meta charset=\"klingon\">",
    "<meta charset=\"utf-16\">",
    "<table><tr><td>1</td><td>Sec. 10. Notice.</td></tr>",
    "\x01\x1b[2J\x7f",
    "<p>" + "(a)(1)(A)(i) " * 50 + "</p>",
)


@st.composite
def hostile_html(draw) -> bytes:
    body = draw(st.lists(st.sampled_from(_HOSTILE_HTML_PARTS) | sentences().map(lambda s: f"<p>{s}</p>"),
                         min_size=1, max_size=12))
    depth = draw(st.sampled_from([0, 5, 300, 3000]))
    nested = "<div>" * depth + "<p>Sec. 5. Deep.</p>" + "</div>" * depth
    doctype = draw(st.sampled_from([
        "<!DOCTYPE html>",
        "",
        '<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    ]))
    html = f"{doctype}<html><head><title>815 ILCS 530/10</title></head><body>{''.join(body)}{nested}</body></html>"
    encoding = draw(st.sampled_from(["utf-8", "cp1252", "utf-16"]))
    return html.encode(encoding, errors="replace")
