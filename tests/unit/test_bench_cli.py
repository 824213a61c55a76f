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

