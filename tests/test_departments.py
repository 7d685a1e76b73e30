"""Departments: unit lists, run-together names, functions, one node per unit, traces (issue 4)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from typer.testing import CliRunner

from policygraph.build import BuildReport
from policygraph.cli import app
from policygraph.extract.conventions import lead_convention
from policygraph.extract.departments import (
    is_generic,
    mentions_in_lists,
    split_roles,
    split_run_together,
    split_units,
)
from policygraph.extract.responsibility import find_assignments, find_statements
from policygraph.graph import plan_to_graph
from policygraph.lexicon_data import load_lexicon
from policygraph.model import DepartmentMention, DomainLead, Measure, Plan, Quote, Target
from policygraph.nlp import plan_from_text
from policygraph.normalize import normalize_text
from policygraph.query import Rows
from policygraph.store import load_store
from policygraph.trace import rows_by_plan, trace_department
from policygraph.vocab import PG, PGR


def _quote(start: int, end: int) -> Quote:
    return Quote("", start, end, 1)


@pytest.mark.parametrize(
    ("inner", "units"),
    [
        ("责任单位：区民政局、区卫生健康委", ["区民政局", "区卫生健康委"]),
        (
            "市民政局、市卫生健康委，各县〔市、区〕政府〔管委会〕按职责分工负责",
            ["市民政局", "市卫生健康委", "各县〔市、区〕政府〔管委会〕"],
        ),
        ("责任单位：区卫生健康委等相关部门，各镇乡街道", ["区卫生健康委", "各镇乡街道"]),
        ("责任单位：区民政局、各相关部门", ["区民政局"]),
        (
            "扶贫办、人民银行、全国总工会、共青团中央、供销合作总社等和各有关省级人民政府负责",
            [
                "扶贫办",
                "人民银行",
                "全国总工会",
                "共青团中央",
                "供销合作总社",
                "各有关省级人民政府",
            ],
        ),
        ("全国工商联、民政部等和各省级人民政府负责", ["全国工商联", "民政部", "各省级人民政府"]),
        ("国家发展改革委、财政部会同有关部门负责", ["国家发展改革委", "财政部"]),
        ("教育部会同有关部门负责", ["教育部"]),
        # 昆明 官渡区 稳增长政策措施 2016: a kind of body at the district's level
        (
            "区政务服务局牵头，区发改局、区住建局、区级相关部门配合",
            ["区政务服务局", "区发改局", "区住建局"],
        ),
    ],
    ids=[
        "plain",
        "nested-brackets",
        "vague-tail",
        "generic-member",
        "national-bodies-then-collective",
        "etc-and-collective",
        "convened-with-others",
        "one-convener",
        "level-of-a-kind",
    ],
)
def test_departments_split_lists(inner: str, units: list[str]) -> None:
    found = split_units(inner, load_lexicon())
    assert [name for _, _, name in found] == units
    assert all(inner[s:e] == name for s, e, name in found)


@pytest.mark.parametrize(
    ("written", "units"),
    [
        ("区民政局各镇乡街道", ["区民政局", "各镇乡街道"]),
        ("渝东新区区科技局", ["渝东新区", "区科技局"]),
        (
            "区大数据发展局恒合土家族乡重庆大学附属三峡医院",
            ["区大数据发展局", "恒合土家族乡", "重庆大学附属三峡医院"],
        ),
        ("市财政局市税务局", ["市财政局", "市税务局"]),
        ("万州区税务局", ["万州区税务局"]),
        ("人行周口市中心支行", ["人行周口市中心支行"]),
        ("市住房城乡建设局", ["市住房城乡建设局"]),
        ("市发展改革委员会", ["市发展改革委员会"]),
        ("西咸新区社会事业服务局", ["西咸新区社会事业服务局"]),
        ("各县〔市、区〕政府〔管委会〕", ["各县〔市、区〕政府〔管委会〕"]),
        ("湘西经开区管委会", ["湘西经开区管委会"]),
        ("周口临港开发区管委会", ["周口临港开发区管委会"]),
    ],
)
def test_departments_split_names_run_together_where_one_name_ends(
    written: str, units: list[str]
) -> None:
    spans = split_run_together(written, load_lexicon())
    assert [written[s:e] for s, e in spans] == units


@pytest.mark.parametrize(
    "mention",
    [
        "各级政府",
        "市县两级政府",
        "属地政府",
        "各部门",
        "行业主管部门",
        "相关部门",
        "卫生健康部门",
        "新区其他相关单位",
    ],
)
def test_departments_generic_mentions_are_not_units(mention: str) -> None:
    assert is_generic(mention)


@pytest.mark.parametrize(
    "unit", ["区民政局", "各镇乡街道", "各县〔市、区〕政府〔管委会〕", "临沧市人民政府办公室"]
)
def test_departments_named_units_are_not_generic(unit: str) -> None:
    assert not is_generic(unit)


@pytest.mark.parametrize(
    ("name", "functions"),
    [
        ("区人力社保局", {"human-resources-social-security"}),
        ("区卫健委", {"health"}),
        ("市卫生健康委", {"health"}),
        ("区发改委", {"development-reform"}),
        ("市发展改革委", {"development-reform"}),
        ("区住房城乡建委", {"housing-urban-rural-development"}),
        ("市教育体育局", {"education", "sports"}),
        ("区规划自然资源局", {"natural-resources-planning"}),
        ("万州银保监分局", {"financial-services"}),
        ("人行周口市中心支行", {"financial-services"}),
        ("重庆大学附属三峡医院", {"health"}),
    ],
)
def test_departments_abbreviations_resolve_to_functions(name: str, functions: set[str]) -> None:
    found = load_lexicon().functions_of(name)
    assert {f.removeprefix("function/") for f in found} == functions


@pytest.mark.parametrize(
    ("name", "jurisdiction", "key"),
    [
        ("区民政局", "万州区", ("万州区", "区民政局")),
        ("万州区民政局", "万州区", ("万州区", "区民政局")),
        ("重庆市万州区民政局", "重庆市万州区", ("万州区", "区民政局")),
        ("重庆市民政局", "万州区", ("重庆市", "市民政局")),
        ("周口市人民政府办公室", "周口市", ("周口市", "市人民政府办公室")),
        ("人行周口市中心支行", "周口市", ("周口市", "人行周口市中心支行")),
        ("西咸新区社会事业服务局", "西咸新区", ("西咸新区", "社会事业服务局")),
        ("重庆大学附属三峡医院", "万州区", ("万州区", "重庆大学附属三峡医院")),
        ("区民政局", None, ("_", "区民政局")),
    ],
)
def test_departments_key_is_region_and_normalised_name(
    name: str, jurisdiction: str | None, key: tuple[str, str]
) -> None:
    assert load_lexicon().department_key(name, jurisdiction) == key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # 万州 (十二)
            "健全工作机制，区民政局牵头负责一老工作，区卫生健康委牵头负责“一小”工作。",
            [
                ("domain/elderly-care", "区民政局", "区民政局牵头负责一老工作"),
                ("domain/childcare", "区卫生健康委", "区卫生健康委牵头负责“一小”工作"),
            ],
        ),
        (  # 西咸 4.1: a unit that does not name its level, quotes around the domain
            "发展改革和商务局负责统筹协调“一老一小”工作,基层工作部牵头负责“一老”工作,"
            "社会事业服务局牵头负责“一小”工作,新区其他相关单位参与。",
            [
                ("domain/elderly-care", "基层工作部", "基层工作部牵头负责“一老”工作"),
                ("domain/childcare", "社会事业服务局", "社会事业服务局牵头负责“一小”工作"),
            ],
        ),
    ],
)
def test_departments_domain_leads_of_a_plan_level_statement(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    leads = find_statements(text, 0, _quote, load_lexicon()).domain_leads
    quoted = [text[d.quote.start : d.quote.end] for d in leads]
    assert [(d.domain, d.unit.name, q) for d, q in zip(leads, quoted, strict=True)] == expected


def _unit(name: str) -> DepartmentMention:
    return DepartmentMention(name, Quote(name, 0, len(name), 1))


def _target(indicator: str, domain: str | None, *units: str) -> Target:
    return Target(
        indicator,
        2025,
        Quote(indicator, 0, 1, 1),
        domain=domain,
        responsible=tuple(_unit(u) for u in units),
    )


def test_departments_one_node_per_jurisdiction_and_name() -> None:
    plan = Plan(
        "wz.txt",
        jurisdiction="万州区",
        targets=(
            _target("养老机构护理型床位占比", "一、养老服务", "区民政局"),
            _target("每千人口托位数", "二、托育服务", "万州区民政局", "区卫健委"),
        ),
    )
    graph = plan_to_graph(plan, load_lexicon())
    departments = set(graph.subjects(RDF.type, PG.Department))
    assert len(departments) == 2
    civil = URIRef(str(PGR) + "department/万州区/区民政局")
    assert civil in departments
    assert graph.value(civil, PG.jurisdiction) == URIRef(str(PGR) + "region/万州区")
    assert graph.value(civil, PG.function) == URIRef(str(PGR) + "function/civil-affairs")


def _lead(domain: str, name: str) -> DomainLead:
    return DomainLead(domain, _unit(name), Quote(f"{name}牵头负责…工作", 0, 1, 1))


def _owners(graph: Graph, label: str) -> tuple[set[str], set[str]]:
    """The units named for an item, and those it inherits from the division of labour."""
    (node,) = (
        node
        for node in graph.subjects(RDFS.label, Literal(label, lang="zh"))
        if {PG.Target, PG.Measure} & set(graph.objects(node, RDF.type))
    )
    named = graph.objects(node, PG.responsibleUnit)
    inherited = graph.objects(node, PG.inheritedFrom / PG.domainLead)
    return (
        {str(graph.value(d, RDFS.label)) for d in named},
        {str(graph.value(d, RDFS.label)) for d in inherited},
    )


def test_departments_division_of_labour_stands_in_only_where_no_owner_is_named() -> None:
    plan = Plan(
        "wz.txt",
        jurisdiction="万州区",
        targets=(
            _target("基本医疗保险参保率", "一、养老服务", "区医保局"),
            _target("养老机构护理型床位占比", "一、养老服务"),
            _target("每千人口托位数", None),
            _target("城市道路长度", None),
        ),
        measures=(
            Measure("1", "（一）", "健全养老托育服务规划体系", None, Quote("健全", 0, 1, 1)),
            Measure("2", "（二）", "强化用地保障", None, Quote("强化", 0, 1, 1)),
        ),
        domain_leads=(
            _lead("domain/elderly-care", "区民政局"),
            _lead("domain/childcare", "区卫生健康委"),
        ),
    )
    graph = plan_to_graph(plan, load_lexicon())
    assert _owners(graph, "基本医疗保险参保率") == ({"区医保局"}, set())
    assert _owners(graph, "养老机构护理型床位占比") == (set(), {"区民政局"})
    assert _owners(graph, "每千人口托位数") == (set(), {"区卫生健康委"})  # by its concept
    assert _owners(graph, "城市道路长度") == (set(), set())  # no domain: no owner
    assert _owners(graph, "健全养老托育服务规划体系") == (set(), {"区民政局", "区卫生健康委"})
    assert _owners(graph, "强化用地保障") == (set(), set())
    divisions = set(graph.objects(None, PG.divisionOfLabour))
    assert len(divisions) == 2
    for division in divisions:
        assert graph.value(division, PG.quote) is not None
        assert graph.value(division, PG.domain) is not None
    assert not list(graph.subject_objects(PG.leadUnit))


def test_departments_a_target_without_owner_has_none_in_the_graph() -> None:
    plan = Plan("wz.txt", jurisdiction="万州区", targets=(_target("老年大学数", None),))
    graph: Graph = plan_to_graph(plan, load_lexicon())
    assert not list(graph.subject_objects(PG.responsibleUnit))


# --- the corpus ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def store(built: tuple[BuildReport, Path]) -> ox.Store:
    return load_store(built[1])


def test_departments_trace_by_function_lists_every_plan_naming_the_function(
    store: ox.Store, plans: dict[str, Any]
) -> None:
    lexicon = load_lexicon()
    naming = {
        plan.title
        for plan in plans.values()
        for mention in (
            *(m for t in plan.targets for m in t.responsible),
            *(m for measure in plan.measures for m in (*measure.responsible, *measure.lead)),
        )
        if "function/civil-affairs" in lexicon.functions_of(mention.name)
    }
    assert len(naming) >= 3
    groups = rows_by_plan(trace_department(store, "民政", lexicon))
    assert [title.split(" · ")[0] for title, _ in groups] == sorted(naming)
    for _, rows in groups:
        assert {"department", "kind", "item", "year", "value"} <= set(rows.columns)
        assert all("民政" in record["department"] for record in _records(rows))


def _records(rows: Rows) -> list[dict[str, str | None]]:
    return [dict(zip(rows.columns, row, strict=True)) for row in rows.rows]


def test_departments_trace_by_name_keeps_to_that_name(store: ox.Store) -> None:
    rows = trace_department(store, "区民政局", load_lexicon())
    groups = rows_by_plan(rows)
    assert [title for title, _ in groups] == ["重庆市万州区“一老一小”整体解决方案 · 万州区"]
    targets = [r for r in _records(groups[0][1]) if r["kind"] == "target"]
    assert ("养老机构护理型床位占比", "2025", ">=", "60") in {
        (r["item"], r["year"], r["comparator"], r["value"]) for r in targets
    }


def test_departments_trace_keeps_named_owners_and_shows_inherited_ones_apart(
    store: ox.Store,
) -> None:
    """Issue 14: 万州's 区民政局牵头负责一老工作 no longer claims the table rows another
    unit owns; 西咸's 基层工作部牵头负责“一老”工作 makes it the inherited owner of the
    elderly-care targets that name no owner."""
    wanzhou = _records(trace_department(store, "区民政局", load_lexicon(), "万州区"))
    owned = {(r["item"], r["owner"]) for r in wanzhou if r["kind"] == "target"}
    assert ("养老机构护理型床位占比", "explicit") in owned
    assert not {"基本医疗保险参保率", "人均预期寿命"} & {item for item, _ in owned}
    xixian = _records(trace_department(store, "基层工作部", load_lexicon()))
    targets = [r for r in xixian if r["kind"] == "target"]
    assert {r["owner"] for r in targets} == {"inherited"}
    items = {r["item"] for r in targets}
    assert {"养老机构护理型床位占比", "特殊困难老年人月探访率"} <= items
    assert not items & {"每千人口拥有3岁以下婴幼儿托位", "婴幼儿健康管理率"}


def test_departments_trace_tables_say_which_owners_are_inherited(store: ox.Store) -> None:
    ((_, rows),) = rows_by_plan(trace_department(store, "基层工作部", load_lexicon()))
    owners = {record["owner"] for record in _records(rows)}
    # 4.1 加强组织领导 names it as the lead; the elderly-care targets name nobody
    assert owners == {"named for it", "inherited from the plan's division of labour"}


def test_departments_trace_command_prints_one_table_per_plan(
    built: tuple[BuildReport, Path], plans: dict[str, Any]
) -> None:
    result = CliRunner().invoke(
        app, ["trace", "--department", "区民政局", "--graphs", str(built[1])], terminal_width=200
    )
    assert result.exit_code == 0, result.output
    assert plans["wanzhou"].title in result.output
    assert plans["zhoukou"].title not in result.output
    assert "in 1 plan(s)" in result.output


def test_departments_of_the_corpus_belong_to_regions_of_regions_ttl(
    built: tuple[BuildReport, Path],
) -> None:
    known = {URIRef(str(PGR) + key) for key in load_lexicon().region_labels}
    for path in sorted((built[1] / "plans").glob("*.ttl")):
        graph = Graph().parse(path)
        for department in graph.subjects(RDF.type, PG.Department):
            assert graph.value(department, PG.jurisdiction) in known, (path.name, department)


def test_departments_every_mention_quotes_its_source(
    plans: dict[str, Any], corpus_dir: Path
) -> None:
    for plan in plans.values():
        source = (corpus_dir / plan.source_file).read_text(encoding="utf-8")
        mentions = [m for t in plan.targets for m in t.responsible]
        mentions += [m for measure in plan.measures for m in (*measure.responsible, *measure.lead)]
        mentions += [lead.unit for lead in plan.domain_leads]
        for mention in mentions:
            assert source[mention.quote.start : mention.quote.end] == mention.quote.text
            assert normalize_text(mention.quote.text).text == mention.name, mention


@pytest.mark.parametrize(
    ("text", "units"),
    [
        # 福州 敬老院十条措施: a collective government owes what it 要 do
        ("各县（区）人民政府要加强敬老院建设，落实运营经费。", ["各县（区）人民政府"]),
        # 国办 幼儿园治理通知: the local governments of a national document
        ("地方各级人民政府要切实履行职责，加强统筹。", ["地方各级人民政府"]),
        ("市民政局应当会同有关部门制定标准。", ["市民政局"]),
        # institutions, kinds of body and 要求 (requires) owe nothing
        ("县级医院要设立老年医学科。", []),
        ("市级有关部门和各县（市）区政府要加强协调。", []),
        ("市政府要求各地加快进度。", []),
    ],
)
def test_departments_an_obligation_names_the_government_that_owes_it(
    text: str, units: list[str]
) -> None:
    found = find_statements(text, 0, _quote, load_lexicon()).responsible
    assert [m.name for m in found] == units


def test_departments_a_target_takes_the_list_that_closes_its_item() -> None:
    """Items run together in one paragraph, each closed by its own list (a copy of the
    国办 2020 放管服 分工方案 lost every paragraph break): a target takes the list after it."""
    text = (
        "某某市养老托育服务实施方案\n一、重点任务\n"
        "（一）扩大服务供给。1.到2025年，养老机构护理型床位占比达到60%。（市民政局负责）"
        "2.到2025年，每千人口托位数达到4.5个。（市卫生健康委、市教育局负责）\n"
    )
    plan = plan_from_text("plan.txt", normalize_text(text))
    owners = {t.indicator: [u.name for u in t.responsible] for t in plan.targets}
    assert owners == {
        "养老机构护理型床位占比": ["市民政局"],
        "每千人口托位数": ["市卫生健康委", "市教育局"],
    }


@pytest.mark.parametrize(
    ("item", "units", "lead"),
    [
        # 国发〔2020〕6号: every State Council department, one collective unit, then a deadline
        ("推进某项工作。（国务院各部门分别负责，年内持续推进）", ["国务院各部门"], []),
        # the same document's shape: a bare 等 before the role, then a deadline
        (
            "推进某项工作。（国家发展改革委、商务部、国家统计局等按职责分工负责，年内持续推进）",
            ["国家发展改革委", "商务部", "国家统计局"],
            [],
        ),
        (
            "推进某项工作。（市场监管总局牵头，各地区、各部门按职责分工负责，2020年底前完成）",
            ["市场监管总局", "各地区"],
            ["市场监管总局"],
        ),
        # 湘西 州政发〔2020〕5号: a month's deadline after a labelled list
        (
            "推进某项工作。（牵头单位：州行政审批服务局；责任单位：州司法局，6月底完成）",
            ["州行政审批服务局", "州司法局"],
            ["州行政审批服务局"],
        ),
        # a deadline with its own verb is still no unit
        (
            "推进某项工作。（教育部、财政部等按职责分工负责，2020年9月底前出台相关政策）",
            ["教育部", "财政部"],
            [],
        ),
    ],
    ids=["collective-then-deadline", "etc-then-deadline", "lead-then-year", "month", "verb"],
)
def test_departments_a_deadline_after_a_list_is_no_unit(
    item: str, units: list[str], lead: list[str]
) -> None:
    text = f"某某工作分工方案\n一、重点任务\n（一）{item}\n"
    plan = plan_from_text("plan.txt", normalize_text(text))
    measure = next(m for m in plan.measures if m.number.endswith("（一）"))
    assert [u.name for u in measure.responsible] == units
    assert [u.name for u in measure.lead] == lead


@pytest.mark.parametrize(
    ("item", "units"),
    [
        # 国发〔2018〕38号 若干措施 (tune): the State Council's label, a scope after the units
        (
            "放宽人才中介机构限制。（负责部门：人力资源社会保障部、住房城乡建设部、商务部；"
            "适用范围：所有自贸试验区，以下除标注适用于特定自贸试验区的措施外，适用范围均为所有自贸试验区）",
            ["人力资源社会保障部", "住房城乡建设部", "商务部"],
        ),
        ("合理安排用地计划。（负责部门：自然资源部）", ["自然资源部"]),
        # a deadline labelled as such is no unit either
        (
            "推进某项工作。（责任单位：区民政局、区财政局；完成时限：2023年底）",
            ["区民政局", "区财政局"],
        ),
    ],
    ids=["scope", "one-unit", "labelled-deadline"],
)
def test_departments_a_list_s_other_labelled_parts_are_no_units(
    item: str, units: list[str]
) -> None:
    text = f"某某若干措施\n一、营造优良投资环境\n（一）{item}\n"
    plan = plan_from_text("plan.txt", normalize_text(text))
    measure = next(m for m in plan.measures if m.number.endswith("（一）"))
    assert [u.name for u in measure.responsible] == units
    assert measure.lead == ()


def test_departments_a_labelled_list_ends_at_the_next_item_of_a_run_together_copy() -> None:
    """海盐 盐政办发〔2022〕16号 (tune) lost its line breaks: each item's 责任单位 line runs
    into the next item's number (县农业农村局 2.落实…, 县财政局 二、…), and its first list
    carries the document's lead convention in a bracket after its first unit."""
    text = normalize_text(
        "1.全县生产总值增长7.5%左右。 责任单位:县发改局(首位单位为牵头单位,下同)、县财政局、"
        "县农业农村局 2.落实党政机关过紧日子的要求,节俭办一切事业,严控会议费、培训费。 "
        "责任单位:县财政局 二、某副县长牵头重点工作 1.坚持集体学法,发挥法律顾问作用。 "
        "责任单位:县司法局"
    ).text
    lexicon = load_lexicon()
    units = mentions_in_lists(text, 0, _quote, lexicon)
    assert [u.name for u in units] == ["县发改局", "县财政局", "县农业农村局", "县司法局"]
    convention = lead_convention(text)
    leads = mentions_in_lists(text, 0, _quote, lexicon, leads=True, unnamed_lead=convention)
    assert [u.name for u in leads] == ["县发改局", "县财政局", "县司法局"]
    # no item holds the lists of such a copy: they are the plan's, and keep the convention
    assignments = find_assignments(text, [], _quote, lexicon)
    assert [[u.name for u in a.lead] for a in assignments] == [
        ["县发改局"],
        ["县财政局"],
        ["县司法局"],
    ]


def test_departments_a_lead_label_holds_a_shorter_label_and_still_leads() -> None:
    """安徽 2022 重点工作及责任分解 (a news copy): 牵头责任单位 and 协同责任单位 lines under
    each item; 牵头责任单位 is read whole, not as the 责任单位 inside it."""
    text = (
        "某省2022年重点工作及责任分解\n一、确保完成全年主要预期目标\n"
        "1.全省生产总值增长7%以上。\n牵头负责领导:某某。\n牵头责任单位:省发展改革委。\n"
        "协同责任单位:省经济和信息化厅、省财政厅。\n"
    )
    plan = plan_from_text("plan.txt", normalize_text(text))
    item = next(m for m in plan.measures if m.number.startswith("1"))
    assert [u.name for u in item.responsible] == ["省发展改革委", "省经济和信息化厅", "省财政厅"]
    assert [u.name for u in item.lead] == ["省发展改革委"]


@pytest.mark.parametrize(
    "inner",
    [
        "牵头单位:市商务局  责任单位:市编办、市发改委、各区县政府",  # 西宁 流通业实施意见 2017
        "牵头单位：市商务局；责任单位：市编办、市发改委、各区县政府",  # 湖北 鄂政发〔2018〕26号
    ],
    ids=["spaced", "semicolon"],
)
def test_departments_a_label_opens_a_part_of_its_own(inner: str) -> None:
    roles = split_roles(normalize_text(inner).text, load_lexicon())
    assert [(name, lead) for *_, name, lead in roles] == [
        ("市商务局", True),
        ("市编办", False),
        ("市发改委", False),
        ("各区县政府", False),
    ]


@pytest.mark.parametrize(
    "note",
    [
        "(首位单位为牵头单位,下同)",  # 海盐 盐政办发〔2022〕16号 (tune)
        "(第一责任单位为牵头单位,下同)",  # 厦门 厦府办〔2019〕10号
    ],
)
def test_departments_a_convention_after_the_first_unit_names_every_list_s_lead(note: str) -> None:
    text = (
        "某某若干措施\n一、营造公平竞争市场环境\n（一）推进完善长效机制建设。\n"
        f"责任单位:市发改委、市财政局{note}\n时限要求:持续推进\n"
        "（二）严格落实统一的招投标政策。\n责任单位:市建设局、市财政局\n"
    )
    plan = plan_from_text("plan.txt", normalize_text(text))
    owners = {
        m.number: ([u.name for u in m.responsible], [u.name for u in m.lead])
        for m in plan.measures
        if m.number.startswith("（")
    }
    assert owners == {
        "（一）": (["市发改委", "市财政局"], ["市发改委"]),
        "（二）": (["市建设局", "市财政局"], ["市建设局"]),
    }


@pytest.mark.parametrize(
    ("text", "units", "lead"),
    [
        # the 2019 division of the 政府工作报告's work, as a news report relays it
        (
            "完善药品集中采购,由国家医保局、国家卫生健康委、国家药监局等分工负责。",
            ["国家医保局", "国家卫生健康委", "国家药监局"],
            [],
        ),
        (
            "主要由国家卫生健康委、国家医保局等部门牵头负责。",
            ["国家卫生健康委", "国家医保局"],
            ["国家卫生健康委", "国家医保局"],
        ),
        # 国办 幼儿园治理通知: 负责同志 are officials, not the verb 负责
        ("成员由教育部、住房城乡建设部、民政部等部门负责同志组成。", [], []),
        # 国办函〔2014〕31号: a body the 2018 reform abolished; 等部门 closing 会同's partners
        ("由国土资源部会同农业部等部门负责落实。", ["国土资源部", "农业部"], ["国土资源部"]),
        (  # the same notice, its list of partners shortened
            "由发展改革委会同农业部、财政部、水利部等部门研究提出落实意见。",
            ["发展改革委", "农业部", "财政部", "水利部"],
            ["发展改革委"],
        ),
        # 新华社 2010-10-21 on the 甘肃 分工方案: pre-2018 ministries as subjects of 负责
        ("环境保护部、国土资源部将负责支持建设经济圈。", ["环境保护部", "国土资源部"], []),
    ],
)
def test_departments_etc_before_the_verb_closes_the_named_units(
    text: str, units: list[str], lead: list[str]
) -> None:
    assert _statement_units(text) == (units, lead)


def _statement_units(text: str) -> tuple[list[str], list[str]]:
    """The names of the units the statements of `text` make responsible, and of the leads."""
    found = find_statements(text, 0, _quote, load_lexicon())
    return [m.name for m in found.responsible], [m.name for m in found.lead]


@pytest.mark.parametrize(
    ("text", "units", "lead"),
    [
        # 国办发〔2018〕127号 (tune): a request of the State Council to named ministries
        (
            "项目管理专业机构不再承担有关事项，请科技部、工业和信息化部、农业农村部、"
            "卫生健康委等部门在2019年2月底前完成。",
            ["科技部", "工业和信息化部", "农业农村部", "卫生健康委"],
            [],
        ),
        ("请财政部在相关项目经费使用管理规定中明确。", ["财政部"], []),
        (  # 社会 inside the ministry's name is no unit's end
            "请人力资源社会保障部会同有关部门制定出台具体操作办法。",
            ["人力资源社会保障部"],
            ["人力资源社会保障部"],
        ),
        # 国办函〔1996〕16号 (gold production): a request after a condition
        ("如确有困难，请中国人民银行积极给予支持。", ["中国人民银行"], []),
        # requests to the reader name no unit and assign nothing
        ("现印发给你们，请认真贯彻执行。", [], []),
        ("执行中遇到的问题，请径向区民政局反映。", [], []),
        ("符合条件的老年人可申请补贴。", [], []),
        # 恩平 2024 督查通报 (tune): a request to officials, whose words end in 委
        ("请各分管市领导按照市委、市政府工作要求，严格落实项目建设责任制。", [], []),
    ],
)
def test_departments_a_request_gives_the_units_it_names_their_work(
    text: str, units: list[str], lead: list[str]
) -> None:
    assert _statement_units(text) == (units, lead)


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("国务院办公厅要适时开展督促检查。", ["国务院办公厅"]),  # 国办发〔2018〕127号 (tune)
        (  # 国办 督查激励通知 (tune)
            "国务院办公厅将会同有关方面统筹组织开展相关督查激励工作。",
            ["国务院办公厅"],
        ),
        ("由市民政局会同人力资源社会保障部推进。", ["市民政局", "人力资源社会保障部"]),
    ],
)
def test_departments_a_state_council_body_named_with_guowuyuan_is_a_unit(
    text: str, units: list[str]
) -> None:
    assert _statement_units(text)[0] == units


@pytest.mark.parametrize(
    ("text", "units"),
    [
        # 国办发〔2018〕126号 推广支持创新改革举措 (tune): two named units joined by 和
        ("国家发展改革委和科技部要适时督促检查推广工作。", ["国家发展改革委", "科技部"]),
        (  # 国办发〔2018〕127号 (tune): a kind of body joined by 和 is dropped
            "科技部、财政部和相关科技项目管理部门要按照有关精神分别修订管理办法。",
            ["科技部", "财政部"],
        ),
        # names that hold 和 stay whole
        ("工业和信息化部要加强指导。", ["工业和信息化部"]),
        ("市自然资源和规划局负责用地保障。", ["市自然资源和规划局"]),
        # 和 joining a unit to what is no unit leaves the subject unnamed
        ("民政部门和养老机构要加强合作。", []),
    ],
)
def test_departments_a_subject_s_units_joined_by_he_are_each_responsible(
    text: str, units: list[str]
) -> None:
    assert _statement_units(text)[0] == units


@pytest.mark.parametrize(
    ("text", "units"),
    [
        # 国办发〔2018〕118号 (tune) and 国办发〔2020〕52号 as a traditional copy prints it (tune)
        ("省级人民政府要分类制定行政执法机关执法装备配备标准。", []),
        ("省级人民政府要将养老托育纳入国民经济和社会发展规划统筹推进。", []),
        ("县级以上地方人民政府要加强组织领导。", []),
        ("各省级人民政府要加强组织领导。", ["各省级人民政府"]),  # a collective unit
        ("市政府要加强组织领导。", ["市政府"]),
    ],
)
def test_departments_a_level_of_government_without_ge_is_no_unit(
    text: str, units: list[str]
) -> None:
    assert _statement_units(text)[0] == units


def test_a_lists_units_are_split_once_but_each_caller_gets_its_own() -> None:
    """A list's split is reused by every extractor that reads it: the document's lead
    convention still decides the leads of each call, and what one caller does with the
    units it got does not change what the next one gets."""
    inner, lexicon = "区民政局、区财政局按职责分工负责", load_lexicon()
    leads = {
        convention: [lead for *_, lead in split_roles(inner, lexicon, convention)]
        for convention in (None, "first", "all", None)
    }
    assert leads == {None: [False, False], "first": [True, False], "all": [True, True]}
    split_roles(inner, lexicon).clear()
    assert [name for _, _, name, _ in split_roles(inner, lexicon)] == ["区民政局", "区财政局"]


@pytest.mark.parametrize(
    ("name", "plan", "region"),
    [
        ("市民政局", "邳州市", "邳州市"),  # a county-level city's own 市
        ("县民政局", "周口市", "周口市"),  # no 县 above a city: its counties' units
        ("市场监管局", "钟楼区", "钟楼区"),  # 市场 is no level
        ("国家税务总局周口市税务局", "周口市", "周口市"),
    ],
)
def test_a_unit_named_by_its_plan_s_level_or_by_no_level_belongs_to_the_plan(
    name: str, plan: str, region: str
) -> None:
    assert load_lexicon().department_key(name, plan)[0] == region


def _assigned(plan: Plan) -> list[tuple[str, list[str], list[str]]]:
    return [
        (a.quote.text, [u.name for u in a.responsible], [u.name for u in a.lead])
        for a in plan.assignments
    ]


def test_departments_a_duty_stated_outside_every_measure_is_an_assignment_of_the_plan() -> None:
    """A report of a division of labour names its units in running prose, with no numbered
    item to hold them (the 2019 分工 of the 政府工作报告, tune): each sentence that assigns
    work is a pg:Assignment of the plan, with its quote and line and the units it names."""
    text = (
        "国务院明确重点工作部门分工\n"
        "《意见》明确，完善药品集中采购和使用机制，由国家医保局、国家卫生健康委、国家药监局等"
        "分工负责。支持中医药事业传承创新发展，主要由国家中医药局牵头负责。\n"
    )
    plan = plan_from_text("report.txt", normalize_text(text))
    assert plan.measures == ()
    assert _assigned(plan) == [
        (
            "《意见》明确，完善药品集中采购和使用机制，由国家医保局、国家卫生健康委、"
            "国家药监局等分工负责",
            ["国家医保局", "国家卫生健康委", "国家药监局"],
            [],
        ),
        (
            "支持中医药事业传承创新发展，主要由国家中医药局牵头负责",
            ["国家中医药局"],
            ["国家中医药局"],
        ),
    ]
    graph = plan_to_graph(plan, load_lexicon())
    (plan_node,) = graph.subjects(RDF.type, PG.Plan)
    nodes = sorted(graph.objects(plan_node, PG.assignment), key=str)
    assert [graph.value(n, RDF.type) for n in nodes] == [PG.Assignment, PG.Assignment]
    assert {graph.value(n, PG.line).toPython() for n in nodes} == {2}
    lead = {str(graph.value(d, RDFS.label)) for n in nodes for d in graph.objects(n, PG.leadUnit)}
    owners = {
        str(graph.value(d, RDFS.label)) for n in nodes for d in graph.objects(n, PG.responsibleUnit)
    }
    assert lead == {"国家中医药局"}
    assert owners == {"国家医保局", "国家卫生健康委", "国家药监局", "国家中医药局"}


def test_departments_a_list_no_measure_holds_is_an_assignment() -> None:
    """A responsibility list in a text where no numbered item holds it still names the units
    of the plan, and its lead."""
    text = "某某工作要点\n推进某项工作，完善某项制度。（市场监管总局牵头，各地区按职责分工负责）\n"
    plan = plan_from_text("points.txt", normalize_text(text))
    assert _assigned(plan) == [
        ("（市场监管总局牵头，各地区按职责分工负责）", ["市场监管总局", "各地区"], ["市场监管总局"])
    ]


def test_departments_the_drafters_of_a_text_and_a_measure_s_own_units_are_no_assignment() -> None:
    """Who drafted the text names its authors, not a duty (昆明, bundled: 市发展改革委会同市民政局、
    市卫生健康委部门起草了《…》; 汉中 征求意见, tune: 汉中市民政局牵头草拟了《…》); a duty stated
    inside a measure belongs to that measure."""
    text = (
        "某某市养老托育服务实施方案\n"
        "市发展改革委会同市民政局、市卫生健康委起草了《某某市养老托育服务实施方案》。"
        "市民政局牵头草拟了《某某市养老服务条例（征求意见稿）》。\n"
        "一、重点任务\n（一）推进某项工作。由市民政局牵头负责。\n"
    )
    plan = plan_from_text("plan.txt", normalize_text(text))
    assert plan.assignments == ()
    assert [u.name for m in plan.measures for u in m.responsible] == ["市民政局"]


def test_departments_a_duty_in_prose_is_owed_in_the_obligations_question(
    duty_report_graphs: Path,
) -> None:
    """What a department owes (department-obligations) lists the duties a text assigns in
    prose, as kind "duty", with the sentence that assigns them (the 2019 分工, tune)."""
    import policygraph

    rows = policygraph.open_graphs(duty_report_graphs).query(
        "department-obligations", name="国家药监局"
    )
    assert [(r["kind"], r["item"]) for r in rows.records()] == [
        ("duty", "《意见》明确，强化药品疫苗全程监管，由国家药监局、国家卫生健康委等分工负责")
    ]


def test_departments_a_duty_in_prose_is_owed_in_the_function_obligations_question(
    duty_report_graphs: Path,
) -> None:
    """What the departments of one function owe (function-obligations, which `trace` runs for
    a function's name) lists the duties a text assigns in prose as department-obligations
    does: 国家药监局 is a market-regulation body (data/state_council_bodies.csv)."""
    import policygraph

    rows = policygraph.open_graphs(duty_report_graphs).query(
        "function-obligations",
        function="https://w3id.org/policygraph/id/function/market-regulation",
    )
    assert [(r["department"], r["kind"], r["owner"]) for r in rows.records()] == [
        ("国家药监局", "duty", "explicit")
    ]


@pytest.mark.parametrize(
    ("text", "units"),
    [
        # 长兴 2023 (tune): the copy is cut inside the unit line of its last item
        (
            "1.财政总收入和一般公共预算收入与经济增长基本同步。\n责任单位:县财政局。\n"
            "2.全力防范化解财政金融等领域风险隐患。\n责任单位:县财",
            ["县财政局"],
        ),
        # 立山 2023 (tune): a unit named in full stays whatever its ending
        ("责任单位:立山经济开发区,全区经济运行各专班\n", ["立山经济开发区", "全区经济运行各专班"]),
        ("责任单位:县财政局、县医保局", ["县财政局", "县医保局"]),
        # a short name the lexicon knows is whole though it ends as no unit does
        ("责任单位:区民政局、各镇街\n", ["区民政局", "各镇街"]),
    ],
    ids=["cut", "whole", "known", "known-short"],
)
def test_departments_a_unit_line_cut_inside_a_name_names_no_unit(
    text: str, units: list[str]
) -> None:
    normalized = normalize_text(text)
    found = mentions_in_lists(normalized.text, 0, normalized.quote, load_lexicon())
    assert [m.name for m in found] == units


def test_departments_a_vertical_body_s_local_unit_is_one_unit_of_its_function() -> None:
    """The local units of vertically managed national bodies print the body's name before
    their place: 国家税务总局XX市税务局 (issue 12's units of 一老一小 plans), 人民银行济南分行
    (鲁政办 2010 转发 高校毕业生就业 意见, tune), 国家金融监督管理总局常州监管分局 (常州 2023
    健康老龄化三年行动实施方案, tune). Each is one unit with its function; a run-together
    list still splits between two units."""
    text = normalize_text(
        "落实税费优惠。（责任单位：市财政局、国家税务总局丽水市税务局、人民银行济南分行、"
        "国家金融监督管理总局常州监管分局）"
    ).text
    lexicon = load_lexicon()
    units = [u.name for u in mentions_in_lists(text, 0, _quote, lexicon)]
    assert units == [
        "市财政局",
        "国家税务总局丽水市税务局",
        "人民银行济南分行",
        "国家金融监督管理总局常州监管分局",
    ]
    run_together = normalize_text("推进。（责任单位：市财政局国家税务总局丽水市税务局）").text
    found = mentions_in_lists(run_together, 0, _quote, lexicon)
    assert [u.name for u in found] == ["市财政局", "国家税务总局丽水市税务局"]
    functions = [lexicon.functions_of(u) for u in units[1:4]]
    assert functions == [
        ("function/taxation",),
        ("function/financial-services",),
        ("function/financial-services",),
    ]
