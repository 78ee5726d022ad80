"""The Chinese of the problems ``chainmap import`` (and the editor's import) reports: the file
readers (Excel, CSV, GraphML, GEXF, Cytoscape.js) and the sheets' rows. Message keys of
:mod:`chainmap.core.messages`, merged into :data:`chainmap.core.messages_zh.ZH`. Terms from
``docs/glossary.md``; sheet and column names, ids, file names and format names stay as written."""

from __future__ import annotations

IMPORT: dict[str, str] = {
    # ------------------------------------------------------------ which reader, whole files
    "This is a chainmap map, not a file to import: open it, or combine maps with chainmap merge.":
        "这是 chainmap 图谱文件，不是可导入的文件：请直接打开它，或用 chainmap merge 合并图谱。",
    "chainmap cannot tell what '{kind}' files hold: import .xlsx, .csv, .graphml, .gexf or .cyjs files.":
        "chainmap 无法识别“{kind}”文件的内容：请导入 .xlsx、.csv、.graphml、.gexf 或 .cyjs 文件。",
    "The file is not a CSV text file (it holds NUL characters).": "该文件不是 CSV 文本文件（含有 NUL 字符）。",
    "The file is not valid CSV: {exc}.": "该文件不是有效的 CSV：{exc}。",
    "'{stem}' is one of the three lists, which chainmap reads off the map; "
    "a list cannot be imported (import the segments sheet instead).":
        "“{stem}”是三张清单之一，由 chainmap 从图谱生成；清单不能导入（请改为导入环节工作表）。",
    "The first rows name no columns chainmap knows: a segments file starts with id,name,tier "
    "(编号,环节名称,层级), a links file with from,to (上游环节,下游环节).":
        "开头几行没有 chainmap 认识的列名：环节文件以 id,name,tier（编号,环节名称,层级）开头，"
        "链接文件以 from,to（上游环节,下游环节）开头。",
    "The file cannot be read as a spreadsheet (.xlsx, .xls or .ods): {exc}.":
        "无法将该文件作为电子表格（.xlsx、.xls 或 .ods）读取：{exc}。",
    "The sheet '{name}' cannot be read: {exc}.": "无法读取工作表“{name}”：{exc}。",
    "The sheet '{name}' was not read: its columns are not those of segments, links, "
    "enterprises, notes, tiers or regions.":
        "未读取工作表“{name}”：它的列不是环节、链接、企业、注释、层级或地区的列。",
    "The sheet '{name}' was not read: none of its first rows holds the column names of the "
    "{sheet} sheet (such as {examples}).":
        "未读取工作表“{name}”：开头几行都没有 {sheet} 工作表的列名（例如 {examples}）。",
    "The file cannot be read as GraphML: {exc}.": "无法将该文件作为 GraphML 读取：{exc}。",
    "GraphML: {message}": "GraphML 读取警告：{message}",
    "The file cannot be read as GEXF: {exc}.": "无法将该文件作为 GEXF 读取：{exc}。",
    "The file is not Cytoscape.js JSON: {exc}.": "该文件不是 Cytoscape.js JSON：{exc}。",
    "The file is not Cytoscape.js JSON: it has no 'elements'.": "该文件不是 Cytoscape.js JSON：没有 'elements'。",
    "The file is not Cytoscape.js JSON: every node and edge needs its 'data'.":
        "该文件不是 Cytoscape.js JSON：每个节点和边都需要 'data'。",
    "The file cannot be read as Cytoscape.js JSON: {exc}.": "无法将该文件作为 Cytoscape.js JSON 读取：{exc}。",
    # ------------------------------------------------------------ cells naming regions, tiers, segments
    "unknown region '{region}' (expected {names} or {codes})": "未知的地区“{region}”（应为 {names} 或 {codes}）",
    "unknown tier '{tier}' (expected the map has no tiers yet: list them on a tiers sheet)":
        "未知的层级“{tier}”（图谱还没有层级：请在层级工作表中列出）",
    "unknown tier '{tier}' (expected {names} or {ids})": "未知的层级“{tier}”（应为 {names} 或 {ids}）",
    "'{text}' names {count} segments ({ids}): give the segment's id instead":
        "“{text}”对应 {count} 个环节（{ids}）：请改填环节的编号",
    "there is no segment '{text}' (give a segment's id or name)": "没有环节“{text}”（请填写环节的编号或名称）",
    # ------------------------------------------------------------ columns chainmap does not read
    "the column '{header}' names a field that is not read from here, so it was not read":
        "列“{header}”对应的字段不从这里读取，因此未读取",
    "the attribute '{header}' names a field that is not read from here, so it was not read":
        "属性“{header}”对应的字段不从这里读取，因此未读取",
    "the column '{header}' is not one chainmap knows: its values are kept under each segment's unknown key "
    "'{header}'": "chainmap 不认识列“{header}”：其值保存在每个环节的未知键“{header}”下",
    "the column '{header}' is not one chainmap knows: its values are kept under each link's unknown key "
    "'{header}'": "chainmap 不认识列“{header}”：其值保存在每个链接的未知键“{header}”下",
    "the column '{header}' is not one chainmap knows: its values are kept under each enterprise's unknown key "
    "'{header}'": "chainmap 不认识列“{header}”：其值保存在每家企业的未知键“{header}”下",
    "the column '{header}' is not one chainmap knows: its values are kept under each note's unknown key "
    "'{header}'": "chainmap 不认识列“{header}”：其值保存在每条注释的未知键“{header}”下",
    "the attribute '{header}' is not one chainmap knows: its values are kept under each segment's unknown key "
    "'{header}'": "chainmap 不认识属性“{header}”：其值保存在每个环节的未知键“{header}”下",
    "the attribute '{header}' is not one chainmap knows: its values are kept under each link's unknown key "
    "'{header}'": "chainmap 不认识属性“{header}”：其值保存在每个链接的未知键“{header}”下",
    # ------------------------------------------------------------ the segments and enterprises sheets
    "segment {id} is on {place} already: a segment has one row": "环节 {id} 已在 {place}：每个环节只占一行",
    "a segment needs a name": "环节需要名称",
    "a segment needs a tier": "环节需要层级",
    "a new segment needs a tier, and the sheet has no tier column (层级 or tier; for a graph file, give "
    "--tier-by ATTRIBUTE)": "新环节需要层级，而该工作表没有层级列（层级或 tier；图文件请用 --tier-by 属性名 指定）",
    "a segment cannot be its own parent": "环节不能是自己的上级环节",
    "a plan needs an action ({expected})": "计划需要填写行动（{expected}）",
    "a plan needs a priority ({expected})": "计划需要填写优先级（{expected}）",
    "an enterprise row needs its segment (环节)": "企业行需要填写所属环节（环节）",
    "no segment": "没有环节",
    "an enterprise needs a name": "企业需要名称",
    "an enterprise row needs its region (地区)": "企业行需要填写所属地区（地区）",
    # ------------------------------------------------------------ the links and notes sheets
    "link {id} has a row already: a link has one row": "链接 {id} 已有一行：每个链接只占一行",
    "a link needs its upstream segment (上游环节 or from)": "链接需要上游环节（上游环节或 from）",
    "a link needs its downstream segment (下游环节 or to)": "链接需要下游环节（下游环节或 to）",
    "a link cannot go from a segment to itself": "链接不能从一个环节连到它自己",
    "'{flow}' is not a flow: write the supplying region, an arrow and the receiving region "
    "(天津→北京 or CN-TJ→CN-BJ), several separated by ';'":
        "“{flow}”不是跨区域协作：请写供应地区、箭头和接收地区（天津→北京 或 CN-TJ→CN-BJ），多个之间用 ';' 分隔",
    "note {id} has a row already: a note has one row": "注释 {id} 已有一行：每条注释只占一行",
    "a note needs its text": "注释需要文字",
    # ------------------------------------------------------------ headers, the map, regions and tiers sheets
    "this column has values but no header, so it was not read": "此列有值但没有列名，因此未读取",
    "a second column '{header}': each column may appear once on a sheet":
        "第二个“{header}”列：每列在一张工作表上只能出现一次",
    "'{name}' is not a field of a map; the map sheet has ID, Title, Chain, Lead region, Owner region":
        "“{name}”不是图谱的字段；图谱工作表的字段有 ID、Title、Chain、Lead region、Owner region",
    "the workbook comes from map '{workbook}'; it was imported into map '{map}', whose id stays":
        "该工作簿来自图谱“{workbook}”；它已导入图谱“{map}”，图谱编号保持不变",
    "a map needs a title": "图谱需要标题",
    "a map needs a chain": "图谱需要产业链",
    "'{code}' is not a region code: capitals, digits and '-', 2 to 16 characters, starting with a letter "
    "(e.g. CN-TJ)": "“{code}”不是地区代码：应由大写字母、数字和 '-' 组成，2 到 16 个字符，以字母开头（如 CN-TJ）",
    "a region needs its code (e.g. CN-TJ)": "地区需要代码（如 CN-TJ）",
    "region {code} is listed twice": "地区 {code} 列出了两次",
    "region {code} needs a name": "地区 {code} 需要名称",
    "'{colour}' is not a colour of the form #RRGGBB": "“{colour}”不是 #RRGGBB 形式的颜色",
    "a tier needs a name": "层级需要名称",
    "tier {id} is listed twice": "层级 {id} 列出了两次",
    # ------------------------------------------------------------ graph files: where a value is, XML exports
    "graph attributes": "图属性",
    "graph attribute '{kind}', item {number}": "图属性“{kind}”的第 {number} 项",
    "tier {number}": "第 {number} 个层级",
    "region {number}": "第 {number} 个地区",
    "attribute '{header}'": "属性“{header}”",
    "node '{node}', {header}": "节点“{node}”的 {header}",
    "node '{node}', enterprise {number}": "节点“{node}”的第 {number} 家企业",
    "link attribute '{header}'": "链接属性“{header}”",
    "link '{link}', {header}": "链接“{link}”的 {header}",
    "the map: the {key} holds control characters, which XML cannot hold; they were written as U+FFFD":
        "图谱：{key} 含有 XML 不能容纳的控制字符，已写为 U+FFFD",
    "segment {item}: the {key} holds control characters, which XML cannot hold; they were written as U+FFFD":
        "环节 {item}：{key} 含有 XML 不能容纳的控制字符，已写为 U+FFFD",
    "link {item}: the {key} holds control characters, which XML cannot hold; they were written as U+FFFD":
        "链接 {item}：{key} 含有 XML 不能容纳的控制字符，已写为 U+FFFD",
    "the map: the {key} holds carriage returns, which XML reads as line feeds; they were written as line feeds":
        "图谱：{key} 含有回车符，XML 会将其读作换行符；已写为换行符",
    "segment {item}: the {key} holds carriage returns, which XML reads as line feeds; "
    "they were written as line feeds": "环节 {item}：{key} 含有回车符，XML 会将其读作换行符；已写为换行符",
    "link {item}: the {key} holds carriage returns, which XML reads as line feeds; "
    "they were written as line feeds": "链接 {item}：{key} 含有回车符，XML 会将其读作换行符；已写为换行符",
    # ------------------------------------------------------------ exports
    "'{table}' is not a table: use one of {tables}": "“{table}”不是表：请使用 {tables} 之一",
    "'{format}' is not an export format: use one of {formats}": "“{format}”不是导出格式：请使用 {formats} 之一",
}
