"""The editor's end of the routing process (:mod:`chainmap.core.routing.background`).

:class:`RouteWorker` starts the worker process the first time something is sent (with the
``spawn`` method: a Qt process is never forked), sends it messages and hands back the
answers without ever waiting for one, and stops it when the scene goes (:meth:`close`) or,
at the latest, when Python exits (the process is a daemon, which ``multiprocessing``
terminates at exit; the worker also ends by itself when the pipe closes).
"""

from __future__ import annotations

import multiprocessing
import pickle
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from chainmap.core.routing.background import pack, serve

QUIT_WAIT = 0.2  # seconds the worker has to quit by itself before it is terminated
JOIN_TIMEOUT = 2.0


class RouteWorker:
    """One routing process and the pipe to it."""

    def __init__(self) -> None:
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self._broken = False
        self.ready = False  # the process said it reads the pipe

    @property
    def started(self) -> bool:
        """Whether the process was started and has not failed."""
        return self._process is not None and not self._broken

    def start(self) -> bool:
        """Start the process (once); False when it cannot be started. Send nothing before
        :attr:`ready`."""
        if self._broken:
            return False
        if self._conn is None:
            try:
                self._start()
            except (OSError, ValueError, RuntimeError):
                self._fail()
                return False
        return True

    @property
    def broken(self) -> bool:
        """The process could not be started or has gone (routing falls back to the editor)."""
        return self._broken

    def send(self, raw: bytes) -> bool:
        """Send one packed message, starting the process first if needed; False when the
        process is not there to take it."""
        if not self.start():
            return False
        try:
            assert self._conn is not None
            self._conn.send_bytes(raw)
        except (OSError, EOFError, ValueError, RuntimeError):
            self._fail()
            return False
        return True

    def receive(self) -> tuple[Any, ...] | None:
        """The next answer if one has arrived (never waits); ``("error", None, text)`` when
        the process has gone."""
        conn = self._conn
        if conn is None or self._broken:
            return None
        try:
            if not conn.poll(0):
                if self._process is not None and not self._process.is_alive():
                    raise EOFError
                return None
            message: tuple[Any, ...] = pickle.loads(conn.recv_bytes())
        except (OSError, EOFError, pickle.UnpicklingError):
            self._fail()
            return ("error", None, "the routing process has gone")
        if message[0] == "ready":
            self.ready = True
            return None
        return message

    def close(self) -> None:
        """Stop the process (asked first, then terminated) and close the pipe."""
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if conn is not None:
            try:
                conn.send_bytes(pack(("quit",)))
            except (OSError, ValueError):
                pass
        if process is not None:
            process.join(QUIT_WAIT)
            if process.is_alive():
                process.terminate()  # busy with a route that nobody will look at
                process.join(JOIN_TIMEOUT)
            if not process.is_alive():
                process.close()
        if conn is not None:
            conn.close()

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        mine, theirs = context.Pipe(duplex=True)
        process = context.Process(target=serve, args=(theirs,), name="chainmap-routing", daemon=True)
        process.start()
        theirs.close()
        self._process, self._conn = process, mine

    def _fail(self) -> None:
        self._broken = True
        process = self._process
        if process is not None and process.is_alive():
            process.terminate()
