"""Chinese and Arabic numerals as documents write them.

They live in ``graph.names``, which the query layer shares; the notice reader
uses them from here.
"""

from __future__ import annotations

from ...graph.names import CN_DIGITS, cn_numeral_to_int, int_to_cn_numeral

__all__ = ["CN_DIGITS", "cn_numeral_to_int", "int_to_cn_numeral"]
