"""The benchmark's own logic that needs no engine: its command line and how it
files the Neo4j JVM's samples (the end-to-end smoke runs are in
tests/system/test_bench_smoke.py)."""

from __future__ import annotations

import sys

import pytest
from helpers import REPO

sys.path.insert(0, str(REPO))  # `bench` is a folder of the repository, not an installed package


def test_server_samples_are_put_under_the_innermost_neo4j_subsystem():
    from bench import jfr

    frames = [("java.util.HashMap", "get"), ("org.neo4j.lock.ReentrantLockService", "acquire"),
              ("org.neo4j.internal.recordstorage.TransactionRecordState", "extractCommands"),
              ("org.neo4j.bolt.protocol.Worker", "run")]
    assert jfr.subsystem(frames) == "locks"
    assert jfr.subsystem(frames[2:]) == "record store and commit commands"
    assert jfr.subsystem([("java.lang.Thread", "run")]) == "other (JDK, collections)"
    assert jfr._ms("PT0.0125S") == 12.5


def test_repeat_below_one_is_refused(capsys):
    from bench.__main__ import main

    with pytest.raises(SystemExit) as e:
        main(["run", "--repeat", "0", "--no-write"])
    assert e.value.code == 2
    assert "--repeat must be at least 1, not 0" in capsys.readouterr().err



def test_load_no_load_without_a_neo4j_uri_is_refused(capsys):
    from bench.__main__ import main

    with pytest.raises(SystemExit) as e:
        main(["load", "--engines", "neo4j", "--no-load", "--api", "--no-write"])
    assert e.value.code == 2
    assert "give Neo4j's with --neo4j-uri" in capsys.readouterr().err


def test_api_report_names_the_best_alone_level_and_the_shortfall():
    from bench import api_load

    def row(way: str, c: int, rps: float, errors: int = 0) -> dict:
        return {"engine": "neo4j", "size": 10_000_000, "label": "10M", "way": way,
                "endpoint": "point lookup: GET /measures/11/leads", "concurrency": c,
                "seconds": 5.0, "workers": 2, "requests_per_s": rps, "p50_ms": 1.0,
                "p99_ms": 3.0, "errors": errors, "loadavg_start": (2.0, 2.0, 2.0),
                "loadavg_end": (2.5, 2.0, 2.0), "api_cpu_s": 9.0, "db_cpu_s": 3.0}

    rows = [row("shared", 64, 6000), row("alone", 16, 1500), row("alone", 64, 1600),
            row("alone", 1, 9000, errors=3)]
    best = api_load.best_alone(rows, "neo4j", 10_000_000)
    assert best is not None and best["concurrency"] == 64  # errors disqualify a level
    text = "\n".join(api_load.markdown(rows))
    assert "best 1,600 req/s (c=64; target >= 2,000: missed, 1.25x short)" in text
    assert text.count("| neo4j | 10M |") == 4


def test_falkordb_growth_classifies_write_statements():
    from bench.falkordb_growth import classify

    header = 'CYPHER `rows`=[["UNWIND $rows AS r", 1]] '
    assert classify(header + "UNWIND $rows AS r CREATE (n:Entity:Person {id: r[0]})") == "CREATE Person"
    assert classify(header + "UNWIND $rows AS r MATCH (a:Entity {id: r[0]}) MATCH (b:Entity "
                             "{id: r[1]}) MERGE (a)-[e:RESIDES_IN {key: r[2]}]->(b)") == "MERGE RESIDES_IN"
    assert classify("MERGE (g:GraphState {id: 'state'})") == "other"
