"""docker-compose.yml validates with `docker compose config` (scripts/ensure-compose.sh provides it)."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
import yaml

from pactgraph.settings import PROJECT_ROOT


def _compose_available() -> bool:
    if shutil.which("docker") is None:
        return False
    done = subprocess.run(["docker", "compose", "version"], capture_output=True, check=False)
    return done.returncode == 0


@pytest.mark.skipif(not _compose_available(), reason="no `docker compose` (scripts/ensure-compose.sh)")
def test_docker_compose_config_validates() -> None:
    env = {**os.environ, "NEO4J_PASSWORD": "compose-check-123"}
    done = subprocess.run(["docker", "compose", "config", "--format", "json"], cwd=PROJECT_ROOT,
                          env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    config = yaml.safe_load(done.stdout)
    assert config["services"]["neo4j"]["image"] == "neo4j:5.26-community"
    assert "neo4j-data" in config["volumes"]
    assert config["services"]["api"]["depends_on"]["neo4j"]["condition"] == "service_healthy"


def test_compose_refuses_to_start_without_a_password() -> None:
    if not _compose_available():
        pytest.skip("no `docker compose` CLI")
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_PASSWORD"}
    done = subprocess.run(["docker", "compose", "config"], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, check=False)
    assert done.returncode != 0
    assert "NEO4J_PASSWORD" in done.stderr
