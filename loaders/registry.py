"""Registry data: the places, bodies, people and contracts of a real (or synthetic) city.

A registry is a directory with one file per kind, each either CSV (``kind.csv``,
header row) or JSON (``kind.json``, an array of objects) with the fields below.
Every row is validated; the first bad row stops the load with its file, line,
field and reason, before anything is written. See docs/input-formats.md, "Registry files".
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import GovgraphError
from ..graph.model import Edge, GraphBatch, Node, NodeKind, PersonRecord, RelType
from .json_rows import JSONArrayError, json_array_items
from .units import UnitRegistry

ID = Field(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9][A-Za-z0-9:._\-]*$")


@dataclass
class KnownPlaces:
    """Places and bodies the graph already holds (the real divisions), which a
    registry may refer to: a street or community by its adcode (``520402001``) or
    id (``area:520402001``), a body by its id (``committee:520402001001``)."""

    streets: dict[str, str] = field(default_factory=dict)  # adcode or id -> area id
    communities: dict[str, str] = field(default_factory=dict)
    bodies: set[str] = field(default_factory=set)
    # Where each body the graph will hold sits (compound, community, street, county,
    # city), for case steps that name a body; and compounds earlier registries gave.
    levels: dict[str, str] = field(default_factory=dict)
    compounds: set[str] = field(default_factory=set)
    area_levels: dict[str, str] = field(default_factory=dict)

    def add_levels(self, batch: GraphBatch) -> None:
        """Learn where the batch's bodies sit (their LOCATED_IN areas' levels), which
        areas are compounds, and that a company works at compound level."""
        collective = set()
        for n in batch.nodes:
            if n.props.get("collective") is True:
                collective.add(n.id)  # stands for many bodies: not one that can take a step
            if n.kind == NodeKind.AREA:
                level = n.props.get("level")
                if isinstance(level, str):
                    self.area_levels[n.id] = level
                    if level == "compound":
                        self.compounds.add(n.id)
            elif n.kind == NodeKind.COMPANY:
                self.levels[n.id] = "compound"
        for e in batch.edges:
            if e.type == RelType.LOCATED_IN and e.src not in collective:
                level = self.area_levels.get(e.dst)
                if level is not None:
                    # a body serving several compounds still sits at compound level
                    self.levels.setdefault(e.src, level)

    def add(self, batch: GraphBatch) -> None:
        self.add_levels(batch)
        for n in batch.nodes:
            code = n.props.get("adcode")
            if not isinstance(code, str):
                continue
            if n.kind == NodeKind.AREA:
                pool = {"street": self.streets, "community": self.communities}.get(
                    str(n.props.get("level")))
                if pool is not None:
                    pool[code] = pool[n.id] = n.id
            elif n.kind != NodeKind.AREA:
                self.bodies.add(n.id)

    def area(self, ref: str) -> str:
        return self.streets.get(ref) or self.communities.get(ref) or ref


class RegistryError(ValueError):
    """A registry row that cannot be loaded: names file, line, field and reason."""

    def __init__(self, file: str, line: int | None, field: str | None, reason: str) -> None:
        self.file, self.line, self.field, self.reason = file, line, field, reason
        where = file + (f", line {line}" if line else "") + (f", field '{field}'" if field else "")
        super().__init__(f"{where}: {reason}")


def _blank_to_none(v: Any) -> Any:
    return None if isinstance(v, str) and v.strip() == "" else v


class Row(BaseModel):
    """A registry row. Blank fields are absent: the readers (``_rows``) give them as
    None, as they make each row's dict (a validator doing it was a second dict a row)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Street(Row):
    id: str = ID
    name: str = Field(min_length=1)
    county: str = Field(min_length=1, description="county-level area name, e.g. 西秀区")
    kind: Literal["street", "township"] = "street"
    synthetic: bool = False


class Community(Row):
    id: str = ID
    name: str = Field(min_length=1)
    street_id: str = ID
    synthetic: bool = False


class Compound(Row):
    id: str = ID
    name: str = Field(min_length=1)
    community_id: str = ID
    built_year: int | None = Field(default=None, ge=1900, le=2100)
    households: int | None = Field(default=None, ge=0)
    category: Literal["commercial", "old", "resettlement", "unit-housing"] = "commercial"
    synthetic: bool = False


class Building(Row):
    id: str = ID
    compound_id: str = ID
    name: str = Field(min_length=1)
    units: int = Field(default=1, ge=0)
    floors: int | None = Field(default=None, ge=0)
    synthetic: bool = False


# Organization kinds, each an instance of a generic body of the standing structure.
ORG_KINDS: dict[str, tuple[str, NodeKind]] = {
    "owners_committee": ("committee:owners", NodeKind.COMMITTEE),
    "owners_assembly": ("committee:owners-assembly", NodeKind.COMMITTEE),
    "owners_committee_party_branch": ("party:owners-committee-branch", NodeKind.PARTY_ORGANIZATION),
    "temporary_party_branch": ("party:temporary-branch", NodeKind.PARTY_ORGANIZATION),
    "joint_party_branch": ("party:joint-branch", NodeKind.PARTY_ORGANIZATION),
    "property_management_committee": ("committee:property-management", NodeKind.COMMITTEE),
    "courtyard_committee": ("committee:courtyard", NodeKind.COMMITTEE),
    "joint_committee": ("committee:joint", NodeKind.COMMITTEE),
    "env_property_committee": ("committee:env-property", NodeKind.COMMITTEE),
    "residents_committee": ("committee:residents", NodeKind.COMMITTEE),
    "community_party_committee": ("party:community", NodeKind.PARTY_ORGANIZATION),
    "street_office": ("gov:street-office", NodeKind.DEPARTMENT),
    "township_government": ("gov:township", NodeKind.DEPARTMENT),
    "street_party_committee": ("party:street", NodeKind.PARTY_ORGANIZATION),
}


class Organization(Row):
    id: str = ID
    kind: str
    name: str = Field(min_length=1)
    area_ids: str = Field(min_length=1, description="area id(s) it serves; several separated by ';'")
    parent_id: str | None = None
    synthetic: bool = False

    @field_validator("kind")
    @classmethod
    def _kind(cls, v: str) -> str:
        if v not in ORG_KINDS:
            raise ValueError(f"unknown organization kind {v!r}; one of {', '.join(sorted(ORG_KINDS))}")
        return v

    def areas(self) -> list[str]:
        return [a.strip() for a in self.area_ids.split(";") if a.strip()]


# A person's id becomes their node's id in the graph analysts query, so it must be
# an opaque registry key: an id that carries a resident identity card number or a
# mobile number is refused (docs/security.md).
_IDENTIFYING_ID = re.compile(r"(?<!\d)(\d{17}[\dXx]|1[3-9]\d{9})(?!\d)")


class Person(Row):
    id: str = ID
    name: str = Field(min_length=1)
    party_member: bool = False
    compound_id: str | None = None
    synthetic: bool = False

    @field_validator("id")
    @classmethod
    def _opaque(cls, v: str) -> str:
        if _IDENTIFYING_ID.search(v):
            raise ValueError("a person's id must be an opaque registry key, not an identity card "
                             "or phone number (the id is visible to analysts)")
        return v


ROLES = ("chair", "secretary", "deputy", "member", "first_secretary", "grid_worker", "staff")


class Membership(Row):
    person_id: str = ID
    org_id: str = ID
    role: Literal["chair", "secretary", "deputy", "member", "first_secretary", "grid_worker", "staff"]
    start: date | None = None
    end: date | None = None
    nominated_by: str | None = None
    synthetic: bool = False


class Company(Row):
    id: str = ID
    name: str = Field(min_length=1)
    kind: Literal["property_company", "service_center", "developer"] = "property_company"
    synthetic: bool = False


class Contract(Row):
    company_id: str = ID
    compound_id: str = ID
    start: date | None = None
    end: date | None = None
    synthetic: bool = False


class Facility(Row):
    id: str = ID
    compound_id: str = ID
    kind: Literal["fire_lane", "elevator", "waste_sorting", "service_room", "parking", "camera",
                  "fire_equipment"]
    name: str = Field(min_length=1)
    synthetic: bool = False


class CreditEntry(Row):
    company_id: str = ID
    list: Literal["red", "black"]
    date: date
    reason: str | None = None
    synthetic: bool = False


# Cases: what happened to disputes (issue 28). A case names no resident: who
# complained is personal data and is not taken (see docs/security.md); extra
# fields are refused like every registry field.
LEVELS = ("compound", "community", "street", "county", "city")
LEVEL_ORDER = {lv: i for i, lv in enumerate(LEVELS, 1)}
_LEVEL_ALIASES = {"township": "street", "小区": "compound", "住宅小区": "compound", "社区": "community",
                  "村": "community", "街道": "street", "乡镇": "street", "县": "county", "区": "county",
                  "市": "city"}
CHANNELS = ("12345", "grid_worker", "owner", "property_company", "inspection")
_CHANNEL_ALIASES = {"hotline": "12345", "12345_hotline": "12345", "grid": "grid_worker",
                    "company": "property_company", "open311": "12345"}
ACTIONS = ("received", "mediated", "referred_up", "enforced", "resolved", "returned")
Level = Literal["compound", "community", "street", "county", "city"]


def _word(v: Any) -> Any:
    if isinstance(v, int) and not isinstance(v, bool):
        v = str(v)
    if isinstance(v, str):
        v = v.strip().lower().replace(" ", "_").replace("-", "_")
    return v


class Case(Row):
    id: str = ID
    compound_id: str = ID
    issue: str = Field(min_length=1, max_length=200,
                       description="an issue-type key of the taxonomy, or a short free-text description")
    channel: Literal["12345", "grid_worker", "owner", "property_company", "inspection"]
    opened: date
    outcome: Literal["resolved", "withdrawn", "open"] = "open"
    resolved_level: Level | None = None
    closed: date | None = None
    due: date | None = None
    synthetic: bool = False

    @field_validator("channel", mode="before")
    @classmethod
    def _channel(cls, v: Any) -> Any:
        v = _word(_blank_to_none(v))
        return _CHANNEL_ALIASES.get(v, v) if isinstance(v, str) else v

    @field_validator("outcome", mode="before")
    @classmethod
    def _outcome(cls, v: Any) -> Any:
        v = _blank_to_none(v)
        return "open" if v is None else _word(v)

    @field_validator("resolved_level", mode="before")
    @classmethod
    def _level(cls, v: Any) -> Any:
        v = _blank_to_none(v)
        return _LEVEL_ALIASES.get(v, _word(v)) if isinstance(v, str) else v

    @field_validator("issue")
    @classmethod
    def _no_personal(cls, v: str) -> str:
        if _IDENTIFYING_ID.search(v):
            raise ValueError("the issue text carries an identity card or phone number; cases "
                             "never identify residents (docs/security.md)")
        return v


class CaseStep(Row):
    case_id: str = ID
    order: int = Field(ge=1, le=10_000)
    level: Level | None = None
    body_id: str | None = Field(default=None, min_length=1, max_length=200,
                                pattern=r"^[A-Za-z0-9\u4e00-\u9fff][^\s]*$")
    action: Literal["received", "mediated", "referred_up", "enforced", "resolved", "returned"]
    start: date
    end: date | None = None
    synthetic: bool = False

    @field_validator("level", mode="before")
    @classmethod
    def _level(cls, v: Any) -> Any:
        v = _blank_to_none(v)
        return _LEVEL_ALIASES.get(v, _word(v)) if isinstance(v, str) else v

    @field_validator("action", mode="before")
    @classmethod
    def _action(cls, v: Any) -> Any:
        return _word(_blank_to_none(v))

    @property
    def node_id(self) -> str:
        return f"{self.case_id}#step{self.order}"


# Load order matters only for reference checks: every file may refer to the ones above it.
KINDS: list[tuple[str, type[Row]]] = [
    ("streets", Street),
    ("communities", Community),
    ("compounds", Compound),
    ("buildings", Building),
    ("organizations", Organization),
    ("people", Person),
    ("memberships", Membership),
    ("companies", Company),
    ("contracts", Contract),
    ("facilities", Facility),
    ("credit_list", CreditEntry),
    ("cases", Case),
    ("case_steps", CaseStep),
]
MAX_FILE_BYTES = 2 * 1024**3


def _rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line, record) from a CSV or JSON file, one record at a time; a JSON
    record's line is the line its object starts on."""
    if path.suffix == ".csv":
        yield from _csv_rows(path)
        return
    try:
        with path.open("rb") as fh:
            for i, (line, rec) in enumerate(json_array_items(fh), 1):
                if not isinstance(rec, dict):
                    raise RegistryError(path.name, line, None, f"item {i} is not an object")
                yield line, {k: None if isinstance(v, str) and (not v or v.isspace()) else v
                             for k, v in rec.items()}
    except JSONArrayError as e:
        raise RegistryError(path.name, e.line, None, e.reason) from None


def _csv_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with path.open(newline="", encoding="utf-8-sig") as fh:
        reader = csv.reader(fh)
        try:
            header = next(reader, None)
            if not header:
                raise RegistryError(path.name, 1, None, "no header row")
            width = len(header)
            for row in reader:
                if not row:
                    continue  # a blank line, as csv.DictReader skips it
                if len(row) != width:
                    if len(row) > width:
                        raise RegistryError(path.name, reader.line_num, None,
                                            f"{len(row) - width} more values than header columns")
                    raise RegistryError(path.name, reader.line_num, header[len(row)],
                                        "row has fewer values than header columns")
                yield reader.line_num, {k: v if v and not v.isspace() else None
                                        for k, v in zip(header, row, strict=True)}
        except UnicodeDecodeError:
            # Decoding runs ahead of the reader, so the line is where reading stopped.
            raise RegistryError(path.name, reader.line_num + 1, None,
                                "not UTF-8 text") from None
        except csv.Error as e:
            raise RegistryError(path.name, reader.line_num, None, f"not valid CSV: {e}") from None


def _validate(path: Path, model: type[Row]) -> tuple[list[Row], list[int]]:
    out: list[Row] = []
    lines: list[int] = []
    for line, rec in _rows(path):
        lines.append(line)
        try:
            out.append(model.model_validate(rec))
        except ValidationError as e:
            err = e.errors()[0]
            field = ".".join(str(p) for p in err["loc"]) or None
            raise RegistryError(path.name, line, field, err["msg"]) from None
    return out, lines


class Registry(BaseModel):
    streets: list[Street] = []
    communities: list[Community] = []
    compounds: list[Compound] = []
    buildings: list[Building] = []
    organizations: list[Organization] = []
    people: list[Person] = []
    memberships: list[Membership] = []
    companies: list[Company] = []
    contracts: list[Contract] = []
    facilities: list[Facility] = []
    credit_list: list[CreditEntry] = []
    cases: list[Case] = []
    case_steps: list[CaseStep] = []
    # where each row came from, for reference errors: kind -> (file name, line of each row)
    origin: dict[str, tuple[str, list[int]]] = {}
    # each case step's level (given, or where its body sits), set by the checks
    step_levels: dict[int, str] = {}

    def where(self, kind: str, index: int) -> tuple[str, int | None]:
        name, lines = self.origin.get(kind, (kind, []))
        return name, (lines[index] if index < len(lines) else None)


def read_registry(directory: Path, progress: Callable[[str], None] | None = None,
                  counties: set[str] | None = None, known: KnownPlaces | None = None) -> Registry:
    directory = Path(directory)
    if not directory.is_dir():
        raise RegistryError(str(directory), None, None, "not a directory")
    data: dict[str, Any] = {}
    origin: dict[str, tuple[str, list[int]]] = {}
    found = False
    for kind, model in KINDS:
        csv_p, json_p = directory / f"{kind}.csv", directory / f"{kind}.json"
        if csv_p.exists() and json_p.exists():
            raise RegistryError(kind, None, None, f"both {kind}.csv and {kind}.json given; keep one")
        path = csv_p if csv_p.exists() else json_p if json_p.exists() else None
        if path is None:
            continue
        if path.stat().st_size > MAX_FILE_BYTES:
            raise RegistryError(path.name, None, None, "file larger than 2 GiB")
        found = True
        if progress:
            progress(path.name)
        data[kind], lines = _validate(path, model)
        origin[kind] = (path.name, lines)
    if not found:
        names = ", ".join(k for k, _ in KINDS)
        raise RegistryError(str(directory), None, None,
                            f"no registry files (expected some of: {names}, as .csv or .json)")
    reg = Registry(**data, origin=origin)
    check_references(reg, counties, known)
    return reg


def check_references(reg: Registry, counties: set[str] | None = None,
                     known: KnownPlaces | None = None) -> None:
    """Every id a row refers to must exist, in the registry or among the ``known``
    real places and bodies; the error names the row (data line number)."""
    known = known or KnownPlaces()
    ids: dict[str, set[str]] = {
        "street": {s.id for s in reg.streets} | set(known.streets),
        "community": {c.id for c in reg.communities} | set(known.communities),
        "compound": {c.id for c in reg.compounds},
        "org": {o.id for o in reg.organizations} | known.bodies,
        "person": {p.id for p in reg.people},
        "company": {c.id for c in reg.companies},
    }
    areas = ids["street"] | ids["community"] | ids["compound"]
    all_ids: set[str] = set()
    for kind, rows, key in (("streets", reg.streets, "id"), ("communities", reg.communities, "id"),
                            ("compounds", reg.compounds, "id"), ("buildings", reg.buildings, "id"),
                            ("organizations", reg.organizations, "id"), ("people", reg.people, "id"),
                            ("companies", reg.companies, "id"), ("facilities", reg.facilities, "id")):
        for i, r in enumerate(rows):
            v = getattr(r, key)
            if v in all_ids:
                raise RegistryError(*reg.where(kind, i), "id", f"id {v!r} is used twice")
            all_ids.add(v)

    def need(kind: str, rows: list[Any], field: str, pool: set[str], what: str,
             key: str = "id") -> None:
        for i, r in enumerate(rows):
            v = getattr(r, field)
            if v is not None and v not in pool:
                raise RegistryError(*reg.where(kind, i), field, f"no {what} with {key} {v!r}")

    need("communities", reg.communities, "street_id", ids["street"], "street", "id or adcode")
    need("compounds", reg.compounds, "community_id", ids["community"], "community", "id or adcode")
    need("buildings", reg.buildings, "compound_id", ids["compound"], "compound")
    need("organizations", reg.organizations, "parent_id", ids["org"], "organization")
    for i, o in enumerate(reg.organizations):
        for a in o.areas():
            if a not in areas:
                raise RegistryError(*reg.where("organizations", i), "area_ids",
                                    f"no street, community or compound with id or adcode {a!r}")
    need("people", reg.people, "compound_id", ids["compound"], "compound")
    need("memberships", reg.memberships, "person_id", ids["person"], "person")
    need("memberships", reg.memberships, "org_id", ids["org"], "organization")
    need("memberships", reg.memberships, "nominated_by", ids["org"], "organization")
    for i, m in enumerate(reg.memberships):
        if m.start and m.end and m.end < m.start:
            raise RegistryError(*reg.where("memberships", i), "end", "ends before it starts")
    for i, k in enumerate(reg.contracts):
        if k.start and k.end and k.end < k.start:
            raise RegistryError(*reg.where("contracts", i), "end", "ends before it starts")
    if counties is not None:
        for i, st in enumerate(reg.streets):
            if st.county not in counties:
                raise RegistryError(*reg.where("streets", i), "county",
                                    f"unknown county {st.county!r}; known: {', '.join(sorted(counties))}")
    need("contracts", reg.contracts, "company_id", ids["company"], "company")
    need("contracts", reg.contracts, "compound_id", ids["compound"], "compound")
    need("facilities", reg.facilities, "compound_id", ids["compound"], "compound")
    need("credit_list", reg.credit_list, "company_id", ids["company"], "company")
    if reg.cases or reg.case_steps:
        check_cases(reg, known, all_ids)


def check_cases(reg: Registry, known: KnownPlaces, all_ids: set[str]) -> None:
    """Cases on known compounds, steps by known bodies at their own level, and dates
    in order: opened <= each step's start (in step order) <= closed; end >= start."""
    from .structure import issue_type_keys

    keys = issue_type_keys()
    compounds = {c.id for c in reg.compounds} | known.compounds
    people = {p.id for p in reg.people}
    area_level = {**{a: "street" for a in known.streets}, **{a: "community" for a in known.communities},
                  **{s.id: "street" for s in reg.streets}, **{c.id: "community" for c in reg.communities},
                  **{c.id: "compound" for c in reg.compounds}}
    levels = dict(known.levels)
    for o in reg.organizations:
        found = [area_level[a] for a in o.areas() if a in area_level]
        if found:
            levels[o.id] = min(found, key=lambda lv: LEVEL_ORDER.get(lv, 9))
    for c in reg.companies:
        levels[c.id] = "compound"
    cases: dict[str, tuple[int, Case]] = {}
    for i, k in enumerate(reg.cases):
        where = reg.where("cases", i)
        if k.id in all_ids or k.id in cases:
            raise RegistryError(*where, "id", f"id {k.id!r} is used twice")
        cases[k.id] = (i, k)
        if k.compound_id not in compounds:
            raise RegistryError(*where, "compound_id", f"no compound with id {k.compound_id!r}")
        if re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", k.issue) and k.issue not in keys:
            raise RegistryError(*where, "issue", f"unknown issue type {k.issue!r}; known: "
                                f"{', '.join(sorted(keys))} (or write the issue as free text)")
        if k.outcome == "resolved" and k.resolved_level is None:
            raise RegistryError(*where, "resolved_level",
                                "a resolved case needs the level that resolved it "
                                f"({', '.join(LEVELS)})")
        if k.outcome != "resolved" and k.resolved_level is not None:
            raise RegistryError(*where, "resolved_level", f"the case is {k.outcome}, not resolved")
        if k.outcome == "resolved" and k.closed is None:
            raise RegistryError(*where, "closed", "a resolved case needs the date it was closed")
        if k.outcome == "open" and k.closed is not None:
            raise RegistryError(*where, "closed", "an open case has no closing date")
        if k.closed is not None and k.closed < k.opened:
            raise RegistryError(*where, "closed", f"closed {k.closed} before it was opened {k.opened}")
        if k.due is not None and k.due < k.opened:
            raise RegistryError(*where, "due", f"due {k.due} before it was opened {k.opened}")
    steps: dict[tuple[str, int], int] = {}
    for i, st in enumerate(reg.case_steps):
        where = reg.where("case_steps", i)
        if st.case_id not in cases:
            raise RegistryError(*where, "case_id", f"no case with id {st.case_id!r}")
        if (st.case_id, st.order) in steps:
            raise RegistryError(*where, "order", f"case {st.case_id!r} has a step {st.order} already "
                                f"(line {reg.where('case_steps', steps[(st.case_id, st.order)])[1]})")
        steps[(st.case_id, st.order)] = i
        if st.level is None and st.body_id is None:
            raise RegistryError(*where, "level", "give the level or the body that took the step")
        if st.body_id is not None:
            if st.body_id in people:
                raise RegistryError(*where, "body_id", "a step is taken by a body, not a person "
                                    "(cases never name residents)")
            body_level = levels.get(st.body_id)
            if body_level is None:
                raise RegistryError(*where, "body_id", f"no body with id {st.body_id!r} "
                                    "(an organization or company of the registry, or a unit or real "
                                    "body the graph holds)")
            if body_level not in LEVEL_ORDER:
                raise RegistryError(*where, "body_id", f"body {st.body_id!r} sits at {body_level} "
                                    "level; a case step is taken at a compound, community, street, "
                                    "county or city")
            if st.level is not None and st.level != body_level:
                raise RegistryError(*where, "level", f"body {st.body_id!r} sits at {body_level} "
                                    f"level, not {st.level}")
        _, case = cases[st.case_id]
        if st.start < case.opened:
            raise RegistryError(*where, "start", f"step starts {st.start}, before case "
                                f"{case.id!r} was opened ({case.opened})")
        if case.closed is not None and st.start > case.closed:
            raise RegistryError(*where, "start", f"step starts {st.start}, after case "
                                f"{case.id!r} was closed ({case.closed})")
        if st.end is not None and st.end < st.start:
            raise RegistryError(*where, "end", f"step ends {st.end}, before it starts {st.start}")
        if case.closed is not None and st.end is not None and st.end > case.closed:
            raise RegistryError(*where, "end", f"step ends {st.end}, after case "
                                f"{case.id!r} was closed ({case.closed})")
    by_case: dict[str, list[int]] = {}
    for i, st in enumerate(reg.case_steps):
        by_case.setdefault(st.case_id, []).append(i)
    for idx in by_case.values():
        ordered = sorted(idx, key=lambda j: reg.case_steps[j].order)
        for a, b in zip(ordered, ordered[1:], strict=False):
            sa, sb = reg.case_steps[a], reg.case_steps[b]
            if sb.start < sa.start:
                raise RegistryError(*reg.where("case_steps", b), "start",
                                    f"step {sb.order} of case {sb.case_id!r} starts {sb.start}, "
                                    f"before step {sa.order} ({sa.start})")
    reg.step_levels = {i: (st.level or levels[st.body_id or ""]) for i, st in enumerate(reg.case_steps)}


def _d(v: date | None) -> str | None:
    return v.isoformat() if v else None


def registry_graph(reg: Registry, units: UnitRegistry, source: str,
                   known: KnownPlaces | None = None) -> GraphBatch:
    """Registry rows -> nodes and edges; each instance body points at its generic type.
    A street or community given by adcode is the real area of that code."""
    b = GraphBatch()
    place = (known or KnownPlaces()).area
    counties = {a.name: a.id for a in units.areas if a.props.get("level") == "county"}

    def prov(kind: str, i: int) -> dict[str, Any]:
        # Registry facts cite their file and line the way notice facts cite a clause.
        file, line = reg.where(kind, i)
        return {"registry": source, "registry_file": file, "registry_line": line}

    def area(id_: str, name: str, level: str, synthetic: bool, origin: dict[str, Any],
             **props: Any) -> None:
        b.nodes.append(Node(id=id_, kind=NodeKind.AREA, name=name,
                            props={"level": level, "synthetic": synthetic, **origin, **props}))

    for i, s in enumerate(reg.streets):
        county = counties.get(s.county)
        if county is None:
            raise RegistryError(*reg.where("streets", i), "county",
                                f"unknown county {s.county!r}; known: {', '.join(counties)}")
        area(s.id, s.name, "street", s.synthetic, prov("streets", i), street_kind=s.kind)
        b.edges.append(Edge(type=RelType.PART_OF, src=s.id, dst=county, props=prov("streets", i)))
    for i, c in enumerate(reg.communities):
        area(c.id, c.name, "community", c.synthetic, prov("communities", i))
        b.edges.append(Edge(type=RelType.PART_OF, src=c.id, dst=place(c.street_id),
                            props=prov("communities", i)))
    for i, cp in enumerate(reg.compounds):
        area(cp.id, cp.name, "compound", cp.synthetic, prov("compounds", i), built_year=cp.built_year,
             households=cp.households, category=cp.category)
        b.edges.append(Edge(type=RelType.PART_OF, src=cp.id, dst=place(cp.community_id),
                            props=prov("compounds", i)))
    for i, x in enumerate(reg.buildings):
        area(x.id, x.name, "building", x.synthetic, prov("buildings", i), units=x.units,
             floors=x.floors)
        b.edges.append(Edge(type=RelType.PART_OF, src=x.id, dst=x.compound_id,
                            props=prov("buildings", i)))
    for i, o in enumerate(reg.organizations):
        body_type, kind = ORG_KINDS[o.kind]
        b.nodes.append(Node(id=o.id, kind=kind, name=o.name, props={
            "body_type": body_type, "org_kind": o.kind, "synthetic": o.synthetic,
            **prov("organizations", i)}))
        for a in o.areas():
            b.edges.append(Edge(type=RelType.LOCATED_IN, src=o.id, dst=place(a),
                                props=prov("organizations", i)))
        if o.parent_id:
            b.edges.append(Edge(type=RelType.PART_OF, src=o.id, dst=o.parent_id,
                                props=prov("organizations", i)))
    for i, p in enumerate(reg.people):
        # The graph knows a person by their opaque id alone; what identifies them
        # (name, Party membership) goes to the personal store, citing the same row.
        b.nodes.append(Node(id=p.id, kind=NodeKind.RESIDENT, name=p.id, props={
            "person": True, "synthetic": p.synthetic, **prov("people", i)}))
        b.persons.append(PersonRecord(id=p.id, name=p.name, party_member=p.party_member,
                                      synthetic=p.synthetic, **prov("people", i)))
        if p.compound_id:
            b.edges.append(Edge(type=RelType.LIVES_IN, src=p.id, dst=p.compound_id,
                                props=prov("people", i)))
    for i, m in enumerate(reg.memberships):
        b.edges.append(Edge(type=RelType.MEMBER_OF, src=m.person_id, dst=m.org_id, props={
            "role": m.role, "since": _d(m.start), "start": _d(m.start), "end": _d(m.end),
            "nominated_by": m.nominated_by, "synthetic": m.synthetic, **prov("memberships", i)}))
    credit: dict[str, CreditEntry] = {}
    for e in sorted(reg.credit_list, key=lambda e: e.date):
        credit[e.company_id] = e  # the latest entry decides the company's standing
    for i, co in enumerate(reg.companies):
        entry = credit.get(co.id)
        b.nodes.append(Node(id=co.id, kind=NodeKind.COMPANY, name=co.name, props={
            "company_kind": co.kind, "synthetic": co.synthetic, **prov("companies", i),
            "credit_list": entry.list if entry else None,
            "credit_date": _d(entry.date) if entry else None,
            "credit_reason": entry.reason if entry else None}))
    for i, k in enumerate(reg.contracts):
        b.edges.append(Edge(type=RelType.MANAGES, src=k.company_id, dst=k.compound_id, props={
            "since": _d(k.start), "start": _d(k.start), "end": _d(k.end), "synthetic": k.synthetic,
            **prov("contracts", i)}))
    if reg.cases or reg.case_steps:
        _case_graph(reg, b, prov)
    for i, f in enumerate(reg.facilities):
        b.nodes.append(Node(id=f.id, kind=NodeKind.FACILITY, name=f.name, props={
            "facility_kind": f.kind, "synthetic": f.synthetic, **prov("facilities", i)}))
        b.edges.append(Edge(type=RelType.LOCATED_IN, src=f.id, dst=f.compound_id,
                            props=prov("facilities", i)))
    return b


def _case_graph(reg: Registry, b: GraphBatch, prov: Callable[[str, int], dict[str, Any]]) -> None:
    """Cases and their steps: each a node citing its row; a case is OPENED_IN its
    compound, ABOUT its issue type (when it names a taxonomy key), HAS_STEP its
    steps, each TAKEN_BY its body, and HANDLED_BY each body that took a step."""
    from .structure import issue_type_keys

    keys = issue_type_keys()
    for i, k in enumerate(reg.cases):
        key = k.issue if k.issue in keys else None
        b.nodes.append(Node(id=k.id, kind=NodeKind.CASE, name=k.id, props={
            "compound_id": k.compound_id, "issue": key, "issue_text": None if key else k.issue,
            "channel": k.channel, "opened": _d(k.opened), "outcome": k.outcome,
            "resolved_level": k.resolved_level, "closed": _d(k.closed), "due": _d(k.due),
            "synthetic": k.synthetic, **prov("cases", i)}))
        b.edges.append(Edge(type=RelType.OPENED_IN, src=k.id, dst=k.compound_id, props=prov("cases", i)))
        if key:
            b.edges.append(Edge(type=RelType.ABOUT, src=k.id, dst=f"issue:{key}", props=prov("cases", i)))
    handled: dict[tuple[str, str], tuple[int, list[int], list[str]]] = {}
    for i, st in enumerate(reg.case_steps):
        level = reg.step_levels.get(i) or st.level
        b.nodes.append(Node(id=st.node_id, kind=NodeKind.CASE_STEP, name=f"{st.case_id} step {st.order}",
                            props={"case_id": st.case_id, "order": st.order, "level": level,
                                   "level_given": st.level is not None, "body_id": st.body_id,
                                   "action": st.action, "start": _d(st.start), "end": _d(st.end),
                                   "synthetic": st.synthetic, **prov("case_steps", i)}))
        b.edges.append(Edge(type=RelType.HAS_STEP, src=st.case_id, dst=st.node_id,
                            props={"step": st.order, **prov("case_steps", i)}))
        if st.body_id:
            b.edges.append(Edge(type=RelType.TAKEN_BY, src=st.node_id, dst=st.body_id,
                                props=prov("case_steps", i)))
            first, orders, actions = handled.setdefault((st.case_id, st.body_id), (i, [], []))
            orders.append(st.order)
            actions.append(st.action)
    for (case_id, body_id), (i, orders, actions) in handled.items():
        b.edges.append(Edge(type=RelType.HANDLED_BY, src=case_id, dst=body_id, props={
            "steps": orders, "actions": actions, **prov("case_steps", i)}))


OPEN311_REGISTRY = "open311"
OPEN311_FILE = "POST /open311/v2/requests.json"
POSTED_ID_PREFIX = "o311:"  # a posted case's id: the prefix and 16 hex digits

# The cases posted through Open311, counted with one index seek (Case.registry is
# indexed on both engines, graph/*_store.py) however many cases the registries
# hold; registry_file tells them from the rows of a registry directory named open311.
POSTED_CASES_QUERY = (f"MATCH (c:{NodeKind.CASE.value} {{registry: $registry}}) "
                      "WHERE c.registry_file = $file "
                      "RETURN count(c), count(CASE WHEN c.outcome = 'open' THEN 1 END), min(c.opened)")


class PostedCasesHeld(GovgraphError, RuntimeError):
    """A replacing load refused before anything was written: the graph holds cases
    posted through Open311, which replacing it would delete (docs/cases.md#open311)."""

    problem = "replace-refused"


def posted_cases_message(cases: int, still_open: int, first_opened: str | None) -> str:
    """The refusal: how many posted cases a replace would delete (how many of them
    still open), and the two ways out (tests/unit/test_posted_cases.py)."""
    what = f"{cases} case{'' if cases == 1 else 's'}"
    listing = "GET /open311/v2/requests.json" + (f"?start_date={first_opened}" if first_opened else "")
    return (f"the graph holds {what} posted through Open311 ({still_open} still open), which "
            "replacing it would delete; nothing was written. Replace anyway with "
            "--drop-posted-cases (API: \"drop_posted_cases\": true), or first list them "
            f"({listing}; their ids start with {POSTED_ID_PREFIX}) to post them again once the "
            "new graph is loaded")


def keep_posted_cases(lookup: Callable[[str, dict[str, Any]], list[list[Any]]]) -> None:
    """A replacing load's check (``graph.store.ReplaceCheck``): refuse it when the
    graph holds cases posted through Open311 (``PostedCasesHeld``). One query."""
    rows = lookup(POSTED_CASES_QUERY, {"registry": OPEN311_REGISTRY, "file": OPEN311_FILE})
    cases, still_open, first = rows[0] if rows else (0, 0, None)
    if cases:
        raise PostedCasesHeld(posted_cases_message(int(cases), int(still_open or 0),
                                                   str(first) if first else None))


def posted_case(case_id: str, compound_id: str, issue: str, opened: date, due: date | None,
                body_id: str | None, level: str | None) -> GraphBatch:
    """A case posted as an Open311 service request: open, on a compound, about an
    issue-type key, with one step — ``received`` by the first body of its chain
    (none when the chain names nobody). Its nodes cite the request by its id, as
    registry rows cite their file and line; it names no resident."""
    if level is not None and level not in LEVEL_ORDER:
        raise ValueError(f"unknown level {level!r}")
    prov: dict[str, Any] = {"registry": OPEN311_REGISTRY, "registry_file": OPEN311_FILE,
                            "registry_entry": case_id}
    b = GraphBatch()
    b.nodes.append(Node(id=case_id, kind=NodeKind.CASE, name=case_id, props={
        "compound_id": compound_id, "issue": issue, "issue_text": None, "channel": "12345",
        "opened": opened.isoformat(), "outcome": "open", "resolved_level": None, "closed": None,
        "due": _d(due), "synthetic": False, **prov}))
    b.edges.append(Edge(type=RelType.OPENED_IN, src=case_id, dst=compound_id, props=prov))
    b.edges.append(Edge(type=RelType.ABOUT, src=case_id, dst=f"issue:{issue}", props=prov))
    if body_id is not None or level is not None:
        step = f"{case_id}#step1"
        b.nodes.append(Node(id=step, kind=NodeKind.CASE_STEP, name=f"{case_id} step 1", props={
            "case_id": case_id, "order": 1, "level": level, "level_given": False, "body_id": body_id,
            "action": "received", "start": opened.isoformat(), "end": None, "synthetic": False,
            **prov}))
        b.edges.append(Edge(type=RelType.HAS_STEP, src=case_id, dst=step, props={"step": 1, **prov}))
        if body_id is not None:
            b.edges.append(Edge(type=RelType.TAKEN_BY, src=step, dst=body_id, props=prov))
            b.edges.append(Edge(type=RelType.HANDLED_BY, src=case_id, dst=body_id, props={
                "steps": [1], "actions": ["received"], **prov}))
    return b
