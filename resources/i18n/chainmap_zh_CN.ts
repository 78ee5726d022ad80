<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnalysisDock</name>
    <message>
        <source>weak in {region}</source>
        <translation>{region}薄弱</translation>
    </message>
    <message>
        <source>only {region} has it</source>
        <translation>仅{region}具备</translation>
    </message>
    <message>
        <source>a single enterprise ({region})</source>
        <translation>仅一家企业（{region}）</translation>
    </message>
    <message>
        <source>Beijing–Tianjin–Hebei</source>
        <translation>京津冀</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>&amp;Analysis Overlay: Mark Chokepoints</source>
        <translation>分析叠加：标出卡点(&amp;A)</translation>
    </message>
    <message>
        <source>Mark the chokepoints on the map with an hourglass</source>
        <translation>在图谱上用沙漏标出卡点</translation>
    </message>
    <message>
        <source>Mark chokepoints on the map</source>
        <translation>在图谱上标出卡点</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>地区：</translation>
    </message>
    <message>
        <source>Click a row to show its segment on the map</source>
        <translation>点击一行，在图谱上显示该环节</translation>
    </message>
    <message>
        <source>Chokepoint</source>
        <translation>卡点</translation>
    </message>
    <message>
        <source>Sinks held</source>
        <translation>制约的终端环节</translation>
    </message>
    <message>
        <source>Why to tackle</source>
        <translation>攻关理由</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Coverage after</source>
        <translation>补链后覆盖率</translation>
    </message>
    <message>
        <source>More sinks</source>
        <translation>新增终端环节</translation>
    </message>
    <message>
        <source>Analysing the chain…</source>
        <translation>正在分析产业链…</translation>
    </message>
    <message>
        <source>The chain analysis failed ({error}); the lists show nothing.</source>
        <translation>产业链分析失败（{error}）；列表为空。</translation>
    </message>
    <message>
        <source>{sources} sources · {sinks} sinks · {chokepoints} chokepoints · {name}: {share:.1%} of the sinks covered · worked out in {seconds:.2f} s</source>
        <translation>{sources} 个源头环节 · {sinks} 个终端环节 · {chokepoints} 个卡点 · {name}：覆盖 {share:.1%} 的终端环节 · 用时 {seconds:.2f} 秒</translation>
    </message>
    <message>
        <source>Chokepoints ({n})</source>
        <translation>卡点（{n}）</translation>
    </message>
    <message>
        <source>Fill gains: {region} ({n})</source>
        <translation>补链增益：{region}（{n}）</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Coverage of the chain&apos;s sinks</source>
        <translation>终端环节覆盖率</translation>
    </message>
    <message>
        <source>{region}: {share:.1%}, {covered} of {sinks} sinks reached through segments it is strong or present in</source>
        <translation>{region}：{share:.1%}，经由其优势或有基础的环节可达 {sinks} 个终端环节中的 {covered} 个</translation>
    </message>
    <message>
        <source>Click a bar to list that region&apos;s fill gains</source>
        <translation>点击柱条，列出该地区的补链增益</translation>
    </message>
</context>
<context>
    <name>ChoiceDialog</name>
    <message>
        <source>… ({count} more)</source>
        <translation>…（另有 {count} 项）</translation>
    </message>
</context>
<context>
    <name>DiskMerge</name>
    <message>
        <source>yours</source>
        <translation>你的版本</translation>
    </message>
    <message>
        <source>on disk</source>
        <translation>磁盘上的版本</translation>
    </message>
    <message>
        <source>Merged the changes made on disk to {name}: %n conflict(s) to resolve in the Conflicts panel, then save.</source>
        <translation>已合并磁盘上对 {name} 的修改：请在“冲突”面板处理 %n 个冲突，然后保存。</translation>
    </message>
    <message>
        <source>Merged the changes made on disk to {name}; nothing conflicted. Save to keep both.</source>
        <translation>已合并磁盘上对 {name} 的修改，没有冲突。保存即可保留双方的修改。</translation>
    </message>
</context>
<context>
    <name>ExternalChanges</name>
    <message>
        <source>Map changed on disk</source>
        <translation>磁盘上的图谱已改变</translation>
    </message>
    <message>
        <source>{name} was changed on disk by another program.</source>
        <translation>{name} 已被其他程序在磁盘上修改。</translation>
    </message>
    <message>
        <source>You have no unsaved changes. Reload it to see the new version:</source>
        <translation>您没有未保存的修改。重新载入即可看到新版本：</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Keep This Version</source>
        <translation>保留此版本</translation>
    </message>
    <message>
        <source>Always reload maps changed on disk when I have no unsaved changes</source>
        <translation>没有未保存的修改时，总是重新载入磁盘上已改变的图谱</translation>
    </message>
    <message>
        <source>The file on disk cannot be read as a map, so it cannot be merged: {problem}</source>
        <translation>磁盘上的文件无法作为图谱读取，因此无法合并：{problem}</translation>
    </message>
    <message>
        <source>You have unsaved changes. Merge their changes into yours (what both changed becomes a conflict to resolve), overwrite their version with yours, or save yours under another name. They changed:</source>
        <translation>您有未保存的修改。可以将对方的修改合并到您的版本（双方都改过的地方成为待处理的冲突），用您的版本覆盖对方的版本，或将您的版本另存为其他文件。对方修改了：</translation>
    </message>
    <message>
        <source>Merge Their Changes</source>
        <translation>合并对方的修改</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Decide Later</source>
        <translation>稍后决定</translation>
    </message>
    <message>
        <source>{name} was changed on disk since you opened or saved it.</source>
        <translation>自您打开或保存以来，{name} 已在磁盘上被修改。</translation>
    </message>
    <message>
        <source>Map file missing</source>
        <translation>图谱文件不见了</translation>
    </message>
    <message>
        <source>{name} is no longer in {folder}: it was deleted or renamed.</source>
        <translation>{name} 已不在 {folder} 中：它已被删除或重命名。</translation>
    </message>
    <message>
        <source>Save it there again, or save it under another name?</source>
        <translation>要在原位置重新保存，还是另存为其他文件？</translation>
    </message>
    <message>
        <source>Save Again There</source>
        <translation>在原位置重新保存</translation>
    </message>
    <message>
        <source>{name} was deleted or renamed on disk.</source>
        <translation>{name} 已在磁盘上被删除或重命名。</translation>
    </message>
    <message>
        <source>Your map is still open here; Save writes it there again, Save As writes it under another name.</source>
        <translation>您的图谱仍在此打开；“保存”会在原位置重新写入，“另存为”会写入其他文件。</translation>
    </message>
    <message>
        <source>{path} was deleted or renamed on disk; Save writes it there again.</source>
        <translation>{path} 已在磁盘上被删除或重命名；“保存”会在原位置重新写入。</translation>
    </message>
    <message>
        <source>{name} is back on disk.</source>
        <translation>{name} 已重新出现在磁盘上。</translation>
    </message>
    <message>
        <source>Kept your version of {name}; saving will ask before overwriting theirs.</source>
        <translation>已保留您的 {name} 版本；保存时会在覆盖对方版本前询问。</translation>
    </message>
    <message>
        <source>Reloaded {name}: it was changed on disk.</source>
        <translation>已重新载入 {name}：它已在磁盘上被修改。</translation>
    </message>
    <message>
        <source>{name}: their changes could not be merged: {problem}</source>
        <translation>{name}：无法合并对方的修改：{problem}</translation>
    </message>
    <message>
        <source>Merge changes made on disk</source>
        <translation>合并磁盘上的修改</translation>
    </message>
</context>
<context>
    <name>FileLock</name>
    <message>
        <source>someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <source>{user} on host {host} (process {pid}, {app})</source>
        <translation>主机 {host} 上的 {user}（进程 {pid}，{app}）</translation>
    </message>
    <message>
        <source>another editor</source>
        <translation>另一个编辑器</translation>
    </message>
    <message>
        <source>Map already open</source>
        <translation>图谱已被打开</translation>
    </message>
    <message>
        <source>{name} is open in another editor: {who}.</source>
        <translation>{name} 正在另一个编辑器中打开：{who}。</translation>
    </message>
    <message>
        <source>Two editors saving one file undo each other&apos;s work. Open it read-only to look (Save As keeps a copy), or open it anyway if that editor is no longer in use.</source>
        <translation>两个编辑器保存同一个文件会互相抵消对方的工作。可以只读打开查看（“另存为”可保存一份副本）；如果那个编辑器已不再使用，也可以照常打开。</translation>
    </message>
    <message>
        <source>Open Read-Only</source>
        <translation>只读打开</translation>
    </message>
    <message>
        <source>Open Anyway</source>
        <translation>仍然打开</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{name}: no lock could be written beside it (is the folder read-only?); another editor opening it will not be warned.</source>
        <translation>{name}：无法在其旁边写入锁文件（文件夹是只读的吗？）；其他编辑器打开它时将不会收到提醒。</translation>
    </message>
    <message>
        <source>{name} is also open in another window of this editor.</source>
        <translation>{name} 也在本编辑器的另一个窗口中打开。</translation>
    </message>
</context>
<context>
    <name>FilterDock</name>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Hide what the filter leaves out (instead of fading it)</source>
        <translation>隐藏被筛掉的内容（而不是淡化）</translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>现状</translation>
    </message>
    <message>
        <source>Plan action</source>
        <translation>计划行动</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Enterprise mark</source>
        <translation>企业标记</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>The filter in force; click to clear it</source>
        <translation>当前生效的筛选；点击清除</translation>
    </message>
    <message>
        <source>Any region</source>
        <translation>任意地区</translation>
    </message>
    <message>
        <source>No filter: every segment shows.</source>
        <translation>未筛选：显示全部环节。</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>faded</source>
        <translation>淡化</translation>
    </message>
    <message>
        <source>{kept} of {total} segments kept; the rest {how}.</source>
        <translation>保留 {total} 个环节中的 {kept} 个；其余已{how}。</translation>
    </message>
    <message>
        <source>Filter: {words} — {kept}/{total}  ✕</source>
        <translation>筛选：{words} — {kept}/{total}  ✕</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>alias</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>credit code</source>
        <translation>信用代码</translation>
    </message>
    <message>
        <source>description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Find: name, alias, pinyin (dldc), tag, enterprise, credit code</source>
        <translation>查找：名称、别名、拼音（dldc）、标签、企业、信用代码</translation>
    </message>
    <message>
        <source>Previous hit (Shift+F3)</source>
        <translation>上一个（Shift+F3）</translation>
    </message>
    <message>
        <source>Next hit (Enter, F3)</source>
        <translation>下一个（Enter、F3）</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>{name}  ·  {field}: {text}</source>
        <translation>{name}  ·  {field}：{text}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{current} / {count}</source>
        <translation>{current} / {count}</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language applies when you restart chainmap.</source>
        <translation>新的语言将在重新启动 chainmap 后生效。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the map fitted to one page, or as a poster over several pages</source>
        <translation>将图谱缩放到一页打印，或分多页打印为海报</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import a workbook, CSV, GraphML, GEXF or Cytoscape file, as a new map or into this one</source>
        <translation>导入工作簿、CSV、GraphML、GEXF 或 Cytoscape 文件，作为新图谱或导入到本图谱</translation>
    </message>
    <message>
        <source> [read-only]</source>
        <translation> [只读]</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Fit to one page</source>
        <translation>缩放到一页</translation>
    </message>
    <message>
        <source>Poster (tiled over pages)</source>
        <translation>海报（分多页拼贴）</translation>
    </message>
    <message>
        <source>Scale 1: segment names print at 10 pt</source>
        <translation>比例 1：环节名称印为 10 磅</translation>
    </message>
    <message>
        <source> Scale: </source>
        <translation> 比例：</translation>
    </message>
    <message>
        <source>Pages: {count}</source>
        <translation>页数：{count}</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find segments by name, alias, pinyin, tag, enterprise or credit code</source>
        <translation>按名称、别名、拼音、标签、企业或信用代码查找环节</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Go to the next hit</source>
        <translation>转到下一个结果</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <source>Go to the previous hit</source>
        <translation>转到上一个结果</translation>
    </message>
    <message>
        <source>Trace &amp;Upstream</source>
        <translation>上游追溯(&amp;U)</translation>
    </message>
    <message>
        <source>Show what the selected segment depends on; the rest fades</source>
        <translation>显示所选环节依赖的环节；其余淡化</translation>
    </message>
    <message>
        <source>Trace &amp;Downstream</source>
        <translation>下游追溯(&amp;D)</translation>
    </message>
    <message>
        <source>Show what depends on the selected segment; the rest fades</source>
        <translation>显示依赖所选环节的环节；其余淡化</translation>
    </message>
    <message>
        <source>&amp;Clear Trace</source>
        <translation>清除追溯(&amp;C)</translation>
    </message>
    <message>
        <source>Show the whole map again (Esc)</source>
        <translation>重新显示整张图谱（Esc）</translation>
    </message>
    <message>
        <source>Spreadsheets and graphs ({suffixes});;All files (*)</source>
        <translation>电子表格和图文件 ({suffixes});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import as a new map, or into the open map (rows update the items with their ids; one Undo takes the import back)?</source>
        <translation>作为新图谱导入，还是导入到当前打开的图谱（各行按 id 更新对应条目；撤销一次即可取消导入）？</translation>
    </message>
    <message>
        <source>Into the Open Map</source>
        <translation>导入当前图谱</translation>
    </message>
    <message>
        <source>As a New Map</source>
        <translation>作为新图谱</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <source>Problems found: {count}; nothing was changed.</source>
        <translation>发现 {count} 个问题；未做任何修改。</translation>
    </message>
    <message>
        <source>Import {names}</source>
        <translation>导入 {names}</translation>
    </message>
    <message>
        <source>Imported {names}: {summary}</source>
        <translation>已导入 {names}：{summary}</translation>
    </message>
    <message>
        <source>Imported {names}: {summary} (%n warning(s); the first: {first})</source>
        <translation>已导入 {names}：{summary}（%n 条警告；第一条：{first}）</translation>
    </message>
</context>
<context>
    <name>MapCanvas</name>
    <message>
        <source>No link leads downstream from {name}.</source>
        <translation>没有从 {name} 通往下游的链接。</translation>
    </message>
    <message>
        <source>No link leads upstream to {name}.</source>
        <translation>没有从上游通往 {name} 的链接。</translation>
    </message>
    <message>
        <source>Nothing above {name} in its column.</source>
        <translation>{name} 所在列的上方没有内容。</translation>
    </message>
    <message>
        <source>Nothing below {name} in its column.</source>
        <translation>{name} 所在列的下方没有内容。</translation>
    </message>
    <message>
        <source>No other segment to go to from {name}.</source>
        <translation>从 {name} 无法前往其他环节。</translation>
    </message>
</context>
<context>
    <name>MapRender</name>
    <message>
        <source>Chokepoint: on every path from the chain&apos;s sources to some of its sinks</source>
        <translation>卡点：位于从源头环节到部分终端环节的每条路径上</translation>
    </message>
</context>
<context>
    <name>NavigatorDock</name>
    <message>
        <source>Navigator</source>
        <translation>导航</translation>
    </message>
</context>
<context>
    <name>Placement</name>
    <message>
        <source>Place %n segment(s) that had no position</source>
        <translation>放置 %n 个没有位置的环节</translation>
    </message>
    <message>
        <source>Placed %n segment(s) that had no position; the file changes only when you save.</source>
        <translation>已放置 %n 个没有位置的环节；保存后文件才会改变。</translation>
    </message>
</context>
<context>
    <name>Provenance</name>
    <message>
        <source>This map is not the result of a merge (it has no meta.merged_from).</source>
        <translation>此图谱不是合并的结果（没有 meta.merged_from）。</translation>
    </message>
    <message>
        <source>meta.merged_from names no files, so the copies cannot be read.</source>
        <translation>meta.merged_from 没有列出文件，因此无法读取副本。</translation>
    </message>
    <message>
        <source>The copies it was merged from cannot be found: the map has no file yet. Provenance is known for a merge made here, until the window opens another map.</source>
        <translation>找不到合并来源的副本：此图谱还没有文件。在本窗口完成的合并，在打开其他图谱之前都可以查看来源。</translation>
    </message>
    <message>
        <source>The copies it was merged from ({files}) are not beside it in {folder}.</source>
        <translation>合并来源的副本（{files}）不在 {folder} 中它的旁边。</translation>
    </message>
    <message>
        <source>Not found beside the map: {files}.</source>
        <translation>未在图谱旁边找到：{files}。</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>It was never saved. Restore it to keep working on it.</source>
        <translation>它从未保存过。恢复后即可继续编辑。</translation>
    </message>
    <message>
        <source>Its file {path} is gone; restoring opens the copy as a new map.</source>
        <translation>它的文件 {path} 已不存在；恢复会将副本作为新图谱打开。</translation>
    </message>
    <message>
        <source>Autosaved at {written}. What it has over the file on disk ({path}):</source>
        <translation>自动保存于 {written}。它相对于磁盘上的文件（{path}）多出的内容：</translation>
    </message>
    <message>
        <source>Recover unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <source>chainmap closed unexpectedly while {name} had unsaved changes.</source>
        <translation>chainmap 意外关闭，当时 {name} 有未保存的修改。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Decide Later</source>
        <translation>稍后决定</translation>
    </message>
    <message>
        <source>An autosaved copy could not be read and was left in {folder}: {problem}</source>
        <translation>有一份自动保存的副本无法读取，已留在 {folder} 中：{problem}</translation>
    </message>
    <message>
        <source>The autosaved copy is of another map than {name}; it was not restored.</source>
        <translation>这份自动保存的副本属于 {name} 以外的图谱；未恢复。</translation>
    </message>
    <message>
        <source>Restore unsaved changes</source>
        <translation>恢复未保存的修改</translation>
    </message>
    <message>
        <source>Restored your unsaved changes to {name}; save to keep them.</source>
        <translation>已恢复您对 {name} 的未保存修改；请保存以保留它们。</translation>
    </message>
    <message>
        <source>Restored {title}; its file {path} is gone: use Save As to keep it.</source>
        <translation>已恢复 {title}；它的文件 {path} 已不存在：请用“另存为”保存。</translation>
    </message>
    <message>
        <source>Restored {title}; use Save As to keep it.</source>
        <translation>已恢复 {title}；请用“另存为”保存。</translation>
    </message>
</context>
<context>
    <name>SafetyMenu</name>
    <message>
        <source>&amp;Off</source>
        <translation>关闭(&amp;O)</translation>
    </message>
    <message>
        <source>Every {n} seconds</source>
        <translation>每 {n} 秒</translation>
    </message>
    <message>
        <source>Every minute</source>
        <translation>每分钟</translation>
    </message>
    <message>
        <source>Every {n} minutes</source>
        <translation>每 {n} 分钟</translation>
    </message>
    <message>
        <source>A&amp;utosave</source>
        <translation>自动保存(&amp;U)</translation>
    </message>
    <message>
        <source>Reload Changed Maps &amp;Without Asking</source>
        <translation>不经询问重新载入已改变的图谱(&amp;W)</translation>
    </message>
    <message>
        <source>When the open map is changed on disk and you have no unsaved changes, reload it without asking</source>
        <translation>打开的图谱在磁盘上被修改且您没有未保存的修改时，不经询问直接重新载入</translation>
    </message>
    <message>
        <source>Unsaved work is now autosaved every {n} s to the recovery folder.</source>
        <translation>未保存的工作现在每 {n} 秒自动保存到恢复文件夹。</translation>
    </message>
    <message>
        <source>Autosave is off: unsaved work is lost if chainmap stops unexpectedly.</source>
        <translation>自动保存已关闭：如果 chainmap 意外停止，未保存的工作将丢失。</translation>
    </message>
</context>
<context>
    <name>Trace</name>
    <message>
        <source>Select a segment first: a trace follows the links from one segment.</source>
        <translation>请先选择一个环节：追溯从一个环节出发沿链接进行。</translation>
    </message>
    <message>
        <source>Upstream of {name}: {count} segments — Esc clears</source>
        <translation>{name} 的上游：{count} 个环节 — 按 Esc 清除</translation>
    </message>
    <message>
        <source>Downstream of {name}: {count} segments — Esc clears</source>
        <translation>{name} 的下游：{count} 个环节 — 按 Esc 清除</translation>
    </message>
</context>
<context>
    <name>charts</name>
    <message>
        <source>Regional</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Segments by status</source>
        <translation>环节现状</translation>
    </message>
    <message>
        <source>Gaps to fill by tier</source>
        <translation>各层级待补环节</translation>
    </message>
    <message>
        <source>Gaps to fill: {gaps} · Regional complements: {supplies} · Regional gaps (joint investment targets): {joint}</source>
        <translation>缺口：{gaps} · 区域互补：{supplies} · 共同缺口（联合招商目标）：{joint}</translation>
    </message>
    <message>
        <source>{tier} · {region}: {count} to fill</source>
        <translation>{tier} · {region}：{count} 个缺口</translation>
    </message>
    <message>
        <source>Click a bar to show that region&apos;s view</source>
        <translation>点击柱条，显示该地区的视图</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>Merge {drop} into {keep}</source>
        <translation>将 {drop} 合并到 {keep}</translation>
    </message>
    <message>
        <source>Drop moot conflicts</source>
        <translation>移除已无意义的冲突</translation>
    </message>
    <message>
        <source>Edit map</source>
        <translation>编辑图谱</translation>
    </message>
    <message>
        <source>Paste {count} items</source>
        <translation>粘贴 {count} 项</translation>
    </message>
    <message>
        <source>A link cannot go from segment &apos;{name}&apos; to itself.</source>
        <translation>链接不能从环节“{name}”指向它自身。</translation>
    </message>
    <message>
        <source>There is already a link {source} → {target}.</source>
        <translation>已有链接 {source} → {target}。</translation>
    </message>
    <message>
        <source>Place new segments</source>
        <translation>放置新环节</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>自动布局</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>编辑注释</translation>
    </message>
    <message>
        <source>Rename {name}</source>
        <translation>重命名 {name}</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>编辑 {name}</translation>
    </message>
    <message>
        <source>Move {name}</source>
        <translation>移动 {name}</translation>
    </message>
    <message>
        <source>Move {count} items</source>
        <translation>移动 {count} 项</translation>
    </message>
    <message>
        <source>Add {name}</source>
        <translation>添加 {name}</translation>
    </message>
    <message>
        <source>Link {source} → {target}</source>
        <translation>链接 {source} → {target}</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加注释</translation>
    </message>
    <message>
        <source>Delete {name}</source>
        <translation>删除 {name}</translation>
    </message>
    <message>
        <source>Delete link {source} → {target}</source>
        <translation>删除链接 {source} → {target}</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>删除注释</translation>
    </message>
    <message>
        <source>Delete {count} items</source>
        <translation>删除 {count} 项</translation>
    </message>
    <message>
        <source>Add region {name}</source>
        <translation>添加地区 {name}</translation>
    </message>
    <message>
        <source>Remove region {name}</source>
        <translation>删除地区 {name}</translation>
    </message>
    <message>
        <source>Add tier {name}</source>
        <translation>添加层级 {name}</translation>
    </message>
    <message>
        <source>Remove tier {name}</source>
        <translation>删除层级 {name}</translation>
    </message>
    <message>
        <source>Move tier {name}</source>
        <translation>移动层级 {name}</translation>
    </message>
    <message>
        <source>Resolve conflict</source>
        <translation>处理冲突</translation>
    </message>
    <message>
        <source>Select two segments to link them.</source>
        <translation>请选择两个环节来连接它们。</translation>
    </message>
    <message>
        <source>The layout would not move anything.</source>
        <translation>自动布局不会移动任何内容。</translation>
    </message>
    <message>
        <source>Select segments or notes to copy.</source>
        <translation>请选择要复制的环节或注释。</translation>
    </message>
    <message>
        <source>Copied {count} item(s).</source>
        <translation>已复制 {count} 项。</translation>
    </message>
    <message>
        <source>Cut {count} item(s)</source>
        <translation>剪切 {count} 项</translation>
    </message>
    <message>
        <source>Nothing to paste.</source>
        <translation>没有可粘贴的内容。</translation>
    </message>
    <message>
        <source>Select segments or notes to duplicate.</source>
        <translation>请选择要创建副本的环节或注释。</translation>
    </message>
    <message>
        <source>Duplicate {count} item(s)</source>
        <translation>创建 {count} 项的副本</translation>
    </message>
    <message>
        <source>Paste {count} segment(s)</source>
        <translation>粘贴 {count} 个环节</translation>
    </message>
    <message>
        <source>Chain maps (*.chainmap.json *.json);;All files (*)</source>
        <translation>产业链图谱 (*.chainmap.json *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>New map</source>
        <translation>新建图谱</translation>
    </message>
    <message>
        <source>Blank map (three regions, upstream / midstream / downstream)</source>
        <translation>空白图谱（三地，上游 / 中游 / 下游）</translation>
    </message>
    <message>
        <source>Template: {label}</source>
        <translation>模板：{label}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Save the changes to {name}?</source>
        <translation>保存对 {name} 的修改吗？</translation>
    </message>
    <message>
        <source>Your changes are lost if you don&apos;t save them.</source>
        <translation>如果不保存，您的修改将丢失。</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Discard your changes and reload {name} from disk?</source>
        <translation>放弃修改并从磁盘重新载入 {name} 吗？</translation>
    </message>
    <message>
        <source>Open map</source>
        <translation>打开图谱</translation>
    </message>
    <message>
        <source>Save map as</source>
        <translation>图谱另存为</translation>
    </message>
    <message>
        <source>Cannot open map</source>
        <translation>无法打开图谱</translation>
    </message>
    <message>
        <source>{name} was written by a newer chainmap (format version {version}).</source>
        <translation>{name} 由更新版本的 chainmap 写入（格式版本 {version}）。</translation>
    </message>
    <message>
        <source>Install a newer chainmap to open it. Nothing was changed.</source>
        <translation>请安装更新版本的 chainmap 来打开它。未作任何修改。</translation>
    </message>
    <message>
        <source>{name} is not a valid chain map ({count} problem(s)).</source>
        <translation>{name} 不是有效的产业链图谱（{count} 个问题）。</translation>
    </message>
    <message>
        <source>Cannot save map</source>
        <translation>无法保存图谱</translation>
    </message>
    <message>
        <source>New map: {title}</source>
        <translation>新建图谱：{title}</translation>
    </message>
    <message>
        <source>Opened with {count} warning(s): {message}</source>
        <translation>已打开，有 {count} 条警告：{message}</translation>
    </message>
    <message>
        <source> (and {more} more; see &apos;chainmap validate&apos;)</source>
        <translation>（另有 {more} 条；请运行“chainmap validate”查看）</translation>
    </message>
    <message>
        <source>Opened {name} read-only: another editor has it open. Save As keeps a copy.</source>
        <translation>已以只读方式打开 {name}：另一个编辑器正在编辑它。“另存为”可保存一份副本。</translation>
    </message>
    <message>
        <source>Opened {name}</source>
        <translation>已打开 {name}</translation>
    </message>
    <message>
        <source>{path} no longer exists; removed from the recent files.</source>
        <translation>{path} 已不存在，已从最近文件中移除。</translation>
    </message>
    <message>
        <source>another editor</source>
        <translation>另一个编辑器</translation>
    </message>
    <message>
        <source>The map was not saved: {name} is open in another editor ({who}); choose another name.</source>
        <translation>图谱未保存：{name} 正在另一个编辑器中打开（{who}）；请换一个文件名。</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>已保存 {name}</translation>
    </message>
    <message>
        <source>{name} is open read-only: save your version under another name.</source>
        <translation>{name} 以只读方式打开：请用另一个文件名保存您的版本。</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>New map, blank or from a chain&apos;s template</source>
        <translation>新建图谱：空白或使用产业链模板</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a map file</source>
        <translation>打开图谱文件</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the map</source>
        <translation>保存图谱</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the map as a PNG picture, or an SVG or PDF with text kept as text</source>
        <translation>将图谱导出为 PNG 图片，或保留文字的 SVG、PDF</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>还原(&amp;R)</translation>
    </message>
    <message>
        <source>Reload the map from disk, discarding changes</source>
        <translation>从磁盘重新载入图谱，放弃修改</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>重命名(&amp;N)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size (100 %)</source>
        <translation>实际大小（100%）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>适合窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Show the whole map</source>
        <translation>显示整张图谱</translation>
    </message>
    <message>
        <source>Zoom to &amp;Selection</source>
        <translation>缩放到所选(&amp;S)</translation>
    </message>
    <message>
        <source>Fold / Unfold Sub-segments</source>
        <translation>折叠 / 展开子环节</translation>
    </message>
    <message>
        <source>&amp;Segment</source>
        <translation>环节(&amp;S)</translation>
    </message>
    <message>
        <source>Add a segment in the tier at the view&apos;s centre</source>
        <translation>在视图中心所在层级添加环节</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>注释(&amp;N)</translation>
    </message>
    <message>
        <source>Add a note, next to the selected segment</source>
        <translation>在所选环节旁添加注释</translation>
    </message>
    <message>
        <source>&amp;Link Selected Segments</source>
        <translation>链接所选环节(&amp;L)</translation>
    </message>
    <message>
        <source>Link the two selected segments (upstream first); or drag from a segment&apos;s edge</source>
        <translation>链接所选的两个环节（先选上游）；也可从环节边缘拖出链接</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>自动布局(&amp;L)</translation>
    </message>
    <message>
        <source>Lay the whole map out (one undo step)</source>
        <translation>对整张图谱自动布局（一步撤销）</translation>
    </message>
    <message>
        <source>&amp;Place New Segments Automatically</source>
        <translation>自动放置新环节(&amp;P)</translation>
    </message>
    <message>
        <source>Map &amp;Properties…</source>
        <translation>图谱属性(&amp;P)…</translation>
    </message>
    <message>
        <source>Title, chain, lead, regions and tiers</source>
        <translation>标题、产业链、链长、地区和层级</translation>
    </message>
    <message>
        <source>&amp;About chainmap</source>
        <translation>关于 chainmap(&amp;A)</translation>
    </message>
    <message>
        <source>Add Segment</source>
        <translation>添加环节</translation>
    </message>
    <message>
        <source>Add Note</source>
        <translation>添加注释</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Region View</source>
        <translation>地区视图(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>插入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>图谱(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source> Region view: </source>
        <translation> 地区视图：</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;已打开&gt;</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部地区</translation>
    </message>
    <message>
        <source>Removed {count} missing file(s) from the recent files.</source>
        <translation>已从最近文件中移除 {count} 个不存在的文件。</translation>
    </message>
    <message>
        <source>Clear Menu</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>About chainmap</source>
        <translation>关于 chainmap</translation>
    </message>
    <message>
        <source>&lt;b&gt;chainmap {version}&lt;/b&gt;&lt;br&gt;Draw, annotate and merge industry-chain maps for the Beijing–Tianjin–Hebei region.</source>
        <translation>&lt;b&gt;chainmap {version}&lt;/b&gt;&lt;br&gt;绘制、标注与合并京津冀产业链图谱。</translation>
    </message>
</context>
<context>
    <name>compare</name>
    <message>
        <source>Removed: {name}</source>
        <translation>已删除：{name}</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>No comparison. Use View &gt; Compare with…</source>
        <translation>没有对比。请使用“视图 &gt; 对比…”</translation>
    </message>
    <message>
        <source>Clear comparison</source>
        <translation>清除对比</translation>
    </message>
    <message>
        <source>From {other} to this map: {added} added, {removed} removed, {changed} changed ({n} differences)</source>
        <translation>从 {other} 到本图谱：新增 {added}，删除 {removed}，修改 {changed}（共 {n} 处差异）</translation>
    </message>
</context>
<context>
    <name>conflicts</name>
    <message>
        <source>note {text}</source>
        <translation>注释 {text}</translation>
    </message>
    <message>
        <source>map</source>
        <translation>图谱</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Or type a value…</source>
        <translation>或输入一个值…</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Find similar segments</source>
        <translation>查找相似环节</translation>
    </message>
    <message>
        <source>Near matches (merge these segments?)</source>
        <translation>相似环节（是否合并？）</translation>
    </message>
    <message>
        <source>%n conflict(s) left to decide</source>
        <translation>还有 %n 个冲突待处理</translation>
    </message>
    <message>
        <source>No conflicts left to decide.</source>
        <translation>没有待处理的冲突。</translation>
    </message>
    <message>
        <source>{source} (unchanged)</source>
        <translation>{source}（未修改）</translation>
    </message>
    <message>
        <source>{source} (changed it)</source>
        <translation>{source}（已修改）</translation>
    </message>
    <message>
        <source>kept by {sources}</source>
        <translation>由 {sources} 保留</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>deleted by {sources}</source>
        <translation>由 {sources} 删除</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Merge these segments into {name}</source>
        <translation>将这些环节合并到 {name}</translation>
    </message>
    <message>
        <source>They are different segments</source>
        <translation>它们是不同的环节</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>都保留</translation>
    </message>
    <message>
        <source> (now)</source>
        <translation>（当前）</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>采用</translation>
    </message>
    <message>
        <source>base</source>
        <translation>基准版本</translation>
    </message>
    <message>
        <source>Resolve {about}</source>
        <translation>处理 {about}</translation>
    </message>
    <message>
        <source>This value cannot be used here ({reason}).</source>
        <translation>此处不能使用这个值（{reason}）。</translation>
    </message>
    <message>
        <source>%n pair(s) of similar segments found.</source>
        <translation>找到 %n 对相似环节。</translation>
    </message>
    <message>
        <source>Merge, keep {name}</source>
        <translation>合并，保留 {name}</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>PNG picture</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <source>SVG vector drawing</source>
        <translation>SVG 矢量图</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部地区</translation>
    </message>
    <message>
        <source>Include the legend</source>
        <translation>显示图例</translation>
    </message>
    <message>
        <source>Transparent (PNG)</source>
        <translation>透明（PNG）</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>背景</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>An SVG has no resolution: its size follows the scale.</source>
        <translation>SVG 没有分辨率：其尺寸随缩放比例而定。</translation>
    </message>
    <message>
        <source>Page {w:.0f} × {h:.0f} mm ({wi:.1f} × {hi:.1f} in)</source>
        <translation>页面 {w:.0f} × {h:.0f} 毫米（{wi:.1f} × {hi:.1f} 英寸）</translation>
    </message>
    <message>
        <source>{w} × {h} px (text kept as text)</source>
        <translation>{w} × {h} 像素（文字保留为文字）</translation>
    </message>
    <message>
        <source>{w} × {h} px, {mp:.1f} MP</source>
        <translation>{w} × {h} 像素，{mp:.1f} 百万像素</translation>
    </message>
    <message>
        <source>Too big: {w} × {h} px is beyond the about {limit:.0f} MP chainmap can paint. Use a smaller scale or resolution, or SVG or PDF.</source>
        <translation>无法导出，图片过大：{w} × {h} 像素超出 chainmap 能绘制的约 {limit:.0f} 百万像素。请减小缩放比例或分辨率，或改用 SVG 或 PDF。</translation>
    </message>
    <message>
        <source>Too big: a page of {w:.0f} × {h:.0f} in is larger than PDF allows (200 in a side). Use a smaller scale.</source>
        <translation>无法导出，页面过大：{w:.0f} × {h:.0f} 英寸的页面超出 PDF 的上限（每边 200 英寸）。请减小缩放比例。</translation>
    </message>
    <message>
        <source>{w} × {h} px would not fit in memory: the PNG will be scaled down to scale {scale:.3g}.</source>
        <translation>{w} × {h} 像素超出内存容量：PNG 将缩小到比例 {scale:.3g}。</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Background colour</source>
        <translation>背景颜色</translation>
    </message>
    <message>
        <source>{name} exists already. Replace it?</source>
        <translation>{name} 已存在。要替换它吗？</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Give the file to export to.</source>
        <translation>请指定要导出到的文件。</translation>
    </message>
    <message>
        <source>{path}: the folder {folder} does not exist; nothing was written.</source>
        <translation>{path}：文件夹 {folder} 不存在；未写入任何内容。</translation>
    </message>
    <message>
        <source>Exported {name}, {w:.0f} × {h:.0f} mm</source>
        <translation>已导出 {name}，{w:.0f} × {h:.0f} 毫米</translation>
    </message>
    <message>
        <source>Exported {name}, {w} × {h} px</source>
        <translation>已导出 {name}，{w} × {h} 像素</translation>
    </message>
    <message>
        <source> (scaled down to fit in memory)</source>
        <translation>（已缩小以适应内存）</translation>
    </message>
    <message>
        <source>PowerPoint slides</source>
        <translation>PowerPoint 幻灯片</translation>
    </message>
    <message>
        <source>Title, the whole map, each region&apos;s gaps view, the three lists as tables</source>
        <translation>标题、整张图谱、各地区的缺口视图、以表格列出的三张清单</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>Segments, links, enterprises, notes and the three lists; File ▸ Import reads it back</source>
        <translation>环节、链接、企业、注释和三张清单；可用“文件 ▸ 导入”读回</translation>
    </message>
    <message>
        <source>GraphML graph</source>
        <translation>GraphML 图</translation>
    </message>
    <message>
        <source>Every field as typed data, for networkx, yEd and Cytoscape</source>
        <translation>每个字段都作为带类型的数据，供 networkx、yEd 和 Cytoscape 使用</translation>
    </message>
    <message>
        <source>GEXF graph (Gephi)</source>
        <translation>GEXF 图（Gephi）</translation>
    </message>
    <message>
        <source>Positions, colours and sizes for Gephi</source>
        <translation>带位置、颜色和大小，供 Gephi 使用</translation>
    </message>
    <message>
        <source>Cytoscape.js JSON</source>
        <translation>Cytoscape.js JSON</translation>
    </message>
    <message>
        <source>Nodes and edges with positions, for Cytoscape</source>
        <translation>带位置的节点和边，供 Cytoscape 使用</translation>
    </message>
    <message>
        <source>Graphviz DOT</source>
        <translation>Graphviz DOT</translation>
    </message>
    <message>
        <source>One cluster per tier, for dot</source>
        <translation>每个层级一个簇，供 dot 使用</translation>
    </message>
    <message>
        <source>Mermaid diagram</source>
        <translation>Mermaid 图</translation>
    </message>
    <message>
        <source>A flowchart for wikis and Markdown</source>
        <translation>供 Wiki 和 Markdown 使用的流程图</translation>
    </message>
    <message>
        <source>{path}: {reason}; nothing was written.</source>
        <translation>{path}：{reason}；未写入任何内容。</translation>
    </message>
    <message>
        <source>Exported {name} ({label}); %n warning(s), the first: {first}</source>
        <translation>已导出 {name}（{label}）；%n 条警告，第一条：{first}</translation>
    </message>
    <message>
        <source>Exported {name} ({label})</source>
        <translation>已导出 {name}（{label}）</translation>
    </message>
</context>
<context>
    <name>gaps</name>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>现状</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>行动</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Target firms</source>
        <translation>目标企业</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>缺口</translation>
    </message>
    <message>
        <source>Click to show this segment on the map</source>
        <translation>点击在图谱上显示该环节</translation>
    </message>
    <message>
        <source>Gaps to fill ({n})</source>
        <translation>缺口（{n}）</translation>
    </message>
    <message>
        <source>— no plan</source>
        <translation>— 无计划</translation>
    </message>
    <message>
        <source>Regional complements ({n})</source>
        <translation>区域互补（{n}）</translation>
    </message>
    <message>
        <source>Regional gaps: joint investment targets ({n})</source>
        <translation>共同缺口：联合招商目标（{n}）</translation>
    </message>
    <message>
        <source>Not assessed ({n})</source>
        <translation>未评估（{n}）</translation>
    </message>
</context>
<context>
    <name>inspector</name>
    <message>
        <source>The edit was refused.</source>
        <translation>此修改被拒绝。</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>USCC</source>
        <translation>信用代码</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Separate marks with commas. Known marks:
{known}
Other words are kept as custom marks.</source>
        <translation>标记之间用逗号分隔。已知标记：
{known}
其他词语作为自定义标记保留。</translation>
    </message>
    <message>
        <source>Add enterprise</source>
        <translation>添加企业</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Unified social credit code (USCC), 18 characters</source>
        <translation>统一社会信用代码，18 位</translation>
    </message>
    <message>
        <source>New enterprise</source>
        <translation>新企业</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Edit flows of {link}</source>
        <translation>编辑 {link} 的跨区域协作</translation>
    </message>
    <message>
        <source>Add flow to {link}</source>
        <translation>为 {link} 添加跨区域协作</translation>
    </message>
    <message>
        <source>Remove flow from {link}</source>
        <translation>删除 {link} 的跨区域协作</translation>
    </message>
    <message>
        <source>e.g. battery cells</source>
        <translation>例如：电芯</translation>
    </message>
    <message>
        <source>Add flow</source>
        <translation>添加流向</translation>
    </message>
    <message>
        <source>Upstream → downstream</source>
        <translation>上下游</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Cross-region flows</source>
        <translation>跨区域协作</translation>
    </message>
    <message>
        <source>Edit link {link}</source>
        <translation>编辑链接 {link}</translation>
    </message>
    <message>
        <source>— none</source>
        <translation>— 无</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>产业链</translation>
    </message>
    <message>
        <source>Chain leader</source>
        <translation>链长</translation>
    </message>
    <message>
        <source>Owner region</source>
        <translation>所属地区</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>注释</translation>
    </message>
    <message>
        <source>Gaps to fill</source>
        <translation>缺口</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Map properties…</source>
        <translation>图谱属性…</translation>
    </message>
    <message>
        <source>Select a segment, link or note on the map to edit it.</source>
        <translation>在图谱上选择一个环节、链接或注释即可编辑。</translation>
    </message>
    <message>
        <source>Points at</source>
        <translation>指向</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>注释</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>编辑注释</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Rename tier {name}</source>
        <translation>重命名层级 {name}</translation>
    </message>
    <message>
        <source>Status of the selected segments</source>
        <translation>设置所选环节的现状</translation>
    </message>
    <message>
        <source>%n item(s) selected</source>
        <translation>已选 %n 项</translation>
    </message>
    <message>
        <source>segments</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>links</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>注释</translation>
    </message>
    <message>
        <source>tiers</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Set {region} status of %n segment(s)</source>
        <translation>设置 %n 个环节在{region}的现状</translation>
    </message>
    <message>
        <source>— no entry</source>
        <translation>— 无记录</translation>
    </message>
    <message>
        <source>— mixed</source>
        <translation>— 不一致</translation>
    </message>
    <message>
        <source>Notes on this region&apos;s situation</source>
        <translation>关于本地区情况的备注</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>现状</translation>
    </message>
    <message>
        <source>Key enterprises</source>
        <translation>重点企业</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>firms or projects to attract, separated by commas</source>
        <translation>要引进的企业或项目，用逗号分隔</translation>
    </message>
    <message>
        <source>responsible office or person</source>
        <translation>负责单位或负责人</translation>
    </message>
    <message>
        <source>YYYY-MM or YYYY-MM-DD</source>
        <translation>YYYY-MM 或 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>行动</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Target firms</source>
        <translation>目标企业</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Add plan</source>
        <translation>添加计划</translation>
    </message>
    <message>
        <source>Remove plan</source>
        <translation>删除计划</translation>
    </message>
    <message>
        <source>Set {region} status of {name}</source>
        <translation>设置 {name} 在{region}的现状</translation>
    </message>
    <message>
        <source>Add {region} enterprise to {name}</source>
        <translation>为 {name} 添加{region}企业</translation>
    </message>
    <message>
        <source>Edit {region} enterprises of {name}</source>
        <translation>编辑 {name} 的{region}企业</translation>
    </message>
    <message>
        <source>Remove {region} enterprise from {name}</source>
        <translation>删除 {name} 的{region}企业</translation>
    </message>
    <message>
        <source>Add {region} plan to {name}</source>
        <translation>为 {name} 添加{region}计划</translation>
    </message>
    <message>
        <source>Edit {region} plan of {name}</source>
        <translation>编辑 {name} 的{region}计划</translation>
    </message>
    <message>
        <source>Remove {region} plan from {name}</source>
        <translation>删除 {name} 的{region}计划</translation>
    </message>
    <message>
        <source>Edit {region} note of {name}</source>
        <translation>编辑 {name} 的{region}备注</translation>
    </message>
    <message>
        <source>other names, comma-separated</source>
        <translation>其他名称，用逗号分隔</translation>
    </message>
    <message>
        <source>material, component, product, service or other</source>
        <translation>材料、部件、产品、服务或其他</translation>
    </message>
    <message>
        <source>separated by commas</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>上级</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>By region</source>
        <translation>各地情况</translation>
    </message>
    <message>
        <source>A unified social credit code has 18 characters; this one has {n}.</source>
        <translation>统一社会信用代码为 18 位；此代码有 {n} 位。</translation>
    </message>
    <message>
        <source>A unified social credit code uses digits and capitals without I, O, S, V, Z; not {chars}.</source>
        <translation>统一社会信用代码由数字和除 I、O、S、V、Z 以外的大写字母组成，不能含 {chars}。</translation>
    </message>
</context>
<context>
    <name>merge</name>
    <message>
        <source>Merge maps</source>
        <translation>合并地图</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>(none: a union of the copies, nothing deleted silently)</source>
        <translation>（无：取各副本的并集，不会悄悄删除任何内容）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Base (common ancestor):</source>
        <translation>基准版本（共同来源）：</translation>
    </message>
    <message>
        <source>Force: merge maps with different ids (the result takes the first map&apos;s id)</source>
        <translation>强制：合并 id 不同的图谱（结果采用第一张图谱的 id）</translation>
    </message>
    <message>
        <source>Run merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Open result</source>
        <translation>打开结果</translation>
    </message>
    <message>
        <source>Copies to merge (two or more):</source>
        <translation>要合并的副本（两个或以上）：</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>no owner</source>
        <translation>无所属地区</translation>
    </message>
    <message>
        <source>Add copies to merge</source>
        <translation>添加要合并的副本</translation>
    </message>
    <message>
        <source>Choose the base</source>
        <translation>选择基准版本</translation>
    </message>
    <message>
        <source>Add at least two copies to merge.</source>
        <translation>请至少添加两个要合并的副本。</translation>
    </message>
    <message>
        <source>{name} cannot be read.</source>
        <translation>无法读取 {name}。</translation>
    </message>
    <message>
        <source>Nothing was merged: a file cannot be read.</source>
        <translation>未合并：有文件无法读取。</translation>
    </message>
    <message>
        <source>by ticking “Force”</source>
        <translation>勾选“强制”</translation>
    </message>
    <message>
        <source>&amp;Merge Maps…</source>
        <translation>合并图谱(&amp;M)…</translation>
    </message>
    <message>
        <source>Merge the regions&apos; copies of one map into a new map</source>
        <translation>将各地区的图谱副本合并为一张新图谱</translation>
    </message>
    <message>
        <source>&amp;Compare with…</source>
        <translation>对比(&amp;C)…</translation>
    </message>
    <message>
        <source>Mark what changed from another map file to this one</source>
        <translation>标出从另一个图谱文件到本图谱的变化</translation>
    </message>
    <message>
        <source>C&amp;lear Comparison</source>
        <translation>清除对比(&amp;L)</translation>
    </message>
    <message>
        <source>Remove the comparison&apos;s marks and list</source>
        <translation>移除对比的标记和列表</translation>
    </message>
    <message>
        <source>&amp;Provenance</source>
        <translation>来源(&amp;P)</translation>
    </message>
    <message>
        <source>Colour segments by the regions&apos; copies that contributed them</source>
        <translation>按贡献环节的地区副本为环节着色</translation>
    </message>
    <message>
        <source>No map.</source>
        <translation>没有图谱。</translation>
    </message>
    <message>
        <source>Segments by the copies that contributed them.</source>
        <translation>按贡献副本显示的环节。</translation>
    </message>
    <message>
        <source>Merged {n} copies: %n conflict(s) to resolve. Save it with Save As.</source>
        <translation>已合并 {n} 个副本：%n 个冲突待处理。请用“另存为”保存。</translation>
    </message>
    <message>
        <source>Compare with map</source>
        <translation>与图谱对比</translation>
    </message>
</context>
<context>
    <name>properties</name>
    <message>
        <source>Map properties</source>
        <translation>图谱属性</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>产业链</translation>
    </message>
    <message>
        <source>Lead region</source>
        <translation>链长</translation>
    </message>
    <message>
        <source>Owner region</source>
        <translation>所属地区</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>颜色…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Tiers (upstream → downstream)</source>
        <translation>层级（上游 → 下游）</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>↑ Up</source>
        <translation>↑ 上移</translation>
    </message>
    <message>
        <source>↓ Down</source>
        <translation>↓ 下移</translation>
    </message>
    <message>
        <source>— none</source>
        <translation>— 无</translation>
    </message>
    <message>
        <source>Double-click to choose a colour</source>
        <translation>双击选择颜色</translation>
    </message>
    <message>
        <source>Edit map properties</source>
        <translation>编辑图谱属性</translation>
    </message>
    <message>
        <source>Rename region {code}</source>
        <translation>重命名地区 {code}</translation>
    </message>
    <message>
        <source>Recolour region {code}</source>
        <translation>更改地区 {code} 的颜色</translation>
    </message>
    <message>
        <source>Rename tier</source>
        <translation>重命名层级</translation>
    </message>
    <message>
        <source>New tier</source>
        <translation>新层级</translation>
    </message>
    <message>
        <source>Region colour</source>
        <translation>地区颜色</translation>
    </message>
    <message>
        <source>Add region</source>
        <translation>添加地区</translation>
    </message>
    <message>
        <source>Shandong</source>
        <translation>山东</translation>
    </message>
</context>
<context>
    <name>templates</name>
    <message>
        <source>New energy and intelligent connected vehicles</source>
        <translation>新能源和智能网联汽车</translation>
    </message>
    <message>
        <source>Biomedicine</source>
        <translation>生物医药</translation>
    </message>
    <message>
        <source>Cybersecurity and industrial internet</source>
        <translation>网络安全和工业互联网</translation>
    </message>
    <message>
        <source>Hydrogen energy</source>
        <translation>氢能</translation>
    </message>
    <message>
        <source>High-end machine tools</source>
        <translation>高端工业母机</translation>
    </message>
    <message>
        <source>Robots</source>
        <translation>机器人</translation>
    </message>
</context>
<context>
    <name>view</name>
    <message>
        <source>Region whose gaps the map and the gaps list show</source>
        <translation>图谱和缺口列表所显示缺口的地区</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部地区</translation>
    </message>
</context>
</TS>
