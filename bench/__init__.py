"""govgraph's benchmark harness: the only place timings live.

``python -m bench run --sizes 10k,100k`` synthesizes cities of each size, loads
them into each engine (embedded FalkorDB and a real Neo4j), times the per-row
baseline, warm lookups through the Python API and on an in-memory networkx
graph, and drives ``govgraph serve`` with a real load generator (wrk). Results
go to ``bench/results/latest.json`` and ``bench/results/latest.md``.

No test asserts a timing: ``tests/system/test_bench_smoke.py`` only checks that every
section of the report is there and its numbers are positive.
"""
