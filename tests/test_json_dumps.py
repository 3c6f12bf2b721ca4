"""`render.json_out.dumps` writes the very text `json.dumps(value, ensure_ascii=False,
indent=2)` writes (it is a faster writer of the same JSON), errors included."""

from __future__ import annotations

import json
from enum import IntEnum, StrEnum

import pytest
from hypothesis import given
from hypothesis import strategies as st

from statdiff.render.json_out import dumps


def reference(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
                    st.text())
KEYS = st.one_of(st.text(), st.integers(), st.floats(allow_nan=False), st.booleans(), st.none())
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=5),
                                                        st.lists(inner, max_size=3).map(tuple),
                                                        st.dictionaries(KEYS, inner, max_size=5)),
                      max_leaves=40)


@given(VALUES)
def test_the_same_text_as_json(value: object) -> None:
    assert dumps(value) == reference(value)


class Count(IntEnum):
    ONE = 1


class Kind(StrEnum):
    SECTION = "section"


def test_subclasses_of_str_and_int_as_json_writes_them() -> None:
    value = {"kind": Kind.SECTION, Count.ONE: [Count.ONE, Kind.SECTION], "é\u2028\x01\"\\": "\n\t"}
    assert dumps(value) == reference(value)


@pytest.mark.parametrize("value", [{"a": object()}, [{1, 2}], {(1, 2): "tuple key"}])
def test_what_json_cannot_write_is_the_same_error(value: object) -> None:
    with pytest.raises(TypeError) as expected:
        reference(value)
    with pytest.raises(TypeError) as got:
        dumps(value)
    assert str(got.value) == str(expected.value)


def test_a_container_inside_itself_is_an_error() -> None:
    looped: list[object] = [1]
    looped.append({"again": looped})
    with pytest.raises(ValueError, match="Circular reference detected"):
        reference(looped)
    with pytest.raises(ValueError, match="Circular reference detected"):
        dumps(looped)


def test_a_value_repeated_is_no_loop() -> None:
    shared = {"a": [1, 2]}
    value = [shared, shared, {"b": shared}]
    assert dumps(value) == reference(value)


def test_the_writer_holds_about_two_copies_of_the_text_at_most():
    """A redline view of a large Act is one container of thousands: at the peak the writer
    holds the joined text of the largest container and the text it returns, not also the
    list of its members (a third copy: 1.4 MB more for the chapter-620 pair at 8x). Sizes,
    not time: the peak of Python's allocations while a 1.8 MB JSON text is written."""
    import tracemalloc

    view = {"old": {"name": "a"}, "sections": [
        {"path": f"10 ILCS 5/{number}", "heading": "x" * 40, "status": "unchanged",
         "old_source": {"start": {"page": None, "line": None}, "end": {"page": None, "line": None}},
         "changes": [], "act": "10 ILCS 5"} for number in range(5000)]}
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        text = dumps(view)
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert text == reference(view)
    assert peak < 2.5 * len(text)  # ASCII: a byte a character, and a copy is being made
