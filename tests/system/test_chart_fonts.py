"""Charts draw Chinese labels with a font that has their glyphs, and say so when
there is none (govgraph/charts.py, scripts/install-fonts.sh).

The answers here are made by hand (no store): three units of the seed notice with
made-up numbers; only their names matter.
"""

from __future__ import annotations

import warnings

import pytest
from govgraph.queries import analytics
from govgraph.queries.answers import UnitRef
from helpers import REPO

from govgraph import charts

UNITS = [UnitRef(id="unit:市住房城乡建设局", name="市住房城乡建设局", name_en="Municipal Housing Bureau"),
         UnitRef(id="unit:各县〔区〕人民政府〔管委会〕", name="各县〔区〕人民政府〔管委会〕",
                 name_en="County governments"),
         UnitRef(id="unit:市委组织部", name="市委组织部", name_en="Organization Department")]
BASIS = analytics.Basis(projection="co-responsibility", documents=[], generation="g", nodes=3, edges=2)


def _degree() -> analytics.DegreeAnswer:
    return analytics.DegreeAnswer(basis=BASIS, items=[
        analytics.UnitDegree(unit=u, lead=3 - i, responsible=i, support=0, duties=3, partners=2,
                             strength=2.0) for i, u in enumerate(UNITS)])


def _drawn(monkeypatch: pytest.MonkeyPatch) -> list:
    """Keep the figures the charts would save."""
    figures: list = []
    monkeypatch.setattr(charts, "_save", lambda plt, fig, fmt: figures.append(fig) or b"")
    return figures


def _cjk(text: str) -> str:
    return "".join(c for c in text if "\u4e00" <= c <= "\u9fff")


def test_chinese_labels_are_drawn_with_a_font_that_has_their_glyphs(monkeypatch):
    found = charts.cjk_font()
    if found is None:
        pytest.skip("no CJK font on this machine (scripts/install-fonts.sh installs "
                    "fonts-wqy-zenhei); the fallback is tested below")
    from matplotlib import font_manager, ft2font, text

    family, path = found
    assert charts._covers(path, _cjk("".join(u.name for u in UNITS)))
    figures = _drawn(monkeypatch)
    charts.load_chart(_degree(), "png")
    [fig] = figures
    fig.canvas.draw()
    labels = [t for t in fig.findobj(text.Text) if _cjk(t.get_text())]
    assert {t.get_text() for t in labels} >= {u.name for u in UNITS}
    for t in labels:
        file = font_manager.findfont(t.get_fontproperties(), fallback_to_default=False)
        charmap = ft2font.FT2Font(file).get_charmap()
        missing = [c for c in _cjk(t.get_text()) if ord(c) not in charmap]
        assert not missing, f"{t.get_text()!r} drawn with {file}, which lacks {missing}"
    assert family in fig.findobj(text.Text)[0].get_fontproperties().get_family()


def test_a_png_with_chinese_labels_misses_no_glyph():
    if charts.cjk_font() is None:
        pytest.skip("no CJK font on this machine (scripts/install-fonts.sh installs fonts-wqy-zenhei)")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph ... missing from font(s)"
        png = charts.load_chart(_degree(), "png")
    assert png.startswith(b"\x89PNG")


def test_without_a_cjk_font_labels_are_english_and_the_chart_says_why(monkeypatch):
    monkeypatch.setattr(charts, "cjk_font", lambda: None)
    from matplotlib import text

    figures = _drawn(monkeypatch)
    charts.load_chart(_degree(), "png")
    [fig] = figures
    fig.canvas.draw()
    words = [t.get_text() for t in fig.findobj(text.Text)]
    assert not any(_cjk(w) for w in words)
    assert {"Municipal Housing Bureau", "County governments"} <= set(words)
    assert any(charts.FONT_HINT in w for w in words)
    # an SVG keeps the Chinese text for the viewer's fonts
    figures.clear()
    charts.load_chart(_degree(), "svg")
    with warnings.catch_warnings():  # no font here for them: drawing the canvas warns
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        figures[0].canvas.draw()
    assert "市住房城乡建设局" in [t.get_text() for t in figures[0].findobj(text.Text)]


def test_a_font_file_that_lacks_the_glyphs_is_not_taken(tmp_path):
    from matplotlib import font_manager

    dejavu = font_manager.findfont("DejaVu Sans")
    assert not charts._covers(dejavu)
    assert not charts._covers(str(tmp_path / "missing.ttf"))


def test_the_install_step_installs_the_font():
    install = (REPO / "scripts" / "install.sh").read_text()
    fonts = (REPO / "scripts" / "install-fonts.sh").read_text()
    assert "bash scripts/install-fonts.sh" in install
    assert "PKG=fonts-wqy-zenhei" in fonts and "apt-get install" in fonts
