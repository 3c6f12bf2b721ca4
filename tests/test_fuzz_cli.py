"""A fuzz target for the whole command line: hostile file names, notes, charsets, HTML and
whitespace go through `statdiff parse`, `diff` and `redline`, and whatever happens the
user sees what the README promises: exit 0, 1 or 2; on 2 exactly one line
`statdiff: error: ...`; never a traceback or an internal error; no control character
on the terminal but the line ends; JSON that parses; a redline written whole or not at
all, never a temporary file left beside it.

The budget is modest (it runs in CI with the rest). Whitespace runs are kept to a few
thousand characters: longer ones are the linear-time reading work, tested on its own.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statdiff import cli
from strategies import CORPUS_FILES, bill_texts

ROOT = Path(__file__).resolve().parent.parent
PIPA = ROOT / "statutes" / "pipa"
HEADLINE_OLD = PIPA / "815ILCS530_through_PA094-0947.txt"
HEADLINE_NEW = PIPA / "09500HB0605_introduced_full.txt"
HTML_PAGE = (ROOT / "tests" / "fixtures" / "html" / "hb0605_pre.html").read_text(encoding="utf-8")

FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
MAX_WHITESPACE_RUN = 4000  # see the module docstring
_counter = itertools.count()

# --- strategies ---------------------------------------------------------------------------------

# What a file name may hold that a terminal must never receive raw: escape sequences (a title
# change is ESC ] 0 ; ... BEL), line ends, C1 controls (0x9B is CSI), bidi overrides, separators.
HOSTILE_CHARACTERS = "\x1b\x07\n\r\t\x08\x7f\x9b\x85\u202e\u2066\u2028\u200b"
TITLE_SEQUENCE = "\x1b]0;owned\x07"


@st.composite
def file_names(draw, suffix: str) -> str:
    stem = draw(st.text(
        alphabet=st.sampled_from(HOSTILE_CHARACTERS) | st.characters(
            blacklist_categories=("Cs",), blacklist_characters="/\x00"),
        min_size=1, max_size=24,
    ))
    if draw(st.booleans()):
        stem = TITLE_SEQUENCE + stem
    return f"{stem}{suffix}"


# Labels a page may declare: WHATWG encodings, and names that are not text encodings at all.
CHARSETS = (
    "utf-8", "windows-1252", "iso-8859-1", "iso-8859-2", "shift_jis", "gbk", "koi8-r", "x-user-defined",
    "utf-16", "bz2", "base64", "quopri", "rot13", "hex", "uu", "zlib", "undefined", "utf-7", "unicode_escape",
    "punycode", "idna", "cp037", "no-such-charset",
)
SWALLOWERS = (
    "<embed src=x.swf>", "<object data=x.swf>", "<object data=x><param name=a value=b>", "<applet code=x>",
    "<video>", "<svg>", "<noscript>", "<form>", "<nav>", "<source src=a>", "<keygen>", "<iframe src=x>",
)


@st.composite
def html_pages(draw) -> bytes:
    """The HB0605 page with a declared charset, void and unclosed elements, <wbr> in words."""
    charset = draw(st.sampled_from(CHARSETS))
    page = HTML_PAGE.replace('<meta charset="utf-8">', f'<meta charset="{charset}">')
    for _ in range(draw(st.integers(0, 3))):
        at = page.index("<pre>") if draw(st.booleans()) else draw(st.integers(0, len(page)))
        at = page.rfind(">", 0, at) + 1  # between tags, never inside one
        page = page[:at] + draw(st.sampled_from(SWALLOWERS)) + page[at:]
    if draw(st.booleans()):
        page = re.sub(r"(\w{4})(\w{3,})", lambda m: m.group(1) + "<wbr>" + m.group(2), page, count=draw(st.integers(1, 400)))
    if draw(st.booleans()):
        page = page.replace("Short", "Short +2AA-")  # a lone surrogate in UTF-7
    encoding = draw(st.sampled_from(["utf-8", "cp1252", "utf-16"]))
    return page.encode(encoding, errors="replace")


@st.composite
def whitespace_texts(draw) -> bytes:
    """Real or generated text around runs of blank lines, spaces, CRLF and tabs."""
    base = draw(st.sampled_from(CORPUS_FILES)).read_bytes()[:6000]
    run = draw(st.sampled_from([b"\n", b" ", b"\r\n", b"\t", b"\xc2\xa0", b" \n"]))
    count = draw(st.integers(1, MAX_WHITESPACE_RUN // len(run)))
    at = draw(st.integers(0, len(base)))
    return base[:at] + run * count + base[at:]


def inputs():
    return st.one_of(
        bill_texts().map(lambda text: (text.encode("utf-8"), ".txt")),
        html_pages().map(lambda data: (data, ".html")),
        whitespace_texts().map(lambda data: (data, ".txt")),
        st.sampled_from(CORPUS_FILES).map(lambda path: (path.read_bytes(), ".txt")),
    )


@st.composite
def notes_files(draw) -> tuple[str, bytes]:
    key = draw(st.sampled_from(["815 ILCS 530/10(a)", "815 ILCS 530/99", "Section 5"]))
    if draw(st.booleans()):
        key += "\\e]0;owned\\a\\n\\x9b"  # YAML escapes: ESC, BEL, a newline and CSI in the key
    value = draw(st.sampled_from(['"a note"', "[one, two]", "3", "{x: 1}", "[unclosed"]))
    body = f'"{key}": {value}\n'
    if draw(st.booleans()):
        body = draw(st.sampled_from(["- a list\n", "", "\ufeff" + body, "a: \udcff\n"]))
    return draw(file_names(draw(st.sampled_from([".yaml", ".toml", ".yml", ".json"])))), body


# --- the promises -----------------------------------------------------------------------------

_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def save(directory: Path, name: str, data: bytes | str) -> Path:
    folder = directory / f"case{next(_counter)}"
    folder.mkdir()
    path = folder / name
    path.write_bytes(data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data)
    return path


def invoke(*args) -> object:
    return CliRunner().invoke(cli.main, [str(a) for a in args])


def assert_as_promised(result, json_output: bool = False) -> None:
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    stderr = result.stderr
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    assert not _CONTROL.search(stderr.replace("\n", "")), repr(stderr)
    for line in stderr.splitlines():
        assert line.startswith(("statdiff: error: ", "statdiff: warning: ", "wrote ")), repr(line)
    if result.exit_code == 2:
        assert stderr.startswith("statdiff: error: ") and stderr.count("\n") == 1, repr(stderr)
    elif json_output:
        json.loads(result.stdout)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz-cli")


@FUZZ
@given(inputs(), file_names(".txt"), st.sampled_from(["", "--json", "--text"]))
def test_parse_keeps_every_promise(workdir, content, name, option):
    data, suffix = content
    path = save(workdir, name + suffix, data)
    result = invoke("parse", path, *([option] if option else []))
    assert_as_promised(result, json_output=option == "--json")
    assert result.exit_code in (0, 2)
    if result.exit_code == 0:
        assert "\ud800" not in result.stdout and not _CONTROL.search(result.stdout.replace("\n", "").replace("\t", ""))


@settings(FUZZ, max_examples=60)
@given(inputs(), inputs(), file_names(".txt"), st.sampled_from(["--json", "--stat", "--no-color"]))
def test_diff_keeps_every_promise(workdir, old, new, name, option):
    old_path = save(workdir, name + old[1], old[0])
    new_path = save(workdir, "new" + new[1], new[0])
    result = invoke("diff", old_path, new_path, option)
    assert_as_promised(result, json_output=option == "--json")
    if result.exit_code != 2 and option == "--no-color":
        assert not _CONTROL.search(result.stdout.replace("\n", "")), repr(result.stdout[:300])


@settings(FUZZ, max_examples=40)
@given(file_names(".html"), st.one_of(st.none(), notes_files()), st.booleans())
def test_redline_writes_whole_or_nothing_and_says_so_on_one_safe_line(workdir, output_name, notes, previous):
    output = save(workdir, output_name, "the previous report")
    if not previous:
        output.unlink()
    arguments = ["redline", HEADLINE_OLD, HEADLINE_NEW, "-o", output]
    if notes is not None:
        notes_path = save(workdir, notes[0], notes[1])
        arguments += ["--notes", notes_path]
    result = invoke(*arguments)
    assert_as_promised(result)
    assert [p.name for p in output.parent.iterdir() if p.name.endswith(".tmp")] == []
    if result.exit_code == 1:
        assert output.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        assert result.stderr.splitlines()[-1].endswith(": 7 changes")
    elif previous:
        assert output.read_text() == "the previous report"
    else:
        assert not output.exists()
