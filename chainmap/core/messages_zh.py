"""The Chinese of every message key (:mod:`chainmap.core.messages`), terms from
``docs/glossary.md``. Each template has the placeholders of its key, in any order;
``tests/test_translations.py`` checks that, and that every key in the code is here."""

from __future__ import annotations

from .messages_zh_help import HELP

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
