"""Complaint routing (govgraph route, POST /route) without a store: the matcher on
the hand-labelled real complaints in tests/complaints/, bad text, out-of-scope
text, and a user's own taxonomy file."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from api_helpers import client as _client
from api_helpers import problem
from click.testing import CliRunner
from govgraph.queries import routing
from govgraph.queries.answers import InvalidArgument

from govgraph.cli import main

ROOT = Path(__file__).resolve().parents[2]


def _quality_module():
    spec = importlib.util.spec_from_file_location("route_quality", ROOT / "scripts" / "route_quality.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["route_quality"] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def quality():
    mod = _quality_module()
    rows = mod.read_corpus()
    return {part: mod.measure(rows, part) for part in (*mod.SPLITS, "all")}


def test_corpus_is_real_labelled_and_big_enough(quality):
    mod = _quality_module()
    rows = mod.read_corpus()
    assert sum(r.labels != ["out-of-scope"] for r in rows) >= 150
    assert sum(r.labels == ["out-of-scope"] for r in rows) >= 30
    keys = {t.key for t in routing.taxonomy().types} | {"out-of-scope"}
    assert {lab for r in rows for lab in r.labels} <= keys
    assert all(r.split in mod.SPLITS for r in rows)
    text = (ROOT / "tests" / "complaints" / "complaints.csv").read_text("utf-8")
    assert "Rollbear-bot/HelloNLP-TopicC-in-TipDMCup2020" in text.splitlines()[3]


def test_route_meets_the_targets_on_the_tuned_part_and_on_all(quality):
    # the words were tuned on the dev part: there the issue's targets hold; on all
    # (dev + heldout + fresh) they hold too, measured 0.865 top-1 and 0.850 empty
    dev, every = quality["dev"], quality["all"]
    assert dev.accuracy >= 0.85, dev.accuracy
    assert dev.empty_share >= 0.80, dev.empty_share
    assert every.accuracy >= 0.85, every.accuracy
    assert every.empty_share >= 0.82, every.empty_share


def test_route_on_the_untuned_parts_does_not_fall_below_their_measured_floors(quality):
    # never tuned on (docs/routing.md): heldout measured 0.794 top-1 and 0.862 empty,
    # fresh 0.802 and 0.802 — both under the 0.85 top-1 target. Floors a little
    # under the measured figures so a change that loses ground there is seen.
    held, fresh = quality["heldout"], quality["fresh"]
    assert held.accuracy >= 0.77, held.accuracy
    assert held.empty_share >= 0.83, held.empty_share
    assert fresh.accuracy >= 0.78, fresh.accuracy
    assert fresh.empty_share >= 0.78, fresh.empty_share


def test_outside_words_in_the_subject_empty_the_answer_and_say_why():
    text = "投诉A市一中高一年级通过家委会各种收费。年级又要收取各种费用，这是不是违规收费？"
    scored = routing.score(text)
    assert scored.issues and scored.issues[0].key == "fee-arrears"  # the words are there ...
    assert scored.outside_wins and "家委会" in scored.outside_matched  # ... but about a school
    res = routing.route(None, text)
    assert res.issues == []
    assert "outside the issue taxonomy" in res.note and "家委会" in res.note


def test_outside_words_count_only_in_the_subject_line():
    # 开发商 and 交房 in the body do not outweigh a fire lane named in the subject
    text = "小区消防通道被私家车堵塞。" + "说明情况。" * 10 + "开发商交房时承诺的车位也没有兑现"
    assert routing.score(text).outside_score == 0
    assert routing.match(text)[0].key == "fire-lane"


def test_match_names_its_words_and_is_best_first():
    found = routing.match("电梯经常困人，电梯故障一个月了没人修")
    assert found[0].key == "elevator"
    assert "电梯故障" in found[0].matched
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)


def test_text_about_nothing_covered_gets_an_empty_list():
    res = routing.route(None, "希望开通到火车站的公交线路")
    assert res.issues == []
    assert "nothing the issue taxonomy covers" in res.note


@pytest.mark.parametrize("text", ["", "   ", "字" * (routing.MAX_TEXT + 1)])
def test_empty_or_huge_text_is_an_error(text):
    with pytest.raises(InvalidArgument):
        routing.route(None, text)


def test_cli_route_json_and_errors():
    r = CliRunner().invoke(main, ["route", "小区消防通道被车辆堵塞", "--json"])
    assert r.exit_code == 0, r.output
    assert '"key": "fire-lane"' in r.output
    bad = CliRunner().invoke(main, ["route", " "])
    assert bad.exit_code == 1 and "empty" in bad.output


class _NoStore:
    """A store that must not be read: routing words alone needs none."""

    engine = "falkordb"

    def read(self, cypher, params=None):
        raise AssertionError("the store was read")

    async def aread(self, cypher, params=None):
        return self.read(cypher, params)

    def read_only(self, cypher, params=None, **_kw):
        return self.read(cypher, params)

    def close(self) -> None: ...

    async def aclose(self) -> None: ...


def test_post_route_without_a_compound_needs_no_store():
    with _client(_NoStore()) as c:
        body = c.post("/route", json={"text": "物业乱收费，停车费一年涨了三次"}).json()
        assert body["issues"][0]["key"] == "fee-arrears"
        assert set(body["issues"][0]) >= {"key", "name", "score", "matched"}
        assert c.post("/route", json={"text": "希望增开公交"}).json()["issues"] == []
        problem(c.post("/route", json={"text": ""}), 422)
        problem(c.post("/route", json={"text": "  "}), 400, detail="empty")
        problem(c.post("/route", json={"text": "字" * (routing.MAX_TEXT + 1)}), 422)


def test_a_users_taxonomy_file_adds_types(tmp_path, monkeypatch):
    f = tmp_path / "types.toml"
    f.write_text('[routing]\nmin_score = 1\n[[issue]]\nid = "noise"\nname = "噪音"\n'
                 'words = ["噪音"]\n', "utf-8")
    monkeypatch.setenv("GOVGRAPH_ISSUE_TYPES_FILE", str(f))
    assert [m.key for m in routing.match("楼下噪音很大")] == ["noise"]
    # without a [routing.outside] table nothing outweighs a type
    assert routing.taxonomy().outside is None
    assert [m.key for m in routing.match("学校门口噪音很大")] == ["noise"]


@pytest.mark.parametrize("routing_table", ['subject_weight = "x"', "min_score = 0", "outside = 3"])
def test_a_bad_routing_setting_is_an_error_naming_file_and_setting(tmp_path, monkeypatch, routing_table):
    f = tmp_path / "types.toml"
    f.write_text(f'[routing]\n{routing_table}\n[[issue]]\nid = "noise"\nname = "噪音"\n', "utf-8")
    monkeypatch.setenv("GOVGRAPH_ISSUE_TYPES_FILE", str(f))
    with pytest.raises(InvalidArgument) as e:
        routing.match("楼下噪音很大")
    assert str(f) in str(e.value) and routing_table.split(" =")[0] in str(e.value)
