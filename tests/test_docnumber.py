"""Tests of extract/docnumber.py and of the data files keyed by document numbers.

Cases are named for the writing pattern they cover; the garbled forms come from
the bundled plans (corpus/*.txt) and their gold annotations (tests/gold/*.json).
"""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policygraph.extract.docnumber import find_doc_numbers, parse_doc_number

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
GOLD = ROOT / "tests" / "gold"
CORPUS = ROOT / "corpus"

BRACKET_PAIRS = [("〔", "〕"), ("(", ")"), ("（", "）"), ("[", "]"), ("【", "】"), ("［", "］")]


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# --- one number, each writing pattern ------------------------------------------------------

READABLE = [
    pytest.param("国办发〔2020〕52号", "国办发〔2020〕52号", id="fullwidth-tortoise-brackets"),
    pytest.param("国办发(2023)52号", "国办发〔2023〕52号", id="halfwidth-round-brackets"),
    pytest.param("云政办发（2021）34号", "云政办发〔2021〕34号", id="fullwidth-round-brackets"),
    pytest.param("国发[2021]35号", "国发〔2021〕35号", id="halfwidth-square-brackets"),
    pytest.param("周政办【2018】8号", "周政办〔2018〕8号", id="lenticular-brackets"),
    pytest.param("周政［2013］49号", "周政〔2013〕49号", id="fullwidth-square-brackets"),
    pytest.param("国办发(2020）52号", "国办发〔2020〕52号", id="mixed-width-brackets"),
    pytest.param("国办发 〔2020〕 52 号", "国办发〔2020〕52号", id="spaces-between-parts"),
    pytest.param("国办发〔２０２０〕５２号", "国办发〔2020〕52号", id="fullwidth-digits"),
    pytest.param(
        "豫发改社会〔2022〕76号", "豫发改社会〔2022〕76号", id="department-code-not-ending-in-fa"
    ),
    pytest.param("发改社会〔2021〕1946号", "发改社会〔2021〕1946号", id="four-digit-serial"),
    pytest.param("国办发〔2020〕52", "国办发〔2020〕52号", id="lost-hao"),
    pytest.param("市卫函2023)203号", "市卫函〔2023〕203号", id="lost-opening-bracket"),
    pytest.param("万州府办发〔202028号", "万州府办发〔2020〕28号", id="lost-closing-bracket"),
    pytest.param("万州府办发〔202297", "万州府办发〔2022〕97号", id="lost-closing-bracket-and-hao"),
    pytest.param("万州委发20217", "万州委发〔2021〕7号", id="lost-both-brackets-and-hao"),
    pytest.param("万州委发20217号", "万州委发〔2021〕7号", id="lost-both-brackets"),
    pytest.param("(万州委发20217)", "万州委发〔2021〕7号", id="citation-bracket-is-not-the-years"),
]


@pytest.mark.parametrize(("raw", "normal"), READABLE)
def test_docnumber_reads_writing_pattern(raw: str, normal: str) -> None:
    number = parse_doc_number(raw)
    assert number is not None
    assert number.normal == normal
    assert number.problem is None
    assert number.raw in raw


AMBIGUOUS = [
    pytest.param("万州府办发〔2022", 2022, None, "no serial", id="no-digits-after-year"),
    pytest.param("国办发〔2020〕", 2020, None, "no serial", id="bracketed-year-without-serial"),
    pytest.param("万州府办发〔2022123456", 2022, None, "at most 4", id="five-plus-digit-serial"),
    pytest.param("国办发〔2020123456号", 2020, None, "at most 4", id="five-plus-digit-serial-hao"),
    pytest.param("万州府办发〔1234567", None, None, "plausible year", id="run-on-implausible-year"),
    pytest.param(
        "国办发〔2150〕5号", None, 5, "not a year from 1900 to 2099", id="year-out-of-range"
    ),
]


@pytest.mark.parametrize(("raw", "year", "serial", "problem"), AMBIGUOUS)
def test_docnumber_refuses_ambiguous_split(
    raw: str, year: int | None, serial: int | None, problem: str
) -> None:
    number = parse_doc_number(raw)
    assert number is not None
    assert (number.year, number.serial, number.normal) == (year, serial, None)
    assert number.problem is not None
    assert problem in number.problem


NOT_NUMBERS = [
    pytest.param("到2025年", id="target-year"),
    pytest.param("截至2020年底", id="date-in-prose"),
    pytest.param("2022922", id="garbled-date-alone"),
    pytest.param("婴幼儿照护服务需求较大20192021年我区", id="year-range-in-prose"),
    pytest.param("统计年鉴（2021）", id="bracketed-year-after-a-title"),
    pytest.param("第七次全国人口普查(2020年)", id="bracketed-year-with-nian"),
    pytest.param("粤ICP备11021828号", id="website-licence-number"),
    pytest.param("国务院印发2021年", id="verb-before-year"),
    pytest.param("国办发52号", id="no-year"),
    pytest.param("到40002025年底", id="numbers-run-together-in-prose"),
    pytest.param("全区托位数达到4000个", id="quantity"),
    pytest.param("", id="empty"),
]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_docnumber_ignores_numbers_in_prose(text: str) -> None:
    assert find_doc_numbers(text) == []
    assert parse_doc_number(text) is None


PROSE_BEFORE = [
    pytest.param("根据国办发〔2020〕52号精神", "国办发", id="genju"),
    pytest.param("按照云政办发〔2021〕34号要求", "云政办发", id="anzhao"),
    pytest.param("贯彻落实中发〔2021〕30号", "中发", id="guanche-luoshi"),
    pytest.param(
        "《关于促进养老托育服务健康发展的意见》国办发〔2020〕52号",
        "国办发",
        id="title-in-guillemets",
    ),
    pytest.param(
        "国务院办公厅关于促进养老托育服务健康发展的意见国办发〔2020〕52号",
        "国办发",
        id="title-without-guillemets",
    ),
    pytest.param("西安市人民政府办公厅市政办发(2023)1号", "市政办发", id="issuer-name"),
    pytest.param("[ 发文字号 ] 万州府办发〔2022〕97号", "万州府办发", id="site-header"),
]


@pytest.mark.parametrize(("text", "code"), PROSE_BEFORE)
def test_docnumber_code_does_not_swallow_prose(text: str, code: str) -> None:
    ((start, end, number),) = find_doc_numbers(text)
    assert number.issuer_code == code
    assert text[start:end] == number.raw
    assert number.raw.startswith(code)
    assert parse_doc_number(text) is None  # prose around the number: not one raw number


SENTENCES = [
    pytest.param(
        "根据《国务院办公厅关于促进养老托育服务健康发展的意见》(国办发〔2020〕52号)、"
        "《河南省发展和改革委员会 河南省民政厅 河南省卫生健康委员会印发关于促进养老托育服务"
        "健康发展的实施意见的通知》(豫发改社会〔2022〕76号)等文件要求",
        ["国办发〔2020〕52号", "豫发改社会〔2022〕76号"],
        id="citations-in-guillemets",
    ),
    pytest.param(
        "制定出台《万州区积极应对人口老龄化工作方案》(万州委发20217)、《重庆市万州区居家和社区养老服务"
        "改革试点工作实施方案》(万州府办发〔202028号)、《养老服务机构运营补贴政策》(万州民发〔202115号)等",
        ["万州委发〔2021〕7号", "万州府办发〔2020〕28号", "万州民发〔2021〕15号"],
        id="garbled-citations",
    ),
    pytest.param(
        "国办发〔2020〕52号、国办发〔2019〕5号和民发〔2021〕15号",
        ["国办发〔2020〕52号", "国办发〔2019〕5号", "民发〔2021〕15号"],
        id="numbers-joined-by-conjunctions",
    ),
    pytest.param(
        "国办发〔2020〕52号国办发〔2019〕15号",
        ["国办发〔2020〕52号", "国办发〔2019〕15号"],
        id="numbers-touching",
    ),
]


@pytest.mark.parametrize(("text", "normals"), SENTENCES)
def test_docnumber_finds_several_numbers_in_one_sentence(text: str, normals: list[str]) -> None:
    found = find_doc_numbers(text)
    assert [number.normal for _, _, number in found] == normals
    for start, end, number in found:
        assert text[start:end] == number.raw
    assert [start for start, _, _ in found] == sorted(start for start, _, _ in found)


# --- the gold annotations and the corpus ------------------------------------------------


def _gold_numbers() -> list[tuple[str, str, str]]:
    """(gold file, raw, normal) for every document number the gold files record."""
    numbers = []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for entry in [gold["document"], *gold["cited_policies"]]:
            if entry.get("doc_number_raw"):
                numbers.append((path.name, entry["doc_number_raw"], entry["doc_number"]))
    return numbers


def _writing_pattern(raw: str, normal: str) -> str:
    """A readable name for how a gold raw number departs from its normal form."""
    opening = any(char in raw for char in "〔(（[【［")
    closing = any(char in raw for char in "〕)）]】］")
    if raw == normal:
        return "normal-form"
    if opening and closing:
        return "round-or-square-brackets"
    if opening:
        return "lost-closing-bracket" if raw.endswith("号") else "lost-closing-bracket-and-hao"
    if closing:
        return "lost-opening-bracket"
    return "lost-both-brackets" if raw.endswith("号") else "lost-both-brackets-and-hao"


def _gold_param(gold_file: str, raw: str, normal: str) -> object:
    year_and_serial = "-".join(re.findall(r"\d+", normal))
    name = f"{Path(gold_file).stem}-{_writing_pattern(raw, normal)}-{year_and_serial}"
    return pytest.param(gold_file, raw, normal, id=name)


@pytest.mark.parametrize(
    ("gold_file", "raw", "normal"), [_gold_param(*number) for number in _gold_numbers()]
)
def test_docnumber_reads_every_gold_raw_number(gold_file: str, raw: str, normal: str) -> None:
    number = parse_doc_number(raw)
    assert number is not None, (gold_file, raw)
    assert number.normal == normal


CORPUS_NUMBERS = {
    "kunming.txt": {"中发〔2021〕30号"},
    "lincang.txt": {"云政办发〔2021〕34号"},
    "wanzhou.txt": {
        "万州府办发〔2022〕97号",
        "万州委发〔2021〕7号",
        "万州府办发〔2020〕28号",
        "万州民发〔2021〕15号",
        "万州府办发〔2020〕23号",
        "万州府办发〔2021〕33号",
        "万州府办发〔2021〕61号",
    },
    "xixian.txt": {
        "国办发〔2023〕52号",  # printed so; the document cited is 国办发〔2020〕52号
        "市政办发〔2023〕1号",
        "市政办发〔2023〕47号",
        "市政办发〔2023〕48号",
        "市卫函〔2023〕203号",
    },
    "zhoukou.txt": {
        "国办发〔2020〕52号",
        "豫发改社会〔2022〕76号",
        "周政〔2013〕49号",
        "周政办〔2018〕8号",
        "周政办〔2020〕36号",
        "周政办〔2021〕19号",
    },
}


@pytest.mark.parametrize(("name", "expected"), sorted(CORPUS_NUMBERS.items()))
def test_docnumber_finds_exactly_the_corpus_numbers(name: str, expected: set[str]) -> None:
    text = (CORPUS / name).read_text(encoding="utf-8")
    found = find_doc_numbers(text)
    assert {number.normal for _, _, number in found} == expected
    assert all(text[start:end] == number.raw for start, end, number in found)


def test_docnumber_gold_numbers_cover_the_corpus_numbers() -> None:
    for gold_file, raw, normal in _gold_numbers():
        name = json.loads((GOLD / gold_file).read_text(encoding="utf-8"))["file"]
        assert normal in CORPUS_NUMBERS[name]
        assert raw in (CORPUS / name).read_text(encoding="utf-8")


# --- properties ----------------------------------------------------------------------------

ISSUER_CODES = [row["code"] for row in _rows("issuer_codes.csv")]
CODE_REGIONS = ["国", "中", "云", "豫", "周", "万州", "渝", "陕", "市", "粤", "川", "黔", "冀"]
CODE_MIDDLES = ["", "政", "府", "办", "政办", "府办", "委", "民", "卫", "发改", "人社部", "医保"]
CODE_FINALS = ["发", "办", "函", "字", "规", "令", "电", "秘", "文"]

codes = st.one_of(
    st.sampled_from(ISSUER_CODES),
    st.builds(
        "".join,
        st.tuples(
            st.sampled_from(CODE_REGIONS),
            st.sampled_from(CODE_MIDDLES),
            st.sampled_from(CODE_FINALS),
        ),
    ),
)
"""Issuer codes as they are written: the registry's, and region + body + document kind."""

codes_ending_in_kind = codes.filter(lambda code: code[-1] in "".join(CODE_FINALS) + "政府")


@given(
    code=codes,
    year=st.integers(1900, 2099),
    serial=st.integers(1, 9999),
    brackets=st.sampled_from(BRACKET_PAIRS),
)
def test_docnumber_every_bracket_variant_gives_one_normal_form(
    code: str, year: int, serial: int, brackets: tuple[str, str]
) -> None:
    opening, closing = brackets
    number = parse_doc_number(f"{code}{opening}{year}{closing}{serial}号")
    assert number is not None
    assert number.normal == f"{code}〔{year}〕{serial}号"


@given(
    code=codes_ending_in_kind,
    year=st.integers(1949, 2099),
    serial=st.integers(1, 9999),
    template=st.sampled_from(["{c}〔{y}{s}号", "{c}{y}){s}号", "{c}〔{y}{s}", "{c}{y}{s}"]),
)
def test_docnumber_lost_brackets_give_the_same_normal_form(
    code: str, year: int, serial: int, template: str
) -> None:
    number = parse_doc_number(template.format(c=code, y=year, s=serial))
    assert number is not None
    assert number.normal == f"{code}〔{year}〕{serial}号"


@given(
    before=st.sampled_from(["根据", "按照", "贯彻落实", "《关于加强养老服务的意见》", "。", ""]),
    code=codes,
    year=st.integers(1900, 2099),
    serial=st.integers(1, 9999),
    after=st.sampled_from(["精神", "要求", "，", "）", ""]),
)
def test_docnumber_offsets_point_at_the_number_in_prose(
    before: str, code: str, year: int, serial: int, after: str
) -> None:
    printed = f"{code}〔{year}〕{serial}号"
    text = before + printed + after
    ((start, end, number),) = find_doc_numbers(text)
    assert (start, end) == (len(before), len(before) + len(printed))
    assert number.normal == printed


DOCUMENT_ALPHABET = st.sampled_from(
    list("国办发云政府号周万州委民市卫函根据的和《》、，。年月日第")
    + list("0123456789０１２")
    + list("〔〕()（）[]【】［］ \n")
)


@given(st.one_of(st.text(), st.text(DOCUMENT_ALPHABET)))
def test_docnumber_never_raises_and_quotes_exactly(text: str) -> None:
    parse_doc_number(text)
    previous_end = 0
    for start, end, number in find_doc_numbers(text):
        assert previous_end <= start < end
        assert text[start:end] == number.raw
        assert number.issuer_code
        assert number.raw.startswith(number.issuer_code)
        assert (number.normal is None) == (number.problem is not None)
        previous_end = end


@given(
    st.one_of(
        st.text(DOCUMENT_ALPHABET),
        st.builds("{}〔{}〕{}号".format, codes, st.integers(1900, 2099), st.integers(1, 9999)),
    )
)
def test_docnumber_normalising_a_normal_form_is_idempotent(text: str) -> None:
    for _, _, number in find_doc_numbers(text):
        if number.normal is None:
            continue
        again = parse_doc_number(number.normal)
        assert again is not None
        assert again.normal == number.normal
        assert again.raw == number.normal


# --- the data files keyed by document numbers ---------------------------------------------

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NOT_IN_REGISTRY = "?"
"""Marks an `implements` entry known by number only, not (yet) in policies.csv:
?国发〔2019〕1号."""


def _header(name: str) -> list[str]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return next(csv.reader(f))


def _is_normal_form(text: str) -> bool:
    number = parse_doc_number(text)
    return number is not None and number.normal == text


def test_issuer_codes_csv_is_well_formed() -> None:
    assert _header("issuer_codes.csv") == ["code", "issuer", "jurisdiction", "level", "source"]
    rows = _rows("issuer_codes.csv")
    codes_seen = [row["code"] for row in rows]
    assert len(codes_seen) == len(set(codes_seen)), "duplicate issuer codes"
    for row in rows:
        assert all(row[column].strip() == row[column] and row[column] for column in row), row
        # every code is read back as the whole code, not cut by the prose rules
        assert _is_normal_form(f"{row['code']}〔2021〕1号"), row["code"]


def test_issuer_codes_cover_every_provincial_government_and_office() -> None:
    rows = _rows("issuer_codes.csv")
    issuers = {row["issuer"] for row in rows}
    municipalities = {"北京市", "天津市", "上海市", "重庆市"}
    provinces = {
        row["jurisdiction"]
        for row in rows
        if row["jurisdiction"].endswith(("省", "自治区")) or row["jurisdiction"] in municipalities
    }
    assert len(provinces) == 31
    for province in provinces:
        assert f"{province}人民政府" in issuers, province
        assert f"{province}人民政府办公厅" in issuers, province


def test_policies_csv_is_well_formed() -> None:
    assert _header("policies.csv") == [
        "doc_number",
        "title",
        "issuer",
        "issued",
        "jurisdiction",
        "implements",
        "source",
    ]
    rows = _rows("policies.csv")
    numbers = [row["doc_number"] for row in rows]
    assert len(numbers) == len(set(numbers)), "duplicate doc numbers"
    known_codes = {row["code"] for row in _rows("issuer_codes.csv")}
    for row in rows:
        assert _is_normal_form(row["doc_number"]), row["doc_number"]
        assert parse_doc_number(row["doc_number"]).issuer_code in known_codes
        assert all(row[column] for column in ("title", "issuer", "jurisdiction", "source")), row
        assert not row["title"].startswith("《"), row["title"]  # titles are stored without 《》
        assert not row["title"].endswith("》"), row["title"]
        if row["issued"]:
            assert ISO_DATE.match(row["issued"]), row["issued"]
            date.fromisoformat(row["issued"])
        for parent in row["implements"].split():
            number = parent.removeprefix(NOT_IN_REGISTRY)
            assert _is_normal_form(number), parent
            assert parent.startswith(NOT_IN_REGISTRY) or number in numbers, parent
            assert number != row["doc_number"]


def test_parent_targets_csv_is_well_formed() -> None:
    assert _header("parent_targets.csv") == [
        "doc_number",
        "indicator",
        "year",
        "value",
        "comparator",
        "unit",
        "quote",
        "source",
    ]
    policies = {row["doc_number"] for row in _rows("policies.csv")}
    for row in _rows("parent_targets.csv"):
        assert _is_normal_form(row["doc_number"]), row
        assert row["doc_number"] in policies, row
        assert all(row[column] for column in ("indicator", "unit", "source")), row
        assert 2000 <= int(row["year"]) <= 2100
        try:
            Decimal(row["value"])
        except InvalidOperation:
            pytest.fail(f"value {row['value']!r} is not a number")
        assert row["comparator"] in {"=", ">=", ">", "<=", "<"}
