"""Spreading client connections evenly over sanctum-proxy's worker processes.

With SO_REUSEPORT the kernel hashes each connection's addresses to a worker: 32 connections opened at
once split 19/13 or 20/12 about as often as 16/16, and with clients that send in step (a provider with a
constant delay) the fuller worker's queue sets the burst's latency. Here the workers share the listening
sockets (made before they fork) and a table of how many connections each one holds: a worker that holds
more than another leaves a waiting connection to it, and takes it itself only if it is still waiting
RETRY seconds later (the other worker is busy, or stopped). Each wake-up accepts one connection, so
workers that are both idle take turns. A worker that is itself leaving connections to the others (or
paused, out of file descriptors) is not waited for: two workers would otherwise each wait RETRY for the
other, and a client opening a connection per request would wait 1 ms one time in ten. A worker at its
max_connections leaves every new connection to a worker with room for as long as there is one: taken,
it could only be refused (503).
"""
from __future__ import annotations

import errno
import logging
import mmap
import socket

RETRY = 0.001  # seconds a worker holding more connections leaves a waiting one to the others
PAUSE = 1.0  # seconds accepting pauses when the process is out of file descriptors or memory (as asyncio)
_OUT_OF = (errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM)

log = logging.getLogger("sanctumcore.proxy")


class Counts:
    """The connections each worker holds (slots), and whether it is not accepting for now (waiting), in
    memory shared by the processes forked after it is made. Each worker writes only its own slots."""

    def __init__(self, workers: int):
        self._map = mmap.mmap(-1, 16 * workers)
        shared = memoryview(self._map).cast("q")
        self.slots, self.waiting = shared[:workers], shared[workers:]


class Acceptor:
    """Accepts connections on a shared listening socket for worker `index`, handing each to `factory`
    (the aiohttp server, whose `connections` it counts) as the loop's own server would."""

    def __init__(self, loop, sock: socket.socket, factory, counts: Counts, index: int, limit=None):
        """limit: the connections the server holds at most (max_connections; more get 503)."""
        self._loop, self.sock, self._factory, self._limit = loop, sock, factory, limit
        self._slots, self._waiting, self._index = counts.slots, counts.waiting, index
        self._fd = sock.fileno()
        self._waited = False  # a connection was left to the others once: the next one is taken
        self._reading = False
        self._timer = None
        self._closed = False

    def start(self) -> None:
        self._resume()

    def close(self) -> None:
        self._closed = True
        self._waiting[self._index] = 1  # (stopping: the others wait for it no more)
        self._pause()
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def set_count(self, n: int) -> None:
        self._slots[self._index] = n

    def _pause(self) -> None:
        if self._reading:
            self._loop.remove_reader(self._fd)
            self._reading = False

    def _resume(self) -> None:
        self._timer = None
        if not self._closed and not self._reading:
            self._waiting[self._index] = 0
            self._loop.add_reader(self._fd, self._ready)
            self._reading = True

    def _wait(self, seconds: float) -> None:
        self._pause()
        self._waiting[self._index] = 1
        self._timer = self._loop.call_later(seconds, self._resume)

    def _ready(self) -> None:
        slots, waiting, own, limit = self._slots, self._waiting, self._slots[self._index], self._limit
        if limit is not None and own >= limit and any(
                n < limit and not w for i, (n, w) in enumerate(zip(slots, waiting)) if i != self._index):
            self._wait(RETRY)  # full: taken here it would get the 503, and another worker has room
            return
        if not self._waited and any(n < own and not w for n, w in zip(slots, waiting)):
            self._waited = True  # another worker holds fewer: its turn, unless it is still waiting soon
            self._wait(RETRY)
            return
        try:
            conn, _ = self.sock.accept()
        except (BlockingIOError, InterruptedError, ConnectionAbortedError):
            return  # another worker took it, or the client gave up
        except OSError as e:
            if e.errno in _OUT_OF:
                log.error("accepting connections paused for %g s: %s", PAUSE, e.strerror)
                self._wait(PAUSE)
                return
            raise
        self._waited = False
        slots[self._index] += 1  # (until the server counts it: the others see it now)
        try:
            conn.setblocking(False)
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            conn.close()
            self._recount()
            return
        self._loop.create_task(self._serve(conn))

    async def _serve(self, conn: socket.socket) -> None:
        try:
            await self._loop.connect_accepted_socket(self._factory, conn)
        except OSError:
            conn.close()  # (the client left before its transport was made)
        finally:
            # The count the server keeps: a connection it never held (the 503 past max_connections, one
            # that failed here) is never counted out by it, and was counted in by _ready.
            self._recount()

    def _recount(self) -> None:
        self._slots[self._index] = len(self._factory.connections)
