"""How each node kind and edge type is drawn and named: colour, shape or line, and
its Chinese and English label.

One place for the browser view (which reads them from GET /graph/schema) and for
the pictures and files ``govgraph draw`` / ``govgraph export`` make
(govgraph/export.py). Every kind and type of the model has a style.
"""

from __future__ import annotations

from .model import NodeKind, RelType

__all__ = ["KIND_STYLE", "REL_STYLE"]

# colour, shape (Cytoscape.js names), labels — one place for the page and `govgraph draw`.
KIND_STYLE: dict[str, dict[str, str]] = {
    "PolicyDocument": {"color": "#475569", "shape": "rectangle", "zh": "文件", "en": "document"},
    "Section": {"color": "#94a3b8", "shape": "rectangle", "zh": "章节", "en": "section"},
    "Measure": {"color": "#d97706", "shape": "round-rectangle", "zh": "措施", "en": "measure"},
    "PartyOrganization": {"color": "#dc2626", "shape": "star", "zh": "党组织",
                          "en": "Party organization"},
    "Department": {"color": "#2563eb", "shape": "ellipse", "zh": "政府部门", "en": "department"},
    "Committee": {"color": "#16a34a", "shape": "hexagon", "zh": "委员会", "en": "committee"},
    "Company": {"color": "#7c3aed", "shape": "barrel", "zh": "企业", "en": "company"},
    "Resident": {"color": "#db2777", "shape": "triangle", "zh": "居民与角色",
                 "en": "residents / role"},
    "Facility": {"color": "#0d9488", "shape": "round-pentagon", "zh": "小区与设施",
                 "en": "compound / facility"},
    "Area": {"color": "#65a30d", "shape": "pentagon", "zh": "区域", "en": "area"},
    "IssueType": {"color": "#ea580c", "shape": "tag", "zh": "问题类型", "en": "issue type"},
    "EscalationLevel": {"color": "#0891b2", "shape": "octagon", "zh": "调处层级",
                        "en": "mediation level"},
    "Case": {"color": "#be123c", "shape": "diamond", "zh": "案件", "en": "case"},
    "CaseStep": {"color": "#fb7185", "shape": "round-diamond", "zh": "办理环节", "en": "case step"},
}

REL_STYLE: dict[str, dict[str, str]] = {
    "LEADS_MEASURE": {"color": "#b45309", "line": "solid", "zh": "牵头", "en": "leads"},
    "RESPONSIBLE_FOR": {"color": "#d6a35c", "line": "solid", "zh": "责任", "en": "responsible"},
    "SUPPORTS_MEASURE": {"color": "#e0b878", "line": "dashed", "zh": "配合", "en": "supports"},
    "PART_OF": {"color": "#94a3b8", "line": "dotted", "zh": "隶属", "en": "part of"},
    "LEADS": {"color": "#dc2626", "line": "solid", "zh": "领导", "en": "leads (political)"},
    "GUIDES": {"color": "#f87171", "line": "dashed", "zh": "指导", "en": "guides"},
    "SUPERVISES": {"color": "#9333ea", "line": "solid", "zh": "监督", "en": "supervises"},
    "HEADS": {"color": "#0f766e", "line": "solid", "zh": "担任负责人", "en": "heads"},
    "NOMINATES": {"color": "#14b8a6", "line": "dashed", "zh": "推荐", "en": "nominates"},
    "MEMBER_OF": {"color": "#22c55e", "line": "solid", "zh": "成员", "en": "member of"},
    "MANAGES": {"color": "#7c3aed", "line": "solid", "zh": "管理", "en": "manages"},
    "LOCATED_IN": {"color": "#a3a3a3", "line": "dotted", "zh": "位于", "en": "located in"},
    "LIVES_IN": {"color": "#c4c4c4", "line": "dotted", "zh": "居住于", "en": "lives in"},
    "INCLUDES": {"color": "#737373", "line": "dotted", "zh": "包括", "en": "includes"},
    "MEDIATES_AT": {"color": "#0891b2", "line": "solid", "zh": "调处于", "en": "mediates at"},
    "ESCALATES_TO": {"color": "#0e7490", "line": "solid", "zh": "上报至", "en": "escalates to"},
    "HANDLES": {"color": "#ea580c", "line": "dashed", "zh": "处置", "en": "handles"},
    "OPENED_IN": {"color": "#be123c", "line": "solid", "zh": "发生于", "en": "opened in"},
    "ABOUT": {"color": "#f97316", "line": "dotted", "zh": "涉及", "en": "about"},
    "HAS_STEP": {"color": "#fda4af", "line": "solid", "zh": "环节", "en": "has step"},
    "TAKEN_BY": {"color": "#e11d48", "line": "solid", "zh": "承办", "en": "taken by"},
    "HANDLED_BY": {"color": "#9f1239", "line": "dashed", "zh": "经办", "en": "handled by"},
}

assert set(KIND_STYLE) == {k.value for k in NodeKind}, "a node kind without a style"
assert set(REL_STYLE) == {t.value for t in RelType}, "an edge type without a style"
