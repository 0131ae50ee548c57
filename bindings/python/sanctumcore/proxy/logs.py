"""The proxy's log output: a line per request costs little. The standard StreamHandler formats the time
with strftime and writes (a system call) for every line; here the time text is made once a second, and
the lines an event-loop turn produced are written together at the end of that turn (at once outside a
running loop, and at exit by logging.shutdown). When such handlers are all a logger's lines reach,
line() writes the text they would write without making a LogRecord (most of what a line costs)."""
from __future__ import annotations

import asyncio
import logging
import threading
import time

FORMAT = "%(asctime)s %(name)s %(levelname)s %(message)s"


class Formatter(logging.Formatter):
    """logging.Formatter whose default time text (`2026-01-02 03:04:05,678`) is made once per second."""

    def __init__(self, fmt: str = FORMAT):
        super().__init__(fmt)
        self.standard = fmt == FORMAT  # line() writes this format itself
        self._second = None
        self._text = ""

    def formatTime(self, record, datefmt=None) -> str:
        if datefmt:
            return super().formatTime(record, datefmt)
        return self.time_text(record.created)

    def time_text(self, created: float) -> str:
        second = int(created)
        if second != self._second:
            self._text = time.strftime(self.default_time_format, self.converter(second))
            self._second = second
        return self.default_msec_format % (self._text, int((created - second) * 1000))


def line(logger: logging.Logger, level: int, message: str) -> bool:
    """Writes `message` as logger.log(level, "%s", message) would, when every handler it reaches is a
    TurnHandler with this module's Formatter and no filter is set (else returns False: log it the
    usual way)."""
    handlers = []
    c = logger
    while c is not None:
        if c.filters:
            return False
        for h in c.handlers:
            if type(h) is not TurnHandler or type(h.formatter) is not Formatter or h.filters or \
                    not h.formatter.standard:
                return False
            if level >= h.level:
                handlers.append(h)
        if not c.propagate:
            break
        c = c.parent
    if logger.disabled or not handlers:
        return False  # (logging's own path: dropped, or logging.lastResort)
    now = time.time()
    name = logging.getLevelName(level)
    for h in handlers:
        h.acquire()
        try:
            h.emit_text(f"{h.formatter.time_text(now)} {logger.name} {name} {message}")
        finally:
            h.release()
    return True


class TurnHandler(logging.StreamHandler):
    """A StreamHandler that writes the lines of one event-loop turn in one write."""

    def __init__(self, stream=None):
        super().__init__(stream)
        self._lines = []
        self._scheduled = False
        self._loop = None
        self._thread = None  # the thread running _loop

    def emit(self, record) -> None:
        try:
            text = self.format(record)
        except Exception:
            self.handleError(record)
            return
        self.emit_text(text)

    def emit_text(self, line: str) -> None:
        self._lines.append(line)
        if self._scheduled and self._thread == threading.get_ident() and len(self._lines) < 512 and \
                self._loop.is_running():
            return  # this thread's loop, still running, writes them at the end of its turn
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if loop is None or len(self._lines) >= 512 or (self._scheduled and loop is not self._loop):
            self.flush()  # outside a loop, or a loop that may never turn again: now
        elif not self._scheduled:
            self._scheduled, self._loop, self._thread = True, loop, threading.get_ident()
            loop.call_soon(self.flush)

    def flush(self) -> None:
        self.acquire()
        try:
            self._scheduled = False
            if self._lines and self.stream is not None:
                text = "\n".join(self._lines) + "\n"
                self._lines.clear()
                try:
                    self.stream.write(text)
                    self.stream.flush()
                except Exception:
                    pass  # as StreamHandler: a broken stderr never stops the proxy
        finally:
            self.release()
