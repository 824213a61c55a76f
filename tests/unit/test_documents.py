"""A notice turned into graph facts against the unit registry, without a store."""

from __future__ import annotations

from govgraph.loaders.units import load_registry


def test_an_alias_resolves_when_the_name_does_not():
    """县司法局（县普法办）: if only the alias is in the registry, the unit resolves by it."""
    from govgraph.loaders.documents import notice_to_graph
    from govgraph.loaders.notice import parse_notice

    text = "（一）做好普法工作。（牵头单位：市普法办（市委组织部）；责任单位：市民政局）"
    notice = parse_notice(text, source="alias.txt")
    facts = notice_to_graph(notice, load_registry())
    leads = [e.src for e in facts.batch.edges if e.type == "LEADS_MEASURE"]
    assert leads == ["unit:市委组织部"]
    assert facts.unresolved == []

