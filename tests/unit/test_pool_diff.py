"""scripts/pool_diff.py: what a change to the extractor changes on unlabelled documents."""

from __future__ import annotations

from pathlib import Path

from real_corpus import script

pd = script("pool_diff")


def test_readings_and_their_changes(tmp_path: Path):
    (tmp_path / "a.txt").write_text("# source: nowhere\n\n第三条 市财政局负责资金保障。\n第四条 市公安局配合做好治安。\n", "utf-8")
    (tmp_path / "b.txt").write_text("本文没有任何分工。\n", "utf-8")
    before = pd.read_directory(tmp_path)
    assert before["b.txt"].keys() == {"refused"}
    assert [units for _, units in before["a.txt"]["measures"]] == [[["responsible", "市财政局"]],
                                                                   [["support", "市公安局"]]]
    assert pd.changes(before, before) == []
    after = {"a.txt": {"measures": [before["a.txt"]["measures"][0],
                                    [before["a.txt"]["measures"][1][0], [["responsible", "市公安局"]]]]},
             "b.txt": {"measures": [["第一条 …", [["responsible", "市人民政府"]]]]}}
    lines = pd.changes(before, after)
    assert lines[0].startswith("a.txt: measure '第四条") and "- support 市公安局; + responsible 市公安局" in lines[0]
    assert lines[1].startswith("b.txt: refused (") and lines[1].endswith("→ 1 measures")
