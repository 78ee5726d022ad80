"""The Chinese of every message key (:mod:`chainmap.core.messages`), terms from
``docs/glossary.md``. Each template has the placeholders of its key, in any order;
``tests/test_translations.py`` checks that, and that every key in the code is here."""

from __future__ import annotations

from .messages_zh_help import HELP
from .messages_zh_import import IMPORT

ZH: dict[str, str] = {
    # ---------------------------------------------------------------- chainmap validate
    "{path}: valid ({segments} segments, {links} links, {warnings} warning(s))":
        "{path}: 有效（{segments} 个环节，{links} 个链接，{warnings} 条警告）",
    "{path}: valid ({segments} segments, {links} links)": "{path}: 有效（{segments} 个环节，{links} 个链接）",
    "warning: ": "警告：",
    "line {line}, column {column}": "第 {line} 行第 {column} 列",
    # ---------------------------------------------------------------- edits the model refuses
    "A segment's": "环节的", "A region entry's": "地区记录的", "An enterprise's": "企业的", "A plan's": "计划的",
    "A link's": "链接的", "A flow's": "跨区域协作的",
    "{whose} {name} must be text.": "{whose} {name} 必须是文本。",
    "{whose} {name} must be a list of texts.": "{whose} {name} 必须是文本列表。",
    "'{action}' is not an action; use one of {choices}.": "“{action}”不是行动；请使用以下之一：{choices}。",
    "'{bad}' is not a valid id.": "“{bad}”不是有效的 id。",
    "'{code}' is not a region code: use capitals, digits and '-', 2 to 16 characters, starting with a letter (e.g. CN-BJ).":
        "“{code}”不是地区代码：请使用大写字母、数字和“-”，2 到 16 个字符，以字母开头（例如 CN-BJ）。",
    "'{color}' is not a colour of the form #RRGGBB.": "“{color}”不是 #RRGGBB 格式的颜色。",
    "'{id}' is not a valid id.": "“{id}”不是有效的 id。",
    "'{item_id}' is not a valid id: use letters, digits and _ . : -, starting with a letter or digit, at most 64 characters.":
        "“{item_id}”不是有效的 id：请使用字母、数字和 _ . : -，以字母或数字开头，最多 64 个字符。",
    "'{priority}' is not a priority; use one of {choices}.": "“{priority}”不是优先级；请使用以下之一：{choices}。",
    "'{status}' is not a status; use one of {choices}.": "“{status}”不是现状；请使用以下之一：{choices}。",
    "A conflict id is used twice in this map.": "此图谱中有冲突 id 被使用了两次。",
    "A link cannot go from segment '{name}' to itself.": "链接不能从环节“{name}”指向它自身。",
    "A link names a segment the map does not have.": "链接指向了图谱中不存在的环节。",
    "A map has no field '{key}'.": "图谱没有字段“{key}”。",
    "A map has no items of kind '{kind}'.": "图谱没有“{kind}”类的条目。",
    "A note's text must be text.": "注释的内容必须是文本。",
    "A position must be a finite number.": "位置必须是有限的数字。",
    "A region needs a name.": "地区需要名称。",
    "A region's '{key}' cannot be changed.": "地区的“{key}”不能修改。",
    "A segment name has at most {MAX_NAME_LENGTH} characters (this one has {count}).": "环节名称最多 {MAX_NAME_LENGTH} 个字符（此名称有 {count} 个）。",
    "A segment names a tier the map does not have.": "环节指向了图谱中不存在的层级。",
    "A segment needs a name.": "环节需要名称。",
    "A tier needs a name.": "层级需要名称。",
    "A tier's '{key}' cannot be changed.": "层级的“{key}”不能修改。",
    "A {what} has no field '{key}'.": "{what}没有字段“{key}”。",
    "An enterprise of {code} in '{name}' needs a name.": "“{name}”在 {code} 的企业需要名称。",
    "An id is used twice in this map.": "此图谱中有 id 被使用了两次。",
    "Flow region '{code}' is not one of the map's regions.": "协作地区“{code}”不是图谱的地区。",
    "Items can be loaded only into a map that has none.": "只能向没有任何条目的图谱载入条目。",
    "Only segments, links and notes are removed this way, not a {kind}.": "只有环节、链接和注释可以这样删除，{kind}不行。",
    "Region '{code}' is not one of the map's regions.": "地区“{code}”不是图谱的地区。",
    "Region '{name}' appears in link flows; remove them first.": "地区“{name}”出现在链接的跨区域协作中；请先删除它们。",
    "Region '{name}' has facts on {count} segment(s) (e.g. '{users}'); clear them first.": "地区“{name}”在 {count} 个环节上有记录（例如“{users}”）；请先清除。",
    "Region '{name}' is the map's lead or owner.": "地区“{name}”是图谱的链长或所属地区。",
    "Segment '{name}' cannot be its own parent.": "环节“{name}”不能是它自己的上级。",
    "Segment '{name}' cannot go inside one of its own sub-segments.": "环节“{name}”不能放入它自己的子环节中。",
    "The id '{item_id}' is already used in this map.": "id“{item_id}”已在此图谱中使用。",
    "The map already has a conflict '{id}'.": "图谱已有冲突“{id}”。",
    "The map already has a region '{code}'.": "图谱已有地区“{code}”。",
    "The map has no region '{code}'.": "图谱没有地区“{code}”。",
    "The map's {key} cannot be empty.": "图谱的 {key} 不能为空。",
    "The {key} region '{value}' is not one of the map's regions.": "{key} 地区“{value}”不是图谱的地区。",
    "There is no segment '{end}' to link.": "没有可链接的环节“{end}”。",
    "There is no segment '{node}' for the note to point at.": "没有注释可指向的环节“{node}”。",
    "There is no segment '{parent}' to be the parent.": "没有可作为上级的环节“{parent}”。",
    "There is no tier '{tier}'.": "没有层级“{tier}”。",
    "There is no {what} '{item_id}'.": "没有{what}“{item_id}”。",
    "Tier '{name}' still holds {count} segment(s); move them first.": "层级“{name}”中还有 {count} 个环节；请先移走它们。",
    # ---------------------------------------------------------------- chainmap analyze
    "{title}: chain analysis": "{title}：产业链分析",
    "  {segments} segments, {links} links; {isolated} without any link": "  {segments} 个环节，{links} 个链接；{isolated} 个环节没有任何链接",
    "Sources ({count}): {names}": "源头环节（{count}）：{names}",
    "Sinks ({count}): {names}": "终端环节（{count}）：{names}",
    "Chokepoints ({count}), each on every path from the sources to the sinks named:": "卡点（{count}），各自位于从源头环节到所列终端环节的每条路径上：",
    "  … and {more} more (--json lists all)": "  … 另有 {more} 项（--json 列出全部）",
    ", … and {more} more (--json lists all)": "，… 另有 {more} 项（--json 列出全部）",
    "Coverage: the sinks a region reaches through segments it is strong or present in": "覆盖率：地区经由其优势或有基础的环节可达的终端环节",
    "  {region}: {share:.1%}, {covered} of {sinks} sinks: {names}": "  {region}：{share:.1%}，{sinks} 个终端环节中的 {covered} 个：{names}",
    "Fill gains: the coverage if this one lacking segment became present, best first": "补链增益：若这一个欠缺的环节变为有基础后的覆盖率，从高到低",
    "nothing to gain from one segment": "补一个环节没有增益",
    "(+{more} sink)": "（+{more} 个终端环节）",
    "(+{more} sinks)": "（+{more} 个终端环节）",
    "Loops of links ({count}):": "链接回路（{count}）：",
    "Segment {segment}: betweenness {value:.4g}{note}": "环节 {segment}：中介中心性 {value:.4g}{note}",
    "  Upstream ({count}): {names}": "  上游追溯（{count}）：{names}",
    "  Downstream ({count}): {names}": "  下游追溯（{count}）：{names}",
    "Betweenness, highest first{note}:": "中介中心性，从高到低{note}：",
    " none above 0": "没有大于 0 的",
    "  (--segment ID gives a segment's upstream and downstream; --json gives every segment's)":
        "  （--segment ID 给出某环节的上游和下游；--json 给出每个环节的）",
    "all regions together (all)": "京津冀（all）",
    "(the map declares none)": "（图谱没有声明地区）",
    "{source}: the map has no region '{asked}'; give --region all or one of {codes}.":
        "{source}：图谱没有地区“{asked}”；请用 --region all 或以下之一：{codes}。",
    " ('{segment}' is the name of {ids}: give the id)": "（“{segment}”是 {ids} 的名称：请给出 id）",
    "{source}: the map has no segment with the id '{segment}'{hint}.": "{source}：图谱没有 id 为“{segment}”的环节{hint}。",
    "betweenness estimated from {sample:,} of {count:,} segments drawn with a fixed seed (exact only on maps of up to {limit:,} segments without large loops of links).":
        "中介中心性由 {count:,} 个环节中以固定种子抽取的 {sample:,} 个估算（仅在不超过 {limit:,} 个环节且没有大回路的图谱上精确）。",
    # ---------------------------------------------------------------- chainmap info
    "  chain: {chain}": "  产业链：{chain}",
    "  lead: {lead}": "  链长：{lead}",
    "   owner: {owner}": "   所属地区：{owner}",
    "  {segments} segments, {links} links, {notes} notes": "  {segments} 个环节，{links} 个链接，{notes} 条注释",
    ", {count} conflicts to decide": "，{count} 个冲突待处理",
    "Tiers:": "层级：",
    "  {name} ({id}): {count} segments": "  {name}（{id}）：{count} 个环节",
    "Regions (strong/present/weak/gap/not assessed):": "地区（优势/有基础/薄弱/缺失/未评估）：",
    "  {name} ({code}): {counts}, {count} enterprises": "  {name}（{code}）：{counts}，{count} 家企业",
    "Gaps to fill:": "缺口：",
    " - plan: {action}, {priority} priority": " - 计划：{action}，优先级{priority}",
    " - no plan": " - 无计划",
    "Complements ({count}):": "区域互补（{count}）：",
    "  {segment}: {supplier} ({status}) can supply {region}": "  {segment}：{supplier}（{status}）可配套{region}",
    "Regional gaps ({count}): {names}": "共同缺口（{count}）：{names}",
    "Not assessed ({count}): {names}": "未评估（{count}）：{names}",
    # ---------------------------------------------------------------- merge summary
    "matched by id: {segments} segments, {links} links": "按 id 匹配：{segments} 个环节，{links} 个链接",
    "matched by name: {segments} segments, {links} links, {tiers} tiers": "按名称匹配：{segments} 个环节，{links} 个链接，{tiers} 个层级",
    "added: {segments} segments, {links} links": "新增：{segments} 个环节，{links} 个链接",
    "deleted: {segments} segments, {links} links": "删除：{segments} 个环节，{links} 个链接",
    "ids renamed: {count} (an id naming another kind of item in another copy)": "重命名的 id：{count} 个（该 id 在另一副本中指另一类条目）",
    "region entries dropped: {count} (written by another region's copy; the region's own copy has none)":
        "舍弃的地区记录：{count} 条（由其他地区的副本写入；该地区自己的副本没有）",
    "conflicts: {count} ({kinds})": "冲突：{count} 个（{kinds}）",
    "wrote {path}": "已写入 {path}",
    "wrote {path} (with conflicts to resolve)": "已写入 {path}（有冲突待处理）",
    "suggestions (alike names, not merged): {count}": "建议（名称相近，未合并）：{count} 对",
    # ---------------------------------------------------------------- chainmap lists
    "Bottlenecks to tackle ({count})": "卡点攻关（{count}）",
    "Gaps to fill by attracting investment ({count})": "堵点招商（{count}）",
    "Key enterprises ({count})": "重点企业（{count}）",
    "weak in this region": "本地区薄弱",
    "only this region is strong or present": "仅本地区为优势或有基础",
    "a single firm on the whole map": "全图仅有一家企业",
    " - {action}, {priority} priority": " - {action}，优先级{priority}",
    ", targets: {targets}": "，目标企业：{targets}",
    ", owner: {owner}": "，责任单位：{owner}",
    ", due {due}": "，时限 {due}",
    # ---------------------------------------------------------------- reading the file
    "The file is nested too deeply to be a map (arrays or objects inside each other).":
        "文件嵌套过深（数组或对象层层相套），不可能是图谱文件。",
    "{name} is not a number JSON allows": "{name} 不是 JSON 允许的数字",
    "the number {text} is too large": "数字 {text} 太大",
    "a number of {digits} digits is too long": "{digits} 位的数字太长",
    "The file holds '{escape}', half of a UTF-16 pair on its own, which is not a character: "
    "remove it or write the whole character.":
        "文件中有“{escape}”，这是单独的半个 UTF-16 代理对，不是字符：请删除它或写出完整的字符。",
    "The file is not UTF-8 text: byte {byte} cannot be decoded (is it a binary file, or saved in another "
    "encoding such as GBK?).":
        "文件不是 UTF-8 文本：第 {byte} 个字节无法解码（是二进制文件，还是以 GBK 等其他编码保存的？）。",
    "--aspect: '{text}' is not an aspect ratio; write width:height, for example 16:9":
        "--aspect：“{text}”不是宽高比；请写成 宽:高，例如 16:9",
    "--aspect: '{text}' must have a width and a height above zero, for example 16:9":
        "--aspect：“{text}”的宽和高都必须大于零，例如 16:9",
    "--aspect: '{text}' is outside 1:100 to 100:1; choose a ratio such as 4:3 or 16:9":
        "--aspect：“{text}”超出了 1:100 到 100:1 的范围；请选择 4:3 或 16:9 这样的比例",
    "Expecting value": "此处应为一个值",
    "Expecting ',' delimiter": "此处应为逗号“,”",
    "Expecting ':' delimiter": "此处应为冒号“:”",
    "Expecting property name enclosed in double quotes": "此处应为用双引号括起的键名",
    "Unterminated string starting at": "字符串缺少结尾的引号",
    "Invalid control character at": "字符串中有不允许的控制字符",
    "Invalid \\escape": "无效的反斜杠转义",
    "Invalid \\uXXXX escape": "无效的 \\uXXXX 转义",
    "Extra data": "JSON 内容结束后还有多余的数据",
    "The file is not valid JSON: {reason}.": "文件不是有效的 JSON：{reason}。",
    "The file is not valid JSON: {exc}.": "文件不是有效的 JSON：{exc}。",
    "The map was not saved: {exc}; the file on disk is unchanged.": "图谱未保存：{exc}；磁盘上的文件未改变。",
    "The file is empty: a map file holds a JSON object.": "文件是空的：图谱文件应包含一个 JSON 对象。",
    "The map could not be built: {exc}": "无法建立图谱：{exc}",
    "The file is {value} MB: too large to be a map.": "文件有 {value} MB，太大，不可能是图谱文件。",
    "This is a folder, not a map file.": "这是一个文件夹，不是图谱文件。",
    "There is no such file.": "没有这个文件。",
    "You have no permission to read this file.": "您没有读取此文件的权限。",
    "The file cannot be read: {value}.": "无法读取文件：{value}。",
    "the object at {path}": "位于 {path} 的对象",
    "the map's top-level object": "图谱的顶层对象",
    "The key '{key}' appears twice in {where} (first at line {line}, column {column}): JSON keys must be "
    "unique, and chainmap will not guess which value is meant. Remove one of them.":
        "键“{key}”在{where}中出现了两次（第一次在第 {line} 行第 {column} 列）：JSON 的键必须唯一，"
        "chainmap 不会猜测哪个值是想要的。请删除其中一个。",
    "The key '{key}' appears twice in one object: JSON keys must be unique, and chainmap will not guess "
    "which value is meant. Remove one of them.":
        "键“{key}”在同一个对象中出现了两次：JSON 的键必须唯一，chainmap 不会猜测哪个值是想要的。请删除其中一个。",
    "This map is format version {version}, but this chainmap reads version {FORMAT_VERSION} and older: "
    "a newer chainmap is needed to open it.":
        "此图谱的格式版本为 {version}，而本 chainmap 只能读取版本 {FORMAT_VERSION} 及更早的版本：需要更新的 chainmap 才能打开。",
    # ---------------------------------------------------------------- values and names in sentences
    "empty text": "空文本",
    "a list": "列表",
    "an object": "对象",
    "text": "文本",
    "a number": "数字",
    "a list of text": "文本列表",
    "a segment id (a string)": "环节 id（字符串）",
    "none": "无",
    "a number of about {digits} digits": "约 {digits} 位的数字",
    "the number {number}": "数字 {number}",
    "the text '{text}'": "文本“{text}”",
    "{shown} and {more} more": "{shown} 等，另有 {more} 个",
    "… ({more} more)": "…（另有 {more} 个）",
    "this {kind}": "此{kind}",
    "{kind} '{name}'": "{kind}“{name}”",
    "segment": "环节",
    "link": "链接",
    "note": "注释",
    "region": "地区",
    "tier": "层级",
    "enterprise": "企业",
    "conflict": "冲突",
    "map": "图谱",
    "the map": "图谱",
    "this flow": "此跨区域协作",
    "this conflict": "此冲突",
    "this conflict value": "此冲突值",
    "'meta'": "“meta”",
    "Region": "地区",
    "The link's start": "链接的起点",
    "The link's end": "链接的终点",
    "Flow region": "协作地区",
    "The note's segment": "注释所属的环节",
    "the base value of this conflict": "此冲突的基准值",
    "'merged_from' of 'meta'": "“meta”的“merged_from”",
    "The parent": "上级环节",
    "The lead region": "链长地区",
    "The owner region": "所属地区",
    "This deleted id": "此已删除 id",
    "The conflict's id": "冲突的 id",
    "The {what}'s id": "{what}的 id",
    "The map's id": "图谱的 id",
    "the plan of {who}": "{who}的计划",
    "'{key}' of {who}": "{who}的“{key}”",
    " for its path '{pointer}'": "（其路径为“{pointer}”）",
    # ---------------------------------------------------------------- validation
    "{what} '{value}' is not a valid id: use letters, digits and _ . : -, starting with a letter or digit, "
    "at most 64 characters.":
        "{what}“{value}”不是有效的 id：请使用字母、数字和 _ . : -，以字母或数字开头，最多 64 个字符。",
    "'{key}' of {who} must be {EXPECTED}, not {value}.": "{who}的“{key}”必须是{EXPECTED}，而不是{value}。",
    "{what} '{code}' is not declared in /regions (declared: {codes}).": "{what}“{code}”未在 /regions 中声明（已声明：{codes}）。",
    "'{key}' of {who} is empty: it needs some text.": "{who}的“{key}”为空：需要填写文字。",
    "Id '{item_id}' is already used at {first}: ids must be unique across segments, links, notes and tiers.":
        "id“{item_id}”已在 {first} 使用：环节、链接、注释和层级的 id 必须各不相同。",
    "{what} '{value}' names {elsewhere}, which is not a segment.": "{what}“{value}”指向 {elsewhere}，它不是环节。",
    "{what} '{value}' names no segment of this map.": "{what}“{value}”不是本图谱中任何环节的 id。",
    "A map file holds a JSON object ({{…}}), but this file holds {data}.": "图谱文件应包含一个 JSON 对象（{{…}}），而此文件包含的是{data}。",
    "This is not a chainmap file: it has no 'format' (a map file says \"format\": \"{FORMAT_NAME}\").":
        "这不是 chainmap 文件：它没有“format”（图谱文件应写明 \"format\": \"{FORMAT_NAME}\"）。",
    "This is not a chainmap file: 'format' is {fmt}, but a map file says \"format\": \"{FORMAT_NAME}\".":
        "这不是 chainmap 文件：“format”是{fmt}，而图谱文件应写明 \"format\": \"{FORMAT_NAME}\"。",
    "The map has no 'version': a map of this format says \"version\": {FORMAT_VERSION}.":
        "图谱没有“version”：此格式的图谱应写明 \"version\": {FORMAT_VERSION}。",
    "'version' must be the whole number {FORMAT_VERSION}, not {version}.": "“version”必须是整数 {FORMAT_VERSION}，而不是{version}。",
    "Format version {version} does not exist: versions start at 1.": "格式版本 {version} 不存在：版本从 1 开始。",
    "'regions' is empty: a map needs at least one participating region.": "“regions”为空：图谱至少需要一个参与的地区。",
    "'tiers' is empty: a map needs at least one tier (e.g. up, mid, down).": "“tiers”为空：图谱至少需要一个层级（例如上游、中游、下游）。",
    "'{code}' is not a region code: use capitals, digits and '-', 2 to 16 characters, starting with a "
    "capital (e.g. CN-BJ).":
        "“{code}”不是地区代码：请使用大写字母、数字和“-”，2 到 16 个字符，以大写字母开头（例如 CN-BJ）。",
    "Region '{code}' is declared twice (first at /regions/{codes}).": "地区“{code}”声明了两次（第一次在 /regions/{codes}）。",
    "Colour '{color}' is not of the form #RRGGBB (e.g. #2B6CD9).": "颜色“{color}”不是 #RRGGBB 格式（例如 #2B6CD9）。",
    "Segment name '{name}' has {count} characters: at most {MAX_NAME_LENGTH} are allowed.":
        "环节名称“{name}”有 {count} 个字符：最多允许 {MAX_NAME_LENGTH} 个。",
    "Tier '{tier}' is not declared in /tiers (declared: {declared_tiers}).": "层级“{tier}”未在 /tiers 中声明（已声明：{declared_tiers}）。",
    "The {code} entry of {node_who} must be an object with a status (e.g. {{\"status\": \"strong\"}}), not {entry}.":
        "{node_who}在 {code} 的记录必须是带有现状的对象（例如 {{\"status\": \"strong\"}}），而不是{entry}。",
    "Status '{status}' is not one of: {choices}.": "现状“{status}”不在可选值之内：{choices}。",
    "{who} has a plan, but its status is '{status}': plans are for weak or missing segments.":
        "{who}有计划，但其现状为“{status}”：计划只用于薄弱或缺失的环节。",
    "Each enterprise must be an object with a name, not {enterprise}.": "每个企业必须是带有名称的对象，而不是{enterprise}。",
    "USCC '{uscc}' of {who} is not a unified social credit code: 18 characters of digits and "
    "ABCDEFGHJKLMNPQRTUWXY.":
        "{who}的代码“{uscc}”不是统一社会信用代码：应为 18 位，由数字和 ABCDEFGHJKLMNPQRTUWXY 组成。",
    "Action '{action}' is not one of: {choices}.": "行动“{action}”不在可选值之内：{choices}。",
    "Priority '{priority}' is not one of: {choices}.": "优先级“{priority}”不在可选值之内：{choices}。",
    "Due date '{due}' is not a date of the form YYYY-MM or YYYY-MM-DD (e.g. 2027-06).":
        "时限“{due}”不是 YYYY-MM 或 YYYY-MM-DD 格式的日期（例如 2027-06）。",
    "Due date '{due}' has month {month}: months run from 01 to 12.": "时限“{due}”的月份为 {month}：月份应在 01 到 12 之间。",
    "Due date '{due}' is not a real date: {year}-{month:02d} has days 01 to {days}.":
        "时限“{due}”不是真实的日期：{year} 年 {month} 月只有 01 到 {days} 日。",
    "Due date '{due}' has year 0000, which does not exist.": "时限“{due}”的年份为 0000，这一年不存在。",
    "A link cannot go from segment '{nodes}' to itself: a link joins two different segments.":
        "链接不能从环节“{nodes}”指向它自身：链接连接两个不同的环节。",
    "This link repeats /edges/{first}: both go from '{nodes}' to '{nodes2}' with kind '{kind}'.":
        "此链接与 /edges/{first} 重复：两者都从“{nodes}”到“{nodes2}”，类型都是“{kind}”。",
    "Each flow must be an object like {{\"from\": \"CN-TJ\", \"to\": \"CN-BJ\"}}, not {flow}.":
        "每个跨区域协作必须是形如 {{\"from\": \"CN-TJ\", \"to\": \"CN-BJ\"}} 的对象，而不是{flow}。",
    "Conflict kind '{kind}' is not one of: {choices}.": "冲突类型“{kind}”不在可选值之内：{choices}。",
    "Conflict id '{conflict_id}' is already used at /conflicts/{seen}.": "冲突 id“{conflict_id}”已在 /conflicts/{seen} 使用。",
    "Each value of a conflict must be an object with a 'source' (and the source's 'value'), not {value}.":
        "冲突的每个值必须是带有“source”（以及该来源的“value”）的对象，而不是{value}。",
    "Each item of 'deleted' must be an id, not {item}.": "“deleted”的每一项必须是 id，而不是{item}。",
    "'{key}' is '{value}', which is not an ISO 8601 date and time with an offset (e.g. 2025-03-01T09:30:00+08:00).":
        "“{key}”为“{value}”，不是带时区偏移的 ISO 8601 日期时间（例如 2025-03-01T09:30:00+08:00）。",
    "Each item of 'merged_from' must be an object describing one input, not {item}.":
        "“merged_from”的每一项必须是描述一个输入的对象，而不是{item}。",
    "Segment '{nodes}' is its own parent.": "环节“{nodes}”是它自己的上级。",
    "Following 'parent' goes round in a cycle: {names}. A segment cannot be inside its own sub-segment.":
        "沿“parent”查找会绕成一个环：{names}。环节不能位于它自己的子环节之内。",
    "Links go round in a cycle: {names}{more}. Loops such as recycling are allowed, but check this one is meant.":
        "链接绕成了一个环：{names}{more}。回收利用之类的环是允许的，但请确认这个环是有意为之。",
    " ({count} segments in all)": "（共 {count} 个环节）",
    "{who} has no '{key}', which is required.": "{who}缺少必需的“{key}”。",
    "'{key}' of {who} must be a finite number, not {value}.": "{who}的“{key}”必须是有限的数字，而不是{value}。",
    "Each {what} in '{key}' must be an object ({{…}}), not {item}.": "“{key}”中的每个{what}必须是对象（{{…}}），而不是{item}。",
    "Each item of '{key}' of {who} must be text, not {item}.": "{who}的“{key}”的每一项必须是文本，而不是{item}。",
    "{what} is nested too deeply{where}: its arrays or objects would go more than {levels} levels down from "
    "the top of the file, the most a map may hold.":
        "{what}嵌套过深{where}：其数组或对象会从文件顶层向下超过 {levels} 层，这是图谱允许的上限。",
    "{what} is nested too deeply{where}: that path goes more than {levels} levels down, the most a map may hold.":
        "{what}嵌套过深{where}：该路径向下超过 {levels} 层，这是图谱允许的上限。",
}

# The command line's help, argparse's words and the exports' refusals (a module of their own: long).
ZH.update(HELP)

# The command line's status and error lines (layout, export, format, import, merge, route, edit, git).
ZH.update({
    # numbers and options
    "'{text}' is not a number": "“{text}”不是数字",
    "'{text}' must be a positive number": "“{text}”必须是正数",
    "'{text}' is not a paper size: use A4, A3, A2, A1, A0 or letter": "“{text}”不是纸张尺寸：请用 A4、A3、A2、A1、A0 或 letter",
    "'{text}' is not a whole number of pixels": "“{text}”不是整数像素值",
    "the long edge must be {low} to {high} pixels, not {value}": "长边必须在 {low} 到 {high} 像素之间，而不是 {value}",
    "--fit and --scale exclude each other: --fit picks the scale": "--fit 与 --scale 不能同时使用：--fit 会自行决定缩放比例",
    "--fit sets a PNG's long edge in pixels and does not apply to {format} output":
        "--fit 设定 PNG 长边的像素数，不适用于 {format} 输出",
    "--scale applies to a poster (--tile): a single page is fitted to the paper":
        "--scale 只用于海报（--tile）：单页会自动缩放到纸张大小",
    "--scale does not apply to PPTX: each picture is painted at the size it takes on its slide":
        "--scale 不适用于 PPTX：每张图片按其在幻灯片上所占的大小绘制",
    "--view does not apply to PPTX: the deck has the whole map and every region's gaps view":
        "--view 不适用于 PPTX：幻灯片包含整张图谱和每个地区的缺口视图",
    "--size {size!r}: give WIDTHxHEIGHT, e.g. 1600x1000.": "--size {size!r}：请给出 宽x高，例如 1600x1000。",
    "--transparent and --background exclude each other": "--transparent 与 --background 不能同时使用",
    "--yed goes with a .graphml output": "--yed 只能与 .graphml 输出一起使用",
    "-o - writes to standard output: give its format with --format png, svg or pdf":
        "-o - 表示写到标准输出：请用 --format png、svg 或 pdf 指定格式",
    "cannot tell the format of '{output}': name it .png, .svg or .pdf (.pptx for slides), or give --format":
        "无法判断“{output}”的格式：请将其命名为 .png、.svg 或 .pdf（幻灯片用 .pptx），或给出 --format",
    "{option} lays out PDF pages: name the output .pdf (here it is {format})":
        "{option} 用于排版 PDF 页面：请将输出命名为 .pdf（此处为 {format}）",
    # counts in the import's summary
    ", ": "、",
    "; ": "；",
    "1 segment": "1 个环节",
    "{count} segments": "{count} 个环节",
    "1 link": "1 个链接",
    "{count} links": "{count} 个链接",
    "1 note": "1 条注释",
    "{count} notes": "{count} 条注释",
    "1 tier": "1 个层级",
    "{count} tiers": "{count} 个层级",
    "1 enterprise": "1 家重点企业",
    "{count} enterprises": "{count} 家重点企业",
    "created {items}": "新建 {items}",
    "updated {items}": "更新 {items}",
    "deleted {items}": "删除 {items}",
    "placed 1 segment": "放置 1 个环节",
    "placed {count} segments": "放置 {count} 个环节",
    "no change": "没有变化",
    # saving
    "The map was not saved": "图谱未保存",
    "Nothing was written": "未写入任何内容",
    "It was not changed": "文件未改动",
    "standard output": "标准输出",
    "landscape": "横向",
    "portrait": "纵向",
    # export
    "chainmap export: standard output is a terminal, where a workbook would show as garbage; redirect it "
    "(> map.xlsx) or give -o FILE. Nothing was written.":
        "chainmap export：标准输出是终端，工作簿在终端上会显示为乱码；请重定向（> map.xlsx）或给出 -o FILE。未写入任何内容。",
    "chainmap export: standard output is a terminal, where a {format} would show as garbage; redirect it "
    "(> map.{suffix}) or give -o FILE. Nothing was written.":
        "chainmap export：标准输出是终端，{format} 在终端上会显示为乱码；请重定向（> map.{suffix}）或给出 -o FILE。"
        "未写入任何内容。",
    "{output}: the folder {folder} does not exist; nothing was written.": "{output}：文件夹 {folder} 不存在；未写入任何内容。",
    "{output}: warning: {warning}": "{output}：警告：{warning}",
    "{output}: {format}, {width} × {height} px at {dpi:g} dpi ({seconds:.2f} s)":
        "{output}：{format}，{width} × {height} 像素，{dpi:g} dpi（用时 {seconds:.2f} 秒）",
    "{output}: {format}, {size:,} bytes": "{output}：{format}，{size:,} 字节",
    "{output}: {format} (yEd), {size:,} bytes": "{output}：{format}（yEd），{size:,} 字节",
    "{output}: PPTX, {slides} slides: {pictures} pictures, {tables} tables ({seconds:.2f} s)":
        "{output}：PPTX，{slides} 张幻灯片：{pictures} 张图片，{tables} 个表格（用时 {seconds:.2f} 秒）",
    "{output}: PDF, 1 page of {paper} {turn}, fitted at scale {scale:.2g} ({seconds:.2f} s)":
        "{output}：PDF，1 页 {paper} {turn}，缩放比例 {scale:.2g}（用时 {seconds:.2f} 秒）",
    "{output}: PDF, {pages} pages of {paper} {turn}, fitted at scale {scale:.2g} ({seconds:.2f} s)":
        "{output}：PDF，{pages} 页 {paper} {turn}，缩放比例 {scale:.2g}（用时 {seconds:.2f} 秒）",
    "{output}: PDF, 1 page of {paper} {turn}, a poster of {rows} row(s) × {columns} column(s) at scale "
    "{scale:.3g} ({seconds:.2f} s)":
        "{output}：PDF，1 页 {paper} {turn}，海报为 {rows} 行 × {columns} 列，缩放比例 {scale:.3g}（用时 {seconds:.2f} 秒）",
    "{output}: PDF, {pages} pages of {paper} {turn}, a poster of {rows} row(s) × {columns} column(s) at scale "
    "{scale:.3g} ({seconds:.2f} s)":
        "{output}：PDF，{pages} 页 {paper} {turn}，海报为 {rows} 行 × {columns} 列，缩放比例 {scale:.3g}"
        "（用时 {seconds:.2f} 秒）",
    "{source}: the map has no region '{region}'; use --view all or one of {codes}.":
        "{source}：图谱中没有地区“{region}”；请用 --view all 或以下之一：{codes}。",
    "{source}: placed {placed} segment(s) that had no position": "{source}：已放置 {placed} 个没有位置的环节",
    "{source}: laid out all {placed} segments": "{source}：已重新布局全部 {placed} 个环节",
    # layout, format
    "{source}: placed {placed} of {count} segments; {crossings} link crossings":
        "{source}：已放置 {count} 个环节中的 {placed} 个；链接交叉 {crossings} 处",
    "{source}: placing '{name}' made its frame overlap a neighbour's; run 'chainmap layout' without --only-new "
    "to tidy up":
        "{source}：放置“{name}”后它的框与相邻的框重叠；请不带 --only-new 运行 'chainmap layout' 重新整理",
    "{source}: not in canonical form (run 'chainmap format --in-place {source}')":
        "{source}：不是规范格式（请运行 'chainmap format --in-place {source}'）",
    # import
    "chainmap import: --delete-missing needs --into MAP (there is nothing to delete from a new map)":
        "chainmap import：--delete-missing 需要与 --into MAP 一起使用（新图谱中没有可删除的内容）",
    "chainmap import: 1 problem found; nothing was written.": "chainmap import：发现 1 个问题；未写入任何内容。",
    "chainmap import: {count} problems found; nothing was written.": "chainmap import：发现 {count} 个问题；未写入任何内容。",
    # merge
    "chainmap merge: give at least two maps to merge.": "chainmap merge：请至少给出两个要合并的图谱。",
    "chainmap merge: {output} is one of the inputs; it is not overwritten unless you add --overwrite.":
        "chainmap merge：{output} 是输入文件之一；除非加上 --overwrite，否则不会覆盖它。",
    "chainmap merge: {path} cannot be read as a map; nothing was written.":
        "chainmap merge：{path} 无法作为图谱读取；未写入任何内容。",
    # route
    "{source}: {boxes} boxes, {links} links routed ({hidden} not drawn: folded away or without a position), "
    "{labels} labels ({shrunk} shrunk), {notes} notes ({moved} moved off boxes)":
        "{source}：{boxes} 个框，已布线 {links} 个链接（{hidden} 个未绘制：已折叠或没有位置），{labels} 个标签"
        "（{shrunk} 个已缩小），{notes} 条注释（{moved} 条已移出框外）",
    "{source}: {boxes} boxes, {links} links routed, {labels} labels ({shrunk} shrunk), {notes} notes "
    "({moved} moved off boxes)":
        "{source}：{boxes} 个框，已布线 {links} 个链接，{labels} 个标签（{shrunk} 个已缩小），{notes} 条注释"
        "（{moved} 条已移出框外）",
    "{source}: {hits} links through boxes, {overlaps} overlapping labels or notes":
        "{source}：{hits} 个链接穿过框，{overlaps} 处标签或注释重叠",
    "{source}: link '{link}' passes through the box of '{name}' (no free path around it)":
        "{source}：链接“{link}”穿过“{name}”的框（周围没有可绕行的通路）",
    "{source}: {first} overlaps {second}": "{source}：{first} 与 {second} 重叠",
    "box {id}": "框 {id}",
    "label {id}": "标签 {id}",
    "note {id}": "注释 {id}",
    "{source}: --fold {segment}: the map has no segment '{segment}'": "{source}：--fold {segment}：图谱中没有环节“{segment}”",
    # edit
    "the bundled example {example} is not installed; give a FILE to open.": "未安装自带的示例 {example}；请给出要打开的 FILE。",
    "{path}: there is no such file.": "{path}：没有这个文件。",
    "there is no display to open the editor on (DISPLAY is not set). Run it in a desktop session, or use "
    "'chainmap edit FILE --screenshot OUT.png' for a picture.":
        "没有可供打开编辑器的显示器（未设置 DISPLAY）。请在桌面会话中运行，或用 "
        "'chainmap edit FILE --screenshot OUT.png' 生成一张图片。",
    "the display {display} is not running, so the editor cannot open a window.": "显示器 {display} 未运行，编辑器无法打开窗口。",
    "the editor needs Qt (PySide6), which cannot be loaded here ({error}). The other commands (validate, format, "
    "info, ...) work without it.":
        "编辑器需要 Qt（PySide6），但此处无法加载（{error}）。其他命令（validate、format、info 等）不需要它也能使用。",
    # git
    "chainmap git-merge: {name}: base version ({path}) is not a valid map; '{name}' was left as ours. The problems:":
        "chainmap git-merge：{name}：共同祖先版本（{path}）不是有效的图谱；“{name}”保留为我方版本。问题如下：",
    "chainmap git-merge: {name}: ours version ({path}) is not a valid map; '{name}' was left as ours. The problems:":
        "chainmap git-merge：{name}：我方版本（{path}）不是有效的图谱；“{name}”保留为我方版本。问题如下：",
    "chainmap git-merge: {name}: theirs version ({path}) is not a valid map; '{name}' was left as ours. "
    "The problems:":
        "chainmap git-merge：{name}：对方版本（{path}）不是有效的图谱；“{name}”保留为我方版本。问题如下：",
    "chainmap git-merge: {name}: {problem} '{name}' was left as ours.": "chainmap git-merge：{name}：{problem}“{name}”保留为我方版本。",
    "chainmap git-merge: {name}: merged cleanly.": "chainmap git-merge：{name}：已顺利合并。",
    "chainmap git-merge: {name}: conflicts recorded in the file ({counts}); open it in chainmap to resolve them, "
    "then 'git add' it.":
        "chainmap git-merge：{name}：冲突已记录在文件中（{counts}）；请在 chainmap 中打开并处理冲突，然后 'git add' 该文件。",
    "chainmap git-setup: git is not installed (or not on PATH).": "chainmap git-setup：未安装 git（或不在 PATH 中）。",
    "chainmap git-setup: {repo} is not inside a git repository.": "chainmap git-setup：{repo} 不在 git 仓库中。",
    "chainmap git-setup: {problem}; nothing was changed. Add the line '{line}' to a plain {file} file and run "
    "git-setup again.":
        "chainmap git-setup：{problem}；未做任何改动。请将 '{line}' 这一行加入普通的 {file} 文件，然后再次运行 git-setup。",
    "chainmap git-setup: git config {key} failed: {error}": "chainmap git-setup：git config {key} 失败：{error}",
    "chainmap git-setup: {path} cannot be read ({error}); add the line '{line}' yourself.":
        "chainmap git-setup：无法读取 {path}（{error}）；请自行加入 '{line}' 这一行。",
    "chainmap git-setup: {path}: {reason} Add the line '{line}' yourself.":
        "chainmap git-setup：{path}：{reason}请自行加入 '{line}' 这一行。",
    "{path} cannot be looked at ({error})": "无法查看 {path}（{error}）",
    "{path} is a symbolic link, which chainmap does not write through (it may lead out of the repository)":
        "{path} 是符号链接，chainmap 不会通过它写入（它可能指向仓库之外）",
    "{path} is a folder, where git expects a file": "{path} 是文件夹，而 git 需要的是文件",
    "{path} is not a regular file": "{path} 不是普通文件",
    "{path}: already has '{line}'": "{path}：已有 '{line}'",
    "{path}: added '{line}' (commit it so that every clone uses it)": "{path}：已加入 '{line}'（请提交它，使每个克隆都使用它）",
    "{path}: added '{line}' (the editor's lock files; commit it)": "{path}：已加入 '{line}'（编辑器的锁文件；请提交它）",
})

# Why a save was refused (chainmap.core.format.savetarget): the editor and the command line.
ZH.update({
    "you have no permission to write there": "你没有在那里写入的权限",
    "the disk is read-only": "磁盘是只读的",
    "the disk is full": "磁盘已满",
    "the disk quota is exceeded": "超出了磁盘配额",
    "the folder does not exist": "文件夹不存在",
    "a part of the path is not a folder": "路径中有一部分不是文件夹",
    "the path is a folder": "该路径是文件夹",
    "the file name is too long": "文件名太长",
    "the path is a loop of symbolic links that never reaches a file": "该路径是一个符号链接循环，永远到不了文件",
    "a named pipe (FIFO)": "命名管道（FIFO）",
    "a device": "设备",
    "a socket": "套接字",
    "not a regular file": "特殊文件",
    "the file is read-only (permissions {permissions})": "文件是只读的（权限 {permissions}）",
    "the file is on a read-only disk": "文件位于只读磁盘上",
    "the file is read-only for you (you have no permission to write it)": "文件对你是只读的（你没有写入它的权限）",
    "The map was not saved: {reason}.": "图谱未保存：{reason}。",
    "The map was not saved: the path is a folder.": "图谱未保存：该路径是文件夹。",
    "The map was not saved: the path is {kind}, not a regular file, and chainmap never replaces one; it was left "
    "as it is.":
        "图谱未保存：该路径是{kind}，不是普通文件，chainmap 从不替换这类文件；它保持原样。",
    "The map was not saved: {reason}, so it was left as it is.": "图谱未保存：{reason}，因此保持原样。",
})

# Why maps cannot be merged (chainmap.core.merge.engine).
ZH.update({
    "Nothing to merge: give at least one map.": "没有可合并的内容：请至少给出一个图谱。",
    "{label} has '{id}'": "{label} 的 id 为“{id}”",
    "the base has '{id}'": "共同祖先的 id 为“{id}”",
    "These maps are not copies of one map: their ids differ ({named}). Merge them anyway with --force (the result "
    "takes the first map's id).":
        "这些图谱不是同一图谱的副本：它们的 id 不同（{named}）。如仍要合并，请加上 --force（结果采用第一个图谱的 id）。",
    "The merge produced an invalid map (a bug in chainmap): {problems}": "合并得到的图谱无效（这是 chainmap 的缺陷）：{problems}",
    "The merge produced a map that cannot be built (a bug in chainmap): {problem}":
        "合并得到的图谱无法构建（这是 chainmap 的缺陷）：{problem}",
})

# How many conflicts of a kind (chainmap git-merge's line).
ZH.update({
    "{count} edit": "{count} 个修改冲突",
    "{count} delete": "{count} 个删除冲突",
    "{count} duplicate": "{count} 个重复冲突",
})

# A spreadsheet cell the import cannot read (chainmap.core.interchange.values and labels).
ZH.update({
    "unknown status '{text}' (expected {chinese} or {english})": "未知的现状“{text}”（应为 {chinese} 或 {english}）",
    "unknown action '{text}' (expected {chinese} or {english})": "未知的举措“{text}”（应为 {chinese} 或 {english}）",
    "unknown priority '{text}' (expected {chinese} or {english})": "未知的优先级“{text}”（应为 {chinese} 或 {english}）",
    "unknown mark '{text}' (expected {chinese} or {english})": "未知的企业标识“{text}”（应为 {chinese} 或 {english}）",
    "unknown kind '{text}' (expected {chinese} or {english})": "未知的链接类型“{text}”（应为 {chinese} 或 {english}）",
    "'{text}' is not an id: an id is letters, digits and _ . : -, starting with a letter or digit, at most 64 "
    "characters (leave the cell empty for a new item)":
        "“{text}”不是 id：id 由字母、数字和 _ . : - 组成，以字母或数字开头，最多 64 个字符（新条目请留空此单元格）",
})

# The exports' refusals and warnings (chainmap/render/export.py, svg_fonts.py).
ZH.update({
    "Cannot export to {given}: use a file ending in .png, .svg or .pdf.":
        "无法导出到 {given}：请使用以 .png、.svg 或 .pdf 结尾的文件名。",
    "The map has no region '{region}'; its regions are {codes}.": "图谱中没有地区“{region}”；它的地区是 {codes}。",
    "The dpi must be a positive number, not {value}.": "dpi 必须是正数，而不是 {value}。",
    "The scale must be a positive number, not {value}.": "缩放比例必须是正数，而不是 {value}。",
    "'{colour}' is not a colour: use a name such as white or #RRGGBB.":
        "“{colour}”不是颜色：请使用 white 这样的颜色名或 #RRGGBB。",
    "{path}: there is not enough memory to paint a {width:,} × {height:,} pixel PNG; use a smaller --scale or --dpi.":
        "{path}：内存不足，无法绘制 {width:,} × {height:,} 像素的 PNG；请使用更小的 --scale 或 --dpi。",
    "{path}: the PDF could not be started.": "{path}：无法开始写入 PDF。",
    "A PDF page of {width:,.0f} × {height:,.0f} inches is larger than PDF allows (200 inches a side); "
    "use a smaller --scale.":
        "{width:,.0f} × {height:,.0f} 英寸的 PDF 页面超过了 PDF 允许的大小（每边 200 英寸）；请使用更小的 --scale。",
    "The map reaches {width:.3g} × {height:.3g} units across: something lies far out (a segment or note with a "
    "position such as 1e+300), and no picture can be that large. Move it back, or lay the map out again "
    "(chainmap layout).":
        "图谱的范围达到 {width:.3g} × {height:.3g} 个单位：有内容位于极远处（环节或注释的位置如 1e+300），"
        "任何图片都不可能这么大。请把它移回来，或重新布局图谱（chainmap layout）。",
    "A PNG of {width:,} × {height:,} pixels ({megapixels:,.0f} MP) cannot be made: the most chainmap paints is "
    "about {most:,.0f} MP. Use a smaller --scale or --dpi, or export to SVG or PDF, which have no such limit.":
        "无法生成 {width:,} × {height:,} 像素（{megapixels:,.0f} 百万像素）的 PNG：chainmap 最多绘制约 "
        "{most:,.0f} 百万像素。请使用更小的 --scale 或 --dpi，或导出为没有此限制的 SVG 或 PDF。",
    "The PNG would be {asked_width:,} × {asked_height:,} pixels, more than chainmap paints; it was scaled down to "
    "{width:,} × {height:,} (scale {scale:.3g} at {dpi:g} dpi).":
        "PNG 将有 {asked_width:,} × {asked_height:,} 像素，超过 chainmap 的绘制上限；已缩小为 "
        "{width:,} × {height:,}（{dpi:g} dpi 下缩放比例 {scale:.3g}）。",
    "The bundled font could not be embedded in the SVG: {exc}.": "无法将自带字体嵌入 SVG：{exc}。",
    "The imported map could not be built: {exc}": "无法建立导入的图谱：{exc}",
    "The map is set aside on disk; it must be read back first.": "图谱暂存在磁盘上，须先读回。",
    "The map set aside in {folder} while it was routed could not be read back: {reason}":
        "布线时暂存在 {folder} 的图谱无法读回：{reason}",
})
ZH.update(IMPORT)
