"""The canonical unit registry: names, aliases, kinds and collective actors.

Resolution is exact after normalisation (bracket shapes and whitespace); a name
that matches nothing is reported as unresolved instead of being guessed.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from ..graph.model import Edge, GraphBatch, Node, NodeKind, PropValue, RelType
from ..graph.names import normalize_name, unit_id


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    kind: NodeKind
    tier: str
    name_en: str = ""
    full_name: str = ""
    basis: str = "text"
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()  # ids, for collective actors
    area: str | None = None  # Area id the body governs or sits in
    # A collective whose members are not known (各有关部门, or 各乡（镇）人民政府、
    # 街道办事处 where no one supplied the townships) is still a collective.
    is_collective: bool = False
    # Where the registry states the unit: (file, entry), e.g. ("units.toml", "[[unit]] #3").
    origin: tuple[str, str] = ("units.toml", "")
    # Where its member list was stated, when a [[members]] entry supplied it.
    members_origin: tuple[str, str] | None = None

    @property
    def collective(self) -> bool:
        return self.is_collective or bool(self.members)


@dataclass
class Resolution:
    written: str
    unit: Unit | None

    @property
    def resolved(self) -> bool:
        return self.unit is not None


@dataclass
class UnitRegistry:
    jurisdiction: dict
    units: dict[str, Unit] = field(default_factory=dict)
    areas: list[Node] = field(default_factory=list)
    _index: dict[str, str] = field(default_factory=dict)

    # -- building -------------------------------------------------------
    def add(self, unit: Unit) -> None:
        self.units[unit.id] = unit
        for n in (unit.name, unit.full_name, *unit.aliases):
            if n:
                key = normalize_name(n)
                other = self._index.get(key)
                if other is not None and other != unit.id:
                    raise ValueError(f"alias {n!r} names both {other} and {unit.id}")
                self._index[key] = unit.id

    # -- lookups --------------------------------------------------------
    def resolve(self, name: str) -> Resolution:
        uid = self._index.get(normalize_name(name))
        return Resolution(name, self.units[uid] if uid else None)

    def get(self, unit_id_: str) -> Unit:
        return self.units[unit_id_]

    def graph(self) -> GraphBatch:
        """The registry's own facts: units, areas, collectives and where bodies sit.

        Each cites the registry entry that states it (``registry_file`` and
        ``registry_entry``, as CSV registry facts cite ``registry_line``)."""
        batch = GraphBatch(nodes=list(self.areas))
        for u in self.units.values():
            props: dict[str, PropValue] = {
                "tier": u.tier, "name_en": u.name_en, "full_name": u.full_name or u.name,
                "aliases": list(u.aliases), "basis": u.basis, "collective": u.collective,
                **cite(*u.origin)}
            batch.nodes.append(Node(id=u.id, kind=u.kind, name=u.name, props=props))
            for m in u.members:
                batch.edges.append(Edge(type=RelType.INCLUDES, src=u.id, dst=m,
                                        props=cite(*(u.members_origin or u.origin))))
            if u.area:
                batch.edges.append(Edge(type=RelType.LOCATED_IN, src=u.id, dst=u.area,
                                        props=cite(*u.origin)))
        city = next(a for a in self.areas if a.props.get("level") == "city")
        for a in self.areas:
            if a.props.get("level") == "county":
                batch.edges.append(Edge(type=RelType.PART_OF, src=a.id, dst=city.id, props={
                    k: a.props[k] for k in ("registry", "registry_file", "registry_entry")}))
        return batch


def cite(file: str, entry: str) -> dict[str, PropValue]:
    """Provenance of a fact the unit registry states."""
    return {"registry": "units", "registry_file": file, "registry_entry": entry}


def _load_toml(path: Path | None) -> dict:
    if path is None:
        text = resources.files("govgraph.loaders").joinpath("data/units.toml").read_text("utf-8")
        return tomllib.loads(text)
    try:
        return tomllib.loads(Path(path).read_text("utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise ValueError(f"{path}: not valid TOML: {e}") from None


def load_registry(extra: Path | None = None) -> UnitRegistry:
    """The bundled registry, with a user's file (arg or GOVGRAPH_UNITS_FILE) merged over it."""
    data = _load_toml(None)
    if extra is None and os.environ.get("GOVGRAPH_UNITS_FILE"):
        extra = Path(os.environ["GOVGRAPH_UNITS_FILE"])
    docs = [("units.toml", data)] + ([(str(extra), _load_toml(extra))] if extra else [])
    jur = data["jurisdiction"]
    city_area = f"area:{jur['name']}"
    reg = UnitRegistry(jurisdiction=jur)
    reg.areas.append(Node(id=city_area, kind=NodeKind.AREA, name=jur["name"],
                          props={"level": "city", "name_en": jur.get("name_en", ""),
                                 **cite("units.toml", "[jurisdiction]")}))
    county_bodies: dict[str, list[str]] = {"county.government": [], "county.party": []}
    for origin, doc in docs:
        for i, row in enumerate(doc.get("unit", []), 1):
            try:
                kind = NodeKind(row["kind"])
                reg.add(Unit(id=unit_id(row["name"]), name=row["name"], kind=kind,
                             tier=row.get("tier", "city"), name_en=row.get("name_en", ""),
                             full_name=row.get("full_name", ""), basis=row.get("basis", "text"),
                             aliases=tuple(row.get("aliases", ())),
                             area=city_area if row.get("tier", "city") == "city" else None,
                             origin=(origin, f"[[unit]] #{i}")))
            except (KeyError, ValueError) as e:
                raise ValueError(f"{origin}: [[unit]] #{i}: {e}") from None
        for i, row in enumerate(doc.get("county", []), 1):
            area_id = f"area:{row['area']}"
            entry = (origin, f"[[county]] #{i}")
            reg.areas.append(Node(id=area_id, kind=NodeKind.AREA, name=row["area"],
                                  props={"level": "county", "name_en": row.get("area_en", ""),
                                         **cite(*entry)}))
            gov = Unit(id=unit_id(row["government"]), name=row["government"],
                       kind=NodeKind.DEPARTMENT, tier="county", basis="curated",
                       name_en=f"{row.get('area_en', row['area'])} government", area=area_id,
                       origin=entry)
            party = Unit(id=unit_id(row["party"]), name=row["party"],
                         kind=NodeKind.PARTY_ORGANIZATION, tier="county", basis="curated",
                         name_en=f"CPC {row.get('area_en', row['area'])} committee", area=area_id,
                         origin=entry)
            reg.add(gov)
            reg.add(party)
            county_bodies["county.government"].append(gov.id)
            county_bodies["county.party"].append(party.id)
        for i, row in enumerate(doc.get("collective", []), 1):
            try:
                entry = (origin, f"[[collective]] #{i}")
                members = _collective_members(reg, row, row.get("members"), county_bodies, entry)
                reg.add(Unit(id=unit_id(row["name"]), name=row["name"], kind=NodeKind(row["kind"]),
                             tier=row.get("tier", "county"), name_en=row.get("name_en", ""),
                             aliases=tuple(row.get("aliases", ())), members=members,
                             area=city_area, is_collective=True, origin=entry))
            except (KeyError, ValueError) as e:
                raise ValueError(f"{origin}: [[collective]] #{i}: {e}") from None
        for i, row in enumerate(doc.get("members", []), 1):
            try:
                _supply_members(reg, row, county_bodies, (origin, f"[[members]] #{i}"))
            except (KeyError, ValueError) as e:
                raise ValueError(f"{origin}: [[members]] #{i}: {e}") from None
    return reg


def _collective_members(reg: UnitRegistry, row: dict, spec: str | list | None,
                        county_bodies: dict[str, list[str]],
                        entry: tuple[str, str]) -> tuple[str, ...]:
    """Member ids of a collective: none (it stays collective), the county bodies
    of the jurisdiction ("county.government"), or a list of unit names, which
    are created when the registry does not know them yet."""
    if spec is None:
        return ()
    if isinstance(spec, str):
        if spec not in county_bodies:
            raise ValueError(f"collective {row.get('name')!r}: unknown members {spec!r} "
                             f"(expected {' or '.join(county_bodies)}, or a list of names)")
        return tuple(county_bodies[spec])
    if not isinstance(spec, list) or not all(isinstance(n, str) and n.strip() for n in spec):
        raise ValueError(f"collective {row.get('name')!r}: members must be a list of unit names")
    area = f"area:{row['area']}" if row.get("area") else None
    if area is not None and all(a.id != area for a in reg.areas):
        raise ValueError(f"area {row['area']!r} is not an area of the registry")
    kind = NodeKind(row.get("member_kind", row.get("kind", "Department")))
    ids = []
    for name in spec:
        known = reg.resolve(name).unit
        if known is None:
            known = Unit(id=unit_id(name), name=name.strip(), kind=kind,
                         tier=row.get("member_tier", "township"), basis="curated", area=area,
                         origin=entry)
            reg.add(known)
        ids.append(known.id)
    return tuple(ids)


def _supply_members(reg: UnitRegistry, row: dict, county_bodies: dict[str, list[str]],
                    entry: tuple[str, str]) -> None:
    """A jurisdiction's member list for a collective already in the registry:
    [[members]] collective = "各乡（镇）人民政府、街道办事处", names = [...]."""
    collective = reg.resolve(row["collective"]).unit
    if collective is None or not collective.collective:
        raise ValueError(f"{row['collective']!r} is not a collective in the registry")
    if not isinstance(row["names"], list):
        raise ValueError(f"names of {row['collective']!r} must be a list of unit names")
    row = {"kind": str(collective.kind), "name": collective.name, **row}
    members = _collective_members(reg, row, row["names"], county_bodies, entry)
    reg.add(replace(collective, members=members, is_collective=True, members_origin=entry))
