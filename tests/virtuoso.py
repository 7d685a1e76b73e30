"""A private Virtuoso Open Source server for tests: its own folder, free loopback ports, its
own virtuoso.ini, a user allowed to write graphs; stopped however the test ends.

Debian's `virtuoso-opensource-7-bin` gives `virtuoso-t` and `isql-vt` (`make virtuoso`
installs it as root; the venv target runs that).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

SERVER = "virtuoso-t"
ISQL = "isql-vt"
USER, PASSWORD = "pusher", "push-secret"
START_TIMEOUT = 60.0
INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = {folder}
CheckpointInterval = 0

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
MaxClientConnections = 4
ServerThreads = 4

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""
GRANTS = (
    f"DB.DBA.USER_CREATE('{USER}', '{PASSWORD}'); "
    f'GRANT SPARQL_UPDATE TO "{USER}"; '
    f"DB.DBA.RDF_DEFAULT_USER_PERMS_SET('{USER}', 7);"
)
"""A user who may write graphs through /sparql-graph-crud-auth (read, write, list)."""


def missing_reason() -> str | None:
    """Why no Virtuoso can be started here (None when it can)."""
    if shutil.which(SERVER) and shutil.which(ISQL):
        return None
    if os.geteuid() == 0:
        return None  # root can install it: the test must fail, not skip
    return f"{SERVER} is not installed and installing it needs root (`make virtuoso` as root)"


@dataclass(frozen=True)
class Virtuoso:
    url: str
    pid: int

    @property
    def graph_store(self) -> str:
        """The Graph Store Protocol service that asks for digest authentication."""
        return f"{self.url}/sparql-graph-crud-auth"

    @property
    def sparql(self) -> str:
        return f"{self.url}/sparql"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_virtuoso(folder: Path) -> Iterator[Virtuoso]:
    """Virtuoso over a new database in `folder`, answering SPARQL once this yields, with the
    user USER allowed to write graphs; stopped (and waited for) on the way out."""
    server, isql = shutil.which(SERVER), shutil.which(ISQL)
    if server is None or isql is None:
        raise RuntimeError(f"{SERVER} and {ISQL} are missing: run `make virtuoso` as root")
    sql_port, http_port = _free_port(), _free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(
        INI.format(folder=folder, sql_port=sql_port, http_port=http_port), encoding="utf-8"
    )
    log = (folder / "stdout.log").open("wb")
    process = subprocess.Popen(
        [server, "+foreground", "+configfile", str(ini)],
        cwd=folder,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{http_port}"
    try:
        _wait_until_answering(url, process, folder)
        subprocess.run(
            [isql, f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={GRANTS}"],
            check=True,
            capture_output=True,
            timeout=30,
        )
        yield Virtuoso(url, process.pid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


def _wait_until_answering(url: str, process: subprocess.Popen[bytes], folder: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            if httpx.get(f"{url}/sparql", params={"query": "ASK {}"}, timeout=2).is_success:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    tail = (folder / "stdout.log").read_text(errors="replace").splitlines()[-5:]
    raise RuntimeError(f"Virtuoso did not answer within {START_TIMEOUT:g} s: {' | '.join(tail)}")
