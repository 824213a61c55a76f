"""Persons named to a post of responsibility in running text: officials, never units.

Two shapes, read where running text is (see running_text.subject_clauses):

- a group of persons made the post by a copula: ``各村主要负责人是减量化工作的第一责任人``,
  ``村居委主要负责人为本辖区消防安全工作负责人`` (r604);
- persons made a chair by 由…担任 and then the post: ``由行政主要领导担任主任，并作为乡镇基层
  消防安全综合治理的主要责任人`` (r604).

The post, as a role, is the compound after the last 的 and after a scope word
(本辖区, 本地区): ``主要责任人``, ``消防安全工作负责人``.

>>> text = "由行政主要领导担任主任，并作为乡镇基层消防安全综合治理的主要责任人，成员由各办组成。"
>>> [(o.name, o.role) for o in served_posts(text, 0, len(text))]
[('行政主要领导', '主要责任人')]
"""

from __future__ import annotations

import re

from .model import Official
from .persons import is_person_group

# 是/为 + what the post covers + the post. A post of responsibility: 第一责任人, 主要责任人,
# 消防安全工作负责人. Not after a verb stating a rule (see running_text).
NAMED_POST_RE = re.compile(r"(?:是|为)(?P<label>[^，,；;。\n]{0,20}?(?:第一|主要)?(?:责任人|负责人))"
                           r"(?![\u4e00-\u9fff])")
_SCOPE_RE = re.compile(r"^(?:本辖区|本地区|本区域|本单位|本村|本居|辖区)")
# 由X担任主任，并作为…主要责任人: the persons, the chair they take, then the post.
_SERVES_THEN_RE = re.compile(r"由(?P<names>[^，,。；;：:由\n]{2,20}?)担任[^，,。；;：:\n]{1,10}[，,]"
                             r"(?:并|同时)?(?:作为|为|是)(?P<label>[^，,；;。\n]{0,30}?(?:责任人|负责人))"
                             r"(?![\u4e00-\u9fff])")


def post_label(label: str) -> str:
    """The post a label names: after its last 的 and its scope word (本辖区消防安全工作负责人 →
    消防安全工作负责人)."""
    label = label[label.rfind("的") + 1 :]
    return _SCOPE_RE.sub("", label) or label


def served_posts(text: str, start: int, end: int) -> list[Official]:
    """Groups of persons given a chair by 由…担任 and then a post (see _SERVES_THEN_RE)."""
    out: list[Official] = []
    for m in _SERVES_THEN_RE.finditer(text, start, end):
        names = [(n.start(), n.group(0)) for n in re.finditer(r"[^、]+", m.group("names"))]
        if not names or not all(is_person_group(g) for _o, g in names):
            continue
        role = post_label(m.group("label"))
        base = m.start("names")
        out += [Official(name=g, role=role, as_written=g, start=base + o, end=base + o + len(g))
                for o, g in names]
    return out
