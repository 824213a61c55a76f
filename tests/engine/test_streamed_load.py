"""Streamed registry loads (issue 31), on both engines: registries are read,
checked and written in bounded chunks, and every guarantee of a whole-plan load
holds: the same stored graph (a checksum over ids, labels, properties and edges),
reloads change nothing, and the first bad row — however late in a large file —
names its file, line and field and leaves the store exactly as it was, as does
an id another registry holds."""

from __future__ import annotations

import shutil

import pytest
from govgraph.graph.store import IdConflict
from govgraph.loaders.pipeline import execute, execute_stream, plan_load, plan_stream
from govgraph.loaders.registry import RegistryError
from helpers import REGISTRY, city_across_chunks, city_with_a_late_bad_row, graph_checksum

# Small chunks, so that the test city (about 3,400 rows) is many chunks.
CHUNK_ROWS = 150


@pytest.fixture(params=["falkor", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def empty(request, tmp_path):
    """An empty store of each engine; the shared Neo4j gets its usual graph back after.
    Its Neo4j store writes any load above 1,000 rows in sized transactions, chunk
    by chunk, as a large city is written (below, one transaction at the end)."""
    if request.param == "falkor":
        yield request.getfixturevalue("fresh_store")
        return
    from govgraph.graph.neo4j_store import Neo4jStore

    shared = request.getfixturevalue("neo4j_store")
    shared.clear()
    with Neo4jStore(request.getfixturevalue("neo4j_uri"), personal_dir=tmp_path / "personal",
                    single_transaction_rows=1_000) as s:
        try:
            yield s
        finally:
            s.clear()
            execute(shared, request.getfixturevalue("default_plan"))


def _stream(store, registries, **kw):
    replace = kw.pop("replace", False)
    progress = kw.pop("progress", None)
    load = plan_stream(registries=registries, chunk_rows=kw.pop("chunk_rows", CHUNK_ROWS), **kw)
    return execute_stream(store, load, replace=replace, progress=progress)


def _state(store):
    return graph_checksum(store), store.personal.count()


def _lines(path):
    return path.read_text("utf-8").splitlines()


@pytest.fixture
def city(city_dir, tmp_path):
    """The test city, with rows a stream must carry across chunks (``city_across_chunks``)."""
    return city_across_chunks(city_dir, tmp_path / "city", CHUNK_ROWS)


def test_a_streamed_load_equals_a_whole_plan_load(empty, city):
    store = empty
    whole = execute(store, plan_load(registries=[REGISTRY, city]))
    expected = _state(store)
    assert expected[0][0]["nodes"] > 6000
    store.clear()
    assert graph_checksum(store)[0] == {"nodes": 0, "edges": 0}

    chunks = []
    streamed = _stream(store, [REGISTRY, city], progress=lambda done, total: chunks.append(done))
    assert _state(store) == expected
    assert (streamed.nodes, streamed.edges) == (whole.nodes, whole.edges)
    assert len(chunks) >= 20  # written as it was read, not at the end

    # Reloads change nothing: streamed again, and as a whole plan.
    _stream(store, [REGISTRY, city])
    assert _state(store) == expected
    execute(store, plan_load(registries=[REGISTRY, city]))
    assert _state(store) == expected
    # With replace, the same graph again.
    _stream(store, [REGISTRY, city], replace=True, chunk_rows=1000)
    assert _state(store) == expected


def _late_bad_row(city_dir, tmp_path):
    return city_with_a_late_bad_row(city_dir, tmp_path / "late", CHUNK_ROWS)


@pytest.mark.parametrize("replace", [False, True], ids=["merge", "replace"])
def test_a_bad_row_late_in_a_large_streamed_file_leaves_the_store_unchanged(
        store, city_dir, tmp_path, replace):
    before = _state(store)
    d, line = _late_bad_row(city_dir, tmp_path)
    written: list[int] = []
    with pytest.raises(RegistryError) as err:
        _stream(store, [d], replace=replace, progress=lambda done, total: written.append(done))
    e = err.value
    assert (e.file, e.line, e.field) == ("people.csv", line, "compound_id")
    assert "no compound with id 'syn:compound:nowhere'" in e.reason
    if store.undoable_writes:
        # The embedded engine wrote many chunks before it met the row, and undid them.
        assert written and written[-1] > 10 * CHUNK_ROWS
    else:
        # Neo4j reads everything before its first write.
        assert written == []
    assert _state(store) == before


def test_a_failed_streamed_load_into_an_empty_store_is_read_once_and_undone(
        empty, city_dir, tmp_path):
    """Into a store that holds nothing, every engine writes as it reads and, at a
    bad row, empties the store again: the input is not read twice."""
    before = _state(empty)
    d, line = _late_bad_row(city_dir, tmp_path)
    written: list[int] = []
    with pytest.raises(RegistryError) as err:
        _stream(empty, [d], progress=lambda done, total: written.append(done))
    assert (err.value.file, err.value.line) == ("people.csv", line)
    assert written and written[-1] > 10 * CHUNK_ROWS
    assert _state(empty) == before
    assert not empty.read("MATCH (n) RETURN n.id LIMIT 1").rows


@pytest.mark.parametrize("file,old,new,line,field,reason", [
    ("compounds.csv", "t:cpd:3,河景苑,t:comm:2,2015,300", "t:cpd:3,河景苑,t:comm:2,2015,-300", 4,
     "households", "greater than or equal to 0"),
    ("memberships.csv", "t:p:8,t:org:oc3,member", "t:p:8,t:org:oc3,boss", 13, "role", "Input should be"),
    ("people.csv", "t:p:9,吴磊,true,t:cpd:3", "t:p:9,吴磊,true,t:cpd:33", 10, "compound_id",
     "no compound with id 't:cpd:33'"),
    ("streets.csv", "t:street:2,测试镇,普定县", "t:street:2,测试镇,火星县", 3, "county", "unknown county"),
    ("contracts.csv", "t:co:B,t:cpd:3,2019-05-01,", "t:co:B,t:cpd:3,2019-05-01,,extra", 4, None,
     "more values than header"),
    ("organizations.csv", "t:org:oc3,owners_committee", "t:org:oc3,owner_committee", 14, "kind",
     "unknown organization kind"),
])
def test_a_streamed_load_names_the_bad_row_as_a_whole_plan_load_does(
        store, tmp_path, file, old, new, line, field, reason):
    before = _state(store)
    d = tmp_path / "registry"
    shutil.copytree(REGISTRY, d)
    p = d / file
    text = p.read_text("utf-8")
    assert old in text
    p.write_text(text.replace(old, new, 1), "utf-8")
    with pytest.raises(RegistryError) as whole:
        plan_load(registries=[d])
    with pytest.raises(RegistryError) as streamed:
        _stream(store, [d], chunk_rows=2)
    assert (streamed.value.file, streamed.value.line, streamed.value.field) == (file, line, field)
    assert str(streamed.value) == str(whole.value)
    assert reason in streamed.value.reason
    assert _state(store) == before


def test_another_registry_with_the_same_ids_is_refused_when_streamed(store, tmp_path):
    before = _state(store)
    other = tmp_path / "other"
    shutil.copytree(REGISTRY, other)
    with pytest.raises(IdConflict) as err:
        _stream(store, [other], chunk_rows=2)
    msg = str(err.value)
    assert "id 't:street:1' is in the stored graph as Area, registry 'registry' (streets.csv, line 2)" in msg
    assert "registry 'other' (streets.csv, line 2)" in msg and "Nothing was written" in msg
    assert _state(store) == before


@pytest.fixture
def small_seals(monkeypatch):
    """The load's ids sealed into hash arrays every 100 (SEAL_AT), so that the
    test city's checks run against sealed ids as a large city's do."""
    from govgraph.loaders import registry_stream

    monkeypatch.setattr(registry_stream, "SEAL_AT", 100)


def test_a_streamed_load_with_sealed_ids_equals_a_whole_plan_load(empty, city, small_seals):
    store = empty
    execute(store, plan_load(registries=[REGISTRY, city]))
    expected = _state(store)
    store.clear()
    _stream(store, [REGISTRY, city])
    assert _state(store) == expected
    _stream(store, [REGISTRY, city])  # reloads change nothing
    assert _state(store) == expected


def test_an_id_given_twice_far_apart_is_refused_with_sealed_ids(store, city_dir, tmp_path, small_seals):
    before = _state(store)
    d = tmp_path / "twice"
    shutil.copytree(city_dir, d)
    people = _lines(d / "people.csv")
    first = people[1].split(",")[0]
    cols = people[-3].split(",")
    cols[0] = first
    people[-3] = ",".join(cols)
    (d / "people.csv").write_text("\n".join(people) + "\n", "utf-8")
    with pytest.raises(RegistryError) as err:
        _stream(store, [d])
    e = err.value
    assert (e.file, e.line, e.field) == ("people.csv", len(people) - 2, "id")
    assert e.reason == f"id {first!r} is used twice"
    assert _state(store) == before


def test_two_registries_of_one_streamed_load_sharing_ids_with_sealed_ids(store, city_dir, tmp_path,
                                                                         small_seals):
    before = _state(store)
    other = tmp_path / "other"
    other.mkdir()
    # Its own people first, then one of the city's: met when the city's ids are sealed.
    given = _lines(city_dir / "people.csv")[5].split(",")[0]
    rows = ["id,name,party_member,compound_id,synthetic",
            *(f"o:person:{i},某人,false,,true" for i in range(300)), f"{given},某人,false,,true"]
    (other / "people.csv").write_text("\n".join(rows) + "\n", "utf-8")
    with pytest.raises(ValueError) as err:
        _stream(store, [city_dir, other], replace=True)
    msg = str(err.value)
    assert f"id {given!r} is in an earlier part of this load as Resident, registry '{city_dir.name}' " \
           "(people.csv, line 6); this load gives it as Resident, registry 'other' (people.csv, line 302)" in msg
    assert _state(store) == before
