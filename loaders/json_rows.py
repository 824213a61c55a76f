"""Read a JSON array one element at a time, with the line each element starts on.

A registry's ``kind.json`` is an array of objects. ``json.loads`` would hold the
whole file and every object at once, so memory would grow with the city; this
reads the array element by element with the standard library's own decoder
(``json.JSONDecoder.raw_decode``) over a bounded buffer, so each element means
exactly what ``json.loads`` makes of it, and a bad element or a syntax error is
named by its line, as a CSV row is.

ijson was tried first: its C backend refuses integers past 64 bits that
``json.loads`` reads, yields nothing for a top-level object instead of failing,
and names errors by neither line nor byte.

>>> import io
>>> text = '[\\n  {"id": "a"},\\n  {"id": "b"}\\n]\\n'
>>> list(json_array_items(io.BytesIO(text.encode())))
[(2, {'id': 'a'}), (3, {'id': 'b'})]
>>> try:
...     list(json_array_items(io.BytesIO(b'[{"id": "a"},\\n {"id": }]')))
... except JSONArrayError as e:
...     print(e)
line 2: not valid JSON: Expecting value
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

CHUNK_BYTES = 1 << 20
# An element still not decodable with this much text after it is malformed, not
# cut off by the buffer: no registry row comes near this size.
MAX_ELEMENT_CHARS = 64 << 20

_SPACE = re.compile(r"[ \t\n\r]*")


class JSONArrayError(ValueError):
    """The file is not a JSON array, or is not valid JSON: ``line`` (1-based,
    where the reader stopped) and ``reason``."""

    def __init__(self, line: int, reason: str) -> None:
        self.line, self.reason = line, reason
        super().__init__(f"line {line}: {reason}")


class _Reader:
    """Decoded text in a window that slides over the file: ``buf[pos:]`` is unread,
    ``line`` is the line ``pos`` is on."""

    def __init__(self, fh: BinaryIO, chunk: int) -> None:
        self.fh, self.chunk = fh, chunk
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.bytes_read = 0
        self.buf, self.pos, self.line, self.eof = "", 0, 1, False

    def fill(self) -> None:
        data = self.fh.read(self.chunk)
        pending = len(self.decoder.getstate()[0])
        try:
            text = self.decoder.decode(data, final=not data)
        except UnicodeDecodeError as e:
            byte = self.bytes_read - pending + e.start
            raise JSONArrayError(self.line + self.buf.count("\n", self.pos),
                                 f"not UTF-8 text (byte {byte})") from None
        self.bytes_read += len(data)
        self.eof = not data
        self.buf = self.buf[self.pos:] + text
        self.pos = 0

    def advance(self, to: int) -> None:
        self.line += self.buf.count("\n", self.pos, to)
        self.pos = to

    def peek(self) -> str:
        """The next character that is not white space ('' at the end of the file)."""
        while True:
            end = _SPACE.match(self.buf, self.pos).end()  # type: ignore[union-attr]
            self.advance(end)
            if end < len(self.buf) or self.eof:
                return self.buf[end:end + 1]
            self.fill()

    def value(self, decoder: json.JSONDecoder) -> Any:
        while True:
            try:
                value, end = decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as e:
                if not self.eof and len(self.buf) - self.pos < MAX_ELEMENT_CHARS:
                    self.fill()
                    continue
                raise JSONArrayError(self.line + self.buf.count("\n", self.pos, e.pos),
                                     f"not valid JSON: {e.msg}") from None
            if end == len(self.buf) and not self.eof:
                self.fill()  # a number cut by the buffer (12|34) reads on
                continue
            self.advance(end)
            return value

    def fail(self, reason: str) -> JSONArrayError:
        return JSONArrayError(self.line, reason)


def json_array_items(fh: BinaryIO, chunk: int = CHUNK_BYTES) -> Iterator[tuple[int, Any]]:
    """Yield (line, element) for each element of the JSON array in ``fh`` (UTF-8,
    a byte-order mark allowed), reading at most about ``chunk`` bytes ahead.
    Raises ``JSONArrayError`` naming the line where the file stops being a JSON array."""
    r = _Reader(fh, max(1, chunk))
    decoder = json.JSONDecoder()
    c = r.peek()
    if c != "[":
        raise r.fail("expected a JSON array of objects" if c else "not valid JSON: Expecting value")
    r.advance(r.pos + 1)
    if r.peek() == "]":
        r.advance(r.pos + 1)
    else:
        while True:
            if not r.peek():
                raise r.fail("not valid JSON: Expecting value")
            line = r.line
            yield line, r.value(decoder)
            c = r.peek()
            if c == "]":
                r.advance(r.pos + 1)
                break
            if c != ",":
                raise r.fail("not valid JSON: Expecting ',' delimiter" if c
                             else "not valid JSON: the array is not closed")
            r.advance(r.pos + 1)
    if r.peek():
        raise r.fail("not valid JSON: Extra data")
