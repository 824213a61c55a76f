"""Paths shared by the test tiers (tests/unit, tests/engine, tests/system).

A helper module, not a test module: tests import it (``from helpers import ...``;
pyproject.toml puts tests/ on the path), never each other.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
# The small hand-made registry every test store is loaded with.
REGISTRY = TESTS / "data" / "registry"
# One notice of each layout the extractor reads, with the answers expected of it.
CORPUS = TESTS / "corpus"

# A compound in a real community (塔东社区, 520402001001), for tests of real places.
TADONG = "area:520402001001"
TADONG_COMPOUND = "t:real:cpd:1"
TADONG_COMPOUND_NAME = "塔东试验小区"
TADONG_PMC = "塔东试验小区物业管理委员会"
RESIDENT_NAME = "试验居民"  # + a number: made up, and marked synthetic

# Property tests run every example they declare with GOVGRAPH_FULL_EXAMPLES=1 (.ci/run
# sets it); otherwise a quarter, so `pytest tests/unit` stays the fast loop with or
# without CI set (CI alone fixes which examples run: tests/conftest.py).
FULL_EXAMPLES = bool(os.environ.get("GOVGRAPH_FULL_EXAMPLES"))


def examples(n: int) -> int:
    """How many examples a property test declaring ``n`` runs here: ``n`` in CI,
    a quarter of it (at least 20) in the local unit-tier loop, which explores new
    examples each run while CI's fixed set keeps its size."""
    return n if FULL_EXAMPLES else max(20, n // 4)


def write_tadong_registry(directory: Path, residents: int = 150) -> Path:
    """A SYNTHETIC registry of one compound in the real 塔东社区 with a 物管委 (under the
    community's real 居民委员会) and `residents` made-up people; returns the directory."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "compounds.csv").write_text(
        "id,name,community_id,built_year,households,category,synthetic\n"
        f"{TADONG_COMPOUND},{TADONG_COMPOUND_NAME},520402001001,1998,{residents},old,true\n",
        encoding="utf-8")
    (directory / "organizations.csv").write_text(
        "id,kind,name,area_ids,parent_id,synthetic\n"
        f"t:real:org:1,property_management_committee,{TADONG_PMC},{TADONG_COMPOUND},"
        "committee:520402001001,true\n", encoding="utf-8")
    (directory / "people.csv").write_text(
        "id,name,party_member,compound_id,synthetic\n" + "".join(
            f"t:real:p:{i},{RESIDENT_NAME}{i},false,{TADONG_COMPOUND},true\n"
            for i in range(1, residents + 1)), encoding="utf-8")
    (directory / "SYNTHETIC.txt").write_text("Made-up test data: no real compound or person.\n",
                                             encoding="utf-8")
    return directory

# Hand-made notices whose networks the analytics tests computed by hand (not real).
ANALYTICS = TESTS / "data" / "analytics"


def app_routes() -> list[str]:
    """`METHOD /path` for every route the app serves: the OpenAPI document's
    operations and the routes kept out of it (the page, /docs, /openapi.json,
    problem types, static files). No store is opened: startup never runs."""
    import re

    from govgraph.api import create_app

    from govgraph.settings import Settings

    app = create_app(Settings())
    found = {f"{method.upper()} {path}"
             for path, ops in app.openapi()["paths"].items() for method in ops}
    for route in app.routes:
        path = getattr(route, "path", None)
        if not path:
            continue  # routers included by reference: their routes are in the OpenAPI document
        path = re.sub(r"\{(\w+):\w+\}", r"{\1}", path)  # {node_id:path} -> {node_id}
        methods = getattr(route, "methods", None)
        if methods is None:  # a mount: everything under it
            found.add(f"GET {path}/…")
            continue
        found.update(f"{m} {path}" for m in methods if m not in ("HEAD", "OPTIONS"))
    return sorted(found)


def graph_checksum(store) -> tuple[dict, str]:
    """Counts, and a hash over every node (id, labels, properties) and edge (ends,
    type, properties); the generation token, random per load, is left out."""
    nodes = store.read("MATCH (n) RETURN n.id, labels(n), properties(n)").rows
    edges = store.read("MATCH (a)-[e]->(b) RETURN a.id, type(e), b.id, properties(e)").rows
    for n in nodes:
        n[1] = sorted(n[1])
        if "GraphState" in n[1]:
            assert len(n[2].pop("generation")) == 32
    canon = sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in nodes + edges)
    counts = {"nodes": len(nodes), "edges": len(edges)}
    return counts, hashlib.sha256("\n".join(canon).encode()).hexdigest()


def _csv_lines(path: Path) -> list[str]:
    return path.read_text("utf-8").splitlines()


def city_across_chunks(city_dir: Path, directory: Path, chunk_rows: int) -> Path:
    """A copy of a synthetic city with rows a streamed load must carry across its
    chunks of ``chunk_rows``: an organization whose parent comes later in its
    file, and a membership given again (another end) in a later chunk than the
    first time (an edge merged onto the first)."""
    import shutil

    shutil.copytree(city_dir, directory)
    orgs = _csv_lines(directory / "organizations.csv")
    area = orgs[1].split(",")[3]
    orgs += [f"syn:org:fwd-child,owners_committee,前向业委会,{area},syn:org:fwd-parent,true",
             *(f"syn:org:fill{i},owners_committee,填充{i},{area},,true" for i in range(chunk_rows)),
             f"syn:org:fwd-parent,street_party_committee,前向党委,{area},,true"]
    (directory / "organizations.csv").write_text("\n".join(orgs) + "\n", "utf-8")
    members = _csv_lines(directory / "memberships.csv")
    first = members[1].split(",")
    again = [*first[:4], "2030-01-01", *first[5:]]
    members += [*(f"syn:person:{i},syn:org:fill0,member,,,,true" for i in range(1, chunk_rows + 1)),
                ",".join(again)]
    (directory / "memberships.csv").write_text("\n".join(members) + "\n", "utf-8")
    return directory


def city_with_a_late_bad_row(city_dir: Path, directory: Path, chunk_rows: int) -> tuple[Path, int]:
    """A copy of a synthetic city whose people.csv names an unknown compound five
    rows before its end (more than ten chunks of ``chunk_rows`` in); returns the
    directory and the bad row's line."""
    import shutil

    shutil.copytree(city_dir, directory)
    people = _csv_lines(directory / "people.csv")
    assert len(people) > 10 * chunk_rows
    bad = len(people) - 5  # the index of the row in the file, 1-based after the header
    cols = people[bad].split(",")
    cols[3] = "syn:compound:nowhere"
    people[bad] = ",".join(cols)
    (directory / "people.csv").write_text("\n".join(people) + "\n", "utf-8")
    return directory, bad + 1
