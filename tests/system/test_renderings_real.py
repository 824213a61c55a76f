"""Real documents in other renderings (scripts/renderings.py: wrapped, indented, blank
lines, CRLF, footers, punctuation widths, numbering marks) are still read exactly: each
of ten documents parsed in twelve renderings, so it runs beside the other integration
tests; the renderings themselves are tested in tests/unit/test_renderings.py."""

from __future__ import annotations

from real_corpus import renderings

rd = renderings()


# Real documents each of the fixed renderings once broke (scripts/extract_robustness.py:
# indentation r409 r601 r921, CRLF r160, page footers r01 r407 r453 r1041, hard wrapping
# r22 r507 and all but r453 of these), read exactly in every rendering (see
# docs/extraction-quality.md, "Renderings").
STEMS = ["r409_shijingshan_jdgz_2019", "r601_zhujiajiao_xegc_2025", "r921_shuxin_jtzc_2025",
         "r160_jiaotong_qiangguo_2022", "r01_dazhu_msss_2016", "r407_liandu_zdgz_2023",
         "r453_fuxing_gkml_2025", "r1041_songjiang_tczy_2017", "r22_pingli_shuangchuang_2015",
         "r507_jinshan_xfaq_2019"]
KEPT = [rd.hard_wrap, rd.pdf, rd.indent_fullwidth, rd.indent_spaces, rd.blank_lines, rd.crlf, rd.page_footers,
        rd.halfwidth_punctuation, rd.fullwidth_punctuation, rd.numbering_dot, rd.numbering_fullwidth_dot,
        rd.numbering_dun]


def test_real_documents_stay_exact_in_other_renderings():
    from real_corpus import REAL, quality

    broken = []
    for stem in STEMS:
        for render in KEPT:
            res = quality().evaluate_real_document(REAL / f"{stem}.json", render=render)
            if not res.exact:
                broken.append((stem, render.__name__, res.problems[:3]))
    assert not broken
