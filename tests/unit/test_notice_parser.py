"""The seed notice parsed by the project itself, quirks included."""

from __future__ import annotations

import pytest
from govgraph.loaders.notice import NoticeError, cn_numeral_to_int, parse_notice
from govgraph.loaders.pipeline import default_notice

COUNTY_GOV = "各县〔区〕人民政府〔管委会〕"
COUNTY_PARTY = "各县〔区〕党委〔工委〕"


@pytest.fixture(scope="module")
def notice():
    return default_notice()


def test_document_metadata(notice):
    assert notice.title == "安顺市推进物业服务管理高质量发展十六条工作措施"
    assert notice.issuer == ["中共安顺市委办公室", "安顺市人民政府办公室"]
    assert notice.date == "2021-02-03"


def test_sections_and_measures(notice):
    assert [s.number for s in notice.sections] == [1, 2, 3, 4, 5, 6]
    assert notice.sections[0].title.startswith("坚持党建引领")
    assert [m.number for m in notice.measures] == list(range(1, 17))
    assert [m.section for m in notice.measures] == [1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 5, 5, 6, 6]
    assert notice.measure(11).title == "建立完善物业服务企业市场信用体系"
    # Measure 4 runs over four paragraphs; its text keeps them all.
    m4 = notice.measure(4).text
    assert m4.startswith("(四)加强物业服务管理的领导") and "居(村)民委员会协助" in m4
    # The closing paragraph after measure 16 belongs to no measure.
    assert "物业服务管理是社会基层治理体系" not in notice.measure(16).text


def test_measure_one_without_opening_bracket(notice):
    m = notice.measure(1)
    assert m.units("lead") == ["市委组织部"]
    assert m.units("responsible") == ["市住房城乡建设局", COUNTY_PARTY]


def test_name_broken_across_blank_line(notice):
    m = notice.measure(13)
    assert "市市场监管局" in m.units("responsible")
    mention = next(u for a in m.attributions for u in a.units if u.name == "市市场监管局")
    assert mention.as_written == "市市场监\n\n管局"
    assert notice.text[mention.start : mention.end] == mention.as_written
    assert len(m.units("responsible")) == 13


@pytest.mark.parametrize("number", [7, 8])
def test_elided_prefix_restored(notice, number):
    units = notice.measure(number).units("responsible")
    assert units[-2:] == [COUNTY_PARTY, COUNTY_GOV]
    restored = [u for a in notice.measure(number).attributions for u in a.units if u.prefix_restored]
    assert [u.as_written for u in restored] == ["人民政府〔管委会〕"]


def test_every_attribution_span_quotes_the_text(notice):
    for m in notice.measures:
        assert notice.text[m.start : m.end] == m.text
        for a in m.attributions:
            assert notice.text[a.start : a.end] == a.clause
            for u in a.units:
                assert notice.text[u.start : u.end] == u.as_written


def test_two_leads_on_eleven_and_twelve(notice):
    for n in (11, 12):
        assert notice.measure(n).units("lead") == ["市住房城乡建设局", "市发展改革委"]


def test_all_attributed_units(notice):
    units = {u for m in notice.measures for a in m.attributions for u in (x.name for x in a.units)}
    assert len(units) == 21  # 19 city units and the two collectives
    assert {COUNTY_GOV, COUNTY_PARTY} <= units


@pytest.mark.parametrize("text,value", [("一", 1), ("十", 10), ("十一", 11), ("十六", 16),
                                        ("二十", 20), ("二十三", 23), ("16", 16)])
def test_numerals(text, value):
    assert cn_numeral_to_int(text) == value


@pytest.mark.parametrize("bad,fragment", [
    ("", "empty"),
    ("   \n\n", "empty"),
    ("\x00\x01binary", "binary"),
    ("一些没有编号的文字。\n另一段。", "no numbered measures"),
    ("(一)做好工作。\n(二)继续做好工作。", "no attributions"),
])
def test_bad_documents_are_refused_clearly(bad, fragment):
    with pytest.raises(NoticeError, match=fragment):
        parse_notice(bad, source="bad.txt")
