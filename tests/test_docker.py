"""docker/: Docker does not run here, so check what can be checked without it: the compose file
parses, pins a Neo4j 5.26 LTS image with APOC, publishes the two ports on loopback, has a
healthcheck and laptop memory settings, and takes its password from the git-ignored .env."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

DOCKER = Path(__file__).resolve().parents[1] / "docker"


def service() -> dict:
    compose = yaml.safe_load((DOCKER / "docker-compose.yml").read_text(encoding="utf-8"))
    return compose["services"]["neo4j"]


def test_image_is_a_pinned_5_26_lts_patch():
    assert re.fullmatch(r"neo4j:5\.26\.\d+-community", service()["image"])


def test_apoc_memory_ports_volumes_and_healthcheck():
    neo4j = service()
    env = neo4j["environment"]
    assert "apoc" in env["NEO4J_PLUGINS"]
    assert {"NEO4J_server_memory_heap_max__size", "NEO4J_server_memory_pagecache_size"} <= set(env)
    assert set(neo4j["ports"]) == {"127.0.0.1:7474:7474", "127.0.0.1:7687:7687"}
    assert {v.split(":")[1] for v in neo4j["volumes"]} >= {"/data", "/logs", "/plugins", "/import"}
    check = neo4j["healthcheck"]
    assert "7474" in " ".join(check["test"]) and check["retries"] > 0


def test_the_password_comes_from_the_ignored_env_file():
    auth = service()["environment"]["NEO4J_AUTH"]
    assert re.fullmatch(r"neo4j/\$\{NEO4J_PASSWORD:\?[^}]+\}", auth)
    example = dict(
        line.split("=", 1) for line in (DOCKER / ".env.example").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    )
    assert set(example) == {"NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD"} and len(example["NEO4J_PASSWORD"]) >= 8
    assert "docker/.env" in (DOCKER.parent / ".gitignore").read_text(encoding="utf-8").split()
