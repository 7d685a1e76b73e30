"""Worker processes that end when the process that started them ends.

A build or query worker whose parent is killed with SIGKILL gets no signal and
would run on, orphaned, holding its memory. `die_with_parent` starts a daemon
thread in the worker that watches the parent's process id and ends the worker
when it changes (the worker has been re-parented). Polling rather than Linux's
PR_SET_PDEATHSIG, which fires when the parent *thread* that forked exits — in a
threaded server that is any request thread.
"""

from __future__ import annotations

import os
import threading
import time

POLL_SECONDS = 0.2


def die_with_parent(parent: int) -> None:
    """End this process within POLL_SECONDS of its parent `parent` ending, or at once if it
    has already ended. The parent's id must come from the parent (os.getpid() there, passed
    to the worker): read in the worker, it would be the init process's when the parent was
    killed between the fork and this call, and the worker would run on forever."""
    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="lifeline", daemon=True).start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(POLL_SECONDS)
    os._exit(1)  # no cleanup: the parent that would want the results is gone
