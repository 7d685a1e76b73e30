"""The indicator scheme is built from authoritative main-indicator tables
(data/indicator_sources/), and wordings of those indicators that no table prints reach
them by their parts.

The tables are the 主要指标 of national plans (纲要, 公共服务, 老龄, 国民健康, 生态环境保护,
就业, 节能减排 …) as printed; scripts/indicator_sources.py writes them into
ontology/indicators.ttl. The wordings below are quoted from the reports and texts the
tables were checked against (sources.csv names their addresses) or from other real
texts; none is a label of the scheme.
"""

from __future__ import annotations

import csv
import importlib.util
import shutil
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, SKOS

from policygraph.lexicon import label_key

ROOT = Path(__file__).parents[1]
SCHEME_FILE = ROOT / "ontology" / "indicators.ttl"
SOURCES = ROOT / "data" / "indicator_sources"
ID = "https://w3id.org/policygraph/id/indicator/"


@cache
def _script() -> ModuleType:
    """scripts/indicator_sources.py, loaded once (scripts/ is no package)."""
    spec = importlib.util.spec_from_file_location(
        "indicator_sources", ROOT / "scripts" / "indicator_sources.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


SOURCE_ROWS = _csv(SOURCES / "sources.csv")
LISTS = [row for row in SOURCE_ROWS if row["kind"] == "list"]
PLANS = {row["document"] for row in SOURCE_ROWS if row["kind"] == "plan"}


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(SCHEME_FILE, format="turtle")


def test_the_scheme_is_what_the_tables_generate() -> None:
    """A table edited without `make indicators`, or a hand edit below the marker, fails here."""
    text = SCHEME_FILE.read_text(encoding="utf-8")
    assert _script().generate(text) == text


def test_every_table_is_listed_with_where_it_was_read() -> None:
    tables = {path.stem for path in SOURCES.glob("*.csv")} - {"sources"}
    assert tables == {row["slug"] for row in LISTS}
    for row in LISTS:
        assert row["url"].startswith(("http://", "https://")), row["slug"]
        assert row["checked"].strip() and row["target_year"].isdigit(), row["slug"]


@pytest.mark.parametrize("table", [row["slug"] for row in LISTS])
def test_a_tables_indicators_are_concepts_sourced_from_it(table: str, graph: Graph) -> None:
    document = next(row["document"] for row in LISTS if row["slug"] == table)
    for row in _csv(SOURCES / f"{table}.csv"):
        concept = URIRef(ID + row["concept"])
        labels = {
            label_key(str(label))
            for predicate in (SKOS.prefLabel, SKOS.altLabel)
            for label in graph.objects(concept, predicate)
        }
        assert label_key(row["name"]) in labels, (table, row["name"])
        sources = " ".join(map(str, graph.objects(concept, DCTERMS.source)))
        assert document in sources, (table, row["concept"])


def test_a_concept_a_table_carries_is_not_sourced_from_a_bundled_plan(graph: Graph) -> None:
    listed = {row["document"] for row in LISTS}
    for concept, source in graph.subject_objects(DCTERMS.source):
        parts = str(source).split("; ")
        if listed & set(parts):
            assert not PLANS & set(parts), concept


def test_a_concept_only_the_bundled_plans_source_is_marked_so(graph: Graph) -> None:
    for concept, source in graph.subject_objects(DCTERMS.source):
        from_plans = all(part in PLANS for part in str(source).split("; "))
        assert from_plans == any(graph.objects(concept, SKOS.editorialNote)), concept


def test_a_name_another_concept_has_is_refused(tmp_path: Path) -> None:
    shutil.copytree(SOURCES, tmp_path, dirs_exist_ok=True)
    table = tmp_path / "gangyao-14.csv"
    with table.open("a", encoding="utf-8") as handle:
        handle.write("婴儿死亡率,‰,预期性,5,forest-coverage,\n")
    script = _script()
    with pytest.raises(script.SourceError, match="婴儿死亡率"):
        script.generate(SCHEME_FILE.read_text(encoding="utf-8"), tmp_path)


def test_a_new_concept_without_its_english_name_is_refused(tmp_path: Path) -> None:
    shutil.copytree(SOURCES, tmp_path, dirs_exist_ok=True)
    with (tmp_path / "gangyao-14.csv").open("a", encoding="utf-8") as handle:
        handle.write("每万人口博物馆数,个,预期性,1,museums-per-ten-thousand,\n")
    script = _script()
    with pytest.raises(script.SourceError, match="English"):
        script.generate(SCHEME_FILE.read_text(encoding="utf-8"), tmp_path)


@pytest.mark.parametrize(
    ("table", "content", "message"),
    [
        ("gangyao-14.csv", "name,unit\n森林覆盖率,%\n", "no column"),
        ("gangyao-14.csv", "name,unit,attribute,target,concept,en\n森林覆盖率,%\n", "short row"),
        ("sources.csv", "slug,kind\ngangyao-14,list\n", "no column"),
    ],
)
def test_a_malformed_table_is_refused_with_its_name(
    tmp_path: Path, table: str, content: str, message: str
) -> None:
    shutil.copytree(SOURCES, tmp_path, dirs_exist_ok=True)
    (tmp_path / table).write_text(content, encoding="utf-8")
    script = _script()
    with pytest.raises(script.SourceError, match=f"{table}.*{message}"):
        script.generate(SCHEME_FILE.read_text(encoding="utf-8"), tmp_path)


NEW_WORDINGS = [
    # 国民健康规划 as HK01 reported it on 2022-05-20
    ("地表水达到或好于Ⅲ类水体比", "%", "地表水达到或好于III类水体比例"),
    # 广州市“十四五”规划纲要 as reported on 2021-05-19
    ("空气质量优良天数占比", "%", "地级及以上城市空气质量优良天数比率"),
    # 生态环境部, “十四五” results (2026-03-12)
    ("地表水优良水质断面比例", "%", "地表水达到或好于III类水体比例"),
    # 浙江省“十四五”节能减排综合工作方案 (全省单位生产总值能源消耗比2020年下降14.5%)
    ("单位生产总值能源消耗下降", "%", "单位GDP能源消耗降低"),
    # “十三五” results of 生态环境部, 2020-10-21
    ("细颗粒物（PM2.5）未达标地级及以上城市浓度下降", "%", "细颗粒物未达标地级及以上城市浓度下降"),
    # 城市化网 2021-03-05 and the annual plans of cities: 地区生产总值 for 国内生产总值
    ("地区生产总值增长", "%", "国内生产总值（GDP）增长"),
    ("规上工业增加值增长", "%", "规模以上工业增加值增长"),
    ("居民消费价格指数涨幅", "%", "居民消费价格涨幅"),
    ("地方一般公共预算收入增长", "%", "一般公共预算收入增长"),
    # 中国残联 on the indicators of 国发〔2021〕10号, 2025-07-22
    ("残疾儿童义务教育入学率", "%", "残疾儿童少年义务教育入学率"),
    # the tune dev set (钟楼区民生实事分解表): 职业技能补贴培训 … 人次
    ("职业技能补贴培训", "人次", "补贴性职业技能培训人次"),
    ("职业技能补贴培训", "万人次", "补贴性职业技能培训人次"),  # counted in 万人次 as 1946号 does
    # the tune dev set: 镇江's 实施意见 states the share of nursing beds in all beds as
    # 国发〔2017〕13号 does (护理型床位占当地养老床位总数的比例)
    ("护理型床位占养老服务总床位比例", "%", "养老机构护理型床位占比"),
    # the tune dev set: 海安's 民生实事 progress table opens with the task's verb
    ("完成居家适老化改造", "户", "居家适老化改造户数"),
    # the tune dev set: 山西's 老龄工作 实施意见 counts renovation tasks
    ("城镇老旧小区改造任务", "个", "城镇老旧小区改造"),
    # the 2025 为民服务实事 of 国家卫生健康委 as the tune dev set's press report words it
    ("全国新增普惠性托位", "个", "新增普惠性托位"),
    # 国家卫生健康委's 2026 实事项目 (15万个普惠托位) and 杭州's 民生实事 write 普惠托位
    ("新增普惠托位", "个", "新增普惠性托位"),
    # 嘉兴's and 山东's 民生实事 count new 家庭养老床位 apart from all of them
    ("新增家庭养老床位数", "张", "新增家庭养老床位"),
    # 网易 on 国发〔2016〕43号 and 嘉兴's 2024 report: R&D intensity without its written-out name
    ("研发投入强度", "%", "研究与试验发展经费投入强度"),
    # the 2018 政府工作报告: R&D spending without 经费
    ("全社会研发投入增长", "%", "全社会研发经费投入增长"),
]


@pytest.mark.parametrize(("wording", "unit", "canonical"), NEW_WORDINGS)
def test_a_new_wording_of_a_listed_indicator_reaches_it(
    wording: str, unit: str, canonical: str
) -> None:
    from policygraph.lexicon_data import load_lexicon

    lexicon = load_lexicon()
    assert label_key(wording) not in lexicon.indicators, "a label, not a new wording"
    concept = lexicon.indicator(wording, unit)
    assert concept.reviewed and concept.label == canonical


@pytest.mark.parametrize("wording", ["浓度下降", "增长", "总量减少", "天数比例"])
def test_a_measure_alone_names_no_indicator(wording: str) -> None:
    """The measure words the tables brought (下降, 增长, 减少) do not make a wording that
    names no subject a known indicator."""
    from policygraph.lexicon_data import load_lexicon

    assert not load_lexicon().indicator(wording, "%").reviewed


@pytest.mark.parametrize(
    ("share", "short"),
    [
        # 国发〔2017〕13号 / 国发〔2021〕35号 and the 十四五 公共服务规划
        ("护理型床位占当地养老床位总数的比例", "护理型床位占比"),
        ("政府运营的养老床位数占当地养老床位总数的比例", "政府运营养老床位占比"),
        # 周口's plan: a share of all places (占总托位数) names no whole of its own
        ("公办幼儿园托位占总托位数比例", "公办幼儿园托位占比"),
    ],
)
def test_a_share_of_all_is_read_as_the_share_it_names(share: str, short: str) -> None:
    """part 占(当地)(养老)…总数 比例 is the share the short wording names: the whole is
    all beds or all places, which adds no qualifier."""
    from policygraph.lexicon_data import load_lexicon

    parts = load_lexicon().indicator_parts
    assert parts.signature(label_key(share), "%") == parts.signature(label_key(short), "%")


@pytest.mark.parametrize(
    ("local", "common", "unit"),
    [
        # 泉州市2021年为民办实事: 长者食堂, as 闽粤 plans write 老年食堂 (来安县 2022)
        ("长者食堂", "老年食堂", "个"),
        # 泉州市2021年为民办实事: 婴幼儿照护服务机构示范点, the 示范性托育机构 of other lists
        ("婴幼儿照护服务机构示范点", "示范性托育机构", "家"),
        # 三明市2014年 / 泉州市2021年 为民办实事
        ("新建或改扩建公办幼儿园", "新改扩建公办幼儿园", "所"),
        # 山东省2023年重点民生实事 / 国发〔2021〕35号
        ("家庭适老化改造", "居家适老化改造", "户"),
        # 国家发展改革委 on the 十五五 plan (2026-03-06) / 社区养老服务设施覆盖率
        ("社区养老服务机构和设施覆盖率", "社区养老服务设施覆盖率", "%"),
    ],
)
def test_a_local_spelling_of_a_facility_reads_as_the_common_one(
    local: str, common: str, unit: str
) -> None:
    """The provincial and city lists name the facilities and tasks of 一老一小 in their own
    words; data/indicator_parts.csv reads those words as the common ones."""
    from policygraph.lexicon_data import load_lexicon

    parts = load_lexicon().indicator_parts
    assert parts.signature(label_key(local), unit) == parts.signature(label_key(common), unit)


def test_a_tables_names_reach_their_concept_without_the_labels_it_gave() -> None:
    """Leave one table out (`scripts/mapping_rate.py --tables`): the names only one table
    prints, of indicators the scheme knows from other lists or plans, reach them by their
    parts (measured 22/22 when the tables were added, 32/33 with the tables of 2026-12-05:
    养老机构以不同形式为入住老年人提供医疗卫生服务比例 is no wording of its coverage rate;
    39/41 with the provincial and city lists: 公办幼儿园和普惠性民办幼儿园在园幼儿占比 is
    the definition of 普惠性幼儿园覆盖率, not a wording of it; 60/63 with 安徽's, 丹阳's, 杭州's and
    the 2022 公报's counts of ind19: 丹阳's 新增城市社区助餐点 names no 老年)."""
    from scripts.mapping_rate import table_hits

    counts = table_hits()
    hits, total = sum(c[1] for c in counts), sum(c[2] for c in counts)
    assert total >= 20 and hits / total >= 0.95, counts


def test_a_concept_without_a_source_takes_no_note_from_the_next(tmp_path: Path) -> None:
    """Each block's own dcterms:source decides its note, never one of a later block."""
    (tmp_path / "sources.csv").write_text(
        "slug,kind,target_year,document,url,checked\n,plan,,某市养老服务规划,,\n", encoding="utf-8"
    )
    prefixes = "".join(
        line + "\n"
        for line in SCHEME_FILE.read_text(encoding="utf-8").splitlines()
        if line.startswith("@prefix")
    )
    hand = prefixes + (
        'pgr:indicator\\/unsourced a pg:Indicator, skos:Concept ;\n    skos:prefLabel "甲"@zh .\n\n'
        "pgr:indicator\\/planned a pg:Indicator, skos:Concept ;\n"
        '    skos:prefLabel "乙"@zh ;\n    dcterms:source "某市养老服务规划" ;\n'
        "    pg:reviewed true .\n"
    )
    generated = _script().generate(hand, tmp_path).split(_script().MARKER)[1]
    assert "indicator\\/planned skos:editorialNote" in generated
    assert "indicator\\/unsourced" not in generated
