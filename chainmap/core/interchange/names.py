"""The names of the workbook's sheets and columns, in English and Chinese.

One vocabulary for the workbook, the CSV files and the importer: a sheet or a column is
written under its name in the user's language (:func:`sheet_name`, :func:`header`) and
recognised on import under either language's name or a common alias (:func:`sheet_kind`,
:func:`column_field`), whatever the language setting. Names are compared loosely: case,
spaces, ``_``/``-`` and a trailing note in brackets (``层级（上/中/下游）``) do not matter.

A segment's facts per region are columns named by the region and the fact: ``CN-TJ status``
in English, ``天津 现状`` in Chinese; either the code or the name identifies the region.
"""

from __future__ import annotations

import re

ENGLISH, CHINESE = "en", "zh_CN"

# Sheets the importer reads, and the three lists (exported, never read: derived from the map).
EDITABLE_SHEETS = ("map", "regions", "tiers", "segments", "links", "enterprises", "notes")
LIST_SHEETS = ("bottlenecks", "investment", "key_enterprises")

# kind -> (English, Chinese, aliases)
SHEETS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "map": ("Map", "图谱", ("概况", "chain map")),
    "regions": ("Regions", "地区", ("区域",)),
    "tiers": ("Tiers", "层级", ()),
    "segments": ("Segments", "环节", ("产业环节", "环节清单", "nodes")),
    "links": ("Links", "链接", ("上下游", "上下游关系", "edges")),
    "enterprises": ("Enterprises", "企业", ("企业名录", "企业台账", "firms")),
    "notes": ("Notes", "注释", ("批注",)),
    "bottlenecks": ("Bottlenecks", "卡点攻关", ("卡点攻关清单",)),
    "investment": ("Investment gaps", "堵点招商", ("堵点招商清单",)),
    "key_enterprises": ("Key enterprises", "重点企业", ("重点企业清单",)),
}

# kind -> [(field, English, Chinese, aliases)], in the order the columns are written.
COLUMNS: dict[str, list[tuple[str, str, str, tuple[str, ...]]]] = {
    "map": [
        ("field", "Field", "项目", ()),
        ("value", "Value", "内容", ()),
    ],
    "regions": [
        ("code", "Code", "代码", ("地区代码", "region code")),
        ("name", "Name", "名称", ("地区", "地区名称")),
        ("color", "Colour", "颜色", ("color",)),
    ],
    "tiers": [
        ("id", "ID", "编号", ()),
        ("name", "Name", "名称", ("层级",)),
    ],
    "segments": [
        ("id", "ID", "编号", ("环节编号",)),
        ("name", "Name", "环节名称", ("环节", "名称", "segment")),
        ("tier", "Tier", "层级", ("所属层级", "环节层级", "上中下游")),
        ("parent", "Parent", "上级环节", ("父环节", "所属环节")),
        ("kind", "Kind", "类别", ("环节类别",)),
        ("aliases", "Aliases", "别名", ()),
        ("description", "Description", "说明", ("描述", "简介", "环节说明")),
        ("tags", "Tags", "标签", ()),
        ("x", "X", "横坐标", ()),
        ("y", "Y", "纵坐标", ()),
    ],
    "links": [
        ("id", "ID", "编号", ("链接编号",)),
        ("from", "From", "上游环节", ("上游", "source")),
        ("from_name", "From name", "上游环节名称", ()),
        ("to", "To", "下游环节", ("下游", "target")),
        ("to_name", "To name", "下游环节名称", ()),
        ("kind", "Kind", "类型", ("链接类型",)),
        ("label", "Label", "标签", ()),
        ("flows", "Flows", "跨区域流向", ("流向",)),
        ("note", "Note", "备注", ()),
    ],
    "enterprises": [
        ("segment", "Segment", "环节", ("环节编号", "所属环节")),
        ("segment_name", "Segment name", "环节名称", ()),
        ("region", "Region", "地区", ("所在地区",)),
        ("name", "Enterprise", "企业名称", ("企业", "name")),
        ("uscc", "Credit code", "统一社会信用代码", ("信用代码", "uscc")),
        ("marks", "Marks", "企业标识", ("标识",)),
        ("city", "City", "城市", ("所在城市",)),
        ("note", "Note", "备注", ()),
    ],
    "notes": [
        ("id", "ID", "编号", ()),
        ("text", "Text", "内容", ("注释",)),
        ("x", "X", "横坐标", ()),
        ("y", "Y", "纵坐标", ()),
        ("node", "Segment", "所指环节", ("环节",)),
        ("node_name", "Segment name", "所指环节名称", ()),
    ],
    "bottlenecks": [
        ("segment", "Segment", "环节", ()),
        ("region", "Region", "地区", ()),
        ("reason", "Reason", "原因", ()),
    ],
    "investment": [
        ("segment", "Segment", "环节", ()),
        ("region", "Region", "地区", ()),
        ("status", "Status", "现状", ()),
        ("action", "Action", "举措", ()),
        ("priority", "Priority", "优先级", ()),
        ("targets", "Targets", "招引目标", ()),
        ("owner", "Owner", "责任单位", ()),
        ("due", "Due", "完成时限", ()),
    ],
    "key_enterprises": [
        ("name", "Enterprise", "企业名称", ()),
        ("marks", "Marks", "企业标识", ()),
        ("segment", "Segment", "环节", ()),
        ("region", "Region", "地区", ()),
        ("city", "City", "城市", ()),
        ("uscc", "Credit code", "统一社会信用代码", ()),
    ],
}

# A segment's facts per region: field -> (English, Chinese, aliases).
REGION_FIELDS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "status": ("status", "现状", ("状态", "基础")),
    "enterprises": ("enterprises", "企业数", ("enterprise count", "企业数量")),
    "action": ("action", "举措", ("计划举措", "补强举措")),
    "priority": ("priority", "优先级", ()),
    "targets": ("targets", "招引目标", ("目标企业", "目标")),
    "owner": ("owner", "责任单位", ("责任部门",)),
    "due": ("due", "完成时限", ("期限", "时限")),
    "plan_note": ("plan note", "计划说明", ("计划备注",)),
    "note": ("note", "备注", ()),
}

# The map sheet's rows: field -> (English, Chinese).
MAP_FIELDS: dict[str, tuple[str, str]] = {
    "id": ("ID", "编号"),
    "title": ("Title", "标题"),
    "chain": ("Chain", "产业链"),
    "lead": ("Lead region", "牵头地区"),
    "owner": ("Owner region", "维护地区"),
}

_BRACKETED = re.compile(r"[（(\[【].*?[）)\]】]")
_LOOSE = re.compile(r"[\s_\-·:：*＊]+")


def loose(text: str) -> str:
    """A name as compared on import: lower case, no spaces, ``_``, ``-``, ``·``, ``:`` or ``*``,
    no note in brackets."""
    return _LOOSE.sub("", _BRACKETED.sub("", text)).lower()


def is_chinese(lang: str) -> bool:
    """Whether ``lang`` (``zh_CN``, ``zh``, ``en``) asks for Chinese names."""
    return lang.lower().startswith("zh")


def sheet_name(kind: str, lang: str) -> str:
    """The name of sheet ``kind`` in ``lang``."""
    english, chinese, _ = SHEETS[kind]
    return chinese if is_chinese(lang) else english


def header(kind: str, field: str, lang: str) -> str:
    """The header of column ``field`` of sheet ``kind`` in ``lang``."""
    for name, english, chinese, _ in COLUMNS[kind]:
        if name == field:
            return chinese if is_chinese(lang) else english
    raise KeyError(f"{kind}.{field}")


def region_header(region_code: str, region_name: str, field: str, lang: str) -> str:
    """The header of one region's fact: ``CN-TJ status`` or ``天津 现状``."""
    english, chinese, _ = REGION_FIELDS[field]
    return f"{region_name} {chinese}" if is_chinese(lang) else f"{region_code} {english}"


def _index(pairs: list[tuple[str, str, str, tuple[str, ...]]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for field, english, chinese, aliases in pairs:
        for name in (field, english, chinese, *aliases):
            found.setdefault(loose(name), field)
    return found


_SHEET_INDEX = {loose(n): kind for kind, (en, zh, al) in SHEETS.items() for n in (kind, en, zh, *al)}
_COLUMN_INDEX = {kind: _index(columns) for kind, columns in COLUMNS.items()}
_REGION_FIELD_INDEX = _index([(f, en, zh, al) for f, (en, zh, al) in REGION_FIELDS.items()])
_MAP_FIELD_INDEX = {loose(n): f for f, names in MAP_FIELDS.items() for n in (f, *names)}


def sheet_kind(name: str) -> str | None:
    """Which sheet a sheet's (or a CSV file's) name says it is, in either language."""
    return _SHEET_INDEX.get(loose(name))


def column_field(kind: str, text: str) -> str | None:
    """The field a header names on sheet ``kind`` (in either language), or None."""
    return _COLUMN_INDEX[kind].get(loose(text))


def region_field(text: str) -> str | None:
    """The region fact a header's remainder names (``现状``, ``status``), or None."""
    return _REGION_FIELD_INDEX.get(loose(text))


def map_field(text: str) -> str | None:
    """The map field a row of the map sheet names (``标题``, ``title``), or None."""
    return _MAP_FIELD_INDEX.get(loose(text))


def split_region_header(text: str, regions: list[tuple[str, str]]) -> tuple[str, str] | None:
    """``(region code, fact)`` for a header such as ``天津 现状``, ``CN-TJ status`` or
    ``天津现状``; ``regions`` are the map's ``(code, name)`` pairs. None when it is no such header."""
    squeezed = loose(text)
    candidates = sorted(
        ((loose(name), code) for code, name in regions for name in (code, name)),
        key=lambda pair: -len(pair[0]),
    )
    for prefix, code in candidates:
        if prefix and squeezed.startswith(prefix):
            field = _REGION_FIELD_INDEX.get(squeezed[len(prefix):])
            if field is not None:
                return code, field
    return None


def detect_kind(headers: list[str]) -> str | None:
    """The editable sheet a row of headers belongs to, for a sheet whose name says nothing:
    the kind with the most headers recognised, at least two (and its key columns among them)."""
    keys = {"segments": {"name", "tier"}, "links": {"from", "to"}, "enterprises": {"name"},
            "notes": {"text"}, "tiers": {"name"}, "regions": {"code"}}
    best: tuple[int, str] | None = None
    for kind, needed in keys.items():
        fields = {column_field(kind, h) for h in headers if h}
        fields.discard(None)
        if not needed <= fields or len(fields) < 2:
            continue
        if kind == "enterprises" and not fields & {"segment", "segment_name"}:
            continue
        if best is None or len(fields) > best[0]:
            best = (len(fields), kind)
    return best[1] if best else None
