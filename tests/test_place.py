"""The place a text speaks for when its title, issuer and number name none (extract/place.py),
on the heads of real pages of the development set."""

from __future__ import annotations

from pathlib import Path

import pytest

from policygraph.extract.place import region_spoken_of
from policygraph.lexicon_data import load_lexicon
from policygraph.normalize import normalize_text

TUNE = Path(__file__).resolve().parent / "devset" / "tune" / "texts"


def _spoken_of(text: str) -> str | None:
    return region_spoken_of(normalize_text(text).text, load_lexicon())


@pytest.mark.parametrize(
    ("stem", "region"),
    [
        ("beijing-yanglao-sheshi-zhuanxiang-guihua-xinwen", "北京市"),  # 北京…北京市
        ("wuhan-yanglao-tuoyu-shishifangan-xinwen-fanti", "武汉市"),  # 武漢計劃… traditional
        ("shanxi-laoling-gongzuo-shishiyijian-xinwen", "山西省"),  # 山西将… a short name
        ("hefei-kangyang-hezuo-xieyi-xinwen", "合肥市"),  # 安徽省民政厅 once, 合肥 thrice
        ("guojia-tuoyu-tuijinhui-xinwen-fanti", "中国"),  # 全国共有托育服务机构…
        ("guangdong-shi-changwuhuiyi-shehui-yanglao", "广东省"),  # 廣東省 once, 全省 twice
        ("guojia-jiankang-ertong-xingdong-jihua-xinwen", "中国"),  # 国家卫健委…发布, 我国
        ("changzhou-zhonglou-minsheng-shishi-fenjiebiao", "钟楼区"),  # 常州…幸福钟楼, 全区
        ("guojia-minzhengbu-shisanwu-yanglao-chuangwei-xinwen-fanti", "中国"),  # 民政部 ×4
        ("guoban-tiyu-qiangguo-gangyao-xinwen-fanti", "中国"),  # 國務院辦公廳日前印發《…》
        ("guojia-quanmin-jianshen-jihua-shuangyu-fanti", "中国"),  # 國務院日前印發《…》
        ("jiaxing-zhengfu-gongzuo-baogao-zeren-fenjie-2024", "嘉兴市"),  # 市…局 units, 南湖区政府
        ("linyi-yanglao-fuwu-tiaoli-xinwen-fanti", "临沂市"),  # 《臨沂市…條例》, 我市, 全市
        ("neimenggu-canjiren-shisanwu-guihua-gangyao", "内蒙古自治区"),  # 《内蒙古自治区…》, 我区
    ],
)
def test_the_region_a_page_names_most_is_its_place(stem: str, region: str) -> None:
    assert _spoken_of((TUNE / f"{stem}.txt").read_text(encoding="utf-8")) == region


def test_a_region_named_once_is_no_place() -> None:
    text = "安徽省民政厅与中国健康养老集团签署战略协议，双方将共建康养服务体系。"
    assert _spoken_of(text) is None


def test_cited_titles_do_not_make_a_text_national() -> None:
    """A local notice that cites 《中共中央 国务院关于…》 speaks for its own place."""
    text = (
        "各區人民政府，市政府各委、辦、局：根據《中共中央 國務院關于深化養老服務改革發展的意見》"
        "和《國務院辦公廳關于發展銀發經濟增進老年人福祉的意見》，結合本市實際，制定本方案。"
    )
    assert _spoken_of(text) is None


def test_the_nation_wins_over_a_region_named_as_often_less() -> None:
    text = (
        "国务院办公厅印发通知。全国各地要加快发展托育服务，北京市等地已先行试点，我国托位将增加。"
    )
    assert _spoken_of(text) == "中国"


def test_a_self_reference_counts_for_the_region_of_its_level() -> None:
    """本区 stands for the 区 the text names, not for the 市 it names as often."""
    text = "天河区居家社区养老服务办法。结合本区实际，广州市等地区协同推进，广州市支持。"
    assert _spoken_of(text) == "天河区"
    assert _spoken_of("结合本县实际，天津市支持。") is None


def test_a_national_body_speaks_for_the_nation_but_a_national_level_does_not() -> None:
    assert _spoken_of("国家医保局、国家卫生健康委员会联合印发通知。") == "中国"
    assert _spoken_of("建成国家级示范基地，执行国家标准。") is None


def test_a_ministry_by_its_bare_name_speaks_for_the_nation_once() -> None:
    """民政部 is a national issuer (data/issuer_codes.csv); 国务院办公厅 is one mention, not two."""
    assert _spoken_of("记者从民政部召开的发布会上获悉，民政部将推动养老服务。") == "中国"
    assert _spoken_of("国务院办公厅召开会议，部署养老服务。") is None


def test_a_page_relaying_a_national_document_is_national_unless_it_says_wo_sheng() -> None:
    """国务院日前印发《…》 names the issuer of the document the page relays; a page that says
    我省 recalls the national document its own place follows."""
    assert _spoken_of("国务院日前印发《全民健身计划》，促进全民健身。") == "中国"
    assert _spoken_of("国务院办公厅印发了《指导意见》。我省高度重视托育服务。") is None


def test_units_named_by_their_level_alone_are_the_texts_own() -> None:
    """市卫生健康委 and 市教育局 are the city's bodies: the districts it tasks are not its place."""
    table = (
        "嘉兴市重点工作分解表\n序号 | 工作任务 | 责任单位 |\n"
        "1 | 新增托位。 | 市卫生健康委、南湖区政府 |\n2 | 建设学校。 | 市教育局、南湖区政府 |\n"
    )
    assert _spoken_of(table) == "嘉兴市"
    assert (
        _spoken_of(table.replace("市卫生健康委", "卫生健康").replace("市教育局", "教育"))
        == "南湖区"
    )


def test_a_county_short_name_counts_beside_its_city_only() -> None:
    """和平 is a word unless the text names 天津 around it; 钟楼 beside 常州 is 钟楼区."""
    assert _spoken_of("推进和平发展，和平共处，全区养老服务。") is None
    assert _spoken_of("常州市推进养老服务，打造幸福钟楼，全区新增床位。") == "钟楼区"


def test_a_cited_title_places_self_references_only_where_no_region_is_named() -> None:
    """我市 goes to the 市 of the relayed 《…条例》 on a page naming no region; a page that
    names its county keeps it, whatever city the titles it cites name."""
    relay = "《临沂市养老服务条例》正式施行。这是我市首部养老服务立法，推动全市养老服务发展。"
    assert _spoken_of(relay) == "临沂市"
    county = "郸城县推进养老服务。根据《周口市养老服务条例》，全市、全市、全市，郸城县落实。"
    assert _spoken_of(county) == "郸城县"
