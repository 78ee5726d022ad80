#!/usr/bin/env python3
"""Generate the example chain maps under ``examples/``.

Usage:  python3 tools/make_examples.py [--check-only]

Writes, in the canonical writing of format v1 (shared/spec/map-format.md):

* six joint maps, one per key chain of the 京津冀重点产业链协同机制方案:
  examples/{vehicles,biomedicine,cybersecurity,hydrogen,machine-tools,robots}.chainmap.json
* a merge scenario for the vehicles chain (shared/spec/merge.md):
  examples/merge/vehicles-base.chainmap.json        common ancestor (a copy of the joint map)
  examples/merge/vehicles-CN-BJ.chainmap.json       Beijing's copy   (owner CN-BJ)
  examples/merge/vehicles-CN-TJ.chainmap.json       Tianjin's copy   (owner CN-TJ)
  examples/merge/vehicles-CN-HE.chainmap.json       Hebei's copy     (owner CN-HE)
  examples/merge/README.md                          each copy's edits and the expected merge outcome

then validates every file it wrote (ids, references, statuses, plans, ...) and prints a summary.

Plain Python 3.11, standard library only, plain dicts: no project imports (the project core may
not exist yet, and the examples must not depend on the code they are used to test).
Deterministic: ids are derived from hashes of names, dates are fixed, so running it twice gives
the same bytes.

The maps are illustrative.  Real firm names are used only where the seed article
(shared/domain/seed-article-zh.txt) names them, with nothing claimed beyond the article; every other
firm is an obviously invented placeholder (示例…公司 / 某某…公司), and the only USCC codes are
fictitious ones (9100000EXAMPLE….) on those placeholders.
"""
from __future__ import annotations

import copy
import hashlib
import json
import math
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
MERGE_DIR = EXAMPLES / "merge"

GENERATOR = "chainmap 0.1.0"
CREATED = "2025-03-03T09:00:00+08:00"
MODIFIED = "2025-03-17T17:30:00+08:00"
DESCRIPTION = "示例图谱，仅供演示，不代表真实产业数据。Illustrative example, not real industry data."

# --------------------------------------------------------------------------------------------
# Canonical writing
# --------------------------------------------------------------------------------------------

KEY_ORDER = {
    "map": ["format", "version", "id", "title", "chain", "lead", "owner", "regions", "tiers",
            "nodes", "edges", "notes", "conflicts", "deleted", "meta"],
    "region": ["code", "name", "color"],
    "tier": ["id", "name"],
    "node": ["id", "name", "tier", "parent", "kind", "aliases", "description", "tags", "x", "y",
             "regions"],
    "entry": ["status", "enterprises", "plan", "note"],
    "enterprise": ["name", "uscc", "marks", "city", "note"],
    "plan": ["action", "priority", "targets", "owner", "due", "note"],
    "edge": ["id", "from", "to", "kind", "label", "flows", "note"],
    "flow": ["from", "to", "note"],
    "note": ["id", "text", "x", "y", "node"],
    "meta": ["created", "modified", "generator", "merged_from"],  # other keys follow, sorted
}
REQUIRED_ARRAYS = {"map": {"regions", "tiers", "nodes", "edges"}}


def _num(v):
    """Coordinates: rounded to 0.1, written as an integer when integral."""
    v = round(float(v), 1)
    if v == 0:
        v = 0.0  # no "-0"
    return int(v) if v.is_integer() else v


def _ordered(d: dict, kind: str) -> dict:
    keys = KEY_ORDER[kind]
    extra = set(d) - set(keys)
    if kind == "meta":
        keys = keys + sorted(extra)
    elif extra:
        raise AssertionError(f"unknown keys {sorted(extra)} in {kind}")
    out = {}
    for k in keys:
        if k not in d or d[k] is None:
            continue
        v = d[k]
        if isinstance(v, (list, dict)) and not v and k not in REQUIRED_ARRAYS.get(kind, ()):
            continue  # empty optional arrays/objects are omitted
        out[k] = v
    return out


def canonical(m: dict) -> dict:
    """Return a new dict with every object's keys in the spec's order."""
    order = [r["code"] for r in m["regions"]]
    m = _ordered(m, "map")
    m["regions"] = [_ordered(r, "region") for r in m["regions"]]
    m["tiers"] = [_ordered(t, "tier") for t in m["tiers"]]
    nodes = []
    for n in m["nodes"]:
        n = dict(n)
        for c in ("x", "y"):
            if c in n and n[c] is not None:
                n[c] = _num(n[c])
        if n.get("regions"):
            regs = {}
            for code in sorted(n["regions"], key=lambda c: (order.index(c) if c in order else 99, c)):
                e = dict(n["regions"][code])
                if e.get("enterprises"):
                    e["enterprises"] = [_ordered(f, "enterprise") for f in e["enterprises"]]
                if e.get("plan"):
                    e["plan"] = _ordered(e["plan"], "plan")
                regs[code] = _ordered(e, "entry")
            n["regions"] = regs
        nodes.append(_ordered(n, "node"))
    m["nodes"] = nodes
    edges = []
    for e in m["edges"]:
        e = dict(e)
        if e.get("flows"):
            e["flows"] = [_ordered(f, "flow") for f in e["flows"]]
        edges.append(_ordered(e, "edge"))
    m["edges"] = edges
    if "notes" in m:
        notes = []
        for t in m["notes"]:
            t = dict(t)
            t["x"], t["y"] = _num(t["x"]), _num(t["y"])
            notes.append(_ordered(t, "note"))
        m["notes"] = notes
    if "meta" in m:
        m["meta"] = _ordered(m["meta"], "meta")
    return m


def dumps(m: dict) -> str:
    return json.dumps(canonical(m), ensure_ascii=False, indent=2) + "\n"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


# --------------------------------------------------------------------------------------------
# Regions, ids, placeholders
# --------------------------------------------------------------------------------------------

REGIONS = [
    {"code": "CN-BJ", "name": "北京", "color": "#D7263D"},
    {"code": "CN-TJ", "name": "天津", "color": "#1F6FB2"},
    {"code": "CN-HE", "name": "河北", "color": "#2A9D55"},
]
CODES = [r["code"] for r in REGIONS]
RNAME = {r["code"]: r["name"] for r in REGIONS}
SHORT = {"BJ": "CN-BJ", "TJ": "CN-TJ", "HE": "CN-HE"}
PLAN_OWNER = {
    "CN-BJ": "北京市经济和信息化局",
    "CN-TJ": "天津市工业和信息化局",
    "CN-HE": "河北省工业和信息化厅",
}
HEBEI_CITIES = ["石家庄", "保定", "唐山", "廊坊", "沧州", "邯郸", "邢台", "衡水", "秦皇岛", "张家口",
                "承德"]
DUES = ["2026-06", "2026-12", "2027-06", "2027-12"]
STATUS_CODE = {"S": "strong", "P": "present", "W": "weak", "G": "gap", "U": "unknown"}
STATUS_ZH = {"strong": "优势", "present": "有基础", "weak": "薄弱", "gap": "缺失", "unknown": "未评估"}
RANK = {"strong": 4, "present": 3, "weak": 2, "gap": 1, "unknown": 0}

ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$")
REGION_RE = re.compile(r"^[A-Z][A-Z0-9-]{1,15}$")
COLOR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")
USCC_RE = re.compile(r"^[0-9ABCDEFGHJKLMNPQRTUWXY]{18}$")
DATE_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")
ISO_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)$")


def hid(prefix: str, *parts: str) -> str:
    """Stable, random-looking id: prefix + 16 hex digits (64 bits) of sha256 of the parts."""
    return prefix + hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:16]


def h32(*parts: str) -> int:
    return int(hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:8], 16)


def stem(name: str) -> str:
    """Segment name without a parenthetical, for placeholder firm names."""
    return re.sub(r"（.*?）|\(.*?\)", "", name)


class Uscc:
    """Fictitious but well-formed USCC codes for placeholder firms: 9100000EXAMPLE + 4 digits."""

    def __init__(self, chain_no: int):
        self.chain_no = chain_no
        self.k = 0

    def next(self, series: int = 0) -> str:
        self.k += 1
        code = f"9100000EXAMPLE{self.chain_no}{series * 100 + self.k:03d}"
        assert USCC_RE.match(code), code
        return code


def placeholder_firms(slug, seg, code, status, uscc: Uscc, chain_leader=False):
    """Invented placeholder firms for one region entry, varied deterministically."""
    h = h32(slug, seg, code)
    s = stem(seg)
    if code == "CN-BJ":
        names, city = [f"示例{s}科技有限公司", f"北京某某{s}技术有限公司"], "北京"
    elif code == "CN-TJ":
        names, city = [f"示例{s}（天津）股份有限公司", f"天津某某{s}有限公司"], "天津"
    else:
        city = HEBEI_CITIES[h % len(HEBEI_CITIES)]
        names = [f"示例{city}{s}有限公司", f"某某{s}（{city}）科技公司"]
    if status == "strong":
        first = [["leader", "listed"], ["leader"], ["champion"], ["leader", "listed"]][h % 4]
        if chain_leader:
            first = ["chain-leader", "listed"]
        second = [["little-giant"], []][(h >> 3) % 2]
        spec = [(names[0], first), (names[1], second)]
    elif status == "present":
        spec = [(names[0], [["little-giant"], [], ["listed"], []][h % 4])]
    elif status == "weak":
        spec = [(names[0], [])] if h % 2 == 0 else []
    else:
        spec = []
    firms = []
    for name, marks in spec:
        f = {"name": name}
        if {"leader", "chain-leader", "champion"} & set(marks):
            f["uscc"] = uscc.next()
        if marks:
            f["marks"] = list(marks)
        f["city"] = city
        firms.append(f)
    return firms


# --------------------------------------------------------------------------------------------
# Chain definitions (a compact notation, expanded by build_map)
# --------------------------------------------------------------------------------------------

def S(name, tier, kind, st, parent=None, aliases=(), desc=None, tags=(), firms=None, plans=None,
      notes=None, cl=None):
    """A segment.

    st: three tokens for 北京 天津 河北, each S/P/W/G/U (strong/present/weak/gap/unknown) or '-' (no
    entry); a trailing '!' gives that entry a plan (auto-filled, overridable via plans={'TJ': {...}}).
    firms: {'TJ': [enterprise dicts]} replaces the placeholder firms of that region.
    notes: {'BJ': 'entry note'}.  cl: region whose first firm is the chain-leader (链主).
    """
    return dict(name=name, tier=tier, kind=kind, st=st, parent=parent, aliases=list(aliases),
                desc=desc, tags=list(tags), firms=firms or {}, plans=plans or {},
                notes=notes or {}, cl=cl)


def E(frm, to, kind="supply", label=None, flows=(), note=None):
    """A link. flows: ('TJ', 'BJ', 'note') tuples."""
    return dict(frm=frm, to=to, kind=kind, label=label, flows=list(flows), note=note)


def N(text, node=None):
    return dict(text=text, node=node)


def real(name, note, city=None, marks=()):
    """A real firm named in the seed article; marks/city only where the article says so."""
    f = {"name": name}
    if marks:
        f["marks"] = list(marks)
    if city:
        f["city"] = city
    f["note"] = note
    return f


SRC = "源报道："
ILLUSTRATIVE_PLACE = "（在本示例中的地区与环节归属仅为演示）"

VEHICLES = dict(
    slug="vehicles", no=1, chain="新能源和智能网联汽车", lead="CN-BJ",
    tiers=[("up", "上游"), ("mid", "中游"), ("down", "下游")],
    segments=[
        # 上游：原材料与核心零部件
        S("锂矿", "up", "material", "G G W!", desc="锂辉石、盐湖卤水等锂资源的开采与初加工",
          tags=["资源"], plans={"HE": dict(action="extend", priority="high",
                                             targets=["示例锂业有限公司（锂资源加工项目）"],
                                             note="向资源端延链，与省外锂资源企业合作")}),
        S("正极材料", "up", "material", "P S P", aliases=["锂电池正极材料"],
          desc="三元材料、磷酸铁锂等锂电池正极材料"),
        S("负极材料", "up", "material", "W P P", aliases=["锂电池负极材料"]),
        S("电解液", "up", "material", "G S W!", notes={"BJ": "缺失，可由天津协同配套"}),
        S("隔膜", "up", "material", "G P S", aliases=["锂电池隔膜"]),
        S("轻量化材料", "up", "material", "W P S", aliases=["汽车轻量化材料"],
          desc="铝合金、镁合金、碳纤维复合材料等"),
        S("车规级芯片", "up", "component", "W! W G!", aliases=["汽车芯片"],
          desc="MCU、功率器件、计算芯片等车规级集成电路", tags=["卡脖子"],
          plans={"BJ": dict(action="strengthen", priority="high")}),
        S("激光雷达", "up", "component", "S G! G", aliases=["LiDAR"]),
        S("毫米波雷达", "up", "component", "P P W"),
        S("车载摄像头", "up", "component", "P S P"),
        S("高精度地图与定位", "up", "service", "S W G", aliases=["高精地图"]),
        # 中游：关键系统与整车
        S("动力电池", "mid", "product", "P S P", aliases=["动力蓄电池"],
          desc="为电动汽车提供动力的蓄电池系统"),
        S("电芯", "mid", "component", "W S P", parent="动力电池"),
        S("电池管理系统", "mid", "component", "S P W", parent="动力电池", aliases=["BMS"]),
        S("电池包", "mid", "component", "P P P", parent="动力电池", aliases=["PACK"]),
        S("钠离子电池", "mid", "product", "P U U", parent="动力电池",
          firms={"BJ": [real("中科海钠",
                             SRC + "京津冀国家技术创新中心培育的硬科技明星企业之一；中心的世界首创成果含"
                             "“钠离子电池材料及电池”" + ILLUSTRATIVE_PLACE)]}),
        S("电驱动系统", "mid", "component", "P S W", aliases=["电驱总成"]),
        S("驱动电机", "mid", "component", "W P W!", parent="电驱动系统"),
        S("电控系统", "mid", "component", "P P W", parent="电驱动系统", aliases=["电机控制器"]),
        S("减速器", "mid", "component", "W P P", parent="电驱动系统"),
        S("热管理系统", "mid", "component", "W P S"),
        S("智能座舱", "mid", "product", "S P W"),
        S("自动驾驶系统", "mid", "product", "S W G", aliases=["智能驾驶系统"],
          desc="感知、决策、控制软硬件一体的自动驾驶解决方案"),
        S("线控底盘", "mid", "component", "G! W! W", aliases=["线控制动与转向"],
          desc="线控制动、线控转向等执行系统", tags=["卡脖子"],
          plans={"TJ": dict(priority="high")}),
        S("车身与内外饰", "mid", "component", "W P S"),
        S("整车制造", "mid", "product", "S S S", desc="乘用车、商用车整车研发与制造", cl="BJ"),
        # 下游：应用与服务
        S("充换电服务", "down", "service", "P P P"),
        S("充电桩", "down", "product", "P S P", parent="充换电服务", aliases=["充电设施"]),
        S("换电站", "down", "service", "S W G", parent="充换电服务"),
        S("车联网服务", "down", "service", "S P W", aliases=["V2X服务"],
          desc="基于车路云协同的信息服务"),
        S("智能网联测试示范", "down", "service", "S P P", aliases=["测试示范区"]),
        S("出行服务", "down", "service", "S W G", aliases=["智能出行服务"]),
        S("动力电池回收利用", "down", "service", "G P W!", aliases=["电池回收"],
          plans={"HE": dict(action="extend", note="延链：发展梯次利用与再生利用")}),
        S("汽车后市场", "down", "service", "P P P", aliases=["汽车售后服务"]),
        S("汽车金融与保险", "down", "service", "U U -"),
    ],
    links=[
        E("锂矿", "正极材料", label="锂盐"),
        E("锂矿", "电解液", label="锂盐"),
        E("正极材料", "电芯", flows=[("TJ", "HE", "天津正极材料配套河北电芯")]),
        E("负极材料", "电芯"),
        E("电解液", "电芯", flows=[("TJ", "HE", "天津电解液配套河北电芯")]),
        E("隔膜", "电芯", flows=[("HE", "TJ", "河北隔膜配套天津电芯")]),
        E("电芯", "电池包"),
        E("电池管理系统", "电池包", flows=[("BJ", "TJ", "北京电池管理系统配套天津电池企业")]),
        E("动力电池", "整车制造", label="动力电池", flows=[("TJ", "BJ", "天津动力电池配套北京整车")]),
        E("钠离子电池", "整车制造", label="钠离子电池"),
        E("轻量化材料", "车身与内外饰", flows=[("HE", "TJ", None)]),
        E("车规级芯片", "电控系统"),
        E("车规级芯片", "自动驾驶系统", label="计算芯片"),
        E("车规级芯片", "智能座舱", label="座舱芯片"),
        E("车规级芯片", "线控底盘"),
        E("车规级芯片", "充电桩", label="功率器件"),
        E("激光雷达", "自动驾驶系统", flows=[("BJ", "TJ", "北京激光雷达配套天津")]),
        E("毫米波雷达", "自动驾驶系统"),
        E("车载摄像头", "自动驾驶系统", flows=[("TJ", "BJ", None)]),
        E("高精度地图与定位", "自动驾驶系统", kind="technology", label="高精地图"),
        E("高精度地图与定位", "出行服务", kind="service"),
        E("电驱动系统", "整车制造", label="电驱总成", flows=[("TJ", "BJ", "天津零部件配套北京整车")]),
        E("热管理系统", "整车制造", flows=[("HE", "BJ", "河北零部件配套北京整车")]),
        E("智能座舱", "整车制造"),
        E("自动驾驶系统", "整车制造", kind="technology", label="智能驾驶方案",
          flows=[("BJ", "TJ", None), ("BJ", "HE", None)]),
        E("线控底盘", "整车制造"),
        E("车身与内外饰", "整车制造", flows=[("HE", "BJ", "河北零部件配套北京整车")]),
        E("智能座舱", "车联网服务", kind="technology"),
        E("自动驾驶系统", "智能网联测试示范", kind="service", label="道路测试"),
        E("自动驾驶系统", "出行服务", kind="technology", label="自动驾驶出行"),
        E("整车制造", "智能网联测试示范", label="测试车辆"),
        E("整车制造", "出行服务"),
        E("整车制造", "汽车后市场", label="售后"),
        E("整车制造", "汽车金融与保险", kind="service"),
        E("动力电池", "动力电池回收利用", label="退役电池"),
        E("动力电池", "换电站", label="换电电池包", flows=[("TJ", "BJ", None)]),
        E("充换电服务", "出行服务", kind="service"),
    ],
    notes=[
        N(SRC + "新能源和智能网联汽车产业纳入区域龙头整车供应链。", "整车制造"),
        N("车规级芯片、线控底盘三地均薄弱，列为联合招商重点。", "线控底盘"),
        N("天津电池材料与动力电池可就近配套京冀整车（示例）。", "动力电池"),
        N("本示例中由北京轮值链长牵头绘制。"),
    ],
)

BIOMEDICINE = dict(
    slug="biomedicine", no=2, chain="生物医药", lead="CN-TJ",
    tiers=[("up", "上游"), ("mid", "中游"), ("down", "下游")],
    segments=[
        S("医药研发外包", "up", "service", "S P W", aliases=["CRO"],
          desc="新药发现、临床前研究等研发外包服务"),
        S("临床试验服务", "up", "service", "S P W", aliases=["SMO"],
          notes={"BJ": SRC + "北大人民、安贞、友谊医院等在城市副中心布局，医院本身可以带来临床研究想法。"}),
        S("化学原料药", "up", "material", "W P S", aliases=["原料药", "API"]),
        S("医药中间体", "up", "material", "G P S", notes={"BJ": "缺失，可由河北协同配套"}),
        S("发酵类原料", "up", "material", "G W! S", aliases=["生物发酵原料"],
          plans={"TJ": dict(action="optimise", priority="low", note="优链：与河北发酵企业分工协作")}),
        S("药用辅料", "up", "material", "W P P", aliases=["辅料"]),
        S("培养基", "up", "material", "W! W G!", desc="细胞培养基与生物工艺原料", tags=["卡脖子"]),
        S("基因治疗载体", "up", "material", "P W G", aliases=["病毒载体"]),
        S("生物反应器", "up", "component", "W W! G", aliases=["一次性生物反应器"], tags=["卡脖子"],
          plans={"TJ": dict(action="fill")}),
        S("制药装备", "up", "component", "P S P", aliases=["制药机械"]),
        S("医用高分子材料", "up", "material", "W P P"),
        S("医疗器械核心部件", "up", "component", "P W G", aliases=["探测器与传感器"]),
        S("实验动物", "up", "service", "U U U"),
        S("化学药", "mid", "product", "P S S", aliases=["化学药品制剂", "化药"], cl="TJ"),
        S("创新化学药", "mid", "product", "S P W", parent="化学药"),
        S("仿制药", "mid", "product", "W S S", parent="化学药", aliases=["化学仿制药"]),
        S("生物药", "mid", "product", "S P W", desc="抗体、疫苗、细胞与基因治疗等生物技术药物"),
        S("单克隆抗体", "mid", "product", "S P W", parent="生物药", aliases=["单抗"]),
        S("疫苗", "mid", "product", "S P P", parent="生物药"),
        S("细胞与基因治疗", "mid", "product", "P W! G", parent="生物药", aliases=["CGT"]),
        S("血液制品", "mid", "product", "P U P", parent="生物药"),
        S("中药", "mid", "product", "P S S", aliases=["现代中药"]),
        S("中药饮片", "mid", "product", "W P S", parent="中药"),
        S("中成药", "mid", "product", "P S S", parent="中药"),
        S("医疗器械", "mid", "product", "S S P"),
        S("医学影像设备", "mid", "product", "S P W", parent="医疗器械", aliases=["影像设备"]),
        S("体外诊断", "mid", "product", "S S P", parent="医疗器械", aliases=["IVD"]),
        S("高值医用耗材", "mid", "product", "P S P", parent="医疗器械", aliases=["高值耗材"]),
        S("康复辅具", "mid", "product", "W P P", parent="医疗器械", aliases=["康复器械"]),
        S("合同研发生产", "mid", "service", "W P P", aliases=["CDMO", "CMO"]),
        S("医药流通", "down", "service", "S P P", aliases=["医药商业"]),
        S("医药冷链物流", "down", "service", "P S W"),
        S("医疗服务", "down", "service", "S S P"),
        S("互联网医疗", "down", "service", "S P W!",
          plans={"HE": dict(action="extend", priority="low")}),
        S("第三方医学检验", "down", "service", "P P W", aliases=["ICL"]),
        S("检验检测与注册服务", "down", "service", "S P G!"),
        S("健康管理与养老服务", "down", "service", "P U W"),
    ],
    links=[
        E("医药研发外包", "创新化学药", kind="service", label="研发外包"),
        E("医药研发外包", "单克隆抗体", kind="service"),
        E("临床试验服务", "创新化学药", kind="service", label="临床试验"),
        E("临床试验服务", "医疗器械", kind="service", label="临床评价"),
        E("临床试验服务", "检验检测与注册服务", kind="service", label="注册申报"),
        E("实验动物", "医药研发外包", kind="service"),
        E("医药中间体", "化学原料药"),
        E("发酵类原料", "化学原料药"),
        E("化学原料药", "仿制药", flows=[("HE", "TJ", "河北原料药配套天津制剂")]),
        E("化学原料药", "创新化学药", flows=[("HE", "BJ", None)]),
        E("药用辅料", "化学药"),
        E("培养基", "单克隆抗体"),
        E("培养基", "疫苗"),
        E("基因治疗载体", "细胞与基因治疗", flows=[("BJ", "TJ", None)]),
        E("生物反应器", "生物药", label="生物工艺设备"),
        E("制药装备", "化学药", flows=[("TJ", "HE", "天津制药装备配套河北药企")]),
        E("制药装备", "中药"),
        E("医用高分子材料", "高值医用耗材"),
        E("医用高分子材料", "康复辅具"),
        E("医疗器械核心部件", "医学影像设备", label="探测器"),
        E("医疗器械核心部件", "体外诊断"),
        E("合同研发生产", "生物药", kind="service", label="CDMO"),
        E("合同研发生产", "化学药", kind="service"),
        E("化学药", "医药流通"),
        E("生物药", "医药流通"),
        E("生物药", "医药冷链物流", label="冷链运输"),
        E("中药", "医药流通", flows=[("HE", "BJ", "河北中药配套北京市场")]),
        E("医疗器械", "医疗服务", flows=[("BJ", "HE", None)]),
        E("医疗器械", "检验检测与注册服务", kind="service"),
        E("体外诊断", "第三方医学检验", label="试剂与设备"),
        E("医学影像设备", "互联网医疗", kind="technology", label="远程影像"),
        E("医药流通", "医疗服务"),
        E("医药冷链物流", "医疗服务", kind="service"),
        E("医疗服务", "互联网医疗", kind="service"),
        E("医疗服务", "健康管理与养老服务", kind="service"),
    ],
    notes=[
        N(SRC + "三地联合培育的京津冀生命健康产业集群获批国家级先进制造业集群。"),
        N(SRC + "京津冀国家技术创新中心通州中心将主打“医疗器械”。", "医疗器械"),
        N("培养基、生物反应器等生物工艺上游环节三地均薄弱，列为联合招商重点。", "培养基"),
        N("本示例中由天津轮值链长牵头绘制。"),
    ],
)

CYBERSECURITY = dict(
    slug="cybersecurity", no=3, chain="网络安全和工业互联网", lead="CN-HE",
    tiers=[("up", "上游"), ("mid", "中游"), ("down", "下游")],
    segments=[
        S("安全芯片", "up", "component", "S W G", aliases=["密码芯片"]),
        S("高性能计算服务器", "up", "product", "P P S", aliases=["超算服务器"],
          firms={"HE": [real("联泰集群",
                             SRC + "国家级专精特新“小巨人”企业，落户燕郊高新区；燕郊生产车间以制造服务器为主，"
                             "为气象预测、石油勘探、视频处理等领域提供超级算力技术支持和设备",
                             city="燕郊", marks=["little-giant"])]}),
        S("信创整机", "up", "product", "P S W", aliases=["信创终端与服务器"],
          firms={"TJ": [real("联想", SRC + "在津布局信创产业总部和生产基地" + ILLUSTRATIVE_PLACE,
                             city="天津")]}),
        S("操作系统", "up", "product", "S P W", aliases=["基础操作系统"]),
        S("数据库", "up", "product", "S P W"),
        S("工业实时操作系统", "up", "product", "W! W G!", aliases=["工业嵌入式操作系统"],
          tags=["卡脖子"], plans={"BJ": dict(priority="high")}),
        S("工业传感器", "up", "component", "P P P"),
        S("工业通信模组", "up", "component", "P P W", aliases=["5G模组"]),
        S("5G网络", "up", "service", "S P P", aliases=["5G专网"],
          firms={"TJ": [real("中国移动", SRC + "与天津签署超百亿元5G战略合作协议"),
                        real("中国联通", SRC + "与天津签署超百亿元5G战略合作协议")]}),
        S("算力基础设施", "up", "service", "P P S", aliases=["智能算力中心", "数据中心"],
          firms={"TJ": [real("中国电信", SRC + "总投资超百亿元建设京津冀大数据智能算力中心"
                             + ILLUSTRATIVE_PLACE)]}),
        S("工业仿真软件", "up", "product", "W G! G", aliases=["CAE软件"], tags=["卡脖子"],
          plans={"TJ": dict(priority="high")}),
        S("网络安全产品", "mid", "product", "S P W"),
        S("防火墙与边界安全", "mid", "product", "S P W", parent="网络安全产品", aliases=["防火墙"]),
        S("终端安全", "mid", "product", "S W W", parent="网络安全产品"),
        S("数据安全", "mid", "product", "S P G", parent="网络安全产品", aliases=["数据防泄漏"],
          notes={"HE": "缺失，可由北京协同配套"}),
        S("工控安全", "mid", "product", "P P W!", parent="网络安全产品",
          aliases=["工业控制系统安全"], desc="面向工业控制系统的安全防护、监测与审计",
          plans={"HE": dict(priority="high", note="服务省内钢铁、装备等重点行业")}),
        S("密码产品", "mid", "product", "S W W!", parent="网络安全产品", aliases=["商用密码产品"]),
        S("安全管理平台", "mid", "product", "S W G", aliases=["SOC平台"]),
        S("工业互联网平台", "mid", "product", "S P P", aliases=["工业PaaS"],
          desc="连接设备、汇聚数据、承载工业应用的平台"),
        S("边缘计算", "mid", "product", "P P W", parent="工业互联网平台", aliases=["边缘计算网关"]),
        S("工业APP", "mid", "product", "P W W", parent="工业互联网平台"),
        S("工业大数据", "mid", "product", "S P P", parent="工业互联网平台"),
        S("工业互联网标识解析", "mid", "service", "S P P", aliases=["标识解析节点"]),
        S("工业软件", "mid", "product", "S W W"),
        S("研发设计软件", "mid", "product", "P W G", parent="工业软件", aliases=["CAD"]),
        S("生产控制软件", "mid", "product", "P P W", parent="工业软件", aliases=["MES"]),
        S("安全运营服务", "down", "service", "S P W", aliases=["安全托管服务", "MSS"]),
        S("安全咨询与测评", "down", "service", "S P P", aliases=["等保测评"]),
        S("攻防演练与应急响应", "down", "service", "S W W"),
        S("智能制造解决方案", "down", "service", "P S P"),
        S("钢铁行业工业互联网应用", "down", "service", "W P S", cl="HE"),
        S("装备制造行业应用", "down", "service", "P S P"),
        S("安全生产监测", "down", "service", "W P S"),
        S("数据要素流通服务", "down", "service", "P W G!",
          plans={"HE": dict(action="extend", priority="low")}),
        S("网络安全人才培训", "down", "service", "U U U"),
    ],
    links=[
        E("安全芯片", "密码产品"),
        E("安全芯片", "信创整机"),
        E("安全芯片", "工业通信模组"),
        E("操作系统", "信创整机", label="国产操作系统"),
        E("数据库", "工业大数据"),
        E("数据库", "数据安全"),
        E("信创整机", "安全管理平台", label="国产化硬件"),
        E("高性能计算服务器", "算力基础设施"),
        E("工业实时操作系统", "边缘计算"),
        E("工业实时操作系统", "工控安全", kind="technology"),
        E("工业传感器", "边缘计算", flows=[("TJ", "HE", None)]),
        E("工业通信模组", "边缘计算"),
        E("5G网络", "工业互联网平台", kind="service", label="网络连接"),
        E("5G网络", "钢铁行业工业互联网应用", kind="service", label="5G专网"),
        E("算力基础设施", "工业互联网平台", kind="service", label="算力"),
        E("算力基础设施", "工业大数据", kind="service"),
        E("工业仿真软件", "研发设计软件", kind="technology", label="仿真内核"),
        E("防火墙与边界安全", "安全运营服务"),
        E("终端安全", "安全运营服务"),
        E("密码产品", "数据安全"),
        E("数据安全", "数据要素流通服务", kind="technology"),
        E("工控安全", "钢铁行业工业互联网应用",
          flows=[("BJ", "HE", "北京工控安全产品服务河北钢铁企业")]),
        E("工控安全", "安全生产监测"),
        E("安全管理平台", "安全运营服务", label="SOC"),
        E("安全管理平台", "攻防演练与应急响应"),
        E("边缘计算", "工业大数据"),
        E("工业大数据", "工业APP"),
        E("工业互联网平台", "智能制造解决方案", kind="service", flows=[("BJ", "TJ", None)]),
        E("工业互联网平台", "装备制造行业应用", kind="service"),
        E("工业互联网平台", "钢铁行业工业互联网应用", kind="service",
          flows=[("BJ", "HE", "北京平台服务河北钢铁企业")]),
        E("工业互联网标识解析", "装备制造行业应用", kind="service"),
        E("工业APP", "智能制造解决方案"),
        E("研发设计软件", "装备制造行业应用"),
        E("生产控制软件", "智能制造解决方案", flows=[("BJ", "TJ", None)]),
        E("安全咨询与测评", "安全运营服务", kind="service"),
        E("网络安全人才培训", "攻防演练与应急响应", kind="service"),
    ],
    notes=[
        N(SRC + "天津与中国移动、中国联通签署超百亿元5G战略合作协议。", "5G网络"),
        N(SRC + "联泰集群正式落户燕郊高新区，成为首家落地京津冀国家技术创新中心燕郊中心的北京企业。",
          "高性能计算服务器"),
        N("工业实时操作系统、工业仿真软件三地均薄弱，列为联合攻关与招商重点。", "工业实时操作系统"),
        N("本示例中由河北轮值链长牵头绘制。"),
    ],
)

HYDROGEN = dict(
    slug="hydrogen", no=4, chain="氢能", lead="CN-BJ",
    tiers=[("up", "上游（制氢）"), ("store", "中游（储运加注）"), ("fc", "中游（燃料电池）"),
           ("down", "下游（应用）")],
    segments=[
        S("工业副产氢", "up", "material", "G S S", aliases=["副产氢"]),
        S("电解水制氢", "up", "material", "W P S", aliases=["绿氢", "可再生能源制氢"]),
        S("碱性电解槽", "up", "component", "P P P", aliases=["ALK电解槽"]),
        S("PEM电解槽", "up", "component", "S W W", aliases=["质子交换膜电解槽"]),
        S("氢气纯化", "up", "component", "P P W", aliases=["氢气提纯"]),
        S("高压气态储运", "store", "service", "P P S"),
        S("高压储氢瓶", "store", "component", "P W S", parent="高压气态储运",
          aliases=["储氢瓶", "IV型瓶"]),
        S("长管拖车", "store", "product", "W P S", parent="高压气态储运", aliases=["管束车"]),
        S("液氢储运", "store", "service", "W W! G", aliases=["液态储氢"],
          plans={"TJ": dict(priority="high")}),
        S("管道输氢", "store", "service", "G W W!",
          plans={"HE": dict(action="extend", priority="medium", note="依托既有天然气管网开展掺氢示范")}),
        S("储氢材料", "store", "material", "P W W", aliases=["固态储氢材料"]),
        S("加氢站", "store", "service", "P P P", aliases=["加氢设施"]),
        S("氢气压缩机", "store", "component", "P W P", parent="加氢站"),
        S("加氢机", "store", "component", "W W G!", parent="加氢站"),
        S("有机液体储氢", "store", "service", "U U U", aliases=["LOHC"]),
        S("燃料电池电堆", "fc", "component", "S P W", aliases=["电堆"]),
        S("膜电极", "fc", "component", "S W W", parent="燃料电池电堆", aliases=["MEA"]),
        S("质子交换膜", "fc", "material", "W! G G", parent="燃料电池电堆", tags=["卡脖子"],
          plans={"BJ": dict(priority="high")}),
        S("催化剂", "fc", "material", "P W G", parent="燃料电池电堆"),
        S("气体扩散层", "fc", "material", "W G G!", parent="燃料电池电堆"),
        S("双极板", "fc", "component", "P P P", parent="燃料电池电堆"),
        S("燃料电池系统", "fc", "product", "S P P", aliases=["燃料电池发动机"], cl="BJ",
          desc="电堆与空压机、氢循环等辅助系统集成的发电系统"),
        S("空压机", "fc", "component", "S W P", aliases=["氢燃料电池空压机"]),
        S("氢气循环泵", "fc", "component", "P W G"),
        S("DC/DC变换器", "fc", "component", "P P W", aliases=["升压变换器"]),
        S("燃料电池重卡", "down", "product", "P P S", aliases=["氢能重卡"]),
        S("燃料电池客车", "down", "product", "S P P"),
        S("氢能物流车", "down", "product", "W S P", aliases=["氢能叉车与物流车"]),
        S("氢冶金", "down", "service", "G W! S", aliases=["氢能冶金"],
          plans={"TJ": dict(action="optimise", priority="low")}),
        S("分布式发电", "down", "product", "P W W", aliases=["燃料电池热电联供"]),
        S("绿氨绿醇", "down", "product", "G P P", aliases=["氢能化工"]),
        S("氢能检测认证", "down", "service", "S P W"),
    ],
    links=[
        E("工业副产氢", "氢气纯化"),
        E("电解水制氢", "氢气纯化"),
        E("碱性电解槽", "电解水制氢"),
        E("PEM电解槽", "电解水制氢"),
        E("电解水制氢", "绿氨绿醇", flows=[("HE", "TJ", "河北绿氢供应天津化工")]),
        E("氢气纯化", "高压气态储运", flows=[("TJ", "BJ", "天津氢源供应北京")]),
        E("氢气纯化", "液氢储运"),
        E("氢气纯化", "管道输氢"),
        E("高压储氢瓶", "长管拖车", label="储氢瓶组"),
        E("高压储氢瓶", "燃料电池重卡", label="车载储氢瓶", flows=[("HE", "BJ", None)]),
        E("储氢材料", "分布式发电"),
        E("氢气压缩机", "高压气态储运"),
        E("高压气态储运", "加氢站", flows=[("HE", "BJ", "河北氢气运往北京加氢站")]),
        E("液氢储运", "加氢站"),
        E("有机液体储氢", "加氢站"),
        E("管道输氢", "氢冶金"),
        E("加氢站", "燃料电池重卡", kind="service", label="加氢"),
        E("加氢站", "燃料电池客车", kind="service", label="加氢"),
        E("加氢站", "氢能物流车", kind="service"),
        E("质子交换膜", "膜电极"),
        E("催化剂", "膜电极"),
        E("气体扩散层", "膜电极"),
        E("燃料电池电堆", "燃料电池系统", flows=[("BJ", "HE", "北京电堆配套河北系统集成")]),
        E("空压机", "燃料电池系统"),
        E("氢气循环泵", "燃料电池系统"),
        E("DC/DC变换器", "燃料电池系统"),
        E("燃料电池系统", "燃料电池重卡", flows=[("BJ", "HE", "北京燃料电池系统配套河北重卡")]),
        E("燃料电池系统", "燃料电池客车"),
        E("燃料电池系统", "氢能物流车", flows=[("BJ", "TJ", None)]),
        E("燃料电池系统", "分布式发电"),
        E("燃料电池系统", "氢能检测认证", kind="service"),
    ],
    notes=[
        N("质子交换膜、气体扩散层等电堆关键材料三地均薄弱，列为卡点攻关重点。", "质子交换膜"),
        N("河北可再生能源制氢可向京津供氢（示例）。", "电解水制氢"),
        N("燃料电池汽车示范应用以重卡、客车、物流车为主（示例）。", "燃料电池重卡"),
        N("本示例中由北京轮值链长牵头绘制。"),
    ],
)

MACHINE_TOOLS = dict(
    slug="machine-tools", no=5, chain="高端工业母机", lead="CN-TJ",
    tiers=[("up", "上游"), ("mid", "中游"), ("down", "下游")],
    segments=[
        S("机床铸件", "up", "material", "G P S", aliases=["铸件"]),
        S("特种钢材", "up", "material", "G S S"),
        S("数控系统", "up", "component", "S W! G", aliases=["CNC系统"], tags=["卡脖子"],
          desc="机床的“大脑”：数控装置、伺服驱动与电机"),
        S("伺服驱动", "up", "component", "P W W", parent="数控系统"),
        S("伺服电机", "up", "component", "P P W", parent="数控系统"),
        S("电主轴", "up", "component", "W! P W", aliases=["主轴"],
          plans={"BJ": dict(action="optimise", priority="low")}),
        S("滚珠丝杠", "up", "component", "W W! G", aliases=["丝杠"], tags=["卡脖子"],
          plans={"TJ": dict(priority="high")}),
        S("直线导轨", "up", "component", "G W W!", aliases=["导轨", "滚动导轨"],
          plans={"HE": dict(action="fill", priority="high")}),
        S("精密轴承", "up", "component", "W P P"),
        S("数控刀具", "up", "component", "P S P", aliases=["刀具"]),
        S("光栅尺", "up", "component", "P G! G", aliases=["位置检测元件"]),
        S("数控转台", "up", "component", "W W G"),
        S("刀库", "up", "component", "W P W", aliases=["刀库与换刀机构"]),
        S("CAM软件", "up", "product", "S W G", aliases=["数控编程软件"]),
        S("数控金切机床", "mid", "product", "P S P", aliases=["金属切削机床"],
          firms={"TJ": [real("通用技术集团", SRC + "机床二级总部落户天津，打造工业母机国家队",
                             city="天津")]}),
        S("五轴联动加工中心", "mid", "product", "P P G", parent="数控金切机床",
          aliases=["五轴加工中心"], tags=["高端"]),
        S("数控车床", "mid", "product", "W S P", parent="数控金切机床", cl="TJ"),
        S("数控磨床", "mid", "product", "W P W!", parent="数控金切机床"),
        S("立式加工中心", "mid", "product", "P S P", parent="数控金切机床"),
        S("成形机床", "mid", "product", "W P S", aliases=["金属成形机床"]),
        S("伺服压力机", "mid", "product", "G P S", parent="成形机床"),
        S("数控折弯机", "mid", "product", "G W P", parent="成形机床"),
        S("特种加工机床", "mid", "product", "P P W"),
        S("激光加工设备", "mid", "product", "S P P", parent="特种加工机床"),
        S("电火花加工机床", "mid", "product", "P W W", parent="特种加工机床"),
        S("增材制造装备", "mid", "product", "S P P", aliases=["3D打印装备"]),
        S("柔性制造系统", "mid", "product", "P S P", aliases=["智能制造单元与产线"]),
        S("航空航天零部件加工", "down", "service", "S S P"),
        S("汽车零部件加工", "down", "service", "P S S"),
        S("模具制造", "down", "service", "W P S"),
        S("船舶与海洋工程装备", "down", "service", "G S P", aliases=["海工装备"]),
        S("机床再制造", "down", "service", "W W W!", aliases=["机床再制造与改造"],
          plans={"HE": dict(action="extend", priority="medium")}),
        S("检测与计量服务", "down", "service", "S P W"),
        S("售后与维修服务", "down", "service", "U U U"),
    ],
    links=[
        E("特种钢材", "滚珠丝杠"),
        E("特种钢材", "直线导轨"),
        E("特种钢材", "精密轴承"),
        E("精密轴承", "电主轴"),
        E("机床铸件", "数控金切机床", label="床身铸件", flows=[("HE", "TJ", "河北铸件配套天津整机")]),
        E("机床铸件", "成形机床"),
        E("数控系统", "数控金切机床", label="数控系统", flows=[("BJ", "TJ", "北京数控系统配套天津整机")]),
        E("数控系统", "特种加工机床"),
        E("伺服电机", "伺服压力机"),
        E("电主轴", "数控金切机床"),
        E("滚珠丝杠", "数控金切机床"),
        E("直线导轨", "数控金切机床"),
        E("数控刀具", "航空航天零部件加工", label="刀具"),
        E("数控刀具", "汽车零部件加工", flows=[("TJ", "HE", None)]),
        E("光栅尺", "五轴联动加工中心"),
        E("数控转台", "五轴联动加工中心", label="转台"),
        E("刀库", "立式加工中心"),
        E("CAM软件", "五轴联动加工中心", kind="technology", label="编程软件"),
        E("CAM软件", "增材制造装备", kind="technology"),
        E("五轴联动加工中心", "航空航天零部件加工",
          flows=[("TJ", "BJ", "天津五轴机床服务北京航空航天企业")]),
        E("数控车床", "汽车零部件加工", flows=[("TJ", "HE", None)]),
        E("立式加工中心", "模具制造"),
        E("数控磨床", "模具制造"),
        E("成形机床", "汽车零部件加工", flows=[("HE", "TJ", None)]),
        E("数控折弯机", "船舶与海洋工程装备"),
        E("激光加工设备", "船舶与海洋工程装备"),
        E("电火花加工机床", "模具制造"),
        E("增材制造装备", "航空航天零部件加工", flows=[("BJ", "TJ", None)]),
        E("柔性制造系统", "汽车零部件加工"),
        E("数控金切机床", "柔性制造系统"),
        E("数控金切机床", "机床再制造", kind="service", label="旧机床"),
        E("数控金切机床", "检测与计量服务", kind="service"),
        E("数控金切机床", "售后与维修服务", kind="service"),
        E("检测与计量服务", "航空航天零部件加工", kind="service"),
    ],
    notes=[
        N(SRC + "通用技术集团机床二级总部落户天津，打造工业母机国家队。", "数控金切机床"),
        N("滚珠丝杠、直线导轨、数控转台等功能部件三地均薄弱，是卡点攻关重点。", "滚珠丝杠"),
        N("北京数控系统可与天津整机形成配套（示例）。", "数控系统"),
        N("本示例中由天津轮值链长牵头绘制。"),
    ],
)

ROBOTS = dict(
    slug="robots", no=6, chain="机器人", lead="CN-HE",
    tiers=[("up", "上游（核心零部件）"), ("body", "中游（本体制造）"), ("integ", "中游（系统集成）"),
           ("down", "下游（应用）")],
    segments=[
        S("精密减速器", "up", "component", "W P W", aliases=["减速器"]),
        S("谐波减速器", "up", "component", "P W G", parent="精密减速器"),
        S("RV减速器", "up", "component", "G W! W", parent="精密减速器", tags=["卡脖子"],
          plans={"TJ": dict(action="fill", priority="high")}),
        S("伺服系统", "up", "component", "P S W", aliases=["伺服电机及驱动器"]),
        S("机器人控制器", "up", "component", "S P G", aliases=["控制器"]),
        S("力矩传感器", "up", "component", "S W G", aliases=["六维力传感器"]),
        S("视觉传感器", "up", "component", "S P W", aliases=["机器视觉相机"]),
        S("灵巧手", "up", "component", "P W G!", plans={"HE": dict(priority="low")}),
        S("机器人专用芯片", "up", "component", "W! G G", tags=["卡脖子"],
          plans={"BJ": dict(priority="high")}),
        S("空心杯电机", "up", "component", "W W W!"),
        S("机器人操作系统", "up", "product", "S W W", aliases=["运动控制算法与操作系统"]),
        S("工业机器人", "body", "product", "P S P"),
        S("多关节机器人", "body", "product", "P S W", parent="工业机器人", aliases=["六轴机器人"]),
        S("SCARA机器人", "body", "product", "W P W", parent="工业机器人", aliases=["平面关节机器人"]),
        S("协作机器人", "body", "product", "S P W", parent="工业机器人"),
        S("服务机器人", "body", "product", "S P P"),
        S("医疗机器人", "body", "product", "S P W", parent="服务机器人", aliases=["手术机器人"]),
        S("物流机器人", "body", "product", "P P P", parent="服务机器人",
          aliases=["AMR", "智能搬运机器人"]),
        S("清洁机器人", "body", "product", "P W G", parent="服务机器人"),
        S("特种机器人", "body", "product", "P P S", cl="HE"),
        S("巡检机器人", "body", "product", "P P S", parent="特种机器人"),
        S("应急救援机器人", "body", "product", "W P P", parent="特种机器人", aliases=["救援机器人"]),
        S("人形机器人", "body", "product", "S W G!", aliases=["具身智能机器人"],
          desc="具备类人形态与通用操作能力的机器人",
          plans={"HE": dict(action="extend", priority="medium")}),
        S("焊接系统集成", "integ", "service", "W S P"),
        S("搬运码垛系统集成", "integ", "service", "P P S", aliases=["码垛集成"]),
        S("数字孪生与仿真", "integ", "service", "S P W", aliases=["机器人仿真"]),
        S("机器人云平台", "integ", "service", "P W W!",
          plans={"HE": dict(action="optimise", priority="low")}),
        S("汽车制造应用", "down", "service", "P S P"),
        S("3C电子应用", "down", "service", "W P W"),
        S("医疗康复应用", "down", "service", "S P W"),
        S("仓储物流应用", "down", "service", "P P S"),
        S("钢铁与冶金应用", "down", "service", "G W S"),
        S("家庭服务应用", "down", "service", "U U U"),
    ],
    links=[
        E("谐波减速器", "协作机器人"),
        E("RV减速器", "多关节机器人", label="RV减速器"),
        E("精密减速器", "人形机器人"),
        E("伺服系统", "工业机器人", flows=[("TJ", "HE", "天津伺服系统配套河北本体企业")]),
        E("伺服系统", "服务机器人"),
        E("机器人控制器", "工业机器人", flows=[("BJ", "TJ", None)]),
        E("力矩传感器", "协作机器人"),
        E("力矩传感器", "人形机器人"),
        E("视觉传感器", "物流机器人"),
        E("视觉传感器", "搬运码垛系统集成"),
        E("灵巧手", "人形机器人"),
        E("机器人专用芯片", "机器人控制器"),
        E("空心杯电机", "灵巧手"),
        E("机器人操作系统", "人形机器人", kind="technology"),
        E("机器人操作系统", "机器人控制器", kind="technology"),
        E("多关节机器人", "焊接系统集成", flows=[("TJ", "HE", None)]),
        E("工业机器人", "搬运码垛系统集成", flows=[("TJ", "HE", None)]),
        E("服务机器人", "机器人云平台", kind="technology", label="运行数据"),
        E("协作机器人", "3C电子应用"),
        E("医疗机器人", "医疗康复应用", flows=[("BJ", "TJ", None), ("BJ", "HE", None)]),
        E("物流机器人", "仓储物流应用"),
        E("清洁机器人", "家庭服务应用"),
        E("人形机器人", "家庭服务应用"),
        E("巡检机器人", "钢铁与冶金应用"),
        E("应急救援机器人", "钢铁与冶金应用"),
        E("数字孪生与仿真", "焊接系统集成", kind="technology"),
        E("焊接系统集成", "汽车制造应用", kind="service", flows=[("TJ", "BJ", None)]),
        E("搬运码垛系统集成", "仓储物流应用", kind="service"),
        E("搬运码垛系统集成", "钢铁与冶金应用", kind="service"),
        E("机器人云平台", "仓储物流应用", kind="service"),
        E("数字孪生与仿真", "汽车制造应用", kind="service"),
    ],
    notes=[
        N("RV减速器、机器人专用芯片、空心杯电机三地均薄弱，列为联合招商重点。", "RV减速器"),
        N("人形机器人为延链方向（示例）。", "人形机器人"),
        N("特种机器人在钢铁、电力巡检等场景应用广泛（示例）。", "特种机器人"),
        N("本示例中由河北轮值链长牵头绘制。"),
    ],
)

CHAINS = [VEHICLES, BIOMEDICINE, CYBERSECURITY, HYDROGEN, MACHINE_TOOLS, ROBOTS]


# --------------------------------------------------------------------------------------------
# Building a map
# --------------------------------------------------------------------------------------------

def node_id(slug, name, salt=None):
    return hid("n-", slug, name) if salt is None else hid("n-", slug, salt, name)


def edge_id(slug, frm, to, kind, salt=None):
    parts = (slug, frm, to, kind) if salt is None else (slug, salt, frm, to, kind)
    return hid("e-", *parts)


def parse_status(st):
    toks = st.split()
    assert len(toks) == 3, st
    out = {}
    for code, tok in zip(CODES, toks, strict=False):
        if tok == "-":
            continue
        out[code] = (STATUS_CODE[tok[0]], tok.endswith("!"))
    return out


def auto_plan(slug, seg, code, status, statuses):
    """A plausible plan for a weak/gap entry; overridable field by field."""
    s = stem(seg)
    better = [c for c in CODES if c != code and RANK[statuses.get(c, "unknown")] >= RANK["present"]]
    regional = all(RANK[statuses.get(c, "unknown")] <= RANK["weak"] for c in CODES)
    h = h32(slug, seg, code, "plan")
    plan = {"action": "fill" if status == "gap" else "strengthen"}
    if regional:
        plan["priority"] = "high"
        plan["targets"] = [f"示例{s}龙头企业（联合招商）"]
        plan["note"] = "三地均薄弱，列入联合招商清单"
    elif better:
        plan["priority"] = "medium"
        plan["targets"] = [f"{RNAME[better[0]]}{s}优势企业（区域协同配套）"]
        plan["note"] = f"{RNAME[better[0]]}{STATUS_ZH[statuses[better[0]]]}，优先区域内协同配套"
    else:
        plan["priority"] = "low"
        plan["targets"] = [f"某某{s}项目（示例）"]
    plan["owner"] = PLAN_OWNER[code]
    plan["due"] = DUES[h % len(DUES)]
    return plan


def layout(chain, nodes):
    """Tier i occupies the band [i*400, i*400+400); one or two sub-columns; rows 90 apart."""
    tiers = [t for t, _ in chain["tiers"]]
    for ti, tier in enumerate(tiers):
        tops = [n for n in nodes if n["tier"] == tier and not n.get("parent")]
        groups = []
        for t in tops:
            kids = [n for n in nodes if n.get("parent") == t["id"]]
            groups.append([t] + kids)
        total = sum(len(g) for g in groups)
        if total > 8:
            xs = [ti * 400 + 110, ti * 400 + 290]  # two sub-columns, 180 apart
            limit = math.ceil(total / 2)
        else:
            xs = [ti * 400 + 200]
            limit = total
        col, row = 0, 0
        for g in groups:
            if row >= limit and col + 1 < len(xs):
                col, row = col + 1, 0
            for n in g:
                n["x"], n["y"] = xs[col], row * 90
                row += 1
    missing = [n["name"] for n in nodes if "x" not in n]
    assert not missing, missing


def build_map(chain):
    slug = chain["slug"]
    uscc = Uscc(chain["no"])
    tiers = [{"id": t, "name": nm} for t, nm in chain["tiers"]]
    ids = {}
    nodes = []
    for seg in chain["segments"]:
        ids[seg["name"]] = node_id(slug, seg["name"])
    for seg in chain["segments"]:
        name = seg["name"]
        n = {"id": ids[name], "name": name, "tier": seg["tier"]}
        if seg["parent"]:
            n["parent"] = ids[seg["parent"]]
        n["kind"] = seg["kind"]
        n["aliases"] = seg["aliases"]
        n["description"] = seg["desc"]
        n["tags"] = seg["tags"]
        st = parse_status(seg["st"])
        statuses = {c: s for c, (s, _) in st.items()}
        regions = {}
        for code, (status, has_plan) in st.items():
            short = code[3:]
            entry = {"status": status}
            if short in seg["firms"]:
                entry["enterprises"] = copy.deepcopy(seg["firms"][short])
            else:
                assert seg["cl"] != short or status == "strong", (name, "chain-leader needs strong")
                entry["enterprises"] = placeholder_firms(slug, name, code, status, uscc,
                                                         chain_leader=(seg["cl"] == short))
            if has_plan:
                plan = auto_plan(slug, name, code, status, statuses)
                plan.update(seg["plans"].get(short, {}))
                entry["plan"] = plan
            else:
                assert short not in seg["plans"], (name, short)
            if short in seg["notes"]:
                entry["note"] = seg["notes"][short]
            regions[code] = entry
        n["regions"] = regions
        nodes.append(n)
    layout(chain, nodes)

    edges = []
    for ln in chain["links"]:
        frm, to = ids[ln["frm"]], ids[ln["to"]]
        e = {"id": edge_id(slug, frm, to, ln["kind"]), "from": frm, "to": to, "kind": ln["kind"],
             "label": ln["label"]}
        e["flows"] = [dict(zip(("from", "to", "note"), (SHORT[a], SHORT[b], nt), strict=False)) for a, b, nt in
                      ln["flows"]]
        e["note"] = ln["note"]
        edges.append(e)

    notes = []
    nx = len(tiers) * 400 + 160
    for i, nt in enumerate(chain["notes"]):
        t = {"id": hid("t-", slug, "note", nt["text"]), "text": nt["text"], "x": nx, "y": i * 110}
        if nt["node"]:
            t["node"] = ids[nt["node"]]
        notes.append(t)

    m = {
        "format": "chainmap",
        "version": 1,
        "id": f"jjj-{slug}",
        "title": f"京津冀{chain['chain']}产业链图谱",
        "chain": chain["chain"],
        "lead": chain["lead"],
        "regions": copy.deepcopy(REGIONS),
        "tiers": tiers,
        "nodes": nodes,
        "edges": edges,
        "notes": notes,
        "meta": {"created": CREATED, "modified": MODIFIED, "generator": GENERATOR,
                 "description": DESCRIPTION},
    }
    return canonical(m)


# --------------------------------------------------------------------------------------------
# The merge scenario (vehicles chain)
# --------------------------------------------------------------------------------------------

def by_name(m, name):
    found = [n for n in m["nodes"] if n["name"] == name]
    assert len(found) == 1, name
    return found[0]


def edge_between(m, a, b, kind=None):
    ia, ib = by_name(m, a)["id"], by_name(m, b)["id"]
    found = [e for e in m["edges"] if e["from"] == ia and e["to"] == ib
             and (kind is None or e.get("kind", "supply") == kind)]
    assert len(found) == 1, (a, b, kind)
    return found[0]


def add_node(m, owner, name, tier, kind, x, y, regions, aliases=()):
    n = {"id": node_id("vehicles", name, salt=owner), "name": name, "tier": tier, "kind": kind,
         "aliases": list(aliases), "x": x, "y": y, "regions": regions}
    m["nodes"].append(n)
    return n


def add_edge(m, owner, frm, to, kind="supply", label=None):
    e = {"id": edge_id("vehicles", frm["id"], to["id"], kind, salt=owner), "from": frm["id"],
         "to": to["id"], "kind": kind, "label": label}
    m["edges"].append(e)
    return e


def delete_node(m, name):
    n = by_name(m, name)
    gone = [n["id"]] + [e["id"] for e in m["edges"] if n["id"] in (e["from"], e["to"])]
    m["nodes"] = [x for x in m["nodes"] if x["id"] != n["id"]]
    m["edges"] = [e for e in m["edges"] if e["id"] not in gone]
    m["notes"] = [t for t in m.get("notes", []) if t.get("node") != n["id"]]
    m.setdefault("deleted", []).extend(gone)
    return gone


def max_y(m, tier):
    return max(n["y"] for n in m["nodes"] if n["tier"] == tier)


def make_copies(base):
    """Three regions' copies of the vehicles map, each with edits of its own."""
    copies = {}
    mid_x = 1 * 400 + 110  # first sub-column of the mid tier (tier index 1)
    up_x = 0 * 400 + 110  # first sub-column of the up tier
    bottom_mid = max_y(base, "mid")
    bottom_up = max_y(base, "up")
    uscc = Uscc(1)
    uscc.k = 0

    # ---- 北京 (lead) ---------------------------------------------------------------
    bj = copy.deepcopy(base)
    bj["owner"] = "CN-BJ"
    bj["meta"]["modified"] = "2025-04-08T10:15:00+08:00"
    e = by_name(bj, "车规级芯片")["regions"]["CN-BJ"]
    e["status"] = "present"
    e.pop("plan")
    e.setdefault("enterprises", []).append(
        {"name": "示例车规芯片设计有限公司", "uscc": uscc.next(8), "marks": ["little-giant"],
         "city": "北京"})
    e["note"] = "2025年新增车规级MCU量产线（示例）"
    e = by_name(bj, "线控底盘")["regions"]["CN-BJ"]
    e["status"] = "weak"
    e["plan"]["action"] = "strengthen"
    e["plan"]["targets"] = ["示例线控制动科技有限公司（已签约）", "某某线控转向项目（示例）"]
    by_name(bj, "整车制造").setdefault("aliases", []).append("汽车整车制造")
    by_name(bj, "自动驾驶系统")["description"] = "L2+至L4级自动驾驶软硬件解决方案，含感知、决策与控制"
    n = by_name(bj, "整车制造")
    n["x"], n["y"] = n["x"] + 40, n["y"]
    ssb = add_node(bj, "CN-BJ", "固态电池", "mid", "product", mid_x + 180, bottom_mid + 90,
                   {"CN-BJ": {"status": "present",
                              "enterprises": [{"name": "示例固态电池科技有限公司",
                                               "marks": ["little-giant"], "city": "北京"}]}},
                   aliases=["全固态电池"])
    add_edge(bj, "CN-BJ", ssb, by_name(bj, "整车制造"), label="固态电池")
    psb = add_node(bj, "CN-BJ", "车用功率半导体", "up", "component", up_x, bottom_up + 90,
                   {"CN-BJ": {"status": "weak",
                              "plan": {"action": "fill", "priority": "medium",
                                       "targets": ["示例碳化硅功率器件项目"],
                                       "owner": PLAN_OWNER["CN-BJ"], "due": "2027-06"}}})
    add_edge(bj, "CN-BJ", psb, by_name(bj, "电控系统"))
    delete_node(bj, "汽车金融与保险")
    copies["CN-BJ"] = bj

    # ---- 天津 ----------------------------------------------------------------------
    tj = copy.deepcopy(base)
    tj["owner"] = "CN-TJ"
    tj["meta"]["modified"] = "2025-04-09T16:40:00+08:00"
    e = by_name(tj, "激光雷达")["regions"]["CN-TJ"]
    e["status"] = "weak"
    e["plan"]["action"] = "strengthen"
    e["plan"]["priority"] = "high"
    e["plan"]["targets"] = ["示例激光雷达（天津）有限公司（已落地）"]
    e["enterprises"] = [{"name": "示例激光雷达（天津）有限公司", "city": "天津"}]
    e = by_name(tj, "电芯")["regions"]["CN-TJ"]
    e.setdefault("enterprises", []).append(
        {"name": "天津某某储能电芯有限公司", "marks": ["little-giant"], "city": "天津"})
    # Tianjin's team writes into Hebei's entry: Hebei's copy is the authority there.
    by_name(tj, "驱动电机")["regions"]["CN-HE"]["note"] = "天津团队估计：河北已有配套能力（待河北确认）"
    by_name(tj, "自动驾驶系统")["description"] = "自动驾驶感知、决策、控制系统及域控制器"
    by_name(tj, "车联网服务")["description"] = "基于车路云一体化的信息服务与数据运营"
    edge_between(tj, "智能座舱", "车联网服务")["label"] = "座舱数据"
    by_name(tj, "整车制造").setdefault("aliases", []).append("整车")
    edge_between(tj, "动力电池", "整车制造")["flows"].append(
        {"from": "CN-TJ", "to": "CN-HE", "note": "天津动力电池配套河北整车"})
    n = by_name(tj, "电解液")
    n["x"], n["y"] = n["x"] + 30, n["y"]
    pst = add_node(tj, "CN-TJ", "功率半导体", "up", "component", up_x + 180, bottom_up + 90,
                   {"CN-TJ": {"status": "present",
                              "enterprises": [{"name": "示例功率半导体（天津）股份有限公司",
                                               "city": "天津"}]}})
    add_edge(tj, "CN-TJ", pst, by_name(tj, "驱动电机"))
    rsu = add_node(tj, "CN-TJ", "车路协同路侧设备", "mid", "product", mid_x, bottom_mid + 180,
                   {"CN-TJ": {"status": "present"}}, aliases=["路侧单元", "RSU"])
    add_edge(tj, "CN-TJ", rsu, by_name(tj, "智能网联测试示范"), kind="service")
    copies["CN-TJ"] = tj

    # ---- 河北 ----------------------------------------------------------------------
    he = copy.deepcopy(base)
    he["owner"] = "CN-HE"
    he["meta"]["modified"] = "2025-04-10T09:05:00+08:00"
    e = by_name(he, "锂矿")["regions"]["CN-HE"]
    e.setdefault("enterprises", []).append({"name": "示例承德锂资源有限公司", "city": "承德"})
    e["plan"]["targets"] = ["示例锂业有限公司（锂资源加工项目）", "某某锂盐加工项目（示例）"]
    e = by_name(he, "驱动电机")["regions"]["CN-HE"]
    e["status"] = "present"
    e.pop("plan")
    e["enterprises"] = [{"name": "示例保定驱动电机有限公司", "uscc": uscc.next(8),
                         "marks": ["little-giant"], "city": "保定"}]
    delete_node(he, "车联网服务")
    edge_between(he, "动力电池", "整车制造")["flows"].append(
        {"from": "CN-HE", "to": "CN-BJ", "note": "河北动力电池配套北京整车"})
    n = by_name(he, "锂矿")
    n["x"], n["y"] = n["x"] - 30, n["y"]
    n = by_name(he, "整车制造")
    n["x"], n["y"] = n["x"] - 40, n["y"] + 20
    ssh = add_node(he, "CN-HE", "固 态 电池", "mid", "product", mid_x + 180, bottom_mid + 180,
                   {"CN-HE": {"status": "weak",
                              "plan": {"action": "strengthen", "priority": "medium",
                                       "targets": ["北京固态电池优势企业（区域协同配套）"],
                                       "owner": PLAN_OWNER["CN-HE"], "due": "2027-12"}}})
    add_edge(he, "CN-HE", ssh, by_name(he, "整车制造"), label="固态电池")
    add_node(he, "CN-HE", "路侧单元", "mid", "product", mid_x, bottom_mid + 270,
             {"CN-HE": {"status": "gap",
                        "plan": {"action": "fill", "priority": "low",
                                 "targets": ["天津车路协同路侧设备优势企业（区域协同配套）"],
                                 "owner": PLAN_OWNER["CN-HE"], "due": "2027-12"}}})
    copies["CN-HE"] = he
    return {k: canonical(v) for k, v in copies.items()}


# --------------------------------------------------------------------------------------------
# Validation (a stdlib-only re-statement of the spec's errors and warnings)
# --------------------------------------------------------------------------------------------

def validate(m, *, example=True):
    """Return a list of problems (errors and warnings alike: the examples must have none)."""
    p = []

    def err(path, msg):
        p.append(f"{path}: {msg}")

    if m.get("format") != "chainmap":
        err("/format", "not 'chainmap'")
    if m.get("version") != 1:
        err("/version", "not 1")
    for k in ("id", "title", "chain"):
        if not isinstance(m.get(k), str) or not m[k]:
            err(f"/{k}", "missing")
    if not ID_RE.match(m.get("id", "")):
        err("/id", "not a valid id")
    codes = [r["code"] for r in m["regions"]]
    if len(set(codes)) != len(codes):
        err("/regions", "duplicate region code")
    for i, r in enumerate(m["regions"]):
        if not REGION_RE.match(r["code"]):
            err(f"/regions/{i}/code", "bad region code")
        if not r.get("name"):
            err(f"/regions/{i}/name", "missing")
        if "color" in r and not COLOR_RE.match(r["color"]):
            err(f"/regions/{i}/color", "bad colour")
    colors = [r.get("color") for r in m["regions"]]
    if len(set(colors)) != len(colors):
        err("/regions", "colours not distinct")
    for k in ("lead", "owner"):
        if k in m and m[k] not in codes:
            err(f"/{k}", "names no declared region")
    all_ids = []
    tier_ids = []
    for i, t in enumerate(m["tiers"]):
        if not ID_RE.match(t["id"]):
            err(f"/tiers/{i}/id", "bad id")
        if not t.get("name"):
            err(f"/tiers/{i}/name", "missing")
        tier_ids.append(t["id"])
        all_ids.append(t["id"])
    nodes = {n["id"]: n for n in m["nodes"]}
    for coll in ("nodes", "edges", "notes"):
        for i, it in enumerate(m.get(coll, [])):
            if not ID_RE.match(it["id"]):
                err(f"/{coll}/{i}/id", f"bad id {it['id']!r}")
            all_ids.append(it["id"])
    dup = {x for x in all_ids if all_ids.count(x) > 1}
    if dup:
        err("/", f"duplicate ids {sorted(dup)}")
    for i, n in enumerate(m["nodes"]):
        path = f"/nodes/{i}"
        if not isinstance(n.get("name"), str) or not 1 <= len(n["name"]) <= 200:
            err(f"{path}/name", "bad name")
        if n.get("tier") not in tier_ids:
            err(f"{path}/tier", "names no tier")
        if "parent" in n and n["parent"] not in nodes:
            err(f"{path}/parent", "names no node")
        for c in ("x", "y"):
            if c in n and (not isinstance(n[c], (int, float)) or round(n[c], 1) != n[c]):
                err(f"{path}/{c}", "not a number rounded to 0.1")
        for code, e in n.get("regions", {}).items():
            rp = f"{path}/regions/{code}"
            if code not in codes:
                err(rp, "names no declared region")
            st = e.get("status")
            if st not in RANK:
                err(f"{rp}/status", f"bad status {st!r}")
            for j, f in enumerate(e.get("enterprises", [])):
                if not f.get("name"):
                    err(f"{rp}/enterprises/{j}/name", "missing")
                if "uscc" in f and not USCC_RE.match(f["uscc"]):
                    err(f"{rp}/enterprises/{j}/uscc", "not 18 characters of the USCC alphabet")
                if not all(isinstance(x, str) for x in f.get("marks", [])):
                    err(f"{rp}/enterprises/{j}/marks", "not strings")
            if "plan" in e:
                pl = e["plan"]
                if pl.get("action") not in ("fill", "strengthen", "extend", "optimise"):
                    err(f"{rp}/plan/action", "bad action")
                if pl.get("priority") not in ("high", "medium", "low"):
                    err(f"{rp}/plan/priority", "bad priority")
                if "due" in pl and not DATE_RE.match(pl["due"]):
                    err(f"{rp}/plan/due", "bad date")
                if st in ("strong", "present"):
                    err(f"{rp}/plan", "plan on a strong or present segment (warning)")
    # parent cycles
    for n in m["nodes"]:
        seen, cur = set(), n
        while cur.get("parent"):
            if cur["id"] in seen:
                err(f"/nodes/{n['id']}/parent", "parent cycle")
                break
            seen.add(cur["id"])
            cur = nodes.get(cur["parent"], {})
    keys = set()
    succ = {}
    for i, e in enumerate(m["edges"]):
        path = f"/edges/{i}"
        if e["from"] not in nodes:
            err(f"{path}/from", "names no node")
        if e["to"] not in nodes:
            err(f"{path}/to", "names no node")
        if e["from"] == e["to"]:
            err(path, "self-loop")
        k = (e["from"], e["to"], e.get("kind", "supply"))
        if k in keys:
            err(path, "duplicate link (warning)")
        keys.add(k)
        succ.setdefault(e["from"], []).append(e["to"])
        for j, f in enumerate(e.get("flows", [])):
            if f["from"] not in codes or f["to"] not in codes:
                err(f"{path}/flows/{j}", "names no declared region")
    # cycles of links (a warning in the spec; the examples have none)
    state = {}

    def dfs(u):
        state[u] = 1
        for v in succ.get(u, []):
            if state.get(v) == 1:
                return True
            if state.get(v) is None and dfs(v):
                return True
        state[u] = 2
        return False

    for u in list(succ):
        if state.get(u) is None and dfs(u):
            err("/edges", "cycle of links (warning)")
            break
    for i, t in enumerate(m.get("notes", [])):
        if not t.get("text"):
            err(f"/notes/{i}/text", "missing")
        if "node" in t and t["node"] not in nodes:
            err(f"/notes/{i}/node", "names no node")
    for i, d in enumerate(m.get("deleted", [])):
        if not ID_RE.match(d):
            err(f"/deleted/{i}", "bad id")
        if d in all_ids:
            err(f"/deleted/{i}", "tombstone of an item that is present")
    meta = m.get("meta", {})
    for k in ("created", "modified"):
        if k in meta and not ISO_RE.match(meta[k]):
            err(f"/meta/{k}", "not ISO 8601 with offset")
    if example:
        if len(m["nodes"]) < 25:
            err("/nodes", "fewer than 25 segments")
        if len(m["tiers"]) < 3:
            err("/tiers", "fewer than 3 tiers")
        s = stats(m)
        if s["plans"] < 3:
            err("/nodes", "fewer than 3 plans")
        if s["regional_gaps"] < 1:
            err("/nodes", "no regional gap")
        if s["complements"] < 1:
            err("/nodes", "no complement")
        if not m.get("meta", {}).get("description", "").startswith("示例图谱"):
            err("/meta/description", "does not say it is illustrative")
    return p


def stats(m):
    codes = [r["code"] for r in m["regions"]]
    gaps = {c: 0 for c in codes}
    regional = complements = not_assessed = ents = plans = 0
    marks = {}
    for n in m["nodes"]:
        regs = n.get("regions", {})
        st = {c: regs[c]["status"] if c in regs else "unknown" for c in codes}
        for c in codes:
            if st[c] in ("weak", "gap"):
                gaps[c] += 1
                if any(RANK[st[o]] >= RANK["present"] for o in codes if o != c):
                    complements += 1
        if all(s == "unknown" for s in st.values()):
            not_assessed += 1
        elif any(s in ("weak", "gap") for s in st.values()) and max(RANK[s] for s in st.values()) <= RANK["weak"]:
            regional += 1
        for e in regs.values():
            ents += len(e.get("enterprises", []))
            plans += "plan" in e
            for f in e.get("enterprises", []):
                for mk in f.get("marks", []):
                    marks[mk] = marks.get(mk, 0) + 1
    return {"segments": len(m["nodes"]), "links": len(m["edges"]), "tiers": len(m["tiers"]),
            "enterprises": ents, "plans": plans, "notes": len(m.get("notes", [])),
            "gaps": gaps, "regional_gaps": regional, "complements": complements,
            "not_assessed": not_assessed, "marks": marks}


# --------------------------------------------------------------------------------------------
# Checking the merge scenario against what README.md promises
# --------------------------------------------------------------------------------------------

def norm(name):
    s = unicodedata.normalize("NFKC", name).casefold()
    return "".join(ch for ch in s if not ch.isspace() and not unicodedata.category(ch).startswith("P"))


SCALAR_NODE = ("name", "tier", "parent", "kind", "description")
SCALAR_EDGE = ("from", "to", "kind", "label", "note")


def expected_conflicts(base, copies):
    """A small reference reading of merge.md, enough for this scenario: returns
    (conflicts, name_matches, deleted) where conflicts are (kind, path) pairs."""
    order = [c for c in CODES if c in copies]
    conflicts = set()
    deleted = set()
    for coll, scalars in (("nodes", SCALAR_NODE), ("edges", SCALAR_EDGE)):
        for b in base[coll]:
            status = {}
            for code in order:
                cur = next((x for x in copies[code][coll] if x["id"] == b["id"]), None)
                if cur is None:
                    status[code] = "deleted"
                elif cur != b:
                    status[code] = "changed"
            dels = [c for c, s in status.items() if s == "deleted"]
            chg = [c for c, s in status.items() if s == "changed"]
            if dels and chg:
                conflicts.add(("delete", f"/{coll}/{b['id']}"))
            elif dels:
                deleted.add(b["id"])
            for f in scalars:
                vals = {json.dumps(x.get(f), ensure_ascii=False) for code in chg
                        for x in copies[code][coll] if x["id"] == b["id"] and x.get(f) != b.get(f)}
                if len(vals) > 1:
                    conflicts.add(("edit", f"/{coll}/{b['id']}/{f}"))
    # added nodes matched by normalised name or alias within a tier
    base_ids = {n["id"] for n in base["nodes"]}
    added = [(code, n) for code in order for n in copies[code]["nodes"] if n["id"] not in base_ids]
    matches = []
    for i, (ca, a) in enumerate(added):
        for cb, b in added[i + 1:]:
            if ca == cb or a["tier"] != b["tier"]:
                continue
            na = {norm(x) for x in [a["name"]] + a.get("aliases", [])}
            nb = {norm(x) for x in [b["name"]] + b.get("aliases", [])}
            if na & nb:
                keep = a["id"] if ca == base.get("lead") else (b["id"] if cb == base.get("lead")
                                                               else min(a["id"], b["id"]))
                matches.append((ca, a, cb, b, keep))
                for f in SCALAR_NODE:
                    if a.get(f) != b.get(f):
                        conflicts.add(("edit", f"/nodes/{keep}/{f}"))
    return conflicts, matches, deleted


def region_edits(base, copy_, owner):
    """(node name, region code) pairs whose RegionEntry the copy changed."""
    out = []
    bn = {n["id"]: n for n in base["nodes"]}
    for n in copy_["nodes"]:
        b = bn.get(n["id"])
        if b is None:
            continue
        for code in CODES:
            if n.get("regions", {}).get(code) != b.get("regions", {}).get(code):
                out.append((n["name"], code))
    return out


def merge_readme(base, copies):
    """README.md for examples/merge, with the ids of this generation filled in."""
    bj, tj, _he = copies["CN-BJ"], copies["CN-TJ"], copies["CN-HE"]
    nid = lambda m, name: by_name(m, name)["id"]  # noqa: E731
    eid = lambda m, a, b, k=None: edge_between(m, a, b, k)["id"]  # noqa: E731
    conflicts, matches, deleted = expected_conflicts(base, copies)
    ss = next(mt for mt in matches if mt[1]["name"] == "固态电池")
    rs = next(mt for mt in matches if mt[1]["name"] == "车路协同路侧设备")
    fin = nid(base, "汽车金融与保险")
    fin_edges = [e["id"] for e in base["edges"] if fin in (e["from"], e["to"])]
    n_nodes = len(base["nodes"]) - 1 + 2 + 2
    n_edges = len(base["edges"]) - len(fin_edges) + 4
    ad = nid(base, "自动驾驶系统")
    iov = nid(base, "车联网服务")
    iov_edge = eid(base, "智能座舱", "车联网服务")
    car = nid(base, "整车制造")
    batt_edge = eid(base, "动力电池", "整车制造")
    motor = nid(base, "驱动电机")
    lines = f"""# Merge scenario: 京津冀新能源和智能网联汽车产业链图谱

Generated by `tools/make_examples.py` (do not edit by hand; rerun the script). All four files share
the map id `jjj-vehicles`; the lead (链长) is `CN-BJ`; the `regions` list is 北京, 天津, 河北.

| file | owner | what it is |
| --- | --- | --- |
| `vehicles-base.chainmap.json` | (none) | the common ancestor: byte-for-byte the joint map `examples/vehicles.chainmap.json` |
| `vehicles-CN-BJ.chainmap.json` | `CN-BJ` | Beijing's copy (lead) |
| `vehicles-CN-TJ.chainmap.json` | `CN-TJ` | Tianjin's copy |
| `vehicles-CN-HE.chainmap.json` | `CN-HE` | Hebei's copy |

Ids minted by a copy are derived from the owner, so they differ between copies even for the same name.

## Each copy's edits (against the base)

### CN-BJ (北京, lead)
1. Own region (`regions.CN-BJ`): 车规级芯片 `weak` → `present`, its plan removed, an enterprise and a
   note added; 线控底盘 `gap` → `weak`, plan action `fill` → `strengthen`, new targets.
2. 自动驾驶系统 (`{ad}`): `description` changed (**same field as CN-TJ**).
3. 整车制造 (`{car}`): alias `汽车整车制造` added; moved `x` +40.
4. Added segment 固态电池 (`{ss[1]['id']}`, tier `mid`, alias `全固态电池`) with link → 整车制造
   (`{eid(bj, '固态电池', '整车制造')}`, supply).
5. Added segment 车用功率半导体 (`{nid(bj, '车用功率半导体')}`, tier `up`) with link → 电控系统.
6. Deleted 汽车金融与保险 (`{fin}`, unchanged in the other copies) and its link
   ({', '.join(f'`{x}`' for x in fin_edges)}); all are listed in `deleted`.

### CN-TJ (天津)
1. Own region (`regions.CN-TJ`): 激光雷达 `gap` → `weak` (plan `strengthen`, priority `high`, enterprise
   added); 电芯: an enterprise added.
2. **Another region's entry**: writes a `note` into 驱动电机's `regions.CN-HE` (`{motor}`), which the
   CN-HE copy also changed.
3. 自动驾驶系统 (`{ad}`): `description` changed to a different value than CN-BJ's.
4. 车联网服务 (`{iov}`): `description` changed; its only link 智能座舱 → 车联网服务 (`{iov_edge}`):
   `label` set to `座舱数据`. (CN-HE deletes both.)
5. 整车制造: alias `整车` added. Link 动力电池 → 整车制造 (`{batt_edge}`): flow CN-TJ → CN-HE appended.
6. Moved 电解液 (`x` +30).
7. Added 功率半导体 (`{nid(tj, '功率半导体')}`, tier `up`) with link → 驱动电机; added 车路协同路侧设备
   (`{rs[1]['id']}`, tier `mid`, aliases `路侧单元`, `RSU`) with link → 智能网联测试示范 (service).

### CN-HE (河北)
1. Own region (`regions.CN-HE`): 锂矿: enterprise added, plan targets changed; 驱动电机 `weak` →
   `present`, plan removed, enterprises replaced.
2. Deleted 车联网服务 (`{iov}`) and its link (`{iov_edge}`), both listed in `deleted`.
3. Link 动力电池 → 整车制造: flow CN-HE → CN-BJ appended.
4. Moved 锂矿 (`x` −30) and 整车制造 (`x` −40, `y` +20: CN-BJ moved it too).
5. Added `固 态 电池` (`{ss[3]['id']}`, tier `mid`; normalises to the same name as CN-BJ's 固态电池) with
   link → 整车制造 (same `from`/`to`/`kind` as CN-BJ's link once the nodes are matched); added 路侧单元
   (`{rs[3]['id']}`, tier `mid`; equals an alias of CN-TJ's 车路协同路侧设备).

## Expected outcome: three-way merge of the three copies against the base

Inputs in the order CN-BJ, CN-TJ, CN-HE (any order gives the same result except provisional values,
which come from the lead CN-BJ where it has one). `chainmap merge` exits 1 (conflicts remain).

Conflicts, exactly these five (3 `edit`, 2 `delete`, 0 `duplicate`):

| kind | path | values |
| --- | --- | --- |
| `edit` | `/nodes/{ad}/description` | CN-BJ vs CN-TJ; base = the base's text; provisional CN-BJ's |
| `delete` | `/nodes/{iov}` | deleted by CN-HE, changed (description) by CN-TJ: kept |
| `delete` | `/edges/{iov_edge}` | deleted by CN-HE, changed (label) by CN-TJ: kept |
| `edit` | `/nodes/{ss[4]}/name` | `固态电池` (CN-BJ) vs `固 态 电池` (CN-HE); no base; provisional CN-BJ's |
| `edit` | `/nodes/{rs[4]}/name` | `车路协同路侧设备` (CN-TJ) vs `路侧单元` (CN-HE); no base; provisional: the first input's |

Decided without conflict:
- **Clean deletion**: 汽车金融与保险 (`{fin}`) and its link are gone.
- **Matched by name** (reported as "matched by name"): CN-BJ's 固态电池 and CN-HE's `固 态 电池`
  (normalised name) → one node with CN-BJ's id `{ss[4]}` (lead's copy); CN-TJ's 车路协同路侧设备 and
  CN-HE's 路侧单元 (alias) → one node with the smaller id `{rs[4]}`. Their `regions` are the union
  (each region's entry from its owner); aliases are the union.
  Positions: 固态电池 takes CN-BJ's (lead), the roadside pair the first input's.
- **Links matched by (`from`, `to`, `kind`)** after node matching: CN-BJ's and CN-HE's 固态电池 → 整车制造
  are one link (equal fields; by analogy with nodes it keeps CN-BJ's id `{eid(bj, '固态电池', '整车制造')}`).
- **Near match, not merged**: CN-BJ's 车用功率半导体 and CN-TJ's 功率半导体 (tier `up`, one name contains
  the other) are reported as a suggestion with a score; both stay in the result. They are the only two
  nodes left unmatched, so this is the only suggestion.
- The two `delete` conflicts keep the segment and the link with CN-TJ's changes.
- **Region authority**: every `regions.CN-BJ` entry is CN-BJ's, every `regions.CN-TJ` entry CN-TJ's,
  every `regions.CN-HE` entry CN-HE's. In particular 驱动电机's `regions.CN-HE` is exactly CN-HE's
  (`present`, its enterprise, no plan) and CN-TJ's note there is dropped, with no conflict.
- **Sets are unions**: 整车制造 `aliases` = `["汽车整车制造", "整车"]` (CN-BJ's addition, then CN-TJ's);
  the flows of 动力电池 → 整车制造 = base's CN-TJ → CN-BJ, then CN-TJ → CN-HE, then CN-HE → CN-BJ.
- **Positions**: one-sided moves taken (电解液 from CN-TJ, 锂矿 from CN-HE); 整车制造, moved by CN-BJ and
  CN-HE, takes the lead CN-BJ's position.
- All other edits are one-sided and taken.
- The result: `owner` absent, `meta.merged_from` lists the three inputs, {n_nodes} segments
  (base {len(base['nodes'])} − 1 deleted + 2 matched pairs + 2 near-matched), {n_edges} links
  (base {len(base['edges'])} − {len(fin_edges)} deleted + 4 added), and it validates.
- `meta` (e.g. `modified`, which differs in every copy) and `owner` are not map content and raise no
  conflict.

## Other merges the files support
- base + any single copy (two-way with base) gives that copy's content back (owner aside).
- Without a base (union of the three copies): nothing is deleted silently; 汽车金融与保险 (in CN-BJ's
  `deleted`, still in CN-TJ and CN-HE) and 车联网服务 and its link (in CN-HE's `deleted`, still in the
  others) become `delete` conflicts; fields that differ between copies become `edit` conflicts.
"""
    return lines, conflicts, matches, deleted


def check_merge(base, copies):
    conflicts, matches, deleted = expected_conflicts(base, copies)
    ad = by_name(base, "自动驾驶系统")["id"]
    iov = by_name(base, "车联网服务")["id"]
    iov_edge = edge_between(base, "智能座舱", "车联网服务")["id"]
    fin = by_name(base, "汽车金融与保险")["id"]
    fin_edges = {e["id"] for e in base["edges"] if fin in (e["from"], e["to"])}
    assert len(matches) == 2, matches
    keeps = sorted(mt[4] for mt in matches)
    want = {("edit", f"/nodes/{ad}/description"), ("delete", f"/nodes/{iov}"),
            ("delete", f"/edges/{iov_edge}")} | {("edit", f"/nodes/{k}/name") for k in keeps}
    assert conflicts == want, (sorted(conflicts), sorted(want))
    assert deleted == {fin} | fin_edges, deleted
    # tombstones list exactly what each copy deleted
    for code, c in copies.items():
        ids_now = {x["id"] for coll in ("nodes", "edges", "notes") for x in c.get(coll, [])}
        ids_base = {x["id"] for coll in ("nodes", "edges", "notes") for x in base.get(coll, [])}
        assert set(c.get("deleted", [])) == ids_base - ids_now, code
    # region authority: each copy edits its own region's entries, except one deliberate case
    for code, c in copies.items():
        foreign = [(n, r) for n, r in region_edits(base, c, code) if r != code]
        if code == "CN-TJ":
            assert foreign == [("驱动电机", "CN-HE")], foreign
        else:
            assert not foreign, (code, foreign)
    # near match: the two power-semiconductor segments stay apart (no name/alias in common)
    a, b = by_name(copies["CN-BJ"], "车用功率半导体"), by_name(copies["CN-TJ"], "功率半导体")
    assert a["tier"] == b["tier"] and norm(b["name"]) in norm(a["name"]) and a["id"] != b["id"]
    # the added names do not collide with any base name or alias
    base_names = {norm(x) for n in base["nodes"] for x in [n["name"]] + n.get("aliases", [])}
    for c in copies.values():
        for n in c["nodes"]:
            if n["id"] not in {x["id"] for x in base["nodes"]}:
                assert not ({norm(x) for x in [n["name"]] + n.get("aliases", [])} & base_names), n
    return conflicts


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------

def check_file(path: Path, *, example: bool, owner=None):
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), f"{path}: BOM"
    text = raw.decode("utf-8")
    m = json.loads(text)
    assert dumps(m) == text, f"{path}: not in canonical writing"
    assert list(m) == [k for k in KEY_ORDER["map"] if k in m]
    probs = validate(m, example=example)
    assert not probs, f"{path}:\n  " + "\n  ".join(probs)
    assert m.get("owner") == owner, (path, m.get("owner"))
    return m


def main(argv):
    check_only = "--check-only" in argv
    outputs = {}
    maps = {}
    for chain in CHAINS:
        m = build_map(chain)
        maps[chain["slug"]] = m
        outputs[EXAMPLES / f"{chain['slug']}.chainmap.json"] = dumps(m)
    base = maps["vehicles"]
    copies = make_copies(base)
    outputs[MERGE_DIR / "vehicles-base.chainmap.json"] = dumps(base)
    for code, c in copies.items():
        outputs[MERGE_DIR / f"vehicles-{code}.chainmap.json"] = dumps(c)
    readme, _, _, _ = merge_readme(base, copies)
    outputs[MERGE_DIR / "README.md"] = readme

    if check_only:
        stale = [p for p, t in outputs.items() if not p.exists() or p.read_bytes() != t.encode()]
        if stale:
            print("out of date:", *[str(p.relative_to(ROOT)) for p in stale], sep="\n  ")
            return 1
    else:
        for p, t in outputs.items():
            write(p, t)

    # ---- self-check of what is on disk ----
    print(f"{'file':46} {'seg':>4} {'link':>4} {'tier':>4} {'ent':>4} {'plan':>4} {'note':>4}  "
          f"gaps BJ/TJ/HE  regional  compl  n/a")
    for p in sorted(outputs):
        if p.suffix != ".json":
            continue
        rel = str(p.relative_to(ROOT))
        is_copy = p.parent == MERGE_DIR and "base" not in p.name
        owner = p.name.split("vehicles-")[1].split(".")[0] if is_copy else None
        m = check_file(p, example=True, owner=owner)
        s = stats(m)
        g = s["gaps"]
        print(f"{rel:46} {s['segments']:4} {s['links']:4} {s['tiers']:4} {s['enterprises']:4} "
              f"{s['plans']:4} {s['notes']:4}  {g['CN-BJ']:4}/{g['CN-TJ']:2}/{g['CN-HE']:2}  "
              f"{s['regional_gaps']:8}  {s['complements']:5}  {s['not_assessed']:3}")
        if p.parent == EXAMPLES:
            missing = {"chain-leader", "leader", "little-giant", "champion", "listed"} - set(s["marks"])
            assert not missing, (rel, missing)
            assert len({t["id"] for t in m["tiers"]}) >= 3
            plans = [e["plan"] for n in m["nodes"] for e in n.get("regions", {}).values() if "plan" in e]
            assert len({pl["action"] for pl in plans}) >= 2, rel
    assert (MERGE_DIR / "vehicles-base.chainmap.json").read_bytes() == \
        (EXAMPLES / "vehicles.chainmap.json").read_bytes()
    leads = [maps[c["slug"]]["lead"] for c in CHAINS]
    assert all(leads.count(c) == 2 for c in CODES), leads
    conflicts = check_merge(base, copies)
    print("\nmerge scenario (vehicles): expected conflicts")
    for kind, path in sorted(conflicts):
        print(f"  {kind:6} {path}")
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
