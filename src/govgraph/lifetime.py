"""Helper processes end with the build that started them.

A build killed with SIGKILL runs no clean-up code, so its extraction workers and range writers
would go on (writing hundreds of megabytes for nothing). On Linux each of them asks the kernel
to kill it when its parent ends (`prctl(PR_SET_PDEATHSIG)`); elsewhere this is a no-op.
SIGTERM is turned into `Terminated`, so a terminated build cleans up as an interrupted one does.
"""

from __future__ import annotations

import os
import signal
import sys

_PR_SET_PDEATHSIG = 1
PARENT_ENV = "GOVGRAPH_PARENT_PID"  # the pid a fresh child process (`_write_range`) must outlive


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived: unwind like Ctrl-C (temporary files removed), then exit 143."""


def die_with_parent(parent_pid: int | None = None) -> None:
    """Be killed when the parent process ends; exit now if it already has."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes  # here: only worker processes need it

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if parent_pid is not None and os.getppid() != parent_pid:
        os._exit(1)  # the parent died before the request above took effect


def _raise_terminated(signum, frame) -> None:
    raise Terminated()


def on_sigterm_unwind():
    """Install the SIGTERM handler (main thread only); returns the previous one, to restore."""
    return signal.signal(signal.SIGTERM, _raise_terminated)
