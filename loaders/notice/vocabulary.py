"""The words and marks notices are read by: brackets, separators, labels, footers, name endings."""

from __future__ import annotations

import re

CN_NUM = "一二三四五六七八九十百"
OPENERS = "(（〔[【"
CLOSERS = ")）〕]】"
LIST_SEPARATORS = "、，,；;"
# Whitespace within a line: spaces of every width (U+2002 …), tabs, but not the line break.
SPACE = "".join(chr(c) for c in range(0x3001) if chr(c).isspace() and chr(c) != "\n")
# Attribution labels, longest first so 主要责任单位 wins over 责任单位.
LABELS = {
    "主要牵头单位": "lead",
    "牵头责任单位": "lead",
    "牵头考核单位": "lead",
    "牵头单位": "lead",
    "牵头部门": "lead",
    "主办单位": "lead",
    "牵头": "lead",
    "主要责任单位": "responsible",
    "主体责任单位": "responsible",
    "责任单位": "responsible",
    "责任部门": "responsible",
    "主责单位": "responsible",
    "主责部门": "responsible",
    "配合单位": "support",
    "配合部门": "support",
    "协办单位": "support",
    "协办部门": "support",
    "参与单位": "support",
    "参与部门": "support",
    "协同单位": "support",
    "协同部门": "support",
    "协助单位": "support",
    "协作单位": "support",
    "协同责任单位": "support",
    "参加单位": "support",
    "支撑单位": "support",
    "参加部门": "support",
    "协同配合单位": "support",
    "配合责任单位": "support",
    "落实单位": "responsible",
    # 相关部门：A、B等。 on a line of its own after a task (r406): the bodies named
    # with no role word are responsible, as a bare bracket's are.
    "相关部门": "responsible",
    "承办单位": "responsible",
}
# Labels beyond that list are read by their grammar, as real documents vary them
# (实施单位, 责任科室, 主要责任部门, 协同推进单位, 配合处室, 责任主体 …): role words and
# qualifiers, then a noun for bodies; the first role word gives the role
# (牵头责任单位 leads, 配合责任单位 supports).
LEAD_STEMS = ("牵头", "主办")
SUPPORT_STEMS = ("配合", "协办", "协助", "协同", "参与", "参加", "协作", "支撑", "支持")
RESPONSIBLE_STEMS = ("责任", "主责", "落实", "实施", "承办", "承担", "负责", "推进", "执行")
_QUALIFIERS = ("主要", "具体", "主体", "考核", "抓总", "总", "主")
# Labels that name bodies in no role the graph records (督办单位 oversees, 指导单位
# guides) and labels that name persons (责任领导, 责任人: read as officials): they
# read no unit, but end the list before them.
NO_ROLE_STEMS = ("督办", "督导", "督查", "监管", "指导", "监督", "考核")
LABEL_NOUNS = ("单位", "部门", "科室", "处室", "股室", "机构", "主体")
PERSON_LABEL_NOUNS = ("领导", "责任人", "负责人")
_PERSON_QUALIFIERS = ("分管", "包保", "联系", "挂钩", "主管", "挂帅")


def _spaced(words: tuple[str, ...] | list[str]) -> str:
    """Alternatives that may be spaced out or cut by a line break ("牵头\n单位")."""
    return "|".join(r"\s*".join(w) for w in sorted(words, key=len, reverse=True))


# At most four words before the noun: a bounded run, so a text of nothing but
# role words costs no backtracking (parsing stays linear). A run of qualifiers
# only (主要单位) has no role: grammar_role says so.
_WORDS = _spaced(LEAD_STEMS + SUPPORT_STEMS + RESPONSIBLE_STEMS + NO_ROLE_STEMS + _QUALIFIERS)
_GRAMMAR = rf"(?:(?:{_WORDS})\s*){{1,4}}(?:{_spaced(LABEL_NOUNS)})"
_PERSON_GRAMMAR = (rf"(?:(?:{_WORDS}|{_spaced(_PERSON_QUALIFIERS)})\s*){{0,3}}"
                   rf"(?:{_spaced(PERSON_LABEL_NOUNS)})")
LABEL_RE = re.compile("(" + _spaced(list(LABELS)) + "|" + _GRAMMAR + "|" + _PERSON_GRAMMAR + r")\s*[:：]")
# The role labels alone (no person labels), as a pattern to build on.
ROLE_LABEL_PATTERN = _spaced(list(LABELS)) + "|" + _GRAMMAR
_ROLE_OF_STEM = ([(w, "lead") for w in LEAD_STEMS] + [(w, "support") for w in SUPPORT_STEMS]
                 + [(w, "responsible") for w in RESPONSIBLE_STEMS] + [(w, "") for w in NO_ROLE_STEMS])


# A list item marked as the lead among the responsible units: 市住建局（牵头）.
LEAD_MARKERS = ("牵头", "牵头单位", "牵头部门", "主牵头")
DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
CN_DATE_RE = re.compile(r"([〇零○一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
                        r"\s*([一二三四五六七八九十]{1,3})\s*日")
# Page footers left by PDF-to-text: "— 3 —", "- 12 -", "－3－", "第 3 页 共 9 页".
FOOTER_RE = re.compile(r"[—–\-－―─]{1,2}[^\S\n]*\d{1,4}[^\S\n]*[—–\-－―─]{1,2}"
                       r"|第[^\S\n]*\d{1,4}[^\S\n]*页(?:[^\S\n]*共[^\S\n]*\d{1,4}[^\S\n]*页)?")
# Words that name a kind of body but no jurisdiction; a list item that starts
# with one borrows the jurisdiction prefix of the item before it
# ("各县〔区〕党委〔工委〕、人民政府〔管委会〕").
HEADLESS_BODIES = ("人民政府", "政府", "党委", "党工委", "工委", "管委会", "纪委", "人大", "政协")
# Grassroots bodies that a "各…" collective names as one pair
# (各乡（镇）人民政府、街道办事处): kept as one collective name, not split.
GRASSROOTS = frozenset({"街道办事处", "街道", "乡〔镇〕人民政府", "乡镇人民政府", "乡〔镇〕", "乡镇",
                        "镇人民政府", "乡人民政府", "社区", "村", "社区〔村〕", "村〔社区〕"})
# Characters a complete unit name ends with (局, 委员会, 办公室, 中心 …). A name cut
# by a line break elsewhere ("市市场监" / "管局") is incomplete.
UNIT_FINAL = frozenset("局委办部府会队院室所心站司处厅团社行馆署门位组科庭校台关构联协业" + CLOSERS)
# Words after a list that are not part of the last name.
TRAILING_WORDS = ("等有关部门", "等相关部门", "等有关单位", "等相关单位", "等部门", "等单位", "等",
                  "按职责分工负责", "按职责分工落实", "按职责负责", "分别负责", "负责", "配合")
# Words a document title ends with.
TITLE_END_RE = re.compile(r"(通知|意见|方案|措施|办法|规定|细则|要点|清单|计划|决定|规划|分工|纲要|条例)$")
ISSUER_END_RE = re.compile(r"(办公室|办公厅|委员会|人民政府|政府|党委|党组|委|局|厅|部|办|院|会|队|中心)$")

_CANON_BRACKETS = str.maketrans({"(": "〔", ")": "〕", "（": "〔", "）": "〕"})


def grammar_role(label: str) -> str | None:
    """lead / responsible / support for a label or a column header read by its
    grammar: the role of its first role word (牵头责任单位 leads, 配合责任单位
    supports); "" for a label of no role (督办单位); None when it names no role."""
    label = re.sub(r"\s+", "", label)
    if label in LABELS:
        return LABELS[label]
    if label.endswith(PERSON_LABEL_NOUNS):
        return ""
    found = [(label.find(w), role) for w, role in _ROLE_OF_STEM if w in label]
    return min(found)[1] if found else None


def label_role(label: str) -> tuple[str, str]:
    """(role, label without whitespace) for a label as matched; the role is ""
    for a label that reads no unit (督办单位, 责任领导)."""
    label = re.sub(r"\s+", "", label)
    return grammar_role(label) or "", label


def canon(name: str) -> str:
    """Bracket shapes made alike, for comparing names (the registry does the same)."""
    return re.sub(r"\s+", "", name).translate(_CANON_BRACKETS)


def at_line_start(text: str, pos: int) -> bool:
    """Nothing but spaces between the start of its line and ``pos``: a paragraph
    indented with \u3000\u3000 or spaces (or a CRLF's \r before it) starts its
    line as one that is not.

    >>> at_line_start("一、总则\n\u3000\u3000（一）加强", 7), at_line_start("一、总则（一）", 4)
    (True, False)
    """
    k = pos - 1
    while k >= 0 and text[k] in SPACE:
        k -= 1
    return k < 0 or text[k] == "\n"


def where(text: str, offset: int) -> str:
    """'line 12, column 5' for an offset, so errors point into the file."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {col}"


