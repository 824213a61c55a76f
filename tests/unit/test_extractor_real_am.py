"""Round AM (batches BK–BM, 总则 chapters of local regulations): how a written unit phrase becomes unit
names, stated over the grammar of these chapters and checked for frequency and precision on an
unlabelled pool of other regulations' first chapters. In a list of sectors closed by 等…部门, 以及 joins two
sectors as 、 does. Each rule is pinned on constructed variants: sentences written for these tests,
marked *constructed*, with sectors, verbs and places the corpus never uses (and on the real documents it
makes exact, tests/corpus_real/, see its README). Constructed variants are not real documents and count
in no score."""

from __future__ import annotations

import pytest
from real_corpus import clause_roles

# --- 1. 以及 inside a typed list of sectors ------------------------------------------------------------


@pytest.mark.parametrize(("text", "units"), [
    ("林业、畜牧以及人民防空等部门负责本县护林工作。", ["林业", "畜牧", "人民防空"]),
    ("县林业、畜牧以及人民防空等部门负责本县护林工作。", ["县林业", "县畜牧", "县人民防空"]),
    # set off by a comma, the `按照职责` cue after it (r2044 第五条's shape)
    ("统计、审计以及粮食和物资储备、地震等有关部门，在各自职责范围内做好防震减灾的相关工作。",
     ["统计", "审计", "粮食和物资储备", "地震"]),
    ("邮政管理、气象以及海事等部门依据各自职责，做好航道保护相关工作。", ["邮政管理", "气象", "海事"]),
])
def test_two_sectors_joined_by_yiji_in_a_typed_list(text, units):
    # constructed: sectors the corpus never lists this way
    assert clause_roles(text) == [("responsible", units)]


@pytest.mark.parametrize("text", [
    "林业、档案以及其他有关部门负责本县护林工作。",  # a collective joined on: no sector pair
    "林业、档案以及有关单位等部门负责本县护林工作。",
])
def test_yiji_before_a_collective_is_no_sector_pair(text):
    # constructed
    names = [n for _r, us in clause_roles(text) for n in us]
    assert "档案" not in names
