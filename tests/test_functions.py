"""Department names of every level map to their function by their parts: level prefix +
function stem (pg:nameStem in ontology/functions.ttl) + body suffix
(data/department_bodies.csv), so a name no plan of the corpus wrote still lands."""

from __future__ import annotations

import pytest

from policygraph.lexicon_data import load_lexicon

LEXICON = load_lexicon()


@pytest.mark.parametrize(
    ("department", "function"),
    [
        ("民政部", "civil-affairs"),
        ("省民政厅", "civil-affairs"),
        ("市民政局", "civil-affairs"),
        ("区民政局", "civil-affairs"),
        ("县民政局", "civil-affairs"),
        ("市卫健委", "health"),
        ("国家卫生健康委员会", "health"),
        ("县卫生和计划生育委员会", "health"),
        ("区人社局", "human-resources-social-security"),
        ("县人力资源和社会保障局", "human-resources-social-security"),
        ("省人力资源社会保障厅", "human-resources-social-security"),
        ("县住房和城乡建设局", "housing-urban-rural-development"),
        ("县退役军人事务局", "veterans-affairs"),
        ("省老龄工作委员会办公室", "ageing"),
        ("县文化广播电视和旅游局", "culture-tourism"),
        ("勐海县医疗保障局", "healthcare-security"),
        ("县融媒体中心", "publicity"),
        ("县妇儿工委办", "women-children-committee"),
        ("县一老一小工作领导小组办公室（设在县发展改革局）", "development-reform"),
        ("市养老服务联席会议办公室（市民政局）", "civil-affairs"),
        ("市卫健委（市老龄办）", "health"),
        ("县卫健局", "health"),
        ("县医保局", "healthcare-security"),
        ("旗民政局", "civil-affairs"),
        ("县委编办", "institutional-establishment"),
        ("资规局", "natural-resources-planning"),
        ("区文广旅体局", "culture-tourism"),
    ],
)
def test_a_department_of_any_level_maps_to_its_function(department: str, function: str) -> None:
    assert LEXICON.functions_of(department) == (f"function/{function}",)


def test_a_merged_bureau_holds_both_remits() -> None:
    assert LEXICON.functions_of("县教育和体育局") == ("function/education", "function/sports")


@pytest.mark.parametrize(
    "unit", ["县一老一小工作专班", "市医药集中招标采购事务管理所", "县一老一小工作领导小组办公室"]
)
def test_a_unit_of_no_known_function_maps_to_none(unit: str) -> None:
    assert LEXICON.functions_of(unit) == ()
