"""The web explorer in a real browser: headless Chromium from Debian's packages, driven by
Selenium through the system chromedriver (nothing downloaded at run time).

One server (uvicorn, loopback, free port) and one browser serve the whole module. The
browser may reach 127.0.0.1 only. Set PG_SCREENSHOTS=docs/screenshots to keep the pictures.
"""

from __future__ import annotations

import html
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement

from policygraph.query import Query
from policygraph.serve import Endpoint, make_server
from policygraph.store import load_store
from policygraph.web import app as web_app
from policygraph.web import make_explorer

ROOT = Path(__file__).resolve().parents[1]
GRAPHS = ROOT / "graphs"
DRAFT = Path(__file__).parent / "data" / "web" / "draft-plan.txt"
PGR = "https://w3id.org/policygraph/id/"
PG_SOURCE_FILE = "<https://w3id.org/policygraph/ontology#sourceFile>"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
WAIT = 30


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    store = load_store(GRAPHS)
    app = make_explorer(store, GRAPHS, ROOT / "corpus", Endpoint(store, timeout=60))
    server = make_server(app)
    thread = server.start()
    yield f"http://127.0.0.1:{server.port}"
    server.shutdown()
    thread.join(timeout=10)


def page(site: str, path: str, **params: str) -> str:
    return f"{site}{path}?{urlencode(params)}" if params else f"{site}{path}"


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("no Chromium: `make venv` installs chromium and chromium-driver as root")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="policygraph-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        f"--user-data-dir={profile}",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.implicitly_wait(5)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _shot(driver: WebDriver, name: str) -> None:
    folder = os.environ.get("PG_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(folder) / f"{name}.png"))


def _wait_for(driver: WebDriver, css: str, text: str = "") -> WebElement:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    locator = (By.CSS_SELECTOR, css)
    condition = ec.text_to_be_present_in_element(locator, text) if text else None
    WebDriverWait(driver, WAIT).until(condition or ec.presence_of_element_located(locator))
    return driver.find_element(*locator)


# --- pages over HTTP (no browser needed) -------------------------------------------------


def _visible_text(markup: str) -> str:
    """What a reader sees: no scripts, no tags (so no attribute values such as links)."""
    without_scripts = re.sub(r"<script.*?</script>", "", markup, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", without_scripts))


def test_every_page_kind_answers_with_labels_not_iris(site: str) -> None:
    pages = {
        "/": {},
        "/plan": {"iri": PGR + "plan/zhoukou"},
        "/department": {"iri": PGR + "department/万州区/区民政局"},
        "/function": {"iri": PGR + "function/civil-affairs"},
        "/target": {"iri": PGR + "target/lincang/childcare-places-per-thousand/2025"},
        "/indicator": {"iri": PGR + "indicator/childcare-places-per-thousand"},
        "/validate": {},
        "/query": {},
    }
    for path, params in pages.items():
        answer = httpx.get(page(site, path, **params))
        assert answer.status_code == 200, path
        assert "w3id.org" not in _visible_text(answer.text), f"{path} shows an IRI as text"
    missing = httpx.get(page(site, "/plan", iri=PGR + "plan/nowhere"))
    assert missing.status_code == 404


def test_a_fact_links_to_its_line_in_the_source_text(site: str) -> None:
    target = httpx.get(
        page(site, "/target", iri=PGR + "target/lincang/childcare-places-per-thousand/2025")
    )
    assert "每千人口拥有3岁以下婴幼儿托位数3个" in target.text
    source = httpx.get(page(site, "/source", iri=PGR + "plan/lincang", line="25"))
    marked = source.text.split('class="marked">', 1)[1].split("</li>", 1)[0]
    assert "每千人口拥有3岁以下婴幼儿托位数3个" in marked


def test_the_source_view_reads_no_file_outside_the_sources_folder(tmp_path: Path) -> None:
    """pg:sourceFile comes from the graphs: a path out of the folder (`..`, absolute) is a
    missing page, not that file's text."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "outside").mkdir()
    outside = tmp_path / "outside" / "lincang.txt"
    shutil.copy(ROOT / "corpus" / "lincang.txt", outside)
    store = load_store(GRAPHS)
    plans = {"lincang": "../outside/lincang.txt", "kunming": str(outside)}
    for name, file in plans.items():
        store.update(
            f"""DELETE {{ ?plan {PG_SOURCE_FILE} ?file }} INSERT {{ ?plan {PG_SOURCE_FILE} "{file}" }}
            WHERE {{ BIND(<{PGR}plan/{name}> AS ?plan) ?plan {PG_SOURCE_FILE} ?file }}"""
        )
    endpoint = Endpoint(store)
    server = make_server(make_explorer(store, GRAPHS, tmp_path / "sources", endpoint))
    thread = server.start()
    try:
        site = f"http://127.0.0.1:{server.port}"
        for name in plans:
            answer = httpx.get(page(site, "/source", iri=PGR + f"plan/{name}", line="25"))
            assert answer.status_code == 404
            assert "每千人口拥有3岁以下婴幼儿托位数3个" not in answer.text
        shutil.copy(outside, tmp_path / "sources" / "lincang.txt")
        inside = PGR + "plan/lincang"
        store.update(
            f"""DELETE {{ <{inside}> {PG_SOURCE_FILE} ?file }}
            INSERT {{ <{inside}> {PG_SOURCE_FILE} "./lincang.txt" }}
            WHERE {{ <{inside}> {PG_SOURCE_FILE} ?file }}"""
        )
        answer = httpx.get(page(site, "/source", iri=inside, line="25"))
        assert "每千人口拥有3岁以下婴幼儿托位数3个" in answer.text
    finally:
        server.shutdown()
        thread.join(timeout=10)
        endpoint.close()


def test_the_validation_report_downloads_as_json_and_as_the_shacl_report(site: str) -> None:
    with DRAFT.open("rb") as stream:
        answer = httpx.post(
            page(site, "/validate"),
            files={"draft": (DRAFT.name, stream, "text/plain")},
            timeout=120,
        )
    assert answer.status_code == 200
    key = answer.text.split('href="/validate/', 1)[1].split(".json", 1)[0]
    document = httpx.get(page(site, f"/validate/{key}.json")).json()
    assert document["conforms"] is False
    assert any(f["line"] == 1 and f["severity"] == "violation" for f in document["findings"])
    turtle = httpx.get(page(site, f"/validate/{key}.ttl")).text
    assert "sh:ValidationReport" in turtle and "sh:conforms false" in turtle


def _as_docx(lines: list[str]) -> bytes:
    from docx import Document

    document = Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _as_html(lines: list[str]) -> bytes:
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines if line)
    return f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>'.encode()


@pytest.mark.parametrize("suffix", [".docx", ".html"])
def test_a_draft_uploads_as_word_or_web_page_too(site: str, suffix: str) -> None:
    lines = DRAFT.read_text(encoding="utf-8").splitlines()
    data = _as_docx(lines) if suffix == ".docx" else _as_html(lines)
    answer = httpx.post(
        page(site, "/validate"), files={"draft": (f"draft{suffix}", data)}, timeout=120
    )
    assert answer.status_code == 200
    assert "规划既未写明发文机关，也未写明适用地区" in answer.text
    assert '<li class="marked">某某县“一老一小”整体解决方案</li>' in answer.text


def test_an_unreadable_upload_is_one_line_naming_the_upload(site: str) -> None:
    answer = httpx.post(
        page(site, "/validate"),
        files={"draft": ("notes.txt", "今天天气很好。".encode(), "text/plain")},
        timeout=60,
    )
    assert answer.status_code == 400
    assert "notes.txt: not a policy text" in answer.text and "/tmp/" not in answer.text
    wrong = httpx.post(page(site, "/validate"), files={"draft": ("a.xlsx", b"x")})
    assert wrong.status_code == 400 and "a.xlsx: unsupported format .xlsx" in wrong.text


def test_a_draft_over_the_upload_limit_is_refused_before_it_is_read(
    site: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """413 for a draft over MAX_UPLOAD, whether uploaded, pasted, or streamed without a
    Content-Length; a draft of MAX_UPLOAD bytes is read (here: refused for its format)."""
    monkeypatch.setattr(web_app, "MAX_UPLOAD", 2_000)
    url = page(site, "/validate")
    over = "一" * 700  # 2,100 bytes
    uploaded = httpx.post(url, files={"draft": ("draft.txt", over.encode())})
    pasted = httpx.post(url, data={"text": over})
    form = httpx.Request("POST", url, files={"draft": ("draft.txt", b"x" * 100_000)})
    headers = {"Content-Type": form.headers["content-type"]}
    streamed = httpx.post(url, content=iter([form.read()]), headers=headers)
    assert streamed.request.headers["transfer-encoding"] == "chunked"
    for answer in (uploaded, pasted, streamed):
        assert answer.status_code == 413 and "草稿超过 0.002 MB" in answer.text
    at_limit = httpx.post(url, files={"draft": ("a.xlsx", b"x" * 2_000)})
    assert at_limit.status_code == 400 and "unsupported format .xlsx" in at_limit.text


def test_bad_requests_get_a_page_not_a_crash(site: str) -> None:
    for params in ({"iri": "https://w3id.org/has space"}, {"iri": ""}, {}):
        assert httpx.get(page(site, "/target", **params)).status_code == 404
    assert (
        httpx.get(
            page(site, "/department", iri=PGR + "department/万州区/区民政局", by="x")
        ).status_code
        == 200
    )
    away = httpx.get(page(site, "/lang", to="en", next="//elsewhere.example/"))
    assert away.status_code == 303 and away.headers["location"] == "/"
    empty = httpx.post(page(site, "/validate"), data={"text": "  "})
    assert empty.status_code == 400 and "请上传文件或粘贴文本" in empty.text


def test_an_example_query_cannot_end_the_editor_script(
    site: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The examples go into a <script> as JSON: a query text holding `</script>` stays text."""
    hostile = "SELECT * WHERE {} # </script><script>alert(1)</script>"
    examples = {"hostile": Query("hostile", "</script>?", (), (), hostile)}
    monkeypatch.setattr(web_app, "library", lambda: examples)
    editor = httpx.get(page(site, "/query")).text
    script = editor.split("const examples = ", 1)[1].split(";\n", 1)[0]
    assert "</script>" not in script and editor.count("<script>alert(1)") == 0
    assert json.loads(script) == [{"name": "hostile", "question": "</script>?", "text": hostile}]


# --- in the browser ----------------------------------------------------------------------


def test_home_lists_plans_by_level_and_follows_lineage(browser: WebDriver, site: str) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(page(site, "/", lang="zh"))
    levels = [h.text for h in driver.find_elements(By.CSS_SELECTOR, "section.level h2")]
    assert levels == ["市级 (3)", "县级 (2)"]
    _shot(driver, "home")
    driver.find_element(By.LINK_TEXT, "周口市“一老一小”整体解决方案").click()
    assert "周口市" in _wait_for(driver, "#plan-title").text
    parents = driver.find_elements(By.CSS_SELECTOR, "#lineage a.parent-link")
    labels = {a.text for a in parents}
    assert "国务院办公厅关于促进养老托育服务健康发展的意见" in labels
    _shot(driver, "plan")
    next(a for a in parents if a.text.startswith("国务院办公厅")).click()
    children = _wait_for(driver, "#lineage")
    assert "周口市“一老一小”整体解决方案" in children.text


def test_what_a_department_owes_by_a_year(browser: WebDriver, site: str) -> None:
    """From the search box to what 万州's 区民政局 owes by 2023."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver = browser
    driver.get(page(site, "/"))
    box = driver.find_element(By.CSS_SELECTOR, "form.search input[name=q]")
    box.send_keys("万州区民政局")
    box.submit()
    _wait_for(driver, "#search-results a").click()
    assert _wait_for(driver, "#department-name").text == "区民政局 · 万州区"
    assert "民政" in driver.find_element(By.CSS_SELECTOR, "a.function-link").text
    Select(driver.find_element(By.ID, "by-year")).select_by_value("2023")
    _wait_for(driver, "#by-year option[selected][value='2023']")
    years = [h.text for h in driver.find_elements(By.CSS_SELECTOR, "section.plan-group h4")]
    assert "2023" in years and "2025" not in years
    assert "养老机构护理型床位占比" in driver.page_source
    _shot(driver, "department")


def test_a_target_chain_and_the_indicator_chart_with_its_national_line(
    browser: WebDriver, site: str
) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(page(site, "/target", iri=PGR + "target/lincang/childcare-places-per-thousand/2025"))
    chain = _wait_for(driver, "#chain")
    nodes = [n.text for n in chain.find_elements(By.CSS_SELECTOR, ".node")]
    assert nodes[0].endswith("2025 3个") and "云南省人民政府办公厅" in nodes[-2] + nodes[-1]
    assert "发改社会〔2021〕1946号" in driver.find_element(By.ID, "corresponding").text
    _shot(driver, "target")
    driver.find_element(By.ID, "indicator-link").click()
    chart = _wait_for(driver, "#chart svg")
    lines = chart.find_elements(By.CSS_SELECTOR, "line.reference")
    assert len(lines) == 1
    bars = chart.find_elements(By.CSS_SELECTOR, "rect.bar")
    assert len(bars) == 6
    label = chart.find_element(By.CSS_SELECTOR, "text.reference-label").text
    assert label.startswith("发改社会〔2021〕1946号 2025") and "4.5" in label
    _shot(driver, "indicator")


def test_the_language_switch_gives_english_names(browser: WebDriver, site: str) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(page(site, "/indicator", iri=PGR + "indicator/childcare-places-per-thousand"))
    driver.find_element(By.ID, "switch-language").click()
    heading = _wait_for(driver, "#indicator-name", "Childcare places")
    assert heading.text.startswith("indicator: Childcare places for children under 3")
    driver.find_element(By.LINK_TEXT, "Home").click()
    assert _wait_for(driver, "h1").text == "Plans"
    _shot(driver, "home-en")
    driver.find_element(By.ID, "switch-language").click()
    assert _wait_for(driver, "h1", "规划方案").text == "规划方案"


def test_upload_a_draft_and_read_its_findings(browser: WebDriver, site: str) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(page(site, "/validate"))
    driver.find_element(By.ID, "draft").send_keys(str(DRAFT))
    driver.find_element(By.ID, "check").click()
    verdict = _wait_for(driver, "#verdict")
    assert verdict.text == "不符合约束"
    violations = driver.find_element(By.CSS_SELECTOR, "section.violation")
    assert "发文机关" in violations.text
    marked = violations.find_element(By.CSS_SELECTOR, "li.marked")
    assert marked.text == "某某县“一老一小”整体解决方案"
    warnings = driver.find_element(By.CSS_SELECTOR, "section.warning").text
    assert "每千人口拥有3岁以下婴幼儿托位数达到4个" in warnings
    _shot(driver, "validate")


def test_run_an_example_query_in_the_editor(browser: WebDriver, site: str) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(page(site, "/query"))
    _wait_for(driver, ".yasqe .CodeMirror")
    editor_text = driver.execute_script("return window.policygraphEditor.getTab().getQuery()")
    assert "PREFIX pg: <https://w3id.org/policygraph/ontology#>" in editor_text
    driver.find_element(By.CSS_SELECTOR, "a.example[data-name='plan-lineage']").click()
    results = _wait_for(driver, ".yasr", "国办发〔2020〕52号")
    assert "plan/zhoukou" in results.text
    query = driver.execute_script("return window.policygraphEditor.getTab().getQuery()")
    assert json.dumps(query).count("pg:implements+") == 1
    _shot(driver, "sparql")


def test_serve_starts_the_explorer_and_prints_its_address(tmp_path: Path) -> None:
    """`policygraph serve` (what `make explore` runs): one line with the address, the pages
    and /sparql answer there, Ctrl-C stops it."""
    process = subprocess.Popen(
        [sys.executable, "-m", "policygraph", "serve", "--graphs", str(GRAPHS), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        address = re.search(r"explorer at (http://127\.0\.0\.1:\d+)/", line)
        assert address, line
        home = httpx.get(address[1] + "/", timeout=30)
        assert home.status_code == 200 and "周口市“一老一小”整体解决方案" in home.text
        ask = httpx.get(address[1] + "/sparql", params={"query": "ASK { ?s ?p ?o }"})
        assert ask.json()["boolean"] is True
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
    busy = subprocess.run(
        [sys.executable, "-m", "policygraph", "serve", "--graphs", str(tmp_path / "none")],
        capture_output=True,
        text=True,
    )
    assert busy.returncode == 2 and busy.stderr.count("\n") == 1
    assert "none: no such graphs folder" in busy.stderr
