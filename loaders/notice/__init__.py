"""Parse a policy notice into its document, sections, measures and attributions.

Works on the text exactly as given: every span is an offset into the original
string, so a quoted clause can always be found again where it came from.

>>> from govgraph.loaders.notice import parse_notice
>>> notice = parse_notice('''某市工作措施
... （一）加强物业管理。建立协调机制。（牵头单位：市住建局；责任单位：市民政局、市财政局）
... ''')
>>> m = notice.measure(1)
>>> m.title, m.units("lead"), m.units("responsible")
('加强物业管理', ['市住建局'], ['市民政局', '市财政局'])
>>> a = m.attributions[0]
>>> notice.text[a.start:a.end]
'牵头单位：市住建局'

The modules, in the order the parser uses them:

- ``vocabulary``: brackets, separators, labels, footers, the endings of unit names;
- ``layout``: is the text hard-wrapped at a page width (PDF-to-text)?
- ``pages``: footers on lines of their own blanked, lines a page width cut joined, offsets mapped back;
- ``numbering``: which markers (``(一)`` ``一、`` ``1.`` ``（1）``) head measures and sections;
- ``regions``: where each measure's attributions are, and the attributions read from them;
- ``unit_lists``: a list split into unit mentions, names cleaned, aliases, elided prefixes;
- ``roles``: brackets and lines of role words without labels (A牵头，B配合);
- ``running_text``: duties in clauses opening with their doer (X负责…), read where nothing is labelled;
- ``given_by``: 由-clauses in running text (由X牵头，联合B、C…) and bodies set up and given a duty;
- ``duties``: duty lists (职责分工), items headed by a unit and the role of its duty;
- ``duty_density``: duty lists known by their structure (most paragraphs or numbered siblings of a section
  opening with a unit and its duty), whatever their heading says;
- ``duty_table``: duty lists laid out as a 单位 / 职责分工 table (no role column), a row per item;
- ``sector_lists``, ``dash_pairs``: sectors standing for bodies (区交通、生态环境…等相关部门) and kinds of
  work paired with their bodies by a dash (A类项目——B；…——C，负责…);
- ``fallback``: what the structured readers refuse, read paragraph by paragraph;
- ``metadata``: the document's title, date and issuers;
- ``parse``: ``parse_notice`` and ``read_notice``, which tie them together;
- ``model``: what comes out (``Notice``, ``Measure``, ``Attribution``, ``UnitMention``).

The layouts it reads (see tests/corpus/ for one document of each):

- numbering ``(一)`` ``（一）`` ``一、`` ``1.`` ``1．`` ``1、`` ``（1）`` (and ``1)`` ``①`` ``⑴``
  ``一是`` ``1.1`` ``第一条``), at the start
  of a line or, when everything sits on one line, inline after a sentence end;
  the level that carries the attributions is the measure level, the level
  above it (if any) gives the sections;
- attributions in brackets at the end of a measure, or unbracketed on their
  own lines after it (``牵头单位：…`` / ``责任单位：…``, and any label of the same
  grammar: ``实施单位``, ``主要责任部门``, ``配合科室``), half- or full-width;
- unit lists split by ``、，,；;``, brackets (``〔区〕``) kept inside names, names
  broken by line breaks, blank lines or page footers (``— 3 —``), a trailing
  ``等``/``等部门``, elided shared prefixes, ``县司法局（县普法办）`` aliases and a
  ``（牵头）`` marker inside a list of responsible units;
- duty lists (职责分工) with no labels or role brackets: each item headed by a
  unit (``1.街道消委办。牵头开展…``, ``（一）区建管委``, ``房管所负责…``) is a measure;
- any of these rendered as PDF-to-text or another editor leaves them: lines cut at a
  page width joined before reading (``parse``; offsets and quotes stay the text's),
  page footers on lines of their own read as nothing, paragraphs indented with
  ``\u3000\u3000`` or spaces, CRLF line ends (scripts/extract_robustness.py).
"""

from __future__ import annotations

from .model import Attribution, Measure, Notice, NoticeError, Section, Span, UnitMention
from .numerals import cn_numeral_to_int, int_to_cn_numeral
from .parse import MAX_DOCUMENT_CHARS, MAX_PARSE_SECONDS, parse_notice, read_notice
from .vocabulary import LABELS, UNIT_FINAL, where

__all__ = [
    "LABELS", "MAX_DOCUMENT_CHARS", "MAX_PARSE_SECONDS", "UNIT_FINAL", "Attribution", "Measure",
    "Notice", "NoticeError", "Section", "Span", "UnitMention", "cn_numeral_to_int",
    "int_to_cn_numeral", "parse_notice", "read_notice", "where",
]
