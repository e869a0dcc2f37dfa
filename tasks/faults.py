"""Named kill points for crash-consistency tests.

Set MMTRACK_KILL_AT=name#n and the process SIGKILLs itself the n-th time it passes the point `name`
(for example `before_commit#3`: inside the third transaction, after its writes, before COMMIT). Unset,
a kill point costs one dictionary lookup. A real crash can't be produced on demand at an exact place;
this is the one fault the tests inject from inside.
"""

from __future__ import annotations

import os
import signal
import threading

_counts: dict[str, int] = {}
_lock = threading.Lock()


def kill_point(name: str) -> None:
    target = os.environ.get("MMTRACK_KILL_AT")
    if not target:
        return
    wanted, _, nth = target.partition("#")
    if wanted != name:
        return
    with _lock:
        _counts[name] = _counts.get(name, 0) + 1
        reached = _counts[name] == int(nth or 1)
    if reached:
        os.kill(os.getpid(), signal.SIGKILL)
