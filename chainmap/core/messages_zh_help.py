"""The Chinese of the command line's help (``chainmap --help``, ``chainmap COMMAND --help``),
argparse's own words, and the export and print refusals of ``chainmap.render``: message keys
of :mod:`chainmap.core.messages`, merged into :data:`chainmap.core.messages_zh.ZH`. Terms from
``docs/glossary.md``; ``%%`` and ``%(name)s`` are argparse's and stay as they are."""

from __future__ import annotations

HELP: dict[str, str] = {
    # ------------------------------------------------------------ argparse's own words
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示此帮助信息并退出",
    "show program's version number and exit": "显示版本号并退出",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "忽略了显式给出的参数 %r",
    "the following arguments are required: %s": "缺少以下必需参数：%s",
    "one of the arguments %s is required": "必须给出参数 %s 之一",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项有歧义：%(option)s 可能是 %(matches)s",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知的命令 %(parser_name)r（可选：%(choices)s）",
    "{prog}: error: {message}\n(see '{prog} --help')\n": "{prog}：错误：{message}\n（参见“{prog} --help”）\n",
    "--lang: '{value}' is not a language chainmap speaks; use zh_CN or en":
        "--lang：chainmap 不支持语言“{value}”；请使用 zh_CN 或 en",
    # ---------------------------------------------------------------- chainmap --help
    "Draw, annotate and merge industry-chain maps (产业链图谱). With no command, opens the editor on the "
    "bundled vehicles example.":
        "绘制、标注与合并产业链图谱。不带命令时，用自带的汽车示例打开编辑器。",
    "the language of messages, headings and exports' captions (default: the system's; may also follow the "
    "command)": "消息、标题和导出文件说明文字所用的语言（默认：系统语言；也可以写在命令之后）",
    "replace OUT (or FILE with --in-place) even when it is read-only":
        "即使 OUT（或使用 --in-place 时的 FILE）是只读的也将其替换",
    "print JSON instead of text": "输出 JSON 而不是文本",
    "print nothing but problems": "只输出问题",
    "write here ('-' for standard output)": "写入此处（“-”表示标准输出）",
    "rewrite FILE itself": "直接改写 FILE 本身",
    "show this segment folded, its sub-segments hidden (repeatable)": "将此环节折叠显示，隐藏其子环节（可重复）",
    # analyze
    "analyse the chain: sources, sinks, chokepoints, coverage and fill gains per region":
        "分析产业链：源头环节、终端环节、卡点，以及各地区的覆盖率与补链增益",
    "Analyse a map's chain of links: sources and sinks, the chokepoints (卡点) on every path to a sink, each "
    "region's coverage of the sinks (a sink is covered when the region is strong or present in every segment "
    "of some path to it), the gaps whose filling alone would raise that coverage (补链 priorities), each "
    "segment's upstream, downstream and betweenness, and loops of links.":
        "分析图谱的链接关系：源头环节与终端环节；位于通往终端环节的每条路径上的卡点；各地区对终端环节的覆盖率"
        "（若某地区在通往某终端环节的某条路径的每个环节上都为优势或有基础，则该终端环节被覆盖）；"
        "单独补上即可提高覆盖率的缺口（补链优先）；每个环节的上游、下游与中介中心性；以及链接构成的环。",
    "give coverage and fill gains for this region only (a code, or 'all' for the regions together); default: "
    "every region, then all": "只给出此地区的覆盖率与补链增益（地区代码，或用“all”表示各地区合起来）；默认：逐个地区，再给出合计",
    "give upstream, downstream and betweenness for this segment only (repeatable)":
        "只给出此环节的上游、下游与中介中心性（可重复）",
    # diff
    "show what changed between two maps, by meaning": "按含义显示两个图谱之间的变化",
    "List what changed from map A to map B: segments, links, notes, tiers, regions and the map's fields "
    "added, removed or changed, and each region's facts (status, enterprises, plan). Times and other meta "
    "data are not compared. Exit 0 when the maps are equal, 1 when they differ, 2 when a map cannot be read.":
        "列出从图谱 A 到图谱 B 的变化：新增、删除或修改的环节、链接、注释、层级、地区和图谱字段，"
        "以及各地区的情况（现状、企业、计划）。时间和其他元数据不作比较。两个图谱相同时退出码为 0，"
        "不同时为 1，无法读取图谱时为 2。",
    "print the changes as JSON": "以 JSON 输出变化",
    # edit
    "open a map in the editor (the vehicles example without FILE)": "在编辑器中打开图谱（不给 FILE 时打开汽车示例）",
    "Open the chain-map editor on FILE, or on the bundled vehicles example. With --screenshot, open the "
    "window offscreen, save a picture of it and exit.":
        "用产业链图谱编辑器打开 FILE，或打开自带的汽车示例。使用 --screenshot 时，在屏幕外打开窗口，保存窗口截图后退出。",
    "the map to open": "要打开的图谱",
    "save a picture of the editor window to OUT.png and exit": "将编辑器窗口的截图保存为 OUT.png 后退出",
    "window size for --screenshot (default 1600x1000)": "--screenshot 的窗口大小（默认 1600x1000）",
    # export
    "draw a map as a PNG picture, or an SVG or PDF with text kept as text":
        "将图谱绘制为 PNG 图片，或文字保留为文本的 SVG、PDF",
    "Draw FILE as the editor shows it (tier bands, segments with their regions' status chips, links, notes, "
    "title, date and legend) into OUT.png, OUT.svg or OUT.pdf, or a slide deck OUT.pptx (title, whole map, "
    "each region's gaps view, the three lists as tables). Needs no display. Segments without a position are "
    "placed automatically first. Exit 0 when written, 1 when the map or the output has a problem, 2 on bad "
    "options.":
        "按编辑器中的样子（层级色带、带各地区现状标记的环节、链接、注释、标题、日期和图例）将 FILE 绘制为 "
        "OUT.png、OUT.svg 或 OUT.pdf，或幻灯片 OUT.pptx（标题、整张图谱、各地区的缺口视图、以表格列出的三张清单）。"
        "不需要显示器。没有位置的环节会先自动摆放。写出后退出码为 0，图谱或输出有问题时为 1，选项有误时为 2。",
    "the map to draw": "要绘制的图谱",
    "the file to write; its suffix (.png, .svg, .pdf, .pptx) picks the format; '-' writes to standard output "
    "(give --format)": "要写入的文件；其后缀（.png、.svg、.pdf、.pptx）决定格式；“-”表示写到标准输出（需给出 --format）",
    "the format, whatever OUT's suffix": "格式，不论 OUT 的后缀是什么",
    "resolution (default 150): a PNG has scale × dpi / 96 pixels per map unit":
        "分辨率（默认 150）：PNG 每个图谱单位有 scale × dpi / 96 个像素",
    "zoom factor (default 1)": "缩放倍数（默认 1）",
    "'all' colours boxes by the best status of all regions (default); a region code such as CN-TJ shows that "
    "region's gaps to fill and dims the rest":
        "“all”按各地区中最好的现状为方框着色（默认）；地区代码（如 CN-TJ）显示该地区的缺口，其余淡化",
    "leave out the legend": "不画图例",
    "no background (PNG with alpha)": "不画背景（带透明通道的 PNG）",
    "background colour (default white)": "背景颜色（默认白色）",
    "lay the whole map out afresh before drawing (ignores saved positions)": "绘制前重新布局整张图谱（忽略已保存的位置）",
    "spreadsheets and other tools' formats": "电子表格和其他工具的格式",
    ".graphml for yEd: boxes where the canvas has them, status colours, tiers as groups":
        "供 yEd 使用的 .graphml：方框位置与画布一致，带现状颜色，层级作为分组",
    ".csv: which sheet to write (default segments)": ".csv：写出哪一张表（默认 segments）",
    "PDF on this paper, the map fitted to one page with 10 mm margins (or a poster with --tile)":
        "使用此纸张的 PDF，图谱缩放到一页，页边距 10 毫米（或使用 --tile 拼贴为海报）",
    "turn the paper sideways (default: the way the map prints larger, or on fewer pages)":
        "横向放置纸张（默认：选择图谱印得更大或页数更少的方向）",
    "keep the paper upright": "纵向放置纸张",
    "PDF poster: the map at --scale (default 1: names at 10 pt) over as many pages as it needs (A4 unless "
    "--paper), with 10 mm overlap strips, crop marks and page labels":
        "PDF 海报：按 --scale（默认 1：名称为 10 磅）将图谱印在所需的多页上（未给 --paper 时用 A4），"
        "带 10 毫米重叠条、裁切标记和页码标签",
    "PNG whose long edge is exactly PIXELS (e.g. 1920 for chat apps), painted at that size so text stays "
    "sharp": "长边恰好为 PIXELS 像素的 PNG（例如聊天软件用 1920），按此尺寸绘制，文字保持清晰",
    # format
    "rewrite a map in canonical form": "将图谱改写为规范格式",
    "Rewrite a map in the format's canonical form (key order, 2-space indent, coordinates to 0.1). Writes "
    "to standard output unless -o or --in-place is given; an invalid input writes nothing.":
        "将图谱改写为文件格式的规范形式（键的顺序、2 个空格缩进、坐标精确到 0.1）。未给出 -o 或 --in-place 时"
        "写到标准输出；输入无效时不写任何内容。",
    "write nothing; exit 1 when the file is not in canonical form": "不写任何内容；文件不是规范格式时退出码为 1",
    # git
    "git merge driver: merge %%A with %%B against %%O into %%A": "git 合并驱动：以 %%O 为基准将 %%A 与 %%B 合并到 %%A",
    "Git merge driver (installed by git-setup as 'git-merge %%O %%A %%B %%P'). Writes the merge of OURS and "
    "THEIRS against BASE into OURS, keeping OURS's owner. Exit 0 when clean, 1 when conflicts are recorded "
    "in the file (never conflict markers), 2 when a file cannot be read (OURS is left untouched).":
        "Git 合并驱动（由 git-setup 安装为“git-merge %%O %%A %%B %%P”）。以 BASE 为基准合并 OURS 与 THEIRS，"
        "结果写入 OURS，保留 OURS 的所属地区。无冲突时退出码为 0，冲突记录在文件中时为 1（从不写冲突标记），"
        "无法读取文件时为 2（OURS 保持不变）。",
    "%%O: the common ancestor (empty when there is none)": "%%O：共同的基准版本（没有时为空）",
    "%%A: our version; receives the result": "%%A：我方版本；接收合并结果",
    "%%B: their version": "%%B：对方版本",
    "%%P: the file's path in the repository": "%%P：文件在仓库中的路径",
    "git diff text conversion: a map as stable lines of meaning": "git diff 文本转换：将图谱写成按含义排列的稳定文本行",
    "Print a map as one stable line per segment, link and note with its key facts (sorted, positions left "
    "out), for 'git diff' and 'git log -p'. A file that is not a valid map is printed as it is.":
        "将图谱输出为每个环节、链接和注释各一行的稳定文本，带其要点（已排序，不含位置），供“git diff”和"
        "“git log -p”使用。不是有效图谱的文件按原样输出。",
    "install the merge driver and diff conversion into a git repository": "在 git 仓库中安装合并驱动和 diff 转换",
    "Set merge.chainmap.* and diff.chainmap.textconv in the repository's config, add '{attributes}' to its "
    ".gitattributes and '{ignore}' (the editor's lock files) to its .gitignore. Running it again changes "
    "nothing.": "在仓库配置中设置 merge.chainmap.* 和 diff.chainmap.textconv，将“{attributes}”加入其 .gitattributes，"
    "将“{ignore}”（编辑器的锁文件）加入其 .gitignore。再次运行不会改变任何内容。",
    "the repository (default: here)": "仓库（默认：当前目录）",
    # import
    "make or update a map from Excel, CSV, GraphML, GEXF or Cytoscape.js files":
        "从 Excel、CSV、GraphML、GEXF 或 Cytoscape.js 文件生成或更新图谱",
    "Read IN files (.xlsx/.xls/.ods workbooks, .csv, .graphml, .gexf, .cyjs) into a map and write it to OUT. "
    "With --into MAP, a row or node whose id is an item's updates that item, a row without an id creates "
    "one, and items the files do not list are kept (unless --delete-missing); without --into, a new map is "
    "made. Sheet and column names may be English or Chinese. Every bad cell is reported as "
    "FILE:Sheet!C12: message, and then nothing is written. Segments without a position are laid out. Exit 0 "
    "when written, 1 on problems in the files, 2 on bad options.":
        "将 IN 文件（.xlsx/.xls/.ods 工作簿、.csv、.graphml、.gexf、.cyjs）读入图谱并写入 OUT。使用 --into MAP 时，"
        "id 与某条目相同的行或节点更新该条目，没有 id 的行新建条目，文件中未列出的条目保留（除非给出 "
        "--delete-missing）；不使用 --into 时生成新图谱。工作表名和列名可以是英文或中文。每个有误的单元格都按 "
        "FILE:Sheet!C12: 消息 的形式报告，此时不写任何内容。没有位置的环节会自动布局。写出后退出码为 0，"
        "文件有问题时为 1，选项有误时为 2。",
    "the files to import (several CSV files: segments.csv links.csv)": "要导入的文件（多个 CSV 文件：segments.csv links.csv）",
    "the map to write ('-' for standard output); may be MAP itself": "要写入的图谱（“-”表示标准输出）；可以就是 MAP",
    "update this map instead of making a new one": "更新此图谱，而不是新建图谱",
    "delete the items of MAP that a file's sheet does not list": "删除 MAP 中文件的工作表未列出的条目",
    "for a graph file: the node attribute that names each segment's tier (default: the 'tier' attribute)":
        "用于图文件：指明每个环节所属层级的节点属性（默认：“tier”属性）",
    # info
    "summarise a map: counts, statuses, gaps, complements": "概述图谱：数量、现状、缺口、区域互补",
    "Print a map's title, chain and lead; counts per tier, region and status; gaps to fill per region; "
    "complements; regional gaps; segments not assessed.":
        "输出图谱的标题、产业链和牵头地区；按层级、地区和现状统计的数量；各地区的缺口；区域互补；共同缺口；未评估的环节。",
    # layout
    "place segments automatically (all, or only those without a position)": "自动摆放环节（全部，或只摆放没有位置的环节）",
    "Lay out a map: tiers as bands left to right, segments in columns ordered to keep link crossings few, "
    "sub-segments inside their parent's frame. With --only-new, only segments without a position are "
    "placed, near their linked neighbours, and all others stay where they are. A tier too tall for the page "
    "wraps into several columns so that the map's width to height comes near --aspect; without --aspect, a "
    "map keeps one column per tier while its width to height stays between 1:3 and 3:1, and a taller one "
    "is shaped for 4:3. Writes to -o OUT or, with --in-place, back to FILE; an invalid input writes "
    "nothing.":
        "为图谱布局：层级为从左到右的色带，环节排成列并尽量减少链接交叉，子环节位于上级环节的框内。使用 "
        "--only-new 时，只摆放没有位置的环节，放在与其相连的环节附近，其余环节保持不动。一个层级在页面上"
        "过高时会折成几列，使图谱的宽高比接近 --aspect；不指定 --aspect 时，若每个层级一列的宽高比在 1:3 到 "
        "3:1 之间就保持每个层级一列，更高的图谱按 4:3 排布。写入 -o OUT，"
        "或使用 --in-place 时写回 FILE；输入无效时不写任何内容。",
    "place only segments without a position; keep the others where they are": "只摆放没有位置的环节；其余环节保持不动",
    "width to height the whole map should come near, e.g. 16:9 for slides (default: one column per tier "
    "while that stays between 1:3 and 3:1, else 4:3)":
        "整张图谱应接近的宽高比，例如幻灯片用 16:9（默认：宽高比在 1:3 到 3:1 之间时每个层级一列，否则为 4:3）",
    # lists
    "print the three lists: bottlenecks, gaps to attract investment, key enterprises": "输出三张清单：卡点攻关、堵点招商、重点企业",
    "Print the three lists (三张清单) read off a map: bottlenecks to tackle (卡点攻关), gaps to fill by "
    "attracting investment (堵点招商) and key enterprises (重点企业).":
        "输出从图谱得出的三张清单：卡点攻关清单、堵点招商清单和重点企业清单。",
    "print only this list": "只输出这张清单",
    "print JSON": "输出 JSON",
    "print CSV for a spreadsheet (one list only; needs --list): UTF-8 with a BOM, and a cell that would start "
    "a formula (=, +, -, @) begins with '":
        "输出供电子表格使用的 CSV（只限一张清单；需要 --list）：带 BOM 的 UTF-8，会被当作公式开头（=、+、-、@）的单元格以 ' 开头",
    # merge
    "merge copies of one map (with --base, three-way); conflicts are recorded in the result":
        "合并同一图谱的多个副本（使用 --base 时为三方合并）；冲突记录在结果中",
    "Merge two or more copies of one map into OUT. With --base (their common ancestor) the merge is "
    "three-way, else a union. Prints a summary: matched by id and by name, added, deleted, conflicts by "
    "kind, near-match suggestions with their scores. Exit 0 when nothing is left to decide, 1 when conflicts "
    "are recorded in OUT, 2 on a usage error (a map that cannot be read, maps of different ids without "
    "--force, OUT being an input without --overwrite).":
        "将同一图谱的两个或更多副本合并到 OUT。使用 --base（它们共同的基准版本）时为三方合并，否则取并集。"
        "输出摘要：按 id 和按名称匹配的、新增的、删除的条目，按类型统计的冲突，以及带分数的近似匹配建议。"
        "没有待决定的内容时退出码为 0，OUT 中记录了冲突时为 1，用法错误时为 2（图谱无法读取、未给 --force "
        "而图谱 id 不同、未给 --overwrite 而 OUT 是输入之一）。",
    "the copies to merge (two or more)": "要合并的副本（两个或更多）",
    "the common ancestor of the copies": "各副本共同的基准版本",
    "where to write the merged map ('-' for standard output)": "合并后的图谱写到哪里（“-”表示标准输出）",
    "merge maps of different ids (the result takes the first map's id), and replace OUT even when it is "
    "read-only": "合并 id 不同的图谱（结果采用第一个图谱的 id），并且即使 OUT 是只读的也将其替换",
    "allow OUT to be one of the inputs (or the base)": "允许 OUT 是输入之一（或基准版本）",
    "print the summary as JSON": "以 JSON 输出摘要",
    # route
    "print the boxes, routed links, labels and note callouts every drawing uses":
        "输出各种绘图共用的方框、链接走线、标签和注释引线",
    "Route a map's links around its boxes and place their labels and the notes' callouts, as the canvas and "
    "the exports draw them, and print the result in map units. With --json: {{\"boxes\": {{ID: [x, y, w, "
    "h]}}, \"links\": {{ID: {{\"points\": [[x, y], ...], \"label\": [x, y, w, h] or null}}}}, \"notes\": "
    "{{ID: {{\"box\": [x, y, w, h], \"leader\": [[x, y], ...] or null}}}}}}, curves flattened to polylines. "
    "Without it, a summary: counts, links through boxes, overlapping labels. Segments without a position are "
    "placed first, as 'chainmap export' places them.":
        "按画布和导出文件的画法，让图谱的链接绕开方框走线，摆放链接标签和注释引线，并以图谱单位输出结果。"
        "使用 --json 时：{{\"boxes\": {{ID: [x, y, w, h]}}, \"links\": {{ID: {{\"points\": [[x, y], ...], "
        "\"label\": [x, y, w, h] 或 null}}}}, \"notes\": {{ID: {{\"box\": [x, y, w, h], \"leader\": "
        "[[x, y], ...] 或 null}}}}}}，曲线展平为折线。不使用时输出摘要：数量、穿过方框的链接、重叠的标签。"
        "没有位置的环节会先按“chainmap export”的方式摆放。",
    "print the geometry as JSON": "以 JSON 输出几何信息",
    "lay the whole map out afresh first": "先重新布局整张图谱",
    # validate
    "check map files; print each problem as FILE:PATH: message": "检查图谱文件；每个问题按 FILE:PATH: 消息 的形式输出",
    "Check map files against the chainmap format. Exit 0 when every file is valid (warnings allowed), 1 when "
    "any has errors.": "按 chainmap 文件格式检查图谱文件。所有文件都有效时退出码为 0（允许有警告），任一文件有错误时为 1。",
    "map files to check": "要检查的图谱文件",
    "print a JSON report on standard output": "在标准输出上输出 JSON 报告",
    "print nothing for valid files": "有效的文件不输出任何内容",
    # ------------------------------------------------------- exports and printing refuse
    "'{text}' is not a paper size: use A4, A3, A2, A1, A0 or letter.":
        "“{text}”不是纸张尺寸：请使用 A4、A3、A2、A1、A0 或 letter。",
    "--fit takes a long edge of {low} to {high} pixels, not {pixels!r}.":
        "--fit 需要 {low} 到 {high} 像素的长边，而不是 {pixels!r}。",
    "A PNG of {width:,} × {height:,} pixels is more than fits in memory; give --fit a smaller long edge.":
        "{width:,} × {height:,} 像素的 PNG 超出了内存的容量；请给 --fit 一个更小的长边。",
    "At scale {scale:g} the poster would take {rows} × {columns} = {pages} pages, more than {most}; use larger "
    "paper or a smaller --scale.":
        "按比例 {scale:g}，海报需要 {rows} × {columns} = {pages} 页，超过 {most} 页；请使用更大的纸张或更小的 --scale。",
    "The map has no extent to fit.": "图谱没有可缩放的范围。",
    "The map has no region '{region}'; its regions are {codes}.": "图谱没有地区“{region}”；它的地区是 {codes}。",
    "The map picture {picture} could not be read back.": "无法读回图谱图片 {picture}。",
    "The map reaches {width:.3g} × {height:.3g} units across: something lies far out (a segment or note with "
    "a position such as 1e+300); move it back, or lay the map out again (chainmap layout).":
        "图谱的范围达到 {width:.3g} × {height:.3g} 个单位：有内容位于极远处（位置如 1e+300 的环节或注释）；"
        "请将其移回，或重新布局图谱（chainmap layout）。",
    "The pages could not be started: the printer or PDF refused to open.": "无法开始打印页面：打印机或 PDF 拒绝打开。",
    "The paper's printable part ({width:.0f} × {height:.0f} mm inside the margins) is too small for a map; use "
    "larger paper or smaller margins.":
        "纸张的可打印部分（页边距以内 {width:.0f} × {height:.0f} 毫米）太小，放不下图谱；请使用更大的纸张或更小的页边距。",
    "The scale must be a positive number, not {scale!r}.": "比例必须是正数，而不是 {scale!r}。",
    "There is no segment '{node_id}' to fold; ignored.": "没有要折叠的环节“{node_id}”；已忽略。",
    "{path}: Nothing was written: {reason}.": "{path}：未写入任何内容：{reason}。",
    "{source}: add --force to replace it anyway.": "{source}：加上 --force 可强制替换。",
    "chainmap: could not write the screenshot to {path}.": "chainmap：无法将截图写入 {path}。",
    "chainmap: the window was never drawn; no screenshot.": "chainmap：窗口始终没有绘制出来；没有截图。",
}
