"""`--csv` on every list command, on the embedded engine: read back with Python's csv
module, the rows are the rows of `--json` (each command's JSON cut into rows here,
from the JSON alone, as the option's help says). That every such command has
`--csv` at all is tests/unit/test_cli_csv_coverage.py; `analyze` and the first list
commands are also in tests/engine/test_analytics_surfaces.py."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

import pytest
from click.testing import CliRunner
from govgraph.loaders.pipeline import DEFAULT_DOC_ID

from govgraph.cli import main
from govgraph.render import csv_rows

DAY = "2024-06-30"


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    d = tmp_path_factory.mktemp("csv-access")
    return {"GOVGRAPH_AUDIT_LOG": str(d / "audit.jsonl"), "GOVGRAPH_KEYS_FILE": str(d / "keys.json")}


@pytest.fixture(scope="module")
def run(falkor_dir, falkor_store, env):
    runner = CliRunner()

    def _run(*args: str):
        res = runner.invoke(main, ["--data-dir", str(falkor_dir), *args], env=env,
                            catch_exceptions=False)
        assert res.exit_code == 0, res.output
        return res

    return _run


def _read_csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def _duties(answers: list[dict]) -> list[dict]:
    return [{"question": a["question"], **d} for a in answers for d in a["duties"]]


def _leaders(res: dict) -> list[dict]:
    head = {"org": res["org"], "body_type": res["body_type"], "as_of": res["as_of"]}
    return [{**head, "group": g, **x} for g in ("leaders", "party_branch") for x in res[g]]


def _compound(res: dict) -> list[dict]:
    head = {"compound": res["frame"]["compound"], "as_of": res["as_of"]}
    rows = [{**head, "relation": "manages", **m} for m in res["managers"]]
    for label in ("governs", "compound", "community", "street", "county"):
        key = "governing_bodies" if label == "governs" else f"{label}_bodies"
        rows += [{**head, "relation": label, **b} for b in res[key]]
    rows += [{**head, **o, "relation": "oversight", "oversight": o["relation"]}
             for o in res["oversight"]]
    return rows + [{**head, "relation": "gap", "gap": g} for g in res["gaps"]]


def _escalation(res: dict) -> list[dict]:
    rows: list[dict] = []
    for lv in res["levels"]:
        level = {"part": "level", "level": {k: v for k, v in lv.items() if k != "bodies"}}
        rows += [{**level, **b} for b in lv["bodies"]] or [level]
    return rows + [{"part": "handler", **h} for h in res.get("handlers", [])]


def _report(rep: dict) -> list[dict]:
    return [{"engine": rep["engine"], "kind": k, "label": label, "count": n}
            for k, part in (("node", "nodes"), ("edge", "edges"))
            for label, n in sorted(rep[part].items())]


def _same(x: Any) -> Any:
    return x


# (command line, the JSON's rows, extra columns every CSV row carries)
CASES: list[tuple[tuple[str, ...], Callable[[Any], list], dict]] = [
    (("who-leads", "11"), _duties, {}),
    (("who-leads", "--org", "t:org:oc1", "--as-of", DAY), _leaders, {}),
    (("responsible", "13"), _duties, {}),
    (("responsible", "--compound", "t:cpd:1", "--as-of", DAY), _compound, {}),
    (("org-leaders", "t:org:oc1", "--as-of", DAY), _leaders, {}),
    (("escalate",), _escalation, {}),
    (("escalate", "--issue", "fire-lane"), _escalation, {}),
    (("escalate", "--compound", "t:cpd:1", "--issue", "fire-lane", "--as-of", DAY), _escalation,
     {}),
    (("load-report",), _report, {}),
    (("cypher", "MATCH (m:Measure) RETURN m.number AS n, m.title AS title, m AS node "
                "ORDER BY n LIMIT 5"),
     lambda r: [dict(zip(r["columns"], row, strict=True)) for row in r["rows"]], {}),
    (("route", "小区消防通道长期被车辆占用，物业不管"), lambda r: r["issues"], {}),
    (("route", "小区消防通道长期被车辆占用，物业不管", "--compound", "t:cpd:1", "--as-of", DAY),
     lambda r: r["issues"], {}),
    (("cases", "measure", "--by", "street", "--as-of", DAY),
     lambda m: [*m["rows"], m["total"]], {"by": "street", "as_of": DAY}),
    (("cases", "show", "t:case:5", "--as-of", DAY),
     lambda c: [{"case": c["id"], "compound": c["compound"], **s} for s in c["steps"]], {}),
    (("cases", "list", "--as-of", DAY), _same, {}),
    (("unit-load",), _same, {}),
    (("measures", "市住建局"), lambda r: r["duties"], {}),
    (("overlap", DEFAULT_DOC_ID, DEFAULT_DOC_ID), lambda r: r["pairs"], {}),
]


@pytest.mark.parametrize(("args", "rows", "extra"), CASES, ids=[" ".join(c[0][:2]) for c in CASES])
def test_csv_reads_back_as_the_json_rows(run, args, rows, extra):
    answer = json.loads(run(*args, "--json").output)
    expected = csv_rows(rows(answer), **extra)
    assert expected, "the case should list something"
    assert _read_csv(run(*args, "--csv").output) == expected


def test_org_leaders_csv_names_the_people_and_is_logged(run, env):
    """The CLI is admin: CSV shows what the table shows (names, Party membership),
    and each such read is in the audit log, whatever the format."""
    from pathlib import Path

    log = Path(env["GOVGRAPH_AUDIT_LOG"])
    before = len(log.read_text("utf-8").splitlines()) if log.exists() else 0
    rows = _read_csv(run("org-leaders", "t:org:oc1", "--as-of", DAY, "--csv").output)
    assert any(r["person_name"] for r in rows) and {r["group"] for r in rows} >= {"leaders"}
    entries = [json.loads(line) for line in log.read_text("utf-8").splitlines()]
    assert len(entries) == before + 1
    assert entries[-1]["channel"] == "cli" and "t:org:oc1" in entries[-1]["what"]
    assert entries[-1]["persons"] >= 1


def test_keys_list_and_audit_log_csv(run):
    run("keys", "create", "--role", "analyst", "--name", "planning office, 规划")
    run("org-leaders", "t:org:oc1", "--as-of", DAY)
    for args in (("keys", "list"), ("audit-log",)):
        as_json = json.loads(run(*args, "--json").output)
        assert as_json
        assert _read_csv(run(*args, "--csv").output) == csv_rows(as_json)
    [key] = _read_csv(run("keys", "list", "--csv").output)
    assert key["name"] == "planning office, 规划" and "hash" not in key


def test_json_and_csv_together_is_a_usage_error(falkor_dir, falkor_store, env):
    res = CliRunner().invoke(main, ["--data-dir", str(falkor_dir), "who-leads", "11", "--json",
                                    "--csv"], env=env)
    assert res.exit_code == 2 and "not both" in res.output

