"""Coverage-guided fuzzing of the registry loader with atheris (libFuzzer).

    python tests/fuzz/fuzz_registry.py -max_total_time=600      # on demand
    (tests/system/test_reliability.py runs it for a few seconds in CI)

Any exception other than RegistryError is a finding.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from govgraph.loaders.registry import KINDS, RegistryError, read_registry

WORK = Path(tempfile.mkdtemp(prefix="govgraph-fuzz-registry-"))


def test_one(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    kind, model = KINDS[fdp.ConsumeIntInRange(0, len(KINDS) - 1)]
    as_json = fdp.ConsumeBool()
    body = fdp.ConsumeBytes(4096)
    for p in WORK.iterdir():
        p.unlink()
    if as_json:
        (WORK / f"{kind}.json").write_bytes(body)
    else:
        header = ",".join(model.model_fields).encode()
        (WORK / f"{kind}.csv").write_bytes(header + b"\n" + body)
    try:
        read_registry(WORK, counties={"西秀区"})
    except RegistryError:
        pass


def main() -> None:
    atheris.Setup(sys.argv, test_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
