"""The labelled corpus (tests/corpus/): every layout the extractor reads, every unit exactly.

Each document has a label file of the same stem; scripts/extract_quality.py
prints precision and recall over the same labels.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from govgraph.graph.model import RelType
from govgraph.loaders.notice import NoticeError, read_notice
from govgraph.loaders.units import load_registry
from helpers import REPO
from real_corpus import quality

from govgraph.cli import main

CORPUS = REPO / "tests" / "corpus"
CORPUS_UNITS = CORPUS / "units.toml"
FIELDS = ("lead", "responsible", "support")

# Every layout the issue lists, each to be seen in at least two labelled documents.
REQUIRED_LAYOUTS = [
    "bracket-end", "own-lines",
    "label:牵头单位", "label:责任单位", "label:主要责任单位", "label:配合单位", "label:协办单位", "label:参与单位",
    "lead-only", "halfwidth", "fullwidth", "bracket-in-name",
    "sep:、", "sep:，", "sep:,", "sep:；", "trailing-等", "trailing-等部门",
    "broken-line", "broken-blank-line", "page-footer", "elided-prefix",
    "num:(一)", "num:（一）", "num:一、", "num:1.", "num:1．", "num:（1）",
    "alias", "one-line", "no-attributions",
]


def _labels() -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text("utf-8")) for p in sorted(CORPUS.glob("*.json"))}


LABELS = _labels()
GOOD = sorted(n for n, lab in LABELS.items() if "expect_error" not in lab)
BAD = sorted(n for n, lab in LABELS.items() if "expect_error" in lab)


def _path(name: str) -> Path:
    return (CORPUS / LABELS[name].get("path", f"{name}.txt")).resolve()


@pytest.fixture(scope="module")
def notices():
    return {name: read_notice(_path(name)) for name in GOOD}


def test_the_corpus_covers_every_layout_at_least_twice():
    seen = Counter(tag for lab in LABELS.values() for tag in set(lab["layouts"]))
    thin = {tag: seen[tag] for tag in REQUIRED_LAYOUTS if seen[tag] < 2}
    assert not thin, f"layouts with fewer than two labelled documents: {thin}"


@pytest.mark.parametrize("name", GOOD)
def test_every_unit_of_every_measure(notices, name):
    notice, label = notices[name], LABELS[name]
    assert [str(m.number) for m in notice.measures] == list(label["measures"])
    for m in notice.measures:
        expected = label["measures"][str(m.number)]
        for field in FIELDS:
            assert m.units(field) == expected.get(field, []), f"measure {m.number} {field}"


@pytest.mark.parametrize("name", GOOD)
def test_document_title_date_issuer_and_sections(notices, name):
    notice, label = notices[name], LABELS[name]
    assert notice.title == label["title"]
    assert notice.date == label["date"]
    assert notice.issuer == label["issuer"]
    assert len(notice.sections) == label["sections"]


@pytest.mark.parametrize("name", GOOD)
def test_every_span_quotes_the_original_text(notices, name):
    notice = notices[name]
    for m in notice.measures:
        assert notice.text[m.start : m.end] == m.text
        assert m.text.startswith(m.marker)
        for a in m.attributions:
            assert notice.text[a.start : a.end] == a.clause
            assert m.start <= a.start < a.end <= m.end
            for u in a.units:
                assert notice.text[u.start : u.end] == u.as_written
                assert a.start <= u.start < u.end <= a.end


@pytest.mark.parametrize("name", [n for n in GOOD if "aliases" in LABELS[n]])
def test_bracketed_aliases_are_kept_on_the_mention(notices, name):
    mentions = {u.name: u for m in notices[name].measures for a in m.attributions for u in a.units}
    for unit, alias in LABELS[name]["aliases"].items():
        assert mentions[unit].alias == alias
        assert mentions[unit].as_written.endswith(alias + mentions[unit].as_written[-1])


@pytest.mark.parametrize("name", BAD)
def test_documents_without_attributions_are_refused_clearly(name):
    with pytest.raises(NoticeError) as e:
        read_notice(_path(name))
    assert LABELS[name]["expect_error"] in str(e.value)
    assert str(_path(name)) in str(e.value)  # the message names the file


def test_the_quality_script_reports_perfect_figures(capsys):
    assert quality().main(["--strict"]) == 0
    out = capsys.readouterr().out
    assert "| all | lead |" in out and "1.000 | 1.000 |" in out


# ---------------------------------------------------------------------------
# units are resolved, not just split


def _mentions(notices) -> list[str]:
    return [u.name for n in notices.values() for m in n.measures for a in m.attributions for u in a.units]


def test_with_the_corpus_registry_every_unit_resolves(notices):
    registry = load_registry(CORPUS_UNITS)
    unresolved = sorted({name for name in _mentions(notices) if not registry.resolve(name).resolved})
    assert unresolved == []


def test_without_it_unknown_names_stay_unresolved_not_guessed(notices):
    registry = load_registry()
    unresolved = {name for name in _mentions(notices) if not registry.resolve(name).resolved}
    assert {"县司法局", "县住建局", "市委宣传部"} <= unresolved
    # Short forms the bundled registry knows resolve to one canonical unit.
    assert registry.resolve("市市场监督管理局").unit.id == registry.resolve("市市场监管局").unit.id


def test_a_collective_stays_collective_until_its_members_are_supplied():
    bundled = load_registry()
    towns = bundled.resolve("各乡(镇)人民政府、街道办事处").unit
    assert towns.collective and towns.members == ()
    assert bundled.resolve("有关部门").unit.id == "unit:各有关部门"
    assert bundled.resolve("各有关部门").unit.collective
    extended = load_registry(CORPUS_UNITS)
    towns = extended.resolve("各乡（镇）人民政府、街道办事处").unit
    assert [extended.get(m).name for m in towns.members][:2] == ["清溪县城关镇人民政府", "清溪县白沙镇人民政府"]
    includes = [e for e in extended.graph().edges if e.type == RelType.INCLUDES and e.src == towns.id]
    assert len(includes) == 5
    # Anshun's county collectives keep their eight members either way.
    assert len(extended.resolve("各县（区）人民政府（管委会）").unit.members) == 8


@pytest.mark.parametrize("body,message", [
    ('[[members]]\ncollective = "市民政局"\nnames = ["甲"]\n', "not a collective"),
    ('[[members]]\ncollective = "各有关部门"\nnames = "甲"\n', "list of unit names"),
    ('[[collective]]\nname = "各街道"\nkind = "Department"\nmembers = "street.offices"\n', "unknown members"),
])
def test_a_bad_member_list_is_refused_with_its_place(tmp_path, body, message):
    f = tmp_path / "units.toml"
    f.write_text(body, "utf-8")
    with pytest.raises(ValueError, match=message) as e:
        load_registry(f)
    assert str(f) in str(e.value) and "#1" in str(e.value)


# ---------------------------------------------------------------------------
# govgraph extract


def test_extract_json_gives_each_measure_its_units_and_spans():
    path = CORPUS / "12_aliases_collectives.txt"
    res = CliRunner().invoke(main, ["extract", str(path), "--json", "--units", str(CORPUS_UNITS)])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["document"]["title"] == "清溪县“八五”普法依法治理工作实施方案"
    m1 = out["measures"][0]
    assert {"number", "title", "text", "lead", "responsible", "support", "attribution", "marker"} <= set(m1)
    assert m1["lead"] == ["县委宣传部", "县司法局"]
    text = path.read_text("utf-8")
    for a in m1["attribution"]:
        assert text[a["start"] : a["end"]] == a["clause"]
        for u in a["units"]:
            assert text[u["start"] : u["end"]] == u["as_written"] and u["unit_id"]
    assert out["unresolved"] == []
    m3 = out["measures"][2]
    assert m3["lead"] == ["县司法局"] and [a["label"] for a in m3["attribution"]] == ["（牵头）", "责任单位"]


def test_extract_lists_unresolved_names_with_their_place():
    res = CliRunner().invoke(main, ["extract", str(CORPUS / "12_aliases_collectives.txt")])
    assert res.exit_code == 0
    assert "unresolved (kept as written): 县司法局 (measure 1, line 16, column 85, alias 县普法办)" in res.output


@pytest.mark.parametrize("name", BAD)
def test_extract_exits_non_zero_without_attributions(name):
    res = CliRunner().invoke(main, ["extract", str(_path(name))])
    assert res.exit_code == 1
    assert res.output.startswith("error: ") and LABELS[name]["expect_error"] in res.output
    assert "Traceback" not in res.output
