"""The image installs govgraph the way the README's quick start does."""

from __future__ import annotations

from helpers import REPO


def test_image_and_quick_start_share_the_install_step():
    dockerfile = (REPO / "Dockerfile").read_text()
    quickstart = (REPO / "scripts" / "quickstart.sh").read_text()
    assert "bash scripts/install.sh" in dockerfile
    assert "bash scripts/install.sh" in quickstart
    assert "bash scripts/quickstart.sh" in (REPO / "README.md").read_text()

