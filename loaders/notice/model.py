"""What a parsed notice is: document, sections, measures, attributions, unit mentions."""

from __future__ import annotations

from pydantic import BaseModel, Field

from ...errors import GovgraphError


class NoticeError(GovgraphError, ValueError):
    """A document that cannot be read as a notice; says what and where."""

    problem = "invalid-document"



class Span(BaseModel):
    start: int
    end: int


class UnitMention(BaseModel):
    """One unit named in an attribution, as written and as cleaned."""

    name: str  # whitespace and page footers removed, elided prefix restored, alias split off
    as_written: str  # the exact characters in the document
    start: int
    end: int
    prefix_restored: bool = False
    alias: str | None = None  # 县普法办 in 县司法局（县普法办）
    # How a name that differs from what was written was read, so a user sees why:
    # "elided prefix restored", "和-joined", "shared suffix", "joined without separator",
    # "collective" (各县、市、区政府 kept whole), "merged cell above" (a table row
    # whose unit cell spans the row above: the span is that cell's).
    reading: str | None = None


class Attribution(BaseModel):
    role: str  # lead | responsible | support
    label: str  # the label as written, e.g. 牵头单位
    clause: str  # label plus its list, exactly as written
    start: int
    end: int
    units: list[UnitMention]


class Official(BaseModel):
    """A person or post a measure names (责任领导：张三): never a unit."""

    name: str
    role: str  # the label or column header as written: 责任领导, 分管领导 …
    as_written: str
    start: int
    end: int


class Unread(BaseModel):
    """A part of the document that looks like an attribution but could not be read."""

    line: int
    column: int
    text: str
    reason: str


class Measure(BaseModel):
    number: int
    numeral: str
    section: int | None
    title: str
    text: str
    start: int
    end: int
    marker: str = ""  # the numbering as written: (一), 1．, （1） …
    attributions: list[Attribution] = Field(default_factory=list)
    officials: list[Official] = Field(default_factory=list)

    def units(self, role: str) -> list[str]:
        return [u.name for a in self.attributions if a.role == role for u in a.units]


class Section(BaseModel):
    number: int
    title: str
    start: int
    end: int


class Notice(BaseModel):
    id: str
    title: str
    issuer: list[str]
    date: str | None
    text: str
    sha256: str
    source: str
    sections: list[Section]
    measures: list[Measure]
    notes: list[str] = Field(default_factory=list)  # what the parser had to decide, for the reader
    layout: str = "numbered"  # numbered | table | paragraphs (read by fallback.py)
    unread: list[Unread] = Field(default_factory=list)  # parts that look like attributions, not read

    def measure(self, number: int) -> Measure:
        for m in self.measures:
            if m.number == number:
                return m
        raise KeyError(number)


