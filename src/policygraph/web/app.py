"""The explorer's pages and the SPARQL endpoint in one Starlette app over one store.

Pages read through `policygraph.explore` and `policygraph.api` (the same layer the CLI and
the notebook use, draft validation included); this module picks the language, calls them
and renders templates, keeps the last validation reports for download, and shows the
corpus source texts the facts quote.
"""

from __future__ import annotations

import uuid
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from policygraph import explore
from policygraph.api import validate_draft
from policygraph.errors import PolicygraphError
from policygraph.persistent import INDEX_FILE, is_current, store_dir
from policygraph.query import library
from policygraph.read import read_plan
from policygraph.serve import (
    BadRequestError,
    BodyTooLargeError,
    Endpoint,
    content_length,
    limit_body,
    sparql_route,
)
from policygraph.web.chart import Bar, Reference, bar_chart
from policygraph.web.i18n import LANGUAGES, Texts, language
from policygraph.web.questions import Answers, question_routes

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
KEPT_REPORTS = 20
MAX_UPLOAD = 20_000_000
FORM_ALLOWANCE = 64_000
"""What a form adds to the draft it carries: part headers, boundaries, the other fields."""
PAGES = {
    "plan": "/plan",
    "department": "/department",
    "function": "/function",
    "target": "/target",
    "indicator": "/indicator",
}


def link(kind: str, iri: str | None, **more: str) -> str:
    """The page of a thing: IRIs appear only inside links."""
    return f"{PAGES[kind]}?{urlencode({'iri': iri or '', **more})}"


def source_link(doc: str | None, line: str | int | None) -> str:
    """The line of a plan's source text that states a fact."""
    if not doc or not line:
        return ""
    return f"/source?{urlencode({'iri': doc, 'line': str(line)})}#L{line}"


def amount(record: explore.Record) -> str:
    """A target's value as stated: comparator, number (or words) and unit."""
    stated = record.get("comparator") or ""
    comparator = {"=": "", ">=": "≥", "<=": "≤"}.get(stated, stated)
    if record.get("value") is None:
        return record.get("words") or ""
    return f"{comparator}{_number(record['value'])}{record.get('unit') or ''}"


def _number(text: str | None) -> str:
    value = float(text or 0)
    return f"{value:g}"


@dataclass
class Explorer:
    """What the pages share: the graphs folder, its labels, where the source texts are."""

    graphs: Path
    sources: Path | None
    labels: dict[str, dict[str, str]]
    reports: OrderedDict[str, tuple[str, bytes, bytes]] = field(default_factory=OrderedDict)

    def render(self, request: Request, page: str, status: int = 200, **context: Any) -> Response:
        lang = _lang(request)
        texts = Texts(lang, self.labels)
        other = LANGUAGES[1 - LANGUAGES.index(lang)]
        switch = f"/lang?{urlencode({'to': other, 'next': _here(request)})}"
        response = templates.TemplateResponse(
            request,
            page,
            {
                "t": texts,
                "lang": lang,
                "switch": switch,
                "link": link,
                "source_link": source_link,
                "amount": amount,
                **context,
            },
            status_code=status,
        )
        if "lang" in request.query_params:
            response.set_cookie("lang", lang, samesite="lax")
        return response

    def missing(self, request: Request, what: str) -> Response:
        return self.render(request, "missing.html", status=404, what=what)


def _lang(request: Request) -> str:
    """The page's language: asked for in the URL, else remembered in a cookie, else Chinese."""
    return language(request.query_params.get("lang") or request.cookies.get("lang"))


def _here(request: Request) -> str:
    query = request.url.query
    return request.url.path + (f"?{query}" if query else "")


def _whole_number(text: str | None) -> int | None:
    """A year or a line number from the query string (None when absent or not a number)."""
    return int(text) if text and text.isdigit() else None


def make_explorer(
    store: ox.Store,
    graphs: Path,
    sources: Path | None = None,
    endpoint: Endpoint | None = None,
) -> Starlette:
    """The explorer over `store` (built from `graphs`): pages, static files, /sparql and the
    library questions a page at a time (/questions, with the persistent store's index and
    stored answers when `graphs` has a current one). `sources` is the folder of the plans'
    source texts (pg:sourceFile names a file there)."""
    ex = Explorer(graphs, sources, explore.labels_by_language(store))
    index = store_dir(graphs) / INDEX_FILE if graphs.is_dir() and is_current(graphs) else None

    def home(request: Request) -> Response:
        text = request.query_params.get("q", "")
        return ex.render(
            request,
            "home.html",
            levels=explore.plans_by_level(store),
            indicators=explore.indicators(store)[:30],
            q=text,
            found=explore.search(store, text),
        )

    def plan(request: Request) -> Response:
        view = explore.document(store, request.query_params.get("iri", ""))
        if view is None:
            return ex.missing(request, request.query_params.get("iri", ""))
        return ex.render(request, "plan.html", view=view)

    def source(request: Request) -> Response:
        iri = request.query_params.get("iri", "")
        view = explore.document(store, iri)
        lines = _source_lines(ex.sources, view.record["file"] if view else None)
        if view is None or lines is None:
            return ex.missing(request, iri)
        return ex.render(
            request,
            "source.html",
            view=view,
            lines=lines,
            marked=_whole_number(request.query_params.get("line")),
        )

    def obligations(request: Request, page: str, units: list[str], **context: Any) -> Response:
        """What some departments owe, grouped by plan and year, due by the year asked for."""
        by = _whole_number(request.query_params.get("by"))
        rows = explore.owed(store, units, by)
        return ex.render(
            request,
            page,
            groups=_by_plan(rows),
            by=by,
            years=_years(rows if by is None else explore.owed(store, units)),
            **context,
        )

    def department(request: Request) -> Response:
        iri = request.query_params.get("iri", "")
        record = explore.department(store, iri)
        if record is None:
            return ex.missing(request, iri)
        functions = [f for f in (record["functions"] or "").split("|") if f]
        return obligations(
            request, "department.html", [iri], record=record, iri=iri, functions=functions
        )

    def function(request: Request) -> Response:
        iri = request.query_params.get("iri", "")
        found = explore.function(store, iri)
        if found is None:
            return ex.missing(request, iri)
        label, departments = found
        units = [str(d["dept"]) for d in departments]
        return obligations(
            request, "function.html", units, label=label, iri=iri, departments=departments
        )

    def target(request: Request) -> Response:
        iri = request.query_params.get("iri", "")
        chain = explore.target_chain(store, iri)
        if chain is None:
            return ex.missing(request, iri)
        indicator = chain.target["indicator"]
        view = explore.indicator(store, indicator) if indicator else None
        plan_view = explore.document(store, str(chain.target["plan"]))
        return ex.render(
            request,
            "target.html",
            chain=chain,
            levels=explore.lineage_levels(str(chain.target["plan"]), chain.parents),
            references=view.references if view else [],
            owners=plan_view.owners.get(iri, []) if plan_view else [],
        )

    def indicator(request: Request) -> Response:
        iri = request.query_params.get("iri", "")
        view = explore.indicator(store, iri)
        if view is None:
            return ex.missing(request, iri)
        chart = _chart(view, Texts(_lang(request), ex.labels))
        return ex.render(request, "indicator.html", view=view, chart=chart)

    async def switch(request: Request) -> Response:
        lang = language(request.query_params.get("to"))
        target = request.query_params.get("next", "/")
        inside = target.startswith("/") and not target.startswith(("//", "/\\"))
        response = RedirectResponse(target if inside else "/", status_code=303)
        response.set_cookie("lang", lang, samesite="lax")
        return response

    def validate_form(request: Request) -> Response:
        return ex.render(request, "validate.html", report=None)

    async def validate(request: Request) -> Response:
        lang = _lang(request)
        try:
            name, data = await _draft(request)
        except BodyTooLargeError:
            too_large = Texts(lang, ex.labels)("draft_too_large", mb=MAX_UPLOAD / 1_000_000)
            return ex.render(request, "validate.html", status=413, report=None, problem=too_large)
        if not data.strip():
            return ex.render(request, "validate.html", status=400, report=None, error="empty_draft")
        try:
            checked = await run_in_threadpool(validate_draft, name, data, lang, ex.graphs)
        except PolicygraphError as error:
            return ex.render(request, "validate.html", status=400, report=None, problem=str(error))
        key = uuid.uuid4().hex
        ex.reports[key] = (name, checked.as_json(), checked.as_turtle())
        while len(ex.reports) > KEPT_REPORTS:
            ex.reports.popitem(last=False)
        return ex.render(request, "validate.html", report=checked, key=key, filename=name)

    async def report(request: Request) -> Response:
        key, kind = request.path_params["key"], request.path_params["kind"]
        if key not in ex.reports or kind not in ("json", "ttl"):
            return Response("no such report (reports are kept for the last 20 drafts)\n", 404)
        name, as_json, as_turtle = ex.reports[key]
        media = "application/json" if kind == "json" else "text/turtle"
        filename = quote(f"{Path(name).stem}-report.{kind}")
        return Response(
            as_json if kind == "json" else as_turtle,
            media_type=media,
            headers={"Content-Disposition": f"attachment; filename*=UTF-8''{filename}"},
        )

    def editor(request: Request) -> Response:
        examples = [
            {"name": name, "question": q.question, "text": q.text} for name, q in library().items()
        ]
        return ex.render(
            request,
            "query.html",
            examples=examples,
            start=explore.HEAD
            + "\nSELECT ?plan ?title WHERE {\n  ?plan a pg:Plan ; dcterms:title ?title .\n}\n",
        )

    routes = [
        Route("/", home),
        Route("/plan", plan),
        Route("/source", source),
        Route("/department", department),
        Route("/function", function),
        Route("/target", target),
        Route("/indicator", indicator),
        Route("/lang", switch),
        Route("/validate", validate_form, methods=["GET"]),
        Route("/validate", validate, methods=["POST"]),
        Route("/validate/{key}.{kind}", report),
        Route("/query", editor),
        *question_routes(Answers(store, index)),
        sparql_route(endpoint or Endpoint(store)),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    return Starlette(routes=routes)


async def _draft(request: Request) -> tuple[str, bytes]:
    """The uploaded file's name and bytes, or the pasted text's; `BodyTooLargeError` when the
    draft is over MAX_UPLOAD bytes or the request over it and FORM_ALLOWANCE, found before
    more than that is read (whatever Content-Length says)."""
    limit = MAX_UPLOAD + FORM_ALLOWANCE
    try:
        if content_length(request.headers.get("content-length")) > limit:
            raise BodyTooLargeError(f"request body over {limit} bytes")
    except BadRequestError:
        pass  # the form parser reads what comes, within the limit
    limited = limit_body(request, limit)
    async with limited.form(max_files=1, max_fields=4, max_part_size=MAX_UPLOAD) as form:
        upload = form.get("draft")
        if isinstance(upload, UploadFile) and upload.filename:
            name, data = Path(upload.filename).name, await upload.read(MAX_UPLOAD + 1)
        else:
            name, data = "draft.txt", str(form.get("text") or "").encode()
    if len(data) > MAX_UPLOAD:
        raise BodyTooLargeError(f"draft over {MAX_UPLOAD} bytes")
    return name, data


def _source_lines(sources: Path | None, file: str | None) -> list[str] | None:
    """The source text of a plan, read as the build read it (so pg:line numbers match); None
    when pg:sourceFile names a file outside `sources` (an absolute path, `..`, a link out)."""
    if sources is None or not file:
        return None
    folder = sources.resolve()
    path = (folder / file).resolve()
    if Path(file).is_absolute() or not path.is_relative_to(folder) or not path.is_file():
        return None
    try:
        return read_plan(path).text.splitlines()
    except PolicygraphError:
        return None


def _by_plan(
    rows: list[explore.Record],
) -> list[tuple[explore.Record, list[tuple[str, list[explore.Record]]]]]:
    """Obligations grouped by plan, then by year (measures, which have none, last)."""
    plans: dict[str, dict[str, list[explore.Record]]] = defaultdict(lambda: defaultdict(list))
    heads: dict[str, explore.Record] = {}
    for row in rows:
        key = str(row["plan"])
        heads.setdefault(key, row)
        plans[key][row["year"] or ""].append(row)
    return [
        (heads[key], sorted(years.items(), key=lambda kv: (kv[0] == "", kv[0])))
        for key, years in plans.items()
    ]


def _years(rows: list[explore.Record]) -> list[int]:
    return sorted({int(str(r["year"])) for r in rows if r["year"] and str(r["year"]).isdigit()})


def _chart(view: explore.IndicatorView, texts: Texts) -> str:
    """The indicator's values by plan and year, the parent policies' values as lines."""
    bars = [
        Bar(
            " · ".join(
                str(part)
                for part in (texts.name(v["doc"], v["docLabel"]), v["year"], v["area"])
                if part
            ),
            float(str(v["value"])),
            amount(v),
            link("target", v["target"]),
        )
        for v in view.values
        if v["value"] is not None
    ]
    references = [
        Reference(
            f"{r['number'] or texts.name(r['doc'], r['docLabel'])} {r['year'] or ''}: {amount(r)}",
            float(str(r["value"])),
        )
        for r in view.references
        if r["value"] is not None
    ]
    return bar_chart(bars, references, texts.name(view.iri, view.record["label"]))
