"""scripts/label_agreement.py: a second labelling of real documents scored against the first
with the extractor's own scorer (in order and aligned by text)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from real_corpus import REAL, script

la = script("label_agreement")


def test_a_labelling_agrees_with_itself_and_a_missed_measure_costs_only_its_units():
    text = "第三条 市人民政府负责全市工作。\n第四条 市财政局负责资金保障。\n第五条 市公安局配合做好治安。\n"
    first = la.Labelled(["市人民政府负责全市工作", "市财政局负责资金保障", "市公安局配合做好治安"],
                        [la.Counter({("responsible", "市人民政府"): 1}),
                         la.Counter({("responsible", "市财政局"): 1}),
                         la.Counter({("support", "市公安局"): 1})])
    same = la.agree("doc", first, first)
    assert same.alike and same.in_order.f1 == 1.0 and same.aligned.overall.f1 == 1.0
    # the second labeller saw no duty in 第四条: in order every later pair shifts, aligned only it is lost
    second = la.Labelled([first.texts[0], first.texts[2]], [first.triples[0], first.triples[2]],
                         [text[text.find(t) + len(t):][:60] for t in (first.texts[0], first.texts[2])])
    r = la.agree("doc", first, second)
    assert not r.alike
    assert (r.in_order.gold, r.in_order.predicted, r.in_order.correct) == (3, 2, 1)
    assert (r.aligned.overall.gold, r.aligned.overall.predicted, r.aligned.overall.correct) == (3, 2, 2)


def test_the_script_scores_a_directory_of_second_labellings(tmp_path: Path, capsys):
    first = sorted(REAL.glob("r1960_*.json"))[0]
    label = json.loads(first.read_text("utf-8"))
    shutil.copy(first, tmp_path / first.name)
    m = label["measures"]["1"]
    m["responsible"] = m["responsible"][:-1]  # one unit left out
    other = tmp_path / "other"
    other.mkdir()
    (other / first.name).write_text(json.dumps(label, ensure_ascii=False), "utf-8")
    assert la.main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "| second labelling against the first | 1 | 1 | 1.000 | 1.000 |" in out
    assert la.main([str(other), "-v"]) == 0
    out = capsys.readouterr().out
    assert "| second labelling against the first | 1 | 0 |" in out and "missed responsible" in out
