"""A copy the server never finished leaves its graph dump behind; after a restart
govgraph deletes the dumps its server's log says were written and never read
back, and nothing else."""

from __future__ import annotations

from govgraph.graph import embedded_server


def test_only_dumps_written_and_never_read_back_are_deleted(tmp_path):
    done = tmp_path / "0b7a3c2e-1111-4a3e-9c2d-4a1b2c3d4e5f.dump"
    left = tmp_path / "7fa8cbe6-393c-4640-adf5-48d2e276fafc.dump"
    other = tmp_path / "9d0e8f7a-2222-4b4b-8c8c-0123456789ab.dump"  # not in the log
    for f in (done, left, other):
        f.write_bytes(b"x" * 10)
    (tmp_path / embedded_server.LOG_NAME).write_text(
        f"21639:C 07 Dec 2026 16:50:54.443 * <module> dump graph: govgraph to: {done}\n"
        f"21505:M 07 Dec 2026 16:50:54.516 * <module> Decoding graph: govgraph__rollback from: {done}\n"
        f"21505:M 07 Dec 2026 16:50:54.551 * <module> deleting dumped graph file: {done}\n"
        f"21640:C 07 Dec 2026 16:51:20.100 * <module> dump graph: govgraph to: {left}\n",
        encoding="utf-8")
    assert embedded_server.remove_leftover_dumps(tmp_path) == [(left, 10)]
    assert not left.exists() and done.exists() and other.exists()


def test_no_log_deletes_nothing(tmp_path):
    assert embedded_server.remove_leftover_dumps(tmp_path) == []
