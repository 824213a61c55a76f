"""A JSON registry file is read one element at a time (loaders/json_rows.py): the
same values json.loads gives, the line each element starts on, and errors named
by line, whatever the buffer size."""

from __future__ import annotations

import io
import json

import pytest
from govgraph.loaders.json_rows import JSONArrayError, json_array_items
from helpers import examples
from hypothesis import given, settings
from hypothesis import strategies as st

SCALARS = st.one_of(st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30),
                    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=12))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)), max_leaves=8)
ROWS = st.lists(st.dictionaries(st.text(max_size=8), VALUES, max_size=4), max_size=6)


def items(data: bytes, chunk: int = 1 << 20) -> list[tuple[int, object]]:
    return list(json_array_items(io.BytesIO(data), chunk=chunk))


@settings(max_examples=examples(150), deadline=None)
@given(rows=ROWS, chunk=st.integers(min_value=1, max_value=64), indent=st.sampled_from([None, 0, 2]),
       ascii_=st.booleans())
def test_same_values_as_json_loads_whatever_the_buffer(rows, chunk, indent, ascii_):
    text = json.dumps(rows, indent=indent, ensure_ascii=ascii_)
    got = items(text.encode(), chunk)
    assert [v for _, v in got] == json.loads(text)


@settings(max_examples=examples(100), deadline=None)
@given(rows=ROWS, chunk=st.integers(min_value=1, max_value=64), blank=st.integers(0, 2))
def test_each_element_is_named_by_the_line_it_starts_on(rows, chunk, blank):
    lines = ["["] + [""] * blank
    starts = []
    for i, row in enumerate(rows):
        starts.append(len(lines) + 1)
        lines.append(json.dumps(row, ensure_ascii=False) + ("," if i < len(rows) - 1 else ""))
    lines.append("]")
    got = items("\n".join(lines).encode(), chunk)
    assert [line for line, _ in got] == starts


def test_a_byte_order_mark_and_big_integers_read_as_json_loads_reads_them():
    data = '\ufeff[{"id": "a", "n": 123456789012345678901234567890}]'.encode()
    assert items(data, chunk=3) == [(1, {"id": "a", "n": 123456789012345678901234567890})]


def test_a_number_cut_by_the_buffer_reads_whole():
    assert items(b"[12345, 6]", chunk=3) == [(1, 12345), (1, 6)]


def test_an_empty_array_has_no_elements():
    assert items(b" [ \n ] \n") == []


@pytest.mark.parametrize("data, line, reason", [
    (b"", 1, "not valid JSON: Expecting value"),
    (b'{"id": "a"}', 1, "expected a JSON array of objects"),
    (b'[\n{"id": "a"},\n]', 3, "not valid JSON: Expecting value"),
    (b'[\n{"id": "a"}\n{"id": "b"}]', 3, "not valid JSON: Expecting ',' delimiter"),
    (b'[\n{"id": "a"}', 2, "not valid JSON: the array is not closed"),
    (b'[\n{"id": "a"},', 2, "not valid JSON: Expecting value"),
    (b'[{"id": "a"}]\n\nx', 3, "not valid JSON: Extra data"),
    (b'[\n{"id": "a",\n "n": }]', 3, "not valid JSON: Expecting value"),
    (b'[\n{"id": "a\n"}]', 2, "not valid JSON: Invalid control character at"),
])
@pytest.mark.parametrize("chunk", [1, 4, 1 << 20])
def test_not_an_array_or_not_json_is_named_by_line(data, line, reason, chunk):
    with pytest.raises(JSONArrayError) as err:
        items(data, chunk)
    assert err.value.line == line
    assert err.value.reason == reason


@pytest.mark.parametrize("chunk", [1, 5, 1 << 20])
def test_bytes_that_are_not_utf8_are_named_by_byte(chunk):
    data = '[{"id": "汉"},\n{"id": "'.encode() + b"\xff" + b'"}]'
    with pytest.raises(JSONArrayError) as err:
        items(data, chunk)
    bad = data.index(b"\xff")
    assert err.value.reason == f"not UTF-8 text (byte {bad})"


def test_reading_stays_a_bounded_distance_ahead():
    row = b'{"id": "' + b"x" * 100 + b'"},\n'
    data = b"[" + row * 10_000 + b'{"id": "end"}]'

    class Counting(io.BytesIO):
        def read(self, n=-1):  # type: ignore[override]
            assert 0 < n <= 4096, "reads in bounded chunks"
            return super().read(n)

    fh = Counting(data)
    seen = 0
    for line, _value in json_array_items(fh, chunk=4096):
        seen += 1
        assert fh.tell() - (line - 1) * len(row) <= 4096 + 2 * len(row)
    assert seen == 10_001
