"""Bilingual UI strings (zh, en) and display names of ontology terms.

UI strings live here; the names of labels, kinds, relation types and properties come from
`ontology.vocabulary`, the same texts the OWL ontology carries.
"""

from __future__ import annotations

from jig.core.schema import Label, RelType
from ontology.vocabulary import LANGS, Kind, Lang, label_text

__all__ = ["LANGS", "Lang", "kind_name", "label_name", "prop_name", "rel_name", "t"]

DEFAULT_LANG: Lang = "zh"

#: key → (Chinese, English). Texts may hold str.format fields.
STRINGS: dict[str, tuple[str, str]] = {
    "app.title": ("吉林创新图谱", "Jilin Innovation Graph"),
    "app.language": ("语言 / Language", "Language / 语言"),
    "app.backend": ("图数据库：{backend}", "Graph store: {backend}"),
    "app.not_built": (
        "尚未构建知识图谱。请在项目目录运行 `make run`，或运行 `python -m ingest build` 后刷新本页。",
        "No graph has been built yet. Run `make run` in the project folder, or `python -m ingest build`, "
        "then reload this page.",
    ),
    "app.store_error": ("无法打开图数据库：{error}", "The graph store could not be opened: {error}"),
    "app.query_failed": ("查询失败：{error}", "A query failed: {error}"),
    "page.overview": ("概览", "Overview"),
    "page.entity": ("实体浏览", "Entity explorer"),
    "page.industry": ("产业与支撑矩阵", "Industries & anchors"),
    "page.gallery": ("查询库", "Query gallery"),
    "page.console": ("Cypher 控制台", "Cypher console"),
    "page.documents": ("文件", "Documents"),
    "page.trends": ("目标与趋势", "Targets & trends"),
    "page.instruments": ("政策工具", "Policy instruments"),
    "page.network": ("网络角色", "Network roles"),
    "page.compare": ("文件对比", "Compare documents"),
    "overview.intro": (
        "本图谱从吉林省科技创新政策文件中抽取机构、创新平台、产业联盟、产业、技术、科技计划、区域、园区和量化目标，"
        "并把每一条关系都连到陈述它的原文句子。数据来源：随项目附带的 {documents} 份吉林省政策文件（{years}），"
        "经分词、实体识别、实体消歧和关系抽取后载入图数据库。",
        "This graph is extracted from Jilin province's science-and-technology policy documents: institutions, "
        "innovation platforms, alliances, industries, technologies, programmes, regions, zones and quantitative "
        "targets, with every relation tied to the sentence that states it. Source: the {documents} bundled Jilin "
        "policy documents ({years}), segmented, searched for entities, resolved and related, then loaded into a "
        "graph database.",
    ),
    "overview.nodes": ("各类节点数量", "Nodes per label"),
    "overview.relations": ("各类关系数量", "Relationships per type"),
    "overview.docs_by_year": ("各年份文件数", "Documents per year"),
    "overview.top_institutions": ("中心度最高的机构", "Most central institutions"),
    "overview.top_industries": ("中心度最高的产业", "Most central industries"),
    "col.label": ("类型", "Type"),
    "col.kind": ("类别", "Kind"),
    "col.count": ("数量", "Count"),
    "col.name": ("名称", "Name"),
    "col.name_en": ("英文名称", "English name"),
    "col.year": ("年份", "Year"),
    "col.documents": ("文件数", "Documents"),
    "col.relation": ("关系", "Relation"),
    "col.entity": ("实体", "Entity"),
    "col.other": ("关联实体", "Related entity"),
    "col.weight": ("权重", "Weight"),
    "col.evidence": ("证据句", "Evidence"),
    "col.sentences": ("证据句数", "Evidence sentences"),
    "col.years": ("年份", "Years"),
    "col.institution": ("机构", "Institution"),
    "col.industry": ("产业", "Industry"),
    "col.relations": ("关系类型", "Relation types"),
    "col.mentions": ("提及次数", "Mentions"),
    "col.centrality": ("中心度", "Centrality"),
    "col.title": ("标题", "Title"),
    "col.issuer": ("发文机关", "Issuer"),
    "col.date": ("日期", "Date"),
    "col.doc_number": ("文号", "Document number"),
    "col.file": ("文件名", "File"),
    "col.metric": ("指标", "Metric"),
    "col.value": ("数值", "Value"),
    "col.target_year": ("目标年份", "Target year"),
    "col.doc_year": ("文件年份", "Document year"),
    "col.sentence": ("原文", "Sentence"),
    "col.cypher_name": ("Cypher 名称", "Cypher name"),
    "col.pattern": ("模式", "Pattern"),
    "col.properties": ("属性", "Properties"),
    "col.instrument": ("政策工具", "Instrument"),
    "col.side": ("政策工具面", "Side"),
    "col.cues": ("线索词", "Cues"),
    "col.entities": ("提及的实体", "Entities named"),
    "col.document": ("文件", "Document"),
    "col.total": ("合计", "Total"),
    "col.members": ("主要成员", "Leading members"),
    "col.size": ("成员数", "Members"),
    "col.share": ("份额（占当年提及实体的句子，%）", "Share of the year's entity-mentioning sentences (%)"),
    "col.naming": ("提及句数", "Sentences naming it"),
    "col.in_a": ("A", "A"),
    "col.in_b": ("B", "B"),
    "col.in_both": ("两者共有", "In both"),
    "entity.search": ("搜索实体（中文名、英文名或别名，可输入部分）", "Search entities (Chinese, English or alias; "
                      "partial input is fine)"),
    "entity.search_placeholder": ("例如：吉大、一汽、光机所、Jilin University",
                                  "e.g. 吉大, FAW, CIOMP, Jilin University"),
    "entity.matches": ("匹配结果（{n}）", "Matches ({n})"),
    "entity.no_match": ("没有找到与“{query}”匹配的实体。", "No entity matches “{query}”."),
    "entity.hint": ("输入名称开始浏览，或从下列中心度最高的实体中选择：", "Type a name to start, or pick one of the "
                    "most central entities:"),
    "entity.unknown": ("图中没有标识符为 {id} 的实体。", "There is no entity with id {id} in the graph."),
    "entity.names": ("名称", "Names"),
    "entity.aliases": ("别名", "Aliases"),
    "entity.years": ("出现年份", "Years"),
    "entity.source": ("来源", "Source"),
    "entity.graph": ("关系网络", "Neighbourhood"),
    "entity.settings": ("图的设置：深度、筛选与节点上限", "Graph settings: depth, filters and node cap"),
    "entity.depth": ("深度", "Depth"),
    "entity.labels": ("节点类型", "Node types"),
    "entity.types": ("关系类型", "Relation types"),
    "entity.cap": ("节点上限", "Node cap"),
    "entity.capped": ("为保持清晰，图中只显示 {shown} 个节点，另有 {hidden} 个相关节点未显示"
                      "（可提高节点上限或收窄筛选）。",
                      "Showing {shown} nodes; {hidden} more neighbours are left out by the node cap (raise the cap or "
                      "narrow the filters)."),
    "entity.centres": ("当前中心：{names}", "Centres: {names}"),
    "entity.expand": ("从邻居展开", "Expand from a neighbour"),
    "entity.recentre": ("以其为中心", "Recentre on it"),
    "entity.add": ("加入其邻居", "Add its neighbours"),
    "entity.download": ("下载当前图（独立 HTML）", "Download this graph (standalone HTML)"),
    "entity.relations": ("关系与证据", "Relations and evidence"),
    "entity.no_relations": ("该实体没有推导出的关系。", "This entity has no derived relations."),
    "entity.more_relations": ("仅显示最强的 {shown} 条关系（共 {total} 条）。", "Showing the {shown} strongest of "
                              "{total} relations."),
    "entity.more_evidence": ("另有 {n} 句", "{n} more"),
    "entity.include_co": ("包含“共现”关系", "Include co-mentions"),
    "industry.matrix": ("机构 × 产业支撑矩阵", "Institution × industry anchor matrix"),
    "industry.matrix_help": ("颜色表示支撑强度（权重）；悬停查看证据句数、文件数和年份。",
                             "Colour shows anchoring strength (weight); hover for evidence sentences, documents and "
                             "years."),
    "industry.no_anchors": ("图中没有“支撑产业”关系。", "The graph has no ANCHORS relations."),
    "industry.flags": ("支撑单一或缺失的产业", "Industries with a single anchor or none"),
    "industry.flag": ("提示", "Flag"),
    "industry.flag_none": ("无支撑机构", "no anchor"),
    "industry.flag_single": ("仅一家支撑机构", "single anchor"),
    "industry.anchors": ("支撑机构数", "Anchors"),
    "industry.pick": ("选择产业（含下位产业）", "Pick an industry (with its sub-industries)"),
    "industry.includes": ("包含：{names}", "Includes: {names}"),
    "industry.ecosystem": ("产业生态：机构、平台、联盟、计划与园区", "Ecosystem: institutions, platforms, alliances, "
                           "programmes and zones"),
    "industry.no_ecosystem": ("没有与该产业相连的实体。", "Nothing is tied to this industry."),
    "industry.mentions_by_year": ("各年份文件中的提及次数", "Mentions per document year"),
    "gallery.intro": ("查询库中的每个查询都有说明和参数；结果可下载为 CSV 或 JSON。",
                      "Every library query with its description and parameters; results download as CSV or JSON."),
    "gallery.query": ("查询", "Query"),
    "gallery.run": ("运行", "Run"),
    "gallery.cypher": ("Cypher 语句", "Cypher"),
    "gallery.rows": ("{n} 行结果", "{n} rows"),
    "gallery.truncated": ("结果已截断，只显示前 {n} 行。", "The result was truncated to the first {n} rows."),
    "gallery.empty": ("没有结果。", "No results."),
    "gallery.graph": ("结果图", "Result graph"),
    "gallery.no_catalog": ("查询库不可用：{error}", "The query library is not available: {error}"),
    "download.csv": ("下载 CSV", "Download CSV"),
    "download.json": ("下载 JSON", "Download JSON"),
    "console.intro": ("只读 Cypher 控制台：写操作会被拒绝，查询有超时和行数上限。",
                      "A read-only Cypher console: writes are refused, queries have a timeout and a row cap."),
    "console.editor": ("Cypher 查询", "Cypher query"),
    "console.example": ("示例查询", "Example queries"),
    "console.run": ("运行查询", "Run query"),
    "console.timeout": ("超时（秒）", "Timeout (seconds)"),
    "console.row_cap": ("最多行数", "Row cap"),
    "console.schema": ("图模式", "Schema"),
    "console.labels": ("节点标签与属性", "Node labels and properties"),
    "console.types": ("关系类型", "Relationship types"),
    "console.read_only": ("该控制台只读，不能修改图数据：{error}", "This console is read-only and cannot change the "
                          "graph: {error}"),
    "console.db_error": ("数据库无法执行该查询。数据库给出的信息：{error}",
                         "The database could not run this query. Its message: {error}"),
    "console.empty": ("请输入一条 Cypher 查询。", "Type a Cypher query first."),
    "documents.corpus": ("语料文件", "The corpus"),
    "documents.open": ("打开文件", "Open a document"),
    "documents.legend": ("高亮的是识别出的实体，点击可打开其实体页面。", "Highlighted: recognised entities; click one "
                         "to open its entity page."),
    "documents.missing": ("没有标识符为 {id} 的文件。", "There is no document with id {id}."),
    "documents.recognised": ("识别出 {n} 处实体提及。", "{n} entity mentions recognised."),
    "documents.tab_corpus": ("语料与阅读", "Corpus and reader"),
    "documents.tab_preview": ("预览新文件", "Preview a new file"),
    "preview.intro": ("上传一份文件，查看流水线会从中抽取什么：元数据、按类型分组的实体、关系及其证据句。"
                      "预览不会改变图谱。",
                      "Upload a file to see what the pipeline would extract from it: its metadata, the entities by "
                      "type, the relations with their evidence sentences. The preview does not change the graph."),
    "preview.upload": ("选择文件（PDF、DOCX、TXT、HTML、MD）", "Choose a file (PDF, DOCX, TXT, HTML, MD)"),
    "preview.running": ("正在读取并抽取“{file}”……", "Reading and extracting “{file}”…"),
    "preview.unreadable": ("无法读取该文件。读取器给出的原因：{error}", "This file cannot be read. The reader says: {error}"),
    "preview.result": ("将抽取的内容", "What would be extracted"),
    "preview.size": ("{characters} 个字符，{sentences} 个句子", "{characters} characters, {sentences} sentences"),
    "preview.missing": ("正文中未写明", "not stated in the text"),
    "preview.missing_hint": ("正文中未写明的元数据，可以在 data/corpus/manifest.yaml 中为该文件补充。",
                             "Metadata the text does not state can be supplied for this file in "
                             "data/corpus/manifest.yaml."),
    "preview.add": ("加入图谱", "Add it to the graph"),
    "preview.add_how": ("把文件保存到项目的 data/corpus/ 文件夹，再在项目目录运行下面的命令；文件放在别处时，"
                        "把命令中的路径换成它所在的路径。",
                        "Save the file into the project's data/corpus/ folder, then run this command in the project "
                        "folder; if you keep the file elsewhere, give its path instead."),
    "preview.entities": ("实体（{n}）", "Entities ({n})"),
    "preview.no_entities": ("没有识别出实体。", "No entities were recognised."),
    "preview.relations": ("关系与证据（{n}）", "Relations and evidence ({n})"),
    "preview.no_relations": ("没有抽取出关系。", "No relations were extracted."),
    "preview.more_relations": ("仅显示前 {shown} 条关系（共 {total} 条）。", "Showing the first {shown} of {total} "
                               "relations."),
    "trends.targets": ("量化目标", "Quantitative targets"),
    "trends.metric": ("指标", "Metric"),
    "trends.no_targets": ("图中没有量化目标。", "The graph holds no targets."),
    "trends.focus": ("各年份文件对产业的关注（提及次数）", "Industry focus by document year (mentions)"),
    "trends.exports": ("导出", "Exports"),
    "trends.exports_intro": ("以开放格式下载整个知识图谱。", "Download the whole knowledge graph in open formats."),
    "trends.export_unavailable": ("导出功能尚不可用：{error}", "Exports are not available: {error}"),
    "trends.export_button": ("下载 {fmt}", "Download {fmt}"),
    "trends.share": ("各年份的关注份额", "Share of attention by document year"),
    "trends.share_of": ("关注对象", "Attention to"),
    "trends.share_help": (
        "份额 = 当年文件中提及该{label}的句子数 ÷ 当年文件中提及任一实体的句子数。一个句子可同时提及多个{label}，"
        "所以同一年的份额之和可以超过 100%。图中显示提及句数最多的 {n} 个，表中列出全部。",
        "Share = the sentences of that year's documents naming the {label} ÷ the sentences of that year's documents "
        "naming any entity. A sentence may name several, so the shares of a year can add up to more than 100%. The "
        "chart shows the {n} named in most sentences, the table all of them.",
    ),
    "trends.share_totals": ("各年份提及实体的句子数：{totals}", "Entity-mentioning sentences per year: {totals}"),
    "trends.no_share": ("没有句子提及{label}。", "No sentence names any {label}."),
    "compare.intro": (
        "并排比较两份政策文件：元数据、按类型统计的实体、两者共有和各自独有的实体、政策工具构成和量化目标；"
        "并列出任一文件中此前所有文件都没有的实体、目标指标和政策工具类型。",
        "Two policy documents side by side: their metadata, entities by type, the entities they share and those only "
        "one of them names, their instrument mix and their targets; and, for any document, the entities, target "
        "metrics and instrument types that no earlier document has.",
    ),
    "compare.pick_a": ("文件 A", "Document A"),
    "compare.pick_b": ("文件 B", "Document B"),
    "compare.same": ("A 和 B 是同一份文件：请选择另一份进行比较。", "A and B are the same document: pick another one to "
                     "compare."),
    "compare.read": ("阅读原文", "Read it"),
    "compare.entity_counts": ("按类型统计的实体", "Entities by type"),
    "compare.entities": ("实体对比", "Entities compared"),
    "compare.shared": ("两者共有（{n}）", "In both ({n})"),
    "compare.only_a": ("仅在 A 中（{n}）", "Only in A ({n})"),
    "compare.only_b": ("仅在 B 中（{n}）", "Only in B ({n})"),
    "compare.none": ("没有。", "None."),
    "compare.instruments": ("政策工具构成（措施句数）", "Instrument mix (measure sentences)"),
    "compare.no_instruments": ("两份文件都没有被编码为政策工具的措施句。", "Neither document has a sentence coded with "
                               "a policy instrument."),
    "compare.targets": ("量化目标", "Targets"),
    "compare.no_targets": ("该文件没有量化目标。", "This document sets no targets."),
    "compare.new": ("新内容：此前的文件中都没有的", "What is new: in no earlier document"),
    "compare.new_pick": ("文件", "Document"),
    "compare.new_help": (
        "“此前”按文件顺序：年份更早的文件；同一年份内日期更早的（未注明日期的排在前面），日期也相同时按文件标识符。"
        "该文件之前有 {n} 份文件。",
        "Earlier is by document order: a document of an earlier year; within a year, one of an earlier date (undated "
        "documents first), then of a smaller document id. {n} documents come before this one.",
    ),
    "compare.new_first": ("这是最早的文件，它的全部内容都是新的。", "This is the earliest document: all of it is new."),
    "compare.new_entities": ("新实体（{n}）", "New entities ({n})"),
    "compare.new_metrics": ("新的目标指标（{n}）", "New target metrics ({n})"),
    "compare.new_instruments": ("新的政策工具类型（{n}）", "New instrument types ({n})"),
    "instruments.intro": (
        "按 Rothwell–Zegveld 政策工具分类，对每个政策措施句编码：供给型（人才、资金投入、基础设施与平台、技术支持、信息支持）、"
        "环境型（税收优惠、金融支持、知识产权、法规管制、目标规划、策略性措施）和需求型（政府采购、示范工程、服务外包、"
        "贸易与市场准入）。编码依据 ontology/data/instruments.yaml 中公开的线索词词表，每个编码都保留其线索词和原文句子。",
        "Every measure sentence is coded with the policy-instrument types of Rothwell and Zegveld: supply side "
        "(talent, funding, infrastructure and platforms, technical support, information), environment side (tax, "
        "finance, intellectual property, regulation, goal planning, strategic measures) and demand side (procurement, "
        "pilot demonstration, outsourcing, trade and market access). The coding follows the open cue lexicon of "
        "ontology/data/instruments.yaml, and each coding keeps its cue words and its sentence.",
    ),
    "instruments.side": ("政策工具面", "Side"),
    "instruments.tab_industry": ("政策工具 × 产业", "Instruments × industries"),
    "instruments.tab_year": ("政策工具 × 年份", "Instruments × years"),
    "instruments.industry_help": ("单元格为被编码为该类政策工具、且提及该产业（含其下位产业）的措施句数。点击一个单元格，"
                                  "或在下方选择，查看这些句子。",
                                  "Each cell counts the measure sentences coded with the instrument that name the "
                                  "industry (or one of its sub-industries). Click a cell, or choose one below, to read "
                                  "them."),
    "instruments.year_help": ("单元格为各年份文件中被编码为该类政策工具的措施句数。点击一个单元格，或在下方选择，查看这些句子。",
                              "Each cell counts the measure sentences of that year's documents coded with the "
                              "instrument. Click a cell, or choose one below, to read them."),
    "instruments.industry": ("只看提及某产业（含下位产业）的句子", "Only sentences naming an industry (with its "
                             "sub-industries)"),
    "instruments.all_industries": ("全部句子", "All sentences"),
    "instruments.years": ("文件年份", "Document years"),
    "instruments.cell": ("选择单元格", "Choose a cell"),
    "instruments.cell_option": ("{instrument} × {column} · {n} 句", "{instrument} × {column} · {n} sentences"),
    "instruments.sentences": ("“{instrument} × {column}”的 {n} 个措施句", "The {n} measure sentences of "
                              "“{instrument} × {column}”"),
    "instruments.empty": ("没有符合条件的政策工具编码。", "No sentence here was coded with a policy instrument."),
    "instruments.chart": ("各年份的政策工具构成", "The instrument mix per year"),
    "network.intro": (
        "构建图谱时，在机构、创新平台和产业组成的网络（类型化关系与同句共现，按证据加权）上计算 PageRank、"
        "中介中心度和 Louvain 社群。中介中心度高的机构连接着原本分离的部分；社群是彼此联系更紧密的一组实体。",
        "At build time, PageRank, betweenness and Louvain communities are computed on the network of institutions, "
        "platforms and industries (their typed relations and co-mentions in a sentence, weighted by evidence). "
        "Institutions with a high betweenness connect otherwise separate parts; a community is a group of entities "
        "more tied to each other than to the rest.",
    ),
    "network.bridging": ("起桥梁作用的机构", "Bridging institutions"),
    "network.communities": ("社群", "Communities"),
    "network.community_named": ("社群 {number} · {name}", "Community {number} · {name}"),
    "network.no_community": ("不在网络中", "Not in the network"),
    "network.graph": ("机构—平台—产业网络（按社群着色）", "The institution–platform–industry network (coloured by "
                      "community)"),
    "network.cap": ("显示的节点数（PageRank 最高者）", "Nodes shown (highest PageRank)"),
    "network.capped": ("另有 {hidden} 个节点未显示（可提高节点数）。", "{hidden} more nodes are not shown (raise the "
                       "number of nodes)."),
    "network.none": ("图中没有网络角色：请用当前版本重新构建图谱（python -m ingest build）。",
                     "The graph holds no network roles: rebuild it with this version (python -m ingest build)."),
    "entity.colour": ("按社群着色", "Colour by community"),
    "entity.roles": ("网络角色：{community} · 中介中心度 {betweenness:.4f} · PageRank {pagerank:.4f}",
                     "Network role: {community} · betweenness {betweenness:.4f} · PageRank {pagerank:.4f}"),
    "side.all": ("全部", "All"),
    "side.supply": ("供给型", "Supply side"),
    "side.environment": ("环境型", "Environment side"),
    "side.demand": ("需求型", "Demand side"),
    "word.target": ("目标", "Target"),
    "word.baseline": ("基数", "Baseline"),
    "word.none": ("—", "—"),
}


def t(key: str, lang: Lang = DEFAULT_LANG, **fields: object) -> str:
    """The UI string `key` in `lang`, formatted with `fields`; KeyError for an unknown key."""
    zh, en = STRINGS[key]
    text = en if lang == "en" else zh
    return text.format(**fields) if fields else text


def _term(term: object, fallback: str, lang: Lang) -> str:
    try:
        return label_text(term, lang)  # type: ignore[arg-type]
    except (KeyError, ValueError):
        return fallback


def label_name(label: str, lang: Lang) -> str:
    """Display name of a node label (the raw label when it is not in the ontology)."""
    try:
        return _term(Label(label), label, lang)
    except ValueError:
        return label


def rel_name(rel_type: str, lang: Lang) -> str:
    """Display name of a relation type (the raw type when it is not in the ontology)."""
    try:
        return _term(RelType(rel_type), rel_type, lang)
    except ValueError:
        return rel_type


def kind_name(label: str, kind: str, lang: Lang) -> str:
    """Display name of a kind within a label (the raw kind when unknown)."""
    try:
        return _term(Kind(Label(label), kind), kind, lang)
    except ValueError:
        return kind


def prop_name(name: str, lang: Lang) -> str:
    """Display name of a property as a heading (the raw name when unknown): "Mentions", "提及次数"."""
    text = _term(name, name, lang)
    return text[:1].upper() + text[1:]
