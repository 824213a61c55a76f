"""The examples in the docstrings of these modules run and give what they show."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["govgraph.graph.names", "govgraph.render", "govgraph.loaders.notice",
           "govgraph.loaders.notice.names", "govgraph.loaders.notice.duties",
           "govgraph.loaders.notice.roles", "govgraph.loaders.notice.running_text", "govgraph.loaders.notice.tables",
           "govgraph.loaders.notice.persons", "govgraph.loaders.notice.posts",
           "govgraph.loaders.notice.unit_lists", "govgraph.loaders.notice.pages",
           "govgraph.loaders.notice.fallback", "govgraph.loaders.notice.sector_lists",
           "govgraph.loaders.notice.sector_lexicon", "govgraph.loaders.notice.lexicon_lists",
           "govgraph.loaders.notice.dash_pairs", "govgraph.loaders.json_rows",
           "govgraph.loaders.notice.duty_density", "govgraph.loaders.notice.titled_roles",
           "govgraph.loaders.notice.chapter_duties", "govgraph.loaders.notice.clause_bodies",
           "govgraph.queries.analytics", "govgraph.queries.cases", "govgraph.queries.questions",
           "govgraph.errors", "govgraph.queries.flow",
           "govgraph.queries.listing", "govgraph.graph.read_only"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    result = doctest.testmod(importlib.import_module(name), verbose=False)
    assert result.attempted > 0, f"{name} has no examples: take it out of MODULES"
    assert result.failed == 0
