"""The proxy's log output (sanctumcore.proxy.logs): the same lines as logging's StreamHandler with the
same format, written once per event-loop turn, and logs.line() writing them without a LogRecord only
when nothing else (a filter, another handler) would see the record."""
import asyncio
import io
import logging
import time
import unittest
from unittest import mock

from sanctumcore.proxy import logs


class CountingStream(io.StringIO):
    def __init__(self):
        super().__init__()
        self.writes = 0

    def write(self, text):
        self.writes += 1
        return super().write(text)


class LogsTest(unittest.TestCase):
    def setUp(self):
        self.logger = logging.getLogger("sanctumcore.proxy.test_logs")
        self.logger.setLevel(logging.INFO)
        self.logger.propagate = False
        self.stream = CountingStream()
        self.handler = logs.TurnHandler(self.stream)
        self.handler.setFormatter(logs.Formatter())
        self.logger.addHandler(self.handler)

    def tearDown(self):
        self.logger.removeHandler(self.handler)
        self.logger.propagate = True

    def standard(self, created: float, message: str) -> str:
        """What logging.StreamHandler with the same format writes for a record made at `created`."""
        plain = logging.Formatter(logs.FORMAT)
        record = logging.LogRecord(self.logger.name, logging.INFO, __file__, 1, "%s", (message,), None)
        record.created, record.msecs = created, int((created - int(created)) * 1000) + 0.0
        return plain.format(record)

    def test_line_writes_what_logging_would(self):
        for created in (1767323045.678, 1767323045.0005, 1767323046.999):
            with mock.patch("time.time", return_value=created):
                self.assertTrue(logs.line(self.logger, logging.INFO, "route=r status=200 x=%s"))
            self.assertEqual(self.stream.getvalue().splitlines()[-1], self.standard(created, "route=r status=200 x=%s"))

    def test_records_are_formatted_as_logging_would(self):
        with mock.patch("time.time", return_value=1767323045.25), \
                mock.patch("time.time_ns", return_value=1767323045250000000):
            self.logger.info("a %s line", "formatted")
        self.assertEqual(self.stream.getvalue(), self.standard(1767323045.25, "a formatted line") + "\n")

    def test_line_declines_when_another_handler_or_filter_would_see_the_record(self):
        with self.assertNoLogs(self.logger.name, "INFO"):  # (it puts its own handler in place)
            self.assertFalse(logs.line(self.logger, logging.INFO, "x"))
        other = logging.StreamHandler(io.StringIO())
        self.logger.addHandler(other)
        try:
            self.assertFalse(logs.line(self.logger, logging.INFO, "x"))
        finally:
            self.logger.removeHandler(other)
        self.logger.addFilter(lambda record: True)
        try:
            self.assertFalse(logs.line(self.logger, logging.INFO, "x"))
        finally:
            self.logger.filters.clear()
        self.handler.setLevel(logging.WARNING)  # below the handler's level: declined, logging drops it
        self.assertFalse(logs.line(self.logger, logging.INFO, "x"))
        self.assertEqual(self.stream.getvalue(), "")

    def test_one_write_per_event_loop_turn(self):
        async def burst():
            for i in range(5):
                self.logger.info("line %d", i)
            self.assertEqual(self.stream.writes, 0)  # not yet: at the end of this turn
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            return self.stream.writes

        self.assertEqual(asyncio.run(burst()), 1)
        self.assertEqual([l.split(" ", 4)[-1] for l in self.stream.getvalue().splitlines()],
                         [f"line {i}" for i in range(5)])
        self.logger.info("outside a loop")  # written at once
        self.assertEqual(self.stream.writes, 2)

    def test_lines_left_by_a_stopped_loop_come_out(self):
        async def log_and_stop():
            self.logger.info("last turn")

        loop = asyncio.new_event_loop()
        loop.run_until_complete(log_and_stop())
        loop.close()  # the flush scheduled for the turn never runs
        self.logger.info("after")  # the next line (or logging.shutdown's flush) writes both
        self.assertEqual([l.split(" ", 4)[-1] for l in self.stream.getvalue().splitlines()], ["last turn", "after"])
        self.handler._lines.append("held")
        self.handler.flush()
        self.assertTrue(self.stream.getvalue().endswith("held\n"))


if __name__ == "__main__":
    unittest.main()
