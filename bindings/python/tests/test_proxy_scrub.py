"""Scrub routes: no planted value reaches the upstream; responses, whole and streamed (placeholders
split across events), come back restored; failures fail closed."""
import asyncio
import concurrent.futures
import http.client
import json
import socket
import statistics
import threading
import time
import unittest
from unittest import mock

from fake_upstream import FakeUpstream
from sanctumcore.proxy import ConfigError, from_dict
from test_proxy_pass import ProxyFixture

PLANTED = ["Jane Doe", "jane.doe@example.com", "(514) 555-1234", "4111 1111 1111 1111", "123-45-6789"]
OPENAI = json.dumps({"model": "gpt-4o-mini", "messages": [
    {"role": "system", "content": "You are terse."},
    {"role": "user", "content": "I am Jane Doe (jane.doe@example.com, (514) 555-1234). "
                                "Card 4111 1111 1111 1111, SSN 123-45-6789."}]}).encode()
ANTHROPIC = json.dumps({"model": "claude-x", "max_tokens": 50, "system": "Be nice.", "messages": [
    {"role": "user", "content": [{"type": "text", "text": "Hi, I am Jane Doe, jane.doe@example.com"}]}]}).encode()


def sse(events):
    return [("data: " + json.dumps(e) + "\n\n").encode() if isinstance(e, dict) else e for e in events]


class SpareScrubberTest(ProxyFixture):
    """Scrubbers are made ahead, once no request is starting (a burst's requests do not wait for their
    sessions to be made in turn): each request still gets a fresh session of its own, never one another
    request used."""
    routes = [{"name": "scrubbed", "upstream": "UP/v1", "policy": "scrub"}]

    def spares(self) -> int:
        return sum(len(v) for v in self.proxy.proxy._spares.values())

    def wait_for_spares(self):
        deadline = time.monotonic() + 5
        while not self.spares() and time.monotonic() < deadline:
            time.sleep(0.005)
        self.assertGreater(self.spares(), 0, "no scrubber made ahead")

    def test_each_request_gets_a_fresh_spare(self):
        self.up.answer = ("json", 200, json.dumps({"choices": [
            {"index": 0, "message": {"role": "assistant", "content": "Hi <PERSON_1>"}}]}).encode())
        names = ["Jane Doe", "Maria Gonzalez", "Robert Smith"]
        for i, name in enumerate(names):
            if i:
                self.wait_for_spares()
                made = [sp for v in self.proxy.proxy._spares.values() for sp in v]
            body = json.dumps({"model": "m", "messages": [{"role": "user", "content": f"I am {name}."}]}).encode()
            resp, data = self.post("/chat/completions", body)
            self.assertEqual(resp.status, 200)
            if i:  # this request took one of them, and closed it (used once, then wiped)
                self.assertEqual(sum(sp.closed for sp in made), 1)
            sent = self.up.requests[i].body
            self.assertNotIn(name.encode(), sent)
            self.assertIn(b"<PERSON_1>", sent)  # numbered from 1: a session no other request used
            self.assertEqual(json.loads(data)["choices"][0]["message"]["content"], f"Hi {name}")

    def test_a_request_waiting_for_its_body_does_not_hold_the_spares_back(self):
        """A request counted as starting from its arrival: one whose body came slowly (up to body_timeout,
        60 s) kept every spare from being made, and the refill looked again every millisecond meanwhile."""
        slow = socket.create_connection(("127.0.0.1", self.port), timeout=10)
        self.addCleanup(slow.close)
        slow.sendall(b"POST /chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: %d\r\n\r\n" % len(OPENAI) + OPENAI[:10])
        deadline = time.monotonic() + 5
        server = self.proxy.proxy._runners[0].server
        while not any(c._handler for c in server.connections) and time.monotonic() < deadline:
            time.sleep(0.005)  # (its handler waits for the body)
        resp, _ = self.post("/chat/completions", OPENAI)  # takes a scrubber: one is made ahead after it
        self.assertEqual(resp.status, 200)
        self.wait_for_spares()
        slow.sendall(OPENAI[10:])  # the slow request still gets its answer
        self.assertTrue(slow.recv(65536).startswith(b"HTTP/1.1 200"))

    def test_stop_closes_the_spares(self):
        resp, _ = self.post("/chat/completions", OPENAI)
        self.assertEqual(resp.status, 200)
        self.wait_for_spares()
        spares = [s for v in self.proxy.proxy._spares.values() for s in v]
        self.proxy.close()
        self.assertEqual(self.spares(), 0)
        for s in spares:
            self.assertTrue(s.closed)  # (its session freed and wiped)


class SpareAtStopTest(ProxyFixture):
    """A request still in flight when the proxy stops may take a scrubber (a fallback's) after the spares
    were closed: the spares made for it then were never closed (native sessions left to the collector)."""
    routes = [{"name": "first", "upstream": "UP/v1", "policy": "scrub", "fallback": ["second"]},
              {"name": "second", "upstream": "UP/v1", "policy": "scrub"}]

    def test_spares_made_while_stopping_are_closed(self):
        self.up.delay = 2.0  # the first route's 503 comes once the proxy is stopping
        self.up.answers = [("json", 503, b'{"error": "busy"}'), ("json", 200, b'{"ok": true}')]
        answer = []
        client = threading.Thread(target=lambda: answer.append(self.post("/chat/completions", OPENAI)[0].status))
        client.start()
        deadline = time.monotonic() + 10
        while not self.up.requests and time.monotonic() < deadline:
            time.sleep(0.01)
        self.proxy.close()  # lets the request end: the second route's scrubber is taken while stopping
        client.join(20)
        self.assertEqual(answer, [200])
        self.assertEqual(len(self.up.requests), 2)
        self.assertEqual(sum(len(v) for v in self.proxy.proxy._spares.values()), 0)


class ScrubRouteTest(ProxyFixture):
    routes = [{"name": "scrubbed", "upstream": "UP/v1", "policy": "scrub"}]

    def test_no_planted_value_reaches_upstream_and_answer_is_restored(self):
        self.up.answer = ("json", 200, json.dumps({"id": "c1", "object": "chat.completion", "choices": [
            {"index": 0, "message": {"role": "assistant", "content": "Noted, <PERSON_1> at <EMAIL_ADDRESS_1>."}}]}).encode())
        resp, data = self.post("/chat/completions", OPENAI)
        self.assertEqual(resp.status, 200)
        sent = self.up.requests[0].body
        for value in PLANTED:
            self.assertNotIn(value.encode(), sent)
        self.assertIn(b"You are terse.", sent)
        self.assertEqual(json.loads(data)["choices"][0]["message"]["content"], "Noted, Jane Doe at jane.doe@example.com.")

    def test_openai_stream_split_placeholders(self):
        pieces = ["Hello <PERS", "ON_1>, mail <EMAIL_ADD", "RESS_1>!"]
        events = sse([{"object": "chat.completion.chunk", "choices": [{"index": 0, "delta": {"content": p}}]}
                      for p in pieces] + [b"data: [DONE]\n\n"])
        raw = b"".join(events)
        self.up.answer = ("sse", 200, [raw[i:i + 7] for i in range(0, len(raw), 7)])
        resp, data = self.post("/chat/completions", OPENAI)
        text = "".join(json.loads(l[6:])["choices"][0]["delta"].get("content", "")
                       for l in data.decode().split("\n") if l.startswith("data: {"))
        self.assertEqual(text, "Hello Jane Doe, mail jane.doe@example.com!")
        self.assertTrue(data.endswith(b"data: [DONE]\n\n"))

    def test_stream_media_type_in_another_case_is_restored_as_a_stream(self):
        """Media types are case-insensitive (RFC 9110 8.3.1): `Text/Event-Stream` was taken for a whole
        answer, buffered, and its placeholders split across events came back unrestored."""
        events = sse([{"object": "chat.completion.chunk", "choices": [{"index": 0, "delta": {"content": p}}]}
                      for p in ("Hello <PERS", "ON_1>!")] + [b"data: [DONE]\n\n"])
        for ctype in ("Text/Event-Stream", "TEXT/EVENT-STREAM; charset=utf-8"):
            with self.subTest(ctype=ctype):
                self.up.answer = ("sse", 200, events, {"Content-Type": ctype})
                resp, data = self.post("/chat/completions", OPENAI)
                self.assertEqual(resp.status, 200)
                self.assertIn(b"Jane Doe", data)
                self.assertNotIn(b"<PERS", data)

    def test_openai_stream_with_n_2_interleaved_choices(self):
        # n = 2: each chunk carries one choice at array position 0, the choices token by token in turn;
        # every placeholder is split across chunks of the other choice ("Hi <EMAILPERSON_1>!" before)
        tokens = {0: ["Hi ", "<", "PERSON", "_1", ">", "!"], 1: ["Mail ", "<EMAIL", "_ADDRESS", "_1", ">", "."]}
        chunks = [{"object": "chat.completion.chunk", "choices": [{"index": c, "delta": {"content": tokens[c][k]}}]}
                  for k in range(6) for c in (0, 1)]
        chunks += [{"object": "chat.completion.chunk", "choices": [{"index": c, "delta": {}, "finish_reason": "stop"}]}
                   for c in (0, 1)]
        self.up.answer = ("sse", 200, sse(chunks + [b"data: [DONE]\n\n"]))
        resp, data = self.post("/chat/completions", OPENAI)
        self.assertEqual(resp.status, 200)
        text = {0: "", 1: ""}
        for line in data.decode().split("\n"):
            if line.startswith("data: {"):
                for choice in json.loads(line[6:])["choices"]:
                    text[choice["index"]] += choice["delta"].get("content", "")
        self.assertEqual(text, {0: "Hi Jane Doe!", 1: "Mail jane.doe@example.com."})

    def test_a_stream_the_core_cannot_restore_is_cut_and_logged_as_502(self):
        from sanctumcore._core import SanctumError
        from sanctumcore.proxy import scrub as scrub_module

        real = scrub_module.Scrubber.stream_restorer

        class Failing:  # the core's restorer refusing its second chunk (SANCTUM_E_LIMIT, say)
            def __init__(self, inner):
                self.inner, self.fed = inner, 0

            def feed(self, chunk):
                self.fed += 1
                if self.fed == 2:
                    raise SanctumError(5, None, "event larger than max_input_bytes")
                return self.inner.feed(chunk)

            def finish(self):
                return self.inner.finish()

            def close(self):
                self.inner.close()

        first = sse([{"object": "chat.completion.chunk", "choices": [{"index": 0, "delta": {"content": "Hi <PERSON_1>"}}]}])
        rest = sse([{"object": "chat.completion.chunk", "choices": [{"index": 0, "delta": {"content": " bye"}}]},
                    b"data: [DONE]\n\n"])
        self.up.answer = ("sse", 200, [b"".join(first), b"".join(rest)])
        self.up.sse_gap = 0.05  # two reads: the second is refused
        with mock.patch.object(scrub_module.Scrubber, "stream_restorer", lambda s: Failing(real(s))), \
                self.assertLogs("sanctumcore.proxy", "INFO") as logs:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
            conn.request("POST", "/chat/completions", body=OPENAI, headers={"Content-Type": "application/json"})
            resp = conn.getresponse()
            self.assertEqual(resp.status, 200)  # (the head went out with the first event)
            with self.assertRaises(http.client.IncompleteRead) as cm:
                resp.read()
            conn.close()
            time.sleep(0.1)
        self.assertIn(b"Jane Doe", cm.exception.partial)  # what was restored came through
        self.assertNotIn(b"bye", cm.exception.partial)
        lines = [r.getMessage() for r in logs.records]
        self.assertIn("restoring the stream failed: SanctumError", lines)
        self.assertTrue(any(l.startswith("route=scrubbed") and "status=502" in l for l in lines), lines)

    def test_anthropic_stream(self):
        deltas = ["Dear <PERSON", "_1>, done."]
        events = [b"event: message_start\ndata: " + json.dumps({"type": "message_start", "message": {
            "id": "m", "type": "message", "role": "assistant", "content": []}}).encode() + b"\n\n"]
        for d in deltas:
            events.append(b"event: content_block_delta\ndata: " + json.dumps({"type": "content_block_delta", "index": 0,
                          "delta": {"type": "text_delta", "text": d}}).encode() + b"\n\n")
        events.append(b"event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n")
        self.up.answer = ("sse", 200, events)
        resp, data = self.post("/v1/messages", ANTHROPIC)
        self.assertNotIn(b"Jane Doe", self.up.requests[0].body)
        text = "".join(json.loads(l[6:])["delta"]["text"] for l in data.decode().split("\n")
                       if l.startswith("data: {") and '"text_delta"' in l)
        self.assertEqual(text, "Dear Jane Doe, done.")

    def test_malformed_request_never_reaches_upstream(self):
        resp, data = self.post("/chat/completions", b'{"model":"x","messages":[{"role":"user","content":"Jane Doe"')
        self.assertEqual(resp.status, 400)
        self.assertNotIn(b"Jane", data)  # the refusal does not echo the request
        self.assertEqual(self.up.requests, [])

    def test_a_role_spelled_twice_in_two_cases_is_refused(self):
        """{"role": "system", "Role": "user"}: the walk kept it as a system message (unscanned); a provider
        decoding with Go's encoding/json (case-insensitive, last wins) read the user's."""
        body = b'{"model":"x","messages":[{"role":"system","Role":"user","content":"I am Jane Doe."}]}'
        resp, data = self.post("/chat/completions", body)
        self.assertEqual(resp.status, 400)
        self.assertNotIn(b"Jane", data)
        self.assertEqual(self.up.requests, [])

    def test_unknown_placeholder_is_left_verbatim(self):
        self.up.answer = ("json", 200, json.dumps({"object": "chat.completion", "choices": [
            {"index": 0, "message": {"role": "assistant", "content": "Who is <PERSON_7>?"}}]}).encode())
        _, data = self.post("/chat/completions", OPENAI)
        self.assertEqual(json.loads(data)["choices"][0]["message"]["content"], "Who is <PERSON_7>?")

    def test_parallel_clients_get_their_own_values(self):
        names = ["Jane Doe", "Omar Haddad", "Lucia Moretti", "Kenji Watanabe", "Amara Okafor", "Pierre Lefevre"]
        self.up.answer = ("json", 200, json.dumps({"object": "chat.completion", "choices": [
            {"index": 0, "message": {"role": "assistant", "content": "Hi <PERSON_1>"}}]}).encode())

        def one(name):
            body = json.dumps({"model": "m", "messages": [{"role": "user", "content": f"My name is {name}."}]})
            _, data = self.post("/chat/completions", body.encode())
            return name, json.loads(data)["choices"][0]["message"]["content"]

        with concurrent.futures.ThreadPoolExecutor(6) as pool:
            results = list(pool.map(one, names * 5))
        for name, answer in results:
            self.assertEqual(answer, f"Hi {name}")
        for rec in self.up.requests:
            for name in names:
                self.assertNotIn(name.encode(), rec.body)


class FallbackScrubTest(ProxyFixture):
    routes = [{"name": "trusted", "upstream": "DOWN/v1", "policy": "pass", "fallback": ["cloud"]},
              {"name": "cloud", "upstream": "UP/v1", "policy": "scrub"}]

    def test_scrubbed_fallback_scrubs_even_when_primary_did_not(self):
        self.up.answer = ("json", 200, json.dumps({"object": "chat.completion", "choices": [
            {"index": 0, "message": {"role": "assistant", "content": "ok <PERSON_1>"}}]}).encode())
        resp, data = self.post("/chat/completions", OPENAI)
        self.assertEqual(resp.status, 200)
        self.assertNotIn(b"Jane Doe", self.up.requests[0].body)
        self.assertEqual(json.loads(data)["choices"][0]["message"]["content"], "ok Jane Doe")


class CancelledScrubTest(ProxyFixture):
    routes = [{"name": "scrubbed", "upstream": "UP/v1", "policy": "scrub"}]

    def test_session_outlives_a_cancelled_handler_while_a_thread_scrubs(self):
        proxy = self.proxy.proxy
        real_new = proxy._new_scrubber
        started, events = threading.Event(), []

        class Slow:
            """The real scrubber, slower, noting whether close() came while anonymize_request ran."""
            def __init__(self, real):
                self.real, self.busy, self.pending = real, False, False

            def anonymize_request(self, body):
                self.busy = True
                started.set()
                time.sleep(0.5)
                try:
                    return self.real.anonymize_request(body)
                finally:
                    self.busy = False
                    events.append("scrubbed")
                    if self.pending:  # the close that came too early (kept from freeing it under us)
                        self.real.close()

            def close(self):
                events.append("closed while scrubbing" if self.busy else "closed")
                if self.busy:
                    self.pending = True
                else:
                    self.real.close()

            def __getattr__(self, name):
                return getattr(self.real, name)

        proxy._new_scrubber = lambda *a: Slow(real_new(*a))
        body = json.dumps({"model": "m", "messages": [{"role": "user", "content": "I am Jane Doe. " + "x" * 140_000}]})
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=5)
        sock.sendall(b"POST /chat/completions HTTP/1.1\r\nHost: p\r\nContent-Length: %d\r\n\r\n" % len(body) +
                     body.encode())
        self.assertTrue(started.wait(5))

        async def cancel_handlers():
            for t in asyncio.all_tasks():
                if t is not asyncio.current_task():
                    t.cancel()

        asyncio.run_coroutine_threadsafe(cancel_handlers(), self.proxy.loop).result(5)
        deadline = time.monotonic() + 5
        while len(events) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        sock.close()
        self.assertEqual(events, ["scrubbed", "closed"])
        self.assertEqual(self.up.requests, [])  # the cancelled request is not forwarded


class ScrubFallbackConfigTest(unittest.TestCase):
    def test_scrub_route_cannot_fall_back_to_a_pass_route(self):
        def cfg(fallback_policy):
            return from_dict({"route": [
                {"name": "cloud", "upstream": "https://example.com/v1", "policy": "scrub", "fallback": ["spare"]},
                {"name": "spare", "upstream": "http://127.0.0.1:9/v1", "policy": fallback_policy}]})

        with self.assertRaises(ConfigError) as cm:
            cfg("pass")
        self.assertIn("cannot fall back to pass route 'spare'", str(cm.exception))
        for ok in ("scrub", "local"):
            self.assertEqual(cfg(ok).routes[0].fallback, ("spare",))


class LatencyTest(ProxyFixture):
    """Measures (not asserts) the proxy's added latency; prints it for the closing note."""
    routes = [{"name": "scrubbed", "upstream": "UP/v1", "policy": "scrub", "paths": ["/chat/completions"]},
              {"name": "plain", "upstream": "UP/v1", "policy": "pass", "paths": ["/completions"]}]

    def test_added_latency(self):
        self.up.answer = ("json", 200, json.dumps({"object": "chat.completion", "choices": [
            {"index": 0, "message": {"role": "assistant", "content": "Hi <PERSON_1>"}}]}).encode())

        def direct():
            conn = http.client.HTTPConnection("127.0.0.1", self.up.port, timeout=10)
            conn.request("POST", "/v1/chat/completions", body=OPENAI)
            conn.getresponse().read()
            conn.close()

        timings = {"upstream direct": direct,
                   "proxy pass": lambda: self.post("/completions", OPENAI),
                   "proxy scrub": lambda: self.post("/chat/completions", OPENAI)}
        medians = {}
        for label, fn in timings.items():
            samples = []
            for _ in range(60):
                t = time.perf_counter()
                fn()
                samples.append((time.perf_counter() - t) * 1000)
            medians[label] = statistics.median(samples)
        print("\nproxy latency (median of 60, ms): " +
              ", ".join(f"{k} {v:.2f}" for k, v in medians.items()) +
              f"; scrub adds {medians['proxy scrub'] - medians['upstream direct']:.2f} ms,"
              f" pass adds {medians['proxy pass'] - medians['upstream direct']:.2f} ms")


if __name__ == "__main__":
    unittest.main()
