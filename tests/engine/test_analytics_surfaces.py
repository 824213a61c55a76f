"""The analyst's bench on its surfaces, on the embedded engine: `govgraph analyze`
(table, --json, --csv that reads back as the JSON's rows), --csv on the list
commands, `govgraph draw --chart`, and the /analytics routes with their pages,
errors and plots."""

from __future__ import annotations

import csv
import io
import json

import pytest
from api_helpers import client, problem
from click.testing import CliRunner
from govgraph.loaders.pipeline import DEFAULT_DOC_ID

from govgraph.cli import main
from govgraph.render import csv_rows

QUESTIONS = [("degree",), ("centrality",), ("communities",), ("concentration",),
             ("unled", "--include-led"), ("hierarchy",),
             ("diff", "--doc", DEFAULT_DOC_ID, "--doc", DEFAULT_DOC_ID),
             ("brokers", "--compound", "t:cpd:1", "--as-of", "2024-06-30"),
             ("hierarchy", "--place", "t:street:1", "--as-of", "2024-06-30"),
             ("brokers", "--place", "t:street:1", "--as-of", "2024-06-30")]


@pytest.fixture(scope="module")
def run(falkor_dir, falkor_store):
    runner = CliRunner()

    def _run(*args: str):
        return runner.invoke(main, ["--data-dir", str(falkor_dir), *args], catch_exceptions=False)

    return _run


def _read_csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def _json_rows(question: str, answer: dict) -> list[dict]:
    if question == "diff":
        return ([{"change": "gained", "unit": u} for u in answer["gained"]]
                + [{"change": "lost", "unit": u} for u in answer["lost"]]
                + [{"change": "moved", **m} for m in answer["moved"]])
    return answer["items"]


@pytest.mark.parametrize("args", QUESTIONS, ids=[" ".join(q[:2]) for q in QUESTIONS])
def test_analyze_table_json_and_csv_agree(run, args):
    table = run("analyze", *args)
    assert table.exit_code == 0, table.output
    assert "computed from" in table.output and "generation" in table.output
    answer = json.loads(run("analyze", *args, "--json").output)
    assert answer["basis"]["generation"] and answer["basis"]["documents"]
    text = run("analyze", *args, "--csv").output
    basis = {"basis.documents": [d["doc"] for d in answer["basis"]["documents"]],
             "basis.generation": answer["basis"]["generation"]}
    assert _read_csv(text) == csv_rows(_json_rows(args[0], answer), **basis)


def test_analyze_csv_reads_back_with_the_housing_bureau_first(run):
    rows = _read_csv(run("analyze", "centrality", "--csv").output)
    assert rows[0]["unit.name"] == "市住房城乡建设局" and rows[0]["rank"] == "1"
    assert rows[0]["basis.documents"] == json.dumps([DEFAULT_DOC_ID])


@pytest.mark.parametrize("args", [("unit-load",), ("diffuse", "--min-responsible", "5"),
                                  ("measures", "市住建局"), ("compounds",),
                                  ("audit", "ungoverned"), ("places", "和平"), ("documents",),
                                  ("search", "委员会", "--limit", "30"),
                                  ("overlap", DEFAULT_DOC_ID, DEFAULT_DOC_ID),
                                  ("cases", "list", "--as-of", "2024-06-30")])
def test_list_commands_csv_round_trips(run, args):
    as_json = json.loads(run(*args, "--json").output)
    items = {"measures": lambda: as_json["duties"],
             "overlap": lambda: as_json["pairs"]}.get(args[0], lambda: as_json)()
    assert items, "the case should list something"
    assert _read_csv(run(*args, "--csv").output) == csv_rows(items)


def test_analyze_errors(run):
    res = run("analyze", "brokers")
    assert res.exit_code == 2 and "--compound" in res.output
    res = run("analyze", "degree", "--doc", "nope")
    assert res.exit_code == 2 and "no document 'nope'" in res.output
    res = run("analyze", "brokers", "--compound", "nowhere")
    assert res.exit_code == 2 and "unknown compound" in res.output
    assert run("analyze", "degree", "--json", "--csv").exit_code == 2
    res = run("analyze", "brokers", "--compound", "t:cpd:1", "--place", "t:street:1")
    assert res.exit_code == 2 and "--place" in res.output
    res = run("analyze", "degree", "--place", "t:street:1")
    assert res.exit_code == 2 and "--place is for hierarchy and brokers" in res.output
    res = run("analyze", "hierarchy", "--place", "area:安顺市")
    assert res.exit_code == 1 and "never the whole city" in res.output


def test_analyze_a_street(run):
    out = run("analyze", "brokers", "--place", "t:street:1", "--as-of", "2024-06-30").output
    assert "测试街道 (t:street:1, street): 4 compounds" in out
    assert "reach no county or city body: 小巷一号院、小巷二号院" in out
    assert "street t:street:1 on 2024-06-30 (4 compounds" in out


@pytest.mark.parametrize("chart", ["load", "concentration", "centrality", "communities"])
def test_draw_charts(run, tmp_path, chart):
    png, svg = tmp_path / f"{chart}.png", tmp_path / f"{chart}.svg"
    assert run("draw", "--chart", chart, "--out", str(png)).exit_code == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert run("draw", "--chart", chart, "--doc", DEFAULT_DOC_ID, "--out", str(svg)).exit_code == 0
    assert "<svg" in svg.read_text("utf-8")


# ---------------------------------------------------------------------------
# HTTP


@pytest.fixture
def api(falkor_store):
    with client(falkor_store) as c:
        yield c


def test_analytics_pages_carry_their_basis(api):
    res = api.get("/analytics/centrality", params={"limit": 5})
    assert res.status_code == 200, res.text
    body = res.json()
    assert body["total"] == 21 and len(body["items"]) == 5 and body["next"]
    assert body["items"][0]["unit"]["name"] == "市住房城乡建设局"
    assert body["basis"]["generation"] and body["basis"]["documents"][0]["doc"] == DEFAULT_DOC_ID
    second = api.get(body["next"]).json()
    assert second["items"][0]["rank"] == 6
    com = api.get("/analytics/communities", params={"doc": DEFAULT_DOC_ID}).json()
    assert com["total"] == 2 and com["modularity"] > 0 and com["basis"]["seed"] == 7
    for path in ("degree", "concentration", "unled", "hierarchy"):
        assert api.get(f"/analytics/{path}").status_code == 200


def test_analytics_diff_and_brokers(api):
    d = api.get("/analytics/diff", params={"doc_a": DEFAULT_DOC_ID, "doc_b": DEFAULT_DOC_ID}).json()
    assert d["gained"] == [] and d["lost"] == [] and len(d["moved"]) == 21
    b = api.get("/analytics/brokers/t:cpd:1", params={"as_of": "2024-06-30"}).json()
    assert [x["body"]["id"] for x in b["items"]] == ["t:co:A", "t:org:street1"]
    p = api.get("/analytics/brokers", params={"place": "t:street:1", "as_of": "2024-06-30",
                                              "limit": 2}).json()
    assert p["total"] == 3 and [x["body"]["id"] for x in p["items"]] == ["t:org:street1", "t:co:A"]
    assert p["next"] and p["compounds"] == 4 and len(p["bridges"]) == 4
    assert [c["id"] for c in p["cut_off"]] == ["t:cpd:5", "t:cpd:6"]
    assert p["basis"]["place"] == "t:street:1" and p["place"]["name"] == "测试街道"
    h = api.get("/analytics/hierarchy", params={"place": "t:cpd:3", "as_of": "2024-06-30"}).json()
    assert h["total"] == 9 and h["basis"]["place_level"] == "compound"


def test_analytics_errors_are_problems(api):
    problem(api.get("/analytics/degree", params={"doc": "nope"}), 404, "not-found", "nope")
    problem(api.get("/analytics/brokers/nowhere"), 404, "not-found", "unknown compound")
    problem(api.get("/analytics/unled", params={"min_communities": 0}), 422)
    problem(api.get("/analytics/pie/plot"), 422)
    problem(api.get("/analytics/brokers", params={"place": "nowhere"}), 404, "not-found",
            "unknown place")
    problem(api.get("/analytics/hierarchy", params={"place": "area:安顺市"}), 400)
    problem(api.get("/analytics/brokers"), 422)


@pytest.mark.parametrize("fmt,magic", [("png", b"\x89PNG"), ("svg", b"<?xml")])
def test_analytics_plots(api, fmt, magic):
    res = api.get("/analytics/communities/plot", params={"format": fmt})
    assert res.status_code == 200
    assert res.headers["content-type"].startswith("image/")
    assert res.content.startswith(magic)
