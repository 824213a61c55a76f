"""Readings added for the district land-use documents of batch L (r1060–r1064): items closed
by a bracket of units with no role word, in a document that closes every item so.

Each reading is pinned on a small written case and, once a real document that
showed it reads exactly, on that document (assert_exact).
"""

from __future__ import annotations

from real_corpus import assert_exact, measure_roles


def test_a_closing_bracket_of_a_name_of_no_known_kind_where_the_items_close_so():
    # the document closes its items with brackets naming bodies; a bracket in the same place
    # whose name is a single word of no known kind of body (区属国企) names a body too (r1060)
    text = ("1.开展收储出让。各街镇负责谈判。（各街镇、区规划资源局）\n\n"
            "2.加强资金支持。加大投入。（区财政局、区土储中心）\n\n"
            "3.发挥国企领军作用。提升国企自有土地的价值。（区属国企）\n\n"
            "4.开展资源收购。鼓励整体收购。（各街镇、区属国企）\n")
    assert measure_roles(text) == [[("responsible", ["各街镇", "区规划资源局"])],
                                   [("responsible", ["区财政局", "区土储中心"])],
                                   [("responsible", ["区属国企"])],
                                   [("responsible", ["各街镇", "区属国企"])]]


def test_a_lone_closing_bracket_of_such_names_is_no_attribution():
    # without two brackets of known bodies in that place, a bracket of plain words is a note
    text = ("1.开展收储出让。条件适宜的地块可收储。（试行办法）\n\n"
            "2.加强资金支持。由区财政局负责资金。\n\n"
            "3.加强监管。由区经委负责监管。\n")
    assert all(("responsible", ["试行办法"]) not in m for m in measure_roles(text))


def test_batch_l_jiading_reads_exactly():
    assert_exact("r1060_jiading_dxyd_2022")
