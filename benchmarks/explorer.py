"""The web explorer and its SPARQL endpoint under uvicorn, on the bundled graphs: how long
each page kind takes, and how a burst of concurrent SPARQL clients is served.

    .venv/bin/python benchmarks/explorer.py                  # 20 requests a page, 16 clients
    .venv/bin/python benchmarks/explorer.py --clients 64 --queries 640

The server runs in this process on a free loopback port and is stopped at the end.
"""

from __future__ import annotations

import argparse
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import httpx

from measure import machine, repeat, seconds
from policygraph.query import library
from policygraph.serve import Endpoint, make_server
from policygraph.store import load_store
from policygraph.web import make_explorer

ROOT = Path(__file__).resolve().parents[1]
PGR = "https://w3id.org/policygraph/id/"
PAGES = {
    "home": ("/", {}),
    "search": ("/", {"q": "万州 民政局"}),
    "plan": ("/plan", {"iri": PGR + "plan/wanzhou"}),
    "department": ("/department", {"iri": PGR + "department/万州区/区民政局", "by": "2025"}),
    "function": ("/function", {"iri": PGR + "function/civil-affairs"}),
    "target": ("/target", {"iri": PGR + "target/lincang/childcare-places-per-thousand/2025"}),
    "indicator": ("/indicator", {"iri": PGR + "indicator/childcare-places-per-thousand"}),
    "source": ("/source", {"iri": PGR + "plan/wanzhou", "line": "577"}),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="requests per page")
    parser.add_argument("--clients", type=int, default=16, help="concurrent SPARQL clients")
    parser.add_argument("--queries", type=int, default=160, help="SPARQL requests in the burst")
    options = parser.parse_args()
    store = load_store(ROOT / "graphs")
    app = make_explorer(store, ROOT / "graphs", ROOT / "corpus", Endpoint(store))
    server = make_server(app)
    thread = server.start()
    base = f"http://127.0.0.1:{server.port}"
    try:
        print(machine())
        print(f"| page | median [min–max] over {options.repeat} requests |\n|---|---|")
        with httpx.Client(timeout=60) as client:
            for name, (path, params) in PAGES.items():
                url = f"{base}{path}?{urlencode(params)}" if params else base + path
                client.get(url).raise_for_status()  # warm: templates compiled, labels read
                timing, _ = repeat(lambda u=url: client.get(u).raise_for_status(), options.repeat)
                print(f"| {name} | {timing.cell()} |")
        burst(base, options.clients, options.queries)
    finally:
        server.shutdown()
        thread.join(timeout=10)


def burst(base: str, clients: int, queries: int) -> None:
    """`queries` SELECTs (the contract query) from `clients` threads at once."""
    text = library()["department-targets"].text
    accept = {"Accept": "application/sparql-results+json"}

    def ask(_: int) -> tuple[int, float]:
        start = time.perf_counter()
        answer = httpx.post(f"{base}/sparql", data={"query": text}, headers=accept, timeout=120)
        return answer.status_code, time.perf_counter() - start

    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        answers = list(pool.map(ask, range(queries)))
    wall = time.perf_counter() - start
    statuses = sorted({status for status, _ in answers})
    slowest = max(t for _, t in answers)
    print(
        f"\n{queries} SPARQL SELECTs from {clients} clients: {wall:.2f} s, "
        f"{queries / wall:.0f} requests/s, slowest {seconds(slowest)}, statuses {statuses}"
    )


if __name__ == "__main__":
    main()
