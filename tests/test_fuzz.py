"""Property and fuzz tests across the whole pipeline: generated bills, damaged real files,
hostile HTML. Whatever the input, `statdiff.parse` raises nothing but `StatdiffError`,
`statdiff.diff` never crashes and keeps the rebuild invariant, and the CLI exits 0, 1
or 2 without a traceback. (Kept under a minute: small `max_examples`.)"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import statdiff
from statdiff import cli
from statdiff.errors import StatdiffError
from statdiff.model import Document

from conftest import assert_lossless, assert_rebuilds, tree_words
from strategies import CORPUS_FILES, act_texts, bill_texts, bills, hostile_html, mutated_corpus

FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
_counter = itertools.count()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def saved(workdir: Path, data: bytes | str, suffix: str = ".txt") -> Path:
    path = workdir / f"input{next(_counter)}{suffix}"
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def parse_or_refuse(source) -> Document | None:
    """Parse; a `StatdiffError` is an acceptable answer, any other exception fails the test."""
    try:
        return statdiff.parse(source)
    except StatdiffError as refused:
        message = str(refused)
        assert message and "\n" not in message and "Traceback" not in message
        return None




# --- parse ----------------------------------------------------------------------------------


@FUZZ
@given(bills())
def test_generated_bills_parse_and_lose_no_word(bill):
    document = parse_or_refuse(bill.text)
    assert document is not None, f"a well-formed {bill.rendering} bill was refused"
    assert tree_words(document) == bill.words()


@FUZZ
@given(act_texts())
def test_generated_acts_parse_and_lose_no_word(text):
    document = parse_or_refuse(text)
    assert document is not None
    assert tree_words(document) == text.split()


@FUZZ
@given(mutated_corpus())
def test_damaged_real_files_parse_or_are_refused(workdir, data):
    path = saved(workdir, data)
    assert_lossless(parse_or_refuse(path), path)


@FUZZ
@given(hostile_html())
def test_hostile_html_parses_or_is_refused_and_runs_no_script(workdir, data):
    document = parse_or_refuse(saved(workdir, data, suffix=".html"))
    if document is not None:
        words = " ".join(tree_words(document))
        assert "alert(1)" not in words and "Injected" not in words and "display:none" not in words


@FUZZ
@given(st.binary(min_size=1, max_size=4000))
def test_random_bytes_parse_or_are_refused(workdir, data):
    path = saved(workdir, data)
    assert_lossless(parse_or_refuse(path), path)


# --- diff -----------------------------------------------------------------------------------


@FUZZ
@given(bill_texts())
def test_a_generated_bill_against_itself_has_no_changes(text):
    document = parse_or_refuse(text)
    comparison = statdiff.diff(document, document)
    assert comparison.changes == []
    assert_rebuilds(comparison)


@settings(FUZZ, max_examples=60)
@given(bill_texts(), bill_texts())
def test_any_two_generated_bills_compare_and_rebuild(old, new):
    comparison = statdiff.diff(parse_or_refuse(old), parse_or_refuse(new))
    assert_rebuilds(comparison)


@FUZZ
@given(st.sampled_from(CORPUS_FILES), mutated_corpus())
def test_a_real_file_against_a_damaged_one_compares_and_rebuilds(workdir, original, damaged):
    old = parse_or_refuse(original)
    new = parse_or_refuse(saved(workdir, damaged))
    if old is None or new is None:
        return
    assert_rebuilds(statdiff.diff(old, new))


# --- the command line -------------------------------------------------------------------------


def assert_clean_exit(result) -> None:
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.stderr.startswith("statdiff: error: ") and result.stderr.count("\n") == 1


@settings(FUZZ, max_examples=40)
@given(bill_texts().map(str.encode) | mutated_corpus(), st.sampled_from(["", "--json", "--text"]))
def test_cli_parse_exits_0_or_2_without_traceback(workdir, data, option):
    path = saved(workdir, data)
    result = CliRunner().invoke(cli.main, ["parse", str(path)] + ([option] if option else []))
    assert_clean_exit(result)
    assert result.exit_code in (0, 2)


@settings(FUZZ, max_examples=40)
@given(bill_texts(), mutated_corpus(), st.sampled_from(["", "--json", "--stat"]))
def test_cli_diff_exits_0_1_or_2_without_traceback(workdir, text, damaged, option):
    old, new = saved(workdir, text), saved(workdir, damaged)
    result = CliRunner().invoke(cli.main, ["diff", str(old), str(new)] + ([option] if option else []))
    assert_clean_exit(result)
