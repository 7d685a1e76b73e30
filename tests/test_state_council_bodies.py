"""Every body of the State Council (2018 and 2023 reforms, data/state_council_bodies.csv)
and the counterpart a county, city or province writes for it maps to the body's function,
so a new county's 县市场监管局 or 县医保局 lands where 国家市场监督管理总局 does."""

from __future__ import annotations

import pytest

from policygraph.lexicon_data import load_lexicon, state_council_bodies
from policygraph.resources import resource_dir

LEXICON = load_lexicon()
BODIES = state_council_bodies(resource_dir("data") / "state_council_bodies.csv")
KNOWN = {key.removeprefix("function/") for keys in LEXICON.functions.values() for key in keys}


def test_the_list_holds_every_kind_of_state_council_body() -> None:
    kinds = {body["kind"] for body in BODIES}
    assert kinds == {
        "办公厅",
        "组成部门",
        "直属特设机构",
        "直属机构",
        "办事机构",
        "直属事业单位",
        "部委管理的国家局",
    }
    assert sum(body["kind"] == "组成部门" and not body["until"] for body in BODIES) == 26
    assert {body["function"] for body in BODIES} <= KNOWN


@pytest.mark.parametrize(
    ("name", "function"),
    [
        (written, body["function"])
        for body in BODIES
        for written in (body["name"], body["short"], body["local"])
        if written
    ],
)
def test_a_state_council_body_and_its_local_counterpart_map_to_its_function(
    name: str, function: str
) -> None:
    assert LEXICON.functions_of(name) == (f"function/{function}",)


@pytest.mark.parametrize(
    ("unit", "function"),
    [
        ("县市场监管局", "market-regulation"),
        ("县医保局", "healthcare-security"),
        ("中央网信办", "cyberspace"),
        ("市委网信办", "cyberspace"),
        ("中央统战部", "united-front"),
        ("全国工商联", "federation-industry-commerce"),
        ("县工商联", "federation-industry-commerce"),
        ("供销合作总社", "supply-marketing-cooperatives"),
        ("县信访局", "petitions"),
        ("市外办", "foreign-affairs"),
        ("县林业局", "forestry-grassland"),
        ("区委组织部", "organisation"),
        ("县人武部", "national-defence"),
        ("中央军委政治工作部", "national-defence"),
        ("市社会组织管理局", "civil-affairs"),
        ("区文体旅局", "culture-tourism"),
        ("相关镇街", "townships-subdistricts"),
        ("轨道公司", "state-owned-enterprises"),
        ("县委办", "party-office"),
        ("县文广新局", "culture-tourism"),
        ("县人民医院", "health"),
        ("县就业服务中心", "human-resources-social-security"),
        ("县敬老院", "civil-affairs"),
        ("县市监局", "market-regulation"),
        ("县人民法院", "courts-procuratorates"),
        ("县投资促进局", "commerce"),
    ],
)
def test_units_plans_name_beside_the_ministries_have_a_function(unit: str, function: str) -> None:
    assert LEXICON.functions_of(unit) == (f"function/{function}",)


def test_a_merged_county_bureau_holds_both_remits() -> None:
    """科工局 (科学技术和工业信息化局) and 科经局 are one bureau of two ministries' remits."""
    for name in ("县科工局", "县科学技术和工业信息化局", "县科经局"):
        assert LEXICON.functions_of(name) == (
            "function/industry-information-technology",
            "function/science-technology",
        )
