"""The unit registry, collectives, and the cited standing structure."""

from __future__ import annotations

import pytest
from govgraph.graph.model import NodeKind, RelType
from govgraph.loaders.pipeline import default_notice
from govgraph.loaders.structure import StructureError, structure_graph
from govgraph.loaders.units import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


@pytest.mark.parametrize("alias", ["市住建局", "市住房城乡建设局", "安顺市住房和城乡建设局",
                                   "住房城乡建设部门", "住房和城乡建设行政管理部门"])
def test_aliases_resolve_to_one_unit(registry, alias):
    assert registry.resolve(alias).unit.id == "unit:市住房城乡建设局"


def test_unknown_name_is_unresolved_not_guessed(registry):
    assert not registry.resolve("市住建").resolved


def test_collectives_stand_for_the_eight_county_bodies(registry):
    gov = registry.resolve("各县(区)人民政府(管委会)").unit
    party = registry.resolve("各县〔区〕党委〔工委〕").unit
    assert len(gov.members) == 8 and len(party.members) == 8
    names = {registry.get(m).name for m in gov.members}
    assert "西秀区人民政府" in names and "黄果树旅游区管委会" in names
    assert registry.get(party.members[0]).kind == NodeKind.PARTY_ORGANIZATION


def test_structure_facts_are_cited_with_real_spans(registry):
    notice = default_notice()
    batch = structure_graph(notice, registry)
    cited = [e for e in batch.edges if e.source is not None]
    assert len(cited) == len(batch.edges)
    for e in cited:
        assert notice.text[e.source.start : e.source.end] == e.source.clause
        if e.source.measure is not None:
            m = notice.measure(e.source.measure)
            assert m.start <= e.source.start < e.source.end <= m.end
    types = {e.type for e in batch.edges}
    assert {RelType.LEADS, RelType.GUIDES, RelType.SUPERVISES, RelType.HEADS, RelType.MEMBER_OF,
            RelType.NOMINATES, RelType.MEDIATES_AT, RelType.ESCALATES_TO, RelType.HANDLES} <= types


def test_a_quote_not_in_the_document_is_refused(registry, tmp_path, monkeypatch):
    from importlib import resources

    text = resources.files("govgraph.loaders").joinpath("data/anshun_structure.toml").read_text("utf-8")
    bad = tmp_path / "structure.toml"
    bad.write_text(text.replace("居(村)民委员会自觉接受社区(村)党组织的领导", "居委会听从上级"), "utf-8")
    monkeypatch.setenv("GOVGRAPH_STRUCTURE_FILE", str(bad))
    with pytest.raises(StructureError, match="quote not found in measure 3"):
        structure_graph(default_notice(), registry)
