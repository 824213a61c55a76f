"""Fuzzed and hostile input to the readers (the notice parser, the registry
loader): only clear errors, never a crash or a hang; and secrets stay out of
errors. No database (atheris's longer fuzzing is in tests/system/test_reliability.py).
"""

from __future__ import annotations

import os
import time

import pytest
from govgraph.graph.store import StoreError
from govgraph.loaders.notice import NoticeError, parse_notice
from govgraph.loaders.registry import KINDS, RegistryError, read_registry
from helpers import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from serving import free_port

FUZZ_EXAMPLES = int(os.environ.get("GOVGRAPH_FUZZ_EXAMPLES") or examples(150))

# --- fuzzing: only clear errors, never a crash or a hang ------------------------------------

notice_like = st.lists(
    st.one_of(
        st.text(max_size=40),
        st.sampled_from(["(一)", "（二）", "三、", "1.", "（1）", "牵头单位:", "责任单位：", "配合单位",
                         "、", "；", ";", ")", "（", "〔区〕", "\n", "\n\n", "— 3 —", "等部门", "市住建局",
                         "各县〔区〕党委〔工委〕、人民政府〔管委会〕", "\x00", "《", "》", "2021年2月3日"]),
    ),
    max_size=60,
).map("".join)


@settings(max_examples=FUZZ_EXAMPLES, deadline=2000,
          suppress_health_check=[HealthCheck.too_slow])
@given(text=notice_like)
def test_fuzz_notice_parser(text):
    try:
        notice = parse_notice(text, source="fuzz.txt")
    except NoticeError as e:
        assert "fuzz.txt" in str(e)
        return
    for m in notice.measures:
        for a in m.attributions:
            assert text[a.start : a.end] == a.clause


def test_enormous_document_is_refused_quickly():
    t0 = time.monotonic()
    with pytest.raises(NoticeError, match="limit"):
        parse_notice("牵头单位:市住建局。" * 400_000, source="big.txt")
    assert time.monotonic() - t0 < 5


csv_cell = st.one_of(st.text(max_size=12), st.sampled_from(["", "t:x", "true", "2024-01-01", "-1",
                                                             "9999999999", '"', ",", "\n", "西秀区"]))


@settings(max_examples=FUZZ_EXAMPLES, deadline=3000,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(kind_index=st.integers(0, len(KINDS) - 1),
       rows=st.lists(st.lists(csv_cell, min_size=0, max_size=9), max_size=6))
def test_fuzz_registry_loader(tmp_path_factory, kind_index, rows):
    import csv

    d = tmp_path_factory.mktemp("fuzzreg")
    kind, model = KINDS[kind_index]
    with (d / f"{kind}.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(list(model.model_fields))
        w.writerows(rows)
    try:
        read_registry(d, counties={"西秀区"})
    except RegistryError as e:
        assert e.file.endswith(".csv")


def test_secrets_stay_out_of_errors(tmp_path):
    from govgraph.graph.neo4j_store import Neo4jStore

    with pytest.raises(StoreError) as err:
        Neo4jStore(f"bolt://127.0.0.1:{free_port()}", password="hunter2-secret", connection_timeout=2)
    assert "hunter2-secret" not in str(err.value)
    from govgraph.settings import Settings

    s = Settings(api_token="tok-abcdef-123456", neo4j_password="pw-abcdef-123456")
    assert "tok-abcdef" not in repr(s) and "pw-abcdef" not in repr(s)
    assert s.host == "127.0.0.1"


def test_a_document_that_takes_too_long_is_refused():
    from govgraph.loaders.pipeline import default_notice

    text = default_notice().text
    with pytest.raises(NoticeError, match="longer than"):
        parse_notice(text, source="slow.txt", max_seconds=0)


def test_registry_file_that_is_not_utf8_is_a_clear_error(tmp_path):
    """Found by the atheris harness: a non-UTF-8 byte used to escape as UnicodeDecodeError."""
    (tmp_path / "streets.csv").write_bytes(b"id,name,county\nt:s:1,\xff\xfe,\xe8\xa5\xbf\n")
    with pytest.raises(RegistryError, match="not UTF-8") as err:
        read_registry(tmp_path, counties={"西秀区"})
    assert err.value.file == "streets.csv"
    (tmp_path / "streets.csv").unlink()
    (tmp_path / "streets.json").write_bytes(b'[{"id": "\xff"}]')
    with pytest.raises(RegistryError, match="not UTF-8"):
        read_registry(tmp_path, counties={"西秀区"})

