"""Readings added for held-out batches B (r400–r411) and C (r450–r454).

Each reading is pinned on a small written case and on the real document that
showed it; a document read exactly is held there (evaluate_real_document).
"""

from __future__ import annotations

import importlib.util
import sys

import pytest
from govgraph.loaders.notice import NoticeError, parse_notice
from helpers import REPO

REAL = REPO / "tests" / "corpus_real"


def _quality():
    spec = importlib.util.spec_from_file_location("extract_quality_bc", REPO / "scripts" / "extract_quality.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["extract_quality_bc"] = mod
    spec.loader.exec_module(mod)
    return mod


Q = _quality()


def _exact(stem: str) -> None:
    res = Q.evaluate_real_document(REAL / f"{stem}.json")
    assert res.exact, res.problems


def _notice(stem: str):
    _header, text = Q.read_real(REAL / f"{stem}.txt")
    return parse_notice(text, source=f"{stem}.txt")


def test_bare_name_brackets_alone_in_a_document_are_responsible():
    text = ("某区方案\n1.防治河流垃圾入海。做好闸口漂浮垃圾打捞。（区水务局、相关沿海街镇）\n"
            "2.加强上岸后的监管。规范垃圾暂存。(区绿化市容局、各岸段使用或管理单位)\n")
    notice = parse_notice(text)
    assert [m.units("responsible") for m in notice.measures] == [
        ["区水务局", "相关沿海街镇"], ["区绿化市容局", "各岸段使用或管理单位"]]
    # one bracket of names is a note, not an attribution: still refused
    with pytest.raises(NoticeError, match="no attributions found"):
        parse_notice("某区方案\n1.加强监管。规范暂存。（区水务局）\n2.做好宣传。\n")
    notice = _notice("r404_baoshan_hyljql_2025")
    assert notice.measure(2).units("responsible") == ["区水务局", "相关沿海街镇", "各岸段使用或管理单位"]
    assert len(notice.measures) == 8


def test_a_related_departments_line_is_responsible():
    text = ("某区方案\n（一）全面排查\n排查全区道路。\n相关部门：区建设管理委、属地街道等。\n"
            "（二）制定方案\n制定方案。\n相关部门：区绿容局。\n")
    notice = parse_notice(text)
    assert [m.units("responsible") for m in notice.measures] == [["区建设管理委", "属地街道"], ["区绿容局"]]


def test_sub_items_each_with_their_own_attribution_are_the_measures():
    text = ("某区方案\n（一）全面排查\n排查。\n相关部门：区建设管理委。\n"
            "（二）整治提升\n分类整治。\n1.移交接管类\n接管。\n相关部门：区公安分局。\n"
            "2.自治管理类\n自治。\n相关部门：属地街道。\n")
    notice = parse_notice(text)
    assert [m.units("responsible") for m in notice.measures] == [["区建设管理委"], ["区公安分局"], ["属地街道"]]
    _exact("r406_yangpu_nbdl_2025")
