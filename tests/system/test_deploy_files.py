"""docker-compose.yml parses and refuses to run without a password (with the docker compose
client, which .ci/run installs). The Dockerfile's install step is checked in
tests/unit/test_install_step.py."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from helpers import REPO

pytestmark = pytest.mark.slow


def _compose_cmd() -> list[str] | None:
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    if shutil.which("docker"):
        probe = subprocess.run(["docker", "compose", "version"], capture_output=True)
        if probe.returncode == 0:
            return ["docker", "compose"]
    return None


def test_compose_file_parses():
    cmd = _compose_cmd()
    if cmd is None:
        if os.environ.get("CI"):
            pytest.fail("neither docker-compose nor `docker compose` is installed (.ci/run installs it)")
        pytest.skip("no docker compose client here")
    env = {**os.environ, "NEO4J_PASSWORD": "test-password"}
    res = subprocess.run([*cmd, "-f", str(REPO / "docker-compose.yml"), "config"], env=env,
                         capture_output=True, text=True, timeout=60, cwd=REPO)
    assert res.returncode == 0, res.stderr
    assert "neo4j:5.26-community" in res.stdout
    assert "bolt://neo4j:7687" in res.stdout
    assert "healthcheck" in res.stdout


def test_compose_requires_a_password():
    cmd = _compose_cmd()
    if cmd is None:
        pytest.skip("no docker compose client here")
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_PASSWORD"}
    res = subprocess.run([*cmd, "-f", str(REPO / "docker-compose.yml"), "config"], env=env,
                         capture_output=True, text=True, timeout=60, cwd=REPO)
    assert res.returncode != 0
