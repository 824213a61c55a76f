"""How the graph spells what people type: unit names in one bracket shape, and
Chinese numerals as numbers.

The loaders write names and measure numbers with these; the queries read what a
user asked with the same ones, so a unit or a measure is found however it was
written.

>>> normalize_name("各县（区） 人民政府")
'各县〔区〕人民政府'
>>> unit_id("市住建局")
'unit:市住建局'
>>> [cn_numeral_to_int(s) for s in ("三", "十一", "二十", "一百零五", "12")]
[3, 11, 20, 105, 12]
>>> int_to_cn_numeral(16)
'十六'
"""

from __future__ import annotations

import re

__all__ = ["CN_DIGITS", "cn_numeral_to_int", "int_to_cn_numeral", "normalize_name", "unit_id"]

_BRACKETS = str.maketrans({"(": "〔", ")": "〕", "（": "〔", "）": "〕", "[": "〔", "]": "〕"})

CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}


def normalize_name(name: str) -> str:
    return re.sub(r"\s+", "", name).translate(_BRACKETS)


def unit_id(name: str) -> str:
    return f"unit:{normalize_name(name)}"


def cn_numeral_to_int(s: str) -> int:
    """'十一' -> 11, '二十' -> 20, '三' -> 3, '12' -> 12."""
    s = s.strip()
    if s.isdigit():
        return int(s)
    if not s or any(ch not in CN_DIGITS and ch not in "十百" for ch in s):
        raise ValueError(f"not a numeral: {s!r}")
    total, current = 0, 0
    for ch in s:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = CN_DIGITS[ch]
    return total + current


def int_to_cn_numeral(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    return str(n)
